"""Split the text of a union document into its administrative parts.

Trainees paste documents from chat answers, Word and e-mail, so the layout varies:
the two header columns may come one after the other or side by side (separated by
tabs, runs of spaces or ``|``), the recipients may come before or after the
signature, and chat answers add Markdown (``**THÔNG BÁO**``) and a preamble. Parts
are therefore recognised by what they say, not by where they stand, and every line
of the text lands in exactly one field, so :func:`congdoan.documents.to_docx` loses
nothing.

>>> doc = parse("LĐLĐ THÀNH PHỐ HUẾ\\nCÔNG ĐOÀN CƠ SỞ A\\nSố: 05/TB-CĐCS\\nTHÔNG BÁO")
>>> doc.issuer, doc.number, doc.title
(['LĐLĐ THÀNH PHỐ HUẾ', 'CÔNG ĐOÀN CƠ SỞ A'], 'Số: 05/TB-CĐCS', 'THÔNG BÁO')
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..errors import InputError
from ..i18n import msg
from ..replies import draft_text
from ..text import detect_legacy_encoding, fold, normalize
from ..vocabulary import DOCUMENT_TITLES

__all__ = ["TITLES", "Document", "parse", "signing_roles"]

# Document types a title line may name (NĐ 30/2020, annex III), from the union vocabulary.
TITLES = DOCUMENT_TITLES
_TITLE = re.compile(rf"(?i)^({'|'.join(TITLES)})(?![^\W\d_])\s*[:.-]?\s*(.*)$")


@dataclass
class Document:
    """The parts of a union document, each as written (after :func:`congdoan.text.normalize`).

    ``issuer`` holds the header lines naming the bodies: the superior body first, then the
    issuing body (which may wrap onto more lines). Missing parts are ``None`` or empty.
    """

    #: What was read (:func:`parse` sets these first): the normalised text, its lines without
    #: blanks, rules or Markdown, and the pre-Unicode encoding it was typed in (``tcvn3``...).
    text: str = ""
    lines: list[str] = field(default_factory=list)
    legacy_encoding: str | None = None
    #: The parts, in reading order, as the parser finds them.
    preamble: list[str] = field(default_factory=list)
    issuer: list[str] = field(default_factory=list)
    number: str | None = None
    motto: list[str] = field(default_factory=list)
    place_date: str | None = None
    title: str | None = None
    subject: str | None = None
    addressee: list[str] = field(default_factory=list)
    body: list[str] = field(default_factory=list)
    recipients_heading: str | None = None
    recipients: list[str] = field(default_factory=list)
    signature: list[str] = field(default_factory=list)
    signature_notes: list[str] = field(default_factory=list)
    signer: str | None = None
    trailing: list[str] = field(default_factory=list)

    @property
    def content(self) -> str:
        """The document's lines without blank lines, rules and Markdown, one per line."""
        return "\n".join(self.lines)

    @property
    def superior_body(self) -> str | None:
        """The first issuer line (``LĐLĐ THÀNH PHỐ HUẾ``) when there are two or more."""
        return self.issuer[0] if len(self.issuer) >= 2 else None

    @property
    def issuing_body(self) -> str | None:
        """The body that issues the document (``CÔNG ĐOÀN CƠ SỞ ...``)."""
        if not self.issuer:
            return None
        return " ".join(self.issuer[1:] if len(self.issuer) >= 2 else self.issuer)

    @property
    def title_word(self) -> str | None:
        """The document type named by the title (``THÔNG BÁO``), whatever its case."""
        match = _TITLE.match(self.title or "")
        return match[1].upper() if match else None


def parse(text: str) -> Document:
    """Split ``text`` into a :class:`Document`; never fails, missing parts stay empty.

    The text is normalised first (NFC, new-style tones, plain hyphens), so the parts can be
    compared with the correct forms directly.
    """
    legacy = detect_legacy_encoding(text)
    text = normalize(text)
    lines = _clean_lines(text)
    doc = Document(text=text, lines=lines, legacy_encoding=legacy)
    title_at = _find_title(lines)
    header_end = title_at if title_at is not None else _header_end(lines)
    _read_header(lines[:header_end], doc)
    position = header_end
    if title_at is not None:
        position = _read_title(lines, title_at, doc)
    elif position < len(lines) and _SUBJECT_START.match(lines[position]):
        doc.subject = lines[position]
        position += 1
    position = _read_addressee(lines, position, doc)
    footer_at = _find_footer(lines, position)
    doc.body = lines[position:footer_at]
    _read_footer(lines[footer_at:], doc)
    return doc


