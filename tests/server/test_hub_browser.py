"""A trainee in Chromium on the classroom hub: the Vietnamese login page, JupyterLab in
Vietnamese, lesson 01 run cell by cell, and the class provider's answer arriving through the gateway
(from the test suite's vendor server), with the badge naming the provider."""

from __future__ import annotations

import re
import time

import nbformat
import pytest
from playwright.sync_api import expect

from tests.browser.conftest import ARTIFACTS, browser_page  # noqa: F401  (the fixture)
from tests.server.harness import ROOT, TRAINEES

pytestmark = pytest.mark.slow
LESSON = "khoa_hoc/01_chatgpt/01_chatgpt.ipynb"
TIMEOUT_MS = 120_000


def _cells_up_to_first_ask() -> int:
    """How many cells (markdown included) a trainee runs to reach the lesson's first ask()."""
    lesson = nbformat.read(ROOT / "modules" / "01_chatgpt" / "01_chatgpt.ipynb", 4)
    for index, cell in enumerate(lesson.cells):
        if cell.cell_type == "code" and re.search(r"\bask\(", cell.source):
            return index + 1
    raise AssertionError("lesson 01 has no ask() cell")


def _wait_for_kernel(page, server: str, path: str, seconds: float = 120) -> None:
    """Until the notebook's kernel is up: JupyterLab skips cells run before that."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        sessions = page.request.get(f"{server}/api/sessions").json()
        for session in sessions:
            kernel = session.get("kernel") or {}
            if session.get("path") == path and kernel.get("execution_state") == "idle":
                return
        time.sleep(0.5)
    raise AssertionError(f"the kernel of {path} did not start within {seconds:.0f} s")


def test_a_trainee_logs_in_and_gets_an_answer_through_the_gateway(hub, browser_page):  # noqa: F811
    name = next(iter(TRAINEES))
    page = browser_page.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    expect.set_options(timeout=TIMEOUT_MS)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    try:
        page.goto(f"{hub.url}/hub/login")
        expect(page.locator("h1")).to_have_text("Đăng nhập lớp học")
        expect(page.locator("label[for=username_input]")).to_contain_text("Tên đăng nhập")
        page.fill("#username_input", name)
        page.fill("#password_input", hub.passwords[name])
        page.click("#login_submit")
        page.wait_for_url(re.compile(rf"/user/{name}/lab"))
        page.goto(f"{hub.url}/user/{name}/lab/tree/{LESSON}")
        menu = page.locator(".lm-MenuBar-itemLabel")
        expect(menu.filter(has_text=re.compile(r"^Tệp$"))).to_be_visible()
        expect(menu.filter(has_text=re.compile(r"^Chạy$"))).to_be_visible()
        _wait_for_kernel(page, f"{hub.url}/user/{name}", LESSON)
        status = page.locator(".jp-NotebookPanel .jp-Notebook-ExecutionIndicator").first
        expect(status).to_have_attribute("data-status", "idle")
        page.locator(".jp-NotebookPanel .jp-Cell").first.click()
        for _ in range(_cells_up_to_first_ask()):
            page.keyboard.press("Shift+Enter")
        answer = page.locator(".jp-OutputArea-output", has_text="Xin chào từ máy chủ thử nghiệm")
        expect(answer.first).to_be_visible()
        text = answer.first.inner_text()
        assert "Gemini" in text, text  # the class default provider, named on the badge
        assert "Traceback" not in page.locator(".jp-NotebookPanel").inner_text()
    except Exception:
        page.screenshot(path=str(ARTIFACTS / "failure-hub-lesson01.png"))
        raise
    page.screenshot(path=str(ARTIFACTS / "hub-lesson01.png"))
