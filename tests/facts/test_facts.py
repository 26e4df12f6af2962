"""congdoan.facts: verdicts on the labelled set, anchors, outdated units, display, robustness."""

from __future__ import annotations

import pytest
from fact_cases import load, outcomes
from hypothesis import given, settings
from hypothesis import strategies as st

from congdoan.errors import InputError
from congdoan.facts import extract_claims, verify

SOURCE = (
    "Đến tháng 12/2025, Liên đoàn Lao động thành phố Huế trực tiếp quản lý 446 công đoàn "
    "cơ sở với 53.600 đoàn viên. Lễ phát động tổ chức lúc 7 giờ 30 ngày 25 tháng 4 năm 2026 "
    "tại Cung Văn hóa Lao động thành phố Huế."
)


def test_labelled_set_has_enough_cases_and_every_claim_is_labelled():
    cases = load()
    assert len(cases) >= 12
    results, unlabelled = outcomes()
    assert len(results) >= 50
    assert unlabelled == 0
    assert all(o.claim is not None for o in results)


@pytest.mark.parametrize(
    "case_id,match,verdict",
    [
        ("01_quy_mo_lien_doan", "56.300", "contradicted"),
        ("01_quy_mo_lien_doan", "58%", "not_found"),
        ("02_phat_dong_thang_cong_nhan", "27/4/2026", "contradicted"),
        ("03_tet_sum_vay", "700.000", "contradicted"),
        ("03_tet_sum_vay", "600.000.000", "supported"),
        ("04_chu_de_thang_cong_nhan", "Đoàn kết công nhân", "contradicted"),
        ("05_luat_du_lieu_ca_nhan", "01/7/2025", "contradicted"),
        ("06_hoi_nghi_bch", "Trần Thị Hoa", "contradicted"),
        ("07_khao_sat_bua_an_ca", "87%", "contradicted"),
        ("10_lop_tap_huan", "Lê Văn Minh", "not_found"),
        ("14_khong_dau_va_lam_tron", "470 trieu", "supported"),
        ("15_nhieu_nguon", "10 km", "contradicted"),
    ],
)
def test_clear_cases(case_id, match, verdict):
    results, _ = outcomes()
    outcome = next(o for o in results if o.label.case == case_id and o.label.match == match)
    assert outcome.claim.verdict == verdict


def test_labelled_set_accuracy_stays_high():
    results, _ = outcomes()
    correct = sum(1 for o in results if o.claim and o.claim.verdict == o.label.verdict)
    assert correct / len(results) >= 0.9


def test_numbers_dates_and_money_match_in_any_written_form():
    answer = (
        "LĐLĐ thành phố Huế quản lý 446 CĐCS với 53,6 nghìn đoàn viên. "
        "Lễ phát động lúc 7h30 ngày 25/4/2026."
    )
    report = verify(answer, SOURCE)
    assert [c.verdict for c in report] == ["supported", "supported"]
    assert report.claims[0].evidence.source == "Nguồn 1"


def test_changed_number_is_contradicted_with_evidence():
    report = verify("Thành phố có 446 CĐCS với 60.000 đoàn viên.", {"Báo cáo": SOURCE})
    claim = report.claims[0]
    assert claim.verdict == "contradicted"
    assert claim.missing == ("60.000",)
    assert claim.evidence.source == "Báo cáo"
    assert "53.600" in claim.evidence.sentence


def test_approximate_numbers_within_five_percent_are_supported():
    assert verify("Có khoảng 54.000 đoàn viên.", SOURCE).claims[0].verdict == "supported"
    assert verify("Có 54.000 đoàn viên.", SOURCE).claims[0].verdict == "contradicted"


def test_invented_fact_is_not_found():
    report = verify("Năm 2025 có 1.234 sáng kiến được công nhận.", SOURCE)
    assert report.claims[0].verdict == "not_found"
    assert report.counts["not_found"] == 1


def test_outdated_units_are_flagged_with_a_hint():
    report = verify(
        "Hội nghị do LĐLĐ tỉnh Thừa Thiên Huế tổ chức. Đoàn viên ở huyện Phú Vang tham dự. "
        "Năm 2023, LĐLĐ tỉnh Thừa Thiên Huế tổng kết phong trào. "
        "Từ năm 2025, tỉnh Thừa Thiên Huế trở thành thành phố Huế.",
        SOURCE,
    )
    flags = [c.outdated for c in report]
    assert flags[0] == "LĐLĐ tỉnh Thừa Thiên Huế"
    assert flags[1] == "huyện Phú Vang"
    assert flags[2:] == ["", ""]  # past year, and a sentence about the change itself
    assert "thành phố Huế" in report.claims[0].hint
    assert "01/7/2025" in report.claims[1].hint
    items = report.as_report()
    assert "outdated_1" in items and items["outdated_1"].severity == "warning"


