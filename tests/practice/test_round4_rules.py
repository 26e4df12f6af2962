"""Issue 11, round 4: the rules behind the failures of ``prompts_round4.toml``, each pinned
on prompts worded differently from the held-out ones (a rule, not a case, is tested).

A draft carries every fact the prompt gave, invents none, and puts none on the wrong
line; a post's length limit is met by cutting the template's generic parts, never the
trainee's facts; a sad occasion is announced soberly; a notice follows what it announces.
"""

from __future__ import annotations

import re

import pytest

from congdoan.practice._text import fold, word_count
from congdoan.practice.details import extract
from congdoan.practice.tasks import detect_task

from .conftest import draft_of, line_with, run


# ------------------------------------------------------------------ 1. a length limit
@pytest.mark.parametrize(
    ("prompt", "facts"),
    [
        (
            "Viết bài đăng Fanpage chúc mừng cô Lê Thị Hồng, giáo viên tổ Toán trường THPT "
            "Gia Hội, vừa nhận Bằng khen của Bộ Giáo dục, khoảng 80 chữ",
            ("Lê Thị Hồng", "tổ Toán", "Gia Hội", "Bằng khen"),
        ),
        (
            "Bài đăng Fanpage giới thiệu gương người tốt việc tốt: anh Võ Văn Đức, công nhân "
            "tổ Hàn, nhặt được 30 triệu đồng và trả lại người mất, dưới 100 chữ",
            ("Võ Văn Đức", "tổ Hàn", "30 triệu đồng", "trả lại người mất"),
        ),
        (
            "viet bai fanpage cam on Ngan hang Agribank Hue da tai tro 100 suat qua cho cong "
            "nhan, duoi 60 chu",
            ("Agribank", "100 suat qua"),
        ),
    ],
)
def test_a_length_limit_cuts_generic_parts_never_the_facts(prompt, facts):
    answer = run(prompt)
    for fact in facts:
        assert fold(fact) in fold(answer.draft), fact
    assert "Tin hoạt động công đoàn" not in answer.draft
    limit = int(re.search(r"(\d+) chữ|(\d+) chu", prompt).group(1) or 0) or int(
        re.search(r"(\d+) chu", prompt).group(1)
    )
    assert word_count(answer.draft) <= limit


def test_facts_longer_than_the_limit_are_kept_and_a_tip_says_so():
    prompt = (
        "Viết bài đăng Fanpage chúc mừng đồng chí Nguyễn Văn Thành, tổ Điện, đạt giải nhất "
        "Hội thi thợ giỏi năm 2026 của Công ty Thủy điện Bình Điền, dưới 15 chữ"
    )
    answer = run(prompt)
    for fact in ("Nguyễn Văn Thành", "tổ Điện", "giải nhất", "Bình Điền"):
        assert fold(fact) in fold(answer.draft), fact
    assert any("vượt" in tip and "15 chữ" in tip for tip in answer.tips)


# ------------------------------------------------------------------ 2. sad occasions
@pytest.mark.parametrize(
    "prompt",
    [
        "Soạn bài đăng Zalo phân ưu: mẹ của đoàn viên Trần Văn Hải, phòng Kế toán, từ trần "
        "ngày 5/3/2026, lễ an táng lúc 7h ngày 7/3/2026 tại nghĩa trang Phú Thượng",
        "viet bai dang chia buon voi gia dinh chi Nguyen Thi Hoa to May 2, chong chi mat ngay "
        "10/4/2026, le vieng luc 15h ngay 11/4/2026 tai nha rieng",
    ],
)
def test_a_condolence_post_is_sober_and_dates_the_ceremony(prompt):
    draft = draft_of(prompt)
    for hype in ("đừng bỏ lỡ", "🎉", "📣", "cùng tham gia", "lan tỏa", "Đăng ký"):
        assert hype not in draft, hype
    ceremony = re.findall(r"(\d{1,2}/\d{1,2}/2026)", prompt)[-1]
    assert ceremony in line_with(draft, "Thời gian")
    death = re.findall(r"(\d{1,2}/\d{1,2}/2026)", prompt)[0]
    assert death in draft and death not in line_with(draft, "Thời gian")


