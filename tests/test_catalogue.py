"""The message catalogue: complete in both languages, NFC Vietnamese, matching fields."""

from __future__ import annotations

import re
import unicodedata

import pytest

from congdoan.i18n import catalogue, msg, placeholders

VI, EN = catalogue("vi"), catalogue("en")


def test_both_languages_have_the_same_keys():
    assert set(VI) == set(EN)


@pytest.mark.parametrize("key", sorted(VI))
def test_placeholders_match(key):
    assert placeholders(VI[key]) == placeholders(EN[key]), key


@pytest.mark.parametrize("key", sorted(VI))
def test_vietnamese_messages_are_nfc_and_not_empty(key):
    text = VI[key]
    assert text.strip(), key
    assert unicodedata.is_normalized("NFC", text), key


_VIETNAMESE_LETTERS = re.compile(r"[ăâđêôơưàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵ]", re.I)


def test_vietnamese_edition_is_vietnamese():
    """Most Vietnamese sentences carry diacritics; a catalogue of bare ASCII is a bug."""
    sentences = [t for t in VI.values() if len(t.split()) >= 4]
    with_marks = [t for t in sentences if _VIETNAMESE_LETTERS.search(t)]
    assert len(with_marks) / len(sentences) > 0.95


def test_msg_fills_fields_and_falls_back():
    assert "OPENAI_API_KEY" in msg(
        "errors.provider.missing_key", provider="X", variable="OPENAI_API_KEY"
    )
    with pytest.raises(KeyError):
        msg("no.such.key")
