"""The Dask engine gives the local engine's answer, line for line, on a real 2-process LocalCluster
(the word-coverage relations planted one by one: tests/test_dask_relations.py).

The corpus is generated here: Indonesian-like sentences from a small vocabulary, with planted exact copies,
outlet re-publications, light and heavy edits near the threshold, daily templates (hard negatives), chains,
records without an id and rejects.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

dask_bag = pytest.importorskip("dask.bag")
pytest.importorskip("distributed")

from click.testing import CliRunner  # noqa: E402

import newsclean.dask as newsclean_dask  # noqa: E402
from newsclean import DedupeConfig, dedupe  # noqa: E402
from newsclean.cli import cli, main  # noqa: E402

VOCABULARY = (
    "pemerintah provinsi kota kabupaten warga masyarakat petugas polisi dinas kesehatan pendidikan sekolah "
    "harga beras cabai minyak pasar pedagang petani hujan banjir jalan tol kendaraan bus kereta bandara "
    "presiden menteri gubernur bupati wali kepala kantor rapat anggaran proyek pembangunan jembatan rumah "
    "sakit pasien dokter vaksin program bantuan sosial keluarga anak siswa guru ujian nasional daerah pusat "
    "mengatakan menyampaikan menjelaskan menambahkan meminta berharap menyiapkan menurunkan menaikkan membuka "
    "menutup meninjau memeriksa mengamankan menggelar menerima memberikan sejumlah beberapa seluruh para "
    "akan sudah belum masih telah sedang baru lama besar kecil tinggi rendah pagi siang sore malam hari "
    "pekan bulan tahun senin selasa rabu kamis jumat sabtu minggu januari februari maret april mei juni "
    "jakarta surabaya bandung medan makassar semarang yogyakarta denpasar palembang balikpapan"
)
WORDS = VOCABULARY.split()
DATELINES = ("JAKARTA, KOMPAS.com - ", "Jakarta (ANTARA) - ", "Liputan6.com, Jakarta - ", "TRIBUNNEWS.COM - ")


def sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS[: rng.choice((40, 120, len(WORDS)))]) for _ in range(rng.randint(7, 16))]
    if rng.random() < 0.4:
        words.insert(rng.randrange(len(words)), f"{rng.randint(2, 9999):,}".replace(",", "."))
    return " ".join(words).capitalize() + "."


def article(rng: random.Random, paragraphs: int = 0) -> str:
    """3-7 paragraphs; 40 give over 1,024 shingles, past which both engines compare bottom-k sketches."""
    paragraphs = [
        " ".join(sentence(rng) for _ in range(rng.randint(2, 4))) for _ in range(paragraphs or rng.randint(3, 7))
    ]
    return "\n".join(paragraphs)


def edited(text: str, rng: random.Random, share: float) -> str:
    words = text.split(" ")
    for _ in range(max(1, int(len(words) * share))):
        words[rng.randrange(len(words))] = rng.choice(WORDS)
    return " ".join(words)


def republished(text: str, rng: random.Random) -> str:
    lines = text.split("\n")
    lines[0] = rng.choice(DATELINES) + lines[0]
    lines.insert(rng.randint(1, len(lines)), "Baca juga: " + sentence(rng))
    return "\n".join([*lines, "(ant/red)"])


def corpus(n: int, seed: int = 7) -> list[dict]:
    """About a third originals, the rest planted copies of them; ids, dates, urls vary so keep rules matter."""
    rng = random.Random(seed)
    records: list[dict] = []
    originals: list[str] = []
    template = article(rng)
    while len(records) < n:
        roll = rng.random()
        if roll < 0.34 or not originals:
            text = article(rng, paragraphs=40 if rng.random() < 0.02 else 0)
            originals.append(text)
        elif roll < 0.42:
            text = edited(template, rng, rng.uniform(0.01, 0.08))
        elif roll < 0.52:
            text = rng.choice(originals).upper() if rng.random() < 0.5 else rng.choice(originals)
        elif roll < 0.67:
            text = republished(rng.choice(originals), rng)
        elif roll < 0.92:
            text = edited(rng.choice(originals), rng, rng.uniform(0.005, 0.12))
        elif roll < 0.97:
            text = edited(edited(rng.choice(originals), rng, 0.05), rng, 0.05)
        else:
            text = rng.choice(("", "   ", "... !!!"))
        record: dict = {"text": text, "date": f"2024-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}T08:00:00+07:00"}
        if rng.random() < 0.97:
            record["id"] = f"art-{len(records)}"
        if rng.random() < 0.5:
            record["url"] = f"https://contoh.id/{len(records)}"
        records.append(record)
    records.insert(n // 2, {"id": "no-text", "title": "kosong"})
    return records


@pytest.fixture(scope="module")
def records() -> list[dict]:
    return corpus(2500)


@pytest.fixture(scope="module")
def expected(records) -> list[dict]:
    """The local engine's lines for the default settings, computed once for the tests that compare to them."""
    return local_lines(records, DedupeConfig())


