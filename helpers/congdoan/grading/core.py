"""Turn a checker's :class:`~congdoan.report.Report` into nbgrader points, safely.

nbgrader scores an autograded code cell by its outputs (``nbgrader.utils.determine_grade``
in 0.9.6): an ``error`` output or *any* text on stderr gives 0, a cell whose result is a
single number gets that many points, and anything else gets full marks. So a grading
cell must end in a number and must never write to stderr or raise on a trainee's
answer. :func:`grade` is built around those rules:

* it returns the points as a float, which the cell shows as its result;
* it prints the feedback to stdout only, and silences warnings and logging while the
  checker runs (a warning on stderr would zero the trainee's cell);
* a missing, empty or wrongly typed answer gives 0 and a message naming the variable
  to fill, instead of an exception;
* it never raises a :class:`~congdoan.errors.CongdoanError`: in a notebook those are
  shown as a message box, not as an error, and nbgrader would then give full marks.
  A trainer's mistake (unknown kind, bad points) raises a plain ``ValueError``, which
  nbgrader scores 0 and ``nbgrader validate`` reports.

Points are the weighted share of passed checks (errors weigh 1, warnings 0.25, advice
0) times the cell's points, **rounded down to a quarter point**, so any failed check
costs something and the result never exceeds the cell's points (nbgrader refuses a
partial grade above the maximum).

>>> from congdoan.report import Item, Report
>>> r = Report("notice", [Item("title", True, "OK"), Item("number", False, "Sai số")])
>>> grade(r, points=3)  # doctest: +SKIP
1.5
"""

from __future__ import annotations

import contextlib
import contextvars
import io
import logging
import math
import re
import warnings
from collections.abc import Callable, Iterable, Iterator
from fractions import Fraction
from typing import Any

from ..i18n import msg
from ..report import ERROR, Item, Report

__all__ = [
    "CHECKS_MIME",
    "MISSING",
    "STEP",
    "answer_problem",
    "as_answer",
    "as_data",
    "as_list",
    "capture_displays",
    "format_points",
    "grade",
    "grade_report",
    "points_for",
    "publish_checks",
    "quiet_stderr",
    "select",
]

STEP = Fraction(1, 4)  # points are rounded down to a quarter point


class _Missing:
    """Marks a variable the grading cell did not receive (not the same as ``None``)."""

    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()

# Kinds grade() understands besides those of congdoan.check: name -> (answer type, checker)
TEXT, TABLE = "text", "table"
# Answer types of the later assignments (a04-a06): any table of rows (not a plan), a video
# script (a table or pasted script text) and a short list of values.
DATA, SCRIPT, LIST = "data", "script", "list"


@contextlib.contextmanager
def quiet_stderr() -> Iterator[None]:
    """Swallow warnings, log records and stray stderr writes while a checker runs.

    nbgrader gives 0 to a cell with any stderr output, so a deprecation warning from a
    dependency must never reach the trainee's grading cell.
    """
    previous_disable = logging.root.manager.disable
    logging.disable(logging.CRITICAL)
    try:
        with warnings.catch_warnings(), contextlib.redirect_stderr(io.StringIO()):
            warnings.simplefilter("ignore")
            yield
    finally:
        logging.disable(previous_disable)


def format_points(value: float | Fraction) -> str:
    """Points written the Vietnamese way: ``2,75``, ``3``, ``0,5``."""
    number = float(value)
    text = f"{number:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


def select(report: Report, codes: Iterable[str] | None) -> list[Item]:
    """The report's items for ``codes`` (all items when ``None``), in the given order.

    A selected code the report does not contain counts as failed: a document typed in a
    legacy font gets only its ``encoding`` item, and must not earn the points of checks
    that could not even run.
    """
    if codes is None:
        return list(report.items)
    chosen = []
    for code in codes:
        if code in report:
            chosen.append(report[code])
        else:
            chosen.append(
                Item(code, False, msg("grading.feedback.not_checked", code=code), "", ERROR)
            )
    return chosen


def points_for(items: Iterable[Item], points: float) -> float:
    """The weighted share of passed items times ``points``, rounded down to ``STEP``."""
    items = list(items)
    total = sum((_weight(i) for i in items), Fraction(0))
    if total == 0:
        return float(points)
    passed = sum((_weight(i) for i in items if i.ok), Fraction(0))
    earned = passed / total * Fraction(str(points))
    return float(math.floor(earned / STEP) * STEP)


def _weight(item: Item) -> Fraction:
    return Fraction(str(item.points))


