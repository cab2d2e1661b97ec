"""Text normalization: small `str -> str` fixers composed in one declared order.

ftfy repairs broken encodings and HTML entities. Around it we add what ftfy leaves alone in scraped news:
no-break and zero-width spaces, direction marks, soft hyphens, stray control characters, Greek/Cyrillic
look-alike letters inside Latin words, literal `\\r\\n` escapes from database dumps, and runs of spaces.

Decisions (see docs/design/normalization.md):

* Quotes are kept as the outlet wrote them (`uncurl_quotes=False`): curly quotes are correct Indonesian
  typography and flattening them would change prose for no gain in matching (dedupe tokenizes words only).
* Unicode NFC, not NFKC: NFKC rewrites superscripts (`m²` -> `m2`) and other compatibility characters that
  carry meaning; fullwidth forms and ligatures are already fixed by ftfy's targeted fixes.
* Newlines are kept: they are the only paragraph signal a scrape has. Runs of spaces and tabs become one
  space, trailing spaces go, and three or more newlines become a blank line.

ftfy is the slow part (its badness search and its fixers each go over the whole text), so it only runs on the
lines that show a sign it is needed: a mojibake lead byte, a C1 control, an HTML entity, or a carriage return.
Clean UTF-8 text skips it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

import ftfy
import regex

from .boundaries import mark_space_seams, restore
from .extensions import WORDSCAN
from .models import Edit

FTFY_CONFIG = ftfy.TextFixerConfig(
    unescape_html=True,
    uncurl_quotes=False,
    normalization="NFC",
    explain=False,
)

#: Characters that only appear in text whose encoding went wrong (UTF-8 read as cp1252/latin-1/MacRoman), plus
#: C1 controls, HTML entities and carriage returns: the text ftfy has work to do on. `√` is the Mac Roman
#: reading of the lead byte of `é`, `ñ`, `ü` (`Nestl√©`, `ingl√©s`): ftfy repairs it, and without the sign it
#: never ran there, and the `©` of `√©` read as a copyright notice (`footer.line` took the sentence).
NEEDS_FTFY_CHARS = "ÃÂâÅÄÆÐÑÎÏ€¬‚√\u0080-\u009f\r"
NEEDS_FTFY = re.compile(rf"[{NEEDS_FTFY_CHARS}]|&(?:#\d{{2,6}}|#x[0-9a-fA-F]{{2,5}}|[a-zA-Z]{{2,8}});")
#: `NEEDS_FTFY` in two parts. The alternation defeats `re`'s character-class scan (each part alone keeps a
#: fast scan to where it can start), and an ASCII text can only hold the carriage return and entities.
NEEDS_FTFY_CHAR = re.compile(f"[{NEEDS_FTFY_CHARS}]")
HTML_ENTITY = re.compile(r"&(?:#\d{2,6}|#x[0-9a-fA-F]{2,5}|[a-zA-Z]{2,8});")


def needs_ftfy(text: str) -> bool:
    """`NEEDS_FTFY.search(text) is not None`, computed faster: the text shows a sign that ftfy has work to do."""
    if text.isascii():
        if "\r" in text:
            return True
    elif NEEDS_FTFY_CHAR.search(text):
        return True
    return "&" in text and HTML_ENTITY.search(text) is not None


#: `”` is E2 80 9D in UTF-8; cp1252 has no character for 0x9D, so mojibake often loses it and leaves `â€`
#: followed by a plain space. ftfy reads that as the dagger `†` (E2 80 A0, with A0 taken for a space). In
#: Indonesian news a closing quote is overwhelmingly more likely than a dagger, so restore the quote first.
LOST_CLOSING_QUOTE = regex.compile(r"â€(?= |$)", regex.MULTILINE)

#: Backslash escapes written out literally by a database or CSV export (`\r\n`, `\n`), never prose.
LITERAL_NEWLINE = re.compile(r"(?:\\r)?\\n")

#: Invisible characters with no meaning in news prose: zero-width space/joiners used as tracking, word
#: joiner, BOM, soft hyphen, direction marks and embeddings. ZWJ (U+200D) is kept: it glues emoji sequences.
#: Control characters other than tab and newline go too (ftfy removes most, but it does not run on every text).
INVISIBLE_CHARS = (
    "\u00ad\u180e\u200b\u200c\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
    "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
)
INVISIBLE = re.compile(f"[{INVISIBLE_CHARS}]")

#: Horizontal spaces of every kind, no-break spaces included.
ODD_SPACE_CHARS = "\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
SPACES = re.compile(f"[ {ODD_SPACE_CHARS}]+")
ODD_SPACE = re.compile(f"[{ODD_SPACE_CHARS}]")
SPACE_RUNS = re.compile(" {2,}")

#: Greek and Cyrillic letters that render like Latin ones. Scraped text (and spam) mixes them into Latin words
#: (`Petugαs`); a word that mixes scripts is broken, so the look-alike is replaced by its Latin twin. A word
#: written wholly in Greek or Cyrillic is left alone because the replacement only fires next to Latin letters.
HOMOGLYPHS = {
    "α": "a",
    "ο": "o",
    "ε": "e",
    "ι": "i",
    "κ": "k",
    "ν": "v",
    "ρ": "p",
    "τ": "t",
    "υ": "u",
    "χ": "x",
    "Α": "A",
    "Β": "B",
    "Ε": "E",
    "Η": "H",
    "Ι": "I",
    "Κ": "K",
    "Μ": "M",
    "Ν": "N",
    "Ο": "O",
    "Ρ": "P",
    "Τ": "T",
    "Χ": "X",
    "Υ": "Y",
    "Ζ": "Z",
    "а": "a",
    "е": "e",
    "о": "o",
    "р": "p",
    "с": "c",
    "у": "y",
    "х": "x",
    "і": "i",
    "ј": "j",
    "ѕ": "s",
    "А": "A",
    "В": "B",
    "Е": "E",
    "К": "K",
    "М": "M",
    "Н": "H",
    "О": "O",
    "Р": "P",
    "С": "C",
    "Т": "T",
    "Х": "X",
    "І": "I",
    "Ј": "J",
    "Ѕ": "S",
}
_HOMOGLYPH_CLASS = "".join(sorted(HOMOGLYPHS))
HAS_HOMOGLYPH = re.compile(f"[{_HOMOGLYPH_CLASS}]")
HOMOGLYPH_TABLE = str.maketrans(HOMOGLYPHS)
#: A look-alike is replaced when the run of Latin letters and look-alikes around it holds a Latin letter. Runs
#: are found forwards and backwards from each look-alike with single-class patterns, which run in linear time
#: (a lookbehind/lookahead pattern over `[look-alike]*` was quadratic: 55 s on a 32,000-letter Cyrillic word).
#: Combining marks belong to the run of the letter they sit on (`Pο̂α` is one word).
LATIN_OR_LOOKALIKE_RUN = regex.compile(rf"[\p{{Latin}}\p{{M}}{_HOMOGLYPH_CLASS}]+")
LAST_OUTSIDE_RUN = regex.compile(rf"(?r)[^\p{{Latin}}\p{{M}}{_HOMOGLYPH_CLASS}]")
LATIN_LETTER = regex.compile(r"\p{Latin}")

def _mojibake_lookalikes() -> dict[str, str]:
    """The two-character mojibake of each look-alike letter (its UTF-8 bytes read as Mac Roman, cp1252 or
    latin-1), mapped to the letter."""
    table: dict[str, str] = {}
    for letter in HOMOGLYPHS:
        for codec in ("mac_roman", "cp1252", "latin-1"):
            try:
                broken = letter.encode("utf-8").decode(codec)
            except UnicodeDecodeError:
                continue
            table.setdefault(broken, letter)
    return table


#: Look-alike letters hidden in mojibake: `PetugŒ±s` is `Petugαs` (Greek alpha, bytes CE B1) read as Mac
#: Roman, which `fix_homoglyphs` cannot see and ftfy does not repair (`Œ` is no sign of cp1252 mojibake). A
#: pair is decoded only inside a word, next to a Latin letter or another such pair (`DirektorŒ±t`, `LŒ±lu`):
#: alone (`Œ±-glukosidase`, a real Greek alpha in a chemistry piece) it is left to ftfy. In the shared samples:
#: 146 pairs inside words (one article), none from cp1252 or latin-1; 5 alone.
MOJIBAKE_LOOKALIKES = _mojibake_lookalikes()
_MOJIBAKE_LOOKALIKE_PAIR = "|".join(regex.escape(pair) for pair in sorted(MOJIBAKE_LOOKALIKES, key=len, reverse=True))
#: A Latin letter other than a pair's lead (`Œ` is a Latin letter itself: `Œ±Œ±` holds no word).
_LATIN_NOT_LEAD = r"[\p{Latin}--[ŒœÎÏÐÑ]]"
MOJIBAKE_LOOKALIKE_RUN = regex.compile(
    rf"(?V1)(?<={_LATIN_NOT_LEAD})(?:{_MOJIBAKE_LOOKALIKE_PAIR})+|(?:{_MOJIBAKE_LOOKALIKE_PAIR})+(?={_LATIN_NOT_LEAD})"
)
MOJIBAKE_LOOKALIKE_PAIR = regex.compile(_MOJIBAKE_LOOKALIKE_PAIR)
#: The first characters of those pairs that are rare in text: a text holding none of them skips the search
#: (`–` and `—`, the Mac Roman lead of Cyrillic letters, are too common to gate on; their pairs are found
#: when the text has an ftfy sign or a Greek lead, which runs the search anyway).
MOJIBAKE_LOOKALIKE_LEADS = "ŒœÎÏÐÑ"


def fix_mojibake_lookalikes(text: str) -> str:
    """Decode the mojibake of look-alike letters inside Latin words (`PetugŒ±s` -> `Petugαs`); the
    look-alike step after it then makes them Latin (`Petugas`)."""
    for lead in MOJIBAKE_LOOKALIKE_LEADS:
        if lead in text:
            break
    else:
        return text
    return MOJIBAKE_LOOKALIKE_RUN.sub(
        lambda run: MOJIBAKE_LOOKALIKE_PAIR.sub(lambda pair: MOJIBAKE_LOOKALIKES[pair.group()], run.group()), text
    )


SPACE_AROUND_NEWLINE = re.compile(r" ?\n ?")
MANY_NEWLINES = re.compile(r"\n{3,}")


#: Punctuation whose UTF-8 bytes, misread as cp1252 or MacRoman, make the mojibake most scrapes carry
#: (`â€œ`, `‚Äú`, `â€“`). Replacing those exact sequences is the inverse of a known decoding error and is what
#: ftfy does (a test checks every entry against ftfy); it lets most damaged articles skip ftfy's slower
#: search. Accented letters are left to ftfy, which weighs their context (`Ã©` can be real in a name), and so
#: is `×`, whose Mac Roman mojibake `√ó` ftfy leaves alone (it reads as a root and a letter).
COMMON_MOJIBAKE_SOURCES = "“”‘’–—…•·°±€©®\u00a0"


def _mojibake_table() -> dict[str, str]:
    table = {}
    for char in COMMON_MOJIBAKE_SOURCES:
        for codec in ("cp1252", "mac_roman"):
            try:
                broken = char.encode("utf-8").decode(codec)
            except UnicodeDecodeError:
                continue
            if broken != char:
                table[broken] = char
    return table


MOJIBAKE_TABLE = _mojibake_table()
COMMON_MOJIBAKE = re.compile("|".join(re.escape(k) for k in sorted(MOJIBAKE_TABLE, key=len, reverse=True)))


def fix_encoding(text: str) -> str:
    """Repair mojibake and HTML entities, running ftfy only on the lines that still show a sign of needing it.

    ftfy fixes a text line by line (`fix_text` cuts it after each line break and fixes each piece on its own),
    so giving it only the lines with a sign changes only the lines without one, which it would otherwise also
    pass through its other fixers (ligatures, fullwidth forms); a line is now treated the same whatever the
    rest of its article holds, and those articles cost less, since ftfy sees fewer lines (on the sample's
    articles with mojibake left, no line came out different).
    """
    if not needs_ftfy(text):
        return text
    text = COMMON_MOJIBAKE.sub(lambda m: MOJIBAKE_TABLE[m.group()], LOST_CLOSING_QUOTE.sub("”", text))
    if not needs_ftfy(text):
        return text
    return "".join(
        ftfy.fix_text(line, config=FTFY_CONFIG) if needs_ftfy(line) else line for line in _lines_with_breaks(text)
    )


def _lines_with_breaks(text: str) -> list[str]:
    """The pieces ftfy's `fix_text` cuts a text into: each line with the line break that ends it."""
    lines = text.split("\n")
    return [line + "\n" for line in lines[:-1]] + ([lines[-1]] if lines[-1] else [])


