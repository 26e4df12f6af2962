"""Short-video scripts and image prompts: scenes timed to be read aloud, a picture described.

The frame ratio follows what the trainee asked ("khổ ngang") before the channel's usual one.
"""

from __future__ import annotations

import math
import re

from ... import vocabulary as forms
from ...text import nfc
from .._text import fold
from .context import Built, Context, t
from .posts import suggested_hashtags

__all__ = ["build_image", "build_video"]


# ====================================================================== video script
# The format the trainee asked for outranks the channel's usual one: "banner khổ ngang"
# is 16:9, whatever the channel.
_GIVEN_RATIO = re.compile(r"(?<![\d:])(16:9|9:16|4:5|1:1|4:3|3:4|3:2|2:3|21:9)(?![\d:])")
_LANDSCAPE = re.compile(r"(?<![a-z])(?:kho|hinh|anh|banner|dang|chieu) ngang(?![a-z])")
_PORTRAIT = re.compile(r"(?<![a-z])(?:kho|hinh|anh|banner|dang|chieu) doc(?![a-z])")


def _ratio(ctx: Context, prefix: str) -> str:
    asked = fold(nfc(ctx.prompt))
    given = _GIVEN_RATIO.search(asked)
    if given:
        return t("image.ratio_given", ratio=given.group(1))
    if _LANDSCAPE.search(asked):
        return t("video.ratio_wide" if prefix == "video" else "image.ratio_landscape")
    if _PORTRAIT.search(asked):
        return t("video.ratio_vertical" if prefix == "video" else "image.ratio_portrait")
    channels = fold(" ".join(ctx.all("channel")))
    if prefix == "video":
        if "youtube" in channels and "shorts" not in channels:
            return t("video.ratio_wide")
        if channels and "facebook" not in channels and "fanpage" not in channels:
            return t("video.ratio_vertical")
        return t("video.ratio_square") if channels else t("video.ratio_vertical")
    if any(k in channels for k in ("tiktok", "reels", "shorts", "story")):
        return t("image.ratio_vertical")
    if "youtube" in channels:
        return t("image.ratio_youtube")
    if "facebook" in channels or "fanpage" in channels:
        return t("image.ratio_facebook")
    if "zalo" in channels:
        return t("image.ratio_zalo")
    return t("image.ratio_default")


#: Seconds of the opening scene and of the longest scene; the pace durations aim for.
_HOOK_SECONDS = int(forms.HOOK_SECONDS)
_LONGEST_SCENE = int(forms.SCENE_SECONDS[1])
_EASY_PACE, _FAST_PACE = forms.EASY_SYLLABLES_PER_SECOND, forms.MAX_SYLLABLES_PER_SECOND


def _scene_seconds(voices: list[str], total: int) -> list[int]:
    """Seconds per scene so each voice-over can be read aloud, filling ``total``.

    Every scene first gets the time its words need at an easy pace; spare seconds go
    to the middle scenes (at most ten seconds each). When the words need more than
    ``total``, scenes are squeezed towards the fastest readable pace, so the drafts
    pass the same video checks trainees' scripts face (``congdoan.media``).
    """
    # a placeholder stands for a short detail ("8h00", "Hội trường"): count two syllables
    words = [forms.syllables(re.sub(r"\[[^\]]*\]", "x x", voice)) for voice in voices]
    floors = [max(2, math.ceil(n / _FAST_PACE)) for n in words]
    floors[0] = _HOOK_SECONDS
    easy = [max(2, math.ceil(n / _EASY_PACE)) for n in words]
    spans = [
        max(floor, min(_LONGEST_SCENE, ease)) for floor, ease in zip(floors, easy, strict=True)
    ]
    spans[0] = _HOOK_SECONDS
    after_hook = list(range(1, len(spans)))
    while sum(spans) < total:
        open_slots = [i for i in after_hook if spans[i] < _LONGEST_SCENE] or after_hook
        spans[min(open_slots, key=lambda i: spans[i])] += 1
    while sum(spans) > total and any(spans[i] > floors[i] for i in range(len(spans))):
        spans[max(range(len(spans)), key=lambda i: spans[i] - floors[i])] -= 1
    return spans


