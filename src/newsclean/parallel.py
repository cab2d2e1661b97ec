"""Work on chunks in worker processes, results in input order: what `dedupe` and `clean` share for --workers.

Why processes and a bounded queue: cleaning and signing are CPU-bound Python (the GIL allows one thread at a
time), and a stream of millions of records must not be read ahead into memory; at most two chunks per worker
are in flight. Results come back in the order the chunks went in, so the output never depends on the number
of workers. Workers ignore Ctrl-C: the main process gets it, cancels what is queued and unwinds once.

No orphans: a worker dies with the process that started it (`exit_with_parent`), also when that process was
killed outright (SIGKILL, the OOM killer) and could not shut the pool down; SIGTERM ends a worker at once.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import chain, islice
from typing import TypeVar

from .io import process_exists

Chunk = TypeVar("Chunk")
Result = TypeVar("Result")

#: `prctl` option: the signal a process gets when its parent dies (linux/prctl.h).
PR_SET_PDEATHSIG = 1
#: How often a worker checks for its parent where the kernel cannot tell it (not Linux).
PARENT_POLL_SECONDS = 1.0
#: Chunks in flight per worker: enough to keep every worker busy while the main process consumes results.
IN_FLIGHT_PER_WORKER = 2


def ordered_map(
    function: Callable[[Chunk], Result], chunks: Iterable[Chunk], workers: int
) -> Iterator[tuple[Chunk, Result]]:
    """(chunk, function(chunk)) for every chunk, in order; in `workers` processes when more than one.

    `function` must be a module-level function (it is pickled to the workers), and so must its arguments.
    An input of one chunk is worked in this process whatever `workers` says: starting processes would cost
    more than the chunk, and the CPU-count default of the commands must not slow down a small file.
    """
    iterator = iter(chunks)
    head = list(islice(iterator, 2))
    if workers <= 1 or len(head) < 2:
        for chunk in chain(head, iterator):
            yield chunk, function(chunk)
        return
    with ProcessPoolExecutor(workers, initializer=start_worker, initargs=(os.getpid(),)) as pool:
        pending: deque[tuple[Chunk, Future[Result]]] = deque()
        try:
            for chunk in chain(head, iterator):
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


def start_worker(parent: int) -> None:
    """Set up a worker process of `parent`.

    * Ctrl-C is left to the main process, which stops the pool: one message, no worker tracebacks.
    * SIGTERM gets its default action back: a forked worker inherits the CLI's handler, which unwinds by
      raising `SystemExit`, and the pool's worker loop swallowed that, so `kill` did not end a worker.
    * The worker exits when `parent` dies (`exit_with_parent`).
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    exit_with_parent(parent)


def exit_with_parent(parent: int) -> None:
    """Have the kernel send this process SIGKILL when its parent dies (Linux `PR_SET_PDEATHSIG`); elsewhere a
    daemon thread polls for `parent`. If `parent` is gone already (it died before this ran), exit now. It is
    `parent`'s existence that is checked, not this process's parent id: under the `forkserver` start method a
    worker's parent is the fork server, not the process that started the pool.

    Why: a pool's workers block on its pipes when the process that reads them is killed outright (SIGKILL,
    the OOM killer); each holds the other's pipe, and they lived on forever.
    """
    if not (sys.platform.startswith("linux") and _death_signal_set()):
        _watch_parent(parent)
    if not process_exists(parent):
        os._exit(1)


def _death_signal_set() -> bool:
    """Ask the kernel for SIGKILL when the parent dies; False where libc or prctl cannot be had (musl without
    a findable libc, a sandbox). Under the `forkserver` start method the parent is the fork server, which
    exits when the main process does."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
        return bool(libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0)
    except (OSError, AttributeError):
        return False


def _watch_parent(parent: int) -> None:
    def watch() -> None:
        while process_exists(parent):
            time.sleep(PARENT_POLL_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="newsclean-parent-watch", daemon=True).start()
