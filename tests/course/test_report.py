"""Report numbers (per unit, per assignment, per check code) and the Excel workbook."""

from __future__ import annotations

import zipfile

from openpyxl import load_workbook

from congdoan.course.report import CheckStat, ReportData, summary_lines, write_xlsx


def _data() -> ReportData:
    data = ReportData("hue-2026", ["a01", "a02"], {"a01": 10.0, "a02": 5.0})
    rows = [
        ("HV001", "Nguyễn Văn An", "CĐCS A", {"a01": 8.0, "a02": 5.0}),
        ("HV002", "Trần Thị Bình", "CĐCS A", {"a01": 6.0, "a02": None}),
        ("HV003", "Lê Hữu Chí", "CĐCS B", {"a01": 0.0, "a02": 2.5}),
        ("HV004", "Phạm Ngọc Dung", "", {"a01": None, "a02": None}),
    ]
    for student, name, unit, scores in rows:
        total = sum(v for v in scores.values() if v is not None)
        data.trainees.append(
            {
                "id": student,
                "name": name,
                "unit": unit,
                "scores": scores,
                "status": {k: "ok" if v is not None else "chưa nộp" for k, v in scores.items()},
                "total": total,
                "percent": round(100 * total / 15, 1),
            }
        )
    data.checks = [
        CheckStat("a01", "a01_notice", "thể thức thông báo", 4, graded=3, failed=2),
        CheckStat("a02", "a02_table", "", 4, graded=2, failed=1),
        CheckStat("a01", "a01_prompt", "", 2, graded=3, failed=0),
    ]
    return data


def test_numbers_per_unit_and_assignment():
    data = _data()
    units = {u["unit"]: u for u in data.unit_rows()}
    assert units["CĐCS A"]["count"] == 2
    assert units["CĐCS A"]["percent"] == {"a01": 70.0, "a02": 100.0}
    assert units["CĐCS B"]["percent"] == {"a01": 0.0, "a02": 50.0}
    assert units["(chưa ghi đơn vị)"]["percent"] == {"a01": None, "a02": None}
    assert units["CĐCS A"]["total"] == round((86.7 + 40.0) / 2, 1)
    rows = {r["assignment"]: r for r in data.assignment_rows()}
    assert rows["a01"] == {
        "assignment": "a01",
        "graded": 3,
        "missing": 1,
        "mean": 4.67,
        "max": 10.0,
        "percent": 46.7,
    }
    assert rows["a02"]["graded"] == 2 and rows["a02"]["percent"] == 75.0


def test_console_summary_is_vietnamese_and_exact():
    assert summary_lines(_data()) == [
        "Báo cáo lớp hue-2026: 4 học viên, 2 bài.",
        "- a01: 3 bài đã chấm, điểm trung bình 4.67/10 (46.7%), 1 học viên chưa có điểm.",
        "- a02: 2 bài đã chấm, điểm trung bình 3.75/5 (75%), 2 học viên chưa có điểm.",
        "Theo đơn vị (tỉ lệ điểm trung bình trên tổng điểm):",
        "- (chưa ghi đơn vị): 1 học viên, 0%",
        "- CĐCS A: 2 học viên, 63.4%",
        "- CĐCS B: 1 học viên, 16.7%",
        "Nên dạy lại (mã kiểm tra nhiều học viên chưa đạt nhất):",
        "- a01 · a01_notice: 67% chưa đạt (2/3)",
        "- a02 · a02_table: 50% chưa đạt (1/2)",
    ]


def test_workbook_has_sheets_numbers_and_charts(tmp_path):
    path = write_xlsx(_data(), tmp_path / "bao_cao.xlsx")
    book = load_workbook(path)
    assert book.sheetnames == ["Học viên", "Đơn vị", "Bài tập", "Mã kiểm tra"]
    trainees = list(book["Học viên"].values)
    assert trainees[0][:5] == (
        "Mã học viên",
        "Họ tên",
        "Đơn vị",
        "a01 (điểm/10)",
        "a01: trạng thái",
    )
    assert trainees[1] == ("HV001", "Nguyễn Văn An", "CĐCS A", 8, "ok", 5, "ok", 13, 86.7)
    checks = list(book["Mã kiểm tra"].values)
    assert checks[1] == ("a01", "a01_notice", "thể thức thông báo", 2, 3, 66.7)
    with zipfile.ZipFile(path) as archive:
        charts = [n for n in archive.namelist() if n.startswith("xl/charts/chart")]
    assert len(charts) == 2


def _graded_cell(grade_id: str, checks: list[dict]) -> dict:
    from congdoan.grading.core import CHECKS_MIME

    return {
        "cell_type": "code", "execution_count": 1, "id": grade_id, "source": "",
        "metadata": {"nbgrader": {"grade": True, "grade_id": grade_id, "points": 4}},
        "outputs": [{"output_type": "display_data", "metadata": {},
                     "data": {CHECKS_MIME: {"checks": checks}, "text/plain": ""}}],
    }  # fmt: skip


