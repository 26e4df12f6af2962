"""Vietnamese text helpers shared by the checkers, the privacy guard, posts and lessons.

Text reaches the course from Word on Windows, macOS file names, chat answers and old
documents typed with legacy fonts, so the same words arrive in several byte forms.
This module gives one comparison form (``normalize``), recognises legacy encodings,
and reads and writes the dates, weekdays, times and amounts of money that union
documents are full of. The ``find_*`` functions return :class:`Span` objects so
other modules can highlight, redact or check what they found.

>>> normalize("Cộng hoà – Thuỷ")
'Cộng hòa - Thủy'
>>> format_date(dt.date(2026, 3, 5))
'ngày 05 tháng 3 năm 2026'
>>> format_money(1_300_000)
'1.300.000 đồng'
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from functools import lru_cache
from typing import Generic, Literal, TypeVar

from .errors import InputError
from .i18n import msg

__all__ = [
    "FOLDED_DATE",
    "FOLDED_MONEY",
    "FOLDED_NUMBER",
    "FOLDED_TIME",
    "PHONE_NUMBER",
    "SIZE_WORDS",
    "WEEKDAYS",
    "LegacyEncoding",
    "Span",
    "canonical_tones",
    "detect_legacy_encoding",
    "find_dates",
    "find_impossible_dates",
    "find_money",
    "find_times",
    "find_weekdays",
    "fold",
    "fold_aligned",
    "folded_date_parts",
    "format_date",
    "format_money",
    "format_place_date",
    "nfc",
    "normalize",
    "normalize_dashes",
    "parse_date",
    "parse_money",
    "parse_weekday",
    "strip_diacritics",
    "weekday_name",
]

T = TypeVar("T")
LegacyEncoding = Literal["tcvn3", "vni"]


@dataclass(frozen=True, slots=True)
class Span(Generic[T]):
    """A value found in a text: ``text[start:end]`` is what was written, ``value`` what it means.

    Offsets index the NFC form of the text (the same string for the usual NFC input).
    """

    start: int
    end: int
    value: T
    text: str


def _require_text(value: object, name: str = "text") -> str:
    """Reject non-strings with a message a trainee can act on (never a bare TypeError)."""
    if not isinstance(value, str):
        raise InputError(msg("text.input.not_text", name=name, type=type(value).__name__))
    return value


# --------------------------------------------------------------------------- normalisation


def nfc(text: str) -> str:
    """Text in Unicode NFC, the form every comparison in congdoan uses."""
    return unicodedata.normalize("NFC", text)


# Old-style placement puts the tone on the second vowel of an open oa/oe/uy syllable
# ("hoà", "khoẻ", "thuỷ"); the style used here (and by Nghị định 30) puts it on the first
# ("hòa", "khỏe", "thủy"). In NFC the old form is o/u followed by a precomposed toned
# a/e/y. The pattern starts with one character class, so the engine scans quickly; the
# replacement leaves other pairs alone ("quà", and "quý", where u belongs to "qu").
_TONED_AEY = "àáảãạèéẻẽẹỳýỷỹỵÀÁẢÃẠÈÉẺẼẸỲÝỶỸỴ"
_OLD_TONE = re.compile(rf"[oOuU][{_TONED_AEY}](?![^\W\d_]|[\u0300-\u036f])")
_DASHES = re.compile("[\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d]")
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")
# Every character normalize() changes besides the tones (what the three above and the
# line ends and Ð need), in one class: one scan tells most texts need none of them.
_NORMALIZE_CHARS = re.compile(
    "[\r\u00d0\u200b\u200c\u200d\u2060\ufeff"
    "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d]"
)


def _move_tone(match: re.Match[str]) -> str:
    first, second = match[0]
    base, tone = unicodedata.normalize("NFD", second)[:2]
    if first in "uU":
        before = match.string[match.start() - 1 : match.start()]
        if base not in "yY" or before in ("q", "Q"):
            return match[0]
    elif base not in "aAeE":
        return match[0]
    return unicodedata.normalize("NFC", first + tone) + base


def canonical_tones(text: str) -> str:
    """Put tone marks where the new-style spelling does: ``hoà`` → ``hòa``, ``thuỷ`` → ``thủy``.

    Both placements are correct Vietnamese, but they are different strings, so a checker
    looking for ``CỘNG HÒA`` would miss ``CỘNG HOÀ``. Syllables with a final consonant
    (``hoàng``, ``khuyến``) and ``qu`` + ``y`` (``quý``) are left alone. Returns NFC.
    """
    text = nfc(_require_text(text))
    if not _OLD_TONE.search(text):
        return text
    return _OLD_TONE.sub(_move_tone, text)


def normalize_dashes(text: str) -> str:
    """Replace en/em dashes, minus signs and other dash look-alikes with ``-``."""
    return _DASHES.sub("-", _require_text(text))


def normalize(text: str, *, dashes: bool = True) -> str:
    """The comparison form of a text: NFC, new-style tones, plain hyphens, ``\\n`` line ends.

    Idempotent (``normalize(normalize(t)) == normalize(t)``), so a checker can call it on
    text that may already be normalised. Zero-width characters and byte-order marks,
    which Word and web pages leave behind, are removed, and the Icelandic ``Ð`` some
    converters produce becomes ``Đ``.

    >>> normalize("Độc lập – Tự do – Hạnh phúc")
    'Độc lập - Tự do - Hạnh phúc'
    """
    text = _require_text(text)
    if text.isascii():  # nothing below but the line ends can change ASCII text
        return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text
    if not _NORMALIZE_CHARS.search(text):  # the usual case: only the tones may move
        return canonical_tones(text)
    text = _INVISIBLE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = text.replace("\u00d0", "\u0110")  # Icelandic Ð typed for Đ by old converters
    text = canonical_tones(text)
    return normalize_dashes(text) if dashes else text


def strip_diacritics(text: str) -> str:
    """Text without Vietnamese tone and vowel marks (``Công đoàn`` → ``Cong doan``).

    Trainees often type without diacritics; matching keywords on the stripped form lets
    the checkers understand both.
    """
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    stripped = _COMBINING.sub("", decomposed)  # fast path: the Latin combining marks
    if stripped.isascii():
        return stripped
    return "".join(ch for ch in stripped if not unicodedata.combining(ch))


_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


class _FoldTable(dict[int, str]):
    """A ``str.translate`` table, filled one character at a time, that maps each character
    to exactly one character: the letter without its marks (``ộ`` → ``o``, ``đ`` → ``d``),
    lower-cased when ``lower``. A character with no one-character folded form stays as it is,
    so the folded text always has the length of the original and offsets carry over.
    """

    def __init__(self, *, lower: bool) -> None:
        super().__init__()
        self.lower = lower

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        out = ch.lower() if self.lower and len(ch.lower()) == 1 else ch
        if out in "đĐðÐ":
            out = "d" if out in "đð" else "D"
        elif not unicodedata.combining(out):
            marks = unicodedata.normalize("NFD", out)
            bare = "".join(c for c in marks if not unicodedata.combining(c))
            if len(bare) == 1:
                out = bare.lower() if self.lower and len(bare.lower()) == 1 else bare
        self[code] = out
        return out


_FOLD_LOWER = _FoldTable(lower=True)
_FOLD_KEEP_CASE = _FoldTable(lower=False)


def fold(text: str, *, squash: bool = False) -> str:
    """The form in which congdoan compares words: lower case, no diacritics, ``đ`` → ``d``.

    Trainees type with and without diacritics, in NFC or NFD (macOS, some web forms), so
    every keyword look-up compares folded forms. The text is normalised first
    (:func:`normalize`: NFC, plain hyphens for dashes, no zero-width characters).
    ``squash=True`` also turns every run of white space into one space and trims the ends,
    which is how names, column headings and answers are compared.

    >>> fold("Công Đoàn  Thừa Thiên Huế"), fold("  Ban  Chấp hành ", squash=True)
    ('cong doan  thua thien hue', 'ban chap hanh')
    """
    folded = _fold_each(normalize(text), True)
    if not folded.isascii():
        folded = _COMBINING.sub("", folded)  # marks NFC could not compose onto a letter
    return " ".join(folded.split()) if squash else folded


def fold_aligned(text: str, *, lower: bool = True) -> str:
    """:func:`fold` one character for one character: ``len(result) == len(text)``.

    A match found in the folded copy is at the same offsets in ``text``, so a checker can
    search without diacritics and still quote, highlight or redact what the trainee wrote.
    Give it NFC text (``nfc(text)``): combining marks of NFD text are kept to keep the
    length. ``lower=False`` keeps capitals (``Huế`` → ``Hue``) for patterns that need them.

    >>> fold_aligned("Đoàn Huế"), fold_aligned("Đoàn Huế", lower=False)
    ('doan hue', 'Doan Hue')
    """
    text = _require_text(text)
    if len(text) <= _REMEMBERED_CHARS:  # one document is folded by several checks in turn
        return _fold_remembered(text, lower)
    return _fold_each(text, lower)


_REMEMBERED_CHARS = 20_000  # a member list of megabytes is folded once and forgotten


@lru_cache(maxsize=16)
def _fold_remembered(text: str, lower: bool) -> str:
    return _fold_each(text, lower)


# ``str.translate`` looks each non-ASCII character up in a Python dict, which made folding a
# document the slowest step of several checks. A text made of ASCII, Vietnamese letters in
# NFC (as typed) and a little punctuation folds the same way in C code: decompose, map đ/Đ,
# drop what is not ASCII (the marks); the punctuation goes through the table. Every letter
# is checked against the table on first use (_SimpleFold._agrees): the two cannot disagree.
_VIETNAMESE_LETTERS = "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ"
_TABLE_PUNCTUATION = "–—‘’“”…«»•·°×€₫§©®\u00a0"


class _SimpleFold:
    """Fold a text of ASCII and Vietnamese letters without ``str.translate``'s dict look-ups."""

    def __init__(self) -> None:
        self.outside: re.Pattern[str] | None = None
        self.punctuation = re.compile(f"([{re.escape(_TABLE_PUNCTUATION)}])")

    def _build(self) -> re.Pattern[str]:
        letters = _VIETNAMESE_LETTERS + _VIETNAMESE_LETTERS.upper()
        chosen = "".join(ch for ch in letters if self._agrees(ch))
        return re.compile(f"[^\\x00-\\x7f{re.escape(chosen + _TABLE_PUNCTUATION)}]")

    @staticmethod
    def _agrees(ch: str) -> bool:
        """``ch`` decomposes into ASCII and marks and folds as the table folds it."""
        nfd = unicodedata.normalize("NFD", ch)
        if unicodedata.combining(ch) or not all(unicodedata.combining(c) for c in nfd[1:]):
            return False
        return all(
            _fold_letters(ch, lower) == ch.translate(_FOLD_LOWER if lower else _FOLD_KEEP_CASE)
            for lower in (True, False)
        )

    def __call__(self, text: str, lower: bool) -> str | None:
        """The folded text, or None when a character needs the table."""
        if self.outside is None:
            self.outside = self._build()
        if self.outside.search(text):
            return None
        if not self.punctuation.search(text):
            return _fold_letters(text, lower)
        table = _FOLD_LOWER if lower else _FOLD_KEEP_CASE
        pieces = self.punctuation.split(text)  # letters, a punctuation mark, letters...
        return "".join(
            piece.translate(table) if odd else _fold_letters(piece, lower)
            for odd, piece in zip(itertools.cycle((False, True)), pieces)
        )


