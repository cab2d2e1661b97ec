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
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import dask.bag

from ..dedupe_config import DedupeConfig
from ..deduplication import kept_record, reject_line
from ..errors import InputError
from ..io import STDIN, InputRecord, atomic_output, dumps, optional_output, read_inputs
from ..outputs import record_output

if TYPE_CHECKING:
    from .indexed import IndexedRun, IndexQuery

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


@dataclass(frozen=True, slots=True)
class ShardOutputs:
    """What each worker writes beside its kept and clusters shards, as the local engine's options ask:
    kept records with their text cleaned (`--write-clean`, into `clean_field` with `--output-field`),
    duplicates-NNNNN.jsonl (`--duplicates`), rejects-NNNNN.jsonl (`--rejects`)."""

    config: DedupeConfig
    write_clean: bool = False
    clean_field: str | None = None
    duplicates: bool = False
    rejects: bool = False


#: The shard kinds, in the order their files are named.
SHARD_KINDS = ("kept", "clusters", "duplicates", "rejects")


#: Prefix of the counts of rejects by kind (the reason before its colon) among a shard's counts.
REJECT_KIND = "rejected: "


def shard_name(kind: str, number: int) -> str:
    return f"{kind}-{number:05d}.jsonl"


def _write_shard(
    verdicts: Sequence[dict[str, Any]],
    files: Sequence[str],
    numbers: Sequence[int],
    directory: str,
    reading: dict,
    outputs: ShardOutputs,
) -> list[dict[str, int]]:
    """Kept records to kept-NNNNN.jsonl, every verdict to clusters-NNNNN.jsonl, and the duplicates and rejects
    shards `outputs` asks for, as the local engine writes its files (`newsclean.cli.dedupe_cmd`); counts.

    Runs on a worker, once per partition: `files` and `numbers` are that partition's file and shard number.
    """
    counts = dict.fromkeys(("records", "kept", "duplicates", "exact", "near", "contained", "template", "rejected"), 0)
    number = next(iter(numbers))
    path = {kind: os.path.join(directory, shard_name(kind, number)) for kind in SHARD_KINDS}
    with (
        atomic_output(path["kept"]) as kept_out,
        atomic_output(path["clusters"]) as clusters_out,
        optional_output(path["duplicates"] if outputs.duplicates else None) as dup_out,
        optional_output(path["rejects"] if outputs.rejects else None) as rejects_out,
    ):
        for verdict, item in zip(list(verdicts), _read(files, **reading), strict=True):
            clusters_out.write(dumps(verdict) + "\n")
            counts["records"] += 1
            if verdict["cluster"] is None:
                counts["rejected"] += 1
                kind = REJECT_KIND + str(verdict.get("reject") or "rejected").split(":")[0]
                counts[kind] = counts.get(kind, 0) + 1
                if rejects_out is not None:
                    rejects_out.write(dumps(reject_line(item, verdict.get("reject")).to_json()) + "\n")
                continue
            relation = verdict.get("relation")
            if relation in ("contained", "template"):
                counts[relation] += 1
            if verdict["kept"] and isinstance(item, InputRecord):
                kept = kept_record(item.data, outputs.config, outputs.write_clean, outputs.clean_field)
                kept_out.write(dumps(kept) + "\n")
                counts["kept"] += 1
            elif not verdict["kept"]:
                counts["duplicates"] += 1
                if relation in ("exact", "near"):
                    counts[relation] += 1
                if dup_out is not None and isinstance(item, InputRecord):
                    dup_out.write(dumps(item.data) + "\n")
    return [counts]


def write_shards(
    verdicts: dask.bag.Bag,
    files: Sequence[str],
    directory: str,
    *,
    encoding_errors: str = "reject",
    text_field: str = "text",
    outputs: ShardOutputs | None = None,
) -> dict[str, int]:
    """Write the shards of `directory` from the workers (a second read of each input file); summed counts.

    `outputs` says which shards besides kept and clusters to write (default: those two, kept records
    unchanged); its config's text field is then the one read.
    """
    return summed(shard_writes(verdicts, files, directory, encoding_errors, text_field, outputs).compute())


