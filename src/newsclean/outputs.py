"""Record outputs in the format their file name asks for: JSON lines (plain or gzipped), CSV, Parquet.

`record_output(path)` is what every `-o`, `--duplicates`, `--clusters` and `--rejects` file of `clean` and
`dedupe` is written through. The format comes from the suffix (`output_format`):

* `.jsonl`, `.ndjson`, `.json`, stdout (`-`) and a name without a suffix: JSON lines, streamed.
* the same with `.gz`: gzipped JSON lines (level 6, no name or time in the header: the same records give the
  same bytes).
* `.csv` (`.csv.gz`): a header row and one row per record. A cell holds a string as it is, a number as JSON
  writes it, `true`/`false`, nothing for null, and a nested value (the `newsclean` report, a list) as JSON
  text.
* `.parquet` (pyarrow, the `parquet` extra), zstd-compressed.
* anything else is refused (`OutputError`) before any work is done, as is a directory: a misspelt suffix
  would otherwise give a file in a format nobody asked for. A device or a named pipe (`/dev/null`) takes
  JSON lines whatever its name.

Why CSV and Parquet are spooled: both need every column before the first row (a CSV header, a Parquet schema),
and records differ in their fields (a field only some articles have, a report only some runs add). So the
records are written as JSON lines to an unnamed temporary file beside the target while the kinds of value
each field holds are noted; at the end the columns are the union of every record's fields, in the order
they first appear, and the file is written from the spool in row groups of `ROW_GROUP_BYTES`. Memory stays
one row group whatever the corpus size; the cost is writing the data twice, and the disk beside the target
must hold the spool. A Parquet column gets a native type when all its values share one (string, boolean,
64-bit integer, or float64 for numbers mixing integers and floats); nested values, and columns whose
values differ in type (an id that is a number in one record and a string in another), are JSON text,
marked in the column's metadata so that newsclean's Parquet reader gives back the values that were written.
A record without a field has null in that column.

Every output is atomic (`newsclean.io.atomic_output`): the file appears complete or not at all. A writer
can be discarded (`RecordWriter.discard`): the target is then left as it was, which is how a run that fails
its reject gate (`newsclean.cli.gates`) leaves its data outputs untouched.
"""

from __future__ import annotations

import contextlib
import csv
import gzip
import io
import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from .errors import OutputError
from .io import JSON_COLUMN_KEY, STDIN, atomic_output, dumps

#: Output suffixes by format (lower case; the first of each is the one suggested in messages).
FORMATS: dict[str, tuple[str, ...]] = {
    "jsonl": (".jsonl", ".ndjson", ".json"),
    "jsonl.gz": (".jsonl.gz", ".ndjson.gz", ".json.gz"),
    "csv": (".csv",),
    "csv.gz": (".csv.gz",),
    "parquet": (".parquet",),
}
#: JSON text of records per Parquet row group (and per batch read back from the spool): what bounds memory.
ROW_GROUP_BYTES = 32 * 1024 * 1024
#: gzip level of `.gz` outputs: gzip's own default, most of level 9's size at a fraction of its time.
GZIP_LEVEL = 6
#: The largest integer a Parquet int64 column holds; larger ones make their column JSON text.
INT64_MAX = 2**63 - 1


class _Discarded(Exception):
    """Raised inside an output's block to leave its target as it was (`RecordWriter.discard`)."""


def output_format(path: str | None, option: str = "-o", *, example: str = "out.jsonl", note: str = "") -> str:
    """The format `path` names (a key of `FORMATS`); `OutputError` for a directory or an unknown suffix.

    `option`, `example` and `note` only shape the message: the option, a file name to give instead of a
    directory, and what else to say about directories.
    """
    if path is None or path == STDIN:
        return "jsonl"
    if path.endswith(("/", os.sep)) or os.path.isdir(path):
        raise OutputError(
            f"{option} {path}: is a directory; name the file to write, e.g. {option} {os.path.join(path, example)}"
            + note
        )
    kind = suffix_format(path)
    if kind is not None:
        return kind
    if os.path.exists(path) and not os.path.isfile(path):
        return "jsonl"
    suffix = Path(os.path.basename(path)).suffix
    if not suffix:
        return "jsonl"
    known = ", ".join(suffix for suffixes in FORMATS.values() for suffix in suffixes)
    raise OutputError(
        f"{option} {path}: {suffix!r} names no output format (known: {known}; a name without a suffix is "
        "JSON lines)"
    )


