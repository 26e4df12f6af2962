"""What a prompt says: organisation, dates, times, places, people, numbers, tone, limits.

Every value is copied *verbatim* from the prompt (``details["place"] == ["Hội trường B"]``),
so the draft can show the trainee their own words in the right place. Matching runs on
the folded text (no marks, lowercase) so prompts typed without diacritics work too.

>>> d = extract("Thông báo họp lúc 8h00 ngày 15/5/2026 tại Hội trường B.")
>>> d["time"], d["date"], d["place"]
(['8h00'], ['15/5/2026'], ['Hội trường B'])
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator

from ..text import (
    FOLDED_DATE,
    FOLDED_MONEY,
    FOLDED_NUMBER,
    FOLDED_TIME,
    PHONE_NUMBER,
    folded_date_parts,
)
from ._text import QUOTED, Text, fold, without_dangling

__all__ = [
    "ACCUMULATING",
    "SLOTS",
    "TEXT_SLOTS",
    "Length",
    "extract",
    "is_world_duration",
    "merge",
    "names_an_event",
    "parse_date",
    "parse_length",
]

# The slots by what they hold, in the order ``extract`` returns them.
_PARTIES = ("org", "superior", "workplace", "city")
_NAMES = ("event", "subject", "theme", "slogan", "image_text")
_WHEN = ("date", "weekday", "time", "deadline", "issue_date")
_WHERE_WHO = ("place", "audience")
_FIGURES = ("numbers", "budget")
_CONTENT = ("activities", "results", "difficulties", "cause", "proposals", "purpose", "assignments")
_MEETING = ("addressee", "chair", "chair_title", "secretary", "conclusion", "closing")
_SIGNING = ("signer", "signer_role", "contact", "phone")
_STYLE = ("tone", "length", "channel", "hashtags", "colours", "doc_number")
SLOTS = (
    *_PARTIES,
    *_NAMES,
    *_WHEN,
    *_WHERE_WHO,
    *_FIGURES,
    *_CONTENT,
    *_MEETING,
    *_SIGNING,
    *_STYLE,
)
#: Slots holding phrases in the trainee's words, inside which other details can be
#: written ("Tết Sum vầy 2027" holds a year): the draft checks them before repeating one.
TEXT_SLOTS = ("event", "subject", "theme", "slogan", *_WHERE_WHO, *_CONTENT)
#: Slots whose values add up over a conversation instead of being replaced.
ACCUMULATING = ("hashtags",)

_B = r"(?<![a-z0-9])"
_E = r"(?![a-z0-9])"


def _words(text: str) -> list[str]:
    return text.split()


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(_B + f"(?:{pattern})" + _E)


# ---------------------------------------------------------------- dates and times
_YEARS_SPAN = re.compile(
    r"\s*\(?\s*\d{1,2}/\d{1,2}/\d{4}\s*(?:-|–|den)\s*\d{1,2}/\d{1,2}/\d{4}\s*\)?"
)
# "từ 30/4/2026 đến hết 3/5/2026": a period, dated with its year
_DATED_RANGE = re.compile(r"\d/\d{4}\s*(?:-|–|den)\s*(?:het\s+)?(?:ngay\s+)?\d{1,2}/\d{1,2}/\d{4}")
# "kỷ niệm 8/3": the day an anniversary names
_DAY_MONTH = re.compile(r" \d{1,2}/\d{1,2}(?![\d/])")
_MONTH = re.compile(_B + r"thang (\d{1,2})(?:\s?/\s?(\d{4})| nam (\d{4}))" + _E)
_RANGE_JOIN = re.compile(r"\s*(?:den|-|–|toi)\s*(?:het\s+)?(?:ngay\s+)?")
_TIME_JOIN = re.compile(r"\s*(?:den|-|–)\s*")
_WEEKDAY = _rx(r"thu (hai|ba|tu|nam|sau|bay|[2-7])|chu nhat")
# What the words just before a date say it is: the day the document was signed, or the
# last day to register or hand something in; else the day of the event.
_ISSUE_WORDS = r"ban hanh|ngay ky|ky ngay|de ngay|ngay van ban|ngay lap"
_DEADLINE_WORDS = (
    r"truoc|han chot|cham nhat|han dang ky|han nop|han gui|hoan thanh truoc|chot danh sach|chot"
    r"|(?<![a-z])han"
)
# "trước 17h thứ Sáu 27/11/2026": the hour and the weekday said between the cue and the day
_HOUR_DAY = (
    r"(?:\d{1,2}\s?(?:h\d{0,2}|gio(?: \d{1,2})?)(?: (?:sang|chieu|toi|trua))?\W{0,3})?"
    r"(?:(?:ngay )?(?:thu (?:hai|ba|tu|nam|sau|bay|[2-7])|chu nhat)\W{0,3})?"
)
_DATE_CUES = tuple(
    (slot, re.compile(f"({words})" + r"\W{0,3}" + _HOUR_DAY + r"(ngay )?$"))
    for slot, words in (("issue_date", _ISSUE_WORDS), ("deadline", _DEADLINE_WORDS))
)
_DEADLINE_HOUR = re.compile(f"(?<![a-z])(?:{_DEADLINE_WORDS})" + r"\W{0,3}(?:luc )?$")

# ---------------------------------------------------------------- organisations
_UNION_KW = _rx(
    r"ban chap hanh cong doan co so|ban chap hanh cong doan|cong doan co so|cdcs"
    r"|lien doan lao dong|ldld|cong doan nganh|cong doan vien chuc|cong doan khu"
    r"|cong doan"
)
_SUPERIOR_KW = (
    "lien doan lao dong",
    "ldld",
    "cong doan nganh",
    "cong doan vien chuc",
    "cong doan khu",
)
# "cấp trên: LĐLĐ ...", "trực thuộc ...", and a report "gửi LĐLĐ ..." (sent up to it)
_SUPERIOR_CUE = re.compile(r"(cap tren|truc thuoc|thuoc|cap tren la|cap tren:|gui|gui len)\W{0,3}$")
_NAMED_IN_EVENT = re.compile(r"(?:thanh lap|ky niem|truyen thong) $")
_WORKPLACE_KW = _rx(r"cong ty|truong|benh vien|nha may|xi nghiep|tong cong ty|ngan hang")
_NAME_LOWER = frozenset(
    _words(
        """
        thanh pho tinh phuong xa quan huyen co phan trach nhiem huu han mot vien may va so cong
        ty nganh vien chuc khu kinh te cong nghiep thi truong tieu hoc trung hoc pho thong lao
        dong dien luc cap nuoc moi truong det uong van hoa nghiep mac thuc pham xay dung giao
        duc dao y te bao hiem hoi nong thuy san xuat thuong dich vu du lich ngan hang chinh
        thoat benh hoc dai dang mam non tieu trung thong
        """
    )
)
_NAME_ACCENTS = {
    "luc": ("lực",),
    "co": ("cổ",),
    "so": ("số", "sở"),
    "dong": ("động", "đông"),
    "may": ("may",),
    "va": ("và",),
    "hoa": ("hóa", "hoá"),
    "van": ("văn",),
}
_CITIES = (
    ("hue", "Huế"),
    ("ha noi", "Hà Nội"),
    ("da nang", "Đà Nẵng"),
    ("hai phong", "Hải Phòng"),
    ("can tho", "Cần Thơ"),
    ("ho chi minh", "Thành phố Hồ Chí Minh"),
    ("tp hcm", "Thành phố Hồ Chí Minh"),
    ("quang tri", "Quảng Trị"),
    ("quang ngai", "Quảng Ngãi"),
    ("nghe an", "Nghệ An"),
    ("ha tinh", "Hà Tĩnh"),
    ("khanh hoa", "Khánh Hòa"),
    ("gia lai", "Gia Lai"),
    ("dak lak", "Đắk Lắk"),
    ("lam dong", "Lâm Đồng"),
    ("dong nai", "Đồng Nai"),
    ("thanh hoa", "Thanh Hóa"),
    ("bac ninh", "Bắc Ninh"),
    ("quang ninh", "Quảng Ninh"),
)
_CITY_RE = _rx("|".join(key for key, _ in _CITIES))

# ---------------------------------------------------------------- people
_SURNAMES = frozenset(
    _words(
        """
        nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly ton truong dinh
        lam mai cao ha thai doan luong chau ta trinh kieu nghiem luu chu quach tong hua la trieu
        dao than dong phung vuong tu giang lai nong hong khuc au mac hau cu thieu tang an
        """
    )
)
_ROLE_CUES = (
    ("secretary", re.compile(_B + r"thu ky" + _E)),
    ("signer", re.compile(_B + r"(nguoi ky|ky ten|ky|pho chu tich|chu tich)" + _E)),
    ("chair", re.compile(_B + r"chu tri" + _E)),
    ("contact", re.compile(_B + r"lien he|lien lac|dau moi" + _E)),
)
_CUE_AFTER = 12  # characters a role written after a name counts as further away
_DEPUTY = re.compile(_B + r"pho chu tich" + _E)

# ---------------------------------------------------------------- numbers
_QUANTITY = re.compile(
    r"(?<![\d.,/])(?:" + FOLDED_NUMBER + r")\s?(?:nguoi lao dong|nguoi|doan vien|cong nhan"
    r"|suat qua|suat"
    r"|phan qua|phan|luot|gia dinh|doi|sang kien|dai bieu|can bo|hoan canh|thanh vien"
    r"|to cong doan|cong doan co so|cdcs|don vi|chau|hoc bong|cuoc|buoi|lop|tiet muc|%)"
    r"(?![a-z0-9])"
)

# ---------------------------------------------------------------- style
_TONES = _rx(
    r"trang trong|than thien|vui tuoi|ngan gon|ngan lai|ngan hon|rut gon|gan gui|am ap"
    r"|hao hung|nghiem tuc|lich su|soi noi|cam dong|truyen cam hung|hai huoc|de hieu"
    r"|suc tich|tre trung|chan thanh|chuyen nghiep|thoai mai|vui ve|xuc dong|manh me"
)
_LENGTH = re.compile(
    r"(?<![a-z0-9])(?:(duoi|toi da|khong qua|khong vuot qua|it hon|khoang|chung|tam|gioi han"
    r"|trong|trong vong|dai|<=?)\s?)?(?<![\d.,/])(\d{1,4})\s?"  # not "1.000.000 dong"
    r"(chu|tu|ky tu|cau|doan|y|gach dau dong|dong|giay|s|phut)(?![a-z0-9])"
)
_LENGTH_UNITS = {
    "chu": ("chữ",),
    "tu": ("từ",),
    "ky tu": ("ký tự", "kí tự"),
    "cau": ("câu",),
    "doan": ("đoạn",),
    "y": ("ý",),
    "gach dau dong": ("gạch đầu dòng",),
    "dong": ("dòng",),
    "giay": ("giây",),
    "s": ("s",),
    "phut": ("phút",),
}
_CHANNEL = _rx(
    r"facebook|fanpage|zalo oa|zalo|youtube shorts|youtube|tiktok|instagram|reels|shorts"
    r"|website|trang tin"
)
_HASHTAG = re.compile(r"#\w+")
# "màu đỏ vàng", "màu chủ đạo xanh dương và đỏ", "tông màu vàng cam", "màu sắc chủ đạo là
# hồng phấn": the colours the trainee asks, however the phrase before them is worded
_HUE = (
    r"(?:do|vang|xanh (?:duong|la cay|la|ngoc|nuoc bien|navy|da troi)|xanh|trang|cam|hong|tim"
    r"|den|nau|bac|ghi|xam|kem|be|pastel)(?: (?:nhat|dam|tuoi|phan|dat|sam|kim|anh kim))?"
)
_COLOUR = _rx(
    r"(?:mau|tong(?: mau)?|gam(?: mau)?|tone) (?:sac )?(?:chu dao |chinh |nen )?(?:la |gom |voi )?"
    + _HUE
    + r"(?:(?: va | - |, |/| )"
    + _HUE
    + r")*"
)
_COLOUR_WORD = {"mau": ("màu",), "tong": ("tông",), "gam": ("gam",), "tone": ("tone",)}

# ---------------------------------------------------------------- events and themes
_EVENT_NAMED = _rx(
    r"thang cong nhan(?: nam \d{4}| \d{4})?"
    r"|tet sum vay(?: xuan [a-z]+(?: [a-z]+)?)?(?: nam \d{4}| \d{4})?"
    r"|thang hanh dong (?:ve )?(?:an toan,? ve sinh lao dong|atvsld|an toan ve sinh lao dong)"
    r"(?: nam \d{4}| \d{4})?"
    r"|cho tet cong doan(?: nam \d{4}| \d{4})?|bua com (?:tat nien|cong doan)|mai am cong doan"
    r"|ngay quoc te lao dong(?: 1[-/]5)?|ngay thanh lap cong doan viet nam(?: 28/7)?"
    r"|ngay quoc te phu nu(?: 8/3| 8-3)?|ngay phu nu viet nam(?: 20/10| 20-10)?"
    r"|(?:lich )?(?:kham suc khoe(?: dinh ky)?|tiem chung|tiem vac xin)(?: nam \d{4}| \d{4})?"
    r"|(?:hop )?giao ban(?: quy [ivx]+(?:/\d{4})?| thang \d{1,2}| tuan| dinh ky)?"
)
_EVENT_GENERIC = _rx(
    r"dai hoi|hoi nghi|hoi thao|hoi thi|hoi dien|ngay hoi|le phat dong|le ky niem"
    # "giải bóng đá", not a prize ("giải nhất") nor "giải ngân", "giải quyết", "giải pháp"
    r"|giai(?! (?:nhat|nhi|ba|tu|khuyen khich|dac biet|thuong|ngan|quyet|thich|phap|doan"
    r"|dap|trinh|toa|the|phong|tan|cuu|lao|tri)(?![a-z]))"
    r"|le mit tinh|le tuyen duong|le|chuong trinh|cuoc thi|dien dan|toa dam|tap huan"
    r"|doi thoai|buoi gap mat|gap mat|tuyen duong|hop mat|tham quan|da ngoai"
    r"|lop hoc|lop tap huan|lop boi duong|khoa hoc"
    r"|tiec (?:tat nien|tan nien|mung|chia tay|cuoi nam|tri an)|lien hoan|giao luu|hoi trai"
    r"|le hoi|hoi cho|dem (?:van nghe|nhac|gala)|gala"
)


def names_an_event(value: str) -> bool:
    """``value`` names something that takes place (a conference, a festival, a contest),
    not a fund, a movement, a programme or a person a video or a post may be about:
    "Chương trình 'Mái ấm Công đoàn'" builds houses; "Lễ khánh thành Mái ấm" takes place."""
    folded = fold(value)
    marked = fold(value) != value.lower()
    found = [
        m.group()
        for rx in (_EVENT_GENERIC, _EVENT_NAMED)
        for m in rx.finditer(folded)
        # "Điều lệ", "tỷ lệ" are no "lễ"; "giải pháp" no "giải"
        if not marked or m.group() not in ("le", "giai") or _typed_as(value, m, m.group())
    ]
    return any(word not in _PROGRAMMES for word in found)


def _typed_as(value: str, m: re.Match[str], word: str) -> bool:
    typed = value[m.start() : m.end()].lower()
    return typed == {"le": "lễ", "giai": "giải"}[word]


_PROGRAMMES = frozenset({"chuong trinh", "mai am cong doan"})


_EVENT_NEEDS_NAME = ("le", "giai", "chuong trinh", "cuoc thi", "gap mat", "tuyen duong")
_ORGANISE = _rx(r"to chuc")
_TOPIC = _rx(r"tuyen truyen|van dong|huong ung|gioi thieu")
_DOC_WORD = re.compile(_B + r"(?:thong bao|giay moi|thu moi)\s+")
_NOT_SUBJECT = re.compile(
    r"(cua|ve|cho|gui|viec|moi|to chuc|du|nay|sau|voi|tren|de|den|toi|tai|luc|ngay|so|len|qua)"
    r"(?![a-z0-9])|[^a-z]"
)
_ABOUT = _rx(r"ve viec|ve")
_QUOTE = re.compile(
    r"“([^”\n]{1,300})”|\"([^\"\n]{1,300})\"|«([^»\n]{1,300})»|‘([^’\n]{1,300})’"
    r"|(?<!\w)'([^'\n]{1,300})'(?!\w)"  # typed with the apostrophe key: 'Giọt hồng tri ân'
)
_QUOTE_CUES = (
    (
        "image_text",
        re.compile(
            r"(dong chu|chu|chu tren anh|noi dung chu|ghi|text|in|tieu de tren anh)\W{0,4}$"
        ),
    ),
    ("slogan", re.compile(r"khau hieu\W{0,4}(la\W{0,3})?$")),
    ("theme", re.compile(r"(chu de|thong diep|thong diep chinh)\W{0,4}(la\W{0,3})?$")),
    ("event", re.compile(r"(ten )?(chuong trinh|hoat dong|su kien|cuoc thi|giai)\W{0,4}$")),
)

# ---------------------------------------------------------------- labelled clauses
_LABELS: tuple[tuple[str, str], ...] = (
    ("place", r"dia diem|noi to chuc"),
    ("audience", r"doi tuong|thanh phan(?: tham du| tham gia| moi)?|kinh moi|tran trong kinh moi"),
    (
        "activities",
        r"hoat dong(?: chinh)?|noi dung(?: chinh| hoat dong| chuong trinh)?"
        r"|bao gom|gom co|gom cac hoat dong|gom",
    ),
    ("results", r"ket qua(?: dat duoc| chinh)?|so lieu"),
    ("difficulties", r"kho khan|han che|ton tai"),
    ("cause", r"nguyen nhan(?: chinh| ban dau)?"),
    ("proposals", r"kien nghi|de xuat"),
    ("purpose", r"muc dich|nham"),
    ("assignments", r"phan cong(?: nhiem vu)?"),
    ("addressee", r"kinh gui|gui toi|gui len"),
    ("theme", r"chu de"),
    ("slogan", r"khau hieu"),
    ("image_text", r"dong chu|chu tren anh|noi dung chu"),
    ("budget", r"kinh phi|du tru kinh phi|ngan sach"),
    ("conclusion", r"ket luan|thong nhat|nghi quyet"),
)
_LABEL_RE = tuple(
    (slot, re.compile(_B + f"(?:{p})" + r"\s*(?::|-|la|là)\s*")) for slot, p in _LABELS
)
_LABEL_COLON = tuple((slot, re.compile(_B + f"(?:{p})" + r"\s*:\s*")) for slot, p in _LABELS)
_PLACE_NOUN = re.compile(
    r"(?:phong|hoi truong|nha|san|sanh|khu|tang|van phong|truong|nha van hoa)(?![a-z])"
)
_PLACE_CUE = re.compile(_B + r"(tai|o)\s+")
_AUDIENCE = _rx(
    r"(?:(?:toan the|tat ca|cac|nhung) )?"
    r"(?:gia dinh |(?:cac )?chau (?:la )?con (?:cua )?|con em (?:cua )?|con (?:cua )?)?(?:"
    r"doan vien(?: cong doan(?! co so| nganh| cap| tinh| thanh pho| phuong| xa))?"
    r"|nguoi lao dong|cong nhan(?: lao dong| vien chuc)?|cong chuc"
    r"|vien chuc|uy vien ban chap hanh|ban chap hanh|to truong cong doan"
    r"|can bo cong doan(?: co so)?|chu tich (?:cong doan co so|cdcs)"
    r"|nu cong nhan|nu doan vien|giao vien|nhan vien|hoi vien"
    r"|nguoi lao dong nu|lao dong nu|doan vien nu|can bo chu chot)"
    r"(?:(?:, | va |/| cung )(?:(?:toan the|tat ca|cac) )?"
    r"(?:doan vien(?: cong doan)?|nguoi lao dong"
    r"|cong nhan(?: lao dong)?|cong chuc|vien chuc|gia dinh|nhan vien|giao vien|than nhan))*"
    r"(?: co hoan canh(?: dac biet)? kho khan| kho khan)?"
)
# Where a group named is not who attends: a place named for it ("Nhà văn hóa công nhân",
# "Quỹ ... đoàn viên"), or the ones elected, admitted or rewarded ("bầu 9 ủy viên Ban Chấp
# hành", "kết nạp 25 đoàn viên").
_NAMED_FOR = re.compile(
    r"(?<![a-z])(?:nha van hoa|cung van hoa|van hoa|nha|khu|nha tro|ky tuc xa|cau lac bo|clb"
    r"|doi|nha an|benh vien|quy|truong)\s$"
)
_ACTED_ON = re.compile(
    r"(?<![a-z])(?:bau|ket nap|tham hoi|khen thuong|tuyen duong)\s+(?:them\s+)?\d+\s+$"
)

_CHANGE = re.compile(
    _B + r"(?:doi|thay|sua|chuyen|cap nhat)(?: lai)? (dia diem|thoi gian|gio|ngay|nguoi ky"
    r"|chu de|khau hieu|doi tuong|thanh phan|kenh|ten su kien|su kien|giong van|giong|kinh phi)"
    r"(?: moi)? (?:thanh|sang|la|bang|qua|thanh la)\s+"
)
_CHANGE_SLOT = {
    "dia diem": "place",
    "thoi gian": "time",
    "gio": "time",
    "ngay": "date",
    "nguoi ky": "signer",
    "chu de": "theme",
    "khau hieu": "slogan",
    "doi tuong": "audience",
    "thanh phan": "audience",
    "kenh": "channel",
    "ten su kien": "event",
    "su kien": "event",
    "giong van": "tone",
    "giong": "tone",
    "kinh phi": "budget",
}
_DOC_NUMBER = re.compile(r"(?<![a-z])so\s?:\s?(\d{1,4}/[a-z0-9&]+(?:-[a-z0-9&]+)+)")
_BULLET = re.compile(r"^\s*(?:[-+•*–]|\d{1,2}[.)])\s+(.+?)\s*$", re.M)

# Words after which a clause stops (only when typed in lowercase: "Tự Đức" does not stop).
_STOPS = re.compile(
    r" (vao luc|vao|luc|ngay|tu ngay|tu|den|de|nham|cho|voi|do|gom|bao gom|tai|thoi gian|dia diem"
    r"|doi tuong|thanh phan|chu de|khau hieu|kinh phi|lien he|nguoi ky|chu tri|hashtag|giong"
    r"|duoi|toi da|khong qua|trong|va moi|moi|dang(?! ky)|tren|nhe|yeu cau|viet|soan|can"
    r"|su dung(?! lao dong)|kem|co|gui|(?<!nhiem )(?<!dang )ky(?! niem)"
    r"|dai(?= \d| khoang| toi da| duoi| khong)"
    r"|voi chu de|nhan dip|huong toi|chao mung"
    r"|(?:chuyen|doi|don|dich)(?= (?:vao|ve|den|toi|sang|qua) )"  # "tại sân chuyển vào ..."
    r"|(?:kho|hinh|dang|chieu) (?:ngang|doc|vuong)|ti le|kich thuoc)(?![a-z0-9])"
)
# Stop words whose unmarked form is also a content word: "Lễ kỷ niệm" does not stop at
# "ky" (ký, sign), "nói chuyện chuyên đề" not at "de" (để). Typed without marks, they stop.
_STOP_FORMS = {
    "de": ("để",),
    "ky": ("ký", "kí"),
    "co": ("có",),
    "can": ("cần",),
    "dang": ("đang", "đăng"),
    "dai": ("dài",),
    "luc": ("lúc",),
    "moi": ("mời", "mỗi"),
    "tren": ("trên",),
    "kem": ("kèm",),
    "duoi": ("dưới",),
    "giong": ("giọng",),
}
# "sáng Chủ nhật 26/7/2026": a part of the day before a day or a date ends a name.
_DAY_PART = re.compile(r" (?:sang|chieu|toi|trua)(?= (?:chu nhat|thu |ngay |\d))")
_LABEL_START = re.compile(
    r"\s*(thoi gian|dia diem|doi tuong|thanh phan|chu tri|lien he|nguoi ky|kinh phi|chu de"
    r"|khau hieu|so luong|noi dung|hashtag|giong|viet|yeu cau|luu y|ky|hoat dong|ket qua"
    r"|kien nghi|de xuat|kho khan|muc dich|phan cong|kenh|do dai|thu |chu nhat|sang|chieu|toi)"
    r"(?![a-z0-9])"
)
_ADDRESS_START = re.compile(
    r"\s*(so |xa |to |lo |tang \d{1,2}(?![\d.,])|nam \d"
    r"|(?:duong|phuong|thanh pho|tp|phong(?! trao)|khu|thon|kiet|hem|quan(?! tam)|huyen"
    r"|tinh(?! than)|kcn|nhiem ky|lan thu|giai doan|dot|ve sinh|tuyen(?! truyen)|khoi)(?![a-z]))"
)  # whole words: "thống nhất" is not "thôn", "phong trào" not "phòng"
_PAIRED = re.compile(r"\s*(?:vien chuc|nguoi lao dong|cong nhan|nhan vien|giao vien)(?![a-z])")
_OF = re.compile(r" (cua|gui|tai)(?![a-z0-9])")
_HARD_END = re.compile(r"[;\n!?()\[\]“”\"«»]|\.|:(?!\d)")
_ABBREV = frozenset(
    {"tp", "p", "q", "ths", "ts", "pgs", "gs", "bs", "ks", "st", "tx", "đ/c", "v.v"}
)


# ================================================================= helpers
def _hard_end(x: Text, start: int, limit: int) -> int:
    end = min(len(x.t), start + limit)
    for m in _HARD_END.finditer(x.t, start, end):
        i = m.start()
        if x.t[i] == ".":
            if 0 < i < len(x.t) - 1 and x.t[i - 1].isdigit() and x.t[i + 1].isdigit():
                continue
            before = re.search(r"(\S+)$", x.low[max(0, i - 8) : i])
            if before and before.group(1) in _ABBREV:
                continue
            if i + 1 < len(x.t) and not x.t[i + 1].isspace():
                continue
        return i
    if end < len(x.t):
        space = x.t.rfind(" ", start, end)
        if space > start:
            return space
    return end


def _stop(x: Text, start: int, end: int) -> int:
    for m in _STOPS.finditer(x.f, start, end):
        word_start = m.start() + 1
        forms = _STOP_FORMS.get(m.group(1))
        if forms and not x.is_form(word_start, m.end(), *forms):
            continue
        if m.group(1) == "tai" and _is_accident(x, word_start):
            continue  # "bị tai nạn giao thông": an accident, not "tại" (at)
        count = re.search(r"(?<![\d/.,])\d{1,2}$", x.f[start : m.start()])
        if m.group(1) == "ngay" and count:
            if re.match(r" \d{1,2}\s*[-/]", x.f[m.end() :]) and start + count.start() > start:
                end = start + count.start()  # "Hội An 2 ngày 15-16/8": the place ends at "2"
                break
            continue  # "tour Đà Lạt 4 ngày 3 đêm": a length of time, not a date
        if m.group(1) in _CHANGED_FIELDS and _CHANGE_VERB_BEFORE.search(x.f, start, m.start()):
            continue  # "thay đổi địa điểm họp": what changes, not the label "Địa điểm:"
        if x.t[word_start].islower() or not x.t[word_start].isalpha():
            end = m.start()
            break
    for pattern in (_DAY_PART, FOLDED_TIME, FOLDED_DATE, _WEEKDAY):
        m = pattern.search(x.f, start, end)
        if m and m.start() > start:
            end = min(end, m.start())
    return end


_CHANGED_FIELDS = ("thoi gian", "dia diem", "doi tuong", "thanh phan")
_CHANGE_VERB_BEFORE = re.compile(r"(?<![a-z])(?:thay doi|doi|chuyen|dieu chinh|dich)$")


def _trim(x: Text, start: int, end: int) -> tuple[int, int]:
    while start < end and x.t[start] in " \t,:-–":
        start += 1
    while end > start and x.t[end - 1] in " \t,:-–":
        end -= 1
    return start, end


def _clause(x: Text, start: int, *, kind: str = "place", limit: int = 160) -> tuple[int, int]:
    """The phrase that starts at ``start``: up to punctuation, a stop word or a new field."""
    end = _hard_end(x, start, limit)
    if kind == "event":
        for m in _OF.finditer(x.f, start, end):
            if m.group(1) == "tai" and _is_accident(x, m.start() + 1):
                continue
            if x.t[m.start() + 1].islower():
                end = m.start()
                break
    if kind != "free":
        end = _stop(x, start, end)
        # Commas: keep going only into address-like or name-like pieces.
        pos = start
        quoted = [(m.start(), m.end()) for m in QUOTED.finditer(x.t, start)]
        while True:
            comma = x.t.find(",", pos, end)
            if comma < 0:
                break
            nxt = comma + 1
            if _inside(comma, quoted):  # 'Giỏi việc nước, đảm việc nhà': one name
                pos = nxt
                continue
            rest_f = x.f[nxt:end]
            rest_t = x.t[nxt:end].lstrip()
            ok = False
            if rest_t and not _LABEL_START.match(rest_f):
                if kind == "place":  # not "..., 300 công nhân tham gia": a new clause
                    ok = bool(_ADDRESS_START.match(rest_f)) or (
                        (rest_t[0].isupper() or rest_t[0].isdigit())
                        and not _QUANTITY.match(rest_f.lstrip())
                        and not FOLDED_TIME.match(rest_f.lstrip())
                        and not FOLDED_DATE.match(rest_f.lstrip())
                    )
                elif kind == "event":  # "Giải cầu lông cán bộ, viên chức năm 2026"
                    ok = bool(_ADDRESS_START.match(rest_f) or _PAIRED.match(rest_f))
                elif kind == "list":
                    ok = True
            if not ok:
                end = comma
                break
            pos = nxt
        if kind == "place" and pos > start and _PREDICATE.match(x.f, end):
            end = pos - 1  # "tại Nhà thi đấu, Ngân hàng BIDV tài trợ ...": a new sentence
    start, end = _trim(x, start, end)
    if kind == "event":
        end = _without_dangling(x, start, end)
    return start, end


def _without_dangling(x: Text, start: int, end: int) -> int:
    return start + len(without_dangling(x.span(start, end)))


# After a place and a comma, a name followed by a verb is the subject of a new clause, not
# a part of the address: "tại Nhà thi đấu thành phố, Ngân hàng BIDV tài trợ 30 triệu".
_PREDICATE = re.compile(
    r"\s+(?:tai tro|ung ho|ho tro|dong gop|tham gia|to chuc|trao|tang|cam ket|phoi hop"
    r"|la|se|da|dang|duoc|co|bi|dat|nhan)(?![a-z0-9])"
)


def _inside(pos: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in spans)


class _Reading(Text):
    """A prompt being read: its aligned text, the details found so far by slot, and the
    spans earlier steps took (a quote, an invitee, a union's name), which later steps do
    not read again."""

    __slots__ = ("agenda", "out", "taken")

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.out: dict[str, list[str]] = {}
        self.taken: list[tuple[int, int]] = []
        # what "nội dung: ..." lists: an agenda item ("dự kiến chương trình năm 2027") is
        # not the event the document is about
        self.agenda: list[tuple[int, int]] = []

    def add(self, slot: str, value: str) -> None:
        value = value.strip()
        if value and value not in self.out.setdefault(slot, []):
            self.out[slot].append(value)

    def take(self, slot: str, start: int, end: int) -> None:
        """Record the words at ``start:end`` as ``slot``; later steps will not read them."""
        self.add(slot, self.span(start, end))
        self.taken.append((start, end))

    def is_taken(self, pos: int) -> bool:
        return _inside(pos, self.taken)

    def untaken(self, pattern: re.Pattern[str]) -> Iterator[re.Match[str]]:
        """Matches of ``pattern`` in the folded prompt outside the spans steps took."""
        return (m for m in pattern.finditer(self.f) if not self.is_taken(m.start()))


def _once(slot: str, step: Callable[[_Reading], None]) -> Callable[[_Reading], None]:
    """``step``, run only while no earlier step has filled ``slot``."""

    def run(x: _Reading) -> None:
        if slot not in x.out:
            step(x)

    return run


# ================================================================= extraction
def extract(text: str) -> dict[str, list[str]]:
    """All details a prompt gives, by slot, in order of appearance (verbatim)."""
    x = _Reading(text[:8000])
    # In this order: a span one step takes (a quote, an invitee, a union's name) is not
    # read again by the later ones. Who attends and where are said once: the first step
    # to find them ("kính mời đồng chí ...", "tại Hội trường ...") fills the slot.
    invitees, place, audience = (
        _once("audience", _invitees),
        _once("place", _places),
        _once("audience", _audience),
    )
    steps = (_quotes, _labelled, invitees, _orgs, _events, _dates, _times, _dated_time, place)
    for step in (*steps, _workplaces, audience, _people, _numbers):
        step(x)
    for last in (_style, _bullets, _changes, _moved):
        last(x)
    return {slot: x.out[slot] for slot in SLOTS if x.out.get(slot)}


def _quotes(x: _Reading) -> None:
    for m in _QUOTE.finditer(x.t):
        group = next(i for i in range(1, 6) if m.group(i) is not None)
        value = m.group(group).strip()
        if not value:
            continue
        before = x.f[max(0, m.start() - 30) : m.start()]
        slot = "theme"
        for name, cue in _QUOTE_CUES:
            if cue.search(before):
                slot = name
                break
        else:
            if _NAMED_THING.search(before):
                continue  # a scholarship's or a programme's name: the clause carries it
        x.add(slot, value)
        x.taken.append((m.start(), m.end()))


# A quoted name right after what it names ("học bổng 'Vươn lên'", "tổ chức 'Chuyến xe Công
# đoàn'") is that thing's name, not a theme to promote: "Tuyên truyền sâu rộng chủ đề
# “Vươn lên”" would mislead. It stays in the trainee's sentence.
_NAMED_THING = re.compile(
    r"(?<![a-z])(?:hoc bong|quy|giai thuong|danh hieu|mo hinh|cong trinh|de tai|sang kien"
    r"|doi|clb|cau lac bo|nhom|to chuc|trao|trao tang|phat dong|mang ten|ten la|ten goi)\W{0,4}$"
)


def _labelled(x: _Reading) -> None:
    for slot, pattern in _LABEL_RE:
        colon_only = slot in ("activities", "results", "difficulties", "purpose", "budget")
        rx = dict(_LABEL_COLON)[slot] if colon_only else pattern
        for m in x.untaken(rx):
            kind = "place" if slot == "place" else "free"
            start, end = _clause(x, m.end(), kind=kind, limit=300)
            if end - start < 2:
                continue
            value = x.span(start, end)
            if slot == "purpose" and fold(x.span(m.start(), m.end())).startswith("nham"):
                start, end = _clause(x, m.start(), kind="free", limit=200)
                value = x.span(start, end)
            x.add(slot, value)
            if slot in ("place", "audience"):
                x.taken.append((m.start(), end))
            elif slot == "activities":
                x.agenda.append((m.start(), end))


# "kính mời đồng chí Chủ tịch LĐLĐ thành phố Hải Phòng", "giấy mời các đồng chí nguyên
# Chủ tịch ...": who is invited. The union named there is the invitee's, not the issuer's
# nor its upper union.
_INVITE = re.compile(
    _B + r"(?:(?:tran trong )?kinh moi|xin moi|giay moi|moi)\s+"
    r"(?=(?:cac |toan the |tat ca )?(?:dong chi|ong|ba|dai dien|lanh dao|quy|thay|co"
    r"|ban giam doc|ban chap hanh|ban thuong vu|bch)(?![a-z]))"
)
_INVITEE_END = re.compile(
    r" (?:den du|toi du|tham du|du|luc|vao|ngay|tai|ve|de|cung|hop)(?![a-z0-9])|[,;]"
)


def _invitees(x: _Reading) -> None:
    for m in x.untaken(_INVITE):
        end = _hard_end(x, m.end(), 200)
        stop = _INVITEE_END.search(x.f, m.end(), end)
        start, end = _trim(x, m.end(), stop.start() if stop else end)
        if end - start >= 6:
            x.take("audience", start, _with_title(x, end))
            return


# "ông Nguyễn Văn Hùng, Trưởng phòng Nhân sự", "đồng chí Trần Văn Bình, Chủ tịch": the
# person's title, said after a comma, belongs with the name.
_TITLE_AFTER = re.compile(
    r",\s*(?=(?:pho |nguyen )?(?:chu tich|truong|giam doc|bi thu|hieu truong|thu ky|uy vien"
    r"|ke toan|can bo|chanh|tong giam doc|chuyen vien|dieu duong|bac si)(?![a-z]))"
)
_TITLE_END = re.compile(r"[,;.\n]| (?:du|den du|tham du|luc|vao|ngay|tai|de)(?![a-z])")


def _with_title(x: Text, end: int) -> int:
    """``end`` moved past the title written after a name, when there is one."""
    m = _TITLE_AFTER.match(x.f, end)
    if not m or not x.t[m.end() : m.end() + 1].isupper():
        return end
    stop = _TITLE_END.search(x.f, m.end())
    return _trim(x, end, stop.start() if stop else len(x.t))[1]


def _union_name_end(x: Text, start: int) -> int:
    """End of the proper name that starts at ``start`` (title-case words, known connectors)."""
    pos = start
    last = start
    prev = ""
    tokens = list(re.finditer(r"\S+", x.t[start : start + 200]))
    for count, m in enumerate(tokens, 1):
        a = start + m.start()
        b = start + m.end()
        if x.t[pos:a].strip() or ((a - pos) > 1 and pos != start):
            break
        token = m.group()
        core = token.rstrip(",.;:)")
        if not core:
            break
        f = x.f[a : a + len(core)]
        first = core[0]
        if first.isupper() or core.isdigit() or core in ("&", "-"):
            last = a + len(core)
        elif last == a - 1 and f"{prev} {f}" in _SECTOR_WORDS:
            last = a + len(core)  # "Công đoàn ngành Giáo dục": a capital and its syllable
        elif _bridges_name(f, core == token, tokens[count : count + 1]):
            pass  # "Bệnh viện Đa khoa Hoàng Long": a lowercase word between capitals
        elif f not in _NAME_LOWER or (
            f in _NAME_ACCENTS and not x.is_form(a, a + len(core), *_NAME_ACCENTS[f])
        ):
            break
        elif core != token and f not in _NAME_BREAKERS and last > start:
            last = a + len(core)  # "Công đoàn ngành Giáo dục:": the name ends at the colon
        pos = b
        prev = f
        if core != token or count > 14:
            break
    level = _LEVEL.match(x.f, start) if last == start else None
    if level and _LEVEL_OWNER.search(x.f[max(0, start - 30) : start].rstrip()):
        return level.end()  # "LĐLĐ tỉnh tặng ...": the level, said with no place name
    return last


# "LĐLĐ thành phố", "LĐLĐ tỉnh": a union named by its level alone
_LEVEL = re.compile(r"(?:thanh pho|tinh|quan|huyen|thi xa|phuong|xa)(?![a-z])")
_LEVEL_OWNER = re.compile(r"(?<![a-z])(?:ldld|lien doan lao dong)$")


# Two-syllable words of sector and workplace names, written with one capital ("Giáo dục",
# "Y tế", "Xây dựng"): the second syllable is part of the name, not the next clause.
_SECTOR_WORDS = frozenset(
    re.split(
        r"\s*\|\s*",
        """
        giao duc|y te|xay dung|du lich|dich vu|thuy san|thuc pham|dien luc|cong nghiep
        |nong nghiep|van hoa|bao hiem|giao thong|tai chinh|thuong mai|moi truong|cap nuoc
        |lao dong|kinh te|ngan hang|benh vien|mam non|tieu hoc|trung hoc|dai hoc|det may
        |hoa chat|co khi|dien tu|cong thuong|van tai|buu dien|vien thong|khoa hoc|cong nghe
        |ke toan|hanh chinh|nhan su|ky thuat|kinh doanh|san xuat|tong hop|bao ve|van phong
        """.strip(),
    )
)


#: Words that end a name even when a capitalised word follows ("... Hoàng Long về Huế").
_NAME_BREAKERS = frozenset(
    _words(
        """
        ve viec tai luc ngay cua cho voi de do moi gui thong bao ke hoach bao cao trong
        nam thang tu den va hoac la o theo nham nhan dip chu de
        tang trao khen xet du gianh
        """
    )
)


def _bridges_name(folded: str, clean: bool, following: list[re.Match[str]]) -> bool:
    """A lowercase word inside a proper name: more capitalised words follow it directly.

    Organisation names mix cases ("Công ty Cơ khí Thiên Phúc", "Gạch ngói Long Thọ");
    a word is kept when it carries no punctuation, is not a connector such as "về" or
    "tại", and the next word starts with a capital.
    """
    if not clean or folded in _NAME_BREAKERS or not following:
        return False
    return following[0].group()[:1].isupper()


# "trong đó LĐLĐ thành phố hỗ trợ 40 suất": an upper union that gives to the members is
# a donor named in the facts, not the union that writes the document
_GIVES = re.compile(
    r"\s+(?:da\s+|cung\s+)?(?:ho tro|tang|trao tang|trao|tai tro|cap|phan bo|trich)(?![a-z])"
)


def _orgs(x: _Reading) -> None:
    found: list[tuple[int, int, bool]] = []
    for m in _UNION_KW.finditer(x.f):
        if x.is_taken(m.start()) or any(a <= m.start() < b for a, b, _ in found):
            continue
        kw = x.f[m.start() : m.end()]
        if _NAMED_IN_EVENT.search(x.f, max(0, m.start() - 16), m.start()):
            continue  # "kỷ niệm 97 năm thành lập Công đoàn Việt Nam"
        start = m.start()
        if kw.startswith("ban chap hanh"):
            start = m.start() + len("ban chap hanh ")
        end = _name_after(x, m.end())
        if end <= m.end():
            if kw in ("cong doan", "ban chap hanh cong doan", "cong doan co so", "cdcs"):
                continue
            end = m.end()
        superior = any(kw.endswith(k) or kw == k for k in _SUPERIOR_KW)
        if _SUPERIOR_CUE.search(x.f[max(0, m.start() - 20) : m.start()]):
            superior = True
        found.append((start, end, superior))
    issuer = next(((a, b) for a, b, sup in found if not sup), None)
    if (
        issuer is None
        and found
        and not _SUPERIOR_CUE.search(x.f[max(0, found[0][0] - 20) : found[0][0]])
        and not (found[0][2] and _GIVES.match(x.f, found[0][1]))
    ):
        issuer = found[0][:2]
        found = found[1:]
    if issuer:
        x.take("org", *issuer)
    for a, b, _ in found:
        if (a, b) != issuer:
            x.take("superior", a, b)
    for m in _CITY_RE.finditer(x.f):
        key = x.f[m.start() : m.end()]
        x.add("city", dict(_CITIES)[key])


def _workplaces(x: _Reading) -> None:
    for m in _WORKPLACE_KW.finditer(x.f):
        if x.is_taken(m.start()) or not x.t[m.start()].isupper():
            continue
        if x.f[m.start() : m.end()] == "truong" and not x.is_form(m.start(), m.end(), "trường"):
            continue  # "Trưởng phòng" is a title, not "Trường" (a school)
        end = _name_after(x, m.end())
        if end > m.end():
            x.take("workplace", m.start(), end)


def _name_after(x: Text, keyword_end: int) -> int:
    """End of the name that follows a keyword and one space, or ``keyword_end``."""
    if keyword_end + 1 >= len(x.t) or x.t[keyword_end] != " ":
        return keyword_end
    return max(keyword_end, _union_name_end(x, keyword_end + 1))


def _events(x: _Reading) -> None:
    spans: list[tuple[int, int]] = []
    for m in _EVENT_GENERIC.finditer(x.f):
        if x.is_taken(m.start()) or _inside(m.start(), spans) or _inside(m.start(), x.agenda):
            continue
        word = x.f[m.start() : m.end()]
        if word == "le" and not x.is_form(m.start(), m.end(), "lễ"):
            continue
        if word == "giai" and not x.is_form(m.start(), m.end(), "giải"):
            continue
        start, end = _clause(x, m.start(), kind="event", limit=120)
        end = _anniversary_end(x, start, end)
        if end - start <= len(word) + 1 and (
            word in _EVENT_NEEDS_NAME or not x.t[m.start()].isupper()
        ):
            continue
        spans.append((start, end))
    for m in _EVENT_NAMED.finditer(x.f):
        if x.is_taken(m.start()) or _inside(m.start(), spans) or _inside(m.start(), x.agenda):
            continue
        spans.append((m.start(), m.end()))
    if not spans:
        for m in x.untaken(_ORGANISE):
            start, end = _clause(x, m.end(), kind="event", limit=100)
            if end - start > 3 and not fold(x.span(start, end)).startswith("cong doan"):
                spans.append((start, end))
                break
    if not spans:
        # "kich ban clip 30s tuyen truyen an toan lao dong cho cong nhan": what is promoted
        for m in x.untaken(_TOPIC):
            start, end = _clause(x, m.start(), kind="event", limit=100)
            if end - m.end() > 3:
                spans.append((start, end))
                break
    for a, b in sorted(spans):
        x.take("event", a, b)
    if not spans:
        # "Viết thông báo thu đoàn phí quý II": what follows the document type is the subject.
        m = _DOC_WORD.search(x.f)
        if m and not _NOT_SUBJECT.match(x.f, m.end()):
            start, end = _clause(x, m.end(), kind="event", limit=120)
            if end - start > 3 and " " in x.span(start, end):  # not "chuyển" alone
                x.add("subject", x.span(start, end))
    for m in _ABOUT.finditer(x.f):
        if x.is_taken(m.start()) or not x.is_form(m.start(), m.start() + 2, "về"):
            continue
        if m.end() >= len(x.t) or x.t[m.end()] != " ":
            continue
        start, end = _clause(x, m.end() + 1, kind="event", limit=120)
        if end - start <= 3:
            continue
        if x.f[m.start() : m.end()] == "ve viec":
            x.add("subject", x.span(start, end))
            break
        if "event" not in x.out and not re.match(
            r"(viec|cac|nhung|noi dung)(?![a-z])", x.f[start:]
        ):
            x.add("event", x.span(start, end))
            break


def _anniversary_end(x: Text, start: int, end: int) -> int:
    """End of an anniversary's name with its span of years ("... Việt Nam (28/7/1929 -
    28/7/2026)"): those dates name what is celebrated, not the day of the event."""
    if "ky niem" not in x.f[start:end]:
        return end
    m = _YEARS_SPAN.match(x.f, end)
    if m:
        return m.end()
    if x.f[start:end].endswith("ky niem"):  # "gặp mặt kỷ niệm 8/3 lúc 15h ngày 6/3/2026"
        m = _DAY_MONTH.match(x.f, end)
        return m.end() if m else end
    return end


