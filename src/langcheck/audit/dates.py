"""Read the dates case-management exports write: ISO, UK day-first, and Excel serial numbers.

A force's export may hold dates as text (`2026-03-14`, `14/03/2026`, `14 March 2026`), as
Excel date cells (read as datetimes) or as bare Excel serial numbers (`46095`). Day-first is
assumed for slashed dates because these are UK records; `03/14/2026` is therefore unreadable,
not silently turned into another day. An unreadable date is None: the caller counts it.
"""

from __future__ import annotations

import datetime
import re

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$")
_UK = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?:,?\s+\d{1,2}:\d{2}(?::\d{2})?)?$")
_WORDS = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})$")
_SERIAL = re.compile(r"^\d{4,5}(?:\.\d+)?$")
_IN_NAME = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        1,
    )
    for name in names
}
EXCEL_EPOCH = datetime.date(1899, 12, 30)
"""Day 0 of Excel's (1900) date system; serial 60 is Excel's phantom 29 February 1900."""
_FIRST_SERIAL, _LAST_SERIAL = 1000, 2958465  # 1902-09-26 .. 9999-12-31: smaller numbers are not dates


def parse_date(value: object) -> datetime.date | None:  # noqa: PLR0911 - one return per form
    """Return the date a cell holds, or None if it is empty or cannot be read as a date."""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return _from_serial(float(value))
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text:
        return None
    if match := _ISO.match(text):
        return _make(int(match[1]), int(match[2]), int(match[3]))
    if match := _UK.match(text):
        year = int(match[3])
        return _make(year + 2000 if year < 100 else year, int(match[2]), int(match[1]))
    if match := _WORDS.match(text):
        month = _MONTHS.get(match[2].lower())
        return _make(int(match[3]), month, int(match[1])) if month else None
    if _SERIAL.match(text):
        return _from_serial(float(text))
    return None


def date_in_name(name: str) -> datetime.date | None:
    """Return the first ISO date in a file name (`missing-episode-2026-03-14.txt`), if any."""
    for match in _IN_NAME.finditer(name):
        found = _make(int(match[1]), int(match[2]), int(match[3]))
        if found is not None:
            return found
    return None


def month_of(day: datetime.date) -> str:
    """Return the month a date falls in, as `YYYY-MM` (the key every figure by month uses)."""
    return f"{day.year:04d}-{day.month:02d}"


def parse_month(text: str) -> str | None:
    """Return `YYYY-MM` for a month written `2026-07` (or a full date in it), else None."""
    text = text.strip()
    match = re.fullmatch(r"(\d{4})-(\d{1,2})", text)
    if match and 1 <= int(match[2]) <= 12:
        return f"{int(match[1]):04d}-{int(match[2]):02d}"
    day = parse_date(text)
    return month_of(day) if day else None


def _from_serial(serial: float) -> datetime.date | None:
    if not _FIRST_SERIAL <= serial <= _LAST_SERIAL:
        return None
    return EXCEL_EPOCH + datetime.timedelta(days=int(serial))


def _make(year: int, month: int | None, day: int) -> datetime.date | None:
    try:
        return datetime.date(year, month or 0, day)
    except ValueError:
        return None
