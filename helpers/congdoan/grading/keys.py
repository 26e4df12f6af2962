"""Answer keys of the assignments, read from the grader's side, never shipped in the package.

The keys (a05's planted errors and the report deadline, a06's member list CCCD → name
and survey counts) live beside the assignments as ``assignments/<folder>/dap_an.json``.
``course init`` copies them into the class's ``source/``; nbgrader never releases them
(``CourseDirectory.ignore`` lists :data:`KEY_FILE`, see
:func:`congdoan.grading.nbgrader_settings`) and never copies them into a submission.
They are found through ``CONGDOAN_ANSWER_KEYS``, a folder holding one sub-folder per
assignment: the trusted grader sets it to the class's ``source/`` while it scores
(:mod:`congdoan.course.trusted`). A trainee's kernel has no such folder: importing
``congdoan`` gives no key, and a self-check of a part that needs one says that the
trainer checks it at grading time.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from ..text import find_dates, fold

__all__ = [
    "KEYS_VARIABLE",
    "KEY_FILE",
    "AnswerKeyMissing",
    "a05_errors",
    "a05_report_deadline",
    "a06_members",
    "a06_survey",
    "answer_key",
]

KEY_FILE = "dap_an.json"
KEYS_VARIABLE = "CONGDOAN_ANSWER_KEYS"
YEAR = 2026


class AnswerKeyMissing(LookupError):
    """No answer key here: this part is graded on the trainer's side only."""


def answer_key(folder: str) -> dict:
    """The parsed ``dap_an.json`` of the assignment ``folder`` (``a05_thong_tin``)."""
    root = os.environ.get(KEYS_VARIABLE)
    if not root:
        raise AnswerKeyMissing(folder)
    path = Path(root) / folder / KEY_FILE
    if not path.is_file():
        raise AnswerKeyMissing(folder)
    return _read(str(path), path.stat().st_mtime_ns)


@lru_cache(maxsize=16)
def _read(path: str, _mtime: int) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def _folded(text: str) -> str:
    return fold(text, squash=True)


def _unit_test(patterns: list[str]) -> Callable[[str], bool]:
    def names_old_unit(entry: str) -> bool:
        folded = _folded(entry)
        return any(re.search(p, folded) for p in patterns)

    return names_old_unit


def _number_test(wrong: int) -> Callable[[str], bool]:
    def names_changed_number(entry: str) -> bool:
        numbers = re.findall(r"(?<![\d/])\d[\d.]*(?![\d/])", entry)
        return any(n.replace(".", "").isdigit() and int(n.replace(".", "")) == wrong
                   for n in numbers)  # fmt: skip

    return names_changed_number


def _date_test(wrong: dt.date) -> Callable[[str], bool]:
    def names_wrong_date(entry: str) -> bool:
        return any(span.value == wrong for span in find_dates(entry, default_year=YEAR))

    return names_wrong_date


def a05_errors() -> tuple[Callable[[str], bool], ...]:
    """One test per error planted in a05's AI answer, in the order they appear."""
    tests = []
    for error in answer_key("a05_thong_tin")["errors"]:
        if error["kind"] == "unit":
            tests.append(_unit_test(list(error["patterns"])))
        elif error["kind"] == "number":
            tests.append(_number_test(int(error["value"])))
        else:
            tests.append(_date_test(dt.date.fromisoformat(error["value"])))
    return tuple(tests)


def a05_report_deadline() -> dt.date:
    return dt.date.fromisoformat(answer_key("a05_thong_tin")["report_deadline"])


def a06_members() -> dict[str, str]:
    """The members once repeated rows are removed: CCCD → name."""
    return dict(answer_key("a06_du_lieu_thanh_vien")["members"])


def a06_survey() -> dict[str, dict[str, int]]:
    """Respondents per answer once the repeated submission is dropped."""
    return {q: dict(counts) for q, counts in answer_key("a06_du_lieu_thanh_vien")["survey"].items()}
