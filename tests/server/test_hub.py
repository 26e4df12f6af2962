"""A real classroom hub: log in, spawn, a lesson's ask() through the gateway, the exchange,
and what a trainee must not reach. One hub for the whole module (see conftest.py)."""

from __future__ import annotations

import json
import os
import pwd
from pathlib import Path

import nbformat
import pytest

from tests.server.harness import PLANTED_KEYS, ROOT, TRAINEES, TRAINER
from tests.server.hubclient import HubUser

pytestmark = pytest.mark.slow
HV1, HV2 = TRAINEES


@pytest.fixture(scope="module")
def people(hub):
    """Both trainees and the trainer logged in through the form, servers started."""
    users = {name: HubUser(hub.url, name, hub.passwords[name]) for name in hub.passwords}
    for user in users.values():
        answer = user.login()
        assert answer.status_code == 302, answer.text[:500]
        user.make_token()
    for name in TRAINEES:
        users[name].start_server()
    return users


def test_a_wrong_password_is_refused(hub):
    answer = HubUser(hub.url, HV1, "not-the-password").login()
    assert answer.status_code == 403


def test_lesson_cell_asks_the_real_provider_through_the_gateway(hub, people, vendor_server):
    trainee = people[HV1]
    lesson = nbformat.read(ROOT / "modules" / "00_bat_dau" / "00_bat_dau.ipynb", 4)
    cells = [c.source for c in lesson.cells if c.cell_type == "code"]
    ask_cell = next(s for s in cells if s.startswith("ask("))
    kernel = trainee.start_kernel()
    first = trainee.run(kernel, cells[0])
    assert first.error is None, first.text
    before = len(vendor_server.requests)
    reply = trainee.run(kernel, ask_cell)
    assert reply.error is None, reply.text
    assert "Xin chào từ máy chủ thử nghiệm." in reply.text
    assert "Gemini" in reply.text
    posts = [r for r in vendor_server.requests[before:] if r.method == "POST"]
    assert posts, "the vendor server was not reached"
    sent = {k.lower(): v for k, v in posts[-1].headers.items()}
    assert sent.get("x-goog-api-key") == PLANTED_KEYS["GEMINI_API_KEY"]
    usage = people[TRAINER[0]].api("GET", "/services/ai/usage")
    assert usage.status_code == 200, usage.text
    rows = {row["user"]: row for row in usage.json()["users"]}
    assert rows[HV1]["input_tokens"] >= 9


def test_lessons_are_copied_into_the_trainee_home(people):
    listing = people[HV1].user_api("GET", "/api/contents/khoa_hoc/00_bat_dau")
    assert listing.status_code == 200, listing.text
    names = {item["name"] for item in listing.json()["content"]}
    assert "00_bat_dau.ipynb" in names
    owner = pwd.getpwnam(HV1)
    home = owner.pw_dir
    assert os.stat(home).st_mode & 0o777 == 0o700
    assert os.stat(os.path.join(home, "khoa_hoc")).st_uid == owner.pw_uid


ASSIGNMENT = "a01_thong_bao"


def _grader_python(hub, code: str) -> str:
    done = hub.as_grader(str(hub.python), "-c", code)
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


def _grader_cli(hub, *args: str, timeout: float = 300) -> str:
    done = hub.as_grader(str(hub.python), "-m", "congdoan.cli", "course", *args, timeout=timeout)
    assert done.returncode == 0, (done.stdout + done.stderr)[-3000:]
    return done.stdout


