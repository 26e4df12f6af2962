"""Single checks: messages, hints with the corrected form, kinds, input errors, decisions."""

from __future__ import annotations

import datetime as dt

import pytest
from document_cases import TODAY, read

from congdoan import i18n
from congdoan.documents import KINDS, check, parse, resolve_kind
from congdoan.errors import InputError
from congdoan.report import ERROR, WARNING, Report


def _check(text: str, kind: str = "notice", today: dt.date = TODAY) -> Report:
    return check(text, kind, today=today)


@pytest.mark.parametrize("kind", ["notice", "TB", "tb", "thông báo", "Thong bao", "THÔNG BÁO"])
def test_kind_aliases(kind: str) -> None:
    assert resolve_kind(kind) == KINDS["notice"]


@pytest.mark.parametrize("kind", ["memo", "", None, 3, "quyết định"])
def test_unknown_kind_lists_valid_kinds_in_vietnamese(kind) -> None:
    with pytest.raises(InputError) as caught:
        check("THÔNG BÁO", kind)
    text = str(caught.value)
    assert text.startswith("Không có loại văn bản")
    for name, label in [
        ("notice", "thông báo"),
        ("invitation", "giấy mời"),
        ("plan", "kế hoạch"),
        ("report", "báo cáo"),
    ]:
        assert f"{name} ({label})" in text


@pytest.mark.parametrize("value", [None, 42, b"THONG BAO", ["THÔNG BÁO"], 3.5])
def test_non_text_input_raises_input_error(value) -> None:
    with pytest.raises(InputError, match="Cần nội dung văn bản"):
        check(value, "notice")


def test_bad_today_raises_input_error(notice_text: str) -> None:
    with pytest.raises(InputError, match="today"):
        check(notice_text, "notice", today="2026-01-01")  # type: ignore[arg-type]


def test_a_parsed_document_can_be_checked(notice_text: str) -> None:
    assert _check(parse(notice_text)).failed_codes == []


def test_future_is_relative_to_today(notice_text: str) -> None:
    assert "place_date" in _check(notice_text, today=dt.date(2026, 4, 19)).failed_codes
    assert _check(notice_text, today=dt.date(2026, 4, 20)).failed_codes == []


def test_default_today_is_the_real_today(notice_text: str) -> None:
    future = notice_text.replace("năm 2026", f"năm {dt.date.today().year + 1}", 1)
    assert check(future, "notice")["place_date"].ok is False


@pytest.mark.parametrize(
    ("written", "hint"),
    [
        ("Huế, ngày 5 tháng 3 năm 2026", "Viết: Huế, ngày 05 tháng 3 năm 2026"),
        ("Huế, ngày 05 tháng 03 năm 2026", "Viết: Huế, ngày 05 tháng 3 năm 2026"),
        ("Huế, ngày 05 tháng 1 năm 2026", "Viết: Huế, ngày 05 tháng 01 năm 2026"),
        ("Huế, ngày 15/3/2026", "Viết: Huế, ngày 15 tháng 3 năm 2026"),
        ("Huế, 15/3/2026", "Viết: Huế, ngày 15 tháng 3 năm 2026"),
    ],
)
def test_place_date_hint_gives_the_correct_form(notice_text: str, written: str, hint: str) -> None:
    text = notice_text.replace("Huế, ngày 20 tháng 4 năm 2026", written)
    item = _check(text)["place_date"]
    assert not item.ok and item.severity == ERROR
    assert item.hint == hint


@pytest.mark.parametrize(
    ("written", "corrected"),
    [
        ("Số: 5/TB-CĐCS", "Số: 05/TB-CĐCS"),
        ("Số: 05/TB - CĐCS", "Số: 05/TB-CĐCS"),
        ("Số: 05/KH-CĐCS", "Số: 05/TB-CĐCS"),
        ("Số 05/TB-CĐCS", "Số: 05/TB-CĐCS"),
        ("Số: 005/TB-CĐCS", "Số: 05/TB-CĐCS"),
        ("Số:    /TB-CĐCS", "Số: 05/TB-CĐCS"),
        ("Số: 12/TB", "Số: 12/TB-CĐCS"),
    ],
)
def test_number_hint_gives_the_corrected_number(
    notice_text: str, written: str, corrected: str
) -> None:
    item = _check(notice_text.replace("Số: 05/TB-CĐCS", written))["number"]
    assert not item.ok
    assert item.hint == f"Viết: {corrected}"


@pytest.mark.parametrize("number", ["Số: 12/TB-CĐCS", "Số: 01/TB-LĐLĐ", "Số: 105/TB-CĐCS"])
def test_good_numbers(notice_text: str, number: str) -> None:
    assert _check(notice_text.replace("Số: 05/TB-CĐCS", number))["number"].ok


