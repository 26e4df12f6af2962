"""DeepSeek: an OpenAI-compatible API; its visible thinking arrives as ``reasoning_content``."""

from __future__ import annotations

from .openai_compat import OpenAICompatible

__all__ = ["DeepSeekProvider"]


class DeepSeekProvider(OpenAICompatible):
    """DeepSeek (``DEEPSEEK_API_KEY``); ``Reply.reasoning`` shows how it reasoned."""

    id = "deepseek"
    reasoning_fields = ("reasoning_content",)
