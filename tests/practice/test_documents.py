"""Notice, invitation, plan and report: the union document layout, filled from the prompt."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from congdoan.practice import respond
from congdoan.providers.base import Message
from congdoan.text import fold

from .conftest import placeholders, run

DOCUMENTS = {
    "notice": {
        "vague": "Viết thông báo về Tháng Công nhân",
        "detailed": (
            "Viết thông báo của Công đoàn cơ sở Công ty Cổ phần Dệt may Huế (cấp trên: Liên đoàn "
            "Lao động thành phố Huế) về việc tổ chức Lễ phát động Tháng Công nhân năm 2026, lúc "
            "7h30, thứ Sáu, ngày 08/5/2026 tại Hội trường Công ty, số 12 Nguyễn Văn Cừ, thành phố "
            "Huế. Thành phần: toàn thể đoàn viên, người lao động. Chủ đề: “Công nhân Việt Nam tiên "
            "phong bước vào kỷ nguyên mới”. Người ký: Chủ tịch Nguyễn Văn An."
        ),
        "given": [
            "Công đoàn cơ sở Công ty Cổ phần Dệt may Huế",
            "Liên đoàn Lao động thành phố Huế",
            "Lễ phát động Tháng Công nhân năm 2026",
            "7h30",
            "thứ Sáu",
            "08/5/2026",
            "Hội trường Công ty, số 12 Nguyễn Văn Cừ, thành phố Huế",
            "toàn thể đoàn viên, người lao động",
            "Công nhân Việt Nam tiên phong bước vào kỷ nguyên mới",
            "Nguyễn Văn An",
        ],
        "symbol": "/TB-CĐCS",
        "title": "THÔNG BÁO",
    },
    "invitation": {
        "vague": "Soạn giấy mời dự hội nghị",
        "detailed": (
            "Soạn giấy mời của Công đoàn cơ sở Trường Tiểu học Vĩnh Ninh, trực thuộc Liên đoàn "
            "Lao động thành phố Huế, mời toàn thể đoàn viên dự Hội nghị người lao động năm 2026 "
            "lúc 14h00, thứ Năm, ngày 15/01/2026 tại Phòng họp nhà trường. Chủ trì: đồng chí "
            "Lê Thị Mai, Chủ tịch Công đoàn cơ sở. Người ký: Chủ tịch Lê Thị Mai."
        ),
        "given": [
            "Công đoàn cơ sở Trường Tiểu học Vĩnh Ninh",
            "Liên đoàn Lao động thành phố Huế",
            "toàn thể đoàn viên",
            "Hội nghị người lao động năm 2026",
            "14h00",
            "thứ Năm",
            "15/01/2026",
            "Phòng họp nhà trường",
            "Lê Thị Mai",
        ],
        "symbol": "/GM-CĐCS",
        "title": "GIẤY MỜI",
    },
    "plan": {
        "vague": "Lập kế hoạch Tết Sum vầy",
        "detailed": (
            "Lập kế hoạch tổ chức Tết Sum vầy năm 2026 của Công đoàn cơ sở Bệnh viện Trung ương "
            "Huế, trực thuộc Công đoàn ngành Y tế thành phố Huế, từ ngày 20/01 đến ngày 05/02/2026 "
            "tại Hội trường Bệnh viện. Đối tượng: đoàn viên có hoàn cảnh khó khăn. Trao 50 suất "
            "quà, mỗi suất 500.000 đồng; tổng kinh phí 25.000.000 đồng.\n"
            "Hoạt động:\n- Trao quà Tết cho đoàn viên khó khăn\n- Tổ chức Bữa cơm Công đoàn\n"
            "Phó Chủ tịch Trần Thị Bình ký."
        ),
        "given": [
            "Công đoàn cơ sở Bệnh viện Trung ương Huế",
            "Công đoàn ngành Y tế thành phố Huế",
            "Tết Sum vầy năm 2026",
            "từ ngày 20/01 đến ngày 05/02/2026",
            "Hội trường Bệnh viện",
            "đoàn viên có hoàn cảnh khó khăn",
            "50 suất quà",
            "500.000 đồng",
            "25.000.000 đồng",
            "Trao quà Tết cho đoàn viên khó khăn",
            "Tổ chức Bữa cơm Công đoàn",
            "Trần Thị Bình",
        ],
        "symbol": "/KH-CĐCS",
        "title": "KẾ HOẠCH",
    },
    "report": {
        "vague": "Viết báo cáo",
        "detailed": (
            "Viết báo cáo gửi Liên đoàn Lao động thành phố Huế về kết quả Tháng Công nhân năm 2026 "
            "của Công đoàn cơ sở Công ty Cổ phần Dệt may Huế, thực hiện từ ngày 01/5 đến ngày "
            "31/5/2026.\n"
            "Kết quả: tổ chức 12 hoạt động, 350 lượt đoàn viên tham gia, trao 40 suất quà.\n"
            "Khó khăn: nhiều đoàn viên làm ca đêm nên khó tham gia.\n"
            "Kiến nghị: đề nghị cấp trên hỗ trợ thêm 20 suất quà cho công nhân khó khăn.\n"
            "Người ký: Chủ tịch Nguyễn Văn An."
        ),
        "given": [
            "Liên đoàn Lao động thành phố Huế",
            "Tháng Công nhân năm 2026",
            "Công đoàn cơ sở Công ty Cổ phần Dệt may Huế",
            "từ ngày 01/5 đến ngày 31/5/2026",
            "tổ chức 12 hoạt động, 350 lượt đoàn viên tham gia, trao 40 suất quà",
            "nhiều đoàn viên làm ca đêm nên khó tham gia",
            "đề nghị cấp trên hỗ trợ thêm 20 suất quà cho công nhân khó khăn",
            "Nguyễn Văn An",
        ],
        "symbol": "/BC-CĐCS",
        "title": "BÁO CÁO",
    },
}


@pytest.mark.parametrize("task", list(DOCUMENTS))
def test_vague_and_detailed_prompts(task):
    case = DOCUMENTS[task]
    vague = run(case["vague"])
    detailed = run(case["detailed"])
    assert vague.task == detailed.task == task
    assert placeholders(detailed.text) < placeholders(vague.text)
    assert placeholders(detailed.draft) == 0, detailed.draft
    assert detailed.missing == []
    assert len(vague.missing) >= 4
    for value in case["given"]:
        # The issuer lines are uppercase by rule; everywhere else the words are verbatim.
        assert value in detailed.draft or value.upper() in detailed.draft.splitlines()[:2], value


@pytest.mark.parametrize("task", list(DOCUMENTS))
def test_layout_lines(task):
    case = DOCUMENTS[task]
    lines = run(case["detailed"]).draft.splitlines()
    assert lines[0] == lines[0].upper() and lines[1] == lines[1].upper()
    assert re.fullmatch(r"Số:\s+/[A-Z]+-[A-ZĐ]+", lines[2])
    assert lines[2].endswith(case["symbol"])
    assert lines[3:5] == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    assert lines[5] == "Huế, ngày 05 tháng 01 năm 2026"
    assert lines[7] == case["title"]
    assert lines[8]  # the one-line subject
    assert "TM. BAN CHẤP HÀNH" in lines
    recipients = lines.index("Nơi nhận:")
    assert lines[-1] == "- Lưu: VT."
    assert all(line.startswith("- ") and line.endswith(";") for line in lines[recipients + 1 : -1])


def test_issuer_lines_are_superior_then_issuer():
    lines = run(DOCUMENTS["notice"]["detailed"]).draft.splitlines()
    assert lines[0] == "LIÊN ĐOÀN LAO ĐỘNG THÀNH PHỐ HUẾ"
    assert lines[1] == "CÔNG ĐOÀN CƠ SỞ CÔNG TY CỔ PHẦN DỆT MAY HUẾ"


def test_invitation_fields():
    draft = run(DOCUMENTS["invitation"]["detailed"]).draft
    for label in ("trân trọng kính mời:", "Tới dự:", "Thời gian:", "Địa điểm:", "Chủ trì:"):
        assert label in draft
    assert "Về việc dự Hội nghị người lao động năm 2026" in draft


def test_plan_sections_and_deputy_signature():
    lines = run(DOCUMENTS["plan"]["detailed"]).draft.splitlines()
    for heading in (
        "I. MỤC ĐÍCH, YÊU CẦU",
        "II. NỘI DUNG",
        "III. KINH PHÍ",
        "IV. PHÂN CÔNG NHIỆM VỤ",
        "V. TỔ CHỨC THỰC HIỆN",
    ):
        assert heading in lines
    sign = lines.index("TM. BAN CHẤP HÀNH")
    assert lines[sign + 1 : sign + 3] == ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
    assert lines[sign + 4] == "Trần Thị Bình"
    assert lines[0] == "CÔNG ĐOÀN NGÀNH Y TẾ THÀNH PHỐ HUẾ"


def test_report_addressee_and_as_above():
    lines = run(DOCUMENTS["report"]["detailed"]).draft.splitlines()
    assert "Kính gửi: Liên đoàn Lao động thành phố Huế" in lines
    assert "- Như trên;" in lines
    for heading in ("I. KẾT QUẢ THỰC HIỆN", "II. ĐÁNH GIÁ CHUNG", "III. KIẾN NGHỊ, ĐỀ XUẤT"):
        assert heading in lines


@pytest.mark.parametrize(
    ("today", "line"),
    [
        (dt.date(2026, 1, 5), "Huế, ngày 05 tháng 01 năm 2026"),
        (dt.date(2026, 2, 28), "Huế, ngày 28 tháng 02 năm 2026"),
        (dt.date(2026, 3, 9), "Huế, ngày 09 tháng 3 năm 2026"),
        (dt.date(2026, 12, 15), "Huế, ngày 15 tháng 12 năm 2026"),
    ],
)
def test_place_and_date_line_follows_leading_zero_rules(today, line):
    # the meeting is after every ``today`` here, so the draft is dated today
    prompt = DOCUMENTS["notice"]["detailed"].replace("ngày 08/5/2026", "ngày 18/12/2026")
    draft = run(prompt, today=today).draft
    assert draft.splitlines()[5] == line


@pytest.mark.parametrize("kind", ["notice", "invitation", "plan"])
def test_a_draft_is_never_dated_after_the_event_it_announces(kind):
    # each event is in the first half of 2026: drafted on 03/12/2026, not dated today
    answer = run(DOCUMENTS[kind]["detailed"], today=dt.date(2026, 12, 3))
    place_date = answer.draft.splitlines()[5]
    assert place_date == "Huế, ngày    tháng    năm 2026"
    assert any("để trống ngày, tháng" in tip for tip in answer.tips)


def test_an_event_later_the_same_year_keeps_todays_date():
    answer = run(DOCUMENTS["notice"]["detailed"], today=dt.date(2026, 5, 7))
    assert answer.draft.splitlines()[5] == "Huế, ngày 07 tháng 5 năm 2026"
    assert not any("để trống ngày, tháng" in tip for tip in answer.tips)


def test_a_report_on_a_past_event_is_dated_today():
    # a report is written after what it reports: today is right
    answer = run(DOCUMENTS["report"]["detailed"], today=dt.date(2026, 12, 3))
    assert answer.draft.splitlines()[5].endswith("ngày 03 tháng 12 năm 2026")


def test_a_date_without_its_year_is_not_taken_as_past():
    answer = run(
        "Viết thông báo về việc nghỉ mát ngày 2/9 của Công đoàn cơ sở Công ty Dệt may Huế",
        today=dt.date(2026, 12, 3),
    )
    assert "ngày 03 tháng 12 năm 2026" in answer.draft.splitlines()[5]


def test_issue_date_in_prompt_wins_over_today():
    prompt = DOCUMENTS["notice"]["detailed"] + " Văn bản ban hành ngày 20/4/2026."
    assert run(prompt).draft.splitlines()[5] == "Huế, ngày 20 tháng 4 năm 2026"


def test_labour_federation_issuer_gets_the_confederation_above_it():
    prompt = (
        "Viết thông báo của Liên đoàn Lao động thành phố Huế về việc tổ chức Hội nghị tổng kết "
        "năm 2025 lúc 8h00 ngày 15/01/2026 tại Hội trường Liên đoàn. Thành phần: Chủ tịch "
        "công đoàn cơ sở trực thuộc. Người ký: Chủ tịch Nguyễn Văn An."
    )
    lines = run(prompt).draft.splitlines()
    assert lines[:3] == [
        "TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM",
        "LIÊN ĐOÀN LAO ĐỘNG THÀNH PHỐ HUẾ",
        "Số:     /TB-LĐLĐ",
    ]


def test_no_diacritics_prompt_still_fills_the_document():
    prompt = (
        "viet thong bao cua Cong doan co so Cong ty May Hoa Tho ve viec to chuc Hoi thao "
        "cong nhan luc 7h30 ngay 10/5/2026 tai san Cong ty"
    )
    result = run(prompt)
    assert result.task == "notice"
    # the union phrases get their marks back ("Công đoàn cơ sở Công ty"), names stay as typed
    folded = fold(result.draft)
    for value in ("Cong doan co so Cong ty May Hoa Tho", "7h30", "10/5/2026", "san Cong ty"):
        assert fold(value) in folded
    assert "CÔNG ĐOÀN CƠ SỞ CÔNG TY MAY HOA THO" in result.draft
    assert {"time", "date", "place", "org"}.isdisjoint(result.missing)


def test_wrong_weekday_is_pointed_out():
    prompt = DOCUMENTS["notice"]["detailed"].replace("thứ Sáu", "thứ Hai")
    result = run(prompt)
    assert any("thứ Sáu" in tip and "thứ Hai" in tip for tip in result.tips)


def test_missing_details_are_named_in_the_tips():
    result = run(DOCUMENTS["notice"]["vague"])
    assert "Gợi ý để câu lệnh tốt hơn:" in result.text
    assert "[bổ sung: địa điểm]" in result.draft
    assert "place" in result.missing
    assert any("Ví dụ" in tip for tip in result.tips)


def test_respond_is_the_public_entry_point():
    result = respond([Message("user", DOCUMENTS["notice"]["detailed"])], today=dt.date(2026, 1, 5))
    assert result.text.startswith(result.draft)
    assert result.task == "notice"


def test_a_number_given_in_the_prompt_is_used():
    prompt = DOCUMENTS["notice"]["detailed"] + " Số: 05/TB-CĐCS."
    assert run(prompt).draft.splitlines()[2] == "Số: 05/TB-CĐCS"
