"""The union's fixed vocabulary, in one place: document kinds, formulae, outdated units, pace.

Every module that writes, reads or checks a union document (the practice model's drafts,
the document checkers, grading, ``facts``) takes its words from here, so a correction is
made once. These strings *are* document content, the same in every edition of the course
(Nghị định 30/2020/NĐ-CP, Quyết định 933/QĐ-TLĐ), so they are constants rather than
catalogue messages; what trainees read *about* a document lives in the catalogue.

The administrative units abolished or renamed in 2025 are data (:data:`OUTDATED_UNITS`):
adding a province or district is adding one :class:`OutdatedUnit` line.

>>> DOCUMENT_KINDS["notice"].code, kind_by_code("gm").name
('TB', 'invitation')
>>> is_outdated("Liên đoàn Lao động tỉnh Thừa Thiên Huế", on=dt.date(2026, 5, 1))
True
>>> is_outdated("Liên đoàn Lao động thành phố Huế", on=dt.date(2026, 5, 1))
False
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from .text import WEEKDAYS, Span, fold, fold_aligned, nfc, weekday_name

__all__ = [
    "ADDRESSEE",
    "ARCHIVE",
    "AS_ABOVE",
    "AS_INVITED",
    "CHAIR",
    "CHAIRING",
    "DEPUTY",
    "DEPUTY_FOR",
    "DOCUMENT_KINDS",
    "DOCUMENT_TITLES",
    "EASY_SYLLABLES_PER_SECOND",
    "FIELD",
    "HOOK_SECONDS",
    "INVITE",
    "MAX_SYLLABLES_PER_SECOND",
    "MOTTO",
    "NUMBER",
    "ON_BEHALF",
    "ON_BEHALF_STANDING",
    "OUTDATED_UNITS",
    "PLAN_SECTIONS",
    "RECIPIENTS",
    "REPORT_SECTIONS",
    "SCENE_SECONDS",
    "SECRETARY",
    "SIGNATURE_FORMS",
    "SUBJECT",
    "TITLE",
    "TOP_UNION",
    "TYPE_CODE",
    "WEEKDAYS",
    "DocumentKind",
    "OutdatedUnit",
    "body_code",
    "document_kind",
    "find_outdated",
    "is_outdated",
    "kind_by_code",
    "kind_key",
    "syllables",
    "weekday_name",
]

# --------------------------------------------------------------------------- document kinds


@dataclass(frozen=True)
class DocumentKind:
    """A kind of union document: ``name`` in code, ``code`` in its number, ``title`` on top.

    ``aliases`` are the other ways a trainee or a lesson names it (Vietnamese words are
    compared folded, so ``thông báo`` and ``thong bao`` are the same alias).
    """

    name: str
    code: str
    title: str
    aliases: tuple[str, ...] = ()

    @property
    def abbreviation(self) -> str:
        """The type code under the name ``congdoan.documents`` has always used."""
        return self.code

    @property
    def names(self) -> tuple[str, ...]:
        """Every name this kind answers to: its name, code, title and aliases."""
        return (self.name, self.code, self.title, *self.aliases)


DOCUMENT_KINDS: dict[str, DocumentKind] = {
    kind.name: kind
    for kind in (
        DocumentKind("notice", "TB", "THÔNG BÁO"),
        DocumentKind("invitation", "GM", "GIẤY MỜI", ("thư mời",)),
        DocumentKind("plan", "KH", "KẾ HOẠCH"),
        DocumentKind("report", "BC", "BÁO CÁO"),
        DocumentKind("minutes", "BB", "BIÊN BẢN", ("biên bản họp",)),
    )
}
#: Document types a title line may name (NĐ 30/2020, annex III); the first five are checked.
DOCUMENT_TITLES = (
    *(kind.title for kind in DOCUMENT_KINDS.values()),
    "QUYẾT ĐỊNH",
    "NGHỊ QUYẾT",
    "CHƯƠNG TRÌNH",
    "HƯỚNG DẪN",
    "TỜ TRÌNH",
    "CÔNG VĂN",
)
TYPE_CODE = {name: kind.code for name, kind in DOCUMENT_KINDS.items()}
TITLE = {name: kind.title for name, kind in DOCUMENT_KINDS.items()}


def kind_key(name: str) -> str:
    """How kind names are compared: folded, ``_`` as a space (``Thông báo`` = ``thong_bao``)."""
    return fold(name.replace("_", " "), squash=True)


def kind_by_code(code: str) -> DocumentKind | None:
    """The document kind whose type code is ``code`` (``TB``, ``gm``...), or None."""
    wanted = code.strip().upper()
    return next((kind for kind in DOCUMENT_KINDS.values() if kind.code == wanted), None)


def document_kind(name: object) -> DocumentKind | None:
    """The document kind called ``name`` (``notice``, ``TB``, ``thông báo``...), or None."""
    if not isinstance(name, str):
        return None
    return _kinds_by_key().get(kind_key(name))


@cache
def _kinds_by_key() -> dict[str, DocumentKind]:
    """Each kind under the compared form of each of its names (the first kind wins a tie)."""
    keys: dict[str, DocumentKind] = {}
    for kind in DOCUMENT_KINDS.values():
        for name in kind.names:
            keys.setdefault(kind_key(name), kind)
    return keys


# --------------------------------------------------------------------------- fixed formulae

MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
ON_BEHALF = "TM. BAN CHẤP HÀNH"
ON_BEHALF_STANDING = "TM. BAN THƯỜNG VỤ"
CHAIR = "CHỦ TỊCH"
DEPUTY_FOR = "KT. CHỦ TỊCH"
DEPUTY = "PHÓ CHỦ TỊCH"
#: The signature blocks a union executive committee signs with: the chair, or a deputy for them.
SIGNATURE_FORMS = ((ON_BEHALF, CHAIR), (ON_BEHALF, DEPUTY_FOR, DEPUTY))
#: A biên bản is signed by the secretary (left) and the chair (right), NĐ 30 mẫu 1.9.
SECRETARY, CHAIRING = "THƯ KÝ", "CHỦ TRÌ"
RECIPIENTS = "Nơi nhận:"
ARCHIVE = "- Lưu: VT."
AS_ABOVE = "- Như trên;"
AS_INVITED = "- Như thành phần mời;"
ADDRESSEE = "Kính gửi: {addressee}"
NUMBER = "Số: {number}/{type}-{body}"
SUBJECT = "Về việc {subject}"
INVITE = "trân trọng kính mời:"
#: The superior body of a city/provincial labour federation.
TOP_UNION = "Tổng Liên đoàn Lao động Việt Nam"

#: Field labels inside the body of a document.
FIELD = {
    "time": "Thời gian",
    "place": "Địa điểm",
    "audience": "Thành phần",
    "activities": "Nội dung",
    "attend": "Tới dự",
    "chair": "Chủ trì",
    "numbers": "Số lượng",
    "deadline": "Thời hạn",
    "contact": "Liên hệ",
}

PLAN_SECTIONS = {
    "purpose": "I. MỤC ĐÍCH, YÊU CẦU",
    "aim": "1. Mục đích",
    "requirements": "2. Yêu cầu",
    "content": "II. NỘI DUNG",
    "budget": "III. KINH PHÍ",
    "assignments": "IV. PHÂN CÔNG NHIỆM VỤ",
    "implementation": "V. TỔ CHỨC THỰC HIỆN",
}
REPORT_SECTIONS = {
    "results": "I. KẾT QUẢ THỰC HIỆN",
    "assessment": "II. ĐÁNH GIÁ CHUNG",
    "proposals": "III. KIẾN NGHỊ, ĐỀ XUẤT",
}

#: Issuing bodies by the start of their folded name, and their part of the document symbol.
_BODY_CODES = (
    (("lien doan lao dong", "ldld"), "LĐLĐ"),
    (("cong doan nganh",), "CĐN"),
    (("cong doan vien chuc",), "CĐVC"),
)


def body_code(issuer: str) -> str:
    """The issuing body's part of the document symbol, from its name (folded or not).

    >>> body_code("Liên đoàn Lao động thành phố Huế"), body_code("cong doan co so truong x")
    ('LĐLĐ', 'CĐCS')
    """
    folded = fold(issuer, squash=True)
    return next((code for starts, code in _BODY_CODES if folded.startswith(starts)), "CĐCS")


# --------------------------------------------------------------------------- outdated units


@dataclass(frozen=True)
class OutdatedUnit:
    """An administrative unit that no longer exists, or no longer under this name.

    ``names`` are the unit's proper names as written with capitals (diacritics optional
    when matching); ``levels`` the words that may stand before them (``tỉnh``, ``huyện``;
    matched in any case). With ``bare=True`` the name alone counts (``Thừa Thiên Huế`` is
    never anything but the old province), otherwise a level word must come first (``Phú
    Vang`` alone may be a company). ``since`` is the first day the name is out of date,
    ``now`` what the area is called instead.
    """

    names: tuple[str, ...]
    levels: tuple[str, ...]
    since: dt.date
    now: str
    bare: bool = False

    @property
    def name(self) -> str:
        return self.names[0]


_PROVINCE_LEVELS = ("tỉnh", "UBND tỉnh", "LĐLĐ tỉnh", "Liên đoàn Lao động tỉnh")
_DISTRICT_LEVELS = ("huyện", "quận", "thị xã", "TX.", "TX")
_HUE_MERGED = dt.date(2025, 1, 1)  # Nghị quyết 1314/NQ-UBTVQH15: Huế, a centrally-run city
_DISTRICTS_GONE = dt.date(2025, 7, 1)  # district level ended (Luật Tổ chức CQĐP 2025)
_CITY_LEVELS = ("thành phố", "TP.", "TP", "Tp.", "LĐLĐ thành phố", "Liên đoàn Lao động thành phố")
_MERGED_PROVINCES = (
    ("Hà Giang", "tỉnh Tuyên Quang"),
    ("Yên Bái", "tỉnh Lào Cai"),
    ("Bắc Kạn", "tỉnh Thái Nguyên"),
    ("Vĩnh Phúc", "tỉnh Phú Thọ"),
    ("Hòa Bình", "tỉnh Phú Thọ"),
    ("Bắc Giang", "tỉnh Bắc Ninh"),
    ("Thái Bình", "tỉnh Hưng Yên"),
    ("Hải Dương", "thành phố Hải Phòng"),
    ("Hà Nam", "tỉnh Ninh Bình"),
    ("Nam Định", "tỉnh Ninh Bình"),
    ("Quảng Bình", "tỉnh Quảng Trị"),
    ("Quảng Nam", "thành phố Đà Nẵng"),
    ("Kon Tum", "tỉnh Quảng Ngãi"),
    ("Bình Định", "tỉnh Gia Lai"),
    ("Phú Yên", "tỉnh Đắk Lắk"),
    ("Ninh Thuận", "tỉnh Khánh Hòa"),
    ("Đắk Nông", "tỉnh Lâm Đồng"),
    ("Bình Thuận", "tỉnh Lâm Đồng"),
    ("Bình Phước", "tỉnh Đồng Nai"),
    ("Bình Dương", "Thành phố Hồ Chí Minh"),
    ("Bà Rịa - Vũng Tàu", "Thành phố Hồ Chí Minh"),
    ("Long An", "tỉnh Tây Ninh"),
    ("Tiền Giang", "tỉnh Đồng Tháp"),
    ("Bến Tre", "tỉnh Vĩnh Long"),
    ("Trà Vinh", "tỉnh Vĩnh Long"),
    ("Sóc Trăng", "thành phố Cần Thơ"),
    ("Hậu Giang", "thành phố Cần Thơ"),
    ("Bạc Liêu", "tỉnh Cà Mau"),
    ("Kiên Giang", "tỉnh An Giang"),
)
# Cities under a province ended with the district level on 1/7/2025 (their areas became
# wards). Centrally-run cities (Hà Nội, Huế, Đà Nẵng, Hải Phòng, Cần Thơ, Hồ Chí Minh) stay.
_PROVINCIAL_CITIES = (
    "Đông Hà", "Đồng Hới", "Tam Kỳ", "Hội An", "Quy Nhơn", "Tuy Hòa", "Nha Trang", "Cam Ranh",
    "Phan Rang - Tháp Chàm", "Phan Thiết", "Đà Lạt", "Bảo Lộc", "Buôn Ma Thuột", "Pleiku",
    "Kon Tum", "Gia Nghĩa", "Vinh", "Thanh Hóa", "Sầm Sơn", "Hạ Long", "Móng Cái", "Uông Bí",
    "Cẩm Phả", "Bắc Ninh", "Bắc Giang", "Hải Dương", "Chí Linh", "Thái Bình", "Nam Định",
    "Ninh Bình", "Tam Điệp", "Phủ Lý", "Hưng Yên", "Việt Trì", "Vĩnh Yên", "Phúc Yên", "Hòa Bình",
    "Thái Nguyên", "Sông Công", "Lạng Sơn", "Cao Bằng", "Lào Cai", "Yên Bái", "Tuyên Quang",
    "Hà Giang", "Bắc Kạn", "Sơn La", "Điện Biên Phủ", "Lai Châu", "Thủ Dầu Một", "Dĩ An",
    "Thuận An", "Biên Hòa", "Long Khánh", "Vũng Tàu", "Bà Rịa", "Tân An", "Tây Ninh", "Mỹ Tho",
    "Bến Tre", "Trà Vinh", "Vĩnh Long", "Cao Lãnh", "Sa Đéc", "Hồng Ngự", "Long Xuyên",
    "Châu Đốc", "Rạch Giá", "Hà Tiên", "Phú Quốc", "Cà Mau", "Bạc Liêu", "Sóc Trăng", "Vị Thanh",
    "Ngã Bảy", "Hà Tĩnh", "Quảng Ngãi", "Đồng Xoài", "Thủ Đức",
)  # fmt: skip

OUTDATED_UNITS: tuple[OutdatedUnit, ...] = (
    OutdatedUnit(("Thừa Thiên Huế", "Thừa Thiên - Huế", "TT Huế", "TT-Huế", "TTHuế"),
                 _PROVINCE_LEVELS, _HUE_MERGED, "thành phố Huế", bare=True),
    *(
        OutdatedUnit((name,), _DISTRICT_LEVELS, _DISTRICTS_GONE, "xã, phường mới của thành phố Huế")
        for name in ("A Lưới", "Phú Vang", "Phú Lộc", "Phong Điền", "Quảng Điền", "Nam Đông",
                     "Hương Trà", "Hương Thủy", "Phú Xuân", "Thuận Hóa")
    ),
    # Provinces merged into another on 1/7/2025 (Nghị quyết 202/2025/QH15: 63 -> 34 units).
    *(
        OutdatedUnit((name,), _PROVINCE_LEVELS, _DISTRICTS_GONE, f"nay thuộc {now}")
        for name, now in _MERGED_PROVINCES
    ),
    *(
        OutdatedUnit((name,), _CITY_LEVELS, _DISTRICTS_GONE, "nay là các phường, xã mới")
        for name in _PROVINCIAL_CITIES
    ),
)  # fmt: skip


def _name_pattern(name: str) -> str:
    """A folded name as a pattern, as written or in capitals; spaces and hyphens may vary."""
    forms = []
    for form in (name, name.upper()):
        parts = re.split(r"[\s-]+", fold_aligned(nfc(form), lower=False))
        forms.append(r"[\s-]*".join(re.escape(part) for part in parts if part))
    return "|".join(dict.fromkeys(forms))


def _level_pattern(level: str) -> str:
    parts = fold(level, squash=True).split()
    return r"\s+".join(f"(?i:{re.escape(part)})" for part in parts)


@cache
def _unit_pattern(unit: OutdatedUnit) -> re.Pattern[str]:
    names = "|".join(_name_pattern(name) for name in unit.names)
    if unit.bare:  # an unmistakable name counts in any case
        names = f"(?i:{names})"
    levels = "|".join(_level_pattern(level) for level in unit.levels)
    level_part = f"(?:(?:{levels})\\s+)" + ("?" if unit.bare else "")
    return re.compile(rf"(?<![^\W_]){level_part}(?:{names})(?![^\W_]|\s*\d)")


_WORD = re.compile(r"[A-Za-z0-9]+")


_SEPARATORS = re.compile(r"[\s-]+")


@cache
def _phrases(unit: OutdatedUnit) -> tuple[str, ...]:
    """The forms a text may name the unit in, folded, one space between words.

    A district's name counts only with its capitals (as written or all in capitals), so
    common syllables such as "nam", "dong", "hoa" rarely make a text a candidate; an
    unmistakable (``bare``) name counts in any case, so its form is in lower case.
    """
    phrases = []
    for name in unit.names:
        folded = _SEPARATORS.sub(" ", fold_aligned(nfc(name), lower=False)).strip()
        phrases += [folded.lower()] if unit.bare else [folded, folded.upper()]
    return tuple(dict.fromkeys(phrases))


@cache
def _keys(unit: OutdatedUnit) -> tuple[frozenset[str], ...]:
    """The words of each of the unit's forms: all are in any text that names it."""
    return tuple(dict.fromkeys(frozenset(_WORD.findall(form)) for form in _phrases(unit)))