def answer_problem(value: object, expected: str, label: str) -> str | None:
    """Why ``value`` cannot be graded as a ``"text"`` or ``"table"`` answer, or ``None``.

    The message names the variable (``label``) and says what to put in it.
    """
    if value is MISSING or value is None:
        return msg("grading.input.missing", label=label)
    if expected == SCRIPT and as_text(value) is None:
        table = as_table(value)
        if table is None:
            return msg("grading.input.not_script", label=label, type=type(value).__name__)
        return msg("grading.input.empty_script", label=label) if len(table) == 0 else None
    if expected in (TEXT, SCRIPT):
        text = as_text(value)
        if text is None:
            return msg("grading.input.not_text", label=label, type=type(value).__name__)
        if not text.strip():
            return msg("grading.input.empty_text", label=label)
        return None
    if expected == LIST:
        values = as_list(value)
        if values is None:
            return msg("grading.input.not_list", label=label, type=type(value).__name__)
        if not values:
            return msg("grading.input.empty_list", label=label)
        return None
    table = as_data(value) if expected == DATA else as_table(value)
    if table is None:
        return msg("grading.input.not_table", label=label, type=type(value).__name__)
    if len(table) == 0:
        key = "grading.input.empty_table" if expected == TABLE else "grading.input.empty_rows"
        return msg(key, label=label)
    return None


def as_text(value: object) -> str | None:
    """The text of an answer: a ``str``, or a ``Reply`` (its ``.text``); else ``None``."""
    if isinstance(value, str):
        return value
    text = getattr(value, "text", None)
    return text if isinstance(text, str) else None


def as_list(value: object) -> list[str] | None:
    """The entries of a list answer as stripped texts (blank ones dropped), else ``None``.

    A list, tuple or set of texts and numbers; a text is split at line breaks and ``;``.
    """
    if isinstance(value, str):
        pieces: list[object] = re.split(r"[\n;]", value)
    elif isinstance(value, list | tuple | set | frozenset):
        pieces = list(value)
    else:
        return None
    entries = []
    for piece in pieces:
        if isinstance(piece, bool) or not isinstance(piece, str | int | float):
            return None
        if isinstance(piece, float) and piece.is_integer():
            piece = int(piece)  # 500.0 is the value 500
        text = str(piece).strip()
        if text:
            entries.append(text)
    return entries


def as_answer(value: object, expected: str):
    """``value`` as the checker of an answer of type ``expected`` takes it.

    Text for ``text``; a DataFrame for ``table`` and ``data``; a list of texts for
    ``list``; for ``script`` the text as pasted, or the table.
    """
    if expected == TEXT:
        return as_text(value)
    if expected == LIST:
        return as_list(value)
    if expected == SCRIPT and as_text(value) is not None:
        return as_text(value)
    return as_data(value) if expected == DATA else as_table(value)


def as_data(value: object):
    """:func:`as_table`, and a pandas Series (``value_counts()``) as a two-column table."""
    import pandas

    if isinstance(value, pandas.Series):
        try:
            with quiet_stderr():
                return value.reset_index()
        except (ValueError, TypeError):  # the index and the values share a name
            return None
    return as_table(value)


def as_table(value: object):
    """A pandas DataFrame for ``value`` (a DataFrame, or a dict/list of rows), else ``None``."""
    import pandas

    if isinstance(value, pandas.DataFrame):
        return value
    if isinstance(value, dict | list):
        try:
            with quiet_stderr():
                return pandas.DataFrame(value)
        except (ValueError, TypeError):
            return None
    return None


def grade_report(
    report: Report,
    *,
    points: float,
    codes: Iterable[str] | None = None,
    label: str | None = None,
    quiet: bool = False,
) -> float:
    """Points for an already computed report; prints the feedback block to stdout."""
    points = _check_points(points)
    items = select(report, codes)
    earned = points_for(items, points)
    _print_feedback(items, earned, points, label or msg("grading.feedback.default_label"), quiet)
    publish_checks(items)
    return earned


#: MIME type of the check results a grading cell publishes for the trainer's class
#: report (``congdoan course report``); JupyterLab and nbconvert show only its empty
#: text part, and nbgrader scores a cell by its errors and result, not its displays.
CHECKS_MIME = "application/vnd.congdoan.checks+json"


_DISPLAYS: contextvars.ContextVar[list | None] = contextvars.ContextVar("displays", default=None)


@contextlib.contextmanager
def capture_displays(outputs: list) -> Iterator[None]:
    """Collect what :func:`publish_checks` shows into ``outputs`` (nbformat output dicts).

    The trusted grader (:mod:`congdoan.course.trusted`) runs grading cells outside any
    kernel; their published checks still belong in the cell's outputs.
    """
    token = _DISPLAYS.set(outputs)
    try:
        yield
    finally:
        _DISPLAYS.reset(token)


