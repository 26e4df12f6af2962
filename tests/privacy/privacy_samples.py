"""Load the labelled samples in ``tests/data/privacy``: text with ``{kind:text}`` marks."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data" / "privacy"
_MARK = re.compile(r"\{(?P<kind>[a-z_]+):(?P<text>[^{}]+)\}")


@dataclass(frozen=True)
class Sample:
    """One labelled text and the findings expected in it, as ``(kind, start, end)``."""

    source: str
    line: int
    text: str
    expected: tuple[tuple[str, int, int], ...]

    @property
    def id(self) -> str:
        return f"{self.source}:{self.line}"


def parse(line: str) -> tuple[str, tuple[tuple[str, int, int], ...]]:
    """Remove the marks from one sample line and return the text and the expected spans."""
    line = line.replace("\\n", "\n")
    text, spans, pos = [], [], 0
    length = 0
    for mark in _MARK.finditer(line):
        text.append(line[pos : mark.start()])
        length += mark.start() - pos
        spans.append((mark.group("kind"), length, length + len(mark.group("text"))))
        text.append(mark.group("text"))
        length += len(mark.group("text"))
        pos = mark.end()
    text.append(line[pos:])
    return "".join(text), tuple(spans)


def load(name: str | None = None) -> list[Sample]:
    """All samples, or those of one file (``"phone"``, ``"negatives"``...)."""
    files = [DATA / f"{name}.txt"] if name else sorted(DATA.glob("*.txt"))
    samples = []
    for path in files:
        for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if raw.strip() and not raw.startswith("#"):
                text, expected = parse(raw)
                samples.append(Sample(path.stem, number, text, expected))
    return samples
