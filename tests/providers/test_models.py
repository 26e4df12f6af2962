"""Model resolution against the local vendor server: retired models found and replaced.

The server's model lists are shaped like the vendors' (OpenAI with ``created`` and
``shutdown_date``, Gemini paged with ``models/`` names, GitHub Models' catalogue,
DeepSeek without dates). The names are the ones the vendors listed on 2026-12-03.
"""

from __future__ import annotations

import datetime

import pytest

import congdoan
from congdoan import ask
from congdoan.config import DEFAULTS
from congdoan.providers import Status, get_provider, models

from .conftest import point_at

#: What each vendor lists today (a realistic snapshot), and the family's newest member.
LISTS = {
    "openai": (
        ["gpt-5-mini", "gpt-5.6-terra", "gpt-6.1-terra", "gpt-6.1-sol", "gpt-image-2.6-flare"],
        "gpt-6.1-terra",
    ),
    "gemini": (
        [
            "gemini-2.5-pro",
            "gemini-3.7-flash",
            "gemini-3.8-flash",
            "gemini-3.8-flash-lite",
            "gemini-3.1-flash-image",
            "text-embedding-005",
        ],
        "gemini-3.8-flash",
    ),
    "deepseek": (["deepseek-flash", "deepseek-v4-pro"], "deepseek-flash"),
    "copilot": (
        ["openai/gpt-5.6-terra", "openai/gpt-6.1-terra", "meta/llama-4"],
        "openai/gpt-6.1-terra",
    ),
}
#: A configured model each vendor no longer lists.
GONE = {
    "openai": "gpt-5.1-terra",
    "gemini": "gemini-3.1-flash",
    "deepseek": "deepseek-v3-flash",
    "copilot": "openai/gpt-5.1-terra",
}


@pytest.fixture(autouse=True)
def quiet_privacy(monkeypatch):
    monkeypatch.setenv("CONGDOAN_PRIVACY", "warn")


def _serve(vendor, provider: str, *, without: str | None = None) -> str:
    listed, newest = LISTS[provider]
    vendor.model_ids = [m for m in listed if m != without]
    return newest


def _sent_model(vendor) -> str:
    seen = [r for r in vendor.requests if r.method == "POST"][-1]
    if ":generateContent" in seen.path or ":streamGenerateContent" in seen.path:
        return seen.path.split("/models/", 1)[1].split(":", 1)[0]
    return seen.body["model"]


# -- resolution ------------------------------------------------------------------------
@pytest.mark.parametrize("provider", ["openai", "gemini", "deepseek", "copilot"])
def test_an_absent_default_is_replaced_by_the_newest_of_its_family_once(
    vendor, monkeypatch, provider
):
    point_at(vendor, provider, monkeypatch, model=None)
    monkeypatch.setitem(DEFAULTS, provider, _with_model(DEFAULTS[provider], GONE[provider]))
    newest = _serve(vendor, provider)

    first = ask("Xin chào", provider=provider)
    second = ask("Xin chào lần nữa", provider=provider)

    assert _sent_model(vendor) == newest
    assert first.model == second.model == newest
    notices = [n for n in first.notices if GONE[provider] in n]
    assert len(notices) == 1 and newest in notices[0] and "không còn mô hình" in notices[0]
    assert not [n for n in second.notices if GONE[provider] in n]  # told once
    lists = [r for r in vendor.requests if r.method == "GET"]
    assert len(lists) == 1  # the list is kept for the day


def test_the_list_is_cached_for_the_day_in_the_cache_folder(vendor, monkeypatch, tmp_path):
    monkeypatch.setenv("CONGDOAN_CACHE_DIR", str(tmp_path / "cache"))
    point_at(vendor, "deepseek", monkeypatch, model=None)
    _serve(vendor, "deepseek")

    ask("Xin chào", provider="deepseek")

    today = datetime.date.today().isoformat()
    files = list((tmp_path / "cache").glob(f"models-deepseek-*-{today}.json"))
    assert len(files) == 1 and "deepseek-flash" in files[0].read_text(encoding="utf-8")
    monkeypatch.setattr(models, "today", lambda: datetime.date.today() + datetime.timedelta(1))
    ask("Xin chào", provider="deepseek")
    assert len([r for r in vendor.requests if r.method == "GET"]) == 2  # a new day, a new list


def test_a_listed_default_is_used_as_it_is(vendor, monkeypatch):
    point_at(vendor, "openai", monkeypatch, model=None)
    _serve(vendor, "openai")

    reply = ask("Xin chào", provider="openai")

    assert _sent_model(vendor) == DEFAULTS["openai"].model == "gpt-6.1-terra"
    assert not [n for n in reply.notices if "không còn" in n]


