"""The answer put together: refusals, a decision's verdict as asked, then the steps by entity."""

from __future__ import annotations

from bot.domain.knowledge.case import Case
from bot.domain.knowledge.compose.beliefs import FIGURE_CODES
from bot.domain.knowledge.compose.carriers import CarrierSteps
from bot.domain.knowledge.compose.fields import (
    about_returns_only,
    asks_metric_scope,
    fba_fees,
    transit_or_billing,
)
from bot.domain.knowledge.compose.found import Found
from bot.domain.knowledge.compose.named import (
    ALERTS_ENTRY,
    FROM_AMAZON,
    NamedEntries,
    list_asked,
    tracking_how_to,
)
from bot.domain.knowledge.compose.places import PlaceSteps
from bot.domain.knowledge.compose.restriction import (
    THRESHOLD_ENTRY,
    RestrictionAsked,
    how_soon_after_rate,
)
from bot.domain.knowledge.compose.silent import (
    HOLIDAY_ENTRY,
    NEW_SELLER_ENTRY,
    holidays_asked,
    new_seller_asked,
)
from bot.domain.knowledge.compose.vague import (
    OPENER_ONLY,
    PLACE_TOPICS,
    VAGUE_TOPICS,
    only_places,
    our_words_only,
    topics_to_pick,
    vague_about_ours,
)
from bot.domain.knowledge.compose.yes_no import (
    CHOICE,
    STILL,
    TWO_VERDICTS,
    asks_inverted,
    declares,
    is_yes_no,
    unmarked_yes_no,
)
from bot.domain.knowledge.decide import asks_pass_or_fail
from bot.domain.knowledge.entities import Entities
from bot.domain.knowledge.schema import Answer, Decision

SPECIFIC_WITHOUT_SUBJECT = 5.0
"""Matched information (Assessment.information) from which a question that names no subject
of our field is still specific enough to answer ("怎么删掉我上传的数据"); under it ("这个怎么
办", "help me with my account") the closest topics are offered instead."""


CATEGORY_VTR = frozenset({"category", "vtr"})
"""A category's VTR asked about: a subject of our field, named or read from a category's name."""


