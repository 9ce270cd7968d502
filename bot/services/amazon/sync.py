"""The daily sync of a connected store: FBM packages into the store, Amazon's VTR snapshot.

The first run backfills 45 days of orders (`createdAfter`); later runs ask only for orders
updated since the last good run (`lastUpdatedAfter`, with a few minutes of overlap). Each
page is merged into the store as it arrives: `merge_shipment_rows` replaces an order's
stored shipments, so re-fetching a page (a retry, the overlap, a second sync the same day)
duplicates nothing. The cursor moves only once every page is in, so a sync that fails
half-way loses nothing either: the next one starts from the same point.

Categories: each order item's ASIN is resolved through Amazon's catalog (`catalog.py`,
cached per marketplace and ASIN) and the seller's uploads; the chat's preference says whose
wins. Once the orders are in, the chat's report is computed from its stored shipments, the
same way as the alert's, and kept as its last report: /vtr right after a sync shows it.

Failures: `invalid_grant` pauses the chat's sync until the seller connects again; a report
that ends FATAL or CANCELLED is asked again the next day; Amazon down or throttling past the
client's retries leaves the last good data in place, and the outcome says when that was.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any, Literal

from pydantic import SecretStr

from bot.domain.amazon_orders import CategoryBook, SyncedPackage, packages_of
from bot.domain.amazon_regions import Region, region_endpoint
from bot.services.amazon.answers import PerformanceDocument
from bot.services.amazon.catalog import CatalogLookup, CatalogProblem
from bot.services.amazon.client import (
    AnswerLimits,
    AppCredentialsRejected,
    AuthorizationRevoked,
    LwaApp,
    ReportFailed,
    RetryPolicy,
    SpApiClient,
    SpApiMalformed,
    SpApiRequestError,
    SpApiUnavailable,
)
from bot.services.amazon.fix_records import FixRecords
from bot.services.amazon.repository import (
    AmazonRepository,
    Connection,
    PerformanceSnapshot,
    SyncState,
)
from bot.services.amazon.vault import CredentialVault, VaultKeyMismatch
from bot.services.store import Store
from bot.services.store.backend import stored_time
from bot.services.stored_report import stored_report

log = logging.getLogger(__name__)

BACKFILL_DAYS = 45
"""The first sync reaches back further than VTR's 30-day window: Amazon counts by promised
delivery date, and a package shipped 40 days ago may still be in its window."""
CURSOR_OVERLAP = timedelta(minutes=10)
"""Orders updated just before the last run may show up late in Amazon's index."""
FIX_ANSWER_WITHIN = timedelta(minutes=10)
"""A fix still 'pending' this long after it was recorded lost its sender (a crash): if the
sync does not show it, the seller is told it is unconfirmed (never resent by itself)."""
CATEGORY_LOOKBACK_DAYS = 120
"""Uploaded shipments this recent lend their category to synced orders."""

ROUND_SLACK = 0.1
"""A repeating round leaves out a chat attempted less than its interval ago, less this
share of it: the scheduler's next round comes an interval later give or take milliseconds,
and must not find the chat still "just attempted"."""

SyncStatus = Literal[
    "ok", "not_connected", "paused", "revoked", "key_changed", "app_rejected",
    "unavailable", "refused", "malformed", "timed_out", "failed", "busy", "not_due",
    "deferred",
]  # fmt: skip
""""busy": a sync of the chat is running (here or in another process); "not_due": a round
attempted it less than an interval ago (here or in another process); "deferred": the
round's deadline passed before its turn (it is due in the next round). "malformed": Amazon
answered something its API does not describe; "timed_out": the sync passed its deadline;
"failed": any other error (a bug, the store): each is recorded for that chat alone."""
FAILURES: frozenset[str] = frozenset(
    {"unavailable", "refused", "app_rejected", "malformed", "timed_out", "failed"}
)
"""Outcomes that keep the cursor and the last good data, and are tried again next round."""


