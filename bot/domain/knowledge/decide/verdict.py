"""Which way a yes or no points: whether the seller asks if figures pass or if they fail.

Every family that answers "am I ok?" reads the question with these same words, so a case
asked "还达标吗" and one asked "am I cooked" get their verdict the same way whichever rule
decides them; clauses about what else is hit ("…and my other categories?") ask nothing of
the seller's own figures. A split order's "is that fine?" and "does it hurt?" words live
here too: they are this question's two directions, not the order's reading.
"""

from __future__ import annotations

from bot.domain.knowledge.case import Case
from bot.domain.knowledge.case.asked import FAIL_DENIED, one_way
from bot.domain.knowledge.patterns import CLAUSE, QUESTION_SENTENCE, lazy
from bot.domain.knowledge.understand import asks

_OVER_LIMIT = (
    r"超(?:了|标|出)(?!\s?\d)|超没超|"
    r"\bis (?:that|it|this|mine) over\b|\bover the (?:limit|target|line)\b|\bexceed"
)
"""A rate asked as over its limit ("取消率3%超了吗", "超标了没", "is that over the limit?"):
asked whether it fails, for a metric whose target is a ceiling (LSR, PFCR, ODR)."""
ASKS_PASS = lazy(
    _OVER_LIMIT
    + r"|不要紧|达标|合格|及格|够不够|够吗|够了|足够|安全|稳|过关|过了|过线|算过|过没过|过不过|行不行|行吗|没问题|有问题|危险|"
    r"可以吗|可以不|可不可以|还可以吧|"
    r"(?<![a-z])ok(?![a-z])|okay|enough|\bsafe\b|\bpass|\bfine\b|good enough|\bmeets?\b(?!up)|达到要求|符合|am i good|is that good|"
    r"\b(?:good|great|decent)\s*[?？]|\b(?:is|it'?s|that'?s|am i|are we)\s+(?:\S+\s+){0,2}(?:good|great|decent)\W*$|"
    r"cooked|screwed|doomed|toast\b|in trouble|完蛋|会挂|挂了|凉了|"
    r"below the bar|above the bar|at risk|in danger|低吗|高吗|算高|算低|"
    r"(?:is|'s) (?:that|it|this) (?:a )?problem|有问题吗|有没有问题|问题大吗|会不会有问题|"
    r"\bbad\b|严重吗|block|restrict|suspend|penal|被限制|被封|封店|处罚|受限|"
    r"(?:很|太|有点|比较|算)差|差(?:吗|吧|么)|\bpoor\b|\bterrible\b|\bawful\b|"
    r"要修吗|需要修|还要修|need to fix|need fixing|还差|差多少|how far|away from|有事吗|要紧吗|没事吧|"
    r"要不要紧|有没有事|有事没|打紧吗|影响大吗|\bworr(?:y|ied)\b|concern|trouble|"
    r"\bany (?:problems?|issues?)\b|\bproblems?\?|\bissues?\?|\bafford\b|"
    r"\b(?:can|could|will|would) (?:i|we|it|the shop|my shop) (?:still )?(?:take|handle|survive|absorb|stand)s?\b|"
    r"(?:能|可以|会|能不能|可不可以)(?:回|升|涨|提|拉)?(?:到|达到|超过|高于|过)(?:了)?\s?95|"
    r"\bstill (?:above|over|pass|passing|clear)\b|扛得住|撑得住|顶得住|受得了|还能过|还过得了|能过|可以过|会过|过吗|过得了|保得住|"
    r"\b(?:be|get|stay|go|am i|are we|is it|i'm|we're)\s+(?:above|over)\s*95|\bclear 95|"
    r"\b(?:am i|are we|is it|will i be|will we be|would i be|would we be) (?:over|above)\b|"
    r"\bback (?:above|over)\b|\bgood\s*[?？]|\btoo (?:high|low)\b|太低|低不低|"
    r"\b(?:put|get|bring|take|push|lift|move)s?\s+(?:me|us|it|my shop|the shop|my vtr|vtr)\s+(?:back\s+)?(?:above|over)\b"
)
FAIL_WORDS = lazy(
    _OVER_LIMIT
    + r"|不达标|没达标|不合格|不够|低于|有问题|问题大|危险|风险|below|fail|not (?:ok|enough|pass)|"
    r"(?:很|太|有点|比较|算)差|差(?:吗|吧|么)|\bpoor\b|\bterrible\b|\bawful\b|"
    r"problem|trouble|in danger|at risk|too (?:high|low)|bad|严重|block|restrict|suspend|penal|"
    r"被限制|被封|封店|处罚|受限|限制|要修吗|需要修|还要修|need to fix|need fixing|有事吗|要紧吗|"
    r"要不要紧|有没有事|有事没|打紧吗|影响大吗|\bworr(?:y|ied)\b|concern|"
    r"以下|跌破|掉到|掉下|drop|fall|(?<!算)不算(?:达标|合格|过)|算不上|"
    r"(?:doesn't|does not|won't|isn't|not) (?:count as )?pass|\bmatter\b|有影响|影响大|"
    r"\b(?:cooked|screwed|doomed|toast|hosed|done for|busted|sunk)\b|完蛋|凉了|会挂|要挂|挂了|挂吗|玩完|死定|"
    r"fix(?:es)? needed|fix any|need to fix|要修几|修几个|cooked|screwed|doomed|toast\b|in trouble|完蛋|会挂|挂了|凉了"
)


