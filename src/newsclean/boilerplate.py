"""The boilerplate engine: applies the rules in `newsclean.patterns` to the paragraphs of one article.

Zones decide which rules may fire. The *lead* (the first body paragraph, and at most three paragraphs before
it) is where datelines live; the *tail* (the last body paragraph) is where credits and footers live; `line`
rules remove paragraphs that are nothing but an insert; `inline` rules remove inserts glued into prose. Each
removal is recorded with its rule and kind, and a removal can never reach outside its own paragraph.

A few shapes need more than one pattern and are written as functions here, each with its reason:
the headlines after a bare `Baca juga` label, the end of a headline glued into prose, the caption or teaser
before a dateline, and tag lines after an editor code.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from typing import Final

import regex

from .config import CleanConfig
from .paragraphs import Paragraph
from .patterns import (
    ALL_RULES,
    CAMEL_NAMES,
    CREDIT_CODE,
    CREDIT_CODE_OPENINGS,
    GLUED_DATELINE_NAMES,
    RELATED_LABEL,
    Rule,
    first_gate_char,
    gate_text,
    may_open_with_related_label,
    regex_timeout,
)
from .patterns.base import holds_any, regex_finditer, regex_fullmatch, regex_match, regex_search
from .patterns.outlets import (
    AGENCY_NAME,
    DASH_CHARS,
    NAMED_OUTLET_FIRST_WORDS,
    TLDS,
    holds_dash,
    may_open_with_brand,
    may_open_with_brand_then_dash,
    may_open_with_dateline,
)
from .patterns.selection import (
    FOLDED_NEEDS,
    NO_NEEDS,
    RAW_NEEDS,
    RuleSelection,
    enabled_rules,
    needle_lines,
    select_rules,
    triggered_bits,
)
from .repeats import casefolded_words

LEAD_PARAGRAPHS = 4
GLUED_DATELINE_WINDOW = 400
#: A dateline at the start of a paragraph is looked for in its first 300 characters. The longest dateline in the
#: 50,000-article sample is 61 characters; the bound keeps the lead patterns' prefilters (`CITY_THEN_PARENTHESIS`
#: scans to the next parenthesis) from reading whole paragraphs.
DATELINE_WINDOW = 300
MAX_HEADLINE_CHARS = 220
#: `Baca artikel menarik lainnya:` and `Berita terkait:` introduce a list of headlines glued together.
MAX_HEADLINE_LIST_CHARS = 600
LIST_LABEL = regex.compile(r"(?i:lainnya|terkait)\s*[:：]?\s*$")
MAX_HEADLINES_AFTER_LABEL = 4
TAIL_PASSES = 4
#: A teaser or caption that the lead repeats is short: at most this many characters, and at least this many
#: characters of words (a shorter first paragraph is a subheading or a name, which a lead often repeats).
MAX_TEASER_CHARS = 300
MIN_TEASER_KEY = 30

HEADLINE_SMALL_WORDS = frozenset(
    [
        "di",
        "ke",
        "dari",
        "dan",
        "yang",
        "untuk",
        "dengan",
        "pada",
        "dalam",
        "atau",
        "asal",
        "jadi",
        "vs",
        "oleh",
        "bagi",
        "tak",
        "hingga",
        "usai",
        "saat",
        "soal",
        "karena",
        "akan",
        "kini",
        "ini",
        "itu",
        "jelang",
        "lewat",
        "demi",
        "agar",
        "ala",
        "per",
        "the",
        "of",
        "and",
        "in",
        "on",
        "for",
        "to",
        "a",
    ]
)
#: Words that open an Indonesian sentence and almost never sit inside a title-case headline.
SENTENCE_OPENERS = frozenset(
    [
        "Sementara",
        "Bahkan",
        "Namun",
        "Selain",
        "Menurut",
        "Sebelumnya",
        "Kemudian",
        "Adapun",
        "Sedangkan",
        "Padahal",
        "Meski",
        "Meskipun",
        "Sejak",
        "Selanjutnya",
        "Dengan",
        "Hal",
        "Ia",
        "Dia",
        "Mereka",
        "Kami",
        "Saya",
        "Kita",
        "Diketahui",
        "Dikatakan",
        "Disebutkan",
        "Sebelum",
        "Setelah",
        "Sesuai",
        "Oleh",
        "Untuk",
        "Tak",
        "Tidak",
        "Pihaknya",
        "Terkait",
        "Hingga",
        "Dalam",
        "Pada",
        "Saat",
        "Ketika",
        "Kala",
        "Lalu",
        "Jika",
        "Apabila",
        "Karena",
        "Sebab",
        "Oleh",
        "Sebagaimana",
        "Seperti",
        "Sama",
        "Begitu",
        "Demikian",
        "Akibatnya",
        "Alhasil",
        "Selama",
    ]
)

#: The label words of `RELATED_TRIGGER`.
RELATED_TRIGGER_WORDS = ("baca", "lihat", "simak", "tonton", "saksikan", "artikel", "berita", "related")
#: Cheap test before the related-link search: a label word followed, within three words, by a colon. The
#: engine asks it as `RELATED_TRIGGER_REVERSED`; this forward form states it (tests hold the two equal).
RELATED_TRIGGER = re.compile(rf"(?:{'|'.join(RELATED_TRIGGER_WORDS)})(?:\s+\w+){{0,3}}\s*[:：]", re.IGNORECASE)
#: `RELATED_TRIGGER` read backwards, searched in the reversed paragraph: it holds a match exactly when the
#: paragraph holds one (the pattern has no anchor or lookaround, and ignoring case is a test per character).
#: Why: forwards, every occurrence of a common label word (`berita`) starts an attempt, at ~35 us a long
#: paragraph; backwards, the search jumps from colon to colon, cheaper than the case-folded copy of the
#: paragraph a test for the label words needed first.
RELATED_TRIGGER_REVERSED = re.compile(
    rf"[:：]\s*(?:\w+\s+){{0,3}}(?:{'|'.join(word[::-1] for word in RELATED_TRIGGER_WORDS)})", re.IGNORECASE
)
RELATED_AT_START = regex.compile(rf"^{RELATED_LABEL}\s*[:：]?\s*", regex.V1)
RELATED_INLINE = regex.compile(
    rf"(?:(?<=^)|(?<=[.!?\"”')\]]\s?)|(?<=\s)|(?<=\p{{Ll}}))(?<!\p{{L}}\s(?=-)){RELATED_LABEL}\s*[:：]\s*", regex.V1
)
#: Where a `RELATED_INLINE` match can start: the dash it may open with, or the first word of a label (matched
#: as `RELATED_LABEL` matches it, case-insensitively; searched overlapped, since a label can start inside
#: another, as in `bacartikel`). The pattern opens with lookbehinds, which `regex` tests at every position of a
#: search (~88 us on a long paragraph); tried only here, it costs a few matches.
RELATED_INLINE_START = regex.compile(r"-|(?i:baca|lihat|simak|tonton|saksikan|artikel|berita|related)", regex.V1)
#: Where a glued headline certainly ends: the next insert, byline or footer label.
NEXT_LABEL = regex.compile(
    rf"{RELATED_LABEL}\s*[:：]|(?:Pewarta|Editor|Penulis|Reporter|Foto|FOTO|Copyright|©|SCROLL TO CONTINUE)\b",
    regex.V1,
)
CAMEL_GLUE = regex.compile(r"(?<=\p{Ll}{3}|\d)(?=\p{Lu}\p{Ll}{2})", regex.V1)
#: A glued capital starts prose (not a brand like `VietJet`) only when a lowercase word follows it.
PROSE_AFTER_GLUE = regex.compile(r"\p{Lu}\p{Ll}+,? \p{Ll}", regex.V1)
TOKEN = regex.compile(r"\S+", regex.V1)
SENTENCE_BREAK = regex.compile(r"[.!]\s+\p{Lu}|[.!]$", regex.V1)
#: What a headline never shows: a second sentence (after `.`, `!` or `?`), a closing period or colon (a list
#: intro such as `Berikut daftarnya:`), or a quotation closed after its punctuation (`..., "Jatuh Cinta."`).
NOT_A_HEADLINE = regex.compile(r"[.!?]\s+\p{Lu}|[.!:]$|[.!?][\"”’']+$", regex.V1)
HEADLINE_SHAPE = regex.compile(r"^[\p{Lu}\d\"“'‘]", regex.V1)
CREDIT_THEN_TAGS = regex.compile(
    rf"(?:(?<=^)|(?<=[.!?\"”'’)\]]\s{{0,3}})){CREDIT_CODE}\s*(?P<tags>[\p{{Ll}}\d][\p{{Ll}}\d ]{{1,120}})$", regex.V1
)
TAG_LINE = regex.compile(r"[\p{Ll}\d][\p{Ll}\d .'-]{1,60}", regex.V1)
WORD_KEY = regex.compile(r"[^\W_]+")
SIGNATURE_LINE = regex.compile(r"\p{Lu}[^\n!?;:\"”]{2,100}(?<![.!?])", regex.V1)
#: The longest line `SIGNATURE_LINE` matches: longer lines (prose) skip the regex.
SIGNATURE_LINE_MAX_CHARS = 101
PERSON_NAME = regex.compile(
    r"(?:(?:Prof|Dr|Ir|Drs|Dra|H|Hj|KH|dr|Letjen|Mayjen|Brigjen|Kombes|AKBP)\.?\s+){0,3}"
    r"\p{Lu}[\p{Ll}'’]+(?:\s+\p{Lu}[\p{Ll}'’.]*){1,4}(?:,\s*[\p{L}.]{1,6}){0,3}",
    regex.V1,
)


class Span:
    """A removal inside one paragraph, in that paragraph's local offsets.

    A plain class with final attributes, like `Paragraph`, so that the compiled cleaner builds it natively.
    """

    __slots__ = ("end", "groups", "kind", "rule", "start")
    start: Final[int]
    end: Final[int]
    kind: Final[str]
    rule: Final[str]
    groups: Final[tuple[tuple[str, str], ...]]

    def __init__(self, start: int, end: int, kind: str, rule: str, groups: tuple[tuple[str, str], ...] = ()) -> None:
        self.start = start
        self.end = end
        self.kind = kind
        self.rule = rule
        self.groups = groups


DatelineFound = tuple[Rule, "regex.Match[str]"]
#: A tail rule's cut: kind, rule name, start, end, and the credit it names (empty unless a credit rule).
TailCut = tuple[str, str, int, int, str]


class PassMemo:
    """What one `clean()` call carries from pass to pass: the article's rule selection, and answers per text.

    Why: a later pass sees the paragraphs of the previous pass's output, and most of them are unchanged. The
    per-paragraph rule tests skip those outright (`ArticleState.settled`); the tests that depend on a
    paragraph's place (the lead's datelines, the tail's cuts, related-link triggers and links, repeat keys) are
    asked again of the same texts, and every answer here is a pure function of the text, the rules tried
    (stored with the dateline and tail answers and compared by identity: `rules_for_bits` returns the same
    tuple for the same selection) and the config (fixed for the call), so an earlier answer is reused instead
    of recomputed.

    A plain class, as `Span`: the compiled cleaner builds it natively, where a dataclass's generated
    `__init__` ran as Python on every call.
    """

    __slots__ = (
        "bits",
        "dateline",
        "enabled",
        "enabled_bits",
        "gate_texts",
        "glued_dateline",
        "previous_related",
        "related_links",
        "related_trigger",
        "repeat_containment",
        "repeat_keys",
        "repeat_survivors",
        "selection",
        "tail_cut",
    )
    related_trigger: dict[str, bool]
    related_links: dict[str, list[tuple[int, int]]]
    #: (first `DATELINE_WINDOW` characters, weak rules allowed) -> (lead rules tried, the dateline found or None)
    dateline: dict[tuple[str, bool], tuple[tuple[Rule, ...], DatelineFound | None]]
    glued_dateline: dict[str, DatelineFound | None]
    #: Last paragraph (without trailing spaces) -> (tail rules tried, the first cut they make or None)
    tail_cut: dict[str, tuple[tuple[Rule, ...], TailCut | None]]
    repeat_keys: dict[str, str]
    #: The texts (with words) the last repeat search kept, in order, and whether it looked for containment.
    repeat_survivors: list[str] | None
    repeat_containment: bool
    #: The rules selected for the article so far, and their bits (see `ArticleState`).
    selection: RuleSelection | None
    bits: int
    #: Whether the previous pass looked for related links.
    previous_related: bool
    gate_texts: dict[str, str]
    #: The config's answers, as the names of the rules it leaves on and the bits of the catalogue's: asked of
    #: the (uncompiled, pydantic) config once per config (`enabled_rules`) instead of once per test.
    enabled: frozenset[str]
    enabled_bits: int

    def __init__(self) -> None:
        self.related_trigger = {}
        self.related_links = {}
        self.dateline = {}
        self.glued_dateline = {}
        self.tail_cut = {}
        self.repeat_keys = {}
        self.repeat_survivors = None
        self.repeat_containment = False
        self.selection = None
        self.bits = 0
        self.previous_related = False
        self.gate_texts = {}
        self.enabled = frozenset()
        self.enabled_bits = 0

    def folded(self, text: str) -> str:
        """`gate_text(text)`, computed once per text."""
        folded = self.gate_texts.get(text)
        if folded is None:
            folded = self.gate_texts[text] = gate_text(text)
        return folded


class ArticleState:
    """The working state while one article is cleaned: which paragraphs and spans are gone so far.

    `rules` holds, per scope, the rules that are enabled and whose trigger occurs in the article. The first
    pass selects them from its text; a later pass adds the rules triggered in the paragraphs the previous pass
    changed (a cut can split a glued word: `CONTENTIlustrasi` becomes `Ilustrasi`) and keeps the rest: its
    text is cut from the earlier one, so its own triggers could select no other rule, and a pass that removes
    nothing with more rules removes nothing with fewer (the output stays a fixed point of `clean`). Substring
    triggers hold no whitespace, so none spans two paragraphs. Of a cut paragraph only the ends of its kept
    pieces are scanned: the pieces are substrings of the earlier text joined by spaces, so a word or substring
    inside one was in the earlier text, and only a word touching a piece's end can be new. A scanned end may
    show a cut-off word that happens to be a trigger: it selects a rule that cannot match (a rule matches only
    where one of its triggers occurs), which changes no output.

    `settled` are the paragraphs the per-paragraph tests (line rules, related-link lines, inline rules) need
    not see again: the previous pass ran them, with the same rules, on this very text and removed nothing
    (when a pass adds rules, nothing is settled).
    Why: a second pass is needed for most articles (a dateline cut changes the first paragraph), but the
    paragraphs it could newly match are only the ones a removal changed; the rest are skipped, not re-asked.

    A plain class, as `PassMemo`.
    """

    __slots__ = (
        "config",
        "dropped",
        "live_cache",
        "memo",
        "paragraphs",
        "selection",
        "settled",
        "source",
        "spans",
    )
    paragraphs: list[Paragraph]
    config: CleanConfig
    #: The text the paragraphs were cut from (the pass's input).
    source: str
    selection: RuleSelection
    dropped: dict[int, Span]
    spans: dict[int, list[Span]]
    memo: PassMemo
    settled: frozenset[int]
    #: `live()`, until a paragraph is dropped.
    live_cache: list[int] | None

    def __init__(
        self,
        paragraphs: list[Paragraph],
        config: CleanConfig,
        source: str,
        selection: RuleSelection,
        memo: PassMemo,
        settled: frozenset[int],
    ) -> None:
        self.paragraphs = paragraphs
        self.config = config
        self.source = source
        self.selection = selection
        self.dropped = {}
        self.spans = {}
        self.memo = memo
        self.settled = settled
        self.live_cache = None

    @staticmethod
    def start(
        text: str,
        paragraphs: list[Paragraph],
        config: CleanConfig,
        memo: PassMemo | None = None,
        untouched: frozenset[int] = frozenset(),
        new_words: str | None = None,
    ) -> ArticleState:
        """The state for one pass; `untouched` are the paragraphs the previous pass (if any) kept as they were,
        and `new_words` (when known) holds every word its cuts can have made new: the ends of the pieces kept."""
        memo = memo or PassMemo()
        if memo.selection is None:
            memo.enabled_bits, memo.enabled = enabled_rules(config)
            memo.bits = triggered_bits(text) & memo.enabled_bits
            memo.selection = select_rules(memo.bits)
        else:
            changed = (
                new_words
                if new_words is not None
                else "\n".join(p.text for index, p in enumerate(paragraphs) if index not in untouched)
            )
            added = triggered_bits(changed) & memo.enabled_bits & ~memo.bits
            if added:
                memo.bits |= added
                memo.selection = select_rules(memo.bits)
                untouched = frozenset()
        # A static method naming the class, not a class method calling `cls`: compiled, this calls the native
        # constructor directly.
        return ArticleState(paragraphs, config, text, memo.selection, memo, untouched)

    @staticmethod
    def plain(text: str, paragraphs: list[Paragraph], config: CleanConfig) -> ArticleState:
        """A state with every enabled rule selected and nothing settled or remembered (the reference engine's)."""
        memo = PassMemo()
        memo.enabled_bits, memo.enabled = enabled_rules(config)
        return ArticleState(paragraphs, config, text, select_rules(memo.enabled_bits), memo, frozenset())

    @property
    def rules(self) -> dict[str, tuple[Rule, ...]]:
        """The selected rules per scope."""
        return self.selection.scopes

    def live(self) -> list[int]:
        """The indices of the paragraphs not dropped, in order (kept until the next drop; do not modify)."""
        if self.live_cache is None:
            self.live_cache = [i for i in range(len(self.paragraphs)) if i not in self.dropped]
        return self.live_cache

    def masked(self, index: int) -> str:
        """The paragraph with removed spans blanked out (same length, so offsets keep their meaning)."""
        text = self.paragraphs[index].text
        spans = self.spans.get(index)
        if not spans:
            return text
        chars = list(text)
        for span in spans:
            chars[span.start : span.end] = " " * (span.end - span.start)
        return "".join(chars)

    def drop(self, index: int, kind: str, rule: str) -> None:
        if index not in self.dropped:
            self.dropped[index] = Span(0, len(self.paragraphs[index].text), kind, rule)
            self.live_cache = None
            self.spans.pop(index, None)

    def cut(self, index: int, start: int, end: int, kind: str, rule: str, groups: Iterable = ()) -> None:
        text = self.paragraphs[index].text
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start >= end:
            return
        if not text[:start].strip() and not text[end:].strip():
            self.drop(index, kind, rule)
            return
        existing = self.spans.setdefault(index, [])
        if any(s.start <= start and end <= s.end for s in existing):
            return
        existing.append(Span(start, end, kind, rule, tuple(groups)))

    def enabled(self, rule: str) -> bool:
        """Whether the config leaves `rule` (and its kind) on."""
        return rule in self.memo.enabled


def _search(pattern: regex.Pattern[str], text: str, pos: int = 0) -> regex.Match[str] | None:
    return regex_search(pattern, text, pos, regex_timeout(text))


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
#: an alternation at every position: ~1.5 us a window instead of ~6), checked equal by a property test.
GLUED_DATELINE_GATE_TAIL = r"\s*,?\s*[^\s]{0,30}\s*[-\u2010-\u2015:]"
GLUED_DATELINE_GATE = re.compile(
    r"(?:\.[A-Za-z]{2,6}|[A-Za-z]\)|Indonesia|Times|VIVA|INDOPOST)" + GLUED_DATELINE_GATE_TAIL
)
_GATE_AFTER_DOMAIN = re.compile(r"\.[A-Za-z]{2,6}" + GLUED_DATELINE_GATE_TAIL)
#: (The letter before the parenthesis is looked behind for after it: opening with the lookbehind made `re` test
#: it at every position, 5.2 us a window with a parenthesis instead of 0.55.)
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


#: Line rules are bounded (no insert line is longer); longer paragraphs are prose and skip them.
LINE_RULE_MAX_CHARS = 420


def is_headline(text: str) -> bool:
    """A related-article headline: short, starts with a capital or digit, and is not a finished sentence.

    Used only right after a `Baca juga` label, so a real short paragraph elsewhere is never judged by it.
    """
    text = text.strip()
    return 0 < len(text) <= 160 and bool(HEADLINE_SHAPE.match(text)) and not NOT_A_HEADLINE.search(text)


# ---------------------------------------------------------------- line rules and related headlines


def apply_line_rules(state: ArticleState) -> None:
    """Remove paragraphs that are wholly an insert, and the headlines that follow a bare related label."""
    taken_through = -1
    for index, text, line_rules, opens_with_label in _line_candidates(state):
        if index <= taken_through:
            continue
        line_rule = _line_rule_matching(text, line_rules)
        if line_rule is None:
            if opens_with_label and is_related_link_line(text) and state.enabled("related.line"):
                state.drop(index, "related", "related.line")
        else:
            state.drop(index, line_rule.kind, line_rule.name)
            if line_rule.name == "related.label_only":
                taken_through = drop_headlines_after_label(state, index, colon=text.rstrip().endswith((":", "：")))


def _line_candidates(state: ArticleState) -> list[tuple[int, str, tuple[Rule, ...], bool]]:
    """(index, stripped text, the line rules its gates admit, whether it opens with a related label) of the
    paragraphs a line rule or the related-link line test could match, in order.

    Why: line rules are gated on the paragraph's first case-folded character, their `needs`, how it opens
    (`starts_with`, `opens_with`) and the paragraph's length, the related-link line on its first word; most
    paragraphs are prose that fails all of
    them. Testing the gates here, with one small fold per paragraph (and a whole one, remembered across passes,
    only where a rule with needs remains), spares the others every further call; the paragraphs left out are
    exactly those for which every test answers no. Settled paragraphs were tested by the previous pass.
    """
    line_rules = state.rules["line"]
    by_first_char = state.selection.line_gates
    without_first_char = state.selection.line_gate_otherwise
    candidates = []
    settled = state.settled
    for index, paragraph in enumerate(state.paragraphs):
        if index in settled:
            continue
        text = paragraph.text.strip()
        first = first_gate_char(text)
        opens_with_label = may_open_with_related_label(text, first)
        admitted: tuple[Rule, ...] = ()
        if line_rules and len(text) <= LINE_RULE_MAX_CHARS:
            admitted, needs = by_first_char.get(first, without_first_char)
            if needs != NO_NEEDS:
                admitted = tuple(rule for rule in admitted if _may_open_line(rule, text, opens_with_label))
            if needs == FOLDED_NEEDS and admitted:
                folded = state.memo.folded(text)
                admitted = tuple(rule for rule in admitted if rule.may_match_paragraph(folded))
            elif needs == RAW_NEEDS:
                admitted = tuple(rule for rule in admitted if not rule.needs or holds_any(text, rule.needs))
        if admitted or opens_with_label:
            candidates.append((index, text, admitted, opens_with_label))
    return candidates


def _may_open_line(line_rule: Rule, text: str, opens_with_label: bool) -> bool:
    """Whether the stripped paragraph `text` opens as `line_rule` requires (`starts_with`, `opens_with`);
    `opens_with_label` is `may_open_with_related_label(text)`, which the caller has already asked."""
    if line_rule.starts_with and not text.startswith(line_rule.starts_with):
        return False
    opens_with = line_rule.opens_with
    if opens_with is None:
        return True
    return opens_with_label if opens_with is may_open_with_related_label else opens_with(text)


def _line_rule_matching(text: str, line_rules: tuple[Rule, ...]) -> Rule | None:
    """The first of `line_rules` (those the paragraph's gates admit) that matches the whole stripped paragraph."""
    timeout = regex_timeout(text)
    for line_rule in line_rules:
        if regex_fullmatch(line_rule.pattern, text, timeout):
            return line_rule
    return None


def drop_headlines_after_label(state: ArticleState, index: int, colon: bool) -> int:
    """After `Baca Juga` alone, up to four headline lines follow (Republika); after `Baca juga:`, one (Detik).

    A following line that is a finished sentence, or longer than a headline, ends the run: it is prose.
    """
    rule_name = "related.headline_after_label"
    if not state.enabled(rule_name):
        return index
    limit = 1 if colon else MAX_HEADLINES_AFTER_LABEL
    taken = 0
    while taken < limit and index + 1 < len(state.paragraphs):
        candidate = state.paragraphs[index + 1].text
        if not is_headline(candidate):
            break
        index += 1
        taken += 1
        state.drop(index, "related", rule_name)
    return index


def is_related_link_line(text: str) -> bool:
    """A paragraph that opens with `Baca juga:` and a headline (not prose after it) goes whole. Asked only of
    paragraphs that `may_open_with_related_label`."""
    match = RELATED_AT_START.match(text)
    if not match or match.end() == 0:
        return False
    rest = text[match.end() :]
    return len(rest) <= MAX_HEADLINE_LIST_CHARS and not SENTENCE_BREAK.search(rest.rstrip("?!"))


# ---------------------------------------------------------------- lead: datelines and what precedes them


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
        found = _match_dateline(text, allow_weak=position == 0, state=state)
        offset = 0
        if found is None:
            glued = _glued_dateline(text, state)
            if glued is None:
                continue
            offset = glued[1].start()
            found = glued
        for earlier in live[:position]:
            if state.enabled("caption.before_dateline"):
                state.drop(earlier, "caption", "caption.before_dateline")
        if offset and state.enabled("caption.before_dateline"):
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

    A loop rather than `max(..., key=len)`: compiled, it spares a call per word (~2 us a lead).
    """
    words = key.split(" ")
    if "\u0307" in key:
        words = [word for word in words if "\u0307" not in word]
    longest = ""
    for word in words:
        if len(word) > len(longest):
            longest = word
    return longest


# ---------------------------------------------------------------- inline inserts


def apply_inline_rules(state: ArticleState) -> None:
    related = (
        state.enabled("related.inline_headline")
        and (":" in state.source or "：" in state.source)
        and any(_has_related_trigger(state, p.text) for p in state.paragraphs)
    )
    # A settled paragraph's related links were looked for only if the previous pass looked for any.
    links_settled = state.settled if state.memo.previous_related else frozenset()
    state.memo.previous_related = related
    candidates = _inline_candidates(state)
    if not related and not candidates:
        return
    for index in state.live():
        text = state.paragraphs[index].text
        inline_rules = candidates.get(index)
        if inline_rules:
            for start, end, inline_rule in _inline_matches(text, inline_rules, state.memo.gate_texts.get(text)):
                state.cut(index, start, end, inline_rule.kind, inline_rule.name)
            if index in state.dropped:
                continue
        if related and index not in links_settled and (":" in text or "：" in text):
            links = state.memo.related_links.get(text)
            if links is None:
                links = state.memo.related_links[text] = related_links(text)
            for start, end in links:
                state.cut(index, start, end, "related", "related.inline_headline")


def _inline_candidates(state: ArticleState) -> dict[int, tuple[Rule, ...]]:
    """For each live paragraph that is not settled and holds a need of an inline rule, those rules in order.

    Why: an inline rule can only match a paragraph that holds one of its `needs` (and of its `also_needs`),
    and most paragraphs hold none. One scan for every need over the article's paragraphs (joined by line
    breaks, which no need contains: `needle_lines`) finds the few (paragraph, rule) pairs worth a regex,
    instead of testing every rule's needs on every paragraph.
    """
    inline_rules = state.rules["inline"]
    if not inline_rules:
        return {}
    indices = [index for index in state.live() if index not in state.settled]
    needles, rule_masks, every_line = state.selection.inline_needles
    line_masks = dict(needle_lines("\n".join([state.paragraphs[index].text for index in indices]), needles))
    candidates = {}
    for number in range(len(indices)) if every_line else sorted(line_masks):
        line_mask = line_masks.get(number, 0)
        rules = [rule for rule, mask in rule_masks if not mask or mask & line_mask]
        index = indices[number]
        if any(rule.also_needs for rule in rules):
            folded_paragraph = state.memo.folded(state.paragraphs[index].text)
            rules = [rule for rule in rules if rule.holds_also_needs(folded_paragraph)]
        if rules:
            candidates[index] = tuple(rules)
    return candidates


def _inline_matches(text: str, inline_rules: tuple[Rule, ...], folded: str | None) -> list[tuple[int, int, Rule]]:
    """Every non-empty match of `inline_rules` in one paragraph, rule by rule (`folded`: its gate text, if known)."""
    timeout = regex_timeout(text)
    return [
        (match.start(), match.end(), inline_rule)
        for inline_rule in inline_rules
        for match in rule_matches(inline_rule, text, timeout, folded)
        if match.end() > match.start()
    ]


def rule_matches(
    inline_rule: Rule, text: str, timeout: float | None, folded: str | None = None
) -> list[regex.Match[str]]:
    """`inline_rule.pattern.finditer(text)`; for a rule with `starts_after` (`starts_with`), found by trying the
    pattern only where a match can start: at 0 and where each match of `starts_after` ends (where one of the
    literals of `starts_with` occurs), skipping the places inside an earlier match, and (for a rule with
    `needs_before`, when `folded`, the paragraph's gate text, is given and lines up with it character for
    character) the places with none of its needs ahead.

    Why: the `regex` module finds no literal to search for in a pattern that opens with a lookbehind, and tests
    the lookbehind at every position; the places after a sentence end are a few per paragraph, found by a
    character-class scan. A place that opens no match can still cost a long scan (`promo.call_to_action`
    after `Baca juga`: 28 us).
    """
    opening = inline_rule.opening
    if inline_rule.starts_with:
        starts = literal_starts(text, inline_rule.starts_with)
    elif opening is not None:
        starts = [0, *(found.end() for found in opening.finditer(text))]
    else:
        return regex_finditer(inline_rule.pattern, text, timeout)
    aligned = folded if inline_rule.needs_before and folded is not None and len(folded) == len(text) else None
    if aligned is not None:
        starts = [start for start in starts if _holds_need_ahead(inline_rule, aligned, start)]
    return _matches_at(inline_rule.pattern, text, starts, timeout)


def _matches_at(
    pattern: regex.Pattern[str], text: str, starts: list[int], timeout: float | None
) -> list[regex.Match[str]]:
    """`pattern.finditer(text)` for a pattern whose every match starts at one of `starts` (ascending) and is
    not empty: each start is tried unless it lies inside the match before, as the search would skip it."""
    matches = []
    next_free = 0
    for start in starts:
        if start < next_free:
            continue
        match = regex_match(pattern, text, start, timeout)
        if match is not None:
            matches.append(match)
            next_free = match.end()
    return matches


def _search_at(pattern: regex.Pattern[str], text: str, starts: list[int]) -> regex.Match[str] | None:
    """`pattern.search(text)` for a pattern whose every match starts at one of `starts` (ascending): the
    leftmost match is the first one found trying them in order."""
    timeout = regex_timeout(text)
    for start in starts:
        match = regex_match(pattern, text, start, timeout)
        if match is not None:
            return match
    return None


def literal_starts(text: str, literals: tuple[str, ...]) -> list[int]:
    """Every position where one of `literals` occurs in `text`, in ascending order."""
    starts = []
    for literal in literals:
        position = text.find(literal)
        while position >= 0:
            starts.append(position)
            position = text.find(literal, position + 1)
    starts.sort()
    return starts


def _holds_need_ahead(inline_rule: Rule, folded: str, start: int) -> bool:
    """Whether one of the rule's needs occurs in `folded` from `start` on, before any of its `needs_before`."""
    end = len(folded)
    for char in inline_rule.needs_before:
        found = folded.find(char, start, end)
        if found >= 0:
            end = found
    return any(folded.find(need, start, end) >= 0 for need in inline_rule.needs)


