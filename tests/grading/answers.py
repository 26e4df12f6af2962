"""Answers for the assignments: reference (full marks), partial, empty and broken.

The nbgrader tests put these into the released notebooks as a trainee would; the
trainer tools' class test may import them to build synthetic trainees. Each variant
maps an answer cell's ``grade_id`` to the source a trainee would leave in it; a cell
not listed keeps what the released notebook has. :data:`EXPECTED` gives the exact
autograded points per grade cell (documented in ``assignments/README.md``).
"""

from __future__ import annotations

from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[2]
ASSIGNMENTS = ROOT / "assignments"
NAMES = (
    "a01_thong_bao",
    "a02_ke_hoach",
    "a03_bai_dang",
    "a04_hinh_anh_video",
    "a05_thong_tin",
    "a06_du_lieu_thanh_vien",
)
_MARKERS = ("### BEGIN SOLUTION", "### END SOLUTION")


def source_notebook(name: str) -> nbformat.NotebookNode:
    return nbformat.read(ASSIGNMENTS / name / f"{name}.ipynb", as_version=4)


def reference(name: str) -> dict[str, str]:
    """The source notebook's answer cells (markers dropped) and manual answers."""
    cells = {}
    for cell in source_notebook(name).cells:
        meta = cell.metadata.get("nbgrader", {})
        if cell.cell_type == "markdown" and meta.get("solution"):
            # nbgrader scores an answer identical to the source cell as "not answered" (0)
            cells[meta["grade_id"]] = cell.source + "\n\n(Bài làm của học viên.)"
        elif cell.cell_type == "code" and meta.get("solution"):
            lines = [line for line in cell.source.splitlines() if line.strip() not in _MARKERS]
            cells[meta["grade_id"]] = "\n".join(lines)
    return cells


def default_stub(name: str) -> dict[str, str]:
    """Answer cells as nbgrader's *default* stub leaves them (``raise NotImplementedError()``)."""
    cells = {}
    for cell in source_notebook(name).cells:
        meta = cell.metadata.get("nbgrader", {})
        if cell.cell_type == "code" and meta.get("solution"):
            head = cell.source.split(_MARKERS[0])[0]
            tail = cell.source.split(_MARKERS[1])[1]
            cells[meta["grade_id"]] = f"{head}# YOUR CODE HERE\nraise NotImplementedError(){tail}"
    return cells


A01_PARTIAL = {
    "a01_answer_prompt": (
        'prompt = "Viết thông báo về Lễ phát động Tháng Công nhân năm 2026 cho công nhân công ty."'
    ),
    "a01_answer_draft": '''draft = """LĐLĐ THÀNH PHỐ HUẾ
CÔNG ĐOÀN CƠ SỞ CÔNG TY TNHH MAY SÔNG HƯƠNG
Số: 8/TB-CĐCS
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Huế, ngày 24 tháng 4 năm 2026

THÔNG BÁO
Về việc tổ chức Lễ phát động Tháng Công nhân năm 2026

Ban Chấp hành Công đoàn cơ sở thông báo tổ chức Lễ phát động Tháng Công nhân năm 2026 như sau:
1. Thời gian: 8 giờ 00, ngày 04/5/2026.
2. Địa điểm: Hội trường Công ty.
3. Thành phần: toàn thể đoàn viên, người lao động Công ty./.

TM. BAN CHẤP HÀNH
CHỦ TỊCH

[họ tên người ký]

Nơi nhận:
- Các tổ công đoàn;
- Lưu: VT.
"""''',
}

A02_PARTIAL = {
    "a02_answer_table": """ke_hoach = pd.DataFrame(
    [
        ["04/5/2026", "7h30", "9h00", "Lễ phát động", "Hội trường", "Ban Chấp hành", 5_000_000],
        ["04/5/2026", "8h00", "10h00", "Tọa đàm an toàn", "Hội trường", "Tổ An toàn", 4_000_000],
        ["09/5/2026", "7h00", "11h00", "Hội thao công nhân", "Sân thể thao", "", 12_000_000],
        ["02/6/2026", "11h00", "12h30", "Bữa cơm Công đoàn", "Nhà ăn", "Ban Nữ công", 11_000_000],
    ],
    columns=["Ngày", "Bắt đầu", "Kết thúc", "Hoạt động", "Địa điểm", "Phụ trách", "Kinh phí"],
)""",
    "a02_answer_document": '''van_ban = """LĐLĐ THÀNH PHỐ HUẾ
CÔNG ĐOÀN CƠ SỞ CÔNG TY TNHH MAY SÔNG HƯƠNG
Số: 5/KH-CĐCS
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Huế, ngày 20 tháng 4 năm 2026

KẾ HOẠCH
Tổ chức các hoạt động Tháng Công nhân năm 2026

I. MỤC ĐÍCH, YÊU CẦU
Chăm lo đời sống vật chất, tinh thần cho đoàn viên, người lao động trong Tháng Công nhân.
II. NỘI DUNG
Thời gian: tháng 5/2026. Địa điểm: Công ty. Thành phần: toàn thể đoàn viên.
III. TỔ CHỨC THỰC HIỆN
Các tổ công đoàn triển khai kế hoạch./.

TM. BAN CHẤP HÀNH
CHỦ TỊCH

Trần Thị Hoa

Nơi nhận:
- Các tổ công đoàn;
- Lưu: VT.
"""''',
}