def suffix_format(path: str) -> str | None:
    """The format a file name's suffix names, or None."""
    name = os.path.basename(path).lower()
    return next((kind for kind, suffixes in FORMATS.items() if name.endswith(suffixes)), None)


def check_output(path: str | None, option: str = "-o", *, example: str = "out.jsonl", note: str = "") -> str:
    """`output_format`, and for Parquet that pyarrow can be imported: called before a run does any work."""
    kind = output_format(path, option, example=example, note=note)
    if kind == "parquet":
        try:
            import pyarrow.parquet  # noqa: F401
        except ImportError as err:
            hint = "pip install 'newsclean[parquet]'"
            raise OutputError(f"{option} {path}: writing Parquet needs pyarrow: {hint}") from err
    return kind


class RecordWriter:
    """Where one output's records go, one mapping at a time."""

    def __init__(self) -> None:
        self.discarded = False

    def write(self, record: dict[str, Any]) -> None:
        raise NotImplementedError

    def write_line(self, line: str) -> None:
        """A record given as its JSON line (a shard's line, `newsclean.engine.shards.gather_shards`)."""
        self.write(json.loads(line))

    def discard(self) -> None:
        """Leave the target as it was when the block ends (written to stdout unheld: already out)."""
        self.discarded = True


class JsonLinesWriter(RecordWriter):
    """One JSON object per line, straight to the (atomic, maybe gzipped) handle."""

    def __init__(self, handle: IO[str]) -> None:
        super().__init__()
        self.handle = handle

    def write(self, record: dict[str, Any]) -> None:
        self.handle.write(dumps(record) + "\n")

    def write_line(self, line: str) -> None:
        self.handle.write(line if line.endswith("\n") else line + "\n")


def _kind(value: Any) -> str:
    """The kind of a value as its column sees it; what JSON has no type for is written as its string."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int):
        return "int" if -INT64_MAX - 1 <= value <= INT64_MAX else "json"
    if isinstance(value, float):
        return "float"
    if isinstance(value, (dict, list, tuple)):
        return "json"
    return "str"


def column_type(kinds: set[str]) -> str:
    """The type of a column whose values are of `kinds`: string, bool, int, float or json (JSON text)."""
    seen = kinds - {"null"}
    if not seen or seen == {"str"}:
        return "string"
    if seen in ({"bool"}, {"int"}, {"float"}):
        return next(iter(seen))
    if seen == {"int", "float"}:
        return "float"
    return "json"


class SpooledWriter(RecordWriter):
    """Records held as JSON lines in an unnamed temporary file, with the kinds of value each field holds."""

    def __init__(self, spool: IO[str]) -> None:
        super().__init__()
        self.spool = spool
        self.kinds: dict[str, set[str]] = {}
        self.count = 0

    def write(self, record: dict[str, Any]) -> None:
        for name, value in record.items():
            self.kinds.setdefault(name, set()).add(_kind(value))
        self.spool.write(dumps(record) + "\n")
        self.count += 1

    def columns(self) -> dict[str, str]:
        """Every field any record had, in first-seen order, with its column type."""
        return {name: column_type(kinds) for name, kinds in self.kinds.items()}

    def batches(self) -> Iterator[list[dict[str, Any]]]:
        """The spooled records again, in order, in batches of about `ROW_GROUP_BYTES` of JSON."""
        self.spool.flush()
        self.spool.seek(0)
        batch: list[dict[str, Any]] = []
        size = 0
        for line in self.spool:
            batch.append(json.loads(line))
            size += len(line)
            if size >= ROW_GROUP_BYTES:
                yield batch
                batch, size = [], 0
        if batch:
            yield batch


def json_text(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)


def csv_cell(value: Any) -> str:
    """A value as CSV text: strings as they are, JSON for numbers and nested values, true/false, empty null."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    return json_text(value)


