"""`--disable RULE_OR_KIND` and `--enable RULE`: the cleaner's rules from the command line, as a `CleanConfig`.

The names are those `newsclean rules` lists: a rule's name turns that rule off; a kind's name turns off every
rule of that kind, learned removals of that kind included (a learned entry carries the kind its words name).
`--enable RULE` keeps one rule on inside a disabled kind. No rule is off by default, so `--enable` takes rule
names only: a kind is on unless `--disable` names it. A name that is neither is a usage error (exit 2) that
suggests the closest names, since a typo would otherwise turn nothing off and say nothing.
"""

from __future__ import annotations

import difflib
import functools
from collections.abc import Callable
from typing import Any

import click

from ..config import RULE_KIND_NAMES, CleanConfig
from ..patterns import LISTED_RULE_NAMES

#: Shown in `--help` of the commands that take the options.
DISABLE_HELP = (
    "Turn off a rule, or every rule of a kind (learned removals of that kind too); repeatable. "
    "`newsclean rules` lists the names and kinds."
)
ENABLE_HELP = "Keep a rule on although --disable names its kind; repeatable."


def suggestions(name: str) -> list[str]:
    """The rule and kind names a user most likely meant: the rules under a prefix (`learned` ->
    `learned.segment`, ...), else the closest spellings."""
    under = [rule for rule in LISTED_RULE_NAMES if rule.startswith(name + ".")]
    if under:
        return under[:5]
    return difflib.get_close_matches(name, (*LISTED_RULE_NAMES, *RULE_KIND_NAMES), n=3, cutoff=0.6)


def _unknown(name: str, option: str, what: str) -> click.BadParameter:
    close = suggestions(name)
    hint = f"; did you mean {', '.join(close)}?" if close else ""
    return click.BadParameter(f"{name!r} is not {what}{hint} (`newsclean rules` lists them)", param_hint=option)


def clean_config(disable: tuple[str, ...], enable: tuple[str, ...]) -> CleanConfig:
    """The `CleanConfig` of `--disable` and `--enable` names; a usage error for a name that is not known."""
    rules: set[str] = set()
    kinds: set[str] = set()
    for name in disable:
        if name in RULE_KIND_NAMES:
            kinds.add(name)
        elif name in LISTED_RULE_NAMES:
            rules.add(name)
        else:
            raise _unknown(name, "'--disable'", "a rule or a kind")
    for name in enable:
        if name in RULE_KIND_NAMES:
            raise click.BadParameter(
                f"{name!r} is a kind: --enable takes rule names (every kind is on unless --disable names it)",
                param_hint="'--enable'",
            )
        if name not in LISTED_RULE_NAMES:
            raise _unknown(name, "'--enable'", "a rule")
        if name in rules:
            raise click.BadParameter(f"{name!r} is also given to --disable", param_hint="'--enable'")
    return CleanConfig.model_validate(
        {"disabled_rules": frozenset(rules), "disabled_kinds": frozenset(kinds), "enabled_rules": frozenset(enable)}
    )


def rule_options(command: Callable[..., None]) -> Callable[..., None]:
    """Add `--disable` and `--enable` to a click command function, which gets them as one `clean_config`."""

    @functools.wraps(command)
    def run(*args: Any, disable: tuple[str, ...], enable: tuple[str, ...], **kwargs: Any) -> None:
        command(*args, clean_config=clean_config(disable, enable), **kwargs)

    run = click.option("--enable", multiple=True, metavar="RULE", help=ENABLE_HELP)(run)
    return click.option("--disable", multiple=True, metavar="RULE_OR_KIND", help=DISABLE_HELP)(run)