def test_sources_as_list_and_mapping():
    assert verify("Có 446 CĐCS.", ["x", SOURCE]).claims[0].evidence.source == "Nguồn 2"
    assert verify("Có 446 CĐCS.", {"A": SOURCE}).sources == ("A",)


def test_display_in_vietnamese():
    report = verify("Thành phố có 446 CĐCS với 60.000 đoàn viên. Có 58% nữ.", SOURCE)
    text = str(report)
    assert "✗ mâu thuẫn" in text and "? không tìm thấy" in text
    page = report._repr_html_()
    assert "<table>" in page and "Nhận định của AI" in page and "✗" in page
    assert verify("Xin chào.", SOURCE).claims == []
    assert "Không thấy nhận định" in str(verify("Xin chào.", SOURCE))


def test_report_for_grading():
    report = verify("Có 446 CĐCS với 60.000 đoàn viên. Có 446 CĐCS.", SOURCE).as_report()
    assert report.kind == "facts"
    assert report.failed_codes == ["claim_1"]
    assert not report.ok


def test_extract_claims_keeps_only_sentences_with_anchors():
    claims = extract_claims("Chào bạn.\n- Có 446 CĐCS.\n**Lễ khai mạc** ngày 25/4/2026 tại Huế.")
    assert [text for text, _ in claims] == ["Có 446 CĐCS.", "Lễ khai mạc ngày 25/4/2026 tại Huế."]
    kinds = [a.kind for a in claims[1][1]]
    assert kinds == ["date", "name"]


def test_bad_input_raises_vietnamese_input_error():
    with pytest.raises(InputError, match="kiểu int"):
        verify(5, SOURCE)
    with pytest.raises(InputError, match="Nguồn"):
        verify("x", 5)
    with pytest.raises(InputError, match="«A»"):
        verify("x", {"A": None})


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300), st.text(max_size=300))
def test_never_raises_on_arbitrary_text(answer, source):
    report = verify(answer, source)
    assert sum(report.counts[v] for v in ("supported", "contradicted", "not_found")) == len(report)
    str(report)
    report._repr_html_()


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "446",
                "53.600",
                "25/4/2026",
                "7h30",
                "Huế",
                "CĐCS",
                " ",
                ".",
                "tỉnh Thừa Thiên Huế",
                "“",
                "%",
                "triệu",
                "đồng",
                "\n",
                "-",
            ]
        ),
        max_size=30,
    )
)
def test_never_raises_on_fact_like_fragments(parts):
    answer = "".join(parts)
    report = verify(answer, SOURCE)
    assert all(c.verdict in ("supported", "contradicted", "not_found") for c in report.claims)
    if "Thừa Thiên" not in answer:  # only an abolished unit's name is ever flagged
        assert report.counts["outdated"] == 0


def test_a_date_belongs_to_its_event():
    source = "Lễ phát động tổ chức ngày 28/4/2026; Hội thao công nhân tổ chức ngày 16/5/2026."
    right = verify("Hội thao công nhân tổ chức ngày 16/5/2026.", source)
    assert [c.verdict for c in right.claims] == ["supported"]
    swapped = verify("Lễ phát động tổ chức ngày 16/5/2026.", source)
    assert [c.verdict for c in swapped.claims] == ["contradicted"]
    assert "28/4/2026" in swapped.claims[0].evidence.sentence


def test_a_share_is_compared_with_the_same_groups_share():
    source = "Công ty có 500 lao động, trong đó 320 nữ, chiếm 64%; 180 nam, chiếm 36%."
    verdicts = [c.verdict for c in verify("Lao động nam chiếm 36%. Nữ chiếm 46%.", source).claims]
    assert verdicts == ["supported", "contradicted"]
    unsourced = verify("Công ty có 500 lao động, trong đó 320 nữ, chiếm 64%.", source)
    assert unsourced.ok
    men_only = verify("Đoàn viên nam chiếm 30%.", "Có 410 đoàn viên nữ, chiếm 70%.")
    assert [c.verdict for c in men_only.claims] == ["not_found"]  # the source gives no men's share


def test_a_place_named_nam_is_not_the_mens_share():
    source = "Có 410 đoàn viên nữ, chiếm 52%."
    claim = verify("Công đoàn Việt Nam có 52% là nữ.", source).claims
    assert [c.verdict for c in claim] == ["supported"]  # "Việt Nam" is a country, not men
    assert [c.verdict for c in verify("Nam chiếm 52%.", source).claims] == ["not_found"]
