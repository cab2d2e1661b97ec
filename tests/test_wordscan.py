"""The C text scans (`newsclean._wordscan`) against their Python specifications, and the facts they rely on."""

import os
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean import boundaries
from newsclean.boundaries import SCANNED_LITERALS, literals_in_python
from newsclean.cleaner import selection
from newsclean.cleaner.selection import (
    ASCII_SUBSTRINGS,
    CASEFOLD_SPECIALS,
    CASELESS_SUBSTRING_BITS,
    TRIGGER_UNSAFE_CHARS,
    TRIGGER_WORDS,
    inline_needles,
    needle_lines,
    needle_lines_python,
    scan_triggers_python,
)
from newsclean.normalization import (
    HAS_AMPERSAND,
    HAS_DOUBLE_SPACE,
    HAS_FTFY_SIGN,
    HAS_LITERAL_NEWLINE,
    HAS_NEWLINE_RUN,
    HAS_NO_BREAK_SPACE,
    HAS_ODD_SPACE,
    HAS_SPACE_BEFORE_NEWLINE,
    PROFILE_CHARS,
    PROFILE_MASKS,
    PROFILE_NEEDLES,
    text_profile,
    text_profile_python,
)
from newsclean.patterns import ALL_RULES
from newsclean.repeats import (
    ASCII_WORDS,
    NON_ASCII_SEPARATORS,
    VIDEO_LABEL,
    ascii_words_python,
    inside_earlier_python,
    repeat_key,
)

wordscan = pytest.importorskip("newsclean._wordscan")

#: Letters of trigger words in both cases, the two characters whose lowercase holds an ASCII letter, other
#: non-ASCII letters of every storage width, separators.
ALPHABET = st.sampled_from(list("abceiklnoprstuABCEIKLNOPRSTU -.:,\n\u00a9\u0130\u212a\u0307\u00e9\u00c9\u0101\u4e2d\U0001f600"))
WORDISH = st.sampled_from([w.decode() for w in TRIGGER_WORDS] + [s.decode() for s in ASCII_SUBSTRINGS])
TEXTS = st.lists(st.one_of(WORDISH, WORDISH.map(str.upper), st.text(ALPHABET, max_size=6)), max_size=30).map("".join)


@settings(max_examples=600, deadline=None)
@given(TEXTS)
def test_c_scanner_matches_its_specification(text: str) -> None:
    assert wordscan.TriggerScanner(TRIGGER_WORDS, ASCII_SUBSTRINGS, TRIGGER_UNSAFE_CHARS)(text) == scan_triggers_python(
        text, TRIGGER_WORDS, ASCII_SUBSTRINGS, TRIGGER_UNSAFE_CHARS
    )


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_c_scanner_matches_on_any_text(text: str) -> None:
    assert wordscan.TriggerScanner(TRIGGER_WORDS, ASCII_SUBSTRINGS, TRIGGER_UNSAFE_CHARS)(text) == scan_triggers_python(
        text, TRIGGER_WORDS, ASCII_SUBSTRINGS, TRIGGER_UNSAFE_CHARS
    )


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from(list("ab \u00e9\u201c") + list(TRIGGER_UNSAFE_CHARS)), max_size=40))
def test_c_scanner_reports_unsafe_characters_as_its_specification(text: str) -> None:
    scanner = wordscan.TriggerScanner(TRIGGER_WORDS, ASCII_SUBSTRINGS, TRIGGER_UNSAFE_CHARS)
    assert scanner(text)[2] is any(char in text for char in TRIGGER_UNSAFE_CHARS)
    assert scanner(text) == scan_triggers_python(text, TRIGGER_WORDS, ASCII_SUBSTRINGS, TRIGGER_UNSAFE_CHARS)


