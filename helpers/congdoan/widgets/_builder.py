"""``PromptBuilder``: fill in the parts of the course's prompt recipe, see the prompt and
its rubric score live, then send it to a :class:`ChatBox`.

>>> box = ChatBox()
>>> builder = PromptBuilder("notice", chatbox=box)
>>> builder.task.value = "soạn thông báo họp Ban Chấp hành"
>>> builder.to_chat.click()             # same as builder.send_to(box)

The prompt is made by :func:`congdoan.prompts.compose.compose` and scored by
:func:`congdoan.prompts.check`; the widget only shows them.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

import ipywidgets as widgets

from ..i18n import msg
from ..prompts import check
from ..prompts.compose import PARTS, compose
from ._common import ERROR, INFO, WARN, block, button, guarded, panel_style

if TYPE_CHECKING:
    from ..chat import Reply
    from ._chatbox import ChatBox

__all__ = ["PromptBuilder"]

#: Kinds with a suggested format (``widgets.builder.kind.<kind>`` in the catalogue).
KINDS = ("notice", "invitation", "plan", "report", "facebook", "zalo")
_LONG = ("context", "example")  # parts that get a taller box


class PromptBuilder(widgets.VBox):
    """One box per part of the prompt recipe, the composed prompt and its score.

    **Parameters:**
    * **kind** – *(optional)* ``notice``, ``invitation``, ``plan``, ``report``,
      ``facebook`` or ``zalo``: fills in the format part for that kind of text.
    * **chatbox** – *(optional)* a :class:`ChatBox`; the "Gửi sang hộp chat" button
      sends the prompt there.

    Attributes: ``role``, ``task``, ``context``, ``audience``, ``format``, ``tone``,
    ``length``, ``example`` (text boxes), ``composed`` and ``score`` (HTML),
    ``to_chat`` (button), ``message`` (HTML) and ``text`` (the composed prompt).
    """

    def __init__(self, kind: str | None = None, *, chatbox: ChatBox | None = None) -> None:
        super().__init__(layout=widgets.Layout(width="100%"))
        self.add_class("congdoan-prompt-builder")  # for CSS and browser tests
        self.chatbox = chatbox
        self.message = widgets.HTML()
        self.output = widgets.Output()
        for name in PARTS:
            field = self._field(name)
            field.observe(guarded(self.output, self._refresh), "value")
            setattr(self, name, field)
        self.composed = widgets.HTML()
        self.score = widgets.HTML()
        self.to_chat = button("builder.to_chat", icon="paper-plane", style="primary")
        self.to_chat.on_click(guarded(self.output, lambda _: self.send_to()))
        if chatbox is None:
            self.to_chat.layout.display = "none"
        self._apply_kind(kind)
        heading = html.escape(msg("widgets.builder.heading"))
        self.children = [
            panel_style(self),
            widgets.HTML(f"<b>{heading}</b>"),
            *(getattr(self, name) for name in PARTS),
            self.composed,
            self.score,
            self.to_chat,
            self.message,
            self.output,
        ]
        self._refresh()

    @property
    def text(self) -> str:
        """The prompt composed from the boxes."""
        return compose(**{name: getattr(self, name).value for name in PARTS})

    def send_to(self, chatbox: ChatBox | None = None) -> Reply | None:
        """Put the composed prompt into ``chatbox`` (default: the one given at creation),
        press its Send button and return its reply (``None`` if nothing was sent)."""
        target = chatbox or self.chatbox
        if target is None:
            self.message.value = block(msg("widgets.builder.no_chatbox"), ERROR)
            return None
        text = self.text
        if not text:
            self.message.value = block(msg("widgets.builder.empty"), ERROR)
            return None
        before = target.last_reply
        target.prompt.value = text
        target.send.click()
        sent = target.last_reply is not before
        self.message.value = block(msg("widgets.builder.sent"), INFO) if sent else ""
        return target.last_reply if sent else None

    def _field(self, name: str) -> widgets.Textarea:
        return widgets.Textarea(
            description=msg(f"widgets.builder.field.{name}"),
            placeholder=msg(f"widgets.builder.placeholder.{name}"),
            tooltip=msg(f"prompts.{name}.hint"),
            rows=3 if name in _LONG else 1,
            style={"description_width": "7em"},
            layout=widgets.Layout(width="100%"),
        )

    def _apply_kind(self, kind: str | None) -> None:
        if kind is None:
            return
        if kind not in KINDS:
            text = msg("widgets.builder.unknown_kind", kind=kind, choices=", ".join(KINDS))
            self.message.value = block(text, WARN)
            return
        self.format.value = msg(f"widgets.builder.kind.{kind}")

    def _refresh(self, _change=None) -> None:
        text = self.text
        heading = html.escape(msg("widgets.builder.composed"))
        if not text:
            self.composed.value = f"<b>{heading}</b>" + block(msg("widgets.builder.empty"), INFO)
            self.score.value = ""
            return
        self.composed.value = (
            f"<b>{heading}</b><div class='congdoan-composed' style='border:1px solid #ccc;"
            f"padding:6px;background:#fafafa'>{block(text)}</div>"
        )
        self.score.value = check(text)._repr_html_()
