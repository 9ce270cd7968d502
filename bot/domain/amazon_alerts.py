"""When Amazon's own VTR is worth an alert: its status turned BAD, or a marketplace's rate
fell by a point or more since the previous snapshot (the same point as the per-category
`dropped` rule in `bot.domain.alerts`). Categories at risk stay the per-category rules'.

Amazon's figure (Account Health) keys its 30-day window on the promised delivery date and
lags about two weeks; the bot's per-category figure keys on ship date up to today. The two
differ by design, and an alert shows both.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal, Protocol

from bot.domain.alerts import DROP_THRESHOLD

OfficialTrigger = Literal["official_bad", "official_dropped"]
_EPSILON = 1e-9


class Snapshot(Protocol):
    """What the decision needs of a stored performance snapshot."""

    @property
    def marketplace_id(self) -> str: ...
    @property
    def status(self) -> str: ...
    @property
    def rate(self) -> float: ...
    @property
    def shipment_count(self) -> int: ...


@dataclass(frozen=True)
class OfficialDrop:
    marketplace_id: str
    previous: float
    current: float


@dataclass(frozen=True)
class OfficialDecision:
    triggers: tuple[OfficialTrigger, ...] = ()
    turned_bad: tuple[str, ...] = ()
    """Marketplace IDs whose status is BAD now and was not in the previous snapshot."""
    dropped: tuple[OfficialDrop, ...] = field(default=())


def decide_official(current: Sequence[Snapshot], previous: Iterable[Snapshot]) -> OfficialDecision:
    """Compare today's snapshots with the previous ones (each marketplace's latest)."""
    before = {s.marketplace_id: s for s in previous}
    turned_bad = tuple(
        s.marketplace_id
        for s in current
        if s.status == "BAD" and (s.marketplace_id not in before
                                  or before[s.marketplace_id].status != "BAD")
    )  # fmt: skip
    dropped = tuple(
        OfficialDrop(s.marketplace_id, before[s.marketplace_id].rate, s.rate)
        for s in current
        if s.marketplace_id in before
        and s.shipment_count
        and before[s.marketplace_id].shipment_count
        and before[s.marketplace_id].rate - s.rate >= DROP_THRESHOLD - _EPSILON
    )
    triggers: list[OfficialTrigger] = []
    if turned_bad:
        triggers.append("official_bad")
    if dropped:
        triggers.append("official_dropped")
    return OfficialDecision(tuple(triggers), turned_bad, dropped)
