"""Issue 11 regressions of the practice model, each from a draft that misled."""

from __future__ import annotations

from congdoan.practice.accents import restore
from tests.heldout_sets import ask_practice


def _header(draft: str) -> list[str]:
    return draft.splitlines()[:2]


def test_a_federation_issuing_its_own_notice_does_not_report_to_itself():
    draft = ask_practice(
        "Soạn thông báo của Liên đoàn Lao động thành phố Huế về việc tổ chức Hội nghị tập huấn "
        "cán bộ công đoàn ngày 15/10/2026 tại Hội trường LĐLĐ."
    ).draft
    superior, issuer = _header(draft)
    assert issuer == "LIÊN ĐOÀN LAO ĐỘNG THÀNH PHỐ HUẾ" and superior != issuer
    assert "- Liên đoàn Lao động thành phố Huế (để báo cáo);" not in draft


def test_the_national_union_named_as_an_occasion_is_not_the_issuer():
    draft = ask_practice(
        "Soạn giấy mời dự Lễ kỷ niệm 97 năm Ngày thành lập Công đoàn Việt Nam, lúc 8h00 ngày "
        "27/7/2026 tại Nhà văn hóa công nhân."
    ).draft
    assert "CÔNG ĐOÀN VIỆT NAM" not in _header(draft)


def test_tai_nan_is_an_accident_not_a_place():
    draft = ask_practice(
        "Viết báo cáo về vụ tai nạn lao động ngày 3/9/2026 tại phân xưởng Cơ điện: 1 công nhân "
        "bị thương nhẹ ở tay."
    ).draft
    assert "Địa điểm xảy ra: phân xưởng Cơ điện" in draft  # an incident report
    assert "nạn lao động." not in draft.replace("tai nạn lao động", "")


def test_a_plan_without_a_basis_invents_none_and_one_with_a_basis_cites_it():
    plain = ask_practice("Lập kế hoạch tổ chức Trung thu cho 120 cháu ngày 25/9/2026")
    assert not any(line.startswith("Căn cứ") for line in plain.draft.splitlines())
    cited = ask_practice(
        "Căn cứ Kế hoạch số 25/KH-LĐLĐ của LĐLĐ tỉnh Thanh Hóa, lập kế hoạch Tháng Công nhân 2026"
    )
    lines = cited.draft.splitlines()
    assert any(line.startswith("Căn cứ Kế hoạch số 25/KH-LĐLĐ") for line in lines)


def test_a_holiday_notice_has_no_place_and_no_punctuality():
    draft = ask_practice("Thông báo nghỉ lễ Quốc khánh từ 1/9/2026 đến hết 2/9/2026.").draft
    assert "Về việc nghỉ lễ Quốc khánh" in draft
    assert "Địa điểm" not in draft and "đúng giờ" not in draft


def test_union_phrases_typed_without_marks_get_them_back():
    assert restore("hop bch thang 5") == "họp Ban Chấp hành tháng 5"
    assert restore("bao cao tai nan lao dong") == "báo cáo tai nạn lao động"
    assert restore("Họp bch") == "Họp bch"  # text typed with marks is left as it is
