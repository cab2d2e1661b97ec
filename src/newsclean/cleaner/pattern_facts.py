"""What every match of a rule's pattern must hold, read off the pattern itself: the facts its speed hints rest on.

A rule's hints (`triggers`, `needs`, `also_needs`, `first_chars`, `starts_with`) are each a necessary condition of
its pattern: the engine skips the rule where the hint fails, so a hint that a match can break changes the output
(`GoogleIlustrasi ...` went unremoved because the trigger `ilustrasi` was asked as a whole word). Instead of
trusting them, tests/test_hints.py asks this module whether each hint follows from the pattern, for every rule.

How: the pattern is parsed (by the standard library's regular-expression parser, after writing the `regex`
module's `\\p{...}` classes as placeholders whose membership is asked of `regex` itself) and each node is read as
a set of *skeletons*: the strings it can match, case-folded, where `SEPARATOR` stands for one character that
is no letter a trigger or need could be made of (or for the edge of the text). A sequence of nodes with small
skeleton sets joins them into longer ones; a node with too many possibilities breaks the run. A run's
skeletons are a necessary condition: every match holds one of them. A hint follows from the pattern when some
necessary condition implies it; alternatives must each imply it. The facts are conservative: a hint they
cannot prove is reported, never one that a match can break.
"""

from __future__ import annotations

import functools
import itertools
import re
import sys
from collections.abc import Callable, Iterable

import regex

if sys.version_info >= (3, 11):
    from re import _constants as sre_constants
    from re import _parser as sre_parse
else:  # pragma: no cover - Python 3.10
    import sre_constants
    import sre_parse

#: One character that is not an ASCII letter and does not turn into one when lowered or case-folded, or the
#: edge of the text: what bounds a word for the trigger scan (`[a-z]+` words of the lowered text).
SEPARATOR = "\x00"
#: Skeleton sets larger than this are not formed: the run breaks there (still sound, less precise).
MAX_SKELETONS = 4096
#: Private-use characters stand for the `regex` property classes the stdlib parser does not know.
_PLACEHOLDER_BASE = 0xF0000
_PROPERTY = re.compile(r"\\([pP])\{\{?([^}]*)\}\}?")

Skeletons = frozenset[str]


@functools.lru_cache(maxsize=1)
def letterish() -> frozenset[str]:
    """The characters a trigger word or need can be made of: ASCII letters, and every other character that
    lowers or case-folds to text with one, or that `regex` matches to one ignoring case (`K`, `ſ`, `İ`, `ß`)."""
    found = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
    ascii_letter = re.compile("[A-Za-z]")
    ignoring_case = regex.compile("(?i)[a-z]", regex.V1)
    for code in range(0x80, sys.maxunicode + 1):
        char = chr(code)
        if ascii_letter.search(char.lower() + char.casefold()) or ignoring_case.fullmatch(char):
            found.add(char)
    return frozenset(found)


#: A named backreference, `(?P=name)`.
BACKREFERENCE = re.compile(r"\(\?P=\w+\)")


