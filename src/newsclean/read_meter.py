"""How far the readers of `newsclean.io` are through their input files, in bytes as stored on disk.

Why bytes: a progress display needs a total known before the end, and the number of records is not (it would
take a pass over the input to count them); the files' sizes are. A `.gz` file is measured in compressed
bytes, its reader's offset in the file itself, so the share read is right without decompressing ahead.
"""

from __future__ import annotations

from collections.abc import Callable


class ReadMeter:
    """Bytes of the input read so far, out of `total` (None when unknown: stdin).

    A reader calls `start(size, position)` when it opens a file: `position()` tells how many of the file's
    `size` bytes it has consumed. Files started before the current one count as read to their end.
    """

    def __init__(self, total: int | None) -> None:
        self.total = total
        self._finished = 0
        self._size = 0
        self._position: Callable[[], int] | None = None

    def start(self, size: int, position: Callable[[], int]) -> None:
        """A reader opened a file of `size` bytes, of which it has read `position()` so far."""
        self._finished += self._size
        self._size = size
        self._position = position

    @property
    def read(self) -> int:
        """Bytes read so far, over all files."""
        if self._position is None:
            return self._finished
        try:
            current = self._position()
        except (OSError, ValueError):
            current = self._size  # the reader closed its file: it read it all (or stopped at an error)
        return self._finished + min(max(current, 0), self._size)

    @property
    def share(self) -> float | None:
        """The share of `total` read, 0 to 1, or None when the total is unknown (or zero)."""
        if not self.total:
            return None
        return min(self.read / self.total, 1.0)
