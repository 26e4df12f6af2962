"""Event plans as tables: read the trainee's schedule, export it to calendars, draw a timeline.

An AI tool or a trainee writes the schedule of an event (Tháng Công nhân, Tết Sum vầy,
a sports day) as a table with Vietnamese headers. :func:`normalise_plan` reads such a
table whatever its headers (``thời gian bắt đầu``/``kết thúc``, or ``ngày`` + ``giờ``
such as ``7h30 - 11h00``, English aliases too) into fixed columns; :func:`to_ics` writes
an ``.ics`` file that Google Calendar, Outlook and phones import; :func:`timeline_chart`
draws who does what, where and when.

>>> plan = normalise_plan(pd.DataFrame({"hoạt động": ["Khai mạc"], "ngày": ["25/4/2026"],
...                                     "giờ": ["7h30 - 9h00"], "địa điểm": ["Hội trường"]}))
>>> plan.loc[0, "bắt đầu"].isoformat()
'2026-04-25T07:30:00'

Columns of a normalised plan (``PLAN_COLUMNS``): ``hoạt động``, ``bắt đầu``, ``kết thúc``
(pandas timestamps, local time; ``kết thúc`` may be empty), ``cả ngày`` (no time was
given), ``địa điểm``, ``phụ trách``, ``kinh phí`` (đồng, may be empty), ``ghi chú``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import InputError
from .files import ensure_folder
from .i18n import msg
from .plans import PlanRow, blank, find_columns, read_plan
from .text import nfc

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["PLAN_COLUMNS", "normalise_plan", "timeline_chart", "to_ics"]

# Fixed column names of a normalised plan (a data schema shared with congdoan.grading).
PLAN_COLUMNS = {
    "activity": "hoạt động",
    "start": "bắt đầu",
    "end": "kết thúc",
    "all_day": "cả ngày",
    "venue": "địa điểm",
    "owner": "phụ trách",
    "budget": "kinh phí",
    "note": "ghi chú",
}
DEFAULT_DURATION = dt.timedelta(hours=1)


def _cell(value: object) -> str:
    return "" if blank(value) else nfc(str(value)).strip()


# --------------------------------------------------------------------------- normalise


def normalise_plan(df: pd.DataFrame) -> pd.DataFrame:
    """The plan with fixed columns (see the module docstring), times and money parsed.

    Times: ``thời gian bắt đầu``/``kết thúc`` cells (``7h30 25/4/2026``, ``25/04/2026
    07:30``, Excel dates), or a ``ngày`` column with a ``giờ`` column (``7h30 - 11h00``).
    A date without a year takes the year of the first full date in the table. The table
    is read by :func:`congdoan.plans.read_plan`, as grading reads it; raises
    :class:`~congdoan.errors.InputError` naming missing columns or the first unreadable
    cell (row as numbered in the sheet).
    """
    import pandas as pd

    if not isinstance(df, pd.DataFrame):
        raise InputError(msg("events.input.not_frame", type=type(df).__name__))
    roles = find_columns(df.columns)
    if "activity" not in roles or not ({"start", "date"} & set(roles)):
        raise InputError(
            msg(
                "events.input.missing_columns",
                available=", ".join(map(str, df.columns)),
                needed=msg("events.input.needed"),
            )
        )
    rows = [_checked(row, roles) for row in read_plan(df)]
    out = pd.DataFrame([_plan_row(row) for row in rows], columns=list(PLAN_COLUMNS.values()))
    for key in ("start", "end"):
        out[PLAN_COLUMNS[key]] = pd.to_datetime(out[PLAN_COLUMNS[key]])
    out[PLAN_COLUMNS["budget"]] = out[PLAN_COLUMNS["budget"]].astype("Int64")
    out[PLAN_COLUMNS["all_day"]] = out[PLAN_COLUMNS["all_day"]].astype(bool)
    return out


def _checked(row: PlanRow, roles: dict[str, object]) -> PlanRow:
    """The row, or an error naming its first unreadable cell (a row needs a day)."""
    if row.problems:
        problem = row.problems[0]
        _unreadable(problem.row, problem.column, problem.value)
    if row.date is None:
        role = "start" if "start" in roles else "date"
        _unreadable(row.number, roles[role], row.raw.get(role))
    return row


def _plan_row(row: PlanRow) -> list:
    return [
        row.activity,
        row.starts_at,
        row.ends_at,
        row.all_day,
        row.venue,
        row.owner,
        row.cost,
        row.note,
    ]


def _unreadable(row: int, column: object, value: object) -> None:
    raise InputError(msg("events.input.unreadable", row=row, column=column, value=_cell(value)))


# --------------------------------------------------------------------------- iCalendar


def _as_plan(plan_df: pd.DataFrame) -> pd.DataFrame:
    import pandas as pd

    if not isinstance(plan_df, pd.DataFrame):
        raise InputError(msg("events.input.not_frame", type=type(plan_df).__name__))
    if list(plan_df.columns) == list(PLAN_COLUMNS.values()):
        return plan_df
    return normalise_plan(plan_df)


def _uid(calendar_name: str, activity: str, start: dt.datetime, venue: str) -> str:
    key = "|".join((calendar_name, activity, start.isoformat(), venue))
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:24] + "@congdoan-ai"


def _reminders(reminders: object) -> tuple[int, ...]:
    if reminders is None:
        return ()
    items = (reminders,) if isinstance(reminders, int) else reminders
    if not isinstance(items, Sequence) or not all(
        isinstance(m, int) and not isinstance(m, bool) and 0 <= m <= 40320 for m in items
    ):
        raise InputError(msg("events.input.bad_reminders", value=reminders))
    return tuple(items)


def to_ics(
    plan_df: pd.DataFrame,
    path: str | os.PathLike[str],
    *,
    calendar_name: str,
    timezone: str = "Asia/Ho_Chi_Minh",
    reminders: int | Sequence[int] | None = (1440, 60),
) -> Path:
    """Write the plan as an iCalendar file (one event per activity) and return its path.

    Each event has start and end in ``timezone`` (a row without an end lasts one hour; a
    row without a time is an all-day event), the venue as location, the person in charge,
    budget and note in the description, no organizer, and a UID that stays the same when
    the file is made again, so importing it twice updates rather than duplicates.
    ``reminders`` are minutes before the start (default: one day and one hour).
    """
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    import icalendar

    plan = _as_plan(plan_df)
    if not isinstance(calendar_name, str) or not calendar_name.strip():
        raise InputError(msg("events.input.no_calendar_name"))
    try:
        zone = ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError):
        raise InputError(msg("events.input.bad_timezone", timezone=timezone)) from None
    alarms = _reminders(reminders)
    target = _target(path, (".ics",))
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//congdoan-ai//events//VI")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", nfc(calendar_name.strip()))
    calendar.add("x-wr-timezone", timezone)
    stamp = dt.datetime.now(dt.UTC).replace(microsecond=0)
    for position, row in enumerate(plan.itertuples(index=False), 2):
        calendar.add_component(_event(row, position, calendar_name, zone, alarms, stamp))
    calendar.add_missing_timezones()
    try:
        target.write_bytes(calendar.to_ical())
    except OSError as exc:
        raise InputError(msg("events.input.unwritable", path=target, reason=exc.strerror)) from None
    return target


def _event(row, position: int, calendar_name: str, zone, alarms, stamp):
    import icalendar
    import pandas as pd

    activity, start, end, all_day, venue, owner, budget, note = row
    if pd.isna(start):
        raise InputError(msg("events.input.no_start", row=position, activity=activity))
    start = start.to_pydatetime()
    event = icalendar.Event()
    event.add("uid", _uid(calendar_name, activity, start, venue))
    event.add("dtstamp", stamp)
    event.add("summary", activity or msg("events.untitled"))
    if all_day:
        last = end.to_pydatetime().date() if not pd.isna(end) else start.date()
        event.add("dtstart", start.date())
        event.add("dtend", last + dt.timedelta(days=1))
    else:
        finish = start + DEFAULT_DURATION if pd.isna(end) else end.to_pydatetime()
        if finish <= start:
            raise InputError(msg("events.input.end_before_start", row=position, activity=activity))
        event.add("dtstart", start.replace(tzinfo=zone))
        event.add("dtend", finish.replace(tzinfo=zone))
    if venue:
        event.add("location", venue)
    description = _description(owner, budget, note)
    if description:
        event.add("description", description)
    for minutes in alarms:
        alarm = icalendar.Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", msg("events.reminder", activity=activity))
        alarm.add("trigger", -dt.timedelta(minutes=minutes))
        event.add_component(alarm)
    return event


def _description(owner: str, budget: object, note: str) -> str:
    import pandas as pd

    from .text import format_money

    lines = []
    if owner:
        lines.append(msg("events.description.owner", owner=owner))
    if budget is not None and not pd.isna(budget):
        lines.append(msg("events.description.budget", budget=format_money(int(budget))))
    if note:
        lines.append(note)
    return "\n".join(lines)


def _target(path: object, suffixes: tuple[str, ...]) -> Path:
    if not isinstance(path, (str, os.PathLike)):
        raise InputError(msg("events.input.not_path", type=type(path).__name__))
    target = Path(path)
    if target.suffix.lower() not in suffixes:
        raise InputError(msg("events.input.bad_suffix", path=target, suffixes=", ".join(suffixes)))
    ensure_folder(target)
    return target


# --------------------------------------------------------------------------- timeline


def timeline_chart(
    plan_df: pd.DataFrame, path: str | os.PathLike[str] | None = None, *, by: str = "venue"
):
    """A Gantt-style chart: one row per venue (``by="venue"``) or person (``by="owner"``),
    one bar per activity from start to end, labelled with the activity. Returns the
    matplotlib ``Figure``; with ``path`` (``.png``, ``.svg``, ``.pdf``) it is saved too.
    """
    import matplotlib.dates as mdates
    import pandas as pd
    from matplotlib.figure import Figure

    if by not in ("venue", "owner"):
        raise InputError(msg("events.input.bad_by", by=by))
    plan = _as_plan(plan_df)
    if plan.empty:
        raise InputError(msg("events.input.empty_plan"))
    group_col = PLAN_COLUMNS[by]
    groups = [g or msg(f"events.chart.no_{by}") for g in plan[group_col]]
    lanes = list(dict.fromkeys(groups))
    figure = Figure(figsize=(10, 1.2 + 0.6 * len(lanes)), layout="constrained")
    ax = figure.subplots()
    colours = ["#1f5fa8", "#d9822b", "#2e8540", "#8e44ad", "#b3261e", "#16a085"]
    bars = []
    for i, row in enumerate(plan.itertuples(index=False)):
        start = row[1].to_pydatetime()
        if row[3]:  # all day
            end = start + dt.timedelta(days=1)
        else:
            end = start + DEFAULT_DURATION if pd.isna(row[2]) else row[2].to_pydatetime()
        left = mdates.date2num(start)
        bars.append((lanes.index(groups[i]), left, mdates.date2num(end) - left, row[0]))
    span = max(b[1] + b[2] for b in bars) - min(b[1] for b in bars) or 1.0
    for i, (lane, left, width, label) in enumerate(bars):
        ax.barh(lane, width, left=left, height=0.6, color=colours[i % len(colours)], alpha=0.85)
        inside = width > 0.12 * span  # a short bar gets its label beside it
        ax.text(
            left + (width / 2 if inside else width + span * 0.005),
            lane,
            label,
            ha="center" if inside else "left",
            va="center",
            fontsize=8,
            color="white" if inside else "black",
            fontfamily="DejaVu Sans",
        )
    ax.set_yticks(range(len(lanes)), labels=lanes, fontfamily="DejaVu Sans")
    ax.invert_yaxis()
    ax.xaxis_date()
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%d/%m\n%H:%M"))
    ax.set_xlabel(msg("events.chart.time"), fontfamily="DejaVu Sans")
    ax.set_title(msg(f"events.chart.title_{by}"), loc="left", fontfamily="DejaVu Sans")
    ax.grid(axis="x", alpha=0.3)
    if path is not None:
        figure.savefig(_target(path, (".png", ".svg", ".pdf")), dpi=150)
    return figure
