"""The layout checks for union documents: one small function or class per check code.

Each check takes a parsed :class:`~congdoan.documents.parse.Document` and a
:class:`Context` and returns one :class:`~congdoan.report.Item` whose message and hint
come from the ``documents`` message catalogue. ``REGISTRY`` lists, per kind, the checks
in the order a trainee reads the document, top to bottom.

Decisions worth knowing:

* Text is normalised before checking (:func:`congdoan.text.normalize`): NFD text,
  old-style tones (``HOÀ``) and en/em dashes in the motto are accepted as correct,
  because once printed they are the same document. ``to_docx`` writes the plain forms.
* Rules the reference marks as unconfirmed (budget, task assignment and implementation
  sections of a plan, an invitation's chair) and the out-of-date unit names are
  warnings. A date in the future is a warning too: drafts are often dated on the day
  they will be signed. An impossible date is an error.
* Text typed with a legacy font (TCVN3, VNI) gets one item, ``encoding``: no other rule
  can be read in garbled text, and a list of twenty errors would hide the real cause.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from ..errors import InputError
from ..i18n import get_language, msg
from ..pasted import (
    find_placeholders,
    markup_item,
    preamble_item,
    privacy_item,
    real_date_item,
    remove_placeholders,
    weekday_item,
)
from ..report import ERROR, WARNING, Item, Report, Severity
from ..text import (
    find_dates,
    find_money,
    find_times,
    find_weekdays,
    fold,
    format_money,
    format_place_date,
    weekday_name,
)
from ..vocabulary import (
    CHAIRING,
    DOCUMENT_KINDS,
    MOTTO,
    ON_BEHALF,
    ON_BEHALF_STANDING,
    SECRETARY,
    SIGNATURE_FORMS,
    DocumentKind,
    document_kind,
    find_outdated,
)
from .parse import _NOTE, _RECIPIENTS, Document, _cells, as_document, signing_roles

__all__ = ["KINDS", "REGISTRY", "Check", "Context", "KindSpec", "check", "resolve_kind"]


#: The document kinds, from the union vocabulary (one table for the whole library).
KindSpec = DocumentKind
KINDS = DOCUMENT_KINDS


@dataclass(frozen=True)
class Context:
    """What a check needs besides the document: the kind, the day "today" is, and a cache.

    The cache holds texts derived from the document (the body joined, its lowercase form)
    so the checks of one run compute them once.
    """

    kind: KindSpec
    today: dt.date
    cache: dict[str, str] = field(default_factory=dict, compare=False, repr=False)

    @property
    def kind_label(self) -> str:
        return msg(f"documents.kind.{self.kind.name}")


Check = Callable[[Document, Context], Item]


def _ok(code: str, key: str = "ok", **fields: object) -> Item:
    if not fields:  # the same sentence every time: one item per language, shared
        return _plain_ok(get_language(), code, key)
    return Item(code, True, msg(f"documents.{code}.{key}", **fields))


@lru_cache(maxsize=256)
def _plain_ok(lang: str, code: str, key: str) -> Item:
    """A passed check whose message names nothing from the document (items are frozen)."""
    return Item(code, True, msg(f"documents.{code}.{key}", lang=lang))


def _fail(
    code: str, key: str, *, hint: str = "hint", severity: Severity = ERROR, **fields: object
) -> Item:
    message = msg(f"documents.{code}.{key}", **fields)
    return Item(code, False, message, msg(f"documents.{code}.{hint}", **fields), severity)


def _is_upper(line: str) -> bool:
    return line == line.upper() and any(ch.isalpha() for ch in line)


def _squash(line: str) -> str:
    return " ".join(line.split())


def _numeric_date(day: dt.date) -> str:
    """``18/3/2026``, ``05/01/2026``: the same leading-zero rule as the written form."""
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return f"{day.day:02d}/{month}/{day.year}"


def _clip(found: str) -> str:
    return found.strip().rstrip(".;,")


def _main_text(doc: Document, ctx: Context) -> str:
    """The part of the document where invitation and plan details are written."""
    if "main" not in ctx.cache:
        ctx.cache["main"] = "\n".join([*doc.addressee, *doc.body])
    return ctx.cache["main"]


def _folded(doc: Document, ctx: Context) -> str:
    """The main text in lowercase with single spaces, for fast phrase look-ups."""
    if "folded" not in ctx.cache:
        ctx.cache["folded"] = " ".join(_main_text(doc, ctx).split()).lower()
    return ctx.cache["folded"]


def _folded_content(doc: Document, ctx: Context) -> str:
    """The whole document in lowercase with single spaces."""
    if "content" not in ctx.cache:
        ctx.cache["content"] = " ".join(doc.content.split()).lower()
    return ctx.cache["content"]


# --------------------------------------------------------------------------- every kind


def check_encoding(doc: Document, ctx: Context) -> Item:
    """Legacy font text (``C«ng ®oµn``) must be converted to Unicode before anything else."""
    names = {"tcvn3": "TCVN3 (.VnTime)", "vni": "VNI (VNI-Times)"}
    if doc.legacy_encoding:
        return _fail("encoding", "legacy", encoding=names.get(doc.legacy_encoding, "?"))
    return _ok("encoding")


def check_issuer(doc: Document, ctx: Context) -> Item:
    """Superior body and issuing body, uppercase, at the top left."""
    if not doc.issuer:
        return _fail("issuer", "missing")
    if len(doc.issuer) == 1:
        return _fail("issuer", "one_line", found=doc.issuer[0])
    for line in doc.issuer:
        if not _is_upper(line):
            return _fail("issuer", "not_upper", hint="hint_upper", found=line, upper=line.upper())
    if _squash(doc.issuer[0]) == _squash(" ".join(doc.issuer[1:])):
        return _fail("issuer", "same", hint="hint_same", found=doc.issuer[0])
    return _ok("issuer", superior=doc.superior_body, issuing=doc.issuing_body)


_NUMBER_LOOSE = re.compile(r"(?i)^số\s*(:?)\s*([^/]*?)\s*/\s*(.*)$")
_SYMBOL = re.compile(r"^([A-ZĐ]+)((?:-[A-ZĐ][A-ZĐ0-9&]*)+)$")
_DEFAULT_BODY = "CĐCS"
_DIGITS = re.compile(r"[0-9]{1,9}")


def check_number(doc: Document, ctx: Context) -> Item:
    """``Số: 05/TB-CĐCS``: a leading zero below 10, no spaces, the kind's type abbreviation."""
    abbr = ctx.kind.code
    if doc.number is None:
        return _fail("number", "missing", corrected=f"Số: 05/{abbr}-{_DEFAULT_BODY}")
    found = _squash(doc.number)
    match = _NUMBER_LOOSE.match(found)
    if not match:
        return _fail("number", "bad_form", found=found, corrected=f"Số: 05/{abbr}-{_DEFAULT_BODY}")
    colon, digits, symbol = match.groups()
    corrected = _corrected_number(digits, symbol, abbr)
    problem = _number_problem(found, colon, digits, symbol, abbr)
    if problem == "no_number" and not digits and colon and symbol.strip() == _squash(symbol):
        # A draft leaves the number blank ("Số:    /TB-CĐCS"): the clerk (văn thư) writes
        # it when the document is issued, so this is a reminder, not an error.
        symbol_problem = _number_problem(f"Số: 05/{symbol}", ":", "05", symbol, abbr)
        if symbol_problem is None:
            return _fail("number", "blank", severity=WARNING, found=found, corrected=corrected)
    if problem:
        return _fail(
            "number", problem, found=found, corrected=corrected, abbr=abbr, kind=ctx.kind_label
        )
    return _ok("number", found=found)


