"""A personal prompt library that stays with the trainee after the course.

Good prompts are worth keeping: the notice prompt that finally gave the right layout,
the survey-summary prompt, the Fanpage post prompt. :class:`PromptLibrary` keeps them in
one JSON file in the trainee's home folder (``~/.congdoan/thu_vien_cau_lenh.json``, or
the file named by ``CONGDOAN_PROMPT_LIBRARY``), searchable with or without diacritics,
exportable to Markdown and Word.

>>> lib = PromptLibrary()  # doctest: +SKIP
>>> lib.save("Thông báo họp", "Bạn là cán bộ công đoàn...", tags=["thông báo"])  # doctest: +SKIP
>>> lib.search("thong bao")  # doctest: +SKIP

Writes are safe: the file is written to a temporary file in the same folder and then
moved over the old one, so a crash never leaves half a library. Saving warns (never
blocks) when a prompt contains personal data such as phone or ID numbers.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import os
import re
import tempfile
import unicodedata
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .. import privacy
from ..errors import InputError
from ..files import ensure_folder
from ..i18n import msg
from ..text import fold

__all__ = ["DEFAULT_PATH", "Entry", "PromptLibrary", "SaveResult"]

DEFAULT_PATH = Path("~/.congdoan/thu_vien_cau_lenh.json")
ENVIRONMENT_VARIABLE = "CONGDOAN_PROMPT_LIBRARY"
_FORMAT = 1


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text).strip()


@dataclass(frozen=True)
class Entry:
    """One saved prompt: title (unique, case- and diacritic-insensitive), text, tags, note."""

    title: str
    text: str
    tags: tuple[str, ...] = ()
    note: str = ""
    saved: str = ""

    def as_json(self) -> dict:
        data = asdict(self)
        data["tags"] = list(self.tags)
        return data


@dataclass(frozen=True)
class SaveResult:
    """What :meth:`PromptLibrary.save` did, with privacy warnings for the trainee."""

    entry: Entry
    replaced: bool
    warnings: tuple[str, ...] = ()

    def __str__(self) -> str:
        key = "library.saved.replaced" if self.replaced else "library.saved.new"
        return "\n".join([msg(key, title=self.entry.title), *self.warnings])

    def _repr_html_(self) -> str:
        warnings = "".join(
            f"<div style='color:#8a6d00'>! {html.escape(w)}</div>" for w in self.warnings
        )
        key = "library.saved.replaced" if self.replaced else "library.saved.new"
        return f"<div>✓ {html.escape(msg(key, title=self.entry.title))}{warnings}</div>"


@dataclass
class PromptLibrary:
    """The trainee's saved prompts, kept in one JSON file."""

    path: Path | None = None
    entries: list[Entry] = field(default_factory=list, init=False)

    def __post_init__(self) -> None:
        chosen = self.path or os.environ.get(ENVIRONMENT_VARIABLE) or DEFAULT_PATH
        if not isinstance(chosen, (str, os.PathLike)):
            raise InputError(msg("library.input.not_path", type=type(chosen).__name__))
        self.path = Path(chosen).expanduser()
        self.entries = self._load()

    # ----------------------------------------------------------------- storage

    def _load(self) -> list[Entry]:
        assert self.path is not None
        if not self.path.exists():
            return []
        return _entries_from_json(self.path)

    def _write(self) -> None:
        assert self.path is not None
        self.path.parent.mkdir(parents=True, exist_ok=True)
        payload = {"format": _FORMAT, "prompts": [entry.as_json() for entry in self.entries]}
        blob = json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
        _atomic_write(self.path, blob.encode("utf-8"))

    # ----------------------------------------------------------------- editing

    def save(self, title: str, text: str, tags: Iterable[str] = (), note: str = "") -> SaveResult:
        """Save a prompt (a prompt with the same title is replaced) and return what happened."""
        for name, value in (("title", title), ("text", text)):
            if not isinstance(value, str) or not value.strip():
                raise InputError(msg("library.input.empty", field=msg(f"library.field.{name}")))
        if isinstance(tags, str):
            tags = [tags]
        clean_tags = tuple(dict.fromkeys(_nfc(str(tag)) for tag in tags if str(tag).strip()))
        entry = Entry(
            _nfc(title),
            unicodedata.normalize("NFC", text).strip("\n"),
            clean_tags,
            _nfc(str(note or "")),
            dt.datetime.now().replace(microsecond=0).isoformat(),
        )
        replaced = self._put(entry)
        self._write()
        return SaveResult(entry, replaced, _privacy_warnings(entry))

    def _put(self, entry) -> bool:
        """Add the entry, or replace the one with the same title; True when replaced."""
        position = self._index(entry.title)
        if position is None:
            self.entries.append(entry)
            return False
        self.entries[position] = entry
        return True

    def _index(self, title: str) -> int | None:
        key = fold(title, squash=True)
        titles = (fold(entry.title, squash=True) for entry in self.entries)
        return next((i for i, found in enumerate(titles) if found == key), None)

    def get(self, title: str) -> Entry:
        position = self._index(title)
        if position is None:
            raise InputError(msg("library.input.unknown", title=title))
        return self.entries[position]

    def remove(self, title: str) -> Entry:
        """Delete the prompt with this title and return it."""
        entry = self.get(title)
        self.entries.remove(entry)
        self._write()
        return entry

    def search(self, query: str = "", tags: Iterable[str] = ()) -> list[Entry]:
        """Prompts whose title, text, note or tags contain every word of ``query`` and that
        carry every tag in ``tags``; case and diacritics are ignored (``thong bao`` finds
        ``Thông báo``). Titles matching come first."""
        if isinstance(tags, str):
            tags = [tags]
        words = fold(query or "", squash=True).split()
        wanted = {fold(tag, squash=True) for tag in tags}
        found = []
        for entry in self.entries:
            if not wanted <= {fold(tag, squash=True) for tag in entry.tags}:
                continue
            written = " ".join([entry.title, entry.text, entry.note, *entry.tags])
            haystack = fold(written, squash=True)
            if all(word in haystack for word in words):
                in_title = all(word in fold(entry.title, squash=True) for word in words)
                found.append((not in_title, entry))
        return [entry for _, entry in sorted(found, key=lambda pair: pair[0])]

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self):
        return iter(self.entries)

    # ----------------------------------------------------------------- export and import

    def export_markdown(self, path: str | os.PathLike[str]) -> Path:
        """Write the library as a Markdown file (a heading per prompt, the prompt as a block)."""
        target = _target(path, ".md")
        lines = [f"# {msg('library.export.title')}", ""]
        for entry in self.entries:
            lines += [f"## {entry.title}", ""]
            if entry.tags:
                lines += [f"*{msg('library.export.tags')}: {', '.join(entry.tags)}*", ""]
            if entry.note:
                lines += [f"{msg('library.export.note')}: {entry.note}", ""]
            lines += ["```text", entry.text, "```", ""]
        _atomic_write(target, "\n".join(lines).encode("utf-8"))
        return target

    def export_docx(self, path: str | os.PathLike[str]) -> Path:
        """Write the library as a Word file: a heading per prompt, tags, note and the text."""
        from docx import Document
        from docx.shared import Pt

        target = _target(path, ".docx")
        word = Document()
        style = word.styles["Normal"]
        style.font.name = "Times New Roman"
        style.font.size = Pt(13)
        word.add_heading(msg("library.export.title"), level=0)
        for entry in self.entries:
            word.add_heading(entry.title, level=1)
            if entry.tags:
                tags = word.add_paragraph(f"{msg('library.export.tags')}: {', '.join(entry.tags)}")
                tags.runs[0].italic = True
            if entry.note:
                word.add_paragraph(f"{msg('library.export.note')}: {entry.note}")
            for line in entry.text.split("\n"):
                word.add_paragraph(line)
        try:
            word.save(str(target))
        except OSError as exc:
            raise InputError(msg("library.input.unwritable", path=target, reason=exc)) from None
        return target

    def import_file(self, path: str | os.PathLike[str]) -> int:
        """Add the prompts of another library file (JSON from a colleague, or an exported
        Markdown file); prompts with a title already here are replaced. Returns how many."""
        source = Path(path)
        if not source.is_file():
            raise InputError(msg("library.input.missing", path=source))
        if source.suffix.lower() == ".md":
            imported = _entries_from_markdown(source.read_text(encoding="utf-8"))
        else:
            imported = _entries_from_json(source)
        for entry in imported:
            self._put(entry)
        self._write()
        return len(imported)

    # ----------------------------------------------------------------- display

    def __str__(self) -> str:
        if not self.entries:
            return msg("library.empty")
        lines = [msg("library.heading", count=len(self.entries))]
        for entry in self.entries:
            tags = f" [{', '.join(entry.tags)}]" if entry.tags else ""
            lines.append(f"• {entry.title}{tags}: {_preview(entry.text)}")
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        if not self.entries:
            return f"<div>{html.escape(msg('library.empty'))}</div>"
        items = []
        for entry in self.entries:
            tags = "".join(
                f"<span style='background:#e8eef7;border-radius:4px;padding:0 4px;"
                f"margin-left:4px'>{html.escape(tag)}</span>"
                for tag in entry.tags
            )
            items.append(
                f"<li><b>{html.escape(entry.title)}</b>{tags}<br>"
                f"<small>{html.escape(_preview(entry.text, 160))}</small></li>"
            )
        heading = html.escape(msg("library.heading", count=len(self.entries)))
        return f"<div><strong>{heading}</strong><ul>{''.join(items)}</ul></div>"


