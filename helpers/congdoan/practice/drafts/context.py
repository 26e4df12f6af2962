"""What every builder shares: the request's details, the placeholders, the catalogue."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ...i18n import msg
from ...text import parse_weekday, weekday_name
from .._text import fold
from ..accents import restore
from ..details import TEXT_SLOTS, Length, parse_date, parse_length

__all__ = ["Built", "Context", "has_year", "t"]

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
        if not has_year(date):
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

    def theme(self) -> str | None:
        """The theme or slogan the request promotes; a quoted name inside the event's own
        name ("Ngày hội hiến máu 'Giọt hồng tri ân'", "hội thi 'Bữa cơm gia đình'") is the
        event's name, and "với chủ đề “Giọt hồng tri ân”" would present it as something else."""
        theme = self.val("theme") or self.val("slogan")
        if not theme:
            return None
        named = fold(" ".join(self.all("event") + self.all("subject")))
        return None if self.val("slogan") is None and fold(theme) in named else theme

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


def has_year(date: str) -> bool:
    """The date as the prompt wrote it says its year ("2/9/2026", not "2/9")."""
    return re.search(r"(?<!\d)\d{4}(?!\d)", date) is not None
