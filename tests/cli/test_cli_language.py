"""``--lang en --help`` is English throughout, and Vietnamese comes back without it."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from congdoan.cli import cli
from congdoan.cli_support import CongdoanClickError
from congdoan.course.cli import CourseClickError
from congdoan.i18n import set_language


@pytest.fixture
def runner():
    yield CliRunner()
    set_language(None)


@pytest.mark.parametrize("command", [[], ["course"], ["course", "init"], ["doctor"], ["server"]])
def test_english_help_has_no_vietnamese_left(runner, command):
    english = runner.invoke(cli, ["--lang", "en", *command, "--help"]).output
    assert english.startswith("Usage: ") and "Show this message and exit." in english
    vietnamese_letters = set("ăâđêôơưàáảãạềếểễệộốồổỗờớởỡợừứửữựịìíỉĩ")
    assert not vietnamese_letters & set(english.lower()), english


def test_vietnamese_help_comes_back_after_an_english_run(runner):
    runner.invoke(cli, ["--lang", "en", "--help"])
    again = runner.invoke(cli, ["--help"]).output
    assert again.startswith("Cách dùng: ") and "Ngôn ngữ hiển thị" in again
    assert "Hiện hướng dẫn này rồi thoát." in again


def test_one_error_class_for_every_command_group():
    assert CourseClickError is CongdoanClickError
