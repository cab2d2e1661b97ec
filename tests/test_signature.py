"""Signatures: the C kernel against the Python specification, and both against datasketch 2.0.0."""

from __future__ import annotations

import gzip
import hashlib
import itertools
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
from datasketch import MinHash
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsclean import signature as sig
from newsclean.alignment import MAX_WINDOWS, window_sequence, windows_of
from newsclean.shingle import shingles, tokens

REAL_DATA = Path(
    os.environ.get(
        "NEWSCLEAN_REAL_DATA", Path(__file__).resolve().parents[2] / "shared" / "data" / "id-news-real.jsonl.gz"
    )
)

INDONESIAN = [
    "Presiden Joko Widodo meresmikan Jalan Tol Trans-Sumatra ruas Bakauheni–Terbanggi Besar pada Jumat "
    "(8/3/2019). Tol sepanjang 140,9 kilometer itu diharapkan memangkas waktu tempuh dari Lampung ke "
    'Palembang. "Ini akan menurunkan biaya logistik," kata Jokowi kepada wartawan.',
    "JAKARTA, KOMPAS.com — Badan Meteorologi, Klimatologi, dan Geofisika (BMKG) memperingatkan potensi hujan "
    "lebat disertai angin kencang di sejumlah wilayah, antara lain DKI Jakarta, Jawa Barat, dan Banten. "
    "Warga diimbau waspada terhadap banjir dan tanah longsor.",
    "Harga cabai rawit di Pasar Induk Kramat Jati naik menjadi Rp80.000 per kilogram. Para pedagang-pedagang "
    "mengeluhkan pasokan yang menurun akibat cuaca ekstrem di daerah-daerah sentra produksi.",
    "Pemerintah menargetkan vaksinasi COVID-19 dosis ketiga mencapai 50 persen populasi. Menteri Kesehatan "
    "Budi Gunadi Sadikin menyebut stok vaksin aman hingga akhir tahun.",
    "Timnas Indonesia U-23 menang 2-1 atas Vietnam di Stadion Gelora Bung Karno. Gol kemenangan dicetak "
    "pada menit ke-89 lewat sundulan kepala.",
    "Baca Juga: Polisi Tangkap Pelaku Pencurian Motor di Bekasi",
    "",
    "ok",
    "Kegiatan-kegiatan itu diikuti diplomat-diplomat dari 12 negara ASEAN; acara ditutup pukul 21.00 WIB.",
]

# Characters chosen to stress every branch of the tokenizer: 1-, 2-, 3- and 4-byte UTF-8, hyphens, digits,
# underscores, combining marks (separators), casefold expansions (ß -> ss, ﬁ -> fi, İ -> i + U+0307).
TRICKY = "aZ09-_ ., \n\t\u00a0ßẞﬁﬀİıΣσςKΩé\u0301\u0308日本語ｶ🙂𝔘𝔫٣३²½Ⅻǅ—–‘’“”\u200b"


def _datasketch_row(text: str, ngram: int, num_perm: int, seed: int) -> np.ndarray:
    m = MinHash(num_perm=num_perm, seed=seed)
    m.update_batch([s.encode("utf-8") for s in shingles(text, ngram)])
    return m.hashvalues


BACKENDS = ["python", "c"]


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> tuple[Callable[..., np.ndarray], Callable[..., np.ndarray]]:
    """(signatures, shingle_hashes) of one backend; the C one is skipped when the kernel is not built."""
    if request.param == "c":
        if sig.BACKEND != "c":
            pytest.skip("C kernel not built")
        return sig.signatures_c, sig.shingle_hashes_c
    return sig.signatures_python, sig.shingle_hashes_python


needs_c = pytest.mark.skipif(sig.BACKEND != "c", reason="C kernel not built")


# ------------------------------------------------------------------------------------------ parameters


