"""The real bot over HTTP against a fake Bot API server: what a seller sees, end to end."""

from __future__ import annotations

import asyncio
import io
from collections.abc import Iterator

import pytest
import pytest_asyncio
from python_calamine import CalamineWorkbook

from bot.domain.knowledge import KnowledgeBase
from bot.settings import Settings
from tests.bot import samples
from tests.bot.fake_bot_api import FakeBotApi
from tests.bot.harness import settings_for, started
from tests.conftest import fresh_database

# One bot serves the whole module: each test talks from chats of its own. A second bot
# then runs the module again with its store on PostgreSQL.
pytestmark = [
    pytest.mark.asyncio(loop_scope="module"),
    pytest.mark.usefixtures("running_bot"),
    pytest.mark.both_backends,
]


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def bot_api(backend: str):
    """A fake Bot API for each backend's bot: the same chats start afresh."""
    server = FakeBotApi()
    await server.start()
    yield server
    await server.stop()


@pytest.fixture(scope="module")
def settings(
    tmp_path_factory, bot_api: FakeBotApi, backend: str, request: pytest.FixtureRequest
) -> Iterator[Settings]:
    data = tmp_path_factory.mktemp("e2e") / "data"
    if backend == "sqlite":
        yield settings_for(bot_api, data)
        return
    with fresh_database(request.getfixturevalue("postgres_server")) as url:
        yield settings_for(bot_api, data, url)


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def running_bot(settings: Settings, kb: KnowledgeBase, bot_api: FakeBotApi):
    from bot.adapters.telegram.app import build_application

    async with started(build_application(settings, kb)) as application:
        yield application


async def test_the_store_is_on_the_backend_asked_for(running_bot, backend: str) -> None:
    from bot.services.store.postgres import PostgresBackend
    from bot.services.store.sqlite import SqliteBackend

    store = running_bot.bot_data.services.store
    expected = PostgresBackend if backend == "postgresql" else SqliteBackend
    assert isinstance(store.backend, expected)


async def test_menus_are_set_per_language(bot_api: FakeBotApi) -> None:
    calls = await bot_api.wait_for("setMyCommands", count=3)
    by_lang = {call.params.get("language_code"): call.params["commands"] for call in calls}
    assert set(by_lang) == {"zh", "en", None}
    assert [c["command"] for c in by_lang["en"]] == [
        "start", "help", "vtr", "as_of", "chart", "subscribe", "alerts", "unsubscribe",
        "connect", "disconnect", "categories", "fix", "fixes", "forget", "lang",
    ]  # fmt: skip
    assert by_lang["en"][0]["description"] == "What this bot does"
    assert by_lang["zh"][0]["description"] != "What this bot does"
    assert by_lang[None] == by_lang["zh"]


async def test_start_greets_in_the_users_language_with_three_questions(bot_api: FakeBotApi) -> None:
    bot_api.user_sends(101, "/start", lang="en")
    bot_api.user_sends(102, "/start", lang="zh-hans")
    [english] = await bot_api.wait_for("sendMessage", chat_id=101)
    [chinese] = await bot_api.wait_for("sendMessage", chat_id=102)
    assert "Valid Tracking Rate above 95%" in english.text
    assert english.params["parse_mode"] == "HTML"
    assert [data for _, data in english.buttons] == ["ask:0", "ask:1", "ask:2"]
    assert english.buttons[0][0] == "What is Valid Tracking Rate?"
    assert "有效追踪率" in chinese.text
    assert chinese.buttons[0][0] == "什么是有效追踪率？"


async def test_questions_are_answered_in_each_language(bot_api: FakeBotApi) -> None:
    bot_api.user_sends(201, "What is Buy Shipping?", lang="en")
    bot_api.user_sends(202, "什么是购买配送？", lang="zh")
    [english] = await bot_api.wait_for("sendMessage", chat_id=201)
    [chinese] = await bot_api.wait_for("sendMessage", chat_id=202)
    assert "Buy Shipping" in english.text
    assert "<i>Source:" in english.text
    assert "购买配送" in chinese.text
    assert (
        bot_api.sent("sendChatAction", chat_id=201) == []
    )  # instant answers spend no flood budget


