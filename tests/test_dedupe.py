"""Behaviour of `newsclean.dedupe`: seeds, republications, chains, keep rules, rejects, determinism."""

from __future__ import annotations

import random
import textwrap
from pathlib import Path

import numpy as np
import pytest

from newsclean import Article, DedupeConfig, dedupe
from newsclean.clusters import jaccard, star_clusters
from newsclean.io import Reject
from newsclean.lsh import MAX_CODED_SPAN, BandIndex, candidate_probability, choose_bands, unique_pairs
from newsclean.shingle import shingles

SEEDS = Path(__file__).resolve().parents[1] / "seeds"

STORY = (
    "Jakarta (ANTARA) - Pemerintah Provinsi DKI Jakarta menyiapkan 1.200 personel gabungan untuk "
    "mengamankan\n"
    "perayaan malam tahun baru di kawasan Monas dan Bundaran HI, kata Kepala Satpol PP DKI Arifin di "
    "Balai Kota pada Senin (30/12).\n"
    "Menurut Arifin, personel itu terdiri atas petugas Satpol PP, Dinas Perhubungan, pemadam "
    "kebakaran dan tenaga kesehatan yang\n"
    "akan disiagakan sejak sore hari hingga acara selesai.\n"
    '"Kami sudah berkoordinasi dengan kepolisian dan TNI agar masyarakat bisa merayakan pergantian '
    'tahun dengan aman dan nyaman,"\n'
    "kata Arifin kepada wartawan.\n"
    "Ia menambahkan pengunjung diimbau tidak membawa kembang api berukuran besar serta menggunakan "
    "transportasi umum karena sejumlah\n"
    "ruas jalan di sekitar Jalan MH Thamrin dan Jalan Sudirman akan ditutup mulai pukul 18.00 WIB.\n"
    "Dinas Perhubungan juga menyiapkan kantong parkir di Lapangan IRTI Monas, Gedung Sarinah dan "
    "Stasiun Gondangdia bagi warga yang\n"
    "datang dengan kendaraan pribadi, serta menambah jadwal perjalanan bus Transjakarta hingga pukul "
    "02.00 WIB.\n"
)

OTHER = (
    "Surabaya - Harga cabai rawit di sejumlah pasar tradisional di Kota Surabaya naik menjadi "
    "Rp80.000 per kilogram dalam sepekan\n"
    "terakhir akibat curah hujan tinggi yang membuat pasokan dari petani di Kediri dan Malang "
    "berkurang.\n"
    "Seorang pedagang di Pasar Keputran, Siti Aminah, mengatakan kenaikan harga sudah terjadi sejak "
    "awal bulan dan membuat pembeli\n"
    "mengurangi jumlah belanja mereka.\n"
    '"Biasanya orang beli setengah kilo, sekarang cuma seperempat," ujar Siti saat ditemui pada '
    "Selasa (14/1).\n"
    "Dinas Perdagangan Jawa Timur berencana menggelar operasi pasar di lima titik untuk menekan harga"
    " agar kembali normal menjelang\n"
    "perayaan Imlek pada akhir bulan ini.\n"
)


def republished(text: str) -> str:
    """The story as another outlet carries it: own dateline, a `Baca juga` line, a credit."""
    lines = text.strip().split("\n")
    lines[0] = lines[0].replace("Jakarta (ANTARA) - ", "JAKARTA, KOMPAS.com - ")
    lines.insert(4, "Baca juga: Polisi Siapkan Rekayasa Lalu Lintas di Jakarta Pusat Jelang Tahun Baru")
    lines.append("(ant/red)")
    return "\n".join(lines)


