"""Fixtures for the grading tests: a real nbgrader course built from assignments/."""

from __future__ import annotations

import shutil
from pathlib import Path

import nbformat
import pytest

from congdoan.grading import nbgrader_settings

from .answers import ASSIGNMENTS, NAMES, variant

COURSE_ID = "congdoan"
KEYS = Path(__file__).resolve().parents[2] / "assignments"


@pytest.fixture(autouse=True)
def answer_keys(monkeypatch):
    """The grader's side: the answer keys beside the repository's assignments."""
    from congdoan.grading.keys import KEYS_VARIABLE

    monkeypatch.setenv(KEYS_VARIABLE, str(KEYS))


def nbgrader_config(root: Path):
    """The traitlets Config a trainer's nbgrader_config.py would hold."""
    from traitlets.config import Config

    config = Config(nbgrader_settings())
    config.CourseDirectory.root = str(root)
    config.CourseDirectory.course_id = COURSE_ID
    config.Execute.timeout = 120
    return config


def make_course(root: Path):
    """``source/<name>/`` copied from assignments/, generated with nbgrader's API."""
    from nbgrader.apps import NbGraderAPI

    for name in NAMES:
        shutil.copytree(ASSIGNMENTS / name, root / "source" / name)
    api = NbGraderAPI(config=nbgrader_config(root))
    for name in NAMES:
        result = api.generate_assignment(name, force=True, create=True)
        assert result["success"], result["log"]
    return api


def submit(root: Path, name: str, student: str, which: str, extra_files=None) -> Path:
    """Copy the released notebook to submitted/<student>/<name>/ and fill it like a trainee."""
    folder = root / "submitted" / student / name
    folder.mkdir(parents=True)
    notebook = nbformat.read(root / "release" / name / f"{name}.ipynb", as_version=4)
    answers = variant(name, which)
    for cell in notebook.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
        if grade_id in answers:
            cell.source = answers[grade_id]
    nbformat.write(notebook, folder / f"{name}.ipynb")
    for filename, text in (extra_files or {}).items():
        (folder / filename).write_text(text, encoding="utf-8")
    return folder


def scores(root: Path, name: str, student: str) -> dict[str, float | None]:
    """The autograder's score per grade cell (``None``: waits for the trainer)."""
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{root / 'gradebook.db'}", course_id=COURSE_ID) as gb:
        notebook = gb.find_submission_notebook(name, name, student)
        return {grade.name: grade.auto_score for grade in notebook.grades}


@pytest.fixture
def restore_cwd(monkeypatch):
    monkeypatch.chdir(Path.cwd())
