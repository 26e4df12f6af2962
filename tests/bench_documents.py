"""Benchmark: union documents checked per second, per kind, against the 1,000/s target.

Run it directly (pytest does not collect it: the name does not start with ``test_``)::

    .venv/bin/python tests/bench_documents.py [--repeats 3] [--seconds 1] [--per-check]

Each kind is timed on its test documents from ``tests/data/documents`` (correct and
broken ones, so every check runs both its passing and its failing path). A class sends
different texts, so every document is checked in several copies that differ only by
trailing blank lines: a cache that remembers earlier texts cannot make the figure
better than what a trainee gets.

Figures from a shared machine vary with its load, so the run prints the load average
at its start and end, repeats every measurement (``--repeats``, kinds in sorted order,
then reversed, then sorted...), and reports medians. In the same repeat, right before
each kind, it times a baseline over the same texts: normalising to NFC and folding every
character with a ``str.translate`` table (lower case, no marks), written out here rather
than taken from ``congdoan.text``, so making the library faster does not move it. The
``cost`` column (one check in normalise+fold units) moves much less with the load than
the rates do, so it compares runs made on different days and machines. The exit status
is 1 when a kind's median is below the target. ``--per-check`` adds the median time of each
check of each kind, to see where the time goes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import time
import tomllib
import unicodedata
from collections.abc import Callable
from pathlib import Path

from congdoan.documents import REGISTRY, check, parse, resolve_kind
from congdoan.documents.checks import Context

DATA = Path(__file__).resolve().parent / "data" / "documents"
TARGET = 1_000
TODAY = dt.date(2026, 11, 28)
POOL = 160  # distinct texts per kind: more than any cache of the library keeps


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


def copies(texts: list[str]) -> list[str]:
    """At least ``POOL`` distinct texts: each document with 0, 1, 2... extra blank lines."""
    rounds = -(-POOL // len(texts))
    return [text + "\n" * extra for extra in range(rounds) for text in texts]


def rate(work: Callable[[str], object], texts: list[str], seconds: float) -> float:
    """Texts handled per second by ``work`` over at least ``seconds`` (after one warm-up)."""
    for text in texts:  # warm up: compiled patterns, message catalogue
        work(text)
    done, start = 0, time.perf_counter()
    while (elapsed := time.perf_counter() - start) < seconds:
        for text in texts:
            work(text)
        done += len(texts)
    return done / elapsed


class _FoldTable(dict[int, str]):
    """Each character lower-cased without its marks (``Ộ`` → ``o``), found on first use."""

    def __missing__(self, code: int) -> str:
        lowered = chr(code).lower()
        bare = "".join(
            c for c in unicodedata.normalize("NFD", lowered) if not unicodedata.combining(c)
        )
        self[code] = bare if len(bare) == 1 else lowered
        return self[code]


_FOLD = _FoldTable()


def baseline(text: str) -> str:
    """The reference work: what every check starts from, normalising and folding the text."""
    return unicodedata.normalize("NFC", text).translate(_FOLD)


def load_average() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def measure(docs: dict[str, list[str]], repeats: int, seconds: float) -> dict[str, dict]:
    """Per kind: the list of check rates and of baseline rates, one per repeat."""
    figures = {kind: {"check": [], "base": []} for kind in docs}
    order = sorted(docs)
    for repeat in range(repeats):
        for kind in order if repeat % 2 == 0 else reversed(order):
            texts = docs[kind]
            figures[kind]["base"].append(rate(baseline, texts, seconds / 2))
            figures[kind]["check"].append(
                rate(lambda text, kind=kind: check(text, kind, today=TODAY), texts, seconds)
            )
    return figures


def per_check(docs: dict[str, list[str]], repeats: int) -> None:
    """Median microseconds per document for the parser and each check of each kind."""
    for kind in sorted(docs):
        texts = docs[kind]
        timings: dict[str, list[float]] = {}
        for _ in range(max(repeats, 3)):
            spent: dict[str, float] = {}
            for text in texts:
                start = time.perf_counter()
                doc = parse(text)
                spent["(parse)"] = spent.get("(parse)", 0.0) + time.perf_counter() - start
                ctx = Context(resolve_kind(kind), TODAY)
                for run in REGISTRY[kind]:
                    name = getattr(run, "__name__", None) or type(run).__name__
                    start = time.perf_counter()
                    run(doc, ctx)
                    spent[name] = spent.get(name, 0.0) + time.perf_counter() - start
            for name, total in spent.items():
                timings.setdefault(name, []).append(total / len(texts) * 1e6)
        medians = {name: statistics.median(values) for name, values in timings.items()}
        print(f"\n{kind}: {sum(medians.values()):,.0f} µs per document, median of repeats")
        for name, value in sorted(medians.items(), key=lambda pair: -pair[1]):
            print(f"  {name:<24}{value:>8,.0f} µs")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3, help="measurements per kind (default 3)")
    parser.add_argument(
        "--seconds", type=float, default=1.0, help="time per kind per repeat (default 1)"
    )
    parser.add_argument("--per-check", action="store_true", help="time each check of each kind")
    args = parser.parse_args(argv)
    originals = load_documents()
    docs = {kind: copies(texts) for kind, texts in originals.items()}
    print(f"load average at start: {load_average()}")
    figures = measure(docs, args.repeats, args.seconds)
    print(
        f"{'kind':<12}{'docs':>6}{'avg chars':>11}{'docs/s':>10}{'(min-max)':>17}"
        f"{'baseline/s':>12}{'cost':>7}  target {TARGET}/s, medians of {args.repeats}"
    )
    slow = []
    for kind in sorted(figures):
        rates, bases = figures[kind]["check"], figures[kind]["base"]
        median, base = statistics.median(rates), statistics.median(bases)
        cost = statistics.median(b / r for b, r in zip(bases, rates, strict=True))
        chars = sum(map(len, originals[kind])) // len(originals[kind])
        spread = f"({min(rates):,.0f}-{max(rates):,.0f})"
        verdict = "ok" if median >= TARGET else "BELOW TARGET"
        if median < TARGET:
            slow.append(kind)
        print(
            f"{kind:<12}{len(originals[kind]):>6}{chars:>11}{median:>10,.0f}{spread:>17}"
            f"{base:>12,.0f}{cost:>7.1f}  {verdict}"
        )
    print(f"load average at end:   {load_average()}")
    print("cost: one check in normalise+fold units (baseline rate / check rate, same repeat)")
    if args.per_check:
        per_check(docs, args.repeats)
    return 1 if slow else 0


if __name__ == "__main__":
    sys.exit(main())
