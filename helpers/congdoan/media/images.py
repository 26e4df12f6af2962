"""Generate an image with OpenAI or Gemini, or an offline stand-in while practising.

``generate_image`` goes through the same steps as ``ask``: check the prompt, resolve
the provider, answer without any network call while grading (a marked practice
poster), run the personal-data guard, then call the vendor's image API:

* OpenAI: ``client.images.generate(model=, prompt=, size=)``, whose gpt-image models
  answer with base64 PNG (``b64_json``);
* Gemini: ``client.models.generate_content`` with an image-capable model (default
  ``gemini-2.5-flash-image``) and ``response_modalities=["IMAGE"]``; the picture comes
  back as an ``inline_data`` part. One code path serves text and image models, and
  ``image_config.aspect_ratio`` carries the channel's ratio.

Model names come from ``congdoan.config.IMAGE_MODELS`` and the
``CONGDOAN_OPENAI_IMAGE_MODEL`` / ``CONGDOAN_GEMINI_IMAGE_MODEL`` settings. Clients,
key checks and error translation are the chat providers' own (one boundary).
"""

from __future__ import annotations

import base64
import binascii
import dataclasses
import io
import re
from pathlib import Path
from typing import Any

from PIL import Image, UnidentifiedImageError

from ..config import Settings, image_model, load_settings, provider_label, resolve_provider_id
from ..errors import InputError
from ..i18n import msg
from ..providers import Message, Provider, Request, get_provider
from ..providers.errors import blocked, cut_off, from_gemini, from_openai
from .channels import Channel, get_channel
from .poster import render_poster, save_png

__all__ = ["IMAGE_PROVIDERS", "OPENAI_SIZES", "generate_image"]

IMAGE_PROVIDERS = ("openai", "gemini")
#: Sizes gpt-image models accept, by orientation.
OPENAI_SIZES = {"square": "1024x1024", "portrait": "1024x1536", "landscape": "1536x1024"}
#: Aspect ratios Gemini image models accept.
GEMINI_RATIOS = ("1:1", "2:3", "3:2", "3:4", "4:3", "4:5", "5:4", "9:16", "16:9", "21:9")
_BLOCKED = {
    "SAFETY",
    "PROHIBITED_CONTENT",
    "BLOCKLIST",
    "SPII",
    "IMAGE_SAFETY",
    "IMAGE_PROHIBITED_CONTENT",
}


def generate_image(
    prompt: str,
    *,
    provider: str | None = None,
    channel: str = "facebook",
    size: str | None = None,
    path: str | Path | None = None,
) -> Path:
    """Draw an image from ``prompt`` with an AI provider and save it as PNG.

    >>> generate_image("Tranh cổ động ...", provider="openai")  # doctest: +SKIP
    PosixPath('anh-ai-openai.png')

    **Parameters:**
    * **prompt** – the image description (check it first with ``check_image_prompt``).
    * **provider** – ``"openai"`` or ``"gemini"``; default ``CONGDOAN_PROVIDER``. With the
      offline practice model (the default) or while grading, no AI is called: a practice
      poster showing the prompt is saved instead, marked as such.
    * **channel** – where the image goes (``facebook``, ``zalo``, ``story``...): sets the
      shape asked of the model.
    * **size** – *(optional)* ``"WIDTHxHEIGHT"``, overriding the channel's shape.
    * **path** – where to save; default ``anh-ai-<provider>.png``.
    """
    settings = load_settings()
    prompt = _check_prompt(prompt, settings)
    target = get_channel(channel)
    shape = _shape(size, target)
    pid = _image_provider(provider, settings)
    out = Path(path) if path is not None else Path(f"anh-ai-{pid}.png")
    if pid == "offline" or settings.replay:
        return _practice(prompt, target, out, replay=settings.replay and pid != "offline")
    vendor = _vendor(pid, settings)
    vendor._client()  # MissingKeyError here, before anything leaves the machine
    prompt = _guarded(prompt, vendor, settings)
    if pid == "openai":
        data = _openai_image(vendor, prompt, _openai_size(shape))
    else:
        data = _gemini_image(vendor, prompt, _gemini_ratio(shape))
    meta = {"congdoan:kind": "ai_image", "congdoan:provider": pid, "congdoan:model": vendor.model}
    return save_png(_decode(vendor, data), out, meta)


# -- steps -----------------------------------------------------------------------------
def _check_prompt(prompt: object, settings: Settings) -> str:
    from ..chat import check_prompt as check_chat_prompt  # the same rules as ask()

    return check_chat_prompt(prompt, settings)


def _image_provider(provider: str | None, settings: Settings) -> str:
    pid = settings.default_provider if provider is None else resolve_provider_id(provider)
    if pid not in (*IMAGE_PROVIDERS, "offline"):
        label = provider_label(pid)
        raise InputError(msg("media.images.no_images", provider=label, choices="openai, gemini"))
    return pid


