"""Generate an image with OpenAI or Gemini, or an offline stand-in while practising.

``generate_image`` goes through the same steps as ``ask``: check the prompt, resolve
the provider, answer without any network call while grading (a marked practice
poster), run the personal-data guard, choose the vendor's current image model, then
ask the provider to draw (``Provider.draw_image``):

* OpenAI: ``images.generate``, whose gpt-image models answer with base64 PNG;
* Gemini: an image-capable model with ``response_modalities=["IMAGE"]`` and the
  channel's aspect ratio; the picture comes back as an inline part.

SDK calls, sizes each vendor accepts, key checks and error translation live in the
providers (one boundary); this module only decides what to draw and saves it. Model
names come from ``congdoan.config.IMAGE_MODELS`` (with the family's newest listed model
when the default is gone) and the ``CONGDOAN_OPENAI_IMAGE_MODEL`` /
``CONGDOAN_GEMINI_IMAGE_MODEL`` settings.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from ..config import Settings, load_settings, provider_label, resolve_provider_id
from ..errors import InputError
from ..i18n import msg
from ..providers import Message, Provider, Request, get_provider
from ..providers.errors import cut_off
from ..providers.gemini import IMAGE_RATIOS as GEMINI_RATIOS
from ..providers.openai import IMAGE_SIZES as OPENAI_SIZES
from .ai_label import mark_image
from .channels import Channel, get_channel
from .poster import render_poster, save_png

__all__ = ["GEMINI_RATIOS", "IMAGE_PROVIDERS", "OPENAI_SIZES", "generate_image"]

IMAGE_PROVIDERS = ("openai", "gemini")


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
    width, height = _shape(size, target)
    pid = _image_provider(provider, settings)
    out = Path(path) if path is not None else Path(f"anh-ai-{pid}.png")
    if pid == "offline" or settings.replay:
        return _practice(prompt, target, out, replay=settings.replay and pid != "offline")
    vendor = get_provider(pid, settings)
    vendor.require_key()  # MissingKeyError here, before anything leaves the machine
    prompt = _guarded(prompt, vendor, settings)
    choice = vendor.choose_image_model()
    if choice.notice:
        print(choice.notice)
    data = vendor.draw_image(prompt, choice.model, width, height)
    meta = {"congdoan:kind": "ai_image", "congdoan:provider": pid, "congdoan:model": choice.model}
    return save_png(mark_image(_decode(vendor, data)), out, meta)  # AI Law: visible label


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


def _guarded(prompt: str, vendor: Provider, settings: Settings) -> str:
    """The personal-data guard of ``ask()``: warn, redact or block per CONGDOAN_PRIVACY."""
    from ..chat import guard_privacy

    request = Request(messages=(Message("user", prompt),), model=vendor.settings.image_model or "")
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


def _decode(vendor: Provider, raw: bytes) -> Image.Image:
    """The picture the vendor sent; anything that is not one is a broken answer."""
    try:
        with Image.open(io.BytesIO(raw)) as opened:
            return opened.convert("RGBA" if "A" in opened.getbands() else "RGB")
    except (UnidentifiedImageError, OSError, ValueError):
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
