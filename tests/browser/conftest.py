"""A real JupyterLab (started the way the course starts it) and Debian's Chromium.

The server serves a temporary copy of the repository's ``modules/``, so nothing in the
repository changes; Playwright drives ``/usr/bin/chromium`` and never downloads a
browser of its own (``.ci/ensure-chromium``, run by ``make test``, installs it).
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts" / "browser"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-dev-shm-usage",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TOKEN = "congdoan-browser-test"


@dataclass
class Lab:
    url: str
    token: str
    root: Path

    def notebook_url(self, relative: Path) -> str:
        return f"{self.url}/lab/tree/{relative.as_posix()}?token={self.token}"

    def wait_for_kernel(self, relative: Path, seconds: float = 60) -> None:
        """Until the notebook's session has a kernel that has started and is idle."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            with urllib.request.urlopen(f"{self.url}/api/sessions?token={self.token}") as answer:
                sessions = json.loads(answer.read())
            for session in sessions:
                kernel = session.get("kernel") or {}
                if session.get("path") == relative.as_posix() and (
                    kernel.get("execution_state") == "idle"
                ):
                    return
            time.sleep(0.5)
        pytest.fail(f"the kernel of {relative} did not start within {seconds:.0f} s")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_until_up(url: str, server: subprocess.Popen, log: Path, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"JupyterLab exited with {server.returncode}:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=3) as response:  # loopback only
                json.loads(response.read())
                return
        except OSError:
            time.sleep(0.5)
    pytest.fail(f"JupyterLab did not answer within {seconds:.0f} s:\n{log.read_text()[-3000:]}")


@pytest.fixture
def lab(tmp_path) -> Iterator[Lab]:
    """``congdoan lab`` on a free port, serving a copy of ``modules/``; stopped afterwards."""
    root = tmp_path / "course"
    shutil.copytree(ROOT / "modules", root / "modules")
    port = _free_port()
    env = {
        **os.environ,
        "JUPYTER_CONFIG_DIR": str(tmp_path / "jupyter-config"),
        "JUPYTERLAB_SETTINGS_DIR": str(tmp_path / "lab-settings"),
        "JUPYTERLAB_WORKSPACES_DIR": str(tmp_path / "lab-workspaces"),
        "CONGDOAN_PROVIDER": "offline",
    }
    command = [
        sys.executable,
        "-m",
        "congdoan.cli",
        "lab",
        "--no-browser",
        f"--port={port}",
        "--",
        f"--IdentityProvider.token={TOKEN}",
        "--ServerApp.ip=127.0.0.1",
    ]
    log = tmp_path / "jupyter.log"
    with log.open("wb") as out:
        server = subprocess.Popen(command, cwd=root, env=env, stdout=out, stderr=out)
    try:
        url = f"http://127.0.0.1:{port}"
        _wait_until_up(f"{url}/api/status?token={TOKEN}", server, log)
        yield Lab(url=url, token=TOKEN, root=root)
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=10)


@pytest.fixture
def browser_page():
    """A Chromium page with clipboard access; fails (never skips) without Chromium."""
    if not CHROMIUM.is_file():
        pytest.fail(
            f"{CHROMIUM} is missing: run .ci/ensure-chromium (make test runs it) to install "
            "Debian's chromium; Playwright must not download a browser."
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        try:
            context = browser.new_context(viewport={"width": 1280, "height": 1200})
            yield context
        finally:
            browser.close()
