/*
 * newsclean._wordscan: the cleaner's text scans, each one pass over the text with no object made per word.
 *
 * TriggerScanner: which trigger words and substrings occur in an article.
 *
 * The specification is `newsclean.cleaner.selection.scan_triggers_python`: the `[a-z]+` words of
 * `text.lower()` that are in a vocabulary, and which of some ASCII substrings occur in `text.lower()`. Python
 * does that with a lowered copy, a byte translation, a split into one object per word and a set intersection;
 * here each letter is folded as it is read, each word is looked up in a small hash table built once per
 * vocabulary, and no object is made per word.
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
 * (newsclean.cleaner.inline). The needles are ASCII, so on a text without the few characters whose case folding
 * yields ASCII letters (`ß`, `ﬁ`, the Kelvin sign...: the caller passes them) the same fold as above finds
 * them without case folding the whole article.
 *
 * text_profile: which of the normalizer's character classes and whitespace shapes a text holds
 * (newsclean.normalize), so that it runs only the fixers with work to do.
 *
 * inside_earlier: which repeat keys occur inside the keys before them (newsclean.repeats), the test for a
 * paragraph contained in an earlier one; CPython's `str.find` for each key costs more than all the rest
 * of the repeat search does.
 *
 * LiteralScanner: which of some ASCII literals occur in a text (newsclean.boundaries, whose inline markers are
 * looked for only where one of their literals occurs): one pass for all of them, where `literal in text` is a
 * scan of the whole text per literal.
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

/* The lowercase ASCII letter an ASCII character folds to, or 0 when it is no letter (branch-free). */
static inline unsigned char ascii_letter(Py_UCS4 c) {
    unsigned char lower = (unsigned char)(c | 0x20);
    return (c < 0x80 && (unsigned char)(lower - 'a') < 26) ? lower : 0;
}

static Py_ssize_t lookup(const Slot *table, const unsigned char *word, Py_ssize_t length) {
    uint64_t hash = word_hash(word, length);
    for (size_t s = (size_t)hash & (TABLE_SLOTS - 1); table[s].index >= 0; s = (s + 1) & (TABLE_SLOTS - 1)) {
        if (table[s].hash == hash && table[s].length == length && memcmp(table[s].word, word, length) == 0)
            return table[s].index;
    }
    return -1;
}

PyDoc_STRVAR(trigger_scanner_doc,
             "TriggerScanner(words, substrings, unsafe='')(text) -> (word_indices, substring_mask, holds_unsafe)\n\n"
             "word_indices: ascending indices in the tuple `words` (lowercase ASCII bytes) of the [a-z]+ words "
             "of text.lower(); substring_mask: bit i set when substrings[i] (ASCII bytes, at most 64) occurs in "
             "text.lower(); each substring is two or more lowercase ASCII letters; holds_unsafe: whether text "
             "holds one of the characters of `unsafe` (at most 32, none ASCII). The vocabulary is hashed once, "
             "when the scanner is made. The spec is newsclean.cleaner.selection.scan_triggers_python.");

/* The vocabulary of one scan, built once: the words' hash table, and two small tables that spare most words
 * and letters any further test. */
typedef struct {
    PyObject_HEAD
    PyObject *words;      /* tuple of bytes: the table points into them */
    PyObject *substrings; /* tuple of bytes */
    Py_ssize_t word_count;
    Slot table[TABLE_SLOTS];
    /* Letters are indexed 1..26 here, 0 standing for no letter. For each first and second letter (0: none),
     * bit min(length, 63) set when a word of that length starts with them: nine words in ten skip the hash
     * table. */
    uint64_t lengths_by_start[27][27];
    /* For each pair of letters, the substrings (bit i for substrings[i]) that end with it (none for 0), and
     * for each letter the substrings whose third letter from the end it is (every two-letter substring for
     * any: common pairs such as "ya" end some substring, the third letter spares most of their checks). */
    uint64_t ending[27][27];
    uint64_t third_from_end[27];
    /* The characters the caller asks about (`unsafe`), and the smallest of them: most characters are below
     * it and skip the comparisons. */
    Py_UCS4 unsafe[32];
    int unsafe_count;
    Py_UCS4 unsafe_min;
} TriggerScanner;

