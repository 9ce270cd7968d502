"""End to end: `vtrbot run`'s Application against the fake Bot API and the fake SP-API.
A seller connects in Telegram (the token message is deleted), the sync job fills the store
by itself, and the daily alert, with no upload, names the failing category."""

from __future__ import annotations

import asyncio
import io
import time
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import pytest

from bot.adapters.telegram.jobs import daily_alert
from bot.domain.knowledge import KnowledgeBase
from bot.settings import Settings
from tests.amazon.fake_spapi import (
    CLIENT_ID,
    CLIENT_SECRET,
    REFRESH_TOKEN,
    FakeOrder,
    FakePackage,
    FakeSpApi,
    FakeVtr,
)
from tests.bot.fake_bot_api import FakeBotApi
from tests.bot.harness import started
from tests.stored import stored_count

US = "ATVPDKIKX0DER"
SELLER = 6060
MORNING = datetime(2026, 11, 30, 1, 30, tzinfo=UTC)  # 09:30 in Shanghai
UPS_OK = "1Z5R89390357567127"
LOADED = 90.0
"""Seconds to wait for the 441-order store's backfill, report and alert on a loaded box."""


def order(number: int, days_ago: int, tracking: str) -> FakeOrder:
    shipped = MORNING - timedelta(days=days_ago)
    return FakeOrder(
        f"112-{number:07d}-0000001", US, "Amazon.com", shipped - timedelta(hours=5),
        shipped + timedelta(hours=1), packages=[FakePackage("UPS", tracking, shipped)],
    )  # fmt: skip


@pytest.fixture
async def bot_api() -> AsyncIterator[FakeBotApi]:
    server = FakeBotApi()
    await server.start()
    yield server
    await server.stop()


@pytest.fixture
async def app(tmp_path, bot_api: FakeBotApi, spapi: FakeSpApi, secret_key: str):
    from bot.adapters.telegram.app import build_application

    settings = Settings(
        _env_file=None,  # type: ignore[call-arg]
        TELEGRAM_BOT_TOKEN=bot_api.token,
        TELEGRAM_BASE_URL=bot_api.base_url,
        TELEGRAM_BASE_FILE_URL=bot_api.base_file_url,
        VTRBOT_DATA_DIR=tmp_path / "data",
        VTRBOT_DEFAULT_LANG="en",
        VTRBOT_SPAPI_CLIENT_ID=CLIENT_ID,
        VTRBOT_SPAPI_CLIENT_SECRET=CLIENT_SECRET,
        VTRBOT_SECRET_KEY=secret_key,
        VTRBOT_LWA_TOKEN_URL=spapi.lwa_url,
        VTRBOT_SPAPI_ENDPOINT=spapi.endpoint,
        VTRBOT_SPAPI_SYNC_MINUTES=0.01,
    )
    spapi.polls_before_done = 0
    # The morning, moving on in real time: a round comes an interval after the last only
    # if the clock says so (a frozen clock would find every chat "just attempted").
    begun = time.monotonic()
    application = build_application(
        settings,
        KnowledgeBase.load(),
        clock=lambda: MORNING + timedelta(seconds=time.monotonic() - begun),
    )
    async with started(application) as running:
        yield running


async def reply_to(bot_api: FakeBotApi, text: str) -> str:
    before = len(bot_api.sent("sendMessage", SELLER))
    bot_api.user_sends(SELLER, text, lang="en")
    *_, reply = await bot_api.wait_for("sendMessage", chat_id=SELLER, count=before + 1)
    return reply.text


async def eventually(check, timeout: float = 15.0) -> None:  # type: ignore[no-untyped-def]
    async with asyncio.timeout(timeout):
        while not await check():
            await asyncio.sleep(0.05)


