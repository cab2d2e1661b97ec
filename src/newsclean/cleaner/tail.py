"""The tail zone: footers, byline chains, credits and the tags after them at the end of the body, and an
author's signature block.
"""

from __future__ import annotations

from collections.abc import Callable

import regex

from ..patterns import CREDIT_CODE, CREDIT_CODE_OPENINGS
from ..patterns.base import Rule
from .gates import may_match_paragraph
from .records import ArticleState, TailCut
from .regexes import literal_starts, search, search_at

TAIL_PASSES = 4
CREDIT_THEN_TAGS = regex.compile(
    rf"(?:(?<=^)|(?<=[.!?\"”'’)\]]\s{{0,3}})){CREDIT_CODE}\s*(?P<tags>[\p{{Ll}}\d][\p{{Ll}}\d ]{{1,120}})$", regex.V1
)
TAG_LINE = regex.compile(r"[\p{Ll}\d][\p{Ll}\d .'-]{1,60}", regex.V1)
SIGNATURE_LINE = regex.compile(r"\p{Lu}[^\n!?;:\"”]{2,100}(?<![.!?])", regex.V1)
#: The longest line `SIGNATURE_LINE` matches: longer lines (prose) skip the regex.
SIGNATURE_LINE_MAX_CHARS = 101
PERSON_NAME = regex.compile(
    r"(?:(?:Prof|Dr|Ir|Drs|Dra|H|Hj|KH|dr|Letjen|Mayjen|Brigjen|Kombes|AKBP)\.?\s+){0,3}"
    r"\p{Lu}[\p{Ll}'’]+(?:\s+\p{Lu}[\p{Ll}'’.]*){1,4}(?:,\s*[\p{L}.]{1,6}){0,3}",
    regex.V1,
)


#: Finds the first cut the tail makes in the last paragraph (its text, trailing spaces stripped).
TailCutFinder = Callable[[ArticleState, str], TailCut | None]


def strip_tail(state: ArticleState) -> list[str]:
    """Cut footers, byline chains and credits at the end of the body; returns the credits found."""
    return strip_tail_with(state, _tail_cut)


def strip_tail_with(state: ArticleState, first_cut: TailCutFinder) -> list[str]:
    """`strip_tail`, with the cuts found by `first_cut` (the reference engine passes its plain search).

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
        found = first_cut(state, state.masked(index).rstrip())
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
    match = search_at(CREDIT_THEN_TAGS, text, literal_starts(text, CREDIT_CODE_OPENINGS))
    if match and state.enabled("tags.after_credit"):
        return ("tags", "tags.after_credit", match.start("tags"), match.end("tags"), "")
    folded = state.memo.folded(text)
    for tail_rule in tail_rules:
        if not may_match_paragraph(tail_rule, folded):
            continue
        if tail_rule.starts_with:
            match = search_at(tail_rule.pattern, text, literal_starts(text, tail_rule.starts_with))
        else:
            match = search(tail_rule.pattern, text)
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
