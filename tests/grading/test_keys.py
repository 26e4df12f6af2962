"""Answer keys live with the assignments, readable by the grader, absent from the package."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import congdoan

ROOT = Path(__file__).resolve().parents[2]
A06_KEY = ROOT / "assignments" / "a06_du_lieu_thanh_vien" / "dap_an.json"


def test_no_key_in_any_file_of_the_package():
    members = json.loads(A06_KEY.read_text(encoding="utf-8"))["members"]
    assert len(members) == 17
    package = Path(congdoan.__file__).parent
    files = [p for p in package.rglob("*") if p.is_file() and p.suffix in (".py", ".toml", ".json")]
    assert len(files) > 50
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        leaked = [cccd for cccd in members if cccd in text]
        assert not leaked, (path, leaked)


def test_a_trainee_kernel_gets_no_key():
    """What a trainee's notebook sees: importing congdoan gives no key, the self-check says why."""
    code = (
        "from congdoan.grading import keys, kiem_tra\n"
        "import congdoan.grading.materials as m\n"
        "print(sorted(n for n in dir(m) if n.isupper()))\n"
        "try:\n    keys.a06_members()\nexcept keys.AnswerKeyMissing:\n    print('MISSING')\n"
        "print(kiem_tra('a05', sai=['500'], ban_sua='x'))\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "CONGDOAN_ANSWER_KEYS"}
    env["CONGDOAN_LANG"] = "vi"
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "['A05_AI_ANSWER', 'A05_SOURCES', 'A06_UNITS', 'SPORTS_DAY', 'YEAR']"
    assert lines[1] == "MISSING"
    assert "chỉ được chấm khi giảng viên chấm bài" in done.stdout


def test_the_grader_reads_the_keys(monkeypatch):
    from congdoan.grading import grade_part, keys

    assert len(keys.a05_errors()) == 3
    assert keys.a06_members() == json.loads(A06_KEY.read_text(encoding="utf-8"))["members"]
    assert grade_part("a05", "errors", sai=["tỉnh Thừa Thiên Huế", "500", "15/6/2026"]) == 3
    monkeypatch.delenv(keys.KEYS_VARIABLE)
    assert grade_part("a05", "errors", sai=["tỉnh Thừa Thiên Huế", "500", "15/6/2026"]) == 0
