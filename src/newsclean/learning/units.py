"""The units a profile is learned on and matched against: segments of a paragraph, and their two keys.

Learning and cleaning must see the same units, so both call `segments` and `unit_keys` and nothing else.

A paragraph is split into segments after a sentence end, around a spaced pipe, and around a spaced dash: the
places where scrapers glue a footer, a byline or a dateline to prose when the line breaks are lost (`...di
Jakarta. Simak breaking news ...`, `Penulis: Ani | Editor: Budi`, `SURYAPOS, LAMONGAN - Polisi ...`). A
segment's cut runs to the start of the next segment, so removing a dateline piece also removes its dash.

Each segment has two keys:

* the *exact* key: its words, casefolded, every digit as `0` (page numbers and dates vary, the line does
  not), punctuation dropped (`Baca juga:` and `Baca Juga` are one line);
* the *template* key: its words and punctuation with every run of capitalised words or numbers turned into one
  slot `<>` (`Penulis: Ahmad Fauzi | Editor: Budi` and `Penulis: Ani | Editor: Rudi Hartono` share
  `<> : <> | <> : <>`), and its slot values.
"""

from __future__ import annotations

import re
from typing import Final

import regex

#: A segment boundary: whitespace after a sentence end, a spaced pipe, or a spaced dash (hyphen, en or em). The
#: specification of `boundaries`, which finds the same spans faster.
SEGMENT_BOUNDARY: Final = regex.compile(r"(?<=[.!?…])\s+(?=\S)|\s+\|\s+|\s+[-–—]\s+")
#: The marks that end a sentence: the lookbehind of the first branch of `SEGMENT_BOUNDARY`.
SENTENCE_ENDS: Final = (".", "!", "?", "…")
#: The marks of the spaced separators, the other two branches.
SEPARATOR_MARKS: Final = ("|", "-", "–", "—")
#: The whitespace of `regex`'s `\s` (Unicode White_Space; not the separators \x1c-\x1f, which `str.isspace` takes).
WHITE_SPACE_CHARS: Final = frozenset("\t\n\v\f\r \x85\xa0\u1680\u2028\u2029\u202f\u205f\u3000") | frozenset(
    chr(code) for code in range(0x2000, 0x200B)
)
SLOT: Final = "<>"
#: Segments longer than this are never boilerplate candidates: a footer or a promo is a few lines at most, and
#: keying every long prose paragraph would cost memory for nothing.
MAX_SEGMENT_CHARS: Final = 300
#: Longer segments are not keyed as templates: a labelled line is short; a sentence with names is not one.
MAX_TEMPLATE_CHARS: Final = 120


def segments(text: str) -> list[tuple[int, int, int]]:
    """The segments of a paragraph as (start, end, cut_end): `text[start:end]` is the segment without outer
    spaces, `text[start:cut_end]` is it with the separator after it (to the next segment's start)."""
    found: list[tuple[int, int, int]] = []
    position = 0
    for start, end in boundaries(text):
        found.append((position, start, end))
        position = end
    found.append((position, len(text.rstrip()), len(text)))
    return [(start, end, cut_end) for start, end, cut_end in found if end > start]


def boundaries(text: str) -> list[tuple[int, int]]:
    """The spans of `SEGMENT_BOUNDARY` in `text`, in order, found from its marks.

    Why not the search itself: it tries its branches at every whitespace of the paragraph, every word, where
    `str.find` skips to the next mark at the speed of `memchr`, and a paragraph holds a few marks.

    Every match of the search is a whole run of whitespace, with a separator mark and the run after it for the
    spaced separators; so it ends where a run ends, and the search goes on from there. Each mark proposes the
    match it would open (a sentence end: the run after it, if a character follows; a separator: the runs on
    both sides, if neither is empty); by start, a sentence end first (the search's first branch), a proposal is
    taken unless it starts inside the match taken before it, as the search would have passed it."""
    length = len(text)
    proposed: list[tuple[int, int, int]] = []
    for mark in SENTENCE_ENDS:
        at = text.find(mark)
        while at != -1:
            end = _run_end(text, at + 1, length)
            if at + 1 < end < length:
                proposed.append((at + 1, 0, end))
            at = text.find(mark, end)
    for mark in SEPARATOR_MARKS:
        at = text.find(mark, 1)
        while at != -1:
            start = at
            while start > 0 and text[start - 1] in WHITE_SPACE_CHARS:
                start -= 1
            end = _run_end(text, at + 1, length)
            if start < at and at + 1 < end:
                proposed.append((start, 1, end))
            at = text.find(mark, at + 1)
    proposed.sort()
    spans: list[tuple[int, int]] = []
    position = 0
    for start, _, end in proposed:
        if start >= position:
            spans.append((start, end))
            position = end
    return spans


