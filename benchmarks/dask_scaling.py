"""Dask engine scaling: articles/s on 1 and 2 worker processes, peak memory per worker, the cost of each
stage, and from those the projection to 100M articles that docs/design/dask.md quotes.

    python benchmarks/dask_scaling.py                  # 200,000 synthetic articles (seeded), ~15 min
    python benchmarks/dask_scaling.py --quick          # 6,000 articles, < 90 s
    python benchmarks/dask_scaling.py --articles 50000 --json figures.json

Articles: `corpus.synthetic_articles` originals with ~30% planted re-publications (`dedupe_plant` variants:
outlet copies, re-scrapes, light edits, broken encoding), written as JSONL shards that the workers read, as
`newsclean dedupe --engine dask` does. Each run is the whole command path: read the shards, dedupe, write the
kept and clusters shards. The local engine (1 process) runs on the same shards in the same run: it is the
baseline of the 1-worker figure and the reference its answer is checked against, line for line.

Per-stage cost: the workers' CPU time shared out over stages by their task times (Dask's task stream; a task's
wall time on a shared machine includes waiting for a core), in microseconds per article, and
the bytes each stage's tasks output (what the next stage receives: the shuffle volume). Peak memory per
worker is the highest RSS each worker's own monitor sampled (every 0.5 s) during the run. Progress goes to
stderr; `--json` writes the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import corpus  # noqa: E402
import dedupe_plant  # noqa: E402

from newsclean import DedupeConfig, dedupe  # noqa: E402
from newsclean.io import read_inputs  # noqa: E402

#: Share of the corpus that is a planted copy of another article.
COPY_SHARE = 0.3
#: Articles per input shard: many shards per worker, so both workers stay busy until the end.
SHARD_SIZE = 10_000
#: The cluster the projection is for: 32 machines x 8 single-threaded worker processes, 4 GB each.
PROJECTED_WORKERS = 256
PROJECTED_ARTICLES = 100_000_000
#: Stages that run as one task whatever the cluster size (docs/design/dask.md, "Where it stops scaling").
SERIAL_STAGES = frozenset({"components"})


def log(message: str) -> None:
    print(f"dask_scaling: {message}", file=sys.stderr, flush=True)


def planted_corpus(n: int, seed: int = 0) -> list[dict]:
    """`n` articles: originals, then copies of random originals made by `dedupe_plant`'s variants, shuffled."""
    rng = random.Random(seed)
    originals = corpus.synthetic_articles(n - int(n * COPY_SHARE), seed=seed)
    titles = [r["title"] for r in originals]
    variants = list(dedupe_plant.VARIANTS.values())
    copies = []
    for i in range(n - len(originals)):
        source = rng.choice(originals)
        text = rng.choice(variants)(source["text"], rng, titles)
        copies.append({"id": f"copy-{i}", "title": source["title"], "text": text})
    records = originals + copies
    rng.shuffle(records)
    return records


def write_shards(records: list[dict], directory: Path, shard_size: int) -> list[str]:
    directory.mkdir(parents=True, exist_ok=True)
    files = []
    for number, start in enumerate(range(0, len(records), shard_size)):
        path = directory / f"part-{number:05d}.jsonl"
        with path.open("w", encoding="utf-8") as fh:
            for record in records[start : start + shard_size]:
                fh.write(json.dumps(record, ensure_ascii=False) + "\n")
        files.append(str(path))
    return files


def local_run(files: list[str], config: DedupeConfig) -> tuple[float, float, list[str]]:
    """The local engine, one process: (seconds, CPU seconds, the --clusters lines it writes)."""
    start, cpu = time.perf_counter(), time.process_time()
    result = dedupe(read_inputs(files), config=config.model_copy(update={"workers": 1}))
    lines = [json.dumps(v.to_json(), ensure_ascii=False, separators=(",", ":")) for v in result.verdicts()]
    return time.perf_counter() - start, time.process_time() - cpu, lines


def _sampled_peak_rss_mb(dask_worker: object) -> float:
    """The highest RSS the worker's own monitor sampled (every 0.5 s). Not ru_maxrss: a worker process
    inherits the peak of the process that spawned it, here the benchmark holding the whole corpus."""
    return max(dask_worker.monitor.quantities["memory"]) / 2**20  # type: ignore[attr-defined]


def _current_rss_mb() -> float:
    import psutil

    return psutil.Process().memory_info().rss / 2**20


def _cpu_seconds() -> float:
    import psutil

    times = psutil.Process().cpu_times()
    return times.user + times.system


def _stage_of(key: object) -> str:
    from distributed.utils import key_split

    from newsclean.dask import STAGES

    name = key_split(key).removeprefix("_")
    base = name.split("-")[0]
    if base in STAGES:
        return STAGES[base]
    return {"read": "read", "write_shard": "write"}.get(base, "other")


