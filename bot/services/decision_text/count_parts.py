"""What a worked-out VTR adds for what was asked: room, new packages, a fix supposed."""

from __future__ import annotations

from bot.domain.knowledge.decide import percent_text
from bot.domain.knowledge.schema import Decision
from bot.services.decision_text.wording import fact_texts
from bot.services.i18n import Translator
from bot.services.lines import sentence_gap


def exempt_left_out(decision: Decision, t: Translator) -> str:
    """The exempt packages left out of the total, with their exemption when it was named."""
    count = int(decision.facts["exempt"])
    reason = decision.facts.get("exempt_reason")
    if reason == "jp":
        return t.ngettext(
            "The {count} Amazon.co.jp order under JPY 1,000 is exempt and left out of the total: it counts as neither valid nor invalid.",
            "The {count} Amazon.co.jp orders under JPY 1,000 are exempt and left out of the total: they count as neither valid nor invalid.",
            count,
        )
    if reason == "eu_letter":
        return t.ngettext(
            "The {count} EU letter under EUR 20 is exempt and left out of the total: it counts as neither valid nor invalid.",
            "The {count} EU letters under EUR 20 are exempt and left out of the total: they count as neither valid nor invalid.",
            count,
        )
    return t.ngettext(
        "The {count} exempt package is left out of the total: it counts as neither valid nor invalid.",
        "The {count} exempt packages are left out of the total: they count as neither valid nor invalid.",
        count,
    )


def under_20_kept(decision: Decision, t: Translator) -> str:
    """EU orders under EUR 20 told as a part of the figures, not as letters: still counted."""
    count = int(decision.facts["kept"])
    if decision.facts.get("kept_parcel"):
        return t.ngettext(
            "The {count} parcel under EUR 20 still counts: under EUR 20, only orders sent with a letter service are exempt.",
            "The {count} parcels under EUR 20 still count: under EUR 20, only orders sent with a letter service are exempt.",
            count,
        )
    return t.ngettext(
        "The {count} order under EUR 20 is counted here: it is exempt only if it went with a letter service, and then it leaves the total.",
        "The {count} orders under EUR 20 are counted here: they are exempt only if they went with a letter service, and then they leave the total.",
        count,
    )


def invalid_count(decision: Decision, t: Translator) -> str:
    """The invalid packages asked for, worked out from the rate and the total."""
    shipments, valid = int(decision.facts["shipments"]), int(decision.facts["valid"])
    return t.ngettext(
        "That is {count} invalid package of {shipments} ({valid} valid).",
        "That is {count} invalid packages of {shipments} ({valid} valid).",
        shipments - valid,
        shipments=str(shipments),
        valid=str(valid),
    )


def room_left(decision: Decision, t: Translator) -> str:
    """The more invalid packages a passing group can take, and what one beyond makes."""
    margin = int(decision.facts["margin"])
    shipments = int(decision.facts["shipments"])
    after = int(decision.facts["valid"]) - margin - 1
    values = {"valid": str(after), "shipments": str(shipments)}
    values["percent"] = percent_text(after, shipments)
    if not margin:
        return t._(
            "One more invalid package and it is no longer above 95%: {valid} of {shipments} "
            "= {percent}%.",
            **values,
        )
    beyond = t._(
        "One more than that makes {valid} of {shipments} = {percent}%, no longer above 95%.",
        **values,
    )
    last = after + 1  # the fewest valid still above the bar
    room = t.ngettext(
        "It can take {count} more invalid package and stay above 95% ({valid} of {shipments} "
        "= {percent}%).",
        "It can take {count} more invalid packages and stay above 95% ({valid} of {shipments} "
        "= {percent}%).",
        margin,
        valid=str(last),
        shipments=str(shipments),
        percent=percent_text(last, shipments),
    )
    return room + sentence_gap(t) + beyond


def new_valid(decision: Decision, t: Translator) -> str:
    """The new packages, all valid, that lift the group above the bar with no fix made."""
    count = int(decision.facts["new_valid"])
    valid = int(decision.facts["valid"]) + count
    shipments = int(decision.facts["shipments"]) + count
    return t.ngettext(
        "Without fixing old ones, it takes {count} more package shipped with valid tracking: "
        "{valid} valid of {shipments} = {percent}% (if none of today's packages leaves the "
        "30-day window meanwhile).",
        "Without fixing old ones, it takes {count} more packages shipped with valid tracking: "
        "{valid} valid of {shipments} = {percent}% (if none of today's packages leaves the "
        "30-day window meanwhile).",
        count,
        valid=str(valid),
        shipments=str(shipments),
        percent=percent_text(valid, shipments),
    )


def supposed(decision: Decision, t: Translator, verdict: str) -> str:
    """The verdict on a hypothetical, said as one ("With 3 more fixed: …"), then the
    window as it is now."""
    f = fact_texts(decision)
    if decision.facts["change"] == "fix":
        head = t._("With {count} more fixed:", count=f["count"])
    elif decision.facts["change"] == "both":
        head = t._(
            "With {count} more invalid and {fixed} fixed:", count=f["count"], fixed=f["fixed_count"]
        )
    elif decision.facts["change"] == "new":
        head = t._("With {count} more valid packages shipped:", count=f["count"])
    elif decision.facts["change"] == "new_invalid":
        head = t.ngettext(
            "With {count} more package shipped without valid tracking:",
            "With {count} more packages shipped without valid tracking:",
            int(decision.facts["count"]),
        )
    else:
        head = t._("With {count} more invalid:", count=f["count"])
    now = t._(
        "Now: {valid} valid of {shipments} = {percent}%.",
        valid=f["now_valid"],
        shipments=f.get("now_shipments", f["shipments"]),
        percent=f["now_percent"],
    )
    gap = " " if t.lang == "en" else ""
    return f"{head}{gap}{verdict}{sentence_gap(t)}{now}"
