"""The words two texts do not share, marked in each: what tells a duplicate from the copy it was tied to.

Words are the dedupe's own tokens (`newsclean.shingle.TOKEN_PATTERN`, casefolded), so a difference in case,
punctuation or spacing, which the comparison ignores too, is not marked. The alignment is difflib's
`SequenceMatcher` over the two word lists; runs of differing words are marked as one span with the spaces
and punctuation between them, within a line (a mark never spans a paragraph break).

The matcher runs without its "junk" heuristic, which would treat every common word of a long article as
noise and mark half of it, except where its work would explode: its time grows with the pairs of equal
words across the two texts, a few thousand for real articles and millions for a text that repeats one word.
Past `MAX_EQUAL_PAIRS` the heuristic is on, so a pathological pair costs milliseconds and gets a rougher
diff. At most `MAX_DIFF_WORDS` words of each text are aligned and shown.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher

from ..shingle import TOKEN_PATTERN
from .document import escape

#: Words of each text aligned and shown; the rest is counted in a note.
MAX_DIFF_WORDS = 3000
#: Pairs of equal words (a word of one text and each occurrence of it in the other) past which difflib's junk
#: heuristic is turned on; the largest count among 400 real articles paired with themselves was about 6,000.
MAX_EQUAL_PAIRS = 200_000


@dataclass(frozen=True, slots=True)
class Side:
    """One text of a pair as HTML, with how many of its shown words differ and how much was left out."""

    html: str
    words: int
    differing: int
    hidden_chars: int


Words = list[tuple[int, int, str]]


def _words(text: str) -> tuple[Words, int]:
    """(start, end, casefolded word) of the first `MAX_DIFF_WORDS` words, and where the shown text ends."""
    found: Words = []
    for match in TOKEN_PATTERN.finditer(text):
        if len(found) == MAX_DIFF_WORDS:
            return found, found[-1][1]
        found.append((match.start(), match.end(), match.group().casefold()))
    return found, len(text)


def _render(text: str, shown: tuple[Words, int], differs: list[bool], tag: str) -> Side:
    """The text up to the end of its shown words, the runs of differing words in `<tag>`."""
    words, end_of_text = shown
    parts: list[str] = []
    position = 0
    n = 0
    while n < len(words):
        if not differs[n]:
            n += 1
            continue
        start = words[n][0]
        while n + 1 < len(words) and differs[n + 1] and "\n" not in text[words[n][1] : words[n + 1][0]]:
            n += 1
        end = words[n][1]
        parts.append(escape(text[position:start]))
        parts.append(f"<{tag}>{escape(text[start:end])}</{tag}>")
        position = end
        n += 1
    parts.append(escape(text[position:end_of_text]))
    return Side("".join(parts), len(words), sum(differs), len(text) - end_of_text)


def word_diff(left: str, right: str) -> tuple[Side, Side]:
    """(left with the words missing from right in `<del>`, right with the words missing from left in `<ins>`)."""
    a, b = _words(left), _words(right)
    only_a, only_b = [False] * len(a[0]), [False] * len(b[0])
    keys_a, keys_b = [w[2] for w in a[0]], [w[2] for w in b[0]]
    occurrences = Counter(keys_b)
    explodes = sum(occurrences[key] for key in keys_a) > MAX_EQUAL_PAIRS
    matcher = SequenceMatcher(None, keys_a, keys_b, autojunk=explodes)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag in ("replace", "delete"):
            only_a[i1:i2] = [True] * (i2 - i1)
        if tag in ("replace", "insert"):
            only_b[j1:j2] = [True] * (j2 - j1)
    return _render(left, a, only_a, "del"), _render(right, b, only_b, "ins")


def plain(text: str) -> Side:
    """A text shown alone (its partner's text is not in this run), within the same word limit."""
    shown = _words(text)
    return _render(text, shown, [False] * len(shown[0]), "del")
