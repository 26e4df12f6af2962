"""Settings from environment variables and a ``.env`` file, never from notebooks.

Every provider has one row in :data:`DEFAULTS`: its default model and endpoint, the
vendor's standard key variables and a price estimate. Model names live only here,
because vendors retire them every few months; a trainer overrides them without
touching code::

    CONGDOAN_PROVIDER=gemini            # default provider (else the offline model)
    CONGDOAN_GEMINI_MODEL=gemini-2.5-pro
    CONGDOAN_LOCAL_BASE_URL=http://localhost:8080/v1

The environment wins over ``.env``. The ``.env`` file is looked up from the working
directory upwards (a notebook in ``modules/01_chatgpt`` finds the one at the course
root), or taken from ``CONGDOAN_ENV_FILE``. Its values are read, not exported to
``os.environ``, so keys do not leak into child processes.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from .errors import ConfigError
from .i18n import msg

__all__ = [
    "DEFAULTS",
    "PROVIDER_IDS",
    "ProviderDefaults",
    "ProviderSettings",
    "Settings",
    "load_settings",
    "mask_secrets",
    "provider_label",
]


@dataclass(frozen=True)
class ProviderDefaults:
    """What congdoan assumes for a provider until configuration says otherwise."""

    model: str
    base_url: str | None
    key_variables: tuple[str, ...] = ()
    #: Estimated US dollars per million input and output tokens (0 for free/local).
    price_usd_per_mtok: tuple[float, float] = (0.0, 0.0)
    #: Models the provider has been seen to retire: reported as such, not as a typo.
    retired_models: tuple[str, ...] = ()


#: One row per provider. Prices are public list prices, late 2026, for estimates only.
DEFAULTS: Mapping[str, ProviderDefaults] = {
    "offline": ProviderDefaults("luyen-tap-1", None),
    "openai": ProviderDefaults(
        "gpt-5-mini",
        "https://api.openai.com/v1",
        ("OPENAI_API_KEY",),
        (0.25, 2.00),
    ),
    "gemini": ProviderDefaults(
        "gemini-2.5-flash",
        None,  # the google-genai SDK's own endpoint
        ("GEMINI_API_KEY", "GOOGLE_API_KEY"),
        (0.30, 2.50),
    ),
    "deepseek": ProviderDefaults(
        "deepseek-flash",
        "https://api.deepseek.com",
        ("DEEPSEEK_API_KEY",),
        (0.28, 0.42),
        retired_models=("deepseek-chat", "deepseek-reasoner"),
    ),
    "copilot": ProviderDefaults(
        "openai/gpt-5-mini",
        "https://models.github.ai/inference",
        ("GITHUB_TOKEN", "AZURE_OPENAI_API_KEY"),
        (0.25, 2.00),
    ),
    "local": ProviderDefaults(
        "deepseek-r1:1.5b",
        "http://localhost:11434/v1",
    ),
}
PROVIDER_IDS: tuple[str, ...] = tuple(DEFAULTS)
#: Friendly names trainees type, mapped to provider ids.
ALIASES = {"chatgpt": "openai", "google": "gemini", "ollama": "local", "practice": "offline"}
DEFAULT_USD_TO_VND = 26_300.0
DEFAULT_TIMEOUT_SECONDS = 60.0
DEFAULT_MAX_RETRIES = 2
DEFAULT_MAX_PROMPT_CHARS = 200_000
PRIVACY_MODES = ("warn", "redact", "block")

# -- image models (congdoan.media) ---------------------------------------------------------
#: Default image model per provider that can draw images; vendors rename these often,
#: so a trainer overrides them with ``CONGDOAN_OPENAI_IMAGE_MODEL`` or
#: ``CONGDOAN_GEMINI_IMAGE_MODEL`` instead of touching code.
IMAGE_MODELS: Mapping[str, str] = {
    "openai": "gpt-image-1",
    "gemini": "gemini-2.5-flash-image",
}


def image_model(provider_id: str, settings: Settings | None = None) -> str:
    """The image model for ``provider_id`` (``openai`` or ``gemini``) from the configuration."""
    settings = settings or load_settings()
    default = IMAGE_MODELS[provider_id]
    return settings.get(f"CONGDOAN_{provider_id.upper()}_IMAGE_MODEL", default) or default


# -- end of image models -------------------------------------------------------------------

_TRUE = {"1", "true", "yes", "on", "có"}


@dataclass(frozen=True, repr=False)
class ProviderSettings:
    """Resolved settings of one provider; ``repr`` never shows the key."""

    id: str
    model: str
    base_url: str | None
    api_key: str | None = None
    key_variable: str | None = None
    timeout: float = DEFAULT_TIMEOUT_SECONDS
    max_retries: int = DEFAULT_MAX_RETRIES
    price_usd_per_mtok: tuple[float, float] = (0.0, 0.0)
    usd_to_vnd: float = DEFAULT_USD_TO_VND
    extra: Mapping[str, str] = field(default_factory=dict)

    @property
    def defaults(self) -> ProviderDefaults:
        return DEFAULTS[self.id]

    def __repr__(self) -> str:
        key = "set" if self.api_key else "missing"
        return (
            f"ProviderSettings(id={self.id!r}, model={self.model!r}, "
            f"base_url={self.base_url!r}, api_key=<{key}>)"
        )


@dataclass(frozen=True, repr=False)
class Settings:
    """Everything congdoan reads from the environment, resolved once per call."""

    values: Mapping[str, str]
    env_file: Path | None = None

    def get(self, name: str, default: str | None = None) -> str | None:
        value = self.values.get(name)
        return value if value not in (None, "") else default

    @property
    def default_provider(self) -> str:
        return resolve_provider_id(self.get("CONGDOAN_PROVIDER", "offline"))

    @property
    def replay(self) -> bool:
        """True while grading (nbgrader sets NBGRADER_EXECUTION) or when asked to replay."""
        if self.get("NBGRADER_EXECUTION"):
            return True
        return (self.get("CONGDOAN_REPLAY", "") or "").lower() in _TRUE

    @property
    def transcript_path(self) -> Path:
        return Path(self.get("CONGDOAN_TRANSCRIPT", "congdoan-transcript.jsonl"))

    @property
    def record(self) -> bool:
        return (self.get("CONGDOAN_RECORD", "1") or "").lower() in _TRUE

    @property
    def privacy_mode(self) -> str:
        mode = (self.get("CONGDOAN_PRIVACY", "warn") or "warn").lower()
        if mode not in PRIVACY_MODES:
            raise ConfigError(
                msg(
                    "errors.config.bad_choice",
                    name="CONGDOAN_PRIVACY",
                    value=mode,
                    choices=", ".join(PRIVACY_MODES),
                )
            )
        return mode

    @property
    def max_prompt_chars(self) -> int:
        return self._number("CONGDOAN_MAX_PROMPT_CHARS", DEFAULT_MAX_PROMPT_CHARS, int)

    def provider(self, provider_id: str) -> ProviderSettings:
        """Resolve model, endpoint, key, timeout and prices for one provider."""
        pid = resolve_provider_id(provider_id)
        row = DEFAULTS[pid]
        prefix = f"CONGDOAN_{pid.upper()}_"
        key_variable, api_key = self._first_key(row.key_variables)
        base_url = self.get(prefix + "BASE_URL", row.base_url)
        extra = {}
        if pid == "copilot" and key_variable == "AZURE_OPENAI_API_KEY":
            endpoint = self.get("AZURE_OPENAI_ENDPOINT")
            if endpoint and not self.get(prefix + "BASE_URL"):
                base_url = endpoint.rstrip("/") + "/openai/v1/"
            extra["backend"] = "azure"
        return ProviderSettings(
            id=pid,
            model=self.get(prefix + "MODEL", row.model) or row.model,
            base_url=base_url,
            api_key=api_key,
            key_variable=key_variable or (row.key_variables[0] if row.key_variables else None),
            timeout=self._number("CONGDOAN_TIMEOUT", DEFAULT_TIMEOUT_SECONDS, float),
            max_retries=self._number("CONGDOAN_MAX_RETRIES", DEFAULT_MAX_RETRIES, int),
            price_usd_per_mtok=self._price(prefix + "PRICE", row.price_usd_per_mtok),
            usd_to_vnd=self._number("CONGDOAN_USD_TO_VND", DEFAULT_USD_TO_VND, float),
            extra=extra,
        )

    def secrets(self) -> list[str]:
        """Every configured key value, so messages and logs can be scrubbed of them."""
        names = {name for row in DEFAULTS.values() for name in row.key_variables}
        return [value for name in names if (value := self.get(name))]

    def _first_key(self, names: tuple[str, ...]) -> tuple[str | None, str | None]:
        # Gemini: GOOGLE_API_KEY wins over GEMINI_API_KEY in the SDK; we follow the
        # order of the table instead, which the README documents.
        for name in names:
            if value := self.get(name):
                return name, value.strip()
        return None, None

    def _number(self, name: str, default, kind):
        raw = self.get(name)
        if raw is None:
            return default
        try:
            value = kind(raw)
        except ValueError:
            raise ConfigError(msg("errors.config.not_a_number", name=name, value=raw)) from None
        if value < 0:
            raise ConfigError(msg("errors.config.not_a_number", name=name, value=raw))
        return value

    def _price(self, name: str, default: tuple[float, float]) -> tuple[float, float]:
        raw = self.get(name)
        if raw is None:
            return default
        parts = [p.strip() for p in raw.split(",")]
        try:
            price_in, price_out = (float(p) for p in parts)
        except ValueError:
            raise ConfigError(msg("errors.config.bad_price", name=name, value=raw)) from None
        return price_in, price_out


def provider_label(provider_id: str) -> str:
    """The provider's name as trainees read it (from the message catalogue)."""
    return msg(f"providers.label.{provider_id}")


