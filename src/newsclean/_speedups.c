/*
 * newsclean._speedups: the C kernel behind newsclean.signature.
 *
 * The Python code in signature.py and shingle.py is the specification; this file reproduces it bit for bit,
 * only faster. Pipeline per text: casefold (str.casefold per distinct non-ASCII code point, the only step that
 * needs the GIL; a str subclass through its own method) -> tokens (runs of Py_UNICODE_ISALNUM joined by
 * single ASCII hyphens) written as UTF-8 into one buffer -> one 32-bit hash per shingle (SHA-1 or xxHash64 of
 * its bytes, the tokens being joined by single spaces so every word n-gram is a contiguous slice; or for the
 * "fast" mode a polynomial of the per-token hashes) -> MurmurHash3 fmix32 -> a*h+b mod 2^32 for every
 * permutation -> column minimum.
 *
 * Everything else runs without the GIL: the strings are immutable objects that this call holds references
 * to, so their buffers cannot change or move while other threads run.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#if defined(__GNUC__) && (defined(__x86_64__) || defined(__i386__))
#define NC_X86 1
#include <cpuid.h>
#include <immintrin.h>
#endif

/* Multiversioned hot loop: the dynamic loader picks the widest SIMD the CPU has (ifunc), so a wheel built on
 * one x86-64 machine still runs on an older one. */
#if defined(NC_X86) && defined(__x86_64__) && defined(__linux__) && !defined(__clang__) && \
    !defined(NC_NO_CLONES)
#define NC_CLONES __attribute__((target_clones("avx512f", "avx2", "default")))
#define NC_FAST_CLONES __attribute__((target_clones("arch=x86-64-v4", "avx2", "default")))
#else
#define NC_CLONES
#define NC_FAST_CLONES
#endif

enum { HASH_SHA1 = 0, HASH_XXH64 = 1, HASH_FAST = 2 };

/* ------------------------------------------------------------------------------------------------ SHA-1 */

#define ROL32(x, r) (((x) << (r)) | ((x) >> (32 - (r))))

static inline uint32_t load_be32(const uint8_t *p) {
    return ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) | ((uint32_t)p[2] << 8) | (uint32_t)p[3];
}

/* FIPS 180-4 SHA-1 compression, portable version. */
static void sha1_blocks_portable(uint32_t st[5], const uint8_t *p, size_t nblocks) {
    uint32_t w[80];
    for (; nblocks; nblocks--, p += 64) {
        for (int t = 0; t < 16; t++) w[t] = load_be32(p + 4 * t);
        for (int t = 16; t < 80; t++) w[t] = ROL32(w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16], 1);
        uint32_t a = st[0], b = st[1], c = st[2], d = st[3], e = st[4];
        for (int t = 0; t < 80; t++) {
            uint32_t f, k;
            if (t < 20) {
                f = (b & c) | (~b & d);
                k = 0x5A827999u;
            } else if (t < 40) {
                f = b ^ c ^ d;
                k = 0x6ED9EBA1u;
            } else if (t < 60) {
                f = (b & c) | (b & d) | (c & d);
                k = 0x8F1BBCDCu;
            } else {
                f = b ^ c ^ d;
                k = 0xCA62C1D6u;
            }
            uint32_t tmp = ROL32(a, 5) + f + e + k + w[t];
            e = d;
            d = c;
            c = ROL32(b, 30);
            b = a;
            a = tmp;
        }
        st[0] += a;
        st[1] += b;
        st[2] += c;
        st[3] += d;
        st[4] += e;
    }
}

#ifdef NC_X86
/* The same compression with the x86 SHA extensions (Intel's published instruction sequence): four rounds
 * per sha1rnds4. `g` is the group of four rounds; MSG[g % 4] holds message words 4g..4g+3. */
#define SHA1_GROUP(g, EA, EB)                                                                   \
    do {                                                                                        \
        if ((g) == 0) {                                                                         \
            EA = _mm_add_epi32(EA, m[0]);                                                       \
        } else {                                                                                \
            EA = _mm_sha1nexte_epu32(EA, m[(g) % 4]);                                           \
        }                                                                                       \
        EB = abcd;                                                                              \
        if ((g) >= 3 && (g) <= 18) m[((g) + 1) % 4] = _mm_sha1msg2_epu32(m[((g) + 1) % 4], m[(g) % 4]); \
        abcd = _mm_sha1rnds4_epu32(abcd, EA, (g) / 5);                                          \
        if ((g) >= 1 && (g) <= 16) m[((g) + 3) % 4] = _mm_sha1msg1_epu32(m[((g) + 3) % 4], m[(g) % 4]); \
        if ((g) >= 2 && (g) <= 17) m[((g) + 2) % 4] = _mm_xor_si128(m[((g) + 2) % 4], m[(g) % 4]); \
    } while (0)

__attribute__((target("sha,sse4.1,ssse3"))) static void sha1_blocks_shani(uint32_t st[5], const uint8_t *p,
                                                                          size_t nblocks) {
    const __m128i bswap = _mm_set_epi64x(0x0001020304050607LL, 0x08090a0b0c0d0e0fLL);
    __m128i abcd = _mm_shuffle_epi32(_mm_loadu_si128((const __m128i *)st), 0x1B);
    __m128i e0 = _mm_set_epi32((int)st[4], 0, 0, 0), e1;
    for (; nblocks; nblocks--, p += 64) {
        const __m128i abcd_save = abcd, e0_save = e0;
        __m128i m[4];
        for (int i = 0; i < 4; i++)
            m[i] = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(p + 16 * i)), bswap);
        SHA1_GROUP(0, e0, e1);
        SHA1_GROUP(1, e1, e0);
        SHA1_GROUP(2, e0, e1);
        SHA1_GROUP(3, e1, e0);
        SHA1_GROUP(4, e0, e1);
        SHA1_GROUP(5, e1, e0);
        SHA1_GROUP(6, e0, e1);
        SHA1_GROUP(7, e1, e0);
        SHA1_GROUP(8, e0, e1);
        SHA1_GROUP(9, e1, e0);
        SHA1_GROUP(10, e0, e1);
        SHA1_GROUP(11, e1, e0);
        SHA1_GROUP(12, e0, e1);
        SHA1_GROUP(13, e1, e0);
        SHA1_GROUP(14, e0, e1);
        SHA1_GROUP(15, e1, e0);
        SHA1_GROUP(16, e0, e1);
        SHA1_GROUP(17, e1, e0);
        SHA1_GROUP(18, e0, e1);
        SHA1_GROUP(19, e1, e0);
        e0 = _mm_sha1nexte_epu32(e0, e0_save);
        abcd = _mm_add_epi32(abcd, abcd_save);
    }
    _mm_storeu_si128((__m128i *)st, _mm_shuffle_epi32(abcd, 0x1B));
    st[4] = (uint32_t)_mm_extract_epi32(e0, 3);
}

static int cpu_has_shani(void) {
    unsigned int a, b, c, d;
    if (!__get_cpuid(1, &a, &b, &c, &d)) return 0;
    if (!(c & bit_SSE4_1) || !(c & bit_SSSE3)) return 0;
    if (__get_cpuid_max(0, NULL) < 7) return 0;
    __cpuid_count(7, 0, a, b, c, d);
    return (b >> 29) & 1;
}
#endif

typedef void (*sha1_blocks_fn)(uint32_t st[5], const uint8_t *p, size_t nblocks);

/* Read-only after module init: which SHA-1 compression this CPU runs. */
static sha1_blocks_fn sha1_blocks = sha1_blocks_portable;

/* datasketch.hashfunc.sha1_hash32: the first four digest bytes read little-endian. */
static uint32_t sha1_hash32(const uint8_t *p, size_t len) {
    uint32_t st[5] = {0x67452301u, 0xEFCDAB89u, 0x98BADCFEu, 0x10325476u, 0xC3D2E1F0u};
    size_t full = len / 64;
    if (full) sha1_blocks(st, p, full);
    uint8_t tail[128];
    size_t rem = len - full * 64;
    memcpy(tail, p + full * 64, rem);
    tail[rem] = 0x80;
    size_t tl = rem < 56 ? 64 : 128;
    memset(tail + rem + 1, 0, tl - rem - 1 - 8);
    uint64_t bits = (uint64_t)len * 8;
    for (int i = 0; i < 8; i++) tail[tl - 1 - i] = (uint8_t)(bits >> (8 * i));
    sha1_blocks(st, tail, tl / 64);
    uint32_t h0 = st[0];
    return (h0 >> 24) | ((h0 >> 8) & 0xFF00u) | ((h0 << 8) & 0xFF0000u) | (h0 << 24);
}

/* ---------------------------------------------------------------------------------------------- xxHash64 */

#define XXP1 0x9E3779B185EBCA87ULL
#define XXP2 0xC2B2AE3D27D4EB4FULL
#define XXP3 0x165667B19E3779F9ULL
#define XXP4 0x85EBCA77C2B2AE63ULL
#define XXP5 0x27D4EB2F165667C5ULL
#define ROL64(x, r) (((x) << (r)) | ((x) >> (64 - (r))))

