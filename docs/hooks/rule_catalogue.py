"""The rule catalogue page, generated from the registry (`newsclean.patterns.LISTED_RULES`).

It lists what `newsclean rules --json` lists (name, kind, zone, why, pattern or code) and, beside each rule,
the examples the tests run on it: the boilerplate it removes (`positives`, the removed part highlighted), the
prose in the same shape it leaves whole (`traps`), and the prose it must keep when it fires next to it
(`keeps`). A rule added to the registry appears here at the next build.
"""

from __future__ import annotations

import html

from markup import code, fenced, inline

from newsclean.cli.rules_cmd import KINDS, rule_record
from newsclean.patterns import LISTED_RULES, CodeRule, Rule

#: What each zone of the registry means to a reader (`newsclean.patterns.base.Zone`). A zone missing here
#: stops the build (`render`), so a new one cannot reach the page unexplained.
ZONE_MEANINGS: dict[str, str] = {
    "lead": "the very start of the first body paragraph",
    "line": "a whole paragraph: the rule must match all of it, and the paragraph goes",
    "inline": "anywhere inside any paragraph: every match goes",
    "tail": "the last body paragraphs only, where the same words in prose are rare",
    "title": "the first paragraph, held against the article's title",
    "repeats": "every paragraph, held against the ones before it",
    "render": "what is left of a paragraph once a pass's removals are cut from it",
    "learned": "segments of every paragraph, against a learned profile, in the part of the article where "
    "each entry recurred",
}


def _example(text: str, marked: str | None = None) -> str:
    """An example article as one HTML block: line breaks kept, `marked` (the removed part) highlighted."""
    escaped = html.escape(text)
    if marked:
        target = html.escape(marked)
        escaped = escaped.replace(target, f"<mark>{target}</mark>", 1)
    return '<div class="rule-example">' + escaped.replace("\n", "<br>") + "</div>"


def _rule_section(entry: Rule | CodeRule) -> str:
    record = rule_record(entry)
    facts = f"kind `{entry.kind}` · zone `{entry.zone}` · written as {record['written_as']}"
    blocks = [f"### `{entry.name}`", facts, inline(entry.why)]
    if entry.positives:
        items = "\n\n".join(_example(article, removed) for article, removed in entry.positives)
        blocks.append(f"**Removes** (highlighted):\n\n{items}")
    if entry.traps:
        items = "\n\n".join(_example(trap) for trap in entry.traps)
        blocks.append(f"**Leaves whole** (prose in the same shape):\n\n{items}")
    if entry.keeps:
        items = "\n\n".join(_example(article, kept) for article, kept in entry.keeps)
        blocks.append(f"**Keeps** the highlighted prose when it fires beside it:\n\n{items}")
    if isinstance(entry, Rule):
        blocks.append('??? note "Pattern"\n\n' + _indent(fenced(record["pattern"], "text")))
    else:
        blocks.append("Code: " + ", ".join(code(path) for path in record["code"]))
    return "\n\n".join(blocks)


def _indent(text: str) -> str:
    return "\n".join("    " + line if line else "" for line in text.splitlines())


def render() -> str:
    """The whole page: how to use the catalogue, the zones, then every rule by kind in registry order."""
    unexplained = sorted({entry.zone for entry in LISTED_RULES} - set(ZONE_MEANINGS))
    if unexplained:
        raise ValueError(f"rule_catalogue.ZONE_MEANINGS does not explain the zones {unexplained}")
    intro = (
        "# Rule catalogue\n\n"
        f"The {len(LISTED_RULES)} rules the cleaner applies, generated from the registry in "
        "`src/newsclean/patterns/` at every build of this site, with the examples the test suite runs on each. "
        "`newsclean rules` prints the same list (`--json` for tools). Every removal in a cleaned record names "
        "its rule; turn a rule off by name with `CleanConfig(disabled_rules={...})`, or every rule of a kind "
        "with `CleanConfig(disabled_kinds={...})`."
    )
    zones = "\n".join(f"- `{zone}`: {inline(ZONE_MEANINGS[zone])}" for zone in ZONE_MEANINGS)
    counts = ", ".join(f"[`{kind}`](#{kind}) {sum(e.kind == kind for e in LISTED_RULES)}" for kind in KINDS)
    blocks = [intro, f"**Kinds**: {counts}.", f"**Zones**: where a rule looks.\n\n{zones}"]
    for kind in KINDS:
        blocks.append(f"## {kind}")
        blocks.extend(_rule_section(entry) for entry in LISTED_RULES if entry.kind == kind)
    return "\n\n".join(blocks) + "\n"
