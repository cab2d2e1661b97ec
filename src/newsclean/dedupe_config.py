"""Settings of `newsclean.dedupe`: a frozen pydantic model, so a typo in a setting is an error."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from ._model_base import FrozenModel
from .config import CleanConfig
from .lsh import MAX_BUCKET, choose_bands

KeepRule = Literal["first", "longest", "earliest", "most-complete"]
KEEP_RULES: tuple[str, ...] = KeepRule.__args__  # type: ignore[attr-defined]
DroppedRelation = Literal["exact", "near", "contained", "template"]
#: Relations whose records are dropped by default: a teaser is a copy of part of an article, so the full
#: one is kept; a daily template is another day's facts, so both are kept.
DEFAULT_DROP: tuple[DroppedRelation, ...] = ("exact", "near", "contained")


class DedupeConfig(FrozenModel):
    """What `dedupe()` compares and how it decides. The defaults are the measured ones (docs/design/dedupe.md).

    `threshold` is the Jaccard similarity of word-`ngram` shingle sets at or above which a record joins a
    cluster; it is checked exactly against the cluster's anchor, and every pair of members of a cluster is
    at least `pair_floor` alike (without it, only `2 * threshold - 1`: Jaccard distance is a metric).
    `bands`/`rows` are chosen for recall at the threshold when left unset (see `newsclean.lsh.choose_bands`).

    With `resemblance`, a pair is also near when its resemblance (`newsclean.relations`: the mean share of
    each one's words the other covers) reaches `threshold`; `containment` is the share of the shorter one's
    words at which it is `contained` in a longer one (None: off); `drop` lists the relations whose records
    are not kept (`exact` and `near` always are).
    """

    threshold: float = Field(
        default=0.7, gt=0.0, le=1.0, description="Jaccard (or resemblance) at which two records are near (--threshold)"
    )
    num_perm: int = Field(default=128, ge=8, le=1024, description="MinHash permutations (--num-perm)")
    ngram: int = Field(default=5, ge=1, le=16, description="words per shingle (--ngram)")
    seed: int = Field(default=1, description="seed of the MinHash permutations (datasketch's)")
    hash: str = Field(default="sha1", description="shingle hash of newsclean.signature; sha1 = datasketch's")
    bands: int | None = Field(default=None, ge=1, description="LSH bands; null: chosen for recall at the threshold")
    rows: int | None = Field(default=None, ge=1, description="rows per LSH band; null: chosen with `bands`")
    target_recall: float = Field(
        default=0.995, gt=0.0, lt=1.0, description="LSH candidate chance of a pair at the threshold"
    )
    pair_floor: float = Field(
        default=0.6,
        ge=0.0,
        le=1.0,
        description="no two records of a cluster are less alike than this (capped at the threshold)",
    )
    keep: KeepRule = Field(default="first", description="which copy of a story is kept (--keep)")
    clean: bool = Field(default=True, description="compare cleaned text (outlet boilerplate removed)")
    cleaning: CleanConfig = Field(
        default_factory=CleanConfig, description="the cleaner's settings when clean is on (rules turned off)"
    )
    resemblance: bool = Field(
        default=True,
        description="near also when the mean share of words each covers reaches the threshold (edited copies)",
    )
    containment: float | None = Field(
        default=0.85,
        gt=0.0,
        le=1.0,
        description="contained: a record with this share of its words covered by a longer one",
    )
    drop: tuple[DroppedRelation, ...] = Field(
        default=DEFAULT_DROP, description="relations whose records are duplicates, not kept"
    )
    id_field: str = Field(default="id", description="field holding the record id (--id-field)")
    text_field: str = Field(default="text", description="field holding the article text (--text-field)")
    title_field: str = Field(default="title", description="field holding the title (--title-field)")
    date_field: str = Field(default="date", description="field read by `keep: earliest` (--date-field)")
    source_field: str = Field(default="source", description="outlet of a record (else its url's host): templates")
    max_bucket: int = Field(
        default=MAX_BUCKET, ge=2, description="a bigger LSH bucket pairs members only with its first max_bucket"
    )
    workers: int = Field(default=1, ge=1, le=64, description="processes that clean and sign (--workers)")
    chunk_size: int = Field(default=512, ge=1, description="records sent to a worker at a time")

    @model_validator(mode="after")
    def _bands_fit(self) -> DedupeConfig:
        if (self.bands is None) != (self.rows is None):
            raise ValueError("give both bands and rows, or neither")
        if self.bands is not None and self.rows is not None and self.bands * self.rows > self.num_perm:
            raise ValueError(f"bands * rows = {self.bands * self.rows} exceeds num_perm = {self.num_perm}")
        missing = {"exact", "near"} - set(self.drop)
        if missing:
            raise ValueError(f"drop must include exact and near (missing: {', '.join(sorted(missing))})")
        return self

    def band_layout(self) -> tuple[int, int]:
        """(bands, rows) of the LSH index: the pair given, else `choose_bands` for the threshold and recall.
        Every engine (local, index, Dask) asks this one method."""
        if self.bands and self.rows:
            return self.bands, self.rows
        return choose_bands(self.threshold, self.num_perm, self.target_recall)

    def jaccard_only(self) -> DedupeConfig:
        """This config without the word-coverage relations (resemblance, containment, templates): what the
        index decides on, since it keeps no window sequences (docs/design/dedupe.md), and `--jaccard-only`."""
        return self.model_copy(update={"resemblance": False, "containment": None})

    @property
    def uses_windows(self) -> bool:
        """Whether records need window sequences: for the resemblance or the containment relation."""
        return self.resemblance or self.containment is not None

    @property
    def drops_templates(self) -> bool:
        return "template" in self.drop
