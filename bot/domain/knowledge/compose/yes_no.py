"""Whether a message asks yes or no, offers a choice between two, or states without asking."""

from __future__ import annotations

from bot.domain.knowledge.case import Case
from bot.domain.knowledge.patterns import lazy
from bot.domain.knowledge.understand import asks

_YES_NO_ZH = lazy(
    "吗|是否|算不算|行不行|可不可以|能不能|认不认|有没有|是不是|会不会|要不要|可以不|对不对|"
    "用不用|需不需要|得不得|必不必|"
    # "有问题没", "算了没": a sentence ending in 没 asks yes or no; "还没", "都没" state.
    "(?<=[\u4e00-\u9fff])(?<![还都也并])没[?？!！~～\\s]*$|"
    # Any "A不A" / "A没A" ("够不够", "管不管用", "过没过"): asked yes or no.
    r"(?P<a>[\u4e00-\u9fff])[不没](?P=a)"
)


_YES_NO_EN = lazy(
    r"(?:^|[,;.?!]\s*)(is|are|does|do|can|could|will|would|should|did|has|have|am|must|may)\b|\b(ok|okay|fine|accepted)\?|"
    r"\bor not\b|\b(pass(?:es)?|enough|counted|exempt|counts?|apply|applies|required|needed|valid|allowed)\?|"
    r"\b(?:good|bad|smart) (?:idea|move|plan)\s?\?|\bworth it\s?\?"
)


_INVERSION = lazy(
    r"\s(?:can|could|should|will|would|do|does|did|am|must) (?:i|we|my|our)\b(?! (?:think|know|guess)\b)|"
    # "if the buyer cancels through amazon does it count against me", unpunctuated.
    r"\s(?:does|did|will|would|can|could|should) (?:it|that|this|they) (?:still )?"
    r"(?:count|hurt|matter|affect|apply|go|get|need|drag|pull|lower)"
)
"""The verb before its subject, unpunctuated ("picked the wrong carrier can i still change it"):
asked yes or no when no question word asks something else ("how far off am I")."""


_CONDITION_FIRST = lazy(
    r"(?:^|[:：]\s*|\s[-–—]\s*)(?:when|whenever|if|once) "
    r"(?=(?:i|we|you|my|our|the|a|an|this|that|it|they)\b)"
)
"""A condition opening the question, or its part after a heading ("when i ship with buy
shipping, must i …", "cancel rate: when the buyer cancels does it …"): its "when" asks nothing."""


CHOICE = lazy(
    r"\bor\b(?! not\b| no\b| more\b| higher\b| above\b| equal| greater\b| less\b| lower\b| below\b| fewer\b| so\b)|还是"
)
"""A choice between two ("per order or per package?"); "95% or more", "or equal" are one
bound, not two options."""


_VERDICT_WORD = (
    r"(?:exempt(?:ed)?|count(?:s|ed)?|included|excluded|valid|invalid|pass(?:es)?|fail(?:s)?)"
)


TWO_VERDICTS = lazy(
    rf"\b{_VERDICT_WORD}\s*,?\s+or\s+(?:(?:does|do|is|will) (?:it|they) )?(?:still )?{_VERDICT_WORD}\b"
)
"""Two verdicts offered to choose from ("exempt or counted", "valid or invalid")."""


STILL = lazy(
    r"(?:^|[,，]|但是?|可是?|却)\s?"
    r"(?:这种情况|这种|这样|这个|这些|那种|那个|那些|那|(?:(?![是按跟和与用走选])[\u4e00-\u9fff]){1,3})?"
    r"还是(?=算|会|要|得|被|能|可以|有|计入|跟|和|与|由|照|直接|自己)|"
    r"(?:^|[,，]|但是?|可是?|却)[^,，。?？算是还]{1,12}还是(?=算|会|要|得|被|计入)|"
    r"还是(?=(?:会|要)?(?:计入|算进|算入|算在|影响|拉低))"
)
"""还是 as "still", not a choice between two: opening a clause ("送达后才补的，还是算缺陷吧",
"这种还是算吗"), after a short subject ("运费还是跟承运商结": not 是/按/跟…, which open one of two
options) or a clause without 是 or 算 before a verb of counting ("收到之后再改还是算缺陷"; "算有效
还是算无效" offers two), after 但 ("用了购买配送，但还是会计入ODR") or before a verb of counting
("配送差评还是会影响ODR"): the belief it adds is the one checked."""


