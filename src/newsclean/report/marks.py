"""The removed spans of an article marked in place, in the normalized text their offsets point into.

Removals can overlap: a later cleaning pass's removal is mapped back to the normalized text and may cover a
span an earlier pass removed (`other.leftover_punctuation` around a learned segment). Nested `<del>`
elements cannot express two spans that cross, so the text is cut at every start and end, and each piece
covered by removals becomes one `<del>` that names all of them: `data-r` lists their numbers, so the text
of removal *n* is exactly the text of the marks whose `data-r` holds *n*, and `title` gives kind and rule
of each on hover.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from .document import attributes, escape


@dataclass(frozen=True, slots=True)
class Span:
    """One removal: `normalized[start:end]` was removed as `kind` by `rule`."""

    start: int
    end: int
    kind: str
    rule: str


@dataclass(frozen=True, slots=True)
class MarkedText:
    """The shown part of a text as HTML, and how many removals lie past the cut (`shown_chars` onward)."""

    html: str
    shown_chars: int
    hidden_removals: int


def cut_point(length: int, spans: Sequence[Span], limit: int) -> int:
    """Where to stop showing a text longer than `limit`: at `limit`, moved back to the start of any removal it
    would cut, so every mark shown is a whole removal."""
    cut = min(length, limit)
    moved = True
    while moved:
        moved = False
        for span in spans:
            if span.start < cut < span.end:
                cut, moved = span.start, True
    return cut


def pieces(length: int, spans: Sequence[Span]) -> list[tuple[int, int, tuple[int, ...]]]:
    """`[0, length)` cut at every span boundary: (start, end, numbers of the spans covering it), with
    neighbouring pieces that have the same covering spans joined."""
    bounds = sorted({0, length, *(s.start for s in spans), *(s.end for s in spans)})
    out: list[tuple[int, int, tuple[int, ...]]] = []
    for start, end in itertools.pairwise(bounds):
        if end > length:
            break
        covering = tuple(n for n, s in enumerate(spans) if s.start <= start and end <= s.end)
        if out and out[-1][2] == covering and out[-1][1] == start:
            out[-1] = (out[-1][0], end, covering)
        else:
            out.append((start, end, covering))
    return out


def mark_removals(text: str, spans: Sequence[Span], limit: int) -> MarkedText:
    """`text` (the normalized article) as HTML with every removal within the first `limit` characters marked."""
    cut = cut_point(len(text), spans, limit)
    shown = [s for s in spans if s.end <= cut and s.start < s.end]
    numbers = [n for n, s in enumerate(spans) if s.end <= cut and s.start < s.end]
    parts = []
    for start, end, covering in pieces(cut, shown):
        piece = escape(text[start:end])
        if not covering:
            parts.append(piece)
            continue
        marks = [shown[i] for i in covering]
        narrowest = min(marks, key=lambda s: (s.end - s.start, s.start))
        attrs = {
            "class": f"k-{narrowest.kind}",
            "data-mark": "",
            "data-r": " ".join(str(numbers[i]) for i in covering),
            "data-kind": " ".join(dict.fromkeys(s.kind for s in marks)),
            "data-rule": " ".join(dict.fromkeys(s.rule for s in marks)),
            "title": "\n".join(f"{s.kind} · {s.rule}" for s in marks),
        }
        parts.append(f"<del{attributes(attrs)}>{piece}</del>")
    hidden_removals = sum(1 for s in spans if s.end > cut)
    return MarkedText("".join(parts), cut, hidden_removals)