static int build_table(TriggerScanner *scanner) {
    PyObject *words = scanner->words;
    Py_ssize_t count = PyTuple_GET_SIZE(words);
    if (count > TABLE_SLOTS / 2) {
        PyErr_SetString(PyExc_ValueError, "too many trigger words for the table");
        return -1;
    }
    for (Py_ssize_t s = 0; s < TABLE_SLOTS; s++) scanner->table[s].index = -1;
    for (Py_ssize_t i = 0; i < count; i++) {
        PyObject *word = PyTuple_GET_ITEM(words, i);
        if (!PyBytes_Check(word)) {
            PyErr_SetString(PyExc_TypeError, "trigger words must be bytes");
            return -1;
        }
        Py_ssize_t size = PyBytes_GET_SIZE(word);
        const unsigned char *bytes = (const unsigned char *)PyBytes_AS_STRING(word);
        /* A bytes object's buffer is followed by its NUL byte only: hash a padded copy. */
        unsigned char padded[16] = {0};
        memcpy(padded, bytes, (size_t)(size < 16 ? size : 16));
        Slot slot = {size <= 16 ? word_hash(padded, size) : word_hash(bytes, size), (const char *)bytes, size, i};
        size_t s = (size_t)slot.hash & (TABLE_SLOTS - 1);
        while (scanner->table[s].index >= 0) s = (s + 1) & (TABLE_SLOTS - 1);
        scanner->table[s] = slot;
        /* A word that is no run of lowercase letters can never be found, and needs no bit. */
        int letters = size > 0;
        for (Py_ssize_t j = 0; letters && j < size; j++) letters = bytes[j] >= 'a' && bytes[j] <= 'z';
        if (letters)
            scanner->lengths_by_start[bytes[0] - 'a' + 1][size > 1 ? bytes[1] - 'a' + 1 : 0] |=
                (uint64_t)1 << (size < 63 ? size : 63);
    }
    scanner->word_count = count;
    return 0;
}

/* Substrings must be two or more lowercase ASCII letters: then one can only occur inside a run of letters of
 * the folded text, and only where its last two letters stand. */
static int build_endings(TriggerScanner *scanner) {
    PyObject *substrings = scanner->substrings;
    if (PyTuple_GET_SIZE(substrings) > MAX_SUBSTRINGS) {
        PyErr_SetString(PyExc_ValueError, "at most 64 substrings");
        return -1;
    }
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
        scanner->ending[p[m - 2] - 'a' + 1][p[m - 1] - 'a' + 1] |= (uint64_t)1 << i;
        if (m > 2) {
            scanner->third_from_end[p[m - 3] - 'a' + 1] |= (uint64_t)1 << i;
        } else {
            for (int any = 0; any < 27; any++) scanner->third_from_end[any] |= (uint64_t)1 << i;
        }
    }
    return 0;
}

static PyObject *trigger_scanner_new(PyTypeObject *type, PyObject *args, PyObject *kwargs) {
    PyObject *words, *substrings, *unsafe = NULL;
    static char *keywords[] = {"words", "substrings", "unsafe", NULL};
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O!O!|U", keywords, &PyTuple_Type, &words, &PyTuple_Type,
                                     &substrings, &unsafe))
        return NULL;
    Py_ssize_t unsafe_count = unsafe ? PyUnicode_GET_LENGTH(unsafe) : 0;
    if (unsafe_count > 32 || (unsafe && PyUnicode_IS_ASCII(unsafe) && unsafe_count)) {
        PyErr_SetString(PyExc_ValueError, "unsafe: at most 32 characters, none of them ASCII");
        return NULL;
    }
    TriggerScanner *scanner = (TriggerScanner *)type->tp_alloc(type, 0); /* zero-filled */
    if (!scanner) return NULL;
    scanner->unsafe_min = 0x110000;
    for (Py_ssize_t i = 0; i < unsafe_count; i++) {
        Py_UCS4 c = PyUnicode_READ_CHAR(unsafe, i);
        if (c < 0x80) {
            Py_DECREF(scanner);
            PyErr_SetString(PyExc_ValueError, "unsafe: at most 32 characters, none of them ASCII");
            return NULL;
        }
        scanner->unsafe[scanner->unsafe_count++] = c;
        if (c < scanner->unsafe_min) scanner->unsafe_min = c;
    }
    scanner->words = Py_NewRef(words);
    scanner->substrings = Py_NewRef(substrings);
    if (build_table(scanner) < 0 || build_endings(scanner) < 0) {
        Py_DECREF(scanner);
        return NULL;
    }
    return (PyObject *)scanner;
}

static void trigger_scanner_dealloc(TriggerScanner *scanner) {
    Py_XDECREF(scanner->words);
    Py_XDECREF(scanner->substrings);
    Py_TYPE(scanner)->tp_free((PyObject *)scanner);
}

/* The substrings ending at the last letter of run[0..n), among `candidates`. */
static uint64_t substrings_ending(const TriggerScanner *scanner, const unsigned char *run, Py_ssize_t n,
                                  uint64_t candidates) {
    uint64_t found = 0;
    while (candidates) {
        int bit = __builtin_ctzll(candidates);
        candidates &= candidates - 1;
        PyObject *substring = PyTuple_GET_ITEM(scanner->substrings, bit);
        Py_ssize_t m = PyBytes_GET_SIZE(substring);
        if (m <= n && memcmp(run + n - m, PyBytes_AS_STRING(substring), (size_t)m) == 0)
            found |= (uint64_t)1 << bit;
    }
    return found;
}

/* The letter a character folds to (a lowercase ASCII letter), or 0 for no letter: only U+0130 and the Kelvin
 * sign, the two non-ASCII characters whose lowercase holds an ASCII letter, fold to letters; U+0130
 * lowercases to "i" and the non-letter U+0307, so it ends the word it is in. */
