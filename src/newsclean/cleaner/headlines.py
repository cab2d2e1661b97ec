"""The headline heuristics shared by the line and inline zones: whether a paragraph reads as a related
article's headline, and where a headline glued into prose ends.
"""

from __future__ import annotations

import regex

from ..lexicon import COMMON_WORDS
from ..patterns.words import (
    CAMEL_NAMES,
    HEADLINE_SMALL_WORDS,
    OPENERS_BEFORE_COMMA,
    RELATED_LABEL,
    REPORTING_VERBS,
    SENTENCE_OPENERS,
)

MAX_HEADLINE_CHARS = 220
#: `Baca artikel menarik lainnya:` and `Berita terkait:` introduce a list of headlines glued together.
MAX_HEADLINE_LIST_CHARS = 600
LIST_LABEL = regex.compile(r"(?i:lainnya|terkait)\s*[:：]?\s*$")


#: Where a glued headline certainly ends: the next insert, byline or footer label.
NEXT_LABEL = regex.compile(
    rf"{RELATED_LABEL}\s*[:：]|(?:Pewarta|Editor|Penulis|Reporter|Foto|FOTO|Copyright|©|SCROLL TO CONTINUE)\b",
    regex.V1,
)
#: A capital glued to a lowercase run: two words joined where the scraper dropped a space or a line break. The
#: capital may open a two-letter word (`TerpopulerIa menegaskan`, `...JalanDi tempat`); `PROSE_AFTER_GLUE` and
#: `CAMEL_NAMES` then tell the next sentence from a brand (`LinkedIn`).
#: An acronym that is a word of its own may have one glued on too (`...Duta DPD RISultan menyebutkan`), and so
#: may a closing single quotation mark (`...Deklarasikan 'Darurat Iklim'Temuan dalam laporan WMOTemperatur`: the
#: headline ends at the quote, and a subheading follows it).
CAMEL_GLUE = regex.compile(
    r"(?<=\p{Ll}{3}|\d|(?<![\p{L}\d@#_])\p{Lu}{2,}|\p{Ll}['’])(?=\p{Lu}\p{Ll})", regex.V1
)
#: An acronym with a capitalised word glued to it (`DKINamun`): the word may open the next sentence.
ACRONYM_THEN_WORD = regex.compile(r"(\p{Lu}{2,})(\p{Lu}\p{Ll}+)", regex.V1)
#: The capitalised word glued on at a glue.
GLUED_WORD = regex.compile(r"\p{Lu}\p{Ll}+", regex.V1)
#: A glued capital starts prose (not a brand like `VietJet`) only when a lowercase word follows it, or, for a
#: glued word of five letters or more, follows the name after it (`...Belok ArahPengumuman Ma'ruf Amin sebagai
#: cawapres`); a brand's glued part is short (`VietJet Air Terbang ke ...`). A subheading glued on is title
#: case all through (`...GiniCara Menurunkan Kolesterol AlamiDi sisi lain`) and shows no lowercase word there.
PROSE_AFTER_GLUE = regex.compile(
    r"\p{Lu}\p{Ll}+,? \p{Ll}|\p{Lu}\p{Ll}{4,}(?: \p{Lu}[\p{Ll}'’.-]*){1,2},? \p{Ll}", regex.V1
)
TOKEN = regex.compile(r"\S+", regex.V1)
#: A sentence break: a point or `!`, then a capital, maybe after an opening quotation mark (`... Division Head
#: menambahkan. "RCTI+ ...`).
SENTENCE_BREAK = regex.compile(r"[.!]\s+[\"“]?\p{Lu}|[.!]$", regex.V1)
#: What a headline never shows: a second sentence (after `.`, `!` or `?`), a closing period or colon (a list
#: intro such as `Berikut daftarnya:`), or a quotation closed after its punctuation (`..., "Jatuh Cinta."`).
NOT_A_HEADLINE = regex.compile(r"[.!?]\s+\p{Lu}|[.!:]$|[.!?][\"”’']+$", regex.V1)
#: Quotation marks that close a quoted sentence after its point.
CLOSING_QUOTE_MARKS = "\"”’'"
HEADLINE_SHAPE = regex.compile(r"^[\p{Lu}\d\"“'‘]", regex.V1)


