"""What `newsclean dedupe` costs per article in CPU time, against the plain datasketch pipeline; and what the
one-pass signing saves.

    python benchmarks/dedupe_cost.py              # 20,000 real articles, 3 interleaved rounds
    python benchmarks/dedupe_cost.py --quick      # 4,000 articles, 2 rounds (what CI runs)

End to end: `newsclean dedupe FILE -o KEPT` (1 worker: read, clean, sign, candidates, verify, relations,
clusters, write) against the datasketch pipeline of `dedupe_speed.py` (Python word 5-grams of the raw text,
`MinHash.bulk`, `MinHashLSH`, no cleaning, no verification), each a subprocess on the same file, CPU time
(user + system, `RUSAGE_CHILDREN`) per article, the two run in turn each round so a busy neighbour slows
both alike; the medians are compared.

Signing: on the same articles cleaned once beforehand, per chunk of 256, the one C call
(`newsclean.signing.sign_chunk`) against the per-step calls dedupe made before it (tokens in Python twice,
the exact key, the shingle hashes and sketch, the window sequence and the signature, each tokenizing again),
in process CPU time, interleaved.

Rows for benchmarks/run.py (section `dedupe-cost`).
"""

from __future__ import annotations

import argparse
import gzip
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus
from dedupe_speed import BASELINE

from newsclean import DedupeConfig, clean
from newsclean.alignment import window_sequence
from newsclean.clusters import shingle_sketch
from newsclean.shingle import tokens
from newsclean.signature import shingle_hashes, signatures
from newsclean.signing import exact_key, sign_chunk

CHUNK = 256


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _cpu_of(command: list[str]) -> float:
    before = _children_cpu()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return _children_cpu() - before


def end_to_end(path: Path, rounds: int, tmp: Path) -> dict[str, float]:
    ours = [sys.executable, "-m", "newsclean", "dedupe", str(path), "-o", str(tmp / "kept.jsonl"), "--workers", "1"]
    baseline = [sys.executable, "-c", BASELINE, str(path)]
    seconds: dict[str, list[float]] = {"newsclean": [], "datasketch": []}
    for _ in range(rounds):
        seconds["newsclean"].append(_cpu_of(ours))
        seconds["datasketch"].append(_cpu_of(baseline))
    return {name: statistics.median(values) for name, values in seconds.items()}


def per_step(texts: list[str], config: DedupeConfig) -> None:
    """What `prepare_chunk` did per chunk before the one-pass call, cleaning aside."""
    kept = []
    for text in texts:
        if not tokens(text):  # compared_text's check
            continue
        found = tokens(text)
        exact_key(found)
        shingle_sketch(shingle_hashes(text, config.ngram, config.hash))
        window_sequence(text, config.ngram)
        kept.append(text)
    signatures(kept, ngram=config.ngram, num_perm=config.num_perm, seed=config.seed, hash=config.hash)


def one_pass(texts: list[str], config: DedupeConfig) -> None:
    sign_chunk(
        texts, ngram=config.ngram, num_perm=config.num_perm, seed=config.seed, hash=config.hash, windows=True
    )


def signing(texts: list[str], rounds: int) -> dict[str, float]:
    config = DedupeConfig()
    chunks = [texts[start : start + CHUNK] for start in range(0, len(texts), CHUNK)]
    seconds: dict[str, list[float]] = {"per_step": [], "one_pass": []}
    for _ in range(rounds):
        for name, step in (("per_step", per_step), ("one_pass", one_pass)):
            began = time.process_time()
            for chunk in chunks:
                step(chunk, config)
            seconds[name].append(time.process_time() - began)
    return {name: statistics.median(values) for name, values in seconds.items()}


def run(quick: bool) -> list[dict]:
    count, rounds = (4_000, 2) if quick else (20_000, 3)
    records = list(corpus.articles(count))
    n = len(records)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "articles.jsonl.gz"
        with gzip.open(path, "wt", encoding="utf-8") as out:
            for record in records:
                fields = {"id": record.get("id"), "text": record["text"], "title": record.get("title")}
                out.write(json.dumps(fields) + "\n")
        whole = end_to_end(path, rounds, Path(tmp))
    cleaned = [clean(r["text"], title=r.get("title") or None).text for r in records]
    signed = signing(cleaned, rounds + 1)
    us = {name: seconds / n * 1e6 for name, seconds in whole.items()}
    return [
        {
            "name": "dedupe_cpu_us_per_article", "value": round(us["newsclean"], 1), "unit": "us CPU",
            "baseline": round(us["datasketch"], 1), "ratio": round(us["newsclean"] / us["datasketch"], 3),
            "vs": f"datasketch pipeline (raw 5-grams, MinHash.bulk, MinHashLSH), {n} articles, 1 worker, "
            "subprocess CPU, interleaved (ratio: ours over theirs)",
        },
        {
            "name": "signing_one_pass_speedup", "value": round(signed["one_pass"] / n * 1e6, 1), "unit": "us CPU",
            "baseline": round(signed["per_step"] / n * 1e6, 1),
            "ratio": round(signed["per_step"] / signed["one_pass"], 3),
            "vs": "the per-step calls of dedupe before the one-pass kernel, same cleaned articles (ratio: gain)",
        },
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args(argv)
    for row in run(args.quick):
        print(json.dumps(row))
    return 0


if __name__ == "__main__":
    sys.exit(main())
