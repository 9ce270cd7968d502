"""Beliefs sellers state, confirmed or corrected first from the facts (domain.md), and
conditions that flip a rule: wordings written for these tests, none from a held-out set."""

from __future__ import annotations

import pytest

from bot.domain.knowledge import KnowledgeBase
from tests.knowledge.replies import reply_text

# Many wordings of rules that each have tests of their own: the full tier. Each branch of
# bot/ only these reached has a case in its rule's own tests, in the fast tier
# (docs/development.md, "Checks, tests and translations").
pytestmark = pytest.mark.slow


def _lead(kb: KnowledgeBase, question: str) -> str:
    """The first two lines, where a skimming seller reads the verdict."""
    return "\n".join(reply_text(kb, question).split("\n")[:2])


# (question, the reply's start, words the first two lines must hold)
BELIEFS = [
    # Royal Mail stamps: exempt only through Buy Shipping (an exemption's condition, not
    # the list of Buy Shipping's marketplaces).
    pytest.param(
        "英国站皇家邮政的平信，只有用购买配送买的邮票才豁免，自己去邮局买的就不豁免，是这样吧",
        "对。",
        ["邮票"],
        id="royal-mail-stamps-true",
    ),
    # A LSR target likened to another metric's: the figure is said of the first one named.
    pytest.param(
        "LSR must stay below 2.5%, just like the cancellation rate, correct?",
        "Not right",
        ["4%", "(2.5%) is the target of Pre-fulfillment Cancel Rate"],
        id="lsr-target-likened",
    ),
    # The stated figure is the other metric's target: the reply says whose it is.
    pytest.param(
        "迟发率要低于2.5%，跟取消率一样，对吧",
        "不对。",
        ["4%", "（2.5%）是另一个指标"],
        id="lsr-target-likened-zh",
    ),
    # amazon.com.br is Brazil, not Amazon.com.
    pytest.param(
        "Amazon.com.br is covered by Buy Shipping from China too, I think?",
        "Yes",
        ["(BR)"],
        id="buy-shipping-brazil-domain",
    ),
    pytest.param(
        "Can I use Buy Shipping on Amazon.com.au?",
        "No: Amazon.com.au (AU) is not on the list",
        [],
        id="buy-shipping-australia-domain",
    ),
    # A belief said as a statement, its only question word in a "whatever" clause.
    pytest.param(
        "中国发美国站的订单，只要有一条揽收扫描，金额不管多少都算有效",
        "不对。",
        ["5 美元", "两次", "妥投"],
        id="one-scan-whatever-value",
    ),
    pytest.param(
        "同事说VTR达到95%就可以了，压线也算合格",
        "不对。",
        ["高于 95%", "95.0%"],
        id="colleague-hearsay-95",
    ),
    # OTDR's denominator is shipments with valid tracking.
    pytest.param(
        "OTDR is only calculated on shipments that have valid tracking, so poor VTR pulls "
        "OTDR down too?",
        "Yes",
        ["valid tracking"],
        id="otdr-needs-tracking-en",
    ),
    pytest.param(
        "准时交货率只统计有有效追踪的货件，所以VTR差也会拉低它，对吧",
        "对。",
        ["有效追踪"],
        id="otdr-needs-tracking-zh",
    ),
    # Untracked packages stay in the denominator as invalid.
    pytest.param(
        "I assumed parcels with no tracking are simply left out of VTR because only tracked "
        "shipments are measured?",
        "Not right",
        ["invalid"],
        id="untracked-not-left-out-en",
    ),
    pytest.param(
        "没有单号的包裹是不是直接不计入VTR计算",
        "不会排除",
        ["无效"],
        id="untracked-not-left-out-zh",
    ),
    # No published review time for a Plan of Action.
    pytest.param(
        "Amazon never published how long a VTR plan of action review takes, correct? "
        "someone promised 24h",
        "Right",
        ["does not publish"],
        id="appeal-no-published-time",
    ),
    pytest.param(
        "Amazon reviews a VTR appeal within 3 days, right?",
        "Not right",
        ["no fixed time"],
        id="appeal-three-days-false",
    ),
    pytest.param(
        "Is there a set time Amazon takes to review a plan of action for VTR?",
        "No",
        ["no fixed time"],
        id="appeal-set-time-asked",
    ),
    # "≥95 / 压线" is the belief that 95.0% passes: false (strictly above 95%).
    pytest.param(
        "群友说vtr大于等于95就行，卡在95也算达标",
        "不对。",
        ["高于 95%"],
        id="at-least-95-hearsay",
    ),
    pytest.param(
        "听说VTR标准是≥95%，刚好压线也能过",
        "不对。",
        ["高于 95%"],
        id="at-least-95-sign",
    ),
    # VTR and ODR: two metrics, related through defects.
    pytest.param("Is VTR connected to ODR at all?", "Yes", ["indirectly", "1.7"], id="vtr-odr-en"),
    pytest.param("VTR和订单缺陷率之间有联系吗", "有关", ["间接", "1.7"], id="vtr-odr-zh"),
    pytest.param("OTDR跟VTR有关系吗", "有。", ["有效追踪"], id="otdr-vtr-related-zh"),
    pytest.param("Are OTDR and VTR related?", "Yes", ["depends on VTR"], id="otdr-vtr-related"),
    # "Other" with a typed name: only for a supported carrier missing from the list.
    pytest.param(
        "云途在承运商列表里是有的，我偷懒选了其他再手填YunExpress，算有效吗",
        "不算。",
        ["列表"],
        id="other-for-a-listed-carrier",
    ),
    pytest.param(
        "I picked Other and typed 4PX even though 4PX is in the list, is that fine?",
        "No",
        ["picked from the list"],
        id="other-for-a-listed-carrier-en",
    ),
    pytest.param(
        "The carrier we use is supported by Amazon but is not in the dropdown list for us. "
        "May we choose Other and enter the name?",
        "Yes",
        ["English"],
        id="other-for-a-missing-carrier",
    ),
    pytest.param(
        "承运商列表里找不到我们用的物流，可以选其他手动填吗",
        "可以。",
        ["英文"],
        id="other-for-a-missing-carrier-zh",
    ),
    # Counted (not a letter) and untracked: an invalid package.
    pytest.param(
        "深圳发德国站，14欧的单，走普通小包不是信件，也没上传单号，算VTR吗",
        "算。",
        ["无效"],
        id="eu-parcel-untracked-zh",
    ),
    pytest.param(
        "A 17 euro order shipped from Poland to a buyer in Germany as a regular parcel, not a "
        "letter, and we never added tracking. Does it hurt VTR?",
        "Yes",
        ["invalid"],
        id="eu-parcel-untracked-en",
    ),
    pytest.param(
        "日本站一单1500日元，没有追踪号，算VTR吗", "算。", ["无效"], id="jp-counted-untracked"
    ),
    pytest.param(
        "德国本地发货，18欧的订单，没填单号，算VTR吗", "算。", ["无效"], id="de-domestic-untracked"
    ),
    pytest.param(
        "日本站900日元的小单没传单号，影响VTR吗", "不计入", ["豁免"], id="jp-exempt-untracked"
    ),
    pytest.param(
        "15 EUR untracked letter from Germany to France, does it count?",
        "No",
        ["exempt"],
        id="eu-letter-untracked-exempt",
    ),
    # The window by promised delivery date, the ship date denied inside the belief.
    pytest.param(
        "VTR那30天是看承诺送达日期，而不是发货日期，没错吧",
        "对。",
        ["承诺送达日期"],
        id="window-promise-not-ship-date",
    ),
    pytest.param(
        "The VTR window goes by promised delivery date, not ship date, correct?",
        "Right",
        ["promised delivery date"],
        id="window-promise-not-ship-date-en",
    ),
    pytest.param("VTR的30天是按发货日期算的吧", "不对。", ["承诺送达日期"], id="window-ship-date"),
    # "has to be kept below": a target stated.
    pytest.param(
        "The Late Shipment Rate has to be kept below 2.5%, same as cancellations, yes?",
        "Not right",
        ["4%"],
        id="lsr-target-has-to",
    ),
    # Countries of the EU/UK update named without a route.
    pytest.param(
        "波兰和瑞典的跨境订单从2025年1月15日起也算VTR了，对吧",
        "对。",
        ["PL, SE", "20 欧元"],
        id="eu-countries-named",
    ),
    pytest.param(
        "cross-border orders from Poland don't count for VTR, right?",
        "Not right",
        ["PL"],
        id="eu-country-denied",
    ),
    pytest.param(
        "Only German and French cross-border orders count, right?",
        "Not right: Not only those",
        ["other EU countries"],
        id="eu-countries-only",
    ),
    pytest.param("VTR只算德国和法国的跨境单吗", "不只这些", ["其他欧盟国家"], id="eu-only-zh"),
    # "不受影响" is the belief's own words, not its negation.
    pytest.param(
        "VTR只影响那个类目，FBA不受影响，对吧", "对。", ["FBA"], id="only-category-fba-unaffected"
    ),
    # Buy Shipping's A-to-z protection: related claims, three conditions for "not received".
    pytest.param(
        "I heard Buy Shipping protects me from all A-to-z claims no matter what",
        "Not right",
        ["Claims Protected"],
        id="atoz-all-claims",
    ),
    pytest.param(
        "用了购买配送，所有A-to-z索赔亚马逊都会兜底，对吧",
        "不对。",
        ["Claims Protected"],
        id="atoz-all-claims-zh",
    ),
    # "not-received" is the claim's own word, no negation of it.
    pytest.param(
        "without tracking I automatically lose not-received A-to-z claims, right?",
        "Right",
        ["automatically lose"],
        id="untracked-loses-atoz-hyphen",
    ),
    # "Only over EUR 20 counts": an amount's rule (both conditions), not the marketplaces.
    pytest.param(
        "Only orders over 20 EUR count for VTR in Europe, right?",
        "Not right",
        ["letter service"],
        id="only-over-20-eur",
    ),
    pytest.param(
        "欧洲站只有20欧元以上的订单才算VTR吧", "不对。", ["信件"], id="only-over-20-eur-zh"
    ),
    # A true belief said with a negation ("aren't valid", "不算", "don't hurt", "isn't
    # account-wide", "isn't counted") is confirmed, never corrected.
    pytest.param(
        "Packages with no carrier scan aren't valid, right?",
        "Right",
        ["not valid"],
        id="negated-true-no-scan",
    ),
    pytest.param("FBA订单不算VTR吧", "对。", ["FBA"], id="negated-true-fba-zh"),
    pytest.param("FBA订单也算VTR吧", "不对。", ["FBA"], id="fba-counts-false-zh"),
    pytest.param(
        "Buyer cancellations don't hurt my cancel rate, right?",
        "Right",
        ["do not count"],
        id="negated-true-buyer-cancellations",
    ),
    pytest.param(
        "VTR isn't account-wide, correct?", "Right", ["per product category"], id="not-account-wide"
    ),
    pytest.param("VTR不是整个账号算的吧", "对。", ["按商品分类"], id="not-account-wide-zh"),
    pytest.param("VTR是整个账号一个数吧", "不对。", ["按商品分类"], id="account-wide-false-zh"),
    pytest.param(
        "A letter under 20 EUR from France to Italy isn't counted, right?",
        "Right",
        ["letter service"],
        id="negated-true-eu-letter",
    ),
    # An exemption denied ("aren't exempt", "不豁免") is the belief that it counts.
    pytest.param(
        "UK Royal Mail stamps I buy myself aren't exempt, right?",
        "Right",
        ["not exempt"],
        id="own-stamps-not-exempt",
    ),
    pytest.param(
        "自己买的皇家邮政邮票不豁免吧", "对。", ["不能豁免"], id="own-stamps-not-exempt-zh"
    ),
    pytest.param("自己买的皇家邮政邮票也豁免吧", "不对。", ["不能豁免"], id="own-stamps-exempt-zh"),
    pytest.param(
        "JP orders under 1000 yen aren't exempt, right?",
        "Not right",
        ["exempt"],
        id="jp-not-exempt-false",
    ),
    pytest.param("日本站1000日元以下不豁免吧", "不对。", ["豁免"], id="jp-not-exempt-false-zh"),
    pytest.param(
        "OTDR isn't strictly enforced in most marketplaces, right?",
        "Right",
        ["not an enforced bar"],
        id="otdr-not-enforced",
    ),
    pytest.param(
        "Cancelled orders aren't in VTR, correct?", "Right", ["not in VTR"], id="cancelled-not-in"
    ),
    pytest.param(
        "Typed Chinese carrier names aren't valid, right?",
        "Right",
        ["invalid"],
        id="chinese-name-not-valid",
    ),
    pytest.param(
        "VTR doesn't only apply to the US, right?", "Right", ["UK, DE"], id="not-only-the-us"
    ),
    # ODR: self-fulfilled and FBA reported apart.
    pytest.param(
        "ODR is reported separately for FBA and self-fulfilled, right?",
        "Right",
        ["separately"],
        id="odr-separate",
    ),
    pytest.param("FBA和自发货的ODR是合在一起算的吧", "不对。", ["分开"], id="odr-combined-false"),
    # On time, but a condition of the "not received" protection broken: not protected.
    pytest.param(
        "购买配送按时发的货，亚马逊退的款，可是服务没有Claims Protected标识，未收到货的A-to-z还保护吗",
        "不是。",
        ["Claims Protected"],
        id="atoz-on-time-not-claims-protected",
    ),
    pytest.param(
        "Bought the label with Buy Shipping and shipped on time, but the service wasn't Claims "
        "Protected. Am I still protected from a not-received A-to-z claim?",
        "No",
        ["Claims Protected"],
        id="atoz-on-time-not-claims-protected-en",
    ),
    pytest.param(
        "Buy Shipping shipped on time covers me against related A-to-z claims, right?",
        "Right",
        ["on time"],
        id="atoz-on-time",
    ),
]

