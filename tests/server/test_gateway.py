"""The AI gateway with the real SDKs: ask() → gateway → local vendor server, keys stay behind.

No hub here: tokens are known in advance (``StaticIdentifier``); the hub test
(``test_hub.py``) checks the same path with real JupyterHub tokens.
"""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
from dataclasses import replace

import pytest

from congdoan import ask
from congdoan.errors import AuthError, ContentBlocked, RateLimited
from congdoan.i18n import msg
from congdoan.server.gateway import (
    Gateway,
    Identity,
    StaticIdentifier,
    start_in_thread,
    upstreams_from,
)
from congdoan.server.settings import GatewaySettings
from congdoan.server.usage import Ledger

VENDOR_KEYS = {
    "OPENAI_API_KEY": "sk-planted-openai-0123456789",
    "GEMINI_API_KEY": "AIzaPlantedGeminiKey0123456789abc",
    "DEEPSEEK_API_KEY": "sk-planted-deepseek-0123456789",
    "GITHUB_TOKEN": "ghp_plantedgithubtoken0123456789abcd",
}
PROVIDERS = ("openai", "gemini", "deepseek", "copilot")
TRAINEE_TOKEN = "hub-token-of-hv001"
TRAINER_TOKEN = "hub-token-of-trainer"


@pytest.fixture
def gateway(vendor, tmp_path, monkeypatch):
    """A gateway in front of the vendor server; the library points at it as on the hub."""
    settings = GatewaySettings(
        budget_trainee_vnd=1_000.0,
        budget_class_vnd=100_000.0,
        requests_per_minute=50,
        privacy="redact",
        upstreams={p: vendor.url + ("" if p == "gemini" else "/v1") for p in PROVIDERS},
        prices=dict.fromkeys(PROVIDERS, "10,20"),
    )
    identities = {
        TRAINEE_TOKEN: Identity("hv001"),
        "hub-token-of-hv002": Identity("hv002"),
        TRAINER_TOKEN: Identity("gv01", is_trainer=True),
    }
    ledger = Ledger(tmp_path / "usage.sqlite")
    gw = Gateway(
        settings, upstreams_from(settings, VENDOR_KEYS), ledger, StaticIdentifier(identities)
    )
    running = start_in_thread(gw, "/services/ai/")
    for provider in ("OPENAI", "GEMINI", "DEEPSEEK", "COPILOT"):
        monkeypatch.setenv(f"CONGDOAN_{provider}_BASE_URL", f"{running.url}/{provider.lower()}")
        # a named model: no daily model-list GET, so the ledger holds just the question
        monkeypatch.setenv(f"CONGDOAN_{provider}_MODEL", "test-model")
    for variable in ("OPENAI_API_KEY", "GEMINI_API_KEY", "DEEPSEEK_API_KEY", "GITHUB_TOKEN"):
        monkeypatch.setenv(variable, TRAINEE_TOKEN)
    monkeypatch.setenv("CONGDOAN_PRIVACY", "warn")  # the server's guard is under test
    gw.url = running.url
    yield gw
    running.stop()
    ledger.close()


def recorded(gateway, users: int = 1) -> list[dict]:
    """The ledger's rows once the gateway has written them (it does so as the stream ends)."""
    deadline = time.monotonic() + 5
    while len(rows := gateway.ledger.per_user()) < users and time.monotonic() < deadline:
        time.sleep(0.02)
    return rows


@pytest.mark.parametrize("provider", ["openai", "gemini", "deepseek", "copilot"])
@pytest.mark.parametrize("stream", [False, True])
def test_ask_goes_through_the_gateway_with_the_real_key(gateway, vendor, provider, stream):
    pieces: list[str] = []
    reply = ask(
        "Soạn thông báo họp Ban Chấp hành", provider=provider, stream=stream, on_chunk=pieces.append
    )
    assert reply.text == "Xin chào từ máy chủ thử nghiệm."
    assert reply.provider == provider
    if stream:  # relayed piece by piece, not buffered into one
        assert len(pieces) > 1 and "".join(pieces) == reply.text
    seen = vendor.requests[-1]
    headers = {k.lower(): v for k, v in seen.headers.items()}
    sent = headers.get("authorization", "") + headers.get("x-goog-api-key", "")
    expected = {
        "openai": "OPENAI_API_KEY",
        "gemini": "GEMINI_API_KEY",
        "deepseek": "DEEPSEEK_API_KEY",
        "copilot": "GITHUB_TOKEN",
    }[provider]
    assert VENDOR_KEYS[expected] in sent
    assert TRAINEE_TOKEN not in json.dumps(seen.headers)
    [row] = recorded(gateway)
    assert row["user"] == "hv001"
    tokens = (9, 5) if provider == "gemini" else (11, 7)
    assert (row["input_tokens"], row["output_tokens"]) == tokens
    assert row["cost_vnd"] == pytest.approx((tokens[0] * 10 + tokens[1] * 20) / 1e6 * 26_300)