def seed(prefix: str) -> str:
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def seed_004_other_outlet() -> str:
    """Seed 004 as another outlet carries it: own dateline, no teaser or repeated block, a Baca juga line."""
    text = seed("004")
    body = text.split("INDOPOST, MOSKOW - ", 1)[1]
    paragraphs = [p for p in body.split("\n")]
    joined = " ".join(paragraphs)
    half = joined.split('"Tapi sayangnya')[0]
    quote = '"Tapi sayangnya' + joined.split('"Tapi sayangnya')[1]
    return (
        "MOSKOW, KOMPAS.com - "
        + half.strip()
        + "\nBaca juga: Rusia dan AS Sepakati Gencatan Senjata di Suriah\n"
        + quote.split("(esn/indo)")[0].strip()
    )


def test_seeds_are_different_stories_and_004_merges_with_its_republication():
    records = [
        {"id": "000", "text": seed("000")},
        {"id": "004", "text": seed("004")},
        {"id": "004-other", "text": seed_004_other_outlet()},
    ]
    result = dedupe(records)
    v = {x.id: x for x in result.verdicts()}
    assert v["000"].cluster != v["004"].cluster
    assert v["004-other"].cluster == v["004"].cluster
    assert v["004-other"].duplicate_of == "004" and not v["004-other"].kept
    assert v["004-other"].similarity >= DedupeConfig().threshold


def test_outlet_republication_needs_cleaning_to_be_found():
    records = [
        {"id": "a", "text": STORY},
        {"id": "b", "text": republished(STORY)},
        {"id": "c", "text": OTHER},
    ]
    cleaned = dedupe(records)
    assert [cleaned.verdict(i).duplicate_of for i in range(3)] == [None, "a", None]
    # Cleaning removes the dateline, the insert and the credit: what is left is the same words.
    assert cleaned.verdict(1).relation == "exact" and cleaned.similarity[1] == 1.0
    raw = dedupe(records, config=DedupeConfig(clean=False))
    assert raw.verdict(1).relation != "exact" and raw.similarity[1] < 1.0


def test_exact_duplicates_ignore_case_whitespace_and_wraps():
    wrapped = textwrap.fill(STORY.replace("\n", " "), 62)
    result = dedupe([{"id": 1, "text": STORY}, {"id": 2, "text": STORY.upper()}, {"id": 3, "text": STORY}])
    assert result.verdict(1).relation == "exact" and result.verdict(2).relation == "exact"
    assert result.stats.exact_duplicates == 2 and result.stats.kept == 1
    assert dedupe([{"text": STORY}, {"text": wrapped}]).stats.duplicates == 1


def _window_texts(width: int, step: int, count: int) -> list[str]:
    words = [f"kata{i}" for i in range(width + step * count)]
    return [" ".join(words[i * step : i * step + width]) for i in range(count)]


def test_chains_do_not_merge_unlike_ends():
    """A~B~C~D~E, each neighbour ~0.74 alike, the ends far apart: no cluster holds a pair below 2t-1."""
    texts = _window_texts(200, 30, 5)
    config = DedupeConfig(threshold=0.7, clean=False)
    result = dedupe([{"id": i, "text": t} for i, t in enumerate(texts)], config=config)
    sets = [np.unique(np.array([hash(s) for s in shingles(t)], dtype=np.int64)) for t in texts]
    assert jaccard(sets[0], sets[1]) > 0.7 and jaccard(sets[0], sets[2]) < 0.6
    assert result.stats.clusters >= 2
    for cluster in result.clusters():
        for a in cluster.members:
            for b in cluster.members:
                assert jaccard(sets[a], sets[b]) >= 2 * config.threshold - 1 - 1e-9


def test_star_clusters_anchor_every_member_and_keep_the_pair_floor():
    edges = np.array([[0, 1], [1, 2], [2, 3]])
    sims = np.array([0.8, 0.75, 0.9], dtype=np.float32)
    ones, zeros = np.ones(4, dtype=np.int64), np.zeros(4, dtype=np.int64)
    # 1 and 2 tie on degree; the lower node wins and takes 0 and 2; 3 is only like 2, so it stays alone.
    assert star_clusters(4, edges, sims, ones, zeros).tolist() == [1, 1, 1, 3]
    # With 0 and 2 only 0.5 alike and a floor of 0.6, 1 takes its closest neighbour (0); 2 then anchors 3.
    pair = {(0, 2): 0.5}
    similar = lambda x, y: pair.get((min(x, y), max(x, y)), 0.9)  # noqa: E731
    assert star_clusters(4, edges, sims, ones, zeros, similar=similar, floor=0.6).tolist() == [1, 1, 2, 2]


