"""What web apps leave in a text copied from them, and slips every checker looks for.

A trainee copies ChatGPT's, Gemini's, Copilot's or DeepSeek's answer into a notice or a
post. The copy may carry Markdown (``**THÔNG BÁO**``, ``## I. MỤC ĐÍCH``) or HTML
(``<p>``, ``<br>``), the app's own words around the document ("Chắc chắn rồi! Dưới đây
là ...", "Bạn có muốn tôi ...?"), a weekday that does not match its date, or a blank left
to fill in. Documents, posts and image prompts all check these the same way, so the
finders live here, on the checkers' floor, above ``text``.

>>> [m.kind for m in find_markup("**THÔNG BÁO**\\n<br>")]
['markdown', 'html']
>>> strip_markup("**Thời gian:** 7 giờ 30")
'Thời gian: 7 giờ 30'
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .text import find_dates, find_weekdays, fold, nfc, weekday_name

__all__ = [
    "Markup",
    "find_markup",
    "find_placeholders",
    "find_preamble",
    "strip_markup",
    "weekday_mismatches",
]


@dataclass(frozen=True)
class Markup:
    """One piece of Markdown or HTML: ``kind`` is ``markdown`` or ``html``."""

    kind: str
    text: str
    line: int


_MD_LINE = (
    re.compile(r"^\s{0,3}#{1,6}\s+\S"),  # heading
    re.compile(r"^\s{0,3}(?:\*\s+|[-+]\s+\*\*)\S"),  # "* item" bullet, "- **Label**"
    # a line of "___" or "---" is left out: clerks type it as the rule under a header
    re.compile(r"^\s{0,3}>\s+\S"),  # quote
    re.compile(r"^\s*\|.*\|\s*$"),  # table row
)
_MD_INLINE = re.compile(
    r"\*\*(?=\S)[^*\n]{1,200}(?<=\S)\*\*|__(?=\S)[^_\n]{1,200}(?<=\S)__"
    r"|(?<![\w*])\*(?=[^*\s])[^*\n]{1,200}(?<=\S)\*(?![\w*])|`[^`\n]+`"
)
_HTML = re.compile(
    r"</?(?:p|br|b|i|u|strong|em|div|span|h[1-6]|ul|ol|li|table|tr|td|a)(?:\s[^<>]*)?/?>"
    r"|&(?:nbsp|amp|lt|gt|quot);",
    re.IGNORECASE,
)

#: every Markdown or HTML mark above needs one of these characters
_MARK_CHARS = re.compile(r"[<&*_`#>|]")


def find_markup(text: str) -> list[Markup]:
    """Markdown and HTML marks in ``text``, in reading order (one per line at most)."""
    found = []
    text = nfc(text)
    if not _MARK_CHARS.search(text):
        return found  # most documents: no character any mark needs, on any line
    for number, line in enumerate(text.splitlines(), 1):
        if not _MARK_CHARS.search(line):
            continue  # most lines: no character any mark needs
        html = _HTML.search(line)
        if html:
            found.append(Markup("html", html.group(), number))
            continue
        inline = _MD_INLINE.search(line)
        if inline or any(rule.search(line) for rule in _MD_LINE):
            shown = inline.group() if inline else line.strip()[:40]
            found.append(Markup("markdown", shown, number))
    return found


def strip_markup(text: str) -> str:
    """``text`` without Markdown and HTML marks: what the trainee should have pasted."""
    text = _HTML.sub(lambda m: "\n" if m.group().lower().startswith("<br") else "", text)
    text = re.sub(r"\*\*([^*\n]+)\*\*|__([^_\n]+)__", lambda m: m[1] or m[2], text)
    lines = []
    for line in text.splitlines():
        line = re.sub(r"^(\s{0,3})#{1,6}\s+", r"\1", line)
        line = re.sub(r"^(\s{0,3})\*\s+", r"\1- ", line)
        if not re.fullmatch(r"\s{0,3}(?:-{3,}|\*{3,}|_{3,})\s*", line):
            lines.append(line)
    return "\n".join(lines)


# A chat app's own words before or after the document. Compared folded, at the start of
# the first lines or the end of the last lines only, so a notice that says "dưới đây là
# lịch trực" in its body is not mistaken for one.
_OPENING = re.compile(
    r"^(?:chac chan roi|chac chan|tuyet voi|duoc thoi|duoc roi|vang[,!. ]|da[,!. ]|ok[,!. ]|okay"
    r"|sure|certainly|here is|here's|du nhien|rat san long|xin gui ban|duoi day la|sau day la"
    r"|day la (?:ban|mau|mot|noi dung|tin nhan|bai)|minh da soan|toi da soan|em da soan)"
)
_CLOSING = re.compile(
    r"(?:ban co muon|anh chi co muon|ban can toi|neu ban can|neu can (?:chinh sua|dieu chinh|them)"
    r"|hy vong (?:ban|bai|ban bao cao|mau|noi dung)|chuc ban|hay cho toi biet|cho minh biet"
    r"|toi co the (?:giup|dieu chinh|chinh)|minh co the (?:giup|chinh)|let me know|hope this)"
)
_LOOK = 2  # lines looked at, at each end


def _stripped(lines: Iterable[str]) -> Iterator[str]:
    return (line.strip() for line in lines if line.strip())


def find_preamble(text: str) -> str | None:
    """The chat app's opening or closing line left in ``text``, or ``None``."""
    every = nfc(text).splitlines()
    head = list(itertools.islice(_stripped(every), _LOOK))  # only the ends are looked at
    tail = list(itertools.islice(_stripped(reversed(every)), _LOOK))[::-1]
    for line in head:
        if _OPENING.match(fold(line).lstrip("*#>-• ")):
            return line
    for line in tail:
        if _CLOSING.search(fold(line)):
            return line
    return None


