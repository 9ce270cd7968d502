"""Fixing a connected store's defective package from the chat: what can be fixed, the
change the bot proposes or the seller types, and its one send to Amazon.

Nothing reaches Amazon without the seller's "confirm" for that exact change: `start` and
`offer` only record a step (in the store, with an expiry: any replica may get the next
message), and `confirm` sends the change the step holds. The change's key is the step's
token; `FixRecords.claim` records it 'pending' before the call, so a second press, another
replica or a retry after a crash finds it and sends nothing (see `fix_records`).

Only for a chat that connected the store itself (a private chat: /connect refuses groups),
only for packages still editable (in transit, in the 30-day window, no label Amazon made),
and only when the operator left `VTRBOT_AMAZON_WRITE` on.
"""

from __future__ import annotations

import asyncio
import secrets
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager
from dataclasses import asdict, dataclass, replace
from datetime import UTC, date, datetime, timedelta
from typing import Literal

from bot.domain.amazon_carriers import (
    amazon_carrier,
    check_fix,
    judge_packages,
    normalized,
)
from bot.domain.defects_file import FilledRow
from bot.domain.fix_marks import MarkKey
from bot.domain.models import WINDOW_DAYS, DefectReason, FixMark
from bot.domain.tracking import resolve_carrier
from bot.services.amazon.client import (
    AppCredentialsRejected,
    AuthorizationRevoked,
    ShipmentConfirmation,
    SpApiClient,
    SpApiRequestError,
    SpApiUnavailable,
)
from bot.services.amazon.fix_records import FixRecord, FixRecords, FixState
from bot.services.amazon.repository import AmazonRepository, StoredPackage
from bot.services.amazon.sync import ClientFactory
from bot.services.amazon.vault import CredentialVault, VaultKeyMismatch
from bot.services.store.backend import stored_time

STEP_MINUTES = 30
"""A proposed change waits this long for "confirm"; a later press starts again."""
AMAZON_LABELS = frozenset({"FBM_SHIP_PLUS", "AMAZON_EASY_SHIP", "DELIVERY_BY_AMAZON"})
"""Order programs whose labels Amazon made: their tracking is not edited this way."""
Refusal = Literal["read_only", "not_connected", "not_private", "reconnect", "not_editable"]


@dataclass(frozen=True, slots=True)
class Fixable:
    """One defective package the seller may fix from the chat: the narrow interface the
    connected-store report plugs into (everything `confirmShipment` needs is in `package`)."""

    package: StoredPackage
    ship_date: date | None
    carrier_id: str | None
    problem: DefectReason
    owner: str | None
    """The carrier the number belongs to, when it is only the carrier that is wrong."""
    in_plan: bool = False
    """One of the last report's fewest fixes to get above the bar."""


@dataclass(frozen=True, slots=True)
class Change:
    """An exact change to send: the package, old and new carrier and number."""

    token: str
    order_id: str
    package_id: str
    old_carrier: str
    old_tracking: str
    new_carrier: str
    """A registry carrier id."""
    new_tracking: str


@dataclass(frozen=True, slots=True)
class Sent:
    """What became of a confirmed change."""

    state: FixState | Literal["already", "expired", "refused"]
    change: Change | None = None
    answer: str = ""
    refusal: Refusal | None = None


