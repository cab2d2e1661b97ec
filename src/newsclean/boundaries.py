"""Paragraph boundaries and word breaks that a scraper lost, restored at the end of normalization.

Many scrapers join an article's paragraphs on one line: glued with nothing (`(25/8).Hendaradji`), with commas
(okezone's `.,,Namun`), or around inline markers (`ADVERTISEMENT`, `Baca juga:`, `[Gambas:Video 20detik]`).
Others strip link tags and glue the link text to its neighbours (`menurutNewsweek`). The line rules of the
cleaner need lines, and dedupe needs words, so `restore` puts back a separator where the evidence is clear and
reports each one as an `Edit` (offsets into the restored text, which is what `normalize` returns).

Precision first: every rule below names the false split it avoids, and a place that is not clearly a seam is
left as it was (a missed boundary costs a rule a chance; a false one cuts a sentence in two).

Separators: a line break (`\\n`) where the line before it certainly ends a sentence (the paragraph splitter
never joins such a break back), a blank line (`\\n\\n`) elsewhere (after `,,` or a marker, where the splitter
would take a single break for a hard wrap and join it back). The spaces around a seam are replaced by the
separator; nothing else is removed. Word breaks insert one space.

Cost: `restore` first asks cheap gates (one scan for the markers' literals, `scan_literals`, and one class
search for a capital letter glued after a lowercase letter or a sentence end); most clean articles pass none.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable, Iterator
from typing import Final

import regex

from .cleaner.regexes import literal_starts, matches_at, regex_finditer
from .extensions import WORDSCAN
from .lexicon import (
    CAMEL_CASE_NAMES,
    CAMEL_CASE_PREFIXES,
    COMMON_WORDS,
    GLUE_ENDINGS,
    GLUE_ENDINGS_NEEDING_WORD,
    GLUE_PREPOSITIONS,
    TITLE_WORDS,
)
from .models import Edit, EditKind
from .paragraphs import join_decisions
from .patterns.words import RELATED_LABEL

#: What the line before a break must end with for a single `\\n` to stay a break (`paragraphs.join_decisions`
#: never joins after these); after anything else the separator is a blank line.
CERTAIN_ENDS: Final = '.!?…:;"”»'

#: A sentence end glued to the next sentence: a lowercase letter, digit or closing bracket, then a point,
#: then (after an optional quotation mark) a capitalised word. Not `?` or `!`: a run of related headlines
#: glued together ends its headlines with them (`Siapa Paling Mendominasi?Alicia Wong ...`), and splitting
#: it there hides the run from the related-link rules, which read it as one block. The capital must be
#: followed by a lowercase
#: letter: `U.S.`, `S.H.`, `.COM` and initials never are; `No.1`, `3.5` and `detik.com` have no capital after
#: the point. Abbreviations and domains that do match are refused in `_sentence_glue_ok`.
SENTENCE_GLUE: Final = regex.compile(r"[\p{Ll}\d)\]]\.([\"“”]?)\p{Lu}\p{Ll}")
#: Lowercase abbreviations that take a capitalised name after their point (`dr.Andi`, `Jl.Sudirman` written in
#: lower case, `kab.Bogor`): never a sentence end when glued.
_ABBREVIATIONS: Final = (
    "dr drg dra drs ir jl jln kab kec kel prov no nomor vs hlm tel telp sdr sdri bpk ibu st hj prof mr mrs ms "
    "ust kh pt cv tbk yth ny nn tn sp mt mm dkk www"
)
ABBREVIATIONS: Final = frozenset(_ABBREVIATIONS.split())
#: Words after a glued point that continue a domain (`Tribunnews.Com`, `Bisnis.Com`), not a new sentence.
DOMAIN_WORDS: Final = frozenset({"Com", "Co", "Id", "Net", "Org", "Go", "Info", "Tv", "News", "Html", "Php"})
#: Capitalised abbreviations are short: `Prof.Dr`, `Kab.Bogor`, `Jl.Sudirman`, `Moh.Ali`, `Tbk.PT`. A glued
#: point after a capitalised word of at most this many letters is not taken for a sentence end.
LONGEST_CAPITAL_ABBREVIATION: Final = 4

#: A comma-joined seam: a sentence end followed by commas (okezone, kapanlagi, wowkeren, posmetro: `.,,Namun`,
#: `kata Anang.,Dari situ`), then a capitalised word or a hashtag (Fimela's closing `.,#GrowFearless with
#: Fimela`). A comma never follows a point in prose except after an abbreviation (`S.H.,`, `Tbk.,`), which the
#: character before the point rules out as in `SENTENCE_GLUE`. A space may stand before the commas (`ungkap
#: Chanathip. ,Sumber: Thairath`): the scraper joined a paragraph that ended with one.
COMMA_SEAM: Final = regex.compile(r"[\p{Ll}\d)\]][.!?]+[\"”]? ?(,+) ?(?:[\"“]?\p{Lu}|#\p{L})")
#: In a text that shows comma seams, a run of two or more commas before a capital is a seam too (`Baca
#: juga:,,Judul,,Paragraf`); elsewhere `,,` is also a link hole (`wilayah ,, pada`, `dari,,Raffi`), so this
#: one needs the evidence of a `COMMA_SEAM` in the same text.
COMMA_RUN_SEAM: Final = regex.compile(r"[^,\s](,{2,}) ?[\"“]?\p{Lu}")
#: A pipe between a sentence end and a capitalised word (`kata dia. | Selain itu`): a seam. A pipe between
#: other words is a table cell, a schedule (`Liverpool vs Newcastle | 18:30 WIB`), or a byline (`Penulis: X |
#: Editor: Y`), which are left alone; so is a line with more than one pipe.
PIPE_SEAM: Final = regex.compile(r"[\p{Ll}\d)][.!?][\"”]? ?(\|) ?[\"“]?\p{Lu}\p{Ll}")

#: Inline markers that stand for a removed element. (name, pattern, split before, split after, literals: one
#: of them occurs in every match, so the pattern runs only on a text holding one, starts: literals every
#: match starts with, so the pattern is tried only where one occurs, or none to search the text); the split is
#: made only where the marker shares its line with other text. `Baca juga` is split before only, and only
#: where it is glued (`setempat.Baca juga`, `,,Baca juga`): where its headline ends is for the cleaner's
#: related-link rules to judge, and after a space they read it inline, as they were built to. No marker
#: asks what follows it (`Baca Jugapic.twitter.com/...`): the cleaner may remove what is glued after it, and
#: its output must not show a seam that normalizing it again would split.
MARKERS: Final = (
    (
        "boundary.marker_ad",
        regex.compile(r"(?:ADVERTISEMENT(?: SCROLL TO CONTINUE WITH CONTENT)?|SCROLL TO CONTINUE WITH CONTENT)"),
        True,
        True,
        ("ADVERTISEMENT", "SCROLL TO"),
        ("ADVERTISEMENT", "SCROLL TO CONTINUE WITH CONTENT"),
    ),
    # Title case only where a sentence ends before it or a capital follows it: `Advertisement Manager` in
    # prose is neither.
    (
        "boundary.marker_ad",
        regex.compile(r"(?<=[.!?\"”)] ?)Advertisement(?= ?[\"“]?\p{Lu}\p{Ll})"),
        True,
        True,
        ("Advertisement",),
        ("Advertisement",),
    ),
    (
        "boundary.marker_related",
        regex.compile(r"(?<=[.!?\"”)\p{Ll}]|,,)(?:Baca [Jj]uga|BACA JUGA|Baca(?= ?:))"),
        True,
        False,
        ("Baca ", "BACA "),
        ("Baca", "BACA"),
    ),
    (
        "boundary.marker_loading",
        regex.compile(r"\bLoading\.\.\.(?!\.)"),
        True,
        True,
        ("Loading...",),
        ("Loading...",),
    ),
    (
        "boundary.marker_next_page",
        regex.compile(r"(?<=[.!?\"”)] ?)(?:Halaman [Ss]elanjutnya|HALAMAN SELANJUTNYA)(?: ?[-=>»]+)?"),
        True,
        True,
        ("alaman ", "ALAMAN "),
        ("Halaman ", "HALAMAN "),
    ),
    # A multi-page scrape's page marks glued between pages (`...tahun 1961.2 dari 3 halamanBerdampak ...`),
    # and the `Selanjutnya:` link to the next page's headline at its end.
    (
        "boundary.marker_page_count",
        regex.compile(r"(?<=[.!?\"”)] ?)[0-9]{1,2} dari [0-9]{1,2} halaman"),
        True,
        True,
        (" halaman",),
        (),
    ),
    (
        "boundary.marker_page_count",
        regex.compile(r"(?<=[.!?\"”)] ?)Selanjutnya:(?= ?\p{Lu})"),
        True,
        False,
        ("Selanjutnya:",),
        ("Selanjutnya:",),
    ),
    # The line that introduced an embedded video the scraper dropped (`Simak video pilihan berikut:`); not
    # one that quotes the video's title, whose own colon (`Simak Video "Hasil MotoGP:...`) is not its end.
    (
        "boundary.marker_embed",
        regex.compile(
            r"(?<=[.!?\"”)] ?|halaman)(?:Yuk, )?(?:Simak|Saksikan|Tonton)(?: [Jj]uga)? (?:[Vv]ideo|[Ii]nfografis)"
            r"[^.!?:\n\"“'‘]{0,40}[:!]"
        ),
        True,
        True,
        ("Simak ", "Saksikan ", "Tonton "),
        ("Yuk, ", "Simak ", "Saksikan ", "Tonton "),
    ),
    # Antara's dateline glued to the text before it, a pull quote or a caption the scraper put first
    # (`...untuk KA Sindang MargaPalembang (ANTARA) - PT KAI ...`): the city after a lowercase letter, then the
    # agency in parentheses and a dash. A word glued to a capitalised name in prose has no `(ANTARA) -` after.
    (
        "boundary.marker_dateline",
        regex.compile(r"(?<=\p{Ll})\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+){0,2} \((?:ANTARA|Antara)\) ?[-–—] "),
        True,
        False,
        ("(ANTARA)", "(Antara)"),
        (),
    ),
    # An empty field a scraper wrote as Python's `None`, glued before the next sentence.
    (
        "boundary.marker_none",
        regex.compile(r"(?:(?<=^)|(?<=[.!?\"”)] ))None(?: None)*(?= [\"“]?\p{Lu}\p{Ll})"),
        True,
        True,
        ("None",),
        ("None",),
    ),
    # A `[Gambas:...]` embed with the `Lihat juga Video '...':` line that introduces it, when there is one.
    (
        "boundary.marker_embed",
        regex.compile(
            r"(?:(?<=[.!?\"”)] ?)(?:Lihat|Simak|Saksikan|Tonton)(?: [Jj]uga)? [Vv]ideo[^\n\[]{0,200}?)?"
            r"\[Gambas:[^\]\n]{0,80}\]"
        ),
        True,
        True,
        ("[Gambas:",),
        ("Lihat ", "Simak ", "Saksikan ", "Tonton ", "[Gambas:"),
    ),
)
#: An embedded video's title printed twice, glued into running text (Detik's `...imbuhnya. Video Budi Arie
#: Arahkan Kader Video Budi Arie Arahkan Kader (nkm)`): the widget the scraper flattened. Split before each
#: copy and after the second, so the cleaner's doubled-title rule sees the two lines it reads. The copies must
#: be identical, start with a capital and hold no line break: prose that says `Video` twice differs between.
DOUBLED_VIDEO_TITLE: Final = regex.compile(
    r"(?<=^|[\s.!?\"”)])(?:Simak |Tonton |Saksikan )?Video (\p{Lu}[^\n]{10,150}?) "
    r"((?:Simak |Tonton |Saksikan )?Video \1)(?=\s|$)"
)
#: The editor's code and the tag words that close a Detik article, glued onto its last line in a scrape without
#: line breaks (`...MBG-Sekolah Rakyat (nkmkm) projo jokowi purnatugas`): a code of 2-8 lowercase letters
#: (or two, with a slash) followed by nothing but lowercase words to the end of the text. Looked for in the last
#: `TAIL_CODE_WINDOW` characters of a text that lost its breaks only; a sentence that ends in a parenthesis
#: and goes on (`(red) dan lainnya.`) has a point at its end, which the lowercase run forbids.
TAIL_CREDIT_CODE: Final = regex.compile(r"(?<=\S) (\([a-z]{2,8}(?:/[a-z]{2,8})?\)) (?=\p{Ll}[\p{Ll}\d -]{0,300}$)")
TAIL_CODE_WINDOW: Final = 400

#: Some scrapers join paragraphs with a run of spaces (`...Kamis.   Direktur Utama ...`); others leave a run of
#: spaces where they stripped a link (`monumen  Taras Shevchenko`, `Monsignor  , diangkat`). Runs of two or
#: more spaces or no-break spaces between two words are read as seams only in a text that lost its line breaks
#: and where at least half the runs (`SPACE_SEAM_SHARE` of at least `MIN_SPACE_SEAMS`) are seams: a run
#: between a sentence end and a capital, or after a related article's headline (`Baca juga: Judul Berita
#: Tentu saja`), whose end it shows. The evidence is the text's own habit, measured per text: in the shared
#: samples a text's share is either under 0.4 (link holes) or over 0.5 (seams), and link holes in the same
#: scrape never become breaks elsewhere. The runs are marked with
#: `SPACE_SEAM_MARK` before the repairs collapse them, and `restore` turns each mark into a reported break.
SPACE_RUN: Final = re.compile(r"(?<=\S)[ \u00a0]{2,}(?=\S)")
#: Where a `SPACE_RUN` can start: the first character of a run of two or more spaces (`_space_runs`).
SPACES_RUN: Final = re.compile(r"[ \u00a0][ \u00a0]+")
MIN_SPACE_SEAMS: Final = 3
SPACE_SEAM_SHARE: Final = 0.5
#: What stands before a run that follows a sentence end, and what opens the next sentence.
SEAM_BEFORE: Final = '.!?"”»)'
SEAM_AFTER: Final = '"“'
#: A private-use code point: the repairs keep it as it is, and a text that holds one is not marked at all.
SPACE_SEAM_MARK: Final = "\ue000"
#: A related-article label and its headline, up to a run of spaces (`LABEL_WINDOW` characters before it).
LABELLED_HEADLINE: Final = regex.compile(rf"{RELATED_LABEL}\s*[:：]?\s*\p{{Lu}}[^.!?\n]{{0,200}}$", regex.V1)
LABEL_WINDOW: Final = 240

#: A marker is looked for only when one of these literals occurs.
MARKER_LITERALS: Final = tuple(dict.fromkeys(literal for *_, literals, _ in MARKERS for literal in literals))
#: The literals one scan of a text looks for (`scan_literals`): the markers' (a bit each, in `MARKER_BITS`),
#: then the pipe of `_pipe_seams` (`PIPE_BIT`) and the label of `_doubled_video_titles` (`VIDEO_BIT`).
SCANNED_LITERALS: Final = (*MARKER_LITERALS, "|", "Video ")
MARKER_BITS: Final = (1 << len(MARKER_LITERALS)) - 1
PIPE_BIT: Final = 1 << SCANNED_LITERALS.index("|")
VIDEO_BIT: Final = 1 << SCANNED_LITERALS.index("Video ")
#: For each of `MARKERS`, the bits of its literals.
MARKER_MASKS: Final = tuple(
    sum(1 << MARKER_LITERALS.index(literal) for literal in literals) for *_, literals, _ in MARKERS
)


def literals_in_python(text: str, literals: tuple[bytes, ...]) -> int:
    """The mask of the ASCII `literals` that occur in `text` (bit i for `literals[i]`).

    The specification of `newsclean._wordscan.LiteralScanner(literals)(text)`, which finds them all in one pass
    over the text: here each `in` is a scan of the whole text, and a text is asked about twenty literals.
    """
    return sum(1 << index for index, literal in enumerate(literals) if literal.decode("ascii") in text)


_SCANNED_BYTES = tuple(literal.encode("ascii") for literal in SCANNED_LITERALS)
#: `literals_in_python(text, SCANNED_LITERALS)`, by the C scan when it is built.
scan_literals: Final[Callable[[str], int]] = (
    WORDSCAN.LiteralScanner(_SCANNED_BYTES)
    if WORDSCAN is not None
    else functools.partial(literals_in_python, literals=_SCANNED_BYTES)
)

#: A lowercase letter glued to a capital: the cheap gate of the sentence glue, comma seams and glued words
#: (`a.B`, `a,,B`, `aB`, with an optional quote). Clean prose rarely holds one outside camel-case names.
GLUE_GATE: Final = regex.compile(r"[\p{Ll}\d)\]][.!?,|\"“”]*[\p{Lu}]")
#: `GLUE_GATE` read from its capital: a capital with a lowercase letter, digit or closing bracket before it,
#: past any marks (a lookbehind). A text holds a match of one exactly when it holds a match of the other, and
#: this one is searched for faster: the search tests one class at each position (the capital) where the
#: gate's tests a class, the marks and a capital after nearly every character (most are lowercase letters).
GLUE_GATE_BY_CAPITAL: Final = regex.compile(r"\p{Lu}(?<=[\p{Ll}\d)\]][.!?,|\"“”]*\p{Lu})")
#: Cheap necessary conditions (one standard-library scan each) for `SENTENCE_GLUE` and `COMMA_SEAM`, whose
#: Unicode classes make the `regex` scan at every position the dearest step of `normalize`: a sentence end
#: glued to a capital (a Latin one: Indonesian text) without a space, and a sentence end followed by a comma.
SENTENCE_GLUE_GATE: Final = re.compile(r"[.!?][\"“”]?[A-ZÀ-ÖØ-Þ]")
COMMA_SEAM_GATE: Final = re.compile(r"[.!?][\"”]? ?,")
#: A comma seam whose commas follow a space: the only kind `GLUE_GATE` does not see.
SPACED_COMMA_SEAM_GATE: Final = re.compile(r"[.!?][\"”]? ,")
#: Where a `COMMA_SEAM` or a `COMMA_RUN_SEAM` can start: one character before a run of sentence-end marks that
#: a comma follows, or before a run of commas (`_comma_seam_matches`). Each opens with its first character
#: spelled out, not a repeat: the standard library scans ahead to where such a pattern can start, and tries a
#: pattern that opens with a repeat at every character.
COMMA_SEAM_ANCHOR: Final = re.compile(r"[.!?][.!?]*[\"”]? ?,")
COMMA_RUN: Final = re.compile(r",,+")

#: A lowercase word glued to a capitalised one (`menurutNewsweek`, `PresidenPrabowo`): ASCII letters only,
#: the left part at least two lowercase letters after an optional capital, the right part a capital and a
#: lowercase letter. `iPhone`, `eSports`, `McDonald` have one lowercase letter before the capital.
CAMEL_GLUE: Final = regex.compile(
    r"(?<![A-Za-z0-9#@/._-])([A-Z]?[a-z]{2,})([A-Z][a-z]+)((?:[A-Z]?[a-z]+)*)(?![A-Za-z0-9])"
)
#: Where a glued token can be: a lowercase letter before a capital (`_camel_tokens`).
CAMEL_SEAM: Final = re.compile(r"[a-z][A-Z]")
#: The capital of each `CAMEL_SEAM` (the match starts one character later): the standard library's scan
#: for a pattern that opens with a class stops at each capital here, and at nearly every letter for the seam.
CAMEL_SEAM_CAPITAL: Final = re.compile(r"[A-Z](?<=[a-z][A-Z])")
#: The parts of a glued token: a capital (or none) and its lowercase run.
CAMEL_PART: Final = regex.compile(r"[A-Z]?[a-z]+")
#: The shortest left part left by a split of lowercase glue (`dioversold|tetapi`): shorter rests are word
#: endings (`sa|yang`, `ke|pada`).
SHORTEST_GLUE_REST: Final = 4


class Cut:
    """A separator to put at `start`, replacing `text[start:end]` (spaces only, possibly none)."""

    __slots__ = ("end", "kind", "rule", "separator", "start")

    def __init__(self, start: int, end: int, separator: str, kind: EditKind, rule: str) -> None:
        self.start = start
        self.end = end
        self.separator = separator
        self.kind = kind
        self.rule = rule


def restore(text: str, space_seams: bool = False) -> tuple[str, tuple[Edit, ...]]:
    """`text` (normalized) with lost paragraph boundaries and word breaks restored, and the edits made.

    Runs to a fixed point (rarely more than one round): a break can free a seam for
    another rule (`CONTENTPetugasEditor` shows the glued `PetugasEditor` only once the marker is cut off), and
    `normalize` must be idempotent.

    >>> restore("Hujan turun (25/8).Hendaradji tiba di lokasi.")[0]
    'Hujan turun (25/8).\\nHendaradji tiba di lokasi.'
    """
    edits: list[Edit] = []
    # Each round adds a separator at a new place, so the text's length bounds the rounds; real texts need one,
    # rarely two (a marker glued to a glued word).
    for _ in range(len(text) + 1):
        cuts = _find_cuts(text, space_seams)
        if not cuts:
            break
        text, edits = _apply(text, cuts, edits)
    return text, tuple(edits)


#: Characters per line break above which a text shows that its scraper dropped the line breaks: paragraphs of
#: news run 200-400 characters, so a text whose lines average more than this was joined.
LOST_BREAK_CHARS: Final = 600


def shows_lost_breaks(text: str) -> bool:
    """Whether `text` was scraped without its line breaks: its lines average more than `LOST_BREAK_CHARS`.

    Why a gate for the glue rules (sentence ends, comma seams, glued words): they scan the whole text, and on
    the scrapes that kept their breaks (most of the real sample) they find little at a cost that was half of
    `clean`'s time. Markers and pipes, found by a substring test first, are looked for in every text. The gate
    depends only on the text's length and line breaks, which restoring only adds to: a text it lets through
    is restored to a fixed point, and one it stops never starts passing, so `normalize` stays idempotent.
    """
    return text.count("\n") * LOST_BREAK_CHARS < len(text)


def may_restore(text: str) -> bool:
    """Whether `restore` could put a separator into `text`: its lines are long (`shows_lost_breaks`), or it
    holds a pipe or a marker's literal. False means `restore(text)` is `text`.

    Why the cleaner asks: cutting an insert joins the pieces around it with a space, which can put a marker
    that stood at a line's end into running text (`Santoso. Advertisement` + a cut `loading...` line + `Sayur`),
    where `normalize` would now split at it; the output must be renormalized then, as the reference engine
    does on every pass.
    """
    return shows_lost_breaks(text) or scan_literals(text) & (MARKER_BITS | PIPE_BIT) != 0


def _find_cuts(text: str, space_seams: bool = False) -> list[Cut]:
    """The separators one round of the rules puts into `text`; `space_seams`: `mark_space_seams` marked it, so
    each `SPACE_SEAM_MARK` is a seam (a mark the input itself held is left as it is)."""
    cuts: list[Cut] = []
    if space_seams and SPACE_SEAM_MARK in text:
        _space_seams(text, cuts)
    lost_breaks = shows_lost_breaks(text)
    if lost_breaks:
        glued = GLUE_GATE_BY_CAPITAL.search(text) is not None
        if glued and SENTENCE_GLUE_GATE.search(text) is not None:
            _sentence_glue(text, cuts)
        # A comma seam with a space before its commas (`ungkap Chanathip. ,Sumber`) glues no letter to a capital.
        if (glued or SPACED_COMMA_SEAM_GATE.search(text) is not None) and COMMA_SEAM_GATE.search(text) is not None:
            _comma_seams(text, cuts)
        if glued:
            _camel_glue(text, cuts)
    found = scan_literals(text)
    if found & PIPE_BIT:
        _pipe_seams(text, cuts)
    if found & MARKER_BITS:
        _markers(text, cuts, found)
    if found & VIDEO_BIT:
        _doubled_video_titles(text, cuts)
    if lost_breaks:
        _tail_credit_code(text, cuts)
        _lower_glue(text, cuts)
    return cuts


def _separator(text: str, position: int) -> str:
    return "\n" if text[position - 1 : position] in CERTAIN_ENDS and position > 0 else "\n\n"


def _add(text: str, cuts: list[Cut], position: int, rule: str) -> None:
    """A paragraph break at `position`, absorbing one space on each side.

    At a line's edge, the single line break there becomes a blank line when the paragraph splitter would join
    it as a hard wrap (`ADVERTISEMENT` + `\\n` + `pemerintah daerah ...`: the next line starts in lower case;
    `.,,` + `\\n`: the line ends with a comma); joined, the seam would be back inline in `clean`'s output,
    where normalizing it again would split it (and `clean` would not be idempotent).
    """
    start, end = position, position
    if text[start - 1 : start] == " ":
        start -= 1
    if text[end : end + 1] == " ":
        end += 1
    if start <= 0 or end >= len(text):
        return
    if text[end] == "\n":
        start, end = end, end + 1
    elif text[start - 1] == "\n":
        start, end = start - 1, start
    else:
        cuts.append(Cut(start, end, _separator(text, start), "paragraph_break", rule))
        return
    if start > 0 and end < len(text) and text[start - 1] != "\n" and text[end] != "\n" and _joined(text, start):
        cuts.append(Cut(start, end, "\n\n", "paragraph_break", rule))


def _joined(text: str, newline: int) -> bool:
    """The paragraph splitter would join the lines around the line break at `newline` as a hard wrap."""
    line_start = text.rfind("\n", 0, newline) + 1
    line_end = text.find("\n", newline + 1)
    after = text[newline + 1 : line_end if line_end >= 0 else len(text)]
    return join_decisions([text[line_start:newline], after]) == [True]


def _word_before(text: str, position: int) -> tuple[int, str]:
    """The run of letters that ends at `position`, and where it starts."""
    start = position
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    return start, text[start:position]


def _sentence_glue_ok(text: str, point: int, after_comma: bool = False) -> bool:
    """The punctuation at `point` ends a sentence rather than an abbreviation, initials or a domain.

    Refused: a capitalised word of at most four letters before it (`Prof.Dr`, `Kab.Bogor`, `Moh.Ali`), a
    lowercase abbreviation (`dr.Andi`), a point or `@` before that word (`S.Sos.Kemudian`, `a.n.Budi`,
    `www.Google.Com`), a URL, a domain word after it (`Tribunnews.Com`), and a label after it (`.Foto:`,
    `.Editor:`), which the inline rules take with the sentence end it is glued to.

    `after_comma`: commas follow the point (a `COMMA_SEAM`). A comma after an abbreviation's point is rare
    before a capital, so a short capitalised word is a name ending its sentence (`Yoon Yi Seo.,Namun`) unless it
    is a listed abbreviation; and a label after the commas (`Lee Yool.,Penulis: Annesa K.`) starts a line of its
    own, which the line rules read whole (the inline rules only take a label glued straight to its point).
    """
    start, word = _word_before(text, point)
    if word:
        if word[0].isupper() and len(word) <= LONGEST_CAPITAL_ABBREVIATION and not after_comma:
            return False
        if word.casefold() in ABBREVIATIONS:
            return False
        if text[start - 1 : start] in (".", "@", "/", "_"):
            return False
    line_start = max(text.rfind("\n", 0, point), text.rfind(" ", 0, point)) + 1
    token = text[line_start:point]
    if "://" in token or "www." in token:
        return False
    after = point
    while after < len(text) and text[after] in '.!?"“”':
        after += 1
    next_end = after
    while next_end < len(text) and text[next_end].isalpha():
        next_end += 1
    if not after_comma and (text[next_end : next_end + 1] == ":" or text[next_end : next_end + 2] == " :"):
        return False  # a label (`.Foto:`, `.Editor:`): the inline rules read it glued after its sentence
    return text[after:next_end] not in DOMAIN_WORDS


def _sentence_glue(text: str, cuts: list[Cut]) -> None:
    """Breaks at sentence ends glued to the next capitalised word (`(25/8).Hendaradji`, `."Kata`)."""
    for match in _sentence_glue_matches(text):
        point = match.start() + 1
        if not _sentence_glue_ok(text, point):
            continue
        quote_at = match.start(1)
        quote = match.group(1)
        if quote == "“" or (quote == '"' and _opens_quote(text, quote_at)):
            _add(text, cuts, quote_at, "boundary.sentence_glue")
        else:
            _add(text, cuts, match.end(1), "boundary.sentence_glue")


def _sentence_glue_matches(text: str) -> list[regex.Match[str]]:
    """`SENTENCE_GLUE.finditer(text)`, tried one character before each point instead of at every character
    (every match has its point second; a text has a few dozen points, and the search tests a Unicode class
    at each of its characters)."""
    return matches_at(SENTENCE_GLUE, text, [point - 1 for point in literal_starts(text, (".",)) if point > 0], None)


def _opens_quote(text: str, position: int) -> bool:
    """The straight quote at `position` opens a quotation: an even number of them before it on its line."""
    line_start = text.rfind("\n", 0, position) + 1
    return text.count('"', line_start, position) % 2 == 0


def _comma_seams(text: str, cuts: list[Cut]) -> None:
    """Breaks after the commas of comma-joined paragraphs (`.,,Namun`, and `,,` runs in such a text)."""
    seen = False
    for match in _comma_seam_matches(text, COMMA_SEAM, COMMA_SEAM_ANCHOR):
        if _sentence_glue_ok(text, match.start() + 1, after_comma=True):
            seen = True
            _add(text, cuts, match.end(1), "boundary.comma_seam")
    if seen:
        for match in _comma_seam_matches(text, COMMA_RUN_SEAM, COMMA_RUN):
            _add(text, cuts, match.end(1), "boundary.comma_seam")


def _comma_seam_matches(text: str, pattern: regex.Pattern[str], anchor: re.Pattern[str]) -> list[regex.Match[str]]:
    """`pattern.finditer(text)` (`COMMA_SEAM` or `COMMA_RUN_SEAM`), tried only one character before each match
    of its `anchor` (`COMMA_SEAM_ANCHOR`, `COMMA_RUN`).

    Why: the search tries the pattern's Unicode class at every character of the text, and a comma-joined
    scrape (a few thousand characters) holds a few dozen places where a match can start; the search was most
    of `normalize`'s time on such scrapes. Every match starts with a character outside the run that follows
    it (a lowercase letter, digit or bracket before the marks; a character that is no comma before the commas),
    and that run ends where the pattern needs something else (a quote, a space, a comma; a space, a quote,
    a capital), so the run is whole and the anchor's search, which finds each whole run from its first
    character, finds it.
    """
    return matches_at(pattern, text, [found.start() - 1 for found in anchor.finditer(text) if found.start() > 0], None)


def _pipe_seams(text: str, cuts: list[Cut]) -> None:
    """Breaks at a lone pipe between a sentence end and a capitalised word (a table line has more pipes)."""
    for match in PIPE_SEAM.finditer(text):
        line_start = text.rfind("\n", 0, match.start()) + 1
        line_end = text.find("\n", match.end())
        if text.count("|", line_start, line_end if line_end >= 0 else len(text)) != 1:
            continue
        _add(text, cuts, match.end(1), "boundary.pipe_seam")


def _markers(text: str, cuts: list[Cut], found: int) -> None:
    """Breaks before and after inline markers that share a line with other text (`found`: the literals
    `scan_literals` found in it)."""
    for number, (rule, pattern, before, after, _, starts) in enumerate(MARKERS):
        if not found & MARKER_MASKS[number]:
            continue
        # A search tests a pattern that opens with a lookbehind at every position; tried where a match can start,
        # it costs a few matches.
        if starts:
            matches = matches_at(pattern, text, literal_starts(text, starts), None)
        else:
            matches = regex_finditer(pattern, text, None)
        for match in matches:
            if before:
                _add(text, cuts, match.start(), rule)
            if after:
                _add(text, cuts, match.end(), rule)


def _doubled_video_titles(text: str, cuts: list[Cut]) -> None:
    """Breaks around a video title printed twice in running text (`DOUBLED_VIDEO_TITLE`)."""
    for match in DOUBLED_VIDEO_TITLE.finditer(text):
        for position in (match.start(), match.start(2), match.end()):
            _add(text, cuts, position, "boundary.marker_embed")


def _tail_credit_code(text: str, cuts: list[Cut]) -> None:
    """Breaks around an editor's code followed by tag words at the end of the text (`TAIL_CREDIT_CODE`)."""
    start = max(0, len(text) - TAIL_CODE_WINDOW)
    if text.find(")", start) < 0:
        return
    match = _tail_credit_match(text, start)
    if match is not None:
        _add(text, cuts, match.start(1), "boundary.marker_credit")
        _add(text, cuts, match.end(1), "boundary.marker_credit")


