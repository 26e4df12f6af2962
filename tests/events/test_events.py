"""congdoan.events: reading plan tables, .ics export read back with icalendar, timeline."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import icalendar
import pandas as pd
import pytest

from congdoan import events
from congdoan.errors import InputError

HCM = ZoneInfo("Asia/Ho_Chi_Minh")


@pytest.fixture
def plan_by_day() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Hoạt động": ["Lễ phát động", "Thi kéo co", "Tổng kết, trao giải"],
            "Ngày": ["25/4/2026", "25/4", "ngày 26 tháng 4 năm 2026"],
            "Giờ": ["7h30 - 9h00", "9 giờ 30 đến 11 giờ", ""],
            "Địa điểm": ["Cung Văn hóa Lao động", "Sân vận động", "Cung Văn hóa Lao động"],
            "Phụ trách": ["Chị Lan", "Anh Minh", ""],
            "Kinh phí": ["5.000.000 đồng", "2 triệu", ""],
            "Ghi chú": ["Mời lãnh đạo LĐLĐ", "", ""],
        }
    )


def test_normalise_plan_with_date_and_time_columns(plan_by_day):
    plan = events.normalise_plan(plan_by_day)
    assert list(plan.columns) == list(events.PLAN_COLUMNS.values())
    assert plan["bắt đầu"].tolist() == [
        pd.Timestamp(2026, 4, 25, 7, 30),
        pd.Timestamp(2026, 4, 25, 9, 30),
        pd.Timestamp(2026, 4, 26),
    ]
    assert plan.loc[0, "kết thúc"] == pd.Timestamp(2026, 4, 25, 9, 0)
    assert plan["cả ngày"].tolist() == [False, False, True]
    assert plan["kinh phí"].tolist()[:2] == [5_000_000, 2_000_000]
    assert pd.isna(plan.loc[2, "kinh phí"])


def test_normalise_plan_with_start_and_end_and_english_aliases():
    df = pd.DataFrame(
        {
            "Activity": ["Họp Ban tổ chức", "Hội thao"],
            "Start time": ["14h00 20/4/2026", dt.datetime(2026, 5, 1, 7, 0)],
            "End time": ["16h30", "2026-05-01 11:00"],
            "Location": ["Phòng họp", "Sân"],
            "Budget": ["", "15.500.000đ"],
        }
    )
    plan = events.normalise_plan(df)
    assert plan.loc[0, "bắt đầu"] == pd.Timestamp(2026, 4, 20, 14)
    assert plan.loc[0, "kết thúc"] == pd.Timestamp(2026, 4, 20, 16, 30)
    assert plan.loc[1, "kết thúc"] == pd.Timestamp(2026, 5, 1, 11)
    assert plan.loc[1, "kinh phí"] == 15_500_000
    vietnamese = pd.DataFrame({"thời gian bắt đầu": ["7h 3/5/2026"], "hoạt động": ["Chạy"]})
    assert events.normalise_plan(vietnamese).loc[0, "bắt đầu"] == pd.Timestamp(2026, 5, 3, 7)


def test_normalise_plan_errors_name_columns_and_cells():
    with pytest.raises(InputError, match="Địa điểm"):
        events.normalise_plan(pd.DataFrame({"Địa điểm": ["x"]}))
    bad = pd.DataFrame({"hoạt động": ["A", "B"], "ngày": ["25/4/2026", "sáng mai"]})
    with pytest.raises(InputError, match=r"Dòng 3.*sáng mai"):
        events.normalise_plan(bad)
    with pytest.raises(InputError, match="DataFrame"):
        events.normalise_plan([1, 2])


def test_to_ics_reads_back(plan_by_day, tmp_path):
    path = events.to_ics(plan_by_day, tmp_path / "lich.ics", calendar_name="Tháng Công nhân 2026")
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    assert str(calendar["x-wr-calname"]) == "Tháng Công nhân 2026"
    assert [tz["tzid"] for tz in calendar.walk("VTIMEZONE")] == ["Asia/Ho_Chi_Minh"]
    vevents = calendar.walk("VEVENT")
    assert [str(e["summary"]) for e in vevents] == [
        "Lễ phát động",
        "Thi kéo co",
        "Tổng kết, trao giải",
    ]
    first = vevents[0]
    assert first.decoded("dtstart") == dt.datetime(2026, 4, 25, 7, 30, tzinfo=HCM)
    assert first.decoded("dtend") == dt.datetime(2026, 4, 25, 9, 0, tzinfo=HCM)
    assert str(first["location"]) == "Cung Văn hóa Lao động"
    description = str(first["description"])
    assert "Phụ trách: Chị Lan" in description and "5.000.000 đồng" in description
    assert "organizer" not in first
    triggers = [a.decoded("trigger") for a in first.walk("VALARM")]
    assert triggers == [-dt.timedelta(days=1), -dt.timedelta(hours=1)]
    last = vevents[2]
    assert last.decoded("dtstart") == dt.date(2026, 4, 26)
    assert last.decoded("dtend") == dt.date(2026, 4, 27)


def test_uid_is_stable_and_unique(plan_by_day, tmp_path):
    def uids(name):
        path = events.to_ics(plan_by_day, tmp_path / name, calendar_name="TCN", reminders=None)
        calendar = icalendar.Calendar.from_ical(path.read_bytes())
        assert not calendar.walk("VALARM")
        return [str(e["uid"]) for e in calendar.walk("VEVENT")]

    first, second = uids("a.ics"), uids("b.ics")
    assert first == second and len(set(first)) == 3


def test_default_duration_and_bad_times(tmp_path):
    plan = pd.DataFrame({"hoạt động": ["Họp"], "bắt đầu": ["8h00 5/5/2026"]})
    path = events.to_ics(plan, tmp_path / "a.ics", calendar_name="Họp")
    event = icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT")[0]
    assert event.decoded("dtend") - event.decoded("dtstart") == dt.timedelta(hours=1)
    backwards = pd.DataFrame(
        {"hoạt động": ["Họp"], "bắt đầu": ["8h00 5/5/2026"], "kết thúc": ["7h00 5/5/2026"]}
    )
    with pytest.raises(InputError, match="Dòng 2"):
        events.to_ics(backwards, tmp_path / "b.ics", calendar_name="Họp")
    with pytest.raises(InputError, match="múi giờ"):
        events.to_ics(plan, tmp_path / "c.ics", calendar_name="Họp", timezone="Mars/Base")
    with pytest.raises(InputError, match=r"\.ics"):
        events.to_ics(plan, tmp_path / "c.txt", calendar_name="Họp")
    with pytest.raises(InputError, match="tên"):
        events.to_ics(plan, tmp_path / "c.ics", calendar_name=" ")
    with pytest.raises(InputError, match="nhắc"):
        events.to_ics(plan, tmp_path / "c.ics", calendar_name="Họp", reminders=["1 giờ"])


def test_timeline_chart(plan_by_day, tmp_path):
    from PIL import Image

    figure = events.timeline_chart(plan_by_day, tmp_path / "tien_do.png")
    ax = figure.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Cung Văn hóa Lao động", "Sân vận động"]
    assert "địa điểm" in ax.get_title(loc="left")
    assert {t.get_text() for t in ax.texts} == {"Lễ phát động", "Thi kéo co", "Tổng kết, trao giải"}
    with Image.open(tmp_path / "tien_do.png") as image:
        assert image.size[0] > 1000
    by_owner = events.timeline_chart(plan_by_day, by="owner").axes[0]
    assert "(chưa phân công)" in [t.get_text() for t in by_owner.get_yticklabels()]
    with pytest.raises(InputError, match="venue"):
        events.timeline_chart(plan_by_day, by="day")