static inline uint64_t load_le64(const uint8_t *p) {
    uint64_t v;
    memcpy(&v, p, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    v = __builtin_bswap64(v);
#endif
    return v;
}

static inline uint32_t load_le32(const uint8_t *p) {
    return (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) | ((uint32_t)p[3] << 24);
}

static inline uint64_t xxh_round(uint64_t acc, uint64_t in) {
    acc += in * XXP2;
    acc = ROL64(acc, 31);
    return acc * XXP1;
}

static inline uint64_t xxh_merge(uint64_t acc, uint64_t v) {
    acc ^= xxh_round(0, v);
    return acc * XXP1 + XXP4;
}

/* XXH64 with seed 0, as published by Yann Collet (reference test vectors are in the test-suite). */
static uint64_t xxh64(const uint8_t *p, size_t len) {
    const uint8_t *end = p + len;
    uint64_t h;
    if (len >= 32) {
        uint64_t v1 = XXP1 + XXP2, v2 = XXP2, v3 = 0, v4 = (uint64_t)0 - XXP1;
        const uint8_t *limit = end - 32;
        do {
            v1 = xxh_round(v1, load_le64(p));
            v2 = xxh_round(v2, load_le64(p + 8));
            v3 = xxh_round(v3, load_le64(p + 16));
            v4 = xxh_round(v4, load_le64(p + 24));
            p += 32;
        } while (p <= limit);
        h = ROL64(v1, 1) + ROL64(v2, 7) + ROL64(v3, 12) + ROL64(v4, 18);
        h = xxh_merge(h, v1);
        h = xxh_merge(h, v2);
        h = xxh_merge(h, v3);
        h = xxh_merge(h, v4);
    } else {
        h = XXP5;
    }
    h += (uint64_t)len;
    while (p + 8 <= end) {
        h ^= xxh_round(0, load_le64(p));
        h = ROL64(h, 27) * XXP1 + XXP4;
        p += 8;
    }
    if (p + 4 <= end) {
        h ^= (uint64_t)load_le32(p) * XXP1;
        h = ROL64(h, 23) * XXP2 + XXP3;
        p += 4;
    }
    while (p < end) {
        h ^= (uint64_t)(*p) * XXP5;
        h = ROL64(h, 11) * XXP1;
        p++;
    }
    h ^= h >> 33;
    h *= XXP2;
    h ^= h >> 29;
    h *= XXP3;
    h ^= h >> 32;
    return h;
}

/* ------------------------------------------------------------------------------------------ fast mode */

#define FAST_SEED 0x243F6A8885A308D3ULL
#define FAST_BASE 0x9E3779B97F4A7C15ULL

static inline uint64_t fmix64(uint64_t x) {
    x ^= x >> 33;
    x *= 0xFF51AFD7ED558CCDULL;
    x ^= x >> 33;
    x *= 0xC4CEB9FE1A85EC53ULL;
    x ^= x >> 33;
    return x;
}

/* signature.fast_token_hash: h = fmix64(h ^ word) over little-endian 8-byte words, the last zero-padded.
 * Reads whole words, so at least 8 bytes must be readable from the start of the last word (every token
 * buffer keeps that slack); bytes past the token are masked off. */
static inline uint64_t fast_token_hash(const uint8_t *p, size_t len) {
    uint64_t h = FAST_SEED;
    if (!len) return h;
    for (; len > 8; len -= 8, p += 8) h = fmix64(h ^ load_le64(p));
    return fmix64(h ^ (load_le64(p) & (~0ULL >> (64 - 8 * len))));
}

/* ---------------------------------------------------------------------------------------- permutations */

static inline uint32_t fmix32(uint32_t h) {
    h ^= h >> 16;
    h *= 0x85EBCA6Bu;
    h ^= h >> 13;
    h *= 0xC2B2AE35u;
    h ^= h >> 16;
    return h;
}

#define PERM_BLOCK 64

/* out[k] = min(out[k], min_i(a[k] * hv[i] + b[k])) in uint32 wraparound arithmetic (datasketch "affine32").
 * Permutations are taken PERM_BLOCK at a time so the running minima stay in vector registers while every
 * shingle hash streams past them. */
NC_CLONES static void minhash_update(const uint32_t *hv, size_t n, const uint32_t *a, const uint32_t *b,
                                     uint32_t *out, size_t num_perm) {
    size_t k0 = 0;
    for (; k0 + PERM_BLOCK <= num_perm; k0 += PERM_BLOCK) {
        uint32_t m[PERM_BLOCK], la[PERM_BLOCK], lb[PERM_BLOCK];
        for (int k = 0; k < PERM_BLOCK; k++) {
            m[k] = out[k0 + k];
            la[k] = a[k0 + k];
            lb[k] = b[k0 + k];
        }
        for (size_t i = 0; i < n; i++) {
            const uint32_t h = hv[i];
            for (int k = 0; k < PERM_BLOCK; k++) {
                const uint32_t v = la[k] * h + lb[k];
                m[k] = v < m[k] ? v : m[k];
            }
        }
        for (int k = 0; k < PERM_BLOCK; k++) out[k0 + k] = m[k];
    }
    for (; k0 < num_perm; k0++) {
        uint32_t m = out[k0];
        for (size_t i = 0; i < n; i++) {
            const uint32_t v = a[k0] * hv[i] + b[k0];
            m = v < m ? v : m;
        }
        out[k0] = m;
    }
}

/* ------------------------------------------------------------------------------------------- casefold */

/* str.casefold() maps each code point on its own (CPython's do_casefold folds character by character), so
 * the fold of a text is the concatenation of the folds of its characters. Non-ASCII code points are folded
 * by calling casefold on a one-character str, with the GIL, once per distinct code point per call, and
 * remembered here; the text itself is then folded without the GIL. Entries with cp == 0 are empty (NUL is
 * ASCII and never stored). */
typedef struct {
    Py_UCS4 cp;
    Py_UCS4 out[3];
    uint16_t n;
    uint16_t alnum; /* Py_UNICODE_ISALNUM(cp) */
} FoldEntry;

typedef struct {
    FoldEntry *e;
    size_t cap, used;
} FoldTable;

static inline const FoldEntry *fold_find(const FoldTable *t, Py_UCS4 cp) {
    if (!t->cap) return NULL;
    size_t pos = (cp * 0x9E3779B1u) & (t->cap - 1);
    while (t->e[pos].cp) {
        if (t->e[pos].cp == cp) return &t->e[pos];
        pos = (pos + 1) & (t->cap - 1);
    }
    return NULL;
}

static int fold_insert(FoldTable *t, const FoldEntry *ent) {
    if ((t->used + 1) * 2 > t->cap) {
        size_t ncap = t->cap ? t->cap * 2 : 64;
        FoldEntry *ne = PyMem_Calloc(ncap, sizeof(FoldEntry));
        if (!ne) return -1;
        for (size_t i = 0; i < t->cap; i++) {
            if (!t->e[i].cp) continue;
            size_t pos = (t->e[i].cp * 0x9E3779B1u) & (ncap - 1);
            while (ne[pos].cp) pos = (pos + 1) & (ncap - 1);
            ne[pos] = t->e[i];
        }
        PyMem_Free(t->e);
        t->e = ne;
        t->cap = ncap;
    }
    size_t pos = (ent->cp * 0x9E3779B1u) & (t->cap - 1);
    while (t->e[pos].cp) pos = (pos + 1) & (t->cap - 1);
    t->e[pos] = *ent;
    t->used++;
    return 0;
}

/* Fold one code point through Python (GIL held). 1 = stored, 0 = fold longer than 3 (caller falls back to
 * casefolding the whole text), -1 = error set. */
static int fold_learn(FoldTable *t, Py_UCS4 cp) {
    PyObject *ch = PyUnicode_FromOrdinal((int)cp);
    if (!ch) return -1;
    PyObject *f = PyObject_CallMethod(ch, "casefold", NULL);
    Py_DECREF(ch);
    if (!f) return -1;
    if (!PyUnicode_Check(f) || PyUnicode_READY(f) < 0) {
        Py_DECREF(f);
        if (!PyErr_Occurred()) PyErr_SetString(PyExc_TypeError, "casefold() did not return a str");
        return -1;
    }
    Py_ssize_t n = PyUnicode_GET_LENGTH(f);
    if (n > 3) {
        Py_DECREF(f);
        return 0;
    }
    FoldEntry ent = {.cp = cp, .n = (uint16_t)n, .alnum = (uint16_t)(Py_UNICODE_ISALNUM(cp) != 0)};
    for (Py_ssize_t i = 0; i < n; i++) ent.out[i] = PyUnicode_READ_CHAR(f, i);
    Py_DECREF(f);
    return fold_insert(t, &ent) < 0 ? (PyErr_NoMemory(), -1) : 1;
}

/* ---------------------------------------------------------------------------------------------- BLAKE2b */

/* BLAKE2b (RFC 7693) with an 8-byte digest and no key: the exact-pass key of newsclean.signing.exact_key
 * (hashlib.blake2b(data, digest_size=8), read little-endian), so sign_chunk computes it without the GIL. */
static const uint64_t B2B_IV[8] = {0x6A09E667F3BCC908ULL, 0xBB67AE8584CAA73BULL, 0x3C6EF372FE94F82BULL,
                                   0xA54FF53A5F1D36F1ULL, 0x510E527FADE682D1ULL, 0x9B05688C2B3E6C1FULL,
                                   0x1F83D9ABFB41BD6BULL, 0x5BE0CD19137E2179ULL};
static const uint8_t B2B_SIGMA[12][16] = {
    {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15}, {14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3},
    {11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4}, {7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8},
    {9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13}, {2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9},
    {12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11}, {13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10},
    {6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5}, {10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0},
    {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15}, {14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3},
};
#define ROTR64(x, r) (((x) >> (r)) | ((x) << (64 - (r))))
#define B2B_G(a, b, c, d, x, y)                                                                                 \
    do {                                                                                                        \
        v[a] = v[a] + v[b] + (x);                                                                               \
        v[d] = ROTR64(v[d] ^ v[a], 32);                                                                         \
        v[c] = v[c] + v[d];                                                                                     \
        v[b] = ROTR64(v[b] ^ v[c], 24);                                                                         \
        v[a] = v[a] + v[b] + (y);                                                                               \
        v[d] = ROTR64(v[d] ^ v[a], 16);                                                                         \
        v[c] = v[c] + v[d];                                                                                     \
        v[b] = ROTR64(v[b] ^ v[c], 63);                                                                         \
    } while (0)

static void blake2b_compress(uint64_t h[8], const uint8_t block[128], uint64_t counter, int last) {
    uint64_t v[16], m[16];
    for (int i = 0; i < 8; i++) {
        v[i] = h[i];
        v[i + 8] = B2B_IV[i];
    }
    v[12] ^= counter; /* the high word of the 128-bit counter stays 0 below 2^64 bytes */
    if (last) v[14] = ~v[14];
    for (int i = 0; i < 16; i++) m[i] = load_le64(block + 8 * i);
    for (int r = 0; r < 12; r++) {
        const uint8_t *sg = B2B_SIGMA[r];
        B2B_G(0, 4, 8, 12, m[sg[0]], m[sg[1]]);
        B2B_G(1, 5, 9, 13, m[sg[2]], m[sg[3]]);
        B2B_G(2, 6, 10, 14, m[sg[4]], m[sg[5]]);
        B2B_G(3, 7, 11, 15, m[sg[6]], m[sg[7]]);
        B2B_G(0, 5, 10, 15, m[sg[8]], m[sg[9]]);
        B2B_G(1, 6, 11, 12, m[sg[10]], m[sg[11]]);
        B2B_G(2, 7, 8, 13, m[sg[12]], m[sg[13]]);
        B2B_G(3, 4, 9, 14, m[sg[14]], m[sg[15]]);
    }
    for (int i = 0; i < 8; i++) h[i] ^= v[i] ^ v[i + 8];
}

/* hashlib.blake2b(p[:len], digest_size=8).digest() read as a little-endian integer. */
static uint64_t blake2b_64(const uint8_t *p, size_t len) {
    uint64_t h[8];
    memcpy(h, B2B_IV, sizeof(h));
    h[0] ^= 0x01010000ULL ^ 8ULL; /* fan-out 1, depth 1, no key, 8-byte digest */
    uint64_t counter = 0;
    while (len > 128) {
        counter += 128;
        blake2b_compress(h, p, counter, 0);
        p += 128;
        len -= 128;
    }
    uint8_t block[128] = {0};
    memcpy(block, p, len);
    counter += len;
    blake2b_compress(h, block, counter, 1);
    return h[0];
}

/* ------------------------------------------------------------------------------------------- tokenizer */

typedef struct {
    uint8_t *buf; /* tokens as UTF-8, joined by single spaces */
    size_t buf_cap;
    size_t *tok_start; /* byte offset of each token; tok_start[ntok] = buffer length + 1 */
    size_t *tok_end;   /* "fast" mode: byte offset just past each token */
    size_t tok_cap, tok_end_cap;
    size_t ntok;
    Py_UCS4 *folded; /* casefolded text, for texts folded through the FoldTable */
    size_t folded_cap;
    uint8_t *narrowed; /* ASCII copy of a text whose non-ASCII code points are all separators */
    size_t narrowed_cap;
    uint32_t *hv32; /* fmix32 of each shingle's 32-bit hash */
    size_t hv_cap;
    uint64_t *th; /* "fast" mode: hash of each token */
    size_t *tok_long; /* "fast" mode: indices of tokens longer than 8 bytes */
    size_t tok_long_cap;
    size_t th_cap;
    uint64_t *sh64; /* "fast" mode: hash of each shingle */
    size_t sh_cap;
    uint64_t *masks; /* per-64-character bit masks of the ASCII tokenizer */
    size_t masks_cap;
} Scratch;

static void scratch_free(Scratch *s) {
    free(s->buf);
    free(s->tok_start);
    free(s->tok_end);
    free(s->th);
    free(s->tok_long);
    free(s->sh64);
    free(s->folded);
    free(s->narrowed);
    free(s->hv32);
    free(s->masks);
    memset(s, 0, sizeof(*s));
}

static int grow(void **p, size_t *cap, size_t need, size_t elem) {
    if (need <= *cap) return 0;
    size_t ncap = need + need / 2 + 16;
    void *q = realloc(*p, ncap * elem);
    if (!q) return -1;
    *p = q;
    *cap = ncap;
    return 0;
}

/* A text captured with the GIL held, so the kernel can run without it. */
enum { FOLD_NONE = 0, FOLD_LOWER = 1, FOLD_TABLE = 2, FOLD_PENDING = 3, FOLD_WHOLE = 4 };
typedef struct {
    int kind;
    const void *data;
    Py_ssize_t len;
    /* FOLD_NONE: data is casefolded; FOLD_LOWER: only A-Z still to fold; FOLD_TABLE: via FoldTable; while
     * being captured, FOLD_PENDING (code points not looked at yet) and FOLD_WHOLE (to casefold whole). */
    int fold;
    int ascii;  /* every code point < 128 */
    int narrow; /* FOLD_LOWER and every non-ASCII code point is a separator: tokenize an ASCII copy */
} TextView;

static inline uint8_t *put_utf8(uint8_t *o, Py_UCS4 c) {
    if (c < 0x80) {
        *o++ = (uint8_t)c;
    } else if (c < 0x800) {
        *o++ = (uint8_t)(0xC0 | (c >> 6));
        *o++ = (uint8_t)(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        *o++ = (uint8_t)(0xE0 | (c >> 12));
        *o++ = (uint8_t)(0x80 | ((c >> 6) & 0x3F));
        *o++ = (uint8_t)(0x80 | (c & 0x3F));
    } else {
        *o++ = (uint8_t)(0xF0 | (c >> 18));
        *o++ = (uint8_t)(0x80 | ((c >> 12) & 0x3F));
        *o++ = (uint8_t)(0x80 | ((c >> 6) & 0x3F));
        *o++ = (uint8_t)(0x80 | (c & 0x3F));
    }
    return o;
}

/* ASCII letters and digits -> their casefold (A-Z lowered), everything else -> 0. */
static const uint8_t ascii_fold[128] = {
    0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,
    0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,
    0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,
    48,  49,  50,  51,  52,  53,  54,  55,  56,  57,  0,   0,   0,   0,   0,   0,
    0,   97,  98,  99,  100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111,
    112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122, 0,   0,   0,   0,   0,
    0,   97,  98,  99,  100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111,
    112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122, 0,   0,   0,   0,   0,
};

static inline int is_alnum(Py_UCS4 c) {
    return c < 0x80 ? ascii_fold[c] != 0 : Py_UNICODE_ISALNUM(c);
}

/* One tokenizer per storage width, mirroring TOKEN_PATTERN = [^\W_]+(?:-[^\W_]+)* matched left to right:
 * skip to an alnum, copy the run of alnums, and extend it across each '-' that has an alnum right after it.
 * Tokens are written as UTF-8 joined by single spaces. LOWER folds ASCII A-Z on the way (used for exact str
 * whose every non-ASCII code point is its own casefold, where that is all str.casefold would do). Copying
 * whole runs in a tight loop costs fewer instructions per character than a branch-free form. */
#define DEFINE_TOKENIZE(NAME, CHAR_T, LOWER)                                                              \
    static void NAME(Scratch *s, const CHAR_T *c, Py_ssize_t n) {                                         \
        uint8_t *const base = s->buf;                                                                     \
        uint8_t *o = base;                                                                                \
        size_t *const ts = s->tok_start;                                                                  \
        size_t nt = 0;                                                                                    \
        Py_ssize_t i = 0;                                                                                 \
        for (;;) {                                                                                        \
            while (i < n && !is_alnum(c[i])) i++;                                                         \
            if (i >= n) break;                                                                            \
            *o = ' ';                                                                                     \
            o += nt != 0;                                                                                 \
            ts[nt++] = (size_t)(o - base);                                                                \
            for (;;) {                                                                                    \
                for (; i < n; i++) {                                                                      \
                    const Py_UCS4 ch = c[i];                                                              \
                    if (ch < 0x80) {                                                                      \
                        const uint8_t v = ascii_fold[ch];                                                 \
                        if (!v) break;                                                                    \
                        *o++ = LOWER ? v : (uint8_t)ch;                                                   \
                    } else {                                                                              \
                        if (!Py_UNICODE_ISALNUM(ch)) break;                                               \
                        o = put_utf8(o, ch);                                                              \
                    }                                                                                     \
                }                                                                                         \
                if (i + 1 < n && c[i] == '-' && is_alnum(c[i + 1])) {                                     \
                    *o++ = '-';                                                                           \
                    i++;                                                                                  \
                    continue;                                                                             \
                }                                                                                         \
                break;                                                                                    \
            }                                                                                             \
        }                                                                                                 \
        ts[nt] = (size_t)(o - base) + 1;                                                                  \
        s->ntok = nt;                                                                                     \
    }

DEFINE_TOKENIZE(tokenize_lower_ucs1, Py_UCS1, 1)
DEFINE_TOKENIZE(tokenize_lower_ucs2, Py_UCS2, 1)
DEFINE_TOKENIZE(tokenize_lower_ucs4, Py_UCS4, 1)
DEFINE_TOKENIZE(tokenize_ucs1, Py_UCS1, 0)
DEFINE_TOKENIZE(tokenize_ucs2, Py_UCS2, 0)
DEFINE_TOKENIZE(tokenize_ucs4, Py_UCS4, 0)

#if defined(__GNUC__)
#define NC_HAVE_BITS 1
#define NC_BITS_ENABLED 1
#if defined(NC_X86) && defined(__x86_64__) && defined(__linux__) && !defined(__clang__) && \
    !defined(NC_NO_CLONES)
#define NC_POPCNT_CLONES __attribute__((target_clones("popcnt", "default")))
#else
#define NC_POPCNT_CLONES
#endif

/* Exact ASCII str, pass 1: per 64 characters, bit masks of alnum (`am`) and '-' (`hm`), and in `x` each
 * character as it would be written: casefolded alnum, '-', or ' ' for any other separator. */
static void ascii_classify(const uint8_t *c, size_t n, uint8_t *x, uint64_t *am, uint64_t *hm) {
    const size_t nw = (n + 63) / 64;
    for (size_t w = 0; w < nw; w++) {
        uint8_t pad[64];
        const uint8_t *src = c + 64 * w;
        if (64 * w + 64 > n) {
            memset(pad, 0, sizeof(pad));
            memcpy(pad, src, n - 64 * w);
            src = pad;
        }
        uint64_t a = 0, h = 0;
#if defined(__SSE2__)
        for (int q = 0; q < 4; q++) {
            const __m128i v = _mm_loadu_si128((const __m128i *)(src + 16 * q));
            const __m128i low = _mm_or_si128(v, _mm_set1_epi8(0x20));
            const __m128i letter = _mm_cmplt_epi8(_mm_add_epi8(low, _mm_set1_epi8((char)(128 - 'a'))),
                                                  _mm_set1_epi8((char)(-128 + 26)));
            const __m128i digit = _mm_cmplt_epi8(_mm_add_epi8(v, _mm_set1_epi8((char)(128 - '0'))),
                                                 _mm_set1_epi8((char)(-128 + 10)));
            const __m128i hy = _mm_cmpeq_epi8(v, _mm_set1_epi8('-'));
            const __m128i alnum = _mm_or_si128(letter, digit);
            __m128i out = _mm_or_si128(_mm_and_si128(letter, low), _mm_and_si128(digit, v));
            out = _mm_or_si128(out, _mm_and_si128(hy, v));
            out = _mm_or_si128(out, _mm_andnot_si128(_mm_or_si128(alnum, hy), _mm_set1_epi8(' ')));
            _mm_storeu_si128((__m128i *)(x + 64 * w + 16 * q), out);
            a |= (uint64_t)(uint16_t)_mm_movemask_epi8(alnum) << (16 * q);
            h |= (uint64_t)(uint16_t)_mm_movemask_epi8(hy) << (16 * q);
        }
#else
        for (int j = 0; j < 64; j++) {
            const uint8_t f = src[j] < 0x80 ? ascii_fold[src[j]] : 0;
            a |= (uint64_t)(f != 0) << j;
            h |= (uint64_t)(src[j] == '-') << j;
            x[64 * w + j] = f ? f : (src[j] == '-' ? '-' : ' ');
        }
#endif
        am[w] = a;
        hm[w] = h;
    }
}

static inline size_t popcount_below(uint64_t m, unsigned p) {
    return (size_t)__builtin_popcountll(p ? m & ((~0ULL) >> (64 - p)) : 0);
}

#ifdef NC_X86
/* Pass 1 with AVX-512BW, straight from the str's 1- or 2-byte storage: 64 characters per step, masks from
 * compares, no ASCII copy of a text whose non-ASCII code points are separators (a 2-byte character is
 * narrowed with unsigned saturation, so every non-ASCII code point becomes a byte >= 0x80, which classifies
 * as a separator exactly like the ' ' the copy would hold). The tail is a masked load: zeros, separators. */
__attribute__((target("avx512f,avx512bw"))) static void classify_avx512(const void *data, int width, size_t n,
                                                                        uint8_t *x, uint64_t *am, uint64_t *hm) {
    const size_t nw = (n + 63) / 64;
    const __m512i space = _mm512_set1_epi8(' '), bit5 = _mm512_set1_epi8(0x20);
    for (size_t w = 0; w < nw; w++) {
        const size_t rem = n - 64 * w;
        __m512i v;
        if (width == 1) {
            const __mmask64 live = rem >= 64 ? ~(__mmask64)0 : (((__mmask64)1 << rem) - 1);
            v = _mm512_maskz_loadu_epi8(live, (const uint8_t *)data + 64 * w);
        } else {
            const Py_UCS2 *c = (const Py_UCS2 *)data + 64 * w;
            const __mmask32 live0 = rem >= 32 ? ~(__mmask32)0 : (((__mmask32)1 << rem) - 1);
            const __mmask32 live1 = rem >= 64 ? ~(__mmask32)0 : (rem > 32 ? (((__mmask32)1 << (rem - 32)) - 1) : 0);
            const __m256i lo = _mm512_cvtusepi16_epi8(_mm512_maskz_loadu_epi16(live0, c));
            const __m256i hi = _mm512_cvtusepi16_epi8(_mm512_maskz_loadu_epi16(live1, c + 32));
            v = _mm512_inserti64x4(_mm512_castsi256_si512(lo), hi, 1);
        }
        const __m512i low = _mm512_or_si512(v, bit5);
        const __mmask64 letter = _mm512_cmplt_epu8_mask(_mm512_sub_epi8(low, _mm512_set1_epi8('a')),
                                                        _mm512_set1_epi8(26));
        const __mmask64 digit = _mm512_cmplt_epu8_mask(_mm512_sub_epi8(v, _mm512_set1_epi8('0')),
                                                       _mm512_set1_epi8(10));
        const __mmask64 hy = _mm512_cmpeq_epi8_mask(v, _mm512_set1_epi8('-'));
        __m512i out = _mm512_mask_mov_epi8(space, letter, low);
        out = _mm512_mask_mov_epi8(out, digit | hy, v);
        _mm512_storeu_si512((void *)(x + 64 * w), out);
        am[w] = letter | digit;
        hm[w] = hy;
    }
}

static int cpu_has_avx512bw(void) {
    return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw");
}
#endif

typedef void (*classify_fn)(const void *data, int width, size_t n, uint8_t *x, uint64_t *am, uint64_t *hm);

/* Read-only after module init: the AVX-512BW classifier when the CPU has it (NULL: copy to ASCII, then SSE2). */
static classify_fn classify_wide = NULL;

/* Exact ASCII str, pass 2: the same tokens as DEFINE_TOKENIZE, from masks instead of per-character branches
 * (whose one mispredicted exit per token dominated). In-token T = alnum | (hyphen & alnum left & alnum
 * right); kept = T | the first position after each token, which becomes the joining ' '. Kept bytes are
 * copied down in place (the write position never passes the read position); a trailing ' ' is dropped. */
NC_POPCNT_CLONES static void tokenize_ascii_bits(Scratch *s, size_t n) {
    const size_t nw = (n + 63) / 64;
    const uint64_t *am = s->masks, *hm = s->masks + nw;
    uint8_t *const x = s->buf;
    size_t *const ts = s->tok_start;
    size_t k = 0, nt = 0;
    uint64_t a_top = 0, t_top = 0;
    for (size_t w = 0; w < nw; w++) {
        const uint64_t a = am[w], h = hm[w];
        const uint64_t a_next = w + 1 < nw ? am[w + 1] & 1 : 0;
        const uint64_t t = a | (h & ((a << 1) | a_top) & ((a >> 1) | (a_next << 63)));
        const uint64_t tl = (t << 1) | t_top;
        const uint64_t starts = t & ~tl, after = ~t & tl, keep = t | after;
        const uint8_t *xw = x + 64 * w;
        const size_t k0 = k;
        for (uint64_t m = starts; m; m &= m - 1) ts[nt++] = k0 + popcount_below(keep, (unsigned)__builtin_ctzll(m));
        for (uint64_t m = keep; m; m &= m - 1) x[k++] = xw[__builtin_ctzll(m)];
        for (uint64_t m = after & h; m; m &= m - 1) x[k0 + popcount_below(keep, (unsigned)__builtin_ctzll(m))] = ' ';
        a_top = a >> 63;
        t_top = t >> 63;
    }
    if (k && x[k - 1] == ' ') k--;
    ts[nt] = k + 1;
    s->ntok = nt;
}

/* Write base + the index of each set bit of `m` to out[0..popcount) and return the count. The first 12 are
 * written unconditionally (out needs 12 slots of slack past the count): a 64-character block of news text
 * holds 8-10 tokens, and a loop that stops at the last bit mispredicted its exit once per block. */
static inline size_t bit_positions(size_t *out, uint64_t m, size_t base) {
    const size_t count = (size_t)__builtin_popcountll(m);
    const uint64_t top = 1ULL << 63; /* keeps ctz defined once m runs out; those slots are slack */
    for (int q = 0; q < 12; q++) {
        out[q] = base + (size_t)__builtin_ctzll(m | top);
        m &= m - 1;
    }
    for (size_t q = 12; q < count; q++) {
        out[q] = base + (size_t)__builtin_ctzll(m);
        m &= m - 1;
    }
    return count;
}

/* "fast" mode on exact ASCII: the same tokens as tokenize_ascii_bits, but left where they are. The classified
 * copy `x` already holds each token's casefolded bytes contiguously (an inner hyphen is kept as '-'), and
 * the fast hash reads tokens one by one, so the compaction into a joined buffer (one step per kept byte) is
 * skipped: only each token's start and end are taken from the masks. */
NC_POPCNT_CLONES static void tokenize_ascii_spans(Scratch *s, size_t n) {
    const size_t nw = (n + 63) / 64;
    const uint64_t *am = s->masks, *hm = s->masks + nw;
    size_t *const ts = s->tok_start, *const te = s->tok_end;
    size_t nt = 0, ne = 0;
    uint64_t a_top = 0, t_top = 0;
    for (size_t w = 0; w < nw; w++) {
        const uint64_t a = am[w], h = hm[w];
        const uint64_t a_next = w + 1 < nw ? am[w + 1] & 1 : 0;
        const uint64_t t = a | (h & ((a << 1) | a_top) & ((a >> 1) | (a_next << 63)));
        const uint64_t tl = (t << 1) | t_top;
        nt += bit_positions(ts + nt, t & ~tl, 64 * w);
        ne += bit_positions(te + ne, ~t & tl, 64 * w);
        a_top = a >> 63;
        t_top = t >> 63;
    }
    if (ne < nt) te[ne++] = 64 * nw; /* a token running into the last character of a full 64-block */
    s->ntok = nt;
}
#endif

#define DEFINE_NARROW(NAME, CHAR_T)                                                                       \
    static void NAME(uint8_t *o, const CHAR_T *c, Py_ssize_t n) {                                         \
        for (Py_ssize_t i = 0; i < n; i++) o[i] = c[i] < 0x80 ? (uint8_t)c[i] : (uint8_t)' ';             \
    }

#ifndef NC_BITS_ENABLED
#define NC_BITS_ENABLED 0
#endif

DEFINE_NARROW(narrow_ucs1, Py_UCS1)
DEFINE_NARROW(narrow_ucs2, Py_UCS2)
DEFINE_NARROW(narrow_ucs4, Py_UCS4)

/* Apply the FoldTable to a text (no GIL): ASCII lowered inline, other code points mapped. */
#define DEFINE_FOLD(NAME, CHAR_T)                                                                         \
    static Py_UCS4 *NAME(Py_UCS4 *o, const CHAR_T *c, Py_ssize_t n, const FoldTable *ft) {               \
        for (Py_ssize_t i = 0; i < n; i++) {                                                              \
            const Py_UCS4 ch = c[i];                                                                      \
            if (ch < 0x80) {                                                                              \
                *o++ = ch - 'A' < 26u ? ch | 0x20 : ch;                                                   \
            } else {                                                                                      \
                const FoldEntry *e = fold_find(ft, ch);                                                   \
                for (uint32_t j = 0; j < e->n; j++) *o++ = e->out[j];                                     \
            }                                                                                             \
        }                                                                                                 \
        return o;                                                                                         \
    }

DEFINE_FOLD(fold_ucs1, Py_UCS1)
DEFINE_FOLD(fold_ucs2, Py_UCS2)
DEFINE_FOLD(fold_ucs4, Py_UCS4)

static Py_ssize_t fold_text(Scratch *s, const TextView *t, const FoldTable *ft) {
    if (grow((void **)&s->folded, &s->folded_cap, (size_t)t->len * 3 + 1, sizeof(Py_UCS4)) < 0) return -1;
    Py_UCS4 *end;
    if (t->kind == PyUnicode_1BYTE_KIND)
        end = fold_ucs1(s->folded, (const Py_UCS1 *)t->data, t->len, ft);
    else if (t->kind == PyUnicode_2BYTE_KIND)
        end = fold_ucs2(s->folded, (const Py_UCS2 *)t->data, t->len, ft);
    else
        end = fold_ucs4(s->folded, (const Py_UCS4 *)t->data, t->len, ft);
    return end - s->folded;
}

/* Tokenize `t` into s->buf; return the number of shingles (0 if no tokens), or -1 when out of memory.
 * With `spans` (the "fast" mode) s->tok_end is filled too, and tokens need not be joined by spaces. */
static Py_ssize_t tokenize(Scratch *s, const TextView *t, const FoldTable *ft, size_t ngram, int spans) {
    int kind = t->kind;
    const void *data = t->data;
    Py_ssize_t len = t->len;
    if (t->fold == FOLD_TABLE) {
        Py_ssize_t folded_len = fold_text(s, t, ft);
        if (folded_len < 0) return -1;
        kind = PyUnicode_4BYTE_KIND;
        data = s->folded;
        len = folded_len;
    }
    size_t n = (size_t)len;
    /* Worst case UTF-8 bytes per code point of this width; a separator space always replaces at least one
     * dropped character, and one byte of slack absorbs the unconditional ' ' store. */
    size_t width = kind == PyUnicode_1BYTE_KIND ? 2 : (kind == PyUnicode_2BYTE_KIND ? 3 : 4);
    /* +72: the bit-mask tokenizers write whole 64-character blocks, and fast_token_hash reads 8 bytes. */
    if (grow((void **)&s->buf, &s->buf_cap, n * width + 72, 1) < 0) return -1;
    /* +16: bit_positions writes up to 12 slots past the last token. */
    if (grow((void **)&s->tok_start, &s->tok_cap, n / 2 + 16, sizeof(size_t)) < 0) return -1;
    if (spans && grow((void **)&s->tok_end, &s->tok_end_cap, n / 2 + 16, sizeof(size_t)) < 0) return -1;
#ifdef NC_HAVE_BITS
    if (t->fold == FOLD_LOWER && (t->ascii || t->narrow)) {
        if (grow((void **)&s->masks, &s->masks_cap, 2 * (n / 64 + 1), sizeof(uint64_t)) < 0) return -1;
        const size_t nw = (n + 63) / 64;
        const uint8_t *ascii = (const uint8_t *)data;
        if (classify_wide && kind != PyUnicode_4BYTE_KIND) {
            classify_wide(data, kind, n, s->buf, s->masks, s->masks + nw);
        } else if (!t->ascii) {
            /* Any non-alnum code point other than '-' is just a separator, so ' ' tokenizes the same. */
            if (grow((void **)&s->narrowed, &s->narrowed_cap, n + 1, 1) < 0) return -1;
            if (kind == PyUnicode_1BYTE_KIND)
                narrow_ucs1(s->narrowed, (const Py_UCS1 *)data, len);
            else if (kind == PyUnicode_2BYTE_KIND)
                narrow_ucs2(s->narrowed, (const Py_UCS2 *)data, len);
            else
                narrow_ucs4(s->narrowed, (const Py_UCS4 *)data, len);
            ascii = s->narrowed;
            ascii_classify(ascii, n, s->buf, s->masks, s->masks + nw);
        } else {
            ascii_classify(ascii, n, s->buf, s->masks, s->masks + nw);
        }
        if (spans)
            tokenize_ascii_spans(s, n);
        else
            tokenize_ascii_bits(s, n);
    } else
#endif
    if (t->fold == FOLD_LOWER) {
        if (kind == PyUnicode_1BYTE_KIND)
            tokenize_lower_ucs1(s, (const Py_UCS1 *)data, len);
        else if (kind == PyUnicode_2BYTE_KIND)
            tokenize_lower_ucs2(s, (const Py_UCS2 *)data, len);
        else
            tokenize_lower_ucs4(s, (const Py_UCS4 *)data, len);
    } else if (kind == PyUnicode_1BYTE_KIND)
        tokenize_ucs1(s, (const Py_UCS1 *)data, len);
    else if (kind == PyUnicode_2BYTE_KIND)
        tokenize_ucs2(s, (const Py_UCS2 *)data, len);
    else
        tokenize_ucs4(s, (const Py_UCS4 *)data, len);
    if (spans && !(t->fold == FOLD_LOWER && (t->ascii || t->narrow) && NC_BITS_ENABLED)) {
        /* Joined by single spaces: a token ends one byte before the next one starts. */
        for (size_t j = 0; j < s->ntok; j++) s->tok_end[j] = s->tok_start[j + 1] - 1;
    }
    if (s->ntok == 0) return 0;
    return s->ntok <= ngram ? 1 : (Py_ssize_t)(s->ntok - ngram + 1);
}

/* Shingle j is buf[tok_start[j] : end of token j + ngram - 1] (the whole buffer for a short text). */
static inline void shingle_span(const Scratch *s, size_t j, size_t ngram, const uint8_t **p, size_t *len) {
    size_t last = s->ntok <= ngram ? s->ntok - 1 : j + ngram - 1;
    *p = s->buf + s->tok_start[j];
    *len = s->tok_start[last + 1] - 1 - s->tok_start[j];
}

/* Hash every shingle, duplicates included: the minimum is idempotent, so signatures need no dedupe. A 64-bit
 * hash enters the permutations through its low 32 bits. */
static int hash_shingles(Scratch *s, size_t nsh, size_t ngram, int hash_id) {
    if (grow((void **)&s->hv32, &s->hv_cap, nsh, sizeof(uint32_t)) < 0) return -1;
    for (size_t j = 0; j < nsh; j++) {
        const uint8_t *p;
        size_t len;
        shingle_span(s, j, ngram, &p, &len);
        s->hv32[j] = fmix32(hash_id == HASH_SHA1 ? sha1_hash32(p, len) : (uint32_t)xxh64(p, len));
    }
    return 0;
}

/* The shingle polynomial over whole arrays, in loops without branches or cross-iteration dependencies so the
 * compiler vectorises them (8 lanes of 64-bit multiplies with AVX-512DQ). Rolling the polynomial along the
 * text needs fewer multiplies but makes them one serial chain; measured, this is faster. */
NC_FAST_CLONES static void fast_combine(const uint64_t *th, uint64_t *sh, size_t nsh, size_t k) {
    /* sh[j] = sum_i th[j + i] * BASE^(k-1-i), accumulated from the newest token (weight 1) backwards. */
    for (size_t j = 0; j < nsh; j++) sh[j] = th[j + k - 1];
    uint64_t weight = FAST_BASE;
    for (size_t i = k - 1; i-- > 0; weight *= FAST_BASE)
        for (size_t j = 0; j < nsh; j++) sh[j] += th[j + i] * weight;
    for (size_t j = 0; j < nsh; j++) sh[j] = fmix64(sh[j]);
}

/* "fast" mode: s->sh64[j] = fast_shingle_hash of shingle j (repeats included), each token hashed once. Measured
 * alternatives: the plain per-token loop mispredicts on token length (the whole run was slower); hashing tokens in
 * a vector loop needs their words gathered into arrays first, which cost more than the multiplies saved. */
static int fast_window_hashes(Scratch *s, size_t nsh, size_t ngram) {
    const size_t nt = s->ntok;
    if (grow((void **)&s->th, &s->th_cap, nt, sizeof(uint64_t)) < 0) return -1;
    if (grow((void **)&s->tok_long, &s->tok_long_cap, nt, sizeof(size_t)) < 0) return -1;
    if (grow((void **)&s->sh64, &s->sh_cap, nsh, sizeof(uint64_t)) < 0) return -1;
    uint64_t *const th = s->th;
    const uint8_t *const buf = s->buf;
    const size_t *const ts = s->tok_start, *const te = s->tok_end;
    /* First word of every token without a branch; tokens longer than 8 bytes (17%) continue afterwards,
     * so the loop does not mispredict on token length. */
    size_t *const longer = s->tok_long;
    size_t nl = 0;
    for (size_t i = 0; i < nt; i++) {
        const size_t len = te[i] - ts[i];
        const size_t first = len < 8 ? len : 8;
        th[i] = fmix64(FAST_SEED ^ (load_le64(buf + ts[i]) & (~0ULL >> (64 - 8 * first))));
        longer[nl] = i;
        nl += len > 8;
    }
    for (size_t q = 0; q < nl; q++) {
        const size_t i = longer[q];
        const uint8_t *p = buf + ts[i] + 8;
        size_t len = te[i] - ts[i] - 8;
        uint64_t h = th[i];
        for (; len > 8; len -= 8, p += 8) h = fmix64(h ^ load_le64(p));
        th[i] = fmix64(h ^ (load_le64(p) & (~0ULL >> (64 - 8 * len))));
    }
    fast_combine(th, s->sh64, nsh, nt < ngram ? nt : ngram);
    return 0;
}

NC_FAST_CLONES static void fast_low_fmix32(const uint64_t *sh, uint32_t *hv, size_t n) {
    for (size_t j = 0; j < n; j++) hv[j] = fmix32((uint32_t)sh[j]);
}

/* Signature of one text into `row` (num_perm values, already 0xFFFFFFFF). */
static int sign_one(Scratch *s, const TextView *t, const FoldTable *ft, size_t ngram, int hash_id,
                    const uint32_t *a, const uint32_t *b, uint32_t *row, size_t num_perm) {
    Py_ssize_t nsh = tokenize(s, t, ft, ngram, hash_id == HASH_FAST);
    if (nsh <= 0) return (int)nsh;
    if (hash_id == HASH_FAST) {
        if (fast_window_hashes(s, (size_t)nsh, ngram) < 0) return -1;
        if (grow((void **)&s->hv32, &s->hv_cap, (size_t)nsh, sizeof(uint32_t)) < 0) return -1;
        fast_low_fmix32(s->sh64, s->hv32, (size_t)nsh);
    } else if (hash_shingles(s, (size_t)nsh, ngram, hash_id) < 0)
        return -1;
    minhash_update(s->hv32, (size_t)nsh, a, b, row, num_perm);
    return 0;
}

/* --------------------------------------------------------------------------------------- Python glue */

/* Index of the first code point >= 128 at or after `i` (len if none): the GIL-held scan, kept tight. */
static Py_ssize_t next_non_ascii(const TextView *v, Py_ssize_t i) {
    const Py_ssize_t n = v->len;
#if defined(__SSE2__)
    /* 16 bytes at a time: in the usual news text the non-ASCII code points are a few quotes and dashes, so
     * this scan is most of the work done with the GIL held, which is what limits thread scaling. */
    const int width = v->kind;
    const Py_ssize_t per = 16 / width;
    const __m128i high = width == 1 ? _mm_set1_epi8((char)0x80)
                                    : (width == 2 ? _mm_set1_epi16((short)0xFF80) : _mm_set1_epi32((int)0xFFFFFF80));
    const uint8_t *const base = (const uint8_t *)v->data;
    for (; i + per <= n; i += per) {
        const __m128i c = _mm_loadu_si128((const __m128i *)(base + (size_t)i * (size_t)width));
        const unsigned ok = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_and_si128(c, high), _mm_setzero_si128()));
        if (ok != 0xFFFFu) return i + (Py_ssize_t)((unsigned)__builtin_ctz(~ok & 0xFFFFu) / (unsigned)width);
    }
#endif
    if (v->kind == PyUnicode_1BYTE_KIND) {
        const Py_UCS1 *c = (const Py_UCS1 *)v->data;
        while (i < n && c[i] < 0x80) i++;
    } else if (v->kind == PyUnicode_2BYTE_KIND) {
        const Py_UCS2 *c = (const Py_UCS2 *)v->data;
        while (i < n && c[i] < 0x80) i++;
    } else {
        const Py_UCS4 *c = (const Py_UCS4 *)v->data;
        while (i < n && c[i] < 0x80) i++;
    }
    return i;
}

