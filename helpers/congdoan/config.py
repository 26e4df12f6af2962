"""Settings from environment variables and a ``.env`` file, never from notebooks.

Every provider has one row in :data:`DEFAULTS`: its default model and endpoint, the
vendor's standard key variables and a price estimate. Model names live only here,
because vendors retire them every few months; a trainer overrides them without
touching code::

    CONGDOAN_PROVIDER=gemini            # default provider (else the offline model)
    CONGDOAN_GEMINI_MODEL=<a model name the vendor lists>
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
    "IMAGE_MODELS",
    "PRICES_AS_OF",
    "PROVIDER_IDS",
    "CostEstimate",
    "ModelFamily",
    "ProviderDefaults",
    "ProviderSettings",
    "Retirement",
    "Settings",
    "load_settings",
    "mask_secrets",
    "provider_label",
    "vn_date",
]


#: The day the prices and model names below were checked against the vendors' pages.
PRICES_AS_OF = "2026-12-03"


def vn_date(iso: str) -> str:
    """``2026-12-11`` as Vietnamese readers write it: ``11/12/2026``."""
    from datetime import date

    return date.fromisoformat(iso[:10]).strftime("%d/%m/%Y")  # a timestamp keeps its day


class CostEstimate(float):
    """An amount in đồng estimated from the price table; ``as_of`` is the table's date.

    It is a plain number for arithmetic and tables, and says what it is when shown.
    """

    as_of: str

    def __new__(cls, amount: float, as_of: str = PRICES_AS_OF) -> CostEstimate:
        value = super().__new__(cls, amount)
        value.as_of = as_of
        return value

    @property
    def note(self) -> str:
        """``ước tính theo bảng giá ngày 03/12/2026``."""
        return msg("models.cost_estimate", date=vn_date(self.as_of))

    def __repr__(self) -> str:
        return f"{float(self)!r} ({self.note})"

    def __reduce__(self):
        return (CostEstimate, (float(self), self.as_of))


@dataclass(frozen=True)
class Retirement:
    """A model the vendor shuts down on ``date`` (ISO; ``None``: gone already) and its successor."""

    replacement: str
    date: str | None = None


@dataclass(frozen=True)
class ModelFamily:
    """The kind of model a provider should use, whatever its current version is called.

    ``pattern`` matches the vendor's model ids of the family; its first group is the
    version (``6.1`` in ``gpt-6.1-terra``) so the newest one can be picked from the
    vendor's list when the configured name is no longer offered.
    """

    name: str
    pattern: str
    #: The vendor's "latest" alias for the family, when it offers one.
    alias: str | None = None

    def matches(self, model_id: str) -> bool:
        return re.fullmatch(self.pattern, model_id) is not None

    def version(self, model_id: str) -> tuple[int, ...]:
        found = re.fullmatch(self.pattern, model_id)
        if not found or not found.groups() or found.group(1) is None:
            return ()
        return tuple(int(part) for part in re.findall(r"\d+", found.group(1)))


@dataclass(frozen=True)
class ProviderDefaults:
    """What congdoan assumes for a provider until configuration says otherwise."""

    model: str
    base_url: str | None
    key_variables: tuple[str, ...] = ()
    #: Estimated US dollars per million input and output tokens (0 for free/local).
    price_usd_per_mtok: tuple[float, float] = (0.0, 0.0)
    #: Models the vendor retired or is retiring, with their successor.
    retired_models: Mapping[str, Retirement] = field(default_factory=dict)
    #: The family resolution picks from when ``model`` is not offered (``None``: no resolution).
    family: ModelFamily | None = None
    #: Where the price comes from and when it was read.
    price_source: str = ""
    price_as_of: str = PRICES_AS_OF


_OPENAI_FAMILY = ModelFamily("GPT Terra (gpt-N-terra)", r"gpt-(\d+(?:\.\d+)*)-terra")
_GEMINI_FAMILY = ModelFamily(
    "Gemini Flash (gemini-N-flash)", r"gemini-(\d+(?:\.\d+)*)-flash", alias="gemini-flash-latest"
)

#: One row per provider. Prices are public list prices for estimates only, read on
#: ``price_as_of``; the model is where resolution starts (see ``congdoan.providers.models``).
DEFAULTS: Mapping[str, ProviderDefaults] = {
    "offline": ProviderDefaults("luyen-tap-1", None),
    "openai": ProviderDefaults(
        "gpt-6.1-terra",
        "https://api.openai.com/v1",
        ("OPENAI_API_KEY",),
        (1.00, 5.00),
        retired_models={
            "gpt-5-mini": Retirement("gpt-6.1-terra", "2026-12-11"),
            "gpt-4o-mini": Retirement("gpt-6.1-terra"),
        },
        family=_OPENAI_FAMILY,
        price_source="OpenAI, trang mô hình gpt-6.1-terra",
    ),
    "gemini": ProviderDefaults(
        "gemini-flash-latest",
        None,  # the google-genai SDK's own endpoint
        ("GEMINI_API_KEY", "GOOGLE_API_KEY"),
        (0.75, 3.75),
        retired_models={
            "gemini-2.5-flash": Retirement("gemini-flash-latest"),
            "gemini-2.0-flash": Retirement("gemini-flash-latest"),
        },
        family=_GEMINI_FAMILY,
        price_source="Google AI, bảng giá Gemini API (Gemini Flash)",
    ),
    "deepseek": ProviderDefaults(
        "deepseek-flash",
        "https://api.deepseek.com",
        ("DEEPSEEK_API_KEY",),
        (0.30, 1.20),  # peak hours; off-peak is half
        retired_models={
            "deepseek-chat": Retirement("deepseek-flash", "2026-07-24"),
            "deepseek-reasoner": Retirement("deepseek-flash", "2026-07-24"),
        },
        family=ModelFamily("DeepSeek Flash", r"deepseek-(?:v(\d+(?:\.\d+)*)-)?flash"),
        price_source="DeepSeek, bảng giá API (giờ cao điểm)",
    ),
    "copilot": ProviderDefaults(
        "openai/gpt-6.1-terra",
        "https://models.github.ai/inference",
        ("GITHUB_TOKEN", "AZURE_OPENAI_API_KEY"),
        (1.00, 5.00),
        retired_models={"openai/gpt-5-mini": Retirement("openai/gpt-6.1-terra", "2026-12-11")},
        family=ModelFamily("GPT Terra qua GitHub Models", r"openai/gpt-(\d+(?:\.\d+)*)-terra"),
        price_source="OpenAI gpt-6.1-terra (GitHub Models có hạn mức miễn phí)",
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
#: so resolution picks the family's newest listed model, and a trainer overrides them
#: with ``CONGDOAN_OPENAI_IMAGE_MODEL`` or ``CONGDOAN_GEMINI_IMAGE_MODEL``.
IMAGE_MODELS: Mapping[str, str] = {
    "openai": "gpt-image-2.6-flare",
    "gemini": "gemini-3.1-flash-image",
}
IMAGE_FAMILIES: Mapping[str, ModelFamily] = {
    "openai": ModelFamily("GPT Image Flare", r"gpt-image-(\d+(?:\.\d+)*)-flare"),
    "gemini": ModelFamily("Gemini Flash Image", r"gemini-(\d+(?:\.\d+)*)-flash-image"),
}
RETIRED_IMAGE_MODELS: Mapping[str, Mapping[str, Retirement]] = {
    "openai": {"gpt-image-1": Retirement("gpt-image-2.6-flare")},
    "gemini": {"gemini-2.5-flash-image": Retirement("gemini-3.1-flash-image")},
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
    #: True when ``CONGDOAN_<P>_MODEL`` names the model: it wins over resolution.
    explicit_model: bool = False
    #: The folder where the vendor's model list is kept for the day.
    cache_dir: Path | None = None
    #: The image model (``CONGDOAN_<P>_IMAGE_MODEL`` or the table), for vendors that draw.
    image_model: str | None = None
    explicit_image_model: bool = False

    @property
    def defaults(self) -> ProviderDefaults:
        return DEFAULTS[self.id]

    @property
    def price_as_of(self) -> str:
        """The day the price estimate was read (ISO date)."""
        return self.defaults.price_as_of

    def estimate_vnd(self, input_tokens: int, output_tokens: int) -> CostEstimate:
        """Estimated cost in đồng from the price table, dated ``price_as_of``."""
        price_in, price_out = self.price_usd_per_mtok
        usd = (input_tokens * price_in + output_tokens * price_out) / 1_000_000
        return CostEstimate(round(usd * self.usd_to_vnd, 2), self.price_as_of)

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
    def cache_dir(self) -> Path:
        """``CONGDOAN_CACHE_DIR``, else the user's cache folder (``~/.cache/congdoan``...)."""
        explicit = self.get("CONGDOAN_CACHE_DIR")
        if explicit:
            return Path(explicit)
        if os.name == "nt" and self.get("LOCALAPPDATA"):
            return Path(self.get("LOCALAPPDATA")) / "congdoan" / "Cache"
        base = self.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
        return Path(base) / "congdoan"

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
        explicit = self.get(prefix + "MODEL")
        explicit_image = self.get(prefix + "IMAGE_MODEL")
        return ProviderSettings(
            id=pid,
            model=explicit or row.model,
            explicit_model=explicit is not None,
            cache_dir=self.cache_dir,
            image_model=explicit_image or IMAGE_MODELS.get(pid),
            explicit_image_model=explicit_image is not None,
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