def dask_run(files: list[str], config: DedupeConfig, workers: int, out: Path) -> dict:
    """One end-to-end run on a fresh local cluster of `workers` processes, with per-stage figures."""
    from distributed import Client, LocalCluster, get_task_stream

    from newsclean.dask import dedupe as dask_dedupe
    from newsclean.dask import read_shards
    from newsclean.dask import write_shards as write_outputs

    with (
        LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
        Client(cluster) as client,
    ):
        idle = client.run(_current_rss_mb)
        cpu_before = client.run(_cpu_seconds)
        start = time.perf_counter()
        with get_task_stream(client) as stream:
            counts = write_outputs(dask_dedupe(read_shards(files), config=config), files, str(out))
        seconds = time.perf_counter() - start
        cpu_used = sum(client.run(_cpu_seconds).values()) - sum(cpu_before.values())
        peaks = client.run(_sampled_peak_rss_mb)
    wall: dict[str, float] = defaultdict(float)
    transfer: dict[str, float] = defaultdict(float)
    output: dict[str, int] = defaultdict(int)
    tasks_per_worker: dict[str, int] = defaultdict(int)
    for task in stream.data:
        stage = _stage_of(task["key"])
        tasks_per_worker[task["worker"]] += 1
        for span in task["startstops"]:
            target = wall if span["action"] == "compute" else transfer
            target[stage] += span["stop"] - span["start"]
        output[stage] += int(task.get("nbytes", 0) or 0)
    # On a shared machine a task's wall time includes waiting for a core; the workers' CPU time does not.
    # Each stage gets its share of the CPU the workers really used, in proportion to its task time.
    busy = sum(wall.values()) + sum(transfer.values())
    cpu = {stage: cpu_used * (wall[stage] + transfer[stage]) / busy for stage in wall}
    lines = [line for i in range(len(files)) for line in (out / f"clusters-{i:05d}.jsonl").read_text().splitlines()]
    return {
        "workers": workers,
        "seconds": seconds,
        "records": counts["records"],
        "idle_rss_mb": max(idle.values()),
        "peak_rss_mb": max(peaks.values()),
        "worker_cpu_s": cpu_used,
        "tasks_per_worker": dict(tasks_per_worker),
        "stage_cpu_s": cpu,
        "stage_wall_s": dict(wall),
        "stage_transfer_s": dict(transfer),
        "stage_output_bytes": dict(output),
        "lines": lines,
    }


def projection(run: dict, n: int, workers: int = PROJECTED_WORKERS) -> dict:
    """Time and memory of `PROJECTED_ARTICLES` on `workers` processes, scaled from one measured run.

    Parallel stages: their measured CPU per article x articles / workers, assuming one core per worker (the
    measured 2-worker speedup on the shared 2-core machine is reported, not used: neighbours take cores).
    Serial stages: CPU per article x articles (one task). Memory per worker: idle RSS + the measured state
    per article (1-worker peak minus idle, over n) x articles / workers. The components task, on one worker:
    twice what it sends on (labels of the linked nodes and their edges), for its working arrays.
    """
    scale = PROJECTED_ARTICLES / n
    parallel = sum(s for stage, s in run["stage_cpu_s"].items() if stage not in SERIAL_STAGES)
    serial = sum(s for stage, s in run["stage_cpu_s"].items() if stage in SERIAL_STAGES)
    seconds = parallel * scale / workers + serial * scale
    per_article_mb = (run["peak_rss_mb"] - run["idle_rss_mb"]) / n
    components_mb = run["stage_output_bytes"].get("components", 0) / 2**20 * scale
    return {
        "articles": PROJECTED_ARTICLES,
        "workers": workers,
        "hours": seconds / 3600,
        "serial_hours": serial * scale / 3600,
        "cpu_us_per_article": {stage: s / n * 1e6 for stage, s in run["stage_cpu_s"].items()},
        "worker_gb": (run["idle_rss_mb"] + per_article_mb * PROJECTED_ARTICLES / workers) / 1024,
        "state_bytes_per_article": per_article_mb * 2**20,
        "components_task_gb": 2 * components_mb / 1024,
    }


