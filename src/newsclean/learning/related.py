"""Related-article headlines learned from where the stories that link them part.

Why: a scrape that joins a paragraph and its `Baca juga: <headline>` link on one line leaves no mark where the
headline ends (`Baca juga: Kevin Aprilio Bela Kekeyi, Sempat Kapok sampai Ikut Sedih Keke Bukan Boneka Dihapus
YouTube Kompas.com merangkum ...`); the shape rules guess, and where the guess is uncertain only the label goes
(`newsclean.cleaner.headlines.headline_end`). The corpus knows more: an outlet links one article from several
of its stories, and after the shared headline each story goes on with its own prose. Where the texts after the
label part is where the headline ends.

The corpus may also hold the linked article itself: a link that starts with the title of another sampled
article of the source ends where that title does.

What it avoids: two headlines that share their first words (`Survei CSIS: Elektabilitas Prabowo-Gibran ...`)
part inside the headline, so a parting counts only where the stories go on as prose does (a capitalised
word and a lowercase one, a quotation, or the paragraph's end): both of them, or one after a long shared
headline. And only across distinct stories: copies of one story go on with the same prose, which would read
as headline.
"""

from __future__ import annotations

from collections import defaultdict

from ..cleaner.headlines import MAX_HEADLINE_CHARS, reads_as_headline
from ..cleaner.inline import holds_related_trigger, related_inline_matches
from .matcher import PROSE_OPENING, ends_word

#: A learned headline has at least this many words: a shorter shared opening (`Jadwal MotoGP`) is a topic.
MIN_HEADLINE_WORDS = 4
#: A headline after which only one of the two stories reads as prose (the other goes on `Hadir Menteri Luar
#: Negeri ...`, a sentence that opens with its verb) must be this long: two headlines rarely share so many
#: first words.
MIN_HEADLINE_WORDS_ONE_SIDED = 8
#: Stories that must link a headline learned from a parting.
MIN_LINKING_STORIES = 2
#: Continuations compared per opening: a bound on the pairwise comparison.
MAX_GROUP = 64
#: Words of the opening that group continuations before they are compared.
OPENING_WORDS = 3


def continuations(text: str) -> list[str]:
    """The text after each related-link label of a paragraph, up to its end (at most `MAX_HEADLINE_CHARS`).

    Most paragraphs with a colon hold no label: the related trigger (a label word, then a colon within a few
    words), which every label match holds (`tests/test_hints.py`), dismisses them with one search of the
    reversed paragraph, as the cleaner does, instead of trying the label at every dash and label word."""
    if not holds_related_trigger(text):
        return []
    return [text[found.end() : found.end() + MAX_HEADLINE_CHARS] for found in related_inline_matches(text)]


def learned_headlines(after_labels: dict[int, list[str]], titles: dict[str, int] | None = None) -> dict[str, set[int]]:
    """The headlines that several stories link and then part after (`_parting`), each with the stories that
    link it; and the `titles` of other articles (title -> its story) that a story's link starts with, with the
    stories that link them.

    `after_labels` maps each story to the continuations of its related-link labels (`continuations`).
    """
    groups: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for story in sorted(after_labels):
        for text in after_labels[story]:
            opening = " ".join(text.split()[:OPENING_WORDS])
            if len(groups[opening]) < MAX_GROUP:
                groups[opening].append((story, text))
    found: dict[str, set[int]] = defaultdict(set)
    for members in groups.values():
        for number, (story, text) in enumerate(members):
            for other_story, other in members[number + 1 :]:
                if other_story == story:
                    continue
                headline = _parting(text, other)
                if headline is not None:
                    found[headline].update((story, other_story))
    learned = {headline: stories for headline, stories in found.items() if len(stories) >= MIN_LINKING_STORIES}
    for title, stories in _titles_linked(after_labels, titles or {}).items():
        learned.setdefault(title, set()).update(stories)
    return learned


def _titles_linked(after_labels: dict[int, list[str]], titles: dict[str, int]) -> dict[str, set[int]]:
    """The titles (of `MIN_HEADLINE_WORDS` words or more) that a story's link starts with, a word ending after
    them, with the stories that link them; a story's own title is no link."""
    by_first_word: dict[str, list[str]] = defaultdict(list)
    for title in sorted(titles, key=lambda title: (-len(title), title)):
        if len(title.split()) >= MIN_HEADLINE_WORDS:
            by_first_word[title.split(" ", 1)[0]].append(title)
    linked: dict[str, set[int]] = defaultdict(set)
    for story in sorted(after_labels):
        for text in after_labels[story]:
            for title in by_first_word.get(text.split(" ", 1)[0], ()):
                if titles[title] != story and text.startswith(title) and ends_word(text, len(title)):
                    linked[title].add(story)
                    break
    return linked


def _parting(text: str, other: str) -> str | None:
    """The headline two continuations share, when they part where a headline ends and prose starts in both.

    They may part inside the first word of their prose (`Sinyal Sementara` and `Sinyal Setelah` share `S`):
    the end then goes back to the last space they share."""
    shared = 0
    limit = min(len(text), len(other))
    while shared < limit and text[shared] == other[shared]:
        shared += 1
    if not (ends_word(text, shared) and ends_word(other, shared)):
        shared = text.rfind(" ", 0, shared)
    headline = text[: max(shared, 0)].rstrip(" ,")
    if len(headline.split()) < MIN_HEADLINE_WORDS:
        return None
    end = len(headline)
    if not (ends_word(text, end) and ends_word(other, end)):
        return None
    prose_after = sum(1 for piece in (text, other) if PROSE_OPENING.match(piece, end))
    if prose_after == 0 or (prose_after == 1 and len(headline.split()) < MIN_HEADLINE_WORDS_ONE_SIDED):
        return None
    return headline if reads_as_headline(headline) else None