def test_the_date_of_the_clause_with_the_time_is_the_events():
    found = extract("Bài đăng: tổ chức tổng kết ngày 20/12/2026, trao quà lúc 9h ngày 22/12/2026")
    assert found["date"][0] == "22/12/2026"


# ------------------------------------------------------------------ 3. change notices
@pytest.mark.parametrize(
    ("prompt", "old", "new"),
    [
        (
            "Thông báo dời Đại hội Công đoàn cơ sở dự kiến ngày 5/4/2026 sang ngày 12/4/2026 "
            "vì trùng lịch của công ty",
            "5/4/2026",
            "12/4/2026",
        ),
        (
            "thong bao lui hoi thao cong nhan ngay 10/5/2026 sang ngay 17/5/2026 do mua bao",
            "10/5/2026",
            "17/5/2026",
        ),
    ],
)
def test_a_postponement_is_a_change_and_never_dates_the_event_on_the_old_day(prompt, old, new):
    draft = draft_of(prompt)
    when = line_with(draft, "Thời gian")
    assert old not in when and new in when
    assert old in draft  # the old day stays in the trainee's sentence
    assert "đúng giờ" not in draft
    subject = line_with(draft, "Về việc")
    assert not re.search(r"(?i)(dự kiến|du kien|ngày|ngay)$", subject.strip(" ."))


# ------------------------------------------------------------------ 4. support notices
@pytest.mark.parametrize(
    "prompt",
    [
        "Thông báo về việc hỗ trợ đoàn viên Phạm Văn Long bị tai nạn lao động đang điều trị "
        "tại Bệnh viện Trung ương Huế, mức hỗ trợ 2.000.000 đồng",
        "thong bao tham hoi doan vien Tran Van Son bi om nang dang nam vien, muc tham hoi "
        "500.000 dong",
    ],
)
def test_a_support_notice_informs_and_its_subject_ends_on_a_whole_phrase(prompt):
    draft = draft_of(prompt)
    assert "đúng giờ" not in draft and "Địa điểm:" not in draft
    assert "[bổ sung: giờ bắt đầu]" not in draft
    subject = line_with(draft, "Về việc").strip(" .").split()
    assert subject[-1].lower() not in ("bị", "bi", "đang", "dang", "của", "cua", "về", "ve")


@pytest.mark.parametrize(
    "prompt",
    [
        "Thông báo về việc đăng ký tham gia tour du lịch Nha Trang 3 ngày 2 đêm cho đoàn viên",
        "thong bao chuyen dia diem sinh hoat cau lac bo bong ban sang nha thi dau tu ngay 5/1/2027",
        "Thông báo thay đổi thời gian họp tổ công đoàn sang 16h ngày 5/1/2027",
    ],
)
def test_a_notice_subject_does_not_end_on_a_dangling_word(prompt):
    subject = line_with(draft_of(prompt), "Về việc").strip(" .")
    assert subject.split()[-1].lower() not in ("chuyen", "chuyển", "3", "ngày", "ngay")
    assert len(subject.split()) >= 4


# ------------------------------------------------------------------ 5. "viết bài"
@pytest.mark.parametrize(
    "prompt",
    [
        "viet bai chuc mung ngay 20/10 cho chi em nu doan vien, duoi 60 chu",
        "Viết bài cảm ơn các nhà tài trợ Chương trình Tết Sum vầy 2027",
        "Viết bài chia buồn cùng gia đình đồng chí Lê Văn An",
    ],
)
def test_a_written_greeting_without_a_channel_is_a_post(prompt):
    assert detect_task(prompt) == "post"


def test_a_speech_is_not_a_post():
    assert detect_task("Viết bài phát biểu khai mạc Đại hội công đoàn") != "post"


