"""Legacy encodings: TCVN3 (.VnTime) and VNI text as it looks when the font is missing."""

from __future__ import annotations

import unicodedata

import pytest

from congdoan.text import detect_legacy_encoding

# Unicode letter → TCVN3 byte, shown as the Latin-1 glyph Windows draws without the font.
_TCVN3 = dict(
    zip(
        "ăâêôơưđĂÂÊÔƠƯĐàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ",
        bytes.fromhex(
            "a8a9aaabacadaea1a2a3a4a5a6a7"
            "b5b6b7b8b9bbbcbdbec6c7c8c9cacbcccecfd0d1d2d3d4d5d6d7d8dcddde"
            "dfe1e2e3e4e5e6e7e8e9eaebecedeeeff1f2f3f4f5f6f7f8f9fafbfcfdfe"
        ).decode("latin-1"),
        strict=True,
    )
)


def to_tcvn3(text: str) -> str:
    """Garble Unicode text the way a .VnTime document looks on a machine without the font."""
    out = []
    for ch in text:
        lower = ch.lower()
        if ch in _TCVN3:
            out.append(_TCVN3[ch])
        elif lower in _TCVN3 and lower not in "ăâêôơưđ":
            out.append(_TCVN3[lower])  # toned capitals: .VnTimeH draws lowercase codes as capitals
        else:
            out.append(ch)
    return "".join(out)


SENTENCES = [
    "Công đoàn cơ sở Công ty Cổ phần Dệt May Huế",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc",
    "Thông báo về việc tổ chức Tháng Công nhân năm 2026 cho người lao động",
    "Ban Chấp hành trân trọng kính mời đoàn viên tới dự hội nghị",
]


def test_known_tcvn3_glyphs() -> None:
    assert to_tcvn3("Công đoàn") == "C«ng ®oµn"
    assert to_tcvn3("Việt Nam") == "ViÖt Nam"


@pytest.mark.parametrize("sentence", SENTENCES)
def test_tcvn3_garbled_text_is_detected(sentence: str) -> None:
    assert detect_legacy_encoding(to_tcvn3(sentence)) == "tcvn3"


@pytest.mark.parametrize(
    "garbled",
    [
        "Coâng ñoaøn cô sôû Coâng ty",
        "COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM",
        "Ñoäc laäp - Töï do - Haïnh phuùc",
        "Thoâng baùo veà vieäc toå chöùc Thaùng Coâng nhaân",
    ],
)
def test_vni_garbled_text_is_detected(garbled: str) -> None:
    assert detect_legacy_encoding(garbled) == "vni"


@pytest.mark.parametrize("sentence", SENTENCES)
def test_unicode_text_is_not_legacy(sentence: str) -> None:
    assert detect_legacy_encoding(sentence) is None
    assert detect_legacy_encoding(unicodedata.normalize("NFD", sentence)) is None


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "Nhiệt độ 25°C, giá © 2026, «trích dẫn» và ½ suất",
        "Hello world, plain ASCII text without any Vietnamese",
        "Señor Muñoz visited the café",
        "Quét dọn, hoè, khoẻ, thuỷ: chữ đúng kiểu cũ vẫn là Unicode",
    ],
)
def test_other_text_is_not_legacy(text: str) -> None:
    assert detect_legacy_encoding(text) is None
