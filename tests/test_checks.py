"""congdoan.check: one entry point dispatching to every checker."""

from __future__ import annotations

import subprocess
import sys

import pandas as pd
import pytest

import congdoan
from congdoan.checks import kinds, register, resolve_kind
from congdoan.report import Item, Report


@pytest.mark.parametrize(
    ("kind", "report_kind"),
    [
        ("notice", "notice"),
        ("plan", "plan"),
        ("prompt", "prompt"),
        ("facebook", "post"),
        ("zalo", "post"),
    ],
)
def test_each_kind_reaches_its_checker(kind, report_kind):
    report = congdoan.check("Soạn thông báo họp Ban Chấp hành", kind)
    assert isinstance(report, Report) and report.kind == report_kind


def test_unknown_kind_lists_the_choices():
    with pytest.raises(congdoan.InputError, match='Không có loại kiểm tra "video"') as caught:
        congdoan.check("x", "video")
    with pytest.raises(congdoan.InputError, match="Không có loại kiểm tra"):
        congdoan.check("x", None)  # type: ignore[arg-type]
    assert all(kind in str(caught.value) for kind in kinds())


def test_registered_kinds_are_used(monkeypatch):
    monkeypatch.setattr("congdoan.checks._registered", {})
    register("srt", lambda text: Report("srt", [Item("cues", bool(text), "ok")]))
    assert congdoan.check("1", "srt").ok and "srt" in kinds()


def test_practice_tips_are_not_checked_as_part_of_a_post():
    reply = congdoan.ask(
        "Viết bài đăng Facebook kêu gọi đoàn viên Công đoàn cơ sở Công ty Dệt may Huế "
        "đăng ký giải chạy ngày 10/5/2026 #ChayViSucKhoe"
    )
    from congdoan.practice import without_tips

    draft = without_tips(reply.text)
    assert draft != reply.text and "Gợi ý để câu lệnh tốt hơn" not in draft
    from_reply, from_text = congdoan.check(reply, "facebook"), congdoan.check(draft, "facebook")
    assert from_reply.items == from_text.items
    assert "hashtags" not in from_reply.failed_codes  # the tips repeat the hashtag


NOTICE = """CÔNG ĐOÀN CƠ SỞ CÔNG TY MAY HƯƠNG TRÀ
Số: 05/TB-CĐCS
THÔNG BÁO
Về việc họp Ban Chấp hành
Ban Chấp hành họp lúc 14 giờ 00 ngày 05/5/2026 tại Hội trường.
"""


@pytest.mark.parametrize(
    "kind", ["notice", "TB", "tb", "thông báo", "Thông Báo", "thong bao", "THÔNG BÁO"]
)
def test_every_name_of_a_document_kind_reaches_the_same_checker(kind):
    report = congdoan.check(NOTICE, kind)
    assert report.kind == "notice"
    assert report.items == congdoan.check(NOTICE, "notice").items


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("GM", "invitation"), ("giấy mời", "invitation"), ("kế hoạch", "plan"), ("KH", "plan"),
        ("biên bản", "minutes"), ("báo cáo", "report"), ("câu lệnh", "prompt"),
        ("kịch bản video", "video_script"), ("phụ đề", "srt"), ("bảng kế hoạch", "plan_table"),
        ("Bang ke hoach", "plan_table"), ("plan_table", "plan_table"), ("fanpage", "facebook"),
    ],
)  # fmt: skip
def test_kind_names_and_aliases_resolve(name, kind):
    assert resolve_kind(name).name == kind


def test_a_plan_table_is_checked_through_the_one_entry_point():
    table = pd.DataFrame(
        {
            "Ngày": ["04/5/2026", "09/5/2026", "16/5/2026"],
            "Bắt đầu": ["7h30", "14h00", "9h"],
            "Kết thúc": ["9h00", "16h30", "8h"],
            "Hoạt động": ["Lễ phát động", "Hội thao", "Tọa đàm"],
            "Địa điểm": ["Hội trường", "Sân", "Phòng họp"],
            "Phụ trách": ["Ban Chấp hành", "Tổ Thể thao", "Ban Nữ công"],
            "Kinh phí": ["5.000.000 đồng", "2 triệu", ""],
        }
    )
    report = congdoan.check(table, "plan_table")
    assert report.kind == "plan_table" and report.failed_codes == ["times"]  # 9h to 8h
    assert "7.000.000 đồng" in report.items[-1].message
    limited = congdoan.check(table, "bảng kế hoạch", year=2026, budget=6_000_000)
    assert limited.failed_codes == ["times", "budget"]


def test_options_for_a_kind_without_options_are_a_clear_error():
    with pytest.raises(congdoan.InputError, match='"notice" không nhận tùy chọn'):
        congdoan.check(NOTICE, "TB", year=2026)


def test_documents_check_loads_no_chat_practice_providers_or_media():
    code = (
        "import sys\n"
        "import congdoan.documents as documents\n"
        f"report = documents.check({NOTICE!r}, 'TB')\n"
        "assert report.kind == 'notice', report.kind\n"
        "loaded = sorted(m for m in sys.modules if m.startswith('congdoan.'))\n"
        "print('\\n'.join(loaded))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    loaded = done.stdout.split()
    assert "congdoan.documents.checks" in loaded
    higher = ("congdoan.practice", "congdoan.chat", "congdoan.providers", "congdoan.media")
    assert [m for m in loaded if m.startswith(higher)] == []


def test_every_checklist_reminds_of_the_rules_for_its_kind():
    """The AI Law's label for pictures, videos and posts; the public-servant rules elsewhere."""
    from congdoan import check

    post = check("Công đoàn mời đoàn viên đăng ký giải bóng đá! #CongDoan", "facebook")
    assert "Tạo bằng AI" in post.note and "Luật Trí tuệ nhân tạo" in str(post)
    notice = check(NOTICE, "thông báo")
    assert "dữ liệu cá nhân" in notice.note and "bí mật nhà nước" in notice._repr_html_()
    assert post.score == check("Công đoàn mời đoàn viên đăng ký giải bóng đá! #CongDoan",
                               "facebook").score  # fmt: skip
