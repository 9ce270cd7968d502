"""The Amazon part of the alert: official VTR beside the bot's, why they differ, what
triggers, and what the seller is told after a failed sync."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, date, datetime

import pytest

from bot.domain.amazon_alerts import decide_official
from bot.domain.amazon_orders import SyncedPackage
from bot.domain.models import ShipmentRecord
from bot.services.amazon.alert_part import amazon_alert_part
from bot.services.amazon.repository import AmazonRepository, PerformanceSnapshot, SyncState
from bot.services.amazon.text import editable_note, sync_notice
from bot.services.i18n import translator
from bot.services.store import Store
from tests.amazon.conftest import UK, US

TODAY = date(2026, 11, 30)
CHAT = 5


def snap(market: str, day: date, valid: int, shipments: int, status: str) -> PerformanceSnapshot:
    return PerformanceSnapshot(
        market, day, shipments, valid, status, round(valid / shipments, 4),
        "2026-10-18", "2026-11-16", "NORMAL",
    )  # fmt: skip


def test_status_turning_bad_and_a_falling_rate_trigger():
    yesterday = [
        snap(US, date(2026, 11, 29), 390, 400, "GOOD"),
        snap(UK, date(2026, 11, 29), 99, 100, "GOOD"),
    ]
    today = [snap(US, TODAY, 376, 400, "BAD"), snap(UK, TODAY, 98, 100, "GOOD")]
    decision = decide_official(today, yesterday)
    assert decision.triggers == ("official_bad", "official_dropped")
    assert decision.turned_bad == (US,)
    # US 97.5% → 94.0% and UK 99% → 98%: both a point or more.
    assert [(d.marketplace_id, d.previous, d.current) for d in decision.dropped] == [
        (US, 0.975, 0.94), (UK, 0.99, 0.98),
    ]  # fmt: skip


def test_staying_bad_or_moving_less_than_a_point_is_quiet():
    yesterday = [snap(US, date(2026, 11, 29), 376, 400, "BAD")]
    today = [snap(US, TODAY, 375, 400, "BAD")]  # 94.0% → 93.75%
    assert decide_official(today, yesterday).triggers == ()
    assert decide_official([snap(US, TODAY, 399, 400, "GOOD")], []).triggers == ()


def test_sync_notices_say_what_to_do():
    t = translator("en")
    assert "Send /connect" in sync_notice("revoked", None, None, t)
    text = sync_notice("unavailable", datetime(2026, 11, 29, 6, 0, tzinfo=UTC), None, t)
    assert "last good sync, 2026-11-29 06:00 UTC" in text
    assert "(FATAL)" in sync_notice("ok", None, "FATAL", t)
    assert sync_notice("ok", None, None, t) == ""


def test_editable_note_counts_undelivered_and_delivered_defects():
    t = translator("en")
    statuses = {"A": "IN_TRANSIT", "B": "DELIVERED", "C": "SHIPPED"}
    text = editable_note(["A", "B", "C", "A", "not-synced"], statuses, t)
    assert text.splitlines() == [
        "2 orders with a defect are not delivered yet: fix their tracking now (Manage Orders → Edit shipment).",
        "1 order with a defect is already delivered: its tracking can no longer be changed, so it counts until it leaves the window.",
    ]


@pytest.fixture
async def repo(tmp_path) -> AsyncIterator[AmazonRepository]:
    async with Store(tmp_path / "vtrbot.sqlite3") as store:
        yield AmazonRepository(store)


async def test_the_alert_part_names_the_official_rate_and_why_it_differs(repo):
    from bot.domain.shipments import ShipmentTable
    from bot.domain.vtr import compute_report

    await repo.connect(CHAT, "NA", [US], b"sealed")
    await repo.save_snapshot(CHAT, snap(US, date(2026, 11, 29), 390, 400, "GOOD"), {})
    await repo.save_snapshot(CHAT, snap(US, TODAY, 376, 400, "BAD"), {})
    records = [
        ShipmentRecord(order_id=f"O{n}", ship_date=TODAY, carrier="UPS", tracking="",
                       category="Toys", marketplace="US")
        for n in range(3)
    ]  # fmt: skip
    await repo.save_packages(CHAT, [
        SyncedPackage(records[0], "P1", "DELIVERED"), SyncedPackage(records[1], "P1", "IN_TRANSIT"),
    ])  # fmt: skip
    report = compute_report(ShipmentTable.from_records(records), TODAY)
    await repo.save_sync_state(CHAT, SyncState(last_problem="report_CANCELLED"))
    part = await amazon_alert_part(repo, CHAT, report, TODAY, translator("en"), html=True)
    assert part.triggers == ("official_bad", "official_dropped")
    lines = part.text.splitlines()
    assert lines[0] == "<b>Amazon's official VTR (Account Health):</b>"
    assert lines[1] == (
        "• US: 94.0% (376 of 400 shipments), at risk; Amazon's window 2026-10-18 to 2026-11-16"
    )
    assert "Amazon now rates US as at risk" in part.text
    assert "fell from 97.5% to 94.0%" in part.text
    assert "promised delivery date" in part.text and "two weeks late" in part.text
    assert "1 order with a defect is not delivered yet" in part.text
    assert "(CANCELLED); I will ask again tomorrow" in part.text


async def test_a_chat_never_connected_gets_nothing(repo):
    from bot.domain.shipments import ShipmentTable
    from bot.domain.vtr import compute_report

    report = compute_report(ShipmentTable.from_records([]), TODAY)
    part = await amazon_alert_part(repo, CHAT, report, TODAY, translator("zh"))
    assert (part.text, part.triggers) == ("", ())


async def test_chinese_text_is_translated(repo):
    from bot.domain.shipments import ShipmentTable
    from bot.domain.vtr import compute_report

    await repo.connect(CHAT, "NA", [US], b"sealed")
    await repo.save_snapshot(CHAT, snap(US, TODAY, 376, 400, "BAD"), {})
    report = compute_report(ShipmentTable.from_records([]), TODAY)
    part = await amazon_alert_part(repo, CHAT, report, TODAY, translator("zh"))
    assert "Amazon's official VTR" not in part.text and "亚马逊" in part.text
