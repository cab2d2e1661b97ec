"""The partitioned dedupe against a persistent index: the stages `newsclean.engine.dask_index` adds to the
Dask graph, as plain numpy functions (no Dask).

They run `newsclean.index.incremental`'s three steps over partitions, calling its code:

1. each node partition opens its own read-only client of the index and asks `Index.query` about its nodes
   (`query_index`);
2. the crossing edges (a directly matched node to one that is not) meet in one task, as the verified edges
   meet for the components, and go to the partition of the unmatched end, which runs `inherit_matches` on
   them (`crossing_requests`, `inherit_index_matches`);
3. the edges between unmatched nodes are clustered as without an index (`unmatched_edges`), the records of
   matched nodes leave the numbering of today's clusters (`drop_matched_records`) and get the indexed
   article as their kept copy, in clusters numbered after today's (`indexed_records`, `number_indexed`,
   `indexed_rows`).

Nothing here writes to the index: each node partition describes what it adds (`index_changes`) and one task
puts that together into the `IndexUpdate` (`index_update`) that the driver applies once, in the transaction
it holds for the whole run.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from ..dedupe_config import DedupeConfig
from ..dedupe_models import RecordVerdict
from ..index.base import Entry, Index, IndexSettings, Match
from ..index.incremental import IndexUpdate, date_text, inherit_floor, inherit_matches, links_match
from .candidates import Edges, NodeTable, Outline
from .clustering import NodeVerdicts
from .pieces import LOCAL_MASK, Sized, concat, partition_of, route, split_by
from .verdicts import Assembly, Offsets, RecordVerdicts, record_id

#: The bit `pieces.node_ids` flips to turn exact keys into node ids that sort alike.
SIGN_BIT = np.uint64(1 << 63)


def exact_keys(nodes: np.ndarray) -> np.ndarray:
    """Node ids back to the uint64 exact keys they were made from (`pieces.node_ids`)."""
    return np.ascontiguousarray(nodes, dtype=np.int64).view(np.uint64) ^ SIGN_BIT


@dataclass(frozen=True, slots=True)
class NodeMatches(Sized):
    """Nodes of one node partition (sorted) that duplicate an indexed article: its number and id, the
    Jaccard, whether the index found it by exact key, and whether the match is direct or inherited."""

    node: np.ndarray
    article: np.ndarray
    ids: list[Any]
    similarity: np.ndarray
    exact: np.ndarray
    direct: np.ndarray

    @classmethod
    def of(cls, nodes: np.ndarray, matches: Sequence[Match | None], direct: bool) -> NodeMatches:
        found = [i for i, match in enumerate(matches) if match is not None]
        chosen = [matches[i] for i in found]
        return cls(
            node=np.asarray(nodes, dtype=np.int64)[found],
            article=np.fromiter((m.n for m in chosen), dtype=np.int64, count=len(chosen)),  # type: ignore[union-attr]
            ids=[m.id for m in chosen],  # type: ignore[union-attr]
            similarity=np.fromiter((m.similarity for m in chosen), dtype=np.float32, count=len(chosen)),  # type: ignore[union-attr]
            exact=np.fromiter((m.exact for m in chosen), dtype=bool, count=len(chosen)),  # type: ignore[union-attr]
            direct=np.full(len(chosen), direct, dtype=bool),
        )

    def match(self, i: int) -> Match:
        return Match(
            n=int(self.article[i]), id=self.ids[i], similarity=float(self.similarity[i]), exact=bool(self.exact[i])
        )


@dataclass(frozen=True, slots=True)
class IndexQuery:
    """Where the workers find the index and what the run's driver bound it to (`Index.bind`)."""

    url: str
    settings: IndexSettings
    max_bucket: int
    floor: float

    @classmethod
    def bound(cls, url: str, index: Index, config: DedupeConfig) -> IndexQuery:
        """The query of a run with `config` on `index` (opened from `url`), binding the index's settings:
        a mismatch is refused here, in the driver, before any worker starts."""
        return cls(url, index.bind(config), config.max_bucket, inherit_floor(config))


def _open(query: IndexQuery) -> Index | None:
    """A read-only client of the index, or None while it holds nothing (its settings are stored with the
    first commit; the driver, holding the lock, has checked them against the run's)."""
    index = Index.open(query.url, create=False)
    stored = index.settings
    if stored is None:
        index.close()
        return None
    if stored != query.settings:
        index.close()
        raise RuntimeError(f"index {index.url} changed settings during the run")
    return index