def _fold_letters(text: str, lower: bool) -> str:
    """ASCII and Vietnamese letters folded: the marks are what is not ASCII once decomposed."""
    nfd = unicodedata.normalize("NFD", text)
    if "đ" in nfd or "Đ" in nfd:
        nfd = nfd.replace("đ", "d").replace("Đ", "D")
    folded = nfd.encode("ascii", "ignore").decode("ascii")
    return folded.lower() if lower else folded


_SIMPLE_FOLD = _SimpleFold()


def _fold_each(text: str, lower: bool) -> str:
    """``text`` folded one character for one character (see :func:`fold_aligned`)."""
    if text.isascii():
        return text.lower() if lower else text
    simple = _SIMPLE_FOLD(text, lower)
    if simple is not None:
        return simple
    return text.translate(_FOLD_LOWER if lower else _FOLD_KEEP_CASE)


# --------------------------------------------------------------------------- legacy encodings

# Characters that Vietnamese written in Unicode uses and legacy text never contains
# (â, ê and ô are left out: they are Latin-1 too, and both legacy encodings use them).
_UNICODE_VI = re.compile("[ăđơưĂĐƠƯ\u1ea0-\u1ef9]")
# TCVN3 (.VnTime) puts Vietnamese letters on bytes 0xA1-0xFE; without the font they show
# as Latin-1 symbols: "C«ng ®oµn", "ViÖt Nam", "Ng\xadêi". Bytes 0xA1-0xBF are the telltale.
_TCVN3_MARKS = re.compile("[\u00a1-\u00bf]")
# VNI writes a base letter followed by a mark byte: "Coâng ñoaøn", "Vieät Nam", "Töï do".
# These letters never occur in Vietnamese Unicode; after a vowel they are VNI tone marks.
_VNI_LETTERS = re.compile("[ñÑøûïäåëöØÛÏÄÅËÖ]")
_VNI_PAIRS = re.compile("[ñÑ]|[aeiouyAEIOUYôÔöÖ][øûïäåëöØÛÏÄÅËÖ]")
# VNI's circumflex and breve bytes after the base letter: "aâ" (â), "oâ" (ô), "aê" (ă).
_VNI_HATS = ("aâ", "eâ", "oâ", "Aâ", "Eâ", "Oâ", "AÂ", "EÂ", "OÂ", "aê", "Aê", "AÊ")
_LEGACY_MIN_MARKS = 3
# Either encoding's telltale characters (TCVN3 marks, VNI letters) in one class: most
# texts hold none, and one scan then replaces two.
_LEGACY_LETTERS = re.compile("[\u00a1-\u00bfñÑøûïäåëöØÛÏÄÅËÖ]")