static inline unsigned char folded_letter(Py_UCS4 c) {
    unsigned char letter = ascii_letter(c);
    if (c >= 0x80) letter = c == 0x212A ? 'k' : c == 0x130 ? 'i' : 0;
    return letter;
}

/* Whether `c` is one of the scanner's `unsafe` characters. */
static inline int is_unsafe(const TriggerScanner *scanner, Py_UCS4 c) {
    if (c < scanner->unsafe_min) return 0;
    for (int i = 0; i < scanner->unsafe_count; i++)
        if (scanner->unsafe[i] == c) return 1;
    return 0;
}

/* One pass over the text, a word at a time: the inner loop appends a word's letters to `run` and checks the
 * letter pairs that end a substring (a substring is all letters, so it lies inside one word); at the word's
 * end one table test (its first two letters and length) spares nine words in ten the hash lookup. */
#define TRIGGER_LOOP(TYPE)                                                                              \
    do {                                                                                                \
        const TYPE *chars = (const TYPE *)data;                                                         \
        Py_ssize_t i = 0;                                                                               \
        while (i < length) {                                                                            \
            Py_UCS4 c = chars[i];                                                                       \
            unsafe |= is_unsafe(scanner, c);                                                            \
            unsigned char letter = folded_letter(c);                                                    \
            if (!letter) {                                                                              \
                i++;                                                                                    \
                continue;                                                                               \
            }                                                                                           \
            Py_ssize_t n = 0;                                                                           \
            unsigned int previous = 0, before_previous = 0;                                             \
            for (;;) {                                                                                  \
                unsigned int index = (unsigned int)(letter - 'a' + 1);                                  \
                run[n++] = letter;                                                                      \
                uint64_t candidates =                                                                   \
                    scanner->ending[previous][index] & scanner->third_from_end[before_previous] & ~found; \
                if (candidates) found |= substrings_ending(scanner, run, n, candidates);                \
                before_previous = previous;                                                             \
                previous = index;                                                                       \
                if (++i >= length || c == 0x130) break;                                                 \
                c = chars[i];                                                                           \
                unsafe |= is_unsafe(scanner, c);                                                        \
                letter = folded_letter(c);                                                              \
                if (!letter) break;                                                                     \
            }                                                                                           \
            unsigned int first = (unsigned int)(run[0] - 'a' + 1);                                      \
            unsigned int second = n > 1 ? (unsigned int)(run[1] - 'a' + 1) : 0;                        \
            if ((scanner->lengths_by_start[first][second] >> (n < 63 ? n : 63)) & 1) {                  \
                Py_ssize_t word = lookup(scanner->table, run, n);                                       \
                if (word >= 0) seen[word] = 1;                                                          \
            }                                                                                           \
        }                                                                                               \
    } while (0)

static PyObject *trigger_scanner_call(TriggerScanner *scanner, PyObject *args, PyObject *kwargs) {
    PyObject *text;
    static char *keywords[] = {"text", NULL};
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "U", keywords, &text)) return NULL;
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t length = PyUnicode_GET_LENGTH(text);
    /* The run holds the current word, at most one letter per character; word_hash reads 16 bytes from its
     * start, which are set before any word is read. */
    unsigned char stack_run[512];
    unsigned char *run = length + 17 <= (Py_ssize_t)sizeof(stack_run) ? stack_run : PyMem_Malloc((size_t)length + 17);
    if (!run) return PyErr_NoMemory();
    memset(run, 0, 16);
    unsigned char seen[TABLE_SLOTS / 2] = {0};
    uint64_t found = 0;
    int unsafe = 0;
    switch (PyUnicode_KIND(text)) {
    case PyUnicode_1BYTE_KIND:
        TRIGGER_LOOP(Py_UCS1);
        break;
    case PyUnicode_2BYTE_KIND:
        TRIGGER_LOOP(Py_UCS2);
        break;
    default:
        TRIGGER_LOOP(Py_UCS4);
        break;
    }
    uint64_t mask = found;
    if (run != stack_run) PyMem_Free(run);
    PyObject *indices = PyList_New(0);
    for (Py_ssize_t i = 0; indices && i < scanner->word_count; i++) {
        if (!seen[i]) continue;
        PyObject *number = PyLong_FromSsize_t(i);
        if (!number || PyList_Append(indices, number) < 0) Py_CLEAR(indices);
        Py_XDECREF(number);
    }
    if (!indices) return NULL;
    return Py_BuildValue("(NKO)", indices, (unsigned long long)mask, unsafe ? Py_True : Py_False);
}

static PyTypeObject TriggerScannerType = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "newsclean._wordscan.TriggerScanner",
    .tp_basicsize = sizeof(TriggerScanner),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = trigger_scanner_doc,
    .tp_new = trigger_scanner_new,
    .tp_dealloc = (destructor)trigger_scanner_dealloc,
    .tp_call = (ternaryfunc)trigger_scanner_call,
};

PyDoc_STRVAR(ascii_words_doc,
             "ascii_words(text, separators) -> str | None\n\n"
             "The runs of ASCII letters and digits of `text`, lowercased and joined by single spaces, when every "
             "non-ASCII character of `text` is one of `separators`; else None. The spec is "
             "newsclean.repeats.ascii_words_python.");

