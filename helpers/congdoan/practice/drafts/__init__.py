"""One draft builder per task: the details a prompt gave, laid out as the real thing.

A builder fills each part of the layout from the details; a part the prompt did not
give becomes a visible placeholder ``[bổ sung: ...]`` and its slot is recorded, so the
tips can say what to add. A more detailed prompt therefore gives a draft with fewer
placeholders, which is the point the lessons make.

One module per family: :mod:`.documents` (notice, invitation, plan, report, minutes),
:mod:`.posts`, :mod:`.visuals` (video scripts, image prompts) and :mod:`.answers`
(summary, general); :mod:`.carry` then brings in every fact of the prompt the layout
did not place, and :mod:`.context` holds what they all share.
"""

from __future__ import annotations

from collections.abc import Callable

from .answers import build_general, build_summary
from .carry import carry_points
from .context import Built, Context, t
from .documents import build_invitation, build_minutes, build_notice, build_plan, build_report
from .posts import build_post
from .visuals import build_image, build_video

__all__ = ["BUILDERS", "Built", "Context", "build", "t"]

BUILDERS: dict[str, Callable[[Context], Built]] = {
    "notice": build_notice,
    "invitation": build_invitation,
    "plan": build_plan,
    "report": build_report,
    "minutes": build_minutes,
    "post": build_post,
    "video_script": build_video,
    "image_prompt": build_image,
}


def build(ctx: Context, *, source: str = "", text: str = "") -> Built:
    """Run the builder for ``ctx.task``; summary and general also need the raw text."""
    if ctx.task == "summary":
        built = build_summary(ctx, source)
    elif ctx.task == "general":
        built = build_general(ctx, text)
    else:
        built = BUILDERS[ctx.task](ctx)
        built.draft = carry_points(ctx, built.draft)
    built.missing = list(ctx.missing)
    built.notes = ctx.notes + built.notes
    return built