/* Casefold `text` whole through its own casefold method (GIL held): the path for str subclasses, and for exact
 * str whose code points are too many to learn one by one. Returns a new reference to the folded str. */
static PyObject *casefold_whole(PyObject *text, TextView *view) {
    PyObject *folded = PyObject_CallMethod(text, "casefold", NULL);
    if (!folded) return NULL;
    if (!PyUnicode_Check(folded) || PyUnicode_READY(folded) < 0) {
        Py_DECREF(folded);
        if (!PyErr_Occurred()) PyErr_SetString(PyExc_TypeError, "casefold() did not return a str");
        return NULL;
    }
    view->kind = PyUnicode_KIND(folded);
    view->data = PyUnicode_DATA(folded);
    view->len = PyUnicode_GET_LENGTH(folded);
    view->fold = FOLD_NONE;
    view->ascii = 0;
    view->narrow = 0;
    return folded;
}

/* Capture `text` (GIL held) in O(1) for an exact str: a new reference to the object whose buffer `view`
 * points into. Exact ASCII is ready (only A-Z to fold); other exact str are FOLD_PENDING until
 * prepare_texts has looked at their code points without the GIL. A str subclass is casefolded here, through
 * its own method, like the Python path. */
static PyObject *capture_text(PyObject *text, TextView *view) {
    if (!PyUnicode_Check(text)) {
        PyErr_Format(PyExc_TypeError, "texts must be str, got %.100s", Py_TYPE(text)->tp_name);
        return NULL;
    }
    if (PyUnicode_READY(text) < 0) return NULL;
    if (!PyUnicode_CheckExact(text)) return casefold_whole(text, view);
    view->kind = PyUnicode_KIND(text);
    view->data = PyUnicode_DATA(text);
    view->len = PyUnicode_GET_LENGTH(text);
    view->ascii = PyUnicode_IS_ASCII(text);
    view->fold = view->ascii ? FOLD_LOWER : FOLD_PENDING;
    view->narrow = 0;
    return Py_NewRef(text);
}

