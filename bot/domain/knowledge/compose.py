"""From what the search found and the entities named, the answer a seller reads.

The search ranks entries by words; this step applies what the question's entities and
form say: a carrier named gets that carrier's facts, a marketplace named gets a direct
yes/no from the registry before the entry, and a question from a neighbouring field is
refused even when it shares our words.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from bot.domain.knowledge.cards import (
    Cards,
    Claim,
    carrier_answer,
    eu_rule_lead,
    marketplace_lead,
    without_yes,
)
from bot.domain.knowledge.case import NOT_EXEMPT, Case, denies, route, states_a_belief
from bot.domain.knowledge.decide import METRIC_ENTRIES, asks_pass_or_fail, decide
from bot.domain.knowledge.decide.routes import ships_from_outside_china
from bot.domain.knowledge.entities import Entities, EntityFinder
from bot.domain.knowledge.patterns import lazy
from bot.domain.knowledge.schema import Answer, Decision, Entry, Fact, Lexicon
from bot.domain.knowledge.understand import asks, normalize_question
from bot.domain.reference import Carrier, Marketplace, fold_key, marketplaces

# Entries that list marketplaces: a question naming one gets its direct answer first.
MARKETPLACE_LISTS = {"vtr-marketplaces-china": False, "buy-shipping-marketplaces": True}
# The EU/UK update: a question about it naming marketplaces gets a line for each.
EU_ENTRY = "eu-cross-border"
EU_ENTRIES = frozenset({EU_ENTRY, "eu-letter-under-20", "buy-shipping-vat", "policy-all-carriers"})
RATE_DECISIONS = frozenset({"vtr_rate", "vtr_counts"})
CONSEQUENCES_ENTRY = "vtr-consequences"
RESTRICTION_TIMING_ENTRY = "vtr-restriction-timing"
_RESTRICTION_WHEN = lazy(
    r"(?:多久|多长时间|几天|多少天|马上|立刻|立即|直接|缓冲期|宽限期|什么时候|啥时候|何时)[^，,。?？]{0,8}(?:限制|封|停|下架|暂停)|"
    r"(?:how long|how many days|how soon|how quickly|how fast|grace period|right away|immediately|straight away|until)"
    r"[^.?!]{0,40}(?:restrict|block|suspend|ban|deactivat|lose)|"
    r"(?:restrict|block|suspend|ban|\blose\b|losing)[^.?!]{0,30}(?:right away|immediately|straight away|how soon)|"
    r"\bwhen (?:will|would|do|does|is|are)\b[^.?!]{0,30}(?:restrict|block|suspend|\bban|deactivat)|"
    r"grace period|缓冲期|宽限期"
)
"""How soon a restriction follows a low VTR, asked ("会马上被限制吗", "how many days until they
block the category?"): the sources give no timeline, which the entry says."""
THRESHOLD_ENTRY = "vtr-threshold"
_ACCOUNT_ASKED = lazy(
    r"封号|封店|封账号|封整个|关店|整个店|整个账号|整个账户|suspend|\bban(?:ned)?\b|deactivat|"
    r"shut down|whole (?:account|store|shop)|entire (?:account|store|shop)|my account|"
    r"所有商品|全部商品|下架所有|all (?:my )?(?:listings|products|items|offers)"
)
"""The whole account asked about, beside a rate of the seller's."""
# An appeal named: its entry, or how long the review takes.
APPEAL_WORDS = frozenset({"appeal", "poa"})
APPEAL_ENTRY = "vtr-appeal"
APPEAL_TIME = "appeal-time"
# Metrics with their own entry; a question naming two or more gets the overview.
METRICS = frozenset({"vtr", "lsr", "odr", "otdr", "cancelrate"})
OVERVIEW = "metrics-overview"
# Registry groups rather than carriers ("other national posts"): no name to pick from
# Amazon's list, so their questions go to the entries about the carrier field.
GROUP_CARRIERS = frozenset({"other_post"})
CARRIER_ENTRY = "carrier-choose"
# Words of the carrier field itself ("承运商怎么选", "pick from the list"): with a carrier
# named, the carrier's own answer is wanted, even where an entry mentions that carrier.
CARRIER_FIELD = frozenset({"carrier", "list"})
# What a carrier answer covers; offered as the next topics to read.
CARRIER_RELATED = ["carrier-choose", "tracking-valid-meaning", "tracking-unconfirmed"]

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
_WHAT_FOLLOWS = lazy(
    r"会怎样|会怎么样|会如何|会咋样|有什么后果|什么后果|\bwhat happens\b|\bwhat will happen\b|"
    r"\bwhat would happen\b"
)
_INVERSION = lazy(
    r"\s(?:can|could|should|will|would|do|does|did|am|must) (?:i|we|my|our)\b(?! (?:think|know|guess)\b)"
)
"""The verb before its subject, unpunctuated ("picked the wrong carrier can i still change it"):
asked yes or no when no question word asks something else ("how far off am I")."""
_CONDITION_FIRST = lazy(r"^(?:when|whenever|if|once) (?=(?:i|we|you|my|our)\b)")
"""A condition opening the question ("when i ship with buy shipping, must i …"): its "when"
asks nothing."""
_NEEDS = lazy(
    r"需要|要不要|必须|一定要|得有|要求|\bneeds?\b|\brequire|\bmandatory\b|\bhave to\b|\bmust\b"
)
"""Tracking asked as a requirement ("需要追踪吗", "need tracking?")."""
_VTR_BAR_FIGURE = lazy(r"(?<![\d.])95\s?%")
"""95% said with a bar's word is VTR's bar, its name unsaid ("the 95% rule")."""
_BAR_WORDS = frozenset({"vtr", "threshold", "whatis", "trackingid", "list", "newseller", "policy"})
"""What a question about where VTR's bar applies says beside the place ("new seller here, we ship
to the US and UK, what's the VTR rule": who asks, and "rule", are no other subject)."""
_FORMAT = lazy(
    r"格式|长什么样|什么样|开头|结尾|几位|多少位|format|look like|looks like|start(?:s)? with|end(?:s)? with|digits|characters"
)
_ASKS_COUNTS = lazy(
    r"算[^,，。?？]{0,10}吗|算不算|计入[^,，。?？]{0,10}吗|计不计入|要算|会算|\bcount(?:s|ed)?\b|"
    # "没追踪会扣VTR吗", "有影响吗", "will it hurt my VTR": whether it counts against VTR.
    r"扣|影响|拉低|\bhurts?\b|\baffects?\b|\blowers?\b|"
    # "不要追踪号行不行": tracking left out asked, not whether it is needed.
    r"(?<![不没])需要(?:追踪|单号|跟踪)|(?<![不没需])要(?:追踪|单号)|要不要(?:追踪|单号)|need tracking|require tracking|needs? to be tracked"
)
_DOMESTIC = lazy(
    r"本土|境内|本地|国内|domestic|within (?:the )?(?:country|germany|france|italy|spain)"
)
_CHOICE = lazy(
    r"\bor\b(?! not\b| no\b| more\b| higher\b| above\b| equal| greater\b| less\b| lower\b| below\b| fewer\b| so\b)|还是"
)
"""A choice between two ("per order or per package?"); "95% or more", "or equal" are one
bound, not two options."""
_VERDICT_WORD = (
    r"(?:exempt(?:ed)?|count(?:s|ed)?|included|excluded|valid|invalid|pass(?:es)?|fail(?:s)?)"
)
_TWO_VERDICTS = lazy(
    rf"\b{_VERDICT_WORD}\s*,?\s+or\s+(?:(?:does|do|is|will) (?:it|they) )?(?:still )?{_VERDICT_WORD}\b"
)
"""Two verdicts offered to choose from ("exempt or counted", "valid or invalid")."""
_STILL = lazy(
    r"(?:^|[,，]|但是?|可是?|却)\s?(?:这种情况|这种|这样|这个|这些|那种|那个|那些|那)?还是(?=算|会|要|得|被|能|可以|有|计入)|"
    r"还是(?=(?:会|要)?(?:计入|算进|算入|算在|影响|拉低))"
)
"""还是 as "still" opening a clause ("送达后才补的，还是算缺陷吧", "这种还是算吗"), after 但 ("用了购买配送，但还是
会计入ODR") or before a verb of counting ("配送差评还是会影响ODR"), not a choice between two:
the belief it adds is the one checked."""
_OUTSIDE_WORD = lazy(r"[a-z0-9]")
_WHICH = lazy(r"哪些|哪几个|哪个国家|所有|每个|只在|只看|只有|\bwhich\b|\bevery\b|\ball\b|\bonly\b")
_EACH = lazy(r"分开|分别|单独|各自|影响|separately|\beach\b|\bper\b|affect")


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
    r"\d+\s?(?:digits?|位|characters?|chars?)|开头|结尾|starts? with|ends? (?:in|with)"
)
_FEE = lazy(r"费|fee|cost|price|charge|how much|多少钱|storage|仓储|库容|仓库")
_FBA_SPEED = lazy(
    r"时效|多久|几天|多长时间|多快|快不快|\bhow (?:long|fast|quick)|\bhow many days|"
    r"\b(?:delivery|transit|shipping) (?:times?|speed)|\bdelivers? in\b"
)
"""How fast FBA delivers ("亚马逊物流的配送时效一般多久"): Amazon's own service, not VTR's."""
VTR_FACETS = {
    "consequence": "vtr-consequences",
    "window": "vtr-window",
    "howlong": "vtr-window",
    "calculate": "vtr-formula",
    "where": "vtr-where-to-see",
    "threshold": "vtr-threshold",
    "whatis": "vtr-what",
}
"""VTR's entry for what is asked of it, when the search landed on another metric's entry."""
AFTER_DELIVERY = "tracking-after-delivery"
TRACKING_WHEN = frozenset({"trackingid", "delivered"})
"""Tracking and delivery named together: a question of when tracking was given (before or
after delivery), whatever the buyer's words around it reach."""
SPECIFIC_WITHOUT_SUBJECT = 5.0
"""Matched information (Assessment.information) from which a question that names no subject
of our field is still specific enough to answer ("怎么删掉我上传的数据"); under it ("这个怎么
办", "help me with my account") the closest topics are offered instead."""
_LAST_CLAUSE = re.compile(r"[,，。;；]|\.\s")
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
    }
)
"""Decisions on the seller's figures per group, or stating the rule on purpose without a yes
or no (a choice "整个账号还是分类目", a letter whose amount is unsaid): no claim of the table
replaces them."""
DECIDED_CONFIDENCE = 0.9
EXEMPT_ENTRY = "vtr-exempt-shipments"
HOLIDAY_ENTRY = "vtr-holidays"
"""Holidays and carriers closed: the sources say nothing of a pause (domain.md is silent), so
the entry that says so and what the rules do say, never a window rule's yes or no."""
NEW_SELLER_ENTRY = "vtr-new-sellers"
"""New sellers and grace periods: the sources say nothing of either (domain.md is silent), so
the entry that says so first, then the rule that is known, never a window rule's yes or no."""
SILENT_ENTRIES = frozenset({HOLIDAY_ENTRY, NEW_SELLER_ENTRY})
"""Entries that say the sources are silent, then state the rules known: one answer."""
ALERTS_ENTRY = "bot-alerts"
_FROM_AMAZON = lazy(
    r"(?:amazon|亚马逊)[^.?!。？]{0,24}(?:e-?mail|mail|邮件|通知|站内信|sent|发了|发来|给我发)"
)
_WHICH_EXEMPT = lazy(
    r"(?:哪些|哪种|什么样的?|\bwhich\b|\bwhat\b)[^?？]{0,30}"
    r"(?:不计入|不算|不用算|豁免|exempt|excluded|don't count|do not count|aren't counted|not counted)"
)
VAGUE_TOPICS = ("vtr-what", "vtr-below-95", "vtr-threshold")
"""Offered for a message in our field's words that names no subject."""
VAGUE_CONCEPTS = frozenset({"drop", "howto", "threshold", "whatis", "why", "metric"})
"""Concepts that say what is asked, not what about."""
_FIELD_WORDS = lazy(
    r"(?:个|这|那|啥|什么|^)(?:率|指标)|要求|绩效|(?:the|that|this|my|our|a) (?:rates?|metrics?)(?![a-z])"
)
"""A rate or a requirement with no name before it ("那个率", "the rate thing"): "汇率",
"the exchange rate" name another field's."""
"""A case decided by a rule is answered firmly, whatever the words' match."""
# Subjects that, named beside one metric, make the question about them, not the metric.
OTHER_SUBJECTS = frozenset(
    {"buyshipping", "trackingid", "carrier", "feedback", "atoz", "scan", "invalid"}
)


