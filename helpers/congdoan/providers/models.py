"""Which model a provider uses today, when vendors retire models every few months.

The defaults table (``congdoan.config.DEFAULTS``) names a starting model and a
*family* for each provider. At first use a provider lists the vendor's models (kept
for the day in the user's cache folder, so a class of thirty asks once a day, not
thirty times a minute) and :func:`choose` decides:

* ``CONGDOAN_<P>_MODEL`` (or ``ask(model=...)``) wins, unless the vendor retired that
  model: then :class:`~congdoan.errors.ModelRetired` names the replacement; a model
  that retires soon is used with a notice giving the date;
* otherwise the configured default is used if the vendor still lists it, else the
  newest model of the family, and the trainee is told once, in Vietnamese, which model
  was chosen and why;
* when the list cannot be read (no network, a server without a model list), the
  configured name is used as it is and the vendor's own answer decides.
"""

from __future__ import annotations

import hashlib
import json
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from ..config import ModelFamily, Retirement, provider_label, vn_date
from ..errors import ModelRetired
from ..i18n import msg
from .base import ModelNames

if TYPE_CHECKING:
    from .base import Provider

__all__ = ["Choice", "ListedModel", "choose", "listing", "newest", "today", "vn_date"]

_told: set[tuple] = set()
_told_lock = threading.Lock()
#: When listing last failed, per cache file: a vendor that is down is not asked for its
#: list before every question (each would wait for it), only every few minutes.
_failed: dict[str, float] = {}
RETRY_LISTING_AFTER_SECONDS = 600.0


@dataclass(frozen=True)
class ListedModel:
    """One model the vendor lists; ``created`` (Unix time) and ``shutdown`` (ISO) when given."""

    id: str
    created: int | None = None
    shutdown: str | None = None


@dataclass(frozen=True)
class Choice(ModelNames):
    """The model to call, the name configuration asked for, and what happened between."""

    #: ``configured`` (listed or unchecked), ``replaced`` (family's newest), ``retiring``.
    state: str
    notice: str | None = None


def today() -> date:
    """Today's date; tests replace this function to check retirements on other days."""
    return date.today()


def choose(
    provider: Provider,
    model: str,
    *,
    explicit: bool,
    family: ModelFamily | None,
    retired: Mapping[str, Retirement],
    setting: str,
    fetch: bool = True,
    remember: bool = True,
) -> Choice:
    """Decide which model ``provider`` calls (see the module docstring).

    ``fetch=False`` decides from the table and today's cache only (no network);
    ``remember=False`` leaves the "tell once" notice for the trainee's next answer.
    """
    label = provider_label(provider.settings.id)
    tell = _once if remember else _always
    if explicit:
        return _explicit(provider, model, family, retired, setting, label, fetch, tell)
    if family is None:
        return Choice(model, model, "configured")
    models = listing(provider, fetch=fetch)
    if models is None:
        return Choice(model, model, "configured")
    if _offered(model, models, retired, family):
        return Choice(model, model, "configured")
    best = newest(models, family)
    if best is None or best == model:
        return Choice(model, model, "configured")
    notice = msg(
        "models.replaced",
        provider=label,
        configured=model,
        model=best,
        family=family.name,
        setting=setting,
    )
    return Choice(best, model, "replaced", tell(provider, model, best, notice))


def newest(models: Sequence[ListedModel], family: ModelFamily) -> str | None:
    """The family's newest model that is not shut down: highest version, then latest created."""
    live = [m for m in models if family.matches(m.id) and not _shut(m)]
    if not live:
        return None
    return max(live, key=lambda m: (family.version(m.id), m.created or 0)).id