def _date_value(x: Text, m: re.Match[str]) -> tuple[int, int] | None:
    day, month, _ = folded_date_parts(m)
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return None
    return m.start(), m.end()


def _spans_joined(
    x: Text,
    pattern: re.Pattern[str],
    join: re.Pattern[str],
    first: Callable[[re.Match[str]], bool],
    second: Callable[[re.Match[str]], bool],
) -> Iterator[tuple[re.Match[str], int, int]]:
    """Matches of ``pattern`` in the folded prompt that ``first`` accepts, each with its end
    carried over a second match after ``join`` ("từ 23/5 đến 20/6/2026", "7h30 - 11h00")."""
    pos = 0
    while m := pattern.search(x.f, pos):
        pos = m.end()
        if not first(m):
            continue
        end = m.end()
        joined = join.match(x.f, end)
        m2 = pattern.match(x.f, joined.end()) if joined else None
        if m2 and second(m2):
            end = pos = m2.end()
        yield m, m.start(), end


# "2 ngày 10-11/12/2026", "thi đấu ngày 25 và 26/7/2026": days of one month, said once
_DAY_SPAN = re.compile(
    r"(?<![\d/.,-])(\d{1,2})\s*(?:-|–|va)\s*(\d{1,2})/(\d{1,2})(?:/(\d{2,4}))?(?![\d/])"
)
# "chào mừng ngày thành lập Công đoàn 28/7", "chúc mừng 8/3": the day an occasion names
_OCCASION = re.compile(
    r"(?<![a-z])(?:(?:thanh lap|ky niem|chao mung|chuc mung|ngay quoc te|ngay phu nu|ngay nha giao"
    r"|ngay thuong binh)(?: [a-z]+){0,5}\s+(?:ngay\s+)?"
    # "Tọa đàm 20/10", "mít tinh 1/5": a day said as the name of what takes place
    r"|(?:toa dam|mit tinh|hoi thi|hoi dien|giao luu|le|gap mat|van nghe)\s+)$"
)


