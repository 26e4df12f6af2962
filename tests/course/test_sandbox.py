"""The sandbox and the trusted grader: hostile code stays inside, scores are computed outside."""

from __future__ import annotations

import json
import os
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook

from congdoan.course import sandbox
from congdoan.course.gradebook import changes
from congdoan.course.trusted import evaluate, free_names, grade_cells
from congdoan.grading import wire
from congdoan.grading.core import CHECKS_MIME
from tests.course import classroom
from tests.course.conftest import invoke
from tests.vendor_server import VendorServer

# -- the trusted side: pure functions ----------------------------------------------------


def _kinds(outputs):
    return [(o["output_type"], o.get("name") or o.get("ename")) for o in outputs]


def test_free_names_are_what_a_grading_cell_reads():
    assert free_names('grade_part("a01", "notice", draft=draft)') == ["grade_part", "draft"]
    assert free_names("diem = 2 if 'x' in LOI_CHAO else 0\nprint(diem)\ndiem") == [
        "diem",
        "LOI_CHAO",
    ]
    assert free_names("%matplotlib inline\nx") == ["x"]


def test_a_grading_cell_scored_here_ends_in_a_number():
    from congdoan.grading import grade_part

    setup = {"grade_part": grade_part}
    source = 'grade_part("a01", "prompt", prompt=prompt)'
    good = evaluate(source, setup, {"prompt": "Bạn là cán bộ công đoàn. Soạn thông báo."}, 7)
    assert _kinds(good) == [("stream", "stdout"), ("display_data", None), ("execute_result", None)]
    assert CHECKS_MIME in good[1]["data"] and good[2]["execution_count"] == 7
    assert 0 <= float(good[2]["data"]["text/plain"]) <= 2
    # the trainee's own grade_part cannot replace the trusted one
    faked = evaluate(source, setup, {"prompt": "", "grade_part": "fake"})
    assert faked[-1]["data"]["text/plain"] == "0.0"
    assert _kinds(evaluate("None", {}, {})) == [("error", "GradingError")]
    assert _kinds(evaluate("'4'", {}, {})) == [("error", "GradingError")]
    assert evaluate("assert X == 1", {}, {"X": 1}) == []  # nbgrader's assert idiom: full
    assert _kinds(evaluate("assert X == 1", {}, {"X": 2})) == [("error", "AssertionError")]
    assert _kinds(evaluate("x", {}, None)) == [("error", "GradingError")]  # nothing came back
    assert _kinds(evaluate("import sys; sys.stderr.write('w'); 1", {}, {}))[0] == (
        "stream",
        "stderr",
    )


def test_answers_cross_as_data_only():
    import pandas as pd

    table = pd.DataFrame({"Ngày": ["04/5/2026"], "Kinh phí": [5_000_000]})
    back = wire.decode(wire.encode(table))
    assert back.equals(table) and list(back.dtypes) == list(table.dtypes)

    class Sneaky:
        text = "bản nháp"

        def __eq__(self, other):  # pragma: no cover - must never run on the grader's side
            raise SystemExit("ran on the grader")

    stand_in = wire.decode(wire.encode(Sneaky()))
    assert type(stand_in).__name__ == "Sneaky" and stand_in.text == "bản nháp"
    assert type(stand_in).__eq__ is object.__eq__
    for bad in ({"t": "pickle", "v": "x"}, {"t": "list", "v": "nope"}, []):
        with pytest.raises(wire.WireError):
            wire.decode(bad)
    deep = {"t": "none"}
    for _ in range(40):
        deep = {"t": "list", "v": [deep]}
    with pytest.raises(wire.WireError):
        wire.decode(deep)
    with pytest.raises(wire.WireError):
        wire.decode_payload("x" * (wire.MAX_BYTES + 1))


