"""The one boundary where SDK and transport errors become congdoan errors.

Every message names the provider, says what happened and what to do next. Vendor
detail text is kept (masked) in ``ProviderError.detail`` for developers; the SDK
exception is not chained, because vendor bodies quote parts of API keys.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from ..config import DEFAULTS, ProviderSettings, mask_secrets, provider_label
from ..errors import (
    AuthError,
    BadResponse,
    CongdoanError,
    ContentBlocked,
    MissingKeyError,
    ModelNotFound,
    ModelRetired,
    NetworkError,
    ProviderError,
    ProviderTimeout,
    RateLimited,
    ServerError,
)
from ..i18n import msg

__all__ = ["blocked", "cut_off", "from_gemini", "from_openai", "from_transport", "missing_key"]

_BLOCK_CODES = ("content_filter", "content_policy_violation", "safety")
#: ``congdoan.server.gateway`` refuses with ``congdoan_<reason>``; each reason has a message.
_GATEWAY_REFUSAL = re.compile(r"congdoan_(budget_class|budget|rate|privacy|auth|no_key|upstream)")


def missing_key(settings: ProviderSettings) -> MissingKeyError:
    variable = settings.key_variable or "API_KEY"
    text = msg("errors.provider.missing_key", provider=_label(settings), variable=variable)
    return MissingKeyError(text, provider=settings.id, variable=variable)


def blocked(settings: ProviderSettings, detail: str = "") -> ContentBlocked:
    return ContentBlocked(
        msg("errors.provider.blocked", provider=_label(settings)),
        provider=settings.id,
        detail=detail,
    )


def cut_off(settings: ProviderSettings, detail: str = "") -> BadResponse:
    return BadResponse(
        msg("errors.provider.bad_response", provider=_label(settings)),
        provider=settings.id,
        detail=detail,
    )


def guarded_stream(
    chunks: Iterator,
    settings: ProviderSettings,
    translate: Callable[[ProviderSettings, Exception], ProviderError],
) -> Iterator:
    """Pass a provider's stream through, translating its errors at this one boundary.

    A stream that stops without a finish reason was cut off (the connection dropped
    mid-answer), which is an error the trainee should see, not a short answer.
    """
    finished = False
    try:
        for chunk in chunks:
            finished = finished or chunk.finish_reason is not None
            yield chunk
    except CongdoanError:  # already translated, or refused before sending
        raise
    except Exception as exc:
        raise translate(settings, exc) from None
    if not finished:
        raise cut_off(settings, "stream ended without a finish reason")


def from_status(
    settings: ProviderSettings, status: int | None, detail: str, *, code: str = ""
) -> ProviderError:
    """Map an HTTP status (and the vendor's error code, when given) to a congdoan error."""
    detail = mask_secrets(detail, _secrets(settings))
    label = _label(settings)
    setting = f"CONGDOAN_{settings.id.upper()}_MODEL"
    kwargs = {"provider": settings.id, "status": status, "detail": detail}
    lowered = f"{code} {detail}".lower()
    if refusal := _GATEWAY_REFUSAL.search(lowered):  # the classroom server's own answers
        kind = {"budget": RateLimited, "budget_class": RateLimited, "rate": RateLimited,
                "privacy": ContentBlocked, "auth": AuthError, "upstream": ServerError,
                }.get(refusal.group(1), ProviderError)  # fmt: skip
        return kind(msg(f"server.refusal.{refusal.group(1)}", provider=label), **kwargs)
    if status in (401, 403) or "api_key_invalid" in lowered or "api key not valid" in lowered:
        variable = settings.key_variable or "API_KEY"
        text = msg("errors.provider.auth", provider=label, status=status, variable=variable)
        return AuthError(text, **kwargs)
    if status == 404 or _unknown_model(lowered):
        retired = DEFAULTS[settings.id].retired_models.get(settings.model)
        if retired is not None:
            text = msg(
                "models.retired",
                provider=label,
                model=settings.model,
                replacement=retired.replacement,
                setting=setting,
            )
            return ModelRetired(text, replacement=retired.replacement, **kwargs)
        text = msg(
            "errors.provider.model_not_found", provider=label, model=settings.model, setting=setting
        )
        return ModelNotFound(text, **kwargs)
    if status == 429:
        key = "quota" if "quota" in lowered or "billing" in lowered else "rate_limited"
        return RateLimited(msg(f"errors.provider.{key}", provider=label), **kwargs)
    if status is not None and status >= 500:
        return ServerError(msg("errors.provider.server", provider=label, status=status), **kwargs)
    if any(block in lowered for block in _BLOCK_CODES):
        return ContentBlocked(msg("errors.provider.blocked", provider=label), **kwargs)
    return ProviderError(
        msg("errors.provider.bad_request", provider=label, status=status), **kwargs
    )


def _unknown_model(lowered: str) -> bool:
    """DeepSeek ("Model Not Exist") and GitHub Models (``unknown_model``) answer 400, not 404."""
    return "model not exist" in lowered or "unknown_model" in lowered


def from_transport(settings: ProviderSettings, exc: BaseException) -> ProviderError:
    """Timeouts, refused connections and broken streams below the SDK."""
    label = _label(settings)
    detail = mask_secrets(f"{type(exc).__name__}: {exc}", _secrets(settings))
    if _is_timeout(exc):
        text = msg("errors.provider.timeout", provider=label, seconds=_seconds(settings.timeout))
        return ProviderTimeout(text, provider=settings.id, detail=detail)
    if _is_protocol_break(exc):
        return cut_off(settings, detail)
    url = settings.base_url or "API"
    text = msg("errors.provider.network", provider=label, url=url)
    return NetworkError(text, provider=settings.id, detail=detail)


def from_openai(settings: ProviderSettings, exc: Exception) -> ProviderError:
    """Translate an exception raised by the ``openai`` SDK (or its transport)."""
    import openai

    if isinstance(exc, openai.APIStatusError):
        body = exc.body if isinstance(exc.body, dict) else {}
        error = body.get("error", body) if isinstance(body, dict) else {}
        code = str(error.get("code") or error.get("type") or "") if isinstance(error, dict) else ""
        return from_status(settings, exc.status_code, str(exc.message), code=code)
    if isinstance(exc, openai.APIConnectionError):  # includes APITimeoutError
        return from_transport(settings, exc.__cause__ or exc)
    if isinstance(exc, openai.ContentFilterFinishReasonError):
        return blocked(settings)
    if isinstance(exc, openai.APIResponseValidationError | ValueError | KeyError | TypeError):
        return cut_off(settings, mask_secrets(str(exc), _secrets(settings)))
    return from_transport(settings, exc)


def from_gemini(settings: ProviderSettings, exc: Exception) -> ProviderError:
    """Translate an exception raised by the ``google-genai`` SDK (or its transport)."""
    from google.genai import errors as genai_errors

    if isinstance(exc, genai_errors.APIError):
        detail = f"{exc.status or ''} {exc.message or ''}".strip()
        return from_status(settings, exc.code, detail, code=str(exc.status or ""))
    if isinstance(exc, ValueError | KeyError | TypeError):
        return cut_off(settings, mask_secrets(str(exc), _secrets(settings)))
    return from_transport(settings, exc)


def _is_timeout(exc: BaseException) -> bool:
    names = {cls.__name__ for cls in type(exc).__mro__}
    return bool(names & {"TimeoutException", "APITimeoutError", "TimeoutError", "ReadTimeout"})


def _is_protocol_break(exc: BaseException) -> bool:
    names = {cls.__name__ for cls in type(exc).__mro__}
    return bool(names & {"RemoteProtocolError", "IncompleteRead", "DecodingError"})


def _seconds(value: float) -> str:
    return f"{value:g}"


def _label(settings: ProviderSettings) -> str:
    return provider_label(settings.id)


def _secrets(settings: ProviderSettings) -> list[str]:
    return [settings.api_key] if settings.api_key else []
