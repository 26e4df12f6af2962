"""One draft builder per task: the details a prompt gave, laid out as the real thing.

A builder fills each part of the layout from the details; a part the prompt did not
give becomes a visible placeholder ``[bổ sung: ...]`` and its slot is recorded, so the
tips can say what to add. A more detailed prompt therefore gives a draft with fewer
placeholders, which is the point the lessons make.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from .. import vocabulary as forms
from ..i18n import msg
from ..text import fold_aligned, format_date, nfc, parse_weekday, weekday_name
from ._text import fold, lower, word_count
from .accents import restore
from .details import TEXT_SLOTS, Length, parse_date, parse_length
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
        self.prompt = ""  # the user turns of this task, as typed (for what no slot holds)

    # -------------------------------------------------------------- values
    def val(self, slot: str) -> str | None:
        values = self.d.get(slot)
        return restore(values[0]) if values else None

    def all(self, slot: str) -> list[str]:
        return [restore(v) for v in self.d.get(slot, ())]

    def joined(self, slot: str, joiner: str | None = None) -> str | None:
        values = self.all(slot)
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
        if not _has_year(date):
            return
        day = parse_date(date, self.today)
        if day is None:
            return
        if parse_weekday(weekday) == day.weekday():
            return
        note = t(
            "tips.weekday_mismatch",
            date=date,
            actual=weekday_name(day, in_sentence=True),
            given=weekday,
        )
        if note not in self.notes:
            self.notes.append(note)

    def contact(self) -> str | None:
        parts = [v for v in (self.val("contact"), self.joined("phone")) if v]
        return ", ".join(parts) if parts else None

    def loose(self, slot: str) -> list[str]:
        """Values of ``slot`` not already written inside another detail (no repeats)."""
        texts = [v for other in TEXT_SLOTS if other != slot for v in self.d.get(other, ())]
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


# Documents that announce something ahead: they are signed before it happens.
_ANNOUNCING = ("notice", "invitation", "plan")


def _issue_date(ctx: Context) -> str:
    """The date of signing: the one the prompt gives, else today - but never after the event.

    A notice about 04/5/2026 drafted on 03/12/2026 cannot be dated today. Rather than
    invent an earlier day, the draft leaves day and month blank as official drafts do
    ("ngày    tháng    năm 2026", the event's year) and a tip says why.
    """
    issued = ctx.val("issue_date")
    day = parse_date(issued, ctx.today) if issued else None
    if day is not None:
        return format_date(day)
    event = _event_day(ctx)
    if ctx.task == "minutes":
        return format_date(_meeting_day(ctx) or ctx.today)
    if ctx.task in _ANNOUNCING and event is not None and event < ctx.today:
        note = t("tips.past_event", date=_numeric(event), today=_numeric(ctx.today))
        if note not in ctx.notes:
            ctx.notes.append(note)
        return t("doc.blank_date", year=event.year)
    return format_date(ctx.today)


def _event_day(ctx: Context) -> dt.date | None:
    """The day the document's event takes place (its first day), if the prompt dates it
    with its year: "nghỉ mát ngày 2/9" written in December may well mean next year."""
    value = ctx.val("date")
    if not value:
        return None
    if _has_year(value):
        return parse_date(value, ctx.today)
    day = parse_date(value, ctx.today)
    for m in _DAYS_OF_MONTH.finditer(fold(ctx.prompt)):  # "10/8" of "2 ngày 10-11/8/2026"
        first, last, month, year = (int(g) if g else None for g in m.groups())
        if day and month == day.month and first <= day.day <= (last or first):
            return day.replace(year=year)
    return None


def _has_year(date: str) -> bool:
    """The date as the prompt wrote it says its year ("2/9/2026", not "2/9")."""
    return re.search(r"(?<!\d)\d{4}(?!\d)", date) is not None


_DAYS_OF_MONTH = re.compile(r"(?<![\d/])(\d{1,2})(?:\s*[-–]\s*(\d{1,2}))?/(\d{1,2})/(\d{4})")


def _meeting_day(ctx: Context) -> dt.date | None:
    """The day of the meeting a biên bản records: it is written at the meeting, so it is
    dated that day, not the day the trainee drafts it. A day given without its year is
    taken in the current year, or the year before when that would be in the future
    (minutes record a meeting that took place)."""
    value = ctx.val("date")
    day = parse_date(value, ctx.today) if value else None
    if day is None or _has_year(value or ""):
        return day
    return day if day <= ctx.today else day.replace(year=day.year - 1)


def _numeric(day: dt.date) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


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


def _theme(ctx: Context) -> str | None:
    """The theme or slogan a document promotes; a quoted name inside the event's own name
    ("Ngày hội hiến máu 'Giọt hồng tri ân'", "hội thi 'Bữa cơm gia đình'") is the event's
    name, and "với chủ đề “Giọt hồng tri ân”" would present it as something else."""
    theme = ctx.val("theme") or ctx.val("slogan")
    if not theme:
        return None
    named = fold(" ".join(ctx.all("event") + ctx.all("subject")))
    return None if ctx.val("slogan") is None and fold(theme) in named else theme


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
    budget = t("list_joiner").join(v for v in ctx.loose("budget") if _is_budget(ctx, v))
    if budget and ctx.task != "plan":
        lines.append(t("doc.budget", budget=budget))
    deadline = ctx.val("deadline")
    if deadline:
        lines.append(t("doc.deadline", deadline=ctx.date_text(deadline)))
    contact = ctx.contact()
    if contact:
        lines.append(t("doc.contact", contact=contact))
    return lines


# What a notice announces decides its fields: a meeting or an event has a time, a place
# and people who attend; a holiday, a dues collection, results or a registration do not
# take place anywhere, and "tham gia đầy đủ, đúng giờ" makes no sense for them.
_NOTICE_KINDS = (
    ("holiday", r"nghi (?:le|tet|mat|huong luong|bu)|lich nghi|lich truc|truc tet|nghi tu ngay"),
    ("dues", r"doan phi|thu (?:tien|quy|kinh phi)|dong gop|ung ho|nop (?:tien|danh sach)"),
    ("results", r"ket qua|khen thuong|binh xet|cong nhan (?:danh hieu|dat)"),
    ("registration", r"tuyen (?:chon|cong tac|thanh vien)|dang ky|ket nap|nhan don|cap nhat"),
    (
        "change",
        r"thay doi|doi lich|tam dung|dieu chinh|hoan (?:to chuc|lai)|duong day nong"
        r"|(?:doi|lui|chuyen|dich) (?:lai )?(?:ngay|gio|thoi gian|dia diem|lich)(?![a-z])",
    ),
)


def notice_kind(ctx: Context) -> str:
    """``meeting`` (the default) or what else the notice announces."""
    folded = fold(ctx.prompt or " ".join(ctx.all("event") + ctx.all("subject")))
    for kind, pattern in _NOTICE_KINDS:
        if re.search(pattern, folded):
            return kind
    return "meeting"


def _inform_items(ctx: Context) -> list[str]:
    """The fields of a notice that informs (no place or attendance unless the prompt has them)."""
    items = []
    if ctx.val("date") or ctx.val("time"):
        items.append(_field(forms.FIELD["time"], _end(ctx.when(with_time=bool(ctx.val("time"))))))
    if ctx.val("place"):
        items.append(_field(forms.FIELD["place"], _end(ctx.val("place"))))
    if ctx.val("audience"):
        items.append(_field(forms.FIELD["audience"], _end(ctx.joined("audience"))))
    activities = ctx.joined("activities", "; ")
    if activities:
        items.append(_field(forms.FIELD["activities"], _end(activities)))
    return items


# "Thông báo họp Ban Chấp hành ... nội dung bàn kế hoạch Tháng Công nhân" is about the
# meeting; the event named later is its agenda, not the notice's subject.
_MEETING_HEAD = re.compile(
    r"(?:thong bao|tb)\s+(?:ve viec\s+)?(?P<what>hop\s(?:(?!luc|vao|ngay|tai|cua|cdcs|cong doan"
    r"|noi dung|thu\s)[a-z0-9 ])+)"
)


def _meeting_subject(ctx: Context) -> str | None:
    text = nfc(ctx.prompt)
    m = _MEETING_HEAD.search(fold_aligned(text))
    if not m:
        return None
    return restore(text[m.start("what") : m.end("what")].strip())


# "Thông báo nghỉ lễ 30/4 và 1/5 năm 2026 cho toàn thể người lao động ...": the matter is
# what follows the word "thông báo", up to the people it is for or the first punctuation.
# "Giải cầu lông cán bộ, viên chức": a pair of audiences inside a name, not two clauses
_PAIR = r",(?= (?:vien chuc|nguoi lao dong|cong nhan|nhan vien|giao vien)(?![a-z]))"
_NOTICE_HEAD = re.compile(
    r"(?:thong bao|tb)\s*:?\s+(?:ve viec\s+)?(?P<what>(?:[a-z0-9/ -]|[.,](?=\d)|" + _PAIR + r")+?)"
    r"(?=\s+(?:cho|cua|toi|den|gui|de|gom|bao gom|luc|vao|ngay(?=\s+\d)|tai|tu ngay|tu(?=\s+\d))\s"
    r"|\s*(?:[:;\n(]|[.,](?!\d))|$)"
)


def _head_subject(ctx: Context, head: re.Pattern[str]) -> str | None:
    """What the prompt's first line says the document is about (``head``'s group "what"),
    in the trainee's words; ``None`` when it names nothing of two words or more."""
    text = nfc(ctx.prompt.split("\n", 1)[0])
    m = head.search(fold_aligned(text))
    if not m or len(m.group("what").split()) < 2:
        return None
    return restore(text[m.start("what") : m.end("what")].strip(" ,"))


