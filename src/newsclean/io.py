"""Streaming readers for the formats users bring, and atomic writers.

Every non-blank input line ends up as exactly one `InputRecord` or one `Reject`: nothing is dropped silently.
Readers never load a whole file; outputs go to a temporary file beside the target and are renamed into place
only when complete, so a killed run leaves no half-written file.
"""

from __future__ import annotations

import contextlib
import csv
import gzip
import io
import json
import os
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from .errors import InputError

STDIN = "-"
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".json", ".jsonl.gz", ".ndjson.gz", ".json.gz")


@dataclass(frozen=True, slots=True)
class InputRecord:
    """One record read from a file: where it came from and its fields, unchanged."""

    source: str
    line: int
    data: dict[str, Any]


@dataclass(frozen=True, slots=True)
class Reject:
    """A line that could not become a record, with the reason; written to --rejects or counted."""

    source: str
    line: int
    raw: str
    reason: str

    def to_json(self, max_raw: int = 1000) -> dict[str, Any]:
        return {"source": self.source, "line": self.line, "reason": self.reason, "raw": self.raw[:max_raw]}


def _open_text(path: str) -> IO[str]:
    if path == STDIN:
        return io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", errors="surrogateescape", newline="")
    if path.endswith(".gz"):
        return gzip.open(path, "rt", encoding="utf-8", errors="surrogateescape", newline="")
    return open(path, encoding="utf-8", errors="surrogateescape", newline="")


def _has_bad_utf8(s: str) -> bool:
    """True when the line held bytes that are not UTF-8 (decoded as lone surrogates by surrogateescape)."""
    return any("\udc80" <= ch <= "\udcff" for ch in s)


def read_jsonl(path: str) -> Iterator[InputRecord | Reject]:
    """One JSON object per line; blank lines are skipped, anything else that is not an object is a Reject."""
    with _open_text(path) as fh:
        for number, line in enumerate(fh, start=1):
            stripped = line.strip()
            if not stripped:
                continue
            if _has_bad_utf8(stripped):
                raw = stripped.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
                yield Reject(path, number, raw, "invalid UTF-8")
                continue
            try:
                value = json.loads(stripped)
            except json.JSONDecodeError as err:
                reason = "truncated JSON" if "Unterminated" in err.msg or "Expecting" in err.msg else "malformed JSON"
                yield Reject(path, number, stripped, f"{reason}: {err.msg}")
                continue
            if not isinstance(value, dict):
                yield Reject(path, number, stripped, f"JSON value is a {type(value).__name__}, not an object")
                continue
            yield InputRecord(path, number, value)


def read_csv(path: str) -> Iterator[InputRecord | Reject]:
    """A CSV with a header row; a row whose field count differs from the header's is a Reject."""
    with _open_text(path) as fh:
        reader = csv.reader(fh)
        header = next(reader, None)
        if header is None:
            return
        for row in reader:
            number = reader.line_num
            if not row or all(not cell.strip() for cell in row):
                continue
            if len(row) != len(header):
                reason = f"ragged CSV row: {len(row)} fields, header has {len(header)}"
                yield Reject(path, number, ",".join(row), reason)
                continue
            yield InputRecord(path, number, dict(zip(header, row, strict=True)))


def read_parquet(path: str) -> Iterator[InputRecord | Reject]:
    """Parquet through pyarrow (the `parquet` extra), one row group at a time."""
    try:
        import pyarrow.parquet as pq
    except ImportError as err:
        raise InputError(f"{path}: reading Parquet needs pyarrow: pip install 'newsclean[parquet]'") from err
    parquet = pq.ParquetFile(path)
    number = 0
    for batch in parquet.iter_batches():
        for row in batch.to_pylist():
            number += 1
            yield InputRecord(path, number, row)


def read_text_file(path: str) -> Iterator[InputRecord | Reject]:
    """A plain-text article: the whole file is one record whose id is the file name without its suffix."""
    data = Path(path).read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        yield Reject(path, 1, data[:1000].decode("utf-8", "replace"), "invalid UTF-8")
        return
    yield InputRecord(path, 1, {"id": Path(path).stem, "text": text})


def _expand(path: str) -> list[str]:
    if path != STDIN and os.path.isdir(path):
        names = sorted(p for p in os.listdir(path) if not p.startswith("."))
        return [os.path.join(path, n) for n in names if _reader_for(n, strict=False) is not None]
    return [path]


def _reader_for(path: str, strict: bool = True):
    lower = path.lower()
    if path == STDIN or lower.endswith(JSONL_SUFFIXES):
        return read_jsonl
    if lower.endswith((".csv", ".csv.gz")):
        return read_csv
    if lower.endswith(".parquet"):
        return read_parquet
    if lower.endswith(".txt"):
        return read_text_file
    if strict:
        raise InputError(f"{path}: unknown input format (expected .jsonl[.gz], .csv, .parquet, .txt, a directory or -)")
    return None


def read_inputs(paths: list[str] | tuple[str, ...]) -> Iterator[InputRecord | Reject]:
    """Records from every path in order: files by suffix, directories by their files in name order."""
    for given in paths:
        if given != STDIN and not os.path.exists(given):
            raise InputError(f"{given}: no such file or directory")
        for path in _expand(given):
            yield from _reader_for(path)(path)


@contextlib.contextmanager
def atomic_output(path: str | None) -> Iterator[IO[str]]:
    """A text handle whose content appears at `path` only if the block completes (stdout for None or '-')."""
    if path is None or path == STDIN:
        yield sys.stdout
        sys.stdout.flush()
        return
    target = os.path.abspath(path)
    directory = os.path.dirname(target)
    os.makedirs(directory, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{os.path.basename(target)}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def dumps(record: dict[str, Any]) -> str:
    """One JSONL line, UTF-8 kept readable."""
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))