# Messages that only open a conversation or worry about unnamed figures: the topics to pick.
OPENERS = [
    "在么，问件事儿",
    "hi hi, you there?",
    "my figures seem off?",
    "数据看着怪怪的",
    "有个问题想请教",
    "我的店铺指标有问题",
    "hey so uh my thing is red",
]


@pytest.mark.parametrize(("question", "start", "words"), BELIEFS)
def test_a_belief_is_decided_first(
    kb: KnowledgeBase, question: str, start: str, words: list[str]
) -> None:
    lead = _lead(kb, question)
    assert lead.startswith(start), lead
    for word in words:
        assert word in lead, (word, lead)


@pytest.mark.parametrize("question", OPENERS)
def test_an_opener_gets_the_topics_to_pick(kb: KnowledgeBase, question: str) -> None:
    answer = kb.answer(question)
    assert answer.kind == "unsure" and answer.suggestions, answer


# Plain look-ups: (question, entry, a fact the reply holds)
LOOKUPS = [
    pytest.param("平时运营里怎么做才能让VTR稳定", "vtr-improve", "及时", id="daily-practice"),
    pytest.param("为什么亚马逊说我的单号无效", "tracking-valid-meaning", "及时", id="why-invalid"),
    pytest.param("有效追踪率适用于哪些卖家", "vtr-what", "FBA", id="who-it-applies-to"),
    pytest.param("who does VTR apply to?", "vtr-what", "FBA", id="who-it-applies-to-en"),
    pytest.param(
        "who has to meet the 95% VTR in Japan?", "vtr-marketplaces-china", "JP", id="who-in-japan"
    ),
]


