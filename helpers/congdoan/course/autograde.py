"""Autograde a whole class in parallel, with a status per submission.

nbgrader grades one submission after another. Here N worker processes each hold one
``NbGraderAPI`` (started once, so a submission costs its kernel, not a new Python) and
call nbgrader's own ``autograde`` for one trainee at a time, so the grades are the
ones nbgrader computes. The parent process only dispatches, watches and reports:

* **timeouts** — nbgrader interrupts a cell after ``Execute.timeout`` (course config);
  a submission that still runs after ``--timeout`` seconds (a loop that ignores the
  interrupt, a kernel that hangs) is killed with its kernel, its grades are set to 0
  and its status is "quá thời gian"; a fresh worker takes its place;
* **the gradebook** — SQLite, shared by the workers. nbgrader's transactions are short;
  every connection waits up to 120 s for the lock (``gradebook.install_busy_timeout``)
  and a submission that still meets "database is locked" is graded again. A killed
  worker is never inside a transaction for long, and SQLite rolls an interrupted one back;
* **keys** — workers (and so the kernels they start) get an environment without any
  provider key or ``.env`` and with ``CONGDOAN_REPLAY=1``; nbgrader sets
  ``NBGRADER_EXECUTION`` itself, so ``congdoan.ask`` replays and never calls an AI;
* **statuses** — read from the submitted and the autograded notebooks: ok, lỗi cú pháp,
  quá thời gian, thiếu ô trả lời, ô kiểm tra bị sửa, tệp hỏng, ... (see ``STATUSES``),
  saved to ``.congdoan/autograde-<NAME>.json`` for the report.

>>> outcomes = autograde(course, "a01_thong_bao", workers=2)  # doctest: +SKIP
"""

from __future__ import annotations

import contextlib
import json
import os
import queue
import re
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from ..errors import InputError
from ..i18n import msg
from .roster import load_roster

__all__ = ["STATUSES", "Outcome", "autograde", "load_outcomes", "worker_environment"]

#: Status codes, most serious first; the first one found is the submission's status.
STATUSES = (
    "not_on_roster", "corrupt", "timeout", "grading_failed", "syntax_error", "tampered_test",
    "missing_answer", "missing_notebook", "runtime_error", "huge_output", "empty", "ok",
)  # fmt: skip
_SYNTAX = {"SyntaxError", "IndentationError", "TabError"}
_TIMEOUT = {"CellTimeoutError", "KeyboardInterrupt", "TimeoutError"}
_TRUNCATED = "... Output truncated ..."
_SECRET_NAME = re.compile(r"(API_KEY|APIKEY|_TOKEN|_SECRET|PASSWORD|ACCESS_KEY)$", re.IGNORECASE)
DEFAULT_TIMEOUT = 300.0


@dataclass
class Outcome:
    student: str
    statuses: list[str] = field(default_factory=list)
    score: float | None = None
    max_score: float | None = None
    seconds: float = 0.0
    detail: str = ""

    @property
    def status(self) -> str:
        ranked = [s for s in STATUSES if s in self.statuses]
        return ranked[0] if ranked else "ok"

    def label(self) -> str:
        """``ô kiểm tra bị sửa, thiếu ô trả lời`` (most serious first)."""
        ranked = [s for s in STATUSES if s in self.statuses] or ["ok"]
        return ", ".join(msg(f"course.status.{s}") for s in ranked)


# -- the parent ----------------------------------------------------------------------------


