"""The fast engine returns what the reference engine returns, field by field, and no removal depends on words
elsewhere in the article.

`newsclean.cleaner.reference` is the specification of `clean()`: every enabled rule on every paragraph of its
zone, no hints, no memo. The articles here are assembled from the rules' own positive and trap cases, from
boilerplate shapes of the kinds real scrapes carry (written here, in the shapes of ../shared/docs/
boilerplate-catalog.md), glued to their neighbours the ways scrapers glue them, with characters that case-fold
oddly (`İ`, `ſ`, the Kelvin sign), under the default config and under configs with rules and kinds turned off.
"""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsclean import CleanConfig, clean, normalize
from newsclean.cleaner.reference import clean_reference
from newsclean.cleaner.selection import TRIGGER_WORDS
from newsclean.patterns import REGISTRY, RULE_NAMES

PROSE = (
    "Harga beras di pasar tradisional naik dua kali dalam sepekan, kata pedagang setempat.",
    "Pemerintah daerah berjanji menggelar operasi pasar mulai pekan depan di tiga kecamatan.",
    "Menurut dia, pasokan dari sentra produksi di Jawa Tengah tersendat karena hujan deras.",
    '"Kami belum menerima laporan kenaikan dari pedagang," kata Kepala Dinas Perdagangan, Senin (12/5).',
    "Sementara itu, polisi masih menyelidiki penyebab kebakaran yang menghanguskan lima kios.",
    "Warga diminta tetap tenang dan tidak membeli bahan pokok secara berlebihan.",
    "Ia menambahkan, stok di gudang Bulog cukup untuk tiga bulan ke depan",
    "Pertandingan itu berakhir imbang 1-1 setelah gol penyeimbang pada menit ke-88.",
    "Dilansir dari akun Instagramnya, penyanyi itu tampil di Jakarta pekan lalu.",
    "Ia berlangganan koran sejak muda dan kini membaca berita di aplikasi ponsel.",
    "Kepala sekolah itu meminta maaf kepada orang tua murid (dokter, guru, dan pegawai).",
    "Rapat itu dihadiri Direktur Utama PT Kabar Media, Budi Santoso, dan para manajer.",
)

#: Boilerplate in the shapes scrapers leave it: datelines, lines of their own, inserts, credits and footers.
INSERTS = (
    "JAKARTA, KABARKITA.com - ",
    "Jakarta (ANTARA) - ",
    "Warta6.com, Bandung - ",
    "KABARKITA.CO.ID, SURABAYA -- ",
    "SURABAYA - ",
    "Posmetro-Medan. ",
    "Baca juga: Harga Cabai Turun Jelang Lebaran",
    "Baca Juga",
    "Bacajuga: Wali Kota Resmikan Pasar Baru",
    "Wali Kota Resmikan Pasar Baru di Cimahi",
    "Advertisement",
    "ADVERTISEMENT",
    "SCROLL TO CONTINUE WITH CONTENT",
    "Foto: Andi Wijaya/kabarkita",
    "Ilustrasi pasar tradisional di Jakarta",
    "GoogleIlustrasi sistem operasi ponsel",
    "SUZUKIIlustrasi cek kondisi ban mobil",
    "(Tribunnews/Herudin)",
    "(AFPI)",
    "(dokter)",
    "(esn/indo)",
    "(Sputnik)",
    "Editor: Oki Budiman",
    "Penulis: Arby Salim | Editor: Rahmad",
    "Pewarta: Andi Wijaya Editor: Budi Santoso Copyright © ANTARA 2025",
    "Copyright 2008 - 2025 PT. Kabar Media",
    "ADVERTISEMENTCopyright 2024 PT Kabar Media",
    "(c) 2024 PT Kabar Media",
    "Artikel ini telah tayang di Kabarkita.com dengan judul Harga Cabai Naik",
    "Ikuti WhatsApp Channel Kabarkita",
    "Yuk, intip potret terbarunya di akun Instagramnya, Kamis (19/6/2025).",
    "Saksikan LiveDetikpagi:",
    "Saksikan perebutan juara dengan berlangganan paket olahraga mulai dari Rp 36.000 saja!",
    "Simak berita selengkapnya di halaman selanjutnya.",
    "Kalau bukan sekarang, kapan lagi?",
    "[Gambas:Video 20detik]",
    "pic.twitter.com/AbC123xyz",
    "A post shared by Dapur Kita (@dapurkita)",
    "Baca berita Kabarkita lainnya di Google News.",
    "0 Komentar",
    "sumber : ANTARA",
    "Laporan Wartawan Kabarkita.com, Zharfan Muhana",
    "… [+2570 chars]",
    ",,,,loading...",
    "* * *",
    "Prof. Dr. Budi Santoso",
    "Guru Besar Universitas Kita",
    "mahasiswa demo",
    "luna maya",
)
#: How a scraper joins two pieces: a paragraph break, a line break, a space, or nothing at all.
GLUES = ("\n\n", "\n", " ", "", ".", ". ")
#: Characters whose case folding or lowercase holds an ASCII letter, or that `regex` matches to one ignoring case.
ODD_CASE = ("İ", "ſ", "\u212a", "ß", "ﬁ", "\u0307", "ı")

