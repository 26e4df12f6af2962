"""The course's graded assignments: which answer variables, which checks, how many points.

Notebooks stay one line per cell: a grading cell calls ``grade_part("a01", "notice",
draft=draft)`` and a self-check cell ``kiem_tra("a01", draft=draft, prompt=prompt)``.
The checks and points live here, in one place, so

* the self-check runs exactly the checks of the visible grading cells, no more;
* hidden grading cells reveal nothing in nbgrader's feedback (which shows their
  source, jupyter/nbgrader#1363): the source names a part, and the part prints only
  its points;
* the trainer tools and the tests read grade ids, variables and points from
  :data:`ASSIGNMENTS` instead of parsing notebooks.

The story of all the assignments: Công đoàn cơ sở Công ty TNHH May Sông Hương
(under Liên đoàn Lao động thành phố Huế) prepares Tháng Công nhân :data:`YEAR`: a notice
(a01), a plan (a02), posts (a03), a poster prompt and a short video (a04), a fact check
of an AI summary of the federation's plan (a05) and the member list and meal survey
(a06).
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from ..i18n import msg
from ..report import ERROR, Item, Report
from ..text import fold
from .core import (
    DATA,
    LIST,
    MISSING,
    SCRIPT,
    TABLE,
    TEXT,
    answer_problem,
    as_answer,
    format_points,
    grade_report,
    points_for,
    quiet_stderr,
    run_safely,
    select,
    zero,
)
from .extra import check_facts, check_plan_table, check_privacy, check_total_stated
from .keys import (
    KEY_FILE,
    AnswerKeyMissing,
    a05_errors,
    a05_report_deadline,
    a06_members,
    a06_survey,
)
from .materials import A05_SOURCES, A06_UNITS, SPORTS_DAY
from .tasks import (
    check_clean_members,
    check_correction,
    check_errors_found,
    check_member_key,
    check_redacted,
    check_srt_sync,
    check_survey_counts,
    script_text,
)

__all__ = [
    "ASSIGNMENTS",
    "BUDGET",
    "YEAR",
    "Assignment",
    "Part",
    "SelfCheck",
    "grade_part",
    "kiem_tra",
    "nbgrader_settings",
    "self_check",
]

YEAR = 2026
BUDGET = 30_000_000  # đồng, stated in a02's instructions
LAUNCH_DAY, LAUNCH_TIME = dt.date(YEAR, 5, 4), dt.time(7, 30)  # a01: the launch ceremony
MEAL_DAY = dt.date(YEAR, 5, 16)  # a03: "Bữa cơm Công đoàn"

NOTICE_CODES = (
    "issuer", "number", "motto", "place_date", "title", "subject", "body",
    "signature", "signer_name", "recipients", "placeholder", "outdated_unit",
)  # fmt: skip
PLAN_CODES = (
    "issuer", "number", "motto", "place_date", "title", "subject", "body", "purpose",
    "content", "time_venue", "participants", "budget", "assignment", "implementation",
    "signature", "signer_name", "recipients", "placeholder", "outdated_unit",
)  # fmt: skip
TABLE_VISIBLE = ("columns", "rows", "owners", "dates", "times", "budget")
TABLE_HIDDEN = ("venue_clash", "owner_clash")
POST_CODES = (
    "hook", "length", "hashtags", "call_to_action", "emoji", "verify_facts", "union_identity",
)  # fmt: skip


@dataclass(frozen=True)
class Part:
    """One autograded cell: its nbgrader ``grade_id``, points, inputs and checks."""

    assignment: str
    name: str
    points: float
    variables: tuple[str, ...]
    check: Callable[..., Report]  # called with the answers, in the order of ``variables``
    codes: tuple[str, ...] | None = None
    hidden: bool = False

    @property
    def grade_id(self) -> str:
        return f"{self.assignment}_{'hidden_' if self.hidden else ''}{self.name}"

    @property
    def label(self) -> str:
        return msg(f"grading.part.{self.assignment}.{self.name}")


@dataclass(frozen=True)
class Assignment:
    """An assignment: its folder, answer variables (``text`` or ``table``) and parts."""

    id: str
    folder: str
    variables: Mapping[str, str]
    parts: tuple[Part, ...]
    manual: Mapping[str, float] = field(default_factory=dict)  # grade_id -> points

    @property
    def notebook(self) -> str:
        return f"{self.folder}.ipynb"

    @property
    def visible(self) -> tuple[Part, ...]:
        return tuple(part for part in self.parts if not part.hidden)

    @property
    def autograded_points(self) -> float:
        return sum(part.points for part in self.parts)

    @property
    def total_points(self) -> float:
        return self.autograded_points + sum(self.manual.values())

    def part(self, name: str) -> Part:
        for part in self.parts:
            if part.name == name or part.grade_id == name:
                return part
        raise ValueError(f"{self.id} has no part {name!r}; parts: {[p.name for p in self.parts]}")


def _checker(kind: str) -> Callable[[str], Report]:
    """``congdoan.check`` for one kind (imported on first use, to keep imports light)."""

    def run(text: str) -> Report:
        from ..checks import check

        return check(text, kind)

    return run


def _a01_facts(draft: str) -> Report:
    return check_facts(
        draft, dates=[LAUNCH_DAY], times=[LAUNCH_TIME], phrases=["Tháng Công nhân", "hội trường"]
    )


def _a02_table(ke_hoach) -> Report:
    return check_plan_table(ke_hoach, year=YEAR, budget=BUDGET)


def _a02_total(ke_hoach, van_ban: str) -> Report:
    facts = check_facts(van_ban, phrases=["Tháng Công nhân"])
    return Report("plan", [check_total_stated(van_ban, ke_hoach, year=YEAR), *facts.items])


def _a03_guard(bai_facebook: str, tin_zalo: str) -> Report:
    items = []
    for channel, text in (("facebook", bai_facebook), ("zalo", tin_zalo)):
        items.append(check_privacy(text, code=f"privacy_{channel}"))
        facts = check_facts(
            text, dates=[MEAL_DAY], phrases=["Bữa cơm Công đoàn"], code_prefix=f"{channel}_"
        )
        items.extend(facts.items)
    return Report("post", items)


# -- a04: a poster prompt and a Reels video inviting workers to the Hội thao công nhân
IMAGE_CHANNEL, VIDEO_PLATFORM = "facebook", "reels"
IMAGE_CODES = ("subject", "style", "text", "aspect_ratio", "colours", "privacy")
SCRIPT_CODES = (
    "columns", "duration", "scene_length", "reading_speed", "screen_text", "hook",
    "call_to_action",
)  # fmt: skip
SRT_CODES = ("format", "numbering", "timing", "line_length", "line_count")


def _a04_image(cau_lenh_anh: str) -> Report:
    from ..media import check_image_prompt

    return check_image_prompt(cau_lenh_anh, channel=IMAGE_CHANNEL)


def _a04_script(kich_ban) -> Report:
    """The media script checks; the task asks for 30-60 seconds, so length is an error here."""
    from ..media import check_video_script

    report = check_video_script(kich_ban, VIDEO_PLATFORM)

    def adjusted(item: Item) -> Item:
        return replace(item, severity=ERROR) if item.code == "duration" else item

    return Report(report.kind, [adjusted(item) for item in report])


def _a04_subtitles(phu_de: str) -> Report:
    from ..media import check_srt

    return check_srt(phu_de)


def _a04_sync(kich_ban, phu_de: str) -> Report:
    from ..errors import CongdoanError

    sync = check_srt_sync(phu_de, kich_ban)
    try:
        said = script_text(kich_ban)
    except CongdoanError:
        said = ""
    facts = check_facts(said, dates=[SPORTS_DAY], phrases=["Hội thao"], code_prefix="script_")
    return Report("srt_sync", [*sync.items, *facts.items])


# -- a05: find and correct the errors of an AI summary of the federation's plan
A05_MIN_CLAIMS = 4  # the AI answer has 5 checkable sentences; a correction keeps most


def _a05_errors(sai: list[str]) -> Report:
    return check_errors_found(sai, a05_errors())


def _a05_correction(ban_sua: str) -> Report:
    report = check_correction(ban_sua, A05_SOURCES, min_claims=A05_MIN_CLAIMS)
    facts = check_facts(ban_sua, dates=[a05_report_deadline()], phrases=["300 suất"])
    folded = fold(ban_sua, squash=True)
    named = re.search(r"\b(?:lien doan lao dong|ldld) (?:thanh pho|tp\.?) hue\b", folded)
    unit = Item(
        "unit",
        named is not None,
        msg("grading.correction.unit_ok" if named else "grading.correction.unit_missing"),
        "" if named else msg("grading.correction.unit_hint"),
    )
    return Report("correction", [*report.items, *facts.items, unit])


# -- a06: the member list and the meal survey of the CĐCS
def _a06_clean(sach) -> Report:
    return check_clean_members(sach, units=A06_UNITS)


def _a06_members(sach) -> Report:
    return check_member_key(sach, citizen_ids=a06_members())


def _a06_redact(an_danh) -> Report:
    return check_redacted(an_danh, names=a06_members().values())


def _a06_summary(tong_hop) -> Report:
    return check_survey_counts(tong_hop, key=a06_survey())


def _one(name: str, variables: list[str], check, points: float, **kw) -> Part:
    """A part as the table writes it; :func:`_build` files it under its assignment."""
    return Part("", name, points, tuple(variables), check, **kw)


def _kind_part(name: str, variable: str, kind: str, points: float, codes: tuple[str, ...]) -> Part:
    """A visible part that runs the library's checker for one document kind on one answer.

    The grade then uses the very checker the trainee ran in the lesson, so the two never disagree.
    """
    return _one(name, [variable], _checker(kind), points, codes=codes)


def _build(
    folder: str, variables: Mapping[str, str], parts: tuple[Part, ...], manual: Mapping[str, float]
) -> Assignment:
    """An assignment from its folder name (``a02_ke_hoach`` is ``a02``) and its parts.

    The id is written once, here, so no part can be filed under another assignment.
    """
    ident = folder.split("_", 1)[0]
    filed = tuple(replace(part, assignment=ident) for part in parts)
    return Assignment(ident, folder, variables, filed, manual)


_TABLE = (
    _build(
        "a01_thong_bao",
        {"prompt": TEXT, "draft": TEXT},
        (
            _one("prompt", ["prompt"], _checker("prompt"), 2),
            _kind_part("notice", "draft", "notice", 4, NOTICE_CODES),
            _one("facts", ["draft"], _a01_facts, 2, hidden=True),
        ),
        {"a01_manual_fit": 2},
    ),
    _build(
        "a02_ke_hoach",
        {"ke_hoach": TABLE, "van_ban": TEXT},
        (
            _one("table", ["ke_hoach"], _a02_table, 4, codes=TABLE_VISIBLE),
            _one("clashes", ["ke_hoach"], _a02_table, 2, codes=TABLE_HIDDEN, hidden=True),
            _kind_part("document", "van_ban", "plan", 3, PLAN_CODES),
            _one("total", ["ke_hoach", "van_ban"], _a02_total, 1, hidden=True),
        ),
        {"a02_manual_quality": 3},
    ),
    _build(
        "a03_bai_dang",
        {"bai_facebook": TEXT, "tin_zalo": TEXT},
        (
            _kind_part("facebook", "bai_facebook", "facebook", 3, POST_CODES),
            _kind_part("zalo", "tin_zalo", "zalo", 3, POST_CODES),
            _one("guard", ["bai_facebook", "tin_zalo"], _a03_guard, 2, hidden=True),
        ),
        {"a03_manual_tone": 2},
    ),
    _build(
        "a04_hinh_anh_video",
        {"cau_lenh_anh": TEXT, "kich_ban": SCRIPT, "phu_de": TEXT},
        (
            _one("image", ["cau_lenh_anh"], _a04_image, 2, codes=IMAGE_CODES),
            _one("script", ["kich_ban"], _a04_script, 3, codes=SCRIPT_CODES),
            _one("subtitles", ["phu_de"], _a04_subtitles, 2, codes=SRT_CODES),
            _one("sync", ["kich_ban", "phu_de"], _a04_sync, 2, hidden=True),
        ),
        {"a04_manual_creativity": 2},
    ),
    _build(
        "a05_thong_tin",
        {"sai": LIST, "ban_sua": TEXT},
        (
            _one("errors", ["sai"], _a05_errors, 3),
            _one("correction", ["ban_sua"], _a05_correction, 3, hidden=True),
        ),
        {"a05_manual_quality": 2},
    ),
    _build(
        "a06_du_lieu_thanh_vien",
        {"sach": DATA, "an_danh": DATA, "tong_hop": DATA},
        (
            _one("clean", ["sach"], _a06_clean, 4),
            _one("members", ["sach"], _a06_members, 2, hidden=True),
            _one("redact", ["an_danh"], _a06_redact, 2),
            _one("summary", ["tong_hop"], _a06_summary, 2),
        ),
        {"a06_manual_chart": 2},
    ),
)
ASSIGNMENTS: dict[str, Assignment] = {assignment.id: assignment for assignment in _TABLE}


def _assignment(assignment: str) -> Assignment:
    key = assignment.split("_", 1)[0] if isinstance(assignment, str) else assignment
    if key not in ASSIGNMENTS:
        raise ValueError(f"unknown assignment {assignment!r}; known: {sorted(ASSIGNMENTS)}")
    return ASSIGNMENTS[key]


def _inputs(a: Assignment, part: Part, answers: Mapping[str, Any]) -> tuple[dict, list[str]]:
    """The part's answers converted to text or tables, and the problems with them."""
    values, problems = {}, []
    for name in part.variables:
        value = answers.get(name, MISSING)
        problem = answer_problem(value, a.variables[name], name)
        if problem:
            problems.append(problem)
        else:
            values[name] = as_answer(value, a.variables[name])
    return values, problems