@pytest.mark.parametrize("dash", ["\u2013", "\u2014"])
def test_en_and_em_dashes_in_the_motto_are_normalised_and_pass(notice_text: str, dash: str) -> None:
    text = notice_text.replace(
        "Độc lập - Tự do - Hạnh phúc", f"Độc lập {dash} Tự do {dash} Hạnh phúc"
    )
    assert _check(text)["motto"].ok


@pytest.mark.parametrize(
    "motto",
    [
        "Độc lập, Tự do, Hạnh phúc",
        "ĐỘC LẬP - TỰ DO - HẠNH PHÚC",
        "Độc Lập - Tự Do - Hạnh Phúc",
    ],
)
def test_wrong_motto_line_two(notice_text: str, motto: str) -> None:
    item = _check(notice_text.replace("Độc lập - Tự do - Hạnh phúc", motto))["motto"]
    assert not item.ok and motto in item.message
    assert "Độc lập - Tự do - Hạnh phúc" in item.hint


def test_lowercase_motto_line_one(notice_text: str) -> None:
    text = notice_text.replace(
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Cộng hòa xã hội chủ nghĩa Việt Nam"
    )
    assert not _check(text)["motto"].ok


@pytest.mark.parametrize(
    ("block", "expected"),
    [
        ("TM/BCH\nCHỦ TỊCH", "TM. BAN CHẤP HÀNH / CHỦ TỊCH"),
        ("T/M BAN CHẤP HÀNH\nCHỦ TỊCH", "TM. BAN CHẤP HÀNH / CHỦ TỊCH"),
        ("TM. BCH\nCHỦ TỊCH", "TM. BAN CHẤP HÀNH / CHỦ TỊCH"),
        ("TM. Ban Chấp hành\nChủ tịch", "TM. BAN CHẤP HÀNH / CHỦ TỊCH"),
        (
            "TM. BAN CHẤP HÀNH\nK/T CHỦ TỊCH\nPHÓ CHỦ TỊCH",
            "TM. BAN CHẤP HÀNH / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH",
        ),
        ("TM. BAN CHẤP HÀNH\nPHÓ CHỦ TỊCH", "TM. BAN CHẤP HÀNH / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"),
    ],
)
def test_signature_variants_get_the_right_form_in_the_hint(
    notice_text: str, block: str, expected: str
) -> None:
    report = _check(notice_text.replace("TM. BAN CHẤP HÀNH\nCHỦ TỊCH", block))
    assert report.failed_codes == ["signature"]
    assert expected in report["signature"].hint


def test_ban_thuong_vu_signature_is_accepted(notice_text: str) -> None:
    text = notice_text.replace("TM. BAN CHẤP HÀNH", "TM. BAN THƯỜNG VỤ")
    assert _check(text)["signature"].ok


@pytest.mark.parametrize("name", ["ThS. Nguyễn Văn An", "TS. Nguyễn Văn An", "Ông Nguyễn Văn An"])
def test_signer_titles_are_flagged(notice_text: str, name: str) -> None:
    item = _check(notice_text.replace("\nNguyễn Văn An", f"\n{name}"))["signer_name"]
    assert not item.ok
    assert item.hint == "Chỉ ghi họ và tên: Nguyễn Văn An"


def test_missing_signer(notice_text: str) -> None:
    assert _check(notice_text.replace("\nNguyễn Văn An", "")).failed_codes == ["signer_name"]


@pytest.mark.parametrize(
    "leftover",
    ["[bổ sung: địa điểm]", "[Tên đơn vị]", "XXX", "...", "…", "………", "____", "<tên công ty>"],
)
def test_placeholders(notice_text: str, leftover: str) -> None:
    text = notice_text.replace("tại sân Công ty", f"tại {leftover}")
    item = _check(text)["placeholder"]
    assert not item.ok and leftover in item.message


@pytest.mark.parametrize("text", ["văn nghệ, thể thao...", "v.v.", "Số: 05/TB-CĐCS"])
def test_not_placeholders(notice_text: str, text: str) -> None:
    assert _check(notice_text.replace("tại sân Công ty", text))["placeholder"].ok


def test_blank_number_is_both_a_placeholder_and_a_number_error(notice_text: str) -> None:
    report = _check(notice_text.replace("Số: 05/TB-CĐCS", "Số: .../TB-CĐCS"))
    assert sorted(report.failed_codes) == ["number", "placeholder"]


