"""Word export and import for union documents, laid out as Nghị định 30/2020 describes.

Trainees draft with an AI tool, check the text, then need a ``.docx`` their office can
print and sign. :func:`to_docx` writes the parts of a parsed document into that layout;
:func:`from_docx` reads any ``.docx`` back into plain lines (tables cell by cell, left
column before right), so a Word file a trainee brings can be checked too, and
``check(from_docx(to_docx(text, p)), kind)`` fails the same codes as ``check(text, kind)``.

Layout: A4, margins top/bottom 20 mm, left 30 mm, right 15 mm; Times New Roman (also
for East Asian and complex scripts, or Word substitutes another font for Vietnamese)
14 pt; a borderless two-column header table (bodies and number left, motto and
italic place/date right); bold title and summary; justified body with a 1.27 cm
first-line indent; a footer table with ``Nơi nhận:`` (bold italic, smaller) left and
the bold uppercase signature block right. A biên bản's two signatures (``THƯ KÝ`` and
``CHỦ TRÌ``) go side by side in a borderless table above the footer. python-docx is
imported only when used.
"""

from __future__ import annotations

import errno
import math
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import InputError
from ..files import ensure_folder
from ..i18n import msg
from .parse import _NOTE, Document, _cells, as_document, signing_roles

if TYPE_CHECKING:  # pragma: no cover
    from docx.table import _Cell

__all__ = ["FONT_NAME", "FONT_SIZE", "MARGINS_MM", "from_docx", "to_docx"]

FONT_NAME = "Times New Roman"
FONT_SIZE = 14
HEADER_SIZE = 13
#: The national motto's first line at 12 pt fits the right column on one line (NĐ 30: 12-13).
MOTTO_SIZE = 12
RECIPIENTS_HEADING_SIZE = 12
RECIPIENTS_SIZE = 11
FIRST_LINE_INDENT_CM = 1.27
MARGINS_MM = {"top": 20, "bottom": 20, "left": 30, "right": 15}
PAGE_MM = (210, 297)
_LEFT_COLUMN_MM = 64
_RIGHT_COLUMN_MM = PAGE_MM[0] - MARGINS_MM["left"] - MARGINS_MM["right"] - _LEFT_COLUMN_MM
_SIGNING_SPACE = 3  # empty paragraphs left for the handwritten signature and stamp
_SECTION_HEADING = re.compile(r"^(?:[IVX]+\.|[A-ZĐ]\.)\s")


def to_docx(text_or_document: str | Document, path: str | os.PathLike[str]) -> Path:
    """Write the document to a ``.docx`` file at ``path`` and return the path.

    An answer from :func:`congdoan.ask` (a ``Reply``) is accepted as well; like
    :func:`congdoan.check`, the practice model's closing tips are left out of the file.

    >>> to_docx(text, "thong-bao.docx")  # doctest: +SKIP
    PosixPath('thong-bao.docx')

    **Parameters:** * **text_or_document** – the text, or a :class:`Document` from
    :func:`parse` * **path** – where to write; the folder must exist and the name end in
    ``.docx``. Bad paths raise :class:`~congdoan.errors.InputError` with the reason.
    """
    target = _target_path(path)
    doc = as_document(text_or_document)
    word = _build(doc)
    try:
        word.save(str(target))
    except OSError as exc:
        raise InputError(
            msg("documents.docx.unwritable", path=target, reason=_reason(exc))
        ) from None
    return target


def from_docx(path: str | os.PathLike[str]) -> str:
    """The text of a ``.docx`` file, one line per paragraph, tables cell by cell.

    Empty paragraphs are skipped; soft line breaks inside a paragraph start a new line.
    """
    source = _source_path(path)
    from docx import Document as open_word

    try:
        word = open_word(str(source))
    except Exception:  # python-docx raises several types for a file that is not .docx
        raise InputError(msg("documents.docx.not_docx", path=source)) from None
    lines: list[str] = []
    for block in _blocks(word):
        lines.extend(line.strip() for line in block.split("\n") if line.strip())
    return "\n".join(lines)


# --------------------------------------------------------------------------- paths


def _as_path(path: object) -> Path:
    if isinstance(path, bool) or not isinstance(path, (str, os.PathLike)):
        raise InputError(msg("documents.docx.not_path", type=type(path).__name__))
    return Path(os.fspath(path)).expanduser()


def _target_path(path: object) -> Path:
    target = _as_path(path)
    if target.suffix.lower() != ".docx":
        raise InputError(msg("documents.docx.bad_suffix", path=target))
    ensure_folder(target)
    if target.is_dir():
        reason = msg("documents.docx.reason.directory")
        raise InputError(msg("documents.docx.unwritable", path=target, reason=reason))
    return target


def _source_path(path: object) -> Path:
    source = _as_path(path)
    if not source.is_file():
        raise InputError(msg("documents.docx.missing", path=source))
    return source


def _reason(exc: OSError) -> str:
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return msg("documents.docx.reason.permission")
    if exc.errno == errno.EISDIR:
        return msg("documents.docx.reason.directory")
    if exc.errno == errno.ENOSPC:
        return msg("documents.docx.reason.no_space")
    return msg("documents.docx.reason.other")


