"""`--html`: the pages `newsclean clean` and `newsclean dedupe` write for a person to open (docs/guide/report.md).

Each page is checked twice. A DOM check that needs no browser (`html.parser`): the marks are there and the
marked text is exactly each removal's text, the rule is in the mark's title, the filters are there, and text
that looks like HTML stays text. Then the page is opened in headless Chromium: the rendered DOM still holds
the marks, the filter script ran (it sets `data-filters="ready"` and fills the count), and a filter given in
the address hides what it should. The browser check skips when Chromium is missing, except under CI (the
`CI` variable set), where .ci/browser.sh installs it and a skip would hide a broken page.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import tempfile
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsclean import normalize
from newsclean.cli import cli
from newsclean.report.marks import Span, mark_removals

#: Seconds a page gets to load in the browser before the browser is killed.
BROWSER_SECONDS = 60

ARTICLES = [
    {
        "id": "kota-1",
        "source": "kabarkota.id",
        "title": "Banjir Rendam Tiga Kecamatan",
        "text": "JAKARTA, KOMPAS.com - Hujan deras sejak Minggu malam membuat sungai meluap dan merendam permukiman "
        "warga di tiga kecamatan.\n\nKepala pelaksana badan penanggulangan bencana daerah mengatakan ketinggian "
        "air mencapai satu meter di beberapa titik.\n\nBaca juga: Warga Diminta Waspada Hujan Lebat Sepekan ke "
        "Depan\n\nPetugas mendirikan dapur umum dan posko kesehatan di balai desa untuk para pengungsi.\n\n"
        "Simak berita dan artikel lainnya di Google News\n\n(ant/rdn)",
    },
    {
        "id": "kota-2",
        "source": "kabarkota.id",
        "title": "Harga <b>Cabai</b> & Bawang Naik",
        "text": "SURABAYA, KOMPAS.com - Harga cabai rawit di pasar tradisional naik dua kali lipat dalam sepekan "
        "terakhir.\n\nSeorang pedagang menulis di papan tokonya: <script>document.title='dibobol'</script> dan "
        "<img src=x onerror=\"document.title='dibobol'\"> sebagai lelucon.\n\nBaca juga: Stok Beras Aman Hingga "
        "Akhir Tahun\n\nDinas perdagangan berjanji menggelar operasi pasar mulai pekan depan.\n\n(dhi/bus)",
    },
    {
        "id": "desa-1",
        "source": "warta.desa",
        "title": "Jalan Desa Diperbaiki",
        "text": "Pemerintah kabupaten mulai memperbaiki jalan desa yang rusak sejak musim hujan tahun lalu.\n\n"
        "Perbaikan ditargetkan selesai sebelum panen raya sehingga petani bisa mengangkut hasil panen dengan mudah.",
    },
]

FERRY = (
    "Kapal penyeberangan dari pelabuhan Merak menuju Bakauheni kembali berlayar normal pada Selasa pagi setelah "
    "gelombang tinggi mereda sejak dini hari. Kepala cabang operator pelabuhan mengatakan antrean kendaraan "
    "yang sempat mengular sejauh tiga kilometer kini sudah terurai berkat tambahan dermaga darurat.\n\n"
    "Sebanyak dua belas kapal dikerahkan untuk mengangkut truk logistik dan mobil pribadi yang tertahan "
    "semalaman. Petugas juga membagikan air minum dan makanan ringan kepada sopir yang menunggu giliran naik "
    "kapal di area parkir pelabuhan.\n\n"
    "Badan meteorologi memperkirakan cuaca di Selat Sunda tetap cerah berawan hingga akhir pekan, meskipun "
    "angin kencang masih mungkin terjadi pada sore hari. Penumpang diimbau membeli tiket secara daring agar "
    "tidak menumpuk di loket."
)
#: FERRY re-edited by another desk: a few words changed, one sentence added.
FERRY_EDITED = (
    FERRY.replace("Selasa pagi", "Selasa siang")
    .replace("dua belas kapal", "empat belas kapal")
    .replace("tetap cerah berawan", "cenderung cerah")
    + " Operator menambah jadwal keberangkatan malam untuk mengurai sisa antrean."
)
LIBRARY = (
    "Perpustakaan daerah membuka layanan baca hingga pukul sembilan malam mulai bulan ini untuk pelajar dan "
    "pekerja yang baru pulang kantor. Koleksi buku anak ditambah dua ribu judul hasil sumbangan warga, dan ruang "
    "diskusi kini bisa dipesan lewat aplikasi tanpa biaya. Kepala perpustakaan berharap jam buka yang lebih "
    "panjang membuat minat baca warga terus tumbuh."
)
VACCINE = (
    "Dinas kesehatan menggelar imunisasi campak serentak di seluruh puskesmas mulai Senin untuk anak berusia "
    "sembilan bulan hingga enam tahun. Petugas akan mendatangi sekolah dan posyandu agar tidak ada anak yang "
    "terlewat, terutama di desa yang jauh dari pusat kota.\n\n"
    "Orang tua diminta membawa buku kesehatan anak saat datang ke pos imunisasi. Vaksin disediakan gratis oleh "
    "pemerintah dan stoknya dinyatakan cukup untuk seluruh sasaran tahun ini.\n\n"
    "Kepala dinas menjelaskan cakupan imunisasi sempat turun selama dua tahun terakhir karena banyak keluarga "
    "menunda kunjungan ke fasilitas kesehatan. Karena itu tim kesehatan keliling akan bekerja hingga akhir pekan "
    "di kecamatan yang cakupannya paling rendah.\n\n"
    "Warga yang anaknya mengalami demam ringan setelah imunisasi diminta tidak panik, sebab gejala itu biasanya "
    "hilang dalam satu atau dua hari. Bila demam tinggi berlanjut, orang tua dapat menghubungi puskesmas terdekat "
    "melalui layanan telepon yang dibuka dua puluh empat jam."
)
#: The first two paragraphs of VACCINE: a teaser that lies inside the full article.
VACCINE_TEASER = "\n\n".join(VACCINE.split("\n\n")[:2])


def gold(day: str, date: str, prices: tuple[str, str, str]) -> str:
    antam, ubs, galeri = prices
    return (
        f"Harga emas hari ini, {day} {date}, kembali bergerak di butik logam mulia. Emas batangan ukuran satu "
        f"gram dijual Rp{antam} per gram, sedangkan harga pembelian kembali tercatat Rp{ubs} per gram. Untuk "
        f"ukuran lima gram, harganya Rp{galeri}. Harga dapat berubah sewaktu-waktu mengikuti pergerakan pasar "
        "global, sehingga pembeli disarankan memeriksa harga terbaru sebelum bertransaksi di gerai resmi. "
        "Pembelian di atas sepuluh juta rupiah wajib menyertakan nomor pokok wajib pajak sesuai aturan yang berlaku."
    )


RECORDS = [
    {"id": "ferry-a", "source": "pelabuhan.id", "title": "Penyeberangan Merak Normal", "text": FERRY},
    {"id": "library", "source": "kota.id", "title": "Perpustakaan Buka Malam", "text": LIBRARY},
    {"id": "vaccine-full", "source": "sehat.id", "title": "Imunisasi Campak Serentak", "text": VACCINE},
    {"id": "ferry-b", "source": "selat.id", "title": "Merak Kembali Normal", "text": FERRY_EDITED},
    {"id": "library-copy", "source": "kota.id", "title": "Perpustakaan Buka Malam", "text": LIBRARY},
    {"id": "vaccine-teaser", "source": "sehat.id", "title": "Imunisasi Campak", "text": VACCINE_TEASER},
    {
        "id": "emas-senin",
        "source": "emas.id",
        "text": gold("Senin", "16 Juni 2025", ("1.910.000", "1.760.000", "9.250.000")),
    },
    {
        "id": "emas-selasa",
        "source": "emas.id",
        "text": gold("Selasa", "17 Juni 2025", ("1.925.000", "1.772.000", "9.320.000")),
    },
]


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    text: str = ""
    children: list[Element] = field(default_factory=list)


class Dom(HTMLParser):
    """A small DOM: every element with its attributes and the text inside it (descendants' text included)."""

    VOID = frozenset({"meta", "link", "br", "img", "input", "hr"})

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[Element] = []
        self.open: list[Element] = []
        self.feed(page)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {name: value or "" for name, value in attrs})
        if self.open:
            self.open[-1].children.append(element)
        self.elements.append(element)
        if tag not in self.VOID:
            self.open.append(element)

    def handle_endtag(self, tag: str) -> None:
        while self.open:
            if self.open.pop().tag == tag:
                break

    def handle_data(self, data: str) -> None:
        for element in self.open:
            element.text += data

    def find(self, tag: str | None = None, **attrs: str | None) -> list[Element]:
        """Elements with `tag` whose attributes hold each `name=value` (value None: present at all)."""
        found = []
        for element in self.elements:
            if tag is not None and element.tag != tag:
                continue
            wanted = {name.replace("_", "-"): value for name, value in attrs.items()}
            if all(n in element.attrs and (v is None or element.attrs[n] == v) for n, v in wanted.items()):
                found.append(element)
        return found


