"""Lost paragraph boundaries, glued words and look-alike mojibake, restored by `normalize` (`newsclean.boundaries`).

Texts are written for the tests in the shapes the shared samples show (one-line scrapes, comma seams, inline
markers, link text glued to its neighbours); none is copied from the data.
"""

from __future__ import annotations

import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean import boundaries, clean, normalize
from newsclean.boundaries import MARKERS, restore
from newsclean.cleaner import pattern_facts
from newsclean.cleaner.regexes import literal_starts, matches_at
from newsclean.models import CleanResult, Edit
from newsclean.normalization import normalize_with_edits


def _edits(text: str) -> list[tuple[str, str, str]]:
    normalized, edits = normalize_with_edits(text)
    for edit in edits:
        assert normalized[edit.start : edit.start + len(edit.text)] == edit.text
    return [(e.kind, e.rule, e.text) for e in edits]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Hujan deras turun sejak pagi, Minggu (25/8).Hendaradji tiba di lokasi.", "(25/8).\nHendaradji"),
        ('Polisi masih menyelidiki kasus itu."Kami sudah periksa saksi," kata dia.', 'itu.\n"Kami'),
        ('"Kami sudah periksa saksi," kata Kapolsek Hendra."Selanjutnya kami panggil."', 'Hendra.\n"Selanjutnya'),
        ("Ia menolak berkomentar.“Nanti saja,” ujarnya.", "berkomentar.\n“Nanti"),
    ],
)
def test_sentence_end_glued_to_the_next_capital_gets_a_line_break(raw: str, expected: str) -> None:
    assert expected in normalize(raw)
    assert _edits(raw)[0] == ("paragraph_break", "boundary.sentence_glue", "\n")


@pytest.mark.parametrize(
    "raw",
    [
        "Dibaca di Kompas.com dan detik.com setiap hari oleh pembaca.",
        "Pertumbuhan ekonomi 3.5 persen menurut data terbaru.",
        "Ia didampingi kuasa hukumnya, Andi, S.H., M.H. Selanjutnya sidang ditunda.",
        "Pasukan U.S. Army tiba di pangkalan.",
        "Pemain bernomor punggung No.1 itu cedera.",
        "Ia tinggal di Jl.Sudirman bersama Prof.Dr Hasan dan dr.Andi di Kab.Bogor.",
        "Kunjungi www.Google.Com atau Tribunnews.Com untuk informasi.",
        "Acara dipandu Moh.Ali dan Hj.Siti.",
        # `?` and `!` end the headlines of a glued related-links run, which the related rules read as one block.
        "Baca juga:Siapa Paling Kuat?Alicia Resmi Debut di Jakarta",
        # Two title-case words glued are often two glued headlines; a title before a name is split (below).
        "Datang di Tanggal yang SamaFanbase Hyeri Bikin Ngeri",
    ],
)
def test_abbreviations_domains_decimals_and_initials_are_not_split(raw: str) -> None:
    assert "\n" not in normalize(raw)


def test_comma_joined_paragraphs_get_a_blank_line_and_the_related_label_its_own_line() -> None:
    raw = (
        "Presiden meresmikan jembatan itu pada Selasa (17/9/2019).,,Namun, ia tak menjelaskan biayanya"
        ",,Baca juga:,,Jembatan Baru Dibuka untuk Umum,,Warga menyambut baik peresmian itu."
    )
    normalized = normalize(raw)
    assert normalized.split("\n\n") == [
        "Presiden meresmikan jembatan itu pada Selasa (17/9/2019).,,",
        "Namun, ia tak menjelaskan biayanya,,",
        "Baca juga:,,",
        "Jembatan Baru Dibuka untuk Umum,,",
        "Warga menyambut baik peresmian itu.",
    ]
    assert {rule for _, rule, _ in _edits(raw)} == {"boundary.comma_seam"}


def test_a_hashtag_after_a_comma_seam_starts_a_paragraph() -> None:
    raw = "Gunakan pelembap setiap pagi sebelum berangkat kerja.,#TampilPercayaDiri bersama Warta"
    assert normalize(raw).split("\n\n") == [
        "Gunakan pelembap setiap pagi sebelum berangkat kerja.,",
        "#TampilPercayaDiri bersama Warta",
    ]


