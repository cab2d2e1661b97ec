"""The per-paragraph gates of the rules (`Rule.first_chars`, `Rule.needs`) never reject a text the pattern matches.

A gate that is wrong would silently switch its rule off, so each is checked against its pattern: `first_chars`
against every character of the Basic Multilingual Plane that can start a match (the `regex` module's partial
matching says which), `needs` against every positive case of the rule tests.
"""

import re

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st
from test_rules import POSITIVES

from newsclean import normalize
from newsclean.cleaner.gates import (
    first_gate_char,
    gate_head,
    gate_text,
    may_match_paragraph,
    may_open_with_dateline,
    may_open_with_related_label,
)
from newsclean.cleaner.inline import (
    RELATED_INLINE,
    RELATED_TRIGGER,
    RELATED_TRIGGER_REVERSED,
    related_inline_matches,
    rule_matches,
)
from newsclean.cleaner.lead import (
    GLUED_DATELINE_GATE,
    GLUED_DATELINES,
    STRONG_DATELINE_NAMES,
    STRONG_DATELINE_SEPARATOR,
    WORD_KEY,
    holds_strong_separator,
    may_hold_glued_dateline,
    teaser_probe,
)
from newsclean.cleaner.lines import RELATED_AT_START
from newsclean.cleaner.regexes import literal_starts, search_at
from newsclean.cleaner.selection import RULE_KINDS, enabled_rules
from newsclean.cleaner.tail import CREDIT_THEN_TAGS
from newsclean.config import CleanConfig
from newsclean.patterns import (
    ALL_RULES,
    CREDIT_CODE_OPENINGS,
    RELATED_LABEL_FIRST_CHARS,
    RELATED_LABEL_OPENINGS,
    RULE_NAMES,
)
from newsclean.patterns.outlets import DASH_CHARS, NAMED_OUTLETS
from newsclean.repeats import casefolded_words

GATED_BY_FIRST_CHAR = [r for r in ALL_RULES if r.first_chars]
GATED_BY_NEEDS = [r for r in ALL_RULES if r.needs or r.also_needs]
GATED_BY_OPENING = [r for r in ALL_RULES if r.opens_with is not None]
#: Pieces of dateline-like openings, for texts that the brand patterns come close to matching.
DATELINE_PIECES = st.sampled_from(
    [
        *NAMED_OUTLETS,
        *(".com", ".co.id", ".ID", "-", " - ", "–", ", ", ",", " ", "\t", "(", ")", "(ANTARA)", "/", "'", "’"),
        *("JAKARTA", "Jakarta", "Kuala Lumpur", "d'", "de", "al", "Harga", "é", "_", ".", "23", "Februari", "NTB"),
    ]
)
#: Every BMP character except surrogates.
BMP = [chr(code) for code in range(0x10000) if not 0xD800 <= code <= 0xDFFF]


@pytest.mark.parametrize("rule", GATED_BY_FIRST_CHAR, ids=lambda r: r.name)
def test_first_chars_admit_every_possible_first_character(rule) -> None:
    starters = [c for c in BMP if rule.pattern.match(c, partial=True)]
    assert starters, "the probe found no character that can start a match"
    rejected = [c for c in starters if not may_match_paragraph(rule, gate_text(c))]
    assert rejected == []


@pytest.mark.parametrize("rule", GATED_BY_NEEDS, ids=lambda r: r.name)
def test_needs_admit_every_positive_case(rule) -> None:
    removed = [expected for name, _, expected in POSITIVES if name == rule.name]
    assert removed, f"no positive case for {rule.name}"
    assert all(may_match_paragraph(rule, gate_text(text)) for text in removed)


def test_gates_only_on_scopes_that_use_them() -> None:
    assert all(r.scope in ("line", "lead") for r in GATED_BY_FIRST_CHAR)


def test_gate_text_lets_dotted_capital_i_match_i() -> None:
    assert "iklan" in gate_text("İKLAN")