def resolve_provider_id(name: object) -> str:
    """Map what a trainee typed (``"ChatGPT"``, ``" gemini "``) to a provider id."""
    if not isinstance(name, str) or not name.strip():
        raise ConfigError(msg("errors.config.unknown_provider", name=name, choices=_choices()))
    key = name.strip().lower()
    key = ALIASES.get(key, key)
    if key not in DEFAULTS:
        raise ConfigError(msg("errors.config.unknown_provider", name=name, choices=_choices()))
    return key


def load_settings(environ: Mapping[str, str] | None = None) -> Settings:
    """Read ``.env`` (if any) under the process environment, which takes precedence."""
    environ = os.environ if environ is None else environ
    env_file = _find_env_file(environ)
    values: dict[str, str] = {}
    if env_file is not None:
        values.update(_read_env_file(env_file))
    values.update({k: v for k, v in environ.items() if v is not None})
    return Settings(values=values, env_file=env_file)


_SECRET_PATTERNS = re.compile(
    r"(sk-[A-Za-z0-9_\-]{8,}|AIza[0-9A-Za-z_\-]{20,}|gh[pousr]_[A-Za-z0-9]{20,}"
    r"|github_pat_[A-Za-z0-9_]{20,})"
)


def mask_secrets(text: str, secrets: list[str] | None = None) -> str:
    """Replace configured keys, and anything shaped like a vendor key, with ``***``."""
    for secret in sorted(secrets or (), key=len, reverse=True):
        if len(secret) >= 4:
            text = text.replace(secret, "***")
    return _SECRET_PATTERNS.sub("***", text)


def _choices() -> str:
    return ", ".join(PROVIDER_IDS)


def _find_env_file(environ: Mapping[str, str]) -> Path | None:
    explicit = environ.get("CONGDOAN_ENV_FILE")
    if explicit:
        path = Path(explicit)
        return path if path.is_file() else None
    here = Path.cwd().resolve()
    for folder in (here, *here.parents):
        candidate = folder / ".env"
        if candidate.is_file():
            return candidate
    return None


def _read_env_file(path: Path) -> dict[str, str]:
    from dotenv import dotenv_values

    try:
        raw = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ConfigError(msg("errors.config.env_not_utf8", path=path)) from None
    except OSError as exc:
        reason = exc.strerror
        raise ConfigError(msg("errors.config.env_unreadable", path=path, reason=reason)) from None
    from io import StringIO

    return {k: v for k, v in dotenv_values(stream=StringIO(raw)).items() if v is not None}
