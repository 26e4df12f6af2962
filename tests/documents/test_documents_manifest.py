"""Table-driven: every test document fails exactly the codes its manifest entry lists."""

from __future__ import annotations

import unicodedata
from collections import Counter

import pytest
from document_cases import BROKEN, CORRECT, DATA, KIND_NAMES, MANIFEST, TODAY, read

from congdoan.documents import REGISTRY, check
from congdoan.report import WARNING


def _id(entry: dict) -> str:
    return entry["file"].removesuffix(".txt")


def test_manifest_lists_every_file_once() -> None:
    listed = Counter(entry["file"] for entry in MANIFEST)
    on_disk = {path.name for path in DATA.glob("*.txt")}
    assert set(listed) == on_disk
    assert max(listed.values()) == 1


@pytest.mark.parametrize("kind", KIND_NAMES)
def test_at_least_two_correct_documents_per_kind(kind: str) -> None:
    assert len([e for e in CORRECT if e["kind"] == kind]) >= 2


@pytest.mark.parametrize("entry", MANIFEST, ids=_id)
def test_document_fails_exactly_the_listed_codes(entry: dict) -> None:
    report = check(read(entry["file"]), entry["kind"], today=TODAY)
    assert sorted(report.failed_codes) == sorted(entry["fails"]), [
        (item.code, item.message) for item in report if not item.ok
    ]


_COMMON_HEAD = ["issuer", "number", "motto", "place_date", "title", "subject"]
_COMMON_TAIL = [
    "signature",
    "signer_name",
    "recipients",
    "placeholder",
    "outdated_unit",
    "encoding",
    "markup",
    "preamble",
    "privacy",
    "real_date",
]
STABLE_CODES = {
    "notice": [*_COMMON_HEAD, "body", "time", "venue", *_COMMON_TAIL, "weekday", "event_date"],
    "invitation": [
        *_COMMON_HEAD,
        "body",
        "invitee",
        "time",
        "venue",
        "chair",
        *_COMMON_TAIL,
        "event_date",
    ],
    "plan": [
        *_COMMON_HEAD,
        "body",
        "purpose",
        "content",
        "time_venue",
        "participants",
        "budget",
        "budget_total",
        "assignment",
        "implementation",
        *_COMMON_TAIL,
        "weekday",
        "event_date",
    ],
    "report": [*_COMMON_HEAD, "addressee", "body", *_COMMON_TAIL, "weekday"],
}


@pytest.mark.parametrize("entry", CORRECT, ids=_id)
def test_correct_documents_pass_every_check(entry: dict) -> None:
    report = check(read(entry["file"]), entry["kind"], today=TODAY)
    assert report.ok and report.score == 1.0
    assert [item.code for item in report] == STABLE_CODES[entry["kind"]]
    assert len(REGISTRY[entry["kind"]]) == len(STABLE_CODES[entry["kind"]])


@pytest.mark.parametrize("entry", BROKEN, ids=_id)
def test_broken_documents_explain_what_was_found_and_how_to_fix(entry: dict) -> None:
    report = check(read(entry["file"]), entry["kind"], today=TODAY)
    for item in report:
        for sentence in (item.message, item.hint):
            assert "{" not in sentence and "}" not in sentence
            assert unicodedata.is_normalized("NFC", sentence)
        if not item.ok:
            assert item.message and item.hint


@pytest.mark.parametrize(
    ("file", "code"),
    [
        ("notice_bad_future_date.txt", "place_date"),
        ("notice_bad_outdated_unit.txt", "outdated_unit"),
        ("invitation_bad_no_chair.txt", "chair"),
        ("plan_bad_no_budget.txt", "budget"),
    ],
)
def test_unconfirmed_rules_are_warnings_only(file: str, code: str) -> None:
    kind = file.split("_", 1)[0]
    report = check(read(file), kind, today=TODAY)
    assert report[code].severity == WARNING
    assert report.ok  # a warning never makes the document fail


@pytest.mark.parametrize(
    "file", ["notice_bad_impossible_date.txt", "notice_bad_thang_03.txt", "notice_bad_tm_bch.txt"]
)
def test_real_errors_fail_the_document(file: str) -> None:
    assert not check(read(file), "notice", today=TODAY).ok


def test_legacy_encoding_reports_only_the_encoding() -> None:
    report = check(read("notice_bad_tcvn3.txt"), "notice", today=TODAY)
    assert [item.code for item in report] == ["encoding"]
    assert "TCVN3" in report["encoding"].message
    assert "Unicode" in report["encoding"].hint