def test_a_comma_seam_after_a_short_name_or_a_space_and_before_a_label_is_a_seam() -> None:
    """Comma-joined scrapes end a sentence on a short name (`Lee Yool.,`), put a space before the commas
    (`ungkap Budi. ,Sumber:`), and glue a byline label after them: each starts a paragraph of its own."""
    raw = (
        "Pangeran itu kesal dan tidak menyukai Yoon Yi Seo.,Kisah berlanjut ketika ia kabur dari istana"
        " pada malam hari.,Hong Sim justru lari menjauhi Lee Yool.,Penulis: Annesa K. Ramadhany"
    )
    assert normalize(raw).split("\n\n") == [
        "Pangeran itu kesal dan tidak menyukai Yoon Yi Seo.,",
        "Kisah berlanjut ketika ia kabur dari istana pada malam hari.,",
        "Hong Sim justru lari menjauhi Lee Yool.,",
        "Penulis: Annesa K. Ramadhany",
    ]
    spaced = "Laga itu berakhir imbang tanpa gol di kandang lawan.,Pelatih puas dengan hasilnya, ungkap Budi. ,Sumber: Harian"
    assert normalize(spaced).endswith("ungkap Budi. ,\n\nSumber: Harian")
    # The spaced seam alone in a one-line scrape (no letter glued to a capital anywhere) is found too.
    alone = (
        "Laga itu berakhir imbang tanpa gol di kandang lawan pada pekan lalu dan pelatih puas dengan hasilnya, "
        "ungkap Budi yang ditemui seusai laga di stadion kota itu. ,Sumber: Harian Warta"
    )
    assert normalize(alone).endswith("kota itu. ,\n\nSumber: Harian Warta")
    assert "Penulis" not in clean(raw).text


def test_double_commas_without_a_comma_seam_are_link_holes_and_stay() -> None:
    raw = "Kerusuhan terjadi di wilayah ,, pada Rabu dan pesinetron,,Raffi datang ke lokasi."
    assert normalize(raw) == raw


def test_a_lone_pipe_after_a_sentence_is_a_seam_but_a_table_row_is_not() -> None:
    assert normalize("Ia tiba di Jakarta. | Selain itu, ia bertemu warga.") == (
        "Ia tiba di Jakarta. |\n\nSelain itu, ia bertemu warga."
    )
    row = "Liverpool vs Newcastle | 18:30 WIB. | Brighton vs Burnley | 21:00 WIB"
    assert normalize(row) == row
    byline = "Penulis : Kontributor Manado, Budi | Editor : Andi"
    assert normalize(byline) == byline


def test_inline_markers_are_put_on_their_own_lines() -> None:
    raw = (
        "Pemerintah menaikkan tarif ojek daring ADVERTISEMENT SCROLL TO CONTINUE WITH CONTENT mulai pekan depan."
        "Baca juga: Tarif Ojol Naik Lagi Lihat juga Video 'Ojol Demo di Monas': [Gambas:Video 20detik] "
        "Kebijakan itu berlaku di seluruh wilayah. Loading... Pengemudi menyambut baik."
    )
    lines = [line for line in normalize(raw).split("\n") if line]
    assert "ADVERTISEMENT SCROLL TO CONTINUE WITH CONTENT" in lines
    assert "[Gambas:Video 20detik]" in lines
    assert "Loading..." in lines
    assert any(line.startswith("Baca juga: Tarif") for line in lines)
    rules = {rule for _, rule, _ in _edits(raw)}
    assert {"boundary.marker_ad", "boundary.marker_embed", "boundary.marker_loading"} <= rules


def test_related_label_after_a_space_is_left_to_the_inline_rules() -> None:
    raw = "Pedagang mengeluh sepi. Baca juga: Harga Cabai Turun Jelang LebaranSejak pekan lalu pasokan menurun."
    assert normalize(raw) == raw


def test_title_case_advertisement_in_prose_stays() -> None:
    raw = "Ia bekerja sebagai Advertisement manager di sebuah agensi."
    assert normalize(raw) == raw


def test_a_marker_line_the_splitter_would_join_gets_a_blank_line() -> None:
    """`ADVERTISEMENT` then a line starting in lower case: joined as a hard wrap, it would be inline again."""
    assert normalize("ADVERTISEMENT\npemerintah daerah berjanji.") == "ADVERTISEMENT\n\npemerintah daerah berjanji."