def test_grade_cells_are_autograded_code_cells_only():
    nb = new_notebook()
    meta = {"nbgrader": {"grade": True, "solution": False, "grade_id": "c", "points": 1}}
    answer = {"nbgrader": {"grade": True, "solution": True, "grade_id": "a", "points": 1}}
    nb.cells = [new_code_cell("x = 1"), new_code_cell("x", metadata=meta)]
    nb.cells.append(new_code_cell("y", metadata=answer))
    assert grade_cells(nb) == {1: {"id": "c", "names": ["x"]}}


def test_gradebook_changes_behind_the_graders_back():
    before = {
        ("HV001", "a01", "nb", "c1"): (1.0, None, None),
        ("HV002", "a01", "nb", "c1"): (2.0, None, None),
        ("HV003", "a02", "nb", "c1"): (1.0, None, None),
    }
    after = dict(before)
    after[("HV001", "a01", "nb", "c1")] = (2.0, None, None)  # regraded in this run: fine
    assert changes(before, after, "a01", {"HV001"}) == []
    after[("HV002", "a01", "nb", "c1")] = (2.0, 10.0, None)  # a manual score appeared
    after.pop(("HV003", "a02", "nb", "c1"))  # another assignment's row vanished
    assert changes(before, after, "a01", {"HV001"}) == ["HV002/a01/c1", "HV003/a02/c1"]


# -- the sandbox itself ------------------------------------------------------------------

ATTACK = r"""
import json, os, socket
seen = {}
seen["environ"] = {k: v for k, v in os.environ.items() if "KEY" in k}
seen["pids"] = sorted(int(p) for p in os.listdir("/proc") if p.isdigit())
seen["course"] = os.path.exists(COURSE)
seen["dotenv"] = os.path.exists(DOTENV)
try:
    open(COURSE + "/gradebook.db", "a")
    seen["write_course"] = True
except OSError:
    seen["write_course"] = False
try:
    open("/usr/xin_chao", "w")
    seen["write_usr"] = True
except OSError:
    seen["write_usr"] = False
s = socket.socket()
s.settimeout(2)
seen["network"] = s.connect_ex(("127.0.0.1", PORT)) == 0
kids = 0
try:
    for _ in range(2000):
        pid = os.fork()
        if pid == 0:
            import time
            time.sleep(30)
            os._exit(0)
        kids += 1
except OSError:
    pass
seen["kids"] = kids
try:
    hog = bytearray(64 << 30)
    seen["memory"] = True
except MemoryError:
    seen["memory"] = False
seen["uid"] = os.getuid()
print("SEEN" + json.dumps(seen))
"""


@pytest.mark.slow
@pytest.mark.skipif(not sandbox.available(), reason="bubblewrap is not installed here")
@pytest.mark.parametrize("warm", ["1", "0"], ids=["warm", "cold"])
def test_sandbox_keeps_the_trainer_out_of_reach(tmp_path, monkeypatch, warm):
    monkeypatch.setenv("CONGDOAN_SANDBOX_WARM", warm)
    course = tmp_path / "lop"
    course.mkdir()
    (course / "gradebook.db").write_bytes(b"")
    (tmp_path / ".env").write_text("OPENAI_API_KEY=sk-planted-in-dotenv\n", encoding="utf-8")
    monkeypatch.setenv("OPENAI_API_KEY", "sk-planted-in-environment")
    server = VendorServer().start()
    try:
        folder = course / "submitted" / "HV001" / "t01"
        folder.mkdir(parents=True)
        prelude = f"COURSE = {str(course)!r}\nDOTENV = {str(tmp_path / '.env')!r}\n"
        port = int(server.url.rsplit(":", 1)[1])
        nb = new_notebook(cells=[new_code_cell(prelude + f"PORT = {port}\n" + ATTACK)])
        nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3"}
        result, scratch = sandbox.run_submission(
            folder, nb, "t01.ipynb", course_root=course, limits=sandbox.Limits(cell_timeout=60)
        )
        try:
            assert result.sandboxed and result.executed is not None, result.log
            executed = nbformat.read(result.executed, as_version=4)
        finally:
            import shutil

            shutil.rmtree(scratch, ignore_errors=True)
    finally:
        server.stop()
    text = "".join(o.get("text", "") for o in executed.cells[0].outputs)
    seen = json.loads(text.split("SEEN", 1)[1])
    assert seen["environ"] == {}
    assert max(seen["pids"]) < 10 + seen["kids"] + 5  # its own PID namespace only
    assert seen["course"] is False and seen["dotenv"] is False
    assert seen["write_course"] is False and seen["write_usr"] is False
    assert seen["network"] is False and server.requests == []
    assert seen["memory"] is False
    if os.getuid() == 0:  # as root outside, nobody inside: the process limit binds
        assert seen["uid"] == sandbox.NOBODY and seen["kids"] < 300
    assert (course / "gradebook.db").read_bytes() == b""