#: An exclamation or question that opens a headline (`Mengenaskan! Mayat Bayi Ditemukan`, `Viral? Ini
#: Faktanya`): one to three capitalised words before the mark, then a capital. Not a second sentence.
HEADLINE_INTERJECTION = regex.compile(r"^\s*\p{Lu}[\p{L}\d-]*(?: [\p{L}\d-]+){0,2}[!?]\s+(?=\p{Lu})", regex.V1)
#: A headline cut short by the site (`Petani Enggak Senang...`): the dots end no sentence.
TRAILING_ELLIPSIS = ("...", "…")


def headline_body(text: str) -> str:
    """`text` without an opening interjection and a closing ellipsis, which a headline may have and a sentence
    test would take for a sentence break."""
    opening = HEADLINE_INTERJECTION.match(text)
    if opening:
        text = text[opening.end() :]
    text = text.rstrip()
    for ellipsis in TRAILING_ELLIPSIS:
        if text.endswith(ellipsis):
            return text[: -len(ellipsis)]
    return text


def is_headline(text: str) -> bool:
    """A related-article headline: short, starts with a capital or digit, and is not a finished sentence.

    Used only right after a `Baca juga` label, so a real short paragraph elsewhere is never judged by it. A
    sentence that opens with an opener and its comma (`Namun, fakta-fakta ini belum cukup menjelaskan ...?`) is
    the article's, even when it ends with a question as headlines do.
    """
    text = text.strip()
    return (
        0 < len(text) <= 160
        and bool(HEADLINE_SHAPE.match(text))
        and not NOT_A_HEADLINE.search(headline_body(text))
        and not _opens_with_opener_and_comma(text)
    )


#: A headline ends for certain where the scraper glued the next paragraph's opening to it: an opening quote
#: right after a word or a `!`/`?` (`...Pil Koplo"Maka dari itu`, `...Kemenangan!"Dia`), or a `?`/`!` glued
#: to a capitalised word (`Apa Kata Dovizioso?Tapi tak`). A quote inside a headline has a space before it
#: (`Simak Video "Karier Rossi`) or closes it (`Ini Kata Demokrat"`), so neither is taken for an end.
GLUED_NEXT_PARAGRAPH = regex.compile(r"(?<=[\p{L}\d!?])[\"“](?=\p{Lu})|(?<=[?!])(?=\p{Lu}\p{Ll})", regex.V1)
#: A quotation of speech that opens after a headline (`...Berkat Gotong Royong “Maka dengan membangun pos
#: ronda, warga merasa aman,” kata Budi`): it closes after its own punctuation, which a quoted phrase inside a
#: headline (`Ini Kata Jokowi soal “Politik Dinasti”`) never does; the headline ends where it opens.
QUOTED_SPEECH = regex.compile(r"(?<=\s)[\"“](?=\p{Lu})[^\"“”\n]{3,400}?[,.!?][\"”]", regex.V1)
#: Signs that the text up to a glued capital is prose, not a headline, so that the glue is two words the
#: scraper joined inside a sentence (`..., kata KieshaAlvaro`): a quotation closed after its punctuation
#: (`...di film ini,” kata`) or a reporting verb after a comma (`..., ujar Teuku`).
PROSE_BEFORE_GLUE = regex.compile(
    rf"[,.!?][\"”’]\s|,\s+(?:{REPORTING_VERBS})(?:nya)?\b",
    regex.V1,
)
#: The longest stretch that is taken for a headline ending at a glued capital: headlines run 40-120 characters;
#: a longer stretch before the glue is the headline and the start of the next paragraph.
MAX_GLUED_HEADLINE_CHARS = 150
#: Lowercase words in a row after which a title-case headline has certainly turned into prose.
PROSE_RUN_WORDS = 3
#: Commas a headline whose end is guessed from its title case may hold: headlines list two things at most
#: (`Solid, Tak Ribut ...`); a guess that takes more has run into a sentence listing names.
MAX_GUESSED_COMMAS = 2
#: A comma that separates words, not a decimal comma between digits (`Rp1,5 Triliun`).
LIST_COMMA = regex.compile(r"(?<!\d),|,(?!\d)", regex.V1)
#: Capitalised words a headline opens with to be judged as title case (`LPDP Buka Beasiswa Georgetown SFS`);
#: a sentence-case headline shows a lowercase word among its first words.
TITLE_CASE_WORDS = 5


