"""Pieces shared by the commands: reject accounting and counted nouns (progress is `cli.progress`)."""

from __future__ import annotations

import os

from ..io import Reject
from ..outputs import RecordWriter


class RejectLog:
    """Counts rejects by kind and, given a --rejects writer, writes each one as it comes.

    Nothing is held per reject, so a file with millions of bad lines costs no memory.
    """

    def __init__(self, writer: RecordWriter | None = None) -> None:
        self.writer = writer
        self.by_kind: dict[str, int] = {}

    def add(self, reject: Reject) -> None:
        self.count(reject.reason)
        if self.writer is not None:
            self.writer.write(reject.to_json())

    def count(self, reason: str) -> None:
        """Count one reject by its kind, the part of `reason` before the colon."""
        kind = reason.split(":")[0]
        self.by_kind[kind] = self.by_kind.get(kind, 0) + 1

    @property
    def total(self) -> int:
        return sum(self.by_kind.values())

    def summary(self) -> str:
        """`kind count, kind count` in name order, for the stderr summary."""
        return ", ".join(f"{kind} {count:,}" for kind, count in sorted(self.by_kind.items()))


def default_workers() -> int:
    """`--workers` when not given, for `clean` and `dedupe` alike: the CPU count, at most 8 (a shared
    machine's 64 cores are not all the run's to take; give --workers to use more)."""
    return min(os.cpu_count() or 1, 8)


def plural(count: int, noun: str) -> str:
    """`1 record`, `2 records`: the count and the noun, in the number the count asks for."""
    return f"{count:,} {noun if count == 1 else noun + 's'}"
