"""Speed and memory of `newsclean dedupe` against a plain datasketch pipeline, on the same file, in one run.

    python benchmarks/dedupe_speed.py                 # 50,000 real articles (../shared/data)
    python benchmarks/dedupe_speed.py --limit 5000    # a smaller slice
    python benchmarks/dedupe_speed.py --memory 200000 # bytes per article of the in-memory state

Ours: the `newsclean dedupe` command end to end (read, clean, shingle, sign, LSH, verify, cluster, write
KEPT and --clusters), as a subprocess. Baseline: Python word 5-grams of the raw text, `MinHash.bulk`,
`MinHashLSH` (threshold 0.7 like ours), no cleaning, no verification, also as a subprocess. Wall time and
peak resident memory of each.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "id-news-real.jsonl.gz"

BASELINE = """
import gzip, json, resource, sys
from datasketch import MinHash, MinHashLSH
sets = []
with gzip.open(sys.argv[1], "rt", encoding="utf-8") as fh:
    for line in fh:
        words = str(json.loads(line).get("text") or "").lower().split()
        sets.append([" ".join(words[i:i + 5]).encode("utf-8") for i in range(max(1, len(words) - 4))])
sigs = MinHash.bulk(sets, num_perm=128)
lsh = MinHashLSH(threshold=0.7, num_perm=128)
for i, m in enumerate(sigs):
    lsh.insert(i, m)
dups = sum(1 for i, m in enumerate(sigs) if any(j < i for j in lsh.query(m)))
print(json.dumps({"records": len(sigs), "duplicates": dups}))
print("PEAK_KB", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)
"""

#: Runs the `newsclean` command in-process so that its own peak memory can be reported at exit.
OURS = """
import atexit, resource, sys
from newsclean.cli import main
atexit.register(lambda: print("PEAK_KB", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr))
main(sys.argv[1:])
"""


def timed(cmd: list[str]) -> tuple[float, float, str]:
    """(seconds, peak RSS in MB of the main child process as it reports it, stdout)."""
    start = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, check=True)
    seconds = time.perf_counter() - start
    peak = [line.split()[1] for line in done.stderr.splitlines() if line.startswith("PEAK_KB")]
    return seconds, int(peak[-1]) / 1024 if peak else float("nan"), done.stdout


def slice_of(path: Path, limit: int | None, directory: str) -> Path:
    if not limit:
        return path
    out = Path(directory) / "slice.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as src, gzip.open(out, "wt", encoding="utf-8") as dst:
        for n, line in enumerate(src):
            if n >= limit:
                break
            dst.write(line)
    return out


def memory(n: int) -> dict:
    """Bytes per article of the dedupe state, measured on `n` synthetic articles of real length."""
    import random

    import numpy as np

    from newsclean.dedupe_config import DedupeConfig
    from newsclean.deduplication import sign_records

    rng = random.Random(0)
    vocab = [f"kata{i}" for i in range(50_000)]
    records = ({"id": i, "text": " ".join(rng.choices(vocab, k=256))} for i in range(n))
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    signed = sign_records(records, DedupeConfig(clean=False, chunk_size=4096))
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "articles": n,
        "words_per_article": 256,
        "state_bytes_per_article": round(signed.nbytes / n, 1),
        "signature_bytes": signed.signatures.shape[1] * 4,
        "shingle_bytes": round(signed.store.nbytes / n, 1),
        "peak_rss_growth_bytes_per_article": round((after - before) * 1024 / n, 1),
        "projected_gb_for_1M": round(signed.nbytes / n * 1e6 / 1e9, 2),
        "mean_unique_shingles": float(np.diff(signed.store.offsets).mean()),
    }


def _write_corpus(records: list[dict], path: Path) -> Path:
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        for record in records:
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def compare(data: Path, workers: int, tmp: str) -> dict:
    """`newsclean dedupe` end to end and the plain datasketch pipeline on the same file, one after the other."""
    ours = [
        sys.executable, "-c", OURS, "dedupe", str(data), "-o", f"{tmp}/kept.jsonl",
        "--clusters", f"{tmp}/clusters.jsonl", "--report", f"{tmp}/report.json", "--workers", str(workers),
    ]
    seconds, peak, _ = timed(ours)
    stats = json.loads(Path(f"{tmp}/report.json").read_text())["stats"]
    report: dict = {
        "newsclean_dedupe": {
            "seconds": round(seconds, 2),
            "peak_rss_mb": round(peak),
            "workers": workers,
            "records": stats["records"],
            "kept": stats["kept"],
            "stage_seconds": stats["seconds"],
            "bytes_per_record": stats["bytes_per_record"],
        }
    }
    seconds, peak, out = timed([sys.executable, "-c", BASELINE, str(data)])
    report["datasketch_plain"] = {
        "seconds": round(seconds, 2),
        "peak_rss_mb": round(peak),
        **json.loads(out.strip().splitlines()[-1]),
    }
    report["ratio_ours_over_datasketch"] = round(report["newsclean_dedupe"]["seconds"] / seconds, 2)
    return report


def run(quick: bool) -> list[dict]:
    """Rows for benchmarks/run.py: end-to-end articles/s (1 worker and all cores) and peak RSS per article,
    each against the plain datasketch pipeline run on the same file just before or after it."""
    import corpus

    # Peak RSS includes ~150 MB of interpreter and libraries; 15,000 articles keep that share small enough for
    # the per-article row to say something about per-article state, still in ~40 s.
    n = 15_000 if quick else 50_000
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        data = _write_corpus(corpus.articles(n), Path(tmp) / "corpus.jsonl.gz")
        for workers in sorted({1, os.cpu_count() or 1}):
            report = compare(data, workers, tmp)
            ours, base = report["newsclean_dedupe"], report["datasketch_plain"]
            records = ours["records"]
            rate, base_rate = records / ours["seconds"], base["records"] / base["seconds"]
            rows.append({
                "name": f"dedupe_articles_per_s[workers={workers}]", "value": round(rate, 1),
                "unit": "articles/s", "baseline": round(base_rate, 1), "ratio": round(rate / base_rate, 2),
                "vs": "datasketch: str.split 5-grams + MinHash.bulk + MinHashLSH, no cleaning, 1 process",
            })
            if workers == 1:
                mine, theirs = ours["peak_rss_mb"] * 2**20 / records, base["peak_rss_mb"] * 2**20 / records
                rows.append({
                    "name": "peak_rss_bytes_per_article", "value": round(mine), "unit": "bytes",
                    "baseline": round(theirs), "ratio": round(mine / theirs, 2),
                    "vs": f"the same datasketch pipeline; peak RSS of the whole process / {records} articles",
                })
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument(
        "--memory", type=int, default=0, help="also measure bytes/article on N synthetic ones"
    )
    args = parser.parse_args(argv)
    if not args.data.exists():
        print(f"dedupe_speed: {args.data} not found", file=sys.stderr)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        report = compare(slice_of(args.data, args.limit, tmp), args.workers, tmp)
    if args.memory:
        report["memory"] = memory(args.memory)
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
