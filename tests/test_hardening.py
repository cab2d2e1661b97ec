"""Hardening: Ctrl-C and kills leave no partial output, fuzzed input never crashes a reader or the cleaner, no
record can run away (watchdog, linear rewrites checked against the patterns they replaced), huge records pass."""

from __future__ import annotations

import importlib
import json
import os
import random
import re
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
import regex
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsclean import clean
from newsclean.cli import cli
from newsclean.errors import RecordTimeout
from newsclean.io import read_csv, read_jsonl
from newsclean.paragraphs import join_decisions
from newsclean.signature import signatures
from newsclean.watchdog import RecordBudgets, time_budget

normalize_module = importlib.import_module("newsclean.normalization")

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
WORDS = (
    "pemerintah kota menyiapkan personel gabungan untuk mengamankan perayaan malam tahun baru di alun-alun "
    "kepala dinas perhubungan mengatakan ruas jalan ditutup sejak sore hingga acara selesai harga cabai rawit "
    "pasar tradisional naik menjadi per kilogram dalam sepekan terakhir warga diimbau menggunakan transportasi"
)


def synthetic_corpus(path: Path, articles: int, words: int, seed: int = 7) -> None:
    """Distinct made-up articles (random words), one JSON object per line."""
    rnd = random.Random(seed)
    vocabulary = WORDS.split()
    with path.open("w", encoding="utf-8") as fh:
        for number in range(articles):
            text = " ".join(rnd.choice(vocabulary) for _ in range(words))
            record = {"id": number, "title": f"Berita {number}", "text": f"JAKARTA, KOMPAS.com - {text}."}
            fh.write(json.dumps(record) + "\n")


