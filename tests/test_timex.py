"""Time phrases resolved against the publication date (Tuesday 12 March 2024 here)."""

from __future__ import annotations

import datetime as dt

import pytest

from kg.extract.timex import TIME, resolve_time

PUBLISHED = dt.date(2024, 3, 12)  # a Tuesday


def d(month: int, day: int, year: int = 2024) -> dt.date:
    return dt.date(year, month, day)


@pytest.mark.parametrize(
    "phrase,status,expected",
    [
        ("yesterday", None, (d(3, 11), d(3, 11))),
        ("tomorrow", "Planned", (d(3, 13), d(3, 13))),
        ("in the next three days", "Planned", (d(3, 13), d(3, 15))),
        ("in the coming days", "Planned", (d(3, 13), d(3, 19))),
        ("in the coming weeks", "Planned", (d(3, 13), d(4, 9))),
        # a bare weekday: back for what happened, forward for what is planned
        ("on Sunday", "Held", (d(3, 10), d(3, 10))),
        ("on Sunday", "Planned", (d(3, 17), d(3, 17))),
        ("on Tuesday", "Held", (d(3, 12), d(3, 12))),
        ("last Tuesday", None, (d(3, 5), d(3, 5))),
        ("next Tuesday", None, (d(3, 19), d(3, 19))),
        ("this Friday", None, (d(3, 15), d(3, 15))),
        ("last week", None, (d(3, 4), d(3, 10))),
        ("next week", "Planned", (d(3, 18), d(3, 24))),
        ("earlier this week", None, (d(3, 11), d(3, 12))),
        ("this weekend", "Planned", (d(3, 16), d(3, 17))),
        ("last month", None, (d(2, 1), d(2, 29))),
        ("later this month", "Planned", (d(3, 12), d(3, 31))),
        ("next year", None, (d(1, 1, 2025), d(12, 31, 2025))),
        ("last April", None, (d(4, 1, 2023), d(4, 30, 2023))),
        ("in April", "Held", (d(4, 1, 2023), d(4, 30, 2023))),
        ("in April", "Planned", (d(4, 1), d(4, 30))),
        ("early May 2025", None, (d(5, 1, 2025), d(5, 10, 2025))),
        ("March 5", "Held", (d(3, 5), d(3, 5))),
        ("on 5 March 2023", None, (d(3, 5, 2023), d(3, 5, 2023))),
        ("December 20", "Held", (d(12, 20, 2023), d(12, 20, 2023))),
        ("January 8th", "Planned", (d(1, 8, 2025), d(1, 8, 2025))),
        ("February 30", None, (None, None)),
        ("three days ago", None, (d(3, 9), d(3, 9))),
        ("two weeks ago", None, (d(2, 26), d(3, 3))),
        ("a month ago", None, (d(2, 1), d(2, 29))),
        ("a year ago", None, (d(1, 1, 2023), d(12, 31, 2023))),
        ("a few days ago", None, (d(3, 7), d(3, 10))),
        ("within days", "Planned", (d(3, 13), d(3, 19))),
        ("within two weeks", "Planned", (d(3, 13), d(3, 26))),
    ],
)
def test_a_phrase_resolves_to_the_days_it_can_mean(phrase, status, expected):
    assert resolve_time(phrase, PUBLISHED, status) == expected


def test_without_a_publication_date_nothing_resolves():
    assert resolve_time("yesterday", None) == (None, None)


@pytest.mark.parametrize(
    "sentence,phrase",
    [
        ("The envoys met in Doha on Sunday.", "on Sunday"),
        ("Talks are due to resume in the coming days.", "in the coming days"),
        ("They first met on 5 March 2023 in Geneva.", "on 5 March 2023"),
        ("The summit is planned for late June.", "late June"),
        ("Ministers met earlier this week.", "earlier this week"),
        ("Erdogan met Putin in Sochi two weeks ago.", "two weeks ago"),
        ("A deal could be signed within days, diplomats said.", "within days"),
    ],
)
def test_the_phrase_is_found_in_a_sentence(sentence, phrase):
    assert TIME.search(sentence).group() == phrase


def test_may_the_verb_is_not_a_month():
    assert TIME.search("Talks may resume, officials said.") is None