/* The lowercase ASCII letter or digit an ASCII character folds to, or 0 (branch-free). */
static inline unsigned char ascii_word_char(Py_UCS4 c) {
    return ascii_letter(c) | (((Py_UCS4)(c - '0') < 10) ? (unsigned char)c : 0);
}

/* Appends the words of chars[0..length) to out[n...], joined by single spaces; sets ok = 0 at a non-ASCII
 * character that is not a separator. An ASCII character is handled without a branch (word boundaries are
 * where a branch would be mispredicted): a space is written at out[n] and kept only when a word starts after
 * another, then the character is written after it and kept only when it belongs to a word. `n` advances by
 * a sum that does not depend on it, so one character need not wait for the last. */
#define WORDS_LOOP(TYPE)                                                                                \
    do {                                                                                                \
        const TYPE *chars = (const TYPE *)data;                                                         \
        for (Py_ssize_t i = 0; i < length; i++) {                                                       \
            Py_UCS4 c = chars[i];                                                                       \
            if (c < 0x80) {                                                                             \
                unsigned char w = ascii_word_char(c);                                                   \
                int is_word = w != 0;                                                                   \
                int space = is_word & !in_word & started;                                               \
                out[n] = ' ';                                                                           \
                out[n + space] = (char)w;                                                               \
                n += space + is_word;                                                                   \
                started |= is_word;                                                                     \
                in_word = is_word;                                                                      \
            } else if (is_one_of(c, separators)) {                                                      \
                in_word = 0;                                                                            \
            } else {                                                                                    \
                ok = 0;                                                                                 \
                break;                                                                                  \
            }                                                                                           \
        }                                                                                               \
    } while (0)

static int is_one_of(Py_UCS4 c, PyObject *separators) {
    int kind = PyUnicode_KIND(separators);
    const void *data = PyUnicode_DATA(separators);
    for (Py_ssize_t j = 0; j < PyUnicode_GET_LENGTH(separators); j++)
        if (PyUnicode_READ(kind, data, j) == c) return 1;
    return 0;
}

static PyObject *ascii_words(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    (void)self;
    if (nargs != 2 || !PyUnicode_Check(args[0]) || !PyUnicode_Check(args[1])) {
        PyErr_SetString(PyExc_TypeError, "ascii_words(text: str, separators: str)");
        return NULL;
    }
    PyObject *text = args[0], *separators = args[1];
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t length = PyUnicode_GET_LENGTH(text), n = 0;
    /* n <= i + 1, and two bytes are written past n; most paragraphs fit the stack buffer. */
    char stack_out[1024];
    char *out = length + 2 <= (Py_ssize_t)sizeof(stack_out) ? stack_out : PyMem_Malloc((size_t)length + 2);
    if (!out) return PyErr_NoMemory();
    int in_word = 0, started = 0, ok = 1; /* started: a word has been written */
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
    if (out != stack_out) PyMem_Free(out);
    return result;
}

/* One pass over chars[0..length): each character is folded into folded[i] (ASCII lowercase, else 0x80), and a
 * folded character that ends a needle checks the characters before it; a line break closes the line's mask.
 * Stops with `special` set at one of `specials`, whose case folding is not a plain ASCII lowercase. */
#define NEEDLE_LOOP(TYPE)                                                                               \
    do {                                                                                                \
        const TYPE *chars = (const TYPE *)data;                                                         \
        for (Py_ssize_t i = 0; i < length; i++) {                                                       \
            Py_UCS4 c = chars[i];                                                                       \
            unsigned char f = 0x80;                                                                     \
            if (c < 0x80) {                                                                             \
                f = fold_ascii(c);                                                                      \
            } else {                                                                                    \
                if ((special_bloom >> (c & 63)) & 1)                                                    \
                    for (Py_ssize_t k = 0; k < special_count; k++) special |= special_chars[k] == c;    \
                if (special) break;                                                                     \
            }                                                                                           \
            folded[i] = f;                                                                              \
            if (f == '\n') {                                                                            \
                if (mask && add_line(result, line, mask) < 0) {                                         \
                    failed = 1;                                                                         \
                    break;                                                                              \
                }                                                                                       \
                mask = 0;                                                                               \
                line++;                                                                                 \
            } else if (i) {                                                                             \
                uint64_t candidates = penult[folded[i - 1]] & last[f] & ~mask;                          \
                if (i > 1) candidates &= third[folded[i - 2]];                                          \
                while (candidates) {                                                                    \
                    int bit = __builtin_ctzll(candidates);                                              \
                    candidates &= candidates - 1;                                                       \
                    Py_ssize_t m = PyBytes_GET_SIZE(PyTuple_GET_ITEM(needles, bit));                    \
                    if (m <= i + 1 && memcmp(folded + i + 1 - m, PyBytes_AS_STRING(PyTuple_GET_ITEM(needles, bit)), (size_t)m) == 0) \
                        mask |= (uint64_t)1 << bit;                                                     \
                }                                                                                       \
            }                                                                                           \
        }                                                                                               \
    } while (0)