def _notice_subject(ctx: Context) -> str | None:
    return _head_subject(ctx, _NOTICE_HEAD)


def build_notice(ctx: Context) -> Built:
    kind = notice_kind(ctx)
    if kind == "meeting":
        subject = _meeting_subject(ctx) or _subject_organise(ctx)
    else:
        subject = (
            ctx.val("subject")
            or _notice_subject(ctx)
            or ctx.val("event")
            or ctx.placeholder("subject")
        )
    lines = _header(ctx, forms.SUBJECT.format(subject=subject))
    org = ctx.need("org")
    theme = _theme(ctx)
    if kind == "meeting" and _meeting_subject(ctx):
        lines.append(t("doc.notice_opening_inform", org=org, subject=subject))
    elif ctx.val("subject"):  # "về việc ..." said in the prompt names the matter exactly
        key = "doc.notice_opening_subject_theme" if theme else "doc.notice_opening_subject"
        lines.append(t(key, org=org, subject=ctx.val("subject"), theme=theme or ""))
    elif kind != "meeting":
        lines.append(t("doc.notice_opening_inform", org=org, subject=subject))
    else:
        key = "doc.notice_opening_theme" if theme else "doc.notice_opening"
        lines.append(t(key, org=org, event=ctx.event(), theme=theme or ""))
    if kind != "meeting":
        lines += _numbered(_inform_items(ctx))
        lines += _extras(ctx)
        audience = ctx.joined("audience") or t("doc.everyone")
        lines.append(t("doc.notice_closing_inform", audience=audience))
        recipients = [t("doc.to_superior", superior=_issuer(ctx)[1]), t("doc.to_groups")]
        lines += _signature(ctx, recipients)
        return Built("\n".join(lines))
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


