"""`newsclean rules`: every rule of the registry, with its kind, zone and why, as a table or as JSON."""

from __future__ import annotations

import json
import shutil
from typing import Any, get_args

import click

from ..patterns import LISTED_RULES, Rule, Zone
from ..patterns.code_rules import CodeRule

#: The kinds of the registry's rules, in the order they first appear there, and its zones, in `Zone`'s order.
KINDS: tuple[str, ...] = tuple(dict.fromkeys(r.kind for r in LISTED_RULES))
ZONES: tuple[str, ...] = tuple(zone for zone in get_args(Zone) if any(r.zone == zone for r in LISTED_RULES))
#: The narrowest a cut `why` gets on a narrow terminal.
MIN_WHY_CHARS = 20

EPILOG = f"""\b
Examples:
  newsclean rules
  newsclean rules --kind credit
  newsclean rules --zone tail --zone lead
  newsclean rules --json | jq -r '.[] | select(.written_as == "code") | .name'

\b
One line per rule: name, kind, zone, why. On a terminal the why is cut to its width; piped, it is whole.
--json prints a list of objects with name, kind, zone, why and written_as ("pattern" or "code"), and the
pattern of a catalogue rule or the functions of a rule written as code. Every name and kind listed here
can be turned off with `newsclean clean --disable NAME` (and `dedupe --disable`), or in Python with
CleanConfig(disabled_rules=...) and CleanConfig(disabled_kinds=...); a kind covers learned removals too.

\b
Kinds: {", ".join(KINDS)}
Zones: {", ".join(ZONES)}

\b
Exit codes: 0 success, 2 usage error (an unknown kind or zone).
"""


def rule_record(entry: Rule | CodeRule) -> dict[str, Any]:
    """What `--json` prints of one rule."""
    record: dict[str, Any] = {"name": entry.name, "kind": entry.kind, "zone": entry.zone, "why": entry.why}
    if isinstance(entry, Rule):
        record["written_as"] = "pattern"
        record["pattern"] = entry.pattern.pattern
    else:
        record["written_as"] = "code"
        record["code"] = list(entry.code)
    return record


def table(entries: list[Rule | CodeRule], width: int | None) -> list[str]:
    """One aligned line per rule; with `width`, each line cut to it (the why loses its end, marked `…`)."""
    rows = [(entry.name, entry.kind, entry.zone) for entry in entries]
    widths = [max((len(row[column]) for row in rows), default=0) for column in range(3)]
    lines = []
    for row, entry in zip(rows, entries, strict=True):
        start = "  ".join(cell.ljust(widths[column]) for column, cell in enumerate(row)) + "  "
        why = entry.why
        if width is not None:
            room = max(width - len(start), MIN_WHY_CHARS)
            if len(why) > room:
                why = why[: room - 1].rstrip() + "…"
        lines.append(start + why)
    return lines


@click.command("rules", epilog=EPILOG)
@click.option(
    "--kind",
    "kinds",
    type=click.Choice(KINDS),
    metavar="KIND",
    multiple=True,
    help="Only rules of this kind (repeat for several).",
)
@click.option(
    "--zone",
    "zones",
    type=click.Choice(ZONES),
    metavar="ZONE",
    multiple=True,
    help="Only rules that look in this zone (repeat for several).",
)
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list of the rules instead of the table.")
def rules_command(kinds: tuple[str, ...], zones: tuple[str, ...], as_json: bool) -> None:
    """List every rule the cleaner applies: the catalogue's patterns and the rules written as code."""
    entries = [
        entry for entry in LISTED_RULES if (not kinds or entry.kind in kinds) and (not zones or entry.zone in zones)
    ]
    if as_json:
        click.echo(json.dumps([rule_record(entry) for entry in entries], ensure_ascii=False, indent=2))
        return
    stdout = click.get_text_stream("stdout")
    width = shutil.get_terminal_size().columns if stdout.isatty() else None
    for line in table(entries, width):
        click.echo(line)
