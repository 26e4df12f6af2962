"""Checks the text checkers do not cover: a plan as a table, task facts, personal data.

Each check is one small function returning one :class:`~congdoan.report.Item`, so the
self-check (:func:`congdoan.grading.self_check`) and the grading cells run the same
code. A plan table is a pandas DataFrame with these columns (names are matched without
regard to case or diacritics, so ``Phu trach`` finds ``Phụ trách``):

========== ======================================= =====================
column     what it holds                           example
========== ======================================= =====================
Ngày       the day                                 ``05/5/2026`` or a date
Bắt đầu    start time                              ``7h30``, ``07:30``
Kết thúc   end time                                ``11h00``
Hoạt động  the activity                            ``Hội thao công nhân``
Địa điểm   the venue                               ``Sân thể thao Công ty``
Phụ trách  who is responsible (several: ``A, B``)  ``Ban Nữ công``
Kinh phí   cost in đồng (number or text)           ``5.000.000 đồng``
========== ======================================= =====================

Two activities clash when they share a day, their times overlap (one ending at 9h00
and the next starting at 9h00 do not), and they share the venue or one of the people
responsible. An empty cost counts as 0 đồng; an unreadable one is reported.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from .. import privacy
from ..i18n import msg
from ..report import ERROR, WARNING, Item, Report, Severity
from ..text import find_dates, find_money, find_times, format_money, normalize, strip_diacritics

__all__ = [
    "COLUMNS",
    "KINDS",
    "MIN_ROWS",
    "PlanRow",
    "check_budget",
    "check_columns",
    "check_dates",
    "check_facts",
    "check_owner_clash",
    "check_owners",
    "check_plan_table",
    "check_privacy",
    "check_rows",
    "check_times",
    "check_total_stated",
    "check_venue_clash",
    "plan_rows",
]

COLUMNS = {
    "date": "Ngày",
    "start": "Bắt đầu",
    "end": "Kết thúc",
    "activity": "Hoạt động",
    "venue": "Địa điểm",
    "owner": "Phụ trách",
    "cost": "Kinh phí",
}
MIN_ROWS = 3
_SHOWN = 3  # how many offending rows a message lists


def _item(code: str, ok: bool, key: str, severity: Severity = ERROR, **fields: object) -> Item:
    """``grading.<code>.<key>`` as the message, ``grading.<code>.hint`` as the hint."""
    hint = "" if ok else msg(f"grading.{code}.hint", **fields)
    return Item(code, ok, msg(f"grading.{code}.{key}", **fields), hint, severity)


def _fold(value: object) -> str:
    """Lowercase, no diacritics, single spaces: how column names and owners are compared."""
    text = strip_diacritics(normalize(str(value))).lower().replace("_", " ")
    return " ".join(text.split())


def _blank(value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and value != value:  # NaN
        return True
    try:
        import pandas

        if value is pandas.NaT or (not isinstance(value, str) and pandas.isna(value) is True):
            return True
    except (TypeError, ValueError):
        pass
    return isinstance(value, str) and not value.strip()


# --------------------------------------------------------------------------- table rows


@dataclass(frozen=True)
class PlanRow:
    """One activity read from the table; ``None`` where a cell is blank or unreadable."""

    number: int  # 1-based, as a trainee counts rows
    activity: str
    date: dt.date | None
    start: dt.time | None
    end: dt.time | None
    venue: str
    owners: tuple[str, ...]
    cost: int | None
    raw: dict[str, object]


def _columns(table) -> dict[str, object]:
    """Map our column keys to the table's own column labels, where found."""
    found = {}
    folded = {_fold(label): label for label in table.columns}
    for key, name in COLUMNS.items():
        if _fold(name) in folded:
            found[key] = folded[_fold(name)]
    return found


def _read_date(value: object, year: int) -> dt.date | None:
    if _blank(value):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if hasattr(value, "to_pydatetime"):
        return value.to_pydatetime().date()
    spans = find_dates(str(value), default_year=year)
    return spans[0].value if spans else None