def expand_literal_newlines(text: str) -> str:
    """Turn literal `\\r\\n` / `\\n` escapes from data dumps into real newlines."""
    return LITERAL_NEWLINE.sub("\n", text) if "\\n" in text else text


def remove_invisible(text: str) -> str:
    """Drop zero-width characters, direction marks, soft hyphens and control characters."""
    return INVISIBLE.sub("", text)


def fix_homoglyphs(text: str) -> str:
    """Replace Greek/Cyrillic look-alike letters that sit inside Latin words.

    Runs on composed text (`STEPS` puts NFC first: a decomposed `a` + U+0301 would end the Latin run that the
    composed `á` continues), and recomposes what it replaced: a look-alike with a combining mark that has no
    precomposed Greek or Cyrillic form (`ο` + U+0302) becomes a Latin letter that does (`ô`).
    """
    found = HAS_HOMOGLYPH.search(text)
    if not found:
        return text
    pieces: list[str] = []
    done = 0
    while found:
        outside = LAST_OUTSIDE_RUN.search(text, done, found.start())
        start = outside.end() if outside else done
        end = LATIN_OR_LOOKALIKE_RUN.match(text, found.start()).end()
        run = text[start:end]
        pieces.append(text[done:start])
        pieces.append(run.translate(HOMOGLYPH_TABLE) if LATIN_LETTER.search(run) else run)
        done = end
        found = HAS_HOMOGLYPH.search(text, end)
    pieces.append(text[done:])
    return compose_unicode("".join(pieces))


