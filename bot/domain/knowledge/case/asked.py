"""The form of what a question asks: a belief, a denial, a count, the verb a yes or no echoes."""

from __future__ import annotations

from bot.domain.knowledge.patterns import lazy

BELIEF = lazy(
    r"对吗|对吧|对不对|对不[?？]*$|是吧|是真的吗|真的吗|没错吧|听说|据说|有人说|别人说|是不是真的|是这样吗|是这样的吗|"
    r"这样对吗|是吗[？?]|靠谱吗|可信吗|吧[？?]|吧$|吧[,，]|吧\s+(?=[\u4e00-\u9fff])|"
    r"right\?|correct\?|true\?|isn't it|is that (?:right|true|correct|so)|is it true|i heard|someone (?:said|told)|i was told|"
    r"is (?:that|this|it) (?:still )?(?:how it works|the case|the rule)|still (?:the case|true|valid|how it works)\?|"
    r",\s*(?:yes|yeah|yep|yea|yup)\?|doesn't it\?|don't they\?|aren't they\?|correct me if|i think\?|,? i (?:think|believe)[.?]?$|"
    # What the seller believes, said as theirs: 我觉得, 好像, "I think", "my understanding".
    r"我觉得|我认为|我理解的?是|我记得|我以为|好像|应该是|似乎|貌似|"
    r"\bi (?:think|believe|thought|assumed?|guess|reckon)\b|my understanding|as far as i know|\bafaik\b|"
    r"pretty sure|if i remember|"
    # Hearsay, however it is introduced: the seller passes on what someone else said.
    r"听人说|听别人|朋友说|同事说|同行说|网上说|群里说|货代说|客服说|传言|据称|"
    r"\bheard\b|someone\b[^.?!]{0,30}\b(?:said|says|told|claims?)|people (?:say|said)|they say|"
    r"(?:friend|colleague|agent|forwarder|seller(?! central)|guy)s? [^.?!]{0,20}(?:said|says|told|claims?)|"
    r"rumou?r|supposedly|apparently|allegedly|word is|read (?:somewhere|online)|"
    r"\b(?:saw|seen|found|read)(?: it| that)? (?:somewhere|online|on (?:a |the )?(?:forum|group|blog|facebook|reddit|youtube|wechat))|"
    # A verdict asked for by one word after the statement ("… times. accurate?", "，准确吗").
    r"(?:^|[.,;!。，；]\s*)(?:is (?:that|this|it) )?(?:accurate|legit|true|real|correct|right|so)\s*[?？]|"
    r"准确吗|属实吗|准不准|靠不靠谱|对么|是么|没错吧|没说错吧|真的假的|是真的吧|真是这样|"
    # What the seller remembers, asked to be confirmed ("这个我没记错吧", "我记得没错吧").
    r"没记错吧|没记错吗|记得没错|没记错的话|记对了吗|记得对吗|am i remembering (?:this |that |it )?right|"
    r"(?:do|did) i (?:remember|recall) (?:this |that |it )?(?:right|correctly)|"
    # "…, really?", "really? …", "is that really so": doubt about a statement is a belief tested.
    r"(?:^|[.,;!。，；]\s*)really\s*[?？,，]|\breally\s*[?？]\s*$|is (?:that|this) really\b|is it really (?:true|so|the case)|"
    r"[,，\s](?:right|correct)\W*$"
)


HOW_MANY = lazy(
    r"多少个|几[个单件票笔包]|多少单|多少包裹|多少件|how many|要修几|还要修|还差|还需要|多少"
)


WHEN = lazy(r"什么时候|何时|哪天|几号|when|by when|多久")


WHAT_TO_DO = lazy(
    r"怎么办|咋办|怎么处理|怎么改|怎么修|补救|挽救|(?:怎么|如何|怎样)(?:提高|提升|恢复|拉回|拉高|解决|改善)|"
    r"what should|what do i do|what can i do|what now|now what|"
    r"how (?:do|can|should) (?:i|we) (?:fix|improve|raise|recover|solve|handle|get it)|"
    r"how to (?:fix|improve|raise|recover)|"
    # "多久能恢复", "when will it be back above 95%": getting back, the below-the-bar entry's
    r"(?:多久|多长时间|什么时候|几时|哪天)(?:才|能|会|可以)*(?:恢复|回到|回升|达标)|"
    r"(?:when|how long)[^.?!]{0,30}(?:recover|be back|get back|go back|back above)"
)


