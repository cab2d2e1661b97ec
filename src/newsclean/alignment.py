"""How much of one article another one repeats, word by word: the verification measure of real duplicates.

Why not the Jaccard of 5-gram sets alone: real copies are edited. A desk re-leads a wire story, a scraper of
2019 turned every link into a comma (`kepada , Mekaar` against `kepada 15 nasabah Mekaar`), an outlet adds an
update paragraph. Each such edit kills every 5-gram that touches it, so the hand-labelled duplicates of
`../shared/data/dev-pairs.jsonl` have a cleaned 5-gram Jaccard as low as 0.25, the same range as two
different stories about one event. What tells them apart is how much of each *text* lies inside word runs
the other also has: a re-led copy is covered almost everywhere except its new lead, two stories sharing a
background paragraph are covered only there.

So each compared article keeps its *window sequence*: the hash of every word n-gram in order (repeats
kept), and one flag per word saying whether it is a number (digits only) or a date word. A word of A is *covered* by B
when one of the n-grams that hold it is also in B. `coverage(A, B)` is the share of A's words covered.
A deleted link word uncovers one word, not five shingles; a reordered paragraph stays covered.

The window hash is a polynomial of 32-bit CRCs of the words (stdlib `zlib.crc32`, the same in every
process), mixed and cut to 32 bits: equality is all that is asked of it, and two different n-grams share a
hash with probability 2**-32 per pair, which moves a coverage by one word at most.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from typing import Final

import numpy as np

#: At most this many windows are kept per article (4 bytes each, plus a byte a word for the flags): the
#: first 2,048 n-grams, which is the whole of 99% of news articles; a longer one is compared on its start.
MAX_WINDOWS: Final = 2048
#: Multiplier of the window polynomial and of the final mix (odd 64-bit constants).
_POLY: Final = np.uint64(0x100000001B3)
_MIX: Final = np.uint64(0x9E3779B97F4A7C15)

#: Words that carry the date of a daily template: day and month names (Indonesian and English, full and
#: short), time zones and parts of the day. With the words holding a digit they are what differs between two
#: days of one outlet's prayer times, gold prices or match schedules.
DATE_WORDS: Final = frozenset(
    (
        "senin",
        "selasa",
        "rabu",
        "kamis",
        "jumat",
        "sabtu",
        "minggu",
        "ahad",
        "januari",
        "februari",
        "maret",
        "april",
        "mei",
        "juni",
        "juli",
        "agustus",
        "september",
        "oktober",
        "november",
        "desember",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "agu",
        "agt",
        "ags",
        "aug",
        "sep",
        "sept",
        "okt",
        "oct",
        "nov",
        "des",
        "dec",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "may",
        "june",
        "july",
        "august",
        "october",
        "december",
        "wib",
        "wita",
        "wit",
        "pagi",
        "siang",
        "sore",
        "malam",
    )
)


@dataclass(frozen=True, slots=True)
class Windows:
    """One article's window sequence: `hashes[i]` is the hash of words i..i+ngram-1 (one window holding all
    words when there are fewer than `ngram`), `dated[j]` whether word j is a number or a date word, `ngram`
    the window width."""

    hashes: np.ndarray
    dated: np.ndarray
    ngram: int

    @property
    def words(self) -> int:
        return len(self.dated)


def windows_of(words: list[str], ngram: int) -> Windows:
    """The window sequence of a tokenized article (`newsclean.shingle.tokens`), capped at `MAX_WINDOWS`."""
    words = words[: MAX_WINDOWS + ngram - 1]
    dated = np.fromiter(
        (word in DATE_WORDS or word.isdigit() for word in words), dtype=bool, count=len(words)
    )
    if not words:
        return Windows(np.empty(0, np.uint32), dated, ngram)
    codes = {word: zlib.crc32(word.encode("utf-8", "surrogatepass")) for word in set(words)}
    per_word = np.fromiter((codes[word] for word in words), dtype=np.uint64, count=len(words))
    width = min(ngram, len(words))
    count = len(words) - width + 1
    combined = np.zeros(count, dtype=np.uint64)
    for offset in range(width):
        combined = combined * _POLY + per_word[offset : offset + count]
    mixed = combined * _MIX
    mixed ^= mixed >> np.uint64(29)
    mixed *= _MIX
    return Windows((mixed >> np.uint64(32)).astype(np.uint32), dated, ngram)


def covered_words(mine: Windows, other_hashes: np.ndarray) -> np.ndarray:
    """Per word of `mine`: whether an n-gram holding it is among `other_hashes` (sorted, unique)."""
    if mine.words == 0:
        return np.zeros(0, dtype=bool)
    shared = np.isin(mine.hashes, other_hashes, assume_unique=False).astype(np.int32)
    width = mine.words - len(mine.hashes) + 1
    return np.convolve(shared, np.ones(width, dtype=np.int32))[: mine.words] > 0


@dataclass(frozen=True, slots=True)
class Overlap:
    """How two articles overlap, word by word: the evidence of a relation.

    `coverage_a`: share of A's words covered by B; `coverage_b` the reverse. `dated_share`: of the words
    neither covers, the share that are numbers or date words (on both sides for a near pair, on the shorter
    side for a contained one; see `dated_share`).
    """

    coverage_a: float
    coverage_b: float
    uncovered_a: int
    uncovered_b: int
    dated_a: int
    dated_b: int

    @property
    def resemblance(self) -> float:
        """The mean of the two coverages: 1.0 for the same text, about 0.9 for a copy with a new lead."""
        return (self.coverage_a + self.coverage_b) / 2

    def dated_share(self, sides: str) -> tuple[float, int]:
        """(share, count) of uncovered words that are dated, over `sides`: "both", "a" or "b"."""
        uncovered = (self.uncovered_a if sides != "b" else 0) + (self.uncovered_b if sides != "a" else 0)
        dated = (self.dated_a if sides != "b" else 0) + (self.dated_b if sides != "a" else 0)
        return (dated / uncovered if uncovered else 0.0), dated


def overlap(a: Windows, b: Windows) -> Overlap:
    """The word-level overlap of two window sequences (see `Overlap`)."""
    in_a = covered_words(a, np.unique(b.hashes))
    in_b = covered_words(b, np.unique(a.hashes))
    return Overlap(
        coverage_a=float(in_a.mean()) if a.words else 0.0,
        coverage_b=float(in_b.mean()) if b.words else 0.0,
        uncovered_a=int(a.words - in_a.sum()),
        uncovered_b=int(b.words - in_b.sum()),
        dated_a=int((a.dated & ~in_a).sum()),
        dated_b=int((b.dated & ~in_b).sum()),
    )


@dataclass(frozen=True, slots=True)
class WindowStore:
    """Every node's window sequence and flags, concatenated (no object per article)."""

    hashes: np.ndarray
    hash_offsets: np.ndarray
    dated: np.ndarray
    word_offsets: np.ndarray
    ngram: int

    @classmethod
    def from_parts(cls, parts: list[Windows], ngram: int) -> WindowStore:
        def offsets(lengths: list[int]) -> np.ndarray:
            out = np.zeros(len(lengths) + 1, dtype=np.int64)
            np.cumsum(np.asarray(lengths, dtype=np.int64), out=out[1:])
            return out

        return cls(
            np.concatenate([p.hashes for p in parts]) if parts else np.empty(0, np.uint32),
            offsets([len(p.hashes) for p in parts]),
            np.concatenate([p.dated for p in parts]) if parts else np.empty(0, bool),
            offsets([p.words for p in parts]),
            ngram,
        )

    def __len__(self) -> int:
        return len(self.hash_offsets) - 1

    def get(self, node: int) -> Windows:
        return Windows(
            self.hashes[self.hash_offsets[node] : self.hash_offsets[node + 1]],
            self.dated[self.word_offsets[node] : self.word_offsets[node + 1]],
            self.ngram,
        )

    def take(self, nodes: np.ndarray) -> WindowStore:
        return WindowStore.from_parts([self.get(int(n)) for n in nodes], self.ngram)

    @property
    def nbytes(self) -> int:
        return self.hashes.nbytes + self.hash_offsets.nbytes + self.dated.nbytes + self.word_offsets.nbytes
