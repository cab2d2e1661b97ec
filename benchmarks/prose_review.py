"""Prose-loss review: every removal of `newsclean.clean` over the shared data that looks like prose, by rule.

    python benchmarks/prose_review.py                          # both corpora, 2 workers, 5 examples a rule
    python benchmarks/prose_review.py --corpus more --limit 2000 --show 20
    python benchmarks/prose_review.py --rule related.inline_headline --show 50
    python benchmarks/prose_review.py --json counts.json       # per-rule counts, to compare two builds
    python benchmarks/prose_review.py --learn --rule learned.segment   # with profiles learned from each corpus

Content retention is the hard constraint of the cleaner: a missed footer costs a little recall, a cut
sentence costs the reader. The labelled sets are small, so this review reads every removal of the whole
shared data (the 50k real sample and the 3.8k articles of other scrapers) and scores how much each looks like
prose rather than boilerplate:

* **cut mid-sentence**: the next kept character after the removal is a lowercase letter, or the removal ends
  inside a word; the strongest sign, since boilerplate is followed by a new sentence or paragraph (this is
  how a `Baca juga` headline glued onto the next paragraph takes `“Maka dengan` with it);
* **starts mid-sentence**: the kept text before it ends without sentence punctuation and the removal opens
  with a lowercase word;
* **long**: many words (boilerplate lines are short; a removal of a whole paragraph is prose or a repeat);
* **verb-bearing**: words with the Indonesian verb prefixes me-/ber-/di-/ter- (lowercase, so not names), and
  the reporting verbs (`mengatakan`, `ujar`, `kata`, `jelasnya` ...) that mark quoted speech;
* **quoted**: a quotation inside the removal.

A removal whose word pairs all stay in the output elsewhere (a repeat, a teaser that repeats the lead) loses
nothing, so its score (but for the signs at its end) is scaled by the share of its word pairs that are not
in the output. Every article is
cleaned with its title, as `newsclean clean` does; removals are grouped by rule, rules with the most
suspicious removals first, each shown with the kept text around it (`«removed»`).

Speed: cleaning is most of the cost; the articles go to `--workers` processes in chunks and only the flagged
removals and the counts come back (the whole of both corpora takes a few minutes on two cores as Python).
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import multiprocessing
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import newsclean
from newsclean.learning.learn import source_of
from newsclean.learning.profile import Profile

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
CORPORA = {"real": DATA / "id-news-real.jsonl.gz", "more": DATA / "id-news-more.jsonl.gz"}

WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
#: Lowercase words with a verb prefix: `mengatakan`, `berharap`, `dilakukan`, `terjadi`. Lowercase only, so
#: names (`Dimas`, `Bertha`) and headline words in title case do not count; `di` and `ke` alone are prepositions.
VERB = re.compile(r"(?:me[mn]?g?|meny|be[rl]?|di|te[rl]?|pe[rmn]?)[a-z]{3,}")
#: Common words that the prefix test takes for verbs but that carry no verb (places, pronouns, numbers).
NOT_VERBS = frozenset(
    [
        "dia",
        "diri",
        "dirinya",
        "dimana",
        "diantara",
        "disini",
        "disana",
        "berbagai",
        "beberapa",
        "bersama",
        "tersebut",
        "terhadap",
        "termasuk",
        "terkait",
        "terakhir",
        "tertentu",
        "terbesar",
        "terbaru",
        "terbaik",
        "pertama",
        "penting",
        "perlu",
        "pemerintah",
        "pemerintahan",
        "pertanyaan",
        "menjadi",
        "menurut",
        "melalui",
        "mereka",
        "memang",
        "meski",
        "meskipun",
        "bersama-sama",
        "sementara",
        "pertandingan",
        "persen",
        "peserta",
        "tetapi",
    ]
)
SPEECH = frozenset(
    [
        "mengatakan",
        "ujar",
        "ujarnya",
        "kata",
        "katanya",
        "jelasnya",
        "tuturnya",
        "terangnya",
        "ungkapnya",
        "tegasnya",
        "imbuhnya",
        "tambahnya",
        "menambahkan",
        "menjelaskan",
        "mengungkapkan",
        "menegaskan",
        "menuturkan",
        "menyampaikan",
        "sebutnya",
        "paparnya",
    ]
)
QUOTE = re.compile(r"[\"“”]\s*\w[^\"“”]{8,}")
SENTENCE_END = frozenset(".!?\"”’')]:;")
#: The key under which a chunk's counter carries its number of articles (no rule has this name).
ARTICLES = " articles"


@dataclass(frozen=True)
class Flagged:
    """One suspicious removal, with the kept text around it and why it was scored."""

    score: float
    rule: str
    article: str
    text: str
    before: str
    after: str
    signs: tuple[str, ...]


Article = tuple[str, str, str | None, str]


def records(corpus: str, limit: int | None) -> Iterator[Article]:
    """(id, text, title, source) of every article of the chosen corpora, in file order; `limit` per corpus."""
    names = ("real", "more") if corpus == "both" else (corpus,)
    for name in names:
        with gzip.open(CORPORA[name], "rt", encoding="utf-8") as lines:
            for number, line in enumerate(lines):
                if limit is not None and number >= limit:
                    break
                record = json.loads(line)
                text = record.get("text")
                if isinstance(text, str) and text.strip():
                    title = record.get("title") if isinstance(record.get("title"), str) else None
                    yield str(record.get("id", f"{name}:{number}")), text, title, f"{name}:{source_of(record)}"


def _kept_mask(length: int, removals: list[tuple[int, int]]) -> bytearray:
    mask = bytearray(b"\x01") * length
    for start, end in removals:
        mask[start:end] = bytes(end - start)
    return mask


def _kept_after(normalized: str, mask: bytearray, end: int, width: int) -> str:
    """The kept text after `end` (removed characters skipped), up to `width` characters."""
    out: list[str] = []
    position = end
    while position < len(normalized) and len(out) < width:
        if mask[position]:
            out.append(normalized[position])
        position += 1
    return "".join(out)


def _kept_before(normalized: str, mask: bytearray, start: int, width: int) -> str:
    out: list[str] = []
    position = start - 1
    while position >= 0 and len(out) < width:
        if mask[position]:
            out.append(normalized[position])
        position -= 1
    return "".join(reversed(out))


def score_removal(text: str, before: str, after: str, output_words: frozenset[str]) -> tuple[float, tuple[str, ...]]:
    """How much a removal looks like lost prose, and the signs that say so (see the module docstring)."""
    signs = []
    score = 0.0
    words = WORD.findall(text)
    if not words:
        return 0.0, ()
    stripped_after = after.lstrip(" \t")
    # Inside a word: a letter runs on in lowercase (`Kiesha«»Alvaro` is two words glued by the scraper, and a
    # dateline glued to the lead's capital, `Jakarta«»Kita`, is not a cut either).
    inside_word = (
        bool(text)
        and bool(after)
        and ((text[-1].isalpha() and after[0].islower()) or (text[-1].isdigit() and after[0].isdigit()))
    )
    if inside_word:
        score += 6
        signs.append("inside-word")
    elif stripped_after[:1].islower() and not stripped_after.startswith(("http", "www")):
        # A label that ends in its own separator (`INFO NASIONAL -`, `(foto-foto)`) may stand before a
        # lowercase word (`bank bjb`); a removal that ends in a word and runs on in lowercase took part of a
        # sentence.
        if text.rstrip()[-1:].isalnum() or text.rstrip()[-1:] in '“"‘,':
            score += 5
            signs.append("mid-sentence-end")
        else:
            score += 1.5
            signs.append("label-before-lowercase")
    elif (after[:1].isalnum() or (after[:1] == " " and stripped_after[:1].isalnum())) and text.rstrip()[-1:].isalpha():
        # The kept text runs on in the same line after a removal that ends in a word: where a glued headline
        # ends was a guess (`...peduli budaya dan tradisi Pemimpin yang memahami` cut before `Pemimpin`).
        score += 2
        signs.append("runs-on")
    stripped_before = before.rstrip(" \t")
    if (
        stripped_before
        and stripped_before[-1] not in SENTENCE_END
        and "\n" not in before[-2:]
        and text.lstrip()[:1].islower()
    ):
        score += 2
        signs.append("mid-sentence-start")
    if len(words) >= 12:
        score += min(len(words), 40) / 10
        signs.append(f"{len(words)}-words")
    verbs = [w for w in words if VERB.fullmatch(w) and w not in NOT_VERBS]
    if verbs:
        score += min(len(verbs), 5) * 0.8
        signs.append(f"verbs:{','.join(verbs[:3])}")
    speech = [w for w in words if w.casefold() in SPEECH]
    if speech:
        score += 2
        signs.append(f"speech:{speech[0]}")
    if QUOTE.search(text):
        score += 1.5
        signs.append("quoted")
    content = [f"{a} {b}".casefold() for a, b in itertools.pairwise(words)] or [words[0].casefold()]
    if content:
        lost = sum(1 for w in content if w not in output_words) / len(content)
        if lost < 1:
            signs.append(f"lost:{lost:.2f}")
        # Signs at the removal's edges are about the text around it, not about what it holds: they stand even
        # when every word recurs (a cut that leaves `dengan membangun` lost the start of a sentence).
        edge = 6.0 if "inside-word" in signs else 5.0 if "mid-sentence-end" in signs else 0.0
        edge += 2.0 if "runs-on" in signs else 0.0
        score = edge + (score - edge) * lost
    return round(score, 2), tuple(signs)


def review_chunk(
    chunk: list[Article], threshold: float, profile: Profile | None = None
) -> tuple[Counter, Counter, list[Flagged]]:
    """Clean a chunk of articles (with `profile`, as `newsclean clean FILE` does); per-rule counts of removals and
    of flagged ones, and the flagged removals."""
    import newsclean

    totals: Counter = Counter()
    flagged_counts: Counter = Counter()
    flagged: list[Flagged] = []
    totals[ARTICLES] = len(chunk)
    for article_id, raw, title, source in chunk:
        result = newsclean.clean(raw, title=title, source=source, profile=profile)
        if not result.removals:
            continue
        normalized = newsclean.normalize(raw)
        mask = _kept_mask(len(normalized), [(r.start, r.end) for r in result.removals])
        kept_words = WORD.findall(result.text.casefold())
        output_words = frozenset([*kept_words, *(f"{a} {b}" for a, b in itertools.pairwise(kept_words))])
        for removal in result.removals:
            totals[removal.rule] += 1
            before = _kept_before(normalized, mask, removal.start, 90)
            after = _kept_after(normalized, mask, removal.end, 90)
            score, signs = score_removal(removal.text, before, after, output_words)
            if score >= threshold:
                flagged_counts[removal.rule] += 1
                flagged.append(Flagged(score, removal.rule, article_id, removal.text, before, after, signs))
    return totals, flagged_counts, flagged


def _chunks(items: Iterator[Article], size: int) -> Iterator[list[Article]]:
    chunk: list[Article] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _review_star(
    arguments: tuple[list[Article], float, Profile | None],
) -> tuple[Counter, Counter, list[Flagged]]:
    return review_chunk(*arguments)


def learned_profile(corpus: str, limit: int | None) -> Profile:
    """One profile for the chosen corpora, each corpus learned on its own (sources are `corpus:source`), as
    `newsclean clean FILE` learns from the file it cleans."""
    return newsclean.learn(
        {"id": article_id, "text": text, "source": source} for article_id, text, _, source in records(corpus, limit)
    )


def run(
    corpus: str, limit: int | None, workers: int, threshold: float, learn: bool = False
) -> tuple[Counter, Counter, list[Flagged], int]:
    """Review every article; (removals per rule, flagged per rule, flagged removals, articles)."""
    totals: Counter = Counter()
    flagged_counts: Counter = Counter()
    flagged: list[Flagged] = []
    profile = learned_profile(corpus, limit) if learn else None
    jobs = ((chunk, threshold, profile) for chunk in _chunks(records(corpus, limit), 200))
    if workers > 1:
        with multiprocessing.get_context("spawn").Pool(workers) as pool:
            results = pool.imap(_review_star, jobs)
            for chunk_totals, chunk_flagged_counts, chunk_flagged in results:
                totals.update(chunk_totals)
                flagged_counts.update(chunk_flagged_counts)
                flagged.extend(chunk_flagged)
    else:
        for job in jobs:
            chunk_totals, chunk_flagged_counts, chunk_flagged = _review_star(job)
            totals.update(chunk_totals)
            flagged_counts.update(chunk_flagged_counts)
            flagged.extend(chunk_flagged)
    articles = totals.pop(ARTICLES, 0)
    return totals, flagged_counts, flagged, articles


def _one_line(text: str) -> str:
    return text.replace("\n", " ⏎ ")


def report(
    totals: Counter, flagged_counts: Counter, flagged: list[Flagged], articles: int, show: int, rule: str | None
) -> str:
    """Per-rule counts, then each rule's most suspicious removals with their context."""
    by_rule: dict[str, list[Flagged]] = defaultdict(list)
    for item in flagged:
        by_rule[item.rule].append(item)
    order = sorted(by_rule, key=lambda name: (-sum(i.score for i in by_rule[name]), name))
    lines = [
        f"{articles} articles, {sum(totals.values())} removals, {len(flagged)} flagged as possible prose",
        "",
        f"{'rule':40} {'removals':>9} {'flagged':>8} {'top score':>9}",
    ]
    for name in order:
        top = max(i.score for i in by_rule[name])
        lines.append(f"{name:40} {totals[name]:>9} {flagged_counts[name]:>8} {top:>9.1f}")
    for name in order:
        if rule and name != rule:
            continue
        items = sorted(by_rule[name], key=lambda i: (-i.score, i.article))
        lines += ["", f"== {name}: {flagged_counts[name]} of {totals[name]} removals flagged"]
        for item in items[:show]:
            lines.append(f"-- {item.score:.1f} {item.article} [{' '.join(item.signs)}]")
            lines.append(f"   {_one_line(item.before[-70:])}«{_one_line(item.text[:400])}»{_one_line(item.after[:70])}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", choices=("both", "real", "more"), default="both")
    parser.add_argument("--limit", type=int, default=None, help="articles per corpus (default: all)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--learn", action="store_true", help="learn each corpus's profile first and clean with it")
    parser.add_argument("--threshold", type=float, default=5.0, help="flag removals scoring at least this")
    parser.add_argument("--show", type=int, default=5, help="examples per rule")
    parser.add_argument("--rule", help="show examples of this rule only")
    parser.add_argument("--json", help="write the per-rule counts and every flagged removal here")
    args = parser.parse_args(argv)
    began = time.perf_counter()
    totals, flagged_counts, flagged, articles = run(args.corpus, args.limit, args.workers, args.threshold, args.learn)
    print(report(totals, flagged_counts, flagged, articles, args.show, args.rule))
    print(f"\n{time.perf_counter() - began:.0f} s", file=sys.stderr)
    if args.json:
        payload = {
            "articles": articles,
            "removals": dict(sorted(totals.items())),
            "flagged": dict(sorted(flagged_counts.items())),
            "items": [item.__dict__ for item in sorted(flagged, key=lambda i: (-i.score, i.article))],
        }
        Path(args.json).write_text(json.dumps(payload, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
