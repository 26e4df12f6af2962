"""ChatBox driven like a trainee would: type, press Send, read the answer."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from congdoan import ask
from congdoan.i18n import msg
from congdoan.widgets import ChatBox

NOTICE = "Soạn thông báo họp Ban Chấp hành công đoàn cơ sở lúc 8 giờ ngày 12/5/2026"


def _send(box: ChatBox, text: str) -> None:
    box.prompt.value = text
    box.send.click()


def test_offline_answer_badge_and_footer():
    box = ChatBox()

    _send(box, NOTICE)

    reply = box.last_reply
    assert reply is not None and reply.provider == "offline"
    assert reply.text == ask(NOTICE).text  # the practice model is deterministic
    assert "THÔNG BÁO" in box.answer.value
    assert "mô hình luyện tập" in box.badge.value and "luyen-tap-1" in box.badge.value
    assert reply.summary_line() in box.footer.value
    assert box.last_text == reply.text
    assert box.prompt.value == ""  # cleared for the next question, like the web apps
    assert not box.copy.disabled and not box.send.disabled
    assert box.message.value == ""


def test_badge_names_the_practice_model_before_any_answer():
    box = ChatBox()
    assert box.provider.value == "offline"
    assert "mô hình luyện tập" in box.badge.value
    assert box.copy.disabled


def test_follow_up_keeps_the_conversation():
    box = ChatBox()
    _send(box, NOTICE)
    _send(box, "Viết ngắn lại")

    roles = [m.role for m in box.chat.history]
    assert roles == ["user", "assistant", "user", "assistant"]
    assert box.chat.history[0].content == NOTICE
    assert NOTICE in box.conversation.value  # earlier turns stay visible
    assert "Viết ngắn lại" in box.conversation.value


def test_follow_up_sends_earlier_turns_to_the_provider(openai_ready):
    box = ChatBox("openai")
    _send(box, "Soạn thông báo họp Ban Chấp hành")
    _send(box, "Viết ngắn lại")

    sent = openai_ready.requests[-1].body["input"]  # ChatGPT: the Responses API
    assert [m["role"] for m in sent] == ["user", "assistant", "user"]
    assert sent[0]["content"] == "Soạn thông báo họp Ban Chấp hành"


def test_system_instruction_reaches_the_provider(openai_ready):
    box = ChatBox("openai", system="Bạn là cán bộ văn phòng công đoàn.")
    _send(box, "Xin chào")
    sent = openai_ready.requests[-1].body  # ChatGPT: the Responses API's instructions
    assert sent["instructions"] == "Bạn là cán bộ văn phòng công đoàn."


def test_empty_prompt_shows_the_catalogue_message():
    box = ChatBox()
    _send(box, "   \n ")
    assert msg("widgets.chatbox.empty_prompt") in box.message.value
    assert box.last_reply is None and box.chat.history == []


def test_not_ready_provider_is_labelled_and_refused(vendor, monkeypatch):
    box = ChatBox()
    labels = dict((value, label) for label, value in box.provider.options)
    assert labels["openai"] == "ChatGPT (OpenAI) — chưa có khóa"
    assert labels["offline"] == "Mô hình luyện tập"

    box.provider.value = "openai"
    assert "OPENAI_API_KEY" in box.message.value  # says what to do at once
    _send(box, "Xin chào")

    assert box.last_reply is None and box.chat.history == []
    assert "chưa có khóa API" in box.message.value and "Mô hình luyện tập" in box.message.value
    assert box.prompt.value == "Xin chào"  # kept, so nothing is lost
    assert vendor.requests == []


def test_key_added_after_the_box_was_made_is_used(vendor, monkeypatch):
    box = ChatBox("openai")
    from tests.providers.conftest import point_at

    point_at(vendor, "openai", monkeypatch)  # as if the trainee edited .env meanwhile
    _send(box, "Xin chào")
    assert box.last_reply is not None and box.last_reply.provider == "openai"


def test_unknown_provider_shows_the_error_and_falls_back_to_practice():
    box = ChatBox("chatgpt5")
    assert "Không có nhà cung cấp" in box.message.value
    assert box.provider.value == "offline"


def test_alias_picks_the_provider(openai_ready):
    assert ChatBox("ChatGPT").provider.value == "openai"


def test_privacy_warning_is_live_for_cloud_providers(openai_ready):
    box = ChatBox("openai")
    box.prompt.value = "Nhờ anh Bình gọi số 0905 123 456 để đăng ký"
    assert "số điện thoại" in box.privacy.value and "Cảnh báo" in box.privacy.value

    box.provider.value = "offline"  # stays on this computer: no warning
    assert box.privacy.value == ""
    box.provider.value = "openai"
    assert "số điện thoại" in box.privacy.value

    box.send.click()
    assert box.last_reply.notices  # the library's notice after sending is shown
    assert box.last_reply.notices[0].splitlines()[0] in box.privacy.value


def test_streaming_grows_the_answer(openai_ready):
    openai_ready.reply_text = "Kính gửi các đồng chí đoàn viên công đoàn cơ sở. " * 4
    box = ChatBox("openai")
    seen: list[str] = []
    box.answer.observe(lambda change: seen.append(change["new"]), "value")

    _send(box, "Xin chào")

    growing = [value for value in seen if "▌" in value]
    assert len(growing) > 1  # on_chunk was called for several pieces
    assert len(growing[-1]) > len(growing[0])
    assert openai_ready.requests[-1].body["stream"] is True
    assert openai_ready.reply_text.strip() in box.answer.value and "▌" not in box.answer.value
    assert "ChatGPT (OpenAI) · test-model" in box.badge.value
    assert "Token: 11 vào, 7 ra" in box.footer.value


def test_provider_error_is_a_vietnamese_message(openai_ready):
    openai_ready.fail_next(500)
    box = ChatBox("openai")
    _send(box, "Xin chào")

    assert "gặp sự cố" in box.message.value
    assert "Traceback" not in box.message.value
    assert box.last_reply is None and box.chat.history == []
    assert not box.send.disabled and box.prompt.value == "Xin chào"

    box.send.click()  # the next try works
    assert box.last_reply is not None and box.message.value == ""


def test_new_conversation_forgets_everything():
    box = ChatBox()
    _send(box, NOTICE)
    box.new.click()
    assert box.chat.history == [] and box.last_reply is None and box.last_text == ""
    assert box.answer.value == box.conversation.value == box.footer.value == ""
    assert box.copy.disabled
    assert "mô hình luyện tập" in box.badge.value


class _CopyTag(HTMLParser):
    def handle_starttag(self, tag, attrs):
        if tag == "img":
            self.attrs = dict(attrs)


def test_copy_puts_the_exact_answer_in_the_browser_script():
    box = ChatBox()
    _send(box, 'Soạn giấy mời "Hội nghị người lao động" <năm 2026> & kế hoạch')
    box.copy.click()

    parser = _CopyTag()
    parser.feed(box._clipboard.value)
    assert parser.attrs["data-text"] == box.last_text  # survives HTML escaping intact
    assert "navigator.clipboard.writeText" in parser.attrs["onerror"]
    assert msg("widgets.chatbox.copying") in box._clipboard.value
    first = box._clipboard.value
    box.copy.click()
    assert box._clipboard.value != first  # a second click runs the script again


@pytest.mark.parametrize("provider", ["offline", "openai"])
def test_focus_goes_to_the_prompt(provider, openai_ready, monkeypatch):
    box = ChatBox(provider)
    to_front_end: list[dict] = []

    def record(content: dict, buffers=None) -> None:
        to_front_end.append(content)

    monkeypatch.setattr(box.prompt, "send", record)
    box.focus()  # Widget.send is the Send button here; focus must not call it
    box.blur()
    assert to_front_end == [{"do": "focus"}, {"do": "blur"}]  # the prompt box got both
    assert not box.last_text  # and nothing was sent to the provider
