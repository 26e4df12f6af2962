"""Benchmark: `congdoan course autograde --workers N` against nbgrader's serial autograde.

    python tests/bench_autograde.py --students 100 [--workers 2] [--assignment a01_thong_bao]

Builds one class of ``--students`` submissions (solution, partial, empty and broken
answers of the real assignment, from ``tests/grading/answers.py``), copies it, then
grades one copy with ``nbgrader autograde NAME`` (one CLI process, all submissions in
series, as a trainer would run it) and the other with ``congdoan course autograde``.
Prints both times, the ratio, and whether every grade cell got the same score.
Not collected by pytest (the file name does not start with ``test_``).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from click.testing import CliRunner  # noqa: E402

from congdoan.cli import cli  # noqa: E402
from congdoan.course.autograde import worker_environment  # noqa: E402
from tests.course import classroom  # noqa: E402
from tests.grading import answers  # noqa: E402

VARIANTS = ("solution", "partial", "solution", "empty", "broken")


def build(folder: Path, students: int, assignment: str) -> Path:
    root = folder / "lop"
    runner = CliRunner()

    def run(*args):
        result = runner.invoke(cli, ["course", "-C", str(root), *args])
        assert result.exit_code == 0, result.output

    result = runner.invoke(cli, ["course", "init", str(root), "--course-id", "bench"])
    assert result.exit_code == 0, result.output
    people = classroom.people(students)
    run("roster", "import", str(classroom.roster_csv(folder / "ds.csv", people)))
    run("release", assignment)
    base = classroom.released(root, assignment)
    for index, (student, *_) in enumerate(people):
        nb = json.loads(json.dumps(base))
        sources = answers.variant(assignment, VARIANTS[index % len(VARIANTS)])
        for cell in nb["cells"]:
            grade_id = cell["metadata"].get("nbgrader", {}).get("grade_id")
            if grade_id in sources:
                cell["source"] = sources[grade_id]
        target = root / "submitted" / student / assignment
        target.mkdir(parents=True)
        (target / f"{assignment}.ipynb").write_text(json.dumps(nb, ensure_ascii=False), "utf-8")
    return root


def grades(root: Path) -> dict[tuple[str, str], float]:
    connection = sqlite3.connect(root / "gradebook.db")
    try:
        rows = connection.execute(
            "SELECT sa.student_id, bc.name, COALESCE(g.manual_score, g.auto_score, 0)"
            " FROM grade g JOIN submitted_notebook sn ON g.notebook_id = sn.id"
            " JOIN submitted_assignment sa ON sn.assignment_id = sa.id"
            " JOIN base_cell bc ON g.cell_id = bc.id"
        ).fetchall()
    finally:
        connection.close()
    return {(s, c): round(v, 2) for s, c, v in rows}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=100)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--assignment", default="a01_thong_bao")
    options = parser.parse_args()

    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        print(f"building a class of {options.students} submissions of {options.assignment} ...")
        serial_root = build(folder / "serial", options.students, options.assignment)
        parallel_root = folder / "parallel" / "lop"
        shutil.copytree(serial_root, parallel_root)
        text = (parallel_root / "nbgrader_config.py").read_text(encoding="utf-8")
        assert "HERE" in text  # the config is relative to its folder, so the copy is independent

        env = worker_environment(serial_root)  # same keyless environment for both
        started = time.monotonic()
        done = subprocess.run(
            [sys.executable, "-m", "nbgrader", "autograde", options.assignment, "--force"],
            cwd=serial_root,
            env=env,
            capture_output=True,
            text=True,
        )
        serial = time.monotonic() - started
        if done.returncode != 0:
            print("nbgrader autograde reported errors (expected for broken answers)")

        started = time.monotonic()
        result = CliRunner().invoke(
            cli,
            [
                "course",
                "-C",
                str(parallel_root),
                "autograde",
                options.assignment,
                "--workers",
                str(options.workers),
            ],
        )
        parallel = time.monotonic() - started
        assert result.exit_code == 0, result.output

        a, b = grades(serial_root), grades(parallel_root)
        same = a == b
        print(
            f"nbgrader autograde (serial, one process): {serial:7.1f} s "
            f"({serial / options.students:.2f} s a submission)"
        )
        print(
            f"congdoan course autograde --workers {options.workers}:   {parallel:7.1f} s "
            f"({parallel / options.students:.2f} s a submission)"
        )
        print(f"speed-up: {serial / parallel:.2f}x on {os.cpu_count()} cores")
        print(f"grades identical: {same} ({len(a)} grade cells)")
        if not same:
            diff = sorted(k for k in set(a) | set(b) if a.get(k) != b.get(k))
            print("differences:", diff[:10])
        return 0 if same else 1


if __name__ == "__main__":
    raise SystemExit(main())
