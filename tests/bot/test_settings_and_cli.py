"""Settings validation, `vtrbot run` without a token, and `vtrbot chat` driven by a pipe."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from bot.adapters.cli import chat
from bot.cli import main
from bot.settings import Settings, SettingsError, default_data_dir, load_settings
from tests.bot import samples

ENV_NAMES = (
    "TELEGRAM_BOT_TOKEN",
    "VTRBOT_DATA_DIR",
    "VTRBOT_DEFAULT_LANG",
    "VTRBOT_TIMEZONE",
    "VTRBOT_MAX_UPLOAD_MB",
    "TELEGRAM_BASE_URL",
    "TELEGRAM_BASE_FILE_URL",
    "VTRBOT_ALLOWED_CHATS",
    "VTRBOT_WEBHOOK_LISTEN",
    "VTRBOT_WEBHOOK_URL",
)


@pytest.fixture(autouse=True)
def clean_env(monkeypatch, tmp_path):
    for name in ENV_NAMES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)  # no developer's .env


def test_defaults_need_nothing() -> None:
    settings = load_settings()
    assert settings.telegram_bot_token is None
    assert settings.default_lang == "zh"
    assert settings.max_upload_bytes == 20 * 1024 * 1024
    assert settings.data_dir.name == "vtrbot"


def test_env_file_and_environment_are_read(tmp_path, monkeypatch) -> None:
    (tmp_path / ".env").write_text("TELEGRAM_BOT_TOKEN=123:abc\nVTRBOT_DEFAULT_LANG=en\n")
    monkeypatch.setenv("TELEGRAM_BASE_URL", "http://127.0.0.1:8081/bot/")
    settings = load_settings()
    assert settings.telegram_bot_token is not None
    assert settings.telegram_bot_token.get_secret_value() == "123:abc"
    assert "123:abc" not in repr(settings)
    assert settings.default_lang == "en"
    assert settings.base_url == "http://127.0.0.1:8081/bot"


def test_invalid_settings_read_one_line_per_field(monkeypatch) -> None:
    monkeypatch.setenv("VTRBOT_TIMEZONE", "Mars/Olympus")
    monkeypatch.setenv("VTRBOT_MAX_UPLOAD_MB", "0")
    monkeypatch.setenv("VTRBOT_DEFAULT_LANG", "fr")
    monkeypatch.setenv("TELEGRAM_BASE_URL", "127.0.0.1:8081")
    with pytest.raises(SettingsError) as caught:
        load_settings()
    lines = str(caught.value).splitlines()
    assert len(lines) == 4
    assert any(line.startswith("VTRBOT_TIMEZONE: unknown time zone") for line in lines)
    assert any(line.startswith("VTRBOT_MAX_UPLOAD_MB:") for line in lines)
    assert any(line.startswith("VTRBOT_DEFAULT_LANG:") for line in lines)
    assert any(line.startswith("TELEGRAM_BASE_URL:") for line in lines)


def test_run_without_a_token_says_so_and_exits_2(capsys) -> None:
    assert main(["run"]) == 2
    err = capsys.readouterr().err
    assert "TELEGRAM_BOT_TOKEN is not set" in err
    assert len(err.strip().splitlines()) == 1


def test_run_with_bad_settings_exits_2(capsys, monkeypatch) -> None:
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "123:secret-value")
    monkeypatch.setenv("VTRBOT_TIMEZONE", "Nowhere")
    assert main(["run"]) == 2
    captured = capsys.readouterr()
    assert "VTRBOT_TIMEZONE" in captured.err
    assert "secret-value" not in captured.err + captured.out


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (",", "lists no chat ID; leave it unset to serve every chat"),
        (" ; , ", "lists no chat ID; leave it unset to serve every chat"),
        ("12,abc", "not chat IDs: abc"),
    ],
)
def test_an_allow_list_naming_no_chat_is_an_error(monkeypatch, value: str, message: str) -> None:
    """Before: "," was an empty list, which serves everyone."""
    monkeypatch.setenv("VTRBOT_ALLOWED_CHATS", value)
    with pytest.raises(SettingsError) as caught:
        load_settings()
    assert str(caught.value) == f"VTRBOT_ALLOWED_CHATS: {message}"


def test_an_allow_list_is_read(monkeypatch) -> None:
    monkeypatch.setenv("VTRBOT_ALLOWED_CHATS", " 12; -100200 ,")
    assert load_settings().allowed_chats == frozenset({12, -100200})


def test_each_group_holds_its_variables_under_their_own_names(monkeypatch) -> None:
    monkeypatch.setenv("TELEGRAM_BASE_URL", "http://127.0.0.1:8081/bot")
    monkeypatch.setenv("VTRBOT_ALLOWED_CHATS", "5,-100")
    monkeypatch.setenv("VTRBOT_SPAPI_CLIENT_ID", "amzn1.app")
    monkeypatch.setenv("VTRBOT_SPAPI_SYNC_MINUTES", "15")
    monkeypatch.setenv("VTRBOT_ALERT_SWEEP_SECONDS", "60")
    settings = load_settings(env_file=None)
    assert settings.telegram.base_url == "http://127.0.0.1:8081/bot"
    assert settings.telegram.allowed_chats == frozenset({5, -100})
    assert settings.amazon.client_id == "amzn1.app"
    assert settings.amazon.sync_minutes == 15
    assert settings.amazon.missing() == ("VTRBOT_SECRET_KEY", "VTRBOT_SPAPI_CLIENT_SECRET")
    assert settings.scale_out.alert_sweep_seconds == 60
    assert settings.scale_out.database_url is None


def test_an_empty_data_dir_is_the_default_folder_not_the_current_one(monkeypatch) -> None:
    monkeypatch.setenv("VTRBOT_DATA_DIR", "  ")
    assert load_settings().data_dir == default_data_dir()


def test_a_listen_address_that_is_not_one_is_a_settings_error(monkeypatch) -> None:
    monkeypatch.setenv("VTRBOT_WEBHOOK_LISTEN", "my laptop!")
    with pytest.raises(SettingsError) as caught:
        load_settings()
    assert str(caught.value).startswith("VTRBOT_WEBHOOK_LISTEN: not an IP address or host name")


@pytest.mark.parametrize("where", ["a_file", "a_file/below"])
def test_run_with_a_data_dir_it_cannot_use_says_so_in_one_line(
    capsys, monkeypatch, tmp_path: Path, where: str
) -> None:
    (tmp_path / "a_file").write_text("not a folder")
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "123:secret-value")
    monkeypatch.setenv("VTRBOT_DATA_DIR", str(tmp_path / where))
    assert main(["run"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"vtrbot run: VTRBOT_DATA_DIR {tmp_path / where} ")
    assert len(err.strip().splitlines()) == 1
    assert "secret-value" not in err


def test_run_with_a_bad_listen_flag_says_so_in_one_line(capsys, monkeypatch) -> None:
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "123:secret-value")
    args = ["run", "--webhook", "https://bot.example.com/telegram", "--listen", "no such host!"]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert "--listen / VTRBOT_WEBHOOK_LISTEN: not an IP address or host name" in err
    assert len(err.strip().splitlines()) == 2  # the heading line and this one


@pytest.mark.slow
async def test_chat_session_over_a_pipe(tmp_path: Path) -> None:
    sample = tmp_path / "erp.csv"
    sample.write_bytes(samples.gbk_csv())
    stdin = io.StringIO(
        "/lang\n2\nWhat is Buy Shipping?\ntracking\n1\n"
        f"/upload {sample} {samples.AS_OF}\n/upload missing.csv\n"
        "/chart\n/subscribe 18:30 Europe/Berlin\n/alerts\n/help\n/quit\n/upload after-quit.csv\n"
    )
    stdout = io.StringIO()
    settings = Settings(
        _env_file=None,  # type: ignore[call-arg]
        VTRBOT_DATA_DIR=tmp_path,
        VTRBOT_DEFAULT_LANG="zh",
        VTRBOT_TIMEZONE="Asia/Shanghai",
    )
    code = await chat._session(settings, tmp_path / "out", stdin, stdout)
    text = stdout.getvalue()
    assert code == 0
    chart = tmp_path / "out" / "vtr-2026-11-20.png"
    assert f"[File saved: {chart}]" in text
    assert chart.read_bytes().startswith(b"\x89PNG")
    assert "Daily alert every day at 18:30 (Europe/Berlin)." in text
    assert "什么是有效追踪率？" in text  # /start in Chinese first
    assert "[2] English" in text
    assert "I will speak English" in text
    assert "not sure" in text
    assert "90.0%" in text
    assert "<b>" not in text
    assert "No such file: missing.csv" in text
    assert (
        "In this terminal: /upload PATH [YYYY-MM-DD] sends a file, /quit or /exit leaves." in text
    )
    assert "在终端里" in text  # /start, still in Chinese, already mentions it
    assert "after-quit.csv" not in text  # /quit ended the session
    saved = list((tmp_path / "out").iterdir())
    assert sorted(p.name for p in saved) == ["vtr-2026-11-20.png", "vtr-defects-2026-11-20.xlsx"]


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"LANG": "zh_CN.UTF-8"}, "zh"),
        ({"LC_ALL": "en_US.UTF-8", "LANG": "zh_CN.UTF-8"}, "en"),  # LC_ALL comes first
        ({"LC_ALL": "C", "LANG": "zh_TW.UTF-8"}, "zh"),  # "C" says nothing about language
        ({"LANG": "fr_FR.UTF-8"}, None),
        ({}, None),
    ],
)
def test_the_terminal_locale_picks_the_chat_language(
    environ: dict[str, str], expected: str | None
) -> None:
    assert chat.locale_lang(environ) == expected


def test_plain_strips_tags_and_entities() -> None:
    assert chat.plain("<b>VTR &lt; 95%</b> &amp; more") == "VTR < 95% & more"


def test_the_first_heartbeat_makes_the_data_folder(tmp_path: Path) -> None:
    """On PostgreSQL no SQLite file makes the data folder before the bot's first beat."""
    from bot.healthcheck import beat, is_healthy

    data = tmp_path / "not-yet" / "data"
    beat(data)
    assert is_healthy(data)


