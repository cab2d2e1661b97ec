"""The persistent LSH index: what every backend stores, and the query logic they all share.

Per indexed (kept) article: its number `n` (assigned in order of addition, never reused), the user's id, the
exact-pass key, word count and date (for reports and keep rules), the MinHash signature (to estimate before
the exact check, and to recompute band keys on removal) and its sorted unique 32-bit shingle hashes (the
local dedupe verifies with exact shingle Jaccard, so the index must too, or a day-2 record would be judged by
a weaker test than the same record in one run). Band keys point at article numbers for LSH candidates.

Beside the articles, an alias table maps the exact key of every record a run compared (kept or not) to the
article that decided it, with the similarity: re-running a file then finds each of its records by key, even a
duplicate that was only 0.6 alike to its kept copy and so below the threshold of a fresh comparison.

The backends only store and fetch; `Index.query` decides, identically for all of them, which is what makes a
Redis index give the same results as an SQLite one.
"""

from __future__ import annotations

import contextlib
import json
from abc import ABC, abstractmethod
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

import numpy as np

from .._model_base import FrozenModel
from ..clusters import ESTIMATE_MARGIN, TOLERANCE, ShingleStore, jaccard
from ..dedupe_config import DedupeConfig
from ..errors import ConfigError
from ..lsh import MAX_BUCKET, band_keys

#: Version of the stored layout; an index of another version is refused rather than misread.
FORMAT = 1

#: Records looked up per round trip: bounds the candidates held in memory at once.
QUERY_BATCH = 1000


class IndexBusy(ConfigError):
    """Another run holds the index past this run's wait (or took it over after this run stalled)."""


class IndexSettings(FrozenModel):
    """What makes two signatures comparable, recorded by the index at its first run.

    A run whose settings differ would compute band keys or shingles that match nothing stored (or match at a
    different threshold than the stored decisions were made), so it is refused rather than silently wrong.
    """

    num_perm: int
    seed: int
    hash: str
    ngram: int
    bands: int
    rows: int
    threshold: float
    clean: bool

    @classmethod
    def from_config(cls, config: DedupeConfig) -> IndexSettings:
        bands, rows = config.band_layout()
        return cls(
            num_perm=config.num_perm,
            seed=config.seed,
            hash=config.hash,
            ngram=config.ngram,
            bands=bands,
            rows=rows,
            threshold=config.threshold,
            clean=config.clean,
        )


def utc_time(epoch: float) -> datetime:
    """An index's time (seconds since the epoch, as stored) as a UTC datetime to the second: what users are
    shown (ISO 8601 in JSON, `2026-11-30T08:15:02Z`), while files written by earlier versions keep working."""
    return datetime.fromtimestamp(epoch, tz=timezone.utc).replace(microsecond=0)


def utc_text(epoch: float) -> str:
    """`utc_time` as ISO 8601 text: `2026-11-30T08:15:02Z`."""
    return utc_time(epoch).isoformat().replace("+00:00", "Z")


class IndexStats(FrozenModel):
    """What `newsclean index stats` prints; `last_added` is when the last run added articles (UTC)."""

    url: str
    backend: str
    format: int
    articles: int
    aliases: int
    bytes: int
    bytes_per_article: float
    settings: IndexSettings | None
    last_added: datetime | None = None


@dataclass(frozen=True, slots=True)
class Entry:
    """A kept article to add: everything the index stores about it."""

    id: Any
    exact: int
    words: int
    date: str | None
    signature: np.ndarray
    shingles: np.ndarray


@dataclass(frozen=True, slots=True)
class Stored:
    """An indexed article as fetched for verification."""

    n: int
    id: Any
    signature: np.ndarray
    shingles: np.ndarray


@dataclass(frozen=True, slots=True)
class Match:
    """The indexed article a queried record duplicates: its number and id, the exact Jaccard, and whether it
    was found by exact key (the record's normalized words were seen before)."""

    n: int
    id: Any
    similarity: float
    exact: bool


