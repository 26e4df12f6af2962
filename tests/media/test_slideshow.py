"""slideshow(): an MP4 read back through the same imageio-ffmpeg wheel."""

from __future__ import annotations

import imageio_ffmpeg
import numpy as np
import pytest
from PIL import Image

from congdoan.errors import InputError
from congdoan.media import render_poster, script_table, slideshow, to_srt

SIZE = (320, 568)
FPS = 5
SCRIPT = script_table(
    [
        (2, "Hoa mai", "Tết Sum vầy", "Tết đến rồi!"),
        (3, "Chợ Tết", "Chợ Tết", ""),
        (2, "Logo", "Đăng ký ngay", "Hãy đăng ký!"),
    ]
)


@pytest.fixture(scope="module")
def images(tmp_path_factory):
    folder = tmp_path_factory.mktemp("posters")
    paths = []
    for index, (title, colour) in enumerate(
        [("Tết Sum vầy", "#b71c1c"), ("Chợ Tết", "#0d47a1"), ("Đăng ký", "#1b5e20")]
    ):
        path = folder / f"{index}.png"
        render_poster(title, channel="story", colours=[colour]).save(path)
        paths.append(path)
    return paths


@pytest.fixture(scope="module")
def video(images, tmp_path_factory):
    path = tmp_path_factory.mktemp("video") / "clip.mp4"
    return slideshow(images, SCRIPT, path, size=SIZE, fps=FPS)


def _frames(path):
    reader = imageio_ffmpeg.read_frames(str(path))
    meta = reader.__next__()
    width, height = meta["size"]
    frames = [np.frombuffer(f, np.uint8).reshape(height, width, 3) for f in reader]
    return meta, frames


def test_the_mp4_has_the_scripts_length_and_size(video):
    assert video.suffix == ".mp4" and video.stat().st_size > 1000
    count, seconds = imageio_ffmpeg.count_frames_and_secs(str(video))
    assert count == 7 * FPS
    assert abs(seconds - 7) <= 1 / FPS
    meta, frames = _frames(video)
    assert tuple(meta["size"]) == SIZE and len(frames) == 35
    assert meta["codec"].startswith("h264") and abs(meta["fps"] - FPS) < 0.01


def test_scenes_change_at_their_seconds(video):
    _, frames = _frames(video)
    scene1, scene2, scene3 = frames[5], frames[17], frames[32]  # 1.1 s, 3.5 s, 6.5 s
    # the poster background colours: red, blue, green
    assert scene1[60, 10, 0] > 120 and scene1[60, 10, 2] < 80
    assert scene2[60, 10, 2] > 120 and scene2[60, 10, 0] < 80
    assert scene3[60, 10, 1] > 60 and scene3[60, 10, 0] < 80
    assert np.abs(scene1.astype(int) - scene2.astype(int)).mean() > 20


def test_subtitles_are_burned_in(images, video, tmp_path):
    _, frames = _frames(video)
    silent = slideshow(images, SCRIPT.assign(**{"lời thoại": "", "chữ trên màn hình": ""}),
                       tmp_path / "silent.mp4", size=SIZE, fps=FPS)  # fmt: skip
    _, plain = _frames(silent)
    band = slice(int(SIZE[1] * 0.6), int(SIZE[1] * 0.8))
    with_text, without = frames[5][band].astype(int), plain[5][band].astype(int)
    assert np.abs(with_text - without).mean() > 5
    assert (frames[5][band] > 235).all(axis=2).sum() > 100  # white subtitle letters


def test_srt_input_and_a_single_image(images, tmp_path):
    path = slideshow(images[0], to_srt(SCRIPT), tmp_path / "one.mp4", size=SIZE, fps=FPS)
    count, _ = imageio_ffmpeg.count_frames_and_secs(str(path))
    assert count == 7 * FPS
    three = slideshow(images, to_srt(SCRIPT), tmp_path / "srt.mp4", size=SIZE, fps=FPS)
    assert imageio_ffmpeg.count_frames_and_secs(str(three))[0] == 7 * FPS


def test_odd_sizes_become_even_and_pillow_images_work(tmp_path):
    picture = Image.new("RGB", (101, 77), (200, 0, 0))
    path = slideshow([picture], [(1, "", "", "Xin chào")], tmp_path / "odd.mp4", fps=4)
    meta, frames = _frames(path)
    assert tuple(meta["size"]) == (100, 76) and len(frames) == 4


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"images": []}, "ít nhất một ảnh"),
        ({"images": ["khong-co.png"]}, "Không mở được ảnh"),
        ({"images": "two", "count": 2}, None),
        ({"fps": 0}, "khung hình"),
        ({"fps": True}, "khung hình"),
        ({"size": (0, 10)}, "Kích thước"),
        ({"size": "myspace"}, "kênh"),
    ],
)
def test_bad_input(images, tmp_path, kwargs, match):
    arguments = {"images": images, "script": SCRIPT, "path": tmp_path / "x.mp4", "fps": FPS}
    if kwargs.pop("count", None):
        arguments["images"] = images[:2]  # 2 images for 3 scenes
        match = "2 ảnh"
        kwargs.pop("images")
    arguments.update(kwargs)
    with pytest.raises(InputError, match=match):
        slideshow(**arguments)
