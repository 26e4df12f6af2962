"""Checks of an answer against what the task gave: its facts, and no personal data.

A grading cell asks "does the trainee's notice carry the date, time and phrases the task
gave?" and "did personal data of members stay out of the text?". Both are plain text
checks, below grading, so ``congdoan.check(text, "facts", dates=[...])`` and the grading
cells run the same code. Messages come from the ``grading`` catalogue section.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from . import privacy
from .i18n import msg
from .report import ERROR, WARNING, Item, Report
from .text import find_dates, find_times, normalize

__all__ = ["check_facts", "check_privacy", "facts_report", "privacy_report"]


def _folded_text(text: str) -> str:
    return " ".join(normalize(text).casefold().split())


def check_facts(
    text: str,
    *,
    dates: Iterable[dt.date] = (),
    times: Iterable[dt.time] = (),
    phrases: Iterable[str] = (),
    code_prefix: str = "",
) -> Report:
    """Does ``text`` carry the facts the task gave: these dates, times and phrases?

    Dates may be written in any form :func:`congdoan.text.find_dates` reads
    (``04/5/2026``, ``ngày 04 tháng 5 năm 2026``); phrases are compared ignoring case,
    old/new tone marks and spacing. Codes: ``<prefix>date_1``, ``<prefix>time_1``,
    ``<prefix>phrase_1``, ... in the order given.
    """
    dates, times = list(dates), list(times)
    found_dates = {s.value for s in find_dates(text, default_year=dates[0].year if dates else None)}
    found_times = {s.value for s in find_times(text)}
    folded = _folded_text(text)
    items = []
    for n, day in enumerate(dates, start=1):
        written = f"{day.day:02d}/{day.month}/{day.year}"
        items.append(_fact(f"{code_prefix}date_{n}", day in found_dates, written))
    for n, hour in enumerate(times, start=1):
        written = f"{hour.hour}h{hour.minute:02d}"
        items.append(_fact(f"{code_prefix}time_{n}", hour in found_times, written))
    for n, phrase in enumerate(phrases, start=1):
        items.append(_fact(f"{code_prefix}phrase_{n}", _folded_text(phrase) in folded, phrase))
    return Report("facts", items)


def _fact(code: str, ok: bool, fact: str) -> Item:
    key = "ok" if ok else "missing"
    hint = "" if ok else msg("grading.facts.hint", fact=fact)
    return Item(code, ok, msg(f"grading.facts.{key}", fact=fact), hint, ERROR)


def check_privacy(text: str, *, code: str = "privacy") -> Item:
    """No personal data (phone, ID number, address, e-mail, named person...) in ``text``.

    Sensitive words alone (health, religion) are a warning, as in the post checker.
    """
    findings = privacy.find(text)
    personal = [f for f in findings if f.kind != "sensitive"]
    if personal:
        kinds = ", ".join(dict.fromkeys(msg(f"privacy.kind.{f.kind}") for f in personal))
        return Item(
            code,
            False,
            msg("grading.privacy.found", kinds=kinds),
            msg("grading.privacy.hint"),
            ERROR,
        )
    if findings:
        return Item(
            code,
            False,
            msg("grading.privacy.sensitive"),
            msg("grading.privacy.hint"),
            WARNING,
        )
    return Item(code, True, msg("grading.privacy.ok"))


def facts_report(text: str, **options: Any) -> Report:
    """:func:`check_facts` under the name the kind table uses."""
    return check_facts(text, **options)


def privacy_report(text: str, **_: Any) -> Report:
    """:func:`check_privacy` as a one-item report, for the kind table."""
    return Report("privacy", [check_privacy(text)])
