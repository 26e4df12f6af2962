"""The course hub on one machine: folders, permissions and JupyterHub's configuration.

:func:`prepare` lays out the state folder (default ``/srv/congdoan``)::

    congdoan-server.toml   the trainer's settings      keys.env     vendor keys (0600)
    jupyterhub_config.py   calls configure() below     accounts.json  who may log in
    lop/                   the nbgrader course (group giang-vien, 2770; grader account)
    exchange/              nbgrader's exchange (1777: trainees submit, cannot read others)
    jupyter/trainee/       trainee configuration: exchange, assignment list, no trainer tools
    jupyter/trainer/       formgrader's configuration
    gateway/usage.sqlite   every AI call, for the usage report (0600)

:func:`configure` fills JupyterHub's ``c``: PAM login for accounts from the roster, the
``CourseSpawner`` (limits, gateway, lessons), three hub services (``ai``: the gateway;
``formgrader``: nbgrader's formgrader as the grader account, for the trainers' group
only; ``idle-culler``) and the roles that let each of them do only its job.
"""

from __future__ import annotations

import grp
import json
import os
import pwd
import shutil
import subprocess
import sys
from pathlib import Path

from jupyterhub.auth import PAMAuthenticator

from .accounts import Account, ensure_group
from .settings import ServerSettings, load_server_settings
from .spawner import environment_paths

__all__ = [
    "CourseAuthenticator",
    "configure",
    "load_accounts",
    "own_course",
    "prepare",
    "register_accounts",
]

#: nbgrader's trainer-side server extensions, off in trainees' servers.
TRAINER_SERVER_EXTENSIONS = (
    "nbgrader.server_extensions.formgrader",
    "nbgrader.server_extensions.course_list",
)
GATEWAY_SERVICE = "ai"
FORMGRADER_SERVICE = "formgrader"
HUB_CONFIG = """\
# JupyterHub configuration of the congdoan-ai classroom (written by `congdoan server setup`).
# Edit congdoan-server.toml beside this file, not this file.
from congdoan.server.hub import configure

configure(c, {state_dir!r})  # noqa: F821
"""


# -- accounts -------------------------------------------------------------------------------
def load_accounts(server: ServerSettings) -> dict[str, dict]:
    path = server.accounts_file
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


def register_accounts(server: ServerSettings, accounts: list[Account]) -> None:
    """Add accounts to those the hub lets in (takes effect at the next login, no restart)."""
    known = load_accounts(server)
    for account in accounts:
        known[account.name] = {
            "student_id": account.student_id,
            "full_name": account.full_name,
            "trainer": account.trainer or known.get(account.name, {}).get("trainer", False),
        }
    server.accounts_file.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(known, ensure_ascii=False, indent=1, sort_keys=True)
    server.accounts_file.write_text(text, encoding="utf-8")
    server.accounts_file.chmod(0o600)


class CourseAuthenticator(PAMAuthenticator):
    """Unix password (PAM), and only for the accounts the trainer created for this class.

    The list is read at each login, so trainees added mid-course can log in at once.
    """

    def check_allowed(self, username, authentication=None):
        state_dir = os.environ.get("CONGDOAN_SERVER_DIR")
        return username in load_accounts(load_server_settings(state_dir))


# -- folders and permissions --------------------------------------------------------------
def prepare(server: ServerSettings, lessons_dir: Path | None = None) -> Path:
    """Create everything the hub needs; safe to run again (keeps accounts, grades, usage)."""
    from ..course.coursedir import init_course
    from ..labsetup import configure_lab

    state = server.state_dir
    state.mkdir(parents=True, exist_ok=True)
    state.chmod(0o755)
    for private in (server.ledger_file.parent,):
        private.mkdir(parents=True, exist_ok=True)
        private.chmod(0o700)
    if server.keys_file.exists():
        server.keys_file.chmod(0o600)
    exchange = server.exchange_dir
    exchange.mkdir(exist_ok=True)
    exchange.chmod(0o1777)
    _grader_account(server)
    course, _ = init_course(server.course_dir, course_id=server.hub.course_id)
    if _shared_exchange(course.config_file, exchange):
        from ..course.integrity import record

        record(course.root)  # the server's own edit of the course config, trusted
    own_course(server)
    _write_trainee_config(server)
    _write_trainer_config(server)
    configure_lab(Path(sys.prefix), classroom=True)
    if lessons_dir is not None:
        _install_lessons(server, lessons_dir)
    config = state / "jupyterhub_config.py"
    config.write_text(HUB_CONFIG.format(state_dir=str(state)), encoding="utf-8")
    return config


def _grader_account(server: ServerSettings) -> None:
    """The account formgrader runs as: owns the course and the gradebook, not a person."""
    ensure_group(server.hub.trainers_group)
    name = server.hub.grader_user
    try:
        pwd.getpwnam(name)
    except KeyError:
        subprocess.run(
            [
                "useradd",
                "--system",
                "--home-dir",
                str(server.course_dir),
                "--shell",
                "/usr/sbin/nologin",
                "--gid",
                server.hub.trainers_group,
                name,
            ],
            check=True,
            capture_output=True,
        )


