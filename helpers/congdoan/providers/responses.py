"""OpenAI's Responses API (``client.responses.create``), for ChatGPT and Azure OpenAI.

OpenAI recommends the Responses API for new work, and only through it do ChatGPT's
reasoning summaries and its web search tool (with sources) come back. The
OpenAI-compatible vendors (DeepSeek, GitHub Models, Ollama, llama.cpp) stay on Chat
Completions (``openai_compat.py``); both share the client, the key handling and the
error boundary.

What differs from Chat Completions, and is handled here:

* the system instruction travels as ``instructions``, the turns as ``input``;
* the length limit is ``max_output_tokens`` (at least 16), and there is no ``seed``
  or ``stop``: asking for them is refused with a message, not sent to fail with a 400;
* a reasoning model given too small a budget ends ``incomplete`` with no text: the
  trainee is told to raise ``max_tokens``;
* reasoning summaries are asked for (``reasoning.summary``); a server that refuses
  that field with a 400 is asked again without it, once per session;
* web search answers carry ``url_citation`` annotations, shown as the reply's sources.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any, ClassVar

from ..config import provider_label
from ..errors import BadResponse, InputError, ProviderError
from ..i18n import msg
from .base import Chunk, Citation, Completion, Request, Usage
from .errors import blocked, cut_off, from_openai, from_status
from .openai_compat import OpenAICompatible

__all__ = ["MIN_OUTPUT_TOKENS", "ResponsesAPI"]

#: The Responses API refuses smaller ``max_output_tokens``.
MIN_OUTPUT_TOKENS = 16
_UNSUPPORTED = ("seed", "stop")
_OPTION_NAMES = {"temperature": "temperature", "top_p": "top_p", "max_tokens": "max_output_tokens"}
#: Endpoints (base URLs) that answered 400 to ``reasoning.summary``: not asked again.
_no_summary: set[str | None] = set()
_no_summary_lock = threading.Lock()
#: Error codes a failed response carries, as the HTTP status they stand for.
_FAILED_CODES = {
    "rate_limit_exceeded": 429,
    "insufficient_quota": 429,
    "server_error": 500,
    "vector_store_timeout": 500,
    "invalid_prompt": 400,
}


class ResponsesAPI(OpenAICompatible):
    """A provider reached through ``openai.OpenAI(base_url=...).responses``."""

    #: The web search tool the Responses API offers (``ask(..., search=True)``).
    search_tool: ClassVar[dict[str, str]] = {"type": "web_search"}

    def complete(self, request: Request) -> Completion:
        client = self._client()
        response = self._create(client, request, stream=False)
        return self._completion(response)

    def ping(self, model: str) -> Usage | None:
        """The smallest request the Responses API accepts (16 output tokens)."""
        client = self._client(timeout=20.0, max_retries=0)
        try:
            response = client.responses.create(
                model=model, input="OK", max_output_tokens=MIN_OUTPUT_TOKENS
            )
        except Exception as exc:
            raise from_openai(self.settings, exc) from None
        return _usage(getattr(response, "usage", None))

    # -- requests ---------------------------------------------------------------------
    def _create(self, client: Any, request: Request, *, stream: bool) -> Any:
        payload = self._payload(request)
        try:
            return client.responses.create(**payload, stream=stream)
        except Exception as exc:
            if "reasoning" in payload and _refuses_summary(exc):
                with _no_summary_lock:
                    _no_summary.add(self.settings.base_url)
                payload.pop("reasoning")
                try:
                    return client.responses.create(**payload, stream=stream)
                except Exception as again:
                    raise from_openai(self.settings, again) from None
            raise from_openai(self.settings, exc) from None

    def _payload(self, request: Request) -> dict[str, Any]:
        options = dict(request.options)
        refused = [name for name in _UNSUPPORTED if options.get(name) is not None]
        if refused:
            raise InputError(
                msg("models.responses_option", provider=self._label(), names=", ".join(refused))
            )
        wanted = options.get("max_tokens")
        if wanted is not None and wanted < MIN_OUTPUT_TOKENS:
            raise InputError(
                msg(
                    "models.responses_min_tokens", provider=self._label(), minimum=MIN_OUTPUT_TOKENS
                )
            )
        payload: dict[str, Any] = {
            "model": request.model,
            "input": [m.as_dict() for m in request.turns],
        }
        if request.system:
            payload["instructions"] = request.system
        for name, value in options.items():
            if name in _OPTION_NAMES:
                payload[_OPTION_NAMES[name]] = value
        if options.get("search"):
            payload["tools"] = [dict(self.search_tool)]
        if self.settings.base_url not in _no_summary:
            payload["reasoning"] = {"summary": "auto"}
        return payload

    # -- answers ----------------------------------------------------------------------
    def _completion(self, response: Any) -> Completion:
        status = getattr(response, "status", None)
        if status == "failed":
            raise _failure(self.settings, getattr(response, "error", None))
        text, refusal, citations = _message_parts(response)
        if refusal:
            raise blocked(self.settings, refusal)
        reasoning = _summary(response)
        finish = "stop"
        if status == "incomplete":
            finish = self._incomplete(response, has_text=bool(text))
        elif not text:
            raise cut_off(self.settings, "response without output text")
        return Completion(
            text=text,
            model=getattr(response, "model", None) or self.settings.model,
            reasoning=reasoning or None,
            usage=_usage(getattr(response, "usage", None)),
            finish_reason=finish,
            citations=citations,
        )

    def _chunks(self, client: Any, request: Request) -> Iterator[Chunk]:
        has_text = False
        for event in self._create(client, request, stream=True):
            kind = getattr(event, "type", "")
            if kind == "response.output_text.delta":
                has_text = has_text or bool(event.delta)
                yield Chunk(text=event.delta or "")
            elif kind == "response.reasoning_summary_text.delta":
                yield Chunk(reasoning=event.delta or "")
            elif kind == "response.refusal.delta":
                raise blocked(self.settings, "refusal")
            elif kind in ("response.completed", "response.incomplete"):
                yield self._last_chunk(event.response, kind, has_text)
            elif kind == "response.failed":
                raise _failure(self.settings, getattr(event.response, "error", None))
            elif kind == "error":
                raise _failure(self.settings, event)

    def _last_chunk(self, response: Any, kind: str, has_text: bool) -> Chunk:
        finish = "stop"
        if kind == "response.incomplete":
            finish = self._incomplete(response, has_text=has_text)
        _, refusal, citations = _message_parts(response)
        if refusal:
            raise blocked(self.settings, refusal)
        return Chunk(
            model=getattr(response, "model", None),
            usage=_usage(getattr(response, "usage", None)),
            finish_reason=finish,
            citations=citations,
        )

    def _incomplete(self, response: Any, *, has_text: bool) -> str:
        """``length`` for an answer cut at the token limit; an error when nothing came."""
        details = getattr(response, "incomplete_details", None)
        reason = getattr(details, "reason", None) or ""
        if reason == "content_filter":
            raise blocked(self.settings, reason)
        if not has_text:
            raise BadResponse(
                msg("models.incomplete", provider=self._label()),
                provider=self.settings.id,
                detail=f"incomplete: {reason}",
            )
        return "length"

    def _label(self) -> str:
        return provider_label(self.settings.id)


def _message_parts(response: Any) -> tuple[str, str, tuple[Citation, ...]]:
    """Answer text, any refusal, and the web sources cited, from the output items."""
    texts, refusals, citations, seen = [], [], [], set()
    for item in getattr(response, "output", None) or []:
        if getattr(item, "type", None) != "message":
            continue
        for part in getattr(item, "content", None) or []:
            kind = getattr(part, "type", None)
            if kind == "refusal":
                refusals.append(getattr(part, "refusal", "") or "refusal")
            elif kind == "output_text":
                texts.append(getattr(part, "text", "") or "")
                for note in getattr(part, "annotations", None) or []:
                    url = getattr(note, "url", None)
                    if getattr(note, "type", None) == "url_citation" and url and url not in seen:
                        seen.add(url)
                        citations.append(
                            Citation(title=getattr(note, "title", None) or url, url=url)
                        )
    return "".join(texts), " ".join(refusals), tuple(citations)


def _summary(response: Any) -> str:
    parts = []
    for item in getattr(response, "output", None) or []:
        if getattr(item, "type", None) == "reasoning":
            parts += [getattr(s, "text", "") or "" for s in getattr(item, "summary", None) or []]
    return "\n\n".join(p for p in parts if p)


def _usage(raw: Any) -> Usage | None:
    if raw is None or getattr(raw, "input_tokens", None) is None:
        return None
    return Usage(int(raw.input_tokens or 0), int(raw.output_tokens or 0))


def _failure(settings, error: Any) -> ProviderError:
    """A response that failed after it started (``response.failed`` or an ``error`` event)."""
    code = str(getattr(error, "code", None) or "")
    message = str(getattr(error, "message", None) or code or "response failed")
    return from_status(settings, _FAILED_CODES.get(code, 500), message, code=code)


def _refuses_summary(exc: Exception) -> bool:
    """A 400 that names the ``reasoning.summary`` field (organisations without access)."""
    status = getattr(exc, "status_code", None)
    body = getattr(exc, "body", None)
    param = str(body.get("param") or "") if isinstance(body, dict) else ""
    text = f"{param} {getattr(exc, 'message', '') or exc}".lower()
    return status == 400 and "summar" in text
