"""One entry point for every checker: ``check(answer, kind)`` returns a :class:`Report`.

Lessons, widgets (``CheckPanel``), grading cells and ``documents.check`` name a kind
and this table says which checker runs. It is the only table of kinds in congdoan: a
kind answers to its name, its Vietnamese names and its aliases, compared without case
or diacritics, so ``"notice"``, ``"TB"``, ``"thông báo"`` and ``"thong bao"`` are one
kind. The document kinds come from :data:`congdoan.vocabulary.DOCUMENT_KINDS`.

Checkers are imported by module name on first use, so asking for a prompt check never
loads pandas or the image code.

>>> resolve_kind("thông báo").name, resolve_kind("TB").name, resolve_kind("Bảng kế hoạch").name
('notice', 'notice', 'plan_table')
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from typing import Any, Literal

from .errors import InputError
from .i18n import msg
from .replies import draft_text
from .report import Report
from .vocabulary import DOCUMENT_KINDS, kind_key

__all__ = ["KINDS", "Kind", "check", "kinds", "register", "resolve_kind"]

Checker = Callable[..., Report]
Answer = Literal["text", "table"]


@dataclass(frozen=True)
class Kind:
    """A check kind: where its checker lives and every name it answers to.

    ``argument`` is passed after the answer (the document kind, the post channel);
    ``answer`` is what the checker reads (``text``, or a ``table`` such as a DataFrame);
    ``options`` says whether it takes keyword options (``year=``, ``budget=``...).
    """

    name: str
    module: str
    function: str
    argument: str | None = None
    aliases: tuple[str, ...] = ()
    answer: Answer = "text"
    options: bool = False

    @property
    def checker(self) -> Checker:
        return getattr(import_module(self.module), self.function)


def _document_kinds() -> list[Kind]:
    return [
        Kind(name, "congdoan.documents", "check", name, document.names)
        for name, document in DOCUMENT_KINDS.items()
    ]


KINDS: dict[str, Kind] = {
    kind.name: kind
    for kind in (
        *_document_kinds(),
        Kind("prompt", "congdoan.prompts", "check", None, ("câu lệnh", "lời nhắc")),
        Kind("facebook", "congdoan.posts", "check", "facebook",
             ("bài đăng facebook", "fanpage", "bài đăng fanpage")),
        Kind("zalo", "congdoan.posts", "check", "zalo", ("zalo oa", "tin nhắn zalo")),
        Kind("image_prompt", "congdoan.media.image_prompt", "check_image_prompt", None,
             ("câu lệnh hình ảnh", "câu lệnh tạo ảnh", "mô tả ảnh")),
        Kind("video_script", "congdoan.media.video", "check_video_script", None,
             ("kịch bản video", "kịch bản")),
        Kind("srt", "congdoan.media.srt", "check_srt", None, ("phụ đề", "subtitles")),
        Kind("plan_table", "congdoan.plans", "check_plan_table", None,
             ("bảng kế hoạch", "lịch hoạt động", "plan table"), "table", options=True),
        Kind("facts", "congdoan.answer_checks", "facts_report", None,
             ("dữ kiện", "thông tin đề bài"), options=True),
        Kind("privacy", "congdoan.answer_checks", "privacy_report", None,
             ("dữ liệu cá nhân", "thông tin cá nhân")),
    )
}  # fmt: skip
_registered: dict[str, Checker] = {}


def register(kind: str, checker: Checker) -> None:
    """Add (or replace) the checker of a kind; it is called as ``checker(answer)``."""
    _registered[kind] = checker


def kinds(answer: Answer | None = None) -> tuple[str, ...]:
    """Every kind ``check`` understands, by its English name.

    ``answer="text"`` keeps the kinds a pasted text alone can be checked as (what
    ``CheckPanel`` offers): no table, and no kind whose meaning comes from options
    (``facts`` without the task's facts would pass anything).
    """
    listed = tuple(KINDS) + tuple(k for k in _registered if k not in KINDS)
    if answer is None:
        return listed
    return tuple(k for k in listed if k not in KINDS or _alone(KINDS[k], answer))


def _alone(kind: Kind, answer: Answer) -> bool:
    return kind.answer == answer and not kind.options


def _names(kind: Kind) -> set[str]:
    return {kind_key(name) for name in (kind.name, *kind.aliases)}


def resolve_kind(kind: object) -> Kind:
    """The :class:`Kind` named ``kind`` in any of its spellings; else a Vietnamese error."""
    if isinstance(kind, str):
        if kind in _registered:
            return KINDS.get(kind) or Kind(kind, "", "")
        key = kind_key(kind)
        exact = [spec for name, spec in KINDS.items() if kind_key(name) == key]
        found = exact or [spec for spec in KINDS.values() if key in _names(spec)]
        if found:
            return found[0]
    raise InputError(msg("errors.input.unknown_check_kind", kind=kind, choices=", ".join(kinds())))


def check(answer: Any, kind: str, **options: Any) -> Report:
    """Check ``answer`` as ``kind``: ``notice`` (or ``TB``, ``thông báo``), ``plan_table``...

    ``answer`` may be a :class:`~congdoan.replies.Reply`; a practice-model answer is
    checked without its closing tips, which advise the trainee and are not part of the
    draft. Keyword ``options`` go to checkers that take them (``year=``, ``budget=`` for
    ``plan_table``; ``dates=``, ``phrases=`` for ``facts``).
    """
    spec = resolve_kind(kind)
    answer = draft_text(answer)
    if spec.name in _registered:
        return _registered[spec.name](answer, **options)
    if options and not spec.options:
        raise InputError(
            msg("checks.no_options", kind=spec.name, options=", ".join(sorted(options)))
        )
    if spec.argument is None:
        report = spec.checker(answer, **options)
    else:
        report = spec.checker(answer, spec.argument, **options)
    report.note = report.note or law_reminder(spec.name)
    return report


#: Kinds whose product goes out as a picture, a video or a public post: the AI Law's label.
LABELLED_KINDS = frozenset({"image_prompt", "video_script", "srt", "facebook", "zalo"})


def law_reminder(kind: str) -> str:
    """The rule a trainee must keep in mind for ``kind``, shown under its checklist.

    Pictures, videos and posts made with AI must keep a visible "made with AI" label (the
    AI Law, in force 1 March 2026); every other output falls under the government's rules
    for public servants using chatbots (no state secrets, members' personal data or
    internal documents in a prompt; a work account; the signer checks every detail).
    """
    key = "ai_label.reminder_media" if kind in LABELLED_KINDS else "ai_label.reminder_rules"
    return msg(key)
