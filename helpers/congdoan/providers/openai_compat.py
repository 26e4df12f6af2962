"""Chat Completions through the ``openai`` SDK, shared by every OpenAI-compatible vendor.

OpenAI, DeepSeek, GitHub Models, Azure OpenAI (v1 API), Ollama and llama.cpp all speak
this wire format; the subclasses in ``openai.py``, ``deepseek.py``, ``copilot.py`` and
``local.py`` only differ in configuration and in where visible reasoning arrives.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from datetime import UTC
from typing import Any, ClassVar

from .base import Chunk, Completion, Provider, Request, Usage
from .errors import blocked, cut_off, from_openai, guarded_stream, missing_key
from .models import ListedModel

__all__ = ["OpenAICompatible", "ThinkSplitter"]

_clients: dict[tuple, Any] = {}
_clients_lock = threading.Lock()
_BLOCKED_FINISH = {"content_filter"}
#: congdoan options that are switches of their own, not Chat Completions fields.
_NOT_SENT = ("search", "thinking")


class OpenAICompatible(Provider):
    """A provider reached through ``openai.OpenAI(base_url=...).chat.completions``."""

    #: Whether the provider can run without a key (local servers).
    needs_key: ClassVar[bool] = True
    #: Name of the output-length parameter this vendor expects.
    max_tokens_parameter: ClassVar[str] = "max_tokens"
    #: Message fields that carry visible reasoning, in order of preference.
    reasoning_fields: ClassVar[tuple[str, ...]] = ("reasoning_content",)
    #: Whether ``<think>...</think>`` in the answer text is reasoning (llama.cpp, some Ollama).
    think_tags: ClassVar[bool] = False

    # -- the interface --------------------------------------------------------------
    def complete(self, request: Request) -> Completion:
        client = self._client()
        try:
            response = client.chat.completions.create(**self._payload(request))
        except Exception as exc:  # translated at the boundary, see errors.py
            raise from_openai(self.settings, exc) from None
        return self._completion(response)

    def stream(self, request: Request) -> Iterator[Chunk]:
        client = self._client()
        yield from guarded_stream(self._chunks(client, request), self.settings, from_openai)

    def list_models(self) -> list[ListedModel] | None:
        """``GET /models``; OpenAI adds a ``shutdown_date`` to models it is retiring."""
        try:
            page = self._client(timeout=10.0, max_retries=0).models.list()
        except Exception as exc:
            raise from_openai(self.settings, exc) from None
        return [_listed(item) for item in page]

    def ping(self, model: str) -> Usage | None:
        """A one-token Chat Completions request; an empty answer is fine here."""
        client = self._client(timeout=20.0, max_retries=0)
        length = {self.max_tokens_parameter: 1}
        try:
            response = client.chat.completions.create(
                model=model, messages=[{"role": "user", "content": "OK"}], **length
            )
        except Exception as exc:
            raise from_openai(self.settings, exc) from None
        return _usage(getattr(response, "usage", None))

    # -- helpers --------------------------------------------------------------------
    def _client(self, *, timeout: float | None = None, max_retries: int | None = None):
        settings = self.settings
        if self.needs_key and not settings.api_key:
            raise missing_key(settings)
        timeout = settings.timeout if timeout is None else timeout
        retries = settings.max_retries if max_retries is None else max_retries
        key = (type(self).__name__, settings.base_url, settings.api_key, timeout, retries)
        with _clients_lock:
            client = _clients.get(key)
            if client is None:
                from openai import OpenAI

                client = OpenAI(
                    api_key=settings.api_key or "no-key-needed",
                    base_url=settings.base_url,
                    timeout=timeout,
                    max_retries=retries,
                )
                _clients[key] = client
        return client

    def _payload(self, request: Request) -> dict[str, Any]:
        payload: dict[str, Any] = {
            "model": request.model,
            "messages": [m.as_dict() for m in request.messages],
        }
        for name, value in request.options.items():
            if name in _NOT_SENT:
                continue
            payload[self.max_tokens_parameter if name == "max_tokens" else name] = value
        return payload

    def _chunks(self, client: Any, request: Request) -> Iterator[Chunk]:
        splitter = ThinkSplitter() if self.think_tags else None
        events = client.chat.completions.create(
            **self._payload(request), stream=True, stream_options={"include_usage": True}
        )
        for event in events:
            chunk = self._chunk(event, splitter)
            if chunk.finish_reason in _BLOCKED_FINISH:
                raise blocked(self.settings)
            yield chunk
        if splitter is not None:
            text, reasoning = splitter.flush()
            if text or reasoning:
                yield Chunk(text=text, reasoning=reasoning)

    def _completion(self, response: Any) -> Completion:
        if not getattr(response, "choices", None):
            raise cut_off(self.settings, "response without choices")
        choice = response.choices[0]
        if choice.finish_reason in _BLOCKED_FINISH:
            raise blocked(self.settings)
        message = choice.message
        text = message.content or ""
        reasoning = self._reasoning_of(message)
        if self.think_tags and not reasoning:
            text, reasoning = split_think(text)
        if not text and not reasoning:
            raise cut_off(self.settings, "empty message")
        return Completion(
            text=text,
            model=response.model or self.settings.model,
            reasoning=reasoning or None,
            usage=_usage(getattr(response, "usage", None)),
            finish_reason=choice.finish_reason,
        )

    def _chunk(self, event: Any, splitter: ThinkSplitter | None) -> Chunk:
        usage = _usage(getattr(event, "usage", None))
        if not event.choices:
            return Chunk(model=event.model, usage=usage)
        choice = event.choices[0]
        delta = choice.delta
        text = (delta.content or "") if delta else ""
        reasoning = self._reasoning_of(delta) if delta else ""
        if splitter is not None and text:
            text, thought = splitter.feed(text)
            reasoning = (reasoning or "") + thought
        return Chunk(
            text=text,
            reasoning=reasoning or "",
            model=event.model,
            usage=usage,
            finish_reason=choice.finish_reason,
        )

    def _reasoning_of(self, message: Any) -> str:
        for name in self.reasoning_fields:
            value = getattr(message, name, None)
            if isinstance(value, str) and value:
                return value
        return ""


def _listed(item: Any) -> ListedModel:
    extra = getattr(item, "model_extra", None) or {}
    shutdown = getattr(item, "shutdown_date", None) or extra.get("shutdown_date")
    if isinstance(shutdown, int | float):  # some servers send Unix time
        from datetime import datetime

        shutdown = datetime.fromtimestamp(shutdown, tz=UTC).date().isoformat()
    created = getattr(item, "created", None)
    return ListedModel(
        id=str(item.id),
        created=int(created) if isinstance(created, int | float) else None,
        shutdown=str(shutdown) if shutdown else None,
    )


def _usage(raw: Any) -> Usage | None:
    if raw is None or getattr(raw, "prompt_tokens", None) is None:
        return None
    return Usage(int(raw.prompt_tokens or 0), int(raw.completion_tokens or 0))


_THINK = re.compile(r"<think>(.*?)(?:</think>|$)", re.DOTALL)


def split_think(text: str) -> tuple[str, str]:
    """Separate ``<think>...</think>`` reasoning from the answer text."""
    thoughts = [m.group(1).strip() for m in _THINK.finditer(text)]
    answer = _THINK.sub("", text).strip()
    return answer, "\n".join(t for t in thoughts if t)


class ThinkSplitter:
    """Route streamed text inside ``<think>`` tags to reasoning, tags split across chunks."""

    _OPEN, _CLOSE = "<think>", "</think>"

    def __init__(self) -> None:
        self._buffer = ""
        self._thinking = False

    def feed(self, piece: str) -> tuple[str, str]:
        self._buffer += piece
        text, thought = [], []
        while self._buffer:
            tag = self._CLOSE if self._thinking else self._OPEN
            at = self._buffer.find(tag)
            if at >= 0:
                (thought if self._thinking else text).append(self._buffer[:at])
                self._buffer = self._buffer[at + len(tag) :]
                self._thinking = not self._thinking
                continue
            keep = _partial_suffix(self._buffer, tag)
            ready = self._buffer[: len(self._buffer) - keep]
            (thought if self._thinking else text).append(ready)
            self._buffer = self._buffer[len(ready) :]
            break
        return "".join(text), "".join(thought)

    def flush(self) -> tuple[str, str]:
        rest, self._buffer = self._buffer, ""
        return ("", rest) if self._thinking else (rest, "")


def _partial_suffix(text: str, tag: str) -> int:
    """Length of the longest end of ``text`` that could be the start of ``tag``."""
    for size in range(min(len(tag) - 1, len(text)), 0, -1):
        if tag.startswith(text[-size:]):
            return size
    return 0
