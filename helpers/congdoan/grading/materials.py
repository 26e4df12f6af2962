"""Texts and answer keys of assignments a04-a06 (everything invented for the course).

* a04: the event the video announces (:data:`SPORTS_DAY`, "Hội thao công nhân").
* a05: the two sources the trainee trusts (:data:`A05_SOURCES`), the AI answer with three
  planted errors (:data:`A05_AI_ANSWER`) and a test per error (:data:`A05_ERRORS`).
* a06: the canonical union groups (:data:`A06_UNITS`), the members left after removing
  repeated rows (:data:`A06_MEMBERS`, CCCD → name) and the survey counts once the repeated
  submission is dropped (:data:`A06_SURVEY`). The data files are
  ``assignments/a06_du_lieu_thanh_vien/danh_sach_doan_vien.csv`` and
  ``khao_sat_bua_an_ca.csv``; ``tests/grading`` checks that these keys match them.

The notebook of a05 shows the same texts in markdown, and imports them from here for
:func:`congdoan.facts.verify`, so the trainee checks exactly what is graded.
"""

from __future__ import annotations

import datetime as dt
import re

from ..text import find_dates, normalize, strip_diacritics

__all__ = [
    "A05_AI_ANSWER",
    "A05_ERRORS",
    "A05_REPORT_DEADLINE",
    "A05_SOURCES",
    "A06_MEMBERS",
    "A06_SURVEY",
    "A06_UNITS",
    "SPORTS_DAY",
]

YEAR = 2026

# --------------------------------------------------------------------------- a04

SPORTS_DAY = dt.date(YEAR, 5, 9)  # Hội thao công nhân, sân thể thao Công ty

# --------------------------------------------------------------------------- a05

A05_SOURCES: dict[str, str] = {
    "Kế hoạch của LĐLĐ thành phố Huế": (
        "Liên đoàn Lao động thành phố Huế tổ chức Lễ phát động Tháng Công nhân năm 2026 "
        "lúc 7h30 ngày 03/5/2026 tại Nhà Văn hóa Lao động thành phố Huế.\n"
        "Dịp này, Liên đoàn Lao động thành phố Huế trao 300 suất quà cho đoàn viên có hoàn "
        "cảnh khó khăn, mỗi suất trị giá 1.000.000 đồng.\n"
        "Các công đoàn cơ sở tổ chức đối thoại với người sử dụng lao động trong tháng 5/2026.\n"
        "Các công đoàn cơ sở gửi báo cáo kết quả Tháng Công nhân về Liên đoàn Lao động "
        "thành phố Huế trước ngày 10/6/2026."
    ),
    "Thông báo của CĐCS Công ty TNHH May Sông Hương": (
        "Công đoàn cơ sở Công ty TNHH May Sông Hương tổ chức Lễ phát động Tháng Công nhân "
        "năm 2026 lúc 7h30 ngày 04/5/2026 tại Hội trường Công ty.\n"
        "Hội thao công nhân diễn ra ngày 09/5/2026 tại sân thể thao Công ty."
    ),
}

A05_AI_ANSWER = (
    "1. Liên đoàn Lao động tỉnh Thừa Thiên Huế tổ chức Lễ phát động Tháng Công nhân năm 2026 "
    "lúc 7h30 ngày 03/5/2026 tại Nhà Văn hóa Lao động.\n"
    "2. Dịp này, Liên đoàn Lao động trao 500 suất quà cho đoàn viên có hoàn cảnh khó khăn, "
    "mỗi suất trị giá 1.000.000 đồng.\n"
    "3. Công đoàn cơ sở Công ty TNHH May Sông Hương tổ chức Lễ phát động lúc 7h30 ngày "
    "04/5/2026 tại Hội trường Công ty.\n"
    "4. Các công đoàn cơ sở tổ chức đối thoại với người sử dụng lao động trong tháng 5/2026.\n"
    "5. Các công đoàn cơ sở gửi báo cáo kết quả Tháng Công nhân trước ngày 15/6/2026."
)

A05_REPORT_DEADLINE = dt.date(YEAR, 6, 10)
_WRONG_DEADLINE = dt.date(YEAR, 6, 15)
_WRONG_COUNT = 500


def _folded(text: str) -> str:
    return " ".join(strip_diacritics(normalize(text)).lower().split())


def _old_unit(entry: str) -> bool:
    """The abolished province named as the federation's unit: ``tỉnh Thừa Thiên Huế``."""
    folded = _folded(entry)
    return "thua thien" in folded or re.search(r"\btt\s*-?\s*hue\b", folded) is not None


def _changed_number(entry: str) -> bool:
    """The number of gifts as the AI changed it: ``500`` (the plan says 300)."""
    numbers = re.findall(r"(?<![\d/])\d[\d.]*(?![\d/])", entry)
    return any(n.replace(".", "").isdigit() and int(n.replace(".", "")) == _WRONG_COUNT
               for n in numbers)  # fmt: skip


def _wrong_date(entry: str) -> bool:
    """The report deadline as the AI moved it: ``15/6/2026`` (the plan says 10/6/2026)."""
    return any(span.value == _WRONG_DEADLINE for span in find_dates(entry, default_year=YEAR))


#: One test per planted error, in the order they appear in the AI answer.
A05_ERRORS = (_old_unit, _changed_number, _wrong_date)

# --------------------------------------------------------------------------- a06

A06_UNITS = ("Tổ May 1", "Tổ May 2", "Tổ Cắt", "Tổ Hoàn thiện", "Tổ Văn phòng")

#: The members once repeated rows are removed: CCCD → name (17 people, all invented).
A06_MEMBERS: dict[str, str] = {
    "046185001234": "Nguyễn Thị Hoa",
    "046087002345": "Trần Văn Minh",
    "046190003456": "Lê Thị Thu Hà",
    "046088004567": "Phạm Văn Đức",
    "046192005678": "Hoàng Thị Lan",
    "046085006789": "Võ Văn Hùng",
    "046195007890": "Đặng Thị Mai",
    "046090008901": "Bùi Văn Nam",
    "046198009012": "Ngô Thị Bích Ngọc",
    "046201010123": "Dương Văn Tài",
    "046193011234": "Lý Thị Kim Oanh",
    "046086012345": "Trương Văn Phúc",
    "046300013456": "Phan Thị Hồng Nhung",
    "046089014567": "Huỳnh Văn Quang",
    "046191015678": "Đỗ Thị Thanh Tâm",
    "046084016789": "Hồ Văn Sơn",
    "046196017890": "Tôn Nữ Thu Trang",
}

#: Respondents per answer once the repeated submission is dropped (the last one kept).
A06_SURVEY: dict[str, dict[str, int]] = {
    "Câu 1": {"Hài lòng": 6, "Bình thường": 5, "Chưa hài lòng": 2, "Rất hài lòng": 2},
    "Câu 2": {
        "Bữa cơm Công đoàn": 10,
        "Tập huấn an toàn lao động": 8,
        "Hội thao công nhân": 6,
        "Đối thoại với Ban Giám đốc": 5,
    },
}
