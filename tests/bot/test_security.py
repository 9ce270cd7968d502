"""Security: one chat never sees another's data, and the logs of a whole session hold no
token, no buyer data, no order or tracking number and no file content.

Both run the real bot over HTTP against the fake Bot API server.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator

import pytest
from python_calamine import CalamineWorkbook

from bot.adapters.telegram.logs import LIBRARY_FLOORS, quiet_libraries
from bot.services.store import Store
from tests.bot.fake_bot_api import FakeBotApi
from tests.stored import stored_count, stored_records

pytestmark = pytest.mark.usefixtures("running_bot")

SELLER_A, SELLER_B = 901, 902
AS_OF = "2026-11-20"

# Seller A's file: 7 shipments, 5 valid and 2 to fix → VTR 5/7 = 71.4%, a number that appears
# nowhere else. Every identifier is one no answer or message of the bot could hold by chance.
BUYERS = [
    ("Wilhelmina Quackenbush", "42 Wallaby Way Sydney", "+1-555-0199-8841"),
    ("Bartholomew Fizzlewick", "7 Umbrella Lane Leeds", "+44-7700-900461"),
    ("欧阳翠花", "上海市浦东新区杏花路88号", "13912345678"),
    ("Ottoline Greengrass", "9 Quince Court Austin", "+1-555-0142-7319"),
    ("Cornelius Blatherwick", "3 Thimble Row Nice", "+33-6-12-34-56-78"),
    ("Philippa Snodgrass", "11 Marmalade Mews Köln", "+49-151-2345-6789"),
    ("Augustus Pumpernickel", "5 Crumpet Close Osaka", "+81-90-1234-5678"),
]
ORDER_IDS = [f"ZQX-7731-{n:04d}" for n in range(1, 8)]
TRACKING = [f"YT{2611777000000000 + n:016d}" for n in range(1, 6)]
CATEGORY = "Zeppelin Parts"
VTR_A = "71.4"


def seller_a_csv() -> bytes:
    rows = [
        "order-id,ship-date,buyer-name,ship-address-1,buyer-phone-number,"
        "carrier-name,tracking-number,product-category"
    ]
    for n, (name, address, phone) in enumerate(BUYERS):
        if n < 5:
            carrier, tracking = "YunExpress", TRACKING[n]
        elif n == 5:
            carrier, tracking = "YunExpress", ""  # missing tracking
        else:
            carrier, tracking = "Zorblax Courier", "ZB998877"  # unknown carrier
        rows.append(
            f"{ORDER_IDS[n]},2026-11-{n + 10:02d},{name},{address},{phone},"
            f"{carrier},{tracking},{CATEGORY}"
        )
    return ("\n".join(rows) + "\n").encode("utf-8")


def secrets_of_a() -> list[str]:
    """Strings of seller A's file that must never reach seller B."""
    return [*ORDER_IDS, *TRACKING, "ZB998877", CATEGORY, f"{VTR_A}%"]


IN_REPORT_OF_A = [ORDER_IDS[5], ORDER_IDS[6], "ZB998877", CATEGORY, f"{VTR_A}%"]
"""What A's own report shows (its defects, category and VTR): proof the checks can fail."""


def replies_to(bot_api: FakeBotApi, chat_id: int) -> str:
    """Everything the bot sent one chat: texts, captions and document bytes."""
    parts = []
    for call in bot_api.calls:
        if call.chat_id != chat_id or call.method == "sendChatAction":
            continue
        parts.append(call.text)
        parts.extend(document_text(data) for _, data in call.files.values())
    return "\n".join(parts)


def document_text(data: bytes) -> str:
    """A document as text: every cell of every sheet for a workbook (its bytes are zipped,
    so a leak would not show in them), the decoded bytes otherwise."""
    if not data.startswith(b"PK"):
        return data.decode("utf-8", "replace")
    book = CalamineWorkbook.from_filelike(io.BytesIO(data))
    sheets = (book.get_sheet_by_name(name).to_python() for name in book.sheet_names)
    return "\n".join(str(cell) for rows in sheets for row in rows for cell in row)


