"""Issue 11: the personal data guard on the held-out set (tests/data/heldout/privacy).

Precision and recall must both stay at or above 0.97; every negative sample (tax codes,
meeting IDs, dates that are not birthdays, street names) must give no finding.
"""

from __future__ import annotations

import pytest

from congdoan import privacy
from tests import heldout_sets as H

SAMPLES = H.privacy_samples()
NEGATIVES = [s for s in SAMPLES if s[0].startswith("negatives:")]


def test_precision_and_recall_are_at_least_097():
    tp, fp, fn = H.privacy_score()
    assert len(tp) / (len(tp) + len(fp)) >= 0.97
    assert len(tp) / (len(tp) + len(fn)) >= 0.97


@pytest.mark.parametrize("sample", NEGATIVES, ids=lambda s: s[0])
def test_no_false_alarm(sample):
    _, text, _ = sample
    assert privacy.find(text) == []


@pytest.mark.parametrize(
    "sample", [s for s in SAMPLES if s[0].startswith("tables:")], ids=lambda s: s[0]
)
def test_table_columns_are_read_by_their_header(sample):
    _, text, expected = sample
    found = {(f.kind, f.start, f.end) for f in privacy.find(text)}
    assert found == set(expected)


def test_redacted_member_list_keeps_no_number():
    text = "STT\tHọ và tên\tSố CMND\tSĐT\n1\tVõ Văn Sơn\t191234567\t0905123456"
    redacted = privacy.redact(text)
    assert "191234567" not in redacted and "Võ Văn Sơn" not in redacted
    assert redacted.splitlines()[0] == text.splitlines()[0]  # the header stays readable