def encode_id(value: Any) -> str:
    """Ids are stored as JSON, so an int id comes back an int and a str id a str."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)


def signed64(values: np.ndarray) -> np.ndarray:
    """uint64 keys as the int64 that SQLite integers and numpy share (same bits)."""
    return np.ascontiguousarray(values, dtype=np.uint64).view(np.int64)


class Index(ABC):
    """A persistent LSH index of kept articles; `Index.open(url)` picks the backend from the URL.

    Writes happen inside `transaction()`: nothing is visible (or durable) until the block exits normally, so a
    run that is killed leaves the index as it was before the run. Settings are checked with `bind(config)`.
    """

    url: str
    backend: str = "?"

    def __init__(self, url: str) -> None:
        self.url = url
        self._settings: IndexSettings | None = None
        self._depth = 0

    # -- opening -------------------------------------------------------------------------------------------

    @staticmethod
    def open(url: str, *, create: bool = True, wait: float = 0.0) -> Index:
        """Open the index at `url`: `redis://HOST:PORT/DB[?prefix=NAME]` or an SQLite file path (also
        `sqlite:///path`). `create=False` refuses a missing index; `wait` is how many seconds a run waits
        for another run holding the index before it is refused with IndexBusy."""
        from . import open_index

        return open_index(url, create=create, wait=wait)

    def __enter__(self) -> Index:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    @abstractmethod
    def close(self) -> None: ...

    # -- settings ------------------------------------------------------------------------------------------

    @property
    def settings(self) -> IndexSettings | None:
        """The recorded settings, or None for an index no run has written yet."""
        if self._settings is None:
            raw = self._load_settings()
            self._settings = IndexSettings.model_validate_json(raw) if raw else None
        return self._settings

    def bind(self, config: DedupeConfig) -> IndexSettings:
        """The settings a run with `config` uses against this index; records them on an empty index (inside
        the current transaction), refuses with ConfigError when they differ from the recorded ones."""
        wanted = IndexSettings.from_config(config)
        have = self.settings
        if have is None:
            with self.transaction():
                self._store_settings(wanted.model_dump_json())
            self._settings = wanted
            return wanted
        if have != wanted:
            differ = [
                f"{name}={getattr(wanted, name)!r} (index: {getattr(have, name)!r})"
                for name in IndexSettings.model_fields
                if getattr(wanted, name) != getattr(have, name)
            ]
            raise ConfigError(
                f"index {self.url} was built with other settings: this run has {', '.join(differ)}; "
                "run with the index's settings (see `newsclean index stats`) or use a new index"
            )
        return have

    # -- transactions --------------------------------------------------------------------------------------

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Index]:
        """Group reads and writes into one all-or-nothing unit; re-entrant (an inner block joins the outer).

        SQLite: an exclusive write transaction for the whole block, so concurrent runs serialize (one waits
        up to `wait` seconds, then is refused). Redis: a lock for the whole block; writes are buffered and
        sent as one MULTI/EXEC at exit, so a Redis transaction cannot read what it wrote (it refuses to).
        """
        if self._depth:
            self._depth += 1
            try:
                yield self
            finally:
                self._depth -= 1
            return
        self._begin()
        self._depth = 1
        try:
            yield self
        except BaseException:
            self._depth = 0
            self._rollback()
            self._settings = None
            raise
        self._depth = 0
        self._commit()

    @abstractmethod
    def _begin(self) -> None: ...

    @abstractmethod
    def _commit(self) -> None: ...

    @abstractmethod
    def _rollback(self) -> None: ...

    # -- storage primitives, per backend -------------------------------------------------------------------

    @abstractmethod
    def _load_settings(self) -> str | None: ...

    @abstractmethod
    def _store_settings(self, raw: str) -> None: ...

    @abstractmethod
    def _aliases(self, keys: np.ndarray) -> dict[int, tuple[int, float]]:
        """exact key (as int64) -> (article number, similarity) for the keys that are known."""

    @abstractmethod
    def _buckets(self, keys: np.ndarray) -> dict[int, list[int]]:
        """band key (as int64) -> article numbers, for the keys that hold any."""

    @abstractmethod
    def _fetch(self, numbers: Sequence[int], shingles: bool) -> dict[int, Stored]:
        """The articles with these numbers that exist; their shingles only when asked (an empty array
        otherwise), since most LSH candidates are dropped on their signature alone."""

    @abstractmethod
    def _write(self, entries: Sequence[Entry], numbers: Sequence[int], keys: np.ndarray) -> None:
        """Store articles with their band keys ((len(entries), bands) int64)."""

    @abstractmethod
    def _reserve(self, count: int) -> list[int]:
        """`count` new article numbers, increasing."""

    @abstractmethod
    def _write_aliases(self, keys: np.ndarray, numbers: np.ndarray, sims: np.ndarray) -> None: ...

    @abstractmethod
    def _remove_numbers(self, ids: Sequence[str]) -> int:
        """Remove the articles with these encoded ids, their band keys and the aliases pointing at them."""

    @abstractmethod
    def _counts(self) -> tuple[int, int, float | None]:
        """(articles, aliases, time of the last addition or None) as stored."""

    @abstractmethod
    def _size(self) -> int:
        """Bytes the index takes where it is stored (file size, or Redis memory of its keys)."""

    def stats(self) -> IndexStats:
        articles, aliases, last = self._counts()
        size = self._size()
        return IndexStats(
            url=self.url,
            backend=self.backend,
            format=FORMAT,
            articles=articles,
            aliases=aliases,
            bytes=size,
            bytes_per_article=round(size / articles, 1) if articles else 0.0,
            settings=self.settings,
            last_added=None if last is None else utc_time(last),
        )

    @abstractmethod
    def export(self, signatures: bool = False) -> Iterator[dict[str, Any]]:
        """Every indexed article in number order: n, id, date, words, added (+ signature)."""

    @abstractmethod
    def compact(self) -> int:
        """Reclaim the space freed by removals; returns bytes before minus after."""

    # -- the shared logic ----------------------------------------------------------------------------------

    def _require_settings(self) -> IndexSettings:
        settings = self.settings
        if settings is None:
            raise ConfigError(f"index {self.url} has no settings yet: bind a DedupeConfig first (Index.bind)")
        return settings

    def query(
        self, exact: np.ndarray, signatures: np.ndarray, shingles: ShingleStore, max_bucket: int = MAX_BUCKET
    ) -> list[Match | None]:
        """For each queried record (its exact key, signature and shingle hashes): the indexed article it
        duplicates, or None.

        A known exact key answers directly (with the similarity recorded when its run decided). Otherwise the
        LSH candidates are checked like the local dedupe checks a pair: MinHash estimate within
        ESTIMATE_MARGIN of the threshold, then exact Jaccard >= threshold. The best match is the most similar,
        then the earliest indexed: one answer whatever the backend or the order of the stored buckets.
        Records are looked up `QUERY_BATCH` at a time, so a big run never holds every candidate in memory.
        """
        settings = self._require_settings()
        exact = np.asarray(exact, dtype=np.uint64)
        out: list[Match | None] = []
        for start in range(0, len(exact), QUERY_BATCH):
            rows = np.arange(start, min(start + QUERY_BATCH, len(exact)))
            out.extend(self._query_batch(settings, exact[rows], signatures[rows], shingles, rows, max_bucket))
        return out

    def _query_batch(
        self,
        settings: IndexSettings,
        exact: np.ndarray,
        signatures: np.ndarray,
        shingles: ShingleStore,
        rows: np.ndarray,
        max_bucket: int,
    ) -> list[Match | None]:
        out: list[Match | None] = [None] * len(exact)
        keys64 = signed64(exact).tolist()
        known = self._aliases(signed64(exact))
        if known:
            ids = self._fetch(sorted({n for n, _ in known.values()}), shingles=False)
            for i, key in enumerate(keys64):
                if key in known and known[key][0] in ids:
                    n, sim = known[key]
                    out[i] = Match(n=n, id=ids[n].id, similarity=float(sim), exact=True)
        pending = [i for i, match in enumerate(out) if match is None]
        if not pending:
            return out
        keys = signed64(band_keys(signatures[pending], settings.bands, settings.rows))
        buckets = self._buckets(np.unique(keys))
        capped = {key: sorted(members)[:max_bucket] for key, members in buckets.items()}
        candidates = [sorted({n for key in row.tolist() for n in capped.get(key, ())}) for row in keys]
        floor = settings.threshold - ESTIMATE_MARGIN
        sigs = self._fetch(sorted({n for found in candidates for n in found}), shingles=False)
        plausible = [
            [n for n in found if n in sigs and float((sigs[n].signature == signatures[i]).mean()) >= floor]
            for i, found in zip(pending, candidates, strict=True)
        ]
        stored = self._fetch(sorted({n for found in plausible for n in found}), shingles=True)
        for i, found in zip(pending, plausible, strict=True):
            mine = shingles.get(int(rows[i]))
            best: Match | None = None
            for n in found:
                sim = jaccard(mine, stored[n].shingles)
                if sim >= settings.threshold - TOLERANCE and (best is None or sim > best.similarity):
                    best = Match(n=n, id=stored[n].id, similarity=sim, exact=False)
            out[i] = best
        return out

    def articles(self, numbers: Sequence[int]) -> dict[int, Stored]:
        """The stored articles with these numbers (signature and shingles), for checks beyond `query`."""
        return self._fetch(sorted(set(numbers)), shingles=True)

    def add(self, entries: Sequence[Entry]) -> list[int]:
        """Index kept articles; returns their numbers. Their own exact keys become aliases (similarity 1)."""
        settings = self._require_settings()
        if not entries:
            return []
        for entry in entries:
            if len(entry.signature) != settings.num_perm:
                raise ConfigError(
                    f"signature of {entry.id!r} has {len(entry.signature)} values, the index {settings.num_perm}"
                )
        sigs = np.stack([np.asarray(e.signature, dtype=np.uint32) for e in entries])
        with self.transaction():
            numbers = self._reserve(len(entries))
            self._write(entries, numbers, signed64(band_keys(sigs, settings.bands, settings.rows)))
            self.link(
                np.asarray([e.exact for e in entries], dtype=np.uint64),
                np.asarray(numbers, dtype=np.int64),
                np.ones(len(entries), dtype=np.float32),
            )
        return numbers

    def link(self, exact: np.ndarray, numbers: np.ndarray, similarity: np.ndarray) -> None:
        """Record that records with these exact keys were decided as duplicates of these articles."""
        if len(exact):
            with self.transaction():
                self._write_aliases(signed64(np.asarray(exact, dtype=np.uint64)), numbers, similarity)

    def remove(self, ids: Sequence[Any]) -> int:
        """Remove every indexed article whose id is one of `ids` (a takedown); returns how many went.

        Aliases pointing at them go too, so a later copy of a removed story is judged afresh (and kept)."""
        with self.transaction():
            return self._remove_numbers([encode_id(i) for i in ids])