@cache
def _units_by_word() -> dict[str, tuple[tuple[int, frozenset[str]], ...]]:
    """Each unit (by its place in the list) under the longest word of each of its names, so
    a text's own words find the few units it may name instead of every unit being tried."""
    index: dict[str, list[tuple[int, frozenset[str]]]] = {}
    for number, unit in enumerate(OUTDATED_UNITS):
        for key in _keys(unit):
            index.setdefault(max(sorted(key), key=len), []).append((number, key))
    return {word: tuple(entries) for word, entries in index.items()}


@cache
def _lower_index_words() -> tuple[str, ...]:
    """The index words in lower case: only they can be a text's word lowered."""
    return tuple(word for word in _units_by_word() if word == word.lower())


@cache
def _lower_words() -> frozenset[str]:
    """The name words in lower case (of the unmistakable units' lower-case forms)."""
    return frozenset(
        part
        for entries in _units_by_word().values()
        for _, key in entries
        for part in key
        if part == part.lower()
    )


# ASCII characters other than letters and digits, as spaces (translate is fast on ASCII).
_NOT_WORD_TABLE = {code: " " for code in range(128) if not chr(code).isalnum()}


def _spaced(folded: str) -> str:
    """``folded`` with every character but ASCII letters and digits as a space, and a space
    at each end: each word of ``_WORD`` stands between two spaces."""
    if not folded.isascii():  # what is not ASCII separates words: "?" does the same
        folded = folded.encode("ascii", "replace").decode("ascii")
    return f" {folded.translate(_NOT_WORD_TABLE)} "