def _phrase_pattern(phrase: str) -> str:
    """A phrase as whole words ("etsy" is not in "gets you"); Chinese as written."""
    words = [re.escape(w) for w in phrase.casefold().split()]
    if not words[0][:1].isascii():
        return "".join(words)  # Chinese: as written ("fba入库单" holds 入库)
    plural = "(?:e?s)?" if words[-1][-1:].isalpha() else ""
    return r"(?<![a-z0-9])" + r"[\s\-_]*".join(words) + plural + r"(?![a-z0-9])"


_VAGUE_REFERENCE = lazy(
    r"这个|那个|这事|那事|这封|那封|这条|那条|这玩意|那玩意|它|又(?:红|黄|掉|降|变)|变红|变黄|飘红|标红|红了|黄了|"
    r"\bmine\b|\b(?:the|that|this|those|these|my) (?:[a-z]+ )?(?:thing|number|figure|one|stuff|issue|notice|message)s?\b|"
    r"\bsomething\b|"
    r"\b(?:it|this|that)(?:'s| is)? (?:red|yellow|orange)\b|turned (?:red|yellow)"
)
_WORRY = lazy(
    r"红|黄|担心|要紧|严重|咋整|咋办|怎么办|怎么弄|怎么搞|有事吗|没事吧|邮件|通知|警告|提醒|"
    r"\bok\b|okay|\bfine\b|\bbad\b|worr|concern|serious|problem|e-?mail|notice|warning|message|"
    r"\bred\b|\byellow\b"
)


