"""Student versions of the assignments for self-study: nbgrader's own generate step.

The repository's ``assignments/`` are the trainer's *source* notebooks: they hold the
solutions, the hidden tests and filled answer cells. A trainee who studies alone must
never be sent there, so the repository also keeps what nbgrader's ``generate_assignment``
makes of them (the very notebooks a classroom trainee fetches), in
``bai_tap_hoc_vien/<assignment>/``. The course map and lesson 14 link those.

``bai_tap_hoc_vien/NGUON.json`` records a hash of every source file each version was made
from, so a test can say "stale, regenerate" in a fraction of a second; a slow test
regenerates and compares the notebooks themselves.

    python -m congdoan.student_versions        # regenerate after changing an assignment
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sys
import tempfile
from pathlib import Path

__all__ = [
    "MANIFEST",
    "STUDENT_FOLDER",
    "generate",
    "manifest_for",
    "source_assignments",
    "stale",
]

STUDENT_FOLDER = "bai_tap_hoc_vien"
MANIFEST = "NGUON.json"
# dap_an.json: the trainer's answer keys (congdoan.grading.keys), never given to trainees
_SKIPPED = {".ipynb_checkpoints", "__pycache__", "congdoan-transcript.jsonl", "dap_an.json"}


def _repository() -> Path:
    return Path(__file__).resolve().parents[2]


def source_assignments(root: Path | None = None) -> list[Path]:
    """The assignment folders (those holding a notebook) under ``root/assignments``."""
    base = (root or _repository()) / "assignments"
    return sorted(p for p in base.iterdir() if p.is_dir() and any(p.glob("*.ipynb")))


def _files(folder: Path) -> list[Path]:
    return sorted(
        p
        for p in folder.rglob("*")
        if p.is_file() and not (_SKIPPED & set(p.relative_to(folder).parts))
    )


def manifest_for(root: Path | None = None) -> dict[str, dict[str, str]]:
    """``{assignment: {file: sha256}}`` of the current sources."""
    return {
        folder.name: {
            p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in _files(folder)
        }
        for folder in source_assignments(root)
    }


def stale(root: Path | None = None) -> list[str]:
    """Assignments whose student version is missing or made from other sources."""
    root = root or _repository()
    path = root / STUDENT_FOLDER / MANIFEST
    recorded = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    current = manifest_for(root)
    names = sorted(set(current) | set(recorded))
    return [
        name
        for name in names
        if recorded.get(name) != current.get(name)
        or not any((root / STUDENT_FOLDER / name).glob("*.ipynb"))
    ]


def generate(root: Path | None = None, target: Path | None = None) -> list[str]:
    """Run nbgrader's ``generate_assignment`` on every assignment into ``target``.

    The run uses a throw-away course directory made by ``congdoan course init`` (the
    same configuration as a classroom: Vietnamese answer stubs), so the student version
    is exactly what a classroom trainee fetches. Returns the assignment names.
    """
    from .course.coursedir import init_course

    root = root or _repository()
    target = target or root / STUDENT_FOLDER
    with tempfile.TemporaryDirectory(prefix="congdoan-generate-") as scratch:
        course, _ = init_course(
            Path(scratch) / "lop", course_id="tu-hoc", source=root / "assignments"
        )
        api = course.api()
        names = [folder.name for folder in source_assignments(root)]
        for name in names:
            result = api.generate_assignment(name, force=True, create=True)
            if not result.get("success"):
                raise RuntimeError(f"generate_assignment {name} failed: {result.get('log')}")
        if target.exists():
            shutil.rmtree(target)
        target.mkdir(parents=True)
        for name in names:
            shutil.copytree(
                course.path("release", ".", name),
                target / name,
                ignore=shutil.ignore_patterns(*_SKIPPED),
            )
    (target / MANIFEST).write_text(
        json.dumps(manifest_for(root), ensure_ascii=False, indent=1, sort_keys=True) + "\n",
        encoding="utf-8",
    )
    return names


if __name__ == "__main__":
    print("\n".join(generate(Path(sys.argv[1]) if len(sys.argv) > 1 else None)))
