"""Load the labelled source/answer pairs of ``tests/data/facts/cases.json`` and score them."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from congdoan.facts import Claim, verify

CASES = Path(__file__).resolve().parents[1] / "data" / "facts" / "cases.json"


@dataclass(frozen=True)
class Label:
    case: str
    match: str
    verdict: str
    outdated: bool


@dataclass(frozen=True)
class Outcome:
    label: Label
    claim: Claim | None  # None: the sentence was not extracted as a claim


def load() -> list[dict]:
    return json.loads(CASES.read_text(encoding="utf-8"))["cases"]


def outcomes() -> tuple[list[Outcome], int]:
    """Each label with the claim that holds its substring, and how many claims had no label."""
    results, unlabelled = [], 0
    for case in load():
        report = verify(case["answer"], case["sources"])
        labels = [
            Label(case["id"], item["match"], item["verdict"], item.get("outdated", False))
            for item in case["labels"]
        ]
        for label in labels:
            claim = next((c for c in report.claims if label.match in c.text), None)
            results.append(Outcome(label, claim))
        unlabelled += sum(
            1 for c in report.claims if not any(label.match in c.text for label in labels)
        )
    return results, unlabelled


def confusion(results: list[Outcome], target: str) -> Counter:
    """True positives, false positives and misses for one verdict (or ``outdated``)."""
    counts: Counter = Counter()
    for outcome in results:
        if target == "outdated":
            expected = outcome.label.outdated
            predicted = bool(outcome.claim and outcome.claim.outdated)
        else:
            expected = outcome.label.verdict == target
            predicted = bool(outcome.claim and outcome.claim.verdict == target)
        counts[
            "tp" if expected and predicted else "fp" if predicted else "fn" if expected else "tn"
        ] += 1
    return counts