def _read_time(value: object) -> dt.time | None:
    if _blank(value):
        return None
    if isinstance(value, dt.datetime):
        return value.time()
    if isinstance(value, dt.time):
        return value
    spans = find_times(str(value))
    return spans[0].value if spans else None


def _read_cost(value: object) -> int | None:
    """Cost in đồng; blank is 0; ``None`` when it cannot be read."""
    if _blank(value):
        return 0
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return int(value) if value >= 0 else None
    text = str(value).replace("\u00a0", " ").strip()
    spans = find_money(text)
    if spans:
        return spans[0].value
    digits = re.fullmatch(r"\d{1,3}(?:[.,\s]\d{3})+|\d+", text)
    return int(re.sub(r"\D", "", text)) if digits else None


def _owners(value: object) -> tuple[str, ...]:
    if _blank(value):
        return ()
    parts = re.split(r"[,;/+]|\svà\s|\n", str(value))
    return tuple(part.strip() for part in parts if part.strip())


def plan_rows(table, *, year: int) -> list[PlanRow]:
    """The table's rows as :class:`PlanRow` objects (columns that are missing read blank)."""
    cols = _columns(table)
    rows = []
    for number, (_, record) in enumerate(table.iterrows(), start=1):

        def cell(key: str, record=record) -> object:
            return record[cols[key]] if key in cols else None

        rows.append(
            PlanRow(
                number=number,
                activity="" if _blank(cell("activity")) else str(cell("activity")).strip(),
                date=_read_date(cell("date"), year),
                start=_read_time(cell("start")),
                end=_read_time(cell("end")),
                venue="" if _blank(cell("venue")) else str(cell("venue")).strip(),
                owners=_owners(cell("owner")),
                cost=_read_cost(cell("cost")),
                raw={key: cell(key) for key in COLUMNS},
            )
        )
    return rows


def _name(row: PlanRow) -> str:
    return msg("grading.row", number=row.number, activity=row.activity or "?")


def _listed(rows: Iterable[PlanRow]) -> str:
    rows = list(rows)
    shown = "; ".join(_name(row) for row in rows[:_SHOWN])
    return shown + (" …" if len(rows) > _SHOWN else "")


def _missing_columns(table, *keys: str) -> list[str]:
    cols = _columns(table)
    return [COLUMNS[key] for key in keys if key not in cols]


def _needs(code: str, table, *keys: str) -> Item | None:
    """A failed item when the columns this check reads are missing."""
    missing = _missing_columns(table, *keys)
    if missing:
        return _item(code, False, "no_column", columns=", ".join(missing))
    return None


# --------------------------------------------------------------------------- table checks


def check_columns(table, **_: object) -> Item:
    """Every required column is there, named as the instructions say."""
    missing = _missing_columns(table, *COLUMNS)
    expected = ", ".join(COLUMNS.values())
    if missing:
        return _item("columns", False, "missing", missing=", ".join(missing), expected=expected)
    return _item("columns", True, "ok", expected=expected)


def check_rows(table, *, year: int, minimum: int = MIN_ROWS, **_: object) -> Item:
    """At least ``minimum`` activities, each with a name."""
    named = [row for row in plan_rows(table, year=year) if row.activity]
    if len(named) < minimum:
        return _item("rows", False, "few", count=len(named), minimum=minimum)
    return _item("rows", True, "ok", count=len(named), minimum=minimum)


def check_owners(table, *, year: int, **_: object) -> Item:
    """Every activity has someone responsible (Phụ trách)."""
    if failed := _needs("owners", table, "owner"):
        return failed
    orphans = [row for row in plan_rows(table, year=year) if not row.owners]
    if orphans:
        return _item("owners", False, "missing", rows=_listed(orphans), count=len(orphans))
    return _item("owners", True, "ok")


