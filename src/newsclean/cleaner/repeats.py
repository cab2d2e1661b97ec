"""The repeat steps of a pass: a first paragraph that repeats the title, and paragraphs that repeat an
earlier one (the finder itself, `find_repeats`, is `newsclean.repeats`).
"""

from __future__ import annotations

from ..repeats import VIDEO_LABEL_FIRST_LETTERS, checks_containment, find_repeats, repeat_key
from .offsets import clean_paragraph_text
from .records import ArticleState


def drop_repeated_title(state: ArticleState, title: str | None) -> None:
    """Scrapers often put the headline as the first line of the text; with `title` given it is not body."""
    live = state.live()
    if not title or not live or not state.enabled("other.title_repeated"):
        return
    title_key = repeat_key(title)
    if not title_key:
        return
    text = state.paragraphs[live[0]].text
    # A key only grows as its text goes on (its words are cut at the end, never dropped) when no `Video:`
    # label can open it, so such a first paragraph whose start already has a longer key than the title's is
    # not the title: most are, and skip their full key.
    head = text[: 2 * len(title) + 16]
    first = text[:1]
    if (
        len(head) < len(text)
        and first.isalnum()
        and first not in VIDEO_LABEL_FIRST_LETTERS
        and len(repeat_key(head)) > len(title_key)
    ):
        return
    if _repeat_key(state, text) == title_key:
        state.drop(live[0], "other", "other.title_repeated")


def drop_repeats(state: ArticleState) -> None:
    """Drop the paragraphs that repeat an earlier one, unless the previous pass kept these very paragraphs.

    Why the skip holds: when the paragraphs with words are the ones the previous pass's repeat search kept,
    in order and with the same texts, every key it can find earlier was there before, and a paragraph that
    the search kept then is kept again (induction over `find_repeats`: the keys met before each paragraph are
    the same, and the block rule needs a dropped predecessor, which there is none of). Containment must have
    been looked for then if it is now. That is most later passes (the previous one cut a dateline or a credit,
    which the repeat search already saw cut), and spares them the keys' comparisons.
    """
    if not state.enabled("repeat.paragraph"):
        return
    live = state.live()
    texts = [clean_paragraph_text(state.paragraphs[i].text, state.spans.get(i, [])) for i in live]
    keys = [_repeat_key(state, text) for text in texts]
    memo = state.memo
    # Indexed rather than zipped: `keys` and `verdicts` are made one per text, and the compiled loops index.
    worded = [texts[number] for number in range(len(texts)) if keys[number]]
    containment = checks_containment(keys)
    if worded == memo.repeat_survivors and (memo.repeat_containment or not containment):
        return
    verdicts = find_repeats(texts, state.config.min_repeat_chars, keys)
    for number, index in enumerate(live):
        if verdicts[number] is not None:
            state.drop(index, "repeat", "repeat.paragraph")
    memo.repeat_survivors = [texts[number] for number in range(len(texts)) if keys[number] and verdicts[number] is None]
    memo.repeat_containment = containment


def _repeat_key(state: ArticleState, text: str) -> str:
    key = state.memo.repeat_keys.get(text)
    if key is None:
        key = state.memo.repeat_keys[text] = repeat_key(text)
    return key