def _day_spans(x: _Reading) -> list[tuple[int, int]]:
    spans = []
    for m in _DAY_SPAN.finditer(x.f):
        first, last, month = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if 1 <= first < last <= 31 and 1 <= month <= 12:
            spans.append((m.start(), m.end()))
    return spans


def _occasion_days_last(x: _Reading) -> None:
    """An occasion's day ("ngày thành lập Công đoàn 28/7") goes after the event's own."""
    dates = x.out.get("date", [])
    if len(dates) < 2:
        return

    def occasion(value: str) -> bool:
        at = x.t.find(value)
        return at >= 0 and bool(_OCCASION.search(x.f[max(0, at - 60) : at]))

    dates.sort(key=occasion)


def _dates(x: _Reading) -> None:
    spans = _day_spans(x)

    def real(m: re.Match[str]) -> bool:
        return _date_value(x, m) is not None

    def fresh(m: re.Match[str]) -> bool:
        return real(m) and not x.is_taken(m.start()) and not _inside(m.start(), spans)

    found = list(_spans_joined(x, FOLDED_DATE, _RANGE_JOIN, fresh, real))
    found += [(None, a, b) for a, b in spans]
    for _, start, end in sorted(found, key=lambda item: item[1]):
        before = x.f[max(0, start - 24) : start]
        # "từ 23/5": the period starts there; "thứ Tư 18/11" is a weekday, not "từ"
        tu = re.search(r"(?<![a-z])(?<!thu )(tu|trong cac) (ngay )?$", before)
        if tu:
            start = start - len(tu.group())
        slot = next((slot for slot, cue in _DATE_CUES if cue.search(before)), "date")
        x.add(slot, x.span(start, end))
    if len(x.out.get("date", ())) > 1 and not re.search(r"\d{4}", x.out["date"][0]):
        # "nghỉ lễ 30/4 và 1/5 năm 2026 ...: nghỉ từ 30/4/2026 đến hết 3/5/2026": the
        # holiday's names come first, the period it lasts is the date of the notice.
        x.out["date"].sort(key=lambda value: 0 if _DATED_RANGE.search(fold(value)) else 1)
    _occasion_days_last(x)
    if "date" not in x.out:
        for m in x.untaken(_MONTH):
            x.add("date", x.span(m.start(), m.end()))
    for m in _WEEKDAY.finditer(x.f):
        seg = x.low[m.start() : m.end()]
        if seg.startswith("thứ tự") or seg.startswith("thứ hai là"):
            continue
        after = x.f[m.end() : m.end() + 20]
        if FOLDED_DATE.search(after) or re.match(r"\W{0,3}(tuan|nay|toi|sau)", after):
            x.add("weekday", x.span(m.start(), m.end()))


