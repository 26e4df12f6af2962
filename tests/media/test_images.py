"""generate_image through the real SDKs against the local vendor server; offline stand-ins."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from congdoan.errors import (
    AuthError,
    BadResponse,
    ConfigError,
    ContentBlocked,
    InputError,
    MissingKeyError,
    ModelNotFound,
    ModelRetired,
    PrivacyBlocked,
    RateLimited,
)
from congdoan.media import generate_image
from tests.providers.conftest import GEMINI_SECRET, SECRET, point_at

PROMPT = "Tranh cổ động: nhóm công nhân tươi cười trước nhà máy, màu đỏ và vàng, tỉ lệ 4:5"


def _served_png(size=(96, 120), colour=(10, 120, 200)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.fixture
def served(vendor, monkeypatch):
    """The vendor server drawing a known PNG; image models named, so no model list is read."""
    monkeypatch.setenv("CONGDOAN_OPENAI_IMAGE_MODEL", "gpt-image-2.6-flare")
    monkeypatch.setenv("CONGDOAN_GEMINI_IMAGE_MODEL", "gemini-3.1-flash-image")
    vendor.image_png = _served_png()
    yield vendor
    vendor.image_png = None


def _image_requests(vendor):
    return [r for r in vendor.requests if "images" in r.path or "image:" in r.path]


def test_openai_writes_the_returned_png(served, monkeypatch, tmp_path):
    point_at(served, "openai", monkeypatch)
    path = generate_image(PROMPT, provider="openai", path=tmp_path / "ai.png")
    with Image.open(path) as image:
        assert image.format == "PNG" and image.size == (96, 120)
        assert image.getpixel((5, 5)) == (10, 120, 200)
        assert image.text["congdoan:provider"] == "openai"
        assert image.text["congdoan:model"] == "gpt-image-2.6-flare"
        assert SECRET not in str(image.text)
    (request,) = _image_requests(served)
    assert request.path.endswith("/v1/images/generations")
    assert request.body["model"] == "gpt-image-2.6-flare"
    assert request.body["prompt"] == PROMPT
    assert request.body["size"] == "1024x1536"  # facebook 4:5 is portrait


@pytest.mark.parametrize(
    ("channel", "size"),
    [("youtube", "1536x1024"), ("facebook_square", "1024x1024"), ("story", "1024x1536")],
)
def test_openai_size_follows_the_channel(served, monkeypatch, tmp_path, channel, size):
    point_at(served, "openai", monkeypatch)
    generate_image(PROMPT, provider="openai", channel=channel, path=tmp_path / "a.png")
    assert _image_requests(served)[-1].body["size"] == size


def test_image_model_comes_from_configuration(served, monkeypatch, tmp_path):
    point_at(served, "openai", monkeypatch)
    monkeypatch.setenv("CONGDOAN_OPENAI_IMAGE_MODEL", "gpt-image-2.5-sunburst")
    generate_image(PROMPT, provider="openai", path=tmp_path / "a.png")
    assert _image_requests(served)[-1].body["model"] == "gpt-image-2.5-sunburst"


@pytest.mark.parametrize(
    ("provider", "listed", "newest"),
    [
        (
            "openai",
            ["gpt-image-2.5-flare", "gpt-image-2.7-flare", "gpt-image-2.7-sunburst"],
            "gpt-image-2.7-flare",
        ),
        (
            "gemini",
            ["gemini-3.1-flash-image-preview", "gemini-3.5-flash-image", "gemini-3.8-flash"],
            "gemini-3.5-flash-image",
        ),
    ],
)
def test_an_absent_default_image_model_is_replaced_by_the_newest_of_its_family(
    served, monkeypatch, tmp_path, capsys, provider, listed, newest
):
    point_at(served, provider, monkeypatch)
    monkeypatch.delenv(f"CONGDOAN_{provider.upper()}_IMAGE_MODEL")
    served.model_ids = listed

    path = generate_image(PROMPT, provider=provider, path=tmp_path / "a.png")

    request = _image_requests(served)[-1]
    sent = request.body.get("model") or request.path.split("/models/", 1)[1].split(":", 1)[0]
    assert sent == newest
    with Image.open(path) as image:
        assert image.text["congdoan:model"] == newest
    assert newest in capsys.readouterr().out  # the trainee is told which model drew it


@pytest.mark.parametrize(
    ("provider", "retired", "replacement"),
    [
        ("openai", "gpt-image-1", "gpt-image-2.6-flare"),
        ("gemini", "gemini-2.5-flash-image", "gemini-3.1-flash-image"),
    ],
)
def test_a_retired_image_model_names_its_replacement(
    served, monkeypatch, tmp_path, provider, retired, replacement
):
    point_at(served, provider, monkeypatch)
    monkeypatch.setenv(f"CONGDOAN_{provider.upper()}_IMAGE_MODEL", retired)
    served.model_ids = []  # the vendor lists nothing of the family: the table's successor

    with pytest.raises(ModelRetired) as caught:
        generate_image(PROMPT, provider=provider, path=tmp_path / "x.png")

    assert caught.value.replacement == replacement and retired in str(caught.value)
    assert f"CONGDOAN_{provider.upper()}_IMAGE_MODEL={replacement}" in str(caught.value)
    assert _image_requests(served) == [] and not (tmp_path / "x.png").exists()


def test_gemini_writes_the_inline_image(served, monkeypatch, tmp_path):
    point_at(served, "gemini", monkeypatch)
    path = generate_image(PROMPT, provider="gemini", channel="story", path=tmp_path / "g.png")
    with Image.open(path) as image:
        assert image.size == (96, 120) and image.text["congdoan:provider"] == "gemini"
        assert GEMINI_SECRET not in str(image.text)
    (request,) = _image_requests(served)
    assert "/models/gemini-3.1-flash-image:generateContent" in request.path
    config = request.body["generationConfig"]
    assert config["responseModalities"] == ["IMAGE"]
    assert config["imageConfig"]["aspectRatio"] == "9:16"
    assert request.body["contents"][0]["parts"][0]["text"] == PROMPT


@pytest.mark.parametrize("provider", ["openai", "gemini"])
@pytest.mark.parametrize(
    ("status", "error"), [(401, AuthError), (429, RateLimited), (404, ModelNotFound)]
)
def test_http_errors_map_to_congdoan_errors(served, monkeypatch, tmp_path, provider, status, error):
    secret = point_at(served, provider, monkeypatch)
    served.fail_next(status)
    with pytest.raises(error) as caught:
        generate_image(PROMPT, provider=provider, path=tmp_path / "x.png")
    assert caught.value.provider == provider and secret not in str(caught.value)
    assert not (tmp_path / "x.png").exists()


def test_missing_key_sends_nothing(served, monkeypatch, tmp_path):
    for provider in ("openai", "gemini"):
        point_at(served, provider, monkeypatch, key=False)
        with pytest.raises(MissingKeyError, match="khóa API"):
            generate_image(PROMPT, provider=provider, path=tmp_path / "x.png")
    assert served.requests == []


def test_broken_answers_are_bad_responses(served, monkeypatch, tmp_path):
    point_at(served, "openai", monkeypatch)
    served.image_png = b"this is not a picture"
    with pytest.raises(BadResponse):
        generate_image(PROMPT, provider="openai", path=tmp_path / "x.png")
    served.cut_next()
    with pytest.raises(BadResponse):
        generate_image(PROMPT, provider="openai", path=tmp_path / "x.png")


def test_gemini_safety_block(served, monkeypatch, tmp_path):
    point_at(served, "gemini", monkeypatch)
    served.block_next()
    with pytest.raises(ContentBlocked):
        generate_image(PROMPT, provider="gemini", path=tmp_path / "x.png")


def test_privacy_block_and_redact(served, monkeypatch, tmp_path):
    point_at(served, "openai", monkeypatch)
    personal = PROMPT + ", in số điện thoại 0905 123 456 của chị Lan"
    monkeypatch.setenv("CONGDOAN_PRIVACY", "block")
    with pytest.raises(PrivacyBlocked):
        generate_image(personal, provider="openai", path=tmp_path / "x.png")
    assert served.requests == []
    monkeypatch.setenv("CONGDOAN_PRIVACY", "redact")
    generate_image(personal, provider="openai", path=tmp_path / "x.png")
    sent = _image_requests(served)[-1].body["prompt"]
    assert "0905" not in sent and "[SỐ ĐIỆN THOẠI]" in sent


def test_privacy_warning_is_shown(served, monkeypatch, tmp_path, capsys):
    point_at(served, "openai", monkeypatch)
    generate_image(PROMPT + ", SĐT 0905 123 456", provider="openai", path=tmp_path / "x.png")
    assert "số điện thoại" in capsys.readouterr().out.lower()


def test_grading_never_calls_a_provider(served, monkeypatch, tmp_path, capsys):
    point_at(served, "openai", monkeypatch)
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    path = generate_image(PROMPT, provider="openai", path=tmp_path / "r.png")
    assert served.requests == []
    with Image.open(path) as image:
        assert image.size == (1080, 1350)
        assert image.text["congdoan:kind"] == "practice_image"
        assert image.text["congdoan:source"] == "replay"
    assert "chấm bài" in capsys.readouterr().out


def test_offline_practice_image_shows_the_prompt(workdir, capsys):
    path = generate_image(PROMPT, channel="zalo")  # default provider: the practice model
    assert path.name == "anh-ai-offline.png"
    with Image.open(workdir / path) as image:
        assert image.size == (1200, 630) and image.text["congdoan:source"] == "offline"
    other = generate_image(PROMPT + " khác hẳn", provider="offline", channel="zalo", path="b.png")
    with Image.open(workdir / path) as one, Image.open(workdir / other) as two:
        assert one.tobytes() != two.tobytes()  # the prompt is drawn on the image
    assert "luyện tập" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"prompt": ""}, InputError),
        ({"prompt": None}, InputError),
        ({"prompt": PROMPT, "provider": "deepseek"}, InputError),
        ({"prompt": PROMPT, "provider": "không-có"}, ConfigError),
        ({"prompt": PROMPT, "size": "to lắm"}, InputError),
        ({"prompt": PROMPT, "channel": "myspace"}, InputError),
    ],
)
def test_bad_input(kwargs, error, tmp_path):
    with pytest.raises(error):
        generate_image(path=tmp_path / "x.png", **kwargs)


def test_size_overrides_the_channel(served, monkeypatch, tmp_path):
    point_at(served, "gemini", monkeypatch)
    generate_image(PROMPT, provider="gemini", size="1600x900", path=tmp_path / "a.png")
    config = _image_requests(served)[-1].body["generationConfig"]
    assert config["imageConfig"]["aspectRatio"] == "16:9"
