"""`congdoan course roster import`: CSV and Excel, headers in any form, exact errors."""

from __future__ import annotations

import csv
import unicodedata

from openpyxl import Workbook

from congdoan.cli import cli
from congdoan.course.coursedir import Course
from congdoan.course.gradebook import open_gradebook
from congdoan.course.roster import fold, split_name
from tests.course.conftest import invoke


def _xlsx(path, rows):
    book = Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def test_fold_and_vietnamese_name_split():
    assert (
        fold("  Mã Học Viên ") == fold(unicodedata.normalize("NFD", "MÃ HỌC VIÊN")) == "ma hoc vien"
    )
    assert fold("Đơn vị") == "don vi"
    assert split_name("Nguyễn Thị Thu Hà") == ("Nguyễn Thị Thu", "Hà")
    assert split_name("Hà") == ("", "Hà")


def test_csv_with_semicolons_bom_and_nfd_headers_without_diacritics(tiny_course, runner, tmp_path):
    header = unicodedata.normalize("NFD", "Mã học viên;HO TEN;don vi;E-mail")
    rows = [
        header,
        "HV001;Nguyễn Văn An;CĐCS Công ty Dệt may Huế;an@congdoanhue.vn",
        ";;;",  # blank rows are skipped
        "HV002;  Trần   Thị Bình ;CĐCS Bệnh viện Trung ương Huế;",
    ]
    path = tmp_path / "ds.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8-sig")

    result = invoke(runner, tiny_course, "roster", "import", str(path))

    assert result.exit_code == 0, result.output
    assert result.output == (
        "Đã nhập danh sách: 2 học viên mới, 0 học viên cập nhật. "
        f"Đơn vị lưu ở {tiny_course / 'danh_sach.csv'}.\n"
    )
    with open_gradebook(Course(tiny_course)) as gradebook:
        student = gradebook.find_student("HV002")
        assert (student.last_name, student.first_name, student.email) == ("Trần Thị", "Bình", None)
        assert gradebook.find_student("HV001").email == "an@congdoanhue.vn"
    with (tiny_course / "danh_sach.csv").open(encoding="utf-8-sig") as handle:
        saved = list(csv.DictReader(handle))
    assert saved[1]["don_vi"] == "CĐCS Bệnh viện Trung ương Huế"

    again = invoke(runner, tiny_course, "roster", "import", str(path))
    assert "0 học viên mới, 2 học viên cập nhật" in again.output


def test_excel_errors_name_every_bad_row(tiny_course, runner, tmp_path):
    path = _xlsx(
        tmp_path / "ds.xlsx",
        [
            ["Mã HV", "Họ và tên", "Đơn vị", "Email"],
            ["HV001", "Nguyễn Văn An", "CĐCS A", "an@x.vn"],
            [None, "Lê Thị Cúc", "CĐCS A", None],
            ["HV003", None, "CĐCS B", "sai-email@"],
            ["HV001", "Phạm Văn Dũng", "CĐCS B", None],
            ["HV 05", "Võ Văn Em", "CĐCS B", None],
            [1006.0, "Hồ Thị Gấm", "CĐCS C", None],
        ],
    )

    result = invoke(runner, tiny_course, "roster", "import", str(path))

    assert result.exit_code == 1
    assert result.output == (
        "Lỗi: Danh sách ds.xlsx có 5 lỗi, chưa nhập học viên nào:\n"
        "- Dòng 3: thiếu mã học viên.\n"
        "- Dòng 4: thiếu họ tên.\n"
        "- Dòng 4: email 'sai-email@' không hợp lệ.\n"
        "- Dòng 5: mã học viên 'HV001' trùng với dòng 2.\n"
        "- Dòng 6: mã học viên 'HV 05' chỉ được gồm chữ không dấu, số, '-', '_' hoặc '.'.\n"
    )
    assert "Traceback" not in result.output
    with open_gradebook(Course(tiny_course)) as gradebook:
        assert gradebook.students == []  # nothing written from a bad file


def test_excel_numbers_become_ids(tiny_course, runner, tmp_path):
    path = _xlsx(tmp_path / "ds.xlsx", [["ma hoc vien", "ho ten"], [1006.0, "Hồ Thị Gấm"]])
    result = invoke(runner, tiny_course, "roster", "import", str(path))
    assert result.exit_code == 0, result.output
    with open_gradebook(Course(tiny_course)) as gradebook:
        assert gradebook.find_student("1006").first_name == "Gấm"


def test_missing_columns_and_wrong_format(tiny_course, runner, tmp_path):
    path = tmp_path / "ds.csv"
    path.write_text("Tên,Email\nAn,an@x.vn\n", encoding="utf-8")
    result = invoke(runner, tiny_course, "roster", "import", str(path))
    assert result.exit_code == 1
    assert result.output == (
        "Lỗi: Tệp ds.csv thiếu cột: mã học viên, họ tên. "
        "Các cột cần có: mã học viên, họ tên, đơn vị, email.\n"
    )

    other = tmp_path / "ds.pdf"
    other.write_bytes(b"%PDF")
    result = invoke(runner, tiny_course, "roster", "import", str(other))
    assert result.output == (
        "Lỗi: Tệp ds.pdf không phải CSV hay Excel (.xlsx). "
        "Hãy lưu danh sách dưới dạng .xlsx hoặc .csv.\n"
    )


def test_no_course_folder_is_a_clear_error(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(cli, ["course", "roster", "import", "ds.csv"])
    assert result.exit_code == 1
    assert result.output.startswith("Lỗi: Không tìm thấy thư mục lớp học")
    assert "Traceback" not in result.output


def test_english_messages(tiny_course, runner, tmp_path):
    path = tmp_path / "ds.csv"
    path.write_text("Mã học viên,Họ tên\n,An\n", encoding="utf-8")

    result = runner.invoke(
        cli, ["--lang", "en", "course", "-C", str(tiny_course), "roster", "import", str(path)]
    )
    assert result.output == (
        "Error: Roster ds.csv has 1 problems; no trainee was imported:\n"
        "- Row 2: the trainee id is missing.\n"
    )
