"""MinHash signatures of word n-grams: the readable specification, and the dispatch to the C kernel.

A signature row is what datasketch 2.0.0 computes, bit for bit, for the default ``affine32`` scheme::

    m = datasketch.MinHash(num_perm=num_perm, seed=seed)
    m.update_batch([s.encode("utf-8") for s in newsclean.shingles(text, ngram)])
    row = m.hashvalues                      # uint32, all 0xFFFFFFFF when there are no shingles

Why bit-identical and not merely "equivalent": signatures are stored, compared and fed to
``datasketch.MinHashLSH`` by other tools; identity lets a signature made here be mixed with one made by plain
datasketch (and lets the tests check us against datasketch rather than against ourselves).

Per shingle (UTF-8 bytes) the pipeline is:

1. a 32-bit hash: ``sha1`` = the first four SHA-1 digest bytes read little-endian (datasketch's
   ``sha1_hash32``); ``xxh64`` = the low 32 bits of xxHash64 (seed 0) of the shingle's bytes; ``fast`` = the
   low 32 bits of `fast_shingle_hash`, which hashes each token once and combines the token hashes of a
   shingle with a polynomial (a few multiplies per shingle instead of hashing ~40 bytes), the mode to use
   when datasketch interop does not matter;
2. the MurmurHash3 finalizer ``fmix32`` (datasketch pre-mixes with it once);
3. for each permutation k: ``a[k] * h + b[k] mod 2**32`` with ``a`` odd, parameters drawn exactly as
   datasketch draws them from ``numpy.random.RandomState(seed)``;
4. the minimum over shingles for each k.

The hash modes share steps 2-4, so LSH banding and Jaccard estimation downstream do not care which mode
made a signature, as long as all signatures compared were made with the same one.

``BACKEND`` says which implementation ``signatures`` and ``shingle_hashes`` use: ``"c"`` (``_speedups``) when
the extension imports, else ``"python"``. ``NEWSCLEAN_PUREPYTHON=1`` forces the Python path;
``NEWSCLEAN_REQUIRE_SPEEDUPS=1`` turns a missing extension into an ImportError instead of a silent slowdown.
"""

from __future__ import annotations

import functools
import hashlib
import math
import threading
from collections.abc import Callable, Iterator, Sequence
from types import ModuleType
from typing import Literal

import numpy as np

from .extensions import load_extension
from .shingle import shingles, tokens, windows

__all__ = [
    "BACKEND",
    "HASHES",
    "fast_shingle_hash",
    "fast_token_hash",
    "fmix32",
    "fmix64",
    "shingle_hashes",
    "shingle_hashes_c",
    "shingle_hashes_python",
    "signature_params",
    "signatures",
    "signatures_c",
    "signatures_python",
    "xxh64",
]

HashName = Literal["sha1", "xxh64", "fast"]

#: The shingle hashes understood by every function here. ``fast`` is the documented fast mode; ``xxh64``
#: (xxHash64 of the shingle bytes) stays so signatures stored with it can still be compared.
HASHES: tuple[str, ...] = ("sha1", "xxh64", "fast")

_EMPTY = np.uint32(0xFFFFFFFF)
_U64 = 0xFFFFFFFFFFFFFFFF


_SPEEDUPS: ModuleType | None = load_extension("_speedups")

#: ``"c"`` when the C kernel is in use, ``"python"`` otherwise.
BACKEND: str = "c" if _SPEEDUPS is not None else "python"


# --------------------------------------------------------------------------------------------- parameters


def _check(ngram: int, num_perm: int, seed: int, hash: str, workers: int = 1) -> None:
    """Validate once, with the same messages on both backends."""
    if ngram < 1:
        raise ValueError(f"ngram must be >= 1, got {ngram}")
    if num_perm < 1:
        raise ValueError(f"num_perm must be >= 1, got {num_perm}")
    if not 0 <= seed < 2**32:
        raise ValueError(f"seed must be in [0, 2**32), got {seed}")
    if hash not in HASHES:
        raise ValueError(f"hash must be one of {HASHES}, got {hash!r}")
    if workers < 1:
        raise ValueError(f"workers must be >= 1, got {workers}")


@functools.lru_cache(maxsize=32)
def signature_params(num_perm: int = 128, seed: int = 1) -> tuple[np.ndarray, np.ndarray]:
    """The permutation parameters ``(a, b)``, uint32 arrays of length ``num_perm``, read-only.

    Drawn exactly like ``datasketch.MinHash._init_permutations`` for the affine32 scheme (same generator,
    same call order), which is what makes rows identical to datasketch's. Cached because drawing them costs
    more than signing a short text, and read-only because the cache hands the same arrays to every caller.
    """
    gen = np.random.RandomState(seed)
    a = gen.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, num_perm, dtype=np.uint32)
    a.setflags(write=False)
    b.setflags(write=False)
    return a, b