@pytest.mark.parametrize(("num_perm", "seed"), [(128, 1), (64, 7), (3, 0), (256, 2**32 - 1)])
def test_params_match_datasketch(num_perm: int, seed: int) -> None:
    a, b = sig.signature_params(num_perm, seed)
    ref = MinHash(num_perm=num_perm, seed=seed).permutations
    assert a.dtype == b.dtype == np.uint32
    np.testing.assert_array_equal(a, ref[0])
    np.testing.assert_array_equal(b, ref[1])
    assert not a.flags.writeable and not b.flags.writeable
    assert sig.signature_params(num_perm, seed)[0] is a


def test_backend_constant() -> None:
    assert sig.BACKEND in ("c", "python")


# ------------------------------------------------------------------------------------------------ hashes


def test_xxh64_reference_vectors() -> None:
    assert sig.xxh64(b"") == 0xEF46DB3751D8E999
    assert sig.xxh64(b"a") == 0xD24EC4F1A98C6E5B
    assert sig.xxh64(b"abc") == 0x44BC2CF5AD770999


def test_xxh64_matches_xxhash_package() -> None:
    xxhash = pytest.importorskip("xxhash")
    rng = np.random.default_rng(0)
    for n in [*range(0, 70), 100, 255, 1000]:
        data = rng.integers(0, 256, n, dtype=np.uint8).tobytes()
        assert sig.xxh64(data) == xxhash.xxh64_intdigest(data)


def test_fast_hash_pinned_values() -> None:
    """The fast mode is our own definition: these values pin it, so stored signatures stay comparable."""
    assert sig.fast_token_hash(b"") == 0x243F6A8885A308D3
    assert sig.fast_token_hash(b"a") == 0xD62BCB3E65E5408C
    assert sig.fast_token_hash(b"kegiatan") == 0x26ED884F273E9552
    assert sig.fast_token_hash(b"kegiatan-kegiatan") == 0x9CCFE30E55240827
    assert sig.fast_token_hash(b"0123456789abcdef") == 0x51A343052DECA807
    assert sig.fast_token_hash(b"0123456789abcdefg") == 0x67C11E7CD9F62A2B
    assert sig.fast_token_hash("straße".encode()) == 0xCF785CCBCEC6E5A1
    words = [sig.fast_token_hash(w.encode()) for w in ["presiden", "joko", "widodo", "meresmikan", "jalan"]]
    assert sig.fast_shingle_hash(words) == 0x9DEB60984E4101ED
    assert sig.fast_shingle_hash(words[:1]) == 0xC974E7945D3E73D6


def test_fast_shingle_hash_is_order_sensitive_polynomial() -> None:
    a, b, c = (sig.fast_token_hash(w) for w in (b"harga", b"beras", b"naik"))
    assert sig.fast_shingle_hash([a, b, c]) != sig.fast_shingle_hash([b, a, c])
    assert sig.fast_shingle_hash([a, a]) != sig.fast_shingle_hash([b, b])
    acc = (a * sig._FAST_BASE**2 + b * sig._FAST_BASE + c) % 2**64
    assert sig.fast_shingle_hash([a, b, c]) == sig.fmix64(acc)


@pytest.mark.skipif(not REAL_DATA.exists(), reason="real article sample not present")
def test_fast_hashes_do_not_collide_on_real_articles() -> None:
    """Verification compares these hashes as if they were the shingles: distinct must stay distinct."""
    texts = _real_texts(400)
    grams = {g for t in texts for g in shingles(t, 5)}
    words = {w for t in texts for w in tokens(t)}
    assert len({sig.fast_token_hash(w.encode()) for w in words}) == len(words)
    fast = {h for t in texts for h in sig.shingle_hashes_python(t, 5, "fast").tolist()}
    assert len(fast) == len(grams)
    assert len({h & 0xFFFFFFFF for h in fast}) > len(grams) - 10  # 32-bit birthday bound: ~1 expected


@needs_c
def test_c_hashes_match_references() -> None:
    kernel = sig._require_kernel()
    rng = np.random.default_rng(1)
    for n in [*range(0, 140), 1000, 4097]:
        data = rng.integers(0, 256, n, dtype=np.uint8).tobytes()
        assert kernel.hash_bytes(data, "sha1") == int.from_bytes(hashlib.sha1(data).digest()[:4], "little")
        assert kernel.hash_bytes(data, "xxh64") == sig.xxh64(data)
        assert kernel.hash_bytes(data, "fast") == sig.fast_token_hash(data)


