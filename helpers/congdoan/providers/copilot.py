"""Copilot's model family: Microsoft-hosted models via GitHub Models or Azure OpenAI.

This is *not* Microsoft 365 Copilot (which has no public API for ordinary accounts):
it is the family of models behind Copilot, reached through GitHub Models
(``GITHUB_TOKEN`` with ``models:read``, the default) or an Azure OpenAI resource
(``AZURE_OPENAI_API_KEY`` and ``AZURE_OPENAI_ENDPOINT``, v1 API). Every reply says so.
"""

from __future__ import annotations

from .openai_compat import OpenAICompatible

__all__ = ["CopilotProvider"]


class CopilotProvider(OpenAICompatible):
    """GitHub Models or Azure OpenAI through the ``openai`` SDK."""

    id = "copilot"
    max_tokens_parameter = "max_completion_tokens"
