"""Plan tables: one reader for every module that reads an event schedule a trainee wrote.

A plan table is what an AI tool or a trainee writes for an event (Tháng Công nhân, Tết
Sum vầy, a sports day): one row per activity, Vietnamese headers in any spelling
(``Phụ trách``, ``phu trach``, ``Người phụ trách``, English aliases too). ``events``
turns the rows into calendar entries and the grading checks judge them; both read the
table here, so they agree on every cell and on every row number.

The reader is strict: a cell that holds something it cannot read (``abc`` as a start
time, ``năm trăm`` as a cost) is a :class:`CellProblem` naming the row as the trainee
sees it in the sheet (the header is row 1, the first activity row 2) and the column as
written, never a silent guess. Blank cells are simply blank.

>>> import pandas as pd
>>> rows = read_plan(pd.DataFrame({"Hoạt động": ["Khai mạc"], "Ngày": ["25/4/2026"],
...                                "Giờ": ["7h30 - 9h00"], "Kinh phí": ["abc"]}))
>>> rows[0].start, rows[0].end, rows[0].problems[0].describe()
(datetime.time(7, 30), datetime.time(9, 0), 'Dòng 2, cột «Kinh phí»: «abc»')
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from .errors import InputError
from .i18n import msg
from .report import ERROR, Item, Report, Severity
from .text import find_dates, find_money, find_times, fold, format_money, nfc

__all__ = [
    "ALIASES",
    "COLUMNS",
    "HEADER_ROWS",
    "MIN_ROWS",
    "TABLE_CHECKS",
    "CellProblem",
    "PlanRow",
    "as_table",
    "blank",
    "check_budget",
    "check_columns",
    "check_dates",
    "check_owner_clash",
    "check_owners",
    "check_plan_table",
    "check_rows",
    "check_times",
    "check_total_stated",
    "check_venue_clash",
    "find_columns",
    "plan_rows",
    "read_plan",
]

#: Headers the course asks for, by role (what the instructions and messages name).
COLUMNS = {
    "date": "Ngày",
    "start": "Bắt đầu",
    "end": "Kết thúc",
    "activity": "Hoạt động",
    "venue": "Địa điểm",
    "owner": "Phụ trách",
    "cost": "Kinh phí",
}
#: Header spellings (folded: no diacritics, lower case) for each role, most specific first.
ALIASES: dict[str, tuple[str, ...]] = {
    "start": ("thoi gian bat dau", "bat dau", "gio bat dau", "start time", "start", "begin", "tu"),
    "end": ("thoi gian ket thuc", "ket thuc", "gio ket thuc", "end time", "end", "finish", "den"),
    "date": ("ngay to chuc", "ngay thang", "ngay", "date", "day"),
    "time": ("thoi gian", "gio", "time", "khung gio"),
    "activity": (
        "hoat dong",
        "ten hoat dong",
        "noi dung",
        "cong viec",
        "activity",
        "task",
        "event",
    ),
    "venue": ("dia diem", "noi to chuc", "venue", "location", "place"),
    "owner": ("nguoi phu trach", "phu trach", "bo phan", "owner", "responsible", "in charge"),
    "cost": ("kinh phi", "du toan", "chi phi", "budget", "cost"),
    "note": ("ghi chu", "mo ta", "note", "notes", "description"),
}
#: Rows above the first activity in a sheet: the header.
HEADER_ROWS = 1
_OWNER_SPLIT = re.compile(r"[,;/+\n]|\svà\s")
_ISO = re.compile(r"(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2})(?::\d{2})?)?")
_PLAIN_AMOUNT = re.compile(r"\d{1,3}(?:[.,\s]\d{3})+|\d+")
_YEAR = re.compile(r"(?<!\d)(20\d\d)(?!\d)")


@dataclass(frozen=True)
class CellProblem:
    """A cell the reader could not read: where it is and what it holds."""

    row: int  # as the trainee sees it in the sheet
    column: str  # the header as written in the table
    value: str
    role: str = ""  # which part of the plan: date, start, end, time, cost

    def describe(self) -> str:
        """``Dòng 3, cột «Bắt đầu»: «abc»``, for messages that list bad cells."""
        return msg("plans.cell", row=self.row, column=self.column, value=self.value)


@dataclass(frozen=True)
class PlanRow:
    """One activity. ``None`` where a cell is blank or unreadable (see ``problems``).

    ``date`` is the day the activity starts; ``end_date`` the day it ends when the
    ``Kết thúc`` cell names another day. No time at all on a dated row means all day.
    """

    number: int
    activity: str = ""
    date: dt.date | None = None
    start: dt.time | None = None
    end: dt.time | None = None
    end_date: dt.date | None = None
    venue: str = ""
    owner: str = ""
    cost: int | None = None
    note: str = ""
    raw: Mapping[str, object] = field(default_factory=dict)
    problems: tuple[CellProblem, ...] = ()

    @property
    def owners(self) -> tuple[str, ...]:
        """The people responsible, one by one (``Chị Lan, Anh Minh`` → two)."""
        parts = _OWNER_SPLIT.split(self.owner) if self.owner else []
        return tuple(part.strip() for part in parts if part.strip())

    @property
    def all_day(self) -> bool:
        return self.date is not None and self.start is None

    @property
    def starts_at(self) -> dt.datetime | None:
        if self.date is None:
            return None
        return dt.datetime.combine(self.date, self.start or dt.time())

    @property
    def ends_at(self) -> dt.datetime | None:
        day = self.end_date or self.date
        if day is None or self.end is None:
            return None
        return dt.datetime.combine(day, self.end)

    def unreadable(self, role: str) -> bool:
        """True when the cell of ``role`` held something the reader could not read."""
        return any(problem.role == role for problem in self.problems)


# --------------------------------------------------------------------------- cells


def blank(value: object) -> bool:
    """An empty cell: None, NaN, NaT, ``pandas.NA`` or white space."""
    if value is None or (isinstance(value, float) and value != value):
        return True
    if isinstance(value, str):
        return not value.strip()
    try:
        import pandas

        return value is pandas.NaT or value is pandas.NA
    except ImportError:  # pragma: no cover - pandas is a dependency
        return False


def _text(value: object) -> str:
    return "" if blank(value) else nfc(str(value)).strip()


def _timestamp(value: object) -> dt.datetime | dt.date | dt.time | None:
    """A date/time cell value as Python's own type (Excel dates, pandas timestamps)."""
    if hasattr(value, "to_pydatetime"):
        return value.to_pydatetime().replace(tzinfo=None)
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=None)
    if isinstance(value, dt.date | dt.time):
        return value
    return None