# ------------------------------------------------------------------ 6. videos carry facts
def test_a_video_about_a_fund_carries_its_facts_and_asks_for_no_event_time():
    draft = draft_of(
        "Kịch bản video 30 giây giới thiệu Quỹ Xã hội Công đoàn: đã hỗ trợ 12 đoàn viên, "
        "mỗi người 5 triệu đồng, giải ngân trong 3 ngày"
    )
    for fact in ("12 đoàn viên", "5 triệu đồng", "giải ngân trong 3 ngày"):
        assert fold(fact) in fold(draft), fact
    assert "diễn ra lúc" not in draft and "[bổ sung: giờ" not in draft
    assert "quy mô" not in draft  # neither the amount per member nor those helped is a size
    assert "Đăng ký ngay" not in draft


def test_a_video_about_an_event_still_asks_for_its_time():
    draft = draft_of("Kịch bản video TikTok 30 giây mời đoàn viên dự Ngày hội hiến máu 2027")
    assert "[bổ sung: giờ bắt đầu]" in draft


# ------------------------------------------------------------------ 7. numbers "per X"
def test_a_number_said_per_item_stays_in_its_clause():
    draft = draft_of(
        "Bài đăng Fanpage mời đoàn viên dự Hội thi cắm hoa ngày 18/10/2026 tại hội trường, "
        "mỗi khoa cử 2 người"
    )
    assert "mỗi khoa cử 2 người" in draft.lower()
    assert "Quy mô: 2" not in draft


# ------------------------------------------------------------------ 8. weekday, event
def test_a_weekday_before_a_date_is_written_once():
    # "thứ Tư" folds to "thu tu": its "tu" is not "từ" (from) opening a period
    draft = draft_of("Tin nhắn Zalo tổ công đoàn: họp tổ sáng thứ Tư 11/11/2026 lúc 8h tại xưởng")
    assert "Tư, Tư" not in draft and "thứ Tư" in draft


def test_a_health_check_is_the_event_and_its_advice_is_kept():
    draft = draft_of(
        "Soạn tin nhắn Zalo báo lịch khám sức khỏe cho người lao động ngày 9/12/2026 tại "
        "Trạm y tế phường, nhịn ăn sáng trước khi đi khám"
    )
    assert "[bổ sung: tên hoạt động" not in draft
    assert "khám sức khỏe" in draft and "nhịn ăn sáng" in draft.lower()


# ------------------------------------------------------------------ 9. targets
def test_targets_are_not_the_audiences_size():
    draft = draft_of(
        "Lập kế hoạch phát triển đoàn viên năm 2027 của Công đoàn xã Phú Vinh: kết nạp 40 "
        "đoàn viên mới, thành lập 3 công đoàn cơ sở mới"
    )
    assert "Số lượng:" not in draft
    assert "thành lập 3 công đoàn cơ sở mới" in draft.lower()


# ------------------------------------------------------------------ 10. the contact's name
@pytest.mark.parametrize(
    ("prompt", "name"),
    [
        (
            "Thông báo thu đoàn phí quý I năm 2027, hạn nộp 15/1/2027, liên hệ chị Hoa 0912345678",
            "Hoa",
        ),
        ("thong bao dang ky tham quan Phong Nha, lien he anh Tuan 0905 111 222", "Tuan"),
    ],
)
def test_the_contacts_name_is_kept_with_the_phone(prompt, name):
    contact = line_with(draft_of(prompt), "Liên hệ")
    assert name in contact and re.search(r"\d{4}", contact)


# ------------------------------------------------------------------ found reading the drafts
def test_an_occasions_day_is_not_the_events_day():
    draft = draft_of(
        "Kế hoạch tổ chức hội thao chào mừng ngày Quốc tế Phụ nữ 8/3 cho nữ công nhân, thi đấu "
        "ngày 6/3/2027 tại sân công ty"
    )
    assert "6/3/2027" in line_with(draft, "Thời gian") and "8/3" in draft


def test_days_of_one_month_are_one_date():
    draft = draft_of("Kế hoạch tập huấn cán bộ công đoàn 3 ngày 14-16/4/2027 tại Hội trường LĐLĐ")
    assert "14-16/4/2027" in line_with(draft, "Thời gian")
    trip = draft_of("Kế hoạch nghỉ mát cho đoàn viên: đi Phong Nha 3 ngày 10-12/7/2027, 50 người")
    assert "3 ngày 10-12/7/2027" in trip  # "Đi Phong Nha 3." would lose what the 3 counts


