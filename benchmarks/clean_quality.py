"""How well `newsclean clean` cleans real articles whose boilerplate was labelled by hand.

    python benchmarks/clean_quality.py                   # dev gold: 71 labelled articles of the 50k sample
    python benchmarks/clean_quality.py --more            # dev-gold-more: 60 articles of other scrapers and outlets
    python benchmarks/clean_quality.py --more --whole    # clean the whole corpus as one file, as a user would
    python benchmarks/clean_quality.py --misses 50 --json figures.json

The labelled sets are read at run time from ../shared/data/ beside the checkout (`--data` elsewhere), never
copied into the repository; without them the script stops with exit 2 and says where it looked. A label is
`{"id", "drop": [[line, start, end, kind], ...]}`: character spans of line `line` of the raw text
(`text.split("\\n")`) that are boilerplate of that kind; everything else is the article.

The labelled articles (with `--whole`, every article of their corpus, so that learning sees what a user's run
sees) are written as JSONL and cleaned by `python -m newsclean clean IN -o OUT`, in a subprocess, exactly as
a user runs it. Figures, all by characters of a canonical form that ignores whitespace, case, quote styles,
dashes, look-alike letters and encoding repairs (so normalizing costs nothing here):

* boilerplate_recall: the share of labelled boilerplate gone from the output. Each labelled span is scored
  in pieces (cut at `:`, `|`, line ends and sentence ends), so a label removed without its headline is not a
  removal; a piece whose runs of four words the output holds more often than the labelled clean text counts
  as left in proportion (a headline cut in half is half left). Also per kind.
* content_retention: the share of article sentences (pieces of 12 canonical characters or more) that the
  output holds at least as often as the labelled clean text.
* docs_perfect: the share of articles with nothing left and nothing lost.

`run(quick)` gives the rows of `benchmarks/run.py`'s `clean-quality` section. These are the figures of the
shared scorer (`../shared/tools/eval_clean.py`), computed here by the project's own code so that every
figure in the docs comes from a script in the repository; on the same run both give the same numbers.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import subprocess
import sys
import tempfile
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import NoReturn

import ftfy

from newsclean.io import atomic_output

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
#: The two labelled sets and the corpus each was drawn from.
SETS = {
    "dev": ("dev-gold.jsonl", "id-news-real.jsonl.gz"),
    "more": ("dev-gold-more.jsonl", "id-news-more.jsonl.gz"),
}
#: The fields of a corpus record handed to `newsclean clean` (the scorer reads back `id` and `text`).
FIELDS = ("id", "source", "title", "text", "url", "date")

#: Characters that read alike are compared alike: typographic quotes and dashes, and the Greek and Cyrillic
#: letters that scrapes put inside Latin words.
_LOOK_ALIKES = str.maketrans({
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u2032": "'",
    "\u2013": "-", "\u2014": "-", "\u2012": "-", "\u2015": "-", "\u2212": "-",
    "\u03b1": "a", "\u03bf": "o", "\u0430": "a", "\u043e": "o", "\u0435": "e", "\u0440": "p",
    "\u0441": "c", "\u0456": "i", "\u0391": "a", "\u039f": "o",
})
#: Whitespace and the invisible characters normalization removes: not compared at all.
_INVISIBLE = re.compile(r"[\s\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]+")
#: Where a kept run of a line is cut into sentences (after a sentence end or a closing quote).
_SENTENCE_END = re.compile(r"(?<=[.!?\"”])\s+")
#: Where a labelled span is cut into pieces scored apart: a label and its headline are two pieces.
_PIECE_END = re.compile(r"[:|\n]|(?<=[.!?])\s+")
#: Kept pieces shorter than this (canonical characters) are not sentences; dropped pieces shorter than
#: `MIN_DROP_PIECE` are punctuation, unless the whole span is that short and at least `MIN_DROP_SPAN`.
MIN_SENTENCE = 12
MIN_DROP_PIECE = 6
MIN_DROP_SPAN = 4
#: Words per run when a dropped piece is checked against the output.
RUN_WORDS = 4


def canonical(text: str) -> str:
    """`text` as compared: encoding repaired, NFKC, look-alikes folded, casefolded, without any whitespace."""
    text = ftfy.fix_text(text, uncurl_quotes=True, normalization="NFKC")
    text = unicodedata.normalize("NFKC", text).translate(_LOOK_ALIKES).casefold()
    return _INVISIBLE.sub("", text)


@dataclass(frozen=True)
class GoldArticle:
    """One labelled article seen three ways: its dropped spans (text, kind), its kept sentences, and the
    clean text the labels describe (kept runs of each line, non-empty lines joined)."""

    dropped: tuple[tuple[str, str], ...]
    sentences: tuple[str, ...]
    clean_text: str


def gold_article(raw: str, drops: list[list]) -> GoldArticle:
    """Cut `raw` by its labels. Each character belongs to the last label covering it (0: kept), and every run
    of one owner is one span, so two adjacent labels of different kinds stay two spans."""
    lines = raw.split("\n")
    owners = [[0] * len(line) for line in lines]
    for number, (line, start, end, _kind) in enumerate(drops, start=1):
        if not (0 <= line < len(lines) and 0 <= start <= end <= len(lines[line])):
            raise ValueError(f"label {number} ({line}, {start}, {end}) lies outside the article's lines")
        owners[line][start:end] = [number] * (end - start)
    dropped: list[tuple[str, str]] = []
    sentences: list[str] = []
    clean_lines: list[str] = []
    for line, owner in zip(lines, owners, strict=True):
        kept_runs = []
        for start, end in _runs(owner):
            text = line[start:end]
            if owner[start]:
                dropped.append((text, drops[owner[start] - 1][3]))
                continue
            kept_runs.append(text)
            sentences.extend(s for s in _SENTENCE_END.split(text) if len(canonical(s)) >= MIN_SENTENCE)
        kept_line = "".join(kept_runs).strip()
        if kept_line:
            clean_lines.append(kept_line)
    return GoldArticle(tuple(dropped), tuple(sentences), "\n".join(clean_lines))


def _runs(owner: list[int]) -> Iterator[tuple[int, int]]:
    """(start, end) of every run of equal owners."""
    start = 0
    for index in range(1, len(owner) + 1):
        if index == len(owner) or owner[index] != owner[start]:
            yield start, index
            start = index


def pieces_of(span: str) -> list[str]:
    """The pieces of a dropped span that are scored: its parts between `:`, `|`, line ends and sentence ends
    that hold text; the whole span when none does and it is not mere punctuation."""
    pieces = [piece for piece in _PIECE_END.split(span) if len(canonical(piece)) >= MIN_DROP_PIECE]
    if pieces:
        return pieces
    return [span] if len(canonical(span)) >= MIN_DROP_SPAN else []


def left_share(piece: str, output: str, gold_clean: str) -> float:
    """How much of a dropped piece is still in the canonical `output` beyond what the labelled clean text
    holds: the share of its runs of four words (the whole piece when shorter) found there more often."""
    words = piece.split()
    runs = [canonical(" ".join(words[i : i + RUN_WORDS])) for i in range(max(1, len(words) - RUN_WORDS + 1))]
    runs = [run for run in runs if len(run) >= MIN_DROP_SPAN] or [canonical(piece)]
    return sum(output.count(run) > gold_clean.count(run) for run in runs) / len(runs)


@dataclass
class Tally:
    """Characters counted over the scored articles, and what was missed."""

    boilerplate: float = 0.0
    removed: float = 0.0
    content: float = 0.0
    retained: float = 0.0
    perfect: int = 0
    articles: int = 0
    by_kind: dict[str, list[float]] = field(default_factory=dict)
    misses: list[tuple[str, str, str, str]] = field(default_factory=list)

    def add(self, ident: str, gold: GoldArticle, cleaned: str) -> None:
        """Score one article's cleaned text against its labels."""
        output, gold_clean = canonical(cleaned), canonical(gold.clean_text)
        flawless = True
        for span, kind in gold.dropped:
            for piece in pieces_of(span):
                weight, left = len(canonical(piece)), left_share(piece, output, gold_clean)
                totals = self.by_kind.setdefault(kind, [0.0, 0.0])
                totals[0] += weight * (1 - left)
                totals[1] += weight
                self.boilerplate += weight
                self.removed += weight * (1 - left)
                if left:
                    flawless = False
                    self.misses.append((ident, "left" if left == 1 else f"left {left:.0%} of", kind, piece[:80]))
        for sentence in gold.sentences:
            text = canonical(sentence)
            self.content += len(text)
            if output.count(text) >= gold_clean.count(text):
                self.retained += len(text)
            else:
                flawless = False
                self.misses.append((ident, "lost", "content", sentence[:80]))
        self.perfect += flawless
        self.articles += 1

    def figures(self) -> dict:
        return {
            "docs": self.articles,
            "boilerplate_recall": self.removed / self.boilerplate if self.boilerplate else 1.0,
            "content_retention": self.retained / self.content if self.content else 1.0,
            "docs_perfect": self.perfect / self.articles if self.articles else 1.0,
            "per_kind_recall": {
                kind: round(removed / total, 4) for kind, (removed, total) in sorted(self.by_kind.items()) if total
            },
        }


