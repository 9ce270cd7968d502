"""A belief the question states or presumes, judged by the claims table."""

from __future__ import annotations

from dataclasses import replace

from bot.domain.knowledge.cards import Claim
from bot.domain.knowledge.case import NEGATING, NOT_EXEMPT, Case
from bot.domain.knowledge.compose.fields import FieldCheck
from bot.domain.knowledge.compose.found import Found
from bot.domain.knowledge.compose.vague import LIMITING
from bot.domain.knowledge.compose.yes_no import CHOICE, declares, is_yes_no
from bot.domain.knowledge.patterns import compiled, lazy
from bot.domain.knowledge.schema import Decision, Fact
from bot.domain.knowledge.understand import asks

_WHAT_FOLLOWS = lazy(
    r"会怎样|会怎么样|会如何|会咋样|有什么后果|什么后果|\bwhat happens\b|\bwhat will happen\b|"
    r"\bwhat would happen\b|\b(?:gonna|going to) happen\b"
)

_ASKS_COUNTS = lazy(
    r"算[^,，。?？]{0,10}吗|算不算|计入[^,，。?？]{0,10}吗|计不计入|要算|会算|\bcount(?:s|ed)?\b|"
    # "没追踪会扣VTR吗", "有影响吗", "will it hurt my VTR": whether it counts against VTR.
    r"扣|影响|拉低|\bhurts?\b|\baffects?\b|\blowers?\b|"
    # "不要追踪号行不行": tracking left out asked, not whether it is needed.
    r"(?<![不没])需要(?:追踪|单号|跟踪)|(?<![不没需])要(?:追踪|单号)|要不要(?:追踪|单号)|need tracking|require tracking|needs? to be tracked"
)

FIGURES_DECIDED = frozenset(
    {
        "vtr_groups",
        "vtr_rate_groups",
        "per_category",
        "eu_route",
        "metric_consequence",
        "split_order",
        "tracking_number",
        "uk_domestic_letter",
        "jp_letter",
        "eu_letter_pair",
        "jp_pair",
        "vtr_window_choice",
        "bar_choice",
    }
)
"""Decisions on the seller's figures per group, or stating the rule on purpose without a yes
or no (a choice "整个账号还是分类目", a letter whose amount is unsaid): no claim of the table
replaces them."""

FIGURE_CODES = frozenset(
    {"vtr_counts", "vtr_rate", "vtr_groups", "vtr_rate_groups", "metric_rate", "metric_rates",
     "allowance", "needs_figures", "split_order", "tracking_number"}
)  # fmt: skip
"""Decisions on figures the seller tells: told without a question, they are no belief."""

_OWN_AMOUNT = frozenset({"jp_value", "eu_letter", "uk_letter"})
"""Decisions on the amount of the seller's own order, not on a limit the seller states."""

_INFERRED_FROM = frozenset({"metric_rate", "metric_rates", "vtr_rate", "per_category"})
"""Decisions on what a belief infers from: a rate told for one metric (another's inferred
from it), or the overall figure beside the categories (each category's inferred from it)."""

_WHATEVER = lazy(r"(?:不管|无论|不论|no matter)[^，,。.]{0,8}")
"""A "whatever" clause ("不管多少钱", "no matter how much"): no question, though it holds
question words."""

MAX_BESIDE = 2


_ALSO = lazy(r"[，,；;]?\s*(?:而且|并且|另外|同时)|[，,；;]\s*还|\b(?:and|plus)\b(?: also)?")
"""Another belief joined to the first ("VTR看30天，而且…", "…30 days and exactly 95% passes")."""


def _half_apart(text: str, claim: Claim) -> bool:
    """The claim holds on one side of the joining word only: a half of its own, not the
    first belief's own words read again ("FBA orders drop off VTR within 30 days")."""
    for join in _ALSO.finditer(text):
        before, after = text[: join.start()], text[join.end() :]
        if claim.holds_in(before) != claim.holds_in(after):
            return True
    return False