def _is_time(m: re.Match[str]) -> bool:
    """A time of day, not "25h", "5: 23 gia đình" (a list) or "3g" (grams)."""
    unit = m.group()
    if int(m.group(1)) > 24 or (m.group(2) and int(m.group(2)) > 59):
        return False
    if ":" in unit and (not m.group(2) or re.search(r":\s", unit)):
        return False
    return not (re.match(r"\d{1,2}\s?g(?!io)", unit) and not m.group(2))


def _times(x: _Reading) -> None:
    for _, start, end in _spans_joined(x, FOLDED_TIME, _TIME_JOIN, _is_time, lambda m: True):
        tu = re.search(r"(tu|vao luc|luc) $", x.f[max(0, start - 8) : start])
        if tu and tu.group(1) == "tu":
            start -= len(tu.group())
        if "deadline" in x.out and _DEADLINE_HOUR.search(x.f[max(0, start - 20) : start]):
            continue  # "nộp trước 17h thứ Sáu 27/11": the deadline's hour, said in its clause
        # "kết thúc lúc 16h00": when a meeting ended (biên bản), not when it starts
        closing = "ket thuc" in x.f[max(0, start - 25) : start]
        x.add("closing" if closing else "time", x.span(start, end))


_NEAR_TIME = 25  # characters between a time and the date said with it ("14h ngày 2/12")


