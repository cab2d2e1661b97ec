"""Persistent LSH indexes: every kept article of past runs, so today's records are checked against the archive.

`Index.open(url)` picks the backend: an SQLite file (a path, or `sqlite:///abs/path`) for one machine, or
`redis://HOST:PORT/DB[?prefix=NAME&lock_ttl=SECONDS]` for scrapers on several machines sharing one index.
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from ..errors import ConfigError
from .base import Entry, Index, IndexBusy, IndexSettings, IndexStats, Match, Stored

__all__ = ["Entry", "Index", "IndexBusy", "IndexSettings", "IndexStats", "Match", "Stored", "is_redis", "open_index"]

SQLITE_SCHEME = "sqlite://"
REDIS_SCHEMES = ("redis://", "rediss://", "unix://")


def is_redis(url: str) -> bool:
    """Whether `url` names a Redis index (one that processes on several machines can share)."""
    return url.startswith(REDIS_SCHEMES)


def open_index(url: str, *, create: bool = True, wait: float = 0.0) -> Index:
    """The index at `url` (see the module docstring); `wait` seconds is how long a run waits for another
    run holding the index before it is refused with IndexBusy."""
    if is_redis(url):
        from .redis import RedisIndex

        parts = urlsplit(url)
        options = {key: values[-1] for key, values in parse_qs(parts.query).items()}
        unknown = set(options) - {"prefix", "lock_ttl"}
        if unknown:
            raise ConfigError(f"index URL {url}: unknown option(s) {sorted(unknown)}; known: prefix, lock_ttl")
        return RedisIndex(
            parts._replace(query="").geturl(),
            prefix=options.get("prefix", "newsclean"),
            lock_ttl=float(options.get("lock_ttl", 30)),
            create=create,
            wait=wait,
        )
    if url.startswith(SQLITE_SCHEME):
        url = url[len(SQLITE_SCHEME) :]
    elif "://" in url:
        raise ConfigError(f"index URL {url}: expected an SQLite path, sqlite:///path or redis://HOST:PORT/DB")
    from .sqlite import SqliteIndex

    return SqliteIndex(url, create=create, wait=wait)
