"""Parallel autograde on a tiny assignment: statuses, the wall-clock kill, clean workers."""

from __future__ import annotations

import json

import pytest

from congdoan.course.autograde import worker_environment
from congdoan.course.coursedir import Course
from congdoan.course.gradebook import check_integrity
from tests.course import classroom
from tests.course.conftest import invoke


def test_worker_environment_has_no_key_and_replays(tmp_path):
    env = worker_environment(
        tmp_path,
        {
            "OPENAI_API_KEY": "sk-x",
            "GEMINI_API_KEY": "g",
            "GOOGLE_API_KEY": "g",
            "GITHUB_TOKEN": "t",
            "AZURE_OPENAI_ENDPOINT": "https://x",
            "MY_SERVICE_SECRET": "s",
            "CONGDOAN_TRANSCRIPT": "/tmp/t.jsonl",
            "CONGDOAN_PROVIDER": "openai",
            "PATH": "/usr/bin",
        },
    )
    assert not {k for k in env if "KEY" in k or "TOKEN" in k or "SECRET" in k or "AZURE" in k}
    assert env["CONGDOAN_REPLAY"] == "1"
    assert env["CONGDOAN_ENV_FILE"].endswith("khong-dung-khoa.env")
    assert "CONGDOAN_TRANSCRIPT" not in env and env["CONGDOAN_PROVIDER"] == "openai"


def _class(root, runner, tmp_path, kinds):
    people = classroom.people(len(kinds))
    invoke(runner, root, "roster", "import", str(classroom.roster_csv(tmp_path / "d.csv", people)))
    assert invoke(runner, root, "release", classroom.TINY).exit_code == 0
    base = classroom.released(root)
    for (student, *_), kind in zip(people, kinds, strict=True):
        folder = root / "submitted" / student / classroom.TINY
        folder.mkdir(parents=True)
        if kind == "not_json":
            (folder / f"{classroom.TINY}.ipynb").write_text("{ không phải JSON", encoding="utf-8")
        else:
            nb = classroom.submission(base, kind)
            (folder / f"{classroom.TINY}.ipynb").write_text(json.dumps(nb), encoding="utf-8")
    return [p[0] for p in people]


@pytest.mark.slow
def test_statuses_kill_and_integrity(tiny_course, runner, tmp_path):
    kinds = ["correct", "partial", "stubborn_loop", "not_json", "no_answer_cell", "tampered"]
    students = _class(tiny_course, runner, tmp_path, kinds)
    stranger = tiny_course / "submitted" / "KHACH" / classroom.TINY
    stranger.mkdir(parents=True)

    result = invoke(runner, tiny_course, "autograde", classroom.TINY, "-j", "2", "--timeout", "8")

    assert result.exit_code == 0, result.output
    lines = {
        line.split("] ", 1)[1].split(":")[0]: line
        for line in result.output.splitlines()
        if line.startswith("[")
    }
    assert lines[students[0]].endswith(": ok · 5/5")
    assert lines[students[1]].endswith(": ok · 3/5")
    assert lines[students[2]].endswith(": quá thời gian · 0/5 (đã dừng sau 8 giây)")
    assert lines[students[3]].endswith(": tệp hỏng · -")
    assert lines[students[4]].endswith(": thiếu ô trả lời · 0/5")
    assert lines[students[5]].endswith(": ô kiểm tra bị sửa (đã khôi phục) · 5/5")
    assert lines["KHACH"].endswith(": không có trong danh sách lớp (không chấm) · -")
    assert result.output.splitlines()[-1].startswith("Đã xử lý 7 bài nộp. ")
    health = check_integrity(Course(tiny_course).db_path)
    assert (health["integrity"], health["duplicates"]) == ("ok", 0)
    killed = tiny_course / "autograded" / students[2] / classroom.TINY
    assert not killed.exists()  # killed: nothing half-written


def test_autograde_errors(tiny_course, runner):
    result = invoke(runner, tiny_course, "autograde", classroom.TINY)
    assert result.exit_code == 1
    assert result.output == (
        "Lỗi: Chưa có bài nộp nào của 't01_mau' trong submitted/. "
        "Thu bài trước: congdoan course collect t01_mau\n"
    )


def test_grader_trouble_is_retried_not_scored(monkeypatch):
    """A kernel that loses its port, or a locked gradebook, is the grader's trouble."""
    from congdoan.course import worker

    monkeypatch.setattr(worker.time, "sleep", lambda _: None)

    class Api:
        calls = 0

        def autograde(self, assignment, student, force, create):
            self.calls += 1
            if self.calls == 1:
                return {"success": False, "log": "RuntimeError: Kernel didn't respond in 60 s"}
            return {"success": True, "log": ""}

    api = Api()
    assert worker.grade_one(api, "a01", "HV001")["success"] is True
    assert api.calls == 2


def test_a_broken_submission_is_not_retried(monkeypatch):
    from congdoan.course import worker

    class Api:
        calls = 0

        def autograde(self, assignment, student, force, create):
            self.calls += 1
            return {"success": False, "error": "SyntaxError: invalid syntax"}

    api = Api()
    result = worker.grade_one(api, "a01", "HV003")
    assert api.calls == 1 and result["success"] is False and "SyntaxError" in result["detail"]


@pytest.mark.slow
def test_a_refused_submission_says_why_and_gets_a_page(tiny_course, runner, tmp_path):
    """A grading cell copied (a duplicate grade id): nbgrader refuses the notebook."""
    students = _class(tiny_course, runner, tmp_path, ["correct"])
    path = tiny_course / "submitted" / students[0] / classroom.TINY / f"{classroom.TINY}.ipynb"
    nb = json.loads(path.read_text(encoding="utf-8"))
    test_cell = next(c for c in nb["cells"] if c["metadata"].get("nbgrader", {}).get("grade"))
    nb["cells"].append(json.loads(json.dumps(test_cell)))
    path.write_text(json.dumps(nb), encoding="utf-8")

    result = invoke(runner, tiny_course, "autograde", classroom.TINY, "--timeout", "60")

    assert result.exit_code == 0, result.output
    line = next(x for x in result.output.splitlines() if students[0] in x)
    # nbgrader's own reason (0.9.6 reports the copied cell as an outdated schema)
    assert "lỗi khi chấm" in line and "SchemaTooOldError: Outdated schema version" in line, line
    assert "Traceback" not in result.output
    assert invoke(runner, tiny_course, "feedback", classroom.TINY).exit_code == 0
    page = tiny_course / "feedback" / students[0] / classroom.TINY / f"{classroom.TINY}.html"
    text = page.read_text(encoding="utf-8")
    assert "chưa chấm được" in text and "SchemaTooOldError" in text
