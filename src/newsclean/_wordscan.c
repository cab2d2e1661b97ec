/*
 * newsclean._wordscan: the cleaner's text scans, each one pass over the text with no object made per word.
 *
 * scan_triggers: which trigger words and substrings occur in an article.
 *
 * The specification is `newsclean.patterns.selection.scan_triggers_python`: the `[a-z]+` words of
 * `text.lower()` that are in a vocabulary, and which of some ASCII substrings occur in `text.lower()`. Python
 * does that with a lowered copy, a byte translation, a split into one object per word and a set intersection;
 * here the article is folded into one byte buffer and each word is looked up in a small hash table, with no
 * object made per word.
 *
 * The fold gives exactly the ASCII bytes of `text.lower()` encoded as UTF-8: an ASCII character becomes its
 * lowercase; a non-ASCII character becomes the byte 0x80, which is neither a letter nor part of an ASCII
 * substring, as every byte of its UTF-8 form is; except the only two whose lowercase holds an ASCII letter
 * (checked over all of Unicode by the tests): U+0130 (lowercase "i" + U+0307, so "i" then 0x80) and the
 * Kelvin sign U+212A (lowercase "k").
 *
 * ascii_words: the key a paragraph is compared by when looking for repeats (newsclean.repeats): its ASCII
 * words lowercased and joined by spaces, when its only non-ASCII characters are separators (quotes, dashes).
 *
 * needle_lines: which lines of an article's case-folded text hold which inline rules' `needs`
 * (newsclean.boilerplate). The needles are ASCII, so on a text without the few characters whose case folding
 * yields ASCII letters (`ß`, `ﬁ`, the Kelvin sign...: the caller passes them) the same fold as above finds
 * them without case folding the whole article.
 *
 * text_profile: which of the normalizer's character classes and whitespace shapes a text holds
 * (newsclean.normalize), so that it runs only the fixers with work to do.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <stdint.h>
#include <string.h>

#define TABLE_SLOTS 256 /* a power of two, at least twice the vocabulary size (checked below) */
#define MAX_SUBSTRINGS 64

typedef struct {
    uint64_t hash;
    const char *word;
    Py_ssize_t length;
    Py_ssize_t index; /* -1: empty slot */
} Slot;

/* Hash of a word: words of up to 16 bytes (all real trigger words) in two multiplications, reading 16 bytes
 * (the folded buffer has 16 bytes of slack) and masking what lies past the word; longer ones by FNV-1a. */
static inline uint64_t word_hash(const unsigned char *p, Py_ssize_t n) {
    if (n > 16) {
        uint64_t h = 1469598103934665603ULL;
        for (Py_ssize_t i = 0; i < n; i++) h = (h ^ p[i]) * 1099511628211ULL;
        return h;
    }
    uint64_t lo, hi;
    memcpy(&lo, p, 8);
    memcpy(&hi, p + 8, 8);
    if (n < 8) {
        lo &= ((uint64_t)1 << (8 * n)) - 1;
        hi = 0;
    } else if (n < 16) {
        hi &= ((uint64_t)1 << (8 * (n - 8))) - 1;
    }
    uint64_t h = (lo * 0x9E3779B97F4A7C15ULL) ^ (hi * 0xC2B2AE3D27D4EB4FULL) ^ (uint64_t)n;
    return h ^ (h >> 31);
}

static inline unsigned char fold_ascii(Py_UCS4 c) {
    return (c >= 'A' && c <= 'Z') ? (unsigned char)(c + 32) : (unsigned char)c;
}

#define FOLD_LOOP(TYPE)                                                                                 \
    do {                                                                                                \
        const TYPE *chars = (const TYPE *)data;                                                         \
        for (Py_ssize_t i = 0; i < length; i++) {                                                       \
            Py_UCS4 c = chars[i];                                                                       \
            if (c < 0x80) {                                                                             \
                out[n++] = fold_ascii(c);                                                               \
            } else if (c == 0x130) {                                                                    \
                out[n++] = 'i';                                                                         \
                out[n++] = 0x80;                                                                        \
            } else if (c == 0x212A) {                                                                   \
                out[n++] = 'k';                                                                         \
            } else {                                                                                    \
                out[n++] = 0x80;                                                                        \
            }                                                                                           \
        }                                                                                               \
    } while (0)

