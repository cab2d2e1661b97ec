"""The CLI reference page, generated from the click commands of `newsclean.cli`.

Nothing here names a command or an option: the page walks the command tree and asks click for what `--help`
prints (each option's signature and help, with its default and choices), so a new command or option appears
on the site as soon as it exists, in the words of its `--help`.
"""

from __future__ import annotations

import inspect
import re

import click
from markup import fenced, inline

#: A line of help text that opens a fact of its own (`Kinds: ...`, `Exit codes: ...`): it starts a new line.
LABELLED_LINE = re.compile(r"[A-Z][A-Za-z ]{0,24}: ")


def click_text(text: str) -> list[str]:
    """Markdown blocks for click help text.

    A paragraph marked `\\b` (which click prints as written) is a titled code block when it is a title line
    over indented lines (`Examples:` and the commands), a code block when all its lines are indented, else
    prose wrapped by hand for a terminal: it is reflowed like any other paragraph, except that a line opening
    with a label (`Zones: ...`) starts a new line.
    """
    blocks = []
    for paragraph in inspect.cleandoc(text).split("\n\n"):
        lines = [line for line in paragraph.splitlines() if line.strip() != "\b"]
        if not lines:
            continue
        title, rest = lines[0].strip(), lines[1:]
        if title.endswith(":") and rest and all(line.startswith(" ") for line in rest):
            blocks.append(f"**{inline(title.rstrip(':'))}**\n\n{fenced(inspect.cleandoc(chr(10).join(rest)), 'bash')}")
        elif all(line.startswith(" ") for line in lines):
            blocks.append(fenced(inspect.cleandoc("\n".join(lines)), "bash"))
        else:
            blocks.append(_reflowed(lines))
    return blocks


def _reflowed(lines: list[str]) -> str:
    """Hand-wrapped lines as one paragraph, with a hard line break before each labelled line."""
    out = ""
    for line in (line.strip() for line in lines):
        if out:
            out += "<br>\n" if LABELLED_LINE.match(line) else " "
        out += inline(line)
    return out


def _option_items(command: click.Command, ctx: click.Context) -> list[str]:
    """One list item per option: its signature as `--help` shows it, then its help with default and range."""
    items = []
    for param in command.get_params(ctx):
        record = param.get_help_record(ctx)
        if record is None or param.name == "help":
            continue
        signature, help_text = record
        items.append(f"- `{signature}`" + (f"<br>\n  {inline(help_text)}" if help_text else ""))
    return items


def _command_section(command: click.Command, ctx: click.Context, depth: int) -> list[str]:
    """The section of one command, then those of its subcommands one heading level down."""
    path = ctx.command_path
    blocks = [f"{'#' * depth} `{path}`"]
    if command.help:
        blocks.extend(click_text(command.help))
    usage = " ".join(command.collect_usage_pieces(ctx))
    blocks.append(fenced(f"{path} {usage}".rstrip(), "bash"))
    options = _option_items(command, ctx)
    if options:
        blocks.append("**Options**\n\n" + "\n".join(options))
    if command.epilog:
        blocks.extend(click_text(command.epilog))
    if isinstance(command, click.Group):
        for name in command.list_commands(ctx):
            sub = command.get_command(ctx, name)
            if sub is not None and not sub.hidden:
                sub_ctx = context(sub, name, ctx)
                blocks.extend(_command_section(sub, sub_ctx, depth + 1))
    return blocks


def context(command: click.Command, name: str, parent: click.Context | None = None) -> click.Context:
    """The context click itself would give `command`: with its `context_settings`, so its help option is
    `-h, --help` as on the command line (click builds a command's help option once, from the first context
    that asks for it, so a context without those settings would take `-h` away from the real command)."""
    return click.Context(command, info_name=name, parent=parent, **command.context_settings)


def render(cli: click.Group, name: str = "newsclean") -> str:
    """The whole page: an introduction, then every command, depth first, in the order `--help` lists them."""
    ctx = context(cli, name)
    intro = (
        "# Command-line reference\n\n"
        "Generated from the commands themselves at every build of this site: each section says what "
        f"`{name} COMMAND -h` says. Every command takes `-h`/`--help`."
    )
    return "\n\n".join([intro, *_command_section(cli, ctx, 2)]) + "\n"
