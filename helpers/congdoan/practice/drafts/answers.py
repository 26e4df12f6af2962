"""Answers without a layout: the summary of a text the trainee pasted, and the general reply."""

from __future__ import annotations

import re

from .._text import fold, word_count
from ..summary import split_sentences, summarise
from .context import Built, Context, t

__all__ = ["build_general", "build_summary"]


def build_summary(ctx: Context, source: str) -> Built:
    source = source.strip()
    if not source or len(split_sentences(source)) < 1 or word_count(source) < 8:
        ctx.placeholder("source")
        lines = [
            t("summary.no_text"),
            t("summary.how_to"),
            "",
            t("summary.how_to_example"),
            ctx.placeholder("source"),
        ]
        return Built("\n".join(lines))
    limits = ctx.limits()
    count: int | None = None
    words: int | None = None
    for lim in limits:
        if lim.unit in ("sentences", "bullets", "paragraphs") and count is None:
            count = lim.maximum
        elif lim.unit == "words" and words is None:
            words = lim.maximum
    if ctx.brief and count is None and words is None:
        count = 2
    result = summarise(source, count=count, max_words=words)
    bullets = any(lim.unit == "bullets" for lim in limits)
    lines = [t("summary.heading", kept=len(result.sentences))]
    if bullets:
        lines += [f"- {s}" for s in result.sentences]
    else:
        lines += [f"{i}. {s}" for i, s in enumerate(result.sentences, 1)]
    lines.append("")
    if result.kept >= result.total:
        lines.append(t("summary.whole", total=result.total))
    else:
        lines.append(t("summary.note", kept=result.kept, total=result.total))
    return Built("\n".join(lines), notes=[t("tips.extractive")])


# ====================================================================== general
def build_general(ctx: Context, text: str) -> Built:
    folded = fold(text.strip())
    lines: list[str] = []
    if re.match(r"(xin )?chao|hello|hi(?![a-z])|alo", folded):
        lines.append(t("general.greeting"))
    else:
        lines.append(t("general.cannot"))
    lines += [
        t("general.scope"),
        "",
        t("general.rephrase"),
        "- " + t("general.example_1"),
        "- " + t("general.example_2"),
        "- " + t("general.example_3"),
        "",
        t("general.real"),
    ]
    return Built("\n".join(lines))
