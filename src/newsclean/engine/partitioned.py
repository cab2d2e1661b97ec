"""The stages of `newsclean.dedupe`, cut into per-partition functions that exchange hash-routed pieces.

Each function takes the pieces other partitions sent it and returns the pieces it sends on, one per
destination partition; `newsclean.engine.dask_graph` wires them together. Nothing here imports Dask, so the
stages can be tested (and reasoned about) as plain numpy.

Why the answer equals the local engine's, whatever the partitioning:

* A *node* (records with the same normalized words) is named by its 64-bit exact key, mapped to int64 with
  the order kept (`node_ids`). The local engine numbers nodes by sorting those keys, so every tie-break on
  node numbers (LSH bucket truncation, star visiting order, neighbour order) sorts the same way here.
* A record's *position* is `(input partition << 32) | index within it`, which sorts like the local
  engine's input position; the `keep` rules compare (rule key, position) tuples, so the kept copy is the same.
* `star_clusters` is greedy, but it only ever looks at a node's verified neighbours: one connected component
  never affects another. Running the very same function on each component, with nodes numbered in node-id
  order, reproduces the local anchors exactly.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..clusters import ShingleStore, jaccard, star_clusters, verify_pairs
from ..dedupe import SignedRecords, _as_mapping, sign_records
from ..dedupe_config import DedupeConfig
from ..dedupe_models import MATCH_KINDS, RecordVerdict
from ..lsh import BandIndex, band_keys

POSITION_BITS = 32
_LOCAL_MASK = (1 << POSITION_BITS) - 1
_SIGN_BIT = np.uint64(1 << 63)


# ----------------------------------------------------------------------------------------------- helpers


def node_ids(exact: np.ndarray) -> np.ndarray:
    """uint64 exact keys as int64 node ids that sort in the same order (the sign bit flipped)."""
    return (np.asarray(exact, dtype=np.uint64) ^ _SIGN_BIT).view(np.int64)


def encode_positions(partition: int, local: np.ndarray) -> np.ndarray:
    return (np.int64(partition) << POSITION_BITS) | np.asarray(local, dtype=np.int64)


def partition_of(positions: np.ndarray) -> np.ndarray:
    return positions >> POSITION_BITS


def route(keys: np.ndarray, parts: int) -> list[np.ndarray]:
    """Row indexes going to each of `parts` partitions, by a uniform 64-bit key (stable within each)."""
    destination = (np.ascontiguousarray(keys).view(np.uint64) % np.uint64(parts)).astype(np.int64)
    return split_by(destination, parts)


def split_by(destination: np.ndarray, parts: int) -> list[np.ndarray]:
    order = np.argsort(destination, kind="stable")
    bounds = np.searchsorted(destination[order], np.arange(parts + 1))
    return [order[bounds[d] : bounds[d + 1]] for d in range(parts)]


def concat_stores(stores: Sequence[ShingleStore]) -> ShingleStore:
    """One store holding the nodes of `stores` one after the other."""
    if not stores:
        return ShingleStore.from_parts([])
    lengths = np.concatenate([np.diff(s.offsets) for s in stores])
    offsets = np.zeros(len(lengths) + 1, dtype=np.int64)
    np.cumsum(lengths, out=offsets[1:])
    return ShingleStore(np.concatenate([s.hashes for s in stores]).astype(np.uint32, copy=False), offsets)


def _cat(arrays: Sequence[np.ndarray], dtype: type, width: int | None = None) -> np.ndarray:
    if arrays:
        return np.concatenate(arrays)
    return np.empty((0, width) if width else 0, dtype=dtype)


def _first_of_each(sorted_keys: np.ndarray) -> np.ndarray:
    """Indexes where a new key starts in a sorted array."""
    return np.flatnonzero(np.r_[True, sorted_keys[1:] != sorted_keys[:-1]]) if len(sorted_keys) else sorted_keys


# ------------------------------------------------------------------------------------- 1. clean and sign


@dataclass(frozen=True, slots=True)
class Outline:
    """What the last stage needs of an input partition besides the verdicts: ids and reject reasons.

    `positional[j]` marks a record whose id is its input position (no id field, no line number): the
    local engine's `position + 1` needs the global offset, known only at the end.
    """

    partition: int
    ids: list[Any]
    positional: np.ndarray
    reasons: dict[int, str]


@dataclass(frozen=True, slots=True)
class NodePiece:
    """Records of one input partition whose node lives in one node partition, and those nodes' data.

    Records carry their `keep` key: (major, minor, position), compared lexicographically.
    """

    record_node: np.ndarray
    record_position: np.ndarray
    record_major: np.ndarray
    record_minor: np.ndarray
    node: np.ndarray
    words: np.ndarray
    signatures: np.ndarray
    store: ShingleStore


def keep_keys(signed: SignedRecords, keep: str) -> tuple[np.ndarray, np.ndarray]:
    """(major, minor) of every signed record; position breaks ties, as in `newsclean.dedupe.keep_order`."""
    n = len(signed.index)
    no_float, no_int = np.zeros(n, dtype=np.float64), np.zeros(n, dtype=np.int64)
    longer_first = -signed.words.astype(np.int64)
    rules = {
        "first": (no_float, no_int),
        "longest": (no_float, longer_first),
        "earliest": (signed.dates.astype(np.float64), no_int),
        "most-complete": (-signed.filled.astype(np.float64), longer_first),
    }
    return rules[keep]


def _is_positional(item: Any, id_field: str) -> bool:
    data, line, _, _ = _as_mapping(item)
    return (data is None or data.get(id_field) is None) and line is None


def sign_partition(
    items: Sequence[Any], partition: int, config: DedupeConfig, node_parts: int
) -> tuple[Outline, list[NodePiece], int]:
    """Stage 1: the local engine's `sign_records` on one partition, routed by node to the node partitions
    (and the partition's record count)."""
    items = list(items)
    signed = sign_records(items, config.model_copy(update={"workers": 1}))
    outline = Outline(
        partition=partition,
        ids=signed.ids,
        positional=np.fromiter((_is_positional(i, config.id_field) for i in items), dtype=bool, count=len(items)),
        reasons={r.index: r.reason for r in signed.rejects},
    )
    nodes = node_ids(signed.exact)
    positions = encode_positions(partition, signed.index)
    major, minor = keep_keys(signed, config.keep)
    pieces: list[NodePiece] = []
    for rows in route(nodes, node_parts):
        unique, first = np.unique(nodes[rows], return_index=True)
        firsts = rows[first]
        pieces.append(
            NodePiece(
                record_node=nodes[rows],
                record_position=positions[rows],
                record_major=major[rows],
                record_minor=minor[rows],
                node=unique,
                words=signed.words[firsts],
                signatures=signed.signatures[firsts],
                store=signed.store.take(firsts),
            )
        )
    return outline, pieces, len(items)


# ------------------------------------------------------------------------------------ 2. exact groups


@dataclass(frozen=True, slots=True)
class NodeTable:
    """The nodes of one node partition (sorted by id) with what every later stage needs, and their records.

    `best_*` is the node's best record under `keep`: the cluster's kept copy is the best of its nodes' bests.
    """

    node: np.ndarray
    size: np.ndarray
    words: np.ndarray
    best_major: np.ndarray
    best_minor: np.ndarray
    best_position: np.ndarray
    signatures: np.ndarray
    store: ShingleStore
    record_node: np.ndarray
    record_position: np.ndarray

    @property
    def nbytes(self) -> int:
        arrays = (self.node, self.size, self.words, self.best_major, self.best_minor, self.best_position)
        columns = sum(a.nbytes for a in arrays) + self.record_node.nbytes + self.record_position.nbytes
        return columns + self.signatures.nbytes + self.store.nbytes

    def locate(self, nodes: np.ndarray) -> np.ndarray:
        return np.searchsorted(self.node, nodes)


def build_node_table(pieces: Sequence[NodePiece], num_perm: int) -> NodeTable:
    """Stage 2: the exact pass. Records with one normalized text meet here and become one node."""
    record_node = _cat([p.record_node for p in pieces], np.int64)
    record_position = _cat([p.record_position for p in pieces], np.int64)
    major = _cat([p.record_major for p in pieces], np.float64)
    minor = _cat([p.record_minor for p in pieces], np.int64)
    all_nodes = _cat([p.node for p in pieces], np.int64)
    node, first = np.unique(all_nodes, return_index=True)
    best = np.lexsort((record_position, minor, major, record_node))
    starts = _first_of_each(record_node[best])
    sizes = np.diff(np.r_[starts, len(best)])
    best = best[starts]
    return NodeTable(
        node=node,
        size=sizes.astype(np.int64),
        words=_cat([p.words for p in pieces], np.int32)[first],
        best_major=major[best],
        best_minor=minor[best],
        best_position=record_position[best],
        signatures=_cat([p.signatures for p in pieces], np.uint32, num_perm)[first],
        store=concat_stores([p.store for p in pieces]).take(first),
        record_node=record_node,
        record_position=record_position,
    )


# ------------------------------------------------------------------------------- 3. LSH candidates


@dataclass(frozen=True, slots=True)
class BandRows:
    """(band, bucket key, node) rows of the nodes of one node partition that hash to one band partition."""

    band: np.ndarray
    key: np.ndarray
    node: np.ndarray


def band_rows(table: NodeTable, bands: int, rows: int, band_parts: int) -> list[BandRows]:
    """Stage 3a: every node's band keys, routed by key so that a bucket meets in one partition."""
    keys = band_keys(table.signatures, bands, rows)
    band = np.tile(np.arange(bands, dtype=np.int16), len(table.node))
    key = keys.ravel()
    node = np.repeat(table.node, bands)
    return [BandRows(band[r], key[r], node[r]) for r in route(key, band_parts)]


def bucket_pairs(
    pieces: Sequence[BandRows], bands: int, rows: int, max_bucket: int, node_parts: int
) -> list[np.ndarray]:
    """Stage 3b: node pairs sharing a bucket, by `BandIndex`'s own rule, routed by their first node.

    Buckets are (band, key), as in the local index, which keeps one column per band.
    """
    band = _cat([p.band for p in pieces], np.int16)
    key = _cat([p.key for p in pieces], np.uint64)
    node = _cat([p.node for p in pieces], np.int64)
    index = BandIndex(bands, rows, max_bucket=max_bucket)
    found: list[np.ndarray] = []
    for b in np.unique(band):
        chosen = band == b
        found.extend(index._band_pairs(key[chosen], node[chosen]))
    pairs = np.unique(np.concatenate(found), axis=0) if found else np.empty((0, 2), dtype=np.int64)
    return [pairs[r] for r in route(pairs[:, 0], node_parts)]


# ------------------------------------------------------------------------------------------- 4. verify


@dataclass(frozen=True, slots=True)
class VerifyRequest:
    """Candidate pairs whose second node lives in one node partition, with the first nodes' data."""

    pairs: np.ndarray
    node: np.ndarray
    signatures: np.ndarray
    store: ShingleStore


def verification_requests(table: NodeTable, pieces: Sequence[np.ndarray], node_parts: int) -> list[VerifyRequest]:
    """Stage 4a: candidate pairs (unique) owned by their first node, sent with its data to the second's."""
    pairs = np.unique(_cat(list(pieces), np.int64, 2), axis=0)
    out: list[VerifyRequest] = []
    for rows in route(pairs[:, 1], node_parts):
        mine = pairs[rows]
        firsts = np.unique(mine[:, 0])
        at = table.locate(firsts)
        out.append(VerifyRequest(mine, firsts, table.signatures[at], table.store.take(at)))
    return out


@dataclass(frozen=True, slots=True)
class Edges:
    """Verified pairs (a < b in node order) and their exact Jaccard; `candidates` counts what was checked."""

    pairs: np.ndarray
    sims: np.ndarray
    candidates: int = 0


def verify_edges(table: NodeTable, requests: Sequence[VerifyRequest], threshold: float) -> Edges:
    """Stage 4b: the local engine's `verify_pairs` on the pairs whose second node is here."""
    requests = [r for r in requests if len(r.pairs)]
    if not requests:
        return Edges(np.empty((0, 2), dtype=np.int64), np.empty(0, dtype=np.float32))
    visitors = _cat([r.node for r in requests], np.int64)
    offsets = np.cumsum([0] + [len(r.node) for r in requests])
    signatures = np.concatenate([*(r.signatures for r in requests), table.signatures])
    store = concat_stores([*(r.store for r in requests), table.store])
    local = np.concatenate(
        [
            np.stack([start + np.searchsorted(r.node, r.pairs[:, 0]), len(visitors) + table.locate(r.pairs[:, 1])], 1)
            for start, r in zip(offsets, requests, strict=False)
        ]
    )
    edges, sims = verify_pairs(local, signatures, store, threshold)
    ids = np.concatenate([visitors, table.node])
    return Edges(ids[edges].reshape(-1, 2), sims, candidates=len(local))


# ----------------------------------------------------------------------------- 5. connected components


@dataclass(frozen=True, slots=True)
class Labels:
    """Component (its smallest node id) of the linked nodes of one node partition."""

    node: np.ndarray
    component: np.ndarray


def connected_components(pieces: Sequence[Edges], parts: int) -> tuple[list[Labels], list[Edges]]:
    """Stage 5: components of the verified graph, by min-label propagation with pointer jumping.

    All edges meet in this one task: an edge is 20 bytes, so even 100M of them fit one worker (docs/dask.md).
    Returns each node partition its nodes' labels and each component partition its components' edges.
    """
    pairs = _cat([p.pairs for p in pieces], np.int64, 2)
    sims = _cat([p.sims for p in pieces], np.float32)
    nodes, inverse = np.unique(pairs.ravel(), return_inverse=True)
    ends = inverse.reshape(-1, 2)
    label = np.arange(len(nodes))
    while True:
        lower = label.copy()
        np.minimum.at(lower, ends[:, 0], label[ends[:, 1]])
        np.minimum.at(lower, ends[:, 1], label[ends[:, 0]])
        lower = lower[lower]
        if np.array_equal(lower, label):
            break
        label = lower
    component = nodes[label]
    by_node = [Labels(nodes[r], component[r]) for r in route(nodes, parts)]
    edge_component = component[ends[:, 0]]
    by_component = [Edges(pairs[r], sims[r]) for r in route(edge_component, parts)]
    return by_node, by_component


# ------------------------------------------------------------------------------------------ 6. clusters


@dataclass(frozen=True, slots=True)
class Members:
    """Linked nodes sent to the partition of their component, with what clustering and `keep` read."""

    node: np.ndarray
    component: np.ndarray
    size: np.ndarray
    words: np.ndarray
    best_major: np.ndarray
    best_minor: np.ndarray
    best_position: np.ndarray
    store: ShingleStore


def component_members(table: NodeTable, labels: Labels, parts: int) -> list[Members]:
    """Stage 6a: the data of this partition's linked nodes, routed by component."""
    at = table.locate(labels.node)
    out: list[Members] = []
    for rows in route(labels.component, parts):
        mine = at[rows]
        out.append(
            Members(
                node=table.node[mine],
                component=labels.component[rows],
                size=table.size[mine],
                words=table.words[mine],
                best_major=table.best_major[mine],
                best_minor=table.best_minor[mine],
                best_position=table.best_position[mine],
                store=table.store.take(mine),
            )
        )
    return out


@dataclass(frozen=True, slots=True)
class NodeVerdicts:
    """For nodes of one node partition: the kept record of their cluster, its node, and the Jaccard with it."""

    node: np.ndarray
    kept_position: np.ndarray
    kept_node: np.ndarray
    similarity: np.ndarray


def cluster_components(
    members: Sequence[Members], edges: Edges, config: DedupeConfig, parts: int
) -> list[NodeVerdicts]:
    """Stage 6b: the local engine's `star_clusters` over whole components, then each star's kept copy."""
    node = _cat([m.node for m in members], np.int64)
    order = np.argsort(node, kind="stable")
    node = node[order]
    size = _cat([m.size for m in members], np.int64)[order]
    words = _cat([m.words for m in members], np.int32)[order]
    major = _cat([m.best_major for m in members], np.float64)[order]
    minor = _cat([m.best_minor for m in members], np.int64)[order]
    position = _cat([m.best_position for m in members], np.int64)[order]
    store = concat_stores([m.store for m in members]).take(order)
    local_edges = np.searchsorted(node, edges.pairs)
    anchors = star_clusters(
        len(node),
        local_edges,
        edges.sims,
        size,
        words.astype(np.int64),
        similar=lambda x, y: jaccard(store.get(int(x)), store.get(int(y))),
        floor=min(config.pair_floor, config.threshold),
    )
    best = np.lexsort((position, minor, major, anchors))
    kept_by_anchor = np.full(len(node), -1, dtype=np.int64)
    firsts = best[_first_of_each(anchors[best])]
    kept_by_anchor[anchors[firsts]] = firsts
    kept = kept_by_anchor[anchors]
    similarity = np.ones(len(node), dtype=np.float32)
    for i in np.flatnonzero(kept != np.arange(len(node))):
        similarity[i] = jaccard(store.get(int(i)), store.get(int(kept[i])))
    return [
        NodeVerdicts(node[r], position[kept[r]], node[kept[r]], similarity[r]) for r in route(node, parts)
    ]


# ---------------------------------------------------------------------------------- 7. representatives


@dataclass(frozen=True, slots=True)
class RecordVerdicts:
    """Per record of one input partition (from one node partition): its kept record, Jaccard, match kind."""

    position: np.ndarray
    kept_position: np.ndarray
    similarity: np.ndarray
    match: np.ndarray


def record_verdicts(table: NodeTable, verdicts: Sequence[NodeVerdicts], input_parts: int) -> list[RecordVerdicts]:
    """Stage 7: every record's verdict; a node with no verified edge is its own cluster, its best record kept."""
    kept_position = table.best_position.copy()
    kept_node = table.node.copy()
    similarity = np.ones(len(table.node), dtype=np.float32)
    for piece in verdicts:
        at = table.locate(piece.node)
        kept_position[at] = piece.kept_position
        kept_node[at] = piece.kept_node
        similarity[at] = piece.similarity
    at = table.locate(table.record_node)
    position = table.record_position
    mine = kept_position[at]
    exact = table.record_node == kept_node[at]
    match = np.where(position == mine, 0, np.where(exact, 1, 2)).astype(np.int8)
    destination = partition_of(position)
    return [
        RecordVerdicts(position[r], mine[r], similarity[at[r]], match[r]) for r in split_by(destination, input_parts)
    ]


@dataclass(frozen=True, slots=True)
class Assembly:
    """The verdicts of one input partition, in input order."""

    position: np.ndarray
    kept_position: np.ndarray
    similarity: np.ndarray
    match: np.ndarray

    @property
    def kept(self) -> np.ndarray:
        """Positions of this partition's kept records, sorted."""
        return self.position[self.position == self.kept_position]


def assemble(pieces: Sequence[RecordVerdicts], input_parts: int) -> tuple[Assembly, list[np.ndarray], int]:
    """Stage 8a: one input partition's verdicts; to each partition holding one of its kept copies, the
    positions it asks a number and an id for; its count of kept records.

    Clusters are numbered in input order of their kept record, which needs the kept counts of all earlier
    partitions (`offsets`) and the rank of the kept record in its own partition (the answer to a request).
    """
    position = _cat([p.position for p in pieces], np.int64)
    order = np.argsort(position, kind="stable")
    kept_position = _cat([p.kept_position for p in pieces], np.int64)[order]
    wanted = np.unique(kept_position)
    assembly = Assembly(
        position=position[order],
        kept_position=kept_position,
        similarity=_cat([p.similarity for p in pieces], np.float32)[order],
        match=_cat([p.match for p in pieces], np.int8)[order],
    )
    return assembly, [wanted[r] for r in split_by(partition_of(wanted), input_parts)], len(assembly.kept)


@dataclass(frozen=True, slots=True)
class Offsets:
    """Per input partition: records before it (for positional ids) and kept records before it (numbers)."""

    records: np.ndarray
    kept: np.ndarray


def offsets(record_counts: Sequence[int], kept_counts: Sequence[int]) -> Offsets:
    """From the record and kept counts of every input partition (a few bytes each, not the partitions)."""
    records = np.cumsum([0, *record_counts])
    kept = np.cumsum([0, *kept_counts])
    return Offsets(records.astype(np.int64), kept.astype(np.int64))


def record_id(outline: Outline, local: int, starts: Offsets) -> Any:
    """The id the local engine gives the record: its id field, its line, else its global position + 1."""
    if outline.positional[local]:
        return int(starts.records[outline.partition]) + local + 1
    return outline.ids[local]


@dataclass(frozen=True, slots=True)
class Answer:
    """Cluster number and id of kept records, for the partition that asked."""

    kept_position: np.ndarray
    number: np.ndarray
    ids: list[Any]


def answer_requests(
    outline: Outline, assembly: Assembly, starts: Offsets, requests: Sequence[np.ndarray]
) -> list[Answer]:
    """Stage 8b: the number (global rank among kept records) and the id of each kept record asked about."""
    kept = assembly.kept
    base = int(starts.kept[outline.partition])
    answers: list[Answer] = []
    for wanted in requests:
        locals_ = (wanted & _LOCAL_MASK).astype(np.int64)
        answers.append(
            Answer(wanted, base + np.searchsorted(kept, wanted), [record_id(outline, int(j), starts) for j in locals_])
        )
    return answers


def verdict_rows(
    outline: Outline, assembly: Assembly, starts: Offsets, answers: Sequence[Answer]
) -> list[dict[str, Any]]:
    """Stage 8c: one `--clusters` line per input record, in input order, exactly as the local engine writes it."""
    number: dict[int, int] = {}
    kept_id: dict[int, Any] = {}
    for answer in answers:
        for pos, n, ident in zip(answer.kept_position.tolist(), answer.number.tolist(), answer.ids, strict=True):
            number[pos] = n
            kept_id[pos] = ident
    offset = int(starts.records[outline.partition])
    compared = (assembly.position & _LOCAL_MASK).tolist()
    at = dict(zip(compared, range(len(compared)), strict=True))
    rows: list[dict[str, Any]] = []
    for local in range(len(outline.ids)):
        ident = record_id(outline, local, starts)
        i = at.get(local)
        if i is None:
            verdict = RecordVerdict(
                index=offset + local,
                id=ident,
                cluster=None,
                kept=False,
                similarity=None,
                reject=outline.reasons.get(local),
            )
        else:
            kept_pos = int(assembly.kept_position[i])
            is_kept = kept_pos == int(assembly.position[i])
            kind = int(assembly.match[i])
            verdict = RecordVerdict(
                index=offset + local,
                id=ident,
                cluster=number[kept_pos],
                kept=is_kept,
                duplicate_of=None if is_kept else kept_id[kept_pos],
                similarity=round(float(assembly.similarity[i]), 4),
                match=MATCH_KINDS[kind - 1] if kind else None,
            )
        rows.append(verdict.to_json())
    return rows
