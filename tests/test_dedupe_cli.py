"""`newsclean dedupe` end to end: outputs, every record accounted for, input formats, determinism."""

from __future__ import annotations

import csv
import gzip
import json
import random
from pathlib import Path

from click.testing import CliRunner
from test_dedupe import OTHER, STORY, republished, seed, seed_004_other_outlet

from newsclean.cli import cli

RECORDS = [
    {"id": "ant-1", "title": "Jakarta Siapkan 1.200 Personel", "text": STORY, "url": "https://a.id/1"},
    {
        "id": "kom-1",
        "title": "DKI Siapkan Personel Tahun Baru",
        "text": republished(STORY),
        "url": "https://k.id/1",
    },
    {"id": "sby-1", "title": "Harga Cabai Naik", "text": OTHER},
    {"id": "ant-1-copy", "title": "Jakarta Siapkan 1.200 Personel", "text": STORY},
    {"title": "tanpa id", "text": seed("000")},
    {"id": "no-text", "title": "kosong"},
    {"id": "004", "text": seed("004")},
    {"id": "004-kompas", "text": seed_004_other_outlet()},
]


def write_jsonl(path: Path, records: list[dict], broken_line: bool = True) -> None:
    lines = [json.dumps(r, ensure_ascii=False) for r in records]
    if broken_line:
        lines.insert(3, '{"id": "broken", "text": ')
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "wt", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")


def run(args: list[str], stdin: str | None = None):
    result = CliRunner().invoke(cli, args, input=stdin, catch_exceptions=False)
    return result


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_outputs_account_for_every_record(tmp_path: Path):
    src = tmp_path / "in.jsonl.gz"
    write_jsonl(src, RECORDS)
    kept, dups, clusters, report = (tmp_path / n for n in ("kept.jsonl", "dups.jsonl", "c.jsonl", "r.json"))
    result = run(
        [
            "dedupe",
            str(src),
            "-o",
            str(kept),
            "--duplicates",
            str(dups),
            "--clusters",
            str(clusters),
            "--report",
            str(report),
            "--workers",
            "1",
        ]
    )
    assert result.exit_code == 0, result.output
    lines = read_jsonl(clusters)
    assert len(lines) == len(RECORDS) + 1  # every input line, the broken one too
    assert all({"id", "cluster", "kept", "duplicate_of", "similarity"} <= set(line) for line in lines)
    by_id = {line["id"]: line for line in lines}
    assert by_id["kom-1"]["duplicate_of"] == "ant-1" and by_id["ant-1-copy"]["duplicate_of"] == "ant-1"
    assert by_id["004-kompas"]["duplicate_of"] == "004" and by_id[6]["kept"]  # the id-less record: its line
    assert by_id["004"]["cluster"] != by_id[6]["cluster"]
    assert by_id["no-text"]["cluster"] is None and "reject" in by_id["no-text"]
    assert by_id[4]["reject"].startswith("truncated JSON") and not by_id[4]["kept"]
    kept_records = read_jsonl(kept)
    assert [r.get("id") for r in kept_records] == ["ant-1", "sby-1", None, "004"]
    assert kept_records[0] == RECORDS[0]  # unchanged
    assert sorted(r["id"] for r in read_jsonl(dups)) == ["004-kompas", "ant-1-copy", "kom-1"]
    figures = json.loads(report.read_text())
    assert figures["stats"]["records"] == 9 and figures["stats"]["rejected"] == 2
    assert figures["stats"]["kept"] == 4 and figures["stats"]["bytes_per_record"] > 0
    assert "4 kept" in result.stderr


def test_shuffled_input_gives_the_same_clusters(tmp_path: Path):
    records = [dict(r, id=r.get("id", "seed-000")) for r in RECORDS if "text" in r]
    partitions = []
    for trial in range(3):
        shuffled = records[:]
        random.Random(trial).shuffle(shuffled)
        src, out = tmp_path / f"in{trial}.jsonl", tmp_path / f"c{trial}.jsonl"
        write_jsonl(src, shuffled, broken_line=False)
        assert run(["dedupe", str(src), "-o", str(tmp_path / "k.jsonl"), "--clusters", str(out)]).exit_code == 0
        groups: dict[int, set] = {}
        for line in read_jsonl(out):
            groups.setdefault(line["cluster"], set()).add(line["id"])
        partitions.append(sorted(sorted(g) for g in groups.values()))
    assert partitions[0] == partitions[1] == partitions[2]
    assert ["ant-1", "ant-1-copy", "kom-1"] in partitions[0]


def test_stdin_csv_and_text_directory(tmp_path: Path):
    stdin = "\n".join(json.dumps(r) for r in RECORDS[:4]) + "\n"
    result = run(["dedupe", "-", "--clusters", str(tmp_path / "c.jsonl")], stdin=stdin)
    assert result.exit_code == 0
    assert [json.loads(x)["id"] for x in result.stdout.splitlines()] == ["ant-1", "sby-1"]

    with open(tmp_path / "in.csv", "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=["id", "text"])
        writer.writeheader()
        writer.writerows({"id": r["id"], "text": r["text"]} for r in RECORDS[:3])
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "asli.txt").write_text(seed("004"), encoding="utf-8")
    (folder / "salinan.txt").write_text(seed_004_other_outlet(), encoding="utf-8")
    out = tmp_path / "kept.jsonl"
    result = run(["dedupe", str(tmp_path / "in.csv"), str(folder), "-o", str(out), "--keep", "longest"])
    assert result.exit_code == 0
    # cleaned, ant-1 and kom-1 are the same words: the tie on length goes to the first
    assert sorted(r["id"] for r in read_jsonl(out)) == ["ant-1", "asli", "sby-1"]


def test_write_clean_and_no_clean(tmp_path: Path):
    src = tmp_path / "in.jsonl"
    write_jsonl(src, RECORDS[:2], broken_line=False)
    out = tmp_path / "k.jsonl"
    assert run(["dedupe", str(src), "-o", str(out), "--write-clean"]).exit_code == 0
    (kept,) = read_jsonl(out)
    assert kept["id"] == "ant-1" and not kept["text"].startswith("Jakarta (ANTARA)")
    strict = ["--no-clean", "--threshold", "0.95", "--drop", "exact,near"]
    assert run(["dedupe", str(src), "-o", str(out), *strict]).exit_code == 0
    assert len(read_jsonl(out)) == 2


def test_help_shows_an_example_and_bad_usage_exits_2(tmp_path: Path):
    result = run(["dedupe", "-h"])
    assert result.exit_code == 0 and "newsclean dedupe articles.jsonl.gz -o kept.jsonl" in result.output
    assert run(["dedupe", str(tmp_path / "in.jsonl"), "--keep", "newest"]).exit_code == 2


def test_dask_engine_refuses_a_sqlite_index_and_says_why(tmp_path: Path):
    source = tmp_path / "in.jsonl"
    write_jsonl(source, [{"id": "a", "text": STORY}], broken_line=False)
    for url in (f"sqlite:///{tmp_path / 'index.db'}", str(tmp_path / "index.db")):
        done = run(["dedupe", str(source), "--engine", "dask", "--index", url, "-o", str(tmp_path / "out")])
        assert done.exit_code == 2
        assert "needs a Redis index" in done.output and "one file on one machine" in done.output
        assert not (tmp_path / "index.db").exists()
