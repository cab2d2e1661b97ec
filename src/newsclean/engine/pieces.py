"""What the partitioned dedupe stages share: cross-partition identifiers, hash routing, concatenation.

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

import sys
from collections.abc import Sequence
from dataclasses import fields
from typing import Any

import numpy as np

from ..alignment import WindowStore
from ..clusters import ShingleStore

POSITION_BITS = 32
LOCAL_MASK = (1 << POSITION_BITS) - 1
_SIGN_BIT = np.uint64(1 << 63)


def _deep_size(value: Any) -> int:
    if isinstance(value, np.ndarray):
        return value.nbytes
    if isinstance(value, (ShingleStore, WindowStore)):
        return value.nbytes
    if isinstance(value, (list, tuple)):
        return sys.getsizeof(value) + sum(_deep_size(v) for v in value)
    if isinstance(value, dict):
        return sys.getsizeof(value) + sum(_deep_size(k) + _deep_size(v) for k, v in value.items())
    return sys.getsizeof(value)


class Sized:
    """Base of the pieces the stages exchange: `sys.getsizeof` counts the arrays a piece holds.

    Dask measures a task's result with `sys.getsizeof` when it knows nothing better; without this a node
    table of a gigabyte would count as a hundred bytes, and the worker would never spill it to disk or
    pause before running out of memory.
    """

    __slots__ = ()

    def __sizeof__(self) -> int:
        return object.__sizeof__(self) + sum(_deep_size(getattr(self, f.name)) for f in fields(self))  # type: ignore[arg-type]


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


def concat_windows(stores: Sequence[WindowStore], ngram: int) -> WindowStore:
    """One window store holding the nodes of `stores` one after the other."""
    if not stores:
        return WindowStore.from_parts([], ngram)

    def offsets(parts: list[np.ndarray]) -> np.ndarray:
        lengths = np.concatenate([np.diff(o) for o in parts])
        out = np.zeros(len(lengths) + 1, dtype=np.int64)
        np.cumsum(lengths, out=out[1:])
        return out

    return WindowStore(
        np.concatenate([s.hashes for s in stores]).astype(np.uint32, copy=False),
        offsets([s.hash_offsets for s in stores]),
        np.concatenate([s.dated for s in stores]).astype(bool, copy=False),
        offsets([s.word_offsets for s in stores]),
        ngram,
    )


def concat(arrays: Sequence[np.ndarray], dtype: type, width: int | None = None) -> np.ndarray:
    if arrays:
        return np.concatenate(arrays)
    return np.empty((0, width) if width else 0, dtype=dtype)


def group_starts(sorted_keys: np.ndarray) -> np.ndarray:
    """Indexes where a new key starts in a sorted array."""
    return np.flatnonzero(np.r_[True, sorted_keys[1:] != sorted_keys[:-1]]) if len(sorted_keys) else sorted_keys