def query_index(table: NodeTable, query: IndexQuery) -> NodeMatches:
    """Step 1: `Index.query` on the nodes of one node partition."""
    index = _open(query)
    if index is None:
        return NodeMatches.of(table.node, [None] * len(table.node), direct=True)
    with index:
        matches = index.query(exact_keys(table.node), table.signatures, table.store, query.max_bucket)
    return NodeMatches.of(table.node, matches, direct=True)


@dataclass(frozen=True, slots=True)
class InheritRequests(Sized):
    """Unmatched nodes of one node partition verified alike to a node that matched an indexed article."""

    node: np.ndarray
    article: np.ndarray
    ids: list[Any]


def crossing_requests(edges: Sequence[Edges], direct: Sequence[NodeMatches], parts: int) -> list[InheritRequests]:
    """Step 2a: the verified edges between a directly matched node and an unmatched one, as (unmatched node,
    article) requests routed to the unmatched node's partition. One task, like the components: it holds the
    edges (20 bytes each) and the direct matches (16 bytes each)."""
    pairs = concat([e.pairs for e in edges], np.int64, 2)
    matched = concat([d.node for d in direct], np.int64)
    order = np.argsort(matched, kind="stable")
    matched = matched[order]
    article = concat([d.article for d in direct], np.int64)[order]
    ids = [i for d in direct for i in d.ids]
    ids = [ids[i] for i in order.tolist()]
    if not len(pairs) or not len(matched):
        empty = InheritRequests(np.empty(0, np.int64), np.empty(0, np.int64), [])
        return [empty] * parts
    inside = np.isin(pairs, matched)
    crossing = inside[:, 0] != inside[:, 1]
    outside = np.where(inside[crossing, 0], pairs[crossing, 1], pairs[crossing, 0])
    via = np.searchsorted(matched, np.where(inside[crossing, 0], pairs[crossing, 0], pairs[crossing, 1]))
    unique = np.unique(np.stack([outside, via], 1), axis=0) if len(outside) else np.empty((0, 2), np.int64)
    out: list[InheritRequests] = []
    for rows in route(unique[:, 0], parts):
        at = unique[rows, 1]
        out.append(InheritRequests(unique[rows, 0], article[at], [ids[i] for i in at.tolist()]))
    return out


def inherit_index_matches(
    table: NodeTable, direct: NodeMatches, requests: Sequence[InheritRequests], query: IndexQuery
) -> NodeMatches:
    """Step 2b: `inherit_matches` on this partition's requests; the partition's direct and inherited matches.

    The local problem it is given: the requesting nodes (unmatched) and one stand-in node per requested
    article (matched to it), joined by the crossing edges; its choice per node is the local engine's."""
    node = concat([r.node for r in requests], np.int64)
    if not len(node):
        return direct
    article = concat([r.article for r in requests], np.int64)
    ids = [i for r in requests for i in r.ids]
    asking, asking_at = np.unique(node, return_inverse=True)
    articles, first = np.unique(article, return_index=True)
    stand_ins: list[Match | None] = [
        Match(n=int(n), id=ids[int(f)], similarity=1.0, exact=False) for n, f in zip(articles, first, strict=True)
    ]
    edges = np.stack([asking_at.ravel(), len(asking) + np.searchsorted(articles, article)], 1)
    at = table.locate(asking)
    index = _open(query)
    assert index is not None, "an index holding nothing matched no node"
    with index:
        found = inherit_matches(
            [None] * len(asking) + stand_ins, edges, lambda i: table.store.get(int(at[int(i)])), index, query.floor
        )
    inherited = NodeMatches.of(asking, found[: len(asking)], direct=False)
    return _merged(direct, inherited)


def _merged(a: NodeMatches, b: NodeMatches) -> NodeMatches:
    node = np.concatenate([a.node, b.node])
    order = np.argsort(node, kind="stable")
    ids = [*a.ids, *b.ids]
    return NodeMatches(
        node=node[order],
        article=np.concatenate([a.article, b.article])[order],
        ids=[ids[i] for i in order.tolist()],
        similarity=np.concatenate([a.similarity, b.similarity])[order],
        exact=np.concatenate([a.exact, b.exact])[order],
        direct=np.concatenate([a.direct, b.direct])[order],
    )


def unmatched_edges(edges: Sequence[Edges], matches: Sequence[NodeMatches]) -> Edges:
    """Step 3a: the verified edges between nodes no indexed article decided: what today's clusters are made
    of (a matched node is its article's duplicate, whatever else it is alike to). One task, like the
    components it feeds."""
    joined = Edges.joined(edges)
    matched = concat([m.node for m in matches], np.int64)
    free = ~np.isin(joined.pairs, matched).any(axis=1) if len(joined.pairs) else np.empty(0, dtype=bool)
    return replace(joined.take(free), candidates=joined.candidates)