def declares(case: Case) -> bool:
    """ "VTR uses a 90 day window", "FBA orders are part of VTR": a statement of our field
    sent without any question, which a seller means as "is this right?"."""
    return not asks(case.text)


_WHY_FIRST = lazy(r"\s*(?:so |but |and |then )?(?:why\b|how come\b|为什么|为啥|为何|怎么会)")


_WH_WORD = lazy(
    r"什么|啥|多少|几|哪|怎么|怎样|如何|为什么|为何|为啥|谁|何时|多久|还是|"
    r"\b(?:what|which|who|when|where|why|how|or)\b|whats|hows"
)


_INVERTED = lazy(
    r"\b(?:will|would|can|could|am|do|does|is|are|should|shall) (?:i|we|it|that|this|they|my shop)\b"
)
"""A verb before its subject asks yes or no wherever the clause starts."""


_HAN_CHAR = lazy(r"[\u3400-\u9fff]")


_CLAIM_WORD = lazy(
    r"\b(?:only|just|limited|solely|also|too|still|never|always|not|enough|exempt|free|same|required|needed|"
    r"mandatory|applies|apply|valid|ok|okay|fine|safe|allowed|counts?|counted|"
    # A verb stated ("FBA drags down VTR?", "VTR is per category?"): a statement asked.
    r"is|are|was|were|has|have|does|do|did|can|will|would|should|must|affects?|hurts?|drags?|"
    r"lowers?|matters?|removes?|deletes?|includes?|works?|needs?|requires?|covers?|supports?|problems?|issues?|"
    r"trouble|fails?|failed|failing|passes|passed|suspended|banned|deactivated|restricted|blocked|closed|affected|exempted|"
    r"excluded|included|required)\b|n't\b|"
    # "VTR=ODR?": two things written as one, asked.
    r"[=≈≠＝]"
)
"""What makes an English phrase with a question mark a claim to confirm ("only the US?",
"Safe?", a verb stated), not a topic named ("vtr requirement for germany?")."""


def is_yes_no(question: str) -> bool:
    """A question answered by yes or no ("云途的单号算有效吗", "Is EMS ok?"), or a statement
    asked by its question mark alone ("VTR仅限美国站？", "only the US?")."""
    folded = question.strip().casefold()
    if _WHY_FIRST.match(folded):
        return False  # "why did the €24.90 letter still get counted?": a reason asked
    intonation = folded.endswith(("?", "？")) and not _WH_WORD.search(folded)
    if intonation and (_HAN_CHAR.search(folded) or _CLAIM_WORD.search(folded)):
        return True
    if _YES_NO_ZH.search(folded) or _YES_NO_EN.search(folded):
        return True
    unconditioned = _CONDITION_FIRST.sub("", folded)  # "when i ship with …, must i …"
    if _INVERSION.search(unconditioned) and not _WH_WORD.search(unconditioned):
        return True
    return unmarked_yes_no(folded)


_UNMARKED_YES_NO = lazy(
    r"能|可以|算|计入|需要|要|会|影响|达标|合格|"
    r"\b(?:ok|okay|fine|enough|safe|acceptable|alright|good|passing)\W*$|"
    r"\b(?:is|are) (?:that|this|it|mine|ours|we|i) (?:ok|okay|fine|good|enough|safe|alright|"
    r"acceptable|passing)\b"
)
"""The verdict a short message asks for without 吗 or "?" ("美国站能用购买配送", "is 94% ok
for vtr", "vtr 96 is that fine"): a verb of the rule, or a word of passing at its end."""


UNMARKED_MAX_CHARS = 40


def unmarked_yes_no(folded: str) -> bool:
    """A short message that asks nothing by its marks or question words, but names a verb
    a rule decides (能, 算, 计入, ok, enough): sellers type their yes/no questions that way."""
    if len(folded) > UNMARKED_MAX_CHARS or _WH_WORD.search(folded):
        return False
    return bool(_UNMARKED_YES_NO.search(folded))


def asks_inverted(text: str) -> bool:
    """ "…, if we fix 15 of them will we pass", "97% on 100 - can I afford 2 more?": a verb
    before its subject asks yes or no of a seller's figures wherever the clause starts."""
    return bool(_INVERTED.search(text)) and not _WH_WORD.search(text)