def _named_units(folded: str, spaced: str | None = None) -> list[OutdatedUnit]:
    """The units all of whose name words (those of ``_WORD``) ``folded`` holds, as written
    or in lower case, in the list's order (``spaced``: ``_spaced(folded)`` if known)."""
    spaced = spaced or _spaced(folded)
    words = set(spaced.split())
    lowered = spaced.lower()  # its words are the text's words lowered (the few lower-case
    # name words are looked up there, not the whole text lowered into a second set)

    def holds(key: frozenset[str]) -> bool:
        if key <= words:
            return True
        if key.isdisjoint(_lower_words()):  # no word of the key can be a lowered word
            return False
        return all(
            part in words or (part == part.lower() and f" {part} " in lowered) for part in key
        )

    index = _units_by_word()
    found = index.keys() & words
    found.update(word for word in _lower_index_words() if f" {word} " in lowered)
    named = {number for word in found for number, key in index[word] if holds(key)}
    return [OUTDATED_UNITS[number] for number in sorted(named)]


def find_outdated(text: str, *, on: dt.date | None = None) -> list[Span[OutdatedUnit]]:
    """Every unit name in ``text`` that is out of date on the day ``on`` (default: today).

    Diacritics are optional (``tinh Thua Thien Hue``); a district's name needs its capitals
    (``Hương Trà`` or ``HƯƠNG TRÀ``), so ordinary words after ``huyện`` are not mistaken
    for one. Offsets index the NFC text.

    >>> [s.text for s in find_outdated("UBND huyện Phú Vang, tỉnh Thừa Thiên Huế")]
    ['huyện Phú Vang', 'tỉnh Thừa Thiên Huế']
    """
    text = nfc(text)
    day = on or dt.date.today()
    folded = fold_aligned(text, lower=False)
    spaced = _spaced(folded)
    found = []
    squashed = None  # the folded text with one space between words, built when needed
    for unit in _named_units(folded, spaced):
        if day < unit.since:
            continue
        # the words side by side: every run of spaces and hyphens as one space (the ends
        # may differ from re.sub's, which no phrase, a run of words, can tell)
        squashed = squashed or " ".join(folded.replace("-", " ").split())
        haystack = squashed.lower() if unit.bare else squashed
        if not any(phrase in haystack for phrase in _phrases(unit)):
            continue  # its words are there, but not side by side ("Thanh ... Hoa")
        for m in _unit_pattern(unit).finditer(folded):
            if not _historic(folded, m.start(), m.end()):
                found.append(Span(m.start(), m.end(), unit, text[m.start() : m.end()]))
    if day >= _DISTRICTS_GONE and _may_name_a_district(folded, spaced):
        # every district, town and provincial city, country-wide
        taken = [(s.start, s.end) for s in found]
        for m in _ANY_DISTRICT.finditer(folded):
            clash = any(a < m.end() and m.start() < b for a, b in taken)
            if not clash and not _historic(folded, m.start(), m.end()):
                found.append(Span(m.start(), m.end(), _DISTRICT, text[m.start() : m.end()]))
    return sorted(found, key=lambda span: span.start)


