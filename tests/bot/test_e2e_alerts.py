"""Daily alerts end to end: the real Application, its JobQueue and the fake Bot API server."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime

import pytest

from bot.adapters.telegram.jobs import daily_alert, job_name
from bot.domain.knowledge import KnowledgeBase
from bot.settings import Settings
from tests.bot import samples
from tests.bot.fake_bot_api import FakeBotApi
from tests.bot.harness import started

pytestmark = pytest.mark.both_backends

# 09:30 in Shanghai on 2026-11-21: the GBK sample's 玩具 is 8/10 = 80.0% in that window.
MORNING = datetime(2026, 11, 21, 1, 30, tzinfo=UTC)


@pytest.fixture
async def app_at_morning(settings: Settings, kb: KnowledgeBase) -> AsyncIterator:
    from bot.adapters.telegram.app import build_application

    async with started(build_application(settings, kb, clock=lambda: MORNING)) as application:
        yield application


async def upload_and_subscribe(bot_api: FakeBotApi, chat_id: int) -> None:
    bot_api.user_sends_document(chat_id, samples.gbk_csv(), "erp.csv", caption=samples.AS_OF)
    await bot_api.wait_for("sendDocument", chat_id=chat_id)
    before = len(bot_api.sent("sendMessage", chat_id))
    bot_api.user_sends(chat_id, "/subscribe 09:00 Asia/Shanghai")
    *_, reply = await bot_api.wait_for("sendMessage", chat_id=chat_id, count=before + 1)
    assert "09:00" in reply.text and "Asia/Shanghai" in reply.text


async def test_subscribe_then_the_daily_job_sends_text_and_chart(
    app_at_morning, bot_api: FakeBotApi
) -> None:
    await upload_and_subscribe(bot_api, 901)
    (job,) = app_at_morning.job_queue.get_jobs_by_name(job_name(901))
    before = len(bot_api.sent("sendMessage", 901))
    app_at_morning.job_queue.run_once(daily_alert, when=0, data=901, chat_id=901)
    [photo] = await bot_api.wait_for("sendPhoto", chat_id=901)
    assert photo.files["photo"][1].startswith(b"\x89PNG")
    *_, alert = await bot_api.wait_for("sendMessage", chat_id=901, count=before + 1)
    assert "玩具" in alert.text and "80.0%" in alert.text
    history = await app_at_morning.bot_data.services.store.alert_history(901)
    assert [h.triggers for h in history] == [("below",)]
    assert job.name == "alert:901"


async def test_a_chat_that_blocked_the_bot_is_unsubscribed(
    app_at_morning, bot_api: FakeBotApi
) -> None:
    await upload_and_subscribe(bot_api, 902)
    bot_api.fail_next("sendPhoto", status=403)
    app_at_morning.job_queue.run_once(daily_alert, when=0, data=902, chat_id=902)
    store = app_at_morning.bot_data.services.store
    for _ in range(100):
        if await store.subscription(902) is None:
            break
        await asyncio.sleep(0.05)
    assert await store.subscription(902) is None
    assert await store.alert_history(902) == []
    # …and its daily job is gone with it, not left firing until a restart.
    await asyncio.sleep(0)  # schedule_removal takes effect on the scheduler's next turn
    assert app_at_morning.job_queue.get_jobs_by_name(job_name(902)) == ()


async def test_the_report_offers_the_chart_and_alerts(app_at_morning, bot_api: FakeBotApi) -> None:
    bot_api.user_sends_document(903, samples.gbk_csv(), "erp.csv", caption=samples.AS_OF, lang="en")
    await bot_api.wait_for("sendDocument", chat_id=903)
    report = next(m for m in bot_api.sent("sendMessage", 903) if m.buttons)
    assert [data for _, data in report.buttons] == ["chart:show", "alerts:show"]
    bot_api.user_presses(903, "chart:show", lang="en")
    [photo] = await bot_api.wait_for("sendPhoto", chat_id=903)
    assert photo.files["photo"][1].startswith(b"\x89PNG")
    assert "30 days to Nov 20, 2026" in photo.text
