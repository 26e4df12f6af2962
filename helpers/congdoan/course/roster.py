"""The class list (danh sách học viên): read CSV or Excel, check it, write the gradebook.

Columns (any order, headers with or without diacritics, NFC or NFD, any case):
``mã học viên``, ``họ tên``, ``đơn vị``, ``email`` (e-mail may be empty). CSV files
may start with a BOM, use ``;`` (Excel in Vietnamese/European locales) or ``,``, and
be UTF-8 or Windows-1258. Every problem is reported with its row number as Excel
shows it (the header is row 1), and nothing is written until the whole file is clean.

>>> fold("  Mã Học Viên ")
'ma hoc vien'
>>> split_name("Nguyễn Thị Thu Hà")
('Nguyễn Thị Thu', 'Hà')
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..i18n import msg
from ..text import fold as text_fold

__all__ = ["Trainee", "fold", "import_roster", "load_roster", "read_roster", "split_name"]

FIELDS = ("ma_hoc_vien", "ho_ten", "don_vi", "email")
_HEADERS = {
    "ma_hoc_vien": {"ma hoc vien", "ma hv", "mahv", "ma", "ma so", "ma so hoc vien", "id"},
    "ho_ten": {"ho ten", "ho va ten", "ho ten hoc vien", "ten hoc vien", "ho ten day du"},
    "don_vi": {"don vi", "don vi cong tac", "cong doan co so", "co quan", "noi cong tac"},
    "email": {"email", "e mail", "thu dien tu", "dia chi email"},
}
_REQUIRED = ("ma_hoc_vien", "ho_ten")
_STUDENT_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
MAX_LISTED = 20


def fold(text: object) -> str:
    """Lower case, no diacritics (đ → d), NFC/NFD alike, punctuation as single spaces."""
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text_fold(str(text or ""))).split())


def split_name(full_name: str) -> tuple[str, str]:
    """Vietnamese order: ``(họ và tên đệm, tên)``; the given name is the last word."""
    words = full_name.split()
    if len(words) <= 1:
        return "", full_name.strip()
    return " ".join(words[:-1]), words[-1]


@dataclass(frozen=True)
class Trainee:
    ma_hoc_vien: str
    ho_ten: str
    don_vi: str = ""
    email: str = ""

    @property
    def last_name(self) -> str:
        return split_name(self.ho_ten)[0]

    @property
    def first_name(self) -> str:
        return split_name(self.ho_ten)[1]


def read_roster(path: Path) -> list[Trainee]:
    """Parse and check a class list; raises :class:`InputError` listing every bad row."""
    if not path.is_file():
        raise InputError(msg("course.roster.no_file", path=path))
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        rows = _excel_rows(path)
    elif suffix in (".csv", ".txt"):
        rows = _csv_rows(path)
    else:
        raise InputError(msg("course.roster.bad_format", path=path.name))
    return _check_rows(rows, path.name)


def _excel_rows(path: Path) -> list[tuple[int, list[str]]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception:  # zip or XML errors from a file that is not really .xlsx
        raise InputError(msg("course.roster.unreadable", path=path.name)) from None
    try:
        sheet = workbook.worksheets[0]
        rows = []
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            rows.append((number, [_cell_text(v) for v in values]))
    finally:
        workbook.close()
    return rows


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # Excel stores 1001 as 1001.0
    return unicodedata.normalize("NFC", str(value)).strip()


def _csv_rows(path: Path) -> list[tuple[int, list[str]]]:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1258", errors="replace")  # "CSV" saved by Vietnamese Excel
    first = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = max((";", ",", "\t"), key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows = []
    for values in reader:
        rows.append((reader.line_num, [_cell_text(v) for v in values]))
    return rows


def _check_rows(rows: list[tuple[int, list[str]]], name: str) -> list[Trainee]:
    rows = [(n, values) for n, values in rows if any(v for v in values)]
    if not rows:
        raise InputError(msg("course.roster.empty", path=name))
    _, header = rows[0]
    columns: dict[str, int] = {}
    for index, title in enumerate(header):
        folded = fold(title)
        for field, names in _HEADERS.items():
            if folded in names and field not in columns:
                columns[field] = index
    missing = [msg(f"course.roster.column.{f}") for f in _REQUIRED if f not in columns]
    if missing:
        raise InputError(
            msg(
                "course.roster.missing_columns",
                path=name,
                missing=", ".join(missing),
                expected=", ".join(msg(f"course.roster.column.{f}") for f in FIELDS),
            )
        )

    problems: list[tuple[int, str]] = []
    trainees: list[Trainee] = []
    seen: dict[str, int] = {}
    for number, values in rows[1:]:

        def value(field: str, values=values) -> str:
            index = columns.get(field)
            return values[index].strip() if index is not None and index < len(values) else ""

        student_id = value("ma_hoc_vien")
        full_name = " ".join(value("ho_ten").split())
        email = value("email")
        if not student_id:
            problems.append((number, msg("course.roster.row_no_id", row=number)))
        elif not _STUDENT_ID.match(student_id):
            problems.append((number, msg("course.roster.row_bad_id", row=number, id=student_id)))
        elif student_id.lower() in seen:
            first = seen[student_id.lower()]
            problems.append(
                (number, msg("course.roster.row_duplicate", row=number, first=first, id=student_id))
            )
        else:
            seen[student_id.lower()] = number
        if not full_name:
            problems.append((number, msg("course.roster.row_no_name", row=number)))
        if email and not _EMAIL.match(email):
            problems.append((number, msg("course.roster.row_bad_email", row=number, email=email)))
        trainees.append(Trainee(student_id, full_name, value("don_vi"), email))

    if problems:
        problems.sort(key=lambda item: item[0])
        lines = [f"- {text}" for _, text in problems[:MAX_LISTED]]
        if len(problems) > MAX_LISTED:
            lines.append(msg("course.roster.more_problems", count=len(problems) - MAX_LISTED))
        head = msg("course.roster.problems", path=name, count=len(problems))
        raise InputError("\n".join([head, *lines]))
    if not trainees:
        raise InputError(msg("course.roster.empty", path=name))
    return trainees


def load_roster(course) -> list[Trainee]:
    """The course's saved roster (``danh_sach.csv``), or ``[]`` before the first import."""
    path = course.roster_file
    if not path.is_file():
        return []
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return [Trainee(**{f: row.get(f, "") for f in FIELDS}) for row in csv.DictReader(handle)]


