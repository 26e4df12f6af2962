"""No verdict of the document checks changed since the snapshot was written.

The snapshot (``tests/data/frozen/document_verdicts.json``) was written by the code as
it was before the checks were made faster; see ``verdict_snapshot.py`` for what it holds
and how to rewrite it after a change that is meant to change verdicts.
"""

from __future__ import annotations

import pytest
from verdict_snapshot import SNAPSHOT, expand, load, snapshot


@pytest.fixture(scope="module")
def frozen() -> dict[str, dict]:
    return expand(load())


@pytest.fixture(scope="module")
def current() -> dict[str, dict]:
    return expand(snapshot())


def test_the_snapshot_covers_every_kind_of_text(frozen: dict[str, dict]) -> None:
    groups = {sid.split("/", 1)[0] for sid in frozen}
    assert groups == {"documents", "heldout", "privacy", "privacy-in-notice", "privacy-in-plan"}
    failed = {
        item[0]
        for rec in frozen.values()
        for r in rec["reports"].values()
        for item in r["items"]
        if not item[1]
    }
    assert {"encoding", "privacy", "outdated_unit", "weekday", "event_date"} <= failed


def comparable(frozen: dict[str, dict], current: dict[str, dict]) -> list[str]:
    """The texts checked then and now (a fixture edited since has another digest)."""
    return [sid for sid, rec in frozen.items() if current.get(sid, {}).get("input") == rec["input"]]


def test_most_texts_are_still_the_same(frozen: dict[str, dict], current: dict[str, dict]) -> None:
    same = comparable(frozen, current)
    assert len(same) >= 0.9 * len(frozen), (
        f"only {len(same)} of {len(frozen)} texts are as they were: the fixtures changed, "
        f"rewrite {SNAPSHOT.name} from the code before the change you are testing"
    )


@pytest.mark.parametrize("part", ["normalize", "fold", "fold_squash", "privacy", "outdated"])
def test_text_tools_give_the_same_results(
    part: str, frozen: dict[str, dict], current: dict[str, dict]
) -> None:
    same = comparable(frozen, current)
    changed = [sid for sid in same if current[sid][part] != frozen[sid][part]]
    assert not changed, (
        f"{len(changed)} texts: {changed[:5]}; first: "
        f"{frozen[changed[0]][part]} -> {current.get(changed[0], {}).get(part)}"
    )


def test_every_report_is_unchanged(frozen: dict[str, dict], current: dict[str, dict]) -> None:
    changed = []
    for sid in comparable(frozen, current):
        for kind, report in frozen[sid]["reports"].items():
            now = current[sid]["reports"].get(kind)
            if now != report:
                changed.append((sid, kind, report, now))
    if changed:
        sid, kind, before, after = changed[0]
        lines = [f"{len(changed)} reports changed; first: {sid} as {kind}"]
        for old, new in zip(before["items"], (after or {}).get("items", []), strict=False):
            if old != new:
                lines.append(f"  was {old}\n  now {new}")
        pytest.fail("\n".join(lines))
