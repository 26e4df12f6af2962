"""check_image_prompt: each rule, with and without diacritics, channels and privacy."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import congdoan
from congdoan.errors import InputError
from congdoan.media import check_image_prompt, quoted_text
from congdoan.text import strip_diacritics

GOOD = (
    "Tranh cổ động phong cách minh họa phẳng: nhóm công nhân tươi cười trước nhà máy, "
    "màu đỏ và vàng, tỉ lệ 4:5, dòng chữ “Tháng Công nhân 2026”."
)
CODES = [
    "subject",
    "style",
    "text",
    "aspect_ratio",
    "colours",
    "privacy",
    "placeholder",
]


def test_a_complete_prompt_passes_every_check():
    report = check_image_prompt(GOOD, channel="facebook")
    assert report.kind == "image_prompt"
    assert [item.code for item in report] == CODES
    assert report.failed_codes == [] and report.score == 1.0
    assert "nhóm công nhân tươi cười trước nhà máy" in report["subject"].message
    assert "màu đỏ và vàng" in report["colours"].message


def test_the_same_prompt_typed_without_diacritics_passes():
    plain = strip_diacritics(GOOD)
    assert plain.isascii() or "“" in plain
    assert check_image_prompt(plain, channel="facebook").failed_codes == []


@pytest.mark.parametrize(
    ("removed", "code"),
    [
        ("Tranh cổ động phong cách minh họa phẳng: ", "style"),
        ("nhóm công nhân tươi cười trước nhà máy, ", "subject"),
        ("màu đỏ và vàng, ", "colours"),
        ("tỉ lệ 4:5, ", "aspect_ratio"),
        (", dòng chữ “Tháng Công nhân 2026”", "text"),
    ],
)
def test_each_missing_part_fails_its_own_check(removed, code):
    assert removed in GOOD
    report = check_image_prompt(GOOD.replace(removed, ""), channel="facebook")
    assert report.failed_codes == [code]
    assert report[code].hint


def test_text_on_the_image_warns_about_vietnamese_diacritics():
    item = check_image_prompt(GOOD)["text"]
    assert item.ok and "“Tháng Công nhân 2026”" in item.message
    assert "sai dấu" in item.message and "poster()" in item.message
    ascii_text = check_image_prompt(GOOD.replace("Tháng Công nhân", "SAFETY"))["text"]
    assert ascii_text.ok and "sai dấu" not in ascii_text.message


def test_text_rules_unquoted_long_and_none():
    unquoted = check_image_prompt("Ảnh nhóm công nhân, có dòng chữ Tháng Công nhân")["text"]
    assert not unquoted.ok and unquoted.severity == "warning"
    long = "“Công đoàn cơ sở Công ty Dệt may Huế chào mừng Tháng Công nhân năm 2026”"
    item = check_image_prompt(f"Ảnh nhóm công nhân, dòng chữ {long}")["text"]
    assert not item.ok and "16 chữ" in item.message
    assert check_image_prompt("anh cong nhan, khong co chu")["text"].ok
    assert quoted_text('dòng chữ "Tết Sum vầy" và «Xuân gắn kết»') == [
        "Tết Sum vầy",
        "Xuân gắn kết",
    ]


@pytest.mark.parametrize(
    ("prompt", "channel", "ok"),
    [
        ("tỉ lệ 9:16", "tiktok", True),
        ("tỉ lệ 9:16", "facebook", False),
        ("kích thước 1080x1350", "facebook", True),
        ("kich thuoc 1080 x 1920", "story", True),
        ("tỉ lệ 1.91:1", "link", True),
        ("tỉ lệ 1,91:1", "zalo", True),
        ("khổ ngang 16:9", "youtube", True),
        ("tỉ lệ 1:1", "youtube", False),
        ("khung dọc", "reels", True),
        ("khung dọc", "youtube", False),
        ("ảnh vuông", "facebook_square", True),
        ("lúc 7:30 ngày 1/5", "facebook", False),
    ],
)
def test_aspect_ratio_matches_the_channel(prompt, channel, ok):
    item = check_image_prompt(f"Ảnh nhóm công nhân, {prompt}", channel=channel)["aspect_ratio"]
    assert item.ok is ok
    if not ok:
        assert "1080" in item.hint or "1280" in item.hint or "1200" in item.hint


def test_the_channel_named_in_the_prompt_is_used():
    item = check_image_prompt("Ảnh bìa đăng TikTok: nhóm công nhân, tỉ lệ 16:9")["aspect_ratio"]
    assert not item.ok and "9:16" in item.hint
    assert check_image_prompt("Ảnh bìa YouTube, nhóm công nhân, 16:9")["aspect_ratio"].ok


@pytest.mark.parametrize(
    "prompt",
    [
        "Vẽ chân dung chị Nguyễn Thị Lan, tổ trưởng tổ may, tranh cổ động",
        "Poster có số điện thoại 0905 123 456 của Chủ tịch",
        "ve chan dung chi Lan to may, phong cach hoat hinh",
    ],
)
def test_real_members_are_flagged(prompt):
    item = check_image_prompt(prompt)["privacy"]
    assert not item.ok and item.severity == "error"
    assert "đồng ý" in item.hint


def test_generic_people_are_fine():
    assert check_image_prompt("Chân dung một nữ công nhân may, tranh cổ động")["privacy"].ok


def test_check_finds_the_kind_without_importing_media(monkeypatch):
    monkeypatch.setattr("congdoan.checks._registered", {})
    assert congdoan.check(GOOD, "image_prompt").kind == "image_prompt"
    assert "image_prompt" in congdoan.checks.kinds()


def test_bad_input_raises_input_error():
    with pytest.raises(InputError, match="Không có kênh"):
        check_image_prompt(GOOD, channel="myspace")
    with pytest.raises(InputError):
        check_image_prompt(None)  # type: ignore[arg-type]


def test_english_messages(monkeypatch):
    monkeypatch.setenv("CONGDOAN_LANG", "en")
    assert "subject" in check_image_prompt("x")["subject"].message


@settings(max_examples=200, deadline=None)
@given(st.text(), st.sampled_from([None, "facebook", "tiktok", "youtube", "zalo", "link"]))
def test_never_raises_on_arbitrary_text(text, channel):
    report = check_image_prompt(text, channel=channel)
    assert [item.code for item in report] == CODES


@pytest.mark.parametrize(
    "prompt",
    ["Ảnh chụp đoàn viên hiến máu tại Nhà văn hóa, tỉ lệ 4:5", "Tranh cổ động theo mẫu, tỉ lệ 1:1"],
)
def test_blood_and_template_are_not_colours(prompt):
    assert not check_image_prompt(prompt)["colours"].ok


@pytest.mark.parametrize(
    "prompt", ["Ảnh chụp đoàn viên hiến máu, màu đỏ và trắng", "anh chup doan vien, mau do"]
)
def test_colours_with_and_without_diacritics(prompt):
    assert check_image_prompt(prompt)["colours"].ok
