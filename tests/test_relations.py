"""Relations between records (issue 18): word coverage, sampled candidates, exact/near/contained/template,
`--drop`, and the Indonesian dates `--keep earliest` reads."""

from __future__ import annotations

import json
import math
from datetime import datetime, timezone
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from newsclean import DedupeConfig, dedupe
from newsclean.alignment import WindowStore, overlap, windows_of
from newsclean.cli import cli
from newsclean.sampled_index import sampled_pairs
from newsclean.shingle import tokens
from newsclean.timestamps import parse_timestamp

BODY = [
    "Pemerintah Kabupaten Sleman meresmikan jembatan gantung baru yang menghubungkan Desa Wukirsari dan Desa "
    "Sitimulyo setelah dua tahun pembangunan.",
    "Jembatan sepanjang delapan puluh meter itu dibangun dengan dana gotong royong warga dan bantuan pemerintah "
    "provinsi, kata kepala desa kepada wartawan.",
    "Selama ini warga harus memutar sejauh tujuh kilometer untuk membawa hasil panen ke pasar kecamatan, "
    "terutama ketika sungai meluap pada musim hujan.",
    "Bupati berharap jembatan tersebut juga membuka jalur wisata baru menuju air terjun di lereng bukit yang "
    "selama ini jarang dikunjungi orang.",
    "Petugas dinas pekerjaan umum akan memeriksa kekuatan kabel baja jembatan setiap enam bulan sekali agar "
    "tetap aman dilalui sepeda motor.",
    "Warga menggelar syukuran sederhana dengan makan bersama di tepi sungai setelah pita peresmian digunting "
    "oleh bupati dan para tokoh masyarakat.",
]
STORY = " ".join(BODY)
NEW_LEAD = (
    "Kabar gembira datang dari lereng barat Merapi, tempat ratusan petani salak menanti akses yang lebih cepat "
    "menuju pusat kecamatan sejak bertahun-tahun silam."
)
#: The story re-led, with its link words lost (`itu`, `yang` and `dan` turned into commas, as 2019 scrapers did).
RELED = NEW_LEAD + " " + " ".join(
    sentence.replace(" itu ", " , ").replace(" yang ", " , ").replace(" dan ", " , ") for sentence in BODY
)
OTHER = (
    "Kepolisian Resor Bantul menangkap dua pemuda yang diduga mencuri kotak amal masjid di Kecamatan Pleret. "
    "Keduanya ditangkap setelah rekaman kamera pengawas beredar luas di media sosial dan warga melapor. "
    "Polisi menyita uang tunai dan sebuah linggis dari tangan para pelaku yang kini ditahan di markas polres."
)


def gold(day: str, date: str, prices: tuple[str, str, str]) -> str:
    return (
        f"Harga emas batangan hari ini, {day} {date}, tercatat Rp {prices[0]} per gram di butik resmi. "
        f"Harga pembelian kembali berada di level Rp {prices[1]} per gram pada pukul 08.30 WIB. "
        f"Untuk ukuran lima gram, emas dijual seharga Rp {prices[2]} sesuai daftar harga resmi perusahaan. "
        "Pembeli diminta membawa kartu identitas dan menyimpan bukti pembelian untuk keperluan pajak. "
        "Harga dapat berubah sewaktu-waktu mengikuti pergerakan pasar logam mulia dunia."
    )


def windows(text: str):
    return windows_of(tokens(text), 5)


def test_coverage_counts_words_so_a_link_hole_costs_one_word():
    holed = STORY.replace("delapan puluh meter", "delapan , meter")
    found = overlap(windows(STORY), windows(holed))
    assert found.coverage_a > 0.97 and found.coverage_b > 0.97
    assert found.uncovered_a == 1 and found.uncovered_b == 0


def test_a_new_lead_leaves_the_body_covered():
    found = overlap(windows(STORY), windows(NEW_LEAD + " " + STORY))
    assert found.coverage_a == 1.0 and 0.75 < found.coverage_b < 0.9


