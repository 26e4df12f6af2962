"""In a kernel, a grading cell publishes its check results for the class report,
invisibly and without changing nbgrader's score."""

from __future__ import annotations

import pytest
from nbclient import NotebookClient
from nbformat.v4 import new_code_cell, new_notebook
from nbgrader.utils import determine_grade

from congdoan.grading.core import CHECKS_MIME


@pytest.mark.slow
def test_grading_cell_publishes_checks_and_nbgrader_still_scores_the_number():
    cell = new_code_cell(
        'from congdoan.grading import grade\ngrade("viết thông báo họp", points=2, kind="prompt")'
    )
    cell.metadata["nbgrader"] = {"grade": True, "grade_id": "t", "points": 2, "solution": False,
                                 "locked": True, "schema_version": 3}  # fmt: skip
    notebook = new_notebook(cells=[cell])
    NotebookClient(notebook, timeout=60, kernel_name="python3").execute()

    outputs = notebook.cells[0].outputs
    published = [o for o in outputs if o.output_type == "display_data" and CHECKS_MIME in o.data]
    assert len(published) == 1 and published[0].data["text/plain"] == ""
    codes = {c["code"]: c["ok"] for c in published[0].data[CHECKS_MIME]["checks"]}
    assert codes["task"] is True and codes["audience"] is False
    score, max_score = determine_grade(notebook.cells[0])
    result = next(o for o in outputs if o.output_type == "execute_result")
    assert score == float(result.data["text/plain"]) < max_score == 2
