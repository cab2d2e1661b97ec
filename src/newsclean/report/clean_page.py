"""The page `newsclean clean --html FILE` writes: what the run removed, counted, and marked in place in a sample.

`CleanReport.add` sees every cleaned record as it streams by and keeps only counters (per kind, rule and
source), one example per rule and the sampled articles, so its memory does not grow with the corpus. The
sample is the `SAMPLE_ARTICLES` records with the smallest keyed hash of their position (file and line): a
uniform, seeded choice across the whole run and every source in it (a source appears about in proportion to
its articles), the same for the same input whatever `--workers` is, and built in one pass with a heap. Each
sampled article is shown as `newsclean.normalize(raw)`, the text the removals' offsets point into, so every
mark is exactly the text that was removed.
"""

from __future__ import annotations

import hashlib
import heapq
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from ..io import InputRecord
from ..learning.learn import source_of
from ..models import REMOVAL_KINDS
from ..normalization import normalize
from .document import Choice, attributes, document, escape, filter_bar, table
from .marks import Span, cut_point, mark_removals

#: Articles shown. A reviewer reads tens of articles, not thousands: 100 articles of a typical 3-5 KB make a
#: page of well under a megabyte that opens at once, where a 50,000-article run shown whole would be hundreds.
SAMPLE_ARTICLES = 100
#: Characters shown of one sampled article, so one huge record (a 50 MB dump) cannot make the page huge; the
#: rest is counted in a note under it.
MAX_SHOWN_CHARS = 20_000
#: Sources listed in the by-source table, the most articles first; the others are summed in its last row.
MAX_SOURCES_LISTED = 40
#: Characters of a rule's example removal shown in the by-rule table.
EXAMPLE_CHARS = 160
#: The key of the sample's hash: a fixed one, so the same input gives the same sample.
SAMPLE_SALT = b"newsclean-html"


def sample_key(where: str, line: int) -> int:
    """The record's place in the sample order: a keyed hash of its file and line."""
    digest = hashlib.blake2b(f"{where}\0{line}".encode("utf-8", "surrogatepass"), digest_size=8, key=SAMPLE_SALT)
    return int.from_bytes(digest.digest(), "big")


@dataclass(slots=True)
class RuleTally:
    """One rule's removals of one kind over the run (a learned rule removes several kinds), and the first one
    as an example."""

    removals: int = 0
    articles: int = 0
    example: str = ""
    example_at: str = ""


@dataclass(slots=True)
class KindTally:
    removals: int = 0
    articles: int = 0


@dataclass(slots=True)
class SourceTally:
    articles: int = 0
    with_removals: int = 0
    removals: int = 0


@dataclass(frozen=True, slots=True)
class SampledArticle:
    """A sampled article: where it came from, its removals and the part of its normalized text that is shown
    (the first `MAX_SHOWN_CHARS`, cut before a removal it would split; only that part is kept in memory)."""

    order: int
    where: str
    ident: str | None
    title: str | None
    source: str
    shown: str
    hidden_chars: int
    spans: tuple[Span, ...]
    chars_in: int
    chars_out: int


