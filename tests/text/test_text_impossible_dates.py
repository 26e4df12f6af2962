"""Dates no calendar has (``31/9/2026``), found so the checkers can name them."""

from __future__ import annotations

import pytest

from congdoan.text import find_dates, find_impossible_dates


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Họp lúc 14 giờ, Thứ Năm, ngày 31/9/2026.", ["31/9/2026"]),
        ("Huế, ngày 30 tháng 02 năm 2027", ["ngày 30 tháng 02 năm 2027"]),
        ("trao quà ngày 29/02/2027 và 29/02/2028", ["29/02/2027"]),  # 2028 is a leap year
        ("hạn nộp ngày 32/5", ["32/5"]),
        ("khai giảng 5/13/2026", ["5/13/2026"]),  # no 13th month (nor a US-style date)
        ("ngày 31.4.2026", ["31.4.2026"]),
    ],
)
def test_days_no_calendar_has_are_found(text: str, found: list[str]) -> None:
    assert [span.text for span in find_impossible_dates(text)] == found
    assert find_dates(text) == [] or all(s.text not in found for s in find_dates(text))


@pytest.mark.parametrize(
    "text",
    [
        "Đội A thắng với tỷ số 15/20 điểm.",  # a score, not a date: no year, no "ngày"
        "2/3 số đoàn viên đã đóng góp.",
        "nghỉ ngày 29/02",  # some years have it
        "Số: 15/TB-CĐCS; Nghị định 30/2020/NĐ-CP",
        "từ 10-11/12/2026, năm học 2025-2026",
        "Huế, ngày 08 tháng 01 năm 2027; họp ngày 28/02/2027",
    ],
)
def test_real_dates_and_other_numbers_are_not_reported(text: str) -> None:
    assert find_impossible_dates(text) == []