def compose_unicode(text: str) -> str:
    """NFC, skipped cheaply when the text is already composed (the common case)."""
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def tidy_whitespace(text: str) -> str:
    """One space between words, no spaces at line ends, at most one blank line, no outer blank lines."""
    return _tidy_spaces(text, odd_spaces=HAS_ODD_SPACE)


def _plain_spaces(text: str, odd_spaces: int) -> str:
    """`text` with its odd spaces (of the classes `odd_spaces`, not 0) made plain spaces: by `str.replace` when
    they are all no-break spaces (608 of the 615 articles with any in a sample of 3,000), far cheaper
    than the class substitution."""
    return ODD_SPACE.sub(" ", text) if odd_spaces & HAS_ODD_SPACE else text.replace("\u00a0", " ")


def _tidy_spaces(text: str, odd_spaces: int, shapes: int | None = None) -> str:
    """`tidy_whitespace`, for a text whose odd spaces are of the `odd_spaces` classes (`HAS_ODD_SPACE`: any,
    `HAS_NO_BREAK_SPACE`: no-break spaces only, 0: none), skipping the substring tests when the caller knows
    the text's whitespace `shapes` (`text_profile`).

    `SPACES` (a run of spaces and odd spaces becomes one space) is applied in two steps with the same result:
    each odd space becomes a space, then runs of two or more spaces become one. Matching every single space
    of an article (a few hundred matches, each replaced by itself) was paid by every article with no-break spaces.
    Collapsing runs of spaces changes none of the shapes tested after it; replacing odd spaces or dropping
    spaces around newlines can, so the shapes are not trusted after those.
    """
    if odd_spaces:
        text = _plain_spaces(text, odd_spaces)
        shapes = None
    if shapes & HAS_DOUBLE_SPACE if shapes is not None else "  " in text:
        text = SPACE_RUNS.sub(" ", text)
    if (
        shapes & (HAS_SPACE_BEFORE_NEWLINE | HAS_SPACE_AFTER_NEWLINE)
        if shapes is not None
        else " \n" in text or "\n " in text
    ):
        text = SPACE_AROUND_NEWLINE.sub("\n", text)
        shapes = None
    if shapes & HAS_NEWLINE_RUN if shapes is not None else "\n\n\n" in text:
        text = MANY_NEWLINES.sub("\n\n", text)
    return text.strip(" \n")


