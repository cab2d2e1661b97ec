"""The C kernel must not leak references or memory, on success and on every error path."""

from __future__ import annotations

import gc
import sys
import tracemalloc
from pathlib import Path

import numpy as np
import pytest

from newsclean import signature as sig

pytestmark = pytest.mark.skipif(sig.BACKEND != "c", reason="C kernel not built")

TEXTS = [
    "Harga BERAS naik lagi di Pasar Cipinang, kata pedagang-pedagang setempat.",
    "Gubernur meresmikan jembatan baru — “ini untuk rakyat”, ujarnya (12/5).",
    "straße ﬁnal İstanbul 日本語 🙂 e\u0301",
    "",
    "satu",
]


def _rss_kib() -> int:
    """Resident set size from /proc (Linux); 0 elsewhere, which turns the RSS check into a no-op."""
    statm = Path("/proc/self/statm")
    if not statm.exists():
        return 0
    pages = int(statm.read_text().split()[1])
    return pages * 4


class NotCasefoldable(str):
    def casefold(self) -> str:
        raise RuntimeError("boom")


class BadCasefold(str):
    def casefold(self) -> int:  # type: ignore[override]
        return 42


def _exercise() -> None:
    for h in sig.HASHES:
        sig.signatures_c(TEXTS, hash=h, num_perm=64)
        sig.shingle_hashes_c(TEXTS[1], 3, h)
    sig.signatures_c(TEXTS * 4, workers=2, num_perm=16)
    sig.signatures_c(TEXTS * 4, workers=2, num_perm=16, hash="fast")
    with pytest.raises(TypeError):
        sig.signatures_c([*TEXTS, 7, *TEXTS], workers=3, num_perm=16)
    kernel = sig._require_kernel()
    for data in (b"", b"kata", b"x" * 17, bytearray(b"sembilan belas huruf")):
        kernel.hash_bytes(data, "fast")
    with pytest.raises(TypeError):
        sig.signatures_c([TEXTS[0], 7, TEXTS[1]])
    with pytest.raises(RuntimeError):
        sig.signatures_c([TEXTS[2], NotCasefoldable("x")])
    with pytest.raises(TypeError):
        sig.signatures_c([TEXTS[0], BadCasefold("y")])
    with pytest.raises(RuntimeError):
        sig.shingle_hashes_c(NotCasefoldable("x"), 5, "sha1")
    with pytest.raises(TypeError):
        sig.shingle_hashes_c(b"bytes", 5, "sha1")  # type: ignore[arg-type]
    with pytest.raises(RuntimeError):
        sig.shingle_hashes_c(NotCasefoldable("x"), 5, "fast")
    with pytest.raises(TypeError):
        sig.signatures_c([TEXTS[1], 7], hash="fast")
    with pytest.raises(ValueError):
        kernel.hash_bytes(b"x", "md5")
    with pytest.raises(ValueError):
        sig._require_kernel().signatures_into(TEXTS, 5, "sha1", b"\0" * 8, b"\0" * 8, bytearray(3))


def test_reference_counts_are_stable() -> None:
    _exercise()
    owned = [t for t in TEXTS if t]  # "" is a shared singleton whose count moves with unrelated code
    before = [sys.getrefcount(t) for t in owned]
    for _ in range(200):
        _exercise()
    gc.collect()
    assert [sys.getrefcount(t) for t in owned] == before


def test_no_growth_in_traced_or_resident_memory() -> None:
    long_texts = [t * 200 for t in TEXTS]
    for _ in range(30):
        _exercise()
        for h in sig.HASHES:
            sig.signatures_c(long_texts, num_perm=32, hash=h)
    gc.collect()
    rss_before = _rss_kib()
    tracemalloc.start()
    try:
        snap_before = tracemalloc.take_snapshot()
        for _ in range(400):
            _exercise()
            for h in sig.HASHES:
                sig.signatures_c(long_texts, num_perm=32, hash=h)
        gc.collect()
        snap_after = tracemalloc.take_snapshot()
    finally:
        tracemalloc.stop()
    growth = sum(stat.size_diff for stat in snap_after.compare_to(snap_before, "filename"))
    assert growth < 256 * 1024, f"traced memory grew by {growth} bytes"
    # malloc'd scratch buffers are invisible to tracemalloc: RSS catches a leak of those.
    assert _rss_kib() - rss_before < 8 * 1024


@pytest.mark.parametrize("hash_name", sig.HASHES)
def test_output_buffer_is_only_written_in_bounds(hash_name: str) -> None:
    guard = np.full(3 * 16 + 32, 0xABCDEF01, dtype=np.uint32)
    out = guard[16 : 16 + 3 * 16].reshape(3, 16)
    a, b = sig.signature_params(16, 1)
    sig._require_kernel().signatures_into(TEXTS[:3], 5, hash_name, a, b, out)
    assert (guard[:16] == 0xABCDEF01).all() and (guard[16 + 48 :] == 0xABCDEF01).all()
    np.testing.assert_array_equal(out, sig.signatures_python(TEXTS[:3], num_perm=16, hash=hash_name))
