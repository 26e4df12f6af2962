"""Low-level text tools for the practice model: aligned folding, words and sentences.

Matching works on a *folded* copy of the prompt (lowercase, no Vietnamese marks, ``đ`` →
``d``) that has exactly the same length as the original, so a match found in the folded
text gives the span to copy verbatim from what the trainee typed.

>>> fold("Công đoàn Huế")
'cong doan hue'
"""

from __future__ import annotations

import re
import unicodedata

from ..text import fold_aligned

__all__ = [
    "QUOTED",
    "Text",
    "end_sentence",
    "fold",
    "folded_words",
    "lower",
    "without_dangling",
    "word_count",
    "words",
]


class _LowerTable(dict):
    """A ``str.translate`` table that fills itself one character at a time."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        low = ch.lower() if len(ch.lower()) == 1 else ch
        self[code] = low
        return low


_LOWER = _LowerTable()


def lower(text: str) -> str:
    """Lowercase that keeps the length (characters whose lowercase is longer stay as they are)."""
    return text.translate(_LOWER)


#: Lowercase without diacritics, one character for one character.
fold = fold_aligned


_WORD = re.compile(r"\S+")


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def word_count(text: str) -> int:
    """Words as Vietnamese counts them for a length limit: runs separated by spaces."""
    return len(_WORD.findall(text))


#: A quoted span: “...”, "...", «...», ‘...’ or '...' (not an apostrophe inside a word).
QUOTED = re.compile(r"“[^”\n]*”|\"[^\"\n]*\"|«[^»\n]*»|‘[^’\n]*’|(?<!\w)'[^'\n]*'(?!\w)")


def folded_words(*phrases: str) -> re.Pattern[str]:
    """A pattern that finds any of ``phrases`` as whole words of folded text.

    A phrase may hold a group of variants: ``folded_words("cam on", "guong (?:doan
    vien|nguoi tot)")``. "Whole" is what folded text allows: no letter a-z on either side.
    """
    return re.compile(rf"(?<![a-z])(?:{'|'.join(phrases)})(?![a-z])")


def end_sentence(value: str) -> str:
    """``value`` ending as a sentence does: a full stop added unless it already ends one
    (or ends in a placeholder ``]`` or a closing quote)."""
    return value if value.endswith((".", "!", "?", "]", "”", '"')) else value + "."


class Text:
    """One prompt in three aligned forms: original (NFC), lowercase, folded."""

    __slots__ = ("f", "low", "t")

    def __init__(self, text: str) -> None:
        self.t = unicodedata.normalize("NFC", text)
        self.low = lower(self.t)
        self.f = fold(self.t)

    def __len__(self) -> int:
        return len(self.t)

    def span(self, start: int, end: int) -> str:
        return self.t[start:end]

    def unaccented(self, start: int, end: int) -> bool:
        """True when the trainee typed this span without Vietnamese marks."""
        return self.low[start:end] == self.f[start:end]

    def is_form(self, start: int, end: int, *forms: str) -> bool:
        """The span is one of the accented ``forms``, or was typed without marks at all."""
        seg = self.low[start:end]
        return seg in forms or seg == self.f[start:end]


# A name cut before its date or its cause must not end on a word that announces what
# follows: "Hội nghị người lao động dự kiến", "thăm hỏi đoàn viên ... bị".
_DANGLING = re.compile(
    r"\s+(?:du kien|du dinh|se|da|dang|bi|duoc|cua|ve|va|cho|voi|nhu|theo|la|co|buoi"
    r"|(?:doi|chuyen|dieu chinh) thanh)$"
)


# A verb of moving left at the end ("Hội nghị cán bộ công đoàn dời"), known by its marks:
# unmarked, "doi" may be "đội" (a team) and "chuyen" "chuyên"
_MOVED_LAST = re.compile(r"\s+(?:dời|lùi|hoãn|chuyển|đổi|dịch)$")


def without_dangling(value: str) -> str:
    """``value`` without the words at its end that only announce what was cut off."""
    folded = fold(value)
    while (
        (m := _DANGLING.search(folded)) or (m := _MOVED_LAST.search(value.lower()))
    ) and m.start() > 0:
        value, folded = value[: m.start()].rstrip(" ,"), folded[: m.start()].rstrip(" ,")
    return value
