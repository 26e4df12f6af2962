"""A date without its year inside a range takes the range's year (session 4).

"từ ngày 25/01 đến 05/02/2027" written on 3/12/2026 is next January, not last: read as
25/01/2026, the plan was dated as if its event were past (day and month left blank).
"""

from __future__ import annotations

import datetime as dt

import pytest

from congdoan.practice.details import parse_date

TODAY = dt.date(2026, 12, 3)


@pytest.mark.parametrize(
    ("value", "day"),
    [
        ("từ ngày 25/01 đến 05/02/2027", dt.date(2027, 1, 25)),
        ("từ 25/12 đến 05/01/2027", dt.date(2026, 12, 25)),  # across New Year
        ("ngày 15/5/2026", dt.date(2026, 5, 15)),
        ("ngày 20/12", dt.date(2026, 12, 20)),  # no year anywhere: this year
    ],
)
def test_the_first_date_of_a_range_takes_its_year(value: str, day: dt.date) -> None:
    assert parse_date(value, TODAY) == day
