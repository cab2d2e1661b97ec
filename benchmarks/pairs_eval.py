"""`newsclean.dedupe` on hand-labelled real article pairs (../shared/data/dev-pairs.jsonl).

    python benchmarks/pairs_eval.py                  # the defaults, the pairs' records deduplicated together
    python benchmarks/pairs_eval.py --corpus         # ... inside the whole 50k corpus, as a user runs it
    python benchmarks/pairs_eval.py --sweep          # resemblance x containment x threshold table
    python benchmarks/pairs_eval.py --check          # fail when a target of issue 18 is missed

Each pair is `dup` (the same article, edited, truncated to at least half, or updated), `teaser` (one is an
excerpt of the other) or `neg` (same topic, template or event, different prose); `borderline` marks a
judgement call. Scores, on the clear (not borderline) pairs:

* duplicate recall: dup pairs put in one cluster;
* teaser recall: teaser pairs in one cluster, or the short one `contained` in the long one;
* negatives merged: neg pairs in one cluster (a daily template reported as `template` and kept is not a
  merge).

The records are read at run time from the shared sample; nothing of them is written into the repository.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from pathlib import Path
from typing import Any

from newsclean import DedupeConfig, dedupe

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
TARGETS = {"dup_recall": 0.85, "teaser_recall": 0.85, "neg_merged": 0.02}


def load(pairs_path: Path, corpus_path: Path, whole: bool) -> tuple[list[dict], list[dict[str, Any]]]:
    pairs = [json.loads(line) for line in pairs_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    wanted = {p["a"] for p in pairs} | {p["b"] for p in pairs}
    records = []
    with gzip.open(corpus_path, "rt", encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            if whole or record.get("id") in wanted:
                records.append(record)
    return pairs, records


def score(pairs: list[dict], records: list[dict[str, Any]], config: DedupeConfig) -> dict[str, Any]:
    result = dedupe(records, config=config)
    position = {record.get("id"): i for i, record in enumerate(records)}
    tally: dict[str, list[int]] = {}
    merged_negatives: list[str] = []
    missed: list[str] = []
    for pair in pairs:
        a, b = position[pair["a"]], position[pair["b"]]
        together = int(result.cluster[a]) == int(result.cluster[b]) and int(result.cluster[a]) >= 0
        inside = int(result.contained_in[a]) == b or int(result.contained_in[b]) == a
        label = pair["label"] + ("*" if pair["borderline"] else "")
        hit = together or (pair["label"] == "teaser" and inside)
        tally.setdefault(label, [0, 0])
        tally[label][0] += hit
        tally[label][1] += 1
        if label == "neg" and hit:
            merged_negatives.append(pair["note"][:100])
        if label in ("dup", "teaser") and not hit:
            missed.append(f"{label}: {pair['note'][:100]}")
    share = {label: hits / total for label, (hits, total) in tally.items()}
    return {
        "dup_recall": share.get("dup", 0.0),
        "teaser_recall": share.get("teaser", 0.0),
        "neg_merged": share.get("neg", 0.0),
        "counts": {label: f"{hits}/{total}" for label, (hits, total) in sorted(tally.items())},
        "merged_negatives": merged_negatives,
        "missed": missed,
        "stats": result.stats.model_dump(exclude={"seconds"}),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pairs", type=Path, default=SHARED / "dev-pairs.jsonl")
    parser.add_argument("--data", type=Path, default=SHARED / "id-news-real.jsonl.gz")
    parser.add_argument("--corpus", action="store_true", help="deduplicate the whole corpus, not only the pairs")
    parser.add_argument("--sweep", action="store_true", help="print a table over the relation thresholds")
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--verbose", action="store_true", help="list the misses and merged negatives")
    args = parser.parse_args(argv)
    if not args.pairs.exists() or not args.data.exists():
        print(f"pairs_eval: {args.pairs} or {args.data} not found; skipped", file=sys.stderr)
        return 0
    pairs, records = load(args.pairs, args.data, args.corpus)
    base = DedupeConfig(workers=args.workers)
    if args.sweep:
        print("| threshold | resemblance | containment | dup recall | teaser recall | negatives merged |")
        print("| ---: | ---: | ---: | ---: | ---: | ---: |")
        for threshold in (0.5, 0.6, 0.65, 0.7, 0.75, 0.8):
            for resemblance in (False, True):
                for containment in (None, 0.8, 0.85, 0.9):
                    config = base.model_copy(
                        update={"threshold": threshold, "resemblance": resemblance, "containment": containment}
                    )
                    found = score(pairs, records, config)
                    print(
                        f"| {threshold} | {'on' if resemblance else 'off'} | {containment or 'off'} | "
                        f"{found['dup_recall']:.3f} | {found['teaser_recall']:.3f} | {found['neg_merged']:.3f} |"
                    )
        return 0
    began = time.perf_counter()
    found = score(pairs, records, base)
    found["seconds"] = round(time.perf_counter() - began, 1)
    verbose = {key: found.pop(key) for key in ("merged_negatives", "missed")}
    print(json.dumps(found, indent=2))
    if args.verbose:
        print(json.dumps(verbose, indent=2, ensure_ascii=False))
    if args.check:
        failed = [
            f"{key} {found[key]:.3f}"
            for key, target in TARGETS.items()
            if (found[key] > target if key == "neg_merged" else found[key] < target)
        ]
        if failed:
            print(f"pairs_eval: missed {', '.join(failed)}", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
