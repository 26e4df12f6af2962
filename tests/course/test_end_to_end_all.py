"""End to end on every other assignment: a class of 4 through the real ``congdoan course`` CLI.

One class is built once (module fixture) and every assertion reads it: ``init`` →
``roster import`` → for each of a02-a06 ``release`` → 4 notebooks made from the released
version (trainee 1 the reference solution, 2 the documented partial answers, 3 the
``broken`` answers of ``tests/grading/answers.py``, 4 the released notebook untouched)
sent as a zip (a02, a04, a06: files named by mã học viên) or a folder (a03, a05: files
named by full name without diacritics) → ``collect --from`` → ``autograde --workers 2`` →
``feedback`` → finally one ``report --xlsx``. The a01 loop (exchange, timeouts, tampering,
keys) is ``test_end_to_end.py``; this one shows that the other five assignments' scores
survive the trainer's whole loop, not only nbgrader's API (``tests/grading``).
"""

from __future__ import annotations

import html
import json
import os
import re
import time
import traceback
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from congdoan.cli import cli
from congdoan.i18n import msg
from tests.course import classroom
from tests.grading import answers

pytestmark = pytest.mark.slow

NAMES = (
    "a02_ke_hoach",
    "a03_bai_dang",
    "a04_hinh_anh_video",
    "a05_thong_tin",
    "a06_du_lieu_thanh_vien",
)
COURSE_ID = "hue-2026-all"
WORKERS = "2"
TIMEOUT = "120"  # per submission; none of these should come near it
BY_ZIP = {"a02_ke_hoach", "a04_hinh_anh_video", "a06_du_lieu_thanh_vien"}

PEOPLE = [
    ("HV001", "Nguyễn Thị Hoa", "CĐCS Công ty TNHH May Sông Hương", "hv001@congdoanhue.vn"),
    ("HV002", "Trần Văn Bình", "CĐCS Công ty TNHH May Sông Hương", "hv002@congdoanhue.vn"),
    ("HV003", "Lê Minh Đức", "CĐCS Bệnh viện Trung ương Huế", "hv003@congdoanhue.vn"),
    ("HV004", "Phạm Thu Hằng", "CĐCS Bệnh viện Trung ương Huế", "hv004@congdoanhue.vn"),
]
#: trainee -> the answers.py variant they submit
PLAN = {"HV001": "solution", "HV002": "partial", "HV003": "broken", "HV004": "empty"}

#: assignments/README.md: (autograded maximum, total with manual cells, documented partial)
DOCUMENTED = {
    "a02_ke_hoach": (10, 13, 6),
    "a03_bai_dang": (8, 10, 5.5),
    "a04_hinh_anh_video": (9, 11, 4.25),
    "a05_thong_tin": (6, 8, 3.5),
    "a06_du_lieu_thanh_vien": (10, 12, 7),
}

#: the statuses ``autograde`` reports for the broken answers. A broken answer that deletes
#: a variable (``del van_ban``, ``del phu_de``, ``del an_danh``) raises NameError in its own
#: answer cell, and a05's ``ban_sua = None`` makes the notebook's ungraded ``verify(ban_sua,
#: nguon)`` cell raise: "lỗi khi chạy". a03's only gives wrong types (``bai_facebook = None``,
#: ``tin_zalo = ['x']``) and nothing else uses them: the notebook runs cleanly, status "ok",
#: 0 points with a message in each grade cell.
BROKEN_STATUS = {
    "a02_ke_hoach": ["runtime_error"],
    "a03_bai_dang": ["ok"],
    "a04_hinh_anh_video": ["runtime_error"],
    "a05_thong_tin": ["runtime_error"],
    "a06_du_lieu_thanh_vien": ["runtime_error"],
}


def _expected_statuses(name: str, student: str) -> list[str]:
    kind = PLAN[student]
    if kind == "broken":
        return BROKEN_STATUS[name]
    return ["empty"] if kind == "empty" else ["ok"]


def _work(base: dict, name: str, kind: str) -> dict:
    """The released notebook with the answer cells of ``kind`` filled in."""
    nb = json.loads(json.dumps(base))
    filled = answers.variant(name, kind)
    cells = {c["metadata"].get("nbgrader", {}).get("grade_id"): c for c in nb["cells"]}
    assert set(filled) <= set(cells), (name, kind, set(filled) - set(cells))
    for grade_id, source in filled.items():
        cells[grade_id]["source"] = source
    return nb


def _file_name(name: str, student: str, full_name: str) -> str:
    if name in BY_ZIP:
        return f"{student}.ipynb"
    return f"{classroom.fold_name(full_name)} - {name[:3]}.ipynb"


def _deliver(tmp: Path, root: Path, name: str, people: dict[str, str]) -> Path:
    """The 4 trainees' notebooks as a zip or a folder, as a trainer receives them."""
    base = classroom.released(root, name)
    files = {
        _file_name(name, student, people[student]): classroom.dump(_work(base, name, kind))
        for student, kind in PLAN.items()
    }
    if name in BY_ZIP:
        target = tmp / f"bai_nop_{name}.zip"
        with zipfile.ZipFile(target, "w") as archive:
            for file_name, text in files.items():
                archive.writestr(file_name, text)
        return target
    target = tmp / f"bai_nop_{name}"
    target.mkdir()
    for file_name, text in files.items():
        (target / file_name).write_text(text, encoding="utf-8")
    return target