@pytest.mark.parametrize(
    "prompt",
    [
        "Viết tin nhắn Zalo nhắc công nhân nộp hồ sơ xét nâng lương trước 15/1/2027",
        "Bài đăng Facebook kêu gọi quyên góp sách vở cho học sinh miền núi, hạn 20/8/2026",
    ],
)
def test_a_reminder_or_an_appeal_is_not_framed_as_an_event(prompt):
    draft = draft_of(prompt)
    for event_words in ("Thời gian:", "Địa điểm:", "đừng bỏ lỡ", "[bổ sung: tên hoạt động"):
        assert event_words not in draft, event_words
    assert "Hạn đăng ký" not in draft  # nothing to sign up for


def test_a_quoted_name_with_a_comma_stays_whole_in_the_subject():
    draft = draft_of("Kế hoạch tổ chức hội thi 'Nhanh, đúng, đẹp' năm 2027 cho công nhân tổ May")
    assert "'Nhanh, đúng, đẹp'" in line_with(draft, "Tổ chức hội thi")


def test_a_title_before_a_name_is_not_a_clause_end():
    draft = draft_of(
        "Kế hoạch hội thảo an toàn lao động ngày 9/4/2027 tại hội trường, diễn giả: PGS. Trần "
        "Văn Minh"
    )
    assert "PGS. Trần Văn Minh" in draft


def test_sang_after_a_move_from_a_place_is_to_not_morning():
    from congdoan.practice.accents import restore

    assert "sáng" not in restore("doi phong hop tu tang 2 sang tang 5 cua nha A")


def test_workers_in_a_place_name_are_not_the_audience():
    draft = draft_of(
        "thong bao chuyen sinh hoat CLB bong ban tu san truong sang nha van hoa cong nhan tu "
        "ngay 5/1/2027"
    )
    assert "Thành phần: công nhân" not in draft and "sáng" not in draft


def test_a_persons_title_stays_with_the_name():
    invitation = draft_of(
        "Giấy mời bà Lê Thị Mai, Giám đốc Công ty, dự Hội nghị người lao động lúc 8h ngày "
        "5/1/2027 tại hội trường"
    )
    assert "bà Lê Thị Mai, Giám đốc Công ty" in invitation
    assert "- Giám đốc Công ty." not in invitation
    minutes = draft_of(
        "Biên bản họp BCH lúc 14h ngày 3/12/2026 tại văn phòng. Chủ trì: đồng chí Lê Văn Nam, "
        "Phó Chủ tịch. Thư ký: đồng chí Hồ Thị Mơ."
    )
    assert "Chủ trì: đồng chí Lê Văn Nam, Phó Chủ tịch." in minutes
    assert "- Phó Chủ tịch." not in minutes


def test_a_routine_meeting_is_the_event():
    draft = draft_of(
        "mời các tổ trưởng dự họp giao ban tháng 12 lúc 8h ngày 29/12/2026 tại văn phòng"
    )
    assert "[bổ sung: tên hoạt động" not in draft and "giao ban tháng 12" in draft


def test_an_amount_in_dong_is_not_a_length_limit():
    assert "length" not in extract("muc ho tro 1.000.000 dong moi nguoi")


def test_a_plans_given_facts_are_its_content_not_a_blank():
    draft = draft_of("Kế hoạch phát triển đoàn viên 2027: kết nạp 30 đoàn viên, thành lập 1 CĐCS")
    assert "[bổ sung: các hoạt động chính]" not in draft
    content = draft.split("4. Nội dung:")[1].split("III.")[0]
    assert "Kết nạp 30 đoàn viên" in content


def test_of_several_hours_the_events_is_the_one_after_its_name():
    draft = draft_of(
        "Bài đăng phân ưu: cụ Trần Văn Ba, thân phụ đồng chí Trần Thị Hoa, từ trần lúc 4h ngày "
        "2/3/2027, lễ viếng lúc 9h ngày 4/3/2027 tại nhà riêng"
    )
    when = line_with(draft, "Thời gian")
    assert "9h" in when and "4/3/2027" in when
    assert "4h ngày 2/3/2027" in draft  # the death, in the trainee's sentence


