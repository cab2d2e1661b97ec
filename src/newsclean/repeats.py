"""Repeated paragraphs inside one article: keep the first body copy, remove the later ones, say so.

Scrapers repeat content in several shapes: a block of paragraphs printed twice with an `Advertisement` line
between (Liputan6, the Indopost seed), nested elements giving a staircase of copies (Kontan), A B A B pairs
(Kapanlagi), a `Video: X` line repeated as `Video X` (Detik), an embedded post repeated under its own
attribution. They are matched on a key that ignores case, punctuation, spacing and a leading `Video` label.

Intentional repetition must survive: a song chorus, `"Iya pak," jawab Maryam.` in a court report, a list
item that recurs. So a repeated paragraph is only removed when it reads as prose (at least `min_chars` of
words and a sentence end, or twice that length), or when it continues a block whose previous paragraph was
just removed as a repeat. Short lines repeated on their own, and verse without sentence ends, stay.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import regex

from .extensions import WORDSCAN

WORD = re.compile(r"[^\W_]+")
VIDEO_LABEL = regex.compile(r"^\s*(?:video|foto|galeri)\b\s*:?\s*", regex.IGNORECASE)
VIDEO_LABEL_FIRST_LETTERS = "vVfFgG"
SENTENCE_END = regex.compile(r"[.!?…][\"'”’)]*(?:\s|$)")
#: Containment (a paragraph found inside an earlier, longer one) is only checked below this article size, so a
#: pathological 50 MB article stays linear.
CONTAINMENT_LIMIT_CHARS = 200_000
MIN_CONTAINED_KEY = 60


#: ASCII letters and digits stay, every other byte becomes a space: for ASCII text, splitting after this gives
#: the same words as `[^\W_]+`, far faster than the regex.
_ASCII_WORD_BYTES = bytes(byte if chr(byte).isalnum() else ord(" ") for byte in range(256))


#: Non-ASCII punctuation common in Indonesian news. It separates words like a space does, so replacing it by
#: one leaves the words unchanged and often makes the text ASCII (and the fast path applicable).
NON_ASCII_SEPARATORS = "“”‘’–—…•\u00a0"


def ascii_words_python(text: str, separators: str = NON_ASCII_SEPARATORS) -> str | None:
    """The runs of ASCII letters and digits of `text`, lowercased and joined by single spaces, when every
    non-ASCII character of `text` is one of `separators`; else None.

    The specification of `newsclean._wordscan.ascii_words`, which makes the same string in one pass.
    """
    if not text.isascii():
        for separator in separators:
            if separator in text:
                text = text.replace(separator, " ")
        if not text.isascii():
            return None
    return b" ".join(text.lower().encode("ascii").translate(_ASCII_WORD_BYTES).split()).decode("ascii")


ASCII_WORDS: Callable[[str, str], str | None] = (
    WORDSCAN.ascii_words if WORDSCAN is not None else ascii_words_python
)


def casefolded_words(text: str, word: re.Pattern[str] | regex.Pattern[str] = WORD) -> str:
    r"""The `[^\W_]+` words of the casefolded text, joined by single spaces (`word` is that pattern).

    For ASCII text (once the `NON_ASCII_SEPARATORS` are set aside) these are its runs of ASCII letters and
    digits, lowercased: `ASCII_WORDS` makes them without the regex.
    """
    words = ASCII_WORDS(text, NON_ASCII_SEPARATORS)
    if words is not None:
        return words
    return " ".join(word.findall(text.casefold()))


def repeat_key(text: str) -> str:
    """Casefolded words of a paragraph without a leading `Video:` label: the identity of a repeat.

    A paragraph that opens with a letter or digit other than the labels' first letters cannot hold the label
    (`\\s*` cannot take it, and only these letters match them case-insensitively), and skips the substitution.
    """
    first = text[:1]
    if first.isalnum() and first not in VIDEO_LABEL_FIRST_LETTERS:
        return casefolded_words(text)
    return casefolded_words(VIDEO_LABEL.sub("", text))


def reads_as_prose(text: str, key: str, min_chars: int) -> bool:
    return len(key) >= min_chars and (bool(SENTENCE_END.search(text)) or len(key) >= 2 * min_chars)


def inside_earlier_python(keys: list[str], min_length: int) -> list[bool]:
    """For each key, whether it is at least `min_length` long, is not the first, and occurs in the keys before
    it joined by line breaks (keys hold none, so such a key lies inside one earlier key).

    The specification of `newsclean._wordscan.inside_earlier`: the same answers, by a search that compares
    eight characters at once instead of one `str.find` per key over all the keys before it.
    """
    joined = "\n".join(keys)
    found = []
    start = 0
    for index, key in enumerate(keys):
        found.append(bool(index) and len(key) >= min_length and joined.find(key, 0, start - 1) >= 0)
        start += len(key) + 1
    return found


INSIDE_EARLIER: Callable[[list[str], int], list[bool]] = (
    WORDSCAN.inside_earlier if WORDSCAN is not None else inside_earlier_python
)


def checks_containment(keys: list[str]) -> bool:
    """Whether `find_repeats` looks for paragraphs contained in earlier ones among paragraphs with these keys."""
    return sum(len(k) for k in keys) <= CONTAINMENT_LIMIT_CHARS


def find_repeats(texts: list[str], min_chars: int = 40, keys: list[str] | None = None) -> list[int | None]:
    """For each paragraph, the index of the earlier paragraph it repeats, or None to keep it.

    `texts` are the live paragraphs in order; `keys` their `repeat_key`s when the caller has them already.
    Earlier copies are always kept, so the first body copy wins.
    """
    if keys is None:
        keys = [repeat_key(t) for t in texts]
    first_seen: dict[str, int] = {}
    verdicts: list[int | None] = [None] * len(texts)
    # A key found in the keys before it lies inside one of them: that test rules out containment before the
    # paragraph-by-paragraph scan.
    inside = INSIDE_EARLIER(keys, MIN_CONTAINED_KEY) if checks_containment(keys) else [False] * len(keys)
    if len(keys) != len(texts):
        raise ValueError("find_repeats needs one key per text")
    for index, text in enumerate(texts):
        key = keys[index]
        if not key:
            continue
        earlier = first_seen.get(key)
        if earlier is None and inside[index]:
            earlier = next(
                (j for j in range(index) if verdicts[j] is None and len(keys[j]) > len(key) and key in keys[j]),
                None,
            )
        if earlier is not None:
            continues_block = index > 0 and verdicts[index - 1] is not None
            if reads_as_prose(text, key, min_chars) or (continues_block and len(key) >= min_chars // 2):
                verdicts[index] = earlier
                continue
        first_seen.setdefault(key, index)
    return verdicts
