"""The AI Law's label: visible on posters and video frames, and in PNG and MP4 metadata."""

from __future__ import annotations

import subprocess

import imageio_ffmpeg
import numpy as np
from PIL import Image

from congdoan.media import poster, script_table, slideshow
from congdoan.media.ai_label import IPTC_SOURCE_TYPE, mark_image

RED = (183, 28, 28)


def _corner(image: Image.Image) -> np.ndarray:
    """The top-right tenth of the picture, where the label sits."""
    width, height = image.size
    return np.asarray(image.convert("RGB"))[: height // 10, width - width // 3 :]


def test_mark_changes_only_the_corner_and_writes_light_text_on_dark():
    plain = Image.new("RGB", (1080, 1350), RED)
    marked = np.asarray(mark_image(plain))
    changed = np.argwhere((marked != np.asarray(plain)).any(axis=2))
    assert len(changed) > 500
    assert changed[:, 0].max() < 1350 * 0.1 and changed[:, 1].min() > 1080 * 0.6
    corner = _corner(Image.fromarray(marked))
    assert (corner.sum(axis=2) > 600).any() and (corner.sum(axis=2) < 150).any()


def test_poster_carries_the_label_and_the_metadata(tmp_path):
    path = poster("Tháng Công nhân 2026", slogan="Đoàn kết", path=tmp_path / "p.png")
    with Image.open(path) as image:
        chunks = dict(image.text)
        corner = _corner(image)
    assert "trí tuệ nhân tạo" in chunks["AI-generated"]
    assert chunks["DigitalSourceType"] == IPTC_SOURCE_TYPE
    assert chunks["congdoan:kind"] == "poster"  # the poster's own chunks are kept
    assert (corner.sum(axis=2) > 600).any(), "no light label text in the corner"


def test_video_frames_and_tags_say_made_with_ai(tmp_path):
    picture = Image.new("RGB", (320, 568), RED)
    script = script_table([(1, "Nền đỏ", "", "")])
    path = slideshow([picture], script, tmp_path / "v.mp4", fps=5)
    probe = subprocess.run(
        [imageio_ffmpeg.get_ffmpeg_exe(), "-hide_banner", "-i", str(path)],
        capture_output=True, text=True, encoding="utf-8",
    )  # fmt: skip
    assert "trí tuệ nhân tạo" in probe.stderr  # ffmpeg prints the tags it reads
    reader = imageio_ffmpeg.read_frames(str(path))
    meta = next(reader)
    frame = np.frombuffer(next(reader), np.uint8).reshape(meta["size"][1], meta["size"][0], 3)
    reader.close()
    corner = _corner(Image.fromarray(frame))
    assert (corner.sum(axis=2) > 500).any() and (corner.sum(axis=2) < 200).any()
