"""PostgreSQL for the hub's state, optional (SQLite is the default and enough for a class).

Debian's ``postgresql`` package (installed by ``.ci/ensure-server``) brings the server
programs; :func:`ensure_cluster` makes and starts a private cluster in the server's state
folder, owned by the ``postgres`` account, reachable only through a Unix socket in that
folder (no TCP port is opened), with a ``congdoan`` role and database. ``congdoan server
setup --postgres`` and ``congdoan server run`` call it; the tests do the same.
"""

from __future__ import annotations

import glob
import os
import pwd
import subprocess
import time
from pathlib import Path

__all__ = ["ensure_cluster", "pg_bin", "stop_cluster"]

ROLE = "congdoan"


def pg_bin() -> Path | None:
    """Debian's PostgreSQL programs (newest version installed), or None."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(found[-1]).parent if found else None


def _as_postgres(command: list[str], **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["runuser", "-u", "postgres", "--", *command],
        check=True,
        capture_output=True,
        text=True,
        **kwargs,
    )


def ensure_cluster(folder: Path, port: int = 5433) -> str:
    """Create (once) and start the cluster in ``folder``; returns the SQLAlchemy URL."""
    binaries = pg_bin()
    if binaries is None:
        raise FileNotFoundError("PostgreSQL is not installed (run .ci/ensure-server)")
    data, socket = folder / "data", folder / "socket"
    owner = pwd.getpwnam("postgres")
    for path in (folder, socket):
        path.mkdir(parents=True, exist_ok=True)
        os.chown(path, owner.pw_uid, owner.pw_gid)
    folder.chmod(0o711)
    socket.chmod(0o755)
    if not (data / "PG_VERSION").is_file():
        _as_postgres(
            [
                str(binaries / "initdb"),
                "-D",
                str(data),
                "-U",
                "postgres",
                "--auth-local=trust",
                "--auth-host=reject",
                "-E",
                "UTF8",
            ]
        )
    options = f"-p {port} -k {socket} -c listen_addresses=''"
    status = subprocess.run(
        ["runuser", "-u", "postgres", "--", str(binaries / "pg_ctl"), "-D", str(data), "status"],
        capture_output=True,
    )
    if status.returncode != 0:
        _as_postgres(
            [
                str(binaries / "pg_ctl"),
                "-D",
                str(data),
                "-o",
                options,
                "-l",
                str(folder / "postgres.log"),
                "-w",
                "start",
            ]
        )
    _wait_ready(binaries, socket, port)
    psql = [
        str(binaries / "psql"),
        "-h",
        str(socket),
        "-p",
        str(port),
        "-U",
        "postgres",
        "-d",
        "postgres",
        "-tAc",
    ]
    if (
        _as_postgres([*psql, f"SELECT 1 FROM pg_roles WHERE rolname='{ROLE}'"]).stdout.strip()
        != "1"
    ):
        _as_postgres([*psql, f"CREATE ROLE {ROLE} LOGIN"])
        _as_postgres([*psql, f"CREATE DATABASE {ROLE} OWNER {ROLE}"])
    return f"postgresql+psycopg://{ROLE}@/{ROLE}?host={socket}&port={port}"


def _wait_ready(binaries: Path, socket: Path, port: int, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        ready = subprocess.run(
            [str(binaries / "pg_isready"), "-h", str(socket), "-p", str(port)], capture_output=True
        )
        if ready.returncode == 0:
            return
        time.sleep(0.2)
    raise TimeoutError(f"PostgreSQL in {socket} did not start within {seconds:.0f} s")


def stop_cluster(folder: Path) -> None:
    binaries = pg_bin()
    if binaries is not None and (folder / "data" / "PG_VERSION").is_file():
        subprocess.run(
            [
                "runuser",
                "-u",
                "postgres",
                "--",
                str(binaries / "pg_ctl"),
                "-D",
                str(folder / "data"),
                "-m",
                "fast",
                "-w",
                "stop",
            ],
            capture_output=True,
        )