def _tail_credit_match(text: str, start: int) -> regex.Match[str] | None:
    """`TAIL_CREDIT_CODE.search(text, start)`, tried only where a space and an opening parenthesis stand (every
    match starts with them): the search tries the pattern, which opens with a lookbehind, at every character
    of the window."""
    position = text.find(" (", start)
    while position >= 0:
        match = TAIL_CREDIT_CODE.match(text, position)
        if match is not None:
            return match
        position = text.find(" (", position + 1)
    return None


def mark_space_seams(text: str) -> str:
    """`text` (raw) with each run of spaces that is a lost paragraph seam replaced by `SPACE_SEAM_MARK`.

    See `SPACE_RUN` for when a run is a seam. A text without a run of two spaces, with line breaks of its own
    or already holding the mark is returned as it is.
    """
    if "  " not in text and "\u00a0" not in text:
        return text
    if SPACE_SEAM_MARK in text or not shows_lost_breaks(text):
        return text
    runs = _space_runs(text)
    if len(runs) < MIN_SPACE_SEAMS:
        return text
    seams = [
        _between_sentences(text, run.start(), run.end()) or _after_labelled_headline(text, run.start(), run.end())
        for run in runs
    ]
    if sum(seams) < SPACE_SEAM_SHARE * len(runs):
        return text
    pieces: list[str] = []
    done = 0
    for run, seam in zip(runs, seams, strict=True):
        if seam:
            pieces += [text[done : run.start()], SPACE_SEAM_MARK]
            done = run.end()
    pieces.append(text[done:])
    return "".join(pieces)


