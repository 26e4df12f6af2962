"""Short-video scripts and image prompts: scenes timed to be read aloud, a picture described.

The frame ratio follows what the trainee asked ("khổ ngang") before the channel's usual one.
"""

from __future__ import annotations

import math
import re

from ... import vocabulary as forms
from ...text import nfc
from .._text import end_sentence, fold
from ..details import names_an_event
from .carry import prompt_points
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
    scenes: list[tuple[str, str, str]] = [
        (
            t("video.hook_picture", audience=audience, event=event),
            event,
            t("video.hook_voice", event=event),
        ),
    ]
    happening = _takes_place(ctx)
    if happening:
        time = ctx.need("time", ctx.val("time"))
        date = ctx.date_text(ctx.val("date")) if ctx.val("date") else ctx.placeholder("date")
        ctx.check_weekday()
        place = ctx.need("place")
        scenes.append(
            (
                t("video.info_picture"),
                t("video.info_screen", time=time, date=date, place=place),
                t("video.info_voice", event=event, time=time, date=date, place=place),
            )
        )
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
    # counts only: an amount ("mỗi hộ 20 triệu đồng") is no size, its sentence says what it is
    # and only for an event: "đã hỗ trợ 12 đoàn viên" is what a fund did, in its sentence
    figures = t("list_joiner").join(ctx.loose("numbers")) if happening else None
    figures = figures or None
    people_voice = (
        t("video.people_voice_figures", audience=audience, figures=figures)
        if figures
        else t("video.people_voice", audience=audience)
    )
    optional.append((t("video.people_picture"), figures or audience, people_voice))
    # Scenes that carry details from the prompt are always kept.
    given = len(optional) if (figures or ctx.val("audience")) else len(optional) - 1
    optional.append((t("video.moment_picture"), "", t("video.moment_voice")))
    hashtags = " ".join(ctx.all("hashtags") + suggested_hashtags(ctx))
    contact = ctx.contact()
    cta = "video.cta_" if happening else "video.cta_info_"  # a fund is not signed up for
    cta_screen = " ".join(v for v in (t(cta + "screen"), contact, hashtags) if v)
    org = ctx.val("org") or ""
    cta_picture = t("video.cta_picture", org=org).replace("  ", " ")
    closing = (cta_picture, cta_screen, t(cta + "voice"))
    # the prompt's other facts get scenes of their own; generic scenes make room for them
    facts = _fact_scenes(ctx, [*scenes, *optional, closing])
    if (len(scenes) + len(optional) + len(facts) + 1) * _LONGEST_SCENE < total:
        facts = _fact_scenes(ctx, [*scenes, *optional, closing], per_scene=1)  # room to fill
    n = max(3, min(8, round(total / 8))) - len(facts)
    while optional and (len(scenes) < n - 1 or given > 0):
        scenes.append(optional.pop(0))
        given -= 1
    scenes += [*facts, closing]
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


def _takes_place(ctx: Context) -> bool:
    """The video promotes something that happens at a time and a place: only then does a
    scene say when and where (a fund, a movement or a person does not "take place")."""
    if ctx.val("time") or ctx.val("date"):  # a place alone is where a fund or a library is
        return True
    return any(names_an_event(value) for value in ctx.all("event") + ctx.all("subject"))


_FACTS_PER_SCENE = 3


def _fact_scenes(
    ctx: Context, scenes: list[tuple[str, str, str]], per_scene: int = _FACTS_PER_SCENE
) -> list[tuple[str, str, str]]:
    """Scenes carrying every clause of the prompt the other scenes do not hold, in the
    trainee's words ("đã cho 40 hộ vay", "không lãi suất"), as posts and documents do;
    ``per_scene`` facts a scene (one each when a long video needs more scenes)."""
    draft = "\n".join(" ".join(scene) for scene in scenes)
    points = [p.rstrip(" .;") for p in prompt_points(ctx, draft)]
    added = []
    for i in range(0, len(points), per_scene):
        group = points[i : i + per_scene]
        voice = " ".join(end_sentence(point) for point in group)
        added.append((t("video.facts_picture"), " / ".join(group), voice))
    return added


# ====================================================================== image prompt

# "màu chủ đạo xanh dương và đỏ" goes after the label "Màu chủ đạo:": only the hues
_COLOUR_LEAD = re.compile(
    r"^(?:màu|mau|tông màu|tông|tong mau|tong|gam màu|gam mau|gam|tone)(?: (?:sắc|sac))?"
    r"(?: (?:chủ đạo|chu dao|chính|chinh|nền|nen))?"
    r"(?: (?:là|la|gồm|gom|với|voi))?\s+",
    re.I,
)


_HUE_MARKS = {
    "xanh la cay": "xanh lá cây", "xanh la": "xanh lá", "xanh duong": "xanh dương",
    "nuoc bien": "nước biển", "da troi": "da trời", "do": "đỏ", "vang": "vàng",
    "trang": "trắng", "hong": "hồng", "tim": "tím", "den": "đen", "nau": "nâu", "bac": "bạc",
    "xam": "xám", "nhat": "nhạt", "dam": "đậm", "phan": "phấn", "tuoi": "tươi", "va": "và",
    "ngoc": "ngọc", "sam": "sẫm", "dat": "đất",
}  # fmt: skip
_HUE_WORDS = re.compile(
    r"(?<!\w)(?:" + "|".join(sorted(_HUE_MARKS, key=len, reverse=True)) + r")(?!\w)"
)


def _hues(value: str) -> str:
    """The colours of ``value`` without the words before them; typed with no marks at all,
    the colour names get theirs back (in a list of colours "do" is red, not "because")."""
    hues = _COLOUR_LEAD.sub("", value) or value
    if fold(hues) == hues.lower():
        hues = _HUE_WORDS.sub(lambda m: _HUE_MARKS[m.group().lower()], hues.lower())
    return hues


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
    colours = ", ".join(_hues(v) for v in ctx.all("colours")) or t("image.colours_default")
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