def _trainer_as_root(hub, *args: str, timeout: float = 600) -> str:
    """``sudo congdoan course ...`` on the server, as the guide tells trainers to grade.

    Grading runs each submission in the course's bubblewrap sandbox; that needs the
    course's own interpreter, which on this test machine only root can run (see
    ``shared_python``). The course folder goes back to the grader account afterwards.
    """
    import subprocess
    import sys

    from congdoan.server.hub import own_course

    env = {k: v for k, v in os.environ.items() if k not in PLANTED_KEYS}
    done = subprocess.run(
        [sys.executable, "-m", "congdoan.cli", "course", *args],
        cwd=hub.settings.course_dir,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    own_course(hub.settings)
    assert done.returncode == 0, (done.stdout + done.stderr)[-3000:]
    return done.stdout


@pytest.fixture(scope="module")
def released(hub, people):
    from tests.server.harness import write_roster

    roster = write_roster(hub.state / "roster.csv", TRAINEES)
    roster.chmod(0o644)
    _grader_cli(hub, "roster", "import", str(roster))
    _grader_cli(hub, "release", ASSIGNMENT)
    return ASSIGNMENT


def test_the_exchange_from_release_to_feedback(hub, people, released):
    course = {"course_id": hub.settings.hub.course_id, "assignment_id": released}
    for name in TRAINEES:
        fetched = people[name].user_api("POST", "/assignments/fetch", data=course)
        assert fetched.status_code == 200, fetched.text
        listed = {a["assignment_id"]: a["status"] for a in fetched.json()["value"]}
        assert listed[released] == "fetched"
    # cdt-hv01 does the work (the source's answers), cdt-hv02 hands in the blank copy
    path = f"/api/contents/{released}/{released}.ipynb"
    work = people[HV1].user_api("GET", path).json()
    source = nbformat.read(hub.settings.course_dir / "source" / released / f"{released}.ipynb", 4)
    answers = {
        c.metadata["nbgrader"]["grade_id"]: c.source
        for c in source.cells
        if c.metadata.get("nbgrader", {}).get("solution")
    }
    for cell in work["content"]["cells"]:  # the answer cells filled in, nothing else touched
        grade_id = cell["metadata"].get("nbgrader", {}).get("grade_id")
        if grade_id in answers:
            cell["source"] = answers[grade_id]
    saved = people[HV1].user_api("PUT", path, json={"type": "notebook", "content": work["content"]})
    assert saved.status_code == 200, saved.text
    for name in TRAINEES:
        submitted = people[name].user_api("POST", "/assignments/submit", data=course)
        assert submitted.status_code == 200 and "error" not in submitted.text[:200], submitted.text

    collected = _grader_cli(hub, "collect", released)
    graded = _trainer_as_root(hub, "autograde", released, "--workers", "1")
    scores = json.loads(
        _grader_python(
            hub,
            (
                "import json; from nbgrader.api import Gradebook\n"
                "with Gradebook('sqlite:///gradebook.db') as gb:\n"
                f"    rows = gb.assignment_submissions({released!r})\n"
                "    print(json.dumps({s.student_id: s.score for s in rows}))"
            ),
        )
    )
    assert set(scores) == set(TRAINEES), collected + graded
    assert scores[HV1] > scores[HV2], graded

    _trainer_as_root(hub, "feedback", released)
    done = hub.as_grader(str(hub.python), "-m", "nbgrader", "release_feedback", released)
    assert done.returncode == 0, done.stderr[-3000:]
    back = people[HV1].user_api("POST", "/assignments/fetch_feedback", data=course)
    assert back.status_code == 200, back.text
    folder = people[HV1].user_api("GET", f"/api/contents/{released}/feedback").json()
    [stamp] = folder["content"]
    inside = people[HV1].user_api("GET", f"/api/contents/{stamp['path']}").json()["content"]
    htmls = [item["path"] for item in inside if item["name"].endswith(".html")]
    assert len(htmls) == 1, inside
    html = htmls[0]
    page = people[HV1].user_api("GET", f"/api/contents/{html}?format=text&type=file").json()
    assert "điểm" in page["content"].lower(), page["content"][:500]


def test_a_trainee_cannot_open_formgrader_but_a_trainer_can(hub, people):
    trainee = people[HV1]
    trainee.http.get(f"{hub.url}/services/formgrader/", timeout=60)
    refused = trainee.http.get(f"{hub.url}/services/formgrader/formgrader", timeout=60)
    assert refused.status_code == 403 or "/hub/login" in refused.url
    own = trainee.user_api("GET", "/formgrader")
    assert own.status_code == 404  # the extension is off in a trainee's server
    trainer = people[TRAINER[0]]
    opened = trainer.http.get(f"{hub.url}/services/formgrader/formgrader", timeout=120)
    assert opened.status_code == 200, opened.text[:500]
    assert "formgrader" in opened.text.lower()


def test_a_trainee_cannot_reach_others_files_keys_or_gradebook(hub, people):
    trainee = people[HV1]
    other = pwd.getpwnam(HV2).pw_dir
    targets = {
        "home": other,
        "keys": str(hub.settings.keys_file),
        "gradebook": str(hub.settings.course_dir / "gradebook.db"),
        "course": str(hub.settings.course_dir / "source"),
        "ledger": str(hub.settings.ledger_file),
        "inbound": str(hub.settings.exchange_dir / hub.settings.hub.course_id / "inbound"),
    }
    code = (
        "import os, json\nresult = {}\n"
        f"for name, path in {targets!r}.items():\n"
        "    try:\n"
        "        (os.listdir(path) if os.path.isdir(path) else open(path, 'rb').read(1))\n"
        "        result[name] = 'READ'\n"
        "    except PermissionError:\n"
        "        result[name] = 'denied'\n"
        "    except FileNotFoundError:\n"
        "        result[name] = 'missing'\n"
        "print(json.dumps(result))"
    )
    kernel = trainee.start_kernel()
    outcome = json.loads(trainee.run(kernel, code).text.strip().splitlines()[-1])
    assert outcome == dict.fromkeys(targets, "denied")
    assert trainee.user_api("GET", "/api/contents").status_code == 200
    peek = HubUser(hub.url, HV1, "")
    peek.token = trainee.token
    assert peek.api("GET", f"/user/{HV2}/api/contents").status_code in (403, 404)


def test_planted_keys_are_nowhere_on_the_trainee_side(hub, people):
    trainee = people[HV1]
    kernel = trainee.start_kernel()
    code = (
        "import os, glob, json\n"
        "found = dict(os.environ)\n"
        "for pid in os.listdir('/proc'):\n"
        "    try:\n"
        "        raw = open(f'/proc/{pid}/environ', 'rb').read()\n"
        "        found[pid] = raw.decode('utf-8', 'replace')\n"
        "    except (OSError, ValueError):\n"
        "        pass\n"
        "for path in glob.glob(os.path.expanduser('~/**/*'), recursive=True):\n"
        "    if os.path.isfile(path):\n"
        "        found[path] = open(path, 'rb').read().decode('utf-8', 'replace')\n"
        "print(json.dumps(found))"
    )
    seen = trainee.run(kernel, code)
    assert seen.error is None, seen.text
    everything = seen.text
    assert "CONGDOAN_GEMINI_BASE_URL" in everything  # the scan did see the environment
    assert "congdoan-transcript.jsonl" in everything or "khoa_hoc" in everything
    for key in PLANTED_KEYS.values():
        assert key not in everything
        assert key[8:24] not in everything  # not even a part of it


def test_limits_apply_to_each_trainee(hub, people):
    import psutil

    uid = pwd.getpwnam(HV1).pw_uid
    servers = [
        p
        for p in psutil.process_iter(["uids", "cmdline"])
        if p.info["uids"]
        and p.info["uids"].real == uid
        and "jupyterhub.singleuser" in " ".join(p.info["cmdline"] or [])
    ]
    assert servers, "no server process for the trainee"
    groups = Path(f"/proc/{servers[0].pid}/cgroup").read_text()
    if "congdoan" not in groups:
        pytest.fail(f"the trainee's server is in no congdoan cgroup:\n{groups}")
    memory = [line for line in groups.splitlines() if ":memory:" in line or line.startswith("0::")]
    path = memory[0].split(":", 2)[2]
    limit_file = (
        f"/sys/fs/cgroup/memory{path}/memory.limit_in_bytes"
        if ":memory:" in memory[0]
        else f"/sys/fs/cgroup{path}/memory.max"
    )
    assert int(Path(limit_file).read_text()) == 1024**3


def test_a_spent_budget_gives_the_vietnamese_message(hub, people):
    from congdoan.i18n import msg

    trainee = people[HV2]
    kernel = trainee.start_kernel()
    code = (
        "from congdoan import ask\nfrom congdoan.errors import RateLimited\n"
        "for _ in range(6):\n"
        "    try:\n"
        "        ask('Soạn thông báo họp Ban Chấp hành', provider='gemini')\n"
        "    except RateLimited as exc:\n"
        "        print(exc)\n"
        "        break\n"
    )
    said = trainee.run(kernel, code)
    assert said.error is None, said.text
    assert said.text.strip() == msg("server.refusal.budget")
    shown = trainee.run(kernel, "ask('Soạn thông báo', provider='gemini')")
    assert "ngân sách AI" in shown.text
    assert "Traceback" not in shown.text
