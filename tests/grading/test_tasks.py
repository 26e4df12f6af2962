"""congdoan.grading.tasks and the answer types of a04-a06 (script, list, data table)."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from congdoan.grading import grade_part
from congdoan.grading.core import answer_problem, as_answer, as_list
from congdoan.grading.keys import a05_errors
from congdoan.grading.materials import A06_UNITS
from congdoan.grading.tasks import (
    check_clean_members,
    check_errors_found,
    check_member_key,
    check_redacted,
    check_srt_sync,
    check_survey_counts,
)
from congdoan.media import script_table, to_srt

_KEY = Path(__file__).resolve().parents[2] / "assignments/a06_du_lieu_thanh_vien/dap_an.json"
A06_MEMBERS = json.loads(_KEY.read_text(encoding="utf-8"))["members"]
A06_SURVEY = json.loads(_KEY.read_text(encoding="utf-8"))["survey"]

SCRIPT = script_table(
    [
        (3, "Bóng lăn", "Sẵn sàng chưa?", "Sẵn sàng cho Hội thao chưa?"),
        (10, "Kéo co", "Hội thao 09/5/2026", "Ngày 09/5/2026 có Hội thao công nhân."),
        (8, "Cả đội", "Hẹn gặp!", "Hãy đăng ký tham gia nhé!"),
    ]
)


def test_subtitles_made_from_the_script_are_in_sync():
    assert check_srt_sync(to_srt(SCRIPT), SCRIPT).ok


def test_subtitles_of_another_script_are_not():
    shorter = SCRIPT.copy()
    shorter.loc[1, "giây"] = 6
    report = check_srt_sync(to_srt(shorter), SCRIPT)
    assert report.failed_codes == ["end", "scenes"]
    assert "giây 17" in report["end"].message and "21 giây" in report["end"].message


def test_subtitles_must_carry_the_voice_over():
    other = to_srt(SCRIPT).replace("Ngày 09/5/2026 có Hội thao công nhân.", "Xin chào.")
    assert check_srt_sync(other, SCRIPT).failed_codes == ["words"]


def test_broken_subtitles_or_script_give_one_failed_item():
    assert check_srt_sync("không phải SRT", SCRIPT).failed_codes == ["format"]
    bad = pd.DataFrame({"giây": ["?"], "hình ảnh": ["x"], "lời thoại": ["y"]})
    assert check_srt_sync(to_srt(SCRIPT), bad).failed_codes == ["script"]


@pytest.mark.parametrize(
    ("entries", "failed"),
    [
        (["tỉnh Thừa Thiên Huế", "500", "15/6/2026"], []),
        (["TT Huế", "500 suất quà", "ngày 15/6"], []),
        (["Thừa Thiên Huế", "500"], ["found_3"]),
        (["Thừa Thiên Huế", "500", "15/6/2026", "300"], ["extra_1"]),
        (["Thừa Thiên Huế, 500", "15/6/2026"], ["found_1", "found_2", "extra_1"]),
        (["500", "500 suất"], ["found_1", "found_3"]),  # a repeat costs nothing
    ],
)
def test_errors_found_counts_recall_and_precision(entries, failed):
    assert check_errors_found(entries, a05_errors()).failed_codes == failed


def test_a05_errors_part_scores_precision(capfd):
    everything = ["Thừa Thiên Huế", "500", "15/6/2026", "7h30", "03/5/2026", "300", "04/5/2026"]
    assert grade_part("a05", "errors", sai=everything) == 1.25  # 3 of 7 items
    out, err = capfd.readouterr()
    assert "«7h30» không phải chỗ sai" in out and err == ""


def _members() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Họ và tên": list(A06_MEMBERS.values()),
            "Số điện thoại": [f"09051234{n:02d}" for n in range(len(A06_MEMBERS))],
            "Số CCCD": list(A06_MEMBERS),
            "Đơn vị": [A06_UNITS[n % len(A06_UNITS)] for n in range(len(A06_MEMBERS))],
        }
    )


def test_clean_member_table_passes():
    assert check_clean_members(_members(), units=A06_UNITS).ok
    assert check_member_key(_members(), citizen_ids=A06_MEMBERS).ok


def test_numbers_read_as_numbers_lose_their_zero():
    table = _members()
    table["Số CCCD"] = [int(c) for c in table["Số CCCD"]]
    table["Số điện thoại"] = [int(p) for p in table["Số điện thoại"]]
    report = check_clean_members(table, units=A06_UNITS)
    assert report.failed_codes == ["phones", "ids"]
    assert check_member_key(table, citizen_ids=A06_MEMBERS).ok  # same people, wrong format
    redacted = check_redacted(table.drop(columns=["Họ và tên"]), names=A06_MEMBERS.values())
    assert redacted.failed_codes == ["phones", "ids"]  # 9 and 11 digits still count


def test_missing_columns_and_rows_are_named():
    report = check_clean_members(_members().drop(columns=["Đơn vị"]), units=A06_UNITS)
    assert report.failed_codes == ["units"] and "đơn vị" in report["units"].message
    fewer = check_member_key(_members().iloc[:-1], citizen_ids=A06_MEMBERS)
    assert fewer.failed_codes == ["count", "members"]


def test_redaction_needs_names_gone_and_units_kept():
    table = _members()
    table["Số điện thoại"] = "***"
    table["Số CCCD"] = "***"
    assert check_redacted(table, names=A06_MEMBERS.values()).failed_codes == ["names"]
    table["Họ và tên"] = "[HỌ TÊN]"
    assert check_redacted(table, names=A06_MEMBERS.values()).ok
    assert check_redacted(table.drop(columns=["Đơn vị"]), names=[]).failed_codes == ["units"]


def test_survey_counts_take_any_table_with_answers_and_counts():
    rows = [(a, n) for answers in A06_SURVEY.values() for a, n in answers.items()]
    table = pd.DataFrame(rows, columns=["Câu trả lời", "Số lượt"])
    assert check_survey_counts(table, key=A06_SURVEY).ok
    series = pd.Series(A06_SURVEY["Câu 1"], name="count")
    series.index.name = "Câu 1"
    assert grade_part("a06", "summary", tong_hop=series) == 1.0  # a value_counts() of Câu 1
    assert check_survey_counts(pd.DataFrame({"x": [1]}), key=A06_SURVEY).failed_codes == [
        "question_1",
        "question_2",
    ]


@pytest.mark.parametrize(
    ("value", "entries"),
    [
        (["500", " 15/6 ", ""], ["500", "15/6"]),
        ((500, 15.0), ["500", "15"]),
        ("500\n15/6/2026; Thừa Thiên Huế", ["500", "15/6/2026", "Thừa Thiên Huế"]),
        (500, None),
        ([["500"]], None),
    ],
)
def test_list_answers(value, entries):
    assert as_list(value) == entries


@pytest.mark.parametrize(
    ("value", "kind", "words"),
    [
        ([], "list", "đang trống"),
        (500, "list", "danh sách"),
        (pd.DataFrame(columns=["giây"]), "script", "chưa có cảnh nào"),
        (42, "script", "bảng kịch bản"),
        ("  ", "script", "đang trống"),
        (pd.DataFrame(), "data", "chưa có dòng nào"),
    ],
)
def test_empty_or_wrong_answers_name_the_variable(value, kind, words):
    problem = answer_problem(value, kind, "bien")
    assert problem is not None and words in problem and "bien" in problem


def test_a_script_may_be_a_table_or_pasted_text():
    assert answer_problem(SCRIPT, "script", "kich_ban") is None
    assert as_answer("Cảnh 1 (3 giây): ...", "script") == "Cảnh 1 (3 giây): ..."
    assert as_answer(SCRIPT, "script") is SCRIPT


def test_call_to_action_is_not_the_word_cong_nhan(capfd):
    """The "nhân" of "công nhân" is not "nhấn" (press): no call to action here."""
    ending = SCRIPT.copy()
    ending.loc[2, "lời thoại"] = "Tháng Công nhân vui vẻ."
    ending.loc[2, "chữ trên màn hình"] = "Công nhân Sông Hương"
    from congdoan.media import check_video_script

    assert not check_video_script(ending, "reels")["call_to_action"].ok
    assert grade_part("a04", "script", kich_ban=ending) == 1.75  # duration (21 s) and CTA fail
    assert "Cảnh cuối (3) chưa kêu gọi" in capfd.readouterr().out
