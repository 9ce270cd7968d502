"""Whether an order counts by its route or origin: letters, domestic shipments, warehouses."""

from __future__ import annotations

from bot.domain.knowledge.schema import Decision
from bot.domain.reference import marketplace_by_code
from bot.services.decision_text.wording import fact_texts
from bot.services.i18n import Translator
from bot.services.lines import sentence_gap


def us_scans(decision: Decision, t: Translator) -> str:
    """A US order's scans by its amount; a belief that only dearer orders count is answered
    by the scope first (every order counts, whatever its value), then the amount's scans."""
    values = fact_texts(decision)
    two = decision.facts["two_scans"]
    if decision.facts.get("every_order"):
        if two:
            return t._(
                "Every US order shipped from China counts toward VTR, whatever its value; a "
                "USD {amount} one needs two carrier scans, one of them delivery or attempted "
                "delivery (USD 5 and over).",
                **values,
            )
        return t._(
            "Every US order shipped from China counts toward VTR, whatever its value; a "
            "USD {amount} one needs at least one carrier scan (under USD 5).",
            **values,
        )
    if two:
        return t._(
            "A USD {amount} order shipped from China to the US needs two carrier scans, one "
            "of them delivery or attempted delivery (USD 5 and over); one scan is not enough, "
            "and the order counts toward VTR.",
            **values,
        )
    return t._(
        "A USD {amount} order shipped from China to the US needs at least one carrier scan "
        "(under USD 5); it counts toward VTR, as no US order is exempt for its low value.",
        **values,
    )


def eu_letter(decision: Decision, t: Translator) -> str:
    values = fact_texts(decision)
    values["route"] = values["route"] or "EU"
    if decision.facts["exempt"]:
        return t._(
            "A EUR {amount} order ({route}) sent as Letter is exempt from VTR: under EUR 20 "
            "and sent with a letter service.",
            **values,
        )
    if not decision.facts["letter"]:
        return t._(
            "A EUR {amount} order ({route}) counts toward VTR: the exemption needs both "
            "under EUR 20 and a letter service, and this one is not sent as Letter.",
            **values,
        )
    return t._(
        "A EUR {amount} order ({route}) counts toward VTR even as a letter: only orders "
        "under EUR 20 sent as Letter are exempt.",
        **values,
    )


def eu_letter_pair(decision: Decision, t: Translator) -> str:
    """Two letters' amounts compared: the one over EUR 20 counts, the one under is exempt."""
    return t._(
        "The EUR {counted} one counts toward VTR; the EUR {exempt} one is exempt: a letter "
        "under EUR 20 (shipping included, VAT excluded).",
        counted=str(decision.facts["counted"]),
        exempt=str(decision.facts["exempt"]),
    )


def jp_pair(decision: Decision, t: Translator) -> str:
    """Two Japanese orders' amounts compared: the one under JPY 1,000 is exempt."""
    return t._(
        "The JPY {counted} order counts toward VTR; the JPY {exempt} one is exempt: orders "
        "under JPY 1,000 on Amazon.co.jp do not count.",
        counted=str(decision.facts["counted"]),
        exempt=str(decision.facts["exempt"]),
    )


def uk_letter(decision: Decision, t: Translator) -> str:
    """A letter to the UK priced in pounds, against the EUR 20 limit without a rate."""
    if decision.facts["band"] == "by_postage":
        return uk_letter_by_postage(decision, t)
    amount = str(decision.facts["amount"])
    report = t._(
        "VTR Bot's report counts UK letters all the same: it applies no exchange rate offline."
    )
    if decision.facts["band"] == "under":
        said = t._(
            "A GBP {amount} order to the UK is under EUR 20 at any recent exchange rate, so it "
            "is exempt from VTR if sent as a letter.",
            amount=amount,
        )
        # The exception is the EU/UK update's for cross-border shipments (domain.md 1b).
        cross_border = t._(
            "That exception is stated for cross-border shipments; for a letter within the UK "
            "the sources give only Royal Mail stamps bought through Buy Shipping."
        )
        said = sentence_gap(t).join((said, cross_border))
    elif decision.facts["band"] == "over":
        return t._(
            "A GBP {amount} order to the UK is over EUR 20 at any recent exchange rate: it "
            "counts toward VTR even as a letter.",
            amount=amount,
        )
    else:
        said = t._(
            "A GBP {amount} letter to the UK is close to EUR 20: whether it is exempt depends "
            "on the exchange rate (EUR 20, shipping included, VAT excluded).",
            amount=amount,
        )
    return sentence_gap(t).join((said, report))


