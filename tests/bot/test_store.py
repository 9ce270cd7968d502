"""The store on a temporary database: migrations, the merge rule, isolation, restarts.

Every test taking `store` or `database` runs on both backends, SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Iterator
from datetime import date, timedelta

import pytest

from bot.domain.models import GroupStats, ShipmentRecord, VtrReport, Window
from bot.services.store import SCHEMA_VERSION, Store
from tests.conftest import Database
from tests.stored import merge_records, stored_count, stored_records


def record(order_id: str, tracking: str = "1Z999AA10123456784", **fields: object) -> ShipmentRecord:
    values: dict[str, object] = {
        "ship_date": date(2026, 11, 1),
        "carrier": "UPS",
        "category": "Toys",
        "marketplace": "US",
    }
    values.update(fields)
    return ShipmentRecord(order_id=order_id, tracking=tracking, **values)  # type: ignore[arg-type]


def small_report(as_of: date) -> VtrReport:
    stats = GroupStats(name="all", shipments=2, valid=1, vtr=0.5, below_threshold=True, needed=1)
    return VtrReport(
        as_of=as_of,
        window=Window(start=as_of - timedelta(days=29), end=as_of),
        overall=stats,
        by_category=[stats],
        by_carrier=[],
        by_marketplace=[],
        excluded={},
        defects=[],
        warnings=[],
        suggestions=[],
    )


async def test_new_database_is_migrated(both_backends_store: Store) -> None:
    assert await both_backends_store.schema_version() == SCHEMA_VERSION == 11


async def test_new_sqlite_database_is_in_wal_mode(tmp_path) -> None:
    async with Store(tmp_path / "vtrbot.sqlite3") as store:
        writer = store.backend.writer  # type: ignore[attr-defined]
        async with writer.execute("PRAGMA journal_mode") as cursor:
            assert (await cursor.fetchone())[0] == "wal"


async def run_sql(database: Database, sql: str) -> None:
    """Raw SQL on the test's database, as another program (or an older version) would."""
    if database.url is None:
        database.path.parent.mkdir(parents=True, exist_ok=True)
        with sqlite3.connect(database.path) as connection:
            connection.executescript(sql)
        return
    import asyncpg

    connection = await asyncpg.connect(database.url)
    try:
        await connection.execute(sql)
    finally:
        await connection.close()


def set_version(database: Database, version: int) -> str:
    if database.url is None:
        return f"PRAGMA user_version = {version};"
    return f"CREATE TABLE schema_version (version INTEGER); INSERT INTO schema_version VALUES ({version});"


async def test_newer_schema_than_code_is_refused(database: Database) -> None:
    await run_sql(database, set_version(database, SCHEMA_VERSION + 1))
    with pytest.raises(RuntimeError, match="newer than this code"):
        await database.store().open()


async def test_chat_settings_round_trip(both_backends_store: Store) -> None:
    assert await both_backends_store.get_lang(1) is None
    await both_backends_store.set_lang(1, "en")
    await both_backends_store.set_timezone(1, "Europe/Berlin")
    await both_backends_store.set_as_of(1, date(2026, 11, 20))
    assert await both_backends_store.get_lang(1) == "en"
    assert await both_backends_store.get_timezone(1) == "Europe/Berlin"
    assert await both_backends_store.get_as_of(1) == date(2026, 11, 20)
    await both_backends_store.set_as_of(1, None)
    assert await both_backends_store.get_as_of(1) is None
    assert await both_backends_store.get_lang(1) == "en"
    with pytest.raises(ValueError, match="unsupported"):
        await both_backends_store.set_lang(1, "fr")  # type: ignore[arg-type]


async def test_merge_replaces_orders_in_the_new_upload_and_keeps_the_rest(
    both_backends_store: Store,
) -> None:
    await merge_records(
        both_backends_store, 7, [record("A", tracking=""), record("B"), record("C")]
    )
    # A second upload corrects A's tracking and splits B into two packages; C is not in it.
    corrected = [record("A"), record("B", tracking="1", carrier="DHL"), record("B", tracking="2")]
    await merge_records(both_backends_store, 7, corrected)
    stored = {(r.order_id, r.tracking) for r in await stored_records(both_backends_store, 7)}
    assert stored == {
        ("A", "1Z999AA10123456784"),
        ("B", "1"),
        ("B", "2"),
        ("C", "1Z999AA10123456784"),
    }


async def test_records_round_trip_unchanged(both_backends_store: Store) -> None:
    records = [
        record("A", excluded="fba"),
        record("B", ship_date=None, tracking="", carrier="", excluded="not_shipped"),
        record("C", category="玩具", marketplace="德国站", carrier="云途"),
    ]
    await merge_records(both_backends_store, 1, records)
    assert sorted(await stored_records(both_backends_store, 1), key=lambda r: r.order_id) == records


