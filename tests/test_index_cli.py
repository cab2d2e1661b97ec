"""`newsclean dedupe --index` and `newsclean index ...` end to end, including a run killed with SIGKILL."""

from __future__ import annotations

import json
import random
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_dedupe_cli import RECORDS, read_jsonl, write_jsonl
from test_index import drop, fresh_url, index_url  # noqa: F401  (index_url is a fixture)

from newsclean import Index
from newsclean.cli import main


@dataclass(frozen=True)
class Ran:
    exit_code: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


def run(args: list[str]) -> Ran:
    """`newsclean ARGS` in this process through the real entry point, which maps errors to exit codes."""
    with CliRunner().isolation() as (stdout, stderr, _):
        try:
            main(args)
        except SystemExit as done:
            code = done.code if isinstance(done.code, int) else 1
        else:
            code = 0
    return Ran(code, stdout.getvalue().decode(), stderr.getvalue().decode())


def index_rows(url: str) -> list[dict]:
    """The index content without the time each article was added."""
    with Index.open(url, create=False) as index:
        return [{k: v for k, v in row.items() if k != "added"} for row in index.export()]


def test_the_same_file_twice_through_the_cli(tmp_path: Path, index_url: str):  # noqa: F811
    src = tmp_path / "in.jsonl"
    write_jsonl(src, RECORDS)
    first, second = tmp_path / "k1.jsonl", tmp_path / "k2.jsonl"
    out = run(["dedupe", str(src), "-o", str(first), "--index", index_url, "--workers", "1"])
    assert out.exit_code == 0 and "4 added to the index" in out.stderr
    clusters = tmp_path / "c2.jsonl"
    out = run(
        [
            "dedupe",
            str(src),
            "-o",
            str(second),
            "--clusters",
            str(clusters),
            "--index",
            index_url,
            "--duplicates",
            str(tmp_path / "d2.jsonl"),
        ]
    )
    assert out.exit_code == 0 and "7 duplicates of indexed articles, 0 added" in out.stderr
    assert read_jsonl(second) == []
    kept_ids = [r.get("id", 6) for r in read_jsonl(first)]
    verdicts = {line["id"]: line for line in read_jsonl(clusters)}
    assert {v["duplicate_of"] for v in verdicts.values() if v["cluster"] is not None} == set(kept_ids)
    assert verdicts["kom-1"]["duplicate_of"] == "ant-1" and verdicts["ant-1"]["duplicate_of"] == "ant-1"
    assert len(read_jsonl(tmp_path / "d2.jsonl")) == 7


def test_index_commands(tmp_path: Path, index_url: str):  # noqa: F811
    src = tmp_path / "in.jsonl"
    write_jsonl(src, RECORDS)
    assert run(["dedupe", str(src), "-o", str(tmp_path / "k.jsonl"), "--index", index_url]).exit_code == 0
    out = run(["index", "stats", index_url])
    stats = json.loads(out.stdout)
    assert out.exit_code == 0 and stats["articles"] == 4 and stats["settings"]["num_perm"] == 128
    assert stats["bytes_per_article"] > 0 and stats["backend"] in {"sqlite", "redis"}
    exported = tmp_path / "index.jsonl"
    assert run(["index", "export", index_url, "-o", str(exported), "--signatures"]).exit_code == 0
    rows = read_jsonl(exported)
    assert [r["id"] for r in rows] == ["ant-1", "sby-1", 6, "004"] and len(rows[0]["signature"]) == 128
    # 6 is an integer id (the line number of a record without one): "6" on the command line finds it
    out = run(["index", "remove", index_url, "ant-1", "6"])
    assert out.exit_code == 0 and json.loads(out.stdout) == {"removed": 2}
    takedowns = tmp_path / "takedowns.txt"
    takedowns.write_text('{"id": "sby-1"}\n', encoding="utf-8")
    assert json.loads(run(["index", "remove", index_url, "--from", str(takedowns)]).stdout) == {"removed": 1}
    out = run(["index", "compact", index_url])
    assert out.exit_code == 0 and json.loads(out.stdout)["bytes"] > 0
    assert [r["id"] for r in index_rows(index_url)] == ["004"]
    out = run(["dedupe", str(src), "-o", str(tmp_path / "k.jsonl"), "--index", index_url, "--ngram", "4"])
    assert out.exit_code == 2 and "ngram=4 (index: 5)" in out.stderr


def test_missing_index_and_usage_errors_exit_2(tmp_path: Path):
    out = run(["index", "stats", str(tmp_path / "none.db")])
    assert out.exit_code == 2 and "no index at" in out.stderr
    assert run(["index", "remove", str(tmp_path / "none.db")]).exit_code == 2
    for args in (["index", "-h"], ["index", "stats", "-h"], ["index", "remove", "-h"], ["dedupe", "-h"]):
        out = run(args)
        assert out.exit_code == 0 and "Example" in out.output and "newsclean " in out.output
    assert "--index archive.db" in run(["dedupe", "-h"]).output


