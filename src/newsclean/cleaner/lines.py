"""The line zone: paragraphs that are wholly an insert (the `line` rules), a related-link line, the
headlines that follow a bare related label, and the paragraphs other inserts introduce (`introduced`).
"""

from __future__ import annotations

import regex

from ..patterns.base import Rule
from ..patterns.words import HEADLINE_SMALL_WORDS, RELATED_LABEL
from .gates import first_gate_char, holds_any, may_match_paragraph, may_open_with_related_label
from .headlines import MAX_HEADLINE_LIST_CHARS, ends_a_sentence, is_headline, reads_as_headline
from .introduced import CREDIT_LINE_RULES, drop_caption_after_credit, drop_video_description
from .records import ArticleState, line_ends
from .regexes import regex_fullmatch, regex_timeout
from .selection import FOLDED_NEEDS, NO_NEEDS, RAW_NEEDS

MAX_HEADLINES_AFTER_LABEL = 4
RELATED_AT_START = regex.compile(rf"^{RELATED_LABEL}\s*[:：]?\s*", regex.V1)
#: The labels between the headlines of a related-link line that lists several (`Baca juga: A Baca juga: B`).
RELATED_BETWEEN = regex.compile(rf"{RELATED_LABEL}\s*[:：]", regex.V1)
#: Line rules are bounded (no insert line is longer); longer paragraphs are prose and skip them.
LINE_RULE_MAX_CHARS = 420


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
            elif line_rule.name in CREDIT_LINE_RULES:
                taken_through = drop_caption_after_credit(state, index, text)
            elif line_rule.name == "embed.video_prompt":
                taken_through = drop_video_description(state, index, text)
            elif line_rule.name == "nav.table_of_contents":
                taken_through = drop_contents_entries(state, index)


def _line_candidates(state: ArticleState) -> list[tuple[int, str, tuple[Rule, ...], bool]]:
    """(index, stripped text, the line rules its gates admit, whether it opens with a related label) of the
    paragraphs a line rule or the related-link line test could match, in order.

    Why: line rules are gated on the paragraph's first case-folded character, their `needs`, how it opens
    (`starts_with`, `opens_with`) and ends (`ends_with`) and the paragraph's length, the related-link line on
    its first word; most
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
                admitted = tuple(rule for rule in admitted if _may_be_line(rule, text, opens_with_label))
            if needs == FOLDED_NEEDS and admitted:
                folded = state.memo.folded(text)
                admitted = tuple(rule for rule in admitted if may_match_paragraph(rule, folded))
            elif needs == RAW_NEEDS:
                admitted = tuple(rule for rule in admitted if not rule.needs or holds_any(text, rule.needs))
        if admitted or opens_with_label:
            candidates.append((index, text, admitted, opens_with_label))
    return candidates


def _may_be_line(line_rule: Rule, text: str, opens_with_label: bool) -> bool:
    """Whether the stripped paragraph `text` opens and ends as a match of `line_rule` must (`starts_with`,
    `opens_with`, `ends_with`, `closes_with`); `opens_with_label` is `may_open_with_related_label(text)`, which
    the caller has already asked."""
    if line_rule.starts_with and not text.startswith(line_rule.starts_with):
        return False
    if line_rule.ends_with and not text.endswith(line_rule.ends_with):
        return False
    if line_rule.closes_with is not None and not line_rule.closes_with(text):
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

    A following line that is a finished sentence, or longer than a headline, ends the run: it is prose. A
    paragraph the splitter joined from several lines of the scrape is judged line by line
    (`_headline_lines_end`): only its headline lines go, and it goes whole only when every line is one.
    """
    rule_name = "related.headline_after_label"
    if not state.enabled(rule_name):
        return index
    limit = 1 if colon else MAX_HEADLINES_AFTER_LABEL
    taken = 0
    while taken < limit and index + 1 < len(state.paragraphs):
        candidate = state.paragraphs[index + 1].text
        lines = state.source_lines(index + 1)
        if len(lines) > 1:
            end, count = _headline_lines_end(candidate, lines, limit - taken)
            if end < len(candidate.rstrip()):
                if end:
                    state.cut(index + 1, 0, end, "related", rule_name)
                break
            taken += count
        elif is_headline(candidate):
            taken += 1
        else:
            break
        index += 1
        state.drop(index, "related", rule_name)
    return index


def _headline_lines_end(text: str, lines: list[str], limit: int) -> tuple[int, int]:
    """Where the leading lines of a paragraph (`text`, joined from `lines`) that read as headlines end, up to
    `limit` of them and only at a line break after which a sentence opens (or at the paragraph's end), and how
    many lines that is; (0, 0) when none.

    Why: scrapes that break lines around every link (Detik's `Baca juga:` and one headline, Republika's `Baca
    Juga` and up to four, Detik's links inside sentences: `lawatan` / `Indonesia` / `ke markas`) get the
    headline lines joined to the prose after them by the paragraph splitter (`Jadwal Indonesia Vs Jepang, Main
    Sore Ini` + `Dengan demikian, lawatan`), which as a whole can still pass for a headline. The line break in
    the normalized text is where a headline ends for certain. A wrapped sentence goes on in lower case on its
    next line, so no end falls before such a line; and a line after the first must be in title case, as
    Republika's headlines are, since a prose line can open with a capital and stop short of its sentence end.
    The lines end in `text` where `line_ends` says.
    """
    start = 0
    end = count = 0
    for number, line_end in enumerate(line_ends(lines[:limit])):
        candidate = text[start:line_end]
        if not (is_headline(candidate) and reads_as_headline(candidate)):
            break
        if number and not _in_title_case(candidate):
            break
        start = line_end + 1
        following = text[start:].lstrip()
        if not following or following[:1].isupper() or following[:1] in "\"“":
            end, count = min(line_end, len(text)), number + 1
    return end, count