def test_the_gemini_alias_is_used_when_listed_and_pages_are_all_read(vendor, monkeypatch):
    point_at(vendor, "gemini", monkeypatch, model=None)
    vendor.model_ids = [f"gemini-1.{n}-pro" for n in range(5)] + ["gemini-flash-latest"]
    vendor.page_size = 2

    ask("Xin chào", provider="gemini")

    assert _sent_model(vendor) == "gemini-flash-latest"  # found on the third page
    assert len([r for r in vendor.requests if r.method == "GET"]) == 3


def test_a_model_past_its_shutdown_date_in_the_list_is_replaced(vendor, monkeypatch):
    point_at(vendor, "openai", monkeypatch, model=None)
    _serve(vendor, "openai")
    vendor.model_ids.append("gpt-6.2-terra")
    vendor.model_info = {
        "gpt-6.1-terra": {"shutdown_date": "2026-01-01"},
        "gpt-6.2-terra": {"shutdown_date": "2026-02-01"},  # also gone: not a candidate
    }

    reply = ask("Xin chào", provider="openai")

    assert _sent_model(vendor) == "gpt-5.6-terra"
    assert any("gpt-5.6-terra" in n for n in reply.notices)


def test_when_the_list_cannot_be_read_the_configured_name_is_used(vendor, monkeypatch):
    point_at(vendor, "openai", monkeypatch, model=None)
    vendor.fail_next(500)  # the list request fails; the question itself succeeds

    reply = ask("Xin chào", provider="openai")

    assert _sent_model(vendor) == DEFAULTS["openai"].model and reply.text == vendor.reply_text
    assert not [n for n in reply.notices if "không còn" in n]


def test_an_explicit_model_wins_without_reading_the_list(vendor, monkeypatch):
    point_at(vendor, "openai", monkeypatch, model="my-fine-tuned-model")

    ask("Xin chào", provider="openai")

    assert [r.method for r in vendor.requests] == ["POST"]
    assert _sent_model(vendor) == "my-fine-tuned-model"


# -- retired models -----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("provider", "retired"),
    [("gemini", "gemini-2.5-flash"), ("deepseek", "deepseek-reasoner")],
)
def test_an_explicit_retired_model_names_its_replacement(vendor, monkeypatch, provider, retired):
    point_at(vendor, provider, monkeypatch, model=retired)
    newest = _serve(vendor, provider)

    with pytest.raises(congdoan.ModelRetired) as caught:
        ask("Xin chào", provider=provider)

    message = str(caught.value)
    assert caught.value.replacement == newest
    assert retired in message and f"={newest}" in message and "đã" in message
    assert f"CONGDOAN_{provider.upper()}_MODEL" in message
    assert not [r for r in vendor.requests if r.method == "POST"]  # nothing was asked


def test_a_model_retiring_soon_works_with_a_dated_notice(vendor, monkeypatch):
    point_at(vendor, "openai", monkeypatch, model="gpt-5-mini")
    monkeypatch.setattr(models, "today", lambda: datetime.date(2026, 12, 3))

    reply = ask("Xin chào", provider="openai")

    assert _sent_model(vendor) == "gpt-5-mini"
    assert any("11/12/2026" in n and "gpt-6.1-terra" in n for n in reply.notices)


def test_the_same_model_after_its_shutdown_date_is_refused(vendor, monkeypatch):
    point_at(vendor, "openai", monkeypatch, model="gpt-5-mini")
    monkeypatch.setattr(models, "today", lambda: datetime.date(2026, 12, 11))
    _serve(vendor, "openai")

    with pytest.raises(congdoan.ModelRetired, match="11/12/2026") as caught:
        ask("Xin chào", provider="openai")
    assert caught.value.replacement == "gpt-6.1-terra"


def test_a_shutdown_date_in_the_cached_list_retires_an_explicit_model(vendor, monkeypatch):
    point_at(vendor, "openai", monkeypatch, model="gpt-5.6-terra")
    _serve(vendor, "openai")
    vendor.model_info = {"gpt-5.6-terra": {"shutdown_date": "2026-11-30"}}
    models.listing(get_provider("openai"))  # today's list, as kept after a first use

    with pytest.raises(congdoan.ModelRetired, match="30/11/2026"):
        ask("Xin chào", provider="openai")


# -- doctor states ------------------------------------------------------------------------
NETWORKED = ("openai", "gemini", "deepseek", "copilot")


@pytest.mark.parametrize("provider", NETWORKED)
def test_doctor_ready_with_a_real_one_token_request_and_its_cost(vendor, monkeypatch, provider):
    point_at(vendor, provider, monkeypatch, model=None)
    newest = _serve(vendor, provider)
    if provider == "gemini":
        vendor.model_ids.append("gemini-flash-latest")
        newest = "gemini-flash-latest"

    probe = get_provider(provider).check(probe=True)

    assert (probe.status, probe.model) == (Status.READY, newest)
    assert probe.cost_vnd is not None and probe.cost_vnd > 0
    asked = [r for r in vendor.requests if r.method == "POST"]
    assert len(asked) == 1


