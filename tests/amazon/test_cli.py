"""`vtrbot connect / sync --now / disconnect` as an operator runs them, in a subprocess,
against the fake SP-API."""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

import pytest

from tests.amazon.conftest import US, us_order
from tests.amazon.fake_spapi import CLIENT_ID, CLIENT_SECRET, REFRESH_TOKEN, FakeSpApi, FakeVtr


async def vtrbot(env: dict[str, str], *args: str) -> tuple[int, str, str]:
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-c", "from bot.cli import main; raise SystemExit(main())", *args,
        env=env, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    out, err = await process.communicate()
    return process.returncode or 0, out.decode(), err.decode()


def environment(tmp_path: Path, spapi: FakeSpApi, secret_key: str | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("VTRBOT_", "TELEGRAM_"))}
    env.update(
        VTRBOT_DATA_DIR=str(tmp_path / "data"),
        VTRBOT_SPAPI_CLIENT_ID=CLIENT_ID,
        VTRBOT_SPAPI_CLIENT_SECRET=CLIENT_SECRET,
        VTRBOT_LWA_TOKEN_URL=spapi.lwa_url,
        VTRBOT_SPAPI_ENDPOINT=spapi.endpoint,
    )
    if secret_key:
        env["VTRBOT_SECRET_KEY"] = secret_key
    return env


@pytest.mark.slow  # five processes, each importing the bot
async def test_connect_sync_and_disconnect_from_the_terminal(tmp_path, spapi, secret_key):
    env = environment(tmp_path, spapi, secret_key)
    (tmp_path / "token").write_text(REFRESH_TOKEN + "\n")
    spapi.orders = [us_order(n, days_ago=n) for n in range(1, 8)]
    spapi.vtr[US] = FakeVtr(shipments=400, valid=376, status="BAD")
    spapi.polls_before_done = 0
    code, out, err = await vtrbot(
        env, "connect", "--chat", "42", "--region", "NA", "--marketplace", "US",
        "--refresh-token-file", str(tmp_path / "token"),
    )  # fmt: skip
    assert (code, out.strip()) == (0, "chat 42: connected NA ATVPDKIKX0DER"), err
    code, out, err = await vtrbot(env, "sync", "--now")
    assert code == 0, err
    assert out.splitlines() == [
        "chat 42: ok (backfill): 7 orders, 7 packages",
        "  Amazon VTR US: 94.00% (376/400, BAD, 2026-10-18..2026-11-16)",
    ]
    code, out, _ = await vtrbot(env, "disconnect", "--chat", "42")
    assert (code, out.strip()) == (0, "chat 42: disconnected")
    code, out, _ = await vtrbot(env, "sync", "--now", "--chat", "42")
    assert out.strip() == "chat 42: not_connected (incremental): 0 orders, 0 packages"
    assert REFRESH_TOKEN not in out + err


async def test_connect_refuses_a_revoked_token_and_an_unknown_marketplace(
    tmp_path, spapi, secret_key
):
    env = environment(tmp_path, spapi, secret_key)
    (tmp_path / "token").write_text(REFRESH_TOKEN)
    code, _, err = await vtrbot(
        env, "connect", "--chat", "1", "--region", "EU", "--marketplace", "US",
        "--refresh-token-file", str(tmp_path / "token"),
    )  # fmt: skip
    assert code == 1 and "EU does not serve US" in err
    spapi.revoke()
    code, _, err = await vtrbot(
        env, "connect", "--chat", "1", "--region", "NA", "--marketplace", "ATVPDKIKX0DER",
        "--refresh-token-file", str(tmp_path / "token"),
    )  # fmt: skip
    assert code == 1 and "invalid_grant" in err and REFRESH_TOKEN not in err


async def test_without_a_secret_key_connect_names_what_to_set(tmp_path, spapi):
    env = environment(tmp_path, spapi, None)
    (tmp_path / "token").write_text(REFRESH_TOKEN)
    code, _, err = await vtrbot(
        env, "connect", "--chat", "1", "--region", "NA", "--marketplace", "US",
        "--refresh-token-file", str(tmp_path / "token"),
    )  # fmt: skip
    assert code == 1 and "set VTRBOT_SECRET_KEY" in err


TOKEN_FILES = {
    "binary": (b"\x89PNG\r\n\x1a\n\x00\xff\xfe", "not text"),
    "two lines": (f"{REFRESH_TOKEN}\n{REFRESH_TOKEN}x\n".encode(), "more than one line"),
    "huge": (b"Atzr|" + b"A" * 100_000, "over 4096 bytes"),
    "not a token": (b"my password\n", "more than one line"),
    "no Atzr|": (b"IwEBIFakeRefreshTokenForTestsOnly0123456789\n", "does not hold a refresh token"),
}


@pytest.mark.parametrize("case", TOKEN_FILES)
def test_a_token_file_is_read_bounded_and_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
    case: str,
) -> None:  # fmt: skip
    """Issue 25, finding 12: a binary file gave a traceback, a 100 MB "token" was sent and
    stored, two lines were stored as one token. Refused before any setting is read."""
    from bot.cli import main

    content, problem = TOKEN_FILES[case]
    (tmp_path / "token").write_bytes(content)
    monkeypatch.setenv("VTRBOT_DATA_DIR", str(tmp_path / "data"))
    code = main(["connect", "--chat", "1", "--region", "NA", "--marketplace", "US",
                 "--refresh-token-file", str(tmp_path / "token")])  # fmt: skip
    err = capsys.readouterr().err
    assert code == 2 and problem in err and "Traceback" not in err
    assert REFRESH_TOKEN not in err


def test_a_token_file_linked_to_an_endless_device_is_read_no_further(tmp_path: Path) -> None:
    """Finding 12: a symlink to /dev/zero reached 13.3 GB in 30 s."""
    from bot.adapters.cli.amazon import TOKEN_FILE_MAX_BYTES, TokenFileProblem, read_token_file

    (tmp_path / "token").symlink_to("/dev/zero")
    with pytest.raises(TokenFileProblem, match=f"over {TOKEN_FILE_MAX_BYTES} bytes"):
        read_token_file(tmp_path / "token")
    (tmp_path / "good").write_text(f"\n  {REFRESH_TOKEN}  \n\n")
    assert read_token_file(tmp_path / "good").get_secret_value() == REFRESH_TOKEN