async def test_connect_sync_and_a_daily_alert_without_any_upload(app, bot_api, spapi):
    spapi.orders = [order(n, n, "" if n in (3, 7) else UPS_OK) for n in range(1, 11)]
    spapi.vtr[US] = FakeVtr(shipments=400, valid=376, status="BAD")
    services = app.bot_data.services
    assert "Which region" in await reply_to(bot_api, "/connect")
    assert "Which marketplaces" in await reply_to(bot_api, "NA")
    assert "refresh token" in await reply_to(bot_api, "US")
    connected = await reply_to(bot_api, REFRESH_TOKEN)
    token_message = bot_api._last_message["message_id"]
    assert connected.startswith("Connected: US.")
    [deleted] = bot_api.sent("deleteMessage", SELLER)
    assert int(deleted.params["message_id"]) == token_message
    assert all(REFRESH_TOKEN not in call.text for call in bot_api.sent("sendMessage"))

    async def backfilled() -> bool:
        return await stored_count(services.store, SELLER) == 10

    await eventually(backfilled)
    # The repeating job keeps syncing by itself: an order Amazon updates later arrives.
    later = order(11, 0, UPS_OK)
    later.updated = MORNING + timedelta(minutes=5)
    spapi.orders.append(later)

    async def synced_again() -> bool:
        return await stored_count(services.store, SELLER) == 11

    await eventually(synced_again)
    (snapshot,) = await services.amazon.repo.snapshots(SELLER)
    assert (snapshot.valid_tracking_count, snapshot.status) == (376, "BAD")

    assert "09:00" in await reply_to(bot_api, "/subscribe 09:00 Asia/Shanghai")
    before = len(bot_api.sent("sendMessage", SELLER))
    app.job_queue.run_once(daily_alert, when=0, data=SELLER, chat_id=SELLER)
    *_, alert = await bot_api.wait_for("sendMessage", chat_id=SELLER, count=before + 1)
    # 9 of 11 synced packages carry tracking: 81.8%, below the bar, in "Uncategorized".
    assert "Uncategorized" in alert.text and "81.8%" in alert.text
    # Beside it, Amazon's own figure for the marketplace: 376 of 400 = 94.0%, status BAD.
    sent = "\n".join(call.text for call in bot_api.sent("sendMessage", SELLER)[before:])
    assert "US" in sent and "94.0%" in sent, sent
    # /chart draws Amazon's daily figure beside the bot's lines, from the snapshots.
    photos = len(bot_api.sent("sendPhoto", SELLER))
    bot_api.user_sends(SELLER, "/chart", lang="en")
    [*_, chart] = await bot_api.wait_for("sendPhoto", chat_id=SELLER, count=photos + 1)
    assert chart.files["photo"][1].startswith(b"\x89PNG")


async def test_a_revoked_store_is_told_to_reconnect_by_the_sync_job(app, bot_api, spapi):
    spapi.orders = [order(1, 1, UPS_OK)]
    await reply_to(bot_api, "/connect NA US")
    await reply_to(bot_api, REFRESH_TOKEN)
    services = app.bot_data.services

    async def backfilled() -> bool:
        return await stored_count(services.store, SELLER) == 1

    await eventually(backfilled)
    before = len(bot_api.sent("sendMessage", SELLER))
    spapi.revoke()
    *_, told = await bot_api.wait_for("sendMessage", chat_id=SELLER, count=before + 1)
    assert "syncing is paused" in told.text and "/connect" in told.text
    connection = await services.amazon.repo.connection(SELLER)
    assert connection is not None and connection.state == "needs_reconnect"


async def test_a_token_in_a_command_or_outside_connect_is_deleted(app, bot_api, spapi):
    """Issue 25, finding 4: `/connect NA US Atzr|…` in one message was neither deleted nor
    kept out of the reply; a token sent outside /connect stayed in the chat."""
    await reply_to(bot_api, f"my token is {REFRESH_TOKEN}")
    stray = bot_api._last_message["message_id"]
    connected = await reply_to(bot_api, f"/connect NA US {REFRESH_TOKEN}")
    command = bot_api._last_message["message_id"]
    assert connected.startswith("Connected: US.")
    deleted = {int(call.params["message_id"]) for call in bot_api.sent("deleteMessage", SELLER)}
    assert deleted == {stray, command}
    tail = REFRESH_TOKEN[5:].upper()
    assert all(tail not in call.text.upper() for call in bot_api.sent("sendMessage"))
    await app.bot_data.services.core.connect.wait_background()


