"""A fake Telegram Bot API server on 127.0.0.1 for end-to-end tests.

The real `Application` talks to it over HTTP (base_url / base_file_url). Tests push updates
("a user sent /start") into a queue that getUpdates long-polls, and read back every call the
bot made, with its parameters and any uploaded file's bytes.

Faults: `fail_next("sendMessage", status=500, times=2)` answers the next calls with an error
(a 429 with `retry_after=1` carries Telegram's `parameters.retry_after`), and
`delay_next("sendMessage", seconds=1)` answers late, so the bot's read timeout fires.
Every push and call is stamped with `time.perf_counter()` for the load bench.

Webhooks: `deliver_to_webhooks` POSTs updates round-robin to several URLs (a balancer's
part played by the test); `deliver_to_webhook` POSTs them to one public URL as Telegram
does, and retries a delivery that failed (an error status or no connection) until it is
answered with a success.

Flood control: `FakeBotApi(flood_limit=30)` answers 429 (retry_after 1), as Telegram does, to
any call with a chat that would make more than 30 such calls in the last second.

Several processes: each may call through its own `base_url_via("r1")` (`…/r1/bot<token>/…`),
so every `Call.via` says which process made it. `hold_answer("sendPhoto", nth=250)` takes
the 250th such call in (it counts as delivered, as Telegram would deliver it) but holds its
answer until the test calls `release()`: the sender is then known to be waiting on it, and
can be killed at exactly that point.
"""

from __future__ import annotations

import asyncio
import collections
import itertools
import json
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp
from aiohttp import web

from tests.loopback import serve_on_loopback

BOT_ID = 777000
BOT_USERNAME = "vtr_test_bot"
TIMED_OUT = 408

REPLY_BOUND = 15
"""Seconds a test waits for a reply the bot makes in its own process."""

ANALYSIS_BOUND = 90
"""Seconds a test waits for a file's report (`sendDocument`): the file is analysed in a
worker process, whose start (importing polars and the rules) stretches many times over on
a 2-core machine shared with other test workers. Only a failing test waits it out."""
"""`Call.status` of a call answered after a `delay_next`: the bot had stopped waiting."""


@dataclass
class Call:
    """One Bot API request the bot made."""

    method: str
    params: dict[str, Any]
    files: dict[str, tuple[str, bytes]] = field(default_factory=dict)
    status: int = 200
    """The HTTP status the fake answered with (not 200 only when a fault was injected)."""
    at: float = field(default_factory=time.perf_counter)
    via: str = ""
    """The path prefix the caller's base URL had (see `FakeBotApi.base_url_via`), "" for none."""

    @property
    def chat_id(self) -> int | None:
        value = self.params.get("chat_id")
        return int(value) if value is not None else None

    @property
    def text(self) -> str:
        return str(self.params.get("text") or self.params.get("caption") or "")

    @property
    def buttons(self) -> list[tuple[str, str]]:
        """(label, callback_data) of every inline button, row by row."""
        markup = self.params.get("reply_markup") or {}
        return [
            (button["text"], button.get("callback_data", ""))
            for row in markup.get("inline_keyboard", [])
            for button in row
        ]


@dataclass(frozen=True)
class Delivery:
    """One attempt to POST an update to a webhook, as Telegram makes it."""

    update_id: int
    status: int | None
    """The HTTP status answered; None when no connection could be made or it broke."""
    at: float = field(default_factory=time.perf_counter)

    @property
    def succeeded(self) -> bool:
        return self.status is not None and 200 <= self.status < 300


@dataclass
class Fault:
    """How the next `times` calls of one method are answered instead of normally."""

    times: int
    status: int = 200
    retry_after: int | None = None
    delay: float = 0.0


@dataclass
class Gate:
    """The `nth` call of a method, taken in but not answered until `release()`."""

    method: str
    nth: int
    seen: int = 0
    call: Call | None = None
    arrived: asyncio.Event = field(default_factory=asyncio.Event)
    released: asyncio.Event = field(default_factory=asyncio.Event)

    async def reached(self, timeout: float) -> Call:
        """The held call, once it has come in."""
        async with asyncio.timeout(timeout):
            await self.arrived.wait()
        assert self.call is not None
        return self.call

    def release(self) -> None:
        self.released.set()


