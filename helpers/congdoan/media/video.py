"""Short-video scripts as a table, and a checker for TikTok, Reels, Shorts and YouTube.

A script is a pandas table, one row a scene, with Vietnamese columns::

    cảnh | giây | hình ảnh | chữ trên màn hình | lời thoại

English names (``scene``, ``seconds``, ``visual``, ``on_screen``, ``voice``) and common
Vietnamese variants (``thời lượng``, ``lời dẫn``...) are accepted and renamed. A script
written as text, the way ChatGPT or the practice model write it (``Cảnh 1 (0-3 giây):``
followed by ``- Hình ảnh: ...`` lines, or a Markdown table), is read into the same table,
so ``congdoan.check(text, "video_script")`` works on a pasted answer too.

>>> df = script_table([(3, "Cận cảnh công nhân", "Tháng Công nhân 2026", "Bạn đã sẵn sàng?")])
>>> list(df.columns)
['cảnh', 'giây', 'hình ảnh', 'chữ trên màn hình', 'lời thoại']

Reading speed: a Vietnamese syllable is one written word, and a voice-over that viewers
can follow while reading the subtitles runs at about 2.5 syllables a second; we fail a
scene above :data:`MAX_SYLLABLES_PER_SECOND` = 3, already a fast, news-like pace.
Numbers count one syllable per digit, a rough stand-in for how they are read aloud.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..errors import InputError
from ..i18n import msg
from ..report import ERROR, WARNING, Item, Report
from ..text import fold, nfc, normalize, strip_diacritics
from ..vocabulary import HOOK_SECONDS, MAX_SYLLABLES_PER_SECOND, SCENE_SECONDS, syllables

if TYPE_CHECKING:
    import pandas

__all__ = [
    "COLUMNS",
    "MAX_SCREEN_WORDS",
    "MAX_SYLLABLES_PER_SECOND",
    "PLATFORMS",
    "Platform",
    "check_video_script",
    "parse_script",
    "script_table",
    "syllables",
]

SCENE, SECONDS, VISUAL, SCREEN, VOICE = COLUMNS = (
    "cảnh",
    "giây",
    "hình ảnh",
    "chữ trên màn hình",
    "lời thoại",
)
#: On-screen text longer than this cannot be read in a short scene on a phone.
MAX_SCREEN_WORDS = 12


@dataclass(frozen=True)
class Platform:
    """A video platform: its upload limit and the course's target length, in seconds."""

    id: str
    limit: float | None
    target: tuple[float, float]

    @property
    def label(self) -> str:
        return msg(f"media.platform.{self.id}")


#: Upload limits as of 2026 (TikTok in-app 10 min; Reels and Shorts 3 min); targets are
#: the course's: 30-60 s for vertical short videos, 1-5 min for a YouTube clip.
PLATFORMS: dict[str, Platform] = {
    "tiktok": Platform("tiktok", 600, (30, 60)),
    "reels": Platform("reels", 180, (30, 60)),
    "shorts": Platform("shorts", 180, (30, 60)),
    "youtube": Platform("youtube", None, (60, 300)),
}
_PLATFORM_ALIASES = {
    "facebook": "reels",
    "facebook reels": "reels",
    "instagram": "reels",
    "reel": "reels",
    "youtube shorts": "shorts",
}

