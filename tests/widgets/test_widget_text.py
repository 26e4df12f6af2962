"""Every word a trainee reads in the widgets is Vietnamese (NFC) and comes from the
catalogue: labels, placeholders, tooltips, dropdown and checkbox entries, messages.
In English mode the same panels use the English catalogue."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from html.parser import HTMLParser

import ipywidgets as widgets
import pytest

from congdoan import i18n, overview
from congdoan.config import DEFAULTS, PROVIDER_IDS
from congdoan.widgets import ChatBox, CheckPanel, CompareBoard, PromptBuilder

LETTERS = re.compile(r"[^\W\d_]")
#: Names that are the same in every language.
MODELS = {row.model for row in DEFAULTS.values()}
TOKENS = {"OK", "Ctrl+V", "Ctrl+C"}


class _Text(HTMLParser):
    """Visible text and the messages the copy script shows; answers and CSS are skipped."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        hidden = tag == "style" or "congdoan-text" in (attrs.get("class") or "")
        if self._skip or hidden:
            self._skip += tag not in ("br", "img")
            return
        self.parts += [attrs[name] for name in ("data-ok", "data-fail") if attrs.get(name)]

    def handle_endtag(self, tag):
        if self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip and data.strip():
            self.parts.append(data.strip())


def _walk(widget: widgets.Widget) -> Iterator[widgets.Widget]:
    yield widget
    for child in getattr(widget, "children", ()):
        yield from _walk(child)


def shown_strings(panel: widgets.Widget, *, html: bool = True) -> list[str]:
    found: list[str] = []
    for widget in _walk(panel):
        for name in ("description", "placeholder", "tooltip"):
            value = getattr(widget, name, None)
            if _shown(value):
                found.append(value)
        if isinstance(widget, widgets.Dropdown):
            found += list(widget._options_labels)
        if html and isinstance(widget, widgets.HTML):
            parser = _Text()
            parser.feed(widget.value)
            found += parser.parts
    return found


def has_vietnamese_letters(text: str) -> bool:
    """A letter with a Vietnamese mark (ă, ơ, ử, ệ...) or đ."""
    return any(c in "đĐ" or (c.isalpha() and unicodedata.normalize("NFD", c) != c) for c in text)


def _shown(value: object) -> bool:
    """ipywidgets' HTML placeholder is a zero-width space: nothing a trainee reads."""
    return isinstance(value, str) and bool(value.strip().strip("\u200b"))


def _names() -> set[str]:
    return {state.label for state in overview()} | MODELS | TOKENS


def _is_vietnamese(text: str, names: set[str]) -> bool:
    for name in sorted(names, key=len, reverse=True):
        text = text.replace(name, "")
    return not LETTERS.search(text) or has_vietnamese_letters(text)


def _panels_in_use() -> list[widgets.Widget]:
    chat = ChatBox()
    chat.send.click()  # empty prompt message
    chat.prompt.value = "Soạn thông báo họp Ban Chấp hành ngày 12/5/2026"
    chat.send.click()
    chat.copy.click()
    refused = ChatBox("openai")  # not ready: its explanation
    refused.prompt.value = "Gọi chị Lan số 0905 123 456"  # the live privacy warning
    board = CompareBoard(["offline", "gemini"])
    board.prompt.value = "Viết bài đăng Fanpage về Tháng Công nhân"
    board.run.click()
    builder = PromptBuilder("notice", chatbox=ChatBox())
    builder.task.value = "soạn thông báo họp Ban Chấp hành"
    checked = CheckPanel("notice", "THÔNG BÁO\nVề việc họp Ban Chấp hành")
    return [chat, refused, board, builder, checked, CheckPanel("notice")]


def test_every_shown_string_is_vietnamese_and_nfc():
    names = _names()
    strings = [s for panel in _panels_in_use() for s in shown_strings(panel)]
    assert len(strings) > 80  # the walk really reaches labels, options and messages
    not_nfc = [s for s in strings if not unicodedata.is_normalized("NFC", s)]
    assert not not_nfc
    foreign = [s for s in strings if not _is_vietnamese(s, names)]
    assert not foreign


def test_labels_come_from_the_catalogue():
    vi = set(i18n.catalogue("vi").values())
    box = ChatBox()
    assert box.send.description == "Gửi"
    assert box.new.description == "Cuộc trò chuyện mới"
    for widget in _walk(box):
        for name in ("description", "placeholder", "tooltip"):
            value = getattr(widget, name, None)
            if _shown(value):
                assert value in vi, value


@pytest.fixture
def english():
    i18n.set_language("en")
    yield
    i18n.set_language(None)


def test_english_mode_uses_the_english_catalogue(english):
    en = set(i18n.catalogue("en").values())
    labels = {i18n.msg(f"providers.label.{pid}") for pid in PROVIDER_IDS}
    panels = [ChatBox(), CompareBoard(), PromptBuilder("plan"), CheckPanel("zalo")]
    chat = panels[0]
    chat.send.click()
    assert chat.send.description == "Send"
    assert "The question box is empty" in chat.message.value
    strings = [s for panel in panels for s in shown_strings(panel, html=False)]
    assert strings and not [s for s in strings if has_vietnamese_letters(s)]
    for widget in (w for panel in panels for w in _walk(panel)):
        for name in ("description", "placeholder", "tooltip"):
            value = getattr(widget, name, None)
            if _shown(value) and not any(label in value for label in labels):
                assert value in en, value
