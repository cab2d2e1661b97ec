"""One-pass signing: the C kernel (`sign_chunk_c`) returns what its Python specification returns, field by field,
and the specification is the per-step functions dedupe used before (tokens, exact key, sketch, windows,
signatures)."""

from __future__ import annotations

import hashlib

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsclean import signing
from newsclean.alignment import windows_of
from newsclean.clusters import SKETCH_SIZE, shingle_sketch
from newsclean.shingle import tokens
from newsclean.signature import shingle_hashes_python, signatures_python

needs_c = pytest.mark.skipif(signing._KERNEL is None, reason="C kernel not built")

#: Characters that tokenize, fold or encode oddly: what the tokenizer paths (ASCII bits, narrow, fold table,
#: whole casefold) and the UTF-8 of the exact key must all get right.
TRICKY = "aZ09-_ ., \n\t\u00a0ßẞﬁﬀİıΣσςKΩé\u0301\u0308日本語ｶ🙂𝔘𝔫٣३²½Ⅻǅ—–‘’“”\u200b"
TEXTS = [
    "",
    "   ",
    "satu",
    "Harga beras NAIK lagi di pasar induk, kata pedagang Senin (12/5/2025) pukul 10.00 WIB.",
    "İstanbul ß café naïve — ﬁsh " * 40,
    " ".join(f"kata{number}" for number in range(3_000)),
    "a-b c--d -e f- " * 30,
]
MODES = ["sha1", "fast", "xxh64"]


def _assert_same(left: signing.SignedChunk, right: signing.SignedChunk) -> None:
    assert np.array_equal(left.words, right.words)
    assert np.array_equal(left.exact, right.exact)
    assert len(left.sketches) == len(right.sketches)
    for mine, theirs in zip(left.sketches, right.sketches, strict=True):
        assert np.array_equal(mine, theirs)
    assert (left.windows is None) == (right.windows is None)
    for mine, theirs in zip(left.windows or [], right.windows or [], strict=True):
        assert np.array_equal(mine.hashes, theirs.hashes)
        assert np.array_equal(mine.dated, theirs.dated)
        assert mine.ngram == theirs.ngram
    assert np.array_equal(left.signatures, right.signatures)


def _both(texts: list[str], **options) -> tuple[signing.SignedChunk, signing.SignedChunk]:
    settings_ = {"ngram": 5, "num_perm": 64, "seed": 1, "hash": "sha1", "windows": True, **options}
    return signing.sign_chunk_c(texts, **settings_), signing.sign_chunk_python(texts, **settings_)


def test_the_specification_is_the_per_step_functions() -> None:
    chunk = signing.sign_chunk_python(TEXTS, ngram=5, num_perm=32, seed=1, hash="sha1", windows=True)
    for number, text in enumerate(TEXTS):
        words = tokens(text)
        assert chunk.words[number] == len(words)
        if words:
            expected = hashlib.blake2b(" ".join(words).encode("utf-8", "surrogatepass"), digest_size=8).digest()
            assert int(chunk.exact[number]) == int.from_bytes(expected, "little")
            assert np.array_equal(chunk.sketches[number], shingle_sketch(shingle_hashes_python(text, 5, "sha1")))
        assert np.array_equal(chunk.windows[number].hashes, windows_of(words, 5).hashes)
    assert np.array_equal(chunk.signatures, signatures_python(TEXTS, ngram=5, num_perm=32, seed=1))


@needs_c
@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("windows", [True, False])
def test_kernel_equals_specification_on_edge_texts(mode: str, windows: bool) -> None:
    _assert_same(*_both(TEXTS, hash=mode, windows=windows))


@needs_c
@pytest.mark.parametrize(("ngram", "num_perm", "seed"), [(1, 16, 0), (3, 128, 7), (9, 200, 3)])
def test_kernel_equals_specification_for_other_settings(ngram: int, num_perm: int, seed: int) -> None:
    for mode in MODES:
        _assert_same(*_both(TEXTS, ngram=ngram, num_perm=num_perm, seed=seed, hash=mode))


@needs_c
def test_sketch_is_cut_to_its_size() -> None:
    text = " ".join(f"kata{number}" for number in range(3 * SKETCH_SIZE))
    kernel, spec = _both([text])
    assert len(kernel.sketches[0]) == SKETCH_SIZE
    _assert_same(kernel, spec)


@needs_c
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    texts=st.lists(st.text(alphabet=st.sampled_from(TRICKY), max_size=120) | st.text(max_size=60), max_size=6),
    mode=st.sampled_from(MODES),
)
def test_kernel_equals_specification_on_generated_unicode(texts: list[str], mode: str) -> None:
    _assert_same(*_both(texts, hash=mode))


@needs_c
def test_exact_key_is_blake2b_of_long_texts() -> None:
    """BLAKE2b's block boundaries (128 bytes) and multi-block messages, in the kernel."""
    texts = ["x" * length for length in (1, 127, 128, 129, 255, 256, 257, 1_000)]
    texts += [" ".join(["kata"] * count) for count in (25, 26, 51, 52, 300)]
    kernel, spec = _both(texts)
    assert np.array_equal(kernel.exact, spec.exact)


@needs_c
def test_bad_arguments_are_errors_not_crashes() -> None:
    with pytest.raises(TypeError):
        signing.sign_chunk_c([b"bytes"], ngram=5, num_perm=8, seed=1, hash="sha1", windows=True)  # type: ignore[list-item]
    with pytest.raises(ValueError):
        signing.sign_chunk_c(["a"], ngram=0, num_perm=8, seed=1, hash="sha1", windows=True)
    with pytest.raises(ValueError):
        signing.sign_chunk_c(["a"], ngram=5, num_perm=8, seed=1, hash="md5", windows=True)  # type: ignore[arg-type]
