"""Several labelled groups' rates in one message, with or without a % sign."""

from __future__ import annotations

from bot.domain.knowledge.case.groups import SEGMENT, bare_label, group_label
from bot.domain.knowledge.case.rates import PERCENT
from bot.domain.knowledge.patterns import CLAUSE, lazy


def read_rate_groups(text: str) -> tuple[tuple[str, float], ...]:
    """Rates per labelled group, when a question gives two or more ("玩具94%，家居96%"): a
    clause with one percentage and a name before it is a group."""
    for splitter in (SEGMENT, CLAUSE, _CONTRAST, _RATE_SPACED):
        found: list[tuple[str, float]] = []
        for segment in splitter.split(text):
            rates = PERCENT.findall(segment)
            label = _LABEL_HEAD.sub("", _LABEL_TAIL.sub("", group_label(segment)))
            if _RULE_OR_JOIN.search(label):
                label = ""  # "VTR must be above 95%, so 95% is enough": the bar, no group
            if len(rates) == 1 and label and float(rates[0]) <= 100:
                found.append((label, float(rates[0])))
        if len(found) >= 2:
            return tuple(found)
    return _bare_rate_groups(text) or _shared_rate_groups(text)


_RULE_OR_JOIN = lazy(
    r"\b(?:must|ha(?:s|ve) to|needs? to|should|required|requirement|target|threshold|bar|rule)\b|"
    r"必须|要求|需要|应该|标准|门槛|考核线|规定|"
    # A rate to get back to ("多久能回到95%", "how long to get back above 95%"): a goal.
    r"回到|恢复到|回升到|拉回|拉到|升到|达到|\bback (?:to|above|over)\b|\breach\b|\bget to\b|"
    r"^(?:so|then|thus|hence|and|but|also|which means|所以|那|那么|因此|也就是说?)$"
)
"""Words before a rate that state a rule ("VTR must be above"), a goal ("回到95%"), or only join
it to what came before ("so"): the bar, or a rate of no group."""


_BOTH_AT = lazy(
    r"(?:^|[,，;；.。]\s*)([^\d,，;；.。]{1,24}?)\s*(?:\band\b|和|跟|与|&)\s*([^\d,，;；.。]{1,24}?)\s*"
    r"(?:\bboth\b|都|均)\s*(?:at|are|is|were|是|为|在|have)?\s*(\d{1,3}(?:\.\d+)?)\s?%"
)
"""Two groups told one rate ("UK and DE both at 95.0%", "玩具和家居都是94%")."""


def _shared_rate_groups(text: str) -> tuple[tuple[str, float], ...]:
    """Each of two groups with the one rate said of both."""
    found = _BOTH_AT.search(text)
    if found is None or float(found.group(3)) > 100:
        return ()
    rate = float(found.group(3))
    return ((bare_label(found.group(1)), rate), (bare_label(found.group(2)), rate))


_CATEGORY_WORD = lazy(r"类目|品类|分类|categor")


_BARE_GROUP = lazy(
    r"([^\d\s,，:：;；%.]{1,12})\s*[:：]?\s*((?:[5-9]\d|100)(?:\.\d+)?)"
    r"(?![\d%]|\s*(?:单|个|件|票|笔|包裹|天|日|orders?|packages?|shipments?|parcels?|days?|valid|"
    r"invalid|有效|无效|of\b|/))"
)


def _bare_rate_groups(text: str) -> tuple[tuple[str, float], ...]:
    """ "三个类目 玩具九十六 家居九十四": categories' rates written without a % sign, read as
    rates only where categories are spoken of, no % is written at all and every figure is a
    plausible rate (50–100) with no count or day word after it."""
    if "%" in text or not _CATEGORY_WORD.search(text):
        return ()
    found = [(m.group(1).strip(), float(m.group(2))) for m in _BARE_GROUP.finditer(text)]
    labels = [label for label, _ in found if not _CATEGORY_WORD.search(label)]
    numbers = _INTEGER_LIKE.findall(_GROUPS_COUNTED.sub(" ", text))
    if len(found) < 2 or len(labels) != len(found) or len(numbers) != len(found):
        return ()
    return tuple(found)


_GROUPS_COUNTED = lazy(
    r"\d+\s*(?:个)?(?:categor(?:y|ies)|marketplaces?|sites?|类目|品类|分类|站点?)"
)
"""How many groups the seller has ("I got 3 categories"): no rate."""


_INTEGER_LIKE = lazy(r"(?<![\d.])\d+(?:\.\d+)?")


_CONTRAST = lazy(r"[；;。\n，,]|\.(?=\s)|\s(?:but|while|whereas|however|and)\s|但是?|不过|而")
"""Clauses set against each other without a comma ("overall 97% but shoes 93%")."""


_RATE_SPACED = lazy(r"(?<=%)\s*(?=[^\d\s,，:：%]{1,12}\s*[:：]?\s*\d)")
"""Between one group's rate and the next group's name ("玩具95.5% 家居94.9%")."""


_LABEL_HEAD = lazy(r"^(?:my|our|the|我的|我们的?)\s*")


_LABEL_TAIL = lazy(r"(?:只有|才|是|为|有|的|vtr|at|is|was|\s)+$")
