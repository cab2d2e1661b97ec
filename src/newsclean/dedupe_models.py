"""What `newsclean.dedupe` returns: a verdict for every record, its clusters, its rejects and its figures.

Per-record results are held as columns (numpy arrays), not as one object per record, so a result for a
million articles costs tens of megabytes; `verdicts()` and `clusters()` build the objects on demand.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Literal

import numpy as np
from pydantic import ConfigDict, Field, PrivateAttr

from ._model_base import FrozenModel

RelationKind = Literal["exact", "near", "contained", "template"]
#: The relation names by column code (1-based: 0 is no relation), as `newsclean.relations.RELATIONS`.
RELATION_KINDS: tuple[str, ...] = RelationKind.__args__  # type: ignore[attr-defined]


class RecordVerdict(FrozenModel):
    """The decision about one input record, in the shape of a `--clusters` line.

    `relation` says what tied the record to `related_to` (docs/design/dedupe.md): `exact` (same normalized words),
    `near` (a copy, perhaps edited), `contained` (it lies inside the longer `related_to`: a teaser, a first
    page, an article reprinted in a roundup) or `template` (the same outlet's template on another day: both
    kept unless templates are dropped). The evidence is about that pair: `similarity` (Jaccard of the word
    5-gram sets), `resemblance` (mean share of each one's words the other covers) and, for `contained`,
    `containment` (share of this record's words inside the other). `duplicate_of` is the kept copy of the
    story when this record is not kept. A kept record with no relation has similarity 1.0.
    """

    index: int = Field(description="position of the record in the input, rejects included (0-based)")
    id: Any = Field(description="the record's id field, else its line number")
    cluster: int | None = Field(description="the story it belongs to (one number per kept copy); null for a reject")
    kept: bool = Field(description="whether the record is in the kept output")
    duplicate_of: Any = Field(
        default=None, description="the id of the kept copy of its story when this record is not kept, else null"
    )
    similarity: float | None = Field(
        description="Jaccard of its word 5-grams with the kept copy (1.0 for a kept record with no relation); "
        "null for a reject"
    )
    relation: RelationKind | None = Field(
        default=None,
        description="how it is tied to `related_to`: exact, near, contained or template (only when tied)",
    )
    related_to: Any = Field(default=None, description="the id of the record it is tied to (only with `relation`)")
    resemblance: float | None = Field(
        default=None,
        description="mean share of each one's words the other covers, for the tied pair (only with `relation`, "
        "when measured)",
    )
    contained_in: Any = Field(
        default=None, description="the id of the longer record it lies inside (only for a contained record)"
    )
    containment: float | None = Field(
        default=None, description="share of its words inside `contained_in` (only with `contained_in`)"
    )
    reject: str | None = Field(default=None, description="why the record could not be compared (only for a reject)")

    def to_json(self) -> dict[str, Any]:
        """The `--clusters` line: the five fields always, the others only when they say something."""
        out: dict[str, Any] = {
            "id": self.id,
            "cluster": self.cluster,
            "kept": self.kept,
            "duplicate_of": self.duplicate_of,
            "similarity": self.similarity,
        }
        if self.relation is not None:
            out["relation"] = self.relation
            out["related_to"] = self.related_to
            if self.resemblance is not None:
                out["resemblance"] = self.resemblance
        if self.contained_in is not None:
            out["contained_in"] = self.contained_in
            out["containment"] = self.containment
        if self.reject is not None:
            out["reject"] = self.reject
        return out


class Cluster(FrozenModel):
    """A group of records that tell the same story; `representative` is the index of the kept one, None
    when the kept copy is an article of the index (a previous run's) that these records duplicate."""

    cluster: int
    representative: int | None
    members: tuple[int, ...]


class DedupeReject(FrozenModel):
    """A record that could not be compared (no text, text not a string, unreadable line), with the reason."""

    index: int = Field(description="position of the record in the input (0-based)")
    id: Any = Field(description="the record's id, else null")
    source: str | None = Field(default=None, description="the input file it came from")
    line: int | None = Field(default=None, description="its line number in that file (1-based)")
    reason: str = Field(description="why it was rejected: `kind: detail`; summaries count by the kind")
    raw: str | None = Field(default=None, description="the start of the raw line (not in --report)")


class DedupeStats(FrozenModel):
    """The run's figures, written by `--report`.

    `clusters` counts every story: each kept record with its copies, a record without copies being a cluster
    of one. `clusters_with_duplicates` counts those with two records or more (what the stderr summary names).
    """

    records: int = Field(description="input records, rejects included")
    compared: int = Field(description="records that were compared (records minus rejects)")
    rejected: int = Field(description="records that could not be compared")
    kept: int = Field(description="records written to the kept output")
    duplicates: int = Field(description="records not kept: exact, near and (by default) contained ones")
    exact_duplicates: int = Field(description="duplicates with the same normalized words as their kept copy")
    near_duplicates: int = Field(description="duplicates that are edited copies (relation `near`)")
    contained: int = Field(description="records tied as `contained` in a longer record")
    templates: int = Field(default=0, description="records tied as `template` to another day of one outlet's page")
    clusters: int = Field(description="stories: clusters of compared records")
    clusters_with_duplicates: int = Field(description="clusters of two records or more")
    largest_cluster: int = Field(description="records in the largest cluster")
    candidate_pairs: int = Field(description="pairs the LSH bands and the sampled n-grams proposed")
    verified_pairs: int = Field(description="candidate pairs whose verification found them related")
    bands: int = Field(description="LSH bands of the layout used")
    rows: int = Field(description="rows (signature values) per LSH band")
    bytes_per_record: float = Field(description="in-memory state per compared record, in bytes")
    seconds: dict[str, float] = Field(description="wall-clock seconds per stage (sign, exact, candidates, ...)")
    unparsed_dates: int = Field(default=0, description="dates `--keep earliest` could not read (sorted last)")
    index_duplicates: int = Field(default=0, description="records found to duplicate an article of the --index")
    indexed: int = Field(default=0, description="kept records added to the --index")


class DedupeResult(FrozenModel):
    """Columns over every input record (index = position in the input, rejects included).

    `cluster[i]` is -1 and `similarity[i]` NaN for a reject; `duplicate_of[i]`, `related_to[i]` and
    `contained_in[i]` are record indexes, -1 for none; `relation[i]` is 0 none, else 1 + its index in
    `RELATION_KINDS` (exact, near, contained, template). With an index, `indexed_of[i]` is the
    number of the indexed article record i duplicates (-1 none) and `indexed_ids` maps it to that article's id.
    """

    model_config = ConfigDict(frozen=True, extra="forbid", arbitrary_types_allowed=True)

    ids: list[Any]
    cluster: np.ndarray
    kept: np.ndarray
    duplicate_of: np.ndarray
    similarity: np.ndarray
    relation: np.ndarray
    related_to: np.ndarray
    resemblance: np.ndarray
    contained_in: np.ndarray
    containment: np.ndarray
    rejects: list[DedupeReject]
    stats: DedupeStats
    config: dict[str, Any]
    indexed_of: np.ndarray | None = None
    indexed_ids: dict[int, Any] = Field(default_factory=dict)
    _reasons: dict[int, str] | None = PrivateAttr(default=None)

    def __len__(self) -> int:
        return len(self.ids)

    def verdict(self, index: int) -> RecordVerdict:
        """The decision about record `index`."""
        rejected = int(self.cluster[index]) < 0
        dup = int(self.duplicate_of[index])
        within = int(self.contained_in[index])
        related = int(self.related_to[index])
        kind = int(self.relation[index])
        resemblance = float(self.resemblance[index])
        return RecordVerdict(
            index=index,
            id=self.ids[index],
            cluster=None if rejected else int(self.cluster[index]),
            kept=bool(self.kept[index]),
            duplicate_of=self.ids[dup] if dup >= 0 else self._indexed_id(index),
            similarity=None if rejected else round(float(self.similarity[index]), 4),
            relation=RELATION_KINDS[kind - 1] if kind else None,  # type: ignore[arg-type]
            related_to=self.ids[related] if related >= 0 else (self._indexed_id(index) if kind else None),
            resemblance=round(resemblance, 4) if kind and resemblance == resemblance else None,
            contained_in=self.ids[within] if within >= 0 else None,
            containment=round(float(self.containment[index]), 4) if within >= 0 else None,
            reject=self._reject_reasons().get(index),
        )

    def verdicts(self) -> Iterator[RecordVerdict]:
        """Every record's verdict, in input order."""
        for index in range(len(self.ids)):
            yield self.verdict(index)

    def clusters(self, min_size: int = 1) -> list[Cluster]:
        """Clusters in cluster-number order; `min_size=2` gives only those that hold duplicates."""
        order = np.argsort(self.cluster, kind="stable")
        labels = self.cluster[order]
        starts = np.flatnonzero(np.r_[True, labels[1:] != labels[:-1]]) if len(labels) else np.array([], int)
        out: list[Cluster] = []
        for begin, end in zip(starts, [*starts[1:], len(labels)], strict=True):
            label = int(labels[begin])
            members = tuple(int(i) for i in order[begin:end])
            if label < 0 or len(members) < min_size:
                continue
            representative = next((i for i in members if self.kept[i]), None)
            out.append(Cluster(cluster=label, representative=representative, members=members))
        return out

    def _indexed_id(self, index: int) -> Any:
        if self.indexed_of is None or self.indexed_of[index] < 0:
            return None
        return self.indexed_ids[int(self.indexed_of[index])]

    @property
    def kept_indexes(self) -> np.ndarray:
        return np.flatnonzero(self.kept)

    def _reject_reasons(self) -> dict[int, str]:
        if self._reasons is None:
            self._reasons = {r.index: r.reason for r in self.rejects}
        return self._reasons