_OPENER_ONLY = lazy(
    r"^(?:\s*(?:hmm+|hm+|uh+|um+|er+|hello|hi|hey|ok|okay|help|question|quick question|a question|"
    r"(?:the |dear )?(?:bot|robot|chatbot)|there|机器人|小助手|"
    r"so|well|yeah|yes|alright|right|then|and|anyway|sir|teacher|bro|friend|"
    r"老师|大佬|客服|老板|亲|朋友|大神|哥|姐|"
    r"(?:我)?(?:想|要)?(?:问(?:下|问)|请问下|咨询(?:一?下)?)|(?:我)?(?:有个?|有几个|几个)问题(?:想|要)?(?:问|请教|咨询)?(?:一?下)?|"
    r"you there|anyone there|are you there|got a minute|anyone|anybody|somebody|someone|"
    r"(?:can|could|would) you (?:please )?(?:check|help|look at|look into|do|help me with) "
    r"(?:something|sth|a thing|smth)(?: for me)?(?: please)?|(?:can|could) you help(?: me)?(?: please)?|"
    r"i need (?:some )?help|need (?:some )?help|"
    r"(?:能|可以)?帮(?:我|忙)?(?:查|看)(?:一下|个|下)?(?:东西|事|事情)?(?:吗|不)?|"
    r"你好|您好|在吗|在不在|在么|请问|问一下|我想问一下|想问一下|想问个问题|有个问题|问个问题|问(?:个|件)事儿?|"
    r"有个事|有件事|打扰一下|想?请教(?:一下)?|那个|嗯+|帮帮我|帮我一下|求助|求救|救命)"
    r"[呗呀啊哈嘛吧呢\s?？!！.。,，~～]*)+$"
)
"""A message that only opens a conversation ("hmm", "我想问一下", "hi bot"): nothing asked yet."""


_UNEASE = lazy(
    r"不太对劲|不对劲|出问题了|出了问题|有点问题|担心|着急|帮我看看|帮忙看看|帮我看一下|"
    r"\bi'?m worried\b|\bworried\b|something(?:'s| is) (?:off|wrong)|look into (?:it|my)|"
    r"(?:looks?|seems?|looking) (?:weird|odd|strange|off|wrong|funny)|看着不对|怪怪的|有点怪|好奇怪|不正常|"
    r"(?:指标|账户|账号|店铺|数据|数字)[^，,。?？]{0,4}(?:有问题|不对|异常)|"
    # Help asked with nothing named: "帮忙瞅一眼", "is this normal?", "what should I do now".
    r"帮(?:忙|我)?(?:瞅|瞧|看)(?:一?眼|一下|瞅|瞧)|这正常吗|正常吗|"
    r"^\W*is (?:this|that|it) (?:normal|usual|expected)\W*$|"
    r"^\W*(?:so |ok |okay |hmm )?what (?:should|do|can|shall) (?:i|we) do(?: now| next| about it)?\W*$"
)
"""Unease with nothing named ("我店铺最近不太对劲", "I'm worried", "帮我看看")."""


def _vague_about_ours(case: Case) -> bool:
    """ "is mine ok or not", "这个咋整 又红了", "the thing amazon emailed", "我店铺最近不太对劲":
    a worry about something the seller does not name, in a short message: a seller's
    account matter (the topics to pick from), not another field's question."""
    if len(case.text) > SHORT_VAGUE_CHARS:
        return False
    vague = bool(_VAGUE_REFERENCE.search(case.text) and _WORRY.search(case.text))
    # "hmm my account thing": the seller's own account named vaguely, nothing asked.
    own = bool(_VAGUE_REFERENCE.search(case.text) and _OWN_PLACE.search(case.text))
    return vague or own or bool(_UNEASE.search(case.text))


_OWN_PLACE = lazy(
    r"\b(?:account|shop|store|seller central|listing|performance)\b|账号|账户|店铺|后台|绩效"
)
"""The seller's account or shop, named in a vague message."""


SHORT_VAGUE_CHARS = 60


FIGURE_CODES = frozenset(
    {"vtr_counts", "vtr_rate", "vtr_groups", "vtr_rate_groups", "metric_rate", "metric_rates",
     "allowance", "needs_figures", "split_order", "tracking_number"}
)  # fmt: skip
"""Decisions on figures the seller tells: told without a question, they are no belief."""


def _topics_to_pick(
    case: Case | None, found: Found, vague: bool, opening: bool
) -> list[str] | None:
    """The topics to offer instead of an answer or a refusal: for a place and no subject
    ("只能在欧洲站用吗", "仅限欧洲？"), the lists of where VTR's bar, Buy Shipping and the EU
    update apply; for our field's words and no subject ("那个率又掉了咋办", "the rate thing
    again??"), the main topics, not "outside what I know"."""
    if _only_places(case) and found.answer.kind != "answer":
        return list(PLACE_TOPICS)
    greeted = opening and (found.best is None or found.concepts <= _ADDRESSEE)
    # "hmm my account thing": the words matched an entry, but none names its subject.
    unnamed = found.answer.kind == "off_topic" or not found.concepts
    if vague and (unnamed or greeted):
        # A greeting among words that only refer ("在不在呀 大佬"), or to the bot by name
        # ("hello bot"), invites the question.
        return list(VAGUE_TOPICS)
    return None


_ADDRESSEE = frozenset({"bot"})
"""The bot greeted by name ("hi bot", "你好机器人"): a greeting, not a question about it."""

PLACE_TOPICS = ("vtr-marketplaces-china", "buy-shipping-marketplaces", "eu-cross-border")
"""Offered for a question that names a marketplace and nothing it asks about."""


def _only_places(case: Case | None) -> bool:
    """Marketplaces named (or Europe), and no subject of our field beside them."""
    if case is None:
        return False
    places = bool(case.markets) or "eu" in case.concepts
    limited = "marketplace" in case.concepts or bool(_LIMITING.search(case.text))
    return (
        places and limited and not case.concepts - {"eu", "marketplace", "china"} - VAGUE_CONCEPTS
    )


_LIMITING = lazy(r"只|仅|\bonly\b|\bjust\b|limited")


_ABOUT_THE_BOT = lazy(
    r"\bbot\b|机器人|你(?:们)?的|your (?:report|figure|number|data|check)|报告|report|上传|upload|文件|\bfile|表格|"
    r"/vtr|你算|you (?:calculat|comput|count|got)|alert|提醒|订阅|subscribe|erp|自己算|"
    r"对不上|不一样|不同|差别|差异|differ|match|trail|lag|behind|滞后|延迟"
)
"""Words that make a question about this bot or its report, not Amazon's figures."""
_FIXED = lazy(
    r"\b(?:fix|fixed|add|added|upload|uploaded|edit|edited|correct|corrected|chang)|补|改|上传|加上|填上|"
    # A number entered wrong is one to fix: "the wrong tracking number, already delivered".
    r"\b(?:wrong|incorrect|mistyped|typo)\b|填错|写错|输错|录错|弄错"
)
TRACKING_FAMILY = frozenset({AFTER_DELIVERY, "tracking-edit", "tracking-unconfirmed"})


TRACKING_EDIT = "tracking-edit"
_TRACKING_HOW_TO = frozenset({"trackingid", "howto", "upload", "where"})
"""Tracking, a how-to and where: nothing else of the field named beside them."""
_HOW_TO_DO = lazy(r"怎么|怎样|如何|咋|\bhow (?:do|to|can|should|would)\b")


