"""ChatGPT: OpenAI's models through the ``openai`` SDK's Responses API.

Reasoning summaries arrive as ``Reply.reasoning`` and ``ask(..., search=True)`` uses
the web search tool, whose sources become ``Reply.citations`` (see ``responses.py``).
"""

from __future__ import annotations

import base64
import binascii

from .errors import cut_off, from_openai
from .responses import ResponsesAPI

__all__ = ["IMAGE_SIZES", "OpenAIProvider", "image_size"]


class OpenAIProvider(ResponsesAPI):
    """OpenAI (``OPENAI_API_KEY``)."""

    id = "openai"
    supports_search = True
    max_tokens_parameter = "max_completion_tokens"  # for the Chat Completions ping only
    supports_images = True

    def draw_image(self, prompt: str, model: str, width: int, height: int) -> bytes:
        """``images.generate``: gpt-image models answer with base64 PNG (``b64_json``)."""
        client = self._client()
        size = image_size(width, height)
        try:
            response = client.images.generate(model=model, prompt=prompt, size=size, n=1)
        except Exception as exc:  # translated at the providers' boundary
            raise from_openai(self.settings, exc) from None
        items = getattr(response, "data", None) or []
        data = getattr(items[0], "b64_json", None) if items else None
        if not data:
            raise cut_off(self.settings, "no b64_json image in the response")
        try:
            return base64.b64decode(data, validate=True)
        except (binascii.Error, ValueError):
            raise cut_off(self.settings, "the image data is not base64") from None


#: Sizes gpt-image models accept, by orientation.
IMAGE_SIZES = {"square": "1024x1024", "portrait": "1024x1536", "landscape": "1536x1024"}


def image_size(width: int, height: int) -> str:
    """The accepted size closest in orientation to ``width`` x ``height``."""
    ratio = width / height
    if ratio > 1.15:
        return IMAGE_SIZES["landscape"]
    if ratio < 0.87:
        return IMAGE_SIZES["portrait"]
    return IMAGE_SIZES["square"]