STANDARD_BASE64_KEY = "+//7//v/+//7//v/+//7//v/+//7//v/+//7//v/+/8="
"""32 bytes in standard base64 ("+", "/"): decodes, but Fernet refuses it at start."""


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("VTRBOT_MAX_UPLOAD_MB", "1e-9"),
        ("VTRBOT_MAX_UPLOAD_MB", "nan"),
        ("VTRBOT_WEBHOOK_URL", "https://"),
        ("VTRBOT_WEBHOOK_URL", "https:///hook"),
        ("VTRBOT_SECRET_KEY", STANDARD_BASE64_KEY),
        ("VTRBOT_SPAPI_SYNC_MINUTES", "inf"),
        ("VTRBOT_SPAPI_SYNC_MINUTES", "1e-9"),
        ("VTRBOT_ALERT_SWEEP_SECONDS", "inf"),
        ("VTRBOT_SPAPI_ENDPOINT", "http://sellingpartnerapi-na.amazon.com"),
        ("VTRBOT_LWA_TOKEN_URL", "http://api.amazon.com/auth/o2/token"),
        ("VTRBOT_SPAPI_ENDPOINT", "https://"),
    ],
)
def test_settings_are_validated_as_named(name: str, value: str) -> None:
    """Issue 25, finding 11: each of these was accepted, then crashed at start (the key,
    inf), refused every file (1e-9 MB), synced in a busy loop (1e-9 minutes), registered
    a webhook with no host, or sent Amazon tokens over plain http."""
    with pytest.raises(SettingsError) as caught:
        load_settings(None, **{name: value})
    assert str(caught.value).startswith(f"{name}:")
    assert value not in str(caught.value) or name != "VTRBOT_SECRET_KEY"


def test_plain_http_to_amazon_only_on_this_machine() -> None:
    local = load_settings(
        None, VTRBOT_SPAPI_ENDPOINT="http://127.0.0.1:8080/", VTRBOT_LWA_TOKEN_URL="http://[::1]/t"
    )
    assert local.spapi_endpoint == "http://127.0.0.1:8080"
    assert load_settings(
        None, VTRBOT_SPAPI_ENDPOINT="https://sandbox.sellingpartnerapi-na.amazon.com"
    )


def test_an_unforeseen_error_in_any_command_prints_no_secret(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 25, finding 9: a command's traceback printed whatever its error quoted."""
    import bot.adapters.cli.amazon as amazon_cli

    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "123456:Quoted-Secret-Value-987")

    def quoting(_args: object) -> int:
        raise RuntimeError("the token 123456:Quoted-Secret-Value-987 was refused")

    monkeypatch.setattr(amazon_cli, "run_disconnect", quoting)
    assert main(["disconnect", "--chat", "1"]) == 1
    err = capsys.readouterr().err
    assert "RuntimeError: the token [secret] was refused" in err
    assert "Quoted-Secret-Value-987" not in err