_BELIEF_CLAUSE = lazy(r"[，,。；;]|\band\b")
"""At most this many other beliefs of one message are answered after the first."""


class BeliefJudge(FieldCheck):
    """The claims table's word on a belief the question states or takes for granted."""

    def _checks_our_claim(self, case: Case | None, found: Found) -> bool:
        """A belief of the claims table tested in our field's words: "did monthly storage
        fees go up" names no concept of ours, so the calendar-month claim its "monthly"
        holds is no reason to answer another field's question about VTR."""
        return bool(found.concepts & self._core) and self._checks_a_claim(case)

    def _checks_a_claim(self, case: Case | None) -> bool:
        """ "VTR下降是因为广告停了吗": a belief of the claims table tested, though it names
        another field's thing (ads, FBA): the claim says why that thing does not matter."""
        if (
            case is not None
            and self._presumed_claim(case) is not None
            and not self._on_a_platform(case.text)
        ):
            # "how many days before FBA shipments leave VTR": presumed, not asked; another
            # platform's ("Temu半托管的物流单号要在几天内上传") is no fact of ours to presume.
            return True
        if case is None or not (case.belief or is_yes_no(case.text) or declares(case)):
            return False
        return any(c.holds_in(case.text) for c in self._cards.claims)

    def _with_stated_belief(self, case: Case | None, decision: Decision | None) -> Case | None:
        """The case as a belief when it states one of the table's without a question;
        figures told without one are no belief, whatever rule their words state."""
        if case is None or case.belief or not self._claim_stated(case):
            return case
        if decision is not None and decision.code == "vtr_counts":
            return case
        return replace(case, belief=True)

    def _claim_stated(self, case: Case) -> bool:
        """ "只要有一次扫描，不管多少钱都算有效": a claim stated without a question, whose
        only question word sits in a "whatever" clause (不管多少钱, "no matter how much")."""
        if not any(c.holds_in(case.text) for c in self._cards.claims):
            return False
        return not asks(_WHATEVER.sub(" ", case.text).strip())

    def _with_claims(self, case: Case, text: str, decision: Decision | None) -> Decision | None:
        """The decision with the claims table's word on the belief: a yes/no question or a
        belief that a claim states gets that claim's verdict rather than a decision without
        one ("does an untracked package count as on time for OTDR?" names two metrics, but
        asks a rule); figures worked out per group are the answer, whatever belief the words
        hold; a choice ("大于还是大于等于", "per order or per package?") gets the claim's fact."""
        unsettled = decision is None or (
            decision.agrees is None
            and decision.code not in FIGURES_DECIDED
            and not _supposed_figures(case, decision)
        )
        asked = case.belief or declares(case) or is_yes_no(text) or CHOICE.search(text)
        # "承运商选错会怎样", "picked the wrong carrier, what happens": what follows from a
        # condition a claim states is that claim's fact (no yes or no: none was asked).
        asked = asked or _WHAT_FOLLOWS.search(text)
        if self._figure_of_a_claim(case, decision):
            return self._claim(case)  # its rule's own figures: no target of the metric's
        presumed = self._presumed_claim(case)
        if presumed is not None:
            return presumed  # "FBA orders leave VTR after 30 days, right?": not the window's
        if unsettled and asked:
            return self._claim(case) or decision
        if decision is not None and (case.belief or is_yes_no(text)) and decision.agrees:
            # "is the 90% OTDR enforced like the VTR bar?": the figure right, the rule asked
            # of it (enforced) the claims table's, false: asked as a yes/no, still a no.
            return self._false_part(case, decision)
        return decision

    def _beliefs_beside(self, case: Case, decision: Decision) -> list[Decision]:
        """ "VTR is a 30-day window measured per category, and FBA isn't affected, correct?":
        a right belief made of several, each of the claims table's other beliefs the message
        states (on an entry of its own) confirmed or corrected after it."""
        if not case.belief or decision.agrees is None or not decision.belief:
            return []
        seen, beside = {decision.entry}, []
        for claim in self._cards.claims:
            if claim.entry in seen or claim.presumed or not claim.holds_in(case.text):
                continue
            seen.add(claim.entry)
            # Judged on its own clause when one holds it: another clause's "isn't" is no
            # negation of it ("…30-day window, and FBA isn't affected").
            own = [c for c in _BELIEF_CLAUSE.split(case.text) if c and claim.holds_in(c)]
            said = replace(case, text=own[0], negated=claim.negated_around(own[0])) if own else case
            one = self._claim(said, claim)
            # A part found wrong only when said plainly in a clause of its own ("VTR看60天"):
            # a negated one ("…, not for the whole account") is the first belief's contrast.
            plain = bool(own) and not claim.negated_around(own[0])
            if decision.agrees is False and not (
                one and one.agrees and _half_apart(case.text, claim)
            ):
                # "VTR看30天，而且刚好95%也算达标": beside a wrong belief, only a right half
                # joined to it as another belief ("and", "而且") is said too.
                continue
            if one is not None and (one.agrees is not False or plain):
                beside.append(one)
        return beside[:MAX_BESIDE]

    def _presumed_claim(self, case: Case) -> Decision | None:
        """ "FBA订单要多久才从VTR里去掉": a false belief the question takes for granted is
        answered with the claim's fact first, no yes or no (nothing was asked that way)."""
        presumed = (c for c in self._cards.claims if c.presumed and c.holds_in(case.text))
        claim = next(presumed, None)
        if claim is None:
            return None
        if case.belief and claim.flips:
            # "上网慢不影响VTR吧": a belief that may be said either way, judged as said.
            return self._claim(case, claim)
        facts: dict[str, Fact] = {"zh": claim.says.zh, "en": claim.says.en}
        agrees = claim.truth if case.belief and not claim.silent else None
        return Decision(code="claim", facts=facts, agrees=agrees, entry=claim.entry)

    def _figure_of_a_claim(self, case: Case, decision: Decision | None) -> bool:
        """ "追踪率98%以上、准时送达97%以上就能缩短时效": the figure read as a target stated
        for a metric is one of another rule's own (98% tracking earns shorter promises),
        which the claims table decides (without a verdict when its other figure is unsaid)."""
        if decision is None or decision.code != "metric_target":
            return False
        stated = str(decision.facts.get("stated", ""))
        return any(
            stated in c.figures
            and all(compiled(p).search(case.text) for p in c.when if p not in c.figures)
            for c in self._cards.claims
        )

    def _false_part(self, case: Case, decision: Decision) -> Decision:
        """ "OTDR must be above 90% and it's enforced everywhere, right?": a belief the rule
        finds right in one part and the claims table wrong in another is not right."""
        # Figures told are the seller's own case, and a window stated beside denied ones is
        # decided whole (its denied days are no belief): neither is a part of a belief.
        if decision.code in _INFERRED_FROM:
            # "ODR才0.5%，VTR应该也达标了吧", "VTR 97% so my OTDR must be fine": the figure
            # right, what it is taken to show of another metric is the belief, the table's.
            inferred = (c for c in self._cards.claims if c.inferred and c.holds_in(case.text))
            belief = next(inferred, None)
            if belief is not None:
                return self._judged(case, belief)
        if decision.code in FIGURES_DECIDED | FIGURE_CODES | {"vtr_window"}:
            return decision
        if decision.facts.get("by_ship_date"):
            # "按发货日期算，截止12月5日，11月6号发的还在30天里吗": the basis is the
            # seller's premise, no belief of Amazon's; its window is told after the verdict.
            return decision
        claim = self._claim(case)
        if claim is not None and claim.entry == decision.entry and decision.code in _OWN_AMOUNT:
            # "JP order 800 yen exempt?": the rule worked out on the seller's own amount; a
            # belief about the same rule's limit is not a part the question states.
            return decision
        return claim if claim is not None and claim.agrees is False else decision

    def _claim(self, case: Case, claim: Claim | None = None) -> Decision | None:
        """A belief of the claims table the question states (the first that holds, unless
        one is given), with its truth as stated."""
        if claim is None:
            claim = next((c for c in self._cards.claims if c.holds_in(case.text)), None)
            return None if claim is None else self._unless_contradicted(case, claim)
        return self._judged(case, claim)

    def _unless_contradicted(self, case: Case, claim: Claim) -> Decision:
        """The first claim's verdict, unless it denies a restricting belief ("only X when
        Y", "只有…才…", "X are untouched") that another claim, fired by the same words,
        confirms ("my FBA listings are untouched" held FBA-affected's words beside
        FBA-left-alone's): the verdict word would contradict what the other states, so none
        is given, and the confirming claim's fact is said."""
        judged = self._judged(case, claim)
        if judged.agrees is not False or not claim.restriction_apart(case.text):
            return judged
        for other in self._cards.claims:
            if other is claim or other.presumed or other.silent or not other.holds_in(case.text):
                continue
            confirmed = self._judged(case, other)
            if confirmed.agrees is True and claim.shares_words(other, case.text):
                return replace(confirmed, agrees=None)
        return judged

    def _judged(self, case: Case, claim: Claim) -> Decision:
        """The claim's verdict on the belief as the question states it."""
        # Words that state the belief itself ("不需要追踪也能算准时", "removed from both") and
        # the words it is made of are no negation of it; for a claim with none of those, a
        # negation in the belief's own clauses counts too, beside the case's listed ones
        # ("exempt", "never count"): "ODR isn't reported separately" was missed.
        said = claim.negated_around(case.text, own_clauses=not claim.stated_by)
        said = said or (case.negated and not claim.stated_by)
        negated = said or claim.denied_in(case.text)
        truth = claim.truth != (claim.flips and negated)
        if not claim.flips and not claim.exemption and case.belief:
            truth = claim.truth != (claim.negated_around(case.text) or claim.denied_in(case.text))
        if claim.exemption and not negated and _ASKS_COUNTS.search(case.text):
            truth = not truth  # "英国站用自己买的邮票寄，算吗": it counts, so yes
        if claim.exemption and NOT_EXEMPT.search(case.text) and not LIMITING.search(case.text):
            # "aren't exempt", "不豁免": the belief's opposite ("only X is exempt, the rest
            # not" states the belief and its complement)
            truth = not claim.truth
        opposite = claim.asks_opposite(case.text)
        if opposite:
            truth = not truth  # "tracking added after delivery, is it a defect?": yes
        facts: dict[str, Fact] = {"zh": claim.says.zh, "en": claim.says.en}
        agrees = truth if opposite or claim.exemption else verdict_checked(case, claim, truth)
        if claim.most_marketplaces and case.names_a_marketplace:
            agrees = None  # "is OTDR enforced in the US?": "in most" says nothing of the US
        return Decision(code="claim", facts=facts, agrees=agrees, entry=claim.entry)


def _supposed_figures(case: Case, decision: Decision) -> bool:
    """ "210 shipped, 196 valid, then we corrected 5 before delivery. new rate?": the
    seller's own figures with a change supposed, worked out; the words around the change
    ("before delivery") are how it came about, no belief asked."""
    return decision.code == "vtr_counts" and "change" in decision.facts and not case.belief


def verdict_checked(case: Case, claim: Claim, truth: bool) -> bool | None:
    """The verdict, unless it would contradict the claim's own fact said first: a verdict
    other than the claim's truth says the seller stated the belief's opposite, so the
    message must hold a word that negates or denies; without one, the seller's belief is the
    claim's own, and "Right" before a false belief's correction (or "Not right" before a true
    belief's restatement) would contradict its first sentence: no verdict, the fact leads."""
    if truth == claim.truth or NEGATING.search(case.text) or claim.denied_in(case.text):
        return truth
    return None
