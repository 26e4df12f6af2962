"""congdoan.grading.core: points, stdout-only feedback, hidden mode, bad answers."""

from __future__ import annotations

import logging
import sys
import warnings

import pytest

from congdoan import i18n
from congdoan.grading import format_points, grade, grade_report, points_for
from congdoan.report import ERROR, WARNING, Item, Report

GOOD_PROMPT = (
    "Bạn là cán bộ công đoàn cơ sở. Hãy viết thông báo về Hội thao công nhân ngày 10/5/2026 "
    "tại Huế cho đoàn viên, trình bày theo thể thức văn bản, giọng trang trọng, dưới 200 chữ."
)


def _report(*oks: bool, severity=ERROR) -> Report:
    return Report(
        "notice",
        [Item(f"c{n}", ok, f"mục {n}", "sửa thế này", severity) for n, ok in enumerate(oks)],
    )


@pytest.mark.parametrize(
    ("oks", "points", "expected"),
    [
        ((True, True, True, True), 4, 4.0),
        ((True, True, True, False), 4, 3.0),
        ((True, True, False), 2, 1.25),  # 1.333 rounded down to a quarter
        ((True, False, False), 3, 1.0),
        ((False, False), 5, 0.0),
        ((True,) * 11 + (False,), 4, 3.5),  # 3.667: one failed check always costs something
    ],
)
def test_points_are_the_weighted_share_rounded_down_to_a_quarter(oks, points, expected):
    assert points_for(_report(*oks).items, points) == expected


def test_warnings_weigh_a_quarter_and_advice_nothing():
    items = [
        Item("a", True, "ok"),
        Item("b", False, "cảnh báo", severity=WARNING),  # 0.25
        Item("c", False, "lời khuyên", weight=0.0),  # 0
    ]
    assert points_for(items, 2) == 1.5  # 1 / 1.25 * 2 = 1.6


def test_points_never_exceed_the_cell():
    assert points_for(_report(True, True, True).items, 0.5) == 0.5


def test_grade_prints_feedback_on_stdout_only(capfd):
    got = grade(_report(True, False), points=2, label="draft")
    out, err = capfd.readouterr()
    assert got == 1.0
    assert err == ""
    assert "Chấm draft: 1/2 điểm" in out
    assert "✓ mục 0" in out and "✗ mục 1" in out and "→ sửa thế này" in out


def test_grade_runs_a_kind_on_text(capfd):
    assert grade(GOOD_PROMPT, kind="prompt", points=2, label="prompt") == 2.0
    out, err = capfd.readouterr()
    assert "Đạt trọn điểm" in out and err == ""


def test_codes_select_the_checks_that_count(capfd):
    report = _report(True, False, True)
    assert grade(report, points=2, codes=["c0", "c2"]) == 2.0
    assert grade(report, points=2, codes=["c1"]) == 0.0
    out, _ = capfd.readouterr()
    assert "mục 1" in out


def test_a_selected_check_that_could_not_run_counts_as_failed(capfd):
    legacy = "C«ng ®oµn c¬ së C«ng ty TNHH May S«ng H­¬ng th«ng b¸o"  # TCVN3
    got = grade(legacy, kind="notice", points=4, codes=["title", "signature"], label="draft")
    out, err = capfd.readouterr()
    assert got == 0.0 and err == ""
    assert "«title»" in out


def test_hidden_mode_prints_only_the_points(capfd):
    got = grade(_report(True, False), points=2, label="ẩn", quiet=True)
    out, err = capfd.readouterr()
    assert got == 1.0 and err == ""
    assert "1/2" in out
    assert "mục" not in out and "sửa" not in out and "✗" not in out and "✓" not in out


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        (None, "Chưa có bài làm trong biến draft"),
        ("", "Biến draft đang trống"),
        ("   \n ", "Biến draft đang trống"),
        (42, "kiểu int"),
        (["a"], "kiểu list"),
    ],
)
def test_bad_answers_get_zero_and_name_the_variable(capfd, answer, expected):
    got = grade(answer, kind="notice", points=4, label="draft", quiet=True)
    out, err = capfd.readouterr()
    assert got == 0.0 and err == ""
    assert expected in out


def test_a_reply_counts_as_its_text():
    class Reply:
        text = GOOD_PROMPT

    assert grade(Reply(), kind="prompt", points=2) == 2.0


def test_warnings_and_logging_inside_a_checker_never_reach_stderr(capfd):
    def noisy(text: str) -> Report:
        warnings.warn("deprecated thing", DeprecationWarning, stacklevel=1)
        logging.getLogger("x").error("a log line")
        print("stray", file=sys.stderr)
        return _report(True)

    from congdoan import checks

    checks.register("noisy", noisy)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # as pytest's filterwarnings=error would
            assert grade("văn bản", kind="noisy", points=1) == 1.0
    finally:
        del checks._registered["noisy"]
    _, err = capfd.readouterr()
    assert err == ""


def test_a_checker_crash_gives_zero_not_an_exception(capfd):
    from congdoan import checks

    def broken(text: str) -> Report:
        raise RuntimeError("bug")

    checks.register("broken", broken)
    try:
        assert grade("văn bản", kind="broken", points=3, label="draft") == 0.0
    finally:
        del checks._registered["broken"]
    out, err = capfd.readouterr()
    assert "Chưa chấm được draft" in out and err == ""


@pytest.mark.parametrize("points", [0, -1, "2", True, None])
def test_bad_points_are_the_trainers_mistake_and_raise_value_error(points):
    with pytest.raises(ValueError):
        grade(_report(True), points=points)


def test_unknown_kind_raises_a_plain_value_error():
    """Not a CongdoanError: in a notebook those show as a box and nbgrader gives full marks."""
    from congdoan.errors import CongdoanError

    with pytest.raises(ValueError) as caught:
        grade("x", kind="no-such-kind", points=1)
    assert not isinstance(caught.value, CongdoanError)


def test_grade_report_is_grade_for_reports(capfd):
    assert grade_report(_report(True, True, False, False), points=1) == 0.5


def test_english_catalogue(capfd):
    i18n.set_language("en")
    grade(None, kind="notice", points=1, label="draft")
    out, _ = capfd.readouterr()
    assert "There is no answer in the variable draft" in out


@pytest.mark.parametrize(("value", "text"), [(2.75, "2,75"), (3.0, "3"), (0.5, "0,5"), (10, "10")])
def test_points_are_written_the_vietnamese_way(value, text):
    assert format_points(value) == text