# --------------------------------------------------------------------------- reading


def _blocks(word: Any) -> list[str]:
    """Paragraph texts in reading order: body paragraphs, and table cells row by row."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    texts: list[str] = []
    for child in word.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            texts.append(Paragraph(child, word).text)
        elif tag == "tbl":
            texts.extend(_table_texts(Table(child, word)))
    return texts


def _table_texts(table: Any) -> list[str]:
    texts: list[str] = []
    seen: list[Any] = []  # the elements themselves: keeping them alive keeps identity stable
    for row in table.rows:
        for cell in row.cells:
            if any(cell._tc is element for element in seen):
                continue  # a merged cell appears once per grid column it spans
            seen.append(cell._tc)
            texts.extend(paragraph.text for paragraph in cell.paragraphs)
            for inner in cell.tables:
                texts.extend(_table_texts(inner))
    return texts


# --------------------------------------------------------------------------- writing


def _build(doc: Document) -> Any:
    from docx import Document as new_word

    word = new_word()
    _setup_page(word)
    _setup_styles(word)
    body = word.element.body
    for paragraph in list(word.paragraphs):  # the template's empty first paragraph
        body.remove(paragraph._p)
    for line in doc.preamble:
        _paragraph(word, line)
    _header(word, doc)
    _title(word, doc)
    body, signers = _split_signers(doc.body)
    for line in body:
        _body_paragraph(word, line)
    _dual_signature(word, signers)
    _footer(word, doc)
    for line in doc.trailing:
        _paragraph(word, line)
    return word


def _setup_page(word: Any) -> None:
    section = word.sections[0]
    section.page_width, section.page_height = _twips(PAGE_MM[0]), _twips(PAGE_MM[1])
    section.top_margin = _twips(MARGINS_MM["top"])
    section.bottom_margin = _twips(MARGINS_MM["bottom"])
    section.left_margin = _twips(MARGINS_MM["left"])
    section.right_margin = _twips(MARGINS_MM["right"])


def _twips(mm: float) -> Any:
    """Millimetres rounded up to Word's twips, so 15 mm never reads back as 14.99 mm."""
    from docx.shared import Twips

    return Twips(math.ceil(mm * 1440 / 25.4))


def _setup_styles(word: Any) -> None:
    from docx.shared import Pt

    normal = word.styles["Normal"]
    normal.font.name = FONT_NAME
    normal.font.size = Pt(FONT_SIZE)
    _all_scripts(normal.element.get_or_add_rPr())
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.line_spacing = 1.0


def _all_scripts(rpr: Any) -> None:
    """Name the font for every script slot and mark the text as Vietnamese.

    Word picks the East Asian or complex-script slot for some Vietnamese letters; with
    only ``w:ascii`` set it silently falls back to another font for them.
    """
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(slot), FONT_NAME)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), "vi-VN")


def _run(paragraph: Any, text: str, *, size: int = FONT_SIZE, bold=False, italic=False) -> Any:
    from docx.shared import Pt

    run = paragraph.add_run(text)
    run.font.name = FONT_NAME
    run.font.size = Pt(size)
    run.bold, run.italic = bold, italic
    _all_scripts(run._r.get_or_add_rPr())
    return run


def _paragraph(container: Any, text: str, *, align: str = "left", **style: Any) -> Any:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    paragraph = container.add_paragraph()
    paragraph.alignment = getattr(WD_ALIGN_PARAGRAPH, align.upper())
    if text:
        _run(paragraph, text, **style)
    return paragraph


def _drop_template_paragraph(cell: _Cell) -> None:
    """A new cell holds one empty paragraph; remove it once the cell has real content."""
    paragraphs = cell.paragraphs
    if len(paragraphs) > 1 and not paragraphs[0].runs:
        cell._tc.remove(paragraphs[0]._p)


def _short_rule(cell: _Cell) -> None:
    """A short line under the body name and the motto, drawn as a paragraph border."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    paragraph = _paragraph(cell, "", align="center", size=4)
    width = cell.width.mm if cell.width else _LEFT_COLUMN_MM
    paragraph.paragraph_format.left_indent = Mm(width * 0.3)
    paragraph.paragraph_format.right_indent = Mm(width * 0.3)
    paragraph.paragraph_format.space_after = Pt(6)
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for name, value in (
        ("w:val", "single"),
        ("w:sz", "6"),
        ("w:space", "1"),
        ("w:color", "000000"),
    ):
        bottom.set(qn(name), value)
    borders.append(bottom)
    paragraph._p.get_or_add_pPr().append(borders)


def _two_columns(word: Any) -> tuple[_Cell, _Cell]:
    """A one-row, borderless table: the layout NĐ 30 uses for header and footer."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm

    table = word.add_table(rows=1, cols=2)
    table.autofit = False
    properties = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    properties.append(borders)
    left, right = table.rows[0].cells
    for cell, width in ((left, _LEFT_COLUMN_MM), (right, _RIGHT_COLUMN_MM)):
        cell.width = Mm(width)
    for column, width in zip(table.columns, (_LEFT_COLUMN_MM, _RIGHT_COLUMN_MM), strict=True):
        column.width = Mm(width)
    return left, right