/* The folded bytes of `text` into `out` (room for 2 bytes per character); returns their number. */
static Py_ssize_t fold_text(PyObject *text, unsigned char *out) {
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t length = PyUnicode_GET_LENGTH(text), n = 0;
    switch (PyUnicode_KIND(text)) {
    case PyUnicode_1BYTE_KIND:
        FOLD_LOOP(Py_UCS1);
        break;
    case PyUnicode_2BYTE_KIND:
        FOLD_LOOP(Py_UCS2);
        break;
    default:
        FOLD_LOOP(Py_UCS4);
        break;
    }
    return n;
}

static int build_table(PyObject *words, Slot *table) {
    Py_ssize_t count = PyTuple_GET_SIZE(words);
    if (count > TABLE_SLOTS / 2) {
        PyErr_SetString(PyExc_ValueError, "too many trigger words for the table");
        return -1;
    }
    for (Py_ssize_t s = 0; s < TABLE_SLOTS; s++) table[s].index = -1;
    for (Py_ssize_t i = 0; i < count; i++) {
        PyObject *word = PyTuple_GET_ITEM(words, i);
        if (!PyBytes_Check(word)) {
            PyErr_SetString(PyExc_TypeError, "trigger words must be bytes");
            return -1;
        }
        /* A bytes object's buffer is followed by its NUL byte only: hash a padded copy. */
        unsigned char padded[16] = {0};
        Py_ssize_t size = PyBytes_GET_SIZE(word);
        memcpy(padded, PyBytes_AS_STRING(word), (size_t)(size < 16 ? size : 16));
        Slot slot = {size <= 16 ? word_hash(padded, size) : word_hash((const unsigned char *)PyBytes_AS_STRING(word), size),
                     PyBytes_AS_STRING(word), PyBytes_GET_SIZE(word), i};
        size_t s = (size_t)slot.hash & (TABLE_SLOTS - 1);
        while (table[s].index >= 0) s = (s + 1) & (TABLE_SLOTS - 1);
        table[s] = slot;
    }
    return 0;
}

static Py_ssize_t lookup(const Slot *table, const unsigned char *word, Py_ssize_t length) {
    uint64_t hash = word_hash(word, length);
    for (size_t s = (size_t)hash & (TABLE_SLOTS - 1); table[s].index >= 0; s = (s + 1) & (TABLE_SLOTS - 1)) {
        if (table[s].hash == hash && table[s].length == length && memcmp(table[s].word, word, length) == 0)
            return table[s].index;
    }
    return -1;
}

PyDoc_STRVAR(scan_triggers_doc,
             "scan_triggers(text, words, substrings) -> (word_indices, substring_mask)\n\n"
             "word_indices: ascending indices in the tuple `words` (lowercase ASCII bytes) of the [a-z]+ words "
             "of text.lower(); substring_mask: bit i set when substrings[i] (ASCII bytes, at most 64) occurs in "
             "text.lower(); each substring is two or more lowercase ASCII letters. The spec is newsclean.patterns.selection.scan_triggers_python.");

/* For each pair of lowercase letters, the substrings (bit i for substrings[i]) that start with it. */
typedef uint64_t Bigrams[26][26];

/* Substrings must be two or more lowercase ASCII letters: then one can only occur inside a run of letters of
 * the folded text, and only where its first two letters stand. */