def _has_related_trigger(state: ArticleState, text: str) -> bool:
    """A related-link label followed, within three words, by a colon (remembered per paragraph text)."""
    if ":" not in text and "：" not in text:
        return False
    known = state.memo.related_trigger.get(text)
    if known is None:
        known = state.memo.related_trigger[text] = RELATED_TRIGGER_REVERSED.search(text[::-1]) is not None
    return known


def related_links(text: str) -> list[tuple[int, int]]:
    """Spans of `Baca juga: <headline>` glued into a paragraph."""
    spans = []
    for match in related_inline_matches(text):
        limit = MAX_HEADLINE_LIST_CHARS if LIST_LABEL.search(match.group()) else MAX_HEADLINE_CHARS
        spans.append((match.start(), headline_end(text, match.end(), limit)))
    return spans


def related_inline_matches(text: str) -> list[regex.Match[str]]:
    """`RELATED_INLINE.finditer(text)`, trying the pattern only at `RELATED_INLINE_START`s."""
    # A search for literals, linear in the text: it needs no timeout.
    starts = [start.start() for start in RELATED_INLINE_START.finditer(text, overlapped=True)]
    return _matches_at(RELATED_INLINE, text, starts, regex_timeout(text))


def headline_end(text: str, start: int, limit: int = MAX_HEADLINE_CHARS) -> int:
    """Where a headline that starts at `start` ends, erring towards keeping prose.

    In order: the next label (`Baca juga:`, `Pewarta:`, `Foto:`) or the end of the paragraph if near; two words
    glued without a space (`...di Kendari Turun ke JalanKakak dari almarhum`); a word that opens sentences
    (`Sejak`, `Bahkan,`); else the headline runs through title-case words up to the last capitalised run before
    the first lowercase content word, and that run is left as the subject of the prose sentence. Losing a
    few headline words to the text is better than cutting the first words of the next sentence.
    """
    window_end = min(len(text), start + limit)
    window = text[start:window_end]
    label = NEXT_LABEL.search(window, 1)
    if label:
        return start + label.start()
    if window_end == len(text) and not SENTENCE_BREAK.search(window.rstrip(" ?!")):
        return len(text)
    for glue in CAMEL_GLUE.finditer(window):
        word_start = window.rfind(" ", 0, glue.start()) + 1
        word_end = window.find(" ", glue.start())
        word = window[word_start : word_end if word_end >= 0 else len(window)].strip(".,:;!?\"'")
        if word not in CAMEL_NAMES and glue.start() > 10 and PROSE_AFTER_GLUE.match(window, glue.start()):
            return start + glue.start()
    tokens = list(TOKEN.finditer(window))
    run_start: int | None = None
    for number, token in enumerate(tokens):
        word = token.group().strip("\"'“”‘’()")
        bare = word.rstrip(",.:;!?")
        if number >= 3 and bare in SENTENCE_OPENERS:
            return start + token.start()
        if not bare:
            continue
        if bare[0].isupper() or bare[0].isdigit():
            if run_start is None:
                run_start = token.start()
            if word.endswith(","):
                run_start = None
            continue
        if bare.casefold() in HEADLINE_SMALL_WORDS:
            run_start = None
            continue
        return start + (run_start if run_start is not None else token.start())
    return start