# "Lập kế hoạch phát triển đoàn viên năm 2026: ..., tuyên truyền qua nhóm Zalo": the plan
# is about what its first line names, not about the first activity its details mention.
_PLAN_HEAD = re.compile(
    r"(?:ke hoach|kh)\s*:?\s+(?:(?:to chuc|thuc hien)\s+)?"
    r"(?P<what>(?:[a-z0-9/ '\"“”‘’-]|[.,](?=\d))+?)"
    r"(?=\s+(?:cho|cua|toi|den|gui|de|gom|bao gom|luc|vao|ngay(?=\s+\d)|tai|tu ngay|voi)\s"
    r"|\s*(?:[:;\n(]|[.,](?!\d))|$)"
)
_NOT_A_NAME = re.compile(r"(?:cua|ve|cho|gui|de|voi|cac|nhung|so|nay|len)(?![a-z0-9])")


def _plan_event(ctx: Context) -> str:
    """What the plan organises: the event the prompt names, unless its first line names
    something else ("kế hoạch phát triển đoàn viên": the event found was an activity)."""
    event = ctx.val("event")
    named = _head_subject(ctx, _PLAN_HEAD)
    if not named or _NOT_A_NAME.match(fold(named)):
        return ctx.event()
    if event and (fold(event) in fold(named) or fold(named) in fold(event)):
        return ctx.event()
    return named


# "Tháng Công nhân 2026 gồm lễ phát động ngày 28/4, đối thoại tháng 5, ...": each date is
# an activity's, and the first of them on the plan's "Thời gian" line would misdate the plan.
_LIST_START = re.compile(r"(?<![a-z])(?:gom|bao gom|hoat dong)(?![a-z])|:")
_WHEN_IN_LIST = re.compile(
    r"(?<![\d/])\d{1,2}/\d{1,2}(?:/\d{2,4})?(?!\d)|(?<![a-z])thang \d{1,2}(?![\d/])"
)


def _dates_of_activities(ctx: Context) -> bool:
    date = fold(ctx.val("date") or "")
    if not date or re.search(r"(?<![a-z])den(?![a-z])|\d\s*[-–]\s*\d", date):
        return False  # "từ 23/5 đến 20/6/2026": the period of the whole plan
    folded = fold(nfc(ctx.prompt))
    start = _LIST_START.search(folded)
    return bool(start) and len(_WHEN_IN_LIST.findall(folded[start.end() :])) >= 2


def build_plan(ctx: Context) -> Built:
    event = _plan_event(ctx)
    lines = _header(ctx, t("doc.plan_subject", event=event))
    org, superior = _issuer(ctx)
    basis = _basis(ctx)
    if basis:
        lines.append(t("doc.plan_basis_given", basis=basis, event=event, org=org))
    else:  # never invent a legal basis: the tips ask for the superior's plan instead
        lines.append(t("doc.plan_opening", event=event, org=org))
    audience = ctx.need("audience")
    s = forms.PLAN_SECTIONS
    lines += [s["purpose"], s["aim"]]
    purposes = ctx.all("purpose") or [t("doc.plan_aim", event=event, audience=audience)]
    lines += [f"- {_end(p)}" for p in purposes]
    theme = _theme(ctx)
    if theme:
        lines.append("- " + t("doc.plan_aim_theme", theme=theme, audience=audience))
    lines += [s["requirements"], "- " + t("doc.plan_requirement_1")]
    lines.append("- " + t("doc.plan_requirement_2"))
    lines.append(s["content"])
    if _dates_of_activities(ctx):
        when = ctx.placeholder("date")  # each date stays with its activity, in the details
    else:
        when = _end(ctx.when(with_time=bool(ctx.val("time"))))
    lines.append("1. " + _field(forms.FIELD["time"], when))
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
    budget = _total_budget(ctx) or ctx.placeholder("budget")
    lines.append("- " + t("doc.plan_budget", budget=budget))
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
    return Built("\n".join(lines), notes=[t("tips.cited" if basis else "tips.basis")])


_BASIS = re.compile(
    r"(?:can cu|thuc hien\s(?=(?:ke hoach|cong van|chi thi|nghi quyet|huong dan|quyet dinh"
    r"|thong tri|chuong trinh|van ban)(?![a-z])))\s?[^.;\n]*?"
    r"(?=,\s*(?:lap|soan|viet|xay dung|lam)\b|[;\n]|\.(?:\s|$)|$)"
)


def _basis(ctx: Context) -> str | None:
    """The document the prompt says the plan implements ("Căn cứ Kế hoạch số 25/KH-LĐLĐ ...")."""
    text = nfc(ctx.prompt)
    m = _BASIS.search(fold_aligned(text))
    return text[m.start() : m.end()].strip(" ,") if m else None