def _moment(
    value: object, year: int, *, dates: bool = True
) -> tuple[dt.date | None, list[dt.time], bool]:
    """The date and times one cell holds, and whether it was readable at all.

    ``dates=False`` reads times only, for a ``Giờ`` cell: ``7h30 - 9h00`` is not 30/9.
    """
    if blank(value):
        return None, [], True
    stamp = _timestamp(value)
    if isinstance(stamp, dt.datetime):
        clock = stamp.time()
        return stamp.date(), [clock] if clock != dt.time() else [], True
    if isinstance(stamp, dt.date):
        return stamp, [], True
    if isinstance(stamp, dt.time):
        return None, [stamp], True
    text = _text(value)
    iso = _ISO.fullmatch(text)
    if iso:
        clock = [dt.time.fromisoformat(iso[2])] if iso[2] else []
        return dt.date.fromisoformat(iso[1]), clock, True
    days = find_dates(text, default_year=year) if dates else []
    times = [s.value for s in find_times(text) if not any(d.start <= s.start < d.end for d in days)]
    return (days[0].value if days else None), times, bool(days or times)


def _cost(value: object) -> int | None:
    """Cost in đồng from a number or a text (``5.000.000 đồng``, ``2 triệu``); else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return int(value) if value >= 0 else None
    text = _text(value).replace("\u00a0", " ")
    spans = find_money(text)
    if spans:
        return spans[0].value
    return int(re.sub(r"\D", "", text)) if _PLAIN_AMOUNT.fullmatch(text) else None


# --------------------------------------------------------------------------- table


def as_table(value: object):
    """A pandas DataFrame from a DataFrame or a dict of columns; anything else is an error."""
    import pandas as pd

    if isinstance(value, pd.DataFrame):
        return value
    if isinstance(value, dict):
        try:
            return pd.DataFrame(value)
        except (ValueError, TypeError):
            pass
    raise InputError(msg("plans.not_table", type=type(value).__name__))


def find_columns(columns: Iterable[object]) -> dict[str, object]:
    """Map each role (``date``, ``start``, ``owner``...) to the table's own header."""
    folded = {c: fold(str(c).replace("_", " "), squash=True).strip(" :*") for c in columns}
    found: dict[str, object] = {}
    for role, aliases in ALIASES.items():
        for alias in aliases:
            match = next(
                (c for c, f in folded.items() if f == alias and c not in found.values()), None
            )
            if match is not None:
                found[role] = match
                break
    return found