# ------------------------------------------------------------------------------------------------ hashing


def fmix32(h: np.ndarray) -> np.ndarray:
    """MurmurHash3's 32-bit finalizer on a uint32 array (wrapping multiply), as datasketch pre-mixes."""
    h = h.astype(np.uint32, copy=True)
    h ^= h >> np.uint32(16)
    h *= np.uint32(0x85EBCA6B)
    h ^= h >> np.uint32(13)
    h *= np.uint32(0xC2B2AE35)
    h ^= h >> np.uint32(16)
    return h


def _rotl64(x: int, r: int) -> int:
    return ((x << r) | (x >> (64 - r))) & _U64


_XXP1 = 0x9E3779B185EBCA87
_XXP2 = 0xC2B2AE3D27D4EB4F
_XXP3 = 0x165667B19E3779F9
_XXP4 = 0x85EBCA77C2B2AE63
_XXP5 = 0x27D4EB2F165667C5


def _xxh_round(acc: int, lane: int) -> int:
    return (_rotl64((acc + lane * _XXP2) & _U64, 31) * _XXP1) & _U64


def xxh64(data: bytes, seed: int = 0) -> int:
    """xxHash64 of `data` in pure Python: the specification of the fast mode's hash.

    Chosen because it is a published, widely implemented 64-bit hash (the `xxhash` package and most
    languages reproduce it) that costs a few cycles per byte in C, far below SHA-1.
    """
    n = len(data)
    p = 0
    if n >= 32:
        v1 = (seed + _XXP1 + _XXP2) & _U64
        v2 = (seed + _XXP2) & _U64
        v3 = seed & _U64
        v4 = (seed - _XXP1) & _U64
        while p + 32 <= n:
            v1 = _xxh_round(v1, int.from_bytes(data[p : p + 8], "little"))
            v2 = _xxh_round(v2, int.from_bytes(data[p + 8 : p + 16], "little"))
            v3 = _xxh_round(v3, int.from_bytes(data[p + 16 : p + 24], "little"))
            v4 = _xxh_round(v4, int.from_bytes(data[p + 24 : p + 32], "little"))
            p += 32
        h = (_rotl64(v1, 1) + _rotl64(v2, 7) + _rotl64(v3, 12) + _rotl64(v4, 18)) & _U64
        for v in (v1, v2, v3, v4):
            h = ((h ^ _xxh_round(0, v)) * _XXP1 + _XXP4) & _U64
    else:
        h = (seed + _XXP5) & _U64
    h = (h + n) & _U64
    while p + 8 <= n:
        h ^= _xxh_round(0, int.from_bytes(data[p : p + 8], "little"))
        h = (_rotl64(h, 27) * _XXP1 + _XXP4) & _U64
        p += 8
    if p + 4 <= n:
        h ^= (int.from_bytes(data[p : p + 4], "little") * _XXP1) & _U64
        h = (_rotl64(h, 23) * _XXP2 + _XXP3) & _U64
        p += 4
    while p < n:
        h ^= (data[p] * _XXP5) & _U64
        h = (_rotl64(h, 11) * _XXP1) & _U64
        p += 1
    h ^= h >> 33
    h = (h * _XXP2) & _U64
    h ^= h >> 29
    h = (h * _XXP3) & _U64
    return h ^ (h >> 32)


#: Start value of `fast_token_hash` (hex digits of pi: any fixed constant would do).
_FAST_SEED = 0x243F6A8885A308D3
#: Odd multiplier of the shingle polynomial (the golden-ratio constant). Odd makes every power of it
#: invertible mod 2**64, so two shingles differing in one token never collide before the final mix.
_FAST_BASE = 0x9E3779B97F4A7C15


def fmix64(x: int) -> int:
    """MurmurHash3's 64-bit finalizer: a bijection of 64-bit integers with full avalanche."""
    x ^= x >> 33
    x = (x * 0xFF51AFD7ED558CCD) & _U64
    x ^= x >> 33
    x = (x * 0xC4CEB9FE1A85EC53) & _U64
    return x ^ (x >> 33)


def fast_token_hash(token: bytes) -> int:
    """64-bit hash of one token's UTF-8 bytes, the first half of the ``fast`` mode.

    The bytes are read as little-endian 8-byte words, the last one zero-padded, and each word is folded in
    with ``h = fmix64(h ^ word)``. A token never contains a NUL byte (NUL is not alphanumeric), so the
    padded words determine the token; with one word (tokens of up to 8 bytes, most Indonesian words) the
    map is a bijection, so such tokens cannot collide at all. Longer tokens collide only at random, like
    any 64-bit hash.
    """
    h = _FAST_SEED
    for start in range(0, len(token), 8):
        h = fmix64(h ^ int.from_bytes(token[start : start + 8], "little"))
    return h