async def test_one_chat_never_sees_or_changes_another(both_backends_store: Store) -> None:
    await merge_records(both_backends_store, 1, [record("A"), record("B")])
    await merge_records(both_backends_store, 2, [record("A", tracking="")])
    await both_backends_store.save_report(1, small_report(date(2026, 11, 20)))
    assert [
        r.tracking for r in await stored_records(both_backends_store, 1) if r.order_id == "A"
    ] == ["1Z999AA10123456784"]
    assert len(await stored_records(both_backends_store, 2)) == 1
    assert await both_backends_store.last_report(2) is None
    assert await both_backends_store.last_report_as_of(2) is None
    assert await both_backends_store.last_report_as_of(1) == date(2026, 11, 20)
    await both_backends_store.set_lang(2, "en")
    assert await both_backends_store.get_lang(1) is None


async def test_failed_merge_loses_nothing(both_backends_store: Store) -> None:
    await merge_records(both_backends_store, 1, [record("A"), record("B")])

    def broken():
        yield record("A", tracking="new")
        raise OSError("upload stream broke")

    with pytest.raises(OSError, match="broke"):
        await merge_records(both_backends_store, 1, broken())
    assert {r.tracking for r in await stored_records(both_backends_store, 1)} == {
        "1Z999AA10123456784"
    }


async def test_data_survives_a_restart(database: Database) -> None:
    async with database.store() as first:
        await first.set_lang(5, "zh")
        await merge_records(first, 5, [record("A")])
        await first.save_report(5, small_report(date(2026, 11, 20)))
    async with database.store() as second:
        assert await second.get_lang(5) == "zh"
        assert [r.order_id for r in await stored_records(second, 5)] == ["A"]
        report = await second.last_report(5)
        assert report is not None
        assert report.as_of == date(2026, 11, 20)


@pytest.mark.slow
async def test_merging_100k_shipments_keeps_each_order_once(both_backends_store: Store) -> None:
    """Speed is measured by bench/bench_upload.py; here, that a big merge is whole."""
    records = [
        record(f"ORDER-{n:06d}", ship_date=date(2026, 10, 1 + n % 30)) for n in range(100_000)
    ]
    await merge_records(both_backends_store, 3, records)
    await merge_records(both_backends_store, 3, records[:50_000])  # a second upload replacing half
    assert await stored_count(both_backends_store, 3) == 100_000


async def test_version_2_database_is_upgraded_in_place(database: Database) -> None:
    """A database written by the previous release keeps its data, and its last report's
    as-of date is copied into the column the new code reads."""
    from bot.services.store.schema import MIGRATIONS

    report_json = small_report(date(2026, 11, 20)).model_dump_json().replace("'", "''")
    await run_sql(
        database,
        MIGRATIONS[0][database.dialect]  # type: ignore[index]
        + MIGRATIONS[1][database.dialect]  # type: ignore[index]
        + "INSERT INTO chats (chat_id, lang, created_at, updated_at) VALUES (9, 'en', '', '');"
        + f"INSERT INTO last_report VALUES (9, '{report_json}', '');"
        + "INSERT INTO alert_history (chat_id, sent_at, as_of, triggers, snapshot_json) VALUES "
        + "(9, '2026-11-20T01:00:00+00:00', '2026-11-20', 'below', '{}'), "
        + "(9, '2026-11-20T02:00:00+00:00', '2026-11-20', 'below', '{}');"
        + set_version(database, 2),
    )
    async with database.store() as upgraded:
        assert await upgraded.schema_version() == SCHEMA_VERSION
        assert await upgraded.get_lang(9) == "en"
        assert await upgraded.last_report_as_of(9) == date(2026, 11, 20)
        assert len(await upgraded.alert_history(9)) == 1  # the doubled day, kept once
        assert await upgraded.subscription(9) is None


async def test_subscriptions_and_alert_history_per_chat(both_backends_store: Store) -> None:
    from datetime import time as clock

    from bot.domain.alerts import Subscription

    await both_backends_store.subscribe(Subscription(1, clock(9, 0), "Asia/Shanghai"))
    await both_backends_store.subscribe(Subscription(2, clock(8, 30), "Europe/Berlin", digest=True))
    await both_backends_store.subscribe(
        Subscription(1, clock(7, 15), "Asia/Shanghai")
    )  # changes, not adds
    assert await both_backends_store.subscription(1) == Subscription(
        1, clock(7, 15), "Asia/Shanghai"
    )
    assert [s.chat_id for s in await both_backends_store.all_subscriptions()] == [1, 2]
    assert await both_backends_store.unsubscribe(2) is True
    assert await both_backends_store.unsubscribe(2) is False

    await both_backends_store.claim_alert(1, date(2026, 11, 20), ["below"], '{"a": 1}')
    await both_backends_store.claim_alert(1, date(2026, 11, 21), ["below", "dropped"], '{"a": 2}')
    history = await both_backends_store.alert_history(1)
    assert [(h.as_of.day, h.triggers) for h in history] == [
        (21, ("below", "dropped")),
        (20, ("below",)),
    ]
    assert await both_backends_store.alert_history(2) == []


