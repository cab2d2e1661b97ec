"""The learned step: remove the segments a profile learned for the article's source.

It runs after the catalogue rules of each pass, on what they left (removed spans are blanked out), so that a
dateline the rules recognise is still reported with its outlet and city, and a learned entry only takes what
the rules do not know. Both engines call this one function: a learned entry is a lookup, with nothing for a
fast path to shortcut. An entry is removed only in the zones (lead, body, tail) where it recurred.
"""

from __future__ import annotations

from typing import Final

import regex

from ..learning.matcher import LearnedEntry, SourceMatcher, code_shape, tail_code, trailing_tag_lines, zone_of
from ..learning.units import MAX_SEGMENT_CHARS, segments
from .records import ArticleState

#: The rule names of learned removals, by how the entry matches: the names `--disable-rule` takes.
LEARNED_RULE = {
    "exact": "learned.segment",
    "template": "learned.template",
    "tag_lines": "learned.tag_lines",
    "tail_code": "learned.tail_code",
}
#: The rule of a learned dateline cut from the front of a lead it is glued to (`_cut_dateline_prefix`).
DATELINE_PREFIX_RULE: Final = "learned.dateline_prefix"
#: The most words a learned dateline prefix is tried with (`Liputan6.com, New York, Amerika Serikat`).
MAX_PREFIX_WORDS: Final = 6
#: A word and the spaces after it, from the paragraph's start.
PREFIX_WORD: Final = regex.compile(r"\S+(\s*)")


def apply_learned(state: ArticleState, matcher: SourceMatcher | None) -> None:
    """Cut every segment of a live paragraph that `matcher` knows, in a zone where it was learned."""
    if matcher is None:
        return
    length = len(state.source)
    config = state.config
    for index in state.live():
        paragraph = state.paragraphs[index]
        text = state.masked(index)
        if not matcher.may_hold(text):
            continue
        for start, end, cut_end in segments(text):
            if end - start > MAX_SEGMENT_CHARS:
                continue
            zone = zone_of(paragraph.start + start, paragraph.start + end, length)
            entry = matcher.find(text[start:end], zone)
            if entry is None or (entry.match == "exact" and zone != "lead" and _field_of_row(text, start, end)):
                continue
            rule = LEARNED_RULE[entry.match]
            if config.enabled(rule, entry.kind):
                state.cut(index, start, cut_end, entry.kind, rule, (("stories", str(entry.stories)),))
    _cut_dateline_prefix(state, matcher)
    _drop_tag_block(state, matcher)
    _cut_tail_code(state, matcher)


def _cut_dateline_prefix(state: ArticleState, matcher: SourceMatcher) -> None:
    """Cut a learned dateline that opens the article with the lead glued on after a space.

    Why: a scrape that lost the dateline's dash (`Liputan6.com, Jakarta Ketua Umum Partai Golkar ...`) leaves
    the dateline and the lead in one segment, which no learned key matches whole, and the catalogue cannot tell
    where a dash-less city ends. The source's own stories can: the prefix goes when it is an exact dateline the
    source learned, the longest one (`Liputan6.com, New York`, not `Liputan6.com, New`). Only a prefix that
    holds a comma (an outlet and a city) is taken, since a bare word learned at the start of stories
    (`Jakarta`) may open prose; and only before a capital, a digit or a quotation (a lead's first word), only
    at the start of the article, and only when no dateline was cut there already.
    """
    live = state.live()
    if not live or state.memo.dateline_cut or not state.config.enabled(DATELINE_PREFIX_RULE, "dateline"):
        return
    index = live[0]
    if any(span.kind == "dateline" for span in state.spans.get(index, ())):
        return
    text = state.masked(index)
    start = len(text) - len(text.lstrip())
    if start >= len(text) or not matcher.may_hold(text[start : start + 80]):
        return
    paragraph_start = state.paragraphs[index].start
    taken: tuple[int, LearnedEntry] | None = None
    for number, word in enumerate(PREFIX_WORD.finditer(text, start)):
        if number >= MAX_PREFIX_WORDS:
            break
        end, cut_end = word.start(1), word.end()
        if cut_end == end or cut_end >= len(text) or not _opens_lead(text[cut_end]):
            continue
        prefix = text[start:end]
        if "," not in prefix:
            continue
        zone = zone_of(paragraph_start + start, paragraph_start + end, len(state.source))
        entry = matcher.find(prefix, zone)
        if entry is not None and entry.match == "exact" and entry.kind == "dateline":
            taken = (cut_end, entry)
    if taken is not None:
        cut_end, entry = taken
        state.cut(index, start, cut_end, "dateline", DATELINE_PREFIX_RULE, (("stories", str(entry.stories)),))


def _opens_lead(char: str) -> bool:
    """Whether a lead's first word can open with `char`: a capital, a digit or an opening quotation."""
    return char.isupper() or char.isdigit() or char in "\"“‘'"


#: A spaced dash or pipe between the fields of a row.
ROW_SEPARATOR: Final = regex.compile(r"\s[-–—|]\s")
#: A field that is only a name: capitalised words or numbers (`Rizky Ridho`, `Persija Jakarta`), no label.
NAME_FIELD: Final = regex.compile(r"[\p{Lu}\d][\p{L}\d.'&/-]*(?: [\p{Lu}\d][\p{L}\d.'&/-]*){0,3}")


def _field_of_row(text: str, start: int, end: int) -> bool:
    """Whether `text[start:end]` is a name in a row of fields between spaced dashes or pipes (`Rizky Ridho -
    Persija Jakarta vs Arema - 9 Maret 2025`, a list of goals or fixtures).

    Why: a name learned where it stands alone in the body or the tail (a tag line, an author's name under the
    article) also fills a field of such rows, which are content. A label line (`Penulis: X | Editor: Y`) is
    not a name, and a dateline (`SURYA.co.id | SURABAYA -`) is in the lead, where the caller does not ask.
    """
    return NAME_FIELD.fullmatch(text, start, end) is not None and len(ROW_SEPARATOR.findall(text)) >= 2


def _drop_tag_block(state: ArticleState, matcher: SourceMatcher) -> None:
    """Drop the tag block that ends the article, when the source learned that its articles end with one."""
    entry = matcher.tag_lines
    if entry is None or not state.config.enabled(LEARNED_RULE["tag_lines"], entry.kind):
        return
    texts = {index: state.masked(index).strip() for index in state.live()}
    live = [index for index, text in texts.items() if text]
    count = trailing_tag_lines([texts[index] for index in live])
    for index in live[len(live) - count :] if count else ():
        state.drop(index, entry.kind, LEARNED_RULE["tag_lines"], (("stories", str(entry.stories)),))


def _cut_tail_code(state: ArticleState, matcher: SourceMatcher) -> None:
    """Cut the parenthesised code after the article's last sentence when the source learned its shape."""
    if not matcher.tail_codes:
        return
    last = next((index for index in reversed(state.live()) if state.masked(index).strip()), None)
    if last is None:
        return
    text = state.masked(last).rstrip()
    found = tail_code(text)
    if found is None:
        return
    entry = matcher.tail_codes.get(code_shape(text[found[0] : found[1]]))
    if entry is not None and state.config.enabled(LEARNED_RULE["tail_code"], entry.kind):
        state.cut(last, found[0], found[1], entry.kind, LEARNED_RULE["tail_code"], (("stories", str(entry.stories)),))
