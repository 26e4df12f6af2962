"""The "made with AI" label the AI Law asks for, on every poster and video the course makes.

Luật Trí tuệ nhân tạo (in force 1 March 2026) requires images, audio and video made
with AI to carry a mark people can see and one machines can read. The course's
posters and videos therefore get both:

* a visible label in a corner ("Tạo bằng AI"), drawn small and high enough to stay
  clear of the apps' own buttons and captions;
* metadata: PNG text chunks (``AI-generated``, ``congdoan:ai_generated``, the IPTC
  digital source type) and MP4 tags (``comment``, ``description``) written by ffmpeg.
"""

from __future__ import annotations

from PIL import Image, ImageDraw

from ..i18n import msg
from .fonts import font

__all__ = ["IPTC_SOURCE_TYPE", "ai_metadata", "ffmpeg_metadata", "mark_image"]

#: IPTC's term for media made by a trained model (what C2PA and the platforms read).
IPTC_SOURCE_TYPE = "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia"
_LABEL_BACKGROUND = (0, 0, 0, 150)
_LABEL_TEXT = (255, 255, 255, 255)


def ai_metadata() -> dict[str, str]:
    """PNG text chunks saying the image was made with AI (names are ASCII, values NFC)."""
    return {
        "AI-generated": msg("ai_label.metadata"),
        "congdoan:ai_generated": "true",
        "DigitalSourceType": IPTC_SOURCE_TYPE,
        "Software": "congdoan-ai",
    }


def ffmpeg_metadata() -> list[str]:
    """ffmpeg output options writing the same statement as MP4 tags."""
    statement = msg("ai_label.metadata")
    return [
        "-metadata", f"comment={statement}",
        "-metadata", f"description={statement}",
        "-metadata", "encoder=congdoan-ai",
    ]  # fmt: skip


def mark_image(image: Image.Image) -> Image.Image:
    """``image`` with the visible label in its top-right corner (a new RGB image)."""
    width, height = image.size
    size = max(10, round(min(width, height) * 0.026))
    face = font("bold", size)
    text = msg("ai_label.visible")
    pad = max(3, size // 3)
    text_width = face.getlength(text)
    right = width - max(4, round(width * 0.02))
    top = max(4, round(height * 0.015))
    box = (right - text_width - 2 * pad, top, right, top + size + 2 * pad)
    base = image.convert("RGBA")
    overlay = Image.new("RGBA", base.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    draw.rounded_rectangle(box, radius=pad, fill=_LABEL_BACKGROUND)
    draw.text((box[0] + pad, top + pad), text, font=face, fill=_LABEL_TEXT)
    return Image.alpha_composite(base, overlay).convert("RGB")
