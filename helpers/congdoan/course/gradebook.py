"""Safe access to nbgrader's SQLite gradebook from several processes.

SQLite lets one writer at a time; the others wait for the lock. Python's default wait
is 5 s, which a busy class can exceed, and nbgrader then reports the submission as
failed. :func:`install_busy_timeout` makes every SQLite connection of this process
(nbgrader's own ``Gradebook`` objects included) wait up to 120 s instead. Transactions
in nbgrader are short (a submission's rows, then its grades), so waiting is cheap, and
a process killed in the middle of one leaves a journal that SQLite rolls back.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import sys
from contextlib import contextmanager
from pathlib import Path

__all__ = [
    "BUSY_TIMEOUT_MS",
    "check_integrity",
    "ensure_tools_on_path",
    "install_busy_timeout",
    "open_gradebook",
]

BUSY_TIMEOUT_MS = 120_000
_installed = False


def install_busy_timeout() -> None:
    """Every SQLite connection SQLAlchemy opens in this process waits for locks."""
    global _installed
    if _installed:
        return
    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    @event.listens_for(Engine, "connect")
    def _busy_timeout(dbapi_connection, _record):  # pragma: no cover - trivial
        if isinstance(dbapi_connection, sqlite3.Connection):
            dbapi_connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")

    _installed = True


def ensure_tools_on_path() -> None:
    """nbgrader runs the ``alembic`` command when it creates a gradebook; a venv used
    without activating it (``.venv/bin/congdoan``) does not have it on ``PATH``."""
    if shutil.which("alembic"):
        return
    scripts = str(Path(sys.executable).parent)
    os.environ["PATH"] = scripts + os.pathsep + os.environ.get("PATH", "")


@contextmanager
def open_gradebook(course):
    """nbgrader's ``Gradebook`` for the course, closed afterwards."""
    from nbgrader.api import Gradebook

    install_busy_timeout()
    ensure_tools_on_path()
    config = course.config()
    gradebook = Gradebook(config.CourseDirectory.db_url, config.CourseDirectory.course_id)
    try:
        yield gradebook
    finally:
        gradebook.close()


def check_integrity(db_path: Path) -> dict[str, object]:
    """SQLite's ``integrity_check`` plus duplicate counts of the rows autograde writes.

    Returns ``{"integrity": "ok", "duplicates": 0, "rows": {table: count}}``.
    """
    connection = sqlite3.connect(db_path, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        integrity = connection.execute("PRAGMA integrity_check").fetchone()[0]
        rows = {
            table: connection.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
            for table in ("student", "submitted_assignment", "submitted_notebook", "grade")
        }
        duplicates = 0
        for query in (
            "SELECT COUNT(*) FROM (SELECT assignment_id, student_id FROM submitted_assignment"
            " GROUP BY 1, 2 HAVING COUNT(*) > 1)",
            "SELECT COUNT(*) FROM (SELECT notebook_id, assignment_id FROM submitted_notebook"
            " GROUP BY 1, 2 HAVING COUNT(*) > 1)",
            "SELECT COUNT(*) FROM (SELECT notebook_id, cell_id FROM grade"
            " GROUP BY 1, 2 HAVING COUNT(*) > 1)",
        ):
            duplicates += connection.execute(query).fetchone()[0]
    finally:
        connection.close()
    return {"integrity": integrity, "duplicates": duplicates, "rows": rows}
