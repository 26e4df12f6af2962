"""Fixtures for the trainer tools: a CLI runner and a course built on a tiny assignment."""

from __future__ import annotations

import shutil

import pytest
from click.testing import CliRunner

from congdoan.cli import cli
from tests.course import classroom


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture(scope="session")
def _tiny_course_template(tmp_path_factory):
    """``congdoan course init`` run once per session; each test gets its own copy."""
    base = tmp_path_factory.mktemp("tiny_course")
    source = base / "assignments"
    classroom.tiny_assignment(source)
    root = base / "lop"
    result = CliRunner().invoke(cli, ["course", "init", str(root), "--source", str(source)])
    assert result.exit_code == 0, result.output
    return base


@pytest.fixture
def tiny_course(tmp_path, _tiny_course_template):
    """An initialised course whose only assignment is :func:`classroom.tiny_assignment`."""
    for name in ("assignments", "lop"):
        shutil.copytree(_tiny_course_template / name, tmp_path / name)
    return tmp_path / "lop"


def invoke(runner, root, *args):
    return runner.invoke(cli, ["course", "-C", str(root), *args])
