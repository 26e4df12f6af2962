"""Precision and recall of congdoan.facts.verify on the labelled set, and its speed.

Run: ``.venv/bin/python tests/bench_facts.py``. Not collected by pytest. Every labelled
claim of ``tests/data/facts/cases.json`` is matched to the extracted claim holding its
substring; a labelled sentence that was not extracted counts as a miss.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "facts"))

from fact_cases import confusion, load, outcomes

from congdoan.facts import verify


def _ratio(part: int, whole: int) -> str:
    return f"{part / whole:.2f}" if whole else "n/a"


def main() -> None:
    results, unlabelled = outcomes()
    print(f"cases: {len(load())}, labelled claims: {len(results)}, unlabelled claims: {unlabelled}")
    print(f"{'verdict':<14}{'labelled':>9}{'precision':>11}{'recall':>8}")
    for target in ("contradicted", "not_found", "supported", "outdated"):
        c = confusion(results, target)
        labelled = c["tp"] + c["fn"]
        precision = _ratio(c["tp"], c["tp"] + c["fp"])
        recall = _ratio(c["tp"], labelled)
        print(f"{target:<14}{labelled:>9}{precision:>11}{recall:>8}")
    correct = sum(1 for o in results if o.claim and o.claim.verdict == o.label.verdict)
    print(f"verdict accuracy: {_ratio(correct, len(results))}")
    wrong = [o for o in results if not o.claim or o.claim.verdict != o.label.verdict]
    for o in wrong:
        got = o.claim.verdict if o.claim else "(not extracted)"
        print(f"  wrong: {o.label.case} «{o.label.match}» expected {o.label.verdict}, got {got}")
    cases = load()
    start, runs = time.perf_counter(), 0
    while time.perf_counter() - start < 1.0:
        for case in cases:
            verify(case["answer"], case["sources"])
        runs += 1
    per_case = (time.perf_counter() - start) / (runs * len(cases)) * 1000
    print(f"speed: {per_case:.1f} ms per answer")


if __name__ == "__main__":
    main()
