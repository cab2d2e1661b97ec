"""The shared index: the same articles, band keys and aliases as the SQLite one, in Redis hashes.

Own schema rather than datasketch's Redis storage: that storage keeps one Redis set per band bucket (a key of
~90 bytes of overhead for each of the 32 buckets of every article), pickles its keys, stores nothing to verify
a candidate with (no shingles), and writes with plain pipelines, so two writers can interleave halfway. Here
(keys under PREFIX, default `newsclean`):

    PREFIX:meta          hash   format, settings (JSON), last_added
    PREFIX:next          string next article number (read under the lock, written with the commit)
    PREFIX:art           hash   n -> exact key, words, added, id, date, signature (packed)
    PREFIX:sh            hash   n -> sorted unique shingle hashes (uint32, packed), fetched only to verify
    PREFIX:ids           hash   JSON id -> article numbers with that id (for takedowns)
    PREFIX:b:SHARD       hash   band key (8 bytes) -> article numbers (uint32, packed); 65,536 shards
    PREFIX:x:SHARD       hash   exact key (8 bytes) -> article number + similarity; 16,384 shards
    PREFIX:links         hash   n -> exact keys that alias it (so a removal drops its aliases)
    PREFIX:lock          string the token of the run that holds the index

Why shards: 6.4 million band keys at 200,000 articles as separate Redis keys would cost more than the articles;
small hashes stay in Redis's compact listpack encoding (up to 512 fields by default, ~1 million articles).

Concurrency: a run takes `PREFIX:lock` (SET NX with a TTL that a background thread renews) before it reads,
and buffers every write; the commit is one MULTI/EXEC guarded by WATCH on the lock, so it applies only if the
lock is still this run's, and releases the lock in the same step. Two writers therefore take turns exactly as
on SQLite, and a writer that stalled past its TTL (and lost the lock to another) is refused instead of
overwriting. Appends to packed lists run as Lua scripts inside the MULTI, so even without the lock no append
would be lost. A run killed before EXEC writes nothing; its lock expires after `lock_ttl` seconds.
"""

from __future__ import annotations

import json
import struct
import threading
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import numpy as np

from ..errors import ConfigError
from ..lsh import band_keys
from .base import FORMAT, Entry, Index, IndexBusy, Stored, encode_id, signed64

BAND_SHARDS = 1 << 16
ALIAS_SHARDS = 1 << 14
#: Fields per Lua call or HMGET: long enough to amortise the round trip, short enough not to stall Redis.
CHUNK = 4000
#: Articles per HSET: a day of 50,000 kept articles is ~125 MB; one command that size strains client buffers.
WRITE_CHUNK = 1000

#: exact key, words, added, id length, date length (the id, date and signature follow).
HEADER = struct.Struct("<qidIH")
ALIAS = struct.Struct("<If")

APPEND = """
for i = 1, #KEYS do
  local old = redis.call('HGET', KEYS[i], ARGV[2 * i - 1]) or ''
  redis.call('HSET', KEYS[i], ARGV[2 * i - 1], old .. ARGV[2 * i])
end
return #KEYS
"""

#: Remove one fixed-width item (4 bytes, or 8 for alias keys: ARGV[1]) from packed lists; drop empty fields.
DROP = """
local width = tonumber(ARGV[1])
for i = 1, #KEYS do
  local field, item = ARGV[2 * i], ARGV[2 * i + 1]
  local old = redis.call('HGET', KEYS[i], field)
  if old then
    local kept = {}
    for j = 1, #old, width do
      local one = string.sub(old, j, j + width - 1)
      if one ~= item then kept[#kept + 1] = one end
    end
    if #kept == 0 then redis.call('HDEL', KEYS[i], field)
    else redis.call('HSET', KEYS[i], field, table.concat(kept)) end
  end
end
return #KEYS
"""

#: Delete aliases only where they still point at the removed article (first 4 bytes = its number).
UNLINK = """
for i = 1, #KEYS do
  local value = redis.call('HGET', KEYS[i], ARGV[2 * i - 1])
  if value and string.sub(value, 1, 4) == ARGV[2 * i] then redis.call('HDEL', KEYS[i], ARGV[2 * i - 1]) end
end
return #KEYS
"""

