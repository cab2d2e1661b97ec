"""Candidate pairs for edited copies and teasers: an inverted index of a fixed sample of each article's n-grams.

Why a second candidate stage beside the MinHash LSH: LSH bands find pairs by their Jaccard, and the
duplicates that real scrapes hold are often far below any Jaccard an LSH can afford (re-led desk copies at
0.25-0.5, a first-page scrape at 0.15, an article reprinted inside a roundup at 0.14). What those pairs share
is long runs of words, a large share of the *shorter* text.

Every article keeps the n-grams whose (mixed) window hash has its low `SAMPLE_BITS` bits at zero: one in
four, chosen by content alone (one in eight left a re-led copy at resemblance 0.705 with 5 shared samples
of 20: too few for the binomial noise). Sampling by value keeps containment: when A lies inside B, every sampled
n-gram of A is a sampled n-gram of B, so the share of A's samples found in B estimates how much of A is in
B, whatever their lengths. Two articles become a candidate pair when they share at least `MIN_SHARED`
samples and `min_share` of the smaller sample set. An n-gram sampled in more than `MAX_DF` articles is left
out: it is boilerplate or a template line, and its pairs would be quadratic in its frequency while telling
nothing (copies of a story widely syndicated share rarer n-grams too, and the LSH finds the close ones).

Memory: one sample in four of each article's n-grams, 12 bytes each while the pairs are built.
"""

from __future__ import annotations

from typing import Final

import numpy as np

from .alignment import WindowStore

SAMPLE_BITS: Final = 2
MAX_DF: Final = 32
MIN_SHARED: Final = 2
#: The least share of the smaller sample set two articles must share to be compared: the shared share
#: estimates the 5-gram containment of the shorter one, 0.38 at the least for a labelled duplicate, so this
#: leaves room for sampling noise.
MIN_SHARE: Final = 0.25


def sampled_pairs(store: WindowStore, min_share: float = MIN_SHARE) -> np.ndarray:
    """Node pairs (a < b, sorted rows) sharing enough sampled n-grams (module docstring)."""
    values, owners, sizes = sampled_values(store)
    left, right = shared_sample_pairs(values, owners)
    if len(left) == 0:
        return np.empty((0, 2), dtype=np.int64)
    keys, shared = np.unique(owners[left] * len(store) + owners[right], return_counts=True)
    a, b = keys // len(store), keys % len(store)
    ok = enough_shared(shared, sizes[a], sizes[b], min_share)
    return np.stack([a[ok], b[ok]], axis=1).astype(np.int64)


def sampled_values(store: WindowStore) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(values, owners, sizes): every node's distinct sampled window hashes, one row per (value, node),
    sorted by value then node, and each node's count of them. The Dask engine routes these rows by value,
    so that the nodes sharing a sample meet in one partition."""
    owners = np.repeat(np.arange(len(store), dtype=np.int64), np.diff(store.hash_offsets))
    chosen = (store.hashes & np.uint32((1 << SAMPLE_BITS) - 1)) == 0
    values, owners = store.hashes[chosen], owners[chosen]
    order = np.lexsort((owners, values))
    values, owners = values[order], owners[order]
    first = np.ones(len(values), dtype=bool)
    first[1:] = (values[1:] != values[:-1]) | (owners[1:] != owners[:-1])
    values, owners = values[first], owners[first]
    return values, owners, np.bincount(owners, minlength=len(store))


def shared_sample_pairs(values: np.ndarray, owners: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(left, right) row indexes of every two rows with one sampled value, owner of left < owner of right,
    one pair per shared value, over values held by 2 to `MAX_DF` owners; rows sorted by (value, owner) with
    one row per (value, owner), as `sampled_values` gives them."""
    if len(values) == 0:
        return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64)
    _, starts, counts = np.unique(values, return_index=True, return_counts=True)
    useful = (counts >= 2) & (counts <= MAX_DF)
    lefts: list[np.ndarray] = []
    rights: list[np.ndarray] = []
    for width in np.unique(counts[useful]).tolist():
        group_starts = starts[useful & (counts == width)]
        members = group_starts[:, None] + np.arange(width)
        left, right = np.triu_indices(width, 1)
        lefts.append(members[:, left].ravel())
        rights.append(members[:, right].ravel())
    if not lefts:
        return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64)
    return np.concatenate(lefts).astype(np.int64), np.concatenate(rights).astype(np.int64)


def enough_shared(
    shared: np.ndarray, size_a: np.ndarray, size_b: np.ndarray, min_share: float = MIN_SHARE
) -> np.ndarray:
    """Which pairs share enough samples: `MIN_SHARED` at least and `min_share` of the smaller sample set."""
    need = np.maximum(MIN_SHARED, np.ceil(min_share * np.minimum(size_a, size_b)))
    return shared >= need