def test_a_video_about_a_place_bound_model_asks_for_no_event_time():
    draft = draft_of(
        "Kịch bản video 30 giây về mô hình 'Bếp ăn công nhân' tại Khu công nghiệp Phong Điền: "
        "800 suất mỗi ngày, giá 15.000 đồng"
    )
    assert "diễn ra lúc" not in draft and "[bổ sung: giờ" not in draft
    for fact in ("Phong Điền", "800 suất mỗi ngày", "15.000 đồng"):
        assert fold(fact) in fold(draft), fact


def test_an_allowance_for_one_member_is_not_a_budget():
    draft = draft_of(
        "Thông báo về việc trợ cấp khó khăn cho đoàn viên Trần Văn Cường, tổ Lò hơi, mức "
        "1.500.000 đồng"
    )
    assert "Kinh phí" not in draft and "1.500.000 đồng" in draft


def test_what_the_invitees_attend_is_the_event_even_without_an_event_word():
    draft = draft_of(
        "Giấy mời các đồng chí tổ trưởng dự họp Ban Chấp hành mở rộng lúc 8h00 ngày 9/12/2026 "
        "tại phòng họp số 1"
    )
    assert "[bổ sung: tên hoạt động" not in draft
    assert "Tới dự: họp Ban Chấp hành mở rộng" in draft


def test_a_post_about_something_that_does_not_take_place_asks_for_no_time():
    draft = draft_of(
        "Bài đăng Fanpage giới thiệu mô hình 'Tủ thuốc công nhân' của Công đoàn phường Thủy "
        "Dương: 8 tủ thuốc tại các khu trọ"
    )
    assert "Thời gian:" not in draft and "Địa điểm:" not in draft and "đừng bỏ lỡ" not in draft
    assert "8 tủ thuốc" in draft


def test_minutes_name_their_meeting_and_list_what_it_did():
    draft = draft_of(
        "Biên bản họp tổ công đoàn Kho vận lúc 15h ngày 1/12/2026 tại kho số 2, chủ trì đ/c "
        "Trần Văn Hậu, thư ký đ/c Lê Thị Mỹ, thống nhất đề nghị khen thưởng 2 đoàn viên"
    )
    assert "Họp tổ công đoàn Kho vận" in draft
    proceedings = draft.split("Nội dung cuộc họp:")[1].split("Kết luận")[0]
    assert "khen thưởng 2 đoàn viên" in proceedings


def test_a_limit_inside_the_clause_of_facts_drops_only_the_limit():
    draft = draft_of(
        "Viết bài Fanpage khoảng 80 chữ chúc mừng 8/3 gửi chị em nữ đoàn viên Bệnh viện Đa "
        "khoa Hòa Vang"
    )
    assert "8/3" in draft and "Hòa Vang" in draft
    assert "80 chữ" not in draft and "Tin hoạt động công đoàn" not in draft


def test_nam_is_only_a_year_before_a_number():
    draft = draft_of(
        "bai dang fb moi doan vien du giai cau long ngay 9/1/2027 tai nha thi dau, moi to cu 1 "
        "van dong vien nam va 1 nu"
    )
    assert "năm va" not in draft and "năm và" not in draft


def test_a_move_to_another_place_is_a_change_with_the_new_place_on_its_line():
    draft = draft_of(
        "Thông báo chuyển Đại hội công đoàn từ hội trường A sang phòng họp tầng 4, thời gian "
        "giữ nguyên 8h ngày 20/1/2027"
    )
    assert "phòng họp tầng 4" in line_with(draft, "Địa điểm")
    assert "hội trường A" in draft and "đúng giờ" not in draft


def test_a_long_video_about_a_programme_keeps_scenes_readable():
    from congdoan import check

    answer = run(
        "Kịch bản video 60 giây giới thiệu Chương trình 'Cơm trưa 0 đồng' năm 2026: đã phát "
        "5.000 suất cơm, mỗi tuần 2 buổi"
    )
    assert "diễn ra lúc" not in answer.draft and "5.000 suất cơm" in answer.draft
    assert check(answer.text, "video_script").failed_codes == []
