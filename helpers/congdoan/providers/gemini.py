"""Gemini through the ``google-genai`` SDK (``from google import genai``).

Not ``google-generativeai``: that package reached end of life on 30 November 2025
and warns on import. ``google-genai`` takes its timeout in milliseconds and retries
only when given ``HttpRetryOptions``; both come from congdoan's settings here.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

from .base import Chunk, Citation, Completion, Grounding, Provider, Request, Usage
from .errors import blocked, cut_off, from_gemini, guarded_stream, missing_key
from .models import ListedModel

__all__ = ["IMAGE_RATIOS", "GeminiProvider", "image_ratio"]

_clients: dict[tuple, Any] = {}
_clients_lock = threading.Lock()
_BLOCKED = {"SAFETY", "PROHIBITED_CONTENT", "BLOCKLIST", "SPII", "RECITATION", "IMAGE_SAFETY"}
_OPTION_NAMES = {
    "temperature": "temperature",
    "max_tokens": "max_output_tokens",
    "top_p": "top_p",
    "seed": "seed",
    "stop": "stop_sequences",
}


class GeminiProvider(Provider):
    """Google's Gemini models (``GEMINI_API_KEY`` or ``GOOGLE_API_KEY``)."""

    id = "gemini"
    supports_search = True
    supports_images = True

    def complete(self, request: Request) -> Completion:
        client = self._client()
        try:
            response = client.models.generate_content(**self._payload(request))
        except Exception as exc:
            raise from_gemini(self.settings, exc) from None
        chunk = self._chunk(response)
        if not chunk.text and not chunk.reasoning:
            raise cut_off(self.settings, "empty answer")
        return Completion(
            text=chunk.text,
            model=chunk.model or request.model,
            reasoning=chunk.reasoning or None,
            usage=chunk.usage,
            finish_reason=chunk.finish_reason,
            citations=chunk.citations,
            grounding=chunk.grounding,
        )

    def stream(self, request: Request) -> Iterator[Chunk]:
        client = self._client()
        yield from guarded_stream(self._chunks(client, request), self.settings, from_gemini)

    def _chunks(self, client: Any, request: Request) -> Iterator[Chunk]:
        # a generator, so that even the opening request fails inside guarded_stream
        for response in client.models.generate_content_stream(**self._payload(request)):
            yield self._chunk(response)

    def list_models(self) -> list[ListedModel] | None:
        """Every page of ``models.list`` (50 a page); names lose their ``models/`` prefix."""
        try:
            pager = self._client(timeout=10.0, retries=0).models.list()
            names = [getattr(item, "name", "") or "" for item in pager]
        except Exception as exc:
            raise from_gemini(self.settings, exc) from None
        return [ListedModel(id=name.removeprefix("models/")) for name in names if name]

    def ping(self, model: str) -> Usage | None:
        """A one-token request; Gemini answers MAX_TOKENS with no text, which is fine here."""
        from google.genai import types

        client = self._client(timeout=20.0, retries=0)
        try:
            response = client.models.generate_content(
                model=model,
                contents="OK",
                config=types.GenerateContentConfig(max_output_tokens=1),
            )
        except Exception as exc:
            raise from_gemini(self.settings, exc) from None
        return _usage(getattr(response, "usage_metadata", None))

    def draw_image(self, prompt: str, model: str, width: int, height: int) -> bytes:
        """An image-capable model with ``response_modalities=["IMAGE"]``: an inline part."""
        from google.genai import types

        client = self._client()
        config = types.GenerateContentConfig(
            response_modalities=["IMAGE"],
            image_config=types.ImageConfig(aspect_ratio=image_ratio(width, height)),
        )
        try:
            response = client.models.generate_content(model=model, contents=prompt, config=config)
        except Exception as exc:
            raise from_gemini(self.settings, exc) from None
        return self._inline_image(response)

    def _inline_image(self, response: Any) -> bytes:
        feedback = getattr(response, "prompt_feedback", None)
        if feedback is not None and getattr(feedback, "block_reason", None):
            raise blocked(self.settings, str(feedback.block_reason))
        for candidate in getattr(response, "candidates", None) or []:
            reason = _enum_name(getattr(candidate, "finish_reason", None))
            if reason in _BLOCKED or reason == "IMAGE_PROHIBITED_CONTENT":
                raise blocked(self.settings, reason)
            parts = getattr(getattr(candidate, "content", None), "parts", None) or []
            for part in parts:
                inline = getattr(part, "inline_data", None)
                if inline is not None and inline.data:
                    return inline.data
        raise cut_off(self.settings, "no inline image in the response")

    # -- helpers --------------------------------------------------------------------
    def _client(self, *, timeout: float | None = None, retries: int | None = None):
        settings = self.settings
        if not settings.api_key:
            raise missing_key(settings)
        timeout = settings.timeout if timeout is None else timeout
        retries = settings.max_retries if retries is None else retries
        key = (settings.base_url, settings.api_key, timeout, retries)
        with _clients_lock:
            client = _clients.get(key)
            if client is None:
                client = _new_client(settings.api_key, settings.base_url, timeout, retries)
                _clients[key] = client  # keep it alive: a collected client closes mid-call
        return client

    def _payload(self, request: Request) -> dict[str, Any]:
        from google.genai import types

        contents = [
            types.Content(
                role="model" if m.role == "assistant" else "user",
                parts=[types.Part(text=m.content)],
            )
            for m in request.turns
        ]
        config = {_OPTION_NAMES[k]: v for k, v in request.options.items() if k in _OPTION_NAMES}
        if isinstance(config.get("stop_sequences"), str):
            config["stop_sequences"] = [config["stop_sequences"]]
        if request.system:
            config["system_instruction"] = request.system
        if request.options.get("search"):  # Google Search grounding, with citations
            config["tools"] = [types.Tool(google_search=types.GoogleSearch())]
        return {
            "model": request.model,
            "contents": contents,
            "config": types.GenerateContentConfig(**config) if config else None,
        }

    def _chunk(self, response: Any) -> Chunk:
        feedback = getattr(response, "prompt_feedback", None)
        if feedback is not None and getattr(feedback, "block_reason", None):
            raise blocked(self.settings, str(feedback.block_reason))
        candidates = getattr(response, "candidates", None) or []
        text, reasoning, finish, citations, grounding = [], [], None, (), None
        if candidates:
            candidate = candidates[0]
            metadata = getattr(candidate, "grounding_metadata", None)
            citations = _citations(metadata)
            grounding = _grounding(metadata)
            finish = _enum_name(getattr(candidate, "finish_reason", None))
            if finish in _BLOCKED:
                raise blocked(self.settings, finish)
            content = getattr(candidate, "content", None)
            for part in (getattr(content, "parts", None) or []) if content else []:
                if getattr(part, "text", None):
                    (reasoning if getattr(part, "thought", False) else text).append(part.text)
        return Chunk(
            text="".join(text),
            reasoning="".join(reasoning),
            model=getattr(response, "model_version", None),
            usage=_usage(getattr(response, "usage_metadata", None)),
            finish_reason=finish,
            citations=citations,
            grounding=grounding,
        )


