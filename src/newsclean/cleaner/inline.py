"""The inline zone: inserts glued into prose (the `inline` rules, tried only where their needs occur and
where a match can start), and `Baca juga: <headline>` links inside a paragraph.
"""

from __future__ import annotations

import re

import regex

from ..learning.matcher import learned_headline_end
from ..patterns.base import Rule
from ..patterns.words import RELATED_LABEL, RELATED_TRIGGER_WORDS
from .gates import holds_also_needs
from .headlines import LIST_LABEL, MAX_HEADLINE_CHARS, MAX_HEADLINE_LIST_CHARS, headline_end
from .records import ArticleState, line_ends
from .regexes import literal_starts, matches_at, regex_finditer, regex_timeout
from .selection import needle_lines

#: Cheap test before the related-link search: a label word (glued to the next, as in `Bacajuga`, or not)
#: followed, within four more words, by a colon: what every `RELATED_INLINE` match holds (its longest label,
#: `baca ini juga deh video`, has four words after the first; tests hold the search to it). The engine asks it
#: as `RELATED_TRIGGER_REVERSED`; this forward form states it (tests hold the two equal).
RELATED_TRIGGER = re.compile(rf"(?:{'|'.join(RELATED_TRIGGER_WORDS)})\w*(?:\s+\w+){{0,4}}\s*[:：]", re.IGNORECASE)
#: `RELATED_TRIGGER` read backwards, searched in the reversed paragraph: it holds a match exactly when the
#: paragraph holds one (the pattern has no anchor or lookaround, and ignoring case is a test per character).
#: Why: forwards, every occurrence of a common label word (`berita`) starts an attempt, many of them on a
#: long paragraph; backwards, the search jumps from colon to colon, cheaper than the case-folded copy of the
#: paragraph a test for the label words needed first.
RELATED_TRIGGER_REVERSED = re.compile(
    rf"[:：]\s*(?:\w+\s+){{0,4}}\w*(?:{'|'.join(word[::-1] for word in RELATED_TRIGGER_WORDS)})", re.IGNORECASE
)
RELATED_INLINE = regex.compile(
    rf"(?:(?<=^)|(?<=[.!?\"”')\]]\s?)|(?<=\s)|(?<=\p{{Ll}}))(?<!\p{{L}}\s(?=-)){RELATED_LABEL}\s*[:：]\s*", regex.V1
)
#: Where a `RELATED_INLINE` match can start: the dash it may open with, or the first word of a label (matched
#: as `RELATED_LABEL` matches it, case-insensitively; searched overlapped, since a label can start inside
#: another, as in `bacartikel`). The pattern opens with lookbehinds, which `regex` tests at every position of a
#: search, all through a long paragraph; tried only here, it costs a few matches.
#: The rule a related link's removal names when a learned headline ended it.
LEARNED_HEADLINE_RULE = "learned.related_headline"
RELATED_INLINE_START = regex.compile(r"-|(?i:baca|lihat|simak|tonton|saksikan|artikel|berita|related)", regex.V1)


def apply_inline_rules(state: ArticleState) -> None:
    related = (
        state.enabled("related.inline_headline")
        and (":" in state.source or "：" in state.source)
        and any(_has_related_trigger(state, p.text) for p in state.paragraphs)
    )
    # A settled paragraph's related links were looked for only if the previous pass looked for any.
    links_settled = state.settled if state.memo.previous_related else frozenset()
    state.memo.previous_related = related
    candidates = _inline_candidates(state)
    if not related and not candidates:
        return
    for index in state.live():
        text = state.paragraphs[index].text
        inline_rules = candidates.get(index)
        if inline_rules:
            for start, end, inline_rule in _inline_matches(text, inline_rules, state.memo.gate_texts.get(text)):
                if inline_rule.within_line:
                    end = clipped_to_line(state, index, start, end)
                state.cut(index, start, end, inline_rule.kind, inline_rule.name)
            if index in state.dropped:
                continue
        if related and index not in links_settled and (":" in text or "：" in text):
            links = state.memo.related_links.get(text)
            if links is None:
                links = state.memo.related_links[text] = related_links(text, state.memo.related_headlines)
            for start, end, stories in links:
                if stories:
                    state.cut(index, start, end, "related", LEARNED_HEADLINE_RULE, (("stories", str(stories)),))
                else:
                    state.cut(index, start, end, "related", "related.inline_headline")


def clipped_to_line(state: ArticleState, index: int, start: int, end: int) -> int:
    """`end`, or the offset of the first line break of the scraped text after the match's first character
    (spaces before it aside) in paragraph `index` when that comes first (`Rule.within_line`): the splitter
    joined the lines with a space at each break's offset."""
    text = state.paragraphs[index].text
    while start < end and text[start].isspace():
        start += 1
    for line_end in line_ends(state.source_lines(index))[:-1]:
        if line_end > start:
            return min(end, line_end)
    return end


