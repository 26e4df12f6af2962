"""Posts, short-video scripts and image descriptions; follow-up turns."""

from __future__ import annotations

import re

import pytest

from congdoan.practice._text import word_count

from .conftest import placeholders, run

POST_DETAILED = (
    "Viết bài đăng Fanpage của Công đoàn cơ sở Công ty May Hòa Thọ mời toàn thể đoàn viên, "
    "người lao động tham gia Chợ Tết Công đoàn lúc 8h00 ngày 25/01/2026 tại sân Công ty, "
    "có 300 phần quà, giọng vui tươi, thêm hashtag #TetSumVay"
)
VIDEO_DETAILED = (
    "Viết kịch bản video TikTok 30 giây giới thiệu Tháng hành động về an toàn, vệ sinh lao động "
    "năm 2026 của Công đoàn cơ sở Công ty Điện lực Huế, khẩu hiệu “An toàn là bạn, tai nạn là "
    "thù”, phát động lúc 7h30 ngày 04/5/2026 tại sân Công ty, dành cho công nhân."
)
IMAGE_DETAILED = (
    "Mô tả ảnh poster cho Fanpage về Tết Sum vầy 2026, dòng chữ “Tết Sum vầy - Xuân gắn kết”, "
    "màu đỏ và vàng, phong cách vui tươi"
)


def test_post_vague_and_detailed():
    vague = run("viết bài đăng facebook")
    detailed = run(POST_DETAILED)
    assert vague.task == detailed.task == "post"
    assert placeholders(detailed.text) < placeholders(vague.text)
    assert placeholders(detailed.draft) == 0
    for value in (
        "Công đoàn cơ sở Công ty May Hòa Thọ",
        "toàn thể đoàn viên, người lao động",
        "Chợ Tết Công đoàn",
        "8h00",
        "25/01/2026",
        "sân Công ty",
        "300 phần quà",
        "#TetSumVay",
    ):
        assert value in detailed.draft, value


def test_post_layout_hook_cta_and_hashtags():
    draft = run(POST_DETAILED).draft
    lines = draft.splitlines()
    assert "Chợ Tết Công đoàn" in lines[0]  # the hook comes first
    assert "👉" in draft  # a call to action
    tags = re.findall(r"#\w+", lines[-1])
    assert "#TetSumVay" in tags
    assert "#ChoTetCongDoan" in draft  # a suggested hashtag formed from the event name


@pytest.mark.parametrize("limit", [45, 60])
def test_post_respects_a_word_limit(limit):
    result = run(POST_DETAILED + f", dưới {limit} chữ")
    assert word_count(result.draft) < limit
    assert "8h00" in result.draft and "sân Công ty" in result.draft


def test_post_keeps_every_fact_when_the_facts_alone_pass_the_limit():
    """Round 4: a limit is met by cutting the template's words, never the trainee's facts;
    under 30 words this prompt's facts do not fit, so they stay and a tip says so."""
    result = run(POST_DETAILED + ", dưới 30 chữ")
    for value in (
        "Công đoàn cơ sở Công ty May Hòa Thọ",
        "toàn thể đoàn viên, người lao động",
        "8h00",
        "25/01/2026",
        "sân Công ty",
        "300 phần quà",
        "#TetSumVay",
    ):
        assert value in result.draft, value
    assert any("vượt giới hạn “dưới 30 chữ”" in tip for tip in result.tips)


def test_post_respects_a_character_limit():
    result = run(POST_DETAILED + ", tối đa 200 ký tự")
    assert len(result.draft) <= 200


def test_post_cut_is_explained_in_the_tips():
    result = run(POST_DETAILED + ", dưới 40 chữ")
    assert any("dưới 40 chữ" in tip for tip in result.tips)


def test_post_without_diacritics():
    result = run(
        "viet bai dang zalo moi doan vien du Hoi thao luc 15h ngay 1/6/2026 tai san van dong"
    )
    assert result.task == "post"
    for value in ("15h", "1/6/2026", "sân vận động", "Hội thao"):  # union phrases get marks
        assert value in result.draft
    assert any("không dấu" in tip for tip in result.tips)


def test_video_vague_and_detailed():
    vague = run("làm video tiktok")
    detailed = run(VIDEO_DETAILED)
    assert vague.task == detailed.task == "video_script"
    assert placeholders(detailed.text) < placeholders(vague.text)
    assert placeholders(detailed.draft) == 0
    for value in (
        "Tháng hành động về an toàn, vệ sinh lao động năm 2026",
        "An toàn là bạn, tai nạn là thù",
        "7h30",
        "04/5/2026",
        "sân Công ty",
        "Công đoàn cơ sở Công ty Điện lực Huế",
        "công nhân",
    ):
        assert value in detailed.draft, value


def _scene_seconds(draft: str) -> list[tuple[int, int, int]]:
    return [
        tuple(map(int, m)) for m in re.findall(r"Cảnh \d+ \((\d+)-(\d+) giây, (\d+) giây\)", draft)
    ]


