"""The shape of a rule: data, not code. The engine in `newsclean.cleaner` decides where each scope applies."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

import regex

#: Where a rule looks:
#: * `lead`: at the very start of the first body paragraph (datelines);
#: * `line`: a whole paragraph must match (`fullmatch`); the paragraph goes;
#: * `inline`: every match inside any paragraph goes;
#: * `tail`: matches in the last body paragraphs only (footers, credits), where the same words in prose are rare.
Scope = Literal["lead", "line", "inline", "tail"]
#: Where a rule of the registry (`newsclean.patterns.REGISTRY`, what `newsclean rules` lists) applies: a
#: catalogue rule's `Scope`, or one of the places that only rules written as code (`newsclean.patterns.code_rules`)
#: look at:
#: * `title`: the first paragraph, held against the article's title (`other.title_repeated`);
#: * `repeats`: every paragraph, held against the ones before it (`repeat.paragraph`);
#: * `render`: what is left of a paragraph once a pass's removals are cut from it (`other.leftover_punctuation`).
#: * `learned`: segments of every paragraph, against a learned profile (`newsclean.learning`), in the part of the
#:   article (lead, body, tail) where each entry recurred.
#: A rule written as code in `lead`, `line`, `inline` or `tail` looks where the catalogue rules of that scope do.
Zone = Literal[Scope, "title", "repeats", "render", "learned"]


@dataclass(frozen=True, slots=True, eq=False)
class Rule:
    """One boilerplate shape: its name (for reports and for turning it off), kind, scope, pattern and why.

    `triggers` are lowercase words of which at least one must occur in the article for the rule to be able
    to match; otherwise the rule is skipped. A trigger that is not a plain word (`©`), or is marked with a
    leading `~` because scrapers glue it to its neighbour (`selengkapnyadi sini`), is looked up as a
    substring. Most articles carry few inserts, so this test against the article's set of words is cheap.

    `first_chars` and `needs` are necessary conditions on one paragraph, tested on its `gate_text`
    (`newsclean.cleaner.gates`) before the pattern runs (a regex call costs far more than these tests, and
    almost every paragraph is prose that no rule matches): a match of a `line` or `lead` rule starts with one
    of `first_chars`; a match contains one of `needs`, and one of `also_needs` too. All are written
    case-folded; empty means no condition. A test checks each against the pattern.
    `opens_with` is the same kind of condition for a `lead` or `line` rule: a cheap test of how the text starts;
    `closes_with`, for a `line` or `tail` rule, a cheap test of how the text ends (a pattern that must find
    where its closing part begins can backtrack through the whole line, or search all of it, before it fails).
    `within_line`, for an `inline` rule: a match ends at the first line break of the scraped text after its
    start (the paragraph splitter joins hard-wrapped lines, and the sentence on the next line is another).
    `starts_after`, for an `inline` rule whose pattern never matches the empty string: a stdlib `re` pattern
    such that every match starts at the paragraph's start or where a match of it ends (`opening` is it
    compiled), so the pattern is tried at those places only instead of at every position (see
    `newsclean.cleaner.inline.rule_matches`). `needs_before`, with it: characters a match never holds before
    one of its `needs`, so a start with none of the needs ahead of the first of them is not tried either.
    `starts_with`: literals every match starts with (as written, for a pattern that matches them
    case-sensitively); an `inline` or `tail` rule is tried only where one occurs, found by `str.find` (a `re`
    scan for them costs ~6 ns a character, `find` a fraction of that), a `line` rule only on a paragraph that
    starts with one. `ends_with`, for a `line` rule: literals (as written) every match ends with; the rule is
    tried only on a paragraph that ends with one (a pattern that fails on a long line can backtrack through
    all of it before it fails). A test checks both against the pattern.

    `positives` are examples the tests run: (article text, the text the rule removes from it); `traps` are prose
    in the same shape that the rule must leave whole (every line of it survives `newsclean.clean`). `keeps` are
    (article text, prose in it that must survive whole) for the shapes where the rule rightly fires next to the
    prose but once cut into it (a `Baca juga` label whose glued headline's end is uncertain: the label goes, the
    sentence after it stays). Positives are cleaned with `newsclean.patterns.examples.TITLE` as the title, traps
    and keeps with it and without.

    Rules are compared and hashed by identity (each is one entry of the catalogue), which keeps tuples of
    rules cheap to use as cache keys.
    """

    name: str
    kind: str
    scope: Scope
    pattern: regex.Pattern[str]
    why: str
    triggers: tuple[str, ...] = ()
    trigger_words: frozenset[str] = frozenset()
    trigger_substrings: tuple[str, ...] = ()
    first_chars: str = ""
    needs: tuple[str, ...] = ()
    opens_with: Callable[[str], bool] | None = None
    also_needs: tuple[str, ...] = ()
    starts_after: str = ""
    opening: re.Pattern[str] | None = None
    needs_before: str = ""
    starts_with: tuple[str, ...] = ()
    ends_with: tuple[str, ...] = ()
    closes_with: Callable[[str], bool] | None = None
    within_line: bool = False
    positives: tuple[tuple[str, str], ...] = ()
    traps: tuple[str, ...] = ()
    keeps: tuple[tuple[str, str], ...] = ()

    @property
    def zone(self) -> Zone:
        """Where the rule applies, in the terms of the registry: its scope."""
        return self.scope


def rule(
    name: str,
    kind: str,
    scope: Scope,
    pattern: str,
    why: str,
    trigger: tuple[str, ...] = (),
    first_chars: str = "",
    needs: tuple[str, ...] = (),
    opens_with: Callable[[str], bool] | None = None,
    also_needs: tuple[str, ...] = (),
    starts_after: str = "",
    needs_before: str = "",
    starts_with: tuple[str, ...] = (),
    ends_with: tuple[str, ...] = (),
    closes_with: Callable[[str], bool] | None = None,
    within_line: bool = False,
    positives: tuple[tuple[str, str], ...] = (),
    traps: tuple[str, ...] = (),
    keeps: tuple[tuple[str, str], ...] = (),
) -> Rule:
    """Compile a rule; `regex.V1` gives full Unicode properties."""
    words = frozenset(t for t in trigger if t.isalpha())
    substrings = tuple(t.lstrip("~") for t in trigger if not t.isalpha())
    compiled = regex.compile(pattern, regex.V1)
    opening = re.compile(starts_after) if starts_after else None
    return Rule(
        name, kind, scope, compiled, why, trigger, words, substrings, first_chars, needs, opens_with, also_needs,
        starts_after, opening, needs_before, starts_with, ends_with, closes_with, within_line, positives, traps,
        keeps,
    )
