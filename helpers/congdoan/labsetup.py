"""The course's JupyterLab, set up in one call: Vietnamese screen, trainee tools only.

:func:`configure_lab` writes everything into a Python environment's prefix (the
course's own ``.venv``, a conda environment, or a classroom hub's image), so a laptop
(``congdoan lab``) and a JupyterHub get the same screen:

* ``share/jupyter/lab/settings/overrides.json``: the Vietnamese interface by default,
  no "Jupyter news" pop-up, every cell rendered (defaults only; a trainee may still
  change them);
* ``etc/jupyter/labconfig/page_config.json``: nbgrader's trainer tools (create
  assignment, formgrader, course list, validate button, its menu) disabled for
  trainees; the assignment list stays when the classroom exchange is used;
* ``etc/ipython/ipython_kernel_config.json``: every kernel loads
  :mod:`congdoan.notebook` at start, so even a cell run before the set-up cell gets a
  Vietnamese message instead of a ``NameError`` traceback;
* the Vietnamese language pack completed with the strings it lacks
  (``congdoan/lab/vi_VN.json``: Run and Kernel menus, cell menus, dialogs, status
  bar). The newest pack (4.5.post3) has about 540 of JupyterLab's strings, so "Run All
  Cells" stays English in every JupyterLab version. JupyterLab reads a pack's
  ``locale/vi_VN/LC_MESSAGES/<domain>.json``; the course's strings are merged into
  those files (the pack's original is kept beside them as ``*.json.goc`` and is what
  each merge starts from, so merging twice changes nothing). The pack's own
  ``version`` field is not a version number, which rules out JupyterLab's per-package
  ``jupyterlab.locale`` merge.
"""

from __future__ import annotations

import json
import shutil
import sys
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path

__all__ = [
    "KERNEL_EXTENSION",
    "LAB_OVERRIDES",
    "TRAINER_EXTENSIONS",
    "LabSetup",
    "configure_lab",
    "course_translations",
    "ensure_user_locale",
    "write_lab_overrides",
]

#: JupyterLab settings for the course: Vietnamese interface, no "Jupyter news" pop-up.
LAB_OVERRIDES = {
    "@jupyterlab/translation-extension:plugin": {"locale": "vi_VN"},
    "@jupyterlab/apputils-extension:notification": {
        "fetchNews": "false",
        "checkForUpdates": False,
    },
    # every cell in the page: widgets far down a lesson exist before it is scrolled to,
    # and the browser's search finds text in every cell (lessons have 20-50 cells)
    "@jupyterlab/notebook-extension:tracker": {"windowingMode": "none"},
}
#: nbgrader's lab plugins a trainee never needs (their screens are English only).
TRAINER_EXTENSIONS = (
    "@jupyter/nbgrader:create-assignment",
    "@jupyter/nbgrader:formgrader",
    "@jupyter/nbgrader:course-list",
    "@jupyter/nbgrader:validate-assignment",
    "@jupyter/nbgrader:menu",
)
ASSIGNMENT_LIST = "@jupyter/nbgrader:assignment-list"
KERNEL_EXTENSION = "congdoan.notebook"
PACK_MODULE = "jupyterlab_language_pack_vi_VN"
LOCALE = "vi_VN"
ORIGINAL_SUFFIX = ".goc"


@dataclass
class LabSetup:
    """What :func:`configure_lab` wrote, for the command line to report."""

    overrides: Path
    page_config: Path
    kernel_config: Path
    translations: list[Path] = field(default_factory=list)


def configure_lab(prefix: Path | None = None, *, classroom: bool = False) -> LabSetup:
    """Write the course's lab configuration into ``prefix`` (default: this environment).

    ``classroom=True`` keeps nbgrader's assignment list (trainees fetch and submit
    through the exchange); otherwise every nbgrader screen is hidden.
    """
    prefix = Path(prefix or sys.prefix)
    return LabSetup(
        overrides=write_lab_overrides(prefix),
        page_config=_write_page_config(prefix, classroom=classroom),
        kernel_config=_write_kernel_config(prefix),
        translations=_complete_language_pack(prefix),
    )


def ensure_user_locale(settings_dir: Path | None = None) -> Path | None:
    """Give a trainee without a language choice the Vietnamese one, as a user setting.

    ``overrides.json`` makes the browser Vietnamese, but the server translates the
    menus declared in settings schemas (Giao diện, Không gian làm việc...) only in the
    locale of the *user's* translation setting. A trainee who never chose a language
    gets ``vi_VN`` written there; an existing choice is never touched. Returns the file
    written, or ``None``.
    """
    if settings_dir is None:
        from jupyterlab.commands import get_user_settings_dir

        settings_dir = Path(get_user_settings_dir())
    path = (
        Path(settings_dir) / "@jupyterlab" / "translation-extension" / "plugin.jupyterlab-settings"
    )
    if path.exists():
        return None
    return _write_json(path, {"locale": LOCALE})