class Pattern:
    """A rule pattern parsed for its facts."""

    def __init__(self, source: str, flags: int = 0) -> None:
        self.properties: dict[str, str] = {}
        self.tree = sre_parse.parse(self._placeholders(source), flags & ~regex.V1 & ~regex.VERSION1)
        self.letters = letterish()

    def _placeholders(self, source: str) -> str:
        """`source` with each `\\p{X}` written as a placeholder character (a class of its own outside brackets)
        and every group made non-capturing (the `regex` module allows a group name twice, the parser does not).
        A backreference (`(?P=handle)`) becomes any text: every match of the pattern is a match of what is
        parsed, so a fact that holds for every match of the parse holds for the pattern's."""
        inside_class = False
        out: list[str] = []
        index = 0
        while index < len(source):
            char = source[index]
            if char == "\\":
                found = _PROPERTY.match(source, index)
                if found:
                    placeholder = self._placeholder(found.group(0))
                    out.append(placeholder if inside_class else f"[{placeholder}]")
                    index = found.end()
                    continue
                out.append(source[index : index + 2])
                index += 2
                continue
            if char == "[" and not inside_class:
                inside_class = True
                out.append(char)
                if source.startswith("^", index + 1):
                    out.append("^")
                    index += 1
                if source.startswith("]", index + 1):
                    out.append("\\]")
                    index += 1
                index += 1
                continue
            if char == "]" and inside_class:
                inside_class = False
            out.append(char)
            index += 1
        return BACKREFERENCE.sub(r"(?:[\\s\\S]*)", re.sub(r"\(\?P<\w+>", "(?:", "".join(out)))

    def _placeholder(self, written: str) -> str:
        negated, name = written[1] == "P", _PROPERTY.match(written).group(2)  # type: ignore[union-attr]
        key = ("\\P" if negated else "\\p") + "{" + name + "}"
        if key not in self.properties:
            self.properties[key] = chr(_PLACEHOLDER_BASE + len(self.properties))
        return self.properties[key]

    # ------------------------------------------------------------------ characters

    @functools.cached_property
    def _property_of(self) -> dict[int, regex.Pattern[str]]:
        return {ord(char): regex.compile(key, regex.V1) for key, char in self.properties.items()}

    def _class_holds(self, items: list, char: str, ignore_case: bool) -> bool:
        """Whether the class `items` (a parsed `[...]`) matches `char`."""
        negate = bool(items) and items[0][0] is sre_constants.NEGATE
        variants = {char, char.lower(), char.upper()} if ignore_case else {char}
        hit = any(self._item_holds(item, variant) for item in items for variant in variants)
        return hit != negate

    def _item_holds(self, item: tuple, char: str) -> bool:
        op, value = item
        if op is sre_constants.LITERAL:
            prop = self._property_of.get(value)
            return prop.fullmatch(char) is not None if prop is not None else chr(value) == char
        if op is sre_constants.RANGE:
            # An upper-case variant can be two characters (`ß` -> `SS`): no single character of a range.
            return len(char) == 1 and value[0] <= ord(char) <= value[1]
        if op is sre_constants.CATEGORY:
            return _CATEGORY_TESTS[value](char)
        return False

    def _class_skeletons(self, items: list, ignore_case: bool) -> Skeletons | None:
        """A class read as skeletons: its few characters, or `SEPARATOR` when it matches no letter-like one."""
        plain = [item for item in items if item[0] is sre_constants.LITERAL and item[1] not in self._property_of]
        if len(plain) == len(items) and len(plain) <= 16:
            return frozenset(_fold(chr(value)) for _, value in plain)
        if not any(self._class_holds(items, char, ignore_case) for char in self.letters):
            return frozenset({SEPARATOR})
        return None

    # ------------------------------------------------------------------ skeletons

    def skeletons(self, node: tuple, ignore_case: bool) -> Skeletons | None:
        """The case-folded strings `node` can match (as a set), or None when there are too many to list.

        Zero-width nodes give the empty string, or `SEPARATOR` where they assert one (`\\b`, `^`, `$`, a
        lookbehind or negative lookaround of a letter class).
        """
        op, value = node
        if op is sre_constants.LITERAL:
            if value in self._property_of:
                return self._class_skeletons([node], ignore_case)
            return frozenset({_fold(chr(value))})
        if op is sre_constants.IN:
            return self._class_skeletons(value, ignore_case)
        if op is sre_constants.AT:
            if value in _EDGE_ASSERTIONS:
                return frozenset({SEPARATOR})
            return frozenset({""})
        if op is sre_constants.SUBPATTERN:
            return self.sequence_skeletons(value[3], _scoped(ignore_case, value[1], value[2]))
        if op is _ATOMIC_GROUP:
            return self.sequence_skeletons(value, ignore_case)
        if op is sre_constants.BRANCH:
            result: set[str] = set()
            for branch in value[1]:
                found = self.sequence_skeletons(branch, ignore_case)
                if found is None or len(result) + len(found) > MAX_SKELETONS:
                    return None
                result |= found
            return frozenset(result)
        if op in _REPEATS:
            low, high, body = value
            found = self.sequence_skeletons(body, ignore_case)
            if found is None:
                return None
            if found <= {SEPARATOR, ""}:
                return frozenset({SEPARATOR} if low else {SEPARATOR, ""}) if SEPARATOR in found else frozenset({""})
            if low == high and len(found) ** low <= MAX_SKELETONS:
                return _power(found, low)
            if low == 0 and high == 1:
                return found | {""}
            return None
        if op is sre_constants.ASSERT:
            direction, body = value
            if direction < 0:
                return self.sequence_skeletons(body, ignore_case)
            return frozenset({""})
        if op is sre_constants.ASSERT_NOT:
            body = list(value[1])
            if len(body) == 1 and body[0][0] in (sre_constants.IN, sre_constants.LITERAL):
                items = body[0][1] if body[0][0] is sre_constants.IN else [body[0]]
                if all(self._class_holds(items, char, ignore_case) for char in self.letters):
                    return frozenset({SEPARATOR})
            return frozenset({""})
        return None

    def sequence_skeletons(self, sequence: Iterable[tuple], ignore_case: bool) -> Skeletons | None:
        result: Skeletons = frozenset({""})
        for node in sequence:
            found = self.skeletons(node, ignore_case)
            if found is None or len(result) * len(found) > MAX_SKELETONS:
                return None
            result = _join(result, found)
        return result

    # ------------------------------------------------------------------ necessary conditions

    def implies(self, accepts: Callable[[Skeletons], bool]) -> bool:
        """Whether some necessary condition of every match (a run of skeletons, or a combination of them
        across alternatives) is one that `accepts` takes."""
        return self._implies([(node, False) for node in self.tree], accepts, frozenset({""}))

    def _implies(self, nodes: list[tuple[tuple, bool]], accepts: Callable[[Skeletons], bool], run: Skeletons) -> bool:
        """`implies` for the nodes (each with its ignore-case flag) that follow one of the skeletons `run`.

        A node with few skeletons extends the run. Any other node is expanded with what follows it: a group
        into its body, alternatives each on their own (all must imply), a repeat into one copy of its body
        and then an unknown; a lookahead's body is a condition that holds right after the run. What cannot be
        expanded ends the run, and the next node starts a new one.
        """
        for position, (node, ignore_case) in enumerate(nodes):
            op, value = node
            if op is sre_constants.ASSERT and value[0] < 0:
                found = self.skeletons(node, ignore_case)
                if _meaningful(run) and accepts(run):
                    return True
                run = found if found is not None else frozenset({""})
                continue
            if op is sre_constants.ASSERT:
                if self._implies([(inner, ignore_case) for inner in value[1]], accepts, run):
                    return True
                continue
            found = self.skeletons(node, ignore_case)
            if found is not None and len(run) * len(found) <= MAX_SKELETONS:
                run = _join(run, found)
                continue
            if _meaningful(run) and accepts(run):
                return True
            rest = nodes[position + 1 :]
            expansions = self._expansions(node, ignore_case)
            if expansions is not None and all(self._implies(body + rest, accepts, run) for body in expansions):
                return True
            run = found if found is not None else frozenset({""})
        return _meaningful(run) and accepts(run)

    def _expansions(self, node: tuple, ignore_case: bool) -> list[list[tuple[tuple, bool]]] | None:
        """What a node can be read as, each a list of nodes: every match of the node matches one of them."""
        op, value = node
        if op is sre_constants.SUBPATTERN:
            scoped = _scoped(ignore_case, value[1], value[2])
            return [[(inner, scoped) for inner in value[3]]]
        if op is _ATOMIC_GROUP:
            return [[(inner, ignore_case) for inner in value]]
        if op is sre_constants.BRANCH:
            return [[(inner, ignore_case) for inner in branch] for branch in value[1]]
        if op in _REPEATS and value[0] >= 1:
            return [[(inner, ignore_case) for inner in value[2]] + [(_UNKNOWN, ignore_case)]]
        return None

    # ------------------------------------------------------------------ openings

    def openings(self, exact: bool) -> Skeletons | None:
        """The strings every match starts with, one of these: case-folded, or with `exact` as written (a
        letter matched ignoring case makes the written form unknown). None when a match can start with any
        character."""
        found = self._sequence_openings(list(self.tree), 0, False, exact)
        if found is None:
            return None
        prefixes = frozenset(prefix.removesuffix(_OPEN) for prefix in found)
        return None if "" in prefixes else prefixes

    def _sequence_openings(self, sequence: list[tuple], index: int, ignore_case: bool, exact: bool) -> Skeletons | None:
        """The openings of `sequence[index:]`: complete strings, or strings marked `_OPEN` that something
        unknown follows."""
        while index < len(sequence) and sequence[index][0] in _ZERO_WIDTH:
            index += 1
        if index == len(sequence):
            return frozenset({""})
        op, value = sequence[index]
        if op in _REPEATS and value[0] == 0:
            without = self._sequence_openings(sequence, index + 1, ignore_case, exact)
            if value[1] == 1:
                # One copy or none: the copy goes on into what follows it (`\)\.?` ends with `)` or `).`).
                once = self._sequence_openings([*value[2], *sequence[index + 1 :]], 0, ignore_case, exact)
                return None if once is None or without is None else once | without
            with_it = self._group_openings(list(value[2]), ignore_case, exact)
            if with_it is None or without is None:
                return None
            return frozenset(prefix.removesuffix(_OPEN) + _OPEN for prefix in with_it if prefix) | without
        found = self._node_openings(sequence[index], ignore_case, exact)
        if found is None:
            return None
        rest: Skeletons | None = None
        result: set[str] = set()
        for prefix in found:
            if prefix.endswith(_OPEN):
                result.add(prefix)
                continue
            if rest is None:
                rest = self._sequence_openings(sequence, index + 1, ignore_case, exact) or frozenset({_OPEN})
            if len(result) + len(rest) > MAX_SKELETONS:
                result.add(prefix + _OPEN)
            else:
                result.update(prefix + tail for tail in rest)
        return frozenset(result)

    def _group_openings(self, sequence: list[tuple], ignore_case: bool, exact: bool) -> Skeletons | None:
        return self._sequence_openings(sequence, 0, ignore_case, exact)

    def _node_openings(self, node: tuple, ignore_case: bool, exact: bool) -> Skeletons | None:
        op, value = node
        if op is sre_constants.LITERAL and value not in self._property_of:
            char = chr(value)
            if exact and ignore_case and char.lower() != char.upper():
                return None
            return frozenset({char if exact else _fold(char)})
        if op is sre_constants.IN:
            plain = [item for item in value if item[0] is sre_constants.LITERAL and item[1] not in self._property_of]
            if len(plain) != len(value) or len(plain) > MAX_SKELETONS:
                return None
            chars = [chr(item[1]) for item in plain]
            if exact:
                if ignore_case and any(char.lower() != char.upper() for char in chars):
                    return None
                return frozenset(chars)
            return frozenset(_fold(char) for char in chars)
        if op is sre_constants.SUBPATTERN:
            return self._group_openings(list(value[3]), _scoped(ignore_case, value[1], value[2]), exact)
        if op is _ATOMIC_GROUP:
            return self._group_openings(list(value), ignore_case, exact)
        if op is sre_constants.BRANCH:
            result: set[str] = set()
            for branch in value[1]:
                found = self._group_openings(list(branch), ignore_case, exact)
                if found is None:
                    return None
                result |= found
            return frozenset(result)
        if op in _REPEATS:
            found = self._group_openings(list(value[2]), ignore_case, exact)
            if found is None:
                return None
            if value[0] == value[1] == 1:
                return found
            return frozenset(prefix.removesuffix(_OPEN) + _OPEN for prefix in found if prefix) or None
        return None

    def first_characters(self) -> frozenset[str] | None:
        """The case-folded characters a match can start with, or None when it can start with any."""
        folded = self.openings(exact=False)
        return None if folded is None else frozenset(prefix[:1] for prefix in folded)

    # ------------------------------------------------------------------ endings

    def endings(self) -> Skeletons | None:
        """The strings every match ends with, one of these, as written (see `openings`): the openings of the
        pattern read backwards, read forwards again. None when a match can end with any character."""
        found = self._sequence_openings(_backwards(list(self.tree)), 0, False, exact=True)
        if found is None:
            return None
        suffixes = frozenset(prefix.removesuffix(_OPEN)[::-1] for prefix in found)
        return None if "" in suffixes else suffixes


