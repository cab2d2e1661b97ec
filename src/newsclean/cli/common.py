"""Pieces shared by the commands: reject accounting and counted nouns (progress is `cli.progress`)."""

from __future__ import annotations

from typing import IO

from ..io import Reject, dumps


class RejectLog:
    """Counts rejects by kind and, given a --rejects handle, writes each one as it comes.

    Nothing is held per reject, so a file with millions of bad lines costs no memory.
    """

    def __init__(self, handle: IO[str] | None = None) -> None:
        self.handle = handle
        self.by_kind: dict[str, int] = {}

    def add(self, reject: Reject) -> None:
        self.count(reject.reason)
        if self.handle is not None:
            self.handle.write(dumps(reject.to_json()) + "\n")

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


def plural(count: int, noun: str) -> str:
    """`1 record`, `2 records`: the count and the noun, in the number the count asks for."""
    return f"{count:,} {noun if count == 1 else noun + 's'}"