def grade_part(assignment: str, part: str, **answers: Any) -> float:
    """Grade one part of an assignment; a grading cell ends with this call.

    >>> grade_part("a01", "notice", draft=draft)  # doctest: +SKIP
    3.5

    Prints the feedback to stdout (hidden parts: only the points) and returns the
    points. A missing, empty or wrongly typed answer gives 0 with a message naming the
    variable; an unknown assignment or part is the trainer's mistake and raises
    ``ValueError``.
    """
    a = _assignment(assignment)
    spec = a.part(part)
    values, problems = _inputs(a, spec, answers)
    if problems:
        return zero("\n✗ ".join(problems), spec.points, spec.label)
    report = run_safely(lambda: spec.check(*(values[name] for name in spec.variables)))
    if report is None:
        return zero(msg("grading.feedback.check_failed", label=spec.label), spec.points, spec.label)
    return grade_report(
        report, points=spec.points, codes=spec.codes, label=spec.label, quiet=spec.hidden
    )


class SelfCheck(Report):
    """The visible checks of an assignment, grouped by part, with expected points.

    It is a :class:`~congdoan.report.Report` (codes are ``part.code``, e.g.
    ``notice.title``) that shows itself as one checklist per part.
    """

    def __init__(self, assignment: Assignment, parts: list[tuple[Part, Report, float]]):
        items = [
            Item(f"{part.name}.{item.code}", item.ok, item.message, item.hint, item.severity,
                 item.weight)
            for part, report, _ in parts
            for item in report.items
        ]  # fmt: skip
        super().__init__(assignment.id, items)
        self.assignment = assignment
        self.parts = parts

    @property
    def points(self) -> float:
        """Points the visible grading cells would give now."""
        return sum(earned for _, _, earned in self.parts)

    def _summary(self) -> str:
        visible = sum(part.points for part, _, _ in self.parts)
        return msg(
            "grading.selfcheck.summary",
            got=format_points(self.points),
            points=format_points(visible),
            total=format_points(self.assignment.total_points),
        )

    def __str__(self) -> str:
        lines = [msg("grading.selfcheck.heading", assignment=self.assignment.folder)]
        for part, report, earned in self.parts:
            got, out_of = format_points(earned), format_points(part.points)
            lines.append(msg("grading.selfcheck.part", label=part.label, got=got, points=out_of))
            for item in report.items:
                lines.append(f"  {item.symbol} {item.message}")
                if not item.ok and item.hint:
                    lines.append(f"      → {item.hint}")
        lines.append(self._summary())
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        blocks = []
        for part, report, earned in self.parts:
            title = msg(
                "grading.selfcheck.part",
                label=part.label,
                got=format_points(earned),
                points=format_points(part.points),
            )
            body = Report(report.kind, report.items)._repr_html_()
            blocks.append(f"<h4>{html.escape(title)}</h4>{body}")
        heading = html.escape(msg("grading.selfcheck.heading", assignment=self.assignment.folder))
        summary = html.escape(self._summary())
        return f"<div><h3>{heading}</h3>{''.join(blocks)}<p><b>{summary}</b></p></div>"


