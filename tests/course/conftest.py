"""Fixtures for the trainer tools: a CLI runner and a course built on a tiny assignment."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from congdoan.cli import cli
from tests.course import classroom


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture
def tiny_course(tmp_path, runner):
    """An initialised course whose only assignment is :func:`classroom.tiny_assignment`."""
    source = tmp_path / "assignments"
    classroom.tiny_assignment(source)
    root = tmp_path / "lop"
    result = runner.invoke(cli, ["course", "init", str(root), "--source", str(source)])
    assert result.exit_code == 0, result.output
    return root


def invoke(runner, root, *args):
    return runner.invoke(cli, ["course", "-C", str(root), *args])