# ---------------------------------------------------------------- tail: credits, bylines, footers, tags


def strip_tail(state: ArticleState) -> list[str]:
    """Cut footers, byline chains and credits at the end of the body; returns the credits found.

    Runs a few passes because furniture nests: `... Randi. (tor/fjp) mahasiswa demo` is tags after a credit,
    `... (kpl/khs)` may sit above a copyright line. Each pass looks at the last paragraph still standing.
    """
    credits: list[str] = []
    for _ in range(TAIL_PASSES):
        live = state.live()
        if not live:
            break
        index = live[-1]
        if drop_trailing_tag_lines(state, live):
            continue
        found = _tail_cut(state, state.masked(index).rstrip())
        if found is None:
            break
        kind, name, start, end, credit = found
        if kind == "credit":
            credits.append(credit)
        state.cut(index, start, end, kind, name)
    for index, span in sorted(state.dropped.items()):
        if span.kind == "credit":
            credits.append(state.paragraphs[index].text.strip().strip("()[].").strip())
    return credits


def _tail_cut(state: ArticleState, text: str) -> TailCut | None:
    """The first cut the tail rules make at the end of the last paragraph `text` (with trailing spaces
    stripped), remembered per text: a later pass asks again of the same last paragraph."""
    tail_rules = state.rules["tail"]
    known = state.memo.tail_cut.get(text)
    if known is not None and known[0] is tail_rules:
        return known[1]
    found = _first_tail_cut(state, text, tail_rules)
    state.memo.tail_cut[text] = (tail_rules, found)
    return found