#: Lowercase words a title-case headline line may hold besides the small ones (`Sekolah tak Terbitkan SKL`).
MAX_LOWERCASE_HEADLINE_WORDS = 1


def _in_title_case(line: str) -> bool:
    """Whether the words of `line` open with a capital or a digit, but for the small ones (`dan`, `di`,
    `pada`) and at most `MAX_LOWERCASE_HEADLINE_WORDS` others; a line of prose holds a run of lowercase words."""
    words = [word.strip("\"'“”‘’()") for word in line.split()]
    lowercase = [
        word
        for word in words
        if word and word[0].islower() and word.rstrip(",.:;!?").casefold() not in HEADLINE_SMALL_WORDS
    ]
    return len(lowercase) <= MAX_LOWERCASE_HEADLINE_WORDS


#: A table-of-contents entry is a subheading's words: short, and no sentence.
MAX_CONTENTS_ENTRY_CHARS = 120
#: What a subheading glued into the text follows: the end of the sentence before it, or the colon of a list.
SUBHEADING_GLUED_AFTER = ".!?\"”:"
CONTENTS_RULE = "nav.contents_entries"


def drop_contents_entries(state: ArticleState, index: int) -> int:
    """After Detik's `Daftar Isi` (paragraph `index`), drop the paragraphs whose every line is an entry of the
    table: a short line, no sentence end, that stands again as a line of its own further down the article (the
    subheading it links to). The index of the last paragraph taken.

    Why the repeat is asked: the article's own first paragraph also follows the label when the table is
    empty or lost, and it is never repeated as a line below; the subheadings below stay, as they are the
    article's. The lines are read as the normalized text holds them (`ArticleState.source_lines`)."""
    if not state.enabled(CONTENTS_RULE):
        return index
    taken = index
    while taken + 1 < len(state.paragraphs):
        lines = [line.strip() for line in state.source_lines(taken + 1)]
        later = state.source[state.paragraphs[taken + 1].end :]
        if not all(_is_contents_entry(line, later) for line in lines):
            break
        taken += 1
        state.drop(taken, "nav", CONTENTS_RULE)
    return taken


def _is_contents_entry(line: str, later: str) -> bool:
    """Whether `line` is short, ends no statement, and stands again as a subheading in `later`: a line of its
    own, or (where the scraper glued the subheadings into the text, `...terlebih dahulu.Apakah Prediabetes Bisa
    Sembuh?Prediabetes masih bisa ...`, `... dari prediabetes: 1. Mengkonsumsi Makanan Kaya NutrisiPastikan`)
    between a sentence end or a list's colon and a capital glued on. A question may be an entry: subheadings
    ask them (`Apakah Prediabetes Bisa Sembuh?`)."""
    if not line or len(line) > MAX_CONTENTS_ENTRY_CHARS or line.endswith((".", "!", '"', "”")):
        return False
    start = later.find(line)
    while start >= 0:
        end = start + len(line)
        before = start
        while before and later[before - 1] == " ":
            before -= 1
        opens = not before or later[before - 1] == "\n" or later[before - 1] in SUBHEADING_GLUED_AFTER
        closes = end == len(later) or later[end] == "\n" or later[end].isupper()
        if opens and closes:
            return True
        start = later.find(line, start + 1)
    return False


def is_related_link_line(text: str) -> bool:
    """A paragraph that opens with `Baca juga:` and a headline, or several labelled headlines, (not prose after
    them) goes whole. Asked only of paragraphs that `may_open_with_related_label`."""
    match = RELATED_AT_START.match(text)
    if not match or match.end() == 0:
        return False
    rest = text[match.end() :]
    if len(rest) > MAX_HEADLINE_LIST_CHARS or ends_a_sentence(rest):
        return False
    # Each headline of the line must read as one: a headline glued to the next paragraph's prose (`...Kuliah di 3
    # Negara Ia juga menyampaikan tekad ...`, `...Jokowi"Tentu saya tambahkan, ...`) or a quotation after a bare
    # label (`Baca juga:,"Kita yakini ...," ujar ...`) has no sentence break `SENTENCE_BREAK` sees, and the
    # whole paragraph went. Such a line stays here; the inline zone removes its label and any headline whose
    # end is certain.
    # Headlines glued to each other (Kapanlagi's `Baca Ini Juga Deh:A?B`) are still all headline.
    return all(reads_as_headline(item, within_list=True) for item in RELATED_BETWEEN.split(rest) if item.strip(" ,."))
