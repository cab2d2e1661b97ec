"""Settings of the cleaner: a frozen pydantic model, so a typo in a setting is an error, not a silent default."""

from __future__ import annotations

from pydantic import Field

from ._model_base import FrozenModel
from .models import RemovalKind


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

    def enabled(self, rule: str, kind: str) -> bool:
        return rule not in self.disabled_rules and kind not in self.disabled_kinds
