"""Put the marks back on union phrases typed without diacritics.

"hop bch thang 5" should come out as "họp Ban Chấp hành tháng 5", not be copied raw into
a notice's title. Only whole phrases of the union vocabulary are restored, longest first,
so an ambiguous syllable alone ("tai": tại or tai nạn?) is never guessed; anything else
keeps the trainee's spelling, and the draft's tips ask them to type with diacritics.

>>> restore("hop bch thang 5 tai hoi truong cong ty")
'họp Ban Chấp hành tháng 5 tại hội trường Công ty'
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from pathlib import Path

__all__ = ["restore"]

# Folded phrase -> the phrase with its marks (``accent_phrases.toml``, data beside this
# module). Phrases, not syllables: "tai nan lao dong" is restored before "tai hoi truong",
# and "tai" alone never is.
PHRASES: dict[str, str] = tomllib.loads(
    (Path(__file__).with_name("accent_phrases.toml")).read_text(encoding="utf-8")
)["phrases"]
# "sang" is "sáng" (morning) after a clock time ("8h sang thu hai"), but "sang" (to) when it
# links two days or dates ("tu thu 4 sang thu 6", "tu 14/5 sang 21/5") or follows a verb of
# moving ("chuyen sang", "doi sang", "lui sang"): a mark that changes the meaning is never put.
_DAY_OR_DATE = (
    r"(?:thu (?:hai|ba|tu|nam|sau|bay|[2-8])|chu nhat|ngay \d{1,2}(?:/\d{1,2})*"
    r"|\d{1,2}/\d{1,2}(?:/\d{2,4})?|tuan (?:nay|sau|toi)|thang \d{1,2}(?:/\d{4})?"
    r"|hom nay|ngay mai|nam \d{4})"
)
_AFTER_TO = re.compile(r"^\W*" + _DAY_OR_DATE, re.I)
_AMOUNT_AFTER = re.compile(
    r"[.,]?\d|\s*(?:trieu|nghin|ngan|ty|k|d|dong|vnd|%|nguoi|suat)(?![a-z])", re.I
)
_YEAR_AFTER = re.compile(r"\s*(?:\d|hoc(?![a-z])|nay|toi|sau|truoc|moi(?![a-z])|tai chinh)", re.I)
_MARKED = re.compile("[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]", re.I)


@cache
def _pattern() -> re.Pattern[str]:
    phrases = sorted(PHRASES, key=len, reverse=True)
    return re.compile(r"(?<![\w])(?:" + "|".join(re.escape(p) for p in phrases) + r")(?![\w])",
                      re.IGNORECASE)  # fmt: skip


def _between_numbers(text: str, start: int, end: int) -> bool:
    return bool(re.search(r"\d\s+$", text[max(0, start - 3) : start])) and bool(
        re.match(r"\s+\d", text[end : end + 3])
    )


def restore(text: str) -> str:
    """``text`` with known union phrases marked, when it was typed with no marks at all."""
    if not text or _MARKED.search(text):
        return text

    def mark(m: re.Match[str]) -> str:
        found = m.group()
        if found.lower() == "sang" and _means_to(text, m.start(), m.end()):
            return found
        if found.lower() == "tu" and not _AFTER_TO.match(text[m.end() : m.end() + 24]):
            return found  # "từ" (from) only before a day or a date: "tu" is also "tự", "tư"...
        if found[-1].isdigit() and _AMOUNT_AFTER.match(text, m.end()):
            return found  # "thu 2 trieu": collecting two million, not a Monday
        if found.lower() == "va" and not _between_numbers(text, m.start(), m.end()):
            return found  # "25 va 26/7": "và"; elsewhere "va" may be "va chạm" (a collision)
        if found.lower() == "nam" and not _YEAR_AFTER.match(text, m.end()):
            return found  # "2 van dong vien nam va 1 nu": male, not "năm" (a year)
        marked = PHRASES[found.lower()]
        if found[:1].isupper() and marked[:1].islower():
            marked = marked[:1].upper() + marked[1:]
        return marked

    return _pattern().sub(mark, text)


def _means_to(text: str, start: int, end: int) -> bool:
    """ "sang" at ``text[start:end]`` means "to" (moved from one day to another), not "morning".

    After a clock time it is the morning ("8h sang thu hai"); right after a verb of moving
    it is "to"; between two days or dates, or after such a verb earlier in the clause
    ("doi ngay hoi thao sang ngay 27/6"), and followed by a day or date, it is "to".
    """
    before, after = text[max(0, start - 48) : start], text[end : end + 24]
    if _CLOCK_BEFORE.search(before):  # "8h sang thu hai"; but "tu 14h sang 15h30"
        return bool(_CLOCK_AFTER.match(after))
    if _MOVE_BEFORE.search(before):
        return True
    clause = re.split(r"[.;\n]", text[max(0, start - 120) : start])[-1]
    if _MOVE_WORD.search(clause) and _FROM.search(clause):
        return True  # "chuyen dia diem tu hoi truong A sang nha van hoa": to a place, too
    to_a_day = bool(_AFTER_TO.match(after))
    return to_a_day and bool(_DAY_OR_DATE_RE.search(before) or _MOVE_WORD.search(before))


_DAY_OR_DATE_RE = re.compile(_DAY_OR_DATE + r"\W*$", re.I)
_MOVES = r"(?:chuyen|doi|lui|hoan|dich)"
_MOVE_BEFORE = re.compile(r"(?<![\w])" + _MOVES + r"(?: lai)?\W*$", re.I)
_MOVE_WORD = re.compile(r"(?<![\w])" + _MOVES + r"(?![\w])", re.I)
_FROM = re.compile(r"(?<![\w])(?:tu|khoi)\s+\w", re.I)
_CLOCK_AFTER = re.compile(r"\W*\d{1,2}\s?(?:h|g|gio)(?![a-z])", re.I)
_CLOCK_BEFORE = re.compile(r"\d{1,2}\s?(?:h|g|gio)(?:\s?\d{2})?(?: kem| ruoi)?\W*$", re.I)
