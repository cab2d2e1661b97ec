"""The reference cleaning engine: what `newsclean.clean` returns, written plainly and slow on purpose.

Every enabled rule is tried on every paragraph of its zone, with no triggers, gates, memos or settled
paragraphs, and the passes run to the fixed point: each pass splits its input into paragraphs afresh, and
an output that `normalize` would still change is renormalized before the next. The fast engine
(`newsclean.cleaner.passes`) must return exactly what this returns, field by field (text, removals with offsets
and rules, dateline, credits, paragraph count): tests/test_reference.py holds it to that on generated
articles, and `benchmarks/clean_identity.py --engine reference` on a whole corpus.

The zones' bounds and the rules written as code are shared with the fast engine (the constants and heuristics
of `lead`, `lines`, `inline`, `tail` and `headlines`), because they *are* the specification: which
paragraphs form the lead and the tail, where a glued headline ends, when a dateline inside a paragraph reads
as one. What this module leaves out is every shortcut: a rule's `triggers`, `first_chars`, `needs`,
`also_needs`, `opens_with`, `starts_with`, `ends_with`, `closes_with`, `starts_after` and `needs_before`, the
engine's gates (a strong separator before a dateline, the related-label trigger, the teaser probe, the title's
key head, the opening tests of datelines and labels), the pass memo and the skipping of settled paragraphs and
of an unchanged repeat search, and of the catalogue steps in the pass that brings in the learned step. One
condition that looks like a gate is a rule: a glued dateline needs `GLUED_DATELINE_GATE` (see
`_glued_dateline`).

It costs about 6x the fast engine run as Python and about 30x the compiled one (docs/design/specification.md); it is
on no user's path.
"""

from __future__ import annotations

import re

import regex

from ..config import CleanConfig
from ..learning.matcher import SourceMatcher, learned_headline_end
from ..learning.profile import Profile
from ..models import CleanResult
from ..normalization import normalize, normalize_with_edits
from ..paragraphs import Paragraph, split_paragraphs
from ..patterns import ALL_RULES, Rule
from ..repeats import CONTAINMENT_LIMIT_CHARS, MIN_CONTAINED_KEY, VIDEO_LABEL, WORD, reads_as_prose
from . import passes
from .headlines import LIST_LABEL, MAX_HEADLINE_CHARS, MAX_HEADLINE_LIST_CHARS, headline_end
from .inline import LEARNED_HEADLINE_RULE, RELATED_INLINE, clipped_to_line
from .introduced import CREDIT_LINE_RULES, drop_caption_after_credit, drop_video_description
from .lead import (
    DATELINE_WINDOW,
    GLUED_DATELINE_GATE,
    GLUED_DATELINE_WINDOW,
    GLUED_DATELINES,
    LEAD_PARAGRAPHS,
    MAX_TEASER_CHARS,
    MIN_TEASER_KEY,
    STRONG_DATELINE_NAMES,
    WORD_KEY,
    is_plausible_inside,
    is_quoted_speech,
)
from .learned import apply_learned
from .lines import LINE_RULE_MAX_CHARS, drop_contents_entries, drop_headlines_after_label, is_related_link_line
from .offsets import Segments, clean_paragraph_text, compose, cut_from_span, kept_pieces, map_back, unchanged_segments
from .records import ArticleState, Cut, DatelineFields, DatelineFound, Outcome, Rendered, Span, TailCut
from .regexes import regex_finditer, regex_fullmatch, regex_match, regex_search, regex_timeout
from .tail import CREDIT_THEN_TAGS, PERSON_NAME, SIGNATURE_LINE, strip_tail_with

MAX_PASSES = 1 + passes.MAX_EXTRA_PASSES


def clean_reference(
    text: str,
    *,
    title: str | None = None,
    config: CleanConfig | None = None,
    source: str | None = None,
    profile: Profile | None = None,
) -> CleanResult:
    """`newsclean.clean(text, title=title, config=config, source=source, profile=profile)`, computed by the plain
    engine."""
    if not isinstance(text, str):
        raise TypeError(f"clean() takes a str, not {type(text).__name__}")
    config = config or passes.DEFAULT_CONFIG
    normalized, edits = normalize_with_edits(text) if config.normalize else (text, ())
    learned = profile.matcher(source) if profile is not None else None
    outcome = _fixed_point(normalized, config, title, learned)
    if config.remove_repeats and config.remove_boilerplate and passes.lost_repeats(outcome):
        outcome = _repeats_last(normalized, config, title, learned)
    return passes.validated_result(text, outcome, edits)


