"""Run one submission's notebook inside the sandbox: ``python -m congdoan.course.inside DIR``.

Started by :mod:`congdoan.course.sandbox` (under bubblewrap where it is available) in
the throwaway copy ``DIR`` of one submission. It reads ``DIR/.congdoan-job.json``,
limits itself and everything it starts (processes, memory, CPU time, file size), runs
the notebook's cells in an IPython shell with the outputs a kernel would give (errors
recorded, a cell interrupted after the cell timeout, the next cells still run) and
writes ``DIR/.congdoan-executed.ipynb``. One interpreter, no kernel and no ZeroMQ: the
sandbox, not a process boundary, keeps the trainee's code away from the grader.

Nothing here is trusted by the grader: the trainee's code runs in the same sandbox and
could change this process. The grader reads back only outputs and answer values, as
data (:mod:`congdoan.grading.wire`).
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import signal
import sys
from pathlib import Path
from typing import ClassVar

JOB_FILE = ".congdoan-job.json"
EXECUTED_FILE = ".congdoan-executed.ipynb"


def limit(job: dict) -> None:
    """Hard limits for this process and every process the trainee's code starts."""
    try:
        import resource
    except ImportError:  # Windows: no rlimits; the grader's wall-clock limit still applies
        return
    limits = {
        resource.RLIMIT_AS: int(job.get("memory_bytes", 3 << 30)),
        resource.RLIMIT_CPU: int(job.get("cpu_seconds", 600)),
        resource.RLIMIT_FSIZE: int(job.get("file_bytes", 64 << 20)),
        resource.RLIMIT_CORE: 0,
    }
    if os.getuid() != 0:  # the process limit does not bind root
        limits[resource.RLIMIT_NPROC] = int(job.get("processes", 256))
    for which, value in limits.items():
        with contextlib.suppress(ValueError, OSError):  # a lower hard limit is in place
            resource.setrlimit(which, (value, value))


class _Cell:
    """The outputs of the cell being run, in nbformat's JSON shape."""

    outputs: ClassVar[list] = []

    @classmethod
    def add(cls, output: dict) -> None:
        cls.outputs.append(output)


class _Stream(io.TextIOBase):
    """``sys.stdout`` / ``sys.stderr`` of the shell: text goes to the current cell."""

    def __init__(self, name: str) -> None:
        self.stream_name = name

    @property
    def encoding(self) -> str:
        return "utf-8"

    def writable(self) -> bool:
        return True

    def isatty(self) -> bool:
        return False

    def write(self, text) -> int:
        text = text if isinstance(text, str) else str(text)
        if not text:
            return 0
        outputs = _Cell.outputs
        last = outputs[-1] if outputs else None
        if last and last["output_type"] == "stream" and last["name"] == self.stream_name:
            last["text"] += text
        else:
            outputs.append({"output_type": "stream", "name": self.stream_name, "text": text})
        return len(text)


def _clean(data: dict) -> dict:
    """Display data as JSON: bytes (a PNG) in base64, as a kernel sends them."""
    import base64

    clean = {}
    for mime, value in (data or {}).items():
        if isinstance(value, bytes):
            value = base64.b64encode(value).decode("ascii")
        clean[str(mime)] = value
    return clean