class Composer(RestrictionAsked, CarrierSteps, PlaceSteps, NamedEntries):
    def compose(
        self, question: str, text: str, found: Found, entities: Entities, case: Case | None = None
    ) -> Answer:
        before = self._before_deciding(text, found, case)
        if before is not None:
            return before
        decision = self._decide(case, found, text)
        case = self._with_stated_belief(case, decision)
        if case is not None:
            decision = self._with_claims(case, text, decision)
        if case is not None and decision is not None and decision.entry in self._entries:
            return self._answer_decided(case, text, found, decision)
        if self._from_another_field(text, found):
            answer = found.answer
            return Answer(lang=answer.lang, kind="off_topic", confidence=answer.confidence)
        offered = self._topics_offered(case, found, text)
        if offered is not None:
            return offered
        return self._by_entities(question, text, found, entities, case)

    def _answer_decided(self, case: Case, text: str, found: Found, decision: Decision) -> Answer:
        """A decided case: its verdict as asked, then the beliefs stated beside it; a rate
        told with the account's fate asked gets that asked first."""
        consequence = self._consequence_asked(case, decision)
        if consequence is not None:
            # "我的VTR 94%，会被封号吗": what was asked (the account) first, the rate after.
            first = self._decided(found, self._as_asked(case, text, consequence))
            # The rate without a yes or no (one was given to the question asked), with
            # the bar's entry: the consequences are already shown.
            bar = decision.model_copy(update={"entry": THRESHOLD_ENTRY, "agrees": None})
            rate = self._decided(found, self._as_asked(case, text, bar))
            return first.model_copy(update={"parts": [rate]})
        decision = how_soon_after_rate(case, decision)
        asked = self._as_asked(case, text, decision)
        beside = [self._as_asked(case, text, b) for b in self._beliefs_beside(case, asked)]
        # A part found wrong leads: the skimmer reads "Not right" first.
        ordered = sorted([asked, *beside], key=lambda d: d.agrees is not False)
        answers = [self._decided(found, d) for d in ordered]
        return answers[0].model_copy(update={"parts": answers[1:]}) if beside else answers[0]

    @staticmethod
    def _topics_offered(case: Case | None, found: Found, text: str) -> Answer | None:
        """Topics to pick from instead of an answer: an opener, a vague worry, our field's
        words alone, or Amazon's own message named without what it warns of."""
        opening = case is not None and bool(OPENER_ONLY.match(case.text))
        vague = case is not None and (our_words_only(case) or vague_about_ours(case) or opening)
        vague = vague and not tracking_how_to(found, text)  # the entry _entry_named gives
        topics = topics_to_pick(case, found, vague, opening)
        if topics is not None:
            update = {"kind": "unsure", "matched": None, "suggestions": topics, "opening": opening}
            return found.answer.model_copy(update=update)
        if found.best == ALERTS_ENTRY and FROM_AMAZON.search(text):
            # "amazon sent me a warning email": Amazon's message, not this bot's alerts; what
            # it warns of is unsaid, so the topics to pick from.
            return found.answer.model_copy(
                update={"kind": "unsure", "matched": None, "suggestions": list(VAGUE_TOPICS)}
            )
        return None

    def _by_entities(
        self, question: str, text: str, found: Found, entities: Entities, case: Case | None
    ) -> Answer:
        """Undecided: the exemptions' list, a carrier's, a marketplace's, several metrics' or
        an appeal's answer, the entry the words name, else the search's pick (or, for a
        message naming no subject, topics to pick from)."""
        if case is not None and (listed := list_asked(case)) is not None:
            return self._entry_answer(found.answer, listed)
        steps = (
            self._by_carrier,
            self._by_eu_rule,
            self._by_marketplace,
            self._by_metrics,
            self._by_appeal,
        )
        for step in steps:
            composed = step(question, text, found, entities)
            if composed is not None:
                return composed
        entry = self._entry_named(case, found, text)
        if entry is not None:
            return self._entry_answer(found.answer, entry)
        # "how do I fix toys": a category's VTR, read by the search (base._category_named).
        vague = found.information < SPECIFIC_WITHOUT_SUBJECT and not found.concepts >= CATEGORY_VTR
        if (
            case is not None
            and found.answer.kind == "answer"
            and vague
            and not self._names_a_subject(case)
        ):
            return self._shortlist(found, PLACE_TOPICS if only_places(case) else ())
        return found.answer

    def _before_deciding(self, text: str, found: Found, case: Case | None) -> Answer | None:
        """Another field's question (refused), or one the sources are silent on (holidays):
        answered before any rule is decided."""
        elsewhere = self._elsewhere(text) and not asks_metric_scope(found, text)
        elsewhere = elsewhere or about_returns_only(text) or self._carrier_prices(case, text, found)
        ours = self._checks_our_claim(case, found)
        if transit_or_billing(text) or ((fba_fees(found, text) or elsewhere) and not ours):
            return Answer(
                lang=found.answer.lang, kind="off_topic", confidence=found.answer.confidence
            )
        if case is not None and holidays_asked(case):
            return self._entry_answer(found.answer, HOLIDAY_ENTRY)
        if case is not None and new_seller_asked(case):
            return self._entry_answer(found.answer, NEW_SELLER_ENTRY)
        return None

    @staticmethod
    def _as_asked(case: Case, text: str, decision: Decision) -> Decision:
        """The decision with the verdict the question asks for: a yes or no only for a
        belief or a yes/no question ("what's my rate?" gets the figure), never for a choice
        between two ("per order or per package?"). A belief is confirmed or corrected
        whatever English "or" it holds ("…delivery or attempted delivery, right?"); 还是
        still offers a choice."""
        # A statement sent without a question ("FBA orders are part of VTR") is a belief to
        # confirm or correct; a figure told that way ("VTR sitting at 94.9") is no belief.
        # One asking for a rule's verdict in its words ("FBA订单算VTR", "日本站能用购买配送删差评")
        # gets that verdict (不算, 不能), as if asked with 吗.
        declared = declares(case) and not unmarked_yes_no(text.casefold())
        belief = case.belief or (declared and decision.code not in FIGURE_CODES)
        choice = "还是" in STILL.sub("", text) if belief else bool(CHOICE.search(text))
        # "… sent by letter — exempt or counted": two verdicts offered, with no tag making it a
        # belief, is a choice however it is punctuated.
        choice = choice or (not case.belief and bool(TWO_VERDICTS.search(text)))
        counts = decision.code == "vtr_counts"
        inverted = counts and asks_inverted(text)
        asked = (belief or is_yes_no(text) or inverted) and not choice
        # Figures asked of without a word of passing or failing ("can you work out my VTR:
        # …", "VTR?") get the verdict line alone: a bare "No —" would answer the wrong thing.
        asked = asked and (belief or not counts or asks_pass_or_fail(text))
        # "how many new ones to get above 95 with 400 shipped and 375 valid?": a count asked,
        # whatever its last word ("valid?") sounds like; a "No —" would answer nothing.
        asked = asked and not (counts and case.how_many and not belief and not inverted)
        update = {
            "belief": belief,
            "agrees": decision.agrees if asked else None,
            "verb": case.verb,
        }
        return decision.model_copy(update=update)

    def _names_a_subject(self, case: Case) -> bool:
        """The question names something of our field (VTR, a carrier, a marketplace …), not
        only a form ("这个怎么办", "why?", "help me with my account")."""
        eu_update = "crossborder" in case.concepts or {"eu", "policy"} <= case.concepts
        return bool(case.concepts & self._subjects or case.carriers or case.markets or eu_update)
