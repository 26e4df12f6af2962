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


def test_a_detailed_video_script_passes_the_video_checks():
    from congdoan import ask, check

    reply = ask(
        "Viết kịch bản video TikTok 30 giây giới thiệu Tháng Công nhân 2026 của Công đoàn cơ sở "
        "Công ty Dệt may Huế, kêu gọi đoàn viên đăng ký tham gia giải chạy lúc 6h00 ngày "
        "10/5/2026 tại Quảng trường Ngọ Môn"
    )
    report = check(reply, "video_script")
    assert report.failed_codes == [], str(report)
