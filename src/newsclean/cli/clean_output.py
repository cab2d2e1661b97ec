"""What `newsclean clean` writes for one cleaned record, and which cleaned records are rejects instead.

Where the text goes: by default the cleaned text replaces the text field; with `--output-field NAME` it goes
to NAME and the text field keeps the raw text, so one file holds both. The removals' offsets in the report
point into `newsclean.normalize(raw)` (the cleaner works on the normalized text, and a removal may span what
normalization joined or split), not into the raw text: `--normalized-field NAME` writes that reference text.

Which records are rejects: one whose cleaning left no words (it was all boilerplate, or never held prose) is
not an article, and neither is one shorter than `--min-words` (default 8). On the shared real sample every
text under 8 words after cleaning was scraper debris (41 copies of a newsletter greeting, a section label, a
lone dateline), and real leads started at 11 (docs/design/cleaning.md); inputs that are short on purpose
(headlines, captions) take `--min-words 1`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..config import CleanConfig
from ..learning.profile import Profile
from ..models import CleanResult
from ..normalization import normalize
from ..shingle import tokens

#: The record key the report goes under; no output field may take it.
REPORT_KEY = "newsclean"


@dataclass(frozen=True, slots=True)
class RecordCleaning:
    """How each record of a `clean` run is cleaned and written (picklable: it goes to the `--workers`)."""

    text_field: str = "text"
    title_field: str = "title"
    profile: Profile | None = None
    config: CleanConfig = field(default_factory=CleanConfig)
    output_field: str | None = None
    normalized_field: str | None = None
    min_words: int = 8

    def problem(self) -> str | None:
        """Why the fields cannot be written as asked (a usage error), or None."""
        targets = [name for name in (self.output_field, self.normalized_field) if name is not None]
        if REPORT_KEY in targets:
            return f"{REPORT_KEY!r} is where the report goes: choose another field name"
        if self.normalized_field is not None and self.normalized_field in (self.text_field, self.output_field):
            return "--normalized-field must differ from --text-field and --output-field"
        return None

    def shortfall(self, result: CleanResult) -> str | None:
        """Why the cleaned article is a reject (`kind: detail`), or None when it is written."""
        words = len(tokens(result.text))
        if words >= self.min_words:
            return None
        if words == 0:
            kinds = ", ".join(f"{kind} {count}" for kind, count in result.removed_by_kind.items())
            return "empty after cleaning: " + (f"everything was removed ({kinds})" if kinds else "no words")
        return f"too short after cleaning: {words} words, --min-words {self.min_words}"

    def output(self, data: dict[str, Any], raw: str, result: CleanResult) -> dict[str, Any]:
        """The record as written: its fields, the cleaned text where asked, and the report."""
        out = dict(data)
        out[self.output_field or self.text_field] = result.text
        if self.normalized_field is not None:
            out[self.normalized_field] = normalize(raw)
        out[REPORT_KEY] = result.report()
        return out