def _repeats_last(normalized: str, config: CleanConfig, title: str | None, learned: SourceMatcher | None) -> Outcome:
    first = _fixed_point(normalized, config.model_copy(update={"remove_repeats": False}), title, learned)
    last = _fixed_point(first.text, config.model_copy(update={"remove_boilerplate": False, "normalize": False}), None)
    removals = list(first.removals)
    for removal in last.removals:
        removals.extend(map_back(removal, first.segments, normalized))
    segments = compose(last.segments, first.segments)
    return Outcome(last.text, tuple(removals), first.dateline, first.credits, segments, last.paragraphs)


def _fixed_point(
    normalized: str, config: CleanConfig, title: str | None, learned: SourceMatcher | None = None
) -> Outcome:
    """Passes until one removes nothing (and its input needs no renormalizing) or leaves its input as it was;
    at most `MAX_PASSES` (one more with a profile). A later pass's removals are mapped back to the normalized
    text. The learned step joins the passes once the rules alone are at their fixed point."""
    text = normalized
    segments: Segments = ((0, 0, len(text)),) if text else ()
    removals: list[Cut] = []
    dateline: DatelineFields | None = None
    credits: list[str] = []
    paragraph_count: int | None = None
    removed = False
    learning: SourceMatcher | None = None
    for number in range(MAX_PASSES + (learned is not None)):
        if number:
            renormalized = normalize(text) if config.normalize else text
            if renormalized != text:
                segments = compose(unchanged_segments(text, renormalized), segments)
                text, paragraph_count = renormalized, None
            elif not removed:
                if learned is None or learning is not None or not learned.may_apply(text):
                    break
                learning = learned
        state, pass_credits = _run_steps(text, split_paragraphs(text, config.rejoin_lines), config,
                                         title if number == 0 else None, learning, dateline is not None, learned)
        removed = bool(state.dropped) or any(state.spans.values())
        if number and not removed:
            continue
        rendered = _render(text, state, pass_credits)
        if number and rendered.text == text:
            if learned is None or learning is not None:
                break
            removed = False
            continue
        for removal in rendered.removals:
            removals.extend(map_back(removal, segments, normalized) if number else [removal])
        segments = compose(rendered.segments, segments) if number else rendered.segments
        dateline = dateline or rendered.dateline
        credits.extend(rendered.credits)
        text, paragraph_count = rendered.text, len(rendered.paragraphs)
        removed = removed or bool(rendered.removals)
    if paragraph_count is None:
        paragraph_count = text.count(passes.PARAGRAPH_SEPARATOR) + 1 if text else 0
    return Outcome(text, tuple(removals), dateline, tuple(credits), segments, paragraph_count)


def _run_steps(
    source: str,
    paragraphs: list[Paragraph],
    config: CleanConfig,
    title: str | None,
    learned: SourceMatcher | None,
    dateline_cut: bool = False,
    profiled: SourceMatcher | None = None,
) -> tuple[ArticleState, list[str]]:
    """One pass; `dateline_cut` when an earlier pass cut the dateline (only strong shapes at the start then);
    `profiled`, the source's learned entries, whose related headlines every pass's links end at (`learned` joins
    only at the rules' fixed point)."""
    state = ArticleState.plain(source, paragraphs, config)
    state.memo.dateline_cut = dateline_cut
    if profiled is not None and config.enabled(LEARNED_HEADLINE_RULE, "related"):
        state.memo.related_headlines = profiled.related_headlines
    _drop_repeated_title(state, title)
    credits: list[str] = []
    if config.remove_boilerplate:
        _apply_line_rules(state)
        _strip_lead(state)
        _apply_inline_rules(state)
        credits = strip_tail_with(state, _first_tail_cut)
        _drop_signature_block(state)
        apply_learned(state, learned)
    if config.remove_repeats:
        _drop_repeats(state)
    return state, credits


def _rules(state: ArticleState, scope: str) -> list[Rule]:
    return [rule for rule in ALL_RULES if rule.scope == scope and state.enabled(rule.name)]


def _render(source: str, state: ArticleState, credits: list[str]) -> Rendered:
    """The kept paragraphs joined by blank lines, each made of its kept pieces joined by a space."""
    parts: list[str] = []
    kept: list[Paragraph] = []
    segments: list[tuple[int, int, int]] = []
    removals: list[Cut] = []
    position = 0
    for index, paragraph in enumerate(state.paragraphs):
        spans = state.spans.get(index, [])
        dropped = state.dropped.get(index)
        removals.extend(cut_from_span(source, paragraph.start, span) for span in spans)
        pieces = [] if dropped else kept_pieces(paragraph.text, spans)
        if dropped is not None:
            removals.append(cut_from_span(source, paragraph.start, dropped))
            continue
        if not any(WORD.search(paragraph.text[start:end]) for start, end in pieces):
            if state.enabled(passes.LEFTOVER_RULE):
                whole = Span(0, len(paragraph.text), "other", passes.LEFTOVER_RULE)
                removals.append(cut_from_span(source, paragraph.start, whole))
                continue
            if not pieces:
                continue
        if parts:
            position += len(passes.PARAGRAPH_SEPARATOR)
            parts.append(passes.PARAGRAPH_SEPARATOR)
        paragraph_start = position
        for number, (start, end) in enumerate(pieces):
            position += 1 if number else 0
            segments.append((position, paragraph.start + start, end - start))
            position += end - start
        kept_text = " ".join(paragraph.text[start:end] for start, end in pieces)
        parts.append(kept_text)
        kept.append(Paragraph(paragraph_start, position, kept_text))
    return Rendered(
        text="".join(parts),
        paragraphs=tuple(kept),
        segments=tuple(segments),
        removals=tuple(removals),
        dateline=passes.dateline_fields(state, source),
        credits=tuple(c for c in credits if c),
    )


