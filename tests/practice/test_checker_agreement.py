"""The practice model's detailed drafts pass the same document checks trainees face.

The offline model teaches what a good document looks like, so a draft from a complete
prompt must not fail ``congdoan.documents.check`` - tips appended after ``Nơi nhận``
included. A blank ``Số:    /TB-CĐCS`` (the clerk fills it in at issue) is a warning.
"""

from __future__ import annotations

import datetime as dt

import pytest

from congdoan.documents import check

from .conftest import run
from .test_documents import DOCUMENTS

TODAY = dt.date(2026, 1, 5)


@pytest.mark.parametrize("kind", ["notice", "invitation", "plan", "report"])
def test_detailed_drafts_pass_the_document_checks(kind):
    answer = run(DOCUMENTS[kind]["detailed"], today=TODAY)

    for text in (answer.draft, answer.text):  # with and without the tips section
        report = check(text, kind, today=TODAY)
        assert report.ok, str(report)
        assert report.warnings == [report["number"]] or report.warnings == []


def test_vague_drafts_fail_on_the_placeholders():
    report = check(run(DOCUMENTS["notice"]["vague"], today=TODAY).text, "notice", today=TODAY)
    assert not report.ok
    assert "placeholder" in report.failed_codes
