"""`newsclean dedupe`: keep one copy of every story across JSONL, CSV, Parquet or .txt inputs."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from typing import Any

import click

from ..config import CleanConfig
from ..dedupe_config import DEFAULT_DROP, KEEP_RULES, DedupeConfig
from ..dedupe_models import DedupeResult
from ..deduplication import kept_record, reject_line
from ..errors import InputError, TooManyRejects
from ..io import ENCODING_ERRORS, STDIN, InputRecord, atomic_output, input_bytes, read_inputs, strict_records
from ..outputs import optional_record_output, record_output
from ..pipeline import dedupe
from ..read_meter import ReadMeter
from ..relations import RELATIONS
from ..report.dedupe_page import dedupe_page
from ..report.document import write_page
from .common import RejectLog, default_workers, plural
from .dedupe_dask import run_dask_engine
from .gates import EXIT_CODES, gate_error_message, gate_failure, max_rejects_option
from .index_run import index_run
from .output_checks import check_dedupe_outputs
from .progress import Feedback, feedback_options
from .rule_options import rule_options

EPILOG = """\b
Examples:
  newsclean dedupe articles.jsonl.gz -o kept.jsonl --clusters clusters.jsonl --report report.json
  newsclean dedupe a.jsonl b.csv articles/ -o kept.jsonl --keep longest --duplicates dups.jsonl
  cat articles.jsonl | newsclean dedupe - --threshold 0.8 > kept.jsonl
  newsclean dedupe scraped.jsonl -o kept.jsonl --rejects rejects.jsonl --encoding-errors replace
  newsclean dedupe scraped.jsonl -o kept.jsonl --strict
  newsclean dedupe scraped.parquet -o kept.parquet --clusters clusters.csv --max-rejects 0.05
  newsclean dedupe daily.jsonl -o kept.jsonl --drop exact,near,contained,template --keep earliest
  newsclean dedupe 'shards/*.jsonl.gz' --engine dask --workers 8 -o out/
  newsclean dedupe today.jsonl -o kept-today.jsonl --index archive.db
  newsclean dedupe today.jsonl -o kept-today.jsonl --index redis://127.0.0.1:6379/0 --wait 300
  newsclean dedupe 'today/*.jsonl' --engine dask -o out/ --index redis://10.0.0.5:6379/0
  newsclean dedupe articles.jsonl -o kept.jsonl --html clusters.html
  newsclean dedupe articles.jsonl -o kept.jsonl --output-field clean_text
  newsclean dedupe articles.jsonl -o kept.jsonl --disable related --disable tags --write-clean
  newsclean dedupe big.jsonl.gz -o kept.jsonl --progress-every 60 2>> dedupe.log