def _default_year(table, roles: Mapping[str, object]) -> int:
    """The year of the first full date in the date/start/end columns, else this year."""
    for role in ("start", "date", "end"):
        for value in table[roles[role]] if role in roles else ():
            stamp = _timestamp(value)
            if isinstance(stamp, dt.date):
                return stamp.year
            match = _YEAR.search(_text(value))
            if match:
                return int(match[1])
    return dt.date.today().year


def read_plan(table: object, *, year: int | None = None) -> list[PlanRow]:
    """Every row of a plan table as a :class:`PlanRow`, cell problems included.

    ``year`` completes dates written without one (``25/4``); by default the year of the
    first full date in the table. Missing columns read blank: :func:`find_columns` tells
    which roles the table has.
    """
    table = as_table(table)
    roles = find_columns(table.columns)
    if year is None:
        year = _default_year(table, roles)
    return [
        _row(position + HEADER_ROWS + 1, record, roles, year)
        for position, (_, record) in enumerate(table.iterrows())
    ]


def _row(number: int, record, roles: Mapping[str, object], year: int) -> PlanRow:
    def cell(role: str) -> object:
        return record[roles[role]] if role in roles else None

    problems: list[CellProblem] = []

    def problem(role: str) -> None:
        problems.append(CellProblem(number, str(roles[role]), _text(cell(role)), role))

    day, _, ok = _moment(cell("date"), year)
    if not ok or (day is None and not blank(cell("date"))):
        problem("date")
    start_day, starts, ok = _moment(cell("start"), year)
    if not ok:
        problem("start")
    day = start_day or day
    end_day, ends, ok = _moment(cell("end"), year)
    if not ok:
        problem("end")
    _, clock, ok = _moment(cell("time"), year, dates=False)
    if not ok:
        problem("time")
    start = starts[0] if starts else (clock[0] if clock else None)
    end = ends[0] if ends else (clock[1] if len(clock) > 1 else None)
    cost = None if blank(cell("cost")) else _cost(cell("cost"))
    if cost is None and not blank(cell("cost")):
        problem("cost")
    return PlanRow(
        number=number,
        activity=_text(cell("activity")),
        date=day,
        start=start,
        end=end,
        end_date=end_day if end_day and end_day != day else None,
        venue=_text(cell("venue")),
        owner=_text(cell("owner")),
        cost=cost,
        note=_text(cell("note")),
        raw={role: cell(role) for role in roles},
        problems=tuple(problems),
    )


# --------------------------------------------------------------------------- table checks
# Each check returns one Item whose message is ``grading.<code>.<key>``: the grading
# cells, the self-check and ``congdoan.check(table, "plan_table")`` run the same code.

MIN_ROWS = 3
_SHOWN = 3  # how many offending rows a message lists


def _item(code: str, ok: bool, key: str, severity: Severity = ERROR, **fields: object) -> Item:
    """``grading.<code>.<key>`` as the message, ``grading.<code>.hint`` as the hint."""
    hint = "" if ok else msg(f"grading.{code}.hint", **fields)
    return Item(code, ok, msg(f"grading.{code}.{key}", **fields), hint, severity)


def _plans_item(code: str, ok: bool, key: str, **fields: object) -> Item:
    """An item worded by the ``plans`` catalogue (checks made without an assignment)."""
    hint = "" if ok else msg(f"grading.{code}.hint", **fields)
    return Item(code, ok, msg(f"plans.{key}", **fields), hint, ERROR)


def plan_rows(table, *, year: int | None) -> list[PlanRow]:
    """The rows of ``table`` read for the checks (unreadable costs stay ``None``)."""
    return read_plan(table, year=year)


def _name(row: PlanRow) -> str:
    return msg("grading.row", number=row.number, activity=row.activity or "?")


def _listed(rows: Iterable[PlanRow]) -> str:
    rows = list(rows)
    shown = "; ".join(_name(row) for row in rows[:_SHOWN])
    return shown + (" …" if len(rows) > _SHOWN else "")


def _missing_columns(table, *keys: str) -> list[str]:
    cols = find_columns(table.columns)
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


def check_rows(table, *, year: int | None, minimum: int = MIN_ROWS, **_: object) -> Item:
    """At least ``minimum`` activities, each with a name."""
    named = [row for row in plan_rows(table, year=year) if row.activity]
    if len(named) < minimum:
        return _item("rows", False, "few", count=len(named), minimum=minimum)
    return _item("rows", True, "ok", count=len(named), minimum=minimum)