# Layout, not content: the code fences, emphasis, headings and quote marks of a chat
# answer in Markdown, and rules of dashes or underscores typed under a header.
_FENCE = re.compile(r"^\s*```")
_LAYOUT_MARKS = re.compile(r"\*\*|__|^[#>]|[-_=*~─—]{3}")
_MARKDOWN = re.compile(r"\*\*|(?<!_)__(?=[^\W_])|(?<=[^\W_])__(?!_)|^#{1,6}\s+|^>\s*")
# A rule typed beside a column ("CÔNG ĐOÀN CƠ SỞ A      _______") is layout, not content.
_RULE_CELL = re.compile(r"(?:(?<=\s\s)|(?<=\t)|^)[-_=*~─—]{3,}(?=\s\s|\t|$)")
_RULE = re.compile(r"^[-_=*~─—\s]*$")


def _clean_lines(text: str) -> list[str]:
    """Non-blank lines with Markdown emphasis, headings and code fences removed."""
    cleaned = []
    for raw in text.split("\n"):
        if _FENCE.match(raw):
            continue
        line = raw.strip()
        if _LAYOUT_MARKS.search(line):
            line = _RULE_CELL.sub("", _MARKDOWN.sub("", line)).strip()
        if line.startswith("|") and line.endswith("|"):
            line = line.strip("|").strip()
        if line and not _RULE.match(line):
            cleaned.append(line)
    return cleaned


# Header cells typed side by side: "LĐLĐ THÀNH PHỐ HUẾ      CỘNG HÒA XÃ HỘI ...".
_WIDE_GAP = re.compile(r"\s\s")
_CELL_SPLIT = re.compile(r"\t+|\s{2,}|\s*\|\s*")


def _cells(line: str) -> list[str]:
    """The column cells of a line typed side by side (tabs, 2+ spaces or ``|`` between)."""
    if "\t" not in line and "|" not in line and not _WIDE_GAP.search(line):
        return [] if _RULE.match(line) else [line]
    cells = [
        cell.strip() for cell in _CELL_SPLIT.split(line) if cell.strip() and not _RULE.match(cell)
    ]
    return _join_blank_number(cells)


_BLANK_NUMBER_HEAD = re.compile(r"(?i)^số\s*:?$")


def _join_blank_number(cells: list[str]) -> list[str]:
    """``Số:      /TB-CĐCS`` is one cell with the number left blank, not two columns."""
    joined: list[str] = []
    for cell in cells:
        if joined and cell.startswith("/") and _BLANK_NUMBER_HEAD.match(joined[-1]):
            joined[-1] = f"{joined[-1]} {cell}"
        else:
            joined.append(cell)
    return joined


def _find_title(lines: list[str]) -> int | None:
    """Index of the title: an uppercase line starting with a document type, or the type alone."""
    for index, line in enumerate(lines):
        match = _TITLE.match(line)
        if not match:
            continue
        if line == line.upper() or not match[2]:
            return index
    return None


def _header_end(lines: list[str]) -> int:
    """Without a title, the header ends after the last motto, number or date line near the top."""
    end = 0
    for index, line in enumerate(lines[:12]):
        kinds = {_classify_header_cell(cell) for cell in _cells(line)}
        if kinds & {"motto1", "motto2", "number", "place_date"}:
            end = index + 1
    return end


# "Số: 12/TB-CĐCS" and "Huế, ngày 20 tháng 4 năm 2026" in the header.
_NUMBER = re.compile(r"(?i)^số\b")
_PLACE_DATE = re.compile(r"(?i)^[^,]{1,60},\s*(?:ngày\b|\d{1,2}\s*[/.-]\s*\d)")


