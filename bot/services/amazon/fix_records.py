"""The store's side of fixing: a synced package's editable facts, each confirmed change with
its send (the idempotency record), and the step a chat is in the middle of.

Both live in the store, not in memory: several replicas may serve one chat, and a process
may die between Amazon's answer and the record of it. `claim` is the one place a send is
decided: it inserts the change 'pending' under the confirmed change's own key, and only the
caller whose insert went in may call Amazon.
"""

from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass
from typing import Any, Literal

from bot.domain.amazon_carriers import normalized
from bot.domain.fix_marks import MarkKey, planned_packages
from bot.domain.models import FixMark
from bot.domain.tracking import resolve_carrier
from bot.services.amazon.repository import PACKAGE_COLUMNS, StoredPackage, stored_package
from bot.services.store import Store
from bot.services.store.backend import Backend, Row, stored_now

FixState = Literal["pending", "sent", "failed", "unconfirmed", "accepted"]
"""pending: written before the call (a crash leaves it so); sent: Amazon answered 204;
failed: Amazon refused it; unconfirmed: no answer, or a pending one a sync did not show;
accepted: a sync shows the package with the new tracking."""
IN_FLIGHT: tuple[FixState, ...] = ("pending", "sent")
_MARKS: dict[FixState, FixMark] = {
    "pending": "sent", "sent": "sent", "unconfirmed": "sent", "accepted": "accepted",
    "failed": "refused",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class FixRecord:
    """One confirmed change: who asked, what it was, what Amazon answered."""

    change_key: str
    order_id: str
    package_id: str
    old_carrier: str
    old_tracking: str
    new_carrier: str
    carrier_code: str
    carrier_name: str | None
    new_tracking: str
    requested_by: int | None
    state: FixState
    answer: str | None
    created_at: str
    updated_at: str


FIX_COLUMNS = (
    "change_key, order_id, package_id, old_carrier, old_tracking, new_carrier, carrier_code, "
    "carrier_name, new_tracking, requested_by, state, answer, created_at, updated_at"
)


class FixRecords:
    """The fix tables of `store`, which the caller opens and closes."""

    def __init__(self, store: Store) -> None:
        self.store = store

    @property
    def backend(self) -> Backend:
        return self.store.backend

    # -- packages ------------------------------------------------------------------------

    async def packages(self, chat_id: int) -> list[StoredPackage]:
        """The chat's synced packages still moving (tracking is editable until delivery)."""
        rows = await self.backend.fetch(
            f"SELECT {PACKAGE_COLUMNS} FROM amazon_packages WHERE chat_id = ? "
            "AND status IN ('IN_TRANSIT', 'SHIPPED') AND ship_time IS NOT NULL",
            (chat_id,),
        )
        return [stored_package(row) for row in rows]

    async def package(self, chat_id: int, order_id: str, package_id: str) -> StoredPackage | None:
        rows = await self.backend.fetch(
            f"SELECT {PACKAGE_COLUMNS} FROM amazon_packages WHERE chat_id = ? "
            "AND order_id = ? AND package_id = ?",
            (chat_id, order_id, package_id),
        )
        return stored_package(rows[0]) if rows else None

    # -- changes -------------------------------------------------------------------------

    async def claim(self, chat_id: int, fix: FixRecord) -> bool:
        """Record a confirmed change as 'pending' before it is sent. False: the change is
        recorded already (sent, being sent, or refused): it must not be sent again."""
        values = _values(fix)
        inserted = await self.backend.execute(
            f"INSERT INTO amazon_fixes (chat_id, {FIX_COLUMNS}) VALUES "
            f"(?, {', '.join('?' * len(values))}) ON CONFLICT (chat_id, change_key) DO NOTHING",
            (chat_id, *values),
        )
        return inserted > 0

    async def settle(self, chat_id: int, change_key: str, state: FixState, answer: str) -> None:
        """Amazon's answer to a claimed change (one a sync already judged keeps its state)."""
        await self.backend.execute(
            "UPDATE amazon_fixes SET state = ?, answer = ?, updated_at = ? "
            "WHERE chat_id = ? AND change_key = ? AND state IN ('pending', 'unconfirmed')",
            (state, answer[:300], stored_now(), chat_id, change_key),
        )

    async def fix(self, chat_id: int, change_key: str) -> FixRecord | None:
        rows = await self.backend.fetch(
            f"SELECT {FIX_COLUMNS} FROM amazon_fixes WHERE chat_id = ? AND change_key = ?",
            (chat_id, change_key),
        )
        return _fix(rows[0]) if rows else None

    async def fixes(self, chat_id: int, limit: int = 20) -> list[FixRecord]:
        """The chat's changes, newest first."""
        rows = await self.backend.fetch(
            f"SELECT {FIX_COLUMNS} FROM amazon_fixes WHERE chat_id = ? "
            "ORDER BY created_at DESC, change_key DESC LIMIT ?",
            (chat_id, limit),
        )
        return [_fix(row) for row in rows]

    async def reconcile(self, chat_id: int, stale_before: str) -> int:
        """After a sync: a change whose package now shows its new carrier and number is
        'accepted' (judged as the report reads them: `resolve_carrier`, `normalized`); one
        left 'pending' since before `stale_before` (its sender died) that the sync does not
        show is 'unconfirmed', for the seller to see, never resent by itself."""
        rows = await self.backend.fetch(
            f"SELECT {FIX_COLUMNS} FROM amazon_fixes WHERE chat_id = ? "
            "AND state IN ('pending', 'sent', 'unconfirmed')",
            (chat_id,),
        )
        accepted = 0
        for fix in map(_fix, rows):
            package = await self.package(chat_id, fix.order_id, fix.package_id)
            if package is not None and _shows(package, fix):
                await self._set_state(chat_id, fix.change_key, "accepted")
                accepted += 1
            elif fix.state == "pending" and fix.created_at < stale_before:
                await self._set_state(chat_id, fix.change_key, "unconfirmed")
        return accepted

    async def _set_state(self, chat_id: int, change_key: str, state: FixState) -> None:
        await self.backend.execute(
            "UPDATE amazon_fixes SET state = ?, updated_at = ? WHERE chat_id = ? "
            "AND change_key = ?",
            (state, stored_now(), chat_id, change_key),
        )

    async def in_flight(self, chat_id: int) -> dict[tuple[str, str], FixRecord]:
        """(order, package) → its change being sent or sent (Amazon said yes) that no sync
        has shown yet: "fix sent" in the lists, not offered again. One without an answer
        (unconfirmed) or refused may be fixed again: the seller is told so."""
        marks = ", ".join(f"'{state}'" for state in IN_FLIGHT)
        rows = await self.backend.fetch(
            f"SELECT {FIX_COLUMNS} FROM amazon_fixes WHERE chat_id = ? "
            f"AND state IN ({marks}) ORDER BY created_at",
            (chat_id,),
        )
        return {(fix.order_id, fix.package_id): fix for fix in map(_fix, rows)}

    async def marks(self, chat_id: int) -> dict[MarkKey, FixMark]:
        """(order, the number Amazon held before) → what became of the package's latest fix,
        as the report marks it (`fix_marks`): sent until a sync shows it, accepted, or
        refused."""
        rows = await self.backend.fetch(
            f"SELECT {FIX_COLUMNS} FROM amazon_fixes WHERE chat_id = ? "
            "ORDER BY created_at, change_key",
            (chat_id,),
        )
        latest = {(fix.order_id, fix.package_id): fix for fix in map(_fix, rows)}
        return {
            (fix.order_id, normalized(fix.old_tracking)): _MARKS[fix.state]
            for fix in latest.values()
        }

    async def planned(self, chat_id: int) -> set[MarkKey]:
        """The packages of the chat's last report's fix plan (none without a report)."""
        report_json = await self.store.last_report_json(chat_id)
        return await asyncio.to_thread(planned_packages, report_json) if report_json else set()

    # -- the step a chat is in -----------------------------------------------------------

    async def save_step(self, chat_id: int, token: str, step: dict[str, Any], expires: str) -> None:
        await self.backend.execute(
            "INSERT INTO amazon_fix_steps (chat_id, token, step_json, expires_at) "
            "VALUES (?, ?, ?, ?) ON CONFLICT (chat_id) DO UPDATE SET token = excluded.token, "
            "step_json = excluded.step_json, expires_at = excluded.expires_at",
            (chat_id, token, json.dumps(step), expires),
        )

    async def step(self, chat_id: int, now: str) -> tuple[str, dict[str, Any]] | None:
        """The chat's step (token, data) unless it expired before `now` (ISO, UTC)."""
        rows = await self.backend.fetch(
            "SELECT token, step_json FROM amazon_fix_steps WHERE chat_id = ? AND expires_at > ?",
            (chat_id, now),
        )
        return (str(rows[0][0]), json.loads(str(rows[0][1]))) if rows else None

    async def drop_step(self, chat_id: int, token: str | None = None) -> bool:
        """Remove the chat's step (only if it is still `token`'s): True if this call did."""
        sql = "DELETE FROM amazon_fix_steps WHERE chat_id = ?"
        params: tuple[object, ...] = (chat_id,)
        if token is not None:
            sql, params = sql + " AND token = ?", (chat_id, token)
        return await self.backend.execute(sql, params) > 0


def _shows(package: StoredPackage, fix: FixRecord) -> bool:
    """Whether Amazon's package holds the change: its carrier and number, as the report
    reads them."""
    same_number = normalized(package.tracking) == fix.new_tracking
    return same_number and resolve_carrier(package.carrier) == fix.new_carrier


def _values(fix: FixRecord) -> tuple[object, ...]:
    return (
        fix.change_key, fix.order_id, fix.package_id, fix.old_carrier, fix.old_tracking,
        fix.new_carrier, fix.carrier_code, fix.carrier_name, fix.new_tracking,
        fix.requested_by, fix.state, fix.answer, fix.created_at, fix.updated_at,
    )  # fmt: skip


def _fix(row: Row) -> FixRecord:
    return FixRecord(*row)  # type: ignore[arg-type]  # a row's values are typed object
