"""QR codes for union work: a registration form, a Zalo group, the office's contact card.

Printed on a notice board or an invitation, a QR code must scan at the size it is
printed. :func:`qr_code` therefore takes the printed size in centimetres and the
printer's resolution, keeps the standard quiet zone (4 modules of white around the
code) and writes a PNG of exactly ``size_cm / 2.54 * dpi`` pixels (with that DPI stored
in the file, so "actual size" printing gives the right size) or an SVG sized in
millimetres. Error correction is ``M`` (15 % of the code may be damaged) by default;
``Q`` (25 %) suits codes printed on paper that gets folded or stained.

>>> form_qr("https://forms.gle/AbCdEf123", "dang_ky.png")  # doctest: +SKIP
PosixPath('dang_ky.png')
"""

from __future__ import annotations

import inspect
import math
import os
import re
from functools import cache
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

from .errors import InputError
from .files import ensure_folder
from .i18n import msg
from .text import nfc

__all__ = [
    "ERROR_LEVELS",
    "QUIET_ZONE",
    "form_qr",
    "make",
    "qr_code",
    "vcard",
    "vcard_qr",
    "zalo_group_qr",
]

ERROR_LEVELS = ("L", "M", "Q", "H")
QUIET_ZONE = 4  # modules of white around the code, as ISO/IEC 18004 asks
Kind = Literal["png", "svg"]
_MIN_CM, _MAX_CM = 1.0, 50.0
_ZALO_GROUP = re.compile(r"^/g/[A-Za-z0-9_-]{4,}/?$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$")


def make(data: str, *, error: str = "M"):
    """The ``segno.QRCode`` for ``data`` (UTF-8, never a Micro QR, error level as asked)."""
    import segno

    level = _error_level(error)
    return segno.make(data, error=level, micro=False, boost_error=False, encoding="utf-8")


def _error_level(error: object) -> str:
    level = str(error).upper()
    if level not in ERROR_LEVELS:
        raise InputError(msg("qr.input.bad_error", error=error, valid=", ".join(ERROR_LEVELS)))
    return level


def qr_code(
    data: str,
    path: str | os.PathLike[str],
    *,
    size_cm: float = 4,
    dpi: int = 300,
    kind: Kind | None = None,
    error: str = "M",
) -> Path:
    """Write a QR code holding ``data`` to ``path`` and return the path.

    **Parameters:** * **size_cm** – printed width and height, quiet zone included (1-50)
    * **dpi** – printer resolution for PNG (72-1200) * **kind** – ``"png"`` or ``"svg"``;
    taken from the file name when not given * **error** – error correction ``L``, ``M``,
    ``Q`` or ``H``.
    """
    if not isinstance(data, str) or not data.strip():
        raise InputError(msg("qr.input.empty"))
    target, kind = _target(path, kind)
    size_cm = _size(size_cm)
    if not isinstance(dpi, int) or isinstance(dpi, bool) or not 72 <= dpi <= 1200:
        raise InputError(msg("qr.input.bad_dpi", dpi=dpi))
    code = make(nfc(data), error=error)
    try:
        if kind == "svg":
            modules = code.symbol_size(border=QUIET_ZONE)[0]
            code.save(
                str(target), kind="svg", scale=size_cm * 10 / modules, unit="mm", border=QUIET_ZONE
            )
        else:
            _save_png(code, target, pixels_for(size_cm, dpi), dpi)
    except OSError as exc:
        raise InputError(
            msg("qr.input.unwritable", path=target, reason=exc.strerror or exc)
        ) from None
    return target


def pixels_for(size_cm: float, dpi: int) -> int:
    """The pixel width of a ``size_cm`` square printed at ``dpi``: ``4 cm`` at 300 dpi → 472."""
    return round(size_cm / 2.54 * dpi)


def _save_png(code, target: Path, pixels: int, dpi: int) -> None:
    """Render with whole pixels per module, then resize (nearest) to the exact pixel size."""
    import io

    from PIL import Image

    modules = code.symbol_size(border=QUIET_ZONE)[0]
    scale = max(1, math.ceil(pixels / modules))
    buffer = io.BytesIO()
    code.save(buffer, kind="png", scale=scale, border=QUIET_ZONE)
    buffer.seek(0)
    with Image.open(buffer) as image:
        image = image.convert("L")
        if image.size != (pixels, pixels):
            image = image.resize((pixels, pixels), Image.Resampling.NEAREST)
        image.save(target, format="PNG", dpi=(dpi, dpi))


def _target(path: object, kind: str | None) -> tuple[Path, Kind]:
    if not isinstance(path, (str, os.PathLike)):
        raise InputError(msg("qr.input.not_path", type=type(path).__name__))
    target = Path(path)
    suffix = target.suffix.lower().lstrip(".")
    chosen = (kind or suffix or "png").lower()
    if chosen not in ("png", "svg"):
        raise InputError(msg("qr.input.bad_kind", kind=chosen))
    if not target.suffix:
        target = target.with_suffix("." + chosen)
    elif suffix != chosen:
        raise InputError(msg("qr.input.suffix_mismatch", path=target, kind=chosen))
    ensure_folder(target)
    return target, chosen  # type: ignore[return-value]


