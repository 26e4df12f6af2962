"""Money in đồng: dots group thousands, commas mark decimals, several unit spellings."""

from __future__ import annotations

import pytest

from congdoan.errors import InputError
from congdoan.text import find_money, format_money, parse_money


@pytest.mark.parametrize(
    ("written", "amount"),
    [
        ("1.300.000 đồng", 1_300_000),
        ("1.300.000đ", 1_300_000),
        ("1.300.000 đ", 1_300_000),
        ("1.300.000₫", 1_300_000),
        ("1.300.000\u00a0₫", 1_300_000),
        ("1.300.000 VNĐ", 1_300_000),
        ("1.300.000 VND", 1_300_000),
        ("1,3 triệu đồng", 1_300_000),
        ("1,3 triệu", 1_300_000),
        ("1.5 triệu", 1_500_000),
        ("200 nghìn", 200_000),
        ("200 ngàn đồng", 200_000),
        ("200k", 200_000),
        ("2 tỷ đồng", 2_000_000_000),
        ("1.234.567,5 đồng", 1_234_568),
        ("500.000", 500_000),
        ("0 đồng", 0),
    ],
)
def test_parse_money(written: str, amount: int) -> None:
    assert parse_money(written) == amount


def test_find_money_spans_and_values() -> None:
    text = "Mỗi suất 1.300.000 đồng, quà 500.000\u00a0₫ và hỗ trợ 1,5 triệu đồng ngày 05/5/2026."
    spans = find_money(text)
    assert [s.value for s in spans] == [1_300_000, 500_000, 1_500_000]
    assert [text[s.start : s.end] for s in spans] == [
        "1.300.000 đồng",
        "500.000\u00a0₫",
        "1,5 triệu đồng",
    ]


@pytest.mark.parametrize(
    "text",
    ["năm 2026", "50 đoàn viên", "Số: 05/TB-CĐCS", "0905 123 456", "5 km", "3 trường", "đi 5 đợt"],
)
def test_numbers_that_are_not_money(text: str) -> None:
    assert find_money(text) == []


@pytest.mark.parametrize("text", ["", "không có số", "abc"])
def test_parse_money_none(text: str) -> None:
    assert parse_money(text) is None


@pytest.mark.parametrize(
    ("amount", "kwargs", "written"),
    [
        (1_300_000, {}, "1.300.000 đồng"),
        (1_300_000, {"unit": "đ"}, "1.300.000đ"),
        (1_300_000, {"unit": "₫"}, "1.300.000\u00a0₫"),
        (1_300_000, {"unit": "VNĐ"}, "1.300.000 VNĐ"),
        (1_300_000, {"short": True}, "1,3 triệu đồng"),
        (200_000, {"short": True}, "200 nghìn đồng"),
        (2_000_000_000, {"short": True}, "2 tỷ đồng"),
        (999, {"short": True}, "999 đồng"),
        (0, {}, "0 đồng"),
    ],
)
def test_format_money(amount: int, kwargs: dict, written: str) -> None:
    assert format_money(amount, **kwargs) == written
    assert parse_money(written) == amount


@pytest.mark.parametrize("amount", [1.5, "1000", None, True])
def test_format_money_rejects_non_integers(amount) -> None:
    with pytest.raises(InputError, match="Số tiền phải là số nguyên"):
        format_money(amount)


def test_format_money_rejects_unknown_unit() -> None:
    with pytest.raises(InputError, match="Không dùng được đơn vị tiền"):
        format_money(1000, unit="USD")  # type: ignore[arg-type]


def test_huge_number_does_not_raise() -> None:
    assert isinstance(parse_money("9" * 500 + " đồng"), int | None)


@pytest.mark.parametrize(
    "text", ["15 đồng chí dự họp", "cảm ơn 20 đồng nghiệp", "3 đồng đội", "100 đồng bào"]
)
def test_dong_as_the_start_of_another_word_is_not_money(text: str) -> None:
    assert find_money(text) == []


def test_money_next_to_comrades_is_still_found() -> None:
    spans = find_money("Tặng 500.000 đồng cho 15 đồng chí")
    assert [(s.text, s.value) for s in spans] == [("500.000 đồng", 500_000)]
