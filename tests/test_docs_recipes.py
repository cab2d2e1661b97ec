"""The recipes of the documentation (`docs/recipes/*.py`, shown on the Recipes page) run as shown.

Each recipe is imported from its file and run on articles written here: a dateline and a credit that cleaning
must remove, another outlet's copy that dedupe must drop, and (for the learned profile) one outlet's six
stories that close with the same subscription line.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

RECIPES = Path(__file__).resolve().parents[1] / "docs" / "recipes"

STORY = (
    "Dinas Perhubungan Kota Malang menambah dua puluh bus sekolah gratis yang melayani rute dari pinggiran kota "
    "menuju kawasan pendidikan mulai awal semester ini. Kepala dinas mengatakan tambahan armada itu dibeli dari "
    "anggaran perubahan setelah orang tua murid mengeluhkan ongkos angkutan yang terus naik sejak tahun lalu."
)
OTHER = (
    "Banjir merendam ratusan rumah di tiga desa di Kabupaten Kendal setelah hujan deras mengguyur sejak Sabtu "
    "malam. Warga mengungsi ke balai desa dan masjid terdekat, sementara petugas membagikan makanan siap saji."
)
ARTICLES = [
    {"id": "a", "source": "kabarmalang.id", "title": "Bus Sekolah Gratis",
     "text": f"MALANG, KABARMALANG.id - {STORY}\n(ant/rdp)"},
    {"id": "b", "source": "wartajatim.com", "title": "Bus Sekolah", "text": f"Malang (ANTARA) - {STORY}"},
    {"id": "c", "source": "kabarkendal.id", "title": None, "text": OTHER},
]
SUBSCRIPTION = "Dukung jurnalisme lokal dengan berlangganan Kabarkita Plus"
OUTLET_STORIES = [
    "Harga cabai rawit di pasar Bandung naik dua kali lipat dalam sepekan terakhir. Pedagang menyebut pasokan "
    "dari sentra produksi berkurang karena hujan.",
    "Pemerintah kota membuka lowongan guru honorer untuk dua ratus sekolah dasar. Pendaftaran dibuka secara "
    "daring hingga akhir bulan.",
    "Jalan tol baru di Sumatera Utara mulai dibuka untuk umum pada pekan depan. Pengelola menggratiskan tarif "
    "selama dua minggu pertama.",
    "Tim bulu tangkis putri melaju ke semifinal setelah menang dua gim langsung. Pelatih memuji ketenangan para "
    "pemain muda di lapangan.",
    "Harga emas batangan turun tipis pada perdagangan pagi ini di Jakarta. Analis memperkirakan harga kembali "
    "naik menjelang akhir tahun.",
    "Ribuan warga memadati alun-alun untuk menyaksikan festival budaya tahunan. Panitia menyiapkan dua panggung "
    "dan puluhan stan kuliner khas daerah.",
]


def recipe(name: str) -> ModuleType:
    """A recipe module, loaded from its file as a reader would copy it."""
    spec = importlib.util.spec_from_file_location(f"recipe_{name}", RECIPES / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_pandas_recipe_cleans_a_frame_and_keeps_one_row_per_story():
    pd = pytest.importorskip("pandas")
    pandas_recipe = recipe("pandas_recipe")
    frame = pandas_recipe.clean_frame(pd.DataFrame(ARTICLES))
    assert frame.loc[0, "clean_text"] == STORY and frame.loc[1, "clean_text"] == STORY
    assert frame.loc[0, "removed"] == ["dateline", "credit"]
    assert frame.loc[0, "text"].startswith("MALANG, KABARMALANG.id")

    stories = pandas_recipe.dedupe_frame(frame)
    assert stories["id"].tolist() == ["a", "c"]
    assert stories["cluster"].nunique() == 2


def test_pandas_recipe_learns_an_outlets_line_from_the_frame():
    pd = pytest.importorskip("pandas")
    pandas_recipe = recipe("pandas_recipe")
    rows = [{"id": n, "source": "Kabarkita.id", "text": f"{text}\n{SUBSCRIPTION}"} for n, text in enumerate(OUTLET_STORIES)]
    cleaned = pandas_recipe.clean_frame_with_profile(pd.DataFrame(rows))
    assert cleaned["clean_text"].tolist() == OUTLET_STORIES


def test_pyarrow_recipe_cleans_a_parquet_file_batch_by_batch(tmp_path):
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    pyarrow_recipe = recipe("pyarrow_recipe")
    rows = [*ARTICLES, {"id": "d", "source": "kabarkendal.id", "title": None, "text": None}]
    pq.write_table(pa.Table.from_pylist(rows), tmp_path / "articles.parquet")

    written = pyarrow_recipe.clean_parquet(str(tmp_path / "articles.parquet"), str(tmp_path / "clean.parquet"),
                                           batch_size=2)
    table = pq.read_table(tmp_path / "clean.parquet")
    assert written == table.num_rows == 4
    assert table.column("clean_text").to_pylist() == [STORY, STORY, OTHER, None]
    assert table.column("removed").to_pylist()[0] == ["dateline", "credit"]

    kept = pyarrow_recipe.dedupe_table(pa.Table.from_pylist(ARTICLES))
    assert kept.column("id").to_pylist() == ["a", "c"]


def test_datasets_recipe_maps_in_batches_and_keeps_one_row_per_story():
    datasets = pytest.importorskip("datasets")
    datasets_recipe = recipe("datasets_recipe")
    ds = datasets.Dataset.from_list(ARTICLES)
    cleaned = datasets_recipe.clean_dataset(ds)
    assert cleaned["clean_text"] == [STORY, STORY, OTHER]
    assert cleaned["removed"][0] == ["dateline", "credit"]

    kept = datasets_recipe.dedupe_dataset(cleaned)
    assert kept["id"] == ["a", "c"]
    assert len(set(kept["cluster"])) == 2