@dataclass(slots=True)
class CleanReport:
    """The run's counts and sample, fed one cleaned record at a time (`add`), rendered by `page`."""

    title_field: str = "title"
    text_field: str = "text"
    size: int = SAMPLE_ARTICLES
    articles: int = 0
    with_removals: int = 0
    by_kind: dict[str, KindTally] = field(default_factory=dict)
    by_rule: dict[tuple[str, str], RuleTally] = field(default_factory=dict)
    by_source: dict[str, SourceTally] = field(default_factory=dict)
    _heap: list[tuple[int, int, SampledArticle]] = field(default_factory=list, init=False, repr=False)

    def add(self, record: InputRecord, report: Mapping[str, Any]) -> None:
        """Count one cleaned record (`report`: what `CleanResult.report()` returns) and sample it or not."""
        removals = report.get("removals", [])
        where = f"{os.path.basename(record.source)}:{record.line}"
        source = source_of(record.data)
        self.articles += 1
        self.with_removals += bool(removals)
        tally = self.by_source.setdefault(source, SourceTally())
        tally.articles += 1
        tally.with_removals += bool(removals)
        tally.removals += len(removals)
        self._count(removals, where)
        key = sample_key(record.source, record.line)
        if len(self._heap) < self.size:
            heapq.heappush(self._heap, (-key, self.articles, self._sampled(record, report, where, source)))
        elif self.size and -self._heap[0][0] > key:
            heapq.heapreplace(self._heap, (-key, self.articles, self._sampled(record, report, where, source)))

    def _count(self, removals: list[Mapping[str, Any]], where: str) -> None:
        kinds_seen: set[str] = set()
        rules_seen: set[tuple[str, str]] = set()
        for removal in removals:
            kind, rule = removal["kind"], removal["rule"]
            counts = self.by_kind.setdefault(kind, KindTally())
            counts.removals += 1
            counts.articles += kind not in kinds_seen
            kinds_seen.add(kind)
            tally = self.by_rule.get((rule, kind))
            if tally is None:
                tally = self.by_rule[rule, kind] = RuleTally(
                    example=removal["text"][: EXAMPLE_CHARS + 1], example_at=where
                )
            tally.removals += 1
            tally.articles += (rule, kind) not in rules_seen
            rules_seen.add((rule, kind))

    def _sampled(self, record: InputRecord, report: Mapping[str, Any], where: str, source: str) -> SampledArticle:
        raw = record.data.get(self.text_field)
        title = record.data.get(self.title_field)
        ident = record.data.get("id")
        normalized = normalize(raw) if isinstance(raw, str) else ""
        spans = tuple(Span(r["start"], r["end"], r["kind"], r["rule"]) for r in report.get("removals", []))
        cut = cut_point(len(normalized), spans, MAX_SHOWN_CHARS)
        return SampledArticle(
            order=self.articles,
            where=where,
            ident=None if ident is None else str(ident),
            title=title if isinstance(title, str) and title.strip() else None,
            source=source,
            shown=normalized[:cut],
            hidden_chars=len(normalized) - cut,
            spans=spans,
            chars_in=int(report.get("chars_in", 0)),
            chars_out=int(report.get("chars_out", 0)),
        )

    def sample(self) -> list[SampledArticle]:
        """The sampled articles in input order."""
        return sorted((entry for _, _, entry in self._heap), key=lambda a: a.order)

    def page(self, input_name: str, rejects_by_reason: Mapping[str, int]) -> str:
        """The whole HTML page."""
        sample = self.sample()
        rejected = sum(rejects_by_reason.values())
        removals = sum(counts.removals for counts in self.by_kind.values())
        body = [
            "<h1>newsclean clean: what was removed</h1>",
            f'<p class="lead">{escape(input_name)}: {self.articles:,} articles cleaned, {rejected:,} rejected; '
            f"{removals:,} removals in {self.with_removals:,} articles.</p>",
            '<p class="meta"><a href="#counts">counts</a> · <a href="#rules">rules</a> · '
            '<a href="#sample">sample articles</a></p>',
            '<h2 id="counts">Counts over the whole run</h2><div class="tables">',
            self._kind_table(),
            self._source_table(),
        ]
        if rejected:
            rows = [[escape(reason), f"{count:,}"] for reason, count in sorted(rejects_by_reason.items())]
            body.append(table("Rejected records", ["reason", "records"], rows, [False, True]))
        body.append('</div><h2 id="rules">Removals by rule</h2>')
        body.append(self._rule_table())
        body.append(
            f'<h2 id="sample">Sample: {len(sample):,} of {self.articles:,} articles</h2>'
            '<p class="note">Chosen by a seeded hash of each record\'s file and line (the same input gives the same '
            "sample), in input order. Each article is shown as normalized, the text the removal offsets point "
            "into; removed spans are marked, and hovering one shows its kind and rule.</p>"
        )
        tokens = _source_tokens(sample)
        body.append(_filters(sample, tokens))
        body.extend(_article(article, tokens) for article in sample)
        return document(f"newsclean clean: {input_name}", "\n".join(body))

    def _kind_table(self) -> str:
        rows = [
            [f'<span class="swatch k-{kind}"></span>{kind}', f"{counts.removals:,}", f"{counts.articles:,}"]
            for kind in REMOVAL_KINDS
            if (counts := self.by_kind.get(kind))
        ]
        return table("By kind", ["kind", "removals", "articles"], rows, [False, True, True])

    def _rule_table(self) -> str:
        rows = []
        for (rule, kind), tally in sorted(self.by_rule.items(), key=lambda item: (-item[1].removals, item[0])):
            example = tally.example[:EXAMPLE_CHARS] + ("…" if len(tally.example) > EXAMPLE_CHARS else "")
            rows.append(
                [
                    f'<a href="#rule={escape(quote(rule, safe=""))}"><code>{escape(rule)}</code></a>',
                    escape(kind),
                    f"{tally.removals:,}",
                    f"{tally.articles:,}",
                    f'<del class="k-{escape(kind)}">{escape(example)}</del> '
                    f'<span class="meta">{escape(tally.example_at)}</span>',
                ]
            )
        headers = ["rule", "kind", "removals", "articles", "first example"]
        return table(
            "Each rule's removals, the most first (a rule name filters the sample)",
            headers,
            rows,
            [False, False, True, True, False],
            css_class="rules",
        )

    def _source_table(self) -> str:
        ranked = sorted(self.by_source.items(), key=lambda item: (-item[1].articles, item[0]))
        rows = [
            [escape(source or "(no source)"), f"{t.articles:,}", f"{t.with_removals:,}", f"{t.removals:,}"]
            for source, t in ranked[:MAX_SOURCES_LISTED]
        ]
        rest = ranked[MAX_SOURCES_LISTED:]
        if rest:
            rows.append(
                [
                    f"{len(rest):,} more sources",
                    f"{sum(t.articles for _, t in rest):,}",
                    f"{sum(t.with_removals for _, t in rest):,}",
                    f"{sum(t.removals for _, t in rest):,}",
                ]
            )
        return table("By source", ["source", "articles", "with removals", "removals"], rows, [False, True, True, True])


