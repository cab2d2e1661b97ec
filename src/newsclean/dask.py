"""`newsclean.dask.dedupe`: the dedupe of `newsclean.dedupe` on a Dask cluster (design in docs/design/dask.md).

Importing this module imports Dask (the `dask` extra: `pip install 'newsclean[dask]'`); `import newsclean`
never does. Inside the engine, `import dask` is the installed package, not this module: imports are absolute.
"""

from __future__ import annotations

from .engine.dask_graph import STAGES, dedupe
from .engine.shards import read_shards, shard_files, write_shards

__all__ = ["STAGES", "dedupe", "read_shards", "shard_files", "write_shards"]
