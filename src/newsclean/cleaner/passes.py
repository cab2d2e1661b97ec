"""`clean()`: one article in, clean text and an account of every removal out.

The steps, declared once and run in this order:

1. normalize (encoding, entities, invisible characters, look-alike letters, whitespace);
2. rebuild paragraphs (rejoin hard-wrapped lines);
3. drop a first paragraph that only repeats the title;
4. remove boilerplate: whole-line inserts, the dateline and what precedes it, inline inserts, the tail
   (footers, bylines, credits, tags), an author signature block;
5. remove repeated paragraphs, keeping the first body copy.

Removing one insert can expose another (a second credit under the first, a caption that becomes a line of its
own), so the steps run again on their own output until it stops changing: `clean()` is idempotent, and every
removal of a later pass is mapped back to the normalized text. A pass that removed nothing is already a
fixed point (the next pass would see the same paragraphs), so clean articles are processed once. Most
paragraphs come through a pass unchanged: a later pass skips the per-paragraph tests on those (they are
"settled", see `ArticleState`) and reuses the earlier answers of the place-dependent ones (`PassMemo`). An
output that `normalize` would still change (a mojibake lead character the join put before a
space) is renormalized before the next pass, so that cleaning a cleaned text changes nothing.

Offsets in the report refer to the normalized text, so `normalize(original)[r.start:r.end] == r.text`.
"""

from __future__ import annotations

import re

from ..boundaries import may_restore
from ..config import CleanConfig
from ..learning.matcher import SourceMatcher
from ..learning.profile import Profile
from ..models import CleanResult, Edit
from ..normalization import needs_ftfy, normalize, normalize_check_edits
from ..paragraphs import Paragraph, split_paragraphs
from ..repeats import repeat_key
from .inline import LEARNED_HEADLINE_RULE, apply_inline_rules
from .lead import strip_lead
from .learned import apply_learned
from .lines import apply_line_rules
from .offsets import compose, cut_from_span, kept_pieces, map_back, unchanged_segments
from .records import ArticleState, Cut, DatelineFields, Outcome, PassMemo, Rendered, Span
from .repeats import drop_repeated_title, drop_repeats
from .selection import LONGEST_TRIGGER_WORD
from .tail import drop_signature_block, strip_tail

DEFAULT_CONFIG = CleanConfig()
#: "compiled" when this module was built by mypyc at install (see setup.py), else "python".
CLEANER_BACKEND = "compiled" if __file__.endswith((".so", ".pyd")) else "python"
#: Passes after the first. Each later pass runs only because the previous one removed something, and skips the
#: per-paragraph tests on untouched paragraphs; the bound keeps a pathological input linear. On the 50,060
#: sample articles one needed the third extra pass; inserts glued in a chain (`...CONTENTFoto: A/BFoto: A/BBaca
#: juga:`, found by the idempotence property test) need one pass per link, and a bound they reach leaves the
#: output short of a fixed point. Nine keeps chains of nine links idempotent.
MAX_EXTRA_PASSES = 9
PARAGRAPH_SEPARATOR = "\n\n"
#: The characters kept at each end of a piece of a cut paragraph for the next pass's trigger scan: a word a
#: cut made new touches the piece's end, and a trigger word is at most this long less one.
EDGE_CHARS = LONGEST_TRIGGER_WORD + 1
#: A letter or digit (`str.isalnum`): `re`'s Unicode word class without the underscore.
ALNUM = re.compile(r"[^\W_]")
#: The pydantic-core validator that `CleanResult.model_validate` runs.
CLEAN_RESULT_VALIDATOR = CleanResult.__pydantic_validator__
#: The rule that removes a paragraph left with no letter or digit once its inserts are cut (`.`, `|`, `***`).
LEFTOVER_RULE = "other.leftover_punctuation"


def dateline_fields(state: ArticleState, source: str) -> DatelineFields | None:
    for index in sorted(state.spans):
        for span in state.spans[index]:
            if span.kind == "dateline":
                groups = dict(span.groups)
                offset = state.paragraphs[index].start
                return {
                    "outlet": groups.get("outlet"),
                    "city": groups.get("city"),
                    "text": source[offset + span.start : offset + span.end],
                }
    return None