static int build_bigrams(PyObject *substrings, Bigrams bigrams) {
    memset(bigrams, 0, sizeof(Bigrams));
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(substrings); i++) {
        PyObject *substring = PyTuple_GET_ITEM(substrings, i);
        const char *p = PyBytes_Check(substring) ? PyBytes_AS_STRING(substring) : NULL;
        Py_ssize_t m = p ? PyBytes_GET_SIZE(substring) : 0;
        int letters = m >= 2;
        for (Py_ssize_t j = 0; letters && j < m; j++) letters = p[j] >= 'a' && p[j] <= 'z';
        if (!letters) {
            PyErr_SetString(PyExc_ValueError, "substrings must be bytes of two or more lowercase ASCII letters");
            return -1;
        }
        bigrams[p[0] - 'a'][p[1] - 'a'] |= (uint64_t)1 << i;
    }
    return 0;
}

/* The substrings found in the run of letters run[0..n), among those not yet in `found`. */
static uint64_t substrings_in_run(const unsigned char *run, Py_ssize_t n, Bigrams bigrams, PyObject *substrings,
                                  uint64_t found) {
    for (Py_ssize_t i = 0; i + 1 < n; i++) {
        uint64_t candidates = bigrams[run[i] - 'a'][run[i + 1] - 'a'] & ~found;
        while (candidates) {
            int bit = __builtin_ctzll(candidates);
            candidates &= candidates - 1;
            PyObject *substring = PyTuple_GET_ITEM(substrings, bit);
            Py_ssize_t m = PyBytes_GET_SIZE(substring);
            if (m <= n - i && memcmp(run + i, PyBytes_AS_STRING(substring), (size_t)m) == 0)
                found |= (uint64_t)1 << bit;
        }
    }
    return found;
}

static PyObject *scan_triggers(PyObject *self, PyObject *args) {
    (void)self;
    PyObject *text, *words, *substrings;
    if (!PyArg_ParseTuple(args, "UO!O!", &text, &PyTuple_Type, &words, &PyTuple_Type, &substrings)) return NULL;
    Py_ssize_t substring_count = PyTuple_GET_SIZE(substrings);
    if (substring_count > MAX_SUBSTRINGS) {
        PyErr_SetString(PyExc_ValueError, "at most 64 substrings");
        return NULL;
    }
    Slot table[TABLE_SLOTS];
    Bigrams bigrams;
    if (build_table(words, table) < 0 || build_bigrams(substrings, bigrams) < 0) return NULL;
    Py_ssize_t word_count = PyTuple_GET_SIZE(words);
    unsigned char seen[TABLE_SLOTS / 2] = {0};
    unsigned char *folded = PyMem_Malloc((size_t)PyUnicode_GET_LENGTH(text) * 2 + 16);
    if (!folded) return PyErr_NoMemory();
    Py_ssize_t n = fold_text(text, folded);
    uint64_t mask = 0;
    for (Py_ssize_t i = 0; i < n;) {
        if (folded[i] < 'a' || folded[i] > 'z') {
            i++;
            continue;
        }
        Py_ssize_t start = i;
        while (i < n && folded[i] >= 'a' && folded[i] <= 'z') i++;
        Py_ssize_t found = lookup(table, folded + start, i - start);
        if (found >= 0) seen[found] = 1;
        if (substring_count) mask = substrings_in_run(folded + start, i - start, bigrams, substrings, mask);
    }
    PyMem_Free(folded);
    PyObject *indices = PyList_New(0);
    for (Py_ssize_t i = 0; indices && i < word_count; i++) {
        if (!seen[i]) continue;
        PyObject *number = PyLong_FromSsize_t(i);
        if (!number || PyList_Append(indices, number) < 0) Py_CLEAR(indices);
        Py_XDECREF(number);
    }
    if (!indices) return NULL;
    PyObject *result = Py_BuildValue("(NK)", indices, (unsigned long long)mask);
    return result;
}

PyDoc_STRVAR(ascii_words_doc,
             "ascii_words(text, separators) -> str | None\n\n"
             "The runs of ASCII letters and digits of `text`, lowercased and joined by single spaces, when every "
             "non-ASCII character of `text` is one of `separators`; else None. The spec is "
             "newsclean.repeats.ascii_words_python.");

