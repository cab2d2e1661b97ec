"""Signing a chunk of compared texts in one pass: what dedupe needs of each text, each text tokenized once.

Per text: its token count (0: nothing to compare), its exact-pass key, its shingle sketch, its MinHash
signature and (for the relations) its window sequence. `sign_chunk_python` is the specification, built from
the per-step functions the rest of the project defines (`tokens`, `exact_key`, `shingle_hashes_python` and
`shingle_sketch`, `windows_of`, `signatures_python`); `sign_chunk` runs the C kernel
(`newsclean._speedups.sign_chunk`) when it is built, which tokenizes each text once and hashes each shingle
once for the signature and the sketch, and computes the exact key (BLAKE2b-64) without the GIL. Tests hold the
two equal field by field (tests/test_signing.py).

Why one pass: the steps were separate calls, each tokenizing the text again (twice in Python), and the
shingles were hashed once for the sketch and again for the signature.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .alignment import DATE_HASHES, MAX_WINDOWS, Windows, windows_of
from .clusters import SKETCH_SIZE, shingle_sketch
from .extensions import load_extension
from .shingle import tokens
from .signature import HashName, shingle_hashes_python, signature_params, signatures_python

#: The C kernel, or None (NEWSCLEAN_PUREPYTHON=1, or not built).
_KERNEL = load_extension("_speedups")


@dataclass(frozen=True, slots=True)
class SignedChunk:
    """One chunk of texts, signed: per text its token count, exact key (0 for a text without words), sketch,
    window sequence (None when not asked for) and signature row (all 0xFFFFFFFF for a text without words)."""

    words: np.ndarray
    exact: np.ndarray
    sketches: list[np.ndarray]
    windows: list[Windows] | None
    signatures: np.ndarray


def exact_key(words: list[str]) -> int:
    """64-bit key of the normalized text: its casefolded word tokens, so whitespace, punctuation and case
    differences (a re-scrape with hard wraps) are exact duplicates."""
    digest = hashlib.blake2b(" ".join(words).encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return int.from_bytes(digest, "little")


def sign_chunk_python(
    texts: Sequence[str], *, ngram: int, num_perm: int, seed: int, hash: HashName, windows: bool
) -> SignedChunk:
    """The specification of `sign_chunk`."""
    found = [tokens(text) for text in texts]
    empty = np.empty(0, dtype=np.uint32)
    return SignedChunk(
        words=np.array([len(words) for words in found], dtype=np.int32),
        exact=np.array([exact_key(words) if words else 0 for words in found], dtype=np.uint64),
        sketches=[
            shingle_sketch(shingle_hashes_python(text, ngram, hash)) if words else empty
            for text, words in zip(texts, found, strict=True)
        ],
        windows=[windows_of(words, ngram) for words in found] if windows else None,
        signatures=signatures_python(texts, ngram=ngram, num_perm=num_perm, seed=seed, hash=hash),
    )


def sign_chunk_c(
    texts: Sequence[str], *, ngram: int, num_perm: int, seed: int, hash: HashName, windows: bool
) -> SignedChunk:
    """`sign_chunk_python` computed by the C kernel in one call (RuntimeError when it is not built)."""
    if _KERNEL is None:
        raise RuntimeError("the C kernel newsclean._speedups is not built")
    texts = texts if isinstance(texts, (list, tuple)) else list(texts)
    a, b = signature_params(num_perm, seed)
    out = np.empty((len(texts), num_perm), dtype=np.uint32)
    limit = MAX_WINDOWS + ngram - 1 if windows else 0
    words, exact, sketches, sequences = _KERNEL.sign_chunk(
        texts, ngram, hash, a, b, out, SKETCH_SIZE, limit, DATE_HASHES
    )
    return SignedChunk(
        words=np.frombuffer(words, dtype=np.int32),
        exact=np.frombuffer(exact, dtype=np.uint64),
        sketches=[np.frombuffer(sketch, dtype=np.uint32) for sketch in sketches],
        windows=(
            [
                Windows(np.frombuffer(hashes, dtype=np.uint32), np.frombuffer(dated, dtype=bool), ngram)
                for hashes, dated in sequences
            ]
            if windows
            else None
        ),
        signatures=out,
    )


def sign_chunk(
    texts: Sequence[str], *, ngram: int, num_perm: int, seed: int, hash: HashName, windows: bool
) -> SignedChunk:
    """Token counts, exact keys, sketches, window sequences (when `windows`) and signatures of `texts`."""
    impl = sign_chunk_c if _KERNEL is not None else sign_chunk_python
    return impl(texts, ngram=ngram, num_perm=num_perm, seed=seed, hash=hash, windows=windows)