def test_a_spent_budget_gives_the_vietnamese_message(gateway):
    for _ in range(2):  # 18 tokens at 10/20 USD per Mtok ≈ 7.6 VND a call
        ask("Soạn giấy mời", provider="deepseek")
    gateway.settings = replace(gateway.settings, budget_trainee_vnd=10)
    with pytest.raises(RateLimited) as caught:
        ask("Soạn giấy mời", provider="gemini")
    assert str(caught.value) == msg("server.refusal.budget", provider="Google Gemini")
    assert "ngân sách" in str(caught.value)
    rows = {r["user"]: r for r in gateway.ledger.per_user()}
    assert rows["hv001"]["refused"] == 1


def test_the_class_budget_stops_everyone(gateway, monkeypatch):
    ask("Soạn giấy mời", provider="deepseek")
    gateway.settings = replace(gateway.settings, budget_class_vnd=1)
    monkeypatch.setenv("DEEPSEEK_API_KEY", "hub-token-of-hv002")
    with pytest.raises(RateLimited, match="ngân sách AI chung"):
        ask("Soạn giấy mời", provider="deepseek")


def test_request_rate_is_limited(gateway):
    gateway.settings = replace(gateway.settings, requests_per_minute=2)
    ask("Câu hỏi một", provider="deepseek")
    ask("Câu hỏi hai", provider="deepseek")
    with pytest.raises(RateLimited, match="quá nhanh"):
        ask("Câu hỏi ba", provider="deepseek")


def test_an_unknown_token_is_refused(gateway, monkeypatch):
    monkeypatch.setenv("GEMINI_API_KEY", "a-guessed-token")
    with pytest.raises(AuthError, match="không nhận ra phiên đăng nhập"):
        ask("Xin chào", provider="gemini")
    assert gateway.ledger.per_user() == []


PERSONAL = "Gửi anh Nguyễn Văn Hùng, SĐT 0912 345 678, CCCD 079203001234 lời mời dự họp."


def test_the_server_redacts_personal_data_before_the_vendor_sees_it(gateway, vendor):
    ask(PERSONAL, provider="deepseek")
    sent = json.dumps(vendor.requests[-1].body, ensure_ascii=False)
    assert "0912 345 678" not in sent and "079203001234" not in sent
    assert "[SỐ ĐIỆN THOẠI]" in sent
    assert recorded(gateway)[0]["privacy_findings"] >= 2


def test_the_server_can_block_personal_data(gateway, vendor):
    gateway.settings = replace(gateway.settings, privacy="block")
    with pytest.raises(ContentBlocked, match="thông tin cá nhân"):
        ask(PERSONAL, provider="gemini")
    assert [r.path for r in vendor.requests if r.method == "POST"] == []


def test_usage_report_is_for_trainers_only(gateway):
    ask("Xin chào", provider="deepseek")

    def get(token: str):
        request = urllib.request.Request(
            f"{gateway.url}/usage", headers={"Authorization": f"Bearer {token}"}
        )
        with urllib.request.urlopen(request, timeout=5) as answer:
            return json.loads(answer.read())

    with pytest.raises(urllib.error.HTTPError) as refused:
        get(TRAINEE_TOKEN)
    assert refused.value.code == 403
    report = get(TRAINER_TOKEN)
    assert [row["user"] for row in report["users"]] == ["hv001"]
    assert report["class_vnd"] > 0


def test_a_provider_without_a_key_on_the_server_says_so(vendor, tmp_path, monkeypatch):
    settings = GatewaySettings(upstreams={"openai": vendor.url + "/v1"})
    upstreams = upstreams_from(settings, {"OPENAI_API_KEY": "sk-x-0123456789"})
    identifier = StaticIdentifier({"t": Identity("hv001")})
    gw = Gateway(settings, upstreams, Ledger(tmp_path / "u.sqlite"), identifier)
    running = start_in_thread(gw, "/services/ai/")
    try:
        monkeypatch.setenv("CONGDOAN_DEEPSEEK_BASE_URL", f"{running.url}/deepseek")
        monkeypatch.setenv("DEEPSEEK_API_KEY", "t")
        with pytest.raises(Exception, match="chưa có khóa"):
            ask("Xin chào", provider="deepseek")
    finally:
        running.stop()