def _as_number(digits: str) -> int | None:
    """The document number if ``digits`` is a plausible one (ASCII digits, not zero)."""
    if not _DIGITS.fullmatch(digits):
        return None
    return int(digits) or None


def _corrected_number(digits: str, symbol: str, abbr: str) -> str:
    value = _as_number(digits)
    number = f"{value:02d}" if value else "05"
    parts = re.sub(r"\s+", "", symbol).split("-", 1)
    body = parts[1] if len(parts) == 2 and parts[1] else _DEFAULT_BODY
    return f"Số: {number}/{abbr}-{body}"


def _number_problem(found: str, colon: str, digits: str, symbol: str, abbr: str) -> str | None:
    if not colon or not found.startswith("Số: "):
        return "no_colon"
    value = _as_number(digits)
    if value is None:
        return "no_number"
    if digits != f"{value:02d}":
        return "leading_zero"
    if re.search(r"\s", symbol):
        return "spaces"
    match = _SYMBOL.match(symbol)
    if not match:
        return "bad_symbol"
    return "wrong_type" if match[1] != abbr else None


MOTTO_LINE_1, MOTTO_LINE_2 = MOTTO
_MOTTO_2 = re.compile(r"^Độc lập\s*-\s*Tự do\s*-\s*Hạnh phúc$")


def check_motto(doc: Document, ctx: Context) -> Item:
    """The national motto in two lines; en dashes were already normalised to hyphens."""
    lines = [_squash(line) for line in doc.motto]
    first = [line for line in lines if "XÃ HỘI" in line.upper()]
    second = [line for line in lines if "HẠNH PHÚC" in line.upper()]
    if not first and not second:
        return _fail("motto", "missing")
    if not first:
        return _fail("motto", "line1_missing")
    if first[0] != MOTTO_LINE_1:
        return _fail("motto", "line1_wrong", found=first[0])
    if not second:
        return _fail("motto", "line2_missing")
    if not _MOTTO_2.match(second[0]):
        return _fail("motto", "line2_wrong", found=second[0])
    if lines.index(second[0]) < lines.index(first[0]):
        return _fail("motto", "order")
    return _ok("motto")


_PLACE_DATE = re.compile(
    r"^(?P<place>[^,]+),\s*ngày\s+(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s+năm\s+(?P<y>\d{4})\.?$"
)


def document_date(doc: Document) -> dt.date | None:
    """The issue date written on the place-and-date line, if it is a real date."""
    if not doc.place_date:
        return None
    spans = find_dates(doc.place_date)
    return spans[0].value if spans else None


