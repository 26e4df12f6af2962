"""Shared fixtures: every test runs with no keys, no .env and its own transcript file."""

from __future__ import annotations

import os

import pytest

from congdoan import i18n

_VENDOR_VARIABLES = (
    "OPENAI_API_KEY",
    "OPENAI_BASE_URL",
    "GEMINI_API_KEY",
    "GOOGLE_API_KEY",
    "DEEPSEEK_API_KEY",
    "GITHUB_TOKEN",
    "AZURE_OPENAI_API_KEY",
    "AZURE_OPENAI_ENDPOINT",
    "NBGRADER_EXECUTION",
)


@pytest.fixture(autouse=True)
def isolated_environment(tmp_path_factory, monkeypatch):
    """Strip keys and congdoan settings from the environment and point files at a temp dir.

    A developer's own ``.env`` or keys must never reach a test, and no test may write a
    transcript into the repository.
    """
    home = tmp_path_factory.mktemp("env")
    for name in list(os.environ):
        if name.startswith("CONGDOAN_") or name in _VENDOR_VARIABLES:
            monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("CONGDOAN_ENV_FILE", str(home / "absent.env"))
    monkeypatch.setenv("CONGDOAN_TRANSCRIPT", str(home / "transcript.jsonl"))
    i18n.set_language(None)
    yield home
    i18n.set_language(None)
