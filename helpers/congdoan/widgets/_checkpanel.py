"""``CheckPanel``: paste a text (an answer from a web app or one's own draft), choose its
kind and get the course checklist with a score.

>>> panel = CheckPanel("notice")
>>> panel.text.value = "THÔNG BÁO ..."
>>> panel.check.click()
>>> panel.report.score                  # doctest: +SKIP
0.4

Checking is :func:`congdoan.check`; the checklist is the report's own HTML (✓, ✗ or !,
the message, and a hint for what failed).
"""

from __future__ import annotations

import ipywidgets as widgets

from ..checks import check, kinds
from ..errors import CongdoanError
from ..i18n import catalogue, get_language, msg
from ..report import Report
from ._common import ERROR, block, button, guarded, panel_style

__all__ = ["CheckPanel"]


class CheckPanel(widgets.VBox):
    """A text box, a kind choice, a Check button and the checklist.

    **Parameters:**
    * **kind** – ``notice``, ``invitation``, ``plan``, ``report``, ``prompt``,
      ``facebook`` or ``zalo``; an unknown kind shows the error in the panel.
    * **text** – *(optional)* text to check at once.

    Attributes: ``text`` (Textarea), ``kind`` (Dropdown), ``check`` (Button),
    ``result`` (HTML) and ``report`` (the last :class:`~congdoan.report.Report`).
    """

    def __init__(self, kind: str = "notice", text: str = "") -> None:
        super().__init__(layout=widgets.Layout(width="100%"))
        self.add_class("congdoan-check-panel")  # for CSS and browser tests
        self.report: Report | None = None
        kind = _known_kind(kind)
        self._kind = kind
        self.text = widgets.Textarea(
            value=text,
            placeholder=msg("widgets.check.placeholder"),
            tooltip=msg("widgets.check.text_tooltip"),
            rows=12,
            layout=widgets.Layout(width="100%"),
        )
        options = [(_kind_label(k), k) for k in kinds("text")]
        self.kind = widgets.Dropdown(
            options=options,
            value=kind if kind in kinds() else None,
            description=msg("widgets.check.kind"),
            tooltip=msg("widgets.check.kind_tooltip"),
            style={"description_width": "initial"},
        )
        self.output = widgets.Output()
        self.kind.observe(guarded(self.output, self._on_kind), "value")
        self.check = button("check.run", icon="check", style="primary")
        self.check.on_click(guarded(self.output, self._on_check))
        self.result = widgets.HTML()
        self.children = [
            panel_style(self),
            widgets.HBox([self.kind, self.check]),
            self.text,
            self.result,
            self.output,
        ]
        if text.strip() or kind not in kinds():
            self._on_check()

    def _on_kind(self, change) -> None:
        if change["new"] is not None:
            self._kind = change["new"]

    def _on_check(self, _button=None) -> None:
        if self._kind in kinds() and not self.text.value.strip():
            self.result.value = block(msg("widgets.check.empty_text"), ERROR)
            return
        try:
            self.report = check(self.text.value, self._kind)
        except CongdoanError as exc:
            self.report = None
            self.result.value = block(str(exc), ERROR)
            return
        self.result.value = self.report._repr_html_()  # the law's reminder is its note


def _kind_label(kind: str) -> str:
    """The kind's Vietnamese name; a kind registered later without one shows its id."""
    key = f"widgets.kind.{kind}"
    return msg(key) if key in catalogue(get_language()) or key in catalogue("vi") else kind


def _known_kind(kind: str) -> str:
    """The kind's code for a Vietnamese name ("thông báo" → ``notice``); unknown stays."""
    from ..checks import resolve_kind

    try:
        return resolve_kind(kind).name
    except CongdoanError:
        return kind