def descendants(element: Element) -> list[Element]:
    """Every element inside `element`, in document order."""
    found = []
    for child in element.children:
        found.append(child)
        found.extend(descendants(child))
    return found


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def invoke(args: list[str]) -> str:
    result = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def chromium_or_skip() -> str:
    """The Chromium binary; a skip with the reason when it is missing, a failure when CI is set."""
    binary = shutil.which("chromium")
    if binary:
        return binary
    if os.environ.get("CI"):
        pytest.fail(
            "chromium is not installed although CI is set: .ci/browser.sh installs it (apt-get install chromium)"
        )
    pytest.skip("chromium is not installed (apt-get install chromium): the page was not opened in a browser")


def rendered_dom(page: Path, fragment: str = "") -> str:
    """The DOM headless Chromium builds from `page` after its script ran. The browser runs in its own session
    and process group, which is killed at the end (and on timeout), so none of its helpers outlives the test."""
    binary = chromium_or_skip()
    with tempfile.TemporaryDirectory(prefix="newsclean-chromium-") as profile:
        browser = subprocess.Popen(
            [
                binary,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--no-first-run",
                "--no-default-browser-check",
                f"--user-data-dir={profile}",
                "--dump-dom",
                page.resolve().as_uri() + fragment,
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,
        )
        try:
            out, err = browser.communicate(timeout=BROWSER_SECONDS)
        finally:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(browser.pid, signal.SIGKILL)
            browser.wait()
    assert browser.returncode == 0, err[-2000:]
    assert "<html" in out, err[-2000:]
    return out


def removals_by_record(clean_jsonl: Path) -> dict[str, list[dict]]:
    records = [json.loads(line) for line in clean_jsonl.read_text(encoding="utf-8").splitlines()]
    return {r["id"]: r["newsclean"]["removals"] for r in records}


@pytest.fixture(scope="module")
def clean_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("clean-html")
    source = write_jsonl(folder / "articles.jsonl", ARTICLES)
    invoke(
        ["clean", str(source), "-o", str(folder / "clean.jsonl"), "--no-learn", "--html", str(folder / "report.html")]
    )
    return folder / "report.html", folder / "clean.jsonl"


def test_clean_page_marks_exactly_the_removed_text(clean_run: tuple[Path, Path]):
    page, clean_jsonl = clean_run
    dom = Dom(page.read_text(encoding="utf-8"))
    removals = removals_by_record(clean_jsonl)
    assert {r["kind"] for rs in removals.values() for r in rs} >= {"dateline", "related", "credit", "promo"}
    for record in ARTICLES:
        (article,) = [a for a in dom.find("article", data_item=None) if f"id {record['id']}" in a.text]
        marks = [e for e in descendants(article) if e.tag == "del" and "data-r" in e.attrs]
        expected = removals[record["id"]]
        assert len({n for m in marks for n in m.attrs["data-r"].split()}) == len(expected)
        for number, removal in enumerate(expected):
            covering = [m for m in marks if str(number) in m.attrs["data-r"].split()]
            assert "".join(m.text for m in covering) == removal["text"]
            assert all(f"{removal['kind']} · {removal['rule']}" in m.attrs["title"] for m in covering)
        shown = next(e for e in article.children if e.attrs.get("class") == "text")
        assert shown.text == normalize(record["text"])


def test_clean_page_has_counts_filters_and_inert_text(clean_run: tuple[Path, Path]):
    page, _ = clean_run
    text = page.read_text(encoding="utf-8")
    dom = Dom(text)
    assert [s.attrs["data-filter"] for s in dom.find("select", data_filter=None)] == ["kind", "rule", "source"]
    assert dom.find("div", id="filters", hidden="") and not dom.find("article", hidden="")
    assert "every sampled article is shown" in dom.find("noscript")[0].text
    rule_cells = [e.text for e in dom.find("code")]
    assert {"dateline.city_brand", "related.line", "credit.code_line"} <= set(rule_cells)
    assert len(dom.find("script")) == 1 and not dom.find("img")
    assert "&lt;script&gt;document.title=&#x27;dibobol&#x27;&lt;/script&gt;" in text
    assert "Harga &lt;b&gt;Cabai&lt;/b&gt; &amp; Bawang Naik" in text
    assert not any(e.attrs.get("src") or e.attrs.get("href", "#").startswith(("http", "//")) for e in dom.elements)
    policy = dom.find("meta", http_equiv="Content-Security-Policy")[0].attrs["content"]
    assert "default-src 'none'" in policy


def test_clean_page_in_a_browser(clean_run: tuple[Path, Path]):
    page, _ = clean_run
    dom = Dom(rendered_dom(page))
    assert dom.find("html", data_filters="ready")
    assert not dom.find("div", id="filters", hidden="")
    assert dom.find("output", id="shown")[0].text == "3 of 3 shown"
    assert [t.text for t in dom.find("title")] == ["newsclean clean: " + str(page.parent / "articles.jsonl")]
    marked = {m.text for m in dom.find("del", data_mark=None)}
    assert {"JAKARTA, KOMPAS.com -", "(ant/rdn)", "Baca juga: Stok Beras Aman Hingga Akhir Tahun"} <= marked
    assert not dom.find("img") and len(dom.find("script")) == 1
    filtered = Dom(rendered_dom(page, "#kind=promo"))
    hidden = {a.attrs["id"] for a in filtered.find("article", hidden="")}
    assert len(hidden) == 2 and filtered.find("output", id="shown")[0].text == "1 of 3 shown"
    assert [m.text for m in filtered.find("del", data_mark=None) if "dim" not in m.attrs.get("class", "")] == [
        "Simak berita dan artikel lainnya di Google News"
    ]


def test_clean_page_for_a_text_article(tmp_path: Path):
    article = tmp_path / "banjir.txt"
    article.write_text(ARTICLES[0]["text"], encoding="utf-8")
    invoke(["clean", str(article), "-o", str(tmp_path / "clean.txt"), "--html", str(tmp_path / "page.html")])
    dom = Dom((tmp_path / "page.html").read_text(encoding="utf-8"))
    assert "(ant/rdn)" in {m.text for m in dom.find("del", data_mark=None)}


def test_clean_page_sample_is_bounded_and_the_same_for_any_worker_count(tmp_path: Path):
    many = [dict(ARTICLES[n % 3], id=f"a{n}") for n in range(260)]
    source = write_jsonl(tmp_path / "many.jsonl", many)
    pages = []
    for workers in ("1", "2"):
        page = tmp_path / f"page-{workers}.html"
        invoke(
            [
                "clean",
                str(source),
                "-o",
                str(tmp_path / "out.jsonl"),
                "--no-learn",
                "--workers",
                workers,
                "--html",
                str(page),
            ]
        )
        pages.append(page.read_text(encoding="utf-8"))
    assert pages[0] == pages[1]
    dom = Dom(pages[0])
    shown = dom.find("article", data_item=None)
    assert len(shown) == 100
    assert len({a.attrs["id"] for a in shown}) == 100
    assert "Sample: 100 of 260 articles" in pages[0]


def test_a_long_article_is_cut_before_a_removal_not_inside_one(tmp_path: Path):
    paragraph = (
        "Pemerintah daerah menyiapkan anggaran tambahan untuk memperbaiki saluran air di kawasan padat penduduk "
        "agar genangan tidak lagi mengganggu warga setiap kali hujan turun deras pada sore hari."
    )
    related = "Baca juga: Saluran Air Kota Diperbaiki Bertahap Tahun Ini"
    parts: list[str] = []
    while len("\n\n".join(parts)) < 19_960:
        parts.append(f"{paragraph} Bagian {len(parts)}.")
        if len(parts) % 10 == 9:
            parts.append(f"{related} (bagian {len(parts)})")
    straddling = len("\n\n".join(parts)) + 2
    parts.append(f"{related}, Warga Diminta Melapor Bila Genangan Muncul Lagi")
    parts.extend(f"{paragraph} Penutup {n}." for n in range(20))
    record = {"id": "panjang", "title": "Saluran Air", "text": "\n\n".join(parts)}
    source = write_jsonl(tmp_path / "long.jsonl", [record])
    page = tmp_path / "page.html"
    invoke(["clean", str(source), "-o", str(tmp_path / "clean.jsonl"), "--no-learn", "--html", str(page)])
    (removals,) = removals_by_record(tmp_path / "clean.jsonl").values()
    assert any(r["start"] == straddling < 20_000 < r["end"] for r in removals)
    dom = Dom(page.read_text(encoding="utf-8"))
    (article,) = dom.find("article", data_item=None)
    shown = next(e for e in article.children if e.attrs.get("class") == "text").text
    normalized = normalize(record["text"])
    assert len(shown) == straddling and normalized.startswith(shown)
    marks = [e for e in descendants(article) if e.tag == "del"]
    inside = [r for r in removals if r["end"] <= len(shown)]
    assert len(inside) >= 5 and [m.text for m in marks] == [r["text"] for r in inside]
    note = f"… {len(normalized) - len(shown):,} more characters not shown ({len(removals) - len(inside)} removals"
    assert note in article.text


def test_crossing_removals_are_each_marked_exactly():
    text = "Tonton juga siaran langsung pertandingan di sini: link streaming."
    spans = [Span(0, 49, "promo", "learned.segment"), Span(12, 65, "other", "other.leftover_punctuation")]
    dom = Dom(mark_removals(text, spans, 1000).html)
    marks = dom.find("del")
    assert [m.attrs["data-r"] for m in marks] == ["0", "0 1", "1"]
    for number, span in enumerate(spans):
        assert "".join(m.text for m in marks if str(number) in m.attrs["data-r"].split()) == text[span.start : span.end]
    assert marks[1].attrs["title"] == "promo · learned.segment\nother · other.leftover_punctuation"


@pytest.fixture(scope="module")
def dedupe_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[dict]]:
    folder = tmp_path_factory.mktemp("dedupe-html")
    source = write_jsonl(folder / "articles.jsonl", RECORDS)
    clusters = folder / "clusters.jsonl"
    invoke(
        [
            "dedupe",
            str(source),
            "-o",
            str(folder / "kept.jsonl"),
            "--clusters",
            str(clusters),
            "--html",
            str(folder / "report.html"),
        ]
    )
    verdicts = [json.loads(line) for line in clusters.read_text(encoding="utf-8").splitlines()]
    return folder / "report.html", verdicts


