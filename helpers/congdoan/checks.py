"""One entry point for every checker: ``check(text, kind)`` returns a :class:`Report`.

Lessons, widgets (``CheckPanel``) and grading cells call this instead of knowing which
module checks what. Each kind maps to a checker function; later modules add theirs
with :func:`register`.

>>> check("Bạn là cán bộ công đoàn. Hãy viết thông báo...", "prompt").kind  # doctest: +SKIP
'prompt'
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module

from .chat import Reply
from .errors import InputError
from .i18n import msg
from .report import Report

__all__ = ["check", "kinds", "register"]

Checker = Callable[[str], Report]

# kind -> (module, function, extra positional argument or None); imported on first use
_TABLE: dict[str, tuple[str, str, str | None]] = {
    "notice": ("congdoan.documents", "check", "notice"),
    "invitation": ("congdoan.documents", "check", "invitation"),
    "plan": ("congdoan.documents", "check", "plan"),
    "report": ("congdoan.documents", "check", "report"),
    "minutes": ("congdoan.documents", "check", "minutes"),
    "prompt": ("congdoan.prompts", "check", None),
    "facebook": ("congdoan.posts", "check", "facebook"),
    "zalo": ("congdoan.posts", "check", "zalo"),
    "image_prompt": ("congdoan.media", "check_image_prompt", None),
    "video_script": ("congdoan.media", "check_video_script", None),
    "srt": ("congdoan.media", "check_srt", None),
}
_registered: dict[str, Checker] = {}


def register(kind: str, checker: Checker) -> None:
    """Add a checker for a new kind (a video script, an image prompt...)."""
    _registered[kind] = checker


def kinds() -> tuple[str, ...]:
    """Every kind ``check`` understands."""
    return tuple(_TABLE) + tuple(k for k in _registered if k not in _TABLE)


def check(text: str | Reply, kind: str) -> Report:
    """Check ``text`` as ``kind`` (``notice``, ``invitation``, ``plan``, ``report``,
    ``prompt``, ``facebook``, ``zalo``, or a registered kind).

    ``text`` may be a :class:`~congdoan.chat.Reply`; a practice-model answer is checked
    without its closing tips, which advise the trainee and are not part of the draft.
    """
    if isinstance(text, Reply):
        text = text.text
    if isinstance(text, str):
        from .practice import without_tips  # the practice model loads on first use only

        text = without_tips(text)
    if kind in _registered:
        return _registered[kind](text)
    if kind not in _TABLE:
        raise InputError(
            msg("errors.input.unknown_check_kind", kind=kind, choices=", ".join(kinds()))
        )
    module, function, argument = _TABLE[kind]
    checker = getattr(import_module(module), function)
    return checker(text) if argument is None else checker(text, argument)