def autograde(
    course,
    assignment: str,
    *,
    workers: int | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    students: list[str] | None = None,
    on_result: Callable[[int, int, Outcome], None] | None = None,
    on_warning: Callable[[str], None] | None = None,
) -> list[Outcome]:
    """Grade every submission of ``assignment`` (or only ``students``); returns outcomes.

    ``on_warning`` receives, in Vietnamese, that submissions run unsandboxed (once,
    where bubblewrap is missing) and any gradebook score this run did not set.
    """
    from .gradebook import changes, install_busy_timeout, open_gradebook, snapshot
    from .sandbox import unsandboxed_warning

    install_busy_timeout()
    course.require_assignment(assignment)
    submitted = course.path("submitted")
    found = sorted(
        p.parent.name
        for p in submitted.glob(f"*/{assignment}")
        if p.is_dir() and not p.parent.name.startswith(".")
    )
    if students:
        found = [s for s in found if s in set(students)]
    if not found:
        raise InputError(msg("course.autograde.nothing", name=assignment))
    with open_gradebook(course) as gradebook:
        try:
            reference = _reference(course, gradebook, assignment)
        except Exception:  # nbgrader's MissingEntry: not generated yet
            raise InputError(msg("course.errors.not_released", name=assignment)) from None

    roster = {t.ma_hoc_vien for t in load_roster(course)}
    outcomes: dict[str, Outcome] = {}
    jobs: list[str] = []
    for student in found:
        outcome = Outcome(student)
        if roster and student not in roster:
            outcome.statuses.append("not_on_roster")
            outcomes[student] = outcome
            continue
        outcome.statuses.extend(_precheck(course.path("submitted", student, assignment), reference))
        outcomes[student] = outcome
        if "corrupt" in outcome.statuses:
            _clear_grades(course, assignment, student)
        else:
            jobs.append(student)

    total = len(found)
    done = 0
    for outcome in outcomes.values():  # the ones decided without running anything
        if outcome.student not in jobs:
            done += 1
            if on_result:
                on_result(done, total, outcome)

    def finished(student: str, result: dict, seconds: float) -> None:
        nonlocal done
        outcome = outcomes[student]
        outcome.seconds = round(seconds, 2)
        if result.get("killed"):
            outcome.statuses.append("timeout")
            outcome.detail = msg("course.autograde.killed", seconds=int(timeout))
            shutil.rmtree(course.path("autograded", student, assignment), ignore_errors=True)
            _clear_grades(course, assignment, student)
        elif not result.get("success") and result.get("timed_out"):
            outcome.statuses.append("timeout")  # the kernel ignored nbgrader's interrupt
            outcome.detail = msg("course.autograde.unresponsive")
            _clear_grades(course, assignment, student)
        elif not result.get("success"):
            outcome.statuses.append("grading_failed")
            outcome.detail = result.get("detail", "")
            _clear_grades(course, assignment, student)
        else:
            found = _postcheck(course.path("autograded", student, assignment), reference)
            if "empty" in outcome.statuses:  # an untouched notebook fails wherever it runs
                found = [s for s in found if s != "runtime_error"]
            outcome.statuses.extend(found)
        _fill_score(course, assignment, outcome)
        done += 1
        if on_result:
            on_result(done, total, outcome)

    workers = max(1, min(workers or os.cpu_count() or 1, len(jobs) or 1))
    warning = unsandboxed_warning() if jobs else None
    if warning and on_warning:
        on_warning(warning)
    before = snapshot(course.db_path)
    if jobs:
        _run_pool(course.root, assignment, jobs, workers, timeout, finished)
    foreign = changes(before, snapshot(course.db_path), assignment, set(found))
    if foreign and on_warning:
        on_warning(msg("integrity.gradebook_changed", count=len(foreign), first=foreign[0]))

    ordered = [outcomes[s] for s in found]
    for outcome in ordered:
        if not outcome.statuses:
            outcome.statuses.append("ok")
    _save_outcomes(course, assignment, ordered)
    return ordered


def _run_pool(root: Path, assignment: str, jobs: list[str], workers: int, timeout, finished):
    log_path = Path(root) / ".congdoan" / f"autograde-{assignment}.log"
    log_path.parent.mkdir(exist_ok=True)
    log = log_path.open("ab")
    messages: queue.Queue = queue.Queue()
    pending = list(jobs)
    environment = worker_environment(root)

    def spawn() -> _Worker:
        return _Worker.start(root, assignment, environment, log, messages)

    pool = [spawn() for _ in range(workers)]
    try:
        while pending or any(w.job for w in pool):
            for worker in pool:
                if worker.ready and worker.job is None and pending:
                    worker.give(pending.pop(0))
            try:
                worker, message = messages.get(timeout=0.2)
            except queue.Empty:
                worker, message = None, None
            if worker is not None and worker in pool:
                if message is None:  # the worker died (out of memory, a crash)
                    student = worker.job
                    worker.kill()
                    pool[pool.index(worker)] = spawn()
                    if student:
                        finished(student, {"success": False, "detail": "worker died"}, 0.0)
                elif message.get("ready"):
                    worker.ready = True
                elif "done" in message:
                    worker.job = None
                    finished(message["done"], message["result"], message["seconds"])
            now = time.monotonic()
            for index, worker in enumerate(pool):
                if worker.job and now - worker.started > timeout:
                    student, seconds = worker.job, now - worker.started
                    worker.kill()
                    pool[index] = spawn()
                    finished(student, {"killed": True}, seconds)
    finally:
        for worker in pool:
            worker.stop()
        log.close()