async def test_a_connected_store_gets_the_same_report_as_an_upload(app, bot_api, spapi):
    """The store of issue 23 (tests/amazon/test_sync_categories.py: Toys & Games 124 of 140 =
    88.6%, 10 fixes; two categories above 95%), from the sync alone: /vtr, its defect file,
    the alert and /chart name the failing category with its figures."""
    from python_calamine import CalamineWorkbook

    from tests.amazon.test_sync_categories import stock_catalog, toy_store

    spapi.orders = toy_store()
    stock_catalog(spapi)
    services = app.bot_data.services
    await reply_to(bot_api, "/connect NA US")
    assert (await reply_to(bot_api, REFRESH_TOKEN)).startswith("Connected: US.")

    async def reported() -> bool:
        return await services.store.last_report(SELLER) is not None

    await eventually(reported, timeout=LOADED)
    # Each ASIN asked once; on a loaded machine the pacing the client keeps can reach the
    # fake's bucket compressed, so a lookup may be throttled and asked again (the unit tests
    # of test_sync_categories.py hold the exact count): never more than that.
    assert spapi.catalog_lookups() == 3 + spapi.catalog_throttled
    assert all(
        spapi.catalog_lookups(asin) >= 1 for asin in ("B0TOYS0001", "B0HOME0001", "B0GARD0001")
    )
    documents = len(bot_api.sent("sendDocument", SELLER))
    before = len(bot_api.sent("sendMessage", SELLER))
    bot_api.user_sends(SELLER, "/vtr", lang="en")
    *_, vtr = await bot_api.wait_for("sendMessage", SELLER, count=before + 1, timeout=LOADED)
    report_text = vtr.text
    assert "Toys &amp; Games" in report_text and "88.6%" in report_text
    assert "124" in report_text and "140" in report_text
    assert "Categories from Amazon&#x27;s catalog" in report_text or (
        "Categories from Amazon's catalog" in report_text
    )
    [*_, sent] = await bot_api.wait_for(
        "sendDocument", chat_id=SELLER, count=documents + 1, timeout=LOADED
    )
    filename, data = sent.files["document"]
    assert filename.endswith(".xlsx")
    # Last, the way from the report to the fixes: the 21 defects still in transit (issue 28).
    *_, offer = await bot_api.wait_for("sendMessage", SELLER, count=before + 2, timeout=LOADED)
    assert "21 of these packages can be fixed from here" in offer.text
    assert [data for _, data in offer.buttons] == ["fix:list"]
    workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
    _, *rows = workbook.get_sheet_by_index(0).to_python()
    assert len(rows) == 26
    toys_in_plan = [r for r in rows if r[2] == "Toys & Games" and r[7]]
    assert len(toys_in_plan) == 10
    # Amazon's package status: 21 in transit (still editable: no date it leaves the window
    # is given), 5 delivered (too late: only the day it leaves the window).
    still_editable = [r for r in rows if r[10] == ""]
    assert len(still_editable) == 21

    assert "09:00" in await reply_to(bot_api, "/subscribe 09:00 Asia/Shanghai")
    before = len(bot_api.sent("sendMessage", SELLER))
    app.job_queue.run_once(daily_alert, when=0, data=SELLER, chat_id=SELLER)
    *_, alert = await bot_api.wait_for(
        "sendMessage", chat_id=SELLER, count=before + 1, timeout=LOADED
    )
    assert "Toys &amp; Games" in alert.text and "88.6%" in alert.text
    assert "Uncategorized" not in alert.text
    photos = len(bot_api.sent("sendPhoto", SELLER))
    bot_api.user_sends(SELLER, "/chart", lang="en")
    [*_, chart] = await bot_api.wait_for(
        "sendPhoto", chat_id=SELLER, count=photos + 1, timeout=LOADED
    )
    assert chart.files["photo"][1].startswith(b"\x89PNG")


async def last_buttons(bot_api: FakeBotApi, count: int) -> list[tuple[str, str]]:
    *_, reply = await bot_api.wait_for("sendMessage", chat_id=SELLER, count=count)
    return reply.buttons


async def press(bot_api: FakeBotApi, data: str) -> tuple[str, list[tuple[str, str]]]:
    before = len(bot_api.sent("sendMessage", SELLER))
    bot_api.user_presses(SELLER, data, lang="en")
    *_, reply = await bot_api.wait_for("sendMessage", chat_id=SELLER, count=before + 1)
    return reply.text, reply.buttons


async def connect_with_a_wrong_carrier_and_a_missing_number(bot_api, spapi):
    """The store has two fixable packages: a UPS number sent as USPS, and one with none."""
    wrong = order(1, 1, UPS_OK)
    wrong.packages[0].carrier = "USPS"
    missing = order(2, 2, "")
    spapi.orders = [wrong, missing]
    await reply_to(bot_api, "/connect NA US")
    await reply_to(bot_api, REFRESH_TOKEN)
    return wrong, missing


