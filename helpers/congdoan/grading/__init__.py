"""Grading for nbgrader: one-line grading cells that end in a number, and a self-check.

>>> from congdoan.grading import grade, grade_part, kiem_tra
>>> grade(prompt, kind="prompt", points=2, label="prompt")  # doctest: +SKIP
1.75
>>> grade_part("a01", "notice", draft=draft)  # doctest: +SKIP
4.0
>>> kiem_tra("a01", draft=draft, prompt=prompt)  # doctest: +SKIP

* :func:`grade` checks any answer (text, plan table or a ready Report) and returns
  points, rounded down to a quarter point; see :mod:`congdoan.grading.core` for why it
  never raises on a trainee's answer and never writes to stderr.
* :func:`grade_part` grades one part of a course assignment defined in
  :data:`ASSIGNMENTS`; :func:`self_check` (alias :func:`kiem_tra`) runs the visible
  parts before the trainee submits.
* :mod:`congdoan.grading.extra` holds the plan-table checks (columns, owners, dates in
  May, clashes, budget), task facts and the personal-data check.
"""

from .assignments import (
    ASSIGNMENTS,
    BUDGET,
    YEAR,
    Assignment,
    Part,
    SelfCheck,
    grade_part,
    kiem_tra,
    nbgrader_settings,
    self_check,
)
from .core import STEP, format_points, grade, grade_report, points_for, quiet_stderr
from .extra import (
    COLUMNS,
    check_budget,
    check_columns,
    check_dates,
    check_facts,
    check_owner_clash,
    check_owners,
    check_plan_table,
    check_privacy,
    check_rows,
    check_times,
    check_total_stated,
    check_venue_clash,
    plan_rows,
)

__all__ = [
    "ASSIGNMENTS",
    "BUDGET",
    "COLUMNS",
    "STEP",
    "YEAR",
    "Assignment",
    "Part",
    "SelfCheck",
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
    "format_points",
    "grade",
    "grade_part",
    "grade_report",
    "kiem_tra",
    "nbgrader_settings",
    "plan_rows",
    "points_for",
    "quiet_stderr",
    "self_check",
]