def _space_runs(text: str) -> list[re.Match[str]]:
    """`SPACE_RUN.finditer(text)`, tried only at the start of each run of spaces (`SPACES_RUN`).

    Why: a pattern that opens with a lookbehind is tried at every character of the text; this one scans ahead
    to the spaces. A match is a whole run (a non-space before and after it), so it starts where the run does.
    """
    runs = []
    for spaces in SPACES_RUN.finditer(text):
        run = SPACE_RUN.match(text, spaces.start())
        if run is not None:
            runs.append(run)
    return runs


def _between_sentences(text: str, start: int, end: int) -> bool:
    following = text[end]
    return text[start - 1] in SEAM_BEFORE and (following.isupper() or following in SEAM_AFTER)


def _after_labelled_headline(text: str, start: int, end: int) -> bool:
    return text[end].isupper() and LABELLED_HEADLINE.search(text, max(0, start - LABEL_WINDOW), start) is not None


def _space_seams(text: str, cuts: list[Cut]) -> None:
    """Breaks where `mark_space_seams` marked a run of spaces as a seam."""
    position = text.find(SPACE_SEAM_MARK)
    while position >= 0:
        cuts.append(Cut(position, position + 1, _separator(text, position), "paragraph_break", "boundary.space_seam"))
        position = text.find(SPACE_SEAM_MARK, position + 1)