def test_markers_already_on_their_own_line_are_left() -> None:
    raw = "Paragraf pertama.\nADVERTISEMENT\nSCROLL TO CONTINUE WITH CONTENT\nParagraf kedua."
    assert normalize(raw) == raw


def test_one_line_scrape_is_cleaned_like_one_with_line_breaks() -> None:
    raw = (
        "Jakarta - Harga cabai di pasar induk naik dua kali lipat pekan ini.Pedagang mengeluhkan pasokan "
        "yang berkurang ADVERTISEMENT SCROLL TO CONTINUE WITH CONTENT sejak awal bulan."
    )
    result = clean(raw)
    assert "ADVERTISEMENT" not in result.text and "SCROLL" not in result.text
    assert "Pedagang mengeluhkan pasokan" in result.text and "sejak awal bulan." in result.text
    normalized = normalize(raw)
    for removal in result.removals:
        assert normalized[removal.start : removal.end] == removal.text
    assert result.edits and all(isinstance(edit, Edit) for edit in result.edits)
    assert result.report()["edits"][0]["kind"] == "paragraph_break"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Hal itu disampaikan menurutNewsweek pada Senin.", "menurut Newsweek"),
        ("PresidenPrabowo Subianto hadir.", "Presiden Prabowo"),
        ("Saham itu sempat dioversoldtetapi kembali naik.", "dioversold tetapi"),
        ("Ia mengutip kataPresidenJokowi kemarin.", "kata Presiden Jokowi"),
        ("Hadir pula GubernurAnies di lokasi.", "Gubernur Anies"),
    ],
)
def test_glued_words_are_split(raw: str, expected: str) -> None:
    assert expected in normalize(raw)
    assert all(kind == "word_break" for kind, _, _ in _edits(raw))


@pytest.mark.parametrize(
    "raw",
    [
        "Video itu diunggah ke YouTube dan WhatsApp, lalu ke TikTok.",
        "Ia membeli iPhone dan MacBook di McDonald dekat PlayStation Store.",
        "Lowongan di LinkedIn untuk JavaScript dan eSports.",
        "Dikutip detikNews dan detikInet, detikcom, kumparanNEWS, liputan6 dan iNews.",
        "Kabar dari detikJatim dan TribunJatim serta AirAsia.",
        "Tagar #GerakanBersamaRakyat ramai, akun @kataPresiden membalas.",
        "Ia merasa sayang dan menyadari kepada kedalaman laut.",
    ],
)
def test_camel_case_names_and_real_words_are_not_split(raw: str) -> None:
    assert normalize(raw) == raw


def test_look_alike_mojibake_inside_latin_words_is_repaired() -> None:
    assert normalize("PetugŒ±s DirektorŒ±t LŒ±lu LintŒ±s menindak pengendara.") == (
        "Petugas Direktorat Lalu Lintas menindak pengendara."
    )
    assert normalize("PetugÎ±s datang.") == "Petugas datang."
    assert normalize("Enzim Œ±-glukosidase") == "Enzim Œ±-glukosidase"  # alone: not a look-alike in a word


def test_restore_finds_nothing_in_its_own_output() -> None:
    raw = "SCROLL TO CONTINUE WITH CONTENTPetugasPetugasEditor: Budi.Namun ia datang"
    once, edits = restore(raw)
    assert edits and restore(once) == (once, ())


def test_clean_result_carries_no_edits_for_clean_text() -> None:
    result = clean("JAKARTA - Harga cabai naik lagi di pasar induk.\n\nPedagang mengeluh.")
    assert result.edits == ()
    assert CleanResult.model_validate(result.model_dump()) == result


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["Kata", "dia", ".", ",,", " ", "\n", "|", '"', "“", "ADVERTISEMENT", "Baca juga:", "menurut",
             "Newsweek", "tetapi", "[Gambas:Video 20detik]", "Loading...", "Œ±", "(25/8)", "S.H."]
        ),
        max_size=16,
    ).map("".join)
)
def test_edits_point_at_their_separators_and_normalize_is_idempotent(text: str) -> None:
    normalized, edits = normalize_with_edits(text)
    assert normalized == normalize(text)
    assert normalize(normalized) == normalized
    for edit in edits:
        assert normalized[edit.start : edit.start + len(edit.text)] == edit.text


ONE_LINE_BODY = "Presiden menanggapi langkah relawan pendukungnya usai purnatugas pada pekan lalu. " * 10


