"""``congdoan server`` without a hub: settings, accounts sheet, usage report (fast)."""

from __future__ import annotations

import csv

import pytest
from click.testing import CliRunner

from congdoan.cli import cli
from congdoan.errors import ConfigError, InputError
from congdoan.server.accounts import Account, unix_name, write_password_sheet
from congdoan.server.settings import load_server_settings, read_keys
from congdoan.server.spawner import gateway_environment
from congdoan.server.usage import Call, Ledger


def test_settings_defaults_and_overrides(tmp_path):
    assert load_server_settings(tmp_path).gateway.privacy == "redact"
    (tmp_path / "congdoan-server.toml").write_text(
        '[hub]\nport = 9000\n[gateway]\nbudget_trainee_vnd = 20000\nprivacy = "block"\n',
        encoding="utf-8",
    )
    settings = load_server_settings(tmp_path)
    assert settings.hub.port == 9000 and settings.gateway.budget_trainee_vnd == 20000
    assert settings.gateway.privacy == "block"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ('[gateway]\nprivacy = "hide"\n', "privacy"),
        ("[hub]\nprot = 8000\n", "prot"),
        ("[hub\n", "TOML"),
    ],
)
def test_bad_settings_say_what_to_fix_in_vietnamese(tmp_path, text, words):
    (tmp_path / "congdoan-server.toml").write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_server_settings(tmp_path)
    assert words in str(caught.value)
    assert "Hãy" in str(caught.value)


def test_keys_file_is_read_without_blanks_or_comments(tmp_path):
    path = tmp_path / "keys.env"
    path.write_text('# khóa\nGEMINI_API_KEY="AIza-x"\nOPENAI_API_KEY=\n', encoding="utf-8")
    assert read_keys(path) == {"GEMINI_API_KEY": "AIza-x"}


@pytest.mark.parametrize(
    ("student_id", "login"),
    [("HV001", "hv001"), ("2026-07", "hv2026-07"), ("cd.hue.01", "cd.hue.01")],
)
def test_login_names_from_student_ids(student_id, login):
    assert unix_name(student_id) == login


@pytest.mark.parametrize("student_id", ["Nguyễn", "hv 01", "x" * 40, ""])
def test_a_student_id_that_cannot_be_a_login_is_explained(student_id):
    with pytest.raises(InputError, match="tên đăng nhập"):
        unix_name(student_id)


def test_password_sheet_is_private_and_readable_in_excel(tmp_path):
    accounts = [
        Account("hv001", "Nguyễn Thị Hoa", "HV001", "abc23def45"),
        Account("hv002", "Trần Văn Bình", "HV002", None),
    ]
    sheet = write_password_sheet(accounts, tmp_path / "mat_khau.csv")
    assert oct(sheet.stat().st_mode & 0o777) == "0o600"
    assert sheet.read_bytes().startswith(b"\xef\xbb\xbf")  # BOM: Excel shows the diacritics
    rows = list(csv.reader(sheet.open(encoding="utf-8-sig")))
    assert rows[0] == ["Mã học viên", "Họ tên", "Tên đăng nhập", "Mật khẩu lần đầu"]
    assert rows[1][3] == "abc23def45" and "không đổi" in rows[2][3]
    assert "abc23def45" not in repr(accounts[0])


def test_the_trainee_environment_points_at_the_gateway_with_the_hub_token():
    env = gateway_environment("http://127.0.0.1:8181/services/ai/", "hub-token")
    assert env["CONGDOAN_GEMINI_BASE_URL"] == "http://127.0.0.1:8181/services/ai/gemini"
    assert env["OPENAI_API_KEY"] == env["GITHUB_TOKEN"] == "hub-token"


def test_usage_report_in_vietnamese(tmp_path, monkeypatch):
    ledger = Ledger(tmp_path / "gateway" / "usage.sqlite")
    ledger.record(Call("hv001", "gemini", "m", 200, 1200, 800, 1520.4, 0.4))
    ledger.record(Call("hv001", "gemini", "m", 429, 0, 0, 0.0, 0.0, refused="budget"))
    ledger.close()
    monkeypatch.setenv("CONGDOAN_SERVER_DIR", str(tmp_path))
    result = CliRunner().invoke(cli, ["server", "usage"])
    assert result.exit_code == 0, result.output
    assert "hv001: 2 lượt (1 bị từ chối), 1200 + 800 token, 1.520 đồng" in result.output
    assert "Cả lớp: 1.520 đồng" in result.output


def test_usage_with_no_calls_yet(tmp_path):
    result = CliRunner().invoke(cli, ["server", "--dir", str(tmp_path), "usage"])
    assert result.exit_code == 0 and "Chưa có lượt gọi AI" in result.output
