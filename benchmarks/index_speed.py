"""Speed and size of the persistent index: query+add articles/s against an index already holding 200,000
articles, per backend, and the bytes each indexed article costs.

    python benchmarks/index_speed.py              # 200,000 prefilled, 4 batches of 1,000 real articles
    python benchmarks/index_speed.py --quick      # 20,000 prefilled, 2 batches of 500 (< 60 s)
    python benchmarks/index_speed.py --prefill 50000 --backends sqlite

Prefill: synthetic articles from a fixed seed (random signatures, random shingle sets whose sizes are drawn
from the real articles' sizes), added in transactions of 5,000 like a series of daily runs. Queries: real
articles (the shared sample, else `corpus`'s synthetic ones), signed before the clock starts; each batch goes
through `dedupe_with_index` (index lookups, exact verification, local clustering, add, link, commit), so the
figure is the index's whole share of a `newsclean dedupe --index` run, signing excluded. Later batches find
the real articles of earlier ones, so verification against stored shingles is part of what is timed.

Size: SQLite, the database file (and WAL) over the articles it holds; Redis, the sum of `MEMORY USAGE` of the
index's keys, and the server's `used_memory` growth during the prefill, over the articles.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus

from newsclean import DedupeConfig, Index
from newsclean.deduplication import sign_records
from newsclean.index import Entry
from newsclean.index.incremental import dedupe_with_index

REDIS_PORT = int(os.environ.get("NEWSCLEAN_TEST_REDIS_PORT", "6390"))
REDIS_URL = f"redis://127.0.0.1:{REDIS_PORT}/15?prefix=newsclean-bench-speed"
PREFILL_CHUNK = 5_000
SEED = 20240601


def prefill(index: Index, count: int, config: DedupeConfig, sizes: np.ndarray) -> float:
    """Add `count` synthetic articles; returns articles/s of the bulk add."""
    rng = np.random.default_rng(SEED)
    started = time.perf_counter()
    for start in range(0, count, PREFILL_CHUNK):
        n = min(PREFILL_CHUNK, count - start)
        sigs = rng.integers(0, 2**32, size=(n, config.num_perm), dtype=np.uint64).astype(np.uint32)
        lengths = rng.choice(sizes, size=n)
        exact = rng.integers(0, 2**63, size=n, dtype=np.int64).astype(np.uint64)
        entries = [
            Entry(
                id=f"prefill-{start + i}",
                exact=int(exact[i]),
                words=int(lengths[i]) + 4,
                date=None,
                signature=sigs[i],
                shingles=np.unique(rng.integers(0, 2**32, size=int(lengths[i]), dtype=np.uint64).astype(np.uint32)),
            )
            for i in range(n)
        ]
        with index.transaction():
            index.bind(config)
            index.add(entries)
    return count / (time.perf_counter() - started)


def open_empty(backend: str, sqlite_path: str, redis_url: str, label: str) -> Index | None:
    """An empty index of `backend` (a new SQLite file, or the benchmark's Redis keys dropped), or None when
    Redis is not reachable: the SQLite figures still stand."""
    if backend == "sqlite":
        return Index.open(sqlite_path)
    try:
        index = Index.open(redis_url)
    except Exception as err:
        print(f"{label}: Redis at {redis_url} not reachable ({err}); skipped", file=sys.stderr)
        return None
    index.drop()  # type: ignore[attr-defined]
    return Index.open(redis_url)


def _redis_used_memory(index: Index) -> int:
    return int(index._client.info("memory")["used_memory"])  # type: ignore[attr-defined]


def measure(backend: str, prefill_count: int, batches: list[list[dict]], config: DedupeConfig) -> dict | None:
    signed_batches = [sign_records(batch, config) for batch in batches]
    sizes = np.concatenate([np.diff(s.store.offsets) for s in signed_batches])
    with tempfile.TemporaryDirectory() as directory:
        index = open_empty(backend, os.path.join(directory, "speed.db"), REDIS_URL, "index_speed")
        if index is None:
            return None
        with index:
            before = _redis_used_memory(index) if backend == "redis" else 0
            fill_rate = prefill(index, prefill_count, config, sizes[sizes > 0])
            grown = _redis_used_memory(index) - before if backend == "redis" else 0
            filled = index.stats()
            seconds = []
            articles = 0
            for signed in signed_batches:
                started = time.perf_counter()
                dedupe_with_index(signed, config, index, lambda _stage: None)
                seconds.append(time.perf_counter() - started)
                articles += len(signed.index)
            after = index.stats()
            if backend == "redis":
                index.drop()  # type: ignore[attr-defined]
    return {
        "backend": backend,
        "prefilled": filled.articles,
        "prefill_articles_per_s": round(fill_rate, 1),
        "query_add_articles_per_s": round(articles / sum(seconds), 1),
        "batch_seconds": [round(s, 3) for s in seconds],
        "bytes_per_article": filled.bytes_per_article,
        "used_memory_per_article": round(grown / prefill_count, 1) if backend == "redis" else None,
        "articles_after": after.articles,
    }


def run(quick: bool, prefill_count: int | None = None, backends: tuple[str, ...] = ("sqlite", "redis")) -> list[dict]:
    """Rows for benchmarks/run.py (no baseline: nothing else offers a persistent verified index)."""
    count = prefill_count or (20_000 if quick else 200_000)
    size, rounds = (500, 2) if quick else (1_000, 4)
    records = corpus.articles(size * rounds)
    batches = [records[i * size : (i + 1) * size] for i in range(rounds)]
    config = DedupeConfig(workers=min(os.cpu_count() or 1, 2))
    rows = []
    for backend in backends:
        report = measure(backend, count, batches, config)
        if report is None:
            continue
        print("index_speed:", json.dumps(report), file=sys.stderr)
        where = f"index holding {report['prefilled']:,} articles; {size * rounds:,} {corpus.describe()}"
        rows.append({"name": f"index_query_add_articles_per_s[{backend}]", "value": report["query_add_articles_per_s"],
                     "unit": "articles/s", "baseline": None, "ratio": None, "vs": where})
        rows.append({"name": f"index_bytes_per_article[{backend}]", "value": report["bytes_per_article"],
                     "unit": "bytes", "baseline": None, "ratio": None, "vs": where})
        if report["used_memory_per_article"] is not None:
            rows.append({"name": "index_used_memory_per_article[redis]", "value": report["used_memory_per_article"],
                         "unit": "bytes", "baseline": None, "ratio": None, "vs": "INFO used_memory growth in prefill"})
        rows.append({"name": f"index_prefill_articles_per_s[{backend}]", "value": report["prefill_articles_per_s"],
                     "unit": "articles/s", "baseline": None, "ratio": None, "vs": "bulk add, 5,000 per transaction"})
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="20,000 prefilled, 2 x 500 queries (< 60 s)")
    parser.add_argument("--prefill", type=int, default=None, help="articles in the index before the queries")
    parser.add_argument("--backends", default="sqlite,redis")
    args = parser.parse_args(argv)
    for row in run(args.quick, args.prefill, tuple(args.backends.split(","))):
        print(json.dumps(row))
    return 0


if __name__ == "__main__":
    sys.exit(main())
