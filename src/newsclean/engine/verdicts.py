"""Dedupe stages 7-8 over partitions: every record's verdict back in its input partition, cluster numbers
in input order of the kept copies, and the `--clusters` lines.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..dedupe_models import RELATION_KINDS, RecordVerdict
from ..relations import EXACT
from .candidates import NodeTable, Outline
from .clustering import NodeVerdicts
from .pieces import (
    LOCAL_MASK,
    Sized,
    concat,
    partition_of,
    split_by,
)

# ---------------------------------------------------------------------------------- 7. representatives

#: The per-record columns stages 7 and 8 carry (positions for ids, -1 for none), in `RecordVerdicts` order.
COLUMNS: tuple[tuple[str, type], ...] = (
    ("kept", bool),
    ("duplicate_of", np.int64),
    ("similarity", np.float32),
    ("relation", np.int8),
    ("related_to", np.int64),
    ("resemblance", np.float32),
    ("contained_in", np.int64),
    ("containment", np.float32),
)


@dataclass(frozen=True, slots=True)
class RecordVerdicts(Sized):
    """Per record of one input partition (from one node partition): the local engine's result columns,
    with positions where it has record indexes."""

    position: np.ndarray
    kept: np.ndarray
    duplicate_of: np.ndarray
    similarity: np.ndarray
    relation: np.ndarray
    related_to: np.ndarray
    resemblance: np.ndarray
    contained_in: np.ndarray
    containment: np.ndarray

    def take(self, rows: np.ndarray) -> RecordVerdicts:
        return RecordVerdicts(self.position[rows], *(getattr(self, name)[rows] for name, _ in COLUMNS))


def record_verdicts(table: NodeTable, verdicts: Sequence[NodeVerdicts], input_parts: int) -> list[RecordVerdicts]:
    """Stage 7: every record's verdict. A node's best record takes its node's columns (a node with no judged
    edge is its own cluster, that record kept); the other records of the kept copy's node are its `exact`
    duplicates; those of any other node are that node's copies of the story, with its columns."""
    n = len(table.node)
    kept_position = table.best_position.copy()
    kept_node = table.node.copy()
    node_columns = {
        "kept": np.ones(n, dtype=bool),
        "duplicate_of": np.full(n, -1, dtype=np.int64),
        "similarity": np.ones(n, dtype=np.float32),
        "relation": np.zeros(n, dtype=np.int8),
        "related_to": np.full(n, -1, dtype=np.int64),
        "resemblance": np.full(n, np.nan, dtype=np.float32),
        "contained_in": np.full(n, -1, dtype=np.int64),
        "containment": np.full(n, np.nan, dtype=np.float32),
    }
    for piece in verdicts:
        at = table.locate(piece.node)
        kept_position[at] = piece.kept_position
        kept_node[at] = piece.kept_node
        for name, column in node_columns.items():
            column[at] = getattr(piece, name)
    at = table.locate(table.record_node)
    position = table.record_position
    records = {name: column[at] for name, column in node_columns.items()}
    exact = (position != table.best_position[at]) & (table.record_node == kept_node[at])
    records["kept"] &= position == table.best_position[at]
    dropped_to = records["duplicate_of"][exact]
    records["duplicate_of"][exact] = np.where(dropped_to >= 0, dropped_to, kept_position[at][exact])
    records["similarity"][exact] = 1.0
    records["relation"][exact] = EXACT
    records["related_to"][exact] = kept_position[at][exact]
    records["resemblance"][exact] = np.nan
    records["contained_in"][exact] = -1
    records["containment"][exact] = np.nan
    found = RecordVerdicts(position, *(records[name] for name, _ in COLUMNS))
    return [found.take(r) for r in split_by(partition_of(position), input_parts)]


@dataclass(frozen=True, slots=True)
class Assembly(Sized):
    """The verdicts of one input partition, in input order."""

    verdicts: RecordVerdicts

    @property
    def kept(self) -> np.ndarray:
        """Positions of this partition's kept records, sorted."""
        return self.verdicts.position[self.verdicts.kept]

    @property
    def owner(self) -> np.ndarray:
        """Per record, the kept record whose cluster number it takes: itself, or the copy it duplicates."""
        return np.where(self.verdicts.kept, self.verdicts.position, self.verdicts.duplicate_of)


