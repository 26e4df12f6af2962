"""Gemini with Google Search grounding: the answer comes with its web sources."""

from __future__ import annotations

import pytest

import congdoan
from congdoan import ask

from .conftest import point_at


@pytest.mark.parametrize("stream", [False, True])
def test_search_sends_the_google_search_tool_and_returns_citations(vendor, monkeypatch, stream):
    point_at(vendor, "gemini", monkeypatch)

    reply = ask(
        "Chủ đề Tháng Công nhân 2025?",
        provider="gemini",
        search=True,
        stream=stream,
        on_chunk=lambda _: None,
    )

    assert vendor.requests[-1].body["tools"] == [{"googleSearch": {}}]
    assert [(c.title, c.url) for c in reply.citations] == [
        ("Báo Lao Động", "https://example.org/thang-cong-nhan"),
        ("LĐLĐ thành phố Huế", "https://example.org/ldld-hue"),
    ]
    page = reply._repr_html_()
    assert "Nguồn (Google Search)" in page and "https://example.org/ldld-hue" in page
    assert "- Báo Lao Động: https://example.org/thang-cong-nhan" in reply.to_text()


def test_without_search_there_are_no_tools_and_no_citations(vendor, monkeypatch):
    point_at(vendor, "gemini", monkeypatch)
    reply = ask("Xin chào", provider="gemini")
    assert "tools" not in vendor.requests[-1].body and reply.citations == ()


def test_citations_are_recorded_and_replayed(vendor, monkeypatch):
    point_at(vendor, "gemini", monkeypatch)
    recorded = ask("Chủ đề Tháng Công nhân 2025?", provider="gemini", search=True)
    vendor.requests.clear()
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")

    replayed = ask("Chủ đề Tháng Công nhân 2025?", provider="gemini", search=True)

    assert vendor.requests == [] and replayed.source == "replay"
    assert replayed.citations == recorded.citations


@pytest.mark.parametrize("provider", ["offline", "openai", "deepseek"])
def test_search_is_refused_where_it_is_not_available(provider):
    with pytest.raises(congdoan.InputError, match='chỉ dùng được với provider="gemini"'):
        ask("Xin chào", provider=provider, search=True)


def test_search_must_be_true_or_false():
    with pytest.raises(congdoan.InputError, match="search=True"):
        ask("Xin chào", provider="gemini", search="có")