#: The fixers, in the order they run. Encoding comes first, look-alike mojibake right after it (ftfy can
#: make such a pair, `À\\x8cë` -> `ÀŒë`, and leaves `Œ±` alone) (other fixes need real characters to look at);
#: invisible characters go before literal `\\n` escapes are expanded (a control character inside one, `\\<BS>n`,
#: would otherwise leave an escape that only a second normalize expands); NFC before look-alike letters (see
#: `fix_homoglyphs`); whitespace comes last (earlier fixes can leave spaces behind). Both orders were found by
#: the idempotence property.
STEPS: tuple[Callable[[str], str], ...] = (
    fix_encoding,
    fix_mojibake_lookalikes,
    remove_invisible,
    expand_literal_newlines,
    compose_unicode,
    fix_homoglyphs,
    tidy_whitespace,
)


def _plain_steps(text: str) -> str:
    """`STEPS` for text without a fixer character: the skipped fixers would return it unchanged."""
    return _tidy_spaces(compose_unicode(expand_literal_newlines(text)), odd_spaces=0)


def _class_members(spec: str) -> frozenset[str]:
    """The characters of a character-class body made of single characters and `a-z` ranges."""
    members: set[str] = set()
    position = 0
    while position < len(spec):
        if position + 2 < len(spec) and spec[position + 1] == "-":
            members.update(map(chr, range(ord(spec[position]), ord(spec[position + 2]) + 1)))
            position += 3
        else:
            members.add(spec[position])
            position += 1
    return frozenset(members)