def write_csv(records: SpooledWriter, handle: IO[str]) -> None:
    """The header (every field) and one row per spooled record; no records, an empty file."""
    if not records.count:
        return
    names = list(records.columns())
    writer = csv.writer(handle, lineterminator="\n")
    writer.writerow(names)
    for batch in records.batches():
        writer.writerows([csv_cell(record.get(name)) for name in names] for record in batch)


def _column_values(batch: list[dict[str, Any]], name: str, kind: str) -> list[Any]:
    values = [record.get(name) for record in batch]
    if kind == "json":
        return [None if value is None else json_text(value) for value in values]
    if kind == "float":
        return [None if value is None else float(value) for value in values]
    return values


def write_parquet(records: SpooledWriter, handle: IO[bytes]) -> None:
    """One row group per batch of the spool, with the schema of `SpooledWriter.columns`."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    types = {"string": pa.string(), "bool": pa.bool_(), "int": pa.int64(), "float": pa.float64(), "json": pa.string()}
    columns = records.columns()
    schema = pa.schema(
        [
            pa.field(name, types[kind], metadata={JSON_COLUMN_KEY: b"true"} if kind == "json" else None)
            for name, kind in columns.items()
        ]
    )
    with pq.ParquetWriter(handle, schema, compression="zstd") as writer:
        for batch in records.batches():
            arrays = [pa.array(_column_values(batch, name, kind), type=types[kind]) for name, kind in columns.items()]
            writer.write_table(pa.Table.from_arrays(arrays, schema=schema))


@contextlib.contextmanager
def _gzip_text(raw: IO[bytes]) -> Iterator[IO[str]]:
    """A text handle gzipping into `raw`; the header carries no file name or time, so output is reproducible."""
    with (
        gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=GZIP_LEVEL, mtime=0) as packed,
        io.TextIOWrapper(packed, encoding="utf-8", newline="\n") as text,
    ):
        yield text


@contextlib.contextmanager
def _streamed(path: str | None, kind: str, hold_stdout: bool) -> Iterator[RecordWriter]:
    with contextlib.ExitStack() as stack:
        if kind == "jsonl":
            handle = stack.enter_context(atomic_output(path, hold_stdout=hold_stdout))
        else:
            handle = stack.enter_context(_gzip_text(stack.enter_context(atomic_output(path, binary=True))))
        writer = JsonLinesWriter(handle)
        yield writer
        if writer.discarded:
            raise _Discarded


@contextlib.contextmanager
def _spooled(path: str, kind: str) -> Iterator[RecordWriter]:
    directory = os.path.dirname(os.path.abspath(path))
    os.makedirs(directory, exist_ok=True)
    with tempfile.TemporaryFile("w+", encoding="utf-8", newline="\n", dir=directory) as spool:
        writer = SpooledWriter(spool)
        yield writer
        if writer.discarded:
            return
        if kind == "parquet":
            with atomic_output(path, binary=True) as raw:
                write_parquet(writer, raw)
        elif kind == "csv":
            with atomic_output(path) as text:
                write_csv(writer, text)
        else:
            with atomic_output(path, binary=True) as raw, _gzip_text(raw) as text:
                write_csv(writer, text)


@contextlib.contextmanager
def record_output(path: str | None, *, hold_stdout: bool = False, option: str = "-o") -> Iterator[RecordWriter]:
    """A writer whose records appear at `path`, in the format its suffix names, only if the block completes.

    stdout (None or '-') takes JSON lines; `hold_stdout` holds them until the block completes (`--strict`).
    """
    kind = check_output(path, option)
    try:
        if kind in ("jsonl", "jsonl.gz"):
            with _streamed(path, kind, hold_stdout) as writer:
                yield writer
        else:
            assert path is not None
            with _spooled(path, kind) as writer:
                yield writer
    except _Discarded:
        pass


def optional_record_output(path: str | None, option: str) -> contextlib.AbstractContextManager[RecordWriter | None]:
    """A record output for an optional file option, None when the option was not given."""
    return record_output(path, option=option) if path else contextlib.nullcontext()
