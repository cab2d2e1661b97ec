"""The options users reach for, through the CLI's entry point: the cleaned text beside the raw one
(--output-field, --normalized-field), rules from the command line (--disable, --enable), and articles that
cleaning leaves empty or too short (--min-words), for `clean` and, where they apply, `dedupe`."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pytest

from newsclean.cli import main
from newsclean.patterns import LISTED_RULES

ARTICLE = (
    "JAKARTA, KOMPAS.com - Harga cabai rawit di pasar tradisional naik menjadi Rp80.000 per kilogram.\n\n"
    "Baca juga: Harga Beras Turun Lagi\n\n"
    "Pedagang mengatakan pasokan dari petani berkurang karena hujan.\u00a0\u00a0Warga mengeluh "
    "harga &amp; ongkos CafÃ© naik.\n\n"
    "(esn/indo)"
)
BOILERPLATE_ONLY = "Baca juga: Harga Beras Turun Lagi\n\nSCROLL TO CONTINUE WITH CONTENT"
SHORT = "JAKARTA, KOMPAS.com - Banjir surut pagi ini."
VOCABULARY = (
    "pemerintah kota menyiapkan personel gabungan untuk mengamankan perayaan malam tahun baru di alun-alun "
    "kepala dinas perhubungan mengatakan ruas jalan ditutup sejak sore hingga acara selesai harga cabai rawit"
)


def invoke(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """(exit code, stdout, stderr) of `newsclean ARGS` through the entry point that maps errors to exit codes."""
    with pytest.raises(SystemExit) as exited:
        main(args)
    captured = capsys.readouterr()
    return int(exited.value.code or 0), captured.out, captured.err


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def removals(record: dict) -> list[tuple[str, str]]:
    return [(r["kind"], r["rule"]) for r in record["newsclean"]["removals"]]


# ------------------------------------------------------------------------------- the cleaned text beside the raw


def test_output_field_keeps_the_raw_text_and_normalized_field_is_what_the_offsets_point_into(tmp_path, capsys):
    source = write_jsonl(tmp_path / "in.jsonl", [{"id": 1, "text": ARTICLE}])
    out = tmp_path / "out.jsonl"
    args = ["clean", str(source), "--no-learn", "-o", str(out), "--output-field", "clean", "--normalized-field", "norm"]
    code, _, err = invoke(args, capsys)
    assert code == 0, err
    [record] = read_jsonl(out)
    assert record["text"] == ARTICLE
    assert "Harga cabai rawit" in record["clean"] and "Baca juga" not in record["clean"] and "esn/indo" not in record["clean"]
    assert "Café" in record["clean"] and "&amp;" not in record["norm"]  # normalization repaired the mojibake
    found = record["newsclean"]["removals"]
    assert {r["kind"] for r in found} >= {"dateline", "related", "credit"}
    assert all(record["norm"][r["start"] : r["end"]] == r["text"] for r in found)
    assert any(record["text"][r["start"] : r["end"]] != r["text"] for r in found)  # not offsets into the raw text


def test_without_output_field_the_text_is_replaced_as_before(tmp_path, capsys):
    source = write_jsonl(tmp_path / "in.jsonl", [{"id": 1, "text": ARTICLE}])
    code, out, _ = invoke(["clean", str(source), "--no-learn"], capsys)
    [record] = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and record["text"].startswith("Harga cabai rawit") and set(record) == {"id", "text", "newsclean"}


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--output-field", "newsclean"], "where the report goes"),
        (["--normalized-field", "text"], "--normalized-field must differ"),
        (["--output-field", "clean", "--normalized-field", "clean"], "--normalized-field must differ"),
    ],
)
def test_output_fields_that_would_overwrite_each_other_are_usage_errors(tmp_path, capsys, options, message):
    source = write_jsonl(tmp_path / "in.jsonl", [{"id": 1, "text": ARTICLE}])
    code, out, err = invoke(["clean", str(source), "--no-learn", *options], capsys)
    assert code == 2 and message in err and out == ""


def test_dedupe_output_field_writes_the_clean_text_beside_the_original(tmp_path, capsys):
    source = write_jsonl(tmp_path / "in.jsonl", [{"id": 1, "text": ARTICLE}, {"id": 2, "text": ARTICLE}])
    kept = tmp_path / "kept.jsonl"
    code, _, err = invoke(["dedupe", str(source), "--workers", "1", "-o", str(kept), "--output-field", "clean"], capsys)
    assert code == 0, err
    [record] = read_jsonl(kept)
    assert record["id"] == 1 and record["text"] == ARTICLE
    assert record["clean"].startswith("Harga cabai rawit") and "Baca juga" not in record["clean"]


def examples(command: str, capsys: pytest.CaptureFixture[str]) -> tuple[str, list[str]]:
    """(the whole --help of `command`, its example command lines)."""
    code, out, _ = invoke([command, "--help"], capsys)
    assert code == 0
    return out, re.findall(r"^ +(newsclean .*)$", out.split("Examples:")[1], flags=re.MULTILINE)


def test_help_has_examples_of_the_new_options_and_says_where_the_offsets_point(capsys):
    clean_help, clean_lines = examples("clean", capsys)
    _, dedupe_lines = examples("dedupe", capsys)
    _, learn_lines = examples("learn", capsys)
    assert "newsclean.normalize(text)" in clean_help
    wanted = {
        "clean": ("--output-field", "--normalized-field", "--disable", "--enable", "--min-words", "--quiet"),
        "dedupe": ("--output-field", "--disable", "--progress-every"),
        "learn": ("--quiet", "--progress-every"),
    }
    for command, lines in (("clean", clean_lines), ("dedupe", dedupe_lines), ("learn", learn_lines)):
        assert all(any(option in line for line in lines) for option in wanted[command]), command
    named = re.findall(r"--(?:disable|enable) ([\w.]+)", "\n".join(clean_lines + dedupe_lines))
    known = {name for rule in LISTED_RULES for name in (rule.name, rule.kind)}
    assert named and set(named) <= known  # the examples name rules and kinds that exist


# ---------------------------------------------------------------------------------- rules from the command line


def clean_one(tmp_path: Path, capsys, *options: str) -> tuple[dict, list[tuple[str, str]]]:
    source = write_jsonl(tmp_path / "in.jsonl", [{"id": 1, "text": ARTICLE}])
    code, out, err = invoke(["clean", str(source), "--no-learn", *options], capsys)
    assert code == 0, err
    record = json.loads(out)
    return record, removals(record)


def test_disable_a_kind_keeps_its_text_and_enable_keeps_one_rule_of_it_on(tmp_path, capsys):
    _, default = clean_one(tmp_path, capsys)
    assert ("related", "related.line") in default and ("credit", "credit.code_line") in default
    record, found = clean_one(tmp_path, capsys, "--disable", "related", "--disable", "credit.code_line")
    assert not any(kind == "related" for kind, _ in found) and ("credit", "credit.code_line") not in found
    assert "Baca juga: Harga Beras Turun Lagi" in record["text"] and "(esn/indo)" in record["text"]
    assert ("dateline", "dateline.city_brand") in found  # what was not named still goes
    record, found = clean_one(tmp_path, capsys, "--disable", "related", "--enable", "related.line")
    assert ("related", "related.line") in found and "Baca juga" not in record["text"]


def test_every_name_and_kind_newsclean_rules_lists_is_accepted_by_disable(tmp_path, capsys):
    code, out, _ = invoke(["rules", "--json"], capsys)
    assert code == 0
    listed = json.loads(out)
    names = sorted({r["name"] for r in listed} | {r["kind"] for r in listed})
    assert {"learned.segment", "learned.template", "learned.tag_lines", "credit", "dateline"} <= set(names)
    options = [part for name in names for part in ("--disable", name)]
    record, found = clean_one(tmp_path, capsys, *options)
    assert found == [] and record["text"].startswith("JAKARTA, KOMPAS.com")


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        (["--disable", "credits"], "'credits' is not a rule or a kind; did you mean credit"),
        (["--disable", "dateline.city_brnd"], "did you mean dateline.city_brand"),
        (["--disable", "learned"], "did you mean learned.segment, learned.template, learned.dateline_prefix"),
        (["--enable", "related.lines"], "'related.lines' is not a rule; did you mean related.line"),
        (["--enable", "credit"], "'credit' is a kind: --enable takes rule names"),
        (["--disable", "related.line", "--enable", "related.line"], "also given to --disable"),
    ],
)
def test_unknown_or_contradictory_names_are_usage_errors_with_suggestions(tmp_path, capsys, options, expected):
    source = write_jsonl(tmp_path / "in.jsonl", [{"id": 1, "text": ARTICLE}])
    for command in (["clean", "--no-learn"], ["dedupe", "--workers", "1"]):
        code, out, err = invoke([command[0], str(source), *command[1:], *options], capsys)
        assert code == 2 and expected in err and out == ""


def learned_corpus(path: Path) -> Path:
    """Forty stories of one outlet, each with the outlet's own appeal in the middle: nothing the rules know,
    so only a learned profile removes it."""
    rnd = random.Random(5)
    words = VOCABULARY.split()
    records = []
    for number in range(40):
        paragraphs = [" ".join(rnd.choice(words) for _ in range(25)).capitalize() + "." for _ in range(3)]
        paragraphs.insert(1, "Kirim kabar dan foto kejadian di sekitar Anda lewat aplikasi Warta Kita, unduh gratis.")
        records.append({"id": number, "source": "wartakita.id", "text": "\n\n".join(paragraphs)})
    return write_jsonl(path, records)


def test_disable_a_kind_turns_off_learned_removals_of_that_kind(tmp_path, capsys):
    source = learned_corpus(tmp_path / "in.jsonl")
    code, out, err = invoke(["clean", str(source)], capsys)
    assert code == 0, err
    learned = [r for line in out.splitlines() for r in json.loads(line)["newsclean"]["removals"]]
    assert learned and all(r["rule"].startswith("learned.") for r in learned)
    kind = learned[0]["kind"]
    code, out, err = invoke(["clean", str(source), "--disable", kind], capsys)
    assert code == 0, err
    records = [json.loads(line) for line in out.splitlines()]
    assert all("Kirim kabar dan foto kejadian" in r["text"] for r in records)
    assert not any(r["kind"] == kind for record in records for r in record["newsclean"]["removals"])


def test_dedupe_compares_the_text_cleaned_with_the_rules_given(tmp_path, capsys):
    """Two copies that differ only in their credit code are exact duplicates once credits are removed, and
    only near ones when --disable credit leaves the codes in."""
    other = ARTICLE.replace("(esn/indo)", "(abc/xyz)")
    source = write_jsonl(tmp_path / "in.jsonl", [{"id": 1, "text": ARTICLE}, {"id": 2, "text": other}])
    relations = {}
    for options in ([], ["--disable", "credit"]):
        clusters = tmp_path / "clusters.jsonl"
        code, _, err = invoke(
            ["dedupe", str(source), "--workers", "1", "--clusters", str(clusters), "-o", str(tmp_path / "k"), *options],
            capsys,
        )
        assert code == 0, err
        relations[tuple(options)] = read_jsonl(clusters)[1].get("relation")
    assert relations == {(): "exact", ("--disable", "credit"): "near"}


def test_no_clean_refuses_rule_options(tmp_path, capsys):
    source = write_jsonl(tmp_path / "in.jsonl", [{"id": 1, "text": ARTICLE}])
    code, _, err = invoke(["dedupe", str(source), "--no-clean", "--disable", "credit"], capsys)
    assert code == 2 and "do not go with --no-clean" in err


# ------------------------------------------------------------------------------------ empty and short articles


def test_an_article_left_empty_is_a_reject_and_min_words_rejects_short_ones(tmp_path, capsys):
    records = [{"id": 1, "text": ARTICLE}, {"id": 2, "text": BOILERPLATE_ONLY}, {"id": 3, "text": SHORT}]
    source = write_jsonl(tmp_path / "in.jsonl", records)
    out, rejects, report = tmp_path / "out.jsonl", tmp_path / "rejects.jsonl", tmp_path / "report.json"
    args = ["clean", str(source), "--no-learn", "-o", str(out), "--rejects", str(rejects), "--report", str(report)]

    code, _, err = invoke(args, capsys)
    assert code == 0 and "rejects: empty after cleaning 1, too short after cleaning 1" in err
    assert [r["id"] for r in read_jsonl(out)] == [1]
    empty, short = read_jsonl(rejects)
    assert empty["line"] == 2 and empty["reason"] == "empty after cleaning: everything was removed (related 1, ad 1)"
    assert short["line"] == 3 and short["reason"] == "too short after cleaning: 4 words, --min-words 8"

    code, _, err = invoke([*args, "--min-words", "1"], capsys)
    assert code == 0 and "rejects: empty after cleaning 1" in err
    assert [r["id"] for r in read_jsonl(out)] == [1, 3]
    assert json.loads(report.read_text())["rejects_by_reason"] == {"empty after cleaning": 1}

    code, _, err = invoke([*args, "--min-words", "5"], capsys)
    assert code == 0
    assert [r["id"] for r in read_jsonl(out)] == [1]
    reasons = {r["line"]: r["reason"] for r in read_jsonl(rejects)}
    assert reasons[3] == "too short after cleaning: 4 words, --min-words 5"
    figures = json.loads(report.read_text())
    assert figures["rejects_by_reason"] == {"empty after cleaning": 1, "too short after cleaning": 1}
    assert figures["records"] == 3 and figures["cleaned"] == 1 and figures["rejected"] == 2

    code, _, _ = invoke([*args, "--min-words", "0"], capsys)
    assert code == 0 and [r["text"] for r in read_jsonl(out)][1] == ""


def test_strict_stops_at_an_article_left_empty(tmp_path, capsys):
    source = write_jsonl(tmp_path / "in.jsonl", [{"id": 1, "text": ARTICLE}, {"id": 2, "text": BOILERPLATE_ONLY}])
    code, out, err = invoke(["clean", str(source), "--no-learn", "--strict"], capsys)
    assert code == 2 and out == "" and "in.jsonl:2: empty after cleaning" in err


def test_options_for_records_are_refused_with_a_txt_article(tmp_path, capsys):
    article = tmp_path / "a.txt"
    article.write_text("JAKARTA, KOMPAS.com - Harga cabai rawit di pasar induk naik lagi pekan ini.", encoding="utf-8")
    code, out, err = invoke(["clean", str(article), "--output-field", "x", "--report", str(tmp_path / "r.json")], capsys)
    assert code == 2 and out == ""
    assert "--output-field, --report: for records (JSONL, CSV, Parquet), not a .txt article" in err
    assert not (tmp_path / "r.json").exists()
