"""newsclean over a Hugging Face `datasets.Dataset`: `map` in batches, then keep one row per story.

    ds = datasets.load_dataset("json", data_files="articles.jsonl", split="train")
    ds = clean_dataset(ds, num_proc=4)          # + clean_text, removed
    ds = dedupe_dataset(ds)                     # the kept rows
"""

from __future__ import annotations

from typing import Any

import datasets

import newsclean


def clean_batch(batch: dict[str, list[Any]]) -> dict[str, list[Any]]:
    """`Dataset.map(..., batched=True)`: the clean text and the kinds removed, for every row of the batch."""
    titles = batch.get("title") or [None] * len(batch["text"])
    results = [
        newsclean.clean(text, title=title if isinstance(title, str) else None)
        for text, title in zip(batch["text"], titles, strict=True)
    ]
    return {
        "clean_text": [result.text for result in results],
        "removed": [[removal.kind for removal in result.removals] for result in results],
    }


def clean_dataset(ds: datasets.Dataset, num_proc: int | None = None) -> datasets.Dataset:
    """Every row cleaned, in `num_proc` processes when given."""
    return ds.map(clean_batch, batched=True, batch_size=256, num_proc=num_proc)


def dedupe_dataset(ds: datasets.Dataset) -> datasets.Dataset:
    """The rows that are kept, one per story, with the story's `cluster` number."""
    found = newsclean.dedupe(ds)
    kept = ds.add_column("cluster", [verdict.cluster for verdict in found.verdicts()])
    return kept.select(found.kept_indexes)