def _tracking_how_to(found: Found, text: str) -> bool:
    """ "追踪那个东西怎么弄", "how do I do the tracking thing", "单号咋整": how to do tracking
    asked, however vaguely, with nothing else of the field named: how tracking is entered
    when confirming shipment and added or corrected later (not refused, not the steps for a
    low VTR that 怎么弄 reaches)."""
    named = "trackingid" in found.concepts and found.concepts <= _TRACKING_HOW_TO
    return named and bool(_HOW_TO_DO.search(text))


VALID_MEANING_ENTRY = "tracking-valid-meaning"
BUY_SHIPPING_WHAT = "buy-shipping-what"
_NOT_WHAT_IT_IS = frozenset({"benefit", "fee", "why", "howto"})
"""Asked beside "what is", these ask something else of Buy Shipping (its benefits, its cost)."""
_VALID_MEANING = lazy(
    r"['‘“\"「『]\s*(?:有效|valid)\s*['’”\"」』]|(?:有效|valid)(?:这个词|这两个字|两个字|二字)|"
    r"(?:^|[^率])有效(?:是指|指的是|到底指|到底是(?:什么|啥)意思|是(?:什么|啥)意思|什么意思|啥意思)|"
    r"\bwhat does (?:the word )?valid mean|\bwhat(?:'s| is) meant by valid|"
    r"\bvalid\W{0,3}(?:means?|meaning)\b|\bmeaning of (?:the word )?valid\b"
)
"""The word "valid" itself asked about, not the rate it names ("VTR是什么意思")."""


EDITS_SHOW_CLAIM = "edits-72-hours"
_SHOWS = lazy(
    r"生效|体现|显示|反映|看到|起作用|算上|\bshows?\b|show up|showing|reflect|take effect|"
    r"takes effect|kick in|kicks in|register|appear|counts?\b|updated?\b"
)
"""An edit's effect asked about (生效, "show up", "count"), not a deadline to make it."""


def _edit_delay_asked(found: Found, text: str) -> bool:
    """ "补传单号多久生效", "after I add a missing number, how long before it counts?": how
    long tracking added or edited takes to show (up to 72 hours, domain.md §1b), which the
    search takes for the after-delivery rule or the window."""
    named = found.concepts & {"trackingid", "upload"}
    asked = "howlong" in found.concepts and bool(named) and bool(_FIXED.search(text))
    return asked and bool(_SHOWS.search(text))


def _fixed_around_delivery(found: Found, text: str) -> bool:
    """ "what if the buyer already got the parcel before I fixed the tracking?": tracking
    added or fixed and the delivery named: when it was done decides, the after-delivery rule."""
    timed = found.concepts >= TRACKING_WHEN and bool(_FIXED.search(text))
    # "the buyer already has it and the number was wrong": how to edit is past; when decides.
    past = found.best == TRACKING_EDIT and bool(_ALREADY_DELIVERED.search(text))
    return timed and found.answer.kind == "answer" and (found.best not in TRACKING_FAMILY or past)


_ALREADY_DELIVERED = lazy(r"\balready\b|已经|已签收|签收了|收到了|到了")


_REVIEW_TIME = lazy(
    r"(?<![\d.])\d+\s?(?:个)?(?:天|日|工作日|days?|business days|小时|hours?|weeks?|周)|答复|回复|回应|"
    r"\brepl(?:y|ies)\b|hear back|respon(?:d|se)|get back to"
)
"""An appeal's answer or days asked about ("10天之内会有答复吗"): the review time's entry."""
_REGAINED = lazy(
    r"恢复(?!到)|解封|解除|重新(?:开|上架|卖|销售)|拿回|\bget (?:it|them|that|this|(?:the|my) category) back\b|"
    r"reinstat|\bsell(?:ing)? (?:it |there )?again\b|\blifted\b|\bback (?:on|online)\b"
)
"""Selling won back ("多久能恢复", "when do I get it back"); "恢复到95%" is the rate's."""
_WHATEVER = lazy(r"(?:不管|无论|不论|no matter)[^，,。.]{0,8}")
"""A "whatever" clause ("不管多少钱", "no matter how much"): no question, though it holds
question words."""


def _declares(case: Case) -> bool:
    """ "VTR uses a 90 day window", "FBA orders are part of VTR": a statement of our field
    sent without any question, which a seller means as "is this right?"."""
    return not asks(case.text)


_ANNOUNCED = lazy(
    r"^(?:(?:hey|hi|hello|so|ok|okay|um+|uh+|quick|a|one|small|got a|i have a|i've got a|have a)[\s,]+)*"
    r"(?:q|qs|question|questions|query|thing|something|issue|issues|problem|problems|help|trouble)"
    r"(?:\s+(?:wrong|off|weird|odd|strange|funny|up|going on))?\s+"
    r"(?:about|on|re|regarding|with|concerning|around)\b|"
    r"^(?:关于|有关|说说|说一下|问下|问一下|请教一下|请教)?[^，,。?？!！]{1,12}"
    r"(?:的事|的事情|的事儿|的问题|这块|这件事|方面|(?:那|这)(?:个|件)?事)(?:儿)?[吧呢啊呀哈。.!！~～\s]*$|"
    # "问个事 关于购买配送": the announcing words first, the subject after.
    r"^(?:问个事|有个事|问件事|有件事|问个问题|有个问题)[\s,，:：]*(?:关于|有关)[^，,。?？!！]{1,12}$|"
    # A trouble named and nothing asked ("单号有问题", "tracking number problem").
    r"^[^，,。?？!！]{1,16}(?:有问题|出问题|出了问题|有点问题|不对劲)(?:了)?[吧呢啊呀哈。.!！~～\s]*$|"
    r"^[a-z0-9' ]{1,30}\s(?:problems?|issues?|trouble)[.!\s]*$"
)
"""A message that only says what it will be about ("question about my shipments", "追踪号
的事"): nothing is asked yet."""
ANNOUNCED_MAX_CHARS = 60


def announced_subject(text: str) -> str | None:
    """What a short message says it will be about, when it asks nothing yet ("question
    about my shipments" → "my shipments", "追踪号的事" → "追踪号"); None for a question."""
    text = _GREETING.sub("", text.strip())
    if len(text) > ANNOUNCED_MAX_CHARS or asks(text):
        return None
    found = _ANNOUNCED.search(text)
    if found is None:
        return None
    return _ANNOUNCING_WORDS.sub(" ", text).strip()


_GREETING = lazy(
    r"^(?:(?:在吗|在不在|在么|你好|您好|亲|hi|hello|hey)(?![a-z])[\s,，.。!！?？~～]*)+"
)
"""A greeting before the message ("在吗 问个自发货的事"): it asks nothing of the subject."""
_ANNOUNCING_WORDS = lazy(
    r"^.*?\b(?:about|on|re|regarding|with|concerning|around)\b|"
    r"问个事|有个事|问件事|有件事|问个问题|有个问题|"
    r"关于|有关|说说|说一下|问下|问一下|请教一下|请教|的事情|的事儿|的事|(?:那|这)(?:个|件)?事|的问题|这块|这件事|方面|"
    r"有问题|出问题|出了问题|有点问题|不对劲|\b(?:problems?|issues?|trouble)\b|[吧呢啊呀哈。.!！~～]"
)


def _our_words_only(case: Case) -> bool:
    """A message with a word of our field's vocabulary (率, rate, 要求, 指标 …) and nothing
    that names a subject, ours or another field's."""
    return bool(_FIELD_WORDS.search(case.text)) and case.concepts <= VAGUE_CONCEPTS