async def test_unsure_question_offers_topics_and_a_press_answers(bot_api: FakeBotApi) -> None:
    bot_api.user_sends(301, "tracking", lang="en")
    [unsure] = await bot_api.wait_for("sendMessage", chat_id=301)
    assert "not sure" in unsure.text
    assert len(unsure.buttons) == 3
    _label, data = unsure.buttons[0]
    assert data.startswith("topic:")
    bot_api.user_presses(301, data, lang="en")
    await bot_api.wait_for("answerCallbackQuery")
    messages = await bot_api.wait_for("sendMessage", chat_id=301, count=2)
    assert "Source:" in messages[1].text


async def test_off_topic_is_refused_honestly(bot_api: FakeBotApi) -> None:
    bot_api.user_sends(302, "What will the weather be tomorrow?", lang="en")
    [refusal] = await bot_api.wait_for("sendMessage", chat_id=302)
    assert "outside what I know" in refusal.text
    assert not refusal.buttons


async def test_lang_switches_and_is_remembered(bot_api: FakeBotApi) -> None:
    bot_api.user_sends(401, "/lang", lang="zh")
    [choose] = await bot_api.wait_for("sendMessage", chat_id=401)
    assert choose.buttons == [("中文", "lang:zh"), ("English", "lang:en")]
    bot_api.user_presses(401, "lang:en", lang="zh")
    await bot_api.wait_for("sendMessage", chat_id=401, count=2)
    bot_api.user_sends(401, "/help", lang="zh")  # the client still says zh; the choice wins
    messages = await bot_api.wait_for("sendMessage", chat_id=401, count=3)
    assert "English" in messages[1].text
    assert "What I can do" in messages[2].text


async def test_gbk_csv_upload_gives_the_report_and_the_defect_file(bot_api: FakeBotApi) -> None:
    bot_api.user_sends(501, "/lang en", lang="en")
    await bot_api.wait_for("sendMessage", chat_id=501)
    bot_api.user_sends_document(501, samples.gbk_csv(), "erp.csv", caption=samples.AS_OF, lang="en")
    [document] = await bot_api.wait_for("sendDocument", chat_id=501)
    assert bot_api.sent("sendChatAction", chat_id=501)
    status = bot_api.sent("sendMessage", chat_id=501)[1]
    assert "Analysing erp.csv" in status.text
    edits = bot_api.sent("editMessageText", chat_id=501)
    assert edits and "Done" in edits[-1].text
    report = "\n".join(call.text for call in bot_api.sent("sendMessage", chat_id=501)[2:])
    # Hand-computed in samples.py: overall 18/20, toys 8/10 needing 2 fixes, home 10/10.
    assert "90.0%" in report
    assert "80.0%" in report
    assert "100%" in report
    assert "玩具" in report
    filename, data = document.files["document"]
    assert filename.endswith(".xlsx")
    rows = CalamineWorkbook.from_filelike(io.BytesIO(data)).get_sheet_by_index(0).to_python()
    assert [row[0] for row in rows[1:]] == ["T09", "T10"]
    assert "2 packages with a defect" in document.text

    bot_api.user_sends(501, "/vtr", lang="en")
    await bot_api.wait_for("sendDocument", chat_id=501, count=2)
    again = bot_api.sent("sendMessage", chat_id=501)[-1].text
    assert "90.0%" in again or "90.0%" in "\n".join(
        c.text for c in bot_api.sent("sendMessage", chat_id=501)[-3:]
    )


