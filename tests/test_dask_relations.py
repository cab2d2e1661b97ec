"""The Dask engine's word-coverage relations equal the local engine's, line for line, on a real LocalCluster.

The corpus is generated here, with each relation planted: teasers and first pages that lie inside a longer
story (`contained`), one outlet's daily schedule with other dates and figures (`template`), re-led copies
with link holes whose Jaccard is far below the threshold but whose words are covered (`near` by
resemblance), exact copies, unrelated stories, a record without an id and rejects. Every option
combination that changes a decision (`containment`, `drop`, `resemblance`, `--jaccard-only`, `keep`) is
run on several partitionings and compared with `newsclean.dedupe`.
"""

from __future__ import annotations

import json
import random
from collections import Counter
from pathlib import Path

import pytest

dask_bag = pytest.importorskip("dask.bag")
pytest.importorskip("distributed")

from click.testing import CliRunner  # noqa: E402

import newsclean.dask as newsclean_dask  # noqa: E402
from newsclean import DedupeConfig, dedupe  # noqa: E402
from newsclean.cli import cli  # noqa: E402

NOUN_WORDS = (
    "nelayan perahu dermaga pelabuhan ikan cuaca gelombang angin laut pantai desa kecamatan camat lurah "
    "petani sawah irigasi pupuk panen gabah gudang koperasi bank kredit usaha pasar toko pedagang sayur "
    "sekolah murid guru kelas ruang buku perpustakaan rumah sakit puskesmas bidan obat pasien ambulans "
    "jalan jembatan aspal truk proyek kontraktor anggaran dewan fraksi rapat sidang hakim jaksa saksi "
    "polisi warga relawan posko banjir longsor sungai tanggul pompa listrik air bersih sumur kebun kopi"
)
VERB_WORDS = (
    "memeriksa meninjau membangun memperbaiki menyalurkan menambah mengurangi menolak menyetujui membahas "
    "melaporkan mencatat menunggu mengirim menerima menanam memanen menjual membeli menutup membuka"
)
NOUNS = NOUN_WORDS.split()
VERBS = VERB_WORDS.split()
LINKS = ("kata", "ujar", "menurut", "bahwa", "yang", "dengan", "untuk", "dari", "pada", "dalam", "karena", "agar")
OUTLETS = ("kabarpesisir.id", "warta-desa.com", "suaratimur.co.id", "beritakita.net")


def sentence(rng: random.Random) -> str:
    words: list[str] = []
    for _ in range(rng.randint(9, 15)):
        pick = rng.random()
        words.append(rng.choice(VERBS) if pick < 0.2 else rng.choice(LINKS) if pick < 0.4 else rng.choice(NOUNS))
    return " ".join(words).capitalize() + "."


def story(rng: random.Random, paragraphs: int) -> list[str]:
    return [" ".join(sentence(rng) for _ in range(rng.randint(3, 4))) for _ in range(paragraphs)]


def re_led(paragraphs: list[str], rng: random.Random) -> str:
    """A desk copy: a new lead paragraph, and every 9th-13th word of the rest lost (a scraper's link hole)."""
    words = " ".join(paragraphs[1:]).split(" ")
    kept: list[str] = []
    gap = rng.randint(9, 13)
    for i, word in enumerate(words):
        if i % gap != gap - 1:
            kept.append(word)
    return " ".join(story(rng, 1)) + "\n" + " ".join(kept)


def schedule(day: int, rng: random.Random) -> str:
    """One outlet's daily table: the same prose every day, a number in every seventh word, a day name."""
    days = ("senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu")
    lines = [f"Jadwal kapal penyeberangan hari {days[day % 7]} tanggal {day + 1} maret dari dermaga timur."]
    for harbour in ("utara", "selatan", "barat", "tengah", "lama", "baru", "pulau", "teluk"):
        lines.append(
            f"Kapal menuju dermaga {harbour} berangkat pukul {rng.randint(5, 22)} lewat "
            f"{rng.randint(10, 59)} menit dengan tarif {rng.randint(20, 90)} ribu rupiah untuk penumpang "
            f"dewasa dan {rng.randint(5, 19)} ribu untuk anak anak yang ikut serta."
        )
    return "\n".join(lines)


