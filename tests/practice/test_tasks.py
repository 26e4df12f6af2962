"""Task recognition: Vietnamese with or without diacritics, any case."""

from __future__ import annotations

import pytest

from congdoan.practice import TASKS, detect_task

from .conftest import run

CASES = [
    ("Viết thông báo họp Ban Chấp hành", "notice"),
    ("viet thong bao hop ban chap hanh", "notice"),
    ("SOẠN GIẤY MỜI dự Hội nghị người lao động", "invitation"),
    ("Soạn thư mời đại biểu dự Đại hội", "invitation"),
    ("Lập kế hoạch tổ chức Tết Sum vầy 2026", "plan"),
    ("lap ke hoach to chuc Tet Sum vay", "plan"),
    ("Viết báo cáo kết quả Tháng Công nhân", "report"),
    ("Viết bài đăng Facebook về Tháng Công nhân", "post"),
    ("Viết status cho Fanpage công đoàn", "post"),
    ("Soạn tin nhắn Zalo OA nhắc đoàn viên đóng đoàn phí", "post"),
    ("Viết thông báo đăng lên Fanpage về Chợ Tết Công đoàn", "post"),
    ("Viết bài đăng về kế hoạch tổ chức Tết Sum vầy", "post"),
    ("Viết kịch bản video TikTok 30 giây", "video_script"),
    ("kich ban reels ve an toan lao dong", "video_script"),
    ("Làm video Shorts giới thiệu công đoàn", "video_script"),
    ("Mô tả ảnh minh họa cho bài đăng Tết Sum vầy", "image_prompt"),
    ("Thiết kế poster Tháng Công nhân", "image_prompt"),
    ("Viết prompt tạo ảnh áp phích an toàn lao động", "image_prompt"),
    ("Tóm tắt văn bản sau: Công đoàn tổ chức hội nghị.", "summary"),
    ("tom tat doan sau thanh 3 y", "summary"),
    ("Tóm tắt: THÔNG BÁO về việc tổ chức Tết Sum vầy", "summary"),
]


@pytest.mark.parametrize(("prompt", "task"), CASES)
def test_task_is_recognised(prompt, task):
    assert detect_task(prompt) == task
    assert run(prompt).task == task


def test_pasted_text_before_the_instruction_is_a_summary():
    prompt = "THÔNG BÁO về việc tổ chức Hội nghị.\nNội dung dài của văn bản.\nTóm tắt đoạn trên"
    assert detect_task(prompt) == "summary"


@pytest.mark.parametrize("prompt", ["Luật Công đoàn có bao nhiêu điều?", "xin chào", "", "   "])
def test_anything_else_is_general(prompt):
    result = run(prompt)
    assert result.task == "general"
    assert result.task in TASKS
    assert "ChatGPT" in result.text  # points to a real provider, never claims to be one
    assert result.missing == []


def test_follow_up_without_task_word_continues_previous_task():
    result = run("Viết giấy mời dự Hội nghị người lao động năm 2026", "trang trọng hơn")
    assert result.task == "invitation"


@pytest.mark.parametrize(
    "name",
    [
        "Công đoàn cơ sở Bệnh viện Đa khoa Hoàng Long",
        "Công đoàn cơ sở Công ty Cơ khí Thiên Phúc",
        "Công đoàn cơ sở Công ty Gạch ngói Long Thọ",
    ],
)
def test_organisation_names_with_lowercase_words_are_kept_whole(name):
    from congdoan.practice import extract

    assert extract(f"Soạn thông báo của {name} về việc tổ chức hội thao")["org"] == [name]
