"""Reading a record's date field as a timestamp, for the `earliest` keep rule of the dedupe.

Scraped Indonesian news writes dates the way its pages show them, not in ISO 8601:

    Rabu, 18 Jun 2025 16:50 WIB          Diperbarui 18 Jun 2025, 08:30 WIB
    18 Juni 2025 | 10.00 WIB              Senin, 16/06/2025 09:15

So after ISO 8601 (`datetime.fromisoformat`) and epoch seconds or milliseconds written as digits, the field
is searched for a day, a month (Indonesian or English name, full or short, or a number) and a year, then
an optional time (`16:50`, `10.00`) and an optional Indonesian time zone: WIB (UTC+7), WITA (UTC+8), WIT
(UTC+9). Digits-only dates are day first, as Indonesia writes them, unless the second number cannot be a
month (`09/24/2019`, a US-style scraper), then month first. Day names and words around the date
(`Diperbarui`, `Dipublikasikan`) are skipped by the search. A time without a zone is read as WIB, the zone
of the outlets that omit it; an ISO 8601 time without one stays UTC, as before.

Why not dateparser: it reads these layouts too, but costs ~100 µs a value and a large dependency for a
handful of shapes that one regular expression per layout covers (docs/design/dependencies.md).
"""

from __future__ import annotations

import math
from datetime import datetime, timedelta, timezone
from typing import Final

import regex

MONTHS: Final = {
    **dict.fromkeys(("januari", "jan", "january"), 1),
    **dict.fromkeys(("februari", "pebruari", "feb", "february"), 2),
    **dict.fromkeys(("maret", "mar", "march"), 3),
    **dict.fromkeys(("april", "apr"), 4),
    **dict.fromkeys(("mei", "may"), 5),
    **dict.fromkeys(("juni", "jun", "june"), 6),
    **dict.fromkeys(("juli", "jul", "july"), 7),
    **dict.fromkeys(("agustus", "agu", "agt", "ags", "aug", "august"), 8),
    **dict.fromkeys(("september", "sep", "sept"), 9),
    **dict.fromkeys(("oktober", "okt", "oct", "october"), 10),
    **dict.fromkeys(("november", "nopember", "nov"), 11),
    **dict.fromkeys(("desember", "des", "dec", "december"), 12),
}
ZONES: Final = {"wib": 7, "wita": 8, "wit": 9, "utc": 0, "gmt": 0}
#: The zone of a time written without one in an Indonesian layout.
DEFAULT_ZONE_HOURS: Final = 7

_TIME = r"(?:[\s,|T+-]+(?:pukul\s+)?(?P<hour>\d{1,2})[:.-](?P<minute>\d{2})(?:[:.-](?P<second>\d{2}))?)?"
_ZONE = r"(?:\s*(?P<zone>WITA|WIB|WIT|UTC|GMT|Z)\b)?"
_NAME = r"(?P<month>[^\W\d_]{3,9})\.?"
#: The layouts, tried in order: day and month name (`18 Juni 2025`, `18+June+2025`), month name first
#: (`Sep 24, 2019`, `Juli 20, 2019`), day-month-year in digits, year-month-day in digits, `10-Sep-19`.
LAYOUTS: Final = tuple(
    regex.compile(pattern + _TIME + _ZONE, regex.IGNORECASE)
    for pattern in (
        rf"\b(?P<day>\d{{1,2}})[\s+]+{_NAME},?[\s+]+(?P<year>\d{{4}})\b",
        rf"\b{_NAME}[\s+]+(?P<day>\d{{1,2}}),?[\s+]+(?P<year>\d{{4}})\b",
        r"\b(?P<day>\d{1,2})[/.-](?P<month>\d{1,2})[/.-](?P<year>\d{4})\b",
        r"\b(?P<year>\d{4})[/.-](?P<month>\d{1,2})[/.-](?P<day>\d{1,2})(?!\d)",
        rf"\b(?P<day>\d{{1,2}})-{_NAME}-(?P<year>\d{{2}})\b",
    )
)
#: Seconds (10 digits) or milliseconds (13 digits) since the epoch, written as text.
EPOCH: Final = regex.compile(r"\d{10}(?:\d{3})?")


def parse_timestamp(value: object) -> float:
    """Seconds since the epoch of a date field; +inf when missing or unreadable (last for `earliest`).

    >>> parse_timestamp("Rabu, 18 Jun 2025 16:50 WIB") == parse_timestamp("2025-06-18T09:50:00+00:00")
    True
    """
    if isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value):
        return float(value)
    if not isinstance(value, str) or not value.strip():
        return math.inf
    text = value.strip()
    for candidate in (text, text.replace("Z", "+00:00")):
        try:
            parsed = datetime.fromisoformat(candidate)
        except ValueError:
            continue
        if parsed.tzinfo is None:
            parsed = parsed.replace(tzinfo=timezone.utc)
        return parsed.timestamp()
    if EPOCH.fullmatch(text):
        return int(text) / (1000 if len(text) == 13 else 1)
    return _indonesian(text)


def _indonesian(text: str) -> float:
    """The first date of `text` in one of the `LAYOUTS`, or +inf."""
    for layout in LAYOUTS:
        for found in layout.finditer(text):
            month_text, day = found.group("month"), int(found.group("day"))
            month = int(month_text) if month_text.isdigit() else MONTHS.get(month_text.casefold())
            if month is None:
                continue
            if month > 12 >= day:
                month, day = day, month
            year = int(found.group("year"))
            zone = found.group("zone")
            hours = ZONES.get(zone.casefold(), 0) if zone else DEFAULT_ZONE_HOURS
            try:
                moment = datetime(
                    year + 2000 if year < 100 else year,
                    month,
                    day,
                    int(found.group("hour") or 0),
                    int(found.group("minute") or 0),
                    int(found.group("second") or 0),
                    tzinfo=timezone(timedelta(hours=hours)),
                )
            except ValueError:
                continue
            return moment.timestamp()
    return math.inf