def _asks_what_is_exempt(case: Case) -> bool:
    """ "哪些订单不算VTR", "which shipments don't count toward VTR?": the list of exemptions,
    not one rule of one place."""
    bare = not (case.markets or case.carriers or case.amount is not None or case.letter)
    return bare and "vtr" in case.concepts and bool(_WHICH_EXEMPT.search(case.text))


def _fba_fees(found: Found, text: str) -> bool:
    """ "FBA的运费怎么算", "FBA配送时效多久": FBA's own fees and delivery speed are another
    field, however close the words."""
    ours = {"buyshipping", "vtr", "trackingid", "mfn", "carrier", "label"}
    fees = "fee" in found.concepts or "calculate" in found.concepts or bool(_FEE.search(text))
    fees = fees or bool(_FBA_SPEED.search(text))
    return "fba" in found.concepts and fees and not found.concepts & ours


_SCOPE = lazy(
    r"\b(?:includ(?:e|es|ed|ing)|count(?:s|ed|ing)?|part of|in(?:to)? (?:the )?(?:vtr|valid tracking))\b|"
    r"算不算|算进|算在|计入|计算在|包括|包含|算入|"
    # Whether another field's thing moves our metric ("清关慢会影响VTR吗"): ours to answer.
    r"\b(?:affects?|hurts?|lowers?|drags?|impacts?)\b[^.?!,]{0,20}\b(?:vtr|valid tracking|tracking rate)|"
    r"(?:影响|拉低|拖累|降低)[^，,。?？]{0,8}(?:vtr|追踪率|跟踪率)"
)


_RETURNS = lazy(
    r"退货|退件|\breturn (?:labels?|shipments?|packages?|parcels?|tracking|orders?|requests?|postage)\b|"
    r"\b(?:buyer|customer)s?(?:'s?)? returns?\b|\breturns? (?:label|tracking)|"
    r"\b(?:the|a|my|our|these|those) returns\b|\breturned (?:items?|packages?|parcels?|orders?|goods)\b|"
    # Its cost or label ("who pays the return shipping label"), or a buyer wanting to send
    # the item back ("buyer wants to return", "买家想退 运费谁出"): not a refund (退款).
    r"\breturn (?:shipping|postage|mail(?:ing)?|freight|costs?|fees?)\b|"
    r"\b(?:buyer|customer)s?\b[^.?!,]{0,20}\b(?:wants?|wanted|asks?|asked|asking|would like|"
    r"requests?|requested|plans?|trying) (?:to )?(?:make a |a )?return\b|"
    r"(?:买家|客户|顾客)[^，,。？?]{0,6}(?:要|想|申请|要求)退(?!款)"
)
"""A buyer's return named: a package coming back, which is no self-fulfilled shipment."""
_OUTBOUND = lazy(
    r"原来|原先|原包裹|原订单|原单|发出去|发给买家|寄给买家|寄出去|我发的|\boutbound\b|"
    r"\boriginal (?:shipment|package|parcel|order)|\b(?:i|we) (?:had )?shipped\b|"
    r"\bshipped (?:it|them|to)\b|\bto sender\b|退回发件人|退回给我|派送失败|投递失败|undeliver"
)
"""The seller's own shipment to the buyer named beside a return: that shipment is VTR's."""


def _about_returns_only(text: str) -> bool:
    """ "退货标签要不要上传追踪号", "return label tracking counts for VTR?": returns are not
    self-fulfilled shipments, so their tracking is outside VTR and outside what the sources
    here say: refused, rather than answered with an entry about shipping. A question about
    the shipment to the buyer ("买家退货了，我原来发出去的包裹还算VTR吗") stays ours."""
    return bool(_RETURNS.search(text)) and not _OUTBOUND.search(text)


def _asks_metric_scope(found: Found, text: str) -> bool:
    """ "does VTR include FBA shipments?": whether another programme's packages are in our
    metric is our field's question, though it names that programme."""
    return "vtr" in found.concepts and bool(_SCOPE.search(text))


@dataclass(frozen=True, slots=True)
class Found:
    """What the search concluded, with what it saw of the question."""

    answer: Answer
    best: str | None
    concepts: frozenset[str]
    information: float = 0.0
    """How specific the match is (Assessment.information)."""


def _carriers_in(finder: EntityFinder, text: str) -> tuple[Carrier, ...]:
    return finder.find(text, normalize_question(text, {})).carriers


def _markets_in(finder: EntityFinder, text: str) -> tuple[Marketplace, ...]:
    return finder.find(text, normalize_question(text, {})).marketplaces


_AVAILABLE = lazy(
    r"\buse\b|\busing\b|available|offered|support|serve|cover|work(?:s)? (?:in|for|on)|buy (?:labels?|postage)|"
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
    r"trouble)\b|n't\b"
)
"""What makes an English phrase with a question mark a claim to confirm ("only the US?",
"Safe?", a verb stated), not a topic named ("vtr requirement for germany?")."""


def _asks_how_soon_restricted(case: Case) -> bool:
    """How soon a low VTR leads to a restriction, asked, no other metric named."""
    return case.metrics in ((), ("vtr",)) and bool(_RESTRICTION_WHEN.search(case.text))


def _restriction_risk(case: Case, decision: Decision, asked: str) -> Decision | None:
    """ "VTR 94% for a week, will I be suspended?", "掉到94%会被限制吗": a failing rate and a
    restriction asked. The rule says what can happen, not what will (domain.md §1, §1b: that
    category's self-fulfilled selling can be restricted, never the whole account), so the risk
    leads, with no yes; how soon is the timing entry's (Amazon publishes no timeline). Other
    categories asked about, passing asked in words ("达标吗"), or a supposition keep the
    verdict."""
    facts = decision.facts
    if facts.get("above") is not False or not _RESTRICTION_ASKED.search(asked):
        return None
    if _asks_how_soon_restricted(case) or _OTHERS_OR_PASSING.search(asked) or "change" in facts:
        return None
    told: dict[str, Fact] = {"percent": str(facts.get("percent"))}
    if decision.code == "vtr_counts":
        told |= {"valid": facts["valid"], "shipments": facts["shipments"]}
    return Decision(code="restriction_risk", facts=told, entry=CONSEQUENCES_ENTRY)


_OTHERS_OR_PASSING = lazy(
    r"别的|其他|其它|\bother|\brest of|达标|合格|及格|\bpass|\bok\b|okay|enough|够"
)


_RESTRICTION_ASKED = lazy(
    r"suspend|restrict|\bban(?:ned)?\b|\bblock|deactivat|penal|punish|shut (?:me|us|it) down|"
    r"lose (?:my |the |our )?(?:category|listings?|selling|right|account)|"
    r"被封|封号|封店|封掉|限制|停售|下架|暂停|处罚|惩罚|受限|停权|被停|"
    # "my vtr is 90 can i still sell": whether selling goes on is the restriction asked.
    r"still sell|keep selling|还能(?:继续)?卖|能不能(?:继续)?卖|还可以(?:继续)?卖"
)
"""A restriction asked of a rate told ("will I be suspended", "会被限制吗")."""


