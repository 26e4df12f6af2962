"""Member lists and surveys from Google Forms or Microsoft Forms: read, clean, summarise.

A form export reaches the union office as CSV (comma or semicolon, UTF-8 with or without
BOM, or Excel's UTF-16 "Unicode text") or as an Excel workbook, typed by many hands:
names in every case, phones with ``+84`` and dots, citizen ID numbers whose leading zero
Excel dropped, one CĐCS spelled five ways. :func:`read_form` reads all of these as text
(leading zeros survive), :func:`clean_members` tidies the columns and says in Vietnamese
what it changed, :func:`redact_members` masks personal data before a table is shared or
pasted into an AI tool, and the survey helpers count answers and draw a chart.

>>> result = clean_members(pd.DataFrame({"Họ và tên": ["nguyễn văn  an"],
...                                      "Số điện thoại": ["+84 905.123.456"]}))
>>> result.df.iloc[0].tolist()
['Nguyễn Văn An', '0905123456']

Rows are named as in the spreadsheet: the header is row 1, so ``df`` index 0 is row 2.
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import os
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import pandas as pd

from . import privacy
from .errors import InputError
from .files import ensure_folder
from .i18n import msg
from .text import fold, nfc, parse_date

__all__ = [
    "Change",
    "CleanResult",
    "clean_members",
    "clean_name",
    "detect_columns",
    "normalise_citizen_id",
    "normalise_phone",
    "read_form",
    "redact_members",
    "summary_prompt",
    "survey_chart",
    "survey_summary",
    "unit_key",
]

ROLES = ("name", "phone", "citizen_id", "unit", "birth_date", "email")
# Header words (folded: no diacritics, lower case) that reveal each column's role.
_HEADER_WORDS = {
    "citizen_id": ("cccd", "can cuoc", "dinh danh", "cmnd", "chung minh", "citizen id"),
    "phone": ("dien thoai", "sdt", "so dt", "phone", "di dong", "zalo"),
    "birth_date": ("ngay sinh", "nam sinh", "date of birth", "birth", "dob"),
    "email": ("email", "e-mail", "thu dien tu"),
    "unit": ("don vi", "cdcs", "cong doan co so", "co quan", "noi lam viec", "unit"),
    "name": ("ho va ten", "ho ten", "ten doan vien", "full name", "name", "ten"),
}
_TIMESTAMP_HEADERS = ("dau thoi gian", "timestamp", "start time", "completion time")
# Province codes that start a citizen ID number (the first three digits).
_PROVINCE_CODES = frozenset(
    {
        "001", "002", "004", "006", "008", "010", "011", "012", "014", "015", "017", "019", "020",
        "022", "024", "025", "026", "027", "030", "031", "033", "034", "035", "036", "037", "038",
        "040", "042", "044", "045", "046", "048", "049", "051", "052", "054", "056", "058", "060",
        "062", "064", "066", "067", "068", "070", "072", "074", "075", "077", "079", "080", "082",
        "083", "084", "086", "087", "089", "091", "092", "093", "094", "095", "096"
    }
)  # fmt: skip
_UNIT_ABBREVIATIONS = {
    "cdcs": "cong doan co so",
    "cd": "cong doan",
    "cty": "cong ty",
    "ct": "cong ty",
    "tnhh": "trach nhiem huu han",
    "cp": "co phan",
    "tp": "thanh pho",
    "th": "tieu hoc",
    "thcs": "trung hoc co so",
    "thpt": "trung hoc pho thong",
    "bv": "benh vien",
    "kcn": "khu cong nghiep",
}
_SPLIT_ANSWERS = re.compile(r"\s*;\s*|,\s+")


# --------------------------------------------------------------------------- reading


def read_form(path_or_buffer: str | os.PathLike[str] | bytes | IO[Any]) -> pd.DataFrame:
    """A form export as a table of text: CSV (``,`` ``;`` or tab; UTF-8, UTF-8-BOM, UTF-16)
    or Excel ``.xlsx``. Every cell stays text, so ``0905...`` and ``046...`` keep their
    leading zero; the timestamp column (``Dấu thời gian``, ``Timestamp``, ``Start time``)
    becomes a date-time column.

    >>> read_form("ket_qua_khao_sat.csv")  # doctest: +SKIP
    """
    data, name = _read_bytes(path_or_buffer)
    if data[:2] == b"PK" or name.lower().endswith((".xlsx", ".xlsm")):
        try:
            df = pd.read_excel(io.BytesIO(data), dtype=str)
        except Exception as exc:  # openpyxl raises many types for a broken workbook
            raise InputError(msg("forms.read.bad_excel", name=name, reason=exc)) from None
    else:
        df = _read_csv(_decode(data, name), name)
    df.columns = [nfc(str(column)).strip() for column in df.columns]
    df = df.dropna(how="all").reset_index(drop=True)
    for column in df.columns:
        if fold(column, squash=True) in _TIMESTAMP_HEADERS:
            df[column] = _parse_timestamps(df[column])
    return df


def _read_bytes(source: object) -> tuple[bytes, str]:
    if isinstance(source, bytes):
        return source, ""
    if isinstance(source, (str, os.PathLike)):
        path = Path(source)
        if not path.is_file():
            raise InputError(msg("forms.read.missing", path=path))
        return path.read_bytes(), path.name
    if hasattr(source, "read"):
        data = source.read()  # type: ignore[union-attr]
        name = str(getattr(source, "name", ""))
        return (data.encode("utf-8") if isinstance(data, str) else data), name
    raise InputError(msg("forms.read.bad_source", type=type(source).__name__))


def _decode(data: bytes, name: str) -> str:
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return data.decode("utf-16")
    if data[:3] == b"\xef\xbb\xbf":
        return data[3:].decode("utf-8")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if data.count(b"\x00") > len(data) // 4:  # UTF-16 without a byte-order mark
        return data.decode("utf-16-le")
    try:
        return data.decode("cp1258")
    except UnicodeDecodeError:
        raise InputError(msg("forms.read.encoding", name=name or "?")) from None


def _read_csv(text: str, name: str) -> pd.DataFrame:
    first = text.split("\n", 1)[0]
    counts = {sep: _count_outside_quotes(first, sep) for sep in ("\t", ";", ",")}
    sep = max(counts, key=lambda key: counts[key])
    try:
        return pd.read_csv(io.StringIO(text), sep=sep, dtype=str, skipinitialspace=False)
    except (pd.errors.ParserError, csv.Error, ValueError) as exc:
        raise InputError(msg("forms.read.bad_csv", name=name or "?", reason=exc)) from None


def _count_outside_quotes(line: str, sep: str) -> int:
    return sum(part.count(sep) for i, part in enumerate(line.split('"')) if i % 2 == 0)


def _parse_timestamps(column: pd.Series) -> pd.Series:
    text = column.astype("string").str.strip()
    for fmt in ("%d/%m/%Y %H:%M:%S", "%m/%d/%Y %H:%M:%S", "%Y-%m-%d %H:%M:%S", "%d/%m/%Y %H:%M"):
        parsed = pd.to_datetime(text, format=fmt, errors="coerce")
        if parsed.notna().sum() >= text.notna().sum():
            return parsed
    return column


# --------------------------------------------------------------------------- cell cleaners


def _cell(value: object) -> str:
    """A cell as trimmed text; empty cells and NaN become ``""``."""
    if value is None or (isinstance(value, float) and value != value) or value is pd.NA:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # Excel turned a number column into floats
    return nfc(str(value)).strip()


def clean_name(value: object) -> str:
    """A person's name in NFC with single spaces and each syllable capitalised.

    >>> clean_name("  nguyễn   VĂN an ")
    'Nguyễn Văn An'
    """
    text = re.sub(r"\s+", " ", _cell(value))
    return " ".join(_capitalise(word) for word in text.split(" ")) if text else ""


def _capitalise(word: str) -> str:
    return "-".join(_upper_first(part) + part[1:].lower() for part in word.split("-"))


def _upper_first(part: str) -> str:
    first = part[:1].upper()
    return first if len(first) == len(part[:1]) else part[:1]  # "ß" would grow to "SS"


def normalise_phone(value: object) -> str | None:
    """A Vietnamese phone number as 10 digits ``0xxxxxxxxx`` (landlines: 11), else ``None``.

    Accepts ``+84``/``84``, spaces, dots, dashes, brackets and a leading zero that Excel
    dropped (``905123456``). Validity is checked by :func:`congdoan.privacy.find`.

    >>> normalise_phone("+84 905.123.456"), normalise_phone("0905 12"), normalise_phone("")
    ('0905123456', None, None)
    """
    text = _cell(value)
    if not text:
        return None
    digits = re.sub(r"\D", "", text)
    if digits.startswith("84") and len(digits) in (11, 12, 13):
        digits = "0" + digits[2:].removeprefix("0")  # "+84 (0)935..." writes the zero too
    elif len(digits) in (9, 10) and not digits.startswith("0"):
        digits = "0" + digits  # Excel stored the number as a number and dropped the zero
    found = privacy.find(digits)
    if len(found) == 1 and found[0].kind == "phone" and found[0].text == digits:
        return digits
    return None


def normalise_citizen_id(value: object) -> str | None:
    """A citizen ID (CCCD) as 12 digits of text, else ``None``.

    Spaces and dots are removed; an 11-digit number gets back the leading zero Excel
    dropped. Valid means a real province code (``046`` is Huế) and a century-and-sex
    digit 0-3 (born in the 20th or 21st century).

    >>> normalise_citizen_id("46 085 012 345"), normalise_citizen_id("123")
    ('046085012345', None)
    """
    digits = re.sub(r"[\s.\-]", "", _cell(value))
    if not digits.isdigit():
        return None
    if len(digits) == 11:
        digits = "0" + digits
    if len(digits) != 12 or digits[:3] not in _PROVINCE_CODES or digits[3] not in "0123":
        return None
    return digits


def unit_key(value: object) -> str:
    """The comparison form of a CĐCS name: no diacritics, lower case, abbreviations spelled out.

    >>> unit_key("CĐCS Cty May Hương Giang") == unit_key("Công đoàn cơ sở Công ty may Huong Giang")
    True
    """
    words = re.findall(r"[a-z0-9]+", fold(_cell(value), squash=True))
    return " ".join(_UNIT_ABBREVIATIONS.get(word, word) for word in words)


def _birth_date(value: object) -> dt.date | None:
    text = _cell(value)
    iso = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?:[ T]00:00:00)?", text)
    if iso:
        try:
            return dt.date(int(iso[1]), int(iso[2]), int(iso[3]))
        except ValueError:
            return None
    return parse_date(text) if text else None


# --------------------------------------------------------------------------- clean_members


@dataclass(frozen=True)
class Change:
    """One change or problem: spreadsheet row, column, value before and after, and why."""

    row: int
    column: str
    before: str
    after: str
    reason: str
    problem: bool = False


@dataclass
class CleanResult:
    """The cleaned table, what was changed, which values need a person, duplicate rows."""

    df: pd.DataFrame
    changes: list[Change] = field(default_factory=list)
    duplicates: pd.DataFrame = field(default_factory=pd.DataFrame)
    columns: dict[str, str] = field(default_factory=dict)

    @property
    def problems(self) -> list[Change]:
        return [change for change in self.changes if change.problem]

    @property
    def log(self) -> pd.DataFrame:
        """The changes as a table with Vietnamese column names."""
        names = [msg(f"forms.log.{key}") for key in ("row", "column", "before", "after", "reason")]
        rows = [(c.row, c.column, c.before, c.after, c.reason) for c in self.changes]
        return pd.DataFrame(rows, columns=names)

    def summary(self) -> str:
        return msg(
            "forms.clean.summary",
            rows=len(self.df),
            changes=sum(1 for c in self.changes if not c.problem),
            problems=len(self.problems),
            duplicates=len(self.duplicates),
        )

    def __str__(self) -> str:
        lines = [self.summary()]
        for change in self.changes:
            mark = "!" if change.problem else "•"
            if not change.column:
                lines.append(
                    f"{mark} " + msg("forms.clean.row", row=change.row, reason=change.reason)
                )
                continue
            lines.append(
                f"{mark} "
                + msg(
                    "forms.clean.line",
                    row=change.row,
                    column=change.column,
                    before=change.before,
                    after=change.after or "—",
                    reason=change.reason,
                )
            )
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        table = self.log.to_html(index=False, escape=True) if self.changes else ""
        return f"<div><strong>{html.escape(self.summary())}</strong>{table}</div>"


def detect_columns(df: pd.DataFrame) -> dict[str, str]:
    """Which column holds names, phones, citizen IDs, units, birth dates, e-mails (by header)."""
    found: dict[str, str] = {}
    for role, words in _HEADER_WORDS.items():
        for column in df.columns:
            header = fold(str(column), squash=True)
            if column in found.values():
                continue
            if any(re.search(rf"(?<![a-z]){re.escape(w)}(?![a-z])", header) for w in words):
                found[role] = column
                break
    return found


def _check_frame(df: object, what: str = "df") -> pd.DataFrame:
    if not isinstance(df, pd.DataFrame):
        raise InputError(msg("forms.input.not_frame", name=what, type=type(df).__name__))
    return df


def _resolve_columns(df: pd.DataFrame, columns: Mapping[str, str] | None) -> dict[str, str]:
    if columns is None:
        return detect_columns(df)
    unknown_roles = [role for role in columns if role not in ROLES]
    if unknown_roles:
        raise InputError(
            msg("forms.input.unknown_role", roles=", ".join(unknown_roles), valid=", ".join(ROLES))
        )
    _require_columns(df, columns.values())
    return dict(columns)


def clean_members(
    df: pd.DataFrame,
    *,
    columns: Mapping[str, str] | None = None,
    units: Mapping[str, str] | None = None,
) -> CleanResult:
    """Clean a member list and say what changed.

    Names are capitalised syllable by syllable; phones become ``0xxxxxxxxx``; citizen IDs
    12 digits of text; spelling variants of one CĐCS become one name (the trainer's
    ``units`` mapping ``{variant: canonical}`` first, else the most frequent spelling);
    birth dates ``dd/mm/yyyy``. Invalid phones, IDs and dates are kept as typed and
    listed as problems. Rows repeating a citizen ID, or a name with the same phone, are
    moved to ``duplicates`` (the first one stays).

    **Parameters:** * **columns** – ``{role: column}`` with roles ``name``, ``phone``,
    ``citizen_id``, ``unit``, ``birth_date``, ``email``; found from the headers when not
    given * **units** – ``{spelling: canonical CĐCS name}``.
    """
    df = _check_frame(df)
    roles = _resolve_columns(df, columns)
    out = df.copy()
    changes: list[Change] = []
    cleaners = {
        "name": _clean_names,
        "phone": _clean_phones,
        "citizen_id": _clean_ids,
        "birth_date": _clean_birth_dates,
        "email": _clean_emails,
    }
    for role, cleaner in cleaners.items():
        if role in roles:
            cleaner(out, roles[role], changes)
    if "unit" in roles:
        _clean_units(out, roles["unit"], units or {}, changes)
    out, duplicates = _drop_duplicates(out, roles, changes)
    changes.sort(key=lambda change: change.row)
    return CleanResult(out, changes, duplicates, roles)


def _row(index: object) -> int:
    """The spreadsheet row of a DataFrame label (header is row 1); 0 for a non-number label."""
    try:
        return int(index) + 2  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return 0


def _apply(
    df: pd.DataFrame, column: str, changes: list[Change], clean, reason_key: str, bad_key: str
) -> None:
    values = []
    for index, value in df[column].items():
        before = _cell(value)
        after = clean(before) if before else ""
        if after is None:
            changes.append(Change(_row(index), column, before, "", msg(bad_key), True))
            after = before
        elif after != before and before:
            changes.append(Change(_row(index), column, before, after, msg(reason_key)))
        values.append(after)
    df[column] = pd.Series(values, index=df.index, dtype="string")


def _clean_names(df, column, changes) -> None:
    _apply(df, column, changes, clean_name, "forms.reason.name", "forms.reason.name")


def _clean_phones(df, column, changes) -> None:
    _apply(df, column, changes, normalise_phone, "forms.reason.phone", "forms.reason.bad_phone")


def _clean_ids(df, column, changes) -> None:
    _apply(df, column, changes, normalise_citizen_id, "forms.reason.id", "forms.reason.bad_id")


def _clean_emails(df, column, changes) -> None:
    def clean(text: str) -> str | None:
        text = text.strip().lower()
        return text if re.fullmatch(r"[^@\s]+@[^@\s]+\.[a-z]{2,}", text) else None

    _apply(df, column, changes, clean, "forms.reason.email", "forms.reason.bad_email")


def _clean_birth_dates(df, column, changes) -> None:
    this_year = dt.date.today().year

    def clean(text: str) -> str | None:
        day = _birth_date(text)
        if day is None or not (this_year - 100 <= day.year <= this_year - 15):
            return None
        return day.strftime("%d/%m/%Y")

    _apply(df, column, changes, clean, "forms.reason.birth_date", "forms.reason.bad_birth_date")


def _clean_units(df, column, mapping: Mapping[str, str], changes) -> None:
    trainer = {unit_key(variant): nfc(str(name)).strip() for variant, name in mapping.items()}
    written = [re.sub(r"\s+", " ", _cell(value)) for value in df[column]]
    by_key: dict[str, Counter] = {}
    for text in written:
        if text:
            by_key.setdefault(unit_key(text), Counter())[text] += 1
    canonical = {
        key: trainer.get(key) or counter.most_common(1)[0][0] for key, counter in by_key.items()
    }
    values = []
    for index, text in zip(df.index, written, strict=True):
        after = canonical.get(unit_key(text), text) if text else ""
        if after != _cell(df.at[index, column]):
            changes.append(
                Change(
                    _row(index),
                    column,
                    _cell(df.at[index, column]),
                    after,
                    msg("forms.reason.unit"),
                )
            )
        values.append(after)
    df[column] = pd.Series(values, index=df.index, dtype="string")


def _drop_duplicates(df: pd.DataFrame, roles: dict[str, str], changes: list[Change]):
    seen: dict[tuple, int] = {}
    drop: list[Any] = []
    reasons: list[str] = []
    for index in df.index:
        keys = []
        if "citizen_id" in roles:
            cid = _cell(df.at[index, roles["citizen_id"]])
            if normalise_citizen_id(cid):
                keys.append(("citizen_id", cid))
        if "phone" in roles and "name" in roles:
            phone = _cell(df.at[index, roles["phone"]])
            name = fold(_cell(df.at[index, roles["name"]]), squash=True)
            if phone and name:
                keys.append(("phone_name", phone, name))
        first = next((seen[key] for key in keys if key in seen), None)
        if first is not None:
            drop.append(index)
            reason = msg("forms.reason.duplicate", first=_row(first))
            reasons.append(reason)
            changes.append(Change(_row(index), "", "", "", reason, True))
            continue
        for key in keys:
            seen[key] = index
    duplicates = df.loc[drop].copy()
    duplicates[msg("forms.log.reason")] = reasons
    return df.drop(index=drop), duplicates


# --------------------------------------------------------------------------- redaction


def _mask(text: str) -> str:
    digits = re.sub(r"\D", "", text)
    return "*" * (len(digits) - 3) + digits[-3:] if len(digits) > 3 else "***"


def redact_members(df: pd.DataFrame, *, columns: Mapping[str, str] | None = None) -> pd.DataFrame:
    """A copy safe to share: phones and citizen IDs masked to their last 3 digits, names
    and e-mails replaced by a label, birth dates reduced to the year, and every other
    text cell passed through :func:`congdoan.privacy.redact`.

    >>> redact_members(pd.DataFrame({"SĐT": ["0905123456"]}))["SĐT"][0]
    '*******456'
    """
    df = _check_frame(df)
    roles = _resolve_columns(df, columns)
    by_column = {column: role for role, column in roles.items()}
    out = df.copy()
    for column in out.columns:
        role = by_column.get(column)
        out[column] = [_redact_cell(value, role) for value in out[column]]
    return out


def _redact_cell(value: object, role: str | None) -> object:
    text = _cell(value)
    if not text:
        return value
    if role in ("phone", "citizen_id"):
        return _mask(text)
    if role == "name":
        return msg("privacy.label.person_name")
    if role == "email":
        return msg("privacy.label.email")
    if role == "birth_date":
        day = _birth_date(text)
        return str(day.year) if day else msg("privacy.label.date_of_birth")
    if role == "unit" or not isinstance(value, str):
        return value
    return privacy.redact(text)


# --------------------------------------------------------------------------- surveys

_SUMMARY_COLUMNS = ("question", "answer", "count", "percent")


def _summary_names() -> list[str]:
    return [msg(f"forms.summary.{key}") for key in _SUMMARY_COLUMNS]


def survey_summary(
    df: pd.DataFrame,
    question_columns: str | Sequence[str],
    *,
    multi: bool | Sequence[str] | None = None,
) -> pd.DataFrame:
    """Counts and percentages of each answer, question by question.

    Percentages are of the people who answered that question, so a multi-select
    question (answers joined by ``", "`` or ``";"``) can add up to more than 100.
    Multi-select columns are found automatically (the split pieces repeat across
    answers) unless ``multi`` names them, or is ``True``/``False`` for all.

    Columns: ``câu hỏi``, ``câu trả lời``, ``số lượt``, ``tỷ lệ (%)``.
    """
    df = _check_frame(df)
    questions = [question_columns] if isinstance(question_columns, str) else list(question_columns)
    _require_columns(df, questions)
    rows = []
    for question in questions:
        answers = [_cell(v) for v in df[question] if _cell(v)]
        split = _is_multi(question, answers, multi)
        counter: Counter = Counter()
        for answer in answers:
            pieces = [p for p in _SPLIT_ANSWERS.split(answer) if p] if split else [answer]
            counter.update(dict.fromkeys(pieces, 1))
        for answer, count in sorted(counter.items(), key=lambda item: (-item[1], item[0])):
            percent = round(100 * count / len(answers), 1) if answers else 0.0
            rows.append((question, answer, count, percent))
    return pd.DataFrame(rows, columns=_summary_names())


def _is_multi(question: str, answers: list[str], multi: bool | Sequence[str] | None) -> bool:
    if isinstance(multi, bool):
        return multi
    if multi is not None:
        return question in multi
    pieces = {p for answer in answers for p in _SPLIT_ANSWERS.split(answer) if p}
    combined = [answer for answer in answers if len(_SPLIT_ANSWERS.split(answer)) > 1]
    return bool(combined) and len(pieces) < len(set(answers))


def _check_summary(summary: object) -> pd.DataFrame:
    summary = _check_frame(summary, "summary")
    names = _summary_names()
    if list(summary.columns[:4]) != names:
        raise InputError(msg("forms.input.not_summary", columns=", ".join(names)))
    return summary


def survey_chart(summary: pd.DataFrame, path: str | os.PathLike[str] | None = None):
    """A horizontal bar chart per question (percent of respondents), Vietnamese labels.

    Returns the matplotlib ``Figure``; with ``path`` (``.png``, ``.svg``, ``.pdf``) it is
    also saved there at 150 dpi.
    """
    from matplotlib.figure import Figure

    summary = _check_summary(summary)
    question_col, answer_col, count_col, percent_col = _summary_names()
    questions = list(dict.fromkeys(summary[question_col]))
    heights = [max(1.6, 0.45 * (summary[question_col] == q).sum() + 0.9) for q in questions]
    figure = Figure(figsize=(8, sum(heights) or 2), layout="constrained")
    axes = figure.subplots(len(questions) or 1, 1, squeeze=False, height_ratios=heights or None)
    for ax, question in zip(axes[:, 0], questions, strict=False):
        part = summary[summary[question_col] == question].iloc[::-1]
        bars = ax.barh([_wrap(a, 40) for a in part[answer_col]], part[percent_col], color="#1f5fa8")
        labels = [f"{p:g}% ({c})" for p, c in zip(part[percent_col], part[count_col], strict=True)]
        ax.bar_label(bars, labels=labels, padding=3, fontsize=9)
        ax.set_title(_wrap(str(question), 70), fontsize=11, loc="left")
        ax.set_xlabel(msg("forms.chart.percent"))
        ax.set_xlim(0, max(100, float(part[percent_col].max() or 0) * 1.15))
        ax.spines[["top", "right"]].set_visible(False)
    for ax in figure.axes:
        for label in [ax.title, ax.xaxis.label, *ax.get_xticklabels(), *ax.get_yticklabels()]:
            label.set_fontfamily("DejaVu Sans")
    if path is not None:
        figure.savefig(_chart_path(path), dpi=150)
    return figure


def _wrap(text: str, width: int) -> str:
    import textwrap

    return "\n".join(textwrap.wrap(text, width)) or text


def _chart_path(path: str | os.PathLike[str]) -> Path:
    target = Path(path)
    if target.suffix.lower() not in (".png", ".svg", ".pdf"):
        raise InputError(msg("forms.chart.bad_suffix", path=target))
    ensure_folder(target)
    return target


def summary_prompt(summary: pd.DataFrame, *, topic: str = "") -> str:
    """A prompt asking an AI tool for a short summary of the survey, built from the counts
    only (no rows, so no member's data leaves the machine; answer texts are redacted too).

    >>> ask(summary_prompt(survey_summary(df, ["Câu 1"])))  # doctest: +SKIP
    """
    summary = _check_summary(summary)
    question_col, answer_col, count_col, percent_col = _summary_names()
    lines = []
    for question, part in summary.groupby(question_col, sort=False):
        lines.append(f"{privacy.redact(str(question))}:")
        for answer, count, percent in zip(
            part[answer_col], part[count_col], part[percent_col], strict=True
        ):
            lines.append(
                "  - "
                + msg(
                    "forms.prompt.line",
                    answer=privacy.redact(str(answer)),
                    count=count,
                    percent=f"{percent:g}",
                )
            )
    topic_text = msg("forms.prompt.topic", topic=topic.strip()) if topic.strip() else ""
    return unicodedata.normalize(
        "NFC", msg("forms.prompt.template", topic=topic_text, table="\n".join(lines))
    )


def _require_columns(df: pd.DataFrame, names: Iterable[object]) -> None:
    """Name every column the trainee's table lacks, and the columns it has."""
    missing = [name for name in names if name not in df.columns]
    if missing:
        raise InputError(
            msg(
                "forms.input.missing_columns",
                missing=", ".join(map(str, missing)),
                available=", ".join(map(str, df.columns)),
            )
        )
