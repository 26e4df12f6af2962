"""A grading worker: ``python -m congdoan.course.worker COURSE_DIR ASSIGNMENT``.

Started by :mod:`congdoan.course.autograde` with a scrubbed environment. It reads one
trainee id per line (JSON) on stdin and answers one JSON line per submission on
stdout: ``{"done": id, "result": {"success": ..., "detail": ...}, "seconds": ...}``.
Anything else a library prints goes to stderr (the autograde log), never to the
protocol stream.
"""

from __future__ import annotations

import json
import logging
import os
import re
import sys
import time
import warnings
from pathlib import Path

LOCK_RETRIES = 3
#: nbgrader's words when a cell ran out of time and the kernel ignored the interrupt
TIMEOUT_MARKS = (
    "UnresponsiveKernelError",
    "kernel became unresponsive",
    "CellTimeoutError",
    "Timeout waiting for",
    "TimeoutError",
)


def main(argv: list[str] | None = None) -> int:
    root, assignment = (argv or sys.argv[1:])[:2]
    protocol = os.fdopen(os.dup(1), "w", encoding="utf-8", buffering=1)
    os.dup2(2, 1)  # stray prints (and the kernels' inherited stdout) go to the log
    sys.stdout = sys.stderr
    warnings.filterwarnings("ignore")
    logging.disable(logging.WARNING)

    from congdoan.course.coursedir import Course

    api = Course(Path(root)).api()
    protocol.write(json.dumps({"ready": True}) + "\n")
    for line in sys.stdin:
        student = json.loads(line)
        if student is None:
            break
        started = time.monotonic()
        result = grade_one(api, assignment, student)
        answer = {"done": student, "result": result, "seconds": time.monotonic() - started}
        protocol.write(json.dumps(answer, ensure_ascii=False) + "\n")
    return 0


#: Failures of the grading machinery, not of the trainee's work: worth another try.
#: A kernel can lose its port to another starting at the same moment (jupyter_client
#: picks ports before the kernel binds them; ipykernel#412), and SQLite may stay locked.
RETRY_MARKS = ("database is locked", "Kernel didn't respond", "Address already in use")


def grade_one(api, assignment: str, student: str) -> dict:
    """nbgrader's autograde for one trainee; retried on a locked gradebook or a kernel
    that failed to start, so a trainee never gets 0 for the grader's own trouble."""
    result: dict = {}
    for attempt in range(LOCK_RETRIES + 1):
        try:
            result = api.autograde(assignment, student, force=True, create=True)
        except Exception as exc:  # nbgrader normally reports errors in the result
            result = {"success": False, "error": f"{type(exc).__name__}: {exc}"}
        text = f"{result.get('log', '')}\n{result.get('error', '')}"
        if result.get("success") or not any(mark in text for mark in RETRY_MARKS):
            break
        time.sleep(0.5 * (attempt + 1))
    detail = ""
    text = f"{result.get('error', '')}\n{result.get('log', '')}"
    timed_out = any(mark in text for mark in TIMEOUT_MARKS)
    if not result.get("success"):
        detail = refusal_reason(f"{result.get('log', '')}\n{result.get('error', '')}")
    return {"success": bool(result.get("success")), "detail": detail, "timed_out": timed_out}


#: ``package.module.SomeError: what happened`` — the last line of a traceback
_EXCEPTION_LINE = re.compile(r"^(?:\[\w+\]\s*)?(?:[\w]+\.)*(\w*(?:Error|Exception)): (.+)$")
_GENERIC = ("Please see the", "There was an error processing", "may be corrupted")


def refusal_reason(text: str) -> str:
    """nbgrader's real reason for refusing a submission, not its ``[ERROR] Traceback`` line.

    nbgrader logs the first traceback (the cause, e.g. ``ValidationError: Duplicate grade
    id: a01_notice``), then generic lines; the first specific exception line is the reason.
    """
    for line in text.splitlines():
        match = _EXCEPTION_LINE.match(line.strip())
        if match and not any(generic in line for generic in _GENERIC):
            return f"{match.group(1)}: {match.group(2)}"[:300]
    lines = [
        line.strip()
        for line in text.splitlines()
        if line.strip()
        and not line.startswith(("Traceback", "  "))
        and not any(generic in line for generic in _GENERIC)
        and "Traceback" not in line
    ]
    return (lines or [""])[-1][:300]


if __name__ == "__main__":
    raise SystemExit(main())
