"""What the commands tell the user on stderr while they run: progress, notes and the closing summary.

On a terminal, progress is a bar (tqdm) with the share of the input read, the records and the time left.
Off a terminal (cron, a log file, a notebook) a bar's carriage returns make an unreadable log, so a plain line
is printed every `every` seconds instead:

    newsclean clean: 12,000 records (34%), 1,950/s, ~40 s left

The share is of the input's bytes (`newsclean.read_meter`): the number of records is not known before the
end, the files' sizes are. `--quiet` turns progress and notes off, and leaves of the summary only what needs
attention (rejected records); errors always show. Nothing here writes to stdout, which carries data.
"""

from __future__ import annotations

import functools
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import IO, Any, TypeVar

import click

from ..read_meter import ReadMeter

T = TypeVar("T")

#: Seconds between progress updates when `--progress-every` is not given: a bar redraws often; a log gets a
#: line every ten seconds, about sixty lines for a ten-minute run.
TERMINAL_EVERY = 0.5
LOG_EVERY = 10.0
#: The bar over bytes: share, bytes read of the total, time spent and left, then the records and their rate
#: (tqdm's own rate would be in bytes a second, which says less than records a second).
BYTES_BAR = "{l_bar}{bar}| {n_fmt}B/{total_fmt}B [{elapsed}<{remaining}{postfix}]"
#: Read by `--progress-every`, so a crontab can set the log's pace once for every command.
EVERY_ENVVAR = "NEWSCLEAN_PROGRESS_EVERY"


def time_left(seconds: float) -> str:
    """`~40 s`, `~12 min`, `~2 h 05 min`: as precise as a guess from the pace so far deserves."""
    if seconds < 60:
        return f"~{max(round(seconds), 1)} s"
    if seconds < 3600:
        return f"~{round(seconds / 60)} min"
    hours, minutes = divmod(round(seconds / 60), 60)
    return f"~{hours} h {minutes:02d} min"


def log_line(label: str, records: int, elapsed: float, share: float | None) -> str:
    """One progress line for a log: records, share of the input, rate and time left when they are known."""
    parts = [f"{records:,} records" + (f" ({share:.0%})" if share is not None else "")]
    if elapsed > 0:
        parts.append(f"{records / elapsed:,.0f}/s")
    if share is not None and 0 < share < 1 and elapsed > 0:
        parts.append(f"{time_left(elapsed * (1 - share) / share)} left")
    return f"{label}: {', '.join(parts)}"


@dataclass(frozen=True, slots=True)
class Feedback:
    """How a command reports on stderr: `quiet` (--quiet), `every` seconds between progress updates (None:
    `TERMINAL_EVERY` on a terminal, `LOG_EVERY` off one), and `terminal` (None: ask whether stderr is one)."""

    quiet: bool = False
    every: float | None = None
    terminal: bool | None = None

    def _on_terminal(self) -> bool:
        return sys.stderr.isatty() if self.terminal is None else self.terminal

    def _every(self) -> float:
        if self.every is not None:
            return self.every
        return TERMINAL_EVERY if self._on_terminal() else LOG_EVERY

    def track(self, items: Iterable[T], label: str, meter: ReadMeter | None = None) -> Iterator[T]:
        """Yield `items`, showing how many have gone by (and, with `meter`, the share of the input read)."""
        if self.quiet:
            return iter(items)
        if self._on_terminal():
            return _bar(items, label, meter, self._every())
        return _log_lines(items, label, meter, self._every(), click.get_text_stream("stderr"))

    def note(self, message: str) -> None:
        """An informational line (what was learned, a setting's consequence); --quiet leaves it out."""
        if not self.quiet:
            click.echo(message, err=True)

    def summary(self, message: str, attention: str | None = None) -> None:
        """The closing summary; under --quiet, only `attention` (what the user should look at), if any."""
        if not self.quiet:
            click.echo(message, err=True)
        elif attention:
            click.echo(attention, err=True)


def _log_lines(items: Iterable[T], label: str, meter: ReadMeter | None, every: float, err: IO[str]) -> Iterator[T]:
    """A line on stderr every `every` seconds, and a last one at the end if any was printed before (a run
    shorter than `every` prints none: its summary says it all)."""
    start = last = time.monotonic()
    count = 0
    printed = False
    for item in items:
        count += 1
        now = time.monotonic()
        if now - last >= every:
            last = now
            share = meter.share if meter is not None else None
            err.write(log_line(label, count, now - start, share) + "\n")
            err.flush()
            printed = True
        yield item
    if printed:
        share = meter.share if meter is not None else None
        err.write(log_line(label, count, time.monotonic() - start, share) + ", all read\n")
        err.flush()


def _bar(items: Iterable[T], label: str, meter: ReadMeter | None, every: float) -> Iterator[T]:
    """A tqdm bar over the input's bytes with the record count beside it, or a count of records when the
    total is unknown (stdin). Redrawn at most every `every` seconds: the check per record is one clock read."""
    from tqdm import tqdm

    by_bytes = meter is not None and bool(meter.total)
    options: dict[str, Any] = (
        {"total": meter.total, "unit": "B", "unit_scale": True, "unit_divisor": 1024, "bar_format": BYTES_BAR}
        if by_bytes and meter is not None
        else {"unit": " records"}
    )
    position: Callable[[int], int] = (lambda _count: meter.read) if by_bytes and meter is not None else (lambda c: c)
    bar = tqdm(desc=label, file=sys.stderr, mininterval=0, miniters=1, dynamic_ncols=True, **options)
    start = last = time.monotonic()
    count = 0

    def advance(now: float) -> None:
        if by_bytes:
            rate = f", {count / (now - start):,.0f}/s" if now > start else ""
            bar.set_postfix_str(f"{count:,} records{rate}", refresh=False)
        bar.update(position(count) - bar.n)

    try:
        for item in items:
            count += 1
            now = time.monotonic()
            if now - last >= every:
                last = now
                advance(now)
            yield item
        advance(time.monotonic())
    finally:
        bar.close()


def feedback_options(command: Callable[..., None]) -> Callable[..., None]:
    """Add `--quiet` and `--progress-every` to a click command function, which gets them as one `feedback`."""

    @functools.wraps(command)
    def run(*args: Any, quiet: bool, progress_every: float | None, **kwargs: Any) -> None:
        command(*args, feedback=Feedback(quiet=quiet, every=progress_every), **kwargs)

    run = click.option(
        "--progress-every",
        type=click.FloatRange(0),
        default=None,
        metavar="SECONDS",
        envvar=EVERY_ENVVAR,
        help=f"Seconds between progress updates on stderr (env {EVERY_ENVVAR}).  "
        f"[default: {TERMINAL_EVERY:g} on a terminal, a line every {LOG_EVERY:g} off one]",
    )(run)
    return click.option(
        "-q",
        "--quiet",
        is_flag=True,
        help="No progress and no notes on stderr; of the summary, only rejects. Errors still show.",
    )(run)
