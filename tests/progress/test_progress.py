"""congdoan.progress: the done rule on lessons and assignments, and the next step."""

from __future__ import annotations

import json

import pytest

from congdoan.errors import InputError
from congdoan.progress import Progress, progress


def _notebook(path, cells):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}),
        encoding="utf-8",
    )


def _code(source, count=None, solution=False):
    metadata = {"nbgrader": {"solution": True, "grade": False}} if solution else {}
    return {
        "cell_type": "code",
        "source": source,
        "execution_count": count,
        "metadata": metadata,
        "outputs": [],
    }


@pytest.fixture
def course(tmp_path):
    _notebook(tmp_path / "modules/00_bat_dau/00_bat_dau.ipynb", [_code("ask('x')", 1), _code("y")])
    _notebook(tmp_path / "modules/01_chatgpt/01_chatgpt.ipynb", [_code("ask('x')")])
    (tmp_path / "modules/01_chatgpt/congdoan-transcript.jsonl").write_text(
        '{"a": 1}\n', encoding="utf-8"
    )
    _notebook(tmp_path / "modules/02_gemini/02_gemini.ipynb", [_code("ask('x')")])
    _notebook(tmp_path / "modules/notes/ghi_chu.ipynb", [_code("x", 1)])  # not a module folder
    _notebook(
        tmp_path / "modules/02_gemini/.ipynb_checkpoints/02_gemini-checkpoint.ipynb",
        [_code("x", 1)],
    )
    _notebook(
        tmp_path / "assignments/a01/a01.ipynb",
        [
            _code('cau_lenh = "Soạn thông báo họp BCH ngày 5/5"', solution=True),
            _code("# YOUR CODE HERE\nraise NotImplementedError()", solution=True),
        ],
    )
    _notebook(
        tmp_path / "assignments/a02/a02.ipynb",
        [_code('PROMPT = "[Thay nội dung này]"', solution=True)],
    )
    return tmp_path


def test_done_rule(course):
    table = progress(course)
    assert isinstance(table, Progress)
    assert table["sổ tay"].tolist() == [
        "modules/00_bat_dau/00_bat_dau.ipynb",
        "modules/01_chatgpt/01_chatgpt.ipynb",
        "modules/02_gemini/02_gemini.ipynb",
        "assignments/a01/a01.ipynb",
        "assignments/a02/a02.ipynb",
    ]
    assert table["trạng thái"].tolist() == ["đã làm", "đã làm", "chưa làm", "đang làm", "chưa làm"]
    assert table["căn cứ"].tolist()[0] == "đã chạy 1/2 ô mã và lưu lại"
    assert "1 câu trả lời AI" in table["căn cứ"].tolist()[1]
    assert table["căn cứ"].tolist()[3] == "đã điền 1/2 ô trả lời"


def test_next_step_and_display(course):
    table = progress(course)
    assert "assignments/a01/a01.ipynb" in table.next_step
    assert table.summary() == "Bạn đã làm 2/3 bài học và 0/2 bài tập."
    page = table._repr_html_()
    assert "Bạn đã làm 2/3 bài học" in page and "<table" in page and "➜" in page
    assert "Bước tiếp theo" in str(table)
    assert type(table.head(1)).__name__ == "DataFrame"


def test_root_found_from_a_subfolder(course, monkeypatch):
    monkeypatch.chdir(course / "modules" / "00_bat_dau")
    assert len(progress()) == 5


def test_all_done_and_empty(tmp_path, tmp_path_factory):
    _notebook(tmp_path / "modules/00_a/00_a.ipynb", [_code("x", 3)])
    assert "Chúc mừng" in progress(tmp_path).next_step
    empty = tmp_path_factory.mktemp("rong")
    assert "Chưa thấy bài học" in progress(empty).next_step
    with pytest.raises(InputError, match="khong_co"):
        progress(tmp_path / "khong_co")
    with pytest.raises(InputError, match="kiểu int"):
        progress(5)
