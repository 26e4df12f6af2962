"""`congdoan course collect --from`: notebooks sent by Zalo or e-mail, matched to the roster."""

from __future__ import annotations

import json
import os
import unicodedata
import zipfile

import pytest

from tests.course import classroom
from tests.course.conftest import invoke

PEOPLE = [
    ("HV001", "Nguyễn Văn An", "CĐCS A", ""),
    ("HV002", "Trần Thị Bình", "CĐCS A", ""),
    ("HV003", "Lê Hữu Chí", "CĐCS B", ""),
    ("HV004", "Phạm Ngọc Dung", "CĐCS B", ""),
    ("HV005", "Võ Minh Em", "CĐCS C", ""),
    ("HV006", "Đặng Thu Hà", "CĐCS C", ""),
]


@pytest.fixture
def course_with_roster(tiny_course, runner, tmp_path):
    path = classroom.roster_csv(tmp_path / "ds.csv", PEOPLE)
    assert invoke(runner, tiny_course, "roster", "import", str(path)).exit_code == 0
    return tiny_course


def _notebook(tiny_course, **metadata) -> bytes:
    source = tiny_course / "source" / classroom.TINY / f"{classroom.TINY}.ipynb"
    nb = json.loads(source.read_text(encoding="utf-8"))
    if metadata:
        nb["metadata"]["congdoan"] = metadata
    return json.dumps(nb, ensure_ascii=False).encode()


def test_zip_matches_by_id_name_and_content(course_with_roster, runner, tmp_path):
    root = course_with_roster
    archive = tmp_path / "zalo.zip"
    nfd = unicodedata.normalize("NFD", "Trần Thị Bình - bài 1.ipynb")
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("HV001_t01.ipynb", _notebook(root))
        z.writestr(nfd, _notebook(root))
        z.writestr("tai ve/le huu chi.ipynb", _notebook(root))
        z.writestr("NguyenVanAnh.ipynb", _notebook(root))  # not on the roster
        z.writestr("bai lam (1).ipynb", _notebook(root, ma_hoc_vien="HV004"))
        z.writestr("hong.ipynb", b'{"cells": [')
        z.writestr("ghi chu.ipynb", b'{"cells": [], "metadata": {}, "nbformat": 4}')
        z.writestr("__MACOSX/._HV001_t01.ipynb", b"junk")
        z.writestr("doc.txt", b"not a notebook")

    result = invoke(runner, root, "collect", classroom.TINY, "--from", str(archive))

    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "Thu bài: 4 tệp đã ghép với học viên, 1 tệp chưa ghép được, 2 tệp hỏng hoặc sai bài.",
        "  ✓ HV001_t01.ipynb → HV001 (mã học viên trong tên tệp)",
        f"  ✓ {nfd} → HV002 (họ tên trong tên tệp)",
        "  ✓ bai lam (1).ipynb → HV004 (mã học viên ghi trong bài)",
        "  ✓ tai ve/le huu chi.ipynb → HV003 (họ tên trong tên tệp)",
        "  ? NguyenVanAnh.ipynb: không tìm thấy mã học viên hay họ tên trong danh sách lớp; "
        "đổi tên tệp thành mã học viên rồi thu lại",
        "  ✗ ghi chu.ipynb: không phải sổ tay của bài t01_mau",
        "  ✗ hong.ipynb: tệp hỏng, không phải sổ tay Jupyter hợp lệ (JSON lỗi)",
    ]
    for student in ("HV001", "HV002", "HV003", "HV004"):
        folder = root / "submitted" / student / classroom.TINY
        assert (folder / f"{classroom.TINY}.ipynb").is_file()
        assert (folder / "timestamp.txt").read_text().endswith("UTC")
    assert not (root / "submitted" / "HV005").exists()


