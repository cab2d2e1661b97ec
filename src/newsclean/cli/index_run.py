"""The `--index` of one `newsclean dedupe` run, whichever engine runs it."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from ..index import Index


@contextlib.contextmanager
def index_run(url: str | None, wait: float) -> Iterator[Index | None]:
    """The index held in one transaction for the whole run: it commits (adding the kept records) only after
    every output has been renamed into place, so a run killed at any moment leaves the index as it was or
    with exactly the run whose outputs exist, never an index ahead of its outputs. On Redis the transaction
    holds the index's lock, so no other run commits between this run's queries and its commit."""
    if url is None:
        yield None
        return
    with Index.open(url, wait=wait) as index, index.transaction():
        yield index
