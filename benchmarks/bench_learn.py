"""Learning outlet boilerplate: `newsclean.learn` throughput, cleaning with a learned profile, and learning's
peak memory at two corpus sizes.

    python benchmarks/bench_learn.py                 # 50,000 records to learn from, 3,000 to clean
    python benchmarks/bench_learn.py --quick         # 20,000 and 1,500 (what CI runs)

Every speed figure has `ftfy.fix_text` measured beside it in the same run, on the same articles:

* `learn_articles_per_s`: records given to `learn` per second (one core), over the best of three runs. Learning
  reads every record but works on a bottom-k sample per source, so the figure grows with the corpus: it is
  reported for the corpus size it was measured on. The baseline is ftfy's articles/s on the first articles.
* `clean_profile_articles_per_s`: `clean(text, title=, source=, profile=)` with the profile learned from the same
  records, interleaved with ftfy chunk by chunk (`bench_clean.measure`), median of the rounds.
* `learn_peak_rss_growth`: peak RSS of `newsclean learn` on a file four times larger over the smaller one, each
  in a fresh process (`os.wait4`'s `ru_maxrss`): past the sample, memory does not grow with the corpus.

Real articles are read at run time from the shared sample (a temporary copy for the memory runs), never written
into the repository; without it, the synthetic corpus of `corpus.py` (one unnamed source) stands in.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import ftfy

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_clean
import corpus

from newsclean import clean
from newsclean.learning.learn import learn, source_of

FTFY_ARTICLES = 1_000


def load_records(count: int) -> list[dict]:
    path = corpus.corpus_path()
    if path is None:
        return corpus.synthetic_articles(count)
    return list(corpus.records(path, count))


def learn_rate(records: list[dict]) -> tuple[float, float]:
    """(learn's records/s, best of three; ftfy's articles/s on the first `FTFY_ARTICLES`, best of three)."""
    learn_best = ftfy_best = float("inf")
    sample = [record["text"] for record in records[:FTFY_ARTICLES]]
    for _ in range(3):
        began = time.perf_counter()
        learn(records)
        learn_best = min(learn_best, time.perf_counter() - began)
        began = time.perf_counter()
        for text in sample:
            ftfy.fix_text(text)
        ftfy_best = min(ftfy_best, time.perf_counter() - began)
    return len(records) / learn_best, len(sample) / ftfy_best


def clean_rates(records: list[dict], count: int, rounds: int) -> dict[str, float]:
    """Articles/s (median round) of ftfy, clean with the learned profile, and clean by the rules, interleaved."""
    profile = learn(records)
    articles = [(r["text"], r.get("title") or None, source_of(r)) for r in records[:count]]
    contenders = {
        "ftfy": lambda a: ftfy.fix_text(a[0]),
        "profile": lambda a: clean(a[0], title=a[1], source=a[2], profile=profile),
        "rules": lambda a: clean(a[0], title=a[1]),
    }
    seconds = bench_clean.measure(articles, rounds, contenders)
    return {name: len(articles) / statistics.median(values) for name, values in seconds.items()}


def peak_rss_kib(path: Path, out: Path) -> int:
    """Peak RSS (KiB) of `newsclean learn PATH` in a fresh process."""
    process = subprocess.Popen(
        [sys.executable, "-m", "newsclean", "learn", str(path), "-o", str(out)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    _, status, usage = os.wait4(process.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"newsclean learn failed on {path}")
    return usage.ru_maxrss


def memory_growth(records: list[dict], small: int) -> tuple[int, int]:
    """Peak RSS of learning from the first `small` records and from four times as many (cycled with new ids)."""
    with tempfile.TemporaryDirectory() as tmp:
        sizes = []
        for count in (small, 4 * small):
            path = Path(tmp) / f"in-{count}.jsonl"
            with path.open("w", encoding="utf-8") as fh:
                for number in range(count):
                    record = dict(records[number % len(records)], id=f"bench-{number}")
                    fh.write(json.dumps(record, ensure_ascii=False) + "\n")
            sizes.append(peak_rss_kib(path, Path(tmp) / "profile.json"))
        return sizes[0], sizes[1]


def run(quick: bool) -> list[dict]:
    """The rows for `benchmarks/run.py`."""
    records = load_records(20_000 if quick else 50_000)
    learned, ftfy_rate = learn_rate(records)
    rates = clean_rates(records, 1_500 if quick else 3_000, 3 if quick else 5)
    small, big = memory_growth(records, 5_000 if quick else 12_500)
    described = f"{len(records):,} records of {corpus.describe()}"
    return [
        {"name": "learn_articles_per_s", "value": round(learned, 1), "unit": "articles/s",
         "baseline": round(ftfy_rate, 1), "ratio": round(learned / ftfy_rate, 3), "corpus": described},
        {"name": "clean_profile_articles_per_s", "value": round(rates["profile"], 1), "unit": "articles/s",
         "baseline": round(rates["ftfy"], 1), "ratio": round(rates["profile"] / rates["ftfy"], 3),
         "rules_only": round(rates["rules"], 1), "corpus": described},
        {"name": "learn_peak_rss_growth", "value": round(big / small, 3), "unit": "ratio",
         "baseline": None, "ratio": None, "small_kib": small, "big_kib": big,
         "corpus": f"newsclean learn on files of 1x and 4x records ({corpus.describe()})"},
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="20,000 records (what CI runs)")
    args = parser.parse_args(argv)
    for row in run(args.quick):
        print(json.dumps(row, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
