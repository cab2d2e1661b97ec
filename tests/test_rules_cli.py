"""`newsclean rules`: the registry as a table and as JSON, its filters, and its usage errors."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from newsclean.cli import cli
from newsclean.cli.rules_cmd import table
from newsclean.patterns import LISTED_RULE_NAMES as RULE_NAMES
from newsclean.patterns import LISTED_RULES as REGISTRY
from newsclean.patterns import Rule


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["rules", *args])
    return result.exit_code, result.output


def test_json_lists_exactly_the_registry() -> None:
    code, output = run("--json")
    assert code == 0
    records = json.loads(output)
    assert [record["name"] for record in records] == list(RULE_NAMES)
    for record, entry in zip(records, REGISTRY, strict=True):
        assert (record["kind"], record["zone"], record["why"]) == (entry.kind, entry.zone, entry.why)
        assert record["kind"] and record["zone"] and record["why"]
        if isinstance(entry, Rule):
            assert (record["written_as"], record["pattern"]) == ("pattern", entry.pattern.pattern)
        else:
            assert (record["written_as"], record["code"]) == ("code", list(entry.code))


def test_the_table_has_one_line_per_rule_with_the_whole_why() -> None:
    code, output = run()
    assert code == 0
    lines = output.splitlines()
    assert len(lines) == len(REGISTRY)
    # Aligned: the why starts in the same column on every line.
    assert len({line.index(entry.why) for line, entry in zip(lines, REGISTRY, strict=True)}) == 1
    for line, entry in zip(lines, REGISTRY, strict=True):
        assert line.split()[:3] == [entry.name, entry.kind, entry.zone]
        assert line.endswith(entry.why)


def test_a_terminal_gets_the_why_cut_to_its_width() -> None:
    lines = table(list(REGISTRY), 100)
    assert len(lines) == len(REGISTRY)
    assert all(len(line) <= 100 for line in lines)
    assert any(line.endswith("…") for line in lines)


def test_kind_and_zone_filter() -> None:
    code, output = run("--kind", "credit", "--json")
    assert code == 0
    assert [r["name"] for r in json.loads(output)] == [e.name for e in REGISTRY if e.kind == "credit"]
    code, output = run("--zone", "tail")
    assert code == 0
    assert [line.split()[0] for line in output.splitlines()] == [e.name for e in REGISTRY if e.zone == "tail"]
    code, output = run("--kind", "byline", "--zone", "tail", "--zone", "line", "--json")
    expected = [e.name for e in REGISTRY if e.kind == "byline" and e.zone in ("tail", "line")]
    assert code == 0 and [r["name"] for r in json.loads(output)] == expected


def test_an_unknown_kind_or_zone_is_a_usage_error_naming_the_known_ones() -> None:
    code, output = run("--kind", "credits")
    assert code == 2
    assert "'credit'" in output and "'dateline'" in output
    code, output = run("--zone", "footer")
    assert code == 2
    assert "'tail'" in output and "'repeats'" in output


def test_help_shows_examples() -> None:
    code, output = run("--help")
    assert code == 0
    assert "Examples:" in output and "newsclean rules --kind credit" in output and "--json" in output


def test_the_installed_command_lists_the_registry() -> None:
    executable = shutil.which("newsclean") or str(Path(sys.executable).with_name("newsclean"))
    done = subprocess.run([executable, "rules", "--json"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert [record["name"] for record in json.loads(done.stdout)] == list(RULE_NAMES)
    done = subprocess.run([executable, "rules", "--zone", "nowhere"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and "nowhere" in done.stderr