# ---------------------------------------------------------------- the steps, each over its zone


def _drop_repeated_title(state: ArticleState, title: str | None) -> None:
    live = state.live()
    if not title or not live or not state.enabled("other.title_repeated"):
        return
    title_key = _repeat_key(title)
    if title_key and _repeat_key(state.paragraphs[live[0]].text) == title_key:
        state.drop(live[0], "other", "other.title_repeated")


def _apply_line_rules(state: ArticleState) -> None:
    line_rules = _rules(state, "line")
    taken_through = -1
    for index, paragraph in enumerate(state.paragraphs):
        if index <= taken_through:
            continue
        text = paragraph.text.strip()
        matching = None
        if len(text) <= LINE_RULE_MAX_CHARS:
            timeout = regex_timeout(text)
            matching = next((r for r in line_rules if regex_fullmatch(r.pattern, text, timeout)), None)
        if matching is None:
            if state.enabled("related.line") and is_related_link_line(text):
                state.drop(index, "related", "related.line")
            continue
        state.drop(index, matching.kind, matching.name)
        if matching.name == "related.label_only":
            taken_through = drop_headlines_after_label(state, index, colon=text.endswith((":", "：")))
        elif matching.name in CREDIT_LINE_RULES:
            taken_through = drop_caption_after_credit(state, index, text)
        elif matching.name == "embed.video_prompt":
            taken_through = drop_video_description(state, index, text)
        elif matching.name == "nav.table_of_contents":
            taken_through = drop_contents_entries(state, index)


def _strip_lead(state: ArticleState) -> None:
    lead = state.live()[:LEAD_PARAGRAPHS]
    for position, index in enumerate(lead):
        text = state.masked(index)
        found = _dateline_at_start(state, text[:DATELINE_WINDOW], inside=position > 0 or state.memo.dateline_cut)
        offset = 0
        if found is None:
            found = _glued_dateline(state, text[:GLUED_DATELINE_WINDOW])
            if found is None:
                continue
            offset = found[1].start()
        if state.enabled("caption.before_dateline"):
            for earlier in lead[:position]:
                if not is_quoted_speech(state.masked(earlier)):
                    state.drop(earlier, "caption", "caption.before_dateline")
            if offset and not is_quoted_speech(text[:offset]):
                state.cut(index, 0, offset, "caption", "caption.before_dateline")
        rule, match = found
        end = match.end()
        state.cut(index, offset, end, "dateline", rule.name, tuple((k, v) for k, v in match.groupdict().items() if v))
        whole = state.paragraphs[index].text
        for _ in range(3):
            follow = _dateline_at_start(state, whole[end : end + DATELINE_WINDOW], inside=True)
            if follow is None:
                break
            state.cut(index, end, end + follow[1].end(), "dateline", follow[0].name)
            end += follow[1].end()
        return
    _teaser_repeating_lead(state)


def _dateline_at_start(state: ArticleState, window: str, inside: bool) -> DatelineFound | None:
    """The first lead rule (only the strong ones `inside` the article) matching a dateline at the window's start."""
    for rule in _rules(state, "lead"):
        if inside and rule.name not in STRONG_DATELINE_NAMES:
            continue
        match = regex_match(rule.pattern, window, 0, regex_timeout(window))
        if match and match.end() > 0 and (not inside or is_plausible_inside(rule, match)):
            return rule, match
    return None


def _glued_dateline(state: ArticleState, window: str) -> DatelineFound | None:
    """The leftmost plausible match of a glued dateline pattern (the first rule's on a tie), in a window that
    holds what a glued dateline needs (`GLUED_DATELINE_GATE`: a domain-like brand, a parenthesised agency or
    one of a few outlet names, then a dash or colon). That need is part of the rule, not a shortcut: without
    it, `pantauan Posmetro-Medan.` inside a lead read as a dateline and the prose before it as a caption."""
    if GLUED_DATELINE_GATE.search(window) is None:
        return None
    best: DatelineFound | None = None
    for rule, pattern in GLUED_DATELINES:
        if not state.enabled(rule.name):
            continue
        position = 0
        while match := regex_search(pattern, window, position, regex_timeout(window)):
            if is_plausible_inside(rule, match):
                if best is None or match.start() < best[1].start():
                    best = (rule, match)
                break
            position = match.start() + 1
    return best


