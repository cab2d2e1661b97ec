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
import re
import shutil
import sys
import tempfile
import zlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from .errors import InputError
from .read_meter import ReadMeter

STDIN = "-"
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".json", ".jsonl.gz", ".ndjson.gz", ".json.gz")

#: What to do with bytes that are not UTF-8: reject the line (default: a silent U+FFFD in a corpus is data loss
#: nobody sees), or decode them as U+FFFD when the user says the damage is acceptable.
ENCODING_ERRORS: tuple[str, ...] = ("reject", "replace")
#: A line longer than this is rejected without being held in memory: what bounds a reader's memory. Real
#: articles are under 1 MB; a 50 MB "article" (a scraper that concatenated a site) still fits.
DEFAULT_MAX_LINE_BYTES = 256 * 1024 * 1024
#: How much of a rejected line is kept in the reject: enough to find and recognise it, never the whole line.
RAW_PREFIX_CHARS = 1000
#: Strings in a JSON line can carry `\ud800`-style escapes of lone surrogates: valid JSON, invalid Unicode
#: (they cannot be written as UTF-8). Only lines with such an escape pay for the full check.
SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F]")
LONE_SURROGATE = re.compile("[\ud800-\udfff]")
#: What `errors="surrogateescape"` turns a byte that is not UTF-8 into.
ESCAPED_BYTE = re.compile("[\udc80-\udcff]")
UTF8_BOM = b"\xef\xbb\xbf"
#: Arrow field metadata marking a Parquet column whose values newsclean wrote as JSON text (nested values,
#: or a column whose values differ in type); the reader decodes them back (`newsclean.outputs`).
JSON_COLUMN_KEY = b"newsclean.json"
#: Control characters inside JSON strings are invalid JSON but common in scrapes (a raw tab or NUL copied
#: from a page); they are accepted here and removed by the normalizer rather than costing the record.
JSON_DECODER = json.JSONDecoder(strict=False)


@dataclass(frozen=True, slots=True)
class InputRecord:
    """One record read from a file: where it came from and its fields, unchanged."""

    source: str
    line: int
    data: dict[str, Any]


@dataclass(frozen=True, slots=True)
class Reject:
    """A line that could not become a record, with the reason; written to --rejects or counted.

    `reason` reads `kind: detail`; the part before the colon is what summaries count by.
    """

    source: str
    line: int
    raw: str
    reason: str

    def to_json(self, max_raw: int = RAW_PREFIX_CHARS) -> dict[str, Any]:
        return {"source": self.source, "line": self.line, "reason": self.reason, "raw": self.raw[:max_raw]}


def _open_binary(path: str, meter: ReadMeter | None = None) -> contextlib.AbstractContextManager[IO[bytes]]:
    """The raw bytes of a file, gunzipped for `.gz`; stdin is not closed afterwards.

    With a `meter`, the file's size and the reader's offset in it (the compressed offset for `.gz`) are
    reported to it.
    """
    if path == STDIN:
        return contextlib.nullcontext(sys.stdin.buffer)
    if path.endswith(".gz"):
        unzipped = gzip.open(path, "rb")  # noqa: SIM115 (the caller's `with` closes it)
        _meter_file(meter, unzipped.fileobj)
        return unzipped
    plain = open(path, "rb")  # noqa: SIM115 (the caller's `with` closes it)
    _meter_file(meter, plain)
    return plain


def _meter_file(meter: ReadMeter | None, stored: Any) -> None:
    """Report a file as stored on disk (its size, and its handle's offset as the position) to `meter`."""
    if meter is not None:
        meter.start(os.fstat(stored.fileno()).st_size, stored.tell)


def _decode(data: bytes, encoding_errors: str) -> tuple[str, str | None]:
    """(text, problem): strict UTF-8, or with U+FFFD for bad bytes when `encoding_errors` is "replace"."""
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as err:
        if encoding_errors == "replace":
            return data.decode("utf-8", "replace"), None
        return data.decode("utf-8", "replace"), f"invalid UTF-8: byte 0x{data[err.start]:02x} at offset {err.start}"