def _dated_time(x: _Reading) -> None:
    """The event's date is the one said with its time: "bố mất ngày 1/12, lễ viếng lúc 14h
    ngày 2/12" happens on 2/12; the other dates stay in the trainee's sentences."""
    dates, times = x.out.get("date", []), x.out.get("time", [])
    _event_time_first(x, times)
    if len(dates) < 2 or not times:
        return
    at = x.t.find(times[0])
    if at < 0:
        return
    end = at + len(times[0])

    def gap(value: str) -> int:
        # every place the value is said whole: "20/10" of "Tọa đàm 20/10" is not the
        # "20/10" inside "20/10/2026" said with the time
        starts = [
            m.start()
            for m in re.finditer(re.escape(value) + r"(?![/\d])", x.t)
            if not re.match(r"[\d/]", x.t[m.start() - 1 : m.start()])
            and not _OCCASION.search(x.f[max(0, m.start() - 60) : m.start()])
        ]
        gaps = [_NEAR_TIME + 1]
        for start in starts:
            between = x.t[end:start] if start >= end else x.t[start + len(value) : at]
            if not re.search(r"[.;\n]", between):
                gaps.append(len(between))
        return min(gaps)

    nearest = min(dates, key=gap)
    if gap(nearest) <= _NEAR_TIME and nearest != dates[0]:
        dates.remove(nearest)
        dates.insert(0, nearest)


