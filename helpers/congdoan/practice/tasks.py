"""Which piece of work a prompt asks for.

The practice model reads the *instruction* part of the last user message (the text
before pasted material) and takes the earliest product word it finds: "Viết bài đăng
Facebook về kế hoạch ..." is a post, "Viết kế hoạch ... rồi đăng Facebook" is a plan.
Matching is done without diacritics, so "viet thong bao" works as well.

>>> detect_task("Soạn giấy mời dự Hội nghị người lao động")
'invitation'
>>> detect_task("viet bai dang facebook ve Tet Sum vay")
'post'
"""

from __future__ import annotations

import re

from ._text import fold

__all__ = ["TASKS", "detect_task", "split_summary_source"]

TASKS = (
    "notice",
    "invitation",
    "plan",
    "report",
    "minutes",
    "post",
    "video_script",
    "image_prompt",
    "summary",
    "general",
)

_B = r"(?<![a-z0-9])"
_E = r"(?![a-z0-9])"

_SUMMARY = (
    r"tom tat|tom luoc|tom gon|rut gon (van ban|doan|bai)"
    r"|(neu|rut ra|liet ke) (cac |nhung )?y chinh|summari[sz]e"
)
_TASK_WORDS: tuple[tuple[str, str], ...] = (
    ("summary", _SUMMARY),
    ("video_script", r"kich ban|video|clip|tiktok|reels?|shorts|phim ngan"),
    (
        "image_prompt",
        r"mo ta (mot |buc |tam |hinh )*(anh|hinh)|poster|ap phich|(anh|hinh) minh hoa"
        r"|(prompt|cau lenh) (de )?(tao|ve) (anh|hinh)|tao (mot )?(buc |tam )?(anh|hinh)"
        r"|ve (mot )?(buc |tam )?(anh|tranh|hinh)|thiet ke (anh|banner|poster|hinh|ap phich)"
        r"|banner|infographic|bang ron|backdrop|phong nen",
    ),
    (
        "post",
        r"bai dang|bai viet|status|bai post|tin nhan|caption|post"
        r"|bai (?:fb|facebook|face|zalo|fanpage|page)|tin (?:zalo|fb)"
        r"|dang (len |tren )?(facebook|fanpage|zalo|mang xa hoi|trang)"
        # "viết bài chúc mừng 8/3 ...": a written greeting or thanks to share, channel or not;
        # a speech, a paper or a test is no post
        r"|bai (?:chuc mung|cam on|chia buon|phan uu|tri an|gioi thieu|tuyen truyen|vinh danh)"
        r"|viet bai(?! (?:phat bieu|tham luan|thu hoach|du thi|bao cao|giang|tap|hoc|kiem tra"
        r"|thi|luan|van|tho|hat|trinh bay))",
    ),
    # union clerks' abbreviations: TB, GM, KH, BC, BB; "Mời ... dự ..." is an invitation
    ("minutes", r"bien ban|bb"),
    # "Kính mời bà ..., Phó Chủ tịch ..., dự Hội nghị ...": an invitation written out, its
    # first words the formula of address, however long the title before "dự"
    (
        "invitation",
        r"giay moi|thu moi|gm|kinh moi|xin moi|moi (?:[a-z0-9]+ ){1,8}(?:du|tham du)"
        # "Mời đồng chí Lê Thị Mai, Trưởng ban Nữ công, tới dự ...": a title between
        r"|moi (?:ong|ba|dong chi|d/c|quy|cac dong chi)(?![a-z])[^.;\n]{0,120}?"
        r"(?:toi du|den du|tham du|du)(?![a-z])",
    ),
    ("plan", r"ke hoach|kh"),
    ("report", r"bao cao|bc"),
    ("notice", r"thong bao|tb"),
)
_PATTERNS = tuple((task, re.compile(_B + f"(?:{words})" + _E)) for task, words in _TASK_WORDS)
_SUMMARY_RE = re.compile(_B + f"(?:{_SUMMARY})" + _E)
# A formal document that is to be *posted* is a post: "thông báo trên Fanpage".
_POSTED = re.compile(
    _B + r"(dang|tren|len)( len| tren)? (facebook|fanpage|zalo|trang|nhom zalo|mang xa hoi)" + _E
)
_DOCUMENTS = ("notice", "invitation", "plan", "report", "minutes")
_HEAD_END = re.compile(r"[\n:“\"«]")
_QUOTED = re.compile(r"“([^”]{40,})”|\"([^\"]{40,})\"|«([^»]{40,})»", re.S)


def _earliest(folded: str) -> str | None:
    best: tuple[int, int, str] | None = None
    for rank, (task, pattern) in enumerate(_PATTERNS):
        m = pattern.search(folded)
        if m and (best is None or (m.start(), rank) < best[:2]):
            best = (m.start(), rank, task)
    if best is None:
        return None
    task = best[2]
    if task in _DOCUMENTS and _POSTED.search(folded):
        return "post"
    return task


def detect_task(text: str) -> str | None:
    """The task a message asks for, or ``None`` when it names none (a follow-up)."""
    folded = fold(text[:4000]) if len(text) > 4000 else fold(text)
    if _tail_summary(text) is not None:
        return "summary"
    head_end = _HEAD_END.search(folded)
    head = folded[: head_end.start()] if head_end else folded
    task = _earliest(head[:600])
    if task is None:
        task = _earliest(folded[:400])
    return task


def _tail_summary(text: str) -> str | None:
    """Text pasted *before* a closing instruction such as "Tóm tắt đoạn trên"."""
    stripped = text.rstrip()
    cut = stripped.rfind("\n")
    if cut <= 0:
        return None
    last = stripped[cut + 1 :]
    if len(last) > 200 or not _SUMMARY_RE.search(fold(last)):
        return None
    before = stripped[:cut]
    if _SUMMARY_RE.search(fold(before[:200])):
        return None
    return before


def split_summary_source(text: str) -> tuple[str, str]:
    """Split a summary request into (instruction, pasted text); the text may be empty.

    The pasted text is the longest quoted passage, or what follows the first line or
    colon after the word "tóm tắt", or what comes before a closing instruction line.

    >>> split_summary_source("Tóm tắt đoạn sau: Câu một. Câu hai.")
    ('Tóm tắt đoạn sau', 'Câu một. Câu hai.')
    """
    tail = _tail_summary(text)
    if tail is not None:
        return text[len(tail) :].strip(), tail.strip()
    quoted = [next(g for g in m.groups() if g) for m in _QUOTED.finditer(text)]
    if quoted:
        source = max(quoted, key=len)
        instruction = text.replace(source, " ", 1)
        return instruction.strip(), source.strip()
    folded = fold(text)
    m = _SUMMARY_RE.search(folded)
    start = m.end() if m else 0
    cuts = [i for i in (text.find("\n", start), text.find(":", start)) if i >= 0]
    if not cuts:
        return text.strip(), ""
    cut = min(cuts)
    return text[:cut].strip(), text[cut + 1 :].strip()