def _camel_tokens(text: str) -> Iterator[regex.Match[str]]:
    """The matches of `CAMEL_GLUE` in `text`, found from the seams (`[a-z][A-Z]`, one C-level scan of the
    standard library for their capitals, `CAMEL_SEAM_CAPITAL`) instead of trying the pattern at every position:
    each seam's run of ASCII letters is the only place a match can be (the pattern's look-arounds forbid a
    letter on either side), and is matched there. The same matches, in order, at a fraction of the cost (the
    scan at every position was most of `normalize`'s time)."""
    end_of_last = -1
    for capital in CAMEL_SEAM_CAPITAL.finditer(text):
        start, end = capital.start() - 1, capital.end()
        if start < end_of_last:
            continue
        while start > 0 and text[start - 1].isascii() and text[start - 1].isalpha():
            start -= 1
        while end < len(text) and text[end].isascii() and text[end].isalpha():
            end += 1
        end_of_last = end
        match = CAMEL_GLUE.match(text, start, end + 1 if end < len(text) else end)
        if match is not None and match.start() == start:
            yield match


def _camel_glue(text: str, cuts: list[Cut]) -> None:
    """Spaces between a common lowercase word and a capitalised word glued to it (`menurutNewsweek`).

    The token (and its first two parts) must not be a known camel-case name (`YouTube`, `detikNews`,
    `PlayStation`), and its left part must be a common Indonesian word: `MacBook`'s `Mac` and `TikTok`'s `Tik`
    are not, so an unlisted name survives unless it starts with a word like `detik` (hence the list). When
    the right part is a common word too, the two are split only after a preposition or attribution word
    (`diPiala`, `kataPresiden`): two common words glued are as often a brand (`BeritaKita`) or a headline glued
    to the sentence after it (`Jelang LebaranSejak pekan lalu`), whose glue the related-link rules read as
    the end of the headline. A capitalised left part is split only when it is a title or office that stands
    before a name (`PresidenPrabowo`, `MenteriSri`): between two title-case words the glue is more often the
    seam between two glued headlines (`Di Tanggal yang SamaFanbase Hyeri`), which those rules also read.
    """
    for match in _camel_tokens(text):
        token = match.group()
        if token in CAMEL_CASE_NAMES or token.startswith(CAMEL_CASE_PREFIXES):
            continue
        # Every seam of the token in one round (`PetugasPetugasEditor`), so that a second round finds none.
        parts = [part.group() for part in CAMEL_PART.finditer(token)]
        position = match.start()
        for left, right in itertools.pairwise(parts):
            position += len(left)
            if len(left) < 2 or not left[-2:].islower() or left.lower() not in COMMON_WORDS:
                continue
            if right.lower() in COMMON_WORDS and left.lower() not in GLUE_PREPOSITIONS:
                continue
            if left[0].isupper() and left.lower() not in TITLE_WORDS:
                continue
            if left + right in CAMEL_CASE_NAMES or token[position - match.start() - len(left) :].startswith(
                CAMEL_CASE_PREFIXES
            ):
                continue
            cuts.append(Cut(position, position, " ", "word_break", "boundary.glued_word"))


