"""Boilerplate rules as data: outlet datelines, inserts, credits, bylines and footers.

Each rule has a name (reported with every removal, and the handle to turn it off), a kind, a scope and a
one-line reason. `ALL_RULES` is the catalogue the engine in `newsclean.cleaner` applies; the words and labels
that the rules and the engine's heuristics share are in `newsclean.patterns.words`.

`REGISTRY` is every rule, the catalogue and the rules written as code (`code_rules`), each with its name,
kind, zone, why, and the positive and trap examples the tests run: what `newsclean rules` lists, and the names
and kinds `CleanConfig` accepts.
"""

from collections.abc import Mapping
from types import MappingProxyType

from .base import Rule, Scope, Zone
from .code_rules import CODE_RULES, CodeRule
from .credits import CREDIT_CODE, CREDIT_CODE_OPENINGS, CREDIT_RULES
from .datelines import DATELINE_RULES, GLUED_DATELINE_NAMES
from .inserts import INSERT_RULES
from .words import CAMEL_NAMES, RELATED_LABEL, RELATED_LABEL_FIRST_CHARS, RELATED_LABEL_OPENINGS

ALL_RULES: tuple[Rule, ...] = DATELINE_RULES + INSERT_RULES + CREDIT_RULES

#: Every rule: the catalogue, in the order the engine tries it, then the rules written as code.
REGISTRY: tuple[Rule | CodeRule, ...] = ALL_RULES + CODE_RULES

RULE_NAMES: tuple[str, ...] = tuple(r.name for r in REGISTRY)
if len(set(RULE_NAMES)) != len(RULE_NAMES):
    raise ValueError("two rules of the registry share a name")
#: Every rule's name and the kind its removals carry.
RULE_KINDS: Mapping[str, str] = MappingProxyType({r.name: r.kind for r in REGISTRY})

__all__ = [
    "ALL_RULES",
    "CAMEL_NAMES",
    "CODE_RULES",
    "CREDIT_CODE",
    "CREDIT_CODE_OPENINGS",
    "DATELINE_RULES",
    "GLUED_DATELINE_NAMES",
    "REGISTRY",
    "RELATED_LABEL",
    "RELATED_LABEL_FIRST_CHARS",
    "RELATED_LABEL_OPENINGS",
    "RULE_KINDS",
    "RULE_NAMES",
    "CodeRule",
    "Rule",
    "Scope",
    "Zone",
]