def test_dedupe_page_shows_every_pair_with_its_relation(dedupe_run: tuple[Path, list[dict]]):
    page, verdicts = dedupe_run
    relations = {v["id"]: v.get("relation") for v in verdicts}
    assert relations == {
        "ferry-a": None,
        "library": None,
        "vaccine-full": None,
        "ferry-b": "near",
        "library-copy": "exact",
        "vaccine-teaser": "contained",
        "emas-senin": "template",
        "emas-selasa": "template",
    }
    dom = Dom(page.read_text(encoding="utf-8"))
    pairs = dom.find("div", data_mark=None)
    assert sorted(p.attrs["data-relation"] for p in pairs) == ["contained", "exact", "near", "template"]
    by_relation = {p.attrs["data-relation"]: p for p in pairs}
    near = by_relation["near"]
    deleted = [e.text for e in descendants(near) if e.tag == "del"]
    inserted = [e.text for e in descendants(near) if e.tag == "ins"]
    assert deleted == ["pagi", "dua", "tetap", "berawan"]
    assert inserted == [
        "siang",
        "empat",
        "cenderung",
        "Operator menambah jadwal keberangkatan malam untuk mengurai sisa antrean",
    ]
    ferry_b = next(v for v in verdicts if v["id"] == "ferry-b")
    assert f"Jaccard {ferry_b['similarity']:.2f}" in near.text
    exact = by_relation["exact"]
    assert "No word differs: the text is shown once." in exact.text
    assert exact.text.count("Perpustakaan daerah membuka layanan") == 1
    assert "containment" in by_relation["contained"].text
    assert [s.attrs["data-filter"] for s in dom.find("select", data_filter=None)] == ["relation", "source"]


