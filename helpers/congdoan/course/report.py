"""The class report: per trainee, per unit, per assignment and per check code.

Numbers come from nbgrader's gradebook (scores per submission and per grade cell), the
saved roster (units) and the statuses saved by ``autograde``. A **check code** is a
test cell's ``grade_id`` (plus the first comment line of the test as its description);
its failure rate is the share of graded trainees who did not get the cell's full
points: the list of what to re-teach.

>>> data = build_report(course)      # doctest: +SKIP
>>> write_xlsx(data, Path("bao_cao.xlsx"))  # doctest: +SKIP
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..i18n import msg
from .roster import load_roster

__all__ = ["CheckStat", "ReportData", "build_report", "summary_lines", "write_xlsx"]


@dataclass
class CheckStat:
    assignment: str
    code: str
    description: str
    max_score: float
    graded: int = 0
    failed: int = 0
    cell: str = ""  # the grading cell the code comes from (codes repeat across cells)

    @property
    def label(self) -> str:
        """``a01_notice · place_date`` (the cell first), or the code alone."""
        return f"{self.cell} · {self.code}" if self.cell else self.code

    @property
    def fail_rate(self) -> float:
        return self.failed / self.graded if self.graded else 0.0


@dataclass
class ReportData:
    course_id: str
    assignments: list[str]
    max_scores: dict[str, float]
    #: one row per trainee: id, name, unit, {assignment: score or None}, {assignment: status}
    trainees: list[dict] = field(default_factory=list)
    checks: list[CheckStat] = field(default_factory=list)
    #: per checker code (``place_date``, ``signature``...), read from the autograded
    #: notebooks: finer than ``checks`` (one per grade cell), so it leads the re-teach list
    codes: list[CheckStat] = field(default_factory=list)

    def unit_rows(self) -> list[dict]:
        """Per unit: trainees, mean percentage per assignment and overall (None: no work)."""
        units: dict[str, list[dict]] = {}
        for row in self.trainees:
            units.setdefault(row["unit"] or msg("course.report.no_unit"), []).append(row)
        out = []
        for unit, rows in sorted(units.items()):
            entry = {"unit": unit, "count": len(rows), "percent": {}}
            for name in self.assignments:
                scores = [r["scores"][name] for r in rows if r["scores"][name] is not None]
                top = self.max_scores[name]
                entry["percent"][name] = (
                    round(100 * sum(scores) / (len(scores) * top), 1) if scores and top else None
                )
            entry["total"] = round(sum(r["percent"] for r in rows) / len(rows), 1)
            out.append(entry)
        return out

    def assignment_rows(self) -> list[dict]:
        out = []
        for name in self.assignments:
            scores = [r["scores"][name] for r in self.trainees if r["scores"][name] is not None]
            top = self.max_scores[name]
            out.append(
                {
                    "assignment": name,
                    "graded": len(scores),
                    "missing": len(self.trainees) - len(scores),
                    "mean": round(sum(scores) / len(scores), 2) if scores else None,
                    "max": top,
                    "percent": round(100 * sum(scores) / (len(scores) * top), 1)
                    if scores and top
                    else None,
                }
            )
        return out


def build_report(course) -> ReportData:
    """Collect the numbers from the gradebook, the roster and the saved statuses."""
    from .autograde import load_outcomes
    from .gradebook import open_gradebook

    roster = load_roster(course)
    with open_gradebook(course) as gradebook:
        assignments = sorted(a.name for a in gradebook.assignments)
        max_scores = {a.name: float(a.max_score) for a in gradebook.assignments}
        known = {s.id: s for s in gradebook.students}
        people = [(t.ma_hoc_vien, t.ho_ten, t.don_vi) for t in roster] or [
            (s.id, f"{s.last_name or ''} {s.first_name or ''}".strip(), "") for s in known.values()
        ]
        enrolled = {p[0] for p in people}
        scores: dict[tuple[str, str], float] = {}
        checks: dict[tuple[str, str], CheckStat] = {}
        for name in assignments:
            for notebook in gradebook.find_assignment(name).notebooks:
                sources = {c.name: c.source for c in notebook.source_cells}
                for cell in notebook.grade_cells:
                    if cell.name in {s.name for s in notebook.solution_cells}:
                        continue
                    checks[(name, cell.name)] = CheckStat(
                        name, cell.name, _describe(sources.get(cell.name, "")), cell.max_score
                    )
            for submission in gradebook.assignment_submissions(name):
                student = submission.student.id
                if student not in enrolled:
                    continue
                scores[(name, student)] = float(submission.score)
                for notebook in submission.notebooks:
                    for grade in notebook.grades:
                        stat = checks.get((name, grade.cell.name))
                        if stat is None:
                            continue
                        stat.graded += 1
                        if (grade.score or 0) < (grade.max_score or 0) - 1e-9:
                            stat.failed += 1
        course_id = course.course_id()

    outcomes = {name: load_outcomes(course, name) for name in assignments}
    data = ReportData(course_id, assignments, max_scores)
    total_max = sum(max_scores.values())
    for student, full_name, unit in people:
        row = {"id": student, "name": full_name, "unit": unit, "scores": {}, "status": {}}
        for name in assignments:
            outcome = outcomes[name].get(student)
            score = scores.get((name, student))
            if outcome and outcome.status == "corrupt":
                score = 0.0
            row["scores"][name] = score
            if outcome:
                row["status"][name] = outcome.label()
            else:
                row["status"][name] = msg(
                    "course.report.not_submitted" if score is None else "course.status.ok"
                )
        total = sum(v for v in row["scores"].values() if v is not None)
        row["total"] = round(total, 2)
        row["percent"] = round(100 * total / total_max, 1) if total_max else 0.0
        data.trainees.append(row)
    data.checks = sorted(checks.values(), key=lambda c: (-c.fail_rate, c.assignment, c.code))
    codes = _code_stats(course, [(name, student) for name, student in scores])
    data.codes = sorted(codes, key=lambda c: (-c.fail_rate, c.assignment, c.code))
    return data


def _code_stats(course, submissions: list[tuple[str, str]]) -> list[CheckStat]:
    """How many graded trainees failed each checker code, per assignment and grade cell.

    Grading cells publish their check results as a ``CHECKS_MIME`` display (see
    ``congdoan.grading.core.publish_checks``); a notebook that cannot be read is skipped.
    """
    import nbformat

    stats: dict[tuple[str, str, str], CheckStat] = {}
    for name, student in submissions:
        for path in sorted(course.path("autograded", student, name).glob("*.ipynb")):
            try:
                notebook = nbformat.read(path, as_version=4)
            except (OSError, ValueError):
                continue
            for cell in notebook.cells:
                grade_id = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id", "")
                for check in _published_checks(cell):
                    if not _carries_points(check):
                        continue  # a reminder (advice) costs nothing: never "re-teach" it
                    key = (name, grade_id, str(check.get("code", "")))
                    stat = stats.setdefault(
                        key, CheckStat(name, key[2], describe_code(key[2]), 0.0, cell=grade_id)
                    )
                    stat.graded += 1
                    stat.failed += 0 if check.get("ok") else 1
    return list(stats.values())


def _carries_points(check: dict) -> bool:
    points = check.get("points", 1)  # notebooks graded before points were published
    return not isinstance(points, int | float) or points > 0


def describe_code(code: str) -> str:
    """What a check code means, in the trainer's language (``place_date`` -> ``địa danh...``).

    Numbered codes (``found_2``, ``facebook_date_1``) are described by their family.
    """
    from ..i18n import catalogue, get_language

    known = catalogue(get_language())
    if f"checkcodes.code.{code}" in known:
        return msg(f"checkcodes.code.{code}")
    match = re.fullmatch(r"(?:[a-z]+_)?([a-z]+)_(\d+)", code)
    if match and f"checkcodes.code.{match.group(1)}" in known:
        what = msg(f"checkcodes.code.{match.group(1)}")
        return msg("checkcodes.numbered", what=what, number=match.group(2))
    return msg("checkcodes.other", code=code)


def _published_checks(cell) -> list[dict]:
    from ..grading.core import CHECKS_MIME

    found = []
    for output in cell.get("outputs", []):
        data = output.get("data", {}) if output.get("output_type") == "display_data" else {}
        payload = data.get(CHECKS_MIME)
        if isinstance(payload, dict) and isinstance(payload.get("checks"), list):
            found.extend(c for c in payload["checks"] if isinstance(c, dict))
    return found


def _describe(source: str) -> str:
    """The first comment line of a test cell (``# Kiểm tra: có tiêu đề``), if any."""
    for line in source.splitlines():
        stripped = line.strip()
        if stripped.startswith("#") and "BEGIN" not in stripped and "END" not in stripped:
            return re.sub(r"^#+\s*", "", stripped)[:120]
    return ""


def summary_lines(data: ReportData, top: int = 5) -> list[str]:
    """A short Vietnamese summary for the console: assignments, units, what to re-teach."""
    units = [{**unit, "percent": f"{unit['total']:g}"} for unit in data.unit_rows()]
    weak = [_reteach_fields(c) for c in (data.codes or data.checks) if c.failed][:top]
    return [
        msg(
            "course.report.heading",
            course=data.course_id,
            trainees=len(data.trainees),
            assignments=len(data.assignments),
        ),
        *map(_assignment_line, data.assignment_rows()),
        *_section("course.report.units_heading", "course.report.unit_line", units),
        *_section("course.report.reteach_heading", "course.report.reteach_line", weak),
    ]


def _section(heading: str, line: str, items: list[dict]) -> list[str]:
    """A heading and one line an item, or nothing at all when there is no item to show."""
    return [msg(heading), *(msg(line, **item) for item in items)] if items else []


def _assignment_line(row: dict) -> str:
    """One assignment's line, with the scores written short (``7.5``, not ``7.50``)."""
    if row["mean"] is None:
        return msg("course.report.assignment_none", name=row["assignment"])
    short = {key: f"{row[key]:g}" for key in ("mean", "max", "percent")}
    return msg("course.report.assignment_line", **{**row, **short}, name=row["assignment"])


def _reteach_fields(check: CheckStat) -> dict:
    """The re-teach line's fields: the code with its cell, and the share who failed it."""
    return {**vars(check), "code": check.label, "percent": f"{100 * check.fail_rate:.0f}"}


def write_xlsx(data: ReportData, path: Path) -> Path:
    """An Excel workbook: trainees, units (with a chart), check codes (with a chart)."""
    from openpyxl import Workbook
    from openpyxl.chart import BarChart, Reference
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="DDEBF7")
    book = Workbook()

    def header(sheet, titles):
        sheet.append(titles)
        for cell in sheet[1]:
            cell.font, cell.fill = bold, fill
        sheet.freeze_panes = "A2"

    def widths(sheet, values):
        for index, width in enumerate(values, start=1):
            sheet.column_dimensions[get_column_letter(index)].width = width

    # 1. trainees
    sheet = book.active
    sheet.title = msg("course.report.sheet_trainees")
    titles = [
        msg("course.report.col_id"),
        msg("course.report.col_name"),
        msg("course.report.col_unit"),
    ]
    for name in data.assignments:
        titles += [
            msg("course.report.col_score", name=name, max=f"{data.max_scores[name]:g}"),
            msg("course.report.col_status", name=name),
        ]
    titles += [msg("course.report.col_total"), msg("course.report.col_percent")]
    header(sheet, titles)
    for row in data.trainees:
        values = [row["id"], row["name"], row["unit"]]
        for name in data.assignments:
            values += [row["scores"][name], row["status"][name]]
        values += [row["total"], row["percent"]]
        sheet.append(values)
    widths(sheet, [14, 28, 28] + [14, 30] * len(data.assignments) + [10, 10])

    # 2. units, with a bar chart of the mean percentage per unit
    sheet = book.create_sheet(msg("course.report.sheet_units"))
    titles = [msg("course.report.col_unit"), msg("course.report.col_count")]
    titles += [msg("course.report.col_unit_percent", name=name) for name in data.assignments]
    titles += [msg("course.report.col_percent")]
    header(sheet, titles)
    units = data.unit_rows()
    for unit in units:
        sheet.append(
            [unit["unit"], unit["count"]]
            + [unit["percent"][name] for name in data.assignments]
            + [unit["total"]]
        )
    widths(sheet, [30, 10] + [16] * (len(data.assignments) + 1))
    if units:
        chart = BarChart()
        chart.type = "bar"
        chart.title = msg("course.report.chart_units")
        chart.x_axis.title = msg("course.report.col_unit")
        chart.y_axis.title = "%"
        chart.y_axis.scaling.min, chart.y_axis.scaling.max = 0, 100
        last = len(titles)
        chart.add_data(
            Reference(sheet, min_col=last, min_row=1, max_row=len(units) + 1), titles_from_data=True
        )
        chart.set_categories(Reference(sheet, min_col=1, min_row=2, max_row=len(units) + 1))
        chart.height, chart.width = max(7, 1 + 0.8 * len(units)), 18
        sheet.add_chart(chart, f"{get_column_letter(last + 2)}2")

    # 3. assignments
    sheet = book.create_sheet(msg("course.report.sheet_assignments"))
    header(
        sheet,
        [
            msg("course.report.col_assignment"),
            msg("course.report.col_graded"),
            msg("course.report.col_missing"),
            msg("course.report.col_mean"),
            msg("course.report.col_max"),
            msg("course.report.col_percent"),
        ],
    )
    for row in data.assignment_rows():
        sheet.append(
            [
                row["assignment"],
                row["graded"],
                row["missing"],
                row["mean"],
                row["max"],
                row["percent"],
            ]
        )
    widths(sheet, [22, 12, 12, 12, 12, 12])

    # 4. checker codes, then grade cells, most failed first, with a bar chart: what to re-teach
    if data.codes:
        _checks_sheet(book, msg("course.report.sheet_codes"), data.codes, header, widths)
    _checks_sheet(book, msg("course.report.sheet_checks"), data.checks, header, widths)

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path