@pytest.mark.parametrize("rule", GATED_BY_OPENING, ids=lambda r: r.name)
def test_opening_test_admits_every_positive_case(rule) -> None:
    """A lead rule's opening test admits the article, a line rule's the paragraph it removes."""
    texts = [expected if rule.scope == "line" else text for name, text, expected in POSITIVES if name == rule.name]
    assert texts, f"no positive case for {rule.name}"
    assert all(rule.opens_with(text) for text in texts)


@settings(max_examples=2000, deadline=None)
@given(st.lists(DATELINE_PIECES, min_size=1, max_size=8).map("".join))
def test_opening_test_admits_every_match(text: str) -> None:
    for rule in GATED_BY_OPENING:
        if rule.pattern.match(text):
            assert rule.opens_with(text), rule.name


#: The line rules tried only on paragraphs that start with one of their `starts_with` literals.
LINE_STARTS_WITH_RULES = [r for r in ALL_RULES if r.scope == "line" and r.starts_with]
LINE_OPENING_PIECES = st.sampled_from(
    [
        *("Editor", "editor", "EDITOR", "Editor Foto", "Copy Editor", "Laporan", "laporan", "Laporan Wartawan"),
        *("Tim", "tim", "Redaksi", "Oleh", "oleh", "A post shared by", "a post shared by", "Reporter", "Sumber"),
        *(":", " : ", " ", "  ", "\t", "Wartawan", "Rahmad", "X", "İ", "é", ".", "!", "Kompas.com"),
    ]
)


@pytest.mark.parametrize("rule", LINE_STARTS_WITH_RULES, ids=lambda r: r.name)
def test_line_openings_admit_every_positive_case(rule) -> None:
    removed = [expected for name, _, expected in POSITIVES if name == rule.name]
    assert removed, f"no positive case for {rule.name}"
    assert all(line.startswith(rule.starts_with) for line in removed)


@settings(max_examples=3000, deadline=None)
@given(st.lists(LINE_OPENING_PIECES, min_size=1, max_size=8).map("".join))
def test_line_openings_admit_every_match(text: str) -> None:
    assert LINE_STARTS_WITH_RULES
    for rule in LINE_STARTS_WITH_RULES:
        if rule.pattern.fullmatch(text):
            assert text.startswith(rule.starts_with), rule.name


#: The line and tail rules tried only on paragraphs whose closing test (`Rule.closes_with`) admits them.
CLOSING_RULES = [r for r in ALL_RULES if r.closes_with is not None]
CLOSING_PIECES = st.sampled_from(
    [
        *("(", ")", ").", ".", " ", "  ", "\n", "Foto", "foto:", "FOTO", "Image by", "image  by", "dok.", "Dok", "ist"),
        *("Istimewa", "AP Photo", "Antara Foto", "Shutterstock", "Sumber", "Reuters", "AFP", "Instagram", "Twitter"),
        *("TribunNews", "WARTAKITA.COM/", "Warta.co.id /", "warta.com", "/", "Andi", "kata", "ujarnya", ",", '"', "”"),
        *("Wali Kota Cimahi", "9/6/2025", "Senin", "ſ", "İ", "ﬆ", "-", "x" * 60, "a" * 101),
        *("RINA", "SARI", "DEWI", "A.S.", "IV", "MMI", " | ", "|", "’", "O’NEIL", "ǅ", "ÆSOP", "ß", "ﬁ"),
    ]
)
CAPITAL_WORDS = st.sampled_from(["RINA", "SARI", "A.", "A.S.", "DEWI", "O’NEIL", "IV", "ÆSOP", "Rina", "|", ","])
#: Texts shaped like the rules' matches (words, an opening parenthesis, pieces, a closing one; a sentence end
#: and words in capitals), and any mix.
CLOSING_TEXTS = st.one_of(
    st.lists(CLOSING_PIECES, min_size=1, max_size=10).map("".join),
    st.tuples(
        st.lists(CLOSING_PIECES, max_size=6).map("".join),
        st.lists(CLOSING_PIECES, min_size=1, max_size=4).map("".join),
        st.sampled_from([")", ").", ") ", ")).", ""]),
    ).map(lambda parts: f"{parts[0]}({parts[1]}{parts[2]}"),
    st.tuples(
        st.lists(CLOSING_PIECES, max_size=4).map("".join),
        st.sampled_from([". ", ".", "\n", "", "” ", ". \t"]),
        st.lists(CAPITAL_WORDS, min_size=1, max_size=6).map(" ".join),
        st.sampled_from(["", " ", ".", "\n"]),
    ).map("".join),
)


