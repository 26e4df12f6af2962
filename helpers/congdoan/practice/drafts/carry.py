"""Every fact of the prompt in the draft, once.

The templates place what the detail slots recognise. Whatever else the prompt says (the
activities of a plan, the practical advice of a blood-donation message, a list of games)
must not be dropped: each clause of the prompt whose words the draft does not already
hold is carried over, in the trainee's words: a report's under its results, a plan's under
"4. Nội dung", the minutes' as the proceedings, a post's and a video's as lines and scenes
of their own, anything else under "Nội dung cụ thể".
"""

from __future__ import annotations

import itertools
import re

from ... import vocabulary as forms
from ...text import fold_aligned, nfc
from .._text import QUOTED, end_sentence, fold, lower
from ..accents import restore
from ..details import is_world_duration, names_an_event
from .context import Context, t

__all__ = ["carry_points", "end_plain", "prompt_points"]


_CLAUSE_END = re.compile(r"\.(?=\s|$)|,(?!\d)|(?<!\d),|[;:\n()]|\s[-–]\s")
_INSTRUCTION = re.compile(
    r"^(?:(?:hay|giup (?:toi|minh|em)|nho)\s+)?(?:(?:soan|viet|lap|lam|tao|thiet ke|ra)\s+)?"
    r"(?:(?:mot|ban|cai)\s+)?(?:(?:thong bao|giay moi|ke hoach|bao cao|bien ban|bai dang"
    r"|bai viet|tin nhan|status|caption|kich ban|tb|gm|kh|bc|bb|bai|tin)(?![a-z]))?\s*"
    r"(?:(?:video|clip)(?![a-z])\s*)?(?:(?:len|tren)\s+)?"
    r"(?:(?:fanpage|facebook|fb|zalo|tiktok|reels|youtube|shorts|ngan(?! hang))(?![a-z])\s*){0,3}"
    # "kịch bản video ngắn 30 giây cho Reels về ...": the format, not a fact
    r"(?:\d{1,3}\s?(?:giay|s|phut)(?![a-z])\s*)?"
    r"(?:cho (?:reels|tiktok|youtube|facebook|fanpage|zalo)(?![a-z])\s*)?"
    # "... video TikTok giới thiệu", "bài đăng Fanpage về": not "vệ sinh" opening a clause
    r"(?:(?:(?<=video )|(?<=clip )|(?<=giay )|(?<=tiktok )|(?<=reels )|(?<=youtube )"
    r"|(?<=fanpage )|(?<=facebook )|(?<=zalo )|(?<=bai dang )|(?<=kich ban ))"
    r"(?:gioi thieu|ve)(?![a-z])\s*)?"
    # "caption ngắn cho ảnh ...": "cho anh" is "for the photo", not "for Mr ..."
    r"(?:(?:(?<=caption )|(?<=caption ngan ))cho (?:anh|hinh|hinh anh|video|clip|poster)\s+)?"
)
_FILLER = frozenset(
    """
    va cua cho de ve voi tai luc ngay thang nam la co cac nhung mot the nay do o tu den duoc d/c
    se da dang thi ma nhe nha hay viet soan lap to chuc giup toi minh em ban keu goi moi
    nhac
    """.split()  # noqa: SIM905
)
# The same words typed with their marks: "nhà" (house), "thi" (contest), "đề" (topic) or
# "Ban" (committee) are content, though their unmarked forms fold onto "nha", "thì", "để"
# and "bạn". An unmarked word stays a filler: the prompt gives no way to tell.
_FILLER_MARKED = frozenset(
    """
    và của cho để về với tại lúc ngày tháng năm là có các những một thế này đó ở từ đến được
    sẽ đã đang thì mà nhé nha hãy viết soạn lập tổ chức giúp tôi mình em bạn kêu gọi mời
    nhắc do cho em nha đ/c
    """.split()  # noqa: SIM905
)
_WORDS = re.compile(r"[a-z0-9]+(?:[./][a-z0-9]+)*%?")
_TYPED_BAN = re.compile(r"(?<!\w)Ban(?!\w)")
_MIN_NEW_PAIRS = 2  # a clause bringing fewer new word pairs is already in the draft
_NEW_WORD_SHARE = 0.1
# Instructions, not facts: a length limit ("dưới 40 chữ") or a word about style.
_LIMIT_WORDS = r"(?:duoi|toi da|khong qua|khoang) \d+ (?:chu|tu|ky tu|dong|cau|giay|phut)"
_STYLE_WORDS = "giong|hashtag|emoji|bieu tuong cam xuc|ngan gon|ngan thoi|trang trong|than thien"
_NOT_A_FACT = re.compile(rf"(?<![a-z])(?:{_LIMIT_WORDS}|{_STYLE_WORDS}|vui tuoi|am ap)(?![a-z])")
# The frame of a document (header in capitals, number, signature block) says nothing of
# what the prompt asked: "CHỦ TỊCH" under the signature is not "chủ tịch CĐCS" invited.
_FRAME = re.compile(r"^(?:[^a-zà-ỹđ]*|Số:.*|- Lưu:.*|Nơi nhận:.*)$")
_WHEN_WHERE = re.compile(r"(?<![a-z])(?:tai|o|dia diem|luc|vao|ngay|gio|tu|den)(?![a-z])")
_WHEN = re.compile(r"\d{1,2}(?:h\d{0,2}|gio)|\d{1,2}/\d{1,2}(?:/\d{2,4})?|\d{1,2}h\d{2}")


