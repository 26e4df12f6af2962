"""congdoan.prompts.library: save, search, remove, export, import, safe writes."""

from __future__ import annotations

import json
import unicodedata

import pytest

from congdoan.errors import InputError
from congdoan.prompts import library
from congdoan.prompts.library import PromptLibrary


@pytest.fixture
def lib(tmp_path, monkeypatch):
    monkeypatch.setenv("CONGDOAN_PROMPT_LIBRARY", str(tmp_path / "tv" / "thu_vien.json"))
    lib = PromptLibrary()
    lib.save("Thông báo họp BCH", "Bạn là cán bộ công đoàn. Soạn thông báo họp...", ["thông báo"])
    lib.save(
        "Bài đăng Fanpage",
        "Viết bài đăng Fanpage về Tháng Công nhân",
        ("fanpage", "tuyên truyền"),
        note="dùng cho tháng 5",
    )
    return lib


def test_default_path_and_environment(tmp_path, monkeypatch):
    monkeypatch.delenv("CONGDOAN_PROMPT_LIBRARY", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    assert PromptLibrary().path == tmp_path / ".congdoan" / "thu_vien_cau_lenh.json"
    assert library.DEFAULT_PATH.name == "thu_vien_cau_lenh.json"


def test_save_writes_nfc_json_and_reloads(lib):
    data = json.loads(lib.path.read_text(encoding="utf-8"))
    assert [p["title"] for p in data["prompts"]] == ["Thông báo họp BCH", "Bài đăng Fanpage"]
    again = PromptLibrary(lib.path)
    assert again.get("bai dang fanpage").note == "dùng cho tháng 5"
    nfd = unicodedata.normalize("NFD", "Kế hoạch Tết Sum vầy")
    result = again.save(nfd, nfd)
    assert result.entry.title == "Kế hoạch Tết Sum vầy" and not result.replaced
    assert not list(lib.path.parent.glob(".tmp-*"))  # no temporary file left behind


def test_same_title_replaces(lib):
    result = lib.save("thong bao hop bch", "Bản mới")
    assert result.replaced and len(lib) == 2
    assert "cập nhật" in str(result)


def test_search_with_and_without_diacritics(lib):
    assert [e.title for e in lib.search("thong bao")] == ["Thông báo họp BCH"]
    assert [e.title for e in lib.search("Tháng Công nhân")] == ["Bài đăng Fanpage"]
    assert [e.title for e in lib.search(tags=["Tuyen truyen"])] == ["Bài đăng Fanpage"]
    assert lib.search("cán bộ", tags="fanpage") == []
    assert len(lib.search()) == 2


def test_privacy_warning_on_save(lib):
    result = lib.save("Gọi điện", "Liên hệ chị Lan, SĐT 0905 123 456.")
    assert result.warnings and "thông tin cá nhân" in result.warnings[0]
    assert "số điện thoại" in result.warnings[1]
    assert "!" in result._repr_html_()
    assert lib.save("Sạch", "Soạn thông báo họp").warnings == ()


def test_remove(lib):
    assert lib.remove("Bài đăng Fanpage").title == "Bài đăng Fanpage"
    assert len(PromptLibrary(lib.path)) == 1
    with pytest.raises(InputError, match="Không có câu lệnh"):
        lib.remove("Bài đăng Fanpage")


def test_export_markdown_and_import_round_trip(lib, tmp_path):
    md = lib.export_markdown(tmp_path / "thu_vien.md")
    text = md.read_text(encoding="utf-8")
    assert (
        "## Thông báo họp BCH" in text
        and "```text" in text
        and "*Thẻ: fanpage, tuyên truyền*" in text
    )
    other = PromptLibrary(tmp_path / "khac.json")
    assert other.import_file(md) == 2
    assert other.get("Bài đăng Fanpage").tags == ("fanpage", "tuyên truyền")
    assert other.get("Bài đăng Fanpage").note == "dùng cho tháng 5"
    assert other.import_file(lib.path) == 2 and len(other) == 2


def test_export_docx_opens_in_python_docx(lib, tmp_path):
    from docx import Document

    path = lib.export_docx(tmp_path / "thu_vien.docx")
    paragraphs = [p.text for p in Document(str(path)).paragraphs]
    assert "Thông báo họp BCH" in paragraphs
    assert "Viết bài đăng Fanpage về Tháng Công nhân" in paragraphs
    assert any(p.startswith("Thẻ: fanpage") for p in paragraphs)


def test_display(lib):
    assert "Thư viện câu lệnh: 2 câu lệnh" in str(lib)
    page = lib._repr_html_()
    assert "<ul>" in page and "tuyên truyền" in page
    empty = PromptLibrary(lib.path.parent / "rong.json")
    assert "trống" in str(empty) and "trống" in empty._repr_html_()


def test_bad_input(lib, tmp_path):
    with pytest.raises(InputError, match="tên câu lệnh"):
        lib.save("", "x")
    with pytest.raises(InputError, match=r"\.md"):
        lib.export_markdown(tmp_path / "a.txt")
    broken = tmp_path / "hong.json"
    broken.write_text("{not json", encoding="utf-8")
    with pytest.raises(InputError, match="không phải thư viện"):
        PromptLibrary(broken)
    with pytest.raises(InputError, match="Không tìm thấy"):
        lib.import_file(tmp_path / "khong_co.json")
