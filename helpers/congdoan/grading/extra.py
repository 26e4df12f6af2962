"""The checks grading uses besides the text checkers, under their grading names.

They live below grading, where ``congdoan.check`` and ``events`` reach them too: the plan
table is read and checked by :mod:`congdoan.plans` (see its docstring for the columns
and what counts as a clash), task facts and personal data by
:mod:`congdoan.answer_checks`. This module re-exports them for grading cells and
assignments.
"""

from __future__ import annotations

from ..answer_checks import check_facts, check_privacy
from ..plans import (
    COLUMNS,
    MIN_ROWS,
    TABLE_CHECKS,
    PlanRow,
    check_budget,
    check_columns,
    check_dates,
    check_owner_clash,
    check_owners,
    check_plan_table,
    check_rows,
    check_times,
    check_total_stated,
    check_venue_clash,
    plan_rows,
)

__all__ = [
    "COLUMNS",
    "MIN_ROWS",
    "TABLE_CHECKS",
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
