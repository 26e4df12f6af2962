"""Word export: layout values read back through python-docx, and the same verdict on re-import."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from document_cases import MANIFEST, TODAY, read
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

from congdoan.documents import check, from_docx, parse, to_docx
from congdoan.errors import InputError


@pytest.fixture
def exported(tmp_path: Path, notice_text: str) -> docx.document.Document:
    return docx.Document(str(to_docx(notice_text, tmp_path / "thong-bao.docx")))


@pytest.mark.parametrize("entry", MANIFEST, ids=lambda e: e["file"].removesuffix(".txt"))
def test_round_trip_gives_the_same_verdict(tmp_path: Path, entry: dict) -> None:
    text = read(entry["file"])
    path = to_docx(text, tmp_path / "out.docx")
    before = check(text, entry["kind"], today=TODAY)
    after = check(from_docx(path), entry["kind"], today=TODAY)
    # the export writes plain text: Markdown does not survive it
    pasted = ("markup",)
    assert after.failed_codes == [c for c in before.failed_codes if c not in pasted]
    assert [i.ok for i in after if i.code not in pasted] == [
        i.ok for i in before if i.code not in pasted
    ]


def test_round_trip_keeps_the_lines_in_order(tmp_path: Path, notice_text: str) -> None:
    back = from_docx(to_docx(notice_text, tmp_path / "tb.docx"))
    assert back.split("\n") == parse(notice_text).lines


def test_to_docx_accepts_a_parsed_document_and_str_path(tmp_path: Path, notice_text: str) -> None:
    path = to_docx(parse(notice_text), str(tmp_path / "tb.docx"))
    assert path == tmp_path / "tb.docx" and path.is_file()


def test_page_is_a4_with_margins_in_range(exported) -> None:
    section = exported.sections[0]
    assert abs(section.page_width - Mm(210)) < Mm(0.5)
    assert abs(section.page_height - Mm(297)) < Mm(0.5)
    assert Mm(20) <= section.top_margin <= Mm(25)
    assert Mm(20) <= section.bottom_margin <= Mm(25)
    assert Mm(30) <= section.left_margin <= Mm(35)
    assert Mm(15) <= section.right_margin <= Mm(20)


def test_font_is_times_new_roman_for_every_script(exported) -> None:
    normal = exported.styles["Normal"]
    assert normal.font.name == "Times New Roman"
    assert Pt(13) <= normal.font.size <= Pt(14)
    fonts = normal.element.rPr.find(qn("w:rFonts"))
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        assert fonts.get(qn(slot)) == "Times New Roman"
    for paragraph in exported.paragraphs:
        for run in paragraph.runs:
            assert run.font.name == "Times New Roman"
            assert run._r.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia")) == "Times New Roman"


def _paragraph(document, text: str):
    return next(p for p in document.paragraphs if p.text == text)


def test_title_and_subject_are_bold_and_centred(exported) -> None:
    title = _paragraph(exported, "THÔNG BÁO")
    subject = _paragraph(exported, "Về việc tổ chức các hoạt động Tháng Công nhân năm 2026")
    for paragraph in (title, subject):
        assert paragraph.alignment == WD_ALIGN_PARAGRAPH.CENTER
        assert all(run.bold for run in paragraph.runs)


def test_body_is_justified_with_first_line_indent(exported) -> None:
    body = [p for p in exported.paragraphs if p.text.startswith(("Thực hiện", "1. Lễ", "Ban Chấp"))]
    assert len(body) == 3
    for paragraph in body:
        assert paragraph.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
        assert abs(paragraph.paragraph_format.first_line_indent - Cm(1.27)) < Cm(0.01)
        assert all(Pt(13) <= run.font.size <= Pt(14) for run in paragraph.runs)


def _cell_paragraphs(cell) -> dict[str, object]:
    return {p.text: p for p in cell.paragraphs if p.text}


def test_header_is_a_borderless_two_column_table(exported) -> None:
    header = exported.tables[0]
    borders = header._tbl.tblPr.find(qn("w:tblBorders"))
    assert borders is not None
    assert {edge.get(qn("w:val")) for edge in borders} == {"nil"}
    left, right = header.rows[0].cells
    left_lines, right_lines = _cell_paragraphs(left), _cell_paragraphs(right)
    assert list(left_lines) == [
        "LĐLĐ THÀNH PHỐ HUẾ",
        "CÔNG ĐOÀN CƠ SỞ CÔNG TY CỔ PHẦN DỆT MAY HUẾ",
        "Số: 05/TB-CĐCS",
    ]
    assert list(right_lines) == [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Huế, ngày 20 tháng 4 năm 2026",
    ]
    assert not left_lines["LĐLĐ THÀNH PHỐ HUẾ"].runs[0].bold
    assert left_lines["CÔNG ĐOÀN CƠ SỞ CÔNG TY CỔ PHẦN DỆT MAY HUẾ"].runs[0].bold
    assert right_lines["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"].runs[0].bold
    assert right_lines["Huế, ngày 20 tháng 4 năm 2026"].runs[0].italic


def test_footer_has_recipients_left_and_signature_right(exported) -> None:
    footer = exported.tables[1]
    left, right = footer.rows[0].cells
    left_lines, right_lines = _cell_paragraphs(left), _cell_paragraphs(right)
    heading = left_lines["Nơi nhận:"].runs[0]
    assert heading.bold and heading.italic and heading.font.size < Pt(13)
    assert left_lines["- Lưu: VT, BCH."].runs[0].font.size < Pt(13)
    assert list(right_lines) == ["TM. BAN CHẤP HÀNH", "CHỦ TỊCH", "Nguyễn Văn An"]
    for paragraph in right_lines.values():
        assert paragraph.alignment == WD_ALIGN_PARAGRAPH.CENTER
        assert paragraph.runs[0].bold


def test_nfd_text_is_written_in_nfc(tmp_path: Path) -> None:
    back = from_docx(to_docx(read("notice_ok_nfd.txt"), tmp_path / "nfd.docx"))
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in back


def test_empty_text_gives_an_empty_docx(tmp_path: Path) -> None:
    assert from_docx(to_docx("", tmp_path / "empty.docx")) == ""


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("thong-bao.txt", "không có đuôi .docx"),
        ("mot-tep/thong-bao.docx", "Không tạo được thư mục"),
    ],
)
def test_bad_target_paths(tmp_path: Path, notice_text: str, name: str, message: str) -> None:
    (tmp_path / "mot-tep").write_text("a file where a folder should be")
    with pytest.raises(InputError, match=message):
        to_docx(notice_text, tmp_path / name)


def test_target_that_is_a_folder(tmp_path: Path, notice_text: str) -> None:
    (tmp_path / "thu-muc.docx").mkdir()
    with pytest.raises(InputError, match="đó là một thư mục"):
        to_docx(notice_text, tmp_path / "thu-muc.docx")


def test_unwritable_folder(tmp_path: Path, notice_text: str) -> None:
    if os.geteuid() == 0:  # root writes into read-only folders; sysfs refuses even root
        folder = Path("/sys")
    else:
        folder = tmp_path / "chi-doc"
        folder.mkdir()
        folder.chmod(0o500)
    try:
        with pytest.raises(InputError, match=r"Không ghi được tệp .*không có quyền ghi"):
            to_docx(notice_text, folder / "tb.docx")
    finally:
        if folder != Path("/sys"):
            folder.chmod(0o700)


@pytest.mark.parametrize("path", [None, 42, b"tb.docx", ["tb.docx"]])
def test_non_path_arguments(path, notice_text: str) -> None:
    with pytest.raises(InputError, match="Cần đường dẫn tệp"):
        to_docx(notice_text, path)
    with pytest.raises(InputError, match="Cần đường dẫn tệp"):
        from_docx(path)


def test_to_docx_rejects_non_text(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="Cần nội dung văn bản"):
        to_docx(123, tmp_path / "x.docx")  # type: ignore[arg-type]


def test_from_docx_missing_and_not_docx(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="Không tìm thấy tệp"):
        from_docx(tmp_path / "khong-co.docx")
    fake = tmp_path / "gia.docx"
    fake.write_text("không phải tệp Word", encoding="utf-8")
    with pytest.raises(InputError, match=r"không phải tệp Word \.docx"):
        from_docx(fake)


def test_from_docx_reads_a_word_file_written_by_hand(tmp_path: Path) -> None:
    word = docx.Document()
    word.add_paragraph("THÔNG BÁO")
    table = word.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Nơi nhận:"
    table.cell(0, 1).text = "TM. BAN CHẤP HÀNH"
    table.cell(1, 0).text = "- Lưu: VT."
    table.cell(1, 1).text = "CHỦ TỊCH"
    merged = word.add_table(rows=1, cols=2)
    merged.cell(0, 0).merge(merged.cell(0, 1)).text = "Dòng gộp"
    word.add_paragraph("Dòng 1\nDòng 2")
    word.save(str(tmp_path / "tay.docx"))
    assert from_docx(tmp_path / "tay.docx").split("\n") == [
        "THÔNG BÁO",
        "Nơi nhận:",
        "TM. BAN CHẤP HÀNH",
        "- Lưu: VT.",
        "CHỦ TỊCH",
        "Dòng gộp",
        "Dòng 1",
        "Dòng 2",
    ]


_OFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(
    _OFFICE is None, reason="LibreOffice (soffice) is not installed on this machine"
)
def test_libreoffice_converts_the_export_to_pdf(tmp_path: Path, notice_text: str) -> None:
    path = to_docx(notice_text, tmp_path / "tb.docx")
    subprocess.run(
        [_OFFICE, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
        check=True,
        timeout=180,
        capture_output=True,
    )
    pdf = tmp_path / "tb.pdf"
    assert pdf.is_file() and pdf.read_bytes().startswith(b"%PDF")


def test_a_practice_reply_is_exported_without_its_tips(tmp_path: Path) -> None:
    from congdoan import ask

    reply = ask(
        "Soạn thông báo của Công đoàn cơ sở Công ty Dệt may Huế, cấp trên là Liên đoàn Lao "
        "động thành phố Huế, về việc họp Ban Chấp hành lúc 14h00 ngày 15/5/2026 tại Hội "
        "trường. Người ký: Chủ tịch Nguyễn Văn An."
    )
    text = from_docx(to_docx(reply, tmp_path / "tb.docx"))
    assert "Gợi ý để câu lệnh tốt hơn" in reply.text
    assert "Gợi ý để câu lệnh tốt hơn" not in text
    assert "- Lưu: VT." in text and "Nguyễn Văn An" in text


def test_a_missing_folder_is_created(tmp_path: Path, notice_text: str) -> None:
    target = to_docx(notice_text, tmp_path / "ket_qua" / "thong_bao.docx")
    assert target.is_file() and from_docx(target)