# The template's own headings ("Diễn biến, thiệt hại và việc đã làm:") are not the
# trainee's facts: "không có thiệt hại về người" is not held by a heading.
_LABEL = re.compile(r"^[-\d.\s]*(?=[^\W\d_])(?:[^\s:\[]+ ){0,8}[^\s:\[]+:\s*$")


_NAME_DASH = re.compile(r"\s[-–]\s")


def _joins_names(text: str, at: int) -> bool:
    """The dash at ``at`` links two names, as the stops of a route ("Huế - Quảng Bình"):
    it does not end a clause, or the route would come out as three unrelated bullets."""
    if not _NAME_DASH.match(text, at):
        return False
    before = re.search(r"(\w+)\W*$", text[max(0, at - 30) : at])
    after = text[at + 3 : at + 4]
    return bool(before) and before.group(1)[:1].isupper() and after.isupper()


# "3. Thành phần": the template's list number is not the "3" of "3 ngày" the prompt gave
_LIST_MARK = re.compile(r"^\s*(?:\d{1,2}|[IVX]{1,4})[.)]\s")


def prompt_points(ctx: Context, draft: str) -> list[str]:
    """Clauses of the prompt the draft does not hold yet, in the trainee's words.

    A clause counts as held when its pairs of content words ("thanh niên", "đơn vị máu")
    are in the draft, whatever the order of the clauses; a number not in the draft is
    never dropped, and a one- or two-word item of a list ("kéo co") is compared whole.
    """
    # After follow-ups ("đổi địa điểm thành ...") only the task's own turn is carried, and
    # not its time and place clauses: those are the slots a follow-up changes.
    follow_ups = "\n" in ctx.prompt.strip()
    text = nfc(ctx.prompt.strip().split("\n", 1)[0] if follow_ups else ctx.prompt)
    folded = fold_aligned(text)
    marked = lower(text) != folded
    body = [
        _LABEL.sub("", _LIST_MARK.sub("", line))
        for line in draft.splitlines()
        if not _FRAME.match(line)
    ]
    have = " " + " ".join(_WORDS.findall(fold("\n".join(body)))) + " "
    quoted = [(m.start(), m.end()) for m in QUOTED.finditer(text)]
    ends = [m.start() for m in _CLAUSE_END.finditer(folded)]
    ends = [e for e in ends if not any(a < e < b for a, b in quoted)]  # 'Giỏi việc nước, ...'
    ends = [e for e in ends if not _joins_names(text, e)]  # "Huế - Quảng Bình - Hà Tĩnh"
    ends = [e for e in ends if not _ABBREVIATED.search(folded, 0, e + 1)]  # "ThS. Nguyễn ..."
    points, start, label = [], 0, ""
    for end in [*ends, len(text)]:
        clause, plain = text[start:end], folded[start:end]
        start = end + 1
        previous_label, label = label, ""
        if _NOT_A_FACT.search(plain):
            # "dưới 40 chữ", "giọng trang trọng", "thêm 3 hashtag": instructions; said inside a
            # clause of facts ("Viết bài khoảng 80 chữ chúc mừng 8/3 gửi ..."), only they go
            clause, plain = _without_instructions(clause, plain)
            if clause is None:
                continue
        if folded[end : end + 1] == ":" and len(plain.split()) <= 3 and not _WHEN.search(plain):
            if not _INSTRUCTION.fullmatch(plain.strip()):  # not "Viết bài Facebook:"
                label = clause.strip(" -–,")  # "giải thưởng: nhất 3 triệu": said with its item
            continue
        if follow_ups and _WHEN_WHERE.search(plain):
            continue
        lead = _INSTRUCTION.match(plain.strip())
        if lead and marked and _TYPED_BAN.search(clause.strip()[: lead.end()]):
            lead = None  # "Ban Thể thao chịu trách nhiệm": a committee, not "bản" (a copy)
        skip = len(plain) - len(plain.lstrip()) + (lead.end() if lead else 0)
        words_of = _PHONE_WORDS.sub(lambda m: " " * len(m.group()), plain[skip:])
        found = list(_WORDS.finditer(re.sub(r"#\w+", " ", words_of)))  # hashtags: a slot
        tokens = [m.group() for m in found]
        typed = [lower(clause[skip + m.start() : skip + m.end()]) for m in found]
        filler = {w for w, form in zip(tokens, typed, strict=True) if _is_filler(w, form, marked)}
        content = [w for w in tokens if w not in filler]
        if not content:
            continue
        new_numbers = [w for w in content if any(c.isdigit() for c in w) and f" {w} " not in have]
        if follow_ups and new_numbers and all(_WHEN.fullmatch(w) for w in new_numbers):
            continue  # a time or date a later turn replaced ("đổi giờ thành 15h30")
        pairs = [
            f" {a} {b} "
            for a, b in itertools.pairwise(tokens)
            if a not in filler and b not in filler
        ]
        new_pairs = [p for p in pairs if p not in have]
        new_words = [w for w in content if f" {w} " not in have]
        whole = f" {' '.join(tokens)} " in have
        short = len(content) <= 2 and not whole
        # pairs across two facts already placed ("Huế đăng") say nothing new: some of the
        # clause's own words must be new too
        fresh = len(new_words) >= max(1, _NEW_WORD_SHARE * len(content)) or any(
            w in p.split() for w in new_words if w not in _CUE_WORDS for p in new_pairs
        )  # "... con đoàn viên học giỏi": one new word, said with its neighbour, is a fact
        enough = len(new_pairs) >= min(_MIN_NEW_PAIRS, len(pairs)) and bool(new_pairs)
        if not new_numbers and _restates_fields(content, new_words):
            continue  # "khai mạc 8h00 ngày 10/8 tại ...": the time and place lines hold it
        # a name no line holds ("đi Phong Nha 3 ngày ...") is a fact, however few its pairs
        named = any(
            clause[skip + m.start() : skip + m.end()].istitle() and f" {m.group()} " not in have
            for m in found[1:]
        )
        if new_numbers or short or (fresh and enough) or named:
            rest = re.sub(r"\s*#\w+", "", clause[skip:])  # hashtags go on their own line
            point = restore(_without_placed(ctx, rest, have).strip(" -–,"))
            if not point:
                continue
            if previous_label:
                point = f"{restore(previous_label)}: {_sentence_case_off(point)}"
            points.append(point[:1].upper() + point[1:])
            have += " ".join(tokens) + " "
    return points


