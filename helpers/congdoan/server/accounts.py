"""Trainee and trainer accounts: one real Unix user each, from the class roster.

The hub logs people in with their Unix password (PAM). ``congdoan server users`` creates
the accounts from the same roster the trainer imports for grading
(``congdoan course roster import``), gives each a first-login password and writes the
sheet the trainer hands out (``mat_khau_lan_dau.csv``, readable by root only). Homes
are private (0700): a trainee cannot read another trainee's files.

>>> unix_name("HV001")
'hv001'
>>> unix_name("2026.07")
'hv2026.07'
"""

from __future__ import annotations

import csv
import grp
import os
import pwd
import re
import secrets
import subprocess
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..i18n import msg

__all__ = [
    "Account",
    "create_accounts",
    "ensure_group",
    "set_password",
    "unix_name",
    "write_password_sheet",
]

_UNIX_NAME = re.compile(r"^[a-z][a-z0-9_.-]{0,31}$")
#: No 0/O, 1/l/I: passwords are read off a printed sheet.
_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789"


@dataclass(frozen=True, repr=False)
class Account:
    name: str
    full_name: str
    student_id: str
    password: str | None  # None: the account existed already, its password is unchanged
    trainer: bool = False

    def __repr__(self) -> str:
        return f"Account({self.name!r}, trainer={self.trainer}, new={self.password is not None})"


def unix_name(student_id: str) -> str:
    """The login name of a trainee: the roster's id in lower case (``hv`` first if needed)."""
    name = student_id.strip().lower()
    if name and not name[0].isalpha():
        name = "hv" + name
    if not _UNIX_NAME.match(name):
        raise InputError(msg("server.accounts.bad_name", student_id=student_id))
    return name


def new_password(length: int = 10) -> str:
    return "".join(secrets.choice(_ALPHABET) for _ in range(length))


def ensure_group(name: str) -> None:
    try:
        grp.getgrnam(name)
    except KeyError:
        subprocess.run(["groupadd", name], check=True, capture_output=True)


def exists(name: str) -> bool:
    try:
        pwd.getpwnam(name)
    except KeyError:
        return False
    return True


def create_accounts(
    people: list[tuple[str, str]],
    home_root: Path,
    *,
    trainers_group: str | None = None,
    trainer: bool = False,
) -> list[Account]:
    """Create a Unix account for each ``(student_id, full name)``; existing ones are kept.

    A trainer is added to ``trainers_group`` (formgrader, the course folder, the usage
    report); a trainee is in no group but their own.
    """
    if trainer and trainers_group:
        ensure_group(trainers_group)
    home_root.mkdir(parents=True, exist_ok=True)
    accounts = []
    for student_id, full_name in people:
        name = unix_name(student_id)
        password = None
        if not exists(name):
            password = new_password()
            command = [
                "useradd",
                "--create-home",
                "--home-dir",
                str(home_root / name),
                "--shell",
                "/bin/bash",
                "--comment",
                _gecos(full_name),
                name,
            ]
            subprocess.run(command, check=True, capture_output=True)
            set_password(name, password)
        os.chmod(pwd.getpwnam(name).pw_dir, 0o700)
        if trainer and trainers_group:
            subprocess.run(
                ["usermod", "-aG", trainers_group, name], check=True, capture_output=True
            )
        accounts.append(Account(name, full_name, student_id, password, trainer))
    return accounts


def set_password(name: str, password: str) -> None:
    """Set a Unix password through ``chpasswd`` (stdin: never on a command line or in a log)."""
    subprocess.run(
        ["chpasswd"], input=f"{name}:{password}\n", text=True, check=True, capture_output=True
    )


def write_password_sheet(accounts: list[Account], path: Path) -> Path:
    """The sheet to print and hand out: id, name, login, first-login password (root only)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(
            [
                msg(f"server.accounts.column.{c}")
                for c in ("student_id", "full_name", "login", "password")
            ]
        )
        for account in accounts:
            password = account.password or msg("server.accounts.unchanged")
            writer.writerow([account.student_id, account.full_name, account.name, password])
    return path


def _gecos(full_name: str) -> str:
    from ..course.roster import fold

    return fold(full_name).title()[:60]
