"""`newsclean clean`: clean every article of a JSONL file, a text file or stdin."""

from __future__ import annotations

import dataclasses
import functools
import json
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

import click

from ..cleaner.passes import clean
from ..config import CleanConfig
from ..errors import InputError, TooManyRejects
from ..io import (
    ENCODING_ERRORS,
    STDIN,
    InputRecord,
    Reject,
    atomic_output,
    dumps,
    input_bytes,
    read_inputs,
    read_text_file,
    strict_records,
    text_problem,
)
from ..learning.learn import source_of
from ..learning.profile import LearnSettings, Profile
from ..models import REMOVAL_KINDS
from ..outputs import optional_record_output, record_output
from ..parallel import ordered_map
from ..read_meter import ReadMeter
from ..report.clean_page import CleanReport
from ..report.document import write_page
from ..watchdog import RecordBudgets, budget_for, time_budget
from .clean_output import RecordCleaning
from .common import RejectLog, default_workers, plural
from .gates import EXIT_CODES, gate_error_message, gate_failure, max_rejects_option
from .learn_cmd import describe, learn_profile
from .output_checks import check_clean_outputs
from .progress import Feedback, feedback_options
from .rule_options import rule_options

EPILOG = """\b
Examples:
  newsclean clean articles.jsonl -o clean.jsonl
  newsclean clean articles.jsonl --profile profile.json -o clean.jsonl
  newsclean clean articles.jsonl --save-profile learned.json -o clean.jsonl
  newsclean clean articles.jsonl --no-learn -o clean.jsonl
  newsclean clean articles.jsonl.gz --no-report -o clean.jsonl --rejects rejects.jsonl
  newsclean clean scraped.jsonl --strict -o clean.jsonl
  newsclean clean big.jsonl.gz --workers 4 -o clean.jsonl
  newsclean clean articles.jsonl -o clean.parquet --rejects rejects.csv --max-rejects 0.05
  newsclean clean latin1-damaged.jsonl --encoding-errors replace -o clean.jsonl --report run.json
  newsclean clean articles.jsonl -o clean.jsonl --html report.html
  newsclean clean seeds/004_005f5a89bd05a5c8.txt
  cat articles.jsonl | newsclean clean - > clean.jsonl
  newsclean clean articles.jsonl --output-field clean_text --normalized-field normalized -o both.jsonl
  newsclean clean articles.jsonl --disable credit --disable related.line -o clean.jsonl
  newsclean clean articles.jsonl --disable caption --enable caption.photo_line -o clean.jsonl
  newsclean clean headlines.jsonl --min-words 1 --rejects rejects.jsonl -o clean.jsonl
  newsclean clean big.jsonl.gz -o clean.jsonl --progress-every 60 2>> clean.log
  newsclean clean articles.jsonl -o clean.jsonl --quiet

\b
A file is read twice: first to learn each source's boilerplate from a sample of its articles (as
`newsclean learn` does; --profile FILE uses a saved profile instead, --no-learn uses the rules
alone), then to clean. Stdin and a .txt article are cleaned by the rules alone.
--html FILE writes a page to open in a browser: removals counted by kind, rule and source, and a
sample of articles with every removal marked in place (docs/guide/report.md).
JSONL records keep all their fields; the text field is replaced by the clean text (--output-field
NAME writes it to NAME and keeps the text as it was) and the report (removals with kind, text, offsets
and rule; dateline; credits) goes under the "newsclean" key. The removals' offsets point into
newsclean.normalize(text), not into the raw text: --normalized-field NAME writes that text.
A .txt input prints the clean text, whatever its length (the options for records are refused with it).
Every non-blank input line is either written or rejected:
unreadable lines, records without a usable text, and articles with no words left after cleaning (or
fewer than --min-words) are counted on stderr (and in --report) and written to --rejects FILE
(source, line, reason, start of the raw line) when given; with --strict the first one is an error
and nothing is written. A run that rejects every record (a wrong --text-field), or more than
--max-rejects of them, exits 2 naming the most common reason and leaves -o as it was (--rejects and
--report are written). --disable takes the rule names and kinds `newsclean rules` lists; a kind
covers learned removals of that kind too. Progress is on stderr: a bar on a terminal, a line every
10 s in a log (--progress-every), none with --quiet.
Output files are written in the format their suffix names: .jsonl (.ndjson, .json; a name without
a suffix too), .jsonl.gz, .csv, .parquet (pyarrow); another suffix or a directory is refused before
the run starts. CSV cells hold nested values (the report) as JSON text; stdout is JSON lines.
""" + EXIT_CODES


