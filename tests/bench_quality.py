"""Figures of issue 11 on the held-out sets: practice model, checkers, privacy, facts.

Run: ``.venv/bin/python tests/bench_quality.py [prompts|chats|documents|privacy|speed|facts]``
(default: all). Not collected by pytest. The held-out sets live in ``tests/data/heldout``
and were written before the code was changed; ``tests/heldout_sets.py`` loads and scores
them. Speed figures run in a child process with a time cap, as medians of alternated runs
against a linear baseline (NFC plus one regex pass over the same text), with the load
average printed, because six people share this machine.
"""

from __future__ import annotations

import os
import random
import statistics
import subprocess
import sys
import time
import unicodedata
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests import heldout_sets as H

SPEED_CAP = 40.0  # seconds one timed run may take before it counts as "did not finish"


def _ratio(part: int, whole: int) -> str:
    return f"{part / whole:.2f}" if whole else "n/a"


def bench_prompts(folder: Path = H.HELDOUT) -> None:
    if folder != H.HELDOUT:
        print("generalisation round (measured, not asserted: never shown to the fixers)")
    results = [H.run_prompt(case) for case in H.prompts(folder)]
    facts = sum(len(r.case.carry) for r in results)
    dropped = sum(len(r.dropped) for r in results)
    wrong_kind = [r for r in results if r.task != r.case.kind]
    forbidden = sum(len(r.forbidden) for r in results)
    invented = sum(len(r.invented) for r in results)
    unaccented = [r for r in results if not H.has_marks(r.case.text) and r.case.kind != "general"]
    tipped = [r for r in unaccented if "dấu" in r.text.split(r.draft, 1)[-1]]
    general = [r for r in results if r.case.kind == "general"]
    honest = [
        r
        for r in general
        if r.task == "general"
        and any(name in r.text for name in ("ChatGPT", "Gemini", "Copilot", "DeepSeek"))
    ]
    print(f"prompts: {len(results)}, facts given: {facts}")
    print(f"  facts carried: {facts - dropped}/{facts} = {_ratio(facts - dropped, facts)}")
    print(
        f"  wrong task: {len(wrong_kind)}  forbidden items present: {forbidden}"
        f"  invented numbers: {invented}"
    )
    print(f"  unaccented prompts with a tip to type diacritics: {len(tipped)}/{len(unaccented)}")
    print(f"  out-of-scope answered honestly, naming a real provider: {len(honest)}/{len(general)}")
    clean = [r for r in results if not (r.dropped or r.forbidden or r.invented)]
    passing = sum(1 for r in clean if r.task == r.case.kind)
    print(f"  prompts fully passing: {passing}/{len(results)}")
    for r in results:
        if r.dropped or r.forbidden or r.invented or r.task != r.case.kind:
            print(
                f"    {r.case.id} task={r.task} dropped={r.dropped} forbidden={r.forbidden}"
                f" invented={r.invented[:6]}"
            )


def bench_chats() -> None:
    cases = H.chats()
    failing = 0
    for case in cases:
        dropped, kept, _ = H.run_chat(case)
        if dropped or kept:
            failing += 1
            print(f"    {case.id}: dropped={dropped} carried over={kept}")
    print(
        f"chats: {len(cases) - failing}/{len(cases)} pass (no detail carried across tasks,"
        " follow-ups keep theirs)"
    )


def bench_documents() -> None:
    cases, reminders = H.documents()
    by_category: Counter = Counter()
    caught: Counter = Counter()
    nfd_changed = 0
    for case in cases:
        ok, flagged = H.document_verdict(case, reminders)
        by_category[case.category] += 1
        caught[case.category] += ok
        nfd = unicodedata.normalize("NFD", case.text)
        if H.document_verdict(case, reminders, nfd)[1] != flagged:
            nfd_changed += 1
        if not ok:
            what = "flagged" if case.clean else f"wanted {list(case.flag)}, got"
            print(f"    {case.id}: {what} {flagged}")
    planted = [c for c in cases if not c.clean]
    clean = [c for c in cases if c.clean]
    n_caught = sum(caught[k] for k in caught if k != "clean")
    print(
        f"documents and posts: planted defects flagged {n_caught}/{len(planted)},"
        f" clean texts clean {caught['clean']}/{len(clean)}, NFD verdict differs {nfd_changed}"
    )
    print(
        "  by defect: "
        + ", ".join(
            f"{k} {caught[k]}/{by_category[k]}" for k in sorted(by_category) if k != "clean"
        )
    )


def bench_privacy() -> None:
    tp, fp, fn = H.privacy_score()
    precision, recall = _ratio(len(tp), len(tp) + len(fp)), _ratio(len(tp), len(tp) + len(fn))
    print(f"privacy held-out: labels {len(tp) + len(fn)}, precision {precision}, recall {recall}")
    for sid, kind, text in fp:
        print(f"    false alarm {sid} {kind}: {text!r}")
    for sid, kind, text in fn:
        print(f"    missed {sid} {kind}: {text!r}")


