"""The typed context every handler receives: `context.core` instead of string-keyed casts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, TypeAlias

from telegram.ext import Application, CallbackContext, ExtBot, JobQueue

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


class VtrContext(CallbackContext[ExtBot[None], dict[Any, Any], dict[Any, Any], BotData]):
    """CallbackContext with the conversation core and the alert service at hand."""

    def __init__(
        self,
        application: VtrApplication,
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


VtrJobQueue: TypeAlias = JobQueue[VtrContext]
VtrApplication: TypeAlias = Application[
    ExtBot[Any], VtrContext, dict[Any, Any], dict[Any, Any], BotData, JobQueue[Any]
]
"""The application as `build_application` makes it. Its bot and job queue are `Any`-typed:
PTB's builder types them from the rate limiter and the default context, whatever
`context_types` says."""