class _Worker:
    """One ``python -m congdoan.course.worker`` process; JSON lines over stdin/stdout.

    A separate interpreter (not ``multiprocessing``): it starts with its own, scrubbed
    environment, and never re-imports the caller's ``__main__``.
    """

    def __init__(self, process: subprocess.Popen, messages: queue.Queue) -> None:
        self.process = process
        self.ready = False
        self.job: str | None = None
        self.started = 0.0
        self._reader = threading.Thread(target=self._read, args=(messages,), daemon=True)
        self._reader.start()

    @classmethod
    def start(cls, root, assignment, environment, log, messages) -> _Worker:
        process = subprocess.Popen(
            [sys.executable, "-m", "congdoan.course.worker", str(root), assignment],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=log,
            env=environment,
            cwd=str(root),
        )
        return cls(process, messages)

    def _read(self, messages: queue.Queue) -> None:
        for line in self.process.stdout:
            try:
                messages.put((self, json.loads(line)))
            except ValueError:
                continue
        messages.put((self, None))

    def give(self, student: str) -> None:
        self.job, self.started = student, time.monotonic()
        self.process.stdin.write((json.dumps(student) + "\n").encode())
        self.process.stdin.flush()

    def kill(self) -> None:
        """Kill the worker and everything it started (the notebook's kernel included)."""
        import psutil

        try:
            parent = psutil.Process(self.process.pid)
            family = [*parent.children(recursive=True), parent]
        except psutil.Error:
            family = []
        for process in family:
            with contextlib.suppress(psutil.Error):
                process.kill()
        psutil.wait_procs(family, timeout=5)
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(timeout=5)
        self.job = None

    def stop(self) -> None:
        if self.process.poll() is None and self.job is None:
            try:
                self.process.stdin.write(b"null\n")
                self.process.stdin.flush()
                self.process.wait(timeout=15)
            except (OSError, ValueError, subprocess.TimeoutExpired):
                pass
        if self.process.poll() is None:
            self.kill()
        for stream in (self.process.stdin, self.process.stdout):
            with contextlib.suppress(OSError):
                stream.close()


def worker_environment(root: Path, environ: dict | None = None) -> dict[str, str]:
    """The environment of a worker and the kernels it starts: no key, no ``.env``, replay."""
    environ = dict(os.environ if environ is None else environ)
    clean = {name: value for name, value in environ.items() if not _is_secret(name)}
    clean["CONGDOAN_ENV_FILE"] = str(Path(root) / ".congdoan" / "khong-dung-khoa.env")
    clean["CONGDOAN_REPLAY"] = "1"
    clean.pop("CONGDOAN_TRANSCRIPT", None)
    clean["PYTHONIOENCODING"] = "utf-8"
    scripts = str(Path(sys.executable).parent)  # nbgrader runs `alembic`; kernels need python
    clean["PATH"] = scripts + os.pathsep + clean.get("PATH", "")
    return clean


def _is_secret(name: str) -> bool:
    from ..config import DEFAULTS

    keys = {k for row in DEFAULTS.values() for k in row.key_variables}
    upper = name.upper()
    return (
        name in keys
        or bool(_SECRET_NAME.search(name))
        or upper.startswith("AZURE_OPENAI")
        or upper in ("OPENAI_BASE_URL", "GOOGLE_APPLICATION_CREDENTIALS")
    )


# -- what a notebook tells about its submission -------------------------------------------


def _reference(course, gradebook, assignment: str) -> dict:
    """What the trainees received: cell ids from the gradebook, cell checksums from
    ``release/`` (the gradebook's checksums are of the source version: a test cell with
    hidden tests never matches them, which is nbgrader's "checksum has changed" noise)."""
    import nbformat
    from nbgrader.utils import compute_checksum

    reference = {}
    for notebook in gradebook.find_assignment(assignment).notebooks:
        tests = {c.name for c in notebook.grade_cells} - {c.name for c in notebook.solution_cells}
        locked = {c.name for c in notebook.source_cells if c.locked}
        released = course.path("release", ".", assignment) / f"{notebook.name}.ipynb"
        checksums = {}
        if released.is_file():
            for cell in nbformat.read(released, as_version=4).cells:
                grade_id = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
                if grade_id:
                    checksums[grade_id] = compute_checksum(cell)
        reference[notebook.name] = {
            "solutions": {c.name for c in notebook.solution_cells},
            "locked_tests": {n: checksums.get(n) for n in sorted(tests & locked)},
            "checksums": checksums,
        }
    return reference


