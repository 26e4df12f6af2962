"""Every network provider, through its real SDK, against the local vendor server."""

from __future__ import annotations

import socket

import pytest

import congdoan
from congdoan import ask
from congdoan.providers import Status, get_provider

from .conftest import NETWORK_PROVIDERS, point_at

OPENAI_COMPATIBLE = ("openai", "deepseek", "copilot", "local")
#: Providers that stay on Chat Completions (OpenAI itself uses the Responses API).
CHAT_COMPLETIONS = ("deepseek", "copilot", "local")
CLOUD = ("openai", "gemini", "deepseek", "copilot")


@pytest.fixture(autouse=True)
def no_privacy_prompts(monkeypatch):
    """The prompts here carry no personal data; keep the guard quiet but on."""
    monkeypatch.setenv("CONGDOAN_PRIVACY", "warn")


def _assert_no_secret(exc: BaseException, secret: str) -> None:
    for shown in (str(exc), repr(exc), getattr(exc, "detail", ""), exc._repr_html_()):
        assert secret not in shown
        assert secret[:12] not in shown


# -- answers ---------------------------------------------------------------------------
@pytest.mark.parametrize("provider", NETWORK_PROVIDERS)
def test_reply_names_provider_model_and_usage(vendor, monkeypatch, provider):
    point_at(vendor, provider, monkeypatch)
    monkeypatch.setenv(f"CONGDOAN_{provider.upper()}_MODEL", "test-model")

    reply = ask("Xin chào", provider=provider)

    assert reply.text == vendor.reply_text
    assert (reply.provider, reply.model, reply.source) == (provider, "test-model", "live")
    assert reply.usage.estimated is False and reply.usage.total_tokens > 0
    assert "test-model" in reply._repr_html_()


@pytest.mark.parametrize("provider", NETWORK_PROVIDERS)
def test_streaming_delivers_pieces_in_order(vendor, monkeypatch, provider):
    point_at(vendor, provider, monkeypatch)
    vendor.reply_text = "Tháng Công nhân năm 2026 tại thành phố Huế."
    pieces: list[str] = []

    reply = ask("Xin chào", provider=provider, stream=True, on_chunk=pieces.append)

    assert len(pieces) > 1
    assert "".join(pieces) == reply.text == vendor.reply_text
    assert reply.usage.estimated is False
    last = vendor.requests[-1]
    assert last.body.get("stream") is True or ":streamGenerateContent" in last.path


@pytest.mark.parametrize("provider", CHAT_COMPLETIONS)
def test_system_and_options_use_the_chat_completions_format(vendor, monkeypatch, provider):
    point_at(vendor, provider, monkeypatch)
    thinking = {"thinking": False} if provider == "deepseek" else {}

    ask(
        "Soạn thông báo",
        provider=provider,
        system="Bạn là cán bộ công đoàn.",
        temperature=0.2,
        max_tokens=300,
        **thinking,
    )

    body = vendor.requests[-1].body
    assert vendor.requests[-1].path.endswith("/chat/completions")
    assert body["messages"] == [
        {"role": "system", "content": "Bạn là cán bộ công đoàn."},
        {"role": "user", "content": "Soạn thông báo"},
    ]
    assert body["temperature"] == 0.2
    length_name = "max_completion_tokens" if provider in ("openai", "copilot") else "max_tokens"
    assert body[length_name] == 300


def test_gemini_sends_system_instruction_and_generation_config(vendor, monkeypatch):
    secret = point_at(vendor, "gemini", monkeypatch)

    ask("Soạn thông báo", provider="gemini", system="Bạn là cán bộ công đoàn.", max_tokens=300)

    seen = vendor.requests[-1]
    assert seen.path.endswith("/models/test-model:generateContent")
    assert seen.headers["x-goog-api-key"] == secret
    assert seen.body["contents"] == [{"parts": [{"text": "Soạn thông báo"}], "role": "user"}]
    assert seen.body["systemInstruction"]["parts"][0]["text"] == "Bạn là cán bộ công đoàn."
    assert seen.body["generationConfig"]["maxOutputTokens"] == 300


def test_multi_turn_chat_sends_the_history(vendor, monkeypatch):
    point_at(vendor, "gemini", monkeypatch)
    chat = congdoan.Chat("gemini")
    chat.ask("Soạn thông báo họp")
    chat.ask("Viết ngắn lại")

    roles = [c["role"] for c in vendor.requests[-1].body["contents"]]
    assert roles == ["user", "model", "user"]
    assert len(chat.history) == 4


# -- reasoning -------------------------------------------------------------------------
def test_deepseek_reasoning_content_becomes_reply_reasoning(vendor, monkeypatch):
    point_at(vendor, "deepseek", monkeypatch)
    vendor.reasoning = "Trước hết cần xác định thời gian và địa điểm."

    plain = ask("Lập kế hoạch", provider="deepseek")
    streamed = ask("Lập kế hoạch", provider="deepseek", stream=True, on_chunk=lambda _: None)

    assert plain.reasoning == streamed.reasoning == vendor.reasoning
    assert plain.text == vendor.reply_text
    assert "Cách mô hình suy luận" in plain._repr_html_()