def build_video(ctx: Context) -> Built:
    seconds = [lim.limit for lim in ctx.limits() if lim.unit == "seconds"]
    total = max(10, min(600, seconds[0])) if seconds else 45
    if ctx.brief and not seconds:
        total = 30
    event = ctx.event()
    audience = ctx.joined("audience") or t("video.audience_default")
    time = ctx.need("time", ctx.val("time"))
    date = ctx.date_text(ctx.val("date")) if ctx.val("date") else ctx.placeholder("date")
    ctx.check_weekday()
    place = ctx.need("place")
    scenes: list[tuple[str, str, str]] = [
        (
            t("video.hook_picture", audience=audience, event=event),
            event,
            t("video.hook_voice", event=event),
        ),
        (
            t("video.info_picture"),
            t("video.info_screen", time=time, date=date, place=place),
            t("video.info_voice", event=event, time=time, date=date, place=place),
        ),
    ]
    optional: list[tuple[str, str, str]] = []
    theme = ctx.val("theme") or ctx.val("slogan")
    if theme:
        optional.append(
            (t("video.theme_picture"), f"“{theme}”", t("video.theme_voice", theme=theme))
        )
    activities = ctx.joined("activities", "; ")
    if activities:
        optional.append(
            (
                t("video.activities_picture", activities=activities),
                activities,
                t("video.activities_voice", activities=activities),
            )
        )
    figures = ctx.figures()
    people_voice = (
        t("video.people_voice_figures", audience=audience, figures=figures)
        if figures
        else t("video.people_voice", audience=audience)
    )
    optional.append((t("video.people_picture"), figures or audience, people_voice))
    # Scenes that carry details from the prompt are always kept.
    given = len(optional) if (figures or ctx.val("audience")) else len(optional) - 1
    optional.append((t("video.moment_picture"), "", t("video.moment_voice")))
    n = max(3, min(8, round(total / 8)))
    while optional and (len(scenes) < n - 1 or given > 0):
        scenes.append(optional.pop(0))
        given -= 1
    hashtags = " ".join(ctx.all("hashtags") + suggested_hashtags(ctx))
    contact = ctx.contact()
    cta_screen = " ".join(v for v in (t("video.cta_screen"), contact, hashtags) if v)
    org = ctx.val("org") or ""
    cta_picture = t("video.cta_picture", org=org).replace("  ", " ")
    scenes.append((cta_picture, cta_screen, t("video.cta_voice")))
    spans = _scene_seconds([voice for _, _, voice in scenes], total)
    total = sum(spans)
    channel = ctx.joined("channel") or t("video.channel_default")
    lines = [
        t("video.heading", event=event),
        t("video.meta", total=total, ratio=_ratio(ctx, "video"), channel=channel),
    ]
    if ctx.val("tone"):
        lines.append(t("video.tone", tone=ctx.joined("tone")))
    start = 0
    for i, ((picture, screen, voice), secs) in enumerate(zip(scenes, spans, strict=True), 1):
        lines.append("")
        lines.append(t("video.scene", n=i, start=start, end=start + secs, seconds=secs))
        lines.append(t("video.picture", text=picture))
        if screen:
            lines.append(t("video.screen", text=screen))
        lines.append(t("video.voice", text=voice))
        start += secs
    return Built("\n".join(lines))


# ====================================================================== image prompt
def build_image(ctx: Context) -> Built:
    event = ctx.event()
    audience = ctx.joined("audience")
    subject = (
        t("image.subject_people", audience=audience, event=event)
        if audience
        else t("image.subject_default", event=event)
    )
    if ctx.val("place"):
        setting = t("image.setting_place", place=ctx.val("place"))
    else:
        folded = fold(" ".join(ctx.all("event") + ctx.all("theme")))
        if "tet" in folded.split() or "sum vay" in folded:
            setting = t("image.setting_tet")
        elif "an toan" in folded or "atvsld" in folded:
            setting = t("image.setting_safety")
        elif "cong nhan" in folded:
            setting = t("image.setting_workers")
        elif any(k in folded for k in ("hoi nghi", "dai hoi", "hop")):
            setting = t("image.setting_meeting")
        else:
            setting = t("image.setting_default")
    style = t(
        "image.style_formal"
        if ctx.formal
        else "image.style_friendly"
        if ctx.friendly
        else "image.style_default"
    )
    text_values = ctx.all("image_text") or ctx.all("slogan") or ctx.all("theme")
    on_image = " / ".join(text_values) if text_values else ctx.placeholder("image_text")
    colours = ctx.joined("colours") or t("image.colours_default")
    ratio = _ratio(ctx, "image")
    lines = [
        t("image.heading", event=event),
        "",
        t("image.subject", text=subject),
        t("image.setting", text=setting),
        t("image.style", text=style),
        t("image.text", text=on_image),
        t("image.layout", text=t("image.layout_default")),
        t("image.colours", text=colours),
        t("image.ratio", text=ratio),
        "",
        t("image.prompt_heading"),
        t(
            "image.prompt",
            subject=subject,
            setting=setting,
            style=style,
            colours=colours,
            ratio=ratio,
            text=on_image,
        ),
    ]
    return Built("\n".join(lines), notes=[t("tips.image_text")])
