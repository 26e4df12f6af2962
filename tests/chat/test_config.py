"""Settings come from the environment and .env; keys never show."""

from __future__ import annotations

import pytest

import congdoan
from congdoan.config import DEFAULTS, load_settings, mask_secrets


def test_env_file_is_read_and_the_environment_wins(tmp_path, monkeypatch):
    env = tmp_path / ".env"
    env.write_text(
        "# khóa của tôi\nOPENAI_API_KEY=sk-from-dotenv-0123456789\n"
        "CONGDOAN_OPENAI_MODEL=gpt-from-dotenv\nCONGDOAN_PROVIDER=openai\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("CONGDOAN_ENV_FILE", str(env))
    monkeypatch.setenv("CONGDOAN_OPENAI_MODEL", "gpt-from-environment")

    settings = load_settings()
    openai = settings.provider("openai")

    assert settings.default_provider == "openai"
    assert openai.api_key == "sk-from-dotenv-0123456789"
    assert openai.model == "gpt-from-environment"
    assert settings.env_file == env


def test_env_file_is_found_from_a_lesson_folder(tmp_path, monkeypatch):
    (tmp_path / ".env").write_text("CONGDOAN_GEMINI_MODEL=gemini-from-root\n", encoding="utf-8")
    lesson = tmp_path / "modules" / "01_chatgpt"
    lesson.mkdir(parents=True)
    monkeypatch.delenv("CONGDOAN_ENV_FILE")
    monkeypatch.chdir(lesson)

    assert load_settings().provider("gemini").model == "gemini-from-root"


def test_env_file_values_are_not_exported(tmp_path, monkeypatch):
    env = tmp_path / ".env"
    env.write_text("DEEPSEEK_API_KEY=sk-secret-0123456789\n", encoding="utf-8")
    monkeypatch.setenv("CONGDOAN_ENV_FILE", str(env))

    load_settings()

    import os

    assert "DEEPSEEK_API_KEY" not in os.environ


def test_non_utf8_env_file_gets_a_clear_message(tmp_path, monkeypatch):
    env = tmp_path / ".env"
    env.write_bytes("CONGDOAN_PROVIDER=offline\n# khóa\n".encode("cp1258"))
    monkeypatch.setenv("CONGDOAN_ENV_FILE", str(env))

    with pytest.raises(congdoan.ConfigError, match="UTF-8"):
        congdoan.ask("Xin chào")


def test_utf8_bom_is_accepted(tmp_path, monkeypatch):
    env = tmp_path / ".env"
    env.write_bytes("\ufeffCONGDOAN_OPENAI_MODEL=gpt-bom\n".encode())
    monkeypatch.setenv("CONGDOAN_ENV_FILE", str(env))

    assert load_settings().provider("openai").model == "gpt-bom"


@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [
        ("CONGDOAN_TIMEOUT", "nhanh", "CONGDOAN_TIMEOUT=nhanh"),
        ("CONGDOAN_MAX_RETRIES", "-1", "CONGDOAN_MAX_RETRIES=-1"),
        ("CONGDOAN_OPENAI_PRICE", "rẻ", "CONGDOAN_OPENAI_PRICE=rẻ"),
        ("CONGDOAN_PRIVACY", "maybe", "CONGDOAN_PRIVACY=maybe"),
        ("CONGDOAN_PROVIDER", "chatgtp", "chatgtp"),
    ],
)
def test_bad_settings_name_the_variable(monkeypatch, name, value, expected):
    monkeypatch.setenv(name, value)
    settings = load_settings()
    with pytest.raises(congdoan.ConfigError, match=expected):
        settings.provider("openai")
        _ = settings.privacy_mode
        _ = settings.default_provider


@pytest.mark.parametrize("provider", [p for p in DEFAULTS if p != "offline"])
def test_model_and_endpoint_overrides_for_every_provider(monkeypatch, provider):
    prefix = f"CONGDOAN_{provider.upper()}_"
    monkeypatch.setenv(prefix + "MODEL", "model-x")
    monkeypatch.setenv(prefix + "BASE_URL", "http://127.0.0.1:1/v1")

    resolved = load_settings().provider(provider)

    assert (resolved.model, resolved.base_url) == ("model-x", "http://127.0.0.1:1/v1")


