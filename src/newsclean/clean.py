"""`clean()`: one article in, clean text and an account of every removal out.

The steps, declared once and run in this order:

1. normalize (encoding, entities, invisible characters, look-alike letters, whitespace);
2. rebuild paragraphs (rejoin hard-wrapped lines);
3. drop a first paragraph that only repeats the title;
4. remove boilerplate: whole-line inserts, the dateline and what precedes it, inline inserts, the tail
   (footers, bylines, credits, tags);
5. remove repeated paragraphs, keeping the first body copy.

Offsets in the report refer to the normalized text, so `normalize(original)[r.start:r.end] == r.text`.
"""

from __future__ import annotations

from .boilerplate import (
    ArticleState,
    Span,
    apply_inline_rules,
    apply_line_rules,
    clean_paragraph_text,
    drop_signature_block,
    strip_lead,
    strip_tail,
)
from .config import CleanConfig
from .models import CleanResult, Dateline, Removal
from .normalize import normalize
from .paragraphs import split_paragraphs
from .repeats import find_repeats, repeat_key

DEFAULT_CONFIG = CleanConfig()


def _drop_repeated_title(state: ArticleState, title: str | None) -> None:
    """Scrapers often put the headline as the first line of the text; with `title` given it is not body."""
    live = state.live()
    if not title or not live or not state.enabled("other.title_repeated", "other"):
        return
    title_key = repeat_key(title)
    if title_key and repeat_key(state.paragraphs[live[0]].text) == title_key:
        state.drop(live[0], "other", "other.title_repeated")


def _drop_repeats(state: ArticleState) -> None:
    if not state.enabled("repeat.paragraph", "repeat"):
        return
    live = state.live()
    texts = [clean_paragraph_text(state.paragraphs[i].text, state.spans.get(i, [])) for i in live]
    for index, earlier in zip(live, find_repeats(texts, state.config.min_repeat_chars)):
        if earlier is not None:
            state.drop(index, "repeat", "repeat.paragraph")


def _removal(normalized: str, offset: int, span: Span) -> Removal:
    start, end = offset + span.start, offset + span.end
    return Removal(kind=span.kind, text=normalized[start:end], start=start, end=end, rule=span.rule)


def _dateline(state: ArticleState, normalized: str) -> Dateline | None:
    for index in sorted(set(state.spans) | set(state.dropped)):
        for span in state.spans.get(index, []):
            if span.kind == "dateline":
                groups = dict(span.groups)
                offset = state.paragraphs[index].start
                return Dateline(
                    outlet=groups.get("outlet"),
                    city=groups.get("city"),
                    text=normalized[offset + span.start : offset + span.end],
                )
    return None


def clean(text: str, *, title: str | None = None, config: CleanConfig | None = None) -> CleanResult:
    """Clean one scraped article: the body text, paragraphs separated by a blank line, and a report.

    >>> r = clean("JAKARTA, KOMPAS.com - Harga cabai naik lagi di pasar induk.\\n(esn/indo)")
    >>> r.text, r.dateline.outlet, r.credits
    ('Harga cabai naik lagi di pasar induk.', 'KOMPAS.com', ('esn/indo',))
    """
    if not isinstance(text, str):
        raise TypeError(f"clean() takes a str, not {type(text).__name__}")
    config = config or DEFAULT_CONFIG
    normalized = normalize(text) if config.normalize else text
    state = ArticleState.start(normalized, split_paragraphs(normalized, config.rejoin_lines), config)
    _drop_repeated_title(state, title)
    credits: list[str] = []
    if config.remove_boilerplate:
        apply_line_rules(state)
        strip_lead(state)
        apply_inline_rules(state)
        credits = strip_tail(state)
        drop_signature_block(state)
    if config.remove_repeats:
        _drop_repeats(state)

    kept: list[str] = []
    removals: list[Removal] = []
    for index, paragraph in enumerate(state.paragraphs):
        dropped = state.dropped.get(index)
        if dropped is None:
            body = clean_paragraph_text(paragraph.text, state.spans.get(index, []))
            if any(ch.isalnum() for ch in body):
                kept.append(body)
                removals.extend(_removal(normalized, paragraph.start, s) for s in state.spans.get(index, []))
                continue
            dropped = Span(0, len(paragraph.text), "other", "other.leftover_punctuation")
            removals.extend(_removal(normalized, paragraph.start, s) for s in state.spans.get(index, []))
            removals.append(_removal(normalized, paragraph.start, dropped))
            continue
        removals.append(_removal(normalized, paragraph.start, dropped))
    removals.sort(key=lambda r: (r.start, r.end))
    output = "\n\n".join(kept)
    return CleanResult(
        text=output,
        removals=tuple(removals),
        dateline=_dateline(state, normalized),
        credits=tuple(dict.fromkeys(c for c in credits if c)),
        paragraphs=len(kept),
        chars_in=len(text),
        chars_out=len(output),
    )
