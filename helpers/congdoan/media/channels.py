"""Where an image or a video is posted: its size, aspect ratio and safe margins.

One table, :data:`CHANNELS`, serves the poster renderer, the image-prompt checker and
image generation, so a lesson that says "Fanpage" gets the same 1080x1350 everywhere.

Sizes follow what each platform shows without cropping (2026):

* ``facebook`` 1080x1350 (4:5): the tallest image the Facebook feed shows uncropped;
  ``facebook_square`` 1080x1080 (1:1) for albums and Zalo timeline posts.
* ``link`` 1200x630 (1.91:1): the Open Graph image of a shared link on Facebook.
* ``zalo`` 1200x630 (1.91:1): Zalo shows shared links and Official Account article
  covers as a landscape thumbnail read from the same Open Graph tags, so one image
  serves Fanpage links and Zalo; square 1080x1080 suits a Zalo chat or timeline photo.
* ``story`` 1080x1920 (9:16): stories, TikTok, Reels and YouTube Shorts; the top 14%
  and bottom 20% sit under the apps' buttons and captions, so text stays out of them.
* ``youtube`` 1280x720 (16:9): YouTube thumbnails and landscape video.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import InputError
from ..i18n import msg
from ..text import fold

__all__ = ["CHANNELS", "Channel", "get_channel"]


@dataclass(frozen=True)
class Channel:
    """A place to post: pixel size, the ratios it accepts and margins kept free of text."""

    id: str
    width: int
    height: int
    #: Ratios (width / height) a prompt may ask for on this channel, with their labels.
    ratios: tuple[tuple[str, float], ...]
    #: Margins kept free of text, as fractions of the height (top, bottom) and width (sides).
    safe_top: float = 0.06
    safe_bottom: float = 0.06
    safe_side: float = 0.06

    @property
    def size(self) -> tuple[int, int]:
        return self.width, self.height

    @property
    def ratio(self) -> float:
        return self.width / self.height

    @property
    def ratio_labels(self) -> str:
        """The accepted ratios as a trainee writes them, e.g. ``4:5 hoặc 1:1``."""
        return msg("media.channel.or").join(label for label, _ in self.ratios)

    @property
    def label(self) -> str:
        return msg(f"media.channel.{self.id}")


_SQUARE, _FEED = ("1:1", 1.0), ("4:5", 0.8)
_LINK, _VERTICAL, _WIDE = ("1.91:1", 1.91), ("9:16", 9 / 16), ("16:9", 16 / 9)

CHANNELS: dict[str, Channel] = {
    "facebook": Channel("facebook", 1080, 1350, (_FEED, _SQUARE)),
    "facebook_square": Channel("facebook_square", 1080, 1080, (_SQUARE, _FEED)),
    "link": Channel("link", 1200, 630, (_LINK, _WIDE)),
    "zalo": Channel("zalo", 1200, 630, (_LINK, _WIDE, _SQUARE)),
    "story": Channel("story", 1080, 1920, (_VERTICAL,), safe_top=0.14, safe_bottom=0.20),
    "youtube": Channel("youtube", 1280, 720, (_WIDE,)),
}

#: What trainees type, mapped to a channel id (compared without diacritics or case).
ALIASES: dict[str, str] = {
    "fanpage": "facebook",
    "fb": "facebook",
    "feed": "facebook",
    "square": "facebook_square",
    "vuong": "facebook_square",
    "instagram": "facebook_square",
    "tiktok": "story",
    "reels": "story",
    "reel": "story",
    "shorts": "story",
    "youtube_shorts": "story",
    "zalo_video": "story",
    "doc": "story",
    "ngang": "youtube",
    "website": "link",
}


def get_channel(name: object) -> Channel:
    """The channel called ``name`` (``"facebook"``, ``"TikTok"``, ``"zalo"``...)."""
    if isinstance(name, Channel):
        return name
    if isinstance(name, str):
        key = fold(name).strip().replace(" ", "_").replace("-", "_")
        key = ALIASES.get(key, key)
        if key in CHANNELS:
            return CHANNELS[key]
    choices = ", ".join([*CHANNELS, "tiktok", "reels", "shorts"])
    raise InputError(msg("media.input.unknown_channel", name=name, choices=choices))
