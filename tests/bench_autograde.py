"""Benchmark: `congdoan course autograde --workers N` (sandboxed) against nbgrader serial.

    python tests/bench_autograde.py --students 100 [--workers 2] [--repeats 3]
        [--assignments a01_thong_bao,a02_ke_hoach]

For each assignment, one class of ``--students`` submissions is built (solution, partial,
empty and broken answers of the real assignment, from ``tests/grading/answers.py``). Each
repeat grades two fresh copies of it:

* **nbgrader** — ``nbgrader autograde NAME --force``: one CLI process, submissions in
  series, nbgrader's own ``Execute`` (no sandbox: the class config's sandboxed step is
  switched back for this copy only), as a trainer would run it;
* **congdoan** — ``congdoan course autograde NAME --workers N``: sandbox on (bubblewrap
  when installed; the script says which).

The order of the two sides alternates between repeats (nbgrader first in odd repeats),
the load average is printed before each run, and the medians give the ratio. Every
grade row is compared field by field (auto score, manual score, extra credit, needs
manual grade), and the statuses congdoan reports are compared with those read the same
way from nbgrader's autograded notebooks. Not collected by pytest.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
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
from tests.course.classroom import grade_rows  # noqa: E402
from tests.grading import answers  # noqa: E402

VARIANTS = ("solution", "partial", "solution", "empty", "broken")


def plain_nbgrader() -> list[str]:
    """nbgrader's own autograde steps, read from nbgrader: the baseline is what it ships."""
    from nbgrader.converters.autograde import Autograde

    return [f"{c.__module__}.{c.__name__}" for c in Autograde().autograde_preprocessors]


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


def statuses_of(root: Path, assignment: str) -> dict[str, str]:
    """The status congdoan's rules give each submission, from the notebooks on disk."""
    from congdoan.course import autograde as ag
    from congdoan.course.coursedir import Course
    from congdoan.course.gradebook import open_gradebook

    course = Course(root)
    with open_gradebook(course) as gradebook:
        reference = ag._reference(course, gradebook, assignment)
    found = {}
    for folder in sorted((root / "submitted").glob(f"*/{assignment}")):
        student = folder.parent.name
        outcome = ag.Outcome(student, ag._precheck(folder, reference))
        graded = root / "autograded" / student / assignment
        if graded.is_dir():
            post = ag._postcheck(graded, reference)
            if "empty" in outcome.statuses:
                post = [s for s in post if s != "runtime_error"]
            outcome.statuses.extend(post)
        else:
            outcome.statuses.append("grading_failed")
        found[student] = outcome.status
    return found


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def run_nbgrader(root: Path, assignment: str) -> float:
    config = root / "nbgrader_config.py"
    with config.open("a", encoding="utf-8") as handle:  # this copy only: nbgrader's own Execute
        handle.write(f"\nc.Autograde.autograde_preprocessors = {plain_nbgrader()!r}\n")
    env = worker_environment(root)  # the same keyless environment as congdoan's workers
    env["CONGDOAN_ANSWER_KEYS"] = str(root / "source")
    started = time.monotonic()
    subprocess.run(
        [sys.executable, "-m", "nbgrader", "autograde", assignment, "--force"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
    )
    return time.monotonic() - started


def run_congdoan(root: Path, assignment: str, workers: int) -> tuple[float, dict[str, str]]:
    started = time.monotonic()
    result = CliRunner().invoke(
        cli, ["course", "-C", str(root), "autograde", assignment, "--workers", str(workers)]
    )
    seconds = time.monotonic() - started
    assert result.exit_code == 0, result.output
    from congdoan.course.autograde import load_outcomes
    from congdoan.course.coursedir import Course

    outcomes = load_outcomes(Course(root), assignment)
    return seconds, {student: outcome.status for student, outcome in outcomes.items()}


def compare(a: dict, b: dict) -> list:
    return sorted((k, a.get(k), b.get(k)) for k in set(a) | set(b) if a.get(k) != b.get(k))


def bench(assignment: str, options, folder: Path) -> bool:
    print(f"\n== {assignment}: a class of {options.students} submissions ...")
    base = build(folder / assignment, options.students, assignment)
    times: dict[str, list[float]] = {"nbgrader": [], "congdoan": []}
    ok = True
    for repeat in range(options.repeats):
        order = ["nbgrader", "congdoan"] if repeat % 2 == 0 else ["congdoan", "nbgrader"]
        roots = {}
        for side in order:
            root = folder / f"{assignment}-{side}-{repeat}" / "lop"
            shutil.copytree(base, root)
            roots[side] = root
            print(f"  repeat {repeat + 1}, {side:8s}: load average {load()}", end="", flush=True)
            if side == "nbgrader":
                seconds = run_nbgrader(root, assignment)
            else:
                seconds, statuses = run_congdoan(root, assignment, options.workers)
            times[side].append(seconds)
            print(f" -> {seconds:6.1f} s ({seconds / options.students:.2f} s a submission)")
        rows = grade_rows(roots["nbgrader"]), grade_rows(roots["congdoan"])
        grade_diff = compare(*rows)
        status_diff = compare(statuses_of(roots["nbgrader"], assignment), statuses)
        print(
            f"  repeat {repeat + 1}: {len(rows[0])} grade rows, field-by-field differences: "
            f"{len(grade_diff)}; status differences: {len(status_diff)}"
        )
        for diff in (grade_diff + status_diff)[:10]:
            print("    differs:", diff)
        ok = ok and not grade_diff and not status_diff
        for root in roots.values():
            shutil.rmtree(root.parent, ignore_errors=True)
    serial, parallel = (statistics.median(times[s]) for s in ("nbgrader", "congdoan"))
    print(
        f"  median: nbgrader serial {serial:.1f} s, congdoan --workers {options.workers} "
        f"{parallel:.1f} s; speed-up {serial / parallel:.2f}x "
        f"(per repeat: {', '.join(f'{a / b:.2f}x' for a, b in zip(*times.values(), strict=True))})"
    )
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=100)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--assignments", default="a01_thong_bao,a02_ke_hoach")
    options = parser.parse_args()
    from congdoan.course.sandbox import available

    print(
        f"sandbox: {'bubblewrap' if available() else 'NOT available (unsandboxed)'}; "
        f"{os.cpu_count()} cores; load average {load()}"
    )
    with tempfile.TemporaryDirectory() as temporary:
        results = [bench(name, options, Path(temporary)) for name in options.assignments.split(",")]
    print(f"\ngrades and statuses identical everywhere: {all(results)}; load average {load()}")
    return 0 if all(results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
