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

import bisect
import itertools
import re
import threading
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any, NamedTuple

from .errors import InputError
from .i18n import LANGUAGES, catalogue, msg
from .report import ERROR, WARNING, Severity
from .text import fold_aligned

__all__ = ["KINDS", "Finding", "find", "redact", "summary"]

KINDS = (
    "phone", "citizen_id", "email", "bank_account", "date_of_birth", "person_name", "address",
    "sensitive",
)  # fmt: skip
_MASK = "\x00"  # stands in for an existing label while matching; no pattern accepts it
_TAKEN = "\x01"  # stands in for a table cell already read; no pattern accepts it either


@dataclass(frozen=True)
class Finding:
    """One piece of personal data: its ``kind``, where it is (``start``/``end``) and the text."""

    kind: str
    start: int
    end: int
    text: str
    severity: Severity = ERROR


class _Candidate(NamedTuple):
    """A span a finder proposes (a tuple: a member list yields hundreds of thousands)."""

    kind: str
    start: int
    end: int


# --------------------------------------------------------------------------- input


def _require_text(text: object) -> str:
    if not isinstance(text, str):
        raise InputError(msg("privacy.errors.not_text", type=type(text).__name__))
    return text


def _fold(text: str) -> str:
    """NFC text with diacritics removed letter by letter (same length, same offsets)."""
    return fold_aligned(text, lower=False)


def _normalise(text: str) -> tuple[str, list[int] | range]:
    """The NFC text and, for each NFC offset 0..len, the matching offset in ``text``.

    Normalising piece by piece (a base letter with its marks) keeps the mapping exact.
    """
    if unicodedata.is_normalized("NFC", text):
        return text, range(len(text) + 1)
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


def _delegated(name: str) -> Callable[..., Any]:
    """A method of :class:`_Pattern` that runs ``re.Pattern.<name>`` on the right form."""

    def method(self: _Pattern, *args: Any) -> Any:
        pattern, args = self._pick(args)
        return getattr(pattern, name)(*args)

    method.__name__ = name
    return method


class _Pattern:
    """A pattern compiled twice: with plain ``\\b`` and with masks counting as words.

    The mask-aware boundary is a pair of lookarounds the regex engine cannot skip ahead
    with, which made every keyword search try each position of the text. Masks only exist
    when a text already holds labels, so :func:`find` says once per call which form to use.
    """

    def __init__(self, pattern: str, flags: int) -> None:
        self.fast = re.compile(pattern, flags)
        self.masked = re.compile(pattern.replace(r"\b", _WB), flags)
        # Case-insensitive matching is several times slower than exact matching; a pattern
        # that is case-insensitive throughout runs exactly on the scan in lower case.
        self.lower = None
        if flags & re.IGNORECASE and "(?-i" not in pattern:
            self.lower = re.compile(pattern, flags & ~re.IGNORECASE)

    def _pick(self, args: tuple) -> tuple[re.Pattern[str], tuple]:
        if getattr(_STATE, "masked", True):
            return self.masked, args
        if self.lower is not None and args and args[0] is getattr(_STATE, "scan", None):
            return self.lower, (_STATE.lower, *args[1:])
        return self.fast, args

    finditer = _delegated("finditer")
    search = _delegated("search")
    match = _delegated("match")
    fullmatch = _delegated("fullmatch")
    sub = _delegated("sub")


_STATE = threading.local()
_ASCII_LOWER = {code: code + 32 for code in range(ord("A"), ord("Z") + 1)}


def _ascii_lower(text: str) -> str:
    """``text`` with A-Z in lower case and every other character as it is (same offsets).

    ``bytes.lower`` changes ASCII letters only, and no byte of a UTF-8 sequence for another
    character is ASCII: the same as ``translate(_ASCII_LOWER)``, without a look-up per
    character."""
    if text.isascii():
        return text.lower()
    return text.encode("utf-8", "surrogatepass").lower().decode("utf-8", "surrogatepass")


def _rx(pattern: str, flags: int = 0) -> _Pattern:
    """Compile with ``\\b`` meaning a word boundary where a masked label counts as a word."""
    return _Pattern(pattern, flags)


# A keyword finder scans the whole text with a regular expression, which costs about as
# much whether or not a keyword is there, and most texts hold none of them. Its keywords
# are whole words between word boundaries, so each word of a keyword is one of the text's
# words (runs of ASCII letters and digits of the lower-case scan): a set look-up, then one
# substring search for the few keywords whose words are all there, tell when the scan
# cannot find anything and may be skipped. With masked labels the patterns differ, so
# then every finder runs.
_NOT_WORD_TABLE = {code: " " for code in range(128) if not chr(code).isalnum()}