def detect_legacy_encoding(text: str) -> LegacyEncoding | None:
    """``"tcvn3"`` or ``"vni"`` when the text was typed with a legacy Vietnamese font, else None.

    Such text looks garbled once the font is missing (``C«ng ®oµn`` for ``Công đoàn``), and
    no rule can be checked on it; checkers ask the trainee to convert it to Unicode (for
    example with Unikey's converter) instead of reporting dozens of unrelated errors.

    >>> detect_legacy_encoding("C«ng ®oµn c¬ së")
    'tcvn3'
    >>> detect_legacy_encoding("Công đoàn cơ sở") is None
    True
    """
    text = _require_text(text)
    if _LEGACY_LETTERS.search(text) is None:  # the usual case: one scan, then the hats
        tcvn3, vni = 0, _vni_hats(text)
    else:
        tcvn3, vni = len(_TCVN3_MARKS.findall(text)), _vni_marks(text)
    if max(tcvn3, vni) < _LEGACY_MIN_MARKS:
        return None  # the usual case: no need to count the Unicode letters
    unicode_vi = len(_UNICODE_VI.findall(text))
    if tcvn3 >= _LEGACY_MIN_MARKS and tcvn3 > unicode_vi and tcvn3 >= vni:
        return "tcvn3"
    if vni >= _LEGACY_MIN_MARKS and vni > unicode_vi:
        return "vni"
    return None


