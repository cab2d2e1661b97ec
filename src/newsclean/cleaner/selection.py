"""Which rules can fire on one article: the `triggers` of every rule, tested all at once.

Testing each rule's triggers against the article costs a Python call per rule (about 45 per article). Instead
every rule gets one bit, each trigger word maps to the bits of the rules it opens, and the article's words are
looked up once in the trigger vocabulary, in one pass over the text by the C scanner `newsclean._wordscan`
(its specification, `scan_triggers_python`, runs when it is not built). The result is the same as testing rule
by rule whether one of its `trigger_words` is a `[a-z]+` word of the lowered article or one of its
`trigger_substrings` occurs in it; the tuples of selected rules are cached per bit mask, so articles with the
same selection share the very same tuple objects (which the engine's per-paragraph memo compares by identity).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from typing import Final

from ..config import CleanConfig
from ..extensions import WORDSCAN
from ..patterns import ALL_RULES
from ..patterns import RULE_KINDS as REGISTERED_KINDS
from ..patterns.base import Rule
from .gates import gate_text

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
LONGEST_TRIGGER_WORD = max(map(len, TRIGGER_WORDS))
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
EVERY_RULE_BIT = sum(bit for _, bit in RULE_BITS)


#: The characters whose case folding holds an ASCII character (`ß`, `ſ`, `ﬁ`, the Kelvin sign, `İ`...) and
#: U+0307, which `gate_text` drops (tests/test_wordscan.py derives the list from all of Unicode). On a text
#: without them, the ASCII characters of `gate_text(text)` are those of `text.lower()`, in the same lines.
CASEFOLD_SPECIALS = "\u00df\u0130\u0149\u017f\u01f0\u0307\u1e96\u1e97\u1e98\u1e99\u1e9a\u1e9e\u212a\ufb00\ufb01\ufb02\ufb03\ufb04\ufb05\ufb06"  # noqa: E501

#: The characters outside ASCII that lower or case-fold to text with an ASCII letter, or that `regex` matches to
#: one ignoring case (the same as `CASEFOLD_SPECIALS`, U+0307 aside: tests/test_hints.py derives them from all of
#: Unicode). A text that holds one selects every rule (`triggered_bits`); the trigger scan reports it.
TRIGGER_UNSAFE_CHARS = CASEFOLD_SPECIALS


def scan_triggers_python(
    text: str, words: tuple[bytes, ...], substrings: tuple[bytes, ...], unsafe: str = ""
) -> tuple[list[int], int, bool]:
    """The indices in `words` of the `[a-z]+` words of `text.lower()`, ascending, the mask of the ASCII
    `substrings` that occur in it (bit i for `substrings[i]`), and whether `text` holds a character of `unsafe`.

    The specification of `newsclean._wordscan.TriggerScanner(words, substrings, unsafe)(text)`, which does the same in
    one pass over the text without making an object per word, far cheaper than this Python form.
    """
    lowered = text.lower().encode("utf-8", "surrogatepass")
    present = frozenset(lowered.translate(_NOT_ASCII_LOWER).split())
    indices = [index for index, word in enumerate(words) if word in present]
    mask = sum(1 << index for index, substring in enumerate(substrings) if substring in lowered)
    return indices, mask, any(char in text for char in unsafe)


#: The trigger words and substrings found in a text: the C scanner, whose tables are built once here.
SCAN_TRIGGERS: Callable[[str], tuple[list[int], int, bool]] = (
    WORDSCAN.TriggerScanner(TRIGGER_WORDS, ASCII_SUBSTRINGS, TRIGGER_UNSAFE_CHARS)
    if WORDSCAN is not None
    else functools.partial(
        scan_triggers_python, words=TRIGGER_WORDS, substrings=ASCII_SUBSTRINGS, unsafe=TRIGGER_UNSAFE_CHARS
    )
)


def triggered_bits(text: str) -> int:
    """The bits of the rules whose triggers occur in `text` (rules without triggers always).

    A rule's trigger word occurs when it is one of the `[a-z]+` words of `text.lower()`; its substring when
    `text.lower()` contains it. A text holding one of `TRIGGER_UNSAFE_CHARS` selects every rule: there a
    pattern can match letters that the lowered text does not show (`ſ` matches `s` ignoring case, `İ` lowers
    to `i` and a combining dot), and the triggers, which tests/test_hints.py proves only for the rest, could lie.
    """
    indices, mask, unsafe = SCAN_TRIGGERS(text)
    if unsafe:
        return EVERY_RULE_BIT
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


#: Every rule name and its kind, as the registry gives them (`newsclean.patterns.RULE_KINDS`).
RULE_KINDS: dict[str, str] = dict(REGISTERED_KINDS)


@functools.lru_cache(maxsize=64)
def enabled_rules(config: CleanConfig) -> tuple[int, frozenset[str]]:
    """The bits of the catalogue rules `config` leaves on, and the names of every rule it leaves on (configs
    are frozen and hashable: asked once per config, not once per rule and article)."""
    bits = sum(bit for rule, bit in RULE_BITS if config.enabled(rule.name, rule.kind))
    return bits, frozenset(name for name, kind in RULE_KINDS.items() if config.enabled(name, kind))


SCOPE_BITS: dict[str, int] = {scope: sum(bit for rule, bit in RULE_BITS if rule.scope == scope) for scope in SCOPES}


@functools.lru_cache(maxsize=4096)
def rules_for_bits(bits: int) -> tuple[Rule, ...]:
    """The rules whose bit is set, in catalogue order (the order decides which rule wins)."""
    return tuple(rule for rule, bit in RULE_BITS if bits & bit)


def rules_by_scope(bits: int) -> dict[str, tuple[Rule, ...]]:
    """The rules whose bit is set, per scope, in catalogue order."""
    return {scope: rules_for_bits(bits & SCOPE_BITS[scope]) for scope in SCOPES}


#: Line rules a paragraph's first character admits, and what their gates ask of the paragraph beyond it (one of
#: the modes below: with `needs` or `also_needs` on the gate text, its fold is worth making).
LineGate = tuple[tuple[Rule, ...], int]
#: What a line gate asks of a paragraph: nothing, its needs on the text itself (every need of these rules is
#: one caseless character, `(`: no other character folds to one, a test checks all of Unicode), or its
#: needs on the gate text; with either, how it opens (`Rule.starts_with`, `Rule.opens_with`) and ends
#: (`Rule.ends_with`, `Rule.closes_with`).
NO_NEEDS, RAW_NEEDS, FOLDED_NEEDS = 0, 1, 2


def _needs_on_raw_text(rule: Rule) -> bool:
    return not rule.also_needs and all(len(need) == 1 and need.casefold() == need.upper() for need in rule.needs)


def _line_gate(rules: tuple[Rule, ...]) -> LineGate:
    gated = [
        rule
        for rule in rules
        if rule.needs or rule.also_needs or rule.starts_with or rule.ends_with or rule.opens_with or rule.closes_with
    ]
    if not gated:
        return rules, NO_NEEDS
    return rules, RAW_NEEDS if all(map(_needs_on_raw_text, gated)) else FOLDED_NEEDS


@functools.lru_cache(maxsize=4096)
def line_rules_by_first_char(rules: tuple[Rule, ...]) -> dict[str, LineGate]:
    """For each first character of a gate text, the rules of `rules` whose `first_chars` admit it, in order.

    A character that no rule names maps to nothing here: the caller uses `rules_without_first_chars`. The
    empty text admits every rule (no first character to test).
    """
    chars = {char for rule in rules for char in rule.first_chars}
    dispatch = {
        char: _line_gate(tuple(r for r in rules if not r.first_chars or char in r.first_chars)) for char in chars
    }
    dispatch[""] = _line_gate(rules)
    return dispatch


@functools.lru_cache(maxsize=4096)
def rules_without_first_chars(rules: tuple[Rule, ...]) -> LineGate:
    return _line_gate(tuple(rule for rule in rules if not rule.first_chars))




def needle_lines_python(text: str, needles: tuple[bytes, ...]) -> list[tuple[int, int]]:
    """For each line of `gate_text(text)` that holds one of the ASCII `needles`, (its number, the mask of the
    needles it holds: bit i for `needles[i]`), in line order.

    The specification of `newsclean._wordscan.needle_lines`, which finds them in one pass over the text, with
    no case-folded copy, when the text holds none of the `CASEFOLD_SPECIALS` (and this runs when it does).
    """
    decoded = [needle.decode("ascii") for needle in needles]
    found = []
    for number, line in enumerate(gate_text(text).split("\n")):
        mask = sum(1 << index for index, needle in enumerate(decoded) if needle in line)
        if mask:
            found.append((number, mask))
    return found


def needle_lines(text: str, needles: tuple[bytes, ...]) -> list[tuple[int, int]]:
    """`needle_lines_python(text, needles)`, by the C scan when it is built and applies."""
    if WORDSCAN is not None:
        found: list[tuple[int, int]] | None = WORDSCAN.needle_lines(text, needles, CASEFOLD_SPECIALS)
        if found is not None:
            return found
    return needle_lines_python(text, needles)


_INLINE_NEEDS = {need for rule, _ in RULE_BITS if rule.scope == "inline" for need in rule.needs}
if len(_INLINE_NEEDS) > 64 or not all(
    need.isascii() and len(need) >= 2 and "\n" not in need and need == need.casefold() for need in _INLINE_NEEDS
):
    raise ValueError("inline needs must be at most 64, case-folded ASCII of two or more characters, one line")


@functools.lru_cache(maxsize=4096)
def inline_needles(inline_rules: tuple[Rule, ...]) -> InlineNeedles:
    """The distinct `needs` of `inline_rules` (as ASCII bytes), each rule with the mask of its needs among
    them (0 for a rule without needs, which may match any paragraph), and whether there is such a rule."""
    needles = tuple(dict.fromkeys(need.encode("ascii") for rule in inline_rules for need in rule.needs))
    position = {needle: index for index, needle in enumerate(needles)}
    masks = tuple(
        (rule, sum(1 << position[need.encode("ascii")] for need in set(rule.needs))) for rule in inline_rules
    )
    return needles, masks, any(not mask for _, mask in masks)


#: The needles of a selection's inline rules, each rule with the mask of its needles, and whether a rule has
#: none (`inline_needles`).
InlineNeedles = tuple[tuple[bytes, ...], tuple[tuple[Rule, int], ...], bool]


class RuleSelection:
    """The rules an article selects (by their bits), per scope, and what the engine derives from them: the line
    rules' gates by first character and the inline rules' needles.

    Why: every pass asked the cached helpers for these by the rules' tuple, and a cache call hashes the tuple
    (several calls a pass); made once per selection, they are attributes.
    """

    __slots__ = ("inline_needles", "line_gate_otherwise", "line_gates", "scopes")
    scopes: Final[dict[str, tuple[Rule, ...]]]
    #: `line_rules_by_first_char` and `rules_without_first_chars` of the line rules.
    line_gates: Final[dict[str, LineGate]]
    line_gate_otherwise: Final[LineGate]
    inline_needles: Final[InlineNeedles]

    def __init__(self, bits: int) -> None:
        self.scopes = rules_by_scope(bits)
        self.line_gates = line_rules_by_first_char(self.scopes["line"])
        self.line_gate_otherwise = rules_without_first_chars(self.scopes["line"])
        self.inline_needles = inline_needles(self.scopes["inline"])


@functools.lru_cache(maxsize=4096)
def select_rules(bits: int) -> RuleSelection:
    """The `RuleSelection` of `bits`, the same object for the same bits (answers remembered per article
    compare the rules they tried by identity)."""
    return RuleSelection(bits)
