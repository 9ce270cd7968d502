"""The daily pass over a real store, with a controllable clock and a recording delivery."""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest

from bot.domain.alerts import Subscription
from bot.domain.models import ShipmentRecord
from bot.services.alerting import AlertMessage, AlertService, ChatUnreachableError
from bot.services.replies import Reply
from bot.services.store import Store
from tests.conftest import Database
from tests.stored import merge_records

YT = "YT2611000000000001"


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


class Outbox:
    """Records every part delivered; `sent` puts them back together as alerts (a chart
    starts an alert, text joins the chat's latest one)."""

    def __init__(self, fail_for: set[int] | None = None, blocked: set[int] | None = None) -> None:
        self.parts: list[tuple[int, Reply]] = []
        self.fail_for = fail_for or set()
        self.blocked = blocked or set()

    async def __call__(self, chat_id: int, part: Reply) -> None:
        if chat_id in self.blocked:
            raise ChatUnreachableError(str(chat_id))
        if chat_id in self.fail_for:
            raise ConnectionError("network down")
        self.parts.append((chat_id, part))

    @property
    def sent(self) -> list[AlertMessage]:
        messages: list[AlertMessage] = []
        latest: dict[int, AlertMessage] = {}
        for chat_id, part in self.parts:
            if part.image is not None or chat_id not in latest:
                latest[chat_id] = AlertMessage(chat_id, [], part.image)
                messages.append(latest[chat_id])
            if part.image is None:
                latest[chat_id].replies.append(part)
        return messages


def records(valid: int, invalid: int, day: date) -> list[ShipmentRecord]:
    """`valid` good YunExpress shipments and `invalid` without tracking, all on `day`."""
    return [
        ShipmentRecord(
            order_id=f"V{day}{i}", ship_date=day, carrier="云途", tracking=YT, category="玩具"
        )
        for i in range(valid)
    ] + [
        ShipmentRecord(
            order_id=f"M{day}{i}", ship_date=day, carrier="云途", tracking="", category="玩具"
        )
        for i in range(invalid)
    ]


# 09:30 in Shanghai on 2026-11-21 is 01:30 UTC.
MORNING = datetime(2026, 11, 21, 1, 30, tzinfo=UTC)


async def test_below_bar_is_sent_with_a_chart_and_claims_the_day(
    both_backends_store: Store,
) -> None:
    await merge_records(
        both_backends_store, 1, records(valid=18, invalid=2, day=date(2026, 11, 20))
    )  # 90%
    await both_backends_store.subscribe(Subscription(1, time(9), "Asia/Shanghai"))
    service, outbox = AlertService(both_backends_store, "en", clock=Clock(MORNING)), Outbox()
    assert await service.run_pass(outbox) == {1: "sent"}
    (message,) = outbox.sent
    assert "90.0%" in message.replies[0].html
    assert message.chart is not None and message.chart.data.startswith(b"\x89PNG")
    assert await service.run_pass(outbox) == {1: "already_sent"}
    assert len(outbox.sent) == 1
    (record,) = await both_backends_store.alert_history(1)
    assert record.as_of == date(2026, 11, 21)
    assert record.triggers == ("below",)


async def test_restart_mid_day_does_not_double_the_alert(database: Database) -> None:
    outbox = Outbox()
    async with database.store() as store:
        await merge_records(store, 1, records(18, 2, date(2026, 11, 20)))
        await store.subscribe(Subscription(1, time(9), "Asia/Shanghai"))
        assert await AlertService(store, "zh", clock=Clock(MORNING)).run_pass(outbox) == {1: "sent"}
    async with database.store() as reopened:  # the process restarted the same day
        later = Clock(MORNING + timedelta(hours=3))
        assert await AlertService(reopened, "zh", clock=later).run_pass(outbox) == {
            1: "already_sent"
        }
        next_day = Clock(MORNING + timedelta(days=1))
        assert await AlertService(reopened, "zh", clock=next_day).run_pass(outbox) == {1: "sent"}
    assert len(outbox.sent) == 2


async def test_quiet_when_all_is_well_unless_digest(both_backends_store: Store) -> None:
    await merge_records(both_backends_store, 1, records(20, 0, date(2026, 11, 20)))
    await merge_records(both_backends_store, 2, records(20, 0, date(2026, 11, 20)))
    await both_backends_store.subscribe(Subscription(1, time(9), "Asia/Shanghai"))
    await both_backends_store.subscribe(Subscription(2, time(9), "Asia/Shanghai", digest=True))
    outbox = Outbox()
    assert await AlertService(both_backends_store, "zh", clock=Clock(MORNING)).run_pass(outbox) == {
        1: "quiet",
        2: "sent",
    }
    assert [m.chat_id for m in outbox.sent] == [2]