def _first_tail_cut(state: ArticleState, text: str, tail_rules: tuple[Rule, ...]) -> TailCut | None:
    # A credit code opens with a parenthesis or a square bracket: the pattern is tried there.
    match = _search_at(CREDIT_THEN_TAGS, text, literal_starts(text, CREDIT_CODE_OPENINGS))
    if match and state.enabled("tags.after_credit"):
        return ("tags", "tags.after_credit", match.start("tags"), match.end("tags"), "")
    folded = state.memo.folded(text)
    for tail_rule in tail_rules:
        if not tail_rule.may_match_paragraph(folded):
            continue
        if tail_rule.starts_with:
            match = _search_at(tail_rule.pattern, text, literal_starts(text, tail_rule.starts_with))
        else:
            match = _search(tail_rule.pattern, text)
        if match and match.end() > match.start():
            credit = match.group().strip().strip("()[]").strip() if tail_rule.kind == "credit" else ""
            return (tail_rule.kind, tail_rule.name, match.start(), match.end(), credit)
    return None


def drop_signature_block(state: ArticleState) -> None:
    """An opinion piece ends with its author's name and titles, one per line (`Prof. X` / `Direktur ...`).

    Taken only when the last two to four paragraphs are all short, capitalised and unpunctuated, the first
    of them reads as a personal name (optionally with an academic title), and real prose stands before them.
    A closing subheading or a one-line last sentence has punctuation or no name shape, and stays.
    """
    if not state.enabled("byline.signature_block"):
        return
    live = state.live()
    # Every block below ends with the last paragraph: when it is no signature line, none is a signature.
    if len(live) < 4 or not _is_signature_line(state.masked(live[-1]).strip()):
        return
    for size in (4, 3, 2):
        if len(live) < size + 2:
            continue
        block = [state.masked(i).strip() for i in live[-size:]]
        if all(_is_signature_line(line) for line in block) and PERSON_NAME.fullmatch(block[0]):
            for index in live[-size:]:
                state.drop(index, "byline", "byline.signature_block")
            return


