"""Union documents: parse, check against the layout rules, and export to Word.

>>> from congdoan.documents import check
>>> report = check(text, "notice")  # doctest: +SKIP
>>> report.failed_codes  # doctest: +SKIP
['place_date', 'signature']

Kinds: ``notice`` (thông báo), ``invitation`` (giấy mời), ``plan`` (kế hoạch) and
``report`` (báo cáo). See :mod:`congdoan.documents.checks` for the check codes and the
decisions behind them.
"""

from .checks import KINDS, REGISTRY, check, resolve_kind
from .docx import from_docx, to_docx
from .parse import TITLES, Document, parse

__all__ = [
    "KINDS",
    "REGISTRY",
    "TITLES",
    "Document",
    "check",
    "from_docx",
    "parse",
    "resolve_kind",
    "to_docx",
]