def test_check_codes_are_read_from_the_autograded_notebooks(tmp_path):
    import json

    from congdoan.course.report import _code_stats

    class Course:
        def path(self, step, student, assignment):
            return tmp_path / step / student / assignment

    results = {
        "HV001": [{"code": "place_date", "ok": False}, {"code": "signature", "ok": True}],
        "HV002": [{"code": "place_date", "ok": False}, {"code": "signature", "ok": False}],
        "HV003": [{"code": "place_date", "ok": True}, {"code": "signature", "ok": True}],
    }
    for student, checks in results.items():
        folder = tmp_path / "autograded" / student / "a01"
        folder.mkdir(parents=True)
        notebook = {"nbformat": 4, "nbformat_minor": 5, "metadata": {},
                    "cells": [_graded_cell("a01_notice", checks)]}  # fmt: skip
        (folder / "a01.ipynb").write_text(json.dumps(notebook), encoding="utf-8")
    (tmp_path / "autograded" / "HV004" / "a01").mkdir(parents=True)
    (tmp_path / "autograded" / "HV004" / "a01" / "a01.ipynb").write_text("{not json")

    stats = {s.code: s for s in _code_stats(Course(), [("a01", s) for s in [*results, "HV004"]])}

    assert (stats["place_date"].failed, stats["place_date"].graded) == (2, 3)
    assert (stats["signature"].failed, stats["signature"].graded) == (1, 3)
    assert stats["place_date"].cell == "a01_notice"
    assert stats["place_date"].description == "địa danh và ngày tháng năm ban hành"
    assert stats["place_date"].label == "a01_notice · place_date"


def test_reteach_list_counts_only_codes_with_points_split_by_cell(tmp_path):
    import json

    from congdoan.course.report import _code_stats, describe_code

    class Course:
        def path(self, step, student, assignment):
            return tmp_path / step / student / assignment

    for student in ("HV001", "HV002"):
        folder = tmp_path / "autograded" / student / "a03"
        folder.mkdir(parents=True)
        cells = [
            _graded_cell("a03_facebook", [{"code": "emoji", "ok": False, "points": 0.0},
                                          {"code": "hook", "ok": False, "points": 1.0}]),
            _graded_cell("a03_zalo", [{"code": "hook", "ok": True, "points": 1.0}]),
        ]  # fmt: skip
        notebook = {"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": cells}
        (folder / "a03.ipynb").write_text(json.dumps(notebook), encoding="utf-8")

    stats = {s.label: s for s in _code_stats(Course(), [("a03", "HV001"), ("a03", "HV002")])}

    assert set(stats) == {"a03_facebook · hook", "a03_zalo · hook"}  # the reminder is gone
    assert stats["a03_facebook · hook"].failed == 2 and stats["a03_zalo · hook"].failed == 0
    assert describe_code("found_2") == "tìm ra lỗi sai được cài sẵn (mục 2)"
    assert describe_code("facebook_date_1") == "ngày tháng đúng với nhiệm vụ (mục 1)"
    assert "«zzz»" in describe_code("zzz")


def test_codes_lead_the_reteach_list_and_get_their_own_sheet(tmp_path):
    data = _data()
    data.codes = [CheckStat("a01", "place_date", "a01_notice", 0, graded=3, failed=3)]

    assert "place_date" in "\n".join(summary_lines(data))
    book = load_workbook(write_xlsx(data, tmp_path / "bao_cao.xlsx"))
    assert "Tiêu chí kiểm tra" in book.sheetnames and "Mã kiểm tra" in book.sheetnames


#: every code the six assignments' grading cells published for the reference and partial
#: answers (collected by running them; a06's cleaning codes come from its task checks)
PUBLISHED_CODES = (
    "aspect_ratio", "assignment", "audience", "body", "budget", "call_to_action", "claims",
    "colours", "columns", "content", "context", "contradicted", "date_1", "dates", "duration",
    "emoji", "end", "example", "extra_1", "facebook_date_1", "facebook_phrase_1", "format",
    "found_1", "found_2", "found_3", "hashtags", "hook", "implementation", "issuer", "length",
    "line_count", "line_length", "motto", "number", "numbering", "outdated", "outdated_unit",
    "owner_clash", "owners", "participants", "phrase_1", "phrase_2", "place_date",
    "placeholder", "privacy", "privacy_facebook", "privacy_zalo", "purpose", "reading_speed",
    "recipients", "role", "rows", "scene_length", "scenes", "screen_text", "script_date_1",
    "script_phrase_1", "signature", "signer_name", "style", "subject", "task", "text", "time_1",
    "time_venue", "times", "timing", "title", "tone", "total_stated", "union_identity", "unit",
    "unsourced", "venue_clash", "verify_facts", "words", "zalo_date_1", "zalo_phrase_1",
    "names", "phones", "ids", "units", "count", "members", "question_1", "question_2",
)  # fmt: skip


def test_every_published_code_has_a_vietnamese_description():
    from congdoan.course.report import describe_code

    generic = [code for code in PUBLISHED_CODES if "«" in describe_code(code)]
    assert generic == []