def _run_end(text: str, start: int, length: int) -> int:
    """Where the run of whitespace at `start` of `text` ends (`start` when there is none)."""
    end = start
    while end < length and text[end] in WHITE_SPACE_CHARS:
        end += 1
    return end


def _key_table() -> dict[int, str]:
    """`str.translate` table of the exact key: digits to `0`, punctuation and symbols to a space (the Basic
    Multilingual Plane; rarer characters stay as they are, which only makes two keys differ)."""
    table = {}
    for code in range(0x10000):
        char = chr(code)
        if char.isdigit():
            table[code] = "0"
        elif not char.isalnum() and not char.isspace():
            table[code] = " "
    return table


#: The exact key's character map, built once at import.
KEY_TABLE: Final = _key_table()
#: `KEY_TABLE` for ASCII text, as a `bytes.translate` table: a dict lookup per character is most of the key's
#: cost, and nearly every segment is ASCII.
ASCII_KEY_TABLE: Final = bytes(ord(KEY_TABLE.get(code, chr(code))) if code < 128 else code for code in range(256))
#: `KEY_TABLE` for other text, as a string indexed by code point, which `str.translate` reads about twice as fast:
#: each character the dict lacks (every letter) is a lookup error raised and cleared. Past the Basic Multilingual
#: Plane the index fails, and a failed lookup leaves the character as it is, as the dict does.
KEY_CHARS: Final = "".join(KEY_TABLE.get(code, chr(code)) for code in range(0x10000))


def key_chars(folded: str) -> str:
    """`folded.translate(KEY_TABLE)`, through the bytes table when the text is ASCII, else `KEY_CHARS`."""
    if folded.isascii():
        return folded.encode("ascii").translate(ASCII_KEY_TABLE).decode("ascii")
    return folded.translate(KEY_CHARS)
#: A slot word: capitalised, or holding a digit (`2025`, `mcr8`, an editor's code).
_SLOT_WORD = r"(?:(?:\p{Lu}|\d)[^\W_]*|\p{Ll}+\d[^\W_]*)(?:[-.][^\W_]+)*"
#: A run of slot words (one slot), another word, or one punctuation character.
TEMPLATE_TOKEN: Final = regex.compile(
    rf"(?P<slot>{_SLOT_WORD}(?:[ ]+{_SLOT_WORD})*)|(?P<word>[^\W_]+(?:[-.][^\W_]+)*)|(?P<mark>[^\w\s])"
)
#: A token of a piece of ASCII text without spaces: a word with the words joined to it, or one other character.
ASCII_CHUNK_TOKEN: Final = re.compile(r"[A-Za-z0-9]+(?:[-.][A-Za-z0-9]+)*|.", re.DOTALL)
#: The characters of ASCII text that `TEMPLATE_TOKEN` passes over (whitespace and `_`, which `\w` takes), besides
#: the space, at which `_ascii_template_key` splits.
ASCII_SKIPPED: Final = frozenset("_\t\n\v\f\r")
ASCII_LOWERCASE: Final = "abcdefghijklmnopqrstuvwxyz"


def exact_key(segment: str) -> str:
    """The segment's words, casefolded, digits as `0`, punctuation dropped, one space between words.

    >>> exact_key("Halaman 2 dari 3: Baca juga!")
    'halaman 0 dari 0 baca juga'
    """
    return words_of(key_chars(segment.casefold()))


def words_of(chars: str) -> str:
    """The words of `chars` with one space between them."""
    return " ".join(chars.split())