def _vendor(pid: str, settings: Settings) -> Provider:
    """The chat provider's class, configured with the image model instead of the chat one."""
    chat_provider = get_provider(pid, settings)
    image_settings = dataclasses.replace(chat_provider.settings, model=image_model(pid, settings))
    return type(chat_provider)(image_settings)


def _guarded(prompt: str, vendor: Provider, settings: Settings) -> str:
    """The personal-data guard of ``ask()``: warn, redact or block per CONGDOAN_PRIVACY."""
    from ..chat import guard_privacy

    request = Request(messages=(Message("user", prompt),), model=vendor.model)
    request, notices = guard_privacy(request, vendor, settings)
    for notice in notices:
        print(notice)
    return request.messages[0].content


def _practice(prompt: str, channel: Channel, path: Path, *, replay: bool) -> Path:
    """A poster showing the prompt, clearly marked as not drawn by an AI."""
    badge = msg("media.images.badge_replay" if replay else "media.images.badge_practice")
    image = render_poster(
        msg("media.images.practice_title"), slogan=prompt, channel=channel, badge=badge
    )
    meta = {"congdoan:kind": "practice_image", "congdoan:source": "replay" if replay else "offline"}
    print(msg("media.images.practice_notice_replay" if replay else "media.images.practice_notice"))
    return save_png(image, path, meta)


def _openai_image(vendor: Provider, prompt: str, size: str) -> str:
    client = vendor._client()
    try:
        response = client.images.generate(model=vendor.model, prompt=prompt, size=size, n=1)
    except Exception as exc:  # translated at the providers' boundary
        raise from_openai(vendor.settings, exc) from None
    items = getattr(response, "data", None) or []
    data = getattr(items[0], "b64_json", None) if items else None
    if not data:
        raise cut_off(vendor.settings, "no b64_json image in the response")
    return data


def _gemini_image(vendor: Provider, prompt: str, ratio: str) -> bytes:
    from google.genai import types

    client = vendor._client()
    config = types.GenerateContentConfig(
        response_modalities=["IMAGE"], image_config=types.ImageConfig(aspect_ratio=ratio)
    )
    try:
        response = client.models.generate_content(
            model=vendor.model, contents=prompt, config=config
        )
    except Exception as exc:
        raise from_gemini(vendor.settings, exc) from None
    return _inline_image(vendor, response)


def _inline_image(vendor: Provider, response: Any) -> bytes:
    feedback = getattr(response, "prompt_feedback", None)
    if feedback is not None and getattr(feedback, "block_reason", None):
        raise blocked(vendor.settings, str(feedback.block_reason))
    for candidate in getattr(response, "candidates", None) or []:
        reason = getattr(getattr(candidate, "finish_reason", None), "name", None)
        if reason in _BLOCKED:
            raise blocked(vendor.settings, reason)
        parts = getattr(getattr(candidate, "content", None), "parts", None) or []
        for part in parts:
            inline = getattr(part, "inline_data", None)
            if inline is not None and inline.data:
                return inline.data
    raise cut_off(vendor.settings, "no inline image in the response")


def _decode(vendor: Provider, data: str | bytes) -> Image.Image:
    try:
        raw = base64.b64decode(data, validate=True) if isinstance(data, str) else data
        with Image.open(io.BytesIO(raw)) as opened:
            return opened.convert("RGBA" if "A" in opened.getbands() else "RGB")
    except (binascii.Error, UnidentifiedImageError, OSError, ValueError):
        raise cut_off(vendor.settings, "the image data could not be decoded") from None


# -- sizes -----------------------------------------------------------------------------
def _shape(size: str | None, channel: Channel) -> tuple[int, int]:
    if size is None:
        return channel.size
    match = (
        re.fullmatch(r"\s*(\d{2,5})\s*[x×]\s*(\d{2,5})\s*", size) if isinstance(size, str) else None
    )
    if not match:
        raise InputError(msg("media.input.bad_size", value=size))
    return int(match.group(1)), int(match.group(2))


def _openai_size(shape: tuple[int, int]) -> str:
    ratio = shape[0] / shape[1]
    if ratio > 1.15:
        return OPENAI_SIZES["landscape"]
    if ratio < 0.87:
        return OPENAI_SIZES["portrait"]
    return OPENAI_SIZES["square"]


def _gemini_ratio(shape: tuple[int, int]) -> str:
    wanted = shape[0] / shape[1]

    def distance(label: str) -> float:
        w, h = (int(n) for n in label.split(":"))
        return abs(w / h - wanted)

    return min(GEMINI_RATIOS, key=distance)
