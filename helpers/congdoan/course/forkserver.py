"""A warm start for sandboxed runs: ``python -m congdoan.course.forkserver --drop nobody|userns``.

Started by :mod:`congdoan.course.sandbox`, once per grading worker, inside a bubblewrap
sandbox built like a submission's (no network, no trainer's files, empty environment)
with one extra writable folder, ``/staging``, where the grader puts each submission's
throwaway copy. It imports what the assignments import (IPython, congdoan, pandas) and
then serves one request per line on stdin: ``{"copy": NAME}``.

For each request it forks. The child, before any trainee code runs, gives the run its
own namespaces again (mount, PID, network, IPC, UTS), so nothing carries over from one
submission to the next or reaches the server:

* every mount it inherited is made read-only, the root and ``/dev`` included;
* its copy, ``/staging/NAME/bai_lam``, is copied into a fresh size-capped tmpfs at
  ``/bai_lam`` (so a run cannot fill the grader's disk), and an empty read-only
  folder then covers ``/staging`` (no other submission is visible); when the run ends,
  its PID 1 copies the executed notebook back, a regular file within the size limit;
* ``/tmp`` and ``/dev/shm`` are fresh, size-capped tmpfs;
* a new PID namespace with its own ``/proc``: its PID 1 (ours, not traceable) starts
  the run as PID 2 and reaps orphans, as bubblewrap's does; the run sees neither the
  server nor an earlier run, and everything it started dies when it ends;
* the run then drops its rights for good: user ``nobody`` when the grader is root, a
  fresh user namespace otherwise (no capability over any mount), and ``no_new_privs``;
* PID 1 leads a session of its own, so a signal to "my process group" stays inside;
* its inherited file descriptors are closed (the protocol pipes included); its output
  goes to ``/bai_lam/.congdoan-stderr``.

The child then runs :func:`congdoan.course.inside.run` exactly as a cold sandbox does.
The fork skips the interpreter start and the imports, most of a cold run's cost.
"""

from __future__ import annotations

import contextlib
import ctypes
import importlib
import json
import os
import re
import shutil
import signal
import stat
import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path

from .inside import EXECUTED_FILE, JOB_FILE

STAGING = "/staging"
INSIDE = "/bai_lam"
STDERR_FILE = ".congdoan-stderr"
NOBODY = 65534
#: what running the course's assignments imports (measured on their solutions), so a
#: forked run finds it loaded; a module that fails to import is skipped
PRELOAD = (
    "IPython.core.interactiveshell",
    "IPython.core.ultratb",
    "congdoan",
    "congdoan.chat",
    "congdoan.checks",
    "congdoan.documents.checks",
    "congdoan.facts",
    "congdoan.forms",
    "congdoan.grading",
    "congdoan.grading.materials",
    "congdoan.media",
    "congdoan.posts",
    "congdoan.practice.model",
    "congdoan.prompts.library",
    "congdoan.providers.offline",
    "congdoan.record",
    "congdoan.course.inside",
    "pandas",
    "matplotlib.pyplot",
    "matplotlib_inline.backend_inline",
    "stack_data",
)

CLONE_NEWNS = 0x00020000
CLONE_NEWUTS = 0x04000000
CLONE_NEWIPC = 0x08000000
CLONE_NEWUSER = 0x10000000
CLONE_NEWPID = 0x20000000
CLONE_NEWNET = 0x40000000
MS_RDONLY, MS_NOSUID, MS_NODEV, MS_NOEXEC = 1, 2, 4, 8
MS_REMOUNT, MS_BIND, MS_REC, MS_PRIVATE = 32, 4096, 16384, 1 << 18
MS_NOATIME, MS_NODIRATIME, MS_RELATIME, MS_STRICTATIME = 1024, 2048, 1 << 21, 1 << 24
#: mount options (``/proc/self/mountinfo``) that must be kept on a remount: in a user
#: namespace they are locked, and a remount that drops one fails
_KEPT = {
    "nosuid": MS_NOSUID, "nodev": MS_NODEV, "noexec": MS_NOEXEC, "noatime": MS_NOATIME,
    "nodiratime": MS_NODIRATIME, "relatime": MS_RELATIME, "strictatime": MS_STRICTATIME,
}  # fmt: skip
PR_SET_NO_NEW_PRIVS, PR_CAPBSET_DROP, PR_SET_DUMPABLE = 38, 24, 4
SCRATCH_BYTES = 64 << 20  # each of /tmp and /dev/shm

_libc = None


def _c():
    """The C library (Linux only: this module runs inside the Linux sandbox)."""
    global _libc
    if _libc is None:
        _libc = ctypes.CDLL(None, use_errno=True)
    return _libc


def _check(result: int, what: str) -> None:
    if result != 0:
        errno = ctypes.get_errno()
        raise OSError(errno, f"{what}: {os.strerror(errno)}")