\b
Records are cleaned before they are compared (outlet datelines, "Baca juga" links and credits do not hide
a duplicate); --no-clean compares the raw text, --disable and --enable choose the cleaner's rules (as
for `newsclean clean`). KEPT holds the kept records unchanged, with the clean text only under
--write-clean (in place of the text) or --output-field NAME (beside it). Progress is on stderr while
the input is read: a bar on a terminal, a line every 10 s in a log, none with --quiet. Output files
are written in the format their suffix names: .jsonl (.ndjson, .json; a name without a suffix too),
.jsonl.gz, .csv (nested values as JSON text), .parquet (pyarrow); another suffix, or a directory for
-o without --engine dask, is refused before the run starts; stdout is JSON lines. --clusters writes
one line per input record:
{"id", "cluster", "kept", "duplicate_of", "similarity"}, plus "relation" (exact, near, contained or
template), "related_to" and "resemblance" for a record tied to another, "contained_in" and "containment"
for a contained one, and "reject". Exact, near and contained records are dropped (--drop); a template (the
same outlet's page on another day: other dates and figures, same prose) is kept unless --drop names it.
Records without a usable text, and lines that cannot be read, are rejects (cluster null), not in KEPT;
--rejects FILE lists them (source, line, reason, raw prefix), --strict makes the first one an error.
A run that rejects every record (a wrong --text-field), or more than --max-rejects of them, exits 2
naming the most common reason, without writing KEPT, --duplicates or --clusters or updating --index
(--rejects and --report are written; with --engine dask the shards are already written).
With --index, records are also compared against every article kept by earlier runs into that index
(an SQLite file, created when missing, or redis://HOST:PORT/DB); their duplicates get the indexed id
as duplicate_of, and the kept records are added to the index only after every output is in place.
With --engine dask the index must be a Redis one: the workers query it, the command adds to it once.
The summary counts clusters with duplicates (two records or more); --report's stats give both
"clusters" (every story, a record without copies is a cluster of one) and "clusters_with_duplicates".
Unlike `newsclean clean`, dedupe has no --min-words: a short record is compared and kept like any other.
--html FILE writes a page to open in a browser: sample clusters, each duplicate beside the record it is
tied to with the differing words marked, its relation and similarity (local engine; docs/guide/report.md).
""" + EXIT_CODES


@contextlib.contextmanager
def _rereadable(paths: tuple[str, ...]) -> Iterator[list[str]]:
    """The inputs, with stdin spooled to a temporary JSONL file: the kept records are written in a second
    pass over the input, so no record has to stay in memory while the corpus is compared."""
    if STDIN not in paths:
        yield list(paths)
        return
    fd, spool = tempfile.mkstemp(prefix="newsclean-dedupe-", suffix=".jsonl")
    try:
        with os.fdopen(fd, "wb") as fh:
            shutil.copyfileobj(sys.stdin.buffer, fh)
        yield [spool if p == STDIN else p for p in paths]
    finally:
        os.unlink(spool)


def _write_outputs(
    paths: list[str],
    result: DedupeResult,
    config: DedupeConfig,
    kept_path: str | None,
    duplicates_path: str | None,
    clusters_path: str | None,
    write_clean: bool,
    rejects_path: str | None = None,
    encoding_errors: str = "reject",
    clean_field: str | None = None,
) -> None:
    """Second pass: kept records to KEPT, duplicates to --duplicates, a verdict per record to --clusters,
    rejected lines to --rejects. It reads the input exactly as the first pass did, so positions agree."""
    with (
        record_output(kept_path) as kept_out,
        optional_record_output(duplicates_path, "--duplicates") as dup_out,
        optional_record_output(clusters_path, "--clusters") as clusters_out,
        optional_record_output(rejects_path, "--rejects") as rejects_out,
    ):
        for index, item in enumerate(read_inputs(paths, encoding_errors=encoding_errors)):
            if clusters_out is not None:
                clusters_out.write(result.verdict(index).to_json())
            if rejects_out is not None and result.cluster[index] < 0:
                rejects_out.write(reject_line(item, result.verdict(index).reject).to_json())
            if not isinstance(item, InputRecord):
                continue
            if result.kept[index]:
                kept_out.write(kept_record(item.data, config, write_clean, clean_field))
            elif dup_out is not None and result.cluster[index] >= 0:
                dup_out.write(item.data)


def _write_rejects(paths: list[str], result: DedupeResult, rejects_path: str | None, encoding_errors: str) -> None:
    """A run that failed its reject gate writes --rejects alone (`newsclean.cli.gates`)."""
    if not rejects_path:
        return
    with record_output(rejects_path, option="--rejects") as rejects_out:
        for index, item in enumerate(read_inputs(paths, encoding_errors=encoding_errors)):
            if result.cluster[index] < 0:
                rejects_out.write(reject_line(item, result.verdict(index).reject).to_json())


def _first_reject_error(paths: list[str], result: DedupeResult, encoding_errors: str) -> InputError:
    """--strict: the first record dedupe could not compare, named by file and line (read again to find them)."""
    first = result.rejects[0]
    for index, item in enumerate(read_inputs(paths, encoding_errors=encoding_errors)):
        if index == first.index:
            return InputError(f"{item.source}:{item.line}: {first.reason} (--strict stops at the first bad record)")
    return InputError(f"record {first.index + 1}: {first.reason}")


def _summary(result: DedupeResult) -> str:
    s = result.stats
    line = (
        f"newsclean dedupe: {plural(s.records, 'record')}, {s.kept:,} kept, {plural(s.duplicates, 'duplicate')} "
        f"({s.exact_duplicates:,} exact, {s.near_duplicates:,} near) "
        f"in {plural(s.clusters_with_duplicates, 'cluster')} with duplicates (of {s.clusters:,} in all), "
        f"{s.rejected:,} rejected"
    )
    if s.contained:
        line += f", {s.contained:,} contained in a longer record"
    if s.templates:
        line += f", {s.templates:,} tied to another day of a template"
    if s.unparsed_dates:
        line += f", {s.unparsed_dates:,} unreadable dates (sorted last by --keep earliest)"
    if s.index_duplicates or s.indexed:
        line += f"; {s.index_duplicates:,} duplicates of indexed articles, {s.indexed:,} added to the index"
    if result.rejects:
        line += "\n" + _rejects_line(result)
    return line


def _reject_log(result: DedupeResult) -> RejectLog:
    """The run's rejects counted by kind (the reason before its colon)."""
    reasons = RejectLog()
    for reject in result.rejects:
        reasons.count(reject.reason)
    return reasons


def _rejects_line(result: DedupeResult) -> str:
    return "rejects: " + _reject_log(result).summary()


def _relations(text: str) -> tuple[Any, ...]:
    """The `--drop` list: names from RELATIONS, comma-separated."""
    names = tuple(dict.fromkeys(name.strip() for name in text.split(",") if name.strip()))
    unknown = [name for name in names if name not in RELATIONS]
    if unknown:
        raise click.BadParameter(
            f"unknown relation {unknown[0]!r} (choose from {', '.join(RELATIONS)})", param_hint="'--drop'"
        )
    if not {"exact", "near"} <= set(names):
        raise click.BadParameter("must include exact and near", param_hint="'--drop'")
    return names


@click.command("dedupe", epilog=EPILOG)
@click.argument("inputs", metavar="IN...", nargs=-1, required=True, type=click.Path(allow_dash=True))
@click.option(
    "-o",
    "--output",
    "kept_path",
    type=click.Path(allow_dash=True),
    default=None,
    help="KEPT: where the kept records go (default: stdout): .jsonl, .jsonl.gz, .csv or .parquet by its suffix. "
    "Written atomically. With --engine dask: a directory, for kept-NNNNN.jsonl and clusters-NNNNN.jsonl shards.",
)
@click.option(
    "--duplicates",
    "duplicates_path",
    type=click.Path(dir_okay=False),
    default=None,
    help="Write the records that were not kept (unchanged) to this file (format by suffix).",
)
@click.option(
    "--clusters",
    "clusters_path",
    type=click.Path(dir_okay=False),
    default=None,
    help="Write one line (row) per input record: id, cluster, kept, duplicate_of, similarity (format by suffix).",
)
@click.option(
    "--report",
    "report_path",
    type=click.Path(dir_okay=False),
    default=None,
    help="Write the run's figures (counts, LSH layout, timings, bytes per record) as JSON.",
)
@click.option(
    "--html",
    "html_path",
    type=click.Path(dir_okay=False),
    default=None,
    help="Write a page for a browser: sample clusters side by side, differing words marked (local engine).",
)
@click.option(
    "--rejects",
    "rejects_path",
    type=click.Path(dir_okay=False),
    default=None,
    help="Write rejected lines (source, line number, reason, raw prefix) to this file (format by suffix).",
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
    "--threshold",
    type=click.FloatRange(0.0, 1.0, min_open=True),
    default=None,
    help="Jaccard similarity of word shingles at which records are duplicates.  [default: 0.7]",
)
@click.option("--num-perm", type=click.IntRange(8, 1024), default=None, help="MinHash permutations.  [default: 128]")
@click.option("--ngram", type=click.IntRange(1, 16), default=None, help="Words per shingle.  [default: 5]")
@click.option(
    "--keep",
    type=click.Choice(KEEP_RULES),
    default="first",
    show_default=True,
    help="Which copy of a story is kept (earliest reads --date-field).",
)
@click.option("--id-field", default="id", show_default=True, help="Field holding the record id (else: line number).")
@click.option("--text-field", default="text", show_default=True, help="Field holding the article text.")
@click.option("--title-field", default="title", show_default=True, help="Field holding the title (helps cleaning).")
@click.option("--date-field", default="date", show_default=True, help="Field read by --keep earliest.")
@click.option("--no-clean", is_flag=True, help="Compare the raw text instead of the cleaned text.")
@click.option("--write-clean", is_flag=True, help="Write the cleaned text into KEPT instead of the original.")
@click.option(
    "--output-field",
    metavar="NAME",
    default=None,
    help="Write the cleaned text into KEPT under this field, beside the original text (implies --write-clean).",
)
@click.option(
    "--containment",
    type=click.FloatRange(0.0, 1.0, min_open=True),
    default=None,
    help="Share of a record's words inside a longer one at which it is 'contained' (a teaser, a first page, "
    "an article reprinted in a roundup).  [default: 0.85]",
)
@click.option(
    "--jaccard-only",
    is_flag=True,
    help="Decide by the 5-gram Jaccard alone: relations exact and near, no word coverage (what --index does).",
)
@click.option(
    "--drop",
    "drop",
    default=",".join(DEFAULT_DROP),
    show_default=True,
    metavar="RELATIONS",
    help="Relations whose records are not kept: exact, near, contained, template (exact and near always).",
)
@click.option(
    "--workers",
    type=click.IntRange(1, 64),
    default=None,
    help="Processes that clean and sign.  [default: CPU count, at most 8]",
)
@click.option(
    "--engine",
    type=click.Choice(["local", "dask"]),
    default="local",
    show_default=True,
    help="dask: run on a Dask cluster (IN: files, directories or globs of JSONL/Parquet shards).",
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    default=None,
    help="With --engine dask: scheduler to connect to (default: a local cluster of --workers processes).",
)
@click.option(
    "--index",
    "index_url",
    default=None,
    metavar="PATH|URL",
    help="Persistent index to compare against and add the kept records to: an SQLite file "
    "(sqlite:///path) or redis://HOST:PORT/DB (with --engine dask: Redis only).",
)
@click.option(
    "--wait",
    type=click.FloatRange(0.0),
    default=60.0,
    show_default=True,
    help="Seconds to wait for another run holding the index before giving up (exit 2).",
)
@max_rejects_option
@rule_options
@feedback_options
def dedupe_command(
    inputs: tuple[str, ...],
    kept_path: str | None,
    duplicates_path: str | None,
    clusters_path: str | None,
    report_path: str | None,
    rejects_path: str | None,
    strict: bool,
    encoding_errors: str,
    threshold: float | None,
    num_perm: int | None,
    ngram: int | None,
    keep: str,
    id_field: str,
    text_field: str,
    title_field: str,
    date_field: str,
    no_clean: bool,
    write_clean: bool,
    containment: float | None,
    jaccard_only: bool,
    drop: str,
    workers: int | None,
    engine: str,
    scheduler: str | None,
    index_url: str | None,
    wait: float,
    max_rejects: float | None,
    html_path: str | None,
    output_field: str | None,
    clean_config: CleanConfig,
    feedback: Feedback,
) -> None:
    """Find near-duplicate articles (MinHash LSH, verified) and keep one copy per story.

    IN: JSONL (.jsonl, .jsonl.gz), CSV, Parquet, a directory of .txt articles, or - for JSONL on stdin.
    """
    check_dedupe_outputs(engine, kept_path, duplicates_path, clusters_path, rejects_path)
    if no_clean and clean_config != CleanConfig():
        raise click.UsageError("--disable and --enable choose the cleaner's rules: they do not go with --no-clean")
    write_clean = write_clean or output_field is not None
    given = {"threshold": threshold, "num_perm": num_perm, "ngram": ngram, "containment": containment}
    config = DedupeConfig(
        drop=_relations(drop),
        keep=keep,
        id_field=id_field,
        text_field=text_field,
        title_field=title_field,
        date_field=date_field,
        clean=not no_clean,
        cleaning=clean_config,
        workers=workers or default_workers(),
        **{k: v for k, v in given.items() if v is not None},
    )
    if jaccard_only:
        config = config.jaccard_only()
    elif index_url:
        feedback.note(
            "newsclean dedupe: --index decides by Jaccard alone "
            "(relations exact and near); contained and template need a run without an index"
        )
    if engine == "dask":
        unsupported = {
            "--html": html_path,
        }
        run_dask_engine(
            inputs,
            config,
            output=kept_path,
            scheduler=scheduler,
            report_path=report_path,
            encoding_errors=encoding_errors,
            clusters_path=clusters_path,
            duplicates_path=duplicates_path,
            rejects_path=rejects_path,
            write_clean=write_clean,
            clean_field=output_field,
            strict=strict,
            unsupported=unsupported,
            max_rejects=max_rejects,
            feedback=feedback,
            index_url=index_url,
            wait=wait,
        )
        return
    with _rereadable(inputs) as paths, index_run(index_url, wait) as index:
        meter = ReadMeter(input_bytes(paths))
        items = read_inputs(paths, encoding_errors=encoding_errors, required=(text_field,), meter=meter)
        if strict:
            items = strict_records(items, text_field)
        result = dedupe(feedback.track(items, "newsclean dedupe", meter), config=config, index=index)
        if strict and result.rejects:
            raise _first_reject_error(paths, result, encoding_errors)
        stats = result.stats
        reasons = _reject_log(result).by_kind
        failure = gate_failure(stats.records, stats.rejected, reasons, max_rejects, text_field)
        if failure:
            result = result.model_copy(update={"stats": stats.model_copy(update={"indexed": 0})})
            _write_rejects(paths, result, rejects_path, encoding_errors)
        else:
            outputs = (kept_path, duplicates_path, clusters_path)
            _write_outputs(paths, result, config, *outputs, write_clean, rejects_path, encoding_errors, output_field)
        if html_path:
            write_page(html_path, dedupe_page(paths, result, config, encoding_errors, ", ".join(inputs)))
        if report_path:
            report = {
                "stats": result.stats.model_dump(),
                "config": result.config,
                "rejects_by_reason": dict(sorted(reasons.items())),
                "rejects": [r.model_dump(exclude={"raw"}) for r in result.rejects],
            }
            with atomic_output(report_path) as fh:
                fh.write(json.dumps(report, ensure_ascii=False, indent=2, default=str) + "\n")
        if failure:
            feedback.summary(_summary(result), _rejects_line(result) if result.rejects else None)
            raise TooManyRejects(gate_error_message(failure, rejects_path, index=index is not None))
    feedback.summary(_summary(result), _rejects_line(result) if result.rejects else None)
