"""The short cuts that make document checks fast give exactly what the long way gives.

Each speed-up of the checks (issue: 1,000 documents a second for every kind) is a fast
path beside a slower, obvious one, or a cheap test that lets a scan be skipped. These
tests run both ways on the test documents, the privacy samples and seeded random text
built from the characters and words each short cut depends on, and require the same
answer. ``test_verdicts_frozen.py`` checks the verdicts themselves against the code as it
was before.
"""

from __future__ import annotations

import random
import re
import unicodedata
from pathlib import Path

import pytest

from congdoan import pasted, privacy, text, vocabulary
from congdoan.pasted import find_markup, find_preamble

DATA = Path(__file__).resolve().parent.parent / "data"
SEED = 20261203


def _corpus() -> list[str]:
    files = sorted(DATA.glob("documents/*.txt")) + sorted(DATA.glob("**/privacy/*.txt"))
    found = [path.read_text(encoding="utf-8") for path in files]
    return found + [line for body in found for line in body.splitlines()[:40]]


CORPUS = _corpus()
ODD = ["\u0300", "\u0301", "\u0323", "ı", "ſ", "İ", "\u212a", "Ð", "ð", "\u200b", "\ufeff", "\r"]
LETTERS = list("aAoOuUeEyYiI àáảãạăằâầèéẻêềìíòóỏôồơờùúủưừỳýđĐ\n\t-–—.,:;|*#_[]()0123456789")


def _random_texts(pieces: list[str], count: int, longest: int, seed: int = SEED) -> list[str]:
    rnd = random.Random(seed)
    return [
        "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, longest))) for _ in range(count)
    ]


# --------------------------------------------------------------------------- text


@pytest.mark.parametrize("lower", [True, False])
def test_folding_without_the_table_gives_what_the_table_gives(lower: bool) -> None:
    table = text._FOLD_LOWER if lower else text._FOLD_KEEP_CASE
    samples = CORPUS + _random_texts(LETTERS + ODD + ["“", "…", "€", "Ω", "ß"], 3000, 30)
    for sample in samples:
        for form in (sample, unicodedata.normalize("NFD", sample)):
            assert text._fold_each(form, lower) == form.translate(table), repr(form)


def _normalize_the_long_way(value: str, dashes: bool = True) -> str:
    value = text._INVISIBLE.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))
    value = text.canonical_tones(value.replace("\u00d0", "\u0110"))
    return text.normalize_dashes(value) if dashes else value


def test_normalize_takes_the_short_way_only_when_nothing_else_changes() -> None:
    samples = CORPUS + _random_texts(LETTERS + ODD + ["hoà", "thuỷ", "quý", "o\u200bà"], 3000, 20)
    for sample in samples:
        for dashes in (True, False):
            assert text.normalize(sample, dashes=dashes) == _normalize_the_long_way(
                sample, dashes
            ), repr(sample)


def _legacy_the_long_way(value: str) -> str | None:
    tcvn3 = len(text._TCVN3_MARKS.findall(value))
    vni = sum(value.count(pair) for pair in text._VNI_HATS)
    if text._VNI_LETTERS.search(value):
        vni += len(text._VNI_PAIRS.findall(value))
    if max(tcvn3, vni) < text._LEGACY_MIN_MARKS:
        return None
    unicode_vi = len(text._UNICODE_VI.findall(value))
    if tcvn3 >= text._LEGACY_MIN_MARKS and tcvn3 > unicode_vi and tcvn3 >= vni:
        return "tcvn3"
    return "vni" if vni >= text._LEGACY_MIN_MARKS and vni > unicode_vi else None


def test_legacy_fonts_are_detected_as_by_counting_every_mark() -> None:
    legacy = [*"aeoAEOâÂêÊñøûïäåëö«®µ¬§¡¿ ", "Coâng", "C«ng", "ñoaøn"]
    for sample in CORPUS + _random_texts(legacy, 3000, 20):
        assert text.detect_legacy_encoding(sample) == _legacy_the_long_way(sample), repr(sample)


def test_a_weekday_is_never_skipped_by_the_first_look() -> None:
    words = ["thứ", "Thứ", "THỨ", "thư", "thu", "chủ", "CHỦ", "chu", " ", "  ", "\n", "hai", "HAI"]
    words += ["haı", "haİ", "ba", "tư", "TƯ", "năm", "sáu", "ſáu", "bảy", "bẩy", "2", "7", "8"]
    words += ["nhật", "NHẬT", "nhat", "T2", "t3", "CN", "cn", ",", "ngày 5/5"]
    hits = 0
    for sample in CORPUS + _random_texts(words, 20000, 6):
        every = [
            (m.start(), m.end(), text._weekday_value(m), m[0])
            for m in text._WEEKDAY.finditer(text.nfc(sample))
        ]
        found = [(s.start, s.end, s.value, s.text) for s in text.find_weekdays(sample)]
        assert found == [span for span in every if span[2] is not None], repr(sample)
        if every:
            hits += 1
            assert text._MAY_BE_WEEKDAY.search(text.nfc(sample).lower()), repr(sample)
    assert hits > 500