def _is_plain_text(path: str) -> bool:
    return path != STDIN and path.lower().endswith(".txt")


def _clean_record(record: InputRecord, how: RecordCleaning, budgets: RecordBudgets) -> dict[str, Any] | Reject:
    """The record with its text cleaned and the report attached, or a Reject saying why it cannot be."""
    data = record.data
    problem = text_problem(data, how.text_field)
    if problem is not None:
        return Reject(record.source, record.line, dumps(data)[:1000], problem)
    text = data[how.text_field]
    title = data.get(how.title_field)
    try:
        result = budgets.call(
            budget_for(len(text)),
            clean,
            text,
            title=title if isinstance(title, str) else None,
            config=how.config,
            source=source_of(data) if how.profile is not None else None,
            profile=how.profile,
        )
    except TimeoutError as err:
        return Reject(record.source, record.line, text[:1000], f"cleaning timed out: {err}")
    shortfall = how.shortfall(result)
    if shortfall is not None:
        return Reject(record.source, record.line, dumps(data)[:1000], shortfall)
    return how.output(data, text, result)


#: Records sent to a worker at a time (`--workers`): pickling is a small part of cleaning 200 articles, and a
#: few chunks in flight per worker keep the memory of a stream bounded.
CHUNK_RECORDS = 200


def _clean_chunk(chunk: list[InputRecord | Reject], how: RecordCleaning) -> list[dict[str, Any] | Reject]:
    """`_clean_record` for each record of a chunk; rejects pass through (module level: it runs in workers)."""
    with RecordBudgets() as budgets:
        return [item if isinstance(item, Reject) else _clean_record(item, how, budgets) for item in chunk]