EXAMPLES = tuple(text for entry in REGISTRY for text, _ in entry.positives) + tuple(
    text for entry in REGISTRY for text in entry.traps
)
TITLE = "Harga Beras Naik Lagi"


def _same(text: str, title: str | None, config: CleanConfig) -> None:
    fast = clean(text, title=title, config=config).model_dump()
    reference = clean_reference(text, title=title, config=config).model_dump()
    assert fast == reference, text


def _article(rng: random.Random) -> str:
    pieces: list[str] = []
    for _ in range(rng.randint(1, 9)):
        roll = rng.random()
        if roll < 0.4:
            piece = rng.choice(PROSE)
        elif roll < 0.85:
            piece = rng.choice(INSERTS)
        else:
            piece = rng.choice(EXAMPLES)
        if rng.random() < 0.08:
            at = rng.randint(0, len(piece))
            piece = piece[:at] + rng.choice(ODD_CASE) + piece[at:]
        if rng.random() < 0.1:
            piece = piece.upper() if rng.random() < 0.5 else piece.lower()
        pieces.append(piece)
        pieces.append(rng.choice(GLUES))
    return "".join(pieces)


def _config(rng: random.Random) -> CleanConfig:
    roll = rng.random()
    if roll < 0.7:
        return CleanConfig()
    if roll < 0.85:
        return CleanConfig(disabled_rules=frozenset(rng.sample(sorted(RULE_NAMES), rng.randint(1, 6))))
    return CleanConfig(
        disabled_kinds=frozenset(rng.sample(["dateline", "credit", "caption", "related", "promo", "repeat"], 2)),
        rejoin_lines=rng.random() < 0.5,
        normalize=rng.random() < 0.8,
    )


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(min_value=0, max_value=2**32 - 1))
def test_fast_engine_is_the_reference_on_generated_articles(seed: int) -> None:
    rng = random.Random(seed)
    _same(_article(rng), TITLE if rng.random() < 0.3 else None, _config(rng))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    pieces=st.lists(st.sampled_from(PROSE + INSERTS + EXAMPLES), min_size=1, max_size=8),
    glues=st.lists(st.sampled_from(GLUES), min_size=8, max_size=8),
)
def test_fast_engine_is_the_reference_on_glued_pieces(pieces: list[str], glues: list[str]) -> None:
    text = "".join(piece + glue for piece, glue in zip(pieces, glues, strict=False))
    _same(text, None, CleanConfig())


def test_fast_engine_is_the_reference_on_a_seeded_corpus() -> None:
    """2,000 synthetic articles, the same every run (seed 16)."""
    rng = random.Random(16)
    for _ in range(2_000):
        _same(_article(rng), TITLE if rng.random() < 0.3 else None, _config(rng))


@pytest.mark.parametrize("text", EXAMPLES[:: max(1, len(EXAMPLES) // 40)])
def test_fast_engine_is_the_reference_on_every_rule_example(text: str) -> None:
    _same(text, TITLE, CleanConfig())


#: Every trigger word of the catalogue, as one paragraph of lowercase prose: present in an article, it selects
#: every rule with a word trigger.
EVERY_TRIGGER = "warga " + " ".join(word.decode() for word in TRIGGER_WORDS) + " dan lainnya."


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(min_value=0, max_value=2**32 - 1))
def test_a_removal_never_depends_on_words_elsewhere_in_the_article(seed: int) -> None:
    """Adding a paragraph of every trigger word in the middle of an article changes no removal outside it."""
    rng = random.Random(seed)
    # Distinct prose: a repeated paragraph is judged by its neighbours (a block of repeats), which an inserted
    # paragraph would part; that is its place, not the words elsewhere.
    prose = rng.sample(PROSE, len(PROSE))
    paragraphs = prose[:6]
    for number in range(rng.randint(1, 4)):
        at = rng.randint(0, len(paragraphs))
        paragraphs.insert(at, rng.choice(INSERTS) + rng.choice(("", " ")) + prose[6 + number])
    paragraphs += [prose[-1], rng.choice(INSERTS)]
    without = "\n\n".join(paragraphs)
    middle = len(paragraphs) // 2 + 2
    with_words = "\n\n".join([*paragraphs[:middle], EVERY_TRIGGER, *paragraphs[middle:]])
    inserted_at = normalize(with_words).find(EVERY_TRIGGER)
    inserted_end = inserted_at + len(EVERY_TRIGGER)
    before = [(r.rule, r.text) for r in clean(without).removals]
    after = [
        (r.rule, r.text)
        for r in clean(with_words).removals
        if not (inserted_at <= r.start and r.end <= inserted_end)
    ]
    assert after == before


def test_a_marker_a_cut_joins_into_running_text_is_split_as_the_reference_splits_it() -> None:
    """Cutting `,,,,loading...` joins `Advertisement` (a line's end before) into running text, where
    `normalize` splits at it; the fast engine renormalizes such an output as the reference does on every pass
    (found by hypothesis, seed 37503)."""
    text = (
        "Rapat itu dihadiri Budi Santoso. Advertisement\n,,,,loading... Sayur yang harganya naik antara lain "
        "gambas, terong, dan kacang panjang.\nHarga beras di pasar tradisional naik dua kali dalam sepekan."
    )
    _same(text, None, CleanConfig())
    assert "Advertisement" not in clean(text).text