def ascii_key_chars(paragraph: str) -> str | None:
    """`key_chars` of the whole casefolded paragraph when it is ASCII (most paragraphs), else None. Then the
    exact key of `paragraph[start:end]` is `words_of(chars[start:end])`: one translation per paragraph instead
    of one per segment, since every character of ASCII text casefolds and translates to one character on its
    own. Other paragraphs are keyed a segment at a time: `str.translate` through `KEY_TABLE` is slow enough
    that keying their long segments, which learning skips, would cost more than it saves."""
    return key_chars(paragraph.lower()) if paragraph.isascii() else None


def template_key(segment: str) -> tuple[str, tuple[str, ...]]:
    """The segment's template and the runs its slots replaced.

    A slot is a run of capitalised words or words with a digit, with only spaces between them; punctuation stays in the
    template (it gives it its shape) and ends a run, so a label before a colon is a slot of its own, which
    learning can pin to its usual value (`{penulis} : <>`).

    >>> template_key("Penulis: Ahmad Fauzi | Editor: Budi")
    ('<> : <> | <> : <>', ('penulis', 'ahmad fauzi', 'editor', 'budi'))
    """
    if segment.isascii():
        return _ascii_template_key(segment)
    return searched_template_key(segment)


def searched_template_key(segment: str) -> tuple[str, tuple[str, ...]]:
    """`template_key` by a search of `TEMPLATE_TOKEN`: its specification, and its path for text that is not
    ASCII."""
    parts: list[str] = []
    values: list[str] = []
    for slot, word, mark in TEMPLATE_TOKEN.findall(segment):
        if slot:
            parts.append(SLOT)
            values.append(" ".join(slot.casefold().split()))
        else:
            parts.append(_word_key(word) if word else mark)
    return " ".join(parts), tuple(values)


def _ascii_template_key(segment: str) -> tuple[str, tuple[str, ...]]:
    """`searched_template_key` of an ASCII segment (nearly every one), read a space-separated chunk at a time.

    Why: the search tries the slot branch, then the word branch, at every word, and costs most of learning's
    templates. On ASCII its tokens are plain: a word (letters and digits, with `-` or `.` joining more) is a
    slot word when it opens with a capital or a digit, or its lowercase letters run into a digit; any other
    character but whitespace and `_` is a mark; a slot run is slot words with only spaces between them. Most
    chunks are one word, or a word and a mark, which need no search at all."""
    parts: list[str] = []
    values: list[str] = []
    run: list[str] = []
    spaced = False
    for chunk in segment.split(" "):
        if not chunk:
            continue
        if chunk.isalpha() and chunk.islower():
            if run:
                _end_run(parts, values, run)
            parts.append(chunk)
            spaced = True
            continue
        if chunk.isalnum():
            tokens = [chunk]
        elif chunk[:-1].isalnum() and not chunk[-1].isalnum():
            # A word and the mark after it (`Penulis:`, `naik.`): a joiner needs a letter or digit after it.
            tokens = [chunk[:-1], chunk[-1]]
        else:
            tokens = ASCII_CHUNK_TOKEN.findall(chunk)
        for token in tokens:
            if token[0].isalnum() and _is_ascii_slot_word(token):
                if run and not spaced:
                    _end_run(parts, values, run)
                run.append(token.lower())
            else:
                if run:
                    _end_run(parts, values, run)
                if token[0].isalnum():
                    parts.append(_word_key(token))
                elif token not in ASCII_SKIPPED:
                    parts.append(token)
            spaced = False
        spaced = True
    if run:
        _end_run(parts, values, run)
    return " ".join(parts), tuple(values)


def _is_ascii_slot_word(word: str) -> bool:
    """Whether an ASCII word (`ASCII_CHUNK_TOKEN`) is a slot word (`_SLOT_WORD`)."""
    first = word[0]
    return first.isupper() or first.isdigit() or word.lstrip(ASCII_LOWERCASE)[:1].isdigit()


def _end_run(parts: list[str], values: list[str], run: list[str]) -> None:
    """Close a slot run: a slot in the template, its words as its value."""
    parts.append(SLOT)
    values.append(" ".join(run))
    run.clear()


def _word_key(word: str) -> str:
    """`key_chars(word.casefold())`: a word of lowercase ASCII letters (most words) is that already."""
    if word.isascii() and word.isalpha() and word.islower():
        return word
    return key_chars(word.casefold())