def _classify_header_cell(cell: str) -> str:
    folded = fold(cell)
    if "cong hoa xa hoi chu nghia viet nam" in folded:
        return "motto1"
    if "doc lap" in folded and "hanh phuc" in folded:
        return "motto2"
    if _NUMBER.match(cell):
        return "number"
    if _PLACE_DATE.match(cell):
        return "place_date"
    return "issuer"


def _read_header(lines: list[str], doc: Document) -> None:
    for line in lines:
        for cell in _cells(line):
            kind = _classify_header_cell(cell)
            if kind in ("motto1", "motto2"):
                doc.motto.append(cell)
            elif kind == "number" and doc.number is None:
                doc.number = cell
            elif kind == "place_date" and doc.place_date is None:
                doc.place_date = cell
            elif _ADDRESSEE.match(cell):
                doc.addressee.append(cell)
            elif _is_preamble(cell, doc):
                doc.preamble.append(cell)
            else:
                doc.issuer.append(cell)


_PREAMBLE_WORDS = 12  # a longer cell before the header is a sentence of the chat answer


def _is_preamble(cell: str, doc: Document) -> bool:
    """Chat answers open with a sentence ("Dưới đây là mẫu thông báo:") before the header."""
    if doc.issuer or doc.motto or doc.number or cell == cell.upper():
        return False
    return cell.endswith(":") or len(cell.split()) > _PREAMBLE_WORDS


def _read_title(lines: list[str], at: int, doc: Document) -> int:
    """Read the title and the one-line subject under it; return the index after them."""
    match = _TITLE.match(lines[at])
    doc.title = lines[at]
    if match and match[2]:
        doc.title = lines[at][: match.end(1)]
        doc.subject = match[2].strip()
        return at + 1
    nxt = at + 1
    if nxt < len(lines) and _looks_like_subject(lines[nxt]):
        doc.subject = lines[nxt]
        return nxt + 1
    return nxt


# The line under the title names the matter ("V/v tổ chức ..."), unless it opens the body.
_SUBJECT_START = re.compile(r"(?i)^(về\s+việc|v/v)\b")
_NOT_SUBJECT = re.compile(
    r"(?i)^(kính\s+gửi|căn\s+cứ|thực\s+hiện|hôm\s+nay|nhằm|[ivx]+\.|\d+[.)]|[-+•*])"
)
_SUBJECT_MAX_WORDS = 35


def _looks_like_subject(line: str) -> bool:
    if _SUBJECT_START.match(line):
        return True
    if _NOT_SUBJECT.match(line) or _AUTHORITY.match(line) or _RECIPIENTS.match(line):
        return False
    return not line.endswith((".", ":", ";")) and len(line.split()) <= _SUBJECT_MAX_WORDS


# "Kính gửi:" and the "- ...;" items of a list of addressees or recipients.
_ADDRESSEE = re.compile(r"(?i)^kính\s+gửi\b")
_ITEM = re.compile(r"^[-+•*]\s*")


def _read_addressee(lines: list[str], position: int, doc: Document) -> int:
    """``Kính gửi:`` and, for a list of addressees, the ``- ...;`` lines under it."""
    if position >= len(lines) or not _ADDRESSEE.match(lines[position]):
        return position
    doc.addressee.append(lines[position])
    position += 1
    while position < len(lines) and _ITEM.match(lines[position]):
        if not doc.addressee[-1].endswith((":", ";")):
            break
        doc.addressee.append(lines[position])
        position += 1
    return position


# Signature authority lines, right or wrong: "TM. BAN CHẤP HÀNH", "TM/BCH", "T/M BCH",
# "KT. CHỦ TỊCH".
_AUTHORITY = re.compile(
    r"(?i)^(?:T\s*[./]?\s*M|K\s*[./]?\s*T|TL|TUQ|Q)(?:\s*[./]\s*|\s+)"
    r"(?=.*(?:BAN|BCH|BTV|CHỦ\s+TỊCH|TRƯỞNG|CĐCS|CÔNG\s+ĐOÀN))"
)


def _is_authority(cell: str) -> bool:
    return len(cell) <= 60 and not cell.endswith((".", ";", ",")) and bool(_AUTHORITY.match(cell))


