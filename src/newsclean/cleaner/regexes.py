"""Every regex call of the cleaner, with the timeout its text calls for, and the searches that try a pattern
only at the positions where a match can start.
"""

from __future__ import annotations

import regex

#: Every pattern is applied with this timeout (seconds): patterns are written linear, and the timeout makes a
#: mistake cost one record (reported) instead of a hung job.
REGEX_TIMEOUT = 1.0
#: Below this length the timeout is not passed: it costs more than most matches (passing it adds more to a call
#: than a whole failing match takes, and the engine makes ~100 calls per article), and no pattern here can come
#: near a second on such a text: they are linear, and even a quadratic mistake is 5,000^2 steps, a fraction of
#: a second. A pattern that is exponential by mistake is left to the per-record budget (`newsclean.watchdog`).
TIMEOUT_FREE_CHARS = 5_000


#: Seconds added to the timeout per million characters: linear patterns run at 5 M chars/s or more (the slowest
#: measured, `dateline.dangling_dash` on a line of dots, at 0.2 s per M), so a 10 MB paragraph of garbage is
#: matched, not rejected, while a quadratic match on it would need hours and is still cut off.
REGEX_SECONDS_PER_MILLION_CHARS = 2.0


def regex_timeout(text: str) -> float | None:
    """The `timeout=` to pass when matching a rule pattern against `text`: it grows with the text's length."""
    if len(text) < TIMEOUT_FREE_CHARS:
        return None
    return REGEX_TIMEOUT + REGEX_SECONDS_PER_MILLION_CHARS * len(text) / 1_000_000


# Passing `timeout=None` to a `regex` pattern method costs as much again as a failing match (the keyword is
# parsed), and short texts have no timeout: these pass it only when there is one.


def regex_search(pattern: regex.Pattern[str], text: str, pos: int, timeout: float | None) -> regex.Match[str] | None:
    return pattern.search(text, pos) if timeout is None else pattern.search(text, pos, timeout=timeout)


def regex_match(pattern: regex.Pattern[str], text: str, pos: int, timeout: float | None) -> regex.Match[str] | None:
    return pattern.match(text, pos) if timeout is None else pattern.match(text, pos, timeout=timeout)


def regex_fullmatch(pattern: regex.Pattern[str], text: str, timeout: float | None) -> regex.Match[str] | None:
    return pattern.fullmatch(text) if timeout is None else pattern.fullmatch(text, timeout=timeout)


def regex_finditer(pattern: regex.Pattern[str], text: str, timeout: float | None) -> list[regex.Match[str]]:
    return list(pattern.finditer(text) if timeout is None else pattern.finditer(text, timeout=timeout))


def matches_at(
    pattern: regex.Pattern[str], text: str, starts: list[int], timeout: float | None
) -> list[regex.Match[str]]:
    """`pattern.finditer(text)` for a pattern whose every match starts at one of `starts` (ascending) and is
    not empty: each start is tried unless it lies inside the match before, as the search would skip it."""
    matches = []
    next_free = 0
    for start in starts:
        if start < next_free:
            continue
        match = regex_match(pattern, text, start, timeout)
        if match is not None:
            matches.append(match)
            next_free = match.end()
    return matches


def search_at(pattern: regex.Pattern[str], text: str, starts: list[int]) -> regex.Match[str] | None:
    """`pattern.search(text)` for a pattern whose every match starts at one of `starts` (ascending): the
    leftmost match is the first one found trying them in order."""
    timeout = regex_timeout(text)
    for start in starts:
        match = regex_match(pattern, text, start, timeout)
        if match is not None:
            return match
    return None


def literal_starts(text: str, literals: tuple[str, ...]) -> list[int]:
    """Every position where one of `literals` occurs in `text`, in ascending order."""
    starts = []
    for literal in literals:
        position = text.find(literal)
        while position >= 0:
            starts.append(position)
            position = text.find(literal, position + 1)
    starts.sort()
    return starts


def search(pattern: regex.Pattern[str], text: str, pos: int = 0) -> regex.Match[str] | None:
    return regex_search(pattern, text, pos, regex_timeout(text))