def _backwards(sequence: list[tuple]) -> list[tuple]:
    """`sequence` read from its end: the nodes in reverse order, each group's and repeat's body reversed too.
    A match of the pattern, reversed, matches the reversed pattern (lookarounds, which consume nothing, are
    left as they are: openings skip them)."""
    reversed_nodes = []
    for op, value in reversed(sequence):
        if op is sre_constants.SUBPATTERN:
            value = (*value[:3], _backwards(list(value[3])))
        elif op is sre_constants.BRANCH:
            value = (value[0], [_backwards(list(branch)) for branch in value[1]])
        elif op in _REPEATS:
            value = (value[0], value[1], _backwards(list(value[2])))
        elif op is _ATOMIC_GROUP:
            value = _backwards(list(value))
        reversed_nodes.append((op, value))
    return reversed_nodes


#: A node that stands for text nothing is known of (the copies of a repeat after its first).
_UNKNOWN = (sre_constants.ANY, None)
#: Marks a prefix that more of its node may follow (it cannot be joined to the next node's prefixes).
_OPEN = "\x01"
#: Atomic groups (`(?>...)`), which the parser of Python 3.11 knows and that of 3.10 does not.
_ATOMIC_GROUP = getattr(sre_constants, "ATOMIC_GROUP", None)
_ZERO_WIDTH = (sre_constants.AT, sre_constants.ASSERT, sre_constants.ASSERT_NOT)
_REPEATS = tuple(
    getattr(sre_constants, name)
    for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")
    if hasattr(sre_constants, name)
)
_EDGE_ASSERTIONS = (
    sre_constants.AT_BEGINNING,
    sre_constants.AT_END,
    sre_constants.AT_BEGINNING_STRING,
    sre_constants.AT_END_STRING,
    sre_constants.AT_BOUNDARY,
    sre_constants.AT_UNI_BOUNDARY,
    sre_constants.AT_LOC_BOUNDARY,
)
_CATEGORY_TESTS: dict[object, Callable[[str], bool]] = {
    sre_constants.CATEGORY_DIGIT: lambda char: re.fullmatch(r"\d", char) is not None,
    sre_constants.CATEGORY_NOT_DIGIT: lambda char: re.fullmatch(r"\D", char) is not None,
    sre_constants.CATEGORY_SPACE: lambda char: re.fullmatch(r"\s", char) is not None,
    sre_constants.CATEGORY_NOT_SPACE: lambda char: re.fullmatch(r"\S", char) is not None,
    sre_constants.CATEGORY_WORD: lambda char: re.fullmatch(r"\w", char) is not None,
    sre_constants.CATEGORY_NOT_WORD: lambda char: re.fullmatch(r"\W", char) is not None,
}


