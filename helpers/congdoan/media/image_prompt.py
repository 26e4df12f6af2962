"""Check a prompt for an AI image tool before a trainee pastes it into ChatGPT or Gemini.

A good image prompt names the subject, the style, the exact words to show (or says
there are none), the aspect ratio of the channel it is for and the main colours, and
names no real member. Every rule works on text typed with or without diacritics.

>>> report = check_image_prompt(
...     "Tranh cổ động phong cách minh họa phẳng: nhóm công nhân tươi cười trước nhà "
...     "máy, màu đỏ và vàng, tỉ lệ 4:5, dòng chữ “Tháng Công nhân 2026”.",
...     channel="facebook",
... )
>>> report.ok, report.failed_codes
(True, [])
"""

from __future__ import annotations

import re

from ..errors import InputError
from ..i18n import msg
from ..pasted import placeholder_item
from ..report import ERROR, WARNING, Item, Report
from ..text import fold_aligned, nfc, strip_diacritics
from .channels import CHANNELS, Channel, get_channel

__all__ = ["MAX_IMAGE_TEXT_WORDS", "check_image_prompt", "quoted_text"]

#: Words on an image beyond this are hard to read on a phone and often misspelt by AI.
MAX_IMAGE_TEXT_WORDS = 8
#: How close a stated ratio must be to the channel's (relative difference).
_RATIO_TOLERANCE = 0.04


def _words(*items: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(items) + r")\b")


_SUBJECT = _words(
    r"cong nhan", r"nguoi lao dong", r"doan vien", r"can bo", r"cong doan vien",
    r"nhom", r"tap the", r"nguoi", r"gia dinh", r"tre em", r"ban tay", r"nu cuoi",
    r"nha may", r"nha xuong", r"xuong", r"cong truong", r"hoi truong", r"san khau",
    r"van phong", r"co do", r"co to quoc", r"hoa mai", r"hoa dao", r"bo hoa", r"banh chung",
    r"qua tet", r"phan qua", r"mu bao ho", r"ao phan quang", r"bang ron", r"bieu tuong",
    r"trai tim", r"chim bo cau", r"cho tet", r"bua com", r"mai nha", r"may khau",
    r"worker\w*", r"people", r"factory", r"team", r"hands?",
)  # fmt: skip
_STYLE = _words(
    r"anh chup", r"chup", r"chan thuc", r"tranh co dong", r"co dong", r"minh hoa",
    r"phang", r"flat", r"hoat hinh", r"3d", r"mau nuoc", r"ve tay", r"vector", r"do hoa",
    r"tranh ve", r"son dau", r"toi gian", r"hien dai", r"co dien", r"vintage",
    r"phong cach", r"photo\w*", r"realistic", r"illustration", r"cartoon", r"cat giay",
    r"khac go", r"tranh dong ho", r"watercolou?r", r"minimalist",
)  # fmt: skip
_TEXT_WORDS = _words(
    r"chu",
    r"dong chu",
    r"khau hieu",
    r"tieu de",
    r"slogan",
    r"text",
    r"ghi",
    r"caption",
)
_NO_TEXT = _words(
    r"khong (?:co |kem |ghi )?chu", r"khong co dong chu", r"no text", r"without text",
    r"khong viet chu", r"de trong cho chu", r"cho trong de (?:them|ghi) chu",
)  # fmt: skip
_COLOUR = _words(
    r"tong (?:mau|do|vang|xanh|am|lanh|sang|toi|nong)",
    r"gam mau",
    r"pastel",
    r"xanh",
    r"colou?rs?",
    r"red",
    r"yellow",
    r"blue",
    r"green",
    r"gold\w*",
)
_COLOUR_MARKED = re.compile(r"\b(?:màu|đỏ|vàng|trắng|đen|cam|tím|hồng|nâu|xám|bạc)\b")
# "mau" without marks is "màu" (colour) only in text typed without diacritics; with
# them it may be "máu" (blood: hiến máu) or "mẫu" (template).
_COLOUR_PLAIN = _words(r"mau")
_QUOTED = re.compile(r"“([^”\n]{1,200})”|\"([^\"\n]{1,200})\"|«([^»\n]{1,200})»|„([^“\n]{1,200})“")
_RATIO = re.compile(
    r"(?<![\d.,])(1[.,]91\s*:\s*1|(?:1|2|3|4|5|9|16|21)\s*:\s*(?:1|2|3|4|5|9|16))(?![\d])"
    r"|(?<!\d)(\d{3,4})\s*[x×]\s*(\d{3,4})(?!\d)"
)
_ORIENTATION = _words(
    r"(?:khung|anh|hinh|chieu|kho|dinh dang|video|poster|tranh|bo cuc) (?:hinh )?"
    r"(?:doc|ngang|vuong)",
    r"vertical", r"portrait", r"landscape", r"square", r"vuong",
)  # fmt: skip
_CHANNEL_WORDS = (
    ("story", _words(r"tiktok", r"reels?", r"shorts", r"story", r"stories")),
    ("youtube", _words(r"youtube")),
    ("zalo", _words(r"zalo")),
    ("facebook", _words(r"facebook", r"fanpage", r"fb")),
)
_REAL_FACE = re.compile(
    r"(?i:chan dung|khuon mat|guong mat|anh that|hinh that|anh the)\s+(?i:cua\s+)?"
    r"(?i:chi|anh|ong|ba|dong chi|d/c|co|chu|em|bac)\s+[A-Z]"
)