@pytest.mark.parametrize("rule", CLOSING_RULES, ids=lambda r: r.name)
def test_closing_tests_admit_every_positive_case(rule) -> None:
    removed = [expected for name, _, expected in POSITIVES if name == rule.name]
    assert removed, f"no positive case for {rule.name}"
    assert all(rule.closes_with(text) for text in removed)


@settings(max_examples=5000, deadline=None)
@given(CLOSING_TEXTS)
def test_closing_tests_admit_every_match(text: str) -> None:
    """A line rule's test admits every line its pattern matches whole, a tail rule's every paragraph its
    pattern finds a match in (at the paragraph's end)."""
    assert {rule.scope for rule in CLOSING_RULES} == {"line", "tail"}
    for rule in CLOSING_RULES:
        matched = rule.pattern.fullmatch(text) if rule.scope == "line" else rule.pattern.search(text)
        if matched:
            assert rule.closes_with(text), rule.name


def test_related_link_line_gate_admits_every_possible_first_character() -> None:
    starters = [c for c in BMP if RELATED_AT_START.match(c, partial=True)]
    assert starters
    assert [c for c in starters if gate_text(c)[:1] not in RELATED_LABEL_FIRST_CHARS] == []


LEAD_RULES = [r for r in ALL_RULES if r.scope == "lead"]


def test_dash_chars_are_the_unicode_dashes() -> None:
    every_char = "".join(map(chr, range(0x110000)))
    assert set(DASH_CHARS) == set(regex.findall(r"\p{Pd}", every_char))


@pytest.mark.parametrize("rule", LEAD_RULES, ids=lambda r: r.name)
def test_dateline_opening_admits_every_positive_case(rule) -> None:
    texts = [normalize(text) for name, text, _ in POSITIVES if name == rule.name]
    matched = [text for text in texts if rule.pattern.match(text)]
    assert matched, f"no positive case of {rule.name} matches at the start"
    assert all(may_open_with_dateline(text) for text in matched)


@settings(max_examples=3000, deadline=None)
@given(
    st.lists(DATELINE_PIECES | st.sampled_from([*DASH_CHARS, ";", ":", ".", "“", "A"]), min_size=1, max_size=8).map(
        "".join
    )
)
def test_dateline_opening_admits_every_lead_match(text: str) -> None:
    if any(rule.pattern.match(text) for rule in LEAD_RULES):
        assert may_open_with_dateline(text)


def test_related_label_opening_folds_every_case_variant_of_its_letters() -> None:
    letters = sorted(set("".join(RELATED_LABEL_OPENINGS)) - {"-"})
    for letter in letters:
        pattern = regex.compile(f"(?i:{letter})", regex.V1)
        variants = [c for c in BMP if pattern.fullmatch(c)]
        assert [c for c in variants if gate_text(c).replace("ı", "i") != letter] == [], letter


@settings(max_examples=2000, deadline=None)
@given(
    st.lists(
        st.sampled_from(["Baca", "BACA", "baca", "juga", "JUGA", "Lİhat", "lıhat", "Simak", " ", "-", ":", "Berita"])
        | st.sampled_from(
            ["terkait", "Artikel", "pula", "ini", "Saksikan", "Tonton", "Related", "news", "x", "\u0307"]
        ),
        min_size=1,
        max_size=6,
    ).map("".join)
)
def test_related_label_opening_admits_every_label(text: str) -> None:
    match = RELATED_AT_START.match(text)
    if match and match.end() > 0:
        assert may_open_with_related_label(text)
        assert may_open_with_related_label(text, first_gate_char(text))


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet=st.sampled_from(["a", "B", "\u0307", "İ", "ß", "ﬆ", "ı", " ", "-"])), st.integers(1, 12))
def test_gate_head_is_the_start_of_the_gate_text(text: str, chars: int) -> None:
    head, whole = gate_head(text, chars), gate_text(text)
    assert whole.startswith(head)
    assert len(head) >= min(chars, len(whole))