def _event_time_first(x: _Reading, times: list[str]) -> None:
    """Of several hours, the event's is the one said after its name: "từ trần lúc 5h ngày
    8/12, lễ truy điệu lúc 13h ngày 10/12" holds the ceremony at 13h."""
    events = x.out.get("event", [])
    if len(times) < 2 or not events:
        return
    named = x.t.find(events[0])
    if named < 0:
        return
    after = [(x.t.find(v, named), v) for v in times]
    after = [(at, v) for at, v in after if at >= named and not re.search(r"[.;\n]", x.t[named:at])]
    if after:
        first = min(after)[1]
        times.remove(first)
        times.insert(0, first)


_MARKED = re.compile("[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]", re.I)


def _is_tai_at(x: Text, start: int) -> bool:
    """ "tại" (at), not "tai" of "tai nạn" (accident): in a prompt typed with marks, a bare
    "tai" is the word "tai"; typed without marks, "tai nan" is still an accident."""
    if not x.is_form(start, start + 3, "tại"):
        return False
    if x.low[start : start + 3] == "tại":
        return True
    if _MARKED.search(x.t):
        return False
    # typed without marks: "tai nan" (accident), "nha tai tro" (sponsor), "tai lieu"
    # (documents) are not "tại"
    return not re.match(r"tai (?:nan|tro|lieu|chinh|khoan|xe)(?![a-z])", x.f[start:])


def _is_accident(x: Text, start: int) -> bool:
    """ "tai nạn" (accident) at ``start``, not "tại" (at) before a noun."""
    return bool(re.match(r"tai nan(?![a-z])", x.f[start:])) and x.low[start : start + 3] != "tại"


def _places(x: _Reading) -> None:
    for m in x.untaken(_PLACE_CUE):
        word = m.group(1)
        if word == "tai" and not _is_tai_at(x, m.start()):
            continue
        if word == "o" and not x.is_form(m.start(), m.start() + 1, "ở"):
            continue
        nxt = m.end()
        if nxt >= len(x.t):
            continue
        if word == "o" and not x.t[nxt].isupper() and not _PLACE_NOUN.match(x.f, nxt):
            continue
        if re.match(r"(sao|vi|day|do|cho|muc|tren|duoi|dau)(?![a-z])", x.f[nxt:]):
            continue
        start, end = _clause(x, nxt, kind="place")
        if end - start >= 3:
            x.take("place", start, end)
            return
    _place_after_when(x)


