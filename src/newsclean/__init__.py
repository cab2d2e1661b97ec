"""newsclean: clean and deduplicate scraped Indonesian news.

Public names only; each lives in the module that does its one job.
"""

from ._version import __version__
from .cleaner.passes import CLEANER_BACKEND, clean  # noqa: F401  (CLEANER_BACKEND: 'compiled' or 'python')
from .config import CleanConfig
from .dedupe_config import DedupeConfig
from .dedupe_models import DedupeResult
from .errors import ConfigError, InputError, NewscleanError
from .index import Index
from .learning.learn import learn
from .learning.profile import LearnSettings, Profile
from .models import Article, CleanResult, Dateline, Removal
from .normalization import normalize
from .pipeline import dedupe
from .shingle import shingles, tokens
from .signature import BACKEND, signatures  # noqa: F401  (public; listing them in __all__ is the owner's call)

__all__ = [
    "Article",
    "CleanConfig",
    "CleanResult",
    "ConfigError",
    "Dateline",
    "DedupeConfig",
    "DedupeResult",
    "Index",
    "InputError",
    "LearnSettings",
    "NewscleanError",
    "Profile",
    "Removal",
    "__version__",
    "clean",
    "dedupe",
    "learn",
    "normalize",
    "shingles",
    "tokens",
]