def corpus(seed: int = 11, stories: int = 70) -> list[dict]:
    rng = random.Random(seed)
    records: list[dict] = []

    def add(text: str, **extra: object) -> None:
        record: dict = {"id": f"r{len(records)}", "text": text, "source": rng.choice(OUTLETS), **extra}
        record["date"] = f"2025-03-{rng.randint(10, 28)}T07:00:00+07:00"
        records.append(record)

    for _ in range(stories):
        paragraphs = story(rng, rng.randint(6, 9))
        add("\n".join(paragraphs))
        roll = rng.random()
        if roll < 0.3:
            teaser = "\n".join(paragraphs[:2]) + "\nBaca selengkapnya di halaman berikut."
            for _ in range(rng.choice((1, 1, 2))):
                add(teaser)
        elif roll < 0.55:
            add(re_led(paragraphs, rng))
        elif roll < 0.7:
            add("\n".join(paragraphs))
            add("\n".join(paragraphs[: rng.randint(2, 3)]))
        elif roll < 0.85:
            add(re_led(paragraphs, rng))
            add("\n".join(paragraphs[:2]))
    for day in range(12):
        add(schedule(day, rng), source="jadwalpelabuhan.id")
    rng.shuffle(records)
    records.insert(len(records) // 3, {"text": "\n".join(story(rng, 3))})
    records.insert(len(records) // 2, {"id": "kosong", "text": "   "})
    records.insert(len(records) // 2, {"id": "tanpa-teks", "title": "judul saja"})
    return records


@pytest.fixture(scope="module")
def records() -> list[dict]:
    return corpus()


def local_lines(records: list[dict], config: DedupeConfig) -> list[dict]:
    return [v.to_json() for v in dedupe(records, config=config).verdicts()]


def dask_lines(records: list[dict], config: DedupeConfig, npartitions: int, partitions: int | None = None) -> list:
    bag = dask_bag.from_sequence(records, npartitions=npartitions)
    return newsclean_dask.dedupe(bag, config=config, partitions=partitions).compute()


def test_the_corpus_holds_every_relation(records):
    """The default run finds each planted relation, so the comparisons below compare something."""
    relations = Counter(line.get("relation") for line in local_lines(records, DedupeConfig()))
    assert relations["contained"] >= 10
    assert relations["template"] >= 8
    assert relations["exact"] >= 5
    lines = local_lines(records, DedupeConfig())
    by_resemblance = [
        line for line in lines if line.get("relation") == "near" and line["similarity"] < 0.7 <= line["resemblance"]
    ]
    assert len(by_resemblance) >= 10
    assert sum(1 for line in lines if line.get("reject")) == 2


CONFIGS = {
    "default": DedupeConfig(),
    "drop-all": DedupeConfig(drop=("exact", "near", "contained", "template")),
    "keep-contained": DedupeConfig(drop=("exact", "near")),
    "containment-0.6-longest": DedupeConfig(containment=0.6, keep="longest"),
    "no-containment": DedupeConfig(containment=None),
    "no-resemblance-earliest": DedupeConfig(resemblance=False, keep="earliest"),
    "jaccard-only": DedupeConfig().jaccard_only(),
}


@pytest.mark.parametrize("name", list(CONFIGS))
@pytest.mark.parametrize(("npartitions", "partitions"), [(2, None), (7, 5)])
def test_same_lines_as_the_local_engine(client, records, name, npartitions, partitions):
    config = CONFIGS[name]
    assert dask_lines(records, config, npartitions, partitions) == local_lines(records, config)


def test_dropped_contained_records_point_at_their_container(client, records):
    """What `drop` changes is visible: a contained record leaves the kept set for its container's story."""
    lines = dask_lines(records, CONFIGS["default"], npartitions=4)
    contained = [line for line in lines if line.get("relation") == "contained"]
    assert contained
    assert all(not line["kept"] and line["duplicate_of"] == line["contained_in"] for line in contained)
    kept = dask_lines(records, CONFIGS["keep-contained"], npartitions=4)
    assert all(line["kept"] for line in kept if line.get("relation") == "contained")


def _shards(records: list[dict], directory: Path) -> Path:
    directory.mkdir()
    size = len(records) // 3 + 1
    for part in range(3):
        lines = [json.dumps(r, ensure_ascii=False) for r in records[part * size : (part + 1) * size]]
        (directory / f"part-{part}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return directory


@pytest.mark.parametrize(
    "options",
    [[], ["--containment", "0.6", "--drop", "exact,near"], ["--drop", "exact,near,contained,template"]],
    ids=["default", "containment-keep-contained", "drop-all"],
)
def test_cli_engine_dask_takes_containment_and_drop(client, records, tmp_path: Path, options):
    """`--containment` and `--drop` with `--engine dask`: the files the local engine writes, and its summary."""
    shards = _shards(records, tmp_path / "in")
    runner = CliRunner()
    names = ("clusters", "duplicates")
    local = tmp_path / "local"
    local.mkdir()
    done = runner.invoke(
        cli,
        ["dedupe", str(shards), "-o", str(local / "kept.jsonl"), *(f"--{n}={local / n}.jsonl" for n in names),
         "--workers", "1", *options],
        catch_exceptions=False,
    )
    assert done.exit_code == 0, done.output
    theirs = tmp_path / "dask"
    theirs.mkdir()
    out = tmp_path / "out"
    engine = ["--engine", "dask", "--scheduler", client.scheduler.address, "-o", f"{out}/"]
    report = tmp_path / "report.json"
    result = runner.invoke(
        cli,
        ["dedupe", str(shards), *engine, *(f"--{n}={theirs / n}.jsonl" for n in names), "--report", str(report),
         *options],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    for name in names:
        assert (theirs / f"{name}.jsonl").read_text() == (local / f"{name}.jsonl").read_text(), name
    kept = [line for i in range(3) for line in (out / f"kept-{i:05d}.jsonl").read_text().splitlines()]
    assert kept == (local / "kept.jsonl").read_text().splitlines()
    counts = json.loads(report.read_text())["counts"]
    clusters = [json.loads(line) for line in (local / "clusters.jsonl").read_text().splitlines()]
    assert counts["contained"] == sum(1 for line in clusters if line.get("relation") == "contained")
    assert counts["template"] == sum(1 for line in clusters if line.get("relation") == "template")
    assert counts["duplicates"] == sum(1 for line in clusters if line["cluster"] is not None and not line["kept"])
    assert "Jaccard alone" not in result.output
