"""CheckPanel: paste, choose the kind, press Check, read the checklist."""

from __future__ import annotations

from pathlib import Path

from congdoan import check
from congdoan.i18n import msg
from congdoan.widgets import CheckPanel

DOCUMENTS = Path(__file__).resolve().parents[1] / "data" / "documents"


def _read(name: str) -> str:
    return (DOCUMENTS / name).read_text(encoding="utf-8")


def test_a_correct_notice_gets_only_ticks():
    panel = CheckPanel("notice")
    panel.text.value = _read("notice_thang_cong_nhan.txt")
    panel.check.click()

    assert panel.report is not None and panel.report.ok
    assert "✓" in panel.result.value and "✗" not in panel.result.value
    assert "đạt 100/100 điểm" in panel.result.value


def test_a_broken_notice_shows_the_cross_and_the_hint():
    text = _read("notice_bad_tm_bch.txt")
    panel = CheckPanel("notice", text)  # text given: checked at once

    assert panel.report.failed_codes == ["signature"]
    signature = panel.report["signature"]
    assert "✗" in panel.result.value and "✓" in panel.result.value
    assert signature.message in panel.result.value.replace("&quot;", '"')
    assert "TM. BAN CHẤP HÀNH" in panel.result.value  # the hint gives the right form
    assert panel.report.score == check(text, "notice").score


def test_a_pasted_prompt_is_checked_with_the_prompt_rubric():
    panel = CheckPanel("prompt", "Viết thông báo")
    panel.kind.value = "prompt"
    assert panel.report.kind == "prompt"
    assert "Chưa nêu văn bản dành cho ai." in panel.result.value
    assert "!" in panel.result.value  # warnings (role, tone...) are marked "!"


def test_changing_the_kind_checks_against_other_rules():
    panel = CheckPanel("notice", _read("notice_thang_cong_nhan.txt"))
    panel.kind.value = "invitation"
    panel.check.click()
    assert panel.report.kind == "invitation" and not panel.report.ok


def test_kind_labels_are_vietnamese():
    labels = [label for label, _ in CheckPanel("notice").kind.options]
    assert labels[:4] == ["Thông báo", "Giấy mời", "Kế hoạch", "Báo cáo"]
    assert "Bài đăng Facebook (Fanpage)" in labels and "Tin nhắn Zalo" in labels


def test_empty_text_is_explained():
    panel = CheckPanel("facebook")
    panel.check.click()
    assert msg("widgets.check.empty_text") in panel.result.value
    assert panel.report is None


def test_unknown_kind_shows_the_input_error():
    panel = CheckPanel("poster", "Một đoạn văn bản")
    assert "Không có loại kiểm tra" in panel.result.value and "poster" in panel.result.value
    assert panel.kind.value is None and panel.report is None
    panel.kind.value = "zalo"  # choosing a real kind fixes it
    panel.check.click()
    assert panel.report is not None
    assert panel.report.items == check("Một đoạn văn bản", "zalo").items