async def test_newest_ship_date(both_backends_store: Store) -> None:
    assert await both_backends_store.newest_ship_date(1) is None
    await merge_records(
        both_backends_store,
        1,
        [record("A", ship_date=date(2026, 11, 3)), record("B", ship_date=None)],
    )
    await merge_records(both_backends_store, 2, [record("A", ship_date=date(2026, 11, 30))])
    assert await both_backends_store.newest_ship_date(1) == date(2026, 11, 3)
    # An FBA-only day still shows how far the export reaches: excluded shipments count.
    await merge_records(
        both_backends_store, 1, [record("C", ship_date=date(2026, 11, 5), excluded="fba")]
    )
    assert await both_backends_store.newest_ship_date(1) == date(2026, 11, 5)


@pytest.mark.slow
async def test_concurrent_uploads_and_writes_do_not_collide(database: Database) -> None:
    """One writer at a time: two chats' merges and another chat's setting all land whole."""
    from datetime import date

    from bot.domain.models import ShipmentRecord

    def upload(prefix: str) -> list[ShipmentRecord]:
        return [
            ShipmentRecord(order_id=f"{prefix}{i}", ship_date=date(2026, 11, 1), tracking="T")
            for i in range(20_000)
        ]

    async with database.store() as store:
        results = await asyncio.gather(
            merge_records(store, 1, upload("A")),
            merge_records(store, 2, upload("B")),
            store.set_lang(3, "en"),
        )
        assert results == [20_000, 20_000, None]
        assert (await stored_count(store, 1), await stored_count(store, 2)) == (20_000, 20_000)
        assert await store.get_lang(3) == "en"


@pytest.mark.slow
async def test_reads_are_served_while_a_big_merge_is_written(database: Database) -> None:
    from datetime import date

    from bot.domain.models import ShipmentRecord

    records = [
        ShipmentRecord(order_id=f"O{i}", ship_date=date(2026, 11, 1), tracking="T")
        for i in range(200_000)
    ]
    rows = [record.as_row() for record in records]
    loop, begun = asyncio.get_running_loop(), asyncio.Event()

    def batches() -> Iterator[list[tuple[object, ...]]]:
        loop.call_soon_threadsafe(begun.set)  # read in a thread, inside the transaction
        yield rows

    async with database.store() as store:
        await store.set_lang(9, "en")
        merge = asyncio.create_task(store.merge_shipment_rows(1, batches()))
        await begun.wait()  # the merge's transaction has begun
        assert await store.get_lang(9) == "en"
        assert await stored_count(store, 1) == 0  # the uncommitted merge is invisible
        assert not merge.done()  # …and the read did not wait for it
        assert await merge == 200_000
        assert await stored_count(store, 1) == 200_000


async def test_an_order_split_across_batches_keeps_every_row(database: Database) -> None:
    """O1's two packages arrive in different batches and both are stored (the second
    batch does not replace what the first just wrote); O9 (not in the upload) stays."""
    from datetime import date

    day = date(2026, 11, 20)
    old = [
        ("O1", day, "UPS", "OLD", "Toys", "US", None, ""),
        ("O9", day, "UPS", "KEEP", "Toys", "US", None, ""),
    ]
    batches = [
        [
            ("O1", day, "UPS", "NEW-A", "Toys", "US", None, ""),
            ("O2", day, "UPS", "B", "Toys", "US", None, ""),
        ],
        [("O1", day, "UPS", "NEW-C", "Toys", "US", None, "")],
    ]
    async with database.store() as store:
        await store.merge_shipment_rows(4, iter([old]))
        assert await store.merge_shipment_rows(4, iter(batches)) == 3
        stored = sorted((r.order_id, r.tracking) for r in await stored_records(store, 4))
        assert stored == [("O1", "NEW-A"), ("O1", "NEW-C"), ("O2", "B"), ("O9", "KEEP")]


async def test_a_split_order_keeps_its_rows_when_its_old_row_was_the_newest_stored(
    database: Database,
) -> None:
    """O1's stored row is the last the database wrote; the upload replaces it and O1's
    two new packages arrive in two batches: both are stored. (SQLite gives a new row the
    highest rowid plus one: had the first batch deleted before inserting, its new row
    would have taken the deleted row's rowid and looked stored-before to the second.)"""
    day = date(2026, 11, 20)

    def row(tracking: str) -> tuple[object, ...]:
        return ("O1", day, "UPS", tracking, "Toys", "US", None, "")

    async with database.store() as store:
        await store.merge_shipment_rows(8, iter([[row("OLD")]]))
        assert await store.merge_shipment_rows(8, iter([[row("NEW-A")], [row("NEW-B")]])) == 2
        stored = sorted(r.tracking for r in await stored_records(store, 8))
        assert stored == ["NEW-A", "NEW-B"]


