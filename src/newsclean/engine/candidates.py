"""Dedupe stages 1-4 over partitions: sign, exact nodes, LSH band buckets and sampled n-grams, judged edges.

Each function takes the pieces other partitions sent it and returns one piece per destination partition
(`newsclean.engine.pieces`); `newsclean.engine.dask_graph` wires them together.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..alignment import WindowStore
from ..clusters import ShingleStore
from ..dedupe_config import DedupeConfig
from ..deduplication import (
    as_mapping,
    keep_keys,
    merged_candidates,
    relation_settings,
    screened_candidates,
    sign_records,
)
from ..lsh import BandIndex, band_keys, unique_pairs
from ..relations import Judgement, PairJudge
from ..sampled_index import SAMPLE_BITS, enough_shared, sampled_values, shared_sample_pairs
from .pieces import (
    Sized,
    concat,
    concat_stores,
    concat_windows,
    encode_positions,
    group_starts,
    node_ids,
    route,
)

# ------------------------------------------------------------------------------------- 1. clean and sign


@dataclass(frozen=True, slots=True)
class Outline(Sized):
    """What the last stage needs of an input partition besides the verdicts: ids and reject reasons.

    `positional[j]` marks a record whose id is its input position (no id field, no line number): the
    local engine's `position + 1` needs the global offset, known only at the end.
    """

    partition: int
    ids: list[Any]
    positional: np.ndarray
    reasons: dict[int, str]


@dataclass(frozen=True, slots=True)
class NodePiece(Sized):
    """Records of one input partition whose node lives in one node partition, and those nodes' data.

    Records carry their `keep` key: (major, minor, position), compared lexicographically. A node's data
    (words, signature, shingle sketch, window sequence, source) are those of its first record in the partition.
    """

    record_node: np.ndarray
    record_position: np.ndarray
    record_major: np.ndarray
    record_minor: np.ndarray
    node: np.ndarray
    words: np.ndarray
    signatures: np.ndarray
    store: ShingleStore
    windows: WindowStore
    sources: list[str]


def _is_positional(item: Any, id_field: str) -> bool:
    data, line, _, _ = as_mapping(item)
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
                windows=signed.windows.take(firsts),
                sources=[signed.sources[int(i)] for i in firsts],
            )
        )
    return outline, pieces, len(items)


# ------------------------------------------------------------------------------------ 2. exact groups


@dataclass(frozen=True, slots=True)
class NodeTable(Sized):
    """The nodes of one node partition (sorted by id) with what every later stage needs, and their records.

    `best_*` is the node's best record under `keep`: the cluster's kept copy is the best of its nodes' bests.
    A node's window sequence and source are its first record's, as in the local engine (`pair_judge`).
    """

    node: np.ndarray
    size: np.ndarray
    words: np.ndarray
    best_major: np.ndarray
    best_minor: np.ndarray
    best_position: np.ndarray
    signatures: np.ndarray
    store: ShingleStore
    windows: WindowStore
    sources: list[str]
    record_node: np.ndarray
    record_position: np.ndarray

    @property
    def nbytes(self) -> int:
        arrays = (self.node, self.size, self.words, self.best_major, self.best_minor, self.best_position)
        columns = sum(a.nbytes for a in arrays) + self.record_node.nbytes + self.record_position.nbytes
        return columns + self.signatures.nbytes + self.store.nbytes + self.windows.nbytes + 8 * len(self.sources)

    def locate(self, nodes: np.ndarray) -> np.ndarray:
        return np.searchsorted(self.node, nodes)


def build_node_table(pieces: Sequence[NodePiece], num_perm: int, ngram: int) -> NodeTable:
    """Stage 2: the exact pass. Records with one normalized text meet here and become one node.

    Pieces come in input-partition order, so a node's first occurrence is its first record in the input.
    """
    record_node = concat([p.record_node for p in pieces], np.int64)
    record_position = concat([p.record_position for p in pieces], np.int64)
    major = concat([p.record_major for p in pieces], np.float64)
    minor = concat([p.record_minor for p in pieces], np.int64)
    all_nodes = concat([p.node for p in pieces], np.int64)
    node, first = np.unique(all_nodes, return_index=True)
    sources = [source for p in pieces for source in p.sources]
    best = np.lexsort((record_position, minor, major, record_node))
    starts = group_starts(record_node[best])
    sizes = np.diff(np.r_[starts, len(best)])
    best = best[starts]
    return NodeTable(
        node=node,
        size=sizes.astype(np.int64),
        words=concat([p.words for p in pieces], np.int32)[first],
        best_major=major[best],
        best_minor=minor[best],
        best_position=record_position[best],
        signatures=concat([p.signatures for p in pieces], np.uint32, num_perm)[first],
        store=concat_stores([p.store for p in pieces]).take(first),
        windows=concat_windows([p.windows for p in pieces], ngram).take(first),
        sources=[sources[int(i)] for i in first],
        record_node=record_node,
        record_position=record_position,
    )


# ------------------------------------------------------------------------------- 3. LSH candidates


@dataclass(frozen=True, slots=True)
class BandRows(Sized):
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
    band = concat([p.band for p in pieces], np.int16)
    key = concat([p.key for p in pieces], np.uint64)
    node = concat([p.node for p in pieces], np.int64)
    index = BandIndex(bands, rows, max_bucket=max_bucket)
    found: list[np.ndarray] = []
    for b in np.unique(band):
        chosen = band == b
        found.extend(index.band_pairs(key[chosen], node[chosen]))
    pairs = unique_pairs(np.concatenate(found)) if found else np.empty((0, 2), dtype=np.int64)
    return [pairs[r] for r in route(pairs[:, 0], node_parts)]


# ---------------------------------------------------------------------------- 3c. sampled n-gram candidates


@dataclass(frozen=True, slots=True)
class SampleRows(Sized):
    """(sampled window hash, node, the node's count of samples) rows of one node partition's nodes whose
    sample hashes to one sample partition (`newsclean.sampled_index.sampled_values`)."""

    value: np.ndarray
    node: np.ndarray
    size: np.ndarray


def sample_rows(table: NodeTable, sample_parts: int) -> list[SampleRows]:
    """Stage 3c: every node's sampled n-grams, routed by value so that the nodes sharing one meet in one
    partition. The low `SAMPLE_BITS` of a sampled hash are zero (that is what samples it), so the rest route."""
    values, owners, sizes = sampled_values(table.windows)
    node, size = table.node[owners], sizes[owners]
    keys = (values >> np.uint32(SAMPLE_BITS)).astype(np.uint64)
    return [SampleRows(values[r], node[r], size[r]) for r in route(keys, sample_parts)]


@dataclass(frozen=True, slots=True)
class SampledPairs(Sized):
    """Node pairs (a < b) with a row per sampled n-gram they share, and both nodes' sample counts."""

    pairs: np.ndarray
    sizes: np.ndarray


def sample_pairs(pieces: Sequence[SampleRows], node_parts: int) -> list[SampledPairs]:
    """Stage 3d: the pairs of nodes sharing a sample, by the local rule (`shared_sample_pairs`: a sample held
    by more than `MAX_DF` nodes pairs none), routed by their first node, where their shares are counted."""
    value = concat([p.value for p in pieces], np.uint32)
    node = concat([p.node for p in pieces], np.int64)
    size = concat([p.size for p in pieces], np.int64)
    order = np.lexsort((node, value))
    value, node, size = value[order], node[order], size[order]
    left, right = shared_sample_pairs(value, node)
    pairs = np.stack([node[left], node[right]], axis=1)
    sizes = np.stack([size[left], size[right]], axis=1)
    return [SampledPairs(pairs[r], sizes[r]) for r in route(pairs[:, 0], node_parts)]


def enough_sampled(pieces: Sequence[SampledPairs]) -> np.ndarray:
    """The sampled candidate pairs among those whose first node is here: all their shared samples meet here,
    and the local threshold on the count (`enough_shared`) applies."""
    rows = concat([p.pairs for p in pieces], np.int64, 2)
    if len(rows) == 0:
        return rows
    sizes = concat([p.sizes for p in pieces], np.int64, 2)
    pairs, first, shared = np.unique(rows, axis=0, return_index=True, return_counts=True)
    return pairs[enough_shared(shared, sizes[first, 0], sizes[first, 1])]


# ------------------------------------------------------------------------------------------- 4. verify


@dataclass(frozen=True, slots=True)
class VerifyRequest(Sized):
    """Candidate pairs whose second node lives in one node partition (and which the sampled index proposed),
    with the first nodes' data."""

    pairs: np.ndarray
    sampled: np.ndarray
    node: np.ndarray
    signatures: np.ndarray
    store: ShingleStore
    windows: WindowStore
    words: np.ndarray
    sources: list[str]


def verification_requests(
    table: NodeTable, lsh: Sequence[np.ndarray], sampled: Sequence[SampledPairs], node_parts: int
) -> list[VerifyRequest]:
    """Stage 4a: the candidate pairs owned by their first node (`merged_candidates`: LSH and sampled pairs,
    the latter flagged), sent with the first node's data to the second's partition."""
    pairs, flags = merged_candidates(unique_pairs(concat(list(lsh), np.int64, 2)), enough_sampled(sampled))
    out: list[VerifyRequest] = []
    for rows in route(pairs[:, 1], node_parts):
        mine = pairs[rows]
        firsts = np.unique(mine[:, 0])
        at = table.locate(firsts)
        out.append(
            VerifyRequest(
                pairs=mine,
                sampled=flags[rows],
                node=firsts,
                signatures=table.signatures[at],
                store=table.store.take(at),
                windows=table.windows.take(at),
                words=table.words[at],
                sources=[table.sources[int(i)] for i in at],
            )
        )
    return out


@dataclass(frozen=True, slots=True)
class Edges(Sized):
    """Judged pairs (a < b in node order) with their `Judgement`s as columns (`part` a node id);
    `candidates` counts what was checked."""

    pairs: np.ndarray
    relation: np.ndarray
    jaccard: np.ndarray
    resemblance: np.ndarray
    containment: np.ndarray
    part: np.ndarray
    candidates: int = 0

    @classmethod
    def judged(cls, pairs: np.ndarray, verdicts: Sequence[Judgement], ids: np.ndarray, candidates: int) -> Edges:
        """The edges of `PairJudge.verify` (local node numbers, named by `ids`)."""

        def column(name: str, dtype: type) -> np.ndarray:
            return np.fromiter((getattr(v, name) for v in verdicts), dtype=dtype, count=len(verdicts))

        return cls(
            ids[pairs].reshape(-1, 2),
            column("relation", np.int8),
            column("jaccard", np.float64),
            column("resemblance", np.float64),
            column("containment", np.float64),
            ids[column("part", np.int64)],
            candidates,
        )

    @classmethod
    def joined(cls, pieces: Sequence[Edges]) -> Edges:
        return cls(
            concat([p.pairs for p in pieces], np.int64, 2),
            concat([p.relation for p in pieces], np.int8),
            concat([p.jaccard for p in pieces], np.float64),
            concat([p.resemblance for p in pieces], np.float64),
            concat([p.containment for p in pieces], np.float64),
            concat([p.part for p in pieces], np.int64),
            sum(p.candidates for p in pieces),
        )

    def take(self, rows: np.ndarray) -> Edges:
        return Edges(
            self.pairs[rows],
            self.relation[rows],
            self.jaccard[rows],
            self.resemblance[rows],
            self.containment[rows],
            self.part[rows],
        )

    def judgements(self, part: np.ndarray) -> list[Judgement]:
        """The `Judgement`s again, with `part` given in the caller's node numbers."""
        columns = (self.relation, self.jaccard, self.resemblance, self.containment, part)
        return [Judgement(*row) for row in zip(*(c.tolist() for c in columns), strict=True)]


def verify_edges(table: NodeTable, requests: Sequence[VerifyRequest], config: DedupeConfig) -> Edges:
    """Stage 4b: the local engine's `PairJudge.verify` on the pairs whose second node is here (after
    `screened_candidates` when the run decides by Jaccard alone, as locally)."""
    requests = [r for r in requests if len(r.pairs)]
    if not requests:
        return Edges.judged(np.empty((0, 2), dtype=np.int64), [], np.empty(0, dtype=np.int64), 0)
    visitors = concat([r.node for r in requests], np.int64)
    offsets = np.cumsum([0] + [len(r.node) for r in requests])
    judge = PairJudge(
        concat_stores([*(r.store for r in requests), table.store]),
        concat_windows([*(r.windows for r in requests), table.windows], config.ngram),
        np.concatenate([*(r.words for r in requests), table.words]),
        [source for r in requests for source in r.sources] + table.sources,
        relation_settings(config),
    )
    local = np.concatenate(
        [
            np.stack([start + np.searchsorted(r.node, r.pairs[:, 0]), len(visitors) + table.locate(r.pairs[:, 1])], 1)
            for start, r in zip(offsets[:-1], requests, strict=True)
        ]
    )
    if config.uses_windows:
        edges, verdicts = judge.verify(local, np.concatenate([r.sampled for r in requests]))
    else:
        signatures = np.concatenate([*(r.signatures for r in requests), table.signatures])
        edges, verdicts = judge.verify(screened_candidates(local, signatures, config))
    return Edges.judged(edges, verdicts, np.concatenate([visitors, table.node]), len(local))