def publish_checks(items: Iterable[Item]) -> None:
    """Attach which checks passed to the cell's output, when running in a kernel."""
    checks = [{"code": item.code, "ok": item.ok, "points": float(item.points)} for item in items]
    sink = _DISPLAYS.get()
    if sink is not None:
        data = {CHECKS_MIME: {"checks": checks}, "text/plain": ""}
        sink.append({"output_type": "display_data", "data": data, "metadata": {}})
        return
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython is a dependency
        return
    if get_ipython() is None:
        return
    from IPython.display import display

    display({CHECKS_MIME: {"checks": checks}, "text/plain": ""}, raw=True)


def grade(
    answer: object,
    *,
    points: float,
    kind: str | None = None,
    codes: Iterable[str] | None = None,
    label: str | None = None,
    quiet: bool = False,
    **options: Any,
) -> float:
    """Check ``answer`` and return the points it earns; the grading cell ends with this call.

    >>> grade(prompt, kind="prompt", points=2, label="prompt")  # doctest: +SKIP
    1.75

    **Parameters:**
    * **answer** – the trainee's text (or a ``Reply``), a table for ``kind="plan_table"``,
      or a ready :class:`~congdoan.report.Report` (then ``kind`` is not needed).
    * **points** – the cell's points in nbgrader (``> 0``).
    * **kind** – a kind of :func:`congdoan.check` (``notice``, ``plan``, ``prompt``,
      ``facebook``, ...) or ``plan_table``, ``facts``, ``privacy`` (see
      :mod:`congdoan.grading.extra`); ``options`` go to that checker.
    * **codes** – only these check codes count (default: every check of the report).
    * **label** – the variable name to cite in messages, e.g. ``"draft"``.
    * **quiet** – for hidden tests: print only the points, never which checks ran.
    """
    points = _check_points(points)
    label = label or msg("grading.feedback.default_label")
    if isinstance(answer, Report):
        return grade_report(answer, points=points, codes=codes, label=label, quiet=quiet)
    checker, expected = _checker(kind, options)
    problem = answer_problem(answer, expected, label)
    if problem is not None:
        return zero(problem, points, label)
    value = as_text(answer) if expected == TEXT else as_table(answer)
    report = run_safely(lambda: checker(value))
    if report is None:
        return zero(msg("grading.feedback.check_failed", label=label), points, label)
    return grade_report(report, points=points, codes=codes, label=label, quiet=quiet)


def run_safely(make_report: Callable[[], Report]) -> Report | None:
    """Run a checker with stderr silenced; ``None`` if it failed on this answer."""
    try:
        with quiet_stderr():
            return make_report()
    except Exception:  # one odd answer must never stop the grading run
        return None


def zero(problem: str, points: float, label: str) -> float:
    """Print why the answer earns nothing (which variable to fill) and return 0."""
    print(msg("grading.feedback.heading", label=label, got="0", points=format_points(points)))
    print(f"✗ {problem}")
    return 0.0


def _check_points(points: object) -> float:
    if isinstance(points, bool) or not isinstance(points, int | float) or not points > 0:
        raise ValueError(f"points must be a positive number, not {points!r}")
    return float(points)


def _checker(kind: str | None, options: dict[str, Any]) -> tuple[Callable[[Any], Report], str]:
    """The function that checks one answer of ``kind``, and the answer type it needs.

    Kinds come from the one kind table, :data:`congdoan.checks.KINDS`.
    """
    from ..checks import KINDS, _registered, kinds, resolve_kind
    from ..errors import InputError

    try:
        spec = resolve_kind(kind)
    except InputError:
        raise ValueError(f"unknown kind {kind!r}; use one of: {', '.join(kinds())}") from None
    if options and not spec.options and spec.name not in _registered:
        raise ValueError(f"kind {kind!r} takes no options, got {sorted(options)}")
    from ..checks import check as run_check

    expected = TABLE if spec.name in KINDS and spec.answer == "table" else TEXT
    return (lambda value: run_check(value, spec.name, **options)), expected


def _print_feedback(items: list[Item], earned: float, points: float, label: str, quiet: bool):
    got, out_of = format_points(earned), format_points(points)
    if quiet:
        print(msg("grading.feedback.hidden", label=label, got=got, points=out_of))
        return
    print(msg("grading.feedback.heading", label=label, got=got, points=out_of))
    for item in items:
        print(f"{item.symbol} {item.message}")
        if not item.ok and item.hint:
            print(f"    → {item.hint}")
    if earned == points:
        print(msg("grading.feedback.full"))
