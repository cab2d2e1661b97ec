"""Outlet names and the pieces of dateline patterns built from them.

A *brand* is what an outlet puts in its dateline: either a domain-like name (`KOMPAS.com`, `REPUBLIKA.CO.ID`,
`tirto.id`, any `Name.TLD` so outlets nobody listed are caught) or one of the names below that carry no TLD
(`CNN Indonesia`, `INDOPOST`). Brand strings are only ever removed in the dateline or footer position: the
same names appear in prose (`seperti dikutip Antaranews`, `kepada KONTAN`) and stay there.
"""

from __future__ import annotations

import re

import regex

#: Outlets whose datelines carry no domain. Longest first so `CNN Indonesia` wins over a shorter name.
NAMED_OUTLETS: tuple[str, ...] = (
    "CNBC Indonesia",
    "CNBCIndonesia",
    "CNN Indonesia",
    "IDN Times",
    "Bloomberg Technoz",
    "PIKIRAN RAKYAT",
    "Pikiran Rakyat",
    "INFO NASIONAL",
    "Info Nasional",
    "DDTCNews",
    "INDOPOST",
    "Indopost",
    "POSMETRO",
    "Posmetro",
    "Pos Kota",
    "POS KOTA",
    "VIVA",
    "Viva",
    "ANTARA",
    "Antara",
    "Sputnik",
    "SINDOnews",
    "Sindonews",
    "Okezone",
    "KONTAN",
    "Kontan",
    "JawaPos",
    "Jawa Pos",
    "Tribunnews",
    "TRIBUNNEWS",
    "detikcom",
    "Kapanlagi",
    "KapanLagi",
    "Suara",
    "Merdeka",
    "Republika",
    "REPUBLIKA",
    "Serambinews",
    "SERAMBINEWS",
    "Bisnis",
    "Tempo",
    "TEMPO",
    "Liputan6",
    "Gatra",
    "GATRA",
    "RMOL",
    "Hukumonline",
    "Kumparan",
    "kumparan",
    "VOA Indonesia",
    "BBC News Indonesia",
    "Media Indonesia",
    "iNews",
    "Fajar",
    "FAJAR",
    "Investor Daily",
)

#: Top-level and second-level domains seen in Indonesian outlet datelines.
TLDS = r"(?i:co\.id|or\.id|web\.id|my\.id|ac\.id|go\.id|com|co|id|net|org|news|tv|info|biz|asia|xyz|C0M)"

#: `Name.TLD` as outlets write it in datelines (`KOMPAS.com`, `REPUBLIKA.CO.ID`, `SURYA.co.id`, `tirto.id`).
DOMAIN_BRAND = rf"(?:[\p{{L}}\d][\p{{L}}\d-]{{0,30}}+(?:\.[\p{{L}}\d-]{{1,30}}+){{0,2}}\.{TLDS}(?![\p{{L}}\d.]))"

NAMED_BRAND = (
    "(?:" + "|".join(sorted((n.replace(" ", r"\s?") for n in NAMED_OUTLETS), key=len, reverse=True)) + r")(?![\p{L}\d])"
)

BRAND = rf"(?:{DOMAIN_BRAND}|{NAMED_BRAND})"

#: What a text opening with a `BRAND` opens with, tested with string methods and stdlib `re` before the (much
#: slower) brand patterns: a named outlet's first word, or a first label (word characters and hyphens, a
#: superset of the domain label's letters, digits and hyphens) followed by a dot within 32 characters.
NAMED_OUTLET_FIRST_WORDS: tuple[str, ...] = tuple(sorted({name.split(" ")[0] for name in NAMED_OUTLETS}))
DOMAIN_LABEL_THEN_DOT = re.compile(r"\w[\w-]{0,30}\.")


def may_open_with_brand(text: str) -> bool:
    """False when `text` certainly does not start with a `BRAND`."""
    return text.startswith(NAMED_OUTLET_FIRST_WORDS) or DOMAIN_LABEL_THEN_DOT.match(text) is not None


#: A place name in a dateline: up to four words, each capitalised (`JAKARTA`, `Kendari`, `KUALA LUMPUR`,
#: `LAMPUNG UTARA`, `VILLENEUVE d’ASCQ`, `Aceh Barat Daya`). A word is in capitals or in title case: a capital
#: after a lowercase letter (`JakartaParis`) is a city glued to the lead's first word, not one place name.
CITY_WORD = r"(?:\p{Lu}(?:[\p{Lu}'’.]*|[\p{Ll}'’.]*)(?!\p{L})|d['’]\p{Lu}+|de|da|al|el)"
CITY = rf"(?:{CITY_WORD}(?:[ -]{CITY_WORD}){{0,3}})"

#: A place written in capitals only: the shape of a city-only dateline (`JAKARTA - `, `SERANG-Acara`).
CAPS_WORD = r"(?:\p{Lu}[\p{Lu}'’.]+|d['’]\p{Lu}+)"
CAPS_CITY = rf"(?:{CAPS_WORD}(?: {CAPS_WORD}){{0,3}})"

def _atomic(name: str, body: str) -> str:
    """`body` matched atomically (never giving back characters), in the stdlib `re` of Python 3.10, which has
    no atomic groups: a lookahead captures the longest match and a backreference consumes it."""
    return f"(?=(?P<{name}>{body}))(?P={name})"


