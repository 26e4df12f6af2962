"""Checks written for defects the second held-out round showed uncaught (session 4).

An impossible date, a meeting notice without its hour or place, a "tại" that is not the
venue, and counted items that cost more than the plan's total.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from congdoan import posts
from congdoan.documents import check
from congdoan.report import WARNING

HELDOUT = Path(__file__).resolve().parents[1] / "data" / "heldout" / "documents"
TODAY = dt.date(2026, 12, 3)
MEETING = (HELDOUT / "base_notice_hop.txt").read_text(encoding="utf-8")
HOLIDAY = (HELDOUT / "base_notice_nghi_le.txt").read_text(encoding="utf-8")
INVITATION = (HELDOUT / "base_invitation_dai_hoi.txt").read_text(encoding="utf-8")
PLAN = (HELDOUT / "base_plan_tet.txt").read_text(encoding="utf-8")


def _item(report, code):
    return next(item for item in report if item.code == code)


def test_an_impossible_date_in_the_body_is_an_error():
    text = MEETING.replace("Thứ Sáu, ngày 18/9/2026", "ngày 31/9/2026")
    report = check(text, "notice", today=TODAY)
    item = _item(report, "real_date")
    assert not item.ok and "31/9/2026" in item.message and item.hint
    assert not report.ok


def test_an_impossible_issue_date_is_reported_once_by_place_date():
    text = MEETING.replace("ngày 08 tháng 9 năm 2026", "ngày 31 tháng 9 năm 2026")
    failed = check(text, "notice", today=TODAY).failed_codes
    assert "place_date" in failed and "real_date" not in failed


def test_a_post_with_an_impossible_date_is_flagged():
    post = "Mời đoàn viên dự Hội thao ngày 31/4/2026 tại sân Công ty! Đăng ký ngay. #CongDoan"
    assert "real_date" in posts.check(post, "facebook").failed_codes


def test_a_meeting_notice_without_its_hour_fails_time():
    text = MEETING.replace("1. Thời gian: 14 giờ 00, Thứ Sáu, ngày 18/9/2026.\n", "")
    assert "time" in check(text, "notice", today=TODAY).failed_codes


def test_a_meeting_notice_without_its_place_fails_venue():
    text = MEETING.replace("2. Địa điểm: Phòng họp tầng 2, nhà điều hành Công ty.\n", "")
    assert "venue" in check(text, "notice", today=TODAY).failed_codes


def test_a_holiday_notice_needs_no_hour_or_place():
    report = check(HOLIDAY, "notice", today=TODAY)
    assert report.ok and report.failed_codes == []
    assert "không triệu tập" in _item(report, "venue").message


def test_a_weekday_mismatch_in_a_notice_is_reported_by_weekday_alone():
    text = MEETING.replace("Thứ Sáu, ngày 18/9/2026", "Thứ Hai, ngày 18/9/2026")
    assert check(text, "notice", today=TODAY).failed_codes == ["weekday"]


def test_where_the_invitees_were_elected_is_not_the_venue():
    text = INVITATION.replace(
        "Địa điểm: Hội trường tầng 3, nhà A, Bệnh viện Đa khoa thành phố Huế.\n", ""
    )
    assert "được bầu tại hội nghị các khoa" in text
    assert "venue" in check(text, "invitation", today=TODAY).failed_codes


@pytest.mark.parametrize(
    "line",
    [
        "Rất mong các đồng chí tham dự đầy đủ tại Hội trường tầng 3, nhà A.",
        "Tại Hội trường tầng 3, nhà A, Bệnh viện.",
        "Thời gian: 7 giờ 30, Thứ Sáu, ngày 16/10/2026 tại Hội trường tầng 3, nhà A.",
    ],
)
def test_tai_with_attending_opening_a_line_or_beside_the_time_is_the_venue(line):
    text = INVITATION.replace(
        "Địa điểm: Hội trường tầng 3, nhà A, Bệnh viện Đa khoa thành phố Huế.", line
    )
    assert "venue" not in check(text, "invitation", today=TODAY).failed_codes


def test_counted_items_over_the_total_budget_are_a_warning():
    text = PLAN.replace("Trao 120 suất quà", "Trao 300 suất quà")
    item = _item(check(text, "plan", today=TODAY), "budget_total")
    assert not item.ok and item.severity == WARNING
    assert "300 suất" in item.message and "150.000.000 đồng" in item.message
    assert "100.000.000 đồng" in item.message


def test_counted_items_within_the_total_budget_pass():
    assert _item(check(PLAN, "plan", today=TODAY), "budget_total").ok
    exact = PLAN.replace("Trao 120 suất quà", "Trao 200 suất quà")  # 200 x 500.000 = 100 triệu
    assert _item(check(exact, "plan", today=TODAY), "budget_total").ok
