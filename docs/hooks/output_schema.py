"""The output schema page: every field newsclean writes, generated from the models that write them.

Where a pydantic model shapes an output (a removal, a `--clusters` line, the dedupe report's figures and
settings), its fields, types and `description`s are read from the model, so the page changes with the code.
The outputs built as plain dicts in the commands (`clean --report`, the `--rejects` lines, the Dask report) are
described in `DICT_FIELDS` below. `tests/test_docs_schema.py` runs the commands and fails when they write a
field that `documented_paths()` does not list, and the build fails when a model field has no description.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Iterable
from typing import Any, Literal, Union

from markup import inline
from pydantic import BaseModel

from newsclean.config import CleanConfig
from newsclean.dedupe_config import DedupeConfig
from newsclean.dedupe_models import DedupeReject, DedupeStats, RecordVerdict
from newsclean.io import Reject
from newsclean.models import CleanResult, Dateline, Edit, Removal


@dataclasses.dataclass(frozen=True)
class Field:
    """One field of an output: its name, its JSON type and what it holds, both as Markdown."""

    name: str
    type: str
    description: str


@dataclasses.dataclass(frozen=True)
class Table:
    """The fields of one JSON object newsclean writes.

    `paths` name where the object sits in the outputs, as `tests/test_docs_schema.py` finds it: an output
    (`record`, `clusters`, `rejects`, `clean_report`, `dedupe_report`, `dask_report`) then the keys down to the
    object, `[]` for the items of an array. `maps` are fields whose value is an object keyed by data (kinds,
    reject reasons, stages), not by field names.
    """

    anchor: str
    title: str
    paths: tuple[str, ...]
    intro: str
    fields: tuple[Field, ...]
    maps: frozenset[str] = frozenset()


#: Fields of the outputs that are plain dicts in the commands: (JSON type, what it holds, as Markdown), by
#: output and field.
DICT_FIELDS: dict[str, dict[str, tuple[str, str]]] = {
    "record": {
        "newsclean": ("object", "the report: [the newsclean key](#newsclean) (left out with `--no-report`)"),
    },
    "clean_report": {
        "records": ("integer", "non-blank input lines (or CSV/Parquet rows) read"),
        "cleaned": ("integer", "records cleaned and written"),
        "rejected": ("integer", "lines that could not be cleaned (see `--rejects`)"),
        "rejects_by_reason": ("object of integer", "rejects counted by the kind of their reason (`missing text`)"),
        "removed_by_kind": ("object of integer", "the run's removals counted by kind (kinds without any left out)"),
    },
    "rejects": {
        "source": ("string", "the input file the line came from (`-` for stdin)"),
        "line": ("integer", "its line number in that file (1-based; a CSV/Parquet row number)"),
        "reason": ("string", "why it was rejected: `kind: detail` (`malformed JSON: ...`, `empty text`)"),
        "raw": ("string", "the start of the raw line (its first 1,000 characters), to find and recognise it"),
    },
    "dedupe_report": {
        "stats": ("object", "the run's figures: [dedupe report: stats](#dedupe-report-stats)"),
        "config": ("object", "the settings the run decided by: [dedupe settings](#dedupe-settings)"),
        "rejects_by_reason": ("object of integer", "rejects counted by the kind of their reason (`empty text`)"),
        "rejects": (
            "array of object",
            "every record that could not be compared: [dedupe report: rejects](#dedupe-report-rejects)",
        ),
    },
    "dask_report": {
        "engine": ("string", "`dask`"),
        "counts": ("object", "[Dask report: counts](#dask-report-counts)"),
        "rejects_by_reason": ("object of integer", "rejects counted by the kind of their reason (`empty text`)"),
        "config": ("object", "the settings the run decided by: [dedupe settings](#dedupe-settings)"),
    },
    "dask_counts": {
        "records": ("integer", "input records, rejects included"),
        "kept": ("integer", "records written to the kept shards"),
        "duplicates": ("integer", "compared records not kept (any relation)"),
        "exact": ("integer", "records not kept as exact duplicates"),
        "near": ("integer", "records not kept as near duplicates"),
        "contained": ("integer", "records contained in a longer one, kept or not (`--drop`)"),
        "template": ("integer", "records tied to another day of a template, kept or not (`--drop`)"),
        "rejected": ("integer", "records that could not be compared"),
        "index_duplicates": ("integer", "with `--index`: records that duplicated an indexed article"),
        "indexed": ("integer", "with `--index`: kept records added to the index (0 when the run failed)"),
    },
}

#: The one field of the cleaned record's report that is computed, not a field of `CleanResult`.
REMOVED_BY_KIND = Field("removed_by_kind", "object of integer", "removals counted by kind")


def json_type(annotation: Any) -> str:
    """How a Python annotation reads as JSON: `integer or null`, `array of Removal`, `one of exact, near`."""
    if annotation is Any:
        return "any"
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is Literal:
        return "one of " + ", ".join(f"`{value}`" for value in args)
    if origin in (Union, types.UnionType):
        return " or ".join(json_type(arg) for arg in args)
    if origin in (tuple, list, set, frozenset):
        return "array of " + json_type(args[0]) if args else "array"
    if origin is dict:
        return "object of " + json_type(args[1]) if args else "object"
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return f"[{annotation.__name__}](#{annotation.__name__.lower()})"
    scalar = {str: "string", int: "integer", float: "number", bool: "boolean", type(None): "null"}
    if annotation in scalar:
        return scalar[annotation]
    raise ValueError(f"output_schema.json_type: no JSON name for {annotation!r}")


def model_fields(model: type[BaseModel], exclude: Iterable[str] = ()) -> tuple[Field, ...]:
    """The fields of `model` as the page shows them; a field without a `description` stops the build."""
    fields = []
    for name, info in model.model_fields.items():
        if name in exclude:
            continue
        if not info.description:
            raise ValueError(f"{model.__name__}.{name} has no description: add Field(description=...)")
        fields.append(Field(name, json_type(info.annotation), inline(info.description)))
    return tuple(fields)


def dict_fields(output: str, names: Iterable[str] | None = None) -> tuple[Field, ...]:
    """The fields of a dict-built output from `DICT_FIELDS`; with `names`, a name it lacks stops the build."""
    described = DICT_FIELDS[output]
    missing = [name for name in names or () if name not in described]
    if missing:
        raise ValueError(f"output_schema.DICT_FIELDS[{output!r}] does not describe {missing}")
    return tuple(Field(name, kind, description) for name, (kind, description) in described.items())


def tables() -> tuple[Table, ...]:
    """Every output object, in the order of the page."""
    reject_names = [field.name for field in dataclasses.fields(Reject)]
    return (
        Table(
            "cleaned-record",
            "A cleaned record",
            ("record",),
            "`newsclean clean` writes every record with all its fields as they came, its text field "
            "(`--text-field`) replaced by the clean text, and adds:",
            dict_fields("record"),
        ),
        Table(
            "newsclean",
            "The newsclean key",
            ("record.newsclean",),
            "What was removed from the record and why.",
            (*model_fields(CleanResult, exclude={"text"}), REMOVED_BY_KIND),
            maps=frozenset({"removed_by_kind"}),
        ),
        Table(
            "removal",
            "Removal",
            ("record.newsclean.removals[]",),
            "One removed span. Offsets are into the normalized text (`newsclean.normalize(raw_text)`), so "
            "`normalized[start:end] == text`.",
            model_fields(Removal),
        ),
        Table("dateline", "Dateline", ("record.newsclean.dateline",), "The dateline at the top of the article.",
              model_fields(Dateline)),
        Table("edit", "Edit", ("record.newsclean.edits[]",),
              "A separator normalization put back: `normalized[start:start + len(text)] == text`.",
              model_fields(Edit)),
        Table(
            "clusters",
            "--clusters lines",
            ("clusters",),
            "`newsclean dedupe --clusters FILE` writes one line per input line, rejects included, in input order. "
            "`id`, `cluster`, `kept`, `duplicate_of` and `similarity` are always there; the other fields only "
            "when they say something. The Dask engine writes the same lines into `clusters-NNNNN.jsonl` shards.",
            model_fields(RecordVerdict, exclude={"index"}),
        ),
        Table(
            "rejects",
            "--rejects lines",
            ("rejects",),
            "`clean` and `dedupe` write one line per input line they could not use (`--rejects FILE`).",
            dict_fields("rejects", reject_names),
        ),
        Table(
            "clean-report",
            "clean --report",
            ("clean_report",),
            "`newsclean clean --report FILE`: the run's figures, one JSON object.",
            dict_fields("clean_report"),
            maps=frozenset({"rejects_by_reason", "removed_by_kind"}),
        ),
        Table("dedupe-report", "dedupe --report", ("dedupe_report",),
              "`newsclean dedupe --report FILE` (the local engine): one JSON object.", dict_fields("dedupe_report"),
              maps=frozenset({"rejects_by_reason"})),
        Table(
            "dedupe-report-stats",
            "dedupe report: stats",
            ("dedupe_report.stats",),
            "The run's figures (`DedupeResult.stats` in the library).",
            model_fields(DedupeStats),
            maps=frozenset({"seconds"}),
        ),
        Table(
            "dedupe-settings",
            "dedupe settings",
            ("dedupe_report.config", "dask_report.config"),
            "The settings a run decided by (`newsclean.DedupeConfig`); a run with `--index` or `--jaccard-only` "
            "shows `resemblance: false` and `containment: null` (Jaccard alone).",
            model_fields(DedupeConfig),
        ),
        Table(
            "cleanconfig",
            "cleaning settings",
            ("dedupe_report.config.cleaning", "dask_report.config.cleaning"),
            "How dedupe cleaned the texts it compared (`newsclean.CleanConfig`; `--disable`, `--enable`).",
            model_fields(CleanConfig),
        ),
        Table(
            "dedupe-report-rejects",
            "dedupe report: rejects",
            ("dedupe_report.rejects[]",),
            "Every record dedupe could not compare.",
            model_fields(DedupeReject, exclude={"raw"}),
        ),
        Table("dask-report", "dedupe --engine dask --report", ("dask_report",),
              "The Dask engine's report: one JSON object.", dict_fields("dask_report"),
              maps=frozenset({"rejects_by_reason"})),
        Table("dask-report-counts", "Dask report: counts", ("dask_report.counts",),
              "Records by outcome, summed over the shards.", dict_fields("dask_counts")),
    )


def documented_paths() -> tuple[set[str], set[str]]:
    """(every documented field as `path.field`, the documented map fields as `path.field`)."""
    fields: set[str] = set()
    maps: set[str] = set()
    for table in tables():
        for path in table.paths:
            fields.update(f"{path}.{field.name}" for field in table.fields)
            maps.update(f"{path}.{name}" for name in table.maps)
    return fields, maps


def render() -> str:
    """The whole page: an introduction, then one section and table per output object."""
    blocks = [
        "# Output schema",
        "Every field newsclean writes, generated at every build of this site from the models that write them "
        "(`newsclean.models`, `newsclean.dedupe_models`, `newsclean.DedupeConfig`) and, for the outputs built "
        "as plain objects, from `docs/hooks/output_schema.py`. A test runs the commands and fails when they "
        "write a field this page does not list. All outputs are JSON; the line outputs are JSONL (one object "
        "a line). The kept records of `dedupe` (`-o`) and its `--duplicates` are the input records unchanged "
        "(with `--write-clean`, the kept records' text is the clean text).",
    ]
    for table in tables():
        rows = "\n".join(
            f"| `{field.name}` | {field.type} | {field.description} |" for field in table.fields
        )
        blocks.append(f"## {inline(table.title)} {{#{table.anchor}}}")
        blocks.append(inline(table.intro))
        blocks.append(f"| field | type | what it holds |\n| --- | --- | --- |\n{rows}")
    return "\n\n".join(blocks) + "\n"
