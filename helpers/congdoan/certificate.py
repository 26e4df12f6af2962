"""A certificate of completion (Word, A4 landscape) for a trainee who finished the course.

Two ways to earn one, one document:

* **In class** the trainer's report passes the gradebook's scores: the certificate is
  made when every assignment was graded and the total reaches the pass mark of the
  syllabus (50 %), and it lists each assignment with its score.
* **Self-study** (``progress().certificate(name)``): made when ``progress()`` shows every
  assignment done in the student versions; it says it confirms self-study, since no
  trainer graded it.

The course's outcomes (from the catalogue, the same list as the syllabus) are printed
on every certificate, so an employer reads what the holder can do.

>>> certificate("Nguyễn Thị Lan", "chung_nhan.docx", unit="CĐCS Công ty May Sông Hương",
...             scores={"a01_thong_bao": (8, 10), "a02_ke_hoach": (11, 13)})  # doctest: +SKIP
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from pathlib import Path

from .errors import InputError
from .files import ensure_folder
from .i18n import catalogue, get_language, msg
from .syllabus import ASSIGNMENTS
from .text import format_date, nfc

__all__ = [
    "PASS_MARK",
    "certificate",
    "class_certificates",
    "eligible",
    "outcomes",
]

#: The syllabus's pass mark: every assignment graded, total at least half the points.
PASS_MARK = 0.5

Scores = Mapping[str, tuple[float, float]]


def outcomes() -> list[str]:
    """The course's outcomes in the current language, in order."""
    table = catalogue(get_language())
    keys = sorted(
        (k for k in table if k.startswith("certificate.outcome.")),
        key=lambda k: int(k.rsplit(".", 1)[1]),
    )
    return [table[k] for k in keys]


def eligible(scores: Scores) -> tuple[bool, list[str]]:
    """Whether ``scores`` (``{assignment: (points, max points)}``) earn a certificate,
    and what is missing (Vietnamese sentences) when not."""
    missing = [a.folder for a in ASSIGNMENTS if a.folder not in scores]
    reasons = [msg("certificate.missing", assignment=name) for name in missing]
    earned = sum(points for points, _ in scores.values())
    possible = sum(maximum for _, maximum in scores.values())
    if possible <= 0 or earned / possible < PASS_MARK:
        reasons.append(
            msg("certificate.below_pass", earned=_number(earned), possible=_number(possible))
        )
    return not reasons, reasons


def certificate(
    name: str,
    path: str | os.PathLike[str],
    *,
    scores: Scores | None = None,
    unit: str | None = None,
    course_dates: str | None = None,
    issued: dt.date | None = None,
    self_study: bool = False,
) -> Path:
    """Write the certificate of ``name`` to ``path`` (``.docx``); returns the path.

    With ``scores`` (class), refuses with a Vietnamese message naming what is missing
    when the trainee has not passed. ``self_study=True`` is for ``Progress.certificate``.
    """
    name = nfc(str(name or "")).strip()
    if not name:
        raise InputError(msg("certificate.no_name"))
    if scores is not None:
        ok, reasons = eligible(scores)
        if not ok:
            raise InputError(msg("certificate.not_yet", name=name, reasons="; ".join(reasons)))
    elif not self_study:
        raise InputError(msg("certificate.no_scores"))
    target = Path(path)
    if target.suffix.lower() != ".docx":
        target = target.with_suffix(".docx")
    ensure_folder(target)
    document = _document(name, scores, unit, course_dates, issued or dt.date.today(), self_study)
    try:
        document.save(target)
    except OSError as exc:
        raise InputError(msg("certificate.cannot_write", path=target, reason=exc)) from None
    return target


def class_certificates(
    report, folder: str | os.PathLike[str], *, course_dates: str | None = None
) -> tuple[list[Path], dict[str, list[str]]]:
    """Certificates for a class, from the trainer's report data
    (:class:`congdoan.course.report.ReportData`: ``trainees`` rows with ``id``, ``name``,
    ``unit`` and ``scores``, and ``max_scores``).

    Returns the files written (``<folder>/<id>.docx``) and, for each trainee without
    one, the reasons (Vietnamese) so the trainer's report can list them.
    """
    written, missing = [], {}
    for row in report.trainees:
        scores = {
            name: (float(score), float(report.max_scores[name]))
            for name, score in row["scores"].items()
            if score is not None
        }
        ok, reasons = eligible(scores)
        if not ok:
            missing[row["id"]] = reasons
            continue
        path = Path(folder) / f"{row['id']}.docx"
        name = row.get("name") or row["id"]
        written.append(
            certificate(name, path, scores=scores, unit=row.get("unit"), course_dates=course_dates)
        )
    return written, missing


def _document(name, scores, unit, course_dates, issued, self_study):
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2))
    style = document.styles["Normal"]
    style.font.name, style.font.size = "Times New Roman", Pt(14)

    def line(text: str, size: int = 14, bold: bool = False, centre: bool = True) -> None:
        paragraph = document.add_paragraph()
        if centre:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = paragraph.add_run(text)
        run.bold, run.font.size = bold, Pt(size)

    line(msg("certificate.organiser"), 13, bold=True)
    line(msg("certificate.title_self_study" if self_study else "certificate.title"), 24, True)
    line(msg("certificate.course"), 15, bold=True)
    line(msg("certificate.awarded_to"), 14)
    line(name, 22, bold=True)
    if unit:
        line(nfc(unit), 14)
    if course_dates:
        line(msg("certificate.dates", dates=course_dates), 13)
    line(msg("certificate.outcomes_heading"), 14, bold=True, centre=False)
    for outcome in outcomes():
        document.add_paragraph(outcome, style="List Bullet")
    if scores:
        line(msg("certificate.scores_heading"), 14, bold=True, centre=False)
        for assignment in ASSIGNMENTS:
            points, maximum = scores[assignment.folder]
            text = msg(
                "certificate.score_line",
                number=assignment.number,
                title=assignment.title,
                points=_number(points),
                maximum=_number(maximum),
            )
            document.add_paragraph(text, style="List Bullet")
    elif self_study:
        line(msg("certificate.self_study_note"), 12, centre=False)
    line(msg("certificate.place_date", date=format_date(issued)), 13)
    line(msg("certificate.signer"), 13, bold=True)
    return document


def _number(value: float) -> str:
    return f"{value:g}".replace(".", ",")