def member_list(size: int, seed: int = 7) -> str:
    """A synthetic member list pasted from Excel, about ``size`` characters."""
    rng = random.Random(seed)
    surnames = [
        "Nguyễn",
        "Trần",
        "Lê",
        "Phạm",
        "Hoàng",
        "Phan",
        "Võ",
        "Đặng",
        "Bùi",
        "Đỗ",
        "Hồ",
        "Ngô",
        "Dương",
        "Lý",
    ]
    middles = ["Văn", "Thị", "Hữu", "Thị Thu", "Minh", "Quang", "Thị Kim", "Đức"]
    given = [
        "An",
        "Bình",
        "Chi",
        "Dũng",
        "Hà",
        "Hải",
        "Hoa",
        "Hùng",
        "Lan",
        "Linh",
        "Mai",
        "Nam",
        "Nga",
        "Phúc",
        "Sơn",
        "Tâm",
        "Thảo",
        "Tuấn",
        "Yến",
    ]
    teams = ["May 1", "May 2", "Cắt", "Đóng gói", "Cơ điện", "Kho", "Bảo vệ", "Hoàn thiện"]
    rows = ["STT\tHọ và tên\tNgày sinh\tSố CCCD\tSĐT\tTổ\tGhi chú"]
    length, n = len(rows[0]), 0
    while length < size:
        n += 1
        name = f"{rng.choice(surnames)} {rng.choice(middles)} {rng.choice(given)}"
        year = rng.randint(1965, 2004)
        born = f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{year}"
        cccd = f"046{rng.randint(0, 1)}{year % 100:02d}{rng.randint(0, 999999):06d}"
        phone = f"09{rng.randint(0, 99999999):08d}"
        note = rng.choice(["", "đóng đủ đoàn phí", "nghỉ thai sản", "tổ trưởng", ""])
        row = f"{n}\t{name}\t{born}\t{cccd}\t{phone}\t{rng.choice(teams)}\t{note}"
        rows.append(row)
        length += len(row) + 1
    return "\n".join(rows)


_CHILD = """
import sys, time, re, unicodedata
sys.path.insert(0, {root!r})
from tests.bench_quality import member_list
from congdoan import privacy
text = member_list({size})
what = {what!r}
start = time.perf_counter()
if what == "find":
    n = len(privacy.find(text))
elif what == "redact":
    n = len(privacy.redact(text))
else:
    n = sum(1 for _ in re.finditer(r"\\w+", unicodedata.normalize("NFC", text)))
print(time.perf_counter() - start, n)
"""


def _timed(what: str, size: int) -> float | None:
    code = _CHILD.format(root=str(Path(__file__).resolve().parent.parent), size=size, what=what)
    try:
        out = subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            timeout=SPEED_CAP + 20,
            check=True,
        ).stdout.split()
    except subprocess.TimeoutExpired:
        return None
    seconds = float(out[0])
    return seconds if seconds <= SPEED_CAP else None


def bench_speed(repeats: int = 3) -> None:
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    for size in (800_000, 5_000_000):
        runs: dict[str, list[float | None]] = {"baseline": [], "find": [], "redact": []}
        for i in range(repeats):
            order = ["baseline", "find", "redact"] if i % 2 == 0 else ["redact", "find", "baseline"]
            for what in order:
                if runs[what] and runs[what][-1] is None:
                    continue  # it did not finish once: do not wait for it again
                runs[what].append(_timed(what, size))
        base = statistics.median(x for x in runs["baseline"] if x is not None)
        line = [f"{size / 1e6:.1f} MB member list: baseline {base:.3f} s"]
        for what in ("find", "redact"):
            done = [x for x in runs[what] if x is not None]
            if len(done) < len(runs[what]) or not done:
                line.append(f"{what} > {SPEED_CAP:.0f} s (did not finish)")
            else:
                median = statistics.median(done)
                line.append(f"{what} {median:.2f} s (x{median / base:.0f} baseline)")
        print("  " + ", ".join(line) + f"  [{repeats} runs, medians]")
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


def bench_facts() -> None:
    outcomes = H.fact_outcomes()
    correct = [o for o in outcomes if o[2] is not None and o[2].verdict == o[1]["verdict"]]
    outdated_ok = sum(
        1
        for _, label, claim in outcomes
        if bool(claim and claim.outdated) == label.get("outdated", False)
    )
    print(
        f"facts held-out: {len(H.fact_cases())} answers, {len(outcomes)} claims,"
        f" verdict accuracy {_ratio(len(correct), len(outcomes))},"
        f" outdated flag right {outdated_ok}/{len(outcomes)}"
    )
    for cid, label, claim in outcomes:
        got = claim.verdict if claim else "(not extracted)"
        if got != label["verdict"] or bool(claim and claim.outdated) != label.get(
            "outdated", False
        ):
            print(
                f"    {cid} «{label['match']}»: expected {label['verdict']}"
                f"{' outdated' if label.get('outdated') else ''}, got {got}"
                f"{' outdated' if claim and claim.outdated else ''}"
            )


PARTS = {
    "prompts": bench_prompts,
    "generalisation": lambda: bench_prompts(H.GENERALISATION),
    "chats": bench_chats,
    "documents": bench_documents,
    "privacy": bench_privacy,
    "facts": bench_facts,
    "speed": bench_speed,
}


def main(argv: list[str]) -> None:
    for name in argv or list(PARTS):
        started = time.perf_counter()
        PARTS[name]()
        print(f"  ({name}: {time.perf_counter() - started:.1f} s)\n")


if __name__ == "__main__":
    main(sys.argv[1:])
