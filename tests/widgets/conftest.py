"""Fixtures for the widget tests: widgets run without a kernel (ipywidgets 8 gives each
widget a dummy comm), and network providers talk to the local vendor server."""

from __future__ import annotations

import pytest
from ipywidgets.widgets.widget import CallbackDispatcher

from tests.providers.conftest import point_at
from tests.vendor_server import VendorServer


@pytest.fixture(scope="session")
def vendor_server():
    server = VendorServer().start()
    yield server
    server.stop()


@pytest.fixture
def vendor(vendor_server, monkeypatch):
    """The server with clean state, no retries and a short timeout."""
    vendor_server.requests.clear()
    vendor_server.faults.clear()
    vendor_server.reply_text = "Xin chào từ máy chủ thử nghiệm."
    vendor_server.reasoning = None
    monkeypatch.setenv("CONGDOAN_MAX_RETRIES", "0")
    monkeypatch.setenv("CONGDOAN_TIMEOUT", "5")
    yield vendor_server
    vendor_server.faults.clear()


@pytest.fixture
def openai_ready(vendor, monkeypatch):
    """OpenAI is READY (a key is set) and answers from the local vendor server."""
    point_at(vendor, "openai", monkeypatch)
    return vendor


@pytest.fixture(autouse=True)
def callbacks_raise(monkeypatch):
    """A bug in a click handler must fail the test: ipywidgets would only log it."""

    def call(self, *args, **kwargs):
        value = None
        for callback in self.callbacks:
            result = callback(*args, **kwargs)
            value = result if result is not None else value
        return value

    monkeypatch.setattr(CallbackDispatcher, "__call__", call)
