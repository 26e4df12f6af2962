"""The congdoan command, run in-process with exact Vietnamese output."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from congdoan.cli import LAB_OVERRIDES, cli, write_lab_overrides
from tests.providers.conftest import SECRET, point_at
from tests.vendor_server import VendorServer


@pytest.fixture
def runner():
    return CliRunner()


def test_doctor_without_keys(runner, monkeypatch):
    monkeypatch.setenv("CONGDOAN_LOCAL_BASE_URL", "http://127.0.0.1:9/v1")
    result = runner.invoke(cli, ["doctor"])

    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert "Nhà cung cấp mặc định: offline" in lines
    assert "- offline   Mô hình luyện tập: sẵn sàng · mô hình luyen-tap-1" in lines
    assert (
        "- openai    ChatGPT (OpenAI): chưa có khóa · mô hình gpt-6.1-terra "
        "→ thêm OPENAI_API_KEY=... vào tệp .env"
    ) in lines
    assert any(line.startswith("- local") and "không kết nối được" in line for line in lines)
    assert (
        "Giá dùng để ước tính chi phí: bảng giá ngày 03/12/2026 (giá thật có thể đã đổi)." in lines
    )


def test_doctor_probes_servers_and_never_prints_keys(runner, monkeypatch):
    server = VendorServer().start()
    try:
        point_at(server, "openai", monkeypatch)
        point_at(server, "deepseek", monkeypatch, model=None)
        server.fail_next(401)  # the first probe (openai) is rejected
        result = runner.invoke(cli, ["doctor"])
    finally:
        server.stop()

    assert result.exit_code == 0
    assert "ChatGPT (OpenAI): khóa bị từ chối" in result.output
    assert "DeepSeek: sẵn sàng · mô hình deepseek-flash · gọi thử tốn khoảng" in result.output
    assert SECRET not in result.output


def test_doctor_shows_each_state_against_the_vendor_server(runner, monkeypatch):
    server = VendorServer().start()
    server.model_ids = ["gpt-5.6-terra", "gpt-7-terra", "gemini-flash-latest", "deepseek-flash"]
    try:
        point_at(server, "openai", monkeypatch, model=None)  # default absent: replaced
        point_at(server, "gemini", monkeypatch, model=None)  # alias listed: ready
        point_at(server, "deepseek", monkeypatch, model="deepseek-reasoner")  # retired
        monkeypatch.setenv("CONGDOAN_LOCAL_BASE_URL", "http://127.0.0.1:9/v1")  # unreachable
        monkeypatch.setenv("CONGDOAN_MAX_RETRIES", "0")
        result = runner.invoke(cli, ["doctor"])  # copilot: no key
    finally:
        server.stop()

    lines = result.output.splitlines()
    assert result.exit_code == 0
    assert any(
        line.startswith("- openai    ChatGPT (OpenAI): đã thay mô hình · mô hình gpt-7-terra")
        and 'thay cho "gpt-6.1-terra"' in line
        for line in lines
    )
    assert any(
        line.startswith("- gemini    Gemini (Google): sẵn sàng · mô hình gemini-flash-latest")
        for line in lines
    )
    assert any(
        line.startswith("- deepseek  DeepSeek: mô hình đã ngừng · mô hình deepseek-flash")
        and '"deepseek-reasoner" đã ngừng' in line
        for line in lines
    )
    assert any(line.startswith("- copilot") and "chưa có khóa" in line for line in lines)
    assert any(line.startswith("- local") and "không kết nối được" in line for line in lines)


def test_doctor_without_probe_uses_no_network_but_knows_retired_models(runner, monkeypatch):
    monkeypatch.setenv("DEEPSEEK_API_KEY", SECRET)
    monkeypatch.setenv("CONGDOAN_DEEPSEEK_MODEL", "deepseek-chat")
    monkeypatch.setenv("CONGDOAN_DEEPSEEK_BASE_URL", "http://127.0.0.1:9/v1")

    result = runner.invoke(cli, ["doctor", "--no-probe"])

    assert "- deepseek  DeepSeek: mô hình đã ngừng · mô hình deepseek-flash" in result.output
    assert "gọi thử" not in result.output


def test_doctor_in_english(runner):
    result = runner.invoke(cli, ["--lang", "en", "doctor", "--no-probe"])
    assert "- openai    ChatGPT (OpenAI): no key · model gpt-6.1-terra" in result.output
    assert "price table of 03/12/2026" in result.output


def test_ask_prints_badge_and_answer(runner):
    result = runner.invoke(cli, ["ask", "Soạn thông báo họp Ban Chấp hành"])

    assert result.exit_code == 0
    assert result.output.startswith("[Mô hình luyện tập · luyen-tap-1]\n")
    assert "THÔNG BÁO" in result.output


def test_ask_streams_from_a_provider(runner, monkeypatch):
    server = VendorServer().start()
    try:
        point_at(server, "deepseek", monkeypatch, model=None)
        monkeypatch.setenv("CONGDOAN_MAX_RETRIES", "0")
        result = runner.invoke(cli, ["ask", "Xin chào", "-p", "deepseek", "--stream"])
    finally:
        server.stop()
    assert result.exit_code == 0
    assert result.output.startswith(server.reply_text)
    assert "[DeepSeek · deepseek-flash]" in result.output


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["ask", ""], "Lỗi: Câu hỏi đang trống."),
        (["ask", "x", "-p", "chatgtp"], 'Lỗi: Không có nhà cung cấp "chatgtp".'),
        (["ask", "x", "-p", "openai"], "Lỗi: ChatGPT (OpenAI) cần khóa API nhưng chưa có."),
        (["--lang", "en", "ask", ""], "Error: The prompt is empty."),
    ],
)
def test_ask_errors_are_one_line_without_traceback(runner, args, expected):
    result = runner.invoke(cli, args)
    assert result.exit_code == 1
    assert result.output.startswith(expected)
    assert "Traceback" not in result.output


def test_lab_writes_vietnamese_settings_and_names_the_start_notebook(runner, tmp_path, monkeypatch):
    monkeypatch.setattr("sys.prefix", str(tmp_path))
    result = runner.invoke(cli, ["lab", "--dry-run", "--no-browser"])

    assert result.exit_code == 0, result.output
    overrides = json.loads((tmp_path / "share/jupyter/lab/settings/overrides.json").read_text())
    assert overrides == LAB_OVERRIDES
    assert "modules/00_bat_dau/00_bat_dau.ipynb" in result.output
    assert "-m jupyterlab" in result.output and "--no-browser" in result.output


def test_lab_overrides_keep_other_settings(tmp_path):
    path = tmp_path / "share/jupyter/lab/settings/overrides.json"
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({"@jupyterlab/apputils-extension:themes": {"theme": "dark"}}))

    write_lab_overrides(tmp_path)

    merged = json.loads(path.read_text())
    assert merged["@jupyterlab/apputils-extension:themes"] == {"theme": "dark"}
    assert merged["@jupyterlab/translation-extension:plugin"] == {"locale": "vi_VN"}


def test_help_and_usage_errors_speak_the_course_language(runner):
    help_vi = runner.invoke(cli, ["--help"]).output
    assert help_vi.startswith("Cách dùng: ") and "Tùy chọn:" in help_vi and "Lệnh:" in help_vi
    assert "Hiện hướng dẫn này rồi thoát." in help_vi

    missing = runner.invoke(cli, ["ask"])
    assert missing.exit_code == 2 and "Lỗi: Thiếu tham số 'PROMPT'." in missing.output

    english = runner.invoke(cli, ["--lang", "en", "ask"])
    assert "Error: Missing argument 'PROMPT'." in english.output