@pytest.mark.slow  # passes that draw a chart each, and a retry
async def test_failed_delivery_is_kept_for_a_retry_and_others_still_get_theirs(
    both_backends_store: Store,
) -> None:
    for chat in (1, 2):
        await merge_records(both_backends_store, chat, records(18, 2, date(2026, 11, 20)))
        await both_backends_store.subscribe(Subscription(chat, time(9), "Asia/Shanghai"))
    service = AlertService(both_backends_store, "zh", clock=Clock(MORNING))
    assert await service.run_pass(Outbox(fail_for={1})) == {1: "failed", 2: "sent"}
    today = date(2026, 11, 21)
    assert await both_backends_store.day_decided(1, today) is None  # a retry may send it
    assert [p.state for p in await both_backends_store.alert_parts(1, today)] == [
        "pending",
        "pending",
    ]
    retry = Outbox()
    assert await service.run_pass(retry, chat_id=1) == {1: "sent"}
    assert [m.chat_id for m in retry.sent] == [1]
    assert retry.sent[0].chart is not None and len(retry.sent[0].replies) == 1


async def test_blocked_chat_is_unsubscribed(both_backends_store: Store) -> None:
    await merge_records(both_backends_store, 1, records(18, 2, date(2026, 11, 20)))
    await both_backends_store.subscribe(Subscription(1, time(9), "Asia/Shanghai"))
    outcome = await AlertService(both_backends_store, "zh", clock=Clock(MORNING)).run_pass(
        Outbox(blocked={1})
    )
    assert outcome == {1: "unreachable"}
    assert await both_backends_store.subscription(1) is None


async def test_today_is_the_chats_local_day(both_backends_store: Store) -> None:
    """At 01:30 UTC on 11-21 it is still 11-20 in Los Angeles: the window ends on 11-20.
    A shipment on 11-21 (already local 'today' in Shanghai) is then outside the window."""
    await merge_records(
        both_backends_store,
        1,
        records(1, 0, date(2026, 11, 21)) + records(18, 2, date(2026, 11, 20)),
    )
    await both_backends_store.subscribe(Subscription(1, time(17), "America/Los_Angeles"))
    outbox = Outbox()
    assert await AlertService(both_backends_store, "en", clock=Clock(MORNING)).run_pass(outbox) == {
        1: "sent"
    }
    (record,) = await both_backends_store.alert_history(1)
    assert record.as_of == date(2026, 11, 20)
    assert "90.0% (18 of 20 packages valid)" in outbox.sent[0].replies[0].html


@pytest.mark.slow  # three passes, each drawing a chart
async def test_window_rolls_forward_and_old_defects_leave(both_backends_store: Store) -> None:
    """2 defects on 10-25 and 19 valid on 11-20: 19/21 = 90.5% on 11-21 (alert).
    On 11-24 the window starts 10-26, the defects are gone: 19/19 = 100% — but the data is
    from 11-20, four days before: stale, so the alert asks for a fresh upload."""
    await merge_records(
        both_backends_store,
        1,
        records(0, 2, date(2026, 10, 25)) + records(19, 0, date(2026, 11, 20)),
    )
    await both_backends_store.subscribe(Subscription(1, time(9), "Asia/Shanghai"))
    outbox = Outbox()
    service = AlertService(both_backends_store, "en", clock=Clock(MORNING))
    assert await service.run_pass(outbox) == {1: "sent"}
    assert "90.5% (19 of 21 packages valid)" in outbox.sent[0].replies[0].html
    service.clock = Clock(MORNING + timedelta(days=1))  # 11-22: still 19/21, still below
    assert await service.run_pass(outbox) == {1: "sent"}
    service.clock = Clock(MORNING + timedelta(days=3))  # 11-24
    assert await service.run_pass(outbox) == {1: "sent"}
    (latest, *_) = await both_backends_store.alert_history(1)
    assert latest.triggers == ("stale",)
    assert "100% (19 of 19 packages valid)" in outbox.sent[-1].replies[0].html


@pytest.mark.slow  # the whole CLI wiring, and a chart
async def test_vtrbot_alerts_now_prints_the_pass(tmp_path: Path, monkeypatch, capsys) -> None:
    """`vtrbot alerts --now` without a token prints each chat's alert and outcome."""
    from bot.cli import main

    data = tmp_path / "data"
    data.mkdir()
    async with Store(data / "vtrbot.sqlite3") as store:
        # Ship dates relative to the real today, so the pass finds a fresh 90% category.
        today = datetime.now(UTC).date()
        await merge_records(store, 5, records(18, 2, today - timedelta(days=1)))
        await store.subscribe(Subscription(5, time(9), "UTC"))
    monkeypatch.setenv("VTRBOT_DATA_DIR", str(data))
    monkeypatch.delenv("TELEGRAM_BOT_TOKEN", raising=False)
    monkeypatch.chdir(tmp_path)
    code = await asyncio.to_thread(main, ["alerts", "--now", "--chat", "5"])
    out = capsys.readouterr().out
    assert code == 0
    assert "--- alert for chat 5 ---" in out
    assert "90.0%" in out
    assert "chat 5: sent" in out
    assert list((tmp_path / "vtrbot-files").glob("*.png"))


