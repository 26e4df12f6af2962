"""The course directory: where it is, how to make one, and nbgrader's config for it.

A course directory is an ordinary nbgrader course root::

    lop-hue-2026/
    ├── nbgrader_config.py   from course/nbgrader_config.py.template
    ├── source/              a COPY of the repository's assignments/ (see ``init_course``)
    ├── exchange/            nbgrader's exchange (writable)
    ├── gradebook.db         SQLite gradebook
    └── danh_sach.csv        the roster with units (đơn vị), kept for reports

>>> course = init_course(Path("lop"), course_id="hue-2026")  # doctest: +SKIP
>>> course.api().get_source_assignments()                     # doctest: +SKIP
"""

from __future__ import annotations

import os
import re
import shutil
import stat
from dataclasses import dataclass
from pathlib import Path
from string import Template

from ..errors import ConfigError, InputError
from ..files import Below
from ..i18n import msg

__all__ = [
    "CONFIG_NAME",
    "Course",
    "find_course",
    "init_course",
    "repository_root",
]

CONFIG_NAME = "nbgrader_config.py"
TEMPLATE_NAME = "nbgrader_config.py.template"
ROSTER_NAME = "danh_sach.csv"
STATE_DIR = ".congdoan"
DEFAULT_CELL_TIMEOUT = 30
_COURSE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")


def repository_root() -> Path:
    """The checkout holding ``assignments/`` and ``course/`` (the working tree of this repo)."""
    return Path(__file__).resolve().parents[3]


@dataclass(frozen=True)
class Course:
    """A course directory on disk, with nbgrader's configuration loaded on demand."""

    root: Path

    config_file = Below(CONFIG_NAME)
    roster_file = Below(ROSTER_NAME)

    @property
    def state_dir(self) -> Path:
        path = self.root / STATE_DIR
        path.mkdir(exist_ok=True)
        return path

    @property
    def db_path(self) -> Path:
        url = self.config().CourseDirectory.db_url
        return Path(url.removeprefix("sqlite:///")) if url.startswith("sqlite:///") else Path()

    def path(self, step: str, student: str = ".", assignment: str = ".") -> Path:
        """``root/step/student/assignment`` (nbgrader's default directory structure)."""
        return self.root / step / student / assignment

    def config(self):
        """nbgrader's traitlets ``Config`` read from this course's ``nbgrader_config.py`` only.

        ``NbGraderAPI()`` without a config ignores the file (measured), so every
        nbgrader object here is built from this.
        """
        from traitlets.config.loader import PyFileConfigLoader

        loader = PyFileConfigLoader(CONFIG_NAME, path=str(self.root))
        config = loader.load_config()
        config.CourseDirectory.root = str(self.root)
        return config

    def api(self, **config_overrides):
        """An ``NbGraderAPI`` for this course (quiet: nbgrader's log goes to the result)."""
        import logging

        from nbgrader.apps.api import NbGraderAPI

        from .gradebook import ensure_tools_on_path, install_busy_timeout

        ensure_tools_on_path()
        install_busy_timeout()
        config = self.config()
        for dotted, value in config_overrides.items():
            section, name = dotted.split(".", 1)
            config[section][name] = value
        api = NbGraderAPI(config=config)
        # nbgrader's messages go to each call's captured log only, not to the console
        # (its "Attribute 'checksum' ... has changed!" noise included).
        log = logging.getLogger("congdoan.course.nbgrader")
        log.propagate = False
        if not log.handlers:
            log.addHandler(logging.NullHandler())
        log.setLevel(logging.ERROR)
        api.log = log
        return api

    def course_id(self) -> str:
        return self.config().CourseDirectory.course_id

    def notebooks(self, assignment: str) -> list[str]:
        """Names (without ``.ipynb``) of the assignment's notebooks in ``source/``."""
        folder = self.path("source", ".", assignment)
        return sorted(p.stem for p in folder.glob("*.ipynb"))

    def require_assignment(self, assignment: str) -> None:
        if not self.notebooks(assignment):
            known = ", ".join(
                sorted(p.name for p in (self.root / "source").iterdir() if p.is_dir())
            )
            raise InputError(msg("course.errors.unknown_assignment", name=assignment, known=known))


def find_course(start: Path | None = None) -> Course:
    """The course directory holding ``nbgrader_config.py``: ``start`` or one of its parents."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / CONFIG_NAME).is_file() and (folder / "source").is_dir():
            return Course(folder)
    raise ConfigError(msg("course.errors.no_course", path=here))


def init_course(
    directory: Path,
    *,
    course_id: str | None = None,
    source: Path | None = None,
    cell_timeout: int = DEFAULT_CELL_TIMEOUT,
    template: Path | None = None,
) -> tuple[Course, list[str]]:
    """Create (or complete) a course directory; returns it and the assignments copied.

    ``source/`` is a **copy** of ``assignments/``, not a symlink: symlinks need
    administrator rights on Windows, and a trainer who fixes a typo in the class copy
    should not change the repository (or the other way round in the middle of a class).
    Running ``init`` again adds assignments that are new in the repository and keeps
    the ones already there (and the gradebook).
    """
    directory = directory.expanduser().resolve()
    source = (source or repository_root() / "assignments").resolve()
    template = template or repository_root() / "course" / TEMPLATE_NAME
    course_id = course_id or directory.name
    if not _COURSE_ID.match(course_id):
        raise InputError(msg("course.errors.bad_course_id", course_id=course_id))
    if not template.is_file():
        raise ConfigError(msg("course.errors.no_template", path=template))
    if not source.is_dir():
        raise ConfigError(msg("course.errors.no_source", path=source))
    if directory.exists() and not directory.is_dir():
        raise InputError(msg("course.errors.not_a_folder", path=directory))

    directory.mkdir(parents=True, exist_ok=True)
    config_file = directory / CONFIG_NAME
    if not config_file.exists():
        text = Template(template.read_text(encoding="utf-8")).substitute(
            course_id=course_id, cell_timeout=int(cell_timeout)
        )
        config_file.write_text(text, encoding="utf-8")

    copied = []
    target_root = directory / "source"
    target_root.mkdir(exist_ok=True)
    for folder in sorted(source.iterdir()):
        if not folder.is_dir() or not any(folder.glob("*.ipynb")):
            continue
        target = target_root / folder.name
        if target.exists():
            continue
        shutil.copytree(
            folder,
            target,
            ignore=shutil.ignore_patterns(
                ".ipynb_checkpoints", "__pycache__", "congdoan-transcript.jsonl"
            ),
        )
        copied.append(folder.name)

    exchange = directory / "exchange"
    exchange.mkdir(exist_ok=True)
    if os.name == "posix":  # every trainee account must be able to write here
        exchange.chmod(exchange.stat().st_mode | stat.S_IRWXU | stat.S_IRWXG | stat.S_IRWXO)
    course = Course(directory)
    from .gradebook import open_gradebook

    with open_gradebook(course):
        pass  # creates gradebook.db with nbgrader's schema
    from .integrity import record

    record(directory)  # the trainer's own files, trusted from now on
    return course, copied
