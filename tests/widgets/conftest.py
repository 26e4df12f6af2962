"""Fixtures for the widget tests: widgets run without a kernel (ipywidgets 8 gives each
widget a dummy comm), and network providers talk to the local vendor server."""

from __future__ import annotations

import pytest
from ipywidgets.widgets.widget import CallbackDispatcher

from tests.providers.conftest import point_at


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