@pytest.mark.parametrize(("question", "entry", "fact"), LOOKUPS)
def test_a_plain_look_up(kb: KnowledgeBase, question: str, entry: str, fact: str) -> None:
    assert kb.answer(question).matched == entry
    assert fact in reply_text(kb, question)


# Question tags and rhetorical negatives: the n't of "isn't it?" or "Isn't X …?", and the
# 不是 of "X不是Y吗" / "难道…", negate nothing; the belief is the statement they carry
# (domain.md: 30 days, above 95%, per category, no extra fee, FBA not in VTR, tracking
# after delivery a defect, strike-through not in JP). (question, start, words, wrong words)
TAGGED = [
    ("The window is 60 days, isn't it?", "Not right", ["30 days"], []),
    ("the window is 30 days isnt it", "Right", ["30 days"], ["Not right"]),
    ("VTR is measured over 14 days, isn't it?", "Not right", ["30 days"], []),
    ("Isn't the VTR target 95% or more?", "Not right", ["above 95%"], []),
    ("Isn't VTR calculated per category?", "Right", ["per product category"], ["Not right"]),
    ("Buy Shipping is free, isn't it?", "Right", ["nothing extra"], ["Not right"]),
    ("Buy Shipping isn't free, is it?", "Not right", ["nothing extra"], []),
    ("Amazon charges a fee for Buy Shipping, doesn’t it?", "Not right", ["nothing extra"], []),
    ("Doesn't Buy Shipping cost extra?", "Not right", ["nothing extra"], []),
    ("Tracking added after delivery counts, doesn't it?", "Not right", ["after delivery"], []),
    ("Don't I need two scans for a $10 US order?", "Right", ["two carrier scans"], []),
    ("VTR is per order, isn't it?", "Not right", ["packages"], []),
    ("VTR不是看60天吗", "不对", ["30 天"], []),
    ("VTR看30天，不是吗？", "对", ["30 天"], ["不对"]),
    ("难道VTR不是按类目算的吗", "对", ["按商品分类"], ["不对"]),
    ("FBA不是不算VTR吗", "对", ["FBA"], ["不对"]),
    ("購買配送不是免費的嗎", "对", ["不为“购买配送”另收费用"], ["不对"]),
    # FBA: not in VTR, however the belief is said.
    ("VTR doesn't count FBA, correct?", "Right", ["not in VTR"], ["Not right"]),
    ("FBA shipments don't affect my VTR, yes?", "Right", ["not in VTR"], ["outside"]),
    ("FBA orders count in VTR too, right?", "Not right", ["not in VTR"], []),
    ("my FBA stuff drags down VTR?", "No", ["not in VTR"], []),
    ("FBA的订单会拉低VTR吗", "不会", ["不在 VTR 里"], []),
    # The strike-through: not offered in JP; offered in the UK.
    ("The strike-through isn't offered in Japan, right?", "Right", ["Amazon.co.jp"], ["outside"]),
    ("Feedback strike-through doesn't work on amazon.co.jp, does it?", "Right", ["not among"], []),
    ("strike-through not available in the UK, right?", "Not right", ["offered on"], []),
    ("日本站不能删差评吧", "对", ["日本站"], ["不对"]),
    # The 95% bar named by its figure, VTR's name unsaid.
    ("Japan has the 95% bar too, right?", "Yes", ["above 95%"], []),
    # A letter priced in euros is the EU/UK case, a country named or not.
    ("Orders over 20 EUR count even as letters, right?", "Right", ["counts toward VTR"], []),
    ("A 25 euro order sent as a letter still counts, correct?", "Right", ["EUR 25"], []),
    ("a 12 EUR letter is exempt right", "Right", ["exempt"], []),
    # German domestic: domain.md says only that orders over EUR 15 count; nothing of others.
    ("德国境内15欧以下不算VTR吧", "亚马逊的帮助只写明", ["15 欧元"], ["对。", "不对"]),
    (
        "German domestic orders under 15 EUR don't count, right?",
        "Amazon's help states only",
        ["over EUR 15"],
        ["Right", "Not right"],
    ),
    (
        "A 12 euro order shipped inside Germany, does it count?",
        "Amazon's help states only",
        [],
        ["Yes", "No —"],
    ),
    ("德国境内20欧以下的不算吧", "不对", ["超过 15 欧元"], []),
    ("German domestic over 15 euros counts, right?", "Right", ["over EUR 15"], []),
    # A true belief that restates its body's own exclusion ("不计VTR", "不计入ODR") or whose
    # tag is a bare 对不 / 是不是: the verdict agrees with the body it leads.
    ("日本站订单不到1000日元就不计VTR，是不是", "对", ["豁免"], ["不对"]),
    ("日本站低于1000日元的订单不计入VTR，对不", "对", ["豁免"], ["不对"]),
    ("日本站1000日元以下的订单也要算VTR，对不", "不对", ["豁免"], []),
    ("购买配送按时发的货有追踪，差评只说到货慢，能划掉而且不计入ODR对吧", "对", ["ODR"], ["不对"]),
    ("亚马逊物流的货不算进VTR里，某个分类VTR低了FBA那边照样卖，没错吧", "对", ["FBA"], ["不对"]),
    ("FBA的商品照卖，VTR不达标只限自发货，对不对", "对", ["FBA"], ["不对"]),
    # What a false belief's correction excludes, said by the seller, negates that belief: "FBA
    # counts" is false, so "FBA不算进VTR" is true however the exclusion is worded.
    ("走FBA的单子不算到VTR里面，是吧", "对", ["FBA"], ["不对"]),
    ("亚马逊物流发的货不计入有效追踪率吧", "对", ["FBA"], ["不对"]),
    ("FBA发的包裹不算入追踪率对不对", "对", ["FBA"], ["不对"]),
    ("FBA parcels aren't counted in my VTR, correct?", "Right", ["FBA"], ["Not right"]),
    ("FBA orders don't count toward the tracking rate, right?", "Right", ["FBA"], ["Not right"]),
    ("FBA的单也计入追踪率吧", "不对", ["FBA"], []),
    ("FBA orders are counted in VTR too, right?", "Not right", ["FBA"], []),
    # "但还是算ODR" is "but it still counts": struck-through delivery feedback does not
    # (domain.md §2), so the belief is corrected.
    ("用购买配送准时发货，物流差评可以划掉，但还是算ODR，对吧", "不对。", ["不计入 ODR"], []),
]


