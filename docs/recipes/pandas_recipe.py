"""newsclean over a pandas DataFrame: a clean text column beside the raw one, and one row per story.

    frame = pandas.read_json("articles.jsonl", lines=True)
    frame = clean_frame(frame)                  # + clean_text, removed
    stories = dedupe_frame(frame)               # the kept rows, with their cluster
"""

from __future__ import annotations

import pandas as pd

import newsclean


def _title(value: object) -> str | None:
    """A title cell as `clean` takes it: missing cells (NaN, None) are no title."""
    return value if isinstance(value, str) else None


def clean_frame(frame: pd.DataFrame, text: str = "text", title: str = "title") -> pd.DataFrame:
    """The frame with `clean_text` (the article alone) and `removed` (the kind of each removal) beside it."""
    titles = frame[title] if title in frame else [None] * len(frame)
    results = [newsclean.clean(raw, title=_title(head)) for raw, head in zip(frame[text], titles, strict=True)]
    return frame.assign(
        clean_text=[result.text for result in results],
        removed=[[removal.kind for removal in result.removals] for result in results],
    )


def clean_frame_with_profile(frame: pd.DataFrame, text: str = "text", source: str = "source") -> pd.DataFrame:
    """Learn each source's boilerplate from the frame itself (as `newsclean clean FILE` does), then clean."""
    records = frame.to_dict("records")
    profile = newsclean.learn(records)
    cleaned = [
        newsclean.clean(row[text], source=str(row[source]).strip().casefold(), profile=profile).text
        for row in records
    ]
    return frame.assign(clean_text=cleaned)


def dedupe_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per story: the kept rows, with the story's `cluster` number. The frame needs a `text`
    column; `id`, `source` and `date` are used when present."""
    found = newsclean.dedupe(frame.to_dict("records"))
    verdicts = pd.DataFrame([verdict.to_json() for verdict in found.verdicts()], index=frame.index)
    return frame.assign(cluster=verdicts["cluster"], relation=verdicts.get("relation"))[verdicts["kept"]]
