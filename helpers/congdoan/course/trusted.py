"""Execute in a sandbox, score outside it: nbgrader's ``Execute`` step, made cheat-proof.

nbgrader runs a submission's grading cells in the trainee's own kernel and scores
their outputs, so a trainee who changes the kernel (monkeypatches ``congdoan.check``,
replaces a builtin, adds an input transformer, makes a grading call return ``None``)
changes the grade. :class:`SandboxedExecute` takes the place of ``Execute`` in
``Autograde.autograde_preprocessors`` (set by :func:`congdoan.grading.nbgrader_settings`,
so ``congdoan course autograde``, ``nbgrader autograde`` and formgrader's button all use
it):

1. in a copy of the notebook, every grading cell (its source restored by nbgrader from
   the gradebook) becomes one :func:`congdoan.grading.wire.emit` call that hands out
   the variables the cell reads, as data;
2. the copy runs in the sandbox (:mod:`congdoan.course.sandbox`);
3. back in this process, which never ran the trainee's code, each grading cell's own
   source runs on those values with the imports of the locked set-up cells; its
   printed feedback, published checks and result become the cell's outputs. A grading
   cell whose last expression is not a number scores 0;
4. the notebook handed on to nbgrader is the trusted copy with the sandbox's outputs
   for the other cells: nbgrader's ``SaveAutoGrades`` writes the gradebook as usual,
   and formgrader, feedback and manual grading work unchanged.
"""

from __future__ import annotations

import ast
import builtins
import contextlib
import copy as copying
import io
import json
import shutil
import traceback
from pathlib import Path
from typing import Any

import nbformat
from nbformat import NotebookNode
from nbgrader.preprocessors import NbGraderPreprocessor
from traitlets import Float, Integer, Unicode

from ..grading import wire
from ..i18n import msg
from .sandbox import Limits, run_submission, unsandboxed_warning

__all__ = ["SandboxedExecute", "evaluate", "free_names", "grade_cells", "setup_namespace"]

_BUILTINS = set(dir(builtins))


class SandboxError(RuntimeError):
    """The sandbox gave nothing usable back (killed, out of time, broken output)."""


class SandboxedExecute(NbGraderPreprocessor):
    """Run the notebook in a sandbox; run its grading cells here, on the values it returned."""

    timeout = Integer(30, help="Seconds a cell may run (nbgrader's Execute.timeout).").tag(
        config=True
    )
    wall_seconds = Float(900.0, help="Seconds the whole notebook may run in the sandbox.").tag(
        config=True
    )
    kernel_name = Unicode("python3").tag(config=True)

    def preprocess(self, nb: NotebookNode, resources: dict) -> tuple[NotebookNode, dict]:
        warning = unsandboxed_warning()
        if warning:
            self.log.warning(warning)
        folder = Path(resources.get("metadata", {}).get("path") or ".")
        name = f"{resources.get('unique_key') or 'bai_lam'}.ipynb"
        cells = grade_cells(nb)
        outgoing = _with_emitters(nb, cells)
        limits = Limits(cell_timeout=int(self._cell_timeout()), wall_seconds=self.wall_seconds)
        course_root = _course_root(self)
        result, scratch = run_submission(
            folder, outgoing, name, limits=limits, course_root=course_root,
            kernel_name=self.kernel_name,
        )  # fmt: skip
        try:
            if result.timed_out:
                raise SandboxError(f"TimeoutError: {msg('sandbox.wall_timeout')}")
            executed = _read_back(result.executed, nb)
            if executed is None:
                detail = result.log.strip().splitlines()[-1:] or [""]
                if any(m in result.log for m in ("Timeout", "timeout", "unresponsive")):
                    raise SandboxError(f"TimeoutError: {detail[0]}")
                raise SandboxError(msg("sandbox.no_result", detail=detail[0][:200]))
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
        namespace = setup_namespace(nb)
        with _answer_keys(self):
            self._score(nb, executed, cells, namespace)
        return nb, resources

    def _score(self, nb, executed, cells, namespace) -> None:
        for index, cell in enumerate(nb.cells):
            if cell.cell_type != "code":
                continue
            ran = executed.cells[index]
            cell.execution_count = ran.get("execution_count")
            if index in cells:
                values = _values(ran, cells[index])
                cell.outputs = evaluate(cell.source, namespace, values, cell.execution_count)
            else:
                cell.outputs = ran.get("outputs", [])

    def _cell_timeout(self) -> int:
        configured = self.config.get("Execute", {}).get("timeout")
        return int(configured) if isinstance(configured, int | float) else int(self.timeout)


