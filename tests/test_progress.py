"""Progress as a user sees it: run the CLI in a subprocess with stderr to a pipe (a cron log) or to a terminal,
and check what lands on stderr and that stdout carries data only."""

from __future__ import annotations

import fcntl
import gzip
import json
import os
import pty
import random
import re
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pytest

from newsclean.io import input_bytes, read_inputs
from newsclean.read_meter import ReadMeter

VOCABULARY = (
    "pemerintah kota menyiapkan personel gabungan untuk mengamankan perayaan malam tahun baru di alun-alun "
    "kepala dinas perhubungan mengatakan ruas jalan ditutup sejak sore hingga acara selesai harga cabai rawit "
    "pasar tradisional naik menjadi per kilogram dalam sepekan terakhir warga diimbau menggunakan transportasi"
)
#: A line off a terminal: `newsclean clean: 1,234 records (56%), 789/s, ~3 s left`.
LOG_LINE = re.compile(r"^newsclean (\w+): ([\d,]+) records(?: \((\d+)%\))?, [\d,]+/s(, ~[\d hmins]+ left|, all read)?$")


def write_corpus(path: Path, articles: int, seed: int = 3) -> list[dict]:
    """Distinct made-up articles with an outlet dateline to clean; gzipped when `path` ends in .gz."""
    rnd = random.Random(seed)
    words = VOCABULARY.split()
    records = []
    for number in range(articles):
        body = " ".join(rnd.choice(words) for _ in range(40))
        records.append({"id": number, "title": f"Berita {number}", "text": f"JAKARTA, KOMPAS.com - {body}."})
    data = "".join(json.dumps(r) + "\n" for r in records).encode()
    path.write_bytes(gzip.compress(data) if path.suffix == ".gz" else data)
    return records