@dataclass(frozen=True)
class SyncLimits:
    """How long one store's sync and one round may take, and how many stores at once.

    A store is its own failure domain: whatever its answers, the others are synced on
    time. Stores are synced side by side (Amazon's limits are per seller and app), so a
    slow one holds one slot, not the round."""

    incremental: timedelta = timedelta(minutes=20)
    backfill: timedelta = timedelta(hours=3)
    """A first sync pages through 45 days: after searchOrders' burst of 20, one page every
    178 s."""
    round: timedelta = timedelta(hours=1)
    """A round starts no store's sync after this (its interval, when it repeats); a
    store's sync started before then still ends within its own deadline."""
    stores_at_once: int = 4

    def of(self, backfill: bool) -> timedelta:
        return self.backfill if backfill else self.incremental


ClientFactory = Callable[[Region, SecretStr], SpApiClient]


@dataclass(frozen=True)
class SyncOutcome:
    """What one chat's sync did, for `vtrbot sync --now`, the logs and the alert."""

    chat_id: int
    status: SyncStatus
    backfill: bool = False
    orders: int = 0
    packages: int = 0
    snapshots: tuple[PerformanceSnapshot, ...] = ()
    report_problem: str | None = None
    """FATAL or CANCELLED: no fresh Amazon VTR today; asked again tomorrow."""
    last_good_sync: datetime | None = None
    catalog_lookups: int = 0
    """getCatalogItem calls this sync made (ASINs not yet in the store's cache)."""
    catalog_problem: CatalogProblem | None = None

    @property
    def fresh(self) -> bool:
        return self.status == "ok"


def client_factory(
    *, client_id: str, client_secret: SecretStr, token_url: str, endpoint: str | None,
    retry: RetryPolicy | None = None, limits: AnswerLimits | None = None,
) -> ClientFactory:  # fmt: skip
    """Clients for the operator's LWA app; `endpoint` overrides Amazon's per region."""
    app = LwaApp(client_id, client_secret, token_url)

    def make(region: Region, refresh_token: SecretStr) -> SpApiClient:
        return SpApiClient(
            app=app, refresh_token=refresh_token, endpoint=endpoint or region_endpoint(region),
            retry=retry or RetryPolicy(), limits=limits or AnswerLimits(),
        )  # fmt: skip

    return make


@dataclass
class _Run:
    """Tallies of one sync in progress."""

    attempt: datetime
    """Recorded as the chat's last attempt (see `AmazonSync._sync_chat`)."""
    orders: int = 0
    packages: int = 0
    snapshots: list[PerformanceSnapshot] = field(default_factory=list)
    report_problem: str | None = None
    catalog_lookups: int = 0
    catalog_problem: CatalogProblem | None = None


