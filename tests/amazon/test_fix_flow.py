"""Fixing a connected store's package from the chat, through the core (as `vtrbot chat` and
Telegram call it), against the fake SP-API: propose, confirm, send once, see it on the next
sync; Amazon's refusals, throttling and outages; a crash between send and record; forged
buttons and other chats."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import timedelta

import pytest
from pydantic import SecretStr

from bot.bootstrap import Services, build_services, opened
from bot.services import buttons
from bot.services.replies import ChatRef, Reply
from tests.amazon.conftest import NOW, US, us_order
from tests.amazon.fake_spapi import REFRESH_TOKEN, FakeSpApi
from tests.amazon.test_connect_conversation import amazon_settings

SELLER = ChatRef(31337, "en", user_id=31337)
OTHER = ChatRef(4242, "en", user_id=4242)
UPS_NUMBER = "1Z5R89390357567127"  # UPS mod-10, check digit 7 (by hand)
UPS_OTHER = "1Z999AA10123456784"  # UPS's own published example number


@pytest.fixture(scope="module")
def kb():
    from bot.domain.knowledge import KnowledgeBase

    return KnowledgeBase.load()


async def services_for(tmp_path, spapi, secret_key, kb, **extra) -> Services:
    settings = amazon_settings(tmp_path, spapi, secret_key).model_copy(update=extra)
    return build_services(settings, kb=kb, clock=lambda: NOW)


@pytest.fixture
async def services(tmp_path, spapi, secret_key, kb) -> AsyncIterator[Services]:
    spapi.polls_before_done = 0
    spapi.now = lambda: NOW  # an applied change updates its order "now"
    async with opened(await services_for(tmp_path, spapi, secret_key, kb)) as s:
        yield s


async def connect_and_sync(services: Services, chat: ChatRef = SELLER) -> None:
    result = await services.amazon.connect(chat.chat_id, "NA", ["US"], SecretStr(REFRESH_TOKEN))
    assert result.status == "connected"
    (outcome,) = await services.amazon.sync_now(chat.chat_id)
    assert outcome.status == "ok"


async def command(services: Services, text: str, chat: ChatRef = SELLER) -> list[Reply]:
    name, *args = text[1:].split()
    return await services.core.handle_command(chat, name, args)


async def press(services: Services, action: buttons.Action, chat: ChatRef = SELLER) -> str:
    replies = await services.core.handle_button(chat, buttons.encode(action))
    return text_of(replies)


def text_of(replies: list[Reply]) -> str:
    return "\n".join(reply.html for reply in replies)


def pressable(replies: list[Reply], kind: type) -> list[buttons.Action]:
    actions = [buttons.decode(b.data) for r in replies for row in r.buttons for b in row]
    return [a for a in actions if isinstance(a, kind)]


def wrong_carrier_order(spapi: FakeSpApi):
    """A UPS number entered as USPS, shipped two days before NOW, still in transit."""
    order = us_order(1, days_ago=2, tracking=UPS_NUMBER)
    order.packages[0].carrier = "USPS"
    spapi.orders = [order]
    return order


async def propose_the_only_fix(services: Services) -> buttons.FixConfirm:
    """/fix lists one package; pressing its button proposes the change: its Confirm."""
    (fix,) = pressable(await command(services, "/fix"), buttons.FixPackage)
    replies = await services.core.handle_button(SELLER, buttons.encode(fix))
    (confirm,) = pressable(replies, buttons.FixConfirm)
    assert isinstance(confirm, buttons.FixConfirm)
    return confirm


async def test_a_wrong_carrier_is_fixed_with_two_taps_sent_once_and_seen_by_the_sync(
    services, spapi
):
    order = wrong_carrier_order(spapi)
    await connect_and_sync(services)
    report = await command(services, "/vtr")
    (to_list,) = pressable(report, buttons.FixList)
    assert "1 of these packages can be fixed from here" in text_of(report)
    listed = await services.core.handle_button(SELLER, buttons.encode(to_list))
    assert "looks like a UPS number" in text_of(listed)
    (fix,) = pressable(listed, buttons.FixPackage)
    proposal = await services.core.handle_button(SELLER, buttons.encode(fix))
    shown = text_of(proposal)
    assert "change the carrier to UPS?" in shown
    assert f"Order {order.order_id}, package 1" in shown and "USPS → UPS" in shown
    assert spapi.confirmations == []  # nothing before "confirm"
    (confirm,) = pressable(proposal, buttons.FixConfirm)
    assert "Sent to Amazon" in await press(services, confirm)
    ((order_id, body),) = spapi.confirmations
    detail = body["packageDetail"]
    assert order_id == order.order_id and body["marketplaceId"] == order.marketplace_id
    assert (detail["carrierCode"], detail["trackingNumber"]) == ("UPS", UPS_NUMBER)
    assert detail["packageReferenceId"] == "1" and "carrierName" not in detail
    assert detail["orderItems"] == [{"orderItemId": order.item_id, "quantity": 1}]
    assert "not sent twice" in await press(services, confirm)
    assert "already sent to Amazon" in await press(services, fix)  # an old "Fix" button
    assert len(spapi.confirmations) == 1
    assert "fix sent" in text_of(await command(services, "/fix"))
    await services.amazon.sync_now(SELLER.chat_id)
    history = text_of(await command(services, "/fixes"))
    assert "USPS 1Z5R89390357567127 → UPS 1Z5R89390357567127" in history
    assert "accepted by Amazon" in history
    assert "No package to fix" in text_of(await command(services, "/fix"))


async def test_a_missing_number_is_typed_checked_offline_then_confirmed(services, spapi):
    order = us_order(1, days_ago=3, tracking="")
    spapi.orders = [order]
    await connect_and_sync(services)
    (fix,) = pressable(await command(services, "/fix"), buttons.FixPackage)
    assert "Send me the right tracking number" in await press(services, fix)
    wrong_digit = await services.core.handle_text(SELLER, UPS_OTHER[:-1] + "5")
    assert "wrong check digit" in text_of(wrong_digit) and not pressable(
        wrong_digit, buttons.FixConfirm
    )
    proposal = await services.core.handle_caption(SELLER, "ups " + UPS_OTHER.lower())
    assert f"Tracking: – → {UPS_OTHER}" in text_of(proposal)
    assert spapi.confirmations == []
    (confirm,) = pressable(proposal, buttons.FixConfirm)
    assert "Sent to Amazon" in await press(services, confirm)
    assert spapi.confirmations[0][1]["packageDetail"]["trackingNumber"] == UPS_OTHER
    # Afterwards, text is a question again.
    assert "right number" not in text_of(await services.core.handle_text(SELLER, "What is VTR?"))


async def test_amazons_refusal_is_shown_and_recorded_and_throttling_is_waited_out(services, spapi):
    wrong_carrier_order(spapi)
    await connect_and_sync(services)
    spapi.confirm_faults(400)
    confirm = await propose_the_only_fix(services)
    refused = await press(services, confirm)
    assert "Amazon refused this change as invalid" in refused and "(HTTP 400 Invalid" in refused
    assert "refused by Amazon" in text_of(await command(services, "/fixes"))
    assert "fix refused by Amazon: send it again" in text_of(await command(services, "/vtr"))
    spapi.confirm_faults(429, 503)
    confirm = await propose_the_only_fix(services)
    assert "Sent to Amazon" in await press(services, confirm)
    assert len(spapi.confirmations) == 1


async def test_amazon_down_is_unconfirmed_and_never_resent_by_itself(services, spapi):
    wrong_carrier_order(spapi)
    await connect_and_sync(services)
    spapi.confirm_faults(*[503] * 4)
    confirm = await propose_the_only_fix(services)
    assert "Amazon did not answer" in await press(services, confirm)
    calls = spapi.confirm_calls()
    await services.amazon.sync_now(SELLER.chat_id)
    assert "not sent twice" in await press(services, confirm)
    assert spapi.confirm_calls() == calls and spapi.confirmations == []
    assert "no answer from Amazon" in text_of(await command(services, "/fixes"))
    # Unconfirmed and not shown by the sync: /fix offers the package again, as it says.
    (again,) = pressable(await command(services, "/fix"), buttons.FixPackage)
    (confirm,) = pressable(
        await services.core.handle_button(SELLER, buttons.encode(again)), buttons.FixConfirm
    )
    assert "Sent to Amazon" in await press(services, confirm)
    assert len(spapi.confirmations) == 1


async def test_a_crash_between_send_and_record_is_not_sent_again_and_the_sync_settles_it(
    tmp_path, services, spapi, secret_key, kb
):
    wrong_carrier_order(spapi)
    await connect_and_sync(services)
    confirm = await propose_the_only_fix(services)
    spapi.hold_confirms()
    sending = asyncio.create_task(press(services, confirm))
    await spapi.confirm_applied.wait()  # Amazon took it; the bot has not recorded the answer
    sending.cancel()  # the process dies here
    with pytest.raises(asyncio.CancelledError):
        await sending
    spapi.release_confirms()
    # Another replica over the same store gets the second press.
    async with opened(await services_for(tmp_path, spapi, secret_key, kb)) as replica:
        assert "not sent twice" in await press(replica, confirm)
        assert len(spapi.confirmations) == 1 and spapi.confirm_calls() == 1
        await replica.amazon.sync_now(SELLER.chat_id)
        assert "accepted by Amazon" in text_of(await command(replica, "/fixes"))


async def test_forged_buttons_and_other_chats_cannot_fix(services, spapi):
    order = wrong_carrier_order(spapi)
    await connect_and_sync(services)
    no_longer = "This button no longer works"
    forged = buttons.FixPackage(order.order_id, "2")
    assert no_longer in await press(services, forged)
    assert no_longer in text_of(await services.core.handle_button(SELLER, "fix:ok:zzzz"))
    assert "expired" in await press(services, buttons.FixConfirm("0123456789abcdef"))
    (fix,) = pressable(await command(services, "/fix"), buttons.FixPackage)
    confirm = await propose_the_only_fix(services)
    # Another chat (not connected) pressing the same data, or asking to fix this package.
    assert "send /connect first" in await press(services, fix, OTHER)
    assert "expired" in await press(services, confirm, OTHER)
    assert "send /connect first" in text_of(await command(services, "/fix", OTHER))
    assert spapi.confirmations == []
    assert "Sent to Amazon" in await press(services, confirm)


async def test_ship_plus_and_delivered_packages_are_not_offered(services, spapi):
    ship_plus = us_order(1, days_ago=2, tracking="", programs=["FBM_SHIP_PLUS"])
    delivered = us_order(2, days_ago=2, tracking="", status="DELIVERED")
    spapi.orders = [ship_plus, delivered]
    await connect_and_sync(services)
    assert "No package to fix" in text_of(await command(services, "/fix"))
    assert "no longer works" in await press(services, buttons.FixPackage(ship_plus.order_id, "1"))


async def test_forget_removes_the_fix_records(services, spapi):
    wrong_carrier_order(spapi)
    await connect_and_sync(services)
    confirm = await propose_the_only_fix(services)
    await press(services, confirm)
    await press(services, buttons.Forget(confirmed=True))
    assert "No fix has been sent" in text_of(await command(services, "/fixes"))
    assert "send /connect first" in text_of(await command(services, "/fix"))


async def test_read_only_sends_nothing_and_connect_does_not_ask_for_the_write_role(
    tmp_path, spapi, secret_key, kb
):
    wrong_carrier_order(spapi)
    spapi.polls_before_done = 0
    built = await services_for(tmp_path, spapi, secret_key, kb, amazon_write=False)
    async with opened(built) as services:
        await connect_and_sync(services)
        assert "read-only" in text_of(await command(services, "/fix"))
        assert "read-only" in await press(
            services, buttons.FixPackage(spapi.orders[0].order_id, "1")
        )
        asked = text_of(await command(services, "/connect NA US"))
        assert "only reads" in asked and "Inventory and Order Tracking" not in asked
    assert spapi.confirm_calls() == 0


async def test_connect_asks_for_the_write_role_when_fixes_are_on(services):
    asked = text_of(await command(services, "/connect NA US"))
    assert "Inventory and Order Tracking" in asked


async def test_the_terminal_fixes_through_the_same_services(tmp_path, spapi, secret_key, kb):
    """`vtrbot chat` (chat 1): /fix, press the package, press Confirm, /fixes."""
    import io

    from bot.adapters.cli import chat

    order = wrong_carrier_order(spapi)
    order.order_id = "111-0000009-0000001"
    spapi.polls_before_done = 0
    settings = amazon_settings(tmp_path, spapi, secret_key).model_copy(
        update={"default_lang": "en"}
    )
    async with opened(build_services(settings, kb=kb)) as services:
        await connect_and_sync(services, ChatRef(chat.TERMINAL_CHAT_ID, "en"))
    stdout = io.StringIO()
    stdin = io.StringIO("/fix\n1\n1\n/fixes\n/quit\n")
    assert await chat._session(settings, tmp_path / "out", stdin, stdout) == 0
    text = stdout.getvalue()
    assert "looks like a UPS number" in text and "[1] Fix 111-0000009-0000001" in text
    assert "change the carrier to UPS?" in text and "Sent to Amazon" in text
    assert "sent, waiting for the next sync" in text
    assert len(spapi.confirmations) == 1


def defect_file(replies: list[Reply]) -> bytes:
    (document,) = [reply.document for reply in replies if reply.document]
    return document.data


def fill_defect_file(
    data: bytes, path, fills: dict[str, tuple[str, str]], extra: list[list[str]] = ()
) -> bytes:
    """The bot's defect file as a seller saves it after filling in the two new columns:
    every cell of the defects sheet as the bot wrote it, order ID → (new carrier, new
    tracking) typed into the last two columns, `extra` rows added at the end."""
    import xlsxwriter
    from python_calamine import CalamineWorkbook

    (path.parent / "bot.xlsx").write_bytes(data)
    book = CalamineWorkbook.from_path(str(path.parent / "bot.xlsx"))
    header, *rows = book.get_sheet_by_name(book.sheet_names[0]).to_python()
    with xlsxwriter.Workbook(str(path)) as out:
        sheet = out.add_worksheet(book.sheet_names[0])
        sheet.write_row(0, 0, [str(cell) for cell in header])
        for number, row in enumerate([*rows, *extra], start=1):
            cells = [str(cell) if cell != "" else "" for cell in row] + [""] * len(header)
            cells[-2:] = fills.get(cells[0], ("", ""))
            for column, value in enumerate(cells[: len(header) - 2]):
                sheet.write_string(number, column, value)
            sheet.write_string(number, len(header) - 2, cells[-2])
            sheet.write_string(number, len(header) - 1, cells[-1])
    return path.read_bytes()


async def test_the_defect_file_sent_back_filled_is_checked_row_by_row_and_sent_after_one_confirm(
    tmp_path, services, spapi, monkeypatch
):
    from bot.services.amazon import fix_conversation

    wrong = us_order(1, days_ago=1, tracking=UPS_NUMBER)
    wrong.packages[0].carrier = "USPS"
    missing = us_order(2, days_ago=2, tracking="")
    typo = us_order(3, days_ago=3, tracking="")
    spapi.orders = [wrong, missing, typo]
    await connect_and_sync(services)
    report = await command(services, "/vtr")
    assert "To fix many at once" in text_of(await command(services, "/fix"))
    unfilled = fill_defect_file(defect_file(report), tmp_path / "unfilled.xlsx", {})
    assert len(unfilled) > 0
    as_sent = await services.core.handle_file(SELLER, tmp_path / "unfilled.xlsx")
    assert "0 ready to send, 0 refused" in text_of(as_sent)  # recognised, not analysed
    fill_defect_file(defect_file(report), tmp_path / "filled.xlsx", {
        wrong.order_id: ("UPS", ""),
        missing.order_id: ("", UPS_OTHER),
        typo.order_id: ("UPS", UPS_OTHER[:-1] + "5"),
        "999-0000000-0000000": ("UPS", UPS_OTHER),
    }, extra=[["999-0000000-0000000"]])  # fmt: skip
    summary = await services.core.handle_file(SELLER, tmp_path / "filled.xlsx")
    shown = text_of(summary)
    assert "2 ready to send, 2 refused" in shown, shown
    # Rows as the file lists them (the oldest first): order 3, 2, 1, then the added row 5.
    assert f"Refused: row 2, order {typo.order_id}: wrong check digit" in shown
    assert "Refused: row 5, order 999-0000000-0000000: not a package" in shown
    assert "not checked" not in shown
    assert spapi.confirmations == []
    (confirm,) = pressable(summary, buttons.FixConfirm)
    done = await press(services, confirm)
    assert "2 sent to Amazon" in done
    assert sorted(order_id for order_id, _ in spapi.confirmations) == [
        wrong.order_id,
        missing.order_id,
    ]
    assert "not sent twice" in await press(services, confirm)
    assert len(spapi.confirmations) == 2
    # Past the size read back, a file named as the defect file is refused, not analysed.
    big = tmp_path / "vtr-defects-2026-11-28.xlsx"
    big.write_bytes((tmp_path / "filled.xlsx").read_bytes())
    monkeypatch.setattr(fix_conversation, "DEFECT_FILE_MAX_BYTES", 100)
    assert "too big for me to read back as fixes" in text_of(
        await services.core.handle_file(SELLER, big)
    )
    monkeypatch.undo()
    # The same file sent back again before the sync: nothing is ready, nothing is resent;
    # with room to check 3 filled rows, the 4th is counted, not dropped silently.
    monkeypatch.setattr(fix_conversation, "FIX_ROWS_CHECKED", 3)
    again = text_of(await services.core.handle_file(SELLER, tmp_path / "filled.xlsx"))
    assert "0 ready to send, 3 refused" in again
    assert "1 more filled row was not checked: send it again in another file." in again
    assert f"Refused: row 4, order {wrong.order_id}: listed twice, or its fix is already" in again
    assert len(spapi.confirmations) == 2
    await services.amazon.sync_now(SELLER.chat_id)
    assert text_of(await command(services, "/fixes")).count("accepted by Amazon") == 2


async def test_an_order_report_xlsx_still_goes_to_the_analysis(tmp_path, services, spapi):
    wrong_carrier_order(spapi)
    await connect_and_sync(services)
    import xlsxwriter

    path = tmp_path / "orders.xlsx"
    with xlsxwriter.Workbook(str(path)) as book:
        sheet = book.add_worksheet()
        sheet.write_row(0, 0, ["order-id", "ship-date", "carrier-code", "tracking-number"])
        sheet.write_row(1, 0, ["111-0000077-0000001", "2026-11-20", "UPS", UPS_OTHER])
    report = text_of(await services.core.handle_file(SELLER, path))
    assert "100.0%" in report or "100%" in report, report


def defect_rows(data: bytes, path) -> list[list[object]]:
    from python_calamine import CalamineWorkbook

    path.write_bytes(data)
    book = CalamineWorkbook.from_path(str(path))
    return book.get_sheet_by_name(book.sheet_names[0]).to_python()


async def test_a_sent_fix_is_marked_in_the_report_and_file_but_counted_only_once_accepted(
    tmp_path, services, spapi
):
    """19 valid packages and one UPS number entered as USPS: 19/20 = 95.0%, not above the
    bar; the plan is that one package. Sent, it is marked but still counted (95.0%, still
    in the plan); after the sync shows it, 20/20 and no plan."""
    wrong = wrong_carrier_order(spapi)
    spapi.orders += [us_order(number, days_ago=2 + number % 5) for number in range(2, 21)]
    await connect_and_sync(services)
    before = await command(services, "/vtr")
    assert "95.0%" in text_of(before) and "fix sent" not in text_of(before)
    header, row = defect_rows(defect_file(before), tmp_path / "before.xlsx")
    assert header[11:] == ["Fix from the chat", "New carrier", "New tracking number"]
    assert row[0] == wrong.order_id and row[11:] == ["", "", ""]
    confirm = await propose_the_only_fix(services)
    assert "Sent to Amazon" in await press(services, confirm)
    sent = await command(services, "/vtr")
    shown = text_of(sent)
    assert "95.0%" in shown and "Fix 1 package" in shown
    assert "1 of these fixes was sent to Amazon from the chat" in shown
    assert f"{wrong.order_id} · USPS" in shown and "fix sent: counted once" in shown
    _, row = defect_rows(defect_file(sent), tmp_path / "sent.xlsx")
    assert row[0] == wrong.order_id
    assert row[11] == "fix sent: counted once a sync shows Amazon took it"
    await services.amazon.sync_now(SELLER.chat_id)
    after = text_of(await command(services, "/vtr"))
    assert "100.0%" in after or "100%" in after, after
    assert "Fix plan" not in after and "fix sent" not in after


async def test_fix_lists_the_plans_packages_first_then_the_others(services, spapi):
    """Toys: 19 valid + 1 missing number shipped 5 days ago = 95.0%, not above the bar: its
    defect is the whole plan. Home: 40 valid + 1 missing shipped yesterday = 97.6%, above:
    its defect is outside the plan, yet newer. /fix offers the plan's first, the other after."""
    spapi.add_item(US, "B0TOYS0001", "Toys & Games", "Puzzles")
    spapi.add_item(US, "B0HOME0001", "Home & Kitchen", "Kitchen & Dining")
    toys = [us_order(n, days_ago=2 + n % 20, asin="B0TOYS0001") for n in range(1, 20)]
    home = [us_order(n, days_ago=2 + n % 20, asin="B0HOME0001") for n in range(20, 60)]
    planned = us_order(60, days_ago=5, tracking="", asin="B0TOYS0001")
    other = us_order(61, days_ago=1, tracking="", asin="B0HOME0001")
    spapi.orders = [*toys, *home, planned, other]
    await connect_and_sync(services)
    report = text_of(await command(services, "/vtr"))
    assert f"• {planned.order_id} · UPS" in report and f"• {other.order_id}" not in report
    assert "2 of these packages can be fixed from here" in report
    assert "The fix plan's 1 comes first." in report
    listed = await command(services, "/fix")
    shown = text_of(listed)
    assert "2 packages can still be fixed from here: the fix plan's 1 first" in shown, shown
    first, second = [line for line in shown.splitlines() if line.startswith("• ")]
    assert first.startswith(f"• {planned.order_id}") and first.endswith("in the fix plan")
    assert second.startswith(f"• {other.order_id}") and "fix plan" not in second
    assert [a.order_id for a in pressable(listed, buttons.FixPackage)] == [
        planned.order_id,
        other.order_id,
    ]


