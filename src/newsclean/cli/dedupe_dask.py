"""`newsclean dedupe --engine dask`: the checks and the summary around `newsclean.engine.shards.dedupe_shards`.

The options mean what they mean on the local engine. The kept records and the verdicts are written as
shards into the `-o` directory (kept-NNNNN.jsonl, clusters-NNNNN.jsonl, one pair per input shard), by the
workers. `--clusters FILE`, `--duplicates FILE` and `--rejects FILE` are one file each, as locally: the
workers write shards, which are then joined in shard order into the file (atomically); the clusters shards
stay, the duplicates and rejects shards go; those files take the format their suffix names, as locally.
`--write-clean`, `--strict`, `--containment`, `--drop` and `--jaccard-only` act as locally. The reject gate
(`newsclean.cli.gates`) is checked once the workers have written their shards: a failed run exits 2, but its
shards and files are in place.
"""

from __future__ import annotations

import json

import click

from ..dedupe_config import DedupeConfig
from ..errors import TooManyRejects
from ..io import STDIN, atomic_output
from .gates import gate_error_message, gate_failure
from .progress import Feedback


def run_dask_engine(
    inputs: tuple[str, ...],
    config: DedupeConfig,
    *,
    output: str | None,
    scheduler: str | None,
    report_path: str | None,
    encoding_errors: str,
    clusters_path: str | None = None,
    duplicates_path: str | None = None,
    rejects_path: str | None = None,
    write_clean: bool = False,
    clean_field: str | None = None,
    strict: bool = False,
    unsupported: dict[str, object],
    max_rejects: float | None = None,
    feedback: Feedback | None = None,
) -> None:
    """Dedupe shards on a Dask cluster into the shard directory `output`; summary on stderr."""
    index_url = unsupported.get("--index")
    if isinstance(index_url, str) and index_url:
        raise click.UsageError(_index_refusal(index_url))
    given = [name for name, value in unsupported.items() if value]
    if given:
        raise click.UsageError(f"{', '.join(given)}: not available with --engine dask (use the local engine)")
    if not output or output == STDIN:
        raise click.UsageError("--engine dask writes shards: give a directory with -o DIR/")
    if STDIN in inputs:
        raise click.UsageError("--engine dask reads files that every worker can open, not stdin")
    try:
        from ..engine.shards import REJECT_KIND, ShardOutputs, dedupe_shards, gather_shards
    except ImportError as err:
        raise click.UsageError("--engine dask needs Dask: pip install 'newsclean[dask]'") from err
    outputs = ShardOutputs(
        config=config,
        write_clean=write_clean,
        clean_field=clean_field,
        duplicates=bool(duplicates_path),
        rejects=bool(rejects_path),
    )
    counts, shards = dedupe_shards(
        inputs,
        output,
        outputs,
        scheduler=scheduler,
        workers=config.workers,
        encoding_errors=encoding_errors,
        strict=strict,
    )
    targets = {
        kind: target
        for kind, target in (("clusters", clusters_path), ("duplicates", duplicates_path), ("rejects", rejects_path))
        if target
    }
    gather_shards(output, targets, shards, keep=("clusters",))
    by_reason = {key.removeprefix(REJECT_KIND): n for key, n in counts.items() if key.startswith(REJECT_KIND)}
    counts = {key: n for key, n in counts.items() if not key.startswith(REJECT_KIND)}
    if report_path:
        with atomic_output(report_path) as fh:
            report = {
                "engine": "dask",
                "counts": counts,
                "rejects_by_reason": dict(sorted(by_reason.items())),
                "config": config.model_dump(),
            }
            fh.write(json.dumps(report, ensure_ascii=False, indent=2) + "\n")
    (feedback or Feedback()).summary(_summary(counts, output))
    failure = gate_failure(
        counts.get("records", 0), counts.get("rejected", 0), by_reason, max_rejects, config.text_field
    )
    if failure:
        raise TooManyRejects(gate_error_message(failure, rejects_path, written=True))


def _summary(counts: dict[str, int], output: str) -> str:
    """The local engine's summary line (`newsclean.cli.dedupe_cmd`), from the summed shard counts."""
    line = (
        f"newsclean dedupe (dask): {counts.get('records', 0):,} records, {counts.get('kept', 0):,} kept, "
        f"{counts.get('duplicates', 0):,} duplicates ({counts.get('exact', 0):,} exact, {counts.get('near', 0):,} "
        f"near), {counts.get('rejected', 0):,} rejected"
    )
    if counts.get("contained"):
        line += f", {counts['contained']:,} contained in a longer record"
    if counts.get("template"):
        line += f", {counts['template']:,} tied to another day of a template"
    return f"{line}; shards in {output}"


def _index_refusal(url: str) -> str:
    """Why `--index` is refused with `--engine dask`, per kind of index (docs/design/dask.md)."""
    if url.startswith("sqlite"):
        return (
            "--index sqlite://...: a SQLite index is one file on one machine, which Dask workers on other "
            "machines cannot open and which takes one writer at a time; run the local engine with --index "
            "(--workers N cleans and signs in N processes)"
        )
    return (
        "--index with --engine dask: the Dask engine does not query or update an index yet; run the local "
        "engine with --index (one process commits the run's kept records in one transaction)"
    )
