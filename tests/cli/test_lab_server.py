"""`congdoan lab` really starts JupyterLab with the Vietnamese interface and no news pop-up."""

from __future__ import annotations

import json
import urllib.request

import pytest


def _get(lab, path: str) -> dict:
    url = f"{lab.url}{path}?token={lab.token}"
    with urllib.request.urlopen(url, timeout=5) as response:  # loopback only
        return json.loads(response.read())


@pytest.mark.slow
def test_lab_serves_the_course_in_vietnamese(lab):
    # overrides.json changes the defaults of the settings schema
    settings = _get(lab, "/lab/api/settings/@jupyterlab/translation-extension:plugin")
    assert settings["schema"]["properties"]["locale"]["default"] == "vi_VN"
    news = _get(lab, "/lab/api/settings/@jupyterlab/apputils-extension:notification")
    assert news["schema"]["properties"]["fetchNews"]["default"] == "false"
    assert news["schema"]["properties"]["checkForUpdates"]["default"] is False
    vietnamese = _get(lab, "/lab/api/translations/vi_VN")
    assert vietnamese["data"], "the vi_VN language pack is not installed"
    start = _get(lab, "/api/contents/modules/00_bat_dau/00_bat_dau.ipynb")
    assert start["type"] == "notebook"