@pytest.mark.parametrize(("question", "start", "words", "wrong"), TAGGED)
def test_a_tagged_or_rhetorical_belief_is_decided_on_its_statement(
    kb: KnowledgeBase, question: str, start: str, words: list[str], wrong: list[str]
) -> None:
    lead = _lead(kb, question)
    assert lead.startswith(start), lead
    assert all(word in lead for word in words), (words, lead)
    assert not any(word in lead for word in wrong), (wrong, lead)


# Beliefs about the number's owner, feedback, own labels, fixes in transit, marketplaces
# judged apart and buyer-visible tracking (domain.md 1, 1b, 2). (question, start, words, wrong)
CHECKED = [
    # A number's shape tells whose it is ("1Z…" is UPS, "YT…" YunExpress): under another
    # carrier it is "unconfirmed", never "Yes, USPS tracking can count as valid".
    ("a number starting with 1Z entered under USPS still counts, right?", "Not right", ["UPS"], []),
    ("selected FedEx but the number begins with 1Z, is it valid?", "No", ["not match"], []),
    ("I entered 1Z999AA10123456784 under USPS, is that ok?", "No", ["unconfirmed"], ["Yes"]),
    ("我把1Z开头的号录成了USPS，会显示未确认吧", "对", ["未确认"], ["不对"]),
    ("YT开头的单号我选了燕文，有影响吗", "有影响", ["YunExpress"], []),
    ("Is UPS as good as FedEx?", "Amazon counts", [], ["It matters", "Not valid"]),
    # Not every feedback: only delivery feedback on on-time Buy Shipping orders.
    ("Buy Shipping strikes through all bad feedback, correct?", "Not right", ["delivery"], []),
    ("听说用了购买配送，什么差评都能删", "不对", ["配送问题"], []),
    ("Buy Shipping removes feedback about late delivery, right?", "Right", ["delivery"], []),
    # Labels bought elsewhere: tracking is entered by the seller.
    (
        "if I don't use Buy Shipping and buy labels myself, do I need to upload tracking myself?",
        "Yes",
        ["Only labels bought through Buy Shipping"],
        [],
    ),
    ("不用购买配送，自己找货代买的面单，单号要自己填吗", "要", ["自动上传"], []),
    # Corrected before delivery: no defect; after it: a defect, however it is asked.
    (
        "I fixed a wrong tracking number before the package arrived, does it still count as a defect?",
        "No",
        ["not a defect"],
        [],
    ),
    ("包裹还没送到我就把错的单号改对了，还算缺陷吗", "不算", ["送达之前"], []),
    (
        "if I correct the number in transit, it won't count against me, right?",
        "Right",
        ["not a defect"],
        [],
    ),
    (
        "I fixed the tracking after the package was delivered, is it still a defect?",
        "Yes",
        ["is a VTR defect"],
        [],
    ),
    ("tracking added after delivery is a defect, right?", "Right", ["is a VTR defect"], []),
    ("送达后补的单号算缺陷吗", "算", ["缺陷"], []),
    ("送达后补单号不算缺陷吧", "不对", ["缺陷"], []),
    ("uploaded tracking after the buyer got it, any problem?", "Yes", ["defect"], []),
    # Marketplaces judged apart, never added up; an order in two boxes is no marketplace.
    ("VTR is combined across marketplaces, right?", "Not right", ["per marketplace"], []),
    ("VTR算的时候英国站和德国站是分开的吧，不会加在一起", "对", ["按站点"], []),
    ("一个订单分两个箱子分开发，是算两个包裹吧", "对", ["包裹"], ["按站点"]),
    # Tracking the buyer can see, for every order.
    (
        "tracking has to be visible to the buyer now, an internal reference number isn't enough, right?",
        "Right",
        ["buyer can see"],
        [],
    ),
    ("买家看不到的追踪号也算有效吧", "不对", ["买家能看到"], []),
    # FBA is never judged on VTR; all providers count.
    ("FBA sellers get judged on VTR too, right?", "Not right", ["not in VTR"], []),
    ("我们只做FBA，FBA也要考核VTR吧", "不对", ["FBA"], []),
    (
        "ALL shipping providers count for VTR now, not just the integrated ones, true?",
        "Right",
        ["All shipping providers"],
        [],
    ),
    (
        "Other is just for a supported carrier not showing in their dropdown, correct?",
        "Right",
        ["missing from Amazon's list"],
        [],
    ),
]