static int add_line(PyObject *result, Py_ssize_t line, uint64_t mask) {
    PyObject *pair = Py_BuildValue("(nK)", line, (unsigned long long)mask);
    int status = pair ? PyList_Append(result, pair) : -1;
    Py_XDECREF(pair);
    return status;
}

PyDoc_STRVAR(needle_lines_doc,
             "needle_lines(text, needles, specials) -> list[tuple[int, int]] | None\n\n"
             "For each line of gate_text(text) that holds one of `needles` (ASCII bytes, two or more, at most 64), "
             "(its number, the mask of the needles it holds); None when `text` holds one of `specials` (the "
             "characters whose case folding is not a plain ASCII lowercase or non-ASCII). The spec is "
             "newsclean.cleaner.selection.needle_lines_python.");

static PyObject *needle_lines(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    (void)self;
    if (nargs != 3 || !PyUnicode_Check(args[0]) || !PyTuple_Check(args[1]) || !PyUnicode_Check(args[2])) {
        PyErr_SetString(PyExc_TypeError, "needle_lines(text: str, needles: tuple[bytes, ...], specials: str)");
        return NULL;
    }
    PyObject *text = args[0], *needles = args[1], *specials = args[2];
    Py_ssize_t count = PyTuple_GET_SIZE(needles);
    if (count > 64) {
        PyErr_SetString(PyExc_ValueError, "at most 64 needles");
        return NULL;
    }
    /* For each folded byte (ASCII, or 0x80 for the rest), the needles whose next-to-last (last) byte it is,
     * and those whose third byte from the end it is or that have none (most letter pairs end some needle: the
     * third byte spares most checks). */
    uint64_t penult[129] = {0}, last[129] = {0}, third[129] = {0};
    for (Py_ssize_t i = 0; i < count; i++) {
        PyObject *needle = PyTuple_GET_ITEM(needles, i);
        int ascii = PyBytes_Check(needle) && PyBytes_GET_SIZE(needle) >= 2;
        for (Py_ssize_t j = 0; ascii && j < PyBytes_GET_SIZE(needle); j++)
            ascii = (unsigned char)PyBytes_AS_STRING(needle)[j] < 0x80;
        if (!ascii) {
            PyErr_SetString(PyExc_ValueError, "needles must be ASCII bytes of two or more characters");
            return NULL;
        }
        const unsigned char *p = (const unsigned char *)PyBytes_AS_STRING(needle);
        Py_ssize_t m = PyBytes_GET_SIZE(needle);
        penult[p[m - 2]] |= (uint64_t)1 << i;
        last[p[m - 1]] |= (uint64_t)1 << i;
        if (m >= 3) {
            third[p[m - 3]] |= (uint64_t)1 << i;
        } else {
            for (int b = 0; b < 129; b++) third[b] |= (uint64_t)1 << i;
        }
    }
    Py_UCS4 special_chars[32];
    Py_ssize_t special_count = PyUnicode_GET_LENGTH(specials);
    if (special_count > 32) {
        PyErr_SetString(PyExc_ValueError, "at most 32 specials");
        return NULL;
    }
    uint64_t special_bloom = 0; /* bit (c & 63) of every special: most other characters skip the comparisons */
    for (Py_ssize_t k = 0; k < special_count; k++) {
        special_chars[k] = PyUnicode_READ_CHAR(specials, k);
        special_bloom |= (uint64_t)1 << (special_chars[k] & 63);
    }
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t length = PyUnicode_GET_LENGTH(text);
    unsigned char *folded = PyMem_Malloc((size_t)length + 1);
    PyObject *result = PyList_New(0);
    if (!folded || !result) {
        PyMem_Free(folded);
        Py_XDECREF(result);
        return PyErr_NoMemory();
    }
    int special = 0, failed = 0;
    Py_ssize_t line = 0;
    uint64_t mask = 0;
    switch (PyUnicode_KIND(text)) {
    case PyUnicode_1BYTE_KIND:
        NEEDLE_LOOP(Py_UCS1);
        break;
    case PyUnicode_2BYTE_KIND:
        NEEDLE_LOOP(Py_UCS2);
        break;
    default:
        NEEDLE_LOOP(Py_UCS4);
        break;
    }
    PyMem_Free(folded);
    if (!failed && !special && mask && add_line(result, line, mask) < 0) failed = 1;
    if (failed || special) {
        Py_DECREF(result);
        if (failed) return NULL;
        Py_RETURN_NONE;
    }
    return result;
}

/* One pass: a character below U+0100 finds its mask in a table, a later one by binary search in `chars`.
 * Needles are found without a branch: each ASCII character of a needle has a class (1..7, 0 for every other
 * character), and `found_by[two before][one before][this]` holds the needles that end here. */