def _decode(value: str) -> Any:
    """Form values PTB JSON-encodes (reply_markup, commands) back to objects."""
    if value[:1] in "[{":
        try:
            return json.loads(value)
        except json.JSONDecodeError:
            return value
    return value


class FakeBotApi:
    """Start with `await start()`, stop with `await stop()`; see `user_*` to send updates."""

    def __init__(
        self,
        token: str = "123456:TEST-TOKEN",
        local_dir: Path | None = None,
        flood_limit: int | None = None,
    ) -> None:
        self.token = token
        self.flood_limit = flood_limit
        self._chat_calls: collections.deque[float] = collections.deque()
        self.local_dir = local_dir
        """Set: behave like a Bot API server started with --local (getFile gives disk paths)."""
        self.calls: list[Call] = []
        self.files: dict[str, bytes] = {}
        self._updates: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
        self._changed = asyncio.Condition()
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(1000)
        self._file_ids = itertools.count(1)
        self._faults: dict[str, list[Fault]] = {}
        self._gates: dict[str, Gate] = {}
        self.admins: set[int] = set()
        """Users that getChatMember reports as administrators of every group."""
        self.pushed_at: dict[int, float] = {}
        """update_id → when the update was queued for getUpdates (perf_counter)."""
        self._runner: web.AppRunner | None = None
        self._last_message: dict[str, Any] = {}
        self.port = 0
        self.deliveries: list[Delivery] = []
        """Every webhook delivery attempt of `deliver_to_webhook`, failed ones included."""

    # -- lifecycle -------------------------------------------------------------------------

    async def start(self) -> None:
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._api)
        app.router.add_route("*", "/{via}/bot{token}/{method}", self._api)
        app.router.add_get("/file/bot{token}/{path:.+}", self._download)
        self._runner, self.port = await serve_on_loopback(app)

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/bot"

    def base_url_via(self, via: str) -> str:
        """A base URL whose calls are recorded with `Call.via == via` (one per process)."""
        return f"http://127.0.0.1:{self.port}/{via}/bot"

    @property
    def base_file_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/file/bot"

    # -- what users do ---------------------------------------------------------------------

    def _user(self, chat_id: int, lang: str | None) -> dict[str, Any]:
        user: dict[str, Any] = {"id": chat_id, "is_bot": False, "first_name": "Seller"}
        if lang:
            user["language_code"] = lang
        return user

    def _incoming(self, chat_id: int, lang: str | None, **content: Any) -> dict[str, Any]:
        return {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": {"id": chat_id, "type": "private", "first_name": "Seller"},
            "from": self._user(chat_id, lang),
            **content,
        }

    def _push(self, **update: Any) -> int:
        if "message" in update:
            self._last_message = update["message"]
        update_id = next(self._update_ids)
        self.pushed_at[update_id] = time.perf_counter()
        self._updates.put_nowait({"update_id": update_id, **update})
        return update_id

    def user_sends(self, chat_id: int, text: str, lang: str | None = "zh") -> int:
        content: dict[str, Any] = {"text": text}
        if text.startswith("/"):
            length = len(text.split(maxsplit=1)[0])
            content["entities"] = [{"type": "bot_command", "offset": 0, "length": length}]
        return self._push(message=self._incoming(chat_id, lang, **content))

    def user_sends_document(
        self,
        chat_id: int,
        data: bytes,
        filename: str,
        caption: str | None = None,
        lang: str | None = "zh",
        size: int | None = None,
    ) -> int:
        file_id = f"file-{next(self._file_ids)}"
        self.files[file_id] = data
        document = {
            "file_id": file_id,
            "file_unique_id": f"u{file_id}",
            "file_name": filename,
            "file_size": len(data) if size is None else size,
        }
        content: dict[str, Any] = {"document": document}
        if caption:
            content["caption"] = caption
        return self._push(message=self._incoming(chat_id, lang, **content))

    def user_sends_photo(self, chat_id: int, caption: str, lang: str | None = "zh") -> int:
        """A photo with a caption (its pixels are never fetched by the bot)."""
        file_id = f"file-{next(self._file_ids)}"
        photo = [{"file_id": file_id, "file_unique_id": f"u{file_id}", "width": 90, "height": 90}]
        return self._push(message=self._incoming(chat_id, lang, photo=photo, caption=caption))

    def member_sends(self, group_id: int, user_id: int, text: str, lang: str = "en") -> int:
        """A member of a group (a negative chat id) sends text or a command there."""
        message = self._incoming(group_id, lang, text=text)
        message["chat"] = {"id": group_id, "type": "supergroup", "title": "Shop team"}
        message["from"] = self._user(user_id, lang)
        if text.startswith("/"):
            length = len(text.split(maxsplit=1)[0])
            message["entities"] = [{"type": "bot_command", "offset": 0, "length": length}]
        return self._push(message=message)

    def user_edits_caption(self, chat_id: int, message: dict[str, Any], caption: str) -> int:
        """The user edits the caption of a document sent before."""
        return self._push(
            edited_message={**message, "caption": caption, "edit_date": int(time.time())}
        )

    def last_pushed_message(self) -> dict[str, Any]:
        return self._last_message

    def user_presses(self, chat_id: int, data: str, lang: str | None = "zh") -> int:
        message = self._incoming(chat_id, None, text="(buttons)")
        message["from"] = {"id": BOT_ID, "is_bot": True, "first_name": "VTR"}
        query = {
            "id": f"cq-{next(self._update_ids)}",
            "from": self._user(chat_id, lang),
            "chat_instance": f"ci-{chat_id}",
            "message": message,
            "data": data,
        }
        return self._push(callback_query=query)

    async def deliver_to_webhooks(self, urls: list[str], secret: str) -> list[int]:
        """Telegram in webhook mode behind a load balancer: POST every queued update to the
        next URL in turn, with the secret header; the HTTP status of each delivery."""
        statuses = []
        headers = {"X-Telegram-Bot-Api-Secret-Token": secret}
        async with aiohttp.ClientSession() as http:
            for url in itertools.cycle(urls):
                if self._updates.empty():
                    break
                update = self._updates.get_nowait()
                async with http.post(url, json=update, headers=headers) as response:
                    statuses.append(response.status)
        return statuses

    async def deliver_to_webhook(
        self, url: str, secret: str, connections: int = 1, retry_after: float = 0.2
    ) -> None:
        """Telegram in webhook mode: POST every queued update to the one public `url`, with
        the secret header, over up to `connections` requests at a time (Telegram's
        max_connections). A delivery answered with an error status or not answered at all
        is tried again after `retry_after` seconds until it succeeds, as Telegram retries
        for hours; every attempt is kept in `deliveries`. Returns when all succeeded."""
        headers = {"X-Telegram-Bot-Api-Secret-Token": secret}
        async with aiohttp.ClientSession() as http:

            async def worker() -> None:
                while not self._updates.empty():
                    update = self._updates.get_nowait()
                    while not await self._post(http, url, update, headers):
                        await asyncio.sleep(retry_after)

            await asyncio.gather(*(worker() for _ in range(connections)))

    async def _post(
        self,
        http: aiohttp.ClientSession,
        url: str,
        update: dict[str, Any],
        headers: dict[str, str],
    ) -> bool:
        """One delivery attempt, recorded; whether it succeeded."""
        try:
            async with http.post(url, json=update, headers=headers) as response:
                await response.read()
                status: int | None = response.status
        except aiohttp.ClientError:
            status = None
        delivery = Delivery(update["update_id"], status)
        self.deliveries.append(delivery)
        return delivery.succeeded

    # -- faults ----------------------------------------------------------------------------

    def fail_next(
        self, method: str, status: int = 500, times: int = 1, retry_after: int | None = None
    ) -> None:
        """Answer the next `times` calls of `method` with `status` (429: with retry_after)."""
        self._faults.setdefault(method, []).append(
            Fault(times=times, status=status, retry_after=retry_after)
        )

    def delay_next(self, method: str, seconds: float, times: int = 1) -> None:
        """Answer the next `times` calls of `method` normally, but only after `seconds`."""
        self._faults.setdefault(method, []).append(Fault(times=times, delay=seconds))

    def hold_answer(self, method: str, nth: int) -> Gate:
        """Take the `nth` call of `method` in (recorded as answered) but hold the answer
        until `Gate.release()`."""
        gate = self._gates[method] = Gate(method, nth)
        return gate

    async def _pass_gate(self, call: Call) -> None:
        gate = self._gates.get(call.method)
        if gate is None:
            return
        gate.seen += 1
        if gate.seen == gate.nth:
            gate.call = call
            gate.arrived.set()
            await gate.released.wait()

    def _take_fault(self, method: str) -> Fault | None:
        queue = self._faults.get(method)
        if not queue:
            return None
        fault = queue[0]
        fault.times -= 1
        if fault.times <= 0:
            queue.pop(0)
        return fault

    def attempts(self, method: str, chat_id: int | None = None) -> list[Call]:
        """Every call of `method`, failed ones included (`sent` counts only the answered)."""
        return [
            c
            for c in self.calls
            if c.method == method and (chat_id is None or c.chat_id == chat_id)
        ]

    # -- what tests read -------------------------------------------------------------------

    def sent(self, method: str, chat_id: int | None = None) -> list[Call]:
        """Calls of `method` the fake answered with success."""
        return [c for c in self.attempts(method, chat_id) if c.status == 200]

    async def wait_for(
        self, method: str, chat_id: int | None = None, count: int = 1, timeout: float | None = None
    ) -> list[Call]:
        """Wait until the bot made at least `count` such calls; returns them all. Unless told,
        a report is waited for `ANALYSIS_BOUND`, any other call `REPLY_BOUND`."""
        if timeout is None:
            timeout = ANALYSIS_BOUND if method == "sendDocument" else REPLY_BOUND
        async with asyncio.timeout(timeout):
            async with self._changed:
                await self._changed.wait_for(lambda: len(self.sent(method, chat_id)) >= count)
        return self.sent(method, chat_id)

    # -- the server ------------------------------------------------------------------------

    async def _params(self, request: web.Request) -> tuple[dict[str, Any], dict[str, Any]]:
        params: dict[str, Any] = dict(request.query)
        files: dict[str, tuple[str, bytes]] = {}
        if request.content_type == "application/json":
            params.update(await request.json())
        elif request.can_read_body:
            form = await request.post()
            for key, value in form.items():
                if isinstance(value, web.FileField):
                    files[key] = (value.filename, value.file.read())
                else:
                    params[key] = _decode(str(value))
        return params, files

    async def _record(self, call: Call) -> None:
        async with self._changed:
            self.calls.append(call)
            self._changed.notify_all()

    def _message(self, chat_id: Any, **content: Any) -> dict[str, Any]:
        return {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": {"id": int(chat_id), "type": "private"},
            "from": {"id": BOT_ID, "is_bot": True, "first_name": "VTR"},
            **content,
        }

    async def _api(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return web.json_response(
                {"ok": False, "error_code": 401, "description": "Unauthorized"}, status=401
            )
        method, via = request.match_info["method"], request.match_info.get("via", "")
        params, files = await self._params(request)
        fault = self._take_fault(method)
        if fault is None and self._flooded(params):
            fault = Fault(times=1, status=429, retry_after=1)
        if fault is not None and fault.status != 200:
            await self._record(Call(method, params, files, status=fault.status, via=via))
            return self._error(fault)
        if fault is not None:
            # Late: the bot has given up by then, so this call is not recorded as answered.
            await asyncio.sleep(fault.delay)
            await self._record(Call(method, params, files, status=TIMED_OUT, via=via))
            return web.json_response({"ok": True, "result": True})
        if method != "getUpdates":
            call = Call(method, params, files, via=via)
            await self._record(call)
            await self._pass_gate(call)
        handler = getattr(self, f"_on_{method}", None)
        if handler is None:
            return web.json_response({"ok": True, "result": True})
        return web.json_response({"ok": True, "result": await handler(params, files)})

    def _flooded(self, params: dict[str, Any]) -> bool:
        """This call with a chat would be one too many in the last second (flood_limit)."""
        if self.flood_limit is None or params.get("chat_id") is None:
            return False
        now = time.perf_counter()
        while self._chat_calls and self._chat_calls[0] <= now - 1.0:
            self._chat_calls.popleft()
        if len(self._chat_calls) >= self.flood_limit:
            return True
        self._chat_calls.append(now)
        return False

    @staticmethod
    def _error(fault: Fault) -> web.Response:
        body: dict[str, Any] = {
            "ok": False,
            "error_code": fault.status,
            "description": {429: "Too Many Requests", 400: "Bad Request: chat not found"}.get(
                fault.status, "Internal Server Error"
            ),
        }
        if fault.retry_after is not None:
            body["parameters"] = {"retry_after": fault.retry_after}
            body["description"] += f": retry after {fault.retry_after}"
        return web.json_response(body, status=fault.status)

    async def _on_getMe(self, params: dict[str, Any], files: dict[str, Any]) -> Any:  # noqa: N802
        return {
            "id": BOT_ID,
            "is_bot": True,
            "first_name": "VTR",
            "username": BOT_USERNAME,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
        }

    async def _on_getChatMember(self, params: dict[str, Any], files: dict[str, Any]) -> Any:  # noqa: N802
        user_id = int(params["user_id"])
        status = "administrator" if user_id in self.admins else "member"
        member: dict[str, Any] = {"status": status, "user": self._user(user_id, None)}
        if status == "administrator":
            member.update(
                can_be_edited=False,
                is_anonymous=False,
                can_manage_chat=True,
                can_delete_messages=True,
                can_manage_video_chats=True,
                can_restrict_members=True,
                can_promote_members=False,
                can_change_info=True,
                can_invite_users=True,
                can_post_stories=False,
                can_edit_stories=False,
                can_delete_stories=False,
            )
        return member

    async def _on_getUpdates(self, params: dict[str, Any], files: dict[str, Any]) -> Any:  # noqa: N802
        # Hold the long poll briefly, so stopping the bot never waits long.
        wait = min(float(params.get("timeout") or 0), 0.2)
        updates = []
        try:
            updates.append(await asyncio.wait_for(self._updates.get(), timeout=wait or 0.01))
        except TimeoutError:
            return []
        while not self._updates.empty():
            updates.append(self._updates.get_nowait())
        return updates

    async def _on_sendMessage(self, params: dict[str, Any], files: dict[str, Any]) -> Any:  # noqa: N802
        return self._message(params["chat_id"], text=params.get("text", ""))

    async def _on_editMessageText(self, params: dict[str, Any], files: dict[str, Any]) -> Any:  # noqa: N802
        message = self._message(params["chat_id"], text=params.get("text", ""))
        message["message_id"] = int(params["message_id"])
        return message

    async def _on_sendDocument(self, params: dict[str, Any], files: dict[str, Any]) -> Any:  # noqa: N802
        filename = files["document"][0] if "document" in files else "document"
        document = {"file_id": "sent-doc", "file_unique_id": "sent-doc", "file_name": filename}
        return self._message(params["chat_id"], document=document)

    async def _on_sendPhoto(self, params: dict[str, Any], files: dict[str, Any]) -> Any:  # noqa: N802
        size = {
            "file_id": "sent-photo",
            "file_unique_id": "sent-photo",
            "width": 1000,
            "height": 560,
        }
        return self._message(params["chat_id"], photo=[size], caption=params.get("caption"))

    async def _on_getFile(self, params: dict[str, Any], files: dict[str, Any]) -> Any:  # noqa: N802
        file_id = params["file_id"]
        path = f"documents/{file_id}"
        if self.local_dir is not None:  # a --local server answers with a path on its disk
            local = self.local_dir / file_id
            local.write_bytes(self.files[file_id])
            path = str(local)
        return {
            "file_id": file_id,
            "file_unique_id": f"u{file_id}",
            "file_size": len(self.files[file_id]),
            "file_path": path,
        }

    async def _download(self, request: web.Request) -> web.Response:
        file_id = request.match_info["path"].rsplit("/", 1)[-1]
        if request.match_info["token"] != self.token or file_id not in self.files:
            return web.Response(status=404)
        await self._record(Call("download", {"file_id": file_id}))
        return web.Response(body=self.files[file_id])
