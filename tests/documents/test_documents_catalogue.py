"""The text and documents message files: same keys and placeholders in vi and en, NFC, accents."""

from __future__ import annotations

import tomllib
import unicodedata
from pathlib import Path

import pytest

import congdoan
from congdoan.i18n import _flatten, placeholders

MESSAGES = Path(congdoan.__file__).parent / "messages"
DOMAINS = ("text", "documents")


def _load(lang: str, domain: str) -> dict[str, str]:
    with (MESSAGES / lang / f"{domain}.toml").open("rb") as handle:
        flat: dict[str, str] = {}
        _flatten(tomllib.load(handle), domain, flat)
        return flat


@pytest.mark.parametrize("domain", DOMAINS)
def test_same_keys_and_placeholders_in_both_languages(domain: str) -> None:
    vi, en = _load("vi", domain), _load("en", domain)
    assert set(vi) == set(en)
    for key in vi:
        assert placeholders(vi[key]) == placeholders(en[key]), key


@pytest.mark.parametrize("domain", DOMAINS)
def test_vietnamese_messages_are_nfc_with_diacritics(domain: str) -> None:
    raw = (MESSAGES / "vi" / f"{domain}.toml").read_text(encoding="utf-8")
    assert unicodedata.is_normalized("NFC", raw)
    for key, text in _load("vi", domain).items():
        if key.startswith("documents.kind."):
            continue
        assert any(ord(ch) > 127 for ch in text), key


def test_every_check_has_ok_and_hint_messages() -> None:
    from congdoan.documents.checks import REGISTRY

    vi = _load("vi", "documents")
    codes = {key.split(".")[1] for key in vi} - {"kind", "input", "docx"}
    for kind, checks in REGISTRY.items():
        assert f"documents.kind.{kind}" in vi
        assert len(checks) > 0
    for code in codes:
        assert f"documents.{code}.ok" in vi, code
        assert f"documents.{code}.hint" in vi, code
