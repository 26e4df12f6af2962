"""The prompt rubric: does a prompt give the AI a role, a task, context, an audience...?

The course teaches one recipe for a good prompt (role, task, context, audience, format,
tone, length, and optionally an example). ``check`` finds each part by keywords and says
what is missing; ``suggest`` returns the prompt with marked slots for the missing parts,
so a trainee can fill them in rather than start again.

Matching is on lower-case text without diacritics, so ``doi tuong`` and ``Đối tượng``
both count. Weights: task, context, audience and format are errors (without them the
answer cannot fit the union's need); role, tone and length are warnings; an example is
optional and carries no points (weight 0): it is shown as advice only.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ..errors import InputError
from ..i18n import msg
from ..report import ERROR, WARNING, Item, Report, Severity
from ..text import fold

__all__ = ["CODES", "check", "suggest"]

_NUMBER = r"(?:\d+|mot|hai|ba|bon|nam|sau|bay|tam|chin|muoi)"
_UNITS = r"(?:chu|tu|ky tu|trang|dong|doan|cau|y|muc|slide|phut|gach dau dong|dau dong|bai)"


def _rx(*alternatives: str) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)")


_ROLE = _rx(
    r"ban la", r"(?:hay |xin )?dong vai", r"nhap vai", r"voi (?:tu cach|vai tro)",
    r"gia su ban", r"ban se la", r"trong vai", r"you are", r"act as",
)  # fmt: skip
_TASK = _rx(
    r"viet", r"soan(?: thao)?", r"bien soan", r"tom tat", r"lap", r"liet ke", r"de xuat",
    r"goi y", r"giai thich", r"dich (?:sang|ra)", r"phan tich", r"kiem tra", r"sua", r"chinh sua",
    r"tao", r"xay dung", r"trinh bay", r"so sanh", r"len (?:ke hoach|danh sach|y tuong)",
    r"thiet ke", r"dat (?:ten|tieu de)", r"tra loi", r"huong dan", r"danh gia", r"phan loai",
    r"rut gon", r"chuyen (?:thanh|sang)", r"nghi ra", r"tinh (?:toan|tong|tien)", r"tong hop",
    r"trich",
)  # fmt: skip
_CONTEXT_GROUPS = {
    "organisation": _rx(
        r"cong doan", r"cdcs", r"ldld", r"lien doan lao dong", r"cong ty", r"doanh nghiep",
        r"nha may", r"truong", r"benh vien", r"co quan", r"don vi", r"to chuc", r"xi nghiep",
        r"khu cong nghiep", r"phuong", r"xa",
    ),
    "event": _rx(
        r"hoi nghi", r"dai hoi", r"le", r"chuong trinh", r"hoat dong", r"su kien",
        r"thang cong nhan", r"tet", r"giai", r"hoi thao", r"phong trao", r"cuoc thi",
        r"hoi thi", r"tham quan", r"doi thoai", r"ky niem", r"tap huan", r"quyen gop",
    ),
    "time": re.compile(
        r"(?<!\w)(?:ngay \d|thang \d|nam \d{4}|\d{1,2}/\d{1,2}|\d{1,2}h|sap toi|tuan (?:toi|sau)"
        r"|thang (?:toi|sau|nay)|cuoi (?:tuan|thang|nam)|dip|vao luc|thoi gian)"
    ),
    "place": _rx(r"tai", r"dia diem", r"hoi truong", r"hue", r"san (?:van dong|bong|khau)"),
    "purpose": _rx(
        r"nham", r"muc dich", r"de (?:moi|keu goi|thong bao|dong vien|tuyen truyen|cam on|chuc)",
        r"boi canh", r"vi (?:the|vay)", r"hien nay", r"tinh hinh", r"can (?:thong bao|moi|keu goi)",
    ),
}  # fmt: skip
_CONTEXT_MARKER = _rx(r"boi canh", r"thong tin(?: chi tiet)?\s*:", r"chi tiet\s*:")
_AUDIENCE = _rx(
    r"doi tuong", r"danh cho", r"gui (?:cho|toi|den)", r"nguoi doc", r"doan vien",
    r"nguoi lao dong", r"cong nhan", r"can bo", r"thanh nien", r"lanh dao", r"ban giam doc",
    r"chu doanh nghiep", r"nu cong nhan", r"giao vien", r"nhan vien", r"hoi vien",
    r"cong chung", r"ban chap hanh", r"chi em", r"phu huynh",
)  # fmt: skip
_FORMAT = _rx(
    r"(?:duoi dang|dang|thanh|theo|ke|lap|mot|1|trinh bay) bang",
    r"bang (?:gom|co|so sanh|tong hop)",
    r"gach dau dong", r"danh sach", r"danh so", r"theo mau", r"theo the thuc", r"van ban",
    _NUMBER + r" (?:doan|muc|phan|y chinh|cau hoi)", r"tieu de", r"markdown", r"bullet",
    r"bo cuc", r"gom (?:cac|\d+) (?:phan|muc)", r"bai dang", r"email", r"thu moi", r"giay moi",
    r"thong bao", r"ke hoach", r"bao cao", r"kich ban", r"slide", r"khau hieu", r"tin nhan",
    r"bai phat bieu", r"to roi", r"poster", r"cau hoi trac nghiem",
)  # fmt: skip
_TONE = _rx(
    r"trang trong", r"than thien", r"vui tuoi", r"gan gui", r"nghiem tuc", r"lich su",
    r"dong vien", r"truyen cam hung", r"hai huoc", r"giong(?: van| dieu)?", r"van phong",
    r"ton trong", r"am ap", r"chan thanh", r"cam xuc", r"khach quan", r"chuyen nghiep",
    r"de hieu", r"binh dan", r"nhiet tinh", r"soi noi", r"hanh chinh", r"xuc dong",
    r"tre trung", r"manh me", r"ngan gon de hieu",
)  # fmt: skip
_LENGTH = re.compile(
    r"(?<!\w)(?:(?:duoi|toi da|khong qua|khoang|tu|it nhat|toi thieu|chi|gioi han|vua)\s+"
    + _NUMBER
    + r"(?:\s*(?:-|den)\s*\d+)?\s+"
    + _UNITS
    + r"|\d+\s*(?:-|den)\s*\d+\s+"
    + _UNITS
    + r"|"
    + _NUMBER
    + r"\s+"
    + _UNITS
    + r"|ngan gon|mot trang|nua trang|mot cau|vai cau|khong dai qua)(?!\w)"
)
_EXAMPLE = _rx(
    r"vi du", r"mau\s*:", r"tham khao", r"nhu sau", r"giong nhu", r"theo mau sau",
    r"example", r"chang han", r"bai mau", r"van ban mau",
)  # fmt: skip
_QUOTED = re.compile(r"[\"“][^\"”]{20,}[\"”]")


@dataclass(frozen=True)
class _Rule:
    code: str
    severity: Severity
    found: Callable[[str], bool]
    weight: float | None = None


def _has_context(folded: str) -> bool:
    """Context means at least two of: organisation, event, time, place, purpose."""
    if _CONTEXT_MARKER.search(folded):
        return True
    return sum(1 for rx in _CONTEXT_GROUPS.values() if rx.search(folded)) >= 2


def _has_audience(folded: str) -> bool:
    """An audience is named; the event name ``Tháng Công nhân`` does not count."""
    return bool(_AUDIENCE.search(folded.replace("thang cong nhan", "")))


_RULES = (
    _Rule("role", WARNING, lambda t: bool(_ROLE.search(t))),
    _Rule("task", ERROR, lambda t: bool(_TASK.search(t))),
    _Rule("context", ERROR, _has_context),
    _Rule("audience", ERROR, _has_audience),
    _Rule("format", ERROR, lambda t: bool(_FORMAT.search(t))),
    _Rule("tone", WARNING, lambda t: bool(_TONE.search(t))),
    _Rule("length", WARNING, lambda t: bool(_LENGTH.search(t))),
    _Rule("example", WARNING, lambda t: bool(_EXAMPLE.search(t)), weight=0.0),
)
CODES = tuple(rule.code for rule in _RULES)


def _fold(prompt: object) -> str:
    if not isinstance(prompt, str):
        raise InputError(msg("prompts.errors.not_text", type=type(prompt).__name__))
    return fold(prompt, squash=True)


def _present(prompt: str) -> dict[str, bool]:
    folded = _fold(prompt)
    present = {rule.code: rule.found(folded) for rule in _RULES}
    present["example"] = present["example"] or bool(_QUOTED.search(prompt))
    return present


def check(prompt: str) -> Report:
    """Check a prompt against the course rubric; every part gets a message and a hint.

    >>> check("Viết thông báo").failed_codes  # doctest: +SKIP
    ['role', 'context', 'audience', 'format', 'tone', 'length', 'example']
    """
    present = _present(prompt)
    items = [
        Item(
            rule.code,
            present[rule.code],
            msg(f"prompts.{rule.code}.{'ok' if present[rule.code] else 'missing'}"),
            msg(f"prompts.{rule.code}.hint"),
            rule.severity,
            rule.weight,
        )
        for rule in _RULES
    ]
    return Report("prompt", items)


def suggest(prompt: str) -> str:
    """The prompt with a marked slot, such as ``[đối tượng: ...]``, for each missing part.

    The role goes first, the trainee's own words next, then the other slots one per line.
    A prompt that already has every part comes back unchanged (without outer spaces).
    """
    present = _present(prompt)
    body = prompt.strip()
    lines = [msg("prompts.role.slot")] if not present["role"] else []
    if body:
        lines.append(body)
    lines.extend(msg(f"prompts.{code}.slot") for code in CODES[1:] if not present[code])
    return "\n".join(lines)
