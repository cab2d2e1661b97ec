"""The cheap necessary conditions tested before a rule's pattern: the gate text of a paragraph, a rule's
`first_chars` and `needs` on it, how a text may open (`opens_with`) and how a line may close (`closes_with`).

Each test answers False only when the pattern certainly cannot match, so a gate never changes an output; a
regex call costs far more than these tests, and almost every paragraph is prose that no rule matches. The
tests are checked against the patterns in tests/test_rule_gates.py. The patterns themselves are data in
`newsclean.patterns`, whose rules name the opening tests here.
"""

from __future__ import annotations

import re

from ..patterns.base import Rule
from ..patterns.outlets import DASH_CHARS, NAMED_OUTLET_FIRST_WORDS
from ..patterns.words import (
    PHOTO_CREDIT_WORDS,
    RELATED_LABEL_FIRST_CHARS,
    RELATED_LABEL_OPENINGS,
    SOURCE_CREDIT_WORDS,
)


def holds_any(text: str, needles: tuple[str, ...]) -> bool:
    """Whether one of `needles` occurs in `text`: written so that the compiled build makes it a loop, without
    the call per needle of `any(map(text.__contains__, needles))`."""
    return any(needle in text for needle in needles)


def gate_text(text: str) -> str:
    """The form of a paragraph that `Rule.first_chars` and `Rule.needs` are tested against.

    Case-folded, because a case-insensitive pattern matches any case; without U+0307, because `regex` lets
    `İ` match `i` while case folding writes it `i` + U+0307 (dropping a character only lets more texts pass).
    """
    return text.casefold().replace("\u0307", "")


def gate_head(text: str, chars: int) -> str:
    """The start of `gate_text(text)`, at least `chars` characters of it (all of it if shorter), folding only
    as much of `text` as that takes.

    Case folding maps each character on its own, so the gate text of a prefix is a prefix of the gate text.
    Folding can shorten a prefix (U+0307 goes), so a head that came out short is folded again from the whole
    text. Twice `chars` characters are folded first: folding never drops a character other than U+0307.
    """
    head = gate_text(text[: 2 * chars])
    if len(head) < chars < len(text):
        return gate_text(text)
    return head


def first_gate_char(text: str) -> str:
    """`gate_text(text)[:1]`, folding only the start of the text (an ASCII character folds to its lowercase)."""
    first = text[:1]
    if first.isascii():
        return first.lower()
    return gate_head(text, 1)[:1]


def may_match_paragraph(rule: Rule, folded: str) -> bool:
    """False when the pattern of `rule` certainly cannot match the paragraph whose `gate_text` is `folded`."""
    if rule.first_chars and folded[:1] not in rule.first_chars:
        return False
    if rule.needs and not holds_any(folded, rule.needs):
        return False
    return holds_also_needs(rule, folded)


def holds_also_needs(rule: Rule, folded: str) -> bool:
    return not rule.also_needs or holds_any(folded, rule.also_needs)


#: The first label of a domain brand followed by a dot (a superset of `DOMAIN_BRAND`'s opening; see
#: `NAMED_OUTLET_FIRST_WORDS`).
DOMAIN_LABEL_THEN_DOT = re.compile(r"\w[\w-]{0,30}\.")


def may_open_with_brand(text: str) -> bool:
    """False when `text` certainly does not start with a `BRAND`."""
    return text.startswith(NAMED_OUTLET_FIRST_WORDS) or DOMAIN_LABEL_THEN_DOT.match(text) is not None


def _atomic(name: str, body: str) -> str:
    """`body` matched atomically (never giving back characters), in the stdlib `re` of Python 3.10, which has
    no atomic groups: a lookahead captures the longest match and a backreference consumes it."""
    return f"(?=(?P<{name}>{body}))(?P={name})"


#: A superset, in stdlib `re`, of the city words of a dateline: word characters, apostrophes and dots, up to
#: four words split by a space or hyphen. Each word is taken whole (atomically): what may follow city words (a
#: space, hyphen, comma, parenthesis or dash) is none of its characters, so giving some back could never let a
#: match through; it only made every failing test retry each shorter word.
_CITY_FIRST_WORD = _atomic("city_first_word", r"[^\W\d_][\w'’.]*")
_CITY_NEXT_WORD = _atomic("city_next_word", r"[\w'’.]+")
_CITY_LIKE = rf"{_CITY_FIRST_WORD}(?:[ -]{_CITY_NEXT_WORD}){{0,3}}"


_DASH_CLASS = re.escape(DASH_CHARS)
#: What a text opening with a `CITY` and then a parenthesis opens with: the city words, then any run without
#: parentheses (the agency datelines' `, NTB` or `, 23 Februari 2016`), the parenthesis with two to forty
#: characters inside, and the dash after it (without the dash, parentheses in a lead's first words passed).
CITY_THEN_PARENTHESIS = re.compile(rf"{_CITY_LIKE}\s*(?:,[^()]*)?\([^()\n]{{2,40}}\)\s*[{_DASH_CLASS}]")


def may_open_with_city_then_parenthesis(text: str) -> bool:
    """False when `text` certainly does not start with a `CITY`, an optional comma part, a parenthesis and a
    dash.

    Most texts hold no parenthesis at all, and the substring test spares them the prefilter, whose comma part
    rescans to the next parenthesis for every way the city words can end.
    """
    return "(" in text and CITY_THEN_PARENTHESIS.match(text) is not None


