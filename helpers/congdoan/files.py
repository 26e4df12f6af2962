"""Where lessons and tools write their files.

Lessons save what they make into a ``ket_qua/`` folder beside the notebook; every writer
(Word, calendar, QR code, chart, prompt library, posters, video) creates the folder it
needs, so a trainee never meets "folder does not exist" for a folder of their own.
"""

from __future__ import annotations

from pathlib import Path

from .errors import InputError
from .i18n import msg

__all__ = ["ensure_folder"]


def ensure_folder(target: Path) -> None:
    """Create the folder ``target`` goes into; a folder that cannot be made is named."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError:
        raise InputError(msg("files.cannot_create_folder", folder=target.parent)) from None
    if not target.parent.is_dir():
        raise InputError(msg("files.cannot_create_folder", folder=target.parent))