async def test_xlsx_upload_at_exactly_95_percent(bot_api: FakeBotApi) -> None:
    bot_api.user_sends(502, "/as_of 2026-11-20", lang="en")
    await bot_api.wait_for("sendMessage", chat_id=502)
    bot_api.user_sends_document(502, samples.xlsx(), "orders.xlsx", lang="en")
    [document] = await bot_api.wait_for("sendDocument", chat_id=502)
    report = "\n".join(call.text for call in bot_api.sent("sendMessage", chat_id=502)[2:])
    # Hand-computed: 19/20 = 95.0%: Amazon's bar is strictly above 95%, so this is below it
    # and needs one fix (X20, shipped on the as-of date: still editable).
    assert "95.0%" in report
    assert (
        "<b>❌ Your category is not above 95%, Amazon's bar: it judges each category on its own.</b>"
        in report
    )
    assert "All packages together: 95.0% (19 of 20 packages valid), for context only" in report
    assert "fix 1 package to get above 95%" in report
    data = document.files["document"][1]
    rows = CalamineWorkbook.from_filelike(io.BytesIO(data)).get_sheet_by_index(0).to_python()
    assert [row[0] for row in rows[1:]] == ["X20"]
    assert rows[1][7] == "yes"  # in the fix plan


async def test_a_second_file_while_the_first_is_analysed_is_told_to_wait(
    bot_api: FakeBotApi,
) -> None:
    """Two files from one chat in one batch of updates: files are handled off the update
    loop, so both arrive at once; one is analysed, the other is told to wait for it."""
    for name in ("first.csv", "second.csv"):
        bot_api.user_sends_document(801, samples.gbk_csv(), name, caption=samples.AS_OF, lang="en")
    await bot_api.wait_for("sendDocument", chat_id=801)

    def told_to_wait() -> list[str]:
        texts = [call.text for call in bot_api.sent("sendMessage", chat_id=801)]
        return [text for text in texts if "still analysing your previous file" in text]

    async with asyncio.timeout(15):
        while not told_to_wait():
            await asyncio.sleep(0.02)
    assert len(told_to_wait()) == 1
    assert len(bot_api.sent("sendDocument", chat_id=801)) == 1  # one report, one defect file


async def test_bad_files_get_clear_answers(bot_api: FakeBotApi) -> None:
    bot_api.user_sends_document(601, b"\x89PNG\r\n", "photo.png", lang="en")
    bot_api.user_sends_document(602, b"just some words\nnothing tabular", "notes.csv", lang="en")
    bot_api.user_sends_document(603, b"a,b\n", "huge.csv", lang="en", size=21 * 1024 * 1024)
    huge = bot_api.last_pushed_message()["document"]["file_id"]
    [wrong_type] = await bot_api.wait_for("sendMessage", chat_id=601)
    assert "CSV" in wrong_type.text
    unreadable = await bot_api.wait_for("sendMessage", chat_id=602, count=2)
    assert "could not" in unreadable[-1].text.lower() or "header" in unreadable[-1].text.lower()
    [too_large] = await bot_api.wait_for("sendMessage", chat_id=603)
    assert "20" in too_large.text
    assert not bot_api.sent("download") or all(
        call.params["file_id"] != huge for call in bot_api.sent("download")
    )
    assert not [c for c in bot_api.sent("sendDocument") if c.chat_id in (601, 602, 603)]


async def test_a_failing_handler_is_logged_without_secrets_and_the_user_told(
    bot_api: FakeBotApi, running_bot, caplog, monkeypatch
) -> None:
    core = running_bot.bot_data.services.core

    async def broken(chat, text):
        raise RuntimeError(f"could not parse {text}")

    monkeypatch.setattr(core, "handle_text", broken)
    bot_api.user_sends(701, "buyer Zhang San, 13800000000", lang="en")
    [apology] = await bot_api.wait_for("sendMessage", chat_id=701)
    assert "something went wrong" in apology.text
    logged = "\n".join(
        record.getMessage() for record in caplog.records if record.name.startswith("bot.")
    )
    assert "RuntimeError" in logged
    assert "Zhang" not in logged
    assert bot_api.token not in logged


async def test_the_running_bot_beats_for_the_health_check(settings) -> None:
    from bot.healthcheck import heartbeat_path, is_healthy

    async with asyncio.timeout(5):
        while not heartbeat_path(settings.data_dir).exists():
            await asyncio.sleep(0.02)
    assert is_healthy(settings.data_dir)
