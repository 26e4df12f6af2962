"""Union documents (NĐ 30/2020 layout): notice, invitation, plan, report and minutes.

Each shares the frame of a union document: the issuing bodies, number, motto, place and
date, title and subject above; the signature block and recipients below.
"""

from __future__ import annotations

import datetime as dt
import re

from ... import vocabulary as forms
from ...text import fold_aligned, format_date, nfc
from .._text import end_sentence, fold, without_dangling
from ..accents import restore
from ..details import parse_date
from .context import Built, Context, has_year, t

__all__ = [
    "build_invitation",
    "build_minutes",
    "build_notice",
    "build_plan",
    "build_report",
    "notice_kind",
]


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
    # a unit's name ends with where it is: "Công ty CP Bia Hà Nội - Huế" is in Huế
    named = [(names.rfind(fold(city)), city) for city in cities if fold(city) in names]
    return max(named)[1] if named else cities[0]


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
    if has_year(value):
        return parse_date(value, ctx.today)
    day = parse_date(value, ctx.today)
    for m in _DAYS_OF_MONTH.finditer(fold(ctx.prompt)):  # "10/8" of "2 ngày 10-11/8/2026"
        first, last, month, year = (int(g) if g else None for g in m.groups())
        if day and month == day.month and first <= day.day <= (last or first):
            return day.replace(year=year)
    return None


_DAYS_OF_MONTH = re.compile(r"(?<![\d/])(\d{1,2})(?:\s*[-–]\s*(\d{1,2}))?/(\d{1,2})/(\d{4})")


def _meeting_day(ctx: Context) -> dt.date | None:
    """The day of the meeting a biên bản records: it is written at the meeting, so it is
    dated that day, not the day the trainee drafts it. A day given without its year is
    taken in the current year, or the year before when that would be in the future
    (minutes record a meeting that took place)."""
    value = ctx.val("date")
    day = parse_date(value, ctx.today) if value else None
    if day is None or has_year(value or ""):
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
        r"|(?:doi|chuyen|dieu chinh) thanh"  # "giờ mở cửa ... đổi thành 7h30 đến 17h"
        r"|(?:doi|lui|chuyen|dich) (?:lai )?(?:ngay|gio|thoi gian|dia diem|lich)(?![a-z])"
        # "hoãn Hội nghị ... dự kiến ngày 20/1 sang ngày 27/1": moved to a new day
        r"|(?<![a-z])(?:hoan|lui|doi|chuyen|dich|don) [^.;\n]{0,120}? (?:sang|qua) "
        r"(?:luc |ngay |thu |chu nhat|\d)"
        # "chuyển Hội nghị từ hội trường tầng 1 sang phòng họp số 5": moved to a new place
        r"|(?<![a-z])(?:chuyen|doi|dich|don) [^.;\n]{0,120}?(?<![a-z])(?:tu|khoi) [^.;\n]{1,80}? "
        r"(?:sang|qua) "
        # "tại sân công ty chuyển vào nhà ăn tầng 1": moved into another place
        r"|(?<![a-z])(?:chuyen|doi|don|dich) (?:vao|ve|den|toi|sang|qua) (?:tai |o )?"
        r"(?:phong|hoi truong|nha|san|sanh|khu|tang|van phong|truong|cung|hoi)(?![a-z])",
    ),
    # help for a member in hardship: a visit, an allowance, a condolence. It informs; the
    # hospital where a member is treated is not a place to attend.
    (
        "support",
        r"tham hoi|tro cap|chia buon|phan uu|phung vieng|tu tuat|qua doi|tu tran|om dau"
        r"|om nang|(?:bi|gap) tai nan|benh hiem ngheo"
        r"|ho tro (?:doan vien|nguoi lao dong|cong nhan|gia dinh)",
    ),
    # a survey, a call for opinions, a list put up for feedback before a deadline, a contest
    # held online: members answer where they are ("qua Google Forms", "về tổ công đoàn"),
    # nobody attends
    (
        "remote",
        r"(?<!hoi nghi )(?<!hop )(?<!buoi )(?<!toa dam )(?<!doi thoai )"
        r"(?:khao sat|lay y kien|xin y kien|gop y|y kien phan hoi|phan hoi|phieu (?:hoi|khao sat)"
        r"|thu thap (?:y kien|thong tin)|tham do|cong khai danh sach|binh chon"
        r"|tra loi (?:phieu|cau hoi)|truc tuyen|online|qua google forms?|qua (?:zalo|email|app)"
        r"|qua ung dung)(?![a-z])",
    ),
)
# Postponed, typed with its marks ("hoãn", "lùi", "dời"): a change even with no new day.
_POSTPONED = re.compile(r"(?<!\w)(?:hoãn|lùi|dời)(?!\w)")