def test_order_and_chunking_do_not_change_clusters():
    base = [
        STORY,
        republished(STORY),
        OTHER,
        OTHER.replace("Rp80.000", "Rp85.000"),
        *_window_texts(200, 30, 5),
    ]
    records = [{"id": f"r{i}", "text": t} for i, t in enumerate(base)]

    def partition(recs, **kw):
        result = dedupe(recs, config=DedupeConfig(**kw))
        groups: dict[int, set[str]] = {}
        for v in result.verdicts():
            groups.setdefault(v.cluster, set()).add(v.id)
        return sorted(sorted(g) for g in groups.values())

    expected = partition(records)
    rng = random.Random(3)
    for _ in range(3):
        shuffled = records[:]
        rng.shuffle(shuffled)
        assert partition(shuffled, chunk_size=rng.randint(1, 4)) == expected
    assert partition(records, workers=2, chunk_size=2) == expected


def test_keep_rules_pick_the_right_copy():
    longer = STORY + "\nPolda Metro Jaya menurunkan 2.500 personel tambahan untuk mengatur arus lalu lintas."
    records = [
        {"id": "short", "text": STORY, "date": "2024-12-30T10:00:00+07:00"},
        {
            "id": "long",
            "text": longer,
            "date": "2024-12-29 20:00",
            "url": "https://x.id/a",
            "title": "Tahun Baru",
        },
    ]
    kept = {
        rule: dedupe(records, config=DedupeConfig(keep=rule)).verdict(0).kept
        for rule in ("first", "longest", "earliest", "most-complete")
    }
    assert kept == {"first": True, "longest": False, "earliest": False, "most-complete": False}
    result = dedupe(records, config=DedupeConfig(keep="longest"))
    assert result.verdict(0).duplicate_of == "long" and result.clusters(2)[0].representative == 1


def test_bad_records_are_rejected_not_dropped():
    items = [
        {"id": "ok", "text": STORY},
        {"id": "none"},
        {"id": "num", "text": 12},
        {"id": "blank", "text": "   "},
        {"id": "punct", "text": "... --- !!!"},
        Reject("in.jsonl", 7, "{broken", "malformed JSON: Expecting value"),
        Article(id="art", text=OTHER),
        {"id": "null", "text": None},
    ]
    result = dedupe(items)
    assert len(result) == len(items)
    reasons = {r.id: r.reason for r in result.rejects}
    assert set(reasons) == {"none", "num", "blank", "punct", 7, "null"}
    assert "not a string" in reasons["num"] and reasons[7].startswith("malformed JSON")
    assert reasons["none"] == "missing text: no 'text' field" and reasons["null"] == "missing text: 'text' is null"
    assert result.kept.tolist() == [True, False, False, False, False, False, True, False]
    assert result.verdict(2).cluster is None and result.verdict(2).reject
    assert result.stats.rejected == 6 and result.stats.compared == 2


def test_records_without_id_get_their_position():
    result = dedupe([{"text": STORY}, {"text": STORY}])
    assert result.ids == [1, 2] and result.verdict(1).duplicate_of == 1


def test_a_teaser_is_contained_in_its_full_article_and_dropped_by_default():
    teaser = " ".join(STORY.split()[:60])
    records = [{"id": "teaser", "text": teaser}, {"id": "full", "text": STORY}]
    result = dedupe(records)
    v = result.verdict(0)
    assert not v.kept and v.relation == "contained" and v.related_to == "full" and v.duplicate_of == "full"
    assert v.contained_in == "full" and v.containment >= 0.85 and v.cluster == result.verdict(1).cluster
    assert result.stats.contained == 1 and result.verdict(1).kept and result.verdict(1).relation is None


