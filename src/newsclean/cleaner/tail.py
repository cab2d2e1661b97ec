"""The tail zone: footers, byline chains, credits and the tags after them at the end of the body, and an
author's signature block.
"""

from __future__ import annotations

from collections.abc import Callable

import regex

from ..patterns import CREDIT_CODE, CREDIT_CODE_OPENINGS
from ..patterns.base import Rule
from ..patterns.words import HEADLINE_SMALL_WORDS
from .gates import may_match_paragraph
from .records import ArticleState, TailCut, line_ends
from .regexes import literal_starts, search, search_at

TAIL_PASSES = 4
CREDIT_THEN_TAGS = regex.compile(
    rf"(?:(?<=^)|(?<=[.!?\"”'’)\]]\s{{0,3}})){CREDIT_CODE}\s*(?P<tags>[\p{{Ll}}\d][\p{{Ll}}\d ]{{1,120}})$", regex.V1
)
#: A line of topic tags after the editor code: one lowercase phrase, or (where the scraper joined the tag lines
#: with spaces) all of them, up to the length `CREDIT_THEN_TAGS` takes on the code's own line.
TAG_LINE = regex.compile(r"[\p{Ll}\d][\p{Ll}\d .'-]{1,120}", regex.V1)
#: A headline: a capital, then one sentence with no sentence end inside it (a closing `?` or `!` may end it).
HEADLINE_LINE = regex.compile(r"\p{Lu}[^\n.!?]{13,148}[?!]?", regex.V1)
#: The share of a line's content words that are capitalised for it to read as a title-case headline.
TITLE_CASE_SHARE = 0.75
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
        if drop_trailing_tag_lines(state, live) or drop_doubled_title(state, live):
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
        if tail_rule.closes_with is not None and not tail_rule.closes_with(text):
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
    if not after or not all(TAG_LINE.fullmatch(state.paragraphs[i].text.strip()) for i in after[:-1]):
        return False
    last = after[-1]
    tags_end = len(state.paragraphs[last].text)
    if not TAG_LINE.fullmatch(state.paragraphs[last].text.strip()):
        tags_end = _leading_tag_lines_end(state, last)
        if not tags_end:
            return False
    for index in after[:-1]:
        state.drop(index, "tags", "tags.after_credit")
    state.cut(last, 0, tags_end, "tags", "tags.after_credit")
    return True


#: A short closing line after the tags that is no sentence (`Hoegeng Awards 2025`, a campaign's name).
SHORT_LINE_WORDS = 5


def _leading_tag_lines_end(state: ArticleState, index: int) -> int:
    """Where the tag lines that open paragraph `index` end, or 0: the splitter joined the tag lines (`korlantas
    polri`, `zero over dimension`) with what follows them on lines of their own (`Hoegeng Awards 2025`), which
    fails `TAG_LINE` as a whole. Only its lines in the normalized text (`ArticleState.source_lines`) tell them
    apart; the lines after the tags must be short and end no sentence, or the paragraph is left whole."""
    lines = state.source_lines(index)
    count = 0
    for line in lines:
        if not TAG_LINE.fullmatch(line.strip()):
            break
        count += 1
    rest = lines[count:]
    if not count or not rest:
        return 0
    if any(len(line.split()) > SHORT_LINE_WORDS or line.rstrip().endswith((".", "!", "?")) for line in rest):
        return 0
    return line_ends(lines)[count - 1]


def drop_doubled_title(state: ArticleState, live: list[int]) -> bool:
    """A video or related-story widget at the end of the body prints its headline twice, on two lines of their
    own (`Gempa M 7,1 Guncang Jepang` / `Gempa M 7,1 Guncang Jepang`, then the editor code).

    Taken only when the last two paragraphs still standing are the same headline-shaped line (a capital, no
    sentence end inside, three words or more, in title case) and prose stands before them. A closing sentence
    that a scraper doubled ends with a point and is left to the repeat rule, which keeps its first copy; a
    song's refrain closing an article (`Kau tak akan terganti` twice) is in sentence case, and stays; a
    chant (`Ayo Indonesia Bisa Juara!` twice) ends with `!`, and stays too.
    """
    if len(live) < 3 or not state.enabled("embed.doubled_title"):
        return False
    last = " ".join(state.masked(live[-1]).split())
    before = state.masked(live[-2])
    # Joining a text's words by single spaces never lengthens it: a shorter line before cannot be the same.
    if len(before) < len(last) or " ".join(before.split()) != last:
        return False
    if last.endswith("!") or not _is_title_case_headline(last):
        return False
    for index in live[-2:]:
        state.drop(index, "embed", "embed.doubled_title")
    return True


def _is_title_case_headline(line: str) -> bool:
    """A headline line in title case: `HEADLINE_LINE`, three words or more, and at least
    `TITLE_CASE_SHARE` of its words other than `HEADLINE_SMALL_WORDS` capitalised (or numbers)."""
    words = line.split()
    if len(words) < 3 or HEADLINE_LINE.fullmatch(line) is None:
        return False
    content = [word.strip("\"'“”‘’(") for word in words if word.casefold() not in HEADLINE_SMALL_WORDS]
    content = [word for word in content if word]
    capitalised = sum(1 for word in content if word[0].isupper() or word[0].isdigit())
    return bool(content) and capitalised >= TITLE_CASE_SHARE * len(content)
