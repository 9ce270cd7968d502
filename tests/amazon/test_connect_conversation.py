"""/connect and /disconnect through the core, as a seller answers them, against the fake
SP-API; /forget deletes the credentials."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta

import pytest
from pydantic import SecretStr

from bot.bootstrap import Services, build_services, opened
from bot.services.amazon.conversation import ANSWER_WITHIN_S
from bot.services.replies import ChatRef
from bot.settings import Settings
from tests.amazon.conftest import US, us_order
from tests.amazon.fake_spapi import CLIENT_ID, CLIENT_SECRET, REFRESH_TOKEN, FakeSpApi, FakeVtr
from tests.stored import stored_count

SELLER = ChatRef(31337, "en")
GROUP = ChatRef(-100123, "en")
SELLER_ZH = ChatRef(31338, "zh")


def amazon_settings(tmp_path, spapi: FakeSpApi, secret_key: str | None) -> Settings:
    values = {
        "VTRBOT_DATA_DIR": tmp_path / "data",
        "VTRBOT_DEFAULT_LANG": "en",
        "VTRBOT_SPAPI_CLIENT_ID": CLIENT_ID,
        "VTRBOT_SPAPI_CLIENT_SECRET": CLIENT_SECRET,
        "VTRBOT_LWA_TOKEN_URL": spapi.lwa_url,
        "VTRBOT_SPAPI_ENDPOINT": spapi.endpoint,
    }
    if secret_key:
        values["VTRBOT_SECRET_KEY"] = secret_key
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]


@pytest.fixture
async def services(tmp_path, spapi, secret_key, kb) -> AsyncIterator[Services]:
    spapi.polls_before_done = 0
    async with opened(build_services(amazon_settings(tmp_path, spapi, secret_key), kb=kb)) as s:
        yield s


@pytest.fixture(scope="session")
def kb():
    from bot.domain.knowledge import KnowledgeBase

    return KnowledgeBase.load()


async def say(services: Services, text: str, chat: ChatRef = SELLER) -> str:
    core = services.core
    if text.startswith("/"):
        name, *args = text[1:].split()
        replies = await core.handle_command(chat, name, args)
    else:
        replies = await core.handle_text(chat, text)
    return "\n".join(reply.html for reply in replies)


async def test_a_seller_connects_step_by_step_and_the_first_sync_runs(services, spapi):
    spapi.orders = [us_order(n, days_ago=n) for n in range(1, 6)]
    spapi.vtr[US] = FakeVtr(400, 376, "BAD")
    assert "Which region" in await say(services, "/connect")
    assert "Please reply NA, EU or FE" in await say(services, "Mars")
    asked = await say(services, "na")
    assert "Which marketplaces" in asked and "US, CA, MX, BR" in asked
    assert "NA does not serve UK" in await say(services, "US UK")
    assert not await services.core.wants_secret(SELLER.chat_id)
    assert "refresh token" in await say(services, "US")
    assert await services.core.wants_secret(SELLER.chat_id)
    assert "should start with Atzr|" in await say(services, "what is a token?")
    done = await say(services, REFRESH_TOKEN)
    assert done.startswith("Connected: US.") and REFRESH_TOKEN not in done
    assert not await services.core.wants_secret(SELLER.chat_id)
    await services.core.connect.wait_background()
    assert await stored_count(services.store, SELLER.chat_id) == 5
    (snapshot,) = await services.amazon.repo.snapshots(SELLER.chat_id)
    assert snapshot.valid_tracking_count == 376
    # Afterwards, text is a question again.
    assert "Which region" not in await say(services, "What is Valid Tracking Rate?")


async def test_region_and_marketplaces_can_come_with_the_command(services):
    assert "refresh token" in await say(services, "/connect EU uk de")
    connection_before = await services.amazon.repo.connection(SELLER.chat_id)
    assert connection_before is None  # nothing stored before the token is verified


async def test_a_revoked_token_is_refused_and_can_be_sent_again(services, spapi):
    await say(services, "/connect NA US")
    spapi.revoke()
    assert "invalid_grant" in await say(services, REFRESH_TOKEN)
    assert await services.core.wants_secret(SELLER.chat_id)  # still waiting for a good one
    assert await services.amazon.repo.connection(SELLER.chat_id) is None
    assert "cancelled" in await say(services, "cancel")
    assert not await services.core.connect.active(SELLER.chat_id)


async def test_groups_are_refused_before_any_question(services):
    text = await say(services, "/connect", chat=GROUP)
    assert "private chat" in text
    assert not await services.core.connect.active(GROUP.chat_id)


async def test_without_settings_the_seller_is_told_the_operator_must_enable_it(
    tmp_path, spapi, kb, caplog
):
    async with opened(build_services(amazon_settings(tmp_path, spapi, None), kb=kb)) as services:
        text = await say(services, "/connect")
        chinese = await say(services, "/connect", chat=SELLER_ZH)
        assert not await services.core.connect.active(SELLER.chat_id)
    assert "whoever runs it has to enable the Amazon connection" in text
    assert "运营者" in chinese
    for told in (text, chinese):
        assert "VTRBOT" not in told and "SECRET" not in told.upper()
    assert "VTRBOT_SECRET_KEY" in caplog.text  # the operator finds the name in the log


async def test_categories_are_amazons_unless_the_seller_chooses_their_own(services):
    assert "Amazon's categories" in await say(services, "/categories")
    await say(services, "/connect NA US")
    await say(services, REFRESH_TOKEN)
    await services.core.connect.wait_background()
    repo = services.amazon.repo
    assert (await repo.sync_state(SELLER.chat_id)).orders_cursor is not None
    chosen = await say(services, "/categories mine")
    assert "your own uploaded files first" in chosen and "45 days again" in chosen
    assert await repo.category_preference(SELLER.chat_id) == "upload"
    assert (await repo.sync_state(SELLER.chat_id)).orders_cursor is None
    assert "your own uploaded files first" in await say(services, "/categories")
    await say(services, "/categories amazon")
    assert await repo.category_preference(SELLER.chat_id) == "amazon"


async def test_disconnect_and_forget_delete_the_credentials(services, spapi):
    await say(services, "/connect NA US")
    await say(services, REFRESH_TOKEN)
    await services.core.connect.wait_background()
    assert "Disconnected" in await say(services, "/disconnect")
    assert await services.amazon.repo.connection(SELLER.chat_id) is None
    assert "No Amazon store" in await say(services, "/disconnect")
    await say(services, "/connect NA US")
    await say(services, REFRESH_TOKEN)
    await services.core.connect.wait_background()
    await services.core.handle_button(SELLER, "forget:yes")
    assert await services.amazon.repo.connection(SELLER.chat_id) is None
    assert await services.amazon.repo.snapshots(SELLER.chat_id) == []
    assert await stored_count(services.store, SELLER.chat_id) == 0


# -- tokens never stay in a chat, never echoed (issue 25, finding 4) --------------------------


def quotes_token(text: str) -> bool:
    return REFRESH_TOKEN[5:].upper() in text.upper()


async def test_a_token_sent_with_the_command_connects_and_is_never_echoed(services, spapi):
    """Before: "NA does not serve ATZR|…" quoted the token back, and it was not deleted."""
    command = f"/connect NA US {REFRESH_TOKEN}"
    assert await services.core.wants_secret(SELLER.chat_id, command)
    reply = await say(services, command)
    assert reply.startswith("Connected: US.") and not quotes_token(reply)
    await services.core.connect.wait_background()


async def test_a_token_sent_a_step_early_is_deleted_used_and_not_echoed(services, spapi):
    await say(services, "/connect")
    early = f"na {REFRESH_TOKEN}"
    assert await services.core.wants_secret(SELLER.chat_id, early)
    asked = await say(services, early)
    assert "Which marketplaces" in asked and not quotes_token(asked)
    reply = await say(services, f"US, {REFRESH_TOKEN.upper()}")
    assert not quotes_token(reply)
    await services.core.connect.wait_background()


async def test_a_token_outside_connect_is_deleted_with_a_warning(services):
    text = f"is this right? {REFRESH_TOKEN}"
    assert await services.core.wants_secret(SELLER.chat_id, text)
    reply = await say(services, text)
    assert "I deleted your message" in reply and not quotes_token(reply)
    assert await services.core.wants_secret(GROUP.chat_id, "amzn1.oa2-cs.v1.0123456789abcdef")
    assert not await services.core.wants_secret(SELLER.chat_id, "What is Valid Tracking Rate?")


async def test_odd_login_with_amazon_answers_are_a_plain_refusal(services, spapi):
    """Finding 10: a 200 without access_token, an HTML page, `expires_in: "soon"` crashed
    `vtrbot connect` with a traceback (KeyError, ValueError); now each is "malformed"."""
    from tests.amazon.fake_spapi import json_answer, raw_answer

    odd = [
        json_answer({"token_type": "bearer", "expires_in": 3600}),
        raw_answer("<html><body>Sign in</body></html>", 200, "text/html"),
        json_answer({"access_token": "Atza|x", "expires_in": "soon"}),
    ]
    for answer in odd:
        spapi.answer_instead("/auth/o2/token", answer, times=1)
        result = await services.amazon.connect(
            SELLER.chat_id, "NA", ["US"], SecretStr(REFRESH_TOKEN)
        )
        assert result.status == "malformed"
    assert await services.amazon.repo.connection(SELLER.chat_id) is None


async def test_each_step_may_reach_another_replica(tmp_path, spapi, secret_key, kb):
    """Three processes on one database (here: three services on one SQLite file), each
    answer to another: every one knows the step, and the one the token reaches treats it as
    a token (its message deleted), not as a question."""
    settings = amazon_settings(tmp_path, spapi, secret_key)
    first, second, third = (build_services(settings, kb=kb) for _ in range(3))
    async with opened(first), opened(second), opened(third):
        assert "Which region" in await say(first, "/connect")
        assert "Which marketplaces" in await say(second, "NA")
        assert "refresh token" in await say(third, "US")
        assert await first.core.wants_secret(SELLER.chat_id)
        done = await say(first, REFRESH_TOKEN)
        assert done.startswith("Connected: US.")
        await first.core.connect.wait_background()
        assert not await second.core.connect.active(SELLER.chat_id)
        assert await third.amazon.repo.connection(SELLER.chat_id) is not None


async def test_a_connect_left_unanswered_for_ten_minutes_is_dropped(services):
    await say(services, "/connect NA US")
    step = await services.amazon.repo.connect_step(SELLER.chat_id)
    assert step is not None and step.updated_at is not None
    later = step.updated_at + timedelta(seconds=ANSWER_WITHIN_S + 1)
    services.core.connect.clock = lambda: later
    assert not await services.core.wants_secret(SELLER.chat_id)
    assert "Which region" not in await say(services, "What is Valid Tracking Rate?")
    assert await services.amazon.repo.connect_step(SELLER.chat_id) is None


async def test_forget_drops_a_connect_in_progress(services):
    await say(services, "/connect NA US")
    await services.core.handle_button(SELLER, "forget:yes")
    assert await services.amazon.repo.connect_step(SELLER.chat_id) is None