#: Get, append to or set many 8-byte fields of sharded hashes in one call. The fields (and the items) travel
#: as one packed string each: per-argument encoding in redis-py cost more than Redis's own work. The shard of a
#: field is its low 16 bits modulo the shard count, the same as `_shards` computes (counts are powers of two).
#: Writes come sorted by shard, so each run of one shard is one HMGET and one HSET: per-field redis.call()s
#: kept Redis busy far longer during a big commit. Key names are built inside the script, so it needs a
#: single Redis, not Redis Cluster.
SHARDED = """
local mode, prefix, count = ARGV[1], ARGV[2], tonumber(ARGV[3])
local fields, items, width = ARGV[4], ARGV[5], tonumber(ARGV[6])
local total = #fields / 8
local function field_at(i) return string.sub(fields, 8 * i - 7, 8 * i) end
local function shard_of(field) return (string.byte(field, 1) + 256 * string.byte(field, 2)) % count end
local out = {}
if mode == 'get' then
  for i = 1, total do
    local field = field_at(i)
    local value = redis.call('HGET', prefix .. shard_of(field), field)
    if value then out[#out + 1] = i - 1; out[#out + 1] = value end
  end
  return out
end
local i = 1
while i <= total do
  local shard = shard_of(field_at(i))
  local names, values, slot = {}, {}, {}
  while i <= total and shard_of(field_at(i)) == shard do
    local field, item = field_at(i), string.sub(items, width * (i - 1) + 1, width * i)
    if slot[field] then
      values[slot[field]] = values[slot[field]] .. item
    else
      names[#names + 1] = field; values[#values + 1] = item; slot[field] = #names
    end
    i = i + 1
  end
  local key = prefix .. shard
  local old = mode == 'append' and redis.call('HMGET', key, unpack(names)) or {}
  local pairs = {}
  for k = 1, #names do
    pairs[2 * k - 1] = names[k]
    pairs[2 * k] = (old[k] or '') .. values[k]
  end
  redis.call('HSET', key, unpack(pairs))
end
return out
"""

RENEW = """
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0
"""

RELEASE = """
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
"""

Write = Callable[[Any], None]


def _u32(n: int) -> bytes:
    return struct.pack("<I", n)


def _key_bytes(keys: np.ndarray) -> list[bytes]:
    """int64 keys as the 8 little-endian bytes used as hash fields."""
    raw = np.ascontiguousarray(keys, dtype="<i8").tobytes()
    return [raw[i : i + 8] for i in range(0, len(raw), 8)]


def _shards(keys: np.ndarray, count: int) -> list[int]:
    return (np.asarray(keys, dtype=np.int64).view(np.uint64) % np.uint64(count)).astype(np.int64).tolist()


def _interleave(first: Sequence[Any], second: Sequence[Any]) -> list[Any]:
    """[a0, b0, a1, b1, ...]: the ARGV layout of the Lua scripts."""
    return [x for pair in zip(first, second, strict=True) for x in pair]


def _numbers(packed: bytes | None) -> list[int]:
    return np.frombuffer(packed, dtype="<u4").tolist() if packed else []