def _inline_candidates(state: ArticleState) -> dict[int, tuple[Rule, ...]]:
    """For each live paragraph that is not settled and holds a need of an inline rule, those rules in order.

    Why: an inline rule can only match a paragraph that holds one of its `needs` (and of its `also_needs`),
    and most paragraphs hold none. One scan for every need over the article's paragraphs (joined by line
    breaks, which no need contains: `needle_lines`) finds the few (paragraph, rule) pairs worth a regex,
    instead of testing every rule's needs on every paragraph.
    """
    inline_rules = state.rules["inline"]
    if not inline_rules:
        return {}
    indices = [index for index in state.live() if index not in state.settled]
    needles, rule_masks, every_line = state.selection.inline_needles
    line_masks = dict(needle_lines("\n".join([state.paragraphs[index].text for index in indices]), needles))
    candidates = {}
    for number in range(len(indices)) if every_line else sorted(line_masks):
        line_mask = line_masks.get(number, 0)
        rules = [rule for rule, mask in rule_masks if not mask or mask & line_mask]
        index = indices[number]
        if any(rule.also_needs for rule in rules):
            folded_paragraph = state.memo.folded(state.paragraphs[index].text)
            rules = [rule for rule in rules if holds_also_needs(rule, folded_paragraph)]
        if rules:
            candidates[index] = tuple(rules)
    return candidates


def _inline_matches(text: str, inline_rules: tuple[Rule, ...], folded: str | None) -> list[tuple[int, int, Rule]]:
    """Every non-empty match of `inline_rules` in one paragraph, rule by rule (`folded`: its gate text, if known)."""
    timeout = regex_timeout(text)
    return [
        (match.start(), match.end(), inline_rule)
        for inline_rule in inline_rules
        for match in rule_matches(inline_rule, text, timeout, folded)
        if match.end() > match.start()
    ]


def rule_matches(
    inline_rule: Rule, text: str, timeout: float | None, folded: str | None = None
) -> list[regex.Match[str]]:
    """`inline_rule.pattern.finditer(text)`; for a rule with `starts_after` (`starts_with`), found by trying the
    pattern only where a match can start: at 0 and where each match of `starts_after` ends (where one of the
    literals of `starts_with` occurs), skipping the places inside an earlier match, and (for a rule with
    `needs_before`, when `folded`, the paragraph's gate text, is given and lines up with it character for
    character) the places with none of its needs ahead.

    Why: the `regex` module finds no literal to search for in a pattern that opens with a lookbehind, and tests
    the lookbehind at every position; the places after a sentence end are a few per paragraph, found by a
    character-class scan. A place that opens no match can still cost a long scan (`promo.call_to_action`
    after `Baca juga`).
    """
    opening = inline_rule.opening
    if inline_rule.starts_with:
        starts = literal_starts(text, inline_rule.starts_with)
    elif opening is not None:
        starts = [0, *(found.end() for found in opening.finditer(text))]
    else:
        return regex_finditer(inline_rule.pattern, text, timeout)
    aligned = folded if inline_rule.needs_before and folded is not None and len(folded) == len(text) else None
    if aligned is not None:
        starts = [start for start in starts if _holds_need_ahead(inline_rule, aligned, start)]
    return matches_at(inline_rule.pattern, text, starts, timeout)


def _holds_need_ahead(inline_rule: Rule, folded: str, start: int) -> bool:
    """Whether one of the rule's needs occurs in `folded` from `start` on, before any of its `needs_before`."""
    end = len(folded)
    for char in inline_rule.needs_before:
        found = folded.find(char, start, end)
        if found >= 0:
            end = found
    return any(folded.find(need, start, end) >= 0 for need in inline_rule.needs)


def _has_related_trigger(state: ArticleState, text: str) -> bool:
    """`holds_related_trigger`, remembered per paragraph text."""
    if ":" not in text and "：" not in text:
        return False
    known = state.memo.related_trigger.get(text)
    if known is None:
        known = state.memo.related_trigger[text] = holds_related_trigger(text)
    return known


def holds_related_trigger(text: str) -> bool:
    """Whether `text` holds a related-link label word followed, within a few words, by a colon
    (`RELATED_TRIGGER`, searched backwards), which every related-link label match holds."""
    return (":" in text or "：" in text) and RELATED_TRIGGER_REVERSED.search(text[::-1]) is not None


def related_links(
    text: str, headlines: dict[str, tuple[tuple[str, int], ...]] | None = None
) -> list[tuple[int, int, int]]:
    """Spans of `Baca juga: <headline>` glued into a paragraph, as (start, end, stories): a headline ends where
    one of the source's learned `headlines` does (`learned_headline_end`; `stories`, the stories it was learned
    from), else where its shape says (`headline_end`; `stories` 0)."""
    spans = []
    for match in related_inline_matches(text):
        learned = learned_headline_end(text, match.end(), headlines) if headlines else None
        if learned is None:
            limit = MAX_HEADLINE_LIST_CHARS if LIST_LABEL.search(match.group()) else MAX_HEADLINE_CHARS
            spans.append((match.start(), headline_end(text, match.end(), limit), 0))
        else:
            spans.append((match.start(), learned[0], learned[1]))
    return spans


def related_inline_matches(text: str) -> list[regex.Match[str]]:
    """`RELATED_INLINE.finditer(text)`, trying the pattern only at `RELATED_INLINE_START`s."""
    # A search for literals, linear in the text: it needs no timeout.
    starts = [start.start() for start in RELATED_INLINE_START.finditer(text, overlapped=True)]
    return matches_at(RELATED_INLINE, text, starts, regex_timeout(text))
