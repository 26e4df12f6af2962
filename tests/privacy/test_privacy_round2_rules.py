"""Rules of the personal data guard written for the second held-out round (session 4).

Each test names a form the round showed missed or misread; the held-out figures are in
``tests/privacy/test_heldout_privacy.py``.
"""

from __future__ import annotations

import pytest

from congdoan import privacy


def _found(text: str) -> list[tuple[str, str]]:
    return [(f.kind, f.text) for f in privacy.find(text)]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Con chị Hoa bị sốt xuất huyết, xin nghỉ 3 ngày.", "sốt xuất huyết"),
        ("Anh Bình đang điều trị bệnh tim tại Bệnh viện Trung ương.", "bệnh tim"),
        ("Đoàn viên Nguyễn Văn Tú nghiện rượu, tổ đề nghị giúp đỡ.", "nghiện rượu"),
        ("Mẹ em bị đột quỵ, đang nằm viện.", "đột quỵ"),
    ],
)
def test_illnesses_and_addictions_are_sensitive(text: str, word: str) -> None:
    assert ("sensitive", word) in _found(text)


@pytest.mark.parametrize(
    "text",
    [
        "Chương trình phòng chống ung thư vú cho nữ đoàn viên năm 2026.",
        "Tầm soát tiểu đường miễn phí cho người lao động.",
        "Tuyên truyền phòng chống nghiện ma túy trong công nhân.",
    ],
)
def test_a_campaign_against_an_illness_names_no_one(text: str) -> None:
    assert [kind for kind, _ in _found(text)] == []


def test_an_old_id_card_number_is_still_an_id() -> None:
    assert ("citizen_id", "191234568") in _found("Số CMND cũ 191234568 đã hết hạn.")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Liên hệ cô Thảo ở văn phòng.", "Thảo"),
        ("Thầy Nguyễn Văn Bình chủ nhiệm lớp 5A.", "Nguyễn Văn Bình"),
        ("Nhà bác Tư bị ngập.", "Tư"),
    ],
)
def test_school_and_neighbourhood_titles_introduce_names(text: str, name: str) -> None:
    assert ("person_name", name) in _found(text)


@pytest.mark.parametrize("text", ["Tổ co Thảo luận chiều nay.", "Đổi thay Bộ máy."])
def test_the_same_words_typed_without_marks_are_not_titles(text: str) -> None:
    assert not [kind for kind, _ in _found(text) if kind == "person_name"]


def test_a_middle_name_anh_does_not_cut_the_name() -> None:
    found = _found("Chuyển khoản vào 19037766554433 (Techcombank) – Hoàng Anh Tuấn.")
    assert ("person_name", "Tuấn") not in found


def test_a_house_in_an_alley_is_a_home_address_that_ends_at_the_verb() -> None:
    text = "Nhà bác Tư ở kiệt 45 Phan Đình Phùng, phường Phú Nhuận bị ngập sâu."
    assert ("address", "kiệt 45 Phan Đình Phùng, phường Phú Nhuận") in _found(text)
    assert ("person_name", "Phan Đình Phùng") not in _found(text)


def test_a_household_registration_is_an_address() -> None:
    text = "Hồ sơ vay vốn: hộ khẩu thôn Lại Thế, xã Phú Vang."
    assert ("address", "thôn Lại Thế, xã Phú Vang") in _found(text)