STRONG_RULES = [r for r in LEAD_RULES if r.name in STRONG_DATELINE_NAMES]


@settings(max_examples=3000, deadline=None)
@given(
    st.lists(DATELINE_PIECES | st.sampled_from([*DASH_CHARS, ";", ":", ".", "“", "A", "Berita"]), min_size=1, max_size=9).map(
        "".join
    )
)
def test_every_strong_dateline_holds_a_dash_or_colon(text: str) -> None:
    """`STRONG_DATELINE_SEPARATOR` lets a paragraph without a dash or colon skip the strong and glued searches."""
    if STRONG_DATELINE_SEPARATOR.search(text) is None:
        assert not any(rule.pattern.match(text) for rule in STRONG_RULES)
        assert not any(pattern.search(text) for _, pattern in GLUED_DATELINES)


@pytest.mark.parametrize("rule", STRONG_RULES, ids=lambda r: r.name)
def test_strong_dateline_positives_lose_their_match_without_separators(rule) -> None:
    texts = [normalize(text) for name, text, _ in POSITIVES if name == rule.name]
    matched = [text for text in texts if rule.pattern.match(text)]
    assert matched
    for text in matched:
        match = rule.pattern.match(text)
        assert STRONG_DATELINE_SEPARATOR.search(match.group())
        assert not rule.pattern.match(STRONG_DATELINE_SEPARATOR.sub(" ", text))


@settings(max_examples=1000, deadline=None)
@given(st.text(st.sampled_from([*DASH_CHARS, ":", "a", " ", "é", "中"]), max_size=30), st.integers(0, 35))
def test_holds_strong_separator_is_the_class_search(text: str, end: int) -> None:
    assert holds_strong_separator(text, end) == (STRONG_DATELINE_SEPARATOR.search(text, 0, end) is not None)


@settings(max_examples=3000, deadline=None)
@given(
    st.lists(
        DATELINE_PIECES | st.sampled_from(["Times", "VIVA", "INDOPOST", "Indonesia", ":", "\u2013", "a)", ".id", "x"]),
        max_size=10,
    ).map("".join)
)
def test_glued_dateline_gate_in_pieces_is_the_gate(text: str) -> None:
    assert may_hold_glued_dateline(text) == (GLUED_DATELINE_GATE.search(text) is not None)


#: The inline rules tried only where a match can start (`starts_after` or `starts_with`).
STARTS_AFTER_RULES = [r for r in ALL_RULES if r.scope == "inline" and (r.starts_after or r.starts_with)]
#: The tail rules searched only where a match can start.
TAIL_STARTS_WITH_RULES = [r for r in ALL_RULES if r.scope == "tail" and r.starts_with]
#: Pieces of calls to action, sentence ends, quotes and spaces: texts where the opening matters.
CALL_TO_ACTION_PIECES = st.sampled_from(
    [
        *("Ikuti", "Baca", "Cek", "Cek Fakta", "Jangan lewatkan", "Yuk", "Gabunglah", "ikuti", "berita"),
        *(" WhatsApp", " Channel", " Google News", " apps", " app", "Kompas.com", " di", " kami"),
        *(".", "!", "?", '"', "”", ")", "(", " ", "  ", "\n", "\t", "...", "www.x", "é"),
        *("Foto", "FOTO", "Video", ":", " : ", "/", "detikcom", "Sitti Harlina", "Tim"),
        *("Baca juga", "Jangan\nlewatkan", " ſaluran", " İnstagram", " WHATSAPP", " Play Store", "?", "!"),
    ]
)


