"""Which rules can fire on one article: the `triggers` of every rule, tested all at once.

Testing each rule's triggers against the article costs a Python call per rule (about 45 per article). Instead
every rule gets one bit, each trigger word maps to the bits of the rules it opens, and the article's words are
looked up once in the trigger vocabulary, in one pass over the text by the C scanner `newsclean._wordscan`
(its specification, `scan_triggers_python`, runs when it is not built). The result is the same as testing rule
by rule whether one of its `trigger_words` is a `[a-z]+` word of the lowered article or one of its
`trigger_substrings` occurs in it; the tuples of selected rules are cached per bit mask, so articles with the same selection share the very same
tuple objects (which the engine's per-paragraph memo compares by identity).
"""

from __future__ import annotations

import functools
import os
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
#: The trigger words (lowercase ASCII, as UTF-8) and, at the same index, the bits of the rules each opens.
TRIGGER_WORDS: tuple[bytes, ...] = tuple(WORD_BITS)
TRIGGER_WORD_BITS: tuple[int, ...] = tuple(WORD_BITS.values())
_SUBSTRING_BITS = _bits_by_trigger(lambda rule: rule.trigger_substrings)
#: The ASCII trigger substrings (as bytes) and, at the same index, the bits of the rules each opens.
ASCII_SUBSTRINGS: tuple[bytes, ...] = tuple(s for s in _SUBSTRING_BITS if s.isascii())
ASCII_SUBSTRING_BITS: tuple[int, ...] = tuple(_SUBSTRING_BITS[s] for s in ASCII_SUBSTRINGS)
#: The other trigger substrings: single characters without case (`©`), so that one occurs in the lowered text
#: exactly when it occurs in the text itself (no other character lowercases to one; the tests check all of
#: Unicode). They are looked up in the text directly, with no lowered copy.
CASELESS_SUBSTRING_BITS: tuple[tuple[str, int], ...] = tuple(
    (s.decode(), bits) for s, bits in _SUBSTRING_BITS.items() if not s.isascii()
)
if not all(len(s) >= 2 and s.isalpha() and s.islower() for s in ASCII_SUBSTRINGS):
    raise ValueError("an ASCII trigger substring must be two or more lowercase letters (the scanner's contract)")
if not all(len(s) == 1 and s.lower() == s == s.upper() for s, _ in CASELESS_SUBSTRING_BITS):
    raise ValueError("a non-ASCII trigger substring must be one character without case")
ALWAYS_BITS = sum(bit for rule, bit in RULE_BITS if not rule.triggers)


def scan_triggers_python(text: str, words: tuple[bytes, ...], substrings: tuple[bytes, ...]) -> tuple[list[int], int]:
    """The indices in `words` of the `[a-z]+` words of `text.lower()`, ascending, and the mask of the ASCII
    `substrings` that occur in it (bit i for `substrings[i]`).

    The specification of `newsclean._wordscan.scan_triggers`, which does the same in one pass over the text
    without making an object per word (about 45 us an article here, 3 us there).
    """
    lowered = text.lower().encode("utf-8", "surrogatepass")
    present = frozenset(lowered.translate(_NOT_ASCII_LOWER).split())
    indices = [index for index, word in enumerate(words) if word in present]
    mask = sum(1 << index for index, substring in enumerate(substrings) if substring in lowered)
    return indices, mask


def _load_scanner() -> Callable[[str, tuple[bytes, ...], tuple[bytes, ...]], tuple[list[int], int]]:
    """The C scanner, unless it is not built or NEWSCLEAN_PUREPYTHON=1 (NEWSCLEAN_REQUIRE_SPEEDUPS=1: must be)."""
    if os.environ.get("NEWSCLEAN_PUREPYTHON", "") == "1":
        return scan_triggers_python
    try:
        from .. import _wordscan
    except ImportError:
        if os.environ.get("NEWSCLEAN_REQUIRE_SPEEDUPS", "") == "1":
            raise
        return scan_triggers_python
    return _wordscan.scan_triggers


SCAN_TRIGGERS = _load_scanner()


def triggered_bits(text: str) -> int:
    """The bits of the rules whose triggers occur in `text` (rules without triggers always).

    A rule's trigger word occurs when it is one of the `[a-z]+` words of `text.lower()`; its substring when
    `text.lower()` contains it.
    """
    indices, mask = SCAN_TRIGGERS(text, TRIGGER_WORDS, ASCII_SUBSTRINGS)
    bits = ALWAYS_BITS
    for index in indices:
        bits |= TRIGGER_WORD_BITS[index]
    index = 0
    while mask:
        if mask & 1:
            bits |= ASCII_SUBSTRING_BITS[index]
        mask >>= 1
        index += 1
    for character, substring_bits in CASELESS_SUBSTRING_BITS:
        if character in text:
            bits |= substring_bits
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