# The signer's position under the authority line ("CHỦ TỊCH", "PHÓ CHỦ TỊCH").
_POSITION = re.compile(
    r"(?i)^(?:(?:PHÓ\s+)?CHỦ\s+TỊCH|TRƯỞNG\s+BAN)(?:\s+[^\W\d_]+){0,4}$|^BAN CHẤP HÀNH$"
)
_POSITION_MAX = 40


def _is_position(cell: str) -> bool:
    return len(cell) <= _POSITION_MAX and bool(_POSITION.match(cell))


# "Nơi nhận:" (also typed "Noi nhan") opens the list of recipients at the foot.
_RECIPIENTS = re.compile(r"(?i)^n[ơo]i\s+nh[ậa]n\b\s*:?\s*")


def _find_footer(lines: list[str], start: int) -> int:
    """The footer starts at ``Nơi nhận`` or at the first signature line after the body."""
    for index in range(start, len(lines)):
        first = _cells(lines[index])[:1]
        for candidate in (lines[index], *first):
            if _RECIPIENTS.match(candidate) or _is_authority(candidate):
                return index
    return len(lines)


def _read_footer(lines: list[str], doc: Document) -> None:
    for line in lines:
        for cell in _cells(line):
            _read_footer_cell(cell, doc)


# "(Ký, ghi rõ họ tên, đóng dấu)": a note in the signature block.
_NOTE = re.compile(r"^\(.*\)$")


def _read_footer_cell(cell: str, doc: Document) -> None:
    heading = _RECIPIENTS.match(cell)
    if heading:
        doc.recipients_heading = cell[: heading.end()].strip()
        rest = cell[heading.end() :].strip()
        if rest:
            doc.recipients.append(rest)
    elif _ITEM.match(cell):
        # after the final "- Lưu: VT." item, dashes belong to whatever follows the
        # document (a chat answer's notes, the practice model's tips)
        finished = bool(doc.recipients) and doc.recipients[-1].endswith(".")
        (doc.trailing if finished else doc.recipients).append(cell)
    elif _is_authority(cell) or (_is_position(cell) and doc.signer is None):
        doc.signature.append(cell)
    elif _NOTE.match(cell):
        doc.signature_notes.append(cell)
    elif doc.signer is None and (doc.signature or _looks_like_name(cell)):
        doc.signer = cell
    elif doc.recipients_heading and not doc.signature and cell.endswith((";", ".")):
        doc.recipients.append(cell)
    else:
        doc.trailing.append(cell)


_NAME_WORDS = range(2, 8)


def _looks_like_name(cell: str) -> bool:
    """Two to seven capitalised words, letters only: ``Nguyễn Thị Hoa``, ``HỒ VĂN AN``."""
    words = cell.split()
    return len(words) in _NAME_WORDS and all(w.isalpha() and w[0].isupper() for w in words)


# The two signers of a biên bản (NĐ 30/2020, mẫu 1.9): the secretary and the chair.
_SIGNING_ROLES = (
    ("secretary", re.compile(r"(?i)^(?:THƯ\s+KÝ|NGƯỜI\s+GHI\s+BIÊN\s+BẢN)$")),
    ("chair", re.compile(r"(?i)^CHỦ\s+(?:TRÌ|TỌA|TOẠ)$")),
)


def signing_roles(line: str) -> list[str]:
    """The signers a signature line of a biên bản names, left to right.

    A cell counts only when it is the role alone (``THƯ KÝ``, ``CHỦ TRÌ``, ``CHỦ TỌA``),
    so a body line such as ``Thư ký: đồng chí ...`` names no signer.

    >>> signing_roles("THƯ KÝ          CHỦ TRÌ")
    ['secretary', 'chair']
    """
    roles = []
    for cell in _cells(line):
        for role, pattern in _SIGNING_ROLES:
            if pattern.match(cell):
                roles.append(role)
    return roles


def as_document(value: object) -> Document:
    """A parsed document from text, a :class:`Document` or an ``ask()`` reply.

    A practice-model reply is read without its closing tips, which advise the trainee
    and are no part of the document. Anything else is a trainee error.
    """
    if isinstance(value, Document):
        return value
    value = draft_text(value)
    if isinstance(value, str):
        return parse(value)
    raise InputError(msg("documents.input.not_text", type=type(value).__name__))
