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

    kind: RemovalKind = Field(description="what was removed: one of the kinds `newsclean rules` lists")
    text: str = Field(description="the removed text, as it stands in the normalized article")
    start: int = Field(ge=0, description="offset of its first character in the normalized text")
    end: int = Field(ge=0, description="offset just past its last character: `normalized[start:end] == text`")
    rule: str = Field(description="the rule that removed it (`newsclean rules`; the handle to turn it off)")
    stories: int | None = Field(
        default=None,
        ge=1,
        description="a learned removal only: the distinct stories of its source it recurred in (absent otherwise)",
    )


class Dateline(FrozenModel):
    """The dateline found at the top of the article, split into its parts when they could be told apart."""

    outlet: str | None = Field(default=None, description="the outlet it names (`REPUBLIKA.CO.ID`), or null")
    city: str | None = Field(default=None, description="the city it names (`MOSKOW`), or null")
    text: str = Field(description="the whole dateline as it stood in the article")


EditKind = Literal["paragraph_break", "word_break"]


class Edit(FrozenModel):
    """A separator that normalization put into the text: `normalized[start:start + len(text)] == text`.

    `paragraph_break`: a line break (or blank line) where a scraper had joined two paragraphs on one line;
    `word_break`: a space between two words a scraper had glued together (a stripped link tag). `rule` names
    the heuristic in `newsclean.boundaries` that made it.
    """

    kind: EditKind = Field(description="`paragraph_break` (a line break put back) or `word_break` (a space)")
    start: int = Field(ge=0, description="offset of the separator in the normalized text")
    text: str = Field(description="the separator that was put in")
    rule: str = Field(description="the heuristic of `newsclean.boundaries` that put it in")


class CleanResult(FrozenModel):
    """The cleaned article and an account of every removal.

    `text` holds the paragraphs separated by one blank line. Offsets in `removals` refer to the normalized
    text (`newsclean.normalize(original)`), so a reviewer can show each removal in place; so do those of
    `edits`, the separators normalization put back where a scraper had lost them (`newsclean.boundaries`).
    """

    text: str = Field(description="the clean article: paragraphs separated by one blank line")
    removals: tuple[Removal, ...] = Field(default=(), description="every removal, in the order of the text")
    dateline: Dateline | None = Field(default=None, description="the dateline found at the top, or null")
    credits: tuple[str, ...] = Field(
        default=(), description="editor and wire codes found in the credits (`esn/indo`), without parentheses"
    )
    paragraphs: int = Field(default=0, description="paragraphs in the clean text")
    chars_in: int = Field(default=0, description="characters of the article as it came in")
    chars_out: int = Field(default=0, description="characters of the clean text")
    edits: tuple[Edit, ...] = Field(
        default=(), description="separators normalization put back where a scraper had lost them"
    )

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