async def test_a_group_cannot_fix_even_with_the_sellers_buttons(services, spapi):
    """/connect refuses groups, so no group has a store to fix: a group (its admins
    included) gets the private-chat refusal, and the seller's pending change cannot be
    confirmed from there."""
    order = wrong_carrier_order(spapi)
    await connect_and_sync(services)
    group = ChatRef(-1001234, "en", user_id=SELLER.user_id)
    confirm = await propose_the_only_fix(services)
    private_only = "only from the private chat that connected the store"
    assert private_only in text_of(await command(services, "/fix", group))
    assert private_only in await press(services, buttons.FixPackage(order.order_id, "1"), group)
    assert "expired" in await press(services, confirm, group)
    assert spapi.confirmations == []
    assert "Sent to Amazon" in await press(services, confirm)


async def test_a_change_proposed_before_the_operator_turned_writes_off_is_not_sent(
    tmp_path, services, spapi, secret_key, kb
):
    wrong_carrier_order(spapi)
    await connect_and_sync(services)
    confirm = await propose_the_only_fix(services)
    built = await services_for(tmp_path, spapi, secret_key, kb, amazon_write=False)
    async with opened(built) as read_only:  # a replica restarted with VTRBOT_AMAZON_WRITE=off
        assert "read-only" in await press(read_only, confirm)
    assert spapi.confirm_calls() == 0