#: A superset, in stdlib `re`, of the city words of a dateline: word characters, apostrophes and dots, up to
#: four words split by a space or hyphen. Each word is taken whole (atomically): what may follow city words (a
#: space, hyphen, comma, parenthesis or dash) is none of its characters, so giving some back could never let a
#: match through; it only made every failing test retry each shorter word (1.8 -> 1.1 us a lead paragraph).
_CITY_FIRST_WORD = _atomic("city_first_word", r"[^\W\d_][\w'’.]*")
_CITY_NEXT_WORD = _atomic("city_next_word", r"[\w'’.]+")
_CITY_LIKE = rf"{_CITY_FIRST_WORD}(?:[ -]{_CITY_NEXT_WORD}){{0,3}}"
#: The dateline separator: any Unicode dash (`\p{Pd}`), doubled or tripled, with or without spaces.
DASH = r"(?:\s*\p{Pd}){1,3}\s*"
#: A separator that closes a dateline after a multi-word part: a single dash glued to words on both sides
#: (`Perserikatan Bangsa-Bangsa`, `Siap-siap`) is a hyphen inside the lead, not the end of the dateline.
CLOSING_DASH = rf"(?!\p{{Pd}}[^\s\p{{Pd}}]){DASH}"
#: Wire agencies and outlets named in an agency dateline's parentheses (`(ANTARA)`, `(Antara/PRNewswire)`).
AGENCY_NAME = regex.compile(
    r"(?i:antara|reuters|afp|ap|xinhua|bernama|anadolu|kyodo|yonhap|sputnik|tass|dpa|efe|ansa|upi|"
    r"prnewswire|business\s?wire|globe\s?newswire|pos\s?kota)(?![\p{L}])|" + NAMED_BRAND,
    regex.V1,
)


#: Every Unicode dash (`\p{Pd}` of the `regex` module), for stdlib `re`, which has no Unicode property classes
#: (a test compares the two).
DASH_CHARS = "-\u058a\u05be\u1400\u1806\u2010\u2011\u2012\u2013\u2014\u2015\u2e17\u2e1a\u2e3a\u2e3b\u2e40\u2e5d\u301c\u3030\u30a0\ufe31\ufe32\ufe58\ufe63\uff0d\U00010d6e\U00010ead"
_DASH_CLASS = re.escape(DASH_CHARS)
#: What a text opening with a `CITY` and then a parenthesis opens with: the city words, then any run without
#: parentheses (the agency datelines' `, NTB` or `, 23 Februari 2016`), the parenthesis with two to forty
#: characters inside, and the dash after it (without the dash, parentheses in a lead's first words passed).
CITY_THEN_PARENTHESIS = re.compile(rf"{_CITY_LIKE}\s*(?:,[^()]*)?\([^()\n]{{2,40}}\)\s*[{_DASH_CLASS}]")


def may_open_with_city_then_parenthesis(text: str) -> bool:
    """False when `text` certainly does not start with a `CITY`, an optional comma part, a parenthesis and a
    dash.

    Most texts hold no parenthesis at all, and the substring test spares them the prefilter, whose comma part
    rescans to the next parenthesis for every way the city words can end (12 us on a typical article).
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
    """Whether `text[:end]` holds one of `DASH_CHARS`: `str.find` for `-` (a character class search costs ~6 ns
    a character, `find` a fraction), and the class only on non-ASCII text (`isascii` is a flag lookup)."""
    return text.find("-", 0, end) >= 0 or (not text.isascii() and _NON_ASCII_DASH.search(text, 0, end) is not None)
#: What a text opening with a `CITY`, a comma and a `BRAND` opens with (a superset, as `DATELINE_OPENING`).
CITY_THEN_COMMA_THEN_BRAND = re.compile(rf"{_CITY_LIKE}\s*,\s*{_BRAND_LIKE}")


def may_open_with_brand_then_dash(text: str) -> bool:
    """False when `text` certainly does not start with a `BRAND` followed by a dash.

    A brand holds no comma (a domain, or a named outlet: a test checks the names), so the dash after it comes
    before the text's first comma. Most texts that open with a brand go on with a comma (`Liputan6.com,
    Jakarta - `), and the brand-then-dash pattern failed on every one of them (~5 us each).
    """
    comma = text.find(",")
    end = len(text) if comma < 0 else comma
    return holds_dash(text, end) and may_open_with_brand(text)


def may_open_with_city_then_comma_then_brand(text: str) -> bool:
    """False when `text` certainly does not start with a `CITY`, a comma and a `BRAND` (`Jakarta, Senin`,
    `Liputan6.com, Jakarta` fail on the brand without the pattern's ~4 us)."""
    return CITY_THEN_COMMA_THEN_BRAND.match(text) is not None


def may_open_with_dateline(text: str) -> bool:
    """False when no lead rule can match at the start of `text`.

    Why: a lead paragraph without a dateline (the second to fourth paragraphs, the lead once its dateline is
    cut) used to go through every lead rule's own opening test and pattern, ~5 us a paragraph. Every dateline
    opens with a dash or punctuation left by a lost dateline, a brand, or city words followed by a comma and a
    brand, a parenthesis or a dash; one match tests for all of them, and prose (`Menurut dia, ...`) fails it.
    """
    return DATELINE_OPENING.match(text) is not None
