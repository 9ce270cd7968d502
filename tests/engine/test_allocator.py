"""The allocator setting reaches polars only if it is in the environment before polars loads;
polars then appends it to its own defaults, and the last setting of an option wins."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

import bot

pytestmark = pytest.mark.slow

SHOW = "import os, bot, polars; print(os.environ['_RJEM_MALLOC_CONF'])"


def _conf_seen(env: dict[str, str]) -> str:
    out = subprocess.run(
        [sys.executable, "-c", SHOW], env=env, capture_output=True, text=True, check=True
    )
    return out.stdout.strip()


def test_importing_bot_sets_the_allocator_default() -> None:
    env = {k: v for k, v in os.environ.items() if k != "_RJEM_MALLOC_CONF"}
    assert _conf_seen(env).endswith("," + bot.ALLOCATOR_SETTINGS)
    assert "dirty_decay_ms:10," in bot.ALLOCATOR_SETTINGS


def test_an_operators_own_setting_wins() -> None:
    env = {**os.environ, "_RJEM_MALLOC_CONF": "narenas:1"}
    seen = _conf_seen(env)
    assert seen.endswith(",narenas:1") and bot.ALLOCATOR_SETTINGS not in seen


def test_a_fresh_worker_keeps_one_arena_unless_the_operator_chose(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from bot.services.isolation import ONE_ARENA, _worker_env

    monkeypatch.setenv("_RJEM_MALLOC_CONF", bot.ALLOCATOR_SETTINGS)
    assert _worker_env()["_RJEM_MALLOC_CONF"] == f"{bot.ALLOCATOR_SETTINGS},{ONE_ARENA}"
    monkeypatch.setenv("_RJEM_MALLOC_CONF", "dirty_decay_ms:0")
    assert _worker_env()["_RJEM_MALLOC_CONF"] == "dirty_decay_ms:0"


def test_a_worker_forked_from_the_server_keeps_one_arena_too() -> None:
    """The workers' server sets it before its polars loads (bot/services/worker_allocator.py):
    what a forked worker reads is what that polars read (polars puts its own defaults
    first, and the last setting of an option wins). The bot's own process keeps its own."""
    from bot.services.isolation import WORKER_ADDRESS_SPACE, call_isolated

    ours = os.environ["_RJEM_MALLOC_CONF"]
    theirs = call_isolated(os.getenv, ("_RJEM_MALLOC_CONF",), (WORKER_ADDRESS_SPACE, 60))
    if ours.endswith(bot.ALLOCATOR_SETTINGS):
        assert theirs.endswith(ours + ",narenas:1")
        assert "narenas" not in ours
    else:  # an operator's own setting, left as it is
        assert theirs.endswith(ours)
