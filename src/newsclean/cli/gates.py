"""The reject gate of `clean` and `dedupe`: a run that rejected every record, or a larger share of them than
`--max-rejects RATE` allows, fails with exit 2 and names the most common reason.

Why: a run with the wrong `--text-field` rejects every record and writes an empty corpus; it used to exit 0,
so a pipeline went on with nothing. Rejected lines stay a normal outcome of scraped data (exit 0) below the
limit the user sets.

What a failed gate writes: `--rejects` and `--report` (they say what went wrong), but not the data outputs
(`-o`, `--duplicates`, `--clusters`), which stay absent or as the previous run left them, and `--index` is
not updated: a failed run must not replace good outputs or add its records to the archive. `clean` knows
the share only at the end of its stream, so it writes to temporary files as always and discards them;
stdout is then held until the end (as `--strict` holds it), because what was printed cannot be taken back.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import click

#: The help text of `--max-rejects`, the same for both commands.
MAX_REJECTS_HELP = (
    "Fail (exit 2) when the share of rejected records is above RATE (0.05 = 5%; 0 = any reject; 1 = never). "
    "The data outputs are then not written (--rejects and --report are). Default: fail only when every "
    "record is rejected."
)
#: The exit-code sentence of the commands' epilogs (lines broken by hand: the epilogs are not rewrapped).
EXIT_CODES = (
    "Exit codes: 0 success, 2 usage or input error, or a run that rejected every record (or more than\n"
    "--max-rejects of them), 130 interrupted, 141 stdout closed by its reader (| head), 143 terminated.\n"
)


def max_rejects_option(command: Callable[..., Any]) -> Callable[..., Any]:
    """The `--max-rejects RATE` option (a float in [0, 1], default none)."""
    return click.option(
        "--max-rejects",
        "max_rejects",
        type=click.FloatRange(0.0, 1.0),
        default=None,
        metavar="RATE",
        help=MAX_REJECTS_HELP,
    )(command)


def most_common(by_kind: Mapping[str, int]) -> tuple[str, int]:
    """The reject kind with the most records (ties: the first by name)."""
    return min(by_kind.items(), key=lambda item: (-item[1], item[0]))


def gate_failure(
    records: int, rejected: int, by_kind: Mapping[str, int], max_rejects: float | None, text_field: str
) -> str | None:
    """Why a run of `records` records, `rejected` of them rejected (counted by kind), fails; None if it passes.

    Without `max_rejects` only a run that rejected every record (and had at least one) fails.
    """
    if not rejected:
        return None
    share = rejected / records
    if max_rejects is None and rejected < records:
        return None
    if max_rejects is not None and share <= max_rejects:
        return None
    kind, count = most_common(by_kind)
    reason = f"most common reason: {kind} ({count:,})"
    if rejected == records:
        head = f"every record was rejected ({rejected:,})"
        if kind == "missing text":
            reason += f"; is the text in a field other than {text_field!r}? (--text-field NAME)"
    else:
        head = f"{rejected:,} of {records:,} records rejected ({share:.1%}), over --max-rejects {max_rejects:g}"
    return f"{head}; {reason}"


def gate_error_message(failure: str, rejects_path: str | None, *, written: bool = False, index: bool = False) -> str:
    """The error a failed gate ends the run with: the failure, what was (not) written, where the rejects are."""
    outputs = "the outputs were written" if written else "the data outputs were not written"
    if index:
        outputs += " and the index was not updated"
    where = f"they are listed in {rejects_path}" if rejects_path else "--rejects FILE lists them"
    return f"{failure}; {outputs}; {where}"