def check_place_date(doc: Document, ctx: Context) -> Item:
    """``Huế, ngày 05 tháng 3 năm 2026``: leading zeros by rule, a real date, not in the future."""
    if not doc.place_date:
        example = format_place_date("Huế", ctx.today)
        return _fail("place_date", "missing", correct=example)
    found = _squash(doc.place_date)
    place = found.split(",", 1)[0].strip() if "," in found else "Huế"
    match = _PLACE_DATE.match(found)
    if not match:
        day = document_date(doc) or ctx.today
        return _fail("place_date", "format", found=found, correct=format_place_date(place, day))
    day, month, year = int(match["d"]), int(match["m"]), int(match["y"])
    try:
        written = dt.date(year, month, day)
    except ValueError:
        return _fail("place_date", "impossible", hint="hint_impossible", found=found)
    correct = format_place_date(match["place"].strip(), written)
    if found.rstrip(".") != correct:
        return _fail("place_date", "leading_zero", found=found, correct=correct)
    if written > ctx.today:
        return _fail(
            "place_date",
            "future",
            hint="hint_future",
            severity=WARNING,
            found=found,
            today=_numeric_date(ctx.today),
        )
    return _ok("place_date", found=found)


def check_title(doc: Document, ctx: Context) -> Item:
    """The kind's name in uppercase on its own line: ``THÔNG BÁO``."""
    expected = ctx.kind.title
    if doc.title is None:
        return _fail("title", "missing", expected=expected)
    if doc.title_word != expected:
        return _fail("title", "wrong_kind", found=doc.title, expected=expected, kind=ctx.kind_label)
    if not _is_upper(doc.title):
        return _fail("title", "not_upper", found=doc.title, expected=expected)
    return _ok("title", found=expected)


_SUBJECT_PREFIX = re.compile(r"(?i)^(?:về\s+việc|v/v)\s*:?\s*")
_SUBJECT_MIN_WORDS = 3


def check_subject(doc: Document, ctx: Context) -> Item:
    """A one-line summary under the title (``Về việc ...`` or a short phrase)."""
    if not doc.subject:
        return _fail("subject", "missing", kind=ctx.kind_label)
    words = _SUBJECT_PREFIX.sub("", doc.subject).split()
    if len(words) < _SUBJECT_MIN_WORDS:
        return _fail("subject", "too_short", found=doc.subject, kind=ctx.kind_label)
    return _ok("subject", found=doc.subject)


_WORD = re.compile(r"[^\W\d_]+")


def _placeholders(text: str) -> list[str]:
    return find_placeholders(text)


_BODY_MIN_WORDS = 8
_PLACEHOLDERS_SHOWN = 3


def check_body(doc: Document, ctx: Context) -> Item:
    """The body is there and is more than a placeholder such as ``[Nội dung]``."""
    if not doc.body:
        return _fail("body", "missing", kind=ctx.kind_label)
    text = remove_placeholders("\n".join(doc.body))
    words = _WORD.finditer(text)
    if sum(1 for _, _ in zip(range(_BODY_MIN_WORDS), words, strict=False)) < _BODY_MIN_WORDS:
        return _fail("body", "placeholder_only", kind=ctx.kind_label)
    return _ok("body", lines=len(doc.body))


def check_placeholder(doc: Document, ctx: Context) -> Item:
    """Nothing left to fill in: ``[bổ sung: ...]``, ``...`` blanks, ``XXX``."""
    found = _placeholders(doc.content)
    if found:
        shown = ", ".join(f"«{item}»" for item in found[:_PLACEHOLDERS_SHOWN])
        return _fail("placeholder", "found", count=len(found), found=shown)
    return _ok("placeholder")


_SIGNATURE_FORMS = {
    (authority, *positions)
    for authority in (ON_BEHALF, ON_BEHALF_STANDING)
    for _, *positions in SIGNATURE_FORMS
}
_HEAD_FORM, _DEPUTY_FORM = (" / ".join(form) for form in SIGNATURE_FORMS)
_ABBREVIATED = re.compile(r"(?i)\bT\s*/\s*M\b|\bK\s*/\s*T\b|\bTM\s*/|\bBCH\b|\bBTV\b")


def check_signature(doc: Document, ctx: Context) -> Item:
    """``TM. BAN CHẤP HÀNH`` / ``CHỦ TỊCH``, or the deputy form with ``KT.``; never ``TM/BCH``."""
    lines = tuple(_squash(line) for line in doc.signature)
    if not lines:
        return _fail("signature", "missing", expected=_HEAD_FORM, deputy=_DEPUTY_FORM)
    if lines in _SIGNATURE_FORMS:
        return _ok("signature", found=" / ".join(lines))
    deputy = any("PHÓ" in line.upper() or re.match(r"(?i)K\s*[./]?\s*T\b", line) for line in lines)
    expected = _DEPUTY_FORM if deputy else _HEAD_FORM
    found = " / ".join(lines)
    key = "abbreviated" if any(_ABBREVIATED.search(line) for line in lines) else "wrong"
    return _fail("signature", key, hint="hint_fix", found=found, expected=expected)


_HONORIFIC = re.compile(
    r"(?i)^(?:(?:ThS|Th\.S|TS|TSKH|PGS|GS|NCS|CN|KS|BS|LS|Ths)\.?(?:\s*,?\s*(?:TS|ThS)\.?)*"
    r"|Ông|Bà|Anh|Chị|Đồng\s+chí|Đ/c)\s+"
)


def check_signer_name(doc: Document, ctx: Context) -> Item:
    """The signer's full name, with no title or degree (``ThS.``, ``Ông``)."""
    if not doc.signer:
        return _fail("signer_name", "missing")
    name = _squash(doc.signer)
    honorific = _HONORIFIC.match(name)
    if honorific:
        return _fail(
            "signer_name", "has_title", hint="hint_title", found=name, name=name[honorific.end() :]
        )
    words = name.split()
    if not 2 <= len(words) <= 7 or not all(w.isalpha() and w[0].isupper() for w in words):
        return _fail("signer_name", "not_name", found=name)
    return _ok("signer_name", found=name)


