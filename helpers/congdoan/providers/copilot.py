"""Copilot's model family: Microsoft-hosted models via GitHub Models or Azure OpenAI.

This is *not* Microsoft 365 Copilot (which has no public API for ordinary accounts):
it is the family of models behind Copilot, reached through GitHub Models
(``GITHUB_TOKEN`` with ``models:read``, the default, Chat Completions) or an Azure
OpenAI resource (``AZURE_OPENAI_API_KEY`` and ``AZURE_OPENAI_ENDPOINT``, the v1 API,
through the Responses API like ChatGPT). Every reply says so.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .errors import from_openai
from .models import ListedModel
from .openai_compat import OpenAICompatible, _listed
from .responses import ResponsesAPI

if TYPE_CHECKING:
    from ..config import ProviderSettings

__all__ = ["AzureCopilotProvider", "CopilotProvider"]


class CopilotProvider(OpenAICompatible):
    """GitHub Models (Chat Completions) through the ``openai`` SDK."""

    id = "copilot"
    max_tokens_parameter = "max_completion_tokens"

    @classmethod
    def variant(cls, settings: ProviderSettings) -> type[OpenAICompatible]:
        """Azure OpenAI speaks the Responses API; GitHub Models stays on Chat Completions."""
        return AzureCopilotProvider if settings.extra.get("backend") == "azure" else cls

    def list_models(self) -> list[ListedModel] | None:
        """GitHub Models lists its catalogue at ``/catalog/models``, beside ``/inference``."""
        base = (self.settings.base_url or "").rstrip("/")
        if not base.endswith("/inference"):
            return super().list_models()  # a gateway or test server with ``/models``
        url = base.removesuffix("/inference") + "/catalog/models"
        try:
            rows = self._client(timeout=10.0, max_retries=0).get(url, cast_to=object)
        except Exception as exc:
            raise from_openai(self.settings, exc) from None
        return [_catalogue_row(row) for row in _rows(rows) if row.get("id")]


class AzureCopilotProvider(ResponsesAPI):
    """Azure OpenAI (v1 API): the deployment name is the model; no model list to resolve."""

    id = "copilot"

    def list_models(self) -> list[ListedModel] | None:
        return None  # Azure lists base models, not the trainer's deployment names


def _rows(payload: Any) -> list[dict]:
    if isinstance(payload, dict):
        payload = payload.get("data") or payload.get("models") or []
    return [row for row in payload if isinstance(row, dict)] if isinstance(payload, list) else []


def _catalogue_row(row: dict) -> ListedModel:
    class _Item:  # the shape ``_listed`` reads
        id = row["id"]
        created = row.get("created")
        shutdown_date = row.get("shutdown_date")
        model_extra = row

    return _listed(_Item())
