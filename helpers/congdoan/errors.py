"""Exceptions a trainee can act on, one type per cause, each with a Vietnamese message.

::

    CongdoanError
    ├── InputError            bad prompt or argument (empty, too long, wrong type)
    │   └── PrivacyBlocked    personal data found and CONGDOAN_PRIVACY=block
    ├── ConfigError           unknown provider, unreadable .env, bad setting
    │   └── MissingKeyError   the provider needs a key that is not set
    └── ProviderError         a provider call failed (``.provider``, ``.status``)
        ├── AuthError         key rejected (401/403)
        ├── ModelNotFound     model retired or unknown (404)
        ├── RateLimited       quota or rate limit (429)
        ├── ServerError       the provider's server failed (5xx)
        ├── ProviderTimeout   no answer in time
        ├── NetworkError      the provider cannot be reached
        ├── BadResponse       malformed or cut-off response
        └── ContentBlocked    refused by the provider's safety filters

SDK errors are translated at one boundary (``congdoan.providers.errors``). The SDK
exception is deliberately *not* chained: vendor error bodies echo parts of API keys,
and a chained cause would print them. What a developer needs (status, the vendor's
message with secrets masked) is kept in ``status`` and ``detail``.
"""

from __future__ import annotations

import html

from .i18n import msg

__all__ = [
    "AuthError",
    "BadResponse",
    "ConfigError",
    "CongdoanError",
    "ContentBlocked",
    "InputError",
    "MissingKeyError",
    "ModelNotFound",
    "ModelRetired",
    "NetworkError",
    "PrivacyBlocked",
    "ProviderError",
    "ProviderTimeout",
    "RateLimited",
    "ServerError",
]


class CongdoanError(Exception):
    """Root of every error congdoan raises on purpose; its message is for the trainee."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message

    def _repr_html_(self) -> str:
        title = html.escape(msg("errors.display.title"))
        body = html.escape(self.message).replace("\n", "<br>")
        return (
            '<div style="border-left:4px solid #b3261e;background:#fdecea;padding:8px 12px">'
            f"<strong>{title}</strong><br>{body}</div>"
        )


class InputError(CongdoanError, ValueError):
    """The prompt or an argument cannot be used as given."""


class ConfigError(CongdoanError):
    """Configuration (provider id, ``.env``, a setting) is wrong or unreadable."""


class MissingKeyError(ConfigError):
    """The chosen provider needs an API key that is not configured."""

    def __init__(self, message: str, *, provider: str, variable: str) -> None:
        super().__init__(message)
        self.provider = provider
        self.variable = variable


class _Severed:
    """An exception's link to another (``__context__``, ``__cause__``) kept always empty.

    It reads ``None`` and ignores what Python or a caller stores, for both links alike.
    """

    def __get__(self, instance: object, owner: type | None = None) -> None:
        return None

    def __set__(self, instance: object, value: BaseException | None) -> None:
        pass


class ProviderError(CongdoanError):
    """A call to an AI provider failed; ``status`` is the HTTP status when there was one."""

    def __init__(
        self, message: str, *, provider: str, status: int | None = None, detail: str = ""
    ) -> None:
        super().__init__(message)
        self.provider = provider
        self.status = status
        self.detail = detail

    def __repr__(self) -> str:
        return f"{type(self).__name__}(provider={self.provider!r}, status={self.status!r})"

    # The vendor's own exception (raised inside the SDK) holds the request, headers and
    # key included. ``raise ... from None`` hides it from tracebacks but still stores it as
    # ``__context__``, where a trainee's ``print(e.__context__)`` would find it: a provider
    # error never exposes the exception it replaced.
    __context__ = __cause__ = _Severed()  # type: ignore[assignment]


class AuthError(ProviderError):
    """The API key was rejected (HTTP 401 or 403)."""


class ModelNotFound(ProviderError):
    """The model is unknown to the provider or has been retired (HTTP 404)."""


class ModelRetired(ModelNotFound):
    """The model was shut down by the vendor; ``replacement`` names the one to use."""

    def __init__(self, message: str, *, provider: str, replacement: str, **kwargs) -> None:
        super().__init__(message, provider=provider, **kwargs)
        self.replacement = replacement


class RateLimited(ProviderError):
    """Too many requests or the quota is used up (HTTP 429)."""


class ServerError(ProviderError):
    """The provider's server failed (HTTP 5xx)."""


class ProviderTimeout(ProviderError):
    """The provider did not answer within the timeout."""


class NetworkError(ProviderError):
    """The provider's server could not be reached (no network, wrong address)."""


class BadResponse(ProviderError):
    """The response was malformed, empty or cut off."""


class ContentBlocked(ProviderError):
    """The provider's safety filters refused the prompt or the answer."""


class PrivacyBlocked(InputError):
    """Personal data was found and ``CONGDOAN_PRIVACY=block`` stopped the prompt."""

    def __init__(self, message: str, *, findings: list) -> None:
        super().__init__(message)
        self.findings = findings
