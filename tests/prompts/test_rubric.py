"""The prompt rubric: vague prompts fail, detailed prompts pass, with or without diacritics."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from congdoan import i18n, prompts
from congdoan.errors import InputError
from congdoan.text import strip_diacritics

DETAILED = (
    "Bạn là cán bộ tuyên giáo của Công đoàn cơ sở Công ty May Huế. Hãy soạn một thông báo "
    "gửi đoàn viên và người lao động về Hội thao Tháng Công nhân tổ chức ngày 10/5/2026 tại "
    "sân vận động Tự Do, nhằm khuyến khích mọi người đăng ký tham gia. Trình bày theo mẫu "
    "thông báo, gồm 3 phần, giọng văn trang trọng nhưng gần gũi, dưới 250 chữ."
)
WITH_EXAMPLE = DETAILED + ' Ví dụ: "Kính mời toàn thể đoàn viên tham gia Hội thao..."'
VAGUE = ["Viết bài về công đoàn", "viet bai ve cong doan", "Giúp tôi với", "Làm thơ"]


@pytest.mark.parametrize("prompt", [DETAILED, strip_diacritics(DETAILED), DETAILED.upper()])
def test_detailed_prompt_passes_every_scored_code(prompt):
    report = prompts.check(prompt)
    assert report.failed_codes == ["example"]
    assert report.ok
    assert report.score == 1.0


def test_example_makes_every_code_pass():
    assert prompts.check(WITH_EXAMPLE).failed_codes == []
    assert prompts.check(strip_diacritics(WITH_EXAMPLE)).failed_codes == []


@pytest.mark.parametrize("prompt", VAGUE)
def test_vague_prompt_fails_most_codes(prompt):
    report = prompts.check(prompt)
    assert not report.ok
    assert {"role", "context", "audience", "tone", "length"} <= set(report.failed_codes)
    assert report.score < 0.5


def test_exact_codes_of_a_vague_notice_prompt():
    report = prompts.check("Viết thông báo")
    assert report.failed_codes == ["role", "context", "audience", "tone", "length", "example"]
    assert [item.code for item in report] == list(prompts.CODES)


@pytest.mark.parametrize(
    ("addition", "code"),
    [
        ("Hãy đóng vai chủ tịch công đoàn.", "role"),
        ("Đối tượng là công nhân nữ.", "audience"),
        ("Trình bày dạng bảng.", "format"),
        ("Dùng gạch đầu dòng.", "format"),
        ("Giọng văn thân thiện.", "tone"),
        ("Tối đa 150 từ.", "length"),
        ("Viết 3 đoạn.", "length"),
    ],
)
def test_each_part_is_recognised_alone(addition, code):
    for text in (addition, strip_diacritics(addition).lower()):
        assert prompts.check("Giúp tôi. " + text)[code].ok


def test_context_needs_two_facts():
    assert not prompts.check("Viết thư cho công đoàn")["context"].ok
    assert prompts.check("Viết thư mời dự hội nghị của công đoàn ngày 15/6")["context"].ok


def test_event_name_thang_cong_nhan_is_not_an_audience():
    assert not prompts.check("Viết khẩu hiệu Tháng Công nhân")["audience"].ok


def test_failed_items_have_vietnamese_message_and_hint():
    for item in prompts.check(""):
        assert not item.ok
        assert item.message and item.hint
        assert unicodedata.is_normalized("NFC", item.message + item.hint)


def test_suggestion_contains_the_missing_slots_only():
    suggestion = prompts.suggest("Viết thông báo")
    assert suggestion.splitlines()[0].startswith("Bạn là [vai trò:")
    assert "Viết thông báo" in suggestion
    for slot in ("[bối cảnh:", "[đối tượng:", "[giọng văn:", "[độ dài:", "[ví dụ:"):
        assert slot in suggestion
    assert "[hình thức:" not in suggestion
    assert "[nhiệm vụ:" not in suggestion


def test_suggestion_of_a_complete_prompt_is_the_prompt():
    assert prompts.suggest("  " + WITH_EXAMPLE + "\n") == WITH_EXAMPLE


def test_suggestion_of_an_empty_prompt_is_the_full_template():
    suggestion = prompts.suggest("")
    assert "[nhiệm vụ:" in suggestion
    assert len(suggestion.splitlines()) == len(prompts.CODES)


def test_a_filled_suggestion_passes():
    filled = (
        prompts.suggest("Viết thông báo")
        .replace("[vai trò: ví dụ cán bộ công đoàn cơ sở phụ trách tuyên truyền]", "thư ký CĐCS")
        .replace(
            "[bối cảnh: đơn vị, sự kiện, thời gian, địa điểm, mục đích]", "hội nghị CĐCS ngày 5/6"
        )
    )
    assert {"role", "context"}.isdisjoint(prompts.check(filled).failed_codes)


def test_english_messages():
    i18n.set_language("en")
    assert prompts.check("Viết thông báo")["role"].message == "The AI is not given a role."


@pytest.mark.parametrize("bad", [None, 3, b"Viet", ["Viết"]])
def test_non_text_raises_input_error(bad):
    with pytest.raises(InputError, match="kiểu str"):
        prompts.check(bad)
    with pytest.raises(InputError):
        prompts.suggest(bad)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_check_and_suggest_never_raise(text):
    assert len(prompts.check(text)) == len(prompts.CODES)
    assert isinstance(prompts.suggest(text), str)
