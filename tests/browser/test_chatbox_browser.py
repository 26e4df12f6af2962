"""The ChatBox in a real JupyterLab and Chromium: run the notebook, type, press "Gửi",
read the practice model's answer and its badge, copy it, and keep a screenshot.

The notebook is the first lesson notebook in ``modules/01_chatgpt/`` that shows a
ChatBox, or, until that lesson exists, a one-cell notebook that does.
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook
from playwright.sync_api import expect

from congdoan import ask
from tests.conftest import Lab

from .conftest import ARTIFACTS, ROOT

PROMPT = "Soạn thông báo họp Ban Chấp hành công đoàn cơ sở lúc 8 giờ ngày 15/5/2026"
TIMEOUT_MS = 60_000


def _lesson_notebook() -> Path | None:
    """``modules/01_chatgpt/<first notebook with a ChatBox>.ipynb``, relative to the root."""
    for path in sorted((ROOT / "modules" / "01_chatgpt").glob("*.ipynb")):
        if "ChatBox(" in path.read_text(encoding="utf-8"):
            return path.relative_to(ROOT)
    return None


def _scratch_notebook(root: Path) -> Path:
    relative = Path("modules") / "99_kiem_thu" / "hop_chat.ipynb"
    source = "from congdoan.widgets import ChatBox\n\nChatBox()"
    notebook = new_notebook(cells=[new_code_cell(source)])
    notebook.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3 (ipykernel)",
        "language": "python",
    }
    (root / relative).parent.mkdir(parents=True)
    nbformat.write(notebook, root / relative)
    return relative


#: The one-cell notebook always; the lesson notebook too once it exists.
NOTEBOOKS = ["scratch"] + (["lesson"] if _lesson_notebook() else [])


@pytest.mark.slow
@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_chatbox_answers_in_jupyterlab(notebook: str, lab: Lab, browser_page):
    if notebook == "lesson":
        relative, screenshot = _lesson_notebook(), "chatbox-01_chatgpt.png"
    else:
        relative, screenshot = _scratch_notebook(lab.root), "chatbox.png"
    expected = ask(PROMPT).text  # the practice model is deterministic
    browser_page.grant_permissions(["clipboard-read", "clipboard-write"], origin=lab.url)
    page = browser_page.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    expect.set_options(timeout=TIMEOUT_MS)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    try:
        _check_chatbox(page, lab, relative, expected)
    except Exception:
        page.screenshot(path=str(ARTIFACTS / f"failure-{screenshot}"))
        raise
    page.screenshot(path=str(ARTIFACTS / screenshot))


def _check_chatbox(page, lab: Lab, relative: Path, expected: str) -> None:
    page.goto(lab.notebook_url(relative))
    page.locator(".jp-NotebookPanel .jp-Cell").first.wait_for()
    # JupyterLab skips cells run before the notebook has its kernel: wait for it first
    lab.wait_for_kernel(relative)
    kernel = page.locator(".jp-NotebookPanel .jp-Notebook-ExecutionIndicator").first
    expect(kernel).to_have_attribute("data-status", "idle")
    _run_all_cells(page)
    # a collapsed set-up cell shows a placeholder prompt; look at the first visible one
    first_run = page.locator(
        ".jp-NotebookPanel .jp-CodeCell .jp-InputPrompt:not(.jp-Placeholder-prompt)"
    ).first
    expect(first_run).to_have_text(re.compile(r"\[(\d+|\*)\]"))

    box = page.locator(".congdoan-chatbox").first
    box.wait_for(state="attached")
    _scroll_to(page, box)
    badge = box.locator(".congdoan-badge")
    expect(badge).to_contain_text("mô hình luyện tập")
    box.locator("textarea").first.fill(PROMPT)
    _button(box, "Gửi").click()

    answer = box.locator(".congdoan-answer .congdoan-text")
    last_line = expected.splitlines()[-1].strip().lstrip("-").strip()
    expect(answer).to_contain_text(last_line)
    # Markdown is rendered: list markers become bullets, every word is still there
    assert _words(answer.inner_text()) == _words(_without_markers(expected))
    expect(badge).to_contain_text("luyen-tap-1")
    assert "mô hình luyện tập" in badge.inner_text()
    expect(box).to_contain_text("Token (ước tính)")  # the footer
    assert "Traceback" not in box.inner_text()

    _button(box, "Chép câu trả lời").click()
    expect(box).to_contain_text("Đã chép câu trả lời")
    assert _words(page.evaluate("navigator.clipboard.readText()")) == _words(expected)

    box.evaluate("element => element.scrollIntoView({block: 'start'})")


def _button(box, label: str):
    """The button showing exactly ``label`` (its icon adds no text of its own)."""
    return box.locator("button").filter(has_text=re.compile(rf"^\s*{re.escape(label)}\s*$"))


def _run_all_cells(page) -> None:
    """Menu "Chạy" (Run), then its "run all cells" item, as a trainee would.

    The menu title is the Vietnamese one (the course opens JupyterLab in Vietnamese);
    the item is found by its command, which does not change with the language.
    """
    page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(r"^Chạy$")).click()
    page.locator('.lm-Menu-item[data-command="runmenu:run-all"]').click()


def _scroll_to(page, widget) -> None:
    """Scroll the notebook from the top until ``widget`` shows, as a trainee would.

    JupyterLab renders only the cells near the screen, so an output far from the last
    cell run is in the page but not laid out until it is scrolled to.
    """
    scroller = page.locator(".jp-NotebookPanel .jp-WindowedPanel-outer").first
    scroller.evaluate("element => element.scrollTo(0, 0)")
    scroller.hover()
    for _ in range(200):
        if widget.is_visible():
            widget.scroll_into_view_if_needed()
            return
        page.mouse.wheel(0, 400)
        page.wait_for_timeout(150)
    raise AssertionError("the ChatBox never appeared while scrolling the notebook")


def _without_markers(text: str) -> str:
    """The text as rendered Markdown shows it: no "- " or "1. " list markers."""
    return "\n".join(re.sub(r"^\s*(?:[-*]|\d+\.)\s+", "", line) for line in text.splitlines())


def _words(text: str) -> list[str]:
    return re.sub(r"\s+", " ", text).strip().split(" ")