def _source_tokens(sample: list[SampledArticle]) -> dict[str, str]:
    """A token per sampled source (`s0`, `s1`, ...): source names are data and never go into the script."""
    return {source: f"s{n}" for n, source in enumerate(sorted({a.source for a in sample}))}


def _filters(sample: list[SampledArticle], tokens: Mapping[str, str]) -> str:
    kinds: dict[str, int] = {}
    rules: dict[str, int] = {}
    for article in sample:
        for kind in dict.fromkeys(s.kind for s in article.spans) or ["none"]:
            kinds[kind] = kinds.get(kind, 0) + 1
        for rule in dict.fromkeys(s.rule for s in article.spans):
            rules[rule] = rules.get(rule, 0) + 1
    order = {kind: n for n, kind in enumerate([*REMOVAL_KINDS, "none"])}
    kind_choices = [
        Choice(kind, "nothing removed" if kind == "none" else kind, count)
        for kind, count in sorted(kinds.items(), key=lambda item: order.get(item[0], len(order)))
    ]
    rule_choices = [Choice(rule, rule, count) for rule, count in sorted(rules.items())]
    per_source: dict[str, int] = {}
    for article in sample:
        per_source[article.source] = per_source.get(article.source, 0) + 1
    source_choices = [Choice(tokens[s], s or "(no source)", count) for s, count in sorted(per_source.items())]
    return filter_bar(
        [("kind", "Kind", kind_choices), ("rule", "Rule", rule_choices), ("source", "Source", source_choices)],
        "article",
    )


def _article(article: SampledArticle, tokens: Mapping[str, str]) -> str:
    marked = mark_removals(article.shown, article.spans, MAX_SHOWN_CHARS)
    kinds = list(dict.fromkeys(s.kind for s in article.spans))
    attrs = {
        "class": "item",
        "id": f"a{article.order}",
        "data-item": "",
        "data-kind": " ".join(kinds) or "none",
        "data-rule": " ".join(dict.fromkeys(s.rule for s in article.spans)),
        "data-source": tokens[article.source],
    }
    heading = article.title or article.ident or article.where
    counts: dict[str, int] = {}
    for span in article.spans:
        counts[span.kind] = counts.get(span.kind, 0) + 1
    badges = (
        "".join(
            f'<span class="badge"><span class="swatch k-{escape(kind)}"></span>{escape(kind)} {n}</span>'
            for kind, n in counts.items()
        )
        or '<span class="badge">nothing removed</span>'
    )
    meta = " · ".join(
        escape(part)
        for part in (
            f"id {article.ident}" if article.ident is not None else None,
            article.source or "(no source)",
            article.where,
            f"{article.chars_in:,} → {article.chars_out:,} characters",
        )
        if part is not None
    )
    note = ""
    if article.hidden_chars:
        note = (
            f'<p class="note">… {article.hidden_chars:,} more characters not shown'
            f" ({marked.hidden_removals:,} removals among them).</p>"
        )
    return (
        f"<article{attributes(attrs)}><h3>{escape(heading)}</h3>"
        f'<p class="meta">{meta}</p><p class="meta">{badges}</p>'
        f'<div class="text">{marked.html}</div>{note}</article>'
    )