@needs_c
def test_portable_sha1_path_in_subprocess() -> None:
    """The SHA-NI path is what this machine runs; the portable compression must agree too."""
    code = (
        "import hashlib; from newsclean import _speedups as k\n"
        "assert not k.cpu_features()['sha_ni']\n"
        "for n in range(0, 200):\n"
        "    d = bytes(range(256))[:n] * 3\n"
        "    assert k.hash_bytes(d, 'sha1') == int.from_bytes(hashlib.sha1(d).digest()[:4], 'little')\n"
    )
    env = {**os.environ, "NEWSCLEAN_NO_SHANI": "1"}
    subprocess.run([sys.executable, "-c", code], env=env, check=True)


@needs_c
def test_tokenizer_without_avx512_in_subprocess() -> None:
    """This machine classifies characters with AVX-512BW; the SSE2 path (ASCII copy first) must agree too."""
    code = (
        "import numpy as np; from newsclean import signature as s\n"
        "assert not s._require_kernel().cpu_features()['avx512bw_classify']\n"
        "texts = ['Harga BERAS-beras naik ' * 9, 'kata \u201ckutip\u201d \u2014 lagi\u00a0x-' * 7, 'ab' * 40, '']\n"
        "texts += ['a' * n + '-b c' for n in range(50, 140)]\n"
        "for h in s.HASHES:\n"
        "    np.testing.assert_array_equal(s.signatures_c(texts, hash=h), s.signatures_python(texts, hash=h))\n"
    )
    env = {**os.environ, "NEWSCLEAN_NO_AVX512": "1"}
    subprocess.run([sys.executable, "-c", code], env=env, check=True)


# -------------------------------------------------------------------------------------------- signatures


@pytest.mark.parametrize(("ngram", "num_perm", "seed"), [(5, 128, 1), (3, 64, 42), (1, 16, 0), (9, 200, 3)])
def test_sha1_bit_identical_to_datasketch(backend, ngram: int, num_perm: int, seed: int) -> None:
    signatures, _ = backend
    out = signatures(INDONESIAN, ngram=ngram, num_perm=num_perm, seed=seed, hash="sha1")
    assert out.shape == (len(INDONESIAN), num_perm) and out.dtype == np.uint32
    for i, text in enumerate(INDONESIAN):
        np.testing.assert_array_equal(out[i], _datasketch_row(text, ngram, num_perm, seed))


def test_empty_text_is_all_max(backend) -> None:
    signatures, hashes = backend
    for h in sig.HASHES:
        out = signatures(["", " -- ", "_"], hash=h, num_perm=8)
        assert (out == 0xFFFFFFFF).all()
        assert hashes("", 5, h).size == 0


def test_empty_batch(backend) -> None:
    signatures, _ = backend
    assert signatures([], num_perm=16).shape == (0, 16)


def _fast_definition(text: str, ngram: int) -> list[int]:
    """The fast mode spelled out from its docstrings: hash each shingle's tokens, combine, keep distinct."""
    hashes = [
        sig.fast_shingle_hash([sig.fast_token_hash(w.encode()) for w in g.split(" ")]) for g in shingles(text, ngram)
    ]
    return list(dict.fromkeys(hashes))


@pytest.mark.parametrize("hash_name", ["xxh64", "fast"])
def test_64_bit_modes_use_low_half_of_the_shingle_hash(backend, hash_name: str) -> None:
    signatures, hashes = backend
    text = INDONESIAN[0] + " " + INDONESIAN[0]
    full = hashes(text, 5, hash_name)
    assert full.dtype == np.uint64
    by_bytes = [sig.xxh64(s.encode()) for s in shingles(text, 5)]
    expected = by_bytes if hash_name == "xxh64" else _fast_definition(text, 5)
    assert full.tolist() == expected
    a, b = sig.signature_params(32, 1)
    low = (full & np.uint64(0xFFFFFFFF)).astype(np.uint32)
    row = (sig.fmix32(low)[:, None] * a + b).min(axis=0)
    np.testing.assert_array_equal(signatures([text], num_perm=32, hash=hash_name)[0], row)


