"""Output files in the format their suffix names (.jsonl, .jsonl.gz, .csv, .parquet), for `clean` and `dedupe`,
run as a user runs them; what `clean -o x.parquet` writes reads back as input; refusals come before any work."""

from __future__ import annotations

import csv
import gzip
import json
import random
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from newsclean.cli import cli, main

TOWNS = ["Bandung", "Surabaya", "Medan", "Makassar", "Semarang", "Palembang", "Denpasar", "Padang"]
VOCABULARY = (
    "pemerintah warga pasar harga beras cabai bawang minyak gula telur daging petani pedagang pembeli "
    "dinas kota desa kecamatan sekolah guru murid jalan jembatan banjir hujan kemarau sawah panen pupuk "
    "bantuan anggaran rapat dewan bupati wali camat polisi relawan rumah sakit dokter obat vaksin kereta "
    "bus terminal pelabuhan kapal nelayan ikan garam kopi teh sayur buah pabrik buruh upah pajak listrik "
    "air bersih sampah taman lapangan pemuda olahraga festival budaya tari musik museum perpustakaan"
)


def article(number: int) -> str:
    """A story of its own (its words drawn with `number` as the seed, so two stories share no run of five
    words), with a dateline and a credit line for `clean` to remove."""
    rng = random.Random(number)
    words = VOCABULARY.split()
    town = TOWNS[number % len(TOWNS)]
    sentences = [" ".join(rng.choice(words) for _ in range(12)).capitalize() + "." for _ in range(8)]
    body = "\n\n".join(" ".join(sentences[i : i + 2]) for i in range(0, 8, 2))
    return f"{town.upper()}, KOMPAS.com - {body}\n\n(abc/def)"


def records(count: int) -> list[dict]:
    """Records whose fields vary: every third has tags (a list), every fourth has no title, ids mix numbers and
    strings, and record 5 (when there is one) is an exact copy of record 1 (a duplicate for dedupe)."""
    out: list[dict] = []
    for n in range(count):
        record: dict = {"id": n if n % 2 else f"art-{n}", "text": article(n)}
        if n % 4:
            record["title"] = f"Kabar nomor {n} dari {TOWNS[n % len(TOWNS)]}"
        if n % 3 == 0:
            record["tags"] = ["ekonomi", TOWNS[n % len(TOWNS)].lower()]
        out.append(record)
    if count > 5:
        out[5] = {**out[1], "id": "copy-of-1"}
    return out


def write_jsonl(path: Path, rows: list[dict], extra_lines: tuple[str, ...] = ()) -> Path:
    lines = [json.dumps(r, ensure_ascii=False) for r in rows] + list(extra_lines)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def read_jsonl(path: Path) -> list[dict]:
    opener = gzip.open if path.name.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def run(args: list[str]):
    return CliRunner().invoke(cli, args, catch_exceptions=False)


