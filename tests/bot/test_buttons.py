"""Button data: each format defined once, so what is encoded decodes to the same action,
and data a client forges is never an exception."""

from __future__ import annotations

from datetime import time

import pytest

from bot.services import buttons

ACTIONS = [
    buttons.ChooseLang("zh"),
    buttons.ChooseLang("en"),
    buttons.AskExample(2),
    buttons.ShowTopic("vtr-threshold"),
    buttons.AlertTime(time(9, 0)),
    buttons.AlertTime(time(23, 59)),
    buttons.AlertZone("America/Argentina/Buenos_Aires"),
    buttons.AlertZone("UTC"),
    buttons.AlertDigest(True),
    buttons.AlertDigest(False),
    buttons.ShowChart(),
    buttons.ShowAlerts(),
    buttons.Forget(confirmed=True),
    buttons.Forget(confirmed=False),
    buttons.FixPackage("111-0000001-0000001", "1"),
    buttons.FixPackage("a" * 30, "PKG-2024-001.abcdefg"),
    buttons.FixConfirm("0123456789abcdef"),
    buttons.FixCancel(),
    buttons.FixList(),
]


@pytest.mark.parametrize("action", ACTIONS, ids=repr)
def test_every_action_survives_a_round_trip_within_64_bytes(action: buttons.Action) -> None:
    data = buttons.encode(action)
    assert len(data.encode()) <= 64
    assert buttons.decode(data) == action


def test_the_formats_stay_what_telegram_clients_already_hold() -> None:
    """Buttons sent before an upgrade are still pressed after it."""
    assert [buttons.encode(a) for a in ACTIONS[:5]] == [
        "lang:zh",
        "lang:en",
        "ask:2",
        "topic:vtr-threshold",
        "sub:time:09:00",
    ]
    assert buttons.encode(buttons.AlertDigest(True)) == "sub:digest:1"
    assert buttons.encode(buttons.Forget(confirmed=True)) == "forget:yes"


@pytest.mark.parametrize(
    "forged",
    [
        "sub",
        "sub:time:99:99",
        "sub:time:24:00",
        "sub:tz:",
        "sub:digest:2",
        "lang:fr",
        "ask:-1",
        "ask:١",
        "topic:",
        "topic:../../etc",
        "chart",
        "forget:maybe",
        "fix",
        "fix:pkg:111-0000001-0000001",
        "fix:pkg:111:1:2",
        "fix:pkg:" + "1" * 31 + ":1",
        "fix:pkg:111-0000001-0000001:../1",
        "fix:ok:0123456789ABCDEF",
        "fix:ok:0123456789abcde",
        "fix:ok:",
        "fix:no:1",
        "fix:list:1",
        "",
        ":",
        "x" * 64,
    ],
)
def test_forged_data_decodes_to_nothing(forged: str) -> None:
    assert buttons.decode(forged) is None
