"""Fonts with every Vietnamese letter, taken from a dependency that is always installed.

matplotlib ships the DejaVu family (Sans, Serif, Bold, Italic...), which covers the
whole Vietnamese alphabet with its stacked tone marks (Ấ, Ệ, Ở...). Using those files
means posters render the same on every trainee's computer, offline, with no download.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

__all__ = ["FONTS", "drawable", "font", "font_path", "missing_glyphs"]

#: Role -> file in matplotlib's ``mpl-data/fonts/ttf``.
FONTS: dict[str, str] = {
    "bold": "DejaVuSans-Bold.ttf",
    "regular": "DejaVuSans.ttf",
    "serif_bold": "DejaVuSerif-Bold.ttf",
    "serif_bold_italic": "DejaVuSerif-BoldItalic.ttf",
}


@cache
def font_path(role: str = "bold") -> Path:
    """The TrueType file for ``role`` (``bold``, ``regular``, ``serif_bold``...)."""
    import matplotlib

    return Path(matplotlib.get_data_path()) / "fonts" / "ttf" / FONTS[role]


@cache
def font(role: str, size: int):
    """A Pillow font object for ``role`` at ``size`` pixels (cached)."""
    from PIL import ImageFont

    return ImageFont.truetype(str(font_path(role)), max(1, int(size)))


@cache
def _charmap(role: str) -> frozenset[int]:
    from matplotlib.ft2font import FT2Font

    return frozenset(FT2Font(str(font_path(role))).get_charmap())


def missing_glyphs(text: str, role: str = "bold") -> set[str]:
    """Characters of ``text`` the font cannot draw (emoji, rare symbols); whitespace excluded."""
    codes = _charmap(role)
    return {ch for ch in text if not ch.isspace() and ord(ch) not in codes}


def drawable(text: str, role: str = "bold") -> str:
    """``text`` without the characters the font cannot draw, so no empty boxes appear."""
    missing = missing_glyphs(text, role)
    if not missing:
        return text
    return "".join(ch for ch in text if ch not in missing)
