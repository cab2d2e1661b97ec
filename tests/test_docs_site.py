"""The documentation site says what the code does: its generated pages cover every command, option and rule,
the outputs it quotes are what the commands print, and the guide names only options that exist.

The site itself is built by `mkdocs build --strict` in CI (.ci/run); these tests run its generators and check
its pages without MkDocs, so a drift shows up in the test suite too.
"""

from __future__ import annotations

import importlib
import re
import sys
from pathlib import Path
from types import ModuleType

import click
import pytest
from click.testing import CliRunner

from newsclean.cli import cli
from newsclean.models import REMOVAL_KINDS
from newsclean.patterns import LISTED_RULES

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
#: Flags the guide pages name that belong to other tools (the benchmark scripts, MkDocs), not to newsclean.
OTHER_TOOLS_FLAGS = {"--site-dir", "--sweep", "--more", "--whole", "--headless", "--dump-dom"}


def hook(name: str) -> ModuleType:
    """A module of `docs/hooks/`, imported as the site's build imports it (its directory on the path)."""
    sys.path.insert(0, str(DOCS / "hooks"))
    try:
        return importlib.import_module(name)
    finally:
        sys.path.remove(str(DOCS / "hooks"))


cli_reference = hook("cli_reference")


def commands(group: click.Group, ctx: click.Context) -> list[tuple[click.Command, click.Context]]:
    """Every command under `group`, with its context, depth first."""
    found = []
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        assert command is not None
        sub = cli_reference.context(command, name, ctx)
        found.append((command, sub))
        if isinstance(command, click.Group):
            found.extend(commands(command, sub))
    return found


def all_options() -> set[str]:
    ctx = cli_reference.context(cli, "newsclean")
    options = {opt for param in cli.params for opt in param.opts}
    for command, _ in commands(cli, ctx):
        options |= {opt for param in command.params if isinstance(param, click.Option) for opt in param.opts}
        options |= {opt for param in command.params if isinstance(param, click.Option) for opt in param.secondary_opts}
    return options


def test_the_cli_reference_has_every_command_and_every_option():
    page = cli_reference.render(cli)
    ctx = cli_reference.context(cli, "newsclean")
    for command, sub in commands(cli, ctx):
        assert f"`{sub.command_path}`" in page
        for param in command.get_params(sub):
            if isinstance(param, click.Option) and param.name != "help":
                assert f"`{param.get_help_record(sub)[0]}`" in page, (sub.command_path, param.name)
        if command.epilog and "Examples:" in command.epilog:
            first_example = command.epilog.split("Examples:")[1].strip().splitlines()[0].strip()
            assert first_example in page
    # Rendering leaves the commands as they were: `-h` still asks for help.
    assert CliRunner().invoke(cli, ["dedupe", "-h"]).exit_code == 0


def test_the_rule_catalogue_has_every_rule_with_its_examples():
    page = hook("rule_catalogue").render()
    for rule in LISTED_RULES:
        section = page.split(f"### `{rule.name}`")[1].split("\n### ")[0]
        assert f"kind `{rule.kind}`" in section and f"zone `{rule.zone}`" in section
        assert section.count("<mark>") == len(rule.positives) + len(rule.keeps)
        assert section.count('class="rule-example"') == len(rule.positives) + len(rule.traps) + len(rule.keeps)


def test_the_lsh_table_shows_the_layout_a_run_uses():
    from newsclean import DedupeConfig

    table = hook("lsh_layouts").render()
    bands, rows = DedupeConfig().band_layout()
    assert f"| **0.7** | {bands} x {rows} |" in table


def test_the_cleaning_guide_explains_every_removal_kind():
    page = (DOCS / "guide" / "cleaning.md").read_text(encoding="utf-8")
    explained = set(re.findall(r"^\| `([a-z]+)` \|", page, flags=re.MULTILINE))
    assert explained == set(REMOVAL_KINDS)


@pytest.mark.parametrize("example", ["articles", "relations"])
def test_the_clusters_the_guide_quotes_are_what_dedupe_writes(tmp_path, example):
    clusters = tmp_path / "clusters.jsonl"
    result = CliRunner().invoke(
        cli, ["dedupe", str(ROOT / "examples" / f"{example}.jsonl"), "-o", str(tmp_path / "kept.jsonl"),
              "--clusters", str(clusters)]
    )
    assert result.exit_code == 0, result.output
    quoted = (DOCS / "snippets" / f"{example}-clusters.jsonl").read_text(encoding="utf-8")
    assert clusters.read_text(encoding="utf-8") == quoted


def test_the_guide_names_only_options_that_exist():
    known = all_options() | OTHER_TOOLS_FLAGS
    pages = [DOCS / "index.md", *sorted((DOCS / "guide").glob("*.md"))]
    for page in pages:
        named = set(re.findall(r"(?<![\w-])--[a-z][a-z-]*[a-z]", page.read_text(encoding="utf-8")))
        assert named - known == set(), page.name