async def test_an_uploaded_files_report_marks_the_fix_sent_too(tmp_path, services, spapi):
    order = wrong_carrier_order(spapi)
    await connect_and_sync(services)
    confirm = await propose_the_only_fix(services)
    await press(services, confirm)
    path = tmp_path / "orders.csv"
    shipped = (NOW.date() - timedelta(days=2)).isoformat()
    path.write_text(
        "order-id,ship-date,carrier-code,tracking-number\n"
        f"{order.order_id},{shipped},USPS,{UPS_NUMBER}\n"
    )
    report = text_of(await services.core.handle_file(SELLER, path))
    assert "fix sent: counted once a sync shows Amazon took it" in report, report


async def test_the_terminal_takes_the_defect_file_back_as_a_batch(tmp_path, spapi, secret_key, kb):
    """`vtrbot chat`: /vtr saves the defect file, the seller fills it in, `/upload` sends it
    back, pressing [1] (Confirm 2) sends both changes once."""
    import io

    from bot.adapters.cli import chat

    wrong = wrong_carrier_order(spapi)
    missing = us_order(2, days_ago=3, tracking="")
    spapi.orders.append(missing)
    spapi.polls_before_done = 0
    settings = amazon_settings(tmp_path, spapi, secret_key).model_copy(
        update={"default_lang": "en"}
    )
    async with opened(build_services(settings, kb=kb)) as services:
        await connect_and_sync(services, ChatRef(chat.TERMINAL_CHAT_ID, "en"))
    out = tmp_path / "out"
    assert await chat._session(settings, out, io.StringIO("/vtr\n/quit\n"), io.StringIO()) == 0
    (saved,) = out.glob("*.xlsx")
    filled = tmp_path / "filled.xlsx"
    fill_defect_file(saved.read_bytes(), filled, {
        wrong.order_id: ("UPS", ""), missing.order_id: ("", UPS_OTHER),
    })  # fmt: skip
    stdout = io.StringIO()
    stdin = io.StringIO(f"/upload {filled}\n1\n/quit\n")
    assert await chat._session(settings, out, stdin, stdout) == 0
    text = stdout.getvalue()
    assert "2 ready to send, 0 refused" in text and "[1] Confirm 2" in text, text
    assert "2 sent to Amazon" in text
    assert sorted(order_id for order_id, _ in spapi.confirmations) == [
        wrong.order_id,
        missing.order_id,
    ]


