"""The message catalogue: every sentence a trainee or trainer reads comes from here.

Messages live in TOML files under ``congdoan/messages/<lang>/<domain>.toml``. The file
name is the first part of a key, nested tables add the rest: ``errors.toml`` holding
``[provider] missing_key = "..."`` is the key ``errors.provider.missing_key``. Splitting by
domain keeps each module's sentences together while the catalogue stays one whole, so
an English edition is a matter of translating the ``en`` folder.

Vietnamese (``vi``) is the course language and the fallback; the language is chosen by
``set_language()``, else ``CONGDOAN_LANG``, else ``vi``.

>>> msg("errors.input.empty_prompt")  # doctest: +SKIP
'Câu hỏi đang trống. Hãy gõ nội dung bạn muốn hỏi rồi chạy lại ô.'
"""

from __future__ import annotations

import os
import string
import tomllib
import unicodedata
from functools import cache
from pathlib import Path

__all__ = ["LANGUAGES", "catalogue", "get_language", "msg", "set_language"]

LANGUAGES = ("vi", "en")
DEFAULT_LANGUAGE = "vi"
_MESSAGES_DIR = Path(__file__).parent / "messages"
_chosen_language: str | None = None


def set_language(lang: str | None) -> None:
    """Choose the language for all later messages; ``None`` goes back to ``CONGDOAN_LANG``."""
    global _chosen_language
    if lang is not None and lang not in LANGUAGES:
        raise ValueError(f"Unknown language {lang!r}; choose one of {', '.join(LANGUAGES)}")
    _chosen_language = lang


def get_language() -> str:
    """The language in force: ``set_language()``, else ``CONGDOAN_LANG``, else Vietnamese."""
    if _chosen_language:
        return _chosen_language
    env = os.environ.get("CONGDOAN_LANG", "").strip().lower()
    return env if env in LANGUAGES else DEFAULT_LANGUAGE


@cache
def catalogue(lang: str) -> dict[str, str]:
    """All messages of one language as a flat ``{dotted.key: text}`` mapping (NFC)."""
    folder = _MESSAGES_DIR / lang
    merged: dict[str, str] = {}
    for path in sorted(folder.glob("*.toml")):
        with path.open("rb") as handle:
            table = tomllib.load(handle)
        _flatten(table, path.stem, merged)
    return merged


def msg(key: str, /, lang: str | None = None, **fields: object) -> str:
    """Return the message ``key`` in the current language with ``{fields}`` filled in.

    A key missing from the chosen language falls back to Vietnamese; a key missing
    everywhere raises ``KeyError``, which the catalogue tests catch before release.
    """
    lang = lang or get_language()
    template = catalogue(lang).get(key)
    if template is None:
        template = catalogue(DEFAULT_LANGUAGE)[key]
    return template.format(**fields) if fields else template


def placeholders(template: str) -> set[str]:
    """The ``{names}`` a template expects (used by the catalogue consistency tests)."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def _flatten(table: dict, prefix: str, into: dict[str, str]) -> None:
    for name, value in table.items():
        key = f"{prefix}.{name}"
        if isinstance(value, dict):
            _flatten(value, key, into)
        else:
            into[key] = unicodedata.normalize("NFC", str(value))
