"""A locked database or a full disk: a clear message, and nothing stored is lost."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from bot.domain.knowledge import KnowledgeBase
from bot.services.core import Core
from bot.services.replies import ChatRef
from bot.services.store import Store
from tests.bot import samples
from tests.bot.harness import core_for
from tests.generate import generate
from tests.stored import stored_records

CHAT = ChatRef(7, "en")


async def upload(core: Core, tmp_path: Path, name: str = "erp.csv") -> str:
    path = tmp_path / name
    path.write_bytes(samples.gbk_csv())
    replies = await core.handle_file(CHAT, path, name, caption=samples.AS_OF)
    return "\n".join(reply.html for reply in replies)


async def test_locked_database(tmp_path: Path, kb: KnowledgeBase) -> None:
    database = tmp_path / "db.sqlite3"
    async with Store(database, busy_timeout_ms=100) as store:
        core = core_for(store, kb, "en")
        assert "90.0%" in await upload(core, tmp_path)
        before = await stored_records(store, CHAT.chat_id)
        other_process = sqlite3.connect(database, isolation_level=None)
        other_process.execute("BEGIN EXCLUSIVE")
        try:
            text = await upload(core, tmp_path, "again.csv")
        finally:
            other_process.execute("ROLLBACK")
            other_process.close()
        assert "database is busy right now, so nothing was saved" in text
        assert await stored_records(store, CHAT.chat_id) == before


async def test_full_disk(tmp_path: Path, kb: KnowledgeBase) -> None:
    async with Store(tmp_path / "db.sqlite3") as store:
        core = core_for(store, kb, "en")
        await store.set_lang(1, "en")  # another chat's data, already stored
        async with store.backend.writer.execute("PRAGMA page_count") as cursor:
            (pages,) = await cursor.fetchone()
        await store.backend.writer.execute(f"PRAGMA max_page_count = {pages}")  # no room to grow
        big = tmp_path / "big.csv"
        generate(big, rows=300, seed=3)  # hundreds of rows: the database must grow
        replies = await core.handle_file(CHAT, big, "big.csv", caption="2026-11-20")
        text = "\n".join(reply.html for reply in replies)
        assert "storage is full, so nothing was saved" in text
        assert await stored_records(store, CHAT.chat_id) == []
        assert await store.get_lang(1) == "en"


async def test_disk_filling_up_with_a_big_files_parts(
    tmp_path: Path, kb: KnowledgeBase, monkeypatch
) -> None:
    """A file big enough to be spilled in parts, on a disk that fills up while they are
    written: the seller is told storage is full (not that the file is unreadable), and the
    shipments stored before are untouched. The error is the one polars raises on ENOSPC
    (OSError without errno; seen on a full 64 KiB tmpfs)."""
    import polars as pl

    from bot.domain import spill

    def disk_full(self: pl.DataFrame, *args: object, **kwargs: object) -> None:
        raise OSError("No space left on device (os error 28)")

    async with Store(tmp_path / "db.sqlite3") as store:
        core = core_for(store, kb, "en")
        assert "90.0%" in await upload(core, tmp_path)
        before = await stored_records(store, CHAT.chat_id)
        big = tmp_path / "big.csv"
        generate(big, rows=400, seed=3)
        monkeypatch.setattr(spill, "PARTITION_SOURCE_BYTES", big.stat().st_size // 4)
        monkeypatch.setattr(spill, "FLUSH_ROWS", 100)
        monkeypatch.setattr(pl.DataFrame, "write_ipc", disk_full)
        replies = await core.handle_file(CHAT, big, "big.csv", caption="2026-11-20")
        text = "\n".join(reply.html for reply in replies)
        assert "storage is full, so nothing was saved" in text
        assert await stored_records(store, CHAT.chat_id) == before
