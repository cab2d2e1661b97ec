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

The window hash is the high half of the `fast` shingle hash of `newsclean.signature` (a polynomial of
per-word 64-bit hashes, `fast_shingle_hash`), the same in every process. Equality is all that is asked of
it: two different n-grams share 32 bits with probability 2**-32 per pair, which moves a coverage by one
word at most. `windows_of` is the Python specification; `window_sequence` runs the C kernel
(`newsclean._speedups.window_sequence`, one pass over the text) when it is built, and the tests hold the two
equal.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

import numpy as np

from .extensions import load_extension
from .shingle import tokens, windows
from .signature import fast_shingle_hash, fast_token_hash

#: At most this many windows are kept per article (4 bytes each, plus a byte a word for the flags): the
#: first 2,048 n-grams, which is the whole of 99% of news articles; a longer one is compared on its start.
MAX_WINDOWS: Final = 2048

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


def is_dated(word: str) -> bool:
    """A number (ASCII digits only) or a date word."""
    return (word.isascii() and word.isdigit()) or word in DATE_WORDS


def windows_of(words: list[str], ngram: int) -> Windows:
    """The window sequence of a tokenized article (`newsclean.shingle.tokens`), capped at `MAX_WINDOWS`:
    the Python specification of `window_sequence`."""
    words = words[: MAX_WINDOWS + ngram - 1]
    hashes = {word: fast_token_hash(word.encode("utf-8", "surrogatepass")) for word in set(words)}
    values = [fast_shingle_hash([hashes[word] for word in window]) >> 32 for window in windows(words, ngram)]
    dated = np.fromiter((is_dated(word) for word in words), dtype=bool, count=len(words))
    return Windows(np.array(values, dtype=np.uint32), dated, ngram)


#: The C kernel, or None (NEWSCLEAN_PUREPYTHON=1, or not built).
_KERNEL = load_extension("_speedups")
#: `fast_token_hash` of every date word, sorted: the kernel flags a token whose hash is among them.
DATE_HASHES: Final = np.sort(
    np.array([fast_token_hash(word.encode("utf-8")) for word in DATE_WORDS], dtype=np.uint64)
).tobytes()


def window_sequence(text: str, ngram: int) -> Windows:
    """`windows_of(tokens(text), ngram)`, by the C kernel in one pass when it is built."""
    if _KERNEL is None:
        return windows_of(tokens(text), ngram)
    hashes, dated = _KERNEL.window_sequence(text, ngram, MAX_WINDOWS + ngram - 1, DATE_HASHES)
    return Windows(np.frombuffer(hashes, dtype=np.uint32), np.frombuffer(dated, dtype=bool), ngram)


def covered_words(mine: Windows, other_hashes: np.ndarray) -> np.ndarray:
    """Per word of `mine`: whether an n-gram holding it is among `other_hashes` (sorted, unique)."""
    if mine.words == 0:
        return np.zeros(0, dtype=bool)
    if len(other_hashes) == 0:
        return np.zeros(mine.words, dtype=bool)
    slots = np.searchsorted(other_hashes, mine.hashes)
    shared = (other_hashes[np.minimum(slots, len(other_hashes) - 1)] == mine.hashes).astype(np.int32)
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


def overlap(a: Windows, b: Windows, a_unique: np.ndarray | None = None, b_unique: np.ndarray | None = None) -> Overlap:
    """The word-level overlap of two window sequences (see `Overlap`); `a_unique`/`b_unique` are their sorted
    unique hashes when the caller has them already."""
    in_a = covered_words(a, np.unique(b.hashes) if b_unique is None else b_unique)
    in_b = covered_words(b, np.unique(a.hashes) if a_unique is None else a_unique)
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