def test_every_mode_estimates_jaccard(backend) -> None:
    """Agreement of signature columns estimates the Jaccard of the shingle sets in every hash mode."""
    signatures, _ = backend
    words = [f"kata{i}" for i in range(400)]
    left = " ".join(words[:300])
    right = " ".join(words[100:])
    true = len(set(shingles(left, 5)) & set(shingles(right, 5))) / len(set(shingles(left, 5)) | set(shingles(right, 5)))
    for h in sig.HASHES:
        rows = signatures([left, right], num_perm=1024, hash=h)
        assert abs(float((rows[0] == rows[1]).mean()) - true) < 0.06, h


def test_shingle_hashes_sha1_are_datasketch_hash32(backend) -> None:
    _, hashes = backend
    text = INDONESIAN[2] + " " + INDONESIAN[2]
    got = hashes(text, 3, "sha1")
    want = [int.from_bytes(hashlib.sha1(s.encode()).digest()[:4], "little") for s in shingles(text, 3)]
    assert got.dtype == np.uint32 and got.tolist() == want


def test_argument_validation(backend) -> None:
    signatures, hashes = backend
    with pytest.raises(ValueError):
        signatures(["a"], ngram=0)
    with pytest.raises(ValueError):
        signatures(["a"], num_perm=0)
    with pytest.raises(ValueError):
        signatures(["a"], hash="md5")
    with pytest.raises(ValueError):
        signatures(["a"], workers=0)
    with pytest.raises(ValueError):
        signatures(["a"], seed=-1)
    with pytest.raises(TypeError):
        signatures(["a", b"bytes"])
    with pytest.raises(ValueError):
        hashes("a", 0, "sha1")


class ShoutingStr(str):
    """A str whose casefold is overridden: both backends must call the object's own method."""

    def casefold(self) -> str:
        return "Dipanggil Lewat Subclass " + str.casefold(self)


@needs_c
def test_str_subclass_casefold_is_honoured() -> None:
    texts = [ShoutingStr("Berita Utama HARI INI di Jakarta"), ShoutingStr("ÀÉ straße")]
    for h in sig.HASHES:
        np.testing.assert_array_equal(
            sig.signatures_c(texts, hash=h, num_perm=32), sig.signatures_python(texts, hash=h, num_perm=32)
        )


@needs_c
@pytest.mark.parametrize("workers", [2, 3, 8])
def test_workers_do_not_change_results(workers: int) -> None:
    texts = INDONESIAN * 40 + [TRICKY * 3]
    for h in sig.HASHES:
        one = sig.signatures_c(texts, hash=h, workers=1)
        np.testing.assert_array_equal(sig.signatures_c(texts, hash=h, workers=workers), one)


@needs_c
@pytest.mark.parametrize("workers", [2, 4])
def test_errors_in_worker_threads_reach_the_caller(workers: int) -> None:
    texts: list = [INDONESIAN[0]] * 60 + [7] + [INDONESIAN[1]] * 60
    with pytest.raises(TypeError):
        sig.signatures_c(texts, workers=workers)
    with pytest.raises(RuntimeError):
        sig.signatures_c([INDONESIAN[0]] * 30 + [ShoutingFailure("x")], workers=workers)


class ShoutingFailure(str):
    def casefold(self) -> str:
        raise RuntimeError("casefold failed")


def test_signatures_dispatches_to_backend() -> None:
    expected = sig.signatures_c if sig.BACKEND == "c" else sig.signatures_python
    np.testing.assert_array_equal(sig.signatures(INDONESIAN), expected(INDONESIAN))


def test_purepython_env_forces_python() -> None:
    code = "import newsclean.signature as s; print(s.BACKEND)"
    env = {**os.environ, "NEWSCLEAN_PUREPYTHON": "1"}
    env.pop("NEWSCLEAN_REQUIRE_SPEEDUPS", None)
    out = subprocess.run([sys.executable, "-c", code], env=env, check=True, capture_output=True, text=True)
    assert out.stdout.strip() == "python"