NEGATION = lazy(
    # "不进VTR", "不纳入统计", "不被计入": left out of the rate, said in other verbs.
    r"不(?:被)?(?:计入|算入|算进|纳入|统计|进入?(?!行|步|度|展|货))|不参与(?:计算|统计)?|"
    r"不算|不计|不能算|不用|不需要|不影响|不受|没影响|豁免|免除|exempt|excluded|not count|doesn't count|don't count|"
    r"剔除|排除在|除外|\bexclud(?:e|es|ing)\b|\bleft out\b|out of (?:the )?vtr|stopped counting|"
    r"no longer (?:counts?|counted|included|checked|appl(?:y|ies))|"
    r"can't count|cannot count|never count|no need|not needed|not affected|"
    r"(?:doesn't|does not|won't|will not) (?:affect|hurt|matter)|不会影响|没有影响|"
    # "没任何影响", "毫无影响", "has zero effect on": no effect said, softened or stressed.
    r"没有?(?:任何|什么|啥|多大|太大)的?影响|毫无影响|零影响|完全不影响|"
    r"(?:has|have|had|with|makes?) (?:zero|no|absolutely no|literally no) (?:effect|impact|bearing)|"
    r"(?:zero|no) (?:effect|impact) (?:on|at all)|"
    r"(?:doesn't|does not|won't|isn't|is not) (?:count as )?pass|(?<!算)不算达标|"
    r"(?:don't|do not) (?:affect|hurt|matter)|(?:isn't|aren't|is not|are not) (?:valid|counted|included)|"
    r"(?:isn't|aren't|is not|are not) (?:in|part of) (?:the )?(?:vtr|it)|"
    # "UK doesn't need VTR", "isn't required there": the rule said not to hold.
    r"(?:doesn't|does not|don't|do not|won't|will not) (?:need|require|apply)\b|"
    r"(?:isn't|aren't|is not|are not) (?:required|needed|checked|enforced|measured)\b|"
    # "they don't go into my VTR", "never make it into the rate": left out of it.
    r"(?:don't|doesn't|do not|does not|won't|will not|never) (?:go|get|come|feed|factor|make it)"
    r"(?: \w+)? (?:in|into|toward|towards)\b|left out of|(?:not|never) included"
)


NOT_EXEMPT = lazy(
    r"不豁免|不能豁免|不会豁免|不算豁免|没有豁免|不被豁免|(?:isn't|aren't|is not|are not|not|never|no longer) exempt"
)
"""An exemption denied ("aren't exempt", "不豁免"): it counts, though 豁免/exempt is said."""


NOT_OFFERED = lazy(
    r"用不了|不能用|没法用|不可以用|不支持|不适用|不开放|没开通|doesn't (?:support|work|serve|cover|apply)|"
    r"does not (?:support|work|serve|cover|apply)|(?:not|n't) (?:available|supported|offered|covered)|"
    r"can't (?:use|be used)|cannot (?:use|be used)"
)
"""Words saying a feature or rule does not reach a place ("用不了", "doesn't support")."""


NEGATING = lazy(
    r"不|没|无|非|未|别|否|n't\b|\bnot\b|\bno\b|\bnever\b|\bwithout\b|\bnor\b|\bneither\b|"
    r"\bnone\b|\bnothing\b|\bzero\b|\binstead\b|\brather\b|\bexcept|exempt|豁免|免|\bexclud|\bleft out\b|"
    r"\bonly\b|只|仅|光|\bjust\b|\bfree\b|\bun[a-z]{3,}|\bin[a-z]*valid|\bfail|\bwrong|错|\bstop"
)
"""Every word a seller can negate or set a belief apart with, however loosely: a message
holding none of them states the claim's belief as the claim words it."""


OWN_DATA = lazy(r"我|\bmy\b|\bour\b|\bi\b|\bwe\b|\bam i\b")


