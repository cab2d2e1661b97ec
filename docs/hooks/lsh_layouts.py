"""The LSH layout table of the threshold page, computed with the code that chooses the layout.

`newsclean.lsh.choose_bands` picks the bands x rows a run uses for each threshold; this table shows, for the
thresholds a user considers, the layout it picks at the default 128 permutations and how likely a pair of a
given Jaccard is to become a candidate under it, so the page cannot disagree with what a run does.
"""

from __future__ import annotations

from newsclean.dedupe_config import DedupeConfig
from newsclean.lsh import candidate_probability

THRESHOLDS = (0.5, 0.6, 0.65, 0.7, 0.75, 0.8, 0.9)
#: Jaccard values of pairs that are not copies: same-topic articles sit around 0.1-0.4.
OTHER_PAIRS = (0.5, 0.3)


def _percent(chance: float) -> str:
    """A chance as a percentage; one that rounds to a certainty says it is not one."""
    return "> 99.99%" if chance > 0.9999 else f"{chance:.2%}"


def render() -> str:
    """A Markdown table: threshold, layout, and the candidate chance at the threshold and below it."""
    default = DedupeConfig()
    head = (
        "| `--threshold` | bands x rows | a pair at the threshold | a pair at 0.5 | a pair at 0.3 |\n"
        "| ---: | :---: | ---: | ---: | ---: |"
    )
    rows = []
    for threshold in THRESHOLDS:
        bands, rows_per_band = DedupeConfig(threshold=threshold).band_layout()
        chances = [candidate_probability(s, bands, rows_per_band) for s in (threshold, *OTHER_PAIRS)]
        cells = " | ".join(_percent(chance) for chance in chances)
        mark = "**" if threshold == default.threshold else ""
        rows.append(f"| {mark}{threshold}{mark} | {bands} x {rows_per_band} | {cells} |")
    return "\n".join([head, *rows])
