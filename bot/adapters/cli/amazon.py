"""`vtrbot connect`, `vtrbot disconnect` and `vtrbot sync`: a seller's Amazon store, for
operators and scripts (the same service as the bot's /connect).

The refresh token is read from a file (never an argument: arguments show in `ps` and in
shell history) and is never printed.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from pydantic import SecretStr

from bot.services.amazon.tokens import is_refresh_token

if TYPE_CHECKING:
    from bot.services.amazon.service import AmazonService
    from bot.services.amazon.sync import SyncOutcome
    from bot.settings import Settings

T = TypeVar("T")


def configure_connect(parser: argparse.ArgumentParser) -> None:
    from bot.domain.amazon_regions import REGIONS

    parser.add_argument("--chat", type=int, required=True, help="the seller's chat ID")
    parser.add_argument("--region", choices=REGIONS, required=True)
    parser.add_argument(
        "--marketplace", action="append", required=True, metavar="ID",
        help="marketplace ID or code (ATVPDKIKX0DER or US); repeat for more",
    )  # fmt: skip
    parser.add_argument(
        "--refresh-token-file", type=Path, required=True, metavar="FILE",
        help="file holding the store's LWA refresh token (Seller Central → Develop Apps)",
    )  # fmt: skip


def run_connect(args: argparse.Namespace) -> int:
    try:
        token = read_token_file(args.refresh_token_file)
    except TokenFileProblem as problem:
        print(f"vtrbot connect: {problem}", file=sys.stderr)
        return 2

    async def connect(service: AmazonService) -> int:
        result = await service.connect(args.chat, args.region, args.marketplace, token)
        if result.status == "connected":
            print(f"chat {args.chat}: connected {args.region} {', '.join(result.marketplace_ids)}")
            return 0
        if result.status == "not_configured":
            print(_missing(service), file=sys.stderr)
        elif result.status == "unknown_marketplace":
            print(f"vtrbot connect: {args.region} does not serve {', '.join(result.unknown)}",
                  file=sys.stderr)  # fmt: skip
        else:
            print(f"vtrbot connect: not connected: {_CONNECT_PROBLEMS[result.status]}",
                  file=sys.stderr)  # fmt: skip
        return 1

    return _with_service("connect", connect)


_CONNECT_PROBLEMS = {
    "revoked": "Amazon refused the refresh token (invalid_grant): authorize the app again",
    "app_rejected": "Login with Amazon refused VTRBOT_SPAPI_CLIENT_ID/SECRET",
    "refused": "Amazon refused the test call (does the app have the Orders role?)",
    "unavailable": "Amazon did not answer; try again later",
    "malformed": "Login with Amazon or SP-API answered something unreadable; try again later",
}


class TokenFileProblem(Exception):
    """Why a token file was not used; `str()` never holds the file's content."""


TOKEN_FILE_MAX_BYTES = 4096
"""A refresh token is a few hundred characters: a bigger file is not a token file (and a
link to /dev/zero is read no further than this)."""


def read_token_file(path: Path) -> SecretStr:
    """The one refresh token the file holds (blank lines and spaces around it allowed)."""
    try:
        with path.open("rb") as file:
            data = file.read(TOKEN_FILE_MAX_BYTES + 1)
    except OSError as error:
        raise TokenFileProblem(f"cannot read the token file: {error.strerror}") from None
    if len(data) > TOKEN_FILE_MAX_BYTES:
        raise TokenFileProblem(f"the token file is over {TOKEN_FILE_MAX_BYTES} bytes")
    try:
        words = data.decode("utf-8").split()
    except UnicodeDecodeError:
        raise TokenFileProblem("the token file is not text") from None
    if not words:
        raise TokenFileProblem("the token file is empty")
    if len(words) > 1:
        raise TokenFileProblem("the token file holds more than one line: put the token alone")
    if not is_refresh_token(words[0]):
        raise TokenFileProblem("the token file does not hold a refresh token (Atzr|…)")
    return SecretStr(words[0])


def configure_disconnect(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--chat", type=int, required=True, help="the seller's chat ID")


def run_disconnect(args: argparse.Namespace) -> int:
    async def disconnect(service: AmazonService) -> int:
        removed = await service.disconnect(args.chat)
        print(f"chat {args.chat}: " + ("disconnected" if removed else "was not connected"))
        return 0

    return _with_service("disconnect", disconnect)


def configure_sync(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--now", action="store_true", required=True, help="sync now")
    parser.add_argument("--chat", type=int, help="only this chat (default: every connected one)")


def run_sync(args: argparse.Namespace) -> int:
    async def sync(service: AmazonService) -> int:
        if service.sync is None:
            print(_missing(service), file=sys.stderr)
            return 2
        outcomes = await service.sync_now(args.chat)
        for outcome in outcomes:
            print(describe(outcome))
        if not outcomes:
            print("no connected chat")
        return 0 if all(o.status == "ok" for o in outcomes) else 1

    return _with_service("sync", sync)


def describe(outcome: SyncOutcome) -> str:
    """One paragraph per chat: what was fetched, Amazon's VTR, and any problem."""
    from bot.domain.amazon_regions import marketplace_code_of

    kind = "backfill" if outcome.backfill else "incremental"
    lines = [f"chat {outcome.chat_id}: {outcome.status} ({kind}): {outcome.orders} orders, "
             f"{outcome.packages} packages"]  # fmt: skip
    for s in outcome.snapshots:
        lines.append(
            f"  Amazon VTR {marketplace_code_of(s.marketplace_id)}: {s.rate:.2%} "
            f"({s.valid_tracking_count}/{s.shipment_count}, {s.status}, "
            f"{s.date_from}..{s.date_to})"
        )
    if outcome.report_problem:
        lines.append(f"  performance report {outcome.report_problem}: asked again tomorrow")
    if outcome.status != "ok" and outcome.last_good_sync:
        lines.append(f"  last good sync: {outcome.last_good_sync:%Y-%m-%d %H:%M} UTC")
    return "\n".join(lines)


def _missing(service: AmazonService) -> str:
    return "Amazon is not configured: set " + ", ".join(service.missing_settings())


def _with_service(command: str, work: Callable[[AmazonService], Awaitable[int]]) -> int:
    from bot.adapters.cli import settings_or_report

    settings = settings_or_report(command)
    if settings is None:
        return 2
    return asyncio.run(_open_and_run(settings, work))


async def _open_and_run(settings: Settings, work: Callable[[AmazonService], Awaitable[T]]) -> T:
    from bot.bootstrap import amazon_service, open_store

    async with open_store(settings) as store:
        return await work(amazon_service(settings, store))