def _checks_sheet(book, title: str, checks: list[CheckStat], header, widths) -> None:
    """One row per check, most failed first, with a bar chart of the failure rates."""
    from openpyxl.chart import BarChart, Reference

    sheet = book.create_sheet(title)
    header(
        sheet,
        [
            msg("course.report.col_assignment"),
            msg("course.report.col_code"),
            msg("course.report.col_description"),
            msg("course.report.col_failed"),
            msg("course.report.col_graded"),
            msg("course.report.col_fail_rate"),
        ],
    )
    for check in checks:
        sheet.append(
            [
                check.assignment,
                check.label,
                check.description,
                check.failed,
                check.graded,
                round(100 * check.fail_rate, 1),
            ]
        )
    widths(sheet, [22, 24, 50, 14, 14, 16])
    if checks:
        count = min(len(checks), 15)
        chart = BarChart()
        chart.type = "bar"
        chart.title = msg("course.report.chart_checks")
        chart.y_axis.title = "%"
        chart.y_axis.scaling.min, chart.y_axis.scaling.max = 0, 100
        chart.add_data(
            Reference(sheet, min_col=6, min_row=1, max_row=count + 1), titles_from_data=True
        )
        chart.set_categories(Reference(sheet, min_col=2, min_row=2, max_row=count + 1))
        chart.height, chart.width = max(7, 1 + 0.8 * count), 18
        sheet.add_chart(chart, "H2")
