"""The class files a trainer command trusts, checked before it loads them.

``nbgrader_config.py`` is Python: whatever it holds runs inside every trainer command
(``congdoan course ...``, ``nbgrader ...``, formgrader). A submission graded without a
sandbox could append code to it, and that code would run with the trainer's keys at
the next ``congdoan course report``. So ``course init`` records a SHA-256 of the config
and of the roster in ``.congdoan/tin_cay.json``; every ``congdoan course`` command checks
them first (:func:`verify`) and stops with a Vietnamese message naming the changed
file. The trainer's own edits are accepted by running ``congdoan course init`` on the
folder again (:func:`record`); ``roster import`` records the roster it wrote.

The gradebook is guarded differently (it changes on every grading run): see
:func:`congdoan.course.gradebook.snapshot` and :func:`~congdoan.course.gradebook.changes`.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from ..errors import ConfigError
from ..i18n import msg

__all__ = ["TRUST_FILE", "record", "verify"]

TRUST_FILE = "tin_cay.json"
GUARDED = ("nbgrader_config.py", "danh_sach.csv")


def _digest(path: Path) -> str | None:
    if not path.is_file():
        return None
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _trust_path(root: Path) -> Path:
    return Path(root) / ".congdoan" / TRUST_FILE


def record(root: Path, names: tuple[str, ...] = GUARDED) -> None:
    """Remember the current content of ``names`` (all guarded files by default)."""
    path = _trust_path(root)
    path.parent.mkdir(exist_ok=True)
    known = _load(path)
    for name in names:
        known[name] = _digest(Path(root) / name)
    path.write_text(json.dumps(known, indent=1, sort_keys=True), encoding="utf-8")


def _load(path: Path) -> dict[str, str | None]:
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def verify(root: Path) -> None:
    """Raise :class:`ConfigError` when a guarded file differs from what was recorded.

    A class made before this check existed has no record yet: it is recorded now.
    """
    path = _trust_path(root)
    if not path.is_file():
        record(root)
        return
    known = _load(path)
    for name in GUARDED:
        if name in known and known[name] != _digest(Path(root) / name):
            raise ConfigError(msg("integrity.changed", file=name, folder=root))
