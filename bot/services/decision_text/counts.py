"""A window's VTR worked out from the seller's figures, per group, and the fixes it needs."""

from __future__ import annotations

from bot.domain.bar import new_valid_needed
from bot.domain.knowledge.schema import Decision
from bot.services.decision_text.count_parts import (
    exempt_left_out,
    invalid_count,
    new_valid,
    room_left,
    supposed,
    under_20_kept,
)
from bot.services.decision_text.wording import fact_texts
from bot.services.i18n import Translator
from bot.services.lines import sentence_gap


def vtr_groups(decision: Decision, t: Translator) -> str:
    """Each group's verdict on its own line, in the order the seller gave them."""
    lines = []
    for i in range(int(decision.facts["groups"])):
        key = str(i)
        group = {
            name[: -len(key)]: value
            for name, value in decision.facts.items()
            if name.endswith(key) and name != "groups"
        }
        lines.append(vtr_counts(Decision(code="vtr_counts", facts=group | {"one_of": 1}), t))
    if "pooled_valid" in decision.facts:
        lines.append(_pooled(decision, t))
    if decision.facts.get("none_below"):
        lines.insert(0, _none_below(int(decision.facts["groups"]), t))
    return "\n".join(lines)


def _none_below(groups: int, t: Translator) -> str:
    """The answer to "which one has a problem?" when none has: said first, before the
    figures that show it."""
    if groups == 2:
        return t._("Neither has a problem: both are above 95%.")
    return t._("None of them has a problem: all {count} are above 95%.", count=t.number(groups))


def _pooled(decision: Decision, t: Translator) -> str:
    """The groups pooled, in the report's words for that figure (vtr_words.pooled_line, whose
    module the command line's answers do not import): context, never a verdict."""
    shipments = int(decision.facts["pooled_shipments"])
    ratio = t.ngettext(
        "{vtr} ({valid} of {count} package valid)",
        "{vtr} ({valid} of {count} packages valid)",
        shipments,
        vtr=f"{decision.facts['pooled_percent']}%",
        valid=t.number(int(decision.facts["pooled_valid"])),
    )
    return t._(
        "All packages together: {ratio}, for context only: Amazon does not judge this pooled figure.",
        ratio=ratio,
    )


def vtr_counts(decision: Decision, t: Translator) -> str:
    text = _with_volume_estimate(_vtr_verdict(decision, t), decision, t)
    if "change" in decision.facts:
        text = supposed(decision, t, text)
    if "margin" in decision.facts:
        text = room_left(decision, t) + sentence_gap(t) + text  # what was asked first
    if decision.facts.get("invalid_asked"):
        text = invalid_count(decision, t) + sentence_gap(t) + text  # what was asked first
    if "new_valid" in decision.facts:
        text = new_valid(decision, t) + sentence_gap(t) + text  # what was asked first
    if "exempt" in decision.facts:
        text += sentence_gap(t) + exempt_left_out(decision, t)
    if "kept" in decision.facts:
        text += sentence_gap(t) + under_20_kept(decision, t)
    if "left_out" in decision.facts:
        left_out = t.ngettext(
            "The {count} cancelled, FBA or unshipped order is left out of the total: VTR "
            "counts only self-fulfilled packages confirmed as shipped.",
            "The {count} cancelled, FBA or unshipped orders are left out of the total: VTR "
            "counts only self-fulfilled packages confirmed as shipped.",
            int(decision.facts["left_out"]),
        )
        text += sentence_gap(t) + left_out
    if "late_fix" in decision.facts:
        late = t._(
            "The {count} fixed after delivery still count as invalid: an edit counts only "
            "before the buyer receives the package.",
            count=str(decision.facts["late_fix"]),
        )
        text += sentence_gap(t) + late
    if "late_to_fix" in decision.facts:
        text += sentence_gap(t) + late_to_fix(decision, t)  # the figure, then why it stays
    label = str(decision.facts.get("label") or "")
    return f"{label}: {text}" if label else text


def late_to_fix(decision: Decision, t: Translator) -> str:
    """A fix supposed after delivery ("if I fix 3 after delivery"): it leaves the figure,
    since tracking added or changed once the buyer has the package is still a defect."""
    return t.ngettext(
        "Fixed after delivery, the {count} package would still count as invalid: tracking "
        "added or changed after the buyer receives the package is a defect, so the figure stays.",
        "Fixed after delivery, the {count} packages would still count as invalid: tracking "
        "added or changed after the buyer receives the package is a defect, so the figure stays.",
        int(decision.facts["late_to_fix"]),
    )


