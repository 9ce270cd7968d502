"""/subscribe without a zone takes the configured default (VTRBOT_TIMEZONE) in every
language: a Chinese chat on a bot configured for Berlin is not moved to Beijing time."""

from __future__ import annotations

from datetime import time
from pathlib import Path

import pytest

from bot.domain.alerts import Subscription
from bot.services.alert_settings import AlertSettings
from bot.services.alerting import AlertService
from bot.services.i18n import Lang, translator
from bot.services.store import Store


class Recorder:
    """The scheduler the alert service hands each (re)placed subscription to."""

    def __init__(self) -> None:
        self.scheduled: list[Subscription] = []

    def schedule(self, subscription: Subscription) -> None:
        self.scheduled.append(subscription)

    def cancel(self, chat_id: int) -> None:
        return None


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_subscribe_uses_the_configured_zone_in_every_language(
    tmp_path: Path, lang: Lang
) -> None:
    recorder = Recorder()
    async with Store(tmp_path / "vtrbot.sqlite3") as store:
        alerts = AlertService(store, "zh", scheduler=recorder)
        settings = AlertSettings(store, alerts, "Europe/Berlin")
        await settings.subscribe(7, translator(lang), ["08:30"])
        assert recorder.scheduled == [Subscription(7, time(8, 30), "Europe/Berlin")]
        assert (await store.subscription(7)) == Subscription(7, time(8, 30), "Europe/Berlin")
