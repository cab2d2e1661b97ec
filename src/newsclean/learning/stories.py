"""Which sampled articles are copies of one story, so that a segment is counted once per story.

Why: a wire paragraph carried by every copy of a re-scraped or republished story recurs in many *documents*
but in one *story*; counted per document it would be learned as boilerplate and cut from the story itself.
The dedupe machinery decides what a copy is: MinHash signatures of word 5-grams (the fast hash: these
signatures never leave the process), LSH bands tuned to find pairs at `COPY_SIMILARITY`, the estimated
Jaccard of each candidate, and connected components of the pairs that reach it.

A low bar on purpose (desk-edited copies share half their 5-grams): merging two distinct stories only makes
a segment's count smaller, which keeps text in; missing a copy inflates it, which could cut prose.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

import numpy as np

from ..clusters import estimate_similarity
from ..lsh import BandIndex, band_keys, choose_bands, unique_pairs
from ..signature import signatures

#: The estimated Jaccard of word 5-grams above which two articles are copies of one story.
COPY_SIMILARITY: Final = 0.5
#: Permutations of the story signatures: enough to tell copies (>= 0.5) from distinct stories (~0) apart, and
#: for bands of two rows (32 x 1 would pair every two articles that share one 5-gram).
STORY_PERMUTATIONS: Final = 64
STORY_SEED: Final = 1


def story_ids(texts: Sequence[str]) -> np.ndarray:
    """For each text, the smallest index of the texts it is a copy of (directly or through other copies)."""
    n = len(texts)
    parent = np.arange(n, dtype=np.int64)
    if n < 2:
        return parent
    sigs = signatures(texts, ngram=5, num_perm=STORY_PERMUTATIONS, seed=STORY_SEED, hash="fast")
    pairs = _candidate_pairs(sigs)
    if len(pairs):
        empty = (sigs == np.uint32(0xFFFFFFFF)).all(axis=1)
        similar = estimate_similarity(sigs, pairs) >= COPY_SIMILARITY
        for a, b in pairs[similar]:
            if empty[a] or empty[b]:
                continue
            root_a, root_b = _root(parent, int(a)), _root(parent, int(b))
            if root_a != root_b:
                parent[max(root_a, root_b)] = min(root_a, root_b)
    return np.fromiter((_root(parent, i) for i in range(n)), dtype=np.int64, count=n)


def _candidate_pairs(sigs: np.ndarray) -> np.ndarray:
    """The unique (a, b) row pairs, a < b and sorted, that share an LSH band: `BandIndex.pairs`, with the
    buckets of every band paired in one pass instead of one pass per band.

    Why one pass: a source's sample is small, so pairing its 32 bands one by one is mostly the cost of each
    band's numpy calls. The buckets are the same: `band_keys` sets the keys of each band apart (two bands'
    keys meeting would take a 64-bit collision, which could only add a candidate that the similarity check
    then judges)."""
    bands, rows = choose_bands(COPY_SIMILARITY, STORY_PERMUTATIONS)
    keys = band_keys(sigs, bands, rows).ravel()
    rows_of_keys = np.repeat(np.arange(len(sigs), dtype=np.int64), bands)
    found = list(BandIndex(bands, rows).band_pairs(keys, rows_of_keys))
    if not found:
        return np.empty((0, 2), dtype=np.int64)
    return unique_pairs(np.concatenate(found))


def _root(parent: np.ndarray, node: int) -> int:
    while parent[node] != node:
        parent[node] = parent[parent[node]]
        node = int(parent[node])
    return node
