"""The marketplaces a rule or Buy Shipping's strike-through covers, as lists and verdicts."""

from __future__ import annotations

from bot.domain.knowledge.schema import Decision
from bot.domain.reference import marketplace_by_code
from bot.services.i18n import Translator
from bot.services.lines import list_separator, sentence_gap


def strike_through(decision: Decision, t: Translator) -> str:
    market = marketplace_by_code()[str(decision.facts["market"])]
    name = market.zh if t.lang == "zh" else market.domain.capitalize()
    if decision.facts.get("only"):
        return t._(
            "Not only {market}: striking through delivery-only negative feedback for on-time "
            "Buy Shipping orders is offered on {covered}.",
            market=name,
            covered=str(decision.facts["covered"]),
        )
    if decision.facts.get("odr"):
        return _strike_through_in_odr(decision, name, t)
    if decision.facts["available"]:
        return t._(
            "Striking through delivery-only negative feedback for on-time Buy Shipping "
            "orders is offered on {market}.",
            market=name,
        )
    return t._(
        "{market} is not among the marketplaces where Buy Shipping's strike-through of "
        "delivery-only negative feedback is offered (US, CA, UK, DE, FR, ES, IT, IN, MX).",
        market=name,
    )


def _strike_through_in_odr(decision: Decision, name: str, t: Translator) -> str:
    """Asked whether the feedback still counts toward ODR: what happens to it there, in
    words that hold no yes or no of their own (the verdict says whether it counts)."""
    if decision.facts["available"]:
        return t._(
            "On {market}, negative feedback only about late or missing delivery, on an order "
            "shipped on time with Buy Shipping and tracking, is struck through and does not "
            "count toward ODR.",
            market=name,
        )
    return t._(
        "{market} is not among the marketplaces where Buy Shipping's strike-through is "
        "offered (US, CA, UK, DE, FR, ES, IT, IN, MX), so delivery feedback there counts "
        "toward ODR as usual.",
        market=name,
    )


def vtr_marketplaces(decision: Decision, t: Translator) -> str:
    text = t._(
        "The VTR bar (above 95%) is not for one marketplace only: for shipments from China it "
        "applies to {covered}; and under the EU/UK update cross-border orders to and from "
        "EU countries count too.",
        covered=str(decision.facts["covered"]),
    )
    if decision.facts.get("jp"):
        jp = t._(
            "On Amazon.co.jp, orders under JPY 1,000 are exempt: they do not count toward VTR."
        )
        text += sentence_gap(t) + jp
    return text


def marketplace_list(decision: Decision, t: Translator) -> str:
    """The whole list a belief about marketplaces is decided against, in the reader's names."""
    by_code = marketplace_by_code()
    joiner = list_separator(t)

    def names(codes: str) -> str:
        return joiner.join(by_code[c].zh if t.lang == "zh" else c for c in codes.split())

    covered = names(str(decision.facts["covered"]))
    if decision.facts["buy_shipping"]:
        text = t._(
            "For shipments from China, Buy Shipping is offered on these marketplaces: {covered}.",
            covered=covered,
        )
    else:
        text = t._(
            "For shipments from China, the VTR bar (above 95%) applies on these marketplaces: "
            "{covered}.",
            covered=covered,
        )
    named = names(str(decision.facts.get("named") or ""))
    if not named:
        return text
    if decision.facts.get("listed"):
        return t._("On the list: {names}.", names=named) + sentence_gap(t) + text
    text = t._("Not on the list: {names}.", names=named) + sentence_gap(t) + text
    if decision.facts.get("unstated"):
        unstated = t._(
            "The sources here do not state a VTR bar for {names}: check Account Health → "
            "Shipping Performance in that marketplace's Seller Central.",
            names=named,
        )
        text += sentence_gap(t) + unstated
    return text