def fast_shingle_hash(token_hashes: Sequence[int]) -> int:
    """64-bit hash of a shingle from its tokens' `fast_token_hash` values, the second half of ``fast``.

    ``fmix64(sum(t[i] * BASE**(k-1-i)) mod 2**64)`` for the k tokens: a polynomial, so the C kernel computes
    all shingles of a text in k vectorised multiply-add passes over the token hashes instead of hashing each
    shingle's ~40 bytes. The final ``fmix64`` spreads every bit of the sum into the low 32 bits
    the permutations use (the low bits of a sum depend only on the low bits of its terms).
    """
    acc = 0
    for t in token_hashes:
        acc = (acc * _FAST_BASE + t) & _U64
    return fmix64(acc)


def _fast_window_hashes(text: str, ngram: int) -> list[int]:
    """`fast_shingle_hash` of every shingle of `text`, in order, repeats kept; each token hashed once."""
    words = tokens(text)
    by_token = {w: fast_token_hash(w.encode("utf-8")) for w in words}
    return [fast_shingle_hash([by_token[w] for w in window]) for window in windows(words, ngram)]


def _sha1_hash32(data: bytes) -> int:
    """datasketch.hashfunc.sha1_hash32: the first four SHA-1 digest bytes, little-endian."""
    return int.from_bytes(hashlib.sha1(data).digest()[:4], "little")


def shingle_hashes_python(text: str, ngram: int = 5, hash: HashName = "sha1") -> np.ndarray:
    """Hash of each unique shingle of `text`, in first-occurrence order (Python specification).

    uint32 (``sha1_hash32``) for ``"sha1"``, uint64 (full xxHash64) for ``"xxh64"``, uint64
    (`fast_shingle_hash`) for ``"fast"``: the raw hash, before ``fmix32``, so exact Jaccard computed from these
    sets is the Jaccard of the shingle sets up to hash collisions (negligible at 64 bits, rare at 32). For
    ``"fast"`` the unit is the hash value: its distinct values in first-occurrence order (so the kernel can
    dedupe on the 64-bit value without comparing shingle bytes; the same as distinct shingles unless two
    shingles collide in 64 bits).
    """
    _check(ngram, 1, 0, hash)
    if hash == "fast":
        return np.array(list(dict.fromkeys(_fast_window_hashes(text, ngram))), dtype=np.uint64)
    grams = [s.encode("utf-8") for s in shingles(text, ngram)]
    if hash == "sha1":
        return np.fromiter((_sha1_hash32(g) for g in grams), dtype=np.uint32, count=len(grams))
    return np.fromiter((xxh64(g) for g in grams), dtype=np.uint64, count=len(grams))


def shingle_hashes_c(text: str, ngram: int = 5, hash: HashName = "sha1") -> np.ndarray:
    """`shingle_hashes_python` computed by the C kernel (RuntimeError when it is not built)."""
    kernel = _require_kernel()
    _check(ngram, 1, 0, hash)
    raw = kernel.shingle_hashes(text, ngram, hash)
    return np.frombuffer(raw, dtype=np.uint32 if hash == "sha1" else np.uint64)


def shingle_hashes(text: str, ngram: int = 5, hash: HashName = "sha1") -> np.ndarray:
    """Hash of each unique shingle of `text` (see `shingle_hashes_python`), on the fastest backend."""
    if _SPEEDUPS is not None:
        return shingle_hashes_c(text, ngram, hash)
    return shingle_hashes_python(text, ngram, hash)


# ------------------------------------------------------------------------------------------------- signing