/* Set of code points >= 128 (0 marks an empty slot), malloc'd so it can grow without the GIL. */
typedef struct {
    Py_UCS4 *cp;
    size_t cap, used;
} CodePointSet;

static int cpset_add(CodePointSet *set, Py_UCS4 cp) {
    if ((set->used + 1) * 2 > set->cap) {
        size_t ncap = set->cap ? set->cap * 2 : 64;
        Py_UCS4 *ne = calloc(ncap, sizeof(Py_UCS4));
        if (!ne) return -1;
        for (size_t i = 0; i < set->cap; i++) {
            if (!set->cp[i]) continue;
            size_t pos = (set->cp[i] * 0x9E3779B1u) & (ncap - 1);
            while (ne[pos]) pos = (pos + 1) & (ncap - 1);
            ne[pos] = set->cp[i];
        }
        free(set->cp);
        set->cp = ne;
        set->cap = ncap;
    }
    size_t pos = (cp * 0x9E3779B1u) & (set->cap - 1);
    while (set->cp[pos]) {
        if (set->cp[pos] == cp) return 0;
        pos = (pos + 1) & (set->cap - 1);
    }
    set->cp[pos] = cp;
    set->used++;
    return 1;
}

/* No GIL: the non-ASCII code points of the FOLD_PENDING texts that `ft` does not know yet, into `todo`. A text
 * that would add more than 64 + len/32 new ones is marked FOLD_WHOLE instead: casefolding it whole is
 * cheaper than learning that many code points one call at a time. -1 when out of memory. */
