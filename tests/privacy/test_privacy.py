"""The personal data guard on labelled union texts, plus properties on arbitrary text."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from privacy_samples import load

from congdoan import i18n, privacy
from congdoan.errors import InputError

SAMPLES = load()
POSITIVES = [s for s in SAMPLES if s.source != "negatives"]


def _found(text: str) -> tuple[tuple[str, int, int], ...]:
    return tuple((f.kind, f.start, f.end) for f in privacy.find(text))


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda s: s.id)
def test_labelled_sample_gives_exactly_the_labelled_findings(sample):
    assert _found(sample.text) == sample.expected


@pytest.mark.parametrize("kind", [k for k in privacy.KINDS])
def test_every_kind_has_at_least_fifteen_labelled_positives(kind):
    count = sum(1 for s in SAMPLES for k, *_ in s.expected if k == kind)
    assert count >= 15


def test_negatives_file_covers_the_false_alarm_traps():
    text = "\n".join(s.text for s in load("negatives"))
    for trap in ("Số: 12/TB-CĐCS", "1.300.000 đồng", "14h30", "95,5%", "Điều 12 Luật 91/2025/QH15"):
        assert trap in text
    assert privacy.find(text) == []


@pytest.mark.parametrize("sample", POSITIVES, ids=lambda s: s.id)
def test_finding_text_is_the_slice_of_the_input(sample):
    for finding in privacy.find(sample.text):
        assert sample.text[finding.start : finding.end] == finding.text


@pytest.mark.parametrize("sample", POSITIVES, ids=lambda s: s.id)
def test_redaction_leaves_no_digit_run_of_a_phone_or_id(sample):
    redacted = privacy.redact(sample.text)
    for finding in privacy.find(sample.text):
        if finding.kind in ("phone", "citizen_id", "bank_account"):
            digits = re.sub(r"\D", "", finding.text)
            assert digits not in re.sub(r"\D", "", redacted)
            for run in re.findall(r"\d{3,}", finding.text):
                assert run not in redacted


@pytest.mark.parametrize("sample", POSITIVES, ids=lambda s: s.id)
def test_nfd_input_gives_the_same_kinds_and_exact_slices(sample):
    decomposed = unicodedata.normalize("NFD", sample.text)
    findings = privacy.find(decomposed)
    assert [f.kind for f in findings] == [k for k, *_ in sample.expected]
    for finding in findings:
        assert decomposed[finding.start : finding.end] == finding.text
    assert unicodedata.normalize("NFC", privacy.redact(decomposed)) == privacy.redact(sample.text)


def test_redact_uses_catalogue_labels():
    text = "Chị Lan, SĐT 0905 123 456, CCCD 046185001234, email lan@gmail.com"
    assert (
        privacy.redact(text) == "Chị [HỌ TÊN], SĐT [SỐ ĐIỆN THOẠI], CCCD [SỐ CCCD], email [EMAIL]"
    )


def test_redact_in_english_uses_english_labels():
    i18n.set_language("en")
    assert privacy.redact("SĐT 0905 123 456") == "SĐT [PHONE]"


def test_sensitive_is_a_warning_and_kept_unless_asked():
    text = "Anh Hải bị bệnh thận."
    findings = privacy.find(text)
    assert [(f.kind, f.severity) for f in findings] == [
        ("person_name", "error"),
        ("sensitive", "warning"),
    ]
    assert privacy.redact(text) == "Anh [HỌ TÊN] bị bệnh thận."
    assert privacy.redact(text, sensitive=True) == "Anh [HỌ TÊN] [THÔNG TIN NHẠY CẢM] thận."


def test_text_without_diacritics_is_understood():
    text = "so dien thoai 0905123456, ngay sinh 12/3/1990, dia chi: 12 Le Loi"
    assert [f.kind for f in privacy.find(text)] == ["phone", "date_of_birth", "address"]


@pytest.mark.parametrize(
    "number",
    ["046485001234", "097185001234", "000185001234", "123456789012"],
)
def test_twelve_digits_with_a_bad_province_or_century_are_not_a_cccd(number):
    assert privacy.find(f"Mã hồ sơ {number}") == []


def test_nine_digits_need_a_cmnd_context():
    assert privacy.find("Mã hồ sơ 191234567") == []
    assert [f.kind for f in privacy.find("CMND 191234567")] == ["citizen_id"]


def test_summary_counts_by_kind_and_says_how_to_redact():
    text = "SĐT 0905 123 456 hoặc 0914 222 333, CCCD 046185001234"
    summary = privacy.summary(privacy.find(text))
    assert "số điện thoại: 2" in summary
    assert "số CCCD/CMND: 1" in summary
    assert "congdoan.privacy.redact(" in summary
    assert unicodedata.is_normalized("NFC", summary)


def test_summary_of_nothing_and_of_sensitive_only():
    assert privacy.summary([]) == i18n.msg("privacy.summary.none")
    summary = privacy.summary(privacy.find("Chị ấy đang mang thai."))
    assert "redact(" not in summary
    assert i18n.msg("privacy.summary.sensitive") in summary


@pytest.mark.parametrize("bad", [None, 12, b"0905123456", ["0905123456"]])
def test_non_text_raises_input_error_in_vietnamese(bad):
    with pytest.raises(InputError, match="kiểu str"):
        privacy.find(bad)
    with pytest.raises(InputError):
        privacy.redact(bad)


@pytest.mark.parametrize(
    "text", ["", " ", "\n\t ", "\x00\x01\xff", "\ud800", "0" * 100_000, "[SỐ CCCD]" * 1000]
)
def test_odd_input_never_raises(text):
    redacted = privacy.redact(text)
    assert privacy.redact(redacted) == redacted


def test_large_text_is_fast_enough():
    text = (SAMPLES[0].text + "\n") * 2000
    assert len(privacy.find(text)) == 2000 * len(SAMPLES[0].expected)


# Pieces that make detectors fire and interact: labels, context words, digits, separators.
_PIECES = st.sampled_from(
    [
        "0905 123 456", "0234 3822 123", "+84", "84", "0", "046185001234", "191234567",
        "CMND ", "CCCD: ", "STK ", "tài khoản ", "ngân hàng ", "sinh ngày ", "NS: ", "năm sinh ",
        "12/03/1985", "1990", "ông ", "Bà ", "chị ", "đ/c ", "Nguyễn ", "Văn ", "An", "Họ tên: ",
        "Địa chỉ: ", "trú tại ", "12 Lê Lợi", ", ", ". ", " - ", " và ", "\n", " ", ".", "-",
        "[SỐ ĐIỆN THOẠI]", "[HỌ TÊN]", "[ĐỊA CHỈ]", "[SỐ CCCD]", "[NGÀY SINH]", "[", "]",
        "bị bệnh", "a@b.vn", "@", "đồng", "%", "phường ", "Huế", "x",
    ]
)  # fmt: skip
_TEXTS = st.one_of(st.text(), st.lists(_PIECES | st.text(max_size=3), max_size=25).map("".join))


@settings(max_examples=400, deadline=None)
@given(_TEXTS)
def test_redact_is_idempotent(text):
    once = privacy.redact(text)
    assert privacy.redact(once) == once


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_find_never_raises_and_spans_are_slices(text):
    for finding in privacy.find(text):
        assert 0 <= finding.start < finding.end <= len(text)
        assert text[finding.start : finding.end] == finding.text
        assert finding.kind in privacy.KINDS


@settings(max_examples=200, deadline=None)
@given(_TEXTS)
def test_redaction_removes_every_found_phone_digit_run(text):
    redacted = privacy.redact(text)
    assert [f for f in privacy.find(redacted) if f.kind != "sensitive"] == []
