"""congdoan.files.Below: the places a course and the classroom server keep their files."""

from __future__ import annotations

from pathlib import Path

from congdoan.course.coursedir import CONFIG_NAME, ROSTER_NAME, Course
from congdoan.files import Below
from congdoan.server.settings import SETTINGS_FILE, ServerSettings


def test_below_follows_the_folder_of_each_object():
    class Box:
        root = Path("a")
        card = Below("the", "card.txt")
        elsewhere = Below("x.txt", folder="other")

    box = Box()
    box.other = "b"
    assert box.card == Path("a/the/card.txt") and box.elsewhere == Path("b/x.txt")
    box.root = Path("c")
    assert box.card == Path("c/the/card.txt")
    assert isinstance(Box.card, Below)  # on the class: the descriptor itself


def test_course_and_server_files_lie_below_their_folders(tmp_path):
    course = Course(tmp_path)
    assert (course.config_file, course.roster_file) == (
        tmp_path / CONFIG_NAME,
        tmp_path / ROSTER_NAME,
    )
    server = ServerSettings(tmp_path)
    assert server.settings_file == tmp_path / SETTINGS_FILE
    assert server.ledger_file == tmp_path / "gateway" / "usage.sqlite"
    assert server.jupyter_config_dir == tmp_path / "jupyter" / "trainee"
    assert server.trainer_config_dir == tmp_path / "jupyter" / "trainer"
