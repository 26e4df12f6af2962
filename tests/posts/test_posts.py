"""The fanpage and Zalo post checker: good and bad posts with their exact failing codes."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from congdoan import posts
from congdoan.errors import InputError

GOOD_FACEBOOK = """Bạn đã sẵn sàng cho Hội thao Tháng Công nhân 2026? 🏃
Đăng ký ngay với tổ trưởng trước 17h ngày 20/5 để giữ suất!
Công đoàn cơ sở Công ty May Huế tổ chức Hội thao vào ngày 24/5/2026 tại sân vận động Tự Do, \
với 4 môn: kéo co, bóng đá, cầu lông, chạy tiếp sức. Mỗi đội tối đa 10 người, giải thưởng \
tổng 5.000.000 đồng.
Chia sẻ để đồng nghiệp cùng biết nhé!
#CongDoanVietNam #ThangCongNhan2026 #LĐLĐHuế"""

GOOD_ZALO = """📢 Tết Sum vầy 2026: đăng ký nhận quà trước ngày 15/01!
Công đoàn cơ sở gửi tặng đoàn viên có hoàn cảnh khó khăn 120 suất quà, mỗi suất 500.000 đồng.
Liên hệ tổ trưởng công đoàn của bạn để được hướng dẫn."""

NO_NUMBERS = """Chào mừng ngày hội đoàn viên! 🎉
Mời anh chị tham gia chương trình "Cảm ơn người lao động" của Công đoàn cơ sở.
#CongDoanVietNam"""

BAD_FACEBOOK = """Hôm nay chúng tôi xin trân trọng thông báo tới toàn thể anh chị em một nội \
dung rất quan trọng liên quan tới hoạt động sắp tới của đơn vị mà mọi người cần biết rõ
Mọi người 🎉🎉🎉🎉🎉 nhớ nha 🎉🎉
Anh Hùng SĐT 0905 123 456 phụ trách.
Vui lòng đăng ký.
#Hội_thao #hoi-thao"""


def test_good_facebook_post_only_asks_to_verify_its_numbers():
    report = posts.check(GOOD_FACEBOOK, "facebook")
    assert report.failed_codes == ["verify_facts"]
    assert report.ok and report.score == 1.0
    facts = report["verify_facts"].message
    for fact in ("17h", "20/5", "24/5/2026", "5.000.000 đồng", "10"):
        assert fact in facts


def test_good_zalo_post():
    assert posts.check(GOOD_ZALO, "zalo").failed_codes == ["verify_facts"]


def test_good_post_without_numbers_passes_everything():
    assert posts.check(NO_NUMBERS, "facebook").failed_codes == []
    assert posts.check(NO_NUMBERS, " Zalo ").failed_codes == []


def test_bad_facebook_post_exact_codes():
    report = posts.check(BAD_FACEBOOK, "facebook")
    assert report.failed_codes == [
        "hook",
        "hashtags",
        "call_to_action",
        "emoji",
        "privacy",
        "union_identity",
    ]  # the phone number is personal data, not a fact to verify
    assert report["privacy"].severity == "error"
    assert "#hoi-thao" in report["hashtags"].message
    assert not report.ok


def test_zalo_needs_no_hashtag_but_facebook_needs_one():
    text = GOOD_ZALO
    assert posts.check(text, "facebook").failed_codes == ["hashtags", "verify_facts"]
    assert posts.check(text, "facebook")["hashtags"].severity == "warning"


def test_too_many_and_duplicate_hashtags():
    many = NO_NUMBERS + " #a1 #b2 #c3 #d4 #e5"
    assert posts.check(many, "facebook")["hashtags"].message.startswith("Có 6 hashtag")
    assert posts.check(many, "zalo").failed_codes == ["hashtags"]
    dup = NO_NUMBERS + " #CôngĐoànViệtNam"
    item = posts.check(dup, "facebook")["hashtags"]
    assert not item.ok and item.severity == "error" and "lặp" in item.message


def test_hashtag_trailing_punctuation_and_links_are_not_errors():
    text = NO_NUMBERS.replace(
        "#CongDoanVietNam", "Xem thêm: https://ldld.hue.vn/#tin-tuc #CongDoan."
    )
    assert posts.check(text, "facebook")["hashtags"].ok


def test_call_to_action_after_the_fold_is_a_warning():
    filler = "Công đoàn cơ sở tổng kết năm qua với nhiều hoạt động ý nghĩa.\n" * 4
    text = "Một năm nhìn lại! 🎉\n" + filler + "Hãy chia sẻ cảm nghĩ của bạn. #CongDoanVietNam"
    item = posts.check(text, "facebook")["call_to_action"]
    assert not item.ok and item.severity == "warning"


def test_flat_hook_and_missing_call_to_action_and_union():
    text = "hôm nay trời đẹp, mọi người đi làm đầy đủ và vui vẻ lắm.\n#HomNay"
    assert posts.check(text, "facebook").failed_codes == [
        "hook",
        "call_to_action",
        "union_identity",
    ]


def test_length_limits_per_channel():
    body = "Đăng ký tham gia cùng Công đoàn cơ sở! " + "Nội dung chi tiết. " * 110
    assert posts.check(body + "#CongDoan", "facebook")["length"].severity == "warning"
    item = posts.check(body, "zalo")["length"]
    assert not item.ok and item.severity == "error"
    assert posts.check("Công đoàn?", "zalo")["length"].message.startswith("Bài chỉ có")


def test_sensitive_only_is_a_privacy_warning():
    text = NO_NUMBERS + "\nCảm ơn các đoàn viên đã đi thăm người lao động nhập viện."
    item = posts.check(text, "facebook")["privacy"]
    assert not item.ok and item.severity == "warning"


@pytest.mark.parametrize("text", ["", "   \n\t", "\x00\x01", "🎉" * 50, "#" * 300])
def test_empty_or_odd_posts_do_not_raise(text):
    report = posts.check(text, "facebook")
    assert [item.code for item in report] == list(posts.CODES)


def test_empty_post_is_an_error():
    report = posts.check("", "zalo")
    assert {"hook", "length"} <= {item.code for item in report.errors}


@pytest.mark.parametrize("channel", ["tiktok", "", None, 3])
def test_unknown_channel_raises_input_error(channel):
    with pytest.raises(InputError, match="facebook, zalo"):
        posts.check(NO_NUMBERS, channel)


def test_non_text_raises_input_error():
    with pytest.raises(InputError, match="kiểu str"):
        posts.check(None, "facebook")


@settings(max_examples=300, deadline=None)
@given(st.text(), st.sampled_from(posts.CHANNELS))
def test_check_never_raises(text, channel):
    report = posts.check(text, channel)
    # garbled legacy-font text gets one item, the encoding: nothing else can be read in it
    codes = ["encoding"] if "encoding" in report else list(posts.CODES)
    assert [item.code for item in report] == codes
