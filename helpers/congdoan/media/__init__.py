"""Images and short videos for Fanpage, Zalo, TikTok, Reels and YouTube (modules 07-08).

* :func:`check_image_prompt` – is an image prompt complete (subject, style, words,
  ratio, colours, no real member)?
* :func:`poster` – an offline PNG poster with correct Vietnamese text at a channel's size.
* :func:`generate_image` – an AI image through OpenAI or Gemini (a practice poster offline).
* :func:`script_table`, :func:`check_video_script` – a short-video script as a table.
* :func:`to_srt`, :func:`write_srt`, :func:`parse_srt`, :func:`check_srt` – subtitles.
* :func:`slideshow` – an MP4 from posters and a script, subtitles burned in.

Importing this package registers the check kinds ``image_prompt``, ``video_script`` and
``srt``; ``congdoan.check`` also finds them without the import.
"""

from __future__ import annotations

from ..checks import register
from .channels import CHANNELS, Channel, get_channel
from .fonts import missing_glyphs
from .image_prompt import check_image_prompt, quoted_text
from .images import generate_image
from .poster import fit_text, poster, render_poster, wrap_text
from .slideshow import slideshow
from .srt import Cue, check_srt, cues_from_script, format_time, parse_srt, to_srt, write_srt
from .video import (
    COLUMNS,
    PLATFORMS,
    check_video_script,
    parse_script,
    script_table,
    syllables,
)

__all__ = [
    "CHANNELS",
    "COLUMNS",
    "PLATFORMS",
    "Channel",
    "Cue",
    "check_image_prompt",
    "check_srt",
    "check_video_script",
    "cues_from_script",
    "fit_text",
    "format_time",
    "generate_image",
    "get_channel",
    "missing_glyphs",
    "parse_script",
    "parse_srt",
    "poster",
    "quoted_text",
    "render_poster",
    "script_table",
    "slideshow",
    "syllables",
    "to_srt",
    "wrap_text",
    "write_srt",
]

register("image_prompt", check_image_prompt)
register("video_script", check_video_script)
register("srt", check_srt)