@pytest.mark.parametrize(("question", "start", "words", "wrong"), CHECKED)
def test_a_belief_of_the_rules_is_checked(
    kb: KnowledgeBase, question: str, start: str, words: list[str], wrong: list[str]
) -> None:
    lead = _lead(kb, question)
    assert lead.startswith(start), lead
    assert all(word in lead for word in words), (words, lead)
    assert not any(word in lead for word in wrong), (wrong, lead)


# Whether a thing moves VTR at all (seed 004's causes): delays are one; another field's
# things (ads, prices, storage fees, duties) are not measured. Duties themselves, and VTR's
# effect on ads, are another field's. (question, start or "off_topic")
MOVES_VTR = [
    ("does customs delay hurt my VTR?", "Yes"),
    ("物流卡关会拉低追踪率吗", "会"),
    ("do ads affect my VTR?", "No"),
    ("价格调低会影响VTR吗", "不会"),
    ("does FBA storage fee affect vtr", "No"),
    ("Does VTR affect my ads?", "off_topic"),
    ("how do tariffs affect my US shipments", "off_topic"),
    ("美国800美元免税取消后关税怎么交", "off_topic"),
]


@pytest.mark.parametrize(("question", "start"), MOVES_VTR)
def test_what_moves_vtr_is_decided_and_duties_refused(
    kb: KnowledgeBase, question: str, start: str
) -> None:
    if start == "off_topic":
        assert kb.answer(question).kind == "off_topic"
        return
    assert _lead(kb, question).startswith(start), _lead(kb, question)