def test_a_busy_sqlite_index_is_refused_clearly(tmp_path: Path):
    src = tmp_path / "in.jsonl"
    write_jsonl(src, RECORDS)
    url = str(tmp_path / "busy.db")
    with Index.open(url) as holder, holder.transaction():
        from newsclean import dedupe

        dedupe(RECORDS[:2], index=holder)
        out = run(["dedupe", str(src), "-o", str(tmp_path / "k.jsonl"), "--index", url, "--wait", "0"])
    assert out.exit_code == 2 and "in use by another run" in out.stderr and "--wait" in out.stderr
    assert not (tmp_path / "k.jsonl").exists()


# -- SIGKILL ------------------------------------------------------------------------------------------------


def write_corpus(path: Path, n: int, seed: int, sources: list[str] | None = None) -> list[str]:
    """`n` articles of 150-250 random words; with `sources`, a third of them are edited copies of those."""
    rng = random.Random(seed)
    vocab = [f"kata{i}" for i in range(4000)]
    texts: list[str] = []
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            if sources and i % 3 == 0:
                words = rng.choice(sources).split()
                start = rng.randrange(0, 10)
                text = " ".join(words[start:] + [rng.choice(vocab) for _ in range(start)])
            else:
                text = " ".join(rng.choice(vocab) for _ in range(rng.randint(150, 250)))
            texts.append(text)
            fh.write(json.dumps({"id": f"s{seed}-{i}", "title": f"judul {i}", "text": text}) + "\n")
    return texts


def dedupe_args(src: Path, out: Path, url: str) -> list[str]:
    return [
        sys.executable,
        "-m",
        "newsclean",
        "dedupe",
        str(src),
        "-o",
        str(out / "kept.jsonl"),
        "--clusters",
        str(out / "clusters.jsonl"),
        "--index",
        url,
        "--workers",
        "1",
        "--wait",
        "20",
    ]


def outputs(directory: Path) -> dict[str, str]:
    return {
        name: (directory / name).read_text(encoding="utf-8")
        for name in ("kept.jsonl", "clusters.jsonl")
        if (directory / name).exists()
    }


@pytest.mark.parametrize("backend", ["sqlite", "redis"])
def test_sigkill_mid_run_then_rerun_matches_an_uninterrupted_run(tmp_path: Path, backend: str):
    """Day 1 is ingested; the day-2 run is killed with SIGKILL at two moments, each time the index must be
    usable and hold either nothing of day 2 (outputs absent or complete) or all of it (outputs complete); the
    rerun then gives the outputs and index content of a run that was never interrupted."""
    day1, day2 = tmp_path / "day1.jsonl", tmp_path / "day2.jsonl"
    sources = write_corpus(day1, 600, seed=1)
    write_corpus(day2, 1500, seed=2, sources=sources)
    urls = {name: fresh_url(backend, tmp_path, lock_ttl="1") for name in ("reference", "killed")}
    try:
        for url in urls.values():
            subprocess.run(dedupe_args(day1, tmp_path, url), check=True, capture_output=True)
        reference = tmp_path / "reference"
        reference.mkdir()
        started = time.monotonic()
        subprocess.run(dedupe_args(day2, reference, urls["reference"]), check=True, capture_output=True)
        duration = time.monotonic() - started
        after_day1 = len(index_rows(urls["killed"]))
        final_rows = index_rows(urls["reference"])
        assert len(final_rows) > after_day1
        killed_dir = tmp_path / "killed"
        killed_dir.mkdir()
        committed = False
        mid_way = 0
        # Killed while signing (half the reference time), then the moment KEPT appears: its outputs are in
        # place and its index commit has not happened yet, the narrowest window of the three.
        for moment in ("half-way", "outputs renamed"):
            process = subprocess.Popen(
                dedupe_args(day2, killed_dir, urls["killed"]), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
            )
            if moment == "half-way":
                time.sleep(duration * 0.5)
            else:
                while not (killed_dir / "kept.jsonl").exists() and process.poll() is None:
                    time.sleep(0.0005)
            mid_way += process.poll() is None
            process.send_signal(signal.SIGKILL)
            process.wait()
            rows = index_rows(urls["killed"])
            assert len(rows) in (after_day1, len(final_rows)), moment
            for name, text in outputs(killed_dir).items():
                assert text == (reference / name).read_text(encoding="utf-8"), (moment, name)
            if len(rows) == len(final_rows):
                committed = True
                assert outputs(killed_dir) == outputs(reference)
                break
        if not committed:
            done = subprocess.run(dedupe_args(day2, killed_dir, urls["killed"]), capture_output=True, text=True)
            assert done.returncode == 0, done.stderr
        assert outputs(killed_dir) == outputs(reference)
        assert index_rows(urls["killed"]) == final_rows
    finally:
        for url in urls.values():
            drop(url)
