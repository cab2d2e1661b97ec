"""Honest exit codes and figures: a run that rejects every record (or more than --max-rejects of them) exits 2
naming the most common reason and leaves its data outputs and the index as they were; the summary, the report
and the index say what they count in words a user can check."""

from __future__ import annotations

import json
import re
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_outputs import read_jsonl, records, write_jsonl

from newsclean.cli import cli, main

#: Three bad lines of two kinds: the most common is "empty text".
BAD_LINES = ('{"id": "e1", "text": ""}', '{"id": "e2", "text": "   "}', '{"id": "broken", "text": ')


def exit_code(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """(exit code, stdout, stderr) of the real entry point, which maps errors to exit codes."""
    with pytest.raises(SystemExit) as exited:
        main(args)
    captured = capsys.readouterr()
    return int(exited.value.code or 0), captured.out, captured.err


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    """17 good records (one an exact copy) and 3 bad lines: 15% rejected; with --text-field body, the two
    empty texts are missing ones too."""
    return write_jsonl(tmp_path / "mixed.jsonl", records(17), extra_lines=BAD_LINES)


@pytest.mark.parametrize("command", ["clean", "dedupe"])
def test_every_record_rejected_exits_2_naming_the_reason_and_keeps_the_previous_output(
    tmp_path: Path, mixed: Path, command: str, capsys
):
    out, rejects, report = tmp_path / "out.jsonl", tmp_path / "rejects.csv", tmp_path / "report.json"
    out.write_text("previous run\n", encoding="utf-8")
    args = [command, str(mixed), "--text-field", "body", "-o", str(out), "--rejects", str(rejects)]
    code, _, err = exit_code([*args, "--report", str(report)], capsys)
    assert code == 2 and "Traceback" not in err
    assert "every record was rejected (20); most common reason: missing text (19)" in err
    assert "is the text in a field other than 'body'? (--text-field NAME)" in err
    assert out.read_text(encoding="utf-8") == "previous run\n"
    assert len(rejects.read_text(encoding="utf-8").splitlines()) == 1 + 20  # header and every line
    assert report.exists()


@pytest.mark.parametrize("command", ["clean", "dedupe"])
def test_max_rejects_fails_a_run_over_the_share_and_passes_one_under_it(
    tmp_path: Path, mixed: Path, command: str, capsys
):
    out = tmp_path / "out.parquet"
    code, _, err = exit_code([command, str(mixed), "-o", str(out), "--max-rejects", "0.1"], capsys)
    assert code == 2
    assert "3 of 20 records rejected (15.0%), over --max-rejects 0.1; most common reason: empty text (2)" in err
    assert "the data outputs were not written; --rejects FILE lists them" in err
    assert not out.exists() and not list(tmp_path.glob(".out.parquet*"))

    code, _, err = exit_code([command, str(mixed), "-o", str(out), "--max-rejects", "0.15"], capsys)
    assert code == 0, err
    assert out.exists()


@pytest.mark.parametrize("command", ["clean", "dedupe"])
def test_without_max_rejects_some_rejects_are_a_success_and_max_rejects_1_allows_all(
    tmp_path: Path, mixed: Path, command: str, capsys
):
    code, _, err = exit_code([command, str(mixed), "-o", str(tmp_path / "a.jsonl")], capsys)
    assert code == 0 and "3 rejected" in err
    args = [command, str(mixed), "--text-field", "body", "--max-rejects", "1", "-o", str(tmp_path / "b.jsonl")]
    code, _, err = exit_code(args, capsys)
    assert code == 0 and "20 rejected" in err
    assert (tmp_path / "b.jsonl").read_text(encoding="utf-8") == ""


def test_clean_holds_stdout_until_the_share_is_known(mixed: Path, capsys):
    code, out, _ = exit_code(["clean", str(mixed), "--no-learn", "--max-rejects", "0"], capsys)
    assert code == 2 and out == ""
    code, out, _ = exit_code(["clean", str(mixed), "--no-learn", "--max-rejects", "0.5"], capsys)
    assert code == 0 and len(out.splitlines()) == 17


def test_dedupe_over_max_rejects_leaves_the_index_as_it_was(tmp_path: Path, mixed: Path, capsys):
    index = tmp_path / "archive.db"
    base = ["dedupe", str(mixed), "-o", str(tmp_path / "kept.jsonl"), "--index", str(index), "--workers", "1"]
    code, _, err = exit_code([*base, "--max-rejects", "0"], capsys)
    assert code == 2 and "the data outputs were not written and the index was not updated" in err
    assert "added to the index" not in err
    assert _indexed_articles(index, capsys) == 0
    code, _, err = exit_code(base, capsys)
    assert code == 0 and "16 added to the index" in err  # 17 stories, one an exact copy
    assert _indexed_articles(index, capsys) == 16


def _indexed_articles(index: Path, capsys) -> int:
    code, out, _ = exit_code(["index", "stats", str(index)], capsys)
    assert code == 0
    return int(json.loads(out)["articles"])


def test_dask_engine_exits_2_when_every_record_is_rejected(tmp_path: Path, mixed: Path, capsys):
    pytest.importorskip("distributed")
    args = ["dedupe", str(mixed), "--engine", "dask", "--workers", "1", "--text-field", "body"]
    code, _, err = exit_code([*args, "-o", f"{tmp_path / 'shards'}/"], capsys)
    assert code == 2 and "every record was rejected (20); most common reason: missing text (19)" in err
    assert "the outputs were written" in err


def test_exit_codes_are_documented_in_the_group_and_each_command():
    runner = CliRunner()
    for args in ([], ["clean"], ["dedupe"]):
        text = " ".join(runner.invoke(cli, [*args, "--help"]).output.split())
        assert "Exit codes: 0 success, 2 usage or input error" in text
        assert "rejected every record (or more than --max-rejects of them)" in text
    for command in ("clean", "dedupe"):
        text = " ".join(runner.invoke(cli, [command, "--help"]).output.split())
        assert "--max-rejects RATE" in text and "[default: CPU count, at most 8]" in text


def test_dedupe_summary_and_report_name_which_clusters_they_count(tmp_path: Path, capsys):
    source = write_jsonl(tmp_path / "in.jsonl", records(9))  # record 5 copies record 1
    report = tmp_path / "report.json"
    args = ["dedupe", str(source), "-o", str(tmp_path / "k.jsonl"), "--report", str(report), "--workers", "1"]
    code, _, err = exit_code(args, capsys)
    assert code == 0
    assert "in 1 cluster with duplicates (of 8 in all)" in err
    stats = json.loads(report.read_text(encoding="utf-8"))["stats"]
    assert stats["clusters"] == 8 and stats["clusters_with_duplicates"] == 1


def test_clean_report_counts_what_clean_does(tmp_path: Path, mixed: Path, capsys):
    report = tmp_path / "report.json"
    code, _, err = exit_code(["clean", str(mixed), "-o", str(tmp_path / "c.jsonl"), "--report", str(report)], capsys)
    assert code == 0 and "20 records, 17 cleaned, 3 rejected" in err
    figures = json.loads(report.read_text(encoding="utf-8"))
    assert {"records": 20, "cleaned": 17, "rejected": 3}.items() <= figures.items()
    assert "kept" not in figures and "duplicates" not in figures


def test_clean_with_the_default_workers_writes_what_one_worker_writes(tmp_path: Path, capsys):
    """The default is the CPU count for clean as for dedupe; 450 records are three chunks for the workers."""
    source = write_jsonl(tmp_path / "many.jsonl", records(450))
    outputs = []
    for name, extra in (("default", []), ("one", ["--workers", "1"])):
        out = tmp_path / f"{name}.jsonl"
        code, _, err = exit_code(["clean", str(source), "--no-learn", "-o", str(out), *extra], capsys)
        assert code == 0, err
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1] and len(read_jsonl(tmp_path / "one.jsonl")) == 450


def test_index_times_are_shown_as_iso_8601_utc(tmp_path: Path, capsys):
    source = write_jsonl(tmp_path / "in.jsonl", records(8))
    index = tmp_path / "archive.db"
    before = datetime.now(timezone.utc).replace(microsecond=0)
    code, _, _ = exit_code(["dedupe", str(source), "-o", str(tmp_path / "k.jsonl"), "--index", str(index)], capsys)
    assert code == 0
    code, out, _ = exit_code(["index", "stats", str(index)], capsys)
    shown = json.loads(out)["last_added"]
    assert code == 0 and re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", shown)
    when = datetime.fromisoformat(shown.replace("Z", "+00:00"))
    assert before <= when <= datetime.now(timezone.utc) + timedelta(seconds=1)
    code, out, _ = exit_code(["index", "export", str(index)], capsys)
    assert code == 0 and {json.loads(line)["added"] for line in out.splitlines()} == {shown}