def local_lines(records: list[dict], config: DedupeConfig) -> list[dict]:
    return [v.to_json() for v in dedupe(records, config=config).verdicts()]


def dask_lines(records: list[dict], config: DedupeConfig, npartitions: int, partitions: int | None = None) -> list:
    bag = dask_bag.from_sequence(records, npartitions=npartitions)
    return newsclean_dask.dedupe(bag, config=config, partitions=partitions).compute()


def test_same_verdicts_as_the_local_engine(client, records, expected):
    assert sum(1 for line in expected if line.get("relation") == "near") > 300
    assert sum(1 for line in expected if line.get("relation") == "exact") > 100
    assert sum(1 for line in expected if line.get("reject")) > 50
    assert dask_lines(records, DedupeConfig(), npartitions=6) == expected


@pytest.mark.parametrize(("npartitions", "partitions"), [(1, None), (5, 3), (11, 16)])
def test_partitioning_does_not_change_the_answer(client, records, expected, npartitions, partitions):
    assert dask_lines(records, DedupeConfig(), npartitions, partitions) == expected


@pytest.mark.parametrize("keep", ["longest", "earliest", "most-complete"])
def test_keep_rules_and_a_lower_threshold_match(client, records, keep):
    config = DedupeConfig(keep=keep, threshold=0.5, max_bucket=8)
    assert dask_lines(records[:800], config, npartitions=4) == local_lines(records[:800], config)


def test_jaccard_only_matches(client, records):
    """Deciding by Jaccard alone (`--jaccard-only`): the LSH pairs screened by their estimate, as locally."""
    config = DedupeConfig(threshold=0.6).jaccard_only()
    assert dask_lines(records, config, npartitions=5, partitions=3) == local_lines(records, config)


