"""SRT subtitles: writing from a script, reading back, and checking."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import congdoan
from congdoan.errors import InputError
from congdoan.media import check_srt, format_time, parse_srt, script_table, to_srt, write_srt
from congdoan.media.srt import MAX_LINE_CHARS, MAX_LINES

SCRIPT = script_table(
    [
        (3, "Hoa mai", "Tết Sum vầy 2026", "Tết đến rồi!"),
        (4.5, "Chợ Tết", "Chợ Tết Công đoàn", ""),
        (
            10,
            "Trao quà",
            "Trao quà",
            "Ban Chấp hành Công đoàn cơ sở trao 50 suất quà cho đoàn viên có hoàn cảnh khó "
            "khăn, mỗi suất gồm tiền mặt và nhu yếu phẩm, tại hội trường Công ty vào sáng "
            "thứ Bảy tuần này.",
        ),
    ]
)


def test_format_time():
    assert format_time(0) == "00:00:00,000"
    assert format_time(3.5) == "00:00:03,500"
    assert format_time(3725.0444) == "01:02:05,044"


def test_to_srt_times_cues_from_cumulative_seconds():
    text = to_srt(SCRIPT)
    assert text.startswith(
        "1\n00:00:00,000 --> 00:00:03,000\nTết đến rồi!\n\n"
        "2\n00:00:03,000 --> 00:00:07,500\nChợ Tết Công đoàn\n\n"  # no voice: on-screen text
        "3\n00:00:07,500 --> "
    )
    cues = parse_srt(text)
    assert [c.index for c in cues] == list(range(1, len(cues) + 1))
    assert cues[-1].end == 17.5
    assert all(a.end == b.start for a, b in itertools.pairwise(cues))


def test_long_voice_over_is_wrapped_and_split():
    cues = parse_srt(to_srt(SCRIPT))
    assert len(cues) > 3  # scene 3 needs several cues
    for cue in cues:
        assert len(cue.lines) <= MAX_LINES
        assert all(0 < len(line) <= MAX_LINE_CHARS for line in cue.lines)
    spoken = " ".join(" ".join(c.lines) for c in cues[2:])
    assert spoken == " ".join(SCRIPT.loc[2, "lời thoại"].split())
    assert check_srt(to_srt(SCRIPT)).failed_codes == []


def test_write_srt_is_utf8_and_reads_back(tmp_path):
    path = write_srt(SCRIPT, tmp_path / "sub" / "phu-de.srt")
    raw = path.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf") and b"\r\n" not in raw
    assert raw.decode("utf-8") == to_srt(SCRIPT)
    again = write_srt(raw.decode("utf-8"), tmp_path / "copy.srt")
    assert again.read_text(encoding="utf-8") == to_srt(SCRIPT)
    with pytest.raises(InputError):
        write_srt("1\nkhông phải thời gian --> x\nchữ", tmp_path / "bad.srt")


GOOD = (
    "1\n00:00:00,000 --> 00:00:02,000\nXin chào\n\n2\n00:00:02,000 --> 00:00:04,500\nTết đến rồi\n"
)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (GOOD.replace("2\n00:00:02", "3\n00:00:02"), "numbering"),
        (GOOD.replace("00:00:02,000 --> 00:00:04,500", "00:00:01,500 --> 00:00:04,500"), "timing"),
        (GOOD.replace("00:00:02,000 --> 00:00:04,500", "00:00:04,500 --> 00:00:04,000"), "timing"),
        (GOOD.replace("Xin chào", "x" * 43), "line_length"),
        (GOOD.replace("Xin chào", "một\nhai\nba"), "line_count"),
        (GOOD.replace("00:00:02,000 -->", "00:00:02 -->"), "format"),
        ("xin chào", "format"),
        ("", "format"),
    ],
)
def test_check_srt_finds_each_fault(text, code):
    report = check_srt(text)
    assert report.failed_codes == [code], str(report)
    assert report[code].hint


def test_check_srt_accepts_good_files_with_bom_and_crlf():
    assert check_srt("\ufeff" + GOOD.replace("\n", "\r\n")).failed_codes == []
    assert congdoan.check(GOOD, "srt").kind == "srt"


def test_parse_srt_rejects_broken_text():
    with pytest.raises(InputError, match="khối 1"):
        parse_srt("1\n00:00 --> 00:01\nx")
    with pytest.raises(InputError):
        parse_srt(b"1")  # type: ignore[arg-type]


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_check_srt_never_raises_on_text(text):
    assert check_srt(text).items


@settings(max_examples=50, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 12), st.text(max_size=200)), min_size=1, max_size=6))
def test_any_script_gives_valid_subtitles(rows):
    text = to_srt(script_table([(s, "", "", voice) for s, voice in rows]))
    if text.strip():
        report = check_srt(text)
        assert report.failed_codes == [], str(report)
