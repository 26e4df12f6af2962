"""DeepSeek: an OpenAI-compatible API; its visible thinking arrives as ``reasoning_content``.

DeepSeek's thinking mode is on unless the request turns it off, and while it is on the
model ignores ``temperature`` without saying so. congdoan makes the mode explicit:
``ask(..., provider="deepseek", thinking=False)`` answers at once,
``thinking=True`` (or nothing) reasons first, and an option the mode would ignore is
refused with a message instead of being sent for nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..errors import InputError
from ..i18n import msg
from .base import Request
from .openai_compat import OpenAICompatible

__all__ = ["IGNORED_WHILE_THINKING", "DeepSeekProvider"]

#: Options DeepSeek's thinking mode silently ignores (its API documentation).
IGNORED_WHILE_THINKING = ("temperature",)


class DeepSeekProvider(OpenAICompatible):
    """DeepSeek (``DEEPSEEK_API_KEY``); ``Reply.reasoning`` shows how it reasoned."""

    id = "deepseek"
    reasoning_fields = ("reasoning_content",)
    supports_thinking = True

    def check_options(self, options: Mapping[str, Any]) -> None:
        super().check_options(options)
        if options.get("thinking", True) is False:
            return
        ignored = [name for name in IGNORED_WHILE_THINKING if options.get(name) is not None]
        if ignored:
            raise InputError(msg("models.thinking_option", names=", ".join(ignored)))

    def _payload(self, request: Request) -> dict[str, Any]:
        self.check_options(request.options)
        payload = super()._payload(request)
        thinking = request.options.get("thinking")
        if thinking is not None:
            payload["extra_body"] = {"thinking": {"type": "enabled" if thinking else "disabled"}}
        return payload
