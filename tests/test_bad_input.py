"""Every kind of bad record, mixed with good ones: each non-blank line ends in exactly one place (kept,
duplicate or rejected), and the good records come out exactly as they do alone, for `clean` and `dedupe`."""

from __future__ import annotations

import csv
import gzip
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsclean.cli import cli, main
from newsclean.io import read_inputs

PARAGRAPHS = [
    "Pemerintah kota menyiapkan {n} personel gabungan untuk mengamankan perayaan malam tahun baru di alun-alun.",
    "Kepala dinas perhubungan mengatakan {n} ruas jalan ditutup sejak sore hingga acara selesai pada malam hari.",
    "Harga cabai rawit di pasar tradisional naik menjadi Rp{n}.000 per kilogram dalam sepekan terakhir.",
    "Warga diimbau menggunakan transportasi umum karena kantong parkir di sekitar lokasi terbatas {n} kendaraan.",
]


def good_record(number: int, **extra: object) -> dict:
    """A small article of its own (distinct numbers make distinct stories), with outlet furniture to clean."""
    body = "\n\n".join(p.format(n=number * 7 + i) for i, p in enumerate(PARAGRAPHS))
    text = f"JAKARTA, KOMPAS.com - {body}\n\nBaca juga: Kabar Lain Hari Ini\n\n(esn/indo)"
    return {"id": f"good-{number}", "title": f"Berita nomor {number}", "text": text, **extra}


def line(record: object) -> bytes:
    return json.dumps(record, ensure_ascii=False).encode("utf-8")


def good_lines() -> list[bytes]:
    """Good records, including an exact duplicate, a republication, a raw NUL/control character inside a JSON
    string (invalid JSON, accepted), escaped control characters, and two records sharing an id."""
    records = [good_record(i) for i in range(6)]
    lines = [line(r) for r in records]
    lines.append(line({**records[1], "id": "good-1-copy"}))
    republished = dict(records[2], id="good-2-republished")
    republished["text"] = records[2]["text"].replace("JAKARTA, KOMPAS.com - ", "Jakarta (ANTARA) - ")
    lines.append(line(republished))
    with_controls = good_record(20)
    raw_nul = line(with_controls).replace(b"personel", b"per\x00so\tnel", 1)
    lines.append(raw_nul)
    lines.append(line(dict(good_record(21), text=good_record(21)["text"] + "\u0000\u0007\u001b")))
    lines.append(line(dict(good_record(22), id="good-0")))
    return lines


BAD_LINES: dict[str, bytes] = {
    "malformed JSON": b'{"id": "m", "text": "dua koma",, "title": "x"}',
    "malformed JSON, garbage": b"<html><body>502 Bad Gateway</body></html>",
    "not an object, list": b'["id", "text"]',
    "not an object, string": b'"hanya teks"',
    "not an object, null": b"null",
    "missing text": b'{"id": "no-text", "title": "Judul"}',
    "null text": b'{"id": "null-text", "text": null}',
    "number text": b'{"id": "num-text", "text": 42}',
    "list text": b'{"id": "list-text", "text": ["a", "b"]}',
    "empty text": b'{"id": "empty", "text": ""}',
    "whitespace text": b'{"id": "blank", "text": " \\n\\t "}',
    "invalid UTF-8": b'{"id": "latin1", "text": "Caf\xe9 di pinggir jalan ramai dikunjungi warga"}',
    "lone surrogate": b'{"id": "surrogate", "text": "Teks \\ud83d tanpa pasangan"}',
    "deep nesting": b"[" * 5000 + b"]" * 5000,
    "huge integer": b'{"id": ' + b"9" * 5000 + b', "text": "angka"}',
}
TRUNCATED_LAST = b'{"id": "cut", "text": "Baris terakhir terpotong di tengah'


def mixed_file(path: Path) -> tuple[list[bytes], int]:
    """Good and bad lines interleaved, blank lines between, the last line cut off; (good lines, non-blank)."""
    good = good_lines()
    bad = list(BAD_LINES.values())
    body: list[bytes] = []
    for i in range(max(len(good), len(bad))):
        body.extend(good[i : i + 1])
        body.append(b"   ")
        body.extend(bad[i : i + 1])
    path.write_bytes(b"\n".join(body) + b"\n\n" + TRUNCATED_LAST)
    return good, len(good) + len(bad) + 1


