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
