"""Build classes for the trainer-tool tests and the benchmark: assignments, rosters, work.

``tiny_assignment`` is an nbgrader source notebook made in code (the style guide's
"cells built in code"): one answer cell, two test cells (one with a hidden test), an
``ask()`` call that must be replayed while grading. ``submission`` turns the released
notebook into a trainee's work: correct, partial, empty or one of the pathological
kinds the autograder must survive.
"""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

TINY = "t01_mau"
TINY_MAX = 5.0

SETUP = "from congdoan import ask"
ANSWER = """### BEGIN SOLUTION
tra_loi = ask("Soạn lời chào hội nghị công đoàn", provider="openai")
LOI_CHAO = "Kính gửi các đồng chí"
SO_NGUOI = 25
### END SOLUTION"""
TEST_GREETING = """# Kiểm tra: lời chào có "Kính gửi"
diem = 2 if "Kính gửi" in LOI_CHAO else 0
print("Lời chào:", "đạt" if diem else "chưa đạt")
diem"""
TEST_COUNT = """# Kiểm tra: số người tham dự
assert isinstance(SO_NGUOI, int), "SO_NGUOI phải là số nguyên"
### BEGIN HIDDEN TESTS
assert SO_NGUOI == 25, "số người tham dự chưa đúng với kế hoạch"
### END HIDDEN TESTS"""
HIDDEN_LINE = 'assert SO_NGUOI == 25, "số người tham dự chưa đúng với kế hoạch"'


def _meta(grade_id: str, *, grade: bool, solution: bool, locked: bool, points: float = 0):
    meta = {
        "grade": grade,
        "grade_id": grade_id,
        "locked": locked,
        "schema_version": 3,
        "solution": solution,
    }
    if grade:
        meta["points"] = points
    return {"nbgrader": meta}


def tiny_assignment(folder: Path, name: str = TINY) -> Path:
    """Write ``folder/name/name.ipynb`` (nbgrader source format); returns the notebook."""
    nb = new_notebook(
        metadata={
            "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
            "language_info": {"name": "python"},
        }
    )
    nb.cells = [
        new_markdown_cell("# Bài mẫu: lời chào và số người tham dự"),
        new_code_cell(SETUP, metadata=_meta("cai_dat", grade=False, solution=False, locked=True)),
        new_code_cell(ANSWER, metadata=_meta("tra_loi", grade=False, solution=True, locked=False)),
        new_code_cell(
            TEST_GREETING,
            metadata=_meta("kiem_tra_loi_chao", grade=True, solution=False, locked=True, points=2),
        ),
        new_code_cell(
            TEST_COUNT,
            metadata=_meta("kiem_tra_so_nguoi", grade=True, solution=False, locked=True, points=3),
        ),
    ]
    path = folder / name / f"{name}.ipynb"
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, path)
    return path


#: kind -> (answer cell source, expected score) for the tiny assignment
ANSWERS = {
    "correct": ('LOI_CHAO = "Kính gửi các đồng chí"\nSO_NGUOI = 25', 5.0),
    "partial": ('LOI_CHAO = "Chào mọi người"\nSO_NGUOI = 25', 3.0),
    "wrong_hidden": ('LOI_CHAO = "Kính gửi Ban Chấp hành"\nSO_NGUOI = 30', 2.0),
    "empty": (None, 0.0),  # the released stub, untouched
    "syntax": ('LOI_CHAO = "Kính gửi các đồng chí"\nSO_NGUOI = (25', 0.0),
    "loop": ('LOI_CHAO = "Kính gửi các đồng chí"\nwhile True:\n    pass', 0.0),
    "huge": ('LOI_CHAO = "Kính gửi"\nSO_NGUOI = 25\nfor i in range(20000):\n    print(i)', 5.0),
    "stubborn_loop": (
        "import signal, time\nsignal.signal(signal.SIGINT, signal.SIG_IGN)\n"
        "while True:\n    time.sleep(0.01)",
        0.0,
    ),
}


def released(course_root: Path, name: str = TINY) -> dict:
    """The released (trainee) version of the assignment's single notebook, as JSON."""
    folder = course_root / "release" / name
    path = next(folder.glob("*.ipynb"))
    return json.loads(path.read_text(encoding="utf-8"))


