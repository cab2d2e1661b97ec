"""Outlet names and the pieces of dateline patterns built from them.

A *brand* is what an outlet puts in its dateline: either a domain-like name (`KOMPAS.com`, `REPUBLIKA.CO.ID`,
`tirto.id`, any `Name.TLD` so outlets nobody listed are caught) or one of the names below that carry no TLD
(`CNN Indonesia`, `INDOPOST`). Brand strings are only ever removed in the dateline or footer position: the
same names appear in prose (`seperti dikutip Antaranews`, `kepada KONTAN`) and stay there.
"""

from __future__ import annotations

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
    "KOMPAS",
    "Kompas",
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
#: superset of the domain label's letters, digits and hyphens) followed by a dot within 32 characters (the
#: opening tests are `newsclean.cleaner.gates`).
NAMED_OUTLET_FIRST_WORDS: tuple[str, ...] = tuple(sorted({name.split(" ")[0] for name in NAMED_OUTLETS}))


#: A place name in a dateline: up to four words, each capitalised (`JAKARTA`, `Kendari`, `KUALA LUMPUR`,
#: `LAMPUNG UTARA`, `VILLENEUVE d’ASCQ`, `Aceh Barat Daya`). A word is in capitals or in title case: a capital
#: after a lowercase letter (`JakartaParis`) is a city glued to the lead's first word, not one place name.
CITY_WORD = r"(?:\p{Lu}(?:[\p{Lu}'’.]*|[\p{Ll}'’.]*)(?!\p{L})|d['’]\p{Lu}+|de|da|al|el)"
CITY = rf"(?:{CITY_WORD}(?:[ -]{CITY_WORD}){{0,3}})"

#: A place written in capitals only: the shape of a city-only dateline (`JAKARTA - `, `SERANG-Acara`).
CAPS_WORD = r"(?:\p{Lu}[\p{Lu}'’.]+|d['’]\p{Lu}+)"
CAPS_CITY = rf"(?:{CAPS_WORD}(?: {CAPS_WORD}){{0,3}})"

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