def _lines(fh: IO[bytes], max_bytes: int) -> Iterator[tuple[int, bytes, bool]]:
    """(line number, bytes, too long) for every line split on `\\n` only.

    Only `\\n` ends a line (a `\\r` or U+2028 inside a record is data, not a break), so line numbers agree with
    `wc -l` and `sed -n Np`. A line over `max_bytes` is read in pieces and only its start is kept.
    """
    number = 0
    while True:
        line = fh.readline(max_bytes + 1)
        if not line:
            return
        number += 1
        if len(line) > max_bytes and not line.endswith(b"\n"):
            rest = line
            while rest and not rest.endswith(b"\n"):
                rest = fh.readline(1 << 20)
            yield number, line[: RAW_PREFIX_CHARS * 4], True
            continue
        yield number, line, False


def _surrogate_problem(value: Any) -> bool:
    """True when a string anywhere in a decoded JSON value holds a lone surrogate."""
    if isinstance(value, str):
        return bool(LONE_SURROGATE.search(value))
    if isinstance(value, dict):
        return any(_surrogate_problem(k) or _surrogate_problem(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_surrogate_problem(v) for v in value)
    return False


def _replace_surrogates(value: Any) -> Any:
    if isinstance(value, str):
        return LONE_SURROGATE.sub("\ufffd", value)
    if isinstance(value, dict):
        return {_replace_surrogates(k): _replace_surrogates(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_replace_surrogates(v) for v in value]
    return value


def _json_line(path: str, number: int, text: str, escapes: bool, encoding_errors: str) -> InputRecord | Reject:
    """One non-blank JSONL line as a record, or the reason it is not one."""
    raw = text[:RAW_PREFIX_CHARS]
    try:
        value = JSON_DECODER.decode(text)
    except json.JSONDecodeError as err:
        truncated = err.pos >= len(text) - 1 or "Unterminated" in err.msg
        reason = "truncated JSON" if truncated else "malformed JSON"
        return Reject(path, number, raw, f"{reason}: {err.msg} (column {err.colno})")
    except RecursionError:
        return Reject(path, number, raw, "malformed JSON: nested too deeply")
    except ValueError as err:
        return Reject(path, number, raw, f"malformed JSON: {err}")
    if not isinstance(value, dict):
        return Reject(path, number, raw, f"not an object: the JSON value is a {type(value).__name__}")
    if escapes and _surrogate_problem(value):
        if encoding_errors != "replace":
            return Reject(path, number, raw, "invalid UTF-8: a JSON string escapes a lone surrogate (\\udXXX)")
        value = _replace_surrogates(value)
    return InputRecord(path, number, value)


def read_jsonl(
    path: str,
    *,
    encoding_errors: str = "reject",
    max_line_bytes: int = DEFAULT_MAX_LINE_BYTES,
    meter: ReadMeter | None = None,
) -> Iterator[InputRecord | Reject]:
    """One JSON object per line; blank lines are skipped, anything else that is not an object is a Reject.

    A `.gz` file that ends early (a cut download) or is corrupt gives a Reject at the line where reading
    stopped, after every record read before it.
    """
    with _open_binary(path, meter) as fh:
        number = 0
        try:
            for number, data, too_long in _lines(fh, max_line_bytes):
                if number == 1 and data.startswith(UTF8_BOM):
                    data = data[len(UTF8_BOM) :]
                stripped = data.strip()
                if not stripped:
                    continue
                text, problem = _decode(stripped, encoding_errors)
                if too_long:
                    yield Reject(path, number, text[:RAW_PREFIX_CHARS], f"line too long: over {max_line_bytes:,} bytes")
                elif problem:
                    yield Reject(path, number, text[:RAW_PREFIX_CHARS], problem)
                else:
                    escapes = SURROGATE_ESCAPE.search(stripped) is not None
                    yield _json_line(path, number, text, escapes, encoding_errors)
        except (EOFError, OSError, zlib.error) as err:
            yield Reject(path, number + 1, "", f"unreadable data: {err}")


def _check_columns(path: str, columns: list[str], required: tuple[str, ...]) -> None:
    missing = [name for name in required if name not in columns]
    if missing:
        shown = ", ".join(repr(c) for c in columns[:20]) or "none"
        raise InputError(f"{path}: no column {missing[0]!r} (columns: {shown}); name the right one with --text-field")


def _csv_rows(reader: Any) -> Iterator[tuple[list[str] | None, str | None]]:
    """(row, None) per row, or (None, error) for a row the csv module cannot parse; reading goes on after it."""
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as err:
            yield None, str(err)
            continue
        yield row, None


def read_csv(
    path: str,
    *,
    encoding_errors: str = "reject",
    max_line_bytes: int = DEFAULT_MAX_LINE_BYTES,
    required: tuple[str, ...] = (),
    meter: ReadMeter | None = None,
) -> Iterator[InputRecord | Reject]:
    """A CSV with a header row; a row whose field count differs from the header's is a Reject.

    Line numbers are those of the row's last physical line (a quoted field can span lines).
    """
    errors = "replace" if encoding_errors == "replace" else "surrogateescape"
    csv.field_size_limit(max(csv.field_size_limit(), max_line_bytes))
    with _open_binary(path, meter) as binary:
        fh = io.TextIOWrapper(binary, encoding="utf-8", errors=errors, newline="")
        reader = csv.reader(fh)
        try:
            header = next(reader, None)
            if header is None:
                return
            _check_columns(path, header, required)
            for row, error in _csv_rows(reader):
                number = reader.line_num
                if row is None:
                    yield Reject(path, number, "", f"bad CSV row: {error}")
                    continue
                if not row or all(not cell.strip() for cell in row):
                    continue
                joined = ",".join(row)
                if _has_bad_utf8(joined):
                    raw = joined.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
                    yield Reject(path, number, raw[:RAW_PREFIX_CHARS], "invalid UTF-8 in a CSV row")
                    continue
                if len(row) != len(header):
                    reason = f"ragged CSV row: {len(row)} fields, header has {len(header)}"
                    yield Reject(path, number, joined[:RAW_PREFIX_CHARS], reason)
                    continue
                yield InputRecord(path, number, dict(zip(header, row, strict=True)))
        except (EOFError, OSError, zlib.error) as err:
            yield Reject(path, reader.line_num + 1, "", f"unreadable data: {err}")
        finally:
            fh.detach()


def _has_bad_utf8(s: str) -> bool:
    """True when the text held bytes that are not UTF-8 (decoded as lone surrogates by surrogateescape)."""
    return ESCAPED_BYTE.search(s) is not None


def read_parquet(
    path: str, *, required: tuple[str, ...] = (), meter: ReadMeter | None = None
) -> Iterator[InputRecord | Reject]:
    """Parquet through pyarrow (the `parquet` extra), one row group at a time.

    A file without a required column is an input error for the whole file (every row would be rejected for
    the same reason); a file pyarrow cannot read is one too. A file without rows has nothing to miss (an
    empty run's output, which has no columns either) and gives no records.
    """
    try:
        import pyarrow
        import pyarrow.parquet as pq
    except ImportError as err:
        raise InputError(f"{path}: reading Parquet needs pyarrow: pip install 'newsclean[parquet]'") from err
    try:
        parquet = pq.ParquetFile(path)
    except (pyarrow.ArrowException, OSError) as err:
        raise InputError(f"{path}: not a readable Parquet file: {err}") from err
    if parquet.metadata.num_rows == 0:
        return
    _check_columns(path, parquet.schema_arrow.names, required)
    encoded = json_columns(parquet.schema_arrow)
    number = 0
    if meter is not None:
        # pyarrow reads the file itself: the share of rows yielded stands for the share of bytes read.
        size, rows = os.path.getsize(path), max(parquet.metadata.num_rows, 1)
        meter.start(size, lambda: size * number // rows)
    try:
        for batch in parquet.iter_batches():
            for row in batch.to_pylist():
                number += 1
                yield InputRecord(path, number, _decode_columns(row, encoded) if encoded else row)
    except (pyarrow.ArrowException, OSError) as err:
        yield Reject(path, number + 1, "", f"unreadable data: {err}")


def json_columns(schema: Any) -> list[str]:
    """The columns of an Arrow schema whose values are JSON text, as `newsclean.outputs` marks them."""
    return [field.name for field in schema if (field.metadata or {}).get(JSON_COLUMN_KEY) == b"true"]


def _decode_columns(row: dict[str, Any], encoded: list[str]) -> dict[str, Any]:
    """The row with its JSON-text columns decoded back to the values newsclean wrote (a null stays null, and
    a cell that is not JSON, edited by hand since, stays the text it is)."""
    for name in encoded:
        value = row.get(name)
        if isinstance(value, str):
            with contextlib.suppress(ValueError):
                row[name] = json.loads(value)
    return row


def read_text_file(
    path: str, *, encoding_errors: str = "reject", meter: ReadMeter | None = None
) -> Iterator[InputRecord | Reject]:
    """A plain-text article: the whole file is one record whose id is the file name without its suffix."""
    data = Path(path).read_bytes()
    if meter is not None:
        meter.start(len(data), lambda: len(data))
    if not data.strip():
        return
    text, problem = _decode(data, encoding_errors)
    if problem:
        yield Reject(path, 1, text[:RAW_PREFIX_CHARS], problem)
        return
    yield InputRecord(path, 1, {"id": Path(path).stem, "text": text})


def _expand(path: str) -> list[str]:
    if path != STDIN and os.path.isdir(path):
        names = sorted(p for p in os.listdir(path) if not p.startswith("."))
        return [os.path.join(path, n) for n in names if _format_of(n) is not None]
    return [path]


def _format_of(path: str) -> str | None:
    lower = path.lower()
    if path == STDIN or lower.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if lower.endswith((".csv", ".csv.gz")):
        return "csv"
    if lower.endswith(".parquet"):
        return "parquet"
    if lower.endswith(".txt"):
        return "txt"
    return None


def _read_one(
    path: str, encoding_errors: str, max_line_bytes: int, required: tuple[str, ...], meter: ReadMeter | None = None
) -> Iterator[InputRecord | Reject]:
    kind = _format_of(path)
    if kind == "jsonl":
        return read_jsonl(path, encoding_errors=encoding_errors, max_line_bytes=max_line_bytes, meter=meter)
    if kind == "csv":
        return read_csv(
            path, encoding_errors=encoding_errors, max_line_bytes=max_line_bytes, required=required, meter=meter
        )
    if kind == "parquet":
        return read_parquet(path, required=required, meter=meter)
    if kind == "txt":
        return read_text_file(path, encoding_errors=encoding_errors, meter=meter)
    raise InputError(
        f"{path}: unknown input format (expected JSON lines: .jsonl, .ndjson or .json, each optionally .gz; "
        ".csv[.gz], .parquet, .txt, a directory or -)"
    )


def read_inputs(
    paths: list[str] | tuple[str, ...],
    *,
    encoding_errors: str = "reject",
    max_line_bytes: int = DEFAULT_MAX_LINE_BYTES,
    required: tuple[str, ...] = (),
    meter: ReadMeter | None = None,
) -> Iterator[InputRecord | Reject]:
    """Records from every path in order: files by suffix, directories by their files in name order.

    Every non-blank line (row) becomes one InputRecord or one Reject. `required` names columns a CSV header
    or Parquet schema must have (JSONL records are checked one by one by the caller). A `meter`
    (`input_bytes(paths)` is its total) follows how many bytes of the files have been read.
    """
    if encoding_errors not in ENCODING_ERRORS:
        raise InputError(f"encoding_errors must be one of {ENCODING_ERRORS}, not {encoding_errors!r}")
    for given in paths:
        if given != STDIN and not os.path.exists(given):
            raise InputError(f"{given}: no such file or directory")
        for path in _expand(given):
            try:
                yield from _read_one(path, encoding_errors, max_line_bytes, required, meter)
            except (PermissionError, IsADirectoryError) as err:
                raise InputError(f"{path}: {err.strerror}") from err


def input_bytes(paths: list[str] | tuple[str, ...]) -> int | None:
    """The size on disk of every file `read_inputs(paths)` reads, or None when it cannot be known ahead
    (stdin, or a path that does not exist, which `read_inputs` reports)."""
    total = 0
    for given in paths:
        if given == STDIN or not os.path.exists(given):
            return None
        total += sum(os.path.getsize(path) for path in _expand(given))
    return total


def strict_records(items: Iterator[InputRecord | Reject], text_field: str) -> Iterator[InputRecord | Reject]:
    """`--strict`: the first reject, or record without a usable text, stops the run with an InputError."""
    for item in items:
        problem = item.reason if isinstance(item, Reject) else text_problem(item.data, text_field)
        if problem is not None:
            raise InputError(f"{item.source}:{item.line}: {problem} (--strict stops at the first bad record)")
        yield item


def text_problem(data: Mapping[str, Any], text_field: str) -> str | None:
    """Why a record's text cannot be cleaned or compared (`kind: detail`), or None when it can."""
    text = data.get(text_field)
    if text is None:
        where = f"{text_field!r} is null" if text_field in data else f"no {text_field!r} field"
        return f"missing text: {where}"
    if not isinstance(text, str):
        return f"text not a string: {text_field!r} is a {type(text).__name__}"
    if not text.strip():
        return f"empty text: {text_field!r} is empty or whitespace"
    return None


@contextlib.contextmanager
def atomic_output(path: str | None, *, hold_stdout: bool = False, binary: bool = False) -> Iterator[IO[Any]]:
    """A text handle whose content appears at `path` only if the block completes (stdout for None or '-');
    a binary one with `binary` (gzip and Parquet outputs, `newsclean.outputs`).

    The content goes to a temporary file beside the target, is flushed to disk and renamed over the target
    only at the end: a run that fails, is interrupted or killed leaves the target absent or as it was. With
    `hold_stdout`, stdout output is held in a temporary file and copied out only if the block completes
    (`--strict`: nothing is printed before the input is known to be good). A target that exists and is not a
    regular file (`/dev/null`, `/dev/stdout`, a named pipe) is written in place: renaming over it would
    replace the device with a file.
    """
    text = {} if binary else {"encoding": "utf-8", "newline": "\n"}
    if path is None or path == STDIN:
        stdout = sys.stdout.buffer if binary else sys.stdout
        if not hold_stdout:
            yield stdout
            stdout.flush()
            return
        with tempfile.TemporaryFile("w+b" if binary else "w+", **text) as held:
            yield held
            held.seek(0)
            shutil.copyfileobj(held, stdout)
        stdout.flush()
        return
    target = os.path.abspath(path)
    if os.path.exists(target) and not os.path.isfile(target):
        with open(target, "wb" if binary else "w", **text) as device:
            yield device
        return
    directory = os.path.dirname(target)
    os.makedirs(directory, exist_ok=True)
    prefix = f".{os.path.basename(target)}."
    _remove_stale_temporaries(directory, prefix)
    fd, tmp = tempfile.mkstemp(prefix=f"{prefix}{os.getpid()}.", suffix=".tmp", dir=directory)
    os.fchmod(fd, _output_mode(target))
    try:
        with os.fdopen(fd, "wb" if binary else "w", **text) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def _remove_stale_temporaries(directory: str, prefix: str) -> None:
    """Remove the temporary files a killed run left for this target (`.NAME.PID.XXXX.tmp`).

    Why: a process killed with SIGKILL (or by the OOM killer) cannot clean up, and its temporary file would
    sit beside the target forever. Only files whose process no longer runs on this machine are removed, so a
    concurrent run writing the same target keeps its own.
    """
    try:
        names = os.listdir(directory)
    except OSError:
        return
    for name in names:
        if not (name.startswith(prefix) and name.endswith(".tmp")):
            continue
        pid = name[len(prefix) :].split(".", 1)[0]
        if pid.isdigit() and int(pid) != os.getpid() and not process_exists(int(pid)):
            with contextlib.suppress(OSError):
                os.unlink(os.path.join(directory, name))


def process_exists(pid: int) -> bool:
    """Whether process `pid` exists (one another user owns counts too)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _output_mode(target: str) -> int:
    """The permissions of the file being replaced, or those a plain `open()` would give (mkstemp's are 0600)."""
    with contextlib.suppress(FileNotFoundError):
        return os.stat(target).st_mode & 0o777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def optional_output(path: str | None) -> contextlib.AbstractContextManager[IO[str] | None]:
    """An atomic output for an optional file option, None when the option was not given."""
    return atomic_output(path) if path else contextlib.nullcontext()


def dumps(record: dict[str, Any]) -> str:
    """One JSONL line, UTF-8 kept readable; values JSON has no type for (Parquet timestamps) become strings."""
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"), default=str)
