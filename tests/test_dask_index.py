"""`newsclean dedupe --engine dask --index redis://...` gives the local engine's verdicts, day after day, on a
real Redis server and a real 2-process LocalCluster, and commits the run's additions once or not at all.

Each day is run through the CLI twice, into two fresh indexes: by the local engine and by the Dask engine. The
`--clusters` files must be equal line for line, and the two indexes must hold the same articles afterwards.
The days are generated here (test_dask's sentence generator): day 1 has stories with exact copies and edits;
day 2 has exact, upper-cased, re-published and edited copies of day-1 stories, new stories with their own
copies, and a re-write of a day-1 story that is only alike enough to another day-2 copy of it (the one-level
inheritance of `newsclean.index.incremental.inherit_matches`), the two in different shards.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

pytest.importorskip("dask.bag")
pytest.importorskip("distributed")

from test_dask import corpus, edited, republished, sentence
from test_index import drop, fresh_url

from newsclean import DedupeConfig, Index
from newsclean.cli import main

CONFIG = DedupeConfig()
SHARDS = 3


@pytest.fixture
def urls(tmp_path: Path):
    """Two fresh Redis indexes: one for the local engine, one for the Dask engine."""
    made = {engine: fresh_url("redis", tmp_path) for engine in ("local", "dask")}
    yield made
    for url in made.values():
        drop(url)


def long_story(rng: random.Random, words: int = 400) -> str:
    """A story of at least `words` words in paragraphs of three sentences."""
    sentences: list[str] = []
    while sum(len(s.split()) for s in sentences) < words:
        sentences.append(sentence(rng))
    return "\n".join(" ".join(sentences[i : i + 3]) for i in range(0, len(sentences), 3))


def spaced_edit(text: str, count: int, phase: float, tag: str) -> str:
    """`count` words replaced by new ones, evenly spaced (so each change costs its own five shingles)."""
    words = text.split(" ")
    step = len(words) // count
    for k in range(count):
        words[k * step + int(step * phase)] = f"{tag}{k}"
    return " ".join(words)


def days(seed: int = 5) -> tuple[list[dict], list[dict], dict[str, str]]:
    """(day 1, day 2, ids of the inheritance case: the day-1 story, its direct day-2 copy, the re-write)."""
    rng = random.Random(seed)
    day1 = corpus(160, seed=seed)
    story = long_story(rng)
    day1.insert(40, {"id": "cerita-1", "text": story, "date": "2024-03-01T07:00:00+07:00"})
    stories = [r for r in day1 if isinstance(r.get("text"), str) and len(r["text"]) > 200]
    copies: list[dict] = []
    for k, original in enumerate(rng.sample(stories, 45)):
        text = original["text"]
        kind = k % 4
        if kind == 0:
            copy = text
        elif kind == 1:
            copy = text.upper()
        elif kind == 2:
            copy = republished(text, rng)
        else:
            copy = edited(text, rng, rng.uniform(0.01, 0.06))
        copies.append({"id": f"salinan-{k}", "text": copy, "date": f"2024-04-{10 + k % 18}T09:00:00+07:00"})
    fresh = corpus(120, seed=seed + 1)
    for record in fresh:
        if "id" in record:
            record["id"] = "baru-" + str(record["id"])
    direct = spaced_edit(story, 8, 0.1, "ubahsatu")
    rewrite = spaced_edit(direct, 8, 0.6, "ubahdua")
    day2 = fresh[:40] + copies + fresh[40:]
    day2.insert(10, {"id": "kutipan-langsung", "text": direct, "date": "2024-04-02T08:00:00+07:00"})
    day2.insert(len(day2) - 10, {"id": "tulis-ulang", "text": rewrite, "date": "2024-04-03T08:00:00+07:00"})
    return day1, day2, {"story": "cerita-1", "direct": "kutipan-langsung", "rewrite": "tulis-ulang"}


def write_shards(records: list[dict], directory: Path) -> Path:
    directory.mkdir(parents=True)
    size = -(-len(records) // SHARDS)
    for part in range(SHARDS):
        lines = [json.dumps(r, ensure_ascii=False) for r in records[part * size : (part + 1) * size]]
        (directory / f"part-{part}.jsonl").write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return directory


def run(args: list[str], capsys: pytest.CaptureFixture) -> tuple[int, str]:
    """`newsclean ARGS` as the console script runs it: (exit code, stderr)."""
    try:
        main(args)
    except SystemExit as exited:
        return int(exited.code or 0), capsys.readouterr().err
    return 0, capsys.readouterr().err


def run_day(
    engine: str, shards: Path, out: Path, url: str, client, capsys, extra: tuple[str, ...] = ()
) -> tuple[int, str]:
    """One day's dedupe into `out` (clusters.jsonl beside the kept output) with the index at `url`."""
    out.mkdir(parents=True, exist_ok=True)
    if engine == "local":
        target = ["-o", str(out / "kept.jsonl"), "--workers", "1"]
    else:
        target = ["--engine", "dask", "--scheduler", client.scheduler.address, "-o", f"{out / 'shards'}/"]
    args = ["dedupe", str(shards), *target, "--clusters", str(out / "clusters.jsonl"), "--index", url, *extra]
    return run([*args, "--wait", "0"], capsys)


