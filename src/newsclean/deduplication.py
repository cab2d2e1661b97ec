"""Near-duplicate articles across a corpus: exact pass, MinHash LSH candidates, exact verification, star
clusters, one kept copy per story. Why each stage decides as it does is in docs/design/dedupe.md.

Stages, each its own function so later engines (a persistent index, Dask) can replace one at a time:
`sign_records` (read, clean, shingle, sign, window sequences) -> `exact_groups` -> `related_candidates`
(LSH bands + sampled n-grams) -> `PairJudge.verify` (relations) -> `star_clusters` ->
`choose_representatives` -> `relation_columns` -> `attach_contained` -> `mark_templates` ->
`number_clusters`.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from pydantic import BaseModel

from .alignment import Windows, WindowStore, windows_of
from .cleaner.passes import clean
from .clusters import (
    ESTIMATE_MARGIN,
    TOLERANCE,
    ShingleStore,
    estimate_similarity,
    keep_ranks,
    star_clusters,
)
from .config import CleanConfig
from .dedupe_config import DedupeConfig
from .dedupe_models import DedupeReject, DedupeResult, DedupeStats
from .errors import InputError
from .io import InputRecord, Reject, dumps, text_problem
from .learning.learn import source_of
from .lsh import BandIndex
from .parallel import ordered_map
from .relations import CONTAINED, EXACT, NEAR, TEMPLATE, PairJudge, RelationSettings
from .sampled_index import sampled_pairs
from .shingle import tokens
from .signing import SignedChunk, sign_chunk
from .timestamps import parse_timestamp
from .watchdog import RecordBudgets, budget_for, time_budget

#: The window sequence of a record in a run that does not use them (`DedupeConfig.uses_windows`).
NO_WINDOWS = windows_of([], 1)
#: Raw text kept in a reject, enough to find the record again.
MAX_REJECT_RAW = 300

Progress = Callable[[int], None]
#: Marks the end of a stage for the run's timings (`newsclean.pipeline.StageClock`).
Lap = Callable[[str], None]


@dataclass(slots=True)
class PreparedChunk:
    """What a worker returns for a chunk of texts: per text its word count (0 = nothing to compare), the
    exact-pass key, its sorted shingle hashes, its window sequence and, for texts with words, the signatures."""

    words: np.ndarray
    exact: np.ndarray
    hashes: list[np.ndarray]
    windows: list[Windows]
    signatures: np.ndarray


def cleaned_text(text: str, title: str | None, config: DedupeConfig, budgets: RecordBudgets | None = None) -> str:
    """The cleaned article (the raw one with `clean=False`), within its time budget (`clean_or_raw`)."""
    return clean_or_raw(text, title, budgets, config.cleaning) if config.clean else text


def clean_or_raw(
    text: str, title: str | None, budgets: RecordBudgets | None = None, cleaning: CleanConfig | None = None
) -> str:
    """`clean(text, title=title, config=cleaning).text`, or `text` itself when cleaning overruns its time
    budget (`newsclean.watchdog`; `budgets`, the chunk's, or one of its own): one pathological article must not
    stop a corpus run, and its raw words still find its copies."""
    seconds = budget_for(len(text))
    try:
        if budgets is None:
            with time_budget(seconds):
                return clean(text, title=title, config=cleaning).text
        return budgets.call(seconds, clean, text, title=title, config=cleaning).text
    except TimeoutError:
        return text


def compared_text(text: str, title: str | None, config: DedupeConfig) -> str:
    """The text that is compared: `cleaned_text`, or the raw text when cleaning left no words (a record that
    is all boilerplate), so such records are not all merged as exact duplicates of one another."""
    cleaned = cleaned_text(text, title, config)
    return cleaned if cleaned is text or tokens(cleaned) else text


def prepare_chunk(items: list[tuple[str, str | None]], config: DedupeConfig) -> PreparedChunk:
    """Clean, key, sketch, window and sign a chunk of (text, title); runs in worker processes.

    The texts are signed in one pass (`sign_chunk`); the few whose cleaning left no words are signed again
    raw (`compared_text`'s rule), in a second call for just those.
    """
    with RecordBudgets() as budgets:
        texts = [cleaned_text(text, title, config, budgets) for text, title in items]
    signed = _signed(texts, config)
    redo = [i for i, words in enumerate(signed.words.tolist()) if not words and texts[i] is not items[i][0]]
    if redo:
        raw = _signed([items[i][0] for i in redo], config)
        words, exact = signed.words.copy(), signed.exact.copy()
        sketches, rows = list(signed.sketches), signed.signatures.copy()
        sequences = list(signed.windows) if signed.windows is not None else None
        for number, i in enumerate(redo):
            words[i], exact[i], sketches[i], rows[i] = (
                raw.words[number], raw.exact[number], raw.sketches[number], raw.signatures[number]
            )
            if sequences is not None and raw.windows is not None:
                sequences[i] = raw.windows[number]
        signed = SignedChunk(words, exact, sketches, sequences, rows)
    kept = np.flatnonzero(signed.words > 0)
    return PreparedChunk(
        words=signed.words.astype(np.int32),
        exact=signed.exact.astype(np.uint64),
        hashes=[signed.sketches[i] for i in kept],
        windows=[signed.windows[i] for i in kept] if signed.windows is not None else [NO_WINDOWS] * len(kept),
        signatures=np.ascontiguousarray(signed.signatures[kept], dtype=np.uint32),
    )


def _signed(texts: list[str], config: DedupeConfig) -> SignedChunk:
    return sign_chunk(
        texts,
        ngram=config.ngram,
        num_perm=config.num_perm,
        seed=config.seed,
        hash=config.hash,
        windows=config.uses_windows,
    )


@dataclass(slots=True)
class SignedRecords:
    """Per-article state after signing: the signature and what verification and `keep` need, nothing else."""

    n_items: int = 0
    ids: list[Any] = field(default_factory=list)
    rejects: list[DedupeReject] = field(default_factory=list)
    index: np.ndarray = field(default_factory=lambda: np.empty(0, np.int64))
    words: np.ndarray = field(default_factory=lambda: np.empty(0, np.int32))
    exact: np.ndarray = field(default_factory=lambda: np.empty(0, np.uint64))
    dates: np.ndarray = field(default_factory=lambda: np.empty(0, np.float64))
    filled: np.ndarray = field(default_factory=lambda: np.empty(0, np.int16))
    signatures: np.ndarray = field(default_factory=lambda: np.empty((0, 0), np.uint32))
    store: ShingleStore = field(default_factory=lambda: ShingleStore.from_parts([]))
    windows: WindowStore = field(default_factory=lambda: WindowStore.from_parts([], 5))
    #: The source (outlet) of each signed record, as `newsclean.learn` names it: templates are per source.
    sources: list[str] = field(default_factory=list)
    #: Records whose date field was given but could not be read (`keep="earliest"` only).
    unparsed_dates: int = 0

    @property
    def nbytes(self) -> int:
        columns = self.index.nbytes + self.words.nbytes + self.exact.nbytes + self.dates.nbytes + self.filled.nbytes
        id_bytes = sum(sys.getsizeof(i) + 8 for i in self.ids)
        return self.signatures.nbytes + self.store.nbytes + self.windows.nbytes + columns + id_bytes


def as_mapping(item: Any) -> tuple[Mapping[str, Any] | None, int | None, str | None, str | None]:
    """(fields, line, source, reason) of one input item; fields is None for a reject.

    Anything but a mapping, a pydantic model or a `newsclean.io` record or reject is an `InputError`: a
    list of strings given where records are wanted is a mistake in the calling code, and turning each string
    into a reject would give an empty result and no error.
    """
    if isinstance(item, Reject):
        return None, item.line, item.source, item.reason
    if isinstance(item, InputRecord):
        return item.data, item.line, item.source, None
    if isinstance(item, BaseModel):
        return item.model_dump(), None, None, None
    if isinstance(item, Mapping):
        return item, None, None, None
    shown = repr(item)
    raise InputError(
        f"a record of type {type(item).__name__} ({shown[:60]}{'...' if len(shown) > 60 else ''}), not a mapping: "
        "give mappings with the text under the text field, e.g. {'id': 1, 'text': '...'}"
    )


def check_text_field(signed: SignedRecords, text_field: str) -> None:
    """`InputError` when records were given and not one of them has the text field.

    Why raise only then: a mapping without the field among others that have it is bad data (a scrape that
    lost its body), rejected like a null or empty text, and raising for it would stop a corpus run for one
    record. When no record has it, the `text_field` is wrong (or the records are not articles), and a result
    of nothing but rejects would be a silent failure. Records read by `newsclean.io` (with a line number;
    what the CLI passes) are left to the CLI, which rejects them and fails the run its own way.
    """
    missing = f"missing text: no {text_field!r} field"
    every = signed.n_items > 0 and len(signed.rejects) == signed.n_items
    if every and all(r.line is None and r.reason == missing for r in signed.rejects):
        raise InputError(
            f"no record has a {text_field!r} field ({signed.n_items:,} given): name the field that holds the "
            "text with DedupeConfig(text_field=...)"
        )


def _filled(data: Mapping[str, Any]) -> int:
    """How many fields carry a value: the `most-complete` rule's measure."""
    return sum(1 for value in data.values() if value not in (None, "", [], {}))


def _intake(
    records: Iterable[Any], config: DedupeConfig, signed: SignedRecords
) -> Iterator[list[tuple[int, str, str | None]]]:
    """Read records, note ids, rejects and `keep` fields; yield chunks of (position, text, title) to sign."""
    chunk: list[tuple[int, str, str | None]] = []
    dates: list[float] = []
    filled: list[int] = []
    sources: list[str] = []
    for position, item in enumerate(records):
        data, line, source, reason = as_mapping(item)
        record_id = data.get(config.id_field) if data is not None else None
        if record_id is None:
            record_id = line if line is not None else position + 1
        signed.ids.append(record_id)
        text = data.get(config.text_field) if data is not None else None
        if reason is None:
            reason = text_problem(data or {}, config.text_field)
        if reason is not None:
            raw = item.raw if isinstance(item, Reject) else repr(text)
            signed.rejects.append(
                DedupeReject(
                    index=position,
                    id=record_id,
                    source=source,
                    line=line,
                    reason=reason,
                    raw=raw[:MAX_REJECT_RAW],
                )
            )
            continue
        assert data is not None and isinstance(text, str)
        title = data.get(config.title_field)
        chunk.append((position, text, title if isinstance(title, str) else None))
        if config.keep == "earliest":
            dates.append(parse_timestamp(data.get(config.date_field)))
            signed.unparsed_dates += _is_unread_date(data.get(config.date_field), dates[-1])
        else:
            dates.append(0.0)
        filled.append(_filled(data) if config.keep == "most-complete" else 0)
        sources.append(_source(data, config.source_field))
        if len(chunk) >= config.chunk_size:
            yield chunk
            chunk = []
    signed.n_items = len(signed.ids)
    signed.dates = np.asarray(dates, dtype=np.float64)
    signed.filled = np.asarray(filled, dtype=np.int16)
    signed.sources = sources
    if chunk:
        yield chunk


def _source(data: Mapping[str, Any], source_field: str) -> str:
    """The record's outlet: its `source_field`, else its URL's host (`newsclean.learn`'s naming)."""
    value = data.get(source_field)
    if isinstance(value, str) and value.strip():
        return value.strip().casefold()
    return source_of({"url": data.get("url")})


def _is_unread_date(value: object, timestamp: float) -> bool:
    """A date field that holds something but did not parse: counted in the report, sorted last."""
    return value not in (None, "") and not np.isfinite(timestamp)


def _prepare(chunk: list[tuple[int, str, str | None]], config: DedupeConfig) -> PreparedChunk:
    return prepare_chunk([(text, title) for _, text, title in chunk], config)


def sign_records(records: Iterable[Any], config: DedupeConfig, progress: Progress | None = None) -> SignedRecords:
    """Stage 1: every record becomes a reject or a signed record (signature, shingle hashes, keep fields)."""
    signed = SignedRecords()
    positions: list[np.ndarray] = []
    words: list[np.ndarray] = []
    exact: list[np.ndarray] = []
    parts: list[np.ndarray] = []
    sequences: list[Windows] = []
    sigs: list[np.ndarray] = []
    accepted: list[np.ndarray] = []
    prepare = functools.partial(_prepare, config=config)
    for chunk, prepared in ordered_map(prepare, _intake(records, config, signed), config.workers):
        ok = prepared.words > 0
        for (position, text, _), has_words in zip(chunk, ok, strict=True):
            if not has_words:
                signed.rejects.append(
                    DedupeReject(
                        index=position,
                        id=signed.ids[position],
                        reason="no words to compare",
                        raw=text[:MAX_REJECT_RAW],
                    )
                )
        accepted.append(ok)
        positions.append(np.fromiter((p for p, _, _ in chunk), dtype=np.int64, count=len(chunk))[ok])
        words.append(prepared.words[ok])
        exact.append(prepared.exact[ok])
        parts.extend(prepared.hashes)
        sequences.extend(prepared.windows)
        sigs.append(prepared.signatures)
        if progress is not None:
            progress(len(chunk))
    keep = np.concatenate(accepted) if accepted else np.empty(0, bool)
    signed.index = np.concatenate(positions) if positions else np.empty(0, np.int64)
    signed.words = np.concatenate(words) if words else np.empty(0, np.int32)
    signed.exact = np.concatenate(exact) if exact else np.empty(0, np.uint64)
    signed.signatures = np.concatenate(sigs) if sigs else np.empty((0, config.num_perm), np.uint32)
    signed.store = ShingleStore.from_parts(parts)
    signed.windows = WindowStore.from_parts(sequences, config.ngram)
    signed.dates = signed.dates[keep]
    signed.filled = signed.filled[keep]
    signed.sources = [source for source, ok in zip(signed.sources, keep.tolist(), strict=True) if ok]
    signed.rejects.sort(key=lambda r: r.index)
    return signed


def exact_groups(signed: SignedRecords) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Stage 2: (node of each record, one record of each node, node sizes).

    A node is a set of records with the same normalized words: they share one signature and shingle set,
    so LSH and verification run once per node. Nodes are numbered in order of their content key, which
    makes every later stage independent of the input order.
    """
    _, first, node_of, sizes = np.unique(signed.exact, return_index=True, return_inverse=True, return_counts=True)
    return node_of.astype(np.int64), first.astype(np.int64), sizes.astype(np.int64)


def candidate_pairs(signatures: np.ndarray, config: DedupeConfig) -> tuple[np.ndarray, tuple[int, int]]:
    """Stage 3: node pairs sharing an LSH band, with the (bands, rows) used."""
    bands, rows = config.band_layout()
    index = BandIndex(bands, rows, max_bucket=config.max_bucket)
    index.insert_many(np.arange(len(signatures)), signatures)
    return index.pairs(), (bands, rows)


def keep_keys(signed: SignedRecords, keep: str) -> tuple[np.ndarray, np.ndarray]:
    """(major, minor) of every signed record under the `keep` rule, smaller first; the input position breaks
    the remaining ties. The Dask engine carries these two keys with each record instead of a rank."""
    n = len(signed.index)
    no_float, no_int = np.zeros(n, dtype=np.float64), np.zeros(n, dtype=np.int64)
    longer_first = -signed.words.astype(np.int64)
    rules = {
        "first": (no_float, no_int),
        "longest": (no_float, longer_first),
        "earliest": (signed.dates.astype(np.float64), no_int),
        "most-complete": (-signed.filled.astype(np.float64), longer_first),
    }
    return rules[keep]


def keep_order(signed: SignedRecords, keep: str) -> np.ndarray:
    """Rank of each signed record under the `keep` rule; input position breaks every tie (a total order)."""
    return keep_ranks([*keep_keys(signed, keep), signed.index])


def choose_representatives(
    signed: SignedRecords, node_of: np.ndarray, anchors: np.ndarray, keep: str
) -> tuple[np.ndarray, np.ndarray]:
    """Stage 6: (kept record of each record's cluster, cluster number of each record).

    Clusters are the anchors' stars; within one, the kept copy is the best under `keep`. Clusters are
    numbered in the input order of their kept record.
    """
    ranks = keep_order(signed, keep)
    record_anchor = anchors[node_of]
    best = np.full(len(anchors), np.iinfo(np.int64).max, dtype=np.int64)
    np.minimum.at(best, record_anchor, ranks)
    by_rank = np.empty(len(ranks), dtype=np.int64)
    by_rank[ranks] = np.arange(len(ranks))
    kept_of = by_rank[best[record_anchor]]
    kept_records = np.unique(kept_of)
    number = np.full(len(ranks), -1, dtype=np.int64)
    number[kept_records[np.argsort(signed.index[kept_records], kind="stable")]] = np.arange(len(kept_records))
    return kept_of, number[kept_of]


def kept_record(
    data: dict[str, Any], config: DedupeConfig, write_clean: bool, clean_field: str | None = None
) -> dict[str, Any]:
    """A kept record as the engines write it: unchanged, or (`--write-clean`) with its text cleaned, or with
    the cleaned text in `clean_field` beside the text (`--output-field`). A text whose cleaning overruns its
    time budget is written as it came (it was compared raw too, `clean_or_raw`)."""
    if not write_clean:
        return data
    title = data.get(config.title_field)
    out = dict(data)
    text = clean_or_raw(data[config.text_field], title if isinstance(title, str) else None, cleaning=config.cleaning)
    out[clean_field or config.text_field] = text
    return out


def reject_line(item: InputRecord | Reject, reason: str | None) -> Reject:
    """The --rejects line of a record dedupe could not compare: where it is, why, the start of its raw line."""
    if isinstance(item, Reject):
        return item
    return Reject(item.source, item.line, dumps(item.data)[:1000], reason or "rejected")


def dedupe_signed(signed: SignedRecords, config: DedupeConfig, lap: Lap, seconds: dict[str, float]) -> DedupeResult:
    """Stages 2-8 of the local engine on signed records (`sign_records`): exact groups, candidates, relations,
    clusters, representatives and the columns of the result. `lap(stage)` times each stage into `seconds`
    (`newsclean.pipeline.StageClock`). `newsclean.dedupe` is the entry point (`newsclean.pipeline`)."""
    node_of, first, sizes = exact_groups(signed)
    node_sigs = signed.signatures[first]
    node_words = signed.words[first]
    judge = pair_judge(signed, first, config)
    lap("exact")
    pairs, sampled, layout = related_candidates(node_sigs, judge.windows, config)
    lap("candidates")
    edges, verdicts = judge.verify(pairs, sampled)
    lap("verify")
    anchors = relation_clusters(judge, edges, verdicts, sizes, node_words, config)
    lap("cluster")
    kept_of, _ = choose_representatives(signed, node_of, anchors, config.keep)
    columns = relations_after_clustering(signed, node_of, kept_of, judge, edges, verdicts, config)
    number_clusters(signed, columns)
    lap("relations")
    stats = run_stats(signed, columns, node_of, pairs, edges, layout, seconds)
    for column in columns.values():
        column.setflags(write=False)
    return DedupeResult(ids=signed.ids, rejects=signed.rejects, stats=stats, config=config.model_dump(), **columns)


def related_candidates(
    signatures: np.ndarray, windows: WindowStore, config: DedupeConfig
) -> tuple[np.ndarray, np.ndarray | None, tuple[int, int]]:
    """Stage 3: node pairs to verify, which of them the sampled n-gram index proposed, and the LSH layout.

    LSH band pairs find the pairs near by Jaccard; with the word-coverage relations on, pairs sharing
    sampled n-grams (`newsclean.sampled_index`) add the edited copies and teasers.
    """
    pairs, layout = candidate_pairs(signatures, config)
    if not config.uses_windows:
        return screened_candidates(pairs, signatures, config), None, layout
    unique, sampled = merged_candidates(pairs.reshape(-1, 2), sampled_pairs(windows))
    return unique, sampled, layout


def screened_candidates(pairs: np.ndarray, signatures: np.ndarray, config: DedupeConfig) -> np.ndarray:
    """The LSH pairs of a Jaccard-only run worth the exact check: those whose MinHash estimate is not far
    below the threshold (`ESTIMATE_MARGIN`)."""
    if len(pairs):
        pairs = pairs[estimate_similarity(signatures, pairs) >= config.threshold - ESTIMATE_MARGIN]
    return pairs


def merged_candidates(lsh: np.ndarray, sampled: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The unique pairs of both candidate stages (sorted rows), and which of them the sampled index proposed:
    `PairJudge.verify` looks at the word overlap of those whatever their Jaccard."""
    both = np.concatenate([lsh.reshape(-1, 2), sampled.reshape(-1, 2)]).astype(np.int64, copy=False)
    if len(both) == 0:
        return both, np.zeros(0, dtype=bool)
    unique, inverse = np.unique(both, axis=0, return_inverse=True)
    flags = np.zeros(len(unique), dtype=bool)
    flags[np.asarray(inverse).ravel()[len(lsh.reshape(-1, 2)) :]] = True
    return unique, flags


def relation_settings(config: DedupeConfig) -> RelationSettings:
    """The thresholds a `PairJudge` decides with under `config` (every engine asks this one function)."""
    return RelationSettings(
        config.threshold, config.threshold if config.resemblance else None, config.containment, config.pair_floor
    )


def relation_clusters(
    judge: PairJudge,
    edges: np.ndarray,
    verdicts: list[Any],
    sizes: np.ndarray,
    words: np.ndarray,
    config: DedupeConfig,
) -> np.ndarray:
    """Stage 5: the anchor of every node judged by `judge` (`star_clusters`). Only `near` pairs merge, and
    `template` pairs when templates are dropped; `sizes` (records per node) weigh the visiting order, the
    resemblance (Jaccard without it) orders neighbours, and `PairJudge.alike` is the pair floor."""
    kinds = np.fromiter((v.relation for v in verdicts), dtype=np.int8, count=len(verdicts))
    merging = (kinds == NEAR) | ((kinds == TEMPLATE) & config.drops_templates)
    weights = np.fromiter(
        (v.resemblance if config.resemblance else v.jaccard for v in verdicts),
        dtype=np.float32,
        count=len(verdicts),
    )
    return star_clusters(
        len(words),
        edges.reshape(-1, 2)[merging],
        weights[merging],
        sizes,
        words.astype(np.int64),
        joins=lambda x, y: judge.alike(x, y, config.drops_templates),
    )


def relations_after_clustering(
    signed: SignedRecords,
    node_of: np.ndarray,
    kept_of: np.ndarray,
    judge: PairJudge,
    edges: np.ndarray,
    verdicts: list[Any],
    config: DedupeConfig,
) -> dict[str, np.ndarray]:
    """Stage 7: the result's columns (clusters not numbered yet): `relation_columns`, then `attach_contained`
    with the containment relation on, then `mark_templates` unless templates are dropped.

    It reads of `signed` only `n_items`, `index` (positions, which must sort like the input) and `words`:
    the Dask engine calls it on one stand-in record per node of a component.
    """
    columns = relation_columns(signed, node_of, kept_of, judge)
    if config.containment is not None:
        attach_contained(signed, node_of, kept_of, judge, edges, verdicts, columns, "contained" in config.drop)
    if not config.drops_templates:
        mark_templates(signed, node_of, kept_of, edges, verdicts, columns)
    return columns


def pair_judge(signed: SignedRecords, first: np.ndarray, config: DedupeConfig) -> PairJudge:
    """The judge of node pairs (one node per first record of each exact group) under `config`."""
    return PairJudge(
        signed.store.take(first),
        signed.windows.take(first),
        signed.words[first],
        [signed.sources[int(row)] for row in first],
        relation_settings(config),
    )


def empty_columns(n: int) -> dict[str, np.ndarray]:
    """The result's per-input-record columns with their 'none' values (what a reject keeps)."""
    return {
        "cluster": np.full(n, -1, dtype=np.int64),
        "kept": np.zeros(n, dtype=bool),
        "duplicate_of": np.full(n, -1, dtype=np.int64),
        "similarity": np.full(n, np.nan, dtype=np.float32),
        "relation": np.zeros(n, dtype=np.int8),
        "related_to": np.full(n, -1, dtype=np.int64),
        "resemblance": np.full(n, np.nan, dtype=np.float32),
        "contained_in": np.full(n, -1, dtype=np.int64),
        "containment": np.full(n, np.nan, dtype=np.float32),
    }


def relation_columns(
    signed: SignedRecords, node_of: np.ndarray, kept_of: np.ndarray, judge: PairJudge
) -> dict[str, np.ndarray]:
    """The columns after clustering: each duplicate is tied to its cluster's kept copy, as `exact` (same
    words), `template` (a template pair merged because the user drops templates) or `near`, with the
    Jaccard and resemblance of the two as evidence. Clusters are numbered later (`number_clusters`)."""
    columns = empty_columns(signed.n_items)
    at = signed.index
    columns["kept"][at] = kept_of == np.arange(len(kept_of))
    columns["similarity"][at] = 1.0
    for row in np.flatnonzero(kept_of != np.arange(len(kept_of))).tolist():
        kept = int(kept_of[row])
        mine, theirs = int(node_of[row]), int(node_of[kept])
        position = at[row]
        columns["duplicate_of"][position] = at[kept]
        columns["related_to"][position] = at[kept]
        if mine == theirs:
            columns["relation"][position] = EXACT
            continue
        verdict = judge.judge(mine, theirs)
        columns["relation"][position] = TEMPLATE if verdict is not None and verdict.relation == TEMPLATE else NEAR
        columns["similarity"][position] = judge.similarity(mine, theirs)
        if judge.uses_windows:
            columns["resemblance"][position] = judge.resemblance(mine, theirs)
    return columns


def attach_contained(
    signed: SignedRecords,
    node_of: np.ndarray,
    kept_of: np.ndarray,
    judge: PairJudge,
    edges: np.ndarray,
    verdicts: list[Any],
    columns: dict[str, np.ndarray],
    drop: bool,
) -> None:
    """Tie each kept record that lies inside a longer kept record to it, as `contained`.

    Kept records are visited longest first, so a container's own status is final when a shorter record
    looks at it, and a record already contained in another never contains one in turn: no chains. With
    `drop`, the contained record and the duplicates tied to it leave the kept set for the container's story.
    """
    at = signed.index
    kept_row_of_node = {int(node_of[row]): int(kept_of[row]) for row in range(len(node_of))}
    offers: dict[int, set[int]] = {}
    for (a, b), verdict in zip(edges.tolist(), verdicts, strict=True):
        if verdict.relation == CONTAINED:
            whole = b if verdict.part == a else a
            offers.setdefault(verdict.part, set()).add(whole)
    if not offers:
        return
    kept_rows = np.flatnonzero(kept_of == np.arange(len(kept_of)))
    order = kept_rows[np.lexsort((at[kept_rows], -signed.words[kept_rows].astype(np.int64)))]
    inside: set[int] = set()
    for part_row in order.tolist():
        part = int(node_of[part_row])
        best: tuple[float, int, int] | None = None
        for whole in offers.get(part, ()):
            row = kept_row_of_node[whole]
            if row == part_row or row in inside or signed.words[row] <= signed.words[part_row]:
                continue
            share = judge.coverage(part, int(node_of[row]))
            key = (share, int(signed.words[row]), -int(at[row]))
            if share >= (judge.settings.containment or 1.0) - TOLERANCE and (best is None or key > best):
                best, container = key, row
        if best is None:
            continue
        inside.add(part_row)
        position, whole_position = at[part_row], at[container]
        columns["relation"][position] = CONTAINED
        columns["related_to"][position] = whole_position
        columns["contained_in"][position] = whole_position
        columns["containment"][position] = best[0]
        columns["similarity"][position] = judge.similarity(part, int(node_of[container]))
        columns["resemblance"][position] = judge.resemblance(part, int(node_of[container]))
        if drop:
            members = at[kept_of == part_row]
            columns["kept"][members] = False
            columns["duplicate_of"][members] = whole_position


def mark_templates(
    signed: SignedRecords,
    node_of: np.ndarray,
    kept_of: np.ndarray,
    edges: np.ndarray,
    verdicts: list[Any],
    columns: dict[str, np.ndarray],
) -> None:
    """Kept records of two clusters that are the same outlet's template on two days: both stay, each tied to
    the other as `template` (the most alike one when there are several)."""
    at = signed.index
    kept_row_of_node = {int(node_of[row]): int(row) for row in np.flatnonzero(kept_of == np.arange(len(kept_of)))}
    found = [(v, a, b) for (a, b), v in zip(edges.tolist(), verdicts, strict=True) if v.relation == TEMPLATE]
    for verdict, a, b in sorted(found, key=lambda item: (-item[0].resemblance, item[1], item[2])):
        rows = kept_row_of_node.get(a), kept_row_of_node.get(b)
        if rows[0] is None or rows[1] is None:
            continue
        for mine, theirs in (rows, rows[::-1]):
            position = at[mine]
            if columns["relation"][position] == 0 and columns["kept"][position]:
                columns["relation"][position] = TEMPLATE
                columns["related_to"][position] = at[theirs]
                columns["similarity"][position] = verdict.jaccard
                columns["resemblance"][position] = verdict.resemblance


def number_clusters(signed: SignedRecords, columns: dict[str, np.ndarray]) -> None:
    """Cluster numbers: one per kept record, in input order; a duplicate takes its kept copy's number."""
    at = signed.index
    kept_positions = at[columns["kept"][at]]
    numbers = np.full(signed.n_items, -1, dtype=np.int64)
    numbers[np.sort(kept_positions)] = np.arange(len(kept_positions))
    owner = np.where(columns["kept"][at], at, columns["duplicate_of"][at])
    columns["cluster"][at] = numbers[owner]


def run_stats(
    signed: SignedRecords,
    columns: dict[str, np.ndarray],
    node_of: np.ndarray,
    pairs: np.ndarray,
    edges: np.ndarray,
    layout: tuple[int, int],
    seconds: dict[str, float],
) -> DedupeStats:
    compared = len(signed.index)
    labels = columns["cluster"][columns["cluster"] >= 0]
    sizes = np.bincount(labels) if len(labels) else np.zeros(0, np.int64)
    kept = int(columns["kept"].sum())
    dropped = ~columns["kept"] & (columns["cluster"] >= 0)
    relation = columns["relation"]
    return DedupeStats(
        records=signed.n_items,
        compared=compared,
        rejected=len(signed.rejects),
        kept=kept,
        duplicates=compared - kept,
        exact_duplicates=int((dropped & (relation == EXACT)).sum()),
        near_duplicates=int((dropped & (relation == NEAR)).sum()),
        contained=int((relation == CONTAINED).sum()),
        templates=int((relation == TEMPLATE).sum()),
        clusters=len(sizes),
        clusters_with_duplicates=int((sizes > 1).sum()),
        largest_cluster=int(sizes.max()) if len(sizes) else 0,
        candidate_pairs=len(pairs),
        verified_pairs=len(edges),
        bands=layout[0],
        rows=layout[1],
        bytes_per_record=round(signed.nbytes / compared, 1) if compared else 0.0,
        unparsed_dates=signed.unparsed_dates,
        seconds=seconds,
    )
