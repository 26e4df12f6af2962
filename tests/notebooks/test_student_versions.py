"""Self-study without answers: the student versions are nbgrader's, current, and linked.

``bai_tap_hoc_vien/`` holds what nbgrader's ``generate_assignment`` makes of
``assignments/`` (no solutions, no hidden tests). The fast tests read the manifest of
source hashes and the notebooks; the slow ones regenerate and run the self-check.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from congdoan import student_versions
from congdoan.grading import nbgrader_settings

ROOT = Path(__file__).resolve().parents[2]
STUDENT = ROOT / student_versions.STUDENT_FOLDER
VERSIONS = sorted(STUDENT.glob("*/*.ipynb"))
SOURCES = sorted((ROOT / "assignments").glob("*/*.ipynb"))
LESSONS = sorted(
    p for p in (ROOT / "modules").rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts
)
LINK = re.compile(r"\]\(([^)\s]+)\)")
REGENERATE = "python -m congdoan.student_versions"


def _id(path: Path) -> str:
    return str(path.relative_to(ROOT))


def test_every_assignment_has_a_current_student_version():
    assert len(VERSIONS) == len(SOURCES) >= 6
    assert student_versions.stale(ROOT) == [], f"student versions are stale: run {REGENERATE}"


def test_no_answer_key_file_is_shipped():
    """Files holding the trainer's answers (``dap_an.json``) stay out of the student versions."""
    shipped = {p.name for p in STUDENT.rglob("*") if p.is_file()}
    assert not {name for name in shipped if name.startswith("dap_an")}, shipped


def test_a_changed_source_is_reported_stale(tmp_path):
    """The staleness check itself can fail: a copy with one edited source is stale."""
    import shutil

    shutil.copytree(ROOT / "assignments", tmp_path / "assignments")
    shutil.copytree(STUDENT, tmp_path / student_versions.STUDENT_FOLDER)
    manifest = tmp_path / student_versions.STUDENT_FOLDER / student_versions.MANIFEST
    manifest.write_text(json.dumps(student_versions.manifest_for(tmp_path)), encoding="utf-8")
    assert student_versions.stale(tmp_path) == []
    first = SOURCES[0]
    edited = tmp_path / first.relative_to(ROOT)
    edited.write_text(edited.read_text(encoding="utf-8") + " ", encoding="utf-8")
    assert student_versions.stale(tmp_path) == [first.parent.name]


@pytest.mark.parametrize("path", VERSIONS, ids=_id)
def test_student_version_holds_no_answers(path):
    text = path.read_text(encoding="utf-8")
    for marker in ("BEGIN SOLUTION", "END SOLUTION", "BEGIN HIDDEN TESTS", "BEGIN MARK SCHEME"):
        assert marker not in text, f"{_id(path)}: {marker}"
    notebook = nbformat.read(path, as_version=4)
    stub = nbgrader_settings()["ClearSolutions"]["code_stub"]["python"].strip()
    solutions = [c for c in notebook.cells if c.metadata.get("nbgrader", {}).get("solution")]
    assert solutions, f"{_id(path)}: no answer cell"
    for cell in solutions:
        if cell.cell_type == "code":
            assert stub.splitlines()[0] in cell.source, (_id(path), cell.source[:200])
    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None


@pytest.mark.parametrize("path", LESSONS, ids=_id)
def test_lessons_link_no_source_assignment(path):
    notebook = nbformat.read(path, as_version=4)
    for cell in notebook.cells:
        if cell.cell_type != "markdown":
            continue
        for target in LINK.findall(cell.source):
            assert "assignments/" not in target, f"{_id(path)} links a source notebook: {target}"


def test_course_map_and_lesson_14_link_every_student_version():
    for lesson in ("00_bat_dau/00_bat_dau.ipynb", "14_tu_hoc/14_tu_hoc.ipynb"):
        path = ROOT / "modules" / lesson
        text = "\n".join(
            c.source for c in nbformat.read(path, as_version=4).cells if c.cell_type == "markdown"
        )
        for version in VERSIONS:
            link = f"../../{version.relative_to(ROOT).as_posix()}"
            assert link in text, f"{lesson} does not link {link}"


def test_course_documents_link_no_source_assignment():
    for name in ("de_cuong.md", "thoi_khoa_bieu.md"):
        text = (ROOT / "course" / name).read_text(encoding="utf-8")
        for target in LINK.findall(text):
            assert "assignments/" not in target, f"course/{name}: {target}"


@pytest.mark.slow
def test_regenerating_gives_the_committed_notebooks(tmp_path):
    student_versions.generate(ROOT, tmp_path)
    made = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*") if p.is_file())
    kept = sorted(p.relative_to(STUDENT) for p in STUDENT.rglob("*") if p.is_file())
    assert made == kept
    for relative in made:
        assert (tmp_path / relative).read_bytes() == (STUDENT / relative).read_bytes(), (
            f"{relative} differs: run {REGENERATE}"
        )


@pytest.mark.slow
@pytest.mark.parametrize("path", VERSIONS, ids=_id)
def test_self_check_runs_on_the_student_version(path, tmp_path):
    """A trainee opening the blank version runs it top to bottom: cells that need an
    answer say so in a Vietnamese box (no traceback), and the self-check shows a checklist."""
    notebook = nbformat.read(path, as_version=4)
    NotebookClient(
        notebook,
        timeout=120,
        kernel_name="python3",
        allow_errors=True,  # an empty answer may stop a cell: with a box, not a traceback
        resources={"metadata": {"path": str(path.parent)}},
    ).execute()
    shown = []
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            assert output.output_type != "error", (cell.source, output)
            shown.append(str(output.get("data", {}).get("text/html", "")))
    assert any("kiem_tra" in c.source for c in notebook.cells if c.cell_type == "code")
    assert any("✗" in html for html in shown), "an empty answer must show what to fix"