@contextlib.contextmanager
def _answer_keys(preprocessor):
    """Point :mod:`congdoan.grading.keys` at the class's ``source/`` while scoring."""
    import os

    from ..grading.keys import KEYS_VARIABLE

    root = _course_root(preprocessor)
    source = preprocessor.config.get("CourseDirectory", {}).get("source_directory")
    folder = root / (source if isinstance(source, str) and source else "source") if root else None
    previous = os.environ.get(KEYS_VARIABLE)
    if folder is not None and folder.is_dir() and not previous:
        os.environ[KEYS_VARIABLE] = str(folder)
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop(KEYS_VARIABLE, None)


def _course_root(preprocessor) -> Path | None:
    root = preprocessor.config.get("CourseDirectory", {}).get("root")
    return Path(root) if isinstance(root, str) and root else None


# -- the grading cells ---------------------------------------------------------------------


def grade_cells(nb: NotebookNode) -> dict[int, dict]:
    """``{cell index: {"id": grade_id, "names": [...]}}`` for every autograded code cell."""
    cells = {}
    for index, cell in enumerate(nb.cells):
        meta = cell.get("metadata", {}).get("nbgrader", {})
        if cell.cell_type == "code" and meta.get("grade") and not meta.get("solution"):
            cells[index] = {
                "id": str(meta.get("grade_id", index)),
                "names": free_names(cell.source),
            }
    return cells


def free_names(source: str) -> list[str]:
    """The names a cell reads (not builtins), in order: what it needs from the notebook."""
    try:
        tree = ast.parse(_python_only(source))
    except SyntaxError:
        return []
    names: list[str] = []
    for node in ast.walk(tree):
        loaded = isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load)
        if loaded and node.id not in _BUILTINS and node.id not in names:
            names.append(node.id)
    return names


def _python_only(source: str) -> str:
    """The cell without IPython magics (``%matplotlib inline``), which Python cannot parse."""
    return "\n".join(
        "" if line.lstrip().startswith(("%", "!")) else line for line in source.splitlines()
    )


def _with_emitters(nb: NotebookNode, cells: dict[int, dict]) -> NotebookNode:
    outgoing = copying.deepcopy(nb)
    for index, spec in cells.items():
        call = (
            '__import__("congdoan.grading.wire", fromlist=["emit"]).emit('
            f"{json.dumps(spec['id'])}, {json.dumps(spec['names'])}, globals())"
        )
        outgoing.cells[index].source = call
        outgoing.cells[index].outputs = []
    return outgoing


def _read_back(path: Path | None, trusted: NotebookNode) -> NotebookNode | None:
    """The executed notebook if it has the trusted one's shape; outputs validated."""
    if path is None:
        return None
    try:
        executed = nbformat.read(path, as_version=4)
    except Exception:
        return None
    if len(executed.cells) != len(trusted.cells):
        return None
    for mine, theirs in zip(trusted.cells, executed.cells, strict=True):
        if mine.cell_type != theirs.get("cell_type"):
            return None
        if mine.cell_type == "code":
            outputs = [o for o in theirs.get("outputs", []) if _valid_output(o)]
            theirs["outputs"] = outputs
            count = theirs.get("execution_count")
            theirs["execution_count"] = count if isinstance(count, int) else None
    return executed


def _valid_output(output) -> bool:
    try:
        nbformat.validator.validate(
            output, ref=_OUTPUT_REFS[output.get("output_type")], version=4, version_minor=4
        )
    except Exception:
        return False
    return True


_OUTPUT_REFS = {
    "stream": "stream",
    "display_data": "display_data",
    "execute_result": "execute_result",
    "error": "error",
}