def uk_letter_by_postage(decision: Decision, t: Translator) -> str:
    """An untracked letter on Amazon.co.uk: its condition first (Buy Shipping), what happens
    otherwise, its amount when said, and what the report does (docs/decisions/018)."""
    amount = decision.facts.get("amount")
    told = (
        ()
        if amount is None
        else (
            t._(
                "A GBP {amount} order is under EUR 20 at any recent exchange rate, which does not "
                "exempt it by itself.",
                amount=str(amount),
            ),
        )
    )
    return sentence_gap(t).join(
        (
            t._(
                "Only if its Royal Mail postage was bought through Buy Shipping: an untracked "
                "letter on Amazon.co.uk is exempt from VTR only then; otherwise it counts, "
                "even under EUR 20 (the EUR 20 letter exception is stated for cross-border "
                "shipments)."
            ),
            *told,
            t._(
                "VTR Bot's report counts UK letters: a file does not show where the postage "
                "was bought."
            ),
        )
    )


def domestic_unstated(decision: Decision, t: Translator) -> str:
    market = marketplace_by_code()[str(decision.facts["market"])]
    return t._(
        "The sources state the EU/UK update's rule for cross-border shipments and for German "
        "domestic ones (over EUR 15); they say nothing about shipments within {market}, so I "
        "cannot say whether those count.",
        market=market.zh if t.lang == "zh" else market.domain.capitalize(),
    )


def vtr_any_origin(decision: Decision, t: Translator) -> str:
    """VTR over every self-fulfilled package wherever it ships from, and what the sources
    state only for shipments from China (the list of marketplaces with the 95% bar)."""
    if decision.facts.get("hong_kong"):
        counted = t._(
            "VTR counts every self-fulfilled package you confirm as shipped, wherever it ships "
            "from: orders you ship yourself from Hong Kong count too and need valid tracking "
            "the buyer can see, and Amazon's target for each category is VTR above 95%."
        )
        origin = t._("from Hong Kong")
    else:
        counted = t._(
            "VTR counts every self-fulfilled package you confirm as shipped, wherever it ships "
            "from: orders you ship yourself from an overseas or local warehouse count too and "
            "need valid tracking the buyer can see, and Amazon's target for each category is VTR "
            "above 95% (orders fulfilled by Amazon, FBA, are never in it)."
        )
        origin = t._("from such a warehouse")
    unstated = t._(
        "The list of marketplaces where the 95% bar applies is published for shipments from "
        "China; the sources state no separate rule for shipments {origin}.",
        origin=origin,
    )
    return sentence_gap(t).join((counted, unstated))


def jp_rule(decision: Decision, t: Translator) -> str:
    """Japan's rule; carried elsewhere (another marketplace, a larger amount), said to be
    Japan's alone, since the other marketplace's orders follow its own rules."""
    rule = t._("On Amazon.co.jp, orders under JPY 1,000 are exempt: they do not count toward VTR.")
    elsewhere = str(decision.facts.get("elsewhere", ""))
    if not elsewhere:
        return rule
    if elsewhere == "amount":
        carried = t._("The limit is JPY 1,000 itself: an order of JPY 1,000 or more counts.")
    else:
        market = marketplace_by_code()[elsewhere]
        name = market.zh if t.lang == "zh" else market.domain.capitalize()
        carried = t._(
            "That limit is Amazon.co.jp's alone: it does not carry to {market}, whose orders "
            "follow its own rules.",
            market=name,
        )
    return sentence_gap(t).join((rule, carried))


def letter_outside_eu(decision: Decision, t: Translator) -> str:
    market = marketplace_by_code()[str(decision.facts["market"])]
    name = market.zh if t.lang == "zh" else market.domain.capitalize()
    return t._(
        "The letter exemption (under EUR 20, sent with a letter service) is only for EU and UK "
        "orders: a letter to {market} counts toward VTR.",
        market=name,
    )