@pytest.mark.parametrize("provider", NETWORKED)
def test_doctor_replaced(vendor, monkeypatch, provider):
    point_at(vendor, provider, monkeypatch, model=None)
    monkeypatch.setitem(DEFAULTS, provider, _with_model(DEFAULTS[provider], GONE[provider]))
    newest = _serve(vendor, provider)

    probe = get_provider(provider).check(probe=True)

    assert (probe.status, probe.model, probe.configured) == (
        Status.REPLACED,
        newest,
        GONE[provider],
    )
    # doctor does not use up the trainee's one notice
    assert any(GONE[provider] in n for n in ask("Xin chào", provider=provider).notices)


@pytest.mark.parametrize(
    ("provider", "retired"),
    [
        ("openai", "gpt-4o-mini"),
        ("gemini", "gemini-2.5-flash"),
        ("deepseek", "deepseek-chat"),
        ("copilot", "openai/gpt-5-mini"),
    ],
)
@pytest.mark.parametrize("probe", [True, False])
def test_doctor_retired(vendor, monkeypatch, provider, retired, probe):
    point_at(vendor, provider, monkeypatch, model=retired)
    monkeypatch.setattr(models, "today", lambda: datetime.date(2026, 12, 12))
    _serve(vendor, provider)

    found = get_provider(provider).check(probe=probe)

    assert found.status is Status.RETIRED and found.configured == retired
    assert found.model == DEFAULTS[provider].retired_models[retired].replacement or probe
    if not probe:
        assert vendor.requests == []  # --no-probe: no network at all


@pytest.mark.parametrize("provider", NETWORKED)
def test_doctor_no_key(vendor, monkeypatch, provider):
    point_at(vendor, provider, monkeypatch, key=False)
    assert get_provider(provider).check(probe=True).status is Status.NO_KEY
    assert vendor.requests == []


@pytest.mark.parametrize("provider", NETWORKED)
def test_doctor_rejected(vendor, monkeypatch, provider):
    point_at(vendor, provider, monkeypatch)
    vendor.fail_next(401)
    assert get_provider(provider).check(probe=True).status is Status.KEY_REJECTED


@pytest.mark.parametrize("provider", NETWORKED)
def test_doctor_unreachable(monkeypatch, provider):
    import socket

    with socket.socket() as spare:
        spare.bind(("127.0.0.1", 0))
        port = spare.getsockname()[1]
    suffix = "" if provider == "gemini" else "/v1"
    monkeypatch.setenv(f"CONGDOAN_{provider.upper()}_BASE_URL", f"http://127.0.0.1:{port}{suffix}")
    monkeypatch.setenv("CONGDOAN_MAX_RETRIES", "0")
    for variable in ("OPENAI_API_KEY", "GEMINI_API_KEY", "DEEPSEEK_API_KEY", "GITHUB_TOKEN"):
        monkeypatch.setenv(variable, "sk-test-SECRET-0123456789abcdef")

    assert get_provider(provider).check(probe=True).status is Status.UNREACHABLE


@pytest.mark.parametrize("provider", NETWORKED)
def test_doctor_model_missing(vendor, monkeypatch, provider):
    point_at(vendor, provider, monkeypatch, model="mo-hinh-go-sai")
    vendor.fail_next(404, {"error": {"message": "The model `mo-hinh-go-sai` does not exist"}})
    assert get_provider(provider).check(probe=True).status is Status.MODEL_MISSING


def _with_model(row, model: str):
    import dataclasses

    return dataclasses.replace(row, model=model)


def test_a_failed_list_is_not_asked_for_again_before_every_question(vendor, monkeypatch):
    point_at(vendor, "deepseek", monkeypatch, model=None)
    vendor.fail_next(503)  # the list request fails

    ask("Xin chào", provider="deepseek")
    ask("Xin chào lần nữa", provider="deepseek")

    assert [r.method for r in vendor.requests] == ["GET", "POST", "POST"]
    monkeypatch.setattr(models, "RETRY_LISTING_AFTER_SECONDS", 0.0)
    ask("Xin chào lần ba", provider="deepseek")
    assert [r.method for r in vendor.requests][-2:] == ["GET", "POST"]  # tried again later


def test_doctor_azure_copilot_pings_the_deployment_through_the_responses_api(vendor, monkeypatch):
    monkeypatch.setenv("AZURE_OPENAI_API_KEY", "azure-test-SECRET-123456")
    monkeypatch.setenv("AZURE_OPENAI_ENDPOINT", vendor.url)
    monkeypatch.setenv("CONGDOAN_COPILOT_MODEL", "my-gpt-deployment")

    probe = get_provider("copilot").check(probe=True)

    assert (probe.status, probe.model) == (Status.READY, "my-gpt-deployment")
    assert [(r.method, r.path) for r in vendor.requests] == [("POST", "/openai/v1/responses")]
    assert vendor.requests[0].body["max_output_tokens"] == 16