/* Appends the words of chars[0..length) to out[*n...]; returns 0, or -1 at a non-separator non-ASCII char. */
#define WORDS_LOOP(TYPE)                                                                                \
    do {                                                                                                \
        const TYPE *chars = (const TYPE *)data;                                                         \
        for (Py_ssize_t i = 0; i < length; i++) {                                                       \
            Py_UCS4 c = chars[i];                                                                       \
            if (c < 0x80) {                                                                             \
                unsigned char folded = fold_ascii(c);                                                   \
                if ((folded >= 'a' && folded <= 'z') || (folded >= '0' && folded <= '9')) {             \
                    if (!in_word && n) out[n++] = ' ';                                                  \
                    out[n++] = (char)folded;                                                            \
                    in_word = 1;                                                                        \
                    continue;                                                                           \
                }                                                                                       \
            } else if (!is_one_of(c, separators)) {                                                  \
                ok = 0;                                                                                 \
                break;                                                                                  \
            }                                                                                           \
            in_word = 0;                                                                                \
        }                                                                                               \
    } while (0)

static int is_one_of(Py_UCS4 c, PyObject *separators) {
    int kind = PyUnicode_KIND(separators);
    const void *data = PyUnicode_DATA(separators);
    for (Py_ssize_t j = 0; j < PyUnicode_GET_LENGTH(separators); j++)
        if (PyUnicode_READ(kind, data, j) == c) return 1;
    return 0;
}

static PyObject *ascii_words(PyObject *self, PyObject *args) {
    (void)self;
    PyObject *text, *separators;
    if (!PyArg_ParseTuple(args, "UU", &text, &separators)) return NULL;
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t length = PyUnicode_GET_LENGTH(text), n = 0;
    char *out = PyMem_Malloc((size_t)length + 1);
    if (!out) return PyErr_NoMemory();
    int in_word = 0, ok = 1;
    switch (PyUnicode_KIND(text)) {
    case PyUnicode_1BYTE_KIND:
        WORDS_LOOP(Py_UCS1);
        break;
    case PyUnicode_2BYTE_KIND:
        WORDS_LOOP(Py_UCS2);
        break;
    default:
        WORDS_LOOP(Py_UCS4);
        break;
    }
    PyObject *result = NULL;
    if (!ok) {
        result = Py_NewRef(Py_None);
    } else if ((result = PyUnicode_New(n, 127)) != NULL) {
        memcpy(PyUnicode_DATA(result), out, (size_t)n);
    }
    PyMem_Free(out);
    return result;
}

/* Folds chars[0..length) into folded[] (one byte per character); sets `special` at one of `specials`. */
#define NEEDLE_FOLD_LOOP(TYPE)                                                                          \
    do {                                                                                                \
        const TYPE *chars = (const TYPE *)data;                                                         \
        for (Py_ssize_t i = 0; i < length; i++) {                                                       \
            Py_UCS4 c = chars[i];                                                                       \
            if (c < 0x80) {                                                                             \
                folded[i] = fold_ascii(c);                                                              \
            } else if (is_one_of(c, specials)) {                                                        \
                special = 1;                                                                            \
                break;                                                                                  \
            } else {                                                                                    \
                folded[i] = 0x80;                                                                       \
            }                                                                                           \
        }                                                                                               \
    } while (0)

PyDoc_STRVAR(needle_lines_doc,
             "needle_lines(text, needles, specials) -> list[tuple[int, int]] | None\n\n"
             "For each line of gate_text(text) that holds one of `needles` (ASCII bytes, two or more, at most 64), "
             "(its number, the mask of the needles it holds); None when `text` holds one of `specials` (the "
             "characters whose case folding is not a plain ASCII lowercase or non-ASCII). The spec is "
             "newsclean.patterns.selection.needle_lines_python.");

