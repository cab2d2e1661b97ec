"""Engines that run the dedupe stages of `newsclean.dedupe` over partitions (Dask); see docs/design/dask.md.

`pieces` (identifiers and hash routing), `candidates` (stages 1-4), `clustering` (5-6) and `verdicts` (7-8)
are per-partition functions on numpy with no Dask import; `dask_graph` wires them into a Dask graph; `shards`
reads and writes the sharded inputs and outputs of `newsclean dedupe --engine dask`.
"""
