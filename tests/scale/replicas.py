"""Starting a real `vtrbot run --webhook` replica on 127.0.0.1 against the fake Bot API.

Shared by the scale tests that drive replicas directly (the proxy test starts its own, the
way compose.scale.yaml configures them). Each replica calls the fake Bot API through its
own path (`FakeBotApi.base_url_via`), so a test can tell which replica sent a call.
"""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

from tests.bot.fake_bot_api import FakeBotApi

SECRET = "replica-secret_1"
PUBLIC_URL = "https://bot.example.com/telegram"
"""What the replicas register with setWebhook; each listens on plain HTTP, as behind a proxy."""


async def start_replica(
    api: FakeBotApi,
    database_url: str,
    folder: Path,
    name: str,
    port: int,
    settings: dict[str, str] | None = None,
) -> asyncio.subprocess.Process:
    """Replica `name` listening on `port`, its store on `database_url`; `settings` are extra
    environment variables. Its stderr is piped, for the test to show on failure."""
    env = os.environ | {
        "TELEGRAM_BOT_TOKEN": api.token,
        "TELEGRAM_BASE_URL": api.base_url_via(name),
        "TELEGRAM_BASE_FILE_URL": api.base_file_url,
        "VTRBOT_DATABASE_URL": database_url,
        "VTRBOT_DATA_DIR": str(folder / f"data-{name}"),
        "VTRBOT_DEFAULT_LANG": "en",
        "VTRBOT_WEBHOOK_SECRET": SECRET,
        **(settings or {}),
    }
    return await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "run", "--webhook", PUBLIC_URL,
        "--listen", "127.0.0.1", "--port", str(port),
        cwd=folder, env=env, stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
