"""congdoan: AI tools for trade union work, in Jupyter, with or without a key.

>>> from congdoan import ask
>>> ask("Soạn thông báo họp Ban Chấp hành công đoàn cơ sở").provider
'offline'

The offline practice model answers by default; set a key in ``.env`` and choose a
provider with ``CONGDOAN_PROVIDER`` or ``ask(..., provider="openai")``. Vendor SDKs
are imported only when a provider needs them.
"""

from __future__ import annotations

from ._version import __version__
from .chat import Chat, Reply, ask, compare, estimate_tokens
from .checks import check
from .errors import (
    AuthError,
    BadResponse,
    ConfigError,
    CongdoanError,
    ContentBlocked,
    InputError,
    MissingKeyError,
    ModelNotFound,
    NetworkError,
    PrivacyBlocked,
    ProviderError,
    ProviderTimeout,
    RateLimited,
    ServerError,
)
from .i18n import get_language, set_language
from .notebook import install_error_display
from .providers import overview

__all__ = [
    "AuthError",
    "BadResponse",
    "Chat",
    "ConfigError",
    "CongdoanError",
    "ContentBlocked",
    "InputError",
    "MissingKeyError",
    "ModelNotFound",
    "NetworkError",
    "PrivacyBlocked",
    "ProviderError",
    "ProviderTimeout",
    "RateLimited",
    "Reply",
    "ServerError",
    "__version__",
    "ask",
    "check",
    "compare",
    "estimate_tokens",
    "get_language",
    "overview",
    "set_language",
]

install_error_display()
