"""The course's lab configuration: Vietnamese strings merged into the pack, trainer tools
hidden, the slip handler loaded by every kernel. Written into a temporary prefix that
holds a copy of the installed Vietnamese language pack."""

from __future__ import annotations

import json
import re
import shutil
import unicodedata
from importlib.util import find_spec
from pathlib import Path

import pytest

from congdoan.labsetup import (
    ASSIGNMENT_LIST,
    KERNEL_EXTENSION,
    TRAINER_EXTENSIONS,
    configure_lab,
    course_translations,
)

PACK = Path(find_spec("jupyterlab_language_pack_vi_VN").origin).parent
MESSAGES = Path("locale/vi_VN/LC_MESSAGES")

#: What a trainee meets in lessons 01 and 09: the Run and Kernel menus, the cell menus,
#: the notebook toolbar, the restart dialog and the status bar (JupyterLab 4.6 msgids).
TRAINEE_STRINGS = (
    "Run Selected Cell", "Run Selected Cell and Insert Below",
    "Run Selected Cell and Do not Advance",
    "Run All Above Selected Cell", "Run Selected Cell and All Below", "Render All Markdown Cells",
    "Run All Cells", "Restart Kernel and Run All Cells…", "Restart Kernel…",
    "Restart Kernel and Clear Outputs of All Cells…", "Restart Kernel and Run up to Selected Cell…",
    "Change Kernel…", "Interrupt the kernel", "Restart the kernel and run all cells",
    "Restart Kernel?", "Do you want to restart the kernel of %1? All variables will be lost.",
    "Cut Cell", "Copy Cell", "Paste Cell Below", "Delete Cell", "Undo Cell Operation",
    "Clear Cell Output", "Clear Outputs of All Cells", "Insert a cell below",
    "Select the cell type",
    "Cell %1/%2", "Command", "Idle", "Busy", "Last Checkpoint: %1", "Markdown",
)  # fmt: skip


@pytest.fixture
def prefix(tmp_path: Path) -> Path:
    """A prefix holding a copy of the installed pack, laid out like a venv."""
    target = tmp_path / "lib" / "python3.11" / "site-packages" / PACK.name
    shutil.copytree(PACK / MESSAGES, target / MESSAGES)
    return tmp_path


def _catalogue(prefix: Path, domain: str = "jupyterlab") -> dict:
    path = prefix / "lib/python3.11/site-packages" / PACK.name / MESSAGES / f"{domain}.json"
    return json.loads(path.read_text(encoding="utf-8"))


def test_the_installed_pack_lacks_the_run_menu():
    """Why the course completes the pack: without it "Run All Cells" is English."""
    original = PACK / MESSAGES / "jupyterlab.json"
    kept = original.with_name("jupyterlab.json.goc")
    pack = json.loads((kept if kept.is_file() else original).read_text(encoding="utf-8"))
    assert "Run All Cells" not in pack and "Cell %1/%2" not in pack


def test_trainee_strings_are_vietnamese_after_setup(prefix):
    configure_lab(prefix)
    catalogue = _catalogue(prefix)
    for msgid in TRAINEE_STRINGS:
        assert msgid in catalogue, f"not translated: {msgid!r}"
        assert catalogue[msgid][0] != msgid
    assert catalogue["Run All Cells"] == ["Chạy tất cả các ô"]
    assert catalogue["Run Selected Cell"] == ["Chạy ô đang chọn"] * 2  # _n() needs two forms
    assert catalogue["Restart Kernel?"] == ["Khởi động lại Kernel?"]  # the pack's own kept
    assert catalogue[""]["language"] == "vi-VN"


def test_merging_is_repeatable_and_keeps_the_original(prefix):
    first = configure_lab(prefix)
    once = _catalogue(prefix)
    configure_lab(prefix)
    assert _catalogue(prefix) == once
    original = first.translations[0].with_name("jupyterlab.json.goc")
    assert "Run All Cells" not in json.loads(original.read_text(encoding="utf-8"))


def test_course_translations_are_natural_vietnamese_with_the_same_placeholders():
    for domain, entries in course_translations().items():
        for msgid, value in entries.items():
            forms = value if isinstance(value, list) else [value]
            assert len(forms) in (1, 2) and len(set(forms)) == 1, msgid
            text = forms[0]
            assert unicodedata.is_normalized("NFC", text), (domain, msgid)
            assert sorted(re.findall(r"%\d", msgid)) == sorted(re.findall(r"%\d", text)), msgid
            assert msgid.endswith("…") == text.endswith("…"), msgid
            assert text.strip() and text != msgid, msgid


