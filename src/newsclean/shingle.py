"""Word tokens and word n-grams: the Python specification of the C kernel in `_speedups.c`.

Tokenization, decided once and mirrored bit for bit in C:

* The text is casefolded first (`str.casefold`, so `STRASSE` and `straße` agree).
* A token is a maximal run of alphanumeric characters as `str.isalnum()` defines them (letters and digits of
  every script; the underscore and combining marks are separators). Digits are tokens like words: `Rp1.500`
  gives `rp1` and `500`, `(25/10)` gives `25` and `10`, so dates and figures still tell stories apart.
* Runs joined by a single ASCII hyphen stay one token: Indonesian reduplication (`diplomat-diplomat`,
  `kegiatan-kegiatan`) is a plural, a different word from its base, and splitting it would make every plural
  look like a repeated word. `COVID-19` is one token too. A hyphen not between two alphanumerics separates.
* A shingle is `ngram` consecutive tokens joined by one space. A text with fewer tokens than `ngram` has one
  shingle (all its tokens), so a short text is still comparable; a text with no tokens has none.
* `shingles()` keeps the first occurrence of each shingle, in order: a set with a deterministic order.
"""

from __future__ import annotations

import re

#: `[^\\W_]` in the standard library's `re` is exactly the characters for which `str.isalnum()` is true,
#: the same predicate the C kernel uses (`Py_UNICODE_ISALNUM`). Do not switch this to the `regex` module,
#: whose `\\w` also admits combining marks and would drift from the C path.
TOKEN_PATTERN = re.compile(r"[^\W_]+(?:-[^\W_]+)*")


def tokens(text: str) -> list[str]:
    """The casefolded word tokens of `text`, in order, repeats kept."""
    return TOKEN_PATTERN.findall(text.casefold())


def windows(words: list[str], ngram: int) -> list[list[str]]:
    """Every word n-gram of `words` as a list of tokens, in order, repeats kept (short-text rule applied)."""
    if ngram < 1:
        raise ValueError(f"ngram must be >= 1, got {ngram}")
    if not words:
        return []
    if len(words) <= ngram:
        return [words]
    return [words[i : i + ngram] for i in range(len(words) - ngram + 1)]


def shingles(text: str, ngram: int = 5) -> list[str]:
    """Unique word n-grams of `text` in first-occurrence order (see the module docstring for the rules)."""
    grams = (" ".join(window) for window in windows(tokens(text), ngram))
    return list(dict.fromkeys(grams))
