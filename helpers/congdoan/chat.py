"""Ask a provider, hold a conversation, compare providers: the API lessons use.

>>> reply = ask("Soạn thông báo họp Ban Chấp hành công đoàn cơ sở")
>>> reply.provider
'offline'

Every call goes through the same steps: check the prompt, resolve the provider from
the argument or the configuration, run the personal-data guard before a cloud
provider, answer from the transcript while grading (see ``congdoan.record``) or call
the provider, then wrap the answer in a :class:`Reply` that says who wrote it, how
many tokens it used and what it cost.
"""

from __future__ import annotations

import html
import math
import sys
import time
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any

from . import record
from .config import Settings, load_settings, provider_label, resolve_provider_id
from .errors import CongdoanError, InputError
from .i18n import msg
from .providers import Completion, Provider, Request, get_provider
from .replies import Citation, Grounding, Message, Reply, Usage, reply_html

if TYPE_CHECKING:
    import pandas

__all__ = ["Chat", "Reply", "ask", "compare", "estimate_tokens"]


#: Generation options ``ask`` accepts, with the check each value must pass.
_OPTIONS: Mapping[str, tuple[Callable[[Any], bool], str]] = {
    "temperature": (
        lambda v: isinstance(v, int | float) and not isinstance(v, bool) and 0 <= v <= 2,
        "errors.input.expect_temperature",
    ),
    "max_tokens": (
        lambda v: isinstance(v, int) and not isinstance(v, bool) and v > 0,
        "errors.input.expect_max_tokens",
    ),
    "top_p": (
        lambda v: isinstance(v, int | float) and not isinstance(v, bool) and 0 < v <= 1,
        "errors.input.expect_top_p",
    ),
    "seed": (
        lambda v: isinstance(v, int) and not isinstance(v, bool),
        "errors.input.expect_seed",
    ),
    "stop": (
        lambda v: (
            isinstance(v, str) or (isinstance(v, list) and all(isinstance(x, str) for x in v))
        ),
        "errors.input.expect_stop",
    ),
    # Google Search grounding: Gemini answers from web results and lists its sources
    "search": (lambda v: isinstance(v, bool), "errors.input.expect_search"),
    # DeepSeek's thinking mode, on (True) or off (False); see providers/deepseek.py
    "thinking": (lambda v: isinstance(v, bool), "models.expect_thinking"),
}


class Chat:
    """A conversation that keeps its history, so follow-up questions have context.

    >>> chat = Chat(system="Bạn là cán bộ văn phòng công đoàn.")
    >>> first = chat.ask("Soạn thông báo họp Ban Chấp hành")
    >>> second = chat.ask("Viết ngắn lại")
    >>> len(chat.history)
    5
    """

    def __init__(
        self, provider: str | None = None, system: str | None = None, *, model: str | None = None
    ) -> None:
        self.provider = None if provider is None else resolve_provider_id(provider)
        self.model = model
        self.history: list[Message] = []
        if system is not None:
            self.history.append(Message("system", check_prompt(system, load_settings())))
        self.replies: list[Reply] = []

    def ask(self, prompt: str, *, stream: bool = False, on_chunk=None, **options: Any) -> Reply:
        """Send ``prompt`` with the whole conversation so far; the reply joins the history."""
        settings = load_settings()
        question = Message("user", check_prompt(prompt, settings))
        messages = (*self.history, question)
        reply = _answer(
            messages,
            self.provider,
            self.model,
            options,
            settings,
            stream=stream,
            on_chunk=on_chunk,
        )
        self.history += [question, Message("assistant", reply.text)]
        self.replies.append(reply)
        return reply

    def reset(self) -> None:
        """Forget the conversation but keep the system instruction."""
        self.history = [m for m in self.history if m.role == "system"]
        self.replies = []

    def _repr_html_(self) -> str:
        parts = []
        for message in self.history:
            who = html.escape(msg(f"chat.role.{message.role}"))
            body = html.escape(message.content)
            parts.append(f"<p><b>{who}:</b></p><div style='white-space:pre-wrap'>{body}</div>")
        return "<div>" + "".join(parts) + "</div>"


