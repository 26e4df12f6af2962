"""Script tables and the short-video checker."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import congdoan
from congdoan.errors import InputError
from congdoan.media import COLUMNS, check_video_script, parse_script, script_table, syllables

GOOD_ROWS = [
    (3, "Cận cảnh công nhân tươi cười", "Tháng Công nhân 2026", "Tháng Công nhân đã đến!"),
    (
        8,
        "Toàn cảnh hội trường, băng rôn",
        "8h00 - 01/5 - Hội trường",
        "Lễ phát động lúc tám giờ sáng mùng một tháng năm.",
    ),
    (
        10,
        "Công nhân thi kéo co, văn nghệ",
        "Kéo co - Văn nghệ - Trao quà",
        "Có kéo co, văn nghệ và trao quà cho đoàn viên khó khăn.",
    ),
    (8, "Hai bàn tay bắt chặt", "Đoàn kết - Sáng tạo", "Cùng nhau đoàn kết, sáng tạo, vượt khó."),
    (6, "Logo công đoàn", "Đăng ký ngay!", "Hãy đăng ký tham gia và chia sẻ video này!"),
]
CODES = [
    "columns",
    "duration",
    "scene_length",
    "reading_speed",
    "screen_text",
    "hook",
    "call_to_action",
]
LONG_SCREEN = "một hai ba bốn năm sáu bảy tám chín mười mười một mười hai"
LONG_VOICE = (
    "Lễ phát động Tháng Công nhân năm nay diễn ra lúc tám giờ sáng ngày mùng một tháng năm "
    "tại hội trường lớn của Công ty, mời tất cả đoàn viên cùng tham dự đông đủ đúng giờ."
)

BLOCK_TEXT = """KỊCH BẢN VIDEO NGẮN: Tết Sum vầy
Cảnh 1 (0-3 giây, 3 giây):
- Hình ảnh: Hoa mai vàng
- Chữ trên màn hình: Tết Sum vầy 2026
- Lời dẫn: Tết đến rồi!

Cảnh 2 (3-33 giây):
- **Hình ảnh:** Chợ Tết Công đoàn,
  người lao động chọn quà
- Lời thoại: Hãy đến Chợ Tết Công đoàn.

Gợi ý: thêm nhạc nền.
"""
MARKDOWN = """Đây là kịch bản:

| Cảnh | Thời lượng | Hình ảnh | Chữ trên màn hình | Lời dẫn |
|---|---|---|---|---|
| 1 | 0-3s | Hoa mai | Tết Sum vầy | Tết đến rồi! |
| 2 | 3s - 10s | Chợ Tết | Đăng ký ngay | Hãy đăng ký nhận quà. |
"""


def test_script_table_from_tuples_has_vietnamese_columns():
    df = script_table(GOOD_ROWS)
    assert list(df.columns) == list(COLUMNS)
    assert df["cảnh"].tolist() == [1, 2, 3, 4, 5]
    assert df["giây"].tolist() == [3.0, 8.0, 10.0, 8.0, 6.0]
    assert df.loc[0, "chữ trên màn hình"] == "Tháng Công nhân 2026"


def test_script_table_accepts_english_and_variant_names():
    rows = [
        {"scene": 7, "seconds": "3 giây", "visual": "Hoa", "on_screen": "Tết", "voice": "Tết đến"},
        {"Thời lượng (giây)": "4s", "Hình ảnh": "Chợ", "Lời dẫn": "Hãy đến chợ"},
    ]
    df = script_table(rows)
    assert list(df.columns) == list(COLUMNS)
    assert df["giây"].tolist() == [3.0, 4.0] and df["cảnh"].tolist() == [1, 2]
    assert df.loc[1, "lời thoại"] == "Hãy đến chợ" and df.loc[1, "chữ trên màn hình"] == ""
    five = script_table([(1, 3, "Hoa", "Tết", "Tết đến")])
    assert five.loc[0, "giây"] == 3.0
    frame = script_table(pd.DataFrame({"Seconds": [2], "Picture": ["x"], "Narration": ["y"]}))
    assert frame.loc[0, "lời thoại"] == "y"


@pytest.mark.parametrize(
    "rows",
    [[], [(0, "a", "b", "c")], [("ba giây", "a", "b", "c")], [(3, "a")], ["3 giây"], 42,
     [{"hình ảnh": "x"}]],
)  # fmt: skip
def test_bad_rows_raise_input_error(rows):
    with pytest.raises(InputError):
        script_table(rows)


def test_a_good_script_passes():
    report = check_video_script(script_table(GOOD_ROWS), "tiktok")
    assert [item.code for item in report] == CODES
    assert report.failed_codes == [], str(report)


def test_reading_speed_counts_syllables():
    assert syllables("Tháng Công nhân đã đến!") == 5
    assert syllables("năm 2026") == 5
    rows = [list(r) for r in GOOD_ROWS]
    rows[1][3] = LONG_VOICE
    item = check_video_script(script_table(rows))["reading_speed"]
    assert not item.ok and "cảnh 2" in item.message and "tiếng/giây" in item.message


@pytest.mark.parametrize(
    ("change", "code", "severity"),
    [
        (lambda r: r.__setitem__(0, (5, *r[0][1:])), "hook", "error"),
        (lambda r: r.__setitem__(0, (3, r[0][1], "", r[0][3])), "hook", "error"),
        (
            lambda r: r.__setitem__(4, (6, "Logo", "Cảm ơn", "Xin cảm ơn.")),
            "call_to_action",
            "error",
        ),
        (lambda r: r.__setitem__(2, (14, *r[2][1:])), "scene_length", "warning"),
        (lambda r: r.__setitem__(3, (8, "x", LONG_SCREEN, "Cùng nhau.")), "screen_text", "warning"),
        (lambda r: r.extend([(10, "x", "Tết", "Hãy đến.")] * 4), "duration", "warning"),
    ],
)
def test_each_rule_fails_on_its_own(change, code, severity):
    rows = list(GOOD_ROWS)
    change(rows)
    report = check_video_script(script_table(rows))
    assert code in report.failed_codes, str(report)
    assert report[code].severity == severity and report[code].hint


def test_duration_limits_depend_on_the_platform():
    long = script_table([(3, "x", "Tết", "Tết đến")] + [(10, "x", "Tết", "Hãy đến.")] * 20)
    over = check_video_script(long, "shorts")["duration"]
    assert not over.ok and over.severity == "error" and "180" in over.message
    assert check_video_script(long, "youtube")["duration"].ok
    assert check_video_script(long, "tiktok")["duration"].severity == "warning"
    assert check_video_script(script_table(GOOD_ROWS), "Facebook Reels")["duration"].ok


def test_scripts_written_as_text_are_read():
    df = parse_script(BLOCK_TEXT)
    assert df["giây"].tolist() == [3.0, 30.0]
    assert df.loc[1, "hình ảnh"] == "Chợ Tết Công đoàn, người lao động chọn quà"
    assert df.loc[1, "lời thoại"] == "Hãy đến Chợ Tết Công đoàn."
    assert df.loc[1, "chữ trên màn hình"] == ""
    table = parse_script(MARKDOWN)
    assert table["giây"].tolist() == [3.0, 7.0]
    assert table.loc[1, "lời thoại"] == "Hãy đăng ký nhận quà."


def test_the_practice_models_script_can_be_checked():
    text = congdoan.ask("Viết kịch bản video TikTok 30 giây về Tết Sum vầy 2026").text
    report = congdoan.check(text, "video_script")
    assert report.kind == "video_script" and report["columns"].ok
    assert report["call_to_action"].ok
    assert math.isclose(parse_script(text)["giây"].sum(), 30)


def test_text_without_scenes_fails_columns_only():
    report = check_video_script("Xin chào các bạn")
    assert [item.code for item in report] == ["columns"] and not report.ok


def test_missing_columns_are_named():
    report = check_video_script(pd.DataFrame({"giây": [3], "ghi chú": ["x"]}))
    assert report.failed_codes == ["columns"]
    assert "hình ảnh" in report["columns"].message


def test_bad_arguments_raise_input_error():
    with pytest.raises(InputError, match="nền tảng"):
        check_video_script(script_table(GOOD_ROWS), "myspace")
    with pytest.raises(InputError):
        check_video_script(42)  # type: ignore[arg-type]


@settings(max_examples=150, deadline=None)
@given(st.text())
def test_never_raises_on_arbitrary_text(text):
    report = check_video_script(text)
    assert report.items and report.items[0].code == "columns"


_SCRIPT_CODES = (
    "columns", "duration", "scene_length", "reading_speed", "screen_text", "hook",
    "call_to_action",
)  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="Cảnh 0123456789:-giây\n|HìnhảLờiotạ ", max_size=300))
def test_never_raises_on_script_like_text(text):
    codes = [item.code for item in check_video_script(text).items]
    # a script without the columns stops at the first check; one with them gets every check
    assert codes in (["columns"], [*_SCRIPT_CODES])


@pytest.mark.parametrize(
    ("closing", "has_cta"),
    [
        ("Chúc mừng Tháng Công nhân, ngày hội của công nhân lao động.", False),
        ("Đăng ký ngay tại văn phòng Công đoàn!", True),
        ("Hãy chia sẻ video này.", True),
        ("dang ky ngay tai van phong cong doan", True),
    ],
)
def test_call_to_action_needs_a_real_call(closing, has_cta):
    from congdoan.media import check_video_script, script_table

    rows = [
        {
            "cảnh": 1,
            "giây": 3,
            "hình ảnh": "Cờ",
            "chữ trên màn hình": "Hội thao",
            "lời thoại": "Sẵn sàng chưa?",
        },
        {
            "cảnh": 2,
            "giây": 8,
            "hình ảnh": "Sân",
            "chữ trên màn hình": "09/5",
            "lời thoại": closing,
        },
    ]
    assert check_video_script(script_table(rows))["call_to_action"].ok is has_cta