def fail(message: str) -> NoReturn:
    """Stop with exit 2 and the reason on stderr, as the project's commands do on bad input."""
    print(f"clean_quality: {message}", file=sys.stderr)
    sys.exit(2)


def load(data: Path, labelled_set: str) -> tuple[dict[str, list[list]], Path, dict[str, dict]]:
    """(labels by id, the corpus file, the labelled articles by id); exit 2 when the data is not there."""
    gold_name, corpus_name = SETS[labelled_set]
    gold_path, corpus_path = data / gold_name, data / corpus_name
    for path in (gold_path, corpus_path):
        if not path.exists():
            fail(
                f"{path} not found. The hand-labelled sets live beside the checkout in ../shared/data/ and are "
                "never copied into the repository; give their folder with --data."
            )
    labels = {}
    with gold_path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                label = json.loads(line)
                labels[label["id"]] = label["drop"]
    articles = {record["id"]: record for record in _corpus(corpus_path) if record["id"] in labels}
    missing = sorted(set(labels) - set(articles))
    if missing:
        fail(f"{len(missing)} labelled articles are not in {corpus_path} (first: {missing[0]})")
    return labels, corpus_path, articles


def _corpus(path: Path) -> Iterator[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            yield json.loads(line)


def clean_with_cli(records: Iterator[dict]) -> dict[str, str]:
    """Clean `records` with `python -m newsclean clean IN -o OUT`, as a user runs it; id -> cleaned text."""
    with tempfile.TemporaryDirectory() as tmp:
        source, target = os.path.join(tmp, "in.jsonl"), os.path.join(tmp, "out.jsonl")
        with open(source, "w", encoding="utf-8") as fh:
            for record in records:
                fh.write(json.dumps({k: record[k] for k in FIELDS if k in record}, ensure_ascii=False) + "\n")
        command = [sys.executable, "-m", "newsclean", "clean", source, "-o", target]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            fail(f"`{' '.join(command)}` exited {done.returncode}:\n{done.stderr[-2000:]}")
        with open(target, encoding="utf-8") as fh:
            return {str(record["id"]): record.get("text") or "" for record in map(json.loads, fh)}


def measure(data: Path = DATA, labelled_set: str = "dev", whole: bool = False) -> Tally:
    """Clean the labelled articles (with `whole`, their whole corpus) and score them."""
    labels, corpus_path, articles = load(data, labelled_set)
    cleaned = clean_with_cli(_corpus(corpus_path) if whole else iter(articles.values()))
    tally = Tally()
    for ident, drops in labels.items():
        tally.add(ident, gold_article(articles[ident]["text"], drops), cleaned.get(ident, ""))
    return tally


def run(quick: bool) -> list[dict]:
    """The rows of `benchmarks/run.py` (section `clean-quality`): the dev set's three figures, the same in
    quick and full runs (71 articles); none, with a note on stderr, when the labelled set is absent."""
    gold = DATA / SETS["dev"][0]
    if not gold.exists():
        print(f"clean-quality: {gold} not found, skipped", file=sys.stderr)
        return []
    figures = measure().figures()
    vs = f"hand-labelled boilerplate in {figures['docs']} real articles (dev gold)"
    return [
        {"name": f"clean_{key}", "value": round(figures[key], 4), "unit": "share", "baseline": None,
         "ratio": None, "vs": vs}
        for key in ("boilerplate_recall", "content_retention", "docs_perfect")
    ]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--more", action="store_true", help="score dev-gold-more (other scrapers and outlets)")
    parser.add_argument("--whole", action="store_true", help="clean the whole corpus as one file, then score")
    parser.add_argument("--data", type=Path, default=DATA, help="folder of the labelled sets (default: %(default)s)")
    parser.add_argument("--misses", type=int, default=20, help="misses to print (default: %(default)s)")
    parser.add_argument("--json", type=Path, default=None, help="also write the figures as JSON to this file")
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        parser.error(f"--data {args.data}: not a folder (the labelled sets live in ../shared/data/)")
    tally = measure(args.data, "more" if args.more else "dev", args.whole)
    figures = tally.figures()
    print(json.dumps(figures, indent=1))
    for ident, what, kind, text in tally.misses[: args.misses]:
        print(" ", what, kind, repr(text), "in", ident)
    print(
        f"boilerplate_recall={figures['boilerplate_recall']:.4f} content_retention={figures['content_retention']:.4f} "
        f"docs_perfect={figures['docs_perfect']:.4f}"
    )
    if args.json:
        with atomic_output(str(args.json)) as fh:
            fh.write(json.dumps(figures, indent=1) + "\n")


if __name__ == "__main__":
    main()
