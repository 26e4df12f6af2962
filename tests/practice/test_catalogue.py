"""The practice messages: same keys and fields in every language, every used key present."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

import congdoan.practice
from congdoan.i18n import catalogue, placeholders
from congdoan.practice.tasks import TASKS

PACKAGE = Path(congdoan.practice.__file__).parent


def _practice(lang: str) -> dict[str, str]:
    return {k: v for k, v in catalogue(lang).items() if k.startswith("practice.")}


def test_languages_have_the_same_keys_and_fields():
    vi, en = _practice("vi"), _practice("en")
    assert vi and set(vi) == set(en)
    for key in vi:
        assert placeholders(vi[key]) == placeholders(en[key]), key


def test_vietnamese_files_are_nfc():
    for lang in ("vi", "en"):
        raw = (PACKAGE.parent / "messages" / lang / "practice.toml").read_text(encoding="utf-8")
        assert unicodedata.normalize("NFC", raw) == raw


def test_every_literal_key_used_in_the_code_exists():
    vi = _practice("vi")
    used = set()
    for path in PACKAGE.glob("*.py"):
        used |= set(re.findall(r"""\bt\(\s*"([a-z_.0-9]+)\"""", path.read_text(encoding="utf-8")))
    assert used
    missing = sorted(key for key in used if f"practice.{key}" not in vi)
    assert missing == []


def test_every_slot_label_has_an_example_and_every_task_an_example_prompt():
    vi = _practice("vi")
    slots = [k.split(".")[-1] for k in vi if k.startswith("practice.slot.")]
    for slot in slots:
        assert f"practice.tips.example.{slot}" in vi, slot
    for task in TASKS:
        assert f"practice.tips.prompt.{task}" in vi, task


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_tips_never_contain_a_placeholder(lang):
    for key, value in _practice(lang).items():
        if key.startswith("practice.tips"):
            assert "[bổ sung:" not in value, key
