"""Token usage read from the vendors' answers, and the ledger of every call through the gateway.

The gateway does not trust the trainee's side for cost: it reads the usage the vendor
reports in the answer itself, in each wire format the library speaks:

* Chat Completions: ``usage.prompt_tokens`` / ``usage.completion_tokens`` (streamed: the
  last ``data:`` chunk that carries ``usage``);
* Responses API: ``usage.input_tokens`` / ``usage.output_tokens`` (streamed: inside the
  ``response.completed`` event's ``response``);
* Gemini: ``usageMetadata.promptTokenCount`` / ``candidatesTokenCount`` (+ thoughts),
  streamed or not.

>>> read_usage(b'{"usage": {"prompt_tokens": 11, "completion_tokens": 7}}')
(11, 7)
>>> read_usage(b'data: {"usageMetadata": {"promptTokenCount": 9, "candidatesTokenCount": 5}}\\n\\n')
(9, 5)
>>> read_usage(b'not json') is None
True
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = ["Call", "Ledger", "read_usage"]


def read_usage(body: bytes) -> tuple[int, int] | None:
    """``(input_tokens, output_tokens)`` from a JSON or SSE answer, or None when absent."""
    found = None
    for document in _documents(body):
        usage = _usage_of(document)
        if usage is not None:
            found = usage  # streams repeat or grow their counts: the last one wins
    return found


def _documents(body: bytes) -> Iterator[Any]:
    text = body.decode("utf-8", errors="replace").strip()
    if not text:
        return
    if text.startswith(("{", "[")):
        try:
            yield json.loads(text)
            return
        except ValueError:
            pass
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("data:"):
            payload = line[5:].strip()
            if payload and payload != "[DONE]":
                try:
                    yield json.loads(payload)
                except ValueError:
                    continue


def _usage_of(document: Any) -> tuple[int, int] | None:
    if isinstance(document, list):  # Gemini's non-SSE stream is a JSON array
        found = None
        for item in document:
            found = _usage_of(item) or found
        return found
    if not isinstance(document, dict):
        return None
    if isinstance(document.get("response"), dict):  # Responses API stream events
        inner = _usage_of(document["response"])
        if inner is not None:
            return inner
    usage = document.get("usage")
    if isinstance(usage, dict):
        if "prompt_tokens" in usage or "completion_tokens" in usage:
            return _int(usage.get("prompt_tokens")), _int(usage.get("completion_tokens"))
        if "input_tokens" in usage or "output_tokens" in usage:
            return _int(usage.get("input_tokens")), _int(usage.get("output_tokens"))
    meta = document.get("usageMetadata")
    if isinstance(meta, dict):
        output = _int(meta.get("candidatesTokenCount")) + _int(meta.get("thoughtsTokenCount"))
        return _int(meta.get("promptTokenCount")), output
    return None


def _int(value: Any) -> int:
    return int(value) if isinstance(value, int | float) and value >= 0 else 0


@dataclass(frozen=True)
class Call:
    """One request through the gateway, as the trainer's report shows it."""

    user: str
    provider: str
    model: str
    status: int
    input_tokens: int
    output_tokens: int
    cost_vnd: float
    seconds: float
    estimated: bool = False
    privacy_findings: int = 0
    refused: str = ""  # "budget", "rate", "privacy" ... when the gateway answered itself


_SCHEMA = """
CREATE TABLE IF NOT EXISTS calls (
    at REAL NOT NULL, user TEXT NOT NULL, provider TEXT NOT NULL, model TEXT NOT NULL,
    status INTEGER NOT NULL, input_tokens INTEGER NOT NULL, output_tokens INTEGER NOT NULL,
    cost_vnd REAL NOT NULL, seconds REAL NOT NULL, estimated INTEGER NOT NULL,
    privacy_findings INTEGER NOT NULL, refused TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS calls_user ON calls (user);
"""


class Ledger:
    """An SQLite file of calls; spending per trainee and per class is summed from it.

    Spending is also kept in memory so that the budget check on every request costs
    no query; the file is the record the trainer's report reads and survives restarts.
    """

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._lock = threading.Lock()
        self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.executescript(_SCHEMA)
        self._spent: dict[str, float] = dict(
            self._db.execute("SELECT user, SUM(cost_vnd) FROM calls GROUP BY user").fetchall()
        )
        path.chmod(0o600)

    def record(self, call: Call) -> None:
        with self._lock:
            self._db.execute(
                "INSERT INTO calls VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    time.time(),
                    call.user,
                    call.provider,
                    call.model,
                    call.status,
                    call.input_tokens,
                    call.output_tokens,
                    call.cost_vnd,
                    call.seconds,
                    int(call.estimated),
                    call.privacy_findings,
                    call.refused,
                ),
            )
            self._spent[call.user] = self._spent.get(call.user, 0.0) + call.cost_vnd

    def spent(self, user: str) -> float:
        return self._spent.get(user, 0.0)

    def class_spent(self) -> float:
        return sum(self._spent.values())

    def per_user(self) -> list[dict[str, Any]]:
        """One row per trainee: calls, refusals, tokens, VND, for the trainer's report."""
        rows = self._db.execute(
            "SELECT user, COUNT(*), SUM(refused != ''), SUM(input_tokens), SUM(output_tokens),"
            " SUM(cost_vnd), SUM(privacy_findings) FROM calls GROUP BY user ORDER BY user"
        ).fetchall()
        names = (
            "user",
            "calls",
            "refused",
            "input_tokens",
            "output_tokens",
            "cost_vnd",
            "privacy_findings",
        )
        return [dict(zip(names, row, strict=True)) for row in rows]

    def close(self) -> None:
        self._db.close()


def read_ledger(path: Path) -> list[dict[str, Any]]:
    """The per-trainee summary of a ledger file, for ``congdoan server usage``."""
    if not path.is_file():
        return []
    ledger = Ledger(path)
    try:
        return ledger.per_user()
    finally:
        ledger.close()