# "Báo cáo kết quả hoạt động công đoàn 6 tháng đầu năm 2026 của CĐCS ... gửi LĐLĐ ...:
# kết nạp ..., tổ chức 2 buổi đối thoại": the report is about what follows "báo cáo", not
# about the first event its figures mention.
_REPORT_HEAD = re.compile(
    r"(?:bao cao|bc)(?:\s+nhanh)?\s*:?\s+(?:ve\s+(?:viec\s+)?)?"
    r"(?P<what>(?:[a-z0-9/ ,'-]|[.](?=\d))+?)"
    r"(?=\s+(?:cua(?= (?:cong doan|cdcs|ldld|lien doan|ban chap hanh|bch))|gui|cho"
    r"|tai(?! nan| chinh| san| tro| lieu)|ngay|luc|vao|len)\s"
    r"|\s*(?:[:;\n(]|\.(?!\S))|$)"
)


def _report_subject(ctx: Context) -> str | None:
    what = _head_subject(ctx, _REPORT_HEAD)
    return what[:1].upper() + what[1:] if what else None


# A report about an incident (an accident, a fire, a flood) tells what happened: when and
# where it happened, who was involved, the damage and what was done. "Thời gian thực hiện"
# and "Đối tượng tham gia" would present the accident as an activity people took part in.
_INCIDENT = re.compile(
    r"(?<![a-z])(?:tai nan|su co|vu chay|hoa hoan|chay no|vu no|ngo doc|bi thuong|tu vong"
    r"|thien tai|bao lu|lu lut|sat lo|ngung viec tap the|dinh cong)(?![a-z])"
)
_NO_INCIDENT = re.compile(r"(?<![a-z])(?:khong|khong co|khong de xay ra|khong xay ra|giam)\s+$")


def _is_incident(ctx: Context, named: str | None) -> bool:
    """The report is about an incident: its subject names one (not "không có tai nạn")."""
    head = fold(named) if named else fold(ctx.prompt).split(":")[0]
    return any(not _NO_INCIDENT.search(head[: m.start()]) for m in _INCIDENT.finditer(head))


def _report_facts(ctx: Context, lines: list[str], *, incident: bool) -> None:
    """Section I of a report: when, where, who and the figures, worded for its kind."""
    key = "doc.report_incident_" if incident else "doc.report_"
    when = ctx.when(with_time=bool(ctx.val("time")))
    lines.append("1. " + t(key + ("when" if incident else "deploy"), when=when))
    n = 2
    if ctx.val("place"):
        lines.append(f"{n}. " + t(key + "place", place=ctx.val("place")))
        n += 1
    if ctx.val("audience"):
        people = "people" if incident else "audience"
        lines.append(f"{n}. " + t(key + people, audience=ctx.joined("audience")))
        n += 1
    lines.append(f"{n}. " + t("doc.report_incident_facts" if incident else "doc.report_results"))
    results = ctx.all("results") + ctx.all("activities")
    lines += [f"- {_end(r)}" for r in results]
    # No "Số liệu: 398 người, ..." line: a figure without its sentence ("trong đó nữ 398
    # người") misleads; the sentences are carried under this heading (_carry_points).
    if not results:
        lines.append("- " + ctx.placeholder("results"))


def build_report(ctx: Context) -> Built:
    named = _report_subject(ctx)
    event = named or ctx.event()
    title = named or t("doc.report_subject", event=event)
    incident = _is_incident(ctx, named)
    lines = _header(ctx, title)
    org, superior = _issuer(ctx)
    addressee = ctx.val("addressee") or superior
    lines += [forms.ADDRESSEE.format(addressee=addressee), ""]
    if named:
        lines.append(t("doc.report_opening_named", subject=_lower_first(named), org=org))
    else:
        lines.append(t("doc.report_opening", event=event, org=org))
    s = forms.REPORT_SECTIONS
    lines.append(t("doc.report_incident_section") if incident else s["results"])
    _report_facts(ctx, lines, incident=incident)
    if incident:
        lines.append(t("doc.report_incident_assessment"))
        lines.append("- " + t("doc.report_incident_cause", cause=ctx.need("cause")))
    else:
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
    if named:
        lines.append(t("doc.report_closing_named", subject=_lower_first(named), org=org))
    else:
        lines.append(t("doc.report_closing", event=event, org=org))
    lines += _signature(ctx, [forms.AS_ABOVE])
    return Built("\n".join(lines))


def _lower_first(value: str) -> str:
    """ "Kết quả hoạt động ..." inside a sentence: "kết quả hoạt động ..." (names keep case)."""
    first = value.split(" ", 1)[0]
    return value if first.isupper() or first[1:2].isupper() else value[:1].lower() + value[1:]


# An amount is the event's budget unless its clause says what else it is: the price of
# one gift ("mỗi suất 500.000 đồng"), a prize ("thưởng tổ xuất sắc 1.500.000đ", "giải nhất
# 3 triệu"), a sponsorship or a donation ("tài trợ 50 triệu"), a damage. Labelled "Kinh
# phí", those would mislead; they stay in the trainee's sentence, which says what they are.
_NOT_BUDGET = re.compile(
    r"(?<![a-z])(?:(?:moi|1) (?:suat|phan|nguoi|doan vien|chau|lan|gia dinh|truong hop|to|tap the)"
    r"|thuong|khen thuong|giai (?:nhat|nhi|ba|khuyen khich|dac biet)|tai tro|ung ho|quyen gop"
    r"|ho tro|tham hoi|tri gia|nhuan but|thiet hai|muc dong|muc thu|dong gop|phan thuong"
    r"|co cau giai|moi giai|moi suat|moi phan)(?![a-z])"
)
_PRIZE_LIST = re.compile(r"(?<![a-z])(?:giai thuong|co cau giai|phan thuong|tien thuong)\W")
_BUDGET_CUE = re.compile(r"(?<![a-z])(?:kinh phi|du tru|ngan sach|tong chi|tong kinh phi)(?![a-z])")
_CLAUSE_BREAK = re.compile(r"[;.\n(]|,(?!\d)|(?<!\d),")