def run(args: list[str], env: dict[str, str] | None = None, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    """`python -m newsclean ARGS` with stdout and stderr to pipes, as under cron."""
    return subprocess.run(
        [sys.executable, "-m", "newsclean", *args],
        input=stdin,
        capture_output=True,
        env={**os.environ, **(env or {})},
        timeout=300,
        check=False,
    )


def progress_lines(stderr: bytes, command: str) -> list[re.Match]:
    return [m for line in stderr.decode().splitlines() if (m := LOG_LINE.match(line)) and m.group(1) == command]


@pytest.mark.parametrize("name", ["in.jsonl", "in.jsonl.gz"])
def test_clean_prints_progress_lines_to_a_pipe_and_data_only_to_stdout(tmp_path: Path, name: str):
    source = tmp_path / name
    records = write_corpus(source, 300)
    done = run(["clean", str(source), "--no-learn", "--progress-every", "0"])
    assert done.returncode == 0, done.stderr.decode()
    lines = progress_lines(done.stderr, "clean")
    assert len(lines) >= len(records)  # one a record at --progress-every 0, and a closing one
    shares = [int(m.group(3)) for m in lines]
    assert shares == sorted(shares) and shares[-1] == 100  # the share of the bytes read only grows, to 100%
    assert any(m.group(4) and m.group(4).endswith("left") for m in lines)
    assert lines[-1].group(2) == f"{len(records):,}" and lines[-1].group(4) == ", all read"
    assert "\r" not in done.stderr.decode()  # a log gets whole lines, not a bar's redraws
    written = [json.loads(line) for line in done.stdout.decode().splitlines()]
    assert [r["id"] for r in written] == [r["id"] for r in records]
    assert all(not r["text"].startswith("JAKARTA, KOMPAS.com") for r in written)


def test_a_short_run_under_the_default_interval_prints_only_its_summary(tmp_path: Path):
    source = tmp_path / "in.jsonl"
    write_corpus(source, 20)
    done = run(["clean", str(source), "--no-learn", "-o", str(tmp_path / "out.jsonl")])
    assert done.returncode == 0
    assert done.stderr.decode().splitlines() == [
        "newsclean clean: 20 records, 20 cleaned, 0 rejected; removed: dateline 20"
    ]


def test_the_interval_can_come_from_the_environment(tmp_path: Path):
    source = tmp_path / "in.jsonl"
    write_corpus(source, 50)
    done = run(["clean", str(source), "--no-learn", "-o", str(tmp_path / "out.jsonl")], {"NEWSCLEAN_PROGRESS_EVERY": "0"})
    assert done.returncode == 0 and len(progress_lines(done.stderr, "clean")) >= 50


def test_stdin_has_no_total_so_lines_count_records_without_a_share(tmp_path: Path):
    source = tmp_path / "in.jsonl"
    write_corpus(source, 40)
    done = run(["clean", "-", "--progress-every", "0"], stdin=source.read_bytes())
    lines = progress_lines(done.stderr, "clean")
    assert done.returncode == 0 and len(lines) >= 40
    assert all(m.group(3) is None for m in lines)
    assert len(done.stdout.decode().splitlines()) == 40


@pytest.mark.parametrize(
    ("args", "command"),
    [
        (["dedupe", "{src}", "--workers", "1", "-o", "{out}"], "dedupe"),
        (["learn", "{src}", "-o", "{out}"], "learn"),
        (["clean", "{src}", "-o", "{out}"], "learn"),  # clean learns from its input first: that pass shows too
        (["clean", "{src}", "-o", "{out}"], "clean"),
    ],
)
def test_dedupe_and_learn_show_progress_too(tmp_path: Path, args: list[str], command: str):
    source, out = tmp_path / "in.jsonl.gz", tmp_path / "out.json"
    write_corpus(source, 120)
    done = run([a.format(src=source, out=out) for a in args] + ["--progress-every", "0"])
    assert done.returncode == 0, done.stderr.decode()
    lines = progress_lines(done.stderr, command)
    assert len(lines) >= 120 and lines[-1].group(3) == "100"


def test_quiet_prints_nothing_on_success_and_only_the_rejects_when_there_are_some(tmp_path: Path):
    source = tmp_path / "in.jsonl"
    write_corpus(source, 30)
    quiet = run(["clean", str(source), "--progress-every", "0", "--quiet", "-o", str(tmp_path / "out.jsonl")])
    assert quiet.returncode == 0 and quiet.stderr == b""
    with source.open("a") as fh:
        fh.write('{"id": "broken", "text": \n')
    flagged = run(["clean", str(source), "--progress-every", "0", "-q", "-o", str(tmp_path / "out.jsonl")])
    assert flagged.returncode == 0
    assert flagged.stderr.decode().splitlines() == ["rejects: truncated JSON 1 (--rejects FILE lists them)"]
    for command in (["dedupe", "--workers", "1"], ["learn"]):
        silent = run([*command, str(tmp_path / "in.jsonl"), "-q", "--progress-every", "0", "-o", str(tmp_path / "o")])
        assert silent.returncode == 0 and progress_lines(silent.stderr, command[0]) == []


def test_errors_still_show_under_quiet(tmp_path: Path):
    done = run(["clean", str(tmp_path / "missing.jsonl"), "--quiet"])
    assert done.returncode == 2 and "missing.jsonl: no such file" in done.stderr.decode()


def test_a_terminal_gets_a_bar_with_the_total_and_the_time_left(tmp_path: Path):
    """stderr on a pseudo-terminal 100 columns wide: a tqdm bar with the share, bytes of the total, time
    left and the records; stdout (a pipe) still carries only the records."""
    source = tmp_path / "in.jsonl"
    write_corpus(source, 200)
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
    with (tmp_path / "stdout").open("wb") as stdout:
        proc = subprocess.Popen(
            [sys.executable, "-m", "newsclean", "clean", str(source), "--no-learn"],
            stdout=stdout,
            stderr=follower,
            env={**os.environ, "NEWSCLEAN_PROGRESS_EVERY": "0"},
        )
    os.close(follower)
    screen = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal's other end closed: the process exited
            break
        if not chunk:
            break
        screen += chunk
    os.close(leader)
    assert proc.wait(timeout=120) == 0
    text = screen.decode()
    assert "newsclean clean: 100%|" in text and "200 records" in text
    assert re.search(r"\d+(\.\d+)?kB/\d+(\.\d+)?kB \[\d\d:\d\d<\d\d:\d\d", text)
    data = (tmp_path / "stdout").read_text()
    assert len(data.splitlines()) == 200 and "%|" not in data


def test_the_meter_counts_every_file_of_a_directory_to_its_total(tmp_path: Path):
    """Files read one after another: the bytes read only grow and end at the sum of the files' sizes."""
    folder = tmp_path / "shards"
    folder.mkdir()
    write_corpus(folder / "a.jsonl", 30, seed=1)
    write_corpus(folder / "b.jsonl.gz", 30, seed=2)
    (folder / "c.csv").write_text("id,text\n1,Harga cabai naik lagi di pasar induk.\n", encoding="utf-8")
    meter = ReadMeter(input_bytes([str(folder)]))
    assert meter.total == sum(p.stat().st_size for p in folder.iterdir())
    seen = [meter.read for _ in read_inputs([str(folder)], meter=meter)]
    assert seen == sorted(seen) and seen[-1] <= meter.total
    assert meter.read == meter.total and meter.share == 1.0
    assert input_bytes(["-"]) is None and ReadMeter(None).share is None