@pytest.mark.slow
async def test_three_processes_running_the_pass_alert_each_chat_once(database: Database) -> None:
    """Three stores and services (as three replicas whose daily jobs fire together) run the
    pass at once over 30 chats: each chat below the bar gets one alert, each quiet chat is
    decided once, and every chat's outcome is one "sent" or "quiet" among the three."""
    async with database.store() as seed:
        for chat in range(30):
            valid, invalid = (18, 2) if chat % 3 else (20, 0)  # every third chat all well
            await merge_records(seed, chat, records(valid, invalid, date(2026, 11, 20)))
            await seed.subscribe(Subscription(chat, time(9), "Asia/Shanghai"))
    stores = [database.store() for _ in range(3)]
    for each in stores:
        await each.open()
    outbox = Outbox()
    try:
        passes = await asyncio.gather(
            *(AlertService(each, "zh", clock=Clock(MORNING)).run_pass(outbox) for each in stores)
        )
    finally:
        for each in stores:
            await each.close()
    assert sorted(m.chat_id for m in outbox.sent) == [c for c in range(30) if c % 3]
    for chat in range(30):
        outcomes = sorted(one[chat] for one in passes)
        decided = "sent" if chat % 3 else "quiet"
        assert outcomes.count(decided) >= 1
        assert set(outcomes) <= {decided, "already_sent"}
        assert outcomes.count("sent") <= 1


class Killed(BaseException):
    """The process dies here: nothing after this runs (not even `except Exception`)."""


class DyingOutbox(Outbox):
    """Delivers parts until the `die_after`-th, which reaches the chat, then dies."""

    def __init__(self, die_after: int) -> None:
        super().__init__()
        self.die_after = die_after

    async def __call__(self, chat_id: int, part: Reply) -> None:
        await super().__call__(chat_id, part)
        if len(self.parts) == self.die_after:
            raise Killed


async def below_bar_chat(both_backends_store: Store, chat: int, at: time = time(9)) -> None:
    await merge_records(both_backends_store, chat, records(18, 2, date(2026, 11, 20)))  # 90%
    await both_backends_store.subscribe(Subscription(chat, at, "Asia/Shanghai"))


async def test_a_part_being_sent_at_a_death_is_never_sent_again_the_rest_is(
    database: Database,
) -> None:
    """One process dies while its chart is on the way (it may have arrived); another
    process's sweep sends the text, never started, and not the chart again."""
    first, second = database.store(), database.store()
    await first.open()
    await second.open()
    try:
        await below_bar_chat(first, 1)
        dying = DyingOutbox(die_after=1)
        with pytest.raises(Killed):
            await AlertService(first, "en", clock=Clock(MORNING)).run_pass(dying)
        today = date(2026, 11, 21)
        assert [p.state for p in await second.alert_parts(1, today)] == ["sending", "pending"]
        assert await second.day_decided(1, today) is None
        survivor = Outbox()
        later = Clock(MORNING + timedelta(minutes=5))
        assert await AlertService(second, "en", clock=later).sweep(survivor) == {1: "sent"}
        (chart,) = [part for _, part in dying.parts]
        (text,) = [part for _, part in survivor.parts]
        assert chart.image is not None and text.image is None
        assert "90.0%" in text.html
        assert await second.day_decided(1, today) == "sent"
        assert await second.alert_parts(1, today) == []  # no longer needed once decided
        assert await AlertService(second, "en", clock=later).sweep(survivor) == {}
        assert len(survivor.parts) == 1
    finally:
        await first.close()
        await second.close()


async def test_a_death_after_every_part_was_started_sends_nothing_more(
    both_backends_store: Store,
) -> None:
    await below_bar_chat(both_backends_store, 1)
    dying = DyingOutbox(die_after=2)  # the text was on its way
    with pytest.raises(Killed):
        await AlertService(both_backends_store, "en", clock=Clock(MORNING)).run_pass(dying)
    survivor = Outbox()
    service = AlertService(both_backends_store, "en", clock=Clock(MORNING + timedelta(minutes=5)))
    assert await service.sweep(survivor) == {1: "already_sent"}
    assert survivor.parts == []
    assert await both_backends_store.day_decided(1, date(2026, 11, 21)) == "sent"


class FailingText(Outbox):
    """Telegram refuses every text part (the chart goes through)."""

    async def __call__(self, chat_id: int, part: Reply) -> None:
        if part.image is None:
            raise ConnectionError("network down")
        await super().__call__(chat_id, part)