def shard_writes(
    verdicts: dask.bag.Bag,
    files: Sequence[str],
    directory: str,
    encoding_errors: str = "reject",
    text_field: str = "text",
    outputs: ShardOutputs | None = None,
) -> dask.bag.Bag:
    """`write_shards`, lazily: a bag of each partition's counts, to compute with what else the run needs."""
    outputs = outputs or ShardOutputs(config=DedupeConfig(text_field=text_field))
    reading = {"encoding_errors": encoding_errors, "text_field": outputs.config.text_field}
    os.makedirs(directory, exist_ok=True)
    names = dask.bag.from_sequence(list(files), npartitions=len(files))
    numbers = dask.bag.from_sequence(range(len(files)), npartitions=len(files))
    return dask.bag.map_partitions(_write_shard, verdicts, names, numbers, directory, reading, outputs)


def summed(written: Sequence[dict[str, int]]) -> dict[str, int]:
    """The counts of every shard added up."""
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
    outputs: ShardOutputs,
    *,
    scheduler: str | None,
    workers: int,
    encoding_errors: str = "reject",
    strict: bool = False,
    index: IndexQuery | None = None,
) -> tuple[dict[str, int], int, IndexedRun | None]:
    """`newsclean dedupe --engine dask`: read the shards, dedupe on the cluster, write the shards `outputs`
    asks for into `directory`; (summed counts, number of shards, what to add to the index).

    With `strict`, the verdicts are computed and kept on the workers first, and the first record that could
    not be compared stops the run (`InputError`) before anything is written, as `--strict` does locally.
    With `index`, the workers query it (`newsclean.engine.dask_index`) and the update comes back to be
    applied by the caller, who holds the index's transaction; the shards and the update are computed in one go.
    """
    import dask

    from .dask_graph import dedupe
    from .dask_index import dedupe_indexed

    files = shard_files(inputs)
    reading = {"encoding_errors": encoding_errors, "text_field": outputs.config.text_field}
    with dask_client(scheduler, workers):
        records = read_shards(files, **reading)
        run = None
        if index is None:
            verdicts = dedupe(records, config=outputs.config)
        else:
            verdicts, run = dedupe_indexed(records, index, config=outputs.config)
        if strict:
            verdicts, run = dask.persist(verdicts, run)
            first = verdicts.filter(lambda verdict: verdict["cluster"] is None).take(1, npartitions=-1)
            if first:
                reason, ident = first[0].get("reject") or "rejected", first[0].get("id")
                raise InputError(f"record {ident}: {reason} (--strict stops at the first bad record)")
        writes = shard_writes(verdicts, files, directory, encoding_errors, outputs.config.text_field, outputs)
        written, indexed = dask.compute(writes, run)
        return summed(written), len(files), indexed


def gather_shards(directory: str, targets: dict[str, str], shards: int, *, keep: Sequence[str] = ()) -> None:
    """Concatenate the shards of each kind in `targets` (kind -> file), in shard order, into its file
    (atomically, in the format its suffix names): the local engine's one file per option. Once every file is
    in place, the shards of the kinds not in `keep` go; a failure leaves every shard where it was.

    The client reads the workers' shards: `directory` must be readable where the command runs (a shared
    file system with a remote scheduler).
    """
    for kind, target in targets.items():
        with record_output(target, option=f"--{kind}") as out:
            for number in range(shards):
                with open(os.path.join(directory, shard_name(kind, number)), encoding="utf-8") as lines:
                    for line in lines:
                        out.write_line(line)
    for kind in targets:
        if kind not in keep:
            for number in range(shards):
                os.unlink(os.path.join(directory, shard_name(kind, number)))
