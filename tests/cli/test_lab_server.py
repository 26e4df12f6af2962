"""`congdoan lab` really starts JupyterLab with the Vietnamese interface and no news pop-up."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "congdoan-test-token"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=5) as response:  # loopback only
        return json.loads(response.read())


@pytest.mark.slow
def test_lab_serves_the_course_in_vietnamese(tmp_path):
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    env = {
        **os.environ,
        "JUPYTER_CONFIG_DIR": str(tmp_path / "config"),
        "JUPYTERLAB_SETTINGS_DIR": str(tmp_path / "user-settings"),
        "JUPYTERLAB_WORKSPACES_DIR": str(tmp_path / "workspaces"),
    }
    command = [
        sys.executable,
        "-m",
        "congdoan.cli",
        "lab",
        "--no-browser",
        f"--port={port}",
        "--",
        "--ServerApp.ip=127.0.0.1",
        f"--IdentityProvider.token={TOKEN}",
    ]
    server = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        settings = _wait_for(
            f"{base}/lab/api/settings/@jupyterlab/translation-extension:plugin?token={TOKEN}"
        )
        # overrides.json changes the defaults of the settings schema
        assert settings["schema"]["properties"]["locale"]["default"] == "vi_VN"
        news = _get(
            f"{base}/lab/api/settings/@jupyterlab/apputils-extension:notification?token={TOKEN}"
        )
        assert news["schema"]["properties"]["fetchNews"]["default"] == "false"
        assert news["schema"]["properties"]["checkForUpdates"]["default"] is False
        vietnamese = _get(f"{base}/lab/api/translations/vi_VN?token={TOKEN}")
        assert vietnamese["data"], "the vi_VN language pack is not installed"
        start = _get(f"{base}/api/contents/modules/00_bat_dau/00_bat_dau.ipynb?token={TOKEN}")
        assert start["type"] == "notebook"
    finally:
        server.terminate()
        server.wait(timeout=20)


def _wait_for(url: str, seconds: float = 60.0) -> dict:
    deadline = time.monotonic() + seconds
    while True:
        try:
            return _get(url)
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)
