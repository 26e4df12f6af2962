"""The classroom server's settings: one TOML file the trainer edits, one key file only root reads.

``congdoan server setup`` writes both into the server's state folder (default
``/srv/congdoan``). Keys never go into the TOML file, the hub's configuration or a
trainee's environment: only the gateway reads ``keys.env`` (mode 0600)::

    [hub]
    ip = "0.0.0.0"
    port = 8000
    mem_limit = "1G"        # per trainee (cgroup), "" for none
    cpu_limit = 0.5         # cores per trainee, 0 for none
    idle_minutes = 30       # idle servers are stopped (jupyterhub-idle-culler)
    concurrent_spawns = 8   # the 8:00 rush: further logins wait their turn (2 per core)
    db_url = ""             # "" = SQLite in the state folder; or postgresql://...

    [gateway]
    budget_trainee_vnd = 50000
    budget_class_vnd = 3000000
    requests_per_minute = 20
    privacy = "redact"      # warn | redact | block (the trainer's choice)
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path

from ..config import PRIVACY_MODES
from ..errors import ConfigError
from ..files import Below
from ..i18n import msg

__all__ = [
    "GATEWAY_PROVIDERS",
    "GatewaySettings",
    "HubSettings",
    "ServerSettings",
    "load_server_settings",
    "read_keys",
]

DEFAULT_STATE_DIR = Path("/srv/congdoan")
SETTINGS_FILE = "congdoan-server.toml"
KEYS_FILE = "keys.env"

#: Providers the gateway forwards, the vendor endpoint it forwards to, and how the
#: vendor wants its key. The trainee's library talks to ``<gateway>/<provider>/...``.
GATEWAY_PROVIDERS: Mapping[str, tuple[str, str, tuple[str, ...]]] = {
    "openai": ("https://api.openai.com/v1", "bearer", ("OPENAI_API_KEY",)),
    "gemini": (
        "https://generativelanguage.googleapis.com",
        "goog",
        ("GEMINI_API_KEY", "GOOGLE_API_KEY"),
    ),
    "deepseek": ("https://api.deepseek.com", "bearer", ("DEEPSEEK_API_KEY",)),
    "copilot": ("https://models.github.ai/inference", "bearer", ("GITHUB_TOKEN",)),
}


@dataclass(frozen=True)
class HubSettings:
    ip: str = "0.0.0.0"
    port: int = 8000
    mem_limit: str = "1G"
    cpu_limit: float = 0.5
    idle_minutes: int = 30
    concurrent_spawns: int = 8  # about 2 per CPU core: more only makes each start slower
    db_url: str = ""
    course_dir: str = ""
    trainers_group: str = "giang-vien"
    home_root: str = "/home"
    course_id: str = "lop-hoc"
    grader_user: str = "cham-bai"
    hub_api_port: int = 8081
    proxy_api_port: int = 8001
    gateway_port: int = 8181
    formgrader_port: int = 8182
    start_timeout: int = 300
    #: The provider a trainee's ask() uses by default (through the gateway): "offline",
    #: "gemini", "openai" ... The trainer picks the one the class's keys are for.
    default_provider: str = "offline"
    #: The Python that runs trainees' servers and kernels ("" = the hub's own). It must
    #: be executable by every account: install the course outside /root.
    python: str = ""


@dataclass(frozen=True)
class GatewaySettings:
    budget_trainee_vnd: float = 50_000.0
    budget_class_vnd: float = 3_000_000.0
    requests_per_minute: int = 20
    privacy: str = "redact"
    max_body_bytes: int = 2_000_000
    timeout_seconds: float = 300.0
    #: Vendor endpoint overrides (``openai = "https://..."``); the tests use a local one.
    upstreams: Mapping[str, str] = field(default_factory=dict)
    #: Price overrides, ``CONGDOAN_<P>_PRICE`` style: ``openai = "0.25,2.0"`` (USD per Mtok).
    prices: Mapping[str, str] = field(default_factory=dict)
    usd_to_vnd: float = 26_300.0


@dataclass(frozen=True)
class ServerSettings:
    state_dir: Path
    hub: HubSettings = field(default_factory=HubSettings)
    gateway: GatewaySettings = field(default_factory=GatewaySettings)

    settings_file = Below(SETTINGS_FILE, folder="state_dir")
    keys_file = Below(KEYS_FILE, folder="state_dir")
    ledger_file = Below("gateway", "usage.sqlite", folder="state_dir")
    exchange_dir = Below("exchange", folder="state_dir")
    accounts_file = Below("accounts.json", folder="state_dir")
    #: Configuration every trainee's server reads (nbgrader exchange, lab settings).
    jupyter_config_dir = Below("jupyter", "trainee", folder="state_dir")
    trainer_config_dir = Below("jupyter", "trainer", folder="state_dir")

    @property
    def course_dir(self) -> Path:
        return Path(self.hub.course_dir) if self.hub.course_dir else self.state_dir / "lop"


def load_server_settings(state_dir: Path | str | None = None) -> ServerSettings:
    """Read ``congdoan-server.toml`` in ``state_dir`` (defaults when the file is absent)."""
    state = Path(state_dir or os.environ.get("CONGDOAN_SERVER_DIR") or DEFAULT_STATE_DIR)
    path = state / SETTINGS_FILE
    data: dict = {}
    if path.is_file():
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(msg("server.settings.unreadable", path=path, reason=exc)) from None
    hub = _section(HubSettings, data.get("hub", {}), path)
    gateway = _section(GatewaySettings, data.get("gateway", {}), path)
    if gateway.privacy not in PRIVACY_MODES:
        raise ConfigError(
            msg(
                "server.settings.bad_privacy",
                value=gateway.privacy,
                choices=", ".join(PRIVACY_MODES),
            )
        )
    return ServerSettings(state_dir=state.resolve(), hub=hub, gateway=gateway)


def _section(kind, values: Mapping, path: Path):
    known = {f.name: f for f in fields(kind)}
    unknown = sorted(set(values) - set(known))
    if unknown:
        raise ConfigError(msg("server.settings.unknown", names=", ".join(unknown), path=path))
    return kind(**values)


def read_keys(path: Path) -> dict[str, str]:
    """The vendors' keys from ``keys.env`` (``NAME=value`` lines); never logged."""
    if not path.is_file():
        return {}
    keys = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#") and "=" in line:
            name, value = line.split("=", 1)
            keys[name.strip()] = value.strip().strip('"').strip("'")
    return {k: v for k, v in keys.items() if v}
