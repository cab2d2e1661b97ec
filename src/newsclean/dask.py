"""`newsclean.dask.dedupe`: the dedupe of `newsclean.dedupe` on a Dask cluster (design in docs/design/dask.md).

Importing this module imports Dask (the `dask` extra: `pip install 'newsclean[dask]'`); `import newsclean`
never does. `dedupe_indexed` is the same against a Redis index (`newsclean.Index`): its workers query the
index, and the caller applies the returned update in its own transaction. Inside the engine, `import dask` is
the installed package, not this module: imports are absolute.
"""

from __future__ import annotations

from .engine.dask_graph import STAGES, dedupe
from .engine.dask_index import dedupe_indexed
from .engine.indexed import IndexQuery
from .engine.shards import read_shards, shard_files, write_shards

__all__ = ["STAGES", "IndexQuery", "dedupe", "dedupe_indexed", "read_shards", "shard_files", "write_shards"]
