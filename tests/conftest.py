"""Shared fixtures: every test runs with no keys, no .env and its own transcript file."""

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

from congdoan import i18n
from tests.vendor_server import VendorServer

ROOT = Path(__file__).resolve().parents[1]
TOKEN = "congdoan-test-token"

_VENDOR_VARIABLES = (
    "OPENAI_API_KEY",
    "OPENAI_BASE_URL",
    "GEMINI_API_KEY",
    "GOOGLE_API_KEY",
    "DEEPSEEK_API_KEY",
    "GITHUB_TOKEN",
    "AZURE_OPENAI_API_KEY",
    "AZURE_OPENAI_ENDPOINT",
    "NBGRADER_EXECUTION",
)


@pytest.fixture(autouse=True)
def isolated_environment(tmp_path_factory, monkeypatch):
    """Strip keys and congdoan settings from the environment and point files at a temp dir.

    A developer's own ``.env`` or keys must never reach a test, and no test may write a
    transcript into the repository.
    """
    home = tmp_path_factory.mktemp("env")
    for name in list(os.environ):
        if name.startswith("CONGDOAN_") or name in _VENDOR_VARIABLES:
            monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("CONGDOAN_ENV_FILE", str(home / "absent.env"))
    monkeypatch.setenv("CONGDOAN_TRANSCRIPT", str(home / "transcript.jsonl"))
    monkeypatch.setenv("CONGDOAN_CACHE_DIR", str(home / "cache"))  # the vendors' model lists
    i18n.set_language(None)
    yield home
    i18n.set_language(None)


# -- a local server that speaks the vendors' wire formats -------------------------------
@pytest.fixture(scope="session")
def vendor_server():
    server = VendorServer().start()
    yield server
    server.stop()


@pytest.fixture
def vendor(vendor_server, monkeypatch):
    """The server with clean state, fast failures (no retries) and short timeouts."""
    vendor_server.requests.clear()
    vendor_server.faults.clear()
    vendor_server.reply_text = "Xin chào từ máy chủ thử nghiệm."
    vendor_server.reasoning = None
    vendor_server.reasoning_field = "reasoning_content"
    vendor_server.model_ids = ["test-model"]
    vendor_server.model_info = {}
    vendor_server.page_size = 50
    vendor_server.refuse_summary = False
    monkeypatch.setenv("CONGDOAN_MAX_RETRIES", "0")
    monkeypatch.setenv("CONGDOAN_TIMEOUT", "5")
    yield vendor_server
    vendor_server.faults.clear()


# -- JupyterLab started the way the course starts it ------------------------------------
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
