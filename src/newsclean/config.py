"""Settings of the cleaner: a frozen pydantic model, so a typo in a setting is an error, not a silent default."""

from __future__ import annotations

import difflib

from pydantic import Field, field_validator

from ._model_base import FrozenModel
from .models import RemovalKind
from .patterns import RULE_NAMES


class CleanConfig(FrozenModel):
    """What `clean()` does. Every rule can be turned off by name (see `newsclean.patterns.RULE_NAMES`) or by kind.

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
        unknown = sorted(names - set(RULE_NAMES))
        if unknown:
            hints = {name: difflib.get_close_matches(name, RULE_NAMES, n=1) for name in unknown}
            described = ", ".join(f"{n!r}" + (f" (did you mean {h[0]!r}?)" if h else "") for n, h in hints.items())
            raise ValueError(f"unknown rule names: {described}; see newsclean.patterns.RULE_NAMES")
        return names

    def enabled(self, rule: str, kind: str) -> bool:
        return rule not in self.disabled_rules and kind not in self.disabled_kinds
