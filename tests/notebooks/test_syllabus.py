"""One place for durations: the course map, every lesson, the syllabus and the timetable
agree with ``congdoan.syllabus``, and the two days fit with every topic practised."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

from congdoan import syllabus

ROOT = Path(__file__).resolve().parents[2]
MAP = ROOT / "modules" / "00_bat_dau" / "00_bat_dau.ipynb"


def _markdown(path: Path) -> str:
    notebook = nbformat.read(path, as_version=4)
    return "\n".join(c.source for c in notebook.cells if c.cell_type == "markdown")


@pytest.mark.parametrize("lesson", syllabus.LESSONS, ids=lambda item: item.folder)
def test_lesson_states_its_duration_from_the_syllabus(lesson):
    path = ROOT / lesson.notebook
    first = re.search(r"khoảng (\d+) phút", _markdown(path))
    assert first and int(first[1]) == lesson.minutes, (lesson.folder, first and first[0])


def test_course_map_durations_and_assignments_come_from_the_syllabus():
    text = _markdown(MAP)
    for lesson in syllabus.LESSONS:
        row = next(
            line
            for line in text.splitlines()
            if f"| **Bài {lesson.number}. " in line or f"| [Bài {lesson.number}. " in line
        )
        assert row.rstrip().endswith(f"| {lesson.minutes} phút |"), row
    for item in syllabus.ASSIGNMENTS:
        row = next(line for line in text.splitlines() if f"(`{item.folder}`)" in line)
        assert row.rstrip().endswith(f"| Bài {item.after_lesson} |"), row


def test_timetable_file_holds_the_rendered_schedule():
    text = (ROOT / "course" / "thoi_khoa_bieu.md").read_text(encoding="utf-8")
    assert syllabus.timetable_markdown() in text


def test_syllabus_document_lists_the_same_minutes():
    text = (ROOT / "course" / "de_cuong.md").read_text(encoding="utf-8")
    for lesson in syllabus.LESSONS:
        row = re.search(rf"^\| {lesson.number:02d} \| .* \| (\d+) \|", text, re.MULTILINE)
        assert row and int(row[1]) == lesson.minutes, lesson.folder


def test_two_days_fit_and_place_everything_once_in_order():
    mornings_and_afternoons = syllabus.minutes_per_half_day()
    assert all(m <= 240 for m in mornings_and_afternoons[0::2])  # 7h30-11h30
    assert all(m <= 210 for m in mornings_and_afternoons[1::2])  # 13h30-17h00
    placed = [slot.what for _, _, slots in syllabus.DAYS for slot in slots]
    lessons = [int(w.split(":")[1]) for w in placed if w.startswith("lesson:")]
    assert lessons == [lesson.number for lesson in syllabus.LESSONS]
    for item in syllabus.ASSIGNMENTS:
        position = placed.index(f"assignment:{item.folder[:3]}")
        assert placed.index(f"lesson:{item.after_lesson:02d}") < position
    for lesson, slot in zip(
        syllabus.LESSONS,
        [s for _, _, ss in syllabus.DAYS for s in ss if s.what.startswith("lesson:")],
        strict=True,
    ):
        assert slot.minutes == lesson.minutes


def test_all_seven_promised_topics_are_practised_in_class():
    topics = {t for item in syllabus.ASSIGNMENTS for t in item.topics}
    assert {"văn bản", "thông tin", "bài đăng", "hình ảnh", "video", "sự kiện"} <= topics
    assert any("mã QR" in t for t in topics)
    for item in syllabus.ASSIGNMENTS:
        assert (ROOT / "assignments" / item.folder).is_dir()
    for lesson in syllabus.LESSONS:
        assert (ROOT / lesson.notebook).is_file()