def headline_end(text: str, start: int, limit: int = MAX_HEADLINE_CHARS) -> int:
    """Where a headline that starts at `start` ends, erring towards keeping prose.

    A glued headline's end is taken only where it is certain; where it is not, the headline stays in the text
    (only the label before `start` goes), because a cut a word too far deletes the first words of the next
    sentence (`...Berkat Gotong Royong “Maka dengan membangun` lost `“Maka dengan`), and losing a sentence is
    worse than keeping a headline. Certain ends, in order:

    * the next label (`Baca juga:`, `Pewarta:`, `Foto:`), or the end of the paragraph if near and no sentence
      break comes first;
    * the end of the line: a headline never runs over a line break;
    * the next paragraph glued on (`GLUED_NEXT_PARAGRAPH`: `Koplo"Maka`, `Dovizioso?Tapi`), or a quotation
      of speech opening after the headline (`QUOTED_SPEECH`: `Royong “Maka dengan membangun ...,” kata`);
    * two words glued without a space (`...di Kendari Turun ke JalanKakak dari almarhum`), when what stands
      before the glue still reads as a headline (`PROSE_BEFORE_GLUE`, at most `MAX_GLUED_HEADLINE_CHARS`, no
      run of lowercase words in a title-case headline): scrapers also glue words inside prose where they
      stripped a link (`kata KieshaAlvaro`), and taking that for the end removed a sentence and a half;
    * a word that opens sentences (`Sejak`, `Bahkan,`).

    A label followed by a sentence that opens with an opener and its comma (`Baca juga: ,Jadi, mana ...?`) has
    lost its headline: the label alone goes.

    Else the headline runs through title-case words up to the last capitalised run before the first
    lowercase content word, and that run is left as the subject of the prose sentence; when no capitalised
    word stands right before the small words that precede the prose (`Royong Maka dengan membangun`), the
    end goes back to the start of the last capitalised run (or to `start`: the label alone goes), never to a
    cut right before a lowercase word. A guessed end that would take `MAX_GUESSED_COMMAS` commas or more is no
    end: the label alone goes.
    """
    window_end = min(len(text), start + limit)
    window = text[start:window_end]
    if _opens_with_opener_and_comma(window):
        return start
    label = NEXT_LABEL.search(window, 1)
    cut = label.start() if label else None
    line_break = window.find("\n")
    if line_break >= 0 and (cut is None or line_break < cut):
        cut = line_break
    if cut is not None:
        window = window[:cut]
    # After a list label (`Baca artikel menarik lainnya:`) headlines follow glued to each other (`...Paling
    # Mendominasi?Alicia Wong ...`): a glued capital there starts the next headline, not the next paragraph.
    listed = limit > MAX_HEADLINE_CHARS
    glued = None if listed else GLUED_NEXT_PARAGRAPH.search(window, 1)
    speech = QUOTED_SPEECH.search(text, start + 1, min(len(text), start + len(window) + 400))
    if speech and speech.start() - start < len(window) and (glued is None or speech.start() - start < glued.start()):
        glued = speech
        glued_at = speech.start() - start
    else:
        glued_at = glued.start() if glued else 0
    if glued:
        window = window[:glued_at]
        if reads_as_headline(window, listed):
            return start + glued_at
    elif cut is not None and reads_as_headline(window, listed):
        return start + cut
    glue_end, uncertain_glue = _glued_words_end(window)
    if glue_end is not None:
        return start + glue_end
    if (
        glued is None
        and cut is None
        and window_end == len(text)
        and not ends_a_sentence(headline_body(window))
        and not PROSE_BEFORE_GLUE.search(window)
    ):
        # The rest of the paragraph: a headline, or a headline and the embed, credit and tag words Detik puts
        # after it (`...Pancasila[Gambas:Video 20detik] (maa/gbr) pdip adian`), which read like a lowercase run
        # of prose to `_turns_to_prose`; a quotation (`Baca juga:,"Kita yakini ...," ujar`) is prose. A
        # sentence glued to the headline (`...Belum JelasSecara terpisah, polisi menyatakan ...`) ended it
        # above: the rest of the paragraph is taken only where no such glue shows the headline's end.
        return len(text)
    end, by_opener = _title_case_end(window)
    if uncertain_glue is not None and end > uncertain_glue and not by_opener:
        # A glue whose end was uncertain (a brand, or a subheading glued after the headline) bounds a guess from
        # the title case: past it, the capitalised run may be the subheading and the small words after it the
        # next sentence's (`...PilkadaSoal Iuran Partai PerubahanBaru-baru ini, Anies sempat ...`). A sentence
        # opener that shows the end is no guess (`...VietJet Air Terbang ke Indonesia Rupanya, ...`).
        end, by_opener = _title_case_end(window[:uncertain_glue])
    # A guessed end that takes two commas or more has read into a list of names (`... Dilantik Hadir Menteri
    # Luar Negeri Rina, Menteri Dalam Negeri Budi, Menteri Keuangan Andi, dan ...`): the label alone goes. An
    # end a sentence opener shows is no guess (`... Listyo Sigit, Kini Penasehat Presiden Terlebih, kata ...`).
    commas = len(LIST_COMMA.findall(window, 0, end))
    return start if commas >= MAX_GUESSED_COMMAS and not by_opener else start + end