def test_window_hashes_do_not_depend_on_the_process():
    first = windows(STORY).hashes
    again = windows_of(tokens(STORY), 5).hashes
    assert first.dtype == np.uint32 and np.array_equal(first, again) and len(first) == len(tokens(STORY)) - 4
    assert len(windows("dua kata").hashes) == 1


def test_sampled_index_finds_a_teaser_of_a_long_article_and_not_another_story():
    long_text = " ".join(BODY * 3)
    store = WindowStore.from_parts([windows(long_text), windows(" ".join(BODY[:3])), windows(OTHER)], 5)
    pairs = sampled_pairs(store).tolist()
    assert [0, 1] in pairs and not any(2 in pair for pair in pairs)


def test_relations_exact_near_contained():
    records = [
        {"id": "asli", "text": STORY},
        {"id": "salinan", "text": STORY.replace("  ", " ") + "\n"},
        {"id": "lead-baru", "text": RELED},
        {"id": "cuplikan", "text": " ".join(BODY[:3])},
        {"id": "lain", "text": OTHER},
    ]
    result = dedupe(records, config=DedupeConfig(clean=False))
    lines = {v.id: v for v in result.verdicts()}
    assert lines["asli"].kept and lines["lain"].kept and lines["lain"].relation is None
    assert lines["salinan"].relation == "exact" and lines["salinan"].duplicate_of == "asli"
    assert lines["lead-baru"].relation == "near" and lines["lead-baru"].similarity < 0.7
    assert lines["lead-baru"].resemblance >= 0.7
    teaser = lines["cuplikan"]
    assert teaser.relation == "contained" and not teaser.kept and teaser.containment >= 0.85
    assert teaser.related_to in ("asli", "lead-baru") and teaser.cluster == lines["asli"].cluster
    assert result.stats.contained == 1 and result.stats.exact_duplicates == 1


def test_a_daily_template_is_related_but_kept_unless_templates_are_dropped():
    records = [
        {
            "id": "senin",
            "source": "emas.id",
            "text": gold("Senin", "16 Juni 2025", ("1.910.000", "1.760.000", "9.250.000")),
        },
        {
            "id": "selasa",
            "source": "emas.id",
            "text": gold("Selasa", "17 Juni 2025", ("1.925.000", "1.772.000", "9.320.000")),
        },
    ]
    kept = dedupe(records, config=DedupeConfig(clean=False))
    assert kept.kept.all() and [v.relation for v in kept.verdicts()] == ["template", "template"]
    assert kept.verdict(0).related_to == "selasa" and kept.stats.templates == 2
    dropped = dedupe(records, config=DedupeConfig(clean=False, drop=("exact", "near", "contained", "template")))
    assert dropped.kept.tolist() == [True, False] and dropped.verdict(1).relation == "template"


def test_the_same_page_from_two_outlets_is_a_copy_not_a_template():
    text = gold("Senin", "16 Juni 2025", ("1.910.000", "1.760.000", "9.250.000"))
    other_day = gold("Selasa", "17 Juni 2025", ("1.925.000", "1.772.000", "9.320.000"))
    records = [{"id": "a", "source": "emas.id", "text": text}, {"id": "b", "source": "logam.id", "text": other_day}]
    result = dedupe(records, config=DedupeConfig(clean=False))
    assert result.kept.tolist() == [True, False] and result.verdict(1).relation == "near"


def test_jaccard_only_is_the_old_decision():
    records = [{"id": "asli", "text": STORY}, {"id": "lead-baru", "text": RELED}]
    result = dedupe(records, config=DedupeConfig(clean=False).jaccard_only())
    assert result.kept.all() and result.verdict(1).relation is None


def test_drop_must_keep_exact_and_near():
    with pytest.raises(ValueError, match="exact and near"):
        DedupeConfig(drop=("exact",))


def at(value: str) -> str:
    return datetime.fromtimestamp(parse_timestamp(value), timezone.utc).strftime("%Y-%m-%d %H:%M")