@pytest.mark.parametrize(
    ("unit", "dated"),
    [
        ("huyện A Lưới", "ngày 20 tháng 4 năm 2026"),
        ("quận Phú Xuân", "ngày 02 tháng 7 năm 2025"),
        ("thị xã Hương Thủy", "ngày 20 tháng 4 năm 2026"),
        ("tỉnh Thừa Thiên Huế", "ngày 15 tháng 3 năm 2025"),
    ],
)
def test_outdated_units_warn(notice_text: str, unit: str, dated: str) -> None:
    text = notice_text.replace("tại sân Công ty", f"tại {unit}").replace(
        "ngày 20 tháng 4 năm 2026", dated, 1
    )
    item = _check(text)["outdated_unit"]
    assert not item.ok and item.severity == WARNING and unit in item.message


@pytest.mark.parametrize(
    ("unit", "dated"),
    [
        ("huyện A Lưới", "ngày 30 tháng 6 năm 2025"),
        ("tỉnh Thừa Thiên Huế", "ngày 31 tháng 12 năm 2024"),
        ("xã A Lưới 2", "ngày 20 tháng 4 năm 2026"),
        ("phường Thuận Hóa", "ngày 20 tháng 4 năm 2026"),
    ],
)
def test_units_that_were_current_on_the_date(notice_text: str, unit: str, dated: str) -> None:
    text = notice_text.replace("tại sân Công ty", f"tại {unit}").replace(
        "ngày 20 tháng 4 năm 2026", dated, 1
    )
    assert _check(text)["outdated_unit"].ok


def test_invitation_weekday_mismatch_names_the_right_day() -> None:
    item = _check(read("invitation_bad_weekday.txt"), "invitation")["time"]
    assert "Thứ Năm" in item.message and "Thứ Tư" in item.message
    assert item.hint == "Sửa lại thành «Thứ Tư, ngày 18/3/2026», hoặc kiểm tra lại ngày."


def test_report_recipients_need_nhu_tren() -> None:
    item = _check(read("report_bad_no_as_above.txt"), "report")["recipients"]
    assert "Như trên" in item.message


def test_plan_practice_sections_are_warnings() -> None:
    text = read("plan_thang_cong_nhan.txt")
    for word in ("Kinh phí", "KINH PHÍ", "kinh phí", "Phân công", "TỔ CHỨC THỰC HIỆN"):
        text = text.replace(word, "")
    report = _check(text, "plan")
    assert set(report.failed_codes) == {"budget", "assignment", "implementation"}
    assert report.ok


def test_empty_text_fails_every_error_check_with_messages() -> None:
    report = _check("", "notice")
    assert not report.ok
    assert "encoding" not in report.failed_codes
    assert all(item.message and (item.ok or item.hint) for item in report)


def test_messages_follow_the_language(notice_text: str) -> None:
    i18n.set_language("en")
    item = _check(notice_text.replace("TM. BAN CHẤP HÀNH", "TM/BCH"))["signature"]
    assert "abbreviation" in item.message
    i18n.set_language("vi")
    item = _check(notice_text.replace("TM. BAN CHẤP HÀNH", "TM/BCH"))["signature"]
    assert "viết tắt sai" in item.message


def test_report_prints_a_vietnamese_checklist(notice_text: str) -> None:
    text = str(_check(notice_text.replace("tháng 4", "tháng 04", 1)))
    assert text.startswith("Kết quả kiểm tra")
    assert "→ Viết: Huế, ngày 20 tháng 4 năm 2026" in text


@pytest.mark.parametrize("blank", ["Số:     /TB-CĐCS", "Số: /TB-CĐCS", "Số:\t/TB-CĐCS"])
def test_a_blank_number_left_for_the_clerk_is_a_warning(notice_text: str, blank: str) -> None:
    number = parse(notice_text).number
    report = _check(notice_text.replace(number, blank))
    item = report["number"]
    assert (item.ok, item.severity) == (False, WARNING)
    assert report.ok
    assert "Số: 05/TB-CĐCS" in item.hint


def test_a_blank_number_with_the_wrong_type_is_still_an_error(notice_text: str) -> None:
    number = parse(notice_text).number
    item = _check(notice_text.replace(number, "Số:     /KH-CĐCS"))["number"]
    assert (item.ok, item.severity) == (False, ERROR)


def test_notes_after_the_final_recipient_are_not_recipients(notice_text: str) -> None:
    with_notes = notice_text + "\n\nGợi ý:\n- Đọc lại trước khi gửi\n- Kiểm tra ngày tháng"
    document = parse(with_notes)
    assert document.recipients[-1].startswith("- Lưu")
    assert _check(with_notes)["recipients"].ok