FTFY_SIGNS = _class_members(NEEDS_FTFY_CHARS)
INVISIBLES = _class_members(INVISIBLE_CHARS)
LOOKALIKES = _class_members(_HOMOGLYPH_CLASS)
ODD_SPACES = _class_members(ODD_SPACE_CHARS)

#: What `text_profile` reports: one bit per class of characters a fixer acts on...
#: (`HAS_ODD_SPACE` is an odd space other than the no-break space, which has its own bit.)
HAS_FTFY_SIGN, HAS_AMPERSAND, HAS_INVISIBLE, HAS_LOOKALIKE, HAS_ODD_SPACE, HAS_NO_BREAK_SPACE = 1, 2, 4, 8, 16, 32
#: A rare lead character of look-alike mojibake (`Œ` of `PetugŒ±s`; the cp1252 leads are ftfy signs anyway).
HAS_MOJIBAKE_LOOKALIKE = 64
HAS_FIXER_CHARACTER = (
    HAS_FTFY_SIGN
    | HAS_AMPERSAND
    | HAS_INVISIBLE
    | HAS_LOOKALIKE
    | HAS_ODD_SPACE
    | HAS_NO_BREAK_SPACE
    | HAS_MOJIBAKE_LOOKALIKE
)
#: The fixer classes of a text that only needs its spaces tidied (most articles with any: no-break spaces).
ONLY_SPACES = HAS_ODD_SPACE | HAS_NO_BREAK_SPACE
PROFILE_CLASSES: tuple[tuple[frozenset[str], int], ...] = (
    (FTFY_SIGNS, HAS_FTFY_SIGN),
    (frozenset("&"), HAS_AMPERSAND),
    (INVISIBLES, HAS_INVISIBLE),
    (LOOKALIKES, HAS_LOOKALIKE),
    (ODD_SPACES - {"\u00a0"}, HAS_ODD_SPACE),
    (frozenset("\u00a0"), HAS_NO_BREAK_SPACE),
    (frozenset("Œœ"), HAS_MOJIBAKE_LOOKALIKE),
)
PROFILE_CHARS = "".join(sorted(set().union(*(members for members, _ in PROFILE_CLASSES))))
PROFILE_MASKS = bytes(sum(bit for members, bit in PROFILE_CLASSES if char in members) for char in PROFILE_CHARS)
#: ... and one per whitespace shape `_tidy_spaces` and `expand_literal_newlines` act on.
HAS_LITERAL_NEWLINE, HAS_DOUBLE_SPACE, HAS_SPACE_BEFORE_NEWLINE, HAS_SPACE_AFTER_NEWLINE, HAS_NEWLINE_RUN = (
    1, 2, 4, 8, 16,
)
PROFILE_NEEDLES = (b"\\n", b"  ", b" \n", b"\n ", b"\n\n\n")


