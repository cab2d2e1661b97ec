"""The embedded index: one SQLite file, WAL mode, one exclusive write transaction per run.

Why SQLite's own transaction is the crash-safety story: everything a run adds (articles, band keys, aliases,
the settings of a new index) is written inside one `BEGIN IMMEDIATE ... COMMIT`. A process killed at any
moment leaves either the whole run or none of it (the WAL is rolled back or replayed on the next open), and
the CLI commits only after its outputs are renamed into place, so a committed run always has its outputs.

Why IMMEDIATE for the whole run: a run reads the index, decides, then writes; two runs interleaving would
both keep a story neither had seen. Holding the write lock from the first query to the commit serializes
runs; a second run waits up to `wait` seconds and is then refused with a clear message. Readers (`index
stats`, `export`) are never blocked in WAL mode.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from collections.abc import Iterator, Sequence
from typing import Any

import numpy as np

from ..errors import ConfigError
from ..lsh import band_keys
from .base import FORMAT, Entry, Index, IndexBusy, Stored, encode_id, signed64

#: Values bound per `IN (...)` statement: well under SQLite's variable limit on every build.
CHUNK = 500

#: Page cache per connection. A run inserts 32 band rows per article at random places of a B-tree that holds
#: 6.4 million rows at 200,000 articles; with SQLite's default 2 MiB cache most inserts re-read inner pages.
CACHE_KIB = 65536
#: Reads through mmap (no copy into the page cache) for the candidate lookups.
MMAP_BYTES = 1 << 28

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS articles (
    n INTEGER PRIMARY KEY,
    id TEXT NOT NULL,
    exact INTEGER NOT NULL,
    words INTEGER NOT NULL,
    date TEXT,
    added REAL NOT NULL,
    signature BLOB NOT NULL,
    shingles BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_id ON articles (id);
CREATE TABLE IF NOT EXISTS bands (key INTEGER NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (key, n)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS aliases (key INTEGER PRIMARY KEY, n INTEGER NOT NULL, similarity REAL NOT NULL);
"""


def _chunks(values: Sequence[Any]) -> Iterator[Sequence[Any]]:
    for start in range(0, len(values), CHUNK):
        yield values[start : start + CHUNK]