class AmazonSync:
    """Syncs connected chats. `clock` gives the current UTC time (tests set it).

    Every process sharing the database may run the repeating round: each chat's sync holds
    the store's lock `amazon-sync:<chat>` (a process that cannot take it moves on), and a
    round leaves out a chat any process attempted less than an interval ago (the shared
    `last_attempt`), so each chat is synced once per interval across replicas."""

    def __init__(
        self,
        repo: AmazonRepository,
        store: Store,
        vault: CredentialVault,
        clients: ClientFactory,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        limits: SyncLimits | None = None,
    ) -> None:
        self.repo = repo
        self.store = store
        self.vault = vault
        self.clients = clients
        self.clock = clock
        self.limits = limits or SyncLimits()
        self.fixes = FixRecords(store)

    async def sync_all(self, every: timedelta | None = None) -> list[SyncOutcome]:
        """Every connected chat, `limits.stores_at_once` at a time, each in its own failure
        domain. With `every` (the repeating round's interval, also its deadline), chats
        attempted less than that ago are "not_due"; without it (an operator's
        `vtrbot sync --now`), every chat is synced. In the order of the connections."""
        round_started = self.clock()
        deadline = round_started + min(every or self.limits.round, self.limits.round)
        slots = asyncio.Semaphore(self.limits.stores_at_once)

        async def one(chat_id: int) -> SyncOutcome:
            async with slots:
                if self.clock() >= deadline:  # the clock that stamps the round
                    log.warning("chat %s: the sync round's deadline passed; next round", chat_id)
                    return SyncOutcome(chat_id, "deferred")
                return await self.sync_chat(chat_id, round_started, every)

        connections = await self.repo.connections()
        return list(await asyncio.gather(*(one(c.chat_id) for c in connections)))

    async def sync_chat(
        self, chat_id: int, round_started: datetime | None = None, every: timedelta | None = None
    ) -> SyncOutcome:
        """One chat's sync; "busy" when one is already running for it (a long backfill
        started by /connect while the round comes by, or another replica's round).
        Never raises (but for cancellation): whatever goes wrong is this chat's outcome."""
        try:
            async with self.store.hold(f"amazon-sync:{chat_id}") as held:
                if not held:
                    return SyncOutcome(chat_id, "busy")
                return await self._sync_chat(chat_id, round_started or self.clock(), every)
        except Exception as error:  # the store itself failed: nothing can be recorded
            log.error("chat %s: Amazon sync failed outside its store's sync: %s", chat_id,
                      _cause(error), exc_info=error)  # fmt: skip
            return SyncOutcome(chat_id, "failed")

    async def _sync_chat(
        self, chat_id: int, attempt: datetime, every: timedelta | None
    ) -> SyncOutcome:
        """`attempt` is recorded as the chat's last attempt: the round's start, not this
        chat's, so a chat late in a long round is due again exactly one interval later."""
        connection = await self.repo.connection(chat_id)
        if connection is None:
            return SyncOutcome(chat_id, "not_connected")
        state = await self.repo.sync_state(chat_id)
        if every is not None and not _due(state, attempt, every):
            return SyncOutcome(chat_id, "not_due", last_good_sync=state.last_good_sync)
        if connection.state == "needs_reconnect":
            return SyncOutcome(chat_id, "paused", last_good_sync=state.last_good_sync)
        try:
            token = self.vault.open(connection.sealed_token)
        except VaultKeyMismatch:
            # The operator's key, not the seller's token: paused, not forgotten, so the
            # right key resumes every store without anyone connecting again.
            if state.last_problem != "key_changed":
                log.error("chat %s: its stored token does not decrypt with VTRBOT_SECRET_KEY "
                          "(changed?); paused until the key that sealed it is back", chat_id)  # fmt: skip
            return await self._failed(chat_id, state, self.clock(), "key_changed", _Run(attempt))
        started = self.clock()
        run = _Run(attempt)
        try:
            async with asyncio.timeout(self.limits.of(state.orders_cursor is None).total_seconds()):
                async with self.clients(connection.region, token) as client:
                    await self._sync_orders(client, connection, state, started, run)
                    await self._snapshot(client, connection, state, started, run)
        except Exception as error:
            return await self._contained(connection, state, started, run, error)
        return await self._succeeded(chat_id, state, started, run)

    async def _contained(
        self, connection: Connection, state: SyncState, started: datetime, run: _Run,
        error: Exception,
    ) -> SyncOutcome:  # fmt: skip
        """Any error of one store's sync as that store's outcome, recorded and logged once
        (when it is not the problem already recorded); the cursor stays where it was."""
        chat_id = connection.chat_id
        status = _status_of(error)
        if status == "revoked":
            await self.repo.mark_needs_reconnect(chat_id)
        if state.last_problem == status:
            log.info("chat %s: Amazon sync still %s (%s)", chat_id, status, _cause(error))
        elif status == "failed":
            log.error("chat %s: Amazon sync failed: %s", chat_id, _cause(error), exc_info=error)
        else:
            log.warning("chat %s: Amazon sync %s: %s; keeping the last good data",
                        chat_id, status, _cause(error))  # fmt: skip
        return await self._failed(chat_id, state, started, status, run)

    async def _sync_orders(
        self, client: SpApiClient, connection: Connection, state: SyncState,
        started: datetime, run: _Run,
    ) -> None:  # fmt: skip
        chat_id = connection.chat_id
        book = await self._category_book(chat_id, started.date())
        catalog = CatalogLookup(client, self.repo, chat_id, started)
        if state.orders_cursor is None:
            pages = client.search_orders(
                connection.marketplace_ids, created_after=started - timedelta(days=BACKFILL_DAYS)
            )
        else:
            pages = client.search_orders(
                connection.marketplace_ids, last_updated_after=state.orders_cursor - CURSOR_OVERLAP
            )
        try:
            async for orders in pages:
                await catalog.resolve(orders, book)
                packages = [p for order in orders for p in packages_of(order, book)]
                run.orders += len(orders)
                run.packages += len(packages)
                await self._store_packages(chat_id, packages)
        finally:
            run.catalog_lookups, run.catalog_problem = catalog.asked, catalog.problem
        await self.repo.learn_categories(chat_id, book.learned)
        stale = stored_time(started - FIX_ANSWER_WITHIN)
        await self.fixes.reconcile(chat_id, stale)

    async def _store_packages(self, chat_id: int, packages: Sequence[SyncedPackage]) -> None:
        if not packages:
            return
        rows = [p.record.as_row() for p in packages]
        await self.store.merge_shipment_rows(chat_id, iter([rows]))
        await self.repo.save_packages(chat_id, packages)

    async def _category_book(self, chat_id: int, today: date) -> CategoryBook:
        """Categories the seller's stored (uploaded) shipments give, those learned, and the
        seller's preference. A stored shipment still carrying the category the sync wrote
        from Amazon's catalog is not the seller's: it does not count as uploaded."""
        synced = await self.repo.synced_categories(chat_id)
        preference = await self.repo.category_preference(chat_id)
        book = CategoryBook(
            {}, await self.repo.item_categories(chat_id), prefer_upload=preference == "upload"
        )
        since = today - timedelta(days=CATEGORY_LOOKBACK_DAYS)
        async for rows in self.store.shipment_rows(chat_id, since=since):
            for row in rows:
                order_id, category = str(row[0]), str(row[4])
                written = synced.get(order_id)
                if written is None or written.source == "upload":
                    book.by_order[order_id] = category
                elif written.category != category:
                    # Uploaded since the sync stored it: the seller's category for its items.
                    book.by_order[order_id] = category
                    book.learn(order_id, written.item_keys)
        return book

    async def _snapshot(
        self, client: SpApiClient, connection: Connection, state: SyncState,
        started: datetime, run: _Run,
    ) -> None:  # fmt: skip
        """Amazon's VTR per marketplace, once a day (reports are rate-limited: 1 a minute)."""
        today = started.date()
        if state.report_retry_on and state.report_retry_on > today:
            run.report_problem = (state.last_problem or "").removeprefix("report_") or None
            return
        taken = {s.marketplace_id for s in await self.repo.snapshots(connection.chat_id, today)}
        for marketplace_id in connection.marketplace_ids:
            if marketplace_id in taken:
                continue
            try:
                document = await client.performance_report(marketplace_id)
            except ReportFailed as failed:
                log.warning("chat %s: performance report %s", connection.chat_id, failed.status)
                run.report_problem = failed.status
                return
            for snapshot, metrics in performance_snapshots(document, today):
                await self.repo.save_snapshot(connection.chat_id, snapshot, metrics)
                run.snapshots.append(snapshot)

    async def _succeeded(
        self, chat_id: int, state: SyncState, started: datetime, run: _Run
    ) -> SyncOutcome:
        retry_on = started.date() + timedelta(days=1) if run.report_problem else None
        await self.repo.save_sync_state(
            chat_id,
            SyncState(started, started, run.attempt, _report_note(run), retry_on),
        )
        await self._keep_report(chat_id, started.date())
        return SyncOutcome(
            chat_id, "ok", state.orders_cursor is None, run.orders, run.packages,
            tuple(run.snapshots), run.report_problem, started, run.catalog_lookups,
            run.catalog_problem,
        )  # fmt: skip

    async def _keep_report(self, chat_id: int, today: date) -> None:
        """The chat's report from its stored shipments, as /vtr shows it: the one way a
        report is built from stored shipments, whichever way they arrived."""
        if await self.store.newest_ship_date(chat_id) is None:
            return
        report, _ = await stored_report(self.store, chat_id, today, self.repo)
        await self.store.save_report(chat_id, report)

    async def _failed(
        self, chat_id: int, state: SyncState, started: datetime, status: SyncStatus, run: _Run
    ) -> SyncOutcome:
        """The cursor and the last good sync stay: the next run starts from the same point."""
        await self.repo.save_sync_state(
            chat_id,
            SyncState(state.orders_cursor, state.last_good_sync, run.attempt, status,
                      state.report_retry_on),
        )  # fmt: skip
        return SyncOutcome(
            chat_id, status, state.orders_cursor is None, run.orders, run.packages,
            tuple(run.snapshots), run.report_problem, state.last_good_sync,
            run.catalog_lookups, run.catalog_problem,
        )  # fmt: skip


