"""Media benchmark: poster renders per second and video encode time (prints figures).

Run: python tests/bench_media.py
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from congdoan.media import check_image_prompt, poster, render_poster, script_table, slideshow

TITLE = "Tháng Công nhân năm 2026: Công nhân Việt Nam tiên phong bước vào kỷ nguyên mới"
DETAILS = {
    "slogan": "Đoàn kết, sáng tạo, vượt khó, phát triển",
    "date": "7h30, thứ Sáu, ngày 01/5/2026",
    "venue": "Hội trường Liên đoàn Lao động thành phố Huế",
    "organisation": "Công đoàn cơ sở Công ty Cổ phần Dệt may Huế",
}


def _rate(action, seconds: float = 3.0) -> float:
    action()  # warm the font cache
    count, started = 0, time.perf_counter()
    while time.perf_counter() - started < seconds:
        action()
        count += 1
    return count / (time.perf_counter() - started)


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        for channel in ("facebook", "link", "story"):
            rate = _rate(lambda c=channel: render_poster(TITLE, channel=c, **DETAILS))
            print(f"render_poster {channel:9s}: {rate:6.1f} /s (in memory)")
        rate = _rate(lambda: poster(TITLE, path=out / "p.png", **DETAILS))
        print(f"poster facebook (PNG saved): {rate:6.1f} /s")
        rate = _rate(lambda: check_image_prompt(TITLE + ", tranh cổ động, màu đỏ, 4:5"), 1.0)
        print(f"check_image_prompt: {rate:8.0f} /s")
        rows = [
            (6, "", f"Cảnh {i}", "Hãy cùng tham gia Tháng Công nhân năm nay.") for i in range(5)
        ]
        script = script_table(rows)
        images = [poster(f"Cảnh {i}", channel="story", path=out / f"{i}.png") for i in range(5)]
        for size, fps in (((320, 568), 5), ((720, 1280), 10), ((1080, 1920), 10)):
            started = time.perf_counter()
            slideshow(images, script, out / "v.mp4", size=size, fps=fps)
            took = time.perf_counter() - started
            print(f"slideshow 30 s {size[0]}x{size[1]} @ {fps} fps: {took:5.2f} s")


if __name__ == "__main__":
    main()