# --------------------------------------------------------------------------- patterns
# Patterns rewritten to open with a character class (the engine then skips ahead), as they
# were written before: both must find the same spans.
OLD_NAME_RUN = r"(?=[A-Z])(?<![\w\x00])[A-Z][a-z]{0,6}(?: [A-Z][a-z]{0,6}){1,5}(?![\w\x00])"
OLD_CCCD = r"(?=\d)(?<![\w+\x00])(?<![\d\x00][ .\-])\d(?:[ .]?\d){11}(?![\d\x00]|[.\-][\d\x00])"
OLD_DISTRICT = (
    r"(?=[hqtHQT])(?<![^\W_])(?<!(?i:phuong) )(?<!(?i:xa) )(?<!(?i:duong) )(?<!(?i:pho) )"
    r"(?:(?i:huyen|quan|thi xa)|TX\.?)\s+(?:[A-Z][a-z]*(?:[\s-]+[A-Z][a-z]*){0,3}|\d{1,2}(?!\d))"
    r"(?![^\W_])"
)


DISTRICT_PIECES = [
    *("huyen", "Huyen", "HUYEN", "quan", "QUAN", "thi xa", "Thi Xa", "thı xa", "TX", "TX."),
    *("tx", "phuong ", "xa ", "duong ", "pho ", "co ", " ", "  ", "\n", "-", "Phu Vang"),
    *("A Luoi", "1", "12", "123", "a", "_", "é", "Hue"),
]


@pytest.mark.parametrize(
    ("old", "new", "pieces"),
    [
        (OLD_NAME_RUN, privacy._NAME_RUN.fast, list("AaBbZz \x00\n_-1é")),
        (OLD_NAME_RUN, privacy._NAME_RUN.masked, list("AaBbZz \x00\n_-1é")),
        (OLD_CCCD, privacy._CCCD_BARE.fast, [*"0123456789 .-+a\x00\nA_", "0912345678"]),
        (
            OLD_DISTRICT,
            vocabulary._ANY_DISTRICT,
            DISTRICT_PIECES,
        ),
    ],
)
def test_rewritten_patterns_find_what_the_old_ones_found(old: str, new, pieces: list[str]) -> None:
    old_pattern = re.compile(old)
    for sample in CORPUS + _random_texts(pieces, 20000, 12):
        assert [m.span() for m in old_pattern.finditer(sample)] == [
            m.span() for m in new.finditer(sample)
        ], repr(sample)


# --------------------------------------------------------------------------- outdated units


def _named_the_long_way(folded: str) -> list:
    words = set(re.findall(r"[A-Za-z0-9]+", folded))
    words |= {word.lower() for word in words}
    return [
        unit
        for unit in vocabulary.OUTDATED_UNITS
        if any(key <= words for key in vocabulary._keys(unit))
    ]


def test_the_index_of_outdated_units_finds_what_trying_every_unit_finds() -> None:
    names = [name for unit in vocabulary.OUTDATED_UNITS for name in unit.names]
    rnd = random.Random(SEED)
    samples = list(CORPUS)
    for _ in range(2000):
        parts = [rnd.choice(names) for _ in range(3)]
        forms = [lambda p: p, str.upper, str.lower, lambda p: p.replace(" ", "-")]
        forms += [lambda p: "x" + p, lambda p: p + "1", lambda p: "Ñ" + p]
        samples.append(" ".join(rnd.choice(forms)(part) for part in parts))
    for sample in samples:
        folded = text.fold_aligned(text.nfc(sample), lower=False)
        assert vocabulary._named_units(folded) == _named_the_long_way(folded), sample[:80]


def test_a_district_is_never_skipped_by_the_first_look() -> None:
    hits = 0
    pieces = [*DISTRICT_PIECES, "_", "\t", "\u00a0", ".", "huyen Phu Vang", "Quan 1", "TX. Hue"]
    for sample in CORPUS + _random_texts([*pieces, "thi xa Huong Thuy", "_quan A"], 20000, 8):
        folded = text.fold_aligned(text.nfc(sample), lower=False)
        if vocabulary._ANY_DISTRICT.search(folded):
            hits += 1
            assert vocabulary._may_name_a_district(folded, vocabulary._spaced(folded)), sample
    assert hits > 500


def test_document_kinds_are_found_by_any_of_their_names() -> None:
    for kind in vocabulary.DOCUMENT_KINDS.values():
        for name in kind.names:
            assert vocabulary.document_kind(name) is kind
            assert vocabulary.document_kind(name.upper().replace(" ", "_")) is kind
    assert vocabulary.document_kind("không có") is None


# --------------------------------------------------------------------------- privacy

