"""Planted re-publications of real articles, for benchmarks/dedupe_eval.py.

Each variant is what a real pipeline sees: another outlet's dateline and inserts, a re-scrape with repeated
blocks and hard wraps, a lightly edited update, a copy with broken encoding, or all of these at once.
"""

from __future__ import annotations

import random
import re
import textwrap
from collections.abc import Callable

#: Datelines other outlets put on a wire story.
DATELINES: tuple[str, ...] = (
    "JAKARTA, KOMPAS.com - ",
    "Liputan6.com, Jakarta - ",
    "TRIBUNNEWS.COM, JAKARTA - ",
    "Jakarta (ANTARA) - ",
    "Jakarta, CNN Indonesia -- ",
    "SURABAYA, suaramerdeka.com – ",
    "REPUBLIKA.CO.ID, JAKARTA -- ",
    "Bisnis.com, JAKARTA - ",
)
#: Lines outlets insert between paragraphs.
INSERTS: tuple[str, ...] = (
    "Baca juga: {title}",
    "BACA JUGA: {title}",
    "Baca Juga:\n{title}",
    "ADVERTISEMENT",
    "SCROLL TO CONTINUE WITH CONTENT",
    "Simak berita dan artikel lainnya di Google News",
)
#: Credits and tails.
TAILS: tuple[str, ...] = ("(ant/red)", "Editor: Rina Agustina", "Sumber: Antara", "(Sputnik)", "(esn/indo)")
#: Lines of a lightly edited update.
UPDATES: tuple[str, ...] = (
    "Hingga berita ini diturunkan, pihak terkait belum memberikan keterangan resmi.",
    "Berita ini telah diperbarui dengan keterangan tambahan dari narasumber.",
)

LEAD_DATELINE = re.compile(r"^[^\n]{0,60}?(?:\s[-–—]{1,2}\s|\)\s?[-–—]{1,2}\s?)")


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n+", text) if p.strip()]


def outlet_copy(text: str, rng: random.Random, titles: list[str]) -> str:
    """Own dateline (replacing the original's), 1-3 inserts between paragraphs, a credit line."""
    paras = paragraphs(text)
    paras[0] = rng.choice(DATELINES) + LEAD_DATELINE.sub("", paras[0], count=1)
    for _ in range(rng.randint(1, 3)):
        at = rng.randint(1, max(1, len(paras) - 1))
        paras.insert(at, rng.choice(INSERTS).format(title=rng.choice(titles)))
    paras.append(rng.choice(TAILS))
    return "\n".join(paras)


def rescrape(text: str, rng: random.Random, titles: list[str]) -> str:
    """A teaser line on top, a block of paragraphs repeated, lines hard-wrapped at 60-80 characters.

    Wrapped at spaces only, as scrapers and mail gateways wrap: textwrap's defaults also cut inside hyphenated
    words and long URLs, which no real wrapped scrape in the sample does, and which made a planted copy differ
    from its original in words the original never had."""
    paras = paragraphs(text)
    start = rng.randrange(len(paras))
    block = paras[start : start + rng.randint(1, 3)]
    paras = [paras[0].split(". ")[0] + ".", *paras, *block]
    width = rng.randint(60, 80)
    return "\n".join(textwrap.fill(p, width, break_long_words=False, break_on_hyphens=False) for p in paras)


def light_edit(text: str, rng: random.Random, titles: list[str]) -> str:
    """About 2% of the words changed or dropped, sometimes a closing update line."""
    words = text.split(" ")
    for _ in range(max(1, len(words) // 50)):
        i = rng.randrange(len(words))
        if rng.random() < 0.5:
            words[i] = rng.choice(words)
        else:
            words[i] = ""
    out = " ".join(w for w in words if w)
    if rng.random() < 0.5:
        out += "\n" + rng.choice(UPDATES)
    return out


def broken_encoding(text: str, rng: random.Random, titles: list[str]) -> str:
    """Curly quotes and dashes, then UTF-8 read as Windows-1252 (the classic `â€œ` mojibake)."""
    text = re.sub(r'"([^"\n]*)"', "\u201c\\1\u201d", text).replace(" - ", " \u2013 ").replace("'", "\u2019")
    out = []
    for byte in text.encode("utf-8"):
        try:
            out.append(bytes([byte]).decode("cp1252"))
        except UnicodeDecodeError:
            out.append(chr(byte))
    return "".join(out)


def all_at_once(text: str, rng: random.Random, titles: list[str]) -> str:
    for step in (light_edit, outlet_copy, rescrape, broken_encoding):
        text = step(text, rng, titles)
    return text


VARIANTS: dict[str, Callable[[str, random.Random, list[str]], str]] = {
    "outlet": outlet_copy,
    "rescrape": rescrape,
    "edit": light_edit,
    "encoding": broken_encoding,
    "all": all_at_once,
}
