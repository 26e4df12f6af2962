"""Issue 11: every planted defect of the held-out set is flagged, every clean text is clean.

The set (``tests/data/heldout/documents``) was written before the checkers were changed;
each case is a clean document or post with exactly one defect planted in it.
"""

from __future__ import annotations

import unicodedata

import pytest

from tests import heldout_sets as H

CASES, REMINDERS = H.documents()


def test_the_set_is_large_enough():
    planted = [c for c in CASES if not c.clean]
    assert len(planted) >= 50 and len(CASES) - len(planted) >= 12


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_defect_flagged_or_clean_text_clean(case):
    ok, flagged = H.document_verdict(case, REMINDERS)
    assert ok, f"{case.id}: expected {list(case.flag) or 'clean'}, flagged {flagged}"


@pytest.mark.parametrize("case", CASES[::4], ids=lambda c: c.id)
def test_decomposed_text_gets_the_same_verdict(case):
    """Text from Word on macOS arrives in NFD; the checkers must see the same words."""
    nfd = unicodedata.normalize("NFD", case.text)
    assert H.document_verdict(case, REMINDERS, nfd) == H.document_verdict(case, REMINDERS)
