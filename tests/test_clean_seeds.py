"""Golden tests: the two seed documents clean to exactly what a reader expects."""

from pathlib import Path

import pytest

from newsclean import clean, normalize

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def _seed(prefix: str) -> str:
    return next(p for p in SEEDS if p.name.startswith(prefix)).read_text(encoding="utf-8")


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_seed_matches_golden_output(seed: Path) -> None:
    golden = (ROOT / "tests" / "golden" / f"{seed.stem}.clean.txt").read_text(encoding="utf-8")
    assert clean(seed.read_text(encoding="utf-8")).text + "\n" == golden


def test_republika_seed_loses_only_its_dateline() -> None:
    result = clean(_seed("000"))
    assert result.paragraphs == 10
    assert [r.kind for r in result.removals] == ["dateline"]
    assert result.dateline is not None
    assert (result.dateline.outlet, result.dateline.city) == ("REPUBLIKA.CO.ID", "MOSKOW")
    assert result.text.startswith("Rusia tidak setuju melatih pasukan Irak")


def test_indopost_seed_keeps_one_copy_of_each_paragraph() -> None:
    result = clean(_seed("004"))
    paragraphs = result.text.split("\n\n")
    assert len(paragraphs) == len(set(paragraphs)) == 5
    assert paragraphs[0].startswith("Juru bicara Kremlin Dmitry Peskov menuturkan, sampai saat ini pihaknya dan")
    assert "\n" not in paragraphs[0]
    assert "(30/8)" in result.text and "Lavorv" in result.text
    assert "INDOPOST" not in result.text and "(Sputnik)" not in result.text and "esn/indo" not in result.text
    assert result.credits == ("Sputnik", "esn/indo")
    assert (result.dateline.outlet, result.dateline.city) == ("INDOPOST", "MOSKOW")
    kinds = [r.kind for r in result.removals]
    assert kinds.count("repeat") == 4 and "caption" in kinds


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_every_removal_points_into_the_normalized_text(seed: Path) -> None:
    raw = seed.read_text(encoding="utf-8")
    normalized = normalize(raw)
    for removal in clean(raw).removals:
        assert normalized[removal.start : removal.end] == removal.text
        assert removal.rule
