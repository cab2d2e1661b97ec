"""newsclean's benchmark suite: speed, memory and quality against what users would pick instead, in one run.

    python benchmarks/run.py                     # full run on the shared real sample (or synthetic data)
    python benchmarks/run.py --quick --check     # what CI runs: smaller slices, fails below a floor
    python benchmarks/run.py --corpus my.jsonl.gz --out results.json
    python benchmarks/run.py --only clean,signatures

Every speed figure comes with its baseline measured in the same process (or the same run, for the end-to-end
subprocess rows) on the same articles, and the ratio between them: the machine is shared and noisy, so
absolute times from different runs are never compared. Each section module keeps its own warm-up and
repetition policy (interleaved rounds, best or median). Floors and their reasons live in `floors.py`.

Prints a markdown table on stdout; progress and the sections' own logs go to stderr. `--out` writes
{"machine": {...}, "results": [{"name", "value", "unit", "baseline", "ratio", ...}]}. Exit status: 0, or 1
with `--check` when a row falls below its floor or a section fails.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import platform
import sys
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import corpus  # noqa: E402
from floors import FLOORS, Floor  # noqa: E402


@dataclass(frozen=True, slots=True)
class Section:
    """A group of rows: a module in benchmarks/ with `run(quick) -> list[dict]`, or a function here."""

    name: str
    module: str
    in_quick: bool
    why: str


SECTIONS: tuple[Section, ...] = (
    Section("clean", "bench_clean", True, "newsclean.clean vs ftfy.fix_text, articles/s"),
    Section("clean-quality", "clean_quality", True, "boilerplate recall, content retention on dev gold"),
    Section("learn", "bench_learn", True, "learn articles/s, clean with a learned profile vs ftfy, learn peak RSS"),
    Section("signatures", "bench_signatures", True, "text to signature vs datasketch and rensa"),
    Section("dedupe-speed", "dedupe_speed", True, "newsclean dedupe end to end vs a datasketch pipeline"),
    Section("dedupe-quality", "dedupe_eval", True, "planted re-publications: precision, recall, F1"),
    Section("dedupe-pairs", "run:dedupe_pairs", True, "hand-labelled real pairs: duplicate, teaser recall"),
    Section("dedupe-relations", "relations_cost", True, "what the word-coverage relations cost per article"),
    Section("dedupe-cost", "dedupe_cost", True, "dedupe CPU per article vs datasketch; the one-pass signing's gain"),
    Section("index", "index_speed", False, "persistent index: query+add articles/s, bytes per article"),
    Section("index-daysplit", "index_daysplit", False, "day 2 against an index of day 1 vs one run"),
    Section("dask", "dask_scaling", False, "Dask engine: 1 vs 2 workers"),
    Section("large-input", "large_input", False, "peak RSS streaming files of two sizes"),
)


def dedupe_pairs(quick: bool) -> list[dict]:
    """Dedupe's recall and merges on the hand-labelled real pairs (`relations_cost.pairs`)."""
    return importlib.import_module("relations_cost").pairs(quick)


def _runner(section: Section) -> Callable[[bool], list[dict]]:
    if section.module.startswith("run:"):
        return globals()[section.module.removeprefix("run:")]
    return importlib.import_module(section.module).run


def machine() -> dict:
    """What the figures were measured on; ratios travel between machines, absolute rates do not."""
    import numpy

    import newsclean

    cpu = "unknown"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        cpu = next((ln.split(":", 1)[1].strip() for ln in cpuinfo.read_text().splitlines()
                    if ln.startswith("model name")), cpu)
    return {
        "cpu": cpu,
        "cpus": os.cpu_count(),
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "python": platform.python_version(),
        "numpy": numpy.__version__,
        "newsclean": newsclean.__version__,
        "backend": newsclean.BACKEND,
        "cleaner": newsclean.CLEANER_BACKEND,
        "corpus": corpus.describe(),
        "date": time.strftime("%Y-%m-%d %H:%M:%S %Z"),
    }


