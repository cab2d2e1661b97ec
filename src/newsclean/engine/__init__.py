"""Engines that run the dedupe stages of `newsclean.dedupe` over partitions (Dask); see docs/dask.md.

`partitioned` holds the per-partition stage functions (numpy only, no Dask import); `dask_graph` wires them
into a Dask graph; `shards` reads and writes the sharded inputs and outputs of `newsclean dedupe --engine dask`.
"""
