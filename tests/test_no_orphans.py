"""No process of a run outlives it: SIGKILL the command (what the OOM killer does) mid-run, and its workers are
gone 5 s later; SIGTERM to a worker ends the run.

Real processes: `python -m newsclean` started as a user starts it, on a generated corpus large enough that
the workers are busy when the signal comes. `psutil` (installed with Dask's distributed) lists the processes.
"""

from __future__ import annotations

import json
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

psutil = pytest.importorskip("psutil")

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the survivors are looked for on Linux")

#: Words to write articles with.
WORDS = (
    "harga beras naik pasar tradisional pedagang pemerintah daerah operasi pekan depan kecamatan pasokan sentra "
    "produksi jawa tengah hujan deras polisi kebakaran kios warga tenang bahan pokok stok gudang bulog bulan "
    "pertandingan imbang gol menit sekolah murid orang tua rapat direktur manajer kota desa jalan banjir"
)
VOCABULARY = WORDS.split(" ")
#: Long enough that the workers are still busy a few seconds after they start, on a fast machine.
ARTICLES = 12_000
#: How long to wait for the workers to appear, and for them to be gone after the kill.
START_SECONDS = 60
GONE_SECONDS = 5


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    rng = random.Random(19)
    path = tmp_path_factory.mktemp("orphans") / "articles.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for number in range(ARTICLES):
            sentences = [" ".join(rng.choices(VOCABULARY, k=rng.randint(8, 16))).capitalize() + "." for _ in range(12)]
            out.write(json.dumps({"id": f"a{number}", "text": "\n\n".join(sentences)}) + "\n")
    return path


def _start(args: list[str], tmp_path: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "newsclean", *args],
        stdout=subprocess.DEVNULL,
        stderr=(tmp_path / "stderr.txt").open("wb"),
        cwd=tmp_path,
    )


def _workers(run: subprocess.Popen[bytes], at_least: int) -> list:
    """The descendants of `run` once there are `at_least` of them (fails if the run ends first)."""
    parent = psutil.Process(run.pid)
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        assert run.poll() is None, "the run ended before its workers were seen"
        children = parent.children(recursive=True)
        if len(children) >= at_least:
            return children
        time.sleep(0.05)
    pytest.fail(f"fewer than {at_least} workers after {START_SECONDS} s")


def _survivors(processes: list) -> list:
    _, alive = psutil.wait_procs(processes, timeout=GONE_SECONDS)
    for process in alive:
        process.kill()
    return alive


@pytest.mark.parametrize(
    ("command", "processes"),
    [
        (["dedupe", "{corpus}", "-o", "kept.jsonl", "--workers", "2"], 2),
        (["clean", "{corpus}", "-o", "clean.jsonl", "--workers", "2"], 2),
        # The local cluster's two worker processes and multiprocessing's resource tracker.
        (["dedupe", "{corpus}", "-o", "kept.jsonl", "--engine", "dask", "--workers", "2"], 3),
    ],
    ids=["dedupe", "clean", "dedupe-dask"],
)
def test_sigkill_of_the_command_leaves_no_worker(
    command: list[str], processes: int, corpus: Path, tmp_path: Path
) -> None:
    run = _start([part.format(corpus=corpus) for part in command], tmp_path)
    workers = _workers(run, processes)
    time.sleep(0.5)  # into the middle of the run: workers hold chunks and pipes
    run.send_signal(signal.SIGKILL)
    run.wait()
    assert _survivors(workers) == []


def test_sigterm_to_a_worker_ends_the_run(corpus: Path, tmp_path: Path) -> None:
    run = _start(["dedupe", str(corpus), "-o", "kept.jsonl", "--workers", "2"], tmp_path)
    workers = _workers(run, 2)
    workers[0].send_signal(signal.SIGTERM)
    try:
        code = run.wait(timeout=START_SECONDS)
    finally:
        if run.poll() is None:
            run.kill()
    assert code != 0
    assert _survivors(workers) == []
    assert not (tmp_path / "kept.jsonl").exists()


@pytest.mark.parametrize("method", ["fork", "spawn", "forkserver"])
def test_workers_run_under_every_start_method(method: str) -> None:
    """Under `forkserver` a worker's parent is the fork server, not the process that started the pool: the
    parent check must not take that for a dead parent (Python 3.14's default on Linux)."""
    code = (
        "import multiprocessing as mp\n"
        f"mp.set_start_method({method!r})\n"
        "from newsclean.parallel import ordered_map\n"
        "print([r for _, r in ordered_map(abs, [-1, -2, -3, -4], 2)])\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[1, 2, 3, 4]"
