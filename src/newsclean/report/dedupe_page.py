"""The page `newsclean dedupe --html FILE` writes: a sample of what the run tied together, side by side.

A *group* is a cluster with duplicates (its kept record and the records that are not kept for it), or two
kept records tied to each other (a `template` pair, or a `contained` record when `--drop` keeps those).
Each record of a group is shown beside the record its verdict ties it to (`related_to`), with the words
that differ marked (`word_diff`), its relation and the figures behind it: Jaccard, resemblance, containment.

The page is built from the verdicts the run already computed (`DedupeResult`), then one more pass over the
input reads the texts of the sampled records only, so its memory is the sample's. The sample takes
`SAMPLE_GROUPS` groups in turn from each relation (exact, near, contained, template), each relation's groups
in the order of a seeded hash of their first record: rare relations are not crowded out by the thousands
of exact copies a scrape holds, and the same run gives the same page.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from ..dedupe_config import DedupeConfig
from ..dedupe_models import RELATION_KINDS, DedupeResult, RecordVerdict
from ..deduplication import compared_text
from ..io import InputRecord, read_inputs
from ..learning.learn import source_of
from .document import Choice, attributes, document, escape, filter_bar, table
from .word_diff import Side, clip, plain, word_diff

#: Groups shown: enough to see every relation at work several times, few enough to read (and the page, a few
#: texts per group, stays a few megabytes at most whatever the corpus).
SAMPLE_GROUPS = 40
#: Records of one group shown beside their partner; a cluster of 5,000 exact copies shows this many.
MAX_PAIRS_SHOWN = 5
#: The key of the sample's hash: a fixed one, so the same run gives the same sample.
SAMPLE_SALT = b"newsclean-html"


@dataclass(frozen=True, slots=True)
class Group:
    """Records shown together: `anchor` (the kept record; None when it is an article of the index, whose text
    is not in this run) and `members`, the other records, in input order."""

    anchor: int | None
    members: tuple[int, ...]
    relations: tuple[str, ...]
    cluster: int | None

    @property
    def first(self) -> int:
        return min(self.members if self.anchor is None else (self.anchor, *self.members))


@dataclass(frozen=True, slots=True)
class ShownRecord:
    """A sampled record as the page shows it: the text that was compared (its first `MAX_DIFF_WORDS` words,
    the only part kept in memory) and where it came from."""

    where: str
    source: str
    title: str | None
    text: str
    hidden_chars: int


def groups(result: DedupeResult) -> list[Group]:
    """Every group of the run: clusters with a record that is not kept (the duplicates of an indexed article
    too, whose kept copy is not in this run), then ties between kept records."""
    found = []
    labels = np.unique(result.cluster[~result.kept & (result.cluster >= 0)])
    involved = np.flatnonzero(np.isin(result.cluster, labels))
    ordered = involved[np.argsort(result.cluster[involved], kind="stable")]
    bounds = np.flatnonzero(np.diff(result.cluster[ordered])) + 1
    for records in np.split(ordered, bounds) if len(ordered) else []:
        kept = [int(i) for i in records if result.kept[i]]
        anchor = kept[0] if kept else None
        members = tuple(int(i) for i in records if int(i) != anchor)
        codes = sorted({int(result.relation[i]) for i in members if result.relation[i] > 0})
        relations = tuple(RELATION_KINDS[code - 1] for code in codes)
        found.append(Group(anchor, members, relations, int(result.cluster[records[0]])))
    seen: set[tuple[int, int]] = set()
    for record in np.flatnonzero(result.kept & (result.relation > 0)).tolist():
        partner = int(result.related_to[record])
        if partner < 0 or (min(record, partner), max(record, partner)) in seen:
            continue
        seen.add((min(record, partner), max(record, partner)))
        mutual = int(result.related_to[partner]) == record
        anchor, member = (min(record, partner), max(record, partner)) if mutual else (partner, record)
        found.append(Group(anchor, (member,), (RELATION_KINDS[int(result.relation[member]) - 1],), None))
    return found


def _hash(number: int) -> int:
    return int.from_bytes(hashlib.blake2b(str(number).encode(), digest_size=8, key=SAMPLE_SALT).digest(), "big")


def choose(found: Sequence[Group], limit: int = SAMPLE_GROUPS) -> list[Group]:
    """Up to `limit` groups, taken in turn from each relation's groups (in seeded hash order), in input order."""
    queues = [
        sorted((g for g in found if relation in g.relations), key=lambda g: _hash(g.first))
        for relation in RELATION_KINDS
    ]
    chosen: dict[Group, None] = {}
    depth = 0
    while len(chosen) < limit and any(depth < len(queue) for queue in queues):
        for queue in queues:
            if depth < len(queue) and len(chosen) < limit:
                chosen.setdefault(queue[depth])
        depth += 1
    return sorted(chosen, key=lambda g: g.first)