def assemble(pieces: Sequence[RecordVerdicts], input_parts: int) -> tuple[Assembly, list[np.ndarray], int]:
    """Stage 8a: one input partition's verdicts; to each partition holding a record they name (a kept copy,
    a related or containing record), the positions it asks a number and an id for; its count of kept records.

    Clusters are numbered in input order of their kept record, which needs the kept counts of all earlier
    partitions (`offsets`) and the rank of the kept record in its own partition (the answer to a request).
    """
    position = concat([p.position for p in pieces], np.int64)
    order = np.argsort(position, kind="stable")
    columns = [concat([getattr(p, name) for p in pieces], dtype)[order] for name, dtype in COLUMNS]
    assembly = Assembly(RecordVerdicts(position[order], *columns))
    named = [assembly.owner, assembly.verdicts.related_to, assembly.verdicts.contained_in]
    wanted = np.unique(np.concatenate(named))
    wanted = wanted[wanted >= 0]
    return assembly, [wanted[r] for r in split_by(partition_of(wanted), input_parts)], len(assembly.kept)


@dataclass(frozen=True, slots=True)
class Offsets(Sized):
    """Per input partition: records before it (for positional ids) and kept records before it (numbers)."""

    records: np.ndarray
    kept: np.ndarray


def offsets(record_counts: Sequence[int], kept_counts: Sequence[int]) -> Offsets:
    """From the record and kept counts of every input partition (a few bytes each, not the partitions)."""
    records = np.cumsum([0, *record_counts])
    kept = np.cumsum([0, *kept_counts])
    return Offsets(records.astype(np.int64), kept.astype(np.int64))


def record_id(outline: Outline, local: int, starts: Offsets) -> Any:
    """The id the local engine gives the record: its id field, its line, else its global position + 1."""
    if outline.positional[local]:
        return int(starts.records[outline.partition]) + local + 1
    return outline.ids[local]


@dataclass(frozen=True, slots=True)
class Answer(Sized):
    """Cluster number (meaningful for kept records) and id of the records asked about, for the partition
    that asked."""

    kept_position: np.ndarray
    number: np.ndarray
    ids: list[Any]


def answer_requests(
    outline: Outline, assembly: Assembly, starts: Offsets, requests: Sequence[np.ndarray]
) -> list[Answer]:
    """Stage 8b: the number (global rank among kept records) and the id of each record asked about."""
    kept = assembly.kept
    base = int(starts.kept[outline.partition])
    answers: list[Answer] = []
    for wanted in requests:
        locals_ = (wanted & LOCAL_MASK).astype(np.int64)
        answers.append(
            Answer(wanted, base + np.searchsorted(kept, wanted), [record_id(outline, int(j), starts) for j in locals_])
        )
    return answers


def verdict_rows(
    outline: Outline, assembly: Assembly, starts: Offsets, answers: Sequence[Answer]
) -> list[dict[str, Any]]:
    """Stage 8c: one `--clusters` line per input record, in input order, exactly as the local engine writes it
    (`DedupeResult.verdict`)."""
    number: dict[int, int] = {}
    ident_of: dict[int, Any] = {}
    for answer in answers:
        for pos, n, ident in zip(answer.kept_position.tolist(), answer.number.tolist(), answer.ids, strict=True):
            number[pos] = n
            ident_of[pos] = ident
    offset = int(starts.records[outline.partition])
    found = assembly.verdicts
    compared = (found.position & LOCAL_MASK).tolist()
    at = dict(zip(compared, range(len(compared)), strict=True))
    owner = assembly.owner.tolist()
    rows: list[dict[str, Any]] = []
    for local in range(len(outline.ids)):
        ident = record_id(outline, local, starts)
        i = at.get(local)
        if i is None:
            verdict = RecordVerdict(
                index=offset + local,
                id=ident,
                cluster=None,
                kept=False,
                similarity=None,
                reject=outline.reasons.get(local),
            )
        else:
            duplicate, related, within = (
                int(found.duplicate_of[i]), int(found.related_to[i]), int(found.contained_in[i])
            )
            kind = int(found.relation[i])
            resemblance = float(found.resemblance[i])
            verdict = RecordVerdict(
                index=offset + local,
                id=ident,
                cluster=number[owner[i]],
                kept=bool(found.kept[i]),
                duplicate_of=ident_of[duplicate] if duplicate >= 0 else None,
                similarity=round(float(found.similarity[i]), 4),
                relation=RELATION_KINDS[kind - 1] if kind else None,  # type: ignore[arg-type]
                related_to=ident_of[related] if related >= 0 else None,
                resemblance=round(resemblance, 4) if kind and resemblance == resemblance else None,
                contained_in=ident_of[within] if within >= 0 else None,
                containment=round(float(found.containment[i]), 4) if within >= 0 else None,
            )
        rows.append(verdict.to_json())
    return rows
