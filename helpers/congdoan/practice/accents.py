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
from functools import cache

__all__ = ["restore"]

# Folded phrase -> the phrase with its marks. Phrases, not syllables: "tai nan lao dong"
# is restored before "tai hoi truong", and "tai" alone never is.
PHRASES = {
    "ban chap hanh": "Ban Chấp hành", "bch": "Ban Chấp hành", "ban thuong vu": "Ban Thường vụ",
    "cdcs": "Công đoàn cơ sở", "cong doan co so": "Công đoàn cơ sở", "ldld": "LĐLĐ",
    "lien doan lao dong": "Liên đoàn Lao động", "cong doan": "công đoàn",
    "doan vien": "đoàn viên", "nguoi lao dong": "người lao động", "cong nhan": "công nhân",
    "to cong doan": "tổ công đoàn", "ban giam doc": "Ban Giám đốc", "ban nu cong": "Ban Nữ công",
    "nu cong": "nữ công", "nu doan vien": "nữ đoàn viên", "doan phi": "đoàn phí",
    "hop bch": "họp Ban Chấp hành", "hop to": "họp tổ", "hop": "họp", "thang": "tháng",
    "thang cong nhan": "Tháng Công nhân", "le phat dong": "Lễ phát động",
    "tet sum vay": "Tết Sum vầy", "tet nguyen dan": "Tết Nguyên đán", "trung thu": "Trung thu",
    "giai bong da": "giải bóng đá", "bong da": "bóng đá", "hoi thao": "hội thao",
    "hien mau": "hiến máu", "tham hoi": "thăm hỏi", "ket nap": "kết nạp",
    "dai hoi": "Đại hội", "nhiem ky": "nhiệm kỳ", "hoi nghi": "hội nghị",
    "hoi truong": "hội trường", "phong hop": "phòng họp", "nha an ca": "nhà ăn ca",
    "san cong ty": "sân công ty", "cong ty": "Công ty", "truong": "trường",
    "tai hoi truong": "tại hội trường", "tai phong hop": "tại phòng họp",
    "tai nha an ca": "tại nhà ăn ca", "tai san cong ty": "tại sân công ty",
    "tai nan lao dong": "tai nạn lao động", "an toan lao dong": "an toàn lao động",
    "ve sinh lao dong": "vệ sinh lao động", "thong bao": "thông báo",
    "ke hoach": "kế hoạch", "bao cao": "báo cáo", "giay moi": "giấy mời",
    "so ket": "sơ kết", "tong ket": "tổng kết", "quy": "quý", "nam": "năm",
    "qua tet": "quà Tết", "suat qua": "suất quà", "hoan canh kho khan": "hoàn cảnh khó khăn",
    "vo dich": "vô địch", "toa dam": "tọa đàm", "doi thoai": "đối thoại",
    "thanh pho": "thành phố", "phuong": "phường", "ao phan quang": "áo phản quang",
    "ca dem": "ca đêm", "nghi le": "nghỉ lễ", "nghi mat": "nghỉ mát", "lich truc": "lịch trực",
    "doi lich": "đổi lịch", "ket qua": "kết quả", "thi dua": "thi đua", "xuat sac": "xuất sắc",
    "dat loai": "đạt loại", "kha": "khá", "to det": "tổ dệt", "to nhuom": "tổ nhuộm",
    "sang": "sáng", "chieu": "chiều", "toi": "tối", "ngay": "ngày", "luc": "lúc",
    "vao": "vào", "thu hai": "thứ Hai", "thu ba": "thứ Ba", "thu tu": "thứ Tư",
    "thu nam": "thứ Năm", "thu sau": "thứ Sáu", "thu bay": "thứ Bảy", "chu nhat": "Chủ nhật",
    "thu 2": "thứ Hai", "thu 3": "thứ Ba", "thu 4": "thứ Tư", "thu 5": "thứ Năm",
    "thu 6": "thứ Sáu", "thu 7": "thứ Bảy", "tu": "từ", "tuan nay": "tuần này",
    "tuan sau": "tuần sau", "tuan toi": "tuần tới",
    "cho": "cho", "cua": "của", "ve viec": "về việc", "to chuc": "tổ chức",
    "tuyen truyen": "tuyên truyền", "gia dinh": "gia đình", "danh sach": "danh sách",
    "nop danh sach": "nộp danh sách",
    "doi ngay": "đổi ngày", "doi gio": "đổi giờ", "doi dia diem": "đổi địa điểm",
    "doi thoi gian": "đổi thời gian", "thoi gian": "thời gian", "dia diem": "địa điểm",
    "tu ngay": "từ ngày", "troi mua": "trời mưa",
    "hoc bong": "học bổng", "hoc gioi": "học giỏi", "cac chau": "các cháu",
    "chau la con": "cháu là con", "con doan vien": "con đoàn viên",
}  # fmt: skip
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
_MARKED = re.compile("[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]", re.I)


@cache
def _pattern() -> re.Pattern[str]:
    phrases = sorted(PHRASES, key=len, reverse=True)
    return re.compile(r"(?<![\w])(?:" + "|".join(re.escape(p) for p in phrases) + r")(?![\w])",
                      re.IGNORECASE)  # fmt: skip


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
    to_a_day = bool(_AFTER_TO.match(after))
    return to_a_day and bool(_DAY_OR_DATE_RE.search(before) or _MOVE_WORD.search(before))


_DAY_OR_DATE_RE = re.compile(_DAY_OR_DATE + r"\W*$", re.I)
_MOVES = r"(?:chuyen|doi|lui|hoan|dich)"
_MOVE_BEFORE = re.compile(r"(?<![\w])" + _MOVES + r"(?: lai)?\W*$", re.I)
_MOVE_WORD = re.compile(r"(?<![\w])" + _MOVES + r"(?![\w])", re.I)
_CLOCK_AFTER = re.compile(r"\W*\d{1,2}\s?(?:h|g|gio)(?![a-z])", re.I)
_CLOCK_BEFORE = re.compile(r"\d{1,2}\s?(?:h|g|gio)(?:\s?\d{2})?(?: kem| ruoi)?\W*$", re.I)
