"""Fixtures that point each network provider's real SDK at the local vendor server."""

from __future__ import annotations

import pytest

from tests.vendor_server import VendorServer

#: A key shaped like a real one; tests assert it never appears in any output.
SECRET = "sk-test-SECRET-0123456789abcdef"
GEMINI_SECRET = "AIzaTEST-SECRET-0123456789abcdefghij"

KEY_VARIABLE = {
    "openai": "OPENAI_API_KEY",
    "gemini": "GEMINI_API_KEY",
    "deepseek": "DEEPSEEK_API_KEY",
    "copilot": "GITHUB_TOKEN",
    "local": None,
}
NETWORK_PROVIDERS = tuple(KEY_VARIABLE)


@pytest.fixture(scope="session")
def vendor_server():
    server = VendorServer().start()
    yield server
    server.stop()


@pytest.fixture
def vendor(vendor_server, monkeypatch):
    """The server with clean state, fast failures (no retries) and short timeouts."""
    vendor_server.requests.clear()
    vendor_server.faults.clear()
    vendor_server.reply_text = "Xin chào từ máy chủ thử nghiệm."
    vendor_server.reasoning = None
    vendor_server.reasoning_field = "reasoning_content"
    monkeypatch.setenv("CONGDOAN_MAX_RETRIES", "0")
    monkeypatch.setenv("CONGDOAN_TIMEOUT", "5")
    yield vendor_server
    vendor_server.faults.clear()


def point_at(server: VendorServer, provider: str, monkeypatch, *, key: bool = True) -> str:
    """Route ``provider`` to the local server and give it a key; return the key used."""
    suffix = "" if provider == "gemini" else "/v1"
    monkeypatch.setenv(f"CONGDOAN_{provider.upper()}_BASE_URL", server.url + suffix)
    secret = GEMINI_SECRET if provider == "gemini" else SECRET
    variable = KEY_VARIABLE[provider]
    if key and variable:
        monkeypatch.setenv(variable, secret)
    return secret
