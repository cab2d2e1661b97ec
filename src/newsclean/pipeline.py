"""`newsclean.dedupe`: one entry point over the engines that run on one machine.

The stages are written once, in `newsclean.deduplication`: `sign_records` (read and reject, clean and sign),
`exact_groups`, `related_candidates`, `PairJudge.verify`, `star_clusters`, `choose_representatives`, the
relation columns and `number_clusters`. The engines differ in how data moves: the local run keeps every
record in memory (`deduplication.dedupe_signed`); the index run (`index.incremental.dedupe_with_index`) also
queries and updates a persistent index, inside one transaction; the Dask engine (`newsclean.engine`, imported
only with Dask) runs the same stage functions per partition. This module signs the records once and hands
them to the engine asked for, so neither engine imports the other.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from .dedupe_config import DedupeConfig
from .dedupe_models import DedupeResult
from .deduplication import Progress, check_text_field, dedupe_signed, sign_records
from .index.incremental import dedupe_with_index

if TYPE_CHECKING:
    from .index import Index


class StageClock:
    """Seconds per stage of one run: `lap(stage)` closes the stage that ran since the previous lap."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self._since = time.perf_counter()

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        self.seconds[stage] = round(now - self._since, 3)
        self._since = now


def dedupe(
    records: Iterable[Any],
    *,
    config: DedupeConfig | None = None,
    progress: Progress | None = None,
    index: Index | None = None,
) -> DedupeResult:
    """Find near-duplicate articles and keep one copy per story.

    `records`: mappings (dicts, pydantic `Article`s, or `newsclean.io` records and rejects) holding the
    article under `config.text_field` ("text"), and optionally `id_field` ("id"), `title_field`, `date_field`
    and `source`/`url`. Anything else (a bare string) raises `InputError`, as does a run in which no record
    has the text field (a wrong `text_field`); a record whose text is missing, null, empty or not a string is
    rejected (`result.rejects`, with its reason), so one bad record does not stop a corpus.
    Every record gets a verdict: its cluster, whether it is kept, the id of the kept copy of its story, and
    its relation (`exact`, `near`, `contained`, `template`) to the record it is tied to, with the evidence
    (Jaccard, resemblance, containment). Records that cannot be compared are in `result.rejects`.
    With `index` (`newsclean.Index.open(url)`), records are also compared against every article kept by
    earlier runs (duplicates get the indexed article's id) and the kept ones are added to it; that run
    decides by Jaccard alone (`DedupeConfig.jaccard_only`).
    """
    config = config or DedupeConfig()
    clock = StageClock()
    signed = sign_records(records, config, progress)
    check_text_field(signed, config.text_field)
    clock.lap("sign")
    if index is None:
        return dedupe_signed(signed, config, clock.lap, clock.seconds)
    result = dedupe_with_index(signed, config, index, clock.lap)
    return result.model_copy(update={"stats": result.stats.model_copy(update={"seconds": clock.seconds})})