def _preview(text: str, limit: int = 80) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _privacy_warnings(entry: Entry) -> tuple[str, ...]:
    findings = [f for f in privacy.find(entry.text + "\n" + entry.note) if f.kind != "sensitive"]
    if not findings:
        return ()
    return (msg("library.privacy_warning"), privacy.summary(findings))


def _atomic_write(target: Path, data: bytes) -> None:
    try:
        handle, temporary = tempfile.mkstemp(
            dir=target.parent, prefix=".tmp-", suffix=target.suffix
        )
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, target)
    except OSError as exc:
        raise InputError(msg("library.input.unwritable", path=target, reason=exc)) from None


def _target(path: object, suffix: str) -> Path:
    if not isinstance(path, (str, os.PathLike)):
        raise InputError(msg("library.input.not_path", type=type(path).__name__))
    target = Path(path)
    if target.suffix.lower() != suffix:
        raise InputError(msg("library.input.bad_suffix", path=target, suffix=suffix))
    ensure_folder(target)
    return target


def _entries_from_json(path: Path) -> list[Entry]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        items = data["prompts"] if isinstance(data, dict) else data
        return [
            Entry(
                _nfc(item["title"]),
                unicodedata.normalize("NFC", item["text"]),
                tuple(_nfc(t) for t in item.get("tags", ())),
                _nfc(item.get("note", "")),
                item.get("saved", ""),
            )
            for item in items
        ]
    except (OSError, ValueError, KeyError, TypeError):
        raise InputError(msg("library.input.broken", path=path)) from None


_MD_HEADING = re.compile(r"^## (.+)$", re.MULTILINE)


def _entries_from_markdown(text: str) -> list[Entry]:
    """Read back what :meth:`PromptLibrary.export_markdown` wrote."""
    entries = []
    tags_label, note_label = msg("library.export.tags"), msg("library.export.note")
    parts = _MD_HEADING.split(text)
    for title, body in zip(parts[1::2], parts[2::2], strict=False):
        block = re.search(r"```text\n(.*?)\n```", body, re.DOTALL)
        if not block:
            continue
        tags = re.search(rf"^\*{re.escape(tags_label)}: (.*)\*$", body, re.MULTILINE)
        note = re.search(rf"^{re.escape(note_label)}: (.*)$", body, re.MULTILINE)
        entries.append(
            Entry(
                _nfc(title),
                unicodedata.normalize("NFC", block[1]),
                tuple(_nfc(t) for t in tags[1].split(", ")) if tags else (),
                _nfc(note[1]) if note else "",
            )
        )
    return entries
