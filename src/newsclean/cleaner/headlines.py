"""The headline heuristics shared by the line and inline zones: whether a paragraph reads as a related
article's headline, and where a headline glued into prose ends.
"""

from __future__ import annotations

import regex

from ..patterns.words import CAMEL_NAMES, HEADLINE_SMALL_WORDS, RELATED_LABEL, SENTENCE_OPENERS

MAX_HEADLINE_CHARS = 220
#: `Baca artikel menarik lainnya:` and `Berita terkait:` introduce a list of headlines glued together.
MAX_HEADLINE_LIST_CHARS = 600
LIST_LABEL = regex.compile(r"(?i:lainnya|terkait)\s*[:：]?\s*$")


#: Where a glued headline certainly ends: the next insert, byline or footer label.
NEXT_LABEL = regex.compile(
    rf"{RELATED_LABEL}\s*[:：]|(?:Pewarta|Editor|Penulis|Reporter|Foto|FOTO|Copyright|©|SCROLL TO CONTINUE)\b",
    regex.V1,
)
CAMEL_GLUE = regex.compile(r"(?<=\p{Ll}{3}|\d)(?=\p{Lu}\p{Ll}{2})", regex.V1)
#: A glued capital starts prose (not a brand like `VietJet`) only when a lowercase word follows it.
PROSE_AFTER_GLUE = regex.compile(r"\p{Lu}\p{Ll}+,? \p{Ll}", regex.V1)
TOKEN = regex.compile(r"\S+", regex.V1)
SENTENCE_BREAK = regex.compile(r"[.!]\s+\p{Lu}|[.!]$", regex.V1)
#: What a headline never shows: a second sentence (after `.`, `!` or `?`), a closing period or colon (a list
#: intro such as `Berikut daftarnya:`), or a quotation closed after its punctuation (`..., "Jatuh Cinta."`).
NOT_A_HEADLINE = regex.compile(r"[.!?]\s+\p{Lu}|[.!:]$|[.!?][\"”’']+$", regex.V1)
HEADLINE_SHAPE = regex.compile(r"^[\p{Lu}\d\"“'‘]", regex.V1)


def is_headline(text: str) -> bool:
    """A related-article headline: short, starts with a capital or digit, and is not a finished sentence.

    Used only right after a `Baca juga` label, so a real short paragraph elsewhere is never judged by it.
    """
    text = text.strip()
    return 0 < len(text) <= 160 and bool(HEADLINE_SHAPE.match(text)) and not NOT_A_HEADLINE.search(text)


def headline_end(text: str, start: int, limit: int = MAX_HEADLINE_CHARS) -> int:
    """Where a headline that starts at `start` ends, erring towards keeping prose.

    In order: the next label (`Baca juga:`, `Pewarta:`, `Foto:`) or the end of the paragraph if near; two words
    glued without a space (`...di Kendari Turun ke JalanKakak dari almarhum`); a word that opens sentences
    (`Sejak`, `Bahkan,`); else the headline runs through title-case words up to the last capitalised run before
    the first lowercase content word, and that run is left as the subject of the prose sentence. Losing a
    few headline words to the text is better than cutting the first words of the next sentence.
    """
    window_end = min(len(text), start + limit)
    window = text[start:window_end]
    label = NEXT_LABEL.search(window, 1)
    if label:
        return start + label.start()
    if window_end == len(text) and not SENTENCE_BREAK.search(window.rstrip(" ?!")):
        return len(text)
    for glue in CAMEL_GLUE.finditer(window):
        word_start = window.rfind(" ", 0, glue.start()) + 1
        word_end = window.find(" ", glue.start())
        word = window[word_start : word_end if word_end >= 0 else len(window)].strip(".,:;!?\"'")
        if word not in CAMEL_NAMES and glue.start() > 10 and PROSE_AFTER_GLUE.match(window, glue.start()):
            return start + glue.start()
    tokens = list(TOKEN.finditer(window))
    run_start: int | None = None
    for number, token in enumerate(tokens):
        word = token.group().strip("\"'“”‘’()")
        bare = word.rstrip(",.:;!?")
        if number >= 3 and bare in SENTENCE_OPENERS:
            return start + token.start()
        if not bare:
            continue
        if bare[0].isupper() or bare[0].isdigit():
            if run_start is None:
                run_start = token.start()
            if word.endswith(","):
                run_start = None
            continue
        if bare.casefold() in HEADLINE_SMALL_WORDS:
            run_start = None
            continue
        return start + (run_start if run_start is not None else token.start())
    return start
