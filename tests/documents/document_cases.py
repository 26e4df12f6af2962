"""Shared data for the document tests: the manifest of test documents and a fixed "today".

A plain module (not conftest) so test files can import the lists to parametrize on."""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data" / "documents"
TODAY = dt.date(2026, 11, 28)
KIND_NAMES = ("notice", "invitation", "plan", "report")


def load_manifest() -> list[dict]:
    """Every test document with its kind and the exact codes it must fail."""
    with (DATA / "manifest.toml").open("rb") as handle:
        return tomllib.load(handle)["document"]


def read(name: str) -> str:
    return (DATA / name).read_text(encoding="utf-8")


MANIFEST = load_manifest()
CORRECT = [entry for entry in MANIFEST if not entry["fails"]]
BROKEN = [entry for entry in MANIFEST if entry["fails"]]
