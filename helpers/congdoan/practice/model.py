"""The offline practice model: a prompt in, a draft laid out as the real thing out.

It recognises the task (notice, invitation, plan, report, post, video script, image
description, summary, or a general question), reads every detail the prompt gives,
fills a template with them and marks what is missing with ``[bổ sung: ...]``. The
closing tips say what to add to the prompt, so a better prompt gives a better draft.
It runs without network, is deterministic and never raises on any text.

>>> from congdoan.providers.base import Message
>>> answer = respond([Message("user", "Viết thông báo họp Ban Chấp hành lúc 8h00 ngày 15/5/2026")])
>>> answer.task, "8h00" in answer.text
('notice', True)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from ..i18n import LANGUAGES, msg
from ..providers.base import Message
from . import drafts
from .details import extract, merge
from .drafts import Context, t
from .tasks import TASKS, detect_task, split_summary_source

__all__ = ["TASKS", "PracticeAnswer", "respond"]

_MAX_TURN = 60_000  # characters of one message that are read at all
_OPTIONAL_TIPS = {
    "post": ("tone", "length", "channel", "hashtags"),
    "video_script": ("duration", "channel", "tone"),
    "image_prompt": ("channel", "colours", "style"),
    "summary": ("count",),
}
_OPTIONAL_SLOT = {
    "tone": "tone",
    "length": "length",
    "channel": "channel",
    "hashtags": "hashtags",
    "colours": "colours",
    "style": "tone",
    "duration": "length",
    "count": "length",
}
_MAX_TIPS = 6


@dataclass(frozen=True)
class PracticeAnswer:
    """The practice model's answer.

    ``text`` is the whole reply (draft, then the tips section); ``draft`` is the same
    without the tips. ``details`` is what was understood from the prompt, ``missing``
    the slots left as ``[bổ sung: ...]`` placeholders, ``tips`` the advice lines.
    """

    text: str
    task: str
    details: dict[str, list[str]]
    missing: list[str]
    tips: list[str]
    draft: str = ""


def respond(messages: Sequence[Message], *, today: dt.date | None = None) -> PracticeAnswer:
    """Answer a conversation as the offline practice model.

    >>> respond([Message("user", "viet bai dang Fanpage ve Tet Sum vay")]).task
    'post'

    **Parameters:** * **messages** - the conversation; the last user message is the
    request, earlier user turns and the system message add details * **today** -
    *(optional)* the date used on a document when the prompt gives none.
    """
    today = today or dt.date.today()
    try:
        return answer(messages, today=today)
    except Exception:  # pragma: no cover - a safety net; the tests call answer() directly
        ctx = Context("general", {}, today)
        built = drafts.build(ctx, text="")
        return _finish(ctx, built, {})


def answer(messages: Sequence[Message], *, today: dt.date) -> PracticeAnswer:
    """:func:`respond` without the safety net (used by the tests)."""
    users = [
        m.content[:_MAX_TURN] for m in messages if m.role == "user" and isinstance(m.content, str)
    ]
    system = [
        m.content[:_MAX_TURN] for m in messages if m.role == "system" and isinstance(m.content, str)
    ]
    last = users[-1] if users else ""

    task = detect_task(last)
    if task is None:
        task = next((found for text in reversed(users[:-1]) if (found := detect_task(text))), None)
        if task is None:
            task = "general"

    source = ""
    instructions: list[str] = []
    for text in users:
        if detect_task(text) == "summary" or (task == "summary" and text is last):
            instruction, pasted = split_summary_source(text)
            if pasted:
                source = pasted
            instructions.append(instruction)
        else:
            instructions.append(text)
    if task == "summary" and not source:
        # A follow-up such as "ngắn hơn nữa": the text pasted in an earlier turn.
        for text in reversed(users):
            _, pasted = split_summary_source(text)
            if pasted:
                source = pasted
                break

    details = merge([extract(s) for s in system] + [extract(s) for s in instructions])
    if task == "general":
        details = merge([extract(last)]) if last.strip() else {}
    ctx = Context(task, details, today)
    built = drafts.build(ctx, source=source, text=last)
    return _finish(ctx, built, details)


def _finish(ctx: Context, built: drafts.Built, details: dict[str, list[str]]) -> PracticeAnswer:
    tips: list[str] = []
    for slot in built.missing:
        tips.append(
            t(
                "tips.missing",
                label=t(f"slot.{slot}"),
                example=t(f"tips.example.{slot}"),
            )
        )
    tips = tips[:_MAX_TIPS]
    tips += built.notes
    optional = [
        t(f"tips.{name}")
        for name in _OPTIONAL_TIPS.get(ctx.task, ())
        if not details.get(_OPTIONAL_SLOT[name])
    ]
    tips += optional[: max(0, _MAX_TIPS + 2 - len(tips))]
    if ctx.task != "general":
        if built.missing:
            tips.append(t("tips.example_prompt", example=t(f"tips.prompt.{ctx.task}")))
        elif ctx.task != "summary":
            tips.insert(0, t("tips.complete"))
        tips.append(t("tips.review"))
    text = built.draft
    if tips:
        text += "\n\n" + t("tips.heading") + "\n" + "\n".join(f"- {tip}" for tip in tips)
    return PracticeAnswer(
        text=text,
        task=ctx.task,
        details={k: list(v) for k, v in details.items()},
        missing=list(built.missing),
        tips=tips,
        draft=built.draft,
    )


def without_tips(text: str) -> str:
    """The draft part of a practice-model answer: everything before the tips section.

    Trainees paste whole answers into the checkers; the tips are advice to them, not
    part of the notice or post being checked. Text without the heading is returned as is.
    """
    for lang in LANGUAGES:
        heading = "\n\n" + msg("practice.tips.heading", lang=lang) + "\n"
        at = text.find(heading)
        if at >= 0:
            return text[:at]
    return text
