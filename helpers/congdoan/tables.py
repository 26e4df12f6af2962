"""A table pasted as text, read into a DataFrame: what AI pages and Excel give a trainee.

ChatGPT, Gemini, Copilot and DeepSeek answer tables in Markdown (``| a | b |`` with an
alignment row, often bold headers); Excel copies cells separated by tabs; a CSV file
uses ``;`` or ``,``. :func:`parse_table` reads all of them, keeping every cell as text
("08" keeps its 0), so a plan or a member list can be an exercise answer that is one
pasted string (gradable by nbgrader) instead of code building a DataFrame.

>>> parse_table("| Ngày | Hoạt động |\\n|---|---|\\n| 05/5/2026 | Họp |").loc[0, "Ngày"]
'05/5/2026'
"""

from __future__ import annotations

import csv
import io
import re

import pandas as pd

from .errors import InputError
from .i18n import msg

__all__ = ["parse_table"]

_MARKDOWN_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")


def parse_table(text: str) -> pd.DataFrame:
    """A table pasted as text: Markdown (``| a | b |``), tab, ``;`` or ``,`` separated.

    The first row holds the column names; every cell stays text.
    """
    lines = [line for line in str(text or "").strip().splitlines() if line.strip()]
    if not lines:
        raise InputError(msg("tables.empty"))
    if sum(line.count("|") >= 2 for line in lines) >= len(lines) / 2:
        rows = [_markdown_cells(line) for line in lines if not _MARKDOWN_RULE.match(line)]
    else:
        sample = "\n".join(lines[:5])
        delimiter = next((d for d in ("\t", ";", ",") if d in sample), ",")
        rows = list(csv.reader(io.StringIO("\n".join(lines)), delimiter=delimiter))
    header, body = rows[0], rows[1:]
    if len(header) < 2 or not body:
        raise InputError(msg("tables.not_table"))
    width = len(header)
    body = [(row + [""] * width)[:width] for row in body]
    return pd.DataFrame(body, columns=[h.strip() for h in header])


def _markdown_cells(line: str) -> list[str]:
    cells = line.strip().strip("|").split("|")
    return [cell.strip().strip("*").strip() for cell in cells]
