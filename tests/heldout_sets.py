"""Load and score the held-out sets of ``tests/data/heldout`` (issue 11).

The sets were written before the practice model and the checkers were changed, from
realistic union material, not from the code's rules. ``tests/bench_quality.py`` prints
the figures; the tests under ``tests/practice``, ``tests/documents``, ``tests/privacy``
and ``tests/facts`` assert them case by case, so a regression fails.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
import tomllib
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

HELDOUT = Path(__file__).resolve().parent / "data" / "heldout"
TODAY = dt.date(2026, 12, 3)
DOCUMENT_KINDS = ("notice", "invitation", "plan", "report", "minutes")
_VIETNAMESE_MARKS = re.compile(
    "[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]", re.I
)


# --------------------------------------------------------------------------- comparing
def fold(text: str) -> str:
    """Lowercase, no diacritics, one space: how facts are compared with a draft."""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(text.casefold().split())


def contains(draft: str, fact: str) -> bool:
    """The draft holds the fact, or one of its ``a|b`` forms (folded comparison)."""
    folded = fold(draft)
    return any(fold(form) in folded for form in fact.split("|"))


def contains_forbidden(draft: str, item: str) -> bool:
    """Like :func:`contains`; ``^item`` must start a line (an invented "Căn cứ ..." opening).

    ``re:pattern`` is a regular expression searched in the folded draft, line by line kept
    (``re.M``; ``(?s)`` reaches across lines): a date on the wrong line, a fact twice.
    """
    if item.startswith("re:"):
        folded = "\n".join(fold(line) for line in draft.splitlines())
        return bool(re.search(item[3:], folded, re.M))
    if item.startswith("^"):
        return any(fold(line).startswith(fold(item[1:])) for line in draft.splitlines())
    # whole words and numbers: "0 đồng" is not inside "500.000 đồng"
    return bool(re.search(r"(?<![\w.,])" + re.escape(fold(item)) + r"(?!\w)", fold(draft)))


def has_marks(text: str) -> bool:
    return bool(_VIETNAMESE_MARKS.search(text))


# --------------------------------------------------------------------------- prompts
@dataclass(frozen=True)
class PromptCase:
    id: str
    kind: str
    text: str
    carry: tuple[str, ...]
    forbidden: tuple[str, ...]


@dataclass(frozen=True)
class ChatCase:
    id: str
    turns: tuple[str, ...]
    carry: tuple[str, ...]
    forbidden: tuple[str, ...]


GENERALISATION = HELDOUT / "generalisation"


def prompts(folder: Path = HELDOUT) -> list[PromptCase]:
    """Every round of held-out prompts (``prompts*.toml``: the first set, then each later
    round written before the model was changed for it); ids are unique across rounds.

    ``GENERALISATION`` holds a round never shown to whoever fixed the model: the bench
    measures it, no test asserts it.
    """
    cases: list[PromptCase] = []
    for path in sorted(folder.glob("prompts*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        cases += [
            PromptCase(p["id"], p["kind"], p["text"], tuple(p["carry"]), tuple(p["not"]))
            for p in data["prompt"]
        ]
    ids = [case.id for case in cases]
    duplicated = sorted({i for i in ids if ids.count(i) > 1})
    if duplicated:
        raise ValueError(f"held-out prompt ids used twice: {duplicated}")
    return cases


def chats() -> list[ChatCase]:
    data = tomllib.loads((HELDOUT / "chats.toml").read_text(encoding="utf-8"))
    return [
        ChatCase(c["id"], tuple(c["turns"]), tuple(c["carry"]), tuple(c["not"]))
        for c in data["chat"]
    ]


def ask_practice(*turns: str, today: dt.date = TODAY):
    """The practice model's answer to a conversation, as a Chat sends it (history included)."""
    from congdoan.practice.model import answer
    from congdoan.providers.base import Message

    messages: list[Message] = []
    result = None
    for turn in turns:
        messages.append(Message("user", turn))
        result = answer(messages, today=today)
        messages.append(Message("assistant", result.text))
    return result


_NUMBER = re.compile(r"\d+")
_HEADER_LINE = re.compile(r"^(Số:|.*, ngày \d{1,2} tháng \d{1,2} năm \d{4})")
_LIST_MARK = re.compile(r"^\s*(\d{1,2})[.)]\s")


def invented_numbers(prompt: str, draft: str) -> list[str]:
    """Numbers of the draft that the prompt does not hold (header, list marks left out)."""
    given = set(_NUMBER.findall(prompt))
    invented = []
    for line in draft.splitlines():
        if _HEADER_LINE.match(line.strip()):
            continue
        line = _LIST_MARK.sub(" ", line)
        for number in _NUMBER.findall(line):
            if number not in given and number.lstrip("0") not in given:
                invented.append(number)
    return invented


@dataclass
class PromptResult:
    case: PromptCase
    task: str
    draft: str
    text: str
    dropped: list[str] = field(default_factory=list)
    forbidden: list[str] = field(default_factory=list)
    invented: list[str] = field(default_factory=list)