async def test_the_sweep_retries_a_failed_delivery_from_the_part_that_failed(
    both_backends_store: Store,
) -> None:
    await below_bar_chat(both_backends_store, 1)
    await below_bar_chat(both_backends_store, 2)
    service = AlertService(both_backends_store, "en", clock=Clock(MORNING))
    assert await service.run_pass(Outbox(fail_for={1}), chat_id=1) == {1: "failed"}
    flaky = FailingText()
    assert await service.run_pass(flaky, chat_id=2) == {2: "failed"}
    assert [chat for chat, _ in flaky.parts] == [2]  # chat 2's chart went out
    retry = Outbox()
    service.clock = Clock(MORNING + timedelta(minutes=5))
    assert await service.sweep(retry) == {1: "sent", 2: "sent"}
    kinds = [(chat, part.image is not None) for chat, part in retry.parts]
    assert kinds == [(1, True), (1, False), (2, False)]  # chat 2: only the text, once


@pytest.mark.slow  # four chats' alerts, each drawing a chart
async def test_the_sweep_finishes_due_undecided_unlocked_chats_only(
    both_backends_store: Store,
) -> None:
    await below_bar_chat(both_backends_store, 1)  # due at 09:00, undecided
    await below_bar_chat(both_backends_store, 2, at=time(10))  # 09:30 now: not yet due
    await below_bar_chat(both_backends_store, 3)  # decided already
    await below_bar_chat(both_backends_store, 4)  # another process holds it
    service = AlertService(both_backends_store, "en", clock=Clock(MORNING))
    assert await service.run_pass(Outbox(), chat_id=3) == {3: "sent"}
    outbox = Outbox()
    async with both_backends_store.hold("alert:4:2026-11-21") as mine:
        assert mine
        assert await service.sweep(outbox) == {1: "sent", 4: "already_sent"}
    assert sorted({chat for chat, _ in outbox.parts}) == [1]
    assert await service.sweep(outbox) == {4: "sent"}  # let go: the next sweep finishes it
    service.clock = Clock(MORNING + timedelta(hours=1))
    assert await service.sweep(outbox) == {2: "sent"}
    assert sorted({chat for chat, _ in outbox.parts}) == [1, 2, 4]


async def test_the_sweep_reads_every_chat_in_one_query(both_backends_store: Store) -> None:
    """With every chat's day decided, a sweep is one read, however many chats there are."""
    for chat in range(40):
        await both_backends_store.subscribe(Subscription(chat, time(9), "Asia/Shanghai"))
        await both_backends_store.decide_day(chat, date(2026, 11, 21), "quiet")
    reads: list[str] = []
    fetch = both_backends_store.backend.fetch

    async def counted(sql: str, params=()):  # type: ignore[no-untyped-def]
        reads.append(sql)
        return await fetch(sql, params)

    both_backends_store.backend.fetch = counted  # type: ignore[method-assign]
    assert await AlertService(both_backends_store, "en", clock=Clock(MORNING)).sweep(Outbox()) == {}
    assert len(reads) == 1


async def test_a_part_telegram_keeps_refusing_is_given_up_after_three_tries(
    both_backends_store: Store,
) -> None:
    """Every sweep tries a failed part again, three tries in all; then the next part gets
    its own three, and the day is decided: a refused chat does not cost a send all day."""
    await below_bar_chat(both_backends_store, 1)
    refusing = Outbox(fail_for={1})
    tried: list[bool] = []

    async def counted(chat_id: int, part: Reply) -> None:
        tried.append(part.image is not None)
        await refusing(chat_id, part)

    service = AlertService(both_backends_store, "en", clock=Clock(MORNING))
    assert await service.run_pass(counted) == {1: "failed"}
    for minutes in range(5, 30, 5):
        service.clock = Clock(MORNING + timedelta(minutes=minutes))
        assert await service.sweep(counted) == {1: "failed"}
    assert tried == [True, True, True, False, False, False]  # the chart thrice, the text thrice
    assert await service.sweep(counted) == {1: "already_sent"}  # nothing left to try
    assert await both_backends_store.day_decided(1, date(2026, 11, 21)) == "sent"
    assert await service.sweep(counted) == {}
    assert len(tried) == 6


async def test_forget_deletes_the_parts_of_an_alert_still_being_delivered(
    both_backends_store: Store,
) -> None:
    """The stored parts hold the chat's figures (text and chart): /forget removes them too."""
    await below_bar_chat(both_backends_store, 1)
    with pytest.raises(Killed):
        await AlertService(both_backends_store, "en", clock=Clock(MORNING)).run_pass(
            DyingOutbox(die_after=1)
        )
    today = date(2026, 11, 21)
    assert len(await both_backends_store.alert_parts(1, today)) == 2
    await both_backends_store.forget(1)
    assert await both_backends_store.alert_parts(1, today) == []
