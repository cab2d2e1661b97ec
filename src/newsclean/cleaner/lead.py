"""The lead zone: the dateline in the first body paragraphs (at a paragraph's start, or glued inside the
first), the caption, byline or credit before it, and a teaser that the lead repeats.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

import regex

from ..patterns import ALL_RULES, GLUED_DATELINE_NAMES
from ..patterns.base import Rule
from ..patterns.outlets import AGENCY_NAME, DASH_CHARS, NAMED_OUTLET_FIRST_WORDS, TLDS
from ..patterns.words import SPEECH_ENDING_VERBS
from ..repeats import casefolded_words
from .gates import holds_dash, may_open_with_brand, may_open_with_brand_then_dash, may_open_with_dateline
from .records import ArticleState, DatelineFound
from .regexes import regex_match, regex_search, regex_timeout

LEAD_PARAGRAPHS = 4
GLUED_DATELINE_WINDOW = 400
#: A dateline at the start of a paragraph is looked for in its first 300 characters. The longest dateline in the
#: 50,000-article sample is 61 characters; the bound keeps the lead patterns' prefilters (`CITY_THEN_PARENTHESIS`
#: scans to the next parenthesis) from reading whole paragraphs.
DATELINE_WINDOW = 300
#: A teaser or caption that the lead repeats is short: at most this many characters, and at least this many
#: characters of words (a shorter first paragraph is a subheading or a name, which a lead often repeats).
MAX_TEASER_CHARS = 300
MIN_TEASER_KEY = 30
WORD_KEY = regex.compile(r"[^\W_]+")


GLUED_DATELINES = tuple(
    (r, regex.compile(r"(?<=[\s.)\]])" + r.pattern.pattern[1:], regex.V1))
    for r in ALL_RULES
    if r.name in GLUED_DATELINE_NAMES
)
#: Where a glued dateline that opens with a brand can start: after a non-word character (the glued patterns'
#: lookbehind admits whitespace, `.`, `)` and `]`), at text that `may_open_with_brand` would admit. Trying the
#: pattern at these few positions replaces its search over the whole window.
#: The opening tests that require a brand first (`may_open_with_brand` admits every text they admit).
OPENS_WITH_BRAND = (may_open_with_brand, may_open_with_brand_then_dash)
GLUED_BRAND_START = re.compile(
    r"(?<=\W)(?=\w[\w-]{0,30}\.|"
    + "|".join(re.escape(word) for word in sorted(NAMED_OUTLET_FIRST_WORDS, key=len, reverse=True))
    + ")"
)
#: A dateline that ends with a domain brand (`TRIBUNJATENG.COM`), which a glued hyphen may follow.
ENDS_WITH_DOMAIN = regex.compile(rf"\.{TLDS}$", regex.V1)
#: A glued dateline needs a domain-like brand, a parenthesised agency or one of a few outlet names, then a
#: dash or colon: a cheap test first. `GLUED_DATELINE_GATE` says it in one pattern; `may_hold_glued_dateline`
#: asks the same in pieces that each open with a literal (`re` then skips to that character instead of trying
#: an alternation at every position), checked equal by a property test.
GLUED_DATELINE_GATE_TAIL = r"\s*,?\s*[^\s]{0,30}\s*[-\u2010-\u2015:]"
GLUED_DATELINE_GATE = re.compile(
    r"(?:\.[A-Za-z]{2,6}|[A-Za-z]\)|Indonesia|Times|VIVA|INDOPOST)" + GLUED_DATELINE_GATE_TAIL
)
_GATE_AFTER_DOMAIN = re.compile(r"\.[A-Za-z]{2,6}" + GLUED_DATELINE_GATE_TAIL)
#: (The letter before the parenthesis is looked behind for after it: opening with the lookbehind made `re` test
#: it at every position of a window with a parenthesis, instead of only at its closing parentheses.)
_GATE_AFTER_PARENTHESIS = re.compile(r"\)(?<=[A-Za-z]\))" + GLUED_DATELINE_GATE_TAIL)
_GATE_AFTER_NAME = tuple(
    (name, re.compile(name + GLUED_DATELINE_GATE_TAIL)) for name in ("Indonesia", "Times", "VIVA", "INDOPOST")
)


def may_hold_glued_dateline(window: str) -> bool:
    """`GLUED_DATELINE_GATE.search(window) is not None`, asked piece by piece."""
    return (
        _GATE_AFTER_DOMAIN.search(window) is not None
        or (")" in window and _GATE_AFTER_PARENTHESIS.search(window) is not None)
        or any(name in window and pattern.search(window) is not None for name, pattern in _GATE_AFTER_NAME)
    )


#: The dateline rules tried after the first body paragraph's start: the glued ones and the brand-only one.
STRONG_DATELINE_NAMES = GLUED_DATELINE_NAMES | {"dateline.brand"}
#: Every strong dateline (the glued ones and `dateline.brand`) holds a dash (`\p{Pd}`: each pattern's `DASH`) or,
#: for `dateline.city_brand`, a colon. Most lead paragraphs after the first hold neither in their first
#: characters, and `holds_strong_separator` spares them the opening test and the rules (the lead is searched
#: again on every later pass); tests/test_rule_gates.py checks it against the patterns.
STRONG_DATELINE_SEPARATOR = re.compile("[" + re.escape(DASH_CHARS) + ":]")


def holds_strong_separator(text: str, end: int) -> bool:
    """Whether `text[:end]` holds a `STRONG_DATELINE_SEPARATOR`: a dash (`holds_dash`) or a colon."""
    return text.find(":", 0, end) >= 0 or holds_dash(text, end)


def _match_dateline(text: str, allow_weak: bool, state: ArticleState) -> DatelineFound | None:
    """The first lead rule (only the strong ones unless `allow_weak`) that matches a dateline at the start."""
    window = text[:DATELINE_WINDOW]
    lead_rules = state.rules["lead"]
    known = state.memo.dateline.get((window, allow_weak))
    if known is not None and known[0] is lead_rules:
        return known[1]
    found = _first_dateline(window, lead_rules if allow_weak else _strong_rules(lead_rules), inside=not allow_weak)
    state.memo.dateline[(window, allow_weak)] = (lead_rules, found)
    return found


@functools.lru_cache(maxsize=64)
def _strong_rules(lead_rules: tuple[Rule, ...]) -> tuple[Rule, ...]:
    return tuple(r for r in lead_rules if r.name in STRONG_DATELINE_NAMES)


def _first_dateline(window: str, lead_rules: tuple[Rule, ...], inside: bool) -> DatelineFound | None:
    """The first of `lead_rules` that matches a non-empty dateline at the start of `window`; `inside` when the
    window is not the start of the article, where a match must also be `is_plausible_inside`.

    Several rules share an opening test (`may_open_with_brand`); each test runs once. The window is far below
    `TIMEOUT_FREE_CHARS`, so no timeout is passed.
    """
    if (inside and not holds_strong_separator(window, len(window))) or not may_open_with_dateline(window):
        return None
    opening_tests: dict[Callable[[str], bool], bool] = {}
    for lead_rule in lead_rules:
        opens_with = lead_rule.opens_with
        if opens_with is not None:
            may_open = opening_tests.get(opens_with)
            if may_open is None:
                may_open = opening_tests[opens_with] = opens_with(window)
            if not may_open:
                continue
        match = lead_rule.pattern.match(window)
        if match and match.end() > 0 and (not inside or is_plausible_inside(lead_rule, match)):
            return lead_rule, match
    return None


def _glued_dateline(text: str, state: ArticleState) -> DatelineFound | None:
    if text in state.memo.glued_dateline:
        return state.memo.glued_dateline[text]
    found = _first_glued_dateline(text, state)
    state.memo.glued_dateline[text] = found
    return found


def _first_glued_dateline(text: str, state: ArticleState) -> DatelineFound | None:
    window = text[:GLUED_DATELINE_WINDOW]
    # The gate ends with a dash or colon, one of the strong separators: most windows hold none.
    if not holds_strong_separator(window, len(window)) or not may_hold_glued_dateline(window):
        return None
    best: DatelineFound | None = None
    brand_starts: list[int] | None = None
    for lead_rule, pattern in GLUED_DATELINES:
        if not state.enabled(lead_rule.name):
            continue
        if lead_rule.opens_with in OPENS_WITH_BRAND:
            if brand_starts is None:
                brand_starts = [found.start() for found in GLUED_BRAND_START.finditer(window)]
            match = _leftmost_glued_match(lead_rule, pattern, window, brand_starts)
        else:
            match = _leftmost_glued_match(lead_rule, pattern, window)
        if match and (best is None or match.start() < best[1].start()):
            best = (lead_rule, match)
    return best


def _leftmost_glued_match(
    lead_rule: Rule, pattern: regex.Pattern[str], text: str, starts: list[int] | None = None
) -> regex.Match[str] | None:
    """The leftmost match of `pattern` that `is_plausible_inside` accepts; `starts`, when given, holds (in
    ascending order) every position a match can start at, which spares a search over the whole text."""
    timeout = regex_timeout(text)
    if starts is not None:
        for start in starts:
            match = regex_match(pattern, text, start, timeout)
            if match and is_plausible_inside(lead_rule, match):
                return match
        return None
    position = 0
    while match := regex_search(pattern, text, position, timeout):
        if is_plausible_inside(lead_rule, match):
            return match
        position = match.start() + 1
    return None


def is_plausible_inside(lead_rule: Rule, match: regex.Match[str]) -> bool:
    """Whether a dateline found after the start of the article (glued into the first paragraph, or opening a
    later lead paragraph) reads as one.

    Why: past the article's first characters, a city and a parenthesis then a dash is more often prose than a
    dateline (`Amerika Serikat(AS)-Iran`, `Rute Denpasar (DPS) - Labuan Bajo`, `Surat Izin Mengemudi
    (SIM)-nya`), and taking it for one removes everything before it as a caption. There a dateline must end
    with a dash that is not a hyphen glued to words on both sides (except after a domain brand:
    `TRIBUNJATENG.COM-Nama`), and an agency dateline must name an agency or outlet in its parentheses
    (`(ANTARA)`, `(Antara/PRNewswire)`).
    """
    matched, text = match.group(), match.string
    glued_hyphen = (
        len(matched) > 1
        and matched[-1] in DASH_CHARS
        and not matched[-2].isspace()
        and matched[-2] not in DASH_CHARS
        and match.end() < len(text)
        and not text[match.end()].isspace()
    )
    if glued_hyphen and not ENDS_WITH_DOMAIN.search(matched, 0, len(matched) - 1):
        return False
    if lead_rule.name == "dateline.city_agency":
        return AGENCY_NAME.search(match.group("outlet") or "") is not None
    return True


#: Reported speech: a quotation closed after its punctuation, then a reporting verb (`...menyeduh damai,” kata
#: Umar Patek, ...`). Tribun opens some stories with a paragraph of speech above the dateline; a photo caption
#: never quotes anyone this way, so such a paragraph is prose and stays where the dateline found it.
REPORTED_SPEECH = regex.compile(
    rf"[,.!?][\"”’]\s*(?:{SPEECH_ENDING_VERBS})(?:nya)?\b",
    regex.V1,
)


def is_quoted_speech(text: str) -> bool:
    """Whether `text` quotes someone (`REPORTED_SPEECH`): prose, never a caption above the dateline."""
    return REPORTED_SPEECH.search(text) is not None


def strip_lead(state: ArticleState) -> None:
    """Find the dateline in the first body paragraphs; what stands before it is caption, byline or credit.

    Why: scrapers put a photo caption (often repeating the lead, as in the Indopost seed), a `(Sputnik)`
    photo credit or a `Laporan Wartawan ...` line above the dateline. The dateline marks where the article
    starts, so only paragraphs *before a found dateline* are removed; with no dateline nothing is.
    """
    live = state.live()[:LEAD_PARAGRAPHS]
    for position, index in enumerate(live):
        text = state.masked(index)
        if position and not holds_strong_separator(text, GLUED_DATELINE_WINDOW):
            continue  # only strong datelines count here, and they hold a separator (see there)
        found = _match_dateline(text, allow_weak=position == 0 and not state.memo.dateline_cut, state=state)
        offset = 0
        if found is None:
            glued = _glued_dateline(text, state)
            if glued is None:
                continue
            offset = glued[1].start()
            found = glued
        for earlier in live[:position]:
            if state.enabled("caption.before_dateline") and not is_quoted_speech(state.masked(earlier)):
                state.drop(earlier, "caption", "caption.before_dateline")
        if offset and state.enabled("caption.before_dateline") and not is_quoted_speech(text[:offset]):
            state.cut(index, 0, offset, "caption", "caption.before_dateline")
        _cut_datelines(state, index, found, offset)
        return
    _teaser_repeating_lead(state)


def _cut_datelines(state: ArticleState, index: int, found: DatelineFound, offset: int) -> None:
    """Cut the dateline, then any second one or dangling dash the scraper left right after it."""
    lead_rule, match = found
    groups = tuple((k, v) for k, v in match.groupdict().items() if v)
    end = match.end()
    state.cut(index, offset, end, "dateline", lead_rule.name, groups)
    text = state.paragraphs[index].text
    for _ in range(3):
        follow = _match_dateline(text[end : end + DATELINE_WINDOW], allow_weak=False, state=state)
        if follow is None or follow[1].end() == 0:
            break
        state.cut(index, end, end + follow[1].end(), "dateline", follow[0].name)
        end += follow[1].end()


def _teaser_repeating_lead(state: ArticleState) -> None:
    """A short first paragraph whose words all reappear at the start of the next is a caption or teaser.

    Why: Liputan6 (2016) and others open with the photo caption or RSS teaser, then the lead repeats it.
    Only a paragraph contained *whole* in the next one is removed, so a real first paragraph survives.
    """
    live = state.live()
    if len(live) < 2 or not state.enabled("caption.teaser_repeats_lead"):
        return
    first = state.masked(live[0])
    if len(first) > MAX_TEASER_CHARS:
        return
    first_key = casefolded_words(first, WORD_KEY)
    if len(first_key) < MIN_TEASER_KEY:
        return
    second = state.masked(live[1])
    if teaser_probe(first_key) not in state.memo.folded(second):
        return  # most leads: no need for the second paragraph's key
    if first_key in casefolded_words(second, WORD_KEY):
        state.drop(live[0], "caption", "caption.teaser_repeats_lead")


def teaser_probe(key: str) -> str:
    """A word of `key` that lies in a paragraph's gate text whenever `key` lies in the paragraph's key: the
    longest one without U+0307 (which `WORD_KEY` keeps inside a word and the gate text drops), or "".

    A loop rather than `max(..., key=len)`: compiled, it spares a call per word of every lead.
    """
    words = key.split(" ")
    if "\u0307" in key:
        words = [word for word in words if "\u0307" not in word]
    longest = ""
    for word in words:
        if len(word) > len(longest):
            longest = word
    return longest
