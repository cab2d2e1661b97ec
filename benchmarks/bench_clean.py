"""Cleaning speed: `newsclean.clean` (and `newsclean.normalize` alone) against plain `ftfy.fix_text`, side by side.

    python benchmarks/bench_clean.py                    # 5,000 articles, 5 rounds
    python benchmarks/bench_clean.py --docs 1000 --repeat 3

The target (issue 2) is clean() at twice ftfy's throughput on the same articles. The machine is shared, so the
three contenders run interleaved on the same chunk of articles (ftfy, clean, normalize; chunk after chunk) and
each round sums its chunks; the figures are the median round (and the best round, for reference). Articles
come from `corpus.py`: the shared real sample, or a synthetic Indonesian-like corpus when it is absent.
clean() gets each record's title, as `newsclean clean` does. Results go to stdout; `run(quick)` returns the
rows for `benchmarks/run.py`.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import ftfy

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus

from newsclean import clean, normalize

#: Articles per interleaved chunk: small enough that a burst of load from a neighbour hits all contenders alike.
CHUNK = 50
WARM_UP_ARTICLES = 200
Article = tuple[str, str | None]
CONTENDERS: dict[str, Callable[[Article], object]] = {
    "ftfy.fix_text": lambda article: ftfy.fix_text(article[0]),
    "newsclean.clean": lambda article: clean(article[0], title=article[1]),
    "newsclean.normalize": lambda article: normalize(article[0]),
}


def load_articles(count: int) -> list[Article]:
    return [(record["text"], record.get("title") or None) for record in corpus.articles(count)]


def measure(
    articles: list, rounds: int, contenders: dict[str, Callable] | None = None
) -> dict[str, list[float]]:
    """Seconds per round for each contender (default `CONTENDERS`), over `rounds` interleaved rounds of all
    `articles`."""
    contenders = contenders or CONTENDERS
    for run_one in contenders.values():
        for article in articles[:WARM_UP_ARTICLES]:
            run_one(article)
    seconds: dict[str, list[float]] = {name: [] for name in contenders}
    for _ in range(rounds):
        spent = dict.fromkeys(contenders, 0.0)
        for start in range(0, len(articles), CHUNK):
            chunk = articles[start : start + CHUNK]
            for name, run_one in contenders.items():
                began = time.perf_counter()
                for article in chunk:
                    run_one(article)
                spent[name] += time.perf_counter() - began
        for name, value in spent.items():
            seconds[name].append(value)
    return seconds


def rows_from(articles: list[Article], seconds: dict[str, list[float]]) -> list[dict]:
    """Rows for `benchmarks/run.py`: clean and normalize in articles/s, ftfy's articles/s as the baseline."""
    per_second = {name: len(articles) / statistics.median(values) for name, values in seconds.items()}
    baseline = per_second["ftfy.fix_text"]
    rows = []
    for row_name, contender in (
        ("clean_articles_per_s", "newsclean.clean"),
        ("normalize_articles_per_s", "newsclean.normalize"),
    ):
        rows.append(
            {
                "name": row_name,
                "value": round(per_second[contender], 1),
                "unit": "articles/s",
                "baseline": round(baseline, 1),
                "ratio": round(per_second[contender] / baseline, 3),
                "articles": len(articles),
                "corpus": corpus.describe(),
            }
        )
    return rows


def run(quick: bool) -> list[dict]:
    """The benchmark rows; `quick` measures 1,500 articles in 3 rounds (well under 45 s here)."""
    articles = load_articles(1_500 if quick else 5_000)
    return rows_from(articles, measure(articles, 3 if quick else 5))


def report(articles: list[Article], seconds: dict[str, list[float]]) -> str:
    baseline = len(articles) / statistics.median(seconds["ftfy.fix_text"])
    chars = sum(len(text) for text, _ in articles) / len(articles)
    lines = [
        f"{len(articles)} articles ({corpus.describe()}, {chars:,.0f} chars on average), "
        f"{len(seconds['ftfy.fix_text'])} interleaved rounds, load average {os.getloadavg()[0]:.2f}",
        "",
        "| contender | articles/s (median round) | articles/s (best round) | us/article | vs ftfy |",
        "|---|---:|---:|---:|---:|",
    ]
    for name, values in seconds.items():
        median_rate = len(articles) / statistics.median(values)
        best_rate = len(articles) / min(values)
        lines.append(
            f"| {name} | {median_rate:,.0f} | {best_rate:,.0f} | {1e6 / median_rate:,.0f} | "
            f"{median_rate / baseline:.2f}x |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=5_000, help="articles to measure (default: %(default)s)")
    parser.add_argument("--repeat", type=int, default=5, help="interleaved rounds (default: %(default)s)")
    args = parser.parse_args(argv)
    if args.docs < 1 or args.repeat < 1:
        parser.error("--docs and --repeat must be at least 1")
    articles = load_articles(args.docs)
    print(report(articles, measure(articles, args.repeat)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
