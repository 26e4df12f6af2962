"""Search grounding: Gemini (Google Search) and ChatGPT (web search tool) answer with sources.

Google requires apps that show Search grounding results to display its Search
Suggestions (``search_entry_point.rendered_content``): every place a grounded Gemini
answer is shown must carry that block unchanged.
"""

from __future__ import annotations

import pytest

import congdoan
from congdoan import ask
from tests.vendor_server import _GROUNDING

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
    suggestions = _GROUNDING["searchEntryPoint"]["renderedContent"]
    assert reply.grounding.suggestions_html == suggestions
    assert suggestions in page  # Google's block, unchanged, in the reply's display
    assert reply.grounding.queries == ("Tháng Công nhân 2025 chủ đề",)


def test_without_search_there_are_no_tools_and_no_citations(vendor, monkeypatch):
    point_at(vendor, "gemini", monkeypatch)
    reply = ask("Xin chào", provider="gemini")
    assert "tools" not in vendor.requests[-1].body and reply.citations == ()
    assert reply.grounding is None and "congdoan-search-suggestions" not in reply._repr_html_()


@pytest.mark.parametrize("stream", [False, True])
def test_chatgpt_search_uses_the_web_search_tool_and_cites_its_sources(vendor, monkeypatch, stream):
    point_at(vendor, "openai", monkeypatch)

    reply = ask(
        "Chủ đề Tháng Công nhân 2025?",
        provider="openai",
        search=True,
        stream=stream,
        on_chunk=lambda _: None,
    )

    seen = vendor.requests[-1]
    assert seen.path.endswith("/responses") and seen.body["tools"] == [{"type": "web_search"}]
    assert [(c.title, c.url) for c in reply.citations] == [
        ("Báo Lao Động", "https://example.org/thang-cong-nhan"),
        ("LĐLĐ thành phố Huế", "https://example.org/ldld-hue"),
    ]
    assert reply.text == vendor.reply_text
    assert "https://example.org/ldld-hue" in reply._repr_html_()


def test_citations_are_recorded_and_replayed(vendor, monkeypatch):
    point_at(vendor, "gemini", monkeypatch)
    recorded = ask("Chủ đề Tháng Công nhân 2025?", provider="gemini", search=True)
    vendor.requests.clear()
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")

    replayed = ask("Chủ đề Tháng Công nhân 2025?", provider="gemini", search=True)

    assert vendor.requests == [] and replayed.source == "replay"
    assert replayed.citations == recorded.citations
    # Search Suggestions are shown on replay too
    assert replayed.grounding.suggestions_html == recorded.grounding.suggestions_html
    assert _GROUNDING["searchEntryPoint"]["renderedContent"] in replayed._repr_html_()


@pytest.mark.parametrize("provider", ["offline", "deepseek", "copilot", "local"])
def test_search_is_refused_where_it_is_not_available(provider):
    with pytest.raises(congdoan.InputError, match='chỉ dùng được với provider="gemini"') as caught:
        ask("Xin chào", provider=provider, search=True)
    assert f'"{provider}"' in str(caught.value) and 'provider="openai"' in str(caught.value)


def test_search_must_be_true_or_false():
    with pytest.raises(congdoan.InputError, match="search=True"):
        ask("Xin chào", provider="gemini", search="có")


def test_the_chatbox_shows_sources_and_search_suggestions_of_a_grounded_reply(vendor, monkeypatch):
    from congdoan.widgets import ChatBox

    point_at(vendor, "gemini", monkeypatch)
    reply = ask("Chủ đề Tháng Công nhân 2025?", provider="gemini", search=True)
    box = ChatBox("gemini")

    box._show(reply)  # what the box does with every answer it receives

    suggestions = _GROUNDING["searchEntryPoint"]["renderedContent"]
    assert suggestions in box.answer.value
    assert "https://example.org/thang-cong-nhan" in box.answer.value
