"""PTB's webhook server, made to refuse what Telegram never sends.

Telegram's updates are a few KB; PTB's server (tornado) would buffer a body of up to
100 MB from anyone before checking the secret token, and answer a body that is not JSON
with 500. PTB has no option for either, so its server module is adjusted once, before
the server starts: bodies over MAX_UPDATE_BYTES are refused with 400 before they are
read, and a body that is not UTF-8 JSON gets 400 too.
"""

from __future__ import annotations

import functools
import json
from http import HTTPStatus

import tornado.web
from telegram.ext._utils import webhookhandler
from tornado.httpserver import HTTPServer

MAX_UPDATE_BYTES = 1 << 20
"""Largest request body accepted: an update with the longest caption and a full inline
keyboard is far below 64 KB."""
MAX_HEADER_BYTES = 16 << 10


class _StrictTelegramHandler(webhookhandler.TelegramHandler):
    """PTB's handler, with a malformed body answered 400 instead of 500."""

    async def post(self) -> None:
        self._validate_post()  # the secret first, so strangers learn nothing more
        try:
            json.loads(self.request.body.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            raise tornado.web.HTTPError(
                HTTPStatus.BAD_REQUEST, reason="Body is not a JSON update"
            ) from None
        await super().post()


def harden_webhook_server() -> None:
    """Cap request sizes and answer malformed bodies with 400 (idempotent)."""
    # PTB has no option for either, so its module's names are replaced: mypy sees a class
    # (and a name the module does not export) where a factory with our bounds now stands.
    webhookhandler.HTTPServer = functools.partial(  # type: ignore[attr-defined,assignment]  # as said
        HTTPServer, max_body_size=MAX_UPDATE_BYTES, max_header_size=MAX_HEADER_BYTES
    )
    webhookhandler.TelegramHandler = _StrictTelegramHandler  # type: ignore[misc]  # a subclass put in PTB's place