@pytest.fixture(scope="module")
def klass(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("e2e_all")
    root = tmp / "lop-hue"
    runner = CliRunner()
    state: dict = {"root": root, "tmp": tmp, "timings": {}, "out": {}}

    def run(*args):
        started = time.monotonic()
        result = runner.invoke(cli, ["course", "-C", str(root), *args])
        state["timings"][" ".join(str(a) for a in args[:2])] = round(time.monotonic() - started, 1)
        crash = "".join(traceback.format_exception(*result.exc_info)) if result.exc_info else ""
        assert result.exit_code == 0, (args, result.output, crash)
        return result.output

    with pytest.MonkeyPatch.context() as mp:
        for variable in list(os.environ):
            if variable.startswith("CONGDOAN_") or "KEY" in variable or "TOKEN" in variable:
                mp.delenv(variable, raising=False)
        mp.setenv("CONGDOAN_ENV_FILE", str(tmp / "absent.env"))
        mp.setenv("CONGDOAN_TRANSCRIPT", str(tmp / "trainer-transcript.jsonl"))
        started = time.monotonic()
        result = runner.invoke(cli, ["course", "init", str(root), "--course-id", COURSE_ID])
        assert result.exit_code == 0, result.output
        roster = classroom.roster_csv(tmp / "danh_sach.csv", PEOPLE)
        state["roster"] = run("roster", "import", str(roster))
        people = {p[0]: p[1] for p in PEOPLE}
        for name in NAMES:
            out = state["out"].setdefault(name, {})
            out["release"] = run("release", name)
            source = _deliver(tmp, root, name, people)
            out["collect"] = run("collect", name, "--from", str(source))
            out["autograde"] = run("autograde", name, "--workers", WORKERS, "--timeout", TIMEOUT)
            out["feedback"] = run("feedback", name)
        state["xlsx"] = tmp / "bao_cao.xlsx"
        state["report"] = run("report", "--xlsx", str(state["xlsx"]))
        state["seconds"] = time.monotonic() - started
        yield state


def _grades(root: Path, name: str) -> dict[str, dict[str, float | None]]:
    """Auto scores per trainee and grade cell, read with nbgrader's own Gradebook."""
    from nbgrader.api import Gradebook

    out = {}
    with Gradebook(f"sqlite:///{root / 'gradebook.db'}", course_id=COURSE_ID) as gradebook:
        for student in PLAN:
            notebook = gradebook.find_submission_notebook(name, name, student)
            out[student] = {grade.name: grade.auto_score for grade in notebook.grades}
    return out


def _statuses(root: Path, name: str) -> dict[str, dict]:
    path = root / ".congdoan" / f"autograde-{name}.json"
    return json.loads(path.read_text(encoding="utf-8"))


def _progress(output: str) -> dict[str, str]:
    lines = [line for line in output.splitlines() if line.startswith("[")]
    return {line.split("] ", 1)[1].split(":", 1)[0]: line for line in lines}


def _autograded_parts(name: str) -> set[str]:
    return set(answers.EXPECTED[name]["solution"])


def test_documented_table_matches_answers_module():
    """The numbers asserted below are the ones assignments/README.md documents."""
    for name, (top, _, partial) in DOCUMENTED.items():
        assert sum(answers.EXPECTED[name]["solution"].values()) == top
        assert sum(answers.EXPECTED[name]["partial"].values()) == partial


@pytest.mark.parametrize("name", NAMES)
def test_release_and_collect(klass, name):
    out = klass["out"][name]
    assert f"Đã tạo bản cho học viên của bài {name} (1 sổ tay)" in out["release"]
    lines = out["collect"].splitlines()
    assert lines[0] == msg("course.collect.summary", matched=4, unmatched=0, invalid=0)
    how = msg("course.collect.how_file_id" if name in BY_ZIP else "course.collect.how_file_name")
    people = {p[0]: p[1] for p in PEOPLE}
    for student in PLAN:
        file_name = _file_name(name, student, people[student])
        assert f"  ✓ {file_name} → {student} ({how})" in lines, lines
    for student in PLAN:
        assert (klass["root"] / "submitted" / student / name / f"{name}.ipynb").is_file()


@pytest.mark.parametrize("name", NAMES)
def test_scores_per_grade_cell(klass, name):
    grades = _grades(klass["root"], name)
    saved = _statuses(klass["root"], name)
    auto = _autograded_parts(name)
    for student, kind in PLAN.items():
        got = {k: v for k, v in grades[student].items() if k in auto}
        why = (student, kind, saved[student]["statuses"], saved[student]["detail"])
        if kind in ("solution", "partial"):
            assert got == answers.EXPECTED[name][kind], why
        else:
            assert got == dict.fromkeys(auto, 0.0), why
        manual = set(grades[student]) - auto
        assert len(manual) == 1, grades[student]  # one written answer, for the trainer
        # only the solution fills it (answers.reference): it waits for the trainer; left
        # as released, nbgrader scores it 0 as "not answered"
        want = None if kind == "solution" else 0.0
        assert [grades[student][m] for m in manual] == [want], (student, grades[student])


@pytest.mark.parametrize("name", NAMES)
def test_totals_and_statuses_the_cli_reports(klass, name):
    top, total, partial = DOCUMENTED[name]
    expected_score = {"HV001": top, "HV002": partial, "HV003": 0, "HV004": 0}
    output = klass["out"][name]["autograde"]
    progress = _progress(output)
    saved = _statuses(klass["root"], name)
    assert set(progress) == set(PLAN) == set(saved)
    assert "[4/4]" in output
    for student in PLAN:
        statuses = _expected_statuses(name, student)
        outcome = saved[student]
        assert outcome["statuses"] == statuses, (student, outcome)
        assert outcome["score"] == expected_score[student], (student, outcome)
        assert outcome["max_score"] == total
        label = ", ".join(msg(f"course.status.{s}") for s in statuses)
        assert progress[student].endswith(
            f"{student}: {label} · {expected_score[student]:g}/{total:g}"
        ), progress[student]
    assert msg("course.autograde.summary", total=4, parts="")[:-1] in output


@pytest.mark.parametrize("name", NAMES)
def test_feedback_hides_hidden_tests(klass, name):
    root = klass["root"]
    assert klass["out"][name]["feedback"].startswith(f"Đã tạo phản hồi bài {name} cho 4 học viên")
    hidden = [
        line.strip()
        for cell in answers.source_notebook(name).cells
        if "### BEGIN HIDDEN TESTS" in cell.source
        for line in cell.source.split("### BEGIN HIDDEN TESTS")[1]
        .split("### END HIDDEN TESTS")[0]
        .splitlines()
        if line.strip()
    ]
    assert hidden and all(line.startswith("grade_part(") for line in hidden)
    calls = [line.split(",")[0] + "," + line.split(",")[1] for line in hidden]  # part names
    autograded = (root / "autograded" / "HV001" / name / f"{name}.ipynb").read_text()
    restored = "".join("".join(c["source"]) for c in json.loads(autograded)["cells"])
    assert all(line in restored for line in hidden)  # nbgrader ran the hidden tests...
    pages = sorted((root / "feedback").glob(f"*/{name}/*.html"))
    assert [p.parts[-3] for p in pages] == sorted(PLAN)
    for page in pages:
        raw = page.read_text(encoding="utf-8")
        text = html.unescape(re.sub(r"<[^>]+>", "", raw))  # what the trainee reads
        assert "Điểm:" in text and "Ô kiểm tra" in text
        assert msg("course.feedback.hidden_removed") in text
        assert "BEGIN HIDDEN TESTS" not in text
        for line, call in zip(hidden, calls, strict=True):  # ...but no page shows them
            assert line not in text and call not in text, (page, call)


def test_report_has_every_trainee_and_assignment(klass):
    from openpyxl import load_workbook

    report = klass["report"]
    assert report.startswith(f"Báo cáo lớp {COURSE_ID}: 4 học viên, {len(NAMES)} bài.\n")
    for name in NAMES:
        assert f"- {name}: 4 bài đã chấm" in report
    assert msg("course.report.written", path=klass["xlsx"]) in report
    book = load_workbook(klass["xlsx"])
    sheet = list(book[msg("course.report.sheet_trainees")].values)
    header, rows = sheet[0], {r[0]: r for r in sheet[1:]}
    assert set(rows) == set(PLAN)
    column = {title: index for index, title in enumerate(header)}
    for student, name_, unit, _ in PEOPLE:
        assert rows[student][1:3] == (name_, unit)
    grand = sum(total for _, total, _ in DOCUMENTED.values())
    for student, kind in PLAN.items():
        total = 0.0
        for name in NAMES:
            top, maximum, partial = DOCUMENTED[name]
            score = rows[student][column[msg("course.report.col_score", name=name, max=maximum)]]
            status = rows[student][column[msg("course.report.col_status", name=name)]]
            want = {"solution": top, "partial": partial}.get(kind, 0)
            assert score == want, (student, name, score)
            label = ", ".join(msg(f"course.status.{s}") for s in _expected_statuses(name, student))
            assert status == label, (student, name, status)
            total += want
        assert rows[student][column[msg("course.report.col_total")]] == total
        assert rows[student][column[msg("course.report.col_percent")]] == round(
            100 * total / grand, 1
        )
    checks = {(r[0], r[1]): r for r in list(book[msg("course.report.sheet_checks")].values)[1:]}
    for name in NAMES:
        for grade_id in _autograded_parts(name):
            full = answers.EXPECTED[name]["solution"][grade_id]
            failed = 2 + (answers.EXPECTED[name]["partial"][grade_id] < full)  # broken, empty
            assert checks[(name, grade_id)][3:5] == (failed, 4), (name, grade_id)


def test_runtime_budget(klass):
    print(f"\nend-to-end a02-a06: {klass['seconds']:.0f} s; steps: {klass['timings']}")
    assert klass["seconds"] < 240
