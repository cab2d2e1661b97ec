"""Dedupe stages 5-6 over partitions: connected components of the verified edges, then the local engine's
`star_clusters` on whole components and the kept copy of each star.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ..clusters import ShingleStore, jaccard, star_clusters
from ..dedupe_config import DedupeConfig
from .candidates import Edges, NodeTable
from .pieces import (
    Sized,
    concat,
    concat_stores,
    group_starts,
    route,
)

# ----------------------------------------------------------------------------- 5. connected components


@dataclass(frozen=True, slots=True)
class Labels(Sized):
    """Component (its smallest node id) of the linked nodes of one node partition."""

    node: np.ndarray
    component: np.ndarray


def connected_components(pieces: Sequence[Edges], parts: int) -> tuple[list[Labels], list[Edges]]:
    """Stage 5: components of the verified graph, by min-label propagation with pointer jumping.

    All edges meet in this one task: an edge is 20 bytes, so even 100M of them fit one worker (docs/design/dask.md).
    Returns each node partition its nodes' labels and each component partition its components' edges.
    """
    pairs = concat([p.pairs for p in pieces], np.int64, 2)
    sims = concat([p.sims for p in pieces], np.float32)
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
class Members(Sized):
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
class NodeVerdicts(Sized):
    """For nodes of one node partition: the kept record of their cluster, its node, and the Jaccard with it."""

    node: np.ndarray
    kept_position: np.ndarray
    kept_node: np.ndarray
    similarity: np.ndarray


def cluster_components(
    members: Sequence[Members], edges: Edges, config: DedupeConfig, parts: int
) -> list[NodeVerdicts]:
    """Stage 6b: the local engine's `star_clusters` over whole components, then each star's kept copy."""
    node = concat([m.node for m in members], np.int64)
    order = np.argsort(node, kind="stable")
    node = node[order]
    size = concat([m.size for m in members], np.int64)[order]
    words = concat([m.words for m in members], np.int32)[order]
    major = concat([m.best_major for m in members], np.float64)[order]
    minor = concat([m.best_minor for m in members], np.int64)[order]
    position = concat([m.best_position for m in members], np.int64)[order]
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
    firsts = best[group_starts(anchors[best])]
    kept_by_anchor[anchors[firsts]] = firsts
    kept = kept_by_anchor[anchors]
    similarity = np.ones(len(node), dtype=np.float32)
    for i in np.flatnonzero(kept != np.arange(len(node))):
        similarity[i] = jaccard(store.get(int(i)), store.get(int(kept[i])))
    return [NodeVerdicts(node[r], position[kept[r]], node[kept[r]], similarity[r]) for r in route(node, parts)]
