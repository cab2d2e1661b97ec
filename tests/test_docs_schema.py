"""The output schema page lists every field the commands write.

The commands run as a user runs them, on articles written here that make them write every optional field: a
learned removal (`stories`), a dateline, credits, a separator put back (`edits`), every relation of dedupe, and
rejects. Each field found in their outputs must be among those the page is generated from
(`docs/hooks/output_schema.py`); a field added to an output without a line on the page fails here.
"""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from newsclean.cli import cli

HOOKS = Path(__file__).resolve().parents[1] / "docs" / "hooks"

#: Six stories of one outlet, each closing with the same subscription line that no rule knows: learned.
STORIES = (
    "Harga cabai rawit di pasar Bandung naik dua kali lipat dalam sepekan terakhir. Pedagang menyebut pasokan "
    "dari sentra produksi berkurang karena hujan.",
    "Banjir merendam ratusan rumah di tiga desa di Kabupaten Kendal setelah hujan deras. Warga mengungsi ke balai "
    "desa dan masjid terdekat.",
    "Pemerintah kota membuka lowongan guru honorer untuk dua ratus sekolah dasar. Pendaftaran dibuka secara "
    "daring hingga akhir bulan.",
    "Jalan tol baru di Sumatera Utara mulai dibuka untuk umum pada pekan depan. Pengelola menggratiskan tarif "
    "selama dua minggu pertama.",
    "Tim bulu tangkis putri melaju ke semifinal setelah menang dua gim langsung. Pelatih memuji ketenangan para "
    "pemain muda di lapangan.",
    "Harga emas batangan turun tipis pada perdagangan pagi ini di Jakarta. Analis memperkirakan harga kembali "
    "naik menjelang akhir tahun.",
)
FOOTER = "Dukung jurnalisme lokal dengan berlangganan Kabarkita Plus"
#: A dateline and a credit.
DATELINED = (
    "MALANG, KABARMALANG.id - Petugas menutup jalan di depan pasar besar sejak pagi. Warga diminta mencari "
    "jalur lain selama perbaikan berlangsung.\n(ant/rdp)"
)
#: A one-line scrape whose sentences lost the break between them: normalization puts it back (an edit).
GLUED = "Petugas menutup jalan itu sejak pagi.Warga diminta mencari jalur lain menuju pasar besar."

#: A story, another outlet's copy, an edited copy with a new lead, a teaser, one outlet's daily price page
#: on two days, and a record without a text.
BUS = (
    "Dinas Perhubungan Kota Malang menambah dua puluh bus sekolah gratis yang melayani rute dari pinggiran kota "
    "menuju kawasan pendidikan mulai awal semester ini.",
    "Kepala dinas mengatakan tambahan armada itu dibeli dari anggaran perubahan setelah orang tua murid "
    "mengeluhkan ongkos angkutan yang terus naik sejak tahun lalu.",
    "Setiap bus berangkat dari terminal pada pukul enam pagi dan kembali menjemput para pelajar pada pukul dua "
    "siang, kecuali pada hari libur nasional.",
    "Para sopir telah mengikuti pelatihan keselamatan selama satu pekan, termasuk cara menangani penumpang anak "
    "yang sakit atau tertinggal di halte.",
    "Pemerintah kota juga memasang pelacak di setiap armada sehingga orang tua dapat memantau posisi bus melalui "
    "aplikasi di telepon genggam mereka.",
    "Jika program ini berjalan lancar, dinas berencana menambah rute ke kecamatan di utara kota yang selama ini "
    "belum terjangkau angkutan umum.",
)


def gold_page(day: str, prices: tuple[str, str, str]) -> str:
    return (
        f"Harga emas batangan hari ini, {day}, tercatat Rp {prices[0]} per gram di butik resmi. "
        f"Harga pembelian kembali berada di level Rp {prices[1]} per gram pada pukul 08.30 WIB. "
        f"Untuk ukuran lima gram, emas dijual seharga Rp {prices[2]} sesuai daftar harga resmi perusahaan. "
        "Pembeli diminta membawa kartu identitas dan menyimpan bukti pembelian untuk keperluan pajak. "
        "Harga dapat berubah sewaktu-waktu mengikuti pergerakan pasar logam mulia dunia."
    )


def related_records() -> list[dict[str, Any]]:
    story = " ".join(BUS)
    edited = "Kabar baik bagi ribuan pelajar di pinggiran kota yang selama ini harus menumpang angkutan kota " + (
        "berdesakan setiap pagi. " + " ".join(sentence.replace(" yang ", " , ") for sentence in BUS)
    )
    return [
        {"id": "bus-1", "source": "kabarmalang.id", "text": "MALANG, KABARMALANG.id - " + story + "\n(ant/rdp)"},
        {"id": "bus-2", "source": "wartajatim.com", "text": "Malang (ANTARA) - " + story},
        {"id": "bus-3", "source": "suarapelajar.id", "text": edited},
        {"id": "bus-teaser", "source": "kabarmalang.id", "text": " ".join(BUS[:3])},
        {"id": "emas-1", "source": "hargaemas.id", "text": gold_page("Senin 2 Juni 2025", ("1.912.000", "1.760.000", "9.310.000"))},
        {"id": "emas-2", "source": "hargaemas.id", "text": gold_page("Selasa 3 Juni 2025", ("1.925.000", "1.771.000", "9.375.000"))},
        {"id": "kosong", "source": "kabarmalang.id", "text": "   "},
    ]


