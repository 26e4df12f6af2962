"""In a real kernel: streaming shows one growing answer that ends with the badge, and
congdoan errors show as a message box without a traceback."""

from __future__ import annotations

import nbformat
import pytest
from nbclient import NotebookClient
from nbformat.v4 import new_code_cell, new_notebook

from tests.providers.conftest import SECRET, point_at
from tests.vendor_server import VendorServer


def _run(*sources: str, allow_errors: bool = False):
    notebook = new_notebook(cells=[new_code_cell(source) for source in sources])
    NotebookClient(notebook, timeout=60, kernel_name="python3", allow_errors=allow_errors).execute()
    return notebook.cells


@pytest.fixture
def vendor(monkeypatch):
    server = VendorServer().start()
    monkeypatch.setenv("CONGDOAN_MAX_RETRIES", "0")
    yield server
    server.stop()


@pytest.mark.slow
def test_streamed_answer_is_shown_once_with_its_badge(vendor, monkeypatch):
    point_at(vendor, "openai", monkeypatch)
    vendor.reply_text = "Kính gửi các đồng chí đoàn viên công đoàn. " * 3

    (cell,) = _run('from congdoan import ask\nask("Xin chào", provider="openai", stream=True)')

    html = [o["data"]["text/html"] for o in cell.outputs if "text/html" in o.get("data", {})]
    assert len(html) == 1, cell.outputs  # the return value is not displayed a second time
    assert "ChatGPT (OpenAI) · test-model" in html[0]
    assert vendor.reply_text.strip() in html[0]
    assert vendor.requests[-1].body["stream"] is True


@pytest.mark.slow
def test_errors_show_a_vietnamese_box_not_a_traceback(monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", SECRET)
    monkeypatch.setenv("CONGDOAN_OPENAI_BASE_URL", "http://127.0.0.1:9/v1")
    monkeypatch.setenv("CONGDOAN_MAX_RETRIES", "0")

    cells = _run(
        "import congdoan", 'congdoan.ask("Xin chào", provider="openai")', allow_errors=True
    )

    outputs = cells[1].outputs
    assert [o.output_type for o in outputs] == ["display_data"]
    shown = outputs[0]["data"]["text/html"]
    assert "Chưa chạy được" in shown and "Không kết nối được" in shown
    assert SECRET not in nbformat.writes(nbformat.v4.new_notebook(cells=cells))
