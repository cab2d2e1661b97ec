"""Boilerplate rules as data: outlet datelines, inserts, credits, bylines and footers.

Each rule has a name (reported with every removal, and the handle to turn it off), a kind, a scope and a
one-line reason. `ALL_RULES` is the catalogue the engine in `newsclean.cleaner` applies; the words and labels
that the rules and the engine's heuristics share are in `newsclean.patterns.words`.
"""

from .base import Rule, Scope
from .credits import CREDIT_CODE, CREDIT_CODE_OPENINGS, CREDIT_RULES
from .datelines import DATELINE_RULES, GLUED_DATELINE_NAMES
from .inserts import INSERT_RULES
from .words import CAMEL_NAMES, RELATED_LABEL, RELATED_LABEL_FIRST_CHARS, RELATED_LABEL_OPENINGS

ALL_RULES: tuple[Rule, ...] = DATELINE_RULES + INSERT_RULES + CREDIT_RULES

#: Names of the rules implemented in code rather than as one pattern (see `newsclean.cleaner`).
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
    "RELATED_LABEL",
    "RELATED_LABEL_FIRST_CHARS",
    "RELATED_LABEL_OPENINGS",
    "RULE_NAMES",
    "Rule",
    "Scope",
]