def check_dates(table, *, year: int, **_: object) -> Item:
    """Every date can be read and falls in May of ``year`` (Tháng Công nhân)."""
    if failed := _needs("dates", table, "date"):
        return failed
    rows = plan_rows(table, year=year)
    unreadable = [row for row in rows if row.date is None]
    if unreadable:
        return _item("dates", False, "unreadable", rows=_listed(unreadable), year=year)
    outside = [row for row in rows if (row.date.year, row.date.month) != (year, 5)]
    if outside:
        return _item("dates", False, "outside", rows=_listed(outside), year=year)
    return _item("dates", True, "ok", year=year)


def check_times(table, *, year: int, **_: object) -> Item:
    """Every activity has a readable start and end, and ends after it starts."""
    if failed := _needs("times", table, "start", "end"):
        return failed
    rows = plan_rows(table, year=year)
    unreadable = [row for row in rows if row.start is None or row.end is None]
    if unreadable:
        return _item("times", False, "unreadable", rows=_listed(unreadable))
    backwards = [row for row in rows if row.end <= row.start]
    if backwards:
        return _item("times", False, "backwards", rows=_listed(backwards))
    return _item("times", True, "ok")


def _clashes(rows: list[PlanRow], shared: Callable[[PlanRow, PlanRow], str | None]):
    """Pairs of activities on the same day whose times overlap and which share something."""
    timed = [r for r in rows if r.date and r.start and r.end and r.start < r.end]
    found = []
    for i, first in enumerate(timed):
        for second in timed[i + 1 :]:
            overlap = first.start < second.end and second.start < first.end
            if first.date == second.date and overlap and (what := shared(first, second)):
                found.append((first, second, what))
    return found


def _clash_item(code: str, clashes: list) -> Item:
    if not clashes:
        return _item(code, True, "ok")
    first, second, what = clashes[0]
    return _item(
        code,
        False,
        "found",
        first=_name(first),
        second=_name(second),
        what=what,
        day=f"{first.date.day:02d}/{first.date.month}/{first.date.year}",
        count=len(clashes),
    )


def check_venue_clash(table, *, year: int, **_: object) -> Item:
    """No two activities at one venue at the same time."""
    if failed := _needs("venue_clash", table, "date", "start", "end", "venue"):
        return failed

    def same_venue(a: PlanRow, b: PlanRow) -> str | None:
        return a.venue if a.venue and _fold(a.venue) == _fold(b.venue) else None

    return _clash_item("venue_clash", _clashes(plan_rows(table, year=year), same_venue))


def check_owner_clash(table, *, year: int, **_: object) -> Item:
    """Nobody is responsible for two activities at the same time."""
    if failed := _needs("owner_clash", table, "date", "start", "end", "owner"):
        return failed

    def same_owner(a: PlanRow, b: PlanRow) -> str | None:
        theirs = {_fold(o): o for o in b.owners}
        common = [o for o in a.owners if _fold(o) in theirs]
        return common[0] if common else None

    return _clash_item("owner_clash", _clashes(plan_rows(table, year=year), same_owner))


def _total(rows: list[PlanRow]) -> int | None:
    if any(row.cost is None for row in rows):
        return None
    return sum(row.cost or 0 for row in rows)


def check_budget(table, *, year: int, budget: int, **_: object) -> Item:
    """Every cost can be read and the total stays within ``budget`` đồng."""
    if failed := _needs("budget", table, "cost"):
        return failed
    rows = plan_rows(table, year=year)
    unreadable = [row for row in rows if row.cost is None]
    fields = {"budget": format_money(budget)}
    if unreadable:
        return _item("budget", False, "unreadable", rows=_listed(unreadable), **fields)
    total = _total(rows) or 0
    fields["total"] = format_money(total)
    if total > budget:
        return _item("budget", False, "over", over=format_money(total - budget), **fields)
    return _item("budget", True, "ok", **fields)


TABLE_CHECKS = (
    check_columns,
    check_rows,
    check_owners,
    check_dates,
    check_times,
    check_venue_clash,
    check_owner_clash,
    check_budget,
)