def _with_volume_estimate(text: str, decision: Decision, t: Translator) -> str:
    """The text, then how the window's total was worked out when the seller gave a daily or
    weekly volume instead of it (decide/counts.py's `volume_told` sets at most one of the two)."""
    facts = decision.facts
    if "daily" in facts:
        estimate = t._(
            "At about {daily} packages a day, the 30-day window holds about {shipments}: "
            "the figures are an estimate from that.",
            daily=str(facts["daily"]),
            shipments=str(facts["shipments"]),
        )
    elif "weekly" in facts:
        estimate = t._(
            "At about {weekly} packages a week, the 30-day window holds about {shipments}: "
            "the figures are an estimate from that.",
            weekly=str(facts["weekly"]),
            shipments=str(facts["shipments"]),
        )
    else:
        return text
    return text + sentence_gap(t) + estimate


def _vtr_verdict(decision: Decision, t: Translator) -> str:
    f = fact_texts(decision)
    if decision.facts["above"] and "one_of" in decision.facts:
        # One group of several: it passes, but "no fixes needed" would read as the shop's.
        return t._(
            "{valid} valid of {shipments} = {percent}%: above the bar (VTR must be above 95%).", **f
        )
    if decision.facts["above"]:
        return t._(
            "{valid} valid of {shipments} = {percent}%: above the bar (VTR must be above 95%), so this passes; "
            "no fixes needed.",
            **f,
        )
    fix = _fixes_needed(decision, t)
    if f["percent"] == "95.0":
        head = t._(
            "{valid} valid of {shipments} = 95.0%, which is not above 95%: below the bar.", **f
        )
    else:
        head = t._(
            "{valid} valid of {shipments} = {percent}%: below the bar (VTR must be above 95%).",
            **f,
        )
    return f"{head} {fix}" if t.lang == "en" else f"{head}{fix}"


def _fixes_needed(decision: Decision, t: Translator) -> str:
    """The packages to fix to get above the bar: in all and beyond those named, when a fix
    was supposed."""
    f = fact_texts(decision)
    needed = int(decision.facts["needed"])
    if decision.facts.get("change") == "fix":
        # "if I fix 1, am I above?" — not enough: the fixes in all, then those beyond the ones
        # named, so "fix N" is not read as N on top of them or as the whole.
        named = int(decision.facts["count"])
        fix = t.ngettext(
            "Fix {count} package in all to get above it: {more} more beyond the {named} you "
            "named (of the {invalid} invalid).",
            "Fix {count} packages in all to get above it: {more} more beyond the {named} you "
            "named (of the {invalid} invalid).",
            named + needed,
            more=str(needed),
            named=str(named),
            invalid=str(int(f["invalid"]) + named),
        )
    elif int(decision.facts.get("late_fix", 0)) >= int(f["invalid"]):
        # "7 tracked, one added after delivery": no fix is left to make (domain.md §1b).
        fix = t.ngettext(
            "The invalid one can no longer be fixed (its tracking came after delivery): it "
            "counts until it leaves the 30-day window.",
            "The {count} invalid can no longer be fixed (their tracking came after delivery): "
            "they count until they leave the 30-day window.",
            int(f["invalid"]),
        ) + sentence_gap(t)
        more = new_valid_needed(int(f["shipments"]), int(f["valid"]))
        fix += t.ngettext(
            "{count} more package with valid tracking lifts it above 95%.",
            "{count} more packages with valid tracking lift it above 95%.",
            more,
        )
    else:
        fix = t.ngettext(
            "Fix {count} package to get above it (of the {invalid} invalid).",
            "Fix {count} packages to get above it (of the {invalid} invalid).",
            needed,
            invalid=f["invalid"],
        )
    return fix


def allowance(decision: Decision, t: Translator) -> str:
    """The most invalid packages a total can hold and stay above the bar, named as packages."""
    f = fact_texts(decision)
    if int(decision.facts["invalid"]) == 0:
        return _with_volume_estimate(
            _none_allowed(int(decision.facts["shipments"]), t), decision, t
        )
    text = t.ngettext(
        "Of {shipments} packages, at least {valid} need valid tracking to be above 95%: at "
        "most {count} package can be without.",
        "Of {shipments} packages, at least {valid} need valid tracking to be above 95%: at "
        "most {count} packages can be without.",
        int(decision.facts["invalid"]),
        shipments=f["shipments"],
        valid=f["valid"],
    )
    return _with_volume_estimate(text, decision, t)


def _none_allowed(shipments: int, t: Translator) -> str:
    """A total so small that one invalid package takes it to 95% or under ("12 shipments, how
    many can be bad?"): none, with the figure one would leave."""
    one_less = shipments - 1
    return t._(
        "Of {shipments} packages, all {shipments} need valid tracking to be above 95%: not a "
        "single one can be without ({valid} of {shipments} = {percent}%: not above 95%).",
        shipments=shipments,
        valid=one_less,
        percent=f"{100 * one_less / shipments:.2f}".rstrip("0").rstrip("."),
    )
