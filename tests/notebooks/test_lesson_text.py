"""The text of every lesson: Vietnamese prose in NFC, one skeleton, no keys or model ids.

Trainees read the Markdown cells, so each must be Vietnamese (with diacritics) and in
NFC. Every module notebook after the start lesson follows the same headings, so a
trainee always knows where the practice and the web exercise are. Code cells name no
model (vendors retire them; the names live in ``congdoan.config.DEFAULTS``), hold no
key, define no helpers and install nothing.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import nbformat
import pytest

from congdoan.config import DEFAULTS, mask_secrets

ROOT = Path(__file__).resolve().parents[2]
LESSONS = sorted(
    p for p in (ROOT / "modules").rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts
)
START = ROOT / "modules" / "00_bat_dau" / "00_bat_dau.ipynb"
MODULE_FOLDER = re.compile(r"^(\d{2})_")
MODULES = [p for p in LESSONS if (m := MODULE_FOLDER.match(p.parent.name)) and int(m[1]) >= 1]

#: The H2 headings every module notebook has, in this order (others may sit between).
REQUIRED_HEADINGS = (
    "Mục tiêu",
    "Ví dụ mẫu",
    "Luyện tập",
    "Thực hành trên ứng dụng web",
    "Suy ngẫm",
    "Ghi nhớ",
)
VIETNAMESE = re.compile(
    "[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]", re.IGNORECASE
)
KEY_ASSIGNMENT = re.compile(r"(?i)\b\w*(api_?key|token|secret)\w*\s*=\s*[\"'][^\"']+[\"']")
ENV_WRITE = re.compile(r"os\.environ\s*\[[^\]]*\]\s*=|os\.environ\.(setdefault|update)\(|%env\b")
LINK = re.compile(r"\]\((?!https?:|#|mailto:)([^)\s]+)\)")


def _id(path: Path) -> str:
    return str(path.relative_to(ROOT))


def _cells(path: Path, kind: str) -> list[str]:
    notebook = nbformat.read(path, as_version=4)
    return [cell.source for cell in notebook.cells if cell.cell_type == kind]


def test_modules_01_to_05_are_there():
    names = {p.parent.name for p in MODULES}
    assert {"01_chatgpt", "02_gemini", "03_copilot", "04_deepseek", "05_so_sanh"} <= names


@pytest.mark.parametrize("path", LESSONS, ids=_id)
def test_markdown_is_vietnamese_nfc(path):
    for source in _cells(path, "markdown"):
        assert source.strip(), f"{_id(path)}: empty Markdown cell"
        assert unicodedata.is_normalized("NFC", source), f"{_id(path)}: not NFC: {source[:80]!r}"
        assert VIETNAMESE.search(source), f"{_id(path)}: no Vietnamese prose: {source[:80]!r}"


@pytest.mark.parametrize("path", MODULES, ids=_id)
def test_module_follows_the_skeleton(path):
    sources = _cells(path, "markdown")
    lines = [line.strip() for source in sources for line in source.splitlines()]
    titles = [line for line in lines if line.startswith("# ")]
    number = int(MODULE_FOLDER.match(path.parent.name)[1])
    assert titles and titles[0].startswith(f"# Bài {number}. "), (_id(path), titles[:1])
    assert sources[0].lstrip().startswith("# "), f"{_id(path)}: the title comes first"
    headings = [line[3:].strip() for line in lines if line.startswith("## ")]
    found = [h for h in headings if h in REQUIRED_HEADINGS]
    assert found == list(REQUIRED_HEADINGS), (_id(path), headings)


@pytest.mark.parametrize("path", LESSONS, ids=_id)
def test_code_has_no_keys_model_ids_or_helpers(path):
    models = {row.model for row in DEFAULTS.values()}
    for source in _cells(path, "code"):
        assert mask_secrets(source) == source, f"{_id(path)}: something shaped like a key"
        assert not KEY_ASSIGNMENT.search(source), f"{_id(path)}: a key in a cell"
        assert not ENV_WRITE.search(source), f"{_id(path)}: settings belong in .env"
        for model in models:
            assert model not in source, f"{_id(path)}: model id {model!r} in a code cell"
        for line in source.splitlines():
            stripped = line.lstrip()
            assert not stripped.startswith(("def ", "class ", "!", "%pip")), (
                f"{_id(path)}: helpers live in congdoan, the environment in the repository: {line}"
            )
            assert "sys.path" not in line, f"{_id(path)}: congdoan is installed, no sys.path"


#: Version-like model ids (vendors retire them; lessons name providers and families only).
MODEL_ID = re.compile(
    r"(?i)\b(gpt-\d[\w.\-]*|gemini-\d[\w.\-]*|deepseek-(chat|reasoner|r1\b[\w.:\-]*|v\d[\w.\-]*)"
    r"|claude-\d[\w.\-]*|imagen-\d[\w.\-]*|dall-e[\w\-]*|[\w.\-]+:\d+(\.\d+)?b\b)"
)


@pytest.mark.parametrize("path", LESSONS, ids=_id)
def test_lessons_never_name_a_model(path):
    """Issue 13: prose and code name providers and families, never a model id."""
    models = {row.model for row in DEFAULTS.values()}
    for source in _cells(path, "markdown") + _cells(path, "code"):
        found = MODEL_ID.search(source)
        assert not found, f"{_id(path)}: model id {found[0]!r}"
        assert not [m for m in models if m in source], f"{_id(path)}: a default model id"


@pytest.mark.parametrize("path", LESSONS, ids=_id)
def test_links_to_lessons_and_assignments_resolve(path):
    for source in _cells(path, "markdown"):
        for target in LINK.findall(source):
            resolved = (path.parent / target.split("#")[0]).resolve()
            course = {ROOT / "modules", ROOT / "assignments", ROOT / "bai_tap_hoc_vien"}
            in_course = course & set(resolved.parents)
            if in_course:
                assert resolved.exists(), f"{_id(path)}: broken link {target}"


def test_start_lesson_maps_the_course():
    text = "\n".join(_cells(START, "markdown"))
    for module in MODULES:
        assert f"../{module.parent.name}/{module.name}" in text, f"no link to {_id(module)}"
    for assignment in ("a01_thong_bao", "a02_ke_hoach", "a03_bai_dang"):
        assert f"../../bai_tap_hoc_vien/{assignment}" in text  # the student version
        assert f"../../assignments/{assignment}" not in text  # never the source with answers
