"""DeepSeek's thinking mode made explicit: ``thinking=True/False``, ignored options refused.

Lesson 04 shows ``ask(..., provider="deepseek", thinking=False)`` and ``thinking=True``.
"""

from __future__ import annotations

import pytest

import congdoan
from congdoan import ask

from .conftest import point_at


@pytest.fixture(autouse=True)
def deepseek(vendor, monkeypatch):
    point_at(vendor, "deepseek", monkeypatch)
    monkeypatch.setenv("CONGDOAN_PRIVACY", "warn")
    return vendor


@pytest.mark.parametrize(("thinking", "sent"), [(True, "enabled"), (False, "disabled")])
def test_thinking_switch_reaches_deepseek(vendor, thinking, sent):
    vendor.reasoning = "Cần xác định thời gian trước." if thinking else None

    reply = ask("Lập kế hoạch Tết Sum vầy", provider="deepseek", thinking=thinking)

    assert vendor.requests[-1].body["thinking"] == {"type": sent}
    assert reply.reasoning == vendor.reasoning


def test_without_the_switch_deepseek_decides_and_nothing_is_sent(vendor):
    ask("Xin chào", provider="deepseek")
    assert "thinking" not in vendor.requests[-1].body


def test_thinking_off_accepts_temperature(vendor):
    ask("Viết bài đăng vui tươi", provider="deepseek", thinking=False, temperature=1.2)
    body = vendor.requests[-1].body
    assert body["temperature"] == 1.2 and body["thinking"] == {"type": "disabled"}


@pytest.mark.parametrize("thinking", [True, None])
def test_temperature_while_thinking_is_refused_with_a_message(vendor, thinking):
    options = {} if thinking is None else {"thinking": thinking}

    with pytest.raises(congdoan.InputError) as caught:
        ask("Viết bài đăng", provider="deepseek", temperature=0.2, **options)

    message = str(caught.value)
    assert "temperature" in message and "thinking=False" in message
    assert vendor.requests == []  # refused before sending


def test_streaming_with_thinking_off(vendor):
    pieces: list[str] = []
    reply = ask(
        "Xin chào", provider="deepseek", thinking=False, stream=True, on_chunk=pieces.append
    )
    assert (
        "".join(pieces) == reply.text and vendor.requests[-1].body["thinking"]["type"] == "disabled"
    )


@pytest.mark.parametrize("provider", ["offline", "openai", "gemini", "copilot", "local"])
def test_thinking_is_refused_where_it_means_nothing(provider):
    with pytest.raises(congdoan.InputError, match='chỉ dùng được với provider="deepseek"'):
        ask("Xin chào", provider=provider, thinking=False)


def test_thinking_must_be_true_or_false():
    with pytest.raises(congdoan.InputError, match="thinking=True"):
        ask("Xin chào", provider="deepseek", thinking="tắt")
