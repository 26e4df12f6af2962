"""``ChatBox``: a chat panel for lessons, like the chat window of the web apps.

>>> box = ChatBox()                     # the configured provider, else the practice model
>>> box.prompt.value = "Soạn thông báo họp Ban Chấp hành"
>>> box.send.click()                    # same as pressing "Gửi"
>>> box.last_reply.provider
'offline'

Design of the provider list: every provider of :func:`congdoan.overview` is offered,
labelled with its status when it cannot be used ("ChatGPT (OpenAI) — chưa có khóa").
Choosing one shows what to do; pressing Send checks the status again (a key added to
``.env`` meanwhile counts) and refuses with that message while it is still not ready.
Changing the provider keeps the conversation: the next turn goes to the new provider
with the earlier turns as context. "Cuộc trò chuyện mới" forgets them.
"""

from __future__ import annotations

import html
import itertools

import ipywidgets as widgets

from ..chat import Chat, Reply
from ..config import load_settings, resolve_provider_id
from ..errors import CongdoanError
from ..i18n import msg
from ..markup import markdown_html
from ..privacy import find, summary
from ..providers import Message, ProviderState, Status, get_provider, overview
from ..replies import grounding_html
from ._common import (
    ERROR,
    INFO,
    WARN,
    badge_html,
    block,
    button,
    fresh_state,
    guarded,
    not_ready_message,
    panel_style,
    provider_option,
)

__all__ = ["ChatBox"]

_copies = itertools.count(1)
# Runs in the browser when the copy status is shown: copy data-text, report in the span.
_COPY_JS = (
    "var s=this.previousElementSibling,t=this.dataset.text;"
    "function ok(){s.textContent=s.dataset.ok;}"
    "function old(){var a=document.createElement('textarea');a.value=t;"
    "document.body.appendChild(a);a.select();var r=false;"
    "try{r=document.execCommand('copy');}catch(e){}a.remove();"
    "s.textContent=r?s.dataset.ok:s.dataset.fail;}"
    "if(navigator.clipboard&&window.isSecureContext)"
    "{navigator.clipboard.writeText(t).then(ok,old);}else{old();}"
    "this.remove();"
)