static int collect_unknown(TextView *views, Py_ssize_t n, const FoldTable *ft, CodePointSet *todo) {
    for (Py_ssize_t t = 0; t < n; t++) {
        TextView *v = &views[t];
        if (v->fold != FOLD_PENDING) continue;
        size_t budget = 64 + (size_t)v->len / 32;
        Py_UCS4 last = 0;
        for (Py_ssize_t i = next_non_ascii(v, 0); i < v->len; i = next_non_ascii(v, i + 1)) {
            const Py_UCS4 ch = PyUnicode_READ(v->kind, v->data, i);
            if (ch == last) continue;
            last = ch;
            if (fold_find(ft, ch)) continue;
            const int added = cpset_add(todo, ch);
            if (added < 0) return -1;
            if (added && budget-- == 0) {
                v->fold = FOLD_WHOLE;
                break;
            }
        }
    }
    return 0;
}

/* No GIL, after `ft` has learned every code point: how each FOLD_PENDING text folds. Typical news text has
 * only quotes, dashes and spaces outside ASCII, which fold to themselves: FOLD_LOWER (and `narrow` when none
 * is alphanumeric). A code point missing from `ft` folds to more than 3 (fold_learn skipped it): FOLD_WHOLE. */
static void classify_pending(TextView *views, Py_ssize_t n, const FoldTable *ft) {
    for (Py_ssize_t t = 0; t < n; t++) {
        TextView *v = &views[t];
        if (v->fold != FOLD_PENDING) continue;
        int fold = FOLD_LOWER, alnum = 0;
        Py_UCS4 last = 0;
        for (Py_ssize_t i = next_non_ascii(v, 0); i < v->len; i = next_non_ascii(v, i + 1)) {
            const Py_UCS4 ch = PyUnicode_READ(v->kind, v->data, i);
            if (ch == last) continue;
            last = ch;
            const FoldEntry *e = fold_find(ft, ch);
            if (!e) {
                fold = FOLD_WHOLE;
                break;
            }
            if (e->n != 1 || e->out[0] != ch) fold = FOLD_TABLE;
            alnum |= e->alnum;
        }
        v->fold = fold;
        v->narrow = fold == FOLD_LOWER && !alnum;
    }
}

