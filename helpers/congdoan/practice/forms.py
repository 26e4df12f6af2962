"""Fixed formulae of a Vietnamese union document (Nghị định 30/2020, Quyết định 933/QĐ-TLĐ).

These strings *are* the content of the document, the same in every edition of the
course, so they are constants rather than catalogue messages. Explanations, labels and
tips that trainees read about a draft live in the message catalogue instead.
"""

from __future__ import annotations

__all__ = [
    "ADDRESSEE",
    "ARCHIVE",
    "AS_ABOVE",
    "AS_INVITED",
    "CHAIR",
    "DEPUTY",
    "DEPUTY_FOR",
    "FIELD",
    "INVITE",
    "MOTTO",
    "NUMBER",
    "ON_BEHALF",
    "PLAN_SECTIONS",
    "RECIPIENTS",
    "REPORT_SECTIONS",
    "SUBJECT",
    "TITLE",
    "TOP_UNION",
    "TYPE_CODE",
    "body_code",
]

MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
ON_BEHALF = "TM. BAN CHẤP HÀNH"
CHAIR = "CHỦ TỊCH"
DEPUTY_FOR = "KT. CHỦ TỊCH"
DEPUTY = "PHÓ CHỦ TỊCH"
RECIPIENTS = "Nơi nhận:"
ARCHIVE = "- Lưu: VT."
AS_ABOVE = "- Như trên;"
AS_INVITED = "- Như thành phần mời;"
ADDRESSEE = "Kính gửi: {addressee}"
NUMBER = "Số: {number}/{type}-{body}"
SUBJECT = "Về việc {subject}"
INVITE = "trân trọng kính mời:"
#: The superior body of a city/provincial labour federation.
TOP_UNION = "Tổng Liên đoàn Lao động Việt Nam"

TYPE_CODE = {"notice": "TB", "invitation": "GM", "plan": "KH", "report": "BC", "minutes": "BB"}
TITLE = {
    "notice": "THÔNG BÁO",
    "invitation": "GIẤY MỜI",
    "plan": "KẾ HOẠCH",
    "report": "BÁO CÁO",
    "minutes": "BIÊN BẢN",
}
#: A biên bản is signed by the secretary (left) and the chair (right), NĐ 30 mẫu 1.9.
SECRETARY, CHAIRING = "THƯ KÝ", "CHỦ TRÌ"

#: Field labels inside the body of a document.
FIELD = {
    "time": "Thời gian",
    "place": "Địa điểm",
    "audience": "Thành phần",
    "activities": "Nội dung",
    "attend": "Tới dự",
    "chair": "Chủ trì",
    "numbers": "Số lượng",
    "deadline": "Thời hạn",
    "contact": "Liên hệ",
}

PLAN_SECTIONS = {
    "purpose": "I. MỤC ĐÍCH, YÊU CẦU",
    "aim": "1. Mục đích",
    "requirements": "2. Yêu cầu",
    "content": "II. NỘI DUNG",
    "budget": "III. KINH PHÍ",
    "assignments": "IV. PHÂN CÔNG NHIỆM VỤ",
    "implementation": "V. TỔ CHỨC THỰC HIỆN",
}
REPORT_SECTIONS = {
    "results": "I. KẾT QUẢ THỰC HIỆN",
    "assessment": "II. ĐÁNH GIÁ CHUNG",
    "proposals": "III. KIẾN NGHỊ, ĐỀ XUẤT",
}


def body_code(folded_issuer: str) -> str:
    """The issuing body's part of the document symbol, from its folded name.

    >>> body_code("lien doan lao dong thanh pho hue"), body_code("cong doan co so truong x")
    ('LĐLĐ', 'CĐCS')
    """
    if folded_issuer.startswith(("lien doan lao dong", "ldld")):
        return "LĐLĐ"
    if folded_issuer.startswith("cong doan nganh"):
        return "CĐN"
    if folded_issuer.startswith("cong doan vien chuc"):
        return "CĐVC"
    return "CĐCS"