def ask(
    prompt: str,
    provider: str | None = None,
    system: str | None = None,
    *,
    model: str | None = None,
    stream: bool = False,
    on_chunk: Callable[[str], None] | None = None,
    **options: Any,
) -> Reply:
    """Ask one question and get a :class:`Reply`.

    >>> ask("Viết bài đăng Fanpage về Tháng Công nhân 2026").provider
    'offline'

    **Parameters:**
    * **prompt** – the question or instruction, in Vietnamese or any language.
    * **provider** – ``"offline"``, ``"openai"``, ``"gemini"``, ``"deepseek"``,
      ``"copilot"`` or ``"local"``; default ``CONGDOAN_PROVIDER``, else ``"offline"``.
    * **system** – *(optional)* an instruction for the whole answer (role, tone).
    * **model** – *(optional)* a model name; default from the configuration.
    * **stream** – show the answer piece by piece while it is written.
    * **options** – ``temperature``, ``max_tokens``, ``top_p``, ``seed``, ``stop``;
      ``search=True`` (Gemini, ChatGPT: answer from a web search, with sources);
      ``thinking=True/False`` (DeepSeek: reason first, or answer at once).
    """
    chat = Chat(provider, system, model=model)
    return chat.ask(prompt, stream=stream, on_chunk=on_chunk, **options)


def compare(
    prompt: str,
    providers: Iterable[str] | None = None,
    system: str | None = None,
    **options: Any,
) -> pandas.DataFrame:
    """Ask the same question of several providers; one row a provider.

    Columns: ``provider``, ``model``, ``text``, ``seconds``, ``input_tokens``,
    ``output_tokens``, ``tokens_estimated``, ``cost_vnd``, ``error``. A provider that
    fails (no key, no network) gets its Vietnamese error in ``error`` instead of
    stopping the comparison. Default providers: the practice model and every provider
    that has a key. On screen the headings are Vietnamese (:mod:`congdoan.comparison`).
    """
    import pandas

    settings = load_settings()
    check_prompt(prompt, settings)
    from .comparison import ComparisonTable

    rows = [_compare_row(pid, prompt, system, options) for pid in _providers_to_compare(providers)]
    return ComparisonTable(pandas.DataFrame(rows))  # Vietnamese headings on screen


def estimate_tokens(text: str) -> int:
    """A rough token count for Vietnamese text when the API reports none.

    Current tokenizers spend about one token per 3.5 characters of Vietnamese; the
    figure is only an estimate and every reply built on it says so.
    """
    return max(1, math.ceil(len(text) / 3.5)) if text else 0


# -- the steps of one call -------------------------------------------------------------
def _answer(
    messages: tuple[Message, ...],
    provider_id: str | None,
    model: str | None,
    options: Mapping[str, Any],
    settings: Settings,
    *,
    stream: bool,
    on_chunk: Callable[[str], None] | None,
) -> Reply:
    options = _check_options(options)
    provider = get_provider(provider_id, settings)
    provider.check_options(options)  # search, thinking and what the vendor would ignore
    request = Request(messages=messages, model=model or provider.model, options=options)
    key = record.conversation_key(messages, options)
    transcript = record.Transcript(settings.transcript_path)
    if settings.replay and (provider.uses_network or provider_id is None):
        replayed = _replay(transcript, key, request, provider, any_provider=provider_id is None)
        if replayed is not None:
            return replayed
    choice = provider.choose_model(model)  # the vendor's current model (providers/models.py)
    request = Request(messages=request.messages, model=choice.model, options=request.options)
    notices: list[str] = [choice.notice] if choice.notice else []
    if provider.is_cloud:
        request, privacy_notices = guard_privacy(request, provider, settings)
        notices += privacy_notices
    started = time.perf_counter()
    sink = (on_chunk or _default_sink()) if stream else None
    if sink is not None and provider.streams:
        completion = _stream(provider, request, sink)
    else:
        completion = provider.complete(request)
    reply = _reply(completion, provider, request, time.perf_counter() - started, notices)
    if isinstance(sink, _NotebookStream):
        sink.finish(reply)
        reply._shown_while_streaming = True
    if settings.record and not settings.replay:
        transcript.append(_recording(reply, key), messages, options)
    return reply