# More beliefs, each against domain.md: a contraction without its apostrophe still denies;
# the list a marketplace is on; domestic shipments outside Germany unstated; the appeal's
# time, the Plan of Action's parts and cancelled orders. (question, start, wrong words)
MORE_BELIEFS = [
    ("The 95% rule doesnt apply to Singapore, right?", "Not right", ["Yes"]),
    ("Buy Shipping doesn't work in Japan, right?", "Not right", []),
    ("购买配送在日本站用不了吧", "不对", []),
    ("意大利发意大利本土的单子要算VTR吗", "资料写明的是", ["是的"]),
    ("Are domestic shipments within France counted?", "The sources state", ["Yes", "No —"]),
    ("申诉大概7天就有结果吧", "不对", ["30 天"]),
    ("Plan of Action只要写原因就行了吧", "不对", []),
    ("a POA just needs the root cause, right?", "Not right", []),
    ("cancelled orders count in the denominator, right?", "Not right", []),
]


@pytest.mark.parametrize(("question", "start", "wrong"), MORE_BELIEFS)
def test_more_beliefs_against_the_rules(
    kb: KnowledgeBase, question: str, start: str, wrong: list[str]
) -> None:
    lead = _lead(kb, question)
    assert lead.startswith(start), lead
    assert not any(word in lead for word in wrong), (wrong, lead)


# Conditions that flip "yes, it can count": never scanned, a Chinese name typed after
# "Other", a Japan China Post number ending in another code, Buy Shipping's own upload.
FLIPPED = [
    ("I put the FedEx number under FedEx but it was never scanned, valid?", "No", ["Yes"]),
    ("the DHL number hasn't been picked up yet, does it count as valid?", "No", ["Yes"]),
    ("选了Other然后写了云途物流，可以吗", "不行", ["可以，"]),
    ("I chose Other and typed 顺丰 as the name, ok?", "No", []),
    ("日本站用中国邮政，单号结尾是US可以吗", "不", ["对。", "可以。"]),
    ("用购买配送发的货还需要自己上传单号吗", "不需要", []),
    ("vtr wat is it", "Valid Tracking Rate", []),
]


@pytest.mark.parametrize(("question", "start", "wrong"), FLIPPED)
def test_a_condition_that_flips_the_yes(
    kb: KnowledgeBase, question: str, start: str, wrong: list[str]
) -> None:
    lead = _lead(kb, question)
    assert lead.startswith(start), lead
    assert not any(word in lead for word in wrong), (wrong, lead)


@pytest.mark.parametrize(
    "question",
    [
        "something wrong with my numbers",
        "problem with tracking",
        "issues with my buy shipping labels",
    ],
)
def test_a_trouble_announced_gets_topics(kb: KnowledgeBase, question: str) -> None:
    assert kb.answer(question).kind == "unsure"


# A rate promised by a feature is no rate of the seller's; a relation denied with 没关系 is
# a belief corrected; the 1.7 ratio; tracking said to be required in one place only.
# (question, start, wrong words)
PROMISES_AND_RELATIONS = [
    ("有人说用了购买配送VTR就一定是100%", "不对", ["达标"]),
    ("Buy Shipping means VTR will be 100%, right?", "Not right", ["above 95%"]),
    ("我的VTR是100%，达标吗", "达标", []),
    ("VTR和OTDR没关系吧", "不对", []),
    ("VTR和ODR没有关系对吧", "不对", []),
    ("untracked orders have double the defect rate?", "No", []),
    ("无追踪订单的缺陷率是有追踪的1.7倍吧", "对", []),
    ("amazon only checks tracking on amazon.com right", "Not right", []),
    ("追踪号只有美国站要求吧", "不对", []),
]


@pytest.mark.parametrize(("question", "start", "wrong"), PROMISES_AND_RELATIONS)
def test_promises_relations_and_ratios(
    kb: KnowledgeBase, question: str, start: str, wrong: list[str]
) -> None:
    lead = _lead(kb, question)
    assert lead.startswith(start), lead
    assert not any(word in lead for word in wrong), (wrong, lead)


# The US scan rule with no scan at all, or one scan named by its kind (domain.md 1b): under
# USD 5 one scan is enough, none never is. (question, start, wrong words)
US_SCANS = [
    ("美国站3美元的单子，没有任何扫描，可以吗", "不可以", ["算有效"]),
    ("a $4 US order from China that was never scanned is fine, right?", "Not right", []),
    ("a 4.99 USD order from China to the US with one acceptance scan: valid?", "Yes", []),
    ("美国站8美元的单只有一条揽收扫描，够吗", "不够", []),
]


@pytest.mark.parametrize(("question", "start", "wrong"), US_SCANS)
def test_the_us_scan_rule_with_none_or_one_scan(
    kb: KnowledgeBase, question: str, start: str, wrong: list[str]
) -> None:
    lead = _lead(kb, question)
    assert lead.startswith(start), lead
    assert not any(word in lead for word in wrong), (wrong, lead)


# Requirements asked: Buy Shipping is never required nor the only way, integrated carriers
# are not the only ones, tracking is required for every order, letters included (1b, 2).
# (question, start, wrong words)
REQUIRED = [
    ("只能用购买配送才能保护VTR吗", "不是", ["能。"]),
    ("is Buy Shipping the only way to protect VTR?", "No", ["Yes"]),
    ("do I have to use Buy Shipping?", "No", []),
    ("必须用购买配送吗", "不是", []),
    ("只能用亚马逊合作的物流吗", "不是", ["超出"]),
    ("是不是必须要有追踪号", "是", ["不是"]),
    ("平信也要追踪号吗", "要", []),
    ("do letters need tracking?", "Yes", []),
]


@pytest.mark.parametrize(("question", "start", "wrong"), REQUIRED)
def test_what_is_required_and_what_is_not(
    kb: KnowledgeBase, question: str, start: str, wrong: list[str]
) -> None:
    lead = _lead(kb, question)
    assert lead.startswith(start), lead
    assert not any(word in lead for word in wrong), (wrong, lead)


