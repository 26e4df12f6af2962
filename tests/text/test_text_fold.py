"""``fold`` and ``fold_aligned``: the one comparison form every module uses."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from congdoan.errors import InputError
from congdoan.text import find_dates, find_money, find_times, find_weekdays, fold, fold_aligned

# Realistic spellings of the same words: with marks, without, capitals, NFD from macOS,
# old-style tones, and the Icelandic Ð some converters write for Đ.
SAME_WORDS = [
    ("Công đoàn cơ sở", "cong doan co so"),
    ("CÔNG ĐOÀN CƠ SỞ", "cong doan co so"),
    ("cong doan co so", "cong doan co so"),
    (unicodedata.normalize("NFD", "Công đoàn Thừa Thiên Huế"), "cong doan thua thien hue"),
    ("Hoà Thuỷ", "hoa thuy"),
    ("ÐOÀN", "doan"),
    ("Tháng Công nhân năm 2026", "thang cong nhan nam 2026"),
]


@pytest.mark.parametrize(("written", "folded"), SAME_WORDS)
def test_fold_gives_one_form_for_every_spelling(written: str, folded: str) -> None:
    assert fold(written) == folded


def test_fold_squash_collapses_white_space() -> None:
    assert fold("  Ban\tChấp  hành\n", squash=True) == "ban chap hanh"
    assert fold("  Ban\tChấp  hành\n") == "  ban\tchap  hanh\n"


def test_fold_rejects_non_text_with_a_message() -> None:
    with pytest.raises(InputError):
        fold(None)  # type: ignore[arg-type]


def test_fold_aligned_keeps_offsets() -> None:
    text = "Liên hệ đồng chí Đoàn Văn Hùng, ĐT 0905 123 456"
    folded = fold_aligned(text)
    start = folded.index("doan van hung")
    assert text[start : start + len("doan van hung")] == "Đoàn Văn Hùng"


def test_fold_aligned_can_keep_capitals() -> None:
    assert fold_aligned("Huyện Phú Vang", lower=False) == "Huyen Phu Vang"
    assert fold_aligned("Huyện Phú Vang") == "huyen phu vang"


@given(st.text())
def test_fold_aligned_has_the_length_of_its_input(text: str) -> None:
    assert len(fold_aligned(text)) == len(text)
    assert len(fold_aligned(text, lower=False)) == len(text)


@given(st.text())
def test_fold_is_ascii_for_vietnamese_and_idempotent(text: str) -> None:
    once = fold(text)
    assert fold(once) == once


@given(st.text(alphabet="aăâeêioôơuưyđAĂÂEÊIOÔƠUƯYĐàáảãạằắẳẵặầấẩẫậ ùúủũụừứửữự"))
def test_fold_of_vietnamese_letters_is_ascii(text: str) -> None:
    assert fold(text).isascii()
    assert fold(text) == fold_aligned(unicodedata.normalize("NFC", text))


def test_finders_read_nfd_text() -> None:
    text = unicodedata.normalize(
        "NFD", "Họp vào Thứ Hai, ngày 05 tháng 3 năm 2026 lúc 14 giờ 30, kinh phí 1,3 triệu đồng"
    )
    assert [s.value.isoformat() for s in find_dates(text)] == ["2026-03-05"]
    assert [s.value.isoformat() for s in find_times(text)] == ["14:30:00"]
    assert [s.value for s in find_weekdays(text)] == [0]
    assert [s.value for s in find_money(text)] == [1_300_000]
