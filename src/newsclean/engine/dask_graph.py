"""`newsclean.dedupe` as a Dask graph: the partitioned stages (`candidates`, `clustering`, `verdicts`), one task
per partition and stage.

Shuffles are explicit: a stage returns one piece per destination partition and the next stage's task for
partition `r` takes piece `r` of every sender (a tasks shuffle, P x R small pieces). Dask is imported here
only; `newsclean` itself never imports this module, so it works without Dask installed.
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import dask.bag
from dask.base import tokenize
from dask.highlevelgraph import HighLevelGraph

from ..dedupe_config import DedupeConfig
from .candidates import (
    band_rows,
    bucket_pairs,
    build_node_table,
    sample_pairs,
    sample_rows,
    sign_partition,
    verification_requests,
    verify_edges,
)
from .clustering import cluster_components, component_members, connected_components
from .verdicts import answer_requests, assemble, offsets, record_verdicts, verdict_rows

if TYPE_CHECKING:
    from .dask_index import IndexWiring

#: Stage of each task, by the name of the function it runs: what `benchmarks/dask_scaling.py` sums task
#: durations by, so each stage's measured cost is reported under the name docs/design/dask.md uses.
STAGES: dict[str, str] = {
    "sign_partition": "sign",
    "build_node_table": "exact",
    "band_rows": "bands",
    "bucket_pairs": "candidates",
    "sample_rows": "samples",
    "sample_pairs": "candidates",
    "verification_requests": "verify",
    "verify_edges": "verify",
    "connected_components": "components",
    "component_members": "cluster",
    "cluster_components": "cluster",
    "record_verdicts": "represent",
    "assemble": "number",
    "offsets": "number",
    "answer_requests": "number",
    "verdict_rows": "write",
}


class _Graph:
    """A raw task graph: one task per (stage, partition), and getitem tasks that pick one sender's piece.

    Built by hand rather than with `dask.delayed`: delayed re-finalizes every list of inputs it is given,
    which made building the graph quadratic in the number of tasks (a minute for 16 partitions).
    """

    def __init__(self, token: str) -> None:
        self.token = token
        self.tasks: dict[tuple, tuple] = {}

    def add(self, function: Callable[..., Any], index: int, *args: Any) -> tuple:
        key = (f"{function.__name__}-{self.token}", index)
        self.tasks[key] = (function, *args)
        return key

    def piece(self, key: tuple, *at: int) -> tuple:
        """The key of `key`'s output indexed by `at` (one destination's piece)."""
        picked = (f"{key[0]}-piece", *key[1:], *at)
        task: tuple = key
        for i in at:
            task = (operator.getitem, task, i)
        self.tasks[picked] = task
        return picked


def as_bag(collection: Any) -> dask.bag.Bag:
    """A Dask bag of records: a bag as it is, a Dask DataFrame as a bag of row dicts."""
    if isinstance(collection, dask.bag.Bag):
        return collection
    if hasattr(collection, "to_bag"):
        return collection.to_bag(format="dict")
    raise TypeError(f"expected a dask.bag.Bag or a dask DataFrame, got {type(collection).__name__}")


def dedupe(
    collection: Any,
    *,
    config: DedupeConfig | None = None,
    partitions: int | None = None,
    index: IndexWiring | None = None,
) -> dask.bag.Bag:
    """Near-duplicate verdicts for a Dask bag (or DataFrame) of records, lazily, as a Dask bag.

    The result has one partition per input partition and one dict per input record, in input order:
    `{"id", "cluster", "kept", "duplicate_of", "similarity"}` plus `"relation"`, `"related_to"`,
    `"resemblance"`, `"contained_in"`/`"containment"` and `"reject"` when they apply: the same line
    `newsclean.dedupe(..., config=config).verdict(i).to_json()` gives, word-coverage relations and `drop`
    included, whatever the partitioning and worker count (docs/design/dask.md). `partitions` sets how many
    partitions the shuffled stages use (default: as many as the input). `index` adds the stages that decide
    against a persistent index (`dask_index.dedupe_indexed`, which passes a `config.jaccard_only()`, as the
    local engine decides with an index).
    """
    config = config or DedupeConfig()
    bag = as_bag(collection)
    inputs = bag.__dask_keys__()
    parts_in = len(inputs)
    parts = partitions or parts_in
    bands, rows = config.band_layout()
    g = _Graph(tokenize(bag.name, config.model_dump_json(), parts, index.token if index else None))

    signed = [g.add(sign_partition, i, items, i, config, parts) for i, items in enumerate(inputs)]
    outlines = [g.piece(s, 0) for s in signed]
    tables = [
        g.add(build_node_table, r, [g.piece(s, 1, r) for s in signed], config.num_perm, config.ngram)
        for r in range(parts)
    ]
    banded = [g.add(band_rows, r, t, bands, rows, parts) for r, t in enumerate(tables)]
    candidates = [
        g.add(bucket_pairs, s, [g.piece(b, s) for b in banded], bands, rows, config.max_bucket, parts)
        for s in range(parts)
    ]
    sampled: list[tuple] = []
    if config.uses_windows:
        samples = [g.add(sample_rows, r, t, parts) for r, t in enumerate(tables)]
        sampled = [g.add(sample_pairs, s, [g.piece(x, s) for x in samples], parts) for s in range(parts)]
    asked = [
        g.add(verification_requests, r, t, [g.piece(c, r) for c in candidates], [g.piece(x, r) for x in sampled], parts)
        for r, t in enumerate(tables)
    ]
    edges = [g.add(verify_edges, r, t, [g.piece(a, r) for a in asked], config) for r, t in enumerate(tables)]
    if index is not None:
        edges = index.match(g, tables, edges, parts)
    components = g.add(connected_components, 0, edges, parts)
    members = [g.add(component_members, r, t, g.piece(components, 0, r), parts) for r, t in enumerate(tables)]
    clustered = [
        g.add(cluster_components, c, [g.piece(m, c) for m in members], g.piece(components, 1, c), config, parts)
        for c in range(parts)
    ]
    verdicts = [
        g.add(record_verdicts, r, t, [g.piece(c, r) for c in clustered], parts_in) for r, t in enumerate(tables)
    ]
    if index is not None:
        verdicts = index.unmatched(g, tables, verdicts)
    asking = [g.add(assemble, i, [g.piece(v, i) for v in verdicts], parts_in) for i in range(parts_in)]
    assembled = [g.piece(a, 0) for a in asking]
    starts = g.add(offsets, 0, [g.piece(s, 2) for s in signed], [g.piece(a, 2) for a in asking])
    answers = [
        g.add(answer_requests, q, outlines[q], assembled[q], starts, [g.piece(a, 1, q) for a in asking])
        for q in range(parts_in)
    ]
    rows_out = [
        g.add(verdict_rows, i, outlines[i], assembled[i], starts, [g.piece(a, i) for a in answers])
        for i in range(parts_in)
    ]
    if index is not None:
        rows_out = index.finish(g, tables, clustered, outlines, assembled, starts, rows_out)
    name = f"newsclean-dedupe-{g.token}"
    g.tasks.update({(name, i): key for i, key in enumerate(rows_out)})
    graph = HighLevelGraph.from_collections(name, g.tasks, dependencies=[bag])
    return dask.bag.Bag(graph, name, parts_in)