def output_schema():
    """`docs/hooks/output_schema.py`, imported as the site's build imports it (its directory on the path)."""
    sys.path.insert(0, str(HOOKS))
    try:
        return importlib.import_module("output_schema")
    finally:
        sys.path.remove(str(HOOKS))


def field_paths(value: Any, path: str, maps: set[str]) -> set[str]:
    """Every field under `value` as `path.key` (`[]` for the items of an array); not inside a map field."""
    found: set[str] = set()
    if isinstance(value, dict):
        for key, item in value.items():
            child = f"{path}.{key}"
            found.add(child)
            if child not in maps:
                found |= field_paths(item, child, maps)
    elif isinstance(value, list):
        for item in value:
            found |= field_paths(item, f"{path}[]", maps)
    return found


def write_jsonl(path: Path, records: list[dict[str, Any]], bad_line: str = "") -> Path:
    lines = [json.dumps(record, ensure_ascii=False) for record in records]
    path.write_text("\n".join(lines) + "\n" + (bad_line + "\n" if bad_line else ""), encoding="utf-8")
    return path


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def run(*args: str) -> None:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output


@pytest.fixture(scope="module")
def documented() -> tuple[set[str], set[str]]:
    return output_schema().documented_paths()


def test_every_field_of_a_cleaned_record_and_of_the_clean_reports_is_documented(tmp_path, documented):
    fields, maps = documented
    records = [{"id": f"kk-{n}", "source": "kabarkita.id", "text": f"{text}\n{FOOTER}"} for n, text in enumerate(STORIES)]
    records.append({"id": "malang-1", "source": "kabarmalang.id", "title": "Jalan Ditutup", "text": DATELINED})
    records.append({"id": "malang-2", "source": "kabarmalang.id", "text": GLUED})
    source = write_jsonl(tmp_path / "in.jsonl", records, bad_line='{"id": "rusak", "text": ')
    out, report, rejects = tmp_path / "out.jsonl", tmp_path / "report.json", tmp_path / "rejects.jsonl"
    run("clean", str(source), "-o", str(out), "--report", str(report), "--rejects", str(rejects))

    written: set[str] = set()
    for record, given in zip(read_jsonl(out), records, strict=True):
        added = {key: value for key, value in record.items() if key not in given}
        written |= field_paths(added, "record", maps)
    written |= field_paths(json.loads(report.read_text()), "clean_report", maps)
    for line in read_jsonl(rejects):
        written |= field_paths(line, "rejects", maps)

    # The run wrote the optional fields this test is for; otherwise it would prove nothing about them.
    assert {"record.newsclean.removals[].stories", "record.newsclean.dateline.city"} <= written
    assert {"record.newsclean.edits[].rule", "rejects.raw"} <= written
    assert written - fields == set(), "fields the CLI writes that docs/hooks/output_schema.py does not describe"


def test_every_field_of_the_dedupe_outputs_is_documented(tmp_path, documented):
    fields, maps = documented
    source = write_jsonl(tmp_path / "in.jsonl", related_records(), bad_line="{not json")
    clusters, report, rejects = tmp_path / "clusters.jsonl", tmp_path / "report.json", tmp_path / "rejects.jsonl"
    run("dedupe", str(source), "-o", str(tmp_path / "kept.jsonl"), "--clusters", str(clusters), "--report",
        str(report), "--rejects", str(rejects))

    lines = read_jsonl(clusters)
    written: set[str] = set()
    for line in lines:
        written |= field_paths(line, "clusters", maps)
    written |= field_paths(json.loads(report.read_text()), "dedupe_report", maps)
    for line in read_jsonl(rejects):
        written |= field_paths(line, "rejects", maps)

    relations = {line.get("relation") for line in lines}
    assert {"exact", "near", "contained", "template"} <= relations, relations
    assert {"clusters.containment", "clusters.reject", "dedupe_report.rejects[].line"} <= written
    assert written - fields == set(), "fields the CLI writes that docs/hooks/output_schema.py does not describe"


def test_the_dask_report_is_documented(tmp_path, documented):
    pytest.importorskip("distributed")
    fields, maps = documented
    shards = tmp_path / "shards"
    shards.mkdir()
    write_jsonl(shards / "a.jsonl", related_records())
    report = tmp_path / "report.json"
    run("dedupe", str(shards), "--engine", "dask", "--workers", "1", "-o", str(tmp_path / "out"), "--report",
        str(report))
    written = field_paths(json.loads(report.read_text()), "dask_report", maps)
    assert {"dask_report.counts.near", "dask_report.counts.contained"} <= written
    assert written - fields == set(), "fields the CLI writes that docs/hooks/output_schema.py does not describe"


def test_every_documented_model_field_has_a_description_and_a_json_type():
    schema = output_schema()
    tables = schema.tables()
    assert {table.anchor for table in tables} >= {"newsclean", "removal", "clusters", "clean-report", "dask-report"}
    for table in tables:
        for field in table.fields:
            assert field.description.strip() and field.type.strip(), (table.title, field.name)
