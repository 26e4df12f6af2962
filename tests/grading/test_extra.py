"""congdoan.grading.extra: plan-table checks, task facts, personal data."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from congdoan.grading import (
    check_budget,
    check_columns,
    check_dates,
    check_facts,
    check_owner_clash,
    check_owners,
    check_plan_table,
    check_privacy,
    check_rows,
    check_times,
    check_total_stated,
    check_venue_clash,
    grade,
    plan_rows,
)

COLUMNS = ["Ngày", "Bắt đầu", "Kết thúc", "Hoạt động", "Địa điểm", "Phụ trách", "Kinh phí"]
ROWS = [
    ["04/5/2026", "7h30", "9h00", "Lễ phát động", "Hội trường", "Ban Chấp hành", 5_000_000],
    ["09/5/2026", "7h00", "11h00", "Hội thao", "Sân thể thao", "Tổ Thể thao", "8.000.000 đồng"],
    ["16/5/2026", "11h00", "12h30", "Bữa cơm Công đoàn", "Nhà ăn", "Ban Nữ công", "10 triệu"],
]
YEAR, BUDGET = 2026, 30_000_000


def table(rows=ROWS, columns=COLUMNS) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=columns)


def with_row(*row) -> pd.DataFrame:
    return table([*ROWS, list(row)])


def test_a_good_table_passes_every_check():
    report = check_plan_table(table(), year=YEAR, budget=BUDGET)
    assert report.failed_codes == []
    assert [i.code for i in report] == [
        "columns", "rows", "owners", "dates", "times", "venue_clash", "owner_clash", "budget",
    ]  # fmt: skip


def test_column_names_ignore_case_and_diacritics():
    loose = table(
        columns=["ngay", "Bat dau", "KẾT THÚC", "hoạt_động", "Dia diem", "phụ trách", "kinh phi"]
    )
    assert check_columns(loose).ok
    assert check_budget(loose, year=YEAR, budget=BUDGET).ok


def test_missing_columns_are_named_with_the_expected_form():
    item = check_columns(table([r[:6] for r in ROWS], COLUMNS[:6]))
    assert not item.ok and "Kinh phí" in item.message and "Ngày, Bắt đầu" in item.hint
    budget = check_budget(table([r[:6] for r in ROWS], COLUMNS[:6]), year=YEAR, budget=BUDGET)
    assert not budget.ok and "Kinh phí" in budget.message


def test_too_few_activities():
    item = check_rows(table(ROWS[:2]), year=YEAR)
    assert not item.ok and "2" in item.message and "3" in item.message


@pytest.mark.parametrize("owner", ["", None, "   ", float("nan")])
def test_every_activity_needs_an_owner(owner):
    item = check_owners(
        with_row("20/5/2026", "8h00", "9h00", "Tọa đàm", "Phòng họp", owner, 0), year=YEAR
    )
    assert not item.ok and "dòng 5 (Tọa đàm)" in item.message  # the sheet's row: header is row 1


@pytest.mark.parametrize(
    ("day", "key"),
    [
        ("02/6/2026", "outside"),
        ("30/4/2026", "outside"),
        ("04/5/2025", "outside"),
        ("sớm", "unreadable"),
        ("31/02/2026", "unreadable"),
    ],
)
def test_dates_must_be_in_may_of_the_year(day, key):
    item = check_dates(with_row(day, "8h00", "9h00", "Tọa đàm", "Phòng họp", "Tổ 1", 0), year=YEAR)
    assert not item.ok and "dòng 5" in item.message
    assert ("tháng 5/2026" in item.message) == (key == "outside")


def test_dates_may_be_date_objects_or_written_without_year():
    rows = [[dt.date(2026, 5, 4), *ROWS[0][1:]], [pd.Timestamp("2026-05-09"), *ROWS[1][1:]],
            ["16/5", *ROWS[2][1:]]]  # fmt: skip
    assert check_dates(table(rows), year=YEAR).ok


@pytest.mark.parametrize(("start", "end"), [("9h00", "8h00"), ("8h00", "8h00"), ("sáng", "9h00")])
def test_times_must_be_readable_and_in_order(start, end):
    item = check_times(
        with_row("20/5/2026", start, end, "Tọa đàm", "Phòng họp", "Tổ 1", 0), year=YEAR
    )
    assert not item.ok and "dòng 5" in item.message


def test_overlapping_activities_at_one_venue_clash():
    clash = with_row("04/5/2026", "8h30", "10h00", "Tọa đàm", "hội trường", "Tổ 1", 0)
    item = check_venue_clash(clash, year=YEAR)
    assert not item.ok
    assert "dòng 2 (Lễ phát động)" in item.message and "dòng 5 (Tọa đàm)" in item.message
    assert check_owner_clash(clash, year=YEAR).ok


def test_back_to_back_activities_do_not_clash():
    after = with_row("04/5/2026", "9h00", "10h00", "Tọa đàm", "Hội trường", "Ban Chấp hành", 0)
    assert check_venue_clash(after, year=YEAR).ok
    assert check_owner_clash(after, year=YEAR).ok


def test_one_owner_cannot_run_two_activities_at_once():
    clash = with_row(
        "16/5/2026", "12h00", "13h00", "Tặng quà", "Cổng công ty", "Ban Nữ công, Tổ 2", 0
    )
    item = check_owner_clash(clash, year=YEAR)
    assert not item.ok and "Ban Nữ công" in item.message
    assert check_venue_clash(clash, year=YEAR).ok


def test_same_venue_on_another_day_is_fine():
    other_day = with_row("05/5/2026", "7h30", "9h00", "Họp", "Hội trường", "Ban Chấp hành", 0)
    assert check_venue_clash(other_day, year=YEAR).ok and check_owner_clash(other_day, year=YEAR).ok


def test_budget_totals_every_form_of_money():
    assert check_budget(table(), year=YEAR, budget=23_000_000).ok
    over = check_budget(table(), year=YEAR, budget=22_000_000)
    assert not over.ok and "23.000.000 đồng" in over.message and "1.000.000 đồng" in over.message


@pytest.mark.parametrize(("cost", "ok"), [(None, True), ("", True), ("nhiều", False), (-5, False)])
def test_blank_cost_is_zero_and_unreadable_cost_is_reported(cost, ok):
    item = check_budget(
        with_row("20/5/2026", "8h", "9h", "Họp", "Phòng", "Tổ 1", cost), year=YEAR, budget=BUDGET
    )
    assert item.ok is ok


def test_plan_rows_reads_each_cell():
    row = plan_rows(table(), year=YEAR)[2]
    assert (row.date, row.start, row.cost, row.owners) == (
        dt.date(2026, 5, 16),
        dt.time(11, 0),
        10_000_000,
        ("Ban Nữ công",),
    )


def test_grade_takes_a_table_as_kind_plan_table(capfd):
    assert grade(table(), kind="plan_table", points=4, year=YEAR, budget=BUDGET) == 4.0
    assert grade([], kind="plan_table", points=4, label="ke_hoach", year=YEAR, budget=BUDGET) == 0.0
    assert (
        grade("bảng", kind="plan_table", points=4, label="ke_hoach", year=YEAR, budget=BUDGET) == 0
    )
    out, err = capfd.readouterr()
    assert "Bảng ke_hoach chưa có hoạt động nào" in out and "kiểu str" in out and err == ""


def test_a_dict_of_columns_is_accepted_as_a_table():
    data = {name: [row[i] for row in ROWS] for i, name in enumerate(COLUMNS)}
    assert grade(data, kind="plan_table", points=1, year=YEAR, budget=BUDGET) == 1.0


def test_facts_find_dates_times_and_phrases_in_any_form():
    text = "Lễ phát động THÁNG CÔNG NHÂN lúc 7 giờ 30, ngày 04 tháng 5 năm 2026 tại Hội trường."
    report = check_facts(
        text, dates=[dt.date(2026, 5, 4)], times=[dt.time(7, 30)], phrases=["Tháng Công nhân"]
    )
    assert report.ok and [i.code for i in report] == ["date_1", "time_1", "phrase_1"]
    missing = check_facts(
        "Họp ngày 05/5/2026 lúc 8h00.", dates=[dt.date(2026, 5, 4)], times=[dt.time(7, 30)]
    )
    assert missing.failed_codes == ["date_1", "time_1"]


def test_privacy_flags_personal_data_but_not_a_shared_contact():
    assert check_privacy("Liên hệ Văn phòng Công đoàn để đăng ký.").ok
    item = check_privacy("Liên hệ chị Lan, số điện thoại 0905 123 456.", code="privacy_zalo")
    assert not item.ok and item.code == "privacy_zalo" and "số điện thoại" in item.message.lower()


def test_total_stated_compares_the_document_with_the_table():
    assert check_total_stated("Tổng kinh phí: 23.000.000 đồng.", table(), year=YEAR).ok
    assert check_total_stated("Tổng kinh phí: 23 triệu đồng.", table(), year=YEAR).ok
    item = check_total_stated("Tổng kinh phí: 25.000.000 đồng.", table(), year=YEAR)
    assert not item.ok and "23.000.000 đồng" in item.message
