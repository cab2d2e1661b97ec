"""Verification and clustering: from LSH candidates to clusters that never chain.

Stages, each a function: `verify_pairs` (exact Jaccard of the shingle sets), `star_clusters` (anchors in a
canonical order, every member verified against its anchor), `keep_ranks` (the total order that picks the
kept copy).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

#: A candidate whose MinHash estimate is this far below the threshold is dropped without the exact check.
#: With 128 permutations the estimate's standard deviation is at most 0.044, so 0.2 is more than 4.5 sigma:
#: it saves the exact check for the same-topic pairs LSH lets through, and loses no true match in practice.
ESTIMATE_MARGIN = 0.2


@dataclass(frozen=True, slots=True)
class ShingleStore:
    """The shingle sketch of every node (see `shingle_sketch`), concatenated: no per-node object.

    32 bits are enough for a Jaccard: two articles of 500 shingles share a false hash collision with
    probability ~6e-5, which moves their Jaccard by 1/1000 at most.
    """

    hashes: np.ndarray
    offsets: np.ndarray

    @classmethod
    def from_parts(cls, parts: Sequence[np.ndarray]) -> ShingleStore:
        lengths = np.fromiter((len(p) for p in parts), dtype=np.int64, count=len(parts))
        offsets = np.zeros(len(parts) + 1, dtype=np.int64)
        np.cumsum(lengths, out=offsets[1:])
        hashes = np.concatenate(parts).astype(np.uint32, copy=False) if parts else np.empty(0, np.uint32)
        return cls(hashes, offsets)

    def __len__(self) -> int:
        return len(self.offsets) - 1

    def get(self, node: int) -> np.ndarray:
        return self.hashes[self.offsets[node] : self.offsets[node + 1]]

    def size(self, node: int) -> int:
        return int(self.offsets[node + 1] - self.offsets[node])

    def take(self, nodes: np.ndarray) -> ShingleStore:
        return ShingleStore.from_parts([self.get(int(n)) for n in nodes])

    @property
    def nbytes(self) -> int:
        return self.hashes.nbytes + self.offsets.nbytes


#: Acceptance tolerance of every similarity test against a threshold: similarities are compared in float64,
#: so a pair at exactly 7/10 passes a 0.7 threshold. The one constant every engine uses.
TOLERANCE = 1e-9

#: At most this many shingle hashes are kept per article (4 KiB). An article with fewer unique shingles (about
#: 1,000 words; 99.6% of the real sample) keeps them all and is verified exactly; a longer one keeps its
#: smallest hashes, a bottom-k sketch, so dedupe memory grows with the number of articles, not their length.
SKETCH_SIZE = 1024


def shingle_sketch(hashes: np.ndarray, size: int = SKETCH_SIZE) -> np.ndarray:
    """The sorted unique 32-bit hashes of an article's shingles, cut to the `size` smallest.

    Why the smallest: the bottom-k of two sets' union is a uniform sample of it, and each side's own bottom-k
    holds every member of that sample it has, so two sketches still give an unbiased Jaccard (see `jaccard`)
    whose error at k = 1024 is at most 0.016 (one sigma), against 0.044 for a 128-permutation MinHash.
    """
    return np.unique(np.asarray(hashes).astype(np.uint32, copy=False))[:size]


def _is_complete(sketch: np.ndarray, size: int) -> bool:
    return len(sketch) < size


def jaccard(a: np.ndarray, b: np.ndarray, size: int = SKETCH_SIZE) -> float:
    """Jaccard similarity of two shingle sketches (1.0 for two empty ones).

    Exact when both articles kept all their shingles; otherwise the bottom-k estimate: the share of the
    `size` smallest hashes of the union that both sketches hold.
    """
    if len(a) == 0 and len(b) == 0:
        return 1.0
    if _is_complete(a, size) and _is_complete(b, size):
        inter = np.intersect1d(a, b, assume_unique=True).size
        return inter / (len(a) + len(b) - inter)
    sample = np.union1d(a, b)[:size]
    both = np.isin(sample, a, assume_unique=True) & np.isin(sample, b, assume_unique=True)
    return float(both.sum()) / len(sample)


def estimate_similarity(signatures: np.ndarray, pairs: np.ndarray, batch: int = 65536) -> np.ndarray:
    """MinHash estimate (share of equal permutation minima) for each pair, computed in batches."""
    out = np.empty(len(pairs), dtype=np.float32)
    for start in range(0, len(pairs), batch):
        chunk = pairs[start : start + batch]
        out[start : start + batch] = (signatures[chunk[:, 0]] == signatures[chunk[:, 1]]).mean(axis=1)
    return out


def verify_pairs(
    pairs: np.ndarray, signatures: np.ndarray, store: ShingleStore, threshold: float
) -> tuple[np.ndarray, np.ndarray]:
    """The candidate pairs whose exact Jaccard is >= threshold, and those Jaccards.

    Exact, not estimated: an estimate from 128 permutations is off by 0.04 (one sigma), which would let
    daily-template articles at 0.65 through a 0.7 threshold one time in ten.
    """
    if len(pairs) == 0:
        return np.empty((0, 2), dtype=np.int64), np.empty(0, dtype=np.float32)
    estimates = estimate_similarity(signatures, pairs)
    plausible = pairs[estimates >= threshold - ESTIMATE_MARGIN]
    sims = np.fromiter(
        (jaccard(store.get(int(a)), store.get(int(b))) for a, b in plausible),
        dtype=np.float64,
        count=len(plausible),
    )
    ok = sims >= threshold - TOLERANCE
    return plausible[ok], sims[ok].astype(np.float32)


def star_clusters(
    n_nodes: int,
    edges: np.ndarray,
    sims: np.ndarray,
    weights: np.ndarray,
    tiebreak: np.ndarray,
    similar: Callable[[int, int], float] | None = None,
    floor: float = 0.0,
    joins: Callable[[int, int], bool] | None = None,
) -> np.ndarray:
    """Anchor node of every node: greedy star clustering over verified edges, with a floor on every pair.

    Nodes are visited by decreasing weighted degree (how many records they are verified-similar to), then
    by `tiebreak` (larger first), then by node number; an unassigned node becomes an anchor and takes its
    still-unassigned neighbours, most similar first. Every member is verified against its anchor, so A~B and
    B~C never put A with C through B alone: no chains. Starting from the best connected node puts the
    original wire story, not one outlet's edited copy, at the centre, so its edited copies (alike to the
    original, less alike to each other) still land in one cluster.

    The anchor alone would only bound a pair of members to `2 * threshold - 1`; two daily-template
    articles each 0.7 alike to a third can be 0.5 alike to each other. So a neighbour joins only if
    `similar(neighbour, member) >= floor` for every member already in: no pair in a cluster is below the
    floor, whichever copy is kept. The visiting order depends only on content (node numbers are sorted
    content hashes), never on the input order. `joins(neighbour, member)`, when given, replaces that test
    (`newsclean.relations.PairJudge.alike`: the floor on either measure, and templates kept apart).
    """
    anchors = np.full(n_nodes, -1, dtype=np.int64)
    if len(edges) == 0:
        return np.arange(n_nodes, dtype=np.int64)
    a, b = edges[:, 0], edges[:, 1]
    degree = weights - 1
    degree = degree + np.bincount(a, weights=weights[b], minlength=n_nodes).astype(np.int64)
    degree = degree + np.bincount(b, weights=weights[a], minlength=n_nodes).astype(np.int64)
    both = np.concatenate([edges, edges[:, ::-1]])
    both_sims = np.concatenate([sims, sims])
    ordering = np.lexsort((both[:, 1], -both_sims, both[:, 0]))
    both, both_sims = both[ordering], both_sims[ordering]
    starts = np.searchsorted(both[:, 0], np.arange(n_nodes + 1))
    linked = np.flatnonzero(np.diff(starts) > 0)
    order = linked[np.lexsort((linked, -tiebreak[linked], -degree[linked]))]
    for node in order:
        if anchors[node] >= 0:
            continue
        anchors[node] = node
        members: list[int] = []
        for neighbour in both[starts[node] : starts[node + 1], 1]:
            if anchors[neighbour] >= 0:
                continue
            if joins is not None:
                if not all(joins(int(neighbour), m) for m in members):
                    continue
            elif similar is not None and floor > 0 and any(similar(neighbour, m) < floor for m in members):
                continue
            anchors[neighbour] = node
            members.append(int(neighbour))
    alone = anchors < 0
    anchors[alone] = np.flatnonzero(alone)
    return anchors


def keep_ranks(keys: Sequence[np.ndarray]) -> np.ndarray:
    """Rank of every record under the lexicographic order of `keys` (first key most significant; smaller
    first). The caller ends the keys with the input index, so the order is total and ties cannot occur."""
    order = np.lexsort(tuple(reversed(keys)))
    ranks = np.empty(len(order), dtype=np.int64)
    ranks[order] = np.arange(len(order))
    return ranks
