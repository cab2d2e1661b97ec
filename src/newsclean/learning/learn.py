"""`learn`: each source's boilerplate, from the corpus itself.

Why learn: hand-written rules reach the outlets they were written for. Every outlet and scraper has footers,
promos, bylines, ad placeholders and tag blocks of its own, and what marks them is that they recur, verbatim
or as a template with slots, across the outlet's distinct stories, while prose does not.

How, per source:

1. Sample: the `sample_per_source` articles with the smallest hash of their id (or text). A bottom-k sample
   is the same whatever the input order and bounds memory and time past the sample.
2. Units: each article is normalized and split into paragraphs as `clean` does, each paragraph into segments
   (`newsclean.learning.units`), each segment keyed exactly and as a template.
3. Stories: copies of one story (a re-scrape, a republished piece) are found with MinHash LSH
   (`newsclean.learning.stories`) and count once, so a paragraph every copy carries is not boilerplate.
4. Keep what recurs in at least `max(min_stories, min_share x stories)` distinct stories; a segment shaped like
   prose (eight words or more ending a sentence) needs `prose_factor` times that, so a background paragraph
   repeated in a run of follow-up stories stays. Each entry keeps the zones (lead, body, tail) where it
   recurred, and is removed only there: a quote repeated in a follow-up story sits in the body, where the
   outlet's footer never does.
5. Templates: a template with open slots must hold a literal word (a label, once its usual value is pinned)
   or sit at the very start of articles before a separator (a dateline: `SURYAPOS, <> -`), so that a line of
   names alone never becomes a template.
"""

from __future__ import annotations

import hashlib
import heapq
import math
from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import urlsplit

from ..errors import InputError
from ..models import Article, RemovalKind
from ..normalization import normalize
from ..paragraphs import FUNCTION_WORDS, split_paragraphs
from .kinds import cued_kind, kind_of
from .matcher import TAG_LINES_PATTERN, code_shape, tail_code, trailing_tag_lines
from .profile import (
    ARTICLE_ZONES,
    ArticleZone,
    LearnedSegment,
    LearnSettings,
    MatchKind,
    Profile,
    SourceProfile,
    zone_of,
)
from .related import continuations, learned_headlines
from .stories import story_ids
from .units import (
    MAX_SEGMENT_CHARS,
    MAX_TEMPLATE_CHARS,
    SLOT,
    ascii_key_chars,
    exact_key,
    segments,
    template_key,
    words_of,
)

#: The share of a source's stories that must end with a tag block for the source to learn one: a list that
#: ends an article now and then is content; a block that ends one story in thirty is the furniture of the outlet
#: (or of one of the scrapers that collected it).
TAG_BLOCK_SHARE = 0.03
#: A segment of at least this many words that ends a sentence is shaped like prose.
PROSE_WORDS = 8
SENTENCE_END = (".", "!", "?", '"', "”", "…")
#: Templates longer than this many tokens are sentences with names in them, not labelled lines.
MAX_TEMPLATE_TOKENS = 24
#: A zone counts for an entry when this share of its stories (and at least two) showed it there.
ZONE_MIN_SHARE = 0.03


def source_of(data: Mapping[str, Any]) -> str:
    """The source a record is learned and cleaned under: its `source` field, else its URL's host, else ``""``."""
    source = data.get("source")
    if isinstance(source, str) and source.strip():
        return source.strip().casefold()
    url = data.get("url")
    if isinstance(url, str) and url:
        host = urlsplit(url if "//" in url else f"//{url}").hostname or ""
        return host.removeprefix("www.")
    return ""


