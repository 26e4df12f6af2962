"""``TableEditor``: an editable table (plans, video scripts, member lists) with a check.

Trainees fix a plan by typing in boxes, not by ``.loc[5, "Bắt đầu"] = ...``:

>>> bang = TableEditor("bang_hoi_thao.csv", kind="bảng kế hoạch", year=2026, budget=20_000_000)
>>> bang.df            # the table as typed, for events.to_ics(bang.df, ...)  # doctest: +SKIP

One row of text boxes per row of the table, buttons to add a row, delete the last one
and check, and a box to paste a table copied from ChatGPT, Gemini, Copilot or DeepSeek
(a Markdown table with ``|``), from Excel (tabs) or a CSV file (``;`` or ``,``).
Checking is :func:`congdoan.check` with the kind and options given; the checklist shows
under the table.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import ipywidgets as widgets
import pandas as pd

from ..checks import check
from ..errors import CongdoanError, InputError
from ..i18n import msg
from ..report import Report
from ..tables import parse_table
from ._common import ERROR, INFO, block, button, guarded, panel_style

__all__ = ["TableEditor", "parse_table"]  # parse_table lives in congdoan.tables


def _as_frame(data: Any, columns: list[str] | None) -> pd.DataFrame:
    if isinstance(data, pd.DataFrame):
        frame = data.copy()
    elif isinstance(data, (str, os.PathLike)) and Path(data).suffix.lower() == ".csv":
        path = Path(data)
        if not path.is_file():
            raise InputError(msg("widgets.table.no_file", path=path))
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    elif isinstance(data, str):
        frame = parse_table(data)
    elif data is None:
        frame = pd.DataFrame(columns=columns or [])
    else:
        frame = pd.DataFrame(list(data), columns=columns)
    return frame.fillna("").astype(str)


class TableEditor(widgets.VBox):
    """An editable table with Add row, Delete last row, Paste and Check.

    **Parameters:**
    * **data** – a DataFrame, a ``.csv`` file (read as text), a pasted table, or rows.
    * **kind** – *(optional)* what :func:`congdoan.check` checks the table as, e.g.
      ``"bảng kế hoạch"`` or ``"kịch bản video"``, or a checker function such as
      ``media.check_video_script``; ``options`` go with it (``year=``, ``budget=``,
      ``platform=``).
    * **columns** – *(optional)* column names when ``data`` is a list of rows.

    Attributes: ``df`` (the table as typed, all text), ``report`` (the last check),
    ``cells`` (the text boxes, row by row), ``result`` (the checklist HTML).
    """

    def __init__(
        self,
        data: Any = None,
        kind: str | Callable[..., Report] | None = None,
        *,
        columns: list[str] | None = None,
        **options: Any,
    ) -> None:
        super().__init__(layout=widgets.Layout(width="100%"))
        self.add_class("congdoan-table-editor")
        self.kind, self.options = kind, options
        self.report: Report | None = None
        self.output = widgets.Output()
        self.result = widgets.HTML()
        self.message = widgets.HTML()
        frame = _as_frame(data, columns)
        self.columns = [str(c) for c in frame.columns]
        self.grid = widgets.GridBox(layout=widgets.Layout(width="100%"))
        self.cells: list[list[widgets.Text]] = []
        self._fill(frame)
        self.add_row = button("table.add_row", icon="plus")
        self.delete_row = button("table.delete_row", icon="minus")
        self.check = button("table.check", icon="check", style="primary")
        self.paste = widgets.Textarea(
            placeholder=msg("widgets.table.paste_placeholder"),
            rows=4,
            layout=widgets.Layout(width="100%"),
        )
        self.load = button("table.load", icon="paste")
        self.add_row.on_click(guarded(self.output, self._on_add))
        self.delete_row.on_click(guarded(self.output, self._on_delete))
        self.check.on_click(guarded(self.output, self._on_check))
        self.load.on_click(guarded(self.output, self._on_paste))
        paste = widgets.Accordion(children=[widgets.VBox([self.paste, self.load])])
        paste.set_title(0, msg("widgets.table.paste_title"))
        paste.selected_index = None
        buttons = [self.add_row, self.delete_row] + ([self.check] if kind else [])
        self.children = [
            panel_style(self),
            self.grid,
            widgets.HBox(buttons),
            paste,
            self.message,
            self.result,
            self.output,
        ]
        if kind and self.cells:
            self._on_check()

    # -- the table ---------------------------------------------------------------------
    @property
    def df(self) -> pd.DataFrame:
        """The table as typed (all text; empty boxes are ``""``)."""
        rows = [[box.value.strip() for box in row] for row in self.cells]
        return pd.DataFrame(rows, columns=self.columns)

    def set_row(self, index: int, values: dict[str, str]) -> None:
        """Type ``values`` (``{column: text}``) into row ``index`` (0 is the first row)."""
        for column, value in values.items():
            self.cells[index][self.columns.index(column)].value = str(value)

    def _fill(self, frame: pd.DataFrame) -> None:
        self.columns = [str(c) for c in frame.columns]
        self.cells = [self._row(list(values)) for values in frame.itertuples(index=False)]
        self._layout()

    def _row(self, values: list[Any]) -> list[widgets.Text]:
        return [
            widgets.Text(value=str(value), layout=widgets.Layout(width="100%", min_width="0"))
            for value in (values + [""] * len(self.columns))[: len(self.columns)]
        ]

    def _layout(self) -> None:
        header = [widgets.HTML(f"<b>{_escape(name)}</b>") for name in self.columns]
        boxes = [box for row in self.cells for box in row]
        self.grid.children = header + boxes
        self.grid.layout.grid_template_columns = " ".join(  # shrink to the notebook's width
            f"minmax(0, {_width(name)})" for name in self.columns
        )

    # -- buttons -----------------------------------------------------------------------
    def _on_add(self, _button=None) -> None:
        self.cells.append(self._row([]))
        self._layout()
        self.message.value = block(msg("widgets.table.added", count=len(self.cells)), INFO)

    def _on_delete(self, _button=None) -> None:
        if self.cells:
            self.cells.pop()
            self._layout()
        self.message.value = block(msg("widgets.table.deleted", count=len(self.cells)), INFO)

    def _on_paste(self, _button=None) -> None:
        try:
            frame = parse_table(self.paste.value)
        except CongdoanError as exc:
            self.message.value = block(str(exc), ERROR)
            return
        self._fill(frame.fillna("").astype(str))
        self.message.value = block(msg("widgets.table.loaded", count=len(self.cells)), INFO)
        if self.kind:
            self._on_check()

    def _on_check(self, _button=None) -> None:
        try:
            if callable(self.kind):  # a checker function, e.g. media.check_video_script
                self.report = self.kind(self.df, **self.options)
            else:
                self.report = check(self.df, self.kind, **self.options)
        except CongdoanError as exc:
            self.result.value = block(str(exc), ERROR)
            return
        self.result.value = self.report._repr_html_()


def _width(name: str) -> str:
    """Wide columns for the long texts, narrow ones for dates, times and seconds."""
    key = name.lower()
    if any(word in key for word in ("hoạt động", "hình ảnh", "lời thoại", "chữ", "địa điểm")):
        return "2fr"
    if any(word in key for word in ("ngày", "bắt đầu", "kết thúc", "giây", "cảnh")):
        return "0.8fr"
    return "1.2fr"


def _escape(text: str) -> str:
    import html

    return html.escape(text)
