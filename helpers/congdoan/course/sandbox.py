"""Where a trainee's notebook runs while it is graded: a bubblewrap sandbox on Linux.

:func:`run_submission` copies one submission into a throwaway folder and runs
:mod:`congdoan.course.inside` there. With bubblewrap (``bwrap``, Debian package
``bubblewrap``, installed by ``.ci/ensure-bubblewrap``) the run gets

* new PID, network, IPC and UTS namespaces: it sees only its own processes, and its
  loopback is empty (a listener on the machine is unreachable);
* a new mount namespace holding only ``/usr``, ``/etc``, the Python installation and
  the congdoan package, all read-only, a private ``/tmp`` and the copy, writable;
  the trainer's home, ``.env`` files, the class folder and its gradebook do not exist;
* an empty environment (no key, no token), ``CONGDOAN_REPLAY=1``;
* when the grader runs as root, the unprivileged user ``nobody`` (65534) inside, so
  the process limit binds; limits on memory, CPU time and file size in any case.

Each grading process keeps one such sandbox warm (:class:`WarmServer`, running
:mod:`congdoan.course.forkserver`) and forks every run from it into namespaces of its
own, so a run skips the interpreter start and the imports; where that server cannot
start (or ``CONGDOAN_SANDBOX_WARM=0``), every run gets a cold sandbox of its own.

Without bubblewrap (Windows, macOS, a Linux without it) the same runner starts as a
plain process in the copy, with the scrubbed environment: the trainer is told once,
in Vietnamese, that submissions run unsandboxed and what that risks.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..i18n import msg
from .forkserver import STAGING, STDERR_FILE
from .inside import EXECUTED_FILE, JOB_FILE

__all__ = [
    "NOBODY",
    "Limits",
    "SandboxResult",
    "available",
    "run_submission",
    "unsandboxed_warning",
]

NOBODY = 65534
INSIDE = "/bai_lam"  # where the copy appears inside the sandbox
#: variables a sandboxed notebook may see (everything else, keys included, is dropped)
PASSED_ON = ("CONGDOAN_PROVIDER", "CONGDOAN_LANG", "LANG", "LC_ALL", "TZ")
_MODEL = "CONGDOAN_"


@dataclass(frozen=True)
class Limits:
    """What one submission may use; defaults fit the course's heaviest honest notebook."""

    cell_timeout: int = 30
    wall_seconds: float = 600.0
    memory_bytes: int = 3 << 30
    cpu_seconds: int = 300
    file_bytes: int = 64 << 20
    processes: int = 256
    notebook_bytes: int = 32 << 20  # the executed notebook the grader reads back
    copy_bytes: int = 200 << 20  # the submission folder copied in
    disk_bytes: int = 256 << 20  # all it may write in its folder (warm sandbox)


@dataclass
class SandboxResult:
    executed: Path | None  # the executed notebook (None: nothing came back)
    returncode: int | None
    timed_out: bool
    log: str
    sandboxed: bool


@lru_cache(maxsize=1)
def available() -> bool:
    """``bwrap`` is installed and can build the sandbox here (probed once)."""
    if os.environ.get("CONGDOAN_SANDBOX", "").lower() in ("0", "off", "no"):
        return False
    if sys.platform != "linux" or shutil.which("bwrap") is None:
        return False
    probe = _drop_to_nobody() if os.getuid() == 0 else []
    with tempfile.TemporaryDirectory() as folder:
        if os.getuid() == 0:
            os.chmod(folder, 0o755)
        try:
            done = subprocess.run(
                [*_bwrap(Path(folder)), *probe, sys.executable, "-c", "print('ok')"],
                capture_output=True,
                timeout=30,
                text=True,
            )
        except (OSError, subprocess.SubprocessError):
            return False
    return done.returncode == 0 and done.stdout.strip() == "ok"


_warned = False


def unsandboxed_warning() -> str | None:
    """The Vietnamese warning, the first time it is asked for in this process only."""
    global _warned
    if _warned or available():
        return None
    _warned = True
    return msg("sandbox.unsandboxed")


def _read_only_paths() -> list[Path]:
    """Python, its packages and congdoan: what a notebook needs to run, nothing else."""
    import congdoan

    paths = {Path("/usr"), Path("/etc"), Path(sys.prefix), Path(sys.base_prefix)}
    paths.add(Path(congdoan.__file__).resolve().parents[1])
    for entry in sys.path:
        if entry.endswith("site-packages") and Path(entry).is_dir():
            paths.add(Path(entry))
    return sorted({p.resolve() for p in paths if p.exists()})


