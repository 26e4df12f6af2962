"""Meeting minutes (biên bản, kind ``minutes``): a correct one, and ones broken in one way each.

The parts follow NĐ 30/2020, mẫu 1.9: time started, place, participants, chair and
secretary, proceedings, closing time, and the signatures of the secretary and the chair.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import congdoan
from congdoan.documents import check, from_docx, parse, resolve_kind, to_docx
from congdoan.report import ERROR, WARNING

TODAY = dt.date(2026, 11, 28)

MINUTES = "\n".join(
    [
        "LĐLĐ THÀNH PHỐ HUẾ",
        "CÔNG ĐOÀN CƠ SỞ CÔNG TY TNHH MAY MẶC HƯƠNG GIANG",
        "Số: 07/BB-CĐCS",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "",
        "BIÊN BẢN",
        "Họp Ban Chấp hành Công đoàn cơ sở tháng 4 năm 2026",
        "",
        "Thời gian bắt đầu: 14 giờ 00, ngày 20/4/2026.",
        "Địa điểm: Phòng họp số 2, nhà điều hành Công ty.",
        "Thành phần tham dự: Ủy viên Ban Chấp hành Công đoàn cơ sở; có mặt 9/11 "
        "đồng chí, vắng 2 đồng chí (có lý do).",
        "Chủ trì: đồng chí Lê Thị Hoa, Chủ tịch Công đoàn cơ sở.",
        "Thư ký: đồng chí Trần Văn Nam, Ủy viên Ban Chấp hành.",
        "Nội dung cuộc họp:",
        "1. Đồng chí Lê Thị Hoa quán triệt kế hoạch Tháng Công nhân năm 2026 của "
        "Liên đoàn Lao động thành phố Huế.",
        "2. Các ủy viên thảo luận, đề xuất tổ chức Ngày hội hiến máu và thăm hỏi "
        "đoàn viên khó khăn.",
        "Kết luận: Ban Chấp hành thống nhất tổ chức Ngày hội hiến máu lúc 7 giờ 30 "
        "ngày 10/5/2026 tại sân Công ty; giao đồng chí Trần Văn Nam lập danh sách đăng ký.",
        "Cuộc họp kết thúc lúc 16 giờ 00 cùng ngày. Biên bản đã được đọc lại cho "
        "các đồng chí dự họp cùng nghe.",
        "",
        "THƯ KÝ                                  CHỦ TRÌ",
        "",
        "Trần Văn Nam                            Lê Thị Hoa",
        "",
        "Nơi nhận:",
        "- Ban Chấp hành Công đoàn cơ sở;",
        "- Lưu: VT, BCH.",
        "",
    ]
)

CODES = [
    "issuer",
    "number",
    "motto",
    "place_date",
    "title",
    "subject",
    "time_venue",
    "participants",
    "content",
    "conclusion",
    "closing",
    "signatures",
    "recipients",
    "placeholder",
    "outdated_unit",
    "encoding",
    "markup",
    "preamble",
    "privacy",
    "real_date",
    "weekday",
]


def _replace(old: str, new: str) -> str:
    assert old in MINUTES, old
    return MINUTES.replace(old, new, 1)


RECIPIENTS = "Nơi nhận:\n- Ban Chấp hành Công đoàn cơ sở;\n- Lưu: VT, BCH.\n"
SIGNED_TM_BCH = """\
TM. BAN CHẤP HÀNH
CHỦ TỊCH

Lê Thị Hoa
"""
SIGNATURE_LINES = """\
THƯ KÝ                                  CHỦ TRÌ

