"""Each assignment through nbgrader's real API: generate, submit, autograde, validate.

One course is built per module run; every variant of every assignment is submitted by
its own synthetic trainee and autograded in one go, with the OpenAI provider chosen,
no key set and its endpoint pointed at a local vendor server that must see nothing.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import nbformat
import pytest

from congdoan import record
from congdoan.grading import ASSIGNMENTS
from congdoan.providers.base import Message

from ..vendor_server import VendorServer
from .answers import EXPECTED, NAMES, reference, source_notebook
from .conftest import make_course, nbgrader_config, scores, submit

pytestmark = [
    pytest.mark.slow,
    pytest.mark.filterwarnings("ignore::sqlalchemy.exc.SAWarning"),  # harmless, see jupyter-stack
]

VARIANTS = ("solution", "partial", "empty", "default_stub", "broken")
RECORDED = "BẢN NHÁP GHI LẠI TỪ CHATGPT: thông báo Lễ phát động Tháng Công nhân"
REPLAY_STUDENT = "hv_replay"


def _a01_prompt() -> str:
    namespace: dict[str, object] = {}
    exec(reference("a01_thong_bao")["a01_answer_prompt"], namespace)
    return namespace["prompt"]


def _transcript_line(prompt: str) -> str:
    messages = (Message("user", prompt),)
    key = record.conversation_key(messages, {})
    recording = record.Recording(key=key, provider="openai", model="gpt-test", text=RECORDED)
    return recording.to_json(messages, {}) + "\n"


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    """Autograde every (assignment, variant) plus a replay submission; yield the results."""
    root = tmp_path_factory.mktemp("course")
    server = VendorServer().start()
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(root)
        # nbgrader runs the `alembic` command: find it beside this Python, activated or not
        mp.setenv("PATH", os.pathsep.join([str(Path(sys.executable).parent), os.environ["PATH"]]))
        mp.delenv("CONGDOAN_TRANSCRIPT", raising=False)  # the transcript beside each notebook
        mp.delenv("OPENAI_API_KEY", raising=False)
        mp.setenv("CONGDOAN_PROVIDER", "openai")
        mp.setenv("CONGDOAN_OPENAI_BASE_URL", server.url + "/v1")
        api = make_course(root)
        results = {}
        for name in NAMES:
            for which in VARIANTS:
                student = f"hv_{which}"
                submit(root, name, student, which)
                results[name, which] = api.autograde(name, student, force=True, create=True)
        transcript = {"congdoan-transcript.jsonl": _transcript_line(_a01_prompt())}
        submit(root, "a01_thong_bao", REPLAY_STUDENT, "solution", transcript)
        results["a01_thong_bao", "replay"] = api.autograde(
            "a01_thong_bao", REPLAY_STUDENT, force=True, create=True
        )
        yield root, api, results, server
    server.stop()


def _autograded(root, name, student):
    return nbformat.read(root / "autograded" / student / name / f"{name}.ipynb", as_version=4)


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("which", VARIANTS)
def test_autograde_scores(graded, name, which):
    root, _, results, _ = graded
    assert results[name, which]["success"], results[name, which]["log"]
    got = scores(root, name, f"hv_{which}")
    assignment = ASSIGNMENTS[name[:3]]
    auto = {part.grade_id for part in assignment.parts}
    got = {k: v for k, v in got.items() if k in auto}
    if which in EXPECTED[name]:
        assert got == EXPECTED[name][which]
    else:  # empty, default_stub, broken: nothing earned, nothing crashed
        assert got == dict.fromkeys(auto, 0.0)


@pytest.mark.parametrize("name", NAMES)
def test_manual_cells_wait_for_the_trainer(graded, name):
    root, _, _, _ = graded
    manual = set(ASSIGNMENTS[name[:3]].manual)
    got = scores(root, name, "hv_solution")
    assert manual <= set(got)
    assert all(got[grade_id] is None for grade_id in manual)  # a trainer grades these
    assert all(scores(root, name, "hv_empty")[grade_id] == 0 for grade_id in manual)


@pytest.mark.parametrize("name", NAMES)
def test_grading_cells_write_nothing_to_stderr(graded, name):
    root, _, _, _ = graded
    for which in VARIANTS:
        for cell in _autograded(root, name, f"hv_{which}").cells:
            if cell.cell_type == "code" and cell.metadata.get("nbgrader", {}).get("grade"):
                kinds = {(o.output_type, o.get("name")) for o in cell.outputs}
                assert ("stream", "stderr") not in kinds
                # only a trainee who deleted an answer variable gets a NameError (still 0)
                assert ("error", None) not in kinds or which == "broken"


def test_hidden_parts_print_only_points(graded):
    root, _, _, _ = graded
    for cell in _autograded(root, "a03_bai_dang", "hv_partial").cells:
        if cell.metadata.get("nbgrader", {}).get("grade_id") == "a03_hidden_guard":
            text = "".join(o.get("text", "") for o in cell.outputs if o.output_type == "stream")
            assert "Phần chấm ẩn" in text and "1,5/2" in text
            assert "thông tin cá nhân:" not in text.lower() and "✗" not in text
            break
    else:
        pytest.fail("no hidden guard cell")


@pytest.mark.parametrize(
    ("name", "grade_id", "shown"),
    [
        ("a04_hinh_anh_video", "a04_hidden_sync", "1/2"),
        ("a05_thong_tin", "a05_hidden_correction", "2/3"),
    ],
)
def test_later_hidden_parts_print_only_points(graded, name, grade_id, shown):
    root, _, _, _ = graded
    for cell in _autograded(root, name, "hv_partial").cells:
        if cell.metadata.get("nbgrader", {}).get("grade_id") == grade_id:
            text = "".join(o.get("text", "") for o in cell.outputs if o.output_type == "stream")
            assert "Phần chấm ẩn" in text and f"{shown} điểm" in text
            assert "✗" not in text and "15/6/2026" not in text and "giây" not in text
            break
    else:
        pytest.fail(f"no {grade_id} cell")


def test_recorded_reply_is_replayed_without_network(graded):
    root, _, results, server = graded
    assert results["a01_thong_bao", "replay"]["success"]
    notebook = _autograded(root, "a01_thong_bao", REPLAY_STUDENT)
    shown = json.dumps([cell.get("outputs", []) for cell in notebook.cells], ensure_ascii=False)
    assert RECORDED in shown
    assert scores(root, "a01_thong_bao", REPLAY_STUDENT)["a01_notice"] == 4
    assert server.requests == []  # no student's ask() reached the provider


@pytest.mark.parametrize("name", NAMES)
def test_validate_passes_on_the_solution(graded, name, monkeypatch):
    from nbgrader.validator import Validator

    root, _, _, _ = graded
    monkeypatch.delenv("CONGDOAN_TRANSCRIPT", raising=False)
    result = Validator(config=nbgrader_config(root)).validate(
        str(root / "source" / name / f"{name}.ipynb")
    )
    assert result == {}, result


@pytest.mark.parametrize("name", NAMES)
def test_release_hides_solutions_and_hidden_tests(graded, name):
    root, _, _, _ = graded
    path = root / "release" / name / f"{name}.ipynb"
    released = "\n".join(c.source for c in nbformat.read(path, as_version=4).cells)
    assert "BEGIN SOLUTION" not in released and "BEGIN HIDDEN TESTS" not in released
    source = source_notebook(name)
    for cell in source.cells:
        if "### BEGIN SOLUTION" in cell.source:
            region = cell.source.split("### BEGIN SOLUTION")[1].split("### END SOLUTION")[0]
            assert region.strip() not in released
    assert sum("BEGIN HIDDEN TESTS" in c.source for c in source.cells) >= 1


@pytest.mark.parametrize("name", ["a05_thong_tin", "a06_du_lieu_thanh_vien"])
def test_answer_keys_stay_with_the_trainer(graded, name):
    """The key is in source/ (the grader reads it), never released nor copied to a submission."""
    root, _, _, _ = graded
    assert (root / "source" / name / "dap_an.json").is_file()
    assert (root / "release" / name).is_dir()
    assert not list((root / "release").rglob("dap_an.json"))
    assert not list((root / "autograded").rglob("dap_an.json"))
