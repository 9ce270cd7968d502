"""Marketplaces named in a question: the lists they are on and the EU/UK update's lines for them."""

from __future__ import annotations

from bot.domain.knowledge.cards import (
    eu_rule_lead,
    marketplace_lead,
    without_yes,
)
from bot.domain.knowledge.case import NEGATING, denies, route, states_a_belief
from bot.domain.knowledge.case.asked import A_NOT_A
from bot.domain.knowledge.compose.found import Found
from bot.domain.knowledge.compose.state import ComposerBase
from bot.domain.knowledge.compose.yes_no import is_yes_no
from bot.domain.knowledge.decide.routes import ships_from_outside_china
from bot.domain.knowledge.entities import Entities
from bot.domain.knowledge.patterns import lazy
from bot.domain.knowledge.schema import Answer

# Entries that list marketplaces: a question naming one gets its direct answer first.
MARKETPLACE_LISTS = {"vtr-marketplaces-china": False, "buy-shipping-marketplaces": True}


# The EU/UK update: a question about it naming marketplaces gets a line for each.
EU_ENTRY = "eu-cross-border"


EU_ENTRIES = frozenset({EU_ENTRY, "eu-letter-under-20", "buy-shipping-vat", "policy-all-carriers"})


_NEEDS = lazy(
    r"需要|要不要|必须|一定要|得有|要求|\bneeds?\b|\brequire|\bmandatory\b|\bhave to\b|\bmust\b|"
    # "美国站自发货要追踪号吗", "要有单号吗": 要 before what is needed, asked.
    r"要(?:有|上传|填|传|提供)?(?:追踪|跟踪|单号|物流单号|运单号)[^，,。]{0,4}(?:吗|么|嘛|不)"
)
"""Tracking asked as a requirement ("需要追踪吗", "need tracking?")."""


_VTR_BAR_FIGURE = lazy(r"(?<![\d.])95\s?%")
"""95% said with a bar's word is VTR's bar, its name unsaid ("the 95% rule")."""


_BAR_WORDS = frozenset(
    {"vtr", "threshold", "whatis", "trackingid", "list", "newseller", "policy", "mfn"}
)
"""What a question about where VTR's bar applies says beside the place ("new seller here, we ship
to the US and UK, what's the VTR rule": who asks, and "rule", are no other subject)."""


_DOMESTIC = lazy(
    r"本土|境内|本地|国内|domestic|within (?:the )?(?:country|germany|france|italy|spain)"
)


_WHICH = lazy(r"哪些|哪几个|哪个国家|所有|每个|只在|只看|只有|\bwhich\b|\bevery\b|\ball\b|\bonly\b")


_EACH = lazy(r"分开|分别|单独|各自|影响|separately|\beach\b|\bper\b|affect")


_AVAILABLE = lazy(
    r"\buse\b|\busing\b|available|offered|support|serve|cover|work(?:s)? (?:in|for|on|from)|buy (?:labels?|postage)|"
    # "buy shipping india ok?": the marketplace named, then whether it will do.
    r"(?<![a-z])(?:ok|okay|allowed|possible)(?![a-z])|行吗|行不行|可以吗|能行吗|"
    r"purchase (?:labels?|postage)|(?:shipping )?labels? (?:for|to)|through amazon|能用|可以用|能不能用|可不可以用|支持|开通|可用|能买|可以买|"
    # Asked of shipments from elsewhere ("an option when we ship out of our warehouse", "可以买配送面单").
    r"\boption\b|\beligible\b|可购买|能购买"
)


GENERAL_BUY_SHIPPING = frozenset({"buy-shipping-what", "buy-shipping-benefits"})


_ASKS_WHICH_SELLERS = lazy(
    r"^(?!.*(?:站|marketplace|countr|where|哪里|国家)).*"
    r"(?:哪(?:类|种|些)卖家|什么(?:样的?)?卖家|\bwho\b|which sellers|what (?:kind of |type of )?sellers)"
)
"""Whom VTR concerns ("VTR管哪类卖家", "who does VTR apply to?"): the sellers, not the places."""


WHAT_VTR_ENTRY = "vtr-what"