@pytest.mark.parametrize(("asked", "total"), [("30 giây", 30), ("1 phút", 60), ("15 giây", 15)])
def test_video_scenes_add_up_to_the_requested_length(asked, total):
    draft = run(f"Viết kịch bản video {asked} về Tết Sum vầy 2026").draft
    scenes = _scene_seconds(draft)
    assert len(scenes) >= 3
    assert scenes[0][0] == 0 and scenes[-1][1] == total
    assert sum(s for _, _, s in scenes) == total
    assert all(a + s == b for a, b, s in scenes)
    for part in ("Hình ảnh:", "Chữ trên màn hình:", "Lời dẫn:"):
        assert part in draft


def test_video_default_length_and_vertical_frame():
    draft = run("Viết kịch bản video Reels về Tháng Công nhân 2026").draft
    scenes = _scene_seconds(draft)
    assert 30 <= scenes[-1][1] <= 60
    assert "9:16" in draft


def test_image_vague_and_detailed():
    vague = run("tạo ảnh")
    detailed = run(IMAGE_DETAILED)
    assert vague.task == detailed.task == "image_prompt"
    assert placeholders(detailed.text) < placeholders(vague.text)
    assert placeholders(detailed.draft) == 0
    for value in ("Tết Sum vầy 2026", "Tết Sum vầy - Xuân gắn kết", "Màu sắc: đỏ và vàng"):
        assert value in detailed.draft, value  # the colours asked, not "Màu sắc: màu đỏ ..."
    assert "1:1 hoặc 4:5" in detailed.draft
    for label in (
        "Chủ thể:",
        "Bối cảnh:",
        "Phong cách:",
        "Chữ trên ảnh",
        "Màu sắc:",
        "Tỉ lệ khung hình:",
    ):
        assert label in detailed.draft


@pytest.mark.parametrize(
    ("channel", "ratio"), [("TikTok", "9:16"), ("YouTube", "16:9"), ("Facebook", "4:5")]
)
def test_image_ratio_follows_the_channel(channel, ratio):
    draft = run(
        f"Thiết kế poster Tháng Công nhân 2026 đăng {channel}, dòng chữ “Tháng Công nhân”"
    ).draft
    assert ratio in draft


# ------------------------------------------------------------------ follow-ups
def test_follow_up_changes_the_place():
    first = run(POST_DETAILED)
    second = run(POST_DETAILED, "đổi địa điểm thành Hội trường B")
    assert second.task == "post"
    assert "Hội trường B" in second.draft and "sân Công ty" not in second.draft
    assert "Chợ Tết Công đoàn" in second.draft  # details of the first turn are kept
    assert first.details["place"] == ["sân Công ty"]
    assert second.details["place"] == ["Hội trường B"]


def test_follow_up_adds_a_hashtag():
    result = run("Viết bài đăng Zalo về Tết Sum vầy năm 2026", "thêm hashtag #CongDoanHue")
    assert result.task == "post"
    assert "#CongDoanHue" in result.draft


def test_follow_up_makes_it_shorter():
    long = run(POST_DETAILED)
    short = run(POST_DETAILED, "viết ngắn lại")
    assert short.task == "post"
    assert word_count(short.draft) < word_count(long.draft)


def test_follow_up_more_formal_changes_the_tone():
    friendly = run(POST_DETAILED)
    formal = run(POST_DETAILED, "trang trọng hơn")
    assert "🎉" in friendly.draft
    assert formal.draft.splitlines()[0].startswith("THÔNG BÁO")


def test_follow_up_on_a_document_changes_the_time():
    base = (
        "Viết giấy mời dự Hội nghị người lao động năm 2026 của Công đoàn cơ sở Trường Tiểu học "
        "Vĩnh Ninh lúc 14h00 ngày 15/01/2026 tại Phòng họp nhà trường"
    )
    result = run(base, "đổi giờ thành 15h30")
    assert result.task == "invitation"
    assert "15h30" in result.draft and "14h00" not in result.draft


def test_new_task_in_a_follow_up_keeps_the_details():
    result = run(POST_DETAILED, "Giờ hãy viết kịch bản video 30 giây cho sự kiện này")
    assert result.task == "video_script"
    assert "Chợ Tết Công đoàn" in result.draft and "25/01/2026" in result.draft


def test_system_message_gives_organisation_and_tone():
    system = "Bạn là cán bộ Công đoàn cơ sở Công ty May Hòa Thọ, viết giọng trang trọng."
    result = run(
        "Viết bài đăng Fanpage về Hội thao công nhân lúc 7h00 ngày 1/5/2026 tại sân Công ty",
        system=system,
    )
    assert result.task == "post"
    assert result.details["org"] == ["Công đoàn cơ sở Công ty May Hòa Thọ"]
    assert result.details["tone"] == ["trang trọng"]