class SqliteIndex(Index):
    """An index in one SQLite file (created when missing, unless `create=False`)."""

    backend = "sqlite"

    def __init__(self, path: str, *, create: bool = True, wait: float = 0.0) -> None:
        super().__init__(path)
        self.path = path
        if not create and not os.path.exists(path):
            raise ConfigError(f"no index at {path}")
        if os.path.isdir(path):
            raise ConfigError(f"index {path} is a directory, not an SQLite file")
        try:
            self._db = sqlite3.connect(path, isolation_level=None, timeout=max(wait, 0.0))
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
            self._db.execute(f"PRAGMA mmap_size={MMAP_BYTES}")
            self._setup()
        except sqlite3.DatabaseError as err:
            if isinstance(err, sqlite3.OperationalError) and "locked" in str(err):
                raise IndexBusy(self._busy_message(wait)) from err
            raise ConfigError(f"index {path} is not a newsclean SQLite index: {err}") from err

    def _busy_message(self, wait: float) -> str:
        return (
            f"index {self.path} is in use by another run (waited {wait:g} s); "
            "runs on one SQLite index take turns: retry later or pass --wait SECONDS"
        )

    def _setup(self) -> None:
        have = {row[0] for row in self._db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "meta" in have:
            row = self._db.execute("SELECT value FROM meta WHERE key='format'").fetchone()
            if row is None or int(row[0]) != FORMAT:
                raise ConfigError(f"index {self.path} has layout version {row and row[0]}, expected {FORMAT}")
            return
        if have:
            raise ConfigError(f"index {self.path} is an SQLite file of something else (tables: {sorted(have)})")
        self._db.execute("BEGIN IMMEDIATE")
        try:
            # One statement at a time: executescript would COMMIT the open transaction first.
            for statement in filter(str.strip, SCHEMA.split(";")):
                self._db.execute(statement)
            self._db.execute("INSERT OR IGNORE INTO meta VALUES ('format', ?)", (str(FORMAT),))
            self._db.execute("INSERT OR IGNORE INTO meta VALUES ('next', '1')")
            self._db.execute("COMMIT")
        except BaseException:
            if self._db.in_transaction:
                self._db.execute("ROLLBACK")
            raise

    def close(self) -> None:
        self._db.close()

    # -- transactions --------------------------------------------------------------------------------------

    def _begin(self) -> None:
        try:
            self._db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as err:
            if "locked" in str(err) or "busy" in str(err):
                raise IndexBusy(self._busy_message(self._db_timeout())) from err
            raise

    def _db_timeout(self) -> float:
        return float(self._db.execute("PRAGMA busy_timeout").fetchone()[0]) / 1000

    def _commit(self) -> None:
        self._db.execute("COMMIT")

    def _rollback(self) -> None:
        if self._db.in_transaction:
            self._db.execute("ROLLBACK")

    # -- primitives ----------------------------------------------------------------------------------------

    def _load_settings(self) -> str | None:
        row = self._db.execute("SELECT value FROM meta WHERE key='settings'").fetchone()
        return row[0] if row else None

    def _store_settings(self, raw: str) -> None:
        self._db.execute("INSERT OR REPLACE INTO meta VALUES ('settings', ?)", (raw,))

    def _aliases(self, keys: np.ndarray) -> dict[int, tuple[int, float]]:
        out: dict[int, tuple[int, float]] = {}
        for part in _chunks(keys.tolist()):
            marks = ",".join("?" * len(part))
            for key, n, sim in self._db.execute(f"SELECT key, n, similarity FROM aliases WHERE key IN ({marks})", part):
                out[key] = (n, sim)
        return out

    def _buckets(self, keys: np.ndarray) -> dict[int, list[int]]:
        out: dict[int, list[int]] = {}
        for part in _chunks(keys.tolist()):
            marks = ",".join("?" * len(part))
            for key, n in self._db.execute(f"SELECT key, n FROM bands WHERE key IN ({marks})", part):
                out.setdefault(key, []).append(n)
        return out

    def _fetch(self, numbers: Sequence[int], shingles: bool) -> dict[int, Stored]:
        columns = "n, id, signature" + (", shingles" if shingles else "")
        empty = np.empty(0, dtype=np.uint32)
        out: dict[int, Stored] = {}
        for part in _chunks(list(numbers)):
            marks = ",".join("?" * len(part))
            for row in self._db.execute(f"SELECT {columns} FROM articles WHERE n IN ({marks})", part):
                out[row[0]] = Stored(
                    n=row[0],
                    id=json.loads(row[1]),
                    signature=np.frombuffer(row[2], dtype="<u4"),
                    shingles=np.frombuffer(row[3], dtype="<u4") if shingles else empty,
                )
        return out

    def _reserve(self, count: int) -> list[int]:
        first = int(self._db.execute("SELECT value FROM meta WHERE key='next'").fetchone()[0])
        self._db.execute("UPDATE meta SET value=? WHERE key='next'", (str(first + count),))
        return list(range(first, first + count))

    def _write(self, entries: Sequence[Entry], numbers: Sequence[int], keys: np.ndarray) -> None:
        now = time.time()
        self._db.executemany(
            "INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                (
                    n,
                    encode_id(e.id),
                    int(signed64(np.asarray([e.exact], dtype=np.uint64))[0]),
                    int(e.words),
                    e.date,
                    now,
                    np.asarray(e.signature, dtype="<u4").tobytes(),
                    np.asarray(e.shingles, dtype="<u4").tobytes(),
                )
                for n, e in zip(numbers, entries, strict=True)
            ),
        )
        pairs = np.stack([keys.ravel(), np.repeat(np.asarray(numbers, dtype=np.int64), keys.shape[1])], axis=1)
        pairs = pairs[np.argsort(pairs[:, 0], kind="stable")]  # in key order: neighbouring inserts share pages
        self._db.executemany("INSERT OR IGNORE INTO bands VALUES (?, ?)", pairs.tolist())

    def _write_aliases(self, keys: np.ndarray, numbers: np.ndarray, sims: np.ndarray) -> None:
        self._db.executemany(
            "INSERT OR REPLACE INTO aliases VALUES (?, ?, ?)",
            zip(keys.tolist(), np.asarray(numbers).tolist(), np.asarray(sims, dtype=np.float64).tolist(), strict=True),
        )

    def _remove_numbers(self, ids: Sequence[str]) -> int:
        settings = self._require_settings()
        removed = 0
        for part in _chunks(list(ids)):
            marks = ",".join("?" * len(part))
            rows = self._db.execute(f"SELECT n, signature FROM articles WHERE id IN ({marks})", part).fetchall()
            if not rows:
                continue
            sigs = np.stack([np.frombuffer(sig, dtype="<u4") for _, sig in rows])
            keys = signed64(band_keys(sigs, settings.bands, settings.rows))
            numbers = [n for n, _ in rows]
            self._db.executemany(
                "DELETE FROM bands WHERE key=? AND n=?",
                ((key, n) for n, row in zip(numbers, keys.tolist(), strict=True) for key in row),
            )
            marks = ",".join("?" * len(numbers))
            self._db.execute(f"DELETE FROM aliases WHERE n IN ({marks})", numbers)
            self._db.execute(f"DELETE FROM articles WHERE n IN ({marks})", numbers)
            removed += len(numbers)
        return removed

    # -- maintenance ---------------------------------------------------------------------------------------

    def _size(self) -> int:
        return sum(os.path.getsize(p) for p in (self.path, self.path + "-wal") if os.path.exists(p))

    def _counts(self) -> tuple[int, int, float | None]:
        articles = int(self._db.execute("SELECT count(*) FROM articles").fetchone()[0])
        aliases = int(self._db.execute("SELECT count(*) FROM aliases").fetchone()[0])
        last = self._db.execute("SELECT max(added) FROM articles").fetchone()[0]
        return articles, aliases, last

    def export(self, signatures: bool = False) -> Iterator[dict[str, Any]]:
        columns = "n, id, date, words, added" + (", signature" if signatures else "")
        for row in self._db.execute(f"SELECT {columns} FROM articles ORDER BY n"):
            out: dict[str, Any] = {
                "n": row[0],
                "id": json.loads(row[1]),
                "date": row[2],
                "words": row[3],
                "added": row[4],
            }
            if signatures:
                out["signature"] = np.frombuffer(row[5], dtype="<u4").tolist()
            yield out

    def compact(self) -> int:
        before = self._size()
        try:
            self._db.execute("VACUUM")
            self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except sqlite3.OperationalError as err:
            raise IndexBusy(self._busy_message(self._db_timeout())) from err
        return before - self._size()