def check_plan_table(table, *, year: int, budget: int, minimum: int = MIN_ROWS) -> Report:
    """Every table check, in the order a trainee fixes them.

    Codes: ``columns``, ``rows``, ``owners``, ``dates``, ``times``, ``venue_clash``,
    ``owner_clash``, ``budget``.
    """
    options = {"year": year, "budget": budget, "minimum": minimum}
    return Report("plan_table", [check(table, **options) for check in TABLE_CHECKS])


# --------------------------------------------------------------------------- texts


def _folded_text(text: str) -> str:
    return " ".join(normalize(text).casefold().split())


def check_facts(
    text: str,
    *,
    dates: Iterable[dt.date] = (),
    times: Iterable[dt.time] = (),
    phrases: Iterable[str] = (),
    code_prefix: str = "",
) -> Report:
    """Does ``text`` carry the facts the task gave: these dates, times and phrases?

    Dates may be written in any form :func:`congdoan.text.find_dates` reads
    (``04/5/2026``, ``ngày 04 tháng 5 năm 2026``); phrases are compared ignoring case,
    old/new tone marks and spacing. Codes: ``<prefix>date_1``, ``<prefix>time_1``,
    ``<prefix>phrase_1``, ... in the order given.
    """
    dates, times = list(dates), list(times)
    found_dates = {s.value for s in find_dates(text, default_year=dates[0].year if dates else None)}
    found_times = {s.value for s in find_times(text)}
    folded = _folded_text(text)
    items = []
    for n, day in enumerate(dates, start=1):
        written = f"{day.day:02d}/{day.month}/{day.year}"
        items.append(_fact(f"{code_prefix}date_{n}", day in found_dates, written))
    for n, hour in enumerate(times, start=1):
        written = f"{hour.hour}h{hour.minute:02d}"
        items.append(_fact(f"{code_prefix}time_{n}", hour in found_times, written))
    for n, phrase in enumerate(phrases, start=1):
        items.append(_fact(f"{code_prefix}phrase_{n}", _folded_text(phrase) in folded, phrase))
    return Report("facts", items)


def _fact(code: str, ok: bool, fact: str) -> Item:
    key = "ok" if ok else "missing"
    hint = "" if ok else msg("grading.facts.hint", fact=fact)
    return Item(code, ok, msg(f"grading.facts.{key}", fact=fact), hint, ERROR)


def check_privacy(text: str, *, code: str = "privacy") -> Item:
    """No personal data (phone, ID number, address, e-mail, named person...) in ``text``.

    Sensitive words alone (health, religion) are a warning, as in the post checker.
    """
    findings = privacy.find(text)
    personal = [f for f in findings if f.kind != "sensitive"]
    if personal:
        kinds = ", ".join(dict.fromkeys(msg(f"privacy.kind.{f.kind}") for f in personal))
        return Item(
            code,
            False,
            msg("grading.privacy.found", kinds=kinds),
            msg("grading.privacy.hint"),
            ERROR,
        )
    if findings:
        return Item(
            code,
            False,
            msg("grading.privacy.sensitive"),
            msg("grading.privacy.hint"),
            WARNING,
        )
    return Item(code, True, msg("grading.privacy.ok"))


def check_total_stated(text: str, table, *, year: int) -> Item:
    """The plan document states the same total cost as the table."""
    total = _total(plan_rows(table, year=year)) if not _missing_columns(table, "cost") else None
    if total is None:
        return _item("total_stated", False, "no_total")
    amounts = {span.value for span in find_money(text)}
    fields = {"total": format_money(total)}
    if total in amounts:
        return _item("total_stated", True, "ok", **fields)
    return _item("total_stated", False, "missing", **fields)


def _facts_kind(text: str, **options: Any) -> Report:
    return check_facts(text, **options)


def _privacy_kind(text: str, **_: Any) -> Report:
    return Report("privacy", [check_privacy(text)])


#: Extra kinds for :func:`congdoan.grading.grade`: name -> (checker, answer type)
KINDS: dict[str, tuple[Callable[..., Report], str]] = {
    "plan_table": (check_plan_table, "table"),
    "facts": (_facts_kind, "text"),
    "privacy": (_privacy_kind, "text"),
}
