"""`vtrbot run` as the container runs it: a real process polling the fake Bot API on
127.0.0.1, answering, writing its heartbeat, and stopping cleanly on SIGTERM."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from pathlib import Path

import pytest

from bot.healthcheck import is_healthy
from tests.bot.fake_bot_api import FakeBotApi

pytestmark = pytest.mark.slow

ROOT = Path(__file__).parents[2]


async def test_vtrbot_run_serves_and_stops_on_sigterm(tmp_path: Path) -> None:
    api = FakeBotApi()
    await api.start()
    env = os.environ | {
        "TELEGRAM_BOT_TOKEN": api.token,
        "TELEGRAM_BASE_URL": api.base_url,
        "TELEGRAM_BASE_FILE_URL": api.base_file_url,
        "VTRBOT_DATA_DIR": str(tmp_path / "data"),
    }
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "run",
        cwd=tmp_path, env=env,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    try:
        api.user_sends(5, "/start", lang="en")
        [greeting] = await api.wait_for("sendMessage", chat_id=5, timeout=60)
        assert "Valid Tracking Rate" in greeting.text
        assert is_healthy(tmp_path / "data")
        process.send_signal(signal.SIGTERM)
        _, stderr = await asyncio.wait_for(process.communicate(), timeout=30)
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()
        await api.stop()
    assert process.returncode == 0
    assert api.token not in stderr.decode()
    assert (tmp_path / "data" / "vtrbot.sqlite3").is_file()