# ------------------------------------------------------------------------------- C == Python, generated


def _assert_backends_agree(texts: list[str], ngram: int) -> None:
    for h in sig.HASHES:
        np.testing.assert_array_equal(
            sig.signatures_c(texts, ngram=ngram, num_perm=16, hash=h),
            sig.signatures_python(texts, ngram=ngram, num_perm=16, hash=h),
        )
        for t in texts:
            np.testing.assert_array_equal(sig.shingle_hashes_c(t, ngram, h), sig.shingle_hashes_python(t, ngram, h))
    for t in texts:
        _assert_windows_agree(t, ngram)


def _assert_windows_agree(text: str, ngram: int) -> None:
    """The kernel's window sequence (dedupe's word coverage) against `alignment.windows_of`."""
    fast, spec = window_sequence(text, ngram), windows_of(tokens(text), ngram)
    np.testing.assert_array_equal(fast.hashes, spec.hashes)
    np.testing.assert_array_equal(fast.dated, spec.dated)


tricky_text = st.text(alphabet=st.sampled_from(TRICKY), max_size=80)
any_text = st.text(max_size=60)


@needs_c
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts=st.lists(st.one_of(tricky_text, any_text), max_size=6), ngram=st.integers(1, 6))
def test_backends_agree_on_generated_unicode(texts: list[str], ngram: int) -> None:
    _assert_backends_agree(texts, ngram)


@needs_c
@settings(max_examples=300, deadline=None)
@given(texts=st.lists(st.text(alphabet=st.sampled_from("aZ09--- ._\n"), max_size=300), max_size=4))
def test_backends_agree_on_ascii_across_64_char_blocks(texts: list[str]) -> None:
    """Exact ASCII str takes the bit-mask tokenizer: tokens and hyphens straddling 64-character blocks."""
    _assert_backends_agree(texts, 2)


@needs_c
@settings(max_examples=200, deadline=None)
@given(texts=st.lists(st.text(alphabet=st.sampled_from("aZ09-- .\n“”—–\u00a0…é"), max_size=200), max_size=4))
def test_backends_agree_on_ascii_with_non_ascii_punctuation(texts: list[str]) -> None:
    """Non-ASCII separators only (the usual news text) take an ASCII copy through the bit-mask tokenizer."""
    _assert_backends_agree(texts, 2)


@needs_c
def test_window_sequences_agree_past_the_cap_and_on_dates() -> None:
    long_text = " ".join(f"kata{i % 997} 2025 Juni" for i in range(MAX_WINDOWS))
    fast = window_sequence(long_text, 5)
    assert len(fast.hashes) == MAX_WINDOWS and fast.words == MAX_WINDOWS + 4
    _assert_windows_agree(long_text, 5)
    dates = window_sequence("Rabu 18 JUNI 2025 pukul 16.50 WIB, ²٣ 12a 2019-2020", 5)
    assert dates.dated.astype(int).tolist() == [1, 1, 1, 1, 0, 1, 1, 1, 0, 0, 0]