def test_a_teaser_stays_kept_when_contained_is_not_dropped():
    teaser = " ".join(STORY.split()[:60])
    result = dedupe(
        [{"id": "full", "text": STORY}, {"id": "teaser", "text": teaser}],
        config=DedupeConfig(drop=("exact", "near")),
    )
    v = result.verdict(1)
    assert v.kept and v.relation == "contained" and v.contained_in == "full" and v.containment >= 0.85
    assert result.stats.contained == 1 and result.verdict(0).contained_in is None


def test_lsh_layout_is_chosen_for_recall():
    bands, rows = choose_bands(0.8, 128)
    assert candidate_probability(0.8, bands, rows) >= 0.995 and bands * rows <= 128
    assert candidate_probability(0.8, 9, 13) < 0.5  # datasketch's own choice misses most pairs at 0.8


def test_band_index_insert_query_matches_bulk_pairs():
    rng = np.random.default_rng(0)
    sigs = rng.integers(0, 2**32, size=(6, 16), dtype=np.uint64).astype(np.uint32)
    sigs[3] = sigs[1]
    sigs[5, :4] = sigs[0, :4]
    index = BandIndex(4, 4)
    for key, sig in enumerate(sigs):
        index.insert(key, sig)
    assert index.query(sigs[1]) == [1, 3] and 0 in index.query(sigs[5])
    bulk = BandIndex(4, 4)
    bulk.insert_many(np.arange(6), sigs)
    assert bulk.pairs().tolist() == [[0, 5], [1, 3]]


def test_config_rejects_impossible_layouts():
    with pytest.raises(ValueError):
        DedupeConfig(bands=20, rows=10)
    with pytest.raises(ValueError):
        DedupeConfig(bands=4)
    with pytest.raises(ValueError):
        DedupeConfig(thresold=0.8)


def _bucket_pairs_spec(keys: np.ndarray, ids: np.ndarray, max_bucket: int) -> set[tuple[int, int]]:
    """Every bucket's pairs, one bucket at a time: a member pairs with each later member, and in a bucket over
    `max_bucket` only the first `max_bucket` members (in id order) open pairs."""
    members_of: dict[int, list[int]] = {}
    for key, ident in sorted(zip(keys.tolist(), ids.tolist(), strict=True)):
        members_of.setdefault(key, []).append(ident)
    return {
        (members[i], members[j])
        for members in members_of.values()
        for i in range(min(len(members), max_bucket))
        for j in range(i + 1, len(members))
    }


def test_band_pairs_equal_the_bucket_by_bucket_specification() -> None:
    rng = np.random.default_rng(3)
    for _ in range(150):
        n = int(rng.integers(0, 300))
        keys = rng.integers(0, n // 3 + 1, n).astype(np.uint64)
        ids = rng.permutation(2 * n)[:n].astype(np.int64)
        max_bucket = int(rng.integers(2, 8))
        found = {
            (int(a), int(b)) for block in BandIndex(1, 1, max_bucket).band_pairs(keys, ids) for a, b in block.tolist()
        }
        assert found == _bucket_pairs_spec(keys, ids, max_bucket)


@pytest.mark.parametrize("n", [1, 2, 7, 500])
def test_unique_pairs_are_the_unique_rows(n: int) -> None:
    rng = np.random.default_rng(n)
    for low in (0, 10**9, -(10**6)):
        pairs = rng.integers(low, low + n, size=(3 * n, 2), dtype=np.int64)
        found = unique_pairs(pairs)
        expected = np.unique(pairs, axis=0)
        assert found.dtype == expected.dtype and found.shape == expected.shape and (found == expected).all()
    wide = np.array([[0, MAX_CODED_SPAN + 5], [0, 1], [0, 1]], dtype=np.int64)
    assert unique_pairs(wide).tolist() == [[0, 1], [0, MAX_CODED_SPAN + 5]]
    assert unique_pairs(np.empty((0, 2), dtype=np.int64)).shape == (0, 2)