# _VNI_HATS by their second letter: (hat, the letters before it that make a pair).
_VNI_HAT_BASES = tuple(
    (hat, "".join(pair[0] for pair in _VNI_HATS if pair[1] == hat))
    for hat in dict.fromkeys(pair[1] for pair in _VNI_HATS)
)


def _vni_hats(text: str) -> int:
    """``sum(text.count(pair) for pair in _VNI_HATS)``, found from the few hats in the text."""
    count = 0
    for hat, bases in _VNI_HAT_BASES:
        at = text.find(hat, 1)
        while at != -1:
            count += text[at - 1] in bases
            at = text.find(hat, at + 1)
    return count


def _vni_marks(text: str) -> int:
    """How many VNI mark bytes the text holds (cheap when there are none)."""
    hats = _vni_hats(text)
    if _VNI_LETTERS.search(text) is None:
        return hats
    return hats + len(_VNI_PAIRS.findall(text))


# --------------------------------------------------------------------------- dates


def format_date(day: dt.date) -> str:
    """A date as union documents write it: ``ngày 05 tháng 01 năm 2026``.

    Days below 10 and the months January and February take a leading zero; months
    3 to 12 do not (Nghị định 30/2020, annex I).
    """
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


def format_place_date(place: str, day: dt.date) -> str:
    """The place-and-date line of a document: ``Huế, ngày 05 tháng 3 năm 2026``."""
    return f"{_require_text(place, 'place').strip()}, {format_date(day)}"


_LONG_DATE = re.compile(
    r"(?i)(?=n)\bngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})(?!\d)",
)
_NUMERIC_DATE_RX = (  # "(?=\d)" first: the look-behinds only run where a digit is
    r"(?=\d)(?<![\d/.,-])(?:(\d{1,2})\s?(?P<sep>[/-])\s?(\d{1,2})(?:(?P=sep)(\d{4}|\d{2}))?"
    r"(?![\d/])|(\d{1,2})\.(\d{1,2})\.(\d{4})(?!\d))"
)
_NUMERIC_DATE = re.compile(_NUMERIC_DATE_RX)


