"""The fake Bot API's webhook delivery retries as Telegram does: a delivery answered with an
error status, or that found nothing listening, is made again until it succeeds."""

from __future__ import annotations

import asyncio

from aiohttp import web

from tests.bot.fake_bot_api import FakeBotApi
from tests.loopback import free_port

SECRET = "webhook-secret"


def webhook_app(received: list[int], failing: set[int]) -> web.Application:
    """Records each update_id it is sent; answers 502 once to each update in `failing`."""

    async def receive(request: web.Request) -> web.Response:
        assert request.headers["X-Telegram-Bot-Api-Secret-Token"] == SECRET
        update_id = (await request.json())["update_id"]
        received.append(update_id)
        if update_id in failing:
            failing.discard(update_id)
            return web.Response(status=502)
        return web.Response()

    app = web.Application()
    app.router.add_post("/telegram", receive)
    return app


async def test_a_failed_delivery_is_retried_until_it_succeeds() -> None:
    api = FakeBotApi()
    port = free_port()
    received: list[int] = []
    runner = web.AppRunner(webhook_app(received, failing={2}))
    await runner.setup()
    for chat in (1, 2, 3):
        api.user_sends(chat, "/help")
    delivering = asyncio.create_task(
        api.deliver_to_webhook(f"http://127.0.0.1:{port}/telegram", SECRET, retry_after=0.05)
    )
    try:
        while not api.deliveries:  # nothing listens yet: the first attempt cannot connect
            await asyncio.sleep(0.01)
        await web.TCPSite(runner, "127.0.0.1", port).start()
        await asyncio.wait_for(delivering, timeout=10)
    finally:
        await runner.cleanup()
    first = api.deliveries[0]
    assert (first.update_id, first.status) == (1, None)
    assert received == [1, 2, 2, 3]
    answered = [(d.update_id, d.status) for d in api.deliveries if d.status is not None]
    assert answered == [(1, 200), (2, 502), (2, 200), (3, 200)]
    assert [d.succeeded for d in api.deliveries if d.update_id != 1] == [False, True, True]
