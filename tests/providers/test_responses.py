"""ChatGPT and Azure OpenAI through the Responses API, against the local vendor server.

The fault matrix (HTTP errors, quota, timeouts, no network, malformed and cut answers,
safety blocks, retries) runs for ``openai`` in ``test_contract.py``, which now goes
through the Responses API; this file covers what only the Responses API has.
"""

from __future__ import annotations

import pytest

import congdoan
from congdoan import Chat, ask

from .conftest import point_at


@pytest.fixture(autouse=True)
def chatgpt(vendor, monkeypatch):
    point_at(vendor, "openai", monkeypatch)
    monkeypatch.setenv("CONGDOAN_PRIVACY", "warn")
    return vendor


def test_plain_request_uses_instructions_input_and_max_output_tokens(vendor):
    reply = ask(
        "Soạn thông báo",
        provider="openai",
        system="Bạn là cán bộ công đoàn.",
        temperature=0.3,
        max_tokens=400,
    )

    seen = vendor.requests[-1]
    assert seen.path == "/v1/responses"
    assert seen.body["instructions"] == "Bạn là cán bộ công đoàn."
    assert seen.body["input"] == [{"role": "user", "content": "Soạn thông báo"}]
    assert seen.body["max_output_tokens"] == 400 and seen.body["temperature"] == 0.3
    assert seen.body["reasoning"] == {"summary": "auto"}
    assert "messages" not in seen.body and "max_tokens" not in seen.body
    assert (reply.text, reply.model, reply.finish_reason) == (
        vendor.reply_text,
        "test-model",
        "stop",
    )
    assert (reply.usage.input_tokens, reply.usage.output_tokens, reply.usage.estimated) == (
        11,
        7,
        False,
    )


def test_conversation_history_goes_into_input_with_roles(vendor):
    chat = Chat("openai", system="Trả lời ngắn.")
    chat.ask("Soạn thông báo họp")
    chat.ask("Viết ngắn lại")

    body = vendor.requests[-1].body
    assert [turn["role"] for turn in body["input"]] == ["user", "assistant", "user"]
    assert body["input"][1]["content"] == vendor.reply_text
    assert body["instructions"] == "Trả lời ngắn."


@pytest.mark.parametrize("stream", [False, True])
def test_reasoning_summary_becomes_reply_reasoning(vendor, stream):
    vendor.reasoning = "Cần nêu thời gian, địa điểm và thành phần dự họp."
    pieces: list[str] = []

    reply = ask("Lập kế hoạch", provider="openai", stream=stream, on_chunk=pieces.append)

    assert reply.reasoning == vendor.reasoning
    assert reply.text == vendor.reply_text
    assert vendor.reasoning not in "".join(pieces)  # the summary is not part of the answer
    assert "Cách mô hình suy luận" in reply._repr_html_()


def test_streaming_reads_the_response_events(vendor):
    vendor.reply_text = "Tháng Công nhân năm 2026 tại thành phố Huế, chủ đề an toàn lao động."
    pieces: list[str] = []

    reply = ask("Xin chào", provider="openai", stream=True, on_chunk=pieces.append)

    assert len(pieces) > 3 and "".join(pieces) == reply.text == vendor.reply_text
    assert reply.usage.estimated is False and reply.model == "test-model"
    assert vendor.requests[-1].body["stream"] is True


@pytest.mark.parametrize("stream", [False, True])
def test_a_refused_reasoning_summary_is_asked_again_without_it(vendor, monkeypatch, stream):
    from congdoan.providers import responses

    monkeypatch.setattr(responses, "_no_summary", set())
    vendor.refuse_summary = True

    reply = ask("Xin chào", provider="openai", stream=stream, on_chunk=lambda _: None)
    again = ask("Xin chào lần nữa", provider="openai")

    assert reply.text == again.text == vendor.reply_text
    bodies = [r.body for r in vendor.requests]
    assert ["reasoning" in b for b in bodies] == [True, False, False]  # asked once, then never


@pytest.mark.parametrize("stream", [False, True])
def test_running_out_of_tokens_while_reasoning_says_raise_max_tokens(vendor, stream):
    vendor.incomplete_next()

    with pytest.raises(congdoan.BadResponse, match="tăng max_tokens") as caught:
        ask("Lập kế hoạch", provider="openai", stream=stream, on_chunk=lambda _: None)
    assert "incomplete" in caught.value.detail


@pytest.mark.parametrize("stream", [False, True])
def test_a_response_that_fails_after_starting_is_a_server_error(vendor, stream):
    vendor.fail_response_next()

    with pytest.raises(congdoan.ServerError, match="sự cố"):
        ask("Xin chào", provider="openai", stream=stream, on_chunk=lambda _: None)


@pytest.mark.parametrize(("options", "named"), [({"seed": 7}, "seed"), ({"stop": "Hết"}, "stop")])
def test_options_the_responses_api_lacks_are_refused_before_sending(vendor, options, named):
    with pytest.raises(congdoan.InputError, match=f"không nhận tùy chọn {named}"):
        ask("Xin chào", provider="openai", **options)
    assert vendor.requests == []


def test_max_tokens_below_the_minimum_is_refused(vendor):
    with pytest.raises(congdoan.InputError, match="từ 16 trở lên"):
        ask("Xin chào", provider="openai", max_tokens=8)
    assert vendor.requests == []


@pytest.mark.parametrize("stream", [False, True])
def test_azure_copilot_streams_through_the_responses_api(vendor, monkeypatch, stream):
    monkeypatch.setenv("AZURE_OPENAI_API_KEY", "azure-test-SECRET-123456")
    monkeypatch.setenv("AZURE_OPENAI_ENDPOINT", vendor.url)
    monkeypatch.setenv("CONGDOAN_COPILOT_MODEL", "my-gpt-deployment")
    vendor.reasoning = "Suy luận ngắn."

    reply = ask("Xin chào", provider="copilot", stream=stream, on_chunk=lambda _: None)

    assert vendor.requests[-1].path == "/openai/v1/responses"
    assert (reply.text, reply.reasoning) == (vendor.reply_text, "Suy luận ngắn.")
    assert "Microsoft 365 Copilot" in reply._repr_html_()


def test_github_models_stays_on_chat_completions(vendor, monkeypatch):
    point_at(vendor, "copilot", monkeypatch)

    ask("Xin chào", provider="copilot")

    assert vendor.requests[-1].path == "/v1/chat/completions"


def test_a_gateway_path_in_the_base_url_is_followed(vendor, monkeypatch):
    """The classroom gateway forwards by path; every request must use the configured base."""
    monkeypatch.setenv("CONGDOAN_OPENAI_BASE_URL", vendor.url + "/gateway/openai/v1")
    monkeypatch.delenv("CONGDOAN_OPENAI_MODEL")
    monkeypatch.setenv("OPENAI_API_KEY", "session-token-0123456789")

    ask("Xin chào", provider="openai", stream=True, on_chunk=lambda _: None)

    assert [r.path for r in vendor.requests] == [
        "/gateway/openai/v1/models",
        "/gateway/openai/v1/responses",
    ]
    assert {r.headers["authorization"] for r in vendor.requests} == {
        "Bearer session-token-0123456789"
    }
