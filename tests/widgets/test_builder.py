"""PromptBuilder and compose(): labelled parts the rubric recognises, live score, send."""

from __future__ import annotations

import pytest

from congdoan import InputError, prompts
from congdoan.i18n import msg
from congdoan.prompts.compose import PARTS, compose
from congdoan.widgets import ChatBox, PromptBuilder

FULL = {
    "role": "cán bộ văn phòng công đoàn cơ sở",
    "task": "soạn thông báo tổ chức Hội nghị người lao động",
    "context": "Công đoàn cơ sở Công ty Dệt May Huế, 8 giờ ngày 15/5/2026 tại hội trường",
    "audience": "toàn thể đoàn viên, người lao động",
    "format": "văn bản theo thể thức thông báo, có nơi nhận",
    "tone": "trang trọng",
    "length": "dưới 300 chữ",
    "example": "",
}


def test_compose_labels_each_part_in_recipe_order():
    text = compose(**FULL)
    lines = text.splitlines()
    assert lines[0] == "Bạn là cán bộ văn phòng công đoàn cơ sở."
    assert lines[1] == "Nhiệm vụ: soạn thông báo tổ chức Hội nghị người lao động."
    assert [line.split(":")[0] for line in lines[2:]] == [
        "Bối cảnh",
        "Đối tượng",
        "Hình thức trình bày",
        "Giọng văn",
        "Độ dài",
    ]
    assert prompts.check(text).failed_codes == ["example"]  # every filled part is found


def test_compose_skips_empty_parts_and_does_not_label_twice():
    assert compose() == ""
    assert compose(role="  ", task=None) == ""
    assert compose(role="Bạn là chủ tịch công đoàn!") == "Bạn là chủ tịch công đoàn!"
    assert compose(audience="đối tượng: đoàn viên nữ") == "đối tượng: đoàn viên nữ."
    assert compose(example="Ví dụ tham khảo: «Kính mời»") == "Ví dụ tham khảo: «Kính mời»"


def test_compose_normalises_to_nfc():
    decomposed = "trang tro\u0323ng"  # ọ written as o + combining dot
    assert compose(tone=decomposed) == "Giọng văn: trang trọng."


def test_compose_rejects_unknown_parts_and_non_text():
    with pytest.raises(InputError, match='Không có phần "mood"'):
        compose(mood="vui")
    with pytest.raises(InputError, match="kiểu int"):
        compose(length=200)


def test_fields_update_the_prompt_and_score_live():
    builder = PromptBuilder()
    assert msg("widgets.builder.empty") in builder.composed.value and builder.score.value == ""

    builder.task.value = "viết thông báo"
    first = builder.score.value
    assert "Nhiệm vụ: viết thông báo." in builder.composed.value
    assert prompts.check(builder.text)._repr_html_() == first

    for name, value in FULL.items():
        getattr(builder, name).value = value
    assert builder.text == compose(**FULL)
    assert "đạt" in builder.score.value and builder.score.value != first
    assert "✓" in builder.score.value and "✗" not in builder.score.value


def test_kind_fills_in_the_format():
    builder = PromptBuilder("invitation")
    assert builder.format.value == msg("widgets.builder.kind.invitation")
    assert "Hình thức trình bày: giấy mời" in builder.composed.value


def test_unknown_kind_is_explained_and_the_builder_still_works():
    builder = PromptBuilder("poem")
    assert "poem" in builder.message.value
    builder.task.value = "viết thông báo"
    assert builder.text == "Nhiệm vụ: viết thông báo."


def test_send_to_puts_the_prompt_in_the_chatbox_and_sends_it():
    box = ChatBox()
    builder = PromptBuilder("notice", chatbox=box)
    for name, value in FULL.items():
        getattr(builder, name).value = value

    builder.to_chat.click()

    assert box.chat.history[0].content == builder.text
    assert box.last_reply is not None and "THÔNG BÁO" in box.answer.value
    assert msg("widgets.builder.sent") in builder.message.value


def test_send_to_another_chatbox_returns_its_reply():
    builder = PromptBuilder()
    builder.task.value = "soạn giấy mời dự Hội nghị người lao động"
    other = ChatBox()
    reply = builder.send_to(other)
    assert reply is other.last_reply and reply.provider == "offline"


def test_without_a_chatbox_the_button_is_hidden_and_send_to_explains():
    builder = PromptBuilder()
    assert builder.to_chat.layout.display == "none"
    builder.task.value = "viết thông báo"
    assert builder.send_to() is None
    assert msg("widgets.builder.no_chatbox") in builder.message.value


def test_empty_prompt_is_not_sent():
    box = ChatBox()
    builder = PromptBuilder(chatbox=box)
    assert builder.send_to() is None
    assert box.chat.history == []


def test_every_part_has_a_box():
    builder = PromptBuilder()
    for name in PARTS:
        assert getattr(builder, name).description == msg(f"widgets.builder.field.{name}")
