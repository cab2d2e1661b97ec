"""Paragraph reconstruction: hard wraps are rejoined, real short lines stay apart."""

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean import paragraphs
from newsclean.paragraphs import join_decisions, split_paragraphs


def texts(raw: str) -> list[str]:
    return [p.text for p in split_paragraphs(raw)]


def test_hard_wrapped_paragraph_is_rejoined() -> None:
    raw = (
        "SURABAYA, WARTAKITA - Kepala dinas\n"
        "Budi Santoso mengatakan, sampai saat ini pihaknya dan Pemerintah Kota\n"
        "(Pemkot) belum sepakat mengenai tarif parkir. Budi mengatakan, dinas\n"
        "ingin melihat upaya lebih dari pengelola untuk bekerja sama."
    )
    assert len(texts(raw)) == 1


def test_split_dateline_and_link_holes_are_rejoined() -> None:
    raw = "MEDAN, BERITAKU.com\n-\nTim sepak bola\nmengalami kekalahan 0-3 dari\nPersita\ndalam laga kemarin."
    assert texts(raw) == [
        "MEDAN, BERITAKU.com - Tim sepak bola mengalami kekalahan 0-3 dari Persita dalam laga kemarin."
    ]


@pytest.mark.parametrize(
    "raw",
    [
        "Berikut daftarnya:\n- Bandung\n- Bogor",
        "Bahan-bahan:\n3 siung bawang\n1 sdt garam",
        "Malam sunyi di tepi kali\nAngin berbisik pelan sekali\nBulan pun turun menyapa",  # verse
        "IMSAK 04:31\nSUBUH 04:41\nDZUHUR 11:55",  # prayer-time table rows
        "Susunan pemain\nPersebaya: Ernando; Arif, Dusan",  # subheading
        "Nama | Umur | Kota\nAndi | 30 | Solo",  # table rows
    ],
)
def test_real_short_lines_stay_apart(raw: str) -> None:
    assert len(texts(raw)) == len(raw.split("\n"))


def test_a_dateline_joins_the_lead_but_not_the_header_lines_above_it() -> None:
    """`Bola.net -` joins the lead; the date and caption lines above it are no hard wrap for that."""
    raw = (
        "12 November 2025, 14:03 WIB\nSkuad Warta FC pada laga pekan ke-11 (c) Dok. Warta FC\nWarta.net -\n"
        "Calon pelatih baru Warta FC akhirnya terungkap pekan ini."
    )
    assert texts(raw) == [
        "12 November 2025, 14:03 WIB",
        "Skuad Warta FC pada laga pekan ke-11 (c) Dok. Warta FC",
        "Warta.net - Calon pelatih baru Warta FC akhirnya terungkap pekan ini.",
    ]


def test_offsets_are_those_of_the_input() -> None:
    raw = "Baris pertama yang panjang sekali dan\nberlanjut di sini.\n\nParagraf kedua."
    for paragraph in split_paragraphs(raw):
        assert raw[paragraph.start : paragraph.end].replace("\n", " ") == paragraph.text


LINE_PIECES = st.sampled_from(
    ["Harga naik", " lagi", ".", "!", "?", ":", '"', "”", "’", ")", "-", "–", "dan", "1. ", "A", "\t"]
)


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.lists(LINE_PIECES, max_size=5).map("".join), min_size=1, max_size=6))
def test_a_line_that_ends_a_sentence_is_never_joined_to_the_next(lines: list[str]) -> None:
    """Unless one of the two is a lone dash (a dateline split over lines)."""
    for before, after, joined in zip(lines, lines[1:], join_decisions(lines), strict=False):
        if before[-1:] in ".!?" and len(before) > 3 and len(after) > 3:
            assert not joined, lines


def _is_structural_ungated(line: str) -> bool:
    return bool(
        paragraphs.LIST_ITEM.match(line)
        or (("\t" in line or "|" in line) and paragraphs.TABLE_CELLS.search(line))
        or (
            (time := paragraphs.SCHEDULE_TIME.search(line, max(0, len(line) - 6)))
            and paragraphs.SCHEDULE_NAME.fullmatch(line, 0, time.start())
        )
        or paragraphs.CODE_LINE.match(line)
    )


STRUCTURE_PIECES = st.sampled_from(
    ["-", "*", "•", "–", "1", "12", "٣", "²", "a", "Z", ".", ")", "(", "[", "]", " ", "\t", "\u2003", "|", ":", "PERSIB", "15:30", "adw/rdp", "é", "x"]
)


@settings(max_examples=3000, deadline=None)
@given(st.lists(STRUCTURE_PIECES, max_size=8).map("".join))
def test_structure_gates_never_reject_a_match(line: str) -> None:
    """The character tests in front of the structure patterns only skip lines the patterns would not match."""
    assert paragraphs._is_structural(line) == _is_structural_ungated(line)


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(["a", "dan", ",", "-", "–", "(", "/", ".", " ", "1", "é", ")"]), max_size=6).map("".join))
def test_joiner_gate_never_rejects_a_match(before: str) -> None:
    gated = not before[-1:].isalnum() and paragraphs.ENDS_WITH_JOINER.search(before)
    assert bool(gated) == bool(paragraphs.ENDS_WITH_JOINER.search(before))


def test_no_digit_or_space_of_regex_is_a_letter() -> None:
    """The list-item gate skips lines whose second character is a letter: no `\\d`, `\\s`, `.` or `)` of `regex`
    (whose Unicode tables can be newer than Python's) is one for `str.isalpha`."""
    shapes = regex.compile(r"[\d\s.)]", regex.V1)
    chars = [chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF]
    assert not [c for c in chars if shapes.match(c) and c.isalpha()]
