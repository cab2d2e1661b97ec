"""What `clean` and `dedupe` check about their output options before they read a record: every output's
format is known and can be written (`newsclean.outputs.check_output`), so a misspelt suffix or a missing
pyarrow costs nothing but the message, not the run that came before it."""

from __future__ import annotations

from ..errors import OutputError
from ..io import STDIN
from ..outputs import check_output, suffix_format

#: What `-o DIR/` with the local engine is told to give instead.
LOCAL_DIRECTORY_NOTE = " (a directory of shards is for --engine dask)"


def check_clean_outputs(output_path: str | None, rejects_path: str | None, *, plain_text: bool) -> None:
    """`clean`'s outputs; for a .txt article, -o receives plain text, so a record format's suffix is refused."""
    if plain_text:
        if output_path and output_path != STDIN:
            if output_path.endswith("/"):
                check_output(output_path, "-o")
            kind = suffix_format(output_path)
            if kind is not None:
                raise OutputError(
                    f"-o {output_path}: a .txt article's clean text is plain text, not {kind}; name the output .txt"
                )
        return
    check_output(output_path, "-o", example="clean.jsonl")
    if rejects_path:
        check_output(rejects_path, "--rejects")


def check_dedupe_outputs(
    engine: str,
    kept_path: str | None,
    duplicates_path: str | None,
    clusters_path: str | None,
    rejects_path: str | None,
) -> None:
    """`dedupe`'s outputs; with `--engine dask`, -o is the shard directory (its own checks, `run_dask_engine`)."""
    if engine != "dask":
        check_output(kept_path, "-o", example="kept.jsonl", note=LOCAL_DIRECTORY_NOTE)
    for option, path in (("--duplicates", duplicates_path), ("--clusters", clusters_path), ("--rejects", rejects_path)):
        if path:
            check_output(path, option)