_ALIASES: dict[str, str] = {
    **dict.fromkeys(("canh", "scene", "stt", "#", "so canh", "no", "so"), SCENE),
    **dict.fromkeys(
        ("giay", "seconds", "second", "secs", "sec", "s", "duration", "thoi luong",
         "thoi gian", "time", "so giay", "length"),
        SECONDS,
    ),
    **dict.fromkeys(
        ("hinh anh", "visual", "visuals", "picture", "image", "images", "hinh", "canh quay",
         "hinh anh canh quay", "mo ta hinh anh", "video", "shot"),
        VISUAL,
    ),
    **dict.fromkeys(
        ("chu tren man hinh", "on screen", "onscreen", "screen", "screen text", "text",
         "on screen text", "chu", "caption", "chu hien thi", "chu tren anh", "title"),
        SCREEN,
    ),
    **dict.fromkeys(
        ("loi thoai", "loi dan", "loi doc", "voice", "voiceover", "voice over", "narration",
         "loi binh", "thuyet minh", "audio", "loi noi", "thoai", "am thanh"),
        VOICE,
    ),
}  # fmt: skip
_TEXT_COLUMNS = (VISUAL, SCREEN, VOICE)
# Calls to action, matched with diacritics so that "công nhân" is not "nhấn" (press)...
_CTA_MARKED = re.compile(
    r"\b(?:hãy|đăng ký|đăng kí|tham gia|theo dõi|chia sẻ|like|bấm|nhấn|bình luận|comment|"
    r"liên hệ|gọi|follow|inbox|nhắn tin|ủng hộ|hưởng ứng|đừng bỏ lỡ|xem thêm|truy cập|"
    r"quét mã|cùng nhau|share|subscribe)\b"
)
# ... and without them only for text typed without diacritics.
_CTA_PLAIN = re.compile(
    r"\b(?:hay|dang ky|dang ki|tham gia|theo doi|chia se|like|bam|nhan|binh luan|comment|"
    r"lien he|goi|follow|inbox|nhan tin|ung ho|huong ung|dung bo lo|xem them|truy cap|"
    r"quet ma|cung nhau|share|subscribe)\b"
)


# -- building the table ----------------------------------------------------------------
def script_table(rows: Any) -> pandas.DataFrame:
    """A script table from rows, a DataFrame or a pasted script text.

    Rows may be dicts (keys in Vietnamese or English) or tuples of
    ``(giây, hình ảnh, chữ trên màn hình, lời thoại)``, optionally preceded by the scene
    number. Raises :class:`InputError` when seconds are missing or not numbers.
    """
    frame = _frame(rows)
    if SECONDS not in frame.columns:
        raise InputError(msg("media.video.no_seconds_column", columns=", ".join(COLUMNS)))
    seconds = [parse_seconds(value) for value in frame[SECONDS]]
    for index, value in enumerate(seconds, start=1):
        if value is None or value <= 0:
            raise InputError(
                msg("media.video.bad_seconds", scene=index, value=frame[SECONDS].iloc[index - 1])
            )
    frame[SECONDS] = seconds
    return frame


def parse_script(text: str) -> pandas.DataFrame:
    """Read a script written as text (scene blocks or a Markdown table) into a table.

    Seconds that cannot be read stay empty (``NaN``); the result may have no rows.
    """
    if not isinstance(text, str):
        raise InputError(msg("media.input.not_text", kind=type(text).__name__))
    text = nfc(text)
    rows = _markdown_rows(text) or _block_rows(text)
    frame = _frame(rows) if rows else _empty()
    if SECONDS in frame.columns:
        frame[SECONDS] = [_or_nan(parse_seconds(v)) for v in frame[SECONDS]]
    return frame