def _pairs(group: Group, result: DedupeResult) -> list[tuple[int, int | None]]:
    """(record, the record its verdict ties it to, None when that is an indexed article) for shown members."""
    return [
        (member, int(result.related_to[member]) if result.related_to[member] >= 0 else None)
        for member in group.members[:MAX_PAIRS_SHOWN]
    ]


def read_shown(
    paths: Iterable[str], wanted: set[int], config: DedupeConfig, encoding_errors: str
) -> dict[int, ShownRecord]:
    """The wanted records read again from the input, each with the text the run compared (cleaned, unless
    `--no-clean`), in the same positions the run numbered them."""
    shown: dict[int, ShownRecord] = {}
    for index, item in enumerate(read_inputs(list(paths), encoding_errors=encoding_errors)):
        if index not in wanted or not isinstance(item, InputRecord):
            continue
        data = item.data
        text, title = data.get(config.text_field), data.get(config.title_field)
        title = title if isinstance(title, str) and title.strip() else None
        compared, hidden = clip(compared_text(text, title, config) if isinstance(text, str) else "")
        shown[index] = ShownRecord(
            where=f"{os.path.basename(item.source)}:{item.line}",
            source=source_of({"source": data.get(config.source_field), "url": data.get("url")}),
            title=title,
            text=compared,
            hidden_chars=hidden,
        )
    return shown


def dedupe_page(
    paths: Sequence[str], result: DedupeResult, config: DedupeConfig, encoding_errors: str, input_name: str
) -> str:
    """The whole HTML page for a run of the local engine (with or without an index)."""
    found = groups(result)
    chosen = choose(found)
    wanted: set[int] = set()
    for group in chosen:
        wanted.update(i for pair in _pairs(group, result) for i in pair if i is not None)
        if group.anchor is not None:
            wanted.add(group.anchor)
    shown = read_shown(paths, wanted, config, encoding_errors)
    sources = sorted({record.source for record in shown.values()})
    tokens = {source: f"s{n}" for n, source in enumerate(sources)}
    body = [
        "<h1>newsclean dedupe: what was tied together</h1>",
        f'<p class="lead">{escape(input_name)}</p>',
        '<h2 id="counts">The run</h2><div class="tables">',
        _stats_table(result),
        _settings_table(config),
        "</div>",
        f'<h2 id="sample">Sample: {len(chosen):,} of {len(found):,} groups</h2>',
        '<p class="note">A group is a cluster with duplicates (its kept record first) or two kept records tied to '
        "each other. Groups are taken in turn from each relation, in the order of a seeded hash (the same run "
        f"gives the same sample), and shown in input order; at most {MAX_PAIRS_SHOWN} records of a group are "
        "shown, each beside the record it is tied to, as it was compared "
        f"({'raw' if not config.clean else 'cleaned'} text). Words only in the left text are marked "
        "<del>like this</del>, words only in the right one <ins>like this</ins>.</p>",
        _filters(chosen, result, shown, tokens),
    ]
    body.extend(_group(n, group, result, shown, tokens) for n, group in enumerate(chosen))
    return document(f"newsclean dedupe: {input_name}", "\n".join(body))


def _stats_table(result: DedupeResult) -> str:
    s = result.stats
    rows = [
        ("records", s.records),
        ("compared", s.compared),
        ("rejected", s.rejected),
        ("kept", s.kept),
        ("duplicates (not kept)", s.duplicates),
        ("exact duplicates", s.exact_duplicates),
        ("near duplicates", s.near_duplicates),
        ("contained in a longer record", s.contained),
        ("tied to another day of a template", s.templates),
        ("clusters with duplicates", s.clusters_with_duplicates),
        ("largest cluster", s.largest_cluster),
        ("duplicates of indexed articles", s.index_duplicates),
    ]
    return table("Counts", ["", ""], [[escape(name), f"{value:,}"] for name, value in rows], [False, True])


def _settings_table(config: DedupeConfig) -> str:
    rows = [
        ("threshold (Jaccard)", f"{config.threshold:g}"),
        ("containment", "off" if config.containment is None else f"{config.containment:g}"),
        ("words per shingle", str(config.ngram)),
        ("permutations", str(config.num_perm)),
        ("keep", config.keep),
        ("drop", ", ".join(config.drop)),
        ("compared text", "cleaned" if config.clean else "raw"),
    ]
    return table("Settings", ["", ""], [[escape(a), escape(b)] for a, b in rows], [False, False])


def _group_sources(group: Group, result: DedupeResult, shown: Mapping[int, ShownRecord]) -> list[str]:
    indexes = [i for pair in _pairs(group, result) for i in pair if i is not None]
    return list(dict.fromkeys(shown[i].source for i in indexes if i in shown))


