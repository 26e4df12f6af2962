"""TableEditor: a plan fixed by typing in boxes, tables pasted from AI pages and Excel."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from congdoan.errors import InputError
from congdoan.tables import parse_table
from congdoan.widgets import TableEditor

ROOT = Path(__file__).resolve().parents[2]
EXERCISE = ROOT / "modules" / "09_su_kien" / "bang_hoi_thao.csv"
OPTIONS = {"year": 2026, "budget": 20_000_000}

#: As ChatGPT writes a table (bold header, alignment row), and as Excel copies one.
MARKDOWN = """
| **Ngày** | **Bắt đầu** | **Kết thúc** | **Hoạt động** | **Địa điểm** | **Phụ trách** | Kinh phí |
|:---|:---:|---|---|---|---|---:|
| 09/5/2026 | 7h30 | 8h00 | Khai mạc Ngày hội | Sân Công ty | Chủ tịch CĐCS | 2.000.000 đồng |
| 09/5/2026 | 8h00 | 10h00 | Thi đấu cờ tướng | Hội trường Công ty | Tổ Văn thể | 1.500.000 đồng |
| 09/5/2026 | 10h00 | 11h00 | Trao giải và bế mạc | Sân Công ty | Chủ tịch CĐCS | 6.000.000 đồng |
"""
EXCEL = "Ngày\tBắt đầu\tKết thúc\tHoạt động\n09/5/2026\t7h30\t8h00\tKhai mạc\n"


def test_the_exercise_table_shows_its_three_mistakes_at_once():
    editor = TableEditor(EXERCISE, kind="bảng kế hoạch", **OPTIONS)
    assert editor.report is not None and not editor.report.ok
    assert set(editor.report.failed_codes) == {"owners", "venue_clash", "budget"}
    assert "✗" in editor.result.value
    assert editor.df.loc[3, "Phụ trách"] == ""  # text as typed, empty stays empty


def test_typing_in_the_boxes_fixes_the_plan():
    editor = TableEditor(EXERCISE, kind="bảng kế hoạch", **OPTIONS)
    row = editor.cells[2]
    row[1].value, row[2].value, row[4].value = "9h30", "10h30", "Sân bóng chuyền"
    editor.cells[3][5].value = "Chủ tịch CĐCS"
    editor.cells[3][6].value = "9.000.000 đồng"
    editor.check.click()
    assert editor.report.ok, editor.report.failed_codes
    assert editor.df.loc[2, "Bắt đầu"] == "9h30"


def test_add_and_delete_rows():
    editor = TableEditor(EXERCISE, kind="bảng kế hoạch", **OPTIONS)
    editor.add_row.click()
    assert len(editor.df) == 5 and list(editor.df.iloc[4]) == [""] * 7
    editor.delete_row.click()
    editor.delete_row.click()
    assert len(editor.df) == 3
    assert "3 dòng" in editor.message.value


def test_paste_a_table_from_an_ai_page():
    editor = TableEditor(EXERCISE, kind="bảng kế hoạch", year=2026, budget=15_000_000)
    editor.paste.value = MARKDOWN
    editor.load.click()
    assert editor.df.columns[0] == "Ngày" and len(editor.df) == 3
    assert editor.df.loc[1, "Hoạt động"] == "Thi đấu cờ tướng"
    assert editor.report.ok, editor.report.failed_codes


@pytest.mark.parametrize("text", ["", "chỉ một dòng chữ", "| a |\n"])
def test_pasting_something_that_is_not_a_table_says_so(text):
    editor = TableEditor(EXERCISE)
    editor.paste.value = text
    editor.load.click()
    assert "bảng" in editor.message.value and len(editor.df) == 4  # the table is kept
    with pytest.raises(InputError):
        parse_table(text)


def test_excel_and_semicolon_tables_keep_leading_zeros():
    assert parse_table(EXCEL).loc[0, "Ngày"] == "09/5/2026"
    frame = parse_table("Mã;Tên\n007;An\n")
    assert frame.loc[0, "Mã"] == "007"


def test_a_video_script_table_is_checked_with_its_platform():
    script = pd.DataFrame(
        [["1", "12", "Toàn cảnh", "Hội thi", "Công đoàn tổ chức Hội thi."]],
        columns=["cảnh", "giây", "hình ảnh", "chữ trên màn hình", "lời thoại"],
    )
    from congdoan import media

    editor = TableEditor(script, kind=media.check_video_script, platform="reels")
    assert editor.report is not None and not editor.report.ok
    assert editor.report.kind == "video_script"


def test_missing_file_is_a_vietnamese_message():
    with pytest.raises(InputError, match="Không tìm thấy tệp"):
        TableEditor("khong_co.csv")
