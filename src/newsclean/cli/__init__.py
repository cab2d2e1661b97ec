"""The `newsclean` command: thin click commands over the library.

Exit codes: 0 success, 2 usage or input error (also a `clean` or `dedupe` run that rejected every record, or
more than `--max-rejects` of them), 130 interrupted (Ctrl-C), 141 stdout closed by its reader (`| head`), 143
terminated (SIGTERM). Data goes to stdout or -o files; progress, logs and summaries go to stderr.
"""

from __future__ import annotations

import os
import signal
import sys
from types import FrameType

import click

from .._version import __version__
from ..errors import NewscleanError
from .clean_cmd import clean_command
from .dedupe_cmd import dedupe_command
from .index_cmd import index_command
from .learn_cmd import learn_command
from .rules_cmd import rules_command

#: 128 + SIGPIPE, what a shell reports for a pipeline writer whose reader closed first.
EXIT_BROKEN_PIPE = 141
CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 110}


def _print_version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    """`--version` names the signature backend and the cleaner's build too, so a bug report says whether the C
    kernel ran and whether the cleaner was compiled."""
    if not value or ctx.resilient_parsing:
        return
    from ..cleaner.passes import CLEANER_BACKEND
    from ..signature import BACKEND

    click.echo(
        f"newsclean {__version__} (signature backend: {BACKEND}, cleaner: {CLEANER_BACKEND}, "
        f"python {sys.version.split()[0]})"
    )
    ctx.exit(0)


@click.group(context_settings=CONTEXT, epilog="Example:\n\n\b\n  newsclean clean articles.jsonl -o clean.jsonl")
@click.option(
    "-V",
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_print_version,
    help="Show the version, the signature backend and the cleaner's build, then exit.",
)
def cli() -> None:
    """Clean and deduplicate scraped Indonesian news.

    Exit codes: 0 success, 2 usage or input error, or a clean/dedupe run that rejected every record
    (or more than --max-rejects of them), 130 interrupted, 141 stdout closed early (| head), 143 terminated.
    """


cli.add_command(clean_command)
cli.add_command(dedupe_command)
cli.add_command(index_command)
cli.add_command(learn_command)
cli.add_command(rules_command)


def _terminate(_signum: int, _frame: FrameType | None) -> None:
    """SIGTERM (`kill`, a scheduler's timeout) unwinds like Ctrl-C, so temporary output files are removed."""
    raise SystemExit(143)


def _stdout_closed() -> None:
    """The reader of stdout went away (`newsclean clean big.jsonl | head`): point stdout at /dev/null so the
    interpreter's final flush does not fail again, and exit like a process killed by SIGPIPE."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    sys.exit(EXIT_BROKEN_PIPE)


def main(argv: list[str] | None = None) -> None:
    """Entry point: maps our errors to exit 2, Ctrl-C to exit 130, SIGTERM to 143 and a closed stdout to 141,
    never a traceback.

    The command is invoked directly rather than through `click`'s `main`, which turns a broken pipe into a
    bare exit 1 before it can reach the handler here.
    """
    signal.signal(signal.SIGTERM, _terminate)
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        with cli.make_context("newsclean", args) as ctx:
            cli.invoke(ctx)
    except click.exceptions.Exit as done:
        sys.exit(done.exit_code)
    except click.exceptions.Abort:
        click.echo("newsclean: interrupted", err=True)
        sys.exit(130)
    except KeyboardInterrupt:
        click.echo("newsclean: interrupted", err=True)
        sys.exit(130)
    except click.ClickException as err:
        err.show()
        sys.exit(2)
    except NewscleanError as err:
        click.echo(f"newsclean: error: {err}", err=True)
        sys.exit(2)
    except BrokenPipeError:
        _stdout_closed()
    sys.exit(0)