def listing(provider: Provider, *, fetch: bool = True) -> list[ListedModel] | None:
    """The vendor's models, from today's cache file or (when ``fetch``) from the vendor.

    ``None`` when the list cannot be had. A failed listing is not written to the cache;
    it is tried again after ``RETRY_LISTING_AFTER_SECONDS``, not before every question.
    """
    path = _cache_file(provider)
    if path is not None and path.is_file():
        try:
            rows = json.loads(path.read_text(encoding="utf-8"))
            return [ListedModel(**row) for row in rows]
        except (OSError, ValueError, TypeError):
            pass  # a damaged cache is read again from the vendor
    if not fetch or _recently_failed(path):
        return None
    try:
        models = provider.list_models()
    except Exception:  # any failure means "not known today"; the real call will tell
        _failed[str(path)] = time.monotonic()
        return None
    if models is None:
        return None
    if path is not None:
        _write(path, models)
    return models


# -- helpers ---------------------------------------------------------------------------
def _explicit(
    provider: Provider,
    model: str,
    family: ModelFamily | None,
    retired: Mapping[str, Retirement],
    setting: str,
    label: str,
    fetch: bool,
    tell,
) -> Choice:
    known = retired.get(model)
    listed = {m.id: m for m in (listing(provider, fetch=False) or [])}
    shut = listed.get(model) is not None and _shut(listed[model])
    if shut or (known is not None and _past(known.date)):
        replacement = _replacement(provider, family, known, model, fetch)
        when = known.date if known and known.date else listed.get(model, ListedModel("")).shutdown
        key = "models.retired_on" if when else "models.retired"
        text = msg(
            key,
            provider=label,
            model=model,
            replacement=replacement,
            setting=setting,
            date=vn_date(when) if when else "",
        )
        raise ModelRetired(text, provider=provider.settings.id, replacement=replacement)
    if known is not None and known.date:
        notice = msg(
            "models.retiring",
            provider=label,
            model=model,
            date=vn_date(known.date),
            replacement=known.replacement,
            setting=setting,
        )
        return Choice(model, model, "retiring", tell(provider, model, model, notice))
    return Choice(model, model, "configured")


def _replacement(
    provider: Provider,
    family: ModelFamily | None,
    known: Retirement | None,
    model: str,
    fetch: bool,
) -> str:
    """The family's newest listed model, else the table's successor, else the default."""
    models = listing(provider, fetch=fetch) if family is not None else None
    best = newest(models, family) if models and family else None
    if best and best != model:
        return best
    if known is not None:
        return known.replacement
    return provider.settings.defaults.model


def _offered(
    model: str,
    models: Sequence[ListedModel],
    retired: Mapping[str, Retirement],
    family: ModelFamily,
) -> bool:
    known = retired.get(model)
    if known is not None and _past(known.date):
        return False
    for listed in models:
        if listed.id == model:
            return not _shut(listed)
    return False


def _shut(model: ListedModel) -> bool:
    return model.shutdown is not None and _past(model.shutdown)


def _past(iso: str | None) -> bool:
    """True for a date that has come (``None`` means "already retired, date unknown")."""
    if iso is None:
        return True
    try:
        return date.fromisoformat(iso[:10]) <= today()
    except ValueError:
        return False


def _once(provider: Provider, configured: str, chosen: str, notice: str) -> str | None:
    """The notice the first time this switch happens in this session, ``None`` after."""
    key = (str(provider.settings.cache_dir), provider.settings.id, configured, chosen)
    with _told_lock:
        if key in _told:
            return None
        _told.add(key)
    return notice


def _recently_failed(path: Path | None) -> bool:
    failed_at = _failed.get(str(path))
    return failed_at is not None and time.monotonic() - failed_at < RETRY_LISTING_AFTER_SECONDS


def _always(provider: Provider, configured: str, chosen: str, notice: str) -> str:
    return notice


def _cache_file(provider: Provider) -> Path | None:
    folder = provider.settings.cache_dir
    if folder is None:
        return None
    where = f"{provider.settings.id} {provider.settings.base_url} {provider.settings.extra}"
    digest = hashlib.sha256(where.encode()).hexdigest()[:12]
    return Path(folder) / f"models-{provider.settings.id}-{digest}-{today().isoformat()}.json"


def _write(path: Path, models: list[ListedModel]) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(".tmp")
        temporary.write_text(json.dumps([asdict(m) for m in models]), encoding="utf-8")
        temporary.replace(path)
    except OSError:
        pass  # a read-only home folder only costs a listing per call
