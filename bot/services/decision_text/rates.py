"""A rate told against its bar: VTR's, several groups' or metrics', or one with no name."""

from __future__ import annotations

from bot.domain.knowledge.schema import Decision, Fact
from bot.domain.reference import metrics
from bot.services.decision_text.metrics import metric_rate
from bot.services.decision_text.wording import fact_texts
from bot.services.i18n import Translator


def vtr_rate_groups(decision: Decision, t: Translator) -> str:
    """Each group's rate against the bar on its own line, the failing ones first."""
    lines = []
    for i in range(int(decision.facts["groups"])):
        rate = Decision(
            code="vtr_rate",
            facts={"percent": decision.facts[f"percent{i}"], "above": decision.facts[f"above{i}"]},
        )
        lines.append(f"{decision.facts[f'label{i}']}: {vtr_rate(rate, t)}")
    return "\n".join(lines)


def metric_rates(decision: Decision, t: Translator) -> str:
    """Each metric's rate against its own target on its own line, the failing ones first."""
    lines = []
    for i in range(int(decision.facts["count"])):
        metric, percent, ok = (decision.facts[f"{k}{i}"] for k in ("metric", "percent", "ok"))
        if metric == "vtr":
            one = Decision(code="vtr_rate", facts={"percent": percent, "above": ok})
            lines.append(vtr_rate(one, t))
        else:
            facts = {"metric": metric, "percent": percent, "ok": ok}
            lines.append(metric_rate(Decision(code="metric_rate", facts=facts), t))
    return "\n".join(lines)


def rate_unnamed(decision: Decision, t: Translator) -> str:
    """A rate with no metric named: which metric it could be, each against its own target,
    then the question back."""
    percent = str(decision.facts["percent"])
    lines = [
        t._(
            "{percent}% alone does not say which metric it is. Against each target:",
            percent=percent,
        )
    ]
    # VTR first, in its own terms: told without a name to a VTR bot, a small rate is most
    # likely its share without valid tracking ("1.5%" invalid is a VTR of 98.5%).
    for metric in sorted(metrics().values(), key=lambda m: m.id != "vtr"):
        ok = bool(decision.facts[f"ok_{metric.id}"])
        if metric.id == "vtr":
            lines.append(_as_invalid_share(decision, t))
        else:
            facts: dict[str, Fact] = {"metric": metric.id, "percent": percent, "ok": ok}
            lines.append(metric_rate(Decision(code="metric_rate", facts=facts), t))
    lines.append(
        t._("Tell me which metric shows {percent}% and I will say what it means.", percent=percent)
    )
    return "\n".join(lines)


def _as_invalid_share(decision: Decision, t: Translator) -> str:
    """VTR's terms for a small unnamed rate: the share without valid tracking ("1.5% invalid"
    is a VTR of 98.5%), never a VTR of 1.5%."""
    f = fact_texts(decision)
    if decision.facts["ok_vtr_if_invalid"]:
        return t._(
            "VTR: if {percent}% are the packages without valid tracking, the VTR is "
            "{vtr_if_invalid}%, which passes (above 95%).",
            **f,
        )
    return t._(
        "VTR: if {percent}% are the packages without valid tracking, the VTR is "
        "{vtr_if_invalid}%, below the bar (VTR must be above 95%).",
        **f,
    )


def vtr_rate(decision: Decision, t: Translator) -> str:
    f = fact_texts(decision)
    if decision.facts["above"]:
        return t._("A VTR of {percent}% passes (above 95%).", **f)
    if float(f["percent"]) == 95:
        return t._(
            "A VTR of exactly 95.0% (not above 95%) is below the bar; at least one more valid "
            "package is needed.",
        )
    return t._("A VTR of {percent}%: below the bar (VTR must be above 95%).", **f)


def restriction_risk(decision: Decision, t: Translator) -> str:
    """A failing VTR and a restriction asked: what can happen, to the category, never "yes"."""
    f = fact_texts(decision)
    if "shipments" in decision.facts:
        return t._(
            "At risk: {valid} valid of {shipments} = {percent}% (not above 95%), so that "
            "category's self-fulfilled selling can be restricted, not the whole account; FBA "
            "offers and other categories are not affected.",
            **f,
        )
    return t._(
        "At risk: at {percent}% (not above 95%), that category's self-fulfilled selling can be "
        "restricted, not the whole account; FBA offers and other categories are not affected.",
        **f,
    )


def vtr_rate_flagged(decision: Decision, t: Translator) -> str:
    """A rate above the bar that Amazon shows as a miss: both, and why they can differ."""
    return t._(
        "A VTR of {percent}% passes the bar (above 95%), yet Amazon's verdict can differ: it "
        "judges each product category in each marketplace, so one category can be below 95% "
        "while your overall figure passes; and it places packages in its 30 days by "
        "promised delivery date and reports about two weeks late (a change to tracking takes "
        "up to 72 hours to show), so its figure covers other days than one you work out today.",
        **fact_texts(decision),
    )


def figures_differ(decision: Decision, t: Translator) -> str:
    """Seller Central's figure first, as the one Amazon enforces, with its verdict."""
    if "percent" not in decision.facts:
        return t._(
            "Seller Central's figure is the one Amazon enforces; a figure worked out "
            "elsewhere can differ from it for the reasons below."
        )
    if decision.facts["above"]:
        return t._(
            "Seller Central's figure ({percent}%) is the one Amazon enforces: above the bar (VTR "
            "must be above 95%). Your own figure can differ from it for the reasons below.",
            percent=str(decision.facts["percent"]),
        )
    return t._(
        "Seller Central's figure ({percent}%) is the one Amazon enforces: below the bar (VTR "
        "must be above 95%). Your own figure can differ from it for the reasons below.",
        percent=str(decision.facts["percent"]),
    )