def _sample_key(data: Mapping[str, Any], text: str) -> int:
    ident = data.get("id")
    seed = f"id:{ident}" if ident is not None else f"text:{text}"
    return int.from_bytes(hashlib.blake2b(seed.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "big")


def _as_data(record: Any, text_field: str) -> Mapping[str, Any]:
    """The record's fields; a bare string is an article of its own. Anything else is an `InputError`: it is
    a mistake in the calling code, and skipping it would learn from nothing without a word."""
    if isinstance(record, str):
        return {text_field: record}
    if isinstance(record, Article):
        return record.model_dump()
    if isinstance(record, Mapping):
        return record
    shown = repr(record)
    raise InputError(
        f"a record of type {type(record).__name__} ({shown[:60]}{'...' if len(shown) > 60 else ''}), not a mapping: "
        "give mappings with the text and a source (or url), or strings"
    )


class _Sample:
    """The bottom-k sample of one source, kept as a heap of the k smallest keys seen so far, each article's
    text with its title (empty when the record has none)."""

    __slots__ = ("documents", "heap", "size")

    def __init__(self, size: int) -> None:
        self.size = size
        self.documents = 0
        self.heap: list[tuple[int, str, str]] = []

    def offer(self, key: int, text: str, title: str = "") -> None:
        self.documents += 1
        if len(self.heap) < self.size:
            heapq.heappush(self.heap, (-key, text, title))
        elif -self.heap[0][0] > key:
            heapq.heapreplace(self.heap, (-key, text, title))

    def texts(self) -> list[str]:
        """The sampled texts in key order (so that ties and examples do not depend on input order)."""
        return [text for _, text, _ in sorted(self.heap, reverse=True)]

    def titles(self) -> list[str]:
        """The sampled articles' titles, in the order of `texts`."""
        return [title for _, _, title in sorted(self.heap, reverse=True)]


def sample_sources(records: Iterable[Any], settings: LearnSettings, text_field: str = "text") -> dict[str, _Sample]:
    """The bottom-k sample of every source; records without a usable text are skipped (cleaning rejects them).

    Records given but none with the text field: an `InputError` (the `text_field` is wrong), as
    `newsclean.dedupe` does; a few without it among many are skipped like a null or empty text.
    """
    samples: dict[str, _Sample] = {}
    given = with_field = 0
    for record in records:
        data = _as_data(record, text_field)
        given += 1
        with_field += text_field in data
        text = data.get(text_field)
        if not isinstance(text, str) or not text or text.isspace():
            # `text.strip()` would copy every record's text, most of which the sample then passes over.
            continue
        source = source_of(data)
        sample = samples.get(source)
        if sample is None:
            sample = samples[source] = _Sample(settings.sample_per_source)
        title = data.get("title")
        sample.offer(_sample_key(data, text), text, title.strip() if isinstance(title, str) else "")
    if given and not with_field:
        raise InputError(
            f"no record has a {text_field!r} field ({given:,} given): name the field that holds the text "
            "with learn(records, text_field=...)"
        )
    return samples


#: The zones, in the order a sighting numbers them.
ZONES = ARTICLE_ZONES


class _Counts:
    """Per key: every story it was seen in with the zone there, and its first example.

    A sighting is one number, `story * 3 + zone number`. A key's first sighting is kept alone, and a list starts
    at its second: most keys are prose seen once, and numbers (unlike a list of pairs per key) are no work for
    the garbage collector."""

    __slots__ = ("examples", "firsts", "repeats")

    def __init__(self) -> None:
        self.firsts: dict[str, int] = {}
        self.repeats: dict[str, list[int]] = {}
        self.examples: dict[str, str] = {}

    def add(self, key: str, story: int, zone: str, example: str) -> None:
        sighting = story * 3 + ZONES.index(zone)
        first = self.firsts.get(key)
        if first is None:
            self.firsts[key] = sighting
            self.examples[key] = example
            return
        repeats = self.repeats.get(key)
        if repeats is None:
            self.repeats[key] = [first, sighting]
        else:
            repeats.append(sighting)

    def frequent(self, floor: int) -> dict[str, set[int]]:
        """The keys seen in at least `floor` (two or more) distinct stories, with those stories."""
        found = {}
        for key, seen in self.repeats.items():
            if len(seen) >= floor:
                stories = {sighting // 3 for sighting in seen}
                if len(stories) >= floor:
                    found[key] = stories
        return found

    def zones_of(self, key: str) -> tuple[ArticleZone, ...]:
        """The zones where `key` was seen in at least two stories and `ZONE_MIN_SHARE` of its stories."""
        by_zone: dict[int, set[int]] = defaultdict(set)
        for sighting in self.repeats.get(key) or [self.firsts[key]]:
            by_zone[sighting % 3].add(sighting // 3)
        floor = max(2, ZONE_MIN_SHARE * len(set().union(*by_zone.values())))
        return tuple(zone for number, zone in enumerate(ZONES) if len(by_zone.get(number, ())) >= floor)


def _has_word(key: str) -> bool:
    """Whether a key holds a word of two letters or more: a list number (`1.`) or a lone initial recurs
    everywhere and is never boilerplate on its own."""
    return any(len(word) >= 2 and word.isalpha() for word in key.split())


def _has_label_word(template: str, pinned: dict[int, str]) -> bool:
    """Whether a template holds a word that can label a line: a pinned value, or a literal word of four letters
    or more that is not a function word. `<> di <>` and `<> vs <>` are the shapes of headlines and match
    fixtures, which prose and lists hold too; `<> : <> | {editor} : <>` and `{baca} juga : <>` are labels."""
    if pinned:
        return True
    return any(len(part) >= 4 and part.isalpha() and part not in FUNCTION_WORDS for part in template.split())


def _ends_mid_phrase(key: str) -> bool:
    """Whether a key of two words or more ends with a function word (`seperti pada menit ke`): a sentence cut at
    a spaced dash or a score's dash (`menit ke - 61`), which no footer or label line does. One word alone is
    not a phrase: `(Antara)` is the agency, not the preposition."""
    words = key.split(" ")
    return len(words) >= 2 and words[-1] in FUNCTION_WORDS


def _is_prose_shaped(example: str) -> bool:
    return len(example.split()) >= PROSE_WORDS and example.rstrip().endswith(SENTENCE_END)


def _names_outlet(template: str, source: str) -> bool:
    """Whether a template names the source it was learned for (`{kompas.com} / <>` of kompas.com)."""
    name = source.split(".")[0]
    return len(name) >= 3 and name in template


def learn_source(
    texts: list[str], documents: int, settings: LearnSettings, source: str = "", titles: list[str] | None = None
) -> SourceProfile:
    """What recurs across the distinct stories of one source's sampled `texts` (with their `titles`, where the
    records have them)."""
    normalized = [normalize(text) for text in texts]
    story = story_ids(normalized)
    stories = len(set(story.tolist()))
    exact = _Counts()
    templates = _Counts()
    fills: dict[str, list[tuple[int, tuple[str, ...]]]] = defaultdict(list)
    starts: dict[str, set[int]] = defaultdict(set)
    tag_runs: dict[int, str] = {}
    tail_codes: dict[str, dict[int, str]] = defaultdict(dict)
    after_labels: dict[int, list[str]] = defaultdict(list)
    # Boilerplate recurs verbatim (nearly a quarter of the lead and tail pieces of the real sample repeat an
    # earlier one): each distinct piece is tokenized once.
    template_keys: dict[str, tuple[str, tuple[str, ...]]] = {}
    for number, text in enumerate(normalized):
        story_id = int(story[number])
        length = len(text)
        first = True
        paragraphs = split_paragraphs(text)
        tag_run = trailing_tag_lines([p.text for p in paragraphs])
        if tag_run:
            tag_runs.setdefault(story_id, " | ".join(p.text for p in paragraphs[-tag_run:]))
        code = tail_code(paragraphs[-1].text) if paragraphs else None
        if code is not None:
            found = paragraphs[-1].text[code[0] : code[1]]
            tail_codes[code_shape(found)].setdefault(story_id, found)
        for paragraph in paragraphs:
            body = paragraph.text
            if ":" in body:
                after_labels[story_id].extend(continuations(body))
            chars = ascii_key_chars(body)
            for start, end, cut_end in segments(body):
                is_first, first = first, False
                if end - start > MAX_SEGMENT_CHARS:
                    continue
                piece = body[start:end]
                zone = zone_of(paragraph.start + start, paragraph.start + end, length)
                key = exact_key(piece) if chars is None else words_of(chars[start:end])
                if key:
                    exact.add(key, story_id, zone, piece)
                if zone == "body" or end - start > MAX_TEMPLATE_CHARS:
                    continue
                keyed = template_keys.get(piece)
                if keyed is None:
                    keyed = template_keys[piece] = template_key(piece)
                template, values = keyed
                if values and len(template.split()) <= MAX_TEMPLATE_TOKENS:
                    templates.add(template, story_id, zone, piece)
                    fills[template].append((story_id, values))
                    if is_first and cut_end > end:
                        starts[template].add(story_id)
    floor = max(settings.min_stories, math.ceil(settings.min_share * stories))
    learned = [
        *_closing_shape_entries("tags", "tag_lines", {TAG_LINES_PATTERN: tag_runs}, floor, stories),
        *_closing_shape_entries("credit", "tail_code", tail_codes, floor, stories),
        *_related_headline_entries(after_labels, _titled_stories(titles or [], story)),
        *_exact_entries(exact, floor, settings),
        *_template_entries(templates, fills, starts, floor, settings, source),
    ]
    learned.sort(key=lambda entry: (-entry.stories, entry.match, entry.pattern))
    return SourceProfile(documents=documents, sampled=len(texts), stories=stories, segments=tuple(learned))


def _closing_shape_entries(
    kind: RemovalKind, match: MatchKind, endings: dict[str, dict[int, str]], floor: int, stories: int
) -> list[LearnedSegment]:
    """An entry for every shape (`endings`: pattern -> story -> the first example of it) that ends at least
    `floor` stories and `TAG_BLOCK_SHARE` of them: the tag block (one pattern, the shape is the entry) and
    each tail-code shape.

    Why a tail code is learned as a shape and not as the code: an outlet's codes name its many editors
    (`(Z-3)`, `(Z-7)`, `(Ykb/Z-7)`), so each code alone recurs too seldom; the shape recurs. Prose ends an
    article with a parenthesis now and then (`... pada Selasa malam. (H-3)`), never in one shape across a share
    of the outlet's stories."""
    return [
        LearnedSegment(
            kind=kind,
            match=match,
            pattern=pattern,
            zones=("tail",),
            stories=len(seen),
            example=seen[min(seen)],
        )
        for pattern, seen in sorted(endings.items())
        if len(seen) >= max(floor, TAG_BLOCK_SHARE * stories)
    ]


def _titled_stories(titles: list[str], story: Any) -> dict[str, int]:
    """The sampled articles' titles (normalized as their texts are), each with its story."""
    return {normalize(title): int(story[number]) for number, title in enumerate(titles) if title}


def _related_headline_entries(after_labels: dict[int, list[str]], titles: dict[str, int]) -> list[LearnedSegment]:
    """The related-article headlines that stories of the source link and then part after, or that are the
    title of another sampled article (`newsclean.learning.related`). Two linking stories suffice, or one and
    a title, where a segment needs the floor: the label says what the text is, the parting or the title only
    where it ends. Cleaning takes them wherever a link sits."""
    return [
        LearnedSegment(
            kind="related", match="related_headline", pattern=headline, zones=ARTICLE_ZONES,
            stories=len(stories), example=headline,
        )
        for headline, stories in sorted(learned_headlines(after_labels, titles).items())
    ]


def _exact_entries(exact: _Counts, floor: int, settings: LearnSettings) -> list[LearnedSegment]:
    entries = []
    for key, seen in exact.frequent(floor).items():
        if not _has_word(key):
            continue
        example = exact.examples[key]
        cued = cued_kind(key) is not None
        if not cued and (example.rstrip().endswith(":") or example[:1].islower() or _ends_mid_phrase(key)):
            # Introduces what follows (`Daftar desa terdampak:`: the list is content), goes on with a sentence
            # cut at a spaced dash (`... Ganjar Pranowo - nomor urut 3.` in every election story), or is the
            # start of one cut there (`Seperti pada menit ke - 61 ...` in match reports).
            continue
        needed = floor * settings.prose_factor if _is_prose_shaped(example) else floor
        if len(seen) < needed:
            continue
        zones = exact.zones_of(key)
        if " " not in key and not cued:
            # One word between two separators in the body is as often a piece of prose cut at spaced dashes
            # (`... - Pasca - ...`) as furniture: only the lead and tail keep it.
            zones = tuple(zone for zone in zones if zone != "body")
        if zones:
            entries.append(
                LearnedSegment(
                    kind=kind_of(key, zones),
                    match="exact",
                    pattern=key,
                    zones=zones,
                    stories=len(seen),
                    example=example,
                )
            )
    return entries


def _template_entries(
    templates: _Counts,
    fills: dict[str, list[tuple[int, tuple[str, ...]]]],
    starts: dict[str, set[int]],
    floor: int,
    settings: LearnSettings,
    source: str,
) -> list[LearnedSegment]:
    """Templates with open slots. Recurring shape is weaker evidence than recurring words: besides the counts, a
    template must name the outlet or a boilerplate label (`kinds.KIND_CUES`), or be a dateline-shaped piece
    at the very start of articles. `Pelatih: <>` or `<> vs <>` recur in every match report as content."""
    entries = []
    for template, seen in templates.frequent(floor).items():
        parts = template.split()
        slots = parts.count(SLOT)
        at_start = len(starts.get(template, ())) >= settings.pin_share * len(seen) and len(parts) <= 6
        for pinned, support in _variants(seen, slots, fills[template], floor):
            pattern = _pattern(parts, pinned)
            if not (at_start and pinned) and not (
                _has_label_word(template, pinned) and (cued_kind(pattern) or _names_outlet(pattern, source))
            ):
                continue
            example = templates.examples[template]
            if _is_prose_shaped(example) and len(support) < floor * settings.prose_factor:
                continue
            zones = ("lead",) if at_start else templates.zones_of(template)
            if not zones:
                continue
            entries.append(
                LearnedSegment(
                    kind=kind_of(pattern, zones),
                    match="template",
                    pattern=pattern,
                    zones=zones,
                    stories=len(support),
                    example=example,
                )
            )
    return entries


def _variants(
    seen: set[int], slots: int, fills: list[tuple[int, tuple[str, ...]]], floor: int
) -> list[tuple[dict[int, str], set[int]]]:
    """The variants of a template worth an entry, as (pinned slots, supporting stories): every slot value that
    recurs in `floor` stories pins one variant (`Penulis: <>` and `Editor: <>` share the template `<> : <>`);
    a number is never pinned (`<> , {21}` would be any date or score: `6-3, 3-6, 7-6` is a tennis result),
    and the template with every slot open is one too. A variant with every slot pinned is left to the exact
    entries, which say it better."""
    variants: list[tuple[dict[int, str], set[int]]] = [({}, seen)]
    if slots < 2:
        return variants
    for slot in range(slots):
        holders_of: dict[str, set[int]] = defaultdict(set)
        for story, values in fills:
            holders_of[values[slot]].add(story)
        for value, holders in sorted(holders_of.items()):
            if len(holders) >= floor and any(char.isalpha() for char in value):
                variants.append(({slot: value}, holders))
    return variants


def _pattern(parts: list[str], pinned: dict[int, str]) -> str:
    out = []
    slot = 0
    for part in parts:
        if part == SLOT:
            out.append("{" + pinned[slot] + "}" if slot in pinned else SLOT)
            slot += 1
        else:
            out.append(part)
    return " ".join(out)


def learn(records: Iterable[Any], settings: LearnSettings | None = None, *, text_field: str = "text") -> Profile:
    """Learn each source's boilerplate from `records`: mappings (or `Article`s) with the text under
    `text_field` and a `source` (or `url`), or bare strings (one unnamed source). Anything else raises
    `InputError`, as does input in which no record has the text field; records whose text is missing, null
    or empty are skipped.

    >>> news = ["Harga beras naik lagi.", "Jalan tol baru dibuka.", "Hujan deras di Bogor.", "Pasar ikan ramai.",
    ...         "Sekolah libur sepekan.", "Petani mulai panen.", "Banjir surut pagi ini.", "Kereta cepat diuji.",
    ...         "Stok gula aman.", "Warga gotong royong."]
    >>> profile = learn([{"source": "x.com", "text": f"{n}\\nIkuti kami di Telegram."} for n in news],
    ...                 LearnSettings(min_stories=3))
    >>> [s.pattern for s in profile.sources["x.com"].segments]
    ['ikuti kami di telegram']
    """
    settings = settings or LearnSettings()
    samples = sample_sources(records, settings, text_field)
    sources = {
        source: learn_source(sample.texts(), sample.documents, settings, source, sample.titles())
        for source, sample in sorted(samples.items())
    }
    return Profile(settings=settings, sources=sources)
