"""Posts for Fanpage and Zalo: a hook, the details as lines, a call to action, hashtags.

A length limit the trainee sets is met by cutting the least needed parts first, and the
tips say what was cut.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...text import nfc
from .._text import QUOTED, fold, word_count
from ..details import Length
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


# A post that thanks, congratulates, introduces someone or gives results announces no
# event: "đừng bỏ lỡ!", "mời ... cùng tham gia" and blank "Thời gian"/"Địa điểm" lines
# would ask the trainee for a time and a place that do not exist.
_MESSAGE_POST = re.compile(
    r"(?<![a-z])(?:cam on|chuc mung|gioi thieu guong|guong (?:doan vien|nguoi tot)|tri an"
    r"|chia buon|vinh danh|tin vui|thoa uoc|ket qua)(?![a-z])"
)


def _is_message_post(ctx: Context) -> bool:
    if ctx.val("time") or ctx.val("place") or ctx.val("deadline"):
        return False
    unquoted = QUOTED.sub(" ", nfc(ctx.prompt))  # "chương trình 'Cảm ơn người lao động'"
    return bool(_MESSAGE_POST.search(fold(unquoted)))


def _post_parts(ctx: Context) -> list[_Part]:
    icons = not ctx.formal
    message = _is_message_post(ctx)
    if message:
        event = ctx.val("event")
        hook = t("post.hook_message", event=event) if event else t("post.hook_news")
        parts = [_Part("hook", hook)]
    else:
        event = ctx.event()
        style = "formal" if ctx.formal else "friendly" if ctx.friendly else "default"
        parts = [_Part("hook", t(f"post.hook_{style}", event=event, org=ctx.val("org") or ""))]
    audience = None if message else ctx.joined("audience")
    if audience:
        org = ctx.val("org")
        if ctx.friendly:
            key = "post.invite_org_friendly" if org else "post.invite_friendly"
            invite = t(key, org=org or "", audience=audience)
        elif org:
            invite = t("post.invite_org", org=org, audience=audience)
        else:
            invite = t("post.invite", audience=audience)
        parts.append(_Part("invite", invite, t("post.cut_invite")))
    if not ctx.brief:
        parts.append(_Part("extra", t("post.extra"), t("post.cut_extra")))

    def line(key: str, value: str, cut: bool) -> None:
        label = t(f"post.{key}")
        prefix = f"{_ICONS[key]} " if icons else "- "
        cut_label = t("post.cut_detail", label=label) if cut else None
        parts.append(_Part(key, f"{prefix}{label}: {value}", cut_label))

    if not message:
        line("time", ctx.when(), False)
        line("place", ctx.need("place"), False)
    theme = ctx.theme()
    if theme:
        line("theme", f"“{theme}”", True)
    activities = ctx.joined("activities", "; ")
    if activities:
        line("activities", activities, True)
    figures = t("list_joiner").join(ctx.loose("numbers"))
    if figures:
        line("figures", figures, True)
    budget = t("list_joiner").join(ctx.loose("budget"))
    if budget:
        line("budget", budget, True)
    deadline = ctx.val("deadline")
    if deadline:
        line("deadline", ctx.date_text(deadline), True)
    contact = ctx.contact()
    if contact:
        line("contact", contact, True)
    if deadline:
        cta = t("post.cta_deadline")  # the date is on the "Hạn đăng ký" line: once is enough
    elif message:
        cta = t("post.cta_message")
    else:
        cta = t("post.cta_short" if ctx.brief else "post.cta_default")
    parts.append(_Part("cta", cta, t("post.cut_cta")))
    given = ctx.all("hashtags")
    zalo = any("zalo" in fold(c) for c in ctx.all("channel"))
    suggested = [] if zalo else suggested_hashtags(ctx)
    if given:
        parts.append(_Part("hashtags", " ".join(given)))
    if suggested:
        parts.append(_Part("suggested", " ".join(suggested), t("post.cut_hashtags")))
    return parts


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


def build_post(ctx: Context) -> Built:
    parts = _post_parts(ctx)
    text = _render_post(parts)
    limits = [lim for lim in ctx.limits() if lim.unit in ("words", "chars", "paragraphs")]
    notes: list[str] = []
    if limits:
        limit = min(limits, key=lambda lim: lim.maximum)
        cut: list[str] = []
        order = [
            "suggested",
            "extra",
            "cta",
            "invite",
            "contact",
            "budget",
            "figures",
            "activities",
            "theme",
            "deadline",
        ]
        for key in order:
            if _measure(text, limit) <= limit.maximum:
                break
            for part in parts:
                if part.key == key and part.cut_label:
                    parts.remove(part)
                    cut.append(part.cut_label)
                    break
            text = _render_post(parts)
        if _measure(text, limit) > limit.maximum and limit.unit != "paragraphs":
            text = _hard_trim(text, limit)
        if cut:
            notes.append(t("tips.cut", limit=_limit_text(ctx, limit), parts=", ".join(cut)))
    return Built(text, notes=notes)


def _limit_text(ctx: Context, limit: Length) -> str:
    for value in ctx.all("length"):
        if str(limit.limit) in value:
            return value
    return str(limit.limit)


def _hard_trim(text: str, limit: Length) -> str:
    """Last resort when even the essentials are too long: cut at a word boundary."""
    if limit.unit == "chars":
        cut = text[: max(0, limit.maximum - 1)]
        space = cut.rfind(" ")
        return (cut[:space] if space > 0 else cut).rstrip() + "…"
    kept: list[str] = []
    count = 0
    for line in text.split("\n"):
        n = word_count(line)
        if count + n <= limit.maximum:
            kept.append(line)
            count += n
            continue
        room = limit.maximum - count
        if room > 0:
            kept.append(" ".join(line.split()[:room]))
        break
    return "\n".join(kept).strip()