def _how_soon_after_rate(case: Case, decision: Decision) -> Decision:
    """ "VTR掉到94了，会马上被限制吗": the rate's verdict, then how soon (unpublished). No yes
    or no before it: "vtr is 94%, will I be suspended right away?" is not answered by the
    rate's failing, and Amazon publishes no timeline to say yes with."""
    if decision.code in RATE_DECISIONS and _asks_how_soon_restricted(case):
        return decision.model_copy(update={"entry": RESTRICTION_TIMING_ENTRY, "agrees": None})
    return decision


MAX_BESIDE = 2
_BELIEF_CLAUSE = lazy(r"[，,。；;]|\band\b")
"""At most this many other beliefs of one message are answered after the first."""


def _holidays_asked(case: Case) -> bool:
    """ "do holidays pause the VTR window", "春节物流停运VTR会不会暂停": VTR over a holiday or a
    carrier's closure, with no figures and no other metric ("放假期间迟发率": LSR's entry)."""
    other_metric = any(m != "vtr" for m in case.metrics)
    figures = case.counts is not None or case.rate is not None or bool(case.groups)
    return "holiday" in case.concepts and not other_metric and not figures


def _new_seller_asked(case: Case) -> bool:
    """ "is there a grace period for new sellers", "我是新卖家 vtr不够30天怎么算": VTR for a new
    shop, with no figures, no other metric, no marketplace or carrier to decide ("new seller
    here, we ship to the US and UK, what's the rule": the bar's list)."""
    other_metric = any(m != "vtr" for m in case.metrics)
    figures = case.counts is not None or case.rate is not None or bool(case.groups)
    named = bool(case.markets or case.carriers)
    return "newseller" in case.concepts and not (other_metric or figures or named)


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
    return _unmarked_yes_no(folded)


_UNMARKED_YES_NO = lazy(
    r"能|可以|算|计入|需要|要|会|影响|达标|合格|"
    r"\b(?:ok|okay|fine|enough|safe|acceptable|alright|good|passing)\W*$|"
    r"\b(?:is|are) (?:that|this|it|mine|ours|we|i) (?:ok|okay|fine|good|enough|safe|alright|"
    r"acceptable|passing)\b"
)
"""The verdict a short message asks for without 吗 or "?" ("美国站能用购买配送", "is 94% ok
for vtr", "vtr 96 is that fine"): a verb of the rule, or a word of passing at its end."""
UNMARKED_MAX_CHARS = 40


def _unmarked_yes_no(folded: str) -> bool:
    """A short message that asks nothing by its marks or question words, but names a verb
    a rule decides (能, 算, 计入, ok, enough): sellers type their yes/no questions that way."""
    if len(folded) > UNMARKED_MAX_CHARS or _WH_WORD.search(folded):
        return False
    return bool(_UNMARKED_YES_NO.search(folded))


def _asks_inverted(text: str) -> bool:
    """ "…, if we fix 15 of them will we pass", "97% on 100 - can I afford 2 more?": a verb
    before its subject asks yes or no of a seller's figures wherever the clause starts."""
    return bool(_INVERTED.search(text)) and not _WH_WORD.search(text)


