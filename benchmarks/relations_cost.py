"""What the word-coverage relations cost: `dedupe` with its defaults against `DedupeConfig().jaccard_only()`.

    python benchmarks/relations_cost.py             # 20,000 real articles, 3 interleaved rounds
    python benchmarks/relations_cost.py --quick     # 6,000 (what CI runs)

Both runs get the same articles, cleaned once beforehand (`clean=False` in both), so the difference is what
the relations add: the window sequence of every article (signing), the sampled n-gram candidates, the
word-coverage verification of every candidate and the contained/template stages. CPU time of the process
(`time.process_time`), rounds interleaved so a busy neighbour slows both alike. Memory: the run's own
`stats.bytes_per_record` (signature, shingle sketch, window sequence, columns), both ways.

Rows for benchmarks/run.py (section `dedupe-relations`) and the dev-pairs figures (section `dedupe-pairs`,
from `pairs_eval.py`).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus
import pairs_eval

from newsclean import DedupeConfig, clean, dedupe


def cleaned_records(count: int) -> list[dict]:
    return [
        {"id": i, "text": clean(r["text"], title=r.get("title") or None).text, "source": r.get("source")}
        for i, r in enumerate(corpus.articles(count))
    ]


def measure(records: list[dict], rounds: int) -> dict[str, dict]:
    configs = {
        "relations": DedupeConfig(clean=False),
        "jaccard_only": DedupeConfig(clean=False).jaccard_only(),
    }
    seconds: dict[str, list[float]] = {name: [] for name in configs}
    stats: dict[str, dict] = {}
    for _ in range(rounds):
        for name, config in configs.items():
            began = time.process_time()
            result = dedupe(records, config=config)
            seconds[name].append(time.process_time() - began)
            stats[name] = result.stats.model_dump()
    return {
        name: {"seconds": statistics.median(values), "stats": stats[name]} for name, values in seconds.items()
    }


def run(quick: bool) -> list[dict]:
    records = cleaned_records(6_000 if quick else 20_000)
    found = measure(records, 3)
    ours, base = found["relations"], found["jaccard_only"]
    n = len(records)
    extra_us = (ours["seconds"] - base["seconds"]) / n * 1e6
    return [
        {
            "name": "dedupe_relations_articles_per_s", "value": round(n / ours["seconds"], 1),
            "unit": "articles/s", "baseline": round(n / base["seconds"], 1),
            "ratio": round(base["seconds"] / ours["seconds"], 3),
            "vs": f"the same dedupe decided by Jaccard alone (jaccard_only), pre-cleaned {n} articles, CPU time",
        },
        {
            "name": "dedupe_relations_extra_us_per_article", "value": round(extra_us, 1), "unit": "us",
            "baseline": None, "ratio": None, "vs": "CPU time the relations add per article (same runs)",
        },
        {
            "name": "dedupe_relations_bytes_per_record", "value": ours["stats"]["bytes_per_record"],
            "unit": "bytes", "baseline": base["stats"]["bytes_per_record"],
            "ratio": round(ours["stats"]["bytes_per_record"] / base["stats"]["bytes_per_record"], 3),
            "vs": "stats.bytes_per_record of the Jaccard-only run (no window sequences)",
        },
    ]


def pairs(quick: bool) -> list[dict]:
    """The labelled real pairs at the defaults (`pairs_eval.py`); nothing when the shared data is absent."""
    path, data = pairs_eval.SHARED / "dev-pairs.jsonl", pairs_eval.SHARED / "id-news-real.jsonl.gz"
    if not path.exists() or not data.exists():
        print("dedupe-pairs: shared dev pairs not found, skipped", file=sys.stderr)
        return []
    labelled, records = pairs_eval.load(path, data, whole=False)
    found = pairs_eval.score(labelled, records, DedupeConfig())
    vs = f"hand-labelled real pairs ({found['counts']})"
    return [
        {"name": f"pairs_{key}", "value": round(found[key], 4), "unit": "share", "baseline": None, "ratio": None,
         "vs": vs}
        for key in ("dup_recall", "teaser_recall", "neg_merged")
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args(argv)
    print(json.dumps(run(args.quick), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