def notice_kind(ctx: Context) -> str:
    """``meeting`` (the default) or what else the notice announces."""
    folded = fold(ctx.prompt or " ".join(ctx.all("event") + ctx.all("subject")))
    for kind, pattern in _NOTICE_KINDS:
        if re.search(pattern, folded):
            return kind
    if _POSTPONED.search(nfc(ctx.prompt).lower()):
        return "change"
    return "meeting"


def _inform_items(ctx: Context, kind: str) -> list[str]:
    """The fields of a notice that informs (no place or attendance unless the prompt has them)."""
    items = []
    if ctx.val("date") or ctx.val("time"):
        items.append(
            _field(forms.FIELD["time"], end_sentence(ctx.when(with_time=bool(ctx.val("time")))))
        )
    # a visit with its hour is an outing: its place is where to go; else it is where the
    # member is treated, said in the trainee's sentence
    if ctx.val("place") and (kind not in ("support", "remote") or ctx.val("time")):
        items.append(_field(forms.FIELD["place"], end_sentence(ctx.val("place"))))
    if ctx.val("audience") and kind != "support":  # the member helped, not who attends
        items.append(_field(forms.FIELD["audience"], end_sentence(ctx.joined("audience"))))
    activities = ctx.joined("activities", "; ")
    if activities:
        items.append(_field(forms.FIELD["activities"], end_sentence(activities)))
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
    # "TB: do mưa lớn, buổi tập ... chuyển ...": the cause said first is not the matter
    r"(?:thong bao|tb)\s*:?\s+(?:(?:do|vi|boi vi|tu ngay|ke tu ngay|tu) [^,;.\n]{1,60}[,;]\s*)?"
    r"(?:ve viec\s+)?"
    r"(?P<what>(?:[a-z0-9/ '\"“”‘’-]|[.,](?=\d)|" + _PAIR + r")+?)"
    r"(?=\s+(?:cho|cua|toi|den|gui|(?<!chuyen )de|gom|bao gom|luc|vao|ngay(?=\s+\d)|tai|tu ngay"
    r"|tu(?=\s+\d))\s"
    r"|\s+\d{1,2}\s?(?:h\d{0,2}|gio)(?![a-z])"  # "buổi tập chiều nay 16h": not the hour
    r"|\s*(?:[:;\n(]|[.,](?!\d))|$)"
)


def _head_subject(ctx: Context, head: re.Pattern[str]) -> str | None:
    """What the prompt's first line says the document is about (``head``'s group "what"),
    in the trainee's words; ``None`` when it names nothing of two words or more."""
    text = nfc(ctx.prompt.split("\n", 1)[0])
    m = head.search(_content_words_masked(text, fold_aligned(text)))
    if not m or len(m.group("what").split()) < 2:
        return None
    end = _past_quote(text, m.start("what"), m.end("what"))
    return restore(without_dangling(text[m.start("what") : end].strip(" ,")))


# The words a subject stops at, as typed with marks: "cửa" (door) folds to "cua" but is not
# "của" (of), "chuyên đề" is not "để"; typed with marks, the other forms do not stop it.
_STOP_MARKED = {
    "cua": "của", "de": "để", "toi": "tới", "den": "đến", "gui": "gửi", "tai": "tại",
    "luc": "lúc", "vao": "vào", "ngay": "ngày", "tu": "từ", "gom": "gồm",
}  # fmt: skip
_STOP_WORD = re.compile(r"(?<![a-z])(?:" + "|".join(_STOP_MARKED) + r")(?![a-z])")


def _content_words_masked(text: str, folded: str) -> str:
    """``folded`` with the stop words that were typed as other words ("cửa") masked."""
    if fold(text) == text.lower():
        return folded  # typed without marks: "cua" may be "của"
    return _STOP_WORD.sub(
        lambda m: (
            m.group()
            if text[m.start() : m.end()].lower() == _STOP_MARKED[m.group()]
            else "x" * len(m.group())
        ),
        folded,
    )


_QUOTE_PAIRS = {"'": "'", '"': '"', "“": "”", "‘": "’"}


