"""Bring submissions into ``submitted/<mã học viên>/<NAME>/``.

Two ways in:

* :func:`collect_exchange` — nbgrader's own ``collect`` from the exchange (trainees who
  used ``nbgrader submit`` or the Assignments tab);
* :func:`collect_files` — a folder or a ``.zip`` of ``.ipynb`` files that trainees sent
  by Zalo or e-mail. Each file is matched to the roster by its **content** first (the
  notebook metadata ``congdoan.ma_hoc_vien``, or a cell with ``MA_HOC_VIEN = "..."`` /
  ``HO_TEN = "..."`` or a line ``Mã học viên: ...``), then by its **file name** (the
  mã học viên, or the full name with or without diacritics, in any case, with spaces,
  ``_``, ``-`` or nothing between the words). A ``congdoan-transcript.jsonl`` next to
  a single notebook (or ``<tên tệp>.jsonl``) goes with it, so grading can replay the
  trainee's AI answers.

Nothing here is fatal for one bad file: a file that is not JSON, not a notebook of this
assignment, or not matched to anyone is listed in the report and left where it was.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from ..errors import InputError
from ..i18n import msg
from .roster import Trainee, fold, load_roster

__all__ = ["CollectReport", "collect_exchange", "collect_files", "match_trainee"]

TRANSCRIPT = "congdoan-transcript.jsonl"
_ID_VARIABLES = re.compile(
    r"""^\s*(MA_HOC_VIEN|MA_HV|HO_TEN|STUDENT_ID)\s*=\s*(['"])(.+?)\2""",
    re.IGNORECASE | re.MULTILINE,
)
_ID_LINE = re.compile(r"ma (?:hoc vien|hv|so)\s+([a-z0-9][a-z0-9 _.-]*)")
_SKIP = ("__MACOSX/", ".ipynb_checkpoints/")


@dataclass
class Candidate:
    """One ``.ipynb`` found in the folder or the zip."""

    name: str  # as the trainer sees it (path inside the zip or the folder)
    data: bytes
    modified: dt.datetime
    transcript: bytes | None = None


@dataclass
class CollectReport:
    matched: list[tuple[str, str, str]] = field(default_factory=list)  # file, id, how
    unmatched: list[tuple[str, str]] = field(default_factory=list)  # file, reason
    invalid: list[tuple[str, str]] = field(default_factory=list)  # file, reason
    replaced: list[tuple[str, str]] = field(default_factory=list)  # older file, id

    def lines(self) -> list[str]:
        out = [
            msg(
                "course.collect.summary",
                matched=len(self.matched),
                unmatched=len(self.unmatched),
                invalid=len(self.invalid),
            )
        ]
        for name, student, how in self.matched:
            out.append(msg("course.collect.matched_line", file=name, id=student, how=how))
        for name, student in self.replaced:
            out.append(msg("course.collect.replaced_line", file=name, id=student))
        for name, reason in self.unmatched:
            out.append(msg("course.collect.unmatched_line", file=name, reason=reason))
        for name, reason in self.invalid:
            out.append(msg("course.collect.invalid_line", file=name, reason=reason))
        return out


def collect_exchange(course, assignment: str) -> list[str]:
    """nbgrader's collect from the exchange; returns the trainees whose work is now in."""
    course.require_assignment(assignment)
    api = course.api()
    result = api.collect(assignment, update=True)
    if result is None:  # nbgrader has no exchange on Windows
        raise InputError(msg("course.release.no_exchange"))
    if not result.get("success"):
        raise InputError(msg("course.collect.exchange_failed", detail=_last_line(result)))
    return sorted(api.get_submitted_students(assignment))


def collect_files(course, assignment: str, source: Path) -> CollectReport:
    """Place notebooks from a folder or zip into ``submitted/``; report what happened."""
    course.require_assignment(assignment)
    roster = load_roster(course)
    if not roster:
        raise InputError(msg("course.errors.no_roster"))
    candidates = list(_candidates(source))
    notebooks = _source_grade_ids(course, assignment)
    report = CollectReport()
    chosen: dict[str, tuple[Candidate, str, str]] = {}  # id -> (candidate, notebook, how)

    for candidate in sorted(candidates, key=lambda c: c.modified):
        try:
            nb = json.loads(candidate.data.decode("utf-8-sig"))
            if not isinstance(nb, dict) or not isinstance(nb.get("cells"), list):
                raise ValueError
        except (UnicodeDecodeError, ValueError):
            report.invalid.append((candidate.name, msg("course.collect.not_json")))
            continue
        notebook = _which_notebook(nb, notebooks)
        if notebook is None:
            report.invalid.append(
                (candidate.name, msg("course.collect.wrong_assignment", name=assignment))
            )
            continue
        trainee, how = match_trainee(candidate.name, nb, roster)
        if trainee is None:
            report.unmatched.append((candidate.name, how))
            continue
        key = (trainee.ma_hoc_vien, notebook)
        if key in chosen:  # a newer file from the same trainee replaces the older one
            report.replaced.append((chosen[key][0].name, trainee.ma_hoc_vien))
        chosen[key] = (candidate, notebook, how)

    for (student, notebook), (candidate, _, how) in sorted(chosen.items()):
        target = course.path("submitted", student, assignment)
        target.mkdir(parents=True, exist_ok=True)
        (target / f"{notebook}.ipynb").write_bytes(candidate.data)
        if candidate.transcript is not None:
            (target / TRANSCRIPT).write_bytes(candidate.transcript)
        stamp = candidate.modified.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M:%S.%f UTC")
        (target / "timestamp.txt").write_text(stamp, encoding="utf-8")
        report.matched.append((candidate.name, student, how))
    report.matched.sort()
    return report


def match_trainee(file_name: str, nb: dict, roster: list[Trainee]) -> tuple[Trainee | None, str]:
    """``(trainee, how it matched)`` or ``(None, why not)``; content first, then name."""
    by_id = {t.ma_hoc_vien.lower(): t for t in roster}
    by_name: dict[str, list[Trainee]] = {}
    for t in roster:
        by_name.setdefault(fold(t.ho_ten), []).append(t)

    declared_id, declared_name = _declared_identity(nb)
    by_content: tuple[Trainee | None, str] = (None, "")
    if declared_id and declared_id.lower() in by_id:
        by_content = by_id[declared_id.lower()], msg("course.collect.how_content_id")
    elif declared_name:
        found = by_name.get(fold(declared_name), [])
        if len(found) == 1:
            by_content = found[0], msg("course.collect.how_content_name")
    by_file = _by_file_name(file_name, by_id, by_name)
    if by_content[0] is not None:
        named = by_file[0]
        if named is not None and named.ma_hoc_vien != by_content[0].ma_hoc_vien:
            # a copied notebook carrying someone else's id: replace nobody's work
            return None, msg(
                "course.collect.conflict",
                inside=by_content[0].ma_hoc_vien,
                named=named.ma_hoc_vien,
            )
        return by_content
    if by_file[0] is not None or by_file[1] != msg("course.collect.no_match"):
        return by_file
    if declared_id:
        return None, msg("course.collect.not_on_roster", id=declared_id)
    return by_file


def _by_file_name(file_name: str, by_id: dict, by_name: dict) -> tuple[Trainee | None, str]:
    """The trainee a file's name points at (mã học viên or full name), or why not."""
    stem = unicodedata.normalize("NFC", PurePosixPath(file_name).name.rsplit(".", 1)[0])
    stem = "".join(  # NguyenVanAn -> Nguyen Van An
        f" {ch}" if i and ch.isupper() and stem[i - 1].islower() else ch
        for i, ch in enumerate(stem)
    )
    folded = fold(stem)
    tokens = set(folded.split())
    ids = [t for key, t in by_id.items() if fold(key).replace(" ", "") in tokens]
    if len(ids) == 1:
        return ids[0], msg("course.collect.how_file_id")
    # whole words only: "Nguyen Van Anh" is not "Nguyễn Văn An"
    names = [t for n, people in by_name.items() for t in people if n and f" {n} " in f" {folded} "]
    if not names:  # "nguyenvanan_bai1": the name as one word
        names = [t for n, people in by_name.items() for t in people if n.replace(" ", "") in tokens]
    if len(names) == 1:
        return names[0], msg("course.collect.how_file_name")
    if len(names) > 1 or len(ids) > 1:
        clash = ", ".join(sorted({t.ma_hoc_vien for t in names + ids}))
        return None, msg("course.collect.ambiguous", ids=clash)
    return None, msg("course.collect.no_match")


def _declared_identity(nb: dict) -> tuple[str | None, str | None]:
    meta = nb.get("metadata", {}).get("congdoan", {})
    student_id = name = None
    if isinstance(meta, dict):
        student_id = meta.get("ma_hoc_vien") or meta.get("student_id")
        name = meta.get("ho_ten")
    for cell in nb.get("cells", []):
        source = cell.get("source", "")
        source = "".join(source) if isinstance(source, list) else str(source)
        for variable, _, value in _ID_VARIABLES.findall(source):
            value = value.strip()
            if not value or value.startswith(("[", "<", "...")):
                continue  # the placeholder left in the released notebook
            if variable.upper() in ("MA_HOC_VIEN", "MA_HV", "STUDENT_ID"):
                student_id = student_id or value
            else:
                name = name or value
        if cell.get("cell_type") == "markdown" and not student_id:
            found = _ID_LINE.search(fold(source))
            if found:
                student_id = found.group(1).split()[0]
    return (str(student_id).strip() if student_id else None), (str(name) if name else None)


def _source_grade_ids(course, assignment: str) -> dict[str, set[str]]:
    """``{notebook: grade ids}`` of the release version, to recognise the assignment."""
    out = {}
    for name in course.notebooks(assignment):
        nb = json.loads(
            course.path("source", ".", assignment).joinpath(f"{name}.ipynb").read_text("utf-8")
        )
        out[name] = {
            c.get("metadata", {}).get("nbgrader", {}).get("grade_id")
            for c in nb.get("cells", [])
            if c.get("metadata", {}).get("nbgrader", {}).get("grade_id")
        }
    return out


def _which_notebook(nb: dict, notebooks: dict[str, set[str]]) -> str | None:
    ids = {
        c.get("metadata", {}).get("nbgrader", {}).get("grade_id")
        for c in nb.get("cells", [])
        if isinstance(c, dict) and isinstance(c.get("metadata"), dict)
    }
    ids.discard(None)
    best, overlap = None, 0
    for name, expected in notebooks.items():
        common = len(ids & expected)
        if common > overlap:
            best, overlap = name, common
    return best


def _candidates(source: Path):
    if not source.exists():
        raise InputError(msg("course.collect.no_source", path=source))
    if source.is_dir():
        files = sorted(p for p in source.rglob("*") if p.is_file())
        for path in files:
            relative = path.relative_to(source).as_posix()
            if path.suffix.lower() != ".ipynb" or any(s in relative + "/" for s in _SKIP):
                continue
            modified = dt.datetime.fromtimestamp(path.stat().st_mtime).astimezone()
            yield Candidate(relative, path.read_bytes(), modified, _transcript_for_path(path))
        return
    if not zipfile.is_zipfile(source):
        raise InputError(msg("course.collect.not_folder_or_zip", path=source))
    with zipfile.ZipFile(source) as archive:
        infos = [i for i in archive.infolist() if not i.is_dir()]
        names = {_zip_name(i): i for i in infos}
        for name, info in sorted(names.items()):
            if not name.lower().endswith(".ipynb") or any(s in name for s in _SKIP):
                continue
            modified = dt.datetime(*info.date_time).astimezone()
            yield Candidate(
                name, archive.read(info), modified, _transcript_in_zip(name, names, archive)
            )


def _zip_name(info: zipfile.ZipInfo) -> str:
    """Names zipped on Windows without the UTF-8 flag come back as cp437 mojibake."""
    if info.flag_bits & 0x800:
        return info.filename
    try:
        return info.filename.encode("cp437").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return info.filename


def _transcript_for_path(path: Path) -> bytes | None:
    own = path.with_suffix(".jsonl")
    if own.is_file():
        return own.read_bytes()
    shared = path.parent / TRANSCRIPT
    if shared.is_file() and len(list(path.parent.glob("*.ipynb"))) == 1:
        return shared.read_bytes()
    return None


def _transcript_in_zip(name: str, names: dict, archive: zipfile.ZipFile) -> bytes | None:
    folder = name.rsplit("/", 1)[0] + "/" if "/" in name else ""
    own = name[: -len(".ipynb")] + ".jsonl"
    if own in names:
        return archive.read(names[own])
    siblings = [n for n in names if n.startswith(folder) and "/" not in n[len(folder) :]]
    if folder + TRANSCRIPT in names and sum(n.lower().endswith(".ipynb") for n in siblings) == 1:
        return archive.read(names[folder + TRANSCRIPT])
    return None


def _last_line(result: dict) -> str:
    text = (result.get("error") or result.get("log") or "").strip()
    return text.splitlines()[-1] if text else ""


def remove_submission(course, student: str, assignment: str) -> None:
    """Used by tests and the trainer guide's "nộp lại" step."""
    shutil.rmtree(course.path("submitted", student, assignment), ignore_errors=True)