def test_starts_after_only_on_inline_rules() -> None:
    assert STARTS_AFTER_RULES
    assert all(r.scope == "inline" for r in ALL_RULES if r.starts_after)
    assert all(r.scope in ("inline", "tail", "line") for r in ALL_RULES if r.starts_with)


#: Pieces of credit codes and the sentences they end.
CREDIT_PIECES = st.sampled_from(
    [
        *("(", ")", "[", "]", "esn/indo", "kpl", "/", "*", "end", "30/8", "Sputnik", "eko"),
        *(".", " ", "  ", "\n", "kata dia", "mahasiswa demo", "Randi", "é", "”", "!", "1"),
    ]
)


@settings(max_examples=3000, deadline=None)
@given(st.lists(CREDIT_PIECES, max_size=14).map("".join))
def test_tail_searches_from_their_starts_are_the_search(text: str) -> None:
    """Searching a tail pattern only where its `starts_with` literals occur finds the search's leftmost match."""
    searches = [(rule.pattern, rule.starts_with) for rule in TAIL_STARTS_WITH_RULES]
    for pattern, literals in [*searches, (CREDIT_THEN_TAGS, CREDIT_CODE_OPENINGS)]:
        found = search_at(pattern, text, literal_starts(text, literals))
        expected = pattern.search(text)
        assert (found and found.span()) == (expected and expected.span())


def test_tail_rules_searched_from_their_starts_match_their_positive_cases() -> None:
    assert TAIL_STARTS_WITH_RULES
    for rule in TAIL_STARTS_WITH_RULES:
        texts = [text for name, text, _ in POSITIVES if name == rule.name]
        assert texts
        for text in texts:
            expected = rule.pattern.search(text)
            found = search_at(rule.pattern, text, literal_starts(text, rule.starts_with))
            assert expected and found and found.span() == expected.span()


@pytest.mark.parametrize("rule", STARTS_AFTER_RULES, ids=lambda r: r.name)
def test_opening_matches_are_the_search_on_positive_cases(rule) -> None:
    texts = [text for name, text, _ in POSITIVES if name == rule.name]
    assert texts
    for text in texts:
        expected = [m.span() for m in rule.pattern.finditer(text)]
        assert expected and [m.span() for m in rule_matches(rule, text, None)] == expected


@settings(max_examples=3000, deadline=None)
@given(st.lists(CALL_TO_ACTION_PIECES, max_size=16).map("".join))
def test_opening_matches_are_the_search(text: str) -> None:
    """Trying a pattern only where its `starts_after` matches end (or its `starts_with` literals occur) finds what
    a search at every position finds."""
    for rule in STARTS_AFTER_RULES:
        assert not rule.pattern.match("")
        expected = [m.span() for m in rule.pattern.finditer(text)]
        assert [m.span() for m in rule_matches(rule, text, None)] == expected
        assert [m.span() for m in rule_matches(rule, text, None, gate_text(text))] == expected


@settings(max_examples=3000, deadline=None)
@given(
    st.lists(
        st.sampled_from(["Baca", "BERITA", "berita", "lihat", "Related", "saKSikan", "membaca", "bacaan", "Bac", "a"])
        | st.sampled_from([" ", "  ", "\n", "\t", ":", "：", " : ", "juga", "Juga", "x1", "_", "-", ".", "ı", "İ", "ſ", "K"]),
        max_size=14,
    ).map("".join)
)
def test_related_trigger_read_backwards_is_the_forward_search(text: str) -> None:
    assert (RELATED_TRIGGER_REVERSED.search(text[::-1]) is not None) == (RELATED_TRIGGER.search(text) is not None)


def test_whitespace_of_regex_is_whitespace_of_re() -> None:
    """`starts_after` (stdlib `re`) may skip `\\s` where a rule's pattern (`regex`) does."""
    regex_space = regex.compile(r"\s", regex.V1)
    re_space = re.compile(r"\s")
    spaces = [chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF and regex_space.match(chr(c))]
    assert spaces and all(re_space.match(c) for c in spaces)