def _make_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _full_year(text: str | None, default: int) -> int:
    if not text:
        return default
    year = int(text)
    return 2000 + year if len(text) == 2 else year


def find_dates(text: str, *, default_year: int | None = None) -> list[Span[dt.date]]:
    """Every real date in ``text``: ``ngày 05 tháng 3 năm 2026``, ``5/5/2026``, ``05-5``, ``1/7/25``

    A date written without a year (``05/5``) takes ``default_year``; when that is not given,
    the year of the first full date in the text, else the current year. Impossible dates
    (``31/02``) are not returned: use :func:`parse_date` on the piece to tell them apart.

    >>> [s.value.isoformat() for s in find_dates("Họp ngày 05/5, báo cáo trước 30/4/2026")]
    ['2026-05-05', '2026-04-30']
    """
    text = nfc(_require_text(text))  # NFD input (macOS, web forms) reads the same
    if len(text) > _REMEMBERED_CHARS:
        return list(_dates(text, default_year, dt.date.today().year))
    # a document's dates are read by several checks in turn: found once, handed out anew
    return list(_dates_remembered(text, default_year, dt.date.today().year))


@lru_cache(maxsize=64)
def _dates_remembered(text: str, default_year: int | None, this_year: int) -> tuple:
    return tuple(_dates(text, default_year, this_year))


def _written_dates(text: str) -> list[tuple[int, int, int | None, int, int, str]]:
    """(start, end, year or None, month, day, as written) of every date-shaped run, real or not."""
    found: list[tuple[int, int, int | None, int, int, str]] = []
    for m in _LONG_DATE.finditer(text):
        found.append((m.start(), m.end(), int(m[3]), int(m[2]), int(m[1]), m[0]))
    taken = [(s, e) for s, e, *_ in found]
    for m in _NUMERIC_DATE.finditer(text):
        if any(s <= m.start() < e for s, e in taken):
            continue
        if m[1] is not None:
            year = int(_full_year(m[4], 0)) if m[4] else None
            found.append((m.start(), m.end(), year, int(m[3]), int(m[1]), m[0]))
        else:
            found.append((m.start(), m.end(), int(m[7]), int(m[6]), int(m[5]), m[0]))
    found.sort()
    return found


def _dates(text: str, default_year: int | None, this_year: int) -> list[Span[dt.date]]:
    found = _written_dates(text)
    if default_year is None:
        years = [y for _, _, y, *_ in found if y is not None]
        default_year = years[0] if years else this_year
    spans = []
    for start, end, year, month, day, written in found:
        value = _make_date(year if year is not None else default_year, month, day)
        if value is not None:
            spans.append(Span(start, end, value, written))
    return spans


def parse_date(text: str, *, default_year: int | None = None) -> dt.date | None:
    """The date written in ``text`` (``ngày 05 tháng 01 năm 2026``, ``5/5/2026``, ``05/5``).

    Returns ``None`` when there is no date or it cannot exist (``31/02/2026``).

    >>> parse_date("Huế, ngày 05 tháng 01 năm 2026")
    datetime.date(2026, 1, 5)
    """
    spans = find_dates(text, default_year=default_year)
    return spans[0].value if spans else None


_DAY_WORD = re.compile(r"(?i)ngày\s*$")
_LEAP_YEAR = 2024  # a day and month without a year are real when some year has them (29/02)


def find_impossible_dates(text: str) -> list[Span[str]]:
    """Dates no calendar has: ``31/9/2026``, ``ngày 30 tháng 02 năm 2027``, ``ngày 32/5``.

    A trainee copying a date from an AI answer, or typing it in a hurry, gets no weekday
    check and no event-date check on it (they read real dates only), so it must be named.
    A day and month without a year count only after "ngày": "15/20" alone is a score or a
    fraction, not a date; and 29/02 without a year is real (some years have it).

    >>> [span.text for span in find_impossible_dates("họp ngày 31/9/2026, thứ Hai 29/2/2027")]
    ['31/9/2026', '29/2/2027']
    """
    text = nfc(text)
    found = []
    for start, end, year, month, day, written in _written_dates(text):
        if year is None and not _DAY_WORD.search(text, max(0, start - 6), start):
            continue
        if _make_date(year if year is not None else _LEAP_YEAR, month, day) is None:
            found.append(Span(start, end, written, written))
    return found


# --------------------------------------------------------------------------- weekdays

WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")
# Spellings of the weekday after "thứ", without diacritics: Monday is 0.
_WEEKDAY_WORDS = {
    "hai": 0,
    "2": 0,
    "ba": 1,
    "3": 1,
    "tu": 2,
    "4": 2,
    "nam": 3,
    "5": 3,
    "sau": 4,
    "6": 4,
    "bay": 5,
    "7": 5,
}
_WEEKDAY = re.compile(  # "(?=[tc])" first: the look-behind runs only where a name may start
    r"(?i)(?=[tc])(?<!\w)(?:(th[ứưu])\s+(hai|ba|t[ưu]|n[ăa]m|s[áa]u|b[ảẩa]y|[2-7])"
    r"|(ch[ủu]\s+nh[ậa]t)|(T[2-7])|(CN))(?!\w)"
)


def weekday_name(day: dt.date, *, in_sentence: bool = False) -> str:
    """The weekday as documents write it: ``Thứ Hai`` … ``Chủ nhật``.

    ``in_sentence=True`` gives the form used inside a sentence, ``thứ Hai`` (``Chủ nhật``
    keeps its capital: it is a name, not a number).
    """
    name = WEEKDAYS[day.weekday()]
    return name[0].lower() + name[1:] if in_sentence and name.startswith("Thứ") else name


def _spans(pattern: re.Pattern[str], text: str, value_of: Callable[[re.Match[str]], T | None]):
    """A :class:`Span` for every match of ``pattern`` whose ``value_of`` is not None.

    The text is normalised to NFC first: NFD input (macOS, web forms) reads the same.
    """
    text = nfc(_require_text(text))
    spans: list[Span[T]] = []
    for m in pattern.finditer(text):
        value = value_of(m)
        if value is not None:
            spans.append(Span(m.start(), m.end(), value, m[0]))
    return spans


def _weekday_value(match: re.Match[str]) -> int | None:
    if (match[4] and not match[4].isupper()) or (match[5] and match[5] != "CN"):
        return None  # "T2" and "CN" count only in capitals
    if match[2]:
        return _WEEKDAY_WORDS.get(fold(match[2]))
    if match[3]:
        return 6
    if match[4]:
        return int(match[4][1]) - 2
    return 6 if match[5] else None


# What any match of _WEEKDAY holds, in the lower case of the text: searched without
# IGNORECASE (several times faster), it tells when _WEEKDAY need not run. The classes add
# the letters IGNORECASE also matches to "s" and "i" (ſ, ı); "İ" lowers to "i" + a mark.
_MAY_BE_WEEKDAY = re.compile(
    r"th[ứưu]\s+(?:ha[iı]|ba|t[ưu]|n[ăa]m|[sſ][áa]u|b[ảẩa]y|[2-7])|ch[ủu]\s+nh[ậa]t|t[2-7]|cn"
)


def find_weekdays(text: str) -> list[Span[int]]:
    """Weekday names: ``Thứ Hai``, ``thứ 2``, ``T2``, ``Chủ nhật``, ``CN`` (Monday is 0).

    ``T2`` and ``CN`` are only recognised in capitals, so words like ``cn`` in prose are skipped.
    """
    text = nfc(_require_text(text))
    lower = text.lower()
    first = _MAY_BE_WEEKDAY.search(lower)
    if not first:
        return []
    # no weekday starts before the first place the look finds (when lower() kept every
    # character in its place): the slow, case-blind pattern starts there
    start = first.start() if len(lower) == len(text) else 0
    spans: list[Span[int]] = []
    for m in _WEEKDAY.finditer(text, start):
        value = _weekday_value(m)
        if value is not None:
            spans.append(Span(m.start(), m.end(), value, m[0]))
    return spans


def parse_weekday(text: str) -> int | None:
    """The weekday written in ``text`` (0 = Monday … 6 = Sunday), or ``None``.

    >>> parse_weekday("thứ 2"), parse_weekday("Chủ nhật"), parse_weekday("T7")
    (0, 6, 5)
    """
    spans = find_weekdays(text)
    return spans[0].value if spans else None


# --------------------------------------------------------------------------- times of day

_TIME = re.compile(
    r"(?<![\d:.,])([01]?\d|2[0-3])"
    r"(?:\s*[gG]iờ(?:\s*([0-5]\d)(?:\s*phút)?)?|[hH]([0-5]\d)?|:([0-5]\d))"
    r"(?![\d:]|[^\W\d_])"
)


