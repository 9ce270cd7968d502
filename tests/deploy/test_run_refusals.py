"""`vtrbot run` as a real process, when it cannot start: one line on stderr, exit code 2,
and never the token, whatever the Bot API answered."""

from __future__ import annotations

import asyncio
import os
import socket
import sys
from pathlib import Path

import pytest

from tests.bot.fake_bot_api import FakeBotApi

pytestmark = pytest.mark.slow  # a worker process per file / a real `vtrbot run`
TOKEN = "424242:THE-REAL-SECRET-token_value"


async def _run(env: dict[str, str], *args: str, cwd: Path) -> tuple[int, str]:
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "run", *args,
        cwd=cwd, env=os.environ | env,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    try:
        out, err = await asyncio.wait_for(process.communicate(), timeout=90)
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()
    assert process.returncode is not None
    return process.returncode, (out + err).decode()


@pytest.mark.parametrize("fault", ["wrong_token", "mistyped_base_url"])
async def test_a_refused_token_is_one_line_without_the_token(tmp_path: Path, fault: str) -> None:
    """Before: PTB's InvalidToken traceback, which quotes the token, twice."""
    api = FakeBotApi(token=TOKEN)
    await api.start()
    base_url = api.base_url + ("/typo" if fault == "mistyped_base_url" else "")
    token = TOKEN if fault == "mistyped_base_url" else "424242:WRONG-but-secret"
    env = {
        "TELEGRAM_BOT_TOKEN": token,
        "TELEGRAM_BASE_URL": base_url,
        "TELEGRAM_BASE_FILE_URL": api.base_file_url,
        "VTRBOT_DATA_DIR": str(tmp_path / "data"),
    }
    try:
        code, output = await _run(env, cwd=tmp_path)
    finally:
        await api.stop()
    assert code == 2
    assert token.split(":")[1] not in output
    assert "Traceback" not in output
    [refusal] = [line for line in output.splitlines() if line.startswith("vtrbot run:")]
    assert "refused the token" in refusal


async def test_a_port_in_use_is_one_line(tmp_path: Path) -> None:
    api = FakeBotApi(token=TOKEN)
    await api.start()
    taken = socket.socket()
    taken.bind(("127.0.0.1", 0))
    taken.listen()
    port = taken.getsockname()[1]
    env = {
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_BASE_URL": api.base_url,
        "TELEGRAM_BASE_FILE_URL": api.base_file_url,
        "VTRBOT_DATA_DIR": str(tmp_path / "data"),
    }
    args = ("--webhook", "https://bot.example.com/telegram", "--listen", "127.0.0.1")
    try:
        code, output = await _run(env, *args, "--port", str(port), cwd=tmp_path)
    finally:
        taken.close()
        await api.stop()
    assert code == 2
    assert "Traceback" not in output and TOKEN not in output
    assert f"vtrbot run: cannot start on 127.0.0.1:{port}: " in output
