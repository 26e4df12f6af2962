"""Media tests: the vendor server fixtures, and a working directory of their own."""

from __future__ import annotations

import pytest

from tests.providers.conftest import point_at, vendor, vendor_server  # noqa: F401


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    """Run in an empty folder, as a trainee's notebook folder: default paths land here."""
    monkeypatch.chdir(tmp_path)
    return tmp_path