def test_shapes_the_fold_must_get_right() -> None:
    words, substrings = (b"isi", b"iklan", b"foto", b"a" * 20), (b"scroll", b"advertis")
    for text, expected in [
        ("ISİ berita", ([0], 0, False)),  # U+0130 lowercases to "i" + U+0307: the word ends after the i
        ("İKLAN", ([], 0, False)),  # ... so "i̇klan" holds the words "i" and "klan"
        ("FOTO\u212a", ([], 0, False)),  # the Kelvin sign lowercases to "k": "fotok"
        ("fotó foto", ([2], 0, False)),
        ("ADVERTİSEMENT", ([], 0, False)),
        ("ScrollAdvertisement " + "A" * 20, ([3], 0b11, False)),
        ("", ([], 0, False)),
    ]:
        assert wordscan.TriggerScanner(words, substrings)(text) == expected
        assert scan_triggers_python(text, words, substrings) == expected


def test_only_two_characters_lowercase_to_ascii_letters() -> None:
    """The fold maps every other non-ASCII character to a non-letter byte."""
    odd = [c for c in range(0x80, sys.maxunicode + 1) if any(ch.isascii() for ch in chr(c).lower())]
    assert odd == [0x130, 0x212A]


def test_caseless_substrings_are_found_in_the_text_itself() -> None:
    """`©` occurs in `text.lower()` exactly when it occurs in `text`: no character lowercases to contain it."""
    assert CASELESS_SUBSTRING_BITS
    for character, _ in CASELESS_SUBSTRING_BITS:
        assert [c for c in range(sys.maxunicode + 1) if character in chr(c).lower()] == [ord(character)]


def test_bad_arguments_are_clear_errors() -> None:
    with pytest.raises(ValueError, match="lowercase ASCII letters"):
        wordscan.TriggerScanner((), (b"Scroll",))
    with pytest.raises(ValueError, match="lowercase ASCII letters"):
        wordscan.TriggerScanner((), (b"a",))
    with pytest.raises(ValueError, match="at most 64"):
        wordscan.TriggerScanner((), tuple(b"ab" for _ in range(65)))
    with pytest.raises(TypeError):
        wordscan.TriggerScanner(("foto",), ())
    with pytest.raises(TypeError):
        wordscan.TriggerScanner((), ())(b"x")
    with pytest.raises(ValueError, match="none of them ASCII"):
        wordscan.TriggerScanner((), (), "ſx")
    with pytest.raises(ValueError, match="at most 32"):
        wordscan.TriggerScanner((), (), "é" * 33)
    with pytest.raises(TypeError):
        wordscan.ascii_words(b"x", "")
    with pytest.raises(TypeError):
        wordscan.ascii_words("x")
    with pytest.raises(ValueError, match="ASCII"):
        wordscan.needle_lines("x", ("fotó".encode(),), "")
    with pytest.raises(TypeError):
        wordscan.needle_lines("x", [b"foto"], "")


#: NEWSCLEAN_PUREPYTHON=1 makes the engine use the specifications even where the C scans are built.
PURE_PYTHON = os.environ.get("NEWSCLEAN_PUREPYTHON", "") == "1"


def test_the_engine_uses_the_c_scanner_when_built() -> None:
    if PURE_PYTHON:
        assert selection.SCAN_TRIGGERS.func is scan_triggers_python
    else:
        assert isinstance(selection.SCAN_TRIGGERS, wordscan.TriggerScanner)


PARAGRAPH_ALPHABET = st.sampled_from(list("aZ09 _-.,'\"\n\t") + list(NON_ASCII_SEPARATORS) + ["é", "\u0130", "中", "😀"])


@settings(max_examples=600, deadline=None)
@given(st.text(PARAGRAPH_ALPHABET, max_size=80))
def test_c_ascii_words_matches_its_specification(text: str) -> None:
    assert wordscan.ascii_words(text, NON_ASCII_SEPARATORS) == ascii_words_python(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=120))
def test_c_ascii_words_matches_on_any_text(text: str) -> None:
    assert wordscan.ascii_words(text, NON_ASCII_SEPARATORS) == ascii_words_python(text)


def test_ascii_words_shapes() -> None:
    for text, expected in [
        ("“Iya, PAK,” jawab—Maryam…  ", "iya pak jawab maryam"),
        ("snake_case x2 A-B", "snake case x2 a b"),
        ("café", None),
        ("", ""),
        (" \u00a0 ", ""),
    ]:
        assert wordscan.ascii_words(text, NON_ASCII_SEPARATORS) == expected
        assert ascii_words_python(text) == expected