def _asks_availability(text: str, found: Found, entities: Entities) -> bool:
    """ "is Buy Shipping offered in Saudi Arabia?", "can I buy labels through Buy Shipping for
    Singapore orders?": whether it is offered in a named marketplace, which the search may
    have taken for a question about what Buy Shipping is."""
    if not entities.marketplaces or found.answer.kind == "off_topic":
        return False
    # An entry not about Buy Shipping at all (a marketplace's domain pulled the search to
    # another rule) is as general as Buy Shipping's own.
    general = found.best in GENERAL_BUY_SHIPPING or not (found.best or "").startswith("buy-")
    return general and bool(_AVAILABLE.search(text))


def _origin_abroad(text: str, entities: Entities) -> bool:
    """The packages leave from a marketplace's country ("shipments from the US", "从英国
    发货"), not from China."""
    origin, _ = route(text, entities.markets_at)
    return origin is not None and origin != "CN"


def _list_entry(about_buy_shipping: bool) -> str:
    return next(e for e, buy in MARKETPLACE_LISTS.items() if buy == about_buy_shipping)


class PlaceSteps(ComposerBase):
    """Marketplaces named: the lists they are on and the EU/UK update's lines."""

    def _by_eu_rule(
        self, question: str, text: str, found: Found, entities: Entities
    ) -> Answer | None:
        on_eu_entry = found.best == EU_ENTRY and found.answer.kind == "answer"
        if not (self._asks_about_the_eu_rule(found, entities) or on_eu_entry):
            return None
        if self._asks_the_bar_in(text, found, entities):
            return None  # "VTR requirement for Germany?": the bar's list answers it
        if on_eu_entry and not entities.marketplaces:
            return None
        lead = "\n".join(
            eu_rule_lead(self._cards.marketplace, m, found.answer.lang)
            for m in entities.marketplaces
        )
        # The rule is about cross-border orders: no yes to a question about domestic ones.
        asked = (is_yes_no(text) or states_a_belief(text)) and not _DOMESTIC.search(text)
        lead = lead if asked and not denies(text) else without_yes(lead)
        covered = all(m.eu_cross_border_rule for m in entities.marketplaces)
        if lead and asked and states_a_belief(text) and denies(text) and covered:
            # "英国站不用考核VTR吧，英国又不在欧盟里": the update names it, so not right.
            wrong = self._cards.marketplace.denied_wrongly.for_lang(found.answer.lang)
            lead = f"{wrong} {lead}" if found.answer.lang == "en" else f"{wrong}{lead}"
        return self._entry_answer(found.answer, EU_ENTRY, lead or None)

    def _by_marketplace(
        self, question: str, text: str, found: Found, entities: Entities
    ) -> Answer | None:
        if "feedback" in found.concepts and not entities.marketplaces:
            return None  # "差评删除线在哪些站点": the strike-through's list, its entry's own
        # Which list is asked about is the question's word, not the search's pick.
        about_buy_shipping = "buyshipping" in found.concepts
        listing = _list_entry(about_buy_shipping)
        asks_which = (
            self._asks_which_marketplaces(text, found, entities)
            or (not about_buy_shipping and self._asks_the_bar_in(text, found, entities))
            or (about_buy_shipping and _asks_availability(text, found, entities))
        )
        elsewhere = ships_from_outside_china(text) or _origin_abroad(text, entities)
        if about_buy_shipping and elsewhere and _AVAILABLE.search(text):
            # "从美国仓发货能用购买配送吗": the list is published for shipments from China only.
            lead = self._cards.marketplace.buy_shipping_elsewhere.for_lang(found.answer.lang)
            return self._entry_answer(found.answer, listing, lead)
        if not asks_which and (
            found.best not in MARKETPLACE_LISTS or found.answer.kind == "off_topic"
        ):
            return None
        if not (about_buy_shipping or entities.marketplaces) and _ASKS_WHICH_SELLERS.search(text):
            return self._entry_answer(found.answer, WHAT_VTR_ENTRY)  # sellers, not places
        # The other list found by the words ("从国内发货…哪些站点" is in both): the one named.
        other_list = found.best in MARKETPLACE_LISTS and found.best != listing
        one_named = not {"vtr", "buyshipping"} <= found.concepts and bool(
            found.concepts & ({"marketplace"} | self._places)
        )
        if not entities.marketplaces:
            chosen = asks_which or (other_list and one_named)
            return self._entry_answer(found.answer, listing) if chosen else None
        lead = self._marketplace_lines(text, found, entities, about_buy_shipping)
        return self._entry_answer(found.answer, listing, lead)

    def _marketplace_lines(
        self, text: str, found: Found, entities: Entities, about_buy_shipping: bool
    ) -> str:
        """A line for each marketplace named, on the list asked about (Buy Shipping's or the
        bar's): the registry's yes only to a question that asks it, "Not right" first to a
        belief denying a listed one."""
        lead = "\n".join(
            marketplace_lead(self._cards.marketplace, m, found.answer.lang, about_buy_shipping)
            for m in entities.marketplaces
        )
        # The registry's yes answers "is it offered?", not a question saying it is not; a
        # belief holding any word that negates or limits ("VTR不看日本站吧") may say so in
        # words `denies` does not know, and a wrong yes is worse than none.
        negated = states_a_belief(text) and NEGATING.search(A_NOT_A.sub("", text))
        asked = (is_yes_no(text) or states_a_belief(text)) and not denies(text) and not negated
        lead = lead if asked else without_yes(lead)
        if (
            states_a_belief(text)
            and denies(text)
            and self._all_covered(entities, about_buy_shipping)
        ):
            # "The 95% rule doesn't apply to Singapore, right?": on the list, so not right.
            wrong = self._cards.marketplace.denied_wrongly.for_lang(found.answer.lang)
            lead = f"{wrong} {lead}" if found.answer.lang == "en" else f"{wrong}{lead}"
        return lead

    @staticmethod
    def _all_covered(entities: Entities, about_buy_shipping: bool) -> bool:
        """Every marketplace named is on the list asked about (Buy Shipping's or the bar's)."""
        return all(
            m.buy_shipping_from_china if about_buy_shipping else m.vtr_bar_from_china
            for m in entities.marketplaces
        )

    @staticmethod
    def _asks_about_the_eu_rule(found: Found, entities: Entities) -> bool:
        """ "荷兰站也受欧洲新规影响吗", "when did the EU rule start": the EU/UK update."""
        if found.answer.kind == "off_topic" or found.best in EU_ENTRIES:
            return False
        european = "eu" in found.concepts or any(
            m.eu_cross_border_rule for m in entities.marketplaces
        )
        if "china" in found.concepts and "crossborder" not in found.concepts:
            return False  # "from china to amazon us and uk, what's the rule": the bar's list
        return european and bool(found.concepts & {"policy", "crossborder"})

    def _asks_the_bar_in(self, text: str, found: Found, entities: Entities) -> bool:
        """ "VTR requirement for Germany?", "valid tracking rate for amazon uk", "Japan has
        the 95% bar too?": VTR (or its 95% bar) and a marketplace, nothing else of our field
        asked: whether the bar applies there."""
        if found.answer.kind == "off_topic" or not entities.marketplaces:
            return False
        if ships_from_outside_china(text):
            return False  # "从香港发美国站": the list is stated for shipments from China
        if len(entities.marketplaces) > 1 and "china" not in found.concepts:
            return False  # two marketplaces are a route ("from Poland to Germany"), unless
            # both are where a seller ships from China ("from china to amazon us and uk")
        vtr = "vtr" in found.concepts or (
            "threshold" in found.concepts and bool(_VTR_BAR_FIGURE.search(text))
        )
        # "新加坡站的订单需要追踪吗", "do orders on amazon.sg need tracking?": the same question.
        vtr = vtr or ("trackingid" in found.concepts and bool(_NEEDS.search(text)))
        return vtr and found.concepts <= self._places | _BAR_WORDS

    @staticmethod
    def _asks_which_marketplaces(text: str, found: Found, entities: Entities) -> bool:
        """ "哪些站点要求VTR", "does it apply on every marketplace", "只在美国站考核吗":
        the list of marketplaces is asked for, not a rule of one of them."""
        if found.best in MARKETPLACE_LISTS or found.answer.kind == "off_topic":
            return False
        about = found.concepts & {"vtr", "buyshipping"}
        named = found.concepts & {"marketplace"} or entities.marketplaces
        return bool(about and named and _WHICH.search(text) and not _EACH.search(text))
