"""Turning the project's own text (click help, rule reasons, field descriptions) into Markdown for the site.

Those texts are written for a terminal: backticks mark code, and `*`, `<>` or `[` are literal characters (a
template slot `<>`, a glob `shards/*.jsonl`). Markdown would read them as emphasis, HTML or links, so
everything outside a backtick span is escaped and the spans are kept, which renders them as code.
"""

from __future__ import annotations

import html
import re

#: Characters Markdown gives a meaning to inside a line of prose.
_MARKDOWN_SPECIALS = re.compile(r"([\\*_\[\]|#])")
_CODE_SPAN = re.compile(r"(`[^`\n]+`)")


def inline(text: str) -> str:
    """`text` as Markdown that shows it as written: code spans kept, everything else escaped."""
    parts = _CODE_SPAN.split(text)
    out = []
    for number, part in enumerate(parts):
        if number % 2:
            out.append(part)
        else:
            out.append(_MARKDOWN_SPECIALS.sub(r"\\\1", html.escape(part, quote=False)))
    return "".join(out)


def code(text: str) -> str:
    """`text` as one code span, whatever backticks it holds."""
    fence = "``" if "`" in text else "`"
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def fenced(text: str, language: str = "text") -> str:
    """`text` as a fenced code block, with a fence longer than any run of backticks inside it."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}{language}\n{text.rstrip()}\n{fence}"
