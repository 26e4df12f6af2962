"""Parsing: each part of a document is found by what it says, whatever the layout."""

from __future__ import annotations

from document_cases import read

from congdoan.documents import Document, parse


def test_parse_correct_notice(notice_text: str) -> None:
    doc = parse(notice_text)
    assert doc.issuer == ["LĐLĐ THÀNH PHỐ HUẾ", "CÔNG ĐOÀN CƠ SỞ CÔNG TY CỔ PHẦN DỆT MAY HUẾ"]
    assert doc.superior_body == "LĐLĐ THÀNH PHỐ HUẾ"
    assert doc.issuing_body == "CÔNG ĐOÀN CƠ SỞ CÔNG TY CỔ PHẦN DỆT MAY HUẾ"
    assert doc.number == "Số: 05/TB-CĐCS"
    assert doc.motto == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    assert doc.place_date == "Huế, ngày 20 tháng 4 năm 2026"
    assert doc.title == "THÔNG BÁO"
    assert doc.title_word == "THÔNG BÁO"
    assert doc.subject == "Về việc tổ chức các hoạt động Tháng Công nhân năm 2026"
    assert doc.body[0].startswith("Thực hiện Kế hoạch số 12/KH-LĐLĐ")
    assert len(doc.body) == 6
    assert doc.recipients_heading == "Nơi nhận:"
    assert doc.recipients == ["- Ban Giám đốc Công ty;", "- Các tổ công đoàn;", "- Lưu: VT, BCH."]
    assert doc.signature == ["TM. BAN CHẤP HÀNH", "CHỦ TỊCH"]
    assert doc.signer == "Nguyễn Văn An"
    assert doc.preamble == [] and doc.trailing == [] and doc.legacy_encoding is None


def test_side_by_side_columns_give_the_same_parts(notice_text: str) -> None:
    plain, side = parse(notice_text), parse(read("notice_ok_side_by_side.txt"))
    for part in ("issuer", "number", "motto", "place_date", "title", "subject", "body"):
        assert getattr(side, part) == getattr(plain, part), part
    assert side.recipients == plain.recipients
    assert side.signature == plain.signature and side.signer == plain.signer
    assert side.signature_notes == ["(Đã ký)"]


def test_markdown_chat_answer_keeps_the_preamble_apart() -> None:
    doc = parse(read("plan_ok_markdown.txt"))
    assert doc.preamble == ["Dưới đây là bản kế hoạch theo đúng thể thức văn bản công đoàn:"]
    assert doc.issuer[0] == "LĐLĐ THÀNH PHỐ HUẾ"
    assert doc.title == "KẾ HOẠCH"
    assert "I. MỤC ĐÍCH, YÊU CẦU" in doc.body
    assert "II. NỘI DUNG" in doc.body
    assert doc.signature == ["TM. BAN CHẤP HÀNH", "CHỦ TỊCH"]


def test_report_addressee() -> None:
    doc = parse(read("report_tet_sum_vay.txt"))
    assert doc.addressee == ["Kính gửi: Ban Thường vụ Liên đoàn Lao động thành phố Huế"]
    assert doc.body[0].startswith("Thực hiện")


def test_addressee_list_with_items() -> None:
    doc = parse(
        "BÁO CÁO\nKết quả công tác quý I năm 2026\nKính gửi:\n"
        "- Ban Thường vụ LĐLĐ thành phố Huế;\n- Ban Giám đốc Công ty.\nNội dung báo cáo."
    )
    assert doc.addressee == [
        "Kính gửi:",
        "- Ban Thường vụ LĐLĐ thành phố Huế;",
        "- Ban Giám đốc Công ty.",
    ]
    assert doc.body == ["Nội dung báo cáo."]


def test_title_with_summary_on_the_same_line() -> None:
    doc = parse("KẾ HOẠCH TỔ CHỨC THÁNG CÔNG NHÂN NĂM 2026\nI. MỤC ĐÍCH, YÊU CẦU")
    assert doc.title == "KẾ HOẠCH"
    assert doc.subject == "TỔ CHỨC THÁNG CÔNG NHÂN NĂM 2026"


def test_nfd_and_old_tones_are_normalised_before_parsing() -> None:
    doc = parse(read("notice_ok_old_tones.txt"))
    assert doc.motto[0] == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert doc.signer == "Phan Thị Thủy"
    assert parse(read("notice_ok_nfd.txt")).motto == parse(read("notice_thang_cong_nhan.txt")).motto


def test_legacy_text_is_flagged() -> None:
    assert parse(read("notice_bad_tcvn3.txt")).legacy_encoding == "tcvn3"
    assert parse(read("notice_bad_vni.txt")).legacy_encoding == "vni"


def test_every_non_blank_line_lands_in_a_part(notice_text: str) -> None:
    doc = parse(notice_text)
    parts = [
        *doc.preamble,
        *doc.issuer,
        doc.number,
        *doc.motto,
        doc.place_date,
        doc.title,
        doc.subject,
        *doc.addressee,
        *doc.body,
        doc.recipients_heading,
        *doc.recipients,
        *doc.signature,
        *doc.signature_notes,
        doc.signer,
        *doc.trailing,
    ]
    assert sorted(p for p in parts if p) == sorted(doc.lines)


def test_empty_text_gives_an_empty_document() -> None:
    doc = parse("")
    assert doc == Document(text="", lines=[])
    assert doc.superior_body is None and doc.issuing_body is None and doc.title_word is None