def test_first_gate_char_is_the_gate_texts_first_character() -> None:
    for char in BMP[::7] + [chr(c) for c in range(128)] + ["\u0130", "\u00df", "\ufb01", "\u212a"]:
        for text in (char, char + "a", char + "\u0307b"):
            assert first_gate_char(text) == gate_text(text)[:1], repr(text)


def test_rule_kinds_are_the_catalogues() -> None:
    """`enabled_rules` answers for a catalogue rule by its kind, for an engine rule by its name's first part."""
    assert set(RULE_KINDS) == set(RULE_NAMES)
    assert all(RULE_KINDS[rule.name] == rule.kind for rule in ALL_RULES)
    assert RULE_KINDS["footer.google_news"] == "promo"


def test_enabled_rules_are_the_configs_answers() -> None:
    configs = [
        CleanConfig(),
        CleanConfig(disabled_kinds=frozenset({"related", "caption", "promo"})),
        CleanConfig(disabled_rules=frozenset({"repeat.paragraph", "dateline.brand_city", "tags.after_credit"})),
    ]
    for config in configs:
        names = enabled_rules(config)[1]
        assert names == {name for name, kind in RULE_KINDS.items() if config.enabled(name, kind)}
        assert ("related.line" in names) == ("related" not in config.disabled_kinds)


def test_raw_needs_are_caseless_characters_no_other_folds_to() -> None:
    """A line gate tests single caseless needs (`(`, `©`) on the paragraph itself, not on its gate text."""
    from newsclean.cleaner.selection import _needs_on_raw_text

    raw = {need for rule in ALL_RULES if rule.scope == "line" and rule.needs and _needs_on_raw_text(rule) for need in rule.needs}
    assert raw == {"(", "©"}
    for need in raw:
        assert [c for c in map(chr, range(0x110000)) if need in gate_text(c)] == [need]


@settings(max_examples=2000, deadline=None)
@given(
    st.lists(st.sampled_from(["Harga", "cabai", "naik", " ", "“", "é", "İstanbul", "i\u0307", "ß", "STRASSE", "_", "1"]), max_size=12).map("".join),
    st.integers(0, 12),
    st.integers(0, 12),
)
def test_teaser_probe_lies_in_the_gate_text_when_the_key_does(text: str, cut_start: int, cut_end: int) -> None:
    """`_teaser_repeating_lead` skips a second paragraph whose gate text lacks the first one's probe word."""
    second_key = casefolded_words(text, WORD_KEY)
    first_key = second_key[cut_start : len(second_key) - cut_end]  # any part of it, even mid-word
    assert teaser_probe(first_key) in gate_text(text)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["harga", "naik", "ab", "abc", "i\u0307", "xi\u0307y", "", "cabai"]), max_size=8).map(" ".join))
def test_teaser_probe_is_the_first_longest_word_without_the_dot_above(key: str) -> None:
    """The loop in `teaser_probe` answers as `max` does: the first of the longest words, "" when there is none."""
    expected = max((word for word in key.split(" ") if "\u0307" not in word), key=len, default="")
    assert teaser_probe(key) == expected


@settings(max_examples=3000, deadline=None)
@given(
    st.lists(
        st.sampled_from(["Baca", "baca", "bacartikel", "tontonton", "juga", "Juga", "JUGA", "artikel", "terkait"])
        | st.sampled_from(["lainnya", "Berita", "Related", "video", "simak", "ſimak", "saKSikan", "Judul Berita"])
        | st.sampled_from([" ", "  ", ":", "：", " - ", "-", ".", "”", "(", ")", "x", "Y", "é"]),
        max_size=16,
    ).map("".join)
)
def test_related_inline_matches_are_the_full_search(text: str) -> None:
    """Trying `RELATED_INLINE` only at its possible starts finds what a search over every position finds."""
    assert [m.span() for m in related_inline_matches(text)] == [m.span() for m in RELATED_INLINE.finditer(text)]