def _header(word: Any, doc: Document) -> None:
    if not (doc.issuer or doc.number or doc.motto or doc.place_date):
        return
    left, right = _two_columns(word)
    for index, line in enumerate(doc.issuer):
        superior = index == 0 and len(doc.issuer) > 1
        _paragraph(left, line, align="center", size=HEADER_SIZE, bold=not superior)
    if doc.issuer:
        _short_rule(left)
    if doc.number:
        _paragraph(left, doc.number, align="center", size=HEADER_SIZE)
    for index, line in enumerate(doc.motto):
        size = MOTTO_SIZE if index == 0 else FONT_SIZE
        _paragraph(right, line, align="center", size=size, bold=True)
    if doc.motto:
        _short_rule(right)
    if doc.place_date:
        _paragraph(right, doc.place_date, align="center", italic=True)
    _drop_template_paragraph(left)
    _drop_template_paragraph(right)
    _paragraph(word, "")


def _title(word: Any, doc: Document) -> None:
    from docx.shared import Pt

    if doc.title:
        _paragraph(word, doc.title, align="center", bold=True)
    if doc.subject:
        _paragraph(word, doc.subject, align="center", bold=True)
    for line in doc.addressee:
        paragraph = _paragraph(word, line, align="center")
        paragraph.paragraph_format.space_before = Pt(6)
    if doc.title or doc.subject or doc.addressee:
        _paragraph(word, "")


def _body_paragraph(word: Any, line: str) -> None:
    from docx.shared import Cm, Pt

    heading = bool(_SECTION_HEADING.match(line)) and line == line.upper()
    paragraph = _paragraph(word, line, align="justify", bold=heading)
    paragraph.paragraph_format.first_line_indent = Cm(FIRST_LINE_INDENT_CM)
    paragraph.paragraph_format.space_after = Pt(6)
    paragraph.paragraph_format.line_spacing = 1.15


def _footer(word: Any, doc: Document) -> None:
    if not (doc.recipients_heading or doc.recipients or doc.signature or doc.signer):
        return
    _paragraph(word, "")
    left, right = _two_columns(word)
    if doc.recipients_heading:
        _paragraph(
            left, doc.recipients_heading, size=RECIPIENTS_HEADING_SIZE, bold=True, italic=True
        )
    for item in doc.recipients:
        _paragraph(left, item, size=RECIPIENTS_SIZE)
    for line in doc.signature:
        _paragraph(right, line, align="center", bold=True)
    for note in doc.signature_notes:
        _paragraph(right, note, align="center", italic=True)
    if doc.signer:
        for _ in range(_SIGNING_SPACE):
            _paragraph(right, "", align="center")
        _paragraph(right, doc.signer, align="center", bold=True)
    _drop_template_paragraph(left)
    _drop_template_paragraph(right)


def _split_signers(body: list[str]) -> tuple[list[str], list[str]]:
    """A biên bản ends its body with the two signers' lines: split them off."""
    for index, line in enumerate(body):
        if signing_roles(line):
            return body[:index], body[index:]
    return body, []


def _dual_signature(word: Any, lines: list[str]) -> None:
    """``THƯ KÝ`` left and ``CHỦ TRÌ`` right, each with room to sign and the name below.

    The lines may come side by side (``THƯ KÝ      CHỦ TRÌ``) or one signer after the other.
    """
    if not lines:
        return
    columns: list[list[tuple[str, str]]] = [[], []]  # (kind, text) per column
    pending: list[int] = []
    for line in lines:
        cells = _cells(line)
        if signing_roles(line):
            start = 0 if len(cells) > 1 or not columns[0] else 1
            pending = []
            for offset, cell in enumerate(cells[:2]):
                column = min(start + offset, 1)
                columns[column].append(("role", cell))
                pending.append(column)
            continue
        if len(cells) > 1 and len(cells) == len(pending):
            targets = pending
        else:
            targets = pending[:1] or [1]
            cells = [" ".join(cells)]
        for column, cell in zip(targets, cells, strict=False):
            kind = "note" if _NOTE.match(cell) else "name"
            columns[column].append((kind, cell))
    from docx.shared import Mm

    _paragraph(word, "")
    cells = _two_columns(word)
    half = Mm((_LEFT_COLUMN_MM + _RIGHT_COLUMN_MM) / 2)
    table = word.tables[-1]
    for cell, column in zip(cells, table.columns, strict=True):
        cell.width = column.width = half
    for cell, entries in zip(cells, columns, strict=True):
        for kind, text in entries:
            if kind == "name":
                for _ in range(_SIGNING_SPACE):
                    _paragraph(cell, "", align="center")
            _paragraph(cell, text, align="center", bold=kind != "note", italic=kind == "note")
        _drop_template_paragraph(cell)