def denies(text: str) -> bool:
    """ "…用不了", "doesn't support …", "不算吧": the question says something does not hold,
    so a registry's plain "yes, it does" cannot be its first word. The UK's being outside
    the EU is a premise ("英国又不在欧盟里"), no denial of a rule."""
    said = OUTSIDE_THE_EU.sub(" ", A_NOT_A.sub("", text))
    return bool(NEGATION.search(said) or NOT_OFFERED.search(said))


OUTSIDE_THE_EU = lazy(
    r"(?:又|也|并|已经|早就)?(?:不是|不属于|不在|没在|非)(?:欧盟|欧洲联盟)(?:里|里面|内|的|国家|成员国?)*|"
    r"脱欧(?:了)?|brexit|(?:is ?n[o']t|is not|not|no longer)(?: in| part of| a member of)? (?:the )?eu\b|"
    r"left the eu|outside (?:of )?the eu|non-eu"
)


FAIL_DENIED = lazy(
    r"(?:没有?|并没有?|不|未)(?:低于|跌破|掉到|掉下)|"
    r"(?:not|n't|never)\s+(?:go(?:ne)?\s+|fall(?:en)?\s+|drop(?:ped)?\s+)?(?:below|under)\b"
)
"""A failing word said not to hold ("没低于95", "isn't below 95"): the seller's pass, said
as a reason ("…so it passes"), no failing asked and no belief negated."""


def states_a_belief(text: str) -> bool:
    """ "…对吧", "right?", "I heard …": the question tests a belief (normalised text)."""
    return bool(BELIEF.search(text))


A_NOT_A = lazy(r"(可以|需要|[\u4e00-\u9fff])不\1|(有|算|用|传|填|扫|到|过|改)没\2")
"""A verb asked both ways ("算不算", "可以不可以", "有没有", "过没过"): a question, whose 不 or
没 negates nothing. The one pattern every reader of a question takes these out with."""


OR_NOT = lazy(r"\b(?:whether )?or not\b")
"""English asked both ways ("Buy Shipping or not"): no negation of a belief."""


def one_way(text: str) -> str:
    """A verb asked with 不 both ways said once ("够不够" → 够, "合不合格" → 合格): what is
    asked, without the 不 that would read as a failing or negating word. Those asked with 没
    stay whole ("有没有事", "过没过"): the words that read them list them so."""
    return A_NOT_A.sub(lambda m: m.group(1) or m.group(), text)


# The 是 of "我是FBA卖家…" describes the seller; the verb asked is a later one ("…需要关心VTR吗").
_VERB_ASKED = lazy(
    r"(?<![不没只么何])(来得及|可以|需要|计入|有效(?=吗|么|不)|能|会|算|(?<![但可就还要我们咱果])是|(?<!所)有(?!效)|要(?!求)|够|行)"
    r"(?=[^,，。?？\d]{0,14}(?:吗|(?<![还都也并])没[?？!！~～\s]*$))"
)


_TWO_CHARACTER_VERBS = frozenset({"合格", "达标", "及格", "有效", "符合", "需要"})
"""Words asked as A不AB ("合不合格", "需不需要"): the answer echoes the whole word, not its first
half."""


def read_verb(text: str) -> str | None:
    """算不算 → 算; 可以选Other吗 → 可以; the first verb that is not negated ("单号不是CN结尾
    可以吗" → 可以, not the 是 of 不是); None when the question is not built that way."""
    match = A_NOT_A.search(text)
    if match:
        verb = match.group(1) or match.group(2)
        word = verb + text[match.end() : match.end() + 1]
        return word if word in _TWO_CHARACTER_VERBS else verb  # 合不合格 → 合格
    # "再修3个能到95%以上吗": the bar's figure between the verb and 吗 is no figure of the case.
    said = _BAR_FIGURE.sub("", text)
    verb = _VERB_ASKED.search(said) or _VERB_NOT_AT_END.search(said)
    return verb.group(1) if verb else None


_VERB_NOT_AT_END = lazy(r"(可以|需要|能|行|算|会|要|有)不[?？!！~～\s]*$")
"""A question closed by 不 ("手填SF Express，可以不"): its verb, answered 可以 / 不可以."""


_BAR_FIGURE = lazy(r"(?<![\d.])95(?:\.0+)?\s?%")
