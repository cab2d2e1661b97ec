"""What ties two records: `exact`, `near`, `contained` or `template`, with the evidence.

Decided per candidate pair of nodes (records with the same normalized words are one node and `exact`):

* `near`: the 5-gram Jaccard is at least `threshold`, or the *resemblance* (mean of the two word coverages,
  `newsclean.alignment`) is at least the same threshold (`DedupeConfig.resemblance`). The second arm finds
  the edited copies real scrapes hold (re-led desk copies, link holes, an added update) that the Jaccard
  misses; one threshold for both keeps one knob for "how alike".
* `contained`: the shorter text has at least `containment` of its words covered by the longer one, while
  the longer one has less than `resemblance` of its words in the shorter (and the Jaccard is below
  `threshold`): a first-page scrape, an abridged copy, an article reprinted inside a roundup. Checked first,
  so a half-length first page is `contained`, not `near`, although the mean of its coverages is high.
* `template`: a near or contained pair of one source whose uncovered words are mostly numbers and date words
  (`TEMPLATE_DATED_SHARE` of them, `TEMPLATE_MIN_DATED` at least): the same outlet's prayer times, gold
  prices or match schedule on two days. Same prose, different facts, so both are kept unless the user drops
  templates. Why same source only: two outlets carrying one wire story with a different date line are
  copies, and the dates a re-scrape adds are the same on both sides.

The figures behind each constant are in docs/design/dedupe.md (sweep on the labelled real pairs).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final, Literal

import numpy as np

from .alignment import Overlap, WindowStore, overlap
from .clusters import TOLERANCE, ShingleStore, jaccard

Relation = Literal["exact", "near", "contained", "template"]
#: Relation codes of the result columns: 0 is none.
RELATIONS: tuple[Relation, ...] = ("exact", "near", "contained", "template")
EXACT, NEAR, CONTAINED, TEMPLATE = 1, 2, 3, 4

#: Of the words two same-source articles do not share, the share that must be numbers or date words for the
#: pair to be a template. Swept on the labelled real pairs (docs/design/dedupe.md): 0.25 keeps every labelled daily
#: template that is a verified pair apart, including those whose changed words are region names beside their
#: figures (`APBD Kab. Bandung` vs `Kab. Karawang`, ~0.3), and costs no labelled duplicate; 0.2 starts costing
#: duplicates and teasers whose updates are mostly figures.
TEMPLATE_DATED_SHARE: Final = 0.25
#: ...and at least this many such words: one changed figure is an update of a story, not another day.
TEMPLATE_MIN_DATED: Final = 2
#: A record shorter than this many words is never `contained`: below it the shared words are a footer, a
#: credit line or one quoted sentence (a scrape that is only Antara's copyright notice lies inside every
#: Antara article that kept it), not a copy of a story. The shortest labelled teaser has 72 words.
MIN_CONTAINED_WORDS: Final = 40


@dataclass(frozen=True, slots=True)
class Judgement:
    """A verified pair: its relation and evidence. For `contained`, `part` is the contained node."""

    relation: int
    jaccard: float
    resemblance: float
    containment: float
    part: int


@dataclass(frozen=True, slots=True)
class RelationSettings:
    """The thresholds of a judgement (from `DedupeConfig`)."""

    threshold: float
    resemblance: float | None
    containment: float | None
    pair_floor: float


class PairJudge:
    """Judges node pairs on their sketches and window sequences; remembers what it judged."""

    def __init__(
        self,
        sketches: ShingleStore,
        windows: WindowStore,
        words: np.ndarray,
        sources: Sequence[str],
        settings: RelationSettings,
    ) -> None:
        self.sketches = sketches
        self.windows = windows
        self.words = words
        self.sources = sources
        self.settings = settings
        self._seen: dict[tuple[int, int], Judgement | None] = {}
        self._jaccard: dict[tuple[int, int], float] = {}
        self._overlap: dict[tuple[int, int], Overlap] = {}
        self._unique: dict[int, np.ndarray] = {}

    @property
    def uses_windows(self) -> bool:
        """False for a Jaccard-only judge (`DedupeConfig.jaccard_only`): no word coverage is computed."""
        return self.settings.resemblance is not None or self.settings.containment is not None

    def overlap(self, a: int, b: int) -> Overlap:
        """The word-level overlap of nodes a and b, with a < b (remembered)."""
        found = self._overlap.get((a, b))
        if found is None:
            found = overlap(self.windows.get(a), self.windows.get(b), self._hashes(a), self._hashes(b))
            self._overlap[(a, b)] = found
        return found

    def _hashes(self, node: int) -> np.ndarray:
        """The node's sorted unique window hashes (remembered: a node is in several pairs)."""
        found = self._unique.get(node)
        if found is None:
            found = np.unique(self.windows.get(node).hashes)
            self._unique[node] = found
        return found

    def coverage(self, part: int, whole: int) -> float:
        """Share of `part`'s words covered by `whole`."""
        if part < whole:
            return self.overlap(part, whole).coverage_a
        return self.overlap(whole, part).coverage_b

    def resemblance(self, a: int, b: int) -> float:
        return self.overlap(min(a, b), max(a, b)).resemblance

    def similarity(self, a: int, b: int) -> float:
        """Jaccard of the two nodes' shingle sketches (remembered)."""
        key = (a, b) if a < b else (b, a)
        value = self._jaccard.get(key)
        if value is None:
            value = jaccard(self.sketches.get(key[0]), self.sketches.get(key[1]))
            self._jaccard[key] = value
        return value

    def judge(self, a: int, b: int) -> Judgement | None:
        """The relation of nodes a and b, or None when they are not related."""
        key = (a, b) if a < b else (b, a)
        if key in self._seen:
            return self._seen[key]
        verdict = self._decide(*key)
        self._seen[key] = verdict
        return verdict

    def _decide(self, a: int, b: int) -> Judgement | None:
        settings = self.settings
        similarity = self.similarity(a, b)
        if settings.resemblance is None and settings.containment is None:
            if similarity < settings.threshold - TOLERANCE:
                return None
            return Judgement(NEAR, similarity, float("nan"), float("nan"), a)
        found = self.overlap(a, b)
        resemblance = found.resemblance
        shorter_is_a = int(self.words[a]) <= int(self.words[b])
        contained_share = found.coverage_a if shorter_is_a else found.coverage_b
        longer_share = found.coverage_b if shorter_is_a else found.coverage_a
        part = a if shorter_is_a else b
        near_by_jaccard = similarity >= settings.threshold - TOLERANCE
        near_by_words = settings.resemblance is not None and resemblance >= settings.resemblance - TOLERANCE
        if (
            settings.containment is not None
            and int(self.words[part]) >= MIN_CONTAINED_WORDS
            and contained_share >= settings.containment - TOLERANCE
            and not near_by_jaccard
            and (settings.resemblance is None or longer_share < settings.resemblance)
        ):
            relation, sides = CONTAINED, ("a" if shorter_is_a else "b")
        elif near_by_jaccard or near_by_words:
            relation, sides = NEAR, "both"
        else:
            return None
        if self.sources[a] == self.sources[b]:
            share, dated = found.dated_share(sides)
            if share >= TEMPLATE_DATED_SHARE and dated >= TEMPLATE_MIN_DATED:
                relation = TEMPLATE
        return Judgement(relation, similarity, resemblance, contained_share, part)

    def alike(self, a: int, b: int, templates_merge: bool) -> bool:
        """Whether a and b may share a cluster: at least `pair_floor` alike by Jaccard, or by resemblance at
        the same distance below its threshold, and not a template pair that is kept apart."""
        settings = self.settings
        floor = min(settings.pair_floor, settings.threshold)
        if self.similarity(a, b) >= floor - TOLERANCE:
            verdict = self.judge(a, b)
            return templates_merge or verdict is None or verdict.relation != TEMPLATE
        if settings.resemblance is None:
            return False
        verdict = self.judge(a, b)
        if verdict is None or (verdict.relation == TEMPLATE and not templates_merge):
            return False
        return verdict.resemblance >= settings.resemblance - (settings.threshold - floor) - TOLERANCE

    def verify(self, pairs: np.ndarray, sampled: np.ndarray | None = None) -> tuple[np.ndarray, list[Judgement]]:
        """The related pairs among `pairs` (rows a < b) and their judgements, in the order given.

        `sampled` marks the pairs the sampled n-gram index proposed; the others (LSH band pairs only) can
        be related by their Jaccard alone: their word overlap is looked at only when the Jaccard reaches the
        threshold (for the template test), which spares it for the same-topic pairs LSH lets through.
        """
        kept: list[int] = []
        verdicts: list[Judgement] = []
        for row, (a, b) in enumerate(pairs.tolist()):
            if sampled is not None and not sampled[row] and self.similarity(a, b) < self.settings.threshold - TOLERANCE:
                continue
            verdict = self.judge(a, b)
            if verdict is not None:
                kept.append(row)
                verdicts.append(verdict)
        return pairs[np.asarray(kept, dtype=np.int64)].reshape(-1, 2), verdicts
