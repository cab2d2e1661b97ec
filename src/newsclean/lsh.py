"""LSH banding: which pairs of signatures are worth verifying.

`BandIndex` is the in-memory index of one run (`insert`, `insert_many`, `query`, `pairs`); the persistent
indexes of `newsclean.index` (SQLite, Redis) store the same `band_keys` in their own storage.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterator, Sequence
from typing import Final

import numpy as np

#: Odd 64-bit multipliers of the band hash (digits of pi and e); any odd constants would do, fixed ones
#: keep bucket keys identical across runs and machines.
_MIX = np.array([0x243F6A8885A308D3, 0x9E3779B97F4A7C15], dtype=np.uint64)


def candidate_probability(similarity: float, bands: int, rows: int) -> float:
    """Chance that a pair of Jaccard `similarity` shares at least one band: 1 - (1 - s^r)^b."""
    return 1.0 - (1.0 - similarity**rows) ** bands


def choose_bands(threshold: float, num_perm: int, target_recall: float = 0.995) -> tuple[int, int]:
    """Bands x rows that make a pair at `threshold` a candidate with probability >= `target_recall`.

    Why not datasketch's choice: it minimises false-positive plus false-negative area, which for 0.8 and
    128 permutations gives 9 x 13 and finds only ~40% of pairs whose Jaccard is exactly 0.8. Here every
    candidate is verified exactly afterwards, so a false candidate costs microseconds while a missed one is a
    lost duplicate. Among the layouts that reach the recall target, the one with the most rows (fewest
    false candidates from same-topic articles) wins; with no such layout, the one with the best recall.
    """
    best: tuple[int, int] | None = None
    fallback = (num_perm, 1)
    for rows in range(1, num_perm + 1):
        bands = num_perm // rows
        p = candidate_probability(threshold, bands, rows)
        if p >= target_recall:
            best = (bands, rows)
        if p > candidate_probability(threshold, *fallback):
            fallback = (bands, rows)
    return best or fallback


def band_keys(signatures: np.ndarray, bands: int, rows: int) -> np.ndarray:
    """(n, bands) uint64 bucket keys: each band's `rows` values folded by multiply-xor into 64 bits.

    A collision of two different bands only adds a false candidate, which verification rejects.
    """
    sig = np.ascontiguousarray(signatures[:, : bands * rows], dtype=np.uint64).reshape(len(signatures), bands, rows)
    key = np.zeros((len(signatures), bands), dtype=np.uint64)
    with np.errstate(over="ignore"):
        for r in range(rows):
            key = (key ^ sig[:, :, r]) * _MIX[r % 2]
            key ^= key >> np.uint64(29)
        key += np.arange(bands, dtype=np.uint64) * _MIX[1]
    return key


#: Candidates taken from one band bucket (the default of `DedupeConfig.max_bucket`). A daily template or a
#: story republished hundreds of times fills one bucket; without a cap every copy would be paired with all of
#: them. The persistent indexes apply the same cap, keeping the earliest indexed members.
MAX_BUCKET = 200


class BandIndex:
    """In-memory banded LSH over integer keys.

    `insert`/`query` serve one record at a time (incremental use); `insert_many` + `pairs` serve a batch
    with numpy, sorting each band's keys once instead of hashing a million small byte strings.
    """

    def __init__(self, bands: int, rows: int, max_bucket: int = MAX_BUCKET) -> None:
        self.bands = bands
        self.rows = rows
        self.max_bucket = max_bucket
        self._keys: list[np.ndarray] = []
        self._ids: list[np.ndarray] = []
        self._buckets: dict[int, list[Hashable]] = defaultdict(list)

    def insert(self, key: Hashable, signature: np.ndarray) -> None:
        for bucket in band_keys(np.asarray(signature).reshape(1, -1), self.bands, self.rows)[0]:
            self._buckets[int(bucket)].append(key)

    def query(self, signature: np.ndarray) -> list[Hashable]:
        """Keys inserted with `insert` that share a band with `signature`, each once, in insertion order."""
        found: dict[Hashable, None] = {}
        for bucket in band_keys(np.asarray(signature).reshape(1, -1), self.bands, self.rows)[0]:
            found.update(dict.fromkeys(self._buckets.get(int(bucket), ())))
        return list(found)

    def insert_many(self, ids: Sequence[int] | np.ndarray, signatures: np.ndarray) -> None:
        self._ids.append(np.asarray(ids, dtype=np.int64))
        self._keys.append(band_keys(signatures, self.bands, self.rows))

    def pairs(self) -> np.ndarray:
        """Unique (a, b) id pairs with a < b that share a band among `insert_many` ids, sorted.

        A bucket larger than `max_bucket` (a daily template, a story republished hundreds of times) pairs
        each member only with its `max_bucket` smallest ids instead of with all: the quadratic blow-up is
        avoided and the smallest ids (a canonical, input-order-free choice) still link the whole bucket.
        """
        if not self._ids:
            return np.empty((0, 2), dtype=np.int64)
        ids = np.concatenate(self._ids)
        keys = np.concatenate(self._keys)
        found: list[np.ndarray] = []
        for band in range(self.bands):
            found.extend(self.band_pairs(keys[:, band], ids))
        if not found:
            return np.empty((0, 2), dtype=np.int64)
        return unique_pairs(np.concatenate(found))

    def band_pairs(self, keys: np.ndarray, ids: np.ndarray) -> Iterator[np.ndarray]:
        """The id pairs of one band's buckets (members in id order, `pairs` says which), a block at a time.

        Buckets of one size are paired together, with one index array for all of them: most buckets of a
        band hold two or three ids, and pairing them one by one cost a few numpy calls each (about 40 us a
        bucket). A bucket over `max_bucket` is paired alone."""
        order = np.lexsort((ids, keys))
        sorted_keys = keys[order]
        starts = np.flatnonzero(np.r_[True, sorted_keys[1:] != sorted_keys[:-1]])
        sizes = np.diff(np.r_[starts, len(sorted_keys)])
        shared = sizes > 1
        starts, sizes = starts[shared], sizes[shared]
        small = sizes <= self.max_bucket
        for size in np.unique(sizes[small]).tolist():
            first = starts[small & (sizes == size)]
            a, b = np.triu_indices(size, k=1)
            yield np.stack([ids[order[first[:, None] + a]].ravel(), ids[order[first[:, None] + b]].ravel()], axis=1)
        for start, size in zip(starts[~small].tolist(), sizes[~small].tolist(), strict=True):
            members = ids[order[start : start + size]]
            a = np.concatenate([np.full(size - i - 1, i) for i in range(self.max_bucket)])
            b = np.concatenate([np.arange(i + 1, size) for i in range(self.max_bucket)])
            yield np.stack([members[a], members[b]], axis=1)


#: The widest span of ids whose pairs `unique_pairs` codes as one int64 (its square stays below 2**63).
MAX_CODED_SPAN: Final = 3_037_000_499


def unique_pairs(pairs: np.ndarray) -> np.ndarray:
    """`np.unique(pairs, axis=0)` for an (n, 2) array of int64 ids: each pair coded as one number, `a * span +
    b` (ids shifted to start at 0), which sorts as the pairs do.

    Why: the unique of rows views them as records and sorts those, several times slower than sorting numbers.
    Ids spread wider than `MAX_CODED_SPAN` would overflow the code and take the row unique instead."""
    if not len(pairs):
        return np.empty((0, 2), dtype=np.int64)
    low = int(pairs.min())
    span = int(pairs.max()) - low + 1
    if span > MAX_CODED_SPAN:
        return np.unique(pairs, axis=0)
    codes = np.unique((pairs[:, 0] - low) * span + (pairs[:, 1] - low))
    return np.stack([codes // span + low, codes % span + low], axis=1)
