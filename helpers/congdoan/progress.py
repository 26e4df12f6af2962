"""Where am I in the course? Lessons and assignments done, from the trainee's own files.

Nothing is sent anywhere and no account is needed: :func:`progress` reads the notebooks
in the trainee's course folder and decides from what is saved in them.

The rule (also shown to trainees in the self-study notebook):

* A **lesson** notebook (``modules/NN_name/*.ipynb``) is *đã làm* (done) when it was
  saved with at least one code cell run (the lessons are distributed with no cell run),
  or when a ``congdoan-transcript.jsonl`` with at least one recorded answer lies beside
  it (every ``ask()`` writes one).
* An **assignment** notebook (``assignments/*/*.ipynb``) is *đã làm* when every answer
  cell (nbgrader ``solution`` cell) is filled in, *đang làm* (in progress) when some are,
  else *chưa làm*. An answer cell is still empty while it holds a placeholder:
  ``raise NotImplementedError``, ``YOUR CODE HERE``/``YOUR ANSWER HERE``, ``[Thay nội
  dung này]``, or a variable set to ``""``/``...``/``None``.

>>> progress()  # doctest: +SKIP
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .errors import InputError
from .i18n import msg

__all__ = ["STATUSES", "Progress", "progress"]

STATUSES = ("done", "started", "todo")
TRANSCRIPT = "congdoan-transcript.jsonl"
STUDENT_FOLDER = "bai_tap_hoc_vien"  # congdoan.student_versions.STUDENT_FOLDER
_PLACEHOLDERS = re.compile(
    r"raise\s+NotImplementedError|YOUR (?:CODE|ANSWER) HERE|\[Thay nội dung này\]"
    r"|^\s*[A-Za-z_]\w*\s*=\s*(?:\"\"|''|\.\.\.|None)\s*(?:#.*)?$",
    re.MULTILINE,
)
_MODULE_DIR = re.compile(r"^\d{2}_")
#: What nbgrader's Vietnamese stubs leave in an untouched answer cell besides comments:
#: variables set to an empty value (``draft = """\n"""``, ``prompt = ""``).
_EMPTY_ASSIGNMENT = re.compile(
    r'^\s*[A-Za-z_]\w*\s*=\s*(?:"""\s*"""|\'\'\'\s*\'\'\'|""|\'\'|\.\.\.|None|\[\]|\{\})\s*$',
    re.MULTILINE,
)


@dataclass(frozen=True)
class _Row:
    kind: str
    section: str
    notebook: str
    status: str
    reason: str


def _find_root(start: Path) -> Path:
    for folder in (start, *start.parents):
        if (folder / "modules").is_dir():
            return folder
    return start


def _read_notebook(path: Path) -> dict | None:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _source(cell: dict) -> str:
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else str(source)


def _transcript_answers(folder: Path) -> int:
    path = folder / TRANSCRIPT
    try:
        with path.open(encoding="utf-8") as stream:
            return sum(1 for line in stream if line.strip())
    except OSError:
        return 0


#: Reads a notebook's saved cells (and what lies beside it): a status and its reason.
_Judge = Callable[[dict, Path], tuple[str, str]]


def _row(kind: str, judge: _Judge, path: Path, root: Path) -> _Row:
    """One notebook's row: where it lies and how far it got, as ``judge`` reads its cells.

    An unreadable notebook is "todo" for every kind, so the trainee is told to open it again.
    """
    notebook = _read_notebook(path)
    if notebook is None:
        status, reason = "todo", msg("progress.reason.unreadable")
    else:
        status, reason = judge(notebook, path)
    return _Row(kind, path.parent.name, path.relative_to(root).as_posix(), status, reason)


def _lesson_status(notebook: dict, path: Path) -> tuple[str, str]:
    """Done when a code cell was run and saved, or an answer was recorded beside it."""
    code = [c for c in notebook.get("cells", []) if c.get("cell_type") == "code"]
    ran = sum(1 for c in code if c.get("execution_count") is not None)
    if ran:
        return "done", msg("progress.reason.ran", ran=ran, total=len(code))
    answers = _transcript_answers(path.parent)
    if answers:
        return "done", msg("progress.reason.transcript", count=answers)
    return "todo", msg("progress.reason.not_run")


def _assignment_status(notebook: dict, _path: Path) -> tuple[str, str]:
    """Done when every answer cell is filled in, started when some are."""
    answers = [
        c
        for c in notebook.get("cells", [])
        if c.get("metadata", {}).get("nbgrader", {}).get("solution")
    ]
    if not answers:
        return "todo", msg("progress.reason.no_answers")
    filled = sum(1 for c in answers if not (_untouched(c) or _unanswered(_source(c))))
    status = "done" if filled == len(answers) else "started" if filled else "todo"
    return status, msg("progress.reason.answers", filled=filled, total=len(answers))


def _untouched(cell: dict) -> bool:
    """Whether an answer cell is exactly as nbgrader released it.

    nbgrader stores a checksum of every answer cell in the released notebook (it gives
    0 points to an unchanged cell); it is recomputed here the way
    ``nbgrader.utils.compute_checksum`` does, without importing nbgrader.
    """
    meta = cell.get("metadata", {}).get("nbgrader", {})
    if not meta.get("checksum") or "grade_id" not in meta:
        return False
    digest = hashlib.md5(usedforsecurity=False)
    parts = [_source(cell), cell.get("cell_type", ""), str(bool(meta.get("grade", False)))]
    parts += [str(bool(meta.get("solution", False))), "False", meta["grade_id"]]
    if meta.get("grade"):
        parts.append(str(float(meta.get("points", 0))))
    for part in parts:
        digest.update(part.encode("utf-8"))
    return digest.hexdigest() == meta["checksum"]


def _unanswered(source: str) -> bool:
    """Whether an answer cell still holds only its stub (English or Vietnamese)."""
    if not source.strip() or _PLACEHOLDERS.search(source):
        return True
    if source.strip() == msg("grading.stub.text").strip():
        return True
    left = _EMPTY_ASSIGNMENT.sub("", source)
    return not [
        line for line in left.splitlines() if line.strip() and not line.lstrip().startswith("#")
    ]


def _notebooks(folder: Path, pattern: re.Pattern[str] | None) -> list[Path]:
    if not folder.is_dir():
        return []
    found = []
    for sub in sorted(p for p in folder.iterdir() if p.is_dir()):
        if pattern is not None and not pattern.match(sub.name):
            continue
        found += sorted(p for p in sub.glob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)
    return found


class Progress(pd.DataFrame):
    """The progress table; shows a Vietnamese summary and the next step in Jupyter."""

    _metadata = ["next_step", "root"]  # noqa: RUF012 - pandas reads this list by name

    def certificate(self, name: str, path: str | os.PathLike[str] = "giay_chung_nhan.docx",
                    *, unit: str | None = None) -> Path:  # fmt: skip
        """The self-study certificate (Word) once every assignment is done; else a
        Vietnamese message listing what is left (see :mod:`congdoan.certificate`)."""
        from .certificate import certificate

        columns = ("kind", "status", "notebook")
        kind, status, notebook = (msg(f"progress.column.{k}") for k in columns)
        rows = self[self[kind] == msg("progress.kind.assignment")]
        undone = rows[rows[status] != msg("progress.status.done")][notebook].tolist()
        if rows.empty or undone:
            listed = ", ".join(undone) or msg("certificate.no_assignments")
            raise InputError(msg("certificate.self_study_not_yet", notebooks=listed))
        return certificate(name, path, unit=unit, self_study=True)

    @property
    def _constructor(self):
        return pd.DataFrame  # slices and copies are ordinary tables

    def summary(self) -> str:
        status_col = msg("progress.column.status")
        kind_col = msg("progress.column.kind")
        parts = {}
        for kind in ("lesson", "assignment"):
            rows = self[self[kind_col] == msg(f"progress.kind.{kind}")]
            done = int((rows[status_col] == msg("progress.status.done")).sum())
            parts[kind] = (done, len(rows))
        return msg(
            "progress.summary",
            lessons_done=parts["lesson"][0],
            lessons=parts["lesson"][1],
            assignments_done=parts["assignment"][0],
            assignments=parts["assignment"][1],
        )

    def __str__(self) -> str:
        return "\n".join(
            [self.summary(), self.next_step, pd.DataFrame(self).to_string(index=False)]
        )

    def _repr_html_(self) -> str:
        table = pd.DataFrame(self).to_html(index=False, escape=True)
        return (
            f"<div><strong>{html.escape(self.summary())}</strong>"
            f"<p>➜ {html.escape(self.next_step)}</p>{table}</div>"
        )


def progress(root: str | os.PathLike[str] | None = None) -> Progress:
    """Lessons and assignments in the course folder and whether each is done.

    ``root`` is the course folder (the one holding ``modules/``); by default it is found
    from the current folder upwards. Columns: ``loại``, ``phần``, ``sổ tay``,
    ``trạng thái``, ``căn cứ``; ``.next_step`` says what to open next.
    """
    if root is not None and not isinstance(root, (str, os.PathLike)):
        raise InputError(msg("progress.input.not_path", type=type(root).__name__))
    base = _find_root(Path(root) if root is not None else Path.cwd()).resolve()
    if root is not None and not Path(root).is_dir():
        raise InputError(msg("progress.input.missing", path=root))
    lessons = _notebooks(base / "modules", _MODULE_DIR)
    rows = [_row("lesson", _lesson_status, p, base) for p in lessons]
    assignments = _notebooks(_assignment_folder(base), None)
    rows += [_row("assignment", _assignment_status, p, base) for p in assignments]
    columns = [
        msg(f"progress.column.{key}") for key in ("kind", "section", "notebook", "status", "reason")
    ]
    data = [
        (
            msg(f"progress.kind.{r.kind}"),
            r.section,
            r.notebook,
            msg(f"progress.status.{r.status}"),
            r.reason,
        )
        for r in rows
    ]
    table = Progress(data, columns=columns)
    table.next_step = _next_step(rows)
    table.root = base
    return table


def _assignment_folder(base: Path) -> Path:
    """The student versions (``bai_tap_hoc_vien/``) when the folder has them, else
    ``assignments/``: in a checkout of the repository ``assignments/`` holds the trainer's
    sources, answers filled in, which must not count as the trainee's work."""
    student = base / STUDENT_FOLDER
    return student if student.is_dir() else base / "assignments"


def _next_step(rows: list[_Row]) -> str:
    if not rows:
        return msg("progress.next.none")
    for row in rows:
        if row.status == "started":
            return msg("progress.next.finish", notebook=row.notebook)
    for row in rows:
        if row.status == "todo":
            key = "progress.next.lesson" if row.kind == "lesson" else "progress.next.assignment"
            return msg(key, notebook=row.notebook)
    return msg("progress.next.all_done")
