"""The cleaning engine: how `newsclean.clean` applies the rules of `newsclean.patterns` to one article.

No imports here: the rule modules of `newsclean.patterns` import `newsclean.cleaner.gates`, and an
`__init__` that imported the engine would make that a cycle. `newsclean.clean` is `passes.clean`.

The steps (`passes`), declared once and run in this order on the normalized text, cut into paragraphs:

1. drop a first paragraph that only repeats the title (`repeats.drop_repeated_title`);
2. remove boilerplate, zone by zone: whole-line inserts (`lines`), the dateline and what precedes it
   (`lead`), inline inserts (`inline`), the tail, then an author signature block (`tail`);
3. remove repeated paragraphs, keeping the first body copy (`repeats.drop_repeats`).

The steps run again on their own output until it stops changing (at most `passes.MAX_EXTRA_PASSES` times
more), and every removal of a later pass is mapped back to the normalized text (`offsets`).

The zones decide which rules may fire. The *lead* (the first body paragraph, and at most three paragraphs
before it) is where datelines live; the *tail* (the last body paragraph) is where credits and footers live;
`line` rules remove paragraphs that are nothing but an insert; `inline` rules remove inserts glued into
prose. Each removal is recorded with its rule and kind, and a removal can never reach outside its own
paragraph. A few shapes need more than one pattern and are written as functions in the zone modules, each
with its reason: the headlines after a bare `Baca juga` label (`lines`), the end of a headline glued into
prose (`headlines`, shared by `lines` and `inline`), the caption or teaser before a dateline (`lead`), and
tag lines after an editor code (`tail`).

Two engines return the same results:

* `passes`, the fast one, compiled by mypyc at install (setup.py): it selects the rules an article's trigger
  words can open (`selection`), tests cheap necessary conditions before every pattern (`gates`), remembers
  per-paragraph answers from pass to pass and skips the paragraphs a pass left untouched (`records.PassMemo`,
  `records.ArticleState`);
* `reference`, the specification: every enabled rule on every paragraph of its zone, no shortcuts, slow on
  purpose and never compiled; tests hold `passes` to it field by field.

Where things live:

* the rules, as data: `newsclean.patterns` (`datelines`, `inserts`, `credits`, built from `outlets` and
  `words`); the rules written as code are registered in `patterns.code_rules` (name, kind, zone, why,
  examples) and implemented in the zone modules here; `patterns.REGISTRY` holds both;
* `pattern_facts`: what every match of a rule's pattern must hold, read off the pattern, against which
  tests/test_hints.py checks every speed hint (never imported by the engines);
* `lead`, `lines`, `inline`, `tail`, `headlines`: the zones and their heuristics; `repeats`: the repeat
  steps (the repeat finder is `newsclean.repeats`);
* `gates`: the cheap tests before a pattern (gate text, `first_chars`, `needs`, the opening tests the rules
  name); `selection`: which rules an article selects, by trigger bits; `regexes`: every regex call with its
  timeout;
* `records`: the records passed around (spans, cuts, a pass's rendering, the outcome, the per-article
  state); `offsets`: the kept pieces of a paragraph and the maps from an output back to its source.
"""
