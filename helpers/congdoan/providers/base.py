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
from typing import TYPE_CHECKING, Any, ClassVar, Literal

if TYPE_CHECKING:
    from ..config import ProviderSettings

__all__ = [
    "Chunk",
    "Citation",
    "Completion",
    "Message",
    "Provider",
    "Request",
    "Role",
    "Status",
    "Usage",
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
class Usage:
    """Tokens in and out; ``estimated`` is true when the API did not report them."""

    input_tokens: int
    output_tokens: int
    estimated: bool = False

    @property
    def total_tokens(self) -> int:
        return self.input_tokens + self.output_tokens


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


@dataclass(frozen=True)
class Chunk:
    """A piece of a streamed answer; the last chunk may carry usage and finish reason."""

    text: str = ""
    reasoning: str = ""
    model: str | None = None
    usage: Usage | None = None
    finish_reason: str | None = None
    citations: tuple[Citation, ...] = ()


class Status(Enum):
    """Whether a provider can be used now (``congdoan doctor`` and the widgets show it)."""

    READY = "ready"
    NO_KEY = "no_key"
    KEY_REJECTED = "key_rejected"
    UNREACHABLE = "unreachable"


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

    def __init__(self, settings: ProviderSettings) -> None:
        self.settings = settings

    @property
    def model(self) -> str:
        return self.settings.model

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
        )

    @abstractmethod
    def status(self, *, probe: bool = False) -> Status:
        """READY or why not; ``probe=True`` asks the server (short timeout) as well."""
