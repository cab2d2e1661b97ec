"""`newsclean index`: look after a persistent dedupe index (figures, takedowns, dump, reclaiming space)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import click

from ..index import Index
from ..index.base import utc_text
from ..io import atomic_output, dumps

GROUP_EPILOG = """\b
Examples:
  newsclean index stats archive.db
  newsclean index remove archive.db kompas-123 detik-456
  newsclean index export redis://127.0.0.1:6379/0 -o index.jsonl
  newsclean index compact archive.db

\b
Exit codes: 0 success, 2 usage error, missing index or index busy, 130 interrupted, 143 terminated.
"""


@click.group("index", epilog=GROUP_EPILOG)
def index_command() -> None:
    """Inspect and maintain the index that `newsclean dedupe --index` compares against."""


@index_command.command(
    "stats",
    epilog="\b\nExample:\n  newsclean index stats archive.db\n  newsclean index stats redis://127.0.0.1:6379/0",
)
@click.argument("url", metavar="PATH|URL")
def stats_command(url: str) -> None:
    """Print the index's size, article count, settings and last_added (UTC, ISO 8601) as JSON (stdout).

    PATH|URL: an SQLite index file (or sqlite:///path) or redis://HOST:PORT/DB[?prefix=NAME].
    """
    with Index.open(url, create=False) as index:
        click.echo(json.dumps(index.stats().model_dump(mode="json"), ensure_ascii=False, indent=2))


def _given_ids(ids: tuple[str, ...], from_path: str | None) -> Iterator[Any]:
    """Each id as given, and as a number too when it reads as one: a JSONL id 123 is stored as the integer."""
    tokens = list(ids)
    if from_path:
        with open(from_path, encoding="utf-8") as fh:
            tokens.extend(line.strip() for line in fh if line.strip())
    for token in tokens:
        try:
            value = json.loads(token)
        except json.JSONDecodeError:
            yield token
            continue
        if isinstance(value, dict):
            value = value.get("id")
        yield value
        yield str(value)


@index_command.command(
    "remove",
    epilog="\b\nExamples:\n  newsclean index remove archive.db kompas-123 detik-456\n"
    "  newsclean index remove archive.db --from takedowns.txt --wait 120",
)
@click.argument("url", metavar="PATH|URL")
@click.argument("ids", nargs=-1)
@click.option(
    "--from",
    "from_path",
    type=click.Path(exists=True, dir_okay=False),
    default=None,
    help="Also remove the ids in this file: one per line, or JSONL lines with an id (an export).",
)
@click.option(
    "--wait",
    type=click.FloatRange(0.0),
    default=60.0,
    show_default=True,
    help="Seconds to wait for a run holding the index.",
)
def remove_command(url: str, ids: tuple[str, ...], from_path: str | None, wait: float) -> None:
    """Remove articles by id (takedowns): later copies of them are judged afresh and kept.

    PATH|URL: an SQLite index file (or sqlite:///path) or redis://HOST:PORT/DB[?prefix=NAME].
    """
    wanted = list(dict.fromkeys(_given_ids(ids, from_path)))
    if not wanted:
        raise click.UsageError("give the ids to remove, or --from FILE")
    with Index.open(url, create=False, wait=wait) as index:
        removed = index.remove(wanted)
    click.echo(json.dumps({"removed": removed}))
    click.echo(f"newsclean index: removed {removed:,} article(s) from {url}", err=True)


@index_command.command(
    "export",
    epilog="\b\nExamples:\n  newsclean index export archive.db -o index.jsonl\n"
    "  newsclean index export archive.db --signatures | head",
)
@click.argument("url", metavar="PATH|URL")
@click.option(
    "-o",
    "--output",
    "output",
    type=click.Path(dir_okay=False, allow_dash=True),
    default=None,
    help="Where the JSONL goes (default: stdout). Written atomically.",
)
@click.option("--signatures", is_flag=True, help="Include each article's MinHash signature.")
def export_command(url: str, output: str | None, signatures: bool) -> None:
    """Dump every indexed article as JSONL: n, id, date, words, added (UTC, ISO 8601) (+ signature), in index order.

    PATH|URL: an SQLite index file (or sqlite:///path) or redis://HOST:PORT/DB[?prefix=NAME].
    """
    count = 0
    with Index.open(url, create=False) as index, atomic_output(output) as out:
        for row in index.export(signatures=signatures):
            out.write(dumps({**row, "added": utc_text(row["added"])}) + "\n")
            count += 1
    click.echo(f"newsclean index: exported {count:,} article(s)", err=True)


@index_command.command("compact", epilog="\b\nExample:\n  newsclean index compact archive.db")
@click.argument("url", metavar="PATH|URL")
@click.option(
    "--wait",
    type=click.FloatRange(0.0),
    default=60.0,
    show_default=True,
    help="Seconds to wait for a run holding the index.",
)
def compact_command(url: str, wait: float) -> None:
    """Reclaim the space freed by removals (SQLite VACUUM; Redis: allocator purge).

    PATH|URL: an SQLite index file (or sqlite:///path) or redis://HOST:PORT/DB[?prefix=NAME].
    """
    with Index.open(url, create=False, wait=wait) as index:
        freed = index.compact()
        size = index.stats().bytes
    click.echo(json.dumps({"freed_bytes": freed, "bytes": size}))
