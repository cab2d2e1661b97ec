"""Every speed hint of every rule follows from the rule's pattern: a hint a match could break is a test failure.

The facts come from `newsclean.cleaner.pattern_facts`, which reads them off the parsed pattern; these tests
fail when a new rule's `triggers`, `needs`, `also_needs`, `first_chars`, `starts_with` or `ends_with` is not
implied by its pattern. Hints that are functions (`opens_with`, `starts_after`) are held to their patterns by the
property tests of tests/test_rule_gates.py and, with everything else, by the reference engine
(tests/test_reference.py).
"""

from __future__ import annotations

import sys

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean.patterns import ALL_RULES, Rule
from newsclean.patterns.base import rule as make_rule

pattern_facts = pytest.importorskip("newsclean.cleaner.pattern_facts")
if sys.version_info < (3, 11):  # pragma: no cover - the parser of 3.10 lacks possessive repeats
    pytest.skip("the pattern facts need Python 3.11's regular-expression parser", allow_module_level=True)

from newsclean.cleaner.pattern_facts import (  # noqa: E402
    SEPARATOR,
    contains_one_of,
    letterish,
    parsed,
    triggers_hold,
)


def _facts(rule: Rule) -> pattern_facts.Pattern:
    """The rule's pattern as the engine applies it: a line rule matches a whole (stripped) paragraph, so a
    paragraph break or the text's edge stands on both sides of its match."""
    source = rule.pattern.pattern
    if rule.scope == "line":
        source = f"^(?:{source})$"
    return parsed(source, rule.pattern.flags)


def _hint_errors(rule: Rule) -> list[str]:
    facts = _facts(rule)
    errors = []
    if rule.needs and not facts.implies(contains_one_of(rule.needs)):
        errors.append(f"needs {rule.needs} are not implied by the pattern")
    if rule.also_needs and not facts.implies(contains_one_of(rule.also_needs)):
        errors.append(f"also_needs {rule.also_needs} are not implied by the pattern")
    if rule.triggers and not facts.implies(triggers_hold(rule.trigger_words, rule.trigger_substrings)):
        errors.append(f"triggers {rule.triggers} are not implied (a word trigger must be a whole word in every match)")
    if rule.first_chars:
        firsts = facts.first_characters()
        if firsts is None or not firsts <= set(rule.first_chars):
            errors.append(f"first_chars {rule.first_chars!r} do not admit every opening: {sorted(firsts or ['any'])}")
    if rule.starts_with:
        openings = facts.openings(exact=True)
        if openings is None or not all(opening.startswith(rule.starts_with) for opening in openings):
            errors.append(f"starts_with {rule.starts_with} do not open every match: {sorted(openings or ['any'])}")
    if rule.ends_with:
        endings = facts.endings()
        if endings is None or not all(ending.endswith(rule.ends_with) for ending in endings):
            errors.append(f"ends_with {rule.ends_with} do not end every match: {sorted(endings or ['any'])}")
    return errors


@pytest.mark.parametrize("rule", ALL_RULES, ids=[r.name for r in ALL_RULES])
def test_every_hint_is_implied_by_its_pattern(rule: Rule) -> None:
    assert not _hint_errors(rule)


#: Hints that were wrong (or would be): the check must catch each.
WRONG_HINTS = [
    # The glued photo source of `GoogleIlustrasi ...`: `ilustrasi` is no whole word there.
    ("caption.illustration_line", "line", r"[\p{L}\d./]{0,30}?Ilustrasi\b[^.!?\n]{0,150}", {"trigger": ("ilustrasi",)}),
    # `ADVERTISEMENTCopyright 2024`: the notice may be glued to what precedes it.
    ("footer.line", "line", r"[^\n]{0,40}(?:Copyright|Hak\s+Cipta)[^\n]{0,300}", {"trigger": ("copyright", "cipta")}),
    # `(dokter)`: a label without a word end matches longer words.
    ("caption.credit_parenthesis", "inline", r"\((?:Foto|dok)\s*[/:.]?\s*[^()\n]{1,80}\)", {"trigger": ("dok", "foto")}),
    # `Bacajuga`: `\s*` lets the label's words run together.
    ("related.label_only", "line", r"(?i:baca\s*juga)\s*:?", {"trigger": ("baca",)}),
    ("caption.photo_line", "line", r"(?i:foto|dok)\s*:[^\n]{0,250}", {"first_chars": "f"}),
    ("credit.trailing_code", "tail", r"(?<=[.!?]\s{0,3})\((?i:kpl)/\w+\)\s*$", {"starts_with": ("(kpl",)}),
    ("ad.scroll_to_continue", "inline", r"SCROLL\s+TO\s+CONTINUE", {"needs": ("scroll to",)}),
    ("promo.slogan", "inline", r"(?i:kalau|kalo)\s+bukan\s+sekarang", {"needs": ("kalau",)}),
    # `\.?` may end a match after the parenthesis; `[.)]` ends it with either alone.
    ("caption.credit_parenthesis_line", "line", r"[^\n]{0,200}\(foto[^()\n]{0,100}\)\.?", {"ends_with": (")",)}),
    ("credit.code_line", "line", r"\([a-z]{2,8}[.)]", {"ends_with": (")", ").")}),
    ("other.none_placeholder", "line", r"(?i:none)", {"ends_with": ("none",)}),
]


