"""Settings of the cleaner: a frozen pydantic model, so a typo in a setting is an error, not a silent default."""

from __future__ import annotations

import difflib

from pydantic import Field, field_validator

from ._model_base import FrozenModel
from .models import RemovalKind
from .patterns import LISTED_RULE_NAMES, RULE_KINDS

#: The kinds of the registry's rules, in the order they first appear there: what `disabled_kinds` accepts.
RULE_KIND_NAMES: tuple[str, ...] = tuple(dict.fromkeys(RULE_KINDS.values()))


class CleanConfig(FrozenModel):
    """What `clean()` does. Every rule can be turned off by name or by kind: any name and kind that `newsclean rules`
    lists (the registry, `newsclean.patterns.REGISTRY`, and the rules of a learned profile).

    >>> CleanConfig(disabled_rules=frozenset({"credit.trailing_code"}))  # doctest: +ELLIPSIS
    CleanConfig(...)
    """

    normalize: bool = True
    rejoin_lines: bool = True
    remove_boilerplate: bool = True
    remove_repeats: bool = True
    disabled_rules: frozenset[str] = frozenset()
    disabled_kinds: frozenset[RemovalKind] = frozenset()
    min_repeat_chars: int = Field(default=40, ge=1, description="shorter paragraphs are never removed as repeats")

    @field_validator("disabled_rules")
    @classmethod
    def _known_rules(cls, names: frozenset[str]) -> frozenset[str]:
        """A misspelt rule name would disable nothing and say nothing: refuse it, naming the close matches."""
        unknown = sorted(names - set(LISTED_RULE_NAMES))
        if unknown:
            hints = {name: difflib.get_close_matches(name, LISTED_RULE_NAMES, n=1) for name in unknown}
            described = ", ".join(f"{n!r}" + (f" (did you mean {h[0]!r}?)" if h else "") for n, h in hints.items())
            raise ValueError(f"unknown rule names: {described}; `newsclean rules` lists them all")
        return names

    @field_validator("disabled_kinds", mode="before")
    @classmethod
    def _known_kinds(cls, kinds: object) -> object:
        """A kind that no rule removes would disable nothing and say nothing: refuse it, naming the close matches
        (asked before the values are checked as `RemovalKind`s, so a misspelt kind gets the same hint)."""
        if not isinstance(kinds, (set, frozenset, list, tuple)):
            return kinds  # not a collection of kinds: the type check says so
        unknown = sorted({kind for kind in kinds if kind not in RULE_KIND_NAMES}, key=str)
        if unknown:
            hints = {kind: difflib.get_close_matches(str(kind), RULE_KIND_NAMES, n=1) for kind in unknown}
            described = ", ".join(f"{k!r}" + (f" (did you mean {h[0]!r}?)" if h else "") for k, h in hints.items())
            raise ValueError(f"unknown rule kinds: {described}; the kinds are {', '.join(RULE_KIND_NAMES)}")
        return kinds

    def enabled(self, rule: str, kind: str) -> bool:
        return rule not in self.disabled_rules and kind not in self.disabled_kinds