async def test_fixes_in_telegram_two_taps_and_a_photo_caption_each_sent_once(app, bot_api, spapi):
    wrong, missing = await connect_with_a_wrong_carrier_and_a_missing_number(bot_api, spapi)
    services = app.bot_data.services

    async def backfilled() -> bool:
        return len(await services.amazon.fixes.fixable(SELLER)) == 2

    await eventually(backfilled)
    listed = await reply_to(bot_api, "/fix")
    assert "looks like a UPS number" in listed and "no tracking number" in listed
    fix_buttons = dict(bot_api.sent("sendMessage", SELLER)[-1].buttons)
    # Two taps for the wrong carrier: fix, then confirm.
    proposal, choice = await press(bot_api, fix_buttons[f"Fix {wrong.order_id}"])
    assert "change the carrier to UPS?" in proposal and "USPS → UPS" in proposal
    assert spapi.confirmations == []
    confirm = dict(choice)["Confirm"]
    sent, _ = await press(bot_api, confirm)
    assert "Sent to Amazon" in sent
    assert "not sent twice" in (await press(bot_api, confirm))[0]
    # The missing number: asked, then given as a photo's caption.
    asked, _ = await press(bot_api, fix_buttons[f"Fix {missing.order_id}"])
    assert "Send me the right tracking number" in asked
    before = len(bot_api.sent("sendMessage", SELLER))
    bot_api.user_sends_photo(SELLER, f"UPS {UPS_OK}", lang="en")
    *_, shown = await bot_api.wait_for("sendMessage", chat_id=SELLER, count=before + 1)
    assert f"Tracking: – → {UPS_OK}" in shown.text
    assert "Sent to Amazon" in (await press(bot_api, dict(shown.buttons)["Confirm"]))[0]
    assert [order_id for order_id, _ in spapi.confirmations] == [wrong.order_id, missing.order_id]

    # The repeating sync sees both changes: /fixes says Amazon accepted them.
    async def settled() -> bool:
        fixes = await services.amazon.fixes.history(SELLER)
        return [fix.state for fix in fixes] == ["accepted", "accepted"]

    await eventually(settled)
    assert "No package to fix" in await reply_to(bot_api, "/fix")


async def test_the_defect_file_sent_back_in_telegram_is_one_batch_sent_after_one_confirm(
    tmp_path, app, bot_api, spapi
):
    """The seller types the new numbers into the defect file /vtr sent, sends it back as a
    document, sees the summary, presses Confirm once: both changes reach Amazon once, and
    the next sync shows them taken."""
    from tests.amazon.test_fix_flow import fill_defect_file

    wrong, missing = await connect_with_a_wrong_carrier_and_a_missing_number(bot_api, spapi)
    services = app.bot_data.services

    async def reported() -> bool:
        return await services.store.last_report(SELLER) is not None

    await eventually(reported, timeout=LOADED)
    documents = len(bot_api.sent("sendDocument", SELLER))
    bot_api.user_sends(SELLER, "/vtr", lang="en")
    *_, sent = await bot_api.wait_for("sendDocument", SELLER, count=documents + 1, timeout=LOADED)
    filled = fill_defect_file(sent.files["document"][1], tmp_path / "filled.xlsx", {
        wrong.order_id: ("UPS", ""), missing.order_id: ("UPS", UPS_OK),
    })  # fmt: skip
    before = len(bot_api.sent("sendMessage", SELLER))
    bot_api.user_sends_document(SELLER, filled, "vtr-defects.xlsx", lang="en")

    async def summarised() -> bool:
        return any("ready to send" in c.params.get("text", "") for c in bot_api.sent(
            "sendMessage", SELLER)[before:])  # fmt: skip

    await eventually(summarised, timeout=LOADED)
    summary = next(c for c in bot_api.sent("sendMessage", SELLER)[before:]
                   if "ready to send" in c.params.get("text", ""))  # fmt: skip
    assert "2 ready to send, 0 refused" in summary.text and spapi.confirmations == []
    done, _ = await press(bot_api, dict(summary.buttons)["Confirm 2"])
    assert "2 sent to Amazon" in done
    assert sorted(order_id for order_id, _ in spapi.confirmations) == sorted(
        [wrong.order_id, missing.order_id]
    )

    async def settled() -> bool:
        fixes = await services.amazon.fixes.history(SELLER)
        return [fix.state for fix in fixes] == ["accepted", "accepted"]

    await eventually(settled, timeout=LOADED)
