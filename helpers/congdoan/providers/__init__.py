"""Providers by id: the offline practice model and five network vendors.

``get_provider(id)`` builds the provider for the current settings. Vendor modules
(and their SDKs) are imported only when that provider is used, so ``import congdoan``
stays fast and works without the SDKs installed. Which model a provider calls today is
decided in ``models.py``; ``overview(detailed=True)`` is what ``congdoan doctor`` prints.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module

from ..config import (
    PRICES_AS_OF,
    PROVIDER_IDS,
    Settings,
    load_settings,
    provider_label,
    resolve_provider_id,
    vn_date,
)
from ..i18n import msg
from ..replies import format_vnd
from .base import (
    Chunk,
    Citation,
    Completion,
    Grounding,
    Message,
    Probe,
    Provider,
    Request,
    Status,
    Usage,
)

__all__ = [
    "PROVIDER_IDS",
    "Chunk",
    "Citation",
    "Completion",
    "Grounding",
    "Message",
    "Overview",
    "Probe",
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
    provider_settings = settings.provider(pid)
    if hasattr(cls, "variant"):  # one id, two wire formats (Copilot: GitHub or Azure)
        cls = cls.variant(provider_settings)
    return cls(provider_settings)


@dataclass(frozen=True)
class ProviderState:
    """One line of the overview: a provider, whether it can be used and with which model."""

    id: str
    label: str
    status: Status
    model: str
    key_variable: str | None
    #: The configured model, when resolution chose another one (or it was retired).
    configured: str | None = None
    #: Cost of the one-token test request (``congdoan doctor``), in đồng.
    cost_vnd: float | None = None

    def line(self) -> str:
        text = msg(
            "cli.doctor.row",
            id=self.id,
            label=self.label,
            status=msg(f"providers.status.{self.status.value}"),
            model=self.model,
        )
        return " ".join([text, *self.remarks()])

    def remarks(self) -> list[str]:
        """What to do or know beside the status: add a key, the replaced model, the cost."""
        found = []
        if self.status is Status.NO_KEY and self.key_variable:
            found.append(msg("cli.doctor.add_key", variable=self.key_variable))
        if self.status is Status.REPLACED and self.configured:
            found.append(msg("providers.doctor.replaced", configured=self.configured))
        if self.status is Status.RETIRED and self.configured:
            found.append(
                msg(
                    "providers.doctor.retired",
                    configured=self.configured,
                    model=self.model,
                    setting=f"CONGDOAN_{self.id.upper()}_MODEL",
                )
            )
        if self.status is Status.MODEL_MISSING:
            found.append(msg("providers.doctor.model_missing", id=self.id.upper()))
        if self.cost_vnd is not None:
            found.append(msg("providers.doctor.cost", cost=format_vnd(self.cost_vnd)))
        return found


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
            status = " ".join([msg(f"providers.status.{state.status.value}"), *state.remarks()])
            cells = (state.id, state.label, status, state.model)
            rows.append("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in cells) + "</tr>")
        note = html.escape(msg("models.prices_as_of", date=vn_date(PRICES_AS_OF)))
        return f"<table><tr>{head}</tr>{''.join(rows)}</table><p>{note}</p>"


def overview(
    *, probe: bool = False, settings: Settings | None = None, detailed: bool = False
) -> Overview:
    """The state of every provider.

    ``probe=True`` asks each configured server a one-token question. ``detailed=True``
    (``congdoan doctor``) also tells a replaced, retired or missing model apart and
    shows the test request's cost; without it the states are the four a widget needs.
    """
    settings = settings or load_settings()
    states = Overview()
    for pid in PROVIDER_IDS:
        provider = get_provider(pid, settings)
        common = {
            "id": pid,
            "label": provider_label(pid),
            "key_variable": provider.settings.key_variable,
        }
        if not detailed:
            states.append(
                ProviderState(status=provider.status(probe=probe), model=provider.model, **common)
            )
            continue
        found = provider.check(probe=probe or (not provider.is_cloud and provider.uses_network))
        configured = found.configured if found.configured != found.model else None
        states.append(
            ProviderState(
                status=found.status,
                model=found.model,
                configured=configured,
                cost_vnd=found.cost_vnd,
                **common,
            )
        )
    return states
