"""The shape of a rule: data, not code. The engine in `boilerplate.py` decides where each scope applies."""

from __future__ import annotations

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


def regex_timeout(text: str) -> float | None:
    """The `timeout=` to pass when matching a rule pattern against `text`."""
    return None if len(text) < TIMEOUT_FREE_CHARS else REGEX_TIMEOUT


@dataclass(frozen=True, slots=True)
class Rule:
    """One boilerplate shape: its name (for reports and for turning it off), kind, scope, pattern and why.

    `triggers` are lowercase words of which at least one must occur in the article for the rule to be able
    to match; otherwise the rule is skipped. A trigger that is not a plain word (`©`), or is marked with a
    leading `~` because scrapers glue it to its neighbour (`selengkapnyadi sini`), is looked up as a
    substring. Most articles carry few inserts, so this test against the article's set of words is cheap.
    """

    name: str
    kind: str
    scope: Scope
    pattern: regex.Pattern[str]
    why: str
    triggers: tuple[str, ...] = ()
    trigger_words: frozenset[str] = frozenset()
    trigger_substrings: tuple[str, ...] = ()

    def may_match(self, words: frozenset[str], lowered: str) -> bool:
        if not self.triggers:
            return True
        return not self.trigger_words.isdisjoint(words) or any(t in lowered for t in self.trigger_substrings)


def rule(name: str, kind: str, scope: Scope, pattern: str, why: str, trigger: tuple[str, ...] = ()) -> Rule:
    """Compile a rule; `regex.V1` gives full Unicode properties."""
    words = frozenset(t for t in trigger if t.isalpha())
    substrings = tuple(t.lstrip("~") for t in trigger if not t.isalpha())
    return Rule(name, kind, scope, regex.compile(pattern, regex.V1), why, trigger, words, substrings)