static PyObject *needle_lines(PyObject *self, PyObject *args) {
    (void)self;
    PyObject *text, *needles, *specials;
    if (!PyArg_ParseTuple(args, "UO!U", &text, &PyTuple_Type, &needles, &specials)) return NULL;
    Py_ssize_t count = PyTuple_GET_SIZE(needles);
    if (count > 64) {
        PyErr_SetString(PyExc_ValueError, "at most 64 needles");
        return NULL;
    }
    uint64_t first[256] = {0}, second[256] = {0};
    for (Py_ssize_t i = 0; i < count; i++) {
        PyObject *needle = PyTuple_GET_ITEM(needles, i);
        if (!PyBytes_Check(needle) || PyBytes_GET_SIZE(needle) < 2) {
            PyErr_SetString(PyExc_ValueError, "needles must be bytes of two or more characters");
            return NULL;
        }
        const unsigned char *p = (const unsigned char *)PyBytes_AS_STRING(needle);
        first[p[0]] |= (uint64_t)1 << i;
        second[p[1]] |= (uint64_t)1 << i;
    }
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t length = PyUnicode_GET_LENGTH(text);
    unsigned char *folded = PyMem_Malloc((size_t)length + 1);
    if (!folded) return PyErr_NoMemory();
    int special = 0;
    switch (PyUnicode_KIND(text)) {
    case PyUnicode_1BYTE_KIND:
        NEEDLE_FOLD_LOOP(Py_UCS1);
        break;
    case PyUnicode_2BYTE_KIND:
        NEEDLE_FOLD_LOOP(Py_UCS2);
        break;
    default:
        NEEDLE_FOLD_LOOP(Py_UCS4);
        break;
    }
    if (special) {
        PyMem_Free(folded);
        Py_RETURN_NONE;
    }
    PyObject *result = PyList_New(0);
    Py_ssize_t line = 0;
    uint64_t mask = 0;
    for (Py_ssize_t i = 0; result && i <= length; i++) {
        if (i == length || folded[i] == '\n') {
            if (mask) {
                PyObject *pair = Py_BuildValue("(nK)", line, (unsigned long long)mask);
                if (!pair || PyList_Append(result, pair) < 0) Py_CLEAR(result);
                Py_XDECREF(pair);
            }
            mask = 0;
            line++;
            continue;
        }
        if (i + 1 >= length) continue;
        uint64_t candidates = first[folded[i]] & second[folded[i + 1]] & ~mask;
        while (candidates) {
            int bit = __builtin_ctzll(candidates);
            candidates &= candidates - 1;
            PyObject *needle = PyTuple_GET_ITEM(needles, bit);
            Py_ssize_t m = PyBytes_GET_SIZE(needle);
            const unsigned char *p = (const unsigned char *)PyBytes_AS_STRING(needle);
            Py_ssize_t j = 2;
            while (j < m && i + j < length && folded[i + j] == p[j]) j++;
            if (j == m) mask |= (uint64_t)1 << bit;
        }
    }
    PyMem_Free(folded);
    return result;
}

PyDoc_STRVAR(text_profile_doc,
             "text_profile(text, chars, masks, needles) -> (char_mask, needle_mask)\n\n"
             "char_mask: the OR of masks[i] for every chars[i] (sorted, distinct) that occurs in `text`; "
             "needle_mask: bit i set when needles[i] (ASCII bytes of 2 or 3 characters, at most 32) occurs in "
             "`text`. The spec is newsclean.normalize.text_profile_python.");

