"""The practice model drafts a biên bản (meeting minutes) that passes the minutes check."""

from __future__ import annotations

import datetime as dt

from congdoan.documents import check

from .conftest import placeholders, run

TODAY = dt.date(2026, 5, 1)
DETAILED = (
    "Soạn biên bản họp Ban Chấp hành Công đoàn cơ sở Công ty TNHH May mặc Hương Giang (cấp "
    "trên: Liên đoàn Lao động thành phố Huế) lúc 14h00 ngày 20/4/2026 tại Phòng họp số 2. "
    "Thành phần: Ủy viên Ban Chấp hành. Chủ trì: đồng chí Lê Thị Hoa, Chủ tịch. Thư ký: đồng "
    "chí Trần Văn Nam. Nội dung: triển khai kế hoạch Tháng Công nhân năm 2026. Kết luận: "
    "thống nhất tổ chức Ngày hội hiến máu ngày 10/5/2026. Cuộc họp kết thúc lúc 16h00."
)


def test_minutes_are_recognised_even_when_the_notes_mention_a_plan():
    assert run("Soạn biên bản họp bàn kế hoạch Tết Sum vầy", today=TODAY).task == "minutes"


def test_a_detailed_prompt_gives_minutes_that_pass_the_check():
    answer = run(DETAILED, today=TODAY)

    assert answer.task == "minutes" and placeholders(answer.draft) == 0
    for given in ("14h00", "20/4/2026", "Phòng họp số 2", "Lê Thị Hoa", "Trần Văn Nam",
                  "16h00", "thống nhất tổ chức Ngày hội hiến máu ngày 10/5/2026"):  # fmt: skip
        assert given in answer.draft, given
    report = check(answer.text, "minutes", today=TODAY)
    assert report.ok, str(report)
    assert report["signatures"].ok and report["closing"].ok


def test_a_vague_prompt_leaves_the_minutes_parts_to_fill():
    vague = run("Soạn biên bản họp", today=TODAY)
    detailed = run(DETAILED, today=TODAY)
    assert placeholders(vague.draft) > placeholders(detailed.draft)
    assert {"chair", "secretary", "closing"} <= set(vague.missing)