def _run_steps(
    source: str,
    paragraphs: list[Paragraph],
    config: CleanConfig,
    title: str | None,
    memo: PassMemo,
    untouched: frozenset[int] = frozenset(),
    new_words: str | None = None,
    learned: SourceMatcher | None = None,
    rules_settled: bool = False,
) -> tuple[ArticleState, list[str]]:
    """Run the steps once over the paragraphs of `source` (already normalized); returns the state and credits.

    `memo` carries the per-paragraph answers of previous passes over the same article; `untouched` are the
    paragraphs the previous pass kept exactly as they were; `learned` finds the boilerplate a profile learned for
    the article's source. `rules_settled` says that the previous pass ran the catalogue steps on this same text
    and removed nothing: they would remove nothing again, so only the learned step and the repeats run.
    """
    state = ArticleState.start(source, paragraphs, config, memo, untouched, new_words)
    credits: list[str] = []
    if not rules_settled:
        drop_repeated_title(state, title)
    if config.remove_boilerplate:
        if not rules_settled:
            apply_line_rules(state)
            strip_lead(state)
            apply_inline_rules(state)
            credits = strip_tail(state)
            drop_signature_block(state)
        apply_learned(state, learned)
    if config.remove_repeats:
        drop_repeats(state)
    return state, credits


def _removed_nothing(state: ArticleState) -> bool:
    return not state.dropped and not any(state.spans.values())


def _is_kept_whole(text: str) -> bool:
    """A paragraph without removals that is kept exactly as it is: no outer spaces, and a letter or digit."""
    return bool(text) and not text[0].isspace() and not text[-1].isspace() and _holds_alnum(text, 0, len(text))


def _has_alnum(text: str, pieces: list[tuple[int, int]]) -> bool:
    return any(_holds_alnum(text, start, end) for start, end in pieces)


def _holds_alnum(text: str, start: int, end: int) -> bool:
    """Whether `text[start:end]` (not empty) holds a letter or digit; most start with one."""
    return text[start].isalnum() or ALNUM.search(text, start, end) is not None


def _render(source: str, state: ArticleState, credits: list[str]) -> Rendered:
    """The kept text of a pass, where its pieces came from, and what the pass removed."""
    parts: list[str] = []
    kept: list[Paragraph] = []
    segments: list[tuple[int, int, int]] = []
    removals: list[Cut] = []
    untouched: list[int] = []
    edges: list[str] = []
    position = 0
    for index, paragraph in enumerate(state.paragraphs):
        spans = state.spans.get(index)
        dropped = state.dropped.get(index)
        text = paragraph.text
        if not spans and dropped is None and _is_kept_whole(text):
            # Most paragraphs come through a pass untouched: kept as they are, with no pieces to work out.
            if parts:
                parts.append(PARAGRAPH_SEPARATOR)
                position += len(PARAGRAPH_SEPARATOR)
            segments.append((position, paragraph.start, len(text)))
            parts.append(text)
            untouched.append(len(kept))
            kept.append(Paragraph(position, position + len(text), text))
            position += len(text)
            continue
        spans = spans or []
        if spans:
            removals.extend(cut_from_span(source, paragraph.start, s) for s in spans)
        pieces = [] if dropped else kept_pieces(paragraph.text, spans)
        if dropped is not None:
            removals.append(cut_from_span(source, paragraph.start, dropped))
            continue
        if not _has_alnum(paragraph.text, pieces):
            # Nothing of the article is left in it; with the rule off, its punctuation stays.
            if state.enabled(LEFTOVER_RULE):
                removals.append(cut_from_span(source, paragraph.start, Span(0, len(text), "other", LEFTOVER_RULE)))
                continue
            if not pieces:
                continue
        if parts:
            parts.append(PARAGRAPH_SEPARATOR)
            position += len(PARAGRAPH_SEPARATOR)
        paragraph_start = position
        for number, (start, end) in enumerate(pieces):
            position += 1 if number else 0
            segments.append((position, paragraph.start + start, end - start))
            position += end - start
        kept_text = (
            paragraph.text[pieces[0][0] : pieces[0][1]]
            if len(pieces) == 1
            else " ".join(paragraph.text[start:end] for start, end in pieces)
        )
        for start, end in pieces if spans else ():
            edges.append(text[start : min(end, start + EDGE_CHARS)])
            edges.append(text[max(start, end - EDGE_CHARS) : end])
        parts.append(kept_text)
        if not spans and len(kept_text) == len(paragraph.text):
            untouched.append(len(kept))
        kept.append(Paragraph(paragraph_start, position, kept_text))
    return Rendered(
        text="".join(parts),
        paragraphs=tuple(kept),
        segments=tuple(segments),
        removals=tuple(removals),
        dateline=dateline_fields(state, source),
        credits=tuple(c for c in credits if c),
        untouched=frozenset(untouched),
        new_words="\n".join(edges),
    )


