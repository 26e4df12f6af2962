"""Release an assignment: nbgrader's ``generate_assignment`` then ``release_assignment``."""

from __future__ import annotations

from ..errors import InputError
from ..i18n import msg

__all__ = ["release"]


def release(course, assignment: str, *, force: bool = False) -> tuple[int, bool]:
    """Generate the trainee version and put it in the exchange.

    Returns ``(number of notebooks, released to the exchange)``. The release copy never
    carries the trainer's own ``congdoan-transcript.jsonl`` (answers recorded while
    testing the assignment).
    """
    course.require_assignment(assignment)
    api = course.api()
    result = api.generate_assignment(assignment, force=True, create=True)
    if not result.get("success"):
        raise InputError(
            msg("course.release.generate_failed", name=assignment, detail=_last(result))
        )
    released = course.path("release", ".", assignment)
    for stray in released.rglob("congdoan-transcript.jsonl"):
        stray.unlink()
    overrides = {"ExchangeReleaseAssignment.force": True} if force else {}
    result = course.api(**overrides).release_assignment(assignment)
    if result is None:  # nbgrader has no exchange on Windows
        return len(course.notebooks(assignment)), False
    if not result.get("success"):
        detail = _last(result)
        if "already exists" in detail:
            raise InputError(msg("course.release.already", name=assignment))
        raise InputError(msg("course.release.release_failed", name=assignment, detail=detail))
    return len(course.notebooks(assignment)), True


def _last(result: dict) -> str:
    text = (result.get("error") or result.get("log") or "").strip()
    lines = [line for line in text.splitlines() if line.strip()]
    errors = [line for line in lines if line.startswith("[ERROR]")]
    return (errors or lines or [""])[-1].replace("[ERROR] ", "").strip()[:300]
