"""The optional C extensions, loaded in one place with the same rules.

`newsclean._speedups` is the shingling and hashing kernel (`newsclean.signature` is its specification);
`newsclean._wordscan` holds the cleaner's and normalizer's text scans, each with a Python specification beside
its caller (`scan_triggers_python`, `needle_lines_python`, `ascii_words_python`, `text_profile_python`). Both
are optional at install; the Python paths run when one is not built.
"""

from __future__ import annotations

import importlib
import os
from types import ModuleType


def load_extension(name: str) -> ModuleType | None:
    """`newsclean.<name>`, or None when it is not built or NEWSCLEAN_PUREPYTHON=1 asks for the Python paths.

    NEWSCLEAN_REQUIRE_SPEEDUPS=1 (CI, benchmarks) makes a missing extension an import error instead of a
    silent fallback to the slow path.
    """
    if os.environ.get("NEWSCLEAN_PUREPYTHON", "") == "1":
        return None
    try:
        return importlib.import_module(f"newsclean.{name}")
    except ImportError:
        if os.environ.get("NEWSCLEAN_REQUIRE_SPEEDUPS", "") == "1":
            raise
        return None


#: The text scans, or None.
WORDSCAN: ModuleType | None = load_extension("_wordscan")
