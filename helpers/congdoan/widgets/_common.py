"""Pieces the widgets share: provider choices, badges and small HTML blocks.

Nothing here decides anything the library does not already know: provider states come
from :func:`congdoan.overview`, labels and sentences from the message catalogue.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

import ipywidgets as widgets

from ..i18n import msg
from ..providers import ProviderState, Status, get_provider

__all__ = [
    "ERROR",
    "INFO",
    "WARN",
    "badge_html",
    "block",
    "button",
    "fresh_state",
    "guarded",
    "not_ready_message",
    "panel_style",
    "provider_option",
]

ERROR = "#b3261e"
WARN = "#8a6d00"
INFO = "#555"
_BADGE = {
    True: ("#6b5b00", "#fff8d6"),  # offline: the practice model, in yellow
    False: ("#0b5394", "#e8f0fe"),
}


#: Browser defaults are made for forms, not prose: a monospace font in text boxes and one
#: 28 px form row per line of HTML. Every panel carries this rule for its own class.
_PANEL_CSS = """<style>
.congdoan-panel textarea, .congdoan-panel input[type="text"] {
  font-family: var(--jp-content-font-family); font-size: var(--jp-content-font-size1);
  line-height: 1.45; }
.congdoan-panel .widget-html > .widget-html-content { line-height: 1.45; }
.congdoan-panel table.congdoan-compare { border-collapse: collapse; }
.congdoan-panel table.congdoan-compare th, .congdoan-panel table.congdoan-compare td {
  padding: 2px 8px; vertical-align: top; text-align: left; }
</style>"""


def panel_style(panel: widgets.Box) -> widgets.HTML:
    """Mark ``panel`` as a congdoan panel and return the (invisible) style it needs."""
    panel.add_class("congdoan-panel")
    return widgets.HTML(_PANEL_CSS, layout=widgets.Layout(display="none"))


def guarded(output: widgets.Output, handler: Callable[..., None]) -> Callable[..., None]:
    """Run a click or change handler inside ``output``.

    ipywidgets sends a handler's exception to the kernel log, where nobody sees it; inside
    an ``Output`` a real bug shows its traceback in the panel (congdoan errors are caught
    earlier and shown as a sentence). Without a kernel the exception propagates.
    """

    def run(*args: Any) -> None:
        with output:
            handler(*args)

    return run


def provider_option(state: ProviderState) -> tuple[str, str]:
    """A dropdown or checkbox entry: the label, plus the reason when it cannot be used."""
    if state.status is Status.READY:
        return state.label, state.id
    status = msg(f"providers.status.{state.status.value}")
    return msg("widgets.provider.option", label=state.label, status=status), state.id


def fresh_state(state: ProviderState) -> ProviderState:
    """The same provider's state now (a key may have been added to ``.env`` since)."""
    provider = get_provider(state.id)
    return ProviderState(
        id=state.id,
        label=state.label,
        status=provider.status(),
        model=provider.model,
        key_variable=provider.settings.key_variable,
    )


def not_ready_message(state: ProviderState) -> str:
    """What to do before this provider can answer (empty when it is ready)."""
    if state.status is Status.READY:
        return ""
    return msg(
        f"widgets.provider.not_ready.{state.status.value}",
        label=state.label,
        variable=state.key_variable or "",
        practice=msg("providers.label.offline"),
    )


def badge_html(provider: str, label: str, model: str, notes: list[str] | None = None) -> str:
    """The badge naming who answers; the practice model says it is one."""
    offline = provider == "offline"
    colour, background = _BADGE[offline]
    if offline:
        text = msg("widgets.provider.badge_offline", model=model)
    else:
        text = msg("widgets.provider.badge", label=label, model=model)
    parts = [
        f'<span class="congdoan-badge" style="background:{background};color:{colour};'
        f'padding:2px 8px;border-radius:4px;font-weight:bold">{html.escape(text)}</span>'
    ]
    for note in notes or ():
        parts.append(
            f"<div style='color:{WARN};font-size:90%;line-height:1.45;margin-top:2px'>"
            f"{html.escape(note)}</div>"
        )
    return "".join(parts)


def block(text: str, colour: str | None = None, *, css_class: str = "") -> str:
    """Escaped text that keeps its line breaks; empty text gives an empty string."""
    if not text:
        return ""
    # ipywidgets gives HTML one form-row of line height (28 px); text needs its own
    style = "white-space:pre-wrap;line-height:1.45" + (f";color:{colour}" if colour else "")
    klass = f' class="{css_class}"' if css_class else ""
    return f"<div{klass} style='{style}'>{html.escape(text)}</div>"


def button(key: str, *, icon: str = "", style: str = "") -> widgets.Button:
    """A button whose label and tooltip come from ``widgets.<key>`` and ``<key>_tooltip``."""
    return widgets.Button(
        description=msg(f"widgets.{key}"),
        tooltip=msg(f"widgets.{key}_tooltip"),
        icon=icon,
        button_style=style,
        layout=widgets.Layout(width="auto"),
    )