# "..., 14h00 thứ Sáu 25/12/2026, hội trường A": a place said bare, as its own clause
# right after the time or the date, with no "tại" before it
_BARE_PLACE = re.compile(
    r"(?<=\d), (?=(?:hoi truong|phong hop|phong|nha van hoa|cung van hoa|nha thi dau|nha an"
    r"|san|sanh|van phong)(?![a-z]))"
)


def _place_after_when(x: _Reading) -> None:
    for m in x.untaken(_BARE_PLACE):
        start, end = _clause(x, m.end(), kind="place")
        if end - start >= 3:
            x.take("place", start, end)
            return
    online = [x.span(m.start(), m.end()) for m in _ONLINE.finditer(x.f)]
    if online:  # "họp trực tuyến ... qua Zoom": where one attends is the meeting's link
        x.add("place", ", ".join(online))


_ONLINE = re.compile(
    _B + r"(?:(?:truc tuyen|online)(?:\s+(?:qua|tren)\s+(?:zoom|google meet|microsoft teams|teams"
    r"|zalo|webex|ung dung [a-z]+))?|qua (?:zoom|google meet|microsoft teams|teams|webex))" + _E
)


def _audience(x: _Reading) -> None:
    for m in x.untaken(_AUDIENCE):
        before = x.f[max(0, m.start() - 6) : m.start()]
        if before.endswith("thang ") or before.endswith("cua "):
            continue
        if _NAMED_FOR.search(x.f, max(0, m.start() - 20), m.start()):
            continue  # "nhà văn hóa công nhân", "khu nhà trọ công nhân": a place's name
        if _ACTED_ON.search(x.f, max(0, m.start() - 30), m.start()):
            continue  # "bầu 9 ủy viên Ban Chấp hành": who is elected, not who attends
        if "nhận" in x.low[m.start() : m.end()]:
            continue  # "sáng kiến được công nhận" (recognised), not "công nhân" (workers)
        x.take("audience", m.start(), m.end())
        return


def _people(x: _Reading) -> None:
    names: list[tuple[int, int]] = []
    run: list[tuple[int, int]] = []

    def flush() -> None:
        if 2 <= len(run) <= 6 and fold(x.span(*run[0])) in _SURNAMES:
            names.append((run[0][0], run[-1][1]))

    for m in re.finditer(r"[^\W\d_]+", x.t):
        a, b = m.start(), m.end()
        token = m.group()
        title = token[0].isupper() and (token[1:].islower() or token.isupper() or len(token) == 1)
        if title and not x.is_taken(a) and (not run or x.t[run[-1][1] : a] == " "):
            run.append((a, b))
            continue
        flush()
        run = [(a, b)] if title and not x.is_taken(a) else []
    flush()
    for a, b in names:
        name = x.span(a, b)
        left_cut = max(x.t.rfind(".", 0, a), x.t.rfind("\n", 0, a), a - 50)
        right_cut = b + 30
        for stop in (x.t.find(".", b), x.t.find("\n", b)):
            if stop >= 0:
                right_cut = min(right_cut, stop)
        best: tuple[int, str, int] | None = None
        for role, cue in _ROLE_CUES:
            for cm in cue.finditer(x.f, max(0, left_cut), max(right_cut, b)):
                if x.f[cm.start() : cm.end()] == "ky" and not x.is_form(cm.start(), cm.end(), "ký"):
                    continue
                # a role is written before the name ("chủ trì đ/c Lê Văn Hòa, thư ký
                # đ/c ..."): a cue after the name counts only when none is close before
                dist = a - cm.end() if cm.end() <= a else cm.start() - b + _CUE_AFTER
                if dist < 0:
                    continue
                if best is None or dist < best[0]:
                    best = (dist, role, cm.start())
        if best is None:
            continue
        role = best[1]
        x.add(role, name)
        if role == "chair" and "chair_title" not in x.out:
            titled = _with_title(x, b)
            if titled > b:  # "Chủ trì: đồng chí Trần Văn Bình, Chủ tịch"
                x.add("chair_title", x.span(b, titled).strip(" ,"))
        if role == "signer" and "signer_role" not in x.out:
            window = x.f[max(0, left_cut) : max(right_cut, b)]
            x.add("signer_role", "deputy" if _DEPUTY.search(window) else "chair")
    if "contact" not in x.out:
        _contact_by_title(x)
    for m in PHONE_NUMBER.finditer(x.t):
        if not x.is_taken(m.start()):
            x.add("phone", m.group())


# "liên hệ đ/c Thu 0935 678 910", "lien he chi Lan": a contact named by a title and a given
# name only (no surname for the full-name reader); the name goes with the phone number.
_CONTACT_TITLE = re.compile(
    _B + r"(?:lien he|lien lac)\s+(?:voi\s+)?"
    r"(?P<title>dong chi|d/c|chi|anh|ong|ba|co|thay|em)\s+"
)
_TITLE_FORMS = ("đồng chí", "đ/c", "chị", "anh", "ông", "bà", "cô", "thầy", "em")


def _contact_by_title(x: _Reading) -> None:
    for m in _CONTACT_TITLE.finditer(x.f):
        title_start = m.start("title")
        if not x.is_form(title_start, m.end("title"), *_TITLE_FORMS):
            continue
        name = re.match(r"[^\W\d_][^\W\d_]*(?: [^\W\d_]+){0,2}", x.t[m.end() :])
        if not name or not name.group()[0].isupper():
            continue
        words = name.group().split()
        while len(words) > 1 and not words[-1][0].isupper():
            words.pop()  # "chị Lan số điện thoại": the name ends where lowercase starts
        end = m.end() + len(" ".join(words))
        x.take("contact", title_start, end)
        return


def _numbers(x: _Reading) -> None:
    used: list[tuple[int, int]] = []
    for m in FOLDED_MONEY.finditer(x.f):
        if x.f[m.start() : m.end()].endswith("d") and not x.is_form(m.end() - 1, m.end(), "đ"):
            continue
        x.add("budget", x.span(m.start(), m.end()))
        used.append((m.start(), m.end()))
    phones = [(m.start(), m.end()) for m in PHONE_NUMBER.finditer(x.t)]
    for m in _QUANTITY.finditer(x.f):
        if _inside(m.start(), used) or _inside(m.start(), phones):
            continue
        if x.low[m.start() : m.end()].endswith("phân"):
            continue  # "6 phân xưởng" (workshops), not "6 phần" (portions)
        if _not_a_size(x, m.start()):
            continue
        x.add("numbers", x.span(m.start(), m.end()))
    m = _DOC_NUMBER.search(x.f)
    if m:
        x.add("doc_number", x.span(m.start(1), m.end(1)))


# A count is the size of what the document is about ("Quy mô: 200 công nhân") unless its
# clause says it is per item ("mỗi tổ cử 1 đội 3 người") or a target or an act ("kết nạp 60
# đoàn viên mới", "thành lập 2 CĐCS mới"): listed as a total, it would mislead; the
# trainee's clause, which the draft carries, says what it is.
_PER_ITEM = re.compile(r"(?<![a-z])moi(?![a-z])")
_TARGET = re.compile(
    r"(?<![a-z])(?:ket nap|thanh lap|phat trien|phan dau|chi tieu|vuot|giam|tang them)(?![a-z])"
)


def _not_a_size(x: _Reading, start: int) -> bool:
    before = x.f[max(0, start - 60) : start]
    clause = re.split(r"[,;:\n(]|\.\s", before)[-1]
    offset = start - len(clause)
    for m in _PER_ITEM.finditer(clause):
        if x.is_form(offset + m.start(), offset + m.end(), "mỗi"):
            return True
    return bool(_TARGET.search(clause))


# "Viết kịch bản video 45 giây", "..., khoảng 60 giây" limit the draft; "mỗi người chỉ mất
# khoảng 5 phút", "tập thể dục giữa ca mỗi ngày 10 phút" are durations in the world, facts
# the draft must carry. A duration limits the draft when its clause names a video, a
# script or a rewrite, or says nothing but the duration.
_DRAFT_WORDS = re.compile(
    r"(?<![a-z])(?:video|clip|kich ban|tiktok|reels?|shorts|youtube|phim|thoi luong|doc"
    r"|phat bieu|bai noi|loi dan|viet|soan|lam lai|rut|ngan|chi con|con lai|tong cong"
    r"|doi thanh|sua thanh|chinh thanh|keo dai thanh)(?![a-z])"
)
_LIMIT_CUES = re.compile(
    r"(?<![a-z])(?:duoi|toi da|khong qua|khong vuot qua|it hon|khoang|chung|tam|gioi han"
    r"|trong vong|trong|dai|hay|nhe|nha|chi|con|thanh|xuong|lai|thoi|nua|hon|o muc)(?![a-z])"
)


def is_world_duration(folded: str, number_start: int) -> bool:
    """The seconds or minutes said at ``number_start`` (in folded text) are a duration in
    the world, not a limit on the draft."""
    clause = re.split(r"[,;:(\n]|\.\s", folded[max(0, number_start - 80) : number_start])[-1]
    if _DRAFT_WORDS.search(clause):
        return False
    return bool(re.search(r"[a-z0-9]", _LIMIT_CUES.sub(" ", clause)))


