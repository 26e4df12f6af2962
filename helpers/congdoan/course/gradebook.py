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


#: (student, assignment, notebook, cell) -> (auto_score, manual_score, extra_credit)
Scores = dict[tuple[str, str, str, str], tuple[float | None, float | None, float | None]]


def snapshot(db_path: Path) -> Scores:
    """Every score in the gradebook, read straight from the SQLite file."""
    if not Path(db_path).is_file():
        return {}
    connection = sqlite3.connect(
        f"file:{db_path}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000
    )
    try:
        rows = connection.execute(
            "SELECT sa.student_id, a.name, n.name, bc.name,"
            " g.auto_score, g.manual_score, g.extra_credit"
            " FROM grade g"
            " JOIN submitted_notebook sn ON g.notebook_id = sn.id"
            " JOIN submitted_assignment sa ON sn.assignment_id = sa.id"
            " JOIN assignment a ON sa.assignment_id = a.id"
            " JOIN notebook n ON sn.notebook_id = n.id"
            " JOIN base_cell bc ON g.cell_id = bc.id"
        ).fetchall()
    except sqlite3.DatabaseError:
        return {}
    finally:
        connection.close()
    return {tuple(row[:4]): tuple(row[4:]) for row in rows}


def changes(before: Scores, after: Scores, assignment: str, graded: set[str]) -> list[str]:
    """Scores that changed although this run did not grade them: ``student/cell`` labels.

    An autograde run may set the automatic scores of the submissions it graded; every
    other change (another trainee's row, another assignment, a manual score) is not its
    doing. A row that disappeared counts as a change.
    """
    changed = []
    for key, old in before.items():
        student, name, _, cell = key
        new = after.get(key)
        ours = name == assignment and student in graded
        if new is None and not ours:
            changed.append(f"{student}/{name}/{cell}")
        elif new is not None and new != old and (not ours or new[1:] != old[1:]):
            changed.append(f"{student}/{name}/{cell}")  # manual scores belong to the trainer
    return sorted(changed)
