"""Dedupe signed records against a persistent index and against each other, then index what was kept.

The order of decisions, and why:

1. Each distinct text (exact-pass node) is looked up in the index (`Index.query`): a node whose exact key was
   seen before, or whose shingles are >= threshold alike to an indexed article, duplicates that article. The
   indexed article was kept by an earlier run and is in an earlier output, so it always stays the kept copy,
   whatever the `keep` rule says about today's records.
2. A node the index did not match directly, but verified >= threshold alike to a node that matched article X,
   joins X when it is at least `pair_floor` alike to X itself. That is the cluster a single run over both days
   would have built (X, the direct copy as anchor, the further-edited copy as member); without this step a
   second re-write of a day-1 story would be kept on day 2.
3. The other nodes are clustered among themselves exactly as the in-memory dedupe does (same edges, star
   clusters, pair floor, keep rule), and each cluster's kept record is added to the index.

Every compared record's exact key is linked to the article that decided it, so running the same file twice
turns every record of the second run into a duplicate, even one only `pair_floor` alike to its kept copy.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone

import numpy as np

from ..clusters import TOLERANCE, ShingleStore, jaccard, star_clusters
from ..dedupe_config import DedupeConfig
from ..dedupe_models import DedupeResult
from ..deduplication import (
    Lap,
    SignedRecords,
    choose_representatives,
    exact_groups,
    number_clusters,
    pair_judge,
    related_candidates,
    relation_columns,
    run_stats,
)
from .base import Entry, Index, Match


def inherit_matches(
    matches: list[Match | None],
    edges: np.ndarray,
    node_store_get: Callable[[int], np.ndarray],
    index: Index,
    floor: float,
) -> list[Match | None]:
    """Step 2: unmatched nodes verified-alike to a matched node join that node's article when >= `floor`
    alike to it. One level only: a node reached through an inherited match would be a chain."""
    direct = np.array([m is not None for m in matches], dtype=bool)
    if len(edges) == 0 or not direct.any():
        return matches
    a, b = edges[:, 0], edges[:, 1]
    crossing = direct[a] != direct[b]
    outside = np.where(direct[a[crossing]], b[crossing], a[crossing])
    inside = np.where(direct[a[crossing]], a[crossing], b[crossing])
    articles = index.articles([matches[int(i)].n for i in inside])  # type: ignore[union-attr]
    best: dict[int, Match] = {}
    for node, via in zip(outside.tolist(), inside.tolist(), strict=True):
        target = matches[via]
        assert target is not None
        stored = articles.get(target.n)
        if stored is None:
            continue
        sim = jaccard(node_store_get(node), stored.shingles)
        have = best.get(node)
        if sim >= floor - TOLERANCE and (have is None or (sim, -target.n) > (have.similarity, -have.n)):
            best[node] = Match(n=target.n, id=target.id, similarity=sim, exact=False)
    return [best.get(i, m) for i, m in enumerate(matches)]


def inherit_floor(config: DedupeConfig) -> float:
    """How alike to an indexed article a node must be to inherit its match (step 2): the pair floor, or the
    threshold when that is lower."""
    return min(config.pair_floor, config.threshold)


def date_text(timestamp: float) -> str | None:
    """The date an index stores for a kept record (its `keep` timestamp; none when it has none)."""
    if not np.isfinite(timestamp) or timestamp == 0.0:
        return None
    return datetime.fromtimestamp(timestamp, timezone.utc).isoformat()


def links_match(match: Match, direct: bool) -> bool:
    """Whether a record decided by an indexed article gets its exact key linked to it: always, unless the
    index found it by that very key (the alias is already there)."""
    return not direct or not match.exact


@dataclass(frozen=True, slots=True)
class IndexUpdate:
    """What a run writes to the index: its kept articles (in input order) and the exact keys of the records
    they or indexed articles decided. A key links to a kept entry (`entry_of`: its place in `entries`, whose
    number `Index.add` assigns) or to an indexed article (`article_numbers`). Both engines build one and
    `apply` it once, inside the run's transaction."""

    entries: list[Entry]
    entry_keys: np.ndarray
    entry_of: np.ndarray
    entry_sims: np.ndarray
    article_keys: np.ndarray
    article_numbers: np.ndarray
    article_sims: np.ndarray

    def apply(self, index: Index) -> int:
        """Add the entries, link every key; returns how many articles were added."""
        numbers = np.asarray(index.add(self.entries), dtype=np.int64)
        index.link(
            np.concatenate([self.article_keys, self.entry_keys]).astype(np.uint64),
            np.concatenate([self.article_numbers, numbers[self.entry_of]]).astype(np.int64),
            np.concatenate([self.article_sims, self.entry_sims]).astype(np.float32),
        )
        return len(self.entries)


