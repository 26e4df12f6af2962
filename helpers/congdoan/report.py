"""The result type every checker returns: a list of named checks with Vietnamese feedback.

Documents, prompts, posts and scripts are all checked the same way, so trainees see
one kind of checklist and ``congdoan.grading`` can turn any of them into points. A
check has a stable ``code`` (tests, grading and class reports key on it), a verdict,
a message saying what was found and a hint giving the correct form.

>>> report = Report("notice", [Item("title", True, "Có tiêu đề THÔNG BÁO.")])
>>> report.ok, report.score
(True, 1.0)
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Literal

from .i18n import msg

__all__ = ["ERROR", "WARNING", "Item", "Report", "Severity"]

Severity = Literal["error", "warning"]
ERROR: Severity = "error"
WARNING: Severity = "warning"
_DEFAULT_WEIGHT = {ERROR: 1.0, WARNING: 0.25}


@dataclass(frozen=True)
class Item:
    """One check: its stable ``code``, whether it passed, and what to tell the trainee."""

    code: str
    ok: bool
    message: str
    hint: str = ""
    severity: Severity = ERROR
    weight: float | None = None

    @property
    def points(self) -> float:
        """How much this check counts in the score (warnings count less than errors)."""
        return _DEFAULT_WEIGHT[self.severity] if self.weight is None else self.weight

    @property
    def symbol(self) -> str:
        if self.ok:
            return "✓"
        return "✗" if self.severity == ERROR else "!"


@dataclass
class Report:
    """The checks run on one text; ``ok`` means no error failed, ``score`` is in 0..1."""

    kind: str
    items: list[Item] = field(default_factory=list)
    #: a reminder shown under the checklist (the rules for using AI); it changes no verdict
    note: str = ""

    def __iter__(self) -> Iterator[Item]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def __getitem__(self, code: str) -> Item:
        """The first check with this code (``KeyError`` if the report has none)."""
        for item in self.items:
            if item.code == code:
                return item
        raise KeyError(code)

    def __contains__(self, code: object) -> bool:
        return any(item.code == code for item in self.items)

    @property
    def ok(self) -> bool:
        return not any(not item.ok and item.severity == ERROR for item in self.items)

    @property
    def score(self) -> float:
        total = sum(item.points for item in self.items)
        if total == 0:
            return 1.0
        return round(sum(item.points for item in self.items if item.ok) / total, 4)

    @property
    def errors(self) -> list[Item]:
        return [item for item in self.items if not item.ok and item.severity == ERROR]

    @property
    def warnings(self) -> list[Item]:
        return [item for item in self.items if not item.ok and item.severity == WARNING]

    @property
    def failed_codes(self) -> list[str]:
        """Codes of every failed check, errors and warnings, in report order."""
        return [item.code for item in self.items if not item.ok]

    def extend(self, items: Iterable[Item]) -> None:
        self.items.extend(items)

    def __str__(self) -> str:
        lines = [msg("report.heading", score=round(self.score * 100))]
        for item in self.items:
            lines.append(f"{item.symbol} {item.message}")
            if not item.ok and item.hint:
                lines.append(f"    → {item.hint}")
        if self.note:
            lines.append(f"ⓘ {self.note}")
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        rows = []
        for item in self.items:
            colour = "#1b7f3b" if item.ok else ("#b3261e" if item.severity == ERROR else "#8a6d00")
            hint = (
                "" if item.ok or not item.hint else f"<div><em>{html.escape(item.hint)}</em></div>"
            )
            rows.append(
                f'<li style="list-style:none;color:{colour}">'
                f"<b>{item.symbol}</b> {html.escape(item.message)}{hint}</li>"
            )
        heading = html.escape(msg("report.heading", score=round(self.score * 100)))
        note = f'<div style="color:#8a6d00">ⓘ {html.escape(self.note)}</div>' if self.note else ""
        return f"<div><strong>{heading}</strong><ul>{''.join(rows)}</ul>{note}</div>"
