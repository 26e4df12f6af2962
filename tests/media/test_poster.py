"""poster(): real PNGs at each channel's size, with the Vietnamese text actually drawn."""

from __future__ import annotations

import unicodedata

import pytest
from PIL import Image, ImageChops

from congdoan.errors import InputError
from congdoan.media import CHANNELS, fit_text, missing_glyphs, poster, render_poster
from congdoan.media.fonts import FONTS, font

VIETNAMESE_ALPHABET = (
    "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ"
)
FULL = {
    "slogan": "Đoàn kết, sáng tạo, vượt khó, phát triển",
    "date": "7h30, thứ Sáu, ngày 01/5/2026",
    "venue": "Hội trường Liên đoàn Lao động thành phố Huế",
    "organisation": "Công đoàn cơ sở Công ty Cổ phần Dệt may Huế",
}
WHITE, GOLD = (255, 255, 255), (255, 213, 79)


def _count(image: Image.Image, colour, box) -> int:
    region = image.convert("RGB").crop(box)
    return sum(1 for pixel in region.get_flattened_data() if pixel == colour)


@pytest.mark.parametrize("channel", sorted(CHANNELS))
def test_every_channel_gives_a_png_of_its_size(channel, tmp_path):
    path = poster("Tháng Công nhân 2026", channel=channel, path=tmp_path / "p.png", **FULL)
    with Image.open(path) as image:
        assert image.format == "PNG" and image.mode == "RGB"
        assert image.size == CHANNELS[channel].size
        width, height = image.size
        # title in white in the middle third, the date/venue panel in gold near the bottom
        assert _count(image, WHITE, (0, height // 3, width, 2 * height // 3)) > 500
        assert _count(image, GOLD, (0, int(height * 0.6), width, height)) > 5000
        assert image.text["congdoan:kind"] == "poster"


def test_aliases_reach_the_same_channel():
    assert render_poster("Video", channel="TikTok").size == (1080, 1920)
    assert render_poster("Video", channel="Fanpage").size == (1080, 1350)


def test_only_the_title_area_changes_with_the_title():
    one = render_poster("Tháng Công nhân 2026", **FULL)
    two = render_poster("Tết Sum vầy 2026", **FULL)
    box = ImageChops.difference(one, two).getbbox()
    assert box is not None
    top, bottom = box[1], box[3]
    assert top > 0.15 * one.height and bottom < 0.8 * one.height  # not the header, not the panel


def test_every_part_is_drawn():
    bare = render_poster("Tháng Công nhân 2026")
    for name, value in FULL.items():
        changed = render_poster("Tháng Công nhân 2026", **{name: value})
        assert ImageChops.difference(bare, changed).getbbox(), name


def test_tone_marks_are_drawn():
    marked, plain = render_poster("Tết Sum vầy"), render_poster("Tet Sum vay")
    assert ImageChops.difference(marked, plain).getbbox() is not None


@pytest.mark.parametrize("role", sorted(FONTS))
def test_fonts_cover_the_whole_vietnamese_alphabet(role):
    assert missing_glyphs(VIETNAMESE_ALPHABET + VIETNAMESE_ALPHABET.upper() + "“”…", role) == set()
    assert missing_glyphs("🎉", role) == {"🎉"}


def test_decomposed_text_and_emoji_render_like_clean_text():
    nfd = unicodedata.normalize("NFD", "Tết Sum vầy")
    reference = render_poster("Tết Sum vầy")
    assert ImageChops.difference(reference, render_poster(nfd)).getbbox() is None
    assert ImageChops.difference(reference, render_poster("Tết Sum vầy 🎉")).getbbox() is None


def test_long_titles_wrap_and_shrink_to_fit():
    short = fit_text("Tết Sum vầy", "bold", 900, 600, 140, 14)
    title = "Tháng Công nhân năm 2026: Công nhân Việt Nam tiên phong bước vào kỷ nguyên mới " * 3
    long = fit_text(title, "bold", 900, 600, 140, 14)
    assert long.size < short.size and len(long.lines) > 1
    assert long.height <= 600
    face = font("bold", long.size)
    assert all(face.getlength(line) <= 900 for line in long.lines)
    assert not long.lines[-1].endswith("…")


def test_text_too_long_for_the_box_is_cut_with_an_ellipsis():
    fitted = fit_text("Công đoàn " * 400, "bold", 300, 100, 40, 20)
    assert fitted.size == 20 and fitted.height <= 100 and fitted.lines[-1].endswith("…")
    unbroken = fit_text("x" * 500, "bold", 200, 1000, 40, 40)
    assert all(font("bold", 40).getlength(line) <= 200 for line in unbroken.lines)


def test_a_very_long_title_still_leaves_the_panel_intact():
    long = render_poster("Hội nghị đại biểu người lao động " * 12, **FULL)
    short = render_poster("Hội nghị", **FULL)
    diff = ImageChops.difference(long, short).getbbox()
    assert diff is not None and diff[3] < 0.8 * long.height


def test_logo_placeholder_and_given_logo(tmp_path):
    logo = tmp_path / "logo.png"
    Image.new("RGB", (300, 200), (0, 0, 255)).save(logo)
    with_logo = render_poster("Tết Sum vầy", logo=logo)
    placeholder = render_poster("Tết Sum vầy")
    header = (0, 0, with_logo.width // 3, with_logo.height // 5)
    assert _count(with_logo, (0, 0, 255), header) > 3000
    assert _count(placeholder, (0, 0, 255), header) == 0
    # the placeholder circle is white with the word LOGO in the background colour
    assert _count(placeholder, WHITE, header) > 5000
    from_pillow = render_poster("Tết Sum vầy", logo=Image.new("RGBA", (50, 50), (0, 0, 255, 255)))
    assert _count(from_pillow, (0, 0, 255), header) > 3000


def test_colours_can_be_chosen():
    image = render_poster("Tết", colours=["#003399", "white", "#ffcc00"])
    assert image.getpixel((image.width // 2, 2)) == (0, 51, 153)
    named = render_poster("Tết", colours={"background": "darkgreen"})
    assert named.getpixel((named.width // 2, 2)) == (0, 100, 0)


def test_default_path_is_named_after_the_title(workdir):
    path = poster("Tết Sum vầy 2026!")
    assert path.name == "poster-tet-sum-vay-2026.png"
    assert (workdir / path).is_file()
    with Image.open(workdir / path) as image:
        assert image.text["congdoan:title"] == "Tết Sum vầy 2026!"


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"title": ""}, "tiêu đề"),
        ({"title": "   "}, "tiêu đề"),
        ({"title": 2026}, "chữ"),
        ({"title": "Tết", "slogan": 5}, "slogan"),
        ({"title": "Tết", "channel": "myspace"}, "Không có kênh"),
        ({"title": "Tết", "logo": "khong-co-logo.png"}, "logo"),
        ({"title": "Tết", "colours": "đỏ tươi"}, "màu"),
        ({"title": "Tết", "colours": 7}, "màu"),
    ],
)
def test_bad_input_raises_input_error(kwargs, match, tmp_path):
    with pytest.raises(InputError, match=match):
        poster(path=tmp_path / "x.png", **kwargs)
