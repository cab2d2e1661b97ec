"""The persistent index behind `newsclean.dedupe(..., index=...)`, on a real SQLite file and a real Redis server.

Redis: the server on 127.0.0.1:$NEWSCLEAN_TEST_REDIS_PORT (default 6390; `.ci/services.sh` starts one). Each
test uses its own key prefix in DB 1 and deletes its keys afterwards. When the server cannot be reached the
Redis cases are skipped locally and FAIL when $CI is set, so CI never passes without having run them.
"""

from __future__ import annotations

import os
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from test_dedupe import OTHER, STORY, _window_texts, republished, seed, seed_004_other_outlet

from newsclean import ConfigError, DedupeConfig, Index, dedupe
from newsclean.index import IndexBusy

REDIS_PORT = int(os.environ.get("NEWSCLEAN_TEST_REDIS_PORT", "6390"))
BACKENDS = ("sqlite", "redis")


def require_redis() -> None:
    """Skip (locally) or fail (under CI) when redis-py is missing or no Redis server answers on the test port."""
    try:
        import redis
    except ImportError as err:
        if os.environ.get("CI"):
            pytest.fail(f"redis-py is not installed ({err}): pip install '.[test]'")
        pytest.skip(f"redis-py is not installed ({err})")

    try:
        redis.Redis(host="127.0.0.1", port=REDIS_PORT, socket_connect_timeout=1).ping()
    except (redis.RedisError, OSError) as err:
        message = f"no Redis server on 127.0.0.1:{REDIS_PORT} ({err}); run `bash .ci/services.sh`"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


def fresh_url(backend: str, directory: Path, **options: str) -> str:
    """A new, empty index location; Redis indexes get a prefix of their own in DB 1."""
    if backend == "sqlite":
        return str(directory / f"index-{uuid.uuid4().hex[:8]}.db")
    require_redis()
    query = "&".join(f"{key}={value}" for key, value in {"prefix": f"nctest-{uuid.uuid4().hex}", **options}.items())
    return f"redis://127.0.0.1:{REDIS_PORT}/1?{query}"


def drop(url: str) -> None:
    if url.startswith("redis://"):
        with Index.open(url) as index:
            index.drop()  # type: ignore[attr-defined]


@pytest.fixture(params=BACKENDS)
def index_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    url = fresh_url(request.param, tmp_path)
    yield url
    drop(url)


def verdicts(result) -> list[dict]:
    return [v.to_json() for v in result.verdicts()]


DAY1 = [
    {"id": "ant-1", "text": STORY},
    {"id": "sby-1", "text": OTHER},
    {"id": "seed-000", "text": seed("000")},
    {"id": "seed-004", "text": seed("004")},
]
DAY2 = [
    {"id": "kom-1", "text": republished(STORY)},
    {"id": "new-1", "text": " ".join(f"baru{i} kata{i % 7}" for i in range(120))},
    {"id": "kom-004", "text": seed_004_other_outlet()},
    {"id": "sby-1-again", "text": OTHER.replace("Rp80.000", "Rp85.000")},
]


def test_day2_republications_are_duplicates_of_day1_ids(index_url: str):
    with Index.open(index_url) as index:
        first = dedupe(DAY1, index=index)
        assert first.kept.all() and first.stats.indexed == 4
        second = dedupe(DAY2, index=index)
    got = {v["id"]: v for v in verdicts(second)}
    assert got["kom-1"]["duplicate_of"] == "ant-1" and not got["kom-1"]["kept"]
    assert got["kom-004"]["duplicate_of"] == "seed-004"
    assert got["sby-1-again"]["duplicate_of"] == "sby-1" and got["sby-1-again"]["relation"] == "near"
    assert got["new-1"]["kept"] and got["new-1"]["duplicate_of"] is None
    assert second.stats.index_duplicates == 3 and second.stats.indexed == 1
    one_run = dedupe(DAY1 + DAY2, config=DedupeConfig().jaccard_only())
    assert [v.duplicate_of for v in one_run.verdicts()][4:] == [v["duplicate_of"] for v in verdicts(second)]


def test_an_edit_of_an_edit_joins_the_day1_story_like_one_run(index_url: str):
    """T0 (day 1) ~ T1 0.81, T1 ~ T2 0.81, T0 ~ T2 0.66: one run puts all three in T0's cluster (pair floor
    0.6), so day 2 must too, although T2 alone is below the threshold against the index."""
    t0, t1, t2 = _window_texts(200, 20, 3)
    config = DedupeConfig(clean=False)
    with Index.open(index_url) as index:
        dedupe([{"id": "t0", "text": t0}], config=config, index=index)
        second = dedupe([{"id": "t2", "text": t2}, {"id": "t1", "text": t1}], config=config, index=index)
    assert [v.duplicate_of for v in second.verdicts()] == ["t0", "t0"]
    assert 0.6 <= second.similarity[0] < 0.7 and second.verdict(0).relation == "near"
    texts = [{"id": "t0", "text": t0}, {"id": "t2", "text": t2}, {"id": "t1", "text": t1}]
    one_run = dedupe(texts, config=config.jaccard_only())
    assert [v.duplicate_of for v in one_run.verdicts()] == [None, "t0", "t0"]