def _is_signature_line(line: str) -> bool:
    return len(line) <= SIGNATURE_LINE_MAX_CHARS and SIGNATURE_LINE.fullmatch(line) is not None


def drop_trailing_tag_lines(state: ArticleState, live: list[int]) -> bool:
    """Detik follows the editor code with topic tags, one lowercase phrase per line (`luna maya`).

    Only lines *after* a dropped credit line are taken, so a lowercase last line of prose is never a tag.
    """
    if not state.enabled("tags.after_credit"):
        return False
    credit_lines = [i for i, s in state.dropped.items() if s.kind == "credit"]
    if not credit_lines:
        return False
    after = [i for i in live if i > max(credit_lines)]
    if not after or not all(TAG_LINE.fullmatch(state.paragraphs[i].text.strip()) for i in after):
        return False
    for index in after:
        state.drop(index, "tags", "tags.after_credit")
    return True


def _span_start(span: Span) -> int:
    return span.start


def kept_pieces(text: str, spans: list[Span]) -> list[tuple[int, int]]:
    """The (start, end) pieces of a paragraph that survive its removed spans, stripped of outer spaces."""
    if not spans:
        if text and not text[0].isspace() and not text[-1].isspace():
            return [(0, len(text))]
        start, end = len(text) - len(text.lstrip()), len(text.rstrip())
        return [(start, end)] if start < end else []
    pieces = []
    position = 0
    for span in spans if len(spans) == 1 else sorted(spans, key=_span_start):
        if span.start > position:
            pieces.append((position, span.start))
        position = max(position, span.end)
    pieces.append((position, len(text)))
    stripped = []
    for start, end in pieces:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            stripped.append((start, end))
    return stripped


def clean_paragraph_text(text: str, spans: list[Span]) -> str:
    """The paragraph without its removed spans; the surviving pieces are joined by one space."""
    if not spans:
        return text.strip()
    return " ".join(text[start:end] for start, end in kept_pieces(text, spans))