def test_repeat_keys_use_the_c_scan_when_built() -> None:
    assert ASCII_WORDS is (ascii_words_python if PURE_PYTHON else wordscan.ascii_words)


INLINE_NEEDLES = inline_needles(tuple(rule for rule in ALL_RULES if rule.scope == "inline"))[0]
NEEDLE_PIECES = st.sampled_from(
    [needle.decode() for needle in INLINE_NEEDLES]
    + [needle.decode().upper() for needle in INLINE_NEEDLES]
    + ["\n", " ", "é", "É", "“", "中", "😀", "\u0130", "ß", "\ufb01"]
)


@settings(max_examples=600, deadline=None)
@given(st.lists(NEEDLE_PIECES | st.text(max_size=3), max_size=25).map("".join))
def test_c_needle_lines_match_their_specification(text: str) -> None:
    found = wordscan.needle_lines(text, INLINE_NEEDLES, CASEFOLD_SPECIALS)
    if any(character in text for character in CASEFOLD_SPECIALS):
        assert found is None
    else:
        assert found == needle_lines_python(text, INLINE_NEEDLES)
    assert needle_lines(text, INLINE_NEEDLES) == needle_lines_python(text, INLINE_NEEDLES)


def test_casefold_specials_are_the_characters_that_fold_to_ascii() -> None:
    """Every other character folds to non-ASCII characters only, so it cannot be part of an ASCII need."""
    derived = [
        chr(c)
        for c in range(0x80, sys.maxunicode + 1)
        if c == 0x307 or any(ch.isascii() for ch in chr(c).casefold())
    ]
    assert "".join(derived) == CASEFOLD_SPECIALS


def test_needle_lines_shapes() -> None:
    needles = (b"(ayo", b"whatsapp", b"pic.twitter.com/")
    text = "Satu.\nIkuti WhatsApp (AYO baca)\n\nPIC.twitter.COM/x"
    expected = [(1, 0b011), (3, 0b100)]
    assert wordscan.needle_lines(text, needles, CASEFOLD_SPECIALS) == expected
    assert needle_lines_python(text, needles) == expected
    assert wordscan.needle_lines("Straße (ayo", needles, CASEFOLD_SPECIALS) is None
    assert needle_lines("Straße (ayo", needles) == [(0, 0b001)]
    with pytest.raises(ValueError, match="two or more"):
        wordscan.needle_lines("x", (b"a",), "")


def test_only_the_label_letters_open_a_video_label() -> None:
    """`repeat_key` skips the label substitution for paragraphs opening with any other letter or digit."""
    openers = [
        chr(c)
        for c in range(sys.maxunicode + 1)
        if chr(c).isalnum()
        and any(VIDEO_LABEL.match(chr(c) + rest) for rest in ("ideo: x", "oto: x", "aleri: x"))
    ]
    assert "".join(openers) == "FGVfgv"
    assert repeat_key("Video: Banjir di Jakarta") == repeat_key("Banjir di Jakarta")
    assert repeat_key("Kata Video: ini") == "kata video ini"


PROFILE_ALPHABET = st.sampled_from(
    [*PROFILE_CHARS[:40], *PROFILE_CHARS[-20:], "a", " ", "\n", "\\", "n", "é", "“", "中", "😀", "  ", "\n\n\n"]
)


@settings(max_examples=600, deadline=None)
@given(st.lists(PROFILE_ALPHABET | st.text(max_size=3), max_size=30).map("".join))
def test_c_text_profile_matches_its_specification(text: str) -> None:
    arguments = (PROFILE_CHARS, PROFILE_MASKS, PROFILE_NEEDLES)
    assert wordscan.text_profile(text, *arguments) == text_profile_python(text, *arguments)