def _past_quote(text: str, start: int, end: int) -> int:
    """``end``, moved past the closing mark of a quote the subject opens but does not close:
    "tuyên dương 'Giỏi việc trường, đảm việc nhà'" is not cut at its comma."""
    for opening, closing in _QUOTE_PAIRS.items():
        opened = text.rfind(opening, start, end)
        if opened < 0 or (opening == closing and text.count(opening, start, end) % 2 == 0):
            continue
        if opening != closing and text.find(closing, opened, end) >= 0:
            continue
        closed = text.find(closing, max(end, opened + 1))
        if closed >= 0:
            return closed + 1
    return end


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
    theme = ctx.theme()
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
        lines += _numbered(_inform_items(ctx, kind))
        lines += _extras(ctx)
        audience = ctx.joined("audience") or t("doc.everyone")
        lines.append(t("doc.notice_closing_inform", audience=audience))
        recipients = [t("doc.to_superior", superior=_issuer(ctx)[1]), t("doc.to_groups")]
        lines += _signature(ctx, recipients)
        return Built("\n".join(lines))
    items = [
        _field(forms.FIELD["time"], end_sentence(ctx.when())),
        _field(forms.FIELD["place"], end_sentence(ctx.need("place"))),
        _field(forms.FIELD["audience"], end_sentence(ctx.need("audience"))),
    ]
    activities = ctx.joined("activities", "; ")
    if activities:
        items.append(_field(forms.FIELD["activities"], end_sentence(activities)))
    lines += _numbered(items)
    lines += _extras(ctx)
    lines.append(t("doc.notice_closing", audience=ctx.need("audience")))
    recipients = [t("doc.to_superior", superior=_issuer(ctx)[1]), t("doc.to_groups")]
    lines += _signature(ctx, recipients)
    return Built("\n".join(lines))


# "giấy mời ... dự họp Ban Chấp hành mở rộng lúc 14h00": what follows "dự" is what the
# invitees attend, even when no event word names it.
_ATTEND = re.compile(
    r"(?<![a-z])(?:den du|toi du|tham du|du(?!\s+(?:kien|dinh|thao|tru|toan|an|bi)(?![a-z])))"
    r"\s+(?:buoi\s+)?(?P<what>[a-z0-9 ]+?)"
    r"(?=\s+(?:luc|vao|ngay|tai|tu|cua|cho|voi|sang|chieu|toi|thu)\s|\s*[,.;:\n(]|$)"
)


def _attended(ctx: Context) -> str | None:
    text = nfc(ctx.prompt.split("\n", 1)[0])
    m = _ATTEND.search(fold_aligned(text))
    if not m or len(m.group("what").split()) < 2:
        return None
    return restore(text[m.start("what") : m.end("what")])


# "Giấy mời các đồng chí Ủy viên Ban Chấp hành họp thường kỳ tháng 12 lúc 8h ...": the
# meeting the invitees are called to is what they attend
_CALLED_TO = re.compile(
    r"(?<![a-z])(?P<what>hop\s+[a-z0-9 ]+?)"
    r"(?=\s+(?:luc|vao|ngay|tai|tu|cua|cho|voi|sang|chieu|toi|thu)\s|\s*[,.;:\n(]|$)"
)


def _called_to(ctx: Context) -> str | None:
    text = nfc(ctx.prompt.split("\n", 1)[0])
    m = _CALLED_TO.search(fold_aligned(text))
    if not m or text[m.start() : m.start() + 3].lower() not in ("họp", "hop"):
        return None
    return restore(text[m.start("what") : m.end("what")].strip())