def reads_as_headline(stretch: str, within_list: bool = False) -> bool:
    """Whether the text from a headline's start up to a candidate end can be all headline: no sentence opener
    and comma at its start (`_opens_with_opener_and_comma`), no sentence break,
    no next paragraph glued on (`GLUED_NEXT_PARAGRAPH`), no quoted speech or reporting verb
    (`PROSE_BEFORE_GLUE`), no run of lowercase words in a title-case headline (`_turns_to_prose`). An end
    after a stretch that fails this would take prose with the headline. `within_list`: the stretch may be
    several headlines glued to each other (after a list label, or on a related-link line), so a glued capital
    is no sign of prose there."""
    stretch = stretch.rstrip()
    return (
        bool(stretch)
        and not _opens_with_opener_and_comma(stretch)
        and not ends_a_sentence(headline_body(stretch))
        and (within_list or not GLUED_NEXT_PARAGRAPH.search(stretch, 1))
        and not PROSE_BEFORE_GLUE.search(stretch)
        and not _turns_to_prose(stretch)
    )


def _opens_with_opener_and_comma(stretch: str) -> bool:
    """Whether `stretch` opens as a sentence does, with a sentence opener, its comma and a lowercase word
    (`Jadi, mana parfum favoritmu?` after a bare `Baca juga:`, the scraper having lost the headline): no headline
    opens so. A capital after the comma may be a headline's list (`Kita, Rohingya dan Junta Militer`)."""
    words = stretch.lstrip(" ,").split(" ", 2)
    if len(words) < 2 or not words[0].endswith(",") or not words[1][:1].islower():
        return False
    return words[0][:-1] in SENTENCE_OPENERS or words[0][:-1] in OPENERS_BEFORE_COMMA


def ends_a_sentence(stretch: str) -> bool:
    """Whether `stretch` holds a sentence break or ends with a point (`SENTENCE_BREAK`), also inside a closing
    quotation mark (`...Rotterdam."`), a closing `?` or `!` aside (headlines end with them). Commas after the
    end are a lost paragraph break (okezone's `...sewenang-wenang.,,`), not part of the stretch: the point
    before them ends a sentence."""
    stretch = stretch.rstrip(" ,")
    if len(stretch) >= 2 and stretch[-1] in CLOSING_QUOTE_MARKS and stretch[-2] in ".!":
        return True
    return SENTENCE_BREAK.search(stretch.rstrip(" ?!")) is not None


def _glued_words_end(window: str) -> tuple[int | None, int | None]:
    """Where two words glued without a space end a headline (`JalanKakak`), or None (see `headline_end`); and,
    when there is none, where the word of the first glue whose end is uncertain starts (else None).

    A glue before it that is followed by a capitalised word (`...Bilang GiniCara Menurunkan Kolesterol
    AlamiDi sisi lain`) makes the end uncertain: it may be a brand inside the headline (`VietJet Turun`), or the
    headline's own end with a subheading of the article glued after it, which a cut at the later glue would
    take with the headline. No end then, and the caller's guess stops before that word: the label alone goes,
    or the headline up to a sentence opener before it.
    """
    for glue in CAMEL_GLUE.finditer(window):
        word_start = window.rfind(" ", 0, glue.start()) + 1
        word_end = window.find(" ", glue.start())
        word = window[word_start : word_end if word_end >= 0 else len(window)].strip(".,:;!?\"'")
        if word in CAMEL_NAMES or glue.start() <= 10:
            continue
        stretch = window[: glue.start()]
        if len(stretch) > MAX_GLUED_HEADLINE_CHARS or not reads_as_headline(stretch):
            return None, word_start
        if PROSE_AFTER_GLUE.match(window, glue.start()) or _opens_with_common_word(window, glue.start()):
            return glue.start(), None
        if window[glue.start() - 1].isupper():
            # An acronym with a name glued on inside a headline (`@TMCPoldaMetro`, `BRImo`): no end there.
            continue
        return None, word_start
    return None, None


