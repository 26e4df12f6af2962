"""Personal data guard: find and redact personal data before a prompt leaves the machine.

Pasting a member list into a foreign AI service is a cross-border transfer of personal
data (Law 91/2025/QH15). The course teaches trainees to redact first, so this module
finds phone numbers, citizen ID numbers, e-mail addresses, bank accounts, dates of birth,
names and addresses in Vietnamese union texts, and replaces them with readable labels.

>>> redact("Liên hệ chị Lan, SĐT 0905 123 456.")  # doctest: +SKIP
'Liên hệ chị [HỌ TÊN], SĐT [SỐ ĐIỆN THOẠI].'

Design decisions:

* **Spans refer to the text as given.** Input is normalised to NFC (Word on Windows or a
  macOS file name may give NFD) and folded to plain ASCII letters for matching, so
  ``so dien thoai`` and ``số điện thoại`` are both understood; spans are mapped back to the
  caller's text, so ``text[f.start:f.end] == f.text`` always holds.
* **Context-first detection.** Numbers that look alike (a 9-digit CMND, a bank account, a
  year) are only reported next to the words that give them away (``CMND``, ``STK``,
  ``sinh năm``...). A bare 12-digit number is reported as a CCCD only when its province
  code (001-096) and century/sex digit (0-3) are valid. Document numbers, general dates,
  money, times, percentages and law articles are never reported.
* **Sensitive wording is warned about, not redacted by default.** Health, religion,
  political views, discipline and union membership status are detected by keywords
  (severity ``warning``). Keywords cannot be removed mechanically without breaking the
  sentence, so ``redact`` leaves them unless ``sensitive=True`` is passed, which replaces
  the keyword with ``[THÔNG TIN NHẠY CẢM]``.
* **Redaction is idempotent.** Labels already in the text are masked before matching, so
  ``redact(redact(x)) == redact(x)``.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache

from .errors import InputError
from .i18n import LANGUAGES, catalogue, msg
from .report import ERROR, WARNING, Severity

__all__ = ["KINDS", "Finding", "find", "redact", "summary"]

KINDS = (
    "phone",
    "citizen_id",
    "email",
    "bank_account",
    "date_of_birth",
    "person_name",
    "address",
    "sensitive",
)
_MASK = "\x00"  # stands in for an existing label while matching; no pattern accepts it


@dataclass(frozen=True)
class Finding:
    """One piece of personal data: its ``kind``, where it is (``start``/``end``) and the text."""

    kind: str
    start: int
    end: int
    text: str
    severity: Severity = ERROR


@dataclass(frozen=True)
class _Candidate:
    kind: str
    start: int
    end: int


# --------------------------------------------------------------------------- input


def _require_text(text: object) -> str:
    if not isinstance(text, str):
        raise InputError(msg("privacy.errors.not_text", type=type(text).__name__))
    return text


@cache
def _fold_table() -> dict[int, str]:
    """A one-to-one map from Vietnamese letters to ASCII, so folding keeps every offset."""
    table = {ord("đ"): "d", ord("Đ"): "D"}
    for start, stop in ((0x00C0, 0x0250), (0x1E00, 0x1F00)):
        for code in range(start, stop):
            base = "".join(
                ch
                for ch in unicodedata.normalize("NFD", chr(code))
                if not unicodedata.combining(ch)
            )
            if len(base) == 1 and base != chr(code):
                table[code] = base
    return table


def _fold(text: str) -> str:
    """NFC text with diacritics removed letter by letter (same length, same offsets)."""
    return text.translate(_fold_table())


def _normalise(text: str) -> tuple[str, list[int]]:
    """The NFC text and, for each NFC offset 0..len, the matching offset in ``text``.

    Normalising piece by piece (a base letter with its marks) keeps the mapping exact.
    """
    if unicodedata.is_normalized("NFC", text):
        return text, list(range(len(text) + 1))
    pieces: list[str] = []
    offsets: list[int] = []
    start = 0
    for end in range(1, len(text) + 1):
        if end < len(text) and unicodedata.combining(text[end]):
            continue
        piece = unicodedata.normalize("NFC", text[start:end])
        pieces.append(piece)
        offsets.extend([start] * len(piece))
        start = end
    offsets.append(len(text))
    return "".join(pieces), offsets


@cache
def _label_pattern() -> re.Pattern[str]:
    """Every redaction label of every language, so labels are never matched again."""
    labels = {
        text
        for lang in LANGUAGES
        for key, text in catalogue(lang).items()
        if key.startswith("privacy.label.")
    }
    folded = sorted({_fold(label) for label in labels}, key=len, reverse=True)
    return re.compile("|".join(re.escape(label) for label in folded))


def _scan_text(nfc_text: str) -> str:
    """Folded text with existing labels masked out."""
    folded = _fold(nfc_text)
    return (
        _label_pattern().sub(lambda m: _MASK * len(m.group()), folded) if "[" in folded else folded
    )


# --------------------------------------------------------------------------- patterns
_I = re.IGNORECASE
# Labels already in the text are masked with NUL. Around a match, a mask must block exactly
# what the data it replaced would have blocked (a letter or a digit), or a second redaction
# could find something new next to a label: every boundary below counts NUL as both.
_WB = r"(?:(?<![\w\x00])(?=\w)|(?<=\w)(?![\w\x00]))"


def _rx(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """Compile with ``\\b`` meaning a word boundary where a masked label counts as a word."""
    return re.compile(pattern.replace(r"\b", _WB), flags)


_NO_DIGIT_BEFORE = r"(?<![\w+\x00])(?<![\d\x00][ .\-])"
_NO_DIGIT_AFTER = r"(?![\d\x00]|[.\-][\d\x00])"

_EMAIL = _rx(
    r"(?<![\w.+\-\x00])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,24}(?![\w\-\x00])"
)

_PHONE = _rx(
    _NO_DIGIT_BEFORE
    + r"(?:\(\s?)?(?:(?:\+\s?84|84)\)?[ .\-]?(?:\(?0\)?)?|0)[ .\-]?\(?"
    + r"(?:[35789](?:[ .\-)]{0,2}\d){8}|2(?:[ .\-)]{0,2}\d){9})"
    + _NO_DIGIT_AFTER
)
_PHONE_DIGITS = _rx(r"0(?:[35789]\d{8}|2\d{9})")

_CCCD_BARE = _rx(_NO_DIGIT_BEFORE + r"\d(?:[ .]?\d){11}" + _NO_DIGIT_AFTER)
_ID_CONTEXT = _rx(
    r"\b(?:cccd|cmnd|cmtnd|cmt|can cuoc(?: cong dan)?|chung minh(?: nhan dan| thu)?"
    r"|(?:so )?dinh danh(?: ca nhan)?|ddcn)\b\s*(?:so\b)?\s*[:.\-]?\s*"
    r"(?P<num>\d{3}[ .]?\d{3}[ .]?\d{3}(?:[ .]?\d{3})?)" + _NO_DIGIT_AFTER,
    _I,
)

_BANK = _rx(
    r"\b(?:stk|so tk|so tai khoan|tai khoan|ngan hang)\b(?P<gap>[^\d\n\x00\[\]]{0,40}?)"
    r"(?P<num>\d(?:[ .\-]?\d){5,18})" + _NO_DIGIT_AFTER,
    _I,
)
_BANK_GAP_STOP = _rx(r"\b(?:sdt|dt|dien thoai|hotline|zalo|lien he|goi)\b", _I)
_MONEY_FORM = _rx(r"^\d{1,3}(?:\.\d{3})+(?:,\d+)?$")
_MONEY_AFTER = _rx(r"\s*(?:dong|d\b|vnd|₫|trieu|nghin|ngan|ty|%)", _I)

_DATE = (
    r"(?:\d{1,2}\s?[/.\-]\s?\d{1,2}\s?[/.\-]\s?\d{2,4}"
    r"|(?:ngay )?\d{1,2},? thang \d{1,2},? nam \d{4}"
    r"|\d{1,2}[/.\-]\d{4}|\d{4})(?!\d)"
)
_DOB = _rx(
    r"(?:\b(?:sinh ngay|ngay(?:,)? thang(?:,)? nam sinh|ngay sinh|nam sinh|sinh nam"
    r"|sinh(?=\s*:)|dob)|(?<![\w/\x00])(?-i:NS))\b\s*(?:[:.\-]\s*)?(?:(?:la|vao)\s+)?"
    r"(?P<date>" + _DATE + ")",
    _I,
)

_HONORIFIC = _rx(r"(?<![\w/\x00])(?P<hon>ong|ba|anh|chi|dong chi|d/c)[ \t]+(?=(?-i:[A-Z]))", _I)
_HONORIFICS_MARKED = {"ông", "bà", "anh", "chị", "đồng chí", "đ/c"}
_AMBIGUOUS_PLAIN = {"ba", "chi"}  # "ba" (three), "chi" (branch) without diacritics
_NAME_WORD = _rx(r"[A-Z][a-z]{0,6}(?![\w\x00])")
_FIELD_NAME = _rx(
    r"\bho,? (?:va )?ten(?: (?:doan vien|nguoi lao dong|thanh vien))?[ \t]*[:\-][ \t]*", _I
)
_FIELD_WORD = _rx(r"[^\W\d_]{1,7}(?![\w\x00])")
_TITLE_WORDS = {
    "chủ", "phó", "trưởng", "giám", "tổng", "bí", "ủy", "uỷ", "ban", "tổ",
    "phòng", "xưởng", "đảng", "kế", "thủ", "cán", "cty", "tnhh", "cđcs", "lđlđ", "ubnd",
}  # fmt: skip
_TITLE_BIGRAMS = {
    "chu tich", "pho chu", "truong ban", "to truong", "to pho", "bi thu", "uy vien",
    "ke toan", "thu quy", "can bo", "tong giam", "pho giam", "giam doc", "truong phong",
    "pho phong", "cong doan", "cong ty", "cong nhan", "cong an", "ban chap", "doan vien",
    "quan doc", "thanh pho",
}  # fmt: skip
_NOT_FIRST_NAME = {"anh", "chị", "em", "ông", "bà", "các", "mọi", "cac", "moi"}
_FIELD_STOP = {"sdt", "dt", "email", "cccd", "cmnd", "stk"}
_FIELD_STOP_BIGRAMS = {
    "ngay sinh", "nam sinh", "dia chi", "chuc vu", "don vi", "gioi tinh", "que quan",
    "so dien", "dien thoai", "noi o", "thuong tru", "tam tru", "so tai",
}  # fmt: skip
_PLACE_BEFORE = {"duong", "pho", "kiet", "hem", "ngo", "cau", "tinh", "tp"}

_ADDRESS = _rx(
    r"\b(?P<ctx>dia chi(?: thuong tru| tam tru| lien he| nha)?|thuong tru|tam tru|tru tai"
    r"|tru o|noi o(?: hien nay| hien tai)?|cho o(?: hien nay| hien tai)|que quan)\b"
    r"(?P<lead>[ \t]*(?:tai|o|la)?[ \t]*(?P<colon>[:\-])?[ \t]*)",
    _I,
)
_ADDRESS_BODY = _rx(r"[^\n;\x00|\t(]{1,150}")
_ADDRESS_END = _rx(
    r"(?P<dot>\.)(?=\s)|\s[-–]\s|\s(?P<and>va)\b|\s(?:hien dang|dang lam|lam viec|cong tac)\b"
    r"|,?\s*\b(?:sdt|dt|dien thoai|so dien thoai|email|e-mail|cccd|cmnd|sinh|ngay sinh|nam sinh"
    r"|stk|so tai khoan|ho ten|ho va ten|chuc vu|don vi|zalo|lien he|nghe nghiep)\b",
    _I,
)
_ADDRESS_WORDS = {
    "so", "duong", "pho", "phuong", "xa", "thon", "to", "kiet", "hem", "ngo", "ngach",
    "quan", "huyen", "thanh", "tp", "tinh", "khu", "kp", "ap", "lo", "chung", "toa",
    "phong", "nha", "xom", "ban", "doi", "khoi", "p", "q", "k", "tt", "tx",
}  # fmt: skip
_ABBREVIATIONS = {"tp", "p", "q", "tt", "tx", "h", "x", "k", "kp", "st", "so", "tdp"}
_ADDRESS_NOT = _rx(r"(?:e-?mail|mail|web|website|ip|zalo|facebook|link)\b", _I)

_SENSITIVE = _rx(
    r"\b(?:bi benh|mac benh|benh nhan|ung thu|hiv|aids|nhap vien|nam vien|phau thuat"
    r"|tram cam|tam than|khuyet tat|mang thai|say thai|chay than|tai bien|tieu duong"
    r"|ton giao|cong giao|phat giao|tin lanh|cao dai|hoa hao|theo dao"
    r"|quan diem chinh tri|chinh kien|phan dong"
    r"|bi ky luat|hinh thuc ky luat|khien trach|canh cao|cach chuc|khai tru|sa thai"
    r"|duoi viec|tien an|tien su|bi bat|truy to"
    r"|ra khoi cong doan|xoa ten|no doan phi|chua dong doan phi|khong dong doan phi"
    r"|thoi sinh hoat cong doan|danh sach doan vien|ho ngheo)\b",
    _I,
)


# --------------------------------------------------------------------------- finders


def _emails(scan: str, nfc: str) -> Iterator[_Candidate]:
    for m in _EMAIL.finditer(scan):
        yield _Candidate("email", m.start(), m.end())


def _bank_accounts(scan: str, nfc: str) -> Iterator[_Candidate]:
    for m in _BANK.finditer(scan):
        number = m.group("num")
        if _BANK_GAP_STOP.search(m.group("gap")) or _MONEY_FORM.match(number):
            continue
        if _MONEY_AFTER.match(scan, m.end("num")):
            continue
        yield _Candidate("bank_account", m.start("num"), m.end("num"))


def _ids_with_context(scan: str, nfc: str) -> Iterator[_Candidate]:
    for m in _ID_CONTEXT.finditer(scan):
        yield _Candidate("citizen_id", m.start("num"), m.end("num"))


def _phones(scan: str, nfc: str) -> Iterator[_Candidate]:
    for m in _PHONE.finditer(scan):
        digits = re.sub(r"\D", "", m.group())
        if digits.startswith("84"):
            digits = "0" + digits[2:].removeprefix("0")
        if _PHONE_DIGITS.fullmatch(digits):
            start = m.start() + (1 if m.group().startswith("(") and ")" not in m.group() else 0)
            yield _Candidate("phone", start, m.end())


def _bare_ids(scan: str, nfc: str) -> Iterator[_Candidate]:
    for m in _CCCD_BARE.finditer(scan):
        digits = re.sub(r"\D", "", m.group())
        if 1 <= int(digits[:3]) <= 96 and digits[3] in "0123":
            yield _Candidate("citizen_id", m.start(), m.end())


def _dates_of_birth(scan: str, nfc: str) -> Iterator[_Candidate]:
    for m in _DOB.finditer(scan):
        yield _Candidate("date_of_birth", m.start("date"), m.end("date"))


def _honorific_ok(scan: str, nfc: str, start: int, end: int, words: int) -> bool:
    """The honorific is a real one, not ``Ảnh`` or ``ba`` (three), nor part of a street name."""
    token = nfc[start:end].lower()
    plain = token.isascii()
    if not plain and token not in _HONORIFICS_MARKED:
        return False
    if plain and token in _AMBIGUOUS_PLAIN and words < 2:
        return False
    before = scan[max(0, start - 12) : start].lower().split()
    if not before:
        return True
    if _MASK in before[-1]:
        return False  # a label may stand for a house number: stay as strict as before
    house_number = re.fullmatch(r"\d{1,4}[a-z]?(?:/\d{1,4})?", before[-1])
    return before[-1] not in _PLACE_BEFORE and not house_number


def _name_words(scan: str, nfc: str, pos: int) -> int:
    """End offset of the capitalised name words starting at ``pos`` (``pos`` if none)."""
    end = pos
    count = 0
    while count < 5:
        m = _NAME_WORD.match(scan, pos)
        if not m:
            break
        word = nfc[m.start() : m.end()].lower()
        following = re.match(r"\s+(\w+)", scan[m.end() : m.end() + 20])
        bigram = f"{m.group().lower()} {following.group(1).lower() if following else ''}"
        if word in _TITLE_WORDS or bigram in _TITLE_BIGRAMS:
            break
        if count == 0 and word in _NOT_FIRST_NAME:
            break
        end, count = m.end(), count + 1
        if not scan.startswith(" ", end):
            break
        pos = end + 1
    return end


def _names(scan: str, nfc: str) -> Iterator[_Candidate]:
    """Names in ``Họ và tên:`` fields first (they may start with ``Ông``), then after honorifics."""
    yield from _field_names(scan)
    for m in _HONORIFIC.finditer(scan):
        end = _name_words(scan, nfc, m.end())
        words = len(scan[m.end() : end].split())
        if end > m.end() and _honorific_ok(scan, nfc, m.start("hon"), m.end("hon"), words):
            yield _Candidate("person_name", m.end(), end)


def _field_names(scan: str) -> Iterator[_Candidate]:
    for m in _FIELD_NAME.finditer(scan):
        pos = end = m.end()
        for _ in range(6):
            word = _FIELD_WORD.match(scan, pos)
            if not word or _field_stops(scan, word):
                break
            end = word.end()
            if not re.match(r" (?=[^\W\d_])", scan[end : end + 2]):
                break
            pos = end + 1
        if end > m.end():
            yield _Candidate("person_name", m.end(), end)


def _field_stops(scan: str, word: re.Match[str]) -> bool:
    """The next field (``Ngày sinh``, ``SĐT``...) starts here, so the name has ended."""
    following = re.match(r" (\w+)", scan[word.end() : word.end() + 20])
    bigram = f"{word.group()} {following.group(1) if following else ''}".lower()
    return word.group().lower() in _FIELD_STOP or bigram in _FIELD_STOP_BIGRAMS


def _addresses(scan: str, nfc: str) -> Iterator[_Candidate]:
    for m in _ADDRESS.finditer(scan):
        body = _ADDRESS_BODY.match(scan, m.end())
        if not body or _ADDRESS_NOT.match(body.group()):
            continue
        end = _address_parts_end(
            scan, body.start(), _address_end(scan, nfc, body.start(), body.end())
        )
        text = scan[body.start() : end].rstrip(" ,.:-–")
        if text and (m.group("colon") or _looks_like_address(text)):
            yield _Candidate("address", body.start(), body.start() + len(text))


def _address_end(scan: str, nfc: str, start: int, end: int) -> int:
    """Where the address clause stops: a sentence end, a dash, ``và`` or the next field."""
    for stop in _ADDRESS_END.finditer(scan, start, end):
        if stop.group("and") and nfc[stop.start("and") : stop.end("and")] not in ("và", "va"):
            continue
        if stop.group("dot"):
            before = re.search(r"(\w+)$", scan[max(start, stop.start() - 4) : stop.start()])
            if before and before.group(1).lower() in _ABBREVIATIONS:
                continue
        return stop.start()
    return end


def _address_parts_end(scan: str, start: int, end: int) -> int:
    """Keep comma-separated parts while they look like address parts (``phường ...``)."""
    pos = start
    for part in re.finditer(r",\s*", scan[start:end]):
        if not _looks_like_address(scan[start + part.end() : end]):
            return start + part.start()
        pos = start + part.end()
    return max(end, pos)


def _looks_like_address(text: str) -> bool:
    """Without a colon, an address starts with a house number, an address word or a place name."""
    first = re.match(r"[\w/]+", text)
    if not first:
        return False
    word = first.group()
    return word[0].isdigit() or word[0].isupper() or word.lower() in _ADDRESS_WORDS


def _sensitive(scan: str, nfc: str) -> Iterator[_Candidate]:
    for m in _SENSITIVE.finditer(scan):
        yield _Candidate("sensitive", m.start(), m.end())


# In priority order: a candidate overlapping an earlier accepted one is dropped, except an
# address, which is cut short where other data begins ("trú tại 12 Lê Lợi 0905...").
_FINDERS: tuple[Callable[[str, str], Iterable[_Candidate]], ...] = (
    _emails,
    _bank_accounts,
    _ids_with_context,
    _phones,
    _bare_ids,
    _dates_of_birth,
    _names,
    _addresses,
    _sensitive,
)


def _resolve(candidates: Iterable[_Candidate]) -> list[_Candidate]:
    accepted: list[_Candidate] = []
    for cand in candidates:
        clashes = [a for a in accepted if a.start < cand.end and cand.start < a.end]
        if clashes and cand.kind == "address":
            first = min(a.start for a in clashes)
            if first > cand.start:
                clashes, cand = [], _Candidate("address", cand.start, first)
        if not clashes:
            accepted.append(cand)
    return accepted


def _trim(cand: _Candidate, nfc: str) -> _Candidate | None:
    text = nfc[cand.start : cand.end]
    stripped = text.rstrip(" \t,.:;-–")
    if not stripped.strip():
        return None
    return _Candidate(cand.kind, cand.start, cand.start + len(stripped))


# --------------------------------------------------------------------------- public API


def find(text: str) -> list[Finding]:
    """All personal data in ``text``, in reading order.

    ``start``/``end`` index the text exactly as given (NFC or NFD); sensitive wording has
    severity ``"warning"``, everything else ``"error"``.

    >>> [f.kind for f in find("Đ/c Trần Văn Bình, SĐT 0914.222.333")]  # doctest: +SKIP
    ['person_name', 'phone']
    """
    text = _require_text(text)
    nfc, offsets = _normalise(text)
    scan = _scan_text(nfc)
    candidates = (cand for finder in _FINDERS for cand in finder(scan, nfc))
    findings = []
    for cand in sorted(_resolve(candidates), key=lambda c: c.start):
        cand = _trim(cand, nfc)
        if cand is None:
            continue
        start, end = offsets[cand.start], offsets[cand.end]
        severity = WARNING if cand.kind == "sensitive" else ERROR
        findings.append(Finding(cand.kind, start, end, text[start:end], severity))
    return findings


def redact(text: str, *, sensitive: bool = False) -> str:
    """``text`` with each piece of personal data replaced by a label such as ``[SỐ CCCD]``.

    Sensitive wording (health, religion, discipline...) is kept unless ``sensitive=True``:
    it is part of the sentence, so the trainee should rewrite it rather than lose it.
    The text is searched again after each round until nothing is left, so data that one
    finding hid (digits next to an e-mail address, say) is caught too and redacting twice
    changes nothing more. Every round turns unlabelled characters into a label, so it ends.
    """
    text = _require_text(text)
    while True:
        findings = [f for f in find(text) if sensitive or f.kind != "sensitive"]
        if not findings:
            return text
        for finding in reversed(findings):
            label = msg(f"privacy.label.{finding.kind}")
            text = text[: finding.start] + label + text[finding.end :]


def summary(findings: Iterable[Finding]) -> str:
    """A short warning to show before a prompt is sent: what was found and how to redact it.

    With no findings it says so, so it can be printed unconditionally in a lesson.
    """
    counts = Counter(f.kind for f in findings)
    if not counts:
        return msg("privacy.summary.none")
    parts = ", ".join(
        msg("privacy.summary.count", kind=msg(f"privacy.kind.{kind}"), count=counts[kind])
        for kind in KINDS
        if counts[kind]
    )
    personal = sum(n for kind, n in counts.items() if kind != "sensitive")
    lines = [msg("privacy.summary.found", total=sum(counts.values()), parts=parts)]
    if personal:
        lines.append(msg("privacy.summary.redact"))
    if counts["sensitive"]:
        lines.append(msg("privacy.summary.sensitive"))
    return "\n".join(lines)
