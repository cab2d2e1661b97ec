"""normalize(): what ftfy fixes, what we add around it, and what must be left alone."""

import re

import ftfy
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean import normalize
from newsclean.boundaries import restore
from newsclean.normalization import (
    FTFY_CONFIG,
    MAX_PASSES,
    MOJIBAKE_TABLE,
    NEEDS_FTFY,
    SPACES,
    STEPS,
    fix_encoding,
    needs_ftfy,
    normalize_and_check,
    tidy_whitespace,
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Petug\u03b1s datang", "Petugas datang"),  # Greek alpha inside a Latin word
        ("K\u043epi hangat", "Kopi hangat"),  # Cyrillic o
        ("Timnas\u00a0Indonesia", "Timnas Indonesia"),  # no-break space
        ("kata\u200b dia\u200e", "kata dia"),  # zero-width space and LRM
        ("pen\u00adting", "penting"),  # soft hyphen
        ("a\x07b\x00c", "abc"),  # control characters
        ("dua   spasi\t\ttab", "dua spasi tab"),
        ("Bisnis.com, JAKARTA &ndash; Harga &amp; biaya", "Bisnis.com, JAKARTA – Harga & biaya"),
        ("â€œSaya sudah bertahun â€“ tahun", "“Saya sudah bertahun – tahun"),
        ("‚ÄúKami siap,‚Äù kata dia", "“Kami siap,” kata dia"),  # MacRoman mojibake
        ("satu\\r\\ndua", "satu\ndua"),  # literal escapes from a database dump
        ("baris  \n  dua\n\n\n\nempat", "baris\ndua\n\nempat"),
    ],
)
def test_fixes(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


def test_closing_quote_that_lost_a_byte_is_not_a_dagger() -> None:
    assert normalize("ini khasiatnya bagus,â€ kata dia") == "ini khasiatnya bagus,” kata dia"
    assert "†" not in normalize("bagus,â€ ")


@pytest.mark.parametrize(
    "kept",
    [
        "Москва menolak",  # a word wholly in Cyrillic stays Cyrillic
        "“Kutipan” dengan tanda kutip melengkung",  # quotes are kept as written
        "luas 20 m² di lantai 2",  # NFC, not NFKC: the superscript stays
        "Sputnik V dan COVID-19",
        "emoji 👨\u200d👩\u200d👧 keluarga",  # zero-width joiner inside an emoji sequence stays
    ],
)
def test_leaves_alone(kept: str) -> None:
    assert normalize(kept) == kept


def test_idempotent_on_examples() -> None:
    for raw in ["â€œA â€“ b", "x\u00a0\u00a0y\n\n\n z", "Petug\u03b1s"]:
        once = normalize(raw)
        assert normalize(once) == once


def test_rejects_non_string() -> None:
    with pytest.raises(TypeError):
        normalize(None)  # type: ignore[arg-type]


@pytest.mark.parametrize("broken", sorted(MOJIBAKE_TABLE))
def test_fast_mojibake_table_agrees_with_ftfy(broken: str) -> None:
    sentence = f"Kata dia {broken}sangat bagus{broken} kemarin."
    expected = tidy_whitespace(ftfy.fix_text(sentence, config=FTFY_CONFIG))
    assert normalize(sentence) == expected


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from("aZ &#;x19fF\r\n\u0080ÂâÃé€’“ ́")) | st.text())
def test_needs_ftfy_is_the_needs_ftfy_pattern(text):
    assert needs_ftfy(text) == (NEEDS_FTFY.search(text) is not None)


@pytest.mark.parametrize(
    "text", ["a &amp; b", "a &#8220; b", "x\r\ny", "bagus,â€ ", "ASCII only", "tanpa & entitas", "Ã©"]
)
def test_needs_ftfy_examples(text):
    assert needs_ftfy(text) == (NEEDS_FTFY.search(text) is not None)


def _tidy_whitespace_in_one_step(text: str) -> str:
    """The specification `tidy_whitespace` is computed faster than: every run of spaces and odd spaces becomes
    one space in a single substitution, then the line-end and blank-line rules."""
    text = SPACES.sub(" ", text)
    text = re.sub(r" ?\n ?", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip(" \n")


@settings(max_examples=1500, deadline=None)
@given(st.text(alphabet=st.sampled_from(["a", " ", "\u00a0", "\t", "\u2009", "\u3000", "\n", "b"])))
def test_tidy_whitespace_is_the_one_step_substitution(text: str) -> None:
    assert tidy_whitespace(text) == _tidy_whitespace_in_one_step(text)


@pytest.mark.parametrize(
    "text",
    [
        "\\\x08n",  # a control character inside a literal \n escape
        "a\u0301\u03b1",  # decomposed á then a Greek alpha: one Latin word once composed
        "P\u03bf\u0302\u03b1",  # a combining mark on a look-alike stays in its word
    ],
)
def test_normalize_is_idempotent_on_cases_the_property_found(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once


@settings(max_examples=1500, deadline=None)
@given(
    st.lists(
        st.sampled_from(["a", " ", "  ", "\n", "\r", "&amp;", "&", "&#39;", "Â", "Â ", "Ã©", "â€œ", "A\u0303", "\u00a0"])
        | st.sampled_from(["\\n", "\u200b", "\u0080", "€", "é", "\u03b1", "ﬁ", "Ð", "x"]),
        max_size=12,
    ).map("".join)
    | st.text()
)
def test_normalize_and_check_answers_needs_ftfy_of_the_result(text: str) -> None:
    normalized, shows_sign = normalize_and_check(text)
    assert normalized == normalize(text)
    assert shows_sign == needs_ftfy(normalized)


def _every_step(text: str) -> str:
    """`normalize` as specified: every fixer, in order, until the text is stable or shows no sign for ftfy; then
    the lost boundaries restored (`newsclean.boundaries`)."""
    for _ in range(MAX_PASSES):
        before = text
        for step in STEPS:
            text = step(text)
        if text == before or not needs_ftfy(text):
            break
    return restore(text)[0]


@settings(max_examples=2000, deadline=None)
@given(
    st.lists(
        st.sampled_from(["a", "Kata", " ", "  ", "\n", "\n\n\n", " \n", "\t", "\u00a0", "\u202f", "\u3000", "\\n"])
        | st.sampled_from(["&amp;", "&", "Â", "Ã©", "â€œ", "\u200b", "\u00ad", "\u03bf", "A\u0303", "é", "“"]),
        max_size=14,
    ).map("".join)
)
def test_normalize_skips_only_fixers_with_nothing_to_do(text: str) -> None:
    """The character profile lets `normalize` skip fixers; the result is that of running all of them."""
    assert normalize(text) == _every_step(text)


@settings(max_examples=800, deadline=None)
@given(
    st.lists(
        st.lists(st.sampled_from(["a", "Kata", " ", "&amp;", "Ã©", "â€œ", "Â ", "ﬁ", "\r", "é", "Ð"]), max_size=6).map(
            "".join
        ),
        min_size=1,
        max_size=5,
    )
)
def test_each_line_is_repaired_on_its_own(lines: list[str]) -> None:
    """ftfy runs on the lines that show a sign; a line's repair does not depend on the other lines."""
    pieces = [line + "\n" for line in lines[:-1]] + [lines[-1]]
    assert fix_encoding("".join(pieces)) == "".join(fix_encoding(piece) for piece in pieces)
