"""Work on chunks in worker processes, results in input order: what `dedupe` and `clean` share for --workers.

Why processes and a bounded queue: cleaning and signing are CPU-bound Python (the GIL allows one thread at a
time), and a stream of millions of records must not be read ahead into memory; at most two chunks per worker
are in flight. Results come back in the order the chunks went in, so the output never depends on the number
of workers. Workers ignore Ctrl-C: the main process gets it, cancels what is queued and unwinds once.
"""

from __future__ import annotations

import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import TypeVar

Chunk = TypeVar("Chunk")
Result = TypeVar("Result")

#: Chunks in flight per worker: enough to keep every worker busy while the main process consumes results.
IN_FLIGHT_PER_WORKER = 2


def ordered_map(
    function: Callable[[Chunk], Result], chunks: Iterable[Chunk], workers: int
) -> Iterator[tuple[Chunk, Result]]:
    """(chunk, function(chunk)) for every chunk, in order; in `workers` processes when more than one.

    `function` must be a module-level function (it is pickled to the workers), and so must its arguments.
    """
    if workers <= 1:
        for chunk in chunks:
            yield chunk, function(chunk)
        return
    with ProcessPoolExecutor(workers, initializer=_ignore_sigint) as pool:
        pending: deque[tuple[Chunk, Future[Result]]] = deque()
        try:
            for chunk in chunks:
                pending.append((chunk, pool.submit(function, chunk)))
                if len(pending) >= IN_FLIGHT_PER_WORKER * workers:
                    done, future = pending.popleft()
                    yield done, future.result()
            while pending:
                done, future = pending.popleft()
                yield done, future.result()
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            raise


def _ignore_sigint() -> None:
    """Workers leave Ctrl-C to the main process, which stops the pool: one message, no worker tracebacks."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
