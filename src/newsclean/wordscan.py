"""The optional C text scans of the cleaner and normalizer (`newsclean._wordscan`), loaded in one place.

Each scan has a Python specification next to its caller (`scan_triggers_python`, `needle_lines_python`,
`ascii_words_python`, `text_profile_python`), which runs when the extension is not built and which the tests
compare it with.
"""

from __future__ import annotations

import os
from types import ModuleType


def _load() -> ModuleType | None:
    """The C scans, unless they are not built or NEWSCLEAN_PUREPYTHON=1 (NEWSCLEAN_REQUIRE_SPEEDUPS=1: must be)."""
    if os.environ.get("NEWSCLEAN_PUREPYTHON", "") == "1":
        return None
    try:
        from . import _wordscan
    except ImportError:
        if os.environ.get("NEWSCLEAN_REQUIRE_SPEEDUPS", "") == "1":
            raise
        return None
    return _wordscan


WORDSCAN: ModuleType | None = _load()