async def test_an_upload_replaces_exactly_its_orders(database: Database) -> None:
    """Batch by batch, in whatever order the orders come: every stored row of an order in
    the upload goes (O1 had two packages, O3 one), every row of the upload is stored (O4's
    two, one per batch), and nothing else changes: O2 stays, another chat's O1 stays. A
    new chat's order split across batches keeps every row too (it has nothing to
    replace). Expected lists written by hand from the rule."""
    day = date(2026, 11, 20)

    def row(order_id: str, tracking: str) -> tuple[object, ...]:
        return (order_id, day, "UPS", tracking, "Toys", "US", None, "")

    async with database.store() as store:
        await store.merge_shipment_rows(
            5,
            iter([[row("O3", "OLD3"), row("O1", "OLD1a"), row("O2", "KEEP2"), row("O1", "OLD1b")]]),
        )
        await store.merge_shipment_rows(6, iter([[row("O1", "OTHER-CHAT")]]))
        upload = [
            [row("O4", "NEW4a"), row("O3", "NEW3")],
            [row("O5", "NEW5"), row("O1", "NEW1"), row("O4", "NEW4b")],
        ]
        assert await store.merge_shipment_rows(5, iter(upload)) == 5
        assert await store.merge_shipment_rows(7, iter(upload)) == 5

        def stored(records: list[ShipmentRecord]) -> list[tuple[str, str]]:
            return sorted((r.order_id, r.tracking) for r in records)

        assert stored(await stored_records(store, 5)) == [
            ("O1", "NEW1"), ("O2", "KEEP2"), ("O3", "NEW3"),
            ("O4", "NEW4a"), ("O4", "NEW4b"), ("O5", "NEW5"),
        ]  # fmt: skip
        assert stored(await stored_records(store, 6)) == [("O1", "OTHER-CHAT")]
        assert stored(await stored_records(store, 7)) == [
            ("O1", "NEW1"), ("O3", "NEW3"), ("O4", "NEW4a"), ("O4", "NEW4b"), ("O5", "NEW5"),
        ]  # fmt: skip


async def test_an_uploads_columns_replace_exactly_its_orders(
    database: Database, tmp_path, monkeypatch
) -> None:
    """The upload's path (`store_upload` of columns, staged in bulk) keeps the merge rule of
    the rows' path, with ranges of two rows so that O4's two rows fall in different ones:
    every stored row of an order in the upload goes, every row of the upload is stored,
    nothing else changes. Texts arrive as written: an empty carrier stays empty, a missing
    ship date and exclusion stay NULL, a tracking text that looks like a CSV NULL marker or
    holds a quote and a comma stays that text. An upload with no rows stores none and keeps
    what was there; nothing staged is left in the scratch folder. Expected lists by hand."""
    import polars as pl

    from bot.services.store import sqlite

    monkeypatch.setattr(sqlite, "UPLOAD_BATCH_ROWS", 2)
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    report = small_report(date(2026, 11, 20))
    columns = ["order_id", "ship_date", "carrier", "tracking", "category", "marketplace"]

    def frame(*rows: tuple[str, str | None, str, str, str, str, str | None, str]) -> pl.DataFrame:
        return pl.DataFrame(
            rows, schema=dict.fromkeys([*columns, "excluded", "shop"], pl.String), orient="row"
        )

    def row(order_id: str, tracking: str) -> tuple[object, ...]:
        return (order_id, date(2026, 11, 1), "UPS", tracking, "Toys", "US", None, "")

    async with database.store() as store:
        await store.merge_shipment_rows(
            5,
            iter([[row("O3", "OLD3"), row("O1", "OLD1a"), row("O2", "KEEP2"), row("O1", "OLD1b")]]),
        )
        await store.merge_shipment_rows(6, iter([[row("O1", "OTHER-CHAT")]]))
        upload = [
            frame(
                ("O1", None, "", "\\N", "Toys", "", "cancelled", ""),
                ("O3", "2026-11-02", "UPS", 'NEW"3,', "Toys", "US", None, ""),
            ),
            frame(
                ("O4", "2026-11-03", "UPS", "NEW4a", "Home", "US", None, ""),
                ("O4", "2026-11-03", "UPS", "NEW4b", "Home", "US", None, ""),
                ("O5", "2026-11-04", "DHL", "NEW5", "Home", "DE", None, "Moon-EU"),
            ),
        ]
        claim = await store.claim_upload(5)
        assert await store.store_upload(5, claim, iter(upload), report, scratch) == 5
        rows = sorted([tuple(r) async for rows in store.shipment_rows(5) for r in rows], key=str)
        assert rows == [
            ("O1", None, "", "\\N", "Toys", "", "cancelled", ""),
            ("O2", "2026-11-01", "UPS", "KEEP2", "Toys", "US", None, ""),
            ("O3", "2026-11-02", "UPS", 'NEW"3,', "Toys", "US", None, ""),
            ("O4", "2026-11-03", "UPS", "NEW4a", "Home", "US", None, ""),
            ("O4", "2026-11-03", "UPS", "NEW4b", "Home", "US", None, ""),
            ("O5", "2026-11-04", "DHL", "NEW5", "Home", "DE", None, "Moon-EU"),
        ]
        assert [r.tracking for r in await stored_records(store, 6)] == ["OTHER-CHAT"]
        claim = await store.claim_upload(5)
        assert await store.store_upload(5, claim, iter([]), report, scratch) == 0
        assert await stored_count(store, 5) == 6
        assert await store.last_report_as_of(5) == date(2026, 11, 20)
        assert list(scratch.iterdir()) == []


