"""The table ``compare()`` returns: English column names for code, Vietnamese on screen.

Code keeps reading ``table["cost_vnd"]`` (the names are the library's API), while the
table a trainee sees in the notebook, or prints, has the catalogue's column headings
("Nhà cung cấp", "Chi phí (đồng)"...) and "có/không" for the estimated-token flag.
"""

from __future__ import annotations

import re

import pandas as pd

from .i18n import msg

__all__ = ["ComparisonTable", "shown_columns"]


def shown_columns(columns) -> dict[str, str]:
    """``{column: heading}`` in the course language for the columns it knows."""
    headings = {}
    for column in columns:
        try:
            headings[column] = msg(f"widgets.compare.column.{column}")
        except KeyError:
            headings[column] = column
    return headings


class ComparisonTable(pd.DataFrame):
    """A DataFrame that displays itself with translated headings."""

    @property
    def _constructor(self):
        return ComparisonTable  # a slice such as table[["provider", "cost_vnd"]] too

    def translated(self) -> pd.DataFrame:
        """A copy with headings and yes/no in the course language (for display, Excel)."""
        table = pd.DataFrame(self).rename(columns=shown_columns(self.columns))
        flag = shown_columns(["tokens_estimated"])["tokens_estimated"]
        if flag in table:
            yes, no = msg("widgets.compare.yes"), msg("widgets.compare.no")
            table[flag] = table[flag].map(lambda value: yes if value else no)
        return table

    def _repr_html_(self) -> str:
        return self.translated().to_html(index=False, escape=True, na_rep="")

    def __repr__(self) -> str:
        return self.translated().to_string(index=False)

    __str__ = __repr__


def _score_row(name: str, text: str, kind: str) -> dict[str, object]:
    from .checks import check

    if not str(text or "").strip() or re.search(r"(?i)^\s*\(?dán .* vào đây", str(text)):
        return {"name": name, "score": None, "failed": msg("widgets.score.not_pasted")}
    report = check(text, kind)
    failed = "; ".join(i.message for i in report.items if not i.ok) or msg(
        "widgets.score.none_failed"
    )
    return {"name": name, "score": round(report.score * 100), "failed": failed}


def score_table(kind: str, **texts: str) -> pd.DataFrame:
    """One row per pasted answer: its score (0-100) and what failed, headings in Vietnamese.

    >>> score_table("bài đăng facebook", ChatGPT=bai_chatgpt, Gemini=bai_gemini)  # doctest: +SKIP

    An answer still holding its "Dán ... vào đây" placeholder is marked as not pasted.
    """
    rows = [_score_row(name, text, kind) for name, text in texts.items()]
    table = pd.DataFrame(rows, columns=["name", "score", "failed"])
    return table.rename(columns={c: msg(f"widgets.score.column.{c}") for c in table.columns})


def _check_rows(table: pd.DataFrame, kind: str) -> pd.DataFrame:
    rows = []
    for _, row in table.iterrows():
        if row.get("error") or not str(row.get("text") or "").strip():
            rows.append(
                {"name": row["provider"], "score": None, "failed": msg("widgets.score.no_answer")}
            )
        else:
            rows.append(_score_row(str(row["provider"]), row["text"], kind))
    frame = pd.DataFrame(rows, columns=["name", "score", "failed"])
    return frame.rename(columns={c: msg(f"widgets.score.column.{c}") for c in frame.columns})


ComparisonTable.check = lambda self, kind: _check_rows(pd.DataFrame(self), kind)
ComparisonTable.check.__doc__ = "Score every answer of the comparison as ``kind`` (a table)."
