"""The certificate of completion: made only when earned, with the outcomes and scores."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from docx import Document

from congdoan.certificate import certificate, eligible, outcomes
from congdoan.errors import InputError
from congdoan.progress import progress
from congdoan.syllabus import ASSIGNMENTS

ROOT = Path(__file__).resolve().parents[2]
FULL = {a.folder: (8.0, 10.0) for a in ASSIGNMENTS}


def _text(path: Path) -> str:
    return "\n".join(p.text for p in Document(str(path)).paragraphs)


def test_class_certificate_lists_outcomes_and_scores(tmp_path):
    path = certificate("Nguyễn Thị Lan", tmp_path / "lan", scores=FULL, unit="CĐCS Công ty May")
    assert path.suffix == ".docx"
    text = _text(path)
    assert "GIẤY CHỨNG NHẬN HOÀN THÀNH KHÓA HỌC" in text and "Nguyễn Thị Lan" in text
    assert all(outcome in text for outcome in outcomes()) and len(outcomes()) == 6
    assert "Bài tập 6. Dữ liệu đoàn viên: 8/10 điểm" in text
    section = Document(str(path)).sections[0]
    assert section.page_width > section.page_height  # landscape


@pytest.mark.parametrize(
    "scores, words",
    [
        ({k: v for k, v in FULL.items() if k != "a03_bai_dang"}, "a03_bai_dang"),
        ({a.folder: (2.0, 10.0) for a in ASSIGNMENTS}, "chưa đạt một nửa"),
        ({}, "a01_thong_bao"),
    ],
)
def test_no_certificate_before_it_is_earned(tmp_path, scores, words):
    assert eligible(scores)[0] is False
    with pytest.raises(InputError) as raised:
        certificate("Trần Văn Bình", tmp_path / "b.docx", scores=scores)
    assert words in str(raised.value)
    assert not (tmp_path / "b.docx").exists()


def test_exactly_half_passes():
    assert eligible({a.folder: (5.0, 10.0) for a in ASSIGNMENTS}) == (True, [])


def test_a_name_is_required(tmp_path):
    with pytest.raises(InputError, match="họ tên"):
        certificate("  ", tmp_path / "x.docx", scores=FULL)


def _filled_copy(tmp_path: Path) -> Path:
    """A course folder whose student versions have every answer cell filled in."""
    root = tmp_path / "khoa_hoc"
    (root / "modules").mkdir(parents=True)
    shutil.copytree(ROOT / "bai_tap_hoc_vien", root / "bai_tap_hoc_vien")
    for path in (root / "bai_tap_hoc_vien").glob("*/*.ipynb"):
        notebook = json.loads(path.read_text(encoding="utf-8"))
        for cell in notebook["cells"]:
            if cell.get("metadata", {}).get("nbgrader", {}).get("solution"):
                cell["source"] = 'tra_loi = "Bài làm của học viên"'
        path.write_text(json.dumps(notebook, ensure_ascii=False), encoding="utf-8")
    return root


def test_self_study_certificate_from_progress(tmp_path):
    blank = tmp_path / "trong"
    (blank / "modules").mkdir(parents=True)
    shutil.copytree(ROOT / "bai_tap_hoc_vien", blank / "bai_tap_hoc_vien")
    with pytest.raises(InputError, match="a01_thong_bao"):
        progress(blank).certificate("Lê Thị Hoa", tmp_path / "c.docx")

    root = _filled_copy(tmp_path)
    path = progress(root).certificate("Lê Thị Hoa", tmp_path / "c.docx")
    text = _text(path)
    assert "GIẤY XÁC NHẬN HOÀN THÀNH KHÓA TỰ HỌC" in text and "Lê Thị Hoa" in text
    assert "không thay cho kết quả chấm của giảng viên" in text


def test_progress_reads_the_student_versions_not_the_sources(tmp_path):
    """In a checkout, assignments/ holds filled-in sources: they are not the trainee's work."""
    root = tmp_path / "khoa_hoc"
    (root / "modules").mkdir(parents=True)
    shutil.copytree(ROOT / "assignments", root / "assignments")
    shutil.copytree(ROOT / "bai_tap_hoc_vien", root / "bai_tap_hoc_vien")
    table = progress(root)
    notebooks = table[table["loại"] == "bài tập"]["sổ tay"].tolist()
    assert notebooks and all(n.startswith("bai_tap_hoc_vien/") for n in notebooks)
    assert set(table[table["loại"] == "bài tập"]["trạng thái"]) == {"chưa làm"}


def test_class_certificates_from_the_trainers_report(tmp_path):
    """The report data's shape (course.report.ReportData): rows with scores per assignment."""
    from types import SimpleNamespace

    from congdoan.certificate import class_certificates

    maxima = {a.folder: 10.0 for a in ASSIGNMENTS}
    report = SimpleNamespace(
        max_scores=maxima,
        trainees=[
            {"id": "HV001", "name": "Nguyễn Thị Lan", "unit": "CĐCS May",
             "scores": dict.fromkeys(maxima, 7.0)},
            {"id": "HV002", "name": "Trần Văn Bình", "unit": "CĐCS May",
             "scores": {**dict.fromkeys(maxima, 9.0), "a05_thong_tin": None}},
        ],
    )  # fmt: skip
    written, missing = class_certificates(report, tmp_path, course_dates="14–15/4/2026")
    assert [p.name for p in written] == ["HV001.docx"]
    assert "Thời gian học: 14–15/4/2026" in _text(written[0])
    assert list(missing) == ["HV002"] and "a05_thong_tin" in missing["HV002"][0]