# True beliefs said in the seller's own words get "Right"/"对" first: the formula, where VTR
# is shown, the unit, the bar per category, Buy Shipping and VAT. (question, start)
TRUE_BELIEFS = [
    ("VTR is valid tracking divided by all self-fulfilled shipments, right?", "Right"),
    ("VTR = 有效追踪的包裹 ÷ 全部自发货包裹，对吧", "对"),
    ("I can find VTR under Account Health > Shipping Performance, right?", "Right"),
    ("账户状况里的配送绩效可以看到VTR吧", "对"),
    ("the unit is the package, not the order, right?", "Right"),
    ("the bar is per category, so one bad category doesn't sink the rest, correct?", "Right"),
    ("Buy Shipping helps with EU VAT, right?", "Right"),
]


@pytest.mark.parametrize(("question", "start"), TRUE_BELIEFS)
def test_a_true_belief_in_own_words_is_confirmed(
    kb: KnowledgeBase, question: str, start: str
) -> None:
    assert _lead(kb, question).startswith(start), _lead(kb, question)


# False beliefs in the seller's own words are corrected on their own subject: FBA with FBM,
# any number uploaded, the order date, the bar stated wrongly without VTR's name or as
# "就行", the appeal through a manager. (question, start, words of the right subject)
FALSE_BELIEFS = [
    ("VTR counts FBM and FBA together, right?", "Not right", ["FBA"]),
    ("As long as I upload any number, VTR is fine, right?", "Not right", ["scan"]),
    ("VTR看的是下单日期吧", "不对", ["承诺送达日期"]),
    ("VTR counts by order date, right?", "Not right", ["promised delivery date"]),
    ("the bar is 90% for Japan right?", "Not right", ["above 95%"]),
    ("VTR高于90%就行了吧", "不对", ["高于 95%"]),
    ("the Plan of Action goes through my account manager, right?", "Not right", ["Appeal"]),
    ("申诉要找客户经理吧", "不对", ["申诉"]),
]


@pytest.mark.parametrize(("question", "start", "words"), FALSE_BELIEFS)
def test_a_false_belief_is_corrected_on_its_subject(
    kb: KnowledgeBase, question: str, start: str, words: list[str]
) -> None:
    lead = _lead(kb, question)
    assert lead.startswith(start), lead
    assert all(word in lead for word in words), (words, lead)


# UK stamps named without "Royal Mail", and a counted order said to have no tracking.
STAMPS_AND_UNTRACKED = [
    ("UK letter bought with Buy Shipping stamps, untracked — fine?", "Yes", "exempt"),
    ("英国站自己买的邮票寄平信，不用追踪吧", "不对", "不能豁免"),
    ("中国直发法国站25欧的包裹，没有追踪，影响吗", "是的", "无效"),
]


@pytest.mark.parametrize(("question", "start", "word"), STAMPS_AND_UNTRACKED)
def test_stamps_and_an_untracked_counted_order(
    kb: KnowledgeBase, question: str, start: str, word: str
) -> None:
    lead = _lead(kb, question)
    assert lead.startswith(start) and word in lead, lead


# What a low VTR does: never the whole store nor every listing, never FBA (domain.md 1, 1b).
CONSEQUENCES = [
    ("是不是VTR低于95%就不能卖货了", "不会", ["不达标"]),
    ("VTR掉到94会被下架所有商品吗", "不会", []),
    ("if my VTR is bad will my FBA stuff be fine?", "Yes", []),
    ("VTR低了以后还能发FBA吗", "能", []),
    ("can I still sell FBA in that category if VTR is low?", "Yes", []),
]


@pytest.mark.parametrize(("question", "start", "wrong"), CONSEQUENCES)
def test_what_a_low_vtr_does(
    kb: KnowledgeBase, question: str, start: str, wrong: list[str]
) -> None:
    lead = _lead(kb, question)
    assert lead.startswith(start), lead
    assert not any(word in lead.split("\n")[0] for word in wrong), (wrong, lead)


# A number's shape without an entry under another carrier is no mismatch; with one, it is.
# Whose numbers start so, asked, is decided from the formats (decide/prefixes.py).
SHAPES = [
    (
        "追踪号格式：云途的是YT开头吗？燕文的呢？",
        "是。以 YT 开头的单号是 YunExpress 的",
        ["有影响", "未确认"],
    ),
    (
        "does a YT number look like yanwen?",
        "No — A number starting with YT is YunExpress's",
        ["Yes"],
    ),
    ("I put a 1Z number under FedEx, ok?", "No", []),
]


@pytest.mark.parametrize(("question", "start", "wrong"), SHAPES)
def test_a_number_shape_and_the_carrier_picked(
    kb: KnowledgeBase, question: str, start: str, wrong: list[str]
) -> None:
    lead = _lead(kb, question)
    assert lead.startswith(start), lead
    assert not any(word in lead for word in wrong), (wrong, lead)


@pytest.mark.parametrize(
    "question",
    [
        # Another field's, however close the words: FBA inbound, refund policy, transit days,
        # carrier prices.
        "FBA入仓的货怎么查物流",
        "Amazon's late delivery refund policy for buyers",
        "云途到美国要几天",
        "which carrier is cheapest from China",
    ],
)
def test_lookalikes_of_another_field_are_refused(kb: KnowledgeBase, question: str) -> None:
    assert kb.answer(question).kind == "off_topic"


# Beliefs told as one's own or as hearsay, with no tag: each decided against domain.md.
HEARSAY = [
    ("好像低于95%只是警告，不会限制", "不对"),
    ("我以为所有包裹都要两次扫描", "不对"),
    ("听别人说FBA的货也要传单号", "不对"),
    ("同行说用其他填中文名也可以", "不对"),
    ("my friend says VTR is only a warning and won't restrict anything", "Not right"),
]


