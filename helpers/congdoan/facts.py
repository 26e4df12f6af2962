"""Check an AI answer against source texts: which claims have a source, which contradict one.

AI tools state numbers, dates and names with the same confidence whether they are right
or invented. :func:`verify` splits an answer into sentence-level claims, pulls out each
claim's *anchors* (numbers, dates, years, money, percentages, times, document codes,
quoted titles and proper names) and looks for them in the sources the trainee trusts
(a notice from the federation, a report, a web page pasted as text).

>>> report = verify("LĐLĐ thành phố Huế quản lý 446 CĐCS.",
...                 "Liên đoàn Lao động thành phố Huế trực tiếp quản lý 446 công đoàn cơ sở.")
>>> [claim.verdict for claim in report.claims]
['supported']

Rules (documented so trainers can explain a verdict):

* **supported** – every anchor of the claim is found in a source sentence about the same
  thing. Numbers are compared by value (``53.600`` = ``53600`` = ``53,6 nghìn``); after
  *khoảng*, *gần*, *hơn*, *trên*, *xấp xỉ* a number within 5 % counts as the same. Dates
  are compared as dates whatever the written form; names ignore case and diacritics.
* **contradicted** – an anchor is missing, and a source sentence about the same subject
  (sharing enough content words, and the unit after a number: *đoàn viên*, *CĐCS*...)
  gives a different value of the same kind.
* **not_found** – an anchor is in no source and nothing contradicts it: the claim may be
  true, but the trainee must check it elsewhere before using it.
* **outdated units** – independent of the sources, a claim naming an administrative unit
  abolished in 2025 (``tỉnh Thừa Thiên Huế``, ``huyện Phú Vang``, ``quận Phú Xuân``...)
  as a current unit is flagged with a hint (a warning, not an error), unless the sentence
  is clearly about the past (a year before 2025, *trước đây*, *đổi thành*...).

The method is lexical: it finds missing and changed facts, not paraphrased or reasoned
ones. ``tests/bench_facts.py`` prints its precision and recall on the labelled set.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from itertools import pairwise
from typing import Literal

from .errors import InputError
from .i18n import msg
from .report import ERROR, WARNING, Item, Report
from .text import SIZE_WORDS, find_dates, find_money, find_times, fold, fold_aligned, normalize
from .vocabulary import find_outdated

__all__ = ["VERDICTS", "Anchor", "Claim", "Evidence", "FactReport", "extract_claims", "verify"]

Verdict = Literal["supported", "contradicted", "not_found"]
VERDICTS: tuple[Verdict, ...] = ("supported", "contradicted", "not_found")
AnchorKind = Literal["money", "percent", "date", "year", "time", "number", "code", "quote", "name"]
_KIND_ORDER = ("money", "percent", "date", "year", "number", "time", "code", "quote", "name")
_APPROX_TOLERANCE = Decimal("0.05")
_SAME_SUBJECT = 0.34  # share of the claim's content words a source sentence must have
_STRONG_SUBJECT = 0.5  # enough to call a number without a unit contradicted


@dataclass(frozen=True)
class Anchor:
    """One checkable fact inside a claim: ``kind``, the text as written and its value."""

    kind: AnchorKind
    text: str
    value: object
    unit: str = ""  # for numbers: the folded words after it ("doan vien")
    approximate: bool = False
    head: str = ""  # for quantities: the folded words before it ("vung ii" in "vùng II là")


@dataclass(frozen=True)
class Evidence:
    """The source sentence a verdict rests on and the name of its source."""

    source: str
    sentence: str

    def _repr_html_(self) -> str:
        return f"<b>{html.escape(self.source)}</b>: {html.escape(self.sentence)}"


@dataclass(frozen=True)
class Claim:
    """A sentence of the answer with its anchors and verdict.

    ``kind`` is the kind of its most telling anchor (money before a date...);
    ``evidence`` is the source sentence the verdict rests on; ``missing`` lists, as
    written, the anchors no source supports or one contradicts; ``outdated`` names an
    administrative unit abolished in 2025 that the sentence treats as current, and
    ``hint`` tells the trainee what to write instead.
    """

    text: str
    kind: AnchorKind
    anchors: tuple[Anchor, ...]
    verdict: Verdict
    evidence: Evidence | None = None
    missing: tuple[str, ...] = ()
    outdated: str = ""
    hint: str = ""

    @property
    def symbol(self) -> str:
        return {"supported": "✓", "contradicted": "✗", "not_found": "?"}[self.verdict]

    @property
    def label(self) -> str:
        return msg(f"facts.verdict.{self.verdict}")


@dataclass
class FactReport:
    """The claims of one answer and their verdicts; shows itself as a table in Jupyter."""

    claims: list[Claim] = field(default_factory=list)
    sources: tuple[str, ...] = ()

    def __iter__(self):
        return iter(self.claims)

    def __len__(self) -> int:
        return len(self.claims)

    @property
    def counts(self) -> dict[str, int]:
        """How many claims have each verdict, and how many name an outdated unit."""
        counts = {verdict: 0 for verdict in VERDICTS}
        for claim in self.claims:
            counts[claim.verdict] += 1
        counts["outdated"] = sum(1 for claim in self.claims if claim.outdated)
        return counts

    @property
    def ok(self) -> bool:
        """No claim contradicts a source (claims without a source still need checking)."""
        return not any(claim.verdict == "contradicted" for claim in self.claims)

    def by_verdict(self, verdict: str) -> list[Claim]:
        return [claim for claim in self.claims if claim.verdict == verdict]

    @property
    def outdated(self) -> list[Claim]:
        return [claim for claim in self.claims if claim.outdated]

    def as_report(self) -> Report:
        """The same verdicts as a :class:`~congdoan.report.Report` (for grading and panels)."""
        items = []
        for number, claim in enumerate(self.claims, 1):
            text = _short(claim.text)
            ok = claim.verdict == "supported"
            severity = ERROR if claim.verdict == "contradicted" else WARNING
            message = msg(f"facts.item.{claim.verdict}", claim=text)
            items.append(Item(f"claim_{number}", ok, message, _evidence_hint(claim), severity))
            if claim.outdated:
                message = msg("facts.item.outdated", unit=claim.outdated, claim=text)
                items.append(Item(f"outdated_{number}", False, message, claim.hint, WARNING))
        return Report("facts", items)

    def summary(self) -> str:
        counts = self.counts
        return msg(
            "facts.summary",
            total=len(self.claims),
            supported=counts["supported"],
            contradicted=counts["contradicted"],
            not_found=counts["not_found"],
            outdated=counts["outdated"],
        )

    def __str__(self) -> str:
        lines = [self.summary()]
        for claim in self.claims:
            lines.append(f"{claim.symbol} {claim.label}: {claim.text}")
            if claim.missing:
                lines.append("    " + msg("facts.missing", anchors=", ".join(claim.missing)))
            if claim.evidence is not None:
                lines.append("    " + _evidence_hint(claim))
            if claim.outdated:
                lines.append("    ! " + msg("facts.outdated_label", unit=claim.outdated))
                lines.append("      → " + claim.hint)
        if not self.claims:
            lines.append(msg("facts.no_claims"))
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        colours = {"supported": "#1b7f3b", "contradicted": "#b3261e", "not_found": "#8a6d00"}
        head = "".join(
            f"<th style='text-align:left'>{html.escape(msg(f'facts.column.{name}'))}</th>"
            for name in ("claim", "verdict", "evidence")
        )
        rows = []
        for claim in self.claims:
            verdict = f"<b>{claim.symbol}</b> {html.escape(claim.label)}"
            if claim.missing:
                verdict += "<br><small>" + html.escape(", ".join(claim.missing)) + "</small>"
            if claim.outdated:
                verdict += (
                    "<br><span style='color:#8a6d00'>! "
                    + html.escape(msg("facts.outdated_label", unit=claim.outdated))
                    + f"</span><br><em>{html.escape(claim.hint)}</em>"
                )
            evidence = claim.evidence._repr_html_() if claim.evidence is not None else ""
            rows.append(
                f"<tr><td style='text-align:left'>{html.escape(claim.text)}</td>"
                f"<td style='text-align:left;color:{colours[claim.verdict]}'>{verdict}</td>"
                f"<td style='text-align:left'>{evidence}</td></tr>"
            )
        if not rows:
            rows.append(f"<tr><td colspan='3'>{html.escape(msg('facts.no_claims'))}</td></tr>")
        return (
            f"<div><strong>{html.escape(self.summary())}</strong>"
            f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
        )


def _short(text: str, limit: int = 90) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _evidence_hint(claim: Claim) -> str:
    if claim.evidence is None:
        return msg("facts.hint.not_found") if claim.verdict == "not_found" else ""
    key = "facts.hint.contradicted" if claim.verdict == "contradicted" else "facts.hint.source"
    return msg(key, source=claim.evidence.source, sentence=_short(claim.evidence.sentence, 160))


# --------------------------------------------------------------------------- folding


# Abbreviations union texts use, spelled out so "446 CĐCS" meets "446 công đoàn cơ sở".
_ABBREVIATIONS = {
    "cdcs": "cong doan co so",
    "ldld": "lien doan lao dong",
    "tld": "tong lien doan",
    "cnvcld": "cong nhan vien chuc lao dong",
    "cnld": "cong nhan lao dong",
    "nld": "nguoi lao dong",
    "dvcd": "doan vien cong doan",
    "dv": "doan vien",
    "cd": "cong doan",
    "bch": "ban chap hanh",
    "ubnd": "uy ban nhan dan",
    "tp": "thanh pho",
    "atvsld": "an toan ve sinh lao dong",
    "ttth": "tinh thua thien hue",
}
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def _fold_words(text: str) -> list[str]:
    words: list[str] = []
    for word in _WORD.findall(fold(text)):
        words.extend(_ABBREVIATIONS.get(word, word).split())
    return words


def _folded_phrase(text: str) -> str:
    return " ".join(_fold_words(text))


# Function words and union boilerplate that say nothing about what a sentence is about.
_STOPWORDS = frozenset(
    {
        "va", "la", "cua", "cac", "nhung", "mot", "co", "duoc", "trong", "tai", "voi", "cho", "de",
        "nay", "do", "da", "se", "dang", "ve", "theo", "tu", "den", "khoang", "hon", "gan", "tren",
        "duoi", "so", "nguoi", "nam", "ngay", "thang", "luc", "vao", "ra", "khi", "thi", "ma",
        "nen", "cung", "rat", "nhieu", "it", "moi", "tat", "ca", "con", "nhu", "bang", "boi", "vi",
        "neu", "hay", "hoac", "chi", "ong", "ba", "anh", "em", "toan", "bo", "hien", "truoc",
        "sau", "khong", "chua", "xap", "xi", "lan", "thu", "minh", "dip"
    }
)  # fmt: skip


# Verbs that say an event happens, not which: "Đại hội tổ chức ngày 15/6" and "Đại hội họp
# ngày 16/6" are about the same congress.
_HAPPENS = frozenset({("to", "chuc"), ("dien", "ra"), ("tien", "hanh"), ("thuc", "hien")})


def _content(words: Iterable[str]) -> set[str]:
    """Content words and the pairs of adjacent content words (Vietnamese words are pairs)."""
    words = [word for word in words if word.isalpha()]
    happens = {at for at, pair in enumerate(pairwise(words)) if pair in _HAPPENS}
    # a word of such a verb counts as a stop word: neither on its own nor in a pair
    kept = [
        None if at in happens or at - 1 in happens or word in _STOPWORDS else word
        for at, word in enumerate(words)
    ]
    unigrams = {word for word in kept if word}
    bigrams = {f"{a} {b}" for a, b in pairwise(kept) if a and b}
    return unigrams | bigrams


def _subject(sentence: str) -> frozenset[str]:
    """What a sentence is about: its content words, leaving out quoted titles."""
    return frozenset(_content(_fold_words(_QUOTE.sub(" ", sentence))))


# --------------------------------------------------------------------------- sentences

_BULLET = re.compile(r"^\s*(?:[-*•+>]+|\d{1,2}[.)]|[a-zđ][.)]|#+)\s+", re.IGNORECASE)
_EMPHASIS = re.compile(r"\*\*|__|`")
# A sentence ends at ". ! ? …"; a clause after ";" states a fact of its own ("Lễ phát động
# ngày 28/4; Đối thoại ngày 15/5"), so it is compared on its own too.
_SENTENCE_END = re.compile(r"(?<=[.!?…;])\s+(?=[\"“'(\[]?[^\W\d_]|\d)")
_NO_BREAK_BEFORE = {"tp", "p", "q", "ths", "ts", "pgs", "gs", "bs", "st", "tt", "v.v", "đ/c", "d/c"}


def _sentences(text: str) -> list[str]:
    """Sentences of a text: lines first (lists, headings), then sentence ends inside lines."""
    sentences: list[str] = []
    for line in normalize(text).split("\n"):
        line = _EMPHASIS.sub("", _BULLET.sub("", line)).strip()
        if not line:
            continue
        start = 0
        for stop in _SENTENCE_END.finditer(line):
            before = line[start : stop.start()].rsplit(None, 1)[-1].rstrip(".").lower()
            if before in _NO_BREAK_BEFORE:
                continue
            sentences.append(line[start : stop.start()].strip())
            start = stop.end()
        sentences.append(line[start:].strip())
    return [sentence for sentence in sentences if sentence]


# --------------------------------------------------------------------------- anchors
#
# A claim is checked through its anchors: the money, percentages, dates, times, years,
# names, numbers, document codes and quotations it states. Each kind has its finder
# below. ``_anchors`` asks them in ``_FINDERS`` order, most specific first, and a finder
# yields only matches where no earlier anchor stands ("115/KH-LĐLĐ" is a code, not a
# number), each with the anchors it makes and their spans (a span of years makes two).


@dataclass
class _Reading:
    """One sentence being read for anchors, and the spans its anchors already hold."""

    text: str
    default_year: int | None
    spans: list[tuple[int, int]] = field(default_factory=list)

    def free(self, start: int, end: int) -> bool:
        return not any(s < end and start < e for s, e in self.spans)


_Found = tuple[tuple[int, int, Anchor], ...]

_QUOTE = re.compile(r"[\"“”«]([^\"“”«»]{3,160})[\"”»]")


def _quotes(r: _Reading) -> Iterator[_Found]:
    for m in _QUOTE.finditer(r.text):
        if r.free(m.start(), m.end()):
            yield ((m.start(), m.end(), Anchor("quote", m[1].strip(), _folded_phrase(m[1]))),)


# a document number: "115/KH-LĐLĐ", "01/2026/NĐ-CP"
_CODE = re.compile(r"(?<![\w/])\d+/(?:\d{4}/)?[A-ZĐ][\w.-]*(?:-[\w.]+)*", re.UNICODE)


def _codes(r: _Reading) -> Iterator[_Found]:
    for m in _CODE.finditer(r.text):
        if r.free(m.start(), m.end()):
            code = Anchor("code", m[0], _folded_phrase(m[0]) + _digits(m[0]))
            yield ((m.start(), m.end(), code),)


# "15 đồng chí": comrades, not đồng (money)
_COMRADE = re.compile(r"\s+chí\b")


def _amounts(r: _Reading) -> Iterator[_Found]:
    for span in find_money(r.text):
        if not _COMRADE.match(r.text, span.end) and r.free(span.start, span.end):
            yield ((span.start, span.end, _money_anchor(r.text, span)),)


# "65%", "12,5 phần trăm"
_PERCENT = re.compile(r"(?<![\d.,])(\d+(?:[.,]\d+)?)\s?(?:%|phần trăm)")


def _percents(r: _Reading) -> Iterator[_Found]:
    for m in _PERCENT.finditer(r.text):
        value = _decimal(m[1])
        if value is not None and r.free(m.start(), m.end()):
            at = m.start()
            approx, head = _approximate(r.text, at), _head_before(r.text, at)
            share = Anchor("percent", m[0], value, _share_of(r.text, at), approx, head)
            yield ((at, m.end(), share),)


def _dates(r: _Reading) -> Iterator[_Found]:
    for span in find_dates(r.text, default_year=r.default_year or 1):
        if not r.free(span.start, span.end):
            continue
        has_year = bool(re.search(r"\d{4}|năm", span.text)) or bool(
            re.search(r"^[/-]\d{2}(?!\d)", r.text[span.end - 3 : span.end])
            and span.text.count("/") + span.text.count("-") == 2
        )
        value = (span.value.day, span.value.month, span.value.year if has_year else None)
        yield ((span.start, span.end, Anchor("date", span.text, value)),)


# "tháng 5 năm 2026", "tháng 5/2026": a month, dated without its day
_MONTH = re.compile(r"(?i)\btháng\s+(0?[1-9]|1[0-2])\s*(?:[/-]|,?\s*năm)\s*(\d{4})(?!\d)")


def _months(r: _Reading) -> Iterator[_Found]:
    for m in _MONTH.finditer(r.text):
        if r.free(m.start(), m.end()):
            yield ((m.start(), m.end(), Anchor("date", m[0], (0, int(m[1]), int(m[2])))),)


def _times(r: _Reading) -> Iterator[_Found]:
    for span in find_times(r.text):
        if r.free(span.start, span.end):
            yield ((span.start, span.end, Anchor("time", span.text, span.value)),)


# "1929 - 2026", "nhiệm kỳ 2023-2028": a span of years, two anchors
_YEAR_RANGE = re.compile(r"(?<![\d.,/])((?:19|20)\d\d)\s*[-–]\s*((?:19|20)\d\d)(?!\d)")


def _year_ranges(r: _Reading) -> Iterator[_Found]:
    for m in _YEAR_RANGE.finditer(r.text):
        if r.free(m.start(), m.end()):
            first, last = Anchor("year", m[1], int(m[1])), Anchor("year", m[2], int(m[2]))
            yield ((m.start(1), m.end(1), first), (m.start(2), m.end(2), last))


# a year on its own ("năm 2026"), not inside a date or a number
_YEAR = re.compile(r"(?<![\d.,/-])(19\d\d|20\d\d|2100)(?![\d.,/]\d)")


def _years(r: _Reading) -> Iterator[_Found]:
    for m in _YEAR.finditer(r.text):
        if r.free(m.start(), m.end()):
            yield ((m.start(), m.end(), Anchor("year", m[0], int(m[0]))),)


def _named(r: _Reading) -> Iterator[_Found]:
    for start, end, name in _names(r.text):
        if r.free(start, end):
            head = " ".join(_fold_words(r.text[max(0, start - 30) : start])[-2:])
            yield ((start, end, Anchor("name", name, _folded_phrase(name), head)),)


_NUMBER = re.compile(
    r"(?<![\d.,/\w])(\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)"
    r"(?:\s?(nghìn|ngàn|triệu|tỷ|tỉ|vạn|nghin|ngan|trieu|ty|ti)(?![^\W\d_]))?"
    r"(?![\d/]|[.,]\d)(\s?(?:dong|vnd|VND|d)(?![^\W\d_]))?"
)


def _numbers(r: _Reading) -> Iterator[_Found]:
    for m in _NUMBER.finditer(r.text):
        if r.free(m.start(), m.end()) and (anchor := _number_anchor(r.text, m)):
            yield ((m.start(), m.end(), anchor),)


_FINDERS: tuple[Callable[[_Reading], Iterator[_Found]], ...] = (
    _quotes,
    _codes,
    _amounts,
    _percents,
    _dates,
    _months,
    _times,
    _year_ranges,
    _years,
    _named,
    _numbers,
)


def _anchors(sentence: str, *, default_year: int | None = None) -> list[Anchor]:
    """Every anchor of one sentence, in reading order; spans never overlap."""
    reading = _Reading(sentence, default_year)
    found: list[tuple[int, Anchor]] = []
    for finder in _FINDERS:
        for match in finder(reading):
            for start, end, anchor in match:
                found.append((start, anchor))
                reading.spans.append((start, end))
    return [anchor for _, anchor in sorted(found, key=lambda pair: pair[0])]


def _decimal(written: str) -> Decimal | None:
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", written):
        written = written.replace(".", "").replace(",", ".")
    else:
        written = written.replace(",", ".")
    try:
        return Decimal(written)
    except InvalidOperation:
        return None


_UNIT_SKIP = {"nguoi", "khoang", "hon", "gan"}


def _unit_after(sentence: str, end: int) -> str:
    """The two folded words after a number: ``446 CĐCS`` → ``cong doan``."""
    words = [w for w in _fold_words(sentence[end : end + 40]) if w not in _UNIT_SKIP]
    return " ".join(words[:2])


# Words between a subject and its quantity that say nothing about which subject it is.
_HEAD_SKIP = {
    "la", "co", "dat", "chiem", "khoang", "gom", "duoc", "tri", "gia", "bang", "muc", "hon",
    "gan", "tong", "so", "len", "tu", "tang", "giam", "con", "chi", "thu", "toi", "da", "voi",
}  # fmt: skip
_CLAUSE = re.compile(r"[,;:()]")


def _head_before(sentence: str, start: int) -> str:
    """The two folded words naming what a quantity counts (``vùng II là 4.410.000``)."""
    before = sentence[max(0, start - 40) : start]
    cut = list(_CLAUSE.finditer(before))
    if cut:
        before = before[cut[-1].end() :]
    words = [w for w in _fold_words(before) if w not in _HEAD_SKIP and not w.isdigit()]
    return " ".join(words[-2:])


# Whose share a percentage gives, when the words before it say: "398 nữ, chiếm 65%" is
# the women's share, "đoàn viên nam chiếm 35%" the men's. Read with diacritics only:
# folded, "nam" would also be "năm" (year).
# "Nam" with its capital inside a sentence is a place ("Việt Nam", "miền Nam", "Hà Nam"),
# not the men; at the start of a sentence it may be either, and counts as the men.
_SHARE_OF = re.compile(r"(?<![^\W\d_])(nữ|Nữ|NỮ|nam|NAM|(?<![^\W\d_] )Nam)(?![^\W\d_])")


def _share_of(sentence: str, start: int) -> str:
    """``"nu"`` or ``"nam"`` when exactly one of them stands just before a percentage."""
    groups = {fold(m[1]) for m in _SHARE_OF.finditer(sentence[max(0, start - 40) : start])}
    return groups.pop() if len(groups) == 1 else ""


# "khoảng 300", "gần 1.000", "hơn 65%": a quantity given roughly
_APPROX = re.compile(r"(?:khoang|gan|hon|tren|xap xi|chung|uoc|hang|~|≈|duoi|toi|den)\s*$")


def _approximate(sentence: str, start: int) -> bool:
    return bool(_APPROX.search(fold(sentence[max(0, start - 12) : start])))


def _digits(text: str) -> str:
    return "#" + re.sub(r"\D", "", text)


def _money_anchor(sentence: str, span) -> Anchor:
    approximate = _approximate(sentence, span.start)
    head = _head_before(sentence, span.start)
    return Anchor("money", span.text.strip(), Decimal(span.value), "", approximate, head)


def _number_anchor(sentence: str, m: re.Match[str]) -> Anchor | None:
    value = _decimal(m[1])
    if value is None:
        return None
    if m[2]:
        value *= SIZE_WORDS[m[2].lower()]
    digits = re.sub(r"\D", "", m[1])
    if len(digits) >= 9 and not m[2]:
        return None  # phone numbers and ID numbers are not facts to compare
    money = bool(m[3]) and (bool(m[2]) or m[3].strip().lower() != "d")
    return Anchor(
        "money" if money else "number",
        m[0],
        value,
        _unit_after(sentence, m.end()),
        _approximate(sentence, m.start()),
        _head_before(sentence, m.start()),
    )


# --------------------------------------------------------------------------- names

# Words of organisation and event names that say nothing on their own ("Ban Chấp", "Liên").
_ORG_WORDS = frozenset(
    {
        "lien", "doan", "lao", "dong", "cong", "nhan", "vien", "chuc", "ban", "chap", "hanh",
        "thuong", "vu", "chu", "tich", "pho", "ngay", "thang", "nam", "hoi", "nghi", "dai",
        "quoc", "te", "viet", "tong", "thanh", "tinh", "huyen", "quan", "xa", "phuong", "ke",
        "hoach", "thong", "bao", "cao", "truong", "uy", "so", "co", "nha", "van", "hoa", "trung",
        "tam", "chuong", "trinh", "tet", "sum", "vay", "mai", "am", "bua", "com", "nu", "gia",
        "dinh", "ngan", "sach", "kinh", "phi", "dang", "nuoc", "chinh", "phu", "bo", "luat",
        "quyet", "chi", "thi", "dieu", "khoan", "muc", "phong", "trao", "huong", "dan", "cau",
        "tra", "loi", "luu", "y", "ghi", "tom", "lai", "ket", "qua", "tieu", "noi", "dung",
        "thoi", "gian", "dia", "diem", "phan", "gui", "lan", "dot", "ai", "chatgpt", "gemini",
        "copilot", "deepseek", "zalo", "facebook", "fanpage", "email", "word", "excel", "google",
        "microsoft", "forms", "benh", "khu", "san"
    }
)  # fmt: skip
# Function words: a single one capitalised is a sentence or clause opening, not a name.
_FUNCTION_WORDS = frozenset(
    {
        "theo", "trong", "tai", "tu", "den", "khi", "sau", "truoc", "neu", "ve", "do", "day", "nay",
        "cac", "nhung", "mot", "hai", "ba", "bon", "muoi", "khoang", "hon", "gan", "tren", "moi",
        "tat", "ca", "duoc", "da", "se", "dang", "cho", "voi", "va", "la", "cua", "thi", "vi",
        "tuy", "nhien", "ngoai", "ra", "dong", "thoi", "vay", "xin", "chao", "ban", "toi", "chung",
        "hien", "co", "ngay"
    }
)  # fmt: skip
# All-capital abbreviations of common bodies and document types (not names to check).
_COMMON_ABBREVIATIONS = frozenset(_ABBREVIATIONS) | frozenset(
    {
        "tnhh", "cp", "mtv", "hdnd", "mttq", "ubmttq", "qd", "kh", "tb", "bc", "gm", "nq", "ct",
        "hd", "ctr", "ttr", "bb", "qc", "vt", "cntt", "ai", "ok", "sdt", "cccd", "cmnd", "stk",
        "qr", "url", "pdf", "atvsld", "bhxh", "bhyt", "ld"
    }
)  # fmt: skip
_ROMAN = re.compile(r"[IVXLC]+")
_NAME_TOKEN = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*|\d+", re.UNICODE)


def _names(sentence: str) -> Iterator[tuple[int, int, str]]:
    """Runs of capitalised syllables (``Phú Vang``, ``Nguyễn Văn An``, ``A Lưới 3``).

    A run at the start of the sentence must have two syllables (the first word of a
    sentence is capitalised anyway); runs made only of common words (``Ban Chấp``,
    ``Liên``) and all-capital abbreviations are skipped.
    """
    run: list[re.Match[str]] = []
    for token in _NAME_TOKEN.finditer(sentence):
        joined = bool(run) and sentence[run[-1].end() : token.start()] in (" ", "\u00a0")
        if _capitalised(token[0], run, joined):
            if run and not joined:
                yield from _emit(sentence, run)
                run = []
            run.append(token)
        else:
            yield from _emit(sentence, run)
            run = []
    yield from _emit(sentence, run)


def _capitalised(word: str, run: list, joined: bool) -> bool:
    if word.isdigit():
        return bool(run) and joined and len(word) <= 2  # "A Lưới 3", "Phường 5"
    if len(word) > 1 and word.isupper():
        return fold(word) not in _COMMON_ABBREVIATIONS  # CĐCS, LĐLĐ are not names; TRT is
    return word[0].isupper()


def _emit(sentence: str, run: list[re.Match[str]]) -> Iterator[tuple[int, int, str]]:
    while run and run[-1][0].isdigit() and len(run) == 1:
        run = run[:-1]
    if not run:
        return
    opening = not sentence[: run[0].start()].strip(" \"“(«'-–:")
    while opening and len(run) > 1 and fold(run[0][0]) in _ORG_WORDS | _FUNCTION_WORDS:
        run = run[1:]  # "Xã A Lưới 2" → "A Lưới 2", "Theo Nguyễn Văn An" → "Nguyễn Văn An"
    words = fold(" ".join(token[0] for token in run if not token[0].isdigit())).split()
    if not words or all(word in _ORG_WORDS for word in words):
        return
    if len(words) == 1 and (words[0] in _FUNCTION_WORDS or _ROMAN.fullmatch(run[0][0])):
        return
    start = run[0].start()
    if len(run) == 1 and opening:
        return  # one capitalised word opening the sentence
    yield start, run[-1].end(), sentence[start : run[-1].end()]


# --------------------------------------------------------------------------- outdated units

# The units themselves (and the day each ceased) are the union vocabulary's one list.
_PAST_MARKERS = re.compile(
    r"(?i)trước\s+đây|trước\s+kia|\bcũ\b|nguyên\s+là|trước\s+khi|trở\s+thành|đổi\s+thành"
    r"|đổi\s+tên|sắp\s+xếp|sáp\s+nhập|giải\s+thể|kết\s+thúc|chấm\s+dứt|không\s+còn|thay\s+cho"
    r"|nay\s+là|từng\s+là|lịch\s+sử"
)


def _outdated_unit(sentence: str) -> str:
    """The abolished unit the sentence names as current, or ``""``."""
    found = find_outdated(sentence)
    if not found or _PAST_MARKERS.search(sentence):
        return ""
    years = [int(y) for y in re.findall(r"(?<!\d)(19\d\d|20[0-2]\d)(?!\d)", sentence)]
    if years and max(years) < 2025:
        return ""  # a sentence about an earlier year may name the unit of that time
    return re.sub(r"\s+", " ", found[0].text)


def _outdated_hint(unit: str) -> str:
    folded = fold(unit)
    if "thua thien" in folded or "tt" in folded.split("-")[0].split()[0:1]:
        return msg("facts.hint.outdated_province")
    return msg("facts.hint.outdated_district", unit=unit)


# --------------------------------------------------------------------------- matching


@dataclass(frozen=True)
class _SourceSentence:
    source: str
    text: str
    anchors: tuple[Anchor, ...]
    content: frozenset[str]
    folded: str


# "Luật này có hiệu lực từ ngày 01/7/2025": "this law" is the source itself, whose name
# ("Luật Công đoàn 2024") says what the sentence is about.
_THIS_DOCUMENT = re.compile(
    r"(?i)(?<!\w)(?:luật|bộ luật|nghị định|thông tư|quyết định|nghị quyết|kế hoạch|điều lệ"
    r"|quy chế|quy định|hướng dẫn|chỉ thị|văn bản|thông báo|báo cáo)\s+này(?!\w)"
)


def _prepare_sources(sources: Mapping[str, str]) -> list[_SourceSentence]:
    prepared = []
    for name, text in sources.items():
        default_year = _first_year(text)
        for sentence in _sentences(text):
            subject = _subject(sentence)
            if _THIS_DOCUMENT.search(sentence):
                subject |= _subject(name)
            prepared.append(
                _SourceSentence(
                    name,
                    sentence,
                    tuple(_anchors(sentence, default_year=default_year)),
                    subject,
                    " " + " ".join(_fold_words(sentence)) + " ",
                )
            )
    return prepared


def _first_year(text: str) -> int | None:
    m = _YEAR.search(text)
    return int(m[0]) if m else None


def _similarity(claim: frozenset[str], source: frozenset[str]) -> float:
    if not claim:
        return 0.0
    return len(claim & source) / len(claim)


def _same_value(claim: Anchor, other: Anchor) -> bool:
    if claim.kind in ("number", "money", "percent"):
        if other.kind != claim.kind and {claim.kind, other.kind} != {"number", "money"}:
            return False
        a, b = claim.value, other.value
        if a == b:
            return True
        if claim.approximate and b:
            return abs(a - b) / abs(b) <= _APPROX_TOLERANCE  # type: ignore[operator]
        return False
    if claim.kind == "date" and other.kind == "date":
        (d1, m1, y1), (d2, m2, y2) = claim.value, other.value  # type: ignore[misc]
        same_year = y1 is None or y2 is None or y1 == y2
        if d1 == 0 or d2 == 0:  # a month ("tháng 12/2025") matches any day of it
            return m1 == m2 and same_year
        return (d1, m1) == (d2, m2) and same_year
    if claim.kind == "year":
        if other.kind == "year":
            return claim.value == other.value
        return other.kind == "date" and other.value[2] == claim.value  # type: ignore[index]
    if claim.kind in ("name", "quote", "code"):
        return other.kind == claim.kind and claim.value == other.value
    return other.kind == claim.kind and claim.value == other.value


_LEVELS = {"tinh", "huyen", "quan", "thi", "xa", "phuong", "pho", "thon", "tp"}


def _found_in(anchor: Anchor, sentence: _SourceSentence) -> bool:
    if anchor.kind == "name":
        return _name_found(anchor, sentence.folded)
    if anchor.kind == "quote":
        return f" {anchor.value} " in sentence.folded
    if anchor.kind == "code":
        return any(_same_value(anchor, other) for other in sentence.anchors) or (
            anchor.value.split("#")[0].strip() in sentence.folded  # type: ignore[union-attr]
        )
    return any(
        _same_value(anchor, other) and _paired(anchor, other, sentence)
        for other in sentence.anchors
    )


def _name_found(anchor: Anchor, folded: str) -> bool:
    """The name is in the source sentence, and not only as another level's name.

    "quận Thuận Hóa" is not supported by "phường Thuận Hóa": the same name for another
    unit. A source that names it with no level at all still supports it.
    """
    needle = f" {anchor.value} "
    level = _last_word(anchor.unit)
    at = folded.find(needle)
    if at < 0 or level not in _LEVELS:
        return at >= 0
    while at >= 0:
        before = folded[:at].split()[-1:] or [""]
        if before[0] == level or before[0] not in _LEVELS:
            return True
        at = folded.find(needle, at + 1)
    return False


def _paired(anchor: Anchor, other: Anchor, sentence: _SourceSentence) -> bool:
    """The same value counts the same thing: "19 phường" is not "19 xã".

    A number names what it counts after it (``unit``) and its subject before it (``head``,
    "vùng II là ..."); when the source counts something else with this value, or gives the
    claim's subject another value, the value found is not the claim's.
    """
    same_kind = anchor.kind == other.kind in ("number", "percent") and anchor.unit and other.unit
    if same_kind and not _unit_match(anchor.unit, other.unit):
        return False
    if anchor.head and other.head and anchor.head != other.head:
        rivals = (o for o in sentence.anchors if o is not other and o.kind == other.kind)
        if any(o.head == anchor.head for o in rivals):
            return False
    return True


def _comparable(kind: str) -> set[str]:
    if kind in ("number", "money"):
        return {"number", "money"}
    if kind in ("date", "year"):
        return {"date", "year"}
    return {kind}


def _conflict(anchor: Anchor, sentence: _SourceSentence, similarity: float, claim: list) -> bool:
    """The source sentence gives another value where the claim gives ``anchor``.

    Money, percentages, quoted titles and document codes are specific: a sentence on the
    same subject with another value contradicts. A number or a name needs the same unit
    (``đoàn viên``) or head (``Khu công nghiệp``), or else a closely similar sentence;
    dates and years need a closely similar sentence.
    """
    strong = similarity >= _STRONG_SUBJECT
    for other in sentence.anchors:
        if other.kind not in _comparable(anchor.kind):
            continue
        if any(_states(mine, other) for mine in claim):
            continue  # the claim states this value too: not a rival
        shares = anchor.kind == "percent" == other.kind and anchor.unit and other.unit
        if shares and anchor.unit != other.unit:
            continue  # the women's share does not rival the men's
        if anchor.kind in ("money", "percent", "quote", "code"):
            return True
        if anchor.kind == "number" == other.kind and anchor.unit and other.unit:
            if _unit_match(anchor.unit, other.unit):
                return True
            continue
        if anchor.kind == "name":
            if _contains(anchor.value, other.value):
                continue  # "Thừa Thiên Huế" and "Huế": one name inside the other
            if anchor.unit and _last_word(anchor.unit) == _last_word(other.unit):
                return True
        if strong:
            return True
    return False


def _last_word(text: str) -> str:
    return text.rsplit(None, 1)[-1] if text.strip() else ""


def _contains(a: object, b: object) -> bool:
    a, b = f" {a} ", f" {b} "
    return a in b or b in a


def _states(mine: Anchor, other: Anchor) -> bool:
    """The claim gives this very value itself (a year does not stand for a whole date).

    "19 phường" does not state the source's "19 xã": a count of another thing.
    """
    if mine.kind == "year" and other.kind == "date":
        return False
    same_kind = mine.kind == "number" == other.kind and mine.unit and other.unit
    if same_kind and not _unit_match(mine.unit, other.unit):
        return False
    return _same_value(mine, other)


def _unit_match(a: str, b: str) -> bool:
    first_a, first_b = a.split()[:1], b.split()[:1]
    return bool(first_a) and first_a == first_b


@dataclass
class _Judgement:
    verdict: Verdict
    evidence: Evidence | None
    missing: tuple[str, ...]


def _judge(anchors: list[Anchor], content: frozenset[str], sources: list[_SourceSentence]):
    ranked = sorted(
        ((_similarity(content, s.content), index, s) for index, s in enumerate(sources)),
        key=lambda item: (-item[0], item[1]),
    )
    missing: list[Anchor] = []
    support: _SourceSentence | None = None
    for anchor in anchors:
        holder = _holder(anchor, ranked)
        if holder is None:
            missing.append(anchor)
        elif support is None:
            support = holder
    if _another_occasion(missing):
        return _Judgement("not_found", None, tuple(a.text for a in missing))
    for anchor in missing:
        for similarity, _, sentence in ranked:
            if similarity < _SAME_SUBJECT:
                break
            if _conflict(anchor, sentence, similarity, anchors):
                evidence = Evidence(sentence.source, sentence.text)
                texts = tuple(a.text for a in missing)
                return _Judgement("contradicted", evidence, texts)
    if not missing:
        best = support or (ranked[0][2] if ranked else None)
        evidence = Evidence(best.source, best.text) if best else None
        return _Judgement("supported", evidence, ())
    return _Judgement("not_found", None, tuple(a.text for a in missing))


# Who holds which post: "bầu đồng chí Lê Thị Hương giữ chức Chủ tịch, đồng chí Trần Văn
# Long giữ chức Phó Chủ tịch". Both names are in the source; a claim giving one of them the
# other's post is contradicted, not supported.
_POST = re.compile(
    r"(?<![a-z])(?:pho chu tich|chu tich|pho truong ban|truong ban|pho bi thu|bi thu|uy vien"
    r"|thu ky|ke toan|thu quy|pho giam doc|giam doc|pho hieu truong|hieu truong|to pho"
    r"|to truong|chu nhiem)(?![a-z])"
)
_CLAUSE_EDGE = re.compile(r"[,;:()]")


def _post_of(sentence: str, name: str) -> str | None:
    """The post named in the clause of ``sentence`` that holds ``name``, nearest to it."""
    at = sentence.find(name)
    if at < 0:
        return None
    starts = [m.end() for m in _CLAUSE_EDGE.finditer(sentence, 0, at)]
    stop = _CLAUSE_EDGE.search(sentence, at + len(name))
    start, end = (starts[-1] if starts else 0), (stop.start() if stop else len(sentence))
    folded = fold_aligned(sentence)
    posts = list(_POST.finditer(folded, start, end))
    if not posts:
        return None
    nearest = min(posts, key=lambda m: min(abs(m.start() - at), abs(m.end() - at)))
    return nearest[0]


def _post_conflict(
    sentence: str, anchors: list[Anchor], sources: list[_SourceSentence]
) -> _Judgement | None:
    """A person the claim gives a post the sources never give them, but another one."""
    for anchor in anchors:
        post = _post_of(sentence, anchor.text) if anchor.kind == "name" else None
        if post is None:
            continue
        held = [(s, _post_of(s.text, anchor.text)) for s in sources if _found_in(anchor, s)]
        theirs = [(source, other) for source, other in held if other is not None]
        if theirs and all(other != post for _, other in theirs):
            source = theirs[0][0]
            return _Judgement("contradicted", Evidence(source.source, source.text), (anchor.text,))
    return None


def _another_occasion(missing: list[Anchor]) -> bool:
    """A claim whose date and something else are both unsourced is about another occasion.

    "Năm 2023 ... trao 150 suất" next to a source about 2026 is not contradicted by the
    2026 figures; a claim that only moves a date ("ngày 27/4" for "ngày 25/4") is.
    """
    times = [a for a in missing if a.kind in ("date", "year")]
    return bool(times) and len(missing) > len(times)


def _holder(anchor: Anchor, ranked: list) -> _SourceSentence | None:
    """The most similar source sentence holding the anchor (names: any sentence).

    A date belongs to its event: when a sentence clearly about the claim's subject gives
    another date, the same date elsewhere (another event's) does not hold the claim's.
    """
    for similarity, _, sentence in ranked:
        if similarity < 0.15 and anchor.kind not in ("name", "quote", "code"):
            break
        if _found_in(anchor, sentence):
            return sentence
        same_event = anchor.kind == "date" and similarity >= _STRONG_SUBJECT
        if same_event and any(other.kind == "date" for other in sentence.anchors):
            return None
    return None


# --------------------------------------------------------------------------- public API


def _as_sources(sources: object) -> dict[str, str]:
    if isinstance(sources, str):
        return {msg("facts.source_name", number=1): sources}
    if isinstance(sources, Mapping):
        result = {}
        for name, text in sources.items():
            if not isinstance(text, str):
                raise InputError(msg("facts.input.source_not_text", name=name))
            result[str(name)] = text
        return result
    if isinstance(sources, Sequence) and not isinstance(sources, bytes):
        result = {}
        for number, text in enumerate(sources, 1):
            if not isinstance(text, str):
                raise InputError(msg("facts.input.source_not_text", name=number))
            result[msg("facts.source_name", number=number)] = text
        return result
    raise InputError(msg("facts.input.bad_sources", type=type(sources).__name__))


def extract_claims(answer: str) -> list[tuple[str, list[Anchor]]]:
    """The sentences of ``answer`` that carry anchors, each with its anchors."""
    if not isinstance(answer, str):
        raise InputError(msg("facts.input.answer_not_text", type=type(answer).__name__))
    default_year = _first_year(answer)
    claims = []
    for sentence in _sentences(answer):
        anchors = _anchors(sentence, default_year=default_year)
        if anchors or _outdated_unit(sentence):
            claims.append((sentence, anchors))
    return claims


def verify(answer: str, sources: str | Sequence[str] | Mapping[str, str]) -> FactReport:
    """Mark each claim of an AI ``answer`` supported, contradicted or not found in ``sources``.

    >>> verify("Năm 2025 có 53.600 đoàn viên.", "Năm 2025 có 53.600 đoàn viên.").counts["supported"]
    1

    **Parameters:** * **answer** – the AI's answer (text) * **sources** – one source text,
    a list of texts (named "Nguồn 1", "Nguồn 2"...) or a ``{name: text}`` mapping.
    """
    named = _as_sources(sources)
    if not isinstance(answer, str):
        raise InputError(msg("facts.input.answer_not_text", type=type(answer).__name__))
    prepared = _prepare_sources(named)
    claims = []
    for sentence, anchors in extract_claims(answer):
        content = _subject(sentence)
        judged = _judge(anchors, content, prepared) if anchors else None
        if judged is not None and judged.verdict == "supported":
            judged = _post_conflict(sentence, anchors, prepared) or judged
        outdated = _outdated_unit(sentence)
        claims.append(
            Claim(
                text=sentence,
                kind=_main_kind(anchors),
                anchors=tuple(anchors),
                verdict=judged.verdict if judged else "not_found",
                evidence=judged.evidence if judged else None,
                missing=judged.missing if judged else (),
                outdated=outdated,
                hint=_outdated_hint(outdated) if outdated else "",
            )
        )
    return FactReport(claims, tuple(named))


def _main_kind(anchors: list[Anchor]) -> AnchorKind:
    kinds = {anchor.kind for anchor in anchors}
    for kind in _KIND_ORDER:
        if kind in kinds:
            return kind  # type: ignore[return-value]
    return "name"