class Composer:
    def __init__(
        self, entries: dict[str, Entry], cards: Cards, lexicon: Lexicon, finder: EntityFinder
    ) -> None:
        self._entries = entries
        self._cards = cards
        self._core = frozenset(lexicon.core)
        self._subjects = frozenset(lexicon.synonyms)
        # The concepts that are places (uk, japan, eu …): the general concepts whose
        # spellings include a marketplace's name or code.
        names = {n.casefold() for m in marketplaces() for n in (m.code, m.zh, m.domain, *m.aliases)}
        self._places = frozenset(
            c
            for c, spellings in lexicon.general.items()
            if names & {p.casefold() for p in spellings}
        ) | {"eu", "china", "marketplace"}
        self._outside = [fold_key(p) if _OUTSIDE_WORD.match(p) else p for p in lexicon.outside]
        patterns = [_phrase_pattern(p) for p in [*lexicon.platforms, *lexicon.elsewhere]]
        self._elsewhere_pattern = re.compile("|".join(patterns)) if patterns else None
        platforms = [_phrase_pattern(p) for p in lexicon.platforms]
        self._platform_pattern = re.compile("|".join(platforms)) if platforms else None
        # The carriers each entry speaks of, found the way a question's are (whole words).
        self._entry_carriers = {
            entry_id: {
                c.id for text in (e.answers.zh, e.answers.en) for c in _carriers_in(finder, text)
            }
            for entry_id, e in entries.items()
        }
        # The marketplaces each entry speaks of (China Post's "CN" ending is Japan's).
        self._entry_markets = {
            entry_id: {
                m.code for text in (e.answers.zh, e.answers.en) for m in _markets_in(finder, text)
            }
            for entry_id, e in entries.items()
        }

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
            consequence = self._consequence_asked(case, decision)
            if consequence is not None:
                # "我的VTR 94%，会被封号吗": what was asked (the account) first, the rate after.
                first = self._decided(found, self._as_asked(case, text, consequence))
                # The rate without a yes or no (one was given to the question asked), with
                # the bar's entry: the consequences are already shown.
                bar = decision.model_copy(update={"entry": THRESHOLD_ENTRY, "agrees": None})
                rate = self._decided(found, self._as_asked(case, text, bar))
                return first.model_copy(update={"parts": [rate]})
            decision = _how_soon_after_rate(case, decision)
            asked = self._as_asked(case, text, decision)
            beside = [self._as_asked(case, text, b) for b in self._beliefs_beside(case, asked)]
            # A part found wrong leads: the skimmer reads "Not right" first.
            ordered = sorted([asked, *beside], key=lambda d: d.agrees is not False)
            answers = [self._decided(found, d) for d in ordered]
            return answers[0].model_copy(update={"parts": answers[1:]}) if beside else answers[0]
        if self._from_another_field(text, found):
            answer = found.answer
            return Answer(lang=answer.lang, kind="off_topic", confidence=answer.confidence)
        opening = case is not None and bool(_OPENER_ONLY.match(case.text))
        vague = case is not None and (_our_words_only(case) or _vague_about_ours(case) or opening)
        vague = vague and not _tracking_how_to(found, text)  # the entry _entry_named gives
        topics = _topics_to_pick(case, found, vague, opening)
        if topics is not None:
            update = {"kind": "unsure", "matched": None, "suggestions": topics, "opening": opening}
            return found.answer.model_copy(update=update)
        if found.best == ALERTS_ENTRY and _FROM_AMAZON.search(text):
            # "amazon sent me a warning email": Amazon's message, not this bot's alerts; what
            # it warns of is unsaid, so the topics to pick from.
            return found.answer.model_copy(
                update={"kind": "unsure", "matched": None, "suggestions": list(VAGUE_TOPICS)}
            )
        if case is not None and _asks_what_is_exempt(case):
            return self._entry_answer(found.answer, EXEMPT_ENTRY)
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
        vague = found.information < SPECIFIC_WITHOUT_SUBJECT
        if (
            case is not None
            and found.answer.kind == "answer"
            and vague
            and not self._names_a_subject(case)
        ):
            return self._shortlist(found, PLACE_TOPICS if _only_places(case) else ())
        return found.answer

    def _before_deciding(self, text: str, found: Found, case: Case | None) -> Answer | None:
        """Another field's question (refused), or one the sources are silent on (holidays):
        answered before any rule is decided."""
        elsewhere = self._elsewhere(text) and not _asks_metric_scope(found, text)
        elsewhere = elsewhere or _about_returns_only(text)
        if (_fba_fees(found, text) or elsewhere) and not self._checks_our_claim(case, found):
            return Answer(
                lang=found.answer.lang, kind="off_topic", confidence=found.answer.confidence
            )
        if case is not None and _holidays_asked(case):
            return self._entry_answer(found.answer, HOLIDAY_ENTRY)
        if case is not None and _new_seller_asked(case):
            return self._entry_answer(found.answer, NEW_SELLER_ENTRY)
        return None

    def _entry_named(self, case: Case | None, found: Found, text: str) -> str | None:
        """The entry the question's own words name over the search's pick: one metric
        named, how to do tracking, or tracking fixed with the delivery named (when it was
        done decides); how soon a restriction follows, asked."""
        if case is not None and _asks_how_soon_restricted(case):
            return RESTRICTION_TIMING_ENTRY  # "立刻就限制吗": no timeline is published
        if case is not None and (named := self._one_metric(case, found)) is not None:
            return named
        if _tracking_how_to(found, text):
            return TRACKING_EDIT
        if (meaning := self._what_is_named(found, text)) is not None:
            return meaning
        return AFTER_DELIVERY if _fixed_around_delivery(found, text) else None

    def _decide(self, case: Case | None, found: Found, text: str) -> Decision | None:
        """The first rule the case has facts for; else, an edit's delay asked, its fact."""
        decision = decide(case) if case is not None else None
        if decision is None and _edit_delay_asked(found, text):
            return self._edit_delay()
        return decision

    def _edit_delay(self) -> Decision:
        """How long an edit takes to show, the 72 hours' fact first (no yes or no), with
        the entry on adding and editing tracking."""
        claim = next(c for c in self._cards.claims if c.id == EDITS_SHOW_CLAIM)
        facts: dict[str, Fact] = {"zh": claim.says.zh, "en": claim.says.en}
        return Decision(code="claim", facts=facts, agrees=None, entry=TRACKING_EDIT)

    def _what_is_named(self, found: Found, text: str) -> str | None:
        """ "有效追踪的'有效'是啥意思": the word valid asked about is one carrier scan's entry;
        "someone said use buy shipping, what is it": Buy Shipping alone asked what it is gets
        what it is (labels bought and printed), not its benefits that "use" pulls to."""
        if _VALID_MEANING.search(text):
            return VALID_MEANING_ENTRY
        named = found.concepts & self._subjects
        what = "whatis" in found.concepts and not found.concepts & _NOT_WHAT_IT_IS
        return BUY_SHIPPING_WHAT if what and named == {"buyshipping"} else None

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
        declared = _declares(case) and not _unmarked_yes_no(text.casefold())
        belief = case.belief or (declared and decision.code not in FIGURE_CODES)
        choice = "还是" in _STILL.sub("", text) if belief else bool(_CHOICE.search(text))
        # "… sent by letter — exempt or counted": two verdicts offered, with no tag making it a
        # belief, is a choice however it is punctuated.
        choice = choice or (not case.belief and bool(_TWO_VERDICTS.search(text)))
        counts = decision.code == "vtr_counts"
        inverted = counts and _asks_inverted(text)
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

    def _consequence_asked(self, case: Case, decision: Decision) -> Decision | None:
        """ "我的VTR 94%，会被封号吗", "VTR is 93%, will my account be suspended?": a rate told
        and the whole account asked about; the claim about the account answers what was
        asked, the rate's verdict follows it."""
        # Asked in the last clause: "whole shop 97%, but Toys 28 of 30: restricted?" tells the
        # shop's figure and asks about the category.
        asked = _LAST_CLAUSE.split(case.text.rstrip("?？!！ "))[-1]
        if decision.code not in RATE_DECISIONS:
            return None
        if _ACCOUNT_ASKED.search(asked):
            claim = self._claim(case)
            if claim is not None and claim.entry == CONSEQUENCES_ENTRY:
                return claim
        return _restriction_risk(case, decision, asked)

    def _names_a_subject(self, case: Case) -> bool:
        """The question names something of our field (VTR, a carrier, a marketplace …), not
        only a form ("这个怎么办", "why?", "help me with my account")."""
        eu_update = "crossborder" in case.concepts or {"eu", "policy"} <= case.concepts
        return bool(case.concepts & self._subjects or case.carriers or case.markets or eu_update)

    @staticmethod
    def _shortlist(found: Found, topics_first: tuple[str, ...] = ()) -> Answer:
        """A message that names no subject: the closest topics to pick from, since a firm
        answer on the wrong topic is worse than a question back."""
        closest = [found.best or "", *found.answer.suggestions]
        topics = list(dict.fromkeys(topics_first or closest))
        return found.answer.model_copy(
            update={"kind": "unsure", "matched": None, "suggestions": [t for t in topics if t][:3]}
        )

    def _by_carrier(
        self, question: str, text: str, found: Found, entities: Entities
    ) -> Answer | None:
        facets = found.concepts & {"calculate", "window", "threshold", "where", "whatis"}
        if "vtr" in found.concepts and facets and not found.concepts & CARRIER_FIELD:
            return None  # "…发货用云途和燕文…VTR到底怎么计算的": the carriers are the story
        carriers = self._carriers_to_explain(entities.carriers, found, entities.marketplaces)
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
        lead = "\n".join(
            marketplace_lead(self._cards.marketplace, m, found.answer.lang, about_buy_shipping)
            for m in entities.marketplaces
        )
        # The registry's yes answers "is it offered?", not a question saying it is not.
        asked = (is_yes_no(text) or states_a_belief(text)) and not denies(text)
        lead = lead if asked else without_yes(lead)
        if (
            states_a_belief(text)
            and denies(text)
            and self._all_covered(entities, about_buy_shipping)
        ):
            # "The 95% rule doesn't apply to Singapore, right?": on the list, so not right.
            wrong = self._cards.marketplace.denied_wrongly.for_lang(found.answer.lang)
            lead = f"{wrong} {lead}" if found.answer.lang == "en" else f"{wrong}{lead}"
        return self._entry_answer(found.answer, listing, lead)

    @staticmethod
    def _all_covered(entities: Entities, about_buy_shipping: bool) -> bool:
        """Every marketplace named is on the list asked about (Buy Shipping's or the bar's)."""
        return all(
            m.buy_shipping_from_china if about_buy_shipping else m.vtr_bar_from_china
            for m in entities.marketplaces
        )

    def _by_metrics(
        self, question: str, text: str, found: Found, entities: Entities
    ) -> Answer | None:
        # "VTR 和 ODR 分别多少": several metrics at once get the overview; OTDR's entry is
        # the one that explains how it depends on VTR.
        if len(found.concepts & METRICS) >= 2 and found.best != "metric-on-time-delivery":
            return self._entry_answer(found.answer, OVERVIEW)
        return None

    def _by_appeal(
        self, question: str, text: str, found: Found, entities: Entities
    ) -> Answer | None:
        """ "VTR低被停了，申诉入口在哪", "where's the appeal button": an appeal named makes the
        question the appeal's, whatever the where/what around it would pick (VTR's own page);
        how long it takes is the review time's entry."""
        # "被限制了之后多久能恢复", "restricted, when do I get it back": the category won back
        # after a restriction is the appeal's, though no appeal is named.
        regained = "restrict" in found.concepts and _REGAINED.search(text)
        if not (found.concepts & APPEAL_WORDS or regained) or found.answer.kind == "off_topic":
            return None
        timed = found.concepts & {"howlong", "when"} or _REVIEW_TIME.search(text)
        entry = APPEAL_TIME if timed else APPEAL_ENTRY
        if found.best == entry or entry not in self._entries:
            return None
        return self._entry_answer(found.answer, entry)

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
        if case is None or not (case.belief or is_yes_no(case.text) or _declares(case)):
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
            decision.agrees is None and decision.code not in FIGURES_DECIDED
        )
        asked = case.belief or _declares(case) or is_yes_no(text) or _CHOICE.search(text)
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
        if not case.belief or decision.agrees is not True or not decision.belief:
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
            and all(re.search(p, case.text) for p in c.when if p not in c.figures)
            for c in self._cards.claims
        )

    def _false_part(self, case: Case, decision: Decision) -> Decision:
        """ "OTDR must be above 90% and it's enforced everywhere, right?": a belief the rule
        finds right in one part and the claims table wrong in another is not right."""
        # Figures told are the seller's own case, and a window stated beside denied ones is
        # decided whole (its denied days are no belief): neither is a part of a belief.
        if decision.code in FIGURES_DECIDED | FIGURE_CODES | {"vtr_window"}:
            return decision
        claim = self._claim(case)
        return claim if claim is not None and claim.agrees is False else decision

    def _claim(self, case: Case, claim: Claim | None = None) -> Decision | None:
        """A belief of the claims table the question states (the first that holds, unless
        one is given), with its truth as stated."""
        if claim is None:
            claim = next((c for c in self._cards.claims if c.holds_in(case.text)), None)
        if claim is None:
            return None
        # Words that state the belief itself ("不需要追踪也能算准时", "removed from both") and
        # the words it is made of are no negation of it.
        said = claim.negated_around(case.text) if claim.stated_by else case.negated
        negated = said or claim.denied_in(case.text)
        truth = claim.truth != (claim.flips and negated)
        if not claim.flips and not claim.exemption and case.belief:
            truth = claim.truth != (claim.negated_around(case.text) or claim.denied_in(case.text))
        if claim.exemption and not negated and _ASKS_COUNTS.search(case.text):
            truth = not truth  # "英国站用自己买的邮票寄，算吗": it counts, so yes
        if claim.exemption and NOT_EXEMPT.search(case.text) and not _LIMITING.search(case.text):
            # "aren't exempt", "不豁免": the belief's opposite ("only X is exempt, the rest
            # not" states the belief and its complement)
            truth = not claim.truth
        if claim.asks_opposite(case.text):
            truth = not truth  # "tracking added after delivery, is it a defect?": yes
        facts: dict[str, Fact] = {"zh": claim.says.zh, "en": claim.says.en}
        return Decision(code="claim", facts=facts, agrees=truth, entry=claim.entry)

    def _decided(self, found: Found, decision: Decision) -> Answer:
        """The case decided: the decision first, then the entry that explains the rule."""
        entry_id = decision.entry or ""
        return Answer(
            lang=found.answer.lang,
            kind="answer",
            matched=entry_id,
            confidence=max(found.answer.confidence, DECIDED_CONFIDENCE),
            suggestions=self._entries[entry_id].related[:3],
            decision=decision,
        )

    @staticmethod
    def _one_metric(case: Case, found: Found) -> str | None:
        """ "ODR", "订单缺陷率", "准时交货率": one metric named is that metric's entry, resolved
        before the words around it can pull the search to a neighbour's."""
        # "a category under the bar", "追踪号的要求": the bar named with no metric is VTR's.
        named = case.metrics or (("vtr",) if "vtr" in found.concepts else ())
        if len(named) != 1 or found.answer.kind == "off_topic":
            return None
        entry = METRIC_ENTRIES[named[0]]
        if named[0] == "vtr":
            facet = next((f for f in VTR_FACETS if f in found.concepts), None)
            entry = VTR_FACETS[facet] if facet else entry
        if found.answer.kind == "unsure" and named[0] == "vtr" and entry != METRIC_ENTRIES["vtr"]:
            return entry  # VTR and what is asked of it named, however long the story around
        if found.best == entry:
            return None
        on_a_neighbour = found.best in METRIC_ENTRIES.values() or found.best == OVERVIEW
        if (
            (found.best or "").startswith("bot-")
            and found.concepts & {"window", "howlong"}
            and not _ABOUT_THE_BOT.search(case.text)
        ):
            # "VTR看多少天的数据": VTR's window asked, not this bot's figures beside Amazon's.
            on_a_neighbour = True
        if (found.best or "").startswith("buy-shipping") and "buyshipping" not in found.concepts:
            # "能不能用一句话解释下有效追踪率": the words "能不能用" hit Buy Shipping's list, a
            # subject the question never names.
            on_a_neighbour = True
            if found.concepts >= TRACKING_WHEN:
                # "edited tracking … after delivery, which hurts VTR": when tracking was
                # given, not Buy Shipping's feedback the buyer's words reached.
                entry = AFTER_DELIVERY
        if named[0] == "vtr":
            # VTR has many entries; only a neighbour metric's entry is the wrong one.
            return entry if on_a_neighbour else None
        if found.concepts & OTHER_SUBJECTS and not on_a_neighbour:
            return None
        return entry

    def _entry_answer(self, answer: Answer, entry_id: str, lead: str | None = None) -> Answer:
        related = self._entries[entry_id].related[:3]
        return answer.model_copy(
            update={"kind": "answer", "matched": entry_id, "suggestions": related, "lead": lead}
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

    def another_field(self, text: str, found: Found) -> bool:
        """Another platform, FBA's fees or another programme of Amazon's: not ours."""
        return (
            self._elsewhere(text) or _fba_fees(found, text) or self._from_another_field(text, found)
        )

    def _on_a_platform(self, text: str) -> bool:
        """Another selling platform named (Temu, eBay, 虾皮 …)."""
        return self._platform_pattern is not None and bool(self._platform_pattern.search(text))

    def _elsewhere(self, text: str) -> bool:
        return self._elsewhere_pattern is not None and bool(self._elsewhere_pattern.search(text))

    def _from_another_field(self, text: str, found: Found) -> bool:
        if found.concepts & self._core:
            return False
        folded = fold_key(text)
        return any(phrase in folded for phrase in self._outside)

    def _carriers_to_explain(
        self, named: tuple[Carrier, ...], found: Found, markets: tuple[Marketplace, ...] = ()
    ) -> list[Carrier]:
        """The carriers to answer about, unless the best entry already speaks of them
        (China Post for Japan, UPS and USPS for "unconfirmed") where the question is: an
        entry of other marketplaces than those named ("is china post ok for amazon us" is
        no question about Japan's rules) does not."""
        named = tuple(c for c in named if c.id not in GROUP_CARRIERS)
        if not named:
            return []
        asks_how_to_enter = bool(found.concepts & CARRIER_FIELD)
        entry_markets = self._entry_markets.get(found.best or "", set())
        elsewhere = bool(markets and entry_markets) and not entry_markets & {
            m.code for m in markets
        }
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
        about_format = bool(_FORMAT.search(question.casefold()))
        text = carrier_answer(card, carriers, lang, direct, about_format, eu_markets)
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
