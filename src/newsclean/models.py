"""Records and reports of the cleaning half: what was removed, where, and by which rule."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ._model_base import FrozenModel

RemovalKind = Literal[
    "dateline",
    "byline",
    "credit",
    "caption",
    "related",
    "promo",
    "ad",
    "embed",
    "footer",
    "tags",
    "nav",
    "repeat",
    "other",
]
REMOVAL_KINDS: tuple[str, ...] = RemovalKind.__args__  # type: ignore[attr-defined]


class Article(FrozenModel):
    """One input article. Only `text` is required; other fields ride along unchanged."""

    model_config = FrozenModel.model_config | {"extra": "allow"}

    id: str | int | None = None
    text: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    date: str | None = None


class Removal(FrozenModel):
    """A span removed from the normalized text: `normalized[start:end] == text`."""

    kind: RemovalKind
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    rule: str
    stories: int | None = Field(
        default=None, ge=1, description="for a learned removal: the distinct stories of its source it recurred in"
    )


class Dateline(FrozenModel):
    """The dateline found at the top of the article, split into its parts when they could be told apart."""

    outlet: str | None = None
    city: str | None = None
    text: str


EditKind = Literal["paragraph_break", "word_break"]


class Edit(FrozenModel):
    """A separator that normalization put into the text: `normalized[start:start + len(text)] == text`.

    `paragraph_break`: a line break (or blank line) where a scraper had joined two paragraphs on one line;
    `word_break`: a space between two words a scraper had glued together (a stripped link tag). `rule` names
    the heuristic in `newsclean.boundaries` that made it.
    """

    kind: EditKind
    start: int = Field(ge=0)
    text: str
    rule: str


class CleanResult(FrozenModel):
    """The cleaned article and an account of every removal.

    `text` holds the paragraphs separated by one blank line. Offsets in `removals` refer to the normalized
    text (`newsclean.normalize(original)`), so a reviewer can show each removal in place; so do those of
    `edits`, the separators normalization put back where a scraper had lost them (`newsclean.boundaries`).
    """

    text: str
    removals: tuple[Removal, ...] = ()
    dateline: Dateline | None = None
    credits: tuple[str, ...] = ()
    paragraphs: int = 0
    chars_in: int = 0
    chars_out: int = 0
    edits: tuple[Edit, ...] = ()

    @property
    def removed_by_kind(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for removal in self.removals:
            counts[removal.kind] = counts.get(removal.kind, 0) + 1
        return counts

    def report(self) -> dict:
        """The JSON-able report stored under the `newsclean` key of a cleaned record."""
        return {
            "removals": [r.model_dump(exclude_none=True) for r in self.removals],
            "dateline": self.dateline.model_dump() if self.dateline else None,
            "credits": list(self.credits),
            "paragraphs": self.paragraphs,
            "chars_in": self.chars_in,
            "chars_out": self.chars_out,
            "removed_by_kind": self.removed_by_kind,
            "edits": [e.model_dump() for e in self.edits],
        }