def _values(ran: NotebookNode, spec: dict) -> dict[str, Any] | None:
    """The answer values the sandbox handed out for this cell; ``None`` if not exactly once."""
    payloads = [
        o["data"][wire.ANSWERS_MIME]
        for o in ran.get("outputs", [])
        if o.get("output_type") == "display_data" and wire.ANSWERS_MIME in o.get("data", {})
    ]
    if len(payloads) != 1 or not isinstance(payloads[0], dict):
        return None
    if payloads[0].get("cell") != spec["id"]:
        return None
    try:
        return wire.decode_payload(payloads[0])
    except (wire.WireError, ValueError, TypeError, OverflowError):
        return None


# -- running a grading cell here -----------------------------------------------------------


def setup_namespace(nb: NotebookNode) -> dict[str, Any]:
    """The imports of the locked, non-grading code cells (restored by nbgrader), run here."""
    namespace: dict[str, Any] = {"__name__": "__main__"}
    for cell in nb.cells:
        meta = cell.get("metadata", {}).get("nbgrader", {})
        if cell.cell_type != "code" or not meta.get("locked") or meta.get("grade"):
            continue
        try:
            tree = ast.parse(_python_only(cell.source))
        except SyntaxError:
            continue
        imports = [n for n in tree.body if isinstance(n, ast.Import | ast.ImportFrom)]
        if imports:
            module = ast.Module(body=imports, type_ignores=[])
            with contextlib.suppress(Exception):
                exec(compile(module, "<setup>", "exec"), namespace)  # trainer's code
    return namespace


class _Outputs(io.TextIOBase):
    """Collects what a grading cell prints (merged per stream) and what it displays."""

    def __init__(self, outputs: list, name: str) -> None:
        self.outputs, self.name = outputs, name

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        last = self.outputs[-1] if self.outputs else None
        if last and last["output_type"] == "stream" and last["name"] == self.name:
            last["text"] += text
        else:
            self.outputs.append({"output_type": "stream", "name": self.name, "text": text})
        return len(text)


def evaluate(
    source: str, setup: dict[str, Any], values: dict[str, Any] | None, count: int | None = None
) -> list[NotebookNode]:
    """Run a grading cell's source here, on the trainee's ``values``; its outputs.

    ``values`` is ``None`` when the sandbox handed out nothing usable: the cell scores 0.
    """
    from ..grading.core import capture_displays

    outputs: list[dict] = []
    if values is None:
        return [nbformat.from_dict(_error("GradingError", msg("sandbox.no_values")))]
    namespace = {**{k: v for k, v in values.items() if k not in setup}, **setup}
    try:
        tree = ast.parse(_python_only(source))
    except SyntaxError as exc:
        return [nbformat.from_dict(_error("SyntaxError", str(exc)))]
    last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
    result: Any = None
    with (
        contextlib.redirect_stdout(_Outputs(outputs, "stdout")),
        contextlib.redirect_stderr(_Outputs(outputs, "stderr")),
        capture_displays(outputs),
    ):
        try:
            exec(compile(tree, "<grading cell>", "exec"), namespace)
            if last is not None:
                result = eval(
                    compile(ast.Expression(last.value), "<grading cell>", "eval"), namespace
                )
        except Exception as exc:  # the trainer's test failed (an assert): 0, as in nbgrader
            outputs.append(_error(type(exc).__name__, str(exc), exc))
            return [nbformat.from_dict(o) for o in outputs]
    if last is not None:
        if _is_number(result):
            outputs.append(
                {
                    "output_type": "execute_result",
                    "data": {"text/plain": repr(result)},
                    "metadata": {},
                    "execution_count": count,
                }
            )
        else:
            outputs.append(_error("GradingError", msg("sandbox.no_number")))
    return [nbformat.from_dict(o) for o in outputs]


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and value == value


def _error(name: str, value: str, exc: BaseException | None = None) -> dict:
    lines = [f"{name}: {value}"]
    if exc is not None:
        lines = [line.rstrip("\n") for line in traceback.format_exception_only(exc)]
    return {"output_type": "error", "ename": name, "evalue": value, "traceback": lines}
