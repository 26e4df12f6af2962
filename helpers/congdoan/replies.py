"""What crosses between the layers: the messages of a conversation and the reply to them.

:class:`Message`, :class:`Usage`, :class:`Citation` and :class:`Grounding` are what a
provider receives and returns; :class:`Reply` is what ``ask()`` hands a trainee. They
live on the ground floor, below ``providers``, the practice model and ``chat``, so the
checkers can accept a :class:`Reply` and the practice model can read messages without
loading either layer. ``congdoan.chat`` and ``congdoan.providers`` re-export them.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from typing import Literal

from .config import provider_label
from .i18n import LANGUAGES, msg
from .markup import markdown_html

__all__ = [
    "Citation",
    "Grounding",
    "Message",
    "Reply",
    "Role",
    "Usage",
    "draft_text",
    "format_vnd",
    "grounding_html",
    "reply_html",
    "search_suggestions_html",
    "without_tips",
]

Role = Literal["system", "user", "assistant"]


@dataclass(frozen=True)
class Message:
    """One turn of a conversation."""

    role: Role
    content: str

    def as_dict(self) -> dict[str, str]:
        return {"role": self.role, "content": self.content}


@dataclass(frozen=True)
class Citation:
    """A web source a grounded answer is based on (Gemini with Google Search)."""

    title: str
    url: str


@dataclass(frozen=True)
class Grounding:
    """What a search-grounded answer must show besides its sources.

    ``suggestions_html`` is Google's Search Suggestions block
    (``search_entry_point.rendered_content``): Google requires apps that show Search
    grounding results to display it as given.
    """

    suggestions_html: str = ""
    queries: tuple[str, ...] = ()


@dataclass(frozen=True)
class Usage:
    """Tokens in and out; ``estimated`` is true when the API did not report them."""

    input_tokens: int
    output_tokens: int
    estimated: bool = False

    @property
    def total_tokens(self) -> int:
        return self.input_tokens + self.output_tokens


@dataclass
class Reply:
    """An answer and where it came from; shows itself with a provider badge in notebooks.

    ``source`` is ``"live"`` for a fresh answer, ``"replay"`` when it came from the
    transcript while grading, ``"not_recorded"`` when grading found no recording and
    the practice model answered instead.
    """

    text: str
    provider: str
    model: str
    reasoning: str | None = None
    usage: Usage = field(default_factory=lambda: Usage(0, 0, estimated=True))
    cost_vnd: float = 0.0
    seconds: float = 0.0
    source: str = "live"
    finish_reason: str | None = None
    notices: list[str] = field(default_factory=list)
    citations: tuple[Citation, ...] = ()
    #: Google's Search Suggestions for a grounded Gemini answer (shown as Google requires).
    grounding: Grounding | None = None
    _shown_while_streaming: bool = field(default=False, repr=False, compare=False)

    @property
    def label(self) -> str:
        """The provider's name as a trainee reads it."""
        return provider_label(self.provider)

    @property
    def badge(self) -> str:
        """One line naming the provider and model, e.g. ``ChatGPT (OpenAI) · gpt-5-mini``."""
        return f"{self.label} · {self.model}"

    def __str__(self) -> str:
        return self.text

    def token_counts(self) -> dict[str, int | bool]:
        """Tokens in and out and whether they are estimated, as a transcript row stores them."""
        usage = self.usage
        return {
            "input_tokens": usage.input_tokens,
            "output_tokens": usage.output_tokens,
            "tokens_estimated": usage.estimated,
        }

    def summary_line(self) -> str:
        """Tokens, cost and time in one Vietnamese line."""
        key = "chat.footer_estimated" if self.usage.estimated else "chat.footer"
        return msg(
            key,
            tokens_in=self.usage.input_tokens,
            tokens_out=self.usage.output_tokens,
            cost=format_vnd(self.cost_vnd),
            seconds=f"{self.seconds:.1f}",
        ) + _cost_note(self.cost_vnd)

    def notes(self) -> list[str]:
        """What the trainee should know about this answer (practice model, replay, ...)."""
        notes = list(self.notices)
        if self.source == "replay":
            notes.append(msg("chat.replayed"))
        elif self.source == "not_recorded":
            notes.append(msg("chat.not_recorded"))
        if self.provider in ("offline", "copilot", "local"):
            notes.append(msg(f"providers.note.{self.provider}"))
        return notes

    def to_text(self) -> str:
        """The answer framed by its badge and notes, for terminals and logs."""
        lines = [f"[{self.badge}]", self.text]
        if self.reasoning:
            lines[1:1] = [msg("chat.reasoning_heading"), self.reasoning, "---"]
        if self.citations:
            lines.append(msg("chat.sources_heading"))
            lines += [f"- {c.title}: {c.url}" for c in self.citations]
        lines += [f"({note})" for note in self.notes()]
        lines.append(self.summary_line())
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        return reply_html(self)

    def _ipython_display_(self) -> None:
        from IPython.display import HTML, display

        if self._shown_while_streaming:  # the streamed display already shows it
            self._shown_while_streaming = False
            return
        display(HTML(self._repr_html_()))