def test_dedupe_page_in_a_browser(dedupe_run: tuple[Path, list[dict]]):
    page, _ = dedupe_run
    dom = Dom(rendered_dom(page))
    assert dom.find("html", data_filters="ready")
    assert dom.find("output", id="shown")[0].text == "4 of 4 shown"
    assert {"siang", "empat", "cenderung"} <= {e.text for e in dom.find("ins")}
    filtered = Dom(rendered_dom(page, "#relation=template"))
    assert filtered.find("output", id="shown")[0].text == "1 of 4 shown"
    visible = [s for s in filtered.find("section", data_item=None) if "hidden" not in s.attrs]
    assert len(visible) == 1 and "emas" in visible[0].text


def test_dedupe_page_with_an_index(tmp_path: Path):
    source = write_jsonl(tmp_path / "day1.jsonl", RECORDS[:3])
    index = tmp_path / "archive.db"
    invoke(["dedupe", str(source), "-o", str(tmp_path / "kept1.jsonl"), "--index", str(index)])
    retold = FERRY.replace("Selasa pagi", "Selasa siang")
    today = write_jsonl(tmp_path / "day2.jsonl", [{"id": "ferry-today", "source": "selat.id", "text": retold}])
    page = tmp_path / "page.html"
    invoke(["dedupe", str(today), "-o", str(tmp_path / "kept2.jsonl"), "--index", str(index), "--html", str(page)])
    dom = Dom(page.read_text(encoding="utf-8"))
    (pair,) = dom.find("div", data_mark=None)
    assert pair.attrs["data-relation"] == "near"
    assert "indexed article ferry-a: its text is in the index, not in this run" in pair.text
    assert "Selasa siang" in pair.text


def test_dedupe_html_is_refused_by_the_dask_engine(tmp_path: Path):
    source = write_jsonl(tmp_path / "a.jsonl", RECORDS)
    result = CliRunner().invoke(
        cli,
        ["dedupe", str(source), "--engine", "dask", "-o", str(tmp_path / "out"), "--html", str(tmp_path / "p.html")],
    )
    assert result.exit_code == 2
    assert "--html: not available with --engine dask (use the local engine)" in result.output
    assert not (tmp_path / "p.html").exists()
