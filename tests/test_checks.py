"""congdoan.check: one entry point dispatching to every checker."""

from __future__ import annotations

import pytest

import congdoan
from congdoan.checks import kinds, register
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
