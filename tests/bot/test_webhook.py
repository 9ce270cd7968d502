"""Webhook mode: PTB's webhook server on 127.0.0.1, the secret token checked on every request."""

from __future__ import annotations

import argparse
import json
import time

import aiohttp
import pytest

from bot.adapters.cli.run import webhook_options
from bot.domain.knowledge import KnowledgeBase
from bot.settings import Settings
from tests.bot.fake_bot_api import FakeBotApi
from tests.bot.harness import started
from tests.loopback import free_port

SECRET = "s3cret-Token_1"


def args(**given: object) -> argparse.Namespace:
    return argparse.Namespace(**({"webhook": None, "listen": None, "port": None} | given))


def update(chat_id: int, text: str) -> dict:
    user = {"id": chat_id, "is_bot": False, "first_name": "Seller", "language_code": "en"}
    message = {
        "message_id": 1,
        "date": int(time.time()),
        "chat": {"id": chat_id, "type": "private"},
        "from": user,
        "text": text,
    }
    return {"update_id": 77, "message": message}


def test_options_from_settings_and_flags(settings: Settings) -> None:
    assert webhook_options(settings, args()) is None
    configured = settings.model_copy(
        update={"webhook_url": "https://bot.example.com/tg/hook", "webhook_port": 8443}
    )
    options = webhook_options(configured, args(port=9000, listen="127.0.0.1"))
    assert options is not None
    assert (options.url_path, options.port, options.listen) == ("tg/hook", 9000, "127.0.0.1")
    assert len(options.secret_token) >= 32  # generated when none is configured
    with pytest.raises(ValueError, match="https"):
        webhook_options(settings, args(webhook="http://bot.example.com/hook"))


async def test_webhook_checks_the_secret_and_serves_updates(
    settings: Settings, kb: KnowledgeBase, bot_api: FakeBotApi
) -> None:
    from bot.adapters.telegram.app import build_application

    port = free_port()
    async with started(build_application(settings, kb), poll=False) as application:
        assert application.updater is not None
        await application.updater.start_webhook(
            listen="127.0.0.1",
            port=port,
            url_path="hook",
            webhook_url="https://bot.example.com/hook",
            secret_token=SECRET,
        )
        [registered] = bot_api.sent("setWebhook")
        assert registered.params["secret_token"] == SECRET
        url = f"http://127.0.0.1:{port}/hook"
        body = json.dumps(update(4242, "What is Buy Shipping?"))
        headers = {"Content-Type": "application/json"}
        async with aiohttp.ClientSession() as http:
            async with http.post(url, data=body, headers=headers) as response:
                assert response.status == 403
            wrong = headers | {"X-Telegram-Bot-Api-Secret-Token": "guess"}
            async with http.post(url, data=body, headers=wrong) as response:
                assert response.status == 403
            assert bot_api.sent("sendMessage", 4242) == []
            right = headers | {"X-Telegram-Bot-Api-Secret-Token": SECRET}
            async with http.post(url, data=body, headers=right) as response:
                assert response.status == 200
        [answer] = await bot_api.wait_for("sendMessage", chat_id=4242)
        assert "Buy Shipping" in answer.text


async def _raw_post(port: int, head: bytes, body: bytes = b"") -> bytes:
    """What the server answers a hand-written request (the first line is enough)."""
    import asyncio

    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(head + body)
    await writer.drain()
    answer = await asyncio.wait_for(reader.readline(), timeout=10)
    writer.close()
    return answer


async def test_webhook_refuses_big_and_malformed_bodies(
    settings: Settings, kb: KnowledgeBase, bot_api: FakeBotApi
) -> None:
    """Before: a 100 MB body was buffered before the secret was checked, and a body that
    is not JSON, sent with the secret, got 500."""
    from bot.adapters.telegram.app import build_application

    port = free_port()
    async with started(build_application(settings, kb), poll=False) as application:
        assert application.updater is not None
        await application.updater.start_webhook(
            listen="127.0.0.1", port=port, url_path="hook",
            webhook_url="https://bot.example.com/hook", secret_token=SECRET,
        )  # fmt: skip
        # 90 MB announced, nothing sent: refused on the headers alone.
        big = (
            b"POST /hook HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            b"Content-Length: 94371840\r\n\r\n"
        )
        assert (await _raw_post(port, big)).startswith(b"HTTP/1.1 400")
        url = f"http://127.0.0.1:{port}/hook"
        right = {"Content-Type": "application/json", "X-Telegram-Bot-Api-Secret-Token": SECRET}
        async with aiohttp.ClientSession() as http:
            for body in (b"{not json", b"\xff\xfe\x00", b""):
                async with http.post(url, data=body, headers=right) as response:
                    assert response.status == 400
            async with http.post(url, data=b"{not json", headers=right | {
                "X-Telegram-Bot-Api-Secret-Token": "guess"}) as response:  # fmt: skip
                assert response.status == 403
            body = json.dumps(update(4243, "What is Buy Shipping?"))
            async with http.post(url, data=body, headers=right) as response:
                assert response.status == 200
        await bot_api.wait_for("sendMessage", chat_id=4243)