_ARCHIVE = re.compile(r"^- Lưu\s*:\s*VT\b.*\.$")
_ARCHIVE_LOOSE = re.compile(r"(?i)^[-+•*]?\s*lưu\b")
_AS_ABOVE = re.compile(r"^- Như trên\s*;$")


@dataclass(frozen=True)
class RecipientsCheck:
    """``Nơi nhận:`` with ``- ...;`` items and a last ``- Lưu: VT, ....`` item.

    A report sent to a superior body also lists ``- Như trên;`` (the addressee above).
    """

    require_as_above: bool = False
    code: str = "recipients"
    severity: Severity = ERROR

    def __call__(self, doc: Document, ctx: Context) -> Item:
        items = [_squash(item) for item in doc.recipients]
        problem, found = self._problem(doc, items)
        if problem:
            hint = "hint_as_above" if problem == "no_as_above" else "hint"
            return _fail(self.code, problem, hint=hint, found=found, severity=self.severity)
        return _ok(self.code, count=len(items))

    def _problem(self, doc: Document, items: list[str]) -> tuple[str | None, str]:
        if doc.recipients_heading is None:
            return "missing", ""
        if not doc.recipients_heading.endswith(":"):
            return "no_colon", doc.recipients_heading
        if not items:
            return "no_items", ""
        for item in items:
            if not item.startswith("- "):
                return "bad_item", item
        for item in items[:-1]:
            if not item.endswith(";"):
                return "bad_item_end", item
        if not _ARCHIVE_LOOSE.match(items[-1]):
            return "no_archive", items[-1]
        if not _ARCHIVE.match(items[-1]):
            return "bad_archive", items[-1]
        if self.require_as_above and not any(_AS_ABOVE.match(item) for item in items):
            return "no_as_above", ""
        return None, ""


def check_outdated_unit(doc: Document, ctx: Context) -> Item:
    """Warn about unit names abolished in 2025 (tỉnh Thừa Thiên Huế, huyện A Lưới, ...)."""
    dated = document_date(doc) or ctx.today
    found = find_outdated(doc.content, on=dated)
    if not found:
        return _ok("outdated_unit")
    return _fail(
        "outdated_unit",
        "found",
        severity=WARNING,
        found=found[0].text,
        date=_numeric_date(dated),
        since=_numeric_date(found[0].value.since),
    )


# --------------------------------------------------------------------------- kind specific


@dataclass(frozen=True)
class KeywordCheck:
    """A section or field that must be mentioned, e.g. ``Kinh phí`` in a plan.

    ``phrases`` are lowercase; the body is searched in lowercase with single spaces.
    """

    code: str
    phrases: tuple[str, ...]
    severity: Severity = ERROR

    def __call__(self, doc: Document, ctx: Context) -> Item:
        folded = _folded(doc, ctx)
        if any(phrase in folded for phrase in self.phrases):
            return _ok(self.code)
        return _fail(self.code, "missing", severity=self.severity)


_INVITEE = re.compile(r"(?i)\bkính\s+mời\b\s*:?[ \t]*(.*)(?:\n(.*))?")
_MIN_INVITEE_WORDS = 2


def check_invitee(doc: Document, ctx: Context) -> Item:
    """Who is invited: ``... trân trọng kính mời: Ông/Bà ...`` (or ``Kính gửi: ...``)."""
    match = _INVITEE.search(_main_text(doc, ctx)) if "kính mời" in _folded(doc, ctx) else None
    if match:
        who = match[1].strip() or (match[2] or "").strip()
        if len(who.split()) >= _MIN_INVITEE_WORDS:
            return _ok("invitee", found=_clip(who))
    if doc.addressee and len(" ".join(doc.addressee).split()) > _MIN_INVITEE_WORDS + 1:
        return _ok("invitee", found=_squash(" ".join(doc.addressee)))
    return _fail("invitee", "missing")


_WEEKDAY_GAP = 20


def check_meeting_time(doc: Document, ctx: Context) -> Item:
    """The hour and the date of the meeting or event are written."""
    text = _main_text(doc, ctx)
    times, dates = find_times(text), find_dates(text, default_year=ctx.today.year)
    if not times and not dates:
        return _fail("time", "missing")
    if not dates:
        return _fail("time", "no_date")
    if not times:
        return _fail("time", "no_hour")
    return _ok("time", hour=times[0].text, date=dates[0].text)


def check_time(doc: Document, ctx: Context) -> Item:
    """An invitation gives the hour and the date; a weekday, if written, must match the date
    (notices, plans and reports have their own weekday check)."""
    given = check_meeting_time(doc, ctx)
    if not given.ok:
        return given
    text = _main_text(doc, ctx)
    dates = find_dates(text, default_year=ctx.today.year)
    for weekday in find_weekdays(text):
        following = [d for d in dates if 0 <= d.start - weekday.end <= _WEEKDAY_GAP]
        if following and following[0].value.weekday() != weekday.value:
            day = following[0].value
            return _fail(
                "time",
                "weekday_mismatch",
                hint="hint_weekday",
                weekday=weekday.text,
                date=_numeric_date(day),
                correct=weekday_name(day),
            )
    return given


