"""AI replies as a trainee expects to read them: Markdown rendered, never HTML run.

ChatGPT, Gemini and DeepSeek answer in Markdown (``**đậm**``, ``# Tiêu đề``, lists);
shown raw, a trainee reads asterisks and hashes. :func:`markdown_html` renders it with
mistune, with the safety switches on: raw HTML in a reply is escaped (shown as text,
never run), ``javascript:`` and other harmful links are neutralised, and a line break
stays a line break, so a notice's heading lines keep their shape.
"""

from __future__ import annotations

import html
from functools import cache

__all__ = ["markdown_html"]


@cache
def _renderer():
    import mistune

    return mistune.create_markdown(escape=True, hard_wrap=True, plugins=["strikethrough", "table"])


def markdown_html(text: str) -> str:
    """``text`` (Markdown from an AI) as safe HTML; empty text gives an empty string."""
    if not text:
        return ""
    try:
        rendered = _renderer()(text)
    except Exception:  # a renderer bug must never hide the answer: show it as text
        return f"<div style='white-space:pre-wrap'>{html.escape(text)}</div>"
    return f"<div class='congdoan-markdown'>{rendered}</div>"
