"""Shingle sketches: exact Jaccard for ordinary articles, bounded memory and an unbiased estimate for long ones."""

from __future__ import annotations

import numpy as np

from newsclean import DedupeConfig, dedupe
from newsclean.alignment import MAX_WINDOWS
from newsclean.clusters import SKETCH_SIZE, jaccard, shingle_sketch
from newsclean.deduplication import sign_records
from newsclean.shingle import shingles


def _sets(rng: np.random.Generator, common: int, only_a: int, only_b: int) -> tuple[np.ndarray, np.ndarray, float]:
    values = rng.choice(2**32, size=common + only_a + only_b, replace=False).astype(np.uint32)
    a = np.concatenate([values[:common], values[common : common + only_a]])
    b = np.concatenate([values[:common], values[common + only_a :]])
    return a, b, common / (common + only_a + only_b)


def test_short_articles_are_compared_exactly() -> None:
    a, b, truth = _sets(np.random.default_rng(1), 300, 40, 70)
    assert jaccard(shingle_sketch(a), shingle_sketch(b)) == truth


def test_long_articles_get_an_unbiased_bounded_estimate() -> None:
    rng = np.random.default_rng(2)
    errors = []
    for _ in range(60):
        a, b, truth = _sets(rng, 3_000, 700, 600)
        sa, sb = shingle_sketch(a), shingle_sketch(b)
        assert len(sa) == len(sb) == SKETCH_SIZE
        errors.append(jaccard(sa, sb) - truth)
    assert abs(float(np.mean(errors))) < 0.01
    assert float(np.std(errors)) < 0.025


def _long_text(rng: np.random.Generator, words: int) -> str:
    return " ".join(f"kata{w}" for w in rng.integers(0, 200_000, size=words))


def test_state_per_article_does_not_grow_with_its_length() -> None:
    rng = np.random.default_rng(4)
    config = DedupeConfig(clean=False)
    short = sign_records([{"id": i, "text": _long_text(rng, 2_000)} for i in range(20)], config)
    long = sign_records([{"id": i, "text": _long_text(rng, 20_000)} for i in range(20)], config)
    assert short.store.nbytes == long.store.nbytes == 20 * SKETCH_SIZE * 4 + 21 * 8
    assert len(long.windows.hashes) == 20 * MAX_WINDOWS and len(long.windows.dated) == 20 * (MAX_WINDOWS + 4)


def test_a_long_article_and_its_light_edit_are_still_one_story() -> None:
    rng = np.random.default_rng(5)
    words = _long_text(rng, 6_000).split()
    edited = list(words)
    for i in rng.choice(len(words), size=60, replace=False):
        edited[i] = "diubah"
    result = dedupe(
        [{"id": "a", "text": " ".join(words)}, {"id": "b", "text": " ".join(edited)}], config=DedupeConfig(clean=False)
    )
    exact = len(set(shingles(" ".join(words))) & set(shingles(" ".join(edited)))) / len(
        set(shingles(" ".join(words))) | set(shingles(" ".join(edited)))
    )
    assert result.cluster[0] == result.cluster[1]
    assert abs(float(result.similarity[1]) - exact) < 0.05