def _shared_exchange(config_file: Path, exchange: Path) -> bool:
    """Point the course at the server's exchange; True when the config was changed."""
    marker = "# congdoan server: shared exchange"
    text = config_file.read_text(encoding="utf-8")
    if marker in text:
        return False
    # UTC, as on the trainees' side: nbgrader keys released feedback by a hash that
    # includes the submission's timestamp as text, re-formatted in this zone; with
    # "Asia/Ho_Chi_Minh" ("+07") the trainees' fetch_feedback finds nothing.
    text += f"\n{marker}\nc.Exchange.root = {str(exchange)!r}\nc.Exchange.timezone = 'UTC'\n"
    config_file.write_text(text, encoding="utf-8")
    return True


def own_course(server: ServerSettings) -> None:
    """Course folder and gradebook: the grader account and the trainers' group, nobody else.

    The folders (2770) keep everyone else out. Feedback pages stay 0644 because
    nbgrader's ``release_feedback`` copies a page's mode into the exchange, where each
    trainee must read their own page.
    """
    uid = pwd.getpwnam(server.hub.grader_user).pw_uid
    gid = grp.getgrnam(server.hub.trainers_group).gr_gid
    course = server.course_dir
    for folder, dirs, names in os.walk(course):
        os.chown(folder, uid, gid)
        os.chmod(folder, 0o2770)
        feedback = (course / "feedback") in (Path(folder), *Path(folder).parents)
        for name in names:
            os.chown(os.path.join(folder, name), uid, gid)
            os.chmod(os.path.join(folder, name), 0o644 if feedback else 0o660)
        dirs[:] = [d for d in dirs if Path(folder, d) != course / "exchange"]


def _write_trainee_config(server: ServerSettings) -> None:
    from ..labsetup import ASSIGNMENT_LIST, TRAINER_EXTENSIONS

    folder = server.jupyter_config_dir
    (folder / "labconfig").mkdir(parents=True, exist_ok=True)
    nbgrader = (
        "c = get_config()  # noqa: F821\n"
        f"c.CourseDirectory.course_id = {server.hub.course_id!r}\n"
        f"c.Exchange.root = {str(server.exchange_dir)!r}\n"
        # No Exchange.timezone here: Vietnam's zone abbreviation is "+07", and nbgrader
        # splits submission names on "+", so collect would read "name+assignment" as
        # the trainee's id. UTC timestamps ("... UTC") are safe.
    )
    (folder / "nbgrader_config.py").write_text(nbgrader, encoding="utf-8")
    extensions = dict.fromkeys(TRAINER_SERVER_EXTENSIONS, False)
    _write_json(
        folder / "jupyter_server_config.json", {"ServerApp": {"jpserver_extensions": extensions}}
    )
    disabled = {**dict.fromkeys(TRAINER_EXTENSIONS, True), ASSIGNMENT_LIST: False}
    _write_json(folder / "labconfig" / "page_config.json", {"disabledExtensions": disabled})
    _world_readable(server.state_dir / "jupyter")


def _write_trainer_config(server: ServerSettings) -> None:
    from ..labsetup import ASSIGNMENT_LIST, TRAINER_EXTENSIONS

    folder = server.trainer_config_dir
    (folder / "labconfig").mkdir(parents=True, exist_ok=True)
    enabled = {**dict.fromkeys(TRAINER_EXTENSIONS, False), ASSIGNMENT_LIST: True}
    _write_json(folder / "labconfig" / "page_config.json", {"disabledExtensions": enabled})
    _world_readable(server.state_dir / "jupyter")


def _install_lessons(server: ServerSettings, lessons_dir: Path) -> None:
    target = server.state_dir / "khoa_hoc"
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(
        lessons_dir, target, ignore=shutil.ignore_patterns(".ipynb_checkpoints", "ket_qua")
    )
    _world_readable(target)


def _world_readable(folder: Path) -> None:
    for path in [folder, *folder.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)


def _write_json(path: Path, data: dict) -> None:
    path.write_text(json.dumps(data, indent=1), encoding="utf-8")


