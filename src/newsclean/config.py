"""Settings of the cleaner: a frozen pydantic model, so a typo in a setting is an error, not a silent default."""

from __future__ import annotations

import difflib

from pydantic import Field, field_serializer, field_validator, model_validator

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

    `enabled_rules` keeps rules on inside a disabled kind (`newsclean clean --disable caption --enable
    caption.photo_line`): a rule is on unless it is disabled by name, or its kind is disabled and it is not
    enabled by name. Learned removals (`learned.*`) are judged by the kind of the entry that matched.
    """

    normalize: bool = Field(default=True, description="repair encodings, entities, spaces and lost breaks first")
    rejoin_lines: bool = Field(default=True, description="join hard-wrapped lines back into paragraphs")
    remove_boilerplate: bool = Field(default=True, description="apply the rules and the learned profile")
    remove_repeats: bool = Field(default=True, description="remove paragraphs that repeat an earlier one")
    disabled_rules: frozenset[str] = Field(default=frozenset(), description="rules turned off by name (`--disable`)")
    disabled_kinds: frozenset[RemovalKind] = Field(
        default=frozenset(), description="kinds turned off, learned removals of the kind too (`--disable KIND`)"
    )
    enabled_rules: frozenset[str] = Field(default=frozenset(), description="rules left on when their kind is off")
    min_repeat_chars: int = Field(default=40, ge=1, description="shorter paragraphs are never removed as repeats")

    @field_validator("disabled_rules", "enabled_rules")
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

    @field_serializer("disabled_rules", "disabled_kinds", "enabled_rules")
    def _sorted(self, names: frozenset[str]) -> list[str]:
        """Sorted lists in a dump: JSON has no sets, and a report should read the same from run to run."""
        return sorted(names)

    @model_validator(mode="after")
    def _not_both(self) -> CleanConfig:
        """A rule both disabled and enabled by name is a contradiction, not a setting to guess at."""
        both = sorted(self.disabled_rules & self.enabled_rules)
        if both:
            raise ValueError(f"rules both disabled and enabled: {', '.join(both)}")
        return self

    def enabled(self, rule: str, kind: str) -> bool:
        if rule in self.disabled_rules:
            return False
        return kind not in self.disabled_kinds or rule in self.enabled_rules
