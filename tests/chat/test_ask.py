"""ask(), Chat and compare() with the offline default, and the input checks around them."""

from __future__ import annotations

import pandas as pd
import pytest

import congdoan
from congdoan import Chat, ask, compare
from congdoan.chat import estimate_tokens


def test_offline_is_the_default_and_says_so():
    reply = ask("Soạn thông báo họp Ban Chấp hành Công đoàn cơ sở")

    assert reply.provider == "offline"
    assert reply.model == "luyen-tap-1"
    assert reply.cost_vnd == 0
    page = reply._repr_html_()
    assert "Mô hình luyện tập" in page
    assert "không phải AI thật" in page
    assert "ChatGPT" not in page


def test_configured_default_provider_is_used(monkeypatch):
    monkeypatch.setenv("CONGDOAN_PROVIDER", "openai")
    with pytest.raises(congdoan.MissingKeyError, match="OPENAI_API_KEY"):
        ask("Xin chào")


@pytest.mark.parametrize("alias", ["Offline", " practice ", "OFFLINE"])
def test_provider_names_are_forgiving(alias):
    assert ask("Soạn thông báo", provider=alias).provider == "offline"


@pytest.mark.parametrize(
    ("prompt", "expected"),
    [
        ("", "Câu hỏi đang trống"),
        ("   \n\t", "Câu hỏi đang trống"),
        (None, "phải là một đoạn chữ"),
        (42, "phải là một đoạn chữ"),
        ("a" * 200_001, "vượt giới hạn 200000 ký tự"),
    ],
)
def test_bad_prompts_get_a_vietnamese_message(prompt, expected):
    with pytest.raises(congdoan.InputError, match=expected):
        ask(prompt)


def test_prompt_limit_is_configurable(monkeypatch):
    monkeypatch.setenv("CONGDOAN_MAX_PROMPT_CHARS", "10")
    with pytest.raises(congdoan.InputError, match="giới hạn 10 ký tự"):
        ask("Soạn thông báo họp công đoàn")


def test_unknown_provider_lists_the_choices():
    with pytest.raises(congdoan.ConfigError) as caught:
        ask("Xin chào", provider="chatgtp")
    message = str(caught.value)
    assert "chatgtp" in message
    for pid in ("offline", "openai", "gemini", "deepseek", "copilot", "local"):
        assert pid in message


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ({"temprature": 0.5}, 'Không có tùy chọn "temprature"'),
        ({"temperature": 5}, "từ 0 đến 2"),
        ({"max_tokens": -1}, "số nguyên dương"),
        ({"max_tokens": "nhiều"}, "số nguyên dương"),
    ],
)
def test_bad_options(options, expected):
    with pytest.raises(congdoan.InputError, match=expected):
        ask("Xin chào", **options)


def test_chat_keeps_history_and_follow_ups():
    chat = Chat(system="Bạn là cán bộ văn phòng Công đoàn cơ sở.")
    first = chat.ask("Soạn thông báo họp Ban Chấp hành vào ngày 15/5/2026")
    chat.ask("Viết ngắn lại")

    assert [m.role for m in chat.history] == ["system", "user", "assistant", "user", "assistant"]
    assert chat.history[2].content == first.text
    chat.reset()
    assert [m.role for m in chat.history] == ["system"]


def test_compare_returns_one_row_per_provider_and_keeps_going_on_errors():
    table = compare("Viết bài đăng Fanpage về Tháng Công nhân", ["offline", "openai"])

    assert isinstance(table, pd.DataFrame)
    assert list(table["provider"]) == ["offline", "openai"]
    assert set(table.columns) >= {
        "text",
        "model",
        "seconds",
        "cost_vnd",
        "error",
        "input_tokens",
        "output_tokens",
    }
    offline, openai = table.iloc[0], table.iloc[1]
    assert offline["error"] == "" and offline["text"]
    assert "OPENAI_API_KEY" in openai["error"] and openai["text"] == ""


def test_compare_defaults_to_offline_and_providers_with_keys(monkeypatch):
    monkeypatch.setenv("DEEPSEEK_API_KEY", "sk-test-0123456789abcdef")
    from congdoan.chat import _providers_to_compare

    assert _providers_to_compare(None) == ["offline", "deepseek"]


def test_compare_rejects_a_single_string():
    with pytest.raises(congdoan.InputError, match="danh sách"):
        compare("Xin chào", "openai")


def test_token_estimate_grows_with_text():
    assert estimate_tokens("") == 0
    assert 0 < estimate_tokens("Công đoàn") < estimate_tokens("Công đoàn cơ sở " * 20)


def test_english_edition(monkeypatch):
    monkeypatch.setenv("CONGDOAN_LANG", "en")
    with pytest.raises(congdoan.InputError, match="The prompt is empty"):
        ask("")
