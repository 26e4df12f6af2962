"""Vietnamese dates, weekdays and times: writing with the leading-zero rules, and reading."""

from __future__ import annotations

import datetime as dt

import pytest

from congdoan.errors import InputError
from congdoan.text import (
    WEEKDAYS,
    find_dates,
    find_times,
    find_weekdays,
    format_date,
    format_place_date,
    parse_date,
    parse_weekday,
    weekday_name,
)


@pytest.mark.parametrize(
    ("day", "written"),
    [
        (dt.date(2026, 1, 5), "ngày 05 tháng 01 năm 2026"),
        (dt.date(2026, 2, 28), "ngày 28 tháng 02 năm 2026"),
        (dt.date(2026, 3, 15), "ngày 15 tháng 3 năm 2026"),
        (dt.date(2026, 3, 5), "ngày 05 tháng 3 năm 2026"),
        (dt.date(2026, 9, 9), "ngày 09 tháng 9 năm 2026"),
        (dt.date(2026, 10, 20), "ngày 20 tháng 10 năm 2026"),
        (dt.date(2026, 12, 31), "ngày 31 tháng 12 năm 2026"),
    ],
)
def test_format_date_leading_zero_rules(day: dt.date, written: str) -> None:
    assert format_date(day) == written
    assert parse_date(written) == day


def test_format_place_date() -> None:
    assert format_place_date("Huế", dt.date(2026, 3, 5)) == "Huế, ngày 05 tháng 3 năm 2026"


@pytest.mark.parametrize(
    ("written", "day"),
    [
        ("5/5/2026", dt.date(2026, 5, 5)),
        ("05/05/2026", dt.date(2026, 5, 5)),
        ("1-7-2025", dt.date(2025, 7, 1)),
        ("28.7.2026", dt.date(2026, 7, 28)),
        ("20/10/26", dt.date(2026, 10, 20)),
        ("Ngày 05 tháng 3 năm 2026", dt.date(2026, 3, 5)),
        ("ngày 5 tháng 03 năm 2026", dt.date(2026, 3, 5)),
    ],
)
def test_parse_date_forms(written: str, day: dt.date) -> None:
    assert parse_date(written) == day


@pytest.mark.parametrize("written", ["05-5", "05/5", "5/5"])
def test_date_without_year_uses_default_year(written: str) -> None:
    assert parse_date(written, default_year=2026) == dt.date(2026, 5, 5)


def test_date_without_year_takes_year_from_context() -> None:
    spans = find_dates("Họp ngày 05/5, báo cáo trước ngày 30 tháng 4 năm 2027.")
    assert [s.value for s in spans] == [dt.date(2027, 5, 5), dt.date(2027, 4, 30)]


def test_date_without_year_or_context_uses_this_year() -> None:
    assert parse_date("1/5") == dt.date(dt.date.today().year, 5, 1)


@pytest.mark.parametrize("written", ["31/02/2026", "ngày 30 tháng 02 năm 2026", "32/1/2026", "0/5"])
def test_impossible_dates_are_none(written: str) -> None:
    assert parse_date(written, default_year=2026) is None


def test_find_dates_spans_point_at_the_text() -> None:
    text = "Lễ phát động ngày 04/5/2026, tổng kết ngày 05 tháng 6 năm 2026."
    spans = find_dates(text)
    assert [text[s.start : s.end] for s in spans] == ["04/5/2026", "ngày 05 tháng 6 năm 2026"]
    assert [s.text for s in spans] == ["04/5/2026", "ngày 05 tháng 6 năm 2026"]


@pytest.mark.parametrize(
    "text",
    [
        "Số: 05/TB-CĐCS",
        "Kinh phí 1.300.000 đồng",
        "Điện thoại 0234.3822.123",
        "giai đoạn 2025-2026",
        "lúc 14:30",
        "tỷ lệ 50/50",
    ],
)
def test_numbers_that_are_not_dates(text: str) -> None:
    assert find_dates(text, default_year=2026) == []


@pytest.mark.parametrize(
    ("day", "name"),
    [
        (dt.date(2026, 3, 16), "Thứ Hai"),
        (dt.date(2026, 3, 18), "Thứ Tư"),
        (dt.date(2026, 4, 24), "Thứ Sáu"),
        (dt.date(2026, 4, 25), "Thứ Bảy"),
        (dt.date(2026, 4, 26), "Chủ nhật"),
    ],
)
def test_weekday_name(day: dt.date, name: str) -> None:
    assert weekday_name(day) == name
    assert parse_weekday(name) == day.weekday()


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("Thứ Hai", 0),
        ("thứ hai", 0),
        ("thứ 2", 0),
        ("T2", 0),
        ("Thứ Ba", 1),
        ("T3", 1),
        ("Thứ Tư", 2),
        ("thứ tư", 2),
        ("Thứ 4", 2),
        ("Thứ Năm", 3),
        ("Thứ Sáu", 4),
        ("thứ 6", 4),
        ("Thứ Bảy", 5),
        ("thứ bẩy", 5),
        ("T7", 5),
        ("Chủ nhật", 6),
        ("Chủ Nhật", 6),
        ("CN", 6),
    ],
)
def test_parse_weekday_forms(written: str, value: int) -> None:
    assert parse_weekday(written) == value
    assert parse_weekday(f"Họp vào {written}, ngày 18/3/2026") == value


@pytest.mark.parametrize("text", ["t2", "cn", "CNTT", "T27", "Thông tin", ""])
def test_not_weekdays(text: str) -> None:
    assert find_weekdays(text) == []


def test_weekday_names_are_nfc_and_seven() -> None:
    assert len(WEEKDAYS) == 7
    assert WEEKDAYS[0] == "Thứ Hai" and WEEKDAYS[6] == "Chủ nhật"


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("14 giờ 00", dt.time(14, 0)),
        ("8 giờ 30 phút", dt.time(8, 30)),
        ("7 giờ", dt.time(7, 0)),
        ("14h00", dt.time(14, 0)),
        ("7h30", dt.time(7, 30)),
        ("7h", dt.time(7, 0)),
        ("14:30", dt.time(14, 30)),
    ],
)
def test_find_times(written: str, value: dt.time) -> None:
    spans = find_times(f"Thời gian: {written}, ngày 18/3/2026")
    assert [s.value for s in spans] == [value]
    assert spans[0].text == written


@pytest.mark.parametrize("text", ["5 Hội nghị", "25 giờ", "2025:30", "Mục 3:", "7ha đất"])
def test_not_times(text: str) -> None:
    assert find_times(text) == []


def test_date_functions_reject_non_text() -> None:
    with pytest.raises(InputError):
        find_dates(20260305)  # type: ignore[arg-type]
    with pytest.raises(InputError):
        format_place_date(None, dt.date(2026, 1, 1))  # type: ignore[arg-type]
