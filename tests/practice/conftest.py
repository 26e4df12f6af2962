"""Helpers for the practice-model tests: a fixed ``today`` and a short way to ask."""

from __future__ import annotations

import datetime as dt

import pytest

from congdoan.practice.model import PracticeAnswer, answer
from congdoan.providers.base import Message

TODAY = dt.date(2026, 1, 5)
PLACEHOLDER = "[bổ sung:"


def run(*turns: str, system: str | None = None, today: dt.date = TODAY) -> PracticeAnswer:
    """Ask the practice model; later turns are follow-ups (no safety net: bugs surface)."""
    messages = [Message("system", system)] if system else []
    for i, turn in enumerate(turns):
        if i:
            messages.append(Message("assistant", "(bản nháp trước)"))
        messages.append(Message("user", turn))
    return answer(messages, today=today)


def draft_of(prompt: str) -> str:
    """The draft the practice model writes for one prompt."""
    return run(prompt).draft


def line_with(draft: str, label: str) -> str:
    """The first line of ``draft`` that holds ``label`` (empty when none)."""
    return next((line for line in draft.splitlines() if label in line), "")


def placeholders(text: str) -> int:
    return text.count(PLACEHOLDER)


@pytest.fixture
def ask():
    return run
