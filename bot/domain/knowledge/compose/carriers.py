"""A carrier named in a question: the registry's answer for it, or the carrier field's entry."""

from __future__ import annotations

from collections.abc import Sequence

from bot.domain.knowledge.cards import (
    carrier_answer,
)
from bot.domain.knowledge.case import denies, states_a_belief
from bot.domain.knowledge.compose.found import Found
from bot.domain.knowledge.compose.state import ComposerBase
from bot.domain.knowledge.compose.yes_no import CHOICE, is_yes_no
from bot.domain.knowledge.entities import Entities
from bot.domain.knowledge.patterns import lazy
from bot.domain.knowledge.schema import Answer
from bot.domain.reference import Carrier, Marketplace

# Registry groups rather than carriers ("other national posts"): no name to pick from
# Amazon's list, so their questions go to the entries about the carrier field.
GROUP_CARRIERS = frozenset({"other_post"})


CARRIER_ENTRY = "carrier-choose"


# Words of the carrier field itself ("承运商怎么选", "pick from the list"): with a carrier
# named, the carrier's own answer is wanted, even where an entry mentions that carrier.
CARRIER_FIELD = frozenset({"carrier", "list"})


# What a carrier answer covers; offered as the next topics to read.
CARRIER_RELATED = ["carrier-choose", "tracking-valid-meaning", "tracking-unconfirmed"]


_FORMAT = lazy(
    r"格式|长什么样|什么样|开头|结尾|几位|多少位|format|look like|looks like|start(?:s)? with|end(?:s)? with|digits|characters|"
    r"how (?:does|do) [^?]{0,40}\blook\b"
)


_WHICH_OF = lazy(CHOICE.pattern + r"|\bwhich\b|\beither\b|哪个|哪一个|哪家|哪种|哪些")
"""A choice asked between the carriers named ("USPS or UPS", "云途还是燕文", "which one")."""
_ASKS_VALID = lazy(
    r"有效|算|认|能用|可以用|count|valid|ok\b|okay|accepted|allowed|work|"
    # "can i use 4px for germany", "4px能发德国站吗": whether a carrier will do is whether its
    # tracking can count.
    r"\buse\b|\bship (?:with|via|by|through)\b|\bsend (?:with|via|by)\b|\bgo with\b|"
    r"(?:能|可以|可不可以|能不能)(?:用|发|寄|走)|(?:用|发|寄|走)[^，,。?？]{0,8}(?:可以|行)(?:吗|么|不)"
)


_NUMBER_CONDITION = lazy(
    r"错|wrong|incorrect|mistake|typo|invalid|无效|没有?(?:扫描|揽收|物流|轨迹|记录)|no scans?|not scanned|"
    r"unscanned|after deliver|送达后|送达之后|签收后|mismatch|不一致|不对应|对不上|选成|selected|chose|"
    r"中文|chinese|late|晚了|过期|expired|重复|duplicate|same number|fake|假|placeholder|虚拟|"
    # A number's shape ("19 digits", "1Z开头18位"): the format decides, not the carrier.
    r"\d+\s?(?:digits?|位|characters?|chars?)|开头|结尾|starts? with|ends? (?:in|with)|"
    # No number at all, or a defect asked ("燕文的单子没有单号算缺陷吗"): not the carrier's yes.
    r"没有?(?:填|传|上传)?(?:单号|追踪号|跟踪号|追踪|跟踪)|no tracking|without (?:a |any )?tracking|"
    r"untracked|缺陷|defect"
)