def check_image_prompt(text: str, channel: str | None = None) -> Report:
    """Check an image prompt; ``channel`` (``"facebook"``, ``"tiktok"``...) sets the ratio.

    Codes: ``subject``, ``style``, ``text``, ``aspect_ratio``, ``colours``, ``privacy``,
    ``placeholder`` (a ``[bổ sung: ...]`` left in the prompt always fails).
    Without ``channel``, the channel named in the prompt (TikTok, Zalo...) is used.
    """
    if not isinstance(text, str):
        raise InputError(msg("media.input.not_text", kind=type(text).__name__))
    target = get_channel(channel) if channel is not None else None
    original = nfc(text)
    folded = fold_aligned(original)
    # the words to print on the image say nothing about its subject, style or colours
    bare, bare_folded = _without_quotes(original), _without_quotes(folded)
    return Report(
        "image_prompt",
        [
            _subject(bare, bare_folded),
            _style(bare, bare_folded),
            _text(original, folded),
            _aspect_ratio(bare, bare_folded, target or _named_channel(bare_folded)),
            _colours(bare, bare_folded),
            _privacy(original),
            placeholder_item(original),
        ],
    )


def quoted_text(text: str) -> list[str]:
    """The words a prompt puts in quotes, i.e. what should appear on the image."""
    return [next(g for g in m.groups() if g).strip() for m in _QUOTED.finditer(nfc(text))]


def _without_quotes(text: str) -> str:
    """``text`` with quoted passages blanked out (same length, so positions still match)."""
    return _QUOTED.sub(lambda m: " " * len(m.group(0)), text)


# -- one function per check ------------------------------------------------------------
def _found(original: str, folded: str, match: re.Match[str], *, phrase: bool = False) -> str:
    """The matched words as the trainee wrote them (with their diacritics).

    With ``phrase``, the words that follow up to the next punctuation are included
    (``màu`` → ``màu đỏ và vàng``), at most 50 characters.
    """
    source = original if len(original) == len(folded) else folded
    end = match.end()
    if phrase:
        stop = re.search(r"[,.;:!?\n()“”\"]", source[end : end + 50])
        if stop:
            end += stop.start()
        elif end + 50 < len(source):  # cut at the last whole word, never inside one
            end += max(0, source[end : end + 50].rfind(" "))
        else:
            end = len(source)
    return source[match.start() : end].strip()


def _subject(original: str, folded: str) -> Item:
    labelled = _after_label(_SUBJECT_LABEL, original, folded)
    if labelled:
        return Item("subject", True, msg("media.image.subject_ok", found=labelled))
    match = _SUBJECT.search(folded)
    if match:
        found = _found(original, folded, match, phrase=True)
        return Item("subject", True, msg("media.image.subject_ok", found=found))
    return Item(
        "subject", False, msg("media.image.subject_missing"), msg("media.image.subject_hint")
    )


# "Phong cách: tranh minh họa phẳng", "Chủ thể: một nữ nhân viên y tế": the feedback
# quotes what follows the label, not the label itself.
_STYLE_LABEL = re.compile(r"\b(?:phong cach|style)\s*:\s*(?=\S)")
_SUBJECT_LABEL = re.compile(r"\b(?:chu the|nhan vat chinh|subject)\s*:\s*(?=\S)")


def _after_label(label: re.Pattern[str], original: str, folded: str) -> str | None:
    found = label.search(folded)
    if found is None:
        return None
    return _found(original, folded, re.compile(r"\S+").match(folded, found.end()), phrase=True)


def _style(original: str, folded: str) -> Item:
    labelled = _after_label(_STYLE_LABEL, original, folded)
    match = _STYLE.search(folded)
    if labelled and match:
        return Item("style", True, msg("media.image.style_ok", found=labelled))
    if match:
        found = _found(original, folded, match)
        return Item("style", True, msg("media.image.style_ok", found=found))
    return Item("style", False, msg("media.image.style_missing"), msg("media.image.style_hint"))


