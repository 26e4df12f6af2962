"""Benchmark: ``python -m congdoan.bench`` prints figures, it asserts nothing.

* import time of ``congdoan`` against ``import openai, google.genai`` measured in the
  same run (fresh interpreters, median of several), and their ratio;
* the offline practice model's median and 95th-percentile latency per task type;
* what choosing the model costs each ``ask()``: from today's cached vendor list against
  a named model, alternated in the same run (the list itself is fetched once a day).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time

__all__ = ["main"]

_IMPORT_PROBE = (
    "import time; t = time.perf_counter(); import {modules}; print(time.perf_counter() - t)"
)

#: One realistic prompt per task type of the practice model.
PROMPTS = {
    "notice": "Soạn thông báo của Công đoàn cơ sở Công ty Dệt may Huế về việc họp Ban Chấp hành "
    "lúc 14h00 ngày 15/5/2026 tại Hội trường tầng 2.",
    "invitation": "Viết giấy mời đoàn viên dự Lễ phát động Tháng Công nhân năm 2026 lúc 7h30 "
    "ngày 02/5/2026 tại Nhà văn hóa Lao động thành phố Huế.",
    "plan": "Lập kế hoạch tổ chức Tết Sum vầy năm 2026 cho 200 đoàn viên, kinh phí 50.000.000 "
    "đồng, tổ chức ngày 25/01/2026 tại sân Công ty.",
    "report": "Viết báo cáo kết quả Tháng hành động về an toàn, vệ sinh lao động năm 2026 "
    "gửi Liên đoàn Lao động thành phố Huế.",
    "post": "Viết bài đăng Fanpage dưới 120 chữ kêu gọi đoàn viên tham gia giải chạy "
    "Vì sức khỏe người lao động ngày 10/5/2026.",
    "video_script": "Viết kịch bản video TikTok 45 giây giới thiệu chương trình Mái ấm Công đoàn.",
    "image_prompt": "Mô tả ảnh poster khổ 4:5 cho Tháng Công nhân 2026 với dòng chữ "
    '"Công nhân Việt Nam tiên phong".',
    "summary": "Tóm tắt đoạn sau trong 2 câu: "
    + " ".join(f"Câu số {i} nói về hoạt động công đoàn thứ {i} trong năm." for i in range(1, 60)),
    "general": "Luật Công đoàn năm 2024 có hiệu lực từ khi nào?",
}


def import_seconds(modules: str, runs: int) -> float:
    """Median wall time of ``import <modules>`` in fresh interpreters."""
    times = []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", _IMPORT_PROBE.format(modules=modules)],
            capture_output=True,
            text=True,
            check=True,
        )
        times.append(float(out.stdout.strip()))
    return statistics.median(times)


def offline_latency(runs: int) -> dict[str, tuple[float, float]]:
    """Median and 95th percentile milliseconds of the practice model, per task type."""
    from congdoan.config import load_settings
    from congdoan.providers import Message, Request, get_provider

    provider = get_provider("offline", load_settings())
    figures = {}
    for task, prompt in PROMPTS.items():
        request = Request(messages=(Message("user", prompt),), model=provider.model)
        samples = []
        for _ in range(runs):
            started = time.perf_counter()
            provider.complete(request)
            samples.append((time.perf_counter() - started) * 1000)
        samples.sort()
        figures[task] = (statistics.median(samples), samples[int(0.95 * (len(samples) - 1))])
    return figures


def model_resolution(runs: int) -> tuple[float, float]:
    """Median microseconds to choose ChatGPT's model from today's cached vendor list,
    and with a named model (no list read), measured alternately in the same run."""
    import tempfile

    from congdoan.config import load_settings
    from congdoan.providers import get_provider, models

    with tempfile.TemporaryDirectory() as cache:
        environ = {**os.environ, "CONGDOAN_CACHE_DIR": cache, "OPENAI_API_KEY": "sk-bench"}
        provider = get_provider("openai", load_settings(environ))
        listed = [models.ListedModel(f"gpt-{n / 10:.1f}-terra", n) for n in range(50, 70)]
        models._write(models._cache_file(provider), listed)
        resolved, named = [], []
        for index in range(runs):
            pair = [(resolved, None), (named, "gpt-6.1-terra")]
            for samples, asked in pair if index % 2 else reversed(pair):
                started = time.perf_counter()
                provider.choose_model(asked, fetch=False, remember=False)
                samples.append((time.perf_counter() - started) * 1e6)
    return statistics.median(resolved), statistics.median(named)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--import-runs", type=int, default=7)
    parser.add_argument("--latency-runs", type=int, default=50)
    args = parser.parse_args(argv)

    ours = import_seconds("congdoan", args.import_runs)
    sdks = import_seconds("openai, google.genai", args.import_runs)
    print(f"import congdoan:               {ours * 1000:8.1f} ms (median of {args.import_runs})")
    print(f"import openai, google.genai:   {sdks * 1000:8.1f} ms (median of {args.import_runs})")
    print(f"ratio SDKs / congdoan:         {sdks / ours:8.1f}x")
    print()
    print(f"offline practice model, {args.latency_runs} runs per task (ms):")
    print(f"  {'task':<14}{'median':>10}{'p95':>10}")
    for task, (median, p95) in offline_latency(args.latency_runs).items():
        print(f"  {task:<14}{median:>10.2f}{p95:>10.2f}")
    print()
    resolved, named = model_resolution(args.latency_runs * 4)
    print(f"model choice from today's cached list: {resolved:8.1f} µs (median)")
    print(f"model choice with a named model:       {named:8.1f} µs (median)")
    print(f"ratio cached list / named:             {resolved / named:8.1f}x")
    if hasattr(os, "getloadavg"):
        print("load average: " + " ".join(f"{x:.2f}" for x in os.getloadavg()))


if __name__ == "__main__":
    main()