def _may_name_a_district(folded: str, spaced: str) -> bool:
    """False only when _ANY_DISTRICT cannot match: its level word ("huyen", "quan", "thi xa",
    "TX") stands between non-letters, which ``spaced`` shows as spaces. Only for ASCII text:
    elsewhere IGNORECASE also takes "ı" for "i", and white space is more than a space."""
    if not folded.isascii():
        return True
    lowered = spaced.lower()
    return any(f" {word} " in lowered for word in ("huyen", "quan", "thi xa", "tx"))


# "huyện Đông Sơn", "Quận 1", "thị xã Hương Thủy": the level ended on 1/7/2025 everywhere.
# The first letter of a level word, then the look-behinds one character further back and
# the rest of the word: a pattern that opens with a character class lets the engine skip
# to the next h, q or t at once. It matches what "(?<![^\W_])...(?i:huyen|quan|thi xa)|TX"
# would, in that order.
_ANY_DISTRICT = re.compile(
    r"[hqtHQT](?<![^\W_].)(?<!(?i:phuong) .)(?<!(?i:xa) .)(?<!(?i:duong) .)(?<!(?i:pho) .)"
    r"(?:(?<=[hH])(?i:uyen)|(?<=[qQ])(?i:uan)|(?<=[tT])(?i:hi xa)|(?<=T)X\.?)"
    r"\s+(?:[A-Z][a-z]*(?:[\s-]+[A-Z][a-z]*){0,3}|\d{1,2}(?!\d))"
    r"(?![^\W_])"
)
_DISTRICT = OutdatedUnit(("huyện, quận, thị xã",), _DISTRICT_LEVELS, _DISTRICTS_GONE,
                         "cấp huyện đã bỏ, nay là xã, phường mới")  # fmt: skip
