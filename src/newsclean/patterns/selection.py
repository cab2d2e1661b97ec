"""Which rules can fire on one article: the `triggers` of every rule, tested all at once.

Testing each rule's triggers against the article costs a Python call per rule (about 45 per article). Instead
every rule gets one bit, each trigger word maps to the bits of the rules it opens, and the article's words are
intersected once with the trigger vocabulary. The result is the same as testing rule by rule whether one of
its `trigger_words` is a `[a-z]+` word of the lowered article or one of its `trigger_substrings` occurs in it;
the tuples of selected rules are cached per bit mask, so articles with the same selection share the very same
tuple objects (which the engine's per-paragraph memo compares by identity).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable

from ..config import CleanConfig
from . import ALL_RULES
from .base import Rule

SCOPES: tuple[str, ...] = ("lead", "line", "inline", "tail")

#: Every byte that is not a lowercase ASCII letter becomes a space. Splitting the UTF-8 bytes of the lowered
#: text after this gives exactly the words `[a-z]+` finds in it: every byte of a non-ASCII character is
#: >= 0x80, so such a character separates words just as it does in the regex.
_NOT_ASCII_LOWER = bytes(b if ord("a") <= b <= ord("z") else ord(" ") for b in range(256))


#: (rule, its bit) in catalogue order.
RULE_BITS: tuple[tuple[Rule, int], ...] = tuple((rule, 1 << number) for number, rule in enumerate(ALL_RULES))


def _bits_by_trigger(triggers_of: Callable[[Rule], Iterable[str]]) -> dict[bytes, int]:
    """Each trigger (as UTF-8) -> the bits of the rules it opens, in first-seen order."""
    bits: dict[bytes, int] = {}
    for rule, bit in RULE_BITS:
        for trigger in triggers_of(rule):
            key = trigger.encode()
            bits[key] = bits.get(key, 0) | bit
    return bits


WORD_BITS = _bits_by_trigger(lambda rule: rule.trigger_words)
TRIGGER_VOCABULARY = frozenset(WORD_BITS)


def _substring_bits() -> tuple[tuple[bytes, int, int], ...]:
    bits = _bits_by_trigger(lambda rule: rule.trigger_substrings)
    return tuple((substring, bit, 1 << number) for number, (substring, bit) in enumerate(bits.items()))


#: (substring as UTF-8, bits of the rules it opens, its own bit among the substrings), one entry per distinct
#: substring: a UTF-8 substring test is a character substring test.
SUBSTRING_BITS = _substring_bits()
ALWAYS_BITS = sum(bit for rule, bit in RULE_BITS if not rule.triggers)


def article_words(lowered_utf8: bytes) -> list[bytes]:
    """The `[a-z]+` words of a lowered text, given as its UTF-8 bytes."""
    return lowered_utf8.translate(_NOT_ASCII_LOWER).split()


def word_bits(text: str) -> int:
    """The bits of the rules whose trigger words occur in `text`."""
    bits = 0
    for word in TRIGGER_VOCABULARY.intersection(article_words(text.lower().encode("utf-8", "surrogatepass"))):
        bits |= WORD_BITS[word]
    return bits


def triggered_bits(text: str) -> int:
    """The bits of the rules whose triggers occur in `text` (rules without triggers always)."""
    bits = ALWAYS_BITS | word_bits(text)
    lowered: bytes | None = None
    for substring, bit, _ in SUBSTRING_BITS:
        if bits & bit == bit:
            continue
        if lowered is None:
            lowered = text.lower().encode("utf-8", "surrogatepass")
        if substring in lowered:
            bits |= bit
    return bits


@functools.lru_cache(maxsize=64)
def enabled_bits(config: CleanConfig) -> int:
    """The bits of the rules `config` leaves on (configs are frozen and hashable)."""
    return sum(bit for rule, bit in RULE_BITS if config.enabled(rule.name, rule.kind))


SCOPE_BITS: dict[str, int] = {scope: sum(bit for rule, bit in RULE_BITS if rule.scope == scope) for scope in SCOPES}


@functools.lru_cache(maxsize=4096)
def rules_for_bits(bits: int) -> tuple[Rule, ...]:
    """The rules whose bit is set, in catalogue order (the order decides which rule wins)."""
    return tuple(rule for rule, bit in RULE_BITS if bits & bit)


def select_rules(text: str, config: CleanConfig) -> tuple[dict[str, tuple[Rule, ...]], int]:
    """Per scope, the rules that are enabled and whose trigger occurs in `text`; and their bits.

    The tuples are cached per selection, so equal selections give identical tuples.
    """
    bits = triggered_bits(text) & enabled_bits(config)
    return rules_by_scope(bits), bits


def rules_by_scope(bits: int) -> dict[str, tuple[Rule, ...]]:
    """The rules whose bit is set, per scope, in catalogue order."""
    return {scope: rules_for_bits(bits & SCOPE_BITS[scope]) for scope in SCOPES}


@functools.lru_cache(maxsize=4096)
def line_rules_by_first_char(rules: tuple[Rule, ...]) -> dict[str, tuple[Rule, ...]]:
    """For each first character of a gate text, the rules of `rules` whose `first_chars` admit it, in order.

    A character that no rule names maps to nothing here: the caller uses `rules_without_first_chars`. The
    empty text admits every rule (no first character to test).
    """
    chars = {char for rule in rules for char in rule.first_chars}
    dispatch = {char: tuple(r for r in rules if not r.first_chars or char in r.first_chars) for char in chars}
    dispatch[""] = rules
    return dispatch


@functools.lru_cache(maxsize=4096)
def rules_without_first_chars(rules: tuple[Rule, ...]) -> tuple[Rule, ...]:
    return tuple(rule for rule in rules if not rule.first_chars)