def find_times(text: str) -> list[Span[dt.time]]:
    """Times of day: ``14 giờ 00``, ``8 giờ 30 phút``, ``14h00``, ``7h``, ``14:30``.

    >>> [s.value.isoformat() for s in find_times("Khai mạc 7h30, bế mạc 11 giờ")]
    ['07:30:00', '11:00:00']
    """
    return _spans(_TIME, text, lambda m: dt.time(int(m[1]), int(m[2] or m[3] or m[4] or 0)))


# --------------------------------------------------------------------------- money

#: Words that size a number ("1,3 triệu", "200 nghìn"), also as typed without marks.
SIZE_WORDS = {
    "nghìn": 1_000, "ngàn": 1_000, "vạn": 10_000, "triệu": 1_000_000, "tỷ": 1_000_000_000,
    "tỉ": 1_000_000_000, "nghin": 1_000, "ngan": 1_000, "trieu": 1_000_000, "ty": 1_000_000_000,
    "ti": 1_000_000_000,
}  # fmt: skip
_MULTIPLIERS = {**SIZE_WORDS, "k": 1_000, "tr": 1_000_000}  # money adds "200k", "1,5tr"
_NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[,.]\d+)?"
# "đồng" is also the first syllable of "đồng chí" (comrade), "đồng nghiệp" (colleague)...
_NOT_MONEY_DONG = r"(?!\s+(?:chí|nghiệp|bào|đội|hương|hành|thời|ý|tình|lòng|phục)(?![^\W\d_]))"
_UNIT = rf"đồng{_NOT_MONEY_DONG}|đ|₫|VNĐ|VND|vnđ|vnd"
_MONEY = re.compile(
    rf"(?<![\d.,])({_NUMBER})\s?(?:(nghìn|ngàn|triệu|tỷ|tỉ|tr|k)(?![^\W\d_]))?"
    rf"\s?({_UNIT})?(?![^\W\d_])"
)
_PLAIN_NUMBER = re.compile(rf"^\s*({_NUMBER})\s*$")


def _number_value(written: str) -> Decimal:
    """``1.300.000`` → 1300000, ``1,3`` → 1.3, ``1.5`` → 1.5 (a dot before 3 digits groups)."""
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", written):
        written = written.replace(".", "").replace(",", ".")
    else:
        written = written.replace(",", ".")
    return Decimal(written)


def _to_dong(number: str, multiplier: str | None) -> int | None:
    try:
        value = _number_value(number) * _MULTIPLIERS.get((multiplier or "").lower(), 1)
        return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))
    except InvalidOperation:
        return None  # more digits than any amount of money has


def find_money(text: str) -> list[Span[int]]:
    """Amounts of money in đồng: ``1.300.000 đồng``, ``1,3 triệu đồng``, ``1.300.000đ``, ``200k``.

    A number counts as money only with a unit (``đồng``, ``đ``, ``₫``, ``VNĐ``) or an amount
    word (``nghìn``, ``triệu``, ``tỷ``), so dates, phone numbers and counts are skipped.
    VND has no minor unit: ``1.234.567,5 đồng`` is rounded to whole đồng.

    >>> [s.value for s in find_money("Mức hỗ trợ 1,3 triệu đồng, quà 500.000\u00a0₫.")]
    [1300000, 500000]
    """
    return _spans(_MONEY, text, lambda m: _to_dong(m[1], m[2]) if m[2] or m[3] else None)


def parse_money(text: str) -> int | None:
    """The amount in đồng written in ``text``; a bare number (``1.300.000``) is read as đồng.

    >>> parse_money("1.300.000 VNĐ"), parse_money("200 nghìn"), parse_money("1.300.000")
    (1300000, 200000, 1300000)
    """
    text = _require_text(text).replace("\u00a0", " ")
    spans = find_money(text)
    if spans:
        return spans[0].value
    plain = _PLAIN_NUMBER.match(text)
    return _to_dong(plain[1], None) if plain else None


def format_money(
    amount: int, *, unit: Literal["đồng", "đ", "₫", "VNĐ"] = "đồng", short: bool = False
) -> str:
    """An amount as Vietnamese documents write it: ``1.300.000 đồng`` or, short, ``1,3 triệu đồng``.

    Dots group thousands; ``₫`` is preceded by a no-break space (U+00A0) as locale formatting
    does, ``đ`` is written close up, the other units after a space.
    """
    if isinstance(amount, bool) or not isinstance(amount, int):
        raise InputError(msg("text.input.not_amount", type=type(amount).__name__))
    if unit not in ("đồng", "đ", "₫", "VNĐ"):
        raise InputError(msg("text.input.bad_unit", unit=unit, valid="đồng, đ, ₫, VNĐ"))
    number = _short_amount(amount) if short else f"{amount:,}".replace(",", ".")
    separator = {"đ": "", "₫": "\u00a0"}.get(unit, " ")
    return f"{number}{separator}{unit}"