def _renormalized(output: str, shows_ftfy_sign: bool) -> str | None:
    """`normalize(output)` when it differs from `output`, else None.

    Joining the kept pieces with a space can put a mojibake lead character before a space (`Â` + ` ` is the
    mojibake of a no-break space), which `normalize` then repairs; the output must be a fixed point of
    `normalize` for `clean` to be idempotent. Only such characters can make it differ: every other fixer's
    characters are gone from the normalized text, and a space or blank line joins nothing they act on. So
    an article whose normalized text shows no sign for ftfy (`needs_ftfy`; nor can joining make an entity)
    never needs this on that account.

    A second reason: the boundary restoration (`newsclean.boundaries.may_restore`) can find a seam the pass
    made: removals that took most of the line breaks, or a marker that stood at a line's end joined into
    running text by the cut after it. Only an output that differs from its pass's input is asked (`fresh`),
    and the first pass's output when it shows a sign for ftfy: the normalized text is a fixed point of
    `normalize` except where its restoration split a line whose mojibake ftfy, which judges each line on its
    own, repairs once it stands alone (`Andr√©e`; 6 of the 50,060 sample articles).
    """
    if not (shows_ftfy_sign and needs_ftfy(output)) and not may_restore(output):
        return None
    again = normalize(output)
    return again if again != output else None


def _paragraph_count(result: Rendered) -> int:
    """The blocks between blank lines in `result.text`: its paragraphs when it was rendered from them (each
    holds no line break), else counted (a renormalized output, whose paragraphs may be joined lines)."""
    if result.joined:
        return len(result.paragraphs)
    return result.text.count(PARAGRAPH_SEPARATOR) + 1 if result.text else 0


def _fixed_point(
    normalized: str,
    config: CleanConfig,
    title: str | None,
    shows_ftfy_sign: bool,
    learned: SourceMatcher | None = None,
) -> Outcome:
    """Run the steps on `normalized` until a pass changes nothing (at most 1 + MAX_EXTRA_PASSES passes, one
    more with a profile).

    `shows_ftfy_sign` is `needs_ftfy(normalized)`: without a sign no output needs renormalizing. The learned
    step (`learned`) joins the passes only once the rules are at their fixed point: a learned entry that took a
    label first (`Baca juga`) would leave the headline the rules remove after it.
    """
    memo = PassMemo()
    if learned is not None and config.enabled(LEARNED_HEADLINE_RULE, "related"):
        memo.related_headlines = learned.related_headlines
    state, first_credits = _run_steps(
        normalized, split_paragraphs(normalized, config.rejoin_lines), config, title, memo
    )
    result = _render(normalized, state, first_credits)
    removals = list(result.removals)
    dateline, credits = result.dateline, list(result.credits)
    segments = result.segments
    removed_last_pass = bool(removals)
    # An unchanged text is asked too when it shows a sign for ftfy: `normalize` is not quite idempotent there
    # (`_renormalized`).
    fresh = result.text != normalized or shows_ftfy_sign
    learning: SourceMatcher | None = None
    # Whether the last pass was a later pass that ran the catalogue steps and removed nothing: the pass that
    # brings in the learned step, on the same text, then skips them (a first pass is not enough: it reads the
    # scraped line breaks that later passes no longer see, and it has the title).
    rules_idle = False
    for _ in range(MAX_EXTRA_PASSES + (learned is not None)):
        renormalized = _renormalized(result.text, shows_ftfy_sign) if config.normalize and fresh else None
        fresh = False
        if renormalized is not None:
            segments = compose(unchanged_segments(result.text, renormalized), segments)
            paragraphs = tuple(split_paragraphs(renormalized, config.rejoin_lines))
            result = Rendered(renormalized, paragraphs, segments, (), None, ())
        elif not removed_last_pass:
            if learned is None or learning is not None or not learned.may_apply(result.text):
                break
            learning = learned
        # The paragraphs of the previous output are known; a pass that removes nothing from them would render
        # them unchanged, so the output is already a fixed point (unless it was just renormalized: check again).
        memo.dateline_cut = dateline is not None
        state, pass_credits = _run_steps(
            result.text,
            list(result.paragraphs),
            config,
            None,
            memo,
            result.untouched,
            result.new_words,
            learning,
            rules_settled=rules_idle and learning is not None,
        )
        rules_idle = False
        if _removed_nothing(state):
            removed_last_pass = False
            rules_idle = True
            if renormalized is None and (learned is None or learning is not None):
                break
            continue
        removed_last_pass = True
        again = _render(result.text, state, pass_credits)
        if again.text == result.text:
            if learned is None or learning is not None:
                break
            removed_last_pass = False
            continue
        for removal in again.removals:
            removals.extend(map_back(removal, segments, normalized))
        segments = compose(again.segments, segments)
        dateline = dateline or again.dateline
        credits.extend(again.credits)
        result, fresh = again, True
    return Outcome(result.text, tuple(removals), dateline, tuple(credits), segments, _paragraph_count(result))