def test_folder_newest_file_wins_and_transcript_travels(course_with_roster, runner, tmp_path):
    root = course_with_roster
    inbox = tmp_path / "email"
    (inbox / "dang thu ha").mkdir(parents=True)
    old = inbox / "HV006 lan 1.ipynb"
    new = inbox / "dang thu ha" / "bai nop.ipynb"
    old.write_bytes(_notebook(root))
    new.write_bytes(_notebook(root, ho_ten="Đặng Thu Hà"))
    (inbox / "dang thu ha" / "congdoan-transcript.jsonl").write_text("{}\n", encoding="utf-8")
    os.utime(old, (1_700_000_000, 1_700_000_000))

    result = invoke(runner, root, "collect", classroom.TINY, "--from", str(inbox))

    assert (
        result.output.splitlines()[:4]
        == [
            "Thu bài: 1 tệp đã ghép với học viên, 0 tệp chưa ghép được, 0 tệp hỏng hoặc sai bài.",
            "  ✓ dang thu ha/bai nop.ipynb → HV006 (họ tên ghi trong bài)",
            "  ↺ HV006 lan 1.ipynb: có bản mới hơn của HV006, bỏ bản này",
        ][:3]
    )
    folder = root / "submitted" / "HV006" / classroom.TINY
    assert (folder / "congdoan-transcript.jsonl").read_text() == "{}\n"


def test_ambiguous_names_are_not_guessed(course_with_roster, runner, tmp_path):
    root = course_with_roster
    extra = classroom.roster_csv(tmp_path / "them.csv", [("HV007", "Nguyễn Văn An", "CĐCS D", "")])
    invoke(runner, root, "roster", "import", str(extra))
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "Nguyen Van An.ipynb").write_bytes(_notebook(root))
    result = invoke(runner, root, "collect", classroom.TINY, "--from", str(inbox))
    assert "  ? Nguyen Van An.ipynb: khớp với nhiều học viên (HV001, HV007); " in result.output


def test_collect_errors(course_with_roster, runner, tmp_path):
    result = invoke(runner, course_with_roster, "collect", "a99", "--from", str(tmp_path))
    assert result.exit_code == 1
    assert result.output == "Lỗi: Không có bài 'a99' trong source/. Các bài hiện có: t01_mau.\n"
    result = invoke(
        runner, course_with_roster, "collect", classroom.TINY, "--from", str(tmp_path / "x.zip")
    )
    assert result.output == f"Lỗi: Không tìm thấy {tmp_path / 'x.zip'}.\n"


def test_a_copied_notebook_with_someone_elses_id_replaces_nothing(
    course_with_roster, runner, tmp_path
):
    """HV003 sends HV002's notebook (metadata says HV002) under HV003's own name."""
    root = course_with_roster
    first = tmp_path / "dot1.zip"
    with zipfile.ZipFile(first, "w") as z:
        z.writestr("HV002.ipynb", _notebook(root, ma_hoc_vien="HV002", ghi_chu="bản gốc"))
    assert invoke(runner, root, "collect", classroom.TINY, "--from", str(first)).exit_code == 0
    kept = root / "submitted" / "HV002" / classroom.TINY / f"{classroom.TINY}.ipynb"
    original = kept.read_bytes()
    second = tmp_path / "dot2.zip"
    with zipfile.ZipFile(second, "w") as z:
        z.writestr("HV003 Le Huu Chi.ipynb", _notebook(root, ma_hoc_vien="HV002"))

    result = invoke(runner, root, "collect", classroom.TINY, "--from", str(second))

    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[1] == (
        "  ? HV003 Le Huu Chi.ipynb: xung đột: trong bài ghi mã HV002 nhưng tên tệp là của"
        " HV003; không thay bài của ai, hỏi lại học viên rồi thu lại"
    )
    assert kept.read_bytes() == original
    assert not (root / "submitted" / "HV003").exists()


def test_the_course_timezone_keeps_nbgraders_submission_names_readable(tiny_course):
    """nbgrader names a submission "id+assignment+timestamp+random" and splits on "+":
    the course's exchange timezone must not put a "+" in the timestamp ("+07")."""
    from nbgrader.exchange.default.collect import ExchangeCollect
    from nbgrader.exchange.default.submit import ExchangeSubmit
    from traitlets.config import PyFileConfigLoader

    config = PyFileConfigLoader("nbgrader_config.py", path=str(tiny_course)).load_config()
    submit = ExchangeSubmit(config=config)
    submit.set_timestamp()
    assert "+" not in submit.timestamp
    name = f"HV001+{classroom.TINY}+{submit.timestamp}+a1b2c3"
    record = ExchangeCollect(config=config)._path_to_record(f"/inbound/{name}")
    assert record["username"] == "HV001"
