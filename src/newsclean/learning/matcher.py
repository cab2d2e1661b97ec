"""Matching segments against a source's learned entries, at cleaning time: plain classes the compiler builds
natively (`setup.py` compiles this module with the cleaner), fed from the profile's pydantic models once per
source.
"""

from __future__ import annotations

import re
from typing import Any, Final

import regex

from .units import MAX_TEMPLATE_CHARS, SLOT, key_chars, template_key

#: A pinned slot in a template pattern: `{value}`.
PINNED: Final = regex.compile(r"\{([^{}]*)\}")
PATTERN_TOKEN: Final = regex.compile(r"\{[^{}]*\}|\S+")
#: The first word of a casefolded segment, as its exact key starts (`newsclean.learning.units.exact_key`).
FIRST_WORD: Final = regex.compile(r"[^\W_]+")


#: Share of the article before a segment's end (lead) or after its start (tail).
ZONE_SHARE: Final = 0.25


def zone_of(start: int, end: int, length: int) -> str:
    """The zone of a segment at [start, end) of an article of `length` characters."""
    if end <= length * ZONE_SHARE:
        return "lead"
    if start >= length * (1 - ZONE_SHARE):
        return "tail"
    return "body"


#: A tag line: one to four words (letters, digits, hyphens, `/`, `&`, `'`), nothing that ends a sentence.
TAG_LINE: Final = regex.compile(r"[\p{L}\d][\p{L}\d'&/-]*(?: [\p{L}\d][\p{L}\d'&/-]*){0,3}")
TAG_LINE_MAX_CHARS: Final = 40
#: The pattern text of the tag-block entry (it has no key: the shape is the entry).
TAG_LINES_PATTERN: Final = "tag block: 2+ closing lines of 1-4 words"


def trailing_tag_lines(paragraphs: list[str]) -> int:
    """How many paragraphs at the end of an article form a tag block: two or more tag lines, after a paragraph
    that does not introduce a list (`Berikut daftarnya:`), in an article with more than the block. 0 if none.

    Why the colon test: a list of names or places closing an article (`Pemain yang dipanggil:` then one name per
    line) has the same shape as a tag block, and is content.
    """
    count = 0
    for text in reversed(paragraphs):
        if len(text) > TAG_LINE_MAX_CHARS or TAG_LINE.fullmatch(text) is None:
            break
        count += 1
    if count < 2 or count >= len(paragraphs):
        return 0
    return 0 if paragraphs[-count - 1].rstrip().endswith(":") else count


#: A parenthesised code that ends an article after its last sentence (`...tegas presiden. (Z-3)`): at most 16
#: characters, a letter among them. The catalogue's credit rules take the shapes that are never prose
#: (`(esn/indo)`); the shapes they leave because prose has them too (`(H-3)`, a day before a holiday) are
#: learned per source, from the stories that end with them.
TAIL_CODE: Final = regex.compile(r"(?<=[.!?\"”'’]\s{0,3})\((?=[^()\n]{0,15}\p{L})[^()\n]{1,16}\)\s*$")
#: A tail code's shape: runs of letters opening with a capital become `A`, other runs of letters `a`, runs of
#: digits `9`, runs of spaces one space; punctuation stays. `(Z-3)` and `(Z-7)` share `(A-9)`.
_SHAPE_RUNS: Final = regex.compile(r"(\p{Lu}\p{L}*)|(\p{L}+)|(\d+)|(\s+)")


def code_shape(code: str) -> str:
    """The shape of a tail code (`TAIL_CODE`), which a source learns and cleaning matches."""

    def run(found: Any) -> str:
        return "A" if found.group(1) else "a" if found.group(2) else "9" if found.group(3) else " "

    return _SHAPE_RUNS.sub(run, code)


def tail_code(text: str) -> tuple[int, int] | None:
    """Where the tail code ending `text` is, as (start, end) without the trailing spaces, or None."""
    found = TAIL_CODE.search(text)
    if found is None:
        return None
    return found.start(), found.start() + len(found.group().rstrip())


#: How prose opens after a related headline: a capitalised word or an acronym, then a lowercase word
#: (`Kompas.com merangkum`, `KPK menetapkan`, also glued on: `IndonesiaYuri mengatakan` parts before `Yuri`), a
#: quotation, or the paragraph's end. Not a capitalised word with another glued to it (`JokowiKemudian
#: menjelang`): that word may be the headline's last.
PROSE_OPENING: Final = regex.compile(
    r"\s*(?:[\"“]|(?:\p{Lu}[\p{Ll}\d.'-]*|\p{Lu}{2,}[\d.'-]*),?\s+\p{Ll}|$)", regex.V1
)