class CarrierSteps(ComposerBase):
    """A carrier named: its own answer, or the entry on the carrier field."""

    def _by_carrier(
        self, question: str, text: str, found: Found, entities: Entities
    ) -> Answer | None:
        facets = found.concepts & {"calculate", "window", "threshold", "where", "whatis"}
        if "vtr" in found.concepts and facets and not found.concepts & CARRIER_FIELD:
            return None  # "…发货用云途和燕文…VTR到底怎么计算的": the carriers are the story
        format_asked = bool(_FORMAT.search(question.casefold()))
        carriers = self._carriers_to_explain(
            entities.carriers, found, entities.marketplaces, format_asked
        )
        if carriers:
            # A number shaped like another carrier's ("a YT number … yanwen?"): no "Yes, it
            # can count" for the carrier named.
            owner = entities.number_carrier
            foreign = owner is not None and any(c.id != owner.id for c in carriers)
            eu = [m for m in entities.marketplaces if m.eu_cross_border_rule]
            return self._carrier_answer(question, carriers, found, not foreign, eu)
        if entities.carriers and found.concepts & CARRIER_FIELD:
            # A national post with no name of its own here: how to fill the carrier field.
            return self._entry_answer(found.answer, CARRIER_ENTRY)
        return None

    def _carriers_to_explain(
        self,
        named: tuple[Carrier, ...],
        found: Found,
        markets: tuple[Marketplace, ...] = (),
        format_asked: bool = False,
    ) -> list[Carrier]:
        """The carriers to answer about, unless the best entry already speaks of them
        (China Post for Japan, UPS and USPS for "unconfirmed") where the question is: an
        entry of other marketplaces than those named ("is china post ok for amazon us" is
        no question about Japan's rules) does not."""
        named = tuple(c for c in named if c.id not in GROUP_CARRIERS)
        if not named:
            return []
        entry_markets = self._entry_markets.get(found.best or "", set())
        elsewhere = bool(markets and entry_markets) and not entry_markets & {
            m.code for m in markets
        }
        # "what does a USPS tracking number look like": the carrier's formats are the card's,
        # whatever entry of the rules names the carrier (USPS in "unconfirmed"); a
        # marketplace's entry keeps its own (Japan's China Post numbers end in CN).
        format_asked = format_asked and not entry_markets
        asks_how_to_enter = bool(found.concepts & CARRIER_FIELD) or format_asked
        entry_names_one = (
            found.best is not None
            and not elsewhere
            and any(c.id in self._entry_carriers[found.best] for c in named)
        )
        if found.answer.kind == "answer" and entry_names_one and not asks_how_to_enter:
            return []
        return list(named)

    def _carrier_answer(
        self,
        question: str,
        carriers: list[Carrier],
        found: Found,
        yes_allowed: bool = True,
        eu_markets: Sequence[Marketplace] = (),
    ) -> Answer:
        lang = found.answer.lang
        card = self._cards.carrier
        # "云途的单号算有效吗": the registry decides that a listed carrier can count; a
        # question about anything else of the carrier gets no yes first.
        folded = question.casefold()
        # The registry's yes is that the carrier can count; a condition on the number ("填错了",
        # "wrong carrier selected") is a different question, and that yes would mislead.
        direct = (
            yes_allowed
            and is_yes_no(question)
            and bool(_ASKS_VALID.search(folded))
            and not denies(folded)
            and not _NUMBER_CONDITION.search(folded)
        )
        # "USPS or UPS which counts": a choice between carriers that can each count.
        choice = (
            yes_allowed
            and len(carriers) > 1
            and bool(_WHICH_OF.search(folded) and _ASKS_VALID.search(folded))
            and not denies(folded)
            and not _NUMBER_CONDITION.search(folded)
        )
        about_format = bool(_FORMAT.search(question.casefold()))
        text = carrier_answer(
            card, carriers, lang, direct or choice, about_format, eu_markets, choice
        )
        plain = yes_allowed and _ASKS_VALID.search(folded) and not _NUMBER_CONDITION.search(folded)
        if plain and states_a_belief(folded) and denies(folded):
            # "网上说EMS的单号不算有效": a listed carrier's numbers can count, so not right.
            wrong = self._cards.marketplace.denied_wrongly.for_lang(lang)
            text = f"{wrong} {text}" if lang == "en" else f"{wrong}{text}"
        return Answer(
            lang=lang,
            kind="answer",
            confidence=max(found.answer.confidence, 0.5),
            text=text,
            source=card.source.for_lang(lang),
            suggestions=CARRIER_RELATED,
        )