def _fold(char: str) -> str:
    """A literal as the gate text shows it: case-folded (a case-sensitive literal too, since the gate text is),
    without U+0307."""
    return char.casefold().replace("\u0307", "")


def _scoped(ignore_case: bool, add_flags: int, del_flags: int) -> bool:
    if add_flags & re.IGNORECASE:
        return True
    if del_flags & re.IGNORECASE:
        return False
    return ignore_case


def _join(first: Skeletons, second: Skeletons) -> Skeletons:
    joined = set()
    for a, b in itertools.product(first, second):
        text = a + b
        while SEPARATOR * 2 in text:
            text = text.replace(SEPARATOR * 2, SEPARATOR)
        joined.add(text)
    return frozenset(joined)


def _power(found: Skeletons, times: int) -> Skeletons:
    result: Skeletons = frozenset({""})
    for _ in range(times):
        result = _join(result, found)
    return result


def _meaningful(run: Skeletons) -> bool:
    """A run says something only when every alternative holds a character of the text."""
    return all(text.replace(SEPARATOR, "") for text in run)


# ---------------------------------------------------------------------- hints as conditions on skeletons


def contains_one_of(needles: Iterable[str]) -> Callable[[Skeletons], bool]:
    """A condition on skeletons: each holds one of `needles` (case-folded text)."""
    wanted = tuple(needles)
    return lambda run: all(any(needle in text for needle in wanted) for text in run)


def triggers_hold(words: Iterable[str], substrings: Iterable[str]) -> Callable[[Skeletons], bool]:
    """A condition on skeletons: each holds one of `substrings`, or one of `words` as a whole `[a-z]+` word
    (bounded on both sides, inside the skeleton, by a character that is no ASCII letter, or by `SEPARATOR`)."""
    word_list, substring_list = tuple(words), tuple(substrings)

    def bounded(text: str) -> bool:
        for word in word_list:
            for found in re.finditer(re.escape(word), text):
                start, end = found.start(), found.end()
                inside = start > 0 and end < len(text)
                if inside and not _ascii_letter(text[start - 1]) and not _ascii_letter(text[end]):
                    return True
        return False

    return lambda run: all(any(s in text for s in substring_list) or bounded(text) for text in run)


def _ascii_letter(char: str) -> bool:
    return "a" <= char <= "z" or "A" <= char <= "Z"


@functools.lru_cache(maxsize=256)
def parsed(source: str, flags: int = 0) -> Pattern:
    return Pattern(source, flags)
