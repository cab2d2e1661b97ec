"""Byte-identity of `newsclean.clean` between two builds, on a whole corpus: every article whose result differs.

    python benchmarks/clean_identity.py --against main                 # main's source vs the installed build
    python benchmarks/clean_identity.py --against HEAD~3 --with HEAD    # two commits, both run from source
    python benchmarks/clean_identity.py --against main --engine reference   # the reference engine vs main
    python benchmarks/clean_identity.py --against main --limit 2000 --show 5

Each side cleans every article of the corpus (the shared real sample unless `--data` names another JSONL or
JSONL.gz) with its title, as `newsclean clean` does, and writes one line per article: its id and the whole
result (text, removals with offsets and rules, dateline, credits, counters). A git revision is checked out
into a temporary work tree and run as Python from its `src/` (a build's outputs equal its Python source's:
tests hold the compiled cleaner and the C scans to their Python specifications); `installed` is whatever
`import newsclean` gives in this environment (the compiled build after `pip install .`). A revision's results
are kept in the cache directory under its commit id and the corpus's size and time, so comparing a second
build against it reruns only the new side.

The report lists each differing article with the rules whose removals changed; `--show N` prints N of them
in full. Exit code 0 when every article is identical, 1 when some differ, 2 on a usage error.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import multiprocessing
import os
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus

ROOT = Path(__file__).resolve().parents[1]
SHARED_REAL = corpus.SHARED_REAL
CACHE = Path(os.environ.get("NEWSCLEAN_IDENTITY_CACHE", Path(tempfile.gettempdir()) / "newsclean-identity"))
INSTALLED = "installed"


def _records(path: Path, limit: int | None) -> Iterator[tuple[str, str, str | None]]:
    for number, record in enumerate(corpus.records(path, limit), 1):
        title = record.get("title") if isinstance(record.get("title"), str) else None
        yield str(record.get("id", number)), record["text"], title


def _clean_one(item: tuple[str, str, str | None, str]) -> str:
    import newsclean

    article_id, text, title, engine = item
    if engine == "fast":
        result = newsclean.clean(text, title=title)
    else:
        from newsclean.cleaner.reference import clean_reference

        result = clean_reference(text, title=title)
    return json.dumps({"id": article_id, "result": result.model_dump(mode="json")}, ensure_ascii=False)


def dump(data: Path, out: Path, limit: int | None, workers: int, engine: str) -> None:
    """Clean every article of `data` with the `newsclean` this interpreter imports; one JSON line each."""
    items = ((article_id, text, title, engine) for article_id, text, title in _records(data, limit))
    partial = out.with_suffix(".partial")
    with gzip.open(partial, "wt", encoding="utf-8") as sink:
        if workers > 1:
            with multiprocessing.get_context("spawn").Pool(workers) as pool:
                for line in pool.imap(_clean_one, items, chunksize=64):
                    sink.write(line + "\n")
        else:
            for item in items:
                sink.write(_clean_one(item) + "\n")
    partial.replace(out)


def _resolve(revision: str) -> str:
    return subprocess.run(
        ["git", "rev-parse", "--verify", f"{revision}^{{commit}}"], cwd=ROOT, check=True, capture_output=True, text=True
    ).stdout.strip()


def _side(spec: str, data: Path, limit: int | None, workers: int, engine: str) -> Path:
    """The results file of one side, computed unless a cached one for the same commit and corpus exists."""
    stat = data.stat()
    corpus_key = hashlib.sha1(f"{data.resolve()}:{stat.st_size}:{stat.st_mtime_ns}:{limit}".encode()).hexdigest()[:12]
    CACHE.mkdir(parents=True, exist_ok=True)
    command = [sys.executable, str(Path(__file__).resolve()), "--dump", "--data", str(data), "--workers", str(workers)]
    command += ["--engine", engine] + (["--limit", str(limit)] if limit is not None else [])
    if spec == INSTALLED:
        out = CACHE / f"installed-{engine}-{corpus_key}-{os.getpid()}.jsonl.gz"
        subprocess.run([*command, "--out", str(out)], check=True, env=_environment(None))
        return out
    commit = _resolve(spec)
    out = CACHE / f"{commit}-{engine}-{corpus_key}.jsonl.gz"
    if out.exists():
        print(f"{spec}: cached results {out}", file=sys.stderr)
        return out
    with tempfile.TemporaryDirectory(prefix="newsclean-identity-") as tree:
        archive = subprocess.run(["git", "archive", commit, "src"], cwd=ROOT, check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", tree], input=archive, check=True)
        print(f"{spec}: cleaning with {commit[:10]} (as Python) ...", file=sys.stderr)
        subprocess.run([*command, "--out", str(out)], check=True, env=_environment(Path(tree) / "src"))
    return out


def _environment(source: Path | None) -> dict[str, str]:
    environment = {k: v for k, v in os.environ.items() if k not in ("NEWSCLEAN_REQUIRE_SPEEDUPS",)}
    if source is not None:
        environment["PYTHONPATH"] = str(source)
    return environment


def _load(path: Path) -> dict[str, dict]:
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        return {entry["id"]: entry["result"] for entry in map(json.loads, lines)}


def _changed_rules(before: dict, after: dict) -> list[str]:
    def removals(result: dict) -> Counter[tuple[str, int, int, str]]:
        return Counter((r["rule"], r["start"], r["end"], r["text"]) for r in result["removals"])

    old, new = removals(before), removals(after)
    lost = {rule for rule, *_ in old - new}
    gained = {rule for rule, *_ in new - old}
    return sorted({f"-{rule}" for rule in lost} | {f"+{rule}" for rule in gained})


def compare(first: Path, second: Path, show: int) -> int:
    before, after = _load(first), _load(second)
    missing = sorted(set(before) ^ set(after))
    differing = [article_id for article_id in before if article_id in after and before[article_id] != after[article_id]]
    by_rule: Counter[str] = Counter()
    for article_id in differing:
        changes = _changed_rules(before[article_id], after[article_id]) or ["(no removal changed)"]
        by_rule.update(changes)
        print(json.dumps({"id": article_id, "rules": changes}, ensure_ascii=False))
    for article_id in differing[:show]:
        print(json.dumps({"id": article_id, "before": before[article_id], "after": after[article_id]},
                         ensure_ascii=False, indent=1), file=sys.stderr)
    print(f"{len(before):,} articles compared: {len(differing):,} differ, {len(missing):,} only on one side",
          file=sys.stderr)
    for change, count in by_rule.most_common():
        print(f"  {count:6,}  {change}", file=sys.stderr)
    return 0 if not differing and not missing else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--against", default="main", help="the build compared against: a git revision")
    parser.add_argument("--with", dest="other", default=INSTALLED,
                        help="the other build: a git revision, or 'installed' (default)")
    parser.add_argument("--engine", default="fast", choices=("fast", "reference"),
                        help="the engine the second side runs (the first always runs its clean())")
    parser.add_argument("--data", type=Path, default=SHARED_REAL, help="JSONL or JSONL.gz corpus")
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--show", type=int, default=0, help="print N differing results in full (stderr)")
    parser.add_argument("--dump", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if not args.data.exists():
        parser.error(f"no corpus at {args.data}")
    if args.dump:
        dump(args.data, args.out, args.limit, args.workers, args.engine)
        return 0
    first = _side(args.against, args.data, args.limit, args.workers, "fast")
    second = _side(args.other, args.data, args.limit, args.workers, args.engine)
    return compare(first, second, args.show)


if __name__ == "__main__":
    sys.exit(main())