def _size(size_cm: object) -> float:
    if isinstance(size_cm, bool) or not isinstance(size_cm, (int, float)):
        raise InputError(msg("qr.input.bad_size", size=size_cm, low=_MIN_CM, high=_MAX_CM))
    if not _MIN_CM <= float(size_cm) <= _MAX_CM:
        raise InputError(msg("qr.input.bad_size", size=size_cm, low=_MIN_CM, high=_MAX_CM))
    return float(size_cm)


# --------------------------------------------------------------------------- links


def check_url(url: object) -> str:
    """``url`` trimmed, when it is a full ``http(s)://`` address with a host name."""
    if not isinstance(url, str) or not url.strip():
        raise InputError(msg("qr.input.bad_url", url=url))
    url = url.strip()
    if re.match(r"^[\w.-]+\.[a-z]{2,}/", url, re.IGNORECASE):
        url = "https://" + url  # "forms.gle/abc" typed without the scheme
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or "." not in parts.netloc or " " in url:
        raise InputError(msg("qr.input.bad_url", url=url))
    return url


def form_qr(url: str, path: str | os.PathLike[str], **options) -> Path:
    """A QR code opening an online form (Google Forms, Microsoft Forms...).

    >>> form_qr("https://forms.gle/AbCdEf123", "dang_ky.png")  # doctest: +SKIP
    """
    return qr_code(check_url(url), path, **options)


def zalo_group_qr(link: str, path: str | os.PathLike[str], **options) -> Path:
    """A QR code for a Zalo group invitation link (``https://zalo.me/g/...``)."""
    try:
        url = check_url(link)
    except InputError:
        raise InputError(msg("qr.input.bad_zalo", link=link)) from None
    parts = urlsplit(url)
    if parts.netloc.lower() not in ("zalo.me", "www.zalo.me") or not _ZALO_GROUP.match(parts.path):
        raise InputError(msg("qr.input.bad_zalo", link=link))
    return qr_code(f"https://zalo.me{parts.path.rstrip('/')}", path, **options)


# --------------------------------------------------------------------------- contact card


def _escape(value: str) -> str:
    value = nfc(value).strip().replace("\\", "\\\\")
    return value.replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n")


def vcard(
    name: str,
    organisation: str,
    phone: str,
    email: str | None = None,
    address: str | None = None,
    *,
    title: str | None = None,
    url: str | None = None,
) -> str:
    """The vCard 3.0 text for a contact card (lines end in CRLF, text in UTF-8).

    The phone is stored in international form (``+84905123456``); Vietnamese names are
    split family name first (``Nguyễn`` / ``Văn An``).
    """
    from .forms import normalise_phone  # pandas is only loaded when a card is made

    for label, value in (("name", name), ("organisation", organisation)):
        if not isinstance(value, str) or not value.strip():
            raise InputError(msg("qr.input.missing_field", field=msg(f"qr.field.{label}")))
    local = normalise_phone(phone)
    if local is None:
        raise InputError(msg("qr.input.bad_phone", phone=phone))
    words = nfc(name).split()
    family, given = words[0], " ".join(words[1:])
    lines = [
        "BEGIN:VCARD",
        "VERSION:3.0",
        f"N:{_escape(family)};{_escape(given)};;;",
        f"FN:{_escape(name)}",
        f"ORG:{_escape(organisation)}",
    ]
    if title:
        lines.append(f"TITLE:{_escape(title)}")
    lines.append(f"TEL;TYPE=WORK,VOICE:+84{local[1:]}")
    if email is not None:
        if not isinstance(email, str) or not _EMAIL.match(email.strip()):
            raise InputError(msg("qr.input.bad_email", email=email))
        lines.append(f"EMAIL;TYPE=INTERNET,WORK:{email.strip()}")
    if address:
        lines.append(f"ADR;TYPE=WORK:;;{_escape(address)};;;;")
    if url:
        lines.append(f"URL:{check_url(url)}")
    lines.append("END:VCARD")
    return "\r\n".join(lines) + "\r\n"


def vcard_qr(*contact: str | None, path: str | os.PathLike[str], **options) -> Path:
    """A QR code that saves the union office's contact in the phone's address book.

    >>> vcard_qr("Văn phòng Công đoàn", "CĐCS Công ty May Hương Giang", "0234 3822 123",
    ...          path="lien_he.png")  # doctest: +SKIP

    The card takes exactly what :func:`vcard` takes (``contact`` in its order, and its
    keywords ``email``, ``address``, ``title``, ``url``...): the fields are listed there
    once. Every other keyword is :func:`qr_code`'s (``size_cm``, ``dpi``, ``error``).
    """
    card = {name: options.pop(name) for name in _vcard_fields() if name in options}
    return qr_code(vcard(*contact, **card), path, **options)


@cache
def _vcard_fields() -> tuple[str, ...]:
    """The names :func:`vcard` takes, for telling card fields from QR options."""
    return tuple(inspect.signature(vcard).parameters)
