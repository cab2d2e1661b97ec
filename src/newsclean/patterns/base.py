"""The shape of a rule: data, not code. The engine in `boilerplate.py` decides where each scope applies."""

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

#: Every pattern is applied with this timeout (seconds): patterns are written linear, and the timeout makes a
#: mistake cost one record (reported) instead of a hung job.
REGEX_TIMEOUT = 1.0
#: Below this length the timeout is not passed: it costs more than most matches (about 1.5 us a call on top of
#: the 0.5 us a failing match takes, and the engine makes ~100 calls per article), and no pattern here can come
#: near a second on such a text: they are linear, and even a quadratic mistake is 5,000^2 steps, a fraction of
#: a second. A pattern that is exponential by mistake is left to the per-record budget (`newsclean.watchdog`).
TIMEOUT_FREE_CHARS = 5_000


#: Seconds added to the timeout per million characters: linear patterns run at 5 M chars/s or more (the slowest
#: measured, `dateline.dangling_dash` on a line of dots, at 0.2 s per M), so a 10 MB paragraph of garbage is
#: matched, not rejected, while a quadratic match on it would need hours and is still cut off.
REGEX_SECONDS_PER_MILLION_CHARS = 2.0


def regex_timeout(text: str) -> float | None:
    """The `timeout=` to pass when matching a rule pattern against `text`: it grows with the text's length."""
    if len(text) < TIMEOUT_FREE_CHARS:
        return None
    return REGEX_TIMEOUT + REGEX_SECONDS_PER_MILLION_CHARS * len(text) / 1_000_000


# Passing `timeout=None` to a `regex` pattern method costs as much again as a failing match (~0.4 us: the
# keyword is parsed), and short texts have no timeout: these pass it only when there is one.


def regex_search(pattern: regex.Pattern[str], text: str, pos: int, timeout: float | None) -> regex.Match[str] | None:
    return pattern.search(text, pos) if timeout is None else pattern.search(text, pos, timeout=timeout)


def regex_match(pattern: regex.Pattern[str], text: str, pos: int, timeout: float | None) -> regex.Match[str] | None:
    return pattern.match(text, pos) if timeout is None else pattern.match(text, pos, timeout=timeout)


def regex_fullmatch(pattern: regex.Pattern[str], text: str, timeout: float | None) -> regex.Match[str] | None:
    return pattern.fullmatch(text) if timeout is None else pattern.fullmatch(text, timeout=timeout)


def regex_finditer(pattern: regex.Pattern[str], text: str, timeout: float | None) -> list[regex.Match[str]]:
    return list(pattern.finditer(text) if timeout is None else pattern.finditer(text, timeout=timeout))


@dataclass(frozen=True, slots=True, eq=False)
class Rule:
    """One boilerplate shape: its name (for reports and for turning it off), kind, scope, pattern and why.

    `triggers` are lowercase words of which at least one must occur in the article for the rule to be able
    to match; otherwise the rule is skipped. A trigger that is not a plain word (`©`), or is marked with a
    leading `~` because scrapers glue it to its neighbour (`selengkapnyadi sini`), is looked up as a
    substring. Most articles carry few inserts, so this test against the article's set of words is cheap.

    `first_chars` and `needs` are necessary conditions on one paragraph, tested on its `gate_text` before the
    pattern runs (a regex call costs far more than these tests, and almost every paragraph is prose that no
    rule matches): a match of a `line` or `lead` rule starts with one of `first_chars`; a match contains one
    of `needs`, and one of `also_needs` too. All are written case-folded; empty means no condition. A test checks each against the pattern.
    `opens_with` is the same kind of condition for a `lead` or `line` rule: a cheap test of how the text starts.
    `starts_after`, for an `inline` rule whose pattern never matches the empty string: a stdlib `re` pattern
    such that every match starts at the paragraph's start or where a match of it ends (`opening` is it
    compiled), so the pattern is tried at those places only instead of at every position (see
    `boilerplate.rule_matches`). `needs_before`, with it: characters a match never holds before one of its
    `needs`, so a start with none of the needs ahead of the first of them is not tried either. `starts_with`:
    literals every match starts with (as written, for a pattern that matches them case-sensitively); an
    `inline` or `tail` rule is tried only where one occurs, found by `str.find` (a `re` scan for them costs
    ~6 ns a character, `find` a fraction of that), a `line` rule only on a paragraph that starts with one.

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

    def may_match_paragraph(self, folded: str) -> bool:
        """False when the pattern certainly cannot match the paragraph whose `gate_text` is `folded`."""
        if self.first_chars and folded[:1] not in self.first_chars:
            return False
        if self.needs and not holds_any(folded, self.needs):
            return False
        return self.holds_also_needs(folded)

    def holds_also_needs(self, folded: str) -> bool:
        return not self.also_needs or holds_any(folded, self.also_needs)


def holds_any(text: str, needles: tuple[str, ...]) -> bool:
    """Whether one of `needles` occurs in `text`: written so that the compiled build makes it a loop, without
    the call per needle of `any(map(text.__contains__, needles))`."""
    return any(needle in text for needle in needles)


def gate_text(text: str) -> str:
    """The form of a paragraph that `Rule.first_chars` and `Rule.needs` are tested against.

    Case-folded, because a case-insensitive pattern matches any case; without U+0307, because `regex` lets
    `İ` match `i` while case folding writes it `i` + U+0307 (dropping a character only lets more texts pass).
    """
    return text.casefold().replace("\u0307", "")


def gate_head(text: str, chars: int) -> str:
    """The start of `gate_text(text)`, at least `chars` characters of it (all of it if shorter), folding only
    as much of `text` as that takes.

    Case folding maps each character on its own, so the gate text of a prefix is a prefix of the gate text.
    Folding can shorten a prefix (U+0307 goes), so a head that came out short is folded again from the whole
    text. Twice `chars` characters are folded first: folding never drops a character other than U+0307.
    """
    head = gate_text(text[: 2 * chars])
    if len(head) < chars < len(text):
        return gate_text(text)
    return head


def first_gate_char(text: str) -> str:
    """`gate_text(text)[:1]`, folding only the start of the text (an ASCII character folds to its lowercase)."""
    first = text[:1]
    if first.isascii():
        return first.lower()
    return gate_head(text, 1)[:1]


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
) -> Rule:
    """Compile a rule; `regex.V1` gives full Unicode properties."""
    words = frozenset(t for t in trigger if t.isalpha())
    substrings = tuple(t.lstrip("~") for t in trigger if not t.isalpha())
    compiled = regex.compile(pattern, regex.V1)
    opening = re.compile(starts_after) if starts_after else None
    return Rule(
        name, kind, scope, compiled, why, trigger, words, substrings, first_chars, needs, opens_with, also_needs,
        starts_after, opening, needs_before, starts_with,
    )
