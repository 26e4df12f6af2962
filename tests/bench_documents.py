"""Benchmark: union documents checked per second, per kind, against the 1,000/s target.

Run it directly (pytest does not collect it: the name does not start with ``test_``)::

    .venv/bin/python tests/bench_documents.py [--seconds 2]

Each kind is timed on its test documents from ``tests/data/documents`` (correct and
broken ones, so every check runs both its passing and its failing path). The exit
status is 1 when a kind is below the target.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
import tomllib
from pathlib import Path

from congdoan.documents import check

DATA = Path(__file__).resolve().parent / "data" / "documents"
TARGET = 1_000
TODAY = dt.date(2026, 11, 28)


def load_documents() -> dict[str, list[str]]:
    """Unicode test documents grouped by kind (legacy-font samples stop after one check)."""
    with (DATA / "manifest.toml").open("rb") as handle:
        entries = tomllib.load(handle)["document"]
    by_kind: dict[str, list[str]] = {}
    for entry in entries:
        if "encoding" in entry["fails"]:
            continue
        text = (DATA / entry["file"]).read_text(encoding="utf-8")
        by_kind.setdefault(entry["kind"], []).append(text)
    return by_kind


def rate(kind: str, texts: list[str], seconds: float) -> tuple[float, int]:
    """Documents checked per second over at least ``seconds`` of work."""
    for text in texts:  # warm up: compile caches, message catalogue
        check(text, kind, today=TODAY)
    done, start = 0, time.perf_counter()
    while (elapsed := time.perf_counter() - start) < seconds:
        for text in texts:
            check(text, kind, today=TODAY)
        done += len(texts)
    return done / elapsed, done


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=2.0, help="time per kind (default 2)")
    args = parser.parse_args(argv)
    slow = []
    print(
        f"{'kind':<12}{'docs':>6}{'avg chars':>11}{'checked':>10}{'docs/s':>10}  target {TARGET}/s"
    )
    for kind, texts in sorted(load_documents().items()):
        per_second, done = rate(kind, texts, args.seconds)
        chars = sum(map(len, texts)) // len(texts)
        verdict = "ok" if per_second >= TARGET else "BELOW TARGET"
        if per_second < TARGET:
            slow.append(kind)
        print(f"{kind:<12}{len(texts):>6}{chars:>11}{done:>10}{per_second:>10,.0f}  {verdict}")
    return 1 if slow else 0


if __name__ == "__main__":
    sys.exit(main())