def _filters(
    chosen: Sequence[Group], result: DedupeResult, shown: Mapping[int, ShownRecord], tokens: Mapping[str, str]
) -> str:
    relations = [
        Choice(relation, relation, count)
        for relation in RELATION_KINDS
        if (count := sum(relation in g.relations for g in chosen))
    ]
    per_source: dict[str, int] = {}
    for group in chosen:
        for source in _group_sources(group, result, shown):
            per_source[source] = per_source.get(source, 0) + 1
    sources = [Choice(tokens[s], s or "(no source)", n) for s, n in sorted(per_source.items())]
    return filter_bar([("relation", "Relation", relations), ("source", "Source", sources)], "group")


def _label(record: int | None, verdict: RecordVerdict | None, shown: Mapping[int, ShownRecord], role: str) -> str:
    if record is None or verdict is None:
        return escape(role)
    status = "kept" if verdict.kept else f"not kept (duplicate of {verdict.duplicate_of})"
    place = shown[record].where if record in shown else ""
    source = shown[record].source if record in shown else ""
    parts = [role, f"id {verdict.id}", source or "(no source)", place, status]
    return " · ".join(escape(part) for part in parts if part)


def _side(label: str, side: Side, record: ShownRecord | None) -> str:
    hidden = record.hidden_chars if record is not None else 0
    note = f'<p class="note">… {hidden:,} more characters not shown.</p>' if hidden else ""
    return f'<div class="side"><h4>{label}</h4><div class="text">{side.html}</div>{note}</div>'


def _evidence(verdict: RecordVerdict) -> str:
    figures = [f"Jaccard {verdict.similarity:.2f}" if verdict.similarity is not None else ""]
    if verdict.resemblance is not None:
        figures.append(f"resemblance {verdict.resemblance:.2f}")
    if verdict.containment is not None:
        figures.append(f"containment {verdict.containment:.2f}")
    return " · ".join(escape(f) for f in figures if f)


def _pair(member: int, partner: int | None, result: DedupeResult, shown: Mapping[int, ShownRecord]) -> str:
    verdict = result.verdict(member)
    relation = verdict.relation or "related"
    head = f'<span class="badge rel-{escape(relation)}">{escape(relation)}</span> {_evidence(verdict)}'
    mine = shown.get(member)
    if partner is None or partner not in shown or mine is None:
        indexed = verdict.related_to if verdict.related_to is not None else verdict.duplicate_of
        where = (
            f"indexed article {indexed}: its text is in the index, not in this run"
            if partner is None
            else "the text of one of the two could not be read again (did the input change during the run?)"
        )
        sides = _side(_label(member, verdict, shown, "this record"), plain(mine.text if mine else ""), mine)
        body = f'<p class="meta">{escape(where)}</p><div class="sides one">{sides}</div>'
    else:
        theirs = shown[partner]
        left, right = word_diff(theirs.text, mine.text)
        left_label = _label(partner, result.verdict(partner), shown, "tied to")
        right_label = _label(member, verdict, shown, "this record")
        if left.differing or right.differing:
            sides = _side(left_label, left, theirs) + _side(right_label, right, mine)
            body = f'<div class="sides">{sides}</div>'
        else:
            text = _side(f"{left_label}<br>{right_label}", right, mine)
            body = f'<p class="meta">No word differs: the text is shown once.</p><div class="sides one">{text}</div>'
    attrs = {"class": "pair", "data-mark": "", "data-relation": relation}
    return f'<div{attributes(attrs)}><p class="meta">{head}</p>{body}</div>'


def _group(
    number: int, group: Group, result: DedupeResult, shown: Mapping[int, ShownRecord], tokens: Mapping[str, str]
) -> str:
    sources = _group_sources(group, result, shown)
    attrs = {
        "class": "item",
        "id": f"g{number}",
        "data-item": "",
        "data-relation": " ".join(group.relations),
        "data-source": " ".join(tokens[s] for s in sources),
    }
    anchor = result.verdict(group.anchor) if group.anchor is not None else None
    title = shown[group.anchor].title if group.anchor is not None and group.anchor in shown else None
    if group.cluster is not None:
        size = len(group.members) + (group.anchor is not None)
        kept = f"kept: id {anchor.id}" if anchor is not None else "kept: an article of the index"
        heading = f"Cluster {group.cluster}: {size:,} records, {kept}"
    else:
        heading = f"Two kept records: {', '.join(group.relations)}"
    pairs = [_pair(member, partner, result, shown) for member, partner in _pairs(group, result)]
    more = len(group.members) - MAX_PAIRS_SHOWN
    note = f'<p class="note">{more:,} more records of this cluster are not shown.</p>' if more > 0 else ""
    subtitle = f'<p class="meta">{escape(title)}</p>' if title else ""
    return f"<section{attributes(attrs)}><h3>{escape(heading)}</h3>{subtitle}{''.join(pairs)}{note}</section>"
