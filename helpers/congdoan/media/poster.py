"""Offline posters: a PNG at the channel's size with correct Vietnamese text.

AI image tools often misspell Vietnamese (missing or wrong tone marks), so the course
teaches: make the picture with AI, put the words on with a tool you control. ``poster``
is that tool. It needs no network and no key.

>>> poster("Tháng Công nhân 2026", slogan="Đoàn kết công nhân",
...        date="01/5/2026", venue="Hội trường Công ty")  # doctest: +SKIP
PosixPath('poster-thang-cong-nhan-2026.png')
>>> render_poster("Tháng Công nhân 2026", channel="zalo").size
(1200, 630)

Layout, top to bottom inside the channel's safe margins: the logo (a "LOGO" circle
until one is given) beside the organisation's name, a gold rule, the title and the
slogan (wrapped and shrunk until they fit), then a panel with the date and venue.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypedDict, Unpack

from PIL import Image, ImageColor, ImageDraw, ImageOps, UnidentifiedImageError
from PIL.PngImagePlugin import PngInfo

from ..errors import InputError
from ..i18n import msg
from ..text import fold, format_date, nfc
from .ai_label import ai_metadata, mark_image
from .channels import Channel, get_channel
from .fonts import drawable, font

__all__ = [
    "DEFAULT_COLOURS",
    "Palette",
    "PosterOptions",
    "fit_text",
    "poster",
    "render_poster",
    "wrap_text",
]

#: Background, text and accent: union red, white and gold.
DEFAULT_COLOURS = ("#b71c1c", "#ffffff", "#ffd54f")
_LINE_SPACING = 1.12
_ELLIPSIS = "…"


@dataclass(frozen=True)
class Palette:
    background: tuple[int, int, int]
    text: tuple[int, int, int]
    accent: tuple[int, int, int]


@dataclass(frozen=True)
class Fitted:
    """Text broken into lines at a size that fits a box."""

    lines: list[str]
    role: str
    size: int
    line_height: int

    @property
    def height(self) -> int:
        return self.line_height * len(self.lines)


class PosterOptions(TypedDict, total=False):
    """What a poster shows besides its title; :func:`render_poster` holds the defaults.

    :func:`poster` passes them on unchanged, so the list is written here once for it.
    """

    slogan: str | None
    date: str | dt.date | None
    venue: str | None
    organisation: str | None
    channel: str | Channel
    logo: str | Path | Image.Image | None
    colours: str | Sequence[str] | Mapping[str, str] | None


def poster(title: str, *, path: str | Path | None = None, **options: Unpack[PosterOptions]) -> Path:
    """Draw a poster and save it as PNG; returns the file's path.

    >>> poster("Tết Sum vầy 2026", channel="zalo")  # doctest: +SKIP
    PosixPath('poster-tet-sum-vay-2026.png')

    **Parameters:**
    * **title** – the main line, e.g. ``"Tháng Công nhân 2026"``; long titles wrap and shrink.
    * **slogan**, **date**, **venue**, **organisation** – *(optional)* further lines; ``date``
      may be a ``datetime.date`` (written ``ngày 01 tháng 5 năm 2026``).
    * **channel** – ``facebook`` (1080x1350), ``facebook_square``, ``link``, ``zalo``,
      ``story`` (also ``tiktok``, ``reels``, ``shorts``) or ``youtube``.
    * **logo** – *(optional)* an image file or Pillow image; else a "LOGO" circle.
    * **path** – where to save; default ``poster-<title>.png`` in the current folder.
    * **colours** – *(optional)* background, text and accent colours (names or ``#rrggbb``).
    """
    image = render_poster(title, **options)
    target = Path(path) if path is not None else Path(f"poster-{_slug(title)}.png")
    return save_png(image, target, {"congdoan:kind": "poster", "congdoan:title": nfc(title)})


def render_poster(
    title: str,
    *,
    slogan: str | None = None,
    date: str | dt.date | None = None,
    venue: str | None = None,
    organisation: str | None = None,
    channel: str | Channel = "facebook",
    logo: str | Path | Image.Image | None = None,
    colours: str | Sequence[str] | Mapping[str, str] | None = None,
    badge: str | None = None,
) -> Image.Image:
    """The poster as a Pillow image (RGB); ``badge`` adds a small label in a corner.

    The "Tạo bằng AI" label (:mod:`congdoan.media.ai_label`) is always drawn.
    """
    target = get_channel(channel)
    title = _clean(title, "title", required=True)
    palette = _palette(colours)
    image = _background(target.size, palette)
    draw = ImageDraw.Draw(image)
    box = _safe_box(target)
    unit = min(target.size)
    top = _header(image, draw, box, unit, palette, _clean(organisation, "organisation"), logo)
    footer_top = _footer(draw, box, unit, palette, _date_text(date), _clean(venue, "venue"))
    _middle(draw, (box[0], top, box[2], footer_top), unit, palette, title, _clean(slogan, "slogan"))
    if badge:
        _badge(draw, target, unit, palette, badge)
    return mark_image(image)  # the AI Law's visible label


def save_png(image: Image.Image, path: Path, meta: Mapping[str, str]) -> Path:
    """Save ``image`` as PNG with ``meta`` as text chunks; folders are created.

    Every PNG the course saves also says, in its metadata, that it was made with AI.
    """
    info = PngInfo()
    for name, value in {**ai_metadata(), **meta}.items():
        info.add_itxt(name, value)
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        image.save(path, format="PNG", pnginfo=info)
    except OSError as exc:
        raise InputError(msg("media.input.cannot_write", path=path, reason=exc.strerror)) from None
    return path


# -- text fitting ----------------------------------------------------------------------
def wrap_text(
    text: str, role: str, size: int, width: float, max_lines: int | None = None
) -> list[str]:
    """Break ``text`` into lines no wider than ``width`` pixels (long words are split).

    With ``max_lines``, wrapping stops once more lines than that are made: the caller
    only needs to know the text does not fit, and a long text is not measured in full.
    """
    face = font(role, size)
    lines: list[str] = []
    for paragraph in text.split("\n"):
        if max_lines is not None and len(lines) > max_lines:
            break
        line = ""
        for word in paragraph.split():
            candidate = f"{line} {word}" if line else word
            if face.getlength(candidate) <= width:
                line = candidate
                continue
            if line:
                lines.append(line)
                if max_lines is not None and len(lines) > max_lines:
                    return lines
            line = word
            while face.getlength(line) > width and len(line) > 1:
                cut = _longest_prefix(line, face, width)
                lines.append(line[:cut])
                line = line[cut:]
        if line:
            lines.append(line)
    return lines or [""]


def fit_text(
    text: str, role: str, width: float, height: float, max_size: int, min_size: int
) -> Fitted:
    """The largest size (down to ``min_size``) at which ``text`` fits the box.

    At ``min_size`` a text that still does not fit is cut with an ellipsis.
    """
    text = drawable(text, role)
    size = max(max_size, min_size)
    while True:
        line_height = _line_height(role, size)
        lines = wrap_text(text, role, size, width, max_lines=max(1, int(height // line_height)))
        if line_height * len(lines) <= height or size <= min_size:
            break
        size = max(min_size, int(size * 0.92))
    room = max(1, int(height // line_height))
    if len(lines) > room:
        lines = lines[:room]
        lines[-1] = _with_ellipsis(lines[-1], role, size, width)
    return Fitted(lines, role, size, line_height)


def _longest_prefix(word: str, face: Any, width: float) -> int:
    """How many characters of ``word`` fit in ``width`` (at least one), by bisection."""
    low, high = 1, len(word) - 1
    while low < high:
        middle = (low + high + 1) // 2
        if face.getlength(word[:middle]) <= width:
            low = middle
        else:
            high = middle - 1
    return low


def _with_ellipsis(line: str, role: str, size: int, width: float) -> str:
    face = font(role, size)
    while line and face.getlength(line + _ELLIPSIS) > width:
        line = line[:-1]
    return line.rstrip() + _ELLIPSIS


def _line_height(role: str, size: int) -> int:
    ascent, descent = font(role, size).getmetrics()
    return int((ascent + descent) * _LINE_SPACING)


def _draw_lines(draw: ImageDraw.ImageDraw, fitted: Fitted, x: float, y: float, fill, anchor="ma"):
    face = font(fitted.role, fitted.size)
    for line in fitted.lines:
        draw.text((x, y), line, font=face, fill=fill, anchor=anchor)
        y += fitted.line_height


# -- layout ----------------------------------------------------------------------------
def _safe_box(channel: Channel) -> tuple[int, int, int, int]:
    w, h = channel.size
    side = round(channel.safe_side * w)
    return side, round(channel.safe_top * h), w - side, h - round(channel.safe_bottom * h)


def _header(image, draw, box, unit, palette, organisation, logo) -> int:
    left, top, right, _ = box
    diameter = round(0.13 * unit)
    _logo(image, draw, (left, top), diameter, palette, logo)
    if organisation:
        gap = round(0.03 * unit)
        width = right - left - diameter - gap
        fitted = fit_text(organisation, "bold", width, diameter, round(0.05 * unit), 12)
        y = top + (diameter - fitted.height) // 2
        _draw_lines(draw, fitted, left + diameter + gap, y, palette.text, anchor="la")
    rule_y = top + diameter + round(0.03 * unit)
    thickness = max(2, round(0.008 * unit))
    draw.rectangle((left, rule_y, right, rule_y + thickness), fill=palette.accent)
    return rule_y + thickness + round(0.03 * unit)


def _logo(image, draw, corner, diameter, palette, logo) -> None:
    x, y = corner
    draw.ellipse(
        (x, y, x + diameter, y + diameter),
        fill="white",
        outline=palette.accent,
        width=max(2, diameter // 25),
    )
    if logo is None:
        face = font("bold", max(8, diameter // 5))
        centre = (x + diameter / 2, y + diameter / 2)
        draw.text(centre, "LOGO", font=face, fill=palette.background, anchor="mm")
        return
    picture = _open_logo(logo)
    inner = round(diameter * 0.74)
    picture = ImageOps.contain(picture, (inner, inner), Image.Resampling.LANCZOS)
    offset = (x + (diameter - picture.width) // 2, y + (diameter - picture.height) // 2)
    image.paste(picture, offset, picture)


def _open_logo(logo: str | Path | Image.Image) -> Image.Image:
    if isinstance(logo, Image.Image):
        return logo.convert("RGBA")
    try:
        with Image.open(logo) as opened:
            return opened.convert("RGBA")
    except (OSError, UnidentifiedImageError, TypeError, ValueError):
        raise InputError(msg("media.input.bad_logo", path=logo)) from None


def _footer(draw, box, unit, palette, date, venue) -> int:
    left, _, right, bottom = box
    lines = [
        msg("media.poster.date_line", date=date) if date else "",
        msg("media.poster.venue_line", venue=venue) if venue else "",
    ]
    lines = [line for line in lines if line]
    if not lines:
        return bottom
    pad = round(0.03 * unit)
    width = right - left - 2 * pad
    fitted = [
        fit_text(line, "bold", width, 2.3 * 0.05 * unit, round(0.045 * unit), 12) for line in lines
    ]
    height = sum(f.height for f in fitted) + 2 * pad
    top = bottom - height
    draw.rounded_rectangle((left, top, right, bottom), radius=pad, fill=palette.accent)
    y = top + pad
    for item in fitted:
        _draw_lines(draw, item, (left + right) / 2, y, palette.background)
        y += item.height
    return top - round(0.03 * unit)


def _middle(draw, box, unit, palette, title, slogan) -> None:
    left, top, right, bottom = box
    width, height = right - left, max(1, bottom - top)
    gap = round(0.03 * unit) if slogan else 0
    title_share = 0.68 if slogan else 1.0
    title_fit = fit_text(title, "bold", width, height * title_share - gap, round(0.13 * unit), 14)
    slogan_fit = None
    if slogan:
        quoted = slogan if slogan[:1] in '“"' else f"“{slogan}”"
        slogan_height = height - title_fit.height - gap
        slogan_fit = fit_text(
            quoted, "serif_bold_italic", width, slogan_height, round(0.065 * unit), 12
        )
    used = title_fit.height + (gap + slogan_fit.height if slogan_fit else 0)
    y = top + max(0, (height - used) // 2)
    centre = (left + right) / 2
    _draw_lines(draw, title_fit, centre, y, palette.text)
    if slogan_fit:
        _draw_lines(draw, slogan_fit, centre, y + title_fit.height + gap, palette.accent)


def _badge(draw, channel: Channel, unit: int, palette: Palette, text: str) -> None:
    size = max(10, round(0.028 * unit))
    fitted = fit_text(text, "bold", channel.width * 0.9, size * 3, size, 8)
    pad = size // 2
    height = fitted.height + 2 * pad
    top = channel.height - height
    draw.rectangle((0, top, channel.width, channel.height), fill=(0, 0, 0))
    _draw_lines(draw, fitted, channel.width / 2, top + pad, palette.accent)


def _background(size: tuple[int, int], palette: Palette) -> Image.Image:
    """The background colour, darkening slightly towards the bottom."""
    base = Image.new("RGB", size, palette.background)
    darker = tuple(int(c * 0.72) for c in palette.background)
    shade = Image.new("RGB", size, darker)
    mask = Image.linear_gradient("L").resize(size)
    return Image.composite(shade, base, mask)


# -- inputs ----------------------------------------------------------------------------
def _clean(value: object, name: str, *, required: bool = False) -> str | None:
    if value is None and not required:
        return None
    if not isinstance(value, str):
        raise InputError(msg("media.input.poster_not_text", name=name, kind=type(value).__name__))
    text = " ".join(part for part in nfc(value).replace("\r", "\n").split(" ") if part).strip()
    if required and not text:
        raise InputError(msg("media.input.empty_title"))
    return text or None


def _date_text(date: object) -> str | None:
    if isinstance(date, dt.datetime):
        date = date.date()
    if isinstance(date, dt.date):
        return format_date(date)
    return _clean(date, "date")


def _palette(colours: object) -> Palette:
    chosen = list(DEFAULT_COLOURS)
    if isinstance(colours, str):
        chosen[0] = colours
    elif isinstance(colours, Mapping):
        for index, name in enumerate(("background", "text", "accent")):
            chosen[index] = colours.get(name, chosen[index])
    elif isinstance(colours, Sequence):
        for index, value in enumerate(list(colours)[:3]):
            chosen[index] = value
    elif colours is not None:
        raise InputError(msg("media.input.bad_colour", value=colours))
    try:
        rgb = [ImageColor.getrgb(str(c))[:3] for c in chosen]
    except ValueError:
        raise InputError(msg("media.input.bad_colour", value=colours)) from None
    return Palette(*rgb)


def _slug(title: object) -> str:
    text = fold(title if isinstance(title, str) else "")
    slug = re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:40].strip("-")
    return slug or "poster"