async def test_a_chats_first_upload_is_stored_as_sent(database: Database, tmp_path) -> None:
    """A chat with nothing stored has its upload copied straight in (PostgreSQL skips the
    staged copy then): every row of every frame, texts as written (an empty carrier, a
    NULL date and exclusion, a tracking text that looks like a CSV NULL marker or holds a
    quote and a comma), under a group chat's 64-bit ID, and no other chat's rows touched.
    A second upload then replaces its orders as usual. Expected lists by hand."""
    import polars as pl

    chat = -1001234567890  # a Telegram supergroup: beyond 32 bits
    columns = ["order_id", "ship_date", "carrier", "tracking", "category", "marketplace"]

    def frame(*rows: tuple[str, str | None, str, str, str, str, str | None, str]) -> pl.DataFrame:
        return pl.DataFrame(
            rows, schema=dict.fromkeys([*columns, "excluded", "shop"], pl.String), orient="row"
        )

    async def stored(chat_id: int) -> list[tuple[object, ...]]:
        rows = [tuple(r) async for rows in store.shipment_rows(chat_id) for r in rows]
        return sorted(rows, key=str)

    report = small_report(date(2026, 11, 20))
    async with database.store() as store:
        other = (("O1", date(2026, 11, 1), "UPS", "OTHER", "Toys", "US", None, ""),)
        await store.merge_shipment_rows(6, iter([list(other)]))
        upload = [
            frame(
                ("O1", None, "", "\\N", "Toys", "", "cancelled", ""),
                ("O2", "2026-11-02", "UPS", 'NEW"2,', "Toys", "US", None, ""),
            ),
            frame(("O3", "2026-11-03", "DHL", "NEW3", "Home", "DE", None, "月亮店")),
        ]
        claim = await store.claim_upload(chat)
        assert await store.store_upload(chat, claim, iter(upload), report, tmp_path) == 3
        assert await stored(chat) == [
            ("O1", None, "", "\\N", "Toys", "", "cancelled", ""),
            ("O2", "2026-11-02", "UPS", 'NEW"2,', "Toys", "US", None, ""),
            ("O3", "2026-11-03", "DHL", "NEW3", "Home", "DE", None, "月亮店"),
        ]
        assert await stored(6) == [("O1", "2026-11-01", "UPS", "OTHER", "Toys", "US", None, "")]
        claim = await store.claim_upload(chat)
        again = [frame(("O2", "2026-11-05", "UPS", "AGAIN2", "Toys", "US", None, ""))]
        assert await store.store_upload(chat, claim, iter(again), report, tmp_path) == 1
        assert [r[3] for r in await stored(chat)] == ["\\N", "AGAIN2", "NEW3"]


async def test_an_uploads_checkpoint_runs_after_its_commit(tmp_path, monkeypatch) -> None:
    """SQLite: an upload's commit leaves its pages in the WAL (copying them into the
    database there would hold the upload's replies back); the checkpoint runs right after,
    in the background. Every commit checkpoints here (a threshold of one page): an ordinary
    write's tracking number is in the database file at once, the upload's only once its
    background checkpoint has run."""
    import polars as pl

    from bot.services.store import sqlite

    monkeypatch.setattr(sqlite, "WAL_AUTOCHECKPOINT_PAGES", 1)
    release = asyncio.Event()
    checkpoint = sqlite.SqliteBackend._checkpoint

    async def held(backend: sqlite.SqliteBackend) -> None:
        await release.wait()
        await checkpoint(backend)

    monkeypatch.setattr(sqlite.SqliteBackend, "_checkpoint", held)
    path = tmp_path / "vtrbot.sqlite3"
    columns = ["order_id", "ship_date", "carrier", "tracking", "category", "marketplace"]
    rows = [
        (f"O{n:05d}", "2026-11-03", "UPS", f"1Z{n:016d}", "Toys", "US", None, "")
        for n in range(2_000)
    ]
    frame = pl.DataFrame(
        rows, schema=dict.fromkeys([*columns, "excluded", "shop"], pl.String), orient="row"
    )
    async with Store(path) as store:
        await merge_records(store, 7, [record("A", tracking="1ZORDINARY0000001")])
        assert b"1ZORDINARY0000001" in path.read_bytes()  # checkpointed in its commit
        claim = await store.claim_upload(5)
        report = small_report(date(2026, 11, 20))
        try:
            assert await store.store_upload(5, claim, iter([frame]), report, tmp_path) == 2_000
            assert b"1Z0000000000001999" not in path.read_bytes()  # in the WAL only, for now
            assert await stored_count(store, 5) == 2_000
        finally:
            release.set()  # or closing the store would wait for the held checkpoint
        backend = store.backend
        assert isinstance(backend, sqlite.SqliteBackend)
        await asyncio.gather(*backend._background)
        assert b"1Z0000000000001999" in path.read_bytes()  # copied in by the checkpoint


