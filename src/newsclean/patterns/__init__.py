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

#: The rules that remove what a learned profile holds (`newsclean learn`). Not in `REGISTRY`, whose entries
#: carry examples that clean without a profile; their removals carry the kind each learned entry has (the
#: `other` here is only what `newsclean rules` shows). `CleanConfig` takes their names like any other.
LEARNED_RULES: tuple[CodeRule, ...] = (
    CodeRule(
        "learned.segment",
        "other",
        "learned",
        "A line or a segment between sentence ends, pipes or spaced dashes whose words recur verbatim (digits "
        "aside) across many distinct stories of the source, in the same part of the article: a footer, promo, "
        "ad placeholder or byline of that outlet or scraper. Copies of one story count once, and a segment "
        "shaped like a sentence of prose needs three times the count, so a wire paragraph or a quote repeated "
        "in follow-ups stays.",
        code=("newsclean.cleaner.learned.apply_learned", "newsclean.learning.learn.learn_source"),
        positives=(),
        traps=(),
    ),
    CodeRule(
        "learned.template",
        "other",
        "learned",
        "A segment whose shape recurs with names or numbers in its slots (`Penulis: <> | Editor: <>`, "
        "`SURYAPOS, <> -`): the template must name the outlet or a boilerplate label, or be a dateline-shaped "
        "piece at the start of articles, so that match fixtures and headline-shaped prose are never templates.",
        code=("newsclean.cleaner.learned.apply_learned", "newsclean.learning.learn.learn_source"),
        positives=(),
        traps=(),
    ),
    CodeRule(
        "learned.dateline_prefix",
        "dateline",
        "learned",
        "A dateline the source learned (an outlet and a city: `Liputan6.com, Jakarta`) opening an article whose "
        "scrape lost its dash, the lead glued on after a space (`Liputan6.com, Jakarta Ketua Umum ...`): the "
        "longest learned one is cut, before a capital, digit or quotation, where no dateline was cut already.",
        code=("newsclean.cleaner.learned.apply_learned",),
        positives=(),
        traps=(),
    ),
    CodeRule(
        "learned.tag_lines",
        "tags",
        "learned",
        "A run of two or more closing lines of one to four words (a tag block), in a source where at least one "
        "story in thirty ends with one. Not after a line ending in a colon: a list that closes an article is content.",
        code=("newsclean.cleaner.learned.apply_learned", "newsclean.learning.matcher.trailing_tag_lines"),
        positives=(),
        traps=(),
    ),
    CodeRule(
        "learned.tail_code",
        "credit",
        "learned",
        "A parenthesised code after the article's last sentence whose shape (`(A-9)` for `(Z-3)`, `(A/A-9)` "
        "for `(Ykb/Z-7)`) ends at least one story in thirty of the source: the editor codes the credit rules "
        "leave because prose has their shape too (`(H-3)`, a day before a holiday).",
        code=("newsclean.cleaner.learned.apply_learned", "newsclean.learning.learn.learn_source"),
        positives=(),
        traps=(),
    ),
    CodeRule(
        "learned.related_headline",
        "related",
        "learned",
        "A related article's headline glued to the prose after its `Baca juga:` label, where several stories of "
        "the source link it and then each go on with prose of its own: the headline ends where they part. The "
        "shape rules guess such an end and, when unsure, take the label alone; a learned headline is certain. "
        "Taken only after a label and before what opens prose (a capitalised word and a lowercase one, a "
        "quotation, the paragraph's end), so a headline that goes on in this story is left to the shape rules.",
        code=("newsclean.cleaner.inline.related_links", "newsclean.learning.related.learned_headlines"),
        positives=(),
        traps=(),
    ),
)
#: Every rule `newsclean rules` lists and `CleanConfig` accepts by name.
LISTED_RULES: tuple[Rule | CodeRule, ...] = REGISTRY + LEARNED_RULES
LISTED_RULE_NAMES: tuple[str, ...] = tuple(r.name for r in LISTED_RULES)

__all__ = [
    "ALL_RULES",
    "CAMEL_NAMES",
    "CODE_RULES",
    "CREDIT_CODE",
    "CREDIT_CODE_OPENINGS",
    "DATELINE_RULES",
    "GLUED_DATELINE_NAMES",
    "LEARNED_RULES",
    "LISTED_RULES",
    "LISTED_RULE_NAMES",
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