LEAVE_BEHIND = r"""
import json, os, signal, subprocess
open("/tmp/de_lai.txt", "w").write("x")
if os.path.isdir("/dev/shm"):
    open("/dev/shm/de_lai", "w").write("x")
open(os.path.expanduser("~/de_lai.txt"), "w").write("x")
tried = {}
for path in ("/de_lai.txt", "/staging/de_lai.txt", "/dev/de_lai"):
    try:
        open(path, "w").write("x")
        tried[path] = True
    except OSError:
        tried[path] = False
for target in (1, os.getppid(), -1):  # its init, its parent, all it may signal
    try:
        os.kill(target, signal.SIGKILL)
    except OSError:
        pass
subprocess.Popen(["sleep", "300"], start_new_session=True)
fds = sorted(int(fd) for fd in os.listdir("/proc/self/fd"))
print("LEFT" + json.dumps({"tried": tried, "fds": fds, "pid": os.getpid(),
      "staging": os.listdir("/staging") if os.path.isdir("/staging") else None}))
"""

LOOK_AROUND = r"""
import json, os
procs = {}
for pid in os.listdir("/proc"):
    if pid.isdigit():
        try:
            procs[pid] = open(f"/proc/{pid}/cmdline", "rb").read().replace(b"\0", b" ").decode()
        except OSError:
            procs[pid] = "?"
print("SAW" + json.dumps({"tmp": os.listdir("/tmp"), "root": sorted(os.listdir("/")),
      "shm": os.listdir("/dev/shm") if os.path.isdir("/dev/shm") else [],
      "home": os.path.exists(os.path.expanduser("~/de_lai.txt")), "procs": procs}))
"""


@pytest.fixture
def folder(tmp_path, monkeypatch):
    """A submission folder, graded in the warm sandbox."""
    monkeypatch.setenv("CONGDOAN_SANDBOX_WARM", "1")
    folder = tmp_path / "bai"
    folder.mkdir()
    return folder


def _run_cell(folder, code, **limits):
    nb = new_notebook(cells=[new_code_cell(code)])
    result, scratch = sandbox.run_submission(folder, nb, "t.ipynb", limits=sandbox.Limits(**limits))
    try:
        executed = nbformat.read(result.executed, as_version=4) if result.executed else None
    finally:
        import shutil

        shutil.rmtree(scratch, ignore_errors=True)
    text = "".join(o.get("text", "") for o in executed.cells[0].outputs) if executed else ""
    return result, text


