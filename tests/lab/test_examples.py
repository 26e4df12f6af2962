"""Recorded real replies: used only without a key, always marked, never invented."""

from __future__ import annotations

import json

import pytest

from congdoan.errors import InputError
from congdoan.examples import ask_or_recorded, load_recording, save_recording
from congdoan.replies import reply_html
from tests.providers.conftest import point_at

PROMPT = "Lập kế hoạch Tết Sum vầy cho 100 đoàn viên, kinh phí 50.000.000 đồng."


def test_no_key_no_recording_falls_back_to_the_practice_model_and_says_so(tmp_path):
    reply = ask_or_recorded(
        PROMPT, provider="deepseek", thinking=False, recording=tmp_path / "khong_co.json"
    )
    assert reply.provider == "offline"
    assert any("Chưa có khóa API của deepseek" in note for note in reply.notes())


def test_real_reply_is_recorded_then_replayed_without_a_key(vendor, monkeypatch, tmp_path):
    point_at(vendor, "deepseek", monkeypatch)
    vendor.reasoning = "100 suất × 400.000 đồng = 40 triệu; còn 10 triệu cho tổ chức."
    path = tmp_path / "ban_ghi" / "suy_nghi.json"
    live = ask_or_recorded(PROMPT, provider="deepseek", thinking=True, recording=path)
    assert live.source == "live" and live.reasoning and vendor.requests  # asked for real
    save_recording(live, path, PROMPT)

    monkeypatch.delenv("DEEPSEEK_API_KEY")
    asked = len(vendor.requests)
    replayed = ask_or_recorded(PROMPT, provider="deepseek", thinking=True, recording=path)
    assert len(vendor.requests) == asked  # no network without a key
    assert replayed.source == "recorded" and replayed.provider == "deepseek"
    assert replayed.reasoning == live.reasoning and replayed.text == live.text
    assert replayed.usage.input_tokens == live.usage.input_tokens > 0
    shown = reply_html(replayed)
    assert "GHI SẴN" in shown and json.loads(path.read_text())["recorded_at"] in shown


def test_the_practice_model_is_never_recorded(tmp_path):
    from congdoan import ask

    with pytest.raises(InputError, match="không bao giờ được bịa"):
        save_recording(ask(PROMPT), tmp_path / "x.json", PROMPT)


def test_a_damaged_recording_is_a_vietnamese_message(tmp_path):
    path = tmp_path / "hong.json"
    path.write_text("{không phải JSON", encoding="utf-8")
    with pytest.raises(InputError, match="Không đọc được bản ghi sẵn"):
        load_recording(path)