class FixService:
    """Fixable packages, proposed changes and their sends, for both adapters."""

    def __init__(
        self,
        records: FixRecords,
        repo: AmazonRepository,
        vault: CredentialVault | None,
        clients: ClientFactory | None,
        write_enabled: bool = True,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self.records = records
        self.repo = repo
        self.vault = vault
        self.clients = clients
        self.write_enabled = write_enabled
        self.clock = clock

    async def refusal(self, chat_id: int) -> Refusal | None:
        """Why this chat may not send fixes now, or None."""
        if not self.write_enabled or self.vault is None or self.clients is None:
            return "read_only"
        if chat_id <= 0:
            return "not_private"
        connection = await self.repo.connection(chat_id)
        if connection is None:
            return "not_connected"
        return "reconnect" if connection.state != "active" else None

    async def fixable(self, chat_id: int, by_plan: bool = True) -> list[Fixable]:
        """The chat's packages that count against VTR and can still be edited: those of
        the last report's fix plan first, then the others (a seller may still want them
        fixed), each part newest first as the plan takes them. `by_plan` False: newest
        first only, without reading the stored report (finding one package needs no order)."""
        packages = [p for p in await self.records.packages(chat_id) if self._editable(p)]
        verdicts = await asyncio.to_thread(
            judge_packages, [(p.carrier, p.tracking) for p in packages]
        )
        planned = await self.records.planned(chat_id) if by_plan else set()
        found = [
            Fixable(p, _ship_date(p), v.carrier_id, v.problem, v.owner,
                    (p.order_id, normalized(p.tracking)) in planned if planned else False)
            for p, v in zip(packages, verdicts, strict=True)
            if v.problem is not None
        ]  # fmt: skip
        found.sort(key=lambda f: (f.ship_date or date.min, f.package.order_id), reverse=True)
        return sorted(found, key=lambda f: not f.in_plan)

    def _editable(self, package: StoredPackage) -> bool:
        shipped = _ship_date(package)
        today = self.clock().date()
        in_window = shipped is not None and shipped > today - timedelta(days=WINDOW_DAYS)
        return in_window and bool(package.items) and not AMAZON_LABELS & set(package.programs)

    async def _fixable_package(
        self, chat_id: int, order_id: str, package_id: str
    ) -> Fixable | None:
        """The chat's package with these IDs, if it is still fixable."""
        fixable = await self.fixable(chat_id, by_plan=False)
        wanted = (order_id, package_id)
        return next(
            (f for f in fixable if (f.package.order_id, f.package.package_id) == wanted), None
        )

    async def start(self, chat_id: int, order_id: str, package_id: str) -> Change | Fixable | None:
        """Begin fixing one package: a Change to confirm when the bot knows the fix (the
        number is another carrier's), else the Fixable whose number the seller must type.
        None: not one of the chat's fixable packages (sold, delivered, or forged)."""
        target = await self._fixable_package(chat_id, order_id, package_id)
        if target is None:
            return None
        if target.owner is not None:
            return await self._propose(
                chat_id, target.package, target.owner, target.package.tracking
            )
        await self._save(chat_id, _token(), {"stage": "number", "order_id": order_id,
                                              "package_id": package_id})  # fmt: skip
        return target

    async def awaiting_number(self, chat_id: int) -> bool:
        """The chat's next text is the right number for a package (asked by `start`)."""
        step = await self.records.step(chat_id, self._now())
        return step is not None and step[1].get("stage") == "number"

    async def offer(self, chat_id: int, text: str) -> Change | tuple[Fixable, str] | None:
        """The seller's number (maybe with a carrier: "UPS 1Z…"), checked offline with the
        report's rules: a Change to confirm, or (the package, the problem found) to ask
        again. None when no number was asked for (or the package is no longer fixable)."""
        step = await self.records.step(chat_id, self._now())
        if step is None or step[1].get("stage") != "number":
            return None
        order_id, package_id = step[1]["order_id"], step[1]["package_id"]
        target = await self._fixable_package(chat_id, order_id, package_id)
        if target is None:
            await self.records.drop_step(chat_id)
            return None
        carrier_id, number = _carrier_and_number(text, target.carrier_id)
        check = await asyncio.to_thread(check_fix, carrier_id, number)
        if not check.sendable or check.carrier_id is None:
            return target, check.problem or "unknown_carrier"
        if (
            check.tracking == normalized(target.package.tracking)
            and check.carrier_id == target.carrier_id
        ):
            return target, "unchanged"
        return await self._propose(chat_id, target.package, check.carrier_id, check.tracking)

    async def _propose(
        self, chat_id: int, package: StoredPackage, carrier_id: str, number: str
    ) -> Change:
        change = _change(_token(), package, carrier_id, number)
        await self._save(chat_id, change.token, {"stage": "confirm", "change": asdict(change)})
        return change

    async def pending_changes(self, chat_id: int, token: str) -> list[Change]:
        """The change (or the batch) waiting for "confirm" under `token`, unless it
        expired, was cancelled or went."""
        step = await self.records.step(chat_id, self._now())
        if step is None or step[0] != token:
            return []
        if step[1].get("stage") == "confirm":
            return [Change(**step[1]["change"])]
        if step[1].get("stage") == "batch":
            return [Change(**change) for change in step[1]["changes"]]
        return []

    async def cancel(self, chat_id: int) -> bool:
        return await self.records.drop_step(chat_id)

    async def confirm(self, chat_id: int, token: str, user_id: int | None) -> list[Sent]:
        """Send the change (or each change of the batch) `token` names, once each. One
        recorded already (sent, being sent, refused, or left by a crash) is answered from
        its record, never resent: its key is in the store before its call is made."""
        recorded = await self.records.fix(chat_id, token) or await self.records.fix(
            chat_id, f"{token}.0"
        )
        if recorded is not None:
            return [Sent("already", _change_of(recorded), recorded.answer or "")]
        changes = await self.pending_changes(chat_id, token)
        if not changes:
            return [Sent("expired")]
        if refusal := await self.refusal(chat_id):
            return [Sent("refused", changes[0], refusal=refusal)]
        await self.records.drop_step(chat_id, token)
        async with self._client(chat_id) as client:
            return [await self._send_one(chat_id, client, change, user_id) for change in changes]

    async def _send_one(
        self, chat_id: int, client: SpApiClient | None, change: Change, user_id: int | None
    ) -> Sent:
        """Claim the change, call Amazon, record its answer (see `FixRecords.claim`)."""
        package = await self.records.package(chat_id, change.order_id, change.package_id)
        moving = package is not None and package.status in ("IN_TRANSIT", "SHIPPED")
        if package is None or not moving or not self._editable(package):
            return Sent("refused", change, refusal="not_editable")
        if not await self.records.claim(chat_id, self._record(change, user_id)):
            recorded = await self.records.fix(chat_id, change.token)
            return Sent("already", change, (recorded.answer or "") if recorded else "")
        state: FixState = "failed"
        answer = "key_changed"
        if client is not None:
            state, answer = await self._call(chat_id, client, package, change)
        await self.records.settle(chat_id, change.token, state, answer)
        return Sent(state, change, answer)

    def _record(self, change: Change, user_id: int | None) -> FixRecord:
        carrier = amazon_carrier(change.new_carrier)
        now = self._now()
        return FixRecord(
            change.token, change.order_id, change.package_id, change.old_carrier,
            change.old_tracking, change.new_carrier, carrier.code, carrier.name,
            change.new_tracking, user_id, "pending", None, now, now,
        )  # fmt: skip

    @asynccontextmanager
    async def _client(self, chat_id: int) -> AsyncIterator[SpApiClient | None]:
        """One client for every send of a confirm (its pacing spans the batch); None when
        the operator's key no longer opens the stored token."""
        connection = await self.repo.connection(chat_id)
        assert connection is not None and self.vault is not None and self.clients is not None
        try:
            token = self.vault.open(connection.sealed_token)
        except VaultKeyMismatch:
            await self.repo.mark_needs_reconnect(chat_id)
            yield None
            return
        async with self.clients(connection.region, token) as client:
            # A person is waiting: a few quick tries, not the sync's minutes of backoff.
            client.retry = replace(client.retry, attempts=4, max_delay_s=10.0)
            yield client

    async def _call(
        self, chat_id: int, client: SpApiClient, package: StoredPackage, change: Change
    ) -> tuple[FixState, str]:
        """One confirmShipment call for the change: (state, Amazon's answer)."""
        try:
            await client.confirm_shipment(_confirmation(package, change))
        except AuthorizationRevoked:
            await self.repo.mark_needs_reconnect(chat_id)
            return "failed", "revoked"
        except AppCredentialsRejected:
            return "failed", "app_rejected"
        except SpApiUnavailable:
            return "unconfirmed", "unavailable"
        except SpApiRequestError as error:
            return "failed", str(error)
        return "sent", "204"

    async def batch(
        self, chat_id: int, filled: Sequence[FilledRow]
    ) -> tuple[str | None, list[Change], list[tuple[FilledRow, str]]]:
        """A defect file sent back filled in, every row checked as a typed number is: (the
        token of the batch to confirm, or None when no row is ready; the ready changes; each
        refused row with its reason: a DefectReason, "not_fixable", "unchanged",
        "duplicate": listed twice, or its fix is already sent). A row names its package by
        order and the number it had."""
        by_order: dict[str, list[Fixable]] = {}
        for fixable in await self.fixable(chat_id, by_plan=False):
            by_order.setdefault(fixable.package.order_id, []).append(fixable)
        token = _token()
        ready: list[Change] = []
        refused: list[tuple[FilledRow, str]] = []
        seen: set[tuple[str, str]] = set(await self.records.in_flight(chat_id))
        for row in filled:
            target = await asyncio.to_thread(_row_target, by_order.get(row.order_id, []), row)
            key = (target.package.order_id, target.package.package_id) if target else ("", "")
            judged = "duplicate" if key in seen else await asyncio.to_thread(_judge, target, row)
            if target is not None:
                seen.add(key)
            if isinstance(judged, str):
                refused.append((row, judged))
                continue
            assert target is not None
            ready.append(_change(f"{token}.{len(ready)}", target.package, *judged))
        if not ready:
            return None, [], refused
        await self._save(chat_id, token, {"stage": "batch", "changes": [asdict(c) for c in ready]})
        return token, ready, refused

    async def marks(self, chat_id: int) -> dict[MarkKey, FixMark]:
        return await self.records.marks(chat_id)

    async def history(self, chat_id: int) -> list[FixRecord]:
        return await self.records.fixes(chat_id)

    async def in_flight(self, chat_id: int) -> dict[tuple[str, str], FixRecord]:
        return await self.records.in_flight(chat_id)

    async def _save(self, chat_id: int, token: str, step: dict[str, object]) -> None:
        expires = self.clock() + timedelta(minutes=STEP_MINUTES)
        await self.records.save_step(chat_id, token, step, stored_time(expires))

    def _now(self) -> str:
        return stored_time(self.clock())


def _change(token: str, package: StoredPackage, carrier_id: str, number: str) -> Change:
    return Change(
        token, package.order_id, package.package_id, package.carrier, package.tracking,
        carrier_id, normalized(number),
    )  # fmt: skip


def _row_target(candidates: Sequence[Fixable], row: FilledRow) -> Fixable | None:
    """The order's fixable package a row names: the only one, or the one holding the
    row's old number (an order shipped in several packages)."""
    if len(candidates) == 1:
        return candidates[0]
    number = normalized(row.tracking)
    same = [f for f in candidates if normalized(f.package.tracking) == number]
    return same[0] if len(same) == 1 else None


def _judge(target: Fixable | None, row: FilledRow) -> tuple[str, str] | str:
    """A filled row's (carrier id, number) to send, or why it is refused."""
    if target is None:
        return "not_fixable"
    carrier_id = target.carrier_id
    if row.new_carrier:
        carrier_id = resolve_carrier(row.new_carrier)
        if carrier_id is None:
            return "unknown_carrier"
    check = check_fix(carrier_id, row.new_tracking or target.package.tracking)
    if not check.sendable or check.carrier_id is None:
        return check.problem or "unknown_carrier"
    unchanged = check.tracking == normalized(target.package.tracking)
    if unchanged and check.carrier_id == target.carrier_id:
        return "unchanged"
    return check.carrier_id, check.tracking


def _confirmation(package: StoredPackage, change: Change) -> ShipmentConfirmation:
    carrier = amazon_carrier(change.new_carrier)
    return ShipmentConfirmation(
        order_id=package.order_id, marketplace_id=package.marketplace_id,
        package_reference_id=package.package_id, carrier_code=carrier.code,
        carrier_name=carrier.name, tracking=change.new_tracking,
        ship_date=datetime.fromisoformat(package.ship_time.replace("Z", "+00:00")),
        items=tuple((item.order_item_id, item.quantity) for item in package.items),
    )  # fmt: skip


def _change_of(fix: FixRecord) -> Change:
    return Change(
        fix.change_key, fix.order_id, fix.package_id, fix.old_carrier, fix.old_tracking,
        fix.new_carrier, fix.new_tracking,
    )  # fmt: skip


def _carrier_and_number(text: str, current: str | None) -> tuple[str | None, str]:
    """ "UPS 1Z…" → (ups, 1Z…); a bare number keeps the package's carrier (check_fix then
    moves it to the carrier the number plainly belongs to)."""
    words = text.split()
    if len(words) > 1:
        named = resolve_carrier(" ".join(words[:-1]))
        if named is not None:
            return named, words[-1]
    return current, "".join(words)


def _ship_date(package: StoredPackage) -> date | None:
    try:
        return datetime.fromisoformat(package.ship_time.replace("Z", "+00:00")).date()
    except ValueError:
        return None


def _token() -> str:
    return secrets.token_hex(8)