async def test_stored_history_counts_what_the_record_path_counts(
    both_backends_store: Store,
) -> None:
    """Loading by batches into columns (what alerts and /chart use) gives the report the
    record path gives, over every day the trend needs, and leaves older days unread."""
    from bot.domain.shipments import ShipmentTable
    from bot.domain.trend import daily_vtr, history_start
    from bot.domain.vtr import compute_report
    from bot.services.history import stored_history

    end = date(2026, 11, 30)
    first = history_start(end)
    assert first == date(2026, 10, 3)  # 30 trend days, each a 30-day window: 59 days
    records = [
        record(f"O{i}", ship_date=first + timedelta(days=i % 70 - 5), tracking="" if i % 7 else
               "1Z999AA10123456784", category=("Toys", "Garden")[i % 2])
        for i in range(700)
    ]  # fmt: skip
    records.append(record("NO-DATE", ship_date=None, excluded="unreadable_date"))
    await merge_records(both_backends_store, 3, records)
    await merge_records(both_backends_store, 4, [record("OTHER-CHAT", ship_date=end)])

    loaded = await stored_history(both_backends_store, 3, end)
    everything = ShipmentTable.from_records(await stored_records(both_backends_store, 3))

    assert loaded.frame.height == sum(1 for r in records if r.ship_date and r.ship_date >= first)
    assert loaded.frame.get_column("ship_date").min() == first
    assert "OTHER-CHAT" not in loaded.frame.get_column("order_id").to_list()
    for as_of in (end, end - timedelta(days=29)):
        fast, slow = compute_report(loaded, as_of=as_of), compute_report(everything, as_of=as_of)
        assert fast.overall == slow.overall
        assert fast.by_category == slow.by_category
        assert sorted(fast.defects, key=str) == sorted(slow.defects, key=str)
    assert daily_vtr(loaded, end) == daily_vtr(everything, end)


async def test_shipment_rows_come_in_batches_of_the_size_asked(both_backends_store: Store) -> None:
    await merge_records(both_backends_store, 1, [record(f"O{i}") for i in range(5)])
    sizes = [len(rows) async for rows in both_backends_store.shipment_rows(1, size=2)]
    assert sizes == [2, 2, 1]


async def test_forgotten_shipments_cannot_be_read_back_from_the_files(tmp_path) -> None:
    """After /forget, the chat's order IDs, tracking numbers and sealed Amazon token are in
    neither the database file nor its write-ahead log, while another chat's still are (so
    the bytes searched are the bytes that hold the data)."""
    from bot.services.amazon.repository import AmazonRepository

    path = tmp_path / "vtrbot.sqlite3"
    forgotten = [
        record(f"SECRET-ORDER-{i:04d}", tracking=f"TRK-FORGET-{i:04d}") for i in range(300)
    ]
    kept = [record(f"KEPT-ORDER-{i:04d}", tracking=f"TRK-KEEP-{i:04d}") for i in range(300)]
    async with Store(path) as store:
        amazon = AmazonRepository(store)
        await merge_records(store, 1, forgotten)
        await merge_records(store, 2, kept)
        await amazon.connect(1, "NA", ["ATVPDKIKX0DER"], b"SEALED-TOKEN-FORGET" * 4)
        await amazon.connect(2, "NA", ["ATVPDKIKX0DER"], b"SEALED-TOKEN-KEEP" * 4)
        await store.forget(1)
        files = [path, path.with_name(path.name + "-wal")]
        raw = b"".join(file.read_bytes() for file in files if file.exists())
        assert b"KEPT-ORDER-0299" in raw and b"TRK-KEEP-0000" in raw
        assert b"SEALED-TOKEN-KEEP" in raw
        assert b"SECRET-ORDER" not in raw
        assert b"TRK-FORGET" not in raw
        assert b"SEALED-TOKEN-FORGET" not in raw
        assert await stored_count(store, 2) == 300
        assert await amazon.connection(1) is None