def _matched_records(table: NodeTable, matches: NodeMatches) -> tuple[np.ndarray, np.ndarray]:
    """(record rows of the table whose node matched, the row of its node in `matches`)."""
    at = np.searchsorted(matches.node, table.record_node)
    at = np.minimum(at, max(len(matches.node) - 1, 0))
    hit = matches.node[at] == table.record_node if len(matches.node) else np.zeros(len(at), dtype=bool)
    rows = np.flatnonzero(hit)
    return rows, at[rows]


def drop_matched_records(
    pieces: Sequence[RecordVerdicts], table: NodeTable, matches: NodeMatches
) -> list[RecordVerdicts]:
    """Step 3b: today's verdicts without the records of matched nodes, so that only today's kept records are
    numbered and asked for (the matched ones get their verdicts from `indexed_rows`)."""
    rows, _ = _matched_records(table, matches)
    gone = table.record_position[rows]
    return [piece.take(~np.isin(piece.position, gone)) for piece in pieces]


@dataclass(frozen=True, slots=True)
class IndexedRecords(Sized):
    """Records decided by an indexed article: position, the article, Jaccard, found by exact key; after
    `number_indexed`, `rank` is the article's place among the run's indexed articles."""

    position: np.ndarray
    article: np.ndarray
    similarity: np.ndarray
    exact: np.ndarray
    rank: np.ndarray
    ids: dict[int, Any]


def indexed_records(table: NodeTable, matches: NodeMatches) -> IndexedRecords:
    """Step 3c: the records of this node partition's matched nodes."""
    rows, at = _matched_records(table, matches)
    return IndexedRecords(
        position=table.record_position[rows],
        article=matches.article[at],
        similarity=matches.similarity[at],
        exact=matches.exact[at],
        rank=np.full(len(rows), -1, dtype=np.int64),
        ids={int(n): ident for n, ident in zip(matches.article.tolist(), matches.ids, strict=True)},
    )


def number_indexed(pieces: Sequence[IndexedRecords], input_parts: int) -> list[IndexedRecords]:
    """Step 3d: indexed articles ranked by the input order of their first record (their clusters follow
    today's, in that order, as `incremental._apply_matches` numbers them); routed to input partitions."""
    position = concat([p.position for p in pieces], np.int64)
    article = concat([p.article for p in pieces], np.int64)
    similarity = concat([p.similarity for p in pieces], np.float32)
    exact = concat([p.exact for p in pieces], bool)
    ids = {n: ident for p in pieces for n, ident in p.ids.items()}
    articles, inverse = np.unique(article, return_inverse=True)
    first = np.full(len(articles), np.iinfo(np.int64).max, dtype=np.int64)
    np.minimum.at(first, inverse, position)
    rank_of = np.empty(len(articles), dtype=np.int64)
    rank_of[np.argsort(first, kind="stable")] = np.arange(len(articles))
    rank = rank_of[inverse.ravel()] if len(articles) else np.empty(0, np.int64)
    out: list[IndexedRecords] = []
    for rows in split_by(partition_of(position), input_parts):
        mine = {int(n): ids[int(n)] for n in np.unique(article[rows]).tolist()}
        out.append(IndexedRecords(position[rows], article[rows], similarity[rows], exact[rows], rank[rows], mine))
    return out


def indexed_rows(
    rows: list[dict[str, Any]], outline: Outline, starts: Offsets, indexed: IndexedRecords
) -> list[dict[str, Any]]:
    """Step 3e: the `--clusters` lines of one input partition with its matched records' verdicts in place:
    not kept, a duplicate of the indexed article, in cluster (today's clusters) + rank, as locally."""
    today = int(starts.kept[-1])
    offset = int(starts.records[outline.partition])
    out = list(rows)
    for position, article, sim, exact, rank in zip(
        indexed.position.tolist(),
        indexed.article.tolist(),
        indexed.similarity.tolist(),
        indexed.exact.tolist(),
        indexed.rank.tolist(),
        strict=True,
    ):
        local = position & LOCAL_MASK
        kept_id = indexed.ids[article]
        out[local] = RecordVerdict(
            index=offset + local,
            id=record_id(outline, local, starts),
            cluster=today + rank,
            kept=False,
            duplicate_of=kept_id,
            similarity=round(float(sim), 4),
            relation="exact" if exact else "near",
            related_to=kept_id,
        ).to_json()
    return out