def test_cli_engine_dask_writes_shards_like_the_local_engine(client, records, tmp_path: Path):
    shards = tmp_path / "in"
    shards.mkdir()
    for part in range(3):
        lines = [json.dumps(r, ensure_ascii=False) for r in records[part * 250 : (part + 1) * 250]]
        if part == 1:
            lines.insert(5, '{"id": "broken", "text": ')
        (shards / f"part-{part}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    local_clusters = tmp_path / "local-clusters.jsonl"
    runner = CliRunner()
    local = runner.invoke(
        cli,
        [
            "dedupe",
            str(shards),
            "-o",
            str(tmp_path / "kept.jsonl"),
            "--clusters",
            str(local_clusters),
            "--workers",
            "1",
        ],
        catch_exceptions=False,
    )
    assert local.exit_code == 0, local.output
    out = tmp_path / "out"
    args = [
        "dedupe",
        str(shards / "part-*.jsonl"),
        "--engine",
        "dask",
        "--scheduler",
        client.scheduler.address,
        "-o",
        f"{out}/",
    ]
    result = runner.invoke(cli, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    written = sorted(p.name for p in out.iterdir())
    assert written == [f"{kind}-{i:05d}.jsonl" for kind in ("clusters", "kept") for i in range(3)]
    lines = [line for i in range(3) for line in (out / f"clusters-{i:05d}.jsonl").read_text().splitlines()]
    assert lines == local_clusters.read_text().splitlines()
    kept = [line for i in range(3) for line in (out / f"kept-{i:05d}.jsonl").read_text().splitlines()]
    assert kept == (tmp_path / "kept.jsonl").read_text().splitlines()


def test_cli_engine_dask_refuses_stdin(client):
    result = CliRunner().invoke(
        cli, ["dedupe", "-", "--engine", "dask", "--scheduler", client.scheduler.address, "-o", "out/"], input="{}\n"
    )
    assert result.exit_code == 2


def test_cli_engine_dask_starts_its_own_cluster(records, tmp_path: Path):
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records[:60]), encoding="utf-8")
    local = tmp_path / "local.jsonl"
    runner = CliRunner()
    runner.invoke(
        cli, ["dedupe", str(source), "--clusters", str(local), "-o", str(tmp_path / "k.jsonl")]
    )
    out = tmp_path / "out"
    result = runner.invoke(
        cli,
        [
            "dedupe",
            str(source),
            "--engine",
            "dask",
            "--workers",
            "1",
            "-o",
            str(out),
            "--report",
            str(tmp_path / "report.json"),
        ],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    assert (out / "clusters-00000.jsonl").read_text() == local.read_text()
    assert json.loads((tmp_path / "report.json").read_text())["counts"]["records"] == 60


def _shards(records: list[dict], directory: Path, broken: bool = True) -> Path:
    directory.mkdir()
    for part in range(3):
        lines = [json.dumps(r, ensure_ascii=False) for r in records[part * 250 : (part + 1) * 250]]
        if part == 1 and broken:
            lines.insert(5, '{"id": "broken", "text": ')
        (directory / f"part-{part}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return directory


@pytest.mark.parametrize("write_clean", [False, True], ids=["original", "write-clean"])
def test_cli_engine_dask_writes_every_output_file_of_the_local_engine(client, records, tmp_path: Path, write_clean):
    """--clusters, --duplicates and --rejects as one file each, and --write-clean: the local engine's files."""
    shards = _shards(records, tmp_path / "in")
    extra = ["--write-clean"] if write_clean else []
    runner = CliRunner()
    local = tmp_path / "local"
    local.mkdir()
    names = ("clusters", "duplicates", "rejects")
    args = [f"--{name}={local / name}.jsonl" for name in names]
    done = runner.invoke(
        cli,
        ["dedupe", str(shards), "-o", str(local / "kept.jsonl"), *args, "--workers", "1", *extra],
        catch_exceptions=False,
    )
    assert done.exit_code == 0, done.output
    theirs = tmp_path / "dask"
    theirs.mkdir()
    out = tmp_path / "out"
    args = [f"--{name}={theirs / name}.jsonl" for name in names]
    engine = ["--engine", "dask", "--scheduler", client.scheduler.address]
    done = runner.invoke(
        cli, ["dedupe", str(shards), *engine, "-o", f"{out}/", *args, *extra], catch_exceptions=False
    )
    assert done.exit_code == 0, done.output
    for name in names:
        assert (theirs / f"{name}.jsonl").read_text() == (local / f"{name}.jsonl").read_text(), name
    assert sum(1 for _ in (theirs / "rejects.jsonl").open()) > 1
    kept = [line for i in range(3) for line in (out / f"kept-{i:05d}.jsonl").read_text().splitlines()]
    assert kept == (local / "kept.jsonl").read_text().splitlines()
    assert sorted(p.name for p in out.iterdir()) == [f"{kind}-{i:05d}.jsonl" for kind in ("clusters", "kept") for i in range(3)]


def test_cli_engine_dask_strict_stops_before_writing(client, records, tmp_path: Path, capsys):
    shards = _shards(records, tmp_path / "in")
    out = tmp_path / "out"
    engine = ["--engine", "dask", "--scheduler", client.scheduler.address]
    with pytest.raises(SystemExit) as exited:
        main(["dedupe", str(shards), *engine, "-o", f"{out}/", "--strict"])
    assert exited.value.code == 2
    assert "--strict stops at the first bad record" in capsys.readouterr().err
    assert not out.exists() or not any(out.iterdir())
    comparable = [r for r in records if isinstance(r.get("text"), str) and any(c.isalnum() for c in r["text"])]
    good = _shards(comparable, tmp_path / "good", broken=False)
    done = CliRunner().invoke(
        cli, ["dedupe", str(good), *engine, "-o", f"{tmp_path / 'out-good'}/", "--strict"], catch_exceptions=False
    )
    assert done.exit_code == 0, done.output
    assert (tmp_path / "out-good" / "kept-00000.jsonl").exists()
