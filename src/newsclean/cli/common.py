"""Pieces shared by the commands: stderr progress, summaries and reject files."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable, Iterator
from typing import TypeVar

import click

from ..io import Reject, atomic_output, dumps

T = TypeVar("T")


def progress(items: Iterable[T], label: str, every: float = 0.5) -> Iterator[T]:
    """Yield items while showing a count and rate on stderr when stderr is a terminal (never on stdout)."""
    if not sys.stderr.isatty():
        yield from items
        return
    start = last = time.monotonic()
    count = 0
    for item in items:
        count += 1
        now = time.monotonic()
        if now - last >= every:
            last = now
            click.echo(f"\r{label}: {count:,} records ({count / (now - start):,.0f}/s)", err=True, nl=False)
        yield item
    click.echo(f"\r{label}: {count:,} records{' ' * 20}", err=True)


def write_rejects(path: str | None, rejects: list[Reject]) -> None:
    """Write rejected lines as JSONL (source, line, reason, raw prefix) when the user asked for them."""
    if path is None:
        return
    with atomic_output(path) as fh:
        for reject in rejects:
            fh.write(dumps(reject.to_json()) + "\n")


def summarize_rejects(rejects: list[Reject]) -> str:
    reasons: dict[str, int] = {}
    for reject in rejects:
        key = reject.reason.split(":")[0]
        reasons[key] = reasons.get(key, 0) + 1
    return ", ".join(f"{reason} {count}" for reason, count in sorted(reasons.items()))