def _style(x: _Reading) -> None:
    for m in _TONES.finditer(x.f):
        x.add("tone", x.span(m.start(), m.end()))
    for m in _LENGTH.finditer(x.f):
        unit = m.group(3)
        ustart = m.start(3)
        if not x.is_form(ustart, m.end(), *_LENGTH_UNITS[unit]):
            continue
        if unit == "phut" and re.search(r"(h|gio)\s?$", x.f[max(0, m.start(2) - 5) : m.start(2)]):
            continue
        if unit in ("giay", "s", "phut") and is_world_duration(x.f, m.start(2)):
            continue
        if unit in ("s",) and not m.group(1) and not x.t[m.start(2) - 1 : m.start(2)].isspace():
            pass
        x.add("length", x.span(m.start(), m.end()))
    for m in _CHANNEL.finditer(x.f):
        x.add("channel", x.span(m.start(), m.end()))
    for m in _HASHTAG.finditer(x.t):
        if len(m.group()) > 2:
            x.add("hashtags", m.group())
    for m in _COLOUR.finditer(x.f):
        word = x.f[m.start() :].split(" ", 1)[0]
        if not x.is_form(m.start(), m.start() + len(word), *_COLOUR_WORD[word]):
            continue
        x.add("colours", x.span(m.start(), m.end()))


def _bullets(x: _Reading) -> None:
    """Unlabelled list lines ("- Thi kéo co") are activities (report: results)."""
    for m in _BULLET.finditer(x.t):
        line = m.group(1)
        if re.match(r"[^:]{1,30}:", line):  # "Thời gian: ..." is a labelled field
            continue
        if len(line) < 4 or len(line) > 300:
            continue
        x.add("activities", line.rstrip(";.,"))


def _changes(x: _Reading) -> None:
    for m in _CHANGE.finditer(x.f):
        slot = _CHANGE_SLOT[m.group(1)]
        start, end = _clause(x, m.end(), kind="free", limit=160)
        if end - start < 1:
            continue
        value = x.span(start, end)
        if slot in ("date", "time") and x.out.get(slot):
            continue  # the date/time patterns already read the new value
        x.out[slot] = [value]


# "đổi ngày hội thao từ ngày 20/6/2026 sang ngày 27/6/2026", "lùi từ 14h00 ngày 9/1 sang
# 8h00 ngày 16/1": what comes after "sang" is when it now takes place; the old day and
# hour stay in the trainee's sentence, never on the "Thời gian" line.
_MOVED = re.compile(
    _B + r"(?:tu|khoi)\s+(?P<old>(?:(?!sang|qua)[a-z0-9/:,]+\s+){0,6}?)"
    r"(?:sang|qua|thanh|lui sang|doi sang)\s+(?:luc\s+|ngay\s+|thu\s+|chu nhat)"
    r"|" + _B + r"(?:tu|khoi)\s+(?P<old2>(?:(?!sang|qua)[a-z0-9/:,]+\s+){0,6}?)"
    r"(?:sang|qua|thanh)\s+(?=\d)"
)
_WHEN_TOKEN = re.compile(
    r"\d{1,2}(?:/\d{1,2}(?:/\d{2,4})?|h\d{0,2}|:\d{2}|g\d{0,2})|thu \w+|chu nhat"
)


# "hoãn Hội nghị ... dự kiến ngày 20/1/2026 sang ngày 27/1/2026", "lùi hội thao ngày 10/5
# sang ngày 17/5": the verb of a move, then the old day, then "sang" and the new one.
_POSTPONED = re.compile(
    _B + r"(?P<verb>hoan|lui|doi|chuyen|dich)\s(?P<old>[^.;\n]{0,120}?)\s(?:sang|qua)\s+"
    r"(?=(?:luc\s+|ngay\s+|thu\s+|chu nhat|\d))"
)
_MOVE_VERBS = ("hoãn", "lùi", "dời", "đổi", "chuyển", "dịch")


def _old_whens(x: _Reading) -> Iterator[set[str]]:
    """The days and hours a prompt says an event is moved *from*."""
    for m in _MOVED.finditer(x.f):
        yield set(_WHEN_TOKEN.findall(m.group("old") or m.group("old2") or ""))
    for m in _POSTPONED.finditer(x.f):
        if x.is_form(m.start("verb"), m.end("verb"), *_MOVE_VERBS):
            yield set(_WHEN_TOKEN.findall(m.group("old")))


# "chuyển ... từ hội trường A sang nhà văn hóa công nhân": where it now takes place
_MOVED_PLACE = re.compile(
    _B + r"(?:chuyen|doi|dich|don)\s[^.;\n]{0,120}?(?<![a-z])(?:tu|khoi)\s[^.;\n]{1,80}?"
    r"\s(?:sang|qua)\s+(?=(?:phong|hoi truong|nha|san|sanh|khu|tang|van phong|truong|cung)"
    r"(?![a-z]))"
)


# "buổi tập ... tại sân công ty chuyển vào nhà ăn tầng 1": the place it moves into is
# the place; the old one stays in the trainee's sentence
_MOVED_INTO = re.compile(
    _B + r"(?:chuyen|doi|don|dich) (?:vao|ve|den|toi|sang|qua) (?:tai |o )?"
    r"(?=(?:phong|hoi truong|nha|san|sanh|khu|tang|van phong|truong|cung|hoi)(?![a-z]))"
)


def _moved_place(x: _Reading) -> None:
    for m in _MOVED_INTO.finditer(x.f):
        verb_end = x.f.index(" ", m.start())
        if not x.is_form(m.start(), verb_end, "chuyển", "đổi", "dời", "dọn", "dịch"):
            continue
        start, end = _clause(x, m.end(), kind="place")
        if end - start >= 3:
            x.out["place"] = [x.span(start, end)]
            return
    if "place" in x.out:
        return
    for m in _MOVED_PLACE.finditer(x.f):
        start, end = _clause(x, m.end(), kind="place")
        if end - start >= 3:
            x.add("place", x.span(start, end))
            return


def _moved(x: _Reading) -> None:
    _moved_place(x)
    for old in _old_whens(x):
        if not old:
            continue
        for slot in ("date", "time", "weekday"):
            values = x.out.get(slot, [])
            kept = [v for v in values if not set(_WHEN_TOKEN.findall(fold(v))) <= old]
            if kept != values:
                x.out[slot] = kept
            if not x.out.get(slot):
                x.out.pop(slot, None)


# ================================================================= merging and parsing
def merge(turns: Iterable[dict[str, list[str]]]) -> dict[str, list[str]]:
    """Details of several turns: a later turn's value replaces an earlier one's.

    Hashtags add up ("thêm hashtag #TetSumVay" keeps the ones already given).
    """
    merged: dict[str, list[str]] = {}
    for details in turns:
        for slot, values in details.items():
            if slot in ACCUMULATING:
                for value in values:
                    if value not in merged.setdefault(slot, []):
                        merged[slot].append(value)
            else:
                merged[slot] = list(values)
    if "signer" in merged and "signer_role" not in merged:
        merged["signer_role"] = ["chair"]
    return {slot: merged[slot] for slot in SLOTS if merged.get(slot)}


def parse_date(value: str, today: dt.date) -> dt.date | None:
    """A calendar date from a verbatim value ("15/5/2026", "05 tháng 5 năm 2026")."""
    folded = fold(value)
    m = FOLDED_DATE.search(folded)
    if not m:
        return None
    day, month, year = folded_date_parts(m)
    if year is None:
        year = _range_year(folded, m.end(), (month, day))
    try:
        return dt.date(year or today.year, month, day)
    except ValueError:
        return None


def _range_year(folded: str, after: int, month_day: tuple[int, int]) -> int | None:
    """The year of "25/01" in "từ 25/01 đến 05/02/2027": the range's end gives it (the year
    before when the range crosses New Year: "từ 25/12 đến 05/01/2027")."""
    for later in FOLDED_DATE.finditer(folded, after):
        end_day, end_month, end_year = folded_date_parts(later)
        if end_year is not None:
            return end_year - 1 if month_day > (end_month, end_day) else end_year
    return None


class Length:
    """A length limit: ``unit`` is words, chars, sentences, paragraphs, bullets or seconds."""

    __slots__ = ("limit", "strict", "unit")

    def __init__(self, limit: int, unit: str, strict: bool) -> None:
        self.limit = limit
        self.unit = unit
        self.strict = strict

    @property
    def maximum(self) -> int:
        return self.limit - 1 if self.strict else self.limit

    def __repr__(self) -> str:
        return f"Length({self.limit}, {self.unit!r}, strict={self.strict})"


_UNIT_KIND = {
    "chu": "words",
    "tu": "words",
    "ky tu": "chars",
    "cau": "sentences",
    "doan": "paragraphs",
    "y": "bullets",
    "gach dau dong": "bullets",
    "dong": "bullets",
    "giay": "seconds",
    "s": "seconds",
    "phut": "minutes",
}


def parse_length(values: Iterable[str]) -> list[Length]:
    """The limits in ``details["length"]`` (minutes become seconds)."""
    limits: list[Length] = []
    for value in values:
        m = _LENGTH.search(fold(value))
        if not m:
            continue
        n = int(m.group(2))
        kind = _UNIT_KIND[m.group(3)]
        if kind == "minutes":
            n, kind = n * 60, "seconds"
        strict = m.group(1) in ("duoi", "it hon", "<")
        if n > 0:
            limits.append(Length(n, kind, strict))
    return limits