async def say(bot_api: FakeBotApi, chat_id: int, text: str) -> None:
    """Send `text` as the chat's user and wait for the bot's first answer."""
    before = len(bot_api.sent("sendMessage", chat_id=chat_id))
    bot_api.user_sends(chat_id, text, lang="en")
    await bot_api.wait_for("sendMessage", chat_id=chat_id, count=before + 1)


async def upload_as_a(bot_api: FakeBotApi) -> str:
    bot_api.user_sends(SELLER_A, "/lang en", lang="en")
    await bot_api.wait_for("sendMessage", chat_id=SELLER_A)
    bot_api.user_sends_document(SELLER_A, seller_a_csv(), "orders.csv", caption=AS_OF, lang="en")
    await bot_api.wait_for("sendDocument", chat_id=SELLER_A)
    return replies_to(bot_api, SELLER_A)


async def test_seller_b_never_sees_seller_as_data(bot_api: FakeBotApi, running_bot) -> None:
    report_a = await upload_as_a(bot_api)
    # The report really holds what B must not see, so the checks below mean something.
    for secret in IN_REPORT_OF_A:
        assert secret in report_a, secret

    questions = ["/vtr", "What is my VTR?", "Show my defects", "/as_of", "ZQX-7731-0001"]
    for asked, text in enumerate(questions, start=1):
        bot_api.user_sends(SELLER_B, text, lang="en")
        await bot_api.wait_for("sendMessage", chat_id=SELLER_B, count=asked)
    # B's chart, and B's alert pass while A, subscribed too, is below the bar.
    await say(bot_api, SELLER_B, "/chart")
    for seller in (SELLER_A, SELLER_B):
        await say(bot_api, seller, "/subscribe")
        await say(bot_api, seller, "/alerts now")
    seen_by_b = replies_to(bot_api, SELLER_B)
    assert "No report yet" in seen_by_b
    for secret in secrets_of_a():
        assert secret not in seen_by_b, secret
    assert not bot_api.sent("sendDocument", chat_id=SELLER_B)
    assert not bot_api.sent("sendPhoto", chat_id=SELLER_B)

    store: Store = running_bot.bot_data.services.store
    assert await store.last_report(SELLER_B) is None
    assert await stored_records(store, SELLER_B) == []
    assert await stored_count(store, SELLER_B) == 0
    assert await store.newest_ship_date(SELLER_B) is None
    for alert in await store.alert_history(SELLER_B):  # B's own alerts: about B's nothing
        assert not [secret for secret in secrets_of_a() if secret in alert.snapshot_json]
    # …while A's alert was about A's category.
    assert any(CATEGORY in alert.snapshot_json for alert in await store.alert_history(SELLER_A))
    assert await store.get_as_of(SELLER_B) is None
    # …while A's data is there, under A only.
    assert await stored_count(store, SELLER_A) == 7
    assert {record.order_id for record in await stored_records(store, SELLER_A)} == set(ORDER_IDS)


@pytest.fixture
def logging_as_vtrbot_run(caplog: pytest.LogCaptureFixture) -> Iterator[pytest.LogCaptureFixture]:
    """Logging as `vtrbot run --log-level DEBUG` sets it up, captured; levels restored after."""
    saved = {name: logging.getLogger(name).level for name in LIBRARY_FLOORS}
    caplog.set_level(logging.DEBUG)  # the root: the bot's own loggers and every other one
    quiet_libraries()
    yield caplog
    for name, level in saved.items():
        logging.getLogger(name).setLevel(level)


BAD_FILE = b"Wilhelmina Quackenbush;42 Wallaby Way\x00\xff\xfe ZQX-7731-0001 garbage"