def run(args: list[str]):
    return CliRunner().invoke(cli, args, catch_exceptions=False)


def exit_code(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """(exit code, stdout, stderr) of the real entry point, which maps errors to exit codes."""
    with pytest.raises(SystemExit) as exited:
        main(args)
    captured = capsys.readouterr()
    return int(exited.value.code or 0), captured.out, captured.err


def jsonl(path: Path) -> list[dict]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def test_reader_gives_one_item_per_non_blank_line(tmp_path: Path):
    _, non_blank = mixed_file(tmp_path / "mixed.jsonl")
    items = list(read_inputs([str(tmp_path / "mixed.jsonl")]))
    assert len(items) == non_blank
    assert len({item.line for item in items}) == non_blank


def test_clean_accounts_for_every_line_and_good_records_are_unchanged(tmp_path: Path):
    good, non_blank = mixed_file(tmp_path / "mixed.jsonl")
    (tmp_path / "good.jsonl").write_bytes(b"\n".join(good) + b"\n")
    out, rejects, report = tmp_path / "out.jsonl", tmp_path / "rejects.jsonl", tmp_path / "report.json"
    result = run(
        ["clean", str(tmp_path / "mixed.jsonl"), "-o", str(out), "--rejects", str(rejects), "--report", str(report)]
    )
    assert result.exit_code == 0, result.output
    kept, rejected, figures = jsonl(out), jsonl(rejects), json.loads(report.read_text())
    assert len(kept) + len(rejected) == non_blank
    assert figures["records"] == non_blank and figures["cleaned"] == len(kept) and figures["rejected"] == len(rejected)
    assert len(rejected) == len(BAD_LINES) + 1
    assert all({"source", "line", "reason", "raw"} <= set(r) for r in rejected)
    assert rejected[-1]["reason"].startswith("truncated JSON")
    assert f"{len(rejected)} rejected" in result.output

    alone = tmp_path / "alone.jsonl"
    assert run(["clean", str(tmp_path / "good.jsonl"), "-o", str(alone)]).exit_code == 0
    assert kept == jsonl(alone)
    assert all("\x00" not in r["text"] and "\x07" not in r["text"] for r in kept)


def test_clean_workers_write_the_same_records_rejects_and_report(tmp_path: Path):
    """`--workers 2` cleans in two processes; what it writes is the same, in the same order."""
    good, _ = mixed_file(tmp_path / "mixed.jsonl")
    many = tmp_path / "many.jsonl"
    many.write_bytes((tmp_path / "mixed.jsonl").read_bytes() + b"\n".join(good * 60) + b"\n")
    outputs = []
    for workers in ("1", "2"):
        out, rejects, report = (tmp_path / f"{name}{workers}" for name in ("out", "rejects", "report"))
        args = ["clean", str(many), "-o", str(out), "--rejects", str(rejects), "--report", str(report)]
        result = run([*args, "--workers", workers])
        assert result.exit_code == 0, result.output
        outputs.append((out.read_bytes(), rejects.read_bytes(), report.read_bytes()))
    assert outputs[0] == outputs[1]
    assert len(outputs[0][0].splitlines()) > 200  # more than one chunk went to the workers


def test_dedupe_accounts_for_every_line_and_good_records_are_unchanged(tmp_path: Path):
    good, non_blank = mixed_file(tmp_path / "mixed.jsonl")
    (tmp_path / "good.jsonl").write_bytes(b"\n".join(good) + b"\n")
    names = ("kept", "dups", "clusters", "rejects")
    mixed = {n: tmp_path / f"mixed-{n}.jsonl" for n in names}
    result = run(
        [
            "dedupe",
            str(tmp_path / "mixed.jsonl"),
            "-o",
            str(mixed["kept"]),
            "--duplicates",
            str(mixed["dups"]),
            "--clusters",
            str(mixed["clusters"]),
            "--rejects",
            str(mixed["rejects"]),
            "--report",
            str(tmp_path / "report.json"),
            "--workers",
            "1",
        ]
    )
    assert result.exit_code == 0, result.output
    kept, dups, rejected = (jsonl(mixed[n]) for n in ("kept", "dups", "rejects"))
    assert len(kept) + len(dups) + len(rejected) == non_blank
    stats = json.loads((tmp_path / "report.json").read_text())["stats"]
    assert stats["records"] == non_blank
    assert stats["kept"] + stats["duplicates"] + stats["rejected"] == non_blank
    assert len(rejected) == len(BAD_LINES) + 1 and len(dups) == 2

    alone = {n: tmp_path / f"alone-{n}.jsonl" for n in names}
    result = run(
        [
            "dedupe",
            str(tmp_path / "good.jsonl"),
            "-o",
            str(alone["kept"]),
            "--duplicates",
            str(alone["dups"]),
            "--clusters",
            str(alone["clusters"]),
            "--workers",
            "1",
        ]
    )
    assert result.exit_code == 0, result.output
    assert kept == jsonl(alone["kept"]) and dups == jsonl(alone["dups"])
    verdicts = [v for v in jsonl(mixed["clusters"]) if "reject" not in v]
    assert verdicts == jsonl(alone["clusters"])


@pytest.mark.parametrize(("command", "extra"), [("clean", []), ("clean", ["--workers", "2"]), ("dedupe", [])])
def test_strict_stops_at_the_first_bad_line_before_writing(
    tmp_path: Path, command: str, extra: list[str], capsys: pytest.CaptureFixture[str]
):
    mixed_file(tmp_path / "mixed.jsonl")
    out = tmp_path / "out.jsonl"
    code, _, err = exit_code([command, str(tmp_path / "mixed.jsonl"), "--strict", "-o", str(out), *extra], capsys)
    assert code == 2
    assert "mixed.jsonl:3:" in err and "malformed JSON" in err
    assert not out.exists() and not list(tmp_path.glob(".out.jsonl*"))
    code, stdout, _ = exit_code([command, str(tmp_path / "mixed.jsonl"), "--strict"], capsys)
    assert code == 2 and stdout == ""


def test_strict_passes_a_good_file(tmp_path: Path):
    good = good_lines()
    (tmp_path / "good.jsonl").write_bytes(b"\n".join(good) + b"\n")
    result = run(["clean", str(tmp_path / "good.jsonl"), "--strict", "--no-report"])
    assert result.exit_code == 0
    assert len([x for x in result.output.splitlines() if x.startswith("{")]) == len(good)


def test_encoding_errors_replace_keeps_the_line(tmp_path: Path):
    src = tmp_path / "in.jsonl"
    src.write_bytes(BAD_LINES["invalid UTF-8"] + b"\n" + BAD_LINES["lone surrogate"] + b"\n")
    out = tmp_path / "out.jsonl"
    args = ["clean", str(src), "-o", str(out), "--encoding-errors", "replace", "--no-report", "--min-words", "1"]
    assert run(args).exit_code == 0
    texts = [r["text"] for r in jsonl(out)]
    assert texts == ["Caf\ufffd di pinggir jalan ramai dikunjungi warga", "Teks \ufffd tanpa pasangan"]


def test_byte_order_mark_and_crlf_line_ends_are_read(tmp_path: Path):
    src = tmp_path / "bom.jsonl"
    src.write_bytes(b"\xef\xbb\xbf" + line(good_record(1)) + b"\r\n" + line(good_record(2)) + b"\r\n")
    items = list(read_inputs([str(src)]))
    assert [type(i).__name__ for i in items] == ["InputRecord", "InputRecord"]


def test_truncated_gzip_keeps_what_was_read_and_rejects_the_rest(tmp_path: Path):
    whole = gzip.compress(b"\n".join(line(good_record(i)) for i in range(200)) + b"\n")
    src = tmp_path / "cut.jsonl.gz"
    src.write_bytes(whole[: len(whole) // 2])
    items = list(read_inputs([str(src)]))
    assert items[-1].reason.startswith("unreadable data")
    assert all(type(i).__name__ == "InputRecord" for i in items[:-1]) and len(items) > 1


def test_over_long_line_is_rejected_without_being_held(tmp_path: Path):
    src = tmp_path / "long.jsonl"
    src.write_bytes(line(good_record(1)) + b"\n" + b'{"text": "' + b"a" * 5000 + b'"}\n' + line(good_record(2)) + b"\n")
    items = list(read_inputs([str(src)], max_line_bytes=1000))
    assert [getattr(i, "reason", "ok").split(":")[0] for i in items] == ["ok", "line too long", "ok"]
    assert len(items[1].raw) <= 4000 and items[2].line == 3


def test_csv_ragged_rows_bad_bytes_and_huge_fields(tmp_path: Path):
    src = tmp_path / "in.csv"
    big = "kata " * 60_000
    with src.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["id", "title", "text"])
        writer.writerow(["1", "Judul", good_record(1)["text"]])
        writer.writerow(["2", "terlalu", "banyak", "kolom"])
        writer.writerow(["3", "kurang"])
        writer.writerow(["4", "Besar", big])
    with src.open("ab") as fh:
        fh.write(b'5,Latin,"Caf\xe9 ramai"\n')
    items = list(read_inputs([str(src)]))
    reasons = [getattr(i, "reason", "ok").split(":")[0] for i in items]
    assert reasons == ["ok", "ragged CSV row", "ragged CSV row", "ok", "invalid UTF-8 in a CSV row"]
    assert items[3].data["text"] == big
    out = tmp_path / "kept.jsonl"
    assert run(["dedupe", str(src), "-o", str(out), "--workers", "1"]).exit_code == 0
    assert len(jsonl(out)) == 2


def test_csv_and_parquet_without_the_text_column_are_input_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    (tmp_path / "in.csv").write_text("id,body\n1,isi berita\n", encoding="utf-8")
    pq.write_table(pa.table({"id": ["1"], "body": ["isi berita"]}), tmp_path / "in.parquet")
    for name in ("in.csv", "in.parquet"):
        code, _, err = exit_code(["dedupe", str(tmp_path / name), "-o", str(tmp_path / "k.jsonl")], capsys)
        assert code == 2 and "no column 'text'" in err and "'body'" in err
        assert not (tmp_path / "k.jsonl").exists()


def test_parquet_null_text_and_timestamps(tmp_path: Path):
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    import datetime

    when = datetime.datetime(2024, 12, 30, 18, 0)
    table = pa.table({"id": ["a", "b"], "text": [good_record(1)["text"], None], "date": [when, when]})
    pq.write_table(table, tmp_path / "in.parquet")
    out, rejects = tmp_path / "kept.jsonl", tmp_path / "rejects.jsonl"
    result = run(["dedupe", str(tmp_path / "in.parquet"), "-o", str(out), "--rejects", str(rejects), "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert jsonl(out)[0]["date"] == "2024-12-30 18:00:00"
    assert jsonl(rejects)[0]["reason"].startswith("missing text")


def test_not_a_parquet_file_is_an_input_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    pytest.importorskip("pyarrow")
    (tmp_path / "in.parquet").write_bytes(b"not parquet at all")
    code, _, err = exit_code(["dedupe", str(tmp_path / "in.parquet")], capsys)
    assert code == 2 and "not a readable Parquet file" in err


def test_text_file_with_bad_bytes_is_an_error_unless_replaced(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    src = tmp_path / "article.txt"
    src.write_bytes(b"JAKARTA, KOMPAS.com - Caf\xe9 ramai dikunjungi warga pada akhir pekan.")
    code, _, err = exit_code(["clean", str(src)], capsys)
    assert code == 2 and "--encoding-errors replace" in err
    replaced = CliRunner().invoke(cli, ["clean", str(src), "--encoding-errors", "replace"])
    assert replaced.exit_code == 0 and "Caf\ufffd ramai" in replaced.output


def test_missing_input_is_an_input_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    code, _, err = exit_code(["clean", str(tmp_path / "nope.jsonl")], capsys)
    assert code == 2 and "nope.jsonl" in err