def _minhash(h32: np.ndarray, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Column minimum of ``a * fmix32(h) + b`` over the shingle hashes `h32` (all-max when empty).

    Works in blocks of shingles so a very long text does not build one (shingles x num_perm) matrix.
    """
    row = np.full(a.shape[0], _EMPTY, dtype=np.uint32)
    mixed = fmix32(h32)
    for start in range(0, mixed.shape[0], 2048):
        block = mixed[start : start + 2048, None] * a + b
        np.minimum(row, block.min(axis=0), out=row)
    return row


def _signature_hashes(text: str, ngram: int, hash: str) -> np.ndarray:
    """The 32-bit inputs of the permutations: sha1_hash32, or the low half of the 64-bit hash."""
    raw = shingle_hashes_python(text, ngram, hash)  # type: ignore[arg-type]
    return raw if hash == "sha1" else (raw & np.uint64(0xFFFFFFFF)).astype(np.uint32)


def signatures_python(
    texts: Sequence[str],
    *,
    ngram: int = 5,
    num_perm: int = 128,
    seed: int = 1,
    hash: HashName = "sha1",
    workers: int = 1,
) -> np.ndarray:
    """MinHash signatures, (len(texts), num_perm) uint32, computed in Python + numpy: the specification.

    `workers` is accepted for signature compatibility and ignored: this path holds the GIL throughout.
    Duplicate shingles are dropped before hashing, though the minimum would ignore them anyway.
    """
    _check(ngram, num_perm, seed, hash, workers)
    a, b = signature_params(num_perm, seed)
    texts = list(texts)
    out = np.empty((len(texts), num_perm), dtype=np.uint32)
    for i, text in enumerate(texts):
        if not isinstance(text, str):
            raise TypeError(f"texts must be str, got {type(text).__name__}")
        out[i] = _minhash(_signature_hashes(text, ngram, hash), a, b)
    return out


def _require_kernel() -> ModuleType:
    if _SPEEDUPS is None:
        raise RuntimeError("newsclean._speedups is not available (not built, or NEWSCLEAN_PUREPYTHON=1)")
    return _SPEEDUPS


def _chunks(n: int, workers: int) -> list[tuple[int, int]]:
    """Row ranges for the threads: several per worker so uneven text lengths still balance."""
    size = max(1, min(512, math.ceil(n / (workers * 8))))
    return [(i, min(n, i + size)) for i in range(0, n, size)]


def _on_threads(work: Callable[[int, int], object], ranges: Iterator[tuple[int, int]], workers: int) -> None:
    """Run `work(lo, hi)` for every range on `workers` threads, the calling thread being one of them.

    Each thread takes the next range from the shared iterator (one `next` is atomic under the GIL), so
    threads that got short texts simply take more ranges. Plain threads and not a ThreadPoolExecutor: a pool
    per call cost a sizeable share of signing a batch in the fast mode, and held two threads well short of
    twice the speed of one.
    The first exception of any thread is raised here once all threads are done.
    """
    errors: list[BaseException] = []

    def drain() -> None:
        try:
            for lo, hi in ranges:
                work(lo, hi)
        except BaseException as exc:  # re-raised below, in the caller's thread
            errors.append(exc)

    helpers = [threading.Thread(target=drain, daemon=True) for _ in range(workers - 1)]
    for thread in helpers:
        thread.start()
    drain()
    for thread in helpers:
        thread.join()
    if errors:
        try:
            raise errors[0]
        finally:
            errors.clear()  # no cycle exception -> traceback -> this frame -> errors -> exception


def signatures_c(
    texts: Sequence[str],
    *,
    ngram: int = 5,
    num_perm: int = 128,
    seed: int = 1,
    hash: HashName = "sha1",
    workers: int = 1,
) -> np.ndarray:
    """`signatures_python` computed by the C kernel, optionally on `workers` threads.

    The kernel releases the GIL after casefolding, so threads scale; each thread writes its own rows of the
    output, so the result does not depend on `workers`.
    """
    kernel = _require_kernel()
    _check(ngram, num_perm, seed, hash, workers)
    a, b = signature_params(num_perm, seed)
    texts = texts if isinstance(texts, (list, tuple)) else list(texts)
    out = np.empty((len(texts), num_perm), dtype=np.uint32)
    if workers == 1 or len(texts) < 2:
        kernel.signatures_into(texts, ngram, hash, a, b, out)
        return out
    ranges = _chunks(len(texts), workers)
    _on_threads(
        lambda lo, hi: kernel.signatures_into(texts[lo:hi], ngram, hash, a, b, out[lo:hi]),
        iter(ranges),
        min(workers, len(ranges)),
    )
    return out


def signatures(
    texts: Sequence[str],
    *,
    ngram: int = 5,
    num_perm: int = 128,
    seed: int = 1,
    hash: HashName = "sha1",
    workers: int = 1,
) -> np.ndarray:
    """MinHash signatures of `texts`: array (len(texts), num_perm), dtype uint32, one row per text.

    With ``hash="sha1"`` row i equals datasketch's ``MinHash(num_perm, seed)`` updated with the UTF-8 shingles
    of ``texts[i]``; ``hash="fast"`` is the fast mode (and ``"xxh64"`` the older one) with the same
    permutation scheme. Runs on `BACKEND`.
    """
    impl = signatures_c if _SPEEDUPS is not None else signatures_python
    return impl(texts, ngram=ngram, num_perm=num_perm, seed=seed, hash=hash, workers=workers)
