"""PTB's webhook server, made to refuse what Telegram never sends.

Telegram's updates are a few KB, sent at once. PTB's server (tornado) would buffer a body
of up to 100 MB from anyone before checking the secret token, wait for it without end, and
answer a body that is not JSON with 500; when the process runs out of file descriptors,
tornado retries the accept at once and logs a traceback per attempt. PTB has no option
for any of it, so its server module is adjusted once, before the server starts:

- the secret token and content type are checked on the headers, before any body byte is
  read (a stranger gets 403 and the connection is closed);
- a body over MAX_UPDATE_BYTES is refused before it is read, and one that takes longer
  than BODY_TIMEOUT_S in all is dropped; a connection idle for IDLE_TIMEOUT_S (headers
  included) is closed;
- a body that is not UTF-8 JSON gets 400;
- a failed accept (EMFILE: too many open files) pauses accepting for ACCEPT_PAUSE_S and is
  logged once per ACCEPT_LOG_EVERY_S, not once per attempt.
"""

from __future__ import annotations

import functools
import json
import logging
import socket
import time
from collections.abc import Callable
from http import HTTPStatus
from typing import Any

import tornado.tcpserver
import tornado.web
from telegram.ext._utils import webhookhandler
from tornado.httpserver import HTTPServer
from tornado.ioloop import IOLoop

log = logging.getLogger(__name__)

MAX_UPDATE_BYTES = 1 << 20
"""Largest request body accepted: an update with the longest caption and a full inline
keyboard is far below 64 KB."""
MAX_HEADER_BYTES = 16 << 10
BODY_TIMEOUT_S = 10.0
"""A whole body, first byte to last (Telegram sends a few KB at once)."""
IDLE_TIMEOUT_S = 30.0
"""A connection with no request under way (its headers included) is closed after this."""
ACCEPTS_PER_EVENT = 128
ACCEPT_PAUSE_S = 0.5
ACCEPT_LOG_EVERY_S = 60.0


@tornado.web.stream_request_body
class _StrictTelegramHandler(webhookhandler.TelegramHandler):
    """PTB's handler, deciding on the headers first and answering a malformed body 400."""

    def prepare(self) -> None:
        self._validate_post()  # the secret first, so strangers learn nothing more
        self._chunks: list[bytes] = []

    def data_received(self, chunk: bytes) -> None:
        self._chunks.append(chunk)  # the server bounds the size (max_body_size)

    async def post(self) -> None:
        self.request.body = b"".join(self._chunks)
        try:
            json.loads(self.request.body.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            raise tornado.web.HTTPError(
                HTTPStatus.BAD_REQUEST, reason="Body is not a JSON update"
            ) from None
        await super().post()


def harden_webhook_server() -> None:
    """Check the secret before the body, bound sizes and times, answer malformed bodies
    with 400, and keep failed accepts from spinning (idempotent)."""
    # PTB has no option for any of it, so its module's names are replaced: mypy sees a class
    # (and a name the module does not export) where a factory with our bounds now stands.
    webhookhandler.HTTPServer = functools.partial(  # type: ignore[attr-defined,assignment]  # as said
        HTTPServer, max_body_size=MAX_UPDATE_BYTES, max_header_size=MAX_HEADER_BYTES,
        body_timeout=BODY_TIMEOUT_S, idle_connection_timeout=IDLE_TIMEOUT_S,
    )  # fmt: skip
    webhookhandler.TelegramHandler = _StrictTelegramHandler  # type: ignore[misc]  # a subclass put in PTB's place
    tornado.tcpserver.add_accept_handler = add_accept_handler  # type: ignore[attr-defined]  # tornado imports it by name


def add_accept_handler(
    sock: socket.socket, callback: Callable[[socket.socket, Any], None]
) -> Callable[[], None]:
    """Tornado's `netutil.add_accept_handler`, but an accept that fails (EMFILE, ENFILE,
    ENOBUFS) stops accepting for ACCEPT_PAUSE_S instead of raising from the event loop,
    which retried at once and logged a traceback per attempt."""
    io_loop = IOLoop.current()
    removed = False
    last_logged = -ACCEPT_LOG_EVERY_S

    def pause(error: OSError) -> None:
        nonlocal last_logged
        now = time.monotonic()
        if now - last_logged >= ACCEPT_LOG_EVERY_S:
            last_logged = now
            log.warning("webhook: cannot accept connections (%s); pausing %.1f s; "
                        "logged once per %.0f s", error.strerror or error, ACCEPT_PAUSE_S,
                        ACCEPT_LOG_EVERY_S)  # fmt: skip
        io_loop.remove_handler(sock)
        io_loop.call_later(ACCEPT_PAUSE_S, resume)

    def resume() -> None:
        if not removed:
            io_loop.add_handler(sock, accept, IOLoop.READ)

    def accept(_fd: object, _events: int) -> None:
        for _ in range(ACCEPTS_PER_EVENT):
            if removed:
                return
            try:
                connection, address = sock.accept()
            except BlockingIOError:
                return
            except ConnectionAbortedError:
                continue
            except OSError as error:
                pause(error)
                return
            callback(connection, address)

    def remove() -> None:
        nonlocal removed
        io_loop.remove_handler(sock)
        removed = True

    io_loop.add_handler(sock, accept, IOLoop.READ)
    return remove
