"""The roles a message's figures were given, worked into the window's counts.

Roles are checked against each other here (valid ≤ shipped, valid + invalid = shipped,
fixes ≤ invalid) and a hypothetical applied on top; roles that contradict each other make
the reading `unclear`, so the bot asks rather than working out a confident wrong figure.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.domain.bar import is_above


@dataclass(frozen=True, slots=True)
class Counts:
    """A seller's figures for one group: shipments and valid ones (invalid = the rest)."""

    shipments: int
    valid: int


@dataclass(frozen=True, slots=True)
class Reading:
    """The figures of one message (or one group's part of it), by role, and what they give."""

    roles: dict[str, int]
    now: Counts | None = None
    """The window as it stands (fixes made before delivery counted as valid)."""
    then: Counts | None = None
    """The window with the hypothetical applied ("if I fix 3", "再有2个变无效")."""
    unclear: bool = False
    """Figures were given but their roles do not fit together: ask, do not compute."""
    stated_rate: float | None = None
    """The rate the seller states, when the counts told in words disagree with it."""

    @property
    def counts(self) -> Counts | None:
        """The counts a verdict is given on: the hypothetical's when one is asked."""
        return self.then or self.now


BAR_PERCENT = 95.0
WINDOW_DAYS = 30
"""VTR's window (metrics.yaml), keyed by Amazon on the promised delivery date; the engine's
own constant (models.WINDOW_DAYS) is not imported: `vtrbot ask` loads no engine."""


def counts_at(rate: float | None, shipments: int | None) -> Counts | None:
    """A rate and a total as counts (96% of 75 = 72 valid), when the rate stands for a whole
    number of packages at its own precision (93.75% of 1,600 = 1,500)."""
    if rate is None or not shipments:
        return None
    valid = round(rate * shipments / 100)
    decimals = len(str(rate).split(".")[1].rstrip("0")) if "." in str(rate) else 0
    if abs(valid * 100 / shipments - rate) > 0.5 * 10**-decimals or not 0 <= valid <= shipments:
        return None
    return Counts(shipments, valid)


def _late_among_the_tracked(roles: dict[str, int]) -> bool:
    """Every package said tracked ("all 7 have tracking") and some of that tracking given
    after delivery, no invalid ones told: the late ones are among the tracked."""
    valid, late = roles.get("valid"), roles.get("late_fix", 0)
    tracked_all = valid is not None and valid == roles.get("total", valid)
    return tracked_all and "invalid" not in roles and 0 < late <= (valid or 0)


def _told_of_the_window(roles: dict[str, int], rate: float | None) -> bool:
    """Completes `roles` (in place) with what they say of the window: defects told as late
    fixes, a total from a daily or weekly volume, supposed invalid ones that are the case
    itself; False when they cannot be read together (the reading is unclear)."""
    if "unsure" in roles or "other_total" in roles:
        return False
    if "late_fix" in roles and not {"valid", "invalid"} & set(roles):
        # "50 shipped, one had its tracking added after delivery": the defects told.
        roles["invalid"] = roles["late_fix"]
    elif _late_among_the_tracked(roles):
        # "7 shipped, tracking on all 7, one added after delivery": the late one is among
        # the tracked, and a defect (domain.md §1b).
        roles["invalid"] = roles["late_fix"]
        roles["valid"] -= roles["late_fix"]
    if "daily" in roles and "total" not in roles and {"valid", "invalid"} & set(roles):
        # "about 30 a day, 40 without tracking this month": the window holds 30 days of them.
        roles["total"] = roles["daily"] * WINDOW_DAYS
    if "weekly" in roles and "total" not in roles and {"valid", "invalid"} & set(roles):
        total = _window_of_weeks(roles["weekly"], roles)
        if total is None:
            return False
        roles["total"] = total
    based = {"valid", "invalid"} & set(roles) or rate is not None
    if "more_invalid" in roles and not based:
        roles["invalid"] = roles.pop("more_invalid")  # "if 12 of 200 have none": the case itself
    return True


def counts_of(told: dict[str, int], rate: float | None) -> Reading:
    """The window's counts from the roles, checked against each other; a hypothetical
    applied on top. Roles that contradict each other make the reading unclear."""
    roles = dict(told)
    if not _told_of_the_window(roles, rate):
        return Reading(roles, unclear=True)
    now = _window(roles) or (
        counts_at(rate, roles.get("total")) if not {"valid", "invalid"} & set(roles) else None
    )
    if now is None:
        parts = {"valid", "invalid", "fixed", "to_fix", "more_invalid"} & set(roles)
        return Reading(roles, unclear="total" in roles and bool(parts) and _conflicts(roles))
    fixed = roles.get("fixed", 0)
    if 0 < fixed - (now.shipments - now.valid) <= roles.get("more_invalid", 0):
        # "if 2 turn invalid but I fix 1": the fix is of the supposed ones, a supposition too.
        roles["to_fix"] = roles.get("to_fix", 0) + roles.pop("fixed")
        fixed = 0
    if fixed > now.shipments - now.valid:
        return Reading(roles, unclear=True)
    now = Counts(now.shipments, now.valid + fixed)
    change = roles.get("to_fix", 0) - roles.get("more_invalid", 0)
    added = roles.get("new_valid", 0)  # new packages, all valid: on both sides
    untracked = roles.get("new_invalid", 0)  # new packages without tracking: the total only
    if not change and not added and not untracked:
        return Reading(roles, now=now)
    valid = now.valid + change
    if not 0 <= valid <= now.shipments:
        return Reading(roles, now=now, unclear=True)
    return Reading(roles, now=now, then=Counts(now.shipments + added + untracked, valid + added))


def _window_of_weeks(weekly: int, roles: dict[str, int]) -> int | None:
    """The window's packages at `weekly` a week (30 days are 4 2/7 weeks): the nearest whole
    count, when the whole counts either side of it give the same verdict; else None (the
    estimate cannot decide, so the seller is asked)."""
    low = weekly * WINDOW_DAYS // 7
    verdicts = set()
    for total in (low, low + 1):
        counts = _window(roles | {"total": total})
        if counts is None:
            return None
        verdicts.add(is_above(counts.valid, counts.shipments))
    nearest = (2 * weekly * WINDOW_DAYS + 7) // 14
    return nearest if len(verdicts) == 1 else None


def _window(roles: dict[str, int]) -> Counts | None:
    total, valid, invalid = roles.get("total"), roles.get("valid"), roles.get("invalid")
    if total is not None and valid is not None and invalid is not None:
        return Counts(total, valid) if valid + invalid == total else None
    if total is not None and invalid is not None:
        return Counts(total, total - invalid) if invalid <= total and total else None
    if total is not None and valid is not None:
        return Counts(total, valid) if valid <= total and total else None
    if valid is not None and invalid is not None and valid + invalid:
        return Counts(valid + invalid, valid)
    return None


def _conflicts(roles: dict[str, int]) -> bool:
    """Figures told that cannot all hold: valid and invalid that do not make the total,
    or a part larger than the whole."""
    total, valid, invalid = roles.get("total"), roles.get("valid"), roles.get("invalid")
    if total is None:
        return False
    if valid is not None and invalid is not None:
        return valid + invalid != total
    return any(part is not None and part > total for part in (valid, invalid))