def indexed(url: str) -> tuple[list[tuple], tuple[int, int]]:
    """What an index holds: its articles (number, id, date, words) and its (articles, aliases) counts."""
    with Index.open(url, create=False) as index:
        rows = [(r["n"], r["id"], r["date"], r["words"]) for r in index.export()]
        stats = index.stats()
    return rows, (stats.articles, stats.aliases)


def clusters(out: Path) -> list[str]:
    return (out / "clusters.jsonl").read_text(encoding="utf-8").splitlines()


def summary_index_part(stderr: str) -> str:
    """The summary's index figures ('; N duplicates of indexed articles, M added to the index')."""
    line = next(line for line in stderr.splitlines() if "added to the index" in line)
    return line[line.index("; ") : line.index("added to the index")]


@pytest.mark.parametrize("keep", ["first", "earliest"])
def test_day1_day2_and_a_rerun_give_the_local_engines_verdicts(client, urls, tmp_path: Path, capsys, keep):
    day1, day2, case = days()
    inputs = [write_shards(day, tmp_path / f"day{n}") for n, day in ((1, day1), (2, day2))]
    inputs.append(inputs[1])  # day 3: day 2 again, every record now found by its key
    for day, shards in enumerate(inputs, start=1):
        outputs = {}
        for engine in ("local", "dask"):
            out = tmp_path / f"{engine}-{day}"
            code, stderr = run_day(engine, shards, out, urls[engine], client, capsys, ("--keep", keep))
            assert code == 0, stderr
            outputs[engine] = (clusters(out), summary_index_part(stderr))
        assert outputs["dask"] == outputs["local"], f"day {day}"
        assert indexed(urls["dask"]) == indexed(urls["local"]), f"day {day}"
        lines = [json.loads(line) for line in outputs["local"][0]]
        by_id = {line["id"]: line for line in lines}
        if day == 2:
            assert by_id[case["direct"]]["duplicate_of"] == case["story"]
            inherited = by_id[case["rewrite"]]
            assert inherited["duplicate_of"] == case["story"] and inherited["relation"] == "near"
            assert CONFIG.pair_floor <= inherited["similarity"] < CONFIG.threshold
            day1_ids = {r["id"] for r in day1 if "id" in r}
            from_index = [line for line in lines if line.get("duplicate_of") in day1_ids]
            assert sum(1 for line in from_index if line["relation"] == "exact") >= 20
            assert sum(1 for line in from_index if line["relation"] == "near") >= 10
            assert sum(1 for line in lines if line["kept"]) >= 60
        if day == 3:
            compared = [line for line in lines if line["cluster"] is not None]
            assert compared and not any(line["kept"] for line in compared)
    rows, (articles, aliases) = indexed(urls["dask"])
    assert articles == len(rows) > 100 and aliases > articles
    if keep == "earliest":
        assert all(date for _, _, date, _ in rows)


def test_a_failed_run_commits_nothing_and_frees_the_index(client, urls, tmp_path: Path, capsys):
    day1, day2, _ = days(seed=9)
    url = urls["dask"]
    code, stderr = run_day("dask", write_shards(day1, tmp_path / "day1"), tmp_path / "out1", url, client, capsys)
    assert code == 0, stderr
    before = indexed(url)
    assert before[1][0] > 50
    shards = write_shards(day2, tmp_path / "day2")
    report = tmp_path / "gate-report.json"
    gate = ("--max-rejects", "0", "--report", str(report))
    code, stderr = run_day("dask", shards, tmp_path / "gate", url, client, capsys, gate)
    assert code == 2 and "the index was not updated" in stderr, stderr
    assert " 0 added to the index" in stderr
    counts = json.loads(report.read_text(encoding="utf-8"))["counts"]
    assert counts["indexed"] == 0 and counts["index_duplicates"] > 10
    assert indexed(url) == before
    code, stderr = run_day("dask", shards, tmp_path / "strict", url, client, capsys, ("--strict",))
    assert code == 2 and "--strict stops at the first bad record" in stderr, stderr
    assert indexed(url) == before
    code, stderr = run_day("dask", shards, tmp_path / "out2", url, client, capsys)
    assert code == 0, stderr
    after = indexed(url)
    assert after[1][0] > before[1][0] and after[0][: len(before[0])] == before[0]


