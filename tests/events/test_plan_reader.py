"""One plan-table reader (congdoan.plans) behind events and grading: same cells, same rows."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from congdoan import events, plans
from congdoan.errors import InputError
from congdoan.grading.extra import check_times, plan_rows

YEAR = 2026


def sheet(start_of_third_row: object = "9h30") -> pd.DataFrame:
    """A Tháng Công nhân plan as a trainee types it: headers without diacritics, mixed forms."""
    return pd.DataFrame(
        {
            "Ngay": ["04/5/2026", "ngày 09 tháng 5 năm 2026", "16/5"],
            "Bat dau": ["7h30", "14 giờ", start_of_third_row],
            "Ket thuc": ["9h00", "16h30", "11h"],
            "Hoat dong": ["Lễ phát động", "Hội thao công nhân", "Tọa đàm nữ công"],
            "Dia diem": ["Hội trường", "Sân thể thao Công ty", "Phòng họp"],
            "Phu trach": ["Ban Chấp hành", "Tổ Thể thao, Đoàn Thanh niên", "Ban Nữ công"],
            "Kinh phi": ["5.000.000 đồng", "2 triệu", ""],
        }
    )


def test_rows_are_numbered_as_in_the_sheet():
    rows = plans.read_plan(sheet())
    assert [row.number for row in rows] == [2, 3, 4]  # the header is row 1
    assert rows[1].owners == ("Tổ Thể thao", "Đoàn Thanh niên")
    third = rows[2]
    assert (third.date, third.start, third.cost) == (dt.date(2026, 5, 16), dt.time(9, 30), None)


def test_a_bad_time_is_a_problem_naming_the_cell_not_an_all_day_event():
    rows = plans.read_plan(sheet("abc"))
    assert rows[2].start is None and not rows[0].problems
    assert [(p.row, p.column, p.value) for p in rows[2].problems] == [(4, "Bat dau", "abc")]


def test_events_and_grading_name_the_same_row_for_the_same_bad_cell():
    with pytest.raises(InputError, match=r"Dòng 4, cột «Bat dau».*abc"):
        events.normalise_plan(sheet("abc"))
    item = check_times(sheet("abc"), year=YEAR)
    assert not item.ok and "dòng 4 (Tọa đàm nữ công)" in item.message


def test_events_and_grading_read_the_same_values():
    plan = events.normalise_plan(sheet())
    rows = plan_rows(sheet(), year=YEAR)
    assert [ts.to_pydatetime() for ts in plan["bắt đầu"]] == [row.starts_at for row in rows]
    assert plan["kinh phí"].tolist()[:2] == [row.cost for row in rows][:2]


@pytest.mark.parametrize(
    ("column", "value"),
    [("Kinh phi", "năm triệu"), ("Ngay", "sáng mai"), ("Ket thuc", "chiều")],
)
def test_every_unreadable_cell_is_reported(column, value):
    table = sheet()
    table.loc[1, column] = value
    problems = plans.read_plan(table)[1].problems
    assert [(p.row, p.column, p.value) for p in problems] == [(3, column, value)]
    with pytest.raises(InputError, match=f"Dòng 3, cột «{column}»"):
        events.normalise_plan(table)


def test_excel_values_and_a_time_column_are_read():
    table = pd.DataFrame(
        {
            "Hoạt động": ["Khai mạc", "Bế mạc"],
            "Ngày": [pd.Timestamp("2026-05-03"), dt.date(2026, 5, 4)],
            "Giờ": ["7h30 - 9h00", "9 giờ 30 đến 11 giờ"],
            "Kinh phí": [1_500_000, 0.0],
        }
    )
    first, second = plans.read_plan(table)
    assert (first.date, first.start, first.end, first.cost) == (
        dt.date(2026, 5, 3), dt.time(7, 30), dt.time(9), 1_500_000,
    )  # fmt: skip
    assert (second.start, second.end, second.problems) == (dt.time(9, 30), dt.time(11), ())


def test_a_dict_of_columns_reads_like_a_table_and_other_values_are_refused():
    data = {name: list(values) for name, values in sheet().items()}
    assert [row.activity for row in plans.read_plan(data)] == list(sheet()["Hoat dong"])
    with pytest.raises(InputError, match="kiểu list"):
        plans.read_plan([1, 2])