_VENUE = re.compile(r"(?i)\bđịa\s+điểm\b\s*:?[ \t]*(\S[^\n]*)?|\btại[ \t]+(\S+[ \t]+\S[^\n]*)")
_LINE_START = re.compile(r"^[\s\d.)+•*-]*$")
# "... tham dự đầy đủ tại nhà ăn ca số 2", "Hội nghị được tổ chức tại ...": where it happens
_HAPPENS = re.compile(
    r"(?i)(?<!\w)(?:dự|tham dự|tham gia|tổ chức|diễn ra|họp|có mặt|tập trung|khai mạc|gặp mặt)"
    r"(?!\w)[^.;\n]*$"
)


def check_venue(doc: Document, ctx: Context) -> Item:
    """Where the event takes place: ``Địa điểm: Hội trường ...``, or ``tại ...`` said with
    the event's time ("... lúc 7 giờ 30 ngày 16/10/2026 tại Hội trường A") or opening a line.

    "tại" elsewhere is not the venue: "đại biểu được bầu tại hội nghị các khoa" says where
    the invitees were elected, and an invitation without its place must not pass on it.
    """
    folded = _folded(doc, ctx)
    if "địa điểm" not in folded and "tại " not in folded:
        return _fail("venue", "missing")
    for line in _main_text(doc, ctx).split("\n"):
        for match in _VENUE.finditer(line):
            where = (match[1] or match[2] or "").strip()
            if len(where.split()) < _MIN_INVITEE_WORDS:
                continue
            if match[1] or _is_venue(line, match.start()):
                return _ok("venue", found=_clip(where))
    return _fail("venue", "missing")


def _is_venue(line: str, at: int) -> bool:
    """The "tại" at ``at`` opens the line, follows a verb of taking place or attending, or
    stands on the line that says when."""
    before = line[:at]
    if _LINE_START.match(before) or _HAPPENS.search(before):
        return True
    return bool(find_times(line) or find_dates(line))


# A notice that calls a meeting or announces an event gives its hour and place, as an
# invitation does; one about a holiday, dues, results or a cancellation has neither.
_CALLS_A_MEETING = re.compile(
    r"(?<![a-z])(?:hop|trieu tap|hoi nghi|dai hoi|hoi thao|toa dam|tap huan|sinh hoat)(?![a-z])"
)
_NOT_A_CALL = re.compile(r"(?<![a-z])(?:ket qua|hoan|huy|tam dung|tam hoan)(?![a-z])")


def _calls_a_meeting(doc: Document) -> bool:
    subject = fold(" ".join(part for part in (doc.title, doc.subject) if part))
    return bool(_CALLS_A_MEETING.search(subject)) and not _NOT_A_CALL.search(subject)


@dataclass(frozen=True)
class ForMeetings:
    """``check`` (time or venue) for a notice that calls a meeting; passed otherwise."""

    check: Check
    code: str

    def __call__(self, doc: Document, ctx: Context) -> Item:
        if _calls_a_meeting(doc):
            return self.check(doc, ctx)
        return _ok(self.code, "not_a_meeting")


check_chair = KeywordCheck("chair", ("chủ trì",), WARNING)
check_purpose = KeywordCheck("purpose", ("mục đích",))
check_participants = KeywordCheck(
    "participants", ("thành phần", "đối tượng", "người tham gia", "lực lượng tham gia")
)
check_budget = KeywordCheck("budget", ("kinh phí",), WARNING)
check_assignment = KeywordCheck("assignment", ("phân công",), WARNING)

# "Trao 120 suất quà, mỗi suất 500.000 đồng": a count and the price of one, in one sentence.
_EACH = re.compile(r"(?i)(?<!\w)mỗi\s+([^\W\d_]+)")
_TOTAL = re.compile(r"(?i)(?<!\w)tổng\s+(?:kinh\s+phí|số\s+tiền|chi|dự\s+toán)")
_SENTENCE = re.compile(r"(?:[^.;\n]|\.(?=\d))+")  # "100.000.000" is one number


def _counted_costs(text: str) -> list[tuple[int, str, int]]:
    """(count, unit, price of one) for each "N <unit> ..., mỗi <unit> <amount>" sentence."""
    costs = []
    for sentence in _SENTENCE.findall(text):
        for each in _EACH.finditer(sentence):
            unit = each[1].lower()
            price = next((m for m in find_money(sentence) if m.start >= each.end()), None)
            count = re.search(rf"(?i)(?<![\d.,])(\d{{1,5}})\s+{re.escape(unit)}(?!\w)", sentence)
            if price is not None and count and count.start() < each.start():
                costs.append((int(count[1]), unit, price.value))
    return costs


def _total_budget(text: str) -> int | None:
    """The amount the plan gives as its total ("Tổng kinh phí dự kiến 100.000.000 đồng")."""
    for total in _TOTAL.finditer(text):
        sentence = _SENTENCE.match(text, total.start())
        money = find_money(sentence[0]) if sentence else []
        if money:
            return money[0].value
    return None


def check_budget_total(doc: Document, ctx: Context) -> Item:
    """What the plan's counted items cost together fits in its total budget (warning)."""
    text = _main_text(doc, ctx)
    total = _total_budget(text) if "tổng" in _folded(doc, ctx) else None
    costs = _counted_costs(text) if total and "mỗi" in _folded(doc, ctx) else []
    needed = sum(count * price for count, _, price in costs)
    if not costs or needed <= total:
        return _ok("budget_total")
    items = " + ".join(f"{count} {unit} × {format_money(price)}" for count, unit, price in costs)
    return _fail(
        "budget_total",
        "over",
        severity=WARNING,
        items=items,
        needed=format_money(needed),
        total=format_money(total),
    )