@pytest.mark.parametrize(("name", "scope", "pattern", "hints"), WRONG_HINTS, ids=[w[0] for w in WRONG_HINTS])
def test_a_hint_the_pattern_does_not_imply_is_caught(name: str, scope: str, pattern: str, hints: dict) -> None:
    wrong = make_rule(name, "other", scope, pattern, "a test rule", **hints)  # type: ignore[arg-type]
    assert _hint_errors(wrong)


RIGHT_HINTS = [
    ("a", "line", r"(?i:advertisement|iklan)\.?", {"trigger": ("~advertis", "iklan"), "first_chars": "ai"}),
    ("b", "inline", r"(?<![\p{L}])(?i:whatsapp|telegram)(?![\p{L}])", {"trigger": ("whatsapp", "telegram")}),
    ("c", "inline", r"\[Gambas:[^\]\n]{1,60}\]", {"needs": ("[gambas:",), "trigger": ("~gambas",)}),
    ("d", "line", r"A post shared by [^\n]{1,100}", {"starts_with": ("A post",), "first_chars": "a"}),
    ("e", "inline", r"(?:(?<=^)|(?<=[.!?]\s?))(?:Foto|Video)\s*:", {"starts_with": ("Foto", "Video")}),
    ("f", "line", r"[^\n]{0,200}\((?i:foto|dok)\b[^()\n]{0,100}\)\.?(?=\s|$)", {"ends_with": (")", ").")}),
    ("g", "line", r"(?:Ikuti|Follow) (?:kami|us)(?: di Google News)?", {"ends_with": ("kami", "us", "News")}),
]


@pytest.mark.parametrize(("name", "scope", "pattern", "hints"), RIGHT_HINTS, ids=[r[0] for r in RIGHT_HINTS])
def test_a_hint_the_pattern_implies_passes(name: str, scope: str, pattern: str, hints: dict) -> None:
    right = make_rule(name, "other", scope, pattern, "a test rule", **hints)  # type: ignore[arg-type]
    assert not _hint_errors(right)


def test_letterish_characters_are_those_the_trigger_scan_must_not_trust() -> None:
    """Outside ASCII, the characters that lower or case-fold to an ASCII letter, or that `regex` matches to
    one ignoring case, are exactly the ones whose presence makes the engine select every rule."""
    from newsclean.cleaner.selection import TRIGGER_UNSAFE_CHARS

    outside_ascii = {char for char in letterish() if not char.isascii()}
    assert outside_ascii == set(TRIGGER_UNSAFE_CHARS) - {"\u0307"}
    assert all(regex.fullmatch(r"\p{L}", char) for char in letterish())


def test_a_separator_is_no_letter() -> None:
    assert SEPARATOR not in letterish()


def test_the_signature_line_bound_is_the_longest_line_its_pattern_matches() -> None:
    from newsclean.cleaner.tail import SIGNATURE_LINE, SIGNATURE_LINE_MAX_CHARS

    assert parsed(SIGNATURE_LINE.pattern).tree.getwidth()[1] == SIGNATURE_LINE_MAX_CHARS


LABEL_PIECES = ("baca", "Baca", "BACA", "juga", "Juga", "lihat", "berita", "terkait", "artikel", "lainnya", "ini",
                "deh", "video", "related", "news", "menarik", " ", "  ", "", ":", "：", "-", "x", "İ", "\u00a0")


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(LABEL_PIECES), max_size=12).map("".join))
def test_every_glued_related_link_holds_the_related_trigger(text: str) -> None:
    """The engine looks for glued related links only in paragraphs the trigger admits: it must admit every
    paragraph where `RELATED_INLINE` matches (`Bacajuga:`, `baca ini juga deh video:`)."""
    from newsclean.cleaner.inline import RELATED_INLINE, RELATED_TRIGGER

    if RELATED_INLINE.search(text):
        assert RELATED_TRIGGER.search(text)