def check_owners(table, *, year: int | None, **_: object) -> Item:
    """Every activity has someone responsible (Phụ trách)."""
    if failed := _needs("owners", table, "owner"):
        return failed
    orphans = [row for row in plan_rows(table, year=year) if not row.owners]
    if orphans:
        return _item("owners", False, "missing", rows=_listed(orphans), count=len(orphans))
    return _item("owners", True, "ok")


def check_dates(table, *, year: int | None, **_: object) -> Item:
    """Every date can be read and, when ``year`` is given, falls in May of it (Tháng Công nhân)."""
    if failed := _needs("dates", table, "date"):
        return failed
    rows = plan_rows(table, year=year)
    unreadable = [row for row in rows if row.date is None]
    if unreadable:
        return _item("dates", False, "unreadable", rows=_listed(unreadable), year=year or "")
    if year is None:
        return _plans_item("dates", True, "dates_readable")
    outside = [row for row in rows if (row.date.year, row.date.month) != (year, 5)]
    if outside:
        return _item("dates", False, "outside", rows=_listed(outside), year=year)
    return _item("dates", True, "ok", year=year)


def check_times(table, *, year: int | None, **_: object) -> Item:
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


def check_venue_clash(table, *, year: int | None, **_: object) -> Item:
    """No two activities at one venue at the same time."""
    if failed := _needs("venue_clash", table, "date", "start", "end", "venue"):
        return failed

    def same_venue(a: PlanRow, b: PlanRow) -> str | None:
        same = a.venue and fold(a.venue, squash=True) == fold(b.venue, squash=True)
        return a.venue if same else None

    return _clash_item("venue_clash", _clashes(plan_rows(table, year=year), same_venue))


def check_owner_clash(table, *, year: int | None, **_: object) -> Item:
    """Nobody is responsible for two activities at the same time."""
    if failed := _needs("owner_clash", table, "date", "start", "end", "owner"):
        return failed

    def same_owner(a: PlanRow, b: PlanRow) -> str | None:
        theirs = {fold(o, squash=True): o for o in b.owners}
        common = [o for o in a.owners if fold(o, squash=True) in theirs]
        return common[0] if common else None

    return _clash_item("owner_clash", _clashes(plan_rows(table, year=year), same_owner))


def _total(rows: list[PlanRow]) -> int | None:
    """The total cost in đồng (a blank cost is 0), or None when a cost is unreadable."""
    if any(row.unreadable("cost") for row in rows):
        return None
    return sum(row.cost or 0 for row in rows)


def check_budget(table, *, year: int | None, budget: int | None, **_: object) -> Item:
    """Every cost can be read and the total stays within ``budget`` đồng (when given)."""
    if failed := _needs("budget", table, "cost"):
        return failed
    rows = plan_rows(table, year=year)
    unreadable = [row for row in rows if row.unreadable("cost")]
    total = _total(rows) or 0
    if budget is None:  # a plan checked outside an assignment: costs readable, total shown
        if unreadable:
            return _plans_item("budget", False, "budget_unreadable", rows=_listed(unreadable))
        return _plans_item("budget", True, "budget_total", total=format_money(total))
    fields = {"budget": format_money(budget)}
    if unreadable:
        return _item("budget", False, "unreadable", rows=_listed(unreadable), **fields)
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


def check_plan_table(
    table, *, year: int | None = None, budget: int | None = None, minimum: int = MIN_ROWS
) -> Report:
    """Every table check, in the order a trainee fixes them.

    Codes: ``columns``, ``rows``, ``owners``, ``dates``, ``times``, ``venue_clash``,
    ``owner_clash``, ``budget``. The assignments give ``year`` (every date must fall in
    May of that year, Tháng Công nhân) and ``budget`` (the total must stay within it);
    without them, as in ``congdoan.check(table, "plan_table")``, dates and costs need only
    be readable.
    """
    table = as_table(table)
    options = {"year": year, "budget": budget, "minimum": minimum}
    return Report("plan_table", [check(table, **options) for check in TABLE_CHECKS])


def check_total_stated(text: str, table, *, year: int | None = None) -> Item:
    """The plan document states the same total cost as the table."""
    total = _total(plan_rows(table, year=year)) if not _missing_columns(table, "cost") else None
    if total is None:
        return _item("total_stated", False, "no_total")
    amounts = {span.value for span in find_money(text)}
    fields = {"total": format_money(total)}
    if total in amounts:
        return _item("total_stated", True, "ok", **fields)
    return _item("total_stated", False, "missing", **fields)