#define PROFILE_LOOP(TYPE)                                                                              \
    do {                                                                                                \
        const TYPE *text_chars = (const TYPE *)data;                                                    \
        for (Py_ssize_t i = 0; i < length; i++) {                                                       \
            Py_UCS4 c = text_chars[i];                                                                  \
            if (c < 0x100) {                                                                            \
                char_mask |= low_masks[c];                                                              \
            } else {                                                                                    \
                Py_ssize_t low = first_other, high = char_count;                                        \
                while (low < high) {                                                                    \
                    Py_ssize_t middle = (low + high) / 2;                                               \
                    Py_UCS4 candidate = PyUnicode_READ(chars_kind, chars_data, middle);                 \
                    if (candidate == c) {                                                               \
                        char_mask |= mask_of[middle];                                                   \
                        break;                                                                          \
                    }                                                                                   \
                    if (candidate < c)                                                                  \
                        low = middle + 1;                                                               \
                    else                                                                                \
                        high = middle;                                                                  \
                }                                                                                       \
            }                                                                                           \
            unsigned int class_now = c < 0x80 ? class_of[c] : 0;                                        \
            needle_mask |= found_by[class_before2][class_before1][class_now];                          \
            class_before2 = class_before1;                                                              \
            class_before1 = class_now;                                                                  \
        }                                                                                               \
    } while (0)

PyDoc_STRVAR(text_profile_doc,
             "text_profile(text, chars, masks, needles) -> (char_mask, needle_mask)\n\n"
             "char_mask: the OR of masks[i] for every chars[i] (sorted, distinct) that occurs in `text`; "
             "needle_mask: bit i set when needles[i] (ASCII bytes of 2 or 3 characters, at most 32) occurs in "
             "`text`. The spec is newsclean.normalization.text_profile_python.");

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
    unsigned char low_masks[256] = {0}; /* the mask of each character below U+0100 */
    Py_ssize_t first_other = 0;         /* the index in `chars` of the first one at or above U+0100 */
    for (Py_UCS4 previous = 0; first_other < char_count; first_other++) {
        Py_UCS4 c = PyUnicode_READ(chars_kind, chars_data, first_other);
        if (first_other && c <= previous) {
            PyErr_SetString(PyExc_ValueError, "chars must be sorted and distinct");
            return NULL;
        }
        previous = c;
        if (c >= 0x100) break;
        low_masks[c] = mask_of[first_other];
    }
    unsigned char class_of[128] = {0}; /* each ASCII character of a needle: 1..7; others 0 */
    unsigned int classes = 1;
    uint32_t found_by[8][8][8] = {{{0}}};
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
        unsigned int k[3] = {0, 0, 0};
        for (Py_ssize_t j = 0; j < m; j++) {
            if (!class_of[p[j]]) {
                if (classes == 8) {
                    PyErr_SetString(PyExc_ValueError, "needles may hold at most 7 distinct characters");
                    return NULL;
                }
                class_of[p[j]] = (unsigned char)classes++;
            }
            k[j] = class_of[p[j]];
        }
        uint32_t bit = (uint32_t)1 << i;
        if (m == 3) {
            found_by[k[0]][k[1]][k[2]] |= bit;
        } else {
            for (unsigned int any = 0; any < 8; any++) found_by[any][k[0]][k[1]] |= bit;
        }
    }
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t length = PyUnicode_GET_LENGTH(text);
    unsigned int char_mask = 0;
    uint32_t needle_mask = 0;
    unsigned int class_before1 = 0, class_before2 = 0; /* the classes of the two previous characters */
    switch (PyUnicode_KIND(text)) {
    case PyUnicode_1BYTE_KIND:
        PROFILE_LOOP(Py_UCS1);
        break;
    case PyUnicode_2BYTE_KIND:
        PROFILE_LOOP(Py_UCS2);
        break;
    default:
        PROFILE_LOOP(Py_UCS4);
        break;
    }
    return Py_BuildValue("(II)", char_mask, (unsigned int)needle_mask);
}

PyDoc_STRVAR(inside_earlier_doc,
             "inside_earlier(keys, min_length) -> list[bool]\n\n"
             "For each of `keys` (a list of str), whether it is at least `min_length` long, is not the first, and "
             "occurs in the keys before it joined by line breaks. The spec is "
             "newsclean.repeats.inside_earlier_python.");

/* Whether needle[0..m) occurs in haystack[0..n): the first (up to) eight bytes are compared as one word at
 * each position, and only a position where they agree is compared in full. */
static int occurs_in(const unsigned char *haystack, Py_ssize_t n, const unsigned char *needle, Py_ssize_t m) {
    if (m == 0) return n >= 0;
    if (m > n) return 0;
    if (m < 8) {
        for (Py_ssize_t p = 0; p + m <= n; p++)
            if (haystack[p] == needle[0] && memcmp(haystack + p, needle, (size_t)m) == 0) return 1;
        return 0;
    }
    uint64_t head;
    memcpy(&head, needle, 8);
    for (Py_ssize_t p = 0; p + m <= n; p++) {
        uint64_t window;
        memcpy(&window, haystack + p, 8);
        if (window == head && memcmp(haystack + p + 8, needle + 8, (size_t)(m - 8)) == 0) return 1;
    }
    return 0;
}