_Keywords = dict[str, tuple[tuple[str, frozenset[str]], ...]]
# Words most union documents hold: a phrase is filed under another of its words if it can,
# so that a document's own words rarely lead to a phrase that is not there.
_COMMON_WORDS = frozenset(
    """
    cong doan hoa ngay noi phan vien canh thuong phat sinh bien thoi cho dia cao khai khong
    nang tien danh chinh theo chung dinh nam ban tai tin quan hinh thuc dong phi con nhan
    hoat tham chi so
    """.split()  # noqa: SIM905
)


def _keywords(alternatives: str) -> _Keywords:
    """``"bi benh|hiv"``: each phrase with the words it needs, under its least common word
    (any of them would do: all are needed)."""
    index: dict[str, list[tuple[str, frozenset[str]]]] = {}
    for phrase in dict.fromkeys(alternatives.split("|")):
        words = phrase.split()
        rare = [word for word in words if word not in _COMMON_WORDS] or words
        index.setdefault(max(rare, key=len), []).append((phrase, frozenset(words)))
    return {word: tuple(phrases) for word, phrases in index.items()}


def _words_of(lower: str) -> frozenset[str]:
    if not lower.isascii():  # what is not ASCII separates words: "?" does the same
        lower = lower.encode("ascii", "replace").decode("ascii")
    spaced = lower.translate(_NOT_WORD_TABLE)
    return frozenset(spaced.split())


def _may_hold(scan: str, keywords: _Keywords) -> bool:
    """False only when no keyword can be in ``scan`` (the text :func:`find` is reading)."""
    words = getattr(_STATE, "words", None)
    if words is None or scan is not getattr(_STATE, "scan", None):
        return True  # masked labels, or a finder called on other text: no short cut
    lower = _STATE.lower
    return any(
        need <= words and phrase in lower
        for word in keywords.keys() & words
        for phrase, need in keywords[word]
    )


_NO_DIGIT_BEFORE = r"(?<![\w+\x00])(?<![\d\x00][ .\-])"
_NO_DIGIT_AFTER = r"(?![\d\x00]|[.\-][\d\x00])"

_EMAIL = _rx(
    r"(?<![\w.+\-\x00])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,24}(?![\w\-\x00])"
)

_PHONE = _rx(  # each pattern opens with the characters it can start with: the
    r"(?=[(+0-9])"  # look-behinds then run only there (several times faster)
    + _NO_DIGIT_BEFORE
    + r"(?:\(\s?)?(?:(?:\+\s?84|84)\)?[ .\-]?(?:\(?0\)?)?|0)[ .\-]?\(?"
    + r"(?:[35789](?:[ .\-)]{0,2}\d){8}|2(?:[ .\-)]{0,2}\d){9})"
    + _NO_DIGIT_AFTER
)
_PHONE_DIGITS = _rx(r"0(?:[35789]\d{8}|2\d{9})")
# What every phone number ends with (the pattern's last part): money and dates rarely have it.
_PHONE_TAIL = re.compile(r"[235789](?:[ .\-)]{0,2}\d){8}")

# The first digit, then _NO_DIGIT_BEFORE's look-behinds one character further back: a
# pattern that opens with a character class lets the engine skip to the next digit at once.
_CCCD_BARE = _rx(r"\d(?<![\w+\x00].)(?<![\d\x00][ .\-].)(?:[ .]?\d){11}" + _NO_DIGIT_AFTER)
# The keywords each keyword finder's pattern opens with (see _may_hold).
_ID_KEYWORDS = _keywords("cccd|cmnd|cmtnd|cmt|can cuoc|chung minh|dinh danh|ddcn")
_ID_CONTEXT = _rx(  # the first letters of the words below first
    r"(?=[cds])\b(?:cccd|cmnd|cmtnd|cmt|can cuoc(?: cong dan)?|chung minh(?: nhan dan| thu)?"
    r"|(?:so )?dinh danh(?: ca nhan)?|ddcn)\b(?: (?:cu|moi)\b)?\s*(?:so\b)?\s*[:.\-]?\s*"
    r"(?P<num>\d{3}[ .]?\d{3}[ .]?\d{3}(?:[ .]?\d{3})?)" + _NO_DIGIT_AFTER,
    _I,
)