# A full stop after a title or an abbreviation ("ThS. Nguyễn Minh Quân", "TP. Huế") does
# not end the clause: split there, the name would come out without its title.
_ABBREVIATED = re.compile(r"(?<![a-z])(?:ths|ts|pgs|gs|bs|ks|tp|ncs|cn|d/c)\.$")


_MIN_FACT_WORDS = 3  # words left beside an instruction that make the clause a fact


def _world_duration(plain: str, m: re.Match[str]) -> bool:
    """ "mỗi người chỉ mất khoảng 5 phút": a duration in the world, a fact to carry."""
    number = re.search(r"\d", m.group())
    if not number or not re.search(r"(?:giay|phut)$", m.group()):
        return False
    return is_world_duration(plain, m.start() + number.start())


def _without_instructions(clause: str, plain: str) -> tuple[str | None, str]:
    """``clause`` and its folded ``plain`` with the length limits and style words blanked
    (same length, so the two stay aligned); ``None`` when too little is left to be a fact."""
    masked = _NOT_A_FACT.sub(
        lambda m: m.group() if _world_duration(plain, m) else " " * len(m.group()), plain
    )
    lead = _INSTRUCTION.match(masked.strip())
    rest = masked.strip()[lead.end() if lead else 0 :]
    if len([w for w in _WORDS.findall(rest) if w not in _FILLER]) < _MIN_FACT_WORDS:
        return None, plain
    kept = "".join(c if m == p else " " for c, m, p in zip(clause, masked, plain, strict=True))
    return kept, masked