def lost_repeats(outcome: Outcome) -> bool:
    """True when a paragraph was removed as a repeat but no copy of it is left in the output.

    Why it can happen: a later pass may remove, as boilerplate, the earlier copy a repeat was judged against
    (a glued caption paragraph that contains the body sentences and is then found to stand before a second
    dateline). Both copies gone means a sentence of the article lost, the one thing cleaning must not do.
    The key of a repeat is its paragraph without the other removals made inside it (a promo glued to it).
    """
    repeats = [r for r in outcome.removals if r.kind == "repeat"]
    if not repeats:
        return False
    kept = f" {repeat_key(outcome.text)} "
    others = [r for r in outcome.removals if r.kind != "repeat"]
    for repeat in repeats:
        inside = sorted((r.start, r.end) for r in others if repeat.start <= r.start and r.end <= repeat.end)
        pieces, position = [], repeat.start
        for start, end in inside:
            if start > position:
                pieces.append(repeat.text[position - repeat.start : start - repeat.start])
            position = max(position, end)
        pieces.append(repeat.text[position - repeat.start :])
        key = repeat_key(" ".join(pieces))
        if key and f" {key} " not in kept:
            return True
    return False


def _repeats_last(
    normalized: str, config: CleanConfig, title: str | None, shows_ftfy_sign: bool, learned: SourceMatcher | None
) -> Outcome:
    """Boilerplate to its fixed point first, then repeats among what is left: every kept copy is in the
    output by construction. Used only when the usual order lost a repeated paragraph's every copy."""
    first = _fixed_point(
        normalized, config.model_copy(update={"remove_repeats": False}), title, shows_ftfy_sign, learned
    )
    only_repeats = config.model_copy(update={"remove_boilerplate": False, "normalize": False})
    last = _fixed_point(first.text, only_repeats, None, shows_ftfy_sign=False)
    removals = list(first.removals)
    for removal in last.removals:
        removals.extend(map_back(removal, first.segments, normalized))
    segments = compose(last.segments, first.segments)
    return Outcome(last.text, tuple(removals), first.dateline, first.credits, segments, last.paragraphs)


def clean(
    text: str,
    *,
    title: str | None = None,
    config: CleanConfig | None = None,
    source: str | None = None,
    profile: Profile | None = None,
) -> CleanResult:
    """Clean one scraped article: the body text, paragraphs separated by a blank line, and a report.

    With a `profile` (`newsclean.learn`), the boilerplate it learned for `source` (the outlet, as the records
    name it; `newsclean.learning.learn.source_of`) is removed too, each removal with the stories it recurred in.

    >>> r = clean("JAKARTA, KOMPAS.com - Harga cabai naik lagi di pasar induk.\\n(esn/indo)")
    >>> r.text, r.dateline.outlet, r.credits
    ('Harga cabai naik lagi di pasar induk.', 'KOMPAS.com', ('esn/indo',))
    """
    if not isinstance(text, str):
        raise TypeError(f"clean() takes a str, not {type(text).__name__}")
    config = config or DEFAULT_CONFIG
    normalized, shows_ftfy_sign, edits = normalize_check_edits(text) if config.normalize else (text, False, ())
    learned = profile.matcher(source) if profile is not None else None
    outcome = _fixed_point(normalized, config, title, shows_ftfy_sign, learned)
    if config.remove_repeats and config.remove_boilerplate and lost_repeats(outcome):
        outcome = _repeats_last(normalized, config, title, shows_ftfy_sign, learned)
    return validated_result(text, outcome, edits)


def validated_result(text: str, outcome: Outcome, edits: tuple[Edit, ...] = ()) -> CleanResult:
    """The `CleanResult` of an outcome of the passes over `text` (either engine's), with the separators that
    normalization put back (`edits`, already validated models)."""
    # Validated in one call, which builds the `Removal`s from their fields; by the model's validator itself
    # (what `model_validate` calls, which adds its own overhead to every article).
    result: CleanResult = CLEAN_RESULT_VALIDATOR.validate_python(
        {
            "text": outcome.text,
            "removals": [
                {
                    "kind": r.kind,
                    "text": r.text,
                    "start": r.start,
                    "end": r.end,
                    "rule": r.rule,
                    "stories": r.stories or None,
                }
                for r in sorted(outcome.removals, key=lambda r: (r.start, r.end))
            ],
            "dateline": outcome.dateline,
            "credits": tuple(dict.fromkeys(outcome.credits)),
            "paragraphs": outcome.paragraphs,
            "chars_in": len(text),
            "chars_out": len(outcome.text),
            "edits": edits,
        }
    )
    return result