def _replay(
    transcript: record.Transcript,
    key: str,
    request: Request,
    provider: Provider,
    *,
    any_provider: bool,
) -> Reply | None:
    """The recorded reply; for a network provider with none, the practice model's, marked so.

    ``None`` means the default provider is the offline model and nothing was recorded:
    it answers again, exactly as it did while the trainee worked.
    """
    found = transcript.find(key, provider.settings.id, request.model, any_provider=any_provider)
    if found is None:
        if not provider.uses_network:
            return None
        offline = get_provider("offline")
        completion = offline.complete(request)
        return _reply(completion, offline, request, 0.0, [], source="not_recorded")
    usage = Usage(found.input_tokens, found.output_tokens, estimated=found.tokens_estimated)
    return Reply(
        text=found.text,
        provider=found.provider,
        model=found.model,
        reasoning=found.reasoning,
        usage=usage,
        cost_vnd=_cost(usage, load_settings().provider(found.provider)),
        seconds=found.seconds,
        source="replay",
        finish_reason=found.finish_reason,
        citations=tuple(Citation(**c) for c in found.citations),
        grounding=Grounding(suggestions_html=found.search_suggestions)
        if found.search_suggestions
        else None,
    )


def _stream(provider: Provider, request: Request, sink: Callable[[str], None]) -> Completion:
    text, reasoning = [], []
    model, usage, finish, citations, grounding = None, None, None, (), None
    for chunk in provider.stream(request):
        text.append(chunk.text)
        reasoning.append(chunk.reasoning)
        model, usage = chunk.model or model, chunk.usage or usage
        finish = chunk.finish_reason or finish
        citations = chunk.citations or citations
        grounding = chunk.grounding or grounding  # Gemini sends it in the last chunk
        if chunk.text:
            sink(chunk.text)
    if isinstance(sink, _TerminalStream):
        sink.close()
    return Completion(
        text="".join(text),
        model=model or request.model,
        reasoning="".join(reasoning) or None,
        usage=usage,
        finish_reason=finish,
        citations=citations,
        grounding=grounding,
    )


def _reply(
    completion: Completion,
    provider: Provider,
    request: Request,
    seconds: float,
    notices: list[str],
    *,
    source: str = "live",
) -> Reply:
    usage = completion.usage
    if usage is None or (usage.estimated and provider.is_cloud):
        asked = sum(estimate_tokens(m.content) for m in request.messages)
        usage = Usage(asked, estimate_tokens(completion.text), estimated=True)
    if provider.settings.id == "offline":
        usage = Usage(0, 0, estimated=True)
    return Reply(
        text=completion.text,
        provider=provider.settings.id,
        model=completion.model or request.model,
        reasoning=completion.reasoning,
        usage=usage,
        cost_vnd=_cost(usage, provider.settings),
        seconds=round(seconds, 3),
        source=source,
        finish_reason=completion.finish_reason,
        notices=notices,
        citations=completion.citations,
        grounding=completion.grounding,
    )


def _recording(reply: Reply, key: str) -> record.Recording:
    return record.Recording(
        key=key,
        provider=reply.provider,
        model=reply.model,
        text=reply.text,
        reasoning=reply.reasoning,
        **reply.token_counts(),
        seconds=reply.seconds,
        finish_reason=reply.finish_reason,
        citations=[{"title": c.title, "url": c.url} for c in reply.citations],
        search_suggestions=reply.grounding.suggestions_html if reply.grounding else "",
    )


def guard_privacy(
    request: Request, provider: Provider, settings: Settings
) -> tuple[Request, list[str]]:
    """Run the personal-data guard on everything about to leave the machine."""
    from . import privacy
    from .errors import PrivacyBlocked

    findings = [f for m in request.messages for f in privacy.find(m.content)]
    if not findings:
        return request, []
    mode = settings.privacy_mode
    personal = [f for f in findings if f.kind != "sensitive"]
    if mode == "block" and personal:
        kinds = ", ".join(sorted({msg(f"privacy.kind.{f.kind}") for f in personal}))
        text = msg(
            "errors.provider.privacy_blocked",
            kinds=kinds,
            provider=provider_label(provider.settings.id),
        )
        raise PrivacyBlocked(text, findings=findings)
    if mode == "redact" and personal:
        redacted = tuple(Message(m.role, privacy.redact(m.content)) for m in request.messages)
        request = Request(messages=redacted, model=request.model, options=request.options)
        return request, [msg("chat.privacy_redacted", count=len(personal))]
    return request, [privacy.summary(findings)]


