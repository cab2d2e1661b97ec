"""The offset algebra: which pieces of a paragraph its removals leave, the `Cut` of a removed span, and the
segment maps from a pass's output back to its source (mapped, composed over passes, rebuilt after a
renormalization).
"""

from __future__ import annotations

import bisect
import difflib
import math
from collections.abc import Iterator

from .records import Cut, Span

#: Outputs longer than this (together with their renormalized form) are not diffed character by character.
DIFF_LIMIT_CHARS = 200_000


Segments = tuple[tuple[int, int, int], ...]


def overlapping(segments: Segments, start: int, end: int) -> Iterator[tuple[int, int, int]]:
    """The segments whose output range meets [start, end), found by bisection: segments are in output order
    and do not overlap, so mapping many removals or composing two maps stays O(n log n), not O(n * m)."""
    first = max(bisect.bisect_right(segments, (start, math.inf, math.inf)) - 1, 0)
    for index in range(first, len(segments)):
        if segments[index][0] >= end:
            break
        yield segments[index]


def map_back(removal: Cut, segments: Segments, source: str) -> list[Cut]:
    """Express a removal made on a pass's output in the coordinates of that pass's source."""
    mapped = []
    for out_start, src_start, length in overlapping(segments, removal.start, removal.end):
        start, end = max(removal.start, out_start), min(removal.end, out_start + length)
        if start < end:
            a, b = src_start + start - out_start, src_start + end - out_start
            mapped.append(Cut(removal.kind, source[a:b], a, b, removal.rule, removal.stories))
    return mapped


def compose(outer: Segments, inner: Segments) -> Segments:
    """Chain two passes' segment maps: output of the second -> source of the first."""
    composed = []
    for out, mid, length in outer:
        for inner_out, src, inner_length in overlapping(inner, mid, mid + length):
            start, end = max(mid, inner_out), min(mid + length, inner_out + inner_length)
            if start < end:
                composed.append((out + start - mid, src + start - inner_out, end - start))
    return tuple(composed)


def unchanged_segments(before: str, after: str) -> tuple[tuple[int, int, int], ...]:
    """Segments (after start, before start, length) of the text `normalize` left in place.

    Only used for the rare output that renormalizing changed; above `DIFF_LIMIT_CHARS` only the common
    prefix and suffix are mapped, so a huge article stays linear (removals elsewhere go unreported).
    """
    if len(before) + len(after) <= DIFF_LIMIT_CHARS:
        blocks = difflib.SequenceMatcher(None, before, after, autojunk=False).get_matching_blocks()
        return tuple((block.b, block.a, block.size) for block in blocks if block.size)
    prefix = common_prefix_length(before, after)
    suffix = common_prefix_length(before[prefix:][::-1], after[prefix:][::-1])
    return tuple(
        segment for segment in ((0, 0, prefix), (len(after) - suffix, len(before) - suffix, suffix)) if segment[2]
    )


def common_prefix_length(first: str, second: str) -> int:
    """Binary search on slice comparisons: C-speed, O(n log n) for the huge texts it serves."""
    low, high = 0, min(len(first), len(second))
    while low < high:
        middle = (low + high + 1) // 2
        if first[:middle] == second[:middle]:
            low = middle
        else:
            high = middle - 1
    return low


def cut_from_span(source: str, offset: int, span: Span) -> Cut:
    start, end = offset + span.start, offset + span.end
    stories = int(dict(span.groups).get("stories", "0")) if span.groups else 0
    return Cut(span.kind, source[start:end], start, end, span.rule, stories)


def _span_start(span: Span) -> int:
    return span.start


def kept_pieces(text: str, spans: list[Span]) -> list[tuple[int, int]]:
    """The (start, end) pieces of a paragraph that survive its removed spans, stripped of outer spaces."""
    if not spans:
        if text and not text[0].isspace() and not text[-1].isspace():
            return [(0, len(text))]
        start, end = len(text) - len(text.lstrip()), len(text.rstrip())
        return [(start, end)] if start < end else []
    pieces = []
    position = 0
    for span in spans if len(spans) == 1 else sorted(spans, key=_span_start):
        if span.start > position:
            pieces.append((position, span.start))
        position = max(position, span.end)
    pieces.append((position, len(text)))
    stripped = []
    for start, end in pieces:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            stripped.append((start, end))
    return stripped


def clean_paragraph_text(text: str, spans: list[Span]) -> str:
    """The paragraph without its removed spans; the surviving pieces are joined by one space."""
    if not spans:
        return text.strip()
    return " ".join(text[start:end] for start, end in kept_pieces(text, spans))
