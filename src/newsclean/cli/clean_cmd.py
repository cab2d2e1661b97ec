"""`newsclean clean`: clean every article of a JSONL file, a text file or stdin."""

from __future__ import annotations

import sys
from typing import Any

import click

from ..clean import clean
from ..io import STDIN, InputRecord, Reject, atomic_output, dumps, read_inputs
from ..models import REMOVAL_KINDS
from .common import progress, summarize_rejects, write_rejects

EPILOG = """\b
Examples:
  newsclean clean articles.jsonl -o clean.jsonl
  newsclean clean articles.jsonl.gz --no-report -o clean.jsonl
  newsclean clean seeds/004_005f5a89bd05a5c8.txt
  cat articles.jsonl | newsclean clean - > clean.jsonl

\b
JSONL records keep all their fields; the text field is replaced by the clean text and the report
(removals with kind, text, offsets and rule; dateline; credits) goes under the "newsclean" key.
A .txt input prints the clean text. Records without a usable text are rejected, counted on stderr,
and written to --rejects FILE when given. Exit codes: 0 success, 2 usage or input error, 130 interrupted.
"""


def _is_plain_text(path: str) -> bool:
    return path != STDIN and path.lower().endswith(".txt")


def _clean_record(record: InputRecord, text_field: str, title_field: str, report: bool) -> dict[str, Any] | Reject:
    data = record.data
    text = data.get(text_field)
    if text is None:
        return Reject(record.source, record.line, dumps(data)[:1000], f"missing or null {text_field!r} field")
    if not isinstance(text, str):
        return Reject(record.source, record.line, dumps(data)[:1000], f"{text_field!r} is a {type(text).__name__}")
    if not text.strip():
        return Reject(record.source, record.line, dumps(data)[:1000], f"empty {text_field!r}")
    title = data.get(title_field)
    result = clean(text, title=title if isinstance(title, str) else None)
    out = dict(data)
    out[text_field] = result.text
    if report:
        out["newsclean"] = result.report()
    return out


@click.command("clean", epilog=EPILOG)
@click.argument("input_path", metavar="IN", type=click.Path(allow_dash=True, dir_okay=False))
@click.option(
    "-o",
    "--output",
    "output_path",
    type=click.Path(allow_dash=True, dir_okay=False),
    default=None,
    help="Where to write (default: stdout). Written atomically.",
)
@click.option("--text-field", default="text", show_default=True, help="Field holding the article text.")
@click.option("--title-field", default="title", show_default=True, help="Field holding the title, when present.")
@click.option("--no-report", is_flag=True, help="Do not add the 'newsclean' report to each record.")
@click.option(
    "--rejects",
    "rejects_path",
    type=click.Path(dir_okay=False),
    default=None,
    help="Write rejected lines (line number, reason, raw prefix) to this JSONL file.",
)
def clean_command(
    input_path: str,
    output_path: str | None,
    text_field: str,
    title_field: str,
    no_report: bool,
    rejects_path: str | None,
) -> None:
    """Clean scraped Indonesian news articles: datelines, credits, inserts, footers, repeats.

    IN is a JSONL file (.jsonl or .jsonl.gz), a plain .txt article, or - for JSONL on stdin.
    """
    if _is_plain_text(input_path):
        with open(input_path, encoding="utf-8", errors="replace") as fh:
            result = clean(fh.read())
        with atomic_output(output_path) as out:
            out.write(result.text + "\n")
        kinds = ", ".join(f"{k} {v}" for k, v in result.removed_by_kind.items()) or "none"
        click.echo(f"newsclean clean: 1 article, {result.paragraphs} paragraphs, removed: {kinds}", err=True)
        return

    rejects: list[Reject] = []
    by_kind = dict.fromkeys(REMOVAL_KINDS, 0)
    written = 0
    with atomic_output(output_path) as out:
        for item in progress(read_inputs([input_path]), "newsclean clean"):
            cleaned = item if isinstance(item, Reject) else _clean_record(item, text_field, title_field, True)
            if isinstance(cleaned, Reject):
                rejects.append(cleaned)
                continue
            for kind, count in cleaned["newsclean"]["removed_by_kind"].items():
                by_kind[kind] += count
            if no_report:
                del cleaned["newsclean"]
            out.write(dumps(cleaned) + "\n")
            written += 1
    write_rejects(rejects_path, rejects)
    kinds = ", ".join(f"{k} {v}" for k, v in by_kind.items() if v) or "none"
    line = f"newsclean clean: {written:,} records written, {len(rejects):,} rejected; removed: {kinds}"
    if rejects:
        line += f"\nrejects: {summarize_rejects(rejects)}"
    click.echo(line, err=True)
    sys.stderr.flush()
