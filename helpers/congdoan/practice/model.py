"""The offline practice model: a prompt in, a draft laid out as the real thing out.

It recognises the task (notice, invitation, plan, report, post, video script, image
description, summary, or a general question), reads every detail the prompt gives,
fills a template with them and marks what is missing with ``[bổ sung: ...]``. The
closing tips say what to add to the prompt, so a better prompt gives a better draft.
It runs without network, is deterministic and never raises on any text.

>>> from congdoan.replies import Message
>>> answer = respond([Message("user", "Viết thông báo họp Ban Chấp hành lúc 8h00 ngày 15/5/2026")])
>>> answer.task, "8h00" in answer.text
('notice', True)
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..replies import Message
from . import drafts
from ._text import fold
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

    # A message that names a task starts a new piece of work: details of earlier tasks (a
    # member's phone number, another event's date) must not leak into it. A follow-up
    # ("viết ngắn lại", "thêm địa điểm: ...") keeps the turns back to the task it refines.
    start = _task_start(users)
    details = merge([extract(s) for s in system] + [extract(s) for s in instructions[start:]])
    _drop_impossible_issuers(details, "\n".join(instructions[start:]))
    if task == "general":
        details = merge([extract(last)]) if last.strip() else {}
    ctx = Context(task, details, today)
    ctx.prompt = "\n".join(users[start:])
    built = drafts.build(ctx, source=source, text=last)
    if task != "general" and _typed_without_marks(last):
        built.notes.insert(0, t("tips.diacritics"))
    return _finish(ctx, built, details)


_NATIONAL = ("cong doan viet nam", "tong lien doan lao dong viet nam")
_BARE_BODIES = ("cong doan", "cong doan co so", "cdcs", "ldld", "lien doan lao dong", "")
# "bản tin công đoàn quý IV", "công đoàn các cấp": the word without a body's name after it
_NOT_A_BODY = re.compile(r"cong doan (?:quy|nam|thang|cap|cac|vien|phi|\d)(?![a-z])")
# "Căn cứ Kế hoạch số 25/KH-LĐLĐ của LĐLĐ tỉnh Thanh Hóa": who wrote the cited document,
# not who issues the draft.
_CITED = re.compile(
    r"(?:can cu|thuc hien) (?:ke hoach|cong van|chi thi|nghi quyet|huong dan|quyet dinh"
    r"|thong tri|chuong trinh|van ban)[^,;\n]*"
)


def _drop_impossible_issuers(details: dict[str, list[str]], prompt: str = "") -> None:
    """A grassroots draft is not issued by "Công đoàn Việt Nam", nor by its own superior.

    "Kỷ niệm 97 năm thành lập Công đoàn Việt Nam" names the national union as the
    occasion; a union named as both issuer and superior would report to itself.
    """
    if "superior" in details:  # "Công đoàn" alone (from "Chợ Tết Công đoàn") names no body
        details["superior"] = [
            s for s in details["superior"] if fold(s).strip() not in _BARE_BODIES
        ]
    kept = [
        org
        for org in details.get("org", ())
        if fold(org).strip() not in _NATIONAL
        and not _NOT_A_BODY.match(fold(org).strip())
        and fold(org).strip() not in _BARE_BODIES
    ]
    if "org" in details:
        details["org"] = kept
    said = _CITED.sub(" ", fold(prompt))
    for superior in details.get("superior", ()):
        if not kept and f"cua {fold(superior).strip()}" in said:
            kept = details["org"] = [superior]  # "thông báo của LĐLĐ ...": the LĐLĐ issues it
            break
    issuers = {fold(org).strip() for org in kept}
    if "superior" in details:  # "thông báo của LĐLĐ thành phố Huế": the issuer, not its superior
        details["superior"] = [s for s in details["superior"] if fold(s).strip() not in issuers]


# "... cho sự kiện này", "nội dung trên": a new task about the same thing keeps its details.
_BACK_REFERENCE = re.compile(
    r"(?<![a-z])(?:(?:su kien|hoat dong|noi dung|chuong trinh|bai|van ban|thong bao|ke hoach)"
    r" (?:nay|tren|do|vua roi|vua soan)|o tren|phia tren)(?![a-z])"
)


def _task_start(users: list[str]) -> int:
    """Index of the turn that began the current task (0 when none named one)."""
    for index in range(len(users) - 1, -1, -1):
        if detect_task(users[index]) is not None and not _BACK_REFERENCE.search(fold(users[index])):
            return index
    return 0


_MARKS = re.compile("[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]", re.I)


def _typed_without_marks(text: str) -> bool:
    """Three or more words and not one Vietnamese letter: typed without diacritics."""
    return len(text.split()) >= 3 and not _MARKS.search(text)


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