# A sentence about the past names old units rightly: "trước đây thuộc huyện Phú Vang",
# "huyện A Lưới cũ", "Năm 2024, LĐLĐ tỉnh Thừa Thiên Huế ...".
_PAST_BEFORE = re.compile(
    r"(?i:truoc day|truoc nam 20\d\d|truoc khi (?:sap nhap|sap xep|hop nhat)|truoc ngay"
    r"|nam (?:19|20[01]\d|202[0-4])\b|nguyen la|tung la|thuoc ve)[^.!?\n]*$"
)
_PAST_AFTER = re.compile(r"\s*\(?(?i:cu)\b")


def _historic(folded: str, start: int, end: int) -> bool:
    """The unit is named as it was, in a sentence about the past or marked "(cũ)"."""
    if _PAST_AFTER.match(folded, end):
        return True
    return bool(_PAST_BEFORE.search(folded, max(0, start - 80), start))


def is_outdated(text: str, *, on: dt.date | None = None) -> bool:
    """True when ``text`` names a unit that no longer exists on ``on`` (default: today)."""
    return bool(find_outdated(text, on=on))


# --------------------------------------------------------------------------- video pacing

#: Voice-over pace above which a short video is too fast to follow (syllables a second).
MAX_SYLLABLES_PER_SECOND = 3.0
#: The pace a script aims for when durations are planned: comfortable for older members.
EASY_SYLLABLES_PER_SECOND = 2.5
#: Shortest and longest scene of a short video, in seconds.
SCENE_SECONDS = (2.0, 10.0)
#: Viewers decide in the first seconds: the opening scene is at most this long.
HOOK_SECONDS = 3.0
_SYLLABLE = re.compile(r"[^\W\d_]+|\d")


def syllables(text: object) -> int:
    """Spoken syllables, roughly: one a Vietnamese word (a word is one syllable), one a digit."""
    return len(_SYLLABLE.findall(text)) if isinstance(text, str) else 0