/* GIL held: casefold every FOLD_WHOLE text whole, replacing its held reference. */
static int fold_marked_whole(PyObject **held, TextView *views, Py_ssize_t n) {
    for (Py_ssize_t t = 0; t < n; t++) {
        if (views[t].fold != FOLD_WHOLE) continue;
        PyObject *folded = casefold_whole(held[t], &views[t]);
        if (!folded) return -1;
        Py_SETREF(held[t], folded);
    }
    return 0;
}

/* Make every captured text ready for the kernel. Called and returns with the GIL held, but drops it for
 * the scans, so the GIL-held work per text is O(1) plus one casefold call per distinct unknown code point
 * per batch: the scans were most of the GIL-held time and what limited thread scaling. -1 with an error set. */
static int prepare_texts(PyObject **held, TextView *views, Py_ssize_t n, FoldTable *ft) {
    int pending = 0;
    for (Py_ssize_t t = 0; t < n && !pending; t++) pending = views[t].fold == FOLD_PENDING;
    if (!pending) return 0;
    CodePointSet todo = {0};
    int failed;
    Py_BEGIN_ALLOW_THREADS;
    failed = collect_unknown(views, n, ft, &todo);
    Py_END_ALLOW_THREADS;
    for (size_t i = 0; i < todo.cap && !failed; i++) {
        if (todo.cp[i] && fold_learn(ft, todo.cp[i]) < 0) failed = 2;
    }
    free(todo.cp);
    if (failed) {
        if (failed == 1) PyErr_NoMemory();
        return -1;
    }
    if (fold_marked_whole(held, views, n) < 0) return -1;
    Py_BEGIN_ALLOW_THREADS;
    classify_pending(views, n, ft);
    Py_END_ALLOW_THREADS;
    return fold_marked_whole(held, views, n);
}

static int parse_hash(PyObject *o, int *out) {
    if (!PyUnicode_Check(o)) {
        PyErr_SetString(PyExc_TypeError, "hash must be a str");
        return 0;
    }
    if (PyUnicode_CompareWithASCIIString(o, "sha1") == 0)
        *out = HASH_SHA1;
    else if (PyUnicode_CompareWithASCIIString(o, "xxh64") == 0)
        *out = HASH_XXH64;
    else if (PyUnicode_CompareWithASCIIString(o, "fast") == 0)
        *out = HASH_FAST;
    else {
        PyErr_Format(PyExc_ValueError, "hash must be 'sha1', 'xxh64' or 'fast', got %R", o);
        return 0;
    }
    return 1;
}

/* What signatures_into and sign_chunk share: the permutation and output buffers checked, and the texts
 * captured and prepared for the kernel, with the GIL held. */
typedef struct {
    PyObject *seq;
    PyObject **held;
    TextView *views;
    Py_ssize_t n, captured;
    FoldTable ft;
    size_t num_perm;
} Batch;

/* 0, or -1 with an error set; release_batch frees what was taken either way. */
static int open_batch(Batch *batch, PyObject *texts, const Py_buffer *a, const Py_buffer *b, const Py_buffer *out) {
    batch->num_perm = (size_t)a->len / sizeof(uint32_t);
    if (batch->num_perm < 1 || a->len != b->len || a->len % sizeof(uint32_t)) {
        PyErr_SetString(PyExc_ValueError, "a and b must be non-empty uint32 buffers of equal length");
        return -1;
    }
    if (!PyBuffer_IsContiguous(a, 'C') || !PyBuffer_IsContiguous(b, 'C') || !PyBuffer_IsContiguous(out, 'C')) {
        PyErr_SetString(PyExc_ValueError, "buffers must be C-contiguous");
        return -1;
    }
    batch->seq = PySequence_Fast(texts, "texts must be a sequence of str");
    if (!batch->seq) return -1;
    batch->n = PySequence_Fast_GET_SIZE(batch->seq);
    if ((size_t)out->len != (size_t)batch->n * batch->num_perm * sizeof(uint32_t)) {
        PyErr_SetString(PyExc_ValueError, "out must hold len(texts) * num_perm uint32 values");
        return -1;
    }
    batch->held = PyMem_Calloc((size_t)batch->n + 1, sizeof(PyObject *));
    batch->views = PyMem_Calloc((size_t)batch->n + 1, sizeof(TextView));
    if (!batch->held || !batch->views) {
        PyErr_NoMemory();
        return -1;
    }
    for (; batch->captured < batch->n; batch->captured++) {
        PyObject *text = PySequence_Fast_GET_ITEM(batch->seq, batch->captured);
        batch->held[batch->captured] = capture_text(text, &batch->views[batch->captured]);
        if (!batch->held[batch->captured]) return -1;
    }
    return prepare_texts(batch->held, batch->views, batch->n, &batch->ft);
}

static void release_batch(Batch *batch) {
    if (batch->held) {
        for (Py_ssize_t i = 0; i < batch->captured; i++) Py_XDECREF(batch->held[i]);
        PyMem_Free(batch->held);
    }
    PyMem_Free(batch->views);
    PyMem_Free(batch->ft.e);
    Py_XDECREF(batch->seq);
}

PyDoc_STRVAR(signatures_into_doc,
             "signatures_into(texts, ngram, hash, a, b, out, /)\n--\n\n"
             "Fill `out` (C-contiguous uint32, len(texts) * len(a) items) with the MinHash signatures of "
             "`texts`. `a` and `b` are the uint32 permutation parameters. The GIL is released after "
             "casefolding.");

static PyObject *signatures_into(PyObject *self, PyObject *args) {
    PyObject *texts, *hash_obj;
    Py_ssize_t ngram;
    Py_buffer a = {0}, b = {0}, out = {0};
    int hash_id;
    (void)self;
    if (!PyArg_ParseTuple(args, "OnOy*y*w*", &texts, &ngram, &hash_obj, &a, &b, &out)) return NULL;
    PyObject *result = NULL;
    Batch batch = {0};

    if (!parse_hash(hash_obj, &hash_id)) goto done;
    if (ngram < 1) {
        PyErr_Format(PyExc_ValueError, "ngram must be >= 1, got %zd", ngram);
        goto done;
    }
    if (open_batch(&batch, texts, &a, &b, &out) < 0) goto done;

    int failed = 0;
    const Py_ssize_t n = batch.n;
    const size_t num_perm = batch.num_perm;
    uint32_t *rows = (uint32_t *)out.buf;
    const uint32_t *pa = (const uint32_t *)a.buf, *pb = (const uint32_t *)b.buf;
    Py_BEGIN_ALLOW_THREADS;
    Scratch s;
    memset(&s, 0, sizeof(s));
    for (Py_ssize_t i = 0; i < n && !failed; i++) {
        uint32_t *row = rows + (size_t)i * num_perm;
        for (size_t k = 0; k < num_perm; k++) row[k] = 0xFFFFFFFFu;
        if (sign_one(&s, &batch.views[i], &batch.ft, (size_t)ngram, hash_id, pa, pb, row, num_perm) < 0) failed = 1;
    }
    scratch_free(&s);
    Py_END_ALLOW_THREADS;
    if (failed) {
        PyErr_NoMemory();
        goto done;
    }
    result = Py_NewRef(Py_None);

done:
    release_batch(&batch);
    PyBuffer_Release(&a);
    PyBuffer_Release(&b);
    PyBuffer_Release(&out);
    return result;
}

PyDoc_STRVAR(shingle_hashes_doc,
             "shingle_hashes(text, ngram, hash, /)\n--\n\n"
             "Hashes of the unique shingles of `text` in first-occurrence order, packed in a bytearray: "
             "uint32 (sha1_hash32) for 'sha1', uint64 for 'xxh64' and 'fast' (for 'fast': the distinct "
             "hash values), native byte order.");

/* "fast" mode: the distinct values of s->sh64 in first-occurrence order (the spec dedupes on the value). */
static Py_ssize_t unique_fast_hashes(const Scratch *s, size_t nsh, uint8_t *dst) {
    size_t cap = 16;
    while (cap < nsh * 2) cap <<= 1;
    uint8_t *used = calloc(cap, 1);
    uint64_t *key = malloc(cap * sizeof(uint64_t));
    if (!used || !key) {
        free(used);
        free(key);
        return -1;
    }
    Py_ssize_t nu = 0;
    for (size_t j = 0; j < nsh; j++) {
        const uint64_t k = s->sh64[j];
        size_t pos = (size_t)(k >> 32) & (cap - 1);
        while (used[pos] && key[pos] != k) pos = (pos + 1) & (cap - 1);
        if (used[pos]) continue;
        used[pos] = 1;
        key[pos] = k;
        memcpy(dst + 8 * (size_t)nu, &k, 8);
        nu++;
    }
    free(used);
    free(key);
    return nu;
}

