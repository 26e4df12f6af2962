"""Usage read from each wire format the gateway relays, streamed or not."""

from __future__ import annotations

import json

import pytest

from congdoan.server.usage import Call, Ledger, read_usage


def sse(*events: dict, done: bool = False) -> bytes:
    lines = [f"data: {json.dumps(e)}\n\n" for e in events]
    return ("".join(lines) + ("data: [DONE]\n\n" if done else "")).encode()


CASES = {
    "chat": (b'{"choices": [], "usage": {"prompt_tokens": 12, "completion_tokens": 30}}', (12, 30)),
    "chat_stream": (
        sse(
            {"choices": [{"delta": {"content": "Xin"}}]},
            {"choices": [], "usage": {"prompt_tokens": 5, "completion_tokens": 8}},
            done=True,
        ),
        (5, 8),
    ),
    "responses": (b'{"output": [], "usage": {"input_tokens": 40, "output_tokens": 90}}', (40, 90)),
    "responses_stream": (
        sse(
            {"type": "response.output_text.delta", "delta": "Xin"},
            {
                "type": "response.completed",
                "response": {"usage": {"input_tokens": 7, "output_tokens": 3}},
            },
        ),
        (7, 3),
    ),
    "gemini": (
        b'{"candidates": [], "usageMetadata": {"promptTokenCount": 9, '
        b'"candidatesTokenCount": 5, "thoughtsTokenCount": 4}}',
        (9, 9),
    ),
    "gemini_stream": (
        sse(
            {"usageMetadata": {"promptTokenCount": 9, "candidatesTokenCount": 2}},
            {"usageMetadata": {"promptTokenCount": 9, "candidatesTokenCount": 6}},
        ),
        (9, 6),
    ),
    "gemini_array": (
        b'[{"usageMetadata": {"promptTokenCount": 3, "candidatesTokenCount": 4}}]',
        (3, 4),
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_usage_in_every_format(name):
    body, expected = CASES[name]
    assert read_usage(body) == expected


@pytest.mark.parametrize(
    "body", [b"", b"<html>502 Bad Gateway</html>", b'{"error": {"message": "x"}}', b"data: {cut"]
)
def test_no_usage_is_none_not_a_guess(body):
    assert read_usage(body) is None


def test_ledger_sums_spending_and_survives_a_restart(tmp_path):
    path = tmp_path / "usage.sqlite"
    ledger = Ledger(path)
    ledger.record(Call("hv001", "openai", "m", 200, 10, 20, 150.0, 0.5))
    ledger.record(Call("hv001", "gemini", "m", 429, 0, 0, 0.0, 0.0, refused="budget"))
    ledger.record(Call("hv002", "gemini", "m", 200, 10, 20, 50.0, 0.5, privacy_findings=2))
    ledger.close()
    again = Ledger(path)
    assert again.spent("hv001") == 150.0 and again.class_spent() == 200.0
    rows = {r["user"]: r for r in again.per_user()}
    assert rows["hv001"]["calls"] == 2 and rows["hv001"]["refused"] == 1
    assert rows["hv002"]["privacy_findings"] == 2
    assert oct(path.stat().st_mode & 0o777) == "0o600"
