"""The records the cleaner passes around, shaped for the compiler: plain classes with `__slots__` and `Final`
attributes, which mypyc builds natively as C structs (a dataclass or named tuple is built through generated
Python code), and the tuple shapes of a found dateline and a tail cut.

`RuleSelection`, the rules an article selects, is a record of the same kind; it stays beside the code that
builds it, in `newsclean.cleaner.selection`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

import regex

from ..config import CleanConfig
from ..paragraphs import Paragraph
from ..patterns.base import Rule
from .gates import gate_text
from .selection import RuleSelection, enabled_rules, select_rules, triggered_bits


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


class Cut:
    """A removal while the passes run, in the coordinates of a pass's source; `clean` reports each as a
    `Removal`.

    A plain class with final attributes (like `Paragraph`): the pydantic models are validated once, together
    with the result (one `Removal` built on its own costs far more than one built inside the result's validation).
    """

    __slots__ = ("end", "kind", "rule", "start", "stories", "text")
    kind: Final[str]
    text: Final[str]
    start: Final[int]
    end: Final[int]
    rule: Final[str]
    #: For a learned removal, the distinct stories of the source its entry was seen in (else 0).
    stories: Final[int]

    def __init__(self, kind: str, text: str, start: int, end: int, rule: str, stories: int = 0) -> None:
        self.kind = kind
        self.text = text
        self.start = start
        self.end = end
        self.rule = rule
        self.stories = stories


#: The dateline a pass cut, as the fields of a `Dateline` (validated with the result, as the removals are).
DatelineFields = dict[str, str | None]
DatelineFound = tuple[Rule, "regex.Match[str]"]
#: A tail rule's cut: kind, rule name, start, end, and the credit it names (empty unless a credit rule).
TailCut = tuple[str, str, int, int, str]


class Rendered:
    """A pass's output text, where each of its pieces came from, and what the pass removed.

    A plain class with final attributes (like `Paragraph`): mypyc builds it as a C struct, where a frozen
    dataclass is built through generated Python code.
    """

    __slots__ = (
        "credits",
        "dateline",
        "new_words",
        "paragraphs",
        "removals",
        "segments",
        "text",
        "untouched",
    )
    text: Final[str]
    #: The paragraphs of `text`, exactly as `split_paragraphs(text)` would find them (they are joined by blank
    #: lines and hold no line break), so the next pass need not split again.
    paragraphs: Final[tuple[Paragraph, ...]]
    #: (output start, source start, length): output[o:o+n] is source[s:s+n] (joined line breaks aside).
    segments: Final[tuple[tuple[int, int, int], ...]]
    removals: Final[tuple[Cut, ...]]
    dateline: Final[DatelineFields | None]
    credits: Final[tuple[str, ...]]
    #: The indices in `paragraphs` of the ones this pass kept exactly as it saw them (see `ArticleState.settled`).
    untouched: Final[frozenset[int]]
    #: The ends of the pieces this pass kept of the paragraphs it cut, where its cuts can have made new words
    #: (`ArticleState.start`); None when not known (a renormalized output).
    new_words: Final[str | None]

    def __init__(
        self,
        text: str,
        paragraphs: tuple[Paragraph, ...],
        segments: tuple[tuple[int, int, int], ...],
        removals: tuple[Cut, ...],
        dateline: DatelineFields | None,
        credits: tuple[str, ...],
        untouched: frozenset[int] = frozenset(),
        new_words: str | None = None,
    ) -> None:
        self.text = text
        self.paragraphs = paragraphs
        self.segments = segments
        self.removals = removals
        self.dateline = dateline
        self.credits = credits
        self.untouched = untouched
        self.new_words = new_words

    @property
    def joined(self) -> bool:
        """Whether `text` is `paragraphs` joined by blank lines: a rendered pass, which knows its new words, not
        a renormalized output."""
        return self.new_words is not None


class Outcome:
    """The fixed point of the passes: output text, every removal (offsets into the source), and the map
    from output pieces back to the source. A plain class with final attributes, as `Rendered`."""

    __slots__ = ("credits", "dateline", "paragraphs", "removals", "segments", "text")
    text: Final[str]
    removals: Final[tuple[Cut, ...]]
    dateline: Final[DatelineFields | None]
    credits: Final[tuple[str, ...]]
    segments: Final[tuple[tuple[int, int, int], ...]]
    #: The number of paragraphs of `text` (blocks between blank lines).
    paragraphs: Final[int]

    def __init__(
        self,
        text: str,
        removals: tuple[Cut, ...],
        dateline: DatelineFields | None,
        credits: tuple[str, ...],
        segments: tuple[tuple[int, int, int], ...],
        paragraphs: int,
    ) -> None:
        self.text = text
        self.removals = removals
        self.dateline = dateline
        self.credits = credits
        self.segments = segments
        self.paragraphs = paragraphs


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
        "dateline_cut",
        "enabled",
        "enabled_bits",
        "gate_texts",
        "glued_dateline",
        "previous_related",
        "related_headlines",
        "related_links",
        "related_trigger",
        "repeat_containment",
        "repeat_keys",
        "repeat_survivors",
        "selection",
        "tail_cut",
    )
    related_trigger: dict[str, bool]
    #: Paragraph text -> its related links as (start, end, stories): `stories` > 0 when a learned headline ended
    #: the link (`inline.related_links`).
    related_links: dict[str, list[tuple[int, int, int]]]
    #: The related headlines the article's source learned, by first word (`SourceMatcher.related_headlines`),
    #: when `learned.related_headline` is on: a link's headline ends where a learned one does.
    related_headlines: dict[str, tuple[tuple[str, int], ...]]
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
    #: Whether an earlier pass cut the article's dateline: a later pass then takes only the strong shapes at
    #: the start (`lead.strip_lead`), since the place-and-dash shape found at the start of a pass's output
    #: after a glued dateline is the lead's own first words (`Posmetro.co.id,INDRAMAYU –Kepemimpinan Lucky
    #: Hakim – Syaefudin terus ...` lost `Kepemimpinan Lucky Hakim –` that way).
    dateline_cut: bool
    gate_texts: dict[str, str]
    #: The config's answers, as the names of the rules it leaves on and the bits of the catalogue's: asked of
    #: the (uncompiled, pydantic) config once per config (`enabled_rules`) instead of once per test.
    enabled: frozenset[str]
    enabled_bits: int

    def __init__(self) -> None:
        self.related_trigger = {}
        self.related_links = {}
        self.related_headlines = {}
        self.dateline = {}
        self.glued_dateline = {}
        self.tail_cut = {}
        self.repeat_keys = {}
        self.repeat_survivors = None
        self.repeat_containment = False
        self.selection = None
        self.bits = 0
        self.previous_related = False
        self.dateline_cut = False
        self.gate_texts = {}
        self.enabled = frozenset()
        self.enabled_bits = 0

    def folded(self, text: str) -> str:
        """`gate_text(text)`, computed once per text."""
        folded = self.gate_texts.get(text)
        if folded is None:
            folded = self.gate_texts[text] = gate_text(text)
        return folded


def line_ends(lines: list[str]) -> list[int]:
    """Where each of a paragraph's `source_lines` ends in the paragraph's text: the splitter put one space in
    place of each line break, so the next line starts one character after the end of the one before."""
    ends: list[int] = []
    position = 0
    for line in lines:
        position += len(line)
        ends.append(position)
        position += 1
    return ends


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

    def source_lines(self, index: int) -> list[str]:
        """The lines of paragraph `index` as the normalized text holds them. The splitter joins hard-wrapped lines
        with one space for each line break, so a line ends at the same offset of the paragraph's text
        (`line_ends`). Only a first pass sees the breaks: later passes read the previous output, whose
        paragraphs are joined."""
        paragraph = self.paragraphs[index]
        return self.source[paragraph.start : paragraph.end].split("\n")

    def drop(self, index: int, kind: str, rule: str, groups: tuple[tuple[str, str], ...] = ()) -> None:
        if index not in self.dropped:
            self.dropped[index] = Span(0, len(self.paragraphs[index].text), kind, rule, groups)
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
            self.drop(index, kind, rule, tuple(groups))
            return
        existing = self.spans.setdefault(index, [])
        if any(s.start <= start and end <= s.end for s in existing):
            return
        existing.append(Span(start, end, kind, rule, tuple(groups)))

    def enabled(self, rule: str) -> bool:
        """Whether the config leaves `rule` (and its kind) on."""
        return rule in self.memo.enabled
