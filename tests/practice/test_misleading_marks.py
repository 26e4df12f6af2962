"""Issue 11: marks put back on an unaccented prompt must never change its meaning.

"tu thu 4 sang thu 6" (moved from Wednesday to Friday) is "sang" (to), not "sáng"
(morning); the held-out comparison folds marks away, so this is asserted on the raw draft.
"""

from __future__ import annotations

import pytest

from congdoan.practice.accents import restore
from tests import heldout_sets as H


@pytest.mark.parametrize(
    "prompt",
    [
        "TB ve viec doi lich hop to cong doan tu thu 4 sang thu 6 ngay 12/6/2026 luc 16h30",
        "thong bao doi ngay hoi thao tu ngay 20/6/2026 sang ngay 27/6/2026 do troi mua",
        "thong bao chuyen lich truc tu chu nhat sang thu 2",
        "doi buoi sinh hoat tu 14/5 sang 21/5/2026",
    ],
)
def test_sang_between_two_days_keeps_its_meaning(prompt):
    draft = H.ask_practice(prompt).draft
    assert "sáng thứ" not in draft.lower() and "sáng thu" not in draft.lower()
    assert "sáng ngày" not in draft.lower() and "sáng 2" not in draft.lower()


def test_sang_before_a_time_of_day_is_still_morning():
    assert restore("hop bch 8h sang thu hai") == "họp Ban Chấp hành 8h sáng thứ Hai"
    assert restore("hop luc 7h30 sang ngay 5/6") == "họp lúc 7h30 sáng ngày 5/6"


def test_sang_between_two_clock_times_is_to():
    assert "sáng" not in restore("doi lich hop bch tu 14h sang 15h30 ngay 5/12/2026")
    assert restore("hop luc 9h sang thu ba") == "họp lúc 9h sáng thứ Ba"


def test_sang_between_two_days_in_restore():
    assert "sáng" not in restore("doi lich hop tu thu 4 sang thu 6")
    assert "sáng" not in restore("doi tu ngay 20/6 sang ngay 27/6")


def test_numbered_weekdays_get_their_names_but_amounts_stay_amounts():
    assert restore("doi lich hop tu thu 4 sang thu 6 ngay 12/6/2026") == (
        "đổi lịch họp từ thứ Tư sang thứ Sáu ngày 12/6/2026"
    )
    assert restore("hop bch thu 7 tuan nay") == "họp Ban Chấp hành thứ Bảy tuần này"
    assert "thứ" not in restore("thu 2 trieu dong doan phi")  # collecting, not a Monday
    assert "thứ" not in restore("moi to thu 5,5 trieu")


def test_tu_is_from_only_before_a_day_or_a_date():
    assert restore("nghi tu ngay 1/5 den 3/5").startswith("nghi từ ngày 1/5")
    assert "từ" not in restore("cong doan tu to chuc giai bong da")  # "tự tổ chức"
    draft = H.ask_practice("TB doi lich hop to cong doan tu thu 4 sang thu 6 ngay 12/6/2026").draft
    assert "thu 6" not in draft and "tu thu" not in draft