def test_gemini_accepts_either_standard_key(monkeypatch):
    monkeypatch.setenv("GOOGLE_API_KEY", "AIza-google-0123456789abcdefghij")
    assert load_settings().provider("gemini").key_variable == "GOOGLE_API_KEY"
    monkeypatch.setenv("GEMINI_API_KEY", "AIza-gemini-0123456789abcdefghij")
    assert load_settings().provider("gemini").key_variable == "GEMINI_API_KEY"


def test_price_override_changes_the_cost(monkeypatch):
    monkeypatch.setenv("CONGDOAN_OPENAI_PRICE", "1.0, 2.0")
    monkeypatch.setenv("CONGDOAN_USD_TO_VND", "25000")
    resolved = load_settings().provider("openai")
    assert resolved.price_usd_per_mtok == (1.0, 2.0)
    assert resolved.usd_to_vnd == 25000


def test_settings_repr_hides_the_key(monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", "sk-very-secret-0123456789")
    resolved = load_settings().provider("openai")
    assert "sk-very-secret" not in repr(resolved)
    assert "api_key=<set>" in repr(resolved)


def test_mask_secrets_hides_configured_and_key_shaped_values():
    text = "key sk-abcdefghijklmnop and AIzaSyA1234567890abcdefghijk and mine-123456"
    masked = mask_secrets(text, ["mine-123456"])
    assert "sk-abc" not in masked and "AIzaSy" not in masked and "mine-123456" not in masked
    assert masked.count("***") == 3


def test_every_priced_row_says_where_and_when_its_price_was_read():
    from datetime import date

    from congdoan.config import PRICES_AS_OF

    for pid, row in DEFAULTS.items():
        if row.price_usd_per_mtok != (0.0, 0.0):
            assert row.price_source, pid
            assert date.fromisoformat(row.price_as_of) <= date.fromisoformat(PRICES_AS_OF), pid


def test_cost_is_an_estimate_that_names_its_price_table(monkeypatch):
    import pickle

    monkeypatch.setenv("CONGDOAN_USD_TO_VND", "25000")
    cost = load_settings().provider("openai").estimate_vnd(1_000_000, 0)

    assert cost == 25_000.0 and cost * 2 == 50_000.0  # still a number
    assert cost.as_of == DEFAULTS["openai"].price_as_of
    assert repr(cost) == "25000.0 (ước tính theo bảng giá ngày 03/12/2026)"
    assert pickle.loads(pickle.dumps(cost)).as_of == cost.as_of


def test_a_reply_says_its_cost_is_an_estimate_as_of_the_price_date(monkeypatch):
    from congdoan.config import CostEstimate
    from congdoan.replies import Reply

    reply = Reply("Chào", "openai", "gpt-6.1-terra", cost_vnd=CostEstimate(12.0, "2026-12-03"))

    assert "ước tính theo bảng giá ngày 03/12/2026" in reply.summary_line()
    assert "03/12/2026" in reply._repr_html_()


def test_defaults_name_families_that_their_models_belong_to():
    for pid, row in DEFAULTS.items():
        if row.family is not None:
            assert row.family.matches(row.model) or row.model == row.family.alias, pid
            for retired in row.retired_models.values():
                replacement = retired.replacement
                assert row.family.matches(replacement) or replacement == row.family.alias, pid


def test_image_models_come_from_settings_with_current_defaults(monkeypatch):
    from congdoan.config import IMAGE_FAMILIES, IMAGE_MODELS

    openai = load_settings().provider("openai")
    assert (openai.image_model, openai.explicit_image_model) == (IMAGE_MODELS["openai"], False)
    assert IMAGE_FAMILIES["openai"].matches(IMAGE_MODELS["openai"])
    assert IMAGE_FAMILIES["gemini"].matches(IMAGE_MODELS["gemini"])
    monkeypatch.setenv("CONGDOAN_GEMINI_IMAGE_MODEL", "gemini-9-flash-image")
    gemini = load_settings().provider("gemini")
    assert (gemini.image_model, gemini.explicit_image_model) == ("gemini-9-flash-image", True)


def test_the_cache_folder_is_configurable_and_defaults_to_the_user_cache(monkeypatch, tmp_path):
    monkeypatch.setenv("CONGDOAN_CACHE_DIR", str(tmp_path / "c"))
    assert load_settings().cache_dir == tmp_path / "c"
    monkeypatch.delenv("CONGDOAN_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert load_settings().cache_dir == tmp_path / "xdg" / "congdoan"
