"""congdoan.vocabulary: one home for the union's document words and the 2025 unit changes."""

from __future__ import annotations

import datetime as dt
import doctest

import pytest

import congdoan.checks
import congdoan.plans
import congdoan.vocabulary
from congdoan.vocabulary import (
    DOCUMENT_KINDS,
    MOTTO,
    SIGNATURE_FORMS,
    body_code,
    document_kind,
    find_outdated,
    is_outdated,
    syllables,
)

AFTER = dt.date(2026, 5, 1)


@pytest.mark.parametrize("module", [congdoan.vocabulary, congdoan.plans, congdoan.checks])
def test_docstring_examples(module) -> None:
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.attempted >= 1 and result.failed == 0


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("TB", "notice"), ("tb", "notice"), ("thông báo", "notice"), ("THONG BAO", "notice"),
        ("GM", "invitation"), ("Giấy mời", "invitation"), ("thư mời", "invitation"),
        ("KH", "plan"), ("ke_hoach", "plan"), ("BC", "report"), ("BB", "minutes"),
        ("biên bản họp", "minutes"),
    ],
)  # fmt: skip
def test_document_kinds_answer_to_every_name(name, kind):
    assert document_kind(name) is DOCUMENT_KINDS[kind]


@pytest.mark.parametrize("name", ["", "quyết định", "prompt", None, 5])
def test_other_names_are_not_document_kinds(name):
    assert document_kind(name) is None


def test_fixed_formulae_are_the_decree_forms():
    assert MOTTO == ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
    assert SIGNATURE_FORMS[0] == ("TM. BAN CHẤP HÀNH", "CHỦ TỊCH")
    assert body_code("LĐLĐ thành phố Huế") == "LĐLĐ"
    assert body_code("Công đoàn cơ sở Công ty May Hương Trà") == "CĐCS"


@pytest.mark.parametrize(
    "text",
    [
        "Liên đoàn Lao động tỉnh Thừa Thiên Huế",
        "LĐLĐ TỈNH THỪA THIÊN HUẾ",
        "UBND tinh Thua Thien Hue",  # typed without diacritics
        "Công đoàn ngành Giáo dục TT-Huế",
        "Công đoàn cơ sở UBND huyện Phú Vang",
        "CÔNG ĐOÀN CƠ SỞ TRƯỜNG THCS THỊ XÃ HƯƠNG THỦY",
    ],
)
def test_the_three_former_copies_agree_on_every_spelling(text):
    """documents, facts and grading used to disagree on "TT Huế" and unprefixed forms."""
    assert is_outdated(text, on=AFTER)
    from congdoan import documents, facts

    header = "CÔNG ĐOÀN CƠ SỞ A\nSố: 05/TB-CĐCS\nHuế, ngày 05 tháng 3 năm 2026\nTHÔNG BÁO"
    document = f"{header}\n{text}."
    assert "outdated_unit" in documents.check(document, "TB", today=AFTER).failed_codes
    assert facts.verify(f"Năm 2026, {text} tổ chức hội thao.", {}).outdated


@pytest.mark.parametrize(
    "text",
    [
        "Liên đoàn Lao động thành phố Huế",
        "Đại học Huế",
        "Công ty TNHH Phú Vang",  # a company, not the district
        "huyện hương trà thơm",  # lower case after "huyện": not the district's name
    ],
)
def test_current_names_are_not_outdated(text):
    assert not is_outdated(text, on=AFTER)


def test_a_unit_is_outdated_only_from_the_day_it_ceased():
    assert not is_outdated("UBND huyện Phú Vang", on=dt.date(2025, 6, 30))
    assert is_outdated("UBND huyện Phú Vang", on=dt.date(2025, 7, 1))
    found = find_outdated("Kính gửi: UBND huyện Phú Vang, tỉnh Thừa Thiên Huế", on=AFTER)
    assert [span.text for span in found] == ["huyện Phú Vang", "tỉnh Thừa Thiên Huế"]


def test_syllables_count_words_and_digits():
    assert syllables("Chúc mừng Tháng Công nhân 2026!") == 5 + 4
    assert syllables(None) == 0