@pytest.mark.parametrize("field", ["reasoning_content", "reasoning"])
def test_local_reads_reasoning_fields(vendor, monkeypatch, field):
    point_at(vendor, "local", monkeypatch)
    vendor.reasoning, vendor.reasoning_field = "Suy nghĩ của mô hình.", field

    assert ask("Xin chào", provider="local").reasoning == "Suy nghĩ của mô hình."


@pytest.mark.parametrize("stream", [False, True])
def test_local_reads_think_blocks(vendor, monkeypatch, stream):
    point_at(vendor, "local", monkeypatch)
    vendor.reply_text = "<think>Cần ngắn gọn.</think>Đây là câu trả lời."

    reply = ask("Xin chào", provider="local", stream=stream, on_chunk=lambda _: None)

    assert reply.text.strip() == "Đây là câu trả lời."
    assert reply.reasoning.strip() == "Cần ngắn gọn."


# -- faults ----------------------------------------------------------------------------
_STATUS_FAULTS = [
    (401, congdoan.AuthError),
    (403, congdoan.AuthError),
    (404, congdoan.ModelNotFound),
    (429, congdoan.RateLimited),
    (500, congdoan.ServerError),
    (503, congdoan.ServerError),
]


@pytest.mark.parametrize("provider", NETWORK_PROVIDERS)
@pytest.mark.parametrize(("status", "error"), _STATUS_FAULTS)
def test_http_errors_become_actionable_errors(vendor, monkeypatch, provider, status, error):
    secret = point_at(vendor, provider, monkeypatch)
    echo = {"error": {"message": f"Incorrect API key provided: {secret}", "code": status}}
    vendor.fail_next(status, echo)

    with pytest.raises(error) as caught:
        ask("Xin chào", provider=provider)

    assert caught.value.provider == provider
    assert caught.value.status == status
    assert "offline" in str(caught.value) or "CONGDOAN_" in str(caught.value)
    _assert_no_secret(caught.value, secret)


@pytest.mark.parametrize("provider", CLOUD)
def test_quota_is_told_apart_from_rate_limit(vendor, monkeypatch, provider):
    point_at(vendor, provider, monkeypatch)
    vendor.fail_next(
        429, {"error": {"message": "You exceeded your current quota", "code": "insufficient_quota"}}
    )

    with pytest.raises(congdoan.RateLimited, match="hết hạn mức"):
        ask("Xin chào", provider=provider)


def test_gemini_invalid_key_400_is_an_auth_error(vendor, monkeypatch):
    secret = point_at(vendor, "gemini", monkeypatch)
    vendor.fail_next(
        400,
        {
            "error": {
                "code": 400,
                "status": "INVALID_ARGUMENT",
                "message": f"API key not valid: {secret}",
            }
        },
    )

    with pytest.raises(congdoan.AuthError) as caught:
        ask("Xin chào", provider="gemini")
    _assert_no_secret(caught.value, secret)


def test_retired_deepseek_model_says_it_was_retired(vendor, monkeypatch):
    point_at(vendor, "deepseek", monkeypatch, model="deepseek-chat")

    with pytest.raises(congdoan.ModelNotFound, match="đã ngừng hoạt động từ ngày 24/07/2026"):
        ask("Xin chào", provider="deepseek")
    assert [r.method for r in vendor.requests] == ["GET"]  # the list, never the question


@pytest.mark.parametrize("provider", NETWORK_PROVIDERS)
@pytest.mark.parametrize("stream", [False, True])
def test_timeout(vendor, monkeypatch, provider, stream):
    secret = point_at(vendor, provider, monkeypatch)
    monkeypatch.setenv("CONGDOAN_TIMEOUT", "0.3")
    vendor.delay_next(1.5)

    with pytest.raises(congdoan.ProviderTimeout, match=r"0\.3 giây") as caught:
        ask("Xin chào", provider=provider, stream=stream, on_chunk=lambda _: None)
    _assert_no_secret(caught.value, secret)


@pytest.mark.parametrize("provider", NETWORK_PROVIDERS)
def test_no_network(monkeypatch, provider):
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    suffix = "" if provider == "gemini" else "/v1"
    monkeypatch.setenv(f"CONGDOAN_{provider.upper()}_BASE_URL", f"http://127.0.0.1:{port}{suffix}")
    monkeypatch.setenv("CONGDOAN_MAX_RETRIES", "0")
    for variable in ("OPENAI_API_KEY", "GEMINI_API_KEY", "DEEPSEEK_API_KEY", "GITHUB_TOKEN"):
        monkeypatch.setenv(variable, "sk-test-SECRET-0123456789abcdef")

    with pytest.raises(congdoan.NetworkError, match="Không kết nối được") as caught:
        ask("Xin chào", provider=provider)
    _assert_no_secret(caught.value, "sk-test-SECRET-0123456789abcdef")