def build_invitation(ctx: Context) -> Built:
    event = ctx.val("event") or _attended(ctx) or _called_to(ctx) or ctx.event()
    lines = _header(ctx, forms.SUBJECT.format(subject=t("doc.invitation_subject", event=event)))
    lines.append(f"{t('doc.invitation_opening', org=ctx.need('org'))} {forms.INVITE}")
    lines.append(end_sentence(ctx.need("audience")))
    lines.append(_field(forms.FIELD["attend"], end_sentence(event)))
    theme = ctx.val("theme") or ctx.val("slogan")
    if theme:
        lines.append(t("doc.invitation_theme", theme=theme))
    lines.append(_field(forms.FIELD["time"], end_sentence(ctx.when())))
    lines.append(_field(forms.FIELD["place"], end_sentence(ctx.need("place"))))
    chair = ctx.val("chair")
    if not chair and ctx.val("signer"):
        role = "role_deputy" if ctx.val("signer_role") == "deputy" else "role_chair"
        chair = t("doc.chair_from_signer", name=ctx.val("signer"), role=t(f"doc.{role}"))
    lines.append(_field(forms.FIELD["chair"], end_sentence(ctx.need("chair", chair))))
    activities = ctx.joined("activities", "; ")
    if activities:
        lines.append(_field(forms.FIELD["activities"], end_sentence(activities)))
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
    lines += [f"- {end_sentence(p)}" for p in purposes]
    theme = ctx.theme()
    if theme:
        lines.append("- " + t("doc.plan_aim_theme", theme=theme, audience=audience))
    lines += [s["requirements"], "- " + t("doc.plan_requirement_1")]
    lines.append("- " + t("doc.plan_requirement_2"))
    lines.append(s["content"])
    if _dates_of_activities(ctx):
        when = ctx.placeholder("date")  # each date stays with its activity, in the details
    else:
        when = end_sentence(ctx.when(with_time=bool(ctx.val("time"))))
    lines.append("1. " + _field(forms.FIELD["time"], when))
    lines.append("2. " + _field(forms.FIELD["place"], end_sentence(ctx.need("place"))))
    lines.append("3. " + _field(forms.FIELD["audience"], end_sentence(audience)))
    numbers = t("list_joiner").join(ctx.loose("numbers"))
    if numbers:
        lines.append(f"- {_field(forms.FIELD['numbers'], end_sentence(numbers))}")
    activities = ctx.all("activities")
    lines.append(f"4. {forms.FIELD['activities']}:")
    if activities:
        lines += [f"- {end_sentence(a)}" for a in activities]
    else:
        lines.append("- " + ctx.placeholder("activities"))
    lines.append(s["budget"])
    budget = _total_budget(ctx) or ctx.placeholder("budget")
    lines.append("- " + t("doc.plan_budget", budget=budget))
    rule = "doc.plan_budget_rule_payer" if _paid_by_other(ctx) else "doc.plan_budget_rule"
    lines.append("- " + t(rule))
    lines.append(s["assignments"])
    assignments = ctx.all("assignments")
    if assignments:
        lines += [f"- {end_sentence(a)}" for a in assignments]
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
    r"|tai(?! nan| chinh| san| tro| lieu)|ngay(?=\s+\d)|luc|vao|len)\s"
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
    lines += [f"- {end_sentence(r)}" for r in results]
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
        lines += [f"- {end_sentence(p)}" for p in proposals]
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
    r"|tro cap|muc(?! chi| kinh phi)"  # "trợ cấp ..., mức 2.000.000 đồng": one member's
    r"|co cau giai|moi giai|moi suat|moi phan)(?![a-z])"
)
_PRIZE_LIST = re.compile(r"(?<![a-z])(?:giai thuong|co cau giai|phan thuong|tien thuong)\W")
_BUDGET_CUE = re.compile(r"(?<![a-z])(?:kinh phi|du tru|ngan sach|tong chi|tong kinh phi)(?![a-z])")
_CLAUSE_BREAK = re.compile(r"[;.\n(]|,(?!\d)|(?<!\d),")


# An amount said per person, per gift, per session or per month ("450.000 đồng/người",
# "2 triệu đồng mỗi người", "800.000 đồng/buổi") is a rate, not what the whole costs:
# even after "kinh phí", the budget line would read as a total.
_PER_UNIT_AFTER = re.compile(
    r"\s*(?:/\s*[a-z]|(?:moi|mot|1|cho moi|tren)\s+(?:nguoi|suat|phan|lan|buoi|ngay|thang"
    r"|nam|doan vien|cong nhan|lao dong|chau|ho|gia dinh|truong hop|ca nhan|luot|ve|tap the"
    r"|to|doi|em|hoc sinh|khach)(?![a-z]))"
)


def _per_unit(folded: str, at: int, value: str) -> bool:
    return "/" in value or bool(_PER_UNIT_AFTER.match(folded, at + len(fold(value))))


