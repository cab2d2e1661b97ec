"""Dedupe stages 7-8 over partitions: every record's verdict back in its input partition, cluster numbers
in input order of the kept copies, and the `--clusters` lines.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..dedupe_models import RELATION_KINDS, RecordVerdict
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


@dataclass(frozen=True, slots=True)
class RecordVerdicts(Sized):
    """Per record of one input partition (from one node partition): its kept record, Jaccard, match kind."""

    position: np.ndarray
    kept_position: np.ndarray
    similarity: np.ndarray
    match: np.ndarray


def record_verdicts(table: NodeTable, verdicts: Sequence[NodeVerdicts], input_parts: int) -> list[RecordVerdicts]:
    """Stage 7: every record's verdict; a node with no verified edge is its own cluster, its best record kept."""
    kept_position = table.best_position.copy()
    kept_node = table.node.copy()
    similarity = np.ones(len(table.node), dtype=np.float32)
    for piece in verdicts:
        at = table.locate(piece.node)
        kept_position[at] = piece.kept_position
        kept_node[at] = piece.kept_node
        similarity[at] = piece.similarity
    at = table.locate(table.record_node)
    position = table.record_position
    mine = kept_position[at]
    exact = table.record_node == kept_node[at]
    match = np.where(position == mine, 0, np.where(exact, 1, 2)).astype(np.int8)
    destination = partition_of(position)
    return [
        RecordVerdicts(position[r], mine[r], similarity[at[r]], match[r]) for r in split_by(destination, input_parts)
    ]


@dataclass(frozen=True, slots=True)
class Assembly(Sized):
    """The verdicts of one input partition, in input order."""

    position: np.ndarray
    kept_position: np.ndarray
    similarity: np.ndarray
    match: np.ndarray

    @property
    def kept(self) -> np.ndarray:
        """Positions of this partition's kept records, sorted."""
        return self.position[self.position == self.kept_position]


def assemble(pieces: Sequence[RecordVerdicts], input_parts: int) -> tuple[Assembly, list[np.ndarray], int]:
    """Stage 8a: one input partition's verdicts; to each partition holding one of its kept copies, the
    positions it asks a number and an id for; its count of kept records.

    Clusters are numbered in input order of their kept record, which needs the kept counts of all earlier
    partitions (`offsets`) and the rank of the kept record in its own partition (the answer to a request).
    """
    position = concat([p.position for p in pieces], np.int64)
    order = np.argsort(position, kind="stable")
    kept_position = concat([p.kept_position for p in pieces], np.int64)[order]
    wanted = np.unique(kept_position)
    assembly = Assembly(
        position=position[order],
        kept_position=kept_position,
        similarity=concat([p.similarity for p in pieces], np.float32)[order],
        match=concat([p.match for p in pieces], np.int8)[order],
    )
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
    """Cluster number and id of kept records, for the partition that asked."""

    kept_position: np.ndarray
    number: np.ndarray
    ids: list[Any]


def answer_requests(
    outline: Outline, assembly: Assembly, starts: Offsets, requests: Sequence[np.ndarray]
) -> list[Answer]:
    """Stage 8b: the number (global rank among kept records) and the id of each kept record asked about."""
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
    """Stage 8c: one `--clusters` line per input record, in input order, exactly as the local engine writes it."""
    number: dict[int, int] = {}
    kept_id: dict[int, Any] = {}
    for answer in answers:
        for pos, n, ident in zip(answer.kept_position.tolist(), answer.number.tolist(), answer.ids, strict=True):
            number[pos] = n
            kept_id[pos] = ident
    offset = int(starts.records[outline.partition])
    compared = (assembly.position & LOCAL_MASK).tolist()
    at = dict(zip(compared, range(len(compared)), strict=True))
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
            kept_pos = int(assembly.kept_position[i])
            is_kept = kept_pos == int(assembly.position[i])
            kind = int(assembly.match[i])
            verdict = RecordVerdict(
                index=offset + local,
                id=ident,
                cluster=number[kept_pos],
                kept=is_kept,
                duplicate_of=None if is_kept else kept_id[kept_pos],
                similarity=round(float(assembly.similarity[i]), 4),
                relation=RELATION_KINDS[kind - 1] if kind else None,  # type: ignore[arg-type]
                related_to=None if is_kept else kept_id[kept_pos],
            )
        rows.append(verdict.to_json())
    return rows
