"""Boilerplate rules as data: outlet datelines, inserts, credits, bylines and footers.

Each rule has a name (reported with every removal, and the handle to turn it off), a kind, a scope and a
one-line reason. `ALL_RULES` is the catalogue the engine in `newsclean.boilerplate` applies.
"""

from .base import REGEX_TIMEOUT, TIMEOUT_FREE_CHARS, Rule, Scope, first_gate_char, gate_text, regex_timeout
from .credits import CREDIT_CODE, CREDIT_CODE_OPENINGS, CREDIT_RULES
from .datelines import DATELINE_RULES, GLUED_DATELINE_NAMES
from .inserts import (
    CAMEL_NAMES,
    INSERT_RULES,
    RELATED_LABEL,
    RELATED_LABEL_FIRST_CHARS,
    RELATED_LABEL_OPENINGS,
    may_open_with_related_label,
)

ALL_RULES: tuple[Rule, ...] = DATELINE_RULES + INSERT_RULES + CREDIT_RULES

#: Names of the rules implemented in code rather than as one pattern (see `newsclean.boilerplate`).
ENGINE_RULES: tuple[str, ...] = (
    "related.line",
    "related.headline_after_label",
    "related.inline_headline",
    "caption.before_dateline",
    "caption.teaser_repeats_lead",
    "tags.after_credit",
    "byline.signature_block",
    "repeat.paragraph",
    "other.title_repeated",
    "other.leftover_punctuation",
)

RULE_NAMES: tuple[str, ...] = tuple(r.name for r in ALL_RULES) + ENGINE_RULES

__all__ = [
    "ALL_RULES",
    "CAMEL_NAMES",
    "CREDIT_CODE",
    "CREDIT_CODE_OPENINGS",
    "DATELINE_RULES",
    "ENGINE_RULES",
    "GLUED_DATELINE_NAMES",
    "REGEX_TIMEOUT",
    "RELATED_LABEL",
    "RELATED_LABEL_FIRST_CHARS",
    "RELATED_LABEL_OPENINGS",
    "RULE_NAMES",
    "TIMEOUT_FREE_CHARS",
    "Rule",
    "Scope",
    "first_gate_char",
    "gate_text",
    "may_open_with_related_label",
    "regex_timeout",
]
