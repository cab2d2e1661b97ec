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

from collections import Counter, deque
from dataclasses import dataclass
from difflib import SequenceMatcher
from itertools import islice

from ..shingle import TOKEN_PATTERN
from .document import escape

#: Words of each text aligned and shown (`clip`); the rest is counted in a note.
MAX_DIFF_WORDS = 3000
#: Pairs of equal words (a word of one text and each occurrence of it in the other) past which difflib's junk
#: heuristic is turned on; the largest count among 400 real articles paired with themselves was about 6,000.
MAX_EQUAL_PAIRS = 200_000


@dataclass(frozen=True, slots=True)
class Side:
    """One text of a pair as HTML, with how many of its words differ from the other text's."""

    html: str
    words: int
    differing: int


Words = list[tuple[int, int, str]]


def clip(text: str) -> tuple[str, int]:
    """`text` up to the end of its `MAX_DIFF_WORDS`-th word, and how many characters that leaves out."""
    matches = TOKEN_PATTERN.finditer(text)
    last = deque(islice(matches, MAX_DIFF_WORDS), maxlen=1)
    if not last or next(matches, None) is None:
        return text, 0
    end = last[0].end()
    return text[:end], len(text) - end


def _words(text: str) -> Words:
    """(start, end, casefolded word) of every word of `text`."""
    return [(m.start(), m.end(), m.group().casefold()) for m in TOKEN_PATTERN.finditer(text)]


def _render(text: str, words: Words, differs: list[bool], tag: str) -> Side:
    """The text with each run of differing words in `<tag>`."""
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
    parts.append(escape(text[position:]))
    return Side("".join(parts), len(words), sum(differs))


def word_diff(left: str, right: str) -> tuple[Side, Side]:
    """(left with the words missing from right in `<del>`, right with the words missing from left in `<ins>`),
    each text first cut to its first `MAX_DIFF_WORDS` words (`clip`)."""
    left, right = clip(left)[0], clip(right)[0]
    a, b = _words(left), _words(right)
    only_a, only_b = [False] * len(a), [False] * len(b)
    keys_a, keys_b = [w[2] for w in a], [w[2] for w in b]
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
    """A text shown alone (its partner's text is not in this run), cut as `word_diff` cuts."""
    text = clip(text)[0]
    words = _words(text)
    return _render(text, words, [False] * len(words), "del")
