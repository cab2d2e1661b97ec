"""Regex audit: look for patterns whose matching time grows faster than the text on adversarial input.

    python benchmarks/regex_audit.py              # every pattern, 60 repeated units x 3 framings, 4k and 16k chars
    python benchmarks/regex_audit.py --size 8000  # larger texts, slower, fewer false alarms

Every compiled pattern of the cleaner (module constants of normalization, paragraphs, the zone modules of
`newsclean.cleaner`, repeats, shingle, and every rule in `newsclean.patterns`, glued-dateline variants
included) is run with `finditer`, `match` and `fullmatch` on texts made of one short unit repeated (`A `,
`.\\n`, `(a`, `Baca juga: `...), bare, after a capital, and before a non-matching tail. A linear pattern takes
about 4 times longer on the text 4 times longer; a quadratic one 16 times. Timings are best of three; a pattern
is reported when the long text takes over 20 ms and more than 8 times the short one. This is a search for
counter-examples, not a proof: docs/design/hardening.md says which patterns are linear by construction and what
bounds the others.
"""

from __future__ import annotations

import argparse
import importlib
import re
import sys
import time

import regex

MODULES = ("newsclean.normalization", "newsclean.paragraphs", "newsclean.cleaner.lead", "newsclean.cleaner.lines",
           "newsclean.cleaner.headlines", "newsclean.cleaner.inline", "newsclean.cleaner.tail", "newsclean.repeats",
           "newsclean.shingle")
UNITS = ("a", "A", "1", " ", "\n", ".", ",", "(", ")", "-", "–", ":", "/", "*", '"', "&", "a ", "A ", "a.", "A.",
         ". ", "a-", "(a", "a/", "aA", "Aa ", "а", "аa", "\t", "|", "[", "a\n", "A\n", ".\n", "_", "Foto: ",
         "Baca juga: ", "(a/b) ", "A.co", "A, ", "(A) ", "a.b", "A-", "A -", "Ab", "1.", "(1", "&a", "&#1", "â€",
         "Ilustrasi ", "Editor: A ", "Copyright ", "a (", "a b ", "ab:", "- ", "A\n\n", ",.", "Yuk a ")
FRAMES = (("", ""), ("A", " b"), ("", "!x"))
TIMEOUT_SECONDS = 5.0


def patterns() -> dict[str, re.Pattern[str] | regex.Pattern[str]]:
    found: dict[str, re.Pattern[str] | regex.Pattern[str]] = {}
    for name in MODULES:
        module = importlib.import_module(name)
        for attr, value in vars(module).items():
            # A constant one zone module imports from another is audited once, under the first module's name.
            if isinstance(value, (re.Pattern, regex.Pattern)) and all(value is not seen for seen in found.values()):
                found[f"{name.split('.')[-1]}.{attr}"] = value
    from newsclean.cleaner.lead import GLUED_DATELINES
    from newsclean.patterns import ALL_RULES

    for rule in ALL_RULES:
        found[f"rule {rule.name}"] = rule.pattern
    for rule, pattern in GLUED_DATELINES:
        found[f"glued {rule.name}"] = pattern
    return found


def seconds(pattern: re.Pattern[str] | regex.Pattern[str], how: str, text: str) -> float:
    """Best of three timings of one way of applying the pattern; inf when the regex timeout fired."""
    best = float("inf")
    extra = {"timeout": TIMEOUT_SECONDS} if isinstance(pattern, regex.Pattern) else {}
    for _ in range(3):
        start = time.perf_counter()
        try:
            if how == "finditer":
                for _match in pattern.finditer(text, **extra):
                    pass
            else:
                getattr(pattern, how)(text, **extra)
        except TimeoutError:
            return float("inf")
        best = min(best, time.perf_counter() - start)
    return best


def audit(size: int) -> list[tuple[float, float, str, str, str, tuple[str, str]]]:
    suspects = []
    for name, pattern in patterns().items():
        for how in ("finditer", "match", "fullmatch"):
            for unit in UNITS:
                for head, tail in FRAMES:
                    short = head + unit * (size // len(unit)) + tail
                    long = head + unit * (4 * size // len(unit)) + tail
                    small = seconds(pattern, how, short)
                    large = seconds(pattern, how, long) if small < TIMEOUT_SECONDS / 4 else float("inf")
                    if large > 0.02 and large > 8 * max(small, 1e-4):
                        suspects.append((large / max(small, 1e-4), large, name, how, unit, (head, tail)))
    return sorted(suspects, reverse=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=4000, help="length of the short text (the long one is 4x)")
    args = parser.parse_args(argv)
    count = len(patterns())
    print(f"regex_audit: {count} patterns, {len(UNITS)} units x {len(FRAMES)} framings, {args.size:,} and "
          f"{4 * args.size:,} chars", file=sys.stderr)
    suspects = audit(args.size)
    seen: set[tuple[str, str]] = set()
    for ratio, large, name, how, unit, frame in suspects:
        if (name, how) in seen:
            continue
        seen.add((name, how))
        print(f"{ratio:8.1f}x {large:8.3f} s  {name:45s} {how:9s} unit={unit!r} frame={frame!r}")
    if not suspects:
        print("no pattern grew faster than its text")
    return 0


if __name__ == "__main__":
    sys.exit(main())
