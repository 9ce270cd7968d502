"""Per-chat storage: what the bot remembers, in SQL written once for both backends.

Holds chats (language, time zone, as-of date), each chat's last report and the shipments
VTR needs: order ID, ship date, carrier, tracking, category, marketplace, exclusion, shop. No buyer
data is ever stored. Every query is filtered by `chat_id`, so one chat never sees another's.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator, Iterable, Iterator, Sequence
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Literal, NamedTuple

from bot.domain.alerts import AlertRecord, Subscription
from bot.domain.models import ReportJson, VtrReport
from bot.services.i18n import SUPPORTED_LANGS, Lang
from bot.services.store.backend import (
    SHIPMENT_COLUMNS,
    Backend,
    Frames,
    Row,
    Transaction,
    blob,
    stored_now,
)
from bot.services.store.schema import CHAT_TABLES
from bot.services.store.sqlite import SqliteBackend

PartState = Literal["pending", "sending", "sent", "failed"]
SAVE_REPORT_SQL = (
    "INSERT INTO last_report (chat_id, report_json, as_of, created_at) "
    "VALUES (?, ?, ?, ?) ON CONFLICT (chat_id) DO UPDATE SET "
    "report_json = excluded.report_json, as_of = excluded.as_of, "
    "created_at = excluded.created_at"
)


@dataclass(frozen=True)
class AlertPart:
    """One message of a claimed alert, as stored with the claim: the chart (a PNG, with its
    file name) or one text part; `state` is how far its delivery got (docs/vtr-rules.md §7)."""

    index: int
    html: str
    filename: str | None = None
    image: bytes | None = None
    state: PartState = "pending"


# -- rows as read, by name and type --------------------------------------------------------
# A query's row is read once into its named row (`Row._make(row)`: the values are what both
# drivers return for the schema's column types), and turned into the record the services
# use by one method.


class LeftOutRow(NamedTuple):
    """Stored shipments VTR does not count, of one shop, marketplace and category ("" when
    the file names none), by why (an `ExclusionReason`)."""

    shop: str
    marketplace: str
    category: str
    reason: str
    rows: int


class OrderRow(NamedTuple):
    """A stored shipment found by its order ID: the ID as stored, its carrier as the report
    reads it, its tracking, its ship date as ISO text (None: not shipped) and why it is left
    out of VTR (None: counted)."""

    order_id: str
    carrier: str
    tracking: str
    ship_date: str | None
    excluded: str | None


class TrackedRow(NamedTuple):
    """A stored shipment found by its tracking number: the number upper-cased, its ship date
    as ISO text (None: not shipped) and why it is left out of VTR (None: counted)."""

    tracking: str
    ship_date: str | None
    excluded: str | None


class SubscriptionRow(NamedTuple):
    """`SELECT chat_id, at_time, timezone, digest FROM subscriptions`."""

    chat_id: int
    at_time: str
    timezone: str
    digest: int | bool

    def record(self) -> Subscription:
        return Subscription(
            self.chat_id, time.fromisoformat(self.at_time), self.timezone, bool(self.digest)
        )


class SweepRow(NamedTuple):
    """A subscription with one day its pass is decided on (None: no such day)."""

    chat_id: int
    at_time: str
    timezone: str
    digest: int | bool
    day: str | None

    def subscription(self) -> Subscription:
        return SubscriptionRow._make(self[:4]).record()


class AlertPartRow(NamedTuple):
    """`SELECT part, html, filename, image, state FROM alert_parts`."""

    part: int
    html: str
    filename: str | None
    image: object
    state: PartState

    def record(self) -> AlertPart:
        image = None if self.image is None else blob(self.image)
        return AlertPart(self.part, self.html, self.filename, image, self.state)


class AlertHistoryRow(NamedTuple):
    """`SELECT sent_at, as_of, triggers, snapshot_json FROM alert_history`."""

    sent_at: str
    as_of: str
    triggers: str
    snapshot_json: str

    def record(self, chat_id: int) -> AlertRecord:
        return AlertRecord(
            chat_id,
            datetime.fromisoformat(self.sent_at),
            date.fromisoformat(self.as_of),
            tuple(filter(None, self.triggers.split(","))),
            self.snapshot_json,
        )


async def _report_row(chat_id: int, report: VtrReport | ReportJson) -> Row:
    """Serialised off the event loop (unless it comes serialised): a big file's report
    holds every defect (hundreds of thousands), seconds of serialising that would stall
    every other chat."""
    if isinstance(report, ReportJson):
        return (chat_id, report.text, report.as_of.isoformat(), stored_now())
    report_json = await asyncio.to_thread(report.model_dump_json)
    return (chat_id, report_json, report.as_of.isoformat(), stored_now())


def _storable(batch: Sequence[Row]) -> Sequence[Row]:
    """Dates as ISO text, as both backends store them. The engine's batches already are
    (`record_batches`), and pass as they are: a pass over each row costs a million-row
    upload more than half a second."""
    first_date = next((row[1] for row in batch if row[1] is not None), "")
    if isinstance(first_date, str):
        return batch
    return [
        (order_id, ship_date.isoformat() if ship_date else None, carrier or "", tracking or "",  # type: ignore[attr-defined]  # a date here: a record's row (ShipmentRecord.as_row)
         category, marketplace or "", excluded, shop or "")
        for order_id, ship_date, carrier, tracking, category, marketplace, excluded, shop in batch
    ]  # fmt: skip


class Store:
    """Async access to the bot's database. Open once at start-up, close at shutdown.

    SQLite in the file at `path` by default; PostgreSQL when `database_url` is given (then
    `path` only says where the data folder is: scratch files still go beside it), through a
    pool of `connections`, sized by the caller from the work it admits at once.
    """

    def __init__(
        self,
        path: Path | str,
        busy_timeout_ms: int = 5000,
        database_url: str | None = None,
        connections: int | None = None,
    ) -> None:
        self.path = Path(path)
        self.backend: Backend = SqliteBackend(self.path, busy_timeout_ms)
        if database_url:
            from bot.services.store.postgres import POOL_SIZE, PostgresBackend  # asyncpg: if used

            self.backend = PostgresBackend(database_url, connections or POOL_SIZE)

    async def open(self) -> None:
        await self.backend.open()

    async def close(self) -> None:
        await self.backend.close()

    async def __aenter__(self) -> Store:
        await self.open()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()

    async def schema_version(self) -> int:
        return await self.backend.schema_version()

    async def _value(self, sql: str, params: Sequence[object]) -> object:
        """The first column of the first row, None when there is none."""
        rows = await self.backend.fetch(sql, params)
        return rows[0][0] if rows else None

    # -- chats -------------------------------------------------------------------------------

    async def _chat_value(self, chat_id: int, column: str) -> str | None:
        value = await self._value(f"SELECT {column} FROM chats WHERE chat_id = ?", (chat_id,))
        return value if isinstance(value, str) else None

    async def _set_chat_value(self, chat_id: int, column: str, value: str | None) -> None:
        now = stored_now()
        await self.backend.execute(
            f"INSERT INTO chats (chat_id, {column}, created_at, updated_at) VALUES (?, ?, ?, ?) "
            f"ON CONFLICT (chat_id) DO UPDATE SET {column} = excluded.{column}, "
            "updated_at = excluded.updated_at",
            (chat_id, value, now, now),
        )

    async def get_lang(self, chat_id: int) -> Lang | None:
        value = await self._chat_value(chat_id, "lang")
        return value if value in SUPPORTED_LANGS else None

    async def set_lang(self, chat_id: int, lang: Lang) -> None:
        if lang not in SUPPORTED_LANGS:
            raise ValueError(f"unsupported language {lang!r}")
        await self._set_chat_value(chat_id, "lang", lang)

    async def get_timezone(self, chat_id: int) -> str | None:
        return await self._chat_value(chat_id, "timezone")

    async def set_timezone(self, chat_id: int, timezone: str) -> None:
        await self._set_chat_value(chat_id, "timezone", timezone)

    async def get_as_of(self, chat_id: int) -> date | None:
        value = await self._chat_value(chat_id, "as_of")
        return date.fromisoformat(value) if value else None

    async def set_as_of(self, chat_id: int, as_of: date | None) -> None:
        await self._set_chat_value(chat_id, "as_of", as_of.isoformat() if as_of else None)

    # -- reports -----------------------------------------------------------------------------

    async def save_report(self, chat_id: int, report: VtrReport) -> None:
        await self.backend.execute(SAVE_REPORT_SQL, await _report_row(chat_id, report))

    async def last_report(self, chat_id: int) -> VtrReport | None:
        value = await self.last_report_json(chat_id)
        if value is None:
            return None
        return await asyncio.to_thread(VtrReport.model_validate_json, value)  # see save_report

    async def last_report_json(self, chat_id: int) -> str | None:
        """The last report as stored, unparsed: parsing a huge one holds the interpreter
        for seconds, so /vtr leaves that to a worker process (`ReportReplies`)."""
        value = await self._value(
            "SELECT report_json FROM last_report WHERE chat_id = ?", (chat_id,)
        )
        return value if isinstance(value, str) else None

    async def last_report_as_of(self, chat_id: int) -> date | None:
        """The last report's as-of date, without reading the report: a big file's report
        holds every defect (hundreds of thousands), and /chart needs only this date."""
        value = await self._value("SELECT as_of FROM last_report WHERE chat_id = ?", (chat_id,))
        return date.fromisoformat(value) if isinstance(value, str) else None

    # -- shipments ---------------------------------------------------------------------------

    async def merge_shipment_rows(self, chat_id: int, batches: Iterator[Sequence[Row]]) -> int:
        """Store shipments: each order in them replaces that chat's stored shipments of the
        order, in one transaction (see `_merge`). Returns the number of shipments written."""
        async with self.backend.transaction(chat_id) as transaction:
            return await _merge(transaction, chat_id, batches)

    # -- uploads -----------------------------------------------------------------------------

    async def claim_upload(self, chat_id: int) -> str:
        """Mark an upload of the chat as begun, whichever process works on it; the claim
        `store_upload` needs. /forget deletes it, so the upload is then not stored."""
        claim = uuid.uuid4().hex
        await self.backend.execute(
            "INSERT INTO upload_claims (chat_id, claim, started_at) VALUES (?, ?, ?) "
            "ON CONFLICT (chat_id) DO UPDATE SET claim = excluded.claim, "
            "started_at = excluded.started_at",
            (chat_id, claim, stored_now()),
        )
        return claim

    async def drop_upload_claim(self, chat_id: int, claim: str) -> None:
        """The upload ended without being stored (refused, failed)."""
        await self.backend.execute(
            "DELETE FROM upload_claims WHERE chat_id = ? AND claim = ?", (chat_id, claim)
        )

    async def store_upload(
        self,
        chat_id: int,
        claim: str,
        frames: Frames,
        report: VtrReport | ReportJson,
        scratch: Path | None = None,
    ) -> int | None:
        """An upload's shipments (as columns: `Shipments.stored_frames`) and report, in one
        transaction, if its claim still stands; None (nothing stored) when the chat was
        forgotten since it began. The claim is taken under the chat's transaction lock,
        which /forget's deletion takes too: one of them goes first, and the upload is either
        stored and then deleted, or never stored. Staged copies of the shipments, if the
        backend makes any, go in `scratch` (the system's temporary folder by default)."""
        report_row = await _report_row(chat_id, report)  # before taking a connection
        async with self.backend.upload(chat_id, frames, scratch) as transaction:
            if not await transaction.execute(
                "DELETE FROM upload_claims WHERE chat_id = ? AND claim = ?", (chat_id, claim)
            ):
                return None
            written = await transaction.merge_upload()
            await transaction.execute(SAVE_REPORT_SQL, report_row)
        return written

    async def shipment_rows(
        self, chat_id: int, since: date | None = None, size: int = 50_000
    ) -> AsyncIterator[list[Row]]:
        """The chat's shipments shipped on `since` or later (all of them when None), `size`
        raw rows at a time, dates as ISO text: a million stored shipments are never a
        million objects at once."""
        sql = f"SELECT {SHIPMENT_COLUMNS} FROM shipments WHERE chat_id = ?"
        params: tuple[object, ...] = (chat_id,)
        if since is not None:
            sql += " AND ship_date >= ?"
            params += (since.isoformat(),)
        async for rows in self.backend.stream(sql, params, size):
            yield rows

    async def shipments_tracked(self, chat_id: int, numbers: Sequence[str]) -> list[TrackedRow]:
        """The chat's stored shipments whose tracking is one of `numbers` (case ignored)."""
        if not numbers:
            return []
        marks = ", ".join("?" for _ in numbers)
        sql = (
            "SELECT UPPER(tracking), ship_date, excluded FROM shipments "
            f"WHERE chat_id = ? AND UPPER(tracking) IN ({marks})"
        )
        rows = await self.backend.fetch(sql, (chat_id, *(n.upper() for n in numbers)))
        return [TrackedRow._make(row) for row in rows]

    async def shipments_of_orders(self, chat_id: int, orders: Sequence[str]) -> list[OrderRow]:
        """The chat's stored shipments of the order IDs `orders` (as written, or upper-cased),
        through the order index: one row per package."""
        if not orders:
            return []
        wanted = sorted({*orders, *(o.upper() for o in orders)})
        marks = ", ".join("?" for _ in wanted)
        sql = (
            "SELECT order_id, carrier, tracking, ship_date, excluded FROM shipments "
            f"WHERE chat_id = ? AND order_id IN ({marks}) ORDER BY order_id, tracking"
        )
        rows = await self.backend.fetch(sql, (chat_id, *wanted))
        return [OrderRow._make(row) for row in rows]

    async def left_out_rows(self, chat_id: int, start: date, end: date) -> list[LeftOutRow]:
        """The chat's stored shipments VTR does not count, tallied by shop, marketplace,
        category and reason: the reason read at upload, else "outside_window" for one shipped
        outside `start`–`end` (the report's window, drawn as `vtr._count_part` draws it), so
        "why weren't my German orders counted?" is answered for Germany alone."""
        reason = "COALESCE(excluded, 'outside_window')"
        sql = (
            f"SELECT shop, marketplace, category, {reason}, COUNT(*) FROM shipments "
            "WHERE chat_id = ? AND (excluded IS NOT NULL OR ship_date < ? OR ship_date > ?) "
            f"GROUP BY shop, marketplace, category, {reason}"
        )
        rows = await self.backend.fetch(sql, (chat_id, start.isoformat(), end.isoformat()))
        return [LeftOutRow._make(row) for row in rows]

    async def newest_ship_date(self, chat_id: int) -> date | None:
        value = await self._value(
            "SELECT MAX(ship_date) FROM shipments WHERE chat_id = ?", (chat_id,)
        )
        return date.fromisoformat(value) if isinstance(value, str) else None

    # -- alerts ------------------------------------------------------------------------------

    async def subscribe(self, subscription: Subscription) -> None:
        now = stored_now()
        await self.backend.execute(
            "INSERT INTO subscriptions (chat_id, at_time, timezone, digest, created_at, "
            "updated_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (chat_id) DO UPDATE SET "
            "at_time = excluded.at_time, timezone = excluded.timezone, "
            "digest = excluded.digest, updated_at = excluded.updated_at",
            (
                subscription.chat_id,
                subscription.at.strftime("%H:%M"),
                subscription.timezone,
                int(subscription.digest),
                now,
                now,
            ),
        )

    async def unsubscribe(self, chat_id: int) -> bool:
        """Stop a chat's alerts; False if it had none."""
        changed = await self.backend.execute(
            "DELETE FROM subscriptions WHERE chat_id = ?", (chat_id,)
        )
        return changed > 0

    async def subscription(self, chat_id: int) -> Subscription | None:
        rows = await self._subscriptions("WHERE chat_id = ?", (chat_id,))
        return rows[0] if rows else None

    async def all_subscriptions(self) -> list[Subscription]:
        """Every chat's subscription: for scheduling the daily jobs at start-up only
        (the one read that spans chats; it returns no chat's data, only its schedule)."""
        return await self._subscriptions("", ())

    async def subscriptions_with_decided_days(
        self, days: Sequence[date]
    ) -> list[tuple[Subscription, frozenset[date]]]:
        """Every subscription, with those of `days` on which its pass is decided: what the
        sweep needs for every chat in one query (the second read that spans chats; it too
        returns only schedules and outcomes)."""
        marks = ", ".join("?" * len(days))
        rows = await self.backend.fetch(
            "SELECT s.chat_id, s.at_time, s.timezone, s.digest, d.day FROM subscriptions s "
            f"LEFT JOIN alert_days d ON d.chat_id = s.chat_id AND d.day IN ({marks}) "
            "ORDER BY s.chat_id",
            [day.isoformat() for day in days],
        )
        subscriptions: dict[int, Subscription] = {}
        decided: dict[int, set[date]] = {}
        for row in map(SweepRow._make, rows):
            if row.chat_id not in subscriptions:  # one row per decided day, or one with none
                subscriptions[row.chat_id] = row.subscription()
                decided[row.chat_id] = set()
            if row.day is not None:
                decided[row.chat_id].add(date.fromisoformat(row.day))
        return [(s, frozenset(decided[chat])) for chat, s in subscriptions.items()]

    async def _subscriptions(self, where: str, params: tuple[object, ...]) -> list[Subscription]:
        rows = await self.backend.fetch(
            f"SELECT chat_id, at_time, timezone, digest FROM subscriptions {where} "
            "ORDER BY chat_id",
            params,
        )
        return [SubscriptionRow._make(row).record() for row in rows]

    async def alert_sent_for(self, chat_id: int, as_of: date) -> bool:
        """Whether the chat was already alerted for this day (so a restart never doubles it)."""
        rows = await self.backend.fetch(
            "SELECT 1 FROM alert_history WHERE chat_id = ? AND as_of = ? LIMIT 1",
            (chat_id, as_of.isoformat()),
        )
        return bool(rows)

    async def claim_alert(
        self,
        chat_id: int,
        as_of: date,
        triggers: Iterable[str],
        snapshot_json: str,
        parts: Sequence[AlertPart] = (),
    ) -> int | None:
        """Record today's alert, and the parts it will be sent as, before sending any of
        them; None when the day was already claimed.

        Claiming first makes delivery at most once: each part is marked before its send
        (`start_part`), so a crash can lose the part in flight, never send it twice, and
        whoever finishes the day sends only the parts never started. The database's
        one-a-day index decides between processes claiming at once. `release_alert` undoes
        a claim none of whose parts was sent."""
        async with self.backend.transaction(chat_id) as transaction:
            row = await transaction.write_returning(
                "INSERT INTO alert_history (chat_id, sent_at, as_of, triggers, snapshot_json) "
                "VALUES (?, ?, ?, ?, ?) ON CONFLICT (chat_id, as_of) DO NOTHING RETURNING id",
                (chat_id, stored_now(), as_of.isoformat(), ",".join(triggers), snapshot_json),
            )
            if row is None:
                return None
            for part in parts:
                await transaction.execute(
                    "INSERT INTO alert_parts (chat_id, day, part, state, html, filename, image, "
                    "updated_at) VALUES (?, ?, ?, 'pending', ?, ?, ?, ?)",
                    (chat_id, as_of.isoformat(), part.index, part.html, part.filename,
                     part.image, stored_now()),
                )  # fmt: skip
        claim_id = row[0]
        assert isinstance(claim_id, int)
        return claim_id

    async def alert_parts(self, chat_id: int, day: date) -> list[AlertPart]:
        """The parts of the chat's claimed alert for `day`, in sending order."""
        rows = await self.backend.fetch(
            "SELECT part, html, filename, image, state FROM alert_parts "
            "WHERE chat_id = ? AND day = ? ORDER BY part",
            (chat_id, day.isoformat()),
        )
        return [AlertPartRow._make(row).record() for row in rows]

    async def start_part(self, chat_id: int, day: date, index: int) -> bool:
        """Mark a pending part as being sent, before the send; False when it is not pending
        (another process started it: it is never sent twice)."""
        changed = await self.backend.execute(
            "UPDATE alert_parts SET state = 'sending', updated_at = ? "
            "WHERE chat_id = ? AND day = ? AND part = ? AND state = 'pending'",
            (stored_now(), chat_id, day.isoformat(), index),
        )
        return changed > 0

    async def part_sent(self, chat_id: int, day: date, index: int) -> None:
        """Telegram confirmed the part."""
        await self.backend.execute(
            "UPDATE alert_parts SET state = 'sent', updated_at = ? "
            "WHERE chat_id = ? AND day = ? AND part = ?",
            (stored_now(), chat_id, day.isoformat(), index),
        )

    async def part_failed(self, chat_id: int, day: date, index: int, tries: int) -> None:
        """Telegram answered the part's send with an error: pending again for a later try,
        or "failed" (never tried again) once it has failed `tries` times."""
        await self.backend.execute(
            "UPDATE alert_parts SET tries = tries + 1, updated_at = ?, state = CASE "
            "WHEN tries + 1 >= ? THEN 'failed' ELSE 'pending' END "
            "WHERE chat_id = ? AND day = ? AND part = ?",
            (stored_now(), tries, chat_id, day.isoformat(), index),
        )

    async def day_decided(self, chat_id: int, day: date) -> str | None:
        """How the chat's pass for this local day ended ("sent", "quiet"), None before."""
        value = await self._value(
            "SELECT outcome FROM alert_days WHERE chat_id = ? AND day = ?",
            (chat_id, day.isoformat()),
        )
        return value if isinstance(value, str) else None

    async def decide_day(self, chat_id: int, day: date, outcome: str) -> None:
        """The chat's pass for `day` is over: no process runs it again, and the parts
        stored for its delivery are no longer needed."""
        async with self.backend.transaction(chat_id) as transaction:
            await transaction.execute(
                "INSERT INTO alert_days (chat_id, day, outcome, decided_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (chat_id, day) DO NOTHING",
                (chat_id, day.isoformat(), outcome, stored_now()),
            )
            await transaction.execute(
                "DELETE FROM alert_parts WHERE chat_id = ? AND day = ?",
                (chat_id, day.isoformat()),
            )

    def hold(self, key: str) -> AbstractAsyncContextManager[bool]:
        """A named lock shared by every process on this database (see `Backend.hold`):
        one chat's daily pass, or one chat's analysis, in one process at a time."""
        return self.backend.hold(key)

    async def ping(self, seconds: float) -> None:
        """The database answered within `seconds`, or `StoreTimeoutError` (the heartbeat)."""
        await self.backend.ping(seconds)

    async def release_alert(self, chat_id: int, alert_id: int) -> None:
        """Undo a claim none of whose parts was sent: a later pass may claim the day again."""
        async with self.backend.transaction(chat_id) as transaction:
            await transaction.execute(
                "DELETE FROM alert_parts WHERE chat_id = ? AND day IN "
                "(SELECT as_of FROM alert_history WHERE chat_id = ? AND id = ?)",
                (chat_id, chat_id, alert_id),
            )
            await transaction.execute(
                "DELETE FROM alert_history WHERE chat_id = ? AND id = ?", (chat_id, alert_id)
            )

    async def alert_history(self, chat_id: int, limit: int = 10) -> list[AlertRecord]:
        """The chat's latest alerts, newest first."""
        rows = await self.backend.fetch(
            "SELECT sent_at, as_of, triggers, snapshot_json FROM alert_history "
            "WHERE chat_id = ? ORDER BY id DESC LIMIT ?",
            (chat_id, limit),
        )
        return [AlertHistoryRow._make(row).record(chat_id) for row in rows]

    # -- forgetting --------------------------------------------------------------------------

    async def forget(self, chat_id: int) -> None:
        """Delete everything stored about a chat (its Amazon connection first), in one
        transaction, then scrub the files so the deleted rows cannot be read back from them."""
        async with self.backend.transaction(chat_id) as transaction:
            for table in CHAT_TABLES:
                await transaction.execute(f"DELETE FROM {table} WHERE chat_id = ?", (chat_id,))
        await self.backend.scrub()


async def _merge(transaction: Transaction, chat_id: int, batches: Iterator[Sequence[Row]]) -> int:
    """Each order in `batches` replaces the chat's stored shipments of that order.

    So a corrected tracking number replaces the defective one, and orders not in the new
    file stay. `batches` yields tuples in RECORD_FIELDS order, handed to the database one
    batch at a time, so memory follows one batch; an order split across batches keeps all its
    rows. The engine's batches come in order ID order (`record_batches`), which is what lets
    SQLite replace them batch by batch at sequential pages. Inside the caller's transaction:
    a failed merge leaves the old data as it was."""
    written = 0
    await transaction.start_merge(chat_id)
    while batch := await asyncio.to_thread(next, batches, None):
        rows = await asyncio.to_thread(_storable, batch)
        await transaction.merge(rows)
        written += len(rows)
    await transaction.finish_merge()
    return written