_WEEKDAY_GAP = 20  # characters between "Thứ Sáu," and "ngày 18/9/2026"


def weekday_mismatches(text: str, *, default_year: int | None = None) -> list[tuple[str, str, str]]:
    """(weekday written, date, correct weekday) for every weekday naming another date's day.

    ``thứ Hai 20/5/2026`` is a Wednesday: a trainee checking the calendar would be misled.
    """
    text = nfc(text)
    weekdays = find_weekdays(text)
    dates = find_dates(text, default_year=default_year) if weekdays else []
    wrong = []
    for weekday in weekdays:
        following = [d for d in dates if 0 <= d.start - weekday.end <= _WEEKDAY_GAP]
        if following and following[0].value.weekday() != weekday.value:
            day = following[0].value
            wrong.append((weekday.text, following[0].text, weekday_name(day)))
    return wrong


# Blanks left to fill in: "[bổ sung: ...]", "[Họ và tên]", "<tên đơn vị>", "{ngày}", runs of
# dots or underscores, "XXX". Dots attached to a word ("thể thao...") are an "and so on",
# not a blank, unless there are five or more. Every branch starts with a literal so the
# engine skips ahead; the lookbehinds come after the first character.
_PLACEHOLDER = re.compile(
    r"\[[^\[\]\n]{0,200}\]"
    r"|<[^<>\n]{1,80}>"
    r"|\{[^{}\n]{0,80}\}"
    r"|\.{5,}|…{2,}|…\.+|\.{2,}…"
    r"|\.(?<![^\s:(/]\.)\.{2,3}(?=\s|$|[,;:)/])"
    r"|…(?<![^\s:(/]…)(?=\s|$|[,;:)/])"
    r"|_{3,}"
    r"|[Xx](?<![^\W\d_][Xx])[Xx]{2,}(?![^\W\d_])",
    re.MULTILINE,
)
_PLACEHOLDER_MARKS = ("[", "<", "{", "…", "...", "___", "XXX", "xxx", "Xxx")


def may_have_placeholder(text: str) -> bool:
    """A cheap first pass: most texts hold none of the marks, and then nothing else runs."""
    return any(mark in text for mark in _PLACEHOLDER_MARKS)


def find_placeholders(text: str, *, html: bool = True) -> list[str]:
    """Blanks left to fill in; ``html=False`` ignores ``<...>`` (HTML is checked apart)."""
    if not may_have_placeholder(text):
        return []
    found = [m[0] for m in _PLACEHOLDER.finditer(text)]
    if not html:
        found = [item for item in found if not _HTML.fullmatch(item)]
    return found


def remove_placeholders(text: str) -> str:
    return _PLACEHOLDER.sub(" ", text) if may_have_placeholder(text) else text


# --------------------------------------------------------------------------- check items
# The same checklist lines for a document, a post and an image prompt (codes: markup,
# preamble, weekday, placeholder, privacy, encoding, outdated_unit).

_PRIVATE_KINDS = ("citizen_id", "bank_account", "date_of_birth")  # errors wherever they are
_SHOWN = 3


def _item(code: str, ok: bool, key: str, severity: str = "error", **fields: object):
    from .i18n import msg
    from .report import Item

    message = msg(f"pasted.{code}.{key}", **fields)
    hint = "" if ok else msg(f"pasted.{code}.hint", **fields)
    return Item(code, ok, message, hint, severity)  # type: ignore[arg-type]


def markup_item(text: str):
    """``markup``: Markdown or HTML copied with the text (an error: it prints as is)."""
    found = find_markup(text)
    if not found:
        return _item("markup", True, "ok")
    first = found[0]
    line = nfc(text).splitlines()[first.line - 1]
    fixed = strip_markup(line).strip() or "(bỏ dòng này)"
    return _item("markup", False, first.kind, found=first.text, line=first.line, fixed=fixed)


def preamble_item(text: str):
    """``preamble``: the chat app's "Chắc chắn rồi! Dưới đây là ..." or closing question."""
    found = find_preamble(text)
    if found is None:
        return _item("preamble", True, "ok")
    return _item("preamble", False, "found", found=found[:120])


