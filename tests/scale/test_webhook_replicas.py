"""Three `vtrbot run --webhook` processes on one PostgreSQL, behind a round-robin balancer.

The fake Bot API plays Telegram and the reverse proxy of compose.scale.yaml at once: it
POSTs every update, with the secret header, to the next replica's webhook URL in turn.
Every update must be answered exactly once, whichever replica got it. Only setWebhook sees
the public https:// URL; each replica listens on plain HTTP on 127.0.0.1, as behind a proxy.
"""

from __future__ import annotations

import asyncio
import signal
from collections import Counter
from pathlib import Path

import pytest

from tests.bot.fake_bot_api import FakeBotApi
from tests.loopback import free_port, wait_until_listening
from tests.scale.replicas import SECRET, start_replica

pytestmark = [pytest.mark.slow, pytest.mark.scale]

REPLICAS = 3
UPDATES = 30


async def test_round_robin_updates_are_each_answered_exactly_once(
    postgres_url: str, tmp_path: Path
) -> None:
    api = FakeBotApi()
    await api.start()
    ports = [free_port() for _ in range(REPLICAS)]
    urls = [f"http://127.0.0.1:{port}/telegram" for port in ports]
    replicas = [await start_replica(api, postgres_url, tmp_path, str(port), port) for port in ports]
    try:
        for url in urls:
            await wait_until_listening(url)
        # One update alone first: how many messages one /help is answered with.
        api.user_sends(1, "/help", lang="en")
        assert await api.deliver_to_webhooks(urls[:1], SECRET) == [200]
        await api.wait_for("sendMessage", chat_id=1, timeout=30)
        await asyncio.sleep(1)  # nothing more comes for it
        per_update = len(api.sent("sendMessage", chat_id=1))
        chats = range(2, UPDATES + 2)
        for chat in chats:
            api.user_sends(chat, "/help", lang="en")
        statuses = await api.deliver_to_webhooks(urls, SECRET)
        assert statuses == [200] * UPDATES
        await api.wait_for("sendMessage", count=per_update * (UPDATES + 1), timeout=60)
        await asyncio.sleep(1)  # time for any duplicate to show
    finally:
        for process in replicas:
            process.send_signal(signal.SIGTERM)
        outputs = [await process.communicate() for process in replicas]
        await api.stop()
    for process, (_, stderr) in zip(replicas, outputs, strict=True):
        assert process.returncode == 0, stderr.decode()[-2000:]
    assert len(api.sent("setWebhook")) == REPLICAS
    assert {call.params["secret_token"] for call in api.sent("setWebhook")} == {SECRET}
    answered = Counter(call.chat_id for call in api.sent("sendMessage"))
    assert answered == Counter({chat: per_update for chat in [1, *chats]})