def parse_seconds(value: object) -> float | None:
    """Seconds from ``3``, ``"3s"``, ``"3 giây"``, ``"0-3 giây"`` or ``"00:05-00:12"``."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return None if math.isnan(value) else float(value)
    if not isinstance(value, str):
        return None
    text = fold(value).replace(",", ".")
    clock = re.search(r"(\d+):(\d{2})\s*[-–—]+\s*(\d+):(\d{2})", text)
    if clock:
        a, b, c, d = (int(g) for g in clock.groups())
        return float((c * 60 + d) - (a * 60 + b))
    span = re.search(r"(\d+(?:\.\d+)?)\s*(?:s|giay)?\s*[-–—]+\s*(\d+(?:\.\d+)?)", text)
    if span:
        return float(span.group(2)) - float(span.group(1))
    number = re.search(r"\d+(?:\.\d+)?", text)
    return float(number.group(0)) if number else None


# -- the checker -----------------------------------------------------------------------
def check_video_script(script: Any, platform: str = "tiktok") -> Report:
    """Check a script table (or script text) for ``platform``.

    Codes: ``columns``, ``duration``, ``scene_length``, ``reading_speed``, ``screen_text``,
    ``hook``, ``call_to_action``. ``platform``: ``tiktok``, ``reels``, ``shorts``,
    ``youtube``.
    """
    target = get_platform(platform)
    frame = _lenient_frame(script)
    report = Report("video_script", [_columns(frame)])
    if not report.ok:
        return report
    scenes = _scenes(frame)
    report.extend(
        [
            _duration(scenes, target),
            _scene_length(scenes),
            _reading_speed(scenes),
            _screen_text(scenes),
            _hook(scenes),
            _call_to_action(scenes),
        ]
    )
    return report


def get_platform(name: object) -> Platform:
    if isinstance(name, str):
        key = fold(name).strip().replace("_", " ").replace("-", " ")
        key = _PLATFORM_ALIASES.get(key, key)
        if key in PLATFORMS:
            return PLATFORMS[key]
    raise InputError(msg("media.input.unknown_platform", name=name, choices=", ".join(PLATFORMS)))


@dataclass(frozen=True)
class _Scene:
    number: int
    seconds: float
    screen: str
    voice: str


def _scenes(frame: pandas.DataFrame) -> list[_Scene]:
    return [
        _Scene(i, float(row[SECONDS]), _cell(row.get(SCREEN)), _cell(row.get(VOICE)))
        for i, (_, row) in enumerate(frame.iterrows(), start=1)
    ]


def _columns(frame: pandas.DataFrame) -> Item:
    hint = msg("media.video.columns_hint", columns=", ".join(COLUMNS))
    if frame.empty:
        return Item("columns", False, msg("media.video.no_scenes"), hint)
    missing = [c for c in (SECONDS, VISUAL) if c not in frame.columns]
    if SCREEN not in frame.columns and VOICE not in frame.columns:
        missing.append(f"{SCREEN} / {VOICE}")
    if missing:
        text = msg("media.video.columns_missing", missing=", ".join(missing))
        return Item("columns", False, text, hint)
    unreadable = [str(i) for i, v in enumerate(frame[SECONDS], 1) if not _positive(v)]
    if unreadable:
        text = msg("media.video.seconds_unreadable", scenes=", ".join(unreadable))
        return Item("columns", False, text, hint)
    return Item("columns", True, msg("media.video.columns_ok", count=len(frame)), hint)


def _duration(scenes: list[_Scene], platform: Platform) -> Item:
    total = _number(sum(s.seconds for s in scenes))
    low, high = (_number(v) for v in platform.target)
    hint = msg("media.video.duration_hint", platform=platform.label, low=low, high=high)
    if platform.limit is not None and sum(s.seconds for s in scenes) > platform.limit:
        limit = _number(platform.limit)
        text = msg("media.video.duration_over", total=total, platform=platform.label, limit=limit)
        return Item("duration", False, text, hint, ERROR)
    if not platform.target[0] <= sum(s.seconds for s in scenes) <= platform.target[1]:
        text = msg("media.video.duration_off_target", total=total, low=low, high=high)
        return Item("duration", False, text, hint, WARNING)
    return Item("duration", True, msg("media.video.duration_ok", total=total), hint)


def _scene_length(scenes: list[_Scene]) -> Item:
    low, high = SCENE_SECONDS
    bad = [s for s in scenes if not low <= s.seconds <= high]
    hint = msg("media.video.scene_length_hint", low=_number(low), high=_number(high))
    if bad:
        listed = ", ".join(
            msg("media.video.scene_seconds", n=s.number, seconds=_number(s.seconds)) for s in bad
        )
        text = msg("media.video.scene_length_bad", scenes=listed)
        return Item("scene_length", False, text, hint, WARNING)
    text = msg("media.video.scene_length_ok", low=_number(low), high=_number(high))
    return Item("scene_length", True, text, hint, WARNING)


def _reading_speed(scenes: list[_Scene]) -> Item:
    limit = MAX_SYLLABLES_PER_SECOND
    hint = msg("media.video.reading_speed_hint", limit=_number(limit))
    fast = []
    for scene in scenes:
        rate = syllables(scene.voice) / scene.seconds
        if rate > limit:
            fast.append(
                msg(
                    "media.video.scene_rate",
                    n=scene.number,
                    words=syllables(scene.voice),
                    seconds=_number(scene.seconds),
                    rate=f"{rate:.1f}".replace(".", ","),
                )
            )
    if fast:
        text = msg("media.video.reading_speed_fast", scenes="; ".join(fast))
        return Item("reading_speed", False, text, hint)
    return Item("reading_speed", True, msg("media.video.reading_speed_ok", limit=_number(limit)))


def _screen_text(scenes: list[_Scene]) -> Item:
    hint = msg("media.video.screen_text_hint", limit=MAX_SCREEN_WORDS)
    long = [s for s in scenes if len(s.screen.split()) > MAX_SCREEN_WORDS]
    if long:
        listed = ", ".join(
            msg("media.video.scene_words", n=s.number, words=len(s.screen.split())) for s in long
        )
        text = msg("media.video.screen_text_long", scenes=listed, limit=MAX_SCREEN_WORDS)
        return Item("screen_text", False, text, hint, WARNING)
    if not any(s.screen for s in scenes):
        return Item("screen_text", False, msg("media.video.screen_text_none"), hint, WARNING)
    return Item("screen_text", True, msg("media.video.screen_text_ok"), hint, WARNING)


def _hook(scenes: list[_Scene]) -> Item:
    first = scenes[0]
    hint = msg("media.video.hook_hint", seconds=_number(HOOK_SECONDS))
    if first.seconds > HOOK_SECONDS:
        seconds, limit = _number(first.seconds), _number(HOOK_SECONDS)
        text = msg("media.video.hook_long", seconds=seconds, limit=limit)
        return Item("hook", False, text, hint)
    if not first.screen:
        return Item("hook", False, msg("media.video.hook_no_text"), hint)
    return Item("hook", True, msg("media.video.hook_ok", text=first.screen), hint)


def _call_to_action(scenes: list[_Scene]) -> Item:
    last = scenes[-1]
    hint = msg("media.video.cta_hint")
    said = normalize(f"{last.screen} {last.voice}").lower()
    plain = strip_diacritics(said)
    if _CTA_MARKED.search(said) or (said == plain and _CTA_PLAIN.search(plain)):
        return Item("call_to_action", True, msg("media.video.cta_ok", n=last.number), hint)
    return Item("call_to_action", False, msg("media.video.cta_missing", n=last.number), hint)


# -- table plumbing --------------------------------------------------------------------
def _frame(rows: Any) -> pandas.DataFrame:
    import pandas

    if isinstance(rows, str):
        return parse_script(rows)
    if isinstance(rows, pandas.DataFrame):
        frame = rows.copy()
    elif isinstance(rows, Iterable) and not isinstance(rows, bytes | Mapping):
        frame = _from_rows(list(rows))
    else:
        raise InputError(msg("media.input.bad_rows", kind=type(rows).__name__))
    frame = frame.rename(columns=_canonical_names(frame.columns))
    frame = frame.loc[:, ~frame.columns.duplicated()]
    for column in _TEXT_COLUMNS:
        if column in frame.columns:
            frame[column] = [_cell(v) for v in frame[column]]
    frame[SCENE] = list(range(1, len(frame) + 1))
    ordered = [c for c in COLUMNS if c in frame.columns]
    return frame[ordered].reset_index(drop=True)


def _from_rows(rows: list[Any]) -> pandas.DataFrame:
    import pandas

    if not rows:
        raise InputError(msg("media.input.no_rows"))
    if all(isinstance(r, Mapping) for r in rows):
        records = [_canonical_row(r) for r in rows]
        frame = pandas.DataFrame(records)
        for column in _TEXT_COLUMNS:
            if column not in frame.columns:
                frame[column] = ""
        return frame
    records = []
    for index, row in enumerate(rows, start=1):
        if isinstance(row, str | bytes) or not isinstance(row, Iterable):
            raise InputError(msg("media.input.bad_row", n=index))
        cells = list(row)
        if len(cells) == 5:
            cells = cells[1:]
        if len(cells) != 4:
            raise InputError(msg("media.input.bad_row", n=index))
        records.append(dict(zip(COLUMNS[1:], cells, strict=True)))
    return pandas.DataFrame(records, columns=list(COLUMNS[1:]))


def _canonical_row(row: Mapping[Any, Any]) -> dict[Any, Any]:
    """One row with its keys renamed to the Vietnamese columns (the first spelling wins)."""
    names = _canonical_names(row)
    record: dict[Any, Any] = {}
    for key, value in row.items():
        record.setdefault(names.get(key, key), value)
    return record


def _canonical_names(columns: Iterable[Any]) -> dict[Any, str]:
    names = {}
    for column in columns:
        key = fold(str(column))
        key = re.sub(r"\(.*?\)", " ", key)
        key = re.sub(r"[_\-:*/]+", " ", key)
        key = " ".join(key.split())
        if key in _ALIASES:
            names[column] = _ALIASES[key]
        elif str(column) in COLUMNS:
            names[column] = str(column)
    return names


def _lenient_frame(script: Any) -> pandas.DataFrame:
    import pandas

    if isinstance(script, str):
        return parse_script(script)
    if not isinstance(script, pandas.DataFrame | list | tuple):
        raise InputError(msg("media.input.bad_rows", kind=type(script).__name__))
    frame = _frame(script)
    if SECONDS in frame.columns:
        frame[SECONDS] = [_or_nan(parse_seconds(v)) for v in frame[SECONDS]]
    return frame


def _empty() -> pandas.DataFrame:
    import pandas

    return pandas.DataFrame(columns=list(COLUMNS))


def _markdown_rows(text: str) -> list[dict[str, str]]:
    lines = [ln.strip() for ln in text.splitlines() if ln.strip().startswith("|")]
    if len(lines) < 2:
        return []
    cells = [[c.strip() for c in ln.strip("|").split("|")] for ln in lines]
    header = cells[0]
    body = [row for row in cells[1:] if not all(re.fullmatch(r":?-{2,}:?", c) for c in row if c)]
    names = _canonical_names(header)
    if SECONDS not in names.values():
        return []
    return [
        {names.get(h, h): v for h, v in zip(header, row, strict=False)} for row in body if any(row)
    ]


_SCENE_HEADER = re.compile(r"^[\W_]*(?:canh|scene)\s*(\d+)\b(.*)$", re.IGNORECASE)
_FIELD = re.compile(r"^[\s\-*•+]*([^:：]{1,40}?)\s*\**\s*[:：]\s*\**\s*(.*)$")


def _block_rows(text: str) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    current: dict[str, str] | None = None
    field: str | None = None
    for line in text.splitlines():
        folded = strip_diacritics(line)
        header = _SCENE_HEADER.match(folded.strip())
        if header:
            current = {SECONDS: header.group(2)}
            rows.append(current)
            field = None
            continue
        if current is None:
            continue
        if not line.strip():
            field = None  # a blank line ends the field; notes after a scene are not its text
            continue
        match = _FIELD.match(line)
        name = _canonical_names([match.group(1)]).get(match.group(1)) if match else None
        if match and name:
            field = name
            current[field] = match.group(2).strip() if name != SECONDS else match.group(2)
        elif field and field != SECONDS:
            current[field] = f"{current.get(field, '')} {line.strip()}".strip()
    for row in rows:
        row[SECONDS] = row.get(SECONDS, "")
        for column in _TEXT_COLUMNS:
            row.setdefault(column, "")
    return rows


def _cell(value: object) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return nfc(str(value)).strip().strip('“”"').strip()


def _positive(value: object) -> bool:
    return isinstance(value, int | float) and not math.isnan(value) and value > 0


def _or_nan(value: float | None) -> float:
    return math.nan if value is None else value


def _number(value: float) -> str:
    return f"{value:g}".replace(".", ",")