def weekday_item(text: str, *, default_year: int | None = None):
    """``weekday``: "thứ Hai, ngày 18/9/2026" when 18/9/2026 is a Friday."""
    wrong = weekday_mismatches(text, default_year=default_year)
    if not wrong:
        return _item("weekday", True, "ok")
    weekday, date, correct = wrong[0]
    return _item("weekday", False, "mismatch", weekday=weekday, date=date, correct=correct)


def real_date_item(text: str):
    """``real_date``: "ngày 31/9/2026" names a day no calendar has (September has 30)."""
    from .text import find_impossible_dates

    wrong = find_impossible_dates(text)
    if not wrong:
        return _item("real_date", True, "ok")
    return _item("real_date", False, "impossible", date=wrong[0].text, count=len(wrong))


def placeholder_item(text: str, *, html: bool = False):
    """``placeholder``: a blank left to fill in always fails."""
    found = find_placeholders(text, html=html)
    if not found:
        return _item("placeholder", True, "ok")
    shown = ", ".join(f"«{item}»" for item in found[:_SHOWN])
    return _item("placeholder", False, "found", count=len(found), found=shown)


_LEGACY_CHUNK = 8  # words looked at together when only part of a text is garbled


def encoding_item(text: str):
    """``encoding``: TCVN3 or VNI text cannot be read; ask for Unicode first."""
    from .text import detect_legacy_encoding

    legacy = detect_legacy_encoding(text)
    words = text.split() if legacy is None else []
    for at in range(0, len(words), _LEGACY_CHUNK // 2):  # a sentence pasted from an old .doc
        legacy = detect_legacy_encoding(" ".join(words[at : at + _LEGACY_CHUNK]))
        if legacy:
            break
    if legacy is None:
        return _item("encoding", True, "ok")
    names = {"tcvn3": "TCVN3 (.VnTime)", "vni": "VNI (VNI-Times)"}
    return _item("encoding", False, "legacy", encoding=names.get(legacy, legacy))


def outdated_item(text: str, *, on=None):
    """``outdated_unit`` (warning): a province, district or town abolished in 2025."""
    from .vocabulary import find_outdated

    found = find_outdated(text, on=on)
    if not found:
        return _item("outdated_unit", True, "ok")
    unit = found[0].value
    since = f"{unit.since.day:02d}/{unit.since.month:02d}/{unit.since.year}"
    return _item(
        "outdated_unit", False, "found", "warning", found=found[0].text, since=since, now=unit.now
    )


_SENTENCE_END = re.compile(r"[.!?\n;]")


def privacy_item(text: str, *, names_allowed: bool = True):
    """``privacy``: members' personal data inside a document or a post.

    A document names its signer, chair and invitees, and an office landline or e-mail is
    how members reach the union: with ``names_allowed`` those alone pass. ID numbers, bank
    accounts and dates of birth are errors anywhere; a private mobile number, and health
    or other sensitive details in a sentence that names a person, are warnings.
    """
    from . import privacy
    from .i18n import msg

    # with names allowed, a name counts only beside sensitive wording: the kinds below give
    # every finding that can matter (names too, whenever sensitive wording is found)
    kinds = (*_PRIVATE_KINDS, "phone", "sensitive") if names_allowed else None
    findings = privacy.find(text, kinds=kinds)
    errors = [f for f in findings if f.kind in _PRIVATE_KINDS]
    if not names_allowed:
        errors += [f for f in findings if f.kind in ("person_name", "phone", "email", "address")]
    warnings = (
        []
        if not names_allowed
        else [f for f in findings if f.kind == "phone" and _is_mobile(f.text)]
    )
    people = [f for f in findings if f.kind == "person_name"]
    for finding in findings:
        if finding.kind == "sensitive" and any(_same_sentence(text, p, finding) for p in people):
            warnings.append(finding)
    chosen = sorted(errors, key=lambda f: f.start) or sorted(warnings, key=lambda f: f.start)
    if not chosen:
        return _item("privacy", True, "ok")
    kinds = ", ".join(dict.fromkeys(msg(f"privacy.kind.{f.kind}") for f in chosen))
    key = "personal" if errors or any(f.kind != "sensitive" for f in chosen) else "sensitive"
    return _item(
        "privacy", False, key, "error" if errors else "warning", kinds=kinds, found=chosen[0].text
    )


def _is_mobile(number: str) -> bool:
    digits = re.sub(r"\D", "", number)
    if digits.startswith("84"):
        digits = "0" + digits[2:].lstrip("0")
    return len(digits) == 10 and digits[:2] in ("03", "05", "07", "08", "09")


def _same_sentence(text: str, a, b) -> bool:
    start, end = min(a.start, b.start), max(a.end, b.end)
    return not _SENTENCE_END.search(text, start, end) if end - start < 200 else False