def _sentence_case_off(point: str) -> str:
    """A point said after its label goes on in lowercase ("Giải thưởng: nhất 3 triệu"), but
    a name or an abbreviation keeps its capitals ("Báo cáo viên: ThS. Nguyễn Minh Quân")."""
    words = point.split(" ", 2)
    first = words[0]
    if any(ch.isupper() for ch in first[1:]) or (len(words) > 1 and words[1][:1].isupper()):
        return point
    return point[:1].lower() + point[1:]


# "số điện thoại 0905...": the words that name a phone number say nothing the number's
# "Liên hệ" line does not
_PHONE_WORDS = re.compile(r"(?<![a-z])(?:so dien thoai|dien thoai|sdt|dt)(?=\W*\d)")
_CUE_WORDS = frozenset({"sang", "chieu", "toi", "trua", "luc", "vao", "ngay", "tai", "o", "gio"})
_PLACED_CUE = (
    r"(?:(?<!\w)(?:vào|lúc|ngày|tại|ở|sáng|chiều|tối|trưa|vao|luc|ngay|tai|o|sang|chieu|toi"
    r"|trua)\s+)*"
)
_MIN_REST_WORDS = 3  # "Văn nghệ lúc 8h00" stays whole: "Văn nghệ" alone loses its hour


_NEW_VALUE = re.compile(
    r"(?<![a-z])(?:sang|qua)\s+(?:(?:luc\s+)?\d{1,2}h\d{0,2},?\s+)?(?:ngay\s+|luc\s+|vao\s+)?$"
)
_TO_VALUE = re.compile(
    r"(?<![a-z])(?:(?:tu|khoi)\s.*\s(?:sang|qua)"
    r"|(?:chuyen|doi|don|dich)\s+(?:vao|ve|den|toi|sang|qua)(?:\s+(?:tai|o))?)\s+$"
)  # "tại sân chuyển vào nhà ăn": the move needs where it goes
_MOVED_CLAUSE = re.compile(r"(?<!\w)(?:từ|tu|khỏi|khoi)\s.*\s(?:sang|qua)\s+(?:\S+\s+)?\d", re.I)


def _without_placed(ctx: Context, clause: str, have: str) -> str:
    """``clause`` without the time, date and place the draft's field lines already give.

    "... đi Phong Nha ngày 25/7/2026" keeps "đi Phong Nha": the date is on the line
    "Thời gian", and a fact comes out once.
    """
    moved = bool(_MOVED_CLAUSE.search(clause))
    for slot in ("time", "date", "place"):
        for value in ctx.d.get(slot, ()):
            if f" {' '.join(_WORDS.findall(fold(value)))} " not in have:
                continue
            if moved and _NEW_VALUE.search(fold(clause.partition(value)[0])):
                continue  # "đổi từ ngày 20/6 sang ngày 27/6": the change needs both days
            if _TO_VALUE.search(fold(clause.partition(value)[0])):
                continue  # "từ hội trường A sang nhà văn hóa": the change needs both places
            pattern = r"[\s,]*" + _PLACED_CUE + re.escape(value)
            placed = re.search(pattern, clause, flags=re.IGNORECASE)
            if placed and _COUNT_BEFORE.search(fold(clause[: placed.start()])):
                continue  # "đi Cửa Lò 2 ngày 11-12/7": the "2" needs its "ngày"
            rest = re.sub(pattern, "", clause, flags=re.IGNORECASE)
            if len(rest.split()) >= _MIN_REST_WORDS:
                clause = rest
    return re.sub(r"\s{2,}", " ", clause)