# -- JupyterHub's configuration -------------------------------------------------------------
def configure(c, state_dir: str | Path) -> None:
    """Fill JupyterHub's config object ``c`` from the server settings in ``state_dir``."""
    os.environ["CONGDOAN_SERVER_DIR"] = str(state_dir)
    server = load_server_settings(state_dir)
    hub, state = server.hub, server.state_dir
    accounts = load_accounts(server)
    trainers = sorted(name for name, info in accounts.items() if info.get("trainer"))

    c.JupyterHub.ip = hub.ip
    c.JupyterHub.port = hub.port
    c.JupyterHub.hub_ip = "127.0.0.1"
    c.JupyterHub.hub_port = hub.hub_api_port
    c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{hub.proxy_api_port}"
    c.ConfigurableHTTPProxy.pid_file = str(state / "proxy.pid")
    c.JupyterHub.db_url = hub.db_url or f"sqlite:///{state / 'jupyterhub.sqlite'}"
    c.JupyterHub.cookie_secret_file = str(state / "jupyterhub_cookie_secret")
    c.JupyterHub.concurrent_spawn_limit = hub.concurrent_spawns
    c.JupyterHub.cleanup_servers = False  # restarting the hub keeps trainees' work running
    c.JupyterHub.template_paths = [str(Path(__file__).with_name("templates"))]
    c.JupyterHub.template_vars = {"congdoan": _page_words()}

    c.JupyterHub.authenticator_class = CourseAuthenticator
    c.PAMAuthenticator.open_sessions = False  # no logind on a plain server or container
    c.Authenticator.allow_all = False

    c.JupyterHub.spawner_class = "congdoan.server.spawner.CourseSpawner"
    c.Spawner.cmd = [hub.python or sys.executable, "-m", "jupyterhub.singleuser"]
    c.CourseSpawner.environment_prefix = sys.prefix
    c.Spawner.default_url = "/lab"
    c.Spawner.notebook_dir = "~"
    c.Spawner.start_timeout = hub.start_timeout
    c.Spawner.http_timeout = hub.start_timeout
    c.Spawner.mem_limit = hub.mem_limit or None
    c.Spawner.cpu_limit = hub.cpu_limit or None
    gateway_url = f"http://127.0.0.1:{hub.gateway_port}/services/{GATEWAY_SERVICE}"
    c.CourseSpawner.gateway_url = gateway_url
    c.CourseSpawner.trainee_config_dir = str(server.jupyter_config_dir)
    c.CourseSpawner.extra_env = {"CONGDOAN_PROVIDER": hub.default_provider, "CONGDOAN_LANG": "vi"}
    lessons = state / "khoa_hoc"
    c.CourseSpawner.lessons_dir = str(lessons) if lessons.is_dir() else ""
    c.Spawner.server_token_scopes = [
        "users:activity!user",
        "access:servers!server",
        f"access:services!service={GATEWAY_SERVICE}",
        "read:users:groups!user",
    ]

    c.JupyterHub.load_groups = {hub.trainers_group: {"users": trainers}}
    c.JupyterHub.services = _services(server)
    c.JupyterHub.load_roles = _roles(server)


def _page_words() -> dict[str, str]:
    """The hub pages' words from the catalogue (``server.page.*``), in the course language."""
    from ..i18n import catalogue, get_language

    prefix = "server.page."
    words = catalogue(get_language())
    return {key[len(prefix) :]: text for key, text in words.items() if key.startswith(prefix)}


def _services(server: ServerSettings) -> list[dict]:
    hub = server.hub
    environment = {"CONGDOAN_SERVER_DIR": str(server.state_dir), "CONGDOAN_LANG": "vi"}
    return [
        {
            "name": GATEWAY_SERVICE,
            "url": f"http://127.0.0.1:{hub.gateway_port}",
            "command": [sys.executable, "-m", "congdoan.server.gateway"],
            "environment": environment,
            "display": False,
        },
        {
            "name": FORMGRADER_SERVICE,
            "url": f"http://127.0.0.1:{hub.formgrader_port}",
            "command": [
                hub.python or sys.executable,
                "-m",
                "jupyterhub.singleuser",
                f"--ServerApp.root_dir={server.course_dir}",
            ],
            "user": hub.grader_user,
            "cwd": str(server.course_dir),
            "environment": {
                **environment_paths(str(server.trainer_config_dir), sys.prefix),
                "JUPYTERHUB_DEFAULT_URL": "/lab/tree/?",
                "HOME": str(server.course_dir),
                "CONGDOAN_LANG": "vi",
            },
            "oauth_no_confirm": True,
        },
        {
            "name": "idle-culler",
            "command": [
                sys.executable,
                "-m",
                "jupyterhub_idle_culler",
                f"--timeout={hub.idle_minutes * 60}",
                "--cull-every=60",
            ],
        },
    ]


def _roles(server: ServerSettings) -> list[dict]:
    group = server.hub.trainers_group
    return [
        {"name": "user", "scopes": ["self", f"access:services!service={GATEWAY_SERVICE}"]},
        {
            "name": "giang-vien",
            "groups": [group],
            "scopes": [
                f"access:services!service={FORMGRADER_SERVICE}",
                "list:users",
                "read:users:activity",
                "admin-ui",  # the hub's admin page: who is running, stop a server
                "admin:servers",  # start/stop trainees' servers, not open them
            ],
        },
        {
            "name": "idle-culler",
            "services": ["idle-culler"],
            "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"],
        },
    ]