KEYWORD_SENTENCES = [
    "Chị Lan bị bệnh tim, đang nằm viện.",
    "Anh Nguyễn Văn Bình bị kỷ luật khiển trách.",
    "Gia đình chị Hoa thuộc hộ nghèo, theo đạo Công giáo.",
    "STK 0071000123456 Vietcombank chi nhánh Huế",
    "Chuyển khoản: MB Bank 0905123456789",
    "Số tài khoản 1903 5678 9012 Techcombank",
    "CCCD: 046 190 012 345, cấp ngày 12/3/2021",
    "CMND số 191234567",
    "Số định danh cá nhân 046190012345",
    "SĐT 0905.123.456 (Zalo)",
    "Gọi (+84) 905 111 222 hoặc 0234 3822 123",
    "Ngày sinh: 12/3/1985",
    "Sinh năm 1990, quê quán xã Quảng Điền",
    "NS 1988; SN: 1992",
    "Họ và tên: Nguyễn Văn An\tNăm sinh: 1985",
    "Địa chỉ: 12 Lê Lợi, phường Phú Hội, TP Huế",
    "Họ và tên\tSố CMND\tSĐT\nTrần Thị Mai\t191234567\t0914222333",
    "MST: 0312345678, mã cuộc họp 123 456 7890",
    "Kinh phí 150.000.000 đồng, ngày 05/01/2026, số 123456789012",
    "[SỐ ĐIỆN THOẠI] 0905123456 [HỌ TÊN]",
    "e-mail: lan.nguyen@congdoan.vn",
]


def _privacy_samples() -> list[str]:
    rnd = random.Random(SEED)
    joined = [" ".join(rnd.sample(KEYWORD_SENTENCES, 3)) for _ in range(400)]
    return CORPUS + KEYWORD_SENTENCES + joined


def _find_the_long_way(monkeypatch: pytest.MonkeyPatch, sample: str) -> list:
    with monkeypatch.context() as patch:
        patch.setattr(privacy, "_words_of", lambda lower: None)  # no keyword short cut
        patch.setattr(privacy, "_PHONE_TAIL", re.compile(""))  # every phone finder runs
        patch.setattr(privacy, "_SEPARATED", re.compile(r"[^\n]+"))  # every line is read
        return privacy.find(sample)


def test_skipping_a_finder_never_loses_a_finding(monkeypatch: pytest.MonkeyPatch) -> None:
    found = 0
    for sample in _privacy_samples():
        fast = privacy.find(sample)
        assert fast == _find_the_long_way(monkeypatch, sample), sample[:120]
        found += len(fast)
    assert found > 1000


def test_the_kinds_a_document_check_needs_are_found_in_full() -> None:
    kinds = ("citizen_id", "bank_account", "date_of_birth", "phone", "sensitive")
    for sample in _privacy_samples():
        everything = privacy.find(sample)
        wanted = [f for f in everything if f.kind in kinds]
        assert [f for f in privacy.find(sample, kinds=kinds) if f.kind in kinds] == wanted
        if any(f.kind == "sensitive" for f in everything):  # names then matter: all found
            assert privacy.find(sample, kinds=kinds) == everything


def test_an_unknown_kind_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="phone_number"):
        privacy.find("0905 123 456", kinds=("phone_number",))


def test_lower_case_by_bytes_is_lower_case_by_table() -> None:
    pieces = [*LETTERS, *ODD, "Ω", "ß", "\U0001f600", "\ud800", "ABC"]
    for sample in CORPUS + _random_texts(pieces, 3000, 20):
        assert privacy._ascii_lower(sample) == sample.translate(privacy._ASCII_LOWER)


# --------------------------------------------------------------------------- pasted text


def _preamble_the_long_way(value: str) -> str | None:
    lines = [line.strip() for line in text.nfc(value).splitlines() if line.strip()]
    for line in lines[: pasted._LOOK]:
        if pasted._OPENING.match(text.fold(line).lstrip("*#>-• ")):
            return line
    for line in lines[-pasted._LOOK :]:
        if pasted._CLOSING.search(text.fold(line)):
            return line
    return None


def _markup_the_long_way(value: str) -> list:
    found = []
    for number, line in enumerate(text.nfc(value).splitlines(), 1):
        if not pasted._MARK_CHARS.search(line):
            continue
        html = pasted._HTML.search(line)
        if html:
            found.append(pasted.Markup("html", html.group(), number))
            continue
        inline = pasted._MD_INLINE.search(line)
        if inline or any(rule.search(line) for rule in pasted._MD_LINE):
            shown = inline.group() if inline else line.strip()[:40]
            found.append(pasted.Markup("markdown", shown, number))
    return found


PASTED = [
    "Chắc chắn rồi! Dưới đây là mẫu thông báo:\n\nTHÔNG BÁO\nNội dung",
    "THÔNG BÁO\n\n**Về việc** họp\n## I. MỤC ĐÍCH\n<b>Hội trường</b>\nBạn có muốn tôi sửa?",
    "\n\n  Vâng, đây là bản nháp  \n\n",
    "Một dòng",
    "",
]


def test_markup_and_preamble_read_only_what_they_need() -> None:
    samples = CORPUS + PASTED + _random_texts([*PASTED, "\n", "  ", "x"], 500, 5)
    for sample in samples:
        assert find_preamble(sample) == _preamble_the_long_way(sample), repr(sample)
        assert find_markup(sample) == _markup_the_long_way(sample), repr(sample)
