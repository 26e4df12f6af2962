"""Checks for the media, fact-checking and member-data assignments (a04-a06).

The image prompt, the video script and the SRT text are checked by :mod:`congdoan.media`
itself; this module adds what only an assignment can check, because it knows the task:

* a04: the subtitles run in step with the script (:func:`check_srt_sync`);
* a05: which wrong facts of an AI answer the trainee found (:func:`check_errors_found`)
  and whether the corrected answer agrees with the sources (:func:`check_correction`);
* a06: the cleaned member list (:func:`check_clean_members`, :func:`check_member_key`),
  its redacted copy (:func:`check_redacted`) and the survey counts
  (:func:`check_survey_counts`).

Each returns a :class:`~congdoan.report.Report` that :func:`congdoan.grading.grade_report`
turns into points. Messages come from ``grading.<section>.<key>`` in the catalogue.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from ..i18n import msg
from ..report import ERROR, WARNING, Item, Report, Severity
from ..text import fold

__all__ = [
    "MIN_TEXT_SHARE",
    "SYNC_TOLERANCE",
    "check_clean_members",
    "check_correction",
    "check_errors_found",
    "check_member_key",
    "check_redacted",
    "check_srt_sync",
    "check_survey_counts",
    "script_text",
]

#: How far (seconds) a subtitle may start or end from the scene it belongs to.
SYNC_TOLERANCE = 0.5
#: Share of the voice-over's words the subtitles must carry.
MIN_TEXT_SHARE = 0.8
_SHOWN = 3  # how many offending values a message lists


def _item(
    section: str,
    code: str,
    ok: bool,
    key: str,
    severity: Severity = ERROR,
    *,
    hint: str | None = None,
    **fields: object,
) -> Item:
    """``grading.<section>.<key>`` as the message; the hint is ``grading.<section>.<hint>``
    (default ``<code>_hint``), shown only when the check failed."""
    advice = "" if ok else msg(f"grading.{section}.{hint or code + '_hint'}", **fields)
    return Item(code, ok, msg(f"grading.{section}.{key}", **fields), advice, severity)


def _fold(value: object) -> str:
    """Lower case, no diacritics, single spaces: how names and answers are compared."""
    return fold(_text(value), squash=True)


def _text(value: object) -> str:
    """A cell as text; ``None``, NaN and ``pd.NA`` are empty; 905.0 is ``905``."""
    if value is None or isinstance(value, bool):
        return "" if value is None else str(value)
    if isinstance(value, float):
        if value != value:
            return ""
        return str(int(value)) if value.is_integer() else str(value)
    try:
        import pandas

        if pandas.isna(value) is True:
            return ""
    except (TypeError, ValueError):
        pass
    return str(value).strip()


def _listed(values: Iterable[object]) -> str:
    values = [f"«{value}»" for value in values]
    return ", ".join(values[:_SHOWN]) + (" …" if len(values) > _SHOWN else "")


# --------------------------------------------------------------------------- a04: subtitles


def script_text(script: Any) -> str:
    """The on-screen text and voice-over of a script (table or pasted text), scene by scene."""
    from ..media.video import SCREEN, VOICE, script_table

    frame = script_table(script)
    parts = []
    for _, row in frame.iterrows():
        for column in (SCREEN, VOICE):
            if column in frame.columns and _text(row[column]):
                parts.append(_text(row[column]))
    return "\n".join(parts)


def check_srt_sync(srt: str, script: Any, *, tolerance: float = SYNC_TOLERANCE) -> Report:
    """Do the subtitles belong to this script: same length, a cue at each scene, same words?

    Codes: ``end`` (the last subtitle ends when the video ends), ``scenes`` (each scene
    with words gets a subtitle starting when it starts), ``words`` (the subtitles carry at
    least :data:`MIN_TEXT_SHARE` of the voice-over). An SRT or a script that cannot be read
    gives one failed item, ``format`` or ``script``.
    """
    from ..errors import CongdoanError
    from ..media.srt import parse_srt
    from ..media.video import SCREEN, SECONDS, VOICE, script_table

    try:
        cues = parse_srt(srt)
    except CongdoanError:
        cues = []
    if not cues:
        return Report("srt_sync", [_item("srt_sync", "format", False, "format_bad")])
    try:
        frame = script_table(script)
    except CongdoanError:
        return Report("srt_sync", [_item("srt_sync", "script", False, "script_bad")])
    scenes, start = [], 0.0
    for number, (_, row) in enumerate(frame.iterrows(), start=1):
        seconds = float(row[SECONDS])
        voice = _text(row[VOICE]) if VOICE in frame.columns else ""
        screen = _text(row[SCREEN]) if SCREEN in frame.columns else ""
        scenes.append((number, start, voice or screen))
        start += seconds
    total = start
    return Report(
        "srt_sync",
        [
            _sync_end(cues, total, tolerance),
            _sync_scenes(cues, scenes, tolerance),
            _sync_words(cues, [words for _, _, words in scenes]),
        ],
    )


def _seconds(value: float) -> str:
    return f"{value:g}".replace(".", ",")


def _sync_end(cues, total: float, tolerance: float) -> Item:
    end = max(cue.end for cue in cues)
    fields = {"end": _seconds(round(end, 3)), "total": _seconds(round(total, 3))}
    ok = abs(end - total) <= tolerance
    return _item("srt_sync", "end", ok, "end_ok" if ok else "end_bad", **fields)


def _sync_scenes(cues, scenes, tolerance: float) -> Item:
    starts = [cue.start for cue in cues]
    missing = [
        number
        for number, start, words in scenes
        if words and not any(abs(s - start) <= tolerance for s in starts)
    ]
    if missing:
        listed = ", ".join(str(n) for n in missing)
        return _item("srt_sync", "scenes", False, "scenes_bad", scenes=listed)
    return _item("srt_sync", "scenes", True, "scenes_ok")


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", _fold(text))


def _sync_words(cues, texts: Sequence[str]) -> Item:
    spoken = [word for text in texts for word in _words(text)]
    shown = set(_words(" ".join(cue.text for cue in cues)))
    share = sum(1 for word in spoken if word in shown) / len(spoken) if spoken else 0.0
    fields = {"share": round(100 * share), "minimum": round(100 * MIN_TEXT_SHARE)}
    ok = share >= MIN_TEXT_SHARE
    return _item("srt_sync", "words", ok, "words_ok" if ok else "words_bad", **fields)


# --------------------------------------------------------------------------- a05: facts


def check_errors_found(entries: Sequence[str], errors: Sequence[Callable[[str], bool]]) -> Report:
    """Which of the answer's planted ``errors`` the trainee's ``entries`` point at.

    Each error is a test on one entry (the wrong value as the AI wrote it, e.g. ``"500"``).
    Codes: ``found_1``, ``found_2``... one per error (recall), then ``extra_1``...
    one failed item per entry that points at no error, or at several at once (precision:
    listing every value of the answer costs points). Repeating a found error costs nothing.
    """
    found: dict[int, str] = {}
    extras: list[tuple[str, str]] = []
    for entry in entries:
        hits = [n for n, is_error in enumerate(errors) if _safe_test(is_error, entry)]
        if len(hits) == 1:
            found.setdefault(hits[0], entry)
        else:
            extras.append((entry, "extra_broad" if hits else "extra_wrong"))
    items = []
    for n in range(len(errors)):
        if n in found:
            items.append(_item("errors_found", f"found_{n + 1}", True, "found", entry=found[n]))
        else:
            items.append(
                Item(
                    f"found_{n + 1}",
                    False,
                    msg("grading.errors_found.missing"),
                    msg("grading.errors_found.missing_hint"),
                )
            )
    for n, (entry, key) in enumerate(extras, start=1):
        items.append(
            Item(
                f"extra_{n}",
                False,
                msg(f"grading.errors_found.{key}", entry=entry),
                msg(f"grading.errors_found.{key}_hint"),
            )
        )
    return Report("errors_found", items)


def _safe_test(test: Callable[[str], bool], entry: str) -> bool:
    try:
        return bool(test(entry))
    except Exception:  # a matcher must never stop the grading run
        return False


def check_correction(text: str, sources: Mapping[str, str] | str, *, min_claims: int) -> Report:
    """Does the corrected answer agree with the sources (:func:`congdoan.facts.verify`)?

    Codes: ``contradicted`` (no claim contradicts a source), ``outdated`` (no abolished
    administrative unit), ``unsourced`` (a warning: every claim is in the sources) and
    ``claims`` (at least ``min_claims`` checkable sentences were kept).
    """
    from ..facts import verify

    report = verify(text, sources)
    section = "correction"
    contradicted = report.by_verdict("contradicted")
    outdated = report.outdated
    unsourced = report.by_verdict("not_found")
    claims = len(report.claims)

    def short(claims_: list) -> str:
        return _listed(_shorten(claim.text) for claim in claims_)

    return Report(
        "correction",
        [
            _item(section, "contradicted", not contradicted,
                  "contradicted_bad" if contradicted else "contradicted_ok",
                  count=len(contradicted), claims=short(contradicted)),
            _item(section, "outdated", not outdated, "outdated_bad" if outdated else "outdated_ok",
                  units=_listed(dict.fromkeys(claim.outdated for claim in outdated))),
            _item(section, "unsourced", not unsourced,
                  "unsourced_bad" if unsourced else "unsourced_ok", WARNING,
                  count=len(unsourced), claims=short(unsourced)),
            _item(section, "claims", claims >= min_claims,
                  "claims_ok" if claims >= min_claims else "claims_few",
                  count=claims, minimum=min_claims),
        ],
    )  # fmt: skip


def _shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# --------------------------------------------------------------------------- a06: members


def _roles(table) -> dict[str, Any]:
    from ..forms import detect_columns

    return detect_columns(table)


def _column_missing(section: str, code: str, role: str) -> Item:
    column = msg(f"grading.{section}.role_{role}")
    return _item(section, code, False, "no_column", column=column)


def check_clean_members(table, *, units: Iterable[str]) -> Report:
    """A cleaned member list: tidy names, 10-digit phones, 12-digit CCCD text, canonical units.

    Columns are found by their headers (:func:`congdoan.forms.detect_columns`). Codes:
    ``names``, ``phones``, ``ids``, ``units``; a missing column fails its check.
    """
    from ..forms import clean_name

    section = "members"
    roles = _roles(table)
    canonical = {unicodedata.normalize("NFC", unit) for unit in units}

    def rule(code: str, role: str, good: Callable[[str], bool]) -> Item:
        if role not in roles:
            return _column_missing(section, code, role)
        bad = [_text(v) or "—" for v in table[roles[role]] if not good(_text(v))]
        if bad:
            return _item(section, code, False, f"{code}_bad", count=len(bad), values=_listed(bad))
        return _item(section, code, True, f"{code}_ok")

    def tidy_name(text: str) -> bool:
        return bool(text) and unicodedata.is_normalized("NFC", text) and clean_name(text) == text

    return Report(
        "members",
        [
            rule("names", "name", tidy_name),
            rule("phones", "phone", lambda t: re.fullmatch(r"0\d{9}", t) is not None),
            rule("ids", "citizen_id", lambda t: re.fullmatch(r"\d{12}", t) is not None),
            rule("units", "unit", lambda t: t in canonical),
        ],
    )


def check_member_key(table, *, citizen_ids: Iterable[str]) -> Report:
    """The cleaned list holds exactly the expected members, once each.

    Codes: ``count`` (as many rows as members) and ``members`` (the same CCCD numbers,
    compared after :func:`congdoan.forms.normalise_citizen_id`).
    """
    from ..forms import normalise_citizen_id

    section = "member_key"
    expected = set(citizen_ids)
    count_ok = len(table) == len(expected)
    items = [_item(section, "count", count_ok, "count_ok" if count_ok else "count_bad",
                   count=len(table))]  # fmt: skip
    roles = _roles(table)
    if "citizen_id" not in roles:
        items.append(_column_missing(section, "members", "citizen_id"))
        return Report("member_key", items)
    written = [_text(v) for v in table[roles["citizen_id"]]]
    got = {normalise_citizen_id(v) or v for v in written}
    lost, unknown = len(expected - got), len(got - expected)
    ok = not lost and not unknown
    items.append(_item(section, "members", ok, "members_ok" if ok else "members_bad",
                       lost=lost, unknown=unknown))  # fmt: skip
    return Report("member_key", items)


def check_redacted(table, *, names: Iterable[str]) -> Report:
    """A member list safe to share: no phone, no CCCD, no member's name, units kept.

    Every cell is searched with :func:`congdoan.privacy.find`, and a number that still
    reads as a phone or CCCD once spaces are removed counts too. Codes: ``phones``,
    ``ids``, ``names``, ``units`` (the unit column is kept, so the list stays useful).
    """
    from .. import privacy
    from ..forms import normalise_citizen_id, normalise_phone

    section = "redaction"
    folded_names = [_fold(name) for name in names]
    cells = [_text(value) for column in table.columns for value in table[column]]
    phones, ids, people = set(), set(), set()
    for cell in cells:
        if not cell:
            continue
        kinds = {finding.kind for finding in privacy.find(cell)}
        if "phone" in kinds or normalise_phone(cell):
            phones.add(cell)
        if "citizen_id" in kinds or normalise_citizen_id(cell):
            ids.add(cell)
        folded = f" {_fold(cell)} "
        people.update(name for name in folded_names if f" {name} " in folded)
    items = []
    for code, found in (("phones", phones), ("ids", ids), ("names", people)):
        key = f"{code}_bad" if found else f"{code}_ok"
        items.append(_item(section, code, not found, key, count=len(found)))
    roles = _roles(table)
    if "unit" not in roles:
        items.append(_column_missing(section, "units", "unit"))
    else:
        blank = sum(1 for value in table[roles["unit"]] if not _text(value))
        key = "units_bad" if blank else "units_ok"
        items.append(_item(section, "units", not blank, key, count=blank))
    return Report("redaction", items)


# --------------------------------------------------------------------------- a06: survey

_ANSWER_HEADERS = ("cau tra loi", "tra loi", "answer", "lua chon", "phuong an")
_COUNT_HEADERS = ("so luot", "so luong", "count", "so phieu", "luot", "so nguoi")


def _survey_columns(table) -> tuple[Any, Any]:
    """The answer and count columns: by header, else the first text and number columns."""
    by_header = {_fold(column): column for column in table.columns}
    answer = next((by_header[h] for h in _ANSWER_HEADERS if h in by_header), None)
    count = next((by_header[h] for h in _COUNT_HEADERS if h in by_header), None)
    if count is None:
        count = next(
            (c for c in table.columns if c != answer and all(_count(v) is not None
             for v in table[c])),
            None,
        )  # fmt: skip
    if answer is None:
        question_like = {"cau hoi", "question"}
        answer = next(
            (c for c in reversed(list(table.columns))
             if c != count and _fold(c) not in question_like
             and all(_count(v) is None for v in table[c])),
            None,
        )  # fmt: skip
    return answer, count


def _count(value: object) -> int | None:
    text = _text(value)
    if re.fullmatch(r"\d+", text):
        return int(text)
    return None


def check_survey_counts(table, *, key: Mapping[str, Mapping[str, int]]) -> Report:
    """Each question's answers are counted as in the key (respondents per answer).

    ``key`` maps a question label (``"Câu 1"``) to ``{answer: count}``; answers are
    compared ignoring case, diacritics and spacing. Codes: ``question_1``, ``question_2``...
    """
    section = "survey"
    answer_col, count_col = _survey_columns(table)
    items = []
    if answer_col is None or count_col is None:
        for n, question in enumerate(key, start=1):
            items.append(
                _item(section, f"question_{n}", False, "no_columns", hint="counts_hint",
                      question=question)
            )  # fmt: skip
        return Report("survey", items)
    counted: dict[str, int] = {}
    for answer, count in zip(table[answer_col], table[count_col], strict=True):
        counted[_fold(answer)] = counted.get(_fold(answer), 0) + (_count(count) or 0)
    for n, (question, answers) in enumerate(key.items(), start=1):
        wrong = [
            f"{answer}: {counted.get(_fold(answer), 0)}"
            for answer, expected in answers.items()
            if counted.get(_fold(answer), 0) != expected
        ]
        code = f"question_{n}"
        if wrong:
            items.append(
                _item(
                    section,
                    code,
                    False,
                    "counts_bad",
                    hint="counts_hint",
                    question=question,
                    values=_listed(wrong),
                )
            )
        else:
            items.append(_item(section, code, True, "counts_ok", question=question))
    return Report("survey", items)