class RedisIndex(Index):
    """An index in one Redis database under a key prefix (see the module docstring for the layout)."""

    backend = "redis"

    def __init__(
        self, url: str, *, prefix: str = "newsclean", lock_ttl: float = 30.0, create: bool = True, wait: float = 0.0
    ) -> None:
        super().__init__(url if prefix == "newsclean" else f"{url}?prefix={prefix}")
        try:
            import redis
        except ImportError as err:
            raise ConfigError("a Redis index needs redis-py: pip install 'newsclean[redis]'") from err
        self._redis = redis
        self.prefix = prefix
        self.lock_ttl = lock_ttl
        self.wait = wait
        # No read timeout: the commit's EXEC of a big day keeps Redis busy for seconds, and a client that gave
        # up waiting would report a failure for a transaction Redis then applies in full.
        self._client = redis.Redis.from_url(url, decode_responses=False, socket_timeout=None)
        self._scripts = {
            name: self._client.register_script(body)
            for name, body in (
                ("append", APPEND),
                ("drop", DROP),
                ("unlink", UNLINK),
                ("sharded", SHARDED),
                ("renew", RENEW),
                ("release", RELEASE),
            )
        }
        self._writes: list[Write] = []
        self._dirty = False
        self._next: int | None = None
        self._token: bytes | None = None
        self._renewer: threading.Thread | None = None
        self._stop = threading.Event()
        self._lost = False
        try:
            fmt = self._client.hget(self._k("meta"), "format")
        except redis.RedisError as err:
            raise ConfigError(f"index {self.url}: cannot reach Redis: {err}") from err
        if fmt is None:
            if not create:
                raise ConfigError(f"no index at {self.url}")
            self._client.hsetnx(self._k("meta"), "format", str(FORMAT))
            fmt = self._client.hget(self._k("meta"), "format")
        if int(fmt) != FORMAT:
            raise ConfigError(f"index {self.url} has layout version {fmt.decode()}, expected {FORMAT}")

    def _k(self, name: str) -> str:
        return f"{self.prefix}:{name}"

    def close(self) -> None:
        if self._token is not None:
            self._rollback()
        self._client.close()

    # -- transactions --------------------------------------------------------------------------------------

    def _begin(self) -> None:
        token = uuid.uuid4().hex.encode()
        deadline = time.monotonic() + self.wait
        ttl_ms = int(self.lock_ttl * 1000)
        while not self._client.set(self._k("lock"), token, nx=True, px=ttl_ms):
            if time.monotonic() >= deadline:
                raise IndexBusy(
                    f"index {self.url} is in use by another run (waited {self.wait:g} s); runs on one index "
                    "take turns: retry later or pass --wait SECONDS"
                )
            time.sleep(0.05)
        self._token = token
        self._writes = []
        self._dirty = False
        self._next = None
        self._lost = False
        self._stop.clear()
        self._renewer = threading.Thread(target=self._renew, args=(token, ttl_ms), daemon=True)
        self._renewer.start()

    def _renew(self, token: bytes, ttl_ms: int) -> None:
        """Keep the lock while the run works; a run that dies stops renewing and the lock expires."""
        while not self._stop.wait(self.lock_ttl / 3):
            if not self._scripts["renew"](keys=[self._k("lock")], args=[token, ttl_ms]):
                self._lost = True
                return

    def _stop_renewing(self) -> None:
        self._stop.set()
        if self._renewer is not None:
            self._renewer.join()
            self._renewer = None

    def _commit(self) -> None:
        """WATCH the lock, check it is ours, MULTI, the buffered writes, a commit marker, DEL the lock, EXEC.

        The renewer is stopped first (a renewal touches the watched key and would abort the EXEC) and the lock
        given its full TTL just before the WATCH, so the writes have `lock_ttl` seconds to reach Redis; if they
        take longer the lock expires, Redis aborts the EXEC and nothing is written. If the connection drops
        during EXEC, the
        marker says whether Redis applied the transaction."""
        self._stop_renewing()
        lock = self._k("lock")
        token = self._token
        ttl_ms = int(self.lock_ttl * 1000)
        try:
            renewed = not self._lost and self._scripts["renew"](keys=[lock], args=[token, ttl_ms])
            with self._client.pipeline(transaction=True) as pipe:
                pipe.watch(lock)  # after the renewal: a change to a watched key, even our own, aborts EXEC
                if not renewed or pipe.get(lock) != token:
                    raise IndexBusy(
                        f"index {self.url}: this run held the lock longer than lock_ttl={self.lock_ttl:g} s "
                        "without renewing it and another run took it; nothing was written, rerun"
                    )
                pipe.multi()
                for write in self._writes:
                    write(pipe)
                pipe.hset(self._k("meta"), "last_commit", token)
                pipe.delete(lock)
                pipe.execute()
        except self._redis.WatchError as err:
            raise IndexBusy(
                f"index {self.url}: the lock expired or changed hands before the commit reached Redis "
                f"(lock_ttl={self.lock_ttl:g} s); nothing was written, rerun"
            ) from err
        except self._redis.ConnectionError as err:
            if self._client.hget(self._k("meta"), "last_commit") != token:
                raise ConfigError(f"index {self.url}: connection lost during the commit, not applied: {err}") from err
        finally:
            self._writes = []
            self._dirty = False
            self._next = None
            self._token = None

    def _rollback(self) -> None:
        self._stop_renewing()
        self._writes = []
        self._dirty = False
        self._next = None
        if self._token is not None:
            self._scripts["release"](keys=[self._k("lock")], args=[self._token])
            self._token = None

    def _later(self, write: Write, *, articles: bool = True) -> None:
        """Buffer a write for the commit (writes outside a transaction are a bug of the caller)."""
        if self._token is None:
            raise RuntimeError("RedisIndex writes must happen inside Index.transaction()")
        self._writes.append(write)
        self._dirty = self._dirty or articles

    def _check_readable(self) -> None:
        """Buffered writes are invisible until the commit: a read after one would silently differ from SQLite
        (which reads its own uncommitted writes), so it is refused instead."""
        if self._dirty:
            raise RuntimeError(
                "a Redis index cannot read articles written earlier in the same transaction: commit first "
                "(one dedupe() call per transaction)"
            )

    def _append(self, pipe: Any, keys: list[str], fields: list[bytes | str], values: list[bytes]) -> None:
        for start in range(0, len(keys), CHUNK):
            args = _interleave(fields[start : start + CHUNK], values[start : start + CHUNK])
            self._scripts["append"](keys=keys[start : start + CHUNK], args=args, client=pipe)

    def _sharded_get(self, table: str, count: int, keys: np.ndarray) -> dict[int, bytes]:
        """int64 key -> value of the keys present in the sharded hashes `table` (b or x)."""
        packed = np.ascontiguousarray(keys, dtype="<i8")
        out: dict[int, bytes] = {}
        for start in range(0, len(packed), CHUNK):
            part = packed[start : start + CHUNK]
            found = self._scripts["sharded"](keys=[], args=["get", self._k(f"{table}:"), count, part.tobytes(), b"", 0])
            for position, value in zip(found[::2], found[1::2], strict=True):
                out[int(part[position])] = value
        return out

    def _sharded_write(
        self, pipe: Any, mode: str, table: str, count: int, keys: np.ndarray, items: bytes, width: int
    ) -> None:
        """Buffer `mode` (append or set) of fixed-width `items`, one per key, into the sharded hashes; items
        are sent sorted by shard (stable, so one field's items keep their order)."""
        packed = np.ascontiguousarray(keys, dtype="<i8")
        order = np.argsort(packed.view(np.uint64) % np.uint64(count), kind="stable")
        packed = packed[order]
        item_array = np.frombuffer(items, dtype=np.uint8).reshape(len(order), width)[order]
        for start in range(0, len(packed), CHUNK):
            part = packed[start : start + CHUNK].tobytes()
            chunk = item_array[start : start + CHUNK].tobytes()
            self._scripts["sharded"](keys=[], args=[mode, self._k(f"{table}:"), count, part, chunk, width], client=pipe)

    # -- primitives ----------------------------------------------------------------------------------------

    def _load_settings(self) -> str | None:
        raw = self._client.hget(self._k("meta"), "settings")
        return raw.decode() if raw else None

    def _store_settings(self, raw: str) -> None:
        self._later(lambda pipe: pipe.hset(self._k("meta"), "settings", raw), articles=False)

    def _aliases(self, keys: np.ndarray) -> dict[int, tuple[int, float]]:
        self._check_readable()
        return {key: ALIAS.unpack(value) for key, value in self._sharded_get("x", ALIAS_SHARDS, keys).items()}

    def _buckets(self, keys: np.ndarray) -> dict[int, list[int]]:
        self._check_readable()
        return {key: _numbers(value) for key, value in self._sharded_get("b", BAND_SHARDS, keys).items()}

    def _fetch(self, numbers: Sequence[int], shingles: bool) -> dict[int, Stored]:
        self._check_readable()
        out: dict[int, Stored] = {}
        empty = np.empty(0, dtype=np.uint32)
        numbers = list(numbers)
        for start in range(0, len(numbers), CHUNK):
            part = numbers[start : start + CHUNK]
            blobs = self._client.hmget(self._k("art"), part)
            sets = self._client.hmget(self._k("sh"), part) if shingles else [None] * len(part)
            for n, blob, packed in zip(part, blobs, sets, strict=True):
                if blob is None:
                    continue
                fields = _unpack(blob)
                out[n] = Stored(
                    n=n,
                    id=fields["id"],
                    signature=fields["signature"],
                    shingles=np.frombuffer(packed, dtype="<u4") if packed else empty,
                )
        return out

    def _reserve(self, count: int) -> list[int]:
        """Numbers continue from `P:next` as this run read it under the lock, and the new value is written
        with the commit: a killed run leaves no gap, so both backends number the same articles alike."""
        if self._next is None:
            self._next = int(self._client.get(self._k("next")) or 1)
        first = self._next
        self._next += count
        following = self._next
        self._later(lambda pipe: pipe.set(self._k("next"), following), articles=False)
        return list(range(first, following))

    def _write(self, entries: Sequence[Entry], numbers: Sequence[int], keys: np.ndarray) -> None:
        now = time.time()
        blobs = {n: _pack(e, now) for n, e in zip(numbers, entries, strict=True)}
        sets = {n: np.asarray(e.shingles, dtype="<u4").tobytes() for n, e in zip(numbers, entries, strict=True)}
        ids = [encode_id(e.id) for e in entries]
        owners = np.repeat(np.asarray(numbers, dtype="<u4"), keys.shape[1]).tobytes()

        def write(pipe: Any) -> None:
            for start in range(0, len(numbers), WRITE_CHUNK):
                part = numbers[start : start + WRITE_CHUNK]
                pipe.hset(self._k("art"), mapping={n: blobs[n] for n in part})
                pipe.hset(self._k("sh"), mapping={n: sets[n] for n in part})
            self._append(pipe, [self._k("ids")] * len(ids), list(ids), [_u32(n) for n in numbers])
            self._sharded_write(pipe, "append", "b", BAND_SHARDS, keys.ravel(), owners, width=4)
            pipe.hset(self._k("meta"), "last_added", repr(now))

        self._later(write)

    def _write_aliases(self, keys: np.ndarray, numbers: np.ndarray, sims: np.ndarray) -> None:
        values = b"".join(ALIAS.pack(int(n), float(s)) for n, s in zip(numbers.tolist(), sims.tolist(), strict=True))
        targets = [str(int(n)) for n in numbers.tolist()]
        fields = _key_bytes(keys)

        def write(pipe: Any) -> None:
            self._sharded_write(pipe, "set", "x", ALIAS_SHARDS, keys, values, width=ALIAS.size)
            self._append(pipe, [self._k("links")] * len(targets), list(targets), list(fields))

        self._later(write)

    def _remove_numbers(self, ids: Sequence[str]) -> int:
        settings = self._require_settings()
        found = self._client.hmget(self._k("ids"), list(ids)) if ids else []
        numbers = sorted({n for packed in found for n in _numbers(packed)})
        stored = self._fetch(numbers, shingles=False)
        numbers = sorted(stored)
        if not numbers:
            return 0
        sigs = np.stack([stored[n].signature for n in numbers])
        keys = signed64(band_keys(sigs, settings.bands, settings.rows))
        flat = keys.ravel()
        owners = [_u32(n) for n in np.repeat(np.asarray(numbers), keys.shape[1]).tolist()]
        band_shards = [self._k(f"b:{s}") for s in _shards(flat, BAND_SHARDS)]
        band_fields = _key_bytes(flat)
        linked = self._client.hmget(self._k("links"), [str(n) for n in numbers])
        alias_keys: list[bytes] = []
        alias_owner: list[bytes] = []
        for n, packed in zip(numbers, linked, strict=True):
            for start in range(0, len(packed or b""), 8):
                alias_keys.append(packed[start : start + 8])
                alias_owner.append(_u32(n))
        alias_shards = [
            self._k(f"x:{s}") for s in _shards(np.frombuffer(b"".join(alias_keys), dtype="<i8"), ALIAS_SHARDS)
        ]
        id_fields = [encode_id(stored[n].id) for n in numbers]

        def write(pipe: Any) -> None:
            self._drop(pipe, band_shards, band_fields, owners, width=4)
            self._drop(pipe, [self._k("ids")] * len(numbers), id_fields, [_u32(n) for n in numbers], width=4)
            for start in range(0, len(alias_keys), CHUNK):
                args = _interleave(alias_keys[start : start + CHUNK], alias_owner[start : start + CHUNK])
                self._scripts["unlink"](keys=alias_shards[start : start + CHUNK], args=args, client=pipe)
            for name in ("art", "sh", "links"):
                pipe.hdel(self._k(name), *numbers)

        self._later(write)
        return len(numbers)

    def _drop(self, pipe: Any, keys: list[str], fields: Sequence[bytes | str], items: list[bytes], width: int) -> None:
        for start in range(0, len(keys), CHUNK):
            args: list[Any] = [width]
            for field, item in zip(fields[start : start + CHUNK], items[start : start + CHUNK], strict=True):
                args.extend((field, item))
            self._scripts["drop"](keys=keys[start : start + CHUNK], args=args, client=pipe)

    # -- maintenance ---------------------------------------------------------------------------------------

    def _keys(self) -> Iterator[bytes]:
        yield from self._client.scan_iter(match=f"{self.prefix}:*", count=10000)

    def _size(self) -> int:
        """Bytes Redis holds for this index: MEMORY USAGE of every key, hashes sampled in full."""
        keys = list(self._keys())
        total = 0
        for start in range(0, len(keys), CHUNK):
            with self._client.pipeline(transaction=False) as pipe:
                for key in keys[start : start + CHUNK]:
                    pipe.memory_usage(key, samples=0)
                total += sum(v or 0 for v in pipe.execute())
        return total

    def _counts(self) -> tuple[int, int, float | None]:
        articles = int(self._client.hlen(self._k("art")))
        with self._client.pipeline(transaction=False) as pipe:
            for shard in range(ALIAS_SHARDS):
                pipe.hlen(self._k(f"x:{shard}"))
            aliases = sum(pipe.execute())
        last = self._client.hget(self._k("meta"), "last_added")
        return articles, aliases, float(last) if last else None

    def export(self, signatures: bool = False) -> Iterator[dict[str, Any]]:
        rows: list[dict[str, Any]] = []
        for field, blob in self._client.hscan_iter(self._k("art"), count=1000):
            fields = _unpack(blob)
            row: dict[str, Any] = {
                "n": int(field),
                "id": fields["id"],
                "date": fields["date"],
                "words": fields["words"],
                "added": fields["added"],
            }
            if signatures:
                row["signature"] = fields["signature"].tolist()
            rows.append(row)
        rows.sort(key=lambda r: r["n"])
        yield from rows

    def compact(self) -> int:
        """Redis frees what a removal deletes at once; what is left to reclaim is allocator fragmentation."""
        before = self._size()
        self._client.memory_purge()
        return before - self._size()

    def drop(self) -> int:
        """Delete every key of this index; returns how many keys went (tests and benchmarks start clean)."""
        keys = list(self._keys())
        for start in range(0, len(keys), CHUNK):
            self._client.delete(*keys[start : start + CHUNK])
        return len(keys)


def _pack(entry: Entry, added: float) -> bytes:
    raw_id = encode_id(entry.id).encode()
    date = (entry.date or "").encode()
    exact = int(signed64(np.asarray([entry.exact], dtype=np.uint64))[0])
    header = HEADER.pack(exact, int(entry.words), added, len(raw_id), len(date))
    return header + raw_id + date + np.asarray(entry.signature, dtype="<u4").tobytes()


def _unpack(blob: bytes) -> dict[str, Any]:
    exact, words, added, id_len, date_len = HEADER.unpack_from(blob)
    at = HEADER.size
    raw_id = blob[at : at + id_len]
    date = blob[at + id_len : at + id_len + date_len].decode()
    return {
        "exact": exact,
        "words": words,
        "added": added,
        "id": json.loads(raw_id),
        "date": date or None,
        "signature": np.frombuffer(blob, dtype="<u4", offset=at + id_len + date_len),
    }
