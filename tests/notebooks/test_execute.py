"""Every lesson notebook runs top to bottom offline, and is committed without outputs."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[2]
LESSONS = sorted((ROOT / "modules").rglob("*.ipynb"))
LESSONS = [p for p in LESSONS if ".ipynb_checkpoints" not in p.parts]
ASSIGNMENTS = sorted((ROOT / "assignments").glob("*/*.ipynb"))


def _id(path: Path) -> str:
    return str(path.relative_to(ROOT))


def test_there_are_lessons_and_assignments():
    assert (ROOT / "modules" / "00_bat_dau" / "00_bat_dau.ipynb") in LESSONS
    assert len(ASSIGNMENTS) >= 3


@pytest.mark.parametrize("path", LESSONS + ASSIGNMENTS, ids=_id)
def test_committed_without_outputs(path):
    notebook = nbformat.read(path, as_version=4)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, _id(path)


@pytest.mark.slow
@pytest.mark.parametrize("path", LESSONS + ASSIGNMENTS, ids=_id)
def test_notebook_executes_offline(path, monkeypatch):
    """Lessons, and assignments as the trainer writes them (with their solutions)."""
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(
        notebook,
        timeout=120,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
    )
    client.execute()

    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        expected_error = "raises-exception" in cell.metadata.get("tags", [])
        kinds = [output.output_type for output in cell.outputs]
        assert "error" not in kinds, (cell.source, cell.outputs)
        streams = [o for o in cell.outputs if o.output_type == "stream"]
        assert all(o.name == "stdout" for o in streams), (cell.source, streams)
        if expected_error:
            shown = "".join(str(o.get("data", {}).get("text/html", "")) for o in cell.outputs)
            assert "Chưa chạy được" in shown and "Traceback" not in shown