def _lower_glue(text: str, cuts: list[Cut]) -> None:
    """Spaces before a function word glued to the end of a lowercase run (`dioversoldtetapi`).

    Only the endings of `GLUE_ENDINGS` that end no Indonesian word (`tetapi`, `namun`, `bahwa`...) split off
    any run that is not itself a common word; the endings that do end words (`yang`: `sayang`, `dari`:
    `menyadari`) split only when the rest is a common word too. The rest must have four letters or more.
    Each ending is found with `str.find` (no regex over every word of the article): most occurrences stand
    after a space and are dismissed by one character test.
    """
    length = len(text)
    for ending in GLUE_ENDINGS:
        position = text.find(ending, 1)
        while position > 0:
            end = position + len(ending)
            if "a" <= text[position - 1] <= "z" and (end == length or not text[end].isalnum()):
                start = position - 1
                while start > 0 and "a" <= text[start - 1] <= "z":
                    start -= 1
                if start > 0 and "A" <= text[start - 1] <= "Z":
                    start -= 1
                cut_at = position
                peeled = ending
                while cut_at > start and _splits_lower_glue(text, start, cut_at, peeled):
                    cuts.append(Cut(cut_at, cut_at, " ", "word_break", "boundary.glued_function_word"))
                    # A stack of glued words (`Katatetapitetapi`) is peeled in one round.
                    peeled = _glued_ending(text, start, cut_at)
                    if not peeled:
                        break
                    cut_at -= len(peeled)
            position = text.find(ending, end)