def text_profile_python(
    text: str, chars: str, masks: bytes, needles: tuple[bytes, ...]
) -> tuple[int, int]:
    """The OR of `masks[i]` for every `chars[i]` in `text`, and the mask of the `needles` (ASCII) in `text`.

    The specification of `newsclean._wordscan.text_profile`: one pass over the text instead of a class search
    per fixer and a substring search per whitespace shape (each of them a scan of the whole text).
    """
    present = set(text)
    char_mask = 0
    for char, mask in zip(chars, masks, strict=True):
        if char in present:
            char_mask |= mask
    return char_mask, sum(1 << index for index, needle in enumerate(needles) if needle.decode("ascii") in text)


_TEXT_PROFILE = WORDSCAN.text_profile if WORDSCAN is not None else text_profile_python


def text_profile(text: str) -> tuple[int, int]:
    """Which fixer classes (`HAS_FTFY_SIGN`...) and whitespace shapes (`HAS_DOUBLE_SPACE`...) `text` holds."""
    return _TEXT_PROFILE(text, PROFILE_CHARS, PROFILE_MASKS, PROFILE_NEEDLES)


def _steps_for(text: str, found: int) -> str:
    """`STEPS` for text holding fixer characters (`found`, from `text_profile`), skipping the fixers whose
    characters it does not hold.

    Most such articles only carry no-break spaces. When `fix_encoding` has work (mojibake, an entity; an `&`
    that starts no entity gives it none) every step runs, since ftfy's repairs can bring any character;
    without it the later fixers only remove or replace their own characters, so the ones found here are all
    there will be.
    """
    if found & HAS_FTFY_SIGN or (found & HAS_AMPERSAND and needs_ftfy(text)):
        for step in STEPS:
            text = step(text)
        return text
    if found & HAS_MOJIBAKE_LOOKALIKE:
        text = fix_mojibake_lookalikes(text)
    if found & HAS_INVISIBLE:
        text = remove_invisible(text)
    text = compose_unicode(expand_literal_newlines(text))
    if found & (HAS_LOOKALIKE | HAS_MOJIBAKE_LOOKALIKE):
        text = fix_homoglyphs(text)
    return _tidy_spaces(text, odd_spaces=found & (HAS_ODD_SPACE | HAS_NO_BREAK_SPACE))