def _is_budget(ctx: Context, value: str) -> bool:
    """``value`` (an amount of the prompt) is what the event costs, not a prize or a gift."""
    folded = fold(nfc(ctx.prompt))
    at = folded.find(fold(value))
    if at < 0:
        return True
    before = folded[max(0, at - 60) : at]
    sentence = re.split(r"[;.\n]\s", before)[-1]  # "giải thưởng: nhất 3 triệu, nhì 2 triệu"
    if _PRIZE_LIST.search(sentence):
        return False
    if _BUDGET_CUE.search(before[-40:]):
        return True
    breaks = list(_CLAUSE_BREAK.finditer(before))
    clause = before[breaks[-1].end() :] if breaks else before
    return not _NOT_BUDGET.search(clause)


def _total_budget(ctx: Context) -> str | None:
    """The plan's budget without the amounts per gift or per person ("mỗi suất 500.000 đồng").

    Those are prices of one item, prizes or sponsorships; adding them to the total's line
    made a budget read "100 triệu đồng, 500.000 đồng". They stay in the draft, where the
    prompt put them; with no total given, the budget line is left for the trainee.
    """
    totals = [value for value in ctx.all("budget") if _is_budget(ctx, value)]
    return t("list_joiner").join(totals) if totals else None


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
    unquoted = _QUOTED.sub(" ", nfc(ctx.prompt))  # "chương trình 'Cảm ơn người lao động'"
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
    theme = _theme(ctx)
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


# ====================================================================== video script
# The format the trainee asked for outranks the channel's usual one: "banner khổ ngang"
# is 16:9, whatever the channel.
_GIVEN_RATIO = re.compile(r"(?<![\d:])(16:9|9:16|4:5|1:1|4:3|3:4|3:2|2:3|21:9)(?![\d:])")
_LANDSCAPE = re.compile(r"(?<![a-z])(?:kho|hinh|anh|banner|dang|chieu) ngang(?![a-z])")
_PORTRAIT = re.compile(r"(?<![a-z])(?:kho|hinh|anh|banner|dang|chieu) doc(?![a-z])")


def _ratio(ctx: Context, prefix: str) -> str:
    asked = fold(nfc(ctx.prompt))
    given = _GIVEN_RATIO.search(asked)
    if given:
        return t("image.ratio_given", ratio=given.group(1))
    if _LANDSCAPE.search(asked):
        return t("video.ratio_wide" if prefix == "video" else "image.ratio_landscape")
    if _PORTRAIT.search(asked):
        return t("video.ratio_vertical" if prefix == "video" else "image.ratio_portrait")
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


#: Seconds of the opening scene and of the longest scene; the pace durations aim for.
_HOOK_SECONDS = int(forms.HOOK_SECONDS)
_LONGEST_SCENE = int(forms.SCENE_SECONDS[1])
_EASY_PACE, _FAST_PACE = forms.EASY_SYLLABLES_PER_SECOND, forms.MAX_SYLLABLES_PER_SECOND


def _scene_seconds(voices: list[str], total: int) -> list[int]:
    """Seconds per scene so each voice-over can be read aloud, filling ``total``.

    Every scene first gets the time its words need at an easy pace; spare seconds go
    to the middle scenes (at most ten seconds each). When the words need more than
    ``total``, scenes are squeezed towards the fastest readable pace, so the drafts
    pass the same video checks trainees' scripts face (``congdoan.media``).
    """
    # a placeholder stands for a short detail ("8h00", "Hội trường"): count two syllables
    words = [forms.syllables(re.sub(r"\[[^\]]*\]", "x x", voice)) for voice in voices]
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


