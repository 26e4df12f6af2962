"""Providers by id: the offline practice model and five network vendors.

``get_provider(id)`` builds the provider for the current settings. Vendor modules
(and their SDKs) are imported only when that provider is used, so ``import congdoan``
stays fast and works without the SDKs installed.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module

from ..config import PROVIDER_IDS, Settings, load_settings, provider_label, resolve_provider_id
from ..i18n import msg
from .base import Chunk, Citation, Completion, Message, Provider, Request, Status, Usage

__all__ = [
    "PROVIDER_IDS",
    "Chunk",
    "Citation",
    "Completion",
    "Message",
    "Overview",
    "Provider",
    "ProviderState",
    "Request",
    "Status",
    "Usage",
    "get_provider",
    "overview",
]

_CLASSES = {
    "offline": ("offline", "OfflineProvider"),
    "openai": ("openai", "OpenAIProvider"),
    "gemini": ("gemini", "GeminiProvider"),
    "deepseek": ("deepseek", "DeepSeekProvider"),
    "copilot": ("copilot", "CopilotProvider"),
    "local": ("local", "LocalProvider"),
}


def get_provider(provider_id: str | None = None, settings: Settings | None = None) -> Provider:
    """The provider with this id (or the configured default) for the given settings."""
    settings = settings or load_settings()
    pid = settings.default_provider if provider_id is None else resolve_provider_id(provider_id)
    module_name, class_name = _CLASSES[pid]
    cls = getattr(import_module(f"{__name__}.{module_name}"), class_name)
    return cls(settings.provider(pid))


@dataclass(frozen=True)
class ProviderState:
    """One line of the overview: a provider, whether it can be used and with which model."""

    id: str
    label: str
    status: Status
    model: str
    key_variable: str | None

    def line(self) -> str:
        text = msg(
            "cli.doctor.row",
            id=self.id,
            label=self.label,
            status=msg(f"providers.status.{self.status.value}"),
            model=self.model,
        )
        if self.status is Status.NO_KEY and self.key_variable:
            text += " " + msg("cli.doctor.add_key", variable=self.key_variable)
        return text


class Overview(list):
    """Every provider's state; prints as the ``congdoan doctor`` lines, shows as a table."""

    def __str__(self) -> str:
        return "\n".join(state.line() for state in self)

    def _repr_html_(self) -> str:
        import html

        head = "".join(
            f"<th>{html.escape(msg(f'providers.column.{c}'))}</th>"
            for c in ("id", "label", "status", "model")
        )
        rows = []
        for state in self:
            status = msg(f"providers.status.{state.status.value}")
            if state.status is Status.NO_KEY and state.key_variable:
                status += " " + msg("cli.doctor.add_key", variable=state.key_variable)
            cells = (state.id, state.label, status, state.model)
            rows.append("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in cells) + "</tr>")
        return f"<table><tr>{head}</tr>{''.join(rows)}</table>"


def overview(*, probe: bool = False, settings: Settings | None = None) -> Overview:
    """The state of every provider (``probe=True`` also asks each configured server)."""
    settings = settings or load_settings()
    states = Overview()
    for pid in PROVIDER_IDS:
        provider = get_provider(pid, settings)
        states.append(
            ProviderState(
                id=pid,
                label=provider_label(pid),
                status=provider.status(probe=probe),
                model=provider.model,
                key_variable=provider.settings.key_variable,
            )
        )
    return states
