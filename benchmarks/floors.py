"""The floors `run.py --check` enforces, in one place, each with the reason it is where it is.

A floor applies to one result row, to its `ratio` (ours over the baseline measured beside it in the same run)
or to its `value` (quality figures, which do not depend on the machine). `target` is what the issue asked
for and is reported as met or missed; `floor` is what fails CI. They differ only for speed ratios, where a
shared 2-core machine swings a ratio by 20-30% from one run to the next: the floor sits below the target by
that noise so CI catches a real regression (a lost fast path, a kernel that fell back to Python) without
failing on a busy neighbour. Quality floors equal their targets: they are deterministic.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True, slots=True)
class Floor:
    section: str
    name: str
    field: Literal["ratio", "value"]
    direction: Literal["at_least", "at_most"]
    floor: float
    target: float
    why: str

    def holds(self, measured: float, bound: float) -> bool:
        return measured >= bound if self.direction == "at_least" else measured <= bound


FLOORS: tuple[Floor, ...] = (
    Floor(
        "clean", "clean_articles_per_s", "ratio", "at_least", 1.0, 2.0,
        "Issue 2 asks for 2x ftfy.fix_text; measured 1.94-2.32x before issue 17. Issue 17's boundary "
        "restoration (normalize), the precision checks on glued headlines and the edits in the report brought "
        "it to 1.36x (compiled, a loaded machine): below target, reported as such. Fresh-clone runs of the "
        "quick benchmarks on this shared 2-core machine measured 1.22-1.54x, then 1.12-1.32x once runs of spaces "
        "and one-line tails were restored too (about 12 us of ~450 us an article), so the floor (1.8, 1.2, 1.1) "
        "sits at 1.0: still well above a lost compiled build (the Python build runs at 0.69-0.74x).",
    ),
    Floor(
        "learn", "clean_profile_articles_per_s", "ratio", "at_least", 0.7, 2.0,
        "Issue 17 asks for clean with a learned profile at twice ftfy.fix_text; measured 0.88x (compiled, a "
        "loaded machine): the learned pass after the rules' fixed point costs a pass. Below target, reported "
        "as such; the floor catches a learned step that stopped being gated (docs/design/learning.md).",
    ),
    Floor(
        "learn", "learn_articles_per_s", "ratio", "at_least", 1.0, 6.0,
        "Issue 17 asks for 10,000 records/s per core (about 6x ftfy here). Measured 2.0x ftfy (about 3,300/s) on "
        "20,000 records, 2.7-2.9x (about 4,000/s) once LSH buckets were paired by size, 5.95x (14,800/s, "
        "compiled) once segment boundaries and template keys were found from their marks and normalize searched "
        "only where a seam can start: the 10,000/s is met, the ratio sits at the target's edge on a shared "
        "machine. The floor catches a learner slower than ftfy, e.g. a lost bound on the sample.",
    ),
    Floor(
        "learn", "learn_peak_rss_growth", "value", "at_most", 1.25, 1.1,
        "Issue 17: learning memory is bounded by the sample: peak RSS on four times the records stays flat.",
    ),
    Floor(
        "signatures", "signature_articles_per_s[c,sha1,workers=1]", "ratio", "at_least", 12.0, 15.0,
        "Issue 4: SHA-1 mode, datasketch-identical, per core against Python shingles + MinHash.bulk.",
    ),
    Floor(
        "signatures", "signature_articles_per_s[c,sha1,workers=2]/[workers=1]", "ratio", "at_least", 1.2, 1.6,
        "Issue 4: the kernel releases the GIL; on two idle cores two threads give 1.9x (docs/design/signatures.md). "
        "A kernel that held the GIL would give ~1.0x; the floor sits between, below what a busy neighbour "
        "costs on a shared 2-core machine.",
    ),
    Floor(
        "dedupe-quality", "dedupe_f1", "value", "at_least", 0.98, 0.98,
        "Issue 3: pairwise F1 on planted re-publications of real articles among distinct real ones.",
    ),
    Floor(
        "dedupe-quality", "dedupe_precision", "value", "at_least", 0.99, 0.99,
        "Merging two distinct stories loses an article from the corpus: precision is held higher than F1.",
    ),
    Floor(
        "dedupe-quality", "dedupe_false_merges_below_0.6", "value", "at_most", 0.0, 0.0,
        "Issue 3: no merged pair of distinct articles whose Jaccard is below 0.6 (same-topic, templates).",
    ),
    Floor(
        "dedupe-pairs", "pairs_dup_recall", "value", "at_least", 0.85, 0.85,
        "Issue 18: clear duplicate pairs of the real sample put in one cluster at the defaults.",
    ),
    Floor(
        "dedupe-pairs", "pairs_teaser_recall", "value", "at_least", 0.85, 0.85,
        "Issue 18: teasers (first pages, abridged copies, reprints in a roundup) tied to their full article.",
    ),
    Floor(
        "dedupe-pairs", "pairs_neg_merged", "value", "at_most", 0.02, 0.02,
        "Issue 18: clear negatives (same topic or event, different prose) merged; a template kept is no merge.",
    ),
    Floor(
        "dedupe-relations", "dedupe_relations_articles_per_s", "ratio", "at_least", 0.4, 0.8,
        "The word-coverage relations (window sequences, sampled candidates, coverage verification) against "
        "the same dedupe by Jaccard alone, on pre-cleaned articles: what they cost before cleaning is counted. "
        "Issue 19's one-pass signing made the Jaccard-only run (the denominator) much cheaper while the relations' "
        "own cost stayed ~35-50 us an article, so the ratio fell from 0.73-0.88x to 0.54x in the fresh-clone run "
        "with no regression; the floor (0.5) moved to 0.4 below that noise.",
    ),
    Floor(
        "dedupe-relations", "dedupe_relations_bytes_per_record", "ratio", "at_most", 2.5, 2.0,
        "A window sequence is 4 bytes a word and a flag byte (capped at 2,048 windows): bounded per article.",
    ),
    Floor(
        "dedupe-cost", "dedupe_cpu_us_per_article", "ratio", "at_most", 1.6, 0.5,
        "Issue 19 asks for newsclean dedupe (with cleaning, 1 worker) at half the CPU per article of the plain "
        "datasketch pipeline (which neither cleans nor verifies). Measured 1.01x on 20,000 articles and 1.06x on "
        "the quick 4,000 (compiled), then 0.97x on 20,000 after the normalize and learning speed-ups: cleaning "
        "alone is ~60% of the datasketch pipeline's cost, so the target is missed and reported as such. "
        "The floor catches a lost fast path (the Python cleaner runs near 1.5x).",
    ),
    Floor(
        "dedupe-cost", "signing_one_pass_speedup", "ratio", "at_least", 2.5, 3.0,
        "Issue 19: the one-pass signing call against the per-step calls it replaced, same cleaned articles: "
        "measured 4.7-5.3x (compiled) and 5.4x (editable build). Below 2.5x a step went back to Python.",
    ),
    Floor(
        "clean-quality", "clean_boilerplate_recall", "value", "at_least", 0.95, 0.95,
        "Issue 2: share of hand-labelled boilerplate characters gone from the output (dev gold).",
    ),
    Floor(
        "clean-quality", "clean_content_retention", "value", "at_least", 0.995, 0.995,
        "Issue 2: share of labelled article sentences still in the output; losing prose is the worst error.",
    ),
    Floor(
        "index-daysplit", "index_daysplit_recall[sqlite]", "value", "at_least", 0.99, 0.99,
        "Issue 6: day 2 checked against an index of day 1 finds what one run over both days finds.",
    ),
    Floor(
        "index-daysplit", "index_daysplit_recall[redis]", "value", "at_least", 0.99, 0.99,
        "Issue 6: the shared Redis index decides like the SQLite one.",
    ),
    Floor(
        "dedupe-speed", "peak_rss_bytes_per_article", "ratio", "at_most", 0.9, 0.5,
        "Dedupe keeps a signature and a bounded shingle sketch per article (docs/design/dedupe.md), not Python "
        "objects: its peak RSS per article must stay well under the plain datasketch pipeline's.",
    ),
    Floor(
        "dedupe-speed", "dedupe_articles_per_s[workers=1]", "ratio", "at_least", 0.5, 1.0,
        "End to end (reading, cleaning, signing, LSH, verification, writing) against datasketch without "
        "cleaning or verification; cleaning dominates our time, so this moves with clean_articles_per_s.",
    ),
)