def format_vnd(amount: float) -> str:
    """An amount in đồng for display: ``0``, ``< 1`` or ``1.234``."""
    if amount == 0:
        return "0"
    if amount < 1:
        return "< 1"
    return f"{round(amount):,}".replace(",", ".")


def reply_html(reply: Reply) -> str:
    """The reply as a notebook shows it: badge, reasoning, text, sources, notes, cost."""
    offline = reply.provider == "offline"
    colour = "#6b5b00" if offline else "#0b5394"
    background = "#fff8d6" if offline else "#e8f0fe"
    badge = html.escape(reply.badge)
    parts = [
        f'<div class="congdoan-reply" style="border:1px solid {colour};border-radius:6px;'
        'padding:8px 12px;margin:4px 0">',
        f'<div class="congdoan-badge" style="background:{background};color:{colour};'
        f'display:inline-block;padding:2px 8px;border-radius:4px;font-weight:bold">{badge}</div>',
    ]
    if reply.reasoning:
        heading = html.escape(msg("chat.reasoning_heading"))
        parts.append(
            f"<details><summary>{heading}</summary>"
            f"<div style='white-space:pre-wrap;color:#555'>{html.escape(reply.reasoning)}</div>"
            "</details>"
        )
    parts.append(  # Markdown rendered safely: raw HTML in a reply is escaped, never run
        f"<div class='congdoan-text' style='margin-top:6px'>{markdown_html(reply.text)}</div>"
    )
    parts.append(grounding_html(reply))
    for note in reply.notes():
        parts.append(f"<div style='color:#8a6d00;margin-top:4px'>ⓘ {html.escape(note)}</div>")
    parts.append(
        f"<div style='color:#666;font-size:90%;margin-top:4px'>"
        f"{html.escape(reply.summary_line())}</div></div>"
    )
    return "".join(parts)


def grounding_html(reply: Reply) -> str:
    """A grounded answer's sources and, for Gemini, Google's Search Suggestions.

    Every display of a reply (the notebook output, the ChatBox) uses this, so grounded
    results never appear without the suggestions Google requires beside them.
    """
    parts = []
    if reply.citations:
        items = "".join(
            f"<li><a href='{html.escape(c.url, quote=True)}' target='_blank' rel='noopener'>"
            f"{html.escape(c.title)}</a></li>"
            for c in reply.citations
        )
        heading = html.escape(msg("chat.sources_heading"))
        parts.append(f"<div style='margin-top:6px'><b>{heading}</b><ol>{items}</ol></div>")
    if reply.grounding is not None and reply.grounding.suggestions_html:
        parts.append(search_suggestions_html(reply.grounding))
    return "".join(parts)


def search_suggestions_html(grounding: Grounding) -> str:
    """Google's Search Suggestions block, as Google sent it (its own HTML and styles).

    Google's terms for Search grounding require showing ``rendered_content`` unchanged
    wherever grounded results are shown; it is Google's markup, not the trainee's, so
    it is inserted as is, in its own labelled box.
    """
    label = html.escape(msg("models.search_suggestions"))
    return (
        f"<div class='congdoan-search-suggestions' aria-label='{label}' style='margin-top:6px'>"
        f"{grounding.suggestions_html}</div>"
    )


def _cost_note(cost: float) -> str:
    """`` (ước tính theo bảng giá ngày ...)`` when the cost knows its price table."""
    note = getattr(cost, "note", None)
    return f" ({note})" if cost and note else ""


def without_tips(text: str) -> str:
    """The draft part of a practice-model answer: everything before the tips section.

    Trainees paste whole answers into the checkers; the tips are advice to them, not
    part of the notice or post being checked. Text without the heading is returned as is.
    """
    for lang in LANGUAGES:
        heading = "\n\n" + msg("practice.tips.heading", lang=lang) + "\n"
        at = text.find(heading)
        if at >= 0:
            return text[:at]
    return text


def draft_text(value: object) -> object:
    """What a checker reads from ``value``: a reply's or a string's draft, without tips.

    Any other value comes back unchanged, for the caller to accept or reject.
    """
    if isinstance(value, Reply):
        value = value.text
    return without_tips(value) if isinstance(value, str) else value
