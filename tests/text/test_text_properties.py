"""Property tests: normalisation is stable and the text functions never crash on strings."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from congdoan.text import (
    detect_legacy_encoding,
    find_dates,
    find_money,
    find_times,
    find_weekdays,
    format_date,
    format_money,
    normalize,
    parse_date,
    parse_money,
)

VIETNAMESE = "aăâeêioôơuưyđAĂÂEÊIOÔƠUƯYĐ" + "\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b"
vietnamese_text = st.text(alphabet=st.sampled_from(list(VIETNAMESE + "qQhHnNgG –—-\n")))


@given(st.text())
def test_normalize_is_idempotent(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once


@given(vietnamese_text)
def test_normalize_is_idempotent_on_vietnamese_letters_and_marks(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once


@given(st.dates(min_value=dt.date(1000, 1, 1), max_value=dt.date(9999, 12, 31)))
def test_format_then_parse_date_round_trip(day: dt.date) -> None:
    assert parse_date(format_date(day)) == day
    assert parse_date(f"Huế, {format_date(day)}") == day


@given(st.dates(min_value=dt.date(1000, 1, 1), max_value=dt.date(9999, 12, 31)))
def test_numeric_date_round_trip(day: dt.date) -> None:
    assert parse_date(f"{day.day}/{day.month}/{day.year}") == day


@given(st.integers(min_value=0, max_value=10**15))
def test_money_round_trip(amount: int) -> None:
    assert parse_money(format_money(amount)) == amount
    assert parse_money(format_money(amount, unit="₫")) == amount


@settings(max_examples=200)
@given(st.text())
def test_finders_never_raise(text: str) -> None:
    for finder in (find_dates, find_money, find_times, find_weekdays):
        for span in finder(text):
            assert 0 <= span.start <= span.end <= len(text)
            assert text[span.start : span.end] == span.text
    detect_legacy_encoding(text)
    parse_money(text)