async def test_an_alert_day_is_claimed_once_whoever_claims_it(database: Database) -> None:
    """Three processes (three stores, three connection pools) claim the same chats' day at
    once: each chat's day is won by exactly one claim, and a released claim can be won again."""
    day = date(2026, 11, 20)
    stores = [database.store() for _ in range(3)]
    for each in stores:
        await each.open()
    try:
        claims = await asyncio.gather(
            *(each.claim_alert(chat, day, ["below"], "{}") for chat in range(40) for each in stores)
        )
        won = [claim for claim in claims if claim is not None]
        assert len(won) == 40
        assert await stores[0].alert_sent_for(7, day)
        assert not await stores[0].alert_sent_for(7, day + timedelta(days=1))
        await stores[2].release_alert(7, won[7])  # claims come back in chat order
        assert not await stores[0].alert_sent_for(7, day)
        assert await stores[1].claim_alert(7, day, ["below"], "{}") is not None
    finally:
        for each in stores:
            await each.close()


@pytest.mark.slow  # two uploads of 5,000 orders merged at once
async def test_two_processes_merging_one_chat_never_double_its_orders(database: Database) -> None:
    """Two stores (as two replicas) merge the same chat's overlapping uploads at once: the
    merges apply one after the other, so every order is stored once, never twice."""
    first, second = database.store(), database.store()
    await first.open()
    await second.open()
    try:
        uploads = [[record(f"O{i}", tracking=f"T{n}-{i}") for i in range(5_000)] for n in range(2)]
        await asyncio.gather(
            merge_records(first, 1, uploads[0]), merge_records(second, 1, uploads[1])
        )
        stored = await stored_records(first, 1)
        assert len(stored) == 5_000
        assert len({r.order_id for r in stored}) == 5_000
        assert {r.tracking.split("-")[0] for r in stored} in ({"T0"}, {"T1"})  # one upload won
    finally:
        await first.close()
        await second.close()


def test_the_database_url_setting_chooses_the_backend(tmp_path) -> None:
    from bot.bootstrap import open_store
    from bot.services.store.postgres import PostgresBackend
    from bot.services.store.sqlite import SqliteBackend
    from bot.settings import SettingsError, load_settings

    default = load_settings(env_file=None, VTRBOT_DATA_DIR=tmp_path)
    assert isinstance(open_store(default).backend, SqliteBackend)
    assert open_store(default).path == tmp_path / "vtrbot.sqlite3"
    url = "postgresql://bot:hunter2@db.internal:5432/vtrbot"
    shared = load_settings(env_file=None, VTRBOT_DATA_DIR=tmp_path, VTRBOT_DATABASE_URL=url)
    backend = open_store(shared).backend
    assert isinstance(backend, PostgresBackend)
    assert backend.url == url
    assert "hunter2" not in repr(shared)  # a password in the URL is never printed
    with pytest.raises(SettingsError, match="VTRBOT_DATABASE_URL"):
        load_settings(env_file=None, VTRBOT_DATABASE_URL="mysql://db/vtrbot")


async def test_a_held_name_is_refused_to_other_holders_until_let_go(database: Database) -> None:
    """Two stores (as two processes): while one holds "alert:7", the other is refused at once,
    and so is a second holder in the same process; another name is free; after release it is
    free again."""
    first, second = database.store(), database.store()
    await first.open()
    await second.open()
    try:
        async with first.hold("alert:7") as mine:
            assert mine is True
            async with second.hold("alert:7") as theirs:
                assert theirs is False
            async with first.hold("alert:7") as again_here:
                assert again_here is False
            async with second.hold("alert:8") as other:
                assert other is True
        async with second.hold("alert:7") as again:
            assert again is True
    finally:
        await first.close()
        await second.close()


async def test_a_decided_day_is_kept_and_forgotten_with_the_chat(
    both_backends_store: Store,
) -> None:
    day = date(2026, 11, 21)
    assert await both_backends_store.day_decided(1, day) is None
    await both_backends_store.decide_day(1, day, "quiet")
    await both_backends_store.decide_day(1, day, "sent")  # the first decision stands
    assert await both_backends_store.day_decided(1, day) == "quiet"
    assert await both_backends_store.day_decided(1, day + timedelta(days=1)) is None
    await both_backends_store.forget(1)
    assert await both_backends_store.day_decided(1, day) is None


async def test_the_send_slots_table_is_postgresql_s_alone(both_backends_store: Store) -> None:
    """One SQLite process keeps its rate limit in memory; replicas share the slots' table."""
    if both_backends_store.backend.dialect == "sqlite":
        rows = await both_backends_store.backend.fetch(
            "SELECT name FROM sqlite_master WHERE name LIKE 'send%'"
        )
        assert rows == []
    else:
        assert await both_backends_store.backend.fetch("SELECT key, tat FROM send_slots") == []


