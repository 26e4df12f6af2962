"""facts.verify rules written for the second held-out round (session 4).

A wrong date or year the first round's rules left "not found", and a person given
another's post, which was "supported" because both names are in the source.
"""

from __future__ import annotations

from congdoan.facts import verify


def _verdicts(answer: str, sources) -> list[str]:
    return [claim.verdict for claim in verify(answer, sources).claims]


def test_this_law_means_the_source_named_by_its_title():
    sources = {"Luật Công đoàn 2024": "Luật này có hiệu lực thi hành từ ngày 01/7/2025."}
    wrong = "Luật Công đoàn năm 2024 có hiệu lực từ ngày 01/7/2024."
    right = "Luật Công đoàn năm 2024 có hiệu lực từ ngày 01/7/2025."
    assert _verdicts(wrong, sources) == ["contradicted"]
    assert _verdicts(right, sources) == ["not_found"]  # 2024 is in no sentence of the source


def test_a_source_without_a_title_gains_nothing_from_this_law():
    assert _verdicts(
        "Luật Công đoàn năm 2024 có hiệu lực từ ngày 01/7/2024.",
        "Luật này có hiệu lực thi hành từ ngày 01/7/2025.",
    ) == ["not_found"]


def test_held_and_met_name_the_same_event():
    source = "Đại hội Công đoàn cơ sở nhiệm kỳ 2023 - 2028 họp ngày 16/6/2023 tại hội trường."
    assert _verdicts("Đại hội tổ chức ngày 15/6/2023.", source) == ["contradicted"]
    assert _verdicts("Đại hội tổ chức ngày 16/6/2023.", source) == ["supported"]


def test_a_person_given_another_post_is_contradicted():
    source = (
        "Đại hội bầu đồng chí Lê Thị Hương giữ chức Chủ tịch, đồng chí Trần Văn Long giữ"
        " chức Phó Chủ tịch."
    )
    report = verify("Chủ tịch Công đoàn cơ sở là đồng chí Trần Văn Long.", source)
    assert [c.verdict for c in report.claims] == ["contradicted"]
    assert report.claims[0].evidence is not None
    assert _verdicts("Phó Chủ tịch là đồng chí Trần Văn Long.", source) == ["supported"]


def test_a_post_the_source_does_not_give_is_no_contradiction():
    source = "Đồng chí Lê Thị Hương, nguyên Phó Chủ tịch, được bầu làm Chủ tịch Công đoàn cơ sở."
    assert _verdicts("Đồng chí Lê Thị Hương là Chủ tịch Công đoàn cơ sở.", source) == ["supported"]