def self_check(assignment: str, **answers: Any) -> SelfCheck:
    """Run the visible checks of ``assignment`` on the answers, before submitting.

    >>> kiem_tra("a01", draft=draft, prompt=prompt)  # doctest: +SKIP

    Offline and silent on stderr; hidden checks are not run. The result shows itself
    as a checklist per part with the points the visible cells would give.
    """
    a = _assignment(assignment)
    parts = []
    for part in a.visible:
        values, problems = _inputs(a, part, answers)
        if problems:
            report = Report(part.name, [Item("answer", False, p, "", ERROR) for p in problems])
        else:
            report = _run_part(part, values)
            if report is None:
                failed = msg("grading.feedback.check_failed", label=part.label)
                report = Report(part.name, [Item("answer", False, failed, "", ERROR)])
            else:
                report = Report(report.kind, select(report, part.codes))
        earned = points_for(report.items, part.points)
        parts.append((part, report, earned))
    return SelfCheck(a, parts)


def _run_part(part: Part, values: dict) -> Report | None:
    """The part's report; a part graded with a key the trainee's kernel lacks says so."""
    try:
        with quiet_stderr():
            return part.check(*(values[n] for n in part.variables))
    except AnswerKeyMissing:
        return Report(part.name, [Item("answer", False, msg("grading.key_at_grading"), "", ERROR)])
    except Exception:  # one odd answer must never stop the self-check
        return None