check_implementation = KeywordCheck("implementation", ("tổ chức thực hiện",), WARNING)
_HEADING_NUMBER = "IVXivx0123456789.) \t"


def check_content(doc: Document, ctx: Context) -> Item:
    """A plan has a content section: a line starting ``II. NỘI DUNG`` or ``Nội dung``."""
    for line in doc.body:
        if line.lstrip(_HEADING_NUMBER).lower().startswith("nội dung"):
            return _ok("content")
    return _fail("content", "missing")


def check_time_venue(doc: Document, ctx: Context) -> Item:
    """A plan says when and where (``Thời gian``, ``Địa điểm``)."""
    folded = _folded(doc, ctx)
    has_time, has_venue = "thời gian" in folded, "địa điểm" in folded
    if has_time and has_venue:
        return _ok("time_venue")
    key = "missing" if not (has_time or has_venue) else ("no_time" if has_venue else "no_venue")
    return _fail("time_venue", key)


_ADDRESSEE_MIN_WORDS = 4


def check_addressee(doc: Document, ctx: Context) -> Item:
    """A report names the body it is sent to: ``Kính gửi: Ban Thường vụ LĐLĐ thành phố Huế``."""
    text = _squash(" ".join(doc.addressee))
    if len(text.split()) >= _ADDRESSEE_MIN_WORDS:
        return _ok("addressee", found=text)
    return _fail("addressee", "missing" if not text else "empty", found=text)


# --------------------------------------------------------------------------- minutes
#
# A biên bản (NĐ 30/2020, mẫu 1.9) records a meeting: time started, place, participants,
# chair and secretary, the proceedings, the closing time, then the signatures of the
# secretary (left) and the chair (right), not "TM. BAN CHẤP HÀNH". The template has no
# place-and-date line and no separate conclusion or head count; union minutes usually
# add both, so those two are warnings, as is a missing "Nơi nhận:".

_CLOSING = re.compile(
    r"(?i)(?:\b(?:cuộc|buổi|phiên)\s+họp\b|\bhội\s+nghị\b|^)[^.\n]{0,60}?\bkết\s+thúc\b"
)
_CONCLUSION_WORDS = ("kết luận", "biểu quyết", "nghị quyết", "thống nhất")
_ATTENDANCE = re.compile(r"(?i)\bcó\s+mặt\b|\bvắng\b|\b\d+\s*/\s*\d+\s+(?:đồng\s+chí|ủy\s+viên)")
_CONTENT_HEADS = ("nội dung", "diễn biến")


def _proceedings(doc: Document) -> list[str]:
    """The lines of a biên bản between the title and the signatures."""
    lines = [*doc.addressee, *doc.body]
    for index, line in enumerate(lines):
        if signing_roles(line):
            return lines[:index]
    return lines


def _content_head(lines: list[str]) -> int | None:
    for index, line in enumerate(lines):
        if line.lstrip(_HEADING_NUMBER).lower().startswith(_CONTENT_HEADS):
            return index
    return None


def _closing_line(lines: list[str]) -> int | None:
    """The last line saying the meeting ended ("Cuộc họp kết thúc lúc 16 giờ 00")."""
    for index in range(len(lines) - 1, -1, -1):
        if _CLOSING.search(lines[index]):
            return index
    return None


def _opening(lines: list[str]) -> list[str]:
    """Where time, place and participants are written: before the proceedings start."""
    end = _content_head(lines)
    if end is None:
        end = _closing_line(lines)
    return lines[:end] if end is not None else lines


def check_minutes_place_date(doc: Document, ctx: Context) -> Item:
    """The template has no place-and-date line; if one is written, the usual rules apply."""
    if not doc.place_date:
        return _ok("place_date", "ok_minutes")
    return check_place_date(doc, ctx)


def check_minutes_time_venue(doc: Document, ctx: Context) -> Item:
    """When the meeting started (hour and date) and where: ``Thời gian bắt đầu``, ``Địa điểm``."""
    text = "\n".join(_opening(_proceedings(doc)))
    times, dates = find_times(text), find_dates(text, default_year=ctx.today.year)
    venue = any(
        len((m[1] or m[2] or "").split()) >= _MIN_INVITEE_WORDS for m in _VENUE.finditer(text)
    )
    hint = "hint_minutes"
    if not (times or dates) and not venue:
        return _fail("time_venue", "minutes_missing", hint=hint)
    if not times:
        return _fail("time_venue", "minutes_no_hour", hint=hint)
    if not dates:
        return _fail("time_venue", "minutes_no_date", hint=hint)
    if not venue:
        return _fail("time_venue", "minutes_no_venue", hint=hint)
    return _ok("time_venue", "ok_minutes", hour=times[0].text, date=dates[0].text)