def test_a_doubled_video_title_and_the_closing_code_and_tags_come_off_a_one_line_scrape() -> None:
    """Detik's closing widget, code and tags, glued onto the last line by a scraper that dropped the breaks."""
    tail = (
        '"Kami siap," imbuhnya. Video Relawan Warta Dukung Program Sekolah Rakyat Video Relawan Warta Dukung '
        "Program Sekolah Rakyat (abcde) relawan warta purnatugas politik kongres transformasi organisasi"
    )
    result = clean(ONE_LINE_BODY + tail)
    assert result.text.endswith('"Kami siap," imbuhnya.')
    assert [(r.kind, r.rule) for r in result.removals][-4:] == [
        ("embed", "embed.doubled_title"),
        ("embed", "embed.doubled_title"),
        ("credit", "credit.code_line"),
        ("tags", "tags.after_credit"),
    ]


@pytest.mark.parametrize(
    "raw",
    [
        # Two different titles, and a code followed by a sentence: no seam.
        ONE_LINE_BODY + "Video Relawan Warta Dukung Program Video Sekolah Rakyat Dibuka di Kota Warta hari ini.",
        ONE_LINE_BODY + "Hasil itu dikutip dari laporan (red) yang terbit pekan lalu dan dibahas warga.",
    ],
)
def test_no_video_or_code_seam_without_a_doubled_title_or_closing_tags(raw: str) -> None:
    assert not [e for e in normalize_with_edits(raw)[1] if e.rule in ("boundary.marker_embed", "boundary.marker_credit")]


SEAMED = (
    "Direksi Warta Energi hadir di Dubai, Kamis.   Direktur Utama hadir bersama pejabat lain di sana pada pagi itu. "
    "Lagu baru itu memiliki paduan suara yang bernada bass.  Baca juga: Warta catatkan kemenangan terbanyak dalam "
    "sejarah   Tentu saja, ini bukanlah kejutan pertama bagi para penggemarnya di seluruh negeri.   Menurut dia, "
    "acara itu berlangsung meriah hingga malam hari dan dihadiri ribuan orang dari berbagai kota. "
) * 3


def test_runs_of_spaces_are_seams_where_the_scraper_joins_paragraphs_with_them() -> None:
    normalized, edits = normalize_with_edits(SEAMED)
    assert "Kamis.\nDirektur" in normalized
    assert "sejarah\n\nTentu saja" in normalized  # a related headline's end, shown by the run after it
    assert {e.rule for e in edits} == {"boundary.space_seam"}
    result = clean(SEAMED)
    assert "Warta catatkan" not in result.text
    assert "Tentu saja, ini bukanlah kejutan pertama" in result.text


def test_runs_of_spaces_that_are_link_holes_stay_spaces() -> None:
    """A scrape whose runs of spaces are mostly inside sentences (stripped links): none is a seam."""
    holes = (
        "Belasan  monumen tokoh berdiri di Jalan Artema. Mulai dari monumen  Taras Shevchenko hingga meriam di  "
        "Kremlin Moskow yang berukuran  lima meter. "
    ) * 8
    normalized, edits = normalize_with_edits(holes)
    assert "\n" not in normalized
    assert not edits


def test_an_agency_dateline_glued_after_a_pull_quote_starts_the_article() -> None:
    raw = (
        "Jumlah tiket itu masih bisa berubah untuk KA Warta JayaPalembang (ANTARA) - PT Kereta Warta mencatat "
        "22.670 tiket terjual.\n\nManajer Humas itu mengatakan hal tersebut di Palembang."
    )
    result = clean(raw)
    assert result.text.startswith("PT Kereta Warta mencatat")
    assert result.dateline is not None and result.dateline.city == "Palembang"
    # A name glued to a word in prose, with no agency after it, is no dateline.
    assert "\n" not in normalize("Ia bertemu warga diPalembang (Sumsel) pada Selasa pagi.")


def test_a_private_use_character_of_the_input_is_no_seam() -> None:
    """The mark for runs of spaces is a private-use character; one that the input holds stays as it was."""
    raw = "Teks di sini ya. Logo\ue000 ikon kedua muncul di layar."
    assert normalize(raw) == raw