@pytest.mark.slow
@pytest.mark.skipif(not sandbox.available(), reason="bubblewrap is not installed here")
def test_warm_runs_leave_nothing_for_the_next(folder):
    """Runs forked from one warm sandbox share nothing: files, processes, the server."""
    first, text = _run_cell(folder, LEAVE_BEHIND)
    assert first.returncode == 0, first.log
    left = json.loads(text.split("LEFT", 1)[1])
    assert left["pid"] == 2  # PID 1 is the run's own init, as in a cold sandbox
    assert not any(left["tried"].values()) and not left["staging"]
    assert left["fds"] == [0, 1, 2, 3]  # the standard streams, and listdir's own
    server = sandbox._servers[None]
    assert server is not None and server.process.poll() is None  # kill(0)/kill(1) missed it
    second, text = _run_cell(folder, LOOK_AROUND)
    assert second.returncode == 0, second.log
    saw = json.loads(text.split("SAW", 1)[1])
    # /tmp holds nothing but the read-only environment's own folders (a checkout under /tmp)
    assert "de_lai.txt" not in saw["tmp"] and saw["shm"] == [] and saw["home"] is False
    assert set(saw["tmp"]) <= {
        p.parts[2]
        for p in sandbox._read_only_paths()
        if p.parts[1:2] == ("tmp",) and len(p.parts) > 2
    }
    assert "de_lai.txt" not in saw["root"]
    assert set(saw["procs"]) == {"1", "2"}, saw["procs"]  # the sleeper died with its run
    assert sandbox._servers[None] is server and server.process.poll() is None
    killer, _ = _run_cell(folder, "import os, signal\nos.kill(0, signal.SIGKILL)")
    assert killer.executed is None  # it killed its own process group, and only that
    assert sandbox._servers[None] is server and server.process.poll() is None


FILL_DISK = r"""
written = 0
try:
    for n in range(40):
        with open(f"khoi_{n}.bin", "wb") as handle:
            handle.write(b"x" * (8 << 20))
        written += 8
except OSError as exc:
    print("STOPPED", type(exc).__name__, exc.errno)
print("WROTE", written)
import glob, os
for path in glob.glob("khoi_*.bin"):  # room again for the executed notebook
    os.remove(path)
"""


@pytest.mark.slow
@pytest.mark.skipif(not sandbox.available(), reason="bubblewrap is not installed here")
def test_a_warm_run_cannot_fill_the_graders_disk(folder):
    (folder / "du_lieu.csv").write_text("Họ tên\nNguyễn Văn A\n", encoding="utf-8")
    limits = {"disk_bytes": 64 << 20, "copy_bytes": 1 << 20}
    result, text = _run_cell(folder, "print(open('du_lieu.csv').read())\n" + FILL_DISK, **limits)
    assert result.returncode == 0, result.log
    assert "Nguyễn Văn A" in text  # the submission's own files are there
    assert "STOPPED OSError 28" in text  # ENOSPC: its folder is full at the cap
    wrote = int(text.split("WROTE", 1)[1].split()[0])
    assert 32 <= wrote <= 80
    staging = sandbox._servers[None].staging
    on_disk = sum(p.stat().st_size for p in staging.rglob("*") if p.is_file())
    assert on_disk < 1 << 20  # nothing of it reached the grader's disk


@pytest.mark.slow
@pytest.mark.skipif(not sandbox.available(), reason="bubblewrap is not installed here")
def test_a_python_environment_under_tmp_stays_visible(tmp_path, monkeypatch):
    """Each run gets a fresh /tmp; what the sandbox bound below /tmp (a checkout or a
    virtual environment there) must stay readable, and still read-only."""
    import tempfile

    monkeypatch.setenv("CONGDOAN_SANDBOX_WARM", "1")
    library = Path(tempfile.mkdtemp(prefix="thư viện lớp ", dir="/tmp"))
    try:
        (library / "thu_vien_lop.py").write_text("LOI_CHAO = 'Xin chào'\n", encoding="utf-8")
        os.chmod(library, 0o755)
        real = sandbox._read_only_paths
        monkeypatch.setattr(sandbox, "_read_only_paths", lambda: [*real(), library])
        folder = tmp_path / "lop" / "bai"
        folder.mkdir(parents=True)
        code = (
            f"import sys; sys.path.insert(0, {str(library)!r})\n"
            "import os, thu_vien_lop\nprint(thu_vien_lop.LOI_CHAO, os.listdir('/tmp'))\n"
            f"open({str(library / 'x')!r}, 'w')"
        )
        nb = new_notebook(cells=[new_code_cell(code)])
        root = tmp_path / "lop"
        result, scratch = sandbox.run_submission(folder, nb, "t.ipynb", course_root=root)
        try:
            outputs = nbformat.read(result.executed, as_version=4).cells[0].outputs
        finally:
            import shutil

            shutil.rmtree(scratch, ignore_errors=True)
        text = "".join(o.get("text", "") for o in outputs)
        assert "Xin chào" in text
        assert [o["ename"] for o in outputs if o["output_type"] == "error"] == ["OSError"]
        assert not (library / "x").exists()
    finally:
        import shutil

        shutil.rmtree(library, ignore_errors=True)
        server = sandbox._servers.pop(tmp_path / "lop", None)
        if server is not None:
            server.close()


