"""A learned profile: per source, the segments and templates that recur across its distinct stories.

The profile is what `newsclean learn` writes and `newsclean clean --profile` reads: JSON a person can read and
edit (delete an entry to keep that text; lower `stories` means nothing, the entry is matched as written).

An entry's `pattern` is the exact key of a segment (`newsclean.learning.units.exact_key`) or a template
(`template_key`) where `<>` is an open slot and `{value}` a slot pinned to the value it nearly always holds
(`{penulis} : <>` is a `Penulis:` label with any name after it).
"""

from __future__ import annotations

import json
import os
from typing import Literal

from pydantic import Field, PrivateAttr

from .._model_base import FrozenModel
from ..io import atomic_output
from ..models import RemovalKind
from .matcher import LearnedEntry, SourceMatcher, zone_of  # noqa: F401  (zone_of: where learning reads it)

#: Where in an article a segment sits (`newsclean.learning.matcher.zone_of`): its first quarter (datelines,
#: bylines), its last quarter (footers, tags, credits), or between (inserts). A learned entry is removed only
#: where it was seen recurring.
ArticleZone = Literal["lead", "body", "tail"]
ARTICLE_ZONES: tuple[ArticleZone, ...] = ("lead", "body", "tail")
#: How an entry matches: an exact key, a template, or `tag_lines`: a run of two or more short word-only lines
#: that ends the article (a tag block), learned when many of the source's stories end with one; or `tail_code`:
#: a parenthesised code of one shape (`(A-9)` for `(Z-3)`, `matcher.code_shape`) after the last sentence; or
#: `related_headline`: a related article's headline as written, which stories of the source link and then go
#: on with prose of their own (`newsclean.learning.related`), taken where it follows a related-link label.
MatchKind = Literal["exact", "template", "tag_lines", "tail_code", "related_headline"]
PROFILE_VERSION = 1


class LearnSettings(FrozenModel):
    """How `learn` samples and when a recurring segment counts as boilerplate."""

    sample_per_source: int = Field(default=500, ge=1, description="articles learned from per source (bottom-k by id)")
    min_stories: int = Field(default=4, ge=2, description="distinct stories a segment must recur in, at least")
    min_share: float = Field(default=0.02, gt=0, le=1, description="...and at least this share of the source's stories")
    prose_factor: float = Field(
        default=3.0, ge=1, description="a segment shaped like a sentence of prose needs this many times the count"
    )
    pin_share: float = Field(
        default=0.6, gt=0.5, le=1, description="a template slot holding one value in this share of stories is pinned"
    )


class LearnedSegment(FrozenModel):
    """One learned piece of boilerplate of a source."""

    kind: RemovalKind
    match: MatchKind
    pattern: str
    zones: tuple[ArticleZone, ...]
    stories: int = Field(ge=1, description="distinct stories of the sample it was seen in")
    example: str


class SourceProfile(FrozenModel):
    """What was learned for one source (an outlet, or a URL host when the records name none)."""

    documents: int = Field(ge=0, description="articles of the source that were read")
    sampled: int = Field(ge=0, description="articles learned from")
    stories: int = Field(ge=0, description="distinct stories among them")
    segments: tuple[LearnedSegment, ...] = ()


class Profile(FrozenModel):
    """Learned boilerplate for every source of a corpus."""

    version: Literal[1] = PROFILE_VERSION
    settings: LearnSettings = LearnSettings()
    sources: dict[str, SourceProfile] = Field(default_factory=dict)
    _matchers: dict[str, SourceMatcher | None] = PrivateAttr(default_factory=dict)

    def matcher(self, source: str | None) -> SourceMatcher | None:
        """The matcher of `source`'s entries (built once per profile object), or None when nothing was learned."""
        key = source or ""
        if key not in self._matchers:
            learned = self.sources.get(key)
            self._matchers[key] = (
                SourceMatcher(tuple(LearnedEntry.of(entry) for entry in learned.segments))
                if learned and learned.segments
                else None
            )
        return self._matchers[key]

    def __eq__(self, other: object) -> bool:
        """Profiles are equal when what they learned is: the matchers built from them are a cache."""
        if not isinstance(other, Profile):
            return NotImplemented
        return (self.version, self.settings, self.sources) == (other.version, other.settings, other.sources)

    __hash__ = None  # type: ignore[assignment]  # `sources` is a dict

    def save(self, path: str) -> None:
        with atomic_output(path) as out:
            out.write(self.model_dump_json(indent=1) + "\n")

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> Profile:
        with open(path, encoding="utf-8") as fh:
            return cls.model_validate(json.load(fh))