# --------------------------------------------------------------------------- every fact
# The templates place what the detail slots recognise. Whatever else the prompt says (the
# activities of a plan, the practical advice of a blood-donation message, a list of
# games) must not be dropped: each clause of the prompt whose words the draft does not
# already hold is carried over, in the trainee's words, under "Nội dung cụ thể".
_CLAUSE_END = re.compile(r"\.(?=\s|$)|,(?!\d)|(?<!\d),|[;:\n()]|\s[-–]\s")
_INSTRUCTION = re.compile(
    r"^(?:(?:hay|giup (?:toi|minh|em)|nho)\s+)?(?:(?:soan|viet|lap|lam|tao|thiet ke|ra)\s+)?"
    r"(?:(?:mot|ban|cai)\s+)?(?:(?:thong bao|giay moi|ke hoach|bao cao|bien ban|bai dang"
    r"|bai viet|tin nhan|status|caption|kich ban|tb|gm|kh|bc|bb|bai|tin)(?![a-z]))?\s*"
    r"(?:(?:len|tren)\s+)?(?:(?:fanpage|facebook|fb|zalo|ngan(?! hang))(?![a-z]))?\s*"
    # "caption ngắn cho ảnh ...": "cho anh" is "for the photo", not "for Mr ..."
    r"(?:(?:(?<=caption )|(?<=caption ngan ))cho (?:anh|hinh|hinh anh|video|clip|poster)\s+)?"
)
_FILLER = frozenset(
    """
    va cua cho de ve voi tai luc ngay thang nam la co cac nhung mot the nay do o tu den duoc d/c
    se da dang thi ma nhe nha hay viet soan lap to chuc giup toi minh em ban keu goi moi
    nhac
    """.split()  # noqa: SIM905
)
# The same words typed with their marks: "nhà" (house), "thi" (contest), "đề" (topic) or
# "Ban" (committee) are content, though their unmarked forms fold onto "nha", "thì", "để"
# and "bạn". An unmarked word stays a filler: the prompt gives no way to tell.
_FILLER_MARKED = frozenset(
    """
    và của cho để về với tại lúc ngày tháng năm là có các những một thế này đó ở từ đến được
    sẽ đã đang thì mà nhé nha hãy viết soạn lập tổ chức giúp tôi mình em bạn kêu gọi mời
    nhắc do cho em nha đ/c
    """.split()  # noqa: SIM905
)
_WORDS = re.compile(r"[a-z0-9]+(?:[./][a-z0-9]+)*%?")
_TYPED_BAN = re.compile(r"(?<!\w)Ban(?!\w)")
_MIN_NEW_PAIRS = 2  # a clause bringing fewer new word pairs is already in the draft
_NEW_WORD_SHARE = 0.1
# Instructions, not facts: a length limit ("dưới 40 chữ") or a word about style.
_LIMIT_WORDS = r"(?:duoi|toi da|khong qua|khoang) \d+ (?:chu|tu|ky tu|dong|cau|giay|phut)"
_STYLE_WORDS = "giong|hashtag|emoji|bieu tuong cam xuc|ngan gon|ngan thoi|trang trong|than thien"
_NOT_A_FACT = re.compile(rf"(?<![a-z])(?:{_LIMIT_WORDS}|{_STYLE_WORDS}|vui tuoi|am ap)(?![a-z])")
# The frame of a document (header in capitals, number, signature block) says nothing of
# what the prompt asked: "CHỦ TỊCH" under the signature is not "chủ tịch CĐCS" invited.
_FRAME = re.compile(r"^(?:[^a-zà-ỹđ]*|Số:.*|- Lưu:.*|Nơi nhận:.*)$")
_WHEN_WHERE = re.compile(r"(?<![a-z])(?:tai|o|dia diem|luc|vao|ngay|gio|tu|den)(?![a-z])")
_WHEN = re.compile(r"\d{1,2}(?:h\d{0,2}|gio)|\d{1,2}/\d{1,2}(?:/\d{2,4})?|\d{1,2}h\d{2}")


# The template's own headings ("Diễn biến, thiệt hại và việc đã làm:") are not the
# trainee's facts: "không có thiệt hại về người" is not held by a heading.
_LABEL = re.compile(r"^[-\d.\s]*(?=[^\W\d_])(?:[^\s:\[]+ ){0,8}[^\s:\[]+:\s*$")


_NAME_DASH = re.compile(r"\s[-–]\s")


def _joins_names(text: str, at: int) -> bool:
    """The dash at ``at`` links two names, as the stops of a route ("Huế - Quảng Bình"):
    it does not end a clause, or the route would come out as three unrelated bullets."""
    if not _NAME_DASH.match(text, at):
        return False
    before = re.search(r"(\w+)\W*$", text[max(0, at - 30) : at])
    after = text[at + 3 : at + 4]
    return bool(before) and before.group(1)[:1].isupper() and after.isupper()


