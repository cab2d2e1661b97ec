"""Reading a record's date field as a timestamp, for the `earliest` keep rule of the dedupe."""

from __future__ import annotations

import math
from collections.abc import Sequence


def parse_timestamp(value: object, formats: Sequence[str]) -> float:
    """Seconds since the epoch of a date field; +inf when missing or unreadable (last for `earliest`)."""
    from datetime import datetime, timezone

    if isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value):
        return float(value)
    if not isinstance(value, str) or not value.strip():
        return math.inf
    text = value.strip()
    candidates = [text, text.replace("Z", "+00:00")]
    for candidate in candidates:
        try:
            parsed = datetime.fromisoformat(candidate)
            break
        except ValueError:
            parsed = None
    if parsed is None:
        for fmt in formats:
            try:
                parsed = datetime.strptime(text, fmt)
                break
            except ValueError:
                continue
    if parsed is None:
        return math.inf
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=timezone.utc)
    return parsed.timestamp()