def _precheck(folder: Path, reference: dict) -> list[str]:
    import nbformat

    statuses: list[str] = []
    for name, ref in reference.items():
        path = folder / f"{name}.ipynb"
        if not path.is_file():
            statuses.append("missing_notebook")
            continue
        try:
            nb = nbformat.read(path, as_version=4)
            nbformat.validate(nb)
        except Exception:  # JSON or schema errors: the file is broken
            statuses.append("corrupt")
            continue
        cells = {}
        for cell in nb.cells:
            grade_id = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
            if grade_id:
                cells[grade_id] = cell
        if ref["solutions"] - set(cells):
            statuses.append("missing_answer")
        for grade_id, checksum in ref["locked_tests"].items():
            cell = cells.get(grade_id)
            if cell is None or (checksum is not None and not _unchanged(cell, checksum)):
                statuses.append("tampered_test")  # edited or deleted; nbgrader restores it
                break
        answers = [cells[s] for s in ref["solutions"] if s in cells]
        if answers and all(_unchanged(c, ref["checksums"].get(_gid(c))) for c in answers):
            statuses.append("empty")
    return sorted(set(statuses), key=STATUSES.index)


def _gid(cell) -> str:
    return cell.metadata.nbgrader.grade_id


def _unchanged(cell, checksum) -> bool:
    from nbgrader.utils import compute_checksum

    try:
        return checksum is not None and compute_checksum(cell) == checksum
    except Exception:
        return False


def _postcheck(folder: Path, reference: dict) -> list[str]:
    import nbformat

    statuses: set[str] = set()
    for name in reference:
        path = folder / f"{name}.ipynb"
        if not path.is_file():
            continue
        nb = nbformat.read(path, as_version=4)
        for cell in nb.cells:
            if cell.cell_type != "code":
                continue
            is_test = cell.metadata.get("nbgrader", {}).get("grade") and not cell.metadata.get(
                "nbgrader", {}
            ).get("solution")
            for output in cell.get("outputs", []):
                if output.get("output_type") == "error":
                    ename = output.get("ename", "")
                    if ename in _SYNTAX:
                        statuses.add("syntax_error")
                    elif ename in _TIMEOUT:
                        statuses.add("timeout")
                    elif not is_test and ename != "NotImplementedError":
                        statuses.add("runtime_error")
                elif output.get("output_type") == "stream" and _TRUNCATED in output.get("text", ""):
                    statuses.add("huge_output")
    return sorted(statuses, key=STATUSES.index)


# -- gradebook and saved outcomes ----------------------------------------------------------


def _clear_grades(course, assignment: str, student: str) -> None:
    """A submission that could not be graded scores 0 (not "needs manual grading")."""
    from .gradebook import open_gradebook

    with open_gradebook(course) as gradebook:
        try:
            submission = gradebook.find_submission(assignment, student)
        except Exception:
            return
        for notebook in submission.notebooks:
            for grade in notebook.grades:
                grade.auto_score = 0
                grade.needs_manual_grade = False
        gradebook.db.commit()


def _fill_score(course, assignment: str, outcome: Outcome) -> None:
    from .gradebook import open_gradebook

    with open_gradebook(course) as gradebook:
        try:
            submission = gradebook.find_submission(assignment, outcome.student)
        except Exception:
            return
        outcome.score = round(float(submission.score), 2)
        outcome.max_score = round(float(submission.max_score), 2)


def _outcomes_file(course, assignment: str) -> Path:
    return course.state_dir / f"autograde-{assignment}.json"


def _save_outcomes(course, assignment: str, outcomes: list[Outcome]) -> None:
    path = _outcomes_file(course, assignment)
    saved = {}
    if path.is_file():
        saved = json.loads(path.read_text(encoding="utf-8"))
    for outcome in outcomes:
        saved[outcome.student] = asdict(outcome)
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps(saved, ensure_ascii=False, indent=1), encoding="utf-8")
    temporary.replace(path)


def load_outcomes(course, assignment: str) -> dict[str, Outcome]:
    """The statuses saved by the last ``autograde`` runs of ``assignment``."""
    path = _outcomes_file(course, assignment)
    if not path.is_file():
        return {}
    return {k: Outcome(**v) for k, v in json.loads(path.read_text(encoding="utf-8")).items()}
