"""Time expressions in news text, and the dates they stand for.

News dates events relative to the day it is published ("on Sunday", "last week", "next
month", "March 5"). An analyst asking which meetings took place in a given week needs
dates, so each phrase resolves to the range of days it can mean, anchored on the
publication date. A bare weekday or a month without a year points back for something
that happened and forward for something planned, as a reader takes it.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from ..nlp.sentences import DATELINE

__all__ = ["CALENDAR_NAME", "DATELINE", "TIME", "WEEKDAY", "resolve_time"]

_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_WD = "|".join(_WEEKDAYS)
_MO = "|".join(_MONTHS)
#: a weekday's name, as a pattern to build others with
WEEKDAY = rf"(?:{_WD})"
#: the name of a weekday or a month: a date, never a person's or a place's name
CALENDAR_NAME = re.compile(rf"{_WD}|{_MO}")
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"

#: a time phrase; the longest reading wins, so ranges come before single words
TIME = re.compile(
    r"\b(?:"
    r"in\s+the\s+(?:next|coming)\s+(?:\w+\s+)?(?:days?|weeks?|months?)"
    r"|within\s+(?:the\s+next\s+)?(?:\w+\s+)?(?:days?|weeks?|months?)"
    r"|(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|a\s+few|few|several)\s+"
    r"(?:days?|weeks?|months?|years?)\s+ago"
    rf"|(?:(?:[Ee]arlier|[Ll]ater)\s+)?(?:[Nn]ext|[Tt]his|[Ll]ast)\s+(?:week(?:end)?|month|year|{_WD}|{_MO})"
    rf"|(?:on\s+)?(?:{_MO})\s+{_DAY}(?:,?\s+\d{{4}})?"
    rf"|(?:on\s+)?{_DAY}\s+(?:of\s+)?(?:{_MO})(?:,?\s+\d{{4}})?"
    rf"|(?:(?:in|early|late|mid-?)\s+)(?:{_MO})(?:\s+\d{{4}})?"
    rf"|(?:on\s+)?(?:{_WD})"
    r"|[Yy]esterday|[Tt]oday|[Tt]onight|[Tt]omorrow|last\s+night"
    r")\b"
)
_NUMBERS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "few": 3,
    "several": 7,
}
_UNIT_DAYS = {"day": 1, "week": 7, "month": 30}

Range = tuple[dt.date | None, dt.date | None]


def resolve_time(phrase: str, published: dt.date | dt.datetime | None, status: str | None = None) -> Range:
    """The first and last day `phrase` can mean, given the publication date; (None, None)
    when there is no anchor or the phrase says no day. `status` ("Planned", "Held",
    "Cancelled") says which way a bare weekday or month points: forward for what is
    planned or called off, back otherwise."""
    if published is None:
        return None, None
    if isinstance(published, dt.datetime):
        published = published.date()
    forward = status in {"Planned", "Cancelled"}
    low = " ".join(phrase.lower().split())
    for resolve in (_relative_day, _coming, _ago, _named_date, _period, _month, _weekday):
        found = resolve(low, published, forward)
        if found is not None:
            return found
    return None, None


def _relative_day(low: str, d: dt.date, forward: bool) -> Range | None:
    offsets = {"yesterday": -1, "last night": -1, "today": 0, "tonight": 0, "tomorrow": 1}
    for word, days in offsets.items():
        if word in low:
            day = d + dt.timedelta(days=days)
            return day, day
    return None


def _coming(low: str, d: dt.date, forward: bool) -> Range | None:
    """ "in the next three days", "in the coming weeks", "within days", "within two weeks" """
    m = re.search(r"(?:next|coming|within)\s+(?:(\w+)\s+)?(day|week|month)s?$", low)
    if m is None or not low.startswith(("in the", "within")):
        return None
    word, unit = m.group(1), m.group(2)
    if word is None:
        # "the coming days" reaches about a week, "weeks" a month, "months" a quarter
        n = {"day": 7, "week": 4, "month": 3}[unit]
    else:
        n = int(word) if word.isdigit() else _NUMBERS.get(word, 0)
    if not n:
        return None
    return d + dt.timedelta(days=1), d + dt.timedelta(days=_UNIT_DAYS[unit] * n)


def _ago(low: str, d: dt.date, forward: bool) -> Range | None:
    """ "three days ago" is that day; "two weeks ago", "a month ago", "a year ago" the
    week (Monday to Sunday), calendar month or year that far back."""
    m = re.fullmatch(r"(\w+|a few)\s+(day|week|month|year)s?\s+ago", low)
    if m is None:
        return None
    word, unit = m.groups()
    vague = {"a few": (2, 5), "few": (2, 5), "several": (3, 9)}.get(word)
    if vague is not None:  # "a few days ago": a stretch, not a day
        size = {"day": 1, "week": 7, "month": 30, "year": 365}[unit]
        return d - dt.timedelta(days=vague[1] * size), d - dt.timedelta(days=vague[0] * size)
    n = int(word) if word.isdigit() else 1 if word in {"a", "an"} else _NUMBERS.get(word, 0)
    if not n:
        return None
    if unit == "day":
        day = d - dt.timedelta(days=n)
        return day, day
    return _calendar_unit(d, unit, -n)


def _calendar_unit(d: dt.date, unit: str, step: int) -> tuple[dt.date, dt.date]:
    """The week (Monday to Sunday), calendar month or year `step` units from the one `d`
    is in."""
    if unit == "week":
        monday = d - dt.timedelta(days=d.weekday()) + dt.timedelta(weeks=step)
        return monday, monday + dt.timedelta(days=6)
    if unit == "month":
        year, month = divmod(d.year * 12 + d.month - 1 + step, 12)
        return dt.date(year, month + 1, 1), dt.date(year, month + 1, calendar.monthrange(year, month + 1)[1])
    return dt.date(d.year + step, 1, 1), dt.date(d.year + step, 12, 31)


def _named_date(low: str, d: dt.date, forward: bool) -> Range | None:
    """ "March 5", "on 5 March 2024", "March 5th, 2024" """
    m = re.search(rf"({_MO.lower()})\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(\d{{4}}))?", low) or re.search(
        rf"(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MO.lower()})(?:,?\s+(\d{{4}}))?", low
    )
    if m is None:
        return None
    if m.group(1).isdigit():
        day_s, month_s, year_s = m.group(1), m.group(2), m.group(3)
    else:
        month_s, day_s, year_s = m.group(1), m.group(2), m.group(3)
    month = _MONTHS.index(month_s.capitalize()) + 1
    year = int(year_s) if year_s else d.year
    try:
        day = dt.date(year, month, int(day_s))
        if not year_s:
            # no year: the nearest date in the direction the sentence points
            if forward and day < d - dt.timedelta(days=1):
                day = day.replace(year=year + 1)
            elif not forward and day > d + dt.timedelta(days=1):
                day = day.replace(year=year - 1)
    except ValueError:
        return None  # "February 30"
    return day, day


def _period(low: str, d: dt.date, forward: bool) -> Range | None:
    """ "last week", "this month", "next year", "earlier this week", "this weekend" """
    m = re.fullmatch(r"(?:(earlier|later)\s+)?(next|this|last)\s+(week|weekend|month|year)", low)
    if m is None:
        return None
    part, which, unit = m.groups()
    step = {"next": 1, "this": 0, "last": -1}[which]
    first, last = _calendar_unit(d, "week" if unit == "weekend" else unit, step)
    if unit == "weekend":
        first += dt.timedelta(days=5)
    if part == "earlier" and first <= d <= last:
        last = d
    elif part == "later" and first <= d <= last:
        first = d
    return first, last


def _month(low: str, d: dt.date, forward: bool) -> Range | None:
    """ "in April", "last April", "early May 2024", "next June" """
    m = re.fullmatch(rf"(in|early|late|mid-?|next|this|last)\s+({_MO.lower()})(?:\s+(\d{{4}}))?", low)
    if m is None:
        return None
    how, name, year_s = m.groups()
    month = _MONTHS.index(name.capitalize()) + 1
    if year_s:
        year = int(year_s)
    elif how == "last":
        year = d.year if month < d.month else d.year - 1
    elif how == "next":
        year = d.year if month > d.month else d.year + 1
    elif how == "this" or month == d.month:
        year = d.year
    else:
        year = d.year + (month < d.month) if forward else d.year - (month > d.month)
    end = calendar.monthrange(year, month)[1]
    first, last = {"early": (1, 10), "mid": (11, 20), "mid-": (11, 20), "late": (21, end)}.get(how, (1, end))
    return dt.date(year, month, first), dt.date(year, month, last)


def _weekday(low: str, d: dt.date, forward: bool) -> Range | None:
    """ "on Sunday" (the last one for what happened, the next for what is planned),
    "last Sunday", "next Sunday", "this Sunday" """
    m = re.search(rf"(?:(next|this|last)\s+)?({'|'.join(w.lower() for w in _WEEKDAYS)})", low)
    if m is None:
        return None
    which, name = m.groups()
    wd = [w.lower() for w in _WEEKDAYS].index(name)
    if which == "this":
        day = d - dt.timedelta(days=d.weekday()) + dt.timedelta(days=wd)
    elif which == "next" or (which is None and forward):
        ahead = (wd - d.weekday()) % 7
        day = d + dt.timedelta(days=ahead or (7 if which else 0))
    else:
        back = (d.weekday() - wd) % 7
        day = d - dt.timedelta(days=back or (7 if which else 0))
    return day, day