# -- input checks ----------------------------------------------------------------------
def check_prompt(prompt: object, settings: Settings) -> str:
    if not isinstance(prompt, str):
        raise InputError(msg("errors.input.not_text", kind=type(prompt).__name__))
    if not prompt.strip():
        raise InputError(msg("errors.input.empty_prompt"))
    limit = settings.max_prompt_chars
    if len(prompt) > limit:
        raise InputError(msg("errors.input.too_long", length=len(prompt), limit=limit))
    return prompt


def _check_options(options: Mapping[str, Any]) -> dict[str, Any]:
    checked = {}
    for name, value in options.items():
        if name not in _OPTIONS:
            raise InputError(
                msg("errors.input.unknown_option", name=name, choices=", ".join(_OPTIONS))
            )
        if value is None:
            continue
        valid, expected = _OPTIONS[name]
        if not valid(value):
            raise InputError(
                msg("errors.input.bad_option", name=name, value=value, expected=msg(expected))
            )
        checked[name] = value
    return checked


# -- compare ---------------------------------------------------------------------------
def _providers_to_compare(providers: Iterable[str] | None) -> list[str]:
    from .providers import PROVIDER_IDS, Status

    if providers is None:
        settings = load_settings()
        ready = [p for p in PROVIDER_IDS if p not in ("offline", "local")]
        ready = [p for p in ready if get_provider(p, settings).status() is Status.READY]
        return ["offline", *ready]
    if isinstance(providers, str) or not isinstance(providers, Iterable):
        raise InputError(msg("errors.input.expect_providers"))
    return [resolve_provider_id(p) for p in providers]


def _compare_row(pid: str, prompt: str, system: str | None, options) -> dict[str, Any]:
    row: dict[str, Any] = {
        "provider": pid,
        "model": "",
        "text": "",
        "seconds": math.nan,
        "input_tokens": 0,
        "output_tokens": 0,
        "tokens_estimated": True,
        "cost_vnd": 0.0,
        "error": "",
    }
    try:
        reply = ask(prompt, provider=pid, system=system, **options)
    except CongdoanError as exc:
        row["model"] = load_settings().provider(pid).model
        row["error"] = str(exc)
        return row
    row.update(
        model=reply.model,
        text=reply.text,
        seconds=reply.seconds,
        **reply.token_counts(),
        cost_vnd=reply.cost_vnd,
    )
    return row


# -- cost and display ------------------------------------------------------------------
def _cost(usage: Usage, provider_settings) -> float:
    """Estimated đồng, a float that also says the date of its price table (``.as_of``)."""
    return provider_settings.estimate_vnd(usage.input_tokens, usage.output_tokens)


def _in_notebook() -> bool:
    shell = sys.modules.get("IPython") and _ipython_shell()
    return bool(shell) and type(shell).__name__ == "ZMQInteractiveShell"


def _ipython_shell():
    from IPython import get_ipython

    return get_ipython()


def _default_sink():
    return _NotebookStream() if _in_notebook() else _TerminalStream()


class _TerminalStream:
    def __call__(self, piece: str) -> None:
        sys.stdout.write(piece)
        sys.stdout.flush()

    def close(self) -> None:
        sys.stdout.write("\n")


class _NotebookStream:
    """Shows the answer growing in one output area, refreshed at most ten times a second."""

    def __init__(self) -> None:
        from IPython.display import HTML, display

        self._html = HTML
        self._text = ""
        self._last = 0.0
        self._handle = display(HTML(self._render()), display_id=True)

    def __call__(self, piece: str) -> None:
        self._text += piece
        now = time.monotonic()
        if now - self._last >= 0.1:
            self._last = now
            self._handle.update(self._html(self._render()))

    def finish(self, reply: Reply) -> None:
        """Replace the growing text with the finished reply, badge and all."""
        self._handle.update(self._html(reply_html(reply)))

    def _render(self) -> str:
        return f"<div style='white-space:pre-wrap'>{html.escape(self._text)}▌</div>"
