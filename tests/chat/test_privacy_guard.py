"""ask() runs the personal-data guard before any cloud provider (CONGDOAN_PRIVACY)."""

from __future__ import annotations

import pytest

import congdoan
from congdoan import ask
from tests.providers.conftest import point_at
from tests.vendor_server import VendorServer

MEMBER = "Gửi hồ sơ của chị Trần Thị Bình, CCCD 046190001234, điện thoại 0905 123 456."


@pytest.fixture
def vendor(monkeypatch):
    server = VendorServer().start()
    monkeypatch.setenv("CONGDOAN_MAX_RETRIES", "0")
    point_at(server, "openai", monkeypatch)
    point_at(server, "local", monkeypatch)
    yield server
    server.stop()


def _sent(vendor) -> str:
    body = vendor.requests[-1].body  # Chat Completions "messages", Responses API "input"
    return (body.get("messages") or body["input"])[-1]["content"]


def test_warn_is_the_default_sends_as_is_and_tells_what_was_found(vendor):
    reply = ask(MEMBER, provider="openai")

    assert _sent(vendor) == MEMBER
    warning = "\n".join(reply.notices)
    assert "số CCCD/CMND" in warning and "số điện thoại" in warning
    assert "congdoan.privacy.redact" in warning
    assert "Cảnh báo" in reply._repr_html_()


def test_redact_masks_before_sending(vendor, monkeypatch):
    monkeypatch.setenv("CONGDOAN_PRIVACY", "redact")

    reply = ask(MEMBER, provider="openai")

    sent = _sent(vendor)
    assert "046190001234" not in sent and "0905 123 456" not in sent
    assert "[SỐ CCCD]" in sent and "[SỐ ĐIỆN THOẠI]" in sent
    assert any("Đã che" in note for note in reply.notices)


def test_block_stops_the_prompt_and_sends_nothing(vendor, monkeypatch):
    monkeypatch.setenv("CONGDOAN_PRIVACY", "block")

    with pytest.raises(congdoan.PrivacyBlocked, match="chưa được gửi tới ChatGPT") as caught:
        ask(MEMBER, provider="openai")

    assert vendor.requests == []
    assert {f.kind for f in caught.value.findings} >= {"citizen_id", "phone"}


@pytest.mark.parametrize("provider", ["local", "offline"])
def test_local_and_offline_skip_the_guard(vendor, monkeypatch, provider):
    monkeypatch.setenv("CONGDOAN_PRIVACY", "block")

    reply = ask(MEMBER, provider=provider)

    assert reply.notices == []
    if provider == "local":
        assert _sent(vendor) == MEMBER


def test_clean_prompts_carry_no_warning(vendor):
    reply = ask("Soạn thông báo họp Ban Chấp hành ngày 15/5/2026", provider="openai")
    assert reply.notices == []