@pytest.mark.parametrize(
    ("written", "utc"),
    [
        ("Rabu, 18 Jun 2025 16:50 WIB", "2025-06-18 09:50"),
        ("Diperbarui 18 Jun 2025, 08:30 WIB", "2025-06-18 01:30"),
        ("18 Juni 2025 | 10.00 WIB", "2025-06-18 03:00"),
        ("Senin, 16/06/2025 09:15", "2025-06-16 02:15"),
        ("Kamis, 3 Oktober 2019 07:05 WITA", "2019-10-02 23:05"),
        ("Selasa, 17 September 2019 - 14:20 WIT", "2019-09-17 05:20"),
        ("Sep 24, 2019", "2019-09-23 17:00"),
        ("10-Sep-19", "2019-09-09 17:00"),
        ("09/24/2019 10:00", "2019-09-24 03:00"),
        ("2025-06-18T09:50:00Z", "2025-06-18 09:50"),
        ("1750240200000", "2025-06-18 09:50"),
    ],
)
def test_dates_as_scraped_news_writes_them(written: str, utc: str):
    assert at(written) == utc


@pytest.mark.parametrize("written", ["Tidak Ditemukan", "16:50", "31/02/2025", "", None])
def test_unreadable_dates_sort_last(written):
    assert math.isinf(parse_timestamp(written))


def test_keep_earliest_reads_indonesian_dates_and_counts_the_unread(tmp_path: Path):
    records = [
        {"id": "siang", "text": STORY, "date": "Rabu, 18 Jun 2025 13:00 WIB"},
        {"id": "pagi", "text": STORY + " ", "date": "18 Juni 2025 | 08.00 WIB"},
        {"id": "entah", "text": OTHER, "date": "Tidak Ditemukan"},
    ]
    result = dedupe(records, config=DedupeConfig(clean=False, keep="earliest"))
    assert result.verdict(1).kept and result.verdict(0).duplicate_of == "pagi"
    assert result.stats.unparsed_dates == 1
    src, report = tmp_path / "in.jsonl", tmp_path / "report.json"
    src.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    run = CliRunner().invoke(
        cli, ["dedupe", str(src), "-o", str(tmp_path / "k.jsonl"), "--keep", "earliest", "--report", str(report)]
    )
    assert run.exit_code == 0, run.output
    assert json.loads(report.read_text())["stats"]["unparsed_dates"] == 1


def test_cli_clusters_carry_the_relation_and_drop_is_checked(tmp_path: Path):
    src = tmp_path / "in.jsonl"
    records = [{"id": "asli", "text": STORY}, {"id": "cuplikan", "text": " ".join(BODY[:3])}]
    src.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    clusters, kept = tmp_path / "c.jsonl", tmp_path / "k.jsonl"
    runner = CliRunner()
    args = ["dedupe", str(src), "-o", str(kept), "--clusters", str(clusters), "--no-clean"]
    assert runner.invoke(cli, args).exit_code == 0
    lines = [json.loads(line) for line in clusters.read_text().splitlines()]
    assert lines[1]["relation"] == "contained" and lines[1]["related_to"] == "asli" and not lines[1]["kept"]
    assert runner.invoke(cli, [*args, "--drop", "exact,near"]).exit_code == 0
    assert len(kept.read_text().splitlines()) == 2
    bad = runner.invoke(cli, [*args, "--drop", "exact,near,teaser"])
    assert bad.exit_code == 2 and "unknown relation 'teaser'" in bad.output


def test_a_short_footer_scrape_is_not_contained_in_the_articles_that_carry_it():
    footer = (
        "Hak cipta dilindungi undang-undang. Dilarang mengambil konten atau melakukan crawling untuk kecerdasan "
        "buatan tanpa izin tertulis redaksi."
    )
    records = [{"id": "berita", "text": STORY + " " + footer}, {"id": "catatan-kaki", "text": footer}]
    result = dedupe(records, config=DedupeConfig(clean=False))
    assert result.kept.all() and result.verdict(1).relation is None
