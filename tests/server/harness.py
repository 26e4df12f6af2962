"""A real classroom hub on loopback with real Unix accounts (hub tests and bench_server).

Two trainees and a trainer are created from a roster, the hub runs with the course's
own configuration (``congdoan.server.hub``), and its AI gateway forwards to the test
suite's vendor server with planted keys. Everything is removed afterwards: processes
of the test accounts, the accounts, their cgroups and the state folder.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import psutil
import requests

from congdoan.server.spawner import environment_paths

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
PLANTED_KEYS = {
    "OPENAI_API_KEY": "sk-planted-hub-openai-7f3a9c2b1d",
    "GEMINI_API_KEY": "AIzaPlantedHubGemini7f3a9c2b1d0000",
    "DEEPSEEK_API_KEY": "sk-planted-hub-deepseek-7f3a9c2b1d",
    "GITHUB_TOKEN": "ghp_plantedhubgithub7f3a9c2b1d000000",
}
TRAINEES = {"cdt-hv01": "Nguyễn Thị Hoa", "cdt-hv02": "Trần Văn Bình"}
TRAINER = ("cdt-gv01", "Lê Minh Tâm")
GROUP, GRADER, COURSE_ID = "cdt-giangvien", "cdt-cham", "hue-2026"


def hub_prerequisites() -> str | None:
    """Why a real hub cannot run here, or None."""
    if os.geteuid() != 0:
        return "the classroom hub test needs root (Unix accounts); CI runs as root"
    if not shutil.which("configurable-http-proxy"):
        return "configurable-http-proxy is missing: run .ci/ensure-server"
    if not (BIN / "jupyterhub").exists():
        return "jupyterhub is not installed in this environment (pip install -e '.[test]')"
    return None


def shared_python(folder: Path) -> Path:
    """The course's Python, runnable by every account.

    The course's ``.venv`` here is built on a pyenv Python under ``/root`` (0700), which
    trainee accounts cannot execute; a real server installs the course outside ``/root``.
    The test copies that same interpreter (its standard library, not its packages) to a
    world-readable folder and adds the course's site-packages with a ``.pth``: trainees
    run the exact interpreter and packages of the suite.
    """
    import sysconfig

    base = Path(sys.base_prefix)
    if _others_can_run(Path(sys.executable).resolve()):
        return Path(sys.executable)
    version = f"python{sys.version_info.major}.{sys.version_info.minor}"
    for part in ("bin", "lib"):
        (folder / part).mkdir(parents=True, exist_ok=True)
    shutil.copy2(base / "bin" / version, folder / "bin" / version)
    for library in base.joinpath("lib").glob("libpython*"):
        shutil.copy2(library, folder / "lib" / library.name, follow_symlinks=True)
    shutil.copytree(
        base / "lib" / version,
        folder / "lib" / version,
        ignore=shutil.ignore_patterns("site-packages", "test"),
    )
    site = folder / "lib" / version / "site-packages"
    site.mkdir()
    course_site = sysconfig.get_paths()["purelib"]
    (site / "congdoan-course.pth").write_text(
        f"import site; site.addsitedir({course_site!r})\n", encoding="utf-8"
    )
    wrapper = folder / "bin" / "python"
    wrapper.write_text(
        f'#!/bin/sh\nLD_LIBRARY_PATH="{folder / "lib"}" exec "{folder / "bin" / version}" "$@"\n',
        encoding="utf-8",
    )
    for path in [folder, *folder.rglob("*")]:
        path.chmod(0o755 if path.is_dir() or path.parent.name == "bin" else 0o644)
    return wrapper


def _others_can_run(executable: Path) -> bool:
    return all(p.stat().st_mode & 0o001 for p in [executable, *executable.parents])


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Hub:
    url: str
    state: Path
    passwords: dict[str, str]
    log: Path
    settings: object
    python: Path

    def as_grader(self, *command: str, timeout: float = 300) -> subprocess.CompletedProcess:
        """A trainer's command run as the grader account in the course folder."""
        env = {k: v for k, v in os.environ.items() if k not in PLANTED_KEYS}
        env.update(HOME=str(self.settings.course_dir), PATH=f"{BIN}:{env.get('PATH', '')}")
        env.update(environment_paths("", sys.prefix))  # as the formgrader service has them
        return subprocess.run(
            ["runuser", "-u", GRADER, "--", *command],
            cwd=self.settings.course_dir,
            env=env,
            capture_output=True,
            text=True,
            timeout=timeout,
        )


def remove_test_accounts(names, group: str = GROUP) -> None:
    for name in names:
        try:
            uid = pwd.getpwnam(name).pw_uid
        except KeyError:
            continue
        for process in psutil.process_iter(["uids"]):
            if process.info["uids"] and process.info["uids"].real == uid:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(process.pid, signal.SIGKILL)
        _wait_until_gone(uid)
        subprocess.run(["userdel", "--remove", name], capture_output=True)
    subprocess.run(["groupdel", group], capture_output=True)
    for controller in ("memory", "cpu"):
        for name in names:
            for group in (
                Path("/sys/fs/cgroup") / controller / "congdoan" / name,
                Path("/sys/fs/cgroup") / "congdoan" / name,
            ):
                if group.is_dir():
                    with contextlib.suppress(OSError):
                        group.rmdir()