# a count just before the removed "ngày ...": "2 ngày" (two days), not "thứ 6 ngày 12/6"
_COUNT_BEFORE = re.compile(r"(?<![\w.,/-])(?<!thu )\d{1,2}\s*$")


def _restates_fields(content: list[str], new_words: list[str]) -> bool:
    """A clause of dates and places the draft's field lines already hold, with at most a
    word or two around them ("khai mạc"): carrying it would state the facts twice."""
    if _UNCHANGED.search(" ".join(content)):
        return False  # "thời gian giữ nguyên 7h30 ...": in a change notice, that is the news
    if names_an_event(" ".join(new_words)):
        return False  # "đăng ký tham gia giải chạy lúc 6h00 ...": the race is the news
    times = [w for w in content if _TIME_WORD.fullmatch(w)]
    dates = [w for w in content if _DATE_WORD.fullmatch(w)]
    return bool(times and dates) and len(content) >= 5 and len(new_words) <= 2


_UNCHANGED = re.compile(r"(?<![a-z])(?:giu nguyen|khong (?:doi|thay doi)|nhu cu)(?![a-z])")


def _drop_restated_extras(lines: list[str], points: list[str]) -> list[str]:
    """Without the lines of figures, budget and deadline whose numbers the title or a
    carried clause states in the trainee's words ("mỗi bài được đăng nhuận bút 200.000đ",
    "điều chỉnh mức chi từ 300.000 đồng lên 500.000 đồng"): once is enough, and the
    sentence says what the amount is for."""
    prefixes = [t(f"doc.{key}", **{key: ""}).rstrip(".") for key in _EXTRA_KEYS]
    prefixes.append("- " + t("doc.report_figures", figures="").rstrip("."))
    labels = [f" {t(f'post.{key}')}: " for key in ("figures", "budget")]  # "💰 Kinh phí, ...: "
    extra = [
        any(line.startswith(prefix) for prefix in prefixes)
        or any(label in f" {line}" for label in labels)
        for line in lines
    ]
    body = [
        line
        for line, is_extra in zip(lines, extra, strict=True)
        if not is_extra and not _FRAME.match(line)
    ]
    words = _WORDS.findall(fold(" ".join(body + points)))
    said, text = set(words), f" {' '.join(words)} "
    kept = []
    for line, is_extra in zip(lines, extra, strict=True):
        if is_extra:
            numbers = [w for w in _WORDS.findall(fold(line)) if any(c.isdigit() for c in w)]
            if numbers and all(w in said for w in numbers):
                continue
            line = _without_said_values(line, text)
        kept.append(line)
    return kept


def _without_said_values(line: str, said: str) -> str:
    """ "Quy mô: 25 đoàn viên, 3 tổ công đoàn." without the values written word for word
    elsewhere ("3 tổ công đoàn vững mạnh"): "Quy mô: 25 đoàn viên." """
    head, sep, rest = line.partition(": ")
    joiner = t("list_joiner")
    end = "." if rest.endswith(".") else ""
    values = rest.rstrip(".").split(joiner)
    fresh = [v for v in values if f" {' '.join(_WORDS.findall(fold(v)))} " not in said]
    if not sep or not fresh or len(fresh) == len(values):
        return line
    return f"{head}{sep}{joiner.join(fresh)}{end}"


_EXTRA_KEYS = ("figures", "budget", "deadline")
_TIME_WORD = re.compile(r"\d{1,2}h(?:\d{2})?")
_DATE_WORD = re.compile(r"\d{1,2}/\d{1,2}(?:/\d{2,4})?")