static PyObject *inside_earlier(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    (void)self;
    if (nargs != 2 || !PyList_Check(args[0])) {
        PyErr_SetString(PyExc_TypeError, "inside_earlier(keys: list[str], min_length: int)");
        return NULL;
    }
    Py_ssize_t min_length = PyLong_AsSsize_t(args[1]);
    if (min_length == -1 && PyErr_Occurred()) return NULL;
    PyObject *keys = args[0];
    Py_ssize_t count = PyList_GET_SIZE(keys), total = 0;
    int ascii = 1;
    for (Py_ssize_t i = 0; i < count; i++) {
        PyObject *key = PyList_GET_ITEM(keys, i);
        if (!PyUnicode_Check(key)) {
            PyErr_SetString(PyExc_TypeError, "keys must be str");
            return NULL;
        }
        ascii &= PyUnicode_IS_ASCII(key) != 0;
        total += PyUnicode_GET_LENGTH(key) + 1;
    }
    PyObject *result = PyList_New(count);
    if (!result) return NULL;
    /* Non-ASCII keys (rare: letters outside ASCII) are searched by CPython, on the joined keys. */
    PyObject *joined = NULL;
    unsigned char *buffer = NULL;
    if (ascii) {
        buffer = PyMem_Malloc((size_t)total + 1);
        if (!buffer) {
            Py_DECREF(result);
            return PyErr_NoMemory();
        }
    } else {
        PyObject *separator = PyUnicode_FromOrdinal('\n');
        joined = separator ? PyUnicode_Join(separator, keys) : NULL;
        Py_XDECREF(separator);
        if (!joined) {
            Py_DECREF(result);
            return NULL;
        }
    }
    Py_ssize_t start = 0; /* where key i starts in the joined keys */
    for (Py_ssize_t i = 0; i < count; i++) {
        PyObject *key = PyList_GET_ITEM(keys, i);
        Py_ssize_t m = PyUnicode_GET_LENGTH(key);
        if (buffer) {
            memcpy(buffer + start, PyUnicode_DATA(key), (size_t)m);
            buffer[start + m] = '\n';
        }
        int inside = 0;
        if (i > 0 && m >= min_length) {
            Py_ssize_t earlier_end = start - 1;
            if (buffer) {
                inside = occurs_in(buffer, earlier_end, buffer + start, m);
            } else {
                Py_ssize_t found = PyUnicode_Find(joined, key, 0, earlier_end, 1);
                if (found == -2) {
                    Py_DECREF(result);
                    Py_DECREF(joined);
                    return NULL;
                }
                inside = found >= 0;
            }
        }
        PyList_SET_ITEM(result, i, Py_NewRef(inside ? Py_True : Py_False));
        start += m + 1;
    }
    PyMem_Free(buffer);
    Py_XDECREF(joined);
    return result;
}

PyDoc_STRVAR(literal_scanner_doc,
             "LiteralScanner(literals)(text) -> int\n\n"
             "Bit i set when literals[i] (ASCII bytes without NUL, at most 64 of them, tables built when the "
             "scanner is made) occurs in `text`, case-sensitively. The spec is "
             "newsclean.boundaries.literals_in_python.");

/* The literals of one scan, and tables built once. A literal of one character is found by that character
 * (`single`), a longer one by its first two: `pairs` has bit (first << 7 | second) set for the openings of
 * the longer literals, so most positions cost one bit test, and a position whose pair opens one is compared
 * in full with the literals that open with its first character (`opening`) and have its second (`second`). */
typedef struct {
    PyObject_HEAD
    PyObject *literals; /* tuple of bytes */
    uint64_t all;
    uint64_t single[128];
    uint64_t opening[128];
    uint64_t second[128];
    unsigned char pairs[128 * 128 / 8];
} LiteralScanner;

static PyObject *literal_scanner_new(PyTypeObject *type, PyObject *args, PyObject *kwargs) {
    PyObject *literals;
    static char *keywords[] = {"literals", NULL};
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O!", keywords, &PyTuple_Type, &literals)) return NULL;
    Py_ssize_t count = PyTuple_GET_SIZE(literals);
    if (count > 64) {
        PyErr_SetString(PyExc_ValueError, "at most 64 literals");
        return NULL;
    }
    for (Py_ssize_t i = 0; i < count; i++) {
        PyObject *literal = PyTuple_GET_ITEM(literals, i);
        Py_ssize_t m = PyBytes_Check(literal) ? PyBytes_GET_SIZE(literal) : 0;
        const unsigned char *p = m ? (const unsigned char *)PyBytes_AS_STRING(literal) : NULL;
        int ascii = m >= 1;
        for (Py_ssize_t j = 0; ascii && j < m; j++) ascii = p[j] && p[j] < 0x80;
        if (!ascii) {
            PyErr_SetString(PyExc_ValueError, "literals must be non-empty ASCII bytes without NUL");
            return NULL;
        }
    }
    LiteralScanner *scanner = (LiteralScanner *)type->tp_alloc(type, 0); /* zero-filled */
    if (!scanner) return NULL;
    scanner->literals = Py_NewRef(literals);
    for (Py_ssize_t i = 0; i < count; i++) {
        PyObject *literal = PyTuple_GET_ITEM(literals, i);
        const unsigned char *p = (const unsigned char *)PyBytes_AS_STRING(literal);
        uint64_t bit = (uint64_t)1 << i;
        scanner->all |= bit;
        if (PyBytes_GET_SIZE(literal) == 1) {
            scanner->single[p[0]] |= bit;
            continue;
        }
        scanner->opening[p[0]] |= bit;
        scanner->second[p[1]] |= bit;
        unsigned int pair = (unsigned int)p[0] << 7 | p[1];
        scanner->pairs[pair >> 3] |= (unsigned char)(1u << (pair & 7));
    }
    return (PyObject *)scanner;
}