def ends_word(text: str, end: int) -> bool:
    """Whether a word ends at `end`: a space or the text's end follows, or a capital glued on (`IndonesiaYuri`)."""
    if end >= len(text) or text[end].isspace():
        return True
    return text[end].isupper() and (text[end - 1].islower() or text[end - 1].isdigit())


def _glued_on(text: str, end: int) -> bool:
    """Whether a capitalised word is glued on at `end` (`...Dukung JokowiApakah`): the scraper joined two
    paragraphs there, so whatever follows, the headline ends."""
    return end < len(text) and text[end].isupper() and text[end - 1].islower()


def learned_headline_end(
    text: str, start: int, headlines: dict[str, tuple[tuple[str, int], ...]]
) -> tuple[int, int] | None:
    """Where a learned related headline (`SourceMatcher.related_headlines`) that starts at `start` of `text`
    ends, when prose follows it as it followed it where it was learned (or a paragraph is glued on), with the
    stories it was learned from; None when none does (the shape rules then decide)."""
    if not headlines:
        return None
    space = text.find(" ", start)
    for headline, stories in headlines.get(text[start : space if space >= 0 else len(text)], ()):
        end = start + len(headline)
        if not text.startswith(headline, start):
            continue
        if _glued_on(text, end) or (ends_word(text, end) and PROSE_OPENING.match(text, end)):
            return end, stories
    return None


class LearnedEntry:
    """What cleaning needs of one learned entry (`newsclean.learning.profile.LearnedSegment`)."""

    __slots__ = ("kind", "match", "pattern", "stories", "zones")
    kind: Final[str]
    match: Final[str]
    pattern: Final[str]
    zones: Final[frozenset[str]]
    stories: Final[int]

    def __init__(self, kind: str, match: str, pattern: str, zones: frozenset[str], stories: int) -> None:
        self.kind = kind
        self.match = match
        self.pattern = pattern
        self.zones = zones
        self.stories = stories

    @staticmethod
    def of(segment: Any) -> LearnedEntry:
        """The entry of a `LearnedSegment` (any object with its fields)."""
        return LearnedEntry(
            str(segment.kind),
            str(segment.match),
            str(segment.pattern),
            frozenset(segment.zones),
            int(segment.stories),
        )


def parse_template(pattern: str) -> tuple[str, tuple[tuple[int, str], ...]]:
    """A template pattern's plain template (every slot open) and its pinned slots as (slot index, value)."""
    parts: list[str] = []
    pinned: list[tuple[int, str]] = []
    slot = 0
    for token in PATTERN_TOKEN.findall(pattern):
        value = PINNED.fullmatch(token)
        if value is not None or token == SLOT:
            if value is not None:
                pinned.append((slot, value.group(1)))
            parts.append(SLOT)
            slot += 1
        else:
            parts.append(token)
    return " ".join(parts), tuple(pinned)


