"""Recorded real replies shipped with a lesson, for the ideas the practice model cannot show.

The practice model has no reasoning, reports no tokens and searches nothing, so a
trainee without a key would never *see* DeepSeek think or Gemini cite its sources.
A lesson therefore asks through :func:`ask_or_recorded`:

* with a key for that provider, the real provider answers (nothing recorded is used);
* without one, the reply recorded from that provider (a JSON file beside the lesson,
  ``ban_ghi/<name>.json``) is shown, its badge and notes saying plainly that it is a
  recording, by which provider and model, and on which date;
* with neither, the practice model answers and says that no recording is shipped yet.

Recordings are made only from real replies, by someone who has the key:

    python -m congdoan.examples record modules/04_deepseek/ban_ghi/suy_nghi.json \\
        --provider deepseek --prompt-file cau_lenh.txt [--thinking on|off] [--search]

A recording is never invented: :func:`save_recording` takes a :class:`Reply` that
came back from the provider, and refuses the practice model's.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from pathlib import Path
from typing import Any

from .errors import CongdoanError, InputError
from .i18n import msg
from .replies import Citation, Reply, Usage

__all__ = ["ask_or_recorded", "load_recording", "save_recording"]

_PROVIDER_ONLY = ("thinking", "search")  # options the practice model does not take


def ask_or_recorded(
    prompt: str,
    *,
    provider: str,
    recording: str | os.PathLike[str],
    **options: Any,
) -> Reply:
    """The real provider with a key; else its shipped recording; else the practice model."""
    from .chat import ask
    from .config import load_settings, resolve_provider_id

    pid = resolve_provider_id(provider)
    settings = load_settings().provider(pid)
    if settings.api_key or pid == "local":
        try:
            return ask(prompt, provider=pid, **options)
        except CongdoanError:
            if pid != "local":
                raise
    path = Path(recording)
    if path.is_file():
        return load_recording(path)
    practice = {k: v for k, v in options.items() if k not in _PROVIDER_ONLY}
    reply = ask(prompt, **practice)
    reply.notices.append(msg("examples.no_recording", provider=pid, path=path.as_posix()))
    return reply


def load_recording(path: str | os.PathLike[str]) -> Reply:
    """A recorded reply as a :class:`Reply` marked ``source="recorded"``."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        reply = Reply(
            text=data["text"],
            provider=data["provider"],
            model=data["model"],
            reasoning=data.get("reasoning"),
            usage=Usage(
                int(data.get("input_tokens", 0)),
                int(data.get("output_tokens", 0)),
                estimated=bool(data.get("tokens_estimated", False)),
            ),
            cost_vnd=float(data.get("cost_vnd", 0.0)),
            seconds=float(data.get("seconds", 0.0)),
            source="recorded",
            citations=tuple(Citation(c["title"], c["url"]) for c in data.get("citations", [])),
        )
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise InputError(msg("examples.unreadable", path=path, reason=exc)) from None
    reply.notices.append(
        msg(
            "examples.recorded",
            provider=reply.label,
            model=reply.model,
            date=data.get("recorded_at", "?"),
        )
    )
    return reply


def save_recording(reply: Reply, path: str | os.PathLike[str], prompt: str) -> Path:
    """Write a real provider's ``reply`` as a recording (never the practice model's)."""
    if reply.provider == "offline" or reply.source != "live":
        raise InputError(msg("examples.not_real", provider=reply.provider, source=reply.source))
    data = {
        "provider": reply.provider,
        "model": reply.model,
        "recorded_at": dt.date.today().isoformat(),
        "prompt": prompt,
        "text": reply.text,
        "reasoning": reply.reasoning,
        "input_tokens": reply.usage.input_tokens,
        "output_tokens": reply.usage.output_tokens,
        "tokens_estimated": reply.usage.estimated,
        "cost_vnd": reply.cost_vnd,
        "seconds": round(reply.seconds, 1),
        "citations": [{"title": c.title, "url": c.url} for c in reply.citations],
    }
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return target


def _main(argv: list[str]) -> int:
    import argparse

    from .chat import ask

    parser = argparse.ArgumentParser(prog="python -m congdoan.examples")
    sub = parser.add_subparsers(dest="command", required=True)
    record = sub.add_parser("record", help="ask a real provider and save its reply")
    record.add_argument("path")
    record.add_argument("--provider", required=True)
    record.add_argument("--prompt-file", required=True)
    record.add_argument("--thinking", choices=("on", "off"))
    record.add_argument("--search", action="store_true")
    args = parser.parse_args(argv)
    prompt = Path(args.prompt_file).read_text(encoding="utf-8").strip()
    options: dict[str, Any] = {}
    if args.thinking:
        options["thinking"] = args.thinking == "on"
    if args.search:
        options["search"] = True
    try:
        reply = ask(prompt, provider=args.provider, **options)
        print(save_recording(reply, args.path, prompt))
    except CongdoanError as exc:
        print(f"{msg('cli.error_prefix')}: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(_main(sys.argv[1:]))
