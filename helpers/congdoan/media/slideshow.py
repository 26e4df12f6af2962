"""A real MP4 from posters and a script, offline: the first short video of the course.

Each scene shows its image for its seconds with the subtitle burned in (drawn by
Pillow, so Vietnamese marks are right whatever the player). Frames are encoded to
H.264 (``libx264``, ``yuv420p``, even dimensions: what Facebook, Zalo, TikTok and
YouTube accept) by the ffmpeg binary inside the ``imageio-ffmpeg`` wheel, not a
system ffmpeg, so it works the same on every trainee's computer.

>>> slideshow([p1, p2], script, "video.mp4", fps=10)  # doctest: +SKIP
PosixPath('video.mp4')
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw, ImageOps, UnidentifiedImageError

from ..errors import InputError
from ..i18n import msg
from .ai_label import ffmpeg_metadata, mark_image
from .channels import get_channel
from .fonts import font
from .poster import fit_text
from .srt import Cue, cues_from_script, parse_srt
from .video import SECONDS, script_table

__all__ = ["MAX_FPS", "Timeline", "slideshow", "timeline"]

MAX_FPS = 60
_SUBTITLE_COLOUR = (255, 255, 255)
_BOX_COLOUR = (0, 0, 0, 170)


@dataclass(frozen=True)
class Timeline:
    """When each image starts (seconds), the subtitles, and the total length."""

    starts: list[float]
    cues: list[Cue]
    total: float

    def scene_at(self, t: float) -> int:
        return max(0, bisect.bisect_right(self.starts, t) - 1)

    def cue_at(self, t: float) -> int | None:
        for index, cue in enumerate(self.cues):
            if cue.start <= t < cue.end:
                return index
        return None


def slideshow(
    images: Any,
    script: Any,
    path: str | Path,
    *,
    size: tuple[int, int] | str | None = None,
    fps: float = 10,
) -> Path:
    """Encode an MP4: image *i* during scene *i*, with the subtitles burned in.

    **Parameters:**
    * **images** – image files or Pillow images (e.g. from ``poster()``), one a scene,
      or a single image for the whole video.
    * **script** – a script table (``script_table``), or SRT text (one image a cue).
    * **path** – the ``.mp4`` file to write.
    * **size** – *(optional)* ``(width, height)`` or a channel (``"story"``); default the
      first image's size. Odd dimensions are rounded down to even.
    * **fps** – frames per second (10 is plenty for still images).
    """
    pictures = _load_images(images)
    plan = timeline(script, len(pictures))
    width, height = _frame_size(size, pictures[0])
    rate = _check_fps(fps)
    frames = round(plan.total * rate)
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    backgrounds = [mark_image(_fit(p, (width, height))) for p in pictures]  # AI Law label
    cache: dict[tuple[int, int | None], bytes] = {}
    writer = _writer(target, (width, height), rate)
    try:
        writer.send(None)
        for number in range(frames):
            moment = (number + 0.5) / rate
            key = (plan.scene_at(moment), plan.cue_at(moment))
            if key not in cache:
                cache[key] = _compose(backgrounds[key[0]], plan, key[1])
            writer.send(cache[key])
    except (OSError, RuntimeError, BrokenPipeError) as exc:
        raise InputError(msg("media.input.cannot_write", path=target, reason=exc)) from None
    finally:
        writer.close()
    return target


def timeline(script: Any, image_count: int) -> Timeline:
    """Scene starts and subtitles from a script table or SRT text, for ``image_count`` images."""
    if isinstance(script, str) and "-->" in script:
        cues = parse_srt(script)
        if not cues:
            raise InputError(msg("media.slideshow.no_cues"))
        total = max(cue.end for cue in cues)
        starts = [0.0] + [cue.start for cue in cues[1:]]
    else:
        frame = script_table(script)
        seconds = [float(s) for s in frame[SECONDS]]
        cues = cues_from_script(frame)
        total = sum(seconds)
        starts = [sum(seconds[:i]) for i in range(len(seconds))]
    if image_count == 1:
        starts = [0.0]
    elif image_count != len(starts):
        raise InputError(
            msg("media.slideshow.count_mismatch", images=image_count, scenes=len(starts))
        )
    return Timeline(starts, cues, total)


# -- frames ----------------------------------------------------------------------------
def _load_images(images: Any) -> list[Image.Image]:
    if isinstance(images, str | Path | Image.Image):
        images = [images]
    if not isinstance(images, Sequence) or not images:
        raise InputError(msg("media.slideshow.no_images"))
    return [_open(item) for item in images]


def _open(item: Any) -> Image.Image:
    if isinstance(item, Image.Image):
        return item.convert("RGB")
    try:
        with Image.open(item) as opened:
            return opened.convert("RGB")
    except (OSError, UnidentifiedImageError, TypeError, ValueError, AttributeError):
        raise InputError(msg("media.slideshow.bad_image", path=item)) from None


def _frame_size(size: Any, first: Image.Image) -> tuple[int, int]:
    if size is None:
        width, height = first.size
    elif isinstance(size, str):
        width, height = get_channel(size).size
    elif (
        isinstance(size, Sequence)
        and len(size) == 2
        and all(isinstance(v, int) and not isinstance(v, bool) for v in size)
    ):
        width, height = size
    else:
        raise InputError(msg("media.input.bad_size", value=size))
    width, height = width - width % 2, height - height % 2
    if width < 16 or height < 16:
        raise InputError(msg("media.input.bad_size", value=size))
    return width, height


def _check_fps(fps: object) -> float:
    if isinstance(fps, bool) or not isinstance(fps, int | float) or not 0 < fps <= MAX_FPS:
        raise InputError(msg("media.slideshow.bad_fps", value=fps, limit=MAX_FPS))
    return float(fps)


def _fit(picture: Image.Image, size: tuple[int, int]) -> Image.Image:
    """The picture scaled to fit the frame, centred on black (nothing cropped)."""
    return ImageOps.pad(picture, size, Image.Resampling.LANCZOS, color=(0, 0, 0))


def _compose(background: Image.Image, plan: Timeline, cue: int | None) -> bytes:
    if cue is None:
        return background.tobytes()
    frame = background.convert("RGBA")
    overlay = Image.new("RGBA", frame.size, (0, 0, 0, 0))
    _subtitle(ImageDraw.Draw(overlay), frame.size, plan.cues[cue].text)
    return Image.alpha_composite(frame, overlay).convert("RGB").tobytes()


def _subtitle(draw: ImageDraw.ImageDraw, size: tuple[int, int], text: str) -> None:
    width, height = size
    base = max(10, round(min(width, height) * 0.055))
    text = " ".join(text.split())  # re-wrap the cue's lines to the frame's width
    fitted = fit_text(text, "bold", width * 0.88, base * 1.25 * 3, base, 8)
    pad = max(4, base // 3)
    # vertical videos: stay above the bottom fifth, where the apps put captions and buttons
    bottom = height * (0.80 if height > width else 0.92)
    top = bottom - fitted.height - 2 * pad
    widest = max(font("bold", fitted.size).getlength(line) for line in fitted.lines)
    left = (width - widest) / 2 - pad
    draw.rounded_rectangle((left, top, width - left, bottom), radius=pad, fill=_BOX_COLOUR)
    face = font("bold", fitted.size)
    y = top + pad
    for line in fitted.lines:
        draw.text((width / 2, y), line, font=face, fill=_SUBTITLE_COLOUR, anchor="ma")
        y += fitted.line_height


def _writer(path: Path, size: tuple[int, int], fps: float):
    import imageio_ffmpeg

    return imageio_ffmpeg.write_frames(
        str(path),
        size,
        fps=fps,
        codec="libx264",
        pix_fmt_in="rgb24",
        pix_fmt_out="yuv420p",
        macro_block_size=1,
        ffmpeg_log_level="error",
        output_params=["-preset", "veryfast", "-movflags", "+faststart", *ffmpeg_metadata()],
    )
