"""congdoan: AI tools for trade union work, in Jupyter, with or without a key.

>>> from congdoan import ask
>>> ask("Soạn thông báo họp Ban Chấp hành công đoàn cơ sở").provider
'offline'

The offline practice model answers by default; set a key in ``.env`` and choose a
provider with ``CONGDOAN_PROVIDER`` or ``ask(..., provider="openai")``. Vendor SDKs
are imported only when a provider needs them.
"""

from __future__ import annotations

from importlib import import_module
from importlib.util import find_spec
from typing import TYPE_CHECKING

from ._version import __version__
from .errors import (
    AuthError,
    BadResponse,
    ConfigError,
    CongdoanError,
    ContentBlocked,
    InputError,
    MissingKeyError,
    ModelNotFound,
    ModelRetired,
    NetworkError,
    PrivacyBlocked,
    ProviderError,
    ProviderTimeout,
    RateLimited,
    ServerError,
)
from .i18n import get_language, set_language
from .notebook import install_error_display
from .replies import Reply

if TYPE_CHECKING:
    from .chat import Chat, ask, compare, estimate_tokens
    from .checks import check
    from .providers import overview

# Loaded on first use, so ``import congdoan.documents`` (a checker) does not load the chat
# layer, the providers or the practice model.
_LAZY = {
    "Chat": "chat",
    "ask": "chat",
    "compare": "chat",
    "estimate_tokens": "chat",
    "check": "checks",
    "overview": "providers",
}

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
    "ModelRetired",
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


def __getattr__(name: str) -> object:
    """The public names of the higher floors, imported when first asked for (PEP 562)."""
    if name in _LAZY:
        value = getattr(import_module(f"{__name__}.{_LAZY[name]}"), name)
    elif not name.startswith("_") and find_spec(f"{__name__}.{name}") is not None:
        value = import_module(f"{__name__}.{name}")  # ``congdoan.chat`` as before
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value
    return value


install_error_display()