def check(rows: list[dict], ran: set[str]) -> list[tuple[Floor, dict | None, bool, bool]]:
    """(floor, its row, floor held, target met) for the floors of the sections that ran; a floor whose row is
    missing fails, so a renamed row cannot silently stop being checked."""
    by_name = {row["name"]: row for row in rows}
    verdicts = []
    for floor in (f for f in FLOORS if f.section in ran):
        row = by_name.get(floor.name)
        measured = None if row is None else row.get(floor.field)
        if measured is None:
            verdicts.append((floor, row, False, False))
            continue
        verdicts.append((floor, row, floor.holds(measured, floor.floor), floor.holds(measured, floor.target)))
    return verdicts


def _fmt(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:,.4g}" if abs(value) < 100 else f"{value:,.0f}"
    return f"{value:,}" if isinstance(value, int) else str(value)


def table(rows: list[dict]) -> str:
    lines = ["| result | value | unit | baseline | ratio | baseline is |", "|---|---:|---|---:|---:|---|"]
    lines += [
        f"| {r['name']} | {_fmt(r['value'])} | {r['unit']} | {_fmt(r.get('baseline'))} | {_fmt(r.get('ratio'))} "
        f"| {r.get('vs', '')} |"
        for r in rows
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="CI-sized slices (under 5 minutes on 2 cores)")
    parser.add_argument("--corpus", default=None, help="JSONL(.gz) with id, title, text; 'synthetic' for generated")
    parser.add_argument("--out", type=Path, default=None, help="write machine and results as JSON")
    parser.add_argument("--only", default=None, help="comma list of sections: " + ",".join(s.name for s in SECTIONS))
    parser.add_argument("--check", action="store_true", help="exit 1 when a floor in floors.py is not held")
    args = parser.parse_args(argv)
    if args.corpus:
        os.environ[corpus.ENV] = args.corpus
    wanted = set(args.only.split(",")) if args.only else None
    unknown = (wanted or set()) - {s.name for s in SECTIONS}
    if unknown:
        parser.error(f"unknown sections: {', '.join(sorted(unknown))}")
    sections = [s for s in SECTIONS if (s.name in wanted if wanted else (s.in_quick or not args.quick))]

    info = machine()
    print(f"benchmarks: {info['corpus']}, {info['cpus']} cpus, backend {info['backend']}", file=sys.stderr)
    rows: list[dict] = []
    failed: list[str] = []
    for section in sections:
        start = time.perf_counter()
        print(f"== {section.name}: {section.why}", file=sys.stderr)
        try:
            got = _runner(section)(args.quick)
        except Exception:
            traceback.print_exc(file=sys.stderr)
            failed.append(section.name)
            continue
        for row in got:
            row.setdefault("section", section.name)
        rows.extend(got)
        print(f"== {section.name}: {len(got)} rows in {time.perf_counter() - start:.0f} s", file=sys.stderr)

    print(table(rows))
    verdicts = check(rows, {s.name for s in sections})
    print("\n| floor | on | measured | floor | target | |\n|---|---|---:|---:|---:|---|")
    for floor, row, held, met in verdicts:
        measured = None if row is None else row.get(floor.field)
        status = "missing" if row is None else ("ok" if met else ("below target" if held else "BELOW FLOOR"))
        print(f"| {floor.name} | {floor.field} | {_fmt(measured)} | {_fmt(floor.floor)} | {_fmt(floor.target)} "
              f"| {status} |")
    if args.out:
        info["load_average_after"] = [round(x, 2) for x in os.getloadavg()]
        args.out.write_text(json.dumps({"machine": info, "results": rows}, indent=2) + "\n")
    broken = [v[0].name for v in verdicts if not v[2]]
    if failed:
        print(f"benchmarks: sections failed: {', '.join(failed)}", file=sys.stderr)
    if broken:
        print(f"benchmarks: below floor: {', '.join(broken)}", file=sys.stderr)
    return 1 if args.check and (failed or broken) else 0


if __name__ == "__main__":
    sys.exit(main())