def measure(n: int, workers_list: tuple[int, ...] = (1, 2)) -> dict:
    # The defaults, word-coverage relations on: the Dask engine's answer must equal the local engine's.
    config = DedupeConfig()
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="newsclean-dask-bench-") as tmp:
        log(f"generating {n:,} articles")
        files = write_shards(planted_corpus(n), Path(tmp) / "in", min(SHARD_SIZE, max(1, n // 8)))
        log(f"local engine on {len(files)} shards")
        local_seconds, local_cpu, local_lines = local_run(files, config)
        runs = []
        for workers in workers_list:
            log(f"dask engine, {workers} worker(s)")
            runs.append(dask_run(files, config, workers, Path(tmp) / f"out-{workers}"))
    same = all(run.pop("lines") == local_lines for run in runs)
    speedup = runs[0]["seconds"] / runs[-1]["seconds"]
    return {
        "articles": n,
        "shards": len(files),
        "local_seconds": local_seconds,
        "local_cpu_s": local_cpu,
        "same_as_local": same,
        "runs": runs,
        "speedup": speedup,
        "projection": projection(runs[0], n),
        "cpu": os.cpu_count(),
        "load_before": load_before,
        "load_after": os.getloadavg(),
    }


def rows_of(figures: dict) -> list[dict]:
    n = figures["articles"]
    local_rate = n / figures["local_seconds"]
    one, two = figures["runs"][0], figures["runs"][-1]
    rate_one, rate_two = n / one["seconds"], n / two["seconds"]
    rows = [
        {"name": "dask_articles_per_s[workers=1]", "value": round(rate_one, 1), "unit": "articles/s",
         "baseline": round(local_rate, 1), "ratio": round(rate_one / local_rate, 2),
         "vs": f"local engine, 1 process, same {n} articles (read, dedupe; the Dask run also writes shards)"},
        {"name": "dask_articles_per_s[workers=2]", "value": round(rate_two, 1), "unit": "articles/s",
         "baseline": round(rate_one, 1), "ratio": round(rate_two / rate_one, 2),
         "vs": "the Dask engine on 1 worker process, same articles"},
        {"name": "dask_articles_per_cpu_s[workers=1]", "value": round(n / one["worker_cpu_s"], 1),
         "unit": "articles/CPU-s", "baseline": round(n / figures["local_cpu_s"], 1),
         "ratio": round(figures["local_cpu_s"] / one["worker_cpu_s"], 2),
         "vs": "local engine's CPU time, same articles: the engine's overhead, immune to busy neighbours"},
        {"name": "dask_articles_per_cpu_s[workers=2]", "value": round(n / two["worker_cpu_s"], 1),
         "unit": "articles/CPU-s", "baseline": round(n / one["worker_cpu_s"], 1),
         "ratio": round(one["worker_cpu_s"] / two["worker_cpu_s"], 2),
         "vs": "1 worker: what the shuffle between 2 processes costs in CPU"},
        {"name": "dask_same_answer_as_local", "value": 1.0 if figures["same_as_local"] else 0.0, "unit": "bool",
         "baseline": None, "ratio": None, "vs": "every --clusters line equal to the local engine's"},
    ]
    for run in figures["runs"]:
        rows.append({"name": f"dask_peak_worker_rss_mb[workers={run['workers']}]",
                     "value": round(run["peak_rss_mb"], 1), "unit": "MB", "baseline": round(run["idle_rss_mb"], 1),
                     "ratio": round(run["peak_rss_mb"] / run["idle_rss_mb"], 2),
                     "vs": "the same worker process idle, before the run"})
    for stage, seconds in sorted(one["stage_cpu_s"].items()):
        rows.append({"name": f"dask_stage_cpu_us_per_article[{stage}]", "value": round(seconds / n * 1e6, 1),
                     "unit": "us", "baseline": None, "ratio": None,
                     "vs": "workers' CPU time, shared out by task time, 1 worker"})
    plan = figures["projection"]
    rows.append({"name": f"dask_projection_hours[100M articles, {plan['workers']} workers]",
                 "value": round(plan["hours"], 2), "unit": "h", "baseline": None, "ratio": None,
                 "vs": "measured per-stage CPU per article, scaled (docs/design/dask.md)"})
    rows.append({"name": f"dask_projection_worker_gb[100M articles, {plan['workers']} workers]",
                 "value": round(plan["worker_gb"], 2), "unit": "GB", "baseline": None, "ratio": None,
                 "vs": "idle RSS + measured state per article x articles per worker"})
    return rows


def run(quick: bool) -> list[dict]:
    """Rows for benchmarks/run.py: 6,000 articles with --quick, else 200,000."""
    return rows_of(measure(6_000 if quick else 200_000))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="6,000 articles instead of 200,000")
    parser.add_argument("--articles", type=int, default=None, help="corpus size (overrides --quick)")
    parser.add_argument("--json", type=Path, default=None, help="write every figure to this JSON file")
    args = parser.parse_args(argv)
    n = args.articles or (6_000 if args.quick else 200_000)
    figures = measure(n)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n")
    for row in rows_of(figures):
        print(json.dumps(row, ensure_ascii=False))
    return 0 if figures["same_as_local"] else 1


if __name__ == "__main__":
    sys.exit(main())
