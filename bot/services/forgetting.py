"""/forget: everything stored about a chat is deleted, after the user confirms.

In a group only its administrators may do this: the Telegram adapter, which knows who they
are, drops the command and the confirming button from anyone else before the core sees
them (`ADMIN_ONLY_COMMANDS` in bot/adapters/telegram/handlers.py)."""

from __future__ import annotations

from bot.services import buttons
from bot.services.alerting import AlertService
from bot.services.i18n import Translator
from bot.services.lines import say
from bot.services.replies import Reply
from bot.services.store import Store
from bot.services.uploads import UploadService


class Forgetting:
    """Deletes a chat's data; an upload still being analysed anywhere is then not stored."""

    def __init__(
        self,
        store: Store,
        alerts: AlertService,
        uploads: UploadService,
    ) -> None:
        self.store = store
        self.alerts = alerts
        self.uploads = uploads

    def prompt(self, t: Translator) -> list[Reply]:
        text = t._(
            "This deletes your stored shipments, reports, alert settings and language. Are you sure?"
        )
        choice = (
            (
                buttons.button(t._("Yes, delete everything"), buttons.Forget(confirmed=True)),
                buttons.button(t._("Cancel"), buttons.Forget(confirmed=False)),
            ),
        )
        return say(text, buttons=choice)

    async def forget(self, chat_id: int, t: Translator, confirmed: bool) -> list[Reply]:
        if not confirmed:
            return say(t._("Nothing was deleted."))
        await self.alerts.stop(chat_id)
        # In one transaction, under the chat's lock: the Amazon connection (credentials first),
        # a /connect half answered, and the claim of an upload in progress on any process
        # (which is then not stored), with everything else.
        await self.store.forget(chat_id)
        self.uploads.reports.forget(chat_id)
        return say(t._("Done: everything stored about this chat is deleted."))