def _bwrap(copy: Path, *, course_root: Path | None = None, warm: bool = False) -> list[str]:
    """bubblewrap's arguments: ``copy`` at ``/bai_lam`` (or, ``warm``, at ``/staging``)."""
    args = [
        "bwrap",
        "--unshare-pid", "--unshare-net", "--unshare-ipc", "--unshare-uts",
        "--unshare-cgroup-try", "--die-with-parent", "--new-session",
        "--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp",
    ]  # fmt: skip
    if os.getuid() != 0:
        args.insert(1, "--unshare-user")
    made: set[str] = {"/", "/proc", "/dev", "/tmp"}
    for path in _read_only_paths():
        if course_root is not None and _covers(path, course_root):
            continue  # never show the class folder, even read-only
        for parent in reversed(path.parents):
            if str(parent) not in made:
                args += ["--perms", "0755", "--dir", str(parent)]
                made.add(str(parent))
        args += ["--ro-bind", str(path), str(path)]
        made.add(str(path))
    for link in ("bin", "lib", "lib64", "sbin"):
        target = Path("/") / link
        if target.is_symlink():
            args += ["--symlink", os.readlink(target), str(target)]
        elif target.is_dir():
            args += ["--ro-bind", str(target), str(target)]
    if warm:  # the warm server forks runs that mount their own copy at /bai_lam
        args += ["--bind", str(copy), STAGING, "--dir", INSIDE, "--chdir", "/", "--clearenv"]
        if os.getuid() != 0:  # its runs need the user namespace's rights to mount
            args += ["--cap-add", "ALL"]
        return args
    args += ["--bind", str(copy), INSIDE, "--chdir", INSIDE, "--clearenv"]
    return args


def _covers(path: Path, course_root: Path) -> bool:
    course_root = course_root.resolve()
    return path == course_root or path in course_root.parents or course_root in path.parents


def environment(home: str, *, source: dict | None = None) -> dict[str, str]:
    """The sandbox's whole environment: no key, replay on, caches in the copy."""
    source = dict(os.environ if source is None else source)
    env = {name: source[name] for name in PASSED_ON if name in source}
    for name, value in source.items():
        if name.startswith(_MODEL) and name.endswith("_MODEL"):
            env[name] = value
    env.update(
        {
            "PATH": os.pathsep.join([str(Path(sys.executable).parent), "/usr/bin", "/bin"]),
            "HOME": home,
            "CONGDOAN_REPLAY": "1",
            "NBGRADER_EXECUTION": "autograde",
            "CONGDOAN_ENV_FILE": "/nonexistent/.env",
            "PYTHONIOENCODING": "utf-8",
            "PYTHONDONTWRITEBYTECODE": "1",
            "MPLBACKEND": "module://matplotlib_inline.backend_inline",
            "MPLCONFIGDIR": f"{home}/.config/matplotlib",
            "OPENBLAS_NUM_THREADS": "1",
            "OMP_NUM_THREADS": "1",
            "JUPYTER_PLATFORM_DIRS": "1",
            "JUPYTER_RUNTIME_DIR": f"{home}/.jupyter-runtime",
        }
    )
    return env


def _drop_to_nobody() -> list[str]:
    """``setpriv`` (util-linux) run inside the sandbox: user nobody, no way back to root."""
    setpriv = shutil.which("setpriv") or "/usr/bin/setpriv"
    ids = str(NOBODY)
    return [setpriv, "--reuid", ids, "--regid", ids, "--clear-groups", "--no-new-privs"]


def _copy_in(folder: Path, copy: Path, limits: Limits) -> None:
    size = 0
    for path in folder.rglob("*"):
        if path.is_symlink():
            continue  # a link could point at the trainer's files
        relative = path.relative_to(folder)
        target = copy / relative
        if path.is_dir():
            target.mkdir(parents=True, exist_ok=True)
        elif path.is_file():
            size += path.stat().st_size
            if size > limits.copy_bytes:
                raise OSError("submission folder too big")
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)


def _matplotlib_cache(home: Path) -> None:
    """The trainer's matplotlib font list, so a chart does not rebuild it (seconds)."""
    with contextlib.suppress(Exception):
        from matplotlib import get_cachedir

        cache = Path(get_cachedir())
        target = home / ".config" / "matplotlib"
        target.mkdir(parents=True, exist_ok=True)
        for path in cache.glob("fontlist-*.json"):
            shutil.copyfile(path, target / path.name)


