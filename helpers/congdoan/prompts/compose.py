"""Compose a prompt from the course recipe: role, task, context, audience, format, tone,
length and an optional example, one labelled line each.

The labels are the words :func:`congdoan.prompts.check` looks for, so a part that is
filled in is a part the rubric finds. Empty parts are left out; a part that already
starts with its label (``"Bạn là cán bộ..."``) is not labelled twice.

>>> compose(role="cán bộ công đoàn cơ sở", task="soạn thông báo họp Ban Chấp hành")
'Bạn là cán bộ công đoàn cơ sở.\\nNhiệm vụ: soạn thông báo họp Ban Chấp hành.'
"""

from __future__ import annotations

from ..errors import InputError
from ..i18n import msg
from ..text import fold, nfc

__all__ = ["PARTS", "compose"]

#: The parts of a prompt, in the order the course teaches them.
PARTS = ("role", "task", "context", "audience", "format", "tone", "length", "example")
_ENDINGS = tuple(".!?:;…\"”')]»")


def compose(**parts: str | None) -> str:
    """Join the given parts into one prompt, one labelled line per non-empty part.

    **Parameters:** any of ``role``, ``task``, ``context``, ``audience``, ``format``,
    ``tone``, ``length``, ``example`` (text; ``None`` or blank means "leave out").
    An unknown part or a value that is not text raises :class:`~congdoan.InputError`.
    """
    for name, value in parts.items():
        if name not in PARTS:
            raise InputError(
                msg("widgets.compose.unknown_part", name=name, choices=", ".join(PARTS))
            )
        if value is not None and not isinstance(value, str):
            raise InputError(msg("widgets.compose.not_text", name=name, type=type(value).__name__))
    lines = [_line(name, parts.get(name)) for name in PARTS]
    return "\n".join(line for line in lines if line)


def _line(name: str, value: str | None) -> str:
    text = nfc(value or "").strip()
    if not text:
        return ""
    template = msg(f"widgets.compose.{name}")
    label = template.split("{text}", 1)[0].strip()
    if not fold(text).startswith(fold(label)):
        text = template.format(text=text)
    return text if text.endswith(_ENDINGS) else text + "."