WHICH_GROUP = lazy(r"\bwhich\b|哪个|哪些|哪几个|fail")


def asks_pass_or_fail(text: str) -> bool:
    """The question asks whether figures pass or fail, in words that say which ("ok?",
    "达标吗", "am I cooked"), not only "what is it"."""
    return bool(ASKS_PASS.search(text) or FAIL_WORDS.search(text))


def passes_asked(case: Case, passes: bool) -> bool:
    """The answer to "do I pass?" or to "am I below?", whichever the seller asked; words
    that suppose more invalid ("two more go bad, still ok?") ask nothing, nor do questions
    about what else is hit ("…ok, and will other categories get restricted")."""
    asked = asked_of_the_figures(_asked_sentences(case.text)) or case.text
    if _BAR_RESTATED.search(asked) and not asks_pass_or_fail(_BAR_RESTATED.sub(" ", asked)):
        # "95.0% on the dot doesn't pass... it has to be more than 95, doesn't it?": the
        # asking sentence restates the bar; the pass or fail is said in the one before.
        asked = case.text
    asked = _TOLD_BAD.sub(" ", _SUPPOSED_BAD.sub(" ", _asking_clause(asked)))
    asked = one_way(asked)  # "够不够", "合不合格": asked both ways, no failing word
    asked = FAIL_DENIED.sub(" ", asked)  # "没低于95嘛": a failing word denied says it passes
    asks_fail = bool(FAIL_WORDS.search(asked))
    return passes != asks_fail


def _asking_clause(asked: str) -> str:
    """The last clause alone when it asks pass or fail by itself ("…dropped to 59 of 62
    after a bad number, still ok?"): what the clauses before it tell happened ("dropped",
    "a bad number") is no word of the question."""
    clauses = [c for c in CLAUSE.split(asked) if c.strip()]
    if len(clauses) > 1 and asks_pass_or_fail(clauses[-1]):
        return clauses[-1]
    return asked


_BAR_RESTATED = lazy(
    r"\b(?:must|has to|have to|needs? to|should|got to|gotta)\s+(?:be\s+|get\s+|stay\s+)?"
    r"(?:more than|above|over|higher than|greater than)\s*95\b(?!\s?(?:packages|orders|parcels))|"
    r"(?:必须|要|得|需要|应该)(?:要)?(?:高于|超过|大于)\s?95(?![\d个单件])"
)
"""The bar said as the rule ("it has to be more than 95"), asking nothing of the seller's figure."""


