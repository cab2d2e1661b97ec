"""Settings of `newsclean.dedupe`: a frozen pydantic model, so a typo in a setting is an error."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from ._model_base import FrozenModel
from .lsh import MAX_BUCKET

KeepRule = Literal["first", "longest", "earliest", "most-complete"]
KEEP_RULES: tuple[str, ...] = KeepRule.__args__  # type: ignore[attr-defined]


class DedupeConfig(FrozenModel):
    """What `dedupe()` compares and how it decides. The defaults are the measured ones (docs/dedupe.md).

    `threshold` is the Jaccard similarity of word-`ngram` shingle sets at or above which a record joins a
    cluster; it is checked exactly against the cluster's anchor, and every pair of members of a cluster is
    at least `pair_floor` alike (without it, only `2 * threshold - 1`: Jaccard distance is a metric).
    `bands`/`rows` are chosen for recall at the threshold when left unset (see `newsclean.lsh.choose_bands`).
    """

    threshold: float = Field(default=0.7, gt=0.0, le=1.0)
    num_perm: int = Field(default=128, ge=8, le=1024)
    ngram: int = Field(default=5, ge=1, le=16)
    seed: int = 1
    hash: str = Field(default="sha1", description="shingle hash of newsclean.signature; sha1 = datasketch's")
    bands: int | None = Field(default=None, ge=1)
    rows: int | None = Field(default=None, ge=1)
    target_recall: float = Field(
        default=0.995, gt=0.0, lt=1.0, description="LSH candidate chance of a pair at the threshold"
    )
    pair_floor: float = Field(
        default=0.6,
        ge=0.0,
        le=1.0,
        description="no two records of a cluster are less alike than this (capped at the threshold)",
    )
    keep: KeepRule = "first"
    clean: bool = Field(default=True, description="compare cleaned text (outlet boilerplate removed)")
    containment: float | None = Field(
        default=None,
        gt=0.0,
        le=1.0,
        description="flag a record with this share of its shingles in a longer one",
    )
    id_field: str = "id"
    text_field: str = "text"
    title_field: str = "title"
    date_field: str = "date"
    max_bucket: int = Field(
        default=MAX_BUCKET, ge=2, description="a bigger LSH bucket pairs members only with its first max_bucket"
    )
    workers: int = Field(default=1, ge=1, le=64)
    chunk_size: int = Field(default=512, ge=1)

    @model_validator(mode="after")
    def _bands_fit(self) -> DedupeConfig:
        if (self.bands is None) != (self.rows is None):
            raise ValueError("give both bands and rows, or neither")
        if self.bands is not None and self.rows is not None and self.bands * self.rows > self.num_perm:
            raise ValueError(f"bands * rows = {self.bands * self.rows} exceeds num_perm = {self.num_perm}")
        return self