A03_PARTIAL = {
    "a03_answer_facebook": '''bai_facebook = """
Công đoàn cơ sở Công ty TNHH May Sông Hương tổ chức Bữa cơm Công đoàn.
Thời gian: 11h00, thứ Bảy, ngày 16/5/2026, tại nhà ăn Công ty,
dành cho toàn thể đoàn viên, người lao động.
"""''',
    "a03_answer_zalo": '''tin_zalo = """📢 Mời đoàn viên tham dự Bữa cơm Công đoàn ngày 16/5/2026!
Đăng ký với chị Nguyễn Thị Lan, số điện thoại 0905 123 456, trước ngày 12/5/2026.
"""''',
}

A04_PARTIAL = {
    # no style, words on the image not in quotes, no ratio, no colours
    "a04_answer_image": (
        'cau_lenh_anh = "Vẽ ảnh công nhân chơi thể thao, có chữ Hội thao công nhân ở giữa."'
    ),
    # pasted as text: 25 seconds, a 5-second opening, no call to action
    "a04_answer_script": '''kich_ban = """Cảnh 1 (0-5 giây):
- Hình ảnh: Sân thể thao Công ty buổi sáng.
- Chữ trên màn hình: Hội thao công nhân
- Lời thoại: Công đoàn tổ chức Hội thao công nhân.

Cảnh 2 (5-15 giây):
- Hình ảnh: Công nhân kéo co, đá bóng.
- Chữ trên màn hình: Ngày 09/5/2026
- Lời thoại: Hội thao diễn ra ngày 09/5/2026 tại sân thể thao Công ty, có bóng đá nam, kéo co và nhảy bao bố.

Cảnh 3 (15-25 giây):
- Hình ảnh: Cả đội chụp ảnh chung.
- Chữ trên màn hình: Tháng Công nhân 2026
- Lời thoại: Một ngày vui của người lao động Công ty.
"""''',  # noqa: E501
    # typed by hand: cue 2 overlaps cue 1 and is too long a line; it all ends at 20 s
    "a04_answer_subtitles": '''phu_de = """1
00:00:00,000 --> 00:00:05,000
Công đoàn tổ chức Hội thao công nhân.

2
00:00:04,000 --> 00:00:15,000
Hội thao diễn ra ngày 09/5/2026 tại sân thể thao Công ty,
có bóng đá nam, kéo co và nhảy bao bố.

3
00:00:15,000 --> 00:00:20,000
Một ngày vui của người lao động Công ty.
"""''',
}

A05_PARTIAL = {
    # two of the three errors, and one correct value listed as wrong
    "a05_answer_errors": 'sai = ["Thừa Thiên Huế", "500", "1.000.000 đồng"]',
    # the unit and the number corrected, the report deadline still 15/6/2026
    "a05_answer_correction": '''ban_sua = """1. Liên đoàn Lao động thành phố Huế tổ chức Lễ phát động Tháng Công nhân năm 2026 lúc 7h30 ngày 03/5/2026 tại Nhà Văn hóa Lao động.
2. Dịp này, Liên đoàn Lao động thành phố Huế trao 300 suất quà cho đoàn viên có hoàn cảnh khó khăn, mỗi suất trị giá 1.000.000 đồng.
3. Các công đoàn cơ sở tổ chức đối thoại với người sử dụng lao động trong tháng 5/2026.
4. Các công đoàn cơ sở gửi báo cáo kết quả Tháng Công nhân trước ngày 15/6/2026.
"""''',  # noqa: E501
}