def _due(state: SyncState, attempt: datetime, every: timedelta) -> bool:
    """Whether a round starting at `attempt` syncs a chat last attempted at `state`'s time."""
    last = state.last_attempt
    return last is None or attempt - last >= every * (1 - ROUND_SLACK)


def _report_note(run: _Run) -> str | None:
    return f"report_{run.report_problem}" if run.report_problem else None


def _status_of(error: Exception) -> SyncStatus:
    statuses: list[tuple[type[Exception], SyncStatus]] = [
        (AuthorizationRevoked, "revoked"), (AppCredentialsRejected, "app_rejected"),
        (SpApiUnavailable, "unavailable"), (SpApiRequestError, "refused"),
        (SpApiMalformed, "malformed"), (TimeoutError, "timed_out"),
    ]  # fmt: skip
    return next((status for kind, status in statuses if isinstance(error, kind)), "failed")


def _cause(error: BaseException) -> str:
    """An error in one line for the log: its type and message, cut short. Messages of the
    client's errors never hold a secret; others hold Amazon's data at most."""
    message = str(error)[:300]
    return f"{type(error).__name__}: {message}" if message else type(error).__name__


def performance_snapshots(
    document: PerformanceDocument, today: date
) -> list[tuple[PerformanceSnapshot, dict[str, Any]]]:
    """Each marketplace's `validTrackingRate` from a GET_V2_SELLER_PERFORMANCE_REPORT,
    with the whole metrics entry (late shipment, ODR, …) kept beside it."""
    statuses = {s.marketplace_id: s.status for s in document.account_statuses}
    out = []
    for entry in document.performance_metrics:
        vtr = entry.valid_tracking_rate
        if vtr is None:
            continue
        window = vtr.reporting_date_range
        snapshot = PerformanceSnapshot(
            marketplace_id=entry.marketplace_id,
            snapshot_date=today,
            shipment_count=vtr.shipment_count,
            valid_tracking_count=vtr.valid_tracking_count,
            status=vtr.status,
            rate=vtr.rate,
            date_from=window.reporting_date_from[:10] if window else "",
            date_to=window.reporting_date_to[:10] if window else "",
            account_status=statuses.get(entry.marketplace_id),
        )
        out.append((snapshot, entry.model_dump(by_alias=True, mode="json")))
    return out
