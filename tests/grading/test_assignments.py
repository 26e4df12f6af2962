"""The assignment specs, the self-check, and the source notebooks agree with each other."""

from __future__ import annotations

import contextlib
import io

import pandas as pd
import pytest

from congdoan.grading import ASSIGNMENTS, SelfCheck, grade_part, kiem_tra, nbgrader_settings

from .answers import ASSIGNMENTS as FOLDER
from .answers import EXPECTED, NAMES, source_notebook, variant


def _context(cell) -> str | None:
    """The source of a setup cell or a plain cell that reads data (magics dropped); else None.

    Cells that call ``ask()`` are left out: no answer depends on them.
    """
    meta = cell.metadata.get("nbgrader", {})
    if cell.cell_type != "code" or "ask(" in cell.source:
        return None
    if meta and not meta.get("grade_id", "").endswith("_setup"):
        return None
    return "\n".join(line for line in cell.source.splitlines() if not line.startswith("%"))


def _answers(name: str, which: str) -> dict[str, object]:
    """Run a variant's answer cells as the kernel would (a broken cell just stops).

    The setup cell and the cells that read the assignment's data files run too, in order
    and in the assignment's folder, so answers that use ``danh_sach`` or ``khao_sat`` work.
    """
    namespace: dict[str, object] = {"pd": pd}
    answers = variant(name, which)
    with contextlib.chdir(FOLDER / name), contextlib.redirect_stdout(io.StringIO()):
        for cell in source_notebook(name).cells:
            grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
            source = answers[grade_id] if grade_id in answers else _context(cell)
            if source is None:
                continue
            with contextlib.suppress(BaseException):
                exec(source, namespace)
    return namespace


def _grade_all(name: str, which: str) -> dict[str, float]:
    a = ASSIGNMENTS[name[:3]]
    ns = _answers(name, which)
    with contextlib.redirect_stdout(io.StringIO()):
        return {
            p.grade_id: grade_part(a.id, p.name, **{v: ns[v] for v in p.variables if v in ns})
            for p in a.parts
        }


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("which", ["solution", "partial"])
def test_documented_scores_in_process(name, which):
    assert _grade_all(name, which) == EXPECTED[name][which]


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("which", ["empty", "default_stub", "broken"])
def test_empty_and_broken_answers_get_zero(name, which):
    assert set(_grade_all(name, which).values()) == {0.0}


def test_grade_part_names_the_empty_variable(capfd):
    assert grade_part("a02", "total", ke_hoach=None, van_ban="") == 0.0
    out, err = capfd.readouterr()
    assert "ke_hoach" in out and "van_ban" in out and err == ""


def test_unknown_part_or_assignment_is_a_value_error():
    with pytest.raises(ValueError):
        grade_part("a01", "no_such_part", draft="x")
    with pytest.raises(ValueError):
        kiem_tra("a09")


def test_self_check_runs_only_visible_parts(capfd):
    ns = _answers("a03_bai_dang", "partial")
    result = kiem_tra("a03", bai_facebook=ns["bai_facebook"], tin_zalo=ns["tin_zalo"])
    out, err = capfd.readouterr()
    assert out == "" and err == ""  # it shows itself; it prints nothing
    assert isinstance(result, SelfCheck)
    assert [part.name for part, _, _ in result.parts] == ["facebook", "zalo"]
    assert "zalo.privacy" not in result  # the privacy guard is a hidden part
    assert result.points == 4.0  # facebook 1 + zalo 3, as the grading cells give
    assert "facebook.call_to_action" in result.failed_codes
    html = result._repr_html_()
    assert "Bài đăng Fanpage" in html and "4/6" in html
    assert "Tổng điểm bài là 10" in str(result)


def test_self_check_of_an_empty_notebook_says_what_to_fill():
    result = kiem_tra("a02", ke_hoach=pd.DataFrame(), van_ban="\n")
    assert result.points == 0 and not result.ok
    assert "Bảng ke_hoach chưa có hoạt động nào" in str(result)
    assert "Biến van_ban đang trống" in str(result)


def test_self_check_takes_the_same_answers_as_the_notebook():
    ns = _answers("a01_thong_bao", "solution")
    result = kiem_tra("a01", prompt=ns["prompt"], draft=ns["draft"])
    assert result.ok and result.points == 6.0


# --------------------------------------------------------------------------- notebooks


def _cells(name: str) -> dict[str, dict]:
    out = {}
    for cell in source_notebook(name).cells:
        meta = cell.metadata.get("nbgrader")
        if meta:
            assert meta["grade_id"] not in out, meta["grade_id"]
            out[meta["grade_id"]] = {"cell": cell, **meta}
    return out


@pytest.mark.parametrize("name", NAMES)
def test_notebook_grade_cells_match_the_spec(name):
    a = ASSIGNMENTS[name[:3]]
    cells = _cells(name)
    assert a.folder == name
    for part in a.parts:
        meta = cells[part.grade_id]
        assert meta["grade"] and meta["locked"] and not meta["solution"]
        assert meta["points"] == part.points and meta["schema_version"] == 3
        source = meta["cell"].source
        assert f'grade_part("{a.id}", "{part.name}"' in source
        assert ("### BEGIN HIDDEN TESTS" in source) == part.hidden
    for grade_id, points in a.manual.items():
        meta = cells[grade_id]
        assert meta["cell"].cell_type == "markdown"
        assert meta["grade"] and meta["solution"] and meta["points"] == points
    graded = {gid for gid, m in cells.items() if m["grade"]}
    assert graded == {p.grade_id for p in a.parts} | set(a.manual)


