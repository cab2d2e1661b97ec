"""Sharded inputs and outputs of the Dask engine, and the cluster it runs on.

One input file is one partition: shards are how a corpus of a hundred million articles is stored, and a
partition per shard keeps every worker reading its own file. Outputs are written per partition, by the
workers, each shard atomically (`newsclean.io.atomic_output`).
"""

from __future__ import annotations

import contextlib
import glob
import os
from collections.abc import Iterator, Sequence
from typing import Any

import dask.bag

from ..dedupe_config import DedupeConfig
from ..errors import InputError
from ..io import STDIN, InputRecord, atomic_output, dumps, read_inputs

#: Shard suffixes the Dask engine reads (JSONL, gzipped or not, and Parquet).
SHARD_SUFFIXES: tuple[str, ...] = (".jsonl", ".ndjson", ".json", ".jsonl.gz", ".ndjson.gz", ".json.gz", ".parquet")


def shard_files(paths: Sequence[str]) -> list[str]:
    """Input files in order: a file as given, a directory's shards by name, a glob's matches by name."""
    files: list[str] = []
    for given in paths:
        if given == STDIN:
            raise InputError("the Dask engine reads files (workers cannot read this stdin); write it to a file")
        if os.path.isdir(given):
            names = sorted(n for n in os.listdir(given) if not n.startswith(".") and n.lower().endswith(SHARD_SUFFIXES))
            files.extend(os.path.join(given, n) for n in names)
        elif os.path.exists(given):
            files.append(given)
        elif glob.has_magic(given):
            files.extend(sorted(glob.glob(given)))
        else:
            raise InputError(f"{given}: no such file or directory")
    if not files:
        raise InputError(f"no JSONL or Parquet shards in {', '.join(paths)}")
    return files


def _read(files: Sequence[str], encoding_errors: str, text_field: str) -> list[Any]:
    return list(read_inputs(list(files), encoding_errors=encoding_errors, required=(text_field,)))


def read_shards(files: Sequence[str], *, encoding_errors: str = "reject", text_field: str = "text") -> dask.bag.Bag:
    """A bag with one partition per file, whose items are `newsclean.io` records and rejects, read as the
    local `newsclean dedupe` reads them (line numbers kept, so ids and rejects are the same)."""
    files_bag = dask.bag.from_sequence(list(files), npartitions=len(files))
    return files_bag.map_partitions(_read, encoding_errors, text_field)


def _write_shard(
    verdicts: Sequence[dict[str, Any]], files: Sequence[str], numbers: Sequence[int], directory: str, reading: dict
) -> list[dict[str, int]]:
    """Kept records (unchanged) to kept-NNNNN.jsonl, every verdict to clusters-NNNNN.jsonl; returns counts.

    Runs on a worker, once per partition: `files` and `numbers` are that partition's file and shard number.
    """
    counts = {"records": 0, "kept": 0, "exact": 0, "near": 0, "rejected": 0}
    stem = f"{next(iter(numbers)):05d}.jsonl"
    with (
        atomic_output(os.path.join(directory, f"kept-{stem}")) as kept_out,
        atomic_output(os.path.join(directory, f"clusters-{stem}")) as clusters_out,
    ):
        for verdict, item in zip(list(verdicts), _read(files, **reading), strict=True):
            clusters_out.write(dumps(verdict) + "\n")
            counts["records"] += 1
            if verdict["cluster"] is None:
                counts["rejected"] += 1
            elif verdict["kept"] and isinstance(item, InputRecord):
                kept_out.write(dumps(item.data) + "\n")
                counts["kept"] += 1
            elif not verdict["kept"]:
                counts[verdict.get("relation", "near")] += 1
    return [counts]


def write_shards(
    verdicts: dask.bag.Bag,
    files: Sequence[str],
    directory: str,
    *,
    encoding_errors: str = "reject",
    text_field: str = "text",
) -> dict[str, int]:
    """Write the shards of `directory` from the workers (a second read of each input file); summed counts."""
    reading = {"encoding_errors": encoding_errors, "text_field": text_field}
    os.makedirs(directory, exist_ok=True)
    names = dask.bag.from_sequence(list(files), npartitions=len(files))
    numbers = dask.bag.from_sequence(range(len(files)), npartitions=len(files))
    written = dask.bag.map_partitions(_write_shard, verdicts, names, numbers, directory, reading).compute()
    total: dict[str, int] = {}
    for counts in written:
        for key, value in counts.items():
            total[key] = total.get(key, 0) + value
    return total


@contextlib.contextmanager
def dask_client(scheduler: str | None, workers: int) -> Iterator[Any]:
    """A client of the cluster at `scheduler`, or of a local cluster of `workers` single-threaded processes.

    Single-threaded workers because cleaning holds the GIL: processes, not threads, are what scale it.
    """
    from distributed import Client, LocalCluster

    if scheduler:
        with Client(scheduler) as client:
            yield client
        return
    with (
        LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
        Client(cluster) as client,
    ):
        yield client


def dedupe_shards(
    inputs: Sequence[str],
    directory: str,
    config: DedupeConfig,
    *,
    scheduler: str | None,
    workers: int,
    encoding_errors: str = "reject",
) -> dict[str, int]:
    """`newsclean dedupe --engine dask`: read the shards, dedupe on the cluster, write kept and verdict shards."""
    from .dask_graph import dedupe

    files = shard_files(inputs)
    reading = {"encoding_errors": encoding_errors, "text_field": config.text_field}
    with dask_client(scheduler, workers):
        return write_shards(dedupe(read_shards(files, **reading), config=config), files, directory, **reading)