class SourceMatcher:
    """Finds a source's learned entries for a segment: exact keys by lookup, templates by their plain template
    and then their pinned values.

    Two gates keep the cost off prose, which makes up nearly every segment: an exact key is only computed when
    the segment's first word opens some learned key, and a template only for a short segment outside the body
    that holds one of the template's anchor words (a literal word or pinned value).
    """

    __slots__ = (
        "anchors",
        "exact",
        "first_words",
        "gate",
        "gate_literals",
        "related_headlines",
        "tag_lines",
        "tail_codes",
        "templates",
    )

    exact: dict[str, LearnedEntry]
    templates: dict[str, list[tuple[tuple[tuple[int, str], ...], LearnedEntry]]]
    first_words: frozenset[str]
    anchors: tuple[str, ...]
    #: The source's tag-block entry, if it learned one.
    tag_lines: LearnedEntry | None
    #: The source's tail-code entries, by the code shape each matches.
    tail_codes: dict[str, LearnedEntry]
    #: The source's learned related headlines by their first word, longest first, each with its stories
    #: (`learned_headline_end`).
    related_headlines: dict[str, tuple[tuple[str, int], ...]]
    #: Finds, in one C-level search, whether a paragraph can hold a learned segment at all (`may_hold`).
    gate: Any
    #: Literals one of which every match of `gate` holds (`_gate_literals`), or None when there are none.
    gate_literals: tuple[str, ...] | None

    def __init__(self, entries: tuple[LearnedEntry, ...]) -> None:
        self.exact = {}
        self.templates = {}
        anchors: set[str] = set()
        self.tag_lines = None
        self.tail_codes = {}
        headlines: dict[str, list[tuple[str, int]]] = {}
        for entry in entries:
            if entry.match == "related_headline":
                headlines.setdefault(entry.pattern.split(" ", 1)[0], []).append((entry.pattern, entry.stories))
            elif entry.match == "tag_lines":
                self.tag_lines = entry
            elif entry.match == "tail_code":
                self.tail_codes.setdefault(entry.pattern, entry)
            elif entry.match == "exact":
                self.exact.setdefault(entry.pattern, entry)
            else:
                plain, pinned = parse_template(entry.pattern)
                self.templates.setdefault(plain, []).append((pinned, entry))
                anchors.add(_anchor(plain, pinned))
        self.related_headlines = {
            word: tuple(sorted(group, key=lambda item: (-len(item[0]), item[0]))) for word, group in headlines.items()
        }
        self.first_words = frozenset(key.split(" ", 1)[0] for key in self.exact)
        self.anchors = tuple(sorted(a for a in anchors if a))
        self.gate = _gate(self.first_words, self.anchors)
        self.gate_literals = _gate_literals(self.first_words, self.anchors)

    def may_apply(self, text: str) -> bool:
        """False when the learned step cannot remove anything from `text` (its rules' fixed point): no gate
        match anywhere and no tag block or tail code learned. Cleaning then skips the learned pass altogether."""
        return self.tag_lines is not None or bool(self.tail_codes) or self.may_hold(text)

    def may_hold(self, paragraph: str) -> bool:
        """False when no segment of `paragraph` can match: no learned key's first word and no template's anchor
        word occurs in it. Most paragraphs of prose are dismissed by this one search instead of being split and
        keyed (a plain alternation of words: a segment-start lookbehind before it costs five times as much).

        The search runs on the casefolded paragraph, as the keys were casefolded, and without `IGNORECASE`,
        which makes the same search take about twice as long. It is made only in a paragraph that holds one of
        `gate_literals` (a substring test for each): the search tests the word boundary that opens it at every
        position of the paragraph, and nearly every paragraph holds none of them."""
        if self.gate is None:
            return False
        folded = paragraph.casefold()
        if self.gate_literals is not None and not any(literal in folded for literal in self.gate_literals):
            return False
        return self.gate.search(folded) is not None

    def find(self, segment: str, zone: str) -> LearnedEntry | None:
        folded = segment.casefold()
        first = FIRST_WORD.search(folded)
        if first is not None and key_chars(first.group()) in self.first_words:
            entry = self.exact.get(" ".join(key_chars(folded).split()))
            if entry is not None:
                return entry if zone in entry.zones else None
        if zone == "body" or len(segment) > MAX_TEMPLATE_CHARS or not any(a in folded for a in self.anchors):
            return None
        plain, values = template_key(segment)
        for pinned, candidate in self.templates.get(plain, ()):
            if zone in candidate.zones and all(values[slot] == value for slot, value in pinned):
                return candidate
        return None


def _word_pattern(word: str) -> str:
    """A regex for a key's word as it can appear in a segment: any case, any digit where the key has `0`."""
    return "".join(r"\d" if char == "0" else re.escape(char) for char in word)


def _gate(first_words: frozenset[str], anchors: tuple[str, ...]) -> Any:
    """The gate of `SourceMatcher.may_hold` (searched in casefolded text), or None when the matcher has neither
    keys nor templates."""
    alternatives = []
    if first_words:
        words = "|".join(_word_pattern(word) for word in sorted(first_words, key=lambda w: (-len(w), w)))
        alternatives.append(rf"\b(?:{words})\b")
    if anchors:
        alternatives.append("|".join(re.escape(anchor) for anchor in anchors))
    if not alternatives:
        return None
    return re.compile("|".join(alternatives))


def _gate_literals(first_words: frozenset[str], anchors: tuple[str, ...]) -> tuple[str, ...] | None:
    """For each alternative of `_gate`, a literal that every match of it holds: a key word's longest piece
    without `0` (which `_word_pattern` matches as any digit), an anchor itself. None when a word is all `0`s."""
    literals = {max(word.split("0"), key=len) for word in first_words} | set(anchors)
    return None if "" in literals else tuple(sorted(literals))


def _anchor(plain: str, pinned: tuple[tuple[int, str], ...]) -> str:
    """The longest word a segment of this template must hold (casefolded): a pinned value or a literal word."""
    words = [value for _, value in pinned] + [part for part in plain.split() if part[0].isalnum()]
    return max(words, key=len) if words else ""
