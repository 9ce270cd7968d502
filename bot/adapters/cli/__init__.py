"""`vtrbot` sub-commands: each module has configure(parser) and run(args) -> int."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.settings import Settings


def settings_or_report(command: str) -> Settings | None:
    """The validated settings, or None after telling the user on stderr what is wrong."""
    from bot.settings import SettingsError, load_settings

    try:
        return load_settings()
    except SettingsError as error:
        print(f"vtrbot {command}: invalid settings:\n{error}", file=sys.stderr)
        return None