def _is_budget(ctx: Context, value: str) -> bool:
    """``value`` (an amount of the prompt) is what the event costs, not a prize or a gift."""
    folded = fold(nfc(ctx.prompt))
    at = folded.find(fold(value))
    if at < 0:
        return True
    if _per_unit(folded, at, value):
        return False
    before = folded[max(0, at - 60) : at]
    sentence = re.split(r"[;.\n]\s", before)[-1]  # "giải thưởng: nhất 3 triệu, nhì 2 triệu"
    if _PRIZE_LIST.search(sentence):
        return False
    if _BUDGET_CUE.search(before[-40:]):
        return True
    breaks = list(_CLAUSE_BREAK.finditer(before))
    clause = before[breaks[-1].end() :] if breaks else before
    return not _NOT_BUDGET.search(clause)


# "chi phí ... do công ty chi trả", "doanh nghiệp tài trợ toàn bộ": someone other than
# the union pays; "Kinh phí chi từ nguồn tài chính công đoàn" would contradict the prompt.
_OTHER_PAYER = re.compile(
    r"(?<![a-z])(?:do |tu )?(?:cong ty|doanh nghiep|nguoi su dung lao dong|nha truong|co quan"
    r"|ban giam doc|ban giam hieu|chu doanh nghiep|nha tai tro)(?: [a-z]+){0,4}?"
    r" (?:chi tra|dai tho|tai tro toan bo|chi toan bo|chiu)(?![a-z])"
)


def _paid_by_other(ctx: Context) -> bool:
    return bool(_OTHER_PAYER.search(fold(nfc(ctx.prompt))))


def _total_budget(ctx: Context) -> str | None:
    """The plan's budget without the amounts per gift or per person ("mỗi suất 500.000 đồng").

    Those are prices of one item, prizes or sponsorships; adding them to the total's line
    made a budget read "100 triệu đồng, 500.000 đồng". They stay in the draft, where the
    prompt put them; with no total given, the budget line is left for the trainee.
    """
    totals = [value for value in ctx.all("budget") if _is_budget(ctx, value)]
    return t("list_joiner").join(totals) if totals else None


_MINUTES_HEAD = re.compile(
    r"(?:bien ban|bb)\s+(?:cuoc\s+)?(?P<what>hop\s[a-z0-9 /-]+?)"
    r"(?=\s+(?:luc|vao|ngay|tai|thu|sang|chieu|toi|ve|de)\s|\s*[,.;:\n(]|$)"
)


def build_minutes(ctx: Context) -> Built:
    """A biên bản (NĐ 30, mẫu 1.9): when and where, who, the proceedings, the conclusion,
    when it ended, and the signatures of the secretary and the chair side by side."""
    event = ctx.val("event") or ctx.val("subject")
    meeting = None if event else _head_subject(ctx, _MINUTES_HEAD)
    if meeting:  # "biên bản họp Ban Chấp hành ...": the meeting the prompt names
        subject = meeting[:1].upper() + meeting[1:]
    else:
        subject = t("doc.minutes_subject", event=event) if event else ctx.placeholder("event")
    lines = _header(ctx, subject)
    # "Chủ trì: đồng chí Lê Thị Hoa, Chủ tịch": the name may be read as the signer's
    chair = ctx.joined("chair") or ctx.val("signer") or ctx.placeholder("chair")
    secretary = ctx.need("secretary")
    title = ctx.val("chair_title")  # "Chủ trì: đồng chí ..., Chủ tịch": not a loose bullet
    chaired = f"{chair}, {title}" if title and ctx.val("chair") else chair
    lines += [
        t("doc.minutes_start", when=end_sentence(ctx.when())),
        t("doc.minutes_place", place=end_sentence(ctx.need("place"))),
        t("doc.minutes_participants", audience=end_sentence(ctx.need("audience"))),
        t("doc.minutes_chair", chair=end_sentence(chaired)),
        t("doc.minutes_secretary", secretary=end_sentence(secretary)),
        t("doc.minutes_content"),
    ]
    items = ctx.all("activities") or [ctx.placeholder("activities")]
    lines += _numbered([end_sentence(item[:1].upper() + item[1:]) for item in items])
    lines.append(t("doc.minutes_conclusion", conclusion=end_sentence(ctx.need("conclusion"))))
    lines.append(t("doc.minutes_closing", closing=ctx.need("closing")))
    gap = " " * 12  # two columns, as the documents parser reads them
    lines += ["", f"{forms.SECRETARY}{gap}{forms.CHAIRING}", "", f"{secretary}{gap}{chair}"]
    lines += ["", forms.RECIPIENTS, t("doc.minutes_to_members"), forms.ARCHIVE]
    return Built("\n".join(lines))