def _is_filler(word: str, typed: str, marked: bool) -> bool:
    """A word that carries no fact: ``word`` (folded) is a filler, typed as one.

    In a prompt typed with marks (``marked``) the word must be typed as a filler ("thì",
    not "thi" of "thi đấu"); in one typed without marks every folded filler counts.
    """
    if word not in _FILLER:
        return False
    return typed in _FILLER_MARKED if marked else True


def carry_points(ctx: Context, draft: str) -> str:
    if ctx.task not in ("notice", "invitation", "plan", "report", "minutes", "post"):
        return draft
    points = prompt_points(ctx, draft)
    lines = _drop_restated_extras(draft.split("\n"), points)
    if not points:
        text = "\n".join(lines)
        return re.sub(r"\n{3,}", "\n\n", text) if ctx.task == "post" else text
    results = _results_end(lines) if ctx.task == "report" else None
    activities = _activities_placeholder(ctx, lines)
    if activities is not None:
        # a plan's facts are its content, a meeting's its proceedings: under "4. Nội dung" or
        # "Nội dung cuộc họp", not below a blank left to fill in
        if ctx.task == "minutes":
            block = [f"{i}. {end_sentence(p)}" for i, p in enumerate(points, 1)]
        else:
            block = [f"- {end_sentence(p)}" for p in points]
        lines[activities : activities + 1] = block
        ctx.missing[:] = [slot for slot in ctx.missing if slot != "activities"]
        return "\n".join(lines)
    if ctx.task == "post":  # after the call to action, which must show before "Xem thêm"
        at = next((i for i, line in enumerate(lines) if line.startswith("#")), len(lines))
        block = [*(f"- {end_plain(p)}" for p in points), ""]
    elif results is not None:
        # a report's facts are its results: under "Kết quả cụ thể", not after the proposals
        at, block = results, [f"- {end_sentence(p)}" for p in points]
        placeholder = f"- {t('placeholder', label=t('slot.results'))}"
        if lines[at - 1] == placeholder:
            at -= 1
            del lines[at]
            ctx.missing[:] = [slot for slot in ctx.missing if slot != "results"]
    else:
        # the signature block: "TM. BAN CHẤP HÀNH", or "THƯ KÝ ... CHỦ TRÌ" of minutes
        signs = ("TM.", forms.SECRETARY)
        sign = next((i for i, line in enumerate(lines) if line.startswith(signs)), len(lines))
        at = max(0, sign - 2)  # before the closing sentence and the blank line
        block = [t("doc.details_heading"), *(f"- {end_sentence(p)}" for p in points)]
    text = "\n".join([*lines[:at], *block, *lines[at:]])
    # a post's block of detail lines can be left empty once restated ones are dropped
    return re.sub(r"\n{3,}", "\n\n", text) if ctx.task == "post" else text


def _activities_placeholder(ctx: Context, lines: list[str]) -> int | None:
    """Where a plan's "4. Nội dung:" or the minutes' "Nội dung cuộc họp:" asks for what the
    prompt did not list as activities."""
    blank = t("placeholder", label=t("slot.activities"))
    if ctx.task == "plan":
        placeholder, heading = f"- {blank}", f"{forms.FIELD['activities']}:"
    elif ctx.task == "minutes":
        placeholder, heading = f"1. {blank}", t("doc.minutes_content")
    else:
        return None
    for i, line in enumerate(lines[1:], 1):
        if line == placeholder and lines[i - 1].endswith(heading):
            return i
    return None


def _results_end(lines: list[str]) -> int | None:
    """Where the bullets of a report's results ("Kết quả cụ thể:") end."""
    headings = (t("doc.report_results"), t("doc.report_incident_facts"))
    for i, line in enumerate(lines):
        if line.split(". ", 1)[-1] in headings:
            end = i + 1
            while end < len(lines) and lines[end].startswith("- "):
                end += 1
            return end
    return None


def end_plain(value: str) -> str:
    """A carried clause ending in one full stop, whatever it ended with."""
    return value.rstrip(" .;") + "."