@pytest.mark.parametrize("name", NAMES)
def test_answer_cells_start_from_something_that_runs(name):
    a = ASSIGNMENTS[name[:3]]
    answers = {gid: m for gid, m in _cells(name).items() if m["solution"] and not m["grade"]}
    assigned = set()
    for meta in answers.values():
        head = meta["cell"].source.split("### BEGIN SOLUTION")[0]
        assert "### END SOLUTION" in meta["cell"].source
        namespace: dict[str, object] = {"pd": pd}
        exec(head, namespace)  # the lines a trainee starts from
        assigned |= {v for v in a.variables if v in namespace}
    assert assigned == set(a.variables)


@pytest.mark.parametrize("name", NAMES)
def test_committed_without_outputs_and_without_a_transcript(name):
    for cell in source_notebook(name).cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None
    assert not list((FOLDER / name).glob("*.jsonl")), "a transcript would overwrite the trainee's"


def test_nbgrader_settings_keep_the_trainees_transcript():
    settings = nbgrader_settings()
    excluded = settings["Autograde"]["exclude_overwriting"]
    assert set(excluded) == set(NAMES)
    assert all(files == ["congdoan-transcript.jsonl"] for files in excluded.values())
    assert "raise" not in settings["ClearSolutions"]["code_stub"]["python"]


def test_readme_documents_every_grade_id_and_variable():
    readme = (FOLDER / "README.md").read_text(encoding="utf-8")
    for a in ASSIGNMENTS.values():
        for grade_id in [*(p.grade_id for p in a.parts), *a.manual]:
            assert f"`{grade_id}`" in readme, grade_id
        for variable in a.variables:
            assert f"`{variable}`" in readme, variable


# --------------------------------------------------------------------------- a04-a06 keys


def test_a05_notebook_shows_the_graded_texts():
    """The trainee reads in markdown exactly the sources and AI answer that are graded."""
    from congdoan.grading.materials import A05_AI_ANSWER, A05_SOURCES

    shown = "\n".join(c.source for c in source_notebook("a05_thong_tin").cells)
    for text in [*A05_SOURCES.values(), A05_AI_ANSWER]:
        for line in text.splitlines():
            assert f"> {line}" in shown, line


def test_a05_answer_has_exactly_the_planted_errors():
    from congdoan.facts import verify
    from congdoan.grading.keys import a05_errors
    from congdoan.grading.materials import A05_AI_ANSWER, A05_SOURCES

    report = verify(A05_AI_ANSWER, A05_SOURCES)
    assert report.counts["contradicted"] == 2 and report.counts["outdated"] == 1
    # every value of the answer that is right matches no error
    right = ["7h30", "03/5/2026", "1.000.000 đồng", "04/5/2026", "tháng 5/2026", "300", "10/6"]
    assert not any(is_error(value) for value in right for is_error in a05_errors())


def test_a06_keys_match_the_data_files():
    from congdoan.forms import clean_members, read_form, survey_summary
    from congdoan.grading.keys import a06_members, a06_survey
    from congdoan.grading.materials import A06_UNITS

    A06_MEMBERS, A06_SURVEY = a06_members(), a06_survey()

    folder = FOLDER / "a06_du_lieu_thanh_vien"
    members = clean_members(
        read_form(folder / "danh_sach_doan_vien.csv"), units={u: u for u in A06_UNITS}
    ).df
    assert dict(zip(members["Số CCCD"], members["Họ và tên"], strict=True)) == A06_MEMBERS
    assert set(members["Đơn vị"]) == set(A06_UNITS)
    survey = read_form(folder / "khao_sat_bua_an_ca.csv")
    assert len(survey) == 16  # one member submitted twice
    survey = survey.sort_values("Dấu thời gian").drop_duplicates("Họ và tên", keep="last")
    questions = list(survey.columns[3:5])
    summary = survey_summary(survey, questions, multi=[questions[1]])
    for label, question in zip(A06_SURVEY, questions, strict=True):
        part = summary[summary["câu hỏi"] == question]
        assert dict(zip(part["câu trả lời"], part["số lượt"], strict=True)) == A06_SURVEY[label]


def test_a06_raw_files_need_cleaning():
    """The messy list fails every check, so each cleaning step earns something."""
    from congdoan.forms import read_form

    raw = read_form(FOLDER / "a06_du_lieu_thanh_vien" / "danh_sach_doan_vien.csv")
    with contextlib.redirect_stdout(io.StringIO()):
        assert grade_part("a06", "clean", sach=raw) == 0
        assert grade_part("a06", "members", sach=raw) == 0
        assert grade_part("a06", "redact", an_danh=raw) == 0.5  # only the unit column is fine