static void literal_scanner_dealloc(LiteralScanner *scanner) {
    Py_XDECREF(scanner->literals);
    Py_TYPE(scanner)->tp_free((PyObject *)scanner);
}

/* At each character, with the one before it: a one-character literal it is, and the longer literals that
 * open with the two (compared in full from the one before); the scan stops once every literal is found. */
#define LITERAL_LOOP(TYPE)                                                                              \
    do {                                                                                                \
        const TYPE *chars = (const TYPE *)data;                                                         \
        Py_UCS4 previous = 0x80; /* none */                                                             \
        for (Py_ssize_t i = 0; i < length; i++) {                                                       \
            Py_UCS4 c = chars[i];                                                                       \
            if ((c | previous) < 0x80) {                                                                \
                unsigned int pair = previous << 7 | c;                                                  \
                if (scanner->pairs[pair >> 3] & (1u << (pair & 7))) {                                   \
                    uint64_t candidates = scanner->opening[previous] & scanner->second[c] & ~found;     \
                    while (candidates) {                                                                \
                        int bit = __builtin_ctzll(candidates);                                          \
                        candidates &= candidates - 1;                                                   \
                        PyObject *literal = PyTuple_GET_ITEM(scanner->literals, bit);                   \
                        Py_ssize_t m = PyBytes_GET_SIZE(literal);                                       \
                        const unsigned char *p = (const unsigned char *)PyBytes_AS_STRING(literal);     \
                        if (m > length - (i - 1)) continue;                                             \
                        Py_ssize_t j = 2;                                                               \
                        while (j < m && chars[i - 1 + j] == p[j]) j++;                                  \
                        if (j >= m) found |= (uint64_t)1 << bit;                                        \
                    }                                                                                   \
                }                                                                                       \
            }                                                                                           \
            if (c < 0x80) found |= scanner->single[c];                                                  \
            if (found == scanner->all) break;                                                           \
            previous = c;                                                                               \
        }                                                                                               \
    } while (0)

static PyObject *literal_scanner_call(LiteralScanner *scanner, PyObject *args, PyObject *kwargs) {
    PyObject *text;
    static char *keywords[] = {"text", NULL};
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "U", keywords, &text)) return NULL;
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t length = PyUnicode_GET_LENGTH(text);
    uint64_t found = 0;
    switch (PyUnicode_KIND(text)) {
    case PyUnicode_1BYTE_KIND:
        LITERAL_LOOP(Py_UCS1);
        break;
    case PyUnicode_2BYTE_KIND:
        LITERAL_LOOP(Py_UCS2);
        break;
    default:
        LITERAL_LOOP(Py_UCS4);
        break;
    }
    return PyLong_FromUnsignedLongLong(found);
}

static PyTypeObject LiteralScannerType = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "newsclean._wordscan.LiteralScanner",
    .tp_basicsize = sizeof(LiteralScanner),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = literal_scanner_doc,
    .tp_new = literal_scanner_new,
    .tp_dealloc = (destructor)literal_scanner_dealloc,
    .tp_call = (ternaryfunc)literal_scanner_call,
};

static PyMethodDef methods[] = {
    {"ascii_words", (PyCFunction)(void (*)(void))ascii_words, METH_FASTCALL, ascii_words_doc},
    {"needle_lines", (PyCFunction)(void (*)(void))needle_lines, METH_FASTCALL, needle_lines_doc},
    {"text_profile", text_profile, METH_VARARGS, text_profile_doc},
    {"inside_earlier", (PyCFunction)(void (*)(void))inside_earlier, METH_FASTCALL, inside_earlier_doc},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef moduledef = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_wordscan",
    .m_doc = "The cleaner's word scans (specs: newsclean.cleaner.selection, newsclean.repeats).",
    .m_size = 0,
    .m_methods = methods,
};

PyMODINIT_FUNC PyInit__wordscan(void) {
    if (PyType_Ready(&TriggerScannerType) < 0 || PyType_Ready(&LiteralScannerType) < 0) return NULL;
    PyObject *module = PyModule_Create(&moduledef);
    if (module && (PyModule_AddObjectRef(module, "TriggerScanner", (PyObject *)&TriggerScannerType) < 0 ||
                   PyModule_AddObjectRef(module, "LiteralScanner", (PyObject *)&LiteralScannerType) < 0))
        Py_CLEAR(module);
    return module;
}
