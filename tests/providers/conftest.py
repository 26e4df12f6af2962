"""Fixtures that point each network provider's real SDK at the local vendor server."""

from __future__ import annotations

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


def point_at(
    server: VendorServer,
    provider: str,
    monkeypatch,
    *,
    key: bool = True,
    model: str | None = "test-model",
) -> str:
    """Route ``provider`` to the local server and give it a key; return the key used.

    ``model`` is set as ``CONGDOAN_<P>_MODEL`` (an explicit model: no model list is
    read); ``model=None`` leaves the defaults table and model resolution in charge.
    """
    suffix = "" if provider == "gemini" else "/v1"
    monkeypatch.setenv(f"CONGDOAN_{provider.upper()}_BASE_URL", server.url + suffix)
    if model is not None:
        monkeypatch.setenv(f"CONGDOAN_{provider.upper()}_MODEL", model)
    secret = GEMINI_SECRET if provider == "gemini" else SECRET
    variable = KEY_VARIABLE[provider]
    if key and variable:
        monkeypatch.setenv(variable, secret)
    return secret