/* Open-addressing set of shingle indices keyed by their xxh64, confirming equality on the bytes, so two
 * distinct shingles that share a 32-bit SHA-1 prefix still count twice, exactly like the Python spec. */
static Py_ssize_t unique_shingles(Scratch *s, size_t nsh, size_t ngram, int hash_id, uint8_t *dst) {
    size_t cap = 16;
    while (cap < nsh * 2) cap <<= 1;
    uint32_t *slot = calloc(cap, sizeof(uint32_t));
    uint64_t *key = malloc(cap * sizeof(uint64_t));
    if (!slot || !key) {
        free(slot);
        free(key);
        return -1;
    }
    Py_ssize_t nu = 0;
    for (size_t j = 0; j < nsh; j++) {
        const uint8_t *p;
        size_t len;
        shingle_span(s, j, ngram, &p, &len);
        uint64_t k = xxh64(p, len);
        size_t pos = (size_t)fmix32((uint32_t)(k ^ (k >> 32))) & (cap - 1);
        int dup = 0;
        while (slot[pos]) {
            if (key[pos] == k) {
                const uint8_t *q;
                size_t qlen;
                shingle_span(s, slot[pos] - 1, ngram, &q, &qlen);
                if (qlen == len && memcmp(p, q, len) == 0) {
                    dup = 1;
                    break;
                }
            }
            pos = (pos + 1) & (cap - 1);
        }
        if (dup) continue;
        slot[pos] = (uint32_t)(j + 1);
        key[pos] = k;
        if (hash_id == HASH_SHA1) {
            uint32_t h = sha1_hash32(p, len);
            memcpy(dst + 4 * (size_t)nu, &h, 4);
        } else {
            memcpy(dst + 8 * (size_t)nu, &k, 8);
        }
        nu++;
    }
    free(slot);
    free(key);
    return nu;
}

static PyObject *shingle_hashes(PyObject *self, PyObject *args) {
    PyObject *text, *hash_obj;
    Py_ssize_t ngram;
    int hash_id;
    (void)self;
    if (!PyArg_ParseTuple(args, "OnO", &text, &ngram, &hash_obj)) return NULL;
    if (!parse_hash(hash_obj, &hash_id)) return NULL;
    if (ngram < 1) return PyErr_Format(PyExc_ValueError, "ngram must be >= 1, got %zd", ngram);
    if ((size_t)ngram > UINT32_MAX) return PyErr_Format(PyExc_ValueError, "ngram too large");
    TextView view;
    FoldTable ft = {0};
    PyObject *held = capture_text(text, &view);
    if (held && prepare_texts(&held, &view, 1, &ft) < 0) Py_CLEAR(held);
    if (!held) {
        PyMem_Free(ft.e);
        return NULL;
    }
    size_t width = hash_id == HASH_SHA1 ? 4 : 8;
    Scratch s;
    memset(&s, 0, sizeof(s));
    uint8_t *tmp = NULL;
    Py_ssize_t nsh, nu = 0;
    Py_BEGIN_ALLOW_THREADS;
    nsh = tokenize(&s, &view, &ft, (size_t)ngram, hash_id == HASH_FAST);
    if (nsh > 0) {
        /* Set slots hold shingle index + 1 as uint32. */
        tmp = (size_t)nsh < UINT32_MAX ? malloc((size_t)nsh * width) : NULL;
        if (!tmp)
            nu = -1;
        else if (hash_id == HASH_FAST)
            nu = fast_window_hashes(&s, (size_t)nsh, (size_t)ngram) < 0 ? -1 : unique_fast_hashes(&s, (size_t)nsh, tmp);
        else
            nu = unique_shingles(&s, (size_t)nsh, (size_t)ngram, hash_id, tmp);
    }
    Py_END_ALLOW_THREADS;
    Py_DECREF(held);
    PyMem_Free(ft.e);
    PyObject *res = NULL;
    if (nsh < 0 || nu < 0)
        PyErr_NoMemory();
    else
        res = PyByteArray_FromStringAndSize((const char *)tmp, nu * (Py_ssize_t)width);
    free(tmp);
    scratch_free(&s);
    return res;
}

PyDoc_STRVAR(window_sequence_doc,
             "window_sequence(text, ngram, limit, date_hashes, /)\n--\n\n"
             "newsclean.alignment.window_sequence: (uint32 bytes, uint8 bytes). The high 32 bits of the 'fast' "
             "hash of every word n-gram of the first `limit` tokens, in order, repeats kept; and per token 1 when "
             "it is ASCII digits only or its fast_token_hash is in `date_hashes` (sorted uint64), else 0.");

/* Whether `h` is one of the `n` sorted values of `sorted`. */
static int in_sorted(uint64_t h, const uint64_t *sorted, size_t n) {
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (sorted[mid] < h)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < n && sorted[lo] == h;
}

static PyObject *window_sequence(PyObject *self, PyObject *args) {
    PyObject *text;
    Py_ssize_t ngram, limit;
    Py_buffer dates;
    (void)self;
    if (!PyArg_ParseTuple(args, "Onny*", &text, &ngram, &limit, &dates)) return NULL;
    if (ngram < 1 || limit < ngram || dates.len % 8 != 0) {
        PyBuffer_Release(&dates);
        return PyErr_Format(PyExc_ValueError, "need ngram >= 1, limit >= ngram and 8-byte date hashes");
    }
    TextView view;
    FoldTable ft = {0};
    PyObject *held = capture_text(text, &view);
    if (held && prepare_texts(&held, &view, 1, &ft) < 0) Py_CLEAR(held);
    if (!held) {
        PyMem_Free(ft.e);
        PyBuffer_Release(&dates);
        return NULL;
    }
    Scratch s;
    memset(&s, 0, sizeof(s));
    uint32_t *windows = NULL;
    uint8_t *dated = NULL;
    Py_ssize_t nsh;
    size_t ntok = 0;
    int failed = 0;
    const uint64_t *date_hashes = (const uint64_t *)dates.buf;
    const size_t ndates = (size_t)dates.len / 8;
    Py_BEGIN_ALLOW_THREADS;
    nsh = tokenize(&s, &view, &ft, (size_t)ngram, 1);
    if (nsh < 0) failed = 1;
    if (nsh > 0) {
        if (s.ntok > (size_t)limit) s.ntok = (size_t)limit;
        ntok = s.ntok;
        nsh = ntok <= (size_t)ngram ? 1 : (Py_ssize_t)(ntok - (size_t)ngram + 1);
        windows = malloc((size_t)nsh * sizeof(uint32_t));
        dated = malloc(ntok);
        if (!windows || !dated || fast_window_hashes(&s, (size_t)nsh, (size_t)ngram) < 0) {
            failed = 1;
        } else {
            for (Py_ssize_t j = 0; j < nsh; j++) windows[j] = (uint32_t)(s.sh64[j] >> 32);
            for (size_t i = 0; i < ntok; i++) {
                int digits = 1;
                for (size_t q = s.tok_start[i]; q < s.tok_end[i] && digits; q++)
                    digits = s.buf[q] >= '0' && s.buf[q] <= '9';
                dated[i] = (uint8_t)(digits || in_sorted(s.th[i], date_hashes, ndates));
            }
        }
    }
    Py_END_ALLOW_THREADS;
    Py_DECREF(held);
    PyMem_Free(ft.e);
    PyBuffer_Release(&dates);
    PyObject *res = NULL;
    if (failed) {
        PyErr_NoMemory();
    } else {
        Py_ssize_t nw = nsh > 0 ? nsh : 0;
        PyObject *w = PyByteArray_FromStringAndSize((const char *)windows, nw * (Py_ssize_t)sizeof(uint32_t));
        PyObject *d = w ? PyByteArray_FromStringAndSize((const char *)dated, (Py_ssize_t)ntok) : NULL;
        if (w && d) res = PyTuple_Pack(2, w, d);
        Py_XDECREF(w);
        Py_XDECREF(d);
    }
    free(windows);
    free(dated);
    scratch_free(&s);
    return res;
}

PyDoc_STRVAR(sign_chunk_doc,
             "sign_chunk(texts, ngram, hash, a, b, out, sketch_size, window_limit, date_hashes, /)\n--\n\n"
             "Everything newsclean.deduplication needs of a chunk of texts, each tokenized once and each shingle "
             "hashed once: fills `out` with the signatures (as signatures_into) and returns (words, exact, "
             "sketches, windows): the token count of each text (int32 bytes), its exact key (uint64 bytes: "
             "BLAKE2b-64 of its tokens joined by spaces), its sketch (uint32 bytes: the `sketch_size` smallest "
             "distinct low 32 bits of its shingle hashes, sorted) and, unless `window_limit` is 0 (then None), its "
             "window sequence as window_sequence(text, ngram, window_limit, date_hashes) returns it.");

/* What sign_chunk found for one text, built into Python objects once the GIL is back. */
typedef struct {
    int32_t words;
    uint64_t exact;
    uint32_t *sketch;
    size_t nsketch;
    uint32_t *windows;
    size_t nwindows;
    uint8_t *dated;
    size_t ndated;
} SignedText;

/* Per-thread buffers of sign_chunk beside the tokenizer's. */
typedef struct {
    uint32_t *raw; /* the 32-bit hash of each shingle, then sorted for the sketch */
    size_t raw_cap;
    uint8_t *joined; /* "fast" mode: the tokens joined by single spaces, for the exact key */
    size_t joined_cap;
} SignScratch;

static int cmp_u32(const void *x, const void *y) {
    const uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
    return (a > b) - (a < b);
}

