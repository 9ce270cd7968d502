"""Two bot processes on one database (two stores, two cores): one analysis per chat at a time.

Runs on both backends; on PostgreSQL the two stores are as separate as two processes (two
connection pools), so the chat's lock is the database's, not a lock in this process."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from bot.domain.knowledge import KnowledgeBase
from bot.services.core import Core
from bot.services.replies import ChatRef, Reply, Upload
from bot.services.store import Store
from bot.services.upload_queue import UploadQueue
from tests.bot import samples
from tests.bot.harness import core_for
from tests.bot.test_core import upload_of
from tests.conftest import Database
from tests.gated import GatedFetch
from tests.stored import stored_count

EN = ChatRef(40, "en")


@dataclass(frozen=True)
class TwoReplicas:
    """Two cores on one database, each with its own store (as two processes), while
    replica A's upload of the sample file is being fetched: it holds the chat until
    `fetch.release` is set, and `analysing` is that upload."""

    a: Core
    b: Core
    a_store: Store
    b_store: Store
    fetch: GatedFetch
    analysing: asyncio.Task[list[Reply]]


@pytest.fixture
async def a_fetching(database: Database, kb: KnowledgeBase) -> AsyncIterator[TwoReplicas]:
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
        yield TwoReplicas(replica_a, replica_b, first, second, fetch, analysing)
    finally:
        fetch.release.set()  # a failed assertion must not leave A waiting for its file
        await asyncio.wait_for(analysing, timeout=60)
        await first.close()
        await second.close()


async def test_a_chat_uploading_to_two_replicas_at_once_is_analysed_once_at_a_time(
    a_fetching: TwoReplicas,
) -> None:
    replicas, data = a_fetching, samples.gbk_csv()
    [told] = await replicas.b.handle_upload(EN, upload_of(data, "b.csv", samples.AS_OF))
    assert "still analysing" in told.html
    replicas.fetch.release.set()
    assert (await replicas.analysing)[-1].document is not None  # A's report, with its file
    assert await stored_count(replicas.b_store, EN.chat_id) == 21
    # Once A is done, B takes the chat's next file.
    again = await replicas.b.handle_upload(EN, upload_of(data, "b.csv", samples.AS_OF))
    assert again[-1].document is not None
    assert await stored_count(replicas.a_store, EN.chat_id) == 21  # orders replaced, not added


async def test_more_uploads_at_once_than_pooled_connections_all_finish(
    postgres_url: str, tmp_path: Path, kb: KnowledgeBase
) -> None:
    """Six chats' uploads admitted at once on a pool of two connections. When each upload's
    analysis lock took a pooled connection for the whole upload, the first two took both and
    every upload then waited for a third, for ever; the locks have a connection of their own
    now, and every upload is reported and stored."""
    store = Store(tmp_path / "unused.sqlite3", database_url=postgres_url, connections=2)
    await store.open()
    core = core_for(store, kb, "en")
    core.uploads.queue = UploadQueue(at_once=6, waiting=0)
    data = samples.gbk_csv()
    chats = [ChatRef(chat_id, "en") for chat_id in range(100, 106)]
    try:
        replies = await asyncio.wait_for(
            asyncio.gather(
                *(core.handle_upload(c, upload_of(data, "a.csv", samples.AS_OF)) for c in chats)
            ),
            timeout=120,
        )
        assert [r[-1].document is not None for r in replies] == [True] * len(chats)
        assert [await stored_count(store, c.chat_id) for c in chats] == [21] * len(chats)
    finally:
        await store.close()


async def test_forget_on_one_replica_drops_an_upload_in_progress_on_another(
    a_fetching: TwoReplicas,
) -> None:
    replicas, data = a_fetching, samples.gbk_csv()
    [done] = await replicas.b.handle_button(EN, "forget:yes")
    assert "everything stored about this chat is deleted" in done.html
    replicas.fetch.release.set()
    [kept_nothing] = await replicas.analysing
    assert "did not keep a.csv" in kept_nothing.html
    assert await stored_count(replicas.b_store, EN.chat_id) == 0
    assert await replicas.b_store.last_report(EN.chat_id) is None
    # The chat's next file, on either replica, is stored as usual.
    again = await replicas.b.handle_upload(EN, upload_of(data, "b.csv", samples.AS_OF))
    assert again[-1].document is not None
    assert await stored_count(replicas.a_store, EN.chat_id) == 21