async def test_amazons_refusal_is_told_in_the_sellers_language_with_what_to_do(services, spapi):
    """Amazon answers 403 twice (the token renewed once in between): the app's
    authorization lacks the write role. A Chinese-speaking seller is told so in Chinese."""
    wrong_carrier_order(spapi)
    await connect_and_sync(services)
    await command(services, "/lang zh")
    spapi.confirm_faults(403, 403)
    confirm = await propose_the_only_fix(services)
    refused = await press(services, confirm)
    assert "亚马逊表示该店铺的授权不能修改发货信息" in refused and "(HTTP 403" in refused
    assert "亚马逊表示该店铺的授权不能修改发货信息" in text_of(await command(services, "/fixes"))
    assert spapi.confirmations == []


@pytest.mark.slow
async def test_a_defect_file_of_two_shops_filled_in_by_its_titles_is_sent_as_fixes(
    tmp_path, services, spapi
):
    """An uploaded file of two shops: its defect file has the shop after every other column
    (so the new number's columns are no longer the last two); filled in by their titles and
    sent back, both rows are ready and sent after one Confirm."""
    from python_calamine import CalamineWorkbook

    sun, moon = us_order(1, days_ago=2, tracking=""), us_order(2, days_ago=3, tracking="")
    spapi.orders = [sun, moon]
    await connect_and_sync(services)
    day = (NOW.date() - timedelta(days=2)).isoformat()
    rows = [f"{sun.order_id},太阳店,{day},UPS,", f"{moon.order_id},月亮店,{day},UPS,"]
    rows += [f"111-000000{n}-0000009,{shop},{day},UPS,{UPS_NUMBER}" for n, shop in
             [(1, "太阳店"), (2, "太阳店"), (3, "月亮店"), (4, "月亮店")]]  # fmt: skip
    path = tmp_path / "orders.csv"
    path.write_text("order-id,shop,ship-date,carrier-code,tracking-number\n" + "\n".join(rows))
    (tmp_path / "bot.xlsx").write_bytes(defect_file(await services.core.handle_file(SELLER, path)))
    header, *defects = (
        CalamineWorkbook.from_path(str(tmp_path / "bot.xlsx")).get_sheet_by_index(0).to_python()
    )
    assert header[-1] == "Shop (account)"
    assert {row[0]: row[-1] for row in defects} == {sun.order_id: "太阳店", moon.order_id: "月亮店"}
    new = header.index("New tracking number")
    import xlsxwriter

    with xlsxwriter.Workbook(str(tmp_path / "filled.xlsx")) as book:
        sheet = book.add_worksheet()
        sheet.write_row(0, 0, header)
        numbers = {sun.order_id: UPS_NUMBER, moon.order_id: UPS_OTHER}
        for line, row in enumerate(defects, start=1):
            cells = [str(cell) for cell in row]
            cells[new] = numbers[cells[0]]
            for column, value in enumerate(cells):
                sheet.write_string(line, column, value)
    summary = await services.core.handle_file(SELLER, tmp_path / "filled.xlsx")
    assert "2 ready to send, 0 refused" in text_of(summary), text_of(summary)
    (confirm,) = pressable(summary, buttons.FixConfirm)
    assert "2 sent to Amazon" in await press(services, confirm)
    sent = {order_id: str(body) for order_id, body in spapi.confirmations}
    assert sorted(sent) == [sun.order_id, moon.order_id]
    assert all(number in sent[order_id] for order_id, number in numbers.items())
