"""A time budget per record: no single article can hang a job over millions of them.

Every pattern is written to run in linear time and the rule patterns carry the `regex` module's timeout, but
a linear-looking pattern can still hide quadratic backtracking on a shape nobody tried (a 10 MB run of one
letter), and so can plain Python loops. The budget is the backstop for all of it: a SIGALRM timer that raises
`RecordTimeout` inside whatever is running. Both `re` and `regex` check for signals while matching, so a
runaway match is interrupted too. The budget grows with the record's length, so a large but linear record
(a 50 MB article cleans in about 25 s) is never cut off, while a super-linear one is stopped early.

The timer works only in the main thread of a process on a POSIX system; elsewhere the budget does nothing and
the per-pattern timeouts remain the only bound.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Callable, Iterator
from types import FrameType
from typing import Any, TypeVar

from .errors import RecordTimeout

Result = TypeVar("Result")

#: Seconds every record gets, whatever its length: enough for ftfy on a damaged article on a loaded machine.
BASE_SECONDS = 10.0
#: Seconds per million characters: clean() runs at about 2 M chars/s on one core (0.5 s per M measured on a
#: 50 MB article), so this leaves an eightfold margin for a loaded machine.
SECONDS_PER_MILLION_CHARS = 4.0


def budget_for(chars: int) -> float:
    """The time budget, in seconds, of a record of `chars` characters."""
    return BASE_SECONDS + SECONDS_PER_MILLION_CHARS * chars / 1_000_000


def _timer_available() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextlib.contextmanager
def time_budget(seconds: float) -> Iterator[None]:
    """Raise `RecordTimeout` in the block if it runs longer than `seconds`: one record's `RecordBudgets`.

    Does nothing when a timer is already running (the caller's own alarm wins) or when signals cannot be
    used (not the main thread, no SIGALRM).
    """
    with RecordBudgets() as budgets, budgets.armed(seconds):
        yield


class RecordBudgets:
    """Time budgets for the records of one chunk: the SIGALRM handler is installed once for the chunk
    (`with RecordBudgets() as budgets:`) and each record only arms and disarms the timer
    (`budgets.call(seconds, function, ...)` or `with budgets.armed(seconds):`, two `setitimer` calls).

    Why: `signal.signal` converts its arguments and results to enums in Python; installing and restoring the
    handler around every record cost ~40 us of an article's ~700 in `newsclean dedupe`. Nothing is armed when
    a timer is already running or signals cannot be used.
    """

    def __init__(self) -> None:
        self.active = False
        self.seconds = 0.0
        self._previous: Any = None

    def __enter__(self) -> RecordBudgets:
        self.active = _timer_available() and signal.getitimer(signal.ITIMER_REAL)[0] == 0
        if self.active:
            self._previous = signal.signal(signal.SIGALRM, self._expire)
        return self

    def __exit__(self, *exc: object) -> None:
        if self.active:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self._previous)
            self.active = False

    def _expire(self, _signum: int, _frame: FrameType | None) -> None:
        raise RecordTimeout(f"took longer than its {self.seconds:.0f} s budget")

    @contextlib.contextmanager
    def armed(self, seconds: float) -> Iterator[None]:
        """Raise `RecordTimeout` in the block if it runs longer than `seconds`."""
        if not self.active:
            yield
            return
        self.seconds = seconds
        signal.setitimer(signal.ITIMER_REAL, seconds)
        try:
            yield
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)

    def call(self, seconds: float, function: Callable[..., Result], *args: Any, **kwargs: Any) -> Result:
        """`function(*args, **kwargs)`, raising `RecordTimeout` if it runs longer than `seconds`."""
        with self.armed(seconds):
            return function(*args, **kwargs)
