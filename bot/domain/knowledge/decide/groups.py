"""Several groups' figures or rates (categories, marketplaces), each judged against the bar.

VTR is judged per category, so each group gets its own verdict, the failing ones first.
"""

from __future__ import annotations

from fractions import Fraction

from bot.domain.bar import is_above
from bot.domain.knowledge.case import Case
from bot.domain.knowledge.decide.counts import vtr_facts
from bot.domain.knowledge.decide.percent import percent_text
from bot.domain.knowledge.decide.targets import SAYS_ABOVE, TARGET_TALK
from bot.domain.knowledge.decide.verdict import ASKS_PASS, WHICH_GROUP, passes_asked
from bot.domain.knowledge.patterns import lazy
from bot.domain.knowledge.schema import Decision, Fact
from bot.domain.knowledge.understand import asks


def vtr_groups(case: Case) -> Decision | None:
    if len(case.groups) < 2 or case.metric not in (None, "vtr"):
        return None
    facts: dict[str, Fact] = {"groups": len(case.groups)}
    # The groups below the bar first: they are the decision a seller acts on.
    failing_first = sorted(
        case.groups, key=lambda group: is_above(group[1].valid, group[1].shipments)
    )
    for i, (label, counts) in enumerate(failing_first):
        facts.update(vtr_facts(counts.shipments, counts.valid, case.as_written(label), str(i)))
    shops = all(_SHOP_LABEL.search(label) for label, _ in case.groups)
    if shops or _WHOLE_ASKED.search(case.text):
        # "整店多少？", or two shops told: the groups pooled, a figure Amazon never judges
        # (the reply says so), given beside each group's own.
        valid = sum(counts.valid for _, counts in case.groups)
        shipments = sum(counts.shipments for _, counts in case.groups)
        facts |= {"pooled_valid": valid, "pooled_shipments": shipments}
        facts["pooled_percent"] = percent_text(valid, shipments)
    every = all(is_above(counts.valid, counts.shipments) for _, counts in case.groups)
    if every and (WHICH_GROUP.search(case.text) or _ANY_OF_THEM.search(case.text)):
        facts["none_below"] = True  # "哪个有问题？": none, said first, then each group's figure
    agrees = passes_asked(case, every) if ASKS_PASS.search(case.text) else None
    if _ONLY_OVERALL.search(case.text):
        agrees = False  # "only the total counts, right?": each category is judged alone
    return Decision(code="vtr_groups", facts=facts, agrees=agrees, entry="vtr-per-category")


_ANY_OF_THEM = lazy(
    r"\bany (?:of them|of the (?:categories|groups|marketplaces))|有没有哪|是否有哪"
)
"""Asked whether any of the groups fails ("is any of them in trouble?"): which one, if any."""


_WHOLE_ASKED = lazy(
    r"整店|整个店|全店|店铺整体|整体|总的|合计|加起来|一共|总共|"
    r"\bwhole (?:shop|store|account)\b|\boverall\b|\bcombined\b|\bin total\b|\baltogether\b|"
    r"\ball together\b|\btotal\b"
)
"""The groups' pooled figure asked ("整店多少", "and the whole shop?")."""
_SHOP_LABEL = lazy(r"店|(?<![a-z])(?:stores?|shops?|accounts?)(?![a-z])|账号|账户")
"""A group named as a shop or store ("Store 1", "A店"), whose figures a seller adds up."""
_ONLY_OVERALL = lazy(
    r"only (?:looks? at|cares? about|counts?|uses?|checks?|judges?|sees?)[^.?!;]{0,30}"
    r"(?:overall|total|whole|account|shop|store|combined)|"
    r"only the (?:overall|total|combined)[^.?!;]{0,30}(?:matters?|counts?)|"
    r"(?:只看|只算|只管|只认)(?:整体|总的|总体|全店|店铺|整个|总数|合计|加起来)"
)
"""The belief that only the shop's combined figure is judged, told beside the groups'."""


def vtr_rate_groups(case: Case) -> Decision | None:
    """ "Home 95.2%, Toys 94.1%, Beauty 99% - which fail?": each group's rate against the
    bar, the failing ones first."""
    if len(case.rate_groups) < 2 or case.groups or len(case.metrics) > 1:
        return None
    # Asked whether they pass or which fails, or only listed ("玩具95.5% 家居94.9%"): in this
    # bot, categories' rates are their VTRs, judged against the bar.
    listed = not (asks(case.text) or case.belief or TARGET_TALK.search(case.text))
    listed = listed and not SAYS_ABOVE.search(case.text)
    asked = ASKS_PASS.search(case.text) or WHICH_GROUP.search(case.text) or listed
    if case.metric not in (None, "vtr") or not asked:
        return None
    failing_first = sorted(
        case.rate_groups, key=lambda group: is_above(Fraction(str(group[1])), 100)
    )
    facts: dict[str, Fact] = {"groups": len(failing_first)}
    for i, (label, rate) in enumerate(failing_first):
        facts[f"label{i}"] = case.as_written(label)
        facts[f"percent{i}"] = f"{rate:g}"
        facts[f"above{i}"] = is_above(Fraction(str(rate)), 100)
    return Decision(code="vtr_rate_groups", facts=facts, entry="vtr-per-category")