@needs_c
def test_ascii_hyphens_at_block_edges() -> None:
    texts = []
    for pos in range(58, 70):
        for tail in ("-b", "--b", "- b", "-", "b-c"):
            texts.append("a" * pos + tail + " z" * 3)
            texts.append("x " * (pos // 2) + "k" + tail)
    # The same shapes stored as 1- and 2-byte str (a non-ASCII separator somewhere): the AVX-512BW path reads
    # that storage directly, in halves of 32 characters for 2-byte text.
    texts += [t + suffix for t in texts[:60] for suffix in ("\u00a0z", "\u201cz\u201d")]
    texts += ["\u2014" * k + t for t in texts[:40] for k in (1, 31, 33)]
    _assert_backends_agree(texts, 1)
    _assert_backends_agree(texts, 3)


@needs_c
@settings(max_examples=60, deadline=None)
@given(words=st.lists(st.sampled_from(["ß", "ﬁ", "İ", "a-b", "-", "x", "Σ", "日本", "🙂", "7"]), max_size=30))
def test_backends_agree_on_casefold_expanding_words(words: list[str]) -> None:
    _assert_backends_agree([" ".join(words), "".join(words), "-".join(words)], 2)


@needs_c
def test_backends_agree_on_every_token_length_and_width() -> None:
    """Tokens of 1-40 code points of 1-, 2-, 3- and 4-byte UTF-8: the fast mode reads 8-byte words, so every
    length around a multiple of 8 bytes is covered, and short/long texts hit the short-text rule too."""
    texts = []
    for ch in ("k", "é", "ж", "日", "𝔘"):
        for n in range(1, 41):
            texts.append(f"{ch * n} awal {ch * n}-{ch} tengah {ch * (41 - n)} akhir {ch * n}")
            texts.append(ch * n)
    _assert_backends_agree(texts, 1)
    _assert_backends_agree(texts, 5)


@needs_c
def test_backends_agree_when_texts_have_many_distinct_code_points() -> None:
    """Past 64 + len/32 new code points the kernel casefolds a text whole instead of learning each one; the
    texts before and after it in the batch reuse what was learned. Both routes must give the spec's rows."""
    cjk = " ".join(chr(0x4E00 + i) for i in range(400))
    upper = " ".join(chr(c) for c in range(0x0410, 0x0450)) + " " + " ".join(chr(c) for c in range(0x0391, 0x03AA))
    latin = "".join(chr(c) for c in range(0x00C0, 0x0180)) + " Kata ẞTRASSE"
    texts = [INDONESIAN[0], cjk, upper, latin, upper + " " + cjk, INDONESIAN[1], "“kutip” — ÀÉ", cjk[:30]]
    for ngram in (1, 3, 5):
        _assert_backends_agree(texts, ngram)
        _assert_backends_agree(texts[::-1], ngram)


@needs_c
def test_backends_agree_on_edge_cases() -> None:
    cases = [
        "",
        "x",
        "satu",
        "-",
        "a-",
        "-a",
        "a--b",
        "a-b-c-d",
        "a - b",
        "ẞTRASSE STRASSE straße",
        "ﬁnal ﬁle",
        "İstanbul İzmir",
        "e\u0301cole café",
        "１２３ ٣٤ Ⅻ ½",
        "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 🙂🙂 𝔘𝔫𝔦",
        "日本語のテキスト、句読点。",
        "ÀÁÂ àáâ ÿ",
        "\u00a0".join(["kata"] * 20),
        "snake_case_words and kebab-case-words",
        TRICKY * 50,
        " ".join(f"kata{i}" for i in range(20000)),
        ("Berita panjang sekali " * 5000).strip(),
    ]
    for ngram in (1, 2, 5):
        _assert_backends_agree(cases, ngram)


# ------------------------------------------------------------------------------------------ real articles


def _real_texts(limit: int) -> list[str]:
    with gzip.open(REAL_DATA, "rt", encoding="utf-8") as fh:
        return [json.loads(line)["text"] for line in itertools.islice(fh, limit)]


@pytest.mark.skipif(not REAL_DATA.exists(), reason="real article sample not present")
def test_real_articles_bit_identical_to_datasketch(backend) -> None:
    signatures, _ = backend
    texts = _real_texts(120)
    out = signatures(texts, hash="sha1")
    for i, text in enumerate(texts):
        np.testing.assert_array_equal(out[i], _datasketch_row(text, 5, 128, 1))


@needs_c
@pytest.mark.skipif(not REAL_DATA.exists(), reason="real article sample not present")
def test_real_articles_backends_agree() -> None:
    texts = _real_texts(300)
    for h in ("xxh64", "fast"):
        np.testing.assert_array_equal(sig.signatures_c(texts, hash=h, workers=2), sig.signatures_python(texts, hash=h))
    for t in texts[:100]:
        for h in sig.HASHES:
            np.testing.assert_array_equal(sig.shingle_hashes_c(t, 5, h), sig.shingle_hashes_python(t, 5, h))
