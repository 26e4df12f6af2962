"""Record every reply beside the notebook, and replay it while grading.

Each reply is appended as one JSON line to the transcript file (by default
``congdoan-transcript.jsonl`` in the notebook's folder, ``CONGDOAN_TRANSCRIPT`` to
move it). The file travels with the trainee's submission. While nbgrader executes a
notebook (``NBGRADER_EXECUTION`` is set), or with ``CONGDOAN_REPLAY=1``, no network
provider is called: the recorded reply comes back instead, so grading never spends
money, never needs a key and gives the same result on every run.

Lookup is forgiving in a fixed order: the same provider, model, messages and options;
then the same provider with another model (a trainee's ``.env`` may have changed the
model); then, when the call did not name a provider, any provider with the same
messages and options (the trainee's default provider may not be the grader's).

Keys are never written: a line holds the messages, options and the reply only. Personal
data is not written in clear either: the transcript travels to the trainer with the
submission, so every message and the reply are stored as ``privacy.redact`` leaves them
(``[SỐ ĐIỆN THOẠI]``, ``[SỐ CCCD]``...). The lookup key is a hash of the messages as
asked, so a replay finds the recording all the same and gives back its redacted reply.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .replies import Message

__all__ = ["Recording", "Transcript", "conversation_key"]


def conversation_key(messages: tuple[Message, ...], options: Mapping[str, Any]) -> str:
    """A stable hash of what was asked, independent of provider and model."""
    payload = {
        "messages": [m.as_dict() for m in messages],
        "options": {k: options[k] for k in sorted(options)},
    }
    blob = json.dumps(payload, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:32]


@dataclass(frozen=True)
class Recording:
    """One recorded reply as stored in the transcript."""

    key: str
    provider: str
    model: str
    text: str
    reasoning: str | None = None
    input_tokens: int = 0
    output_tokens: int = 0
    tokens_estimated: bool = True
    seconds: float = 0.0
    finish_reason: str | None = None
    recorded_at: str = ""
    citations: list[dict[str, str]] = field(default_factory=list)
    #: Google's Search Suggestions HTML of a grounded Gemini answer (shown again on replay).
    search_suggestions: str = ""

    def to_json(self, messages: tuple[Message, ...], options: Mapping[str, Any]) -> str:
        line = dict(self.__dict__)
        line["text"] = _redact(self.text)
        line["reasoning"] = _redact(self.reasoning)
        line["messages"] = [{**m.as_dict(), "content": _redact(m.content)} for m in messages]
        line["options"] = dict(options)
        return json.dumps(line, ensure_ascii=False)

    @classmethod
    def from_json(cls, line: str) -> Recording | None:
        try:
            raw = json.loads(line)
            fields = {name: raw[name] for name in cls.__dataclass_fields__ if name in raw}
            return cls(**fields)
        except (ValueError, TypeError, KeyError):
            return None  # a damaged line must not stop grading of the rest


def _redact(text: str | None) -> str | None:
    """What the personal-data guard would replace, replaced (sensitive words are kept)."""
    from . import privacy

    return privacy.redact(text) if isinstance(text, str) and text else text


class Transcript:
    """The JSON-lines file of one notebook's replies."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)

    def append(
        self, recording: Recording, messages: tuple[Message, ...], options: Mapping[str, Any]
    ) -> None:
        if not recording.recorded_at:
            now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
            recording = Recording(**{**recording.__dict__, "recorded_at": now})
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self.path.open("a", encoding="utf-8") as handle:
            handle.write(recording.to_json(messages, options) + "\n")

    def __iter__(self) -> Iterator[Recording]:
        if not self.path.is_file():
            return
        with self.path.open(encoding="utf-8", errors="replace") as handle:
            for line in handle:
                if line.strip() and (recording := Recording.from_json(line)) is not None:
                    yield recording

    def find(
        self, key: str, provider: str, model: str, *, any_provider: bool = False
    ) -> Recording | None:
        """The latest recording for this question, in the order the module docstring gives."""
        same_key = [r for r in self if r.key == key]
        for match in (
            lambda r: r.provider == provider and r.model == model,
            lambda r: r.provider == provider,
            lambda r: any_provider,
        ):
            found = [r for r in same_key if match(r)]
            if found:
                return found[-1]
        return None