Trần Văn Nam                            Lê Thị Hoa
"""

# (id, the text broken in one way, the one code that fails, its severity)
BROKEN = [
    ("wrong_type", _replace("Số: 07/BB-CĐCS", "Số: 07/TB-CĐCS"), "number", ERROR),
    ("wrong_title", _replace("BIÊN BẢN\n", "THÔNG BÁO\n"), "title", ERROR),
    (
        "bad_date_line",
        _replace(
            "Độc lập - Tự do - Hạnh phúc\n",
            "Độc lập - Tự do - Hạnh phúc\nHuế, ngày 20 tháng 04 năm 2026\n",
        ),
        "place_date",
        ERROR,
    ),
    (
        "no_venue",
        _replace("Địa điểm: Phòng họp số 2, nhà điều hành Công ty.\n", ""),
        "time_venue",
        ERROR,
    ),
    ("no_hour", _replace("14 giờ 00, ngày 20/4/2026", "ngày 20/4/2026"), "time_venue", ERROR),
    (
        "no_secretary",
        _replace("Thư ký: đồng chí Trần Văn Nam, Ủy viên Ban Chấp hành.\n", ""),
        "participants",
        ERROR,
    ),
    (
        "no_chair_line",
        _replace("Chủ trì: đồng chí Lê Thị Hoa, Chủ tịch Công đoàn cơ sở.\n", ""),
        "participants",
        ERROR,
    ),
    (
        "no_attendance",
        _replace("; có mặt 9/11 đồng chí, vắng 2 đồng chí (có lý do)", ""),
        "participants",
        WARNING,
    ),
    ("no_content", _replace("Nội dung cuộc họp:\n", ""), "content", ERROR),
    (
        "no_conclusion",
        _replace(
            "Kết luận: Ban Chấp hành thống nhất tổ chức Ngày hội hiến máu lúc 7 giờ 30 ngày "
            "10/5/2026 tại sân Công ty; giao đồng chí Trần Văn Nam lập danh sách đăng ký.\n",
            "",
        ),
        "conclusion",
        WARNING,
    ),
    ("no_closing", _replace("Cuộc họp kết thúc lúc 16 giờ 00 cùng ngày. ", ""), "closing", ERROR),
    (
        "closing_without_hour",
        _replace("kết thúc lúc 16 giờ 00 cùng ngày", "kết thúc cùng ngày"),
        "closing",
        ERROR,
    ),
    ("signed_tm_bch", _replace(SIGNATURE_LINES, SIGNED_TM_BCH), "signatures", ERROR),
    ("only_chair_signs", _replace(SIGNATURE_LINES, "CHỦ TRÌ\n\nLê Thị Hoa\n"), "signatures", ERROR),
    (
        "only_secretary_signs",
        _replace(SIGNATURE_LINES, "THƯ KÝ\n\nTrần Văn Nam\n"),
        "signatures",
        ERROR,
    ),
    (
        "name_with_title",
        _replace(
            "Trần Văn Nam                            Lê Thị Hoa",
            "Trần Văn Nam                            ThS. Lê Thị Hoa",
        ),
        "signatures",
        ERROR,
    ),
    ("no_recipients", _replace(RECIPIENTS, ""), "recipients", WARNING),
    ("placeholder", _replace("Phòng họp số 2", "[bổ sung: phòng họp]"), "placeholder", ERROR),
    ("outdated_unit", _replace("thành phố Huế.", "tỉnh Thừa Thiên Huế."), "outdated_unit", WARNING),
]


def test_minutes_is_a_kind_with_bb_and_bien_ban() -> None:
    spec = resolve_kind("minutes")
    assert (spec.abbreviation, spec.title) == ("BB", "BIÊN BẢN")
    assert resolve_kind("BB") is spec and resolve_kind("biên bản") is spec
    assert "minutes" in congdoan.checks.kinds()


def test_correct_minutes_pass_every_check() -> None:
    report = check(MINUTES, "minutes", today=TODAY)
    assert [item.code for item in report] == CODES
    assert report.ok and report.score == 1.0, [(i.code, i.message) for i in report if not i.ok]
    assert "Trần Văn Nam" in report["signatures"].message
    assert "Lê Thị Hoa" in report["signatures"].message


def test_the_course_entry_point_checks_minutes() -> None:
    assert congdoan.check(MINUTES, "minutes").failed_codes == []


@pytest.mark.parametrize(
    ("text", "code", "severity"), [b[1:] for b in BROKEN], ids=[b[0] for b in BROKEN]
)
def test_minutes_broken_one_way_fail_exactly_one_code(text: str, code: str, severity) -> None:
    report = check(text, "minutes", today=TODAY)
    assert report.failed_codes == [code], [(i.code, i.message) for i in report if not i.ok]
    item = report[code]
    assert item.severity == severity and item.message and item.hint
    assert "{" not in item.message + item.hint
    assert report.ok == (severity == WARNING)


def test_signed_for_the_executive_committee_explains_who_signs() -> None:
    item = check(_replace(SIGNATURE_LINES, SIGNED_TM_BCH), "minutes", today=TODAY)["signatures"]
    assert "TM. BAN CHẤP HÀNH" in item.message
    assert "THƯ KÝ" in item.hint and "CHỦ TRÌ" in item.hint


def test_signatures_one_under_the_other_and_chu_toa() -> None:
    stacked = _replace(
        SIGNATURE_LINES, "THƯ KÝ\n(Đã ký)\nTrần Văn Nam\nCHỦ TỌA\n(Đã ký)\nLê Thị Hoa\n"
    )
    report = check(stacked, "minutes", today=TODAY)
    assert report.failed_codes == []


def test_a_chat_answer_in_markdown_is_read_the_same() -> None:
    """Every part is still found; only the Markdown and the app's preamble are flagged."""
    chat = "Dưới đây là biên bản cuộc họp:\n\n" + MINUTES.replace("BIÊN BẢN\n", "**BIÊN BẢN**\n")
    assert check(chat, "minutes", today=TODAY).failed_codes == ["markup", "preamble"]


def test_minutes_in_english_messages(monkeypatch) -> None:
    monkeypatch.setenv("CONGDOAN_LANG", "en")
    report = check(
        _replace("Cuộc họp kết thúc lúc 16 giờ 00 cùng ngày. ", ""), "minutes", today=TODAY
    )
    assert "closing" in report.failed_codes


def test_word_export_puts_the_two_signatures_side_by_side(tmp_path: Path) -> None:
    import docx

    path = to_docx(MINUTES, tmp_path / "bien_ban.docx")
    word = docx.Document(str(path))
    signature_tables = [t for t in word.tables if "THƯ KÝ" in t.rows[0].cells[0].text]
    assert len(signature_tables) == 1
    left, right = signature_tables[0].rows[0].cells
    assert "Trần Văn Nam" in left.text and right.text.startswith("CHỦ TRÌ")
    assert "Lê Thị Hoa" in right.text
    body_texts = [p.text for p in word.paragraphs]
    assert not any("THƯ KÝ" in text for text in body_texts)


@pytest.mark.parametrize(
    ("text", "code"),
    [(MINUTES, None)] + [(b[1], b[2]) for b in BROKEN],
    ids=["correct"] + [b[0] for b in BROKEN],
)
def test_word_round_trip_gives_the_same_verdict(tmp_path: Path, text: str, code) -> None:
    before = check(text, "minutes", today=TODAY)
    after = check(from_docx(to_docx(text, tmp_path / "bb.docx")), "minutes", today=TODAY)
    assert after.failed_codes == before.failed_codes
    assert [item.ok for item in after] == [item.ok for item in before]


def test_existing_kinds_do_not_see_signing_roles() -> None:
    doc = parse(MINUTES)
    assert doc.title == "BIÊN BẢN" and doc.number == "Số: 07/BB-CĐCS"