def _text(original: str, folded: str) -> Item:
    quotes = quoted_text(original)
    hint = msg("media.image.text_hint")
    if quotes:
        longest = max(quotes, key=lambda q: len(q.split()))
        words = len(longest.split())
        if words > MAX_IMAGE_TEXT_WORDS:
            message = msg(
                "media.image.text_long", words=words, limit=MAX_IMAGE_TEXT_WORDS, text=longest
            )
            return Item("text", False, message, hint, WARNING)
        shown = "; ".join(f"“{q}”" for q in quotes)
        message = msg("media.image.text_ok", text=shown)
        if any(strip_diacritics(q) != q for q in quotes):
            message += " " + msg("media.image.text_diacritics")
        return Item("text", True, message, hint, WARNING)
    if _NO_TEXT.search(folded):
        return Item("text", True, msg("media.image.text_none"), hint, WARNING)
    if _TEXT_WORDS.search(folded):
        return Item("text", False, msg("media.image.text_unquoted"), hint, WARNING)
    return Item("text", False, msg("media.image.text_unsaid"), hint, WARNING)


def _named_channel(folded: str) -> Channel | None:
    for channel_id, pattern in _CHANNEL_WORDS:
        if pattern.search(folded):
            return CHANNELS[channel_id]
    return None


def _stated_ratios(original: str, folded: str) -> list[tuple[str, float, bool]]:
    """Ratios written as ``4:5`` or ``1080x1350`` (exact), or words such as ``khung dọc``."""
    found: list[tuple[str, float, bool]] = []
    for match in _RATIO.finditer(folded):
        if match.group(1):
            left, right = re.split(r"\s*:\s*", match.group(1).replace(",", "."))
            found.append((match.group(1), float(left) / float(right), True))
        elif int(match.group(3)) > 0:
            found.append((match.group(0), int(match.group(2)) / int(match.group(3)), True))
    for match in _ORIENTATION.finditer(folded):
        word = match.group(0)
        value = 1.0 if re.search(r"vuong|square", word) else None
        if value is None:
            value = 9 / 16 if re.search(r"doc|vertical|portrait", word) else 16 / 9
        found.append((_found(original, folded, match), value, False))
    return found


def _fits(value: float, exact: bool, channel: Channel) -> bool:
    for _, wanted in channel.ratios:
        if abs(value - wanted) / wanted <= _RATIO_TOLERANCE:
            return True
    # an orientation word ("khung dọc") fits any channel with the same orientation
    return not exact and value != 1.0 and (value < 1) == (channel.ratios[0][1] < 1)


def _aspect_ratio(original: str, folded: str, channel: Channel | None) -> Item:
    stated = _stated_ratios(original, folded)
    if channel is None:
        hint = msg("media.image.ratio_hint_general")
        if stated:
            return Item("aspect_ratio", True, msg("media.image.ratio_ok", ratio=stated[0][0]))
        return Item("aspect_ratio", False, msg("media.image.ratio_missing"), hint)
    hint = msg(
        "media.image.ratio_hint_channel",
        channel=channel.label,
        ratios=channel.ratio_labels,
        size=f"{channel.width}x{channel.height}",
    )
    if not stated:
        return Item("aspect_ratio", False, msg("media.image.ratio_missing"), hint)
    for label, value, exact in stated:
        if _fits(value, exact, channel):
            text = msg("media.image.ratio_fits", ratio=label, channel=channel.label)
            return Item("aspect_ratio", True, text, hint)
    text = msg("media.image.ratio_wrong", ratio=stated[0][0], channel=channel.label)
    return Item("aspect_ratio", False, text, hint)


def _colours(original: str, folded: str) -> Item:
    match = _COLOUR.search(folded) or _COLOUR_MARKED.search(original.lower())
    if not match and original == strip_diacritics(original):
        match = _COLOUR_PLAIN.search(folded)
    if match:
        found = _found(original, folded, match, phrase=True)
        return Item("colours", True, msg("media.image.colours_ok", found=found), severity=WARNING)
    return Item(
        "colours",
        False,
        msg("media.image.colours_missing"),
        msg("media.image.colours_hint"),
        WARNING,
    )


def _privacy(original: str) -> Item:
    from .. import privacy

    hint = msg("media.image.privacy_hint")
    personal = [f for f in privacy.find(original) if f.kind != "sensitive"]
    if personal:
        kinds = ", ".join(sorted({msg(f"privacy.kind.{f.kind}") for f in personal}))
        found = ", ".join(f.text for f in personal[:3])
        text = msg("media.image.privacy_found", kinds=kinds, found=found)
        return Item("privacy", False, text, hint, ERROR)
    if _REAL_FACE.search(strip_diacritics(original)):
        return Item("privacy", False, msg("media.image.privacy_face"), hint, ERROR)
    return Item("privacy", True, msg("media.image.privacy_ok"), hint, ERROR)