def run_prompt(case: PromptCase) -> PromptResult:
    answer = ask_practice(case.text)
    draft = answer.draft or answer.text
    result = PromptResult(case, answer.task, draft, answer.text)
    result.dropped = [fact for fact in case.carry if not contains(draft, fact)]
    result.forbidden = [item for item in case.forbidden if contains_forbidden(draft, item)]
    if case.kind in (*DOCUMENT_KINDS, "post"):
        result.invented = invented_numbers(case.text, draft)
    return result


def run_chat(case: ChatCase) -> tuple[list[str], list[str], str]:
    answer = ask_practice(*case.turns)
    draft = answer.draft or answer.text
    dropped = [fact for fact in case.carry if not contains(draft, fact)]
    kept = [item for item in case.forbidden if contains_forbidden(draft, item)]
    return dropped, kept, draft


# --------------------------------------------------------------------------- documents
@dataclass(frozen=True)
class DocumentCase:
    id: str
    kind: str
    text: str
    flag: tuple[str, ...]

    @property
    def clean(self) -> bool:
        return not self.flag

    @property
    def category(self) -> str:
        return self.id.split("_", 1)[0]


def _apply(case: dict, base: str) -> str:
    if "replace" in case:
        pairs = case["replace"]
        for old, new in pairs if isinstance(pairs[0], list) else [pairs]:
            if base.count(old) != 1:
                raise ValueError(f"{case['id']}: {old!r} occurs {base.count(old)} times")
            base = base.replace(old, new)
        return base
    if "prepend" in case:
        return case["prepend"] + base
    if "append" in case:
        return base.rstrip("\n") + case["append"] + "\n"
    return base


def documents() -> tuple[list[DocumentCase], tuple[str, ...]]:
    """Every case of ``cases*.toml`` (round 1, then later rounds), and the reminder codes."""
    folder = HELDOUT / "documents"
    cases, reminders = [], set()
    for path in sorted(folder.glob("cases*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        reminders.update(data.get("reminders", ()))
        for case in data["case"]:
            base = (folder / case["base"]).read_text(encoding="utf-8")
            cases.append(
                DocumentCase(case["id"], case["kind"], _apply(case, base), tuple(case["flag"]))
            )
    ids = [case.id for case in cases]
    if len(set(ids)) != len(ids):
        raise ValueError(
            f"held-out document ids used twice: {sorted({i for i in ids if ids.count(i) > 1})}"
        )
    return cases, tuple(sorted(reminders))


def check_document(text: str, kind: str):
    """The report the course's checker gives ``text`` as ``kind``."""
    from congdoan import documents as docs
    from congdoan import posts
    from congdoan.media import check_image_prompt

    if kind in DOCUMENT_KINDS:
        return docs.check(text, kind, today=TODAY)
    if kind in ("facebook", "zalo"):
        return posts.check(text, kind)
    if kind == "image_prompt":
        return check_image_prompt(text)
    raise ValueError(kind)


def document_verdict(case: DocumentCase, reminders: tuple[str, ...], text: str | None = None):
    """(passed, flagged codes): a planted defect must be flagged, a clean text clean."""
    report = check_document(case.text if text is None else text, case.kind)
    flagged = [code for code in report.failed_codes if code not in reminders]
    if case.clean:
        return not flagged, flagged
    return any(code in flagged for code in case.flag), flagged


# --------------------------------------------------------------------------- privacy
def privacy_samples():
    sys.path.insert(0, str(Path(__file__).resolve().parent / "privacy"))
    from privacy_samples import parse

    samples = []
    for path in sorted((HELDOUT / "privacy").glob("*.txt")):
        for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if raw.strip() and not raw.startswith("#"):
                text, expected = parse(raw.replace("\\t", "\t"))
                samples.append((f"{path.stem}:{number}", text, expected))
    return samples


def privacy_score():
    """(true positives, false positives, misses) as lists of (sample id, kind, text)."""
    from congdoan import privacy

    tp, fp, fn = [], [], []
    for sid, text, expected in privacy_samples():
        found = {(f.kind, f.start, f.end) for f in privacy.find(text)}
        wanted = set(expected)
        tp += [(sid, k, text[s:e]) for k, s, e in found & wanted]
        fp += [(sid, k, text[s:e]) for k, s, e in found - wanted]
        fn += [(sid, k, text[s:e]) for k, s, e in wanted - found]
    return tp, fp, fn


# --------------------------------------------------------------------------- facts
def fact_cases() -> list[dict]:
    """The cases of ``facts.json`` and of later rounds (``facts_round2.json``...)."""
    return [
        case
        for path in sorted(HELDOUT.glob("facts*.json"))
        for case in json.loads(path.read_text(encoding="utf-8"))["cases"]
    ]


def fact_outcomes():
    """(case id, label, claim or None) for every label of the held-out facts set."""
    from congdoan.facts import verify

    results = []
    for case in fact_cases():
        report = verify(case["answer"], case["sources"])
        for label in case["labels"]:
            claim = next((c for c in report.claims if label["match"] in c.text), None)
            results.append((case["id"], label, claim))
    return results
