"""A beginner's slips in a real kernel: a Vietnamese box naming the fix, no traceback.

The kernel is started with the configuration file ``configure_lab`` writes (the very
file, passed as IPython's extra config file), so the first test shows that a cell run
before the set-up cell is handled without any set-up.
"""

from __future__ import annotations

import pytest
from nbclient import NotebookClient
from nbformat.v4 import new_code_cell, new_notebook

from congdoan.labsetup import configure_lab
from congdoan.notebook import slip_message

SLIPS = [
    # (cell source, words the message must contain)
    ('ask("Soạn thông báo họp")', ["ask", "Chuẩn bị"]),  # before the set-up cell
    ("from congdoan import ask, check", None),  # the set-up cell
    ('chek("Viết thông báo họp", "prompt")', ["check"]),  # misspelt name
    ('cau_lenh = """\nSoạn thông báo họp Ban Chấp hành\n', ['"""']),  # string left open
    ('ask("Soạn thông báo họp)', ["dấu ngoặc kép", 'ask("Soạn thông báo họp)']),  # quote
    ("ask(Soạn thông báo họp)", ["ngoài dấu ngoặc kép"]),  # no quotes at all
    ('ask("Soạn thông báo họp"', ["ngoặc"]),  # bracket never closed
    ("ten_chua_co", ["ten_chua_co", "Chạy tất cả"]),  # a name nobody made
    ("from congdoan import media\nmedia.postr('Tết')", ["media.poster"]),  # misspelt in a module
]


@pytest.fixture(scope="module")
def executed(tmp_path_factory):
    prefix = tmp_path_factory.mktemp("prefix")
    kernel_config = configure_lab(prefix).kernel_config
    notebook = new_notebook(cells=[new_code_cell(source) for source, _ in SLIPS])
    client = NotebookClient(
        notebook,
        timeout=60,
        kernel_name="python3",
        allow_errors=True,
        extra_arguments=[f"--IPKernelApp.extra_config_file={kernel_config}"],
    )
    client.execute()
    return notebook


@pytest.mark.parametrize("index", range(len(SLIPS)), ids=[s for s, _ in SLIPS])
def test_slip_shows_a_vietnamese_box_not_a_traceback(executed, index):
    cell = executed.cells[index]
    expected = SLIPS[index][1]
    kinds = [o.output_type for o in cell.outputs]
    assert "error" not in kinds, cell.outputs
    assert not [o for o in cell.outputs if o.output_type == "stream" and o.name == "stderr"]
    if expected is None:
        assert cell.outputs == []
        return
    shown = "".join(str(o.get("data", {}).get("text/html", "")) for o in cell.outputs)
    assert "Chưa chạy được" in shown and "Traceback" not in shown, shown
    import html

    for words in expected:
        assert words in html.unescape(shown), (words, shown)


def test_other_exceptions_keep_their_traceback():
    """A real bug stays visible: only slips and congdoan's own errors are boxed."""
    cells = ["import congdoan\n1 / 0", "'chữ'.khong_co()"]
    notebook = new_notebook(cells=[new_code_cell(source) for source in cells])
    NotebookClient(notebook, timeout=60, kernel_name="python3", allow_errors=True).execute()
    names = []
    for cell in notebook.cells:
        errors = [o for o in cell.outputs if o.output_type == "error"]
        assert errors, cell.source
        names.append(errors[0].ename)
    assert names == ["ZeroDivisionError", "AttributeError"]


def test_messages_in_english_too():
    from congdoan import i18n

    i18n.set_language("en")
    title, fix = slip_message(NameError("name 'ask' is not defined", name="ask"))
    assert "ask" in title and "Set-up" in fix
