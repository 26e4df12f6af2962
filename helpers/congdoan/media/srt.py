"""Subtitles in SRT, the format Facebook, YouTube, TikTok Studio and CapCut import.

Most people watch short videos on mute, so every union clip should carry subtitles.
``to_srt`` turns a script table into cues timed from the scenes' seconds::

    1
    00:00:00,000 --> 00:00:03,000
    Bạn đã sẵn sàng cho
    Tháng Công nhân 2026 chưa?

Each cue has at most two lines of at most 42 characters (the usual limit for a line
read at a glance); a long voice-over is split into several cues within its scene,
timed in proportion to their length.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..i18n import msg
from ..report import WARNING, Item, Report
from ..text import nfc
from .video import SCREEN, SECONDS, VOICE, script_table

__all__ = [
    "MAX_LINES",
    "MAX_LINE_CHARS",
    "Cue",
    "check_srt",
    "cues_from_script",
    "format_time",
    "parse_srt",
    "to_srt",
    "wrap_line",
    "write_srt",
]

MAX_LINE_CHARS = 42
MAX_LINES = 2
_TIME = r"(\d{1,2}):(\d{2}):(\d{2})[,.](\d{3})"
_TIMING = re.compile(rf"^\s*{_TIME}\s*-->\s*{_TIME}\s*$")


@dataclass(frozen=True)
class Cue:
    """One subtitle: its number, start and end in seconds, and its text (lines joined by \\n)."""

    index: int
    start: float
    end: float
    text: str

    @property
    def lines(self) -> list[str]:
        return self.text.split("\n")

    def to_block(self) -> str:
        return f"{self.index}\n{format_time(self.start)} --> {format_time(self.end)}\n{self.text}"


def format_time(seconds: float) -> str:
    """``HH:MM:SS,mmm`` for a time in seconds (``3.5`` → ``00:00:03,500``)."""
    total_ms = max(0, round(seconds * 1000))
    hours, rest = divmod(total_ms, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    secs, millis = divmod(rest, 1000)
    return f"{hours:02d}:{minutes:02d}:{secs:02d},{millis:03d}"


def cues_from_script(script: Any) -> list[Cue]:
    """The subtitles of a script table: voice-over, else on-screen text, scene by scene."""
    frame = script_table(script)
    cues: list[Cue] = []
    start = 0.0
    for _, row in frame.iterrows():
        seconds = float(row[SECONDS])
        text = str(row.get(VOICE, "") or "").strip() or str(row.get(SCREEN, "") or "").strip()
        if text:
            cues.extend(_split_scene(text, start, seconds, len(cues) + 1))
        start += seconds
    return cues


def to_srt(script: Any) -> str:
    """SRT text for a script table (timings from the cumulative seconds)."""
    return "\n\n".join(cue.to_block() for cue in cues_from_script(script)) + "\n"


def write_srt(script: Any, path: str | Path) -> Path:
    """Save subtitles as a UTF-8 ``.srt`` file, from a script table or from SRT text."""
    if isinstance(script, str) and "-->" in script:
        parse_srt(script)  # refuse to write a broken file
        text = nfc(script).replace("\r\n", "\n").lstrip("\ufeff")
    else:
        text = to_srt(script)
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8", newline="\n")
    except OSError as exc:
        raise InputError(
            msg("media.input.cannot_write", path=target, reason=exc.strerror)
        ) from None
    return target


def parse_srt(text: str) -> list[Cue]:
    """The cues of an SRT text; :class:`InputError` names the first broken block."""
    cues, problems = _parse(text)
    if problems:
        raise InputError(msg("media.srt.invalid", problem=problems[0]))
    return cues


def check_srt(text: str) -> Report:
    """Check SRT subtitles. Codes: ``format``, ``numbering``, ``timing``, ``line_length``,
    ``line_count``."""
    cues, problems = _parse(text)
    hint = msg("media.srt.format_hint")
    if problems or not cues:
        problem = problems[0] if problems else msg("media.srt.empty")
        text = msg("media.srt.format_bad", problem=problem)
        return Report("srt", [Item("format", False, text, hint)])
    items = [Item("format", True, msg("media.srt.format_ok", count=len(cues)), hint)]
    items += [_numbering(cues), _timing(cues), _line_length(cues), _line_count(cues)]
    return Report("srt", items)


# -- parsing ---------------------------------------------------------------------------
def _parse(text: object) -> tuple[list[Cue], list[str]]:
    if not isinstance(text, str):
        raise InputError(msg("media.input.not_text", kind=type(text).__name__))
    body = nfc(text).lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    blocks = [b for b in re.split(r"\n[ \t]*\n", body.strip()) if b.strip()]
    cues, problems = [], []
    for number, block in enumerate(blocks, start=1):
        lines = [ln.strip() for ln in block.strip().split("\n")]
        if len(lines) < 3:
            problems.append(msg("media.srt.block_short", n=number))
            continue
        if not lines[0].isdigit():
            problems.append(msg("media.srt.block_number", n=number, line=lines[0][:40]))
            continue
        timing = _TIMING.match(lines[1])
        if not timing:
            problems.append(msg("media.srt.block_timing", n=number, line=lines[1][:60]))
            continue
        start, end = _seconds(timing.groups()[:4]), _seconds(timing.groups()[4:])
        cues.append(Cue(int(lines[0]), start, end, "\n".join(lines[2:])))
    return cues, problems


def _seconds(parts: tuple[str, ...]) -> float:
    hours, minutes, secs, millis = (int(p) for p in parts)
    return hours * 3600 + minutes * 60 + secs + millis / 1000


# -- checks ----------------------------------------------------------------------------
def _numbering(cues: list[Cue]) -> Item:
    hint = msg("media.srt.numbering_hint")
    for expected, cue in enumerate(cues, start=1):
        if cue.index != expected:
            text = msg("media.srt.numbering_bad", expected=expected, found=cue.index)
            return Item("numbering", False, text, hint)
    return Item("numbering", True, msg("media.srt.numbering_ok"), hint)


def _timing(cues: list[Cue]) -> Item:
    hint = msg("media.srt.timing_hint")
    previous_end = 0.0
    for cue in cues:
        if cue.end <= cue.start:
            text = msg("media.srt.timing_backwards", n=cue.index, start=format_time(cue.start))
            return Item("timing", False, text, hint)
        if cue.start < previous_end:
            text = msg("media.srt.timing_overlap", n=cue.index, start=format_time(cue.start))
            return Item("timing", False, text, hint)
        previous_end = cue.end
    return Item("timing", True, msg("media.srt.timing_ok"), hint)


def _line_length(cues: list[Cue]) -> Item:
    """Cues with a line longer than a viewer reads at a glance."""
    long = [c.index for c in cues if any(len(ln) > MAX_LINE_CHARS for ln in c.lines)]
    return _limit_item("line_length", MAX_LINE_CHARS, long)


def _line_count(cues: list[Cue]) -> Item:
    """Cues with more lines than fit on screen without covering the picture."""
    crowded = [c.index for c in cues if len(c.lines) > MAX_LINES]
    return _limit_item("line_count", MAX_LINES, crowded)


def _limit_item(code: str, limit: int, breaking: list[int]) -> Item:
    """A warning naming the first ten cues that break ``limit``, or the limit kept.

    Both subtitle limits read the same to the trainee; their messages differ only in key.
    """
    hint = msg(f"media.srt.{code}_hint", limit=limit)
    if breaking:
        listed = ", ".join(str(n) for n in breaking[:10])
        text = msg(f"media.srt.{code}_bad", cues=listed, limit=limit)
        return Item(code, False, text, hint, WARNING)
    return Item(code, True, msg(f"media.srt.{code}_ok", limit=limit), hint, WARNING)


# -- splitting a scene's text ----------------------------------------------------------
def wrap_line(text: str, width: int = MAX_LINE_CHARS) -> list[str]:
    """Words packed into lines of at most ``width`` characters (long words are cut)."""
    lines: list[str] = []
    line = ""
    for word in " ".join(text.split()).split(" "):
        while len(word) > width:
            if line:
                lines.append(line)
                line = ""
            lines.append(word[:width])
            word = word[width:]
        candidate = f"{line} {word}".strip()
        if len(candidate) <= width:
            line = candidate
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    return lines


def _split_scene(text: str, start: float, seconds: float, first_index: int) -> list[Cue]:
    lines = wrap_line(nfc(text))
    chunks = ["\n".join(lines[i : i + MAX_LINES]) for i in range(0, len(lines), MAX_LINES)]
    weights = [max(1, len(chunk)) for chunk in chunks]
    total = sum(weights)
    cues, done = [], 0
    for offset, (chunk, weight) in enumerate(zip(chunks, weights, strict=True)):
        cue_start = start + seconds * done / total
        done += weight
        cue_end = start + seconds * done / total
        cues.append(Cue(first_index + offset, round(cue_start, 3), round(cue_end, 3), chunk))
    return cues
