"""Media tests run in a working directory of their own."""

from __future__ import annotations

import pytest


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    """Run in an empty folder, as a trainee's notebook folder: default paths land here."""
    monkeypatch.chdir(tmp_path)
    return tmp_path