def _short_amount(amount: int) -> str:
    """``1300000`` → ``1,3 triệu``; amounts under a thousand stay as digits."""
    for word, size in (("tỷ", 1_000_000_000), ("triệu", 1_000_000), ("nghìn", 1_000)):
        if abs(amount) >= size:
            value = Decimal(amount) / size
            digits = f"{value.quantize(Decimal('0.01'), rounding=ROUND_HALF_UP):f}"
            digits = digits.rstrip("0").rstrip(".").replace(".", ",")
            return f"{digits} {word}"
    return str(amount)


# --------------------------------------------------------------------------- folded text
# The practice model reads a prompt on its ``fold_aligned`` copy (no marks, lowercase), so
# one pattern serves a prompt typed with or without diacritics, and a match's offsets are
# those of the NFC prompt. These matchers are the folded forms of the ones above.

#: A date in folded text: ``5 thang 5 nam 2026`` or ``5 thang 5`` (groups 1-3), or the
#: numeric forms :func:`find_dates` reads, ``5/5/2026``, ``05-5``, ``5.5.2026`` (groups
#: 4-10). :func:`folded_date_parts` gives (day, month, year).
FOLDED_DATE = re.compile(
    r"(?<![\d.,/-])(\d{1,2}) thang (\d{1,2})(?: nam (\d{4}))?(?![\d/])|" + _NUMERIC_DATE_RX
)


def folded_date_parts(match: re.Match[str]) -> tuple[int, int, int | None]:
    """(day, month, year) of a :data:`FOLDED_DATE` match; no year gives ``None``, ``26`` 2026.

    >>> folded_date_parts(FOLDED_DATE.search("hop ngay 15 thang 5 nam 2026"))
    (15, 5, 2026)
    >>> folded_date_parts(FOLDED_DATE.search("hop 05-5"))
    (5, 5, None)
    >>> folded_date_parts(FOLDED_DATE.search("tu 1.7.2026"))
    (1, 7, 2026)
    """
    g = match.groups()
    if g[0] is not None:
        day, month, year = g[0], g[1], g[2]
    elif g[3] is not None:
        day, month, year = g[3], g[5], g[6]
    else:
        day, month, year = g[7], g[8], g[9]
    return int(day), int(month), (_full_year(year, 0) if year else None)


#: A time of day in folded text: ``14h00``, ``8h``, ``8 gio 30 phut``, ``8g30``, ``14:30``,
#: ``7h sang`` (group 1 the hour, 2 the minutes, 3 the part of the day). The caller checks
#: the range (``25h`` matches) and what a bare ``3g`` or ``5: 23`` means in its context.
FOLDED_TIME = re.compile(
    r"(?<![\d.,/])(\d{1,2})\s?(?:h|gio|g|:)(?:\s?(\d{2})(?!\d))?(?:\s?phut)?"
    r"(?:\s(sang|chieu|toi|trua))?(?![a-z0-9])"
)
#: A number as prompts write it: ``1.500.000``, ``1,500,000``, ``1,5``, ``200``.
FOLDED_NUMBER = r"\d{1,3}(?:[.,]\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?"
#: An amount of money in folded text, with its unit and what it is for: ``500.000 dong``,
#: ``1 trieu/nguoi``, ``200.000d`` (the caller checks that a bare ``d`` was typed ``đ``).
FOLDED_MONEY = re.compile(
    r"(?<![\d.,/])(?:" + FOLDED_NUMBER + r")\s?(?:trieu dong|trieu|nghin dong|ngan dong|ty dong"
    r"|ty|dong|d|vnd|₫)"
    r"(?:\s?/\s?(?:suat|nguoi|phan qua|phan|doan vien|thang|nam|ca nhan))?(?![a-z0-9])"
)
#: A Vietnamese phone number, mobile or landline: ``0905 123 456``, ``+84 905123456``,
#: ``0234 3822 456`` (digits may be grouped by spaces or dots).
PHONE_NUMBER = re.compile(r"(?<![\d.,/])(?:\+84|0)\d(?:[ .]?\d){8,9}(?![\d/])")