def _wait_until_gone(uid: int, seconds: float = 10) -> None:
    """userdel refuses an account while one of its processes is still exiting."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        alive = [
            p
            for p in psutil.process_iter(["uids", "status"])
            if p.info["uids"]
            and p.info["uids"].real == uid
            and p.info["status"] != psutil.STATUS_ZOMBIE
        ]
        if not alive:
            return
        time.sleep(0.1)


def write_roster(path: Path, people: dict[str, str]) -> Path:
    lines = ["Mã học viên,Họ tên,Đơn vị,Email"]
    lines += [f"{sid},{name},CĐCS Công ty Dệt may Huế," for sid, name in people.items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@contextmanager
def running_hub(
    vendor_url: str,
    trainees: dict[str, str] = TRAINEES,
    trainer: tuple[str, str] = TRAINER,
    *,
    group: str = GROUP,
    grader: str = GRADER,
    budget_trainee_vnd: float = 8,
    requests_per_minute: int = 60,
    concurrent_spawns: int = 8,
    mem_limit: str = "1G",
    postgres: bool = False,
) -> Iterator[Hub]:
    """A hub on loopback with these accounts, its gateway in front of ``vendor_url``."""
    from congdoan.server.accounts import create_accounts
    from congdoan.server.hub import prepare, register_accounts
    from congdoan.server.settings import load_server_settings

    everyone = [*trainees, trainer[0], grader]
    remove_test_accounts(everyone, group)
    state = Path(tempfile.mkdtemp(prefix="congdoan-hub-"))
    state.chmod(0o755)
    python = shared_python(state / "python")
    db_url = ""
    if postgres:
        from congdoan.server.postgres import ensure_cluster

        db_url = ensure_cluster(state / "postgres", free_port())
    port = free_port()
    upstreams = "\n".join(
        f'{p} = "{vendor_url}{"" if p == "gemini" else "/v1"}"'
        for p in ("openai", "gemini", "deepseek", "copilot")
    )
    (state / "congdoan-server.toml").write_text(
        f"""[hub]
ip = "127.0.0.1"
port = {port}
hub_api_port = {free_port()}
proxy_api_port = {free_port()}
gateway_port = {free_port()}
formgrader_port = {free_port()}
course_id = "{COURSE_ID}"
trainers_group = "{group}"
grader_user = "{grader}"
home_root = "{state / "home"}"
mem_limit = "{mem_limit}"
concurrent_spawns = {concurrent_spawns}
cpu_limit = 1.0
default_provider = "gemini"
python = "{python}"
db_url = "{db_url}"

[gateway]
budget_trainee_vnd = {budget_trainee_vnd}
budget_class_vnd = 100000
requests_per_minute = {requests_per_minute}
privacy = "redact"

[gateway.upstreams]
{upstreams}

[gateway.prices]
gemini = "10,20"
openai = "10,20"
""",
        encoding="utf-8",
    )
    keys = state / "keys.env"
    keys.write_text("".join(f"{k}={v}\n" for k, v in PLANTED_KEYS.items()), encoding="utf-8")
    settings = load_server_settings(state)
    prepare(settings, ROOT / "modules")
    trainees = create_accounts(list(trainees.items()), Path(settings.hub.home_root))
    trainer = create_accounts(
        [trainer], Path(settings.hub.home_root), trainer=True, trainers_group=group
    )
    register_accounts(settings, trainees + trainer)
    passwords = {a.name: a.password for a in trainees + trainer}
    log = state / "jupyterhub.log"
    env = {k: v for k, v in os.environ.items() if not k.startswith("CONGDOAN_")}
    env = {k: v for k, v in env.items() if k not in PLANTED_KEYS}
    env["PATH"] = f"{BIN}:{env.get('PATH', '')}"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [str(BIN / "jupyterhub"), "-f", str(state / "jupyterhub_config.py")],
            cwd=state,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_for(url, process, log)
        yield Hub(url, state, passwords, log, settings, python)
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
        remove_test_accounts(everyone, group)
        _stop_proxy(state)
        if postgres:
            from congdoan.server.postgres import stop_cluster

            stop_cluster(state / "postgres")
        shutil.rmtree(state, ignore_errors=True)


def _wait_for(url: str, process: subprocess.Popen, log: Path, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(
                f"JupyterHub exited with {process.returncode}:\n{log.read_text()[-4000:]}"
            )
        try:
            if requests.get(f"{url}/hub/api/", timeout=3).ok:
                return
        except requests.RequestException:
            pass
        time.sleep(0.5)
    raise RuntimeError(f"JupyterHub did not answer in {seconds:.0f} s:\n{log.read_text()[-4000:]}")


def _stop_proxy(state: Path) -> None:
    """The hub leaves its proxy running on purpose (restarts); the test stops the one it made."""
    pid_file = state / "proxy.pid"
    if pid_file.is_file():
        with contextlib.suppress(ValueError, ProcessLookupError):
            os.kill(int(pid_file.read_text().strip()), signal.SIGTERM)