def start(args: list[str]) -> subprocess.Popen[str]:
    """`newsclean ARGS` in its own process group, as a shell runs a foreground job."""
    return subprocess.Popen(
        [sys.executable, "-m", "newsclean", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )


def wait_for_partial_output(proc: subprocess.Popen[str], directory: Path, name: str) -> bool:
    """Wait until the temporary file behind output `name` holds data; False if the run ended first."""
    while proc.poll() is None:
        if any(p.stat().st_size > 0 for p in directory.glob(f".{name}.*.tmp")):
            return True
        time.sleep(0.005)
    return False


@pytest.fixture(scope="module")
def big_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("corpus") / "big.jsonl"
    synthetic_corpus(path, articles=6_000, words=400)
    return path


@pytest.mark.parametrize(
    ("command", "extra"),
    [("clean", []), ("clean", ["--workers", "2"]), ("dedupe", ["--workers", "2"])],
)
def test_ctrl_c_exits_130_with_a_message_and_no_output(big_corpus: Path, tmp_path: Path, command: str, extra):
    out = tmp_path / "out.jsonl"
    proc = start([command, str(big_corpus), "-o", str(out), *extra])
    if command == "dedupe":
        time.sleep(1.5)  # inside the signing pass, workers busy
    else:
        assert wait_for_partial_output(proc, tmp_path, "out.jsonl"), "the run ended before it could be interrupted"
    os.killpg(proc.pid, signal.SIGINT)  # the whole group, as Ctrl-C in a terminal does
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "interrupted" in err and "Traceback" not in err
    assert not out.exists() and not list(tmp_path.glob(".out.jsonl*"))


def test_a_reader_closing_stdout_early_exits_141_without_a_traceback(big_corpus: Path) -> None:
    """`newsclean clean big.jsonl | head -c 100`: the reader goes away; the exit is the shell's SIGPIPE code."""
    proc = start(["clean", str(big_corpus)])
    assert proc.stdout is not None
    proc.stdout.read(100)
    proc.stdout.close()
    err = proc.stderr.read() if proc.stderr else ""
    assert proc.wait(timeout=120) == 141, err
    assert "Traceback" not in err and "Exception ignored" not in err


@pytest.mark.parametrize("command", ["clean", "dedupe"])
def test_sigkill_mid_write_leaves_the_previous_output_untouched(big_corpus: Path, tmp_path: Path, command: str):
    out = tmp_path / "kept.jsonl"
    out.write_text("previous run\n", encoding="utf-8")
    extra = ["--no-clean", "--workers", "2"] if command == "dedupe" else []
    proc = start([command, str(big_corpus), "-o", str(out), *extra])
    assert wait_for_partial_output(proc, tmp_path, "kept.jsonl"), "the run ended before it could be killed"
    proc.kill()
    proc.communicate(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    assert out.read_text(encoding="utf-8") == "previous run\n"
    assert list(tmp_path.glob(".kept.jsonl.*.tmp")), "the killed run's temporary file is expected beside the target"
    small = tmp_path / "small.jsonl"
    small.write_text(
        '{"id": 1, "text": "JAKARTA, KOMPAS.com - Harga cabai rawit di pasar induk naik lagi pekan ini."}\n',
        encoding="utf-8",
    )
    rerun = subprocess.run(
        [sys.executable, "-m", "newsclean", command, str(small), "-o", str(out)], capture_output=True, text=True
    )
    assert rerun.returncode == 0, rerun.stderr
    assert not list(tmp_path.glob(".kept.jsonl.*.tmp")), "the next run removes what the killed one left"


def test_sigkill_leaves_no_output_file(big_corpus: Path, tmp_path: Path):
    out = tmp_path / "kept.jsonl"
    proc = start(["dedupe", str(big_corpus), "-o", str(out), "--no-clean", "--workers", "2"])
    assert wait_for_partial_output(proc, tmp_path, "kept.jsonl"), "the run ended before it could be killed"
    proc.kill()
    proc.communicate(timeout=30)
    assert not out.exists()


# ---------------------------------------------------------------- fuzz: readers and the cleaner

JSONL_PIECES = [
    b"{",
    b"}",
    b"[",
    b"]",
    b'"text"',
    b'"id"',
    b":",
    b",",
    b'"',
    b"\n",
    b"\r\n",
    b" ",
    b"\xff",
    b"\xc3",
    b"\\ud800",
    b"\\n",
    b"\x00",
    b"1",
    b"null",
    b'"Berita hari ini"',
    b"\xef\xbb\xbf",
    b"\\",
    b"\t",
]


def non_blank_lines(data: bytes) -> int:
    lines = data.split(b"\n")
    if lines and lines[0].startswith(b"\xef\xbb\xbf"):
        lines[0] = lines[0][3:]
    return sum(1 for x in lines if x.strip())


@FUZZ
@given(st.one_of(st.binary(max_size=400), st.lists(st.sampled_from(JSONL_PIECES), max_size=60).map(b"".join)))
def test_fuzz_jsonl_reader_gives_one_item_per_non_blank_line(data: bytes):
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "in.jsonl"
        path.write_bytes(data)
        items = list(read_jsonl(str(path)))
        replaced = list(read_jsonl(str(path), encoding_errors="replace"))
    assert len(items) == len(replaced) == non_blank_lines(data)
    for item in items:
        if hasattr(item, "data"):
            json.dumps(item.data, ensure_ascii=False).encode("utf-8")  # writable as UTF-8


@FUZZ
@given(
    st.lists(
        st.sampled_from([b"id,text\n", b"a,b\n", b'"', b",", b"\n", b"\r", b"\xff", b"\x00", b"x"]), max_size=40
    ).map(b"".join)
)
def test_fuzz_csv_reader_never_raises(data: bytes):
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "in.csv"
        path.write_bytes(data)
        items = list(read_csv(str(path)))
    assert all(hasattr(i, "data") or hasattr(i, "reason") for i in items)


@FUZZ
@given(st.lists(st.sampled_from(JSONL_PIECES), max_size=60).map(b"".join))
def test_fuzz_clean_command_accounts_for_every_line(data: bytes):
    with tempfile.TemporaryDirectory() as directory:
        src, out, rejects = (Path(directory) / n for n in ("in.jsonl", "out.jsonl", "rejects.jsonl"))
        src.write_bytes(data)
        args = ["clean", str(src), "-o", str(out), "--rejects", str(rejects)]
        result = CliRunner().invoke(cli, [*args, "--max-rejects", "1"])  # a file of nothing but rejects passes
        assert result.exit_code == 0, result.output
        written = len(out.read_text(encoding="utf-8").splitlines())
        rejected = len(rejects.read_text(encoding="utf-8").splitlines())
    assert written + rejected == non_blank_lines(data)


TEXT_PIECES = [
    "JAKARTA, KOMPAS.com - ",
    "Baca juga: ",
    "(esn/indo)",
    "Foto: A/B",
    "\n",
    "\n\n",
    " ",
    ".",
    "-",
    "–",
    "а",
    "α",
    "Jakarta",
    "kata dia",
    "Copyright ©",
    "\x00",
    "\u200b",
    "&amp;",
    "â€",
    "(",
    ")",
    ":",
    "A",
    "b",
    "1",
    "Editor: Budi",
    "SCROLL TO CONTINUE WITH CONTENT",
    '"',
    "…",
    "\r\n",
    "\t",
]


@FUZZ
@given(st.one_of(st.text(max_size=300), st.lists(st.sampled_from(TEXT_PIECES), max_size=80).map("".join)))
def test_fuzz_clean_never_raises_and_reports_true_offsets(text: str):
    result = clean(text, title="Jakarta")
    normalized = normalize_module.normalize(text)
    assert isinstance(result.text, str)
    for removal in result.removals:
        assert normalized[removal.start : removal.end] == removal.text


# ---------------------------------------------------------------- runaway records


def test_watchdog_interrupts_a_catastrophic_match():
    with pytest.raises(RecordTimeout), time_budget(0.2):
        re.match(r"(a+)+$", "a" * 64 + "b")


def test_watchdog_leaves_an_outer_timer_alone():
    with time_budget(0.2):
        with time_budget(0.1):
            pass
        assert signal.getitimer(signal.ITIMER_REAL)[0] > 0


def test_chunk_budgets_interrupt_one_record_and_go_on_with_the_next():
    handler = signal.getsignal(signal.SIGALRM)
    with RecordBudgets() as budgets:
        with pytest.raises(RecordTimeout, match="0 s budget"):
            budgets.call(0.2, re.match, r"(a+)+$", "a" * 64 + "b")
        assert signal.getitimer(signal.ITIMER_REAL)[0] == 0
        assert budgets.call(0.2, str.upper, "harga") == "HARGA"
    assert signal.getsignal(signal.SIGALRM) is handler
    assert signal.getitimer(signal.ITIMER_REAL)[0] == 0


def test_chunk_budgets_leave_an_outer_timer_alone():
    with time_budget(0.5):
        with RecordBudgets() as budgets:
            assert budgets.call(0.1, str.lower, "A") == "a"
        assert signal.getitimer(signal.ITIMER_REAL)[0] > 0


#: The patterns the linear code replaced: fine on short strings, quadratic on long runs. They are the
#: specification the new code must match.
_LOOKALIKES = normalize_module._HOMOGLYPH_CLASS
OLD_HOMOGLYPH = regex.compile(
    rf"(?<=\p{{Latin}}[{_LOOKALIKES}]*)[{_LOOKALIKES}]|[{_LOOKALIKES}](?=[{_LOOKALIKES}]*\p{{Latin}})"
)


@FUZZ
@given(st.text(alphabet="aZé1 -\nßаαΟжѕ", max_size=30))
def test_lookalike_runs_match_the_pattern_they_replaced(text: str):
    expected = OLD_HOMOGLYPH.sub(lambda m: normalize_module.HOMOGLYPHS[m.group()], text)
    assert normalize_module.fix_homoglyphs(text) == expected


def old_join_decisions(decisions: list[bool], possible: list[bool], spreads: list[bool]) -> list[bool]:
    """The repeat-until-stable spreading the two sweeps replaced: a possible break next to a join that spreads
    (a wrap, not a lone dash or a dateline's closing dash) joins, and spreads in turn."""
    decisions, spreads, count, changed = list(decisions), list(spreads), len(decisions), True
    while changed:
        changed = False
        for i in range(count):
            if possible[i] and not decisions[i] and ((i > 0 and spreads[i - 1]) or (i + 1 < count and spreads[i + 1])):
                decisions[i], spreads[i], changed = True, True, True
    return decisions


OLD_DANGLING_DASH = regex.compile(
    r"^(?:[,.;:]\s*)*(?:\p{Pd}\s*){1,3}(?=[\p{L}\d\"“'‘(])|^(?:[,.;:]\s*){1,6}(?=[\p{L}\"“'‘])", regex.V1
)


@FUZZ
@given(st.text(alphabet=',.;: -–—a1"(\n\t', max_size=14))
def test_dangling_dash_matches_the_pattern_it_replaced(text: str):
    from newsclean.patterns import ALL_RULES

    pattern = next(r.pattern for r in ALL_RULES if r.name == "dateline.dangling_dash")
    old, new = OLD_DANGLING_DASH.match(text), pattern.match(text)
    assert (old and old.span()) == (new and new.span())


LINES = [
    "Ini adalah baris panjang yang Terus",
    "dan lanjut",
    "Kalimat selesai.",
    "- butir",
    "PERSIB 15:30",
    "Judul Pendek",
    "—",
    "(adw/rdp)",
    "Baris panjang sekali tanpa titik Di",
    "Berikutnya datang",
    "A B 5:30",
]


@FUZZ
@given(st.lists(st.sampled_from(LINES), min_size=1, max_size=12))
def test_wrap_spreading_matches_the_loop_it_replaced(lines: list[str]):
    paragraphs = importlib.import_module("newsclean.paragraphs")
    count = len(lines) - 1
    may_wrap = [
        not (
            paragraphs._ends_sentence(lines[i])
            or paragraphs._is_structural(lines[i])
            or paragraphs._is_structural(lines[i + 1])
        )
        for i in range(count)
    ]
    certain = [
        paragraphs._is_lone_dash(lines[i])
        or paragraphs._is_lone_dash(lines[i + 1])
        or (may_wrap[i] and paragraphs._clear_continuation(lines[i], lines[i + 1]))
        for i in range(count)
    ]
    possible = [
        not certain[i] and may_wrap[i] and paragraphs._possible_continuation(lines[i], lines[i + 1])
        for i in range(count)
    ]
    lone = [paragraphs._is_lone_dash(lines[i]) or paragraphs._is_lone_dash(lines[i + 1]) for i in range(count)]
    spreads = [
        certain[i] and not lone[i] and not paragraphs.SEPARATOR_DASH_END.search(lines[i]) for i in range(count)
    ]
    assert join_decisions(lines) == old_join_decisions(certain, possible, spreads)


@pytest.mark.parametrize(
    "text",
    [
        "a" * 2_000_000,
        "а" * 1_000_000 + " b",
        "A " * 500_000 + "b 15:30",
        "Ini adalah baris panjang yang Terus\n" * 30_000 + "dan lanjut",
        "." * 1_000_000,
        ". " * 500_000 + "!x",
        "(" * 1_000_000,
        ("JAKARTA, KOMPAS.com - Harga cabai naik lagi di pasar induk, kata pedagang.\n\n" * 40_000),
    ],
    ids=["2MB-word", "cyrillic-run", "capitals", "wrapped-lines", "dots", "spaced-dots", "brackets", "3MB-article"],
)
def test_huge_and_degenerate_records_clean_within_their_budget(text: str):
    result = clean(text)
    assert result.chars_in == len(text)
    assert signatures([text]).shape[0] == 1


def test_output_to_a_named_pipe_is_written_in_place_not_replaced(tmp_path: Path):
    """`-o /dev/null` or a FIFO must stay what it is: renaming a finished file over it would replace it."""
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    src = tmp_path / "in.jsonl"
    synthetic_corpus(src, articles=20, words=50)
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE, text=True)
    result = CliRunner().invoke(cli, ["clean", str(src), "-o", str(fifo), "--no-report"])
    lines = reader.communicate(timeout=30)[0].splitlines()
    assert result.exit_code == 0 and len(lines) == 20
    assert fifo.is_fifo()


def test_outputs_get_ordinary_permissions(tmp_path: Path):
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    synthetic_corpus(src, articles=3, words=50)
    assert CliRunner().invoke(cli, ["clean", str(src), "-o", str(out)]).exit_code == 0
    umask = os.umask(0)
    os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~umask


def test_sigterm_removes_the_temporary_output(big_corpus: Path, tmp_path: Path):
    out = tmp_path / "out.jsonl"
    proc = start(["clean", str(big_corpus), "-o", str(out)])
    assert wait_for_partial_output(proc, tmp_path, "out.jsonl"), "the run ended before it could be terminated"
    proc.terminate()
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 143 and "Traceback" not in err
    assert not out.exists() and not list(tmp_path.glob(".out.jsonl*"))