def test_other_settings_than_the_index_are_refused_before_the_run(client, urls, tmp_path: Path, capsys):
    day1, _, _ = days()
    shards = write_shards(day1, tmp_path / "day1")
    url = urls["dask"]
    assert run_day("dask", shards, tmp_path / "out1", url, client, capsys)[0] == 0
    before = indexed(url)
    out = tmp_path / "other"
    code, stderr = run_day("dask", shards, out, url, client, capsys, ("--threshold", "0.5"))
    assert code == 2 and "built with other settings" in stderr, stderr
    assert not (out / "shards").exists()
    assert indexed(url) == before


def test_a_sqlite_index_is_refused_with_the_reason(client, tmp_path: Path, capsys):
    shards = write_shards(corpus(30), tmp_path / "in")
    database = tmp_path / "archive.db"
    code, stderr = run_day("dask", shards, tmp_path / "out", str(database), client, capsys)
    assert code == 2
    assert "needs a Redis index" in stderr and "one file on one machine" in stderr
    assert not database.exists() and not (tmp_path / "out" / "shards").exists()


def test_the_library_call_matches_for_any_partitioning(client, urls):
    """`newsclean.dask.dedupe_indexed` with other input and shuffle partition counts than shards, against
    `newsclean.dedupe(..., index=...)`, day 1 then day 2."""
    import dask
    import dask.bag as db

    import newsclean.dask
    from newsclean import dedupe

    day1, day2, _ = days(seed=13)
    config = DedupeConfig(keep="longest")
    for records, (inputs, shuffled) in ((day1, (4, 7)), (day2, (5, 2))):
        with Index.open(urls["local"]) as index, index.transaction():
            expected = [v.to_json() for v in dedupe(records, config=config, index=index).verdicts()]
        with Index.open(urls["dask"]) as index, index.transaction():
            query = newsclean.dask.IndexQuery.bound(urls["dask"], index, config)
            bag = db.from_sequence(records, npartitions=inputs)
            verdicts, run = newsclean.dask.dedupe_indexed(bag, query, config=config, partitions=shuffled)
            rows, run = dask.compute(verdicts, run)
            run.update.apply(index)
        assert rows == expected
        assert indexed(urls["dask"]) == indexed(urls["local"])
    assert sum(1 for row in rows if row.get("duplicate_of") in {r.get("id") for r in day1 if "id" in r}) > 20


def test_word_coverage_options_with_an_index_decide_by_jaccard_alone_as_locally(
    client, urls, tmp_path: Path, capsys
):
    """`--containment` and `--drop contained,template` with `--index`: both engines take them, say on stderr
    that the index decides by Jaccard alone, and give the same verdicts and index; the teaser that the Dask
    engine finds `contained` without an index is a record of its own with one."""
    day1, _, case = days(seed=21)
    story = next(r["text"] for r in day1 if r.get("id") == case["story"])
    teaser = " ".join(story.split("\n")[:2])
    day1.insert(90, {"id": "cuplikan", "text": teaser, "date": "2024-03-01T06:00:00+07:00"})
    shards = write_shards(day1, tmp_path / "day1")
    options = ("--containment", "0.8", "--drop", "exact,near,contained,template")
    outputs = {}
    for engine in ("local", "dask"):
        code, stderr = run_day(engine, shards, tmp_path / engine, urls[engine], client, capsys, options)
        assert code == 0, stderr
        assert "--index decides by Jaccard alone" in stderr
        outputs[engine] = clusters(tmp_path / engine)
    assert outputs["dask"] == outputs["local"]
    assert indexed(urls["dask"]) == indexed(urls["local"])
    by_id = {line["id"]: line for line in map(json.loads, outputs["dask"])}
    assert by_id["cuplikan"]["kept"] and not any(
        line.get("relation") in ("contained", "template") for line in by_id.values()
    )
    plain = tmp_path / "no-index"
    engine = ["--engine", "dask", "--scheduler", client.scheduler.address, "-o", f"{plain}/"]
    args = ["dedupe", str(shards), *engine, "--clusters", str(plain / "clusters.jsonl"), *options]
    code, stderr = run(args, capsys)
    assert code == 0, stderr
    without = {line["id"]: line for line in map(json.loads, clusters(plain))}
    assert without["cuplikan"]["relation"] == "contained" and without["cuplikan"]["contained_in"] == case["story"]
