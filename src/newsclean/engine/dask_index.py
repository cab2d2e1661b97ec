"""The Dask engine against a persistent (Redis) index: the stages of `newsclean.engine.indexed` wired into the
graph `dask_graph.dedupe` builds, and the update the driver commits.

The workers only read the index (each task opens its own client from the URL); every write is the driver's,
once the graph has computed, inside the transaction (and lock) it took before the run started
(docs/design/dask.md, "With an index").
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from typing import Any, Protocol

import dask.bag
from dask.delayed import Delayed

from ..dedupe_config import DedupeConfig
from .dask_graph import dedupe
from .indexed import (
    IndexQuery,
    crossing_requests,
    drop_matched_records,
    index_changes,
    index_update,
    indexed_records,
    indexed_rows,
    inherit_index_matches,
    kept_ids,
    number_indexed,
    query_index,
    unmatched_edges,
)


class TaskGraph(Protocol):
    """The graph `dask_graph.dedupe` builds: a task per stage and partition, and a getitem task per piece."""

    def add(self, function: Callable[..., Any], index: int, *args: Any) -> tuple: ...

    def piece(self, key: tuple, *at: int) -> tuple: ...


class IndexWiring:
    """Adds the index stages to one graph while `dask_graph.dedupe` builds it; `update` is then the key of
    the task whose result (`indexed.IndexedRun`) the driver applies.

    Its token is new for every run: the index answers depend on what the index holds, not only on the
    inputs, so a re-run of the same files must not reuse the keys (or results) of the previous one.
    """

    def __init__(self, query: IndexQuery, keep: str) -> None:
        self.query = query
        self.keep = keep
        self.token = uuid.uuid4().hex
        self.matches: list[tuple] = []
        self.update: tuple | None = None

    def match(self, g: TaskGraph, tables: Sequence[tuple], edges: Sequence[tuple], parts: int) -> list[tuple]:
        """Steps 1-2 (query, inherit) after verification; returns the edges today's clusters are made of."""
        direct = [g.add(query_index, r, t, self.query) for r, t in enumerate(tables)]
        crossing = g.add(crossing_requests, 0, list(edges), direct, parts)
        self.matches = [
            g.add(inherit_index_matches, r, t, direct[r], [g.piece(crossing, r)], self.query)
            for r, t in enumerate(tables)
        ]
        return [g.add(unmatched_edges, 0, list(edges), self.matches)]

    def unmatched(self, g: TaskGraph, tables: Sequence[tuple], verdicts: Sequence[tuple]) -> list[tuple]:
        """Today's record verdicts without the matched records, before numbering."""
        return [g.add(drop_matched_records, r, v, tables[r], self.matches[r]) for r, v in enumerate(verdicts)]

    def finish(
        self,
        g: TaskGraph,
        tables: Sequence[tuple],
        clustered: Sequence[tuple],
        outlines: Sequence[tuple],
        assembled: Sequence[tuple],
        starts: tuple,
        rows: Sequence[tuple],
    ) -> list[tuple]:
        """The matched records' lines put in place, and the run's index update."""
        inputs = len(outlines)
        found = [g.add(indexed_records, r, t, self.matches[r]) for r, t in enumerate(tables)]
        numbered = g.add(number_indexed, 0, found, inputs)
        out = [g.add(indexed_rows, i, rows[i], outlines[i], starts, g.piece(numbered, i)) for i in range(inputs)]
        changes = [
            g.add(index_changes, r, t, self.matches[r], [g.piece(c, r) for c in clustered], self.keep)
            for r, t in enumerate(tables)
        ]
        ids = [g.add(kept_ids, i, outlines[i], assembled[i], starts) for i in range(inputs)]
        self.update = g.add(index_update, 0, changes, ids)
        return out


def dedupe_indexed(
    collection: Any, query: IndexQuery, *, config: DedupeConfig | None = None, partitions: int | None = None
) -> tuple[dask.bag.Bag, Delayed]:
    """`dask_graph.dedupe` against the index `query` names: (verdicts bag, delayed `indexed.IndexedRun`).

    The verdicts are the local engine's with the same index (`newsclean.dedupe(..., index=...)`); compute
    both together (`dask.compute(bag, run)`) so the stages run once, then apply `run.update` to the index
    in the driver's transaction.
    """
    config = (config or DedupeConfig()).jaccard_only()
    wiring = IndexWiring(query, config.keep)
    bag = dedupe(collection, config=config, partitions=partitions, index=wiring)
    assert wiring.update is not None
    return bag, Delayed(wiring.update, bag.dask, layer=bag.name)
