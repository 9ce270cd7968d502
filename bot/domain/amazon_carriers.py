"""Amazon's carrier codes for a shipment confirmation, and the offline check of a fix.

`data/amazon_carrier_codes.yaml` is the one place for Amazon's list and for which code each
carrier of our registry (`carriers.yaml`) is; a carrier missing from Amazon's list is sent
as "Other" with its name (docs/vtr-rules.md §1). `check_fix` judges a number a seller typed with
the report's own functions (`check_tracking`, `likely_carriers`): the same format and
check-digit rules, so a fix the bot sends is one the report would count valid.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import polars as pl
from pydantic import BaseModel, model_validator

from bot.domain.models import DefectReason
from bot.domain.reference import _load, carrier_by_id
from bot.domain.tracking import (
    check_tracking,
    classify,
    likely_carriers,
    normalize_tracking,
    resolve_carrier,
)

OTHER = "Other"


class AmazonCarrierCodes(BaseModel):
    """`amazon_carrier_codes.yaml`: each code with the source that lists it."""

    sources: dict[str, str]
    codes: dict[str, str]
    """Amazon's code → the key of the source it was checked against."""
    from_registry: dict[str, str]

    @model_validator(mode="after")
    def _cited_and_listed(self) -> AmazonCarrierCodes:
        uncited = {code for code, source in self.codes.items() if source not in self.sources}
        unlisted = set(self.from_registry.values()) - set(self.codes)
        if uncited or unlisted or OTHER not in self.codes:
            raise ValueError(f"codes without a source {uncited}, mapped but unlisted {unlisted}")
        return self


@cache
def amazon_carrier_codes() -> AmazonCarrierCodes:
    return AmazonCarrierCodes.model_validate(_load("amazon_carrier_codes.yaml"))


@dataclass(frozen=True, slots=True)
class AmazonCarrier:
    """What `confirmShipment` gets: `code` from Amazon's list, `name` only with "Other"."""

    code: str
    name: str | None = None


def amazon_carrier(carrier_id: str) -> AmazonCarrier:
    """Our registry's carrier as Amazon's code, else "Other" with its display name."""
    code = amazon_carrier_codes().from_registry.get(carrier_id)
    if code is not None:
        return AmazonCarrier(code)
    known = carrier_by_id().get(carrier_id)
    return AmazonCarrier(OTHER, known.name if known else carrier_id)


def carrier_name(carrier_id: str | None) -> str:
    """A registry id's display name ("UPS"), or the id itself."""
    known = carrier_by_id().get(carrier_id or "")
    return known.name if known else (carrier_id or "")


def normalized(number: str) -> str:
    """A number as the report compares it (case, spaces and dashes ignored)."""
    frame = pl.DataFrame({"n": [number]}, schema={"n": pl.String})
    return str(frame.select(normalize_tracking(pl.col("n"))).item())


def number_owner(carrier_id: str | None, number: str) -> str | None:
    """The one carrier other than `carrier_id` whose numbers `number` fits, check digit
    included (the report's "looks like a … number"), or None."""
    found = likely_carriers(pl.Series([carrier_id or ""]), pl.Series([normalized(number)]))
    return found.item() if found.len() and found.item() else None


@dataclass(frozen=True, slots=True)
class FixCheck:
    """A proposed carrier and number, judged offline before anything is sent."""

    carrier_id: str | None
    tracking: str
    problem: DefectReason | None
    unverified: bool = False

    @property
    def sendable(self) -> bool:
        return self.problem is None and self.carrier_id is not None


def check_fix(carrier_id: str | None, number: str) -> FixCheck:
    """Judge `number` under `carrier_id`; when it fails there but plainly belongs to one
    other carrier, judge it under that one (a UPS number typed for a USPS package)."""
    number = normalized(number)
    verdict = check_tracking(carrier_name(carrier_id) if carrier_id else None, number)
    if verdict.valid and carrier_id:
        return FixCheck(carrier_id, number, None, verdict.unverified)
    owner = number_owner(carrier_id, number)
    if owner is not None:
        again = check_tracking(carrier_name(owner), number)
        if again.valid:
            return FixCheck(owner, number, None, again.unverified)
    return FixCheck(carrier_id, number, verdict.reason or "unknown_carrier", verdict.unverified)


@dataclass(frozen=True, slots=True)
class PackageVerdict:
    """A stored package's carrier and number as the report judges them."""

    carrier_id: str | None
    problem: DefectReason | None
    owner: str | None
    """The one other carrier the number fits (a wrong-carrier hint), if any."""


def judge_packages(entered: list[tuple[str, str]]) -> list[PackageVerdict]:
    """(carrier as Amazon holds it, number) pairs judged in one pass of the report's rules
    (`classify`, `likely_carriers`), in order."""
    if not entered:
        return []
    ids = [resolve_carrier(carrier) for carrier, _ in entered]
    frame = pl.DataFrame(
        {"carrier_id": ids, "tracking": [number for _, number in entered]},
        schema={"carrier_id": pl.String, "tracking": pl.String},
    ).with_columns(tracking=normalize_tracking(pl.col("tracking")))
    reasons = classify(frame).get_column("reason").cast(pl.String).to_list()
    owners = likely_carriers(frame.get_column("carrier_id"), frame.get_column("tracking"))
    return [
        PackageVerdict(carrier_id, reason, owner)
        for carrier_id, reason, owner in zip(ids, reasons, owners.to_list(), strict=True)
    ]
