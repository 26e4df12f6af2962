"""Record every reply; replay while grading without calling any network provider."""

from __future__ import annotations

import json

import pytest

from congdoan import ask
from congdoan.record import Transcript
from tests.providers.conftest import point_at
from tests.vendor_server import VendorServer


@pytest.fixture
def vendor(monkeypatch):
    server = VendorServer().start()
    monkeypatch.setenv("CONGDOAN_MAX_RETRIES", "0")
    monkeypatch.setenv("CONGDOAN_PRIVACY", "warn")
    yield server
    server.stop()


def _transcript(monkeypatch) -> Transcript:
    import os

    return Transcript(os.environ["CONGDOAN_TRANSCRIPT"])


def test_every_reply_is_recorded_without_keys(vendor, monkeypatch):
    secret = point_at(vendor, "openai", monkeypatch)
    ask("Soạn thông báo", provider="openai")
    ask("Soạn thông báo", provider="offline")

    transcript = _transcript(monkeypatch)
    lines = transcript.path.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["provider"] for line in lines] == ["openai", "offline"]
    assert json.loads(lines[0])["messages"] == [{"role": "user", "content": "Soạn thông báo"}]
    assert secret not in transcript.path.read_text(encoding="utf-8")


@pytest.mark.parametrize("switch", [("NBGRADER_EXECUTION", "autograde"), ("CONGDOAN_REPLAY", "1")])
def test_grading_replays_the_recorded_reply_and_sends_nothing(vendor, monkeypatch, switch):
    point_at(vendor, "gemini", monkeypatch)
    vendor.reply_text = "Bản nháp do Gemini viết lúc học viên làm bài."
    recorded = ask("Tóm tắt nghị quyết", provider="gemini", system="Ngắn gọn")
    vendor.requests.clear()
    vendor.reply_text = "Một câu trả lời khác."

    monkeypatch.setenv(*switch)
    replayed = ask("Tóm tắt nghị quyết", provider="gemini", system="Ngắn gọn")

    assert vendor.requests == []
    assert replayed.text == recorded.text
    assert (replayed.provider, replayed.model, replayed.source) == (
        "gemini",
        recorded.model,
        "replay",
    )
    assert "lấy lại từ bản ghi" in replayed._repr_html_()


@pytest.mark.parametrize("provider", ["openai", "local"])
def test_replay_without_a_recording_answers_offline_and_says_so(vendor, monkeypatch, provider):
    point_at(vendor, provider, monkeypatch)
    monkeypatch.setenv("NBGRADER_EXECUTION", "validate")

    reply = ask("Soạn giấy mời dự hội nghị", provider=provider)

    assert vendor.requests == []
    assert (reply.provider, reply.source) == ("offline", "not_recorded")
    assert "Không tìm thấy bản ghi" in reply._repr_html_()


def test_replay_finds_a_reply_recorded_under_another_default_provider(vendor, monkeypatch):
    point_at(vendor, "deepseek", monkeypatch)
    monkeypatch.setenv("CONGDOAN_PROVIDER", "deepseek")
    recorded = ask("Lập kế hoạch Tết Sum vầy")
    vendor.requests.clear()

    monkeypatch.delenv("CONGDOAN_PROVIDER")  # the grader has no .env
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    replayed = ask("Lập kế hoạch Tết Sum vầy")

    assert replayed.provider == "deepseek" and replayed.text == recorded.text
    assert vendor.requests == []


def test_replay_is_stable_between_runs(vendor, monkeypatch):
    point_at(vendor, "openai", monkeypatch)
    ask("Viết bài đăng Zalo", provider="openai")
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")

    runs = {ask("Viết bài đăng Zalo", provider="openai").text for _ in range(3)}

    assert len(runs) == 1
    assert len(_transcript(monkeypatch).path.read_text().splitlines()) == 1  # nothing re-recorded


def test_a_damaged_transcript_line_is_skipped(vendor, monkeypatch):
    point_at(vendor, "openai", monkeypatch)
    ask("Viết bài đăng Zalo", provider="openai")
    path = _transcript(monkeypatch).path
    path.write_text("{not json\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")

    assert ask("Viết bài đăng Zalo", provider="openai").source == "replay"


def test_recording_can_be_switched_off(monkeypatch):
    monkeypatch.setenv("CONGDOAN_RECORD", "0")
    ask("Soạn thông báo")
    assert not _transcript(monkeypatch).path.exists()
