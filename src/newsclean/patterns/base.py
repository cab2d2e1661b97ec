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


@dataclass(frozen=True, slots=True)
class Rule:
    """One boilerplate shape: its name (for reports and for turning it off), kind, scope, pattern and why."""

    name: str
    kind: str
    scope: Scope
    pattern: regex.Pattern[str]
    why: str


def rule(name: str, kind: str, scope: Scope, pattern: str, why: str, flags: int = 0) -> Rule:
    """Compile a rule; `regex.V1` gives full Unicode properties and set operations."""
    return Rule(name, kind, scope, regex.compile(pattern, flags | regex.V1), why)