#: The shortest glued-on word taken for the opening of what follows a headline: a brand's glued part is short
#: (`VietJet`, `GoPay`).
MIN_GLUED_OPENING_CHARS = 4


def _opens_with_common_word(window: str, at: int) -> bool:
    """Whether the word glued on at `at` is a common Indonesian word (`newsclean.lexicon.COMMON_WORDS`) of four
    letters or more, or a sentence opener: the opening of a subheading or of the next sentence glued after the
    headline (`...Bahas CawapresKetua Umum Partai ...`, `...Tak Ikut PilkadaTegaskan Tak Terlibat ...`), where the
    headline ends even though a capitalised word follows. The cut stops at the glue, so whatever the glued text
    is, it stays."""
    found = GLUED_WORD.match(window, at)
    if found is None:
        return False
    word = found.group()
    return word in SENTENCE_OPENERS or (len(word) >= MIN_GLUED_OPENING_CHARS and word.casefold() in COMMON_WORDS)


def _turns_to_prose(stretch: str) -> bool:
    """A title-case headline (its first `TITLE_CASE_WORDS` content words capitalised) followed by
    `PROSE_RUN_WORDS` lowercase content words in a row: the stretch holds prose. A sentence-case headline
    (Antara: `Happy Salma harapkan sosok pemimpin`, `Kementerian PUPR: Bendungan Karian tambah pasokan air`)
    has such runs of its own and is not judged by this: its first lowercase content word comes early."""
    words = [token.group().strip("\"'“”‘’()") for token in TOKEN.finditer(stretch)]
    words = [word for word in words if word and word.rstrip(",.:;!?").casefold() not in HEADLINE_SMALL_WORDS]
    opening = words[:TITLE_CASE_WORDS]
    if len(opening) < TITLE_CASE_WORDS or not all(word[0].isupper() or word[0].isdigit() for word in opening):
        return False
    run = 0
    for word in words:
        bare = word.rstrip(",.:;!?")
        if bare and bare[0].islower() and bare.casefold() not in HEADLINE_SMALL_WORDS:
            run += 1
            if run >= PROSE_RUN_WORDS:
                return True
        elif bare and not bare[0].islower():
            run = 0
    return False


def _opens_sentence(word: str, tokens: list[regex.Match[str]], number: int) -> bool:
    """Whether a `SENTENCE_OPENERS` word at `tokens[number]` opens a sentence: a comma after it (`Namun,`) or a
    lowercase word next (`Dalam rapat itu`). Between two capitalised words it is inside a name (`Menteri Dalam
    Negeri Tito Karnavian` in a list of ministers glued to a headline), and the headline did not end there."""
    if word.endswith(","):
        return True
    following = tokens[number + 1].group().lstrip("\"'“‘(") if number + 1 < len(tokens) else ""
    return following[:1].islower()


def _title_case_end(window: str) -> tuple[int, bool]:
    """The end of a title-case headline followed by prose on the same line, as an offset into `window`, and
    whether a sentence opener showed it (`Terlebih, kata Prasetyo`; also glued to an acronym the headline
    ends with: `...Wakil Gubernur DKINamun, sesaat`) rather than the shape of the capitalised run."""
    run_start: int | None = None
    last_run_start: int | None = None
    tokens = list(TOKEN.finditer(window))
    for number, token in enumerate(tokens):
        word = token.group().strip("\"'“”‘’()")
        bare = word.rstrip(",.:;!?")
        if number >= 3 and bare in SENTENCE_OPENERS and _opens_sentence(word, tokens, number):
            return token.start(), True
        glued = ACRONYM_THEN_WORD.fullmatch(bare) if number >= 3 else None
        if glued and glued.group(2) in SENTENCE_OPENERS and _opens_sentence(word, tokens, number):
            return token.start() + glued.start(2), True
        if not bare:
            continue
        if bare[0].isupper() or bare[0].isdigit():
            if run_start is None:
                run_start = last_run_start = token.start()
            if word.endswith((",", "?", "!")):
                # A comma, question or exclamation closes the run: the capitalised words after it are a
                # new one (`...Tak Lulus Uji Emisi? Kata Agus, justru ...`: the prose's subject is `Kata Agus`).
                run_start = None
            continue
        if bare.casefold() in HEADLINE_SMALL_WORDS:
            run_start = None
            continue
        if run_start is not None:
            return run_start, False
        return (last_run_start if last_run_start is not None else 0), False
    return 0, False