def _chunks(items: Iterable[InputRecord | Reject], size: int) -> Iterator[list[InputRecord | Reject]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _clean_text_file(
    path: str,
    output_path: str | None,
    encoding_errors: str,
    config: CleanConfig,
    feedback: Feedback,
    html_path: str | None,
) -> None:
    """A .txt article: the clean text is the output; a file that cannot be read is an error, not a reject."""
    items = list(read_text_file(path, encoding_errors=encoding_errors))
    if items and isinstance(items[0], Reject):
        hint = " (--encoding-errors replace decodes it anyway)" if items[0].reason.startswith("invalid UTF-8") else ""
        raise InputError(f"{path}: {items[0].reason}{hint}")
    text = items[0].data["text"] if items else ""
    with time_budget(budget_for(len(text))):
        result = clean(text, config=config)
    with atomic_output(output_path) as out:
        out.write(result.text + "\n")
    if html_path:
        page = CleanReport()
        for item in items:
            if isinstance(item, InputRecord):
                page.add(item, result.report())
        write_page(html_path, page.page(path, {}))
    kinds = ", ".join(f"{k} {v}" for k, v in result.removed_by_kind.items()) or "none"
    feedback.summary(f"newsclean clean: 1 article, {plural(result.paragraphs, 'paragraph')}, removed: {kinds}")


def _profile_for(
    input_path: str, profile_path: str | None, no_learn: bool, text_field: str, encoding_errors: str, feedback: Feedback
) -> Profile | None:
    """The profile to clean with: the saved one, none (--no-learn, stdin), or one learned from the input."""
    if profile_path:
        try:
            return Profile.load(profile_path)
        except (OSError, ValueError) as err:
            raise InputError(f"{profile_path}: not a newsclean profile: {str(err).splitlines()[0]}") from err
    if no_learn or input_path == STDIN:
        return None
    profile = learn_profile([input_path], LearnSettings(), text_field, encoding_errors, feedback)
    feedback.note(describe(profile))
    return profile


@click.command("clean", epilog=EPILOG)
@click.argument("input_path", metavar="IN", type=click.Path(allow_dash=True, dir_okay=False))
@click.option(
    "-o",
    "--output",
    "output_path",
    type=click.Path(allow_dash=True, dir_okay=False),
    default=None,
    help="Where to write (default: stdout): .jsonl, .jsonl.gz, .csv or .parquet by its suffix. Written atomically.",
)
@click.option("--text-field", default="text", show_default=True, help="Field holding the article text.")
@click.option("--title-field", default="title", show_default=True, help="Field holding the title, when present.")
@click.option("--no-report", is_flag=True, help="Do not add the 'newsclean' report to each record.")
@click.option(
    "--rejects",
    "rejects_path",
    type=click.Path(dir_okay=False),
    default=None,
    help="Write rejected lines (source, line number, reason, raw prefix) to this file (format by suffix).",
)
@click.option(
    "--report",
    "report_path",
    type=click.Path(dir_okay=False),
    default=None,
    help="Write the run's figures (records, cleaned, rejected, rejects by reason, removals by kind) as JSON.",
)
@click.option(
    "--html",
    "html_path",
    type=click.Path(dir_okay=False),
    default=None,
    help="Write a page for a browser: removals by kind, rule and source, and sample articles marked in place.",
)
@click.option(
    "--profile",
    "profile_path",
    type=click.Path(exists=True, dir_okay=False),
    default=None,
    help="A profile from `newsclean learn`: remove the boilerplate it learned (instead of learning from IN).",
)
@click.option("--no-learn", is_flag=True, help="Do not learn from IN first: the rules alone.")
@click.option(
    "--save-profile",
    "save_profile_path",
    type=click.Path(dir_okay=False),
    default=None,
    help="Also write the profile learned from IN (JSON, as `newsclean learn -o` writes it).",
)
@click.option("--strict", is_flag=True, help="Stop with exit 2 at the first bad record, before writing anything.")
@click.option(
    "--encoding-errors",
    type=click.Choice(ENCODING_ERRORS),
    default="reject",
    show_default=True,
    help="Lines with bytes that are not UTF-8: reject them, or decode the bad bytes as U+FFFD.",
)
@click.option(
    "--workers",
    type=click.IntRange(1, 64),
    default=None,
    help="Processes that clean; the output is the same, in the same order, for any number.  "
    "[default: CPU count, at most 8]",
)
@max_rejects_option
@click.option(
    "--output-field",
    metavar="NAME",
    default=None,
    help="Write the clean text to this field and keep the text field as it was.",
)
@click.option(
    "--normalized-field",
    metavar="NAME",
    default=None,
    help="Also write newsclean.normalize(text) to this field: the text the removals' offsets point into.",
)
@click.option(
    "--min-words",
    type=click.IntRange(0),
    default=8,
    show_default=True,
    help="An article with fewer words after cleaning is a reject, not output (1: only empty ones; 0: none).",
)
@rule_options
@feedback_options
def clean_command(
    input_path: str,
    output_path: str | None,
    text_field: str,
    title_field: str,
    no_report: bool,
    rejects_path: str | None,
    report_path: str | None,
    strict: bool,
    encoding_errors: str,
    workers: int | None,
    profile_path: str | None,
    no_learn: bool,
    save_profile_path: str | None,
    max_rejects: float | None,
    html_path: str | None,
    output_field: str | None,
    normalized_field: str | None,
    min_words: int,
    clean_config: CleanConfig,
    feedback: Feedback,
) -> None:
    """Clean scraped Indonesian news articles: datelines, credits, inserts, footers, repeats.

    IN is a JSONL file (.jsonl or .jsonl.gz), a CSV or Parquet file, a plain .txt article, or - for JSONL on stdin.
    """
    check_clean_outputs(output_path, rejects_path, plain_text=_is_plain_text(input_path))
    if _is_plain_text(input_path):
        record_only = {
            "--output-field": output_field,
            "--normalized-field": normalized_field,
            "--max-rejects": max_rejects,
            "--rejects": rejects_path,
            "--report": report_path,
            "--profile": profile_path,
            "--save-profile": save_profile_path,
        }
        given = [name for name, value in record_only.items() if value is not None]
        if given:
            raise click.UsageError(f"{', '.join(given)}: for records (JSONL, CSV, Parquet), not a .txt article")
        _clean_text_file(input_path, output_path, encoding_errors, clean_config, feedback, html_path)
        return

    if profile_path and (no_learn or save_profile_path):
        raise click.UsageError("--profile uses a saved profile: it does not go with --no-learn or --save-profile")
    how = RecordCleaning(text_field, title_field, None, clean_config, output_field, normalized_field, min_words)
    problem = how.problem()
    if problem is not None:
        raise click.UsageError(problem)
    profile = _profile_for(input_path, profile_path, no_learn, text_field, encoding_errors, feedback)
    if save_profile_path and profile is not None:
        profile.save(save_profile_path)
    meter = ReadMeter(input_bytes([input_path]))
    items = read_inputs([input_path], encoding_errors=encoding_errors, required=(text_field,), meter=meter)
    if strict:
        items = strict_records(items, text_field)
    by_kind = dict.fromkeys(REMOVAL_KINDS, 0)
    written = 0
    page = CleanReport(title_field=title_field, text_field=text_field) if html_path else None
    with (
        record_output(output_path, hold_stdout=strict or max_rejects is not None) as out,
        optional_record_output(rejects_path, "--rejects") as rejects_out,
    ):
        rejects = RejectLog(rejects_out)
        clean_chunk = functools.partial(_clean_chunk, how=dataclasses.replace(how, profile=profile))
        chunks = _chunks(feedback.track(items, "newsclean clean", meter), CHUNK_RECORDS)
        done_chunks = ordered_map(clean_chunk, chunks, workers or default_workers())
        results = (pair for chunk, done in done_chunks for pair in zip(chunk, done, strict=True))
        for item, cleaned in results:
            if isinstance(cleaned, Reject):
                if strict:
                    raise InputError(f"{cleaned.source}:{cleaned.line}: {cleaned.reason}")
                rejects.add(cleaned)
                continue
            for kind, count in cleaned["newsclean"]["removed_by_kind"].items():
                by_kind[kind] += count
            if page is not None and isinstance(item, InputRecord):
                page.add(item, cleaned["newsclean"])
            if no_report:
                del cleaned["newsclean"]
            out.write(cleaned)
            written += 1
        failure = gate_failure(written + rejects.total, rejects.total, rejects.by_kind, max_rejects, text_field)
        if failure:
            out.discard()
    if page is not None and html_path:
        write_page(html_path, page.page(input_path, rejects.by_kind))
    if report_path:
        figures = {
            "records": written + rejects.total,
            "cleaned": written,
            "rejected": rejects.total,
            "rejects_by_reason": dict(sorted(rejects.by_kind.items())),
            "removed_by_kind": {k: v for k, v in by_kind.items() if v},
        }
        with atomic_output(report_path) as fh:
            fh.write(json.dumps(figures, ensure_ascii=False, indent=2) + "\n")
    kinds = ", ".join(f"{k} {v:,}" for k, v in by_kind.items() if v) or "none"
    line = (
        f"newsclean clean: {plural(written + rejects.total, 'record')}, {written:,} cleaned, {rejects.total:,} rejected"
    )
    line += f"; removed: {kinds}"
    attention = None
    if rejects.total:
        attention = f"rejects: {rejects.summary()}" + ("" if rejects_path else " (--rejects FILE lists them)")
        line += "\n" + attention
    feedback.summary(line, attention)
    if failure:
        raise TooManyRejects(gate_error_message(failure, rejects_path))
