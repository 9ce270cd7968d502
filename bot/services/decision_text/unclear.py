"""Figures that do not decide: what does not fit, and the two figures that would."""

from __future__ import annotations

from bot.domain.knowledge.decide import percent_text
from bot.domain.knowledge.schema import Decision
from bot.services.decision_text.wording import fact_texts
from bot.services.i18n import Translator
from bot.services.lines import sentence_gap


def counts_unclear(decision: Decision, t: Translator) -> str:
    """What in the figures does not fit, then the two figures that would decide it."""
    f = fact_texts(decision)
    head = _figures_disagree(f, t)
    if head is None and ("left_out" in f or "exempt" in f) and {"total", "invalid"} <= set(f):
        return _left_out_unclear(decision, t)
    if head is None:
        head = _figures_undecided(f, t)
    need = t._(
        "To decide I need two: how many packages were shipped in the 30 days, and how many "
        "of them have valid tracking (or how many do not)."
    )
    return head + sentence_gap(t) + need


def _figures_disagree(f: dict[str, str], t: Translator) -> str | None:
    """Figures that contradict each other: a sum, a rate stated, or two totals."""
    if {"total", "valid", "invalid"} <= set(f):
        return t._(
            "Your figures do not add up: {valid} valid and {invalid} invalid make {sum}, not "
            "{shipments}.",
            valid=f["valid"],
            invalid=f["invalid"],
            sum=str(int(f["valid"]) + int(f["invalid"])),
            shipments=f["total"],
        )
    if "stated_rate" in f and {"total", "valid"} <= set(f):
        return t._(
            "Your figures do not add up: {valid} valid of {shipments} is not {rate}%.",
            valid=f["valid"],
            shipments=f["total"],
            rate=f["stated_rate"],
        )
    if "stated_rate" in f and {"total", "invalid"} <= set(f):
        return t._(
            "Your figures do not add up: {invalid} invalid of {shipments} do not make {rate}%.",
            invalid=f["invalid"],
            shipments=f["total"],
            rate=f["stated_rate"],
        )
    if "other_total" in f:
        return t._(
            "Your figures hold two totals, {first} and {second}: I cannot tell which group "
            "the other figures belong to.",
            first=f["total"],
            second=f["other_total"],
        )
    return None


def _figures_undecided(f: dict[str, str], t: Translator) -> str:
    """Figures that cannot be read one way: a part of unknown side, fixes beyond the
    invalid, a weekly volume right at the bar, or more counted than shipped."""
    if "unsure" in f:
        return t._(
            "I cannot tell whether the {part} of {shipments} are the valid packages or the "
            "invalid ones.",
            part=f["unsure"],
            shipments=f["total"],
        )
    if "fixed" in f:
        return t._("Your figures do not add up: more packages fixed than were invalid.")
    if "weekly" in f and "total" not in f:
        return t._(
            "At {weekly} packages a week, 30 days are not a whole number of weeks, and here "
            "the estimate falls right at the bar: it cannot decide.",
            weekly=f["weekly"],
        )
    return t._("Your figures do not add up: more packages counted than were shipped.")


def _left_out_unclear(decision: Decision, t: Translator) -> str:
    """Packages left out of a total whose invalid ones are told: were they among them?"""
    f = fact_texts(decision)
    return t._(
        "I cannot tell whether the {part} packages left out were among the {invalid} "
        "without valid tracking: VTR would be {low}%, if they were not; {high}%, if they "
        "were. Tell me which, and I will work it out.",
        part=f.get("left_out") or f["exempt"],
        invalid=f["invalid"],
        **_both_ways(decision),
    )


def _both_ways(decision: Decision) -> dict[str, str]:
    """VTR with the left-out packages outside the invalid ones, then among them."""
    facts = decision.facts
    part = int(facts.get("left_out") or facts.get("exempt") or 0)
    total, invalid = int(facts["total"]), int(facts["invalid"])
    counted = total - part
    low = percent_text(counted - invalid, counted) if counted > invalid else "0.0"
    high = percent_text(counted - max(invalid - part, 0), counted) if counted else "0.0"
    return {"low": low, "high": high}