def check_minutes_participants(doc: Document, ctx: Context) -> Item:
    """Who attended, who chaired, who took the minutes, and how many were present."""
    folded = " ".join(" ".join(_opening(_proceedings(doc))).split()).lower()
    hint = "hint_minutes"
    if not any(word in folded for word in ("thành phần", "tham dự", "có mặt")):
        return _fail("participants", "minutes_missing", hint=hint)
    if not any(word in folded for word in ("chủ trì", "chủ tọa")):
        return _fail("participants", "minutes_no_chair", hint=hint)
    if not any(word in folded for word in ("thư ký", "người ghi biên bản")):
        return _fail("participants", "minutes_no_secretary", hint=hint)
    if not _ATTENDANCE.search(folded):
        return _fail("participants", "minutes_no_attendance", hint=hint, severity=WARNING)
    return _ok("participants", "ok_minutes")


def check_minutes_content(doc: Document, ctx: Context) -> Item:
    """The proceedings: a ``Nội dung`` part with what was reported and discussed."""
    lines = _proceedings(doc)
    head = _content_head(lines)
    if head is None:
        return _fail("content", "minutes_missing", hint="hint_minutes")
    end = _closing_line(lines)
    part = lines[head : end if end is not None and end > head else len(lines)]
    first = part[0].split(":", 1)[1] if ":" in part[0] else ""
    words = len(_WORD.findall(" ".join([first, *part[1:]])))
    if words < _BODY_MIN_WORDS:
        return _fail("content", "minutes_empty", hint="hint_minutes")
    return _ok("content", "ok_minutes", lines=len(part))


def check_conclusion(doc: Document, ctx: Context) -> Item:
    """What the meeting decided: ``Kết luận``, a vote or what was agreed (a warning)."""
    folded = " ".join(" ".join(_proceedings(doc)).split()).lower()
    if any(word in folded for word in _CONCLUSION_WORDS):
        return _ok("conclusion")
    return _fail("conclusion", "missing", severity=WARNING)


def check_closing(doc: Document, ctx: Context) -> Item:
    """``Cuộc họp kết thúc lúc 16 giờ 00 cùng ngày.``: the meeting's end, with the hour."""
    lines = _proceedings(doc)
    at = _closing_line(lines)
    if at is None:
        return _fail("closing", "missing")
    line = lines[at]
    after = line[_CLOSING.search(line).end() :]
    times = find_times(after)
    if not times:
        return _fail("closing", "no_hour", found=_clip(line))
    return _ok("closing", hour=times[0].text)


def _signers(doc: Document) -> dict[str, str | None]:
    """Role -> the name written under it, from the signature lines after the proceedings."""
    signers: dict[str, str | None] = {}
    pending: list[str] = []
    started = False
    for line in doc.lines:
        roles = signing_roles(line)
        if roles:
            started = True
            pending = [role for role in roles if role not in signers]
            signers.update(dict.fromkeys(pending))
            continue
        if not started or not pending or _RECIPIENTS.match(line) or line.startswith("- "):
            continue
        cells = [cell for cell in _cells(line) if not _NOTE.match(cell)]
        if len(cells) == len(pending):
            signers.update(zip(pending, cells, strict=True))
            pending = []
        elif cells:
            signers[pending.pop(0)] = " ".join(cells)
    return signers


_ROLE_LABELS = {"secretary": SECRETARY, "chair": CHAIRING}


def check_signatures(doc: Document, ctx: Context) -> Item:
    """Both signers: the secretary (``THƯ KÝ``) and the chair (``CHỦ TRÌ``/``CHỦ TỌA``)."""
    signers = _signers(doc)
    if not signers:
        if doc.signature:
            found = " / ".join(_squash(line) for line in doc.signature)
            return _fail("signatures", "authority", found=found)
        return _fail("signatures", "missing")
    if "secretary" not in signers:
        return _fail("signatures", "no_secretary")
    if "chair" not in signers:
        return _fail("signatures", "no_chair")
    for role in ("secretary", "chair"):
        name = signers[role]
        label = _ROLE_LABELS[role]
        if not name:
            return _fail("signatures", "no_name", role=label)
        name = _squash(name)
        honorific = _HONORIFIC.match(name)
        if honorific:
            return _fail(
                "signatures",
                "has_title",
                hint="hint_title",
                role=label,
                found=name,
                name=name[honorific.end() :],
            )
        words = name.split()
        if not 2 <= len(words) <= 7 or not all(w.isalpha() and w[0].isupper() for w in words):
            return _fail("signatures", "not_name", role=label, found=name)
    return _ok("signatures", secretary=signers["secretary"], chair=signers["chair"])


# --------------------------------------------------------------------------- pasted from a chat app


def check_markup(doc: Document, ctx: Context) -> Item:
    """No Markdown (``**THÔNG BÁO**``, ``## I.``) or HTML copied from a web app."""
    return markup_item(doc.text)


def check_preamble(doc: Document, ctx: Context) -> Item:
    """No "Chắc chắn rồi! Dưới đây là ..." or "Bạn có muốn tôi ...?" around the document."""
    return preamble_item(doc.text)


def check_weekday(doc: Document, ctx: Context) -> Item:
    """A weekday written before a date names that date's day (``Thứ Sáu, ngày 18/9/2026``)."""
    return weekday_item(doc.text, default_year=(document_date(doc) or ctx.today).year)


def check_real_date(doc: Document, ctx: Context) -> Item:
    """Every date written is a real day: not "31/9/2026", not "ngày 30 tháng 02".

    The place-and-date line is left to ``place_date``, which names its own impossible date.
    """
    return real_date_item(doc.text.replace(doc.place_date, "") if doc.place_date else doc.text)


def check_privacy(doc: Document, ctx: Context) -> Item:
    """No member's ID number, bank account, date of birth, private mobile or illness."""
    return privacy_item(doc.text)