kiem_tra = self_check  # the name trainees read in the notebooks

TRANSCRIPT = "congdoan-transcript.jsonl"  # congdoan.record's default file beside the notebook
#: nbgrader's own ``CourseDirectory.ignore`` (0.9.6); the answer keys are added to it
NBGRADER_IGNORE = (".ipynb_checkpoints", "*.pyc", "__pycache__", "feedback")


def nbgrader_settings() -> dict[str, dict[str, Any]]:
    """The nbgrader settings these assignments rely on, as a traitlets-Config-shaped dict.

    * ``ClearSolutions`` stubs in Vietnamese that *run*: an untouched answer cell leaves
      its variable at the empty value set above the solution, and the grading cells give
      0 with a message, instead of nbgrader's ``raise NotImplementedError()`` (which
      still grades 0, but shows a trainee an English traceback).
    * ``Autograde.exclude_overwriting``: never overwrite a trainee's recorded AI replies
      (``congdoan-transcript.jsonl``) with a copy left in the source folder.
    * ``Autograde.autograde_preprocessors``: the notebook runs in a sandbox and the
      grading cells are scored outside it (:data:`AUTOGRADE_PREPROCESSORS`).

    >>> from traitlets.config import Config
    >>> c.merge(Config(nbgrader_settings()))  # doctest: +SKIP
    """
    return {
        "ClearSolutions": {
            "code_stub": {"python": msg("grading.stub.code")},
            "text_stub": msg("grading.stub.text"),
        },
        "CourseDirectory": {"ignore": [*NBGRADER_IGNORE, KEY_FILE]},
        "Autograde": {
            "exclude_overwriting": {a.folder: [TRANSCRIPT] for a in ASSIGNMENTS.values()},
            "autograde_preprocessors": list(AUTOGRADE_PREPROCESSORS),
        },
    }


#: nbgrader's autograde steps with ``Execute`` replaced by the sandboxed run and the
#: trusted scoring (:mod:`congdoan.course.trusted`); named, not imported, so that this
#: floor does not load the trainer's tools.
AUTOGRADE_PREPROCESSORS = (
    "congdoan.course.trusted.SandboxedExecute",
    "nbgrader.preprocessors.IgnorePattern",
    "nbconvert.preprocessors.ClearMetadataPreprocessor",
    "nbgrader.preprocessors.LimitOutput",
    "nbgrader.preprocessors.SaveAutoGrades",
    "nbgrader.preprocessors.AssignLatePenalties",
    "nbgrader.preprocessors.CheckCellMetadata",
)
