"""The extractive summary: verbatim sentences of the source, in order, as many as asked."""

from __future__ import annotations

import re

import pytest

from congdoan.practice import split_sentences, summarise

from .conftest import placeholders, run

SOURCE = (
    "Sáng ngày 28/4/2026, Liên đoàn Lao động thành phố Huế tổ chức Lễ phát động Tháng Công nhân "
    "và Tháng hành động về an toàn, vệ sinh lao động năm 2026. Tham dự buổi lễ có đại diện lãnh "
    "đạo thành phố, các sở, ngành và hơn 500 đoàn viên, người lao động. Tháng Công nhân năm nay "
    "tập trung chăm lo đời sống vật chất, tinh thần cho đoàn viên, người lao động. Trong khuôn khổ "
    "chương trình, Công đoàn đã trao 200 suất quà cho công nhân có hoàn cảnh khó khăn. Mỗi suất "
    "quà trị giá 1.000.000 đồng. Buổi lễ diễn ra trong không khí vui tươi. Các công đoàn cơ sở "
    "được đề nghị tổ chức đối thoại giữa người lao động và người sử dụng lao động trong tháng 5. "
    "Công tác an toàn, vệ sinh lao động được nhấn mạnh là nhiệm vụ trọng tâm của công đoàn các "
    "cấp. Thời tiết hôm đó nắng đẹp. Liên đoàn Lao động thành phố Huế cũng phát động phong trào "
    "thi đua sáng kiến trong công nhân, người lao động."
)


def _picked(draft: str) -> list[str]:
    return [m.group(1) for m in re.finditer(r"^(?:\d+\.|-) (.+)$", draft, re.M)]


def test_split_sentences_keeps_numbers_and_abbreviations():
    text = "Trao 1.000.000 đồng tại TP. Huế ngày 15/5/2026. Câu thứ hai! Câu ba?"
    assert split_sentences(text) == [
        "Trao 1.000.000 đồng tại TP. Huế ngày 15/5/2026.",
        "Câu thứ hai!",
        "Câu ba?",
    ]


def test_split_sentences_reads_bullets_and_lines():
    assert split_sentences("THÔNG BÁO\n- Ý một;\n- Ý hai.") == ["THÔNG BÁO", "Ý một;", "Ý hai."]


@pytest.mark.parametrize("count", [1, 2, 3, 5])
def test_summary_respects_the_requested_number_of_sentences(count):
    result = run(f"Tóm tắt văn bản sau trong {count} câu:\n{SOURCE}")
    assert result.task == "summary"
    picked = _picked(result.draft)
    assert len(picked) == count
    for sentence in picked:
        assert sentence in SOURCE  # verbatim
    positions = [SOURCE.index(s) for s in picked]
    assert positions == sorted(positions)  # original order


def test_summary_in_bullets():
    result = run(f"tom tat thanh 4 y: {SOURCE}")
    bullets = [line for line in result.draft.splitlines() if line.startswith("- ")]
    assert len(bullets) == 4
    assert all(b[2:] in SOURCE for b in bullets)


def test_summary_respects_a_word_limit():
    result = run(f"Tóm tắt đoạn sau, tối đa 40 từ:\n{SOURCE}")
    picked = _picked(result.draft)
    assert picked and sum(len(s.split()) for s in picked) <= 40


def test_summary_prefers_central_sentences():
    picked = summarise(SOURCE, count=3).sentences
    assert "Thời tiết hôm đó nắng đẹp." not in picked
    assert picked[0].startswith("Sáng ngày 28/4/2026")


def test_summary_of_quoted_text_and_of_text_before_the_instruction():
    quoted = run(f"Tóm tắt giúp tôi đoạn “{SOURCE}” trong 2 câu")
    before = run(f"{SOURCE}\nTóm tắt đoạn trên trong 2 câu")
    for result in (quoted, before):
        assert result.task == "summary"
        assert len(_picked(result.draft)) == 2
        assert all(s in SOURCE for s in _picked(result.draft))


def test_vague_summary_asks_for_the_text():
    vague = run("Tóm tắt giúp tôi")
    detailed = run(f"Tóm tắt văn bản sau trong 3 câu:\n{SOURCE}")
    assert vague.missing == ["source"]
    assert placeholders(detailed.text) < placeholders(vague.text)
    assert placeholders(detailed.draft) == 0


def test_follow_up_shortens_the_same_text():
    result = run(f"Tóm tắt văn bản sau:\n{SOURCE}", "ngắn hơn nữa, chỉ 2 câu thôi")
    assert result.task == "summary"
    picked = _picked(result.draft)
    assert len(picked) == 2 and all(s in SOURCE for s in picked)


def test_pasted_document_is_not_mistaken_for_a_notice():
    document = "THÔNG BÁO\nVề việc tổ chức Hội nghị.\n" + SOURCE
    result = run(f"Tóm tắt văn bản sau trong 2 câu:\n{document}")
    assert result.task == "summary"
    assert "THÔNG BÁO" not in _picked(result.draft)
