"""Where lessons and tools write their files.

Lessons save what they make into a ``ket_qua/`` folder beside the notebook; every writer
(Word, calendar, QR code, chart, prompt library, posters, video) creates the folder it
needs, so a trainee never meets "folder does not exist" for a folder of their own.
"""

from __future__ import annotations

from pathlib import Path

from .errors import InputError
from .i18n import msg

__all__ = ["Below", "ensure_folder"]


def ensure_folder(target: Path) -> None:
    """Create the folder ``target`` goes into; a folder that cannot be made is named."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError:
        raise InputError(msg("files.cannot_create_folder", folder=target.parent)) from None
    if not target.parent.is_dir():
        raise InputError(msg("files.cannot_create_folder", folder=target.parent))


class Below:
    """A path at a fixed place below an object's folder, read as an attribute.

    >>> class Course:
    ...     root = Path("lop")
    ...     roster_file = Below("roster.csv")
    >>> Course().roster_file.as_posix()
    'lop/roster.csv'

    A course and the classroom server each lay their files out below one folder (the
    attribute named ``folder``); naming each place once keeps the layout in one table.
    """

    def __init__(self, *parts: str, folder: str = "root") -> None:
        self.parts = parts
        self.folder = folder

    def __get__(self, instance: object, owner: type | None = None):
        if instance is None:
            return self
        return Path(getattr(instance, self.folder)).joinpath(*self.parts)
