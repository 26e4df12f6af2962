"""Any text at all: the practice model never raises, is deterministic and fast."""

from __future__ import annotations

import statistics
import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from congdoan.practice import TASKS, respond
from congdoan.providers.base import Message

from .conftest import TODAY, run
from .test_summary import SOURCE

VIETNAMESE = st.sampled_from(
    [
        "Viết thông báo",
        "giấy mời",
        "kế hoạch",
        "báo cáo",
        "bài đăng Zalo",
        "kịch bản video 30 giây",
        "mô tả ảnh",
        "tóm tắt:",
        "tại Hội trường",
        "lúc 8h00",
        "ngày 15/5/2026",
        "ngày 31/2/2026",
        "99:99",
        "Công đoàn cơ sở",
        "Chủ tịch Nguyễn Văn An",
        "“",
        '"',
        "#",
        "dưới 0 chữ",
        "0 giây",
        "đổi địa điểm thành",
        "\n- ",
        ". ",
        ":",
        " ",
    ]
)
TEXT = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(VIETNAMESE, st.text(max_size=12)), max_size=25).map("".join),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(turns=st.lists(TEXT, min_size=1, max_size=3), system=st.none() | TEXT)
def test_never_raises_and_is_deterministic(turns, system):
    first = run(*turns, system=system)
    second = run(*turns, system=system)
    assert first == second
    assert first.task in TASKS
    assert isinstance(first.text, str) and first.text.startswith(first.draft)
    assert all(isinstance(v, list) for v in first.details.values())


def test_no_user_message_at_all():
    assert respond([], today=TODAY).task == "general"
    assert respond([Message("system", "Bạn là trợ lý.")], today=TODAY).task == "general"


def test_today_defaults_to_the_current_date():
    result = respond([Message("user", "Viết thông báo họp lúc 8h00 ngày 15/5/2026")])
    assert result.task == "notice"


def _median_ms(prompt: str, repeat: int = 15) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run(prompt)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def test_typical_prompt_is_fast():
    from .test_documents import DOCUMENTS

    run(DOCUMENTS["plan"]["detailed"])  # warm the catalogue
    assert _median_ms(DOCUMENTS["plan"]["detailed"]) < 20


def test_long_pasted_text_is_fast():
    parts = [f"Phần {i}: công đoàn tổ chức {i * 3} hoạt động.\n{SOURCE}\n" for i in range(1, 25)]
    long_text = "Tóm tắt văn bản sau trong 5 câu:\n" + "".join(parts)
    assert len(long_text) > 20_000
    assert _median_ms(long_text, repeat=5) < 200


def test_huge_inputs_do_not_hang():
    result = run("Viết thông báo " + "tại Hội trường " * 20_000)
    assert result.task == "notice"