def course_translations() -> dict[str, dict[str, str | list[str]]]:
    """``{domain: {English msgid: Vietnamese}}``: the strings the language pack lacks
    (a list holds the two plural forms of a msgid JupyterLab translates with ``_n()``)."""
    text = files("congdoan").joinpath("lab", "vi_VN.json").read_text(encoding="utf-8")
    return {domain: entries for domain, entries in json.loads(text).items() if domain[0] != "_"}


def write_lab_overrides(prefix: Path) -> Path:
    """Merge the course's JupyterLab defaults into ``<prefix>/share/jupyter/lab/settings``.

    ``overrides.json`` sets defaults for every user of this environment without
    touching their own settings, so a trainee can still switch the language back.
    """
    path = prefix / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
    current = _read_json(path)
    for plugin, values in LAB_OVERRIDES.items():
        current.setdefault(plugin, {}).update(values)
    return _write_json(path, current)


def _write_page_config(prefix: Path, *, classroom: bool) -> Path:
    path = prefix / "etc" / "jupyter" / "labconfig" / "page_config.json"
    current = _read_json(path)
    disabled = current.setdefault("disabledExtensions", {})
    if isinstance(disabled, list):  # the older list form
        disabled = current["disabledExtensions"] = dict.fromkeys(disabled, True)
    for plugin in TRAINER_EXTENSIONS:
        disabled[plugin] = True
    disabled[ASSIGNMENT_LIST] = not classroom
    return _write_json(path, current)


def _write_kernel_config(prefix: Path) -> Path:
    path = prefix / "etc" / "ipython" / "ipython_kernel_config.json"
    current = _read_json(path)
    section = current.setdefault("InteractiveShellApp", {})
    extensions = list(section.get("extensions", []))
    if KERNEL_EXTENSION not in extensions:
        extensions.append(KERNEL_EXTENSION)
    section["extensions"] = extensions
    return _write_json(path, current)


def _complete_language_pack(prefix: Path) -> list[Path]:
    folder = _pack_messages(prefix)
    if folder is None:
        return []
    written = []
    for domain, entries in course_translations().items():
        path = folder / f"{domain}.json"
        original = path.with_name(path.name + ORIGINAL_SUFFIX)
        if not original.is_file():
            if not path.is_file():
                continue
            shutil.copyfile(path, original)
        catalogue = _read_json(original)
        for msgid, translation in entries.items():
            # a list is the plural forms JupyterLab's _n() needs (two, even in Vietnamese)
            catalogue[msgid] = translation if isinstance(translation, list) else [translation]
        written.append(_write_json(path, catalogue))
        compiled = _merge_mo(folder / f"{domain}.mo", entries)
        if compiled is not None:
            written.append(compiled)
    return written


def _merge_mo(path: Path, entries: dict[str, str | list[str]]) -> Path | None:
    """Add the course's strings to the compiled catalogue the server reads.

    The browser reads the pack's JSON, but the server translates the menus declared in
    settings schemas (Appearance, Workspaces, Save and Export Notebook As...) with
    Python's gettext from the ``.mo`` file, so both are completed. Babel (a JupyterLab
    server dependency) reads and writes it; the original is kept as ``*.mo.goc``.
    """
    from babel.messages.mofile import read_mo, write_mo

    original = path.with_name(path.name + ORIGINAL_SUFFIX)
    if not original.is_file():
        if not path.is_file():
            return None
        shutil.copyfile(path, original)
    with original.open("rb") as handle:
        catalog = read_mo(handle)
    for msgid, translation in entries.items():
        text = translation[0] if isinstance(translation, list) else translation
        for context in (None, "menu"):  # schema menus are looked up in the "menu" context
            if catalog.get(msgid, context=context) is None:
                catalog.add(msgid, text, context=context)
    with path.open("wb") as handle:
        write_mo(handle, catalog)
    return path


def _pack_messages(prefix: Path) -> Path | None:
    """``<pack>/locale/vi_VN/LC_MESSAGES`` of the language pack installed in ``prefix``."""
    from importlib.util import find_spec

    prefix = Path(prefix).resolve()
    candidates = []
    spec = find_spec(PACK_MODULE)  # this interpreter's pack, if it lives under prefix
    if spec is not None and spec.origin and prefix in Path(spec.origin).resolve().parents:
        candidates.append(Path(spec.origin).parent)
    for pattern in ("lib/python3*/site-packages", "Lib/site-packages"):
        pattern = f"{pattern}/{PACK_MODULE}"
        candidates += sorted(Path(prefix).glob(pattern))
    for pack in candidates:
        folder = pack / "locale" / LOCALE / "LC_MESSAGES"
        if folder.is_dir():
            return folder
    return None


def _read_json(path: Path) -> dict:
    if not path.is_file():
        return {}
    try:
        value = json.loads(path.read_text(encoding="utf-8"))
    except ValueError:
        shutil.copy(path, path.with_suffix(".json.bak"))
        return {}
    return value if isinstance(value, dict) else {}


def _write_json(path: Path, value: dict) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(value, ensure_ascii=False, indent=2), encoding="utf-8")
    return path