def _glued_ending(text: str, start: int, end: int) -> str:
    """The ending of `GLUE_ENDINGS` that `text[start:end]` ends with, or an empty string."""
    for ending in GLUE_ENDINGS:
        if end - start > len(ending) and text.endswith(ending, start, end):
            return ending
    return ""


def _splits_lower_glue(text: str, start: int, position: int, ending: str) -> bool:
    """The run `text[start:position]` + `ending` is a word glued to a function word (see `_lower_glue`)."""
    if start > 0 and text[start - 1].isalnum():
        return False  # part of a longer token (digits, accented letters, an inner capital)
    rest = text[start:position].lower()
    if len(rest) < SHORTEST_GLUE_REST or (rest + ending) in COMMON_WORDS:
        return False
    return ending not in GLUE_ENDINGS_NEEDING_WORD or rest in COMMON_WORDS


def _apply(text: str, cuts: list[Cut], earlier: list[Edit]) -> tuple[str, list[Edit]]:
    """Splice the cuts in (the first at a position wins; overlapping ones are dropped), report each, and move
    the `earlier` edits (offsets into `text`) to the new text; one whose separator a cut replaced is dropped."""
    cuts.sort(key=lambda cut: (cut.start, cut.end))
    pieces: list[str] = []
    applied: list[Cut] = []
    edits: list[Edit] = []
    done = 0
    out_length = 0
    for cut in cuts:
        if cut.start < done or (applied and cut.start == applied[-1].start):
            continue
        piece = text[done : cut.start]
        pieces.append(piece)
        out_length += len(piece)
        edits.append(Edit(kind=cut.kind, start=out_length, text=cut.separator, rule=cut.rule))
        pieces.append(cut.separator)
        out_length += len(cut.separator)
        done = cut.end
        applied.append(cut)
    pieces.append(text[done:])
    for edit in earlier:
        end = edit.start + len(edit.text)
        shift = 0
        replaced = False
        for cut in applied:
            if cut.end <= edit.start and not (cut.start == cut.end == edit.start):
                shift += len(cut.separator) - (cut.end - cut.start)
            elif cut.start < end and edit.start < cut.end:
                replaced = True
        if not replaced:
            edits.append(edit.model_copy(update={"start": edit.start + shift}) if shift else edit)
    edits.sort(key=lambda edit: edit.start)
    return "".join(pieces), edits