async def whole_session(bot_api: FakeBotApi) -> None:
    """Start, questions in two languages, a button, a good file, a bad file, /vtr."""
    bot_api.user_sends(SELLER_A, "/start", lang="en")
    await bot_api.wait_for("sendMessage", chat_id=SELLER_A)
    bot_api.user_sends(SELLER_A, "What is Buy Shipping?", lang="en")
    bot_api.user_sends(SELLER_A, "为什么我的有效追踪率下降了？", lang="en")
    await bot_api.wait_for("sendMessage", chat_id=SELLER_A, count=3)
    bot_api.user_presses(SELLER_A, "ask:0", lang="en")
    await bot_api.wait_for("sendMessage", chat_id=SELLER_A, count=4)
    bot_api.user_sends_document(SELLER_A, seller_a_csv(), "orders.csv", caption=AS_OF, lang="en")
    await bot_api.wait_for("sendDocument", chat_id=SELLER_A)
    before = len(bot_api.sent("sendMessage", chat_id=SELLER_A))
    bot_api.user_sends_document(SELLER_A, BAD_FILE, "broken.csv", lang="en")
    await bot_api.wait_for("sendMessage", chat_id=SELLER_A, count=before + 2)
    bot_api.user_sends(SELLER_A, "/vtr", lang="en")
    await bot_api.wait_for("sendDocument", chat_id=SELLER_A, count=2)


def leaks_in(caplog: pytest.LogCaptureFixture, token: str) -> list[str]:
    """Secrets found in every record captured so far, as messages and as formatted text."""
    records = caplog.get_records("setup") + caplog.get_records("call")
    logged = "\n".join(
        [record.getMessage() for record in records]
        + [caplog.text]  # formatted, with any exception text and traceback
    )
    secrets = [token, token.split(":", 1)[1], "Wallaby"]
    secrets += [part for buyer in BUYERS for part in buyer]
    secrets += [*ORDER_IDS, *TRACKING, "ZB998877"]
    secrets += seller_a_csv().decode().splitlines()[1:]
    return [secret for secret in secrets if secret in logged]


async def test_a_whole_session_logs_no_token_buyer_data_or_file_content(
    bot_api: FakeBotApi, logging_as_vtrbot_run: pytest.LogCaptureFixture
) -> None:
    caplog = logging_as_vtrbot_run
    await whole_session(bot_api)
    records = caplog.get_records("call")
    assert any(record.name.startswith("bot.") for record in records)  # the scan saw the session
    assert not leaks_in(caplog, bot_api.token)


async def test_the_scan_would_catch_the_libraries_left_at_debug(
    bot_api: FakeBotApi, caplog: pytest.LogCaptureFixture
) -> None:
    """Why the floors exist: without them httpx logs the token, PTB and aiosqlite the data."""
    caplog.set_level(logging.DEBUG)
    for name in LIBRARY_FLOORS:
        caplog.set_level(logging.DEBUG, logger=name)
    await whole_session(bot_api)
    found = leaks_in(caplog, bot_api.token)
    assert bot_api.token in found
    assert "ZQX-7731-0001" in found


async def test_vtrbot_alerts_never_prints_a_rejected_token(bot_api: FakeBotApi, tmp_path) -> None:
    """Issue 25, finding 9: when Telegram refused the token, `vtrbot alerts --now` died
    with PTB's InvalidToken traceback, which quotes the token."""
    import asyncio
    import os
    import sys

    token = "999:Rejected-Token-0123456789abcdefghij"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("VTRBOT_", "TELEGRAM_"))}
    env.update(TELEGRAM_BOT_TOKEN=token, TELEGRAM_BASE_URL=bot_api.base_url,
               VTRBOT_DATA_DIR=str(tmp_path / "data"))  # fmt: skip
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-c", "from bot.cli import main; raise SystemExit(main())",
        "alerts", "--now", env=env, cwd=tmp_path,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    out, err = await process.communicate()
    printed = (out + err).decode()
    assert process.returncode not in (0, None)
    assert token not in printed and token.split(":")[1] not in printed, printed
    assert "TELEGRAM_BOT_TOKEN" in printed and "Traceback" not in printed
