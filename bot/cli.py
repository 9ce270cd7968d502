"""The `vtrbot` command: one sub-command per adapter module in `bot.adapters.cli`.

Sub-command modules are imported only when chosen, so `vtrbot ask` does not pay
for polars and `vtrbot check` does not pay for python-telegram-bot.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any

# name -> (module, one-line help). Each module exposes configure(parser) and run(args) -> int;
# "module:name" means configure_<name> and run_<name> of a module that serves several.
SUBCOMMANDS: dict[str, tuple[str, str]] = {
    "check": ("bot.adapters.cli.check", "compute VTR from an order or shipment file"),
    "ask": ("bot.adapters.cli.ask", "answer a question from the knowledge base"),
    "chat": ("bot.adapters.cli.chat", "talk to the bot in this terminal, no token needed"),
    "run": ("bot.adapters.cli.run", "run the Telegram bot (needs TELEGRAM_BOT_TOKEN)"),
    "alerts": ("bot.adapters.cli.alerts", "run the daily alert pass once"),
    "connect": ("bot.adapters.cli.amazon:connect", "connect a chat to its Amazon store"),
    "disconnect": ("bot.adapters.cli.amazon:disconnect", "delete a chat's Amazon credentials"),
    "sync": ("bot.adapters.cli.amazon:sync", "sync connected Amazon stores now"),
}


def build_parser(chosen: str | None) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="vtrbot", description=__doc__.splitlines()[0])
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name, (module_name, help_text) in SUBCOMMANDS.items():
        sub = subparsers.add_parser(name, help=help_text, description=help_text)
        if name == chosen:
            _entry(module_name, "configure")(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    as_program = argv is None
    argv = list(sys.argv[1:] if argv is None else argv)
    chosen = next((a for a in argv if not a.startswith("-")), None)
    args = build_parser(chosen if chosen in SUBCOMMANDS else None).parse_args(argv)
    # Run as the program (no argv given): the process is the command's alone, which
    # `check` reads to analyse in it rather than in a worker.
    args.as_program = as_program
    try:
        return int(_entry(SUBCOMMANDS[args.command][0], "run")(args) or 0)
    except BrokenPipeError:  # `vtrbot ask … | head -1`: the reader has all it wanted
        # Python would report the pipe again while flushing stdout at exit: point it nowhere.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as error:  # whatever a command did not foresee: no secret in its trace
        print(masked_traceback(error), file=sys.stderr, end="")
        return 1


SECRET_SETTINGS = (
    "TELEGRAM_BOT_TOKEN", "VTRBOT_SPAPI_CLIENT_SECRET", "VTRBOT_SECRET_KEY",
    "VTRBOT_WEBHOOK_SECRET", "VTRBOT_DATABASE_URL",
)  # fmt: skip
"""Settings whose values no command may print (libraries' errors quote some: PTB's
InvalidToken quotes the bot token)."""


def masked_traceback(error: BaseException) -> str:
    """The error's traceback with every secret setting's value (from the environment or
    `.env`), and the token part of a bot token, replaced by `[secret]`."""
    import traceback

    text = "".join(traceback.format_exception(error))
    for secret in sorted(_secret_values(), key=len, reverse=True):
        text = text.replace(secret, "[secret]")
    return text


def _secret_values() -> set[str]:
    from pathlib import Path

    values = {os.environ.get(name, "") for name in SECRET_SETTINGS}
    try:
        for line in Path(".env").read_text(encoding="utf-8", errors="replace").splitlines():
            name, _, value = line.partition("=")
            if name.strip() in SECRET_SETTINGS:
                values.add(value.strip().strip("\"'"))
    except OSError:
        pass
    values |= {value.partition(":")[2] for value in values if ":" in value}
    return {value for value in values if len(value) >= 6}


def _entry(spec: str, verb: str) -> Callable[[Any], Any]:
    """`configure`/`run` of "module", or `configure_<name>`/`run_<name>` of "module:name"."""
    module_name, _, name = spec.partition(":")
    module = importlib.import_module(module_name)
    entry: Callable[[Any], Any] = getattr(module, f"{verb}_{name}" if name else verb)
    return entry
