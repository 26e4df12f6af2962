"""Replies render Markdown safely, and compare() shows Vietnamese headings."""

from __future__ import annotations

import re

from congdoan import ask, compare
from congdoan.markup import markdown_html
from congdoan.replies import Reply, reply_html
from congdoan.widgets import ChatBox

#: What a real model writes, with a hostile twist a pasted web page could carry.
AI_ANSWER = (
    "# Kế hoạch Tháng Công nhân\n"
    "**Thời gian:** tháng 5/2026\n"
    "- Hội thao\n- Bữa cơm Công đoàn\n"
    '<img src=x onerror="alert(1)"> <script>alert(2)</script>\n'
    "[Xem thêm](javascript:alert(3))"
)


def _visible(html_text: str) -> str:
    return re.sub(r"<[^>]+>", "", html_text)


def test_markdown_is_rendered_and_html_is_escaped():
    shown = markdown_html(AI_ANSWER)
    assert "<h1>Kế hoạch Tháng Công nhân</h1>" in shown
    assert "<strong>Thời gian:</strong>" in shown and "<li>Hội thao</li>" in shown
    assert "**" not in shown and "# " not in _visible(shown)
    assert "<script>" not in shown and "<img src=x" not in shown
    assert "&lt;script&gt;" in shown  # shown as text, never run
    assert "javascript:" not in shown


def test_line_breaks_of_a_notice_are_kept():
    shown = markdown_html("CÔNG ĐOÀN CƠ SỞ\nSố:    /TB-CĐCS")
    assert "CÔNG ĐOÀN CƠ SỞ<br />" in shown


def test_reply_and_chatbox_render_markdown():
    reply = Reply(text=AI_ANSWER, provider="openai", model="m")
    shown = reply_html(reply)
    assert "<strong>Thời gian:</strong>" in shown and "<script>" not in shown
    box = ChatBox()
    box._show(reply)
    assert "<strong>Thời gian:</strong>" in box.answer.value
    assert "<script>" not in box.answer.value
    assert box.last_text == AI_ANSWER  # the copy button copies what the AI wrote


def test_compare_keeps_code_names_and_shows_vietnamese_headings():
    table = compare("Viết bài đăng Fanpage về Tháng Công nhân năm 2026", ["offline"])
    assert table.loc[0, "provider"] == "offline"  # code reads the library's names
    shown = table._repr_html_()
    for heading in ("Nhà cung cấp", "Mô hình", "Câu trả lời", "Chi phí (đồng)", "Token ước tính"):
        assert f"<th>{heading}</th>" in shown
    assert "<th>provider</th>" not in shown and "<th>cost_vnd</th>" not in shown
    part = table[["provider", "cost_vnd"]]
    assert "Nhà cung cấp" in repr(part) and "provider" not in repr(part)
    assert "không" in repr(table) or "có" in repr(table)


def test_practice_reply_words_survive_rendering():
    reply = ask("Soạn thông báo họp Ban Chấp hành công đoàn cơ sở lúc 8 giờ ngày 15/5/2026")
    visible = _visible(reply_html(reply))
    for line in reply.text.splitlines():
        words = line.strip().lstrip("-").strip()
        if words and not re.match(r"^\d+\.", words):
            assert words.split()[0] in visible


def test_check_panel_reminds_of_the_ai_law_and_the_rules():
    from congdoan.widgets import CheckPanel

    post = CheckPanel("bài đăng facebook", text="Tháng Năm này mình cùng hiến máu nhé! #HienMau")
    assert "Tạo bằng AI" in post.result.value and "Luật Trí tuệ nhân tạo" in post.result.value
    notice = CheckPanel("thông báo", text="THÔNG BÁO\nVề việc họp Ban Chấp hành")
    assert "bí mật nhà nước" in notice.result.value and "Tạo bằng AI" not in notice.result.value
    assert notice.kind.value == "notice"  # the Vietnamese name chose the kind
