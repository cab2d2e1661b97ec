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
