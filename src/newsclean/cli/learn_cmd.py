"""`newsclean learn`: learn each source's boilerplate from a corpus and write it as an editable profile."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

import click

from ..errors import InputError
from ..io import InputRecord, input_bytes, read_inputs, text_problem
from ..learning.learn import learn
from ..learning.profile import LearnSettings, Profile
from ..read_meter import ReadMeter
from .common import plural
from .progress import Feedback, feedback_options

EPILOG = """\b
Examples:
  newsclean learn articles.jsonl -o profile.json
  newsclean learn day1.jsonl day2.jsonl.gz --sample 1000 -o profile.json
  newsclean learn scraped.jsonl --min-stories 6 --min-share 0.03 -o strict-profile.json
  newsclean clean articles.jsonl --profile profile.json -o clean.jsonl
  newsclean learn big.jsonl.gz -o profile.json --progress-every 60 2>> learn.log
  newsclean learn articles.jsonl -o profile.json --quiet

\b
Records are grouped by their "source" field (else the host of their "url"). Per source, a bottom-k
sample (the same whatever the input order) is normalized and split into segments; copies of one
story are found with MinHash LSH and count once; a segment or a template with slots that recurs in
enough distinct stories, in the same part of the article, is learned with its kind, its story count
and an example. The profile is JSON: delete an entry to keep that text. Progress is on stderr: a bar
with the share of the input read and the time left on a terminal, a line every 10 s otherwise (a log).
Exit codes: 0 success, 2 usage or input error (or no record with a usable text), 130 interrupted,
143 terminated.
"""


def read_for_learning(
    paths: tuple[str, ...] | list[str], text_field: str, encoding_errors: str = "reject", meter: ReadMeter | None = None
) -> Iterator[Mapping[str, Any]]:
    """The data of the input records with a usable text, for `learn` (the others are left to `clean`, which
    rejects and reports them, or to `newsclean learn`, which fails when no record is usable)."""
    for item in read_inputs(list(paths), encoding_errors=encoding_errors, required=(text_field,), meter=meter):
        if isinstance(item, InputRecord) and text_problem(item.data, text_field) is None:
            yield item.data


def learn_profile(
    paths: tuple[str, ...] | list[str],
    settings: LearnSettings,
    text_field: str,
    encoding_errors: str = "reject",
    feedback: Feedback | None = None,
) -> Profile:
    """Learn a profile from the records of `paths`, with progress on stderr."""
    meter = ReadMeter(input_bytes(paths))
    records = read_for_learning(paths, text_field, encoding_errors, meter)
    return learn((feedback or Feedback()).track(records, "newsclean learn", meter), settings, text_field=text_field)


def describe(profile: Profile) -> str:
    entries = sum(len(s.segments) for s in profile.sources.values())
    documents = sum(s.documents for s in profile.sources.values())
    return (
        f"newsclean learn: {plural(documents, 'article')} of {plural(len(profile.sources), 'source')}, "
        f"{entries:,} learned {'entry' if entries == 1 else 'entries'}"
    )


@click.command("learn", epilog=EPILOG)
@click.argument("input_paths", metavar="IN...", nargs=-1, required=True, type=click.Path(dir_okay=True))
@click.option(
    "-o",
    "--output",
    "output_path",
    type=click.Path(dir_okay=False),
    required=True,
    help="Where to write the profile (JSON). Written atomically.",
)
@click.option("--text-field", default="text", show_default=True, help="Field holding the article text.")
@click.option(
    "--sample",
    "sample_per_source",
    type=click.IntRange(1),
    default=LearnSettings().sample_per_source,
    show_default=True,
    help="Articles learned from per source.",
)
@click.option(
    "--min-stories",
    type=click.IntRange(2),
    default=LearnSettings().min_stories,
    show_default=True,
    help="Distinct stories a segment must recur in.",
)
@click.option(
    "--min-share",
    type=click.FloatRange(0, 1, min_open=True),
    default=LearnSettings().min_share,
    show_default=True,
    help="...and at least this share of the source's sampled stories.",
)
@click.option(
    "--encoding-errors",
    type=click.Choice(["reject", "replace"]),
    default="reject",
    show_default=True,
    help="Lines with bytes that are not UTF-8: skip them, or decode the bad bytes as U+FFFD.",
)
@feedback_options
def learn_command(
    input_paths: tuple[str, ...],
    output_path: str,
    text_field: str,
    sample_per_source: int,
    min_stories: int,
    min_share: float,
    encoding_errors: str,
    feedback: Feedback,
) -> None:
    """Learn the boilerplate of each source (outlet) of scraped articles: footers, promos, bylines, tags.

    IN is one or more JSONL (.jsonl, .jsonl.gz), CSV or Parquet files, or directories of them.
    """
    settings = LearnSettings(sample_per_source=sample_per_source, min_stories=min_stories, min_share=min_share)
    profile = learn_profile(input_paths, settings, text_field, encoding_errors, feedback)
    if not any(source.documents for source in profile.sources.values()):
        raise InputError(f"no record of IN has a usable text in {text_field!r} (--text-field NAME): nothing to learn")
    profile.save(output_path)
    feedback.summary(describe(profile))
