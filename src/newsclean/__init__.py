"""newsclean: clean and deduplicate scraped Indonesian news.

Public names only; each lives in the module that does its one job.
"""

from ._version import __version__
from .shingle import shingles, tokens

__all__ = ["__version__", "shingles", "tokens"]
