"""The repository promises: one dependency list, lazy SDK imports, a complete public API."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path

import congdoan

ROOT = Path(__file__).resolve().parents[1]


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~ ;\[]", requirement.strip(), maxsplit=1)[0].lower().replace("_", "-")


def _pyproject_requirements() -> dict[str, str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    requirements = project["dependencies"] + project["optional-dependencies"]["test"]
    return {_name(r): r.replace(" ", "") for r in requirements}


def _environment_requirements() -> dict[str, str]:
    """The entries under ``- pip:`` in environment.yml (the editable install excluded)."""
    lines = (ROOT / "environment.yml").read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip() == "- pip:")
    indent = len(lines[start]) - len(lines[start].lstrip())
    requirements = []
    for line in lines[start + 1 :]:
        if line.strip() and len(line) - len(line.lstrip()) <= indent:
            break
        entry = line.strip().removeprefix("- ").strip()
        if entry and not entry.startswith("-e "):
            requirements.append(entry)
    return {_name(r): r.replace(" ", "") for r in requirements}


def test_environment_yml_and_pyproject_agree():
    assert _environment_requirements() == _pyproject_requirements()


def test_import_congdoan_does_not_import_the_sdks():
    code = (
        "import sys, congdoan\n"
        "loaded = [m for m in ('openai', 'google.genai', 'pandas', 'docx') if m in sys.modules]\n"
        "print(','.join(loaded))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""
    assert result.stderr == ""


def test_public_api_is_complete():
    for name in congdoan.__all__:
        assert hasattr(congdoan, name), name
    exported_errors = {
        n
        for n in congdoan.__all__
        if n.endswith(("Error", "Limited", "Found", "Timeout", "Response", "Blocked", "Retired"))
    }
    from congdoan import errors

    assert exported_errors == set(errors.__all__)


def test_the_declared_license_ships_and_can_be_built():
    """``license = "MIT"`` (the SPDX string form) needs setuptools 77; the file must exist."""
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert pyproject["project"]["license"] == "MIT"
    assert pyproject["project"]["license-files"] == ["LICENSE"]
    licence = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert licence.startswith("MIT License") and "WITHOUT WARRANTY OF ANY KIND" in licence
    (setuptools,) = [r for r in pyproject["build-system"]["requires"] if _name(r) == "setuptools"]
    floor = re.search(r">=\s*(\d+)", setuptools)
    assert floor is not None and int(floor[1]) >= 77
