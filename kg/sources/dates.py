"""Publication dates from whatever sources write: ISO 8601, RFC 822 (feeds), common
English forms, and dates in file names.

The result is a `datetime.date` because kg resolves relative times ("on Monday", "last
week") against the day an article appeared; the time of day adds nothing to that and
time zones would only make the day ambiguous.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re

__all__ = ["date_from_name", "parse_date"]

_FORMATS = (
    "%Y-%m-%d",
    "%Y/%m/%d",
    "%Y.%m.%d",
    "%Y%m%d",
    "%d %B %Y",
    "%d %b %Y",
    "%B %d, %Y",
    "%b %d, %Y",
    "%B %d %Y",
    "%b %d %Y",
    "%b. %d, %Y",
    "%d/%m/%Y",
)
_ISO_PREFIX = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ]|$)")
_IN_NAME = re.compile(r"(?<!\d)(19\d\d|20\d\d)[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12]\d|3[01])(?!\d)")


def parse_date(value: object) -> dt.date | None:
    """A date from a string (or date / epoch seconds); None for empty values.

    Raises ValueError for a non-empty value that is not a date, so a record whose date
    field is garbage is reported rather than silently undated.

    >>> parse_date("2015-11-11T08:30:00Z"), parse_date("Wed, 11 Nov 2015 08:30:00 +0000")
    (datetime.date(2015, 11, 11), datetime.date(2015, 11, 11))
    >>> parse_date("November 11, 2015"), parse_date("")
    (datetime.date(2015, 11, 11), None)
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return dt.datetime.fromtimestamp(value, tz=dt.UTC).date()
    text = str(value).strip()
    if not text:
        return None
    m = _ISO_PREFIX.match(text)
    if m:
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            pass
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    try:
        parsed = email.utils.parsedate_to_datetime(text)
        if parsed is not None:
            return parsed.date()
    except (TypeError, ValueError, IndexError):
        pass
    for fmt in _FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(f"{text[:40]!r} is not a date kg understands (use YYYY-MM-DD)")


def date_from_name(name: str) -> dt.date | None:
    """A date written into a file name ("breitbart_2015-11-11_….txt"), as corpora and
    scrapers commonly name files; None when there is none or it is not a real day."""
    m = _IN_NAME.search(name)
    if not m:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None
