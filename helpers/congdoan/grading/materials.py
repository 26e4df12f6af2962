"""Public texts of assignments a04-a06 (everything invented for the course).

* a04: the event the video announces (:data:`SPORTS_DAY`, "Hội thao công nhân").
* a05: the two sources the trainee trusts (:data:`A05_SOURCES`) and the AI answer with
  three planted errors (:data:`A05_AI_ANSWER`).
* a06: the canonical union groups (:data:`A06_UNITS`). The data files are
  ``assignments/a06_du_lieu_thanh_vien/danh_sach_doan_vien.csv`` and
  ``khao_sat_bua_an_ca.csv``.

The answer keys (which errors are planted, the member list CCCD → name, the survey
counts) are not here: a trainee can import this module. They live with the assignments
and are read by the grader only (:mod:`congdoan.grading.keys`).

The notebook of a05 shows the same texts in markdown, and imports them from here for
:func:`congdoan.facts.verify`, so the trainee checks exactly what is graded.
"""

from __future__ import annotations

import datetime as dt

__all__ = ["A05_AI_ANSWER", "A05_SOURCES", "A06_UNITS", "SPORTS_DAY"]

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

# --------------------------------------------------------------------------- a06

A06_UNITS = ("Tổ May 1", "Tổ May 2", "Tổ Cắt", "Tổ Hoàn thiện", "Tổ Văn phòng")
