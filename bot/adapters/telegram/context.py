"""The typed context every handler receives: `context.core` instead of string-keyed casts."""

from __future__ import annotations

from dataclasses import dataclass

from telegram.ext import Application, CallbackContext, ExtBot

from bot.bootstrap import Services
from bot.services.alerting import AlertService
from bot.services.core import Core


@dataclass
class BotData:
    """What the handlers share; filled in by the composition root before the bot starts."""

    _services: Services | None = None

    @property
    def services(self) -> Services:
        if self._services is None:
            raise RuntimeError("the services were not set up")
        return self._services

    @services.setter
    def services(self, services: Services) -> None:
        self._services = services


class VtrContext(CallbackContext[ExtBot[None], dict, dict, BotData]):  # type: ignore[type-var]
    """CallbackContext with the conversation core and the alert service at hand."""

    def __init__(
        self,
        application: Application,  # type: ignore[type-arg]
        chat_id: int | None = None,
        user_id: int | None = None,
    ) -> None:
        super().__init__(application=application, chat_id=chat_id, user_id=user_id)

    @property
    def core(self) -> Core:
        return self.bot_data.services.core

    @property
    def alerts(self) -> AlertService:
        return self.bot_data.services.alerts
