"""Checker for union fanpage (Facebook) and Zalo Official Account posts.

A post written with AI help still has to work on the channel: a first line that stops
the scroll, the call to action before "Xem thêm", hashtags in the right form, no
personal data, and every number and date checked by a person (AI models invent them).

>>> report = check("Bạn đã đăng ký Hội thao chưa? ...", "facebook")  # doctest: +SKIP

Channel numbers live in :data:`LIMITS`, one row per channel:

* Facebook cuts a feed post at about 3 lines or 125 characters with "Xem thêm"; studies
  find 40-120 characters perform best, so the hook must fit there. A post may be 63,206
  characters long; the course recommends at most 1,000. 1-5 hashtags.
* Zalo Official Account text messages allow at most 2,000 characters (Zalo OA API); the
  chat list previews about the first 100. Hashtags are little used: 0-3.

The recommended ranges are course choices (warnings); only an empty post or one over the
channel's hard limit is an error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import privacy
from .errors import InputError
from .i18n import msg
from .pasted import (
    encoding_item,
    markup_item,
    outdated_item,
    placeholder_item,
    preamble_item,
    real_date_item,
    weekday_item,
)
from .report import ERROR, WARNING, Item, Report, Severity
from .text import find_dates, find_money, find_times, fold, nfc

__all__ = ["CHANNELS", "CODES", "LIMITS", "ChannelLimits", "check"]

CODES = (
    "hook", "length", "hashtags", "call_to_action", "emoji", "privacy", "verify_facts",
    "union_identity", "markup", "preamble", "weekday", "real_date", "placeholder",
    "outdated_unit",
)  # fmt: skip


@dataclass(frozen=True)
class ChannelLimits:
    """What one channel shows before the fold and how long and tagged a post should be."""

    fold_chars: int  # characters shown before "Xem thêm" / in the preview
    fold_lines: int  # lines shown before the cut
    hook_max: int  # longest first line that still works as a hook
    recommended_min: int
    recommended_max: int
    hard_max: int  # the channel refuses longer posts
    hashtags_min: int
    hashtags_max: int


LIMITS: dict[str, ChannelLimits] = {
    "facebook": ChannelLimits(125, 3, 120, 40, 1000, 63_206, 1, 5),
    "zalo": ChannelLimits(100, 3, 80, 40, 1000, 2000, 0, 3),
}
CHANNELS = tuple(LIMITS)
EMOJI_FREE = 3  # a post may always carry this many emoji
EMOJI_PER_100_CHARS = 3  # above this density the post looks like spam
EMOJI_RUN_MAX = 3  # more in a row than this is a warning
FACTS_SHOWN = 8  # how many numbers the verify_facts message lists

_HOOK_WORDS = re.compile(
    r"^(?:hay|cung|tham gia|dang ky|dung|chung tay|moi|nhanh tay|kham pha|chao mung|chuc mung"
    r"|thong bao|nong|luu y|chu y|sap dien ra|chinh thuc|tin vui|bat dau|ban da|ban co)(?!\w)"
)
_CTA = re.compile(
    r"(?<!\w)(?:dang ky|tham gia|chia se|lien he|xem chi tiet|xem them|goi (?:ngay|dien|so)"
    r"|nhan tin|inbox|binh luan|comment|bam (?:theo doi|thich|vao|link)|theo doi|truy cap"
    r"|quet ma|dien (?:form|phieu|thong tin)|gui (?:y kien|bai|ve)|dong gop|ung ho|co mat"
    r"|tham du|nhanh tay|dang ky tai|nop (?:cho|ve|tai|truoc)|tai ve|hay cung|hay\s"
    r"|moi (?:ban|anh chi|cac)|xac nhan|tra loi tin nhan|link)(?!\w)"
)
_UNION = re.compile(
    r"(?<!\w)(?:cong ?doan|cdcs|ldld|lien doan lao dong|tong lien doan|doan vien)(?!\w)"
)
_HASHTAG = re.compile(r"(?<![\w/&#])#([^\s#]*)")
_HASHTAG_TRAILING = ".,;:!?)…\"'”’»"
_HASHTAG_FORM = re.compile(r"[^\W_][\w]*")
_URL = re.compile(r"https?://\S+|www\.\S+", re.IGNORECASE)
_PERCENT = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)?\s?%")
_NUMBER = re.compile(r"(?<![\w.,/])\d+(?:[.,]\d+)*(?![\w/])")


def _require(text: object, channel: object) -> tuple[str, ChannelLimits]:
    if not isinstance(text, str):
        raise InputError(msg("posts.errors.not_text", type=type(text).__name__))
    name = channel.strip().lower() if isinstance(channel, str) else None
    if name not in LIMITS:
        raise InputError(
            msg("posts.errors.channel", channel=repr(channel), channels=", ".join(CHANNELS))
        )
    return nfc(text), LIMITS[name]


def _item(code: str, ok: bool, key: str, severity: Severity = WARNING, **fields) -> Item:
    """An item whose message is ``posts.<code>.<key>`` and hint ``posts.<code>.hint``."""
    hint = "" if ok else msg(f"posts.{code}.hint", **fields)
    weight = 0.0 if code == "verify_facts" else None
    return Item(code, ok, msg(f"posts.{code}.{key}", **fields), hint, severity, weight)


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _preview(text: str, limits: ChannelLimits) -> str:
    """What a reader sees before "Xem thêm": the first lines, cut at the character limit."""
    return "\n".join(_lines(text)[: limits.fold_lines])[: limits.fold_chars]


# --------------------------------------------------------------------------- emoji


def _is_emoji(ch: str) -> bool:
    code = ord(ch)
    return (
        0x1F300 <= code <= 0x1FAFF
        or 0x2600 <= code <= 0x27BF
        or 0x1F000 <= code <= 0x1F2FF
        or code in (0x2B50, 0x2B55, 0x203C, 0x2049, 0x3030, 0x303D, 0x3297, 0x3299)
    ) and not 0x1F3FB <= code <= 0x1F3FF  # skin tones modify the emoji before them


def _emoji_runs(text: str) -> tuple[int, int]:
    """Number of emoji and the longest run of emoji (joiners and selectors ignored)."""
    count = run = longest = 0
    for ch in text:
        if ch in "\u200d\ufe0f\ufe0e" or 0x1F3FB <= ord(ch) <= 0x1F3FF:
            continue
        if _is_emoji(ch):
            count, run = count + 1, run + 1
            longest = max(longest, run)
        elif not ch.isspace():
            run = 0
    return count, longest


# --------------------------------------------------------------------------- checks


def _check_hook(text: str, limits: ChannelLimits) -> Item:
    lines = _lines(text)
    if not lines:
        return _item("hook", False, "empty", ERROR)
    first = lines[0]
    if len(first) > limits.hook_max:
        return _item("hook", False, "too_long", length=len(first), limit=limits.hook_max)
    devices = (
        "?" in first
        or "!" in first
        or any(ch.isdigit() for ch in first)
        or _emoji_runs(first)[0] > 0
        or bool(_HOOK_WORDS.match(fold(first).lstrip(" \"'“-•*")))
    )
    return _item("hook", devices, "ok" if devices else "flat", limit=limits.hook_max)


def _check_length(text: str, limits: ChannelLimits) -> Item:
    size = len(text.strip())
    fields = {"length": size, "low": limits.recommended_min, "high": limits.recommended_max}
    fields["hard"] = limits.hard_max
    if size == 0 or size > limits.hard_max:
        return _item("length", False, "empty" if size == 0 else "over_limit", ERROR, **fields)
    if size < limits.recommended_min:
        return _item("length", False, "short", **fields)
    if size > limits.recommended_max:
        return _item("length", False, "long", **fields)
    return _item("length", True, "ok", **fields)


def _hashtags(text: str) -> list[str]:
    text = _URL.sub(" ", text)
    return [m.group(1).rstrip(_HASHTAG_TRAILING) for m in _HASHTAG.finditer(text)]


def _check_hashtags(text: str, limits: ChannelLimits) -> Item:
    tags = _hashtags(text)
    bad = [f"#{t}" for t in tags if not _HASHTAG_FORM.fullmatch(t)]
    seen: dict[str, str] = {}
    duplicates = []
    for tag in tags:
        key = fold(tag)
        if key in seen and f"#{tag}" not in duplicates:
            duplicates.append(f"#{tag}")
        seen.setdefault(key, tag)
    fields = {"count": len(tags), "low": limits.hashtags_min, "high": limits.hashtags_max}
    if bad:
        return _item("hashtags", False, "malformed", ERROR, tags=", ".join(bad), **fields)
    if duplicates:
        return _item("hashtags", False, "duplicate", ERROR, tags=", ".join(duplicates), **fields)
    if not limits.hashtags_min <= len(tags) <= limits.hashtags_max:
        return _item("hashtags", False, "count", **fields)
    return _item("hashtags", True, "ok", **fields)


# "đã tham gia", "được đăng ký", "sẽ đóng góp" report what happened: no call to the reader.
_NOT_A_CALL = re.compile(r"(?:\bda|\bduoc|\bse|\bvua|\bdang)\s+$")


def _has_call(folded: str) -> bool:
    return any(
        not _NOT_A_CALL.search(folded, max(0, m.start() - 6), m.start())
        for m in _CTA.finditer(folded)
    )


def _check_call_to_action(text: str, limits: ChannelLimits) -> Item:
    if _has_call(fold(_preview(text, limits))):
        return _item("call_to_action", True, "ok")
    if _has_call(fold(text)):
        return _item("call_to_action", False, "after_fold", WARNING, chars=limits.fold_chars)
    return _item("call_to_action", False, "missing", ERROR, chars=limits.fold_chars)


def _check_emoji(text: str) -> Item:
    count, longest = _emoji_runs(text)
    allowed = max(EMOJI_FREE, len(text) * EMOJI_PER_100_CHARS // 100)
    fields = {"count": count, "allowed": allowed, "run": EMOJI_RUN_MAX}
    if count > allowed:
        return _item("emoji", False, "too_many", **fields)
    if longest > EMOJI_RUN_MAX:
        return _item("emoji", False, "run", **fields)
    return _item("emoji", True, "ok", **fields)


def _check_privacy(text: str) -> Item:
    findings = privacy.find(text)
    if not findings:
        return _item("privacy", True, "ok")
    kinds = ", ".join(
        dict.fromkeys(msg(f"privacy.kind.{f.kind}") for f in findings if f.kind != "sensitive")
    )
    if kinds:
        return _item("privacy", False, "personal", ERROR, kinds=kinds)
    return _item("privacy", False, "sensitive", WARNING, kinds=msg("privacy.kind.sensitive"))


def _facts(text: str) -> list[str]:
    """Dates, times, money, percentages and other numbers, in reading order, without repeats.

    Hashtags, links and personal data are left out: they are checked elsewhere.
    """
    hidden = [(m.start(), m.end()) for m in _URL.finditer(text)]
    hidden += [(m.start(), m.end()) for m in re.finditer(r"#\S+", text)]
    hidden += [(f.start, f.end) for f in privacy.find(text)]
    spans: list[tuple[int, int, str]] = []
    finders = (find_dates, find_times, find_money)
    found = [(s.start, s.end, s.text) for finder in finders for s in finder(text)]
    found += [
        (m.start(), m.end(), m.group()) for rx in (_PERCENT, _NUMBER) for m in rx.finditer(text)
    ]
    for start, end, written in found:
        if any(s < end and start < e for s, e, *_ in [*hidden, *spans]):
            continue
        spans.append((start, end, written.strip()))
    return list(dict.fromkeys(written for _, _, written in sorted(spans)))


def _check_facts(text: str) -> Item:
    facts = _facts(text)
    if not facts:
        return _item("verify_facts", True, "ok")
    shown = ", ".join(facts[:FACTS_SHOWN]) + (" …" if len(facts) > FACTS_SHOWN else "")
    return _item("verify_facts", False, "found", count=len(facts), facts=shown)


def _check_union(text: str) -> Item:
    ok = bool(_UNION.search(fold(text).replace("#", " ")))
    return _item("union_identity", ok, "ok" if ok else "missing")


def check(text: str, channel: str) -> Report:
    """Check a post for ``"facebook"`` or ``"zalo"``; any other channel is an ``InputError``.

    Codes, in order: ``hook``, ``length``, ``hashtags``, ``call_to_action``, ``emoji``,
    ``privacy``, ``verify_facts`` (a reminder listing the numbers; it carries no points),
    ``union_identity`` (the post names the union or uses its hashtag), then what a copy
    from a chat app brings (``markup``, ``preamble``), a weekday that is not its date's,
    a blank left to fill in and a unit abolished in 2025 (``outdated_unit``, a warning).
    Text in a legacy font (TCVN3, VNI) gets the single item ``encoding``.
    """
    text, limits = _require(text, channel)
    legacy = encoding_item(text)
    if not legacy.ok:  # garbled letters: no other rule can be read
        return Report("post", [legacy])
    items = [
        _check_hook(text, limits),
        _check_length(text, limits),
        _check_hashtags(text, limits),
        _check_call_to_action(text, limits),
        _check_emoji(text),
        _check_privacy(text),
        _check_facts(text),
        _check_union(text),
        markup_item(text),
        preamble_item(text),
        weekday_item(text),
        real_date_item(text),
        placeholder_item(text),
        outdated_item(text),
    ]
    return Report("post", items)
