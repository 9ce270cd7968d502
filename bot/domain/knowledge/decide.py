"""A seller's case decided with the product's own rules, before any entry is shown.

The same functions the report uses decide here: the bar and the fewest fixes (bar.py),
the value exemptions (exemptions.py), which marketplaces a rule or feature covers
(marketplaces.yaml), the metrics' targets (metrics.yaml). A decision is data (a code and
its facts); the services layer words it in the reader's language. A question whose case
lacks the facts a rule needs gets no decision, and no yes or no.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from fractions import Fraction

from bot.domain.bar import fixes_needed, is_above, new_valid_needed, percent_decimals
from bot.domain.knowledge.case import NOT_EXEMPT, NOT_OFFERED, Case
from bot.domain.knowledge.figures import WINDOW_DAYS, stated_limit
from bot.domain.knowledge.patterns import CLAUSE, QUESTION_SENTENCE, lazy
from bot.domain.knowledge.policy_dates import policy_date
from bot.domain.knowledge.schema import Decision, Fact
from bot.domain.knowledge.split_orders import one_order_only, split_order
from bot.domain.knowledge.understand import asks
from bot.domain.reference import (
    amazon_carrier_list,
    category_aliases,
    marketplace_by_code,
    marketplaces,
    metrics,
)
from bot.domain.value_limits import (
    DE_DOMESTIC_COUNTS_OVER_EUR,
    EU_LETTER_LIMIT_EUR,
    JP_EXEMPT_LIMIT_JPY,
    US_TWO_SCANS_FROM_USD,
    value_exemption,
)

METRIC_ENTRIES = {
    "vtr": "vtr-threshold",
    "lsr": "metric-late-shipment",
    "cancelrate": "metric-cancel-rate",
    "otdr": "metric-on-time-delivery",
    "odr": "metric-odr",
}
"""The entry that explains each metric, shown after a decision about it."""
METRIC_ENTRIES_WHAT = {**METRIC_ENTRIES, "vtr": "vtr-what"}
"""The entry that says what each metric is (VTR's own is its "what is" entry)."""

_ASKS_PASS = lazy(
    r"达标|合格|及格|够不够|够吗|够了|足够|安全|稳|过关|过了|过线|算过|过没过|过不过|行不行|行吗|没问题|有问题|危险|"
    r"(?<![a-z])ok(?![a-z])|okay|enough|\bsafe\b|\bpass|\bfine\b|good enough|\bmeets?\b(?!up)|达到要求|符合|am i good|is that good|"
    r"cooked|screwed|doomed|toast\b|in trouble|完蛋|会挂|挂了|凉了|"
    r"below the bar|above the bar|at risk|in danger|低吗|高吗|算高|算低|"
    r"(?:is|'s) (?:that|it|this) (?:a )?problem|有问题吗|有没有问题|问题大吗|会不会有问题|"
    r"\bbad\b|严重吗|block|restrict|suspend|penal|被限制|被封|封店|处罚|受限|"
    r"要修吗|需要修|还要修|need to fix|need fixing|还差|差多少|how far|away from|有事吗|要紧吗|没事吧|"
    r"要不要紧|有没有事|有事没|打紧吗|影响大吗|\bworr(?:y|ied)\b|concern|trouble|"
    r"\bany (?:problems?|issues?)\b|\bproblems?\?|\bissues?\?|\bafford\b|"
    r"\b(?:can|could|will|would) (?:i|we|it|the shop|my shop) (?:still )?(?:take|handle|survive|absorb|stand)s?\b|"
    r"(?:能|可以|会|能不能|可不可以)(?:回|升|涨|提|拉)?(?:到|达到|超过|高于|过)(?:了)?\s?95|"
    r"\bstill (?:above|over|pass|passing|clear)\b|扛得住|撑得住|顶得住|受得了|还能过|还过得了|能过|可以过|会过|过吗|过得了|保得住|"
    r"\b(?:be|get|stay|go|am i|are we|is it|i'm|we're)\s+(?:above|over)\s*95|\bclear 95|"
    r"\b(?:am i|are we|is it|will i be|will we be|would i be|would we be) (?:over|above)\b|"
    r"\bback (?:above|over)\b|\bgood\s*[?？]|"
    r"\b(?:put|get|bring|take|push|lift|move)s?\s+(?:me|us|it|my shop|the shop|my vtr|vtr)\s+(?:back\s+)?(?:above|over)\b"
)
_FAIL_WORDS = lazy(
    r"不达标|没达标|不合格|不够|低于|有问题|问题大|危险|风险|below|fail|not (?:ok|enough|pass)|"
    r"problem|trouble|in danger|at risk|too (?:high|low)|bad|严重|block|restrict|suspend|penal|"
    r"被限制|被封|封店|处罚|受限|限制|要修吗|需要修|还要修|need to fix|need fixing|有事吗|要紧吗|"
    r"要不要紧|有没有事|有事没|打紧吗|影响大吗|\bworr(?:y|ied)\b|concern|"
    r"以下|跌破|掉到|掉下|drop|fall|(?<!算)不算(?:达标|合格|过)|算不上|"
    r"(?:doesn't|does not|won't|isn't|not) (?:count as )?pass|\bmatter\b|有影响|影响大|"
    r"\b(?:cooked|screwed|doomed|toast|hosed|done for|busted|sunk)\b|完蛋|凉了|会挂|要挂|挂了|挂吗|玩完|死定|"
    r"fix(?:es)? needed|fix any|need to fix|要修几|修几个|cooked|screwed|doomed|toast\b|in trouble|完蛋|会挂|挂了|凉了"
)
_ONLY = lazy(
    r"只(?!要|是因为)|仅(?!供)|唯一|光看|单看|就(?:看|只|管|考核|针对|适用|限)|"
    r"\bonly\b|\bjust (?:the|for|in|on)\b|solely|exclusively|limited to|nowhere else"
)
"""A belief that limits something to the places it names ("仅限美国站", "VTR就看美国站吧",
"只能在欧洲站用吗", "just for the US"): said with any of the words that limit, with or
without a verb."""
_SKIP = lazy(
    r"不用管|不用考虑|不考核|不管|不算|doesn't matter|don't matter|not checked|ignore|no need"
)
_REGARDLESS = lazy(
    r"(?:不管|无论|不论)(?:是|用|走|选)?(?:哪|什么|多少|几|谁|怎么)|no matter (?:which|what|how|who)|"
    r"regardless of|whichever|whatever"
)
"""Whichever one: what follows holds for all of them, it skips none ("不管用哪家物流都要算")."""
_ACCOUNT_WIDE = lazy(
    r"整个店铺|全店|整店|整个账户|整个账号|按账号|按账户|按店铺|按整个|per (?:account|store|shop|seller)\b|"
    r"(?:by|for) (?:the )?(?:whole )?(?:account|store|shop)\b|account[- ]wide|whole account|whole store|whole shop|entire account|entire shop|entire store|store[- ]wide|shop[- ]wide|overall|"
    # Marketplaces (or categories) added up into one figure.
    r"合起来|加起来|加在一起|合在一起|合并|汇总|一起算|混在一起|"
    r"(?:marketplaces?|sites?|stores?|categories|countries)[^.?!]{0,30}(?:combined|added up|pooled|lumped|together)|"
    r"(?:combined|added up|pooled|lumped|together)[^.?!]{0,30}(?:marketplaces?|sites?|stores?|categories|countries)|"
    r"across (?:all )?(?:the )?(?:marketplaces|sites|stores|categories)"
)
_SUSPENSION = lazy(r"封|关店|suspend|\bban|deactivat|shut down|closed?\b")
_ASKS_COUNT = lazy(
    r"算|计入|计算|统计|豁免|免除|追踪|跟踪|单号|count|exempt|excluded|included|tracking|vtr"
)
"""What a question stating a rule's limit asks of it: whether those orders count."""
_OUTSIDE_EU = lazy(
    r"outside (?:the )?(?:eu|europe)|non-eu|any marketplace|every marketplace|all marketplaces|"
    r"anywhere|everywhere|worldwide|欧盟以外|欧盟之外|非欧盟|欧洲以外|所有站点|任何站点|全球|不管哪个站"
)
_NOT_PER_CATEGORY = lazy(
    r"不按(?:商品)?(?:类目|品类|分类|站点)|不是按(?:商品)?(?:类目|品类|分类|站点)|不分(?:类目|品类|分类|站点)|"
    r"(?:not|isn't|is not|aren't) (?:calculated |measured |judged |counted )?(?:per|by|for each) (?:product )?(?:category|marketplace)"
)
_PER_CATEGORY = lazy(
    r"每个类目|每个品类|分类目|按类目|按品类|按商品分类|每个商品分类|per category|each category|by category|"
    r"per product category|each product category|by product category|"
    r"per marketplace|each marketplace|by marketplace|按站点|每个站点|分站点|"
    # Each marketplace on its own ("各站点各算各的", "分开算", "its own VTR").
    r"各算各|各自(?:算|计算|考核|统计|的)|(?:分开|分别|单独)(?:来)?(?:算|计算|考核|统计|看)|是分开的|"
    r"(?:calculated|measured|counted|judged|tracked|assessed|computed|scored) (?:separately|independently|on (?:its|their) own)|"
    r"separate (?:vtrs?|figures?|rates?|numbers?|scores?)|(?:its|their) own (?:vtrs?|figures?|rates?|numbers?|scores?)"
)
_CHINESE_NAME = lazy(
    r"(?:中文|汉字|chinese)(?:的)?(?:名称|名字|名|name|characters?)|用中文|in chinese|"
    # "写的"中国邮政"四个字": a name typed in Han characters, quoted or counted.
    r"(?:写|填|输入|打|录)[^，,。?？]{0,6}[\"“'‘「][\u4e00-\u9fff]{2,}|[\u4e00-\u9fff][\"”'’」]?\s?(?:这)?[两三四五六]个字|"
    r"(?:打|填|输入|写|type|enter|write)[^，,。?？]{0,8}(?:中文|chinese)"
)
_MISMATCH = lazy(
    r"选成|选错|选了|选的|填成|填错|填到|录成|录入成|录错|录了|写成|输成|其实|实际|实际上|actually|but it(?:'s| is| was)|"
    r"but the (?:number|tracking)|instead|wrong carrier|select|chose|choose|picked|pick |"
    r"entered (?:it )?(?:as|under)|under (?:the )?(?:wrong )?carrier|by mistake|mistakenly|"
    r"accidentally|不小心|搞错|弄错"
)
_A_NOT_A = lazy(r"([\u4e00-\u9fff])不\1")
_WHICH_GROUP = lazy(r"\bwhich\b|哪个|哪些|哪几个|fail")
_ASKS_OK = lazy(
    r"还有效|还算|算有效|可以吗|可以不|行吗|行不行|能用吗|没问题吗|没关系吗|没关系|没事|不要紧|无所谓|"
    r"no problem|no big deal|doesn't matter|does not matter|won't matter|"
    r"still (?:valid|count)|is it valid|\bok\b|okay|fine\b|acceptable|allowed"
)
"""A mismatch question asking whether it is fine (the answer is no), not whether it matters."""
_ASKS_VALID = lazy(
    r"有效吗|有效不|算有效|算不算有效|还算|算数吗|算吗|算不算|认吗|"
    r"\bvalid\b|count(?:s|ed)?(?: as valid| toward| for)?\s*[?？]|does (?:it|that|this) count|still count|"
    # "亚马逊能识别出来吧", "Amazon will figure it out?": that the number still works.
    r"识别|认出|认得出|能查到|查得到|自动(?:匹配|纠正|改)|recogni[sz]e|figure (?:it )?out|"
    r"pick (?:it )?up|auto(?:matically)? (?:match|correct|detect|fix)"
)
"""A mismatch question asking whether the number counts as valid: "no", and the wording says
"not valid" rather than "it matters"."""
_MISMATCH_FAILS = lazy(
    r"unconfirmed|invalid|not valid|isn't valid|won't (?:count|work)|doesn't (?:count|work)|"
    r"not count|(?<!n't )(?<!not )(?<!no )\b(?:matters?|problems?|issues?|hurts?|affects?|defects?|fails?)\b|"
    r"未确认|无效|不算|不行|不能用|(?<![没不])有影响|(?<![没不])有问题|(?<!不)会影响|要改|得改|必须改"
)
"""A belief about a mismatched carrier that says the number fails (else it says it is fine)."""
_LABEL = lazy(r"^\s*([^:：，,；;。?？\d]{1,40}?)\s*[:：]")
_ASKING = lazy(
    r"\b(?:how|what|which|why|when|do|does|did|can|could|should|need|question|quick)\b|"
    r"多少|几|哪|吗|怎么|请问|问一下|问题|求助"
)
"""Words of a question, not of a name: "how many do I have to fix: 340 shipped …" gives no
group a name."""
_SAME = lazy(
    r"就是|是一回事|一回事吗|一样吗|一样的吗|是一样的|相同吗|是同一个|同一个指标|"
    r"\bsame\b|identical|another name|other name for|just (?:another|the)"
)
_FEEDBACK = frozenset({"feedback"})


def decide(case: Case) -> Decision | None:
    """The first rule that the case gives enough facts for, decided; None when none does.
    A start date the seller states for a rule, when wrong, outvotes a rule's yes ("since
    2024 cross-border orders count, right?"): a belief wrong in one part is not right."""
    decision = _first_decided(case)
    dated = policy_date(case)
    if dated is not None and (decision is None or (decision.agrees and not dated.agrees)):
        return dated
    return decision


def _first_decided(case: Case) -> Decision | None:
    for rule in RULES:
        decision = rule(case)
        if decision is not None:
            return _untracked_when_counted(case, decision)
    return None


_COUNTED = {
    "eu_letter": ("exempt", False),
    "jp_value": ("exempt", False),
    "de_domestic": ("counts", True),
}
"""The decisions on whether an order counts toward VTR, and the fact that says it does."""


def _untracked_when_counted(case: Case, decision: Decision) -> Decision:
    """ "…1500日元，没有追踪号，算吗": an order that counts and is said to have no tracking is
    an invalid package, which the reply adds to "it counts"."""
    fact, counted = _COUNTED.get(decision.code, ("", None))
    if counted is None or decision.facts.get(fact) != counted:
        return decision
    facts = dict(decision.facts)
    if _NO_TRACKING_GIVEN.search(case.text):
        facts["untracked"] = True
    if _NOT_INTEGRATED.search(case.text):
        facts["any_provider"] = True  # "a local courier not integrated with Amazon": it counts
    return decision.model_copy(update={"facts": facts}) if facts != decision.facts else decision


_NOT_INTEGRATED = lazy(
    r"(?:not|isn't|aren't|non-?)\s?integrated|not (?:connected|linked) (?:to|with) amazon|local courier|"
    r"small (?:courier|carrier|forwarder)|freight forwarder|\bforwarder|"
    r"没(?:有)?对接|未对接|非对接|不是对接|没合作|非合作|小货代|货代|本地快递|当地快递|小物流"
)
"""A carrier said not to be integrated with Amazon: all providers count (the EU/UK update)."""


def percent_text(valid: int | Fraction, shipments: int | Fraction) -> str:
    """A VTR to one decimal, rounded half up in exact arithmetic (188/200 → "94.0"); a rate
    that would round to the bar keeps two decimals or more, cut down rather than rounded
    (3229/3400 → "94.97", 286/301 → "95.01"), so that no rate but 95% reads as the bar."""
    share = Fraction(valid) / Fraction(shipments)
    decimals = percent_decimals(share)
    if decimals == 0:
        return "100"  # every package valid: exact, as a seller writes it (the report too)
    if decimals == 2 and (share * 10000).denominator == 1:
        hundredths = int(share * 10000)  # exact at two decimals: 77/80 = 96.25, as the report
        return f"{hundredths // 100}.{hundredths % 100:02d}"
    tenths = (share * 1000 + Fraction(1, 2)).__floor__()
    if tenths == 950 and share != Fraction(95, 100):
        # Cut down, with as many decimals as it takes to tell it from 95 (286/301 = 95.01…).
        decimals = 2
        while (
            decimals < 6
            and share > Fraction(95, 100)
            and (share * 10 ** (decimals + 2)).__floor__() == 95 * 10**decimals
        ):
            decimals += 1
        cut = (share * 10 ** (decimals + 2)).__floor__()
        return f"{cut // 10**decimals}.{cut % 10**decimals:0{decimals}d}"
    return f"{tenths // 10}.{tenths % 10}"


def _vtr_facts(shipments: int, valid: int, label: str, key: str = "") -> dict[str, Fact]:
    """One group's VTR decided by the report's bar and fewest-fixes rule."""
    return {
        f"label{key}": label,
        f"valid{key}": valid,
        f"shipments{key}": shipments,
        f"invalid{key}": shipments - valid,
        f"percent{key}": percent_text(valid, shipments),
        f"above{key}": is_above(valid, shipments),
        f"needed{key}": fixes_needed(shipments, valid),
    }


def _vtr_groups(case: Case) -> Decision | None:
    if len(case.groups) < 2 or case.metric not in (None, "vtr"):
        return None
    facts: dict[str, Fact] = {"groups": len(case.groups)}
    # The groups below the bar first: they are the decision a seller acts on.
    failing_first = sorted(
        case.groups, key=lambda group: is_above(group[1].valid, group[1].shipments)
    )
    for i, (label, counts) in enumerate(failing_first):
        facts.update(_vtr_facts(counts.shipments, counts.valid, case.as_written(label), str(i)))
    every = all(is_above(counts.valid, counts.shipments) for _, counts in case.groups)
    agrees = _passes_asked(case, every) if _ASKS_PASS.search(case.text) else None
    if _ONLY_OVERALL.search(case.text):
        agrees = False  # "only the total counts, right?": each category is judged alone
    return Decision(code="vtr_groups", facts=facts, agrees=agrees, entry="vtr-per-category")


_ONLY_OVERALL = lazy(
    r"only (?:looks? at|cares? about|counts?|uses?|checks?|judges?|sees?)[^.?!;]{0,30}"
    r"(?:overall|total|whole|account|shop|store|combined)|"
    r"only the (?:overall|total|combined)[^.?!;]{0,30}(?:matters?|counts?)|"
    r"(?:只看|只算|只管|只认)(?:整体|总的|总体|全店|店铺|整个|总数|合计|加起来)"
)
"""The belief that only the shop's combined figure is judged, told beside the groups'."""


def _vtr_rate_groups(case: Case) -> Decision | None:
    """ "Home 95.2%, Toys 94.1%, Beauty 99% - which fail?": each group's rate against the
    bar, the failing ones first."""
    if len(case.rate_groups) < 2 or case.groups or len(case.metrics) > 1:
        return None
    # Asked whether they pass or which fails, or only listed ("玩具95.5% 家居94.9%"): in this
    # bot, categories' rates are their VTRs, judged against the bar.
    listed = not (asks(case.text) or case.belief or _TARGET_TALK.search(case.text))
    listed = listed and not _SAYS_ABOVE.search(case.text)
    asked = _ASKS_PASS.search(case.text) or _WHICH_GROUP.search(case.text) or listed
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


def _rate_is_ok(metric_id: str, rate: float) -> bool:
    """A metric's rate against its own target in metrics.yaml (VTR strictly above 95%)."""
    metric = metrics()[metric_id]
    value, target = Fraction(str(rate)), Fraction(str(metric.target))
    return value > target if metric.good == "above" else value < target


def _metric_rates(case: Case) -> Decision | None:
    """ "OTDR 91%, VTR 96%, LSR 4.5% — which is failing?": each metric's rate against its own
    target, the failing ones first; "which" gets no yes or no, "am I at risk?" does."""
    if len(case.metric_rates) < 2:
        return None
    if _TARGET_TALK.search(case.text) and all(
        rate == metrics()[m].target for m, rate in case.metric_rates
    ):
        return _targets_stated(case)
    judged = [(m, rate, _rate_is_ok(m, rate)) for m, rate in case.metric_rates]
    judged.sort(key=lambda item: item[2])
    facts: dict[str, Fact] = {"count": len(judged)}
    for i, (metric_id, rate, ok) in enumerate(judged):
        facts.update({f"metric{i}": metric_id, f"percent{i}": f"{rate:g}", f"ok{i}": ok})
    all_ok = all(ok for _, _, ok in judged)
    asks = _ASKS_PASS.search(case.text) and not _WHICH_GROUP.search(case.text)
    entry = "metrics-overview" if all_ok else METRIC_ENTRIES[judged[0][0]]
    agrees = _passes_asked(case, all_ok) if asks else None
    return Decision(code="metric_rates", facts=facts, agrees=agrees, entry=entry)


def _targets_stated(case: Case) -> Decision:
    """ "迟发率要低于4%，取消率要低于2.5%，对吗": each metric's own target stated, not the
    seller's rates: right when each figure is said with its metric's own bound."""
    bounds = {f"{metric.target:g}": metric.good for metric in metrics().values()}
    said = [
        (_bound_said(case.text, figure), bounds.get(f"{float(figure.group(1)):g}"))
        for figure in _FIGURE.finditer(case.text)
    ]
    agrees = all(stated in (None, good) for stated, good in said)
    facts: dict[str, Fact] = {"metrics": ",".join(m for m, _ in case.metric_rates)}
    entry = METRIC_ENTRIES[case.metric_rates[0][0]]
    return Decision(code="metrics_named", facts=facts, agrees=agrees, entry=entry)


def _money(amount: float | None) -> str:
    """An amount as sellers write money: whole ones bare ("15"), cents kept ("24.90")."""
    amount = amount or 0.0
    return f"{amount:g}" if amount == int(amount) else f"{amount:.2f}"


def _vtr_counts(case: Case) -> Decision | None:
    if case.counts is None or not _about_vtr(case) or _value_rule_asked(case):
        return None
    shipments, valid = case.counts.shipments, case.counts.valid
    above = is_above(valid, shipments)
    label = _LABEL.match(case.text)
    name = _name(label.group(1)) if label else ""
    facts = _vtr_facts(shipments, valid, case.as_written(name) if name else "")
    facts.update(_supposed(case))
    facts.update(_volume_told(case, shipments))
    if case.reading is not None and "late_fix" in case.reading.roles:
        facts["late_fix"] = case.reading.roles["late_fix"]  # fixed after delivery: still invalid
    for left_out in ("exempt", "left_out"):  # out of both counts already
        if case.reading is not None and left_out in case.reading.roles:
            facts[left_out] = case.reading.roles[left_out]
    for reason in ("jp", "eu_letter"):  # the exemption named, so the reply can say which
        if case.reading is not None and f"exempt_{reason}" in case.reading.roles:
            facts["exempt_reason"] = reason
    if above and _MARGIN.search(case.text):
        facts["margin"] = valid - fixes_needed(shipments, 0)  # more invalid it can still take
    if _asks_invalid_count(case.text) and case.reading and "invalid" not in case.reading.roles:
        facts["invalid_asked"] = True  # "96.5% of 200: how many invalid is that?"
    if not above and _NEW_SHIPMENTS.search(case.text) and "change" not in facts:
        facts["new_valid"] = new_valid_needed(shipments, valid)  # without fixing old ones
    entry = "vtr-below-95" if not above and case.what_to_do else "vtr-threshold"
    return Decision(code="vtr_counts", facts=facts, agrees=_count_verdict(case, facts), entry=entry)


_EXEMPT_OR_COUNTED = lazy(
    r"exempt|excluded|\bcount(?:s|ed)?\s*[?？]|does (?:it|that|this|they|it all) count|do (?:they|these|those) count|"
    r"豁免|算不算|算[^，,。?？]{0,6}吗|计入[^，,。?？]{0,6}吗|计不计入|要不要算|算进|不算吧"
)
_FEW = 5
"""At most this many packages told with an order's amount: the orders the rule is asked of."""


def _value_rule_asked(case: Case) -> bool:
    """ "2 orders of €15 each sent by letter to France, both untracked, exempt?": a few
    packages told with an amount, asked whether they are exempt or counted, ask the value
    rule of those orders; their VTR (0 of 2) answers nothing asked."""
    if case.counts is None or case.amount is None or case.currency is None:
        return False
    if case.counts.shipments > _FEW or asks_pass_or_fail(case.text):
        return False
    return bool(_EXEMPT_OR_COUNTED.search(case.text))


def _volume_told(case: Case, shipments: int) -> dict[str, Fact]:
    """The daily or weekly volume the window's total was worked out from, when it was."""
    roles = case.reading.roles if case.reading is not None else {}
    if roles.get("daily", 0) * WINDOW_DAYS == shipments:
        return {"daily": roles["daily"]}
    weekly = roles.get("weekly", 0)
    if weekly and abs(7 * shipments - weekly * WINDOW_DAYS) < 7:
        return {"weekly": weekly}
    return {}


_TRACKING_WORDS = lazy(r"track|追踪|跟踪|追蹤|单号|運單|运单|scan|扫描")


def _about_vtr(case: Case) -> bool:
    """Package figures are VTR's when no other metric is named first, or when VTR is named or
    tracking is what they count ("LSR is 3%, I shipped 500, 20 without tracking")."""
    if case.metric in (None, "vtr") or "vtr" in case.metrics:
        return True
    return bool(_TRACKING_WORDS.search(case.text))


_INVALID_ASKED = lazy(
    r"how many (?:(?!more\b)[a-z]+ ){0,3}?(?:invalid|bad|untracked|missing|defects?|without|lack|failed)|"
    r"(?:多少|几)[个单件]?(?:包裹|订单)?(?:是)?(?:无效|不合格|有问题|没有?(?:有效)?(?:追踪|单号))|"
    r"无效的?(?:有|是)?(?:多少|几)"
)
"""The invalid packages counted, asked of a rate and a total ("how many bad ones is that?")."""
_MORE_BEFORE = lazy(r"再|还能|还可以|最多|多")


def _asks_invalid_count(text: str) -> bool:
    """The invalid ones there are, not how many more it can take ("还能再有几个无效")."""
    return any(
        not _MORE_BEFORE.search(text[max(0, m.start() - 4) : m.start()])
        for m in _INVALID_ASKED.finditer(text)
    )


_MARGIN = lazy(
    r"how many more (?:invalid|bad|untracked|defects?|can|could|before)|"
    r"before (?:i|it|we) (?:drop|fall|go)|no longer above|"
    r"(?:drop|fall|go) below|还能(?:再)?(?:有|错|丢|坏)几|最多还能|再(?:有|多|来|出)?几[个单件].{0,8}(?:掉|不达标|低于|跌)|"
    r"how many (?:more )?(?:can|could) (?:i|we|it) (?:still )?(?:lose|miss|afford|take|spare)|"
    r"\b(?:room|slack|margin|buffer|headroom|leeway)\b|余量|还能(?:再)?(?:丢|错|坏|漏)(?:多少|几)|"
    r"再(?:坏|错|丢|有|漏)(?:多少|几)[个单件]?(?:就|会|才)"
)
"""How many more invalid packages a passing group can take ("how many more before I drop
below?", "还能再有几个无效")."""
_NEW_SHIPMENTS = lazy(
    r"\bnew (?:valid |good |tracked )?(?:shipments|packages|orders|parcels|ones)|"
    r"\b(?:ship|send|sell) (?:more|another|extra)|(?:more|extra) (?:valid |good )?(?:shipments|packages|orders|parcels) "
    r"(?:do|would|should|must) (?:i|we) (?:ship|send)|"
    r"(?:再|还要|还得|需要|要)(?:再)?(?:发|寄|出)(?:多少|几)|多发(?:多少|几)|新(?:发的?)?(?:有效)?(?:包裹|订单|单)|"
    r"(?:不改|不修|不动)(?:旧|之前|以前|老)|without (?:fixing|correcting|touching) (?:the )?(?:old|existing|past)"
)
"""Asked how many new valid packages lift the rate, the old ones left as they are."""
_STATED_FIXES = lazy(
    r"(?:fix|修好?|补|改)\s*(\d+)|(\d+)\s*(?:packages? |个|单|件)?(?:to fix|要修|需要修|待修|要补)"
)
_EFFECT = lazy(r"影响|affect")
"""Asked whether something affects VTR: the verdict line answers, a yes or no would not
say which way."""


_NO_NAME = lazy(
    r"^(?:my|our|the|我的|我们的?)?\s*(?:numbers?|figures?|stats?|data|situation|status|"
    r"数据|情况|状况|数字|(?:vtr )?defect report|(?:vtr ?)?缺陷报告|缺陷明细|update|更新)$"
)
_FIGURE_TAIL = lazy(r"\s*(?:shipped|sent|total|valid|invalid|发货|发了|总数|有效|无效)$")


def _name(label: str) -> str:
    """A group's name from the words before a colon: none from a question ("how many do I
    have to fix:") or a word for figures ("my numbers:"); a role word it ends with is the
    figure's ("toys shipped: 75" names "toys")."""
    label = _FIGURE_TAIL.sub("", label.strip())
    if _ASKING.search(label) or _NO_NAME.match(label):
        return ""
    return label


def _count_verdict(case: Case, facts: dict[str, Fact]) -> bool | None:
    """The yes or no on counts: a fix count the seller states is checked against the
    fewest-fixes rule ("still 4 to fix, right?"); otherwise pass or fail as asked."""
    if "margin" in facts:
        return None  # "how many more can it take?": the room left is the answer, no yes or no
    if "change" in facts and len(QUESTION_SENTENCE.findall(case.text)) > 1:
        return None  # "现在达标吗？如果再坏2个呢？": now and then asked apart, both figures said
    if _SUSPENSION.search(case.text):
        return None  # "will Amazon suspend me?": VTR restricts a category, never the account
    stated = _STATED_FIXES.search(case.text) if case.belief else None
    if stated and "change" not in facts:
        return int(next(g for g in stated.groups() if g)) == facts["needed"]
    if _EFFECT.search(case.text) and not _FAIL_WORDS.search(case.text):
        return None
    if not _asked_of_the_figures(case.text):
        return None  # "190 of 200, will my other categories be restricted?": asked of others
    return _passes_asked(case, bool(facts["above"]))


def _counts_unclear(case: Case) -> Decision | None:
    """ "200 shipped, 190 valid and 15 invalid": figures whose roles contradict each other
    are not worked out into a confident figure; the reply says what does not fit and what
    is needed instead."""
    reading = case.reading
    if reading is None or not reading.unclear or case.counts is not None:
        return None
    if case.metric not in (None, "vtr") or one_order_only(case.text):
        return None  # "一单两件分开发": one order's items and boxes, no window's totals
    facts: dict[str, Fact] = {role: value for role, value in reading.roles.items()}
    if reading.stated_rate is not None:
        facts["stated_rate"] = f"{reading.stated_rate:g}"
    return Decision(code="counts_unclear", facts=facts, entry="vtr-formula")


def _supposed(case: Case) -> dict[str, Fact]:
    """A hypothetical's change ("if I fix 3", "再有2个变无效") and the window as it is now:
    the verdict is on the supposed counts, the figures now follow it."""
    reading = case.reading
    if reading is None or reading.then is None or reading.now is None:
        return {}
    added = reading.then.shipments - reading.now.shipments
    change = reading.then.valid - reading.now.valid - added
    now: dict[str, Fact] = {
        "now_valid": reading.now.valid,
        "now_shipments": reading.now.shipments,
        "now_percent": percent_text(reading.now.valid, reading.now.shipments),
    }
    if added and not change:  # "if I ship 200 more valid ones": new packages, all valid
        return {"change": "new", "count": added, **now}
    if added and change == -added:  # "再来1个没追踪的": new packages, none of them valid
        return {"change": "new_invalid", "count": added, **now}
    return {"change": "fix" if change > 0 else "invalid", "count": abs(change), **now}


_MOST = lazy(
    r"\bmax(?:imum)?\b|\bmin(?:imum)?\b|at most|most|最多|至多|最少|至少|at least|\bfewest\b"
)
_ALLOWANCE = lazy(
    r"最多|至少|最少|允许|可以有|能有|还能|at most|at least|can (?:i |we )?have|allowed|\bmax(?:imum)?\b|"
    r"can (?:go|be|lack|miss|skip)|可以没有|能没有|可以不|"
    r"do i need|need to have|still pass|and still|to pass|minimum|must (?:have|be|carry)|"
    r"needs? (?:valid|tracking|to (?:have|be|carry))|have to (?:have|be)|required|"
    r"(?:需要|必须|得|要)有(?:几|多少)?[个单件]?有?(?:效|追踪|单号)|(?:几|多少)[个单件]?有效(?:才|就)"
)


_LIMIT_TALK = lazy(
    r"\b(?:need|needs|must|can|could|allowed|allow|afford|max|maximum|limit)\b|允许|只能|能有|可以有|"
    r"保持|才能|才可以|需要|必须|得有|要有|\bstay\b|\bkeep\b"
)
"""Words that make a stated "at most / at least" a limit to check, not a count told."""


def _stated_allowance(case: Case) -> Decision | None:
    """ "200单最多只能有9单没追踪，对吧", "we need at least 96 of 100 valid, yes?": a limit
    the seller states for a total, checked against the fewest valid that keep VTR above 95%
    (the bar's fewest fixes from none)."""
    reading = case.reading
    limit = stated_limit(case.text)
    if reading is None or limit is None or reading.then is not None:
        return None
    total = reading.roles.get("total")
    told = set(reading.roles) - {"total", "daily", "valid", "invalid", "unsure"}
    if total is None or told or case.metric not in (None, "vtr"):
        return None
    if not _LIMIT_TALK.search(case.text):
        return None
    fewest_valid = fixes_needed(total, 0)
    facts: dict[str, Fact] = {
        "shipments": total,
        "valid": fewest_valid,
        "invalid": total - fewest_valid,
    }
    kind, stated = limit
    agrees = stated == (fewest_valid if kind == "valid" else total - fewest_valid)
    return Decision(code="allowance", facts=facts, agrees=agrees, entry="vtr-threshold")


def _allowance(case: Case) -> Decision | None:
    """ "我要发100单，最多可以有几单没有追踪号", "how many valid do I need out of 120": of a
    total, the fewest valid (and so the most invalid) packages that keep VTR above 95%."""
    roles = case.reading.roles if case.reading else {}
    told = set(roles) - {"daily"}
    total = case.total
    if told == set() and roles.get("daily"):
        total = roles["daily"] * WINDOW_DAYS  # "we ship about 25 a day": the window's total
    elif told != {"total"}:
        return None
    if case.counts is not None or total is None:
        return None
    asked = case.how_many or _MOST.search(case.text)
    if not asked or case.metric not in (None, "vtr") or not _ALLOWANCE.search(case.text):
        return None
    fewest_valid = fixes_needed(total, 0)
    facts: dict[str, Fact] = {
        "shipments": total,
        "valid": fewest_valid,
        "invalid": total - fewest_valid,
    }
    facts.update(_volume_told(case, total))
    return Decision(code="allowance", facts=facts, entry="vtr-threshold")


def _needs_figures(case: Case) -> Decision | None:
    """ "I shipped 200 packages, am I ok?": one figure cannot be decided; say which two are
    needed rather than guess."""
    if case.counts is not None or case.rate is not None or not case.one_figure:
        return None
    if case.metric not in (None, "vtr") or not _ASKS_PASS.search(case.text):
        return None
    fixes_told = case.reading is not None and "to_fix" in case.reading.roles
    if not case.concepts & {"vtr", "trackingid"} and not fixes_told:
        return None  # "再修3个能到95%以上吗": fixes supposed of figures not told
    return Decision(code="needs_figures", entry="vtr-formula")


def _states_own_rate(case: Case) -> bool:
    """ "我的VTR是94.8%", "VTR sitting at 94.9": a VTR told without a question (one that asks
    something else, "can I still sell FBA?", gets its own answer); the rate read is already
    not the bar's own figure."""
    vtr = case.metric == "vtr" or (case.metric is None and bool(_BARE_RATE.search(case.text)))
    return vtr and not asks(case.text)


_ABOUT_CARRIER = lazy(r"carrier|承运商|物流商|\bother\b|其他|其它")
_ABOUT_RATE = lazy(r"vtr|rate|率|%|\bi\b|\bmy\b|我")


def _asks_about_the_carrier(case: Case) -> bool:
    """ "…VTR is 88%. Is the Other carrier the problem?": the question is the carrier's,
    the rate is the story; a verdict on the rate would answer what was not asked."""
    asked = QUESTION_SENTENCE.findall(case.text)
    return bool(asked) and all(
        _ABOUT_CARRIER.search(s) and not _ABOUT_RATE.search(s) for s in asked
    )


_CONSEQUENCE = lazy(
    r"what (?:will |would )?happens?|consequence|会怎样|会怎么样|会有什么|什么后果|后果|有什么影响|会被"
)


def _names_a_category(case: Case) -> bool:
    """ "Toys shows 95%", "园艺 96%": a product category's rate is its VTR, the only rate
    this bot judges per category."""
    return any(
        name in case.text
        if not name.isascii()
        else bool(re.search(rf"\b{re.escape(name)}\b", case.text))
        for names in category_aliases()
        for name in names
    )


_BARE_RATE = lazy(r"\b(?:my|our|the) rate\b|我的?率|(?:^|[^\u4e00-\u9fff])率")
"""A rate the seller names without a metric ("my rate is 95 flat"): in this bot, their VTR."""


_BAR_ASKED = lazy(
    r"要多少|要求多少|需要多少|标准是多少|门槛是多少|what(?:'s| is) the (?:bar|target|threshold|minimum)|"
    r"how (?:high|much) (?:does it|do i|should it) need"
)
"""The bar asked beside a rate told ("VTR要多少？我现在94%"): the verdict on the rate too."""
VTR_RANGE = 50.0
_FORM = frozenset({"whatis", "why", "howto", "window", "threshold", "drop"})


def _vtr_rate(case: Case) -> Decision | None:
    if case.rate is None or case.metric not in (None, "vtr") or _asks_about_the_carrier(case):
        return None
    consequence = bool(_CONSEQUENCE.search(case.text))
    asked = _ASKS_PASS.search(case.text) or _states_own_rate(case) or case.what_to_do
    if not (asked or consequence or _BAR_ASKED.search(case.text)):
        return None
    named = case.concepts & {"trackingid", "threshold", "drop", "invalid", "category"}
    # "Is 96% ok?": a rate in VTR's range asked about, no metric named, in this bot is VTR.
    bare = _ASKS_PASS.search(case.text) and case.rate >= VTR_RANGE and not case.belief
    bare = bare and not case.concepts - _FORM
    if case.metric is None and not (
        named or _BARE_RATE.search(case.text) or _names_a_category(case) or bare
    ):
        return None
    rate = Fraction(str(case.rate))
    above = is_above(rate, 100)
    facts: dict[str, Fact] = {"percent": f"{case.rate:g}", "above": above}
    entry = "vtr-below-95" if not above and case.what_to_do else "vtr-threshold"
    if consequence and not above and not case.what_to_do:
        entry = "vtr-consequences"  # "VTR 93%, what happens?": the verdict, then what follows
    return Decision(code="vtr_rate", facts=facts, agrees=_passes_asked(case, above), entry=entry)


_BOUND_AFTER = lazy(
    r"^\s?(?:(以上|或以上|及以上|or more|or higher|or above|and up|plus)|(以下|以内|或以下|or less|or lower|or under))"
)


def _bound_said(text: str, figure: re.Match[str]) -> str | None:
    """ "above" or "below", as said of the figure itself ("under 4%", "4%以下"), not of a
    window elsewhere ("under 4% … over 10 and 30 days")."""
    after = _BOUND_AFTER.search(text[figure.end() :])
    if after:
        return "above" if after.group(1) else "below"
    before = text[max(0, figure.start() - BOUND_REACH) : figure.start()]
    above = [m.end() for m in _SAYS_ABOVE.finditer(before)]
    below = [m.end() for m in _SAYS_BELOW.finditer(before)]
    if not (above or below):
        return None
    return "above" if max(above, default=-1) > max(below, default=-1) else "below"


BOUND_REACH = 16
"""How far before a figure its "above"/"below" word is looked for (characters)."""
_WHICH_METRIC = lazy(r"which (?:metric|one|rate)|what metric|哪个指标|哪个有问题|哪个不行|哪一个")


def _unnamed_rate(case: Case) -> Decision | None:
    """ "my rate is 4%, which metric is bad?", "I'm at 3.5%, is that a problem?": a rate far
    from VTR's range with no metric named does not say which metric it is; it is set
    against each target instead of being judged as VTR."""
    if case.rate is None or case.metric is not None or case.rate >= VTR_RANGE:
        return None
    if case.counts is not None or len(case.metric_rates) > 1 or _names_a_category(case):
        return None
    if case.concepts & {"trackingid", "invalid", "scan", "unconfirmed", "category"}:
        return None
    if not (_ASKS_PASS.search(case.text) or _WHICH_METRIC.search(case.text)):
        return None
    if _TARGET_TALK.search(case.text):
        return None  # "which metric must stay under 2.5%?": a target, the metric asked by it
    rate = Fraction(str(case.rate))
    facts: dict[str, Fact] = {"percent": f"{case.rate:g}"}
    for metric in metrics().values():
        target = Fraction(str(metric.target))
        facts[f"ok_{metric.id}"] = rate > target if metric.good == "above" else rate < target
    return Decision(code="rate_unnamed", facts=facts, entry="metrics-overview")


_PENALTY_ASKED = lazy(
    r"封号|封店|封账号|封掉|被封|会封|要封|封(?:我|整)|关店|停用|冻结|处罚|惩罚|罚款|被限制|"
    r"suspend|suspension|\bban(?:ned)?\b|deactivat|penal|shut (?:me |it )?down|"
    r"close (?:my|the) (?:account|store|shop)|lose (?:my )?(?:account|selling)|"
    r"会怎(?:么)?样|会如何|会有什么后果|什么后果|有何后果|后果|"
    r"what (?:happens|will happen|would happen|happened)|happens? (?:if|when)|consequences?"
)
"""A penalty asked of a metric ("迟发率超过4%会被封号吧", "will I get suspended"), or what
follows a miss in any words ("ODR超过1%会怎样", "what happens if my LSR is over 4%")."""
_NO_PENALTY = lazy(
    r"不会(?:被)?(?:封|处罚|限制|停用|冻结)|不(?:会)?被封|不封|不处罚|"
    r"(?:won't|will not|wouldn't|can't|cannot|doesn't|does not|don't|isn't|not) "
    r"(?:get |be |lead to |mean |cause )?(?:\w+ ){0,2}(?:suspen|ban|penal|deactivat|restrict)|"
    r"no (?:suspension|penalt)"
)
"""The belief that no penalty follows ("OTDR低于90%不会被封吧")."""
_EITHER_WAY = lazy(r"([\u4e00-\u9fff])不\1|\b(?:whether )?or not\b")
"""A-not-A ("会不会被封"): a question's either-way words, no belief that nothing follows."""


def _metric_consequence(case: Case) -> Decision | None:
    """ "准时交货率不到90%会被封号吧", "my ODR is 1.5%, will I get suspended?": a penalty
    asked of another metric than VTR is what follows a miss, not whether a rate passes.
    OTDR's target is no enforced bar (metrics.yaml), so the belief in a suspension is
    wrong; for LSR, PFCR and ODR the sources give no consequence, so the reply says that
    and gives no verdict. A rate of theirs (not the target itself) is judged after it."""
    if len(case.metrics) != 1 or case.metric == "vtr" or not _PENALTY_ASKED.search(case.text):
        return None
    metric = metrics()[str(case.metric)]
    facts: dict[str, Fact] = {"metric": metric.id, "enforced": metric.enforced is not False}
    if case.rate is not None and case.rate != metric.target:
        rate, target = Fraction(str(case.rate)), Fraction(str(metric.target))
        facts["percent"] = f"{case.rate:g}"
        facts["ok"] = rate > target if metric.good == "above" else rate < target
    no_penalty = bool(_NO_PENALTY.search(_EITHER_WAY.sub("", case.text)))
    agrees = no_penalty if metric.enforced is False else None
    return Decision(
        code="metric_consequence", facts=facts, agrees=agrees, entry=METRIC_ENTRIES[metric.id]
    )


def _metric_rate(case: Case) -> Decision | None:
    if case.rate is None or case.metric in (None, "vtr") or not _ASKS_PASS.search(case.text):
        return None
    metric = metrics()[case.metric]
    if case.rate == metric.target and not case.own and _TARGET_TALK.search(case.text):
        return None  # the target itself, named as the target: a question about the bar
    if case.rate == metric.target and _SUPPOSED_CROSSING.search(case.text):
        return None  # "if OTDR goes under 90%": the target supposed crossed, no rate of theirs
    rate = Fraction(str(case.rate))
    target = Fraction(str(metric.target))
    ok = rate > target if metric.good == "above" else rate < target
    facts: dict[str, Fact] = {"metric": metric.id, "percent": f"{case.rate:g}", "ok": ok}
    return Decision(
        code="metric_rate",
        facts=facts,
        agrees=_passes_asked(case, ok),
        entry=METRIC_ENTRIES[metric.id],
    )


_SUPPOSED_CROSSING = lazy(
    r"\b(?:if|once|when|whenever)\b[^.?!,]{0,30}\b(?:goes|go|drops?|falls?|dips?|gets?|is|are)\s"
    r"(?:under|below|over|above)|(?:如果|要是|一旦|万一)[^，,。?？]{0,16}(?:低于|高于|跌破|掉到|超过)"
)
"""A target supposed crossed ("if OTDR goes under 90%"): a question about what follows."""
_TARGET_TALK = lazy(
    r"要求|目标|标准|门槛|考核|必须|(?:要|得|须|需要?|应该?)(?:高于|低于|超过|大于|小于|不低于|不超过)|"
    r"target|threshold|\bbar\b|require|must|needs? to|"
    r"就行|就可以|就够|即可|就算达标|就没问题|就安全|就稳|才算|才能过|才达标|才行|至少要|is enough|is fine|will do|suffices|"
    r"\bneeded\b|\brequired\b|\bto pass\b|"
    r"ha(?:s|ve) to|should (?:be|stay)|stay (?:under|below|above)|keep (?:it )?(?:under|below|above)"
)
_OVER_95 = lazy(
    r"(?:above|over|higher than|greater than|more than|高于|超过|大于)\s?95(?:\.0+)?\s?%"
)
_PASSES = lazy(r"\bpass(?:es|ing)?\b|\bok\b|\bfine\b|\bsafe\b|达标|合格|过关")
_LIKENED_TO_THE_BAR = lazy(
    r"也是|也要|也得|也需要|也一样|同样是|一样是|\balso\b|\btoo\b|\bas well\b|same"
)
_ONES_OWN = lazy(
    r"我的|我们的?|我家|我现在|目前|现在|\b(?:my|our|mine|ours|i'm|we're|i am|we are|i have|we have|currently|now)\b"
)


def _talks_of_a_target(text: str, metric: str) -> bool:
    """A figure said as a metric's target: in target words, or another metric's figure asked
    "also" of a metric not the seller's own ("准时交货率也是95%吗": VTR's 95% likened to it)."""
    if _TARGET_TALK.search(text):
        return True
    if _OVER_95.search(text) and _PASSES.search(text):
        return True  # "anything over 95% passes": the bar said as what passes
    return metric != "vtr" and bool(_LIKENED_TO_THE_BAR.search(text)) and not _ONES_OWN.search(text)


_LIKE_ANOTHER = lazy(
    r"same as|just like|\blike\b|as with|跟[^，,。]{0,12}一样|和[^，,。]{0,12}一样|同样"
)
_SAYS_ABOVE = lazy(r"高于|超过|大于|以上|above|over|more than|at least|higher")
_SAYS_BELOW = lazy(r"低于|小于|不超过|以下|以内|below|under|less than|lower|at most")
_FIGURE = lazy(r"(?<![\d.])(\d{1,3}(?:\.\d+)?)\s?%")


_BAR_NUMBER = lazy(r"(?<![\d.])(\d{2,3}(?:\.\d+)?)\s?%?(?![\d.])")
_DENIES_NUMBER = lazy(
    r"(?:\bnot|isn't|rather than|instead of|而不是|不是|并非)\s?(?:(?:above|over|under|below|高于|低于)\s?)?$"
)
_OR_MORE = lazy(
    r"or (?:more|above|higher|equal)|at least|及以上|或以上|以上就|大于等于|>=|≥|不低于"
)
_SELLER_RATE = lazy(
    r"\bmy\b|\bour\b|\bmine\b|i'm at|we're at|我的|我们的|我现在|店铺|category|类目|品类"
)


def _bar_beside_a_denied_one(case: Case) -> Decision | None:
    """ "the bar is above 95, not 90, right?", "VTR要高于95%，而不是90%吧": VTR's bar stated
    beside one denied, checked against metrics.yaml (95% and the "or more" forms by the
    strict bar); with or without % signs, the seller's own rate never read into it."""
    vtr = case.metrics == ("vtr",) or (not case.metrics and "threshold" in case.concepts)
    if not vtr or not _TARGET_TALK.search(case.text) or _SELLER_RATE.search(case.text):
        return None
    numbers = list(_BAR_NUMBER.finditer(case.text))
    denied = [n for n in numbers if _DENIES_NUMBER.search(case.text[: n.start()])]
    stated = [n for n in numbers if n not in denied]
    if not denied or len(stated) != 1 or case.counts is not None:
        return None
    figure = float(stated[0].group(1))
    target = metrics()["vtr"].target
    below = _bound_said(case.text, stated[0]) == "below"
    agrees = figure == target and not below and not _OR_MORE.search(case.text)
    facts: dict[str, Fact] = {"metric": "vtr", "stated": f"{figure:g}"}
    return Decision(code="metric_target", facts=facts, agrees=agrees, entry="vtr-threshold")


def _metric_target(case: Case) -> Decision | None:
    """ "迟发率是不是也要高于95%", "is the ODR target 2%?": a target stated for one metric,
    checked against metrics.yaml (VTR's own 95% is the claims table's, since "95% is
    enough" turns on "strictly above")."""
    figure = _affirmed_figure(case.text)
    # "the bar is 90% for Japan": the bar, named without a metric, is VTR's.
    # "anything over 95% passes, right?": 95% said as a line to be above is VTR's bar too.
    bar = "threshold" in case.concepts or _OVER_95.search(case.text)
    named = case.metrics or (("vtr",) if bar else ())
    if not named or figure is None or not _talks_of_a_target(case.text, named[0]):
        return None
    if len(case.metrics) > 1 and not _LIKE_ANOTHER.search(case.text):
        return None  # "VTR和LSR分别要多少": each one's own target, _metrics_named's case
    # "LSR must stay under 2.5%, same as the cancel rate": the figure is said of the first
    # metric named; the other is what it is likened to.
    metric = metrics()[named[0]]
    stated = float(figure.group(1))
    if metric.id == "vtr" and stated == metric.target:
        return _vtr_bar_stated(case, figure)
    said = _bound_said(case.text, figure)
    agrees = stated == metric.target and said in (None, metric.good)
    if _denied(case.text, figure):  # "LSR的标准不是4%吧": the figure stated is denied
        agrees = not agrees
    facts: dict[str, Fact] = {"metric": metric.id, "stated": f"{stated:g}"}
    likened = [m for m in named[1:] if metrics()[m].target == stated]
    if likened and not agrees:
        facts["likened"] = likened[0]  # "same as the cancel rate": whose figure it is
    return Decision(
        code="metric_target", facts=facts, agrees=agrees, entry=METRIC_ENTRIES[metric.id]
    )


def _vtr_bar_stated(case: Case, figure: re.Match[str]) -> Decision | None:
    """ "VTR must be above 95%, right?", "VTR要高于95%对吧": VTR's bar said as the rule says
    it, strictly above, with nothing else in it (another metric, a marketplace) to judge.
    "At least" and "95% is enough" are the claims table's, which turns on "strictly"."""
    if not case.belief or len(case.metrics) > 1 or case.markets or _OR_MORE.search(case.text):
        return None
    if len(_FIGURE.findall(case.text)) > 1:
        return None  # "VTR must be above 95%, is 95% fine?": a rate asked beside the bar
    if _bound_said(case.text, figure) != "above" or _denied(case.text, figure):
        return None
    facts: dict[str, Fact] = {"metric": "vtr", "stated": f"{figure.group(1)}"}
    return Decision(
        code="metric_target", facts=facts, agrees=not case.negated, entry="vtr-threshold"
    )


_WHICH_METRIC = lazy(r"\bwhich\b|哪个|哪一个|哪项|哪一项|是哪")
_A_METRIC_ASKED = lazy(
    r"(?:哪个|哪一个|哪项|什么)\s?指标|\bwhich (?:metric|rate)\b|\bwhat(?:'s| is) the [\d.]+\s?% "
    r"(?:metric|rate|one)\b|\bwhich one\b[^?？]{0,30}\bmetric\b"
)


def _metric_by_target(case: Case) -> Decision | None:
    """ "VTR or ODR, which has the 1% target?", "迟发率和取消率哪个是2.5%": the metric whose
    own target (metrics.yaml) is the figure asked, named first, whichever of the named
    ones it is (or none of them: then the one it belongs to)."""
    figure = _FIGURE.search(case.text)
    # "哪个指标要求低于1%", "what's the 2.5% metric": no metric named, a metric asked for.
    unnamed = not case.metrics and _A_METRIC_ASKED.search(case.text)
    if figure is None or not (len(case.metrics) >= 2 or unnamed):
        return None
    denied = _denied_metrics(case)
    if not (_WHICH_METRIC.search(case.text) or unnamed or denied):
        return None
    if case.metric_rates or case.counts is not None:
        return None  # each metric's own rate stated: _metric_rates judges them
    stated = float(figure.group(1))
    owners = [m.id for m in metrics().values() if m.target == stated]
    if len(owners) != 1:
        return None
    facts: dict[str, Fact] = {
        "metric": owners[0],
        "stated": f"{stated:g}",
        "metrics": ",".join(m for m in case.metrics if m != owners[0]),
        "named": owners[0] in case.metrics or not case.metrics,
    }
    # "PFCR is the 2.5% one, not LSR": the metrics not denied are the ones stated.
    stated_ones = [m for m in case.metrics if m not in denied]
    agrees = (owners[0] in stated_ones) if denied and len(stated_ones) == 1 else None
    return Decision(
        code="metric_by_target", facts=facts, agrees=agrees, entry=METRIC_ENTRIES[owners[0]]
    )


_DENIES_NEXT = lazy(r"(?:\bnot|isn't|rather than|instead of|而不是|不是|并非)\s?(?:the\s)?$")


def _denied_metrics(case: Case) -> set[str]:
    """The metrics a "not" / 不是 stands right before ("…, not LSR", "不是迟发率")."""
    return {m for at, m in case.metrics_at if _DENIES_NEXT.search(case.text[max(0, at - 14) : at])}


def _affirmed_figure(text: str) -> re.Match[str] | None:
    """The percentage a question states, not one it denies ("1%, not 4%", "低于4%，不是2.5%"):
    the first not right after a "not"; the first at all when every one is denied."""
    figures = list(_FIGURE.finditer(text))
    affirmed = [f for f in figures if not _denied(text, f)]
    chosen = affirmed or figures
    return chosen[0] if chosen else None


def _denied(text: str, figure: re.Match[str]) -> bool:
    """A "not" / 不是 right before the figure (the denial ends on its first digit)."""
    return any(m.end() == figure.start() + 1 for m in _NOT_THE_FIGURE.finditer(text))


_NOT_THE_FIGURE = lazy(
    r"不是\s?(?:低于|高于)?\s?\d|(?:isn't|is not|not)\s(?:(?:under|below|above|over)\s)?\d"
)


def _metric_window(case: Case) -> Decision | None:
    """ "订单缺陷率是按90天算的吧", "VTR is a 7-day metric like the cancel rate?": each window
    stated for a metric, against metrics.yaml; the reply names the first metric it is wrong
    for. VTR named alone is the claims table's (its claims word the promised-date keying)."""
    windows = case.stated_windows
    if not windows or case.counts is not None or case.rate is not None:
        return None
    if len(case.metrics) == 1 and case.metrics[0] == "vtr":
        return None
    wrong = [(m, days) for m, days in windows if days not in metrics()[m].days]
    metric_id, days = (wrong or list(windows))[0]
    facts: dict[str, Fact] = {"metric": metric_id, "stated": str(days)}
    return Decision(
        code="metric_target", facts=facts, agrees=not wrong, entry=METRIC_ENTRIES[metric_id]
    )


_DENIED_DAYS = lazy(
    r"(?:\bnot|isn't|rather than|instead of|而不是|(?<!是)不是|并非)\s?(?:(?:the|last|just|only|按|算|看|是|最近)\s?)*"
    r"(\d{1,3}(?:\s?(?:天|日|days?))?(?:\s?(?:,|/|or|and|nor|或者?|和|、|也不是|还是)\s?\d{1,3}"
    r"(?:\s?(?:天|日|days?))?)*)"
)
_DAYS = lazy(r"(?<![\d.])\d{1,3}(?![\d.%])")


def _vtr_window_stated(case: Case) -> Decision | None:
    """ "VTR's window is 30 days, right? not 60 or 90": one window stated for VTR and the
    others denied, against metrics.yaml; the denied figures are no counts and their "not"
    no negation of the belief."""
    about_days = case.stated_windows or "window" in case.concepts
    if not about_days or case.metrics not in ((), ("vtr",)):
        return None
    denied_spans = [m.span(1) for m in _DENIED_DAYS.finditer(case.text)]
    if not denied_spans:
        return None
    stated = [
        int(m.group(1))
        for m in _WINDOW_DAYS_STATED.finditer(case.text)
        if not any(start <= m.start() < end for start, end in denied_spans)
    ]
    denied = {int(d.group()) for a, b in denied_spans for d in _DAYS.finditer(case.text, a, b)}
    if len(set(stated)) != 1 or stated[0] in denied:
        return None
    counts = case.counts
    if counts is not None and not {counts.shipments, counts.valid} <= denied:
        return None  # the seller's own figures, told with a window: _vtr_counts's case
    days = metrics()["vtr"].days
    agrees = stated[0] in days and not denied & set(days)
    facts: dict[str, Fact] = {"days": days[0]}
    return Decision(code="vtr_window", facts=facts, agrees=agrees, entry="vtr-window")


_WINDOW_DAYS_STATED = lazy(r"(?<![\d.])(\d{1,3})\s?-?\s?(?:天|日|days?)(?!\s?(?:前|之前|以前|ago))")


_WHICH_ONE = lazy(
    r"the one (?:about|for|that|which|where|with)|the (?:metric|rate) (?:about|for|that|which)|"
    r"is (?:that|it|this) (?:about|for)|\bmeasures?\b|\bis about\b|\bis it about\b|"
    r"指的是|是管|管的是|是关于|衡量|考核的是|是看[^，,。?？]{0,12}的|是不是(?:就是)?(?:管|看)"
)


_COUNTED_WHERE = lazy(
    r"算在哪|算到哪|计入哪|归哪|属于哪|算哪个|算什么指标|影响哪|还是算|"
    r"\bwhich (?:metric|rate|one)\b|\b(?:count(?:s|ed)?|go(?:es)?|fall(?:s)?|belong(?:s)?) "
    r"(?:in|into|toward|towards|under|to|against) which\b|\bwhat (?:metric|rate)\b"
)
"""What is asked is the metric something counts toward ("A-to-Z算在哪个指标里", "算VTR还是
算ODR", "which metric do chargebacks go into")."""


def _metric_by_content(case: Case) -> Decision | None:
    """ "A-to-Z索赔算在哪个指标里", "是算VTR还是算ODR": the metric that counts what is named,
    by the concepts metrics.yaml gives each, whichever metrics the question names beside it."""
    asked = _A_METRIC_ASKED.search(case.text) or _COUNTED_WHERE.search(case.text)
    if not asked or case.counts is not None or case.metric_rates:
        return None
    owners = [m.id for m in metrics().values() if m.id != "vtr" and case.concepts & set(m.about)]
    if len(owners) != 1 or (case.metrics and owners[0] not in case.metrics):
        return None
    facts: dict[str, Fact] = {"metric": owners[0], "other": ""}
    return Decision(code="metric_identity", facts=facts, entry=METRIC_ENTRIES[owners[0]])


def _metric_identity(case: Case) -> Decision | None:
    """ "is LSR the one about uploading tracking numbers?", "迟发率是管追踪号的吗": what a
    metric counts, told by the concepts metrics.yaml gives each: that of another metric is a
    no (and names it), its own a yes."""
    if len(case.metrics) != 1 or not _WHICH_ONE.search(case.text):
        return None
    named = metrics()[case.metrics[0]]
    others = [m for m in metrics().values() if m.id != named.id and case.concepts & set(m.about)]
    own = bool(case.concepts & set(named.about))
    if own == bool(others):
        return None  # both or neither: the entry explains
    facts: dict[str, Fact] = {"metric": named.id, "other": others[0].id if others else ""}
    return Decision(code="metric_identity", facts=facts, agrees=own, entry=METRIC_ENTRIES[named.id])


_SAME_NAME = lazy(
    r"一个东西|一回事|同一个|一样吗|是一样的|相同|缩写|简称|全称|\bsame\b|stand for|stands for|"
    r"short for|abbreviation|another name|mean the same"
)


def _one_metric_two_names(case: Case) -> Decision | None:
    """ "is VTR the same as valid tracking rate?", "VTR和有效追踪率是一个东西吗": one metric
    named twice, by its abbreviation and by its name: yes, one metric."""
    if len(case.metrics) != 1 or not _SAME_NAME.search(case.text):
        return None
    metric = metrics()[case.metrics[0]]
    spellings = (metric.abbr.casefold(), metric.en.casefold(), metric.zh)
    if sum(name in case.text for name in spellings) < 2:
        return None
    facts: dict[str, Fact] = {"metric": metric.id}
    return Decision(
        code="metric_same", facts=facts, agrees=True, entry=METRIC_ENTRIES_WHAT[metric.id]
    )


_NAME_ASKED = lazy(
    r"全称|全名|英文名|英文全称|中文名|缩写|简称|stand(?:s)? for|full name|full form|abbreviat|short for|acronym"
)


def _metric_name(case: Case) -> Decision | None:
    """ "VTR英文全称是什么", "what does ODR stand for": one metric's name asked, answered
    with its name, target and window (not the carrier entry "英文" would reach)."""
    if (
        len(case.metrics) != 1
        or not _NAME_ASKED.search(case.text)
        or _SAME_NAME_PAIR.search(case.text)
    ):
        return None
    metric = case.metrics[0]
    return Decision(
        code="metrics_named", facts={"metrics": metric}, entry=METRIC_ENTRIES_WHAT[metric]
    )


_SAME_NAME_PAIR = lazy(r"一样|一回事|同一个|\bsame\b|identical")


def _metrics_named(case: Case) -> Decision | None:
    """ "VTR和LSR分别按多少天算": several metrics named, each one's own target and window
    (never the others' figures), then the entry of the one compared with VTR."""
    if len(case.metrics) < 2 or case.rate is not None:
        return None
    others = [m for m in case.metrics if m != "vtr"]
    entry = METRIC_ENTRIES["otdr" if "otdr" in others else others[0]]
    facts: dict[str, Fact] = {"metrics": ",".join(case.metrics)}
    if len(case.metrics) == 2 and _SAME.search(case.text):
        # "VTR是不是就是迟发率？": two metrics are never one; each has its own target.
        facts["same_asked"] = True
        return Decision(code="metrics_named", facts=facts, agrees=False, entry=entry)
    return Decision(code="metrics_named", facts=facts, entry=entry)


_LOWEST = lazy(r"\bminimum\b|\bmin\b|\blowest\b|最低|至少要多少|最少要多少")


def _lowest_allowed(case: Case) -> Decision | None:
    """ "the minimum VTR to keep selling", "VTR最低要多少": one metric's bar asked, which its
    target and window answer, whatever else the words touch (selling, restrictions)."""
    if len(case.metrics) != 1 or case.rate is not None or case.counts is not None:
        return None
    if not _LOWEST.search(case.text):
        return None
    metric = case.metrics[0]
    entry = "vtr-threshold" if metric == "vtr" else METRIC_ENTRIES[metric]
    return Decision(code="metrics_named", facts={"metrics": metric}, entry=entry)


SURELY_OUT_AFTER_DAYS = 60
"""A package shipped longer ago than this has its promised delivery date outside the
window too, however long its transit; between the two it has left the last 30 days by its
ship date, but a late promised date can keep it on Amazon's page a while."""
_ASKS_IN_WINDOW = lazy(
    r"算|计入|统计|影响|拉低|拖|还在|count|included|drag|pull|hurt|affect|still|in (?:the|my) vtr|window"
)


def _shipment_age(case: Case) -> Decision | None:
    """ "10天前发的包裹没传单号，还算VTR吗", "shipped 3 months ago, still hurting my VTR?":
    the package's age against the 30-day window. Between 30 and 60 days it is out of the
    last 30 days (the verdict), with a word that Amazon's page, keyed on the promised
    delivery date and about two weeks late, can show it a while longer."""
    age = case.age_days
    # "一单没传单号" is the one package asked about, not figures of a window.
    several = case.counts is not None and case.counts.shipments > 1
    if age is None or several or case.rate is not None:
        return None
    if not _ASKS_IN_WINDOW.search(case.text):
        return None
    inside = age <= WINDOW_DAYS
    facts: dict[str, Fact] = {"days": age, "inside": inside}
    facts["lately_out"] = WINDOW_DAYS < age <= SURELY_OUT_AFTER_DAYS
    agrees = inside != case.negated
    return Decision(code="shipment_age", facts=facts, agrees=agrees, entry="vtr-window")


def asks_pass_or_fail(text: str) -> bool:
    """The question asks whether figures pass or fail, in words that say which ("ok?",
    "达标吗", "am I cooked"), not only "what is it"."""
    return bool(_ASKS_PASS.search(text) or _FAIL_WORDS.search(text))


def _passes_asked(case: Case, passes: bool) -> bool:
    """The answer to "do I pass?" or to "am I below?", whichever the seller asked; words
    that suppose more invalid ("two more go bad, still ok?") ask nothing, nor do questions
    about what else is hit ("…ok, and will other categories get restricted")."""
    asked = _asked_of_the_figures(_asked_sentences(case.text)) or case.text
    asked = _TOLD_BAD.sub(" ", _SUPPOSED_BAD.sub(" ", asked))
    asked = _A_NOT_A.sub(r"\1", asked)  # "够不够", "合不合格": asked both ways, no failing word
    asks_fail = bool(_FAIL_WORDS.search(asked))
    return passes != asks_fail


def _asked_sentences(text: str) -> str:
    """The sentences that ask ("…? Are we above the line now?"), when the seller marked
    them: what the told ones say ("corrected 4 of the bad ones") is no question's word."""
    asked = QUESTION_SENTENCE.findall(text)
    return " ".join(asked) if asked else text


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


def _asked_of_the_figures(text: str) -> str:
    """The clauses of a question that ask something of the seller's own figures: a clause
    asking whether other categories, FBA or the whole account are hit is left out; empty
    when only such a clause asks."""
    clauses = [c for c in _ASKED_PIECE.split(text) if c and c.strip()]
    own = [c for c in clauses if not _ABOUT_OTHERS.search(c.casefold())]
    if len(own) == len(clauses):
        return text
    asking = any(asks(c) or _ASKS_PASS.search(c.casefold()) for c in own)
    return " ".join(own) if asking else ""


_TOLD_BAD = lazy(
    r"\d[\d,]*\s*(?:个|单|件)?\s*(?:(?:of them|were|are|is|had|have|with|packages?|orders?|shipments?)\s+){0,2}"
    r"(?:bad|wrong|invalid|failed|defective|defects?|problems?|有问题|坏)"
)
"""Words that tell a figure ("80 packages, 4 bad"), not what is asked of it ("pass?")."""


_SUPPOSED_BAD = lazy(
    r"go(?:es)? bad|turns? (?:out )?(?:invalid|bad)|become (?:invalid|bad)|"
    r"more (?:invalid|bad|untracked|defects?)|变(?:成)?无效|再坏|又坏|"
    r"(?:might|may|could|will|would|going to|gonna|about to|likely to|expected to) (?:also )?"
    r"(?:fail|be (?:invalid|bad|defects?)|go bad|turn (?:out )?(?:invalid|bad))"
)


def _letter_outside_eu(case: Case) -> Decision | None:
    """ "Letters to the US under $20 are exempt too?": the letter exemption is the EU/UK
    update's only; a letter to another marketplace (Japan has its own value rule) counts."""
    codes = _involved(case)
    if not case.letter or not codes or case.currency == "JPY" or "JP" in codes:
        return None
    registry = marketplace_by_code()
    if any(registry[c].letter_rule or registry[c].eu_cross_border_rule for c in codes):
        return None
    facts: dict[str, Fact] = {"market": codes[-1]}
    return Decision(
        code="letter_outside_eu", facts=facts, agrees=not case.negated, entry="untracked-shipments"
    )


def _jp_letter(case: Case) -> Decision | None:
    """ "日本站小件用平邮，没单号，算不算": Japan's rule is the amount, not the service; a
    letter on Amazon.co.jp with no amount said gets both cases, no yes or no (with an amount
    in yen, `_jp_value` decides)."""
    if not case.letter or case.amount is not None or "JP" not in _involved(case):
        return None
    if len(_involved(case)) > 1:
        return None  # a route through Europe as well: the EU letter rule may be the one asked
    return Decision(code="jp_letter", entry="japan-rules")


def _value_rules(case: Case) -> Decision | None:
    if case.amount is None or case.currency is None:
        return None
    if case.bound == "under" or (case.bound and case.amount == US_TWO_SCANS_FROM_USD):
        return _stated_limit(case)
    german = _involved(case) == ["DE"] or (not _involved(case) and "germany" in case.concepts)
    if (
        case.bound == "over"
        and case.amount == DE_DOMESTIC_COUNTS_OVER_EUR
        and case.domestic
        and german
    ):
        # "德国本地单超过15欧才算": the domestic rule's own limit, stated rightly.
        return Decision(code="de_domestic_rule", agrees=not case.negated, entry="eu-cross-border")
    # "超过20欧元的信件": an amount over a limit is decided as an order of that amount.
    if case.currency == "GBP" and (case.letter or "UK" in _involved(case)):
        return _uk_letter(case)
    return _jp_value(case) or _us_scans(case) or _de_domestic(case) or _eu_letter(case)


def _stated_limit(case: Case) -> Decision | None:
    """ "日本站1000日元以下的不算VTR，对吗": a rule's limit stated, checked against the rule."""
    if case.currency == "USD" and case.amount == US_TWO_SCANS_FROM_USD:
        return _us_rule(case)
    german = _involved(case) == ["DE"] or (not _involved(case) and "germany" in case.concepts)
    if case.currency == "EUR" and case.domestic and german:
        return _de_domestic_under(case)
    limits = {"JPY": ("jp_rule", JP_EXEMPT_LIMIT_JPY), "EUR": ("eu_rule", EU_LETTER_LIMIT_EUR)}
    if case.currency not in limits or case.bound != "under":
        return None
    code, limit = limits[case.currency]
    right_limit = case.amount == limit
    # The belief is "exempt" when it says 不算/exempt, else "counts"; a parcel service named
    # is never the EU letter exemption.
    says_exempt = case.negated and not NOT_EXEMPT.search(case.text)  # "aren't exempt" counts
    verdict: bool | None = right_limit and says_exempt and not (code == "eu_rule" and case.parcel)
    if not (case.belief or case.negated or _ASKS_COUNT.search(case.text)):
        verdict = None  # "Is EMS ok for Japan orders under 1000 yen?" asks neither way
    if code == "eu_rule" and _OUTSIDE_EU.search(case.text):
        verdict = False  # "…exempt even outside the EU": the letter rule is the EU/UK update's
    if code == "eu_rule" and verdict and (not case.letter or _WITH_VAT.search(case.text)):
        # "under €20 are exempt regardless of how I ship them", "…under €20 including VAT":
        # the exemption needs a letter service and counts the amount without VAT.
        verdict = False
    facts: dict[str, Fact] = {"amount": _money(case.amount), "limit": limit}
    entry = "japan-rules" if code == "jp_rule" else "eu-letter-under-20"
    return Decision(code=code, facts=facts, agrees=verdict, entry=entry)


_WITH_VAT = lazy(
    r"(?<!not )(?<!un)includ(?:ing|es|ed) (?:the )?vat|vat[- ]included|vat[- ]inclusive|\bincl\.? vat|"
    r"(?<!不)(?:含|包含|包括)(?:了)?(?:增值税|vat|税)"
)
"""The amount said with VAT in it (the EU letter limit is without VAT)."""
_LIMIT_ASKED = lazy(
    r"多少钱|多少欧|多少金额|多少以下|多少以内|多少之下|金额|价值|门槛|上限|限额|几欧|"
    r"how much|what amount|which amount|what value|what price|how many euros|how cheap|"
    r"threshold|limit|cut-?off|under what|below what|up to what"
)


def _letter_limit(case: Case) -> Decision | None:
    """ "多少钱以下的信件不算", "under what amount are letters exempt?": the letter
    exemption's limit asked, no amount given: the EU/UK rule stated, no yes or no."""
    if not case.letter or case.amount is not None or not _LIMIT_ASKED.search(case.text):
        return None
    registry = marketplace_by_code()
    codes = _involved(case)
    if codes and not any(
        registry[c].letter_rule or registry[c].eu_cross_border_rule for c in codes
    ):
        return None  # a letter to the US or Japan: not the EU/UK rule's
    return Decision(code="eu_rule", entry="eu-letter-under-20")


def _involved(case: Case) -> list[str]:
    codes = [m.code for m in case.markets]
    if case.origin and case.origin != "CN" and case.origin not in codes:
        codes.insert(0, case.origin)
    return codes


_NO_SCAN = lazy(
    r"不需要.{0,4}扫描|不用.{0,4}扫描|没有?(?:任何)?(?:的)?(?:承运商)?(?:扫描|揽收)|无扫描|未扫描|零扫描|"
    r"无需扫描|no (?:carrier )?scans?|zero scans?|\b0 scans?|don't need any|do not need any|"
    r"without (?:any )?scan|unscanned|never (?:been )?scanned|not (?:been )?scanned|"
    # No tracking at all is no scan: the rule's least is one carrier scan.
    r"need no tracking|no tracking (?:is )?(?:needed|required)|"
    r"(?:don't|do not|doesn't|does not) (?:even )?need (?:any |a )?tracking|"
    r"不(?:需要|用)(?:任何)?(?:有|上传|填)?(?:追踪|跟踪|单号)|免追踪"
)
_ONE_SCAN = lazy(
    r"(?:一|1)(?:次|个|条)[^，。,.]{0,4}扫描|one (?:[a-z-]+ )?scan|single (?:[a-z-]+ )?scan|1 (?:[a-z-]+ )?scan|"
    r"scanned once|only scanned at|只(?:有|扫)[^，。,.]{0,4}(?:一|1)(?:次|个|条)|"
    # "只有揽收扫描", "only the pickup scan": the first scan alone.
    r"只有?(?:揽收|收件|入库|上网|首次|第一次)(?:的)?扫描|仅有?(?:揽收|收件|入库|上网|首次)(?:的)?扫描|"
    r"only (?:has |had |got |shows? )?(?:a |the |an |one )?(?:pickup|pick-up|acceptance|origin|first) scan"
)


_TWO_SCANS = lazy(
    r"(?:两|2)\s?(?:次|条|个)[^，。,.]{0,4}扫描|two (?:carrier )?scans|2 (?:carrier )?scans|second scan|scanned twice"
)


def _us_rule(case: Case) -> Decision:
    """ "under $5 needs no scan?": the US-from-China scan rule, stated and checked."""
    if _NO_SCAN.search(case.text):
        agrees: bool | None = False
    elif _ONE_SCAN.search(case.text):
        agrees = case.bound == "under"
    else:
        agrees = None
    return Decision(code="us_rule", agrees=agrees, entry="us-from-china-scans")


def _jp_value(case: Case) -> Decision | None:
    if case.currency != "JPY" or ("JP" not in _involved(case) and "japan" not in case.concepts):
        return None
    exempt = value_exemption("JP", "JPY", case.amount or 0.0, case.letter) is not None
    facts: dict[str, Fact] = {"amount": _money(case.amount), "exempt": exempt}
    says_exempt = case.negated or bool(_FINE_UNTRACKED.search(case.text))
    return Decision(code="jp_value", facts=facts, agrees=exempt == says_exempt, entry="japan-rules")


_FINE_UNTRACKED = lazy(
    r"(?:没有?|不用|不需要|无|without|no)\s?(?:追踪|跟踪|单号|tracking)[^，,。?？]{0,8}"
    r"(?:没关系|没事|不要紧|无所谓|也行|也可以|可以吧|is fine|is ok|is okay|no problem)"
)
"""Untracked said to be fine ("没有追踪也没关系"): the order said to be exempt."""


_US_EXEMPT_ASKED = lazy(r"exempt|excluded|豁免|免除|不用算|不计入|不算")
_US_COUNT_ASKED = lazy(
    r"算不算|算vtr|计入|算吗|算进|\bdoes (?:it|that|this|the order) count|\bcounts?\b[^.?!]{0,20}[?？]|"
    r"\bcount(?:ed)? (?:toward|towards|in)\b"
)
"""Whether a US order is exempt or counts, asked: it counts whatever its value."""


def _us_scans(case: Case) -> Decision | None:
    if case.currency != "USD" or not ({"US"} & set(_involved(case)) or "us" in case.concepts):
        return None
    two = (case.amount or 0.0) >= US_TWO_SCANS_FROM_USD
    facts: dict[str, Fact] = {"amount": _money(case.amount), "two_scans": two}
    one_scan_said = bool(_ONE_SCAN.search(case.text))
    # At USD 5 itself the figure is the rule's limit ("$5 and up need two scans"): the claim's.
    at_limit = case.amount == US_TWO_SCANS_FROM_USD
    two_scans_said = bool(_TWO_SCANS.search(case.text)) and not at_limit
    # "one scan is enough?" is a yes under USD 5; "needs two scans?" a yes from USD 5.
    agrees = (not two) if one_scan_said else (two if two_scans_said else None)
    if agrees is None and _US_EXEMPT_ASKED.search(case.text):
        agrees = False  # "a $2 item to the US, is it exempt?": no US order is, by its value
    elif agrees is None and _US_COUNT_ASKED.search(case.text):
        agrees = True  # "美国站3美元的单算VTR吗": it counts
    if _NO_SCAN.search(case.text):
        agrees = False  # "3美元，没有扫描可以吗": every US order needs at least one scan
    return Decision(code="us_scans", facts=facts, agrees=agrees, entry="us-from-china-scans")


def _de_domestic_rule(case: Case) -> Decision | None:
    """ "德国境内的单超过多少欧元算VTR": the domestic rule's limit, without an order."""
    codes = _involved(case)
    if case.amount is not None or codes != ["DE"] or not case.domestic:
        return None
    # "German domestic orders never count, right?": those over EUR 15 do, so that is a no.
    agrees = False if case.negated else None
    return Decision(code="de_domestic_rule", agrees=agrees, entry="eu-cross-border")


def _de_domestic_under(case: Case) -> Decision:
    """ "德国境内15欧以下不算VTR吧": the sources say only that German domestic orders over
    EUR 15 count, nothing of the others; a limit above 15 said to exempt is wrong (an order
    of EUR 18 counts), one at or under 15 is neither confirmed nor denied."""
    if (case.amount or 0.0) > DE_DOMESTIC_COUNTS_OVER_EUR:
        agrees = False if case.negated else None
        return Decision(code="de_domestic_rule", agrees=agrees, entry="eu-cross-border")
    return Decision(code="de_domestic_unstated", entry="eu-cross-border")


def _domestic_elsewhere(case: Case) -> Decision | None:
    """ "意大利本土发货算VTR吗": domestic shipments in a European country other than Germany,
    of which the sources say nothing (the EU/UK update speaks of cross-border shipments and
    German domestic ones): said so, with no yes or no, not the bar for shipments from China."""
    codes = _involved(case)
    if not case.domestic or len(codes) != 1 or codes[0] == "DE" or case.abroad:
        return None
    market = marketplace_by_code()[codes[0]]
    if not (market.eu_cross_border_rule or market.letter_rule):
        return None
    return Decision(
        code="domestic_unstated", facts={"market": market.code}, entry="eu-cross-border"
    )


def _de_domestic(case: Case) -> Decision | None:
    codes = _involved(case)
    if case.currency != "EUR" or codes != ["DE"] or case.abroad:
        return None  # "从德国发到奥地利" is cross-border: the letter rule decides it
    if not (case.domestic or (case.origin == "DE" and case.destination is not None)):
        return None  # "shipped from DE", the destination unsaid: cross-border or not, unknown
    if (case.amount or 0.0) <= DE_DOMESTIC_COUNTS_OVER_EUR:
        return Decision(code="de_domestic_unstated", entry="eu-cross-border")
    counts = (case.amount or 0.0) > DE_DOMESTIC_COUNTS_OVER_EUR
    facts: dict[str, Fact] = {"amount": _money(case.amount), "counts": counts}
    return Decision(
        code="de_domestic", facts=facts, agrees=counts != case.negated, entry="eu-cross-border"
    )


_NO_TRACKING_GIVEN = lazy(
    r"没(?:有)?(?:上传|填|传|加|录|给)|未(?:上传|填|添加)|漏(?:填|传)|没有?(?:追踪|跟踪)(?!率)|无(?:追踪|跟踪)(?!率)|没单号|"
    r"no tracking|without (?:any )?tracking|untracked|(?:never|didn't|did not|not) (?:\w+ )?"
    r"(?:upload|add|enter|provide|give)(?:ed)? (?:the |any )?tracking|tracking (?:was )?never"
)
"""The question says the package has no tracking: counted, it is then an invalid one."""


def _uk_letter(case: Case) -> Decision:
    """ "英国站平信寄的12英镑订单算不算VTR": the letter limit is in euros and no rate is applied
    offline; a pound amount surely under EUR 20 at any recent rate is exempt as a letter, one
    surely over counts, one near it depends on the day's rate (marketplaces.yaml's margins).
    The reply also says the report counts UK letters (docs/vtr-rules.md §4.2)."""
    uk = marketplace_by_code()["UK"]
    under, over = uk.letter_limit_surely_under, uk.letter_limit_surely_over
    stamp = "stamp" in case.concepts  # Royal Mail stamps: a rule of their own (claims table)
    if not case.letter or case.amount is None or under is None or over is None or stamp:
        return Decision(code="eu_rule", entry="eu-letter-under-20")
    band = "under" if case.amount <= under else ("over" if case.amount > over else "near")
    facts: dict[str, Fact] = {"amount": _money(case.amount), "band": band}
    asks_exempt = case.negated or bool(_UNDER_LIMIT_ASKED.search(case.text))
    agrees = None if band == "near" else (band == "under") == asks_exempt
    return Decision(code="uk_letter", facts=facts, agrees=agrees, entry="eu-letter-under-20")


def _eu_letter(case: Case) -> Decision | None:
    codes = _involved(case)
    eu = [c for c in codes if marketplace_by_code()[c].letter_rule]
    uk_rule = [c for c in codes if marketplace_by_code()[c].eu_cross_border_rule]
    # A letter priced in euros is the EU/UK update's case, whether or not a country is named.
    europe = eu or uk_rule or case.concepts & {"eu", "crossborder"} or (case.letter and not codes)
    if case.currency != "EUR" or not europe:
        return None
    # The EU/UK update's letter exception is one rule for the EU and the UK; the report's
    # registry flags only EU marketplaces' files, so a UK route is decided as the EU's.
    if case.bound == "over" and _ONLY.search(case.text) and not case.letter:
        return None  # "only orders over EUR 20 count": a belief of the claims table
    market = eu[-1] if eu else "DE"
    if case.domestic and codes == [market] and market != "DE" and not case.letter:
        return None  # "意大利本土发货": the update speaks of cross-border and German domestic only
    reason = value_exemption(market, "EUR", case.amount or 0.0, case.letter)
    exempt = reason is not None
    facts: dict[str, Fact] = {
        "amount": _money(case.amount),
        "exempt": exempt,
        "letter": case.letter,
        "route": " → ".join(codes),
    }
    asks_exempt = case.negated or bool(_UNDER_LIMIT_ASKED.search(case.text))
    return Decision(
        code="eu_letter", facts=facts, agrees=exempt == asks_exempt, entry="eu-letter-under-20"
    )


_UNDER_LIMIT_ASKED = lazy(
    r"(?:below|under|within|inside|less than|低于|不到|少于|在)\s*(?:the\s+)?(?:€|eur\s*)?20\b|"
    r"20\s*(?:€|eur(?:os?)?|欧元?)?\s*(?:以内|以下|之内|之下)"
)
"""The question asks whether the order is under the letter limit ("is it below the €20
line?", "在20欧以内吗"): a yes is the exemption, not that it counts."""


_COUNTS_ASKED = lazy(
    r"算|计入|计算|统计|考核|影响|要追踪|需要追踪|\bcount|includ|matter|affect|tracked|apply|applies"
)


def _eu_route(case: Case) -> Decision | None:
    """ "从法国发到西班牙的包裹要算VTR吗", "荷兰站发比利时的货算吗": a cross-border route to or
    from a country of the EU/UK update, with no amount given: it counts, unless it is an
    order under EUR 20 sent as Letter (so a letter without its amount gets no yes)."""
    if case.amount is not None or case.origin in (None, "CN") or case.destination is None:
        return None
    origin = marketplace_by_code().get(case.origin or "")
    if origin is None or origin == case.destination or not _COUNTS_ASKED.search(case.text):
        return None
    if not (origin.eu_cross_border_rule or case.destination.eu_cross_border_rule):
        return None
    facts: dict[str, Fact] = {"route": f"{origin.code} → {case.destination.code}"}
    agrees = None if case.letter else not case.negated
    return Decision(code="eu_route", facts=facts, agrees=agrees, entry="eu-cross-border")


_NOT_ONLY = lazy(r"not (?:just|only)|不只|不仅|不止|而且|as well|\btoo\b|也")
_SAID_NOT_COUNTED = lazy(
    r"不算|不计入|不用管|不考核|(?:don't|doesn't|do not|does not|won't) count|not counted|excluded"
)


def _eu_countries(case: Case) -> Decision | None:
    """ "波兰和瑞典的跨境单也算了吧", "Poland and Sweden cross-border orders count too?": the
    countries the EU/UK update names, with no route from one to another: each one's flag in
    the registry decides."""
    if "crossborder" not in case.concepts or not case.markets or case.amount is not None:
        return None
    if (case.origin and case.destination) or case.letter or not _COUNTS_ASKED.search(case.text):
        return None
    said = _NOT_ONLY.sub(" ", case.text)
    if not all(m.eu_cross_border_rule for m in case.markets):
        return None  # a country outside the update: the entries explain
    only = bool(_ONLY.search(said))  # "只算德国和法国的吗": the update names other EU countries too
    facts: dict[str, Fact] = {"named": ", ".join(m.code for m in case.markets), "only": only}
    agrees = not only and not _SAID_NOT_COUNTED.search(said)
    return Decision(code="eu_countries", facts=facts, agrees=agrees, entry="eu-cross-border")


_TYPED_HAN_NAME = lazy(
    r"(?:写了?|填了?|打了?|输入了?|写的是|填的是|typed(?: in)?|wrote|entered|put)\s*[「“\"'(（]?\s*"
    r"(?![的是成为])[\u4e00-\u9fff]{2,}"
)
"""A carrier's name typed in Han characters, said as typed ("选了Other然后写了云途物流")."""
_OTHER_PICKED = lazy(r"(?<![a-z])other(?![a-z])|其他|其它")


def _typed_in_chinese(case: Case) -> bool:
    said = _CHINESE_NAME.search(case.text)
    typed = _OTHER_PICKED.search(case.text) and _TYPED_HAN_NAME.search(case.text)
    return bool(said or (typed and case.carriers) or _han_carrier_typed(case))


_TYPING = r"(?:type|typing|typed|enter|entering|write|writing|put|写|填|打|输入|录)"


def _han_carrier_typed(case: Case) -> bool:
    """ "i can't just type 云途 in the carrier box": a carrier's Chinese name said as typed,
    right after the verb (not any Han words after 写, as in "填写追踪号")."""
    names = [a for c in case.carriers for a in (c.name, *c.aliases) if _HAN_NAME.fullmatch(a)]
    return any(
        re.search(
            rf"{_TYPING}(?:\s*(?:in|just|it as|as|成|了|上))?\s*[「“\"'(（]?\s*{re.escape(n)}",
            case.text,
        )
        for n in names
    )


_HAN_NAME = lazy(r"[\u4e00-\u9fff]{2,}")


def _carrier_chinese_name(case: Case) -> Decision | None:
    carrier_named = case.concepts & {"carrier"} or case.carriers or _OTHER_PICKED.search(case.text)
    if not _typed_in_chinese(case) or not carrier_named:
        return None
    facts: dict[str, Fact] = {"carrier": case.carriers[0].name if case.carriers else ""}
    # "can I type it in Chinese?" is a no; "typed in Chinese it is invalid, right?" a yes, and
    # so is "is that a problem?" / "有影响吗".
    problem_asked = bool(_MISMATCH_FAILS.search(case.text)) and not _ASKS_OK.search(case.text)
    says_invalid = bool(_SAYS_INVALID.search(case.text)) or problem_asked
    return Decision(
        code="carrier_chinese_name", facts=facts, agrees=says_invalid, entry="carrier-choose"
    )


_OTHER_CHOSEN = lazy(
    r"(?:选(?:了|的|择了?|成了?|的是)?|用(?:了|的)?|点(?:了|的)?|勾(?:了|的)?|填(?:了|的)?|写(?:了|的)?|"
    r"pick(?:ed|ing|s)?|select(?:ed|ing|s)?|cho(?:se|ose|oses|osing)|us(?:e|ed|ing)|went with|"
    r"set (?:it |the carrier )?(?:to|as)|\bas|\bunder|\bto)\s*(?:the\s+)?[「“\"'‘(（]?\s*"
    r"(?:other|其他|其它)(?![a-z])(?!\s?(?:的|家|承运|物流|快递|类目|品类|分类|站点|店|卖家|订单|包裹|"
    r"carriers?\b|categor|marketplace|store|shop|seller|orders?\b|packages?\b|ones?\b))"
)
""""Other" picked as the carrier ("选了Other", "picked Other", "carrier set to 'Other'"), not
another carrier, category or order ("选了其他物流", "other categories")."""
_NOT_ON_LIST = lazy(
    r"(?:列表|下拉|选项)[^，,。?？]{0,6}(?:里|中)?(?:没有|找不到)|(?:不在|没在)(?:承运商)?(?:列表|下拉|选项)|"
    r"找不到|missing from|(?:not|n't) (?:in|on) (?:the |amazon's |amazon |their |its |my |our )?"
    r"(?:carrier )?(?:list|dropdown|drop-down|menu)|(?:not|n't) (?:listed|showing|shown|appearing)|can't find"
)


def _other_for_carrier(case: Case) -> Decision | None:
    """ "选了Other然后手写了Yun Express，算有效吗", "picked Other and typed 4PX, fine?": "Other"
    with a typed name is valid only for a supported carrier missing from Amazon's list
    (domain.md 1b), so the carrier named decides: one the list has is to be picked there (not
    valid as Other); one it is not known to have gets the condition, no verdict. A seller who
    says the carrier is missing from their list is the claims table's ("other-for-missing")."""
    named = {c.id: c for c in case.carriers if c.id != "other_post"}
    if len(named) != 1 or not _OTHER_CHOSEN.search(case.text) or _NOT_ON_LIST.search(case.text):
        return None
    carrier = next(iter(named.values()))
    code = amazon_carrier_list().get(carrier.id)
    # Named as Amazon's list names it ("Yun Express"), for the seller to find it there.
    facts: dict[str, Fact] = {"carrier": code or carrier.name, "listed": code is not None}
    if code is None:
        return Decision(code="other_for_carrier", facts=facts, entry="carrier-choose")
    # "有问题没", "does it matter": yes, a problem; "算有效吗", "is that fine", "it counts, right?": no.
    fails_said = bool(_MISMATCH_FAILS.search(case.text)) and not _ASKS_OK.search(case.text)
    return Decision(
        code="other_for_carrier", facts=facts, agrees=fails_said, entry="carrier-choose"
    )


_SPLIT_FINE = lazy(
    r"可以吗|可以不|行吗|行不行|没问题吧|没问题吗|没事吧|就行|就可以|够了|够吗|算有效|算数|"
    r"算一个|算1个|只算一次|\bok\b|okay|fine\b|enough|acceptable|allowed|good enough|"
    r"counts? (?:as )?(?:valid|once|one)|as (?:one|a single)"
)
_SPLIT_HURTS = lazy(
    r"影响|问题|拉低|扣|有事|算缺陷|affect|hurt|\bhit\b|problem|issue|matter|drag|lower|ding|"
    r"count against|defect"
)


def _split_order(case: Case) -> Decision | None:
    """ "一个订单分两个包裹发，只上传了一个单号": the order's packages each count, and each
    without its own number is invalid (split_orders.py); asked whether that is fine, no; asked
    whether it hurts, yes; asked how it is counted, the count alone."""
    split = split_order(case.text)
    if split is None:
        return None
    facts: dict[str, Fact] = {
        "packages": split.packages,
        "tracked": split.tracked,
        "missing": split.untracked,
    }
    fine = bool(_SPLIT_FINE.search(case.text))
    hurts = bool(_SPLIT_HURTS.search(case.text)) and not fine
    agrees = False if fine else (True if hurts else None)
    return Decision(code="split_order", facts=facts, agrees=agrees, entry="vtr-formula")


_SAYS_INVALID = lazy(
    r"无效|不算有效|不行|不可以|不能用|不被接受|不认|invalid|not (?:valid|accepted|allowed|recogni[sz]ed)|"
    r"n't (?:valid|accepted|allowed|recogni[sz]ed)|"
    r"rejected|won't (?:work|count)|doesn't (?:work|count)|don't (?:work|count)|"
    # "i can't just type 云途, it has to be picked from the list": the same belief.
    r"\b(?:can't|cannot|can not|shouldn't|mustn't)\b|不能(?!用吗)|不可以|不许|不准|"
    r"(?:has|have|needs?) to be (?:picked|chosen|selected)|(?:pick|choose|select)(?:ed)? (?:it )?from (?:amazon's |the )?(?:list|dropdown)|"
    r"(?:要|得|必须|只能)(?:从)?(?:亚马逊的?)?(?:列表|下拉)"
)


_NUMBER_AFTER = lazy(
    r"^\s*(?:的)?(?:[a-z0-9.]{1,6}\s)?(?:单号|号码|追踪号|跟踪号|运单号|号|number|tracking|label)"
)
_NUMBER_BEFORE = lazy(
    r"(?:number|tracking|单号|号码)\s*(?:is|was|'s|是|其实是|实际是|belongs to)\s*(?:actually\s)?(?:an?\s)?$"
)
"""Words that make the carrier after them the number's own ("the number is actually a UPS")."""
_SELECTED_BEFORE = lazy(
    r"(?:选成|选了|选的是|选成了|填成|填成了|填了|写成|selected|select|chose|choose|picked|pick|"
    r"entered(?: it)? as|as|under)\s*(?:了)?\s*$"
)


def carrier_roles(case: Case) -> tuple[str, str] | None:
    """(selected, as the number looks) from the words around each carrier's name:
    "4PX的单号选成了云途" → (YunExpress, 4PX). None when the words do not say which is which."""
    if case.number_carrier is not None:
        # The number's shape says whose it is ("1Z开头的单号"); the other one named was picked.
        picked = [c.name for c in case.carriers if c.name != case.number_carrier]
        return (picked[0], case.number_carrier) if picked else None
    selected = actual = None
    for carrier in case.carriers[:2]:
        names = [n.casefold() for n in (carrier.name, *carrier.aliases)]
        at = min((i for n in names if (i := case.text.find(n)) >= 0), default=-1)
        if at < 0:
            continue
        name = next(n for n in names if case.text.find(n) == at)
        after = case.text[at + len(name) : at + len(name) + 16]
        if _NUMBER_AFTER.search(after) or _NUMBER_BEFORE.search(case.text[max(0, at - 24) : at]):
            actual = carrier.name
        elif _SELECTED_BEFORE.search(case.text[max(0, at - 12) : at]):
            selected = carrier.name
    names = [c.name for c in case.carriers[:2]]
    if actual and not selected:
        selected = next(n for n in names if n != actual)
    if selected and not actual:
        actual = next(n for n in names if n != selected)
    return (selected, actual) if selected and actual else None


_ENTERED = lazy(
    r"录|填|选|输入|打成|写成|\bentered\b|\bunder\b|picked|selected|chose|\bput\b|\bused\b|\bset\b|as (?:the )?carrier"
)
"""A number said to be entered under a carrier ("1Z… under USPS", "1Z开头的号录成了USPS")."""


def _carrier_mismatch(case: Case) -> Decision | None:
    # A number whose shape is one carrier's, entered under another named: a mismatch.
    entered = case.number_carrier is not None and bool(_ENTERED.search(case.text))
    if len(case.carriers) < 2 or not (_MISMATCH.search(case.text) or entered):
        return None
    if case.counts is not None and case.total is not None:
        return None  # "50 sent, 2 untracked, 1 under the wrong carrier": one of the invalid
    roles = carrier_roles(case)
    facts: dict[str, Fact] = {"selected": roles[0], "actual": roles[1]} if roles else {}
    # "有影响吗" / "does it matter": yes; "is it still valid", "可以吗", "is that ok": no.
    asks_valid = bool(_ASKS_VALID.search(case.text))
    facts["valid_asked"] = asks_valid
    matters = not (asks_valid or _ASKS_OK.search(case.text))
    if case.belief:
        # "people say it still works, Amazon matches them": the belief that it is fine,
        # unless it says the number fails ("…shows unconfirmed, right?").
        matters = bool(_MISMATCH_FAILS.search(case.text))
    return Decision(
        code="carrier_mismatch", facts=facts, agrees=matters, entry="tracking-unconfirmed"
    )


def _strike_through(case: Case) -> Decision | None:
    if not (case.concepts & _FEEDBACK) or not case.markets:
        return None
    market = case.markets[0]
    available = market.feedback_strike_through
    facts: dict[str, Fact] = {"market": market.code, "available": available}
    # "isn't offered in Japan, right?" states that it is not: true where it is not offered.
    said = _A_NOT_A.sub("", case.text)
    # "日本站的配送差评还是计入ODR吧", "does it still count toward ODR in the US?": the
    # feedback said to count still is the strike-through said not to apply there.
    still = _STILL_COUNTS.search(said)
    agrees = available != bool(NOT_OFFERED.search(said) or _CANNOT.search(said) or still)
    if still or "odr" in case.metrics:
        facts["odr"] = True  # worded by what happens to the feedback in ODR
    if _limits_a_place(case):
        # "isn't the strike-through US only?": the belief is the whole list, decided so.
        offered = [m.code for m in marketplaces() if m.feedback_strike_through]
        agrees = {m.code for m in case.markets} == set(offered)
        agrees = agrees != bool(_NOT_ONLY_SAID.search(said))
        facts = {"market": market.code, "only": True, "covered": ", ".join(offered)}
    return Decision(
        code="strike_through", facts=facts, agrees=agrees, entry="buy-shipping-feedback"
    )


_CANNOT = lazy(r"不能|不可以|没法|无法|不行|\bcan't\b|\bcannot\b|\bnot possible\b")
_STILL_COUNTS = lazy(
    r"(?:还是|仍然|仍|照样|依然|还)(?:会|要)?(?:计入|算进|算入|算在|算|影响|拉低)\s?(?:到)?(?:odr|订单缺陷率)|"
    r"\bstill (?:counts?|hits?|affects?|goes|shows up|hurts?)\b[^,.?]{0,20}(?:odr|order defect)"
)
_EXEMPTION_TALK = lazy(r"邮票|stamps?\b|royal ?mail|皇家邮政|豁免|exempt")


def _list_claim(case: Case) -> str | None:
    """What a belief says of the list of marketplaces: "only" these, these "denied" (left
    out), these "stated" (on it); None when it says none of that."""
    buy = case.buy_shipping
    tracking = "vtr" in case.concepts or (
        "trackingid" in case.concepts and _CARES.search(case.text)
    )
    if not (buy or tracking) or (buy and case.concepts & _FEEDBACK):
        return None
    if not case.markets and "eu" not in case.concepts:
        return None
    if _EXEMPTION_TALK.search(case.text) or case.amount is not None:
        # "只有购买配送买的邮票才豁免", "only orders over EUR 20": an exemption's condition or
        # an amount's rule, not the list of marketplaces
        return None
    if not buy and ("crossborder" in case.concepts or (len(case.markets) == 2 and case.origin)):
        return None  # a route ("从德国发到法国"): the EU/UK update decides, not the bar's list
    # 算不算 asks, it does not say 不算; "不管用哪家" / "no matter which" is "whichever", no skip.
    said = _REGARDLESS.sub(" ", _A_NOT_A.sub("", case.text))
    if _limits_a_place(case):
        return "only"
    if NOT_OFFERED.search(said) or (not buy and _SKIP.search(said)):
        return "denied"
    about_places_only = not case.concepts - _LIST_WORDS - _place_concepts()
    one_list = not (buy and "vtr" in case.concepts)
    return "stated" if case.belief and case.markets and about_places_only and one_list else None


def _limits_a_place(case: Case) -> bool:
    """ "VTR只看美国站", "Buy Shipping is just for the US?": a limiting word said in the
    clause that names the place; "we're a US LLC, … we only pay the carrier" limits what
    is paid, not where, so the list is no belief of it."""
    for clause in CLAUSE.split(case.text):
        said = _REGARDLESS.sub(" ", _A_NOT_A.sub("", clause))
        if _ONLY.search(said) and (_EUROPE.search(said) or _names_a_market(case, said)):
            return True
    return False


def _names_a_market(case: Case, clause: str) -> bool:
    """One of the case's marketplaces is named in the clause, by any of its spellings."""
    return any(
        re.search(rf"(?<![a-z]){re.escape(name.casefold())}(?![a-z])", clause)
        for market in case.markets
        for name in (market.code, market.zh, market.domain, *market.aliases)
    )


_EUROPE = lazy(r"(?<![a-z])(?:eu|europe|european)(?![a-z])|欧洲|欧盟|欧")
_CARES = lazy(r"cares? about|checks?|enforce|requires?|考核|要求|管|在意|看重")
"""Tracking said to be required or checked somewhere: the bar's list, as VTR is."""
_NOT_ONLY_SAID = lazy(r"(?:not|n't) only|不是只|不只|不仅|不止")


def _marketplace_list(case: Case) -> Decision | None:
    """ "VTR只看美国站，欧洲站不用管", "购买配送只有美国站能用", "Buy Shipping doesn't support
    Canada, right?": a belief about the list of marketplaces where the bar applies or Buy
    Shipping is offered, decided against the whole list in marketplaces.yaml."""
    claim = _list_claim(case)
    if claim is None:
        return None
    buy = case.buy_shipping
    flag = "buy_shipping_from_china" if buy else "vtr_bar_from_china"
    covered = [m.code for m in marketplaces() if getattr(m, flag)]
    named = [m.code for m in case.markets]
    if claim == "only":
        agrees = set(named) == set(covered)
        if _NOT_ONLY_SAID.search(_A_NOT_A.sub("", case.text)):  # not 是不是只
            agrees = not agrees  # "VTR doesn't only apply to the US": the list's truth
    elif claim == "denied":  # the named marketplaces (or Europe's) are said to be left out
        agrees = bool(named) and "eu" not in case.concepts and not set(named) & set(covered)
    elif set(named) <= set(covered):
        return None  # a true "it works in Brazil, right?": the registry's own yes answers it
    else:
        agrees = False
    if not buy and not agrees and claim != "stated":
        # "日本站全部不算？": Japan's own exemption is only for orders under JPY 1,000.
        facts: dict[str, Fact] = {"covered": ", ".join(covered), "jp": "JP" in named}
        return Decision(
            code="vtr_marketplaces", facts=facts, agrees=False, entry="vtr-marketplaces-china"
        )
    entry = "buy-shipping-marketplaces" if buy else "vtr-marketplaces-china"
    facts = {"covered": " ".join(covered), "buy_shipping": buy}
    if claim != "only":  # "doesn't support Canada": the named ones' place on the list first
        facts["named"] = " ".join(named)
        facts["listed"] = bool(set(named) & set(covered))
        if not buy and not facts["listed"]:
            # "巴西站VTR不考核吧", "applies in Mexico too?": the published list leaves it out,
            # which neither confirms nor denies a bar there; no verdict, Seller Central says.
            facts["unstated"] = True
            return Decision(code="marketplace_list", facts=facts, entry=entry)
    return Decision(code="marketplace_list", facts=facts, agrees=agrees, entry=entry)


_LIST_WORDS = frozenset({"buyshipping", "vtr", "china", "marketplace", "eu", "threshold"})


def _place_concepts() -> frozenset[str]:
    """The lexicon concepts that are marketplaces' names ("us", "germany", "uk")."""
    return frozenset(
        name.casefold() for m in marketplaces() for name in (m.code, *m.aliases) if name.isascii()
    )


_NOT_ACCOUNT_WIDE = lazy(
    r"(?:isn't|is not|not|rather than|instead of|不是|并非|不按|而非)\s?(?:an? |one |the |my |for the )?"
    r"(?:account[- ]wide|整个账号|整个账户|全店|整个店铺|整店|"
    r"(?:whole|entire)[- ](?:account|store|shop)|for the whole account|shop[- ]wide|store[- ]wide|combined|added up|pooled)|"
    r"(?:不会|不是|不|没有?|并不)\s?(?:被)?(?:合起来|加起来|加在一起|合在一起|合并|汇总|一起算|混在一起)|"
    r"(?:isn't|aren't|not|never|won't be|don't get) (?:combined|added up|pooled|lumped)"
)


_AFFECTS_WHOLE = lazy(
    r"(?:影响|波及|限制|连累)(?:到)?(?:我的)?(?:整个|全店|整店)|"
    r"(?:affect|hit|restrict|hurt|impact)s? (?:my |the )?(?:whole|entire) (?:account|store|shop)"
)
"""What a low VTR does to the whole shop is a consequence, not how VTR is measured."""


_WHOLE_SHOP_SHIPS = lazy(
    r"(?:整个店铺|全店|整店|整个账户|整个账号)(?:的)?(?:订单|包裹)?(?:都|全部|全都|一律)?(?:是)?(?:用|走|使用|通过|发|换成|改用)|"
    r"(?:whole|entire) (?:store|shop|account) (?:uses|ships|goes|went|switched|is on)"
)
"""The whole shop as the one that ships ("全店都用购买配送"): all its orders, no belief that
VTR is one figure for the shop."""


def _account_wide(case: Case) -> Decision | None:
    # "the bar is per category": the bar, named without VTR, is VTR's.
    ours = case.concepts & {"vtr", "trackingid"} or (
        "threshold" in case.concepts and case.metric is None
    )
    if not ours:
        return None
    if "defectreport" in case.concepts:
        return None  # "the defect report can be filtered by category": the report's filters
    text = _WHOLE_SHOP_SHIPS.sub(" ", case.text)
    wide = bool(_ACCOUNT_WIDE.search(text))
    per = bool(_PER_CATEGORY.search(text))
    if _NOT_PER_CATEGORY.search(case.text):
        wide, per = True, False  # "VTR不按类目算吧": the belief is one figure for the shop
    elif _NOT_ACCOUNT_WIDE.search(case.text):
        wide, per = False, True  # "VTR isn't account-wide": the belief is per category
    if _SUSPENSION.search(case.text) or _AFFECTS_WHOLE.search(case.text):
        return None  # "won't suspend my whole account?": the consequence, the claims' case
    if case.counts is not None or not (wide or per):
        return None
    if wide and per:  # "per store rather than per category": the side set aside is no belief
        wide, per = _kept(text, _ACCOUNT_WIDE), _kept(text, _PER_CATEGORY)
    # Both named ("整个账号一个数还是分类目"): a choice, answered with the fact, no yes or no.
    agrees = None if wide and per else per
    return Decision(code="per_category", facts={}, agrees=agrees, entry="vtr-per-category")


# "not one number for the whole account": the figure named between them is the side's own.
_SET_ASIDE = lazy(
    r"(?:rather than|instead of|\bnot|而不是|而非|不是)"
    r"(?:\s?(?:one|a single|a|just one) (?:single )?(?:number|figure|rate|score|vtr|percentage))?"
    r"(?:\s?(?:for|of|across|over) (?:the |my |our |your )?)?\s?$"
)


def _kept(text: str, side: re.Pattern[str]) -> bool:
    """Some mention of the side not set aside by "rather than" / "instead of" / 而不是."""
    return any(
        not _SET_ASIDE.search(text[max(0, m.start() - 40) : m.start()]) for m in side.finditer(text)
    )


RULES: tuple[Callable[[Case], Decision | None], ...] = (
    _carrier_chinese_name,
    _other_for_carrier,
    _carrier_mismatch,
    _split_order,
    _shipment_age,
    _vtr_window_stated,
    _bar_beside_a_denied_one,
    _vtr_groups,
    _vtr_rate_groups,
    _metric_rates,
    _stated_allowance,
    _vtr_counts,
    _counts_unclear,
    _unnamed_rate,
    _vtr_rate,
    _allowance,
    _needs_figures,
    _metric_consequence,
    _metric_rate,
    _metric_by_target,
    _metric_target,
    _lowest_allowed,
    _metric_window,
    _metric_by_content,
    _metric_identity,
    _one_metric_two_names,
    _metric_name,
    _metrics_named,
    _letter_outside_eu,
    _jp_letter,
    _value_rules,
    _letter_limit,
    _de_domestic_rule,
    _domestic_elsewhere,
    _eu_route,
    _eu_countries,
    _strike_through,
    _marketplace_list,
    _account_wide,
)
