"""The trainee's server: a local process as the trainee's Unix user, with limits and the gateway.

``CourseSpawner`` is JupyterHub's ``LocalProcessSpawner`` plus what a class needs:

* the library is pointed at the class gateway: ``CONGDOAN_<P>_BASE_URL`` and, where a
  vendor key would go (``OPENAI_API_KEY`` ...), the trainee's own hub token. No vendor
  key ever reaches a trainee's process: the hub's environment is not passed on;
* memory and CPU limits per trainee, enforced with a cgroup per trainee (v2 or v1);
* the lessons copied into the trainee's home on first start (``khoa_hoc/``), so each
  trainee works on their own copy while the library stays installed once, read-only;
* ``JUPYTER_CONFIG_PATH`` points at the trainee configuration (nbgrader exchange,
  trainee-only lab plugins).
"""

from __future__ import annotations

import os
import pwd
import shutil
from pathlib import Path

from jupyterhub.spawner import LocalProcessSpawner
from traitlets import Dict, Unicode

__all__ = ["CourseSpawner", "cgroup_dirs", "gateway_environment"]

#: The variable each provider reads its key from, in the trainee's environment.
KEY_VARIABLES = {
    "openai": "OPENAI_API_KEY",
    "gemini": "GEMINI_API_KEY",
    "deepseek": "DEEPSEEK_API_KEY",
    "copilot": "GITHUB_TOKEN",
}
LESSONS_FOLDER = "khoa_hoc"
_CGROUP = Path("/sys/fs/cgroup")


def gateway_environment(gateway_url: str, token: str) -> dict[str, str]:
    """What points a trainee's library at the gateway, with the hub token as the "key"."""
    env = {}
    for provider, variable in KEY_VARIABLES.items():
        env[f"CONGDOAN_{provider.upper()}_BASE_URL"] = f"{gateway_url.rstrip('/')}/{provider}"
        env[variable] = token
    return env


def environment_paths(config_dir: str, prefix: str) -> dict[str, str]:
    """Where a server finds the course's Jupyter configuration, extensions and lab assets.

    Set explicitly because the Python running a trainee's server may be a thin
    environment on top of the course's (its ``sys.prefix`` then holds nothing).
    """
    return {
        "JUPYTER_CONFIG_PATH": os.pathsep.join(
            p for p in (config_dir, f"{prefix}/etc/jupyter") if p
        ),
        "JUPYTER_PATH": f"{prefix}/share/jupyter",
        "JUPYTERLAB_DIR": f"{prefix}/share/jupyter/lab",
    }


def cgroup_dirs(name: str, mem_limit: int | None, cpu_limit: float | None) -> list[Path]:
    """Create (as root) this trainee's cgroups with the limits; [] where cgroups are unavailable."""
    if not mem_limit and not cpu_limit:
        return []
    try:
        if (_CGROUP / "cgroup.controllers").is_file():  # unified hierarchy (v2)
            return [_cgroup_v2(name, mem_limit, cpu_limit)]
        return _cgroup_v1(name, mem_limit, cpu_limit)
    except OSError:
        return []


def _cgroup_v2(name: str, mem_limit: int | None, cpu_limit: float | None) -> Path:
    parent = _CGROUP / "congdoan"
    parent.mkdir(exist_ok=True)
    (parent / "cgroup.subtree_control").write_text("+memory +cpu")
    group = parent / name
    group.mkdir(exist_ok=True)
    if mem_limit:
        (group / "memory.max").write_text(str(int(mem_limit)))
    if cpu_limit:
        (group / "cpu.max").write_text(f"{int(cpu_limit * 100_000)} 100000")
    return group


def _cgroup_v1(name: str, mem_limit: int | None, cpu_limit: float | None) -> list[Path]:
    groups = []
    if mem_limit and (_CGROUP / "memory").is_dir():
        group = _CGROUP / "memory" / "congdoan" / name
        group.mkdir(parents=True, exist_ok=True)
        (group / "memory.limit_in_bytes").write_text(str(int(mem_limit)))
        groups.append(group)
    if cpu_limit and (_CGROUP / "cpu").is_dir():
        group = _CGROUP / "cpu" / "congdoan" / name
        group.mkdir(parents=True, exist_ok=True)
        (group / "cpu.cfs_period_us").write_text("100000")
        (group / "cpu.cfs_quota_us").write_text(str(int(cpu_limit * 100_000)))
        groups.append(group)
    return groups


class CourseSpawner(LocalProcessSpawner):
    gateway_url = Unicode("", config=True, help="The gateway as trainees' servers reach it.")
    lessons_dir = Unicode("", config=True, help="The lessons copied into a new trainee's home.")
    trainee_config_dir = Unicode("", config=True, help="JUPYTER_CONFIG_PATH for trainees.")
    extra_env = Dict(config=True, help="Further variables (CONGDOAN_PROVIDER ...).")
    environment_prefix = Unicode("", config=True, help="The course environment's sys.prefix.")

    def get_env(self) -> dict[str, str]:
        env = super().get_env()
        for variable in KEY_VARIABLES.values():
            env.pop(variable, None)  # whatever the hub had, a trainee never gets it
        if self.gateway_url:
            env.update(gateway_environment(self.gateway_url, self.api_token))
        if self.environment_prefix:
            env.update(environment_paths(self.trainee_config_dir, self.environment_prefix))
        env.update(self.extra_env)
        # A private temporary folder: /tmp is shared by the whole class, and libraries that
        # cache there at import (lark, used by jsonschema) broke servers starting at the
        # same moment (one trainee reading another's half-written cache file).
        env["TMPDIR"] = str(Path(pwd.getpwnam(self.user.name).pw_dir) / ".cache" / "tmp")
        return env

    async def start(self):
        self._prepare_home()
        return await super().start()

    def _prepare_home(self) -> None:
        user = pwd.getpwnam(self.user.name)
        scratch = Path(user.pw_dir) / ".cache" / "tmp"
        for folder in (scratch.parent, scratch):
            folder.mkdir(mode=0o700, exist_ok=True)
            os.chown(folder, user.pw_uid, user.pw_gid)
        self._copy_lessons()

    def make_preexec_fn(self, name: str):
        become_user = super().make_preexec_fn(name)
        groups = cgroup_dirs(name, self.mem_limit, self.cpu_limit)

        def preexec() -> None:
            for group in groups:  # still root here: join the trainee's cgroups, then drop
                (group / "cgroup.procs").write_text(str(os.getpid()))
            become_user()

        return preexec

    def _copy_lessons(self) -> None:
        if not self.lessons_dir:
            return
        user = pwd.getpwnam(self.user.name)
        target = Path(user.pw_dir) / LESSONS_FOLDER
        if target.exists():
            return  # the trainee's own work is never overwritten
        shutil.copytree(
            self.lessons_dir,
            target,
            ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__", "ket_qua"),
        )
        for folder, dirs, names in os.walk(target):
            for entry in [folder, *(os.path.join(folder, n) for n in dirs + names)]:
                os.chown(entry, user.pw_uid, user.pw_gid)
