"""``CompareBoard``: one question, several providers, answers side by side and a table.

>>> board = CompareBoard(["offline", "openai"])
>>> board.prompt.value = "Viết bài đăng Fanpage về Tháng Công nhân"
>>> board.run.click()
>>> list(board.table["provider"])
['offline', 'openai']

Every provider is offered as a checkbox labelled with its status; the practice model and
the ready providers are ticked by default. A provider that cannot answer (no key, no
network) still gets a card and a row with its Vietnamese error: :func:`congdoan.compare`
keeps going, so the trainee sees why.
"""

from __future__ import annotations

import html
import math
from collections.abc import Iterable
from typing import TYPE_CHECKING

import ipywidgets as widgets

from ..chat import compare
from ..config import provider_label, resolve_provider_id
from ..errors import CongdoanError
from ..i18n import msg
from ..markup import markdown_html
from ..providers import ProviderState, Status, overview
from ..replies import format_vnd
from ._common import ERROR, INFO, badge_html, block, button, guarded, panel_style, provider_option

if TYPE_CHECKING:
    import pandas

__all__ = ["CompareBoard"]

#: Columns of the comparison table, in order; the answers themselves are on the cards.
_TABLE_COLUMNS = (
    "provider",
    "model",
    "seconds",
    "input_tokens",
    "output_tokens",
    "tokens_estimated",
    "cost_vnd",
    "error",
)


class CompareBoard(widgets.VBox):
    """Ask one question of several providers at once and compare the answers.

    **Parameters:**
    * **providers** – *(optional)* the providers ticked at the start; default the
      practice model and every provider that is ready.

    Attributes: ``prompt``, ``choices`` (provider id → ``Checkbox``), ``run``,
    ``message``, ``cards`` (``GridBox``), ``table_view`` (HTML) and ``table`` (the
    DataFrame from :func:`congdoan.compare`, ``None`` before the first run).
    """

    def __init__(self, providers: Iterable[str] | None = None) -> None:
        super().__init__(layout=widgets.Layout(width="100%"))
        self.add_class("congdoan-compare-board")  # for CSS and browser tests
        states = list(overview())
        self.message = widgets.HTML()
        ticked = self._initial(states, providers)
        self.table: pandas.DataFrame | None = None
        self.prompt = widgets.Textarea(
            placeholder=msg("widgets.compare.placeholder"),
            tooltip=msg("widgets.compare.prompt_tooltip"),
            rows=3,
            layout=widgets.Layout(width="100%"),
        )
        self.choices = {s.id: self._checkbox(s, s.id in ticked) for s in states}
        self.run = button("compare.run", icon="columns", style="primary")
        self.output = widgets.Output()
        self.run.on_click(guarded(self.output, self._on_run))
        self.cards = widgets.GridBox(
            layout=widgets.Layout(
                grid_template_columns="repeat(auto-fill, minmax(280px, 1fr))",
                grid_gap="8px",
                width="100%",
            )
        )
        self.table_view = widgets.HTML()
        self.children = [
            panel_style(self),
            self.prompt,
            widgets.HTML(f"<b>{html.escape(msg('widgets.compare.providers'))}</b>"),
            widgets.HBox(list(self.choices.values()), layout=widgets.Layout(flex_flow="row wrap")),
            self.run,
            self.message,
            self.cards,
            self.table_view,
            self.output,
        ]

    @property
    def selected(self) -> list[str]:
        """The ticked providers, in the order of the list."""
        return [pid for pid, box in self.choices.items() if box.value]

    @selected.setter
    def selected(self, providers: Iterable[str]) -> None:
        wanted = {resolve_provider_id(p) for p in providers}
        for pid, box in self.choices.items():
            box.value = pid in wanted

    def _initial(self, states: list[ProviderState], providers: Iterable[str] | None) -> set[str]:
        if providers is None:
            return {"offline"} | {s.id for s in states if s.status is Status.READY}
        try:
            return {resolve_provider_id(p) for p in providers}
        except CongdoanError as exc:
            self.message.value = block(str(exc), ERROR)
            return {"offline"}

    @staticmethod
    def _checkbox(state: ProviderState, value: bool) -> widgets.Checkbox:
        label, _ = provider_option(state)
        return widgets.Checkbox(
            value=value,
            description=label,
            indent=False,
            layout=widgets.Layout(width="auto", margin="0 16px 0 0"),
        )

    def _on_run(self, _button=None) -> None:
        text, chosen = self.prompt.value, self.selected
        if not text.strip():
            self.message.value = block(msg("widgets.compare.empty_prompt"), ERROR)
            return
        if not chosen:
            self.message.value = block(msg("widgets.compare.none_selected"), ERROR)
            return
        self.message.value = block(msg("widgets.compare.running", count=len(chosen)), INFO)
        self.run.disabled = True
        try:
            table = compare(text, chosen)
        except CongdoanError as exc:
            self.message.value = block(str(exc), ERROR)
            return
        finally:
            self.run.disabled = False
        self._show(table)

    def _show(self, table: pandas.DataFrame) -> None:
        self.table = table
        rows = table.to_dict("records")
        failed = sum(1 for row in rows if row["error"])
        done = msg("widgets.compare.done", answered=len(rows) - failed, failed=failed)
        self.message.value = block(done, INFO)
        self.cards.children = [_card(row) for row in rows]
        heading = html.escape(msg("widgets.compare.table_heading"))
        self.table_view.value = f"<h4>{heading}</h4>" + _table_html(table)


def _card(row: dict) -> widgets.VBox:
    pid = row["provider"]
    badge = widgets.HTML(badge_html(pid, provider_label(pid), row["model"]))
    if row["error"]:
        body = block(msg("widgets.compare.failed", error=row["error"]), ERROR)
        footer = ""
    else:
        body = f'<div class="congdoan-text">{markdown_html(row["text"])}</div>'
        footer = block(_footer(row), INFO)
    return widgets.VBox(
        [badge, widgets.HTML(body), widgets.HTML(footer)],
        layout=widgets.Layout(border="1px solid #ccc", padding="6px", overflow="auto"),
    )


def _footer(row: dict) -> str:
    return msg(
        "widgets.compare.footer",
        seconds=f"{row['seconds']:.1f}",
        cost=format_vnd(row["cost_vnd"]),
    )


def _table_html(table: pandas.DataFrame) -> str:
    """The table with Vietnamese headers and readable cells (labels, có/không, đồng)."""
    shown = table[list(_TABLE_COLUMNS)].copy()
    shown["provider"] = shown["provider"].map(provider_label)
    yes, no = msg("widgets.compare.yes"), msg("widgets.compare.no")
    shown["tokens_estimated"] = shown["tokens_estimated"].map(lambda v: yes if v else no)
    shown["seconds"] = shown["seconds"].map(lambda v: "" if math.isnan(v) else f"{v:.1f}")
    shown["cost_vnd"] = shown["cost_vnd"].map(format_vnd)
    shown.columns = [msg(f"widgets.compare.column.{c}") for c in _TABLE_COLUMNS]
    return shown.to_html(index=False, escape=True, border=0, classes="congdoan-compare")
