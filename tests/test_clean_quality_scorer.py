"""The cleaning-quality scorer (`benchmarks/clean_quality.py`) whose figures the docs quote, on an article and
labels written here: what it counts as boilerplate left, content lost and a perfect article."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "benchmarks" / "clean_quality.py"

DATELINE = "JAKARTA, KABARKITA.id - "
LINES = [
    DATELINE + "Harga cabai rawit di pasar tradisional naik dua kali lipat dalam sepekan.",
    "Baca juga: Operasi Pasar Digelar di Tiga Kecamatan Kota Bandung",
    "Pedagang berharap pasokan dari luar daerah segera masuk sebelum Lebaran.",
    "(ant/rdp)",
]
RAW = "\n".join(LINES)
LABELS = [[0, 0, len(DATELINE), "dateline"], [1, 0, len(LINES[1]), "related"], [3, 0, 9, "credit"]]
CLEAN = "Harga cabai rawit di pasar tradisional naik dua kali lipat dalam sepekan.\n\n" + LINES[2]


@pytest.fixture(scope="module")
def scorer() -> ModuleType:
    """The script as a module (registered while it runs, as its dataclasses need)."""
    spec = importlib.util.spec_from_file_location("benchmarks_clean_quality", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def score(scorer: ModuleType, output: str) -> dict:
    tally = scorer.Tally()
    tally.add("a", scorer.gold_article(RAW, LABELS), output)
    return tally.figures()


def test_the_labels_cut_the_article_into_boilerplate_sentences_and_a_clean_text(scorer):
    gold = scorer.gold_article(RAW, LABELS)
    assert [kind for _, kind in gold.dropped] == ["dateline", "related", "credit"]
    assert gold.dropped[0][0] == DATELINE
    assert gold.clean_text == CLEAN.replace("\n\n", "\n")
    assert len(gold.sentences) == 2


def test_the_labelled_clean_text_scores_perfect_whatever_its_spacing_quotes_and_case(scorer):
    figures = score(scorer, CLEAN.upper().replace(" ", "  "))
    assert figures["boilerplate_recall"] == figures["content_retention"] == figures["docs_perfect"] == 1.0


def test_a_headline_left_behind_its_removed_label_counts_as_left(scorer):
    figures = score(scorer, CLEAN + "\n\nOperasi Pasar Digelar di Tiga Kecamatan Kota Bandung")
    assert figures["per_kind_recall"]["related"] < 0.5
    assert figures["per_kind_recall"]["dateline"] == 1.0
    assert figures["docs_perfect"] == 0.0 and figures["content_retention"] == 1.0


def test_a_lost_sentence_lowers_retention_by_its_characters(scorer):
    figures = score(scorer, LINES[2])
    first = scorer.canonical(CLEAN.split("\n\n")[0])
    second = scorer.canonical(LINES[2])
    assert figures["content_retention"] == pytest.approx(len(second) / (len(first) + len(second)))
    assert figures["boilerplate_recall"] == 1.0


def test_missing_labelled_sets_stop_with_exit_2_and_say_where_they_live(tmp_path):
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--data", str(tmp_path)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 2
    assert "dev-gold.jsonl not found" in done.stderr and "../shared/data/" in done.stderr