def test_text_profile_shapes() -> None:
    found, shapes = text_profile("Harga\u00a0naik &amp; turun  lagi \n\n\nlalu\\nitu Ã")
    assert found == HAS_NO_BREAK_SPACE | HAS_AMPERSAND | HAS_FTFY_SIGN
    assert text_profile("a\u202fb\tc")[0] == HAS_ODD_SPACE
    assert shapes == HAS_LITERAL_NEWLINE | HAS_DOUBLE_SPACE | HAS_SPACE_BEFORE_NEWLINE | HAS_NEWLINE_RUN
    assert text_profile("") == (0, 0)
    with pytest.raises(ValueError, match="sorted"):
        wordscan.text_profile("x", "ba", b"\x01\x02", ())
    with pytest.raises(ValueError, match="2 or 3"):
        wordscan.text_profile("x", "", b"", (b"abcd",))


KEY_WORDS = st.sampled_from(["harga", "cabai", "naik", "lagi", "di", "pasar", "a", "é", "中", "😀", ""])
KEYS = st.lists(st.lists(KEY_WORDS, max_size=6).map(" ".join), max_size=8)


@settings(max_examples=1500, deadline=None)
@given(KEYS, st.integers(0, 12))
def test_c_inside_earlier_matches_its_specification(keys: list[str], min_length: int) -> None:
    # Repeating earlier keys (whole or in part) makes the containments the search is for.
    keys = keys + [key[1:] for key in keys[:2]] + keys[:1]
    assert wordscan.inside_earlier(keys, min_length) == inside_earlier_python(keys, min_length)


def test_inside_earlier_shapes() -> None:
    long = "presiden joko widodo meresmikan jalan tol baru di jawa tengah pada senin pagi"
    keys = [long, long[9:], "x", long[9:20], "lain sama sekali " * 4, long + " lagi"]
    assert inside_earlier_python(keys, 8) == [False, True, False, True, False, False]
    assert wordscan.inside_earlier(keys, 8) == [False, True, False, True, False, False]
    assert wordscan.inside_earlier([*keys, "jalan tol baru é"], 8)[-1] is False
    assert wordscan.inside_earlier([], 60) == []
    with pytest.raises(TypeError):
        wordscan.inside_earlier(("a",), 1)


#: The scanned literals themselves, their pieces and neighbours in every storage width, so that texts hold
#: literals whole, cut short, overlapping and at the very end.
LITERAL_PIECES = st.sampled_from(
    [*SCANNED_LITERALS, *(literal[:-1] for literal in SCANNED_LITERALS), "a", " ", "|", "\n", "é", "中", "😀", "BACA"]
)


@settings(max_examples=1500, deadline=None)
@given(st.lists(LITERAL_PIECES | st.text(max_size=3), max_size=20).map("".join))
def test_c_literal_scanner_matches_its_specification(text: str) -> None:
    literals = tuple(literal.encode("ascii") for literal in SCANNED_LITERALS)
    assert wordscan.LiteralScanner(literals)(text) == literals_in_python(text, literals)
    short = (b"|", b"ab", b"b", b"aba")
    assert wordscan.LiteralScanner(short)(text) == literals_in_python(text, short)


def test_literal_scanner_shapes() -> None:
    scanner = wordscan.LiteralScanner((b"Baca ", b"|", b"alaman ", b" halaman"))
    assert scanner("Lihat halaman") == 0b1000
    assert scanner("di halaman depan") == 0b1100
    assert scanner("Baca juga | lainnya") == 0b0011
    assert scanner("Baca") == scanner("") == scanner("“Baca”") == 0
    assert scanner("中Baca 😀|") == 0b0011
    assert wordscan.LiteralScanner(())("Baca ") == 0
    with pytest.raises(ValueError, match="ASCII"):
        wordscan.LiteralScanner(("fotó".encode(),))
    with pytest.raises(ValueError, match="non-empty"):
        wordscan.LiteralScanner((b"",))
    with pytest.raises(ValueError, match="at most 64"):
        wordscan.LiteralScanner(tuple(b"ab" for _ in range(65)))
    with pytest.raises(TypeError):
        wordscan.LiteralScanner([b"ab"])
    with pytest.raises(TypeError):
        scanner(b"Baca ")


def test_boundaries_use_the_c_literal_scanner_when_built() -> None:
    if PURE_PYTHON:
        assert boundaries.scan_literals.func is literals_in_python
    else:
        assert isinstance(boundaries.scan_literals, wordscan.LiteralScanner)
