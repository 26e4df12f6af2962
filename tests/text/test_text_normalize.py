"""Normalisation: one comparison form for NFC/NFD, old and new tone placement, and dashes."""

from __future__ import annotations

import unicodedata

import pytest

from congdoan.errors import InputError
from congdoan.text import (
    canonical_tones,
    detect_legacy_encoding,
    nfc,
    normalize,
    normalize_dashes,
    strip_diacritics,
)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("hoà", "hòa"),
        ("HOÀ", "HÒA"),
        ("Cộng hoà", "Cộng hòa"),
        ("thuỷ", "thủy"),
        ("khoẻ", "khỏe"),
        ("hoá", "hóa"),
        ("hoạ", "họa"),
        ("Uỷ ban", "Ủy ban"),
        ("tuỳ", "tùy"),
        ("hoè", "hòe"),
        ("Thuỵ", "Thụy"),
    ],
)
def test_old_tone_placement_becomes_new_style(old: str, new: str) -> None:
    assert canonical_tones(old) == new
    assert normalize(old) == new


@pytest.mark.parametrize(
    "word", ["hoàng", "toán", "khuyến", "quý", "Quỳnh", "quỷ", "khuỷu", "hòa", "thủy", "oa", "uy"]
)
def test_words_already_right_or_with_final_consonant_are_unchanged(word: str) -> None:
    assert canonical_tones(word) == word


def test_nfd_input_becomes_nfc() -> None:
    decomposed = unicodedata.normalize("NFD", "Công đoàn cơ sở Dệt May Huế")
    assert decomposed != "Công đoàn cơ sở Dệt May Huế"
    assert normalize(decomposed) == "Công đoàn cơ sở Dệt May Huế"
    assert nfc(decomposed) == "Công đoàn cơ sở Dệt May Huế"


def test_nfd_old_tone_placement_is_moved_too() -> None:
    assert normalize(unicodedata.normalize("NFD", "CỘNG HOÀ")) == "CỘNG HÒA"


@pytest.mark.parametrize("dash", ["\u2013", "\u2014", "\u2212", "\u2012", "\u2010", "\u2011"])
def test_dashes_become_hyphens(dash: str) -> None:
    assert normalize_dashes(f"Độc lập {dash} Tự do") == "Độc lập - Tự do"
    assert normalize(f"Độc lập {dash} Tự do") == "Độc lập - Tự do"


def test_normalize_can_keep_dashes() -> None:
    assert normalize("1–5", dashes=False) == "1–5"


def test_normalize_removes_invisible_characters_and_fixes_line_ends() -> None:
    assert normalize("\ufeffTHÔNG\u200b BÁO\r\nDòng 2\rDòng 3") == "THÔNG BÁO\nDòng 2\nDòng 3"


def test_icelandic_eth_becomes_vietnamese_d() -> None:
    assert normalize("\u00d0oàn") == "Đoàn"


def test_normalize_is_idempotent_on_examples() -> None:
    for text in ["Cộng hoà – xã hội", "thuỷ", "", "  ", "khoẻ\r\n"]:
        once = normalize(text)
        assert normalize(once) == once


def test_strip_diacritics() -> None:
    assert strip_diacritics("Công đoàn Việt Nam") == "Cong doan Viet Nam"
    assert strip_diacritics("ĐOÀN") == "DOAN"


@pytest.mark.parametrize(
    "function", [normalize, canonical_tones, normalize_dashes, detect_legacy_encoding]
)
@pytest.mark.parametrize("value", [None, 42, b"bytes", ["list"]])
def test_non_text_raises_input_error_in_vietnamese(function, value) -> None:
    with pytest.raises(InputError) as caught:
        function(value)
    assert "Cần một đoạn văn bản" in str(caught.value)
    assert type(value).__name__ in str(caught.value)
