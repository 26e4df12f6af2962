"""One draft builder per task: the details a prompt gave, laid out as the real thing.

A builder fills each part of the layout from the details; a part the prompt did not
give becomes a visible placeholder ``[bổ sung: ...]`` and its slot is recorded, so the
tips can say what to add. A more detailed prompt therefore gives a draft with fewer
placeholders, which is the point the lessons make.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from ..i18n import msg
from ..text import format_date
from . import forms
from ._text import fold, word_count
from .details import Length, parse_date, parse_length
from .summary import split_sentences, summarise

__all__ = ["BUILDERS", "Built", "Context", "build"]

_P = "practice."
_BRIEF = ("ngan gon", "ngan lai", "ngan hon", "rut gon", "suc tich")
_FORMAL = ("trang trong", "nghiem tuc", "lich su", "chuyen nghiep")
_FRIENDLY = (
    "than thien",
    "vui tuoi",
    "gan gui",
    "am ap",
    "hao hung",
    "soi noi",
    "tre trung",
    "vui ve",
    "thoai mai",
    "hai huoc",
)
_TEXT_SLOTS = (
    "event",
    "subject",
    "theme",
    "slogan",
    "place",
    "audience",
    "activities",
    "results",
    "difficulties",
    "proposals",
    "purpose",
    "assignments",
)
_WEEKDAYS = ("thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật")
_WEEKDAY_KEYS = (
    ("hai", "2"),
    ("ba", "3"),
    ("tu", "4"),
    ("nam", "5"),
    ("sau", "6"),
    ("bay", "7"),
    ("chu nhat",),
)


def t(key: str, /, **fields: object) -> str:
    """A practice message from the catalogue."""
    return msg(_P + key, **fields)


@dataclass
class Built:
    """What a builder returns: the draft, the slots left as placeholders, extra tips."""

    draft: str
    missing: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


class Context:
    """The details of one request and the bookkeeping of what had to be left blank."""

    def __init__(self, task: str, details: dict[str, list[str]], today: dt.date) -> None:
        self.task = task
        self.d = details
        self.today = today
        self.missing: list[str] = []
        self.notes: list[str] = []

    # -------------------------------------------------------------- values
    def val(self, slot: str) -> str | None:
        values = self.d.get(slot)
        return values[0] if values else None

    def all(self, slot: str) -> list[str]:
        return list(self.d.get(slot, ()))

    def joined(self, slot: str, joiner: str | None = None) -> str | None:
        values = self.d.get(slot)
        if not values:
            return None
        return (joiner if joiner is not None else t("list_joiner")).join(values)

    def placeholder(self, slot: str) -> str:
        if slot not in self.missing:
            self.missing.append(slot)
        return t("placeholder", label=t(f"slot.{slot}"))

    def need(self, slot: str, value: str | None = None) -> str:
        if value is None:
            value = self.joined(slot)
        return value if value else self.placeholder(slot)

    # -------------------------------------------------------------- style
    def has_tone(self, keys: tuple[str, ...]) -> bool:
        return any(fold(v) in keys for v in self.d.get("tone", ()))

    @property
    def brief(self) -> bool:
        return self.has_tone(_BRIEF)

    @property
    def formal(self) -> bool:
        return self.has_tone(_FORMAL)

    @property
    def friendly(self) -> bool:
        return self.has_tone(_FRIENDLY) and not self.formal

    def limits(self) -> list[Length]:
        return parse_length(self.d.get("length", ()))

    # -------------------------------------------------------------- shared pieces
    def event(self) -> str:
        return self.need("event", self.val("event"))

    def date_text(self, value: str) -> str:
        return f"ngày {value}" if value[:1].isdigit() else value

    def when(self, *, with_time: bool = True) -> str:
        parts: list[str] = []
        if with_time:
            parts.append(self.need("time", self.val("time")))
        weekday = self.val("weekday")
        if weekday:
            parts.append(weekday)
        date = self.val("date")
        parts.append(self.date_text(date) if date else self.placeholder("date"))
        self.check_weekday()
        return ", ".join(parts)

    def check_weekday(self) -> None:
        weekday, date = self.val("weekday"), self.val("date")
        if not weekday or not date or ("/" not in date and "thang" not in fold(date)):
            return
        if not re.search(r"\d{4}", date):
            return
        day = parse_date(date, self.today)
        if day is None:
            return
        given = fold(weekday).replace("thu ", "")
        if given in _WEEKDAY_KEYS[day.weekday()]:
            return
        note = t(
            "tips.weekday_mismatch",
            date=date,
            actual=_WEEKDAYS[day.weekday()],
            given=weekday,
        )
        if note not in self.notes:
            self.notes.append(note)

    def contact(self) -> str | None:
        parts = [v for v in (self.val("contact"), self.joined("phone")) if v]
        return ", ".join(parts) if parts else None

    def loose(self, slot: str) -> list[str]:
        """Values of ``slot`` not already written inside another detail (no repeats)."""
        texts = [v for other in _TEXT_SLOTS if other != slot for v in self.d.get(other, ())]
        return [v for v in self.d.get(slot, ()) if not any(v in text for text in texts)]

    def figures(self) -> str | None:
        values = self.loose("numbers") + self.loose("budget")
        return t("list_joiner").join(values) if values else None


# ====================================================================== documents
def _issuer(ctx: Context) -> tuple[str, str]:
    org = ctx.val("org")
    superior = ctx.val("superior")
    if org and not superior and fold(org).startswith(("lien doan lao dong", "ldld")):
        superior = forms.TOP_UNION
    return ctx.need("org", org), ctx.need("superior", superior)


def _upper(value: str) -> str:
    return value if value.startswith("[") else value.upper()


def _city(ctx: Context) -> str:
    cities = ctx.all("city")
    if not cities:
        return ctx.placeholder("city")
    names = fold(" ".join(v for v in (ctx.val("org"), ctx.val("superior")) if v))
    for city in cities:
        if fold(city) in names:
            return city
    return cities[0]


def _issue_date(ctx: Context) -> str:
    issued = ctx.val("issue_date")
    day = parse_date(issued, ctx.today) if issued else None
    return format_date(day or ctx.today)


def _header(ctx: Context, subject: str) -> list[str]:
    org, superior = _issuer(ctx)
    number = ctx.val("doc_number")
    if number and "/" in number:
        number_line = f"Số: {number}"
    else:
        code = forms.body_code(fold(ctx.val("org") or ""))
        number_line = forms.NUMBER.format(number="    ", type=forms.TYPE_CODE[ctx.task], body=code)
    return [
        _upper(superior),
        _upper(org),
        number_line,
        forms.MOTTO[0],
        forms.MOTTO[1],
        f"{_city(ctx)}, {_issue_date(ctx)}",
        "",
        forms.TITLE[ctx.task],
        subject,
        "",
    ]


def _signature(ctx: Context, recipients: list[str]) -> list[str]:
    deputy = ctx.val("signer_role") == "deputy"
    lines = ["", forms.ON_BEHALF]
    lines += [forms.DEPUTY_FOR, forms.DEPUTY] if deputy else [forms.CHAIR]
    lines += ["", ctx.need("signer"), "", forms.RECIPIENTS, *recipients, forms.ARCHIVE]
    return lines


def _field(label: str, value: str) -> str:
    return f"{label}: {value}"


def _end(value: str) -> str:
    return value if value.endswith((".", "!", "?", "]", "”", '"')) else value + "."


def _subject_organise(ctx: Context) -> str:
    event = ctx.val("event")
    subject = ctx.val("subject")
    if subject:
        return subject
    return t("doc.organise", event=event) if event else ctx.placeholder("event")


def _numbered(items: list[str]) -> list[str]:
    return [f"{i}. {item}" for i, item in enumerate(items, 1)]


def _extras(ctx: Context) -> list[str]:
    lines: list[str] = []
    figures = ctx.loose("numbers")
    if figures:
        lines.append(t("doc.figures", figures=t("list_joiner").join(figures)))
    budget = t("list_joiner").join(ctx.loose("budget"))
    if budget and ctx.task != "plan":
        lines.append(t("doc.budget", budget=budget))
    deadline = ctx.val("deadline")
    if deadline:
        lines.append(t("doc.deadline", deadline=ctx.date_text(deadline)))
    contact = ctx.contact()
    if contact:
        lines.append(t("doc.contact", contact=contact))
    return lines


def build_notice(ctx: Context) -> Built:
    lines = _header(ctx, forms.SUBJECT.format(subject=_subject_organise(ctx)))
    org = ctx.need("org")
    theme = ctx.val("theme") or ctx.val("slogan")
    if ctx.val("subject"):  # "về việc ..." said in the prompt names the matter exactly
        key = "doc.notice_opening_subject_theme" if theme else "doc.notice_opening_subject"
        lines.append(t(key, org=org, subject=ctx.val("subject"), theme=theme or ""))
    else:
        key = "doc.notice_opening_theme" if theme else "doc.notice_opening"
        lines.append(t(key, org=org, event=ctx.event(), theme=theme or ""))
    items = [
        _field(forms.FIELD["time"], _end(ctx.when())),
        _field(forms.FIELD["place"], _end(ctx.need("place"))),
        _field(forms.FIELD["audience"], _end(ctx.need("audience"))),
    ]
    activities = ctx.joined("activities", "; ")
    if activities:
        items.append(_field(forms.FIELD["activities"], _end(activities)))
    lines += _numbered(items)
    lines += _extras(ctx)
    lines.append(t("doc.notice_closing", audience=ctx.need("audience")))
    recipients = [t("doc.to_superior", superior=_issuer(ctx)[1]), t("doc.to_groups")]
    lines += _signature(ctx, recipients)
    return Built("\n".join(lines))


def build_invitation(ctx: Context) -> Built:
    event = ctx.event()
    lines = _header(ctx, forms.SUBJECT.format(subject=t("doc.invitation_subject", event=event)))
    lines.append(f"{t('doc.invitation_opening', org=ctx.need('org'))} {forms.INVITE}")
    lines.append(_end(ctx.need("audience")))
    lines.append(_field(forms.FIELD["attend"], _end(event)))
    theme = ctx.val("theme") or ctx.val("slogan")
    if theme:
        lines.append(t("doc.invitation_theme", theme=theme))
    lines.append(_field(forms.FIELD["time"], _end(ctx.when())))
    lines.append(_field(forms.FIELD["place"], _end(ctx.need("place"))))
    chair = ctx.val("chair")
    if not chair and ctx.val("signer"):
        role = "role_deputy" if ctx.val("signer_role") == "deputy" else "role_chair"
        chair = t("doc.chair_from_signer", name=ctx.val("signer"), role=t(f"doc.{role}"))
    lines.append(_field(forms.FIELD["chair"], _end(ctx.need("chair", chair))))
    activities = ctx.joined("activities", "; ")
    if activities:
        lines.append(_field(forms.FIELD["activities"], _end(activities)))
    lines += _extras(ctx)
    lines.append(t("doc.invitation_closing", event=event))
    lines += _signature(ctx, [forms.AS_INVITED])
    return Built("\n".join(lines))


def build_plan(ctx: Context) -> Built:
    event = ctx.event()
    lines = _header(ctx, t("doc.plan_subject", event=event))
    org, superior = _issuer(ctx)
    year = _year(ctx)
    lines.append(t("doc.plan_basis", year=year, superior=superior, event=event, org=org))
    audience = ctx.need("audience")
    s = forms.PLAN_SECTIONS
    lines += [s["purpose"], s["aim"]]
    purposes = ctx.all("purpose") or [t("doc.plan_aim", event=event, audience=audience)]
    lines += [f"- {_end(p)}" for p in purposes]
    theme = ctx.val("theme") or ctx.val("slogan")
    if theme:
        lines.append("- " + t("doc.plan_aim_theme", theme=theme, audience=audience))
    lines += [s["requirements"], "- " + t("doc.plan_requirement_1")]
    lines.append("- " + t("doc.plan_requirement_2"))
    lines.append(s["content"])
    lines.append(
        "1. " + _field(forms.FIELD["time"], _end(ctx.when(with_time=bool(ctx.val("time")))))
    )
    lines.append("2. " + _field(forms.FIELD["place"], _end(ctx.need("place"))))
    lines.append("3. " + _field(forms.FIELD["audience"], _end(audience)))
    numbers = t("list_joiner").join(ctx.loose("numbers"))
    if numbers:
        lines.append(f"- {_field(forms.FIELD['numbers'], _end(numbers))}")
    activities = ctx.all("activities")
    lines.append(f"4. {forms.FIELD['activities']}:")
    if activities:
        lines += [f"- {_end(a)}" for a in activities]
    else:
        lines.append("- " + ctx.placeholder("activities"))
    lines.append(s["budget"])
    lines.append("- " + t("doc.plan_budget", budget=ctx.need("budget")))
    lines.append("- " + t("doc.plan_budget_rule"))
    lines.append(s["assignments"])
    assignments = ctx.all("assignments")
    if assignments:
        lines += [f"- {_end(a)}" for a in assignments]
    else:
        lines.append("- " + t("doc.plan_assign_bch"))
        lines.append("- " + t("doc.plan_assign_check"))
        lines.append("- " + t("doc.plan_assign_groups", audience=audience))
    lines.append(s["implementation"])
    deadline = ctx.val("deadline")
    if deadline:
        lines.append("- " + t("doc.plan_implement_deadline", deadline=ctx.date_text(deadline)))
    else:
        lines.append("- " + t("doc.plan_implement"))
    contact = ctx.contact()
    if contact:
        lines.append("- " + t("doc.contact", contact=contact))
    lines.append(t("doc.plan_closing", event=event, org=org))
    recipients = [t("doc.to_superior", superior=superior), t("doc.to_groups_do")]
    lines += _signature(ctx, recipients)
    return Built("\n".join(lines), notes=[t("tips.cited")])


def build_report(ctx: Context) -> Built:
    event = ctx.event()
    lines = _header(ctx, t("doc.report_subject", event=event))
    org, superior = _issuer(ctx)
    addressee = ctx.val("addressee") or superior
    lines += [forms.ADDRESSEE.format(addressee=addressee), ""]
    lines.append(t("doc.report_opening", event=event, org=org))
    s = forms.REPORT_SECTIONS
    lines.append(s["results"])
    lines.append("1. " + t("doc.report_deploy", when=ctx.when(with_time=bool(ctx.val("time")))))
    n = 2
    if ctx.val("place"):
        lines.append(f"{n}. " + t("doc.report_place", place=ctx.val("place")))
        n += 1
    if ctx.val("audience"):
        lines.append(f"{n}. " + t("doc.report_audience", audience=ctx.joined("audience")))
        n += 1
    lines.append(f"{n}. " + t("doc.report_results"))
    results = ctx.all("results") + ctx.all("activities")
    figures = ctx.figures()
    lines += [f"- {_end(r)}" for r in results]
    if figures:
        lines.append("- " + t("doc.report_figures", figures=figures))
    if not results and not figures:
        lines.append("- " + ctx.placeholder("results"))
    lines.append(s["assessment"])
    lines.append("- " + t("doc.report_difficulties", difficulties=ctx.need("difficulties")))
    lines.append(s["proposals"])
    proposals = ctx.all("proposals")
    if proposals:
        lines += [f"- {_end(p)}" for p in proposals]
    else:
        lines.append("- " + ctx.placeholder("proposals"))
    contact = ctx.contact()
    if contact:
        lines.append(t("doc.contact", contact=contact))
    lines.append(t("doc.report_closing", event=event, org=org))
    lines += _signature(ctx, [forms.AS_ABOVE])
    return Built("\n".join(lines))


def _year(ctx: Context) -> int:
    for slot in ("date", "event", "issue_date"):
        for value in ctx.all(slot):
            m = re.search(r"(?<!\d)(20\d\d)(?!\d)", value)
            if m:
                return int(m.group(1))
    return ctx.today.year


# ====================================================================== post
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
        tail = [p for p in kept if p.isdigit()]
        words = [p for p in kept if not p.isdigit()]
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


def _post_parts(ctx: Context) -> list[_Part]:
    icons = not ctx.formal
    event = ctx.event()
    style = "formal" if ctx.formal else "friendly" if ctx.friendly else "default"
    parts = [_Part("hook", t(f"post.hook_{style}", event=event, org=ctx.val("org") or ""))]
    audience = ctx.joined("audience")
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

    line("time", ctx.when(), False)
    line("place", ctx.need("place"), False)
    theme = ctx.val("theme") or ctx.val("slogan")
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
        cta = t("post.cta_deadline", deadline=ctx.date_text(deadline))
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


# ====================================================================== video script
def _ratio(ctx: Context, prefix: str) -> str:
    channels = fold(" ".join(ctx.all("channel")))
    if prefix == "video":
        if "youtube" in channels and "shorts" not in channels:
            return t("video.ratio_wide")
        if channels and "facebook" not in channels and "fanpage" not in channels:
            return t("video.ratio_vertical")
        return t("video.ratio_square") if channels else t("video.ratio_vertical")
    if any(k in channels for k in ("tiktok", "reels", "shorts", "story")):
        return t("image.ratio_vertical")
    if "youtube" in channels:
        return t("image.ratio_youtube")
    if "facebook" in channels or "fanpage" in channels:
        return t("image.ratio_facebook")
    if "zalo" in channels:
        return t("image.ratio_zalo")
    return t("image.ratio_default")


#: Seconds of the opening scene: viewers decide in the first three seconds.
_HOOK_SECONDS = 3
#: Voice-over pace the durations aim for (syllables a second; 3 is the checker's limit).
_EASY_PACE, _FAST_PACE = 2.5, 3.0
_LONGEST_SCENE = 10


def _scene_seconds(voices: list[str], total: int) -> list[int]:
    """Seconds per scene so each voice-over can be read aloud, filling ``total``.

    Every scene first gets the time its words need at an easy pace; spare seconds go
    to the middle scenes (at most ten seconds each). When the words need more than
    ``total``, scenes are squeezed towards the fastest readable pace, so the drafts
    pass the same video checks trainees' scripts face (``congdoan.media``).
    """
    from ..media.video import syllables

    # a placeholder stands for a short detail ("8h00", "Hội trường"): count two syllables
    words = [syllables(re.sub(r"\[[^\]]*\]", "x x", voice)) for voice in voices]
    floors = [max(2, math.ceil(n / _FAST_PACE)) for n in words]
    floors[0] = _HOOK_SECONDS
    easy = [max(2, math.ceil(n / _EASY_PACE)) for n in words]
    spans = [
        max(floor, min(_LONGEST_SCENE, ease)) for floor, ease in zip(floors, easy, strict=True)
    ]
    spans[0] = _HOOK_SECONDS
    after_hook = list(range(1, len(spans)))
    while sum(spans) < total:
        open_slots = [i for i in after_hook if spans[i] < _LONGEST_SCENE] or after_hook
        spans[min(open_slots, key=lambda i: spans[i])] += 1
    while sum(spans) > total and any(spans[i] > floors[i] for i in range(len(spans))):
        spans[max(range(len(spans)), key=lambda i: spans[i] - floors[i])] -= 1
    return spans


def build_video(ctx: Context) -> Built:
    seconds = [lim.limit for lim in ctx.limits() if lim.unit == "seconds"]
    total = max(10, min(600, seconds[0])) if seconds else 45
    if ctx.brief and not seconds:
        total = 30
    event = ctx.event()
    audience = ctx.joined("audience") or t("video.audience_default")
    time = ctx.need("time", ctx.val("time"))
    date = ctx.date_text(ctx.val("date")) if ctx.val("date") else ctx.placeholder("date")
    ctx.check_weekday()
    place = ctx.need("place")
    scenes: list[tuple[str, str, str]] = [
        (
            t("video.hook_picture", audience=audience, event=event),
            event,
            t("video.hook_voice", event=event),
        ),
        (
            t("video.info_picture"),
            t("video.info_screen", time=time, date=date, place=place),
            t("video.info_voice", event=event, time=time, date=date, place=place),
        ),
    ]
    optional: list[tuple[str, str, str]] = []
    theme = ctx.val("theme") or ctx.val("slogan")
    if theme:
        optional.append(
            (t("video.theme_picture"), f"“{theme}”", t("video.theme_voice", theme=theme))
        )
    activities = ctx.joined("activities", "; ")
    if activities:
        optional.append(
            (
                t("video.activities_picture", activities=activities),
                activities,
                t("video.activities_voice", activities=activities),
            )
        )
    figures = ctx.figures()
    people_voice = (
        t("video.people_voice_figures", audience=audience, figures=figures)
        if figures
        else t("video.people_voice", audience=audience)
    )
    optional.append((t("video.people_picture"), figures or audience, people_voice))
    # Scenes that carry details from the prompt are always kept.
    given = len(optional) if (figures or ctx.val("audience")) else len(optional) - 1
    optional.append((t("video.moment_picture"), "", t("video.moment_voice")))
    n = max(3, min(8, round(total / 8)))
    while optional and (len(scenes) < n - 1 or given > 0):
        scenes.append(optional.pop(0))
        given -= 1
    hashtags = " ".join(ctx.all("hashtags") + suggested_hashtags(ctx))
    contact = ctx.contact()
    cta_screen = " ".join(v for v in (t("video.cta_screen"), contact, hashtags) if v)
    org = ctx.val("org") or ""
    cta_picture = t("video.cta_picture", org=org).replace("  ", " ")
    scenes.append((cta_picture, cta_screen, t("video.cta_voice")))
    spans = _scene_seconds([voice for _, _, voice in scenes], total)
    total = sum(spans)
    channel = ctx.joined("channel") or t("video.channel_default")
    lines = [
        t("video.heading", event=event),
        t("video.meta", total=total, ratio=_ratio(ctx, "video"), channel=channel),
    ]
    if ctx.val("tone"):
        lines.append(t("video.tone", tone=ctx.joined("tone")))
    start = 0
    for i, ((picture, screen, voice), secs) in enumerate(zip(scenes, spans, strict=True), 1):
        lines.append("")
        lines.append(t("video.scene", n=i, start=start, end=start + secs, seconds=secs))
        lines.append(t("video.picture", text=picture))
        if screen:
            lines.append(t("video.screen", text=screen))
        lines.append(t("video.voice", text=voice))
        start += secs
    return Built("\n".join(lines))


# ====================================================================== image prompt
def build_image(ctx: Context) -> Built:
    event = ctx.event()
    audience = ctx.joined("audience")
    subject = (
        t("image.subject_people", audience=audience, event=event)
        if audience
        else t("image.subject_default", event=event)
    )
    if ctx.val("place"):
        setting = t("image.setting_place", place=ctx.val("place"))
    else:
        folded = fold(" ".join(ctx.all("event") + ctx.all("theme")))
        if "tet" in folded.split() or "sum vay" in folded:
            setting = t("image.setting_tet")
        elif "an toan" in folded or "atvsld" in folded:
            setting = t("image.setting_safety")
        elif "cong nhan" in folded:
            setting = t("image.setting_workers")
        elif any(k in folded for k in ("hoi nghi", "dai hoi", "hop")):
            setting = t("image.setting_meeting")
        else:
            setting = t("image.setting_default")
    style = t(
        "image.style_formal"
        if ctx.formal
        else "image.style_friendly"
        if ctx.friendly
        else "image.style_default"
    )
    text_values = ctx.all("image_text") or ctx.all("slogan") or ctx.all("theme")
    on_image = " / ".join(text_values) if text_values else ctx.placeholder("image_text")
    colours = ctx.joined("colours") or t("image.colours_default")
    ratio = _ratio(ctx, "image")
    lines = [
        t("image.heading", event=event),
        "",
        t("image.subject", text=subject),
        t("image.setting", text=setting),
        t("image.style", text=style),
        t("image.text", text=on_image),
        t("image.layout", text=t("image.layout_default")),
        t("image.colours", text=colours),
        t("image.ratio", text=ratio),
        "",
        t("image.prompt_heading"),
        t(
            "image.prompt",
            subject=subject,
            setting=setting,
            style=style,
            colours=colours,
            ratio=ratio,
            text=on_image,
        ),
    ]
    return Built("\n".join(lines), notes=[t("tips.image_text")])


# ====================================================================== summary
def build_summary(ctx: Context, source: str) -> Built:
    source = source.strip()
    if not source or len(split_sentences(source)) < 1 or word_count(source) < 8:
        ctx.placeholder("source")
        lines = [
            t("summary.no_text"),
            t("summary.how_to"),
            "",
            t("summary.how_to_example"),
            ctx.placeholder("source"),
        ]
        return Built("\n".join(lines))
    limits = ctx.limits()
    count: int | None = None
    words: int | None = None
    for lim in limits:
        if lim.unit in ("sentences", "bullets", "paragraphs") and count is None:
            count = lim.maximum
        elif lim.unit == "words" and words is None:
            words = lim.maximum
    if ctx.brief and count is None and words is None:
        count = 2
    result = summarise(source, count=count, max_words=words)
    bullets = any(lim.unit == "bullets" for lim in limits)
    lines = [t("summary.heading", kept=len(result.sentences))]
    if bullets:
        lines += [f"- {s}" for s in result.sentences]
    else:
        lines += [f"{i}. {s}" for i, s in enumerate(result.sentences, 1)]
    lines.append("")
    if result.kept >= result.total:
        lines.append(t("summary.whole", total=result.total))
    else:
        lines.append(t("summary.note", kept=result.kept, total=result.total))
    return Built("\n".join(lines), notes=[t("tips.extractive")])


# ====================================================================== general
def build_general(ctx: Context, text: str) -> Built:
    folded = fold(text.strip())
    lines: list[str] = []
    if re.match(r"(xin )?chao|hello|hi(?![a-z])|alo", folded):
        lines.append(t("general.greeting"))
    else:
        lines.append(t("general.cannot"))
    lines += [
        t("general.scope"),
        "",
        t("general.rephrase"),
        "- " + t("general.example_1"),
        "- " + t("general.example_2"),
        "- " + t("general.example_3"),
        "",
        t("general.real"),
    ]
    return Built("\n".join(lines))


def build_minutes(ctx: Context) -> Built:
    """A biên bản (NĐ 30, mẫu 1.9): when and where, who, the proceedings, the conclusion,
    when it ended, and the signatures of the secretary and the chair side by side."""
    event = ctx.val("event") or ctx.val("subject")
    subject = t("doc.minutes_subject", event=event) if event else ctx.placeholder("event")
    lines = _header(ctx, subject)
    # "Chủ trì: đồng chí Lê Thị Hoa, Chủ tịch": the name may be read as the signer's
    chair = ctx.joined("chair") or ctx.val("signer") or ctx.placeholder("chair")
    secretary = ctx.need("secretary")
    lines += [
        t("doc.minutes_start", when=_end(ctx.when())),
        t("doc.minutes_place", place=_end(ctx.need("place"))),
        t("doc.minutes_participants", audience=_end(ctx.need("audience"))),
        t("doc.minutes_chair", chair=_end(chair)),
        t("doc.minutes_secretary", secretary=_end(secretary)),
        t("doc.minutes_content"),
    ]
    items = ctx.all("activities") or [ctx.placeholder("activities")]
    lines += _numbered([_end(item[:1].upper() + item[1:]) for item in items])
    lines.append(t("doc.minutes_conclusion", conclusion=_end(ctx.need("conclusion"))))
    lines.append(t("doc.minutes_closing", closing=ctx.need("closing")))
    gap = " " * 12  # two columns, as the documents parser reads them
    lines += ["", f"{forms.SECRETARY}{gap}{forms.CHAIRING}", "", f"{secretary}{gap}{chair}"]
    lines += ["", forms.RECIPIENTS, t("doc.minutes_to_members"), forms.ARCHIVE]
    return Built("\n".join(lines))


BUILDERS: dict[str, Callable[[Context], Built]] = {
    "notice": build_notice,
    "invitation": build_invitation,
    "plan": build_plan,
    "report": build_report,
    "minutes": build_minutes,
    "post": build_post,
    "video_script": build_video,
    "image_prompt": build_image,
}


def build(ctx: Context, *, source: str = "", text: str = "") -> Built:
    """Run the builder for ``ctx.task``; summary and general also need the raw text."""
    if ctx.task == "summary":
        built = build_summary(ctx, source)
    elif ctx.task == "general":
        built = build_general(ctx, text)
    else:
        built = BUILDERS[ctx.task](ctx)
    built.missing = list(ctx.missing)
    built.notes = ctx.notes + built.notes
    return built
