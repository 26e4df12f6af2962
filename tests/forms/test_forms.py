"""congdoan.forms: reading messy exports, cleaning members, redaction, survey summaries."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from congdoan import forms
from congdoan.errors import InputError

FILES = Path(__file__).parent / "files"
BOM_CSV = FILES / "google_forms_utf8_bom.csv"
SEMICOLON_CSV = FILES / "excel_semicolon.csv"
QUESTION = "Bạn muốn công đoàn tổ chức hoạt động nào?"


@pytest.fixture
def raw() -> pd.DataFrame:
    return forms.read_form(BOM_CSV)


# --------------------------------------------------------------------------- read_form


def test_reads_google_forms_csv_with_bom_and_keeps_leading_zeros(raw):
    assert list(raw.columns)[:3] == ["Dấu thời gian", "Họ và tên", "Số điện thoại"]
    assert len(raw) == 6
    assert raw.loc[1, "Số CCCD"] == "046190001234"
    assert raw["Dấu thời gian"].dtype.kind == "M"
    assert raw.loc[0, "Dấu thời gian"] == pd.Timestamp(2026, 4, 15, 8, 1, 12)


def test_semicolon_utf16_and_excel_read_the_same(raw, tmp_path):
    assert forms.read_form(SEMICOLON_CSV).equals(raw)
    text = BOM_CSV.read_text(encoding="utf-8-sig").replace(",", "\t")  # Excel "Unicode text"
    utf16 = tmp_path / "unicode.txt"
    utf16.write_bytes(text.encode("utf-16"))
    assert forms.read_form(utf16).astype(str).equals(raw.astype(str).replace(",", "\t", regex=True))
    xlsx = tmp_path / "microsoft_forms.xlsx"
    raw.astype(str).to_excel(xlsx, index=False)
    from_excel = forms.read_form(xlsx)
    assert from_excel.loc[1, "Số CCCD"] == "046190001234"
    assert from_excel["Dấu thời gian"].dtype.kind == "M"
    assert forms.read_form(io.BytesIO(SEMICOLON_CSV.read_bytes())).shape == raw.shape


def test_read_errors_are_vietnamese(tmp_path):
    with pytest.raises(InputError, match="Không tìm thấy tệp"):
        forms.read_form(tmp_path / "khong_co.csv")
    broken = tmp_path / "hong.xlsx"
    broken.write_bytes(b"PK\x03\x04 not a workbook")
    with pytest.raises(InputError, match="Excel"):
        forms.read_form(broken)
    with pytest.raises(InputError, match="kiểu int"):
        forms.read_form(5)


# --------------------------------------------------------------------------- cleaners


@pytest.mark.parametrize(
    "written,expected",
    [
        ("nguyễn văn  an", "Nguyễn Văn An"),
        ("  TRẦN THỊ BÌNH ", "Trần Thị Bình"),
        ("đặng thị ánh-tuyết", "Đặng Thị Ánh-Tuyết"),
        ("nguye\u0302\u0303n", "Nguyễn"),  # NFD from a Mac
        ("", ""),
    ],
)
def test_clean_name(written, expected):
    assert forms.clean_name(written) == expected


@pytest.mark.parametrize(
    "written,expected",
    [
        ("+84 905.123.456", "0905123456"),
        ("84 (0)935-111-222", "0935111222"),
        ("0914 222 333", "0914222333"),
        ("905123456", "0905123456"),  # Excel dropped the zero
        (905123456.0, "0905123456"),
        ("0236.3822.123", "02363822123"),  # landline with area code
        ("12345", None),
        ("0105123456", None),
        ("", None),
    ],
)
def test_normalise_phone(written, expected):
    assert forms.normalise_phone(written) == expected


@pytest.mark.parametrize(
    "written,expected",
    [
        ("046085012345", "046085012345"),
        ("46085012345", "046085012345"),
        ("046 088 123 456", "046088123456"),
        ("046.085.012.345", "046085012345"),
        ("003085012345", None),  # 003 is no province code
        ("046585012345", None),  # century digit 5
        ("04608501234", None),
        ("abc", None),
    ],
)
def test_normalise_citizen_id(written, expected):
    assert forms.normalise_citizen_id(written) == expected


def test_clean_members_end_to_end(raw):
    result = forms.clean_members(raw)
    df = result.df
    assert result.columns["phone"] == "Số điện thoại"
    assert df["Họ và tên"].tolist() == [
        "Nguyễn Văn An",
        "Trần Thị Bình",
        "Lê Văn Cường",
        "Phan Thị Thu Hà",
        "Võ Minh Đức",
    ]
    assert df["Số điện thoại"].tolist()[:3] == ["0905123456", "0914222333", "0935111222"]
    assert df["Số CCCD"].tolist()[:3] == ["046085012345", "046190001234", "046088123456"]
    assert df["Số CCCD"].dtype == "string"
    units = df["Đơn vị (CĐCS)"].tolist()
    assert units[:3] == ["CĐCS Cty May Hương Giang"] * 3
    assert units[3] == units[4]
    assert df["Ngày sinh"].tolist()[:3] == ["12/03/1985", "05/06/1990", "05/06/1988"]
    # row 5 repeats row 2's citizen ID: moved to duplicates, first kept
    assert len(result.duplicates) == 1 and result.duplicates.index[0] == 3
    problems = {(p.row, p.column) for p in result.problems}
    assert {(6, "Số điện thoại"), (6, "Số CCCD"), (6, "Ngày sinh"), (7, "Ngày sinh")} <= problems
    assert (5, "") in problems
    assert df.loc[4, "Số điện thoại"] == "12345"  # invalid values are kept as typed
    text = str(result)
    assert "dòng trùng" in text and "Dòng 6" in text
    assert list(result.log.columns) == ["dòng", "cột", "giá trị cũ", "giá trị mới", "lý do"]
    assert "<table" in result._repr_html_()


def test_trainer_mapping_wins(raw):
    mapping = {
        "cdcs cong ty may huong giang": "CĐCS Công ty Cổ phần May Hương Giang",
        "Trường Tiểu học Hồng Vân": "CĐCS Trường Tiểu học Hồng Vân",
    }
    df = forms.clean_members(raw, units=mapping).df
    assert set(df["Đơn vị (CĐCS)"]) == {
        "CĐCS Công ty Cổ phần May Hương Giang",
        "CĐCS Trường Tiểu học Hồng Vân",
    }


def test_explicit_columns_are_checked(raw):
    with pytest.raises(InputError, match="Số ĐT"):
        forms.clean_members(raw, columns={"phone": "Số ĐT"})
    with pytest.raises(InputError, match="tel"):
        forms.clean_members(raw, columns={"tel": "Số điện thoại"})
    with pytest.raises(InputError, match="DataFrame"):
        forms.clean_members("không phải bảng")
    only_phone = forms.clean_members(raw, columns={"phone": "Số điện thoại"}).df
    assert only_phone["Họ và tên"].tolist() == raw["Họ và tên"].tolist()


def test_redact_members(raw):
    clean = forms.clean_members(raw).df
    safe = forms.redact_members(clean)
    assert safe["Số điện thoại"].iloc[0] == "*******456"
    assert safe["Số CCCD"].iloc[0] == "*********345"
    assert set(safe["Họ và tên"]) == {"[HỌ TÊN]"}
    assert safe["Ngày sinh"].iloc[0] == "1985"
    flat = safe.astype(str).to_csv()
    for secret in ("0905123456", "046085012345", "Nguyễn Văn An"):
        assert secret not in flat
    free = forms.redact_members(pd.DataFrame({"Góp ý": ["Gọi chị Lan 0905123456"]}))
    assert "0905123456" not in free["Góp ý"][0]


# --------------------------------------------------------------------------- surveys


def test_survey_summary_splits_multi_select(raw):
    summary = forms.survey_summary(raw, [QUESTION, "Mức độ hài lòng"])
    assert list(summary.columns) == ["câu hỏi", "câu trả lời", "số lượt", "tỷ lệ (%)"]
    q1 = summary[summary["câu hỏi"] == QUESTION].set_index("câu trả lời")
    assert q1.loc["Du lịch", "số lượt"] == 4
    assert q1.loc["Thể thao", "tỷ lệ (%)"] == pytest.approx(66.7)
    q2 = summary[summary["câu hỏi"] == "Mức độ hài lòng"].set_index("câu trả lời")
    assert q2["số lượt"].sum() == 6 and q2.loc["Hài lòng", "tỷ lệ (%)"] == 66.7


def test_single_choice_with_commas_is_not_split():
    df = pd.DataFrame({"Q": ["Có, rất cần", "Không", "Có, rất cần"]})
    summary = forms.survey_summary(df, "Q")
    assert summary["câu trả lời"].tolist() == ["Có, rất cần", "Không"]
    assert forms.survey_summary(df, "Q", multi=True)["câu trả lời"].tolist()[0] == "Có"


def test_survey_summary_names_missing_columns(raw):
    with pytest.raises(InputError, match="Câu 9"):
        forms.survey_summary(raw, ["Câu 9"])


def test_survey_chart_writes_png(raw, tmp_path):
    from PIL import Image

    summary = forms.survey_summary(raw, [QUESTION, "Mức độ hài lòng"])
    figure = forms.survey_chart(summary, tmp_path / "bieu_do.png")
    assert len(figure.axes) == 2
    assert figure.axes[0].get_title(loc="left").startswith("Bạn muốn")
    labels = [t.get_text() for t in figure.axes[0].get_yticklabels()]
    assert "Du lịch" in labels
    with Image.open(tmp_path / "bieu_do.png") as image:
        assert image.size[0] > 500
    with pytest.raises(InputError, match=r"\.png"):
        forms.survey_chart(summary, tmp_path / "bieu_do.jpg")


def test_summary_prompt_has_aggregates_only(raw):
    summary = forms.survey_summary(raw, [QUESTION])
    prompt = forms.summary_prompt(summary, topic="hoạt động năm 2026")
    assert "Du lịch: 4 lượt (66.7%)" in prompt
    assert "về hoạt động năm 2026" in prompt
    for secret in ("0905", "Nguyễn", "046085"):
        assert secret not in prompt
    with pytest.raises(InputError, match="survey_summary"):
        forms.summary_prompt(raw)


# --------------------------------------------------------------------------- robustness


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_cleaners_never_raise(text):
    name = forms.clean_name(text)
    assert name == forms.clean_name(name)
    phone = forms.normalise_phone(text)
    assert phone is None or (phone.isdigit() and phone.startswith("0"))
    cid = forms.normalise_citizen_id(text)
    assert cid is None or len(cid) == 12
    forms.unit_key(text)
