"""Paragraph reconstruction: hard-wrapped lines are rejoined, real short lines stay apart.

Scrapes break lines in two ways that look alike. A *hard wrap* cuts a sentence at a fixed width, or around an
inline link the scraper pulled out (`Timnas Indonesia\\nmenelan kekalahan 0-6 dari\\nJepang\\ndalam ...`). A
*real break* ends a list item, a subheading, a verse line, a table row or `Berikut daftarnya:`. Joining a real
break merges items that belong apart; keeping a wrap leaves a sentence in pieces (and breaks dedupe shingles).

A break is joined when the line before it does not end a sentence and the line after it continues the clause:
it starts in lower case, with a closing parenthesis-led phrase like `(AS) belum`, or the line before ends with a
comma, a hyphen or a function word (`dan`, `dari`, `yang`...). A break before a capitalised word is joined only
inside a run of lines that already shows wrapping (a neighbour break is joined, spreading along the run), so
verse and title-case headings, which never show a clear continuation, stay apart. Lines that are list items,
table rows, labels ending in a colon, or lone dashes of a split dateline are handled first.

Joining replaces the newline by a space, so every paragraph keeps the offsets of the normalized text.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

#: Words that cannot end a sentence: a line ending in one continues on the next line. Words that often end
#: an Indonesian sentence (`itu`, `ini`, `juga`, `sudah`) are deliberately absent: verse ends lines with them.
FUNCTION_WORDS = frozenset(
    [
        "dan",
        "atau",
        "serta",
        "yang",
        "di",
        "ke",
        "dari",
        "untuk",
        "dengan",
        "pada",
        "dalam",
        "oleh",
        "bagi",
        "tentang",
        "terhadap",
        "karena",
        "sebagai",
        "antara",
        "para",
        "sang",
        "si",
        "adalah",
        "ialah",
        "yaitu",
        "bahwa",
        "agar",
        "supaya",
        "namun",
        "tetapi",
        "tapi",
        "jika",
        "kalau",
        "ketika",
        "setelah",
        "sebelum",
        "hingga",
        "sejak",
        "seperti",
        "the",
        "of",
        "and",
        "to",
        "in",
        "for",
    ]
)

SENTENCE_END = regex.compile(r"""[.!?…:;]["'”’»)\]]*$|["”»]$""")
LIST_ITEM = regex.compile(r"^(?:[-*•·▪►✓–—]\s|\d{1,3}[.)]\s|[a-zA-Z][.)]\s|\(\d{1,3}\)\s)")
TABLE_ROW = regex.compile(r"\t|\|.*\||^\p{Lu}[\p{Lu} ]*\s\d{1,2}[:.]\d{2}$")
LONE_DASH = regex.compile(r"^[\p{Pd}]{1,3}$")
#: An editor code alone on a line (`(adw/rdp)`) ends the body; Detik's lowercase tag lines follow it.
CODE_LINE = regex.compile(r"^[(\[][\w*/ .]{1,30}[)\]]$")
LOWER_START = regex.compile(r"^[\p{Ll}]")
CONTINUATION_START = regex.compile(r"^(?:\p{Ll}|\(\p{Lu}[\p{L}.]*\)\s+\p{Ll}|[,;)])")
LAST_WORD = regex.compile(r"(\w+)\W*$")
ENDS_WITH_JOINER = regex.compile(r"[,\p{Pd}(/]$")


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph as a span of the normalized text; `text` has joined line breaks turned into spaces."""

    start: int
    end: int
    text: str


def _ends_sentence(line: str) -> bool:
    return bool(SENTENCE_END.search(line))


def _ends_with_function_word(line: str) -> bool:
    match = LAST_WORD.search(line)
    return bool(match) and match.group(1).casefold() in FUNCTION_WORDS and line[-1].isalnum()


def _is_structural(line: str) -> bool:
    """Lines that are units on their own whatever comes next: list items, table rows, editor codes."""
    return bool(LIST_ITEM.match(line) or TABLE_ROW.search(line) or CODE_LINE.match(line))


def _clear_continuation(before: str, after: str) -> bool:
    """A break that is certainly a wrap: the sentence visibly goes on across it."""
    if _ends_sentence(before) or _is_structural(after) or _is_structural(before):
        return False
    return bool(CONTINUATION_START.match(after) or ENDS_WITH_JOINER.search(before) or _ends_with_function_word(before))


def _possible_continuation(before: str, after: str) -> bool:
    """A break that is a wrap if the lines around it are wrapped: no sentence end, no structure, no label."""
    if _ends_sentence(before) or _is_structural(after) or _is_structural(before):
        return False
    return len(before) >= 20 and bool(regex.match(r"[\p{L}\d\"“(]", after))


def join_decisions(lines: list[str]) -> list[bool]:
    """For each break between consecutive non-blank lines, True when it is a hard wrap to be joined."""
    count = len(lines) - 1
    decisions = [
        bool(LONE_DASH.match(lines[i]) or LONE_DASH.match(lines[i + 1])) or _clear_continuation(lines[i], lines[i + 1])
        for i in range(count)
    ]
    possible = [not decisions[i] and _possible_continuation(lines[i], lines[i + 1]) for i in range(count)]
    changed = True
    while changed:
        changed = False
        for i in range(count):
            if possible[i] and ((i > 0 and decisions[i - 1]) or (i + 1 < count and decisions[i + 1])):
                decisions[i], possible[i], changed = True, False, True
    return decisions


def split_paragraphs(text: str, rejoin: bool = True) -> list[Paragraph]:
    """Paragraphs of a normalized text: blank lines always separate, single newlines per `join_decisions`."""
    paragraphs: list[Paragraph] = []
    position = 0
    for block in text.split("\n\n"):
        block_start = position
        position += len(block) + 2
        if not block.strip():
            continue
        lines = block.split("\n")
        joins = join_decisions(lines) if rejoin else [False] * (len(lines) - 1)
        start = block_start
        pieces: list[str] = [lines[0]]
        for line, join in zip(lines[1:], joins, strict=True):
            if join:
                pieces.append(line)
                continue
            body = " ".join(pieces)
            paragraphs.append(Paragraph(start, start + len(body), body))
            start += len(body) + 1
            pieces = [line]
        body = " ".join(pieces)
        paragraphs.append(Paragraph(start, start + len(body), body))
    return [p for p in paragraphs if p.text.strip()]