def test_trainer_extensions_hidden_kernel_extension_loaded(prefix):
    setup = configure_lab(prefix)
    disabled = json.loads(setup.page_config.read_text())["disabledExtensions"]
    assert all(disabled[plugin] is True for plugin in TRAINER_EXTENSIONS)
    assert disabled[ASSIGNMENT_LIST] is True
    kernel = json.loads(setup.kernel_config.read_text())
    assert kernel["InteractiveShellApp"]["extensions"] == [KERNEL_EXTENSION]
    overrides = json.loads(setup.overrides.read_text())
    assert overrides["@jupyterlab/translation-extension:plugin"]["locale"] == "vi_VN"


def test_classroom_keeps_the_assignment_list_and_other_settings(prefix):
    page = prefix / "etc/jupyter/labconfig/page_config.json"
    page.parent.mkdir(parents=True)
    page.write_text(json.dumps({"disabledExtensions": {"other:plugin": True}}))
    kernel = prefix / "etc/ipython/ipython_kernel_config.json"
    kernel.parent.mkdir(parents=True)
    kernel.write_text(json.dumps({"InteractiveShellApp": {"extensions": ["autoreload"]}}))
    configure_lab(prefix, classroom=True)
    configure_lab(prefix, classroom=True)
    disabled = json.loads(page.read_text())["disabledExtensions"]
    assert disabled["other:plugin"] is True and disabled[ASSIGNMENT_LIST] is False
    extensions = json.loads(kernel.read_text())["InteractiveShellApp"]["extensions"]
    assert extensions == ["autoreload", KERNEL_EXTENSION]


def test_a_prefix_without_the_pack_still_gets_the_rest(tmp_path):
    setup = configure_lab(tmp_path)
    assert setup.translations == [] and setup.page_config.is_file()


def test_menus_declared_in_settings_schemas_are_translated_by_the_server(prefix):
    """The server translates schema menus (Appearance, Workspaces...) from the .mo file."""
    import gettext

    configure_lab(prefix)
    locale_dir = prefix / "lib/python3.11/site-packages" / PACK.name / "locale"
    translation = gettext.translation("jupyterlab", localedir=locale_dir, languages=["vi_VN"])
    assert translation.gettext("Appearance") == "Giao diện"
    assert translation.pgettext("menu", "Appearance") == "Giao diện"  # how schema menus ask
    assert translation.gettext("Save and Export Notebook As") == "Lưu và xuất sổ tay thành"
    assert translation.gettext("Restart Kernel?") == "Khởi động lại Kernel?"  # the pack's own
    original = gettext.GNUTranslations(
        (locale_dir / "vi_VN/LC_MESSAGES/jupyterlab.mo.goc").open("rb")
    )
    assert original.gettext("Appearance") == "Appearance"


def test_user_locale_is_written_once_and_never_overrides_a_choice(tmp_path):
    from congdoan.labsetup import ensure_user_locale

    written = ensure_user_locale(tmp_path)
    assert json.loads(written.read_text()) == {"locale": "vi_VN"}
    written.write_text(json.dumps({"locale": "en"}))
    assert ensure_user_locale(tmp_path) is None
    assert json.loads(written.read_text()) == {"locale": "en"}


def test_congdoan_lab_writes_the_whole_configuration(tmp_path, monkeypatch):
    """``congdoan lab`` (dry run) sets up the prefix it runs in: one function for laptop and hub."""
    from click.testing import CliRunner

    from congdoan.cli import cli

    monkeypatch.setattr("sys.prefix", str(tmp_path))
    result = CliRunner().invoke(cli, ["lab", "--dry-run", "--no-browser"])
    assert result.exit_code == 0, result.output
    disabled = json.loads((tmp_path / "etc/jupyter/labconfig/page_config.json").read_text())
    assert disabled["disabledExtensions"]["@jupyter/nbgrader:create-assignment"] is True
    kernel = json.loads((tmp_path / "etc/ipython/ipython_kernel_config.json").read_text())
    assert KERNEL_EXTENSION in kernel["InteractiveShellApp"]["extensions"]
