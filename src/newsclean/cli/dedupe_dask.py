"""`newsclean dedupe --engine dask`: the checks and the summary around `newsclean.engine.shards.dedupe_shards`."""

from __future__ import annotations

import json

import click

from ..dedupe_config import DedupeConfig
from ..io import STDIN, atomic_output


def run_dask_engine(
    inputs: tuple[str, ...],
    config: DedupeConfig,
    *,
    output: str | None,
    scheduler: str | None,
    report_path: str | None,
    encoding_errors: str,
    unsupported: dict[str, object],
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
        from ..engine.shards import dedupe_shards
    except ImportError as err:
        raise click.UsageError("--engine dask needs Dask: pip install 'newsclean[dask]'") from err
    counts = dedupe_shards(
        inputs, output, config, scheduler=scheduler, workers=config.workers, encoding_errors=encoding_errors
    )
    if report_path:
        with atomic_output(report_path) as fh:
            report = {"engine": "dask", "counts": counts, "config": config.model_dump()}
            fh.write(json.dumps(report, ensure_ascii=False, indent=2) + "\n")
    duplicates = counts.get("exact", 0) + counts.get("near", 0)
    click.echo(
        f"newsclean dedupe (dask): {counts.get('records', 0):,} records, {counts.get('kept', 0):,} kept, "
        f"{duplicates:,} duplicates ({counts.get('exact', 0):,} exact, {counts.get('near', 0):,} near), "
        f"{counts.get('rejected', 0):,} rejected; shards in {output}",
        err=True,
    )


def _index_refusal(url: str) -> str:
    """Why `--index` is refused with `--engine dask`, per kind of index (docs/dask.md)."""
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