def test_the_same_file_twice_makes_every_record_a_duplicate(index_url: str):
    records = DAY1 + DAY2 + [{"id": "ant-1-copy", "text": STORY}, {"id": "empty", "text": " "}]
    with Index.open(index_url) as index:
        first = dedupe(records, index=index)
        second = dedupe(records, index=index)
        kept_ids = {first.ids[i] for i in first.kept_indexes}
        assert index.stats().articles == len(kept_ids)
    assert not second.kept.any() and second.stats.indexed == 0
    for v in second.verdicts():
        if v.reject is None:
            assert v.duplicate_of in kept_ids
    assert second.stats.index_duplicates == second.stats.compared == len(records) - 1


def test_other_settings_are_refused_and_change_nothing(index_url: str):
    with Index.open(index_url) as index:
        dedupe(DAY1, index=index)
        before = list(index.export())
        with pytest.raises(ConfigError, match=r"other settings: this run has .*threshold=0\.8 \(index: 0\.7\)"):
            dedupe(DAY2, config=DedupeConfig(threshold=0.8), index=index)
        with pytest.raises(ConfigError, match="clean=False"):
            dedupe(DAY2, config=DedupeConfig(clean=False), index=index)
        assert list(index.export()) == before
        assert index.settings == index.bind(DedupeConfig())


def test_takedown_removes_the_article_and_its_aliases(index_url: str):
    with Index.open(index_url) as index:
        dedupe([*DAY1, {"id": "ant-1-copy", "text": STORY}], index=index)
        assert index.remove(["ant-1", "no-such-id"]) == 1
        assert "ant-1" not in {row["id"] for row in index.export()}
        again = dedupe([{"id": "kom-1", "text": republished(STORY)}, {"id": "ant-1-copy", "text": STORY}], index=index)
        # the removed story is judged afresh: kept once more, its exact copy a duplicate of the new one
        assert [v.duplicate_of for v in again.verdicts()] == [None, "kom-1"] and again.kept[0]
        stats = index.stats()
        assert stats.articles == 4 and stats.bytes > 0 and stats.settings is not None


def test_a_failed_run_leaves_the_index_unchanged(index_url: str):
    with Index.open(index_url) as index:
        dedupe(DAY1, index=index)
        before = (index.stats().articles, list(index.export()))
        with pytest.raises(RuntimeError, match="disk on fire"), index.transaction():
            dedupe(DAY2, index=index)
            raise RuntimeError("disk on fire")
        assert (index.stats().articles, list(index.export())) == before
        assert dedupe(DAY2, index=index).stats.indexed == 1


def test_sqlite_and_redis_give_the_same_verdicts(tmp_path: Path):
    texts = _window_texts(200, 20, 6)
    day1 = DAY1 + [{"id": f"w{i}", "text": t} for i, t in enumerate(texts[:3])]
    day2 = DAY2 + [{"id": f"w{i}", "text": t} for i, t in enumerate(texts[3:], start=3)] + DAY1[:2]
    got = []
    for backend in BACKENDS:
        url = fresh_url(backend, tmp_path)
        try:
            with Index.open(url) as index:
                dedupe(day1, index=index)
                result = dedupe(day2, index=index)
                got.append(
                    (verdicts(result), [{k: v for k, v in row.items() if k != "added"} for row in index.export()])
                )
        finally:
            drop(url)
    assert got[0] == got[1]


def test_sqlite_url_form_opens_the_same_file(tmp_path: Path):
    path = tmp_path / "archive.db"
    with Index.open(f"sqlite://{path}") as index:
        dedupe(DAY1, index=index)
    with Index.open(str(path), create=False) as index:
        assert index.stats().articles == 4 and index.backend == "sqlite"


def test_open_refuses_what_is_not_an_index(tmp_path: Path):
    with pytest.raises(ConfigError, match="no index"):
        Index.open(str(tmp_path / "missing.db"), create=False)
    other = tmp_path / "other.db"
    import sqlite3

    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.commit()
    with pytest.raises(ConfigError, match="something else"):
        Index.open(str(other))
    with pytest.raises(ConfigError, match="expected an SQLite path"):
        Index.open("postgres://localhost/x")
    with pytest.raises(ConfigError, match="unknown option"):
        Index.open(f"redis://127.0.0.1:{REDIS_PORT}/1?prefx=typo")


