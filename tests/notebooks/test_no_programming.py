"""No programming for trainees: the only code a trainee edits is a string.

An *exercise cell* is a code cell the lesson asks the trainee to change: the Markdown
just above it says "sửa ... trong ô", "dán ... vào giữa hai dấu", "đổi số"..., or the
cell holds a paste placeholder ("Dán ... vào đây"). In such a cell everything the
trainee touches must be the value of a top-level string assignment
(``cau_lenh = \"\"\"...\"\"\"``): no tuples, dict entries, DataFrame rows, list indexes,
``.loc``, or numbers to edit (tables are edited in ``TableEditor``). The count of lines
a trainee would have to edit outside strings is printed and must be zero.

Code a trainee need not read is collapsed (``jupyter.source_hidden``) and announced by a
one-line Vietnamese caption at the end of the Markdown cell above it.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[2]
LESSONS = sorted(
    p for p in (ROOT / "modules").rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts
)
EDIT = re.compile(
    r"(?i)(?<!không cần )(giữa hai (dấu|cặp dấu)|sửa [^.\n]*(trong|ở) ô|sửa ô|sửa bảng"
    r"|thay [^.\n]*(trong|ở) ô|đổi số|sửa số|điền [^.\n]*vào ô lệnh)"
)
NUMBER_EDIT = re.compile(r"(?i)(đổi số|sửa số|đổi con số)")
PASTE = re.compile(r"(?i)dán [^\"']* vào đây")
CAPTION = re.compile(r"^\*\(Ô lệnh đã thu gọn: .{10,160}\)\*$")


def _id(path: Path) -> str:
    return str(path.relative_to(ROOT))


def _exercise_cells(path: Path) -> list[tuple[int, str, str]]:
    """``(index, source, instruction)`` of every cell the lesson asks the trainee to edit."""
    notebook = nbformat.read(path, as_version=4)
    found, above = [], ""
    for index, cell in enumerate(notebook.cells):
        if cell.cell_type == "markdown":
            above = cell.source
            continue
        instruction = EDIT.search(above)
        if instruction or PASTE.search(cell.source):
            found.append((index, cell.source, instruction[0] if instruction else "dán"))
        above = ""
    return found


def _editable_lines_outside_strings(source: str, instruction: str) -> list[str]:
    """Lines a trainee would have to edit that are not a top-level string assignment."""
    tree = ast.parse(source)
    lines = source.splitlines()
    strings = set()
    for node in tree.body:
        if (
            isinstance(node, ast.Assign)
            and len(node.targets) == 1
            and isinstance(node.targets[0], ast.Name)
            and isinstance(node.value, ast.Constant)
            and isinstance(node.value.value, str)
        ):
            strings |= set(range(node.lineno, node.end_lineno + 1))
    offending = []
    if NUMBER_EDIT.search(instruction):
        offending.append(f"the instruction asks to change a number: {instruction!r}")
    for node in ast.walk(tree):
        literal = isinstance(node, ast.Constant) and isinstance(node.value, (str, int, float))
        if literal and node.lineno not in strings:
            text = lines[node.lineno - 1]
            if isinstance(node.value, str) and (
                PASTE.search(node.value) or "\n" in node.value.strip() or len(node.value) > 40
            ):
                offending.append(text)  # text to edit, but not a top-level string
            elif isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
                if isinstance(node.value, bool):
                    continue
                parent_is_call_keyword = False
                for other in ast.walk(tree):
                    if isinstance(other, ast.keyword) and other.value is node:
                        parent_is_call_keyword = True
                if not parent_is_call_keyword:
                    offending.append(text)  # a number in a tuple, list, index
    for node in ast.walk(tree):
        if isinstance(node, (ast.Dict, ast.List, ast.Tuple)) and any(
            isinstance(e, ast.Constant) and isinstance(e.value, str) and len(e.value) > 20
            for e in ast.walk(node)
        ):
            offending.append(lines[node.lineno - 1])  # texts to edit inside a structure
    return sorted(set(offending))


@pytest.mark.parametrize("path", LESSONS, ids=_id)
def test_exercise_cells_ask_to_edit_strings_only(path):
    for index, source, instruction in _exercise_cells(path):
        offending = _editable_lines_outside_strings(source, instruction)
        assert not offending, f"{_id(path)} cell {index} ({instruction!r}): {offending}"


def test_count_of_code_lines_a_trainee_must_edit_is_zero(capsys):
    total, per_lesson = 0, {}
    for path in LESSONS:
        count = sum(
            len(_editable_lines_outside_strings(source, instruction))
            for _, source, instruction in _exercise_cells(path)
        )
        per_lesson[path.parent.name] = count
        total += count
    exercises = sum(len(_exercise_cells(p)) for p in LESSONS)
    with capsys.disabled():
        print(f"\nexercise cells: {exercises}; code lines to edit outside strings: {total}")
    assert exercises >= 20  # the lessons do have exercises
    assert total == 0, per_lesson


def test_the_rule_catches_the_old_kinds_of_exercise():
    """The checks can fail: a dict of pasted texts, tuples of a script, a .loc fix."""
    cases = {
        "đổi số": 'check(bang.text[0], "facebook")',
        "giữa hai dấu": 'bai = {"ChatGPT": """Dán bài của ChatGPT vào đây."""}',
        "sửa số giây trong ô": 'k = media.script_table([(12, "Toàn cảnh nhà máy", "x", "y")])',
        "sửa trong ô": 'bang.loc[5, "Bắt đầu"] = "10h00"\nbang.loc[6, "Kinh phí"] = 1',
    }
    for instruction, source in cases.items():
        assert _editable_lines_outside_strings(source, instruction), source
    ok = 'cau_lenh = """\nViết thông báo.\n"""\ncheck(cau_lenh, "câu lệnh")'
    assert _editable_lines_outside_strings(ok, "giữa hai dấu") == []


@pytest.mark.parametrize("path", LESSONS, ids=_id)
def test_collapsed_code_has_a_caption(path):
    notebook = nbformat.read(path, as_version=4)
    hidden = 0
    for index, cell in enumerate(notebook.cells):
        if cell.cell_type == "code" and cell.metadata.get("jupyter", {}).get("source_hidden"):
            hidden += 1
            above = notebook.cells[index - 1]
            last = above.source.strip().splitlines()[-1] if above.cell_type == "markdown" else ""
            assert CAPTION.match(last), f"{_id(path)} cell {index}: no caption above ({last!r})"


def test_set_up_cells_are_collapsed_in_the_lessons():
    collapsed = 0
    for path in LESSONS:
        notebook = nbformat.read(path, as_version=4)
        first_code = next(c for c in notebook.cells if c.cell_type == "code")
        collapsed += bool(first_code.metadata.get("jupyter", {}).get("source_hidden"))
    assert collapsed >= 10, collapsed
