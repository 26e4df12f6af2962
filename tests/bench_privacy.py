"""Recall and precision of the personal data guard on the labelled samples, and its speed.

Run: ``.venv/bin/python tests/bench_privacy.py``. Not collected by pytest (the name does
not start with ``test_``). A finding counts as correct when kind, start and end all match
a label exactly, so a span one character off is both a false positive and a miss.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "privacy"))

from privacy_samples import load

from congdoan import privacy


def score() -> tuple[Counter, Counter, Counter]:
    """True positives, false positives and misses per kind over every sample."""
    hits, false_alarms, misses = Counter(), Counter(), Counter()
    for sample in load():
        expected = set(sample.expected)
        found = {(f.kind, f.start, f.end) for f in privacy.find(sample.text)}
        for kind, *_ in found & expected:
            hits[kind] += 1
        for kind, *_ in found - expected:
            false_alarms[kind] += 1
        for kind, *_ in expected - found:
            misses[kind] += 1
    return hits, false_alarms, misses


def speed(seconds: float = 2.0) -> tuple[float, float]:
    """Findings per second and characters per second, running over all samples repeatedly."""
    texts = [sample.text for sample in load()]
    findings = chars = 0
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        for text in texts:
            findings += len(privacy.find(text))
            chars += len(text)
    elapsed = time.perf_counter() - start
    return findings / elapsed, chars / elapsed


def _ratio(part: int, whole: int) -> str:
    return f"{part / whole:6.1%}" if whole else "   n/a"


def main() -> None:
    hits, false_alarms, misses = score()
    print(f"{'kind':<15}{'recall':>8}{'precision':>11}{'labels':>8}{'found':>7}")
    for kind in (*privacy.KINDS, "overall"):
        if kind == "overall":
            tp, fp, fn = (sum(c.values()) for c in (hits, false_alarms, misses))
        else:
            tp, fp, fn = hits[kind], false_alarms[kind], misses[kind]
        print(
            f"{kind:<15}{_ratio(tp, tp + fn):>8}{_ratio(tp, tp + fp):>11}{tp + fn:>8}{tp + fp:>7}"
        )
    per_second, chars_per_second = speed()
    print(f"\n{per_second:,.0f} findings/s, {chars_per_second:,.0f} characters/s")


if __name__ == "__main__":
    main()