@pytest.mark.parametrize("provider", NETWORK_PROVIDERS)
@pytest.mark.parametrize("fault", ["malformed", "cut", "cut_stream"])
def test_malformed_or_cut_responses(vendor, monkeypatch, provider, fault):
    point_at(vendor, provider, monkeypatch)
    if fault == "malformed":
        vendor.malformed_next()
    else:
        vendor.cut_next()

    with pytest.raises(congdoan.BadResponse, match="bị cắt"):
        ask("Xin chào", provider=provider, stream=fault == "cut_stream", on_chunk=lambda _: None)


@pytest.mark.parametrize("provider", NETWORK_PROVIDERS)
@pytest.mark.parametrize("stream", [False, True])
def test_safety_block(vendor, monkeypatch, provider, stream):
    point_at(vendor, provider, monkeypatch)
    vendor.block_next()

    with pytest.raises(congdoan.ContentBlocked, match="bộ lọc an toàn"):
        ask("Xin chào", provider=provider, stream=stream, on_chunk=lambda _: None)


@pytest.mark.parametrize("provider", CLOUD)
def test_missing_key_names_the_variable_and_sends_nothing(vendor, monkeypatch, provider):
    point_at(vendor, provider, monkeypatch, key=False)

    with pytest.raises(congdoan.MissingKeyError) as caught:
        ask("Xin chào", provider=provider)

    assert caught.value.variable in str(caught.value)
    assert ".env" in str(caught.value)
    assert vendor.requests == []


# -- retries ---------------------------------------------------------------------------
@pytest.mark.parametrize("provider", ["openai", "gemini", "deepseek"])
def test_transient_server_error_is_retried(vendor, monkeypatch, provider):
    point_at(vendor, provider, monkeypatch)
    monkeypatch.setenv("CONGDOAN_MAX_RETRIES", "2")
    vendor.fail_next(503)

    reply = ask("Xin chào", provider=provider)

    assert reply.text == vendor.reply_text
    assert len(vendor.requests) == 2


@pytest.mark.parametrize("provider", ["openai", "gemini"])
def test_retries_give_up_after_the_configured_count(vendor, monkeypatch, provider):
    point_at(vendor, provider, monkeypatch)
    monkeypatch.setenv("CONGDOAN_MAX_RETRIES", "1")
    vendor.fail_next(500, times=3)

    with pytest.raises(congdoan.ServerError):
        ask("Xin chào", provider=provider)
    assert len(vendor.requests) == 2


# -- Copilot through Azure ---------------------------------------------------------------
def test_copilot_uses_azure_v1_endpoint_when_configured(vendor, monkeypatch):
    monkeypatch.setenv("AZURE_OPENAI_API_KEY", "azure-test-SECRET-123456")
    monkeypatch.setenv("AZURE_OPENAI_ENDPOINT", vendor.url)
    monkeypatch.setenv("CONGDOAN_COPILOT_MODEL", "my-gpt-deployment")

    reply = ask("Xin chào", provider="copilot")

    seen = vendor.requests[-1]
    assert seen.path == "/openai/v1/responses"  # Azure's v1 API, like ChatGPT
    assert seen.body["model"] == "my-gpt-deployment"
    assert reply.text == vendor.reply_text
    assert "Microsoft 365 Copilot" in reply._repr_html_()


# -- status (congdoan doctor) -------------------------------------------------------------
@pytest.mark.parametrize("provider", NETWORK_PROVIDERS)
def test_status_probe(vendor, monkeypatch, provider):
    point_at(vendor, provider, monkeypatch)
    assert get_provider(provider).status(probe=True) is Status.READY

    vendor.fail_next(401)
    assert get_provider(provider).status(probe=True) is Status.KEY_REJECTED


def test_status_without_key_or_server(monkeypatch):
    monkeypatch.setenv("CONGDOAN_LOCAL_BASE_URL", "http://127.0.0.1:9/v1")
    assert get_provider("openai").status() is Status.NO_KEY
    assert get_provider("local").status(probe=True) is Status.UNREACHABLE
    assert get_provider("offline").status(probe=True) is Status.READY


@pytest.mark.parametrize(
    ("provider", "body"),
    [
        ("deepseek", {"error": {"message": "Model Not Exist", "type": "invalid_request_error"}}),
        ("copilot", {"error": {"code": "unknown_model", "message": "Unknown model: gpt-x"}}),
    ],
)
def test_an_unknown_model_answered_with_400_is_model_not_found(vendor, monkeypatch, provider, body):
    point_at(vendor, provider, monkeypatch, model="gpt-x")
    vendor.fail_next(400, body)

    with pytest.raises(congdoan.ModelNotFound, match='"gpt-x"'):
        ask("Xin chào", provider=provider)


def test_a_model_shut_down_early_is_reported_as_retired_with_its_successor(vendor, monkeypatch):
    from congdoan.providers import models

    point_at(vendor, "openai", monkeypatch, model="gpt-5-mini")
    monkeypatch.setattr(models, "today", lambda: __import__("datetime").date(2026, 12, 3))
    vendor.fail_next(404, {"error": {"message": "The model `gpt-5-mini` does not exist"}})

    with pytest.raises(congdoan.ModelRetired, match=r"gpt-6\.1-terra") as caught:
        ask("Xin chào", provider="openai")
    assert caught.value.replacement == "gpt-6.1-terra" and caught.value.status == 404
