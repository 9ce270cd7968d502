"""Another metric than VTR: its name, target, window, and a rate told against its target."""

from __future__ import annotations

from bot.domain.knowledge.schema import Decision
from bot.domain.reference import metrics
from bot.services.decision_text.wording import _
from bot.services.i18n import Translator
from bot.services.lines import sentence_gap


def _metric_name(metric_id: str, t: Translator) -> str:
    metric = metrics()[metric_id]
    name = metric.zh if t.lang == "zh" else metric.en
    return f"{name} ({metric.abbr})"


def metric_rate(decision: Decision, t: Translator) -> str:
    metric = metrics()[str(decision.facts["metric"])]
    values = {
        "name": _metric_name(metric.id, t),
        "percent": str(decision.facts["percent"]),
        "target": f"{metric.target:g}",
    }
    if metric.good == "below":
        if decision.facts["ok"]:
            return t._("{name} at {percent}%: under the target (below {target}%), fine.", **values)
        return t._(
            "{name} at {percent}%: not under the target (below {target}%), so it misses it.",
            **values,
        )
    if decision.facts["ok"]:
        return t._("{name} at {percent}%: above the target (above {target}%), fine.", **values)
    return t._(
        "{name} at {percent}%: not above the target (above {target}%), so it misses it.", **values
    )


def metric_consequence(decision: Decision, t: Translator) -> str:
    """What follows a miss of another metric than VTR: no enforced bar (OTDR), or nothing the
    sources say (LSR, PFCR, ODR); then the seller's own rate against the target, if told."""
    metric = metrics()[str(decision.facts["metric"])]
    values = {
        "name": _metric_name(metric.id, t),
        "target": f"{metric.target:g}",
        "days": (" 天和 " if t.lang == "zh" else " and ").join(str(d) for d in metric.days),
    }
    if not decision.facts["enforced"]:
        text = t._(
            "{name} is a target (above {target}%), not an enforced bar in most marketplaces.",
            **values,
        )
    elif metric.good == "below":
        text = t._(
            "The sources here give {name}'s target (under {target}%, over {days} days) but not "
            "what Amazon does when it is missed, such as suspending an account, so I cannot "
            "confirm that. Your account's standing is on Seller Central → Performance → Account "
            "Health.",
            **values,
        )
    else:
        text = t._(
            "The sources here give {name}'s target (above {target}%, over {days} days) but not "
            "what Amazon does when it is missed, such as suspending an account, so I cannot "
            "confirm that. Your account's standing is on Seller Central → Performance → Account "
            "Health.",
            **values,
        )
    if "percent" not in decision.facts:
        return text
    return text + sentence_gap(t) + metric_rate(decision, t)


def metric_identity(decision: Decision, t: Translator) -> str:
    """Which metric counts what the question describes."""
    name = _metric_name(str(decision.facts["metric"]), t)
    other = str(decision.facts["other"])
    if other:
        return t._(
            "That is what {other} counts, not {name}.", other=_metric_name(other, t), name=name
        )
    return t._("That is what {name} counts.", name=name)


def metric_same(decision: Decision, t: Translator) -> str:
    """One metric under its two names."""
    metric = metrics()[str(decision.facts["metric"])]
    name = metric.zh if t.lang == "zh" else metric.en
    return t._("{abbr} is short for {name}: the same metric.", abbr=metric.abbr, name=name)


def metric_target(decision: Decision, t: Translator) -> str:
    """The metric's own target and window, from metrics.yaml, against the figure stated;
    then those of the metrics the belief set against it ("not 60 like ODR"), if any."""
    beside = [m for m in str(decision.facts.get("beside", "")).split(",") if m]
    lines = [_target_line(m, t) for m in (str(decision.facts["metric"]), *beside)]
    likened = decision.facts.get("likened")
    if likened:
        lines.append(
            t._(
                "The figure stated ({stated}%) is the target of {other}, a different metric.",
                stated=str(decision.facts["stated"]),
                other=_metric_name(str(likened), t),
            )
        )
    return sentence_gap(t).join(lines)


def _target_line(metric_id: str, t: Translator) -> str:
    metric = metrics()[metric_id]
    values = {
        "name": _metric_name(metric.id, t),
        "target": f"{metric.target:g}",
        "days": (" 天和 " if t.lang == "zh" else " and ").join(str(d) for d in metric.days),
    }
    if metric.good == "above":
        return t._("{name}: the target is above {target}%, over {days} days.", **values)
    return t._("{name}: the target is under {target}%, over {days} days.", **values)


def _metric_line(metric_id: str, t: Translator) -> str:
    """One metric's target and window, from metrics.yaml."""
    metric = metrics()[metric_id]
    joiner = " 天和 " if t.lang == "zh" else " days and "
    values = {
        "name": _metric_name(metric_id, t),
        "target": f"{metric.target:g}",
        "days": joiner.join(str(d) for d in metric.days),
    }
    if metric.good == "above":
        return t._("{name}: above {target}%, over {days} days.", **values)
    return t._("{name}: under {target}%, over {days} days.", **values)


def metric_by_target(decision: Decision, t: Translator) -> str:
    """The metric whose target is the figure asked, first; then the others named."""
    owner = str(decision.facts["metric"])
    values = {"name": _metric_name(owner, t), "stated": str(decision.facts["stated"])}
    if decision.facts["named"]:
        lead = t._("The {stated}% target is {name}'s.", **values)
    else:
        lead = t._("None of those: the {stated}% target is {name}'s.", **values)
    others = [m for m in str(decision.facts["metrics"]).split(",") if m]
    lines = [lead, _metric_line(owner, t), *(_metric_line(m, t) for m in others)]
    return "\n".join(lines)


def metrics_named(decision: Decision, t: Translator) -> str:
    """Each named metric's target and window, from metrics.yaml; asked whether two are one,
    what each counts beside its target (told apart by what they count, not only by name)."""
    named = str(decision.facts["metrics"]).split(",")
    if not decision.facts.get("same_asked"):
        return "\n".join(_metric_line(m, t) for m in named)
    lines = [t._("They are two different metrics, each with its own target:")]
    for metric_id in named:
        counts = t._(_METRIC_COUNTS[metric_id])
        lines.append(sentence_gap(t).join((_metric_line(metric_id, t), counts)))
    return "\n".join(lines)


_METRIC_COUNTS = {
    "vtr": _("It counts packages with valid tracking ÷ all self-fulfilled packages confirmed."),
    "lsr": _("It counts orders confirmed after the expected ship date ÷ all orders."),
    "cancelrate": _(
        "It counts orders the seller cancelled before confirming shipment ÷ all orders."
    ),
    "otdr": _("It counts packages delivered by the estimated date ÷ packages with valid tracking."),
    "odr": _(
        "It counts orders with negative feedback, an A-to-z Guarantee claim or a chargeback ÷ "
        "all orders."
    ),
}
"""What each metric counts (domain.md §1 and §3), said when two are asked to be one."""
