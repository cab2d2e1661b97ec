"""`newsclean dedupe --engine dask`: the checks and the summary around `newsclean.engine.shards.dedupe_shards`.

The options mean what they mean on the local engine. The kept records and the verdicts are written as
shards into the `-o` directory (kept-NNNNN.jsonl, clusters-NNNNN.jsonl, one pair per input shard), by the
workers. `--clusters FILE`, `--duplicates FILE` and `--rejects FILE` are one file each, as locally: the
workers write shards, which are then joined in shard order into the file (atomically); the clusters shards
stay, the duplicates and rejects shards go; those files take the format their suffix names, as locally.
`--write-clean`, `--strict`, `--containment`, `--drop` and `--jaccard-only` act as locally. The reject gate
(`newsclean.cli.gates`) is checked once the workers have written their shards: a failed run exits 2, but its
shards and files are in place.

`--index redis://...`: the index is opened, locked and its settings checked before the run starts; the
workers query it, and the run's kept records and key links are committed once, atomically, after every
output is in place (nothing when the run fails: an error, `--strict`, the reject gate). As locally, a run
with an index decides by Jaccard alone (`DedupeConfig.jaccard_only`: `--containment` has no effect, no
record is contained or a template). A SQLite index is refused (one file on one machine).
"""

from __future__ import annotations

import json

import click

from ..dedupe_config import DedupeConfig
from ..errors import TooManyRejects
from ..index import is_redis
from ..io import STDIN, atomic_output
from .gates import gate_error_message, gate_failure
from .index_run import index_run
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
    index_url: str | None = None,
    wait: float = 0.0,
) -> None:
    """Dedupe shards on a Dask cluster into the shard directory `output`; summary on stderr."""
    if index_url and not is_redis(index_url):
        raise click.UsageError(SQLITE_REFUSAL)
    given = [name for name, value in unsupported.items() if value]
    if given:
        raise click.UsageError(f"{', '.join(given)}: not available with --engine dask (use the local engine)")
    if not output or output == STDIN:
        raise click.UsageError("--engine dask writes shards: give a directory with -o DIR/")
    if STDIN in inputs:
        raise click.UsageError("--engine dask reads files that every worker can open, not stdin")
    try:
        from ..engine.indexed import IndexQuery
        from ..engine.shards import REJECT_KIND, ShardOutputs, dedupe_shards, gather_shards
    except ImportError as err:
        raise click.UsageError("--engine dask needs Dask: pip install 'newsclean[dask]'") from err
    if index_url:
        config = config.jaccard_only()
    outputs = ShardOutputs(
        config=config,
        write_clean=write_clean,
        clean_field=clean_field,
        duplicates=bool(duplicates_path),
        rejects=bool(rejects_path),
    )
    feedback = feedback or Feedback()
    with index_run(index_url, wait) as index:
        query = IndexQuery.bound(index_url, index, config) if index is not None and index_url else None
        counts, shards, run = dedupe_shards(
            inputs,
            output,
            outputs,
            scheduler=scheduler,
            workers=config.workers,
            encoding_errors=encoding_errors,
            strict=strict,
            index=query,
        )
        targets = {
            kind: target
            for kind, target in (
                ("clusters", clusters_path),
                ("duplicates", duplicates_path),
                ("rejects", rejects_path),
            )
            if target
        }
        gather_shards(output, targets, shards, keep=("clusters",))
        by_reason = {key.removeprefix(REJECT_KIND): n for key, n in counts.items() if key.startswith(REJECT_KIND)}
        counts = {key: n for key, n in counts.items() if not key.startswith(REJECT_KIND)}
        failure = gate_failure(
            counts.get("records", 0), counts.get("rejected", 0), by_reason, max_rejects, config.text_field
        )
        if run is not None and index is not None:
            counts["index_duplicates"] = run.index_duplicates
            counts["indexed"] = 0 if failure else run.update.apply(index)
        if report_path:
            with atomic_output(report_path) as fh:
                report = {
                    "engine": "dask",
                    "counts": counts,
                    "rejects_by_reason": dict(sorted(by_reason.items())),
                    "config": config.model_dump(),
                }
                fh.write(json.dumps(report, ensure_ascii=False, indent=2) + "\n")
        if failure:
            feedback.summary(_summary(counts, output))
            raise TooManyRejects(gate_error_message(failure, rejects_path, written=True, index=index is not None))
    feedback.summary(_summary(counts, output))


def _summary(counts: dict[str, int], output: str) -> str:
    """The local engine's summary line (`newsclean.cli.dedupe_cmd`), from the summed shard counts, with the
    index figures as the local engine words them."""
    line = (
        f"newsclean dedupe (dask): {counts.get('records', 0):,} records, {counts.get('kept', 0):,} kept, "
        f"{counts.get('duplicates', 0):,} duplicates ({counts.get('exact', 0):,} exact, {counts.get('near', 0):,} "
        f"near), {counts.get('rejected', 0):,} rejected"
    )
    if counts.get("contained"):
        line += f", {counts['contained']:,} contained in a longer record"
    if counts.get("template"):
        line += f", {counts['template']:,} tied to another day of a template"
    if "indexed" in counts:
        line += (
            f"; {counts['index_duplicates']:,} duplicates of indexed articles, {counts['indexed']:,} added to the index"
        )
    return f"{line}; shards in {output}"


#: Why a SQLite index is refused with `--engine dask` (docs/design/dask.md).
SQLITE_REFUSAL = (
    "--index with --engine dask needs a Redis index (redis://HOST:PORT/DB): a SQLite index is one file on "
    "one machine, which Dask workers on other machines cannot open; use a Redis index, or the local engine "
    "with the SQLite index (--workers N cleans and signs in N processes)"
)
