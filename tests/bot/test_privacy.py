"""A private deployment's allow-list, and /forget deleting everything about a chat."""

from __future__ import annotations

import asyncio

import pytest

from bot.adapters.telegram.jobs import job_name
from bot.domain.knowledge import KnowledgeBase
from bot.settings import Settings
from tests.bot import samples
from tests.bot.fake_bot_api import FakeBotApi
from tests.bot.harness import started
from tests.stored import stored_count


async def test_allow_list_serves_only_listed_chats(
    settings: Settings, kb: KnowledgeBase, bot_api: FakeBotApi
) -> None:
    from bot.adapters.telegram.app import build_application

    private = settings.model_copy(update={"allowed_chats": frozenset({11})})
    async with started(build_application(private, kb)) as application:
        bot_api.user_sends(12, "/start")
        bot_api.user_sends(11, "/start")
        await bot_api.wait_for("sendMessage", chat_id=11)
        await asyncio.sleep(0.3)  # 12's update was sent first: it had every chance to answer
        assert bot_api.sent("sendMessage", 12) == []
        assert await application.bot_data.services.store.get_lang(12) is None


@pytest.mark.both_backends
async def test_forget_deletes_the_chats_data_and_its_alert(
    running_bot, bot_api: FakeBotApi
) -> None:
    store = running_bot.bot_data.services.store
    bot_api.user_sends_document(31, samples.gbk_csv(), "erp.csv", caption=samples.AS_OF)
    bot_api.user_sends_document(32, samples.gbk_csv(), "erp.csv", caption=samples.AS_OF)
    await bot_api.wait_for("sendDocument", chat_id=31)
    await bot_api.wait_for("sendDocument", chat_id=32)
    replies = len(bot_api.sent("sendMessage", 31))
    bot_api.user_sends(31, "/subscribe 09:00")
    await bot_api.wait_for("sendMessage", chat_id=31, count=replies + 1)  # stored, then said
    assert await store.subscription(31) is not None
    assert running_bot.job_queue.get_jobs_by_name(job_name(31))

    before = len(bot_api.sent("sendMessage", 31))
    bot_api.user_sends(31, "/forget")
    *_, prompt = await bot_api.wait_for("sendMessage", chat_id=31, count=before + 1)
    assert "forget:yes" in [data for _, data in prompt.buttons]
    # 20 counted shipments + the cancelled order, kept with its exclusion reason.
    assert await stored_count(store, 31) == 21  # nothing deleted before the confirmation
    bot_api.user_presses(31, "forget:yes")
    await bot_api.wait_for("sendMessage", chat_id=31, count=before + 2)

    assert await stored_count(store, 31) == 0
    assert await store.last_report(31) is None
    assert await store.subscription(31) is None
    assert await store.get_lang(31) is None
    assert running_bot.job_queue.get_jobs_by_name(job_name(31)) == ()
    assert await stored_count(store, 32) == 21  # another chat's data is untouched
