"""Daily jobs on PTB's JobQueue: the chat's wall-clock time, across time zones and DST."""

from __future__ import annotations

from datetime import UTC, datetime, time

import pytest
from telegram.ext import Application, ApplicationBuilder, JobQueue

from bot.adapters.telegram.jobs import JobQueueScheduler, job_name
from bot.domain.alerts import Subscription


@pytest.fixture(scope="module")
def application() -> Application:  # type: ignore[type-arg]
    """Built once: each build makes two HTTP clients with their TLS contexts (0.1 s)."""
    return ApplicationBuilder().token("123:TEST").build()


@pytest.fixture
def scheduler(application: Application) -> JobQueueScheduler:  # type: ignore[type-arg]
    """A fresh, empty job queue for each test, on the module's application."""
    job_queue: JobQueue = JobQueue()  # type: ignore[type-arg]
    job_queue.set_application(application)
    return JobQueueScheduler(job_queue)


def next_fire(
    scheduler: JobQueueScheduler, subscription: Subscription, after: datetime
) -> datetime:
    scheduler.schedule(subscription)
    (job,) = scheduler.job_queue.get_jobs_by_name(job_name(subscription.chat_id))
    return job.job.trigger.get_next_fire_time(None, after).astimezone(UTC)


@pytest.mark.parametrize(
    ("zone", "after", "expected"),
    [
        # Beijing time has no DST: 09:00 is always 01:00 UTC.
        (
            "Asia/Shanghai",
            datetime(2026, 11, 20, 0, 0, tzinfo=UTC),
            datetime(2026, 11, 20, 1, 0, tzinfo=UTC),
        ),
        (
            "Asia/Shanghai",
            datetime(2026, 11, 20, 1, 0, 1, tzinfo=UTC),
            datetime(2026, 11, 21, 1, 0, tzinfo=UTC),
        ),
        # Berlin springs forward on 2026-03-29: 09:00 CET = 08:00 UTC, then 09:00 CEST = 07:00 UTC.
        (
            "Europe/Berlin",
            datetime(2026, 3, 27, 9, 0, tzinfo=UTC),
            datetime(2026, 3, 28, 8, 0, tzinfo=UTC),
        ),
        (
            "Europe/Berlin",
            datetime(2026, 3, 28, 8, 30, tzinfo=UTC),
            datetime(2026, 3, 29, 7, 0, tzinfo=UTC),
        ),
        # New York falls back on 2026-11-01: 09:00 EDT = 13:00 UTC, then 09:00 EST = 14:00 UTC.
        (
            "America/New_York",
            datetime(2026, 10, 30, 14, 0, tzinfo=UTC),
            datetime(2026, 10, 31, 13, 0, tzinfo=UTC),
        ),
        (
            "America/New_York",
            datetime(2026, 10, 31, 13, 30, tzinfo=UTC),
            datetime(2026, 11, 1, 14, 0, tzinfo=UTC),
        ),
    ],
)
def test_alert_time_is_local_wall_clock(
    scheduler: JobQueueScheduler, zone: str, after: datetime, expected: datetime
) -> None:
    assert next_fire(scheduler, Subscription(7, time(9, 0), zone), after) == expected


def test_rescheduling_replaces_the_chats_job(scheduler: JobQueueScheduler) -> None:
    scheduler.schedule(Subscription(7, time(9, 0), "Asia/Shanghai"))
    scheduler.schedule(Subscription(7, time(18, 30), "Asia/Shanghai"))
    scheduler.schedule(Subscription(8, time(9, 0), "Asia/Shanghai"))
    (job,) = scheduler.job_queue.get_jobs_by_name(job_name(7))
    after = datetime(2026, 11, 20, 0, 0, tzinfo=UTC)
    assert job.job.trigger.get_next_fire_time(None, after) == datetime(
        2026, 11, 20, 10, 30, tzinfo=UTC
    )
    scheduler.cancel(7)
    assert scheduler.job_queue.get_jobs_by_name(job_name(7)) == ()
    assert len(scheduler.job_queue.get_jobs_by_name(job_name(8))) == 1
