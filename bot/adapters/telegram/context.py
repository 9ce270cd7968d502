"""The typed context every handler receives: `context.core` instead of string-keyed casts."""

from __future__ import annotations

from dataclasses import dataclass

from telegram.ext import Application, CallbackContext, ExtBot

from bot.services.alerting import AlertService
from bot.services.core import Core
from bot.services.store import Store


@dataclass
class BotServices:
    """What the handlers share; filled in by the composition root before the bot starts."""

    core: Core | None = None
    store: Store | None = None
    alerts: AlertService | None = None


class VtrContext(CallbackContext[ExtBot[None], dict, dict, BotServices]):  # type: ignore[type-var]
    """CallbackContext with the conversation core at hand."""

    def __init__(
        self,
        application: Application,  # type: ignore[type-arg]
        chat_id: int | None = None,
        user_id: int | None = None,
    ) -> None:
        super().__init__(application=application, chat_id=chat_id, user_id=user_id)

    @property
    def core(self) -> Core:
        core = self.bot_data.core
        if core is None:
            raise RuntimeError("the conversation core was not set up")
        return core