def unshare(flags: int) -> None:
    _check(_c().unshare(ctypes.c_int(flags)), "unshare")


def mount(source: str | None, target: str, fstype: str | None, flags: int, data: str = "") -> None:
    encode = lambda text: None if text is None else text.encode()  # noqa: E731
    result = _c().mount(
        encode(source), encode(target), encode(fstype), ctypes.c_ulong(flags), encode(data)
    )
    _check(result, f"mount {target}")


def _mounts() -> list[tuple[str, int]]:
    """Mount points of this namespace with the flags a remount must keep, parents first."""
    found = []
    for line in Path("/proc/self/mountinfo").read_text().splitlines():
        fields = line.split()
        point = mount_point(fields[4])
        flags = sum(_KEPT.get(option, 0) for option in fields[5].split(","))
        found.append((point, flags))
    return found


def mount_point(field: str) -> str:
    """A mount point as ``/proc/self/mountinfo`` writes it, decoded: the kernel escapes a
    space, tab, newline or backslash in octal (``\\040``); the rest is plain UTF-8."""
    return re.sub(r"\\([0-7]{3})", lambda m: chr(int(m[1], 8)), field)


def _under(path: str, top: str) -> bool:
    return path == top or path.startswith(top.rstrip("/") + "/")


def isolate(name: str, disk_bytes: int) -> int:
    """Namespaces and mounts of one run (the child, still privileged, before forking PID 1).

    Returns a descriptor of the run's folder in ``/staging``, for PID 1 to hand the
    executed notebook back through once ``/staging`` is covered.
    """
    source = f"{STAGING}/{name}/bai_lam"
    back = os.open(source, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW)
    unshare(CLONE_NEWNS | CLONE_NEWPID | CLONE_NEWNET | CLONE_NEWIPC | CLONE_NEWUTS)
    mount(None, "/", None, MS_REC | MS_PRIVATE)
    for point, flags in _mounts():
        if not _under(point, "/proc"):
            mount(None, point, None, MS_REMOUNT | MS_BIND | MS_RDONLY | flags)
    mount("tmpfs", INSIDE, "tmpfs", MS_NOSUID | MS_NODEV, f"size={disk_bytes},mode=0755")
    _copy_tree(Path(source), Path(INSIDE), os.getuid() == 0)
    scratch = f"size={SCRATCH_BYTES},mode=1777"
    _fresh_tmpfs("/tmp", scratch)
    if Path("/dev/shm").is_dir():
        mount("tmpfs", "/dev/shm", "tmpfs", MS_NOSUID | MS_NODEV, scratch)
    mount("tmpfs", STAGING, "tmpfs", MS_NOSUID | MS_NODEV | MS_NOEXEC | MS_RDONLY, "size=4k")
    return back


def _fresh_tmpfs(top: str, options: str) -> None:
    """A new empty tmpfs at ``top``, keeping what the sandbox mounted below it read-only.

    A Python environment may live under ``/tmp`` (a checkout there): its read-only binds
    would vanish under the new tmpfs, so each is held by a descriptor and bound again.
    """
    below = [(point, flags) for point, flags in _mounts() if point != top and _under(point, top)]
    held = [(point, flags, os.open(point, os.O_PATH)) for point, flags in below]
    mount("tmpfs", top, "tmpfs", MS_NOSUID | MS_NODEV, options)
    for point, flags, handle in held:
        Path(point).mkdir(parents=True, exist_ok=True)
        mount(f"/proc/self/fd/{handle}", point, None, MS_BIND | MS_REC)
        mount(None, point, None, MS_REMOUNT | MS_BIND | MS_RDONLY | flags)
        os.close(handle)


def _copy_tree(source: Path, target: Path, to_nobody: bool) -> None:
    """The submission's files into the run's own size-capped folder (no links followed)."""
    for path in sorted(source.rglob("*")):
        if path.is_symlink() or path.name == STDERR_FILE:
            continue
        destination = target / path.relative_to(source)
        if path.is_dir():
            destination.mkdir(exist_ok=True)
        else:
            shutil.copyfile(path, destination)
    if to_nobody:
        for path in (target, *target.rglob("*")):
            os.chown(path, NOBODY, NOBODY, follow_symlinks=False)