def _asked_sentences(text: str) -> str:
    """The sentences that ask ("…? Are we above the line now?"), when the seller marked
    them: what the told ones say ("corrected 4 of the bad ones") is no question's word."""
    asked = QUESTION_SENTENCE.findall(text)
    if all(_LONE_TAG.fullmatch(a) for a in asked):
        return text  # "95% does not pass. true?": the tag asks the sentence before it
    return " ".join(asked)


_LONE_TAG = lazy(
    r"\s*(?:right|correct|true|yes|yeah|ok|okay|is (?:that|it) (?:right|true|so)|对吗|对吧|是吗|是吧|"
    r"没错吧|是不是|对不对|是这样吗)\s*[?？]+"
)
"""A sentence that is only a question's tag: it asks of the sentence before it."""


_ABOUT_OTHERS = lazy(
    r"\b(?:other|another|rest of (?:my|the))\b[^,.;?!]{0,12}?"
    r"(?:categor|listing|product|marketplace|site|store|shop|offer|item)|"
    r"(?:其他|其它|别的|另外的|剩下的)[^，,。；;？?！!]{0,6}?(?:类目|品类|分类|站点|商品|产品|店|listing)|"
    r"\bfba\b|整个(?:账号|账户|店铺)|whole (?:account|store|shop)|entire (?:account|store|shop)"
)
"""What else a limit may reach (other categories, FBA, the whole account): a question about
it asks nothing of the seller's own figures."""
_ASKED_PIECE = lazy(
    r"[,，;；?？。!！]+|\s+and\s+(?=(?:will|would|can|could|do|does|is|are|should|what|how)\b)|"
    r"(?=(?:还有|另外|那)(?:其他|其它|别的))"
)


def asked_of_the_figures(text: str) -> str:
    """The clauses of a question that ask something of the seller's own figures: a clause
    asking whether other categories, FBA or the whole account are hit is left out; empty
    when only such a clause asks."""
    clauses = [c for c in _ASKED_PIECE.split(text) if c and c.strip()]
    own = [c for c in clauses if not _ABOUT_OTHERS.search(c.casefold())]
    if len(own) == len(clauses):
        return text
    asking = any(asks(c) or ASKS_PASS.search(c.casefold()) for c in own)
    return " ".join(own) if asking else ""


_TOLD_BAD = lazy(
    r"(?:\d[\d,]*\s*(?:个|单|件)?\s*(?:(?:of them|were|are|is|had|have|with|packages?|orders?|shipments?)\s+){0,2}|"
    # "5% of my packages are bad": a share told bad; "is 93% bad?" asks (no words between).
    r"\d[\d,.]*\s*%\s*(?:(?:of them|of (?:my|our|the|all|these|those)|were|are|had|have|with|"
    r"packages?|orders?|shipments?)\s+){1,3})"
    r"(?:bad|wrong|invalid|failed|defective|defects?|problems?|有问题|坏)"
)
"""Words that tell a figure ("80 packages, 4 bad"), not what is asked of it ("pass?")."""


_SUPPOSED_BAD = lazy(
    r"go(?:es)? bad|turns? (?:out )?(?:invalid|bad)|become (?:invalid|bad)|"
    r"more (?:invalid|bad|untracked|defects?)|变(?:成)?无效|再坏|又坏|"
    r"(?:might|may|could|will|would|going to|gonna|about to|likely to|expected to) (?:also )?"
    r"(?:fail|be (?:invalid|bad|defects?)|go bad|turn (?:out )?(?:invalid|bad))"
)


SPLIT_FINE = lazy(
    r"可以吗|可以不|行吗|行不行|没问题吧|没问题吗|没事吧|就行|就可以|够了|够吗|算有效|算数|"
    r"算一个|算1个|只算一次|\bok\b|okay|fine\b|enough|acceptable|allowed|good enough|"
    r"counts? (?:as )?(?:valid|once|one)|as (?:one|a single)"
)
SPLIT_HURTS = lazy(
    r"影响|问题|拉低|扣|有事|算缺陷|affect|hurt|\bhit\b|problem|issue|matter|drag|lower|ding|"
    r"count against|defect"
)
"""A split order asked whether it is fine (the answer is no) or whether it hurts (yes)."""
