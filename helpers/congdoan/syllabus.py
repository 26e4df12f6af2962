"""The course's plan in one place: lessons, their durations, assignments and the two days.

The course map (lesson 00), every lesson's "Thời gian: khoảng N phút", the syllabus
(``course/de_cuong.md``) and the timetable (``course/thoi_khoa_bieu.md``, whose
schedule table is rendered by :func:`timetable_markdown`) all take their durations
from here; ``tests/notebooks/test_syllabus.py`` fails when one of them disagrees.

Two days of 7 hours (7h30–11h30, 13h30–17h00) for about 100 trainees in three rooms
of 33–34 (rooms of 25–50 work the same way), one trainer and one assistant a room,
the same timetable in every room. Every topic of the course's promise is practised in
class: documents, information, posts, images, video, events, forms and QR codes.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "ASSIGNMENTS",
    "DAYS",
    "LESSONS",
    "Assignment",
    "Lesson",
    "Slot",
    "lesson",
    "timetable_markdown",
]


@dataclass(frozen=True)
class Lesson:
    """A lesson notebook: its number, its folder under ``modules/``, its title, its minutes."""

    number: int
    folder: str
    title: str
    minutes: int

    @property
    def notebook(self) -> str:
        return f"modules/{self.folder}/{self.folder}.ipynb"


@dataclass(frozen=True)
class Assignment:
    """An nbgrader assignment (folder ``aNN_...``), practised after lesson ``after_lesson``."""

    folder: str
    title: str
    after_lesson: int
    minutes: int
    topics: tuple[str, ...]

    @property
    def number(self) -> int:
        return int(self.folder[1:3])


@dataclass(frozen=True)
class Slot:
    """One row of a day's timetable: how long it lasts and what fills it."""

    minutes: int
    what: str  # "lesson:NN", "assignment:aNN" or free text (break, opening...)


LESSONS = (
    Lesson(0, "00_bat_dau", "Bắt đầu", 15),
    Lesson(1, "01_chatgpt", "ChatGPT", 60),
    Lesson(2, "02_gemini", "Gemini", 60),
    Lesson(3, "03_copilot", "Copilot", 30),
    Lesson(4, "04_deepseek", "DeepSeek", 30),
    Lesson(5, "05_so_sanh", "So sánh", 45),
    Lesson(6, "06_tuyen_truyen", "Tuyên truyền", 45),
    Lesson(7, "07_hinh_anh", "Hình ảnh", 45),
    Lesson(8, "08_video", "Video ngắn", 45),
    Lesson(9, "09_su_kien", "Tổ chức sự kiện", 45),
    Lesson(10, "10_van_ban", "Văn bản", 45),
    Lesson(11, "11_thong_tin", "Thông tin", 30),
    Lesson(12, "12_bieu_mau_qr", "Biểu mẫu và mã QR", 45),
    Lesson(13, "13_an_toan", "An toàn", 30),
    Lesson(14, "14_tu_hoc", "Tự học", 15),
)

ASSIGNMENTS = (
    Assignment("a01_thong_bao", "Soạn thông báo", 1, 30, ("văn bản",)),
    Assignment("a02_ke_hoach", "Lập kế hoạch", 5, 30, ("văn bản", "sự kiện")),
    Assignment("a03_bai_dang", "Bài đăng", 6, 30, ("bài đăng",)),
    Assignment("a04_hinh_anh_video", "Ảnh và video", 8, 30, ("hình ảnh", "video")),
    Assignment("a05_thong_tin", "Kiểm tra thông tin", 11, 30, ("thông tin",)),
    Assignment("a06_du_lieu_thanh_vien", "Dữ liệu đoàn viên", 12, 30, ("biểu mẫu, mã QR",)),
)

_BREAK = "Giải lao"
#: Each half-day: (day, start "HhMM", slots in order).
DAYS = (
    (1, "7h30", (
        Slot(15, "Khai giảng, điểm danh, phát tài khoản"), Slot(15, "lesson:00"),
        Slot(60, "lesson:01"), Slot(15, _BREAK), Slot(30, "assignment:a01"),
        Slot(60, "lesson:02"), Slot(30, "lesson:03"),
    )),
    (1, "13h30", (
        Slot(30, "lesson:04"), Slot(45, "lesson:05"), Slot(30, "assignment:a02"),
        Slot(15, _BREAK), Slot(45, "lesson:06"), Slot(30, "assignment:a03"),
        Slot(15, "Chữa bài tập 1–3 theo báo cáo của lớp"),
    )),
    (2, "7h30", (
        Slot(15, "Trả phản hồi bài tập 1–3"), Slot(45, "lesson:07"), Slot(45, "lesson:08"),
        Slot(15, _BREAK), Slot(30, "assignment:a04"), Slot(45, "lesson:09"),
        Slot(45, "lesson:10"),
    )),
    (2, "13h30", (
        Slot(30, "lesson:11"), Slot(30, "assignment:a05"), Slot(45, "lesson:12"),
        Slot(15, _BREAK), Slot(30, "assignment:a06"), Slot(30, "lesson:13"),
        Slot(15, "lesson:14"), Slot(15, "Bế giảng, trao giấy chứng nhận hoàn thành"),
    )),
)  # fmt: skip


def lesson(number: int) -> Lesson:
    """The lesson with this number."""
    return next(item for item in LESSONS if item.number == number)


def assignment(folder_or_id: str) -> Assignment:
    """The assignment ``a01`` or ``a01_thong_bao``."""
    return next(a for a in ASSIGNMENTS if a.folder.startswith(folder_or_id))


def _label(what: str) -> str:
    kind, _, key = what.partition(":")
    if kind == "lesson":
        item = lesson(int(key))
        return f"**Bài {item.number}. {item.title}** (thực hành trên máy)"
    if kind == "assignment":
        item = assignment(key)
        return f"**Bài tập {item.number}. {item.title}** (`{item.folder}`, làm và tự kiểm tra)"
    return what


def _clock(start: str, minutes: int) -> str:
    hours, mins = (int(part) for part in start.split("h"))
    total = hours * 60 + mins + minutes
    return f"{total // 60}h{total % 60:02d}"


def timetable_markdown() -> str:
    """The schedule tables of ``course/thoi_khoa_bieu.md``, rendered from :data:`DAYS`."""
    lines: list[str] = []
    for day in sorted({d for d, _, _ in DAYS}):
        lines += [f"### Ngày {day}", "", "| giờ | phút | nội dung |", "|---|---|---|"]
        for _, start, slots in (entry for entry in DAYS if entry[0] == day):
            elapsed = 0
            for slot in slots:
                begin, end = _clock(start, elapsed), _clock(start, elapsed + slot.minutes)
                lines.append(f"| {begin} – {end} | {slot.minutes} | {_label(slot.what)} |")
                elapsed += slot.minutes
            if start == "7h30":
                lines.append(f"| {_clock(start, 240)} – 13h30 | | Nghỉ trưa |")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def minutes_per_half_day() -> list[int]:
    """Minutes each half-day holds (the timetable must fit 240 and 210)."""
    return [sum(slot.minutes for slot in slots) for _, _, slots in DAYS]
