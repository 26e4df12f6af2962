"""A model on this computer: any OpenAI-compatible local server (Ollama, llama.cpp).

Prompts never leave the machine, so the personal-data guard does not run. Thinking
models report their reasoning in ``reasoning_content`` (llama.cpp with
``--reasoning-format deepseek``), ``reasoning`` (Ollama) or a ``<think>`` block.
"""

from __future__ import annotations

from .base import Status
from .openai_compat import OpenAICompatible

__all__ = ["LocalProvider"]


class LocalProvider(OpenAICompatible):
    """Ollama at ``http://localhost:11434/v1`` by default; no key needed."""

    id = "local"
    is_cloud = False
    needs_key = False
    reasoning_fields = ("reasoning_content", "reasoning")
    think_tags = True

    def status(self, *, probe: bool = False) -> Status:
        """A local server costs nothing to ask, so its status is always probed."""
        return super().status(probe=True)
