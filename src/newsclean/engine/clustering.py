"""Dedupe stages 5-6 over partitions: connected components of the judged edges, then, per component, the
local engine's `relation_clusters` (star clusters), kept copies and `relations_after_clustering` (contained
and template ties between kept copies).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ..alignment import WindowStore
from ..clusters import ShingleStore
from ..dedupe_config import DedupeConfig
from ..deduplication import SignedRecords, relation_clusters, relation_settings, relations_after_clustering
from ..relations import PairJudge
from .candidates import Edges, NodeTable
from .pieces import (
    Sized,
    concat,
    concat_stores,
    concat_windows,
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
    """Stage 5: components of the judged graph (every relation, not only the merging ones), by min-label
    propagation with pointer jumping.

    Every relation links: a `contained` or kept-apart `template` edge ties two kept copies after clustering,
    and `attach_contained` visits the kept copies it can tie in one order, so both clusters (and any chain
    of ties between them) must be decided in one task. All edges meet in this one task: an edge is 49 bytes,
    so even 20M of them fit one worker (docs/design/dask.md). Returns each node partition its nodes' labels
    and each component partition its components' edges.
    """
    edges = Edges.joined(pieces)
    nodes, inverse = np.unique(edges.pairs.ravel(), return_inverse=True)
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
    by_component = [edges.take(r) for r in route(edge_component, parts)]
    return by_node, by_component


# ------------------------------------------------------------------------------------------ 6. clusters


@dataclass(frozen=True, slots=True)
class Members(Sized):
    """Linked nodes sent to the partition of their component, with what judging, clustering and `keep` read."""

    node: np.ndarray
    component: np.ndarray
    size: np.ndarray
    words: np.ndarray
    best_major: np.ndarray
    best_minor: np.ndarray
    best_position: np.ndarray
    store: ShingleStore
    windows: WindowStore
    sources: list[str]


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
                windows=table.windows.take(mine),
                sources=[table.sources[int(i)] for i in mine],
            )
        )
    return out


@dataclass(frozen=True, slots=True)
class NodeVerdicts(Sized):
    """For nodes of one node partition: the kept record of their cluster and its node, and the result's
    columns for the node's best record (`newsclean.deduplication.empty_columns`; positions, -1 for none)."""

    node: np.ndarray
    kept_position: np.ndarray
    kept_node: np.ndarray
    kept: np.ndarray
    duplicate_of: np.ndarray
    similarity: np.ndarray
    relation: np.ndarray
    related_to: np.ndarray
    resemblance: np.ndarray
    contained_in: np.ndarray
    containment: np.ndarray


def cluster_components(
    members: Sequence[Members], edges: Edges, config: DedupeConfig, parts: int
) -> list[NodeVerdicts]:
    """Stage 6b: the local engine's stages 5-7 on whole components: `relation_clusters`, each star's kept
    copy, then `relations_after_clustering` on one stand-in record per node (its best record: the other
    records of a node are its exact copies, which stage 7 ties to the kept copy).

    The stand-ins are numbered by the rank of their positions, which sort like input positions, so the
    local functions' tie-breaks on the input order hold.
    """
    node = concat([m.node for m in members], np.int64)
    order = np.argsort(node, kind="stable")
    node = node[order]
    size = concat([m.size for m in members], np.int64)[order]
    words = concat([m.words for m in members], np.int32)[order]
    major = concat([m.best_major for m in members], np.float64)[order]
    minor = concat([m.best_minor for m in members], np.int64)[order]
    position = concat([m.best_position for m in members], np.int64)[order]
    sources = [source for m in members for source in m.sources]
    judge = PairJudge(
        concat_stores([m.store for m in members]).take(order),
        concat_windows([m.windows for m in members], config.ngram).take(order),
        words,
        [sources[int(i)] for i in order],
        relation_settings(config),
    )
    local_edges = np.searchsorted(node, edges.pairs).reshape(-1, 2)
    verdicts = edges.judgements(np.searchsorted(node, edges.part))
    anchors = relation_clusters(judge, local_edges, verdicts, size, words, config)
    best = np.lexsort((position, minor, major, anchors))
    kept_by_anchor = np.full(len(node), -1, dtype=np.int64)
    firsts = best[group_starts(anchors[best])]
    kept_by_anchor[anchors[firsts]] = firsts
    kept = kept_by_anchor[anchors]
    by_rank = np.argsort(position, kind="stable")
    rank = np.empty(len(node), dtype=np.int64)
    rank[by_rank] = np.arange(len(node))
    stand_ins = SignedRecords(n_items=len(node), index=rank, words=words)
    columns = relations_after_clustering(
        stand_ins, np.arange(len(node)), kept, judge, local_edges, verdicts, config
    )
    mine = {name: column[rank] for name, column in columns.items()}

    def positions(ranks: np.ndarray) -> np.ndarray:
        return np.where(ranks >= 0, position[by_rank[np.maximum(ranks, 0)]], -1)

    return [
        NodeVerdicts(
            node=node[r],
            kept_position=position[kept[r]],
            kept_node=node[kept[r]],
            kept=mine["kept"][r],
            duplicate_of=positions(mine["duplicate_of"][r]),
            similarity=mine["similarity"][r],
            relation=mine["relation"][r],
            related_to=positions(mine["related_to"][r]),
            resemblance=mine["resemblance"][r],
            contained_in=positions(mine["contained_in"][r]),
            containment=mine["containment"][r],
        )
        for r in route(node, parts)
    ]