class ChatBox(widgets.VBox):
    """A prompt box, a provider choice, a Send button and the answer as it is written.

    **Parameters:**
    * **provider** – *(optional)* the provider to start with; default ``CONGDOAN_PROVIDER``,
      else the practice model.
    * **system** – *(optional)* an instruction for the whole conversation.
    * **placeholder** – *(optional)* the grey hint in the empty prompt box.

    Attributes: ``prompt``, ``provider``, ``send``, ``new``, ``copy`` (widgets);
    ``badge``, ``privacy``, ``message``, ``conversation``, ``answer``, ``footer`` (HTML);
    ``chat`` (the :class:`congdoan.Chat`), ``last_reply`` and ``last_text``.
    """

    def __init__(
        self,
        provider: str | None = None,
        system: str | None = None,
        *,
        placeholder: str | None = None,
    ) -> None:
        super().__init__(layout=widgets.Layout(width="100%"))
        self.add_class("congdoan-chatbox")  # for CSS and browser tests
        self.states: dict[str, ProviderState] = {s.id: s for s in overview()}
        self.message = widgets.HTML()
        chosen, problem = self._initial_provider(provider)
        self.chat = Chat(chosen, system)
        self.last_reply: Reply | None = None
        self.last_text = ""
        self._partial = ""
        self._build(chosen, placeholder)
        self._on_provider({"new": chosen})
        if problem:
            self._say(problem)

    # -- layout ----------------------------------------------------------------------
    def _build(self, chosen: str, placeholder: str | None) -> None:
        self.provider = widgets.Dropdown(
            options=[provider_option(s) for s in self.states.values()],
            value=chosen,
            description=msg("widgets.provider.description"),
            tooltip=msg("widgets.provider.tooltip"),
            style={"description_width": "initial"},
            layout=widgets.Layout(width="auto", max_width="100%"),
        )
        self.badge = widgets.HTML()
        self.prompt = widgets.Textarea(
            placeholder=placeholder or msg("widgets.chatbox.placeholder"),
            tooltip=msg("widgets.chatbox.prompt_tooltip"),
            rows=4,
            layout=widgets.Layout(width="100%"),
        )
        self.privacy = widgets.HTML()
        self.send = button("chatbox.send", icon="paper-plane", style="primary")
        self.new = button("chatbox.new", icon="refresh")
        self.conversation = widgets.HTML()
        self.answer = widgets.HTML(layout=widgets.Layout(width="100%"))
        self.copy = button("chatbox.copy", icon="copy")
        self.copy.disabled = True
        self._clipboard = widgets.HTML()
        self.footer = widgets.HTML()
        self.output = widgets.Output()
        self.provider.observe(guarded(self.output, self._on_provider), "value")
        self.prompt.observe(guarded(self.output, self._on_prompt), "value")
        self.send.on_click(guarded(self.output, self._on_send))
        self.new.on_click(guarded(self.output, self._on_new))
        self.copy.on_click(guarded(self.output, self._on_copy))
        self.children = [
            panel_style(self),
            widgets.HBox([self.provider, self.badge], layout=widgets.Layout(flex_flow="row wrap")),
            self.prompt,
            self.privacy,
            widgets.HBox([self.send, self.new]),
            self.message,
            self.conversation,
            self.answer,
            widgets.HBox([self.copy, self._clipboard]),
            self.footer,
            self.output,
        ]

    @staticmethod
    def _initial_provider(provider: str | None) -> tuple[str, str]:
        """The provider to start with, and the error to show when the name is unknown."""
        try:
            if provider is None:
                return load_settings().default_provider, ""
            return resolve_provider_id(provider), ""
        except CongdoanError as exc:
            return "offline", str(exc)

    # -- events ----------------------------------------------------------------------
    def _on_provider(self, change) -> None:
        pid = change["new"]
        self.chat.provider = pid
        state = self.states[pid]
        self.badge.value = badge_html(pid, state.label, state.model)
        self._say(not_ready_message(state), WARN)
        self._on_prompt({"new": self.prompt.value})

    def _on_prompt(self, change) -> None:
        """The personal-data warning, live, whenever the text would leave the machine."""
        text = change["new"]
        cloud = get_provider(self.provider.value).is_cloud
        findings = find(text) if cloud and text.strip() else []
        self.privacy.value = block(summary(findings), WARN) if findings else ""

    def _on_send(self, _button=None) -> None:
        text = self.prompt.value
        if not text.strip():
            self._say(msg("widgets.chatbox.empty_prompt"), ERROR)
            return
        state = fresh_state(self.states[self.provider.value])
        if state.status is not Status.READY:
            self._say(not_ready_message(state), ERROR)
            return
        self._start(text, state.label)
        try:
            reply = self.chat.ask(text, stream=True, on_chunk=self._grow)
        except CongdoanError as exc:
            self._say(str(exc), ERROR)
            self.answer.value = self._answer_html(self._partial) if self._partial else ""
            return
        finally:
            self.send.disabled = False
        self.prompt.value = ""  # before _show: clearing it clears the live warning
        self._show(reply)

    def _on_new(self, _button=None) -> None:
        self.chat.reset()
        self.last_reply, self.last_text = None, ""
        for area in (self.conversation, self.answer, self.footer, self._clipboard):
            area.value = ""
        self.copy.disabled = True
        self._on_provider({"new": self.provider.value})

    def _on_copy(self, _button=None) -> None:
        """Copy ``last_text`` in the browser: a one-shot script in the status HTML."""
        ok, fail = msg("widgets.chatbox.copied"), msg("widgets.chatbox.copy_failed")
        self._clipboard.value = (
            f'<span data-ok="{html.escape(ok)}" data-fail="{html.escape(fail)}" '
            f'style="color:{INFO}">{html.escape(msg("widgets.chatbox.copying"))}</span>'
            f'<img alt="" src="data:," data-copy="{next(_copies)}" style="display:none" '
            f'data-text="{html.escape(self.last_text)}" onerror="{html.escape(_COPY_JS)}">'
        )

    # -- steps of one turn -----------------------------------------------------------
    def _start(self, text: str, label: str) -> None:
        self.send.disabled = True
        self._partial = ""
        self._say("")
        self.footer.value = ""
        turns = [m for m in self.chat.history if m.role != "system"]
        self.conversation.value = self._conversation_html([*turns, Message("user", text)])
        waiting = msg("widgets.chatbox.waiting", label=label)
        self.answer.value = block(waiting, INFO)

    def _grow(self, piece: str) -> None:
        self._partial += piece
        self.answer.value = self._answer_html(self._partial + "▌")

    def _show(self, reply: Reply) -> None:
        self.last_reply, self.last_text = reply, reply.text
        self.answer.value = self._answer_html(reply.text, reply.reasoning) + grounding_html(reply)
        notes = [note for note in reply.notes() if note not in reply.notices]
        self.badge.value = badge_html(reply.provider, reply.label, reply.model, notes)
        self.footer.value = block(reply.summary_line(), INFO)
        self.privacy.value = block("\n".join(reply.notices), WARN)
        self.copy.disabled = False
        self._clipboard.value = ""

    def _say(self, text: str, colour: str = ERROR) -> None:
        self.message.value = block(text, colour, css_class="congdoan-message")

    # -- rendering -------------------------------------------------------------------
    @staticmethod
    def _answer_html(text: str, reasoning: str | None = None) -> str:
        parts = ['<div class="congdoan-answer" style="border-left:3px solid #0b5394;'
                 'padding:4px 10px;margin:4px 0">']  # fmt: skip
        if reasoning:
            heading = html.escape(msg("chat.reasoning_heading"))
            parts.append(f"<details><summary>{heading}</summary>{block(reasoning, INFO)}</details>")
        parts.append(f'<div class="congdoan-text">{markdown_html(text)}</div>')
        return "".join(parts) + "</div>"

    @staticmethod
    def _conversation_html(turns: list[Message]) -> str:
        rows = [
            f"<div style='margin-top:4px'><b>{html.escape(msg(f'chat.role.{m.role}'))}:</b></div>"
            + block(m.content)
            for m in turns
        ]
        if not rows:
            return ""
        heading = html.escape(msg("widgets.chatbox.earlier"))
        return (
            f"<details open><summary>{heading}</summary>"
            f"<div style='max-height:24em;overflow:auto'>{''.join(rows)}</div></details>"
        )

    # Widget.send/focus/blur: ``send`` is the button here, so focusing means the prompt.
    def focus(self) -> None:
        """Put the cursor in the prompt box."""
        self.prompt.focus()

    def blur(self) -> None:
        self.prompt.blur()