#: A superset, in stdlib `re`, of the opening of a `BRAND` (`_CITY_LIKE`, above, is that of the city words of
#: `CITY`, `CAPS_CITY` and a title-case city).
_BRAND_LIKE = r"(?:" + "|".join(map(re.escape, NAMED_OUTLET_FIRST_WORDS)) + r"|\w[\w-]{0,30}\.)"
DATELINE_OPENING = re.compile(
    rf"[,.;:{_DASH_CLASS}]|{_BRAND_LIKE}"
    rf"|{_CITY_LIKE}\s*(?:,\s*{_BRAND_LIKE}|,\s*[^()\n]{{2,40}}?\s*\(|\(|[{_DASH_CLASS}])"
)
_NON_ASCII_DASH = re.compile("[" + re.escape("".join(c for c in DASH_CHARS if not c.isascii())) + "]")


def holds_dash(text: str, end: int) -> bool:
    """Whether `text[:end]` holds one of `DASH_CHARS`: `str.find` for `-` (a character class search steps
    through the text a character at a time, `find` scans for one character far faster), and the class only on
    non-ASCII text (`isascii` is a flag lookup)."""
    return text.find("-", 0, end) >= 0 or (not text.isascii() and _NON_ASCII_DASH.search(text, 0, end) is not None)


#: What a text opening with a `CITY`, a comma and a `BRAND` opens with (a superset, as `DATELINE_OPENING`).
CITY_THEN_COMMA_THEN_BRAND = re.compile(rf"{_CITY_LIKE}\s*,\s*{_BRAND_LIKE}")


def may_open_with_brand_then_dash(text: str) -> bool:
    """False when `text` certainly does not start with a `BRAND` followed by a dash.

    A brand holds no comma (a domain, or a named outlet: a test checks the names), so the dash after it comes
    before the text's first comma. Most texts that open with a brand go on with a comma (`Liputan6.com,
    Jakarta - `), and the brand-then-dash pattern was tried, and failed, on every one of them.
    """
    comma = text.find(",")
    end = len(text) if comma < 0 else comma
    return holds_dash(text, end) and may_open_with_brand(text)


def may_open_with_city_then_comma_then_brand(text: str) -> bool:
    """False when `text` certainly does not start with a `CITY`, a comma and a `BRAND` (`Jakarta, Senin`,
    `Liputan6.com, Jakarta` fail on the brand without trying the pattern)."""
    return CITY_THEN_COMMA_THEN_BRAND.match(text) is not None


def may_open_with_dateline(text: str) -> bool:
    """False when no lead rule can match at the start of `text`.

    Why: a lead paragraph without a dateline (the second to fourth paragraphs, the lead once its dateline is
    cut) used to go through every lead rule's own opening test and pattern, one rule after another. Every dateline
    opens with a dash or punctuation left by a lost dateline, a brand, or city words followed by a comma and a
    brand, a parenthesis or a dash; one match tests for all of them, and prose (`Menurut dia, ...`) fails it.
    """
    return DATELINE_OPENING.match(text) is not None


LONGEST_RELATED_LABEL_OPENING = max(map(len, RELATED_LABEL_OPENINGS))


def may_open_with_related_label(text: str, first: str | None = None) -> bool:
    """False when `text` certainly does not start with `RELATED_LABEL`.

    The label's words are matched ignoring case, which lets `İ` and the dotless `ı` match `i`; the gate text
    (case-folded, without U+0307) with `ı` written `i` starts with the same word (a test checks every character
    the pattern's case-insensitive letters accept). `first`, when the caller has it, is `first_gate_char(text)`:
    most paragraphs fail on it without the longer fold.
    """
    if first is not None and first not in RELATED_LABEL_FIRST_CHARS:
        return False
    head = gate_head(text, LONGEST_RELATED_LABEL_OPENING)
    return head.replace("ı", "i").startswith(RELATED_LABEL_OPENINGS)


#: The words a photo credit in parentheses opens with (`caption.credit_parenthesis_line`), casefolded: each
#: alternative of the rule's credit words up to its first space (`image\s+by` opens with `image`).
CREDIT_OPENING_WORDS: tuple[str, ...] = tuple(
    sorted({words.split("\\s", 1)[0] for words in f"{PHOTO_CREDIT_WORDS}|{SOURCE_CREDIT_WORDS}".split("|")})
)
#: The top-level domains of the rule's third opening, an outlet's domain and a slash (`DOMAIN_CREDIT`).
CREDIT_DOMAIN_ENDINGS = (".com", ".co.id")


def may_close_with_credit_parenthesis(text: str) -> bool:
    """False when the stripped line `text` certainly does not close with a photo credit in parentheses.

    Why: the rule's pattern finds its parenthesis by backtracking from each possible end of the caption before
    it, most of the cleaning time of a line of prose ending in `(9/6/2025).`, the lines its other gates admit.
    Nothing of the pattern after that parenthesis may hold another (`[^()]`), so it is the line's last one, and
    what follows it, casefolded as the pattern's case-insensitive words match, opens with a credit word or
    holds a domain and a slash. String tests, not a case-insensitive search: with full case folding, that
    costs more than the whole gate should.
    """
    at = text.rfind("(")
    if at < 0:
        return False
    folded = text[at + 1 :].casefold()
    return folded.startswith(CREDIT_OPENING_WORDS) or (
        "/" in folded and any(ending in folded for ending in CREDIT_DOMAIN_ENDINGS)
    )


def may_close_with_capitals(text: str) -> bool:
    """False when `text` certainly does not end with a word in capitals (`byline.capitals_names_trailing`): its
    last word, trailing spaces aside, has a lowercase letter or no letter at all. Most last paragraphs end with a
    lowercase word and a point, and skip a search that tries its lookbehinds at every position."""
    words = text.rsplit(None, 1)
    return bool(words) and words[-1].isupper()
