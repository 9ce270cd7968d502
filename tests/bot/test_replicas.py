"""Two bot processes on one database (two stores, two cores): one analysis per chat at a time.

Runs on both backends; on PostgreSQL the two stores are as separate as two processes (two
connection pools), so the chat's lock is the database's, not a lock in this process."""

from __future__ import annotations

import asyncio

from bot.domain.knowledge import KnowledgeBase
from bot.services.replies import ChatRef, Upload
from tests.bot import samples
from tests.bot.harness import core_for
from tests.bot.test_core import upload_of
from tests.conftest import Database
from tests.gated import GatedFetch
from tests.stored import stored_count

EN = ChatRef(40, "en")


async def test_a_chat_uploading_to_two_replicas_at_once_is_analysed_once_at_a_time(
    database: Database, kb: KnowledgeBase
) -> None:
    data = samples.gbk_csv()
    fetch = GatedFetch(data)

    first, second = database.store(), database.store()
    await first.open()
    await second.open()
    replica_a, replica_b = core_for(first, kb, "en"), core_for(second, kb, "en")
    analysing = asyncio.create_task(
        replica_a.handle_upload(EN, Upload("a.csv", len(data), fetch, samples.AS_OF))
    )
    try:
        await fetch.started.wait()  # replica A is fetching its file, holding the chat
        [told] = await replica_b.handle_upload(EN, upload_of(data, "b.csv", samples.AS_OF))
        assert "still analysing" in told.html
        fetch.release.set()
        assert (await analysing)[-1].document is not None  # A's report, with its defect file
        assert await stored_count(second, EN.chat_id) == 21
        # Once A is done, B takes the chat's next file.
        again = await replica_b.handle_upload(EN, upload_of(data, "b.csv", samples.AS_OF))
        assert again[-1].document is not None
        assert await stored_count(first, EN.chat_id) == 21  # same orders, replaced, not added
    finally:
        fetch.release.set()  # a failed assertion must not leave A waiting for its file
        await asyncio.wait_for(analysing, timeout=60)
        await first.close()
        await second.close()