# Banks members name with an account number ("STK 0071... Vietcombank", "MB Bank 09...").
_BANK_NAMES = (
    r"vietcombank|vcb|vietinbank|agribank|bidv|techcombank|mb ?bank|acb|sacombank|vpbank"
    r"|tpbank|shb|hdbank|vib|ocb|seabank|lienvietpostbank|lpbank|eximbank|msb|nam a bank"
)
_BANK_KEYWORDS = _keywords(
    "stk|tk|tai khoan|ngan hang|chuyen khoan|" + _BANK_NAMES.replace("mb ?bank", "mb bank|mbbank")
)
_BANK = _rx(  # the first letters of the words below first: most positions fail at once
    r"(?=[abcehlmnostv])\b(?:stk|tk|so tk|so tai khoan|tai khoan|ngan hang|chuyen khoan|"
    + _BANK_NAMES
    + r")\b"
    r"(?P<gap>[^\d\n\x00\[\]]{0,40}?)"
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
_DOB_TAIL = r"\b\s*(?:[:.\-]\s*)?(?:(?:la|vao)\s+)?(?P<date>" + _DATE + ")"
_DOB = _rx(
    r"(?=[sndSND])\b(?<!phat )(?<!nay )(?<!san )"
    r"(?:sinh ngay|ngay(?:,)? thang(?:,)? nam sinh|ngay sinh|nam sinh|sinh nam|sinh(?=\s*:)|dob)"
    + _DOB_TAIL,
    _I,
)
_DOB_KEYWORDS = _keywords("sinh ngay|nam sinh|ngay sinh|sinh nam|dob")  # "ngay, thang, nam sinh"
_SINH_COLON = re.compile(r"sinh\s*:")  # the pattern's sinh(?=\s*:)
# "NS: 1988", "SN 1992" in capitals only (kept apart: the case-insensitive part is faster)
_DOB_ABBREVIATED = _rx(r"(?=[NS])(?<![\w/\x00])(?:NS|SN)" + _DOB_TAIL)

# followed by a capital (checked in _names: a case-insensitive pattern runs much faster)
_HONORIFIC = _rx(
    r"(?=[abcdeot])(?<![\w/\x00])(?P<hon>ong|ba|anh|chi|em|chau|dong chi|d/c|co|thay|bac|chu)"
    r"[ \t]+",
    _I,
)
_HONORIFICS_MARKED = {
    "ông", "bà", "anh", "chị", "em", "cháu", "đồng chí", "đ/c", "cô", "thầy", "bác", "chú",
}  # fmt: skip
# typed without marks these are other words ("có", "thay", "bắc", "chữ"): never a name's title
_NOT_HONORIFIC_PLAIN = {"co", "thay", "bac", "chu"}
# "ba" (three), "chi" (branch), "chau" (continent) without diacritics: a name only when a
# verb or "của" says a person is meant ("của chi Nga", "gọi chi Lan")
_AMBIGUOUS_PLAIN = {"ba", "chi", "chau"}
_SPEAKING_OF = {"cua", "voi", "cho", "goi", "nho", "moi", "gap", "hoi", "bao", "tham", "giup"}
_NAME_WORD = _rx(r"[A-Z][a-z]{0,6}(?![\w\x00])")
_FIELD_KEYWORDS = _keywords("ho ten|ho, ten|ho va ten|ho, va ten")  # ho,? (?:va )?ten
_FIELD_NAME = _rx(
    r"(?=h)\bho,? (?:va )?ten(?: (?:doan vien|nguoi lao dong|thanh vien))?[ \t]*[:\-][ \t]*", _I
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

_ADDRESS_KEYWORDS = _keywords(
    "dia chi|thuong tru|tam tru|tru tai|tru o|noi o|cho o|que|nha o|ho khau|kiet|hem|ngo|ngach"
)
_ADDRESS = _rx(  # the first letters of the words below first
    r"(?=[cdhnoqt])\b"
    r"(?P<ctx>dia chi(?: thuong tru| tam tru| lien he| nha| nhan qua| nhan hang| gui qua)?"
    r"|ho khau(?: thuong tru)?"
    # "nhà bác Tư ở kiệt 45 Phan Đình Phùng": a house in an alley is someone's home
    r"|(?<![\w\x00])o(?= (?:so \d+[a-z]? )?(?:kiet|hem|ngo|ngach) \d)"
    r"|thuong tru|tam tru|tru tai|tru o|noi o(?: hien nay| hien tai)?"
    r"|cho o(?: hien nay| hien tai)|que quan|(?<!ve )que|nha o)\b"
    r"(?P<lead>[ \t]*(?:tai|o|la)?[ \t]*(?P<colon>[:\-])?[ \t]*)",
    _I,
)
_ADDRESS_BODY = _rx(r"[^\n;\x00|\t(]{1,150}")
_ADDRESS_END = _rx(
    r"(?P<dot>\.)(?=\s)|\s[-–]\s|\s(?P<and>va)\b|\s(?:hien dang|dang lam|lam viec|cong tac)\b"
    r"|\s(?-i:bi|da|dang|duoc|se|can|xin)\s"  # "... phường Phú Nhuận bị ngập sâu": a verb
    r"|,?\s*\b(?:sdt|dt|dien thoai|so dien thoai|email|e-mail|cccd|cmnd"
    r"|(?-i:sinh)(?!\s+[A-Z])|ngay sinh|nam sinh"
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

_SENSITIVE_WORDS = (
    "bi benh|mac benh|benh nhan|ung thu|hiv|aids|nhap vien|nam vien|phau thuat"
    "|tram cam|tam than|khuyet tat|mang thai|say thai|chay than|tai bien|tieu duong"
    "|ton giao|cong giao|phat giao|tin lanh|cao dai|hoa hao|theo dao"
    "|quan diem chinh tri|chinh kien|phan dong"
    "|bi ky luat|hinh thuc ky luat|khien trach|canh cao|cach chuc|khai tru|sa thai"
    "|duoi viec|tien an|tien su|bi bat|truy to"
    "|ra khoi cong doan|xoa ten|no doan phi|chua dong doan phi|khong dong doan phi"
    "|thoi sinh hoat cong doan|danh sach doan vien|ho ngheo"
    "|vay nang lai|no xau|sinh con|sinh non|nam vien"
    "|benh tim|tim mach|sot xuat huyet|lao phoi|viem gan|suy than|dot quy"
    "|nghien ruou|nghien ma tuy"
)
# "Chương trình phòng chống ung thư vú", "tầm soát tiểu đường": a campaign names no one.
_CAMPAIGN_BEFORE = _rx(r"\b(?:phong chong|phong ngua|tam soat|tuyen truyen ve|phong)\s+$", _I)
_SENSITIVE_KEYWORDS = _keywords(_SENSITIVE_WORDS)
_SENSITIVE = _rx(  # the first letters of the words below first: most positions fail at once
    r"(?=[abcdhklmnpqrstuvx])\b(?:" + _SENSITIVE_WORDS + r")\b",
    _I,
)


# --------------------------------------------------------------------------- finders


def _emails(scan: str, nfc: str) -> Iterator[_Candidate]:
    if "@" not in scan:
        return  # most texts hold none: skip the scan
    for m in _EMAIL.finditer(scan):
        yield _Candidate("email", m.start(), m.end())


def _bank_accounts(scan: str, nfc: str) -> Iterator[_Candidate]:
    if not _may_hold(scan, _BANK_KEYWORDS):
        return
    for m in _BANK.finditer(scan):
        number = m.group("num")
        if _BANK_GAP_STOP.search(m.group("gap")) or _MONEY_FORM.match(number):
            continue
        if _MONEY_AFTER.match(scan, m.end("num")):
            continue
        yield _Candidate("bank_account", m.start("num"), m.end("num"))


def _ids_with_context(scan: str, nfc: str) -> Iterator[_Candidate]:
    if not _may_hold(scan, _ID_KEYWORDS):
        return
    for m in _ID_CONTEXT.finditer(scan):
        yield _Candidate("citizen_id", m.start("num"), m.end("num"))


# A number that looks like a phone but is labelled as something else: a tax code
# ("MST: 0312345678"), a meeting ID, an order or contract number.
_NOT_PHONE_BEFORE = _rx(
    r"\b(?:mst|ma so thue|ma so doanh nghiep|msdn|ma dn|id|meeting id|ma cuoc hop|ma phong"
    r"|ma don hang|ma don|so hop dong|so hieu|ma so bhxh|so so bhxh|ma hang|ma lop)\b"
    r"[^\w\n\x00]{0,4}(?:(?:la|so)\s)?$",
    _I,
)


def _phones(scan: str, nfc: str) -> Iterator[_Candidate]:
    if not _PHONE_TAIL.search(scan):
        return
    for m in _PHONE.finditer(scan):
        if _NOT_PHONE_BEFORE.search(scan, max(0, m.start() - 30), m.start()):
            continue
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
    lower = _STATE.lower if scan is getattr(_STATE, "scan", None) else scan.lower()
    if "sinh" not in lower and "dob" not in lower and "NS" not in scan and "SN" not in scan:
        return  # every label of a birth date holds one of these: most texts, none
    labels = _may_hold(scan, _DOB_KEYWORDS) or _SINH_COLON.search(lower)
    abbreviated = "NS" in scan or "SN" in scan
    for pattern, needed in ((_DOB, labels), (_DOB_ABBREVIATED, abbreviated)):
        for m in pattern.finditer(scan) if needed else ():
            yield _Candidate("date_of_birth", m.start("date"), m.end("date"))


def _honorific_ok(scan: str, nfc: str, start: int, end: int, words: int) -> bool:
    """The honorific is a real one, not ``Ảnh`` or ``ba`` (three), nor part of a street name."""
    token = nfc[start:end].lower()
    plain = token.isascii()
    if (not plain and token not in _HONORIFICS_MARKED) or (plain and token in _NOT_HONORIFIC_PLAIN):
        return False
    words_before = scan[max(0, start - 12) : start].split()
    inside_a_name = words_before and words_before[-1][:1].isupper() and words_before[-1].isalpha()
    if inside_a_name and nfc[start].isupper() and not words_before[-1].isupper():
        return False  # "Hoàng Anh Tuấn": a middle name, not "anh" (elder brother)
    before = [word.lower() for word in words_before]
    ambiguous = plain and token in _AMBIGUOUS_PLAIN and words < 2
    if ambiguous and (not before or before[-1] not in _SPEAKING_OF):
        return False  # "ba Hoa" may be three flowers; "cua chi Nga" is a person
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
        if not "A" <= scan[m.end() : m.end() + 1] <= "Z":
            continue
        end = _name_words(scan, nfc, m.end())
        words = len(scan[m.end() : end].split())
        real = _honorific_ok(scan, nfc, m.start("hon"), m.end("hon"), words)
        if end > m.end() and real and not _famous(scan, m.start(), end):
            yield _Candidate("person_name", m.end(), end)


def _field_names(scan: str) -> Iterator[_Candidate]:
    if not _may_hold(scan, _FIELD_KEYWORDS):
        return
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
    if not _may_hold(scan, _ADDRESS_KEYWORDS):
        return
    for m in _ADDRESS.finditer(scan):
        body = _ADDRESS_BODY.match(scan, m.end())
        if not body or _ADDRESS_NOT.match(body.group()):
            continue
        end = _address_parts_end(
            scan, body.start(), _address_end(scan, nfc, body.start(), body.end())
        )
        text = scan[body.start() : end].rstrip(" ,.:-–")
        if m.group("ctx").lower() == "que" and text.split(" ", 1)[0] not in _ADDRESS_WORDS:
            continue  # "quê xã Quảng Điền" is an address, "quê Phong Điền" a place name
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


# --------------------------------------------------------------------------- tables
# A member list pasted from Excel or Word: the header row names each column's kind, so
# "191234567" under "Số CMND" is an ID and "1985" under "Năm sinh" a date of birth.
_COLUMNS = {
    "person_name": ("ho va ten", "ho ten", "ho va ten doan vien", "ten doan vien", "ten",
                    "nguoi nhan", "chu tai khoan", "doan vien"),
    "date_of_birth": ("ngay sinh", "nam sinh", "ngay thang nam sinh", "ns", "sinh ngay"),
    "citizen_id": ("cccd", "so cccd", "cmnd", "so cmnd", "can cuoc", "so can cuoc",
                   "so dinh danh", "cccd/cmnd", "so cccd/cmnd", "cmnd/cccd"),
    "phone": ("sdt", "so dien thoai", "dien thoai", "dt", "so dt", "zalo", "di dong"),
    "bank_account": ("so tai khoan", "stk", "tai khoan", "so tk"),
    "address": ("dia chi", "que quan", "thuong tru", "noi o", "cho o hien nay", "que"),
    "email": ("email", "e-mail", "thu dien tu"),
}  # fmt: skip
_COLUMN_KIND = {header: kind for kind, headers in _COLUMNS.items() for header in headers}
_VALUE = {
    "person_name": re.compile(r"[^\W\d_]+(?: [^\W\d_]+){0,5}"),
    "date_of_birth": re.compile(_DATE),
    "citizen_id": re.compile(r"\d{3}[ .]?\d{3}[ .]?\d{3}(?:[ .]?\d{3})?"),
    "phone": re.compile(r"\+?[\d ().\-]{9,16}"),
    "bank_account": re.compile(r"\d(?:[ .\-]?\d){5,18}"),
    "address": re.compile(r".*\S.*"),
    "email": re.compile(r"\S+@\S+"),
}


def _separator(line: str) -> str | None:
    if "\t" in line:
        return "\t"
    if line.count("|") >= 2:
        return "|"
    if line.count(";") >= 2:
        return ";"
    return None


def _cells(line: str, sep: str, offset: int) -> list[tuple[int, int]]:
    """(start, end) of each cell's trimmed text, as offsets of the whole text."""
    spans, pos = [], 0
    for cell in line.split(sep):
        lead = len(cell) - len(cell.lstrip())
        spans.append((offset + pos + lead, offset + pos + len(cell.rstrip())))
        pos += len(cell) + len(sep)
    return spans


def _row(scan: str, line: str, sep: str, offset: int, columns: dict[int, str]):
    """The cells of one table row that sit under a personal-data header."""
    pos = 0
    for index, cell in enumerate(line.split(sep)):
        kind = columns.get(index)
        if kind is not None:
            start = offset + pos + len(cell) - len(cell.lstrip())
            end = offset + pos + len(cell.rstrip())
            if end > start and _VALUE[kind].fullmatch(scan, start, end):
                yield _Candidate(kind, start, end)
        pos += len(cell) + len(sep)


# A tab, or two "|" or two ";" on one line: what _separator looks for (a document has few
# such lines among many; "- Như trên;" has one ";").
_SEPARATED = re.compile(r"\t|\|[^\n]*\||;[^\n]*;")


def _separated_lines(scan: str) -> Iterator[tuple[int, int, str]]:
    """(line number, offset, line) of the lines _separator finds a separator in."""
    number, counted = 0, 0
    found = _SEPARATED.search(scan)
    while found:
        start = scan.rfind("\n", 0, found.start()) + 1
        end = scan.find("\n", found.end())
        end = len(scan) if end < 0 else end
        number += scan.count("\n", counted, start)
        counted = start
        yield number, start, scan[start:end]
        found = _SEPARATED.search(scan, end)


def _tables(scan: str, nfc: str) -> Iterator[_Candidate]:
    columns: dict[int, str] = {}
    sep: str | None = None
    previous = -2
    for number, offset, line in _separated_lines(scan):
        here = _separator(line)
        if here is None or here != sep or number != previous + 1:
            columns, sep = {}, None  # a line between, with no separator, ends a table
        previous = number
        if columns:
            yield from _row(scan, line, here, offset, columns)
        elif here:
            cells = _cells(line, here, offset)
            header = {
                i: _COLUMN_KIND.get(" ".join(scan[a:b].lower().split()).rstrip(":"))
                for i, (a, b) in enumerate(cells)
            }
            columns = {i: kind for i, kind in header.items() if kind}
            sep = here if columns else None


# --------------------------------------------------------------------------- names by structure
# A Vietnamese full name is a surname, then one to three capitalised syllables: "Lê Thị
# Mỹ", "Trần Văn Hậu". Found without an honorific, except where the same shape names a
# street, a school, a place or a historical figure ("trường THPT Nguyễn Huệ", "Hà Nội").
SURNAMES = frozenset(
    """
    nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly truong dinh lam
    mai cao thai doan luong chau ta trinh kieu nghiem luu quach ton hua trieu dao than phung
    vuong giang nong khuc au mac tang la hau dong ha
    """.split()  # noqa: SIM905
)
_PLACE_WORDS = _rx(
    r"\b(?:duong|pho|ngo|kiet|hem|truong|thpt|thcs|tieu hoc|mam non|dai hoc|hoc vien"
    r"|benh vien|cong ty|xa|phuong|quan|huyen|tinh|thanh pho|tp|giai|le hoi|khu|nha van hoa"
    r"|chua|tuong dai|quang truong|cong vien|ky niem|tuong niem)\W*$",
    _I,
)
_NOT_NAMES = frozenset(
    """
    ha noi|ha tinh|ha giang|ha nam|ha long|ha tien|cao bang|lam dong|dong nai|dong thap
    |dong hoi|dong xoai|dong ha|dong son|ho chi minh|le loi|nguyen trai|nguyen hue
    |tran hung dao|ly thuong kiet|phan boi chau|phan chu trinh|nguyen tri phuong|le duan
    |ton duc thang|vo thi sau|nguyen thi minh khai|tran phu|le hong phong|phan dang luu
    |nguyen sinh cung|nguyen du|le quy don|nguyen van cu|le van tam|ngo quyen|tran cao van
    |dang thai than|mai thuc loan|ly tu trong|vo nguyen giap|nguyen chi thanh|hai ba trung
    |truong chinh|pham van dong|huynh thuc khang|nguyen an ninh|le thanh ton|tran nhan tong
    |hung vuong|ba trieu|ba trung|truong son|dinh tien hoang|mai linh|hoang sa|truong sa
    """.replace("\n", "")
    .replace(" |", "|")
    .strip()
    .split("|")
)
# The capital first, then the look-behind (one character further back): a pattern that opens
# with a character class lets the engine skip to the next capital at once.
_NAME_RUN = _rx(r"[A-Z](?<![\w\x00].)[a-z]{0,6}(?: [A-Z][a-z]{0,6}){1,5}(?![\w\x00])")
_NOT_NAME_WORDS = {
    "dai", "hoc", "cong", "ty", "hoi", "nha", "ban", "doan", "lao", "so", "benh",
    "vien", "khu", "to", "phong", "thang", "ngay", "tet", "cho", "giai", "quy",
    "truong", "xa", "phuong", "pho", "huyen", "tich",
}  # fmt: skip


# Capitalised words that fold to a surname but are not one: "Cháu" (Châu), "Đường" (Dương).
_NOT_SURNAME = {"cháu", "đường", "trường", "chị", "anh", "em", "chú", "cô", "bác", "ông", "bà",
                "đồng", "hà", "mái", "tổ", "lâm"}  # fmt: skip


def _structured_names(scan: str, nfc: str) -> Iterator[_Candidate]:
    for m in _NAME_RUN.finditer(scan):
        start = m.start()
        words = m.group().split(" ")
        while len(words) >= 2:  # "Mời Nguyễn Thị Thanh Tâm": the name starts at the surname
            if _is_surname(words[0], nfc[start : start + len(words[0])]):
                break
            start += len(words[0]) + 1
            words = words[1:]
        words = words[:4]
        end = start + len(" ".join(words))
        if len(words) >= 2 and _name_shaped(scan, start, [w.lower() for w in words]):
            yield _Candidate("person_name", start, end)


def _is_surname(folded: str, written: str) -> bool:
    lower = written.lower()
    return folded.lower() in SURNAMES and (lower not in _NOT_SURNAME or lower in _PLACE_SURNAMES)


_PLACE_SURNAMES = ("hà", "đồng", "lâm")  # surnames too, but also start place names


# Bodies whose name starts like a person's: "Đoàn Thanh niên" (Đoàn is a surname too).
_BODIES = _rx(r"(?i:doan thanh nien|hoang gia|ly luan)(?![\w\x00])")


def _name_shaped(scan: str, start: int, words: list[str]) -> bool:
    if any(w in _NOT_NAME_WORDS for w in words[1:]) or _BODIES.match(scan, start):
        return False
    if any(" ".join(words[:n]) in _NOT_NAMES for n in (2, 3, 4)):
        return False
    return not _PLACE_WORDS.search(scan, max(0, start - 16), start)


def _famous(scan: str, start: int, end: int) -> bool:
    """The words around an honorific's name form a historical name: "Hai Bà Trưng"."""
    around = " ".join(scan[max(0, start - 8) : end].lower().split())
    return any(name in around for name in ("hai ba trung", "ba trieu"))


def _sensitive(scan: str, nfc: str) -> Iterator[_Candidate]:
    if not _may_hold(scan, _SENSITIVE_KEYWORDS):
        return
    for m in _SENSITIVE.finditer(scan):
        if not _CAMPAIGN_BEFORE.search(scan, max(0, m.start() - 20), m.start()):
            yield _Candidate("sensitive", m.start(), m.end())


# In priority order, after the table cells (see find): a candidate overlapping an earlier
# accepted one is dropped, except an address, which is cut short where other data begins
# ("trú tại 12 Lê Lợi 0905...").
_FINDERS: tuple[Callable[[str, str], Iterable[_Candidate]], ...] = (
    _emails,
    _bank_accounts,
    _ids_with_context,
    _phones,
    _bare_ids,
    _dates_of_birth,
    _names,
    _addresses,
    _structured_names,
    _sensitive,
)


# Accounts, ID numbers and phones all hold six digits or more in a row (spaces, dots and
# dashes allowed between them); most texts hold none, and then their finders are skipped.
_LONG_NUMBER = re.compile(r"\d(?:[ .\-]?\d){5}")
_NUMBER_FINDERS = (_bank_accounts, _ids_with_context, _phones, _bare_ids)
_WORD_FINDERS = tuple(finder for finder in _FINDERS if finder not in _NUMBER_FINDERS)
_FINDER_KINDS = {
    _emails: "email",
    _bank_accounts: "bank_account",
    _ids_with_context: "citizen_id",
    _phones: "phone",
    _bare_ids: "citizen_id",
    _dates_of_birth: "date_of_birth",
    _names: "person_name",
    _addresses: "address",
    _structured_names: "person_name",
    _sensitive: "sensitive",
}


def _needed(finders: tuple, kinds: set[str], scan: str) -> tuple:
    """The finders up to the last one that may find a wanted kind.

    A candidate only ever loses to one found before it (see _resolve), so the finders
    after that one cannot change what the wanted kinds find.
    """
    if "sensitive" in kinds and not _may_hold(scan, _SENSITIVE_KEYWORDS):
        kinds = kinds - {"sensitive"}  # no keyword: the last finder finds nothing
    last = max((i for i, f in enumerate(finders) if _FINDER_KINDS[f] in kinds), default=-1)
    return finders[: last + 1]


def _resolve(candidates: Iterable[_Candidate]) -> list[_Candidate]:
    """Keep candidates in priority order, dropping those that overlap one kept before.

    The kept spans never overlap, so they stay sorted by start in one list and a new
    candidate only meets its neighbours there: a member list with a hundred thousand
    findings takes n log n steps, not n squared.
    """
    starts: list[int] = []
    accepted: list[_Candidate] = []
    for cand in candidates:
        at = bisect.bisect_left(starts, cand.end)  # kept spans starting before cand ends
        clash = at > 0 and accepted[at - 1].end > cand.start
        if clash and cand.kind == "address":
            first = at - 1
            while first > 0 and accepted[first - 1].end > cand.start:
                first -= 1
            if accepted[first].start > cand.start:
                cand = _Candidate("address", cand.start, accepted[first].start)
                at, clash = first, False
        if not clash:
            starts.insert(at, cand.start)
            accepted.insert(at, cand)
    return accepted


def _trim(cand: _Candidate, nfc: str) -> _Candidate | None:
    if nfc[cand.end - 1] not in " \t,.:;-–":
        return cand  # the usual case: nothing to trim
    text = nfc[cand.start : cand.end]
    stripped = text.rstrip(" \t,.:;-–")
    if not stripped.strip():
        return None
    return _Candidate(cand.kind, cand.start, cand.start + len(stripped))


# --------------------------------------------------------------------------- public API


def find(text: str, *, kinds: Iterable[str] | None = None) -> list[Finding]:
    """All personal data in ``text``, in reading order.

    ``start``/``end`` index the text exactly as given (NFC or NFD); sensitive wording has
    severity ``"warning"``, everything else ``"error"``. With ``kinds``, the findings of
    those kinds are exactly the ones ``find(text)`` gives, found faster; findings of other
    kinds may be missing (the finders after the last one that may find a wanted kind do
    not run: a candidate only loses to one found before it).

    >>> [f.kind for f in find("Đ/c Trần Văn Bình, SĐT 0914.222.333")]  # doctest: +SKIP
    ['person_name', 'phone']
    """
    text = _require_text(text)
    nfc, offsets = _normalise(text)
    scan = _scan_text(nfc)
    _STATE.masked = _MASK in scan
    cells = list(_tables(scan, nfc))
    if cells:  # hide the cells already read, so the other finders skip them quickly
        pieces, pos = [], 0
        for cand in cells:
            pieces += [scan[pos : cand.start], _TAKEN * (cand.end - cand.start)]
            pos = cand.end
        scan = "".join([*pieces, scan[pos:]])
    _STATE.scan, _STATE.lower = scan, _ascii_lower(scan)
    _STATE.words = None if _STATE.masked else _words_of(_STATE.lower)
    finders = _FINDERS if _LONG_NUMBER.search(scan) else _WORD_FINDERS
    if kinds is not None:
        wanted = set(kinds)
        if not wanted <= set(KINDS):  # a programming error, not a trainee's
            raise ValueError(f"unknown kinds {sorted(wanted - set(KINDS))}; known: {KINDS}")
        finders = _needed(finders, wanted, scan)
    candidates = itertools.chain(cells, (c for finder in finders for c in finder(scan, nfc)))
    findings = []
    for cand in _resolve(candidates):  # kept sorted by start
        cand = _trim(cand, nfc)
        if cand is None:
            continue
        start, end = offsets[cand.start], offsets[cand.end]
        severity = WARNING if cand.kind == "sensitive" else ERROR
        findings.append(Finding(cand.kind, start, end, text[start:end], severity))
    _STATE.scan = _STATE.lower = _STATE.words = None
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
    labels = {kind: msg(f"privacy.label.{kind}") for kind in KINDS}
    while True:
        findings = [f for f in find(text) if sensitive or f.kind != "sensitive"]
        if not findings:
            return text
        pieces, pos = [], 0
        for finding in findings:  # in reading order and never overlapping
            pieces += [text[pos : finding.start], labels[finding.kind]]
            pos = finding.end
        pieces.append(text[pos:])
        text = "".join(pieces)


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