def run_submission(
    folder: Path,
    notebook,
    notebook_name: str,
    *,
    limits: Limits = Limits(),
    course_root: Path | None = None,
    kernel_name: str = "python3",
) -> tuple[SandboxResult, Path]:
    """Run ``notebook`` with the files of ``folder`` in a throwaway copy.

    With bubblewrap the run is forked from this process's warm sandbox
    (:mod:`congdoan.course.forkserver`); when that cannot start, each run gets a cold
    sandbox of its own. Returns the result and the temporary folder holding it (the
    caller deletes it).
    """
    sandboxed = available()
    server = _warm_server(course_root) if sandboxed else None
    scratch = Path(tempfile.mkdtemp(prefix="congdoan-sandbox-", dir=server and server.staging))
    copy = _prepare(scratch, folder, notebook, notebook_name, limits, kernel_name)
    outcome = server.run(scratch.name, limits.wall_seconds) if server is not None else None
    if outcome is not None:
        (returncode, timed_out), log = outcome, _tail(copy / STDERR_FILE)
    else:  # no warm sandbox here, or it could not take this run
        returncode, timed_out, log = _run_cold(copy, sandboxed, limits, course_root)
    executed = copy / EXECUTED_FILE
    usable = (
        executed.is_file()
        and not executed.is_symlink()
        and executed.stat().st_size <= limits.notebook_bytes
    )
    result = SandboxResult(executed if usable else None, returncode, timed_out, log, sandboxed)
    return result, scratch


def _prepare(scratch: Path, folder: Path, notebook, name: str, limits: Limits, kernel: str) -> Path:
    """The throwaway copy: the submission's files, the notebook to run, the job."""
    import nbformat

    copy = scratch / "bai_lam"
    copy.mkdir()
    _copy_in(folder, copy, limits)
    for stale in (JOB_FILE, EXECUTED_FILE, STDERR_FILE):
        (copy / stale).unlink(missing_ok=True)
    nbformat.write(notebook, copy / name)
    job = {
        "notebook": name,
        "cell_timeout": limits.cell_timeout,
        "memory_bytes": limits.memory_bytes,
        "cpu_seconds": limits.cpu_seconds,
        "file_bytes": limits.file_bytes,
        "disk_bytes": max(limits.disk_bytes, limits.copy_bytes + (16 << 20)),
        "notebook_bytes": limits.notebook_bytes,
        "processes": _process_budget(limits.processes),
        "kernel_name": kernel,
    }
    (copy / JOB_FILE).write_text(json.dumps(job), encoding="utf-8")
    _matplotlib_cache(copy / ".home")
    if available() and os.getuid() == 0:  # root outside: nobody inside, so limits bind
        for path in (scratch, copy, *copy.rglob("*")):
            os.chown(path, NOBODY, NOBODY, follow_symlinks=False)
    return copy


def _run_cold(
    copy: Path, sandboxed: bool, limits: Limits, course_root: Path | None
) -> tuple[int | None, bool, str]:
    """A fresh interpreter for one run: in its own bubblewrap sandbox, or unsandboxed."""
    runner = [sys.executable, "-m", "congdoan.course.inside"]
    if sandboxed:
        home = f"{INSIDE}/.home"
        if os.getuid() == 0:
            runner = [*_drop_to_nobody(), *runner]
        settings = [a for n, v in environment(home).items() for a in ("--setenv", n, v)]
        command = [*_bwrap(copy, course_root=course_root), *settings, *runner, INSIDE]
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin")}
    else:
        command = [*runner, str(copy)]
        env = environment(str(copy / ".home"))
        env["PYTHONPATH"] = str(_package_parent())
    try:
        done = subprocess.run(
            command,
            cwd=str(copy),
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            timeout=limits.wall_seconds,
        )
    except subprocess.TimeoutExpired as exc:
        return None, True, (exc.stderr or b"")[-4000:].decode("utf-8", "replace")
    return done.returncode, False, done.stderr[-4000:].decode("utf-8", "replace")


def _tail(path: Path, size: int = 4000) -> str:
    """The end of a file the sandbox wrote, never following a link it planted."""
    try:
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return ""
    with os.fdopen(handle, "rb") as stream:
        stream.seek(max(0, os.fstat(handle).st_size - size))
        return stream.read(size).decode("utf-8", "replace")