@dataclass(frozen=True, slots=True)
class IndexChanges(Sized):
    """What one node partition adds to the index: its kept nodes (the kept record's position and what the
    index stores of it), keys linked to a kept record (by position) and keys linked to indexed articles."""

    position: np.ndarray
    exact: np.ndarray
    words: np.ndarray
    dates: list[str | None]
    signatures: np.ndarray
    shingles: list[np.ndarray]
    entry_keys: np.ndarray
    entry_positions: np.ndarray
    entry_sims: np.ndarray
    article_keys: np.ndarray
    article_numbers: np.ndarray
    article_sims: np.ndarray
    index_duplicates: int


def index_changes(table: NodeTable, matches: NodeMatches, verdicts: Sequence[NodeVerdicts], keep: str) -> IndexChanges:
    """The additions of one node partition, decided as `incremental._index_kept` decides them per record:
    a kept record of today's is added (its date is its `keep` timestamp, which only `earliest` reads); a
    node clustered under another's kept record links to it, with its Jaccard; a matched node links to its
    article when `links_match` says so."""
    kept_position = table.best_position.copy()
    kept_node = table.node.copy()
    similarity = np.ones(len(table.node), dtype=np.float32)
    for piece in verdicts:
        at = table.locate(piece.node)
        kept_position[at] = piece.kept_position
        kept_node[at] = piece.kept_node
        similarity[at] = piece.similarity
    matched = np.isin(table.node, matches.node)
    kept = np.flatnonzero(~matched & (kept_node == table.node))
    linked = np.flatnonzero(~matched & (kept_node != table.node))
    relinked = [i for i in range(len(matches.node)) if links_match(matches.match(i), bool(matches.direct[i]))]
    dates = table.best_major[kept] if keep == "earliest" else np.zeros(len(kept))
    keys = exact_keys(table.node)
    return IndexChanges(
        position=table.best_position[kept],
        exact=keys[kept],
        words=table.words[kept],
        dates=[date_text(float(d)) for d in dates.tolist()],
        signatures=table.signatures[kept],
        shingles=[table.store.get(int(i)) for i in kept.tolist()],
        entry_keys=keys[linked],
        entry_positions=kept_position[linked],
        entry_sims=similarity[linked],
        article_keys=exact_keys(matches.node[relinked]),
        article_numbers=matches.article[relinked],
        article_sims=matches.similarity[relinked],
        index_duplicates=len(_matched_records(table, matches)[0]),
    )


def kept_ids(outline: Outline, assembly: Assembly, starts: Offsets) -> tuple[np.ndarray, list[Any]]:
    """The positions and ids of one input partition's kept records (what the index stores as their id)."""
    kept = assembly.kept
    return kept, [record_id(outline, int(p & LOCAL_MASK), starts) for p in kept.tolist()]


@dataclass(frozen=True, slots=True)
class IndexedRun:
    """What the driver gets back: the update to apply, and how many records the index decided."""

    update: IndexUpdate
    index_duplicates: int


def index_update(changes: Sequence[IndexChanges], ids: Sequence[tuple[np.ndarray, list[Any]]]) -> IndexedRun:
    """The run's `IndexUpdate`: kept entries in input order (the order the local engine adds them, so the
    articles get the same numbers), every key link. One task; its output goes to the driver, which holds
    the index's transaction."""
    id_of = {int(p): ident for positions, names in ids for p, ident in zip(positions.tolist(), names, strict=True)}
    position = concat([c.position for c in changes], np.int64)
    order = np.argsort(position, kind="stable")
    position = position[order]
    exact = concat([c.exact for c in changes], np.uint64)[order]
    words = concat([c.words for c in changes], np.int32)[order]
    dates = [d for c in changes for d in c.dates]
    shingles = [s for c in changes for s in c.shingles]
    signatures = np.concatenate([c.signatures for c in changes])[order] if changes else np.empty((0, 0), np.uint32)
    entries = [
        Entry(
            id=id_of[int(position[i])],
            exact=int(exact[i]),
            words=int(words[i]),
            date=dates[j],
            signature=signatures[i],
            shingles=shingles[j],
        )
        for i, j in enumerate(order.tolist())
    ]
    entry_positions = concat([c.entry_positions for c in changes], np.int64)
    update = IndexUpdate(
        entries=entries,
        entry_keys=concat([c.entry_keys for c in changes], np.uint64),
        entry_of=np.searchsorted(position, entry_positions).astype(np.int64),
        entry_sims=concat([c.entry_sims for c in changes], np.float32),
        article_keys=concat([c.article_keys for c in changes], np.uint64),
        article_numbers=concat([c.article_numbers for c in changes], np.int64),
        article_sims=concat([c.article_sims for c in changes], np.float32),
    )
    return IndexedRun(update=update, index_duplicates=sum(c.index_duplicates for c in changes))