def _cells(nb: dict):
    for index, cell in enumerate(nb["cells"]):
        yield index, cell, cell.get("metadata", {}).get("nbgrader", {})


def submission(base: dict, kind: str, *, answers: dict | None = None) -> dict:
    """A trainee's notebook of ``kind`` made from the released notebook ``base``.

    Kinds: those of ``answers`` (default :data:`ANSWERS`), plus ``tampered`` (correct
    answer, and the first test cell rewritten to always give full points) and
    ``no_answer_cell`` (the answer cell deleted).
    """
    answers = answers or {k: v[0] for k, v in ANSWERS.items()}
    nb = json.loads(json.dumps(base))
    if kind == "no_answer_cell":
        nb["cells"] = [c for _, c, meta in _cells(nb) if not meta.get("solution")]
        return nb
    text = answers["correct" if kind == "tampered" else kind]
    for _, cell, meta in _cells(nb):
        if meta.get("solution") and text is not None:
            cell["source"] = text
    if kind == "tampered":
        for _, cell, meta in _cells(nb):
            if meta.get("grade") and not meta.get("solution"):
                cell["source"] = "# sửa ô kiểm tra\n" + str(meta.get("points", 1))
                break
    return nb


def dump(nb: dict) -> str:
    return json.dumps(nb, ensure_ascii=False, indent=1)


def roster_csv(path: Path, people: list[tuple[str, str, str, str]], sep: str = ",") -> Path:
    lines = [sep.join(["Mã học viên", "Họ tên", "Đơn vị", "Email"])]
    lines += [sep.join(p) for p in people]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")
    return path


FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Võ", "Đặng", "Bùi"]
MIDDLE = ["Văn", "Thị", "Hữu", "Ngọc", "Minh", "Thu", "Đức", "Thanh"]
GIVEN = ["An", "Bình", "Chi", "Dũng", "Hà", "Hùng", "Lan", "Mai", "Nam", "Phúc", "Quân", "Sơn"]
UNITS = [
    "CĐCS Công ty Dệt may Huế",
    "CĐCS Bệnh viện Trung ương Huế",
    "CĐCS Trường THPT Hai Bà Trưng",
]


def people(count: int) -> list[tuple[str, str, str, str]]:
    """``count`` distinct synthetic trainees: (id, full name, unit, email)."""
    out = []
    for i in range(count):
        name = f"{FAMILY[i % 10]} {MIDDLE[(i // 10) % 8]} {GIVEN[(i * 7) % 12]}"
        if any(p[1] == name for p in out):
            name = f"{name} {GIVEN[(i // 12) % 12]}"
        out.append((f"HV{i + 1:03d}", name, UNITS[i % 3], f"hv{i + 1:03d}@congdoanhue.vn"))
    return out


def answer_sources_from_readme(readme: Path) -> dict:
    """Placeholder for the real assignments' documented answers (see assignments/README.md)."""
    text = readme.read_text(encoding="utf-8") if readme.is_file() else ""
    return {"names": re.findall(r"`(a\d\d_[a-z_]+)`", text)}


def fold_name(name: str) -> str:
    """``Nguyễn Văn An`` -> ``Nguyen Van An`` (a file name typed without diacritics)."""
    from congdoan.course.roster import fold

    return " ".join(word.capitalize() for word in fold(name).split())


def grade_rows(root: Path) -> dict[tuple[str, str], tuple]:
    """(student, cell) -> (auto, manual, extra credit, needs manual grade), straight from SQLite."""
    connection = sqlite3.connect(root / "gradebook.db")
    try:
        rows = connection.execute(
            "SELECT sa.student_id, bc.name, g.auto_score, g.manual_score, g.extra_credit,"
            " g.needs_manual_grade"
            " FROM grade g JOIN submitted_notebook sn ON g.notebook_id = sn.id"
            " JOIN submitted_assignment sa ON sn.assignment_id = sa.id"
            " JOIN base_cell bc ON g.cell_id = bc.id"
        ).fetchall()
    finally:
        connection.close()
    return {(r[0], r[1]): (r[2], r[3], r[4], bool(r[5])) for r in rows}
