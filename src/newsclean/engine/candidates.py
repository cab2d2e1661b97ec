"""Dedupe stages 1-4 over partitions: sign, exact nodes, LSH band buckets, verified edges.

Each function takes the pieces other partitions sent it and returns one piece per destination partition
(`newsclean.engine.pieces`); `newsclean.engine.dask_graph` wires them together.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..clusters import ShingleStore, verify_pairs
from ..dedupe_config import DedupeConfig
from ..deduplication import as_mapping, keep_keys, sign_records
from ..lsh import BandIndex, band_keys
from .pieces import (
    Sized,
    concat,
    concat_stores,
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
            )
        )
    return outline, pieces, len(items)


# ------------------------------------------------------------------------------------ 2. exact groups


@dataclass(frozen=True, slots=True)
class NodeTable(Sized):
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
    record_node = concat([p.record_node for p in pieces], np.int64)
    record_position = concat([p.record_position for p in pieces], np.int64)
    major = concat([p.record_major for p in pieces], np.float64)
    minor = concat([p.record_minor for p in pieces], np.int64)
    all_nodes = concat([p.node for p in pieces], np.int64)
    node, first = np.unique(all_nodes, return_index=True)
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
    pairs = np.unique(np.concatenate(found), axis=0) if found else np.empty((0, 2), dtype=np.int64)
    return [pairs[r] for r in route(pairs[:, 0], node_parts)]


# ------------------------------------------------------------------------------------------- 4. verify


@dataclass(frozen=True, slots=True)
class VerifyRequest(Sized):
    """Candidate pairs whose second node lives in one node partition, with the first nodes' data."""

    pairs: np.ndarray
    node: np.ndarray
    signatures: np.ndarray
    store: ShingleStore


def verification_requests(table: NodeTable, pieces: Sequence[np.ndarray], node_parts: int) -> list[VerifyRequest]:
    """Stage 4a: candidate pairs (unique) owned by their first node, sent with its data to the second's."""
    pairs = np.unique(concat(list(pieces), np.int64, 2), axis=0)
    out: list[VerifyRequest] = []
    for rows in route(pairs[:, 1], node_parts):
        mine = pairs[rows]
        firsts = np.unique(mine[:, 0])
        at = table.locate(firsts)
        out.append(VerifyRequest(mine, firsts, table.signatures[at], table.store.take(at)))
    return out


@dataclass(frozen=True, slots=True)
class Edges(Sized):
    """Verified pairs (a < b in node order) and their exact Jaccard; `candidates` counts what was checked."""

    pairs: np.ndarray
    sims: np.ndarray
    candidates: int = 0


def verify_edges(table: NodeTable, requests: Sequence[VerifyRequest], threshold: float) -> Edges:
    """Stage 4b: the local engine's `verify_pairs` on the pairs whose second node is here."""
    requests = [r for r in requests if len(r.pairs)]
    if not requests:
        return Edges(np.empty((0, 2), dtype=np.int64), np.empty(0, dtype=np.float32))
    visitors = concat([r.node for r in requests], np.int64)
    offsets = np.cumsum([0] + [len(r.node) for r in requests])
    signatures = np.concatenate([*(r.signatures for r in requests), table.signatures])
    store = concat_stores([*(r.store for r in requests), table.store])
    local = np.concatenate(
        [
            np.stack([start + np.searchsorted(r.node, r.pairs[:, 0]), len(visitors) + table.locate(r.pairs[:, 1])], 1)
            for start, r in zip(offsets[:-1], requests, strict=True)
        ]
    )
    edges, sims = verify_pairs(local, signatures, store, threshold)
    ids = np.concatenate([visitors, table.node])
    return Edges(ids[edges].reshape(-1, 2), sims, candidates=len(local))