static PyObject *text_profile(PyObject *self, PyObject *args) {
    (void)self;
    PyObject *text, *chars, *masks, *needles;
    if (!PyArg_ParseTuple(args, "UUSO!", &text, &chars, &masks, &PyTuple_Type, &needles)) return NULL;
    Py_ssize_t char_count = PyUnicode_GET_LENGTH(chars), needle_count = PyTuple_GET_SIZE(needles);
    if (PyBytes_GET_SIZE(masks) != char_count || needle_count > 32) {
        PyErr_SetString(PyExc_ValueError, "one mask per character, and at most 32 needles");
        return NULL;
    }
    int chars_kind = PyUnicode_KIND(chars);
    const void *chars_data = PyUnicode_DATA(chars);
    const unsigned char *mask_of = (const unsigned char *)PyBytes_AS_STRING(masks);
    unsigned char ascii_masks[128] = {0};
    Py_ssize_t first_other = 0;
    for (Py_UCS4 previous = 0; first_other < char_count; first_other++) {
        Py_UCS4 c = PyUnicode_READ(chars_kind, chars_data, first_other);
        if (first_other && c <= previous) {
            PyErr_SetString(PyExc_ValueError, "chars must be sorted and distinct");
            return NULL;
        }
        previous = c;
        if (c >= 0x80) break;
        ascii_masks[c] = mask_of[first_other];
    }
    uint32_t ending_in[128] = {0}; /* the needles whose last character is c */
    unsigned char needle_bytes[32][3];
    Py_ssize_t needle_length[32];
    for (Py_ssize_t i = 0; i < needle_count; i++) {
        PyObject *needle = PyTuple_GET_ITEM(needles, i);
        Py_ssize_t m = PyBytes_Check(needle) ? PyBytes_GET_SIZE(needle) : 0;
        const unsigned char *p = m ? (const unsigned char *)PyBytes_AS_STRING(needle) : NULL;
        int ascii = m >= 2 && m <= 3;
        for (Py_ssize_t j = 0; ascii && j < m; j++) ascii = p[j] < 0x80;
        if (!ascii) {
            PyErr_SetString(PyExc_ValueError, "needles must be ASCII bytes of 2 or 3 characters");
            return NULL;
        }
        memcpy(needle_bytes[i], p, (size_t)m);
        needle_length[i] = m;
        ending_in[p[m - 1]] |= (uint32_t)1 << i;
    }
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t length = PyUnicode_GET_LENGTH(text);
    unsigned int char_mask = 0;
    uint32_t needle_mask = 0;
    Py_UCS4 before1 = 0x80, before2 = 0x80; /* the two previous characters (0x80: none, or not ASCII) */
    for (Py_ssize_t i = 0; i < length; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (c < 0x80) {
            char_mask |= ascii_masks[c];
            uint32_t candidates = ending_in[c] & ~needle_mask;
            while (candidates) {
                int bit = __builtin_ctz(candidates);
                candidates &= candidates - 1;
                const unsigned char *p = needle_bytes[bit];
                if (p[needle_length[bit] - 2] == before1 && (needle_length[bit] == 2 || p[0] == before2))
                    needle_mask |= (uint32_t)1 << bit;
            }
        } else {
            Py_ssize_t low = first_other, high = char_count;
            while (low < high) {
                Py_ssize_t middle = (low + high) / 2;
                Py_UCS4 candidate = PyUnicode_READ(chars_kind, chars_data, middle);
                if (candidate == c) {
                    char_mask |= mask_of[middle];
                    break;
                }
                if (candidate < c)
                    low = middle + 1;
                else
                    high = middle;
            }
            c = 0x80;
        }
        before2 = before1;
        before1 = c;
    }
    return Py_BuildValue("(II)", char_mask, (unsigned int)needle_mask);
}

static PyMethodDef methods[] = {
    {"scan_triggers", scan_triggers, METH_VARARGS, scan_triggers_doc},
    {"ascii_words", ascii_words, METH_VARARGS, ascii_words_doc},
    {"needle_lines", needle_lines, METH_VARARGS, needle_lines_doc},
    {"text_profile", text_profile, METH_VARARGS, text_profile_doc},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef moduledef = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_wordscan",
    .m_doc = "The cleaner's word scans (specs: newsclean.patterns.selection, newsclean.repeats).",
    .m_size = 0,
    .m_methods = methods,
};

PyMODINIT_FUNC PyInit__wordscan(void) { return PyModule_Create(&moduledef); }
