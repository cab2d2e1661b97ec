"""What both report pages share: escaping, the page around a body, its filter bar and tables, writing it.

Article text, titles, ids and source names are untrusted: every one goes through `escape` (text and
attribute values alike), and nothing of theirs ever goes into the script. The page is one file with its
style sheet and script inline, and its Content-Security-Policy lets it fetch nothing (`default-src 'none'`)
and run only that script and style sheet (named by their SHA-256), so opening it makes no request and a
piece of text that got past escaping still could not run.
"""

from __future__ import annotations

import base64
import hashlib
import html
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources

from ..io import atomic_output


def escape(text: str) -> str:
    """`text` as HTML text or a double-quoted attribute value: `& < > " '` become references."""
    return html.escape(text, quote=True)


def attributes(values: Mapping[str, str | None]) -> str:
    """` name="value"` for each attribute whose value is not None (an empty value is a bare flag)."""
    parts = []
    for name, value in values.items():
        if value is None:
            continue
        parts.append(f" {name}" if value == "" else f' {name}="{escape(value)}"')
    return "".join(parts)


def _asset(name: str) -> str:
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")


def _csp_hash(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode("ascii") + "'"


def document(title: str, body: str) -> str:
    """A whole page: `body` (already HTML) under a heading-less head with the inline style and script."""
    style, script = _asset("page.css"), _asset("filters.js")
    policy = (
        f"default-src 'none'; style-src {_csp_hash(style)}; script-src {_csp_hash(script)}; "
        "base-uri 'none'; form-action 'none'"
    )
    return (
        "<!DOCTYPE html>\n"
        '<html lang="id">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{escape(policy)}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="newsclean">\n'
        f"<title>{escape(title)}</title>\n<style>{style}</style>\n</head>\n<body>\n{body}\n"
        f"<script>{script}</script>\n</body>\n</html>\n"
    )


def write_page(path: str, page: str) -> None:
    """Write the page atomically: a run that fails or is killed leaves no half page behind."""
    with atomic_output(path) as out:
        out.write(page)


@dataclass(frozen=True, slots=True)
class Choice:
    """One option of a filter: the token items carry in their data attribute, its label, how many items."""

    value: str
    label: str
    count: int


def filter_bar(filters: Sequence[tuple[str, str, Sequence[Choice]]], noun: str) -> str:
    """The filter bar: one select per (attribute name, label, choices). Hidden until the script shows it, so
    without JavaScript the page shows every item and no control that would do nothing."""
    selects = []
    for name, label, choices in filters:
        options = ['<option value="">all</option>'] + [
            f"<option{attributes({'value': c.value})}>{escape(c.label)} ({c.count:,})</option>" for c in choices
        ]
        selects.append(
            f"<label>{escape(label)}<select{attributes({'data-filter': name})}>{''.join(options)}</select></label>"
        )
    return (
        f'<div id="filters" class="filters" hidden>{"".join(selects)}<output id="shown"></output></div>\n'
        f'<noscript><p class="note">The filters need JavaScript; every sampled {escape(noun)} is shown.</p>'
        "</noscript>"
    )


def table(
    caption: str, headers: Sequence[str], rows: Iterable[Sequence[str]], numeric: Sequence[bool], css_class: str = ""
) -> str:
    """A table whose cells are already HTML; `numeric` right-aligns a column."""
    aligned = [' class="n"' if n else "" for n in numeric]
    head = "".join(f"<th{a}>{escape(h)}</th>" for h, a in zip(headers, aligned, strict=True))
    body = "".join(
        "<tr>" + "".join(f"<td{a}>{cell}</td>" for cell, a in zip(row, aligned, strict=True)) + "</tr>" for row in rows
    )
    opening = f"<table{attributes({'class': css_class or None})}><caption>{escape(caption)}</caption>"
    return f"{opening}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