def hand_back(back: int, limit: int) -> None:
    """Copy the executed notebook out of the run's folder: a regular file, size-capped."""
    try:
        handle = os.open(f"{INSIDE}/{EXECUTED_FILE}", os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError:
        return  # nothing came out: the grader says so
    with os.fdopen(handle, "rb") as executed:
        status = os.fstat(handle)
        if not stat.S_ISREG(status.st_mode) or status.st_size > limit:
            return
        flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW
        with os.fdopen(os.open(EXECUTED_FILE, flags, 0o644, dir_fd=back), "wb") as out:
            out.write(executed.read(limit))  # never more than the limit, whatever happens


def drop_rights(mode: str) -> None:
    """No way back: ``nobody`` (grader is root) or a new user namespace (grader is not)."""
    if mode == "nobody":
        for capability in range(64):
            if _c().prctl(PR_CAPBSET_DROP, capability, 0, 0, 0) != 0:
                break  # past the last capability this kernel knows
        os.setgroups([])
        os.setresgid(NOBODY, NOBODY, NOBODY)
        os.setresuid(NOBODY, NOBODY, NOBODY)
    else:
        unshare(CLONE_NEWUSER)
    _check(_c().prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0), "no_new_privs")
    _c().prctl(PR_SET_DUMPABLE, 1, 0, 0, 0)  # as after an exec: its own /proc files


def _fresh_descriptors(log: Path) -> None:
    """Standard streams to the run's own log; every inherited descriptor closed."""
    null = os.open(os.devnull, os.O_RDONLY)
    out = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW, 0o644)
    os.dup2(null, 0)
    os.dup2(out, 1)
    os.dup2(out, 2)
    os.closerange(3, 65536)


def _reseed() -> None:
    """A forked run must not replay the server's random numbers."""
    import random

    random.seed()
    numpy = sys.modules.get("numpy")
    if numpy is not None:
        with contextlib.suppress(Exception):
            numpy.random.seed(int.from_bytes(os.urandom(4), "little"))


def run_one(name: str, mode: str) -> int:
    """Fork a run of ``/staging/NAME/bai_lam``; its exit code (or -signal)."""
    return _fork_and_wait(partial(_child, name, mode))


def _child(name: str, mode: str) -> int:
    _fresh_descriptors(Path(STAGING) / name / "bai_lam" / STDERR_FILE)
    job = json.loads(Path(STAGING, name, "bai_lam", JOB_FILE).read_text(encoding="utf-8"))
    back = isolate(name, int(job.get("disk_bytes", 256 << 20)))
    return _fork_and_wait(partial(_init, mode, back, int(job.get("notebook_bytes", 32 << 20))))


def _init(mode: str, back: int, limit: int) -> int:
    """PID 1 of the run's namespace, as bubblewrap's own: it mounts ``/proc``, starts the
    run as PID 2, reaps orphans until the run ends (then everything left dies) and hands
    the executed notebook back."""
    os.setsid()  # a session of its own: kill(0, ...) from the run reaches nothing outside
    mount("proc", "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC)
    _check(_c().prctl(PR_SET_DUMPABLE, 0, 0, 0, 0), "dumpable")  # not traceable by the run
    code = _fork_and_wait(partial(_run, mode, back), reap=True)
    _end_everything_else()  # nothing of the run may still write while its notebook is read
    hand_back(back, limit)
    return code


def _end_everything_else() -> None:
    """As PID 1, kill every other process of the namespace and reap them."""
    with contextlib.suppress(OSError):
        os.kill(-1, signal.SIGKILL)
    while True:
        try:
            os.wait()
        except ChildProcessError:
            return


def _run(mode: str, back: int) -> int:
    """PID 2: the trainee's notebook, with no rights left and no way to the staging folder."""
    os.close(back)
    drop_rights(mode)
    _reseed()
    os.chdir(INSIDE)
    from congdoan.course import inside

    code = inside.run(Path(INSIDE))
    sys.stdout.flush()
    return code


def _fork_and_wait(target: Callable[[], int], *, reap: bool = False) -> int:
    """Run ``target()`` in a child; its exit code. ``reap``: also collect orphans."""
    child = os.fork()
    if child == 0:
        code = 70
        try:
            code = target()
        except BaseException as exc:  # the trainee's code may raise anything, even SystemExit
            with contextlib.suppress(Exception):
                os.write(2, f"{type(exc).__name__}: {exc}\n".encode())
        finally:
            os._exit(code)
    while True:
        pid, status = os.waitpid(-1 if reap else child, 0)
        if pid == child:
            return os.waitstatus_to_exitcode(status)


def preload() -> None:
    for module in PRELOAD:
        with contextlib.suppress(Exception):
            importlib.import_module(module)


def main(argv: list[str] | None = None) -> int:
    args = argv if argv is not None else sys.argv[1:]
    mode = args[args.index("--drop") + 1] if "--drop" in args else "nobody"
    protocol = os.fdopen(os.dup(1), "w", encoding="utf-8", buffering=1)
    os.dup2(2, 1)  # a library's stray print never reaches the protocol stream
    preload()
    protocol.write(json.dumps({"ready": True}) + "\n")
    for line in sys.stdin:
        request = json.loads(line)
        name = str(request.get("copy", ""))
        if not name or "/" in name or name.startswith("."):
            protocol.write(json.dumps({"error": "bad copy name"}) + "\n")
            continue
        returncode = run_one(name, mode)
        protocol.write(json.dumps({"done": name, "returncode": returncode}) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