#: Aspect ratios Gemini image models accept.
IMAGE_RATIOS = ("1:1", "2:3", "3:2", "3:4", "4:3", "4:5", "5:4", "9:16", "16:9", "21:9")


def image_ratio(width: int, height: int) -> str:
    """The accepted aspect ratio closest to ``width`` x ``height``."""
    wanted = width / height

    def distance(label: str) -> float:
        w, h = (int(n) for n in label.split(":"))
        return abs(w / h - wanted)

    return min(IMAGE_RATIOS, key=distance)


def _new_client(api_key: str, base_url: str | None, timeout: float, retries: int):
    from google import genai
    from google.genai import types

    options: dict[str, Any] = {"timeout": int(timeout * 1000)}
    if base_url:
        options["base_url"] = base_url
    if retries:
        options["retry_options"] = types.HttpRetryOptions(
            attempts=retries + 1, initial_delay=0.5, max_delay=8.0
        )
    return genai.Client(api_key=api_key, http_options=types.HttpOptions(**options))


def _citations(metadata: Any) -> tuple[Citation, ...]:
    """The web sources of a grounded answer, in the order Gemini lists them."""
    chunks = getattr(metadata, "grounding_chunks", None) or []
    found = []
    for chunk in chunks:
        web = getattr(chunk, "web", None)
        if web is not None and getattr(web, "uri", None):
            found.append(Citation(title=web.title or web.domain or web.uri, url=web.uri))
    return tuple(found)


def _grounding(metadata: Any) -> Grounding | None:
    """Google's Search Suggestions (which apps must show) and the queries Gemini ran."""
    if metadata is None:
        return None
    entry = getattr(metadata, "search_entry_point", None)
    suggestions = (getattr(entry, "rendered_content", None) or "") if entry else ""
    queries = tuple(getattr(metadata, "web_search_queries", None) or ())
    if not suggestions and not queries:
        return None
    return Grounding(suggestions_html=suggestions, queries=queries)


def _usage(raw: Any) -> Usage | None:
    if raw is None or getattr(raw, "prompt_token_count", None) is None:
        return None
    return Usage(int(raw.prompt_token_count or 0), int(raw.candidates_token_count or 0))


def _enum_name(value: Any) -> str | None:
    if value is None:
        return None
    return getattr(value, "name", None) or str(value)