def import_roster(course, path: Path) -> tuple[int, int]:
    """Add or update the trainees of ``path``; returns ``(added, updated)``.

    Trainees missing from the new file stay in the gradebook (removing them would
    delete their grades); the saved roster keeps them too.
    """
    from .gradebook import open_gradebook

    trainees = read_roster(path)
    existing = {t.ma_hoc_vien: t for t in load_roster(course)}
    added = updated = 0
    with open_gradebook(course) as gradebook:
        known = {s.id for s in gradebook.students}
        for trainee in trainees:
            if trainee.ma_hoc_vien in known or trainee.ma_hoc_vien in existing:
                updated += 1
            else:
                added += 1
            gradebook.update_or_create_student(
                trainee.ma_hoc_vien,
                first_name=trainee.first_name,
                last_name=trainee.last_name,
                email=trainee.email or None,
            )
            existing[trainee.ma_hoc_vien] = trainee
    _save_roster(course, list(existing.values()))
    return added, updated


def _save_roster(course, trainees: list[Trainee]) -> None:
    # UTF-8 with BOM so that Excel on Windows shows the diacritics when the trainer opens it
    temporary = course.roster_file.with_suffix(".tmp")
    with temporary.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(FIELDS)
        for t in sorted(trainees, key=lambda t: t.ma_hoc_vien):
            writer.writerow([t.ma_hoc_vien, t.ho_ten, t.don_vi, t.email])
    temporary.replace(course.roster_file)
    from .integrity import record

    record(course.root, ("danh_sach.csv",))
