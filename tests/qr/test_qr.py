"""congdoan.qr: the matrix is segno's, the printed size is exact, payloads are right."""

from __future__ import annotations

import re

import pytest
import segno
from PIL import Image

from congdoan import qr
from congdoan.errors import InputError

FORM = "https://forms.gle/AbCdEf123"


def _png_matrix(path, data: str, error: str = "M") -> tuple[list[list[int]], list[list[int]]]:
    """The PNG sampled at module centres, and segno's own matrix with the quiet zone."""
    code = segno.make(data, error=error, micro=False, boost_error=False, encoding="utf-8")
    border = qr.QUIET_ZONE
    modules = code.symbol_size(border=border)[0]
    with Image.open(path) as image:
        pixels = image.convert("L")
        step = pixels.size[0] / modules
        sampled = [
            [
                int(pixels.getpixel((int((x + 0.5) * step), int((y + 0.5) * step))) < 128)
                for x in range(modules)
            ]
            for y in range(modules)
        ]
    expected = [[0] * modules for _ in range(modules)]
    for y, row in enumerate(code.matrix):
        for x, bit in enumerate(row):
            expected[y + border][x + border] = int(bool(bit))
    return sampled, expected


@pytest.mark.parametrize("size_cm,dpi", [(4, 300), (3, 300), (5, 600), (2.5, 150)])
def test_png_has_the_printed_size_and_segno_matrix(tmp_path, size_cm, dpi):
    path = qr.form_qr(FORM, tmp_path / "dang_ky.png", size_cm=size_cm, dpi=dpi)
    with Image.open(path) as image:
        width, height = image.size
        stored_dpi = image.info["dpi"]
    target = size_cm / 2.54 * dpi
    modules = qr.make(FORM).symbol_size(border=qr.QUIET_ZONE)[0]
    assert width == height
    assert abs(width - target) <= target / modules  # within one module
    assert round(stored_dpi[0]) == dpi
    sampled, expected = _png_matrix(path, FORM)
    assert sampled == expected


def test_error_level_and_quiet_zone(tmp_path):
    code = qr.make(FORM, error="q")
    assert code.error == "Q"
    assert not code.is_micro
    path = qr.qr_code(FORM, tmp_path / "q.png", error="Q")
    sampled, expected = _png_matrix(path, FORM, "Q")
    assert sampled == expected
    assert all(bit == 0 for bit in sampled[0] + sampled[3])  # white quiet zone rows


def test_svg_is_sized_in_millimetres(tmp_path):
    path = qr.form_qr(FORM, tmp_path / "dang_ky.svg", size_cm=4)
    svg = path.read_text(encoding="utf-8")
    assert re.search(r'width="40(\.0+)?mm" height="40(\.0+)?mm"', svg)
    assert qr.qr_code(FORM, tmp_path / "no_suffix").suffix == ".png"


def test_zalo_group_links(tmp_path):
    path = qr.zalo_group_qr("zalo.me/g/abcd1234", tmp_path / "zalo.png")
    sampled, expected = _png_matrix(path, "https://zalo.me/g/abcd1234")
    assert sampled == expected
    for bad in ("https://zalo.me/0905123456", "https://example.com/g/abcd1234", "zalo", ""):
        with pytest.raises(InputError, match="nhóm Zalo"):
            qr.zalo_group_qr(bad, tmp_path / "z.png")


@pytest.mark.parametrize("bad", ["", "forms google", "ftp://x.vn/a", "https://localhost", 5])
def test_bad_urls(tmp_path, bad):
    with pytest.raises(InputError):
        qr.form_qr(bad, tmp_path / "x.png")


def test_vcard_payload():
    card = qr.vcard(
        "Nguyễn Thị Hoa",
        "CĐCS Công ty May Hương Giang, Huế",
        "0905.123.456",
        "hoa@example.vn",
        "12 Lê Lợi; phường Thuận Hóa",
        title="Chủ tịch Công đoàn",
    )
    lines = card.split("\r\n")
    assert lines[:2] == ["BEGIN:VCARD", "VERSION:3.0"]
    assert "N:Nguyễn;Thị Hoa;;;" in lines
    assert "FN:Nguyễn Thị Hoa" in lines
    assert "ORG:CĐCS Công ty May Hương Giang\\, Huế" in lines
    assert "TITLE:Chủ tịch Công đoàn" in lines
    assert "TEL;TYPE=WORK,VOICE:+84905123456" in lines
    assert "EMAIL;TYPE=INTERNET,WORK:hoa@example.vn" in lines
    assert "ADR;TYPE=WORK:;;12 Lê Lợi\\; phường Thuận Hóa;;;;" in lines
    assert card.endswith("END:VCARD\r\n")


def test_vcard_qr_encodes_utf8_card(tmp_path):
    path = qr.vcard_qr(
        "Văn phòng Công đoàn",
        "CĐCS Trường Tiểu học Hồng Vân",
        "0234 3822 123",
        path=tmp_path / "lien_he.png",
        size_cm=5,
    )
    card = qr.vcard("Văn phòng Công đoàn", "CĐCS Trường Tiểu học Hồng Vân", "0234 3822 123")
    sampled, expected = _png_matrix(path, card)
    assert sampled == expected
    assert "TEL;TYPE=WORK,VOICE:+842343822123" in card


@pytest.mark.parametrize(
    "kwargs,match",
    [
        ({"phone": "12345"}, "Số điện thoại"),
        ({"email": "hoa@"}, "thư điện tử"),
        ({"name": " "}, "họ tên"),
    ],
)
def test_vcard_validation(kwargs, match):
    args = {"name": "Nguyễn Thị Hoa", "organisation": "CĐCS", "phone": "0905123456"} | kwargs
    with pytest.raises(InputError, match=match):
        qr.vcard(**args)


def test_size_dpi_kind_and_folder_validation(tmp_path):
    with pytest.raises(InputError, match="cm"):
        qr.qr_code("x", tmp_path / "a.png", size_cm=0.2)
    with pytest.raises(InputError, match="dpi"):
        qr.qr_code("x", tmp_path / "a.png", dpi=30)
    with pytest.raises(InputError, match="png"):
        qr.qr_code("x", tmp_path / "a.jpg")
    (tmp_path / "mot_tep").write_text("a file where a folder should be")
    with pytest.raises(InputError, match="Không tạo được thư mục"):
        qr.qr_code("x", tmp_path / "mot_tep" / "a.png")
    assert qr.qr_code("x", tmp_path / "ket_qua" / "a.png").is_file()  # folders are made
    with pytest.raises(InputError, match="Mức sửa lỗi"):
        qr.qr_code("x", tmp_path / "a.png", error="Z")
    with pytest.raises(InputError, match="nội dung"):
        qr.qr_code("  ", tmp_path / "a.png")


def test_vcard_qr_takes_the_card_fields_by_keyword_too(tmp_path):
    """The card's fields are vcard's: by position or by name, the QR holds the same card."""
    contact = {"name": "Nguyễn Thị Hoa", "organisation": "CĐCS Công ty May", "phone": "0905123456"}
    path = qr.vcard_qr(
        **contact, title="Chủ tịch Công đoàn", path=tmp_path / "hoa.png", size_cm=5, error="Q"
    )
    card = qr.vcard(*contact.values(), title="Chủ tịch Công đoàn")
    sampled, expected = _png_matrix(path, card, error="Q")
    assert sampled == expected
    with pytest.raises(TypeError):
        qr.vcard_qr("Nguyễn Thị Hoa", "CĐCS", path=tmp_path / "x.png")  # no phone