A06_PARTIAL = {
    # no units= mapping: the most frequent spelling wins ("tổ cắt", "tổ văn phòng")
    "a06_answer_clean": "sach = clean_members(danh_sach).df",
    # the phone column dropped, but names and CCCD numbers left
    "a06_answer_redact": 'an_danh = sach.drop(columns=["Số điện thoại"])',
    # the repeated submission dropped, but the multiple-choice answers not split
    "a06_answer_summary": (
        'khao_sat_sach = khao_sat.sort_values("Dấu thời gian").drop_duplicates("Họ và tên", '
        'keep="last")\n'
        "tong_hop = survey_summary(khao_sat_sach, [CAU_1, CAU_2], multi=False)"
    ),
}

#: A submission that breaks in every way a trainee can: a syntax error, a number, a list.
BROKEN = {
    "a01_thong_bao": {
        "a01_answer_prompt": 'prompt = "thiếu dấu ngoặc',
        "a01_answer_draft": "draft = 42",
    },
    "a02_ke_hoach": {
        "a02_answer_table": "ke_hoach = [1, 2, 3]",
        "a02_answer_document": "del van_ban",
    },
    "a03_bai_dang": {
        "a03_answer_facebook": "bai_facebook = None",
        "a03_answer_zalo": "tin_zalo = ['x']",
    },
    "a04_hinh_anh_video": {
        "a04_answer_image": "cau_lenh_anh = 42",
        "a04_answer_script": 'kich_ban = "không có cảnh nào"',
        "a04_answer_subtitles": "del phu_de",
    },
    "a05_thong_tin": {
        "a05_answer_errors": "sai = 500",
        "a05_answer_correction": "ban_sua = None",
    },
    "a06_du_lieu_thanh_vien": {
        "a06_answer_clean": "sach = [1, 2, 3]",
        "a06_answer_redact": "del an_danh",
        "a06_answer_summary": 'tong_hop = "bảng"',
    },
}

PARTIAL = {
    "a01_thong_bao": A01_PARTIAL,
    "a02_ke_hoach": A02_PARTIAL,
    "a03_bai_dang": A03_PARTIAL,
    "a04_hinh_anh_video": A04_PARTIAL,
    "a05_thong_tin": A05_PARTIAL,
    "a06_du_lieu_thanh_vien": A06_PARTIAL,
}

#: Autograded points per grade cell for each variant (manual cells are not listed).
EXPECTED = {
    "a01_thong_bao": {
        "solution": {"a01_prompt": 2, "a01_notice": 4, "a01_hidden_facts": 2},
        "partial": {"a01_prompt": 1.5, "a01_notice": 3.0, "a01_hidden_facts": 1.5},
    },
    "a02_ke_hoach": {
        "solution": {
            "a02_table": 4,
            "a02_hidden_clashes": 2,
            "a02_document": 3,
            "a02_hidden_total": 1,
        },
        "partial": {
            "a02_table": 2.0,
            "a02_hidden_clashes": 1.0,
            "a02_document": 2.5,
            "a02_hidden_total": 0.5,
        },
    },
    "a03_bai_dang": {
        "solution": {"a03_facebook": 3, "a03_zalo": 3, "a03_hidden_guard": 2},
        "partial": {"a03_facebook": 1.0, "a03_zalo": 3.0, "a03_hidden_guard": 1.5},
    },
    "a04_hinh_anh_video": {
        "solution": {"a04_image": 2, "a04_script": 3, "a04_subtitles": 2, "a04_hidden_sync": 2},
        "partial": {
            "a04_image": 0.75,
            "a04_script": 1.25,
            "a04_subtitles": 1.25,
            "a04_hidden_sync": 1.0,
        },
    },
    "a05_thong_tin": {
        "solution": {"a05_errors": 3, "a05_hidden_correction": 3},
        "partial": {"a05_errors": 1.5, "a05_hidden_correction": 2.0},
    },
    "a06_du_lieu_thanh_vien": {
        "solution": {"a06_clean": 4, "a06_hidden_members": 2, "a06_redact": 2, "a06_summary": 2},
        "partial": {
            "a06_clean": 3.0,
            "a06_hidden_members": 2.0,
            "a06_redact": 1.0,
            "a06_summary": 1.0,
        },
    },
}


def variant(name: str, which: str) -> dict[str, str]:
    """Answer-cell sources for ``which`` in solution, partial, empty, default_stub, broken."""
    if which == "solution":
        return reference(name)
    if which == "partial":
        return PARTIAL[name]
    if which == "default_stub":
        return default_stub(name)
    if which == "broken":
        return BROKEN[name]
    return {}  # empty: the released notebook untouched