def _teaser_repeating_lead(state: ArticleState) -> None:
    live = state.live()
    if len(live) < 2 or not state.enabled("caption.teaser_repeats_lead"):
        return
    first = state.masked(live[0])
    first_key = _words(first, WORD_KEY)
    short = len(first) <= MAX_TEASER_CHARS and len(first_key) >= MIN_TEASER_KEY
    if short and first_key in _words(state.masked(live[1]), WORD_KEY):
        state.drop(live[0], "caption", "caption.teaser_repeats_lead")


def _apply_inline_rules(state: ArticleState) -> None:
    inline_rules = _rules(state, "inline")
    for index in state.live():
        text = state.paragraphs[index].text
        timeout = regex_timeout(text)
        for rule in inline_rules:
            for match in regex_finditer(rule.pattern, text, timeout):
                if match.end() > match.start():
                    end = clipped_to_line(state, index, match.start(), match.end()) if rule.within_line else match.end()
                    state.cut(index, match.start(), end, rule.kind, rule.name)
        if index in state.dropped or not state.enabled("related.inline_headline"):
            continue
        for match in regex_finditer(RELATED_INLINE, text, timeout):
            limit = MAX_HEADLINE_LIST_CHARS if LIST_LABEL.search(match.group()) else MAX_HEADLINE_CHARS
            learned = learned_headline_end(text, match.end(), state.memo.related_headlines)
            if learned is None:
                state.cut(index, match.start(), headline_end(text, match.end(), limit), "related",
                          "related.inline_headline")
            else:
                state.cut(index, match.start(), learned[0], "related", LEARNED_HEADLINE_RULE,
                          (("stories", str(learned[1])),))


def _first_tail_cut(state: ArticleState, text: str) -> TailCut | None:
    timeout = regex_timeout(text)
    tags = regex_search(CREDIT_THEN_TAGS, text, 0, timeout)
    if tags and state.enabled("tags.after_credit"):
        return ("tags", "tags.after_credit", tags.start("tags"), tags.end("tags"), "")
    for rule in _rules(state, "tail"):
        match = regex_search(rule.pattern, text, 0, timeout)
        if match and match.end() > match.start():
            credit = match.group().strip().strip("()[]").strip() if rule.kind == "credit" else ""
            return (rule.kind, rule.name, match.start(), match.end(), credit)
    return None


def _drop_signature_block(state: ArticleState) -> None:
    live = state.live()
    if not state.enabled("byline.signature_block"):
        return
    for size in (4, 3, 2):
        if len(live) < size + 2:
            continue
        block = [state.masked(index).strip() for index in live[-size:]]
        if all(SIGNATURE_LINE.fullmatch(line) for line in block) and PERSON_NAME.fullmatch(block[0]):
            for index in live[-size:]:
                state.drop(index, "byline", "byline.signature_block")
            return


def _drop_repeats(state: ArticleState) -> None:
    if not state.enabled("repeat.paragraph"):
        return
    live = state.live()
    texts = [clean_paragraph_text(state.paragraphs[i].text, state.spans.get(i, [])) for i in live]
    keys = [_repeat_key(text) for text in texts]
    containment = sum(len(key) for key in keys) <= CONTAINMENT_LIMIT_CHARS
    first_seen: dict[str, int] = {}
    repeated: list[bool] = []
    for number, (text, key) in enumerate(zip(texts, keys, strict=True)):
        earlier = first_seen.get(key)
        if key and earlier is None and containment and len(key) >= MIN_CONTAINED_KEY:
            earlier = next(
                (j for j in range(number) if not repeated[j] and len(keys[j]) > len(key) and key in keys[j]), None
            )
        continues_block = number > 0 and repeated[number - 1]
        is_repeat = bool(key) and earlier is not None and (
            reads_as_prose(text, key, state.config.min_repeat_chars)
            or (continues_block and len(key) >= state.config.min_repeat_chars // 2)
        )
        repeated.append(is_repeat)
        if is_repeat:
            state.drop(live[number], "repeat", "repeat.paragraph")
        elif key:
            first_seen.setdefault(key, number)


def _words(text: str, word: re.Pattern[str] | regex.Pattern[str] = WORD) -> str:
    """The `word`s of the case-folded text, joined by single spaces."""
    return " ".join(word.findall(text.casefold()))


def _repeat_key(text: str) -> str:
    return _words(VIDEO_LABEL.sub("", text))