def test_concurrent_sqlite_runs_take_turns_or_are_refused(tmp_path: Path):
    url = str(tmp_path / "shared.db")
    with Index.open(url) as holder, holder.transaction():
        dedupe(DAY1, index=holder)
        with Index.open(url, wait=0) as impatient, pytest.raises(IndexBusy, match="in use by another run"):
            dedupe(DAY2, index=impatient)
    # a patient run waits for the holder's commit, then sees its articles
    results = {}
    with Index.open(url) as holder:
        holder_tx = holder.transaction()
        holder_tx.__enter__()

        def patient() -> None:
            with Index.open(url, wait=30) as index:
                results["second"] = dedupe(DAY1, index=index)

        thread = threading.Thread(target=patient)
        thread.start()
        thread.join(0.5)
        assert thread.is_alive()  # waiting for the lock
        results["first"] = dedupe(DAY2, index=holder)
        holder_tx.__exit__(None, None, None)
        thread.join(30)
    assert results["first"].stats.indexed == 1
    assert results["second"].stats.indexed == 0 and not results["second"].kept.any()


def _story(k: int) -> str:
    return " ".join(f"cerita{k} kata{k}x{i} hal{i % 11}" for i in range(90))


def test_two_concurrent_redis_writers_lose_nothing(tmp_path: Path):
    """Two writers, each with its own connection, ingest overlapping batches at the same time: every story
    ends up indexed exactly once (the lock makes them take turns) and no article or alias is lost."""
    url = fresh_url("redis", tmp_path)
    stories = 60
    batches = {
        "a": [
            [{"id": f"a-{k}", "text": _story(k)} for k in range(start, start + 10)] for start in range(0, stories, 10)
        ],
        "b": [
            [{"id": f"b-{k}", "text": _story(k)} for k in range(start, start + 10)]
            for start in range(stories - 10, -10, -10)
        ],
    }
    results: dict[str, list] = {"a": [], "b": []}
    errors: list[BaseException] = []

    def writer(name: str) -> None:
        try:
            with Index.open(url, wait=60) as index:
                for batch in batches[name]:
                    results[name].append(dedupe(batch, index=index))
        except BaseException as err:  # surfaced by the assertion below
            errors.append(err)

    threads = [threading.Thread(target=writer, args=(name,)) for name in batches]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(120)
        assert not errors, errors
        kept = [r.ids[i] for name in results for r in results[name] for i in r.kept_indexes]
        assert len(kept) == stories
        assert sorted(int(x.split("-")[1]) for x in kept) == list(range(stories))
        with Index.open(url) as index:
            assert sorted(row["id"] for row in index.export()) == sorted(kept)
            stats = index.stats()
            assert stats.articles == stories and stats.aliases == stories
            rerun = dedupe([{"id": f"c-{k}", "text": _story(k)} for k in range(stories)], index=index)
            assert not rerun.kept.any()
    finally:
        drop(url)


def test_redis_lock_held_by_another_run_is_refused_after_the_wait(tmp_path: Path):
    url = fresh_url("redis", tmp_path)
    try:
        with Index.open(url) as holder, holder.transaction():
            dedupe(DAY1, index=holder)
            with Index.open(url, wait=0.2) as other, pytest.raises(IndexBusy, match="in use by another run"):
                dedupe(DAY2, index=other)
        with Index.open(url) as index:
            assert index.stats().articles == 4
    finally:
        drop(url)


def test_query_answers_known_keys_and_verifies_candidates(index_url: str):
    """The library API: `query` on signed arrays, `add` of entries, `remove` by id."""
    from newsclean.clusters import ShingleStore
    from newsclean.index import Entry

    rng = np.random.default_rng(5)
    sigs = rng.integers(0, 2**32, size=(3, 128), dtype=np.uint64).astype(np.uint32)
    sets = [np.unique(rng.integers(0, 2**32, 300, dtype=np.uint64).astype(np.uint32)) for _ in range(3)]
    with Index.open(index_url) as index:
        with index.transaction():
            index.bind(DedupeConfig())
            numbers = index.add(
                [
                    Entry(id=i, exact=100 + i, words=300, date=None, signature=sigs[i], shingles=sets[i])
                    for i in range(2)
                ]
            )
        found = index.query(
            np.array([100, 7, 8], dtype=np.uint64), sigs, ShingleStore.from_parts([sets[0], sets[1], sets[2]])
        )
        assert [m and (m.id, m.exact, m.similarity) for m in found] == [(0, True, 1.0), (1, False, 1.0), None]
        assert numbers == [1, 2] and index.remove([1]) == 1
        assert index.query(np.array([7], dtype=np.uint64), sigs[1:2], ShingleStore.from_parts([sets[1]])) == [None]