def _prompt_points(ctx: Context, draft: str) -> list[str]:
    """Clauses of the prompt the draft does not hold yet, in the trainee's words.

    A clause counts as held when its pairs of content words ("thanh niên", "đơn vị máu")
    are in the draft, whatever the order of the clauses; a number not in the draft is
    never dropped, and a one- or two-word item of a list ("kéo co") is compared whole.
    """
    # After follow-ups ("đổi địa điểm thành ...") only the task's own turn is carried, and
    # not its time and place clauses: those are the slots a follow-up changes.
    follow_ups = "\n" in ctx.prompt.strip()
    text = nfc(ctx.prompt.strip().split("\n", 1)[0] if follow_ups else ctx.prompt)
    folded = fold_aligned(text)
    marked = lower(text) != folded
    body = [_LABEL.sub("", line) for line in draft.splitlines() if not _FRAME.match(line)]
    have = " " + " ".join(_WORDS.findall(fold("\n".join(body)))) + " "
    quoted = [(m.start(), m.end()) for m in _QUOTED.finditer(text)]
    ends = [m.start() for m in _CLAUSE_END.finditer(folded)]
    ends = [e for e in ends if not any(a < e < b for a, b in quoted)]  # 'Giỏi việc nước, ...'
    ends = [e for e in ends if not _joins_names(text, e)]  # "Huế - Quảng Bình - Hà Tĩnh"
    points, start, label = [], 0, ""
    for end in [*ends, len(text)]:
        clause, plain = text[start:end], folded[start:end]
        start = end + 1
        previous_label, label = label, ""
        if _NOT_A_FACT.search(plain):
            continue  # "dưới 40 chữ", "giọng trang trọng", "thêm 3 hashtag": instructions
        if folded[end : end + 1] == ":" and len(plain.split()) <= 3 and not _WHEN.search(plain):
            if not _INSTRUCTION.fullmatch(plain.strip()):  # not "Viết bài Facebook:"
                label = clause.strip(" -–,")  # "giải thưởng: nhất 3 triệu": said with its item
            continue
        if follow_ups and _WHEN_WHERE.search(plain):
            continue
        lead = _INSTRUCTION.match(plain.strip())
        if lead and marked and _TYPED_BAN.search(clause.strip()[: lead.end()]):
            lead = None  # "Ban Thể thao chịu trách nhiệm": a committee, not "bản" (a copy)
        skip = len(plain) - len(plain.lstrip()) + (lead.end() if lead else 0)
        found = list(_WORDS.finditer(re.sub(r"#\w+", " ", plain[skip:])))  # hashtags: a slot
        tokens = [m.group() for m in found]
        typed = [lower(clause[skip + m.start() : skip + m.end()]) for m in found]
        filler = {w for w, form in zip(tokens, typed, strict=True) if _is_filler(w, form, marked)}
        content = [w for w in tokens if w not in filler]
        if not content:
            continue
        new_numbers = [w for w in content if any(c.isdigit() for c in w) and f" {w} " not in have]
        if follow_ups and new_numbers and all(_WHEN.fullmatch(w) for w in new_numbers):
            continue  # a time or date a later turn replaced ("đổi giờ thành 15h30")
        pairs = [
            f" {a} {b} "
            for a, b in itertools.pairwise(tokens)
            if a not in filler and b not in filler
        ]
        new_pairs = [p for p in pairs if p not in have]
        new_words = [w for w in content if f" {w} " not in have]
        whole = f" {' '.join(tokens)} " in have
        short = len(content) <= 2 and not whole
        # pairs across two facts already placed ("Huế đăng") say nothing new: some of the
        # clause's own words must be new too
        fresh = len(new_words) >= max(1, _NEW_WORD_SHARE * len(content)) or any(
            w in p.split() for w in new_words if w not in _CUE_WORDS for p in new_pairs
        )  # "... con đoàn viên học giỏi": one new word, said with its neighbour, is a fact
        enough = len(new_pairs) >= min(_MIN_NEW_PAIRS, len(pairs)) and bool(new_pairs)
        if not new_numbers and _restates_fields(content, new_words):
            continue  # "khai mạc 8h00 ngày 10/8 tại ...": the time and place lines hold it
        if new_numbers or short or (fresh and enough):
            rest = re.sub(r"\s*#\w+", "", clause[skip:])  # hashtags go on their own line
            point = restore(_without_placed(ctx, rest, have).strip(" -–,"))
            if not point:
                continue
            if previous_label:
                point = f"{restore(previous_label)}: {point[:1].lower() + point[1:]}"
            points.append(point[:1].upper() + point[1:])
            have += " ".join(tokens) + " "
    return points


_CUE_WORDS = frozenset({"sang", "chieu", "toi", "trua", "luc", "vao", "ngay", "tai", "o", "gio"})
_PLACED_CUE = (
    r"(?:(?<!\w)(?:vào|lúc|ngày|tại|ở|sáng|chiều|tối|trưa|vao|luc|ngay|tai|o|sang|chieu|toi"
    r"|trua)\s+)*"
)
_MIN_REST_WORDS = 3  # "Văn nghệ lúc 8h00" stays whole: "Văn nghệ" alone loses its hour


_NEW_VALUE = re.compile(
    r"(?<![a-z])(?:sang|qua)\s+(?:(?:luc\s+)?\d{1,2}h\d{0,2},?\s+)?(?:ngay\s+|luc\s+|vao\s+)?$"
)
_MOVED_CLAUSE = re.compile(r"(?<!\w)(?:từ|tu|khỏi|khoi)\s.*\s(?:sang|qua)\s+(?:\S+\s+)?\d", re.I)


def _without_placed(ctx: Context, clause: str, have: str) -> str:
    """``clause`` without the time, date and place the draft's field lines already give.

    "... đi Phong Nha ngày 25/7/2026" keeps "đi Phong Nha": the date is on the line
    "Thời gian", and a fact comes out once.
    """
    moved = bool(_MOVED_CLAUSE.search(clause))
    for slot in ("time", "date", "place"):
        for value in ctx.d.get(slot, ()):
            if f" {' '.join(_WORDS.findall(fold(value)))} " not in have:
                continue
            if moved and _NEW_VALUE.search(fold(clause.partition(value)[0])):
                continue  # "đổi từ ngày 20/6 sang ngày 27/6": the change needs both days
            pattern = r"[\s,]*" + _PLACED_CUE + re.escape(value)
            rest = re.sub(pattern, "", clause, flags=re.IGNORECASE)
            if len(rest.split()) >= _MIN_REST_WORDS:
                clause = rest
    return re.sub(r"\s{2,}", " ", clause)


def _restates_fields(content: list[str], new_words: list[str]) -> bool:
    """A clause of dates and places the draft's field lines already hold, with at most a
    word or two around them ("khai mạc"): carrying it would state the facts twice."""
    if _UNCHANGED.search(" ".join(content)):
        return False  # "thời gian giữ nguyên 7h30 ...": in a change notice, that is the news
    times = [w for w in content if _TIME_WORD.fullmatch(w)]
    dates = [w for w in content if _DATE_WORD.fullmatch(w)]
    return bool(times and dates) and len(content) >= 5 and len(new_words) <= 2


_UNCHANGED = re.compile(r"(?<![a-z])(?:giu nguyen|khong (?:doi|thay doi)|nhu cu)(?![a-z])")


