"""Every inline button's data format, defined once: encoded here, decoded here.

A button's data comes back from Telegram as a string the client may have forged, so
`decode` never raises: anything it does not recognise is `None`, and the caller answers
"this button no longer works". Telegram caps button data at 64 bytes (`Button` checks).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import time

from bot.services.dates import parse_clock
from bot.services.i18n import SUPPORTED_LANGS, Lang
from bot.services.replies import Button

_TOPIC_ID = re.compile(r"^[A-Za-z0-9_.-]{1,58}$")
_ZONE = re.compile(r"^[A-Za-z0-9_+-]+(?:/[A-Za-z0-9_+-]+){0,2}$")
_FIX_PACKAGE = re.compile(r"^([0-9A-Za-z-]{1,30}):([0-9A-Za-z_.-]{1,20})$")
"""An Amazon order ID (3-7-7) and a package reference ID: 59 bytes with "fix:pkg:" at most."""
_FIX_TOKEN = re.compile(r"^[0-9a-f]{16}$")


@dataclass(frozen=True, slots=True)
class ChooseLang:
    lang: Lang


@dataclass(frozen=True, slots=True)
class AskExample:
    index: int


@dataclass(frozen=True, slots=True)
class ShowTopic:
    entry_id: str


@dataclass(frozen=True, slots=True)
class AlertTime:
    at: time


@dataclass(frozen=True, slots=True)
class AlertZone:
    zone: str


@dataclass(frozen=True, slots=True)
class AlertDigest:
    digest: bool


@dataclass(frozen=True, slots=True)
class ShowChart:
    pass


@dataclass(frozen=True, slots=True)
class ShowAlerts:
    pass


@dataclass(frozen=True, slots=True)
class Forget:
    confirmed: bool


@dataclass(frozen=True, slots=True)
class FixPackage:
    """Start fixing one package of the chat's connected store."""

    order_id: str
    package_id: str


@dataclass(frozen=True, slots=True)
class FixConfirm:
    """Send the one change `token` names (the chat's pending step must hold it)."""

    token: str


@dataclass(frozen=True, slots=True)
class FixCancel:
    pass


@dataclass(frozen=True, slots=True)
class FixList:
    """List the connected store's packages that can be fixed from the chat (/fix)."""


Action = (
    ChooseLang
    | AskExample
    | ShowTopic
    | AlertTime
    | AlertZone
    | AlertDigest
    | ShowChart
    | ShowAlerts
    | Forget
    | FixPackage
    | FixConfirm
    | FixCancel
    | FixList
)


def encode(action: Action) -> str:
    """The button data that `decode` turns back into `action`."""
    match action:
        case ChooseLang(lang):
            return f"lang:{lang}"
        case AskExample(index):
            return f"ask:{index}"
        case ShowTopic(entry_id):
            return f"topic:{entry_id}"
        case AlertTime(at):
            return f"sub:time:{at.strftime('%H:%M')}"
        case AlertZone(zone):
            return f"sub:tz:{zone}"
        case AlertDigest(digest):
            return f"sub:digest:{int(digest)}"
        case ShowChart():
            return "chart:show"
        case ShowAlerts():
            return "alerts:show"
        case Forget(confirmed):
            return "forget:yes" if confirmed else "forget:no"
        case FixPackage() | FixConfirm() | FixCancel() | FixList():
            return _encode_fix(action)
    raise TypeError(f"not a button action: {action!r}")


def button(label: str, action: Action) -> Button:
    return Button(label, encode(action))


def decode(data: str) -> Action | None:
    """The action a button's data stands for, or None for data this bot never made."""
    kind, _, value = data.partition(":")
    if kind == "sub":
        return _decode_alert_setting(value)
    if kind == "fix":
        return _decode_fix(value)
    simple: dict[str, Action | None] = {
        "lang": ChooseLang(value) if value in SUPPORTED_LANGS else None,
        "ask": AskExample(int(value)) if value.isascii() and value.isdigit() else None,
        "topic": ShowTopic(value) if _TOPIC_ID.match(value) else None,
        "chart": ShowChart() if value == "show" else None,
        "alerts": ShowAlerts() if value == "show" else None,
        "forget": Forget(value == "yes") if value in ("yes", "no") else None,
    }
    return simple.get(kind)


def _decode_alert_setting(value: str) -> Action | None:
    setting, _, argument = value.partition(":")
    if setting == "time" and (at := parse_clock(argument)):
        return AlertTime(at)
    if setting == "tz" and _ZONE.match(argument):
        return AlertZone(argument)
    if setting == "digest" and argument in ("0", "1"):
        return AlertDigest(argument == "1")
    return None


def _encode_fix(action: FixPackage | FixConfirm | FixCancel | FixList) -> str:
    match action:
        case FixPackage(order_id, package_id):
            return f"fix:pkg:{order_id}:{package_id}"
        case FixConfirm(token):
            return f"fix:ok:{token}"
        case FixCancel():
            return "fix:no"
    return "fix:list"


def _decode_fix(value: str) -> Action | None:
    step, _, argument = value.partition(":")
    if step == "pkg" and (match := _FIX_PACKAGE.match(argument)):
        return FixPackage(match[1], match[2])
    if step == "ok" and _FIX_TOKEN.match(argument):
        return FixConfirm(argument)
    if step == "no" and not argument:
        return FixCancel()
    if step == "list" and not argument:
        return FixList()
    return None