def dedupe_with_index(signed: SignedRecords, config: DedupeConfig, index: Index, lap: Lap) -> DedupeResult:
    """Steps 1-3 (module docstring) inside one index transaction: the kept records are added and every
    compared key is linked, or (on any error) nothing is. The index decides by Jaccard alone (its articles
    keep a signature and a shingle sketch, not a window sequence): relations `exact` and `near`."""
    config = config.jaccard_only()
    node_of, first, sizes = exact_groups(signed)
    node_sigs = signed.signatures[first]
    judge = pair_judge(signed, first, config)
    node_store = judge.sketches
    node_words = signed.words[first]
    lap("exact")
    with index.transaction():
        index.bind(config)
        matches = index.query(signed.exact[first], node_sigs, node_store, config.max_bucket)
        direct = [m is not None for m in matches]
        lap("index query")
        pairs, sampled, layout = related_candidates(node_sigs, judge.windows, config)
        edges, verdicts = judge.verify(pairs, sampled)
        sims = np.fromiter((v.jaccard for v in verdicts), dtype=np.float32, count=len(verdicts))
        lap("verify")
        floor = inherit_floor(config)
        matches = inherit_matches(matches, edges, lambda node: node_store.get(int(node)), index, floor)
        matched = np.array([m is not None for m in matches], dtype=bool)
        local = ~matched[edges[:, 0]] & ~matched[edges[:, 1]] if len(edges) else np.empty(0, dtype=bool)
        anchors = star_clusters(
            len(first),
            edges[local],
            sims[local],
            sizes,
            node_words.astype(np.int64),
            similar=judge.similarity,
            floor=floor,
        )
        kept_of, _ = choose_representatives(signed, node_of, anchors, config.keep)
        lap("cluster")
        columns = relation_columns(signed, node_of, kept_of, judge)
        number_clusters(signed, columns)
        similarity = columns["similarity"][signed.index]
        indexed_of, indexed_ids = _apply_matches(signed, node_of, matches, columns)
        added = _index_kept(index, signed, node_of, kept_of, node_store, matched, similarity, matches, direct)
        lap("index add")
    stats = run_stats(signed, columns, node_of, pairs, edges, layout, {})
    stats = stats.model_copy(update={"index_duplicates": int((indexed_of >= 0).sum()), "indexed": added})
    for column in (*columns.values(), indexed_of):
        column.setflags(write=False)
    return DedupeResult(
        ids=signed.ids,
        rejects=signed.rejects,
        stats=stats,
        config=config.model_dump(),
        indexed_of=indexed_of,
        indexed_ids=indexed_ids,
        **columns,
    )


def _apply_matches(
    signed: SignedRecords, node_of: np.ndarray, matches: list[Match | None], columns: dict[str, np.ndarray]
) -> tuple[np.ndarray, dict[int, object]]:
    """Records of matched nodes: not kept, duplicates of their indexed article, one cluster per article.

    Today's clusters keep their order (input order of their kept record) and come first; the clusters of
    indexed articles follow, in the input order of their first record; numbers are then made contiguous.
    """
    indexed_of = np.full(signed.n_items, -1, dtype=np.int64)
    indexed_ids: dict[int, object] = {}
    at = signed.index
    rows = [row for row, node in enumerate(node_of.tolist()) if matches[node] is not None]
    if not rows:
        return indexed_of, indexed_ids
    label_of: dict[int, int] = {}
    for row in sorted(rows, key=lambda r: at[r]):
        match = matches[int(node_of[row])]
        assert match is not None
        position = at[row]
        label_of.setdefault(match.n, signed.n_items + len(label_of))
        indexed_of[position] = match.n
        indexed_ids[match.n] = match.id
        columns["cluster"][position] = label_of[match.n]
        columns["kept"][position] = False
        columns["duplicate_of"][position] = -1
        columns["similarity"][position] = match.similarity
        columns["relation"][position] = 1 if match.exact else 2
        columns["related_to"][position] = -1
    labelled = columns["cluster"] >= 0
    columns["cluster"][labelled] = np.unique(columns["cluster"][labelled], return_inverse=True)[1]
    return indexed_of, indexed_ids


def _index_kept(
    index: Index,
    signed: SignedRecords,
    node_of: np.ndarray,
    kept_of: np.ndarray,
    node_store: ShingleStore,
    matched: np.ndarray,
    similarity: np.ndarray,
    matches: list[Match | None],
    direct: list[bool],
) -> int:
    """Add today's kept records and link every compared key to the article that decided it."""
    is_kept = (kept_of == np.arange(len(kept_of))) & ~matched[node_of]
    kept_rows = np.flatnonzero(is_kept)
    entries = [
        Entry(
            id=signed.ids[signed.index[row]],
            exact=int(signed.exact[row]),
            words=int(signed.words[row]),
            date=date_text(float(signed.dates[row])) if len(signed.dates) else None,
            signature=signed.signatures[row],
            shingles=node_store.get(int(node_of[row])),
        )
        for row in kept_rows
    ]
    entry_of = {int(row): i for i, row in enumerate(kept_rows.tolist())}
    to_article: dict[int, tuple[int, float]] = {}
    to_entry: dict[int, tuple[int, float]] = {}
    for row in range(len(kept_of)):
        node = int(node_of[row])
        key = int(signed.exact[row])
        if matched[node]:
            match = matches[node]
            assert match is not None
            if links_match(match, direct[node]):
                to_article[key] = (match.n, match.similarity)
        elif node != int(node_of[kept_of[row]]):
            to_entry.setdefault(key, (entry_of[int(kept_of[row])], float(similarity[row])))
    update = IndexUpdate(
        entries=entries,
        entry_keys=np.fromiter(to_entry, dtype=np.uint64, count=len(to_entry)),
        entry_of=np.fromiter((i for i, _ in to_entry.values()), dtype=np.int64, count=len(to_entry)),
        entry_sims=np.fromiter((s for _, s in to_entry.values()), dtype=np.float32, count=len(to_entry)),
        article_keys=np.fromiter(to_article, dtype=np.uint64, count=len(to_article)),
        article_numbers=np.fromiter((n for n, _ in to_article.values()), dtype=np.int64, count=len(to_article)),
        article_sims=np.fromiter((s for _, s in to_article.values()), dtype=np.float32, count=len(to_article)),
    )
    return update.apply(index)