def test_mount_points_are_decoded_as_the_kernel_writes_them():
    from congdoan.course.forkserver import mount_point

    assert mount_point("/home/ho\\040ng/Kh\\303\\263a") != "/home/ho ng/Khóa"  # bytes stay
    assert mount_point("/srv/kh\\040óa học") == "/srv/kh óa học"
    assert mount_point("/tmp/a\\134b") == "/tmp/a\\b"


@pytest.mark.slow
@pytest.mark.skipif(not sandbox.available(), reason="bubblewrap is not installed here")
def test_a_run_past_its_time_takes_the_warm_server_down(folder):
    ignores_alarm = "import signal, time\nsignal.signal(signal.SIGALRM, signal.SIG_IGN)\n"
    stuck, _ = _run_cell(folder, ignores_alarm + "time.sleep(60)", wall_seconds=3, cell_timeout=1)
    assert stuck.timed_out and stuck.executed is None
    after, text = _run_cell(folder, "print('van chay')")
    assert after.returncode == 0 and "van chay" in text  # a new server took over


def test_without_bubblewrap_it_says_so_once(monkeypatch):
    monkeypatch.setenv("CONGDOAN_SANDBOX", "0")
    monkeypatch.setattr(sandbox, "_warned", False)
    sandbox.available.cache_clear()
    try:
        first, second = sandbox.unsandboxed_warning(), sandbox.unsandboxed_warning()
    finally:
        sandbox.available.cache_clear()
    assert "KHÔNG cách ly" in first and "bubblewrap" in first and second is None


def test_sandbox_environment_has_no_key():
    env = sandbox.environment("/bai_lam/.home", source={"OPENAI_API_KEY": "sk-x",
                              "CONGDOAN_PROVIDER": "openai", "GITHUB_TOKEN": "t",
                              "CONGDOAN_OPENAI_MODEL": "gpt-x", "HOME": "/root"})  # fmt: skip
    assert env["CONGDOAN_PROVIDER"] == "openai" and env["CONGDOAN_OPENAI_MODEL"] == "gpt-x"
    assert not {k for k in env if "KEY" in k or "TOKEN" in k}
    assert env["HOME"] == "/bai_lam/.home" and env["CONGDOAN_REPLAY"] == "1"


# -- the trainer's side ------------------------------------------------------------------


def test_a_changed_config_stops_every_trainer_command(tiny_course, runner):
    config = tiny_course / "nbgrader_config.py"
    config.write_text(config.read_text(encoding="utf-8") + "\nimport os\n", encoding="utf-8")
    result = invoke(runner, tiny_course, "report")
    assert result.exit_code == 1
    assert "nbgrader_config.py" in result.output and "đã bị thay đổi" in result.output
    assert "congdoan course init" in result.output
    from congdoan.cli import cli

    again = runner.invoke(cli, ["course", "init", str(tiny_course)])  # the trainer accepts it
    assert again.exit_code == 0, again.output
    assert invoke(runner, tiny_course, "report").exit_code == 0


