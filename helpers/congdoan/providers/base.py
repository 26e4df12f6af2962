"""The small interface every provider implements, and the values that cross it.

A provider turns a :class:`Request` (messages in one internal format, a model name and
generation options) into a :class:`Completion`, either at once (``complete``) or piece
by piece (``stream``). Everything above this layer (``ask``, ``Chat``, recording,
display, cost) is shared, so adding a vendor means writing one module.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING, Any, ClassVar

from ..replies import Citation, Grounding, Message, Role, Usage

if TYPE_CHECKING:
    from ..config import ProviderSettings
    from .models import Choice, ListedModel

__all__ = [
    "Chunk",
    "Citation",
    "Completion",
    "Grounding",
    "Message",
    "ModelNames",
    "Probe",
    "Provider",
    "Request",
    "Role",
    "Status",
    "Usage",
]


@dataclass(frozen=True)
class Request:
    """What is sent: the whole conversation, the model and generation options."""

    messages: tuple[Message, ...]
    model: str
    options: Mapping[str, Any] = field(default_factory=dict)

    @property
    def system(self) -> str | None:
        parts = [m.content for m in self.messages if m.role == "system"]
        return "\n\n".join(parts) if parts else None

    @property
    def turns(self) -> tuple[Message, ...]:
        """The messages without the system instruction."""
        return tuple(m for m in self.messages if m.role != "system")


@dataclass(frozen=True)
class Completion:
    """What came back: the text, optional visible reasoning, the model that answered."""

    text: str
    model: str
    reasoning: str | None = None
    usage: Usage | None = None
    finish_reason: str | None = None
    citations: tuple[Citation, ...] = ()
    grounding: Grounding | None = None


@dataclass(frozen=True)
class Chunk:
    """A piece of a streamed answer; the last chunk may carry usage and finish reason."""

    text: str = ""
    reasoning: str = ""
    model: str | None = None
    usage: Usage | None = None
    finish_reason: str | None = None
    citations: tuple[Citation, ...] = ()
    grounding: Grounding | None = None


class Status(Enum):
    """Whether a provider can be used now (``congdoan doctor`` and the widgets show it)."""

    READY = "ready"
    #: The configured model is gone; the family's newest model answers instead.
    REPLACED = "replaced"
    #: The model named in ``CONGDOAN_<P>_MODEL`` was shut down by the vendor.
    RETIRED = "retired"
    #: The server does not know the model (a typo, or a deployment that does not exist).
    MODEL_MISSING = "model_missing"
    NO_KEY = "no_key"
    KEY_REJECTED = "key_rejected"
    UNREACHABLE = "unreachable"
    #: The server answered the test request with another error (quota, server error...).
    FAILED = "failed"


@dataclass(frozen=True)
class ModelNames:
    """The model that answers and the name configuration gave: they differ once replaced.

    Choosing a model and checking a provider both report this pair, so it is defined once.
    """

    model: str
    configured: str


@dataclass(frozen=True)
class Probe(ModelNames):
    """What ``congdoan doctor`` found for one provider (after the model it would call)."""

    status: Status
    #: Cost of the one-token test request in đồng, when it was made.
    cost_vnd: float | None = None
    detail: str = ""


class Provider(ABC):
    """One AI vendor (or the offline practice model) behind the common interface."""

    #: The id used in ``ask(provider=...)`` and ``CONGDOAN_PROVIDER``.
    id: ClassVar[str]
    #: True when prompts leave the machine (the personal-data guard runs first).
    is_cloud: ClassVar[bool] = True
    #: True when answering needs a server (even on localhost): replayed while grading.
    uses_network: ClassVar[bool] = True
    #: True when ``stream`` delivers the answer in pieces.
    streams: ClassVar[bool] = True
    #: True when ``ask(..., search=True)`` can ground the answer in a web search.
    supports_search: ClassVar[bool] = False
    #: True when ``draw_image`` works (``congdoan.media.generate_image``).
    supports_images: ClassVar[bool] = False

    def __init__(self, settings: ProviderSettings) -> None:
        self.settings = settings

    @property
    def model(self) -> str:
        return self.settings.model

    #: True when ``ask(..., thinking=True/False)`` switches visible reasoning (DeepSeek).
    supports_thinking: ClassVar[bool] = False

    def check_options(self, options: Mapping[str, Any]) -> None:
        """Refuse, with a message, options this provider cannot honour (before sending)."""
        from ..errors import InputError
        from ..i18n import msg

        if options.get("search") and not self.supports_search:
            raise InputError(msg("errors.input.search_unsupported", provider=self.settings.id))
        if options.get("thinking") is not None and not self.supports_thinking:
            raise InputError(msg("models.thinking_unsupported", provider=self.settings.id))

    # -- which model (see ``models.py``) ---------------------------------------------
    def list_models(self) -> list[ListedModel] | None:
        """The vendor's models; ``None`` when this vendor offers no usable list."""
        return None

    def choose_model(
        self, asked: str | None = None, *, fetch: bool = True, remember: bool = True
    ) -> Choice:
        """The model to call: ``asked`` or the configured one, checked against the vendor's list."""
        from .models import choose

        row = self.settings.defaults
        return choose(
            self,
            asked or self.settings.model,
            explicit=asked is not None or self.settings.explicit_model,
            family=row.family,
            retired=row.retired_models,
            setting=f"CONGDOAN_{self.settings.id.upper()}_MODEL",
            fetch=fetch,
            remember=remember,
        )

    def choose_image_model(self, *, fetch: bool = True, remember: bool = True) -> Choice:
        """The image model to call, resolved like the chat model (see ``models.py``)."""
        from ..config import IMAGE_FAMILIES, RETIRED_IMAGE_MODELS
        from .models import choose

        pid = self.settings.id
        return choose(
            self,
            self.settings.image_model or "",
            explicit=self.settings.explicit_image_model,
            family=IMAGE_FAMILIES.get(pid),
            retired=RETIRED_IMAGE_MODELS.get(pid, {}),
            setting=f"CONGDOAN_{pid.upper()}_IMAGE_MODEL",
            fetch=fetch,
            remember=remember,
        )

    def draw_image(self, prompt: str, model: str, width: int, height: int) -> bytes:
        """The encoded picture (PNG, JPEG...) ``model`` draws for ``prompt``, near that shape.

        Only vendors that draw (``supports_images``) implement it; errors are congdoan's.
        """
        raise NotImplementedError(f"{self.settings.id} does not draw images")

    def require_key(self) -> None:
        """Raise the "add your key to .env" error now, before anything else happens."""
        if self._needs_missing_key():
            from .errors import missing_key

            raise missing_key(self.settings)

    def ping(self, model: str) -> Usage | None:
        """Send the smallest possible request to ``model``; raises congdoan errors."""
        done = self.complete(Request((Message("user", "OK"),), model, {"max_tokens": 16}))
        return done.usage

    def check(self, *, probe: bool = True) -> Probe:
        """What ``congdoan doctor`` shows: key, model (retired? replaced?) and a real test call."""
        from ..errors import (
            AuthError,
            ModelNotFound,
            ModelRetired,
            NetworkError,
            ProviderError,
            ProviderTimeout,
        )

        configured = self.settings.model
        if self._needs_missing_key():
            return Probe(configured, configured, Status.NO_KEY)
        try:
            choice = self.choose_model(fetch=probe, remember=False)
        except ModelRetired as exc:
            return Probe(exc.replacement, configured, Status.RETIRED, detail=str(exc))
        state = Status.REPLACED if choice.state == "replaced" else Status.READY
        if not probe or not self.uses_network:
            return Probe(choice.model, configured, state, detail=choice.notice or "")
        try:
            usage = self.ping(choice.model)
        except AuthError as exc:
            return Probe(choice.model, configured, Status.KEY_REJECTED, detail=str(exc))
        except ModelNotFound as exc:
            return Probe(choice.model, configured, Status.MODEL_MISSING, detail=str(exc))
        except (NetworkError, ProviderTimeout) as exc:
            return Probe(choice.model, configured, Status.UNREACHABLE, detail=str(exc))
        except ProviderError as exc:
            return Probe(choice.model, configured, Status.FAILED, detail=str(exc))
        cost = (
            self.settings.estimate_vnd(usage.input_tokens, usage.output_tokens) if usage else None
        )
        return Probe(choice.model, configured, state, cost, detail=choice.notice or "")

    def _needs_missing_key(self) -> bool:
        return bool(getattr(self, "needs_key", self.uses_network and self.is_cloud)) and not (
            self.settings.api_key
        )

    @abstractmethod
    def complete(self, request: Request) -> Completion:
        """Answer the whole request at once."""

    def stream(self, request: Request) -> Iterator[Chunk]:
        """Answer piece by piece; providers that cannot stream yield one chunk."""
        done = self.complete(request)
        yield Chunk(
            text=done.text,
            reasoning=done.reasoning or "",
            model=done.model,
            usage=done.usage,
            finish_reason=done.finish_reason,
            citations=done.citations,
            grounding=done.grounding,
        )

    def status(self, *, probe: bool = False) -> Status:
        """READY, NO_KEY, KEY_REJECTED or UNREACHABLE: can a question be sent at all?

        ``probe=True`` makes the one-token test request. Model trouble (replaced,
        retired, missing) still counts as READY here: the answer itself explains it.
        ``check()`` tells those states apart for ``congdoan doctor``.
        """
        if self._needs_missing_key():
            return Status.NO_KEY
        if not probe:
            return Status.READY
        found = self.check(probe=True).status
        return found if found in (Status.KEY_REJECTED, Status.UNREACHABLE) else Status.READY
