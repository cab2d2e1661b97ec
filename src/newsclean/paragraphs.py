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

from typing import Final

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

#: A line ends a sentence when, past any closing quotes and brackets, its last character is one of these, or
#: when it ends with a closing quote (`SENTENCE_END_CHARS` is tested with string methods, not a regex search
#: that would try every punctuation mark of the line).
SENTENCE_END_CHARS = ".!?…:;"
SENTENCE_CLOSERS = "\"'”’»)]"
CLOSING_QUOTES = '"”»'
LIST_ITEM = regex.compile(r"^(?:[-*•·▪►✓–—]\s|\d{1,3}[.)]\s|[a-zA-Z][.)]\s|\(\d{1,3}\)\s)")
#: Table rows: cells split by tabs or pipes, or a schedule line in capitals ending in a time (`PERSIB 15:30`).
TABLE_CELLS = regex.compile(r"\t|\|.*\|")
#: Matched in two linear parts, the time at the end then the capitals before it: one pattern
#: `\p{Lu}[\p{Lu} ]*\s\d{1,2}[:.]\d{2}$` backtracked quadratically on a long line of capitals and spaces.
SCHEDULE_TIME = regex.compile(r"\s\d{1,2}[:.]\d{2}$")
SCHEDULE_NAME = regex.compile(r"\p{Lu}[\p{Lu} ]*+")
LONE_DASH = regex.compile(r"^[\p{Pd}]{1,3}$")
#: An editor code alone on a line (`(adw/rdp)`) ends the body; Detik's lowercase tag lines follow it.
CODE_LINE = regex.compile(r"^[(\[][\w*/ .]{1,30}[)\]]$")
CONTINUATION_START = regex.compile(r"^(?:\p{Ll}|\(\p{Lu}[\p{L}.]*\)\s+\p{Ll}|[,;)])")
TRAILING_WORD = regex.compile(r"\w+$")
#: Longer than every word in `FUNCTION_WORDS`.
LONGEST_FUNCTION_WORD = max(len(word) for word in FUNCTION_WORDS)
ENDS_WITH_JOINER = regex.compile(r"[,\p{Pd}(/]$")
#: A dash after a space ends a dateline or a byline (`Bola.net -`, `JAKARTA, KOMPAS.com -`): it joins its line
#: to the next one, but says nothing about the lines before it being wrapped.
SEPARATOR_DASH_END = regex.compile(r"\s\p{Pd}$")
WRAPPED_WORD_START = regex.compile(r"[\p{L}\d\"“(]")
#: A lone dash is at most three characters long; longer lines skip the regex.
LONGEST_LONE_DASH = 3
DASHES = "-‐‑‒–—―"


class Paragraph:
    """A paragraph as a span of the normalized text; `text` has joined line breaks turned into spaces.

    A plain class with final attributes rather than a named tuple or a frozen dataclass: mypyc compiles it to
    a C struct built in one call, while both of those build through generated Python code even when compiled
    (an article makes a few dozen paragraphs per pass; ~3% of `clean`'s time, measured A/B).
    """

    __slots__ = ("end", "start", "text")
    start: Final[int]
    end: Final[int]
    text: Final[str]

    def __init__(self, start: int, end: int, text: str) -> None:
        self.start = start
        self.end = end
        self.text = text


def _ends_sentence(line: str) -> bool:
    last = line.rstrip(SENTENCE_CLOSERS)[-1:]
    return bool(last and last in SENTENCE_END_CHARS) or bool(line and line[-1] in CLOSING_QUOTES)


def _ends_with_function_word(line: str) -> bool:
    """The line's last word (a run of word characters right at its end) is a function word.

    Only the last few characters are searched: a run longer than any function word cannot be one.
    """
    if not line[-1:].isalnum():
        return False
    match = TRAILING_WORD.search(line, max(0, len(line) - LONGEST_FUNCTION_WORD - 1))
    return bool(match) and len(match.group()) <= LONGEST_FUNCTION_WORD and match.group().casefold() in FUNCTION_WORDS


def _is_structural(line: str) -> bool:
    """Lines that are units on their own whatever comes next: list items, table rows, editor codes.

    Each pattern runs only when the characters it needs are in place (most lines are prose and fail at once,
    but a `regex` call has a fixed cost even so): a list item's second character is a space, a digit, `.` or
    `)` (no letter, even for `regex`'s newer Unicode tables), unless it opens with `(`; an editor code opens
    with `(` or `[` and closes with `)` or `]`.
    """
    return bool(
        ((line[:1] == "(" or not line[1:2].isalpha()) and LIST_ITEM.match(line))
        or (("\t" in line or "|" in line) and TABLE_CELLS.search(line))
        or _is_schedule_row(line)
        or (line[:1] in "([" and line[-1:] in ")]" and CODE_LINE.match(line))
    )