def _shell():
    """An IPython shell whose displays, results and errors land in :class:`_Cell`."""
    from IPython.core.display_trap import DisplayTrap
    from IPython.core.displayhook import DisplayHook
    from IPython.core.displaypub import DisplayPublisher
    from IPython.core.interactiveshell import InteractiveShell
    from traitlets.config import Config

    class Publisher(DisplayPublisher):
        def publish(self, data, metadata=None, source=None, *, transient=None, update=False,
                    **kwargs):  # fmt: skip
            _Cell.add(
                {"output_type": "display_data", "data": _clean(data), "metadata": metadata or {}}
            )

        def clear_output(self, wait=False):
            _Cell.outputs.clear()

    class Hook(DisplayHook):
        def write_output_prompt(self):
            pass

        def write_format_data(self, format_dict, md_dict=None):
            _Cell.add(
                {
                    "output_type": "execute_result",
                    "data": _clean(format_dict),
                    "metadata": md_dict or {},
                    "execution_count": self.shell.execution_count,
                }
            )

    class Shell(InteractiveShell):
        def enable_gui(self, gui=None):
            """No event loop to hook: ``%matplotlib inline`` needs none (as in ipykernel)."""

        def _showtraceback(self, etype, evalue, stb):
            _Cell.add(
                {
                    "output_type": "error",
                    "ename": str(etype.__name__),
                    "evalue": str(evalue),
                    "traceback": [str(line) for line in stb],
                }
            )

        def init_displayhook(self):
            self.displayhook = Hook(shell=self, cache_size=self.cache_size)
            self.configurables.append(self.displayhook)
            self.display_trap = DisplayTrap(hook=self.displayhook)

        def init_display_pub(self):
            self.display_pub = Publisher(shell=self, parent=self)
            self.configurables.append(self.display_pub)

    config = Config()
    config.HistoryManager.hist_file = ":memory:"
    config.InteractiveShell.colors = "nocolor"
    return Shell.instance(config=config)


_ALARMS = hasattr(signal, "setitimer")  # not on Windows: there only --timeout stops a cell


def _alarm(_signum, _frame):
    """The cell timeout, delivered as a kernel interrupt would be.

    Code that ignores interrupts (``signal.signal(SIGINT, SIG_IGN)``) ignores this one
    too, as it would in a kernel: the grader then stops the whole run at its time limit.
    """
    if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
        return
    raise KeyboardInterrupt


def run_in_shell(folder: Path, job: dict) -> int:
    """Run the notebook's code cells in one IPython shell in this process.

    No kernel, no ZeroMQ: the sandbox is the isolation, and a submission costs one
    interpreter instead of two. Outputs have the shapes a kernel produces (stream,
    display_data, execute_result, error); a cell that runs past the cell timeout is
    interrupted (``KeyboardInterrupt``) and the next cells still run.
    """
    nb = json.loads((folder / job["notebook"]).read_text(encoding="utf-8"))
    shell = _shell()
    sys.stdout, sys.stderr = _Stream("stdout"), _Stream("stderr")
    timeout = float(job.get("cell_timeout", 30))
    for cell in nb.get("cells", []):
        if cell.get("cell_type") != "code":
            continue
        source = cell.get("source", "")
        source = "".join(source) if isinstance(source, list) else str(source)
        _Cell.outputs = []
        if _ALARMS:
            signal.signal(signal.SIGALRM, _alarm)
            signal.setitimer(signal.ITIMER_REAL, timeout)
        try:
            shell.run_cell(source, store_history=True)
        except BaseException as exc:  # an interrupt that arrived outside the cell's code
            _Cell.add(
                {"output_type": "error", "ename": type(exc).__name__, "evalue": str(exc),
                 "traceback": [f"{type(exc).__name__}: {exc}"]}
            )  # fmt: skip
        finally:
            if _ALARMS:
                signal.setitimer(signal.ITIMER_REAL, 0)
        cell["outputs"] = _Cell.outputs
        cell["execution_count"] = shell.execution_count - 1
    text = json.dumps(nb, ensure_ascii=False)
    (folder / EXECUTED_FILE).write_text(text, encoding="utf-8")
    return 0


def run(folder: Path) -> int:
    job = json.loads((folder / JOB_FILE).read_text(encoding="utf-8"))
    limit(job)
    return run_in_shell(folder, job)


def main(argv: list[str] | None = None) -> int:
    folder = Path((argv or sys.argv[1:])[0])
    os.chdir(folder)
    return run(folder)


if __name__ == "__main__":
    raise SystemExit(main())