@pytest.mark.parametrize(("question", "start"), HEARSAY)
def test_hearsay_without_a_tag_is_decided(kb: KnowledgeBase, question: str, start: str) -> None:
    assert _lead(kb, question).startswith(start), _lead(kb, question)


# A listed carrier's numbers can count once scanned and matching (domain.md 1b, 6): the
# belief that they never do is corrected. (question, start)
CARRIER_DENIED = [
    ("网上说EMS的单号不算有效", "不对"),
    ("I heard YunExpress tracking doesn't count for VTR", "Not right"),
    ("4PX numbers are not valid, right?", "Not right"),
]


@pytest.mark.parametrize(("question", "start"), CARRIER_DENIED)
def test_a_carrier_said_never_to_count_is_corrected(
    kb: KnowledgeBase, question: str, start: str
) -> None:
    assert _lead(kb, question).startswith(start), _lead(kb, question)


# Another metric does not move VTR (valid tracking ÷ shipped): LSR, PFCR, ODR.
@pytest.mark.parametrize(
    ("question", "start"),
    [
        ("LSR高会影响VTR吗", "不会"),
        ("does a high cancel rate hurt VTR?", "No"),
        ("ODR高了VTR也会低吗", "不会"),
    ],
)
def test_another_metric_does_not_move_vtr(kb: KnowledgeBase, question: str, start: str) -> None:
    assert _lead(kb, question).startswith(start), _lead(kb, question)


# Code-switched: a marketplace code glued to 站 ("JP站"), "delivered了".
@pytest.mark.parametrize(
    ("question", "start"),
    [
        ("Buy Shipping在JP站能用吧", "可以"),
        ("VTR在SG站也考核吧", "是的"),
        ("如果carrier选错了但是delivered了，还能改吗", "不能"),
    ],
)
def test_code_switched_places_and_delivery(kb: KnowledgeBase, question: str, start: str) -> None:
    assert _lead(kb, question).startswith(start), _lead(kb, question)


# 是不是只 asks, it denies nothing; the bar named with 95 is VTR's; "only the integrated,
# the others don't" holds its complement; OTD is OTDR.
@pytest.mark.parametrize(
    ("question", "start"),
    [
        ("购买配送是不是只支持美国站", "不是"),
        ("VTR是不是只看美国站", "不"),
        # Not refused, and the belief (true) confirmed first.
        (
            "isn't the bar strictly above 95? so 95.0% is still under it",
            "Right: VTR must be above 95%",
        ),
        ("only integrated carriers count, the others don't, right?", "Not right"),
        ("VTR只看亚马逊合作的承运商，其他物流的不算吧", "不对"),
        ("OTD rate target?", "The On-Time Delivery Rate"),
    ],
)
def test_only_asked_and_the_bar_named_by_its_figure(
    kb: KnowledgeBase, question: str, start: str
) -> None:
    assert _lead(kb, question).startswith(start), _lead(kb, question)


def test_tracking_not_given_loses_atoz_and_listing_images_are_refused(kb: KnowledgeBase) -> None:
    assert _lead(kb, "If I don't add tracking, do I lose A-to-z claims automatically?").startswith(
        "Yes"
    )
    assert kb.answer("listing主图有什么要求").kind == "off_topic"


# A belief with its two sides swapped, a condition denied ("not via", "didn't use") and the
# fee said in other words ("no markup"): the verdict follows the rule (domain.md 1, 2), and
# the opposite one never leads. (question, start, words, wrong)
SWAPPED_DENIED_AND_FEES = [
    pytest.param(
        "heard that packages WITH tracking end up with 1.7 times the defects of untracked ones, so why bother?",
        "Not right",
        ["without tracking have 1.7 times"],
        ["Right:", "Yes"],
        id="defect-ratio-swapped",
    ),
    pytest.param(
        "tracked orders get a higher ODR than orders without tracking, correct?",
        "Not right",
        ["without tracking"],
        ["Right:", "Yes"],
        id="defect-ratio-swapped-higher",
    ),
    pytest.param(
        "Royal Mail letter stamps on a UK order, purchased from a newsagent and not through Buy Shipping - does that make it exempt?",
        "No",
        ["not exempt"],
        ["Yes", "Right"],
        id="stamps-buy-shipping-denied",
    ),
    pytest.param(
        "UK shipment with plain Royal Mail stamps, we didn't use Buy Shipping for them. exempt from VTR?",
        "No",
        ["not exempt"],
        ["Yes"],
        id="stamps-buy-shipping-not-used",
    ),
    pytest.param(
        "our 3PL told us there's no markup on Buy Shipping labels and Amazon won't charge us anything extra, true?",
        "Right",
        ["nothing extra"],
        ["Not right", "marketplaces"],
        id="buy-shipping-no-markup",
    ),
    pytest.param(
        "Amazon puts a markup on Buy Shipping postage, doesn't it?",
        "Not right",
        ["nothing extra"],
        ["Right:"],
        id="buy-shipping-markup",
    ),
]


@pytest.mark.parametrize(("question", "start", "words", "wrong"), SWAPPED_DENIED_AND_FEES)
def test_swapped_sides_denied_conditions_and_fees_in_other_words(
    kb: KnowledgeBase, question: str, start: str, words: list[str], wrong: list[str]
) -> None:
    lead = _lead(kb, question)
    assert lead.startswith(start), lead
    assert all(word in lead for word in words), (words, lead)
    assert not any(lead.startswith(word) for word in wrong), (wrong, lead)