def _is_schedule_row(line: str) -> bool:
    """A line in capitals ending in a time (`PERSIB 15:30`); the time's `:` or `.` is tested first."""
    if line[-3:-2] not in ":.":
        return False
    time = SCHEDULE_TIME.search(line, max(0, len(line) - 6))
    return bool(time) and bool(SCHEDULE_NAME.fullmatch(line, 0, time.start()))


def _is_lone_dash(line: str) -> bool:
    return len(line) <= LONGEST_LONE_DASH and bool(LONE_DASH.match(line))


def _clear_continuation(before: str, after: str) -> bool:
    """A break that is certainly a wrap (the sentence visibly goes on across it), for a break that may be one."""
    return bool(
        CONTINUATION_START.match(after)
        or (not before[-1:].isalnum() and ENDS_WITH_JOINER.search(before))
        or _ends_with_function_word(before)
    )


def _possible_continuation(before: str, after: str) -> bool:
    """A break that is a wrap if the lines around it are wrapped, for a break that may be one."""
    return len(before) >= 20 and bool(WRAPPED_WORD_START.match(after))


#: A line end that certainly ends a sentence (`_ends_sentence` says so for every line ending in one of these).
CERTAIN_SENTENCE_ENDS = '.!?…:;"”»'


def _is_structural_at(lines: list[str], known: list[bool | None], index: int) -> bool:
    """`_is_structural(lines[index])`, remembered in `known` (each line is classified once)."""
    answer = known[index]
    if answer is None:
        answer = known[index] = _is_structural(lines[index])
    return answer


def join_decisions(lines: list[str]) -> list[bool]:
    """For each break between consecutive non-blank lines, True when it is a hard wrap to be joined.

    A break may be a wrap only when the line before it does not end a sentence and neither line is a unit on
    its own (structure); each line is classified once, and only where its sentence end leaves the break open
    (most lines end with a period, which settles their break at once).
    """
    count = len(lines) - 1
    if count <= 0:
        return []
    lone = [len(line) <= LONGEST_LONE_DASH and _is_lone_dash(line) for line in lines]
    if True not in lone and all(line[-1:] in CERTAIN_SENTENCE_ENDS for line in lines[:-1]):
        return [False] * count  # every break follows a sentence end (most articles): nothing to join
    structural: list[bool | None] = [None] * len(lines)

    decisions = [False] * count
    wraps = [False] * count  # joins that show the text is hard-wrapped (the sentence goes on across the break)
    possible = [False] * count
    for i in range(count):
        before, after = lines[i], lines[i + 1]
        if lone[i] or lone[i + 1]:
            decisions[i] = True
        elif (
            before[-1:] in CERTAIN_SENTENCE_ENDS
            or _ends_sentence(before)
            or _is_structural_at(lines, structural, i + 1)
            or _is_structural_at(lines, structural, i)
        ):
            continue
        elif _clear_continuation(before, after):
            decisions[i] = True
            wraps[i] = not (before[-1:] in DASHES and SEPARATOR_DASH_END.search(before))
        else:
            possible[i] = _possible_continuation(before, after)
    # A run of possible breaks next to a certain wrap is wrapped: one sweep spreads rightwards, one leftwards
    # (repeating both-way sweeps until nothing changed was quadratic on a long run, 14 s for 8,000 lines). A
    # join that is no wrap (a dateline's closing dash, a lone dash) does not spread: a header of short lines
    # (date, caption, `Bola.net -`) above the lead stays lines of their own.
    for i in range(1, count):
        if possible[i] and wraps[i - 1]:
            decisions[i] = wraps[i] = True
    for i in range(count - 2, -1, -1):
        if possible[i] and wraps[i + 1]:
            decisions[i] = wraps[i] = True
    return decisions


def split_paragraphs(text: str, rejoin: bool = True) -> list[Paragraph]:
    """Paragraphs of a normalized text: blank lines always separate, single newlines per `join_decisions`."""
    paragraphs: list[Paragraph] = []
    position = 0
    for block in text.split("\n\n"):
        block_start = position
        position += len(block) + 2
        if not block or block.isspace():
            continue
        if "\n" not in block:
            paragraphs.append(Paragraph(block_start, block_start + len(block), block))
            continue
        lines = block.split("\n")
        joins = join_decisions(lines) if rejoin else []
        start = block_start
        first = 0  # the first line of the paragraph being built
        for last in range(len(lines)):
            if last < len(joins) and joins[last]:
                continue  # joined to the next line
            body = lines[first] if first == last else " ".join(lines[first : last + 1])
            if body and not body.isspace():
                paragraphs.append(Paragraph(start, start + len(body), body))
            start += len(body) + 1
            first = last + 1
    return paragraphs