# A date cited with another document ("Kế hoạch số 12/KH-LĐLĐ ngày 02/4/2026") is that
# document's date, not the event's.
_CITED = re.compile(r"\d+/[A-ZĐ][A-ZĐa-zđ0-9&-]*[^\n]{0,30}$")
_EVENT_DATE_GAP = 60  # characters between an hour or "Thời gian" and the date


def _event_dates(doc: Document, ctx: Context, issued: dt.date) -> list[dt.date]:
    text = "\n".join(doc.body)
    dates = []
    for span in find_dates(text, default_year=issued.year):
        if _CITED.search(text, max(0, span.start - 45), span.start):
            continue
        if "-" in span.text and span.text.count("-") == 1 and not re.search(r"\d{4}", span.text):
            continue  # "ngày Phụ nữ Việt Nam 20-10", "Quốc khánh 2-9": a day's name
        dates.append(span.value)
    return dates


def check_event_date(doc: Document, ctx: Context) -> Item:
    """A notice, invitation or plan is issued before what it announces (warning).

    Only when every date of the body (cited documents left out) is before the issue date:
    a deadline or a later activity means the document still looks ahead.
    """
    issued = document_date(doc)
    dates = _event_dates(doc, ctx, issued) if issued else []
    if not dates or max(dates) >= issued:
        return Item("event_date", True, msg("pasted.event_date.ok"))
    event = max(dates)
    fields = {"issued": _numeric_date(issued), "event": _numeric_date(event)}
    return Item(
        "event_date",
        False,
        msg("pasted.event_date.after", **fields),
        msg("pasted.event_date.hint", **fields),
        WARNING,
    )


# --------------------------------------------------------------------------- registry

_HEAD: tuple[Check, ...] = (
    check_issuer,
    check_number,
    check_motto,
    check_place_date,
    check_title,
    check_subject,
)
_TAIL: tuple[Check, ...] = (check_signature, check_signer_name)
_END: tuple[Check, ...] = (
    check_placeholder,
    check_outdated_unit,
    check_encoding,
    check_markup,
    check_preamble,
    check_privacy,
    check_real_date,
)
_ANNOUNCES: tuple[Check, ...] = (check_weekday, check_event_date)

REGISTRY: dict[str, tuple[Check, ...]] = {
    "notice": (
        *_HEAD,
        check_body,
        ForMeetings(check_meeting_time, "time"),
        ForMeetings(check_venue, "venue"),
        *_TAIL,
        RecipientsCheck(),
        *_END,
        *_ANNOUNCES,
    ),
    "invitation": (
        *_HEAD,
        check_body,
        check_invitee,
        check_time,
        check_venue,
        check_chair,
        *_TAIL,
        RecipientsCheck(),
        *_END,
        check_event_date,
    ),
    "plan": (
        *_HEAD,
        check_body,
        check_purpose,
        check_content,
        check_time_venue,
        check_participants,
        check_budget,
        check_budget_total,
        check_assignment,
        check_implementation,
        *_TAIL,
        RecipientsCheck(),
        *_END,
        *_ANNOUNCES,
    ),
    "report": (
        *_HEAD,
        check_addressee,
        check_body,
        *_TAIL,
        RecipientsCheck(require_as_above=True),
        *_END,
        check_weekday,
    ),
    "minutes": (
        check_issuer,
        check_number,
        check_motto,
        check_minutes_place_date,
        check_title,
        check_subject,
        check_minutes_time_venue,
        check_minutes_participants,
        check_minutes_content,
        check_conclusion,
        check_closing,
        check_signatures,
        RecipientsCheck(severity=WARNING),
        *_END,
        check_weekday,
    ),
}


# --------------------------------------------------------------------------- entry point


def resolve_kind(kind: object) -> KindSpec:
    """The :class:`KindSpec` for ``kind`` (``"notice"``, ``"TB"`` or ``"thông báo"``).

    An unknown kind raises :class:`~congdoan.errors.InputError` listing the valid ones.
    """
    spec = document_kind(kind)
    if spec is None:
        valid = ", ".join(f"{n} ({msg(f'documents.kind.{n}')})" for n in KINDS)
        raise InputError(msg("documents.input.unknown_kind", kind=kind, valid=valid))
    return spec


def check(text_or_document: str | Document, kind: str, *, today: dt.date | None = None) -> Report:
    """Check a union document of ``kind`` against the layout rules; returns a :class:`Report`.

    ``kind`` is ``notice``, ``invitation``, ``plan``, ``report`` or ``minutes`` (or ``TB``,
    ``GM``, ``KH``, ``BC``, ``BB``, or the Vietnamese name). ``today`` decides which dates
    are in the future (default: the real today), so lessons and tests can fix it.

    >>> check("THÔNG BÁO", "notice").ok
    False

    Never raises on any string; a non-string raises :class:`~congdoan.errors.InputError`.
    """
    spec = resolve_kind(kind)
    if today is None:
        today = dt.date.today()
    elif not isinstance(today, dt.date):
        raise InputError(msg("documents.input.bad_today", type=type(today).__name__))
    doc = as_document(text_or_document)
    ctx = Context(spec, today)
    if doc.legacy_encoding:
        return Report(spec.name, [check_encoding(doc, ctx)])
    return Report(spec.name, [run(doc, ctx) for run in REGISTRY[spec.name]])
