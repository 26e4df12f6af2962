"""ChatGPT: OpenAI's models through the ``openai`` SDK (Chat Completions)."""

from __future__ import annotations

from .openai_compat import OpenAICompatible

__all__ = ["OpenAIProvider"]


class OpenAIProvider(OpenAICompatible):
    """OpenAI (``OPENAI_API_KEY``); current models take ``max_completion_tokens``."""

    id = "openai"
    max_tokens_parameter = "max_completion_tokens"
