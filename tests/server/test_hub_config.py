"""JupyterHub's configuration as ``congdoan.server.hub.configure`` writes it (no hub started)."""

from __future__ import annotations

import json

from traitlets.config import Config

from congdoan.server.hub import configure


def _config(tmp_path, toml: str = "") -> Config:
    # configure() exports CONGDOAN_SERVER_DIR for the hub process; the autouse fixture in
    # tests/conftest.py removes CONGDOAN_* variables before every test
    (tmp_path / "congdoan-server.toml").write_text(toml, encoding="utf-8")
    accounts = {"hv001": {"trainer": False}, "gv01": {"trainer": True}}
    (tmp_path / "accounts.json").write_text(json.dumps(accounts), encoding="utf-8")
    c = Config()
    configure(c, tmp_path)
    return c


def test_services_gateway_formgrader_and_culler(tmp_path):
    c = _config(tmp_path, "[hub]\nidle_minutes = 20\ngateway_port = 9181\n")
    services = {s["name"]: s for s in c.JupyterHub.services}
    assert set(services) == {"ai", "formgrader", "idle-culler"}
    assert services["ai"]["url"] == "http://127.0.0.1:9181"
    assert "--timeout=1200" in services["idle-culler"]["command"]
    assert services["formgrader"]["user"] == "cham-bai"
    assert "environment" not in services["ai"] or not any(
        "KEY" in name or "TOKEN" in name for name in services["ai"]["environment"]
    )  # the gateway reads keys.env itself: no key in the hub's configuration


def test_roles_give_formgrader_to_trainers_only(tmp_path):
    c = _config(tmp_path)
    roles = {r["name"]: r for r in c.JupyterHub.load_roles}
    assert "access:services!service=formgrader" in roles["giang-vien"]["scopes"]
    assert roles["giang-vien"]["groups"] == ["giang-vien"]
    assert not any("formgrader" in s for s in roles["user"]["scopes"])
    assert "access:services!service=ai" in roles["user"]["scopes"]
    assert c.JupyterHub.load_groups == {"giang-vien": {"users": ["gv01"]}}
    assert "delete:servers" in roles["idle-culler"]["scopes"]


def test_trainee_servers_get_the_gateway_limits_and_the_rush_limit(tmp_path):
    c = _config(tmp_path, '[hub]\nmem_limit = "2G"\ncpu_limit = 1.5\nconcurrent_spawns = 7\n')
    assert c.Spawner.mem_limit == "2G" and c.Spawner.cpu_limit == 1.5
    assert c.JupyterHub.concurrent_spawn_limit == 7
    assert c.CourseSpawner.gateway_url.endswith("/services/ai")
    assert "access:services!service=ai" in c.Spawner.server_token_scopes
    assert c.JupyterHub.db_url.startswith("sqlite:///")
    assert c.JupyterHub.template_vars["congdoan"]["sign_in"] == "Đăng nhập"
