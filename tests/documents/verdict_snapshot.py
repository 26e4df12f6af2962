"""Every verdict of the document checks, written down so a speed-up cannot change one.

``tests/documents/test_verdicts_frozen.py`` compares what the code says now with
``tests/data/frozen/document_verdicts.json``, which was written by the code *before*
the checks were made faster. Run this module to rewrite the snapshot, only after a
change that is meant to change verdicts (and say so in the commit)::

    .venv/bin/python tests/documents/verdict_snapshot.py --write

What is recorded, for each text: the full report of ``documents.check`` under every
document kind (code, ok, severity, weight, message, hint, note), the findings of
``privacy.find`` (kind, start, end, text, severity), the outdated units
``vocabulary.find_outdated`` reports (positions included), and digests of
``text.normalize`` and ``text.fold``. The texts are every file of ``tests/data/documents``
(broken and legacy-font ones included), the held-out documents and posts, and every
privacy sample, alone and pasted into a correct notice and a correct plan. Each text is
recorded with a digest of itself: a fixture edited or added later is left out of the
comparison (the test says how many), not reported as a changed verdict.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path

TESTS = Path(__file__).resolve().parent.parent
if str(TESTS) not in sys.path:
    sys.path.insert(0, str(TESTS))

SNAPSHOT = TESTS / "data" / "frozen" / "document_verdicts.json"
DOCUMENTS = TESTS / "data" / "documents"
PRIVACY_DIRS = (TESTS / "data" / "privacy", TESTS / "data" / "heldout" / "privacy")
KINDS = ("notice", "invitation", "plan", "report", "minutes")
TODAY = dt.date(2026, 11, 28)
HOSTS = {"notice": "notice_thang_cong_nhan.txt", "plan": "plan_tet_sum_vay.txt"}
_HOST_ANCHOR = "\nNơi nhận:"


def _privacy_texts() -> Iterator[tuple[str, str]]:
    """(id, text) of every labelled privacy sample, marks removed."""
    sys.path.insert(0, str(TESTS / "privacy"))
    from privacy_samples import parse

    for folder in PRIVACY_DIRS:
        for path in sorted(folder.glob("*.txt")):
            for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if raw.strip() and not raw.startswith("#"):
                    text, _ = parse(raw.replace("\\t", "\t"))
                    yield f"{folder.parent.name}/{folder.name}/{path.stem}:{number}", text


def _embedded(sample: str, host: str) -> str:
    """``sample`` as the last paragraph of the body of a correct document."""
    at = host.index(_HOST_ANCHOR)
    return f"{host[:at]}\n{sample}\n{host[at:]}"


def texts() -> list[tuple[str, str, tuple[str, ...]]]:
    """(id, text, kinds to check it as) of every text the snapshot covers, in a fixed order."""
    import heldout_sets

    found = [
        (f"documents/{path.name}", path.read_text(encoding="utf-8"), KINDS)
        for path in sorted(DOCUMENTS.glob("*.txt"))
    ]
    cases, _ = heldout_sets.documents()
    found += [(f"heldout/{case.id}", case.text, KINDS) for case in cases]
    hosts = {kind: (DOCUMENTS / name).read_text(encoding="utf-8") for kind, name in HOSTS.items()}
    for sid, sample in _privacy_texts():
        found.append((f"privacy/{sid}", sample, ("notice",)))
        for kind, host in hosts.items():
            found.append((f"privacy-in-{kind}/{sid}", _embedded(sample, host), (kind,)))
    return found


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


class _Table:
    """Checklist items repeat across thousands of reports: each distinct one is stored once."""

    def __init__(self) -> None:
        self.rows: dict[str, int] = {}

    def __call__(self, row: list) -> int:
        return self.rows.setdefault(json.dumps(row, ensure_ascii=False), len(self.rows))

    def as_list(self) -> list:
        return [json.loads(row) for row in self.rows]


def _report(text: str, kind: str, table: _Table) -> list:
    from congdoan import documents

    report = documents.check(text, kind, today=TODAY)
    items = [
        table([item.code, item.ok, item.severity, item.weight, item.message, item.hint])
        for item in report.items
    ]
    return [report.kind, report.ok, report.score, report.note, items]


def record(text: str, kinds: tuple[str, ...], table: _Table) -> dict:
    """Everything the checks say about ``text``; checklist items as indexes into ``table``."""
    from congdoan import privacy, vocabulary
    from congdoan import text as textmod

    outdated = [
        [span.start, span.end, span.text, list(span.value.names), span.value.now]
        for span in vocabulary.find_outdated(text, on=TODAY)
    ]
    return {
        "input": _digest(text),
        "normalize": _digest(textmod.normalize(text)),
        "fold": _digest(textmod.fold(text)),
        "fold_squash": _digest(textmod.fold(text, squash=True)),
        "privacy": [[f.kind, f.start, f.end, f.text, f.severity] for f in privacy.find(text)],
        "outdated": outdated,
        "reports": {kind: _report(text, kind, table) for kind in kinds},
    }


def expand(data: dict) -> dict[str, dict]:
    """The snapshot with item indexes replaced by the items (to compare and to read)."""
    table = data["items"]
    records = {}
    for sid, rec in data["texts"].items():
        reports = {}
        for kind, (name, ok, score, note, items) in rec["reports"].items():
            reports[kind] = {
                "kind": name,
                "ok": ok,
                "score": score,
                "note": note,
                "items": [table[index] for index in items],
            }
        records[sid] = {**rec, "reports": reports}
    return records


def snapshot() -> dict:
    """What the code says now, in the snapshot's stored form."""
    from congdoan import i18n

    previous = i18n.get_language()
    i18n.set_language("vi")
    table = _Table()
    try:
        records = {sid: record(text, kinds, table) for sid, text, kinds in texts()}
    finally:
        i18n.set_language(previous)
    return {"today": TODAY.isoformat(), "items": table.as_list(), "texts": records}


def load() -> dict:
    return json.loads(SNAPSHOT.read_text(encoding="utf-8"))


def _dumps(data: dict) -> str:
    """One line per item and per text, so a changed verdict shows as a short diff."""

    def lines(entries: list[str]) -> str:
        return ",\n".join(entries)

    items = lines([json.dumps(row, ensure_ascii=False) for row in data["items"]])
    texts = lines(
        [
            f"{json.dumps(sid, ensure_ascii=False)}: {json.dumps(rec, ensure_ascii=False)}"
            for sid, rec in data["texts"].items()
        ]
    )
    return f'{{"today": "{data["today"]}",\n"items": [\n{items}\n],\n"texts": {{\n{texts}\n}}}}\n'


def main(argv: list[str]) -> int:
    if argv != ["--write"]:
        print(__doc__)
        return 2
    SNAPSHOT.parent.mkdir(parents=True, exist_ok=True)
    data = snapshot()
    SNAPSHOT.write_text(_dumps(data), encoding="utf-8")
    reports = sum(len(rec["reports"]) for rec in data["texts"].values())
    print(
        f"{len(data['texts'])} texts, {reports} reports, {len(data['items'])} items -> {SNAPSHOT}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