def test_submission_html_is_sanitised_and_formgrader_keeps_its_template(tiny_course):
    """Render as formgrader does (its own settings, then the course config on top)."""
    from nbconvert import HTMLExporter
    from nbformat.v4 import new_output
    from traitlets.config import Config

    from congdoan.course.coursedir import Course

    course_config = Course(tiny_course).config()
    config = Config()
    config.HTMLExporter.template_name = "formgrade"  # FormgradeExtension.build_extra_config
    import nbgrader.server_extensions.formgrader.handlers as handlers

    config.HTMLExporter.extra_template_basedirs = [handlers.template_path]
    config.merge(course_config)
    exporter = HTMLExporter(config=config)
    assert exporter.template_name == "formgrade"
    script = "<script>document.title='da-chay'</script><b onclick='x()'>Xin chào</b>"
    cell = new_code_cell("display(HTML(...))")
    cell.outputs = [new_output("display_data", data={"text/html": script, "text/plain": "x"})]
    nb = new_notebook(cells=[cell])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3"}
    resources = {
        "assignment_id": "t01_mau",
        "notebook_id": "t01_mau",
        "submission_id": "s1",
        "index": 0,
        "total": 1,
        "base_url": "",
        "student": "HV001",
        "last_name": "An",
        "first_name": "Nguyễn",
        "notebook_path": "autograded/HV001/t01_mau/t01_mau.ipynb",
    }  # fmt: skip  (what formgrader's SubmissionHandler passes)
    page, _ = exporter.from_notebook_node(nb, resources=resources)
    assert "Submission #1" in page and "formgrade" in page  # formgrader's own page
    assert "<script>document.title='da-chay'" not in page  # shown as text, never run
    assert "onclick='x()'" not in page and "<b>Xin chào</b>" in page
    assert "Xin chào" in page


@pytest.mark.slow
def test_a_displayed_script_never_runs_in_the_trainers_browser(tmp_path):
    """The feedback page of a submission that displays a script, opened in Chromium."""
    chromium = Path("/usr/bin/chromium")
    if not chromium.exists():
        pytest.skip("chromium is not installed (.ci/ensure-chromium installs it)")
    from nbconvert import HTMLExporter
    from nbformat.v4 import new_output
    from playwright.sync_api import sync_playwright
    from traitlets.config import Config

    from congdoan.course.feedback import configure_feedback

    config = Config()
    configure_feedback(config, tmp_path)
    cell = new_code_cell("display(HTML(...))")
    script = (
        "<script>document.title = 'da-chay'</script><img src=x onerror=\"document.title='loi'\">"
    )
    cell.outputs = [new_output("display_data", data={"text/html": script, "text/plain": "x"})]
    nb = new_notebook(cells=[cell])
    page, _ = HTMLExporter(config=config).from_notebook_node(nb)
    path = tmp_path / "phan_hoi.html"
    path.write_text(page, encoding="utf-8")
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=str(chromium), headless=True, args=["--no-sandbox"]
        )
        try:
            tab = browser.new_page()
            tab.goto(path.as_uri())
            tab.wait_for_timeout(300)
            title = tab.title()
        finally:
            browser.close()
    assert title not in ("da-chay", "loi")


@pytest.mark.slow
def test_grading_without_bubblewrap_works_and_warns_once(
    tiny_course, runner, tmp_path, monkeypatch
):
    """Windows or macOS: same grades, one plain warning at the top of the run."""
    from tests.course.test_autograde import _class

    monkeypatch.setenv("CONGDOAN_SANDBOX", "0")
    monkeypatch.setattr(sandbox, "_warned", False)
    sandbox.available.cache_clear()
    try:
        students = _class(tiny_course, runner, tmp_path, ["correct", "partial"])
        result = invoke(runner, tiny_course, "autograde", classroom.TINY, "-j", "2")
    finally:
        sandbox.available.cache_clear()
    assert result.exit_code == 0, result.output
    assert result.output.count("KHÔNG cách ly") == 1
    assert result.output.splitlines()[0].startswith("Cảnh báo: máy này không có bubblewrap")
    lines = [line for line in result.output.splitlines() if line.startswith("[")]
    assert any(line.endswith(f"{students[0]}: ok · 5/5") for line in lines), lines
    assert any(line.endswith(f"{students[1]}: ok · 3/5") for line in lines), lines
