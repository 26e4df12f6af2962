"""Property tests: check never raises on any string, for every kind."""

from __future__ import annotations

import pytest
from document_cases import KIND_NAMES, TODAY, read
from hypothesis import given, settings
from hypothesis import strategies as st

from congdoan.documents import check, parse
from congdoan.report import Report

DOCUMENT_WORDS = [
    "THÔNG BÁO",
    "GIẤY MỜI",
    "KẾ HOẠCH",
    "BÁO CÁO",
    "Số: 05/TB-CĐCS",
    "Số:",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "Huế, ngày 31 tháng 02 năm 2026",
    "Huế, ngày",
    "Kính gửi:",
    "kính mời:",
    "Nơi nhận:",
    "- Lưu: VT.",
    "- Như trên;",
    "TM. BAN CHẤP HÀNH",
    "TM/BCH",
    "CHỦ TỊCH",
    "KT.",
    "Nguyễn Văn An",
    "(Đã ký)",
    "[bổ sung",
    "]",
    "...",
    "|",
    "**",
    "\t",
    "  ",
    "\n",
    "Thứ Hai",
    "14 giờ",
    "05/5",
    "1.300.000 đồng",
    "C«ng ®oµn",
    "Coâng ñoaøn",
]
document_like = st.lists(st.sampled_from(DOCUMENT_WORDS), max_size=60).map("".join)


@pytest.mark.parametrize("kind", KIND_NAMES)
@settings(max_examples=150, deadline=None)  # never-raises tests; timing is benchmarked apart
@given(text=st.text())
def test_check_never_raises_on_arbitrary_text(kind: str, text: str) -> None:
    report = check(text, kind, today=TODAY)
    assert isinstance(report, Report) and len(report) >= 1


@pytest.mark.parametrize("kind", KIND_NAMES)
@settings(max_examples=150, deadline=None)  # never-raises tests; timing is benchmarked apart
@given(text=document_like)
def test_check_never_raises_on_document_like_text(kind: str, text: str) -> None:
    report = check(text, kind, today=TODAY)
    for item in report:
        assert item.message and "{" not in item.message and "{" not in item.hint


@settings(max_examples=100, deadline=None)
@given(text=st.text())
def test_parse_is_stable_under_normalisation(text: str) -> None:
    assert parse(parse(text).text).lines == parse(text).lines


@pytest.mark.parametrize("kind", KIND_NAMES)
@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "\n\n\n",
        "\t \u00a0\u2003\n",
        "\x00\x01\x02\xff\ufffd" * 1000,
        bytes(range(256)).decode("latin-1") * 50,
        "A" * 1_000_000,
        "[" * 10_000 + "]" * 10_000,
        "." * 100_000,
        "Số: " + "9" * 10_000 + "/TB-CĐCS",
        "Huế, ngày 99 tháng 99 năm 9999",
        "\ud800".encode("utf-8", "surrogatepass").decode("utf-8", "replace"),
    ],
    ids=lambda t: f"len{len(t)}" if isinstance(t, str) else str(t),
)
def test_check_never_raises_on_edge_cases(kind: str, text: str) -> None:
    assert isinstance(check(text, kind, today=TODAY), Report)


@pytest.mark.parametrize("kind", KIND_NAMES)
def test_check_on_a_huge_document_is_fast_enough(kind: str) -> None:
    text = read("plan_thang_cong_nhan.txt") * 200
    assert isinstance(check(text, kind, today=TODAY), Report)