def exit_code(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    """(exit code, stderr) of the real entry point, which maps errors to exit codes."""
    with pytest.raises(SystemExit) as exited:
        main(args)
    return int(exited.value.code or 0), capsys.readouterr().err


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return write_jsonl(tmp_path / "in.jsonl", records(12), extra_lines=('{"id": "no-text", "title": "kosong"}',))


def test_clean_writes_each_format_its_suffix_names_with_the_same_records(tmp_path: Path, corpus: Path):
    outputs = {name: tmp_path / name for name in ("c.jsonl", "c.jsonl.gz", "c.csv", "c.parquet")}
    for path in outputs.values():
        assert run(["clean", str(corpus), "-o", str(path), "--no-learn"]).exit_code == 0
    as_jsonl = read_jsonl(outputs["c.jsonl"])
    assert len(as_jsonl) == 12 and not any("KOMPAS.com" in r["text"] or "abc/def" in r["text"] for r in as_jsonl)

    assert gzip.decompress(outputs["c.jsonl.gz"].read_bytes()) == outputs["c.jsonl"].read_bytes()

    rows = pq.read_table(outputs["c.parquet"]).to_pylist()
    assert [r["text"] for r in rows] == [r["text"] for r in as_jsonl]
    assert [r["title"] for r in rows] == [r.get("title") for r in as_jsonl]  # a missing field is null

    with outputs["c.csv"].open(encoding="utf-8", newline="") as fh:
        cells = list(csv.DictReader(fh))
    assert list(cells[0]) == ["id", "text", "tags", "newsclean", "title"]  # every field, in first-seen order
    assert [c["text"] for c in cells] == [r["text"] for r in as_jsonl]
    assert json.loads(cells[0]["newsclean"]) == as_jsonl[0]["newsclean"]  # nested values: JSON text
    assert json.loads(cells[0]["tags"]) == as_jsonl[0]["tags"] and cells[1]["tags"] == ""
    assert cells[1]["id"] == "1" and cells[0]["id"] == "art-0"


def test_gzip_output_is_reproducible(tmp_path: Path, corpus: Path):
    first, second = tmp_path / "a.jsonl.gz", tmp_path / "b.jsonl.gz"
    for out in (first, second):
        assert run(["clean", str(corpus), "-o", str(out), "--no-learn"]).exit_code == 0
    assert first.read_bytes() == second.read_bytes()


def test_parquet_keeps_types_and_gives_back_nested_and_mixed_values(tmp_path: Path, corpus: Path):
    out = tmp_path / "c.parquet"
    assert run(["clean", str(corpus), "-o", str(out), "--no-learn"]).exit_code == 0
    table = pq.read_table(out)
    assert str(table.schema.field("text").type) == "string"
    assert table.schema.field("newsclean").metadata == {b"newsclean.json": b"true"}
    assert table.schema.field("id").metadata == {b"newsclean.json": b"true"}  # numbers and strings mixed

    again = tmp_path / "again.jsonl"
    result = run(["clean", str(out), "-o", str(again), "--no-learn"])
    assert result.exit_code == 0, result.output
    original = read_jsonl(tmp_path / "in.jsonl")[:12]
    read_back = read_jsonl(again)
    assert [r["id"] for r in read_back] == [r["id"] for r in original]  # 1 stays 1, "art-0" stays "art-0"
    assert read_back[0]["tags"] == ["ekonomi", "bandung"] and read_back[1]["tags"] is None


def test_what_clean_writes_as_parquet_or_csv_reads_back_in_clean_and_dedupe(tmp_path: Path, corpus: Path):
    reference = tmp_path / "reference.jsonl"
    assert run(["clean", str(corpus), "-o", str(reference), "--no-learn"]).exit_code == 0
    texts = [r["text"] for r in read_jsonl(reference)]
    for name in ("round.parquet", "round.csv"):
        written = tmp_path / name
        assert run(["clean", str(corpus), "-o", str(written), "--no-learn"]).exit_code == 0
        recleaned = tmp_path / f"{name}.clean.jsonl"
        assert run(["clean", str(written), "-o", str(recleaned), "--no-learn"]).exit_code == 0
        assert [r["text"] for r in read_jsonl(recleaned)] == texts  # clean text is a fixed point
        kept = tmp_path / f"{name}.kept.jsonl"
        result = run(["dedupe", str(written), "-o", str(kept), "--workers", "1"])
        assert result.exit_code == 0, result.output
        assert len(read_jsonl(kept)) == 11  # the copy of record 1 is dropped
        assert "1 duplicate" in result.output


def test_dedupe_writes_every_output_in_its_format(tmp_path: Path, corpus: Path):
    paths = {
        "-o": tmp_path / "kept.parquet",
        "--duplicates": tmp_path / "dups.csv",
        "--clusters": tmp_path / "clusters.jsonl.gz",
        "--rejects": tmp_path / "rejects.parquet",
    }
    args = [item for option, path in paths.items() for item in (option, str(path))]
    result = run(["dedupe", str(corpus), *args, "--workers", "1"])
    assert result.exit_code == 0, result.output
    kept = pq.read_table(paths["-o"]).to_pylist()
    assert len(kept) == 11 and "copy-of-1" not in [r["id"] for r in kept]
    with paths["--duplicates"].open(encoding="utf-8", newline="") as fh:
        assert [row["id"] for row in csv.DictReader(fh)] == ["copy-of-1"]
    verdicts = read_jsonl(paths["--clusters"])
    assert len(verdicts) == 13 and verdicts[5]["duplicate_of"] == 1
    rejects = pq.read_table(paths["--rejects"]).to_pylist()
    assert [(r["line"], r["reason"]) for r in rejects] == [(13, "missing text: no 'text' field")]


@pytest.mark.parametrize("command", ["clean", "dedupe"])
@pytest.mark.parametrize(
    ("option", "name", "message"),
    [
        ("-o", "out.txt", "'.txt' names no output format"),
        ("--rejects", "rejects.xlsx", "'.xlsx' names no output format"),
        ("-o", "outdir/", "is a directory"),
    ],
)
def test_an_output_that_names_no_format_is_refused_before_any_work(
    tmp_path: Path, corpus: Path, capsys, command, option, name, message
):
    target = tmp_path / name
    code, err = exit_code([command, str(corpus), option, str(target) + ("/" if name.endswith("/") else "")], capsys)
    assert code == 2 and message in err and "Traceback" not in err
    assert "newsclean learn:" not in err and f"newsclean {command}:" not in err  # nothing ran
    assert not target.exists()


def test_an_existing_directory_for_dedupe_o_is_refused_naming_a_file(tmp_path: Path, corpus: Path, capsys):
    folder = tmp_path / "kept"
    folder.mkdir()
    code, err = exit_code(["dedupe", str(corpus), "-o", str(folder)], capsys)
    assert code == 2 and f"e.g. -o {folder / 'kept.jsonl'}" in err and "--engine dask" in err
    assert list(folder.iterdir()) == []


def test_a_name_without_a_suffix_and_stdout_are_json_lines(tmp_path: Path, corpus: Path):
    plain = tmp_path / "cleaned"
    assert run(["clean", str(corpus), "-o", str(plain), "--no-learn"]).exit_code == 0
    assert len(read_jsonl(plain)) == 12
    printed = run(["clean", str(corpus), "--no-learn"])
    assert [json.loads(line)["id"] for line in printed.stdout.splitlines()] == [r["id"] for r in read_jsonl(plain)]


def test_parquet_without_pyarrow_is_refused_before_any_work(
    tmp_path: Path, corpus: Path, capsys, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # `import pyarrow` now raises ImportError
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    for command in ("clean", "dedupe"):
        code, err = exit_code([command, str(corpus), "-o", str(tmp_path / "out.parquet")], capsys)
        assert code == 2 and "writing Parquet needs pyarrow: pip install 'newsclean[parquet]'" in err
        assert f"newsclean {command}:" not in err and "newsclean learn:" not in err
    assert not (tmp_path / "out.parquet").exists()


def test_a_txt_article_is_written_as_text_and_a_record_format_is_refused(tmp_path: Path, capsys):
    source = tmp_path / "artikel.txt"
    source.write_text(article(3), encoding="utf-8")
    out = tmp_path / "artikel.clean.txt"
    assert run(["clean", str(source), "-o", str(out)]).exit_code == 0
    assert out.read_text(encoding="utf-8") == article(3).split(" - ", 1)[1].removesuffix("\n\n(abc/def)") + "\n"
    code, err = exit_code(["clean", str(source), "-o", str(tmp_path / "artikel.parquet")], capsys)
    assert code == 2 and "plain text, not parquet" in err


def test_a_failed_run_leaves_no_csv_or_parquet_behind(tmp_path: Path, corpus: Path, capsys):
    """The spool is an unnamed temporary file and the target is written atomically: --strict stopping at the
    bad line leaves neither the target nor any temporary file."""
    for name in ("strict.csv", "strict.parquet"):
        code, _ = exit_code(["clean", str(corpus), "-o", str(tmp_path / name), "--strict", "--no-learn"], capsys)
        assert code == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl"]


def test_dask_engine_gathers_its_files_in_the_format_named(tmp_path: Path, corpus: Path):
    pytest.importorskip("distributed")
    clusters, rejects = tmp_path / "clusters.csv", tmp_path / "rejects.parquet"
    result = run(
        [
            "dedupe",
            str(corpus),
            "--engine",
            "dask",
            "--workers",
            "1",
            "-o",
            f"{tmp_path / 'shards'}/",
            "--clusters",
            str(clusters),
            "--rejects",
            str(rejects),
        ]
    )
    assert result.exit_code == 0, result.output
    with clusters.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 13 and rows[5]["duplicate_of"] == "1" and rows[12]["cluster"] == ""
    assert [r["reason"] for r in pq.read_table(rejects).to_pylist()] == ["missing text: no 'text' field"]


@pytest.mark.parametrize("name", ["empty.parquet", "empty.csv"])
def test_an_empty_run_writes_a_file_that_reads_back_as_no_records(tmp_path: Path, name: str, capsys):
    source = tmp_path / "in.jsonl"
    source.write_text("\n", encoding="utf-8")
    written = tmp_path / name
    assert exit_code(["clean", str(source), "-o", str(written)], capsys)[0] == 0
    again = tmp_path / "again.jsonl"
    code, err = exit_code(["clean", str(written), "-o", str(again)], capsys)
    assert code == 0 and "0 records" in err and again.read_text(encoding="utf-8") == ""
