"""Every rule that fires on a corpus can be turned off by name, and then never fires.

    python benchmarks/rules_disable.py                    # the shared real sample
    python benchmarks/rules_disable.py --limit 5000 --per-rule 20

Cleans the corpus (the shared sample unless `--data` names another JSONL or JSONL.gz) with the default config,
notes every rule that fired and up to `--per-rule` articles for each, then cleans those articles again with
`CleanConfig(disabled_rules={rule})` and with `disabled_kinds={its kind}`: neither may report the rule. Prints
one line per rule (how often it fired, and whether turning it off held) and exits 1 when one did not hold.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus

from newsclean import CleanConfig, clean
from newsclean.patterns import RULE_NAMES

SHARED_REAL = corpus.SHARED_REAL


def _articles(path: Path, limit: int | None) -> list[tuple[str, str | None]]:
    return [
        (record["text"], record.get("title") if isinstance(record.get("title"), str) else None)
        for record in corpus.records(path, limit)
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=SHARED_REAL)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--per-rule", type=int, default=10)
    args = parser.parse_args(argv)
    fired: Counter[str] = Counter()
    kinds: dict[str, str] = {}
    examples: dict[str, list[tuple[str, str | None]]] = defaultdict(list)
    for text, title in _articles(args.data, args.limit):
        for removal in clean(text, title=title).removals:
            fired[removal.rule] += 1
            kinds[removal.rule] = removal.kind
            if len(examples[removal.rule]) < args.per_rule and (text, title) not in examples[removal.rule]:
                examples[removal.rule].append((text, title))
    failures = 0
    for rule, count in sorted(fired.items()):
        registered = rule in RULE_NAMES
        by_name = CleanConfig(disabled_rules=frozenset({rule})) if registered else None
        by_kind = CleanConfig(disabled_kinds=frozenset({kinds[rule]}))  # type: ignore[arg-type]
        held = registered and all(
            rule not in {r.rule for r in clean(text, title=title, config=config).removals}
            for text, title in examples[rule]
            for config in (by_name, by_kind)
        )
        failures += not held
        print(f"{rule:40} {count:7,} removals  {'off by name and kind: held' if held else 'NOT HELD'}")
    print(f"{len(fired)} rules fired; {failures} could not be turned off", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
