"""Issue 11: the transcript that travels with a submission holds no personal data in clear.

A real SDK talks to the local vendor server; the prompt carries a member's phone number
and CCCD and the "model" echoes the phone. The transcript must keep neither, and a
replay while grading must still find the recording.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from congdoan import ask
from tests.providers.conftest import point_at

PHONE, CCCD = "0914 223 571", "046089001234"
PROMPT = f"Soạn tin Zalo nhắc chị Hoa (SĐT {PHONE}, CCCD {CCCD}) nộp danh sách quà Tết."


def test_transcript_stores_redacted_text_and_replay_still_matches(vendor, monkeypatch):
    point_at(vendor, "openai", monkeypatch)
    vendor.reply_text = f"Chị Hoa ơi, gọi lại số {PHONE} giúp em nhé."

    live = ask(PROMPT, provider="openai")
    assert PHONE in live.text  # the trainee sees the answer as it came

    stored = Path(os.environ["CONGDOAN_TRANSCRIPT"]).read_text(encoding="utf-8")
    assert PHONE not in stored and CCCD not in stored
    assert PHONE.replace(" ", "") not in stored.replace(" ", "")
    line = json.loads(stored.splitlines()[-1])
    assert "[SỐ ĐIỆN THOẠI]" in line["text"] and "[SỐ CCCD]" in line["messages"][-1]["content"]

    monkeypatch.setenv("CONGDOAN_REPLAY", "1")
    requests_before = len(vendor.requests)
    replayed = ask(PROMPT, provider="openai")
    assert replayed.source == "replay" and replayed.text == line["text"]
    assert len(vendor.requests) == requests_before  # grading sends nothing