class WarmServer:
    """One warm sandbox per grading process; each run is forked from it.

    The server (:mod:`congdoan.course.forkserver`) lives in a bubblewrap sandbox built
    like a cold run's, plus ``/staging``: a folder of this process where the throwaway
    copies are made. A run that outlives its time limit takes the server down with it
    (the next run starts a new one), so no run can leave anything behind.
    """

    def __init__(self, course_root: Path | None) -> None:
        self.course_root = course_root
        self.staging = Path(tempfile.mkdtemp(prefix="congdoan-staging-"))
        self.process: subprocess.Popen | None = None

    def start(self, timeout: float = 120.0) -> bool:
        mode = "nobody" if os.getuid() == 0 else "userns"
        command = [
            *_bwrap(self.staging, course_root=self.course_root, warm=True),
            *[a for n, v in environment(f"{INSIDE}/.home").items() for a in ("--setenv", n, v)],
            sys.executable, "-m", "congdoan.course.forkserver", "--drop", mode,
        ]  # fmt: skip
        self.process = subprocess.Popen(
            command,
            env={"PATH": os.environ.get("PATH", "/usr/bin:/bin")},
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        reply = self._reply(timeout)
        if not (reply or {}).get("ready"):
            self.stop()
            return False
        return True

    def run(self, name: str, timeout: float) -> tuple[int | None, bool] | None:
        """Run the copy ``staging/NAME``: (exit code, timed out); ``None`` if the server
        could not take it (it would not start, or its pipe broke before the run)."""
        running = self.process is not None and self.process.poll() is None
        if not running and not self.start():
            return None
        assert self.process is not None and self.process.stdin is not None
        try:
            self.process.stdin.write((json.dumps({"copy": name}) + "\n").encode())
            self.process.stdin.flush()
        except OSError:
            self.stop()
            return None
        reply = self._reply(timeout)
        if reply is None:
            timed_out = self.process.poll() is None
            self.stop()
            return None, timed_out
        return reply.get("returncode"), False

    def _reply(self, timeout: float) -> dict | None:
        import selectors

        assert self.process is not None and self.process.stdout is not None
        with selectors.DefaultSelector() as selector:
            selector.register(self.process.stdout, selectors.EVENT_READ)
            if not selector.select(timeout):
                return None
        line = self.process.stdout.readline()
        try:
            return json.loads(line) if line else None
        except ValueError:
            return None

    def stop(self) -> None:
        if self.process is not None:
            with contextlib.suppress(OSError):
                os.killpg(self.process.pid, signal.SIGKILL)
            with contextlib.suppress(OSError, subprocess.TimeoutExpired):
                self.process.wait(timeout=10)
            for stream in (self.process.stdin, self.process.stdout):
                if stream is not None:
                    with contextlib.suppress(OSError):
                        stream.close()
        self.process = None

    def close(self) -> None:
        self.stop()
        shutil.rmtree(self.staging, ignore_errors=True)


_servers: dict[Path | None, WarmServer | None] = {}


def _warm_server(course_root: Path | None) -> WarmServer | None:
    """This process's warm sandbox for ``course_root``; ``None`` when it cannot start."""
    if os.environ.get("CONGDOAN_SANDBOX_WARM", "").lower() in ("0", "off", "no"):
        return None
    if course_root not in _servers:
        server = WarmServer(course_root)
        if not server.start():
            server.close()
            server = None
        else:
            atexit.register(server.close)
        _servers[course_root] = server
    return _servers[course_root]


def _process_budget(extra: int) -> int:
    """The process limit for the sandbox's user: what it already runs, plus ``extra``.

    The kernel counts processes (threads included) per user across the machine, so for
    a trainer grading under their own account the limit starts from their current count.
    """
    if not hasattr(os, "getuid"):  # Windows: no process limit is set there
        return extra
    uid = NOBODY if os.getuid() == 0 else os.getuid()
    try:
        import psutil

        running = 0
        for process in psutil.process_iter(["uids", "num_threads"]):
            uids = process.info.get("uids")
            if uids is not None and uids.real == uid:
                running += process.info.get("num_threads") or 1
    except Exception:  # psutil missing or a process gone: a generous fixed budget
        running = 1024
    return running + extra


def _package_parent() -> Path:
    import congdoan

    return Path(congdoan.__file__).resolve().parents[1]