def _plain_steps_profiled(text: str, found: int, shapes: int) -> str | None:
    """`STEPS` for text whose only fixer characters are odd spaces (`found`: none, or `HAS_ODD_SPACE` /
    `HAS_NO_BREAK_SPACE`) and whose whitespace `shapes` are known, or None when the text changes in a way
    that the shapes no longer describe (a literal newline escape, or NFC).

    The odd spaces become plain ones first, and the shapes are profiled again (one scan instead of a
    substring test per shape); the other fixers would find nothing to do. None also means "ask `needs_ftfy`
    again": the whitespace steps cannot make an ftfy sign or an entity (they only turn spaces plain, drop or
    merge them and newlines, never joining `&` to a name), so a text that returns here needs no further pass.
    """
    if shapes & HAS_LITERAL_NEWLINE or not unicodedata.is_normalized("NFC", text):
        return None
    if found:
        text = _plain_spaces(text, found)
        shapes = text_profile(text)[1]
    return _tidy_spaces(text, odd_spaces=0, shapes=shapes)


#: ftfy decides from context, so removing a character next to mojibake can let a second pass fix it; the
#: steps repeat (rarely more than once) until the text is stable, which makes `normalize` idempotent.
MAX_PASSES = 3


def normalize(text: str) -> str:
    """Repair encoding, entities, invisible characters, look-alike letters and whitespace; keep newlines; put
    back the paragraph breaks and word breaks a scraper lost (`newsclean.boundaries`).

    >>> normalize("Petug\\u03b1s  datang\\u00a0ke sini,â€ ")
    'Petugas datang ke sini,”'
    """
    if not isinstance(text, str):
        raise TypeError(f"normalize() takes a str, not {type(text).__name__}")
    return normalize_and_check(text)[0]


def normalize_with_edits(text: str) -> tuple[str, tuple[Edit, ...]]:
    """`normalize(text)`, and the separators it put back (`Edit`s, offsets into the returned text)."""
    if not isinstance(text, str):
        raise TypeError(f"normalize_with_edits() takes a str, not {type(text).__name__}")
    normalized, _, edits = normalize_check_edits(text)
    return normalized, edits


def normalize_and_check(text: str) -> tuple[str, bool]:
    """`normalize(text)`, and `needs_ftfy` of the result (see `normalize_check_edits`)."""
    normalized, sign, _ = normalize_check_edits(text)
    return normalized, sign


def normalize_check_edits(text: str) -> tuple[str, bool, tuple[Edit, ...]]:
    """`normalize(text)`, `needs_ftfy` of the result, and the separators put back.

    The repairs run to their fixed point first, then the boundaries are restored: a restored separator is
    whitespace the repairs leave as it is (no space beside it, no run of three line breaks), and it can make
    no sign for ftfy (it replaces spaces or nothing), so the answer about ftfy holds for the restored text.
    """
    profile = text_profile(text)
    found, shapes = profile
    # Seams are runs of spaces or no-break spaces: a text without either is not marked (`mark_space_seams`).
    marked = mark_space_seams(text) if shapes & HAS_DOUBLE_SPACE or found & HAS_NO_BREAK_SPACE else text
    repaired, sign = _repaired_and_check(marked, profile if marked is text else None)
    restored, edits = restore(repaired, space_seams=marked is not text)
    return restored, sign, edits


def _repaired_and_check(text: str, profile: tuple[int, int] | None = None) -> tuple[str, bool]:
    """`normalize(text)`, and `needs_ftfy` of the result, which the last step has mostly answered already
    (`profile`: `text_profile(text)`, when the caller has it).

    Why: `clean` asks whether its output may need renormalizing, and on a non-ASCII article the class search
    is a scan of the whole text that the character profile and the loop's own last check make unnecessary.
    """
    for _ in range(MAX_PASSES):
        before = text
        found, shapes = text_profile(text) if profile is None else profile
        profile = None
        if found & HAS_FIXER_CHARACTER & ~ONLY_SPACES:
            text = _steps_for(text, found)
        else:
            tidied = _plain_steps_profiled(text, found, shapes)
            if tidied is not None:
                return tidied, False
            text = _steps_for(text, found) if found else _plain_steps(text)
        if text == before:
            # `found` profiles this very text: its signs are the characters, and an entity needs an `&`.
            return text, bool(found & HAS_FTFY_SIGN) or (bool(found & HAS_AMPERSAND) and needs_ftfy(text))
        if not needs_ftfy(text):
            return text, False
    return text, True