def _drop_restated_extras(lines: list[str], points: list[str]) -> list[str]:
    """Without the lines of figures, budget and deadline whose numbers the title or a
    carried clause states in the trainee's words ("mỗi bài được đăng nhuận bút 200.000đ",
    "điều chỉnh mức chi từ 300.000 đồng lên 500.000 đồng"): once is enough, and the
    sentence says what the amount is for."""
    prefixes = [t(f"doc.{key}", **{key: ""}).rstrip(".") for key in _EXTRA_KEYS]
    prefixes.append("- " + t("doc.report_figures", figures="").rstrip("."))
    labels = [f" {t(f'post.{key}')}: " for key in ("figures", "budget")]  # "💰 Kinh phí, ...: "
    extra = [
        any(line.startswith(prefix) for prefix in prefixes)
        or any(label in f" {line}" for label in labels)
        for line in lines
    ]
    body = [
        line
        for line, is_extra in zip(lines, extra, strict=True)
        if not is_extra and not _FRAME.match(line)
    ]
    words = _WORDS.findall(fold(" ".join(body + points)))
    said, text = set(words), f" {' '.join(words)} "
    kept = []
    for line, is_extra in zip(lines, extra, strict=True):
        if is_extra:
            numbers = [w for w in _WORDS.findall(fold(line)) if any(c.isdigit() for c in w)]
            if numbers and all(w in said for w in numbers):
                continue
            line = _without_said_values(line, text)
        kept.append(line)
    return kept


def _without_said_values(line: str, said: str) -> str:
    """ "Quy mô: 25 đoàn viên, 3 tổ công đoàn." without the values written word for word
    elsewhere ("3 tổ công đoàn vững mạnh"): "Quy mô: 25 đoàn viên." """
    head, sep, rest = line.partition(": ")
    joiner = t("list_joiner")
    end = "." if rest.endswith(".") else ""
    values = rest.rstrip(".").split(joiner)
    fresh = [v for v in values if f" {' '.join(_WORDS.findall(fold(v)))} " not in said]
    if not sep or not fresh or len(fresh) == len(values):
        return line
    return f"{head}{sep}{joiner.join(fresh)}{end}"


_EXTRA_KEYS = ("figures", "budget", "deadline")
_TIME_WORD = re.compile(r"\d{1,2}h(?:\d{2})?")
_DATE_WORD = re.compile(r"\d{1,2}/\d{1,2}(?:/\d{2,4})?")
_QUOTED = re.compile(r"“[^”\n]*”|\"[^\"\n]*\"|«[^»\n]*»|‘[^’\n]*’|(?<!\w)'[^'\n]*'(?!\w)")


def _is_filler(word: str, typed: str, marked: bool) -> bool:
    """A word that carries no fact: ``word`` (folded) is a filler, typed as one.

    In a prompt typed with marks (``marked``) the word must be typed as a filler ("thì",
    not "thi" of "thi đấu"); in one typed without marks every folded filler counts.
    """
    if word not in _FILLER:
        return False
    return typed in _FILLER_MARKED if marked else True


def _carry_points(ctx: Context, draft: str) -> str:
    if ctx.task not in ("notice", "invitation", "plan", "report", "minutes", "post"):
        return draft
    if ctx.task == "post" and ctx.limits():
        return draft  # the trainee set the length: the post builder already chose what fits
    points = _prompt_points(ctx, draft)
    lines = _drop_restated_extras(draft.split("\n"), points)
    if not points:
        text = "\n".join(lines)
        return re.sub(r"\n{3,}", "\n\n", text) if ctx.task == "post" else text
    results = _results_end(lines) if ctx.task == "report" else None
    if ctx.task == "post":  # after the call to action, which must show before "Xem thêm"
        at = next((i for i, line in enumerate(lines) if line.startswith("#")), len(lines))
        block = [*(f"- {_end_plain(p)}" for p in points), ""]
    elif results is not None:
        # a report's facts are its results: under "Kết quả cụ thể", not after the proposals
        at, block = results, [f"- {_end(p)}" for p in points]
        placeholder = f"- {t('placeholder', label=t('slot.results'))}"
        if lines[at - 1] == placeholder:
            at -= 1
            del lines[at]
            ctx.missing[:] = [slot for slot in ctx.missing if slot != "results"]
    else:
        # the signature block: "TM. BAN CHẤP HÀNH", or "THƯ KÝ ... CHỦ TRÌ" of minutes
        signs = ("TM.", forms.SECRETARY)
        sign = next((i for i, line in enumerate(lines) if line.startswith(signs)), len(lines))
        at = max(0, sign - 2)  # before the closing sentence and the blank line
        block = [t("doc.details_heading"), *(f"- {_end(p)}" for p in points)]
    text = "\n".join([*lines[:at], *block, *lines[at:]])
    # a post's block of detail lines can be left empty once restated ones are dropped
    return re.sub(r"\n{3,}", "\n\n", text) if ctx.task == "post" else text


def _results_end(lines: list[str]) -> int | None:
    """Where the bullets of a report's results ("Kết quả cụ thể:") end."""
    headings = (t("doc.report_results"), t("doc.report_incident_facts"))
    for i, line in enumerate(lines):
        if line.split(". ", 1)[-1] in headings:
            end = i + 1
            while end < len(lines) and lines[end].startswith("- "):
                end += 1
            return end
    return None


def _end_plain(value: str) -> str:
    return value.rstrip(" .;") + "."


def build(ctx: Context, *, source: str = "", text: str = "") -> Built:
    """Run the builder for ``ctx.task``; summary and general also need the raw text."""
    if ctx.task == "summary":
        built = build_summary(ctx, source)
    elif ctx.task == "general":
        built = build_general(ctx, text)
    else:
        built = BUILDERS[ctx.task](ctx)
        built.draft = _carry_points(ctx, built.draft)
    built.missing = list(ctx.missing)
    built.notes = ctx.notes + built.notes
    return built