/* Tokenize, key, hash, sign, sketch and window one text; its row of `row` must hold 0xFFFFFFFF. -1: no memory. */
static int sign_text(Scratch *s, SignScratch *w, const TextView *t, const FoldTable *ft, size_t ngram, int hash_id,
                     const uint32_t *a, const uint32_t *b, uint32_t *row, size_t num_perm, size_t sketch_size,
                     size_t window_limit, const uint64_t *dates, size_t ndates, SignedText *out) {
    const int spans = hash_id == HASH_FAST;
    const Py_ssize_t found = tokenize(s, t, ft, ngram, spans);
    if (found <= 0) return (int)found;
    const size_t nsh = (size_t)found, ntok = s->ntok;
    out->words = (int32_t)ntok;

    /* The exact key: " ".join(tokens), which the tokenizer wrote unless it wrote spans. */
    if (spans) {
        size_t need = 0;
        for (size_t j = 0; j < ntok; j++) need += s->tok_end[j] - s->tok_start[j] + 1;
        if (grow((void **)&w->joined, &w->joined_cap, need, 1) < 0) return -1;
        uint8_t *o = w->joined;
        for (size_t j = 0; j < ntok; j++) {
            const size_t len = s->tok_end[j] - s->tok_start[j];
            memcpy(o, s->buf + s->tok_start[j], len);
            o += len;
            *o++ = ' ';
        }
        out->exact = blake2b_64(w->joined, need - 1);
    } else {
        out->exact = blake2b_64(s->buf, s->tok_start[ntok] - 1);
    }

    /* One hash per shingle: its low 32 bits enter the permutations and the sketch. */
    if (grow((void **)&w->raw, &w->raw_cap, nsh, sizeof(uint32_t)) < 0) return -1;
    if (grow((void **)&s->hv32, &s->hv_cap, nsh, sizeof(uint32_t)) < 0) return -1;
    if (spans) {
        if (fast_window_hashes(s, nsh, ngram) < 0) return -1;
        for (size_t j = 0; j < nsh; j++) w->raw[j] = (uint32_t)s->sh64[j];
    } else {
        for (size_t j = 0; j < nsh; j++) {
            const uint8_t *p;
            size_t len;
            shingle_span(s, j, ngram, &p, &len);
            w->raw[j] = hash_id == HASH_SHA1 ? sha1_hash32(p, len) : (uint32_t)xxh64(p, len);
        }
    }
    for (size_t j = 0; j < nsh; j++) s->hv32[j] = fmix32(w->raw[j]);
    minhash_update(s->hv32, nsh, a, b, row, num_perm);

    qsort(w->raw, nsh, sizeof(uint32_t), cmp_u32);
    size_t nu = 0;
    for (size_t j = 0; j < nsh && nu < sketch_size; j++)
        if (nu == 0 || w->raw[j] != w->raw[nu - 1]) w->raw[nu++] = w->raw[j];
    out->sketch = malloc((nu ? nu : 1) * sizeof(uint32_t));
    if (!out->sketch) return -1;
    memcpy(out->sketch, w->raw, nu * sizeof(uint32_t));
    out->nsketch = nu;

    if (window_limit == 0) return 0;
    /* The window sequence of the first `window_limit` tokens: the high 32 bits of their "fast" shingle hashes
     * (already there in "fast" mode: a shingle's hash depends on its own tokens only). */
    const size_t wtok = ntok > window_limit ? window_limit : ntok;
    const size_t nw = wtok <= ngram ? 1 : wtok - ngram + 1;
    if (!spans) {
        if (grow((void **)&s->tok_end, &s->tok_end_cap, ntok + 1, sizeof(size_t)) < 0) return -1;
        for (size_t j = 0; j < wtok; j++) s->tok_end[j] = s->tok_start[j + 1] - 1;
        s->ntok = wtok;
        if (fast_window_hashes(s, nw, ngram) < 0) return -1;
    }
    out->windows = malloc(nw * sizeof(uint32_t));
    out->dated = malloc(wtok);
    if (!out->windows || !out->dated) return -1;
    for (size_t j = 0; j < nw; j++) out->windows[j] = (uint32_t)(s->sh64[j] >> 32);
    for (size_t i = 0; i < wtok; i++) {
        int digits = 1;
        for (size_t q = s->tok_start[i]; q < s->tok_end[i] && digits; q++)
            digits = s->buf[q] >= '0' && s->buf[q] <= '9';
        out->dated[i] = (uint8_t)(digits || in_sorted(s->th[i], dates, ndates));
    }
    out->nwindows = nw;
    out->ndated = wtok;
    return 0;
}

/* (words, exact, sketches, windows) of sign_chunk from what the kernel found. */
static PyObject *signed_results(const SignedText *done, Py_ssize_t n, int with_windows) {
    PyObject *words = PyBytes_FromStringAndSize(NULL, n * (Py_ssize_t)sizeof(int32_t));
    PyObject *exact = PyBytes_FromStringAndSize(NULL, n * (Py_ssize_t)sizeof(uint64_t));
    PyObject *sketches = PyList_New(n);
    PyObject *windows = with_windows ? PyList_New(n) : Py_NewRef(Py_None);
    PyObject *res = NULL;
    if (!words || !exact || !sketches || !windows) goto done;
    int32_t *pw = (int32_t *)PyBytes_AS_STRING(words);
    uint64_t *pe = (uint64_t *)PyBytes_AS_STRING(exact);
    for (Py_ssize_t i = 0; i < n; i++) {
        const SignedText *d = &done[i];
        pw[i] = d->words;
        pe[i] = d->exact;
        PyObject *sketch = PyBytes_FromStringAndSize((const char *)d->sketch, (Py_ssize_t)(d->nsketch * 4));
        if (!sketch) goto done;
        PyList_SET_ITEM(sketches, i, sketch);
        if (!with_windows) continue;
        PyObject *hashes = PyBytes_FromStringAndSize((const char *)d->windows, (Py_ssize_t)(d->nwindows * 4));
        PyObject *dated = hashes ? PyBytes_FromStringAndSize((const char *)d->dated, (Py_ssize_t)d->ndated) : NULL;
        PyObject *pair = hashes && dated ? PyTuple_Pack(2, hashes, dated) : NULL;
        Py_XDECREF(hashes);
        Py_XDECREF(dated);
        if (!pair) goto done;
        PyList_SET_ITEM(windows, i, pair);
    }
    res = PyTuple_Pack(4, words, exact, sketches, windows);
done:
    Py_XDECREF(words);
    Py_XDECREF(exact);
    Py_XDECREF(sketches);
    Py_XDECREF(windows);
    return res;
}

static PyObject *sign_chunk(PyObject *self, PyObject *args) {
    PyObject *texts, *hash_obj;
    Py_ssize_t ngram, sketch_size, window_limit;
    Py_buffer a = {0}, b = {0}, out = {0}, dates = {0};
    int hash_id;
    (void)self;
    if (!PyArg_ParseTuple(args, "OnOy*y*w*nny*", &texts, &ngram, &hash_obj, &a, &b, &out, &sketch_size,
                          &window_limit, &dates))
        return NULL;
    PyObject *result = NULL;
    Batch batch = {0};
    SignedText *done_texts = NULL;

    if (!parse_hash(hash_obj, &hash_id)) goto done;
    if (ngram < 1 || sketch_size < 1 || window_limit < 0 || (window_limit > 0 && window_limit < ngram) ||
        dates.len % 8 != 0) {
        PyErr_SetString(PyExc_ValueError,
                        "need ngram >= 1, sketch_size >= 1, window_limit 0 or >= ngram, 8-byte date hashes");
        goto done;
    }
    if (open_batch(&batch, texts, &a, &b, &out) < 0) goto done;
    const Py_ssize_t n = batch.n;
    const size_t num_perm = batch.num_perm;
    done_texts = PyMem_Calloc((size_t)n + 1, sizeof(SignedText));
    if (!done_texts) {
        PyErr_NoMemory();
        goto done;
    }

    int failed = 0;
    uint32_t *rows = (uint32_t *)out.buf;
    const uint32_t *pa = (const uint32_t *)a.buf, *pb = (const uint32_t *)b.buf;
    const uint64_t *pd = (const uint64_t *)dates.buf;
    const size_t nd = (size_t)dates.len / 8;
    Py_BEGIN_ALLOW_THREADS;
    Scratch sc;
    SignScratch ws = {0};
    memset(&sc, 0, sizeof(sc));
    for (Py_ssize_t i = 0; i < n && !failed; i++) {
        uint32_t *row = rows + (size_t)i * num_perm;
        for (size_t k = 0; k < num_perm; k++) row[k] = 0xFFFFFFFFu;
        if (sign_text(&sc, &ws, &batch.views[i], &batch.ft, (size_t)ngram, hash_id, pa, pb, row, num_perm,
                      (size_t)sketch_size, (size_t)window_limit, pd, nd, &done_texts[i]) < 0)
            failed = 1;
    }
    scratch_free(&sc);
    free(ws.raw);
    free(ws.joined);
    Py_END_ALLOW_THREADS;
    if (failed)
        PyErr_NoMemory();
    else
        result = signed_results(done_texts, n, window_limit > 0);

done:
    if (done_texts) {
        for (Py_ssize_t i = 0; i < batch.n; i++) {
            free(done_texts[i].sketch);
            free(done_texts[i].windows);
            free(done_texts[i].dated);
        }
        PyMem_Free(done_texts);
    }
    release_batch(&batch);
    PyBuffer_Release(&a);
    PyBuffer_Release(&b);
    PyBuffer_Release(&out);
    PyBuffer_Release(&dates);
    return result;
}

PyDoc_STRVAR(hash_bytes_doc,
             "hash_bytes(data, hash, /)\n--\n\n"
             "The raw hash of `data`: sha1_hash32 for 'sha1', xxh64 (seed 0) for 'xxh64', fast_token_hash "
             "for 'fast'.");

static PyObject *hash_bytes(PyObject *self, PyObject *args) {
    Py_buffer data;
    PyObject *hash_obj;
    int hash_id;
    (void)self;
    if (!PyArg_ParseTuple(args, "y*O", &data, &hash_obj)) return NULL;
    PyObject *res = NULL;
    if (parse_hash(hash_obj, &hash_id)) {
        const uint8_t *p = (const uint8_t *)data.buf;
        const size_t len = (size_t)data.len;
        if (hash_id == HASH_SHA1)
            res = PyLong_FromUnsignedLong(sha1_hash32(p, len));
        else if (hash_id == HASH_XXH64)
            res = PyLong_FromUnsignedLongLong(xxh64(p, len));
        else {
            uint8_t *padded = PyMem_Calloc(len + 8, 1); /* fast_token_hash reads whole 8-byte words */
            if (!padded)
                PyErr_NoMemory();
            else {
                memcpy(padded, p, len);
                res = PyLong_FromUnsignedLongLong(fast_token_hash(padded, len));
                PyMem_Free(padded);
            }
        }
    }
    PyBuffer_Release(&data);
    return res;
}

static PyObject *cpu_features(PyObject *self, PyObject *noargs) {
    (void)self;
    (void)noargs;
    return Py_BuildValue("{s:O,s:O}", "sha_ni", sha1_blocks == sha1_blocks_portable ? Py_False : Py_True,
                         "avx512bw_classify", classify_wide ? Py_True : Py_False);
}

static PyMethodDef methods[] = {
    {"signatures_into", signatures_into, METH_VARARGS, signatures_into_doc},
    {"shingle_hashes", shingle_hashes, METH_VARARGS, shingle_hashes_doc},
    {"window_sequence", window_sequence, METH_VARARGS, window_sequence_doc},
    {"sign_chunk", sign_chunk, METH_VARARGS, sign_chunk_doc},
    {"hash_bytes", hash_bytes, METH_VARARGS, hash_bytes_doc},
    {"cpu_features", cpu_features, METH_NOARGS, "Which hardware paths this process uses."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef moduledef = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_speedups",
    .m_doc = "C kernel for newsclean.signature (see signature.py for the spec).",
    .m_size = 0,
    .m_methods = methods,
};

PyMODINIT_FUNC PyInit__speedups(void) {
#ifdef NC_X86
    if (cpu_has_shani() && !getenv("NEWSCLEAN_NO_SHANI")) sha1_blocks = sha1_blocks_shani;
#if defined(NC_HAVE_BITS) && defined(NC_X86)
    if (cpu_has_avx512bw() && !getenv("NEWSCLEAN_NO_AVX512")) classify_wide = classify_avx512;
#endif
#endif
    return PyModule_Create(&moduledef);
}