@pytest.mark.slow
async def test_the_rate_limiter_opened_first_migrates_and_an_old_slot_table_is_kept(
    tmp_path, postgres_url: str
) -> None:
    """The bot opens its shared rate limiter before its store, on a new database or one
    where the release before created `send_slots` itself, outside the migrations."""
    from bot.services.store.schema import MIGRATIONS
    from bot.services.store.send_slots import SendSlots

    database = Database(tmp_path / "vtrbot.sqlite3", postgres_url)
    # The release before: every migration up to the one that adopts `send_slots`.
    before = next(n for n, m in enumerate(MIGRATIONS) if "send_slots" in m["postgresql"])
    await run_sql(
        database,
        "".join(m["postgresql"] for m in MIGRATIONS[:before])
        + "CREATE TABLE send_slots (key TEXT PRIMARY KEY, tat TIMESTAMPTZ NOT NULL);"
        + "INSERT INTO send_slots VALUES ('bot', now() + interval '1 hour');"
        + set_version(database, before),
    )
    slots = SendSlots(postgres_url)
    await slots.open()
    try:
        assert 3590 < await slots.take("bot", 0.04) <= 3600.1  # the old row was kept
        async with database.store() as store:
            assert await store.schema_version() == SCHEMA_VERSION
    finally:
        await slots.close()


async def test_a_version_10_database_reads_its_shipments_as_no_shop(database: Database) -> None:
    """Shipments stored before shops were read (version 10) are kept as they were and read
    back with no shop (''); a shipment merged after the upgrade keeps the shop its file
    named, beside them."""
    from bot.services.store.schema import MIGRATIONS

    old = "INSERT INTO shipments VALUES (3, 'O1', '2026-11-01', 'UPS', 'T1', 'Toys', 'US', NULL);"
    await run_sql(
        database,
        "".join(MIGRATIONS[n][database.dialect] for n in range(10))  # type: ignore[index]
        + old
        + set_version(database, 10),
    )
    async with database.store() as upgraded:
        assert await upgraded.schema_version() == SCHEMA_VERSION
        await merge_records(upgraded, 3, [record("O2", shop="Moon-EU")])
        shops = [(r.order_id, r.shop) for r in await stored_records(upgraded, 3)]
        assert shops == [("O1", ""), ("O2", "Moon-EU")]


async def test_shipments_are_found_by_their_tracking_numbers(database: Database) -> None:
    """The numbers a question names, case ignored, within the chat: O1's valid UPS number,
    O2's left out as FBA; another chat's same number and a number never stored are not."""
    day = date(2026, 11, 20)
    rows = [
        ("O1", day, "UPS", "1z999aa10123456784", "Toys", "US", None, ""),
        ("O2", day, "Amazon", "TBA000111", "Toys", "US", "fba", ""),
    ]
    async with database.store() as store:
        await store.merge_shipment_rows(9, iter([rows]))
        await store.merge_shipment_rows(
            10, iter([[("P1", None, "UPS", "ZZ55555", "", "", "not_shipped", "")]])
        )
        found = await store.shipments_tracked(9, ["1Z999AA10123456784", "tba000111", "ZZ55555"])
        assert sorted(found) == [
            ("1Z999AA10123456784", "2026-11-20", None),
            ("TBA000111", "2026-11-20", "fba"),
        ]
        assert await store.shipments_tracked(9, []) == []


async def test_rows_left_out_are_tallied_by_group_and_reason(database: Database) -> None:
    """FBA and cancelled rows by their reason, a counted row shipped before the window as
    outside it, the rows in it not at all; another chat's rows never."""
    start, end = date(2026, 11, 1), date(2026, 11, 30)
    rows = [
        ("O1", date(2026, 11, 20), "UPS", "T1", "Toys", "DE", None, "Moon"),
        ("O2", date(2026, 11, 20), "Amazon", "T2", "Toys", "DE", "fba", "Moon"),
        ("O3", date(2026, 11, 21), "Amazon", "T3", "Toys", "DE", "fba", "Moon"),
        ("O4", None, "UPS", "", "Home", "UK", "cancelled", "Moon"),
        ("O5", date(2026, 10, 20), "UPS", "T5", "Home", "UK", None, "Moon"),
    ]
    async with database.store() as store:
        await store.merge_shipment_rows(9, iter([rows]))
        await store.merge_shipment_rows(10, iter([[rows[1]]]))
        found = await store.left_out_rows(9, start, end)
    assert sorted(found) == [
        ("Moon", "DE", "Toys", "fba", 2),
        ("Moon", "UK", "Home", "cancelled", 1),
        ("Moon", "UK", "Home", "outside_window", 1),
    ]
