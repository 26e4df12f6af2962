"""Posts for Fanpage and Zalo: a hook, the details as lines, a call to action, hashtags.

A length limit the trainee sets is met by cutting the template's generic parts (suggested
hashtags, the extra sentence, the call to action, the wording of the hook and of the
invitation), never the trainee's facts; the tips say what was cut, and say so when the
facts alone are longer than the limit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...text import nfc
from .._text import QUOTED, fold, folded_words, lower, word_count
from ..details import Length, names_an_event
from .carry import end_plain, prompt_points
from .context import Built, Context, t

__all__ = ["build_post", "suggested_hashtags"]


_ICONS = {
    "time": "🗓",
    "place": "📍",
    "theme": "🎯",
    "activities": "✨",
    "figures": "🎁",
    "budget": "💰",
    "deadline": "⏰",
    "contact": "☎️",
}


def suggested_hashtags(ctx: Context) -> list[str]:
    """Hashtags formed from the event name (``#ThangCongNhan2026``) and a general one."""
    tags: list[str] = []
    event = ctx.val("event")
    if event:
        parts = re.findall(r"[a-z0-9]+", fold(event))
        if parts[:3] == ["le", "phat", "dong"]:
            parts = parts[3:]
        parts = [p for i, p in enumerate(parts) if p != "ve" or parts[i + 1 : i + 2] != ["sinh"]]
        kept = [
            p
            for i, p in enumerate(parts)
            if p not in _TAG_FILLER
            and not (p == "nam" and i + 1 < len(parts) and parts[i + 1].isdigit())
        ]
        tail = [p for p in kept if re.fullmatch(r"(?:19|20)\d\d", p)][:1]  # a year, no count
        words = [p for p in kept if not any(ch.isdigit() for ch in p)]
        tag = "".join(p.capitalize() for p in words)
        if len(tag) > 24:
            tag = "".join(p.capitalize() for p in words[:3]) + "".join(
                p[0].upper() for p in words[3:]
            )
        tag = (tag + "".join(tail))[:40]
        if tag and not tag.isdigit():
            tags.append("#" + tag)
    tags.append("#CongDoanVietNam")
    given = {fold(h) for h in ctx.all("hashtags")}
    return [h for h in tags if fold(h) not in given]


_TAG_FILLER = ("cua", "va")


@dataclass
class _Part:
    key: str
    text: str
    cut_label: str | None = None  # None: never cut
    short: str | None = None  # a shorter form that keeps the part's facts


# A post that thanks, congratulates, introduces someone or gives results announces no
# event: "đừng bỏ lỡ!", "mời ... cùng tham gia" and blank "Thời gian"/"Địa điểm" lines
# would ask the trainee for a time and a place that do not exist.
_MESSAGE_POST = folded_words(
    "cam on",
    "chuc mung",
    "gioi thieu guong",
    "guong (?:doan vien|nguoi tot)",
    "tri an",
    "chia buon",
    "phan uu",
    "vinh danh",
    "tin vui",
    "thoa uoc",
    "ket qua",
)
# A death, a funeral, a condolence: the register is sober. No hype ("đừng bỏ lỡ!", 🎉),
# no invitation "cùng tham gia", no suggested hashtags.
_SAD = folded_words(
    "chia buon",
    "phan uu",
    "le vieng",
    "vieng",
    "tang le",
    "le tang",
    "dam tang",
    "an tang",
    "qua doi",
    "tu tran",
    "ta the",
    "tu tuat",
    "thanh kinh",
)


def _unquoted(ctx: Context) -> str:
    return fold(QUOTED.sub(" ", nfc(ctx.prompt)))  # "chương trình 'Cảm ơn người lao động'"


def _is_sad(ctx: Context) -> bool:
    return bool(_SAD.search(_unquoted(ctx)))


def _is_message_post(ctx: Context) -> bool:
    """Thanks, a congratulation, results. With no hour and no deadline, its date and place
    are those of what was done ("chúc mừng 35 đoàn viên mới vừa được kết nạp tại CĐCS ...
    ngày 30/11"): nothing to attend, the sentence carries them."""
    if ctx.val("time") or ctx.val("deadline"):
        return False
    text = _unquoted(ctx)
    if ctx.val("place") and not (_THANKS.search(text) or _is_done(ctx)):
        return False
    return bool(_MESSAGE_POST.search(text))


_THANKS = folded_words("cam on", "tri an")  # always for what was done
# Something already done: "vừa được kết nạp", "đã giành giải Nhất", "được công nhận"
_DONE_MARKED = re.compile(r"(?<!\w)(?:đã|vừa)(?!\w)")
_DONE = re.compile(
    r"(?<![a-z])(?:vua|da|duoc|vua duoc|da duoc)\s+(?:ket nap|gianh|dat|nhan|cong nhan|tang"
    r"|trao|hoan thanh|to chuc|thanh lap|bau|vinh danh|khen|vo dich|ve dich|tang luong|ky ket"
    r"|khanh thanh|tot nghiep|dang quang|len|ung ho|dong gop|tai tro)(?![a-z])"
)


# An achievement is done by the time it is congratulated: "đạt giải Nhì", "giành Huy chương"
_ACHIEVED = folded_words(
    "dat (?:giai|danh hieu|chuan|huy chuong|bang khen|giay khen)",
    "gianh",
    "doat",
    "vo dich",
    "tot nghiep",
    "duoc (?:ket nap|bau|cong nhan|tang|trao|nhan|khen|vinh danh)",
)


def _is_done(ctx: Context) -> bool:
    """The prompt tells of something done ("đã", "vừa"; typed without marks, "vừa được",
    "đã giành" ...: "da" alone may be "đá" of "bóng đá"), or of an achievement."""
    text = _unquoted(ctx)
    return bool(
        _DONE_MARKED.search(nfc(ctx.prompt).lower()) or _DONE.search(text) or _ACHIEVED.search(text)
    )


# A post that spreads a law, a decree, a policy or a rule ("tuyên truyền Luật Công đoàn
# năm 2024 có hiệu lực từ 01/7/2025"): its date is when the rule applies, not an event's
_RULE_TEXT = folded_words(
    "bo luat",
    "luat",
    "nghi dinh",
    "thong tu",
    "nghi quyet",
    "chi thi",
    "quyet dinh",
    "chinh sach",
    "che do",
    "quy dinh",
    "quy che",
    "dieu le",
    "luong toi thieu",
    "muc luong",
    "bao hiem xa hoi",
    "muc (?:dong|thu|chi|ho tro|tro cap|phu cap)",
    "phu cap",
    "tro cap",
    "bao hiem y te",
    "bao hiem that nghiep",
)
_SPREADS = folded_words(
    "tuyen truyen",
    "pho bien",
    "gioi thieu",
    "tim hieu",
    "thong tin ve",
    "cap nhat",
    "huong dan",
    "hieu luc",
    "ap dung",
    "thong bao",
    "thay doi",
    "dieu chinh",
)


def _spreads_a_rule(ctx: Context) -> bool:
    """A post about a law or a policy, with no hour and no event named: nothing to attend."""
    if ctx.val("time") or any(names_an_event(value) for value in ctx.all("event")):
        return False
    text = _unquoted(ctx)
    return bool(_RULE_TEXT.search(text) and _SPREADS.search(text))


# A reminder or an appeal ("nhắc đoàn viên đóng đoàn phí trước 10/12", "kêu gọi ủng hộ
# đồng bào vùng lũ") names no event: a blank "Thời gian"/"Địa điểm" and "đừng bỏ lỡ!"
# would invent one.
_REMINDER = folded_words(
    "nhac",
    "nho (?:dong|nop|mang|deo|mac|dang ky)",
    "dong doan phi",
    "nop (?:doan phi|tien|danh sach|ho so)",
    "luu y",
    "canh bao",
    "khuyen cao",
    "keu goi",
    "van dong",
    "ung ho",
    "quyen gop",
)


def _is_reminder(ctx: Context) -> bool:
    """A reminder, an appeal, or a post about a thing that does not take place ("giới thiệu
    mô hình 'Nhà trọ an toàn'", "Quỹ Trợ vốn"): no time, no place, no event to attend."""
    if ctx.val("time") or ctx.val("date"):  # a place alone is where a model or a fund is
        return False
    events = ctx.all("event")
    if any(names_an_event(value) for value in events):
        return False
    return bool(events) or bool(_REMINDER.search(_unquoted(ctx)))


def _registers(ctx: Context) -> bool:
    """The deadline is to sign up ("đăng ký trước ..."), not to pay or hand something in."""
    return "dang ky" in _unquoted(ctx) or "chot danh sach" in _unquoted(ctx)


def _hook(ctx: Context, message: bool, sad: bool, headline: str | None) -> _Part:
    """The first line. A message post with no event's name opens with the trainee's own
    first clause ("Chúc mừng 20/11 gửi các thầy cô ..."), never a generic title."""
    if sad:
        return _Part("hook", t("post.hook_sad"))
    # a programme or a fund ("Quỹ Mái ấm Công đoàn") is no headline: the first clause is
    named = ctx.val("event") or ""
    # a congratulation on a prize won at a festival is about the winners, not the festival
    headline_event = message and names_an_event(named) and not _is_done(ctx)
    event = _capital(named) if headline_event else None
    if message:
        if headline:
            return _Part("hook", t("post.hook_message", event=headline))
        hook = t("post.hook_message", event=event) if event else t("post.hook_news")
        return _Part("hook", hook)
    event = _capital(ctx.event())
    style = "formal" if ctx.formal else "friendly" if ctx.friendly else "default"
    full = t(f"post.hook_{style}", event=event, org=ctx.val("org") or "")
    short = t("post.hook_message", event=event) if style != "formal" else None
    return _Part("hook", full, t("post.cut_hook") if short else None, short)


def _capital(value: str | None) -> str | None:
    """A title starts with a capital: "giới thiệu gương ..." opens as "Giới thiệu gương ..."."""
    return value[:1].upper() + value[1:] if value and not value.startswith("[") else value


def _post_parts(ctx: Context, headline: str | None = None) -> list[_Part]:
    sad = _is_sad(ctx)
    icons = not ctx.formal and not sad
    message = (
        _is_message_post(ctx)
        or _is_reminder(ctx)
        or _spreads_a_rule(ctx)
        or (sad and not (ctx.val("time") or ctx.val("place")))
    )
    parts = [_hook(ctx, message, sad, headline)]
    audience = None if message or sad else ctx.joined("audience")
    if audience:
        org = ctx.val("org")
        if ctx.friendly:
            key = "post.invite_org_friendly" if org else "post.invite_friendly"
            invite = t(key, org=org or "", audience=audience)
        elif org:
            invite = t("post.invite_org", org=org, audience=audience)
        else:
            invite = t("post.invite", audience=audience)
        # cut down to who invites whom: the union and the audience are facts, the wording not
        short = t(
            "post.invite_org_short" if org else "post.invite_short",
            org=org or "",
            audience=audience,
        )
        parts.append(_Part("invite", invite, t("post.cut_invite_short"), short))
    if not ctx.brief and not sad:
        parts.append(_Part("extra", t("post.extra"), t("post.cut_extra")))

    def line(key: str, value: str, cut: bool) -> None:
        label = t(f"post.{key}")
        if key == "deadline" and not _registers(ctx):
            label = t("post.deadline_other")  # "Hạn chót": to pay dues, to hand in a list
        if key == "time" and sad and ctx.val("event"):  # "Thời gian lễ viếng": of what
            label = t("post.time_of", event=lower(ctx.val("event") or ""))
        prefix = f"{_ICONS[key]} " if icons else "- "
        cut_label = t("post.cut_detail", label=label) if cut else None
        parts.append(_Part(key, f"{prefix}{label}: {value}", cut_label))

    if not message:
        line("time", ctx.when(), False)
        line("place", ctx.need("place"), False)
    theme = ctx.theme()
    if theme:
        line("theme", f"“{theme}”", False)
    activities = ctx.joined("activities", "; ")
    if activities:
        line("activities", activities, False)
    figures = t("list_joiner").join(ctx.loose("numbers"))
    if figures:
        line("figures", figures, False)
    budget = t("list_joiner").join(ctx.loose("budget"))
    if budget:
        line("budget", budget, False)
    deadline = ctx.val("deadline")
    if deadline:
        line("deadline", ctx.date_text(deadline), False)
    contact = ctx.contact()
    if contact:
        line("contact", contact, False)
    if sad:
        cta = t("post.cta_sad")
    elif deadline:  # the date is on the "Hạn đăng ký" line: once is enough
        cta = t("post.cta_deadline" if _registers(ctx) else "post.cta_deadline_other")
    elif message:
        cta = t("post.cta_message")
    else:
        cta = t("post.cta_short" if ctx.brief else "post.cta_default")
    parts.append(_Part("cta", cta, t("post.cut_cta")))
    given = ctx.all("hashtags")
    zalo = any("zalo" in fold(c) for c in ctx.all("channel"))
    suggested = [] if zalo or sad else suggested_hashtags(ctx)
    if given:
        parts.append(_Part("hashtags", " ".join(given)))
    if suggested:
        parts.append(_Part("suggested", " ".join(suggested), t("post.cut_hashtags")))
    return parts


def _with_facts(ctx: Context, parts: list[_Part]) -> list[_Part]:
    """The parts with every clause of the prompt no part holds yet, in the trainee's words,
    before the hashtags (after the call to action, which must show before "Xem thêm").
    A message post with no event's name opens with its first clause instead."""
    points = prompt_points(ctx, _render_post(parts))
    if not points:
        return parts
    if parts[0].text == t("post.hook_news"):
        parts = _post_parts(ctx, headline=points[0].rstrip(" ."))
        points = prompt_points(ctx, _render_post(parts))
    at = next((i for i, p in enumerate(parts) if p.key in ("hashtags", "suggested")), len(parts))
    if _is_sad(ctx):
        at = 1  # sad news is told first, then the ceremony's time and place
    facts = _Part("facts", "\n".join(f"- {end_plain(p)}" for p in points))
    return [*parts[:at], facts, *parts[at:]] if points else parts


def _render_post(parts: list[_Part]) -> str:
    groups: list[list[str]] = [[]]
    previous = None
    for part in parts:
        kind = (
            "head"
            if part.key == "hook"
            else "text"
            if part.key in ("invite", "extra")
            else "tags"
            if part.key in ("hashtags", "suggested")
            else "cta"
            if part.key == "cta"
            else "facts"
            if part.key == "facts"
            else "lines"
        )
        if previous is not None and kind != previous:
            groups.append([])
        if kind in ("text", "tags") and groups[-1]:
            groups[-1][-1] += " " + part.text
            previous = kind
            continue
        groups[-1].append(part.text)
        previous = kind
    return "\n\n".join("\n".join(g) for g in groups if g)


def _measure(text: str, limit: Length) -> int:
    if limit.unit == "chars":
        return len(text)
    if limit.unit == "paragraphs":
        return len([p for p in text.split("\n\n") if p.strip()])
    return word_count(text)


#: What a length limit cuts, in this order: the template's generic parts, never a fact.
_CUT_ORDER = ("suggested", "extra", "cta", "hook", "invite")


def build_post(ctx: Context) -> Built:
    parts = _with_facts(ctx, _post_parts(ctx))
    text = _render_post(parts)
    limits = [lim for lim in ctx.limits() if lim.unit in ("words", "chars", "paragraphs")]
    notes: list[str] = []
    if limits:
        limit = min(limits, key=lambda lim: lim.maximum)
        cut: list[str] = []
        for key in _CUT_ORDER:
            if _measure(text, limit) <= limit.maximum:
                break
            part = next((p for p in parts if p.key == key and p.cut_label), None)
            if part is None:
                continue
            if part.short is not None:
                part.text, part.short = part.short, None
            else:
                parts.remove(part)
            cut.append(part.cut_label)
            text = _render_post(parts)
        if cut:
            notes.append(t("tips.cut", limit=_limit_text(ctx, limit), parts=", ".join(cut)))
        if _measure(text, limit) > limit.maximum:
            notes.append(t("tips.facts_over_limit", limit=_limit_text(ctx, limit)))
    return Built(text, notes=notes)


def _limit_text(ctx: Context, limit: Length) -> str:
    for value in ctx.all("length"):
        if str(limit.limit) in value:
            return value
    return str(limit.limit)