@pytest.mark.parametrize("marker", MARKERS, ids=[f"{m[0]}:{m[1].pattern[:30]}" for m in MARKERS])
def test_a_marker_is_tried_where_its_matches_start(marker: tuple) -> None:
    """Every match of a marker's pattern starts with one of its `starts` literals (read off the pattern), so
    trying the pattern only where one occurs finds what the search finds."""
    _, pattern, _, _, literals, starts = marker
    if not starts:
        return
    if sys.version_info < (3, 11):  # pragma: no cover - the pattern facts need Python 3.11's parser
        pytest.skip("the pattern facts need Python 3.11's regular-expression parser")
    openings = pattern_facts.parsed(pattern.pattern, pattern.flags).openings(exact=True)
    assert openings is not None
    assert all(opening.startswith(starts) for opening in openings)
    text = " ".join(f"kata.{start}{literal} Berita" for start in starts for literal in literals)
    assert [m.span() for m in _marker_matches(pattern, starts, text)] == [m.span() for m in pattern.finditer(text)]


def _marker_matches(pattern, starts: tuple[str, ...], text: str) -> list:
    return matches_at(pattern, text, literal_starts(text, starts), None)


#: Characters that make and break the glue patterns: lowercase, capital and titlecase letters (ASCII and
#: not), digits (ASCII and not), brackets, sentence marks, commas, pipes, quotes, hashes, spaces and breaks.
GLUE_ALPHABET = "aAbZéÉǅ1٣)]([.!?,|\"“”#  \n"
glue_texts = st.text(alphabet=GLUE_ALPHABET, max_size=40)


@settings(max_examples=500, deadline=None)
@given(glue_texts)
def test_the_glue_gate_read_from_its_capital_agrees_with_the_gate(text: str) -> None:
    assert (boundaries.GLUE_GATE_BY_CAPITAL.search(text) is None) == (boundaries.GLUE_GATE.search(text) is None)


@settings(max_examples=500, deadline=None)
@given(glue_texts)
def test_comma_seams_tried_at_their_anchors_are_the_search_s_matches(text: str) -> None:
    for pattern, anchor in (
        (boundaries.COMMA_SEAM, boundaries.COMMA_SEAM_ANCHOR),
        (boundaries.COMMA_RUN_SEAM, boundaries.COMMA_RUN),
    ):
        found = boundaries._comma_seam_matches(text, pattern, anchor)
        assert [(m.span(), m.span(1)) for m in found] == [(m.span(), m.span(1)) for m in pattern.finditer(text)]


@settings(max_examples=500, deadline=None)
@given(glue_texts)
def test_sentence_glue_tried_before_its_points_is_the_search_s_matches(text: str) -> None:
    found = boundaries._sentence_glue_matches(text)
    assert [(m.span(), m.span(1)) for m in found] == [
        (m.span(), m.span(1)) for m in boundaries.SENTENCE_GLUE.finditer(text)
    ]


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="abAB1#@/._- \n", max_size=40))
def test_camel_seams_found_from_their_capitals_are_the_seams(text: str) -> None:
    capitals = [(m.start() - 1, m.end()) for m in boundaries.CAMEL_SEAM_CAPITAL.finditer(text)]
    assert capitals == [m.span() for m in boundaries.CAMEL_SEAM.finditer(text)]
    assert [m.span() for m in boundaries._camel_tokens(text)] == [m.span() for m in boundaries.CAMEL_GLUE.finditer(text)]


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="a. \u00a0\n\t\u2003", max_size=40))
def test_space_runs_tried_where_runs_of_spaces_start_are_the_search_s_matches(text: str) -> None:
    assert [m.span() for m in boundaries._space_runs(text)] == [m.span() for m in boundaries.SPACE_RUN.finditer(text)]



def _spans(match) -> tuple | None:
    return (match.span(), match.span(1)) if match is not None else None


@settings(max_examples=500, deadline=None)
@given(
    st.lists(st.sampled_from(["kata", "Kata", " ", "(nkm)", "(ab/cd)", "(x)", "-", "1", ".", "\n", "(", ")"]))
    .map("".join),
    st.integers(min_value=0, max_value=60),
)
def test_the_tail_code_tried_before_its_parentheses_is_the_search_s_match(text: str, start: int) -> None:
    start = min(start, len(text))
    assert _spans(boundaries._tail_credit_match(text, start)) == _spans(boundaries.TAIL_CREDIT_CODE.search(text, start))
